"""Condensation benchmark on digits: a student trained from scratch on DM-condensed images versus on the same number of random real
images (the condensation literature's standard check), at 1, 5 and 10 images per class, three seeds each.

    python benchmarks/condense_digits.py [--iters 200] [--out benchmarks/results]
    python benchmarks/condense_digits.py --report-only      # rewrite condense_digits.md from condense_digits.csv

Writes condense_digits.csv (one row per run) and condense_digits.md (mean ± 95% CI over seeds) to --out.
"""
import time, warnings
from pathlib import Path
import torch, pandas as pd
from fastcore.script import call_parse
from cdx.data import digits
from cdx.condense import condense_dm
from cdx.repro.digits import digits_teacher, digits_condensed, digits_run
from cdx.stats import mean_ci, fmt_ci, md_table

def report(df:pd.DataFrame, out:Path):
    "Write condense_digits.md: mean test accuracy with its 95% CI over seeds, per size and source"
    g = df.groupby(['spc', 'source'], sort=False)
    rows = [[spc, src, fmt_ci(*mean_ci(d['acc'])), f"{d['condense_seconds'].mean():.0f}"] for (spc, src), d in g]
    text = (f"Digits: student (digits_student_net) trained from scratch on k images per class, test accuracy, mean ± 95% CI over seeds "
            f"{sorted(df.seed.unique().tolist())} (`python benchmarks/condense_digits.py`)\n\n"
            + md_table(['images per class', 'source', 'test accuracy (%)', 'condensation seconds'], rows) + '\n')
    (out/'condense_digits.md').write_text(text); print(text)

@call_parse
def main(iters:int=200, # DM iterations per condensed set
         out:str='benchmarks/results', # folder for condense_digits.csv and .md
         spcs:str='1,5,10', # images per class
         seeds:str='0,1,2', # one condensed set and one student per seed
         report_only:bool=False): # only rewrite the markdown from the csv in `out`
    "Train a student from scratch on DM-condensed and on random real digits"
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    if report_only: return report(pd.read_csv(out/'condense_digits.csv'), out)
    warnings.filterwarnings('ignore'); torch.set_num_threads(2)
    data = digits(); teacher = digits_teacher(data); rows = []
    for spc in (int(v) for v in spcs.split(',')):
        for seed in (int(v) for v in seeds.split(',')):
            real = digits_condensed(data, spc, seed)
            t0 = time.time(); dm = condense_dm(data.train, spc, data.mean, data.std, iters=iters, seed=seed, show_progress=False); t_dm = time.time()-t0
            for source, cs in (('random real', real), (f'DM ({iters} iterations)', dm)):
                r = digits_run('ce', teacher, data, cs, seed=seed)
                rows.append(dict(spc=spc, seed=seed, source=source, acc=r["acc"], condense_seconds=t_dm if source.startswith("DM") else 0.))
                print(rows[-1], flush=True)
            pd.DataFrame(rows).to_csv(out/'condense_digits.csv', index=False)
    report(pd.DataFrame(rows), out)
