"""reviewdog's Diagnostic Format (rdjson): one ``DiagnosticResult`` for ``reviewdog -f=rdjson``.

``{"source": {"name": "wbl", "url"}, "diagnostics": [{"message", "location": {"path", "range":
{"start": {"line", "column"}, "end": {...}}}, "severity", "code": {"value", "url"},
"suggestions": [{"range", "text"}], "original_output"}]}``, as reviewdog's ``reviewdog.proto``
defines it. Columns are 1-based UTF-8 byte counts and the end is exclusive, as that format says;
severities are ``ERROR``, ``WARNING`` and ``INFO``. Paths are as wbl was given them (reviewdog
resolves them from the working directory it runs in). A finding with a suggestion carries it as
the replacement of its range. A file that could not be linted is an ``ERROR`` diagnostic without
a range.
"""

from __future__ import annotations

from typing import Any

from wbl.findings import Finding, Report
from wbl.reporters.base import RenderOptions, line_of, rule_help_uri, source_of
from wbl.reporters.concise import concise_line
from wbl.rule import Severity
from wbl.safeio import json_text
from wbl.source import SourceText, encoded_column

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def render_rdjson(report: Report, options: RenderOptions | None = None) -> str:
    diagnostics: list[dict[str, Any]] = []
    docs = options.docs_url if options else None
    for file_report in report.files:
        diagnostics += [
            {"message": error, "location": {"path": file_report.path}, "severity": "ERROR", "code": {"value": "wbl"}}
            for error in file_report.errors
        ]
        source = source_of(file_report) if file_report.findings else None
        diagnostics += [diagnostic(f, source, docs) for f in file_report.findings]
    tool: dict[str, str] = {"name": "wbl"}
    if docs and "{" not in docs:  # a documentation site when the project has one; no link otherwise
        tool["url"] = docs.rstrip("/") + "/"
    result = {"source": tool, "diagnostics": diagnostics}
    return json_text(result, indent=2)


def diagnostic(f: Finding, source: SourceText | None, docs: str | None = None) -> dict[str, Any]:
    span = {
        "start": {"line": f.line, "column": encoded_column(line_of(source, f.line), f.column, "utf-8")},
        "end": {"line": f.end_line, "column": encoded_column(line_of(source, f.end_line), f.end_column, "utf-8")},
    }
    result: dict[str, Any] = {
        "message": f.full_message,
        "location": {"path": f.path, "range": span},
        "severity": SEVERITIES[f.severity],
        "code": {"value": f.rule},
    }
    if url := rule_help_uri(f.name, docs, f.rule):
        result["code"]["url"] = url
    if f.suggestion is not None:
        result["suggestions"] = [{"range": span, "text": f.suggestion}]
    result["original_output"] = concise_line(f)
    return result
