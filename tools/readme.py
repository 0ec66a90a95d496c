#!/usr/bin/env python
"""Render README.md from nbs/index.ipynb without Quarto, or check that it is up to date.

Markdown cells are copied as they are, except that a Quarto include shortcode on a line of its own
(`{{< include ../benchmarks/results/x.md >}}`, a path relative to nbs/) is replaced by that file, so result tables and the sentences
generated from them reach the README and the docs site from one committed file; code cells become ```python blocks with their `#|`
directive lines removed; cells marked `#| hide` are left out, and outputs are never copied (they depend on the machine).

    python tools/readme.py          # write README.md
    python tools/readme.py --check  # exit 1 if README.md differs from what index.ipynb gives
"""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

_include = re.compile(r'^\{\{< include (\S+) >\}\}$', re.M)

def expand(md:str, base:Path) -> str:
    "Replace each include shortcode in `md` by the file it names (relative to `base`)"
    def sub(m):
        path = (base/m.group(1)).resolve()
        if not path.exists(): sys.exit(f"README include names a missing file: {m.group(1)} (relative to {base})")
        return path.read_text().strip('\n')
    return _include.sub(sub, md)

def render(nb_path=root/'nbs'/'index.ipynb') -> str:
    cells = json.loads(Path(nb_path).read_text())['cells']
    parts = []
    for c in cells:
        src = ''.join(c['source']).strip('\n')
        if not src: continue
        if c['cell_type'] == 'markdown': parts.append(expand(src, Path(nb_path).parent))
        elif c['cell_type'] == 'code':
            lines = src.split('\n')
            directives = [l for l in lines if l.startswith('#|')]
            if any(d.replace(' ', '') in ('#|hide', '#|exporti') for d in directives): continue
            code = '\n'.join(l for l in lines if not l.startswith('#|')).strip('\n')
            if code: parts.append(f"```python\n{code}\n```")
    return '<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, then run `python tools/readme.py`. -->\n\n' + '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text, readme = render(), root/'README.md'
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text() != text:
            sys.exit("README.md is out of date with nbs/index.ipynb: run `python tools/readme.py` and commit the result.")
        print("README.md matches nbs/index.ipynb")
    else:
        readme.write_text(text); print(f"wrote {readme}")
