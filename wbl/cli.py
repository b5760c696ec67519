"""The `wbl` command: parses options, calls the library, hands results to a reporter.

Exit codes: 0 no findings at or above --fail-on; 1 findings at or above --fail-on; 2 usage
error, unreadable or invalid input, or an internal error (a rule or plugin that failed).
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import replace
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from wbl import snapshot
from wbl.cache import default_cache_dir, fingerprints_held
from wbl.cluster import DaskUnavailable
from wbl.config import ABSOLUTE_URL, ConfigError, render_settings
from wbl.engine import DEFAULT_MAX_FILE_SIZE, LintOptions
from wbl.findings import (
    DEFAULT_BASELINE,
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    FileReport,
    Report,
)
from wbl.guard import DEFAULT_TIME_LIMIT
from wbl.models import ModelError
from wbl.project import Project
from wbl.registry import RegistryError, SelectionError, default_registry
from wbl.reporters import (
    HINTS_ONLY,
    HUMAN_FORMATS,
    KIND_NAMES,
    REPORTERS,
    STREAMING_FORMATS,
    RenderOptions,
    Tally,
    render_explanation,
    render_rules,
    score_lines,
    step_summary,
    stream,
    summary_line,
    use_color,
)
from wbl.reporters.base import DOCS_URL_ENV, docs_url, plural, printable, root_of
from wbl.reporters.concise import concise_line
from wbl.safeio import FileProblem, atomic_writer, read_limited, write_atomic
from wbl.source import InputError
from wbl.version import __version__

if TYPE_CHECKING:
    # Imported where they are used: a plain `wbl check` needs neither baselines nor fixes.
    from wbl.baseline import Baseline
    from wbl.fixes import FixedFile


P = ParamSpec("P")
R = TypeVar("R")


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(token.strip() for value in values for token in value.split(",") if token.strip())


def _project(
    options: LintOptions,
    config_file: str | None,
    isolated: bool,
    no_cache: bool,
    cache_dir: str | None,
    jobs: int | None,
    fail_on: str | None = None,
    respect_gitignore: bool = True,
    dask: str | None = None,
    min_severity: str | None = None,
) -> Project:
    """The project the command lints with: configuration, result cache and processes."""
    if config_file is not None and isolated:
        _fail("--config and --isolated exclude each other")
    if dask is not None and jobs is not None and jobs > 1:
        _fail("--dask and --jobs exclude each other (the cluster's workers do the work)")
    cache = None if no_cache else (cache_dir or default_cache_dir())
    return Project(
        options,
        # With the result cache, the rules' metadata come from a snapshot kept beside it, so that a
        # run served from the cache imports no rule pack (`wbl.snapshot`).
        default_registry() if cache is None else snapshot.registry(cache),
        config_file=config_file,
        isolated=isolated,
        fail_on=fail_on,
        min_severity=min_severity,
        cache_dir=cache,
        jobs=jobs,
        respect_gitignore=respect_gitignore,
        dask=dask,
    )


def _docs_url(project: Project) -> str | None:
    """The documentation's base URL for help links (the working directory's configuration);
    a broken configuration there is reported by the files that use it, not here."""
    try:
        return project.docs_url()
    except ConfigError:
        return docs_url()


def _batch_gc() -> None:
    """What start-up created (modules, rule metadata, click's objects) lives to the end of a run:
    the cycle collector need not scan it again at every collection (it took about a tenth of a
    cached run's time)."""
    gc.freeze()


def _say(line: str) -> None:
    """One line on standard error, with control characters and line feeds escaped (a file name or
    a message can hold any character: a terminal must not obey them, and a name with a line feed
    must not make two lines of one error)."""
    click.echo(printable(line, one_line=True), err=True)


def _fail(message: str) -> None:
    for line in message.splitlines() or [message]:  # a configuration file's problems, one per line
        _say(f"wbl: error: {line}")
    sys.exit(EXIT_ERROR)


KIND_OPTION = click.option(
    "--kind",
    type=click.Choice(["auto", "prfaq", "press_release", "faq", "fragment", "other"]),
    default=None,
    help=(
        "Judge every file as this kind of document (default: configuration, else as wbl finds each file;"
        " a file wbl is not sure of gets hints only; one whose kind is given gets full severities)."
    ),
)
RULE_TIME_LIMIT_OPTION = click.option(
    "--rule-time-limit",
    type=click.FloatRange(min=0),
    default=None,
    metavar="SECONDS",
    help=f"Seconds each rule may take on one file before it is stopped and reported "
    f"(default: rule-time-limit from the configuration, else {DEFAULT_TIME_LIMIT:g}; 0: no limit).",
)

MAX_FILE_SIZE_OPTION = click.option(
    "--max-file-size",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_FILE_SIZE,
    show_default=True,
    help="Files larger than this many bytes are skipped with an error.",
)

RESPECT_GITIGNORE_OPTION = click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=True,
    show_default=True,
    help="Skip files and folders that .gitignore ignores when walking directories.",
)


def _fingerprints_held(command: Callable[P, R]) -> Callable[P, R]:
    """A command that fingerprints each package's files once (`wbl.cache.fingerprints_held`)."""

    @wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with fingerprints_held():
            return command(*args, **kwargs)

    return run


class _Commands(click.Group):
    """wbl's commands, with every failure turned into one line on standard error and its own
    exit code: an internal error (a bug in wbl or a plugin that escaped every other guard) exits
    2 like any error, never 1, the code for findings; an interrupt exits 130."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _say("wbl: interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (`wbl check | head`): nothing more can be written to it.
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
            sys.exit(EXIT_ERROR)
        except Exception as exc:
            if os.environ.get("WBL_DEBUG"):
                import traceback

                traceback.print_exc()
            why = "out of memory" if isinstance(exc, MemoryError) else f"{type(exc).__name__}: {exc}"
            hint = "" if os.environ.get("WBL_DEBUG") else " (WBL_DEBUG=1 shows the traceback)"
            _say(f"wbl: internal error: {why}{hint}")
            sys.exit(EXIT_ERROR)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="wbl")
def main() -> None:
    """wbl, the Working Backwards linter: checks PR/FAQ documents in Markdown."""
    # numpy's OpenBLAS (the parse's matrix products, see `wbl.nlp.numpy_ops`) on one thread: the
    # products are small, `--jobs` runs processes, and idle OpenBLAS threads spin on the cores
    # the other processes and the language server's client need. Read when numpy is first
    # imported, which the command line does only later; a value the user set is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    base = os.environ.get(DOCS_URL_ENV, "").strip()
    if base and not ABSOLUTE_URL.match(base):
        _fail(f"{DOCS_URL_ENV}: expected an absolute URL such as 'https://example.com/wbl', got {base!r}")


@main.command(short_help="Lint Markdown files and directories.")
@click.argument("paths", nargs=-1, type=click.Path(readable=False, path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(REPORTERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes (WB5), slugs or categories.")
@click.option("--ignore", multiple=True, help="Rules not to run (same forms as --select).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: fail-on from the configuration, else warning).",
)
@click.option(
    "--min-severity",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity reported: 'warning' leaves out the info hints, in every format (a finding at or above"
    " --fail-on is always reported, so the exit code does not change; default: min-severity from the"
    " configuration, else info).",
)
@click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm if installed, else the pinned copy).")
@KIND_OPTION
@click.option(
    "--stdin-filename",
    help="Name to report for text read from standard input ('-'); with no path, standard input is read.",
)
@MAX_FILE_SIZE_OPTION
@RULE_TIME_LIMIT_OPTION
@click.option("--statistics", is_flag=True, help="After the findings, print how many each rule gave.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="Use this configuration file for every path (instead of the nearest wbl.toml / pyproject.toml).",
)
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option(
    "--report-unused", is_flag=True, help="Report suppression comments that suppressed nothing (as WB000 findings)."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to lint with (default: every core when there are 32 files or more, else 1).",
)
@click.option(
    "--dask",
    "dask_scheduler",
    metavar="SCHEDULER",
    default=None,
    help="Lint on a Dask cluster: its scheduler's address (tcp://host:8786) or scheduler file"
    " (pip install 'wbl-lint[dask]').",
)
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Result cache folder (default: .wbl_cache in the working directory, or $WBL_CACHE_DIR).",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=str),
    help="Report only findings not recorded in this baseline file (written by `wbl baseline`).",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Write the report to this file (whole or not at all) instead of standard output.",
)
@click.option("--exit-zero", is_flag=True, help="Exit with 0 even when there are findings (2 still means errors).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary line, no notices.")
@click.option(
    "--verbose", "-v", is_flag=True, help="Say on standard error what kind of document each file was taken for."
)
@RESPECT_GITIGNORE_OPTION
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files, then report the findings left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply the unsafe fixes too.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff instead of applying them.")
@_fingerprints_held
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    min_severity: str | None,
    model: str | None,
    kind: str | None,
    stdin_filename: str | None,
    max_file_size: int,
    rule_time_limit: float | None,
    statistics: bool,
    config_file: str | None,
    isolated: bool,
    report_unused: bool,
    jobs: int | None,
    dask_scheduler: str | None,
    no_cache: bool,
    cache_dir: str | None,
    baseline_file: str | None,
    output_file: str | None,
    exit_zero: bool,
    quiet: bool,
    verbose: bool,
    respect_gitignore: bool,
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
) -> None:
    """Lint Markdown files and directories (recursively: *.md, *.markdown). '-' reads stdin.

    Without PATHS, lints the current directory. With --fix, the safe fixes (and with
    --unsafe-fixes the others) are applied in place first; with --diff they are printed as a
    diff and nothing is written.
    """
    _batch_gc()
    paths = tuple(dict.fromkeys(paths))  # standard input, or a path, named twice is read once
    if not paths:
        paths = ("-",) if stdin_filename else (".",)  # a name for standard input means: read it
    elif stdin_filename and "-" not in paths:
        _fail("--stdin-filename names standard input: add '-' to the paths (or give no path)")
    if unsafe_fixes and not (fix or show_diff):
        _fail("--unsafe-fixes applies fixes: use it with --fix or --diff")
    if fix and not show_diff and "-" in paths and len(paths) > 1:
        _fail("--fix prints the fixed standard input: give '-' alone")
    options = _lint_options(select, ignore, model, max_file_size, rule_time_limit, kind, report_unused)
    try:
        project = _project(
            options,
            config_file,
            isolated,
            no_cache,
            cache_dir,
            jobs,
            fail_on,
            respect_gitignore,
            dask_scheduler,
            min_severity,
        )
    except (SelectionError, RegistryError, ConfigError) as exc:
        _fail(str(exc))
    if output_file is not None:
        _refuse_overwriting_an_input(output_file, paths, project=project)  # named, or found by the walk
    recorded = _load_baseline(baseline_file) if baseline_file is not None else None
    run = _CheckRun(project, verbose)
    fixes = _Fixes(unsafe_fixes, show_diff) if fix or show_diff else None
    if fixes is not None and (show_diff or paths == ("-",)):
        # The diff, or the fixed standard input, is the whole output.
        try:
            for _ in run.observe(fixes.reports(project, paths, stdin_filename)):
                pass
        except (ConfigError, ModelError, InputError) as exc:
            _fail(str(exc))
        if not quiet:
            fixes.summary()
        code = fixes.exit_code(run.exit_code)
        sys.exit(EXIT_CLEAN if exit_zero and code == EXIT_FINDINGS else code)
    color = output_format == "text" and output_file is None and use_color(sys.stdout)
    human = output_format in HUMAN_FORMATS
    comparison = None
    try:
        sink = atomic_writer(output_file) if output_file is not None else nullcontext(_Stdout(color))
        with sink as out:
            wrote = ""  # the last piece written
            try:
                reports = (
                    fixes.reports(project, paths, stdin_filename)
                    if fixes
                    else _lint_arguments(project, paths, stdin_filename)
                )
                # A baseline is compared with every finding (one below min-severity is not "fixed").
                files = run.observe(reports, shown=recorded is None)
                if output_format in STREAMING_FORMATS and recorded is None:
                    # Each file's findings are printed as soon as they are known and then dropped, so
                    # memory does not grow with the number of files.
                    render = RenderOptions(color=color, docs_url=_docs_url(project))
                    for piece in stream(output_format, files, render, lambda: project.notices):
                        out.write(piece)
                        wrote = piece or wrote
                else:  # SARIF, JUnit and the like need the whole run (counts, rule list); so does a baseline.
                    report = Report(tuple(files), project.notices)
                    # With a baseline, only new findings are reported and count for the exit code.
                    if recorded is not None:
                        comparison = recorded.compare(report, lambda path: _codes_run(project, path))
                        new = comparison.new_report()
                        report = Report(tuple(project.shown(f) for f in new.files), new.notices)
                        run.exit_code = project.exit_code(report)
                        run.tally = Tally()
                        for before, file_report in zip(new.files, report.files, strict=True):
                            run.tally.add(file_report)
                            run.tally.hidden += len(before.findings) - len(file_report.findings)
                    render = RenderOptions(
                        rules=project.rules,
                        color=color,
                        baseline=comparison,
                        docs_url=_docs_url(project),
                        fail_on=project.fail_on,
                    )
                    wrote = REPORTERS[output_format](report, render)
                    out.write(wrote)
            except (ConfigError, ModelError, InputError, DaskUnavailable) as exc:  # InputError: lint_* make file errors
                _fail(str(exc))
            if wrote and not wrote.endswith("\n"):
                out.write("\n")
            if output_format == "text" and not quiet:
                out.write(("\n" if wrote else "") + summary_line(run.tally, named=verbose) + "\n")
                if scores := score_lines(run.tally):
                    out.write("\n".join(scores) + "\n")
                wrote = "\n"
            extra = (run.tally.render(), comparison.summary() if comparison else "") if statistics else ()
            if statistics_text := "\n".join(part for part in extra if part):
                # Machine formats keep their output parseable: their statistics go to stderr.
                if human:
                    out.write(("\n" if wrote else "") + statistics_text + "\n")
                else:
                    click.echo(statistics_text, err=True)
    except BrokenPipeError:
        if output_file is None:
            raise  # the reader went away (`wbl check | head`): quietly, see `_Commands.invoke`
        _fail("cannot write the output: broken pipe")  # standard error, or a pipe named as the output file
    except OSError as exc:
        _fail(f"cannot write {output_file or 'standard output'}: {exc.strerror or exc}")
    if not quiet:
        for notice in project.notices:
            _say(f"wbl: notice: {notice}")
        for name in project.dangling:
            _say(f"wbl: {name}: skipped: {_link_problem(name)}")
    # A named file left out is said when nothing else was linted (`wbl check build/a.md` would
    # otherwise print "0 files" and no reason); a hook's run that lints other files stays quiet.
    if verbose or (not quiet and run.tally.linted + run.tally.failed == 0):
        for name in project.excluded:
            _say(f"wbl: {name}: not linted: excluded by {project.why_excluded(name)} (exclude, extend-exclude)")
    if verbose:
        for name in project.emptied:
            _say(f"wbl: {name}: every Markdown file in it is excluded by the configuration (exclude, extend-exclude)")
    if fixes is not None and not quiet:
        fixes.summary()
    _write_step_summary(run.tally)
    sys.exit(EXIT_CLEAN if exit_zero and run.exit_code == EXIT_FINDINGS else run.exit_code)


def _link_problem(name: str) -> str:
    """Why a symbolic link a walk found leads to no file."""
    try:
        os.stat(name)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic links in a loop"
    return "broken symbolic link"


class _Stdout:
    """Standard output as `wbl check` writes its report there (colour only when asked)."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def write(self, text: str) -> None:
        # Without colour click strips ANSI sequences, a regular-expression pass over the whole
        # report; text without an escape character has none to strip.
        click.echo(text, nl=False, color=self.color or "\x1b" not in text)


def _write_step_summary(tally: Tally) -> None:
    """Append the run's Markdown summary to the file GitHub Actions names in GITHUB_STEP_SUMMARY."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(step_summary(tally, root_of(None), os.environ) + "\n")
    except OSError as exc:
        click.echo(f"wbl: notice: cannot write the step summary to {target}: {exc.strerror or exc}", err=True)


class _Fixes:
    """`check --fix` / `--diff`: each file's fixes applied in place (or shown as a diff, or, for
    standard input, printed fixed), and the reports of what is left for the reporters."""

    def __init__(self, unsafe: bool, diff: bool) -> None:
        self.unsafe, self.diff = unsafe, diff
        self.fixed = self.files = 0

    def reports(self, project: Project, paths: Sequence[str], stdin_filename: str | None) -> Iterator[FileReport]:
        from wbl.fixes import MAX_ROUNDS, unified_diff

        for from_stdin, result in _fixed_arguments(project, paths, stdin_filename, self.unsafe):
            report = result.report
            if result.changed:
                self.fixed, self.files = self.fixed + len(result.fixed), self.files + 1
                if not result.settled:
                    click.echo(f"{report.path}: notice: fixes were left after {MAX_ROUNDS} rounds", err=True)
            if self.diff:
                if result.changed:
                    assert result.before is not None and result.after is not None
                    click.echo(unified_diff(report.path, result.before, result.after), nl=False)
            elif from_stdin:
                if result.after is not None:
                    click.echo(result.after, nl=False)
                # Standard output holds the fixed text: what is left, and makes the exit code, goes
                # to standard error, one line each (as `ruff check --fix -` does).
                for finding in report.findings:
                    click.echo(concise_line(finding), err=True)
            elif result.data is not None:
                try:
                    Path(report.path).write_bytes(result.data)
                except OSError as exc:
                    report = replace(report, errors=(*report.errors, f"cannot write the fixes: {exc.strerror or exc}"))
            yield report

    def summary(self) -> None:
        verb = "would fix" if self.diff else "fixed"
        click.echo(f"wbl: {verb} {plural(self.fixed, 'finding')} in {plural(self.files, 'file')}", err=True)

    def exit_code(self, findings_exit_code: int) -> int:
        """With --diff, 1 when something would change (as ruff does), 2 on errors; else the findings'."""
        if not self.diff or findings_exit_code == EXIT_ERROR:
            return findings_exit_code
        return EXIT_FINDINGS if self.fixed else EXIT_CLEAN


