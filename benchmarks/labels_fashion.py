"""The condensed samples' own labels in the student's loss (`label_weight`, `CondensedLabels`), on Fashion-MNIST.

    python benchmarks/labels_fashion.py                                   # the sweep: weights 0.3, 1, 3; seeds 0-2; 1 DM image per class; validation only
    python benchmarks/labels_fashion.py --stage test --weights 1 --spcs 1,10 --seeds 0,1,2,3,4 --variants kd,cs,full
    python benchmarks/labels_fashion.py --stage test --weights 3 --seeds 0,1,2,3,4 --variants cs,full --method prefkd --out benchmarks/results/fashion-mnist-prefkd/labels
    python benchmarks/labels_fashion.py --stage auto --spcs 1,10 --seeds 0,1,2,3,4 --variants kd,cs,full   # what label_weight='auto' does, from the runs above

Distillation reads only the teacher's logits. On Fashion-MNIST the digits recipe's teacher reads some DM images as another class than the
one they were condensed for, so the student learns the teacher's reading instead of the label. The sweep chooses a weight on the
validation split (the test split is not read); the test stage measures the chosen weight on the test split. Every other setting is the
digits preset's. The runs without the term (weight 0) are those of `benchmarks/results/fashion-mnist/spc{N}/results.csv`, on the same
seeds and condensed sets. Writes OUT/runs.csv (resumable), OUT/teacher.md (the teacher's accuracy on the condensed images) and
OUT/sweep.md or OUT/results.md. The `auto` stage trains nothing: it reads the test runs of weights 0 and 3 and writes OUT/auto.md, what
`cdx_learner`'s default `label_weight='auto'` gives (weight 3 where the teacher labels fewer than 90% of a condensed set as its own).
"""
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import pandas as pd
from fastcore.script import call_parse
from fashion_common import fashion_setup
from cdx.stats import summarize_runs, mean_ci, fmt_ci, md_table, paired_diff, fmt_pair, verdict

def one(job):
    "One run: its test and validation accuracy"
    from cdx.repro.digits import digits_condensed, digits_run
    data, teacher = fashion_setup()
    cs = digits_condensed(data, job['spc'], seed=job['seed'], source='dm')
    r = digits_run(job['variant'], teacher, data, cs, seed=job['seed'], method=job.get('method', 'inversion'), label_weight=job['weight'])
    return dict(**job, acc=r['acc'], valid_acc=r['valid_acc'])

def teacher_agreement(spcs, seeds) -> str:
    "How often the teacher gives each DM-condensed image the label it was condensed for"
    from cdx.learner import condensed_agreement
    from cdx.repro.digits import digits_condensed
    data, teacher = fashion_setup()
    rows = [[spc, fmt_ci(*mean_ci(pd.Series([condensed_agreement(teacher, digits_condensed(data, spc, seed=s, source='dm'), data.mean, data.std)
                                                 for s in seeds]))), len(seeds)] for spc in spcs]
    return md_table(['DM images per class', "teacher's predictions that match the condensed labels (%)", 'condensed sets'], rows)

def auto_table(runs:pd.DataFrame, spcs:list, seeds:list, variants:list, method:str) -> str:
    "`label_weight='auto'` against weight 0, paired by seed: each seed's run of the weight the rule picks for its condensed set"
    from cdx.learner import condensed_agreement, resolve_label_weight
    from cdx.repro.digits import digits_condensed
    data, teacher = fashion_setup(); lines = []
    for n in spcs:
        agree = {s: condensed_agreement(teacher, digits_condensed(data, n, seed=s, source='dm'), data.mean, data.std) for s in seeds}
        pick = {s: resolve_label_weight('auto', a) for s, a in agree.items()}
        base = pd.read_csv(f"benchmarks/results/fashion-mnist{'' if method == 'inversion' else '-' + method}/spc{n}/results.csv").assign(weight=0.)
        allr = pd.concat([base, runs[runs.spc == n]], ignore_index=True)
        lines += [f"\n**{n} DM image(s) per class**: the teacher gives each condensed set's images their own label in " +
                  ', '.join(f"{agree[s]:.0%}" for s in seeds) + f" (seeds {', '.join(map(str, seeds))}), so 'auto' picks weight " +
                  ', '.join(f"{pick[s]:g}" for s in seeds) + '.\n']
        rows, said, default = [], [], {}
        for v in variants:
            acc = lambda w: allr[(allr.variant == v) & (allr.weight == w)].drop_duplicates('seed').set_index('seed')['acc'].astype(float)
            zero, three = acc(0.), acc(3.)
            if any(s not in zero.index or (pick[s] and s not in three.index) for s in seeds): continue
            auto = default[v] = pd.Series({s: three[s] if pick[s] else zero[s] for s in seeds}); zero = zero[seeds]
            d = paired_diff(auto, zero)
            rows.append([v, fmt_ci(*mean_ci(auto)), fmt_ci(*mean_ci(zero)), fmt_pair(d)]); said.append(f"- {v}: " + verdict("'auto'", 'weight 0', d))
        lines += [md_table(['variant', "'auto' (%)", 'weight 0 (%)', "'auto' minus weight 0, paired (points, 95% CI), seeds better"], rows), ''] + said
        for v in ('mi', 'ce'):                                       # no condensed labels to weigh: the committed runs as they are
            got = base[base.variant == v].drop_duplicates('seed').set_index('seed')['acc'].astype(float)
            if all(s in got.index for s in seeds): default[v] = got[seeds]
        if 'full' in default and len(default) > 1:
            others = [v for v in ('cs', 'mi', 'kd', 'ce') if v in default]
            pairs = {v: paired_diff(default['full'], default[v]) for v in others}
            lines += ["\n`*` with the default against the other ways to a student, every row as `cdx_learner` gives it by default, paired by seed:\n",
                      md_table(['comparison', 'difference (points, 95% CI), seeds better'], [[f"* minus {v}", fmt_pair(pairs[v])] for v in others]), '']
            lines += [f"- * minus {v}: " + verdict('*', v, pairs[v]) for v in others]
    return (f"Fashion-MNIST, base method {method}, seeds {', '.join(map(str, seeds))}: `cdx_learner`'s default `label_weight='auto'` against pure distillation "
            "(weight 0), test accuracy, from the test runs of weights 0 and 3 (nothing chosen on these numbers).\n" + '\n'.join(lines) + '\n')

