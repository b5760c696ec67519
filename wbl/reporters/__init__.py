"""Output formats. A reporter turns a `Report` into text; it never looks into rules.

Every reporter is called as ``REPORTERS[name](report, RenderOptions(rules=..., color=...))``;
the options are optional. The CLI's ``--format`` choices are the keys of `REPORTERS`.
"""

from __future__ import annotations

import json as jsonlib  # `json` would be shadowed by the wbl.reporters.json submodule
from collections.abc import Sequence

from wbl.reporters.base import RenderOptions, Reporter, use_color
from wbl.reporters.concise import render_concise
from wbl.reporters.explain import render_explanation
from wbl.reporters.github import render_github
from wbl.reporters.json import render_json
from wbl.reporters.junit import render_junit
from wbl.reporters.sarif import render_sarif
from wbl.reporters.statistics import render_statistics
from wbl.reporters.text import render_text
from wbl.rule import Rule

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "concise": render_concise,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
}

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
    return "\n".join(lines)


__all__ = [
    "HUMAN_FORMATS",
    "REPORTERS",
    "RenderOptions",
    "Reporter",
    "render_explanation",
    "render_rules",
    "render_statistics",
    "use_color",
]
