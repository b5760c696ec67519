"""Configuration files: discovery, validation and per-file resolution (`wbl.project` lints with them).

A configuration is the ``[tool.wbl]`` table of a ``pyproject.toml``, or the top level of a
``wbl.toml`` / ``.wbl.toml``. For each linted file wbl walks up from the file's directory and
uses the nearest one (a ``pyproject.toml`` without ``[tool.wbl]`` is passed over), like ruff:
files are not merged. ``--config PATH`` uses one file for everything; ``--isolated`` none.

Resolution for one file applies layers in order, each one able to reset the rule set with
``select``, add with ``extend-select`` and remove with ``ignore``: the file's base table, every
``[[overrides]]`` whose ``files`` globs match, then the command line (or the library's
`LintOptions`); ``per-file-ignores`` come last. Rule options are merged option by option; a list
option's ``extend-<name>`` adds to what the earlier layers left, and a layer that sets the list
itself drops what earlier layers added. Each layer's ``[vocabulary]`` adds its terms. Globs are
relative to the configuration file's directory; a glob without ``/`` matches a file or directory
name at any depth, and a glob that matches a directory applies to everything below it.

Rule options are checked against each rule's declared schema (`Rule.schema`, from its kind or
its declared defaults), never against the types of whatever values happen to be there.

Every problem is a `ConfigError` whose one-line message names the file and the key.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from wbl.engine import LintOptions
from wbl.guard import DEFAULT_TIME_LIMIT
from wbl.options import EXTEND, describe, did_you_mean, option_problem, range_problem
from wbl.registry import Registry, default_registry
from wbl.rule import Severity
from wbl.safeio import FileProblem, read_regular
from wbl.tomlwriter import toml_key, toml_value
from wbl.vocabulary import HINT_TABLE, NO_VOCABULARY, WBL_TOML_HINT_TABLE, Vocabulary
from wbl.vocabulary import KEYS as VOCABULARY_KEYS

CONFIG_NAMES = (".wbl.toml", "wbl.toml", "pyproject.toml")  # tried in this order in each directory
# Upper-case names too (README.MD), as pre-commit's `types: [markdown]` takes them.
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.MD", "*.MARKDOWN")
# Folders of dependencies, virtual environments and build output: never a project's own documents.
# Setting `exclude` replaces this list; `extend-exclude` adds to it (as in ruff). Hidden folders
# (.venv, .tox, .git, ...) are skipped by the walker anyway; they are listed for files named on
# the command line.
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    ".tox",
    ".nox",
    ".eggs",
    "venv",
    "node_modules",
    "__pycache__",
    "__pypackages__",
    "site-packages",
    "dist",
    "build",
    "_build",
    "buck-out",
)
SEVERITIES = tuple(s.value for s in Severity)


class ConfigError(Exception):
    """An invalid configuration file; the message is one line naming the file and the key."""


# --- the values ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layer:
    """One step of rule selection and options: the base table, an override, or the command line."""

    select: tuple[str, ...] | None = None  # None: keep the rules of the previous layer
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    min_severity: Severity | None = None  # the lowest severity reported (None: keep)
    model: str | None = None
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    vocabulary: Vocabulary = NO_VOCABULARY
    kind: str | None = None  # "auto" (as the anatomy finds it) or a document kind
    rule_time_limit: float | None = None  # seconds per rule per file (0: none; None: keep)

    @classmethod
    def from_options(
        cls,
        options: LintOptions | None,
        fail_on: Severity | str | None = None,
        min_severity: Severity | str | None = None,
    ) -> Layer:
        """The last layer, from command-line flags or a library caller's `LintOptions`."""
        options = options or LintOptions()
        return cls(
            select=options.select or None,
            ignore=options.ignore,
            fail_on=Severity.parse(fail_on) if fail_on else None,
            min_severity=Severity.parse(min_severity) if min_severity else None,
            model=options.model,
            rules=options.rule_options,
            vocabulary=options.vocabulary,
            kind=options.kind,
            rule_time_limit=options.rule_time_limit,
        )


