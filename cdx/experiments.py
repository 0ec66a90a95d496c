"Moved to `cdx.repro.experiments`, the reproduction wing; this alias warns, and will go in a later release"
import warnings as _warnings
_warnings.warn("`cdx.experiments` moved to `cdx.repro.experiments`: import from there (e.g. `from cdx.repro.experiments import ...`).", FutureWarning, stacklevel=2)
from .repro.experiments import *
