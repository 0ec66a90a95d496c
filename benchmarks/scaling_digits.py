"""The paper's scaling figure on digits: student accuracy for base, +CS and * at 1, 10 and 50 samples per class.

    python benchmarks/scaling_digits.py                                  # DM input, 5 seeds, the digits preset's 30 epochs
    python benchmarks/scaling_digits.py --source real --seeds 0 --epochs 10

Resumable: runs already in OUT/runs.csv are kept, and a run the methods table already made with the same settings is taken from its
runs-METHOD.csv (`--reuse`). Writes runs.csv, scaling.md and scaling.png.
"""
import argparse, warnings
from pathlib import Path
import pandas as pd, torch
from cdx.data import digits
from cdx.digits import digits_teacher
from cdx.table import run_jobs, table_run
from cdx.viz import plot_scaling
from cdx.stats import mean_ci, fmt_ci

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--out', default='benchmarks/results/scaling-digits'); p.add_argument('--spcs', default='1,10,50')
    p.add_argument('--seeds', default='0,1,2,3,4'); p.add_argument('--epochs', type=int, default=None)
    p.add_argument('--source', default='dm', choices=('dm', 'real')); p.add_argument('--method', default='inversion')
    p.add_argument('--reuse', default='benchmarks/results/methods-digits',
                   help="methods-table folder whose runs with the same settings (DM input, preset epochs) are taken, not redone; '' for none")
    a = p.parse_args(); warnings.filterwarnings('ignore'); torch.set_num_threads(1)
    ints = lambda s: tuple(int(v) for v in s.split(','))
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    data = digits(); teacher = digits_teacher(data)
    jobs = [dict(spc=ints(a.spcs)[0], column='mi', seed=s) for s in ints(a.seeds)]          # base uses no condensed data: once per seed
    jobs += [dict(spc=k, column=c, seed=s) for k in ints(a.spcs) for c in ('cs', 'full') for s in ints(a.seeds)]
    table = Path(a.reuse)/f'runs-{a.method}.csv' if a.reuse else None
    same = pd.read_csv(table) if table is not None and table.exists() and a.epochs is None and a.source == 'dm' else pd.DataFrame()
    def run(j):
        hit = same[(same.spc == j['spc']) & (same.column == j['column']) & (same.seed == j['seed'])] if len(same) else same
        if len(hit): return dict(**j, acc=hit.acc.iloc[0], seconds=hit.seconds.iloc[0])   # the methods table's run: the same table_run call
        r = table_run(a.method, j['column'], teacher, data, j['spc'], j['seed'], a.epochs, source=a.source)
        return dict(**j, acc=r['acc'], seconds=r['seconds'])
    runs = pd.DataFrame(run_jobs(out/'runs.csv', jobs, run, resume=True, keys=('spc', 'column', 'seed')))
    g = runs.groupby(['column', 'spc'], sort=False)['acc'].agg(mean='mean', ci=lambda x: mean_ci(x)[1], size='size')
    md = ['| variant | spc | accuracy % (mean ± 95% CI) | seeds |', '|---|---|---|---|']
    md += [f"| {c} | {k} | {fmt_ci(r['mean'], r['ci'])} | {int(r['size'])} |" for (c, k), r in g.iterrows()]
    (out/'scaling.md').write_text('\n'.join(md) + '\n')
    plot_scaling(runs, title=f"digits, {a.method}, {a.source} input", fname=out/'scaling.png')
    print(g)

if __name__ == '__main__': main()
