"""Output formats. A reporter turns a `Report` into text; it never looks into rules.

Every reporter is called as ``REPORTERS[name](report, RenderOptions(rules=..., color=...))``;
the options are optional. The CLI's ``--format`` choices are the keys of `REPORTERS`.
"""

from __future__ import annotations

import json as jsonlib  # `json` would be shadowed by the wbl.reporters.json submodule
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import import_module

from wbl.findings import FileReport, Report
from wbl.reporters.base import RenderOptions, Reporter, printable, use_color
from wbl.reporters.concise import render_concise
from wbl.reporters.explain import render_explanation
from wbl.reporters.json import render_json, stream_json
from wbl.reporters.statistics import Tally, render_statistics
from wbl.reporters.summary import HINTS_ONLY, KIND_NAMES, score_lines, score_text, step_summary, summary_line
from wbl.reporters.text import render_text
from wbl.rule import Rule


def _imported(name: str) -> Reporter:
    """The reporter of format `name` (``wbl.reporters.<name>.render_<name>``), its module imported
    when it first renders: `wbl check` imports only the formats it prints (SARIF and GitLab's
    import the baseline's fingerprints, JUnit an XML library)."""

    def render(report: Report, options: RenderOptions | None = None, /) -> str:
        reporter: Reporter = getattr(import_module(f"wbl.reporters.{name}"), f"render_{name}")
        return reporter(report, options)

    render.__name__ = render.__qualname__ = f"render_{name}"
    return render


REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "concise": render_concise,
    "json": render_json,
    **{name: _imported(name) for name in ("sarif", "github", "junit", "rdjson", "gitlab")},
}

# Formats whose output is the pieces of each file's output joined by a separator: they can be
# written while later files are still being linted (`stream`).
_PIECE_SEPARATORS = {"text": "\n\n", "concise": "\n", "github": "\n"}
STREAMING_FORMATS = frozenset({*_PIECE_SEPARATORS, "json"})


def stream(
    output_format: str,
    files: Iterable[FileReport],
    options: RenderOptions | None = None,
    notices: Callable[[], Sequence[str]] = tuple,
) -> Iterator[str]:
    """The output of ``REPORTERS[output_format]`` in pieces, one file at a time.

    The pieces joined are exactly the text the reporter gives for the whole report; only one
    file's report needs to be alive at a time. `notices` is called after the last file.
    """
    if output_format == "json":
        yield from stream_json(files, notices)
        return
    if output_format not in _PIECE_SEPARATORS:
        streamed = ", ".join(["json", *_PIECE_SEPARATORS])
        raise ValueError(
            f"stream() writes {streamed}; {output_format!r} is written whole: REPORTERS[{output_format!r}](report)"
        )
    render, separator = REPORTERS[output_format], _PIECE_SEPARATORS[output_format]
    first = True
    for file_report in files:
        if piece := render(Report((file_report,)), options):
            yield piece if first else separator + piece
            first = False


# Formats meant for people; the others are read by programs, so extra lines go to stderr.
HUMAN_FORMATS = frozenset({"text", "concise"})


def render_rules(rules: Sequence[Rule], output_format: str = "text") -> str:
    """The rule list for `wbl rules`."""
    if output_format == "json":
        return jsonlib.dumps(
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "category": r.category,
                    "severity": r.severity.value,
                    "summary": r.summary,
                    "needs": sorted(r.needs),
                    "origin": r.origin,
                }
                for r in rules
            ],
            indent=2,
        )
    width = max((len(r.name) for r in rules), default=4)
    lines = [f"{'code':<6} {'name':<{width}} {'category':<11} {'severity':<8} summary"]
    lines += [f"{r.code:<6} {r.name:<{width}} {r.category:<11} {r.severity.value:<8} {r.summary}" for r in rules]
    return printable("\n".join(lines))  # plugins' summaries reach the terminal


__all__ = [
    "HINTS_ONLY",
    "HUMAN_FORMATS",
    "KIND_NAMES",
    "REPORTERS",
    "STREAMING_FORMATS",
    "RenderOptions",
    "Reporter",
    "Tally",
    "render_explanation",
    "render_rules",
    "render_statistics",
    "score_lines",
    "score_text",
    "step_summary",
    "stream",
    "summary_line",
    "use_color",
]
