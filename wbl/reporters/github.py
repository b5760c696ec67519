"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message``; ``info``
findings become ``::notice``, unreadable files ``::error``. A finding over several lines has no
``col``/``endColumn``: the Actions toolkit accepts columns only when ``line`` and ``endLine`` are
the same. Files are named relative to the repository root (`RenderOptions.root`), where GitHub
looks for them. Values are escaped as the Actions runner expects (``%``, CR and LF everywhere;
``:`` and ``,`` also in properties).

GitHub shows at most 10 annotations of each kind per step (50 per job); the step summary
(`wbl.reporters.summary`) lists the rest.
"""

from __future__ import annotations

from pathlib import Path

from wbl.findings import Finding, Report
from wbl.reporters.base import RenderOptions, ci_path, printable, root_of
from wbl.rule import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """As the runner reads it (``%``, CR, LF), and with other control characters escaped for the
    log viewer, which interprets ANSI escape sequences (see `printable`)."""
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, root: Path | None = None) -> str:
    properties: dict[str, object] = {"file": f.path if root is None else ci_path(f.path, root), "line": f.line}
    if f.end_line == f.line:
        properties.update(col=f.column, endLine=f.end_line, endColumn=f.end_column)
    else:
        properties["endLine"] = f.end_line
    properties["title"] = f.rule
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.full_message)}"


def render_github(report: Report, options: RenderOptions | None = None) -> str:
    root = root_of(options)
    lines = []
    for file_report in report.files:
        for error in file_report.errors:
            path = escape_property(ci_path(file_report.path, root))
            lines.append(f"::error file={path},title=wbl::{escape_data(error)}")
        lines.extend(annotation(f, root) for f in file_report.findings)
    return "\n".join(lines)
