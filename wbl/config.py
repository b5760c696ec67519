"""Configuration files: discovery, validation, per-file resolution, and linting with them.

A configuration is the ``[tool.wbl]`` table of a ``pyproject.toml``, or the top level of a
``wbl.toml`` / ``.wbl.toml``. For each linted file wbl walks up from the file's directory and
uses the nearest one (a ``pyproject.toml`` without ``[tool.wbl]`` is passed over), like ruff:
files are not merged. ``--config PATH`` uses one file for everything; ``--isolated`` none.

Resolution for one file applies layers in order, each one able to reset the rule set with
``select``, add with ``extend-select`` and remove with ``ignore``: the file's base table, every
``[[overrides]]`` whose ``files`` globs match, then the command line (or the library's
`LintOptions`); ``per-file-ignores`` come last. Globs are relative to the configuration file's
directory; a glob without ``/`` matches a file or directory name at any depth, and a glob that
matches a directory applies to everything below it.

Every problem is a `ConfigError` whose one-line message names the file and the key.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wbl.engine import FileReport, Linter, LintOptions, Report, expand_paths, read_file
from wbl.registry import Registry, default_registry
from wbl.rule import Rule, Severity
from wbl.tomlwriter import toml_key, toml_value

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".wbl.toml", "wbl.toml", "pyproject.toml")  # tried in this order in each directory
DEFAULT_INCLUDE = ("*.md", "*.markdown")
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
    model: str | None = None
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Override:
    files: tuple[str, ...]
    layer: Layer


@dataclass(frozen=True, slots=True)
class Config:
    """One validated configuration file (or the defaults, with `path` None)."""

    path: Path | None
    root: Path  # globs are relative to this directory
    base: Layer = Layer()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    overrides: tuple[Override, ...] = ()

    def relative(self, path: str | os.PathLike[str]) -> str:
        """`path` relative to the root, with '/' separators (absolute when outside the root)."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix()

    def is_included(self, path: str | os.PathLike[str]) -> bool:
        return glob_match(self.include, self.relative(path), parents=False)

    def is_excluded(self, path: str | os.PathLike[str]) -> bool:
        return glob_match(self.exclude, self.relative(path))

    def matching(self, relative: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """For a relative path: the indices of the [[overrides]] and the per-file-ignores globs
        that apply to it. Two files that match the same ones get the same settings."""
        overrides = tuple(i for i, o in enumerate(self.overrides) if glob_match(o.files, relative))
        globs = tuple(glob for glob, _ in self.per_file_ignores if glob_match([glob], relative))
        return overrides, globs


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

    def lint_options(self, base: LintOptions | None = None) -> LintOptions:
        base = base or LintOptions()
        # An empty selection must stay empty: the engine reads select=() as "all rules".
        select, ignore = (self.rules, ()) if self.rules else ((), ("ALL",))
        return replace(base, select=select, ignore=ignore, model=self.model, rule_options=self.rule_options)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "config-file": str(self.config) if self.config else None,
            "select": list(self.rules),
            "fail-on": self.fail_on.value,
            "model": self.model,
        }
        if self.overrides:
            data["overrides-applied"] = list(self.overrides)
        if self.per_file_ignores:
            data["per-file-ignores-applied"] = list(self.per_file_ignores)
        data["rules"] = {code: dict(options) for code, options in sorted(self.rule_options.items())}
        return data


# --- globs -----------------------------------------------------------------------------------------


@cache
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            close = pattern.index("]", i + 2)
            body = pattern[i + 1 : close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def glob_match(patterns: Iterable[str], relative: str, *, parents: bool = True) -> bool:
    """Whether a '/'-separated relative path (or, with `parents`, a directory above it) matches."""
    parts = relative.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))] if parents else [relative]
    for pattern in patterns:
        clean = pattern.removeprefix("./").rstrip("/")
        anchored = "/" in clean
        if clean.startswith("/") and not relative.startswith("/"):
            clean = clean[1:]  # "/drafts": only at the root
        regex = _glob_regex(clean)
        for candidate in candidates:
            subject = candidate if anchored else candidate.rsplit("/", 1)[-1]
            if regex.fullmatch(subject):
                return True
    return False


# --- reading and validating ------------------------------------------------------------------------

