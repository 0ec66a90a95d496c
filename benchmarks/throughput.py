"""Throughput of full-scale cells on stand-in data of the right shape: synthesis steps/s, KD steps/s, images/s and peak GPU memory.

    python benchmarks/throughput.py                  # on a GPU: four CIFAR-10 cells at their preset batch sizes, 3 epochs each
    python benchmarks/throughput.py --tiny           # the same path on the CPU with small batches and a few steps (a smoke run)
    python benchmarks/throughput.py --precisions fp32,bf16 --data-paths cdx   # bf16 against fp32, side by side in one process
    python benchmarks/throughput.py --layouts default,channels_last,compile,channels_last+compile --data-paths cdx   # the GPU switches

Each cell runs through `run_cell`, exactly as `cdx-reproduce` runs it, on a stand-in CIFAR-10 written by `standin_dataset`, with an
untrained teacher of the cell's architecture (throughput does not depend on the weights) and few real images as the condensed set.
The adversarial warm-up is switched off so every epoch does the steady-state work. The accuracies mean nothing and are not written.

Each cell runs twice in the same process, one after the other: with cdx's data path (the pool in memory, batches drawn by index), and
with the reference repositories' data path (`ReferenceDataPath`: every synthetic batch written to disk as PNG files, and the student's
loader rebuilt from the folder each epoch, reading and augmenting image by image in fp32). Synthesis, alignment and distillation are the
same code in both, so at fp32 the ratio of epoch times isolates the data path; the rows also give the share of the epoch spent in
synthesis (with the alignment's share of it) and in KD. The reference path runs as the references run, in fp32 with the default layout;
cdx's runs at every precision and layout asked for, and the last line of the table sets the reference against cdx in bf16 (default layout),
a setting fixed in advance rather than the fastest of several single timings.
`--tiny` also gives the discriminator a condensed batch of the synthetic batch's size (16), the paper presets' proportion (256 and 256).
`--layouts` runs each cell with `cdx_learner`'s `channels_last` and `compile` switches too, side by side in the same process; a compiled
run's epoch times include the compilation, which its first epoch pays, so give it enough epochs to amortise that.
Rows go to OUT/throughput.csv, keyed by cell, device, data path and settings (a rerun replaces its own rows), and a table to OUT/throughput.md.
"""
import tempfile, time, warnings
from pathlib import Path
import numpy as np, pandas as pd, torch
from PIL import Image
from fastai.callback.core import Callback
from cdx.data import normalize
from cdx.datasets import standin_dataset, cifar_dls
from cdx.condensed import few_shot, save_dc, get_stats
from cdx.repro.experiments import paper_cells, get_cell, cell_files, run_cell, natural_augment
from cdx.teacher import save_teacher
from cdx.zoo import get_model
from cdx.stats import md_table
from fastcore.script import call_parse
from fastcore.basics import AttrDict

cells = ('c10-r34-r18-fast-mi', 'c10-r34-r18-fast-full', 'c10-r34-r18-cmi-full', 'c10-w402-mbv2-fast-full')
keys = ('cell', 'device', 'data_path', 'precision', 'layout', 'epochs', 'kd_steps_per_epoch', 'bs', 'g_bs')

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
    small = {'d_bs': 16} if a.tiny else {}                                 # the discriminator's condensed batch matches the synthetic one, as at paper scale
    if a.tiny: kw.update(bs=16, g_steps=min(kw.get('g_steps', 2), 3), **({'bank_size': 256, 'n_neg': 32} if p['method'] == 'cmi' else {}))
    return {**p, **small, 'method_kw': kw, 'epochs': a.epochs, 'kd_steps': a.kd_steps or p['kd_steps'], 'bs': 16 if a.tiny else p['bs']}

class Batches:
    "An iterator with a length, what fastai's training loop needs of `learn.dl`"
    def __init__(self, it, n:int): self.it, self.n = it, n
    def __len__(self): return self.n
    def __iter__(self): return iter(self.it)

