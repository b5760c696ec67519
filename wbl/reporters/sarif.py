"""SARIF 2.1.0, as GitHub code scanning and other static-analysis viewers read it.

Rule descriptors come from the rules passed in `RenderOptions.rules` (the CLI passes the rules
that ran), with each rule's documentation and help URI. Columns are in UTF-16 code units, as
SARIF's default ``columnKind`` says; wbl counts code points inside, so they are converted here
from each finding's source line. Unreadable files and notices become tool notifications.
With a baseline (`RenderOptions.baseline`), every result carries `baselineState` and a
`partialFingerprints` entry: new findings, unchanged ones (suppressed as "external": the baseline
accepted them), and the fixed ones as "absent" results where the baseline saw them.
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from wbl.findings import Finding, Report
from wbl.reporters.base import DOCS_URL, RenderOptions, line_of, rule_help_uri, source_of
from wbl.rule import Rule, Severity
from wbl.safeio import json_text
from wbl.source import encoded_column
from wbl.version import __version__

if TYPE_CHECKING:
    from wbl.baseline import Comparison, Entry

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "wblFingerprint/v1"  # partialFingerprints key: wbl.baseline's fingerprint of a finding


def render_sarif(report: Report, options: RenderOptions | None = None) -> str:
    return json_text(sarif_log(report, options), indent=2)


def sarif_log(report: Report, options: RenderOptions | None = None) -> dict[str, Any]:
    descriptors: dict[str, dict[str, Any]] = {}
    for r in options.rules if options else ():
        descriptors.setdefault(r.code, rule_descriptor(r))
    baseline = options.baseline if options else None
    kept = baseline.unchanged if baseline is not None else ()
    for f in (*report.findings, *kept):  # A finding of a rule the caller did not describe still gets an entry.
        descriptors.setdefault(f.rule, _minimal_descriptor(f))
    for _, entry in baseline.fixed if baseline is not None else ():
        descriptors.setdefault(entry.rule, {"id": entry.rule, "name": entry.name or entry.rule})
    codes = sorted(descriptors)
    index = {code: i for i, code in enumerate(codes)}

    results = []
    for file_report in report.files:
        findings = file_report.findings
        if baseline is not None:  # The unchanged findings too, marked and suppressed (see _baseline_fields).
            findings = tuple(sorted((*findings, *baseline.unchanged_in(file_report.path)), key=_position))
        source = source_of(file_report) if findings else None
        for f in findings:
            result = _result(f, index[f.rule], line_of(source, f.line), line_of(source, f.end_line))
            if baseline is not None:
                result.update(_baseline_fields(f, baseline))
            results.append(result)
    if baseline is not None:
        results += [_absent_result(path, entry, index[entry.rule]) for path, entry in baseline.fixed]

    notifications = [
        {"level": "error", "message": {"text": error}, "locations": [{"physicalLocation": _artifact(r.path)}]}
        for r in report.files
        for error in r.errors
    ]
    notifications += [{"level": "note", "message": {"text": notice}} for notice in report.notices]
    invocation: dict[str, Any] = {"executionSuccessful": not report.has_errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications

    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "wbl",
                        "fullName": "wbl, the Working Backwards linter",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": DOCS_URL + "/",
                        "rules": [descriptors[code] for code in codes],
                    }
                },
                "invocations": [invocation],
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }


def rule_descriptor(r: Rule) -> dict[str, Any]:
    doc = r.doc.strip()
    first_paragraph = doc.split("\n\n", 1)[0].strip() if doc else ""
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": " ".join(first_paragraph.split()) or r.summary},
        "help": {"text": doc or r.summary, "markdown": doc or r.summary},
        "helpUri": rule_help_uri(r.name),
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {"category": r.category, "tags": ["prose", r.category]},
    }


def _minimal_descriptor(f: Finding) -> dict[str, Any]:
    return {
        "id": f.rule,
        "name": f.name,
        "helpUri": rule_help_uri(f.name),
        "properties": {"category": f.category, "tags": ["prose", f.category]},
    }


def _result(f: Finding, rule_index: int, start_line: str | None, end_line: str | None) -> dict[str, Any]:
    region = {
        "startLine": f.line,
        "startColumn": encoded_column(start_line, f.column),
        "endLine": f.end_line,
        "endColumn": encoded_column(end_line, f.end_column),
        "snippet": {"text": f.text},
    }
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.full_message},
        "locations": [{"physicalLocation": {**_artifact(f.path), "region": region}}],
    }
    if f.suggestion:
        result["properties"] = {"suggestion": f.suggestion}
    return result


def _position(f: Finding) -> tuple[int, int, str]:
    return (f.line, f.column, f.rule)


def _baseline_fields(f: Finding, baseline: Comparison) -> dict[str, Any]:
    """baselineState and a stable fingerprint; an unchanged finding is suppressed by the baseline."""
    state = baseline.state(f)
    fields: dict[str, Any] = {
        "baselineState": state,
        "partialFingerprints": {FINGERPRINT_KEY: baseline.fingerprint(f)},
    }
    if state == "unchanged":
        fields["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": f"recorded in the baseline {baseline.source}"}
        ]
    return fields


def _absent_result(path: str, entry: Entry, rule_index: int) -> dict[str, Any]:
    """A finding recorded in the baseline and gone from this run (fixed), where it was then."""
    location: dict[str, Any] = _artifact(path)
    if entry.line > 0:
        location["region"] = {"startLine": entry.line}
    return {
        "ruleId": entry.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[Severity(entry.severity)],
        "message": {"text": entry.message or f"{entry.rule} ({entry.name})"},
        "locations": [{"physicalLocation": location}],
        "baselineState": "absent",
        "partialFingerprints": {FINGERPRINT_KEY: entry.fingerprint},
    }


def _artifact(path: str) -> dict[str, Any]:
    """A file's location as a URI: relative to the source root when relative, else file://."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"artifactLocation": {"uri": PurePath(os.path.abspath(path)).as_uri()}}
    posix = os.path.normpath(path).replace(os.sep, "/")
    return {"artifactLocation": {"uri": quote(os.fsencode(posix), safe="/"), "uriBaseId": "%SRCROOT%"}}