_LAYER_KEYS = ("select", "extend-select", "ignore", "fail-on", "model", "rules")
TOP_KEYS = (*_LAYER_KEYS, "include", "exclude", "per-file-ignores", "overrides")
OVERRIDE_KEYS = ("files", *_LAYER_KEYS)
LEXICON_OPTIONS = ("extend-words", "accept-words")


def _hint(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Reader:
    """Validates one table; every error names `where` (the file) and the dotted key."""

    def __init__(self, where: str, prefix: str, registry: Registry) -> None:
        self.where, self.prefix, self.registry = where, prefix, registry

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.where}: {self.prefix}{key}: {problem}")

    def keys(self, table: Mapping[str, Any], allowed: Sequence[str], key: str = "") -> None:
        for name in table:
            if name not in allowed:
                raise self.fail(f"{key}{name}", f"unknown key{_hint(name, allowed)}")

    def strings(self, value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"expected a list of strings, got {_describe(value)}")
        return tuple(token.strip() for v in value for token in v.split(",") if token.strip())

    def selectors(self, value: Any, key: str) -> tuple[str, ...]:
        tokens = self.strings(value, key)
        vocabulary = [r.code for r in self.registry.rules] + [r.name for r in self.registry.rules]
        for token in tokens:
            if not self.registry.matching(token):
                raise self.fail(key, f"unknown rule selector {token!r}{_hint(token, vocabulary)}")
        return tokens

    def severity(self, value: Any, key: str) -> Severity:
        if not isinstance(value, str) or value.lower() not in SEVERITIES:
            raise self.fail(key, f"expected one of {', '.join(SEVERITIES)}, got {_describe(value)}")
        return Severity.parse(value)

    def layer(self, table: Mapping[str, Any], key: str = "") -> Layer:
        select = self.selectors(table["select"], f"{key}select") if "select" in table else None
        model = table.get("model")
        if model is not None and not isinstance(model, str):
            raise self.fail(f"{key}model", f"expected a string, got {_describe(model)}")
        fail_on = self.severity(table["fail-on"], f"{key}fail-on") if "fail-on" in table else None
        return Layer(
            select=select,
            extend_select=self.selectors(table.get("extend-select", []), f"{key}extend-select"),
            ignore=self.selectors(table.get("ignore", []), f"{key}ignore"),
            fail_on=fail_on,
            model=model,
            rules=self.rules(table.get("rules", {}), f"{key}rules"),
        )

    def rules(self, table: Any, key: str) -> Mapping[str, Mapping[str, Any]]:
        if not isinstance(table, dict):
            raise self.fail(key, f"expected a table of rules, got {_describe(table)}")
        result: dict[str, dict[str, Any]] = {}
        names = [r.code for r in self.registry.rules] + [r.name for r in self.registry.rules]
        for name, options in table.items():
            rule = self.registry.get(name) or self.registry.get(name.upper())
            if rule is None:
                raise self.fail(f"{key}.{name}", f"unknown rule{_hint(name, names)}")
            if not isinstance(options, dict):
                raise self.fail(f"{key}.{name}", f"expected a table of options, got {_describe(options)}")
            allowed = dict(rule.options)
            if "groups" in allowed:  # a lexicon: users add and accept words
                allowed.update({k: [""] for k in LEXICON_OPTIONS if k not in allowed})
            merged = result.setdefault(rule.code, {})
            for option, value in options.items():
                where = f"{key}.{name}.{option}"
                if option == "severity":
                    merged[option] = self.severity(value, where).value
                    continue
                if option not in allowed:
                    choices = [*allowed, "severity"]
                    raise self.fail(where, f"unknown option of {rule.code} ({rule.name}){_hint(option, choices)}")
                expected = _type_problem(allowed[option], value)
                if expected:
                    raise self.fail(where, f"expected {expected}, got {_describe(value)}")
                merged[option] = value
        return MappingProxyType({code: MappingProxyType(options) for code, options in result.items()})


def _describe(value: Any) -> str:
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list", dict: "a table"}
    return f"{kind.get(type(value), type(value).__name__)} {json.dumps(value, default=str)[:40]}"


