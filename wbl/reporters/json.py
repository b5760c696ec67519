"""One JSON document: {"version", "files": [{"path", "error", "metrics", "findings": [...]}], "notices"}."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence

from wbl.findings import FileReport, Report
from wbl.reporters.base import RenderOptions
from wbl.safeio import json_text
from wbl.version import __version__


def render_json(report: Report, options: RenderOptions | None = None) -> str:
    return "".join(stream_json(report.files, lambda: report.notices))


def stream_json(files: Iterable[FileReport], notices: Callable[[], Sequence[str]]) -> Iterator[str]:
    """``{"version", "files": [...], "notices": [...]}`` indented by 2, written one file at a time
    (so `wbl check` need not hold every report); `notices` is called after the last file."""
    yield f'{{\n  "version": {json.dumps(__version__)},\n  "files": ['
    empty = True
    for file_report in files:
        body = json_text(file_report.to_dict(), indent=2)
        yield ("\n" if empty else ",\n") + _indent(body, 4)
        empty = False
    listed = json_text(list(notices()), indent=2)
    yield ("]" if empty else "\n  ]") + f',\n  "notices": {_indent(listed, 2).lstrip()}\n}}'


def _indent(text: str, width: int) -> str:
    pad = " " * width
    return pad + text.replace("\n", "\n" + pad)
