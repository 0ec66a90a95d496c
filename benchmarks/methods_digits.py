"""The methods table on digits: every base method x {base, +CS, *} (and * w/ RS with --columns) at 1, 5 and 10 samples per class,
5 seeds, with the condensed-only bounds (cross-entropy and KD) and the full-data bound, and the ablations of the full method.

    python benchmarks/methods_digits.py                        # everything, one process
    python benchmarks/methods_digits.py --methods inversion,fast,prefkd --no-bounds &   # or split over the cores:
    python benchmarks/methods_digits.py --methods deepinversion,cmi --ablation          # same --out, files per method
    python benchmarks/methods_digits.py --methods '' --ablation --ablation-method fast --ablation-spc 10   # another ablation only
    python benchmarks/methods_digits.py --methods '' --ablation --ablation-configs '* (preset)|lam=1.0'   # some of its settings only

Resumable: runs already in the folder's runs-*.csv / ablation-*.csv are kept. Writes results.csv, results.md and ablation-METHOD-spcN.md.
"""
import argparse, warnings
from pathlib import Path
import torch
from cdx.data import digits
from cdx.learner import evaluate
from cdx.digits import digits_teacher, digits_methods
from cdx.table import methods_benchmark, ablation_benchmark, write_table

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--out', default='benchmarks/results/methods-digits')
    p.add_argument('--methods', default=','.join(digits_methods))
    p.add_argument('--spcs', default='1,5,10'); p.add_argument('--seeds', default='0,1,2,3,4')
    p.add_argument('--columns', default='mi,cs,full', help="table columns: mi, cs, full, full-rs")
    p.add_argument('--no-bounds', action='store_true'); p.add_argument('--ablation', action='store_true')
    p.add_argument('--ablation-method', default='inversion'); p.add_argument('--ablation-spc', type=int, default=1)
    p.add_argument('--ablation-configs', default=None, help="'|'-separated names of the ablation settings to run (default: all)")
    p.add_argument('--threads', type=int, default=1)
    a = p.parse_args()
    warnings.filterwarnings('ignore'); torch.set_num_threads(a.threads)
    ints = lambda s: tuple(int(v) for v in s.split(','))
    data = digits(); teacher = digits_teacher(data)
    methods_benchmark(Path(a.out), methods=tuple(m for m in a.methods.split(',') if m), spcs=ints(a.spcs), seeds=ints(a.seeds),
                      columns=tuple(a.columns.split(',')), bounds=not a.no_bounds, data=data, teacher=teacher)
    if a.ablation: ablation_benchmark(Path(a.out), a.ablation_method, a.ablation_spc, seeds=ints(a.seeds), data=data, teacher=teacher,
                                      configs=a.ablation_configs.split('|') if a.ablation_configs else None)
    write_table(Path(a.out), teacher_acc=evaluate(teacher, data.dl('test')))
    print((Path(a.out)/'results.md').read_text())

if __name__ == '__main__': main()
