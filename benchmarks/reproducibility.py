"""How far the digits benchmark moves when it is run again: with the same command, with another process layout, and with another CPU
thread count per run (another order of floating-point sums), compared run by run with the published run.

    CDX_CACHE=$(mktemp -d) cdx-distill --out /tmp/again && cp /tmp/again/results.csv benchmarks/results/reproducibility/again.csv   # again, as on a fresh machine
    # on another machine (or the same one after its libraries changed): the results, and one line saying what the machine is
    CDX_CACHE=$(mktemp -d) cdx-distill --out /tmp/elsewhere && cp /tmp/elsewhere/results.csv benchmarks/results/reproducibility/elsewhere.csv
    python -c "from reproducibility import machine; print(machine())" > benchmarks/results/reproducibility/elsewhere.txt   # from benchmarks/
    cdx-distill --workers 2 --threads 2 --out /tmp/two && cp /tmp/two/results.csv benchmarks/results/reproducibility/two-threads.csv
    python benchmarks/reproducibility.py

The methods table's inversion rows at one image per class (other processes, one thread per run) are a third repeat. The ten-seed run
is not one: it continues the published runs (`cdx-distill --n-seeds 10 --resume` on a copy of their results).
Writes OUT/reproducibility.md: the tables and the sentences generated from them.
"""
from pathlib import Path
import pandas as pd
from fastcore.script import call_parse
from cdx.repro.digits import table_rows, summarize, paired_table
from cdx.stats import fmt_pair, fmt_ci, md_table, direction

def compare(pub:pd.DataFrame, rep:pd.DataFrame, score:str='acc') -> pd.DataFrame:
    "Per variant: runs compared, how many are identical, and the largest change of one run's `score`"
    m = pub.merge(rep, on=['variant','seed'], suffixes=('', '_rep'))
    m['change'] = (m[score+'_rep'] - m[score]).abs()
    g = m.groupby('variant', sort=False).agg(runs=('change','size'), identical=('change', lambda c: int((c == 0).sum())), largest=('change','max'))
    return g.astype({'runs': int, 'identical': int})

def machine() -> str:
    "This machine in words: torch's version and build, the CPU's vector extensions, the date"
    import datetime, platform, torch
    flags = set(Path('/proc/cpuinfo').read_text().split()) if Path('/proc/cpuinfo').exists() else set()
    isa = [f for f in ('avx2', 'avx512f', 'avx512_bf16', 'amx_tile') if f in flags]
    return (f"torch {torch.__version__}, {platform.machine()} CPU with {', '.join(isa) or 'no AVX2'}, "
            f"{datetime.date.today().isoformat()}")

def inside(pub:pd.DataFrame, rep:pd.DataFrame, score:str='acc') -> pd.DataFrame:
    "Per variant: the published mean and 95% CI half-width, the repeat's mean over the same seeds, and whether it lands inside"
    s = summarize(pub[pub.seed.isin(rep.seed)]); r = rep.groupby('variant')[score].mean()
    d = pd.DataFrame(dict(mean=s['mean'], ci=s['ci'], repeat=r.reindex(s.index))).dropna(subset=['repeat'])
    d['inside'] = (d.repeat - d['mean']).abs() <= d.ci
    return d

def _pairs(runs:pd.DataFrame) -> dict:
    p = paired_table(runs)
    return {(r.a, r.b): r for r in p.itertuples() if r.b in ('cs', 'mi')}

def _two_draws(pub:pd.DataFrame, two:pd.DataFrame, lines:list, said:list):
    "Append the table and sentence comparing each verdict drawn with one and with two threads per run"
    pp, pt = _pairs(pub), _pairs(two)
    common = [k for k in pp if k in pt]
    lines += ['', "The comparisons themselves, drawn twice: with one thread per run (published) and with two (every run a different but equally valid "
              "draw; the seeds are the same):", '',
              md_table(['comparison (paired by seed)', 'one thread (published)', 'two threads'],
                       [[f"{table_rows[k[0]]} − {table_rows[k[1]]}", fmt_pair(pp[k]._asdict(), wins=False), fmt_pair(pt[k]._asdict(), wins=False)] for k in common])]
    flips = [f"{table_rows[k[0]]} − {table_rows[k[1]]}" for k in common if direction(pp[k]._asdict()) != direction(pt[k]._asdict())]
    said.append(("Between the two draws, the verdict changes for " + ', '.join(flips) + ": at five seeds a difference of one or two points "
                 "at one image per class is not a stable finding, whatever its interval says.") if flips else
                "Between the two draws, no comparison changes its verdict.")

