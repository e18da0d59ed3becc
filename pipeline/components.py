"""warta's spaCy components by factory name, whichever part of warta was imported.

spaCy finds them through the `spacy_factories` entry points in pyproject.toml, each naming an
attribute of this module: building any spaCy pipeline (`spacy.blank`, `spacy.load`) loads the
entry points, which imports the component's module, whose `@Language.factory` registers it. So
`nlp.add_pipe("warta_dates")` works after `import pipeline`, or with no import of warta at all,
and a saved pipeline with warta components loads with a plain `spacy.load`. The modules are
imported only when a factory is asked for, so `import pipeline` stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

# factory name -> the module whose @Language.factory defines it
FACTORY_MODULES: dict[str, str] = {
    "warta_dates": "pipeline.dates",
    "warta_officials": "pipeline.officials",
    "warta_programs": "pipeline.programs",
    "warta_task_lists": "pipeline.lists",
    "warta_meetings": "pipeline.meetings",
}


def factory(name: str) -> Callable:
    """The factory function registered under name, importing its module to register it."""
    importlib.import_module(FACTORY_MODULES[name])
    from spacy.util import registry

    return registry.factories.get(name)


def register_factories() -> None:
    """Register every warta factory with spaCy now (for an environment without the entry points)."""
    for name in FACTORY_MODULES:
        factory(name)


def __getattr__(name: str) -> Callable:
    # The entry points name `pipeline.components:warta_dates` and so on.
    if name in FACTORY_MODULES:
        return factory(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
