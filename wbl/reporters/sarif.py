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
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from wbl.baseline import fingerprints
from wbl.findings import Finding, Report
from wbl.reporters.base import RenderOptions, line_of, root_of, rule_help_uri, source_of
from wbl.repository import repository_path
from wbl.rule import Rule, Severity
from wbl.safeio import json_text
from wbl.source import encoded_column
from wbl.version import __version__

if TYPE_CHECKING:
    from wbl.baseline import Comparison, Entry

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "wblFingerprint/v1"  # partialFingerprints key: wbl.baseline's fingerprint of a finding
SRCROOT = "%SRCROOT%"


def render_sarif(report: Report, options: RenderOptions | None = None) -> str:
    return json_text(sarif_log(report, options), indent=2)


def sarif_log(report: Report, options: RenderOptions | None = None) -> dict[str, Any]:
    descriptors: dict[str, dict[str, Any]] = {}
    docs = options.docs_url if options else None
    for r in options.rules if options else ():
        descriptors.setdefault(r.code, rule_descriptor(r, docs))
    baseline = options.baseline if options else None
    kept = baseline.unchanged if baseline is not None else ()
    for f in (*report.findings, *kept):  # A finding of a rule the caller did not describe still gets an entry.
        descriptors.setdefault(f.rule, _minimal_descriptor(f, docs))
    for _, entry in baseline.fixed if baseline is not None else ():
        descriptors.setdefault(entry.rule, {"id": entry.rule, "name": entry.name or entry.rule})
    codes = sorted(descriptors)
    index = {code: i for i, code in enumerate(codes)}
    root = root_of(options)

    results = []
    for file_report in report.files:
        findings = file_report.findings
        if baseline is not None:  # The unchanged findings too, marked and suppressed (see _baseline_fields).
            findings = tuple(sorted((*findings, *baseline.unchanged_in(file_report.path)), key=_position))
        source = source_of(file_report) if findings else None
        prints = fingerprints(findings, source.text if source is not None else None)
        for f, fingerprint in zip(findings, prints, strict=True):
            result = _result(f, index[f.rule], line_of(source, f.line), line_of(source, f.end_line), root)
            result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
            if baseline is not None:
                result.update(_baseline_fields(f, baseline))
            results.append(result)
    if baseline is not None:
        results += [_absent_result(path, entry, index[entry.rule], root) for path, entry in baseline.fixed]

    notifications = [
        {"level": "error", "message": {"text": error}, "locations": [{"physicalLocation": _artifact(r.path, root)}]}
        for r in report.files
        for error in r.errors
    ]
    notifications += [{"level": "note", "message": {"text": notice}} for notice in report.notices]
    invocation: dict[str, Any] = {"executionSuccessful": not report.has_errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications

    driver: dict[str, Any] = {
        "name": "wbl",
        "fullName": "wbl, the Working Backwards linter",
        "version": __version__,
        "semanticVersion": __version__,
    }
    if docs and "{" not in docs:  # Without a documentation site, no link: each rule's `help` carries its page.
        driver["informationUri"] = docs.rstrip("/") + "/"
    driver["rules"] = [descriptors[code] for code in codes]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(root)}},
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }


def rule_descriptor(r: Rule, docs_url: str | None = None) -> dict[str, Any]:
    doc = r.doc.strip()
    first_paragraph = doc.split("\n\n", 1)[0].strip() if doc else ""
    descriptor = {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": " ".join(first_paragraph.split()) or r.summary},
        "help": {"text": doc or r.summary, "markdown": doc or r.summary},
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {"category": r.category, "tags": ["prose", r.category]},
    }
    return _with_help_uri(descriptor, r.name, r.code, docs_url)


def _minimal_descriptor(f: Finding, docs_url: str | None = None) -> dict[str, Any]:
    descriptor = {"id": f.rule, "name": f.name, "properties": {"category": f.category, "tags": ["prose", f.category]}}
    return _with_help_uri(descriptor, f.name, f.rule, docs_url)


def _with_help_uri(descriptor: dict[str, Any], name: str, code: str, docs_url: str | None) -> dict[str, Any]:
    """`helpUri` only where a documentation URL is configured: a link must lead somewhere."""
    uri = rule_help_uri(name, docs_url, code)
    return {**descriptor, "helpUri": uri} if uri else descriptor


def _result(f: Finding, rule_index: int, start_line: str | None, end_line: str | None, root: Path) -> dict[str, Any]:
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
        "locations": [{"physicalLocation": {**_artifact(f.path, root), "region": region}}],
    }
    if f.suggestion:
        result["properties"] = {"suggestion": f.suggestion}
    return result


def _position(f: Finding) -> tuple[int, int, str]:
    return (f.line, f.column, f.rule)


def _baseline_fields(f: Finding, baseline: Comparison) -> dict[str, Any]:
    """baselineState; an unchanged finding is suppressed by the baseline."""
    state = baseline.state(f)
    fields: dict[str, Any] = {"baselineState": state}
    if state == "unchanged":
        fields["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": f"recorded in the baseline {baseline.source}"}
        ]
    return fields


def _absent_result(path: str, entry: Entry, rule_index: int, root: Path) -> dict[str, Any]:
    """A finding recorded in the baseline and gone from this run (fixed), where it was then."""
    location: dict[str, Any] = _artifact(path, root)
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


def _artifact(path: str, root: Path) -> dict[str, Any]:
    """A file's location: relative to the repository root (%SRCROOT%) when inside it, else file://."""
    relative = path if path.startswith("<") and path.endswith(">") else repository_path(path, root)
    if relative is None:
        return {"artifactLocation": {"uri": PurePath(os.path.abspath(path)).as_uri()}}
    return {"artifactLocation": {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}}


def _folder_uri(root: Path) -> str:
    """The root as a file:// URI ending in '/', as SARIF requires of a base URI."""
    uri = PurePath(root).as_uri()
    return uri if uri.endswith("/") else uri + "/"