def _names_an_input(output_file: str, paths: Sequence[str], project: Project | None = None) -> bool:
    """Whether the report would be written over a file to lint: one named, or (given the project,
    which knows what its walk includes, excludes and ignores) one found in a named folder."""
    if not os.path.isfile(output_file):
        return False  # the output file does not exist yet: nothing to lose
    try:
        if any(path != "-" and os.path.isfile(path) and os.path.samefile(output_file, path) for path in paths):
            return True
        folders = [path for path in paths if path != "-" and os.path.isdir(path)]
        if project is None or not folders:
            return False
        return any(isinstance(f, str) and os.path.samefile(output_file, f) for f in project.files(folders))
    except OSError:
        return False


def _refuse_overwriting_an_input(
    output_file: str, paths: Sequence[str], option: str = "--output-file", project: Project | None = None
) -> None:
    if _names_an_input(output_file, paths, project):
        _fail(f"{option} {output_file} is a file to lint: the report would replace it")


def _fixed_arguments(
    project: Project, paths: Sequence[str], stdin_filename: str | None, unsafe: bool
) -> Iterator[tuple[bool, FixedFile]]:
    """Each argument's files fixed in order, and whether it is standard input ('-')."""
    from wbl.fixes import fix_file, fix_paths

    for path in paths:
        if path == "-":
            yield True, fix_file(project, stdin_filename or "<stdin>", sys.stdin.buffer.read(), unsafe=unsafe)
        else:
            yield from ((False, fixed) for fixed in fix_paths(project, [path], unsafe=unsafe))


