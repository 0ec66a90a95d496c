"""A confirmation on fresh seeds, planned before any of its runs: does `*` beat `+CS` on Fashion-MNIST with `cdx_learner`'s defaults?

    python benchmarks/confirm_fashion.py                          # inversion, seeds 10-19, 1 DM image per class
    python benchmarks/confirm_fashion.py --method fast            # the same plan for another base method
    python benchmarks/confirm_fashion.py --pooled inversion,fast,deepinversion   # the pooled decision, from the methods' runs

The Fashion-MNIST evidence of `benchmarks/results/fashion-mnist*/` was gathered on seeds 0-9, and for inversion and Fast the seeds
5-9 were added after the first five had been looked at. This benchmark tests one claim on condensed sets and seeds that no earlier
run touched, with its decision rule fixed in advance (OUT/plan.md is written before the first run, and the script was committed
before it was started):

- claim: `*` (the full method) has a higher test accuracy than `+CS` (the base method with the condensed images appended, no alignment);
- runs: both variants on seeds 10-19, one DM image per class condensed with the run's seed, every setting the digits preset's and
  `label_weight='auto'` (the default of `cdx_learner`);
- decision: the claim is confirmed when the whole 95% confidence interval of the paired difference (`*` minus `+CS`, by seed) is
  above zero; refuted when it is below zero; otherwise not shown. No seed is added after the result is seen.
- CMI, planned once the inversion result was in (before Fast's, DeepInversion's and any CMI run on Fashion-MNIST): the same test on
  its own, outside the pooled decision.
- pooled over base methods (planned with the runs of Fast and DeepInversion, before any of them): on each seed the methods' differences
  `*` minus `+CS` are averaged (the seed's condensed set is the same for every method), and the same rule decides on those averages.

Writes OUT/plan.md, OUT/runs.csv (resumable) and OUT/results.md.
"""
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import pandas as pd
from fastcore.script import call_parse
from fashion_common import fashion_setup
from cdx.stats import summarize_runs, fmt_ci, md_table, paired_diff, fmt_pair, verdict, direction, seeds_needed

def one(job):
    "One run with the defaults: its test and validation accuracy, the label weight 'auto' chose and the feature gap"
    from cdx.learner import condensed_agreement, resolve_label_weight
    from cdx.repro.digits import digits_condensed, digits_run
    data, teacher = fashion_setup()
    cs = digits_condensed(data, job['spc'], seed=job['seed'], source='dm')
    weight = resolve_label_weight('auto', condensed_agreement(teacher, cs, data.mean, data.std))
    r = digits_run(job['variant'], teacher, data, cs, seed=job['seed'], method=job['method'], label_weight='auto')
    return dict(**job, label_weight=weight, acc=r['acc'], valid_acc=r['valid_acc'], gap=r['gap'], seconds=round(r['seconds']))

def prepare(seeds:list, spc:int):
    "Train (or load) the teacher and condense every seed's set once, here, before the workers share the cache"
    from cdx.repro.digits import digits_condensed
    data, _ = fashion_setup()
    for s in seeds: digits_condensed(data, spc, seed=s, source='dm'); print(f"condensed set of seed {s} ready", flush=True)

def decision(d:dict) -> str:
    "The plan's verdict on a paired difference: its whole interval above zero, below zero, or neither"
    return {'above': 'confirmed', 'below': 'refuted', 'within': 'not shown'}[direction(d)]

def power_line(d:dict, unit:str='seeds') -> str: # a paired difference; what its pairs are called
    "How many pairs would show the measured difference four times in five, at its measured spread"
    n = seeds_needed(d)
    if n is None: return f"- The measured difference is zero: no number of {unit} shows it.\n"
    return (f"- If the true difference were the measured {100*d['diff']:+.1f} points with this spread, about {n} {unit} would put the interval "
            "clear of zero four times in five (80% power).\n")

def plan_text(method:str, seeds:list, spc:int) -> str:
    "The plan, written before the first run"
    return (f"Planned confirmation (written before its first run). Fashion-MNIST, base method {method}, {spc} DM image(s) per class, "
            f"seeds {', '.join(map(str, seeds))}, `label_weight='auto'` and every other setting the digits preset's. Claim: `*` has a higher "
            "test accuracy than `+CS`. Confirmed when the whole 95% confidence interval of the paired difference `*` minus `+CS` is above "
            "zero, refuted when it is below zero, otherwise not shown. No seed is added after the result is seen.\n")