def _elsewhere(pub:pd.DataFrame, rep:pd.DataFrame, where:str, lines:list, said:list):
    "Append the table and sentence saying whether each mean of the run elsewhere lands inside the published interval"
    d = inside(pub, rep)
    lines += ['', f"Each mean of the same command on {where}, against the published mean and 95% CI (test accuracy, %):", '',
              md_table(['model', 'published', 'elsewhere', 'inside the published interval'],
                       [[table_rows[v], fmt_ci(r['mean'], r['ci']), f"{100*r['repeat']:.1f}", 'yes' if r['inside'] else 'no'] for v, r in d.iterrows()])]
    out = [table_rows[v] for v, r in d.iterrows() if not r['inside']]
    said.append(f"On {where}, {int(d.inside.sum())} of {len(d)} means land inside the published intervals" +
                ('.' if not out else f"; outside: {', '.join(out)}."))

@call_parse
def main(published:str='benchmarks/results/digits-spc1-dm', # folder of the published run
         folder:str='benchmarks/results/reproducibility', # again.csv and two-threads.csv (each optional); the report goes here too
         methods:str='benchmarks/results/methods-digits'): # the methods table's folder (its inversion and bound runs)
    "Compare repeated runs of the digits benchmark with the published one"
    o = Path(folder); pub = pd.read_csv(Path(published)/'results.csv'); ci = summarize(pub)['ci']
    m = pd.concat([pd.read_csv(Path(methods)/f) for f in ('runs-inversion.csv', 'runs-bounds.csv')])
    m = m[m.spc == 1].rename(columns={'column': 'variant'})[['variant','seed','acc']]
    two = pd.read_csv(o/'two-threads.csv') if (o/'two-threads.csv').exists() else None
    where = (o/'elsewhere.txt').read_text().strip() if (o/'elsewhere.txt').exists() else 'another machine'
    repeats = ([('the same command again, from an empty cache (as on a fresh machine)', pd.read_csv(o/'again.csv'))] if (o/'again.csv').exists() else []) + [
               ('the methods table (other processes, same settings)', m)] + ([('two threads per run instead of one', two)] if two is not None else []) + (
               [(f"the same command on {where}", pd.read_csv(o/'elsewhere.csv'))] if (o/'elsewhere.csv').exists() else [])
    lines = ['### Reproducibility', '', f"The published one-image-per-class run (`{published}`) against runs of the same settings made again, run by run "
             "(test accuracy):", '']
    rows, said = [], []
    for name, rep in repeats:
        c = compare(pub, rep)
        rows += [[name, table_rows[v], int(r['runs']), int(r['identical']), f"{100*r['largest']:.1f}", f"{100*ci[v]:.1f}"] for v, r in c.iterrows()]
        n, same = int(c['runs'].sum()), int(c['identical'].sum())
        said.append(f"{name[0].upper() + name[1:]}: {same} of {n} runs identical" + ('.' if same == n else f"; single runs move by up to {100*c['largest'].max():.1f} points."))
    lines.append(md_table(['repeat', 'model', 'runs compared', 'identical', 'largest change of one run (points)', 'published 95% CI half-width (points)'], rows))
    if two is not None: _two_draws(pub, two, lines, said)
    if (o/'elsewhere.csv').exists(): _elsewhere(pub, pd.read_csv(o/'elsewhere.csv'), where, lines, said)
    (o/'reproducibility.md').write_text('\n'.join(lines + [''] + [f"- {s}" for s in said]) + '\n')
    print((o/'reproducibility.md').read_text())