def _lint_arguments(project: Project, paths: Sequence[str], stdin_filename: str | None) -> Iterator[FileReport]:
    """Reports for the command's arguments in order ('-' is standard input).

    Every argument's files and configuration are resolved here, before the first report, so
    that a configuration error stops the run before anything is printed.
    """
    # Consecutive paths are planned together, as one walk: `--jobs` shares them out like the
    # files of a directory.
    planned: list[Iterator[FileReport] | None] = []
    run: list[str] = []
    for path in [*paths, "-"]:
        if path != "-":
            run.append(path)
            continue
        if run:
            planned.append(project.iter_paths(run))
            run = []
        planned.append(None)
    planned.pop()  # the "-" that closed the list

    def reports() -> Iterator[FileReport]:
        for files in planned:
            if files is None:
                yield _lint_stdin(project, stdin_filename or "<stdin>")
            else:
                yield from files

    return reports()


def _lint_stdin(project: Project, name: str) -> FileReport:
    try:
        data = read_limited(sys.stdin.buffer, project.options.max_file_size)
    except FileProblem as exc:
        return FileReport(name, errors=(str(exc),))
    return project.lint_bytes(data, name)


class _CheckRun:
    """What `wbl check` keeps of each file once it is printed: the exit code and the counts."""

    def __init__(self, project: Project, verbose: bool = False) -> None:
        self.project = project
        self.verbose = verbose
        self.exit_code = EXIT_CLEAN
        self.tally = Tally()

    def observe(self, files: Iterable[FileReport], shown: bool = True) -> Iterator[FileReport]:
        """Each file's report as it comes: its errors said, its exit code and counts kept; `shown`:
        without the findings below the file's min-severity."""
        for linted in files:
            file_report = self.project.shown(linted) if shown else linted
            self.tally.hidden += len(linted.findings) - len(file_report.findings)
            for error in file_report.errors:
                _say(f"{file_report.path}: error: {error}")
            if self.verbose and file_report.kind is not None:
                taken = KIND_NAMES.get(file_report.kind, file_report.kind)
                unsure = HINTS_ONLY if file_report.hints_only else ""
                _say(f"wbl: {file_report.path}: taken for {taken} (kind {file_report.kind}{unsure})")
            self.exit_code = max(self.exit_code, self.project.exit_code_for(file_report))
            self.tally.add(file_report)
            yield file_report


