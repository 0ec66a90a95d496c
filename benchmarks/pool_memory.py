"""Pool memory benchmark on digits: resident memory and pool bytes per epoch for several caps, the student's test accuracy per cap,
and the effect of storing the pool as uint8 instead of float32.

    python benchmarks/pool_memory.py [--epochs 60] [--out benchmarks/results]

Writes pool_memory.csv (per epoch), pool_memory.md (summary) and pool_memory.png (curves) to --out.
"""
import warnings
from pathlib import Path
import torch, pandas as pd, matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
from fastai.callback.core import Callback
from cdx.data import digits
from cdx.repro.digits import digits_teacher, digits_condensed, digits_run
from cdx.stats import md_table
from fastcore.script import call_parse

def rss_mb():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'): return int(line.split()[1])/1024

def frame_markdown(df:pd.DataFrame) -> str:
    "`df` as a markdown table, floats to three decimals"
    fmt = lambda v: f"{v:.3f}" if isinstance(v, float) else ('' if v is None else str(v))
    return md_table(list(df.columns), [[fmt(v) for v in r] for r in df.itertuples(index=False)])

class MemoryLog(Callback):
    "Record resident memory and pool size after every epoch"
    order = 99
    def __init__(self, rows, tag): self.rows, self.tag = rows, tag
    def after_epoch(self): self.rows.append(dict(run=self.tag, epoch=self.epoch, rss_mb=rss_mb(), pool=len(self.learn.pool), pool_kb=self.learn.pool.nbytes()/1024))

@call_parse
def main(epochs:int=60, # epochs of the capped runs
         out:str='benchmarks/results'): # folder for pool_memory.csv, .md and .png
    "Measure the pool's memory under several caps and storage types"
    warnings.filterwarnings('ignore'); torch.set_num_threads(2)
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    data = digits(); teacher = digits_teacher(data)
    rows, summary = [], []
    for cap in (None, 1024, 512, 192):
        tag = f"cap={cap}"
        r = digits_run('full', teacher, data, digits_condensed(data, 1, 0), seed=0, epochs=epochs, pool_cap=cap, cbs=MemoryLog(rows, tag))
        sel = [o for o in rows if o['run'] == tag]
        summary.append(dict(run=tag, dtype='uint8', seed=0, epochs=epochs, acc=r['acc'], final_pool=sel[-1]['pool'], pool_kb=sel[-1]['pool_kb'],
                            peak_rss_mb=max(o['rss_mb'] for o in sel), rss_growth_last_half_mb=sel[-1]['rss_mb']-sel[len(sel)//2]['rss_mb'], seconds=r['seconds']))
        print(summary[-1], flush=True)
    for dtype in (torch.uint8, torch.float32):
        for seed in (0, 1):
            r = digits_run('full', teacher, data, digits_condensed(data, 1, seed), seed=seed, pool_dtype=dtype)
            summary.append(dict(run='dtype', dtype=str(dtype).split('.')[-1], seed=seed, epochs=30, acc=r['acc'], final_pool=len(r['learn'].pool),
                                pool_kb=r['learn'].pool.nbytes()/1024, seconds=r['seconds']))
            print(summary[-1], flush=True)
    pd.DataFrame(rows).to_csv(out/'pool_memory.csv', index=False)
    s = pd.DataFrame(summary)
    (out/'pool_memory.md').write_text("Pool memory on digits (full method, 1 sample per class; `python benchmarks/pool_memory.py`)\n\n" + frame_markdown(s) + '\n')
    df = pd.DataFrame(rows)
    fig, axs = plt.subplots(1, 2, figsize=(10, 3.5))
    for tag, g in df.groupby('run', sort=False):
        axs[0].plot(g.epoch, g.pool_kb, label=tag); axs[1].plot(g.epoch, g.rss_mb, label=tag)
    axs[0].set(xlabel='epoch', ylabel='pool (KiB)', title='Pool storage'); axs[1].set(xlabel='epoch', ylabel='resident memory (MiB)', title='Process memory')
    axs[0].legend(); fig.tight_layout(); fig.savefig(out/'pool_memory.png', dpi=100)

