"""Condensation benchmark on digits: a student trained from scratch on DM-condensed images versus on the same number of random real
images (the condensation literature's standard check), at 1, 5 and 10 images per class, three seeds each.

    python benchmarks/condense_digits.py [--iters 200] [--out benchmarks/results]

Writes condense_digits.csv (one row per run) and condense_digits.md (mean and spread) to --out.
"""
import argparse, time, warnings
from pathlib import Path
import torch, pandas as pd
from cdx.data import digits
from cdx.condense import condense_dm
from cdx.digits import digits_teacher, digits_condensed, digits_run

def main(iters=200, out='benchmarks/results', spcs=(1, 5, 10), seeds=(0, 1, 2)):
    warnings.filterwarnings('ignore'); torch.set_num_threads(2)
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    data = digits(); teacher = digits_teacher(data)
    rows = []
    for spc in spcs:
        for seed in seeds:
            real = digits_condensed(data, spc, seed)
            t0 = time.time(); dm = condense_dm(data.train, spc, data.mean, data.std, iters=iters, seed=seed, show_progress=False); t_dm = time.time()-t0
            for source, cs in (('random real', real), (f'DM ({iters} iterations)', dm)):
                r = digits_run('ce', teacher, data, cs, seed=seed)
                rows.append(dict(spc=spc, seed=seed, source=source, acc=r["acc"], condense_seconds=t_dm if source.startswith("DM") else 0.))
                print(rows[-1], flush=True)
            pd.DataFrame(rows).to_csv(out/'condense_digits.csv', index=False)
    df = pd.DataFrame(rows)
    g = df.groupby(['spc', 'source'], sort=False).agg(mean=('acc', 'mean'), std=('acc', 'std'), seconds=('condense_seconds', 'mean')).reset_index()
    lines = [f"Digits: student (digits_student_net) trained from scratch on k images per class, test accuracy over seeds {list(seeds)} "
             "(`python benchmarks/condense_digits.py`)", '', '| images per class | source | test accuracy (%) | condensation seconds |', '|---|---|---|---|']
    lines += [f"| {r['spc']} | {r['source']} | {100*r['mean']:.1f} ± {100*r['std']:.1f} | {r['seconds']:.0f} |" for _, r in g.iterrows()]
    (out/'condense_digits.md').write_text('\n'.join(lines) + '\n')
    print('\n'.join(lines))

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--iters', type=int, default=200); p.add_argument('--out', default='benchmarks/results')
    a = p.parse_args(); main(a.iters, a.out)
