"""Does bf16 autocast for the whole method cost the student accuracy? The digits demo's setting run in fp32 and in bf16, paired by seed.

    python benchmarks/precision_digits.py          # 10 condensed sets x fp32, bf16; about 15 minutes on 2 cores

`cdx_learner(precision='bf16')` puts the teacher's target pass, the generator step, the discriminator step and the student step under
autocast (the BN-statistics loss stays in fp32). Mixed precision is only worth having if the student it gives is as good, so this
benchmark tests that before any speed is claimed for it. The plan is fixed before the first run (OUT/plan.md):

- runs: the full method (`*`, inversion, digits preset, `label_weight=0`) on one DM image per class condensed with seeds 0-9, once in
  fp32 and once in bf16, same seed, same condensed set, one after the other in the same process;
- decision (non-inferiority, margin 1 point): bf16 is *no worse than fp32* when the whole 95% confidence interval of the paired test
  accuracy difference bf16 minus fp32 lies above -1 point; *worse* when it lies below 0; otherwise *not decided*.
  No seed is added after the result is seen.

The seconds per run are reported too, but speed is not what is tested here.
Writes OUT/plan.md, OUT/runs.csv (resumable: finished seeds are kept), OUT/results.md and OUT/summary.md (the result alone, for the docs).
"""
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import warnings
import pandas as pd
from fastcore.script import call_parse
from cdx.stats import md_table, mean_ci, fmt_ci, paired_diff, fmt_pair, verdict

margin, precisions = 1., ('fp32', 'bf16')

def plan(seeds:list, spc:int) -> str:
    return (f"# Plan: bf16 against fp32 on digits\n\nFixed before the first run.\n\n- runs: `*` (inversion, digits preset, label_weight 0) on {spc} DM "
            f"image(s) per class, condensed sets seeded {seeds[0]}-{seeds[-1]} ({len(seeds)} sets), in fp32 and bf16, same seed, same process\n"
            f"- measure: test accuracy; the paired difference bf16 minus fp32 with its 95% CI over the sets\n"
            f"- decision: *no worse* when the CI's lower end is above -{margin:.0f} point; *worse* when its upper end is below 0; "
            "else *not decided*. No seed is added after the result is seen.\n")

def job(a:tuple) -> list:
    "Both precisions on the condensed set of one seed, one after the other in this process"
    seed, spc = a
    import torch; torch.set_num_threads(1); warnings.filterwarnings('ignore')
    from cdx.data import digits
    from cdx.repro.digits import digits_teacher, digits_condensed, digits_run
    data = digits(); teacher = digits_teacher(data); cs = digits_condensed(data, spc, seed=seed, source='dm')
    rows = []
    for q in precisions:
        r = digits_run('full', teacher, data, cs, seed=seed, precision=None if q == 'fp32' else q)
        rows.append(dict(seed=seed, precision=q, acc=r['acc'], valid_acc=r['valid_acc'], gap=r['gap'], seconds=r['seconds']))
    return rows

def decision(p:dict) -> str:
    "What the paired difference bf16 - fp32 decides under the plan"
    if p['hi'] < 0: return 'worse'
    return 'no worse than fp32' if 100*p['lo'] > -margin else 'not decided'

def meaning(p:dict) -> str:
    "What the decision leaves open, in words generated from the interval"
    lo, hi = 100*p['lo'], 100*p['hi']
    if decision(p) == 'worse': return f"bf16 loses between {-hi:.1f} and {-lo:.1f} points."
    if decision(p) == 'no worse than fp32': return f"the interval rules out a loss of more than {margin:.0f} point."
    return f"the interval still admits a loss of up to {-lo:.1f} points, and also no loss at all."

def report(runs:pd.DataFrame, o:Path) -> str:
    "OUT/results.md: mean ± 95% CI per precision, the paired difference, the decision and the seconds per run"
    by = {q: runs[runs.precision == q].set_index('seed') for q in precisions}
    p = paired_diff(by['bf16'].acc, by['fp32'].acc)
    rows = [[q, fmt_ci(*mean_ci(r.acc)), fmt_ci(*mean_ci(r.gap), scale=1., digits=3), fmt_ci(*mean_ci(r.seconds), scale=1.)] for q, r in by.items()]
    ratio = (by['bf16'].seconds/by['fp32'].seconds).mean()
    result = (f"The digits demo's full method (`*`, inversion, one DM image per class) in fp32 and in bf16 on {p['n']} condensed sets, "
              "one run each, paired; test accuracy, feature gap (MMD) and seconds as mean ± 95% CI\n\n"
            + md_table(['precision', 'test accuracy (%)', 'feature gap', 'seconds per run'], rows)
            + f"\n\n- bf16 minus fp32: {fmt_pair(p)}. " + verdict('bf16', 'fp32', p, pairs='condensed sets')
            + f" Equal on {p['ties']} of them.\n- **Decision: {decision(p)}** (margin {margin:.0f} point): {meaning(p)}\n"
            + f"- A bf16 run took {ratio:.2f}x the wall-clock time of its fp32 run, on average over the sets (same process, one after the other, "
              "with another run sharing the machine's cores: a rough figure; `benchmarks/throughput.py` measures speed).\n")
    (o/'summary.md').write_text(result)                                    # what the docs include
    text = (o/'plan.md').read_text() + "\n# Result\n\n" + result
    (o/'results.md').write_text(text); print(text); return text

@call_parse
def main(out:str='benchmarks/results/precision-digits', # folder for plan.md, runs.csv and results.md
         seeds:str='0,1,2,3,4,5,6,7,8,9', # condensed-set seeds
         spc:int=1, # DM images per class
         workers:int=2, # processes side by side
         report_only:bool=False): # only rewrite results.md from runs.csv
    "bf16 against fp32 for the whole method on digits, paired by condensed set"
    o = Path(out); o.mkdir(parents=True, exist_ok=True); f = o/'runs.csv'
    if report_only: return report(pd.read_csv(f), o)
    s = [int(v) for v in seeds.split(',')]
    if not (o/'plan.md').exists(): (o/'plan.md').write_text(plan(s, spc))
    done = pd.read_csv(f) if f.exists() else pd.DataFrame(columns=['seed', 'precision', 'acc', 'valid_acc', 'gap', 'seconds'])
    todo = [(v, spc) for v in s if v not in set(done.seed)]
    with ProcessPoolExecutor(workers) as ex:
        for rows in ex.map(job, todo):
            done = pd.concat([done, pd.DataFrame(rows)], ignore_index=True); done.to_csv(f, index=False)   # kept as each seed finishes
    report(done, o)
