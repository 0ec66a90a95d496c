"""The alignment weight on Fashion-MNIST, read on its validation split only: does another `lam` than the digits preset's make `*` pay?

    python benchmarks/lam_fashion.py                       # lam 0.03, 1 and 3; seeds 0-2; 10 DM images per class; 2 processes

`*` with inversion and every other digits preset unchanged; `lam` 0.3 (the preset) and 0 (`+CS`) are the runs of
`benchmarks/results/fashion-mnist/spc10/results.csv`, on the same seeds and condensed sets. Writes OUT/runs.csv (resumable) and
OUT/results.md with the validation accuracy per `lam` (the test split is not read).
"""
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import pandas as pd
from fastcore.script import call_parse
from fashion_common import fashion_setup
from cdx.stats import summarize_runs, fmt_ci, md_table, paired_diff, fmt_pair

def one(job):
    "One `*` run at one `lam`: its validation accuracy"
    from cdx.repro.digits import digits_condensed, digits_run
    data, teacher = fashion_setup()
    cs = digits_condensed(data, job['spc'], seed=job['seed'], source='dm')
    r = digits_run('full', teacher, data, cs, seed=job['seed'], lam=job['lam'])
    return dict(**job, valid_acc=r['valid_acc'])

@call_parse
def main(out:str='benchmarks/results/fashion-mnist/lam-spc10', # folder for runs.csv and results.md
         lams:str='0.03,1,3', # alignment weights to run
         seeds:str='0,1,2', # seeds
         spc:int=10, # condensed images per class
         workers:int=2): # processes side by side
    "Run the `lam` sweep on Fashion-MNIST's validation split and write its table"
    out = Path(out); out.mkdir(parents=True, exist_ok=True); f = out/'runs.csv'
    runs = pd.read_csv(f) if f.exists() else pd.DataFrame(columns=['lam', 'seed', 'spc', 'valid_acc'])
    jobs = [dict(lam=float(l), seed=int(s), spc=spc) for l in lams.split(',') for s in seeds.split(',')
            if not ((runs.lam == float(l)) & (runs.seed == int(s))).any()]
    with ProcessPoolExecutor(workers) as ex:
        for r in ex.map(one, jobs):
            runs = pd.concat([runs, pd.DataFrame([r])], ignore_index=True); runs.to_csv(f, index=False); print(r, flush=True)
    base = pd.read_csv(f'benchmarks/results/fashion-mnist/spc{spc}/results.csv')
    base = base[base.variant.isin(['cs', 'full']) & base.seed.isin(runs.seed.unique())]
    base = base.assign(lam=base.variant.map({'cs': 0., 'full': 0.3}), spc=spc)[['lam', 'seed', 'spc', 'valid_acc']]
    allr = pd.concat([base, runs], ignore_index=True).astype({'seed': int})
    g = summarize_runs(allr, 'lam', 'valid_acc').sort_index()
    acc = {l: d.set_index('seed')['valid_acc'] for l, d in allr.groupby('lam')}
    name = lambda l: f"{l:g}" + (' (+CS)' if l == 0 else ' (digits preset)' if l == 0.3 else '')
    md = md_table(['lam', 'validation accuracy (%)', 'minus +CS, paired (points, 95% CI), seeds better', 'seeds'],
                  [[name(l), fmt_ci(r['mean'], r['ci']), '–' if l == 0 else fmt_pair(paired_diff(acc[l], acc[0.])), int(r['n'])] for l, r in g.iterrows()])
    head = (f"Fashion-MNIST, `*` with inversion, {spc} DM images per class, seeds {', '.join(map(str, sorted(allr.seed.unique())))} (an exploratory "
            "sweep: three seeds, so no setting is chosen from it): validation accuracy by alignment weight, every other setting the digits "
            "preset's. The test split is not read.")
    (out/'results.md').write_text(head + '\n\n' + md + '\n'); print(head + '\n\n' + md)
