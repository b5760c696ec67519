"""The project layer: which files to lint, with which settings, in how many processes, and the
exit code.

A `Project` walks the paths it is given (the one directory walker: each directory's
configuration decides what is included and excluded), resolves each file's settings from its
configuration (`wbl.config`), keeps one `FileLinter` per distinct setting (the engine's `Linter`
with the result cache and batching, `wbl.files`), lints in processes when asked (`wbl.parallel`)
and computes the exit code with each file's own ``fail-on`` (the policy of `wbl.findings`).

`lint_text` and `lint_paths` are the library's entry points; they print nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wbl.config import (
    CONFIG_NAMES,
    DEFAULT_EXCLUDE,
    Config,
    Layer,
    Settings,
    find_config_file,
    load_config,
    lowest_reported,
    resolve,
)
from wbl.engine import Linter, LintOptions, require_text, require_type
from wbl.files import FileLinter
from wbl.findings import FileReport, Report, at_or_above, exit_code, run_exit_code
from wbl.registry import Registry, default_registry
from wbl.repository import GitIgnore, find_repository
from wbl.rule import Rule, Severity

if TYPE_CHECKING:
    from wbl.parallel import WorkerPlan

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Runs with at least this many files use every core by default (each process loads spaCy once).
PARALLEL_THRESHOLD = 32
KEEP_READ = 32 * 1024 * 1024  # bytes of files read to check the cache, kept to lint them from


def default_jobs(files: int) -> int:
    """Processes for a run: every core when there are many files."""
    return max(1, os.cpu_count() or 1) if files >= PARALLEL_THRESHOLD else 1


class Project:
    """Lints files with the configuration that applies to each; one linter per distinct setting.

    `config_file` uses that file for every path; `isolated` uses no file at all; otherwise each
    file gets the nearest configuration above it. `options` (the command line) applies last;
    its `max_file_size` and `report_unused` apply everywhere. `registry` is the rules to run
    (default: every installed rule pack); `--jobs` workers receive it as it is.
    `respect_gitignore` skips what git ignores when walking directories (`.gitignore`).
    """

    def __init__(
        self,
        options: LintOptions | None = None,
        registry: Registry | None = None,
        *,
        config_file: str | os.PathLike[str] | None = None,
        isolated: bool = False,
        fail_on: Severity | str | None = None,
        min_severity: Severity | str | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
        jobs: int | None = 1,
        respect_gitignore: bool = True,
        dask: str | Any | None = None,
    ) -> None:
        """`dask`: lint on a Dask cluster instead of here (a scheduler address, a scheduler file,
        a `distributed.Client` or a cluster; see `wbl.cluster`)."""
        self.gitignore = GitIgnore() if respect_gitignore else None
        require_type(options, LintOptions, "options", "Project")
        require_type(registry, Registry, "registry", "Project")
        self.cache_dir = None if cache_dir is None else str(cache_dir)
        if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
            raise ValueError(f"Project(jobs=...) is None (the machine's cores) or a whole number >= 1, not {jobs!r}")
        self.jobs = jobs  # None: the machine's cores when there are many files
        self.dask = dask
        self.options = options or LintOptions()
        self.registry = registry or default_registry()
        self.registry.select(self.options.select or None, self.options.ignore)  # unknown selectors raise
        self.command_line = Layer.from_options(self.options, fail_on, min_severity)
        self.isolated = isolated
        self._fixed = load_config(config_file, self.registry) if config_file is not None else None
        self._by_file: dict[Path, Config] = {}
        self._by_dir: dict[Path, Config] = {}
        self._linters: dict[str, FileLinter] = {}
        self._settings: dict[tuple[int, tuple[tuple[int, ...], tuple[str, ...]]], Settings] = {}
        self._configs_seen: list[Config] = []
        self._linter_by_settings: dict[int, tuple[Settings, FileLinter]] = {}
        self._fail_on: dict[str, Severity] = {}
        self._reported_from: dict[str, Severity] = {}  # each file's lowest severity reported
        # (min-severity, fail-on) pairs where fail-on shows findings that min-severity would hide
        self._raised: dict[tuple[Severity, Severity], None] = {}
        # Files named (not found by a walk) that the configuration excludes: not linted, and
        # `wbl check --verbose` says so.
        self.excluded: list[str] = []
        # Directories named whose every Markdown file the configuration excludes: no error either.
        self.emptied: list[str] = []
        # Broken symbolic links a walk found under a Markdown name: skipped with a notice (named
        # on the command line, one is an error).
        self.dangling: list[str] = []
        # The configuration of each file the walk found (`_walk` knows its folder's), taken by
        # `settings_for` instead of finding it again from the name.
        self._walked: dict[str, Config] = {}

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
                cached = Config(None, _default_root(folder))
            else:
                cached = self._by_file.get(found) or load_config(found, self.registry)
                self._by_file[found] = cached
            self._by_dir[folder] = cached
        return cached

    def config_for(self, path: str | os.PathLike[str]) -> Config:
        """The configuration for a file (found from its directory) or a directory (from itself)."""
        target = Path(path)
        return self.config_for_dir(target if target.is_dir() else (target.parent if str(target.parent) else "."))

    def docs_url(self, path: str | os.PathLike[str] = ".") -> str | None:
        """The documentation's base URL for help links: ``$WBL_DOCS_URL``, else the `docs-url` of
        the configuration for `path`, else None (see `wbl.reporters.base.docs_url`)."""
        from wbl.reporters.base import docs_url

        return docs_url(self.config_for(path).docs_url)

    def settings_for(self, path: str | os.PathLike[str]) -> Settings:
        config = (self._walked.pop(path, None) if type(path) is str else None) or self.config_for(path)
        # Files under one configuration that match the same overrides share one Settings object
        # (and so one linter): resolving the layers per file costs more than the glob matching.
        key = (id(config), config.matching(config.relative(path)))
        settings = self._settings.get(key)
        if settings is None:
            settings = self._settings[key] = resolve(config, path, self.registry, self.command_line)
            self._configs_seen.append(config)  # keeps id(config) unique while the key is stored
        return settings

    def linter_for(self, settings: Settings) -> Linter:
        """The engine's linter for files with these settings."""
        return self.file_linter_for(settings).linter

    def file_linter_for(self, settings: Settings) -> FileLinter:
        known = self._linter_by_settings.get(id(settings))
        if known is None or known[0] is not settings:
            known = self._linter_by_settings[id(settings)] = (settings, self._file_linter(settings))
        return known[1]

    def _file_linter(self, settings: Settings) -> FileLinter:
        options = settings.lint_options(self.options)
        key = json.dumps(
            [
                options.select,
                options.ignore,
                options.model,
                options.rule_options,
                options.vocabulary.to_dict(),
                options.rule_time_limit,
                # Every option a file's configuration can set: files whose overrides differ in
                # kind (or these) must not share a linter.
                options.kind,
                options.report_unused,
                options.max_file_size,
                options.hint_table,
            ],
            sort_keys=True,
            default=lambda o: dict(o) if isinstance(o, Mapping) else str(o),
        )
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = FileLinter(Linter(options, self.registry), self.cache_dir)
        return linter

    # --- files -----------------------------------------------------------------------------------
    def files(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | FileReport]:
        """The files to lint, in order, or a report saying why a path gives none.

        Files named are linted whatever their name (unless excluded); directories are walked in
        sorted order, hidden directories skipped, with each directory's configuration deciding
        what is included (``*.md``, ``*.markdown``) and excluded, and, with `respect_gitignore`,
        what git ignores skipped (a directory named here is walked even when git ignores it).
        Symbolic links to directories are not followed. A file named twice, or named and also in
        a directory named, is linted once, under the name it first came by.
        """
        seen: set[str] = set()

        def first(name: str) -> bool:
            key = os.path.normcase(os.path.abspath(name))
            if key in seen:
                return False
            seen.add(key)
            return True

        for raw in path_list(paths, "Project.files"):
            path, name = Path(raw), str(raw)
            if path.is_dir():
                yield from (f for f in self._walk(path, name) if not isinstance(f, str) or first(f))
            elif path.exists():
                if not self.config_for(name).is_excluded(name):
                    if first(name):
                        yield name
                else:
                    self.excluded.append(name)
            elif path.is_symlink():
                yield FileReport(name, errors=("broken symbolic link",))
            else:
                yield FileReport(name, errors=("no such file or directory",))

    def why_excluded(self, name: str) -> str:
        """What leaves a named file out: the pattern, and whether it is a default or the file's configuration's."""
        config = self.config_for(name)
        pattern = config.excluding_pattern(name)
        if pattern is None or config.path is None or pattern in DEFAULT_EXCLUDE:
            return f"the default exclude pattern '{pattern}'" if pattern else "the configuration"
        return f"the exclude pattern '{pattern}' of {config.path}"

    def _walk(self, path: Path, name: str) -> Iterator[str | FileReport]:
        found = False
        ignore = self.gitignore
        if ignore is not None and ignore.ignores(path, is_dir=True):
            ignore = None  # named on purpose: walk it, as if git did not ignore it
        unreadable: list[OSError] = []  # directories the walk could not list, reported in order
        excluded = False  # the configuration left something out: a folder or a Markdown file
        for root, dirs, names in os.walk(path, followlinks=False, onerror=unreadable.append):
            yield from _unreadable_directories(unreadable)
            config = self.config_for_dir(root)
            kept = [d for d in dirs if not d.startswith(".") and not config.is_excluded(Path(root) / d)]
            excluded = excluded or len(kept) < sum(1 for d in dirs if not d.startswith("."))
            dirs[:] = sorted(
                d for d in kept if not (ignore is not None and ignore.ignores(Path(root) / d, is_dir=True))
            )
            folder = str(Path(root))  # as pathlib spells it ("docs", not "./docs")
            for file in sorted(names):
                full = file if folder == os.curdir else os.path.join(folder, file)  # str(Path(root) / file)
                if os.path.isdir(full) or not config.is_included(full):
                    continue
                found = True
                if not os.path.exists(full):  # a stale symbolic link (or links in a loop): no document, no error
                    self.dangling.append(full)
                    continue
                if not config.is_excluded(full) and not (ignore is not None and ignore.ignores(full, is_dir=False)):
                    self._walked[full] = config
                    yield full
        if unreadable:
            found = True
            yield from _unreadable_directories(unreadable)
        if not found and excluded:
            self.emptied.append(name)  # what it holds the configuration excludes: nothing to lint, no error
        elif not found:
            patterns = ", ".join(self.config_for_dir(path).include)
            yield FileReport(name, errors=(f"no Markdown files ({patterns}) in this directory",))

    # --- linting ---------------------------------------------------------------------------------
    def lint_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Report:
        """Lint files in order; consecutive files with the same settings go through spaCy together."""
        return Report(tuple(self.iter_paths(paths)), self.notices)

    def iter_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[FileReport]:
        """Like `lint_paths`, one report at a time, so a caller can print each and let it go.

        Files and their settings are resolved before this returns (so a broken configuration
        file fails before any output); the linting happens as the iterator is consumed.
        """
        planned: list[tuple[str | FileReport, FileLinter | None]] = []
        for item in self.files(path_list(paths, "Project.iter_paths")):
            if isinstance(item, FileReport):
                planned.append((item, None))
                continue
            settings = self.settings_for(item)
            self._settled(item, settings)
            planned.append((item, self.file_linter_for(settings)))
        if self.dask is not None:
            from wbl.cluster import require_distributed

            require_distributed()
            return self._iter_elsewhere(planned, self._on_dask, minimum=1)
        jobs = self.jobs if self.jobs is not None else default_jobs(len(planned))
        if jobs > 1 and len(planned) > 1:
            return self._iter_elsewhere(planned, lambda plan, files, _: _in_processes(plan, files, jobs))
        return _lint_planned(planned)

    def _on_dask(
        self, plan: WorkerPlan, files: list[tuple[str, int]], linters: list[FileLinter]
    ) -> Iterator[FileReport]:
        from wbl.cluster import client_for, lint_on_dask

        # Workers write no cache (they may not share this disk): results are kept here.
        plan = replace(plan, cache_dir=None)
        client = client_for(self.dask)
        yield from lint_on_dask(plan, files, client, keep=lambda index, data, report: linters[index].keep(data, report))

    def _iter_elsewhere(
        self,
        planned: list[tuple[str | FileReport, FileLinter | None]],
        run: Callable[[WorkerPlan, list[tuple[str, int]], list[FileLinter]], Iterator[FileReport]],
        minimum: int = 2,
    ) -> Iterator[FileReport]:
        """Lint in other processes (`run`: worker processes or a Dask cluster), serving cached
        files here; reports come in the files' order."""
        # Cached files are served here; only the others are worth starting processes for. The
        # bytes read for the check are kept (up to `KEEP_READ` in all) and served from, so that a
        # run of unchanged files reads each once.
        cached: set[str] = set()
        read: dict[str, bytes] = {}
        kept = 0
        for item, linter in planned:
            if isinstance(item, str) and linter is not None and (data := linter.cached_bytes(item)) is not None:
                cached.add(item)
                if kept + len(data) <= KEEP_READ:
                    read[item] = data
                    kept += len(data)
        todo = [(item, linter) for item, linter in planned if isinstance(item, str) and item not in cached]
        if len(todo) < minimum:
            yield from _lint_planned(planned, read)  # nothing worth a process: serve the hits in order
            return
        from wbl.parallel import WorkerPlan

        linters = list(dict.fromkeys(linter for _, linter in todo if linter is not None))
        plan = WorkerPlan(self.registry, tuple(linter.linter.options for linter in linters), self.cache_dir)
        index = {linter: i for i, linter in enumerate(linters)}
        fresh = run(plan, [(item, index[linter]) for item, linter in todo], linters)
        for item, linter in planned:
            if isinstance(item, FileReport):
                yield item
            elif item not in cached or linter is None:
                yield next(fresh)
            elif item in read:
                # An entry removed since the check above is linted here, in this process.
                yield linter.lint_bytes(read.pop(item), item)
            else:
                hit = linter.cached_report(item)
                yield hit if hit is not None else linter.lint_file(item)

    def lint_bytes(self, data: bytes, path: str) -> FileReport:
        """Lint bytes (standard input) with the settings found for the name `path`."""
        if not isinstance(data, bytes | bytearray):
            raise TypeError(f"Project.lint_bytes() takes bytes, not {type(data).__name__}: use lint_text for a str")
        data = bytes(data)
        settings = self.settings_for(path)
        self._settled(path, settings)
        return self.file_linter_for(settings).lint_bytes(data, path)

    def lint_text(self, text: str, path: str = "<text>") -> FileReport:
        require_text(text, path, "Project.lint_text")
        settings = self.settings_for(path)
        self._settled(path, settings)
        return self.linter_for(settings).lint_text(text, path)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Every rule that some file ran with, in code order."""
        found = {r.code: r for linter in self._linters.values() for r in linter.linter.rules}
        return tuple(found[code] for code in sorted(found))

    @property
    def notices(self) -> tuple[str, ...]:
        found = [n for linter in self._linters.values() for n in linter.linter.notices]
        found += [
            f"min-severity {shown.value} is above fail-on {failing.value}: findings at or above"
            f" {failing.value} fail the run, so they are shown"
            for shown, failing in self._raised
        ]
        return tuple(dict.fromkeys(found))

    def exit_code(self, report: Report) -> int:
        """Like `Report.exit_code`, with each file's own fail-on."""
        return run_exit_code(report.files, self.fail_on)

    def exit_code_for(self, file: FileReport) -> int:
        """2 when the file could not be linted, 1 when it has findings at or above its fail-on, else 0."""
        return exit_code(file, self.fail_on(file))

    def fail_on(self, file: FileReport) -> Severity:
        """The lowest severity that fails the run for this file (its configuration's, else the default)."""
        return self._fail_on.get(file.path, self.command_line.fail_on or Severity.WARNING)

    def shown(self, file: FileReport) -> FileReport:
        """The file's report with only the findings at or above its `min-severity` (every finding
        by default; never one that fails the run). The score and the scorecard are the whole report's."""
        fallback = lowest_reported(
            self.command_line.min_severity or Severity.INFO, self.command_line.fail_on or Severity.WARNING
        )
        return at_or_above(file, self._reported_from.get(file.path, fallback))

    def _settled(self, path: str, settings: Settings) -> None:
        """Remember what the report of `path` needs from its settings once it is linted."""
        self._fail_on[path] = settings.fail_on
        self._reported_from[path] = settings.reported_from
        if settings.min_severity.rank > settings.fail_on.rank:
            self._raised[(settings.min_severity, settings.fail_on)] = None


