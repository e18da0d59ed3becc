"""warta: structured data from Indonesian regional-government news."""

from __future__ import annotations

from . import lazy_torch as _lazy_torch

_lazy_torch.install()  # before anything imports spaCy: its thinc would import torch

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"

__all__ = ["Extractor", "extract", "register_factories", "SCHEMA_VERSION", "__version__"]


def __getattr__(name: str):
    # Imported lazily so `import pipeline` stays cheap for the CLI's --help.
    if name in ("Extractor", "extract"):
        from . import extractor

        return getattr(extractor, name)
    if name == "register_factories":
        from .components import register_factories

        return register_factories
    raise AttributeError(name)
