"""A bounded pool on digits: which synthetic images to drop when it is full, the oldest (the paper) or those of lowest priority (SSD-KD).

    python benchmarks/evict_digits.py                 # 5 seeds x 3 settings, one DM image per class (about 15 minutes on one core)
    python benchmarks/evict_digits.py --report-only

Every run is the full method (`*`) with inversion's digits preset; only the pool changes. The capped pool holds the condensed images and
`cap - spc*10` synthetic ones, about a sixth of what 30 rounds make. Per run it records the test and validation accuracy, the mean age of
the synthetic images kept at the end (rounds before the last) and how unbalanced their labels are. Writes OUT/runs.csv (resumable) and
OUT/results.md (mean ± 95% CI over seeds, and the paired differences).
"""
import warnings
from functools import partial
from pathlib import Path
from fastcore.script import call_parse
from cdx.repro.digits import digits_condensed, digits_run
from cdx.ssdkd import evict_table, label_cv, _evict_rows
from cdx.repro.table import digits_jobs

def settings(cap:int) -> dict:
    "The pools compared, by the names `evict_table` shows: `cdx_learner` keyword arguments"
    return {_evict_rows['oldest']: dict(pool_cap=cap, pool_evict='oldest'), _evict_rows['lowest']: dict(pool_cap=cap, pool_evict='lowest'), _evict_rows['none']: {}}

def run_one(data, teacher, job:dict, spc:int=1, cap:int=330) -> dict:
    "The record of one run: accuracy, and the age and label balance of the synthetic images the pool holds at the end"
    cs = digits_condensed(data, spc, seed=job['seed'], source='dm')
    r = digits_run('full', teacher, data, cs, seed=job['seed'], **settings(cap)[job['setting']])
    pool = r['learn'].pool; rnd = pool.rounds[pool.n_fixed:].float()
    return dict(**job, acc=r['acc'], valid_acc=r['valid_acc'], age=(pool.n_rounds-1-rnd).mean().item(), label_cv=label_cv(pool, data.n_classes))

@call_parse
def main(out:str='benchmarks/results/evict-digits', # folder for runs.csv and results.md
         seeds:str='0,1,2,3,4', # seeds, comma-separated
         spc:int=1, # condensed images per class
         cap:int=330, # most images the capped pool holds
         report_only:bool=False): # rewrite results.md from runs.csv
    "Run (or resume) the comparison and write its files"
    warnings.filterwarnings('ignore')
    jobs = [dict(setting=name, seed=s) for name in settings(cap) for s in map(int, seeds.split(','))]
    runs = digits_jobs(out, jobs, partial(run_one, spc=spc, cap=cap), keys=('setting', 'seed'), report_only=report_only)
    md = evict_table(runs, cap, spc); (Path(out)/'results.md').write_text(md); print(md)
