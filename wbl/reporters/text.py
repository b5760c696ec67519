"""`path:line:column: CODE [severity] message`, one finding per line."""

from __future__ import annotations

from wbl.engine import Report


def render_text(report: Report) -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}"
        for file_report in report.files
        for f in file_report.findings
    ]
    return "\n".join(lines)
