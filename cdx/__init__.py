__version__ = "0.0.1"

import warnings as _warnings
# fastai's import uses `torch.jit.script`, which new torch releases deprecate; the warning is fastai's to fix and says nothing to cdx's users
_warnings.filterwarnings('ignore', message=r'`torch\.jit\.script` is deprecated', category=FutureWarning)
