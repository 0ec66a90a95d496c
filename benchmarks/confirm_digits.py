"""A confirmation on fresh digits seeds, planned before any of its runs: pooled over the base methods, does `*` beat `+CS`?

    python benchmarks/confirm_digits.py                  # five base methods x 1, 5, 10 DM images per class x seeds 20-27

The methods table (`benchmarks/results/methods-digits/`, seeds 0-9) found `*` above `+CS` when each condensed set's differences are
averaged over the five base methods: +0.6 points (95% CI +0.2 to +1.0), on 23 of 30 sets. That figure was read after the runs, and the
presets it used were chosen on the same digits data. This benchmark tests the same claim once more on condensed sets and seeds that no
earlier run touched, with the decision rule fixed in advance (OUT/plan.md is written before the first run, and the script was
committed before it was started):

- claim: pooled over the base methods, `*` (the full method) has a higher test accuracy than `+CS` (the condensed images appended, no
  alignment);
- runs: both variants of each base method at its digits preset, on 1, 5 and 10 DM images per class condensed with seeds 20-27
  (24 condensed sets), with the methods table's settings (`label_weight=0`);
- decision: on each condensed set the methods' differences `*` minus `+CS` are averaged; the claim is confirmed when the whole 95%
  confidence interval of those averages is above zero, refuted when it is below zero, otherwise not shown. No seed is added after the
  result is seen. The rows by method and by size are described, not decided on.

Writes OUT/plan.md, OUT/runs.csv (resumable) and OUT/results.md.
"""
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
import pandas as pd
from fastcore.script import call_parse
from confirm_fashion import decision, power_line
from cdx.stats import md_table, paired_diff, fmt_pair, verdict, seeds_needed

@lru_cache(1)
def setup():
    "The digits benchmark and its shipped teacher, once per process, one torch thread"
    import torch, warnings; warnings.filterwarnings('ignore'); torch.set_num_threads(1)
    from cdx.data import digits
    from cdx.repro.digits import digits_teacher
    data = digits(); return data, digits_teacher(data)

def one(job):
    "One run of the methods table's cell for `job`: its record (test and validation accuracy, feature gap, seconds)"
    from cdx.repro.table import table_run
    data, teacher = setup()
    return table_run(job['method'], job['column'], teacher, data, job['spc'], job['seed'], label_weight=0.)   # as planned, PRE-DFKD included

def prepare(seeds:list, spcs:list):
    "Condense every set once, here, before the workers share the cache"
    from cdx.repro.digits import digits_condensed
    data, _ = setup()
    for s in seeds:
        for k in spcs: digits_condensed(data, k, seed=s, source='dm')
    print(f"condensed sets of seeds {seeds} ready", flush=True)

def power_of_table(path='benchmarks/results/methods-digits') -> str:
    "What the methods table's pooled difference and spread say about the number of condensed sets needed"
    d = set_diffs(pd.concat([pd.read_csv(f) for f in sorted(Path(path).glob('runs-*.csv')) if 'bounds' not in f.name]))
    p = paired_diff(d)
    return (f"At the methods table's pooled difference ({100*p['diff']:+.1f} points over {p['n']} condensed sets) and spread, about "
            f"{seeds_needed(p)} condensed sets put the interval clear of zero four times in five (80% power).")

def plan_text(methods:list, seeds:list, spcs:list) -> str:
    "The plan, written before the first run"
    return (f"Planned confirmation (written before its first run). Digits, base methods {', '.join(methods)} at their digits presets, "
            f"{', '.join(map(str, spcs))} DM image(s) per class condensed with seeds {', '.join(map(str, seeds))} "
            f"({len(seeds)*len(spcs)} condensed sets no earlier run used), `label_weight=0` as in the methods table. Claim: pooled over the "
            "base methods, `*` has a higher test accuracy than `+CS`. On each condensed set the methods' differences `*` minus `+CS` are "
            "averaged; confirmed when the whole 95% confidence interval of those averages is above zero, refuted when it is below zero, "
            f"otherwise not shown. No seed is added after the result is seen. {power_of_table()}\n")

def set_diffs(runs:pd.DataFrame) -> pd.Series: # runs of both variants, by method, size and seed
    "Each condensed set's `*` minus `+CS`, averaged over the methods in `runs`"
    p = runs.pivot_table(index=['spc','seed'], columns=['method','column'], values='acc')
    d = pd.concat({m: p[(m,'full')] - p[(m,'cs')] for m in runs.method.unique()}, axis=1)
    return d.mean(axis=1).dropna()

def results_text(runs:pd.DataFrame, methods:list, spcs:list, plan:str) -> str: # `plan`: plan.md as committed before the runs
    "The plan as written, the pooled difference and the decision it fixed, then the rows by method and by size"
    d = paired_diff(set_diffs(runs))
    rows = [[f"{m}, all sizes", fmt_pair(paired_diff(set_diffs(runs[runs.method == m])))] for m in methods]
    rows += [[f"all methods, {k} per class", fmt_pair(paired_diff(set_diffs(runs[runs.spc == k])))] for k in spcs]
    acc = runs.groupby(['method', 'column'])['acc'].mean().unstack()
    return (plan + '\n' +
            md_table(['comparison (paired by condensed set)', '* minus +CS (points, 95% CI), sets better'],
                     [['**pooled over the methods (the planned decision)**', fmt_pair(d)]] + rows) + '\n\n' +
            f"- {verdict('*', '+CS', d, pairs='condensed sets')} (pooled over the methods)\n- Decision fixed by the plan: **{decision(d)}** ({d['n']} condensed sets).\n" +
            power_line(d, 'condensed sets') +
            "- Mean test accuracy (%), `+CS` / `*`: " + '; '.join(f"{m} {100*acc.loc[m, 'cs']:.1f} / {100*acc.loc[m, 'full']:.1f}" for m in methods) + '.\n')

@call_parse
def main(out:str='benchmarks/results/methods-digits/confirm', # folder for plan.md, runs.csv and results.md
         methods:str='inversion,deepinversion,fast,cmi,prefkd', # base methods, comma-separated
         seeds:str='20,21,22,23,24,25,26,27', # seeds: condensed sets and runs no earlier benchmark used
         spcs:str='1,5,10', # DM images per class
         workers:int=2): # processes side by side
    "Write the plan, run the runs not yet in runs.csv, then write the results and the decision"
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    ms, seeds_, spcs_ = methods.split(','), [int(s) for s in seeds.split(',')], [int(k) for k in spcs.split(',')]
    if not (out/'plan.md').exists(): (out/'plan.md').write_text(plan_text(ms, seeds_, spcs_))
    f = out/'runs.csv'; runs = pd.read_csv(f) if f.exists() else pd.DataFrame()
    done = {(r['method'], r['column'], int(r['spc']), int(r['seed'])) for _, r in runs.iterrows()}
    jobs = [dict(method=m, column=c, spc=k, seed=s) for s in seeds_ for k in spcs_ for m in ms for c in ('cs', 'full') if (m, c, k, s) not in done]
    if jobs: prepare(sorted({j['seed'] for j in jobs}), spcs_)
    with ProcessPoolExecutor(workers) as ex:
        for r in ex.map(one, jobs):
            runs = pd.concat([runs, pd.DataFrame([r])], ignore_index=True); runs.to_csv(f, index=False); print(r, flush=True)
    text = results_text(runs[runs.seed.isin(seeds_) & runs.spc.isin(spcs_) & runs.method.isin(ms)], ms, spcs_, (out/'plan.md').read_text())
    (out/'results.md').write_text(text); print(text)