def _load_baseline(path: str) -> Baseline:
    from wbl.baseline import Baseline, BaselineError

    try:
        return Baseline.load(path)
    except BaselineError as exc:
        _fail(str(exc))
        raise  # pragma: no cover - _fail exits


def _lint_options(
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    model: str | None,
    max_file_size: int,
    rule_time_limit: float | None,
    kind: str | None = None,
    report_unused: bool = False,
) -> LintOptions:
    """The options `check` and `baseline` lint with, from their common flags (so that a baseline
    records what `check` with the same flags reports)."""
    for flag, given in (("--select", select), ("--ignore", ignore)):
        if given and not _split(given):
            _fail(f"{flag} names no rule: give codes, prefixes, slugs or categories")
    return LintOptions(
        select=_split(select),
        ignore=_split(ignore),
        model=model,
        max_file_size=max_file_size,
        report_unused=report_unused,
        kind=kind,
        rule_time_limit=rule_time_limit,
    )


def _codes_run(project: Project, path: str) -> list[str]:
    """The codes of the rules that ran on `path` (a baseline's entries of other rules are not 'fixed')."""
    return [r.code for r in project.linter_for(project.settings_for(path)).rules]


@main.command("baseline", short_help="Record the findings now, so later runs report only new ones.")
@click.argument("paths", nargs=-1, type=click.Path(readable=False, path_type=str))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=str),
    default=DEFAULT_BASELINE,
    show_default=True,
    help="The baseline file to write (paths in it are relative to its directory).",
)
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes (WB5), slugs or categories.")
@click.option("--ignore", multiple=True, help="Rules not to run (same forms as --select).")
@click.option("--model", help="spaCy pipeline to load.")
@KIND_OPTION
@MAX_FILE_SIZE_OPTION
@RULE_TIME_LIMIT_OPTION
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str), help="Use this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str), default=None, help="Result cache folder.")
@RESPECT_GITIGNORE_OPTION
@_fingerprints_held
def baseline_command(
    paths: tuple[str, ...],
    output: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    model: str | None,
    kind: str | None,
    max_file_size: int,
    rule_time_limit: float | None,
    config_file: str | None,
    isolated: bool,
    no_cache: bool,
    cache_dir: str | None,
    respect_gitignore: bool,
) -> None:
    """Record the findings of PATHS in a baseline file; `wbl check --baseline FILE` then reports only new ones.

    Without PATHS, the current directory (as for `wbl check`). Nothing is written when a file
    cannot be linted (exit code 2).
    """
    paths = paths or (".",)  # as for `wbl check`: the current directory
    if "-" in paths:
        _fail("a baseline records files: standard input ('-') is not accepted")
    options = _lint_options(select, ignore, model, max_file_size, rule_time_limit, kind)
    try:
        project = _project(options, config_file, isolated, no_cache, cache_dir, None, None, respect_gitignore)
        _refuse_overwriting_an_input(output, paths, "--output", project)
        report = project.lint_paths(paths)
    except (SelectionError, RegistryError, ConfigError, ModelError) as exc:
        _fail(str(exc))
    for notice in report.notices:
        _say(f"wbl: notice: {notice}")
    for file_report in report.files:
        for error in file_report.errors:
            _say(f"{file_report.path}: error: {error}")
    if report.has_errors:
        _fail(f"{output} not written: some files could not be linted")
    from wbl.baseline import write_baseline

    try:
        written = write_baseline(report, output)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    files = sum(1 for entries in written.files.values() if entries)
    click.echo(f"wbl: wrote {plural(len(written), 'finding')} in {plural(files, 'file')} to {output}")


