"""The `wbl` command: parses options, calls the library, hands results to a reporter.

Exit codes: 0 no findings at or above --fail-on; 1 findings at or above --fail-on; 2 usage
error, unreadable or invalid input, or an internal error (a rule or plugin that failed).
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence

import click

from wbl.baseline import DEFAULT_BASELINE, Baseline, BaselineError, write_baseline
from wbl.cache import default_cache_dir
from wbl.config import ConfigError, render_settings
from wbl.engine import DEFAULT_MAX_FILE_SIZE, LintOptions
from wbl.findings import EXIT_CLEAN, EXIT_ERROR, EXIT_INTERRUPTED, FileReport, Report
from wbl.guard import DEFAULT_TIME_LIMIT
from wbl.nlp import ModelError
from wbl.project import Project
from wbl.registry import RegistryError, SelectionError, default_registry
from wbl.reporters import (
    HUMAN_FORMATS,
    REPORTERS,
    STREAMING_FORMATS,
    RenderOptions,
    Tally,
    render_explanation,
    render_rules,
    stream,
    use_color,
)
from wbl.reporters.base import plural, printable
from wbl.safeio import FileProblem, read_limited, write_atomic
from wbl.source import InputError
from wbl.version import __version__


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
) -> Project:
    """The project the command lints with: configuration, result cache and processes."""
    if config_file is not None and isolated:
        _fail("--config and --isolated exclude each other")
    return Project(
        options,
        default_registry(),
        config_file=config_file,
        isolated=isolated,
        fail_on=fail_on,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
        jobs=jobs,
    )


def _batch_gc() -> None:
    """What start-up created (modules, rule metadata, click's objects) lives to the end of a run:
    the cycle collector need not scan it again at every collection (it took about a tenth of a
    cached run's time)."""
    gc.freeze()


def _say(line: str) -> None:
    """One line on standard error, with control characters escaped (a file name or a message can
    hold any character; a terminal must not obey them)."""
    click.echo(printable(line), err=True)


def _fail(message: str) -> None:
    _say(f"wbl: error: {message}")
    sys.exit(EXIT_ERROR)


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
                traceback.print_exc()
            why = "out of memory" if isinstance(exc, MemoryError) else f"{type(exc).__name__}: {exc}"
            hint = "" if os.environ.get("WBL_DEBUG") else " (WBL_DEBUG=1 shows the traceback)"
            _say(f"wbl: internal error: {why}{hint}")
            sys.exit(EXIT_ERROR)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="wbl")
def main() -> None:
    """wbl, the Working Backwards linter: checks PR/FAQ documents in Markdown."""


@main.command()
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
@click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm if installed, else the pinned copy).")
@click.option(
    "--kind",
    type=click.Choice(["auto", "prfaq", "press_release", "faq", "other"]),
    default=None,
    help="Judge every file as this kind of document (default: configuration, else as wbl finds each file).",
)
@click.option("--stdin-filename", help="Name to report for text read from standard input ('-').")
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
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
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
    no_cache: bool,
    cache_dir: str | None,
    baseline_file: str | None,
) -> None:
    """Lint Markdown files and directories (recursively: *.md, *.markdown). '-' reads stdin."""
    _batch_gc()
    if not paths:
        _fail("no paths given (use '-' to read standard input)")
    options = LintOptions(
        select=_split(select),
        ignore=_split(ignore),
        model=model,
        max_file_size=max_file_size,
        report_unused=report_unused,
        kind=kind,
        rule_time_limit=rule_time_limit,
    )
    try:
        project = _project(options, config_file, isolated, no_cache, cache_dir, jobs, fail_on)
    except (SelectionError, RegistryError, ConfigError) as exc:
        _fail(str(exc))
    recorded = _load_baseline(baseline_file) if baseline_file is not None else None
    run = _CheckRun(project, statistics)
    color = output_format == "text" and use_color(sys.stdout)
    wrote = ""  # the last piece written to standard output
    try:
        files = run.observe(_lint_arguments(project, paths, stdin_filename))
        if output_format in STREAMING_FORMATS and recorded is None:
            # Each file's findings are printed as soon as they are known and then dropped, so
            # memory does not grow with the number of files.
            render = RenderOptions(color=color)
            for piece in stream(output_format, files, render, lambda: project.notices):
                click.echo(piece, nl=False, color=color)
                wrote = piece or wrote
            comparison = None
        else:  # SARIF and JUnit need the whole run (counts, rule list); so does a baseline.
            report = Report(tuple(files), project.notices)
            # With a baseline, only new findings are reported and count for the exit code.
            comparison = None
            if recorded is not None:
                comparison = recorded.compare(report, lambda path: _codes_run(project, path))
                report = comparison.new_report()
                run.exit_code = project.exit_code(report)
                if statistics:
                    run.tally = Tally()
                    for file_report in report.files:
                        run.tally.add(file_report)
            render = RenderOptions(rules=project.rules, color=color, baseline=comparison)
            wrote = REPORTERS[output_format](report, render)
            if wrote:
                click.echo(wrote, nl=False, color=color)
    except (ConfigError, ModelError, InputError) as exc:  # InputError: lint_* turn these into file errors
        _fail(str(exc))
    if wrote and not wrote.endswith("\n"):
        click.echo("")
    for notice in project.notices:
        _say(f"wbl: notice: {notice}")
    counts = (run.tally.render(), comparison.summary() if comparison else "") if run.tally is not None else ()
    if summary := "\n".join(part for part in counts if part):
        # Machine formats keep standard output parseable: their statistics go to stderr.
        human = output_format in HUMAN_FORMATS
        click.echo(("\n" if human and wrote else "") + summary, err=not human)
    sys.exit(run.exit_code)


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
    """What `wbl check` keeps of each file once it is printed: the exit code and the statistics."""

    def __init__(self, project: Project, statistics: bool) -> None:
        self.project = project
        self.exit_code = EXIT_CLEAN
        self.tally: Tally | None = Tally() if statistics else None

    def observe(self, files: Iterable[FileReport]) -> Iterator[FileReport]:
        for file_report in files:
            for error in file_report.errors:
                _say(f"{file_report.path}: error: {error}")
            self.exit_code = max(self.exit_code, self.project.exit_code_for(file_report))
            if self.tally is not None:
                self.tally.add(file_report)
            yield file_report


