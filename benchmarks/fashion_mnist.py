"""The digits table on Fashion-MNIST: every setting as chosen on the digits validation split, on data nobody tuned on.

    python benchmarks/fashion_mnist.py                       # 1 and 10 DM images per class, 5 seeds, 2 worker processes
    python benchmarks/fashion_mnist.py --spcs 10 --seeds 0,1,2,3,4,5,6,7,8,9

The teacher (`fashion_recipe`: the digits teacher's net, wider, 10 epochs) is trained once and cached, or read from the published
checkpoint in `benchmarks/results/digits-teacher/`. The condensed sets are condensed by DM from the training split. Each size writes
OUT/spc{N}/results.csv (resumable), results.md (mean ± 95% CI over seeds and the paired differences), samples.png and condensed.png.
"""
from pathlib import Path
from fastcore.script import call_parse
from cdx.datasets import fashion_mnist
from cdx.repro.digits import digits_teacher, digits_benchmark, fashion_recipe

@call_parse
def main(out:str='benchmarks/results/fashion-mnist', # folder for one sub-folder per condensed size
         spcs:str='1,10', # condensed images per class, comma-separated
         seeds:str='0,1,2,3,4', # seeds, comma-separated
         method:str='inversion', # base inversion method
         variants:str='ce,kd,mi,cs,full,real', # rows of the table
         workers:int=2, # processes side by side, one torch thread each
         epochs:int=None): # epochs per distillation (default: the digits preset's)
    "Run the digits table's variants on Fashion-MNIST with the digits presets"
    data = fashion_mnist(size=fashion_recipe['size'], seed=fashion_recipe['split_seed'])
    teacher = digits_teacher(data, recipe=fashion_recipe)
    for spc in map(int, spcs.split(',')):
        digits_benchmark(Path(out)/f'spc{spc}', seeds=tuple(map(int, seeds.split(','))), spc=spc, epochs=epochs, method=method,
                             variants=tuple(variants.split(',')), data=data, teacher=teacher, resume=True, workers=workers, threads=1,
                             name='Fashion-MNIST')
        print((Path(out)/f'spc{spc}'/'results.md').read_text())
