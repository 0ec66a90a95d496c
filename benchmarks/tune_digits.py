"""Choose the digits defaults on the validation split: a grid of student and alignment settings, every run scored on the
validation images only (the test split is never read here).

    python benchmarks/tune_digits.py --grid '{"lr": [3e-3, 1e-2, 3e-2], "cond_frac": [0, 0.5]}' --variants kd,cs,full --spcs 1,10
    python benchmarks/tune_digits.py ... --shard 0/2 & python benchmarks/tune_digits.py ... --shard 1/2   # one process per core
    python benchmarks/tune_digits.py --gather-from DIR1,DIR2 --out benchmarks/results/tune-digits   # merge, write runs.csv and tuning.md

Resumable: runs already in `--out`/runs-*.csv are kept. Writes one row per run: settings, seed, validation accuracy, seconds.
"""
import itertools, json, warnings
from pathlib import Path
import torch, pandas as pd
from fastcore.script import call_parse
from cdx.data import digits
from cdx.repro.digits import digits_teacher, digits_condensed, digits_run
from cdx.stats import md_table, mean_ci, fmt_ci
from cdx.repro.table import run_jobs

settings = {'lr': 3e-3, 'T': 4., 'cond_weight': 1., 'kd_steps': 20, 'lam': 0.03}   # the values a run left unset had (the preset before tuning)

def gather(folders, out:Path) -> pd.DataFrame:
    "Merge the runs files of several tuning folders into `out`/runs.csv (unset settings filled in) and write `out`/tuning.md"
    runs = pd.concat([pd.read_csv(f) for d in folders for f in sorted(Path(d).glob('runs-*.csv'))], ignore_index=True)
    for k,v in settings.items(): runs[k] = runs[k].fillna(v) if k in runs else v
    keys = ['method','spc','variant'] + list(settings)
    runs = runs.drop_duplicates(keys + ['seed'], keep='last')[keys + ['seed','valid_acc','seconds']]
    out.mkdir(parents=True, exist_ok=True); runs.to_csv(out/'runs.csv', index=False)
    report(runs, out)
    return runs

def report(runs:pd.DataFrame, out:Path):
    "Write `out`/tuning.md: validation accuracy (mean ± 95% CI over seeds) of every grid point"
    keys = ['method','spc','variant'] + list(settings)
    g = runs.groupby(keys)['valid_acc'].agg(mean='mean', ci=lambda x: mean_ci(x)[1], size='size').reset_index()
    rows = [[r['spc'], r['variant'], *(f"{r[k]:g}" for k in settings), fmt_ci(r['mean'], r['ci']), r['size']]
            for _,r in g.sort_values(['spc','variant'] + list(settings)).iterrows()]
    (out/'tuning.md').write_text(md_table(['spc', 'variant', *settings, 'validation accuracy (%), mean ± 95% CI', 'seeds'], rows) + '\n')

@call_parse
def main(grid:str='{}', # JSON dict: setting -> list of values (keywords of `digits_run`)
         variants:str='kd,cs,full', # variants to run for every grid point
         methods:str='inversion', # base methods
         spcs:str='1,10', # condensed images per class
         seeds:str='0,1,2', # seeds
         out:str='benchmarks/results/tune-digits', # folder of the runs files
         shard:str='0/1', # 'K/N': run every N-th job starting at K (one process per core)
         threads:int=1, # torch threads per process
         gather_from:str=''): # comma-separated tuning folders: merge their runs into `out`/runs.csv and tuning.md instead of running
    "Run the grid and append every run's validation accuracy to `out`/runs-K.csv"
    if gather_from: return gather(gather_from.split(','), Path(out))
    warnings.filterwarnings('ignore'); torch.set_num_threads(threads)
    g = json.loads(grid); keys = sorted(g)
    k, n = map(int, shard.split('/'))
    out = Path(out); out.mkdir(parents=True, exist_ok=True); path = out/f'runs-{k}.csv'
    data = digits(); teacher = digits_teacher(data)
    jobs = [dict(method=m, variant=v, spc=int(s), seed=int(sd), **dict(zip(keys, vals)))
            for m in methods.split(',') for s in spcs.split(',') for sd in seeds.split(',') for vals in itertools.product(*[g[c] for c in keys])
            for v in variants.split(',')]
    def run(j):
        cs = digits_condensed(data, j['spc'], seed=j['seed'], source='dm')
        r = digits_run(j['variant'], teacher, data, cs, seed=j['seed'], method=j['method'], **{c: j[c] for c in keys})
        return {**j, 'valid_acc': r['valid_acc'], 'seconds': r['seconds']}
    run_jobs(path, [j for i,j in enumerate(jobs) if i % n == k], run, resume=True, keys=['method','variant','spc','seed']+keys)
