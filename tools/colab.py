"""Make every docs notebook runnable on Colab: an "Open in Colab" badge under the title and a hidden first code cell that
installs cdx when it is not installed (a no-op in the repository, in CI and wherever cdx is already there).

    python tools/colab.py           # add or refresh the badge and the install cell in every notebook of nbs/
    python tools/colab.py --check   # exit 1 naming each notebook without them (CI runs this)
"""
import json, sys
from pathlib import Path

nbs = Path(__file__).resolve().parent.parent/'nbs'
repo = 'cdx-dev/cdx'
badge_tag, install_tag = 'colab-badge.svg', '#| hide\n# Colab: install cdx'

def badge(name:str) -> str:
    return f"[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/{repo}/blob/main/nbs/{name})"

install = (install_tag + " when it is not installed (nothing happens where it is)\n"
           "import importlib.util, subprocess, sys\n"
           "if importlib.util.find_spec('cdx') is None:\n"
           f"    subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', 'cdx[dev] @ git+https://github.com/{repo}'], check=True)")

def _src(c) -> str: return ''.join(c['source'])
def _cell(kind:str, src:str) -> dict:
    c = dict(cell_type=kind, metadata={}, source=src.splitlines(keepends=True))
    if kind == 'code': c.update(execution_count=None, outputs=[])
    return c

def missing(nb:dict, name:str) -> list:
    "What `nb` lacks: 'badge' and/or 'install cell'"
    srcs = [_src(c) for c in nb['cells']]
    return [w for w,ok in (('badge', any(badge(name) in s for s in srcs)), ('install cell', any(s == install for s in srcs))) if not ok]

def fix(nb:dict, name:str) -> dict:
    "Add (or refresh) the badge under the title cell and the install cell before the first code cell that is not `default_exp`"
    cells = [c for c in nb['cells'] if badge_tag not in _src(c) and not _src(c).startswith(install_tag)]
    cells.insert(1, _cell('markdown', badge(name)))
    first = next(i for i,c in enumerate(cells) if c['cell_type'] == 'code' and not _src(c).startswith('#| default_exp'))
    cells.insert(first, _cell('code', install))
    nb['cells'] = cells
    return nb

def main(check:bool):
    bad = []
    for p in sorted(nbs.glob('*.ipynb')):
        nb = json.loads(p.read_text())
        if not missing(nb, p.name): continue
        if check: bad.append(f"{p.name}: no {' and no '.join(missing(nb, p.name))}")
        else: p.write_text(json.dumps(fix(nb, p.name), indent=1, ensure_ascii=False) + '\n')
    if bad: print("Run `python tools/colab.py`:\n  " + '\n  '.join(bad)); sys.exit(1)

if __name__ == '__main__': main('--check' in sys.argv[1:])
