"""The digits ablations of `*` on Fashion-MNIST, read on its validation split only: does a discriminator setting make the alignment pay?

    python benchmarks/ablation_fashion.py                    # 1 DM image per class, seeds 0-2, inversion, five settings
    python benchmarks/ablation_fashion.py --spc 10 --configs "* (preset),balanced D + R1"
    python benchmarks/ablation_fashion.py --label-weight auto --out benchmarks/results/fashion-mnist/ablation-auto --seeds 0,1,2,3,4 \
        --configs "* (preset),+CS (no alignment),lam=1.0,lam=3.0,lam=10.0,slow D (lr_d=1e-4)"   # at cdx_learner's default label weight

Every setting is one of `ablation_configs` (the digits ablations), applied to the Fashion-MNIST teacher and data with every other
digits preset unchanged. Writes OUT/ablation-METHOD-spcN.csv (resumable) and .md: validation accuracy, the difference to the preset
paired by seed, the feature gap and the share of synthetic features the discriminator rejects. The test split is not read.
"""
from fastcore.script import call_parse
from fashion_common import fashion_setup
from cdx.repro.table import ablation_benchmark

@call_parse
def main(out:str='benchmarks/results/fashion-mnist/ablation', # folder for the ablation files
         spc:int=1, # condensed images per class
         seeds:str='0,1,2', # seeds, comma-separated
         method:str='inversion', # base inversion method
         configs:str='* (preset),+CS (no alignment),balanced D + R1,unconditional D,feature layer body.5', # settings, comma-separated
         label_weight:str=None, # the condensed samples' label weight in every run: 'auto' (`cdx_learner`'s default) or a number; default the benchmarks' 0
         threads:int=1): # torch threads
    "Run the chosen digits ablations on Fashion-MNIST's validation split"
    data, teacher = fashion_setup(threads)
    run_kw = {} if label_weight is None else dict(label_weight=label_weight if label_weight == 'auto' else float(label_weight))
    ablation_benchmark(out, method=method, spc=spc, seeds=tuple(map(int, seeds.split(','))), configs=configs.split(','), data=data, teacher=teacher,
                       real='Fashion-MNIST images', **run_kw)
    print((out + f'/ablation-{method}-spc{spc}.md') if isinstance(out, str) else out)
