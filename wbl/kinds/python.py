"""The python kind: a rule whose logic is a function of the pack, named ``module:attribute``."""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Callable
from functools import lru_cache
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import Any

from wbl.options import Option


class RuleDataError(Exception):
    """A rule data file is invalid; the message names the file and key."""


# What binds a name at a module's top level: def, class, assignment, import (plain or in parentheses).
_DEFINED = re.compile(r"^(?:async\s+def|def|class)\s+(\w+)|^(\w+)\s*(?::[^=\n]*)?=", re.MULTILINE)
_IMPORTED = re.compile(r"^(?:from\s+\S+\s+)?import\s+(\([^)]*\)|[^\n]*)", re.MULTILINE)


@lru_cache(maxsize=64)
def _top_level_names(source_file: str) -> frozenset[str]:
    """The names a module's source binds at its top level (read, never imported)."""
    source = Path(source_file).read_text(encoding="utf-8")
    names = {a or b for a, b in _DEFINED.findall(source)}
    for clause in _IMPORTED.findall(source):
        for item in clause.strip("()").split(","):
            words = item.split()
            if words:
                names.add(words[-1].split(".")[0])  # "x as y" binds y; "import a.b" binds a
    return frozenset(names)


class ImportedFunction:
    """A function of a rule pack named ``module:attribute``, imported when first called.

    The name is checked when the rule loads: the module is located and its source must define
    the attribute at its top level, so a wrong name fails there, naming the file and the key.
    Importing waits for the first call, so runs served wholly from the result cache, `wbl rules`
    and configuration checks never import the rule pack's code.
    """

    __slots__ = ("_function", "key", "target", "where")

    def __init__(self, target: Any, where: str, key: str) -> None:
        self.target, self.where, self.key = target, where, key
        self._function: Callable[..., Any] | None = None
        module_name, _, attribute = str(target).partition(":")
        problem = _problem(module_name, attribute) if isinstance(target, str) else "expected 'module:attribute'"
        if problem:
            raise RuleDataError(f"{where}: {key}: {target!r} {problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (ImportedFunction, (self.target, self.where, self.key))

    def resolve(self) -> Callable[..., Any]:
        if self._function is None:
            module_name, _, attribute = self.target.partition(":")
            try:
                self._function = getattr(importlib.import_module(module_name), attribute)
            except (ImportError, AttributeError) as exc:
                raise RuleDataError(f"{self.where}: {self.key}: {self.target!r} not found: {exc}") from None
        return self._function

    def __call__(self, *args: Any) -> Any:
        return self.resolve()(*args)

    @property
    def __doc__(self) -> str | None:  # type: ignore[override]  # the function's docstring is the rule's docs
        return self.resolve().__doc__


@lru_cache(maxsize=64)
def _spec(module_name: str) -> ModuleSpec | None:
    """Where a module is, found without importing it (its parent packages are imported)."""
    try:
        return importlib.util.find_spec(module_name)
    except (ImportError, ValueError):
        return None


def _problem(module_name: str, attribute: str) -> str | None:
    """Why ``module:attribute`` names no function (None when it does), without importing it."""
    if not module_name or not attribute:
        return "is not 'module:attribute'"
    spec = _spec(module_name)
    if spec is None:
        return f"not found: no module {module_name!r}"
    origin = Path(spec.origin) if spec.origin else None
    if (
        origin is not None
        and origin.suffix == ".py"
        and origin.is_file()
        and attribute in _top_level_names(str(origin))
    ):
        return None
    try:  # Not bound plainly at the top of its source (or no source to read): import it to ask.
        found = hasattr(importlib.import_module(module_name), attribute)
    except ImportError as exc:
        return f"not found: {exc}"
    return None if found else f"not found: module {module_name!r} has no {attribute!r}"


class Python:
    """A rule whose logic is code: `function` is its check, `prepare` (optional) what it makes of its
    options once per configuration, `figures` (optional) the numbers it measures for reports.
    Its options are the TOML file's, each typed by its default."""

    name = "python"
    required = ("function",)
    keys = (
        Option("function", "string", None, "the check: module:attribute, called with (document, ctx)"),
        Option("prepare", "string", None, "module:attribute called with (ctx) once per configuration"),
        Option("figures", "string", None, "module:attribute called with (document, ctx): Figures for reports"),
        Option(
            "prefilter",
            "string",
            None,
            "module:attribute called with (document, ctx) before the parse: the sentences whose parse"
            " the check may read",
        ),
    )


__all__ = ["ImportedFunction", "Python", "RuleDataError"]