def _in_processes(plan: WorkerPlan, files: list[tuple[str, int]], jobs: int) -> Iterator[FileReport]:
    from wbl.parallel import lint_in_processes

    return lint_in_processes(plan, files, jobs)


def _unreadable_directories(problems: list[OSError]) -> Iterator[FileReport]:
    while problems:
        problem = problems.pop(0)
        why = "permission denied" if isinstance(problem, PermissionError) else problem.strerror or str(problem)
        yield FileReport(os.fsdecode(problem.filename or ""), errors=(f"cannot read directory: {why}",))


def _lint_planned(
    planned: Iterable[tuple[str | FileReport, FileLinter | None]], read: dict[str, bytes] | None = None
) -> Iterator[FileReport]:
    """Lint (file, linter) pairs in order, batching runs of files that share a linter (`read`:
    files' bytes read already, taken from it as they are linted)."""
    run: list[str] = []
    current: FileLinter | None = None
    for item, linter in planned:
        if linter is not current or isinstance(item, FileReport):
            if current is not None and run:
                yield from current.lint_files(run, read)
            run, current = [], linter
        if isinstance(item, FileReport):
            yield item
        else:
            run.append(item)
    if current is not None and run:
        yield from current.lint_files(run, read)


def path_list(paths: object, caller: str) -> list[str]:
    """`paths` as a list of names: a single path (str, bytes or os.PathLike) is one path, never
    a sequence of characters; anything else is an iterable of paths, or a clear `TypeError`."""
    if isinstance(paths, str | bytes | os.PathLike):
        paths = [paths]
    if not isinstance(paths, Iterable):
        raise TypeError(f"{caller}() takes paths as a path or an iterable of paths, not {type(paths).__name__}")
    names = []
    for item in paths:
        if not isinstance(item, str | bytes | os.PathLike):
            raise TypeError(f"{caller}() takes paths as str, bytes or os.PathLike, not {type(item).__name__}")
        names.append(os.fsdecode(item))
    return names