@main.command("config", short_help="Print the effective configuration for a path.")
@click.argument("path", required=False, default=".", type=click.Path(readable=False, path_type=str))
@click.option("--format", "output_format", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str), help="Use this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def config_command(path: str, output_format: str, config_file: str | None, isolated: bool) -> None:
    """Print the effective configuration for PATH (a file or directory; default: the current one)."""
    if config_file is not None and isolated:
        _fail("--config and --isolated exclude each other")
    try:
        project = Project(registry=default_registry(), config_file=config_file, isolated=isolated)
        settings = project.settings_for(path)
    except (ConfigError, RegistryError) as exc:
        _fail(str(exc))
    click.echo(render_settings(settings, path, output_format), nl=False)


@main.command("rules", short_help="List every registered rule.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these rules (codes, prefixes, slugs or categories).")
def rules_command(output_format: str, select: tuple[str, ...]) -> None:
    """List every registered rule: code, name, category, default severity, summary."""
    try:
        registry = default_registry()
        rules = registry.select(_split(select) or None)
    except (SelectionError, RegistryError) as exc:
        _fail(str(exc))
    click.echo(render_rules(rules, output_format))


@main.command("explain", short_help="Print a rule's full documentation.")
@click.argument("rule")
def explain_command(rule: str) -> None:
    """Print a rule's full documentation: RULE is a code (WB601) or a slug (weasel-word)."""
    try:
        registry = default_registry()
    except RegistryError as exc:
        _fail(str(exc))
    from wbl.suppress import UNUSED_CODE, UNUSED_EXPLANATION, UNUSED_NAME

    if rule.strip().upper() in (UNUSED_CODE, UNUSED_NAME.upper()):
        click.echo(UNUSED_EXPLANATION)  # not a rule, but wbl reports it like one
        return
    found = registry.get(rule.strip()) or registry.get(rule.strip().upper())
    if found is None:
        try:
            matched = registry.select([rule])  # A prefix or category: say which rules it names.
        except SelectionError as exc:
            _fail(str(exc))
        if len(matched) > 1:
            _fail(f"{rule!r} names {len(matched)} rules ({', '.join(r.code for r in matched)}): give one code or slug")
        found = matched[0]
    click.echo(render_explanation(found, _docs_url(Project(registry=registry))))


