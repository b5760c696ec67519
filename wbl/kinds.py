"""Rules as data: a rule pack is a package of TOML files, one per rule, with examples beside.

Each ``<category>/<slug>.toml`` holds the rule's metadata (code, name, category, severity,
summary, description), its options (word lists, thresholds, messages) and its ``kind``:

* ``existence``: flag the words and phrases listed in ``options.groups`` (declarative);
* ``python``: run ``function = "module:attribute"``, a check function of the pack.

``<slug>.good.md`` and ``<slug>.bad.md`` beside the TOML are the rule's examples. Third-party
packs can call `load_pack` on their own package to get the same behaviour.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from wbl.rule import Example, Rule, RuleContext, Severity, Violation
from wbl.textutil import has_number, phrase_pattern

if TYPE_CHECKING:
    from wbl.document import Document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KindFactory = Callable[[Mapping[str, Any], str], Callable[["Document", RuleContext], Iterator[Violation]]]


class RuleDataError(Exception):
    """A rule data file is invalid; the message names the file and key."""


_REQUIRED = ("code", "name", "category", "severity", "summary", "kind")
_KNOWN_KEYS = set(_REQUIRED) | {"description", "needs", "options", "function"}


def _existence(data: Mapping[str, Any], where: str) -> Callable[[Document, RuleContext], Iterator[Violation]]:
    """Flag listed words and phrases in prose sentences."""

    def check(document: Document, ctx: RuleContext) -> Iterator[Violation]:
        yield from existence_matches(document, ctx)

    return check


KINDS: dict[str, KindFactory] = {"existence": _existence}


def existence_matches(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """The existence kind: every listed phrase in a sentence, with the rule's exceptions.

    Options: ``groups`` (each with ``name``, ``advice``, ``words``), ``extend-words``,
    ``accept-words``, ``exceptions`` (phrases that contain a listed word but are fine),
    ``ignore-with-number`` (skip sentences that carry a number), ``skip-questions``,
    ``parts`` (``pr``/``faq``), ``kinds`` (unit kinds), ``message``.
    """
    pattern, groups = _compiled(ctx)
    if pattern is None:
        return
    exceptions = _exception_pattern(ctx)
    parts = set(ctx.get("parts", ("pr", "faq")))
    kinds = set(ctx.get("kinds", ("paragraph", "list_item", "heading", "table_cell")))
    message = ctx.get("message", "'{match}' is vague ({group}): {advice}")
    for unit in document.units:
        if unit.part not in parts or unit.kind not in kinds:
            continue
        for sentence in unit.sentences:
            text = sentence.text
            if ctx.get("ignore-with-number", False) and has_number(text):
                continue
            if ctx.get("skip-questions", False) and text.rstrip().endswith("?"):
                continue
            excepted = [m.span() for m in exceptions.finditer(text)] if exceptions else []
            for match in pattern.finditer(text):
                if any(s <= match.start() and match.end() <= e for s, e in excepted):
                    continue
                group = groups.get(_normal(match.group(0)), {})
                yield Violation.in_sentence(
                    sentence,
                    match.start(),
                    match.end(),
                    message.format(match=match.group(0), group=group.get("name", ""), advice=group.get("advice", "")),
                )


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


# Keyed by id(); the entry keeps the options object alive so that its id is never reused by
# another linter's options (which would hand it a stale pattern).
_COMPILED: dict[int, tuple[Mapping[str, Any], re.Pattern[str] | None, dict[str, Mapping[str, Any]]]] = {}


def _compiled(ctx: RuleContext) -> tuple[re.Pattern[str] | None, dict[str, Mapping[str, Any]]]:
    key = id(ctx.options)
    cached = _COMPILED.get(key)
    if cached is not None and cached[0] is ctx.options:
        return cached[1], cached[2]
    groups: dict[str, Mapping[str, Any]] = {}
    for group in ctx.get("groups", ()):
        for word in group.get("words", ()):
            groups[_normal(word)] = group
    extra = {"name": "listed", "advice": ctx.get("extend-advice", "say it precisely")}
    for word in ctx.get("extend-words", ()):
        groups.setdefault(_normal(word), extra)
    for word in ctx.get("accept-words", ()):
        groups.pop(_normal(word), None)
    pattern = phrase_pattern(groups) if groups else None
    _COMPILED[key] = (ctx.options, pattern, groups)
    return pattern, groups


def _exception_pattern(ctx: RuleContext) -> re.Pattern[str] | None:
    phrases = ctx.get("exceptions", ())
    return phrase_pattern(phrases) if phrases else None


# --- loading a pack -----------------------------------------------------------------------------


def load_pack(package: str) -> list[Rule]:
    """Every rule described by a TOML file in `package` (recursively), with its examples."""
    root = resources.files(package)
    rules = []
    for folder, toml_file in sorted(_walk(root), key=lambda pair: pair[1].name):
        rules.append(load_rule(toml_file, folder, package))
    return rules


def _walk(folder: Traversable) -> Iterator[tuple[Traversable, Traversable]]:
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.name.startswith(("_", ".")):
            yield from _walk(entry)
        elif entry.name.endswith(".toml") and not entry.name.startswith("_"):
            # `_name.toml` files are data that rules share (cue words, lexicons), not rules.
            yield folder, entry


class ImportedCheck:
    """A pack's check function named ``module:attribute``, imported when first called.

    The module is located when the rule loads (a wrong module name fails there, naming the
    file); importing it waits, so runs served wholly from the result cache, `wbl rules` and
    configuration checks never import the rule pack's code.
    """

    __slots__ = ("_function", "target", "where")

    def __init__(self, target: str, where: str) -> None:
        self.target, self.where = target, where
        self._function: Callable[[Document, RuleContext], Iterator[Violation]] | None = None
        module_name, _, attribute = target.partition(":")
        try:
            found = bool(module_name and attribute) and importlib.util.find_spec(module_name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise RuleDataError(f"{where}: function {target!r} not found")

    def resolve(self) -> Callable[[Document, RuleContext], Iterator[Violation]]:
        if self._function is None:
            module_name, _, attribute = self.target.partition(":")
            try:
                self._function = getattr(importlib.import_module(module_name), attribute)
            except (ImportError, AttributeError) as exc:
                raise RuleDataError(f"{self.where}: function {self.target!r} not found: {exc}") from None
        return self._function

    def __call__(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        return self.resolve()(document, ctx)

    @property
    def __doc__(self) -> str | None:  # type: ignore[override]  # the function's docstring is the rule's docs
        return self.resolve().__doc__


def load_rule(toml_file: Traversable, folder: Traversable, package: str) -> Rule:
    """One rule from its TOML file; examples are read from `folder`."""
    where = f"{package}/{toml_file.name}"
    try:
        data = tomllib.loads(toml_file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError(f"{where}: invalid TOML: {exc}") from None
    for key in _REQUIRED:
        if key not in data:
            raise RuleDataError(f"{where}: missing key {key!r}")
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise RuleDataError(f"{where}: unknown keys {sorted(unknown)}")
    kind = data["kind"]
    description = data.get("description", "")
    if kind == "python":
        check: Callable[[Document, RuleContext], Iterator[Violation]] = ImportedCheck(data.get("function", ""), where)
    elif kind in KINDS:
        check = KINDS[kind](data, where)
    else:
        raise RuleDataError(f"{where}: unknown kind {kind!r} (expected python or {', '.join(KINDS)})")
    try:
        severity = Severity.parse(data["severity"])
    except ValueError as exc:
        raise RuleDataError(f"{where}: {exc}") from None
    stem = toml_file.name.removesuffix(".toml")
    examples = []
    for example_kind in ("good", "bad"):
        example = folder.joinpath(f"{stem}.{example_kind}.md")
        if example.is_file():
            examples.append(Example(example_kind, example.read_text(encoding="utf-8"), example.name))
    return Rule(
        code=data["code"],
        name=data["name"],
        category=data["category"],
        severity=severity,
        summary=data["summary"],
        check=check,
        needs=frozenset(data.get("needs", ())),
        description=inspect.cleandoc(description),
        options=MappingProxyType(dict(data.get("options", {}))),
        examples=tuple(examples),
    )


__all__ = ["KINDS", "RuleDataError", "existence_matches", "load_pack", "load_rule"]
