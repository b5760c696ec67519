"""One JSON document: {"version", "files": [{"path", "error", "metrics", "findings": [...]}], "notices"}."""

from __future__ import annotations

import json

from wbl.engine import Report
from wbl.reporters.base import RenderOptions


def render_json(report: Report, options: RenderOptions | None = None) -> str:
    data = {"version": _version(), **report.to_dict()}
    return json.dumps(data, indent=2, ensure_ascii=False)


def _version() -> str:
    from wbl import __version__

    return __version__