def lint_text(
    text: str,
    path: str = "<text>",
    *,
    options: LintOptions | None = None,
    registry: Registry | None = None,
    config: bool | str | os.PathLike[str] = False,
) -> FileReport:
    """Lint one Markdown text; returns a `FileReport` and prints nothing.

    `config=True` applies the configuration file found for `path` (see wbl.config), a path uses
    that file; `options` then apply on top, like command-line flags. By default no file is read.
    Arguments of the wrong type raise `TypeError`; problems with the text are the report's error.
    """
    require_text(text, path, "lint_text")
    if config is not False:
        return _project(options, registry, config).lint_text(text, path)
    return Linter(options, registry).lint_text(text, path)


def lint_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    options: LintOptions | None = None,
    registry: Registry | None = None,
    config: bool | str | os.PathLike[str] = False,
) -> Report:
    """Lint files and directories (recursively, *.md / *.markdown); returns a `Report`.

    `config` as for `lint_text`: True finds each file's configuration, a path uses that file.
    `paths` may also be a single path.
    """
    names = path_list(paths, "lint_paths")
    return _project(options, registry, config).lint_paths(names)


def _project(options: LintOptions | None, registry: Registry | None, config: bool | str | os.PathLike[str]) -> Project:
    require_type(options, LintOptions, "options", "lint_text/lint_paths")
    require_type(registry, Registry, "registry", "lint_text/lint_paths")
    if not isinstance(config, bool | str | os.PathLike):
        raise TypeError(f"config takes True, False or a path, not {type(config).__name__}")
    if config is False:
        return Project(options, registry, isolated=True)
    return Project(options, registry, config_file=None if config is True else config)


def _default_root(folder: Path) -> Path:
    """Where the default configuration's globs start when no configuration file is found: the
    repository holding the folder (a hook runs there), else the working directory when the folder
    is in it, else the folder. From the folder itself, a file named on the command line in
    `build/` would never be under the default exclude `build`; from the repository, the folders
    above a checkout (/home/me/build/project) still do not count."""
    repository = find_repository(folder)
    if repository is not None:
        return repository
    cwd = Path(os.path.abspath(os.getcwd()))
    return cwd if folder == cwd or cwd in folder.parents else folder


__all__ = [
    "CONFIG_NAMES",
    "MARKDOWN_SUFFIXES",
    "PARALLEL_THRESHOLD",
    "Project",
    "default_jobs",
    "lint_paths",
    "lint_text",
]
