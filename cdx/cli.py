"Moved to `cdx.repro.cli`, the reproduction wing; this alias warns, and will go in a later release"
import warnings as _warnings
_warnings.warn("`cdx.cli` moved to `cdx.repro.cli`: import from there (e.g. `from cdx.repro.cli import ...`).", FutureWarning, stacklevel=2)
from .repro.cli import *
