"""The paper's scaling figure on digits: student accuracy for base, +CS and * at 1, 10 and 50 samples per class.

    python benchmarks/scaling_digits.py                                  # DM input, 5 seeds, the digits preset's 30 epochs
    python benchmarks/scaling_digits.py --source real --seeds 0 --epochs 10

Resumable: runs already in OUT/runs.csv are kept, and a run the methods table already made with the same settings is taken from its
runs-METHOD.csv (`--reuse`). Writes runs.csv, scaling.md and scaling.png.
"""
import warnings
from pathlib import Path
import pandas as pd, torch
from fastcore.script import call_parse
from cdx.data import digits
from cdx.repro.digits import digits_teacher
from cdx.repro.table import run_jobs, table_run
from cdx.viz import plot_scaling
from cdx.stats import mean_ci, fmt_ci, md_table

@call_parse
def main(out:str='benchmarks/results/scaling-digits', # folder for runs.csv, scaling.md and scaling.png
         spcs:str='1,10,50', # condensed images per class
         seeds:str='0,1,2,3,4', # seeds of every point
         epochs:int=None, # epochs per run (default: the digits preset's)
         source:str='dm', # condensed input: 'dm' or 'real'
         method:str='inversion', # base inversion method
         reuse:str='benchmarks/results/methods-digits'): # methods-table folder whose runs with the same settings (DM input, preset epochs) are taken, not redone; '' for none
    "Student accuracy of base, +CS and * against the number of condensed images per class"
    if source not in ('dm', 'real'): raise SystemExit(f"--source must be 'dm' or 'real', not {source!r}.")
    warnings.filterwarnings('ignore'); torch.set_num_threads(1)
    ints = lambda s: tuple(int(v) for v in s.split(','))
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    data = digits(); teacher = digits_teacher(data)
    jobs = [dict(spc=ints(spcs)[0], column='mi', seed=s) for s in ints(seeds)]          # base uses no condensed data: once per seed
    jobs += [dict(spc=k, column=c, seed=s) for k in ints(spcs) for c in ('cs', 'full') for s in ints(seeds)]
    table = Path(reuse)/f'runs-{method}.csv' if reuse else None
    same = pd.read_csv(table) if table is not None and table.exists() and epochs is None and source == 'dm' else pd.DataFrame()
    def run(j):
        hit = same[(same.spc == j['spc']) & (same.column == j['column']) & (same.seed == j['seed'])] if len(same) else same
        if len(hit): return dict(**j, acc=hit.acc.iloc[0], seconds=hit.seconds.iloc[0])   # the methods table's run: the same table_run call
        r = table_run(method, j['column'], teacher, data, j['spc'], j['seed'], epochs, source=source)
        return dict(**j, acc=r['acc'], seconds=r['seconds'])
    runs = pd.DataFrame(run_jobs(out/'runs.csv', jobs, run, resume=True, keys=('spc', 'column', 'seed')))
    g = runs.groupby(['column', 'spc'], sort=False)['acc'].agg(mean='mean', ci=lambda x: mean_ci(x)[1], size='size')
    md = md_table(['variant', 'spc', 'accuracy % (mean ± 95% CI)', 'seeds'], [[c, k, fmt_ci(r['mean'], r['ci']), int(r['size'])] for (c, k), r in g.iterrows()])
    (out/'scaling.md').write_text(md + '\n')
    plot_scaling(runs, title=f"digits, {method}, {source} input", fname=out/'scaling.png')
    print(g)
