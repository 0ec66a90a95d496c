"""Why distilling on one DM image per class loses to cross-entropy on it: the same two students on one DM image per class and on one
random real image per class, at the digits preset, scored on the validation split only (the test split is never read here).

    python benchmarks/kd_bound_digits.py          # about two minutes on one core
    python benchmarks/kd_bound_digits.py --report-only   # rewrite kd-bound.md from kd-bound.csv

Writes OUT/kd-bound.csv (one row per run) and OUT/kd-bound.md (mean ± 95% CI over seeds, and KD minus cross-entropy paired by seed),
with the teacher's view of each condensed set (`centroid_offset`: class-mean distance from the real class mean, in real within-class spreads).
"""
import warnings
from pathlib import Path
import torch, pandas as pd
from fastcore.script import call_parse
from cdx.data import digits
from cdx.repro.digits import digits_teacher, digits_condensed, digits_run
from cdx.gap import centroid_offset
from cdx.stats import mean_ci, paired_diff, fmt_ci, fmt_pair, verdict, md_table

names = {'ce': 'cross-entropy on condensed', 'kd': 'KD on condensed', 'kd-T1': 'KD on condensed at T=1'}

def report(runs:pd.DataFrame, spc:int, o:Path):
    "Write kd-bound.md from the runs: one row per condensed input, and what the paired KD - CE difference supports"
    rows, said = [], []
    for source, d in runs.groupby('source', sort=False):
        acc = {v: g.set_index('seed')['valid_acc'] for v,g in d.groupby('variant')}
        p = paired_diff(acc['kd'], acc['ce'])
        rows.append([source, f"{d['offset'].mean():.2f}", *(fmt_ci(*mean_ci(acc[v])) for v in ('ce', 'kd', 'kd-T1')), fmt_pair(p)])
        said.append(f"{source.upper() if source == 'dm' else source.capitalize()} input: " + verdict(names['kd'], names['ce'], p))
    text = (f"Students trained on {spc} condensed image(s) per class alone, digits preset, validation accuracy (mean ± 95% CI over seeds); "
            "offset: distance of the condensed class means from the real ones in the teacher's features, in real within-class spreads\n\n"
            + md_table(['condensed input', 'offset', 'cross-entropy (%)', 'KD, T=4 (%)', 'KD, T=1 (%)', 'KD (T=4) minus cross-entropy (points, 95% CI), wins'], rows)
            + '\n\n' + '\n'.join(f"- {s}" for s in said) + '\n')
    (o/'kd-bound.md').write_text(text); print(text)

@call_parse
def main(out:str='benchmarks/results/tune-digits', # folder for kd-bound.csv and kd-bound.md
         seeds:str='0,1,2,3,4', # one run per seed, source and variant
         spc:int=1, # condensed images per class
         report_only:bool=False): # only rewrite kd-bound.md from the kd-bound.csv in `out`
    "Cross-entropy and KD (T=4, the preset, and T=1) on the condensed images alone, for DM-condensed and random real images"
    if report_only: return report(pd.read_csv(Path(out)/'kd-bound.csv'), spc, Path(out))
    warnings.filterwarnings('ignore'); torch.set_num_threads(1)
    data = digits(); teacher = digits_teacher(data); rows = []
    for source in ('dm', 'real'):
        for s in (int(v) for v in seeds.split(',')):
            cs = digits_condensed(data, spc, seed=s, source=source)
            off = centroid_offset(teacher, cs, data.valid, data.mean, data.std, data.n_classes)['offset']
            rows += [dict(source=source, seed=s, variant=v, offset=off, valid_acc=digits_run(v[:2], teacher, data, cs, seed=s, **({'T': 1.} if v == 'kd-T1' else {}))['valid_acc'])
                     for v in names]
    runs = pd.DataFrame(rows); o = Path(out); o.mkdir(parents=True, exist_ok=True); runs.to_csv(o/'kd-bound.csv', index=False)
    report(runs, spc, o)