@dataclass(frozen=True, slots=True)
class Override:
    """An ``[[overrides]]`` table: the layer that applies to files matching its `files` globs."""

    files: tuple[str, ...]
    layer: Layer


@dataclass(frozen=True, slots=True)
class Config:
    """One validated configuration file (or the defaults, with `path` None)."""

    path: Path | None
    root: Path  # globs are relative to this directory
    base: Layer = Layer()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # with extend-exclude added
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    overrides: tuple[Override, ...] = ()
    docs_url: str | None = None  # where the project publishes wbl's documentation (help links)

    def relative(self, path: str | os.PathLike[str]) -> str:
        """`path` relative to the root, with '/' separators (absolute when outside the root)."""
        absolute = os.path.abspath(path)
        if os.sep == "/" and not absolute.startswith("//"):  # what pathlib would say, without it
            root = str(self.root)
            if absolute == root:
                return "."
            inside = root if root.endswith("/") else root + "/"
            return absolute[len(inside) :] if absolute.startswith(inside) else absolute
        absolute_path = Path(absolute)
        try:
            return absolute_path.relative_to(self.root).as_posix()
        except ValueError:
            return absolute_path.as_posix()

    def is_included(self, path: str | os.PathLike[str]) -> bool:
        return glob_match(self.include, self.relative(path), parents=False)

    def is_excluded(self, path: str | os.PathLike[str]) -> bool:
        relative = self.relative(path)
        if os.path.isabs(relative):
            # Outside the configuration's folder only the name itself counts: the folders above a
            # checkout (/home/me/build/project) must not exclude it.
            return glob_match(self.exclude, relative.rsplit("/", 1)[-1], parents=False)
        return glob_match(self.exclude, relative)

    def excluding_pattern(self, path: str | os.PathLike[str]) -> str | None:
        """The first `exclude` pattern that leaves `path` out (None: it is not excluded)."""
        alone = (replace(self, exclude=(pattern,)) for pattern in self.exclude)
        return next((config.exclude[0] for config in alone if config.is_excluded(path)), None)

    def matching(self, relative: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """For a relative path: the indices of the [[overrides]] and the per-file-ignores globs
        that apply to it. Two files that match the same ones get the same settings."""
        overrides = tuple(i for i, o in enumerate(self.overrides) if glob_match(o.files, relative))
        globs = tuple(glob for glob, _ in self.per_file_ignores if glob_match([glob], relative))
        return overrides, globs


def lowest_reported(min_severity: Severity, fail_on: Severity) -> Severity:
    """The lowest severity a run reports: `min-severity`, but never above `fail-on`."""
    return min(min_severity, fail_on, key=lambda s: s.rank)


@dataclass(frozen=True, slots=True)
class Settings:
    """What applies to one file once every layer is resolved."""

    config: Path | None
    rules: tuple[str, ...]  # codes of the enabled rules
    fail_on: Severity
    model: str | None
    rule_options: Mapping[str, Mapping[str, Any]]  # by rule code
    overrides: tuple[int, ...] = ()  # indices of the [[overrides]] that matched
    per_file_ignores: tuple[str, ...] = ()  # the per-file-ignores globs that matched
    vocabulary: Vocabulary = NO_VOCABULARY
    kind: str | None = None  # the document kind configuration forces (None: found by the anatomy)
    rule_time_limit: float | None = None  # None: the default
    min_severity: Severity = Severity.INFO  # findings below it are not reported (see `reported_from`)

    @property
    def reported_from(self) -> Severity:
        """The lowest severity reported: `min-severity`, but never above `fail-on` (a run never
        fails for a finding it does not show)."""
        return lowest_reported(self.min_severity, self.fail_on)

    def lint_options(self, base: LintOptions | None = None) -> LintOptions:
        base = base or LintOptions()
        # An empty selection must stay empty: the engine reads select=() as "all rules".
        select, ignore = (self.rules, ()) if self.rules else ((), ("ALL",))
        return replace(
            base,
            select=select,
            ignore=ignore,
            model=self.model,
            rule_options=self.rule_options,
            vocabulary=self.vocabulary,
            kind=self.kind,
            rule_time_limit=self.rule_time_limit,
            hint_table=WBL_TOML_HINT_TABLE if self.config and self.config.name != "pyproject.toml" else HINT_TABLE,
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "config-file": str(self.config) if self.config else None,
            "select": list(self.rules),
            "fail-on": self.fail_on.value,
            "min-severity": self.reported_from.value,  # what applies: never above fail-on
            "model": self.model,
            "kind": self.kind or "auto",
            "rule-time-limit": DEFAULT_TIME_LIMIT if self.rule_time_limit is None else self.rule_time_limit,
        }
        if self.overrides:
            data["overrides-applied"] = list(self.overrides)
        if self.per_file_ignores:
            data["per-file-ignores-applied"] = list(self.per_file_ignores)
        if self.vocabulary:
            data["vocabulary"] = self.vocabulary.to_dict()
        data["rules"] = {code: dict(options) for code, options in sorted(self.rule_options.items())}
        return data


# --- globs -----------------------------------------------------------------------------------------


# A glob is matched one path segment at a time: ``**`` alone is any number of segments, and
# within a segment ``*`` and ``?`` never cross a '/'. Each segment is a regular expression built
# by `fnmatch.translate`, which writes ``*`` as an atomic lazy group: no glob backtracks, so
# matching takes time linear in the path for each segment (``*a*a*a*a*b`` on a long name too).
_CLASS = re.compile(r"\[!?\]?[^\]]*\]")


def glob_problem(pattern: str) -> str | None:
    """What is wrong with a glob (a character class with a reversed range), or None."""
    for found in _CLASS.finditer(pattern):
        body = found.group(0)[1:-1].removeprefix("!")
        try:
            re.compile(f"[{body.replace(chr(92), chr(92) * 2)}]")
        except re.error as exc:
            return f"invalid glob {pattern!r}: bad character class [{body}] ({exc.msg})"
    return None


@cache
def _glob_segments(pattern: str) -> tuple[re.Pattern[str] | None, ...]:
    """One compiled segment per '/'-separated part of `pattern` (None for ``**``)."""
    if glob_problem(pattern):
        return (re.compile("(?!)"),)  # refused when the configuration was read; matches nothing
    return tuple(None if part == "**" else re.compile(fnmatch.translate(part)) for part in pattern.split("/"))


def _glob_fullmatch(pattern: str, subject: str) -> bool:
    parts = subject.split("/")
    reach = [0]  # how many parts of `subject` the pattern's segments so far can consume, sorted
    for segment in _glob_segments(pattern):
        if segment is None:
            reach = list(range(reach[0], len(parts) + 1))
        else:
            reach = [j + 1 for j in reach if j < len(parts) and segment.match(parts[j])]
        if not reach:
            return False
    return reach[-1] == len(parts)


@cache
def _by_anchoring(patterns: tuple[str, ...]) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """Patterns without a '/' as one expression that matches a name (what each of them matches,
    one segment: see `_glob_fullmatch`), and the others, cleaned, for `_glob_fullmatch`."""
    names, anchored = [], []
    for pattern in patterns:
        clean = pattern.removeprefix("./").rstrip("/")
        if "/" in clean:
            anchored.append(clean)
        elif not glob_problem(clean):  # a refused glob matches nothing
            names.append(fnmatch.translate(clean))
    return (re.compile("|".join(f"(?:{n})" for n in names)) if names else None), tuple(anchored)


def glob_match(patterns: Iterable[str], relative: str, *, parents: bool = True) -> bool:
    """Whether a '/'-separated relative path (or, with `parents`, a directory above it) matches."""
    names, anchored = _by_anchoring(tuple(patterns))
    parts = relative.split("/")
    # A pattern without '/' matches the last part of the path or of a directory above it.
    if names is not None and any(names.match(part) for part in (parts if parents else parts[-1:])):
        return True
    if not anchored:
        return False
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))] if parents else [relative]
    for clean in anchored:
        if clean.startswith("/") and not relative.startswith("/"):
            clean = clean[1:]  # "/drafts": only at the root
        for candidate in candidates:
            if _glob_fullmatch(clean, candidate):
                return True
    return False


