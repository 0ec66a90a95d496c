"""The methods table on digits: every base method x {base, +CS, *} (and * w/ RS with --columns) at 1, 5 and 10 samples per class,
5 seeds, with the condensed-only bounds (cross-entropy and KD) and the full-data bound, and the ablations of the full method.

    python benchmarks/methods_digits.py                        # everything, one process
    python benchmarks/methods_digits.py --methods inversion,fast,prefkd --no-bounds &   # or split over the cores:
    python benchmarks/methods_digits.py --methods deepinversion,cmi --ablation          # same --out, files per method
    python benchmarks/methods_digits.py --methods '' --ablation --ablation-method fast --ablation-spc 10   # another ablation only
    python benchmarks/methods_digits.py --methods '' --ablation --ablation-configs '* (preset)|lam=1.0'   # some of its settings only

Resumable: runs already in the folder's runs-*.csv / ablation-*.csv are kept. Writes results.csv, results.md and ablation-METHOD-spcN.md.
"""
import warnings
from pathlib import Path
import torch
from fastcore.script import call_parse
from cdx.data import digits
from cdx.repro.digits import digits_teacher, digits_methods
from cdx.repro.table import methods_benchmark, ablation_benchmark

@call_parse
def main(out:str='benchmarks/results/methods-digits', # folder of the runs files and the tables
         methods:str=','.join(digits_methods), # base methods, comma-separated ('' for none)
         spcs:str='1,5,10', # condensed images per class
         seeds:str='0,1,2,3,4', # seeds of every cell
         columns:str='mi,cs,full', # table columns: mi, cs, full, full-rs
         no_bounds:bool=False, # skip the condensed-only and full-data students
         ablation:bool=False, # also run the ablations of the full method
         ablation_method:str='inversion', # base method of the ablations
         ablation_spc:int=1, # condensed images per class of the ablations
         ablation_configs:str=None, # '|'-separated names of the ablation settings to run (default: all)
         threads:int=1): # torch threads of this process
    "Run the methods table on digits (results.md gathers every runs file in `out`), and the ablations"
    warnings.filterwarnings('ignore'); torch.set_num_threads(threads)
    ints = lambda s: tuple(int(v) for v in s.split(','))
    data = digits(); teacher = digits_teacher(data)
    methods_benchmark(Path(out), methods=tuple(m for m in methods.split(',') if m), spcs=ints(spcs), seeds=ints(seeds),
                      columns=tuple(columns.split(',')), bounds=not no_bounds, data=data, teacher=teacher)
    if ablation: ablation_benchmark(Path(out), ablation_method, ablation_spc, seeds=ints(seeds), data=data, teacher=teacher,
                                    configs=ablation_configs.split('|') if ablation_configs else None)
    if (Path(out)/'results.md').exists(): print((Path(out)/'results.md').read_text())   # written by `methods_benchmark`
