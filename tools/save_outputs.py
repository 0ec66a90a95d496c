"""Execute the docs notebooks and keep their outputs, so the rendered pages show their figures, tables and printed results.

    python tools/save_outputs.py                      # every notebook in nbs/ (a few minutes on 2 cores)
    python tools/save_outputs.py 40_reliability 25_viz
    python tools/save_outputs.py --check              # exit 1 naming each page whose figure or results are missing (CI)

Runs `nbdev-test --save`, then drops what a reader does not need: library warnings on stderr and fastai's progress-bar text
(the per-epoch table rows and bars), keeping every figure, table and printed line. Finishes with `nbdev-clean`.
"""
import json, re, subprocess, sys
from pathlib import Path

nbs = Path(__file__).resolve().parent.parent/'nbs'
_bar_row = re.compile(r'^\s*\d+\s+((nan|[\d.e+-]+)\s|\d\d:\d\d\s*$)')   # a row of fastai's epoch table

_glog = re.compile(r'^[WI]\d{4} \d\d:\d\d')                                 # a C++ library's log line (e.g. torch's 'no CUDA runtime')

def _noise(line:str) -> bool: return '█' in line or 'Epoch ' in line or bool(_bar_row.match(line))

def tidy(path:Path) -> int:
    "Remove warnings and progress-bar text from the saved outputs of the notebook at `path`; returns the outputs kept"
    nb, kept = json.loads(path.read_text()), 0
    for c in nb['cells']:
        if 'outputs' not in c: continue
        outs = []
        for o in c['outputs']:
            if o.get('output_type') == 'stream':
                text = ''.join(o['text'])
                if o.get('name') == 'stderr' and ('Warning' in text or _glog.match(text)): continue
                text = '\n'.join(l for l in text.split('\n') if not _noise(l)).strip('\n')
                if not text.strip(): continue
                o['text'] = [l + '\n' for l in text.split('\n')]
            outs.append(o)
        c['outputs'] = outs; kept += len(outs)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    return kept

_plot_call = re.compile(r'^(?!test_fail)[^#]*(\bplot_\w+\(|\bplt\.|show_images\(|\.show_grid\(|imshow\()')

def _src(c) -> str: return ''.join(c['source'])
def _shown(c) -> bool: return not _src(c).startswith(('#| export', '#| hide', '#| exporti'))

def missing_outputs(path:Path) -> list:
    "What the page at `path` should show and does not: a figure for each cell that plots, and at least one output on a page that runs code"
    cells = [c for c in json.loads(path.read_text())['cells'] if c['cell_type'] == 'code' and _shown(c)]
    img = lambda c: any('image/png' in o.get('data', {}) for o in c.get('outputs', []))
    bad = [f"no figure under `{_src(c).splitlines()[0][:60]}`" for c in cells
           if not _src(c).startswith(('#| slow', '#| cuda')) and any(_plot_call.match(l) for l in _src(c).splitlines()) and not img(c)]
    if path.name != 'index.ipynb' and cells and not any(c.get('outputs') for c in cells): bad.append('no output at all')
    return bad

def check() -> int:
    bad = {p.name: m for p in sorted(nbs.glob('*.ipynb')) if (m := missing_outputs(p))}
    for n,m in bad.items(): print(f"{n}: " + '; '.join(m))
    if bad: print(f"Run `python tools/save_outputs.py {' '.join(Path(n).stem for n in bad)}` and commit the notebooks.")
    return len(bad)

def main(names):
    pattern = '|'.join(re.escape(n) for n in names) if names else '.*'
    subprocess.run(['nbdev-test', '--n-workers', '2', '--save', '--file-re', f'^({pattern})'], check=True, cwd=nbs.parent)
    for p in sorted(nbs.glob('*.ipynb')):
        if re.match(f'^({pattern})', p.name): print(f"{p.name}: {tidy(p)} outputs")
    subprocess.run(['nbdev-clean'], check=True, cwd=nbs.parent)

if __name__ == '__main__':
    if '--check' in sys.argv[1:]: sys.exit(1 if check() else 0)
    main(sys.argv[1:])
