"""Keep thinc from importing torch: the spaCy backend never uses it.

thinc imports torch (about 3 s and 180 MB) whenever it is installed, only to offer
its PyTorch wrappers, which the shipped spaCy pipeline does not contain. The stanza
backend needs torch; it imports it itself, which this guard leaves alone.
"""

from __future__ import annotations

import importlib.abc
import os
import sys

# Set to 1 to let thinc import torch (a spaCy pipeline with a PyTorch layer needs it).
ALLOW_ENV = "WARTA_THINC_TORCH"


def _thinc_compat_loading() -> bool:
    """True while thinc.compat is being imported (it sets has_torch after trying torch)."""
    module = sys.modules.get("thinc.compat")
    return module is not None and not hasattr(module, "has_torch")


class ThincTorchBlocker(importlib.abc.MetaPathFinder):
    """Refuses `import torch` from thinc.compat only; every other importer gets torch."""

    def find_spec(self, fullname, path, target=None):
        if fullname.partition(".")[0] == "torch" and _thinc_compat_loading():
            raise ModuleNotFoundError(f"{fullname} is not needed by warta's spaCy pipeline", name=fullname)
        return None


def install() -> None:
    """Put the guard first on the import path, once, before spaCy (and so thinc) is imported."""
    if os.environ.get(ALLOW_ENV) == "1" or "thinc.compat" in sys.modules:
        return
    if not any(isinstance(finder, ThincTorchBlocker) for finder in sys.meta_path):
        sys.meta_path.insert(0, ThincTorchBlocker())