def _type_problem(default: Any, value: Any) -> str | None:
    """What a value for an option whose default is `default` should be, when it is not."""
    if isinstance(default, bool):
        return None if isinstance(value, bool) else "a boolean"
    if isinstance(default, (int, float)):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if isinstance(default, int) and isinstance(value, float) and not value.is_integer():
            ok = False
        return None if ok else "a number"
    if isinstance(default, str):
        return None if isinstance(value, str) else "a string"
    if isinstance(default, list):
        if not isinstance(value, list):
            return "a list"
        if default and all(isinstance(d, str) for d in default) and not all(isinstance(v, str) for v in value):
            return "a list of strings"
        return None
    if isinstance(default, dict):
        return None if isinstance(value, dict) else "a table"
    return None


def parse_config(data: Mapping[str, Any], where: str, root: Path, registry: Registry, prefix: str = "") -> Config:
    """Validate a configuration table (already read from TOML)."""
    reader = _Reader(where, prefix, registry)
    if prefix == "" and "tool" in data and isinstance(data["tool"], dict) and "wbl" in data["tool"]:
        raise reader.fail("tool", "a wbl.toml holds the keys at its top level, without a [tool.wbl] table")
    reader.keys(data, TOP_KEYS)
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise reader.fail("per-file-ignores", f"expected a table of glob = [codes], got {_describe(per_file)}")
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list) or not all(isinstance(o, dict) for o in raw_overrides):
        raise reader.fail("overrides", "expected an array of tables ([[overrides]])")
    overrides = []
    for index, table in enumerate(raw_overrides):
        key = f"overrides[{index}]."
        reader.keys(table, OVERRIDE_KEYS, key)
        if "files" not in table:
            raise reader.fail(f"{key}files", "missing: each override needs files = [globs]")
        overrides.append(Override(reader.strings(table["files"], f"{key}files"), reader.layer(table, key)))
    return Config(
        path=Path(where) if where else None,
        root=root,
        base=reader.layer(data),
        include=reader.strings(data["include"], "include") if "include" in data else DEFAULT_INCLUDE,
        exclude=reader.strings(data.get("exclude", []), "exclude"),
        per_file_ignores=tuple(
            (glob, reader.selectors(codes, f"per-file-ignores.{glob}")) for glob, codes in per_file.items()
        ),
        overrides=tuple(overrides),
    )


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None


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
    """Read and validate one configuration file (a pyproject.toml without [tool.wbl] gives defaults)."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{file}: no such configuration file")
    absolute = Path(os.path.abspath(file))
    table = _wbl_table(file, read_toml(file))
    registry = registry or default_registry()
    if table is None:
        return Config(absolute, absolute.parent)
    prefix = "tool.wbl." if file.name == "pyproject.toml" else ""
    config = parse_config(table, str(file), absolute.parent, registry, prefix)
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
    fail_on, model = Severity.WARNING, None
    options: dict[str, dict[str, Any]] = {}
    for layer in layers:
        if layer.select is not None:
            enabled = codes(layer.select)
        enabled |= codes(layer.extend_select)
        enabled -= codes(layer.ignore)
        fail_on = layer.fail_on or fail_on
        model = layer.model or model
        for key, values in layer.rules.items():
            rule = registry.get(key)
            options.setdefault(rule.code if rule else key, {}).update(values)
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
    )


def command_line_layer(options: LintOptions | None, fail_on: Severity | str | None = None) -> Layer:
    """The last layer, from command-line flags or a library caller's `LintOptions`."""
    options = options or LintOptions()
    return Layer(
        select=options.select or None,
        ignore=options.ignore,
        fail_on=Severity.parse(fail_on) if fail_on else None,
        model=options.model,
        rules=options.rule_options,
    )


