"Moved to `cdx.repro.byo`, the reproduction wing; this alias warns, and will go in a later release"
import warnings as _warnings
_warnings.warn("`cdx.byo` moved to `cdx.repro.byo`: import from there (e.g. `from cdx.repro.byo import ...`).", FutureWarning, stacklevel=2)
from .repro.byo import *
