"""One JSON document: {"files": [{"path", "error", "metrics", "findings": [...]}], ...}."""

from __future__ import annotations

import json

from wbl.engine import Report


def render_json(report: Report) -> str:
    data = {"version": _version(), **report.to_dict()}
    return json.dumps(data, indent=2, ensure_ascii=False)


def _version() -> str:
    from wbl import __version__

    return __version__