class ReferenceDataPath(Callback):
    "The references' data path: each new batch saved as PNG files, the student's loader rebuilt from the folder every epoch, image by image"
    order = 3.5                                                            # after the pool has grown; its time counts as synthesis
    def __init__(self, folder:Path, tfm): self.folder, self.tfm, self.n = Path(folder), tfm, 0   # tfm: the KD augmentation of one batch
    def _save(self, x):
        for img in (x.detach().clamp(0, 1)*255).round().byte().permute(0, 2, 3, 1).cpu().numpy():
            Image.fromarray(img.squeeze(-1) if img.shape[-1] == 1 else img).save(self.folder/f"{self.n:07d}.png"); self.n += 1
    def before_fit(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.learn.pool.n_fixed: self._save(self.learn.pool[:self.learn.pool.n_fixed].x)   # the condensed samples start the folder
    def before_train(self):
        pool = self.learn.pool
        if pool.n_synthetic: self._save(pool[len(pool)-self.learn.generator_step.method.bs:].x)   # the batch this epoch added
        files, dev, m, s, tdl = sorted(self.folder.glob('*.png')), self.dls.device, self.dls.train.mean, self.dls.train.std, self.dls.train
        ds = [files[i] for i in torch.randperm(len(files))]                # a fresh shuffled pass over the folder, as the references' DataLoader
        def batches():                                                      # read lazily: the reading counts as KD time
            for k in range(len(tdl)):
                chunk = [ds[(k*tdl.bs + j) % len(ds)] for j in range(tdl.bs)]
                x = torch.stack([torch.from_numpy(np.array(Image.open(f).convert('RGB'))).permute(2, 0, 1).float()/255 for f in chunk])
                x = torch.stack([self.tfm(xi[None])[0] for xi in x])        # one image at a time, like torchvision transforms
                yield (normalize(x.to(dev), m, s),)
        self.learn.dl = Batches(batches(), len(tdl))                      # fastai reads `learn.dl` for this epoch's batches

class AlignmentTimer(Callback):
    "Time the alignment inside the synthesis round: the generator's alignment term and the discriminator's step"
    order = -5
    def before_fit(self):
        self.seconds, d = 0., getattr(self.learn, 'discriminator_step', None)
        if d is None: return
        for name in ('alignment_term', 'step'): setattr(d, name, self._timed(getattr(d, name)))
    def _timed(self, f):
        def g(*args, **kwargs):
            if torch.cuda.is_available(): torch.cuda.synchronize()
            t0 = time.perf_counter(); r = f(*args, **kwargs)
            if torch.cuda.is_available(): torch.cuda.synchronize()
            self.seconds += time.perf_counter() - t0; return r
        return g

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
    if 'precision' not in old: old = old.assign(precision='fp32')                  # rows measured before precisions were compared
    if 'layout' not in old: old = old.assign(layout='default')                     # rows measured before the layouts were
    df = pd.concat([old, new]).drop_duplicates(list(keys), keep='last').reset_index(drop=True)
    df.to_csv(f, index=False)
    mem = lambda v: '-' if pd.isna(v) else f'{v:.1f}'
    md = md_table(['cell', 'device', 'data path', 'precision', 'layout', 'epochs', 'KD steps/epoch', 'KD bs', 'gen bs', 'synthesis steps/s', 'KD steps/s', 'KD images/s',
                   'synthetic images/s', 'epoch s', 'synthesis share', 'alignment share', 'KD share', 'peak GPU GiB'],
                  [[r.cell, r.device, r.data_path, r.precision, r.layout, r.epochs, r.kd_steps_per_epoch, r.bs, r.g_bs, f"{r.synth_steps_s:.2f}", f"{r.kd_steps_s:.2f}",
                    f"{r.kd_images_s:.0f}", f"{r.syn_images_s:.1f}", f"{r.epoch_seconds:.1f}", f"{r.synth_share:.0%}", f"{r.align_share:.0%}",
                    f"{r.kd_share:.0%}", mem(r.gpu_mem_gb)] for r in df.itertuples()])
    ratios = [f"{c} on {d}: {x:.2f}x" for c, d in df[['cell', 'device']].drop_duplicates().itertuples(index=False)
              if not np.isnan(x := epoch_ratio(df, 'data_path', 'reference', 'cdx', cell=c, device=d, precision='fp32', layout='default'))]
    if ratios: md += "\n\nEpoch time of the reference-style data path over cdx's, same process, same synthesis and KD code: " + '; '.join(ratios) + '.'
    speed = [f"{c} {q} on {d}: {x:.2f}x" for c, d, q in df[df.precision != 'fp32'][['cell', 'device', 'precision']].drop_duplicates().itertuples(index=False)
             if not np.isnan(x := epoch_ratio(df, 'precision', 'fp32', q, cell=c, device=d, data_path='cdx', layout='default'))]
    if speed: md += "\n\nEpoch time in fp32 over the mixed precision's, cdx's data path, same process: " + '; '.join(speed) + '.'
    lay = [f"{c} {q} {l} on {d}: {x:.2f}x" for c, d, q, l in df[df.layout != 'default'][['cell', 'device', 'precision', 'layout']].drop_duplicates().itertuples(index=False)
           if not np.isnan(x := epoch_ratio(df, 'layout', 'default', l, cell=c, device=d, data_path='cdx', precision=q))]
    if lay: md += "\n\nEpoch time with the default layout over the switched one's, cdx's data path, same precision and process: " + '; '.join(lay) + '.'
    if whole := against_reference(df): md += ("\n\nEpoch time of the reference-style loop (fp32, PNG folder) over cdx's in bf16 with the default "
                                              "layout, same process, one run each: " + '; '.join(f"{c} on {d}: {x:.2f}x" for c, d, x in whole) + '.')
    (out/'throughput.md').write_text(md + '\n'); print(md)
    (out/'summary.md').write_text(summary(df))

def epoch_ratio(df:pd.DataFrame, column:str, num:str, den:str, **same) -> float:
    "Epoch seconds of the row whose `column` is `num` over the one's whose `column` is `den`, among the rows with the values `same`"
    for k, v in same.items(): df = df[df[k] == v]
    r = df.groupby(column)['epoch_seconds'].last()
    return r[num] / r[den] if {num, den} <= set(r.index) else float('nan')

def runs(precisions:str, layouts:str, data_paths:str) -> list:
    "(precision, layout, data path) of each run: cdx's path at every precision and layout, the reference's as the references run it, fp32 and default"
    paths = data_paths.split(',')
    cdx = [(q, l, 'cdx') for q in precisions.split(',') for l in layouts.split(',')] if 'cdx' in paths else []
    return cdx + ([('fp32', 'default', 'reference')] if 'reference' in paths else [])

def summary(df:pd.DataFrame) -> str:
    "Sentences for the docs, generated from the rows: per device, the ranges of the three ratios over the cells measured"
    span = lambda xs: f"{min(xs):.2f}x" if len(xs) == 1 else f"{min(xs):.2f}x to {max(xs):.2f}x"
    said = []
    for d, g in df.groupby('device', sort=False):
        cells = list(g.cell.unique()); ratio = lambda **kw: [x for c in cells if not np.isnan(x := epoch_ratio(g, cell=c, **kw))]
        whole = [x for *_, x in against_reference(g)]
        path = ratio(column='data_path', num='reference', den='cdx', precision='fp32', layout='default')
        bf = ratio(column='precision', num='fp32', den='bf16', data_path='cdx', layout='default')
        parts = ([f"the reference-style loop (fp32, PNG folder) took {span(whole)} cdx's epoch time in bf16"] if whole else []) + \
                ([f"the data path alone (both fp32) {span(path)}"] if path else []) + ([f"bf16 alone, in cdx, {span(bf)}"] if bf else [])
        if parts: said.append(f"- {d}, {len(cells)} CIFAR-10 cell(s), one run per setting: " + '; '.join(parts) + '.')
    if all(d.startswith('cpu') for d in df.device): said.append("- No GPU rows yet.")
    return '\n'.join(said) + '\n'

def against_reference(df:pd.DataFrame, precision:str='bf16', layout:str='default') -> list: # of (cell, device, ratio)
    "Per cell and device: the reference-style loop's epoch time (fp32, default layout) over cdx's at `precision` and `layout`"
    out = []
    for (c, d), g in df.groupby(['cell', 'device'], sort=False):
        ref = g[(g.data_path == 'reference') & (g.precision == 'fp32') & (g.layout == 'default')]
        mine = g[(g.data_path == 'cdx') & (g.precision == precision) & (g.layout == layout)]
        if len(ref) and len(mine): out.append((c, d, ref.epoch_seconds.iloc[-1]/mine.epoch_seconds.iloc[-1]))
    return out

@call_parse
def main(out:str='benchmarks/results/throughput', # folder for throughput.csv and throughput.md
         cells:str=','.join(cells), # CIFAR-10 cells, comma-separated
         epochs:int=3, # epochs per cell
         kd_steps:int=None, # KD steps per epoch (default: the cell's preset)
         tiny:bool=False, # small batches and few steps, for a CPU
         root:str=None, # folder for the stand-in data (default: a temporary one)
         data_paths:str='cdx,reference', # data paths to run, comma-separated: cdx's in-memory pool, the references' PNG folder
         precisions:str='fp32', # precisions to run, comma-separated: 'fp32', 'bf16', 'fp16' (`cdx_learner(precision=)`); each with every data path
         layouts:str='default'): # `cdx_learner` switches to run, comma-separated: 'default', 'channels_last', 'compile', 'channels_last+compile'
    "Measure synthesis and KD throughput of full-scale cells on stand-in data"
    warnings.filterwarnings('ignore')
    bad = {part for l in layouts.split(',') for part in l.split('+')} - {'default', 'channels_last', 'compile'}
    if bad: raise SystemExit(f"Unknown layout part(s) {', '.join(sorted(bad))}; use 'default', 'channels_last', 'compile' or 'channels_last+compile'.")
    if tiny: kd_steps = kd_steps or 5; epochs = min(epochs, 2)
    a = AttrDict(tiny=tiny, epochs=epochs, kd_steps=kd_steps)
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(root or tmp); rows = []
        for name in cells.split(','):
            p = settings(find_cell(name), a)
            prepare(p, root, n_train=max(64, p['spc']))
            if not rows:                                                    # one untimed epoch first: the process's one-off start-up costs
                run_cell({**p, 'epochs': 1}, root, Path(tmp)/'warm-up', num_workers=0)   # would otherwise fall on whichever run comes first
            for prec, lay, path in runs(precisions, layouts, data_paths):
                timer = AlignmentTimer(); switch = {k: k in lay.split('+') for k in ('channels_last', 'compile')}
                extra = [timer] + ([ReferenceDataPath(Path(tmp)/f'png-{name}-{prec}-{lay}', natural_augment(32))] if path == 'reference' else [])
                r = run_cell({**p, **switch, 'precision': None if prec == 'fp32' else prec}, root, Path(tmp)/f'runs-{path}-{prec}-{lay}', num_workers=0, cbs=extra)
                epoch = (r['synth_seconds'] + r['kd_seconds'])/p['epochs']
                rows.append(dict(cell=name, device=device_name(), data_path=path, precision=prec, layout=lay, epochs=p['epochs'], kd_steps_per_epoch=p['kd_steps'], bs=p['bs'],
                                 g_bs=p['method_kw']['bs'], g_steps_per_epoch=p['method_kw'].get('g_steps'), epoch_seconds=epoch,
                                 synth_share=r['synth_seconds']/(epoch*p['epochs']), align_share=timer.seconds/(epoch*p['epochs']),
                                 kd_share=r['kd_seconds']/(epoch*p['epochs']),
                                 **{k: r[k] for k in ('synth_steps_s', 'kd_steps_s', 'kd_images_s', 'syn_images_s', 'synth_seconds', 'kd_seconds',
                                                      'gpu_mem_gb', 'seconds')}))
                print(pd.Series(rows[-1]).to_string(), flush=True)
    write(out, pd.DataFrame(rows))