# --- reading and validating ------------------------------------------------------------------------

_LAYER_KEYS = (
    "select",
    "extend-select",
    "ignore",
    "fail-on",
    "min-severity",
    "model",
    "kind",
    "rule-time-limit",
    "rules",
    "vocabulary",
)
DOCUMENT_KINDS = ("auto", "prfaq", "press_release", "faq", "fragment", "other")
TOP_KEYS = (*_LAYER_KEYS, "include", "exclude", "extend-exclude", "per-file-ignores", "overrides", "docs-url")
ABSOLUTE_URL = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)  # docs-url, $WBL_DOCS_URL
OVERRIDE_KEYS = ("files", *_LAYER_KEYS)


T = TypeVar("T")


class _Reader:
    """Validates one table; every error names `where` (the file) and the dotted key."""

    def __init__(self, where: str, prefix: str, registry: Registry) -> None:
        self.where, self.prefix, self.registry = where, prefix, registry
        # Every problem found, one line each: a file with four mistakes takes one run to mend.
        self.problems: list[str] = []

    def fail(self, key: str, problem: str) -> ConfigError:
        # A key can hold any character TOML allows in quotes; the error stays one visible line.
        shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in key)
        return ConfigError(f"{self.where}: {self.prefix}{shown}: {problem}")

    def noted(self, compute: Callable[[], T], default: T) -> T:
        """`compute()`, or `default` with its problem noted (the table is read on)."""
        try:
            return compute()
        except ConfigError as exc:
            self.problems.append(str(exc))
            return default

    def raise_problems(self) -> None:
        if self.problems:
            raise ConfigError("\n".join(dict.fromkeys(self.problems)))

    def keys(self, table: Mapping[str, Any], allowed: Sequence[str], key: str = "") -> None:
        for name in table:
            if name not in allowed:
                self.problems.append(str(self.fail(f"{key}{name}", f"unknown key{did_you_mean(name, allowed)}")))

    def strings(self, value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"expected a list of strings, got {describe(value)}")
        return tuple(token.strip() for v in value for token in v.split(",") if token.strip())

    def globs(self, value: Any, key: str) -> tuple[str, ...]:
        globs = self.strings(value, key)
        for glob in globs:
            problem = glob_problem(glob)
            if problem:
                raise self.fail(key, problem)
        return globs

    def vocabulary(self, table: Any, key: str) -> Vocabulary:
        if not isinstance(table, dict):
            raise self.fail(key, f"expected a table of term lists, got {describe(table)}")
        self.keys(table, VOCABULARY_KEYS, f"{key}.")
        lists = {}
        for name, terms in table.items():
            if name not in VOCABULARY_KEYS:
                continue
            if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
                self.problems.append(
                    str(self.fail(f"{key}.{name}", f"expected a list of terms (strings), got {describe(terms)}"))
                )
                continue
            lists[name] = [t.strip() for t in terms]
        return Vocabulary.from_mapping(lists)

    def selectors(self, value: Any, key: str) -> tuple[str, ...]:
        tokens = self.strings(value, key)
        problem = self.registry.unknown_selectors(tokens)
        if problem:
            raise self.fail(key, problem)
        return tokens

    def severity(self, value: Any, key: str) -> Severity:
        if not isinstance(value, str) or value.lower() not in SEVERITIES:
            raise self.fail(key, f"expected one of {', '.join(SEVERITIES)}, got {describe(value)}")
        return Severity.parse(value)

    def layer(self, table: Mapping[str, Any], key: str = "") -> Layer:
        select = (
            self.noted(lambda: self.selectors(table["select"], f"{key}select"), None) if "select" in table else None
        )
        model = table.get("model")
        if model is not None and not isinstance(model, str):
            self.problems.append(str(self.fail(f"{key}model", f"expected a string, got {describe(model)}")))
            model = None
        fail_on = (
            self.noted(lambda: self.severity(table["fail-on"], f"{key}fail-on"), None) if "fail-on" in table else None
        )
        min_severity = (
            self.noted(lambda: self.severity(table["min-severity"], f"{key}min-severity"), None)
            if "min-severity" in table
            else None
        )
        kind = table.get("kind")
        if kind is not None and kind not in DOCUMENT_KINDS:
            expected = f"expected one of {', '.join(DOCUMENT_KINDS)}, got {describe(kind)}"
            self.problems.append(str(self.fail(f"{key}kind", expected)))
            kind = None
        limit = table.get("rule-time-limit")
        if limit is not None and (
            not isinstance(limit, int | float) or isinstance(limit, bool) or not 0 <= limit < float("inf")
        ):
            expected = f"expected a number of seconds (0: no limit), got {describe(limit)}"
            self.problems.append(str(self.fail(f"{key}rule-time-limit", expected)))
            limit = None
        return Layer(
            rule_time_limit=limit,
            select=select,
            extend_select=self.noted(lambda: self.selectors(table.get("extend-select", []), f"{key}extend-select"), ()),
            ignore=self.noted(lambda: self.selectors(table.get("ignore", []), f"{key}ignore"), ()),
            fail_on=fail_on,
            min_severity=min_severity,
            model=model,
            rules=self.noted(lambda: self.rules(table.get("rules", {}), f"{key}rules"), MappingProxyType({})),
            vocabulary=self.noted(
                lambda: self.vocabulary(table.get("vocabulary", {}), f"{key}vocabulary"), NO_VOCABULARY
            ),
            kind=kind,
        )

    def rules(self, table: Any, key: str) -> Mapping[str, Mapping[str, Any]]:
        if not isinstance(table, dict):
            raise self.fail(key, f"expected a table of rules, got {describe(table)}")
        result: dict[str, dict[str, Any]] = {}
        names = [r.code for r in self.registry.rules] + [r.name for r in self.registry.rules]
        for name, options in table.items():
            rule = self.registry.get(name) or self.registry.get(name.upper())
            if rule is None:
                self.problems.append(str(self.fail(f"{key}.{name}", f"unknown rule{did_you_mean(name, names)}")))
                continue
            if not isinstance(options, dict):
                expected = f"expected a table of options, got {describe(options)}"
                self.problems.append(str(self.fail(f"{key}.{name}", expected)))
                continue
            merged = result.setdefault(rule.code, {})
            for option, value in options.items():
                where = f"{key}.{name}.{option}"
                if option == "severity":
                    severity = self.noted(lambda value=value, where=where: self.severity(value, where), None)
                    if severity is not None:
                        merged[option] = severity.value
                    continue
                problem = option_problem(rule, option, value)
                if problem:
                    self.problems.append(str(self.fail(where, problem)))
                    continue
                merged[option] = value
            bounds = range_problem(rule, merged)
            if bounds is not None:
                self.problems.append(str(self.fail(f"{key}.{name}.{bounds[0]}", bounds[1])))
        return MappingProxyType({code: MappingProxyType(options) for code, options in result.items()})


