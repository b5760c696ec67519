"""``path:line:column: CODE message``, one finding per line: for editors' problem matchers.

The pattern is GNU-style, which Emacs's compilation mode and Vim's default ``errorformat`` read
as they are; docs/editors.md gives the VS Code problem matcher (tested against this output).
"""

from __future__ import annotations

from wbl.findings import Finding, Report
from wbl.reporters.base import RenderOptions, printable


def concise_line(f: Finding) -> str:
    return printable(f"{f.path}:{f.line}:{f.column}: {f.rule} {f.full_message}", one_line=True)


def render_concise(report: Report, options: RenderOptions | None = None) -> str:
    return "\n".join(concise_line(f) for f in report.findings)
