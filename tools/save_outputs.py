"""Execute the docs notebooks and keep their outputs, so the rendered pages show their figures, tables and printed results.

    python tools/save_outputs.py                      # every notebook in nbs/ (a few minutes on 2 cores)
    python tools/save_outputs.py 11_reliability 14_viz

Runs `nbdev-test --save`, then drops what a reader does not need: library warnings on stderr and fastai's progress-bar text
(the per-epoch table rows and bars), keeping every figure, table and printed line. Finishes with `nbdev-clean`.
"""
import json, re, subprocess, sys
from pathlib import Path

nbs = Path(__file__).resolve().parent.parent/'nbs'
_bar_row = re.compile(r'^\s*\d+\s+((nan|[\d.e+-]+)\s|\d\d:\d\d\s*$)')   # a row of fastai's epoch table

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
                if o.get('name') == 'stderr' and 'Warning' in text: continue
                text = '\n'.join(l for l in text.split('\n') if not _noise(l)).strip('\n')
                if not text.strip(): continue
                o['text'] = [l + '\n' for l in text.split('\n')]
            outs.append(o)
        c['outputs'] = outs; kept += len(outs)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    return kept

def main(names):
    pattern = '|'.join(re.escape(n) for n in names) if names else '.*'
    subprocess.run(['nbdev-test', '--n-workers', '2', '--save', '--file-re', f'^({pattern})'], check=True, cwd=nbs.parent)
    for p in sorted(nbs.glob('*.ipynb')):
        if re.match(f'^({pattern})', p.name): print(f"{p.name}: {tidy(p)} outputs")
    subprocess.run(['nbdev-clean'], check=True, cwd=nbs.parent)

if __name__ == '__main__': main(sys.argv[1:])