def parse_config(data: Mapping[str, Any], where: str, root: Path, registry: Registry, prefix: str = "") -> Config:
    """Validate a configuration table (already read from TOML)."""
    reader = _Reader(where, prefix, registry)
    if prefix == "" and "tool" in data and isinstance(data["tool"], dict) and "wbl" in data["tool"]:
        raise reader.fail("tool", "a wbl.toml holds the keys at its top level, without a [tool.wbl] table")
    reader.keys(data, TOP_KEYS)
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        expected = f"expected a table of glob = [codes], got {describe(per_file)}"
        reader.problems.append(str(reader.fail("per-file-ignores", expected)))
        per_file = {}
    for glob in per_file:
        problem = glob_problem(glob)
        if problem:
            reader.problems.append(str(reader.fail(f"per-file-ignores.{glob}", problem)))
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list) or not all(isinstance(o, dict) for o in raw_overrides):
        reader.problems.append(str(reader.fail("overrides", "expected an array of tables ([[overrides]])")))
        raw_overrides = []
    overrides = []
    for index, table in enumerate(raw_overrides):
        key = f"overrides[{index}]."
        reader.keys(table, OVERRIDE_KEYS, key)
        if "files" not in table:
            reader.problems.append(str(reader.fail(f"{key}files", "missing: each override needs files = [globs]")))
            continue
        files = reader.noted(lambda table=table, key=key: reader.globs(table["files"], f"{key}files"), ())
        overrides.append(Override(files, reader.layer(table, key)))
    docs_url = data.get("docs-url")
    if docs_url is not None and not (isinstance(docs_url, str) and ABSOLUTE_URL.match(docs_url)):
        expected = "expected an absolute URL such as 'https://example.com/wbl'"
        reader.problems.append(str(reader.fail("docs-url", f"{expected}, got {describe(docs_url)}")))
    base = reader.layer(data)
    include = (
        reader.noted(lambda: reader.globs(data["include"], "include"), DEFAULT_INCLUDE)
        if "include" in data
        else DEFAULT_INCLUDE
    )
    exclude = (
        reader.noted(lambda: reader.globs(data["exclude"], "exclude"), DEFAULT_EXCLUDE)
        if "exclude" in data
        else DEFAULT_EXCLUDE
    )
    extend_exclude = reader.noted(lambda: reader.globs(data.get("extend-exclude", []), "extend-exclude"), ())
    per_file_ignores = tuple(
        (glob, reader.noted(lambda glob=glob, codes=codes: reader.selectors(codes, f"per-file-ignores.{glob}"), ()))
        for glob, codes in per_file.items()
    )
    reader.raise_problems()
    return Config(
        path=Path(where) if where else None,
        root=root,
        base=base,
        include=include,
        exclude=exclude + extend_exclude,
        per_file_ignores=per_file_ignores,
        overrides=tuple(overrides),
        docs_url=docs_url,
    )


