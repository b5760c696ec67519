"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message``; ``info``
findings become ``::notice``, unreadable files ``::error``. Values are escaped as the Actions
runner expects (``%``, CR and LF everywhere; ``:`` and ``,`` also in properties).
"""

from __future__ import annotations

from wbl.findings import Finding, Report
from wbl.reporters.base import RenderOptions, printable
from wbl.rule import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """As the runner reads it (``%``, CR, LF), and with other control characters escaped for the
    log viewer, which interprets ANSI escape sequences (see `printable`)."""
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    properties = {
        "file": f.path,
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f.rule,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.full_message)}"


def render_github(report: Report, options: RenderOptions | None = None) -> str:
    lines = []
    for file_report in report.files:
        for error in file_report.errors:
            lines.append(f"::error file={escape_property(file_report.path)},title=wbl::{escape_data(error)}")
        lines.extend(annotation(f) for f in file_report.findings)
    return "\n".join(lines)
