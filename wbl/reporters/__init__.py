"""Output formats. A reporter turns a `Report` into text; it never looks into rules."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from wbl.engine import Report
from wbl.reporters.json import render_json
from wbl.reporters.text import render_text
from wbl.rule import Rule

REPORTERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
}


def render_rules(rules: Sequence[Rule], output_format: str = "text") -> str:
    """The rule list for `wbl rules`."""
    if output_format == "json":
        return json.dumps(
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
