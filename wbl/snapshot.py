"""The registry from a snapshot: a run served from the result cache imports no rule pack.

`wbl.registry.discover` lists the ``wbl.rules`` entry points of every installed distribution,
imports each plugin and calls it. What a plugin gives is metadata (codes, names, severities,
options and their schemas, examples) and functions (check, prepare, figures, prefilter). Deciding
a file's result-cache key, checking the configuration and reporting need only the metadata; only
a file that misses the cache needs the functions. A snapshot stores the metadata as JSON in the
result cache's folder. The rules read from it are exact in everything but their functions, which
stand in for the real ones (`Deferred`): the engine loads the installed rule packs before its
first lint (`Registry.loaded`), so their code runs as it would without a snapshot.

A snapshot is used only while nothing that could change what `discover` returns has changed:

- the installed distributions: every ``*.dist-info`` / ``*.egg-info`` folder on `sys.path`,
  with the modification times and sizes of it and of its ``entry_points.txt`` (a plugin
  installed, removed, upgraded or given other entry points);
- the interpreter, and wbl's version and files;
- the files (names, sizes, modification times) of the top-level package of every plugin's entry
  point and every rule's source: its code, rule data, lexicons and models.

A registry that JSON cannot hold exactly (a plugin whose options are other Python values) gets
no snapshot: such runs discover the rules every time, as before. A snapshot that cannot be read
or written only costs speed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wbl.cache import code_fingerprint, ensure_folder, hashed
from wbl.options import Option, Schema
from wbl.registry import ENTRY_POINT_GROUP, Registry, RegistryError, default_registry
from wbl.rule import Example, Rule, Severity
from wbl.safeio import FileProblem, json_text, read_regular, write_atomic
from wbl.version import __version__

FORMAT = 1
FOLDER = "registry"  # inside the result cache's folder
HOOKS = ("check", "prepare", "figures", "prefilter")  # a rule's functions


class Deferred:
    """A rule's function (`hook`: check, prepare, figures or prefilter) in a snapshot: the installed
    rule's own, found by the rule's code and loaded when first called (or its docstring read)."""

    __slots__ = ("_function", "code", "hook")

    def __init__(self, code: str, hook: str) -> None:
        self.code, self.hook = code, hook
        self._function: Callable[..., Any] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (Deferred, (self.code, self.hook))

    def resolve(self) -> Callable[..., Any]:
        if self._function is None:
            installed = default_registry().get(self.code)
            function = getattr(installed, self.hook, None) if installed is not None else None
            if function is None:
                raise RegistryError(f"rule {self.code}: its {self.hook} function is no longer installed")
            self._function = function
        return self._function

    def __call__(self, *args: Any) -> Any:
        return self.resolve()(*args)

    @property
    def __doc__(self) -> str | None:  # type: ignore[override]  # the function's docstring is the rule's docs
        return getattr(self.resolve(), "__doc__", None)


def installed_distributions() -> list[list[Any]]:
    """Every distribution's metadata folder on `sys.path`, in order, with the modification time
    and size of it and of its entry points (what `importlib.metadata` reads entry points from),
    found by listing folders: nothing is parsed or imported. A folder of `sys.path` without
    distributions adds nothing (so that the folder a script runs from, which Python puts first,
    does not make a snapshot of its own); a zip file on it is listed with its own time and size."""
    rows: list[list[Any]] = []
    for entry in sys.path:
        folder = os.path.abspath(entry or ".")
        try:
            with os.scandir(folder) as listing:
                names = sorted(e.name for e in listing if e.name.endswith((".dist-info", ".egg-info")))
        except NotADirectoryError:  # a zip file
            rows.append([folder, _stat(folder)])
            continue
        except OSError:  # not there (yet): a distribution installed there later is listed then
            continue
        for name in names:
            path = os.path.join(folder, name)
            rows.append([folder, name, _stat(path), _stat(os.path.join(path, "entry_points.txt"))])
    return rows


def _stat(path: str) -> list[int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_mtime_ns, info.st_size]


def _environment_key() -> str:
    """What decides which plugins `discover` finds, and how wbl reads them."""
    material = {
        "format": FORMAT,
        "wbl": [__version__, code_fingerprint("wbl")],
        "python": [sys.executable, sys.version],
        "distributions": installed_distributions(),
    }
    return hashed(json.dumps(material, sort_keys=True).encode()).hexdigest()


def _top(module: str) -> str:
    return module.split(":", 1)[0].split(".", 1)[0]


def _packages(registry: Registry) -> list[str]:
    """The top-level packages whose files decide the registry: every entry point's and rule's."""
    from wbl.registry import _entry_points

    names = {_top(ep.value) for ep in _entry_points()} | {_top(r.source) for r in registry.rules if r.source}
    return sorted(n for n in names if n)


# --- rules as JSON -------------------------------------------------------------------------------


def rule_to_json(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "needs": sorted(rule.needs),
        "description": rule.description,
        "options": dict(rule.options),
        "examples": [[e.kind, e.markdown, e.name] for e in rule.examples],
        "origin": rule.origin,
        "source": rule.source,
        "schema": [[o.name, o.type, o.default, o.description, list(o.choices)] for o in rule.option_schema],
        "hooks": [hook for hook in HOOKS if getattr(rule, hook) is not None],
        "kind": rule.kind,
        "supersedes": list(rule.supersedes),
        "uses": list(rule.uses),
        "documents": list(rule.documents),
        "local": rule.local,
        "local_prefilter": rule.local_prefilter,
        "ranges": [list(pair) for pair in rule.ranges],
    }


def rule_from_json(data: Mapping[str, Any]) -> Rule:
    hooks = {hook: Deferred(data["code"], hook) if hook in data["hooks"] else None for hook in HOOKS}
    if hooks["check"] is None:
        raise ValueError(f"rule {data['code']} has no check")
    schema = Schema(
        Option(name, kind, default, text, tuple(choices)) for name, kind, default, text, choices in data["schema"]
    )
    return Rule(
        code=data["code"],
        name=data["name"],
        category=data["category"],
        severity=Severity(data["severity"]),
        summary=data["summary"],
        needs=frozenset(data["needs"]),
        description=data["description"],
        options=MappingProxyType(dict(data["options"])),
        examples=tuple(Example(kind, markdown, name) for kind, markdown, name in data["examples"]),
        origin=data["origin"],
        source=data["source"],
        schema=schema,
        kind=data["kind"],
        supersedes=tuple(data["supersedes"]),
        uses=tuple(data["uses"]),
        documents=tuple(data["documents"]),
        local=data["local"],
        local_prefilter=data["local_prefilter"],
        ranges=tuple((low, high) for low, high in data.get("ranges", ())),
        **hooks,  # type: ignore[arg-type]
    )


def _same(original: Rule, stand_in: Rule) -> bool:
    """Whether a rule read back from JSON equals the original in everything but its functions
    (types included: a tuple that came back a list, a key that came back a string, is not the same)."""
    for f in fields(Rule):
        if f.name in HOOKS or f.name == "schema":
            continue
        if not _identical(getattr(original, f.name), getattr(stand_in, f.name)):
            return False
    mine = [(o.name, o.type, o.default, o.description, o.choices) for o in original.option_schema]
    theirs = [(o.name, o.type, o.default, o.description, o.choices) for o in stand_in.option_schema]
    return _identical(mine, theirs) and all(
        (getattr(original, hook) is None) == (getattr(stand_in, hook) is None) for hook in HOOKS
    )


def _identical(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down."""
    if type(a) is not type(b):
        return isinstance(a, Mapping) and isinstance(b, Mapping) and _identical(dict(a), dict(b))
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(type(k) is str and _identical(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_identical(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (frozenset, set)):
        return a == b and all(type(x) is str for x in a)
    if isinstance(a, Example):
        return a == b
    return bool(a == b) if isinstance(a, (str, int, float, bool, type(None), Severity)) else False


# --- reading and writing -------------------------------------------------------------------------


def registry(directory: str | os.PathLike[str], discover: Callable[[], Registry] = default_registry) -> Registry:
    """The installed rule packs' registry, from the snapshot in `directory` (the result cache's
    folder) when it is current, else `discover`ed and its snapshot written."""
    path = Path(directory) / FOLDER / f"{_environment_key()}.json"
    found = _read(path)
    if found is not None:
        return found
    installed = discover()
    _write(path, installed)
    return installed


def _read(path: Path) -> Registry | None:
    try:
        data = json.loads(read_regular(path))
        if data.get("format") != FORMAT:
            return None
        packages = data["packages"]
        if any(code_fingerprint(name) != fingerprint for name, fingerprint in packages.items()):
            return None
        return Registry.from_rules((rule_from_json(r) for r in data["rules"]), snapshot=True)
    except (OSError, FileProblem, ValueError, TypeError, KeyError, AttributeError, RecursionError, RegistryError):
        return None  # missing, damaged or written by something else: discover


def _write(path: Path, installed: Registry) -> None:
    rules = [rule_to_json(r) for r in installed.rules]
    try:
        text = json_text(
            {
                "format": FORMAT,
                "group": ENTRY_POINT_GROUP,
                "packages": {name: code_fingerprint(name) for name in _packages(installed)},
                "rules": rules,
            }
        )
        read_back = [rule_from_json(r) for r in json.loads(text)["rules"]]
    except (TypeError, ValueError):
        return  # not JSON: no snapshot
    if not all(_same(a, b) for a, b in zip(installed.rules, read_back, strict=True)):
        return
    try:
        ensure_folder(path.parent.parent, path.parent)
        write_atomic(path, text, durable=False)
    except OSError:
        return


__all__ = ["Deferred", "installed_distributions", "registry", "rule_from_json", "rule_to_json"]