def results_text(runs:pd.DataFrame, method:str, seeds:list, spc:int) -> str:
    "The table, the paired difference and the decision the plan fixed"
    acc = lambda v: runs[runs.variant == v].set_index('seed')['acc'].astype(float)
    g = summarize_runs(runs.astype({'acc': float, 'valid_acc': float}), 'variant', 'acc')
    gv = summarize_runs(runs.astype({'acc': float, 'valid_acc': float}), 'variant', 'valid_acc')
    gap = runs.groupby('variant')['gap'].mean(); sec = runs.groupby('variant')['seconds'].mean()
    names = {'cs': '+CS (no alignment)', 'full': '* (with alignment)'}
    rows = [[names[v], fmt_ci(g.loc[v, 'mean'], g.loc[v, 'ci']), fmt_ci(gv.loc[v, 'mean'], gv.loc[v, 'ci']), f"{gap[v]:.3f}", f"{sec[v]:.0f}",
             int(g.loc[v, 'n'])] for v in ('cs', 'full') if v in g.index]
    d = paired_diff(acc('full'), acc('cs'))
    picked = runs.drop_duplicates('seed').set_index('seed')['label_weight']
    return (plan_text(method, seeds, spc) + '\n' +
            md_table(['variant', 'test accuracy (%)', 'validation accuracy (%)', 'feature gap (MMD²)', 'seconds per run', 'seeds'], rows) + '\n\n' +
            md_table(['comparison (paired by seed)', 'difference (points, 95% CI), seeds better'], [['* minus +CS', fmt_pair(d)]]) + '\n\n' +
            f"- {verdict('*', '+CS', d)}\n- Decision fixed by the plan: **{decision(d)}** ({d['n']} seeds).\n" + power_line(d) +
            f"- `label_weight='auto'` chose weight {', '.join(f'{w:g}' for w in picked)} on seeds {', '.join(map(str, picked.index))}.\n")

def pooled_text(methods:list, seeds:list, spc:int) -> str:
    "The planned pooled decision: each seed's `*` minus `+CS` averaged over the base methods, then the same rule"
    diffs = {}
    for m in methods:
        r = pd.read_csv(f"benchmarks/results/fashion-mnist{'' if m == 'inversion' else '-' + m}/confirm/runs.csv")
        acc = lambda v: r[(r.variant == v) & r.seed.isin(seeds)].set_index('seed')['acc'].astype(float)
        diffs[m] = acc('full') - acc('cs')
    both = pd.DataFrame(diffs).dropna()
    d = paired_diff(both.mean(axis=1))
    rows = [[m, fmt_pair(paired_diff(both[m]))] for m in methods] + [['pooled (mean over the methods)', fmt_pair(d)]]
    return (f"Planned pooled confirmation: Fashion-MNIST, {spc} DM image(s) per class, seeds {', '.join(map(str, both.index))}, `cdx_learner`'s "
            f"defaults; on each seed `*` minus `+CS` averaged over the base methods {', '.join(methods)} (one condensed set per seed, shared by "
            "the methods). Confirmed when the whole 95% confidence interval is above zero.\n\n" +
            md_table(['base method', '* minus +CS, paired by seed (points, 95% CI), seeds better'], rows) + '\n\n' +
            f"- {verdict('*', '+CS', d)} (pooled)\n- Decision fixed by the plan: **{decision(d)}** ({d['n']} seeds).\n" + power_line(d))

@call_parse
def main(out:str|None=None, # folder for plan.md, runs.csv and results.md; default benchmarks/results/fashion-mnist[-METHOD]/confirm
         method:str='inversion', # base method
         seeds:str='10,11,12,13,14,15,16,17,18,19', # seeds: condensed sets and runs no earlier benchmark used
         spc:int=1, # DM images per class
         workers:int=2, # processes side by side
         pooled:str=''): # base methods, comma-separated: write the pooled decision from their runs (trains nothing)
    "Write the plan, run the runs not yet in runs.csv, then write the results and the decision"
    if pooled:
        text = pooled_text(pooled.split(','), [int(s) for s in seeds.split(',')], spc)
        Path('benchmarks/results/fashion-mnist/confirm-pooled.md').write_text(text); print(text); return
    out = Path(out or f"benchmarks/results/fashion-mnist{'' if method == 'inversion' else '-' + method}/confirm"); out.mkdir(parents=True, exist_ok=True)
    seeds_ = [int(s) for s in seeds.split(',')]; f = out/'runs.csv'
    if not (out/'plan.md').exists(): (out/'plan.md').write_text(plan_text(method, seeds_, spc))
    runs = pd.read_csv(f) if f.exists() else pd.DataFrame()
    done = {(r['variant'], int(r['seed'])) for _, r in runs.iterrows()}
    jobs = [dict(method=method, spc=spc, variant=v, seed=s) for s in seeds_ for v in ('cs', 'full') if (v, s) not in done]
    if jobs: prepare(sorted({j['seed'] for j in jobs}), spc)
    with ProcessPoolExecutor(workers) as ex:
        for r in ex.map(one, jobs):
            runs = pd.concat([runs, pd.DataFrame([r])], ignore_index=True); runs.to_csv(f, index=False); print(r, flush=True)
    text = results_text(runs[runs.seed.isin(seeds_)], method, seeds_, spc)
    (out/'results.md').write_text(text); print(text)
