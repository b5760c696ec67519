"""The `wbl` command: parses options, calls the library, hands results to a reporter.

Exit codes: 0 no findings at or above --fail-on; 1 findings at or above --fail-on; 2 usage
error, unreadable or invalid input, or an internal error (a rule or plugin that failed).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from wbl import __version__
from wbl.engine import DEFAULT_MAX_FILE_SIZE, FileReport, Linter, LintOptions, Report
from wbl.nlp import ModelError
from wbl.registry import RegistryError, SelectionError, default_registry
from wbl.reporters import REPORTERS, render_rules
from wbl.rule import Severity
from wbl.source import InputError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(token.strip() for value in values for token in value.split(",") if token.strip())


def _fail(message: str) -> None:
    click.echo(f"wbl: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="wbl")
def main() -> None:
    """wbl, the Working Backwards linter: checks PR/FAQ documents in Markdown."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
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
    default="warning",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option("--model", help="spaCy pipeline to load (default: en_core_web_sm if installed, else the pinned copy).")
@click.option("--stdin-filename", help="Name to report for text read from standard input ('-').")
@click.option(
    "--max-file-size",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_FILE_SIZE,
    show_default=True,
    help="Files larger than this many bytes are skipped with an error.",
)
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str,
    model: str | None,
    stdin_filename: str | None,
    max_file_size: int,
) -> None:
    """Lint Markdown files and directories (recursively: *.md, *.markdown). '-' reads stdin."""
    if not paths:
        _fail("no paths given (use '-' to read standard input)")
    options = LintOptions(select=_split(select), ignore=_split(ignore), model=model, max_file_size=max_file_size)
    try:
        linter = Linter(options, default_registry())
    except (SelectionError, RegistryError) as exc:
        _fail(str(exc))
    reports: list[FileReport] = []
    try:
        for path in paths:
            if path == "-":
                name = stdin_filename or "<stdin>"
                reports.append(linter.lint_bytes(sys.stdin.buffer.read(), name))
            else:
                reports.extend(linter.lint_paths([path]).files)
    except ModelError as exc:
        _fail(str(exc))
    except InputError as exc:  # pragma: no cover - lint_* turn these into file errors
        _fail(str(exc))
    report = Report(tuple(reports), tuple(dict.fromkeys(linter.notices)))
    for notice in report.notices:
        click.echo(f"wbl: notice: {notice}", err=True)
    for file_report in report.files:
        for error in file_report.errors:
            click.echo(f"{file_report.path}: error: {error}", err=True)
    output = REPORTERS[output_format](report)
    if output:
        click.echo(output, nl=not output.endswith("\n"))
    sys.exit(report.exit_code(Severity.parse(fail_on)))


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


if __name__ == "__main__":  # pragma: no cover
    main()