MAX_CONFIG_SIZE = 16 * 1024 * 1024  # bytes: a configuration file larger than this is refused


def read_toml(path: Path) -> dict[str, Any]:
    # Imported here: a run with no configuration file never parses TOML.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(read_regular(path, MAX_CONFIG_SIZE).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    except FileProblem as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def _wbl_table(path: Path, data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The [tool.wbl] table of a pyproject.toml, or the whole table of any other file."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    table = tool.get("wbl") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.wbl: expected a table")
    return table


def load_config(path: str | os.PathLike[str], registry: Registry | None = None) -> Config:
    """Read and validate one configuration file (a pyproject.toml without [tool.wbl] is an error:
    a file named on purpose that configures nothing is more likely a slip than a choice)."""
    file = Path(path)
    if not file.exists():
        raise ConfigError(f"{file}: no such configuration file")
    absolute = Path(os.path.abspath(file))
    table = _wbl_table(file, read_toml(file))
    registry = registry or default_registry()
    if table is None:
        raise ConfigError(f"{file}: no [tool.wbl] table: it configures nothing (add one, or name another file)")
    prefix = "tool.wbl." if file.name == "pyproject.toml" else ""
    try:
        config = parse_config(table, str(file), absolute.parent, registry, prefix)
    except RecursionError:
        raise ConfigError(f"{file}: a value is nested too deeply") from None
    return replace(config, path=absolute)


