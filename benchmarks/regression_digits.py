"""Data-free distillation of a regression teacher, with and without a few real inputs, on `rotated_digits` (or `diabetes`).

    python benchmarks/regression_digits.py                          # 5 seeds, 10 real inputs, 300 epochs (about 10 minutes on one core)
    python benchmarks/regression_digits.py --data diabetes --out benchmarks/results/regression-diabetes

Per seed: a new split, a teacher (one hidden layer of 500 Tanh units, as in the reference) trained on the training split, `n_few`
training inputs drawn for the guided variants, and one student (25 hidden units) per row, all seeded. Rows: the Gaussian baseline and the
generator of the reference (`gauss`, `gen`), the generator with the few inputs in the student's batches (`gen+few`), and with the
discriminator on the teacher's features as well (`full`); the bounds are KD on the few inputs alone (`kd-few`), the student trained on
the few labelled samples (`few`) and on the whole training split (`real`). Writes OUT/runs.csv (resumable) and OUT/results.md.
"""
import time, warnings
from pathlib import Path
import pandas as pd, torch
from fastcore.script import call_parse
from fastai.torch_core import set_seed
from functools import lru_cache, partial
from cdx.repro.table import run_jobs
from cdx.regression import (diabetes, rotated_digits, mlp, train_regressor, regression_learner, rmse_of, Regression,
                            regression_rows, regression_report)

datasets = {'rotated_digits': rotated_digits, 'diabetes': diabetes}

@lru_cache(maxsize=2)
def setup(data:str, seed:int, n_few:int, teacher_epochs:int):
    "The seed's split, teacher and few inputs (their indices in the training split), shared by its rows"
    d = datasets[data](seed=seed)
    set_seed(seed); teacher = mlp(d.n_in, 500); train_regressor(teacher, d, epochs=teacher_epochs)
    idx = torch.randperm(len(d.train[0]), generator=torch.Generator().manual_seed(seed))[:n_few]
    return d, teacher, idx

def run_one(data:str, n_few:int, epochs:int, teacher_epochs:int, job:dict) -> dict:
    "The record of one row for one seed: the test and validation RMSE"
    seed, v = job['seed'], job['variant']
    d, teacher, idx = setup(data, seed, n_few, teacher_epochs)
    few = d.train[0][idx]
    t0 = time.time(); set_seed(seed); student = mlp(d.n_in, 25)
    if v == 'teacher': student = teacher
    elif v == 'real': train_regressor(student, d, epochs=teacher_epochs)
    elif v == 'few': train_regressor(student, Regression((few, d.train[1][idx]), d.valid, d.test), epochs=epochs, bs=n_few)
    else:
        learn = regression_learner(teacher, student, d.dl('valid'), few=few, variant=v)
        with learn.no_bar(), learn.no_logging(): learn.fit(epochs, 1e-3)
    return dict(variant=v, seed=seed, rmse=rmse_of(student, d), valid_rmse=rmse_of(student, d, 'valid'), seconds=time.time()-t0)

@call_parse
def main(out:str='benchmarks/results/regression-digits', # folder for runs.csv and results.md
         data:str='rotated_digits', # 'rotated_digits' or 'diabetes'
         seeds:str='0,1,2,3,4', # seeds, comma-separated (each draws a new split, teacher and few inputs)
         n_few:int=10, # real inputs given to the guided variants
         epochs:int=300, # student epochs (10 batches each)
         teacher_epochs:int=60, # epochs of the teacher and of the whole-split student
         report_only:bool=False): # rewrite results.md from runs.csv
    "Run (or resume) the regression table and write its files"
    warnings.filterwarnings('ignore'); out = Path(out); out.mkdir(parents=True, exist_ok=True); f = out/'runs.csv'
    if not report_only:
        jobs = [dict(seed=s, variant=v) for s in map(int, seeds.split(',')) for v in regression_rows]
        run_jobs(f, jobs, partial(run_one, data, n_few, epochs, teacher_epochs), resume=True, keys=('seed', 'variant'))
    runs = pd.read_csv(f).astype({'seed': int})
    head = (f"`{data}`, {n_few} real inputs for the guided rows, students of 25 hidden units for {epochs} epochs of 10 batches, "
            f"{runs.seed.nunique()} seeds (each a new split, teacher and draw of the few inputs); test RMSE in standard deviations of the "
            f"target as mean ± 95% confidence interval (Student's t). Settings: the reference's, not tuned here; the guidance weight 0.1 was not tuned either.")
    md = regression_report(runs, head); (out/'results.md').write_text(md); print(md)
