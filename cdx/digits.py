"Moved to `cdx.repro.digits`, the reproduction wing; this alias warns, and will go in a later release"
import warnings as _warnings
_warnings.warn("`cdx.digits` moved to `cdx.repro.digits`: import from there (e.g. `from cdx.repro.digits import ...`).", FutureWarning, stacklevel=2)
from .repro.digits import *