@call_parse
def main(out:str='benchmarks/results/fashion-mnist/labels', # folder for runs.csv and the tables
         stage:str='sweep', # 'sweep' (validation accuracy by weight), 'test' (the chosen weight on the test split) or 'auto' (the default's rule, from the test runs)
         weights:str='0.3,1,3', # label weights to run
         seeds:str='0,1,2', # seeds
         spcs:str='1', # condensed images per class
         variants:str='kd,full', # rows: 'kd' (KD on the condensed images only), 'cs', 'full'
         method:str='inversion', # base method; its weight-0 runs are read from `benchmarks/results/fashion-mnist[-METHOD]/`
         workers:int=2): # processes side by side
    "Run the runs not yet in runs.csv, then write the stage's table"
    out = Path(out); out.mkdir(parents=True, exist_ok=True); f = out/'runs.csv'
    if stage == 'auto':
        text = auto_table(pd.read_csv(f), [int(n) for n in spcs.split(',')], [int(s) for s in seeds.split(',')], variants.split(','), method)
        (out/'auto.md').write_text(text); print(text); return
    cols = ['stage', 'weight', 'spc', 'variant', 'seed', 'acc', 'valid_acc']
    runs = pd.read_csv(f) if f.exists() else pd.DataFrame(columns=cols)
    key = lambda r: (float(r['weight']), int(r['spc']), r['variant'], int(r['seed']))
    done = {key(r) for _, r in runs.iterrows()}
    jobs = [dict(stage=stage, weight=float(w), spc=int(n), variant=v, seed=int(s), **({} if method == 'inversion' else dict(method=method))) for n in spcs.split(',') for v in variants.split(',')
            for w in weights.split(',') for s in seeds.split(',') if (float(w), int(n), v, int(s)) not in done]
    with ProcessPoolExecutor(workers) as ex:
        for r in ex.map(one, jobs):
            runs = pd.concat([runs, pd.DataFrame([r])], ignore_index=True); runs.to_csv(f, index=False); print(r, flush=True)
    seeds_ = [int(s) for s in seeds.split(',')]; spcs_ = [int(n) for n in spcs.split(',')]
    (out/'teacher.md').write_text(teacher_agreement(spcs_, range(5)) + '\n')
    score = 'valid_acc' if stage == 'sweep' else 'acc'
    lines = []
    for n in spcs_:
        base = pd.read_csv(f"benchmarks/results/fashion-mnist{'' if method == 'inversion' else '-' + method}/spc{n}/results.csv").assign(weight=0., spc=n)
        allr = pd.concat([base[cols[1:]], runs[runs.spc == n][cols[1:]]], ignore_index=True)
        allr = allr[allr.seed.isin(seeds_) & allr.variant.isin(variants.split(',')) & allr.weight.isin([0.] + [float(w) for w in weights.split(',')])]
        for v, d in allr.groupby('variant', sort=False):
            by = {w: x.set_index('seed')[score].astype(float) for w, x in d.groupby('weight')}
            g = summarize_runs(d.astype({score: float}), 'weight', score).sort_index()
            lines += [f"\n**{v}, {n} DM image(s) per class**\n",
                      md_table(['label weight', f"{'validation' if stage == 'sweep' else 'test'} accuracy (%)", 'minus weight 0, paired (points, 95% CI), seeds better', 'seeds'],
                               [[f"{w:g}", fmt_ci(r['mean'], r['ci']), '–' if w == 0 else fmt_pair(paired_diff(by[w], by[0.])), int(r['n'])] for w, r in g.iterrows()])]
            if stage == 'test': lines += [''] + [f"- {verdict(f'label weight {w:g}', 'pure distillation', paired_diff(by[w], by[0.]))}" for w in by if w != 0]
    head = (f"Fashion-MNIST, base method {method}, `{stage}` stage, seeds {', '.join(map(str, seeds_))}: the condensed samples' own labels in the student's loss "
            f"(`label_weight`), every other setting the digits preset's. " +
            ("Validation accuracy; the test split is not read (three seeds: exploratory)." if stage == 'sweep' else "Test accuracy, the weight chosen on the validation split."))
    text = head + '\n' + '\n'.join(lines) + '\n'
    (out/('sweep.md' if stage == 'sweep' else 'results.md')).write_text(text); print(text)