@main.command("lsp", short_help="Run the language server editors start.")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only transport).")
def lsp_command(stdio: bool) -> None:
    """Run the language server (over stdio) that editors start for live diagnostics."""
    try:
        from wbl.lsp import main as serve  # pygls and spaCy are imported only here
    except ImportError as exc:
        _fail(f"the language server needs pygls: pip install 'wbl-lint[lsp]' ({exc})")
    serve()


@main.command("report", short_help="Write an HTML review page for one PR/FAQ.")
@click.argument("path", type=click.Path(dir_okay=False, readable=False, path_type=str))
@click.option(
    "-o",
    "--output",
    "--output-file",  # check's name for it
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=str),
    help="HTML file to write.",
)
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes (WB5), slugs or categories.")
@click.option("--ignore", multiple=True, help="Rules not to run (same forms as --select).")
@click.option("--model", help="spaCy pipeline to load.")
@RULE_TIME_LIMIT_OPTION
@KIND_OPTION
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str), help="Use this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def report_command(
    path: str,
    output: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    model: str | None,
    rule_time_limit: float | None,
    kind: str | None,
    config_file: str | None,
    isolated: bool,
) -> None:
    """Write a self-contained HTML review page for one PR/FAQ (exit 0 when written, 2 on error)."""
    from wbl.files import read_file
    from wbl.htmlreport import review
    from wbl.source import decode

    if config_file is not None and isolated:
        _fail("--config and --isolated exclude each other")
    _refuse_overwriting_an_input(output, [path], "--output")
    options = _lint_options(select, ignore, model, DEFAULT_MAX_FILE_SIZE, rule_time_limit, kind)
    try:
        project = Project(options, default_registry(), config_file=config_file, isolated=isolated)
        linter = project.linter_for(project.settings_for(path))
        data = read_file(path, options.max_file_size)
        if isinstance(data, FileReport):
            _fail(f"{path}: {data.error}")
        assert isinstance(data, bytes)
        result, page = review(linter, decode(data, max_bytes=options.max_file_size), path)
        write_atomic(output, page)  # a failure keeps the previous page whole
    except (SelectionError, RegistryError, ConfigError, ModelError) as exc:
        _fail(str(exc))
    except InputError as exc:
        _fail(f"{path}: {exc}")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    for notice in linter.notices:
        _say(f"wbl: notice: {notice}")
    for error in result.errors:
        _say(f"{path}: error: {error}")
    click.echo(f"wrote {output}: {plural(len(result.findings), 'finding')}", err=True)
    sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)


if __name__ == "__main__":  # pragma: no cover
    main()