def _load_baseline(path: str) -> Baseline:
    try:
        return Baseline.load(path)
    except BaselineError as exc:
        _fail(str(exc))
        raise  # pragma: no cover - _fail exits


def _codes_run(project: Project, path: str) -> list[str]:
    """The codes of the rules that ran on `path` (a baseline's entries of other rules are not 'fixed')."""
    return [r.code for r in project.linter_for(project.settings_for(path)).rules]


@main.command("baseline")
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
@MAX_FILE_SIZE_OPTION
@RULE_TIME_LIMIT_OPTION
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str), help="Use this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str), default=None, help="Result cache folder.")
def baseline_command(
    paths: tuple[str, ...],
    output: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    model: str | None,
    max_file_size: int,
    rule_time_limit: float | None,
    config_file: str | None,
    isolated: bool,
    no_cache: bool,
    cache_dir: str | None,
) -> None:
    """Record the findings of PATHS in a baseline file; `wbl check --baseline FILE` then reports only new ones.

    Nothing is written when a file cannot be linted (exit code 2).
    """
    if not paths:
        _fail("no paths given")
    if "-" in paths:
        _fail("a baseline records files: standard input ('-') is not accepted")
    options = LintOptions(
        select=_split(select),
        ignore=_split(ignore),
        model=model,
        max_file_size=max_file_size,
        rule_time_limit=rule_time_limit,
    )
    try:
        project = _project(options, config_file, isolated, no_cache, cache_dir, None)
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
    try:
        written = write_baseline(report, output)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    files = sum(1 for entries in written.files.values() if entries)
    click.echo(f"wbl: wrote {plural(len(written), 'finding')} in {plural(files, 'file')} to {output}")


@main.command("config")
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


@main.command("rules")
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


@main.command("explain")
@click.argument("rule")
def explain_command(rule: str) -> None:
    """Print a rule's full documentation: RULE is a code (WB601) or a slug (weasel-word)."""
    try:
        registry = default_registry()
    except RegistryError as exc:
        _fail(str(exc))
    found = registry.get(rule.strip()) or registry.get(rule.strip().upper())
    if found is None:
        try:
            matched = registry.select([rule])  # A prefix or category: say which rules it names.
        except SelectionError as exc:
            _fail(str(exc))
        if len(matched) > 1:
            _fail(f"{rule!r} names {len(matched)} rules ({', '.join(r.code for r in matched)}): give one code or slug")
        found = matched[0]
    click.echo(render_explanation(found))


@main.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only transport).")
def lsp_command(stdio: bool) -> None:
    """Run the language server (over stdio) that editors start for live diagnostics."""
    try:
        from wbl.lsp import main as serve  # pygls and spaCy are imported only here
    except ImportError as exc:
        _fail(f"the language server needs pygls: pip install 'wbl[lsp]' ({exc})")
    serve()


@main.command("report")
@click.argument("path", type=click.Path(dir_okay=False, readable=False, path_type=str))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str), help="HTML file to write."
)
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes (WB5), slugs or categories.")
@click.option("--ignore", multiple=True, help="Rules not to run (same forms as --select).")
@click.option("--model", help="spaCy pipeline to load.")
@RULE_TIME_LIMIT_OPTION
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str), help="Use this file.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def report_command(
    path: str,
    output: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    model: str | None,
    rule_time_limit: float | None,
    config_file: str | None,
    isolated: bool,
) -> None:
    """Write a self-contained HTML review page for one PR/FAQ (exit 0 when written, 2 on error)."""
    from wbl.files import read_file
    from wbl.htmlreport import review
    from wbl.source import decode

    if config_file is not None and isolated:
        _fail("--config and --isolated exclude each other")
    options = LintOptions(select=_split(select), ignore=_split(ignore), model=model, rule_time_limit=rule_time_limit)
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