def find_config_file(directory: str | os.PathLike[str]) -> Path | None:
    """The nearest configuration file at or above `directory` (pyproject.toml only with [tool.wbl])."""
    current = Path(os.path.abspath(directory))
    for folder in (current, *current.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and _wbl_table(candidate, read_toml(candidate)) is None:
                continue
            return candidate
    return None


# --- resolution ------------------------------------------------------------------------------------


def resolve(
    config: Config, path: str | os.PathLike[str], registry: Registry, command_line: Layer = Layer()
) -> Settings:
    """The settings for one file: base table, matching overrides, the command line, per-file-ignores."""
    matched, globs = config.matching(config.relative(path))
    layers = [config.base, *(config.overrides[i].layer for i in matched), command_line]

    def codes(tokens: Iterable[str]) -> set[str]:
        return {r.code for token in tokens for r in registry.matching(token)}

    enabled = {r.code for r in registry.rules}
    fail_on, model, kind, time_limit = Severity.WARNING, None, None, None
    min_severity = Severity.INFO
    vocabulary = Vocabulary()
    options: dict[str, dict[str, Any]] = {}
    for layer in layers:
        if layer.select is not None:
            enabled = codes(layer.select)
        enabled |= codes(layer.extend_select)
        enabled -= codes(layer.ignore)
        fail_on = layer.fail_on or fail_on
        min_severity = layer.min_severity or min_severity
        model = layer.model or model
        if layer.kind is not None:
            kind = None if layer.kind == "auto" else layer.kind
        if layer.rule_time_limit is not None:
            time_limit = layer.rule_time_limit
        vocabulary = vocabulary.extend(layer.vocabulary)
        for key, values in layer.rules.items():
            rule = registry.get(key)
            merged = options.setdefault(rule.code if rule else key, {})
            for option, value in values.items():
                if rule is not None and rule.option_schema.extended(option) is not None:
                    merged[option] = [*merged.get(option, ()), *value]  # extend-<name>: add
                else:
                    merged[option] = value
                    merged.pop(EXTEND + option, None)  # setting a list drops what earlier layers added
    for code, merged_options in options.items():
        rule = registry.get(code)
        bounds = range_problem(rule, merged_options) if rule is not None else None
        if bounds is not None:  # each layer fits alone, not once they are merged (an override over the base)
            where = f"{config.path}: " if config.path else ""
            raise ConfigError(f"{where}rules.{code}.{bounds[0]}: {bounds[1]} (for {path}, layers merged)")
    for glob, tokens in config.per_file_ignores:
        if glob in globs:
            enabled -= codes(tokens)
    return Settings(
        config=config.path,
        rules=tuple(sorted(enabled)),
        fail_on=fail_on,
        model=model,
        rule_options=MappingProxyType({k: MappingProxyType(v) for k, v in options.items()}),
        overrides=matched,
        per_file_ignores=globs,
        min_severity=min_severity,
        vocabulary=vocabulary,
        kind=kind,
        rule_time_limit=time_limit,
    )


# --- printing --------------------------------------------------------------------------------------


def to_toml(data: Mapping[str, Any]) -> str:
    """A small TOML writer for `wbl config`: scalars and lists at the top, one table per mapping."""
    tables = ("vocabulary", "rules")
    lines = [f"{toml_key(k)} = {toml_value(v)}" for k, v in data.items() if v is not None and k not in tables]
    if data.get("vocabulary"):
        lines += ["", "[vocabulary]"]
        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in data["vocabulary"].items()]
    for code, options in data.get("rules", {}).items():
        lines += ["", f"[rules.{toml_key(code)}]"]
        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in options.items()]
    return "\n".join(lines) + "\n"


def render_settings(settings: Settings, path: str, output_format: str = "toml") -> str:
    data = settings.to_dict()
    if output_format == "json":
        return json.dumps({"path": path, **data}, indent=2)
    source = f"from {settings.config}" if settings.config else "no configuration file: defaults"
    return f"# wbl configuration for {path} ({source})\n" + to_toml(data)


__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_EXCLUDE",
    "Config",
    "ConfigError",
    "Layer",
    "Override",
    "Settings",
    "find_config_file",
    "glob_match",
    "load_config",
    "parse_config",
    "render_settings",
    "resolve",
]
