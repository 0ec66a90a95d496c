"""How far the digits benchmark moves when it is run again: with the same command on the same machine, and with another CPU thread
count (another order of floating-point sums, which is what changes between machines), compared run by run with the published run.

    cdx-distill --out /tmp/again                      # the same command as the published run; copy its results.csv to OUT/again-2-threads.csv
    python benchmarks/reproducibility.py             # compares it, and the tuning sweep's 1-thread runs of the same settings, with the published run

Writes OUT/reproducibility.md (a table and sentences generated from it).
"""
from pathlib import Path
import numpy as np, pandas as pd
from fastcore.script import call_parse
from cdx.digits import table_rows, digits_preset, summarize

def compare(pub:pd.DataFrame, rep:pd.DataFrame, score:str) -> pd.DataFrame:
    "Per variant: runs compared, how many are identical, and the largest change of one run's `score`"
    m = pub.merge(rep, on=['variant','seed'], suffixes=('', '_rep'))
    m['change'] = (m[score+'_rep'] - m[score]).abs()
    return m.groupby('variant', sort=False).agg(runs=('change','size'), identical=('change', lambda c: int((c == 0).sum())), largest=('change','max')).astype({'runs': int})

@call_parse
def main(published:str='benchmarks/results/digits-spc1-dm', # folder of the published run (made with 2 threads, the default)
         again:str='benchmarks/results/reproducibility/again-2-threads.csv', # the same command run again (results.csv of that run)
         tuning:str='benchmarks/results/tune-digits/runs.csv', # the tuning sweep, run with 1 thread
         out:str='benchmarks/results/reproducibility'): # folder for the report
    "Compare repeated runs of the digits benchmark with the published one"
    pub = pd.read_csv(Path(published)/'results.csv'); ci = summarize(pub)['ci']
    t = pd.read_csv(tuning); p = digits_preset
    same = (t.method == 'inversion') & (t.spc == 1) & np.isclose(t.lr, p['lr']) & np.isclose(t['T'], p['T']) & np.isclose(t.cond_weight, 1.) \
           & (t.kd_steps == p['kd_steps']) & np.isclose(t.lam, p['lam'])
    checks = [('same command, 2 threads, test accuracy', compare(pub, pd.read_csv(again), 'acc')),
              ('1 thread (tuning sweep), validation accuracy', compare(pub, t[same][['variant','seed','valid_acc']], 'valid_acc'))]
    lines = ['### Reproducibility', '', f"The published one-image-per-class run (`{published}`, 2 threads) against runs of the same settings made again:", '',
             '| repeat | model | runs compared | identical | largest change of one run (points) | published 95% CI half-width (points) |', '|---|---|---|---|---|---|']
    said = []
    for name, c in checks:
        lines += [f"| {name} | {table_rows[v]} | {r['runs']} | {r['identical']} | {100*r['largest']:.1f} | {100*ci[v]:.1f} |" for v, r in c.iterrows()]
        moved = [v for v, r in c.iterrows() if r['identical'] < r['runs']]
        inside = [v for v in moved if c.loc[v, 'largest'] <= ci[v]]
        said.append(f"{name.capitalize()}: {int(c['identical'].sum())} of {int(c['runs'].sum())} runs identical"
                    + (f"; the runs that differ ({', '.join(table_rows[v] for v in moved)}) change by at most {100*c['largest'].max():.1f} points, "
                       f"{'within' if len(inside) == len(moved) else 'beyond'} the published interval's half-width for "
                       + ("every one of those rows: a different thread count acts like another random draw, a spread the intervals already include."
                          if len(inside) == len(moved) else ', '.join(table_rows[v] for v in moved if v not in inside)
                          + ": a single run can move by more than the interval of a five-seed mean, so compare means over seeds, not single runs.")
                       if moved else '.'))
    o = Path(out); o.mkdir(parents=True, exist_ok=True)
    (o/'reproducibility.md').write_text('\n'.join(lines + [''] + [f"- {s}" for s in said]) + '\n')
    print((o/'reproducibility.md').read_text())
