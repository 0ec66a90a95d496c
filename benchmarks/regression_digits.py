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
from cdx.regression import (diabetes, rotated_digits, mlp, train_regressor, regression_learner, rmse_of, Regression,
                            regression_rows, regression_report)

datasets = {'rotated_digits': rotated_digits, 'diabetes': diabetes}

def run_seed(data:Regression, seed:int, variants, n_few:int, epochs:int, teacher_epochs:int):
    "Every row for one seed: a dict per row with the test and validation RMSE"
    set_seed(seed); teacher = mlp(data.n_in, 500); train_regressor(teacher, data, epochs=teacher_epochs)
    idx = torch.randperm(len(data.train[0]), generator=torch.Generator().manual_seed(seed))[:n_few]
    few = data.train[0][idx]
    for v in variants:
        t0 = time.time(); set_seed(seed); student = mlp(data.n_in, 25)
        if v == 'teacher': student = teacher
        elif v == 'real': train_regressor(student, data, epochs=teacher_epochs)
        elif v == 'few': train_regressor(student, Regression((few, data.train[1][idx]), data.valid, data.test), epochs=epochs, bs=n_few)
        else:
            learn = regression_learner(teacher, student, data.dl('valid'), few=few, variant=v)
            with learn.no_bar(), learn.no_logging(): learn.fit(epochs, 1e-3)
        yield dict(variant=v, seed=seed, rmse=rmse_of(student, data), valid_rmse=rmse_of(student, data, 'valid'), seconds=time.time()-t0)

@call_parse
def main(out:str='benchmarks/results/regression-digits', # folder for runs.csv and results.md
         data:str='rotated_digits', # 'rotated_digits' or 'diabetes'
         seeds:str='0,1,2,3,4', # seeds, comma-separated (each draws a new split, teacher and few inputs)
         n_few:int=10, # real inputs given to the guided variants
         epochs:int=300, # student epochs (10 batches each)
         teacher_epochs:int=60, # epochs of the teacher and of the whole-split student
         report_only:bool=False): # rewrite results.md from runs.csv
    "Run (or resume) the regression table and write its files"
    warnings.filterwarnings('ignore'); out = Path(out); out.mkdir(parents=True, exist_ok=True)
    f = out/'runs.csv'; runs = pd.read_csv(f) if f.exists() else pd.DataFrame(columns=['variant', 'seed', 'rmse', 'valid_rmse', 'seconds'])
    if not report_only:
        for s in map(int, seeds.split(',')):
            todo = [v for v in regression_rows if not ((runs.seed == s) & (runs.variant == v)).any()]
            if not todo: continue
            for r in run_seed(datasets[data](seed=s), s, todo, n_few, epochs, teacher_epochs):
                runs = pd.concat([runs, pd.DataFrame([r])], ignore_index=True); runs.to_csv(f, index=False)
                print(f"seed {s} {r['variant']}: {r['rmse']:.3f}", flush=True)
    runs = runs.astype({'seed': int})
    head = (f"`{data}`, {n_few} real inputs for the guided rows, students of 25 hidden units for {epochs} epochs of 10 batches, "
            f"{runs.seed.nunique()} seeds (each a new split, teacher and draw of the few inputs); test RMSE in standard deviations of the "
            f"target as mean ± 95% confidence interval (Student's t). Settings: the reference's, not tuned here; the guidance weight 0.1 was not tuned either.")
    md = regression_report(runs, head); (out/'results.md').write_text(md); print(md)
