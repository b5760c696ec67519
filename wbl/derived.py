"""Tables wbl derives from its own data, kept between runs in the user's cache folder.

A cold `wbl check` used to spend a few hundred milliseconds turning data into the structures it
works with: parsing TOML files (the rule pack, the lexicons, the anatomy's cue words), merging
word lists into regular expressions, checking the configurable expressions for catastrophic
backtracking, and compiling them all. None of that depends on the file being linted, so the
first run writes the results to one file in the user's cache folder (``$XDG_CACHE_HOME/wbl``,
else ``~/.cache/wbl``, as `wbl.wordtable`) and later runs read it with `marshal` in a few
milliseconds.

Invalidation is by construction: the file's name carries wbl's version, a fingerprint of wbl's
code and the Python version (a regular expression is stored as the compiled program of the `re`
engine of that Python), and every entry is keyed by the content it was derived from. Nothing
else is stored; the folder can be deleted at any time, and without a writable cache every table
is simply derived again.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_LOCK = threading.RLock()
_TABLES: dict[str, Any] | None = None
_ADDED = False
_DISABLED = bool(os.environ.get("WBL_NO_DERIVED_CACHE"))


def _path() -> Path:
    from wbl.cache import code_fingerprint
    from wbl.version import __version__
    from wbl.wordtable import cache_folder

    code = code_fingerprint("wbl")[:16]
    python = "".join(map(str, sys.version_info[:3]))
    return cache_folder() / f"derived-{__version__}-{code}-py{python}.marshal"


def _tables() -> dict[str, Any]:
    global _TABLES
    with _LOCK:
        if _TABLES is None:
            _TABLES = {}
            if not _DISABLED:
                try:
                    loaded = marshal.loads(_path().read_bytes())
                    if isinstance(loaded, dict):
                        _TABLES = loaded
                except (OSError, EOFError, ValueError, TypeError):
                    pass  # absent or damaged: derived again and rewritten
                atexit.register(save)
        return _TABLES


def digest(*parts: Any) -> str:
    """A short key for the content a table is derived from."""
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:20]


def remember(kind: str, key: str, compute: Callable[[], T]) -> T:
    """`compute()` (a value `marshal` can store), once per `kind` and `key` across runs."""
    global _ADDED
    tables = _tables()
    name = f"{kind}:{key}"
    with _LOCK:
        if name in tables:
            return tables[name]  # type: ignore[no-any-return]
    value = compute()
    with _LOCK:
        try:
            marshal.dumps(value)
        except ValueError:
            return value  # not storable: derived on every run
        tables[name] = value
        _ADDED = True
    return value


def save() -> None:
    """Write the tables when this run derived new ones (at exit; atomic, so runs at once are safe)."""
    global _ADDED
    with _LOCK:
        if not _ADDED or _TABLES is None or _DISABLED:
            return
        _ADDED = False
        from wbl.safeio import write_atomic

        try:
            path = _path()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, marshal.dumps(_TABLES), durable=False)
        except OSError:
            pass  # no writable cache: the next run derives them again


def toml(text: str) -> dict[str, Any]:
    """A TOML document, parsed once across runs (keyed by its text)."""

    def parse() -> dict[str, Any]:
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        return tomllib.loads(text)

    return remember("toml", digest(text), parse)


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, with the `re` engine's program for it kept across runs.

    Parsing and compiling a long expression (a word list merged into one) is pure Python and
    slow; the program it yields is a list of integers, stored and handed back to the engine.
    """
    try:
        import _sre

        program = remember("sre", digest(source, flags, _sre.MAGIC), lambda: _program(source, flags))
        flags_used, code, groups, groupindex, indexgroup = program
        return _sre.compile(source, flags_used, list(code), groups, dict(groupindex), tuple(indexgroup))  # type: ignore[no-any-return]
    except Exception:  # another Python's engine: compile as usual
        return re.compile(source, flags)


def _program(source: str, flags: int) -> tuple[Any, ...]:
    try:  # Python 3.11+
        from re import _compiler, _parser
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = tuple(int(op) for op in code)  # plain integers (the engine's opcodes are an int subclass)
    return (int(flags | parsed.state.flags), program, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def reset() -> None:
    """Forget the loaded tables (tests)."""
    global _TABLES, _ADDED
    with _LOCK:
        _TABLES, _ADDED = None, False


__all__ = ["compiled", "digest", "remember", "reset", "save", "toml"]