class Project:
    """Lints files with the configuration that applies to each; one `Linter` per distinct setting.

    `config_file` uses that file for every path; `isolated` uses no file at all; otherwise each
    file gets the nearest configuration above it. `options` (the command line) applies last;
    its `max_file_size` and `report_unused` apply everywhere.
    """

    def __init__(
        self,
        options: LintOptions | None = None,
        registry: Registry | None = None,
        *,
        config_file: str | os.PathLike[str] | None = None,
        isolated: bool = False,
        fail_on: Severity | str | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
        jobs: int | None = 1,
    ) -> None:
        self.cache_dir = cache_dir
        self.jobs = jobs  # None: the machine's cores when there are many files
        self._init_args = (options, config_file, isolated, fail_on, cache_dir)
        self.options = options or LintOptions()
        self.registry = registry or default_registry()
        self.registry.select(self.options.select or None, self.options.ignore)  # unknown selectors raise
        self.command_line = command_line_layer(self.options, fail_on)
        self.isolated = isolated
        self._fixed = load_config(config_file, self.registry) if config_file is not None else None
        self._by_file: dict[Path, Config] = {}
        self._by_dir: dict[Path, Config] = {}
        self._linters: dict[str, Linter] = {}
        self._settings: dict[tuple[int, tuple[tuple[int, ...], tuple[str, ...]]], Settings] = {}
        self._configs_seen: list[Config] = []
        self._linter_by_settings: dict[int, tuple[Settings, Linter]] = {}
        self._fail_on: dict[str, Severity] = {}

    # --- configuration ---------------------------------------------------------------------------
    def config_for_dir(self, directory: str | os.PathLike[str]) -> Config:
        if self._fixed is not None:
            return self._fixed
        folder = Path(os.path.abspath(directory))
        if self.isolated:
            return Config(None, folder)
        cached = self._by_dir.get(folder)
        if cached is None:
            found = find_config_file(folder)
            if found is None:
                cached = Config(None, folder)
            else:
                cached = self._by_file.get(found) or load_config(found, self.registry)
                self._by_file[found] = cached
            self._by_dir[folder] = cached
        return cached

    def config_for(self, path: str | os.PathLike[str]) -> Config:
        """The configuration for a file (found from its directory) or a directory (from itself)."""
        target = Path(path)
        return self.config_for_dir(target if target.is_dir() else (target.parent if str(target.parent) else "."))

    def settings_for(self, path: str | os.PathLike[str]) -> Settings:
        config = self.config_for(path)
        # Files under one configuration that match the same overrides share one Settings object
        # (and so one Linter): resolving the layers per file costs more than the glob matching.
        key = (id(config), config.matching(config.relative(path)))
        settings = self._settings.get(key)
        if settings is None:
            settings = self._settings[key] = resolve(config, path, self.registry, self.command_line)
            self._configs_seen.append(config)  # keeps id(config) unique while the key is stored
        return settings

    def linter_for(self, settings: Settings) -> Linter:
        linter = self._linter_by_settings.get(id(settings))
        if linter is None or linter[0] is not settings:
            linter = self._linter_by_settings[id(settings)] = (settings, self._make_linter(settings))
        return linter[1]

    def _make_linter(self, settings: Settings) -> Linter:
        options = settings.lint_options(self.options)
        key = json.dumps(
            [options.select, options.ignore, options.model, options.rule_options],
            sort_keys=True,
            default=lambda o: dict(o) if isinstance(o, Mapping) else str(o),
        )
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = Linter(options, self.registry, cache_dir=self.cache_dir)
        return linter

    # --- files -----------------------------------------------------------------------------------
    def files(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | FileReport]:
        """Files to lint: directories walked with each configuration's include and exclude globs."""
        for raw in paths:
            path = Path(raw)
            if not path.is_dir():
                for item in expand_paths([raw]):
                    if isinstance(item, FileReport) or not self.config_for(item).is_excluded(item):
                        yield item
                continue
            found = False
            for root, dirs, names in os.walk(path, followlinks=False):
                config = self.config_for_dir(root)
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not config.is_excluded(Path(root) / d))
                for name in sorted(names):
                    full = str(Path(root) / name)
                    if os.path.isdir(full) or not config.is_included(full):
                        continue
                    found = True
                    if not config.is_excluded(full):
                        yield full
            if not found:
                yield FileReport(str(raw), errors=("no Markdown files (*.md, *.markdown) in this directory",))

    def lint_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Report:
        """Lint files in order; consecutive files with the same settings go through spaCy together."""
        return Report(tuple(self.iter_paths(paths)), self.notices)

    def iter_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[FileReport]:
        """Like `lint_paths`, one report at a time, so a caller can print each and let it go.

        Files and their settings are resolved before this returns (so a broken configuration
        file fails before any output); the linting happens as the iterator is consumed.
        """
        planned: list[tuple[str | FileReport, Linter | None]] = []
        for item in self.files(paths):
            if isinstance(item, FileReport):
                planned.append((item, None))
                continue
            settings = self.settings_for(item)
            self._fail_on[item] = settings.fail_on
            planned.append((item, self.linter_for(settings)))
        jobs = self.jobs if self.jobs is not None else default_jobs(len(planned))
        if jobs > 1 and len(planned) > 1:
            return self._iter_in_processes(planned, jobs)
        return lint_planned(planned)

    def _iter_in_processes(
        self, planned: list[tuple[str | FileReport, Linter | None]], jobs: int
    ) -> Iterator[FileReport]:
        # Cached files are served here; only the others are worth starting processes for.
        cached = {
            item for item, linter in planned if isinstance(item, str) and linter is not None and linter.has_cached(item)
        }
        todo = [(item, linter) for item, linter in planned if not (isinstance(item, str) and item in cached)]
        if sum(1 for item, _ in todo if isinstance(item, str)) < 2:
            yield from lint_planned(planned)  # nothing worth a process: serve the hits in order
            return
        from wbl.parallel import lint_in_processes

        fresh = lint_in_processes(self._init_args, todo, jobs)
        for item, linter in planned:
            if not (isinstance(item, str) and item in cached and linter is not None):
                yield next(fresh)
                continue
            hit = linter.cached_report(item)
            # An entry removed since the check above is linted here, in this process.
            yield hit if hit is not None else next(lint_planned([(item, linter)]))

    def lint_bytes(self, data: bytes, path: str) -> FileReport:
        """Lint bytes (standard input) with the settings found for the name `path`."""
        settings = self.settings_for(path)
        self._fail_on[path] = settings.fail_on
        return self.linter_for(settings).lint_bytes(data, path)

    def lint_text(self, text: str, path: str = "<text>") -> FileReport:
        settings = self.settings_for(path)
        self._fail_on[path] = settings.fail_on
        return self.linter_for(settings).lint_text(text, path)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Every rule that some file ran with, in code order."""
        found = {r.code: r for linter in self._linters.values() for r in linter.rules}
        return tuple(found[code] for code in sorted(found))

    @property
    def notices(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for linter in self._linters.values() for n in linter.notices))

    def exit_code(self, report: Report) -> int:
        """Like `Report.exit_code`, with each file's own fail-on."""
        return max((self.exit_code_for(file) for file in report.files), default=0)

    def exit_code_for(self, file: FileReport) -> int:
        """2 when the file could not be linted, 1 when it has findings at or above its fail-on, else 0."""
        if file.errors:
            return 2
        threshold = self._fail_on.get(file.path, self.command_line.fail_on or Severity.WARNING).rank
        return 1 if any(f.severity.rank >= threshold for f in file.findings) else 0


