"""SSD-KD's class modulation of the pseudo-labels (`ClassModulation`) against uniform labels, on digits.

    python benchmarks/modulation_digits.py                 # 5 seeds x 2 settings, one image per class (about 6 minutes on one core)
    python benchmarks/modulation_digits.py --report-only

Every run is the full method (`*`) with the base method's digits preset on DM-condensed images; only the pseudo-labels change. Per run it
records the test and validation accuracy and how unbalanced the synthetic pool's teacher labels are (the coefficient of variation of
the per-class counts). Writes OUT/runs.csv (resumable) and OUT/results.md (mean ± 95% CI, and the paired difference).
"""
import warnings
from functools import partial
from pathlib import Path
from fastcore.script import call_parse
from cdx.repro.digits import digits_condensed, digits_run
from cdx.callbacks import ClassModulation
from cdx.repro.table import digits_jobs
from cdx.ssdkd import modulation_table, label_cv

settings = {'uniform': lambda: [], 'modulated': lambda: [ClassModulation()]}

def run_one(data, teacher, job:dict, spc:int=1, method:str='inversion') -> dict:
    "The record of one run: its accuracy and how unbalanced the synthetic pool's teacher labels are"
    cs = digits_condensed(data, spc, seed=job['seed'], source='dm')
    r = digits_run('full', teacher, data, cs, seed=job['seed'], method=method, cbs=settings[job['setting']]())
    pool = r['learn'].pool
    return dict(**job, acc=r['acc'], valid_acc=r['valid_acc'], label_cv=label_cv(pool, data.n_classes))

@call_parse
def main(out:str='benchmarks/results/modulation-digits', # folder for runs.csv and results.md
         seeds:str='0,1,2,3,4', # seeds, comma-separated
         spc:int=1, # condensed images per class
         method:str='inversion', # base method
         report_only:bool=False): # rewrite results.md from runs.csv
    "Run (or resume) the comparison and write its files"
    warnings.filterwarnings('ignore')
    jobs = [dict(setting=name, seed=s) for s in map(int, seeds.split(',')) for name in settings]
    runs = digits_jobs(out, jobs, partial(run_one, spc=spc, method=method), keys=('setting', 'seed'), report_only=report_only)
    md = modulation_table(runs.astype({'seed': int}), spc, method); (Path(out)/'results.md').write_text(md); print(md)
