"""Rules as data: a rule pack is a package of TOML files, one per rule, with examples beside.

Each ``<category>/<slug>.toml`` holds the rule's metadata (code, name, category, severity,
summary, description, needs, supersedes, uses), its ``kind`` with that kind's keys, and its
``[options]``: defaults a configuration may change. ``<slug>.good.md`` and ``<slug>.bad.md``
beside the TOML are the rule's examples. Third-party packs call `load_pack` on their own package.
Every problem is a `RuleDataError` naming the file and the key.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import Any

from wbl import derived
from wbl.kinds.base import Kind
from wbl.kinds.density import Density
from wbl.kinds.existence import Existence
from wbl.kinds.metric import Metric
from wbl.kinds.python import ImportedFunction, Python, RuleDataError
from wbl.kinds.required_part import RequiredPart
from wbl.kinds.substitution import Substitution
from wbl.options import Option, Schema
from wbl.rule import DEFAULT_DOCUMENTS, Example, Rule, Severity

KINDS: dict[str, type[Kind]] = {k.name: k for k in (Existence, Substitution, Metric, Density, RequiredPart)}

_REQUIRED = ("code", "name", "category", "severity", "summary", "kind")
_METADATA = (
    Option("description", "string", ""),
    Option("needs", "strings", []),
    Option("supersedes", "strings", []),
    Option("uses", "strings", []),
    Option("documents", "strings", list(DEFAULT_DOCUMENTS)),
    Option("local", "boolean", False),
    Option("local-prefilter", "boolean", False),
    Option("ranges", "table", {}),
    Option("options", "table", {}),
)


def load_pack(package: str) -> list[Rule]:
    """Every rule described by a TOML file in `package` (recursively), with its examples."""
    root = resources.files(package)
    return [load_rule(toml_file, folder, package) for folder, toml_file in sorted(_walk(root), key=lambda p: p[1].name)]


def _walk(folder: Traversable) -> Iterator[tuple[Traversable, Traversable]]:
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.name.startswith(("_", ".")):
            yield from _walk(entry)
        elif entry.name.endswith(".toml") and not entry.name.startswith("_"):
            # `_name.toml` files are data that rules share (lexicons), not rules.
            yield folder, entry


def load_rule(toml_file: Traversable, folder: Traversable, package: str) -> Rule:
    """One rule from its TOML file; examples are read from `folder`."""
    where = f"{package}/{toml_file.name}"
    try:
        data = derived.toml(toml_file.read_text(encoding="utf-8"))
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise RuleDataError(f"{where}: invalid TOML: {exc}") from None
    for key in _REQUIRED:
        if key not in data:
            raise RuleDataError(f"{where}: missing key {key!r}")
    kind_name = data["kind"]
    kind_class = Python if kind_name == "python" else KINDS.get(kind_name)
    if kind_class is None:
        raise RuleDataError(f"{where}: kind: unknown kind {kind_name!r} (expected python or {', '.join(KINDS)})")
    settings = _checked(data, where, kind_class.keys, kind_class.required)
    raw_options = data.get("options", {})
    stem = toml_file.name.removesuffix(".toml")
    common: dict[str, Any] = {
        "code": data["code"],
        "name": data["name"],
        "category": data["category"],
        "severity": _severity(data["severity"], where),
        "summary": data["summary"],
        "needs": frozenset(data.get("needs", ())),
        "description": inspect.cleandoc(data.get("description", "")),
        "examples": _examples(folder, stem),
        "source": package,
        "kind": kind_name,
        "supersedes": tuple(data.get("supersedes", ())),
        "uses": tuple(data.get("uses", ())),
        "documents": tuple(data.get("documents", DEFAULT_DOCUMENTS)),
        "local": bool(data.get("local", False)),
        "local_prefilter": bool(data.get("local-prefilter", False)),
        "ranges": tuple((str(low), str(high)) for low, high in data.get("ranges", {}).items()),
    }
    for low, high in common["ranges"]:
        unknown = [name for name in (low, high) if name not in raw_options]
        if unknown:
            raise RuleDataError(f"{where}: ranges: {unknown[0]!r} is not one of the rule's options")
    if kind_class is Python:
        hooks = {
            key: ImportedFunction(settings[key], where, key)
            for key in ("prepare", "figures", "prefilter")
            if key in settings
        }
        return Rule(
            **common,
            check=ImportedFunction(settings["function"], where, "function"),
            options=MappingProxyType(dict(raw_options)),
            **hooks,
        )
    kind = kind_class(settings, where)
    declared_local = bool(common.pop("local"))
    if declared_local and any(settings.get(key) for key in ("hint-in-roles", "not-in-roles")):
        # A unit's anatomy role depends on the whole document: per-unit caching would keep stale
        # findings in the language server.
        raise RuleDataError(
            f"{where}: local = true cannot go with hint-in-roles or not-in-roles (roles read the document)"
        )
    local = declared_local or kind.local
    schema = kind.schema()
    for key, value in raw_options.items():
        option = schema.options.get(key)
        if option is None:
            hint = f" (the {kind_name} kind takes {', '.join(schema.options) or 'no options'})"
            raise RuleDataError(f"{where}: options.{key}: unknown option{hint}")
        problem = option.problem(value)
        if problem:
            raise RuleDataError(f"{where}: options.{key}: {problem}")
    return Rule(
        **common,
        check=kind,
        options=MappingProxyType(
            {
                o.name: raw_options.get(o.name, o.default)
                for o in schema
                if o.name in raw_options or o.default is not None
            }
        ),
        schema=schema,
        prepare=kind.prepare,
        figures=kind.figures if kind.has_figures else None,
        prefilter=kind.prefilter if kind.has_prefilter else None,
        local=local,
    )


def _checked(
    data: Mapping[str, Any], where: str, kind_keys: tuple[Option, ...], required: tuple[str, ...]
) -> dict[str, Any]:
    """The kind's keys of a rule file, after checking every key of the file; errors name the key."""
    known = Schema((*_METADATA, *kind_keys))
    for key, value in data.items():
        if key in _REQUIRED:
            continue
        option = known.options.get(key)
        if option is None:
            allowed = sorted([*_REQUIRED, *known.options])
            raise RuleDataError(f"{where}: {key}: unknown key (expected one of {', '.join(allowed)})")
        problem = option.problem(value)
        if problem:
            raise RuleDataError(f"{where}: {key}: {problem}")
    for key in required:
        if key not in data:
            raise RuleDataError(f"{where}: {key}: missing (the {data['kind']} kind needs it)")
    return {o.name: data[o.name] for o in kind_keys if o.name in data}


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise RuleDataError(f"{where}: severity: {exc}") from None


def _examples(folder: Traversable, stem: str) -> tuple[Example, ...]:
    examples = []
    for example_kind in ("good", "bad"):
        example = folder.joinpath(f"{stem}.{example_kind}.md")
        if example.is_file():
            examples.append(Example(example_kind, example.read_text(encoding="utf-8"), example.name))
    return tuple(examples)


__all__ = ["KINDS", "RuleDataError", "load_pack", "load_rule"]
