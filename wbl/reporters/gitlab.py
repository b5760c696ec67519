"""GitLab Code Quality: the JSON array a job declares as ``artifacts: reports: codequality``.

Each finding is ``{"description", "check_name", "fingerprint", "severity", "location": {"path",
"lines": {"begin", "end"}}}``, the fields GitLab's documentation lists. Paths are relative to the
repository root (`RenderOptions.root`), as GitLab expects. Severities: ``info`` for info,
``minor`` for warning, ``major`` for error (GitLab's scale goes on to critical and blocker). The
fingerprint must be unique in a report and stable across commits, or GitLab shows one issue for
several, or an old one as new: it hashes the path with `wbl.baseline`'s fingerprint (rule,
flagged text, its sentence, an occurrence index; not the line). A file that could not be linted
is a ``critical`` issue on its first line.
"""

from __future__ import annotations

import hashlib
from typing import Any

from wbl.baseline import fingerprints
from wbl.findings import Report
from wbl.reporters.base import RenderOptions, ci_path, root_of, source_of
from wbl.rule import Severity
from wbl.safeio import json_text

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def render_gitlab(report: Report, options: RenderOptions | None = None) -> str:
    root = root_of(options)
    issues: list[dict[str, Any]] = []
    for file_report in report.files:
        path = ci_path(file_report.path, root)
        for error in file_report.errors:
            issues.append(
                {
                    "description": f"{path} could not be linted: {error}",
                    "check_name": "wbl-error",
                    "fingerprint": _digest(path, "error", error),
                    "severity": "critical",
                    "location": {"path": path, "lines": {"begin": 1}},
                }
            )
        if not file_report.findings:
            continue
        source = source_of(file_report)
        prints = fingerprints(file_report.findings, source.text if source is not None else None)
        for f, fingerprint in zip(file_report.findings, prints, strict=True):
            issues.append(
                {
                    "description": f"{f.rule} {f.full_message}",
                    "check_name": f"{f.rule} {f.name}",
                    "fingerprint": _digest(path, fingerprint),
                    "severity": SEVERITIES[f.severity],
                    "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
                }
            )
    return json_text(issues, indent=2)
