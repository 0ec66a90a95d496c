"""What the Fashion-MNIST benchmarks share: the data at the teacher recipe's size and split, and that teacher, loaded once per process"""
import warnings
from functools import lru_cache

@lru_cache(1)
def fashion_setup(threads:int=1): # torch threads of this process
    "Fashion-MNIST and its teacher (the published one when the checkout ships it, else trained once and cached), with `threads` torch threads"
    import torch; warnings.filterwarnings('ignore'); torch.set_num_threads(threads)
    from cdx.datasets import fashion_mnist
    from cdx.repro.digits import digits_teacher, fashion_recipe
    data = fashion_mnist(size=fashion_recipe['size'], seed=fashion_recipe['split_seed'])
    return data, digits_teacher(data, recipe=fashion_recipe, verbose=False)
