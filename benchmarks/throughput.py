"""Throughput of full-scale cells on stand-in data of the right shape: synthesis steps/s, KD steps/s, images/s and peak GPU memory.

    python benchmarks/throughput.py                  # on a GPU: four CIFAR-10 cells at their preset batch sizes, 3 epochs each
    python benchmarks/throughput.py --tiny           # the same path on the CPU with small batches and a few steps (a smoke run)

Each cell runs through `run_cell`, exactly as `cdx-reproduce` runs it, on a stand-in CIFAR-10 written by `standin_dataset`, with an
untrained teacher of the cell's architecture (throughput does not depend on the weights) and few real images as the condensed set.
The adversarial warm-up is switched off so every epoch does the steady-state work. The accuracies mean nothing and are not written.
Rows go to OUT/throughput.csv, keyed by cell, device and settings (a rerun replaces its own rows), and a table to OUT/throughput.md.
"""
import tempfile, warnings
from pathlib import Path
import pandas as pd, torch
from cdx.datasets import standin_dataset, cifar_dls
from cdx.condensed import few_shot, save_dc, get_stats
from cdx.experiments import paper_cells, get_cell, cell_files, run_cell
from cdx.teacher import save_teacher
from cdx.zoo import get_model
from cdx.stats import md_table
from fastcore.script import call_parse
from fastcore.basics import AttrDict

cells = ('c10-r34-r18-fast-mi', 'c10-r34-r18-fast-full', 'c10-r34-r18-cmi-full', 'c10-w402-mbv2-fast-full')
keys = ('cell', 'device', 'epochs', 'kd_steps_per_epoch', 'bs', 'g_bs')

def device_name() -> str:
    return torch.cuda.get_device_name() if torch.cuda.is_available() else f'cpu ({torch.get_num_threads()} threads)'

def prepare(p:dict, root:Path, n_train:int):
    "Write what cell `p` needs under `root`: the stand-in data set, an untrained teacher and a condensed set"
    files = {k: v[0] for k,v in cell_files(p, root).items()}
    if not files['data set'].exists(): standin_dataset(files['data set'], n_classes=10, n_train=max(n_train, p['spc']), n_test=20)
    if not files['teacher'].exists():
        save_teacher(files['teacher'], get_model(p['teacher'], 10), p['teacher'], *get_stats('cifar10'), dataset='stand-in cifar10 (untrained)')
    if 'condensed set' in files and not files['condensed set'].exists():
        dls = cifar_dls('cifar10', files['data set'], bs=64, num_workers=0)
        save_dc(files['condensed set'], [few_shot(dls, k=p['spc'], seed=0)], 'cifar10')

def settings(p:dict, a) -> dict:
    "The cell's preset with the benchmark's schedule"
    kw = {**p['method_kw'], 'warmup': 0}
    if a.tiny: kw.update(bs=16, g_steps=min(kw.get('g_steps', 2), 3), **({'bank_size': 256, 'n_neg': 32} if p['method'] == 'cmi' else {}))
    return {**p, 'method_kw': kw, 'epochs': a.epochs, 'kd_steps': a.kd_steps or p['kd_steps'], 'bs': 16 if a.tiny else p['bs']}

def find_cell(name:str) -> dict:
    "The preset of a CIFAR-10 cell of any table"
    t = paper_cells[paper_cells.cell == name].table
    if not len(t): raise SystemExit(f"Unknown cell {name!r}; see `paper_cells` (e.g. {', '.join(cells)}).")
    if not name.startswith('c10-'): raise SystemExit(f"The stand-in data set is CIFAR-10 shaped; {name} is not a CIFAR-10 cell.")
    return get_cell(int(t.iloc[0]), name)

def write(out:Path, new:pd.DataFrame):
    "Merge `new` into OUT/throughput.csv (same keys replaced) and rewrite OUT/throughput.md"
    f = out/'throughput.csv'
    old = pd.read_csv(f) if f.exists() else new.iloc[:0]
    df = pd.concat([old, new]).drop_duplicates(list(keys), keep='last').reset_index(drop=True)
    df.to_csv(f, index=False)
    mem = lambda v: '-' if pd.isna(v) else f'{v:.1f}'
    md = md_table(['cell', 'device', 'epochs', 'KD steps/epoch', 'KD bs', 'gen bs', 'synthesis steps/s', 'KD steps/s', 'KD images/s', 'synthetic images/s',
                   'peak GPU GiB', 's/run'],
                  [[r.cell, r.device, r.epochs, r.kd_steps_per_epoch, r.bs, r.g_bs, f"{r.synth_steps_s:.2f}", f"{r.kd_steps_s:.2f}", f"{r.kd_images_s:.0f}",
                    f"{r.syn_images_s:.1f}", mem(r.gpu_mem_gb), f"{r.seconds:.0f}"] for r in df.itertuples()])
    (out/'throughput.md').write_text(md + '\n'); print(md)


@call_parse
def main(out:str='benchmarks/results/throughput', # folder for throughput.csv and throughput.md
         cells:str=','.join(cells), # CIFAR-10 cells, comma-separated
         epochs:int=3, # epochs per cell
         kd_steps:int=None, # KD steps per epoch (default: the cell's preset)
         tiny:bool=False, # small batches and few steps, for a CPU
         root:str=None): # folder for the stand-in data (default: a temporary one)
    "Measure synthesis and KD throughput of full-scale cells on stand-in data"
    warnings.filterwarnings('ignore')
    if tiny: kd_steps = kd_steps or 5; epochs = min(epochs, 2)
    a = AttrDict(tiny=tiny, epochs=epochs, kd_steps=kd_steps)
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(root or tmp); rows = []
        for name in cells.split(','):
            p = settings(find_cell(name), a)
            prepare(p, root, n_train=max(64, p['spc']))
            r = run_cell(p, root, Path(tmp)/'runs', num_workers=0)
            rows.append(dict(cell=name, device=device_name(), epochs=p['epochs'], kd_steps_per_epoch=p['kd_steps'], bs=p['bs'],
                             g_bs=p['method_kw']['bs'], g_steps_per_epoch=p['method_kw'].get('g_steps'),
                             **{k: r[k] for k in ('synth_steps_s', 'kd_steps_s', 'kd_images_s', 'syn_images_s', 'synth_seconds', 'kd_seconds',
                                                  'gpu_mem_gb', 'seconds')}))
            print(pd.Series(rows[-1]).to_string(), flush=True)
    write(out, pd.DataFrame(rows))
