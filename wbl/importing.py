"""Importing a dependency without the parts of it wbl never uses."""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.RLock()


@contextmanager
def stand_ins(*modules: types.ModuleType) -> Iterator[None]:
    """Put `modules` in `sys.modules` for the time of an import, in place of modules it would
    import for nothing (spaCy's command line, nltk's downloader), and take them out after, so
    that a later real import of those modules still works. A module already imported is left as
    it is. Imports under stand-ins take turns (the language server has threads)."""
    with _LOCK:
        placed = [m for m in modules if m.__name__ not in sys.modules]
        for module in placed:
            sys.modules[module.__name__] = module
        try:
            yield
        finally:
            for module in placed:
                if sys.modules.get(module.__name__) is module:
                    del sys.modules[module.__name__]
