"Moved to `cdx.repro.table`, the reproduction wing; this alias warns, and will go in a later release"
import warnings as _warnings
_warnings.warn("`cdx.table` moved to `cdx.repro.table`: import from there (e.g. `from cdx.repro.table import ...`).", FutureWarning, stacklevel=2)
from .repro.table import *
