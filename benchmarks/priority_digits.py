"""Prioritised sampling (SSD-KD) against uniform pool sampling on digits: the student's accuracy against the number of KD steps.

    python benchmarks/priority_digits.py                   # 5 seeds x 4 KD budgets x 2 samplers (about 20 minutes on one core)
    python benchmarks/priority_digits.py --report-only     # rewrite the table and the figure from runs.csv

Every run is the full method (`*`) with the base method's digits preset on `spc` condensed (DM) images per class; only the student's steps per
epoch (`kd_steps`) and the sampler change. The condensed set, the student's initialisation and every draw are seeded per seed, so the
two samplers are paired. Writes OUT/runs.csv (resumable: a rerun skips finished runs), OUT/results.md (mean ± 95% CI of the test
accuracy per budget, the paired difference, and the KD-step factor at equal accuracy) and OUT/curve.png.
"""
import warnings
from pathlib import Path
import pandas as pd, torch
import matplotlib; matplotlib.use('Agg')
from fastcore.script import call_parse
from cdx.data import digits
from cdx.repro.digits import digits_teacher, digits_condensed, digits_run
from cdx.pool import PrioritySampler
from cdx.repro.table import run_jobs
from cdx.ssdkd import priority_table, priority_curve

samplers = {'uniform': None, 'priority': PrioritySampler(alpha=1., beta=1.)}

def report(out:Path):
    "results.md and curve.png from runs.csv"
    runs = pd.read_csv(out/'runs.csv')
    md = priority_table(runs); (out/'results.md').write_text(md); print(md)
    ax = priority_curve(runs); fig = ax.figure
    fig.tight_layout(); fig.savefig(out/'curve.png', dpi=120)

@call_parse
def main(out:str='benchmarks/results/priority-digits', # folder for runs.csv, results.md and curve.png
         budgets:str='10,20,40,60', # KD steps per epoch, comma-separated
         seeds:str='0,1,2,3,4', # seeds, comma-separated
         spc:int=1, # condensed images per class
         source:str='dm', # condensed input: 'dm' (as the methods table) or 'real' samples
         method:str='inversion', # base method
         threads:int=1, # torch threads of this process
         report_only:bool=False): # only rewrite the table and the figure from runs.csv
    "Accuracy against KD steps per epoch, uniform against prioritised pool sampling, on digits"
    warnings.filterwarnings('ignore'); torch.set_num_threads(threads)
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    if not report_only:
        data = digits(); teacher = digits_teacher(data)
        jobs = [dict(sampler=s, kd_steps=int(k), seed=int(seed), spc=spc, source=source, method=method)
                for seed in seeds.split(',') for k in budgets.split(',') for s in samplers]
        def run(j):
            r = digits_run('full', teacher, data, digits_condensed(data, j['spc'], seed=j['seed'], source=j['source']), seed=j['seed'], method=j['method'],
                           kd_steps=j['kd_steps'], sampler=samplers[j['sampler']])
            return {**j, **{k: r[k] for k in ('acc', 'valid_acc', 'gap', 'seconds')}}
        run_jobs(out/'runs.csv', jobs, run, resume=True, keys=('sampler', 'kd_steps', 'seed', 'spc', 'source', 'method'))
    report(out)