def lint_planned(planned: Iterable[tuple[str | FileReport, Linter | None]]) -> Iterator[FileReport]:
    """Lint (file, linter) pairs in order, batching runs of files that share a linter."""
    run: list[str] = []
    current: Linter | None = None
    for item, linter in planned:
        if linter is not current or isinstance(item, FileReport):
            if current is not None and run:
                yield from current.lint_many((p, read_file(p)) for p in run)
            run, current = [], linter
        if isinstance(item, FileReport):
            yield item
        else:
            run.append(item)
    if current is not None and run:
        yield from current.lint_many((p, read_file(p)) for p in run)


def default_jobs(files: int) -> int:
    """Processes for a run: every core when there are many files (each process loads spaCy once)."""
    return max(1, os.cpu_count() or 1) if files >= PARALLEL_THRESHOLD else 1


PARALLEL_THRESHOLD = 32


# --- printing --------------------------------------------------------------------------------------


def to_toml(data: Mapping[str, Any]) -> str:
    """A small TOML writer for `wbl config`: scalars and lists at the top, one table per mapping."""
    lines = [f"{toml_key(k)} = {toml_value(v)}" for k, v in data.items() if v is not None and k != "rules"]
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
    "Config",
    "ConfigError",
    "Layer",
    "Override",
    "Project",
    "Settings",
    "find_config_file",
    "glob_match",
    "load_config",
    "parse_config",
    "render_settings",
    "resolve",
]
