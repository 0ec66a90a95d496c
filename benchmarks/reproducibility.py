"""How far the digits benchmark moves between runs: the same command again on the same machine, and again with another CPU thread count
(a different order of floating-point sums, as on another machine), compared with the published run row by row.

    cdx-distill --out benchmarks/results/digits-spc1-dm                       # the published run (2 threads, the default)
    cdx-distill --out /tmp/again --threads 2 && cdx-distill --out /tmp/t1 --threads 1
    python benchmarks/reproducibility.py --published benchmarks/results/digits-spc1-dm --runs /tmp/again,/tmp/t1 --names "same machine, again","1 thread"

Writes `--out`/reproducibility.md (a table and sentences generated from it) and reproducibility.csv.
"""
from pathlib import Path
import pandas as pd
from fastcore.script import call_parse
from cdx.digits import table_rows, summarize
from cdx.stats import fmt_ci

@call_parse
def main(published:str='benchmarks/results/digits-spc1-dm', # folder of the published run
         runs:str='', # comma-separated folders of the repeated runs
         names:str='', # comma-separated names of the repeated runs
         out:str='benchmarks/results/reproducibility'): # folder for the report
    "Compare repeated digits benchmarks with the published one"
    pub = pd.read_csv(Path(published)/'results.csv'); g = summarize(pub)
    rows, said = [], []
    for folder, name in zip(runs.split(','), names.split(',')):
        r = pd.read_csv(Path(folder)/'results.csv'); h = summarize(r)
        m = pub.merge(r, on=['variant','seed'], suffixes=('', '_rep'))
        identical = bool((m['acc'] == m['acc_rep']).all())
        inside = [v for v in h.index if abs(h.loc[v,'mean'] - g.loc[v,'mean']) <= g.loc[v,'ci']]
        for v in h.index:
            rows.append(dict(run=name, variant=v, published=g.loc[v,'mean'], published_ci=g.loc[v,'ci'], repeated=h.loc[v,'mean'],
                             shift=h.loc[v,'mean']-g.loc[v,'mean'], max_run_change=(m.loc[m.variant == v, 'acc_rep']-m.loc[m.variant == v, 'acc']).abs().max()))
        said.append(f"{name}: " + ("every run gave the same test accuracy as the published one. " if identical else
                    f"runs differ by up to {100*max(x['max_run_change'] for x in rows if x['run'] == name):.1f} points, and ")
                    + f"{len(inside)} of {len(h)} rows have a mean inside the published 95% interval"
                    + (f" (outside: {', '.join(table_rows[v] for v in h.index if v not in inside)})." if len(inside) < len(h) else '.'))
    df = pd.DataFrame(rows); o = Path(out); o.mkdir(parents=True, exist_ok=True); df.to_csv(o/'reproducibility.csv', index=False)
    lines = ['### Reproducibility', '', f"The published one-image-per-class run, repeated with the same command (`{published}`):", '',
             '| repeat | model | published (%) | repeated mean (%) | shift (points) | largest change of one run (points) |', '|---|---|---|---|---|---|']
    lines += [f"| {x['run']} | {table_rows[x['variant']]} | {fmt_ci(x['published'], x['published_ci'])} | {100*x['repeated']:.1f} | {100*x['shift']:+.1f} | "
              f"{100*x['max_run_change']:.1f} |" for _,x in df.iterrows()]
    (o/'reproducibility.md').write_text('\n'.join(lines + [''] + [f"- {s}" for s in said]) + '\n')
    print((o/'reproducibility.md').read_text())
