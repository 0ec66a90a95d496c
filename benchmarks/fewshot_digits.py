"""The few-shot comparison of the paper's Table 4 on digits: a channel-pruned digits teacher as the student, repaired by FSKD or trained by cdx.

    python benchmarks/fewshot_digits.py                    # rates 0.25, 0.5, 0.75; 5 seeds; 1 real image per class (about 10 minutes on one core)
    python benchmarks/fewshot_digits.py --report-only      # rewrite results.md from runs.csv

For every pruning rate the student is the published digits teacher with that share of filters removed from each convolution but the
last (`prune_chain`). Per seed, `spc` real training images per class are drawn; then: the pruned network as it is (`pruned`); FSKD on those
images, its ridge chosen on the validation split from a grid (`fskd`); NetGraft on them, 100 steps per block and per stage (`netgraft`); KD of the pruned network on those images alone (`kd`); and cdx's
full method with the pruned network as student and those images as the condensed set (`full`, the digits preset). Writes OUT/runs.csv
(resumable) and OUT/results.md (test accuracy, mean ± 95% CI over seeds, and the paired differences cdx − FSKD).
"""
import warnings
from functools import partial
from pathlib import Path
from fastcore.script import call_parse
from cdx.data import sample_per_class, normalize
from cdx.repro.digits import digits_run
from cdx.learner import evaluate
from cdx.repro.table import digits_jobs
from fastai.torch_core import set_seed
from cdx.augment import ShiftFlip
from cdx.fewshot import prune_chain, fskd, netgraft, fewshot_report

ridges = (1e-3, 1e-2, 1e-1, 1.)

def run_one(data, teacher, job:dict, spc:int=1) -> dict:
    "The record of one job: a pruning rate, a seed and a row"
    rate, seed, v = job['rate'], job['seed'], job['variant']
    few = sample_per_class(data.train, k=spc, seed=seed, n_classes=data.n_classes)
    if v == 'pruned': s = prune_chain(teacher, rate)[0]
    elif v == 'fskd':
        cands = [fskd(teacher, normalize(few.x, data.mean, data.std), rate, ridge=r) for r in ridges]
        s = max(cands, key=lambda m: evaluate(m, data.dl('valid')))
    elif v == 'netgraft': set_seed(seed); s = netgraft(teacher, few.x, data.mean, data.std, rate, steps=100, tfm=ShiftFlip(1))
    else: s = digits_run(v, teacher, data, few, seed=seed, student=prune_chain(teacher, rate)[0])['learn'].model
    return dict(rate=rate, seed=seed, variant=v, acc=evaluate(s, data.dl('test')), valid_acc=evaluate(s, data.dl('valid')))

@call_parse
def main(out:str='benchmarks/results/fewshot-digits', # folder for runs.csv and results.md
         rates:str='0.25,0.5,0.75', # pruning rates, comma-separated
         seeds:str='0,1,2,3,4', # seeds, comma-separated
         spc:int=1, # real images per class
         variants:str='pruned,fskd,netgraft,kd,full', # rows
         report_only:bool=False): # rewrite results.md from runs.csv
    "Run (or resume) the few-shot table and write its files"
    warnings.filterwarnings('ignore')
    jobs = [dict(rate=r, seed=s, variant=v) for r in map(float, rates.split(',')) for s in map(int, seeds.split(',')) for v in variants.split(',')]
    runs = digits_jobs(out, jobs, partial(run_one, spc=spc), keys=('rate', 'seed', 'variant'), report_only=report_only)
    head = (f"Digits, the published teacher pruned by each rate as the student, {spc} real image(s) per class, {runs.seed.nunique()} seeds; "
            "test accuracy (%) as mean ± 95% CI over seeds. FSKD's ridge is chosen on the validation split.")
    md = fewshot_report(runs, head); (Path(out)/'results.md').write_text(md); print(md)
