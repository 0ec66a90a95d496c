"""SSD-KD's class modulation of the pseudo-labels (`ClassModulation`) against uniform labels, on digits.

    python benchmarks/modulation_digits.py                 # 5 seeds x 2 settings, one image per class (about 6 minutes on one core)
    python benchmarks/modulation_digits.py --report-only

Every run is the full method (`*`) with the base method's digits preset on DM-condensed images; only the pseudo-labels change. Per run it
records the test and validation accuracy and how unbalanced the synthetic pool's teacher labels are (the coefficient of variation of
the per-class counts). Writes OUT/runs.csv (resumable) and OUT/results.md (mean ± 95% CI, and the paired difference).
"""
import warnings
from pathlib import Path
import pandas as pd, torch
from fastcore.script import call_parse
from cdx.data import digits
from cdx.digits import digits_teacher, digits_condensed, digits_run
from cdx.callbacks import ClassModulation
from cdx.table import modulation_table

settings = {'uniform': lambda: [], 'modulated': lambda: [ClassModulation()]}

@call_parse
def main(out:str='benchmarks/results/modulation-digits', # folder for runs.csv and results.md
         seeds:str='0,1,2,3,4', # seeds, comma-separated
         spc:int=1, # condensed images per class
         method:str='inversion', # base method
         report_only:bool=False): # rewrite results.md from runs.csv
    "Run (or resume) the comparison and write its files"
    warnings.filterwarnings('ignore'); torch.set_num_threads(1)
    out = Path(out); out.mkdir(parents=True, exist_ok=True); f = out/'runs.csv'
    runs = pd.read_csv(f) if f.exists() else pd.DataFrame(columns=['setting', 'seed', 'acc', 'valid_acc', 'label_cv'])
    if not report_only:
        data = digits(); teacher = digits_teacher(data)
        for s in map(int, seeds.split(',')):
            cs = digits_condensed(data, spc, seed=s, source='dm')
            for name, cbs in settings.items():
                if ((runs.seed == s) & (runs.setting == name)).any(): continue
                r = digits_run('full', teacher, data, cs, seed=s, method=method, cbs=cbs())
                pool = r['learn'].pool; counts = torch.bincount(pool.y[pool.n_fixed:], minlength=data.n_classes).float()
                rec = dict(setting=name, seed=s, acc=r['acc'], valid_acc=r['valid_acc'], label_cv=(counts.std()/counts.mean()).item())
                runs = pd.concat([runs, pd.DataFrame([rec])], ignore_index=True); runs.to_csv(f, index=False)
                print(f"seed {s} {name}: {r['acc']:.3f} (label CV {rec['label_cv']:.2f})", flush=True)
    md = modulation_table(runs.astype({'seed': int}), spc, method); (out/'results.md').write_text(md); print(md)
