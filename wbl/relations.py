"""Rule relations: one finding per gap when a rule supersedes another.

A rule may declare ``supersedes = ["WB211"]``: when it and a rule it supersedes report the same
gap, only its finding is kept, and the other's reason is folded into it (`Finding.also`, shown by
the reporters as "also: WB211 ..."), with the higher of the two severities and, when it has none
of its own, the other's fix. Two findings report
the same gap when their violations name the same `topic` ("missing:problem", for gaps of the
whole document) or when they flag overlapping words. The engine applies this after the rules
run and before suppressions (a comment that hides the finding hides the gap: a template's prompt
or a buzzword accepted on one line does not bring back the weasel word on the same words).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from wbl.findings import Finding, Folded


def same_gap(a: Finding, a_topic: str | None, b: Finding, b_topic: str | None) -> bool:
    """Whether two findings report one gap: the same topic when either names one (a document's
    gaps are all anchored at its headline, so their spans say nothing), else overlapping spans
    of the file."""
    if a_topic is not None or b_topic is not None:
        return a_topic == b_topic
    if (a.start, a.end) == (b.start, b.end):
        return True
    return max(a.start, b.start) < min(a.end, b.end)


def fold_superseded(
    entries: Sequence[tuple[Finding, str | None]], supersedes: Mapping[str, frozenset[str]]
) -> list[Finding]:
    """The findings left when each superseded one is folded into a finding that supersedes it.

    `entries` are (finding, topic) pairs in rule order; `supersedes` maps a rule code to the codes
    it supersedes. In a chain (A supersedes B supersedes C) the deepest findings fold first, so
    C's reason reaches A through B.
    """
    findings = [finding for finding, _ in entries]
    if not supersedes:
        return findings
    topics = [topic for _, topic in entries]
    depth = _depths(supersedes)
    # Each finding is compared only with the findings of the rules that supersede its rule (a
    # file with thousands of findings of one rule took time quadratic in their count).
    by_rule: dict[str, list[int]] = {}
    for i, finding in enumerate(findings):
        by_rule.setdefault(finding.rule, []).append(i)
    above: dict[str, list[str]] = {}
    for code, below in supersedes.items():
        for lower in below:
            above.setdefault(lower, []).append(code)
    folded_away: set[int] = set()
    for b in sorted(range(len(findings)), key=lambda i: -depth.get(findings[i].rule, 0)):
        codes = above.get(findings[b].rule, ())
        candidates = sorted(i for code in codes for i in by_rule.get(code, ()) if i not in folded_away)
        for a in candidates:
            if a != b and same_gap(findings[a], topics[a], findings[b], topics[b]):
                folded = Folded(findings[b].rule, findings[b].name, findings[b].message)
                # Folding never lowers what the user sees: the gap is as severe as its surest report
                # (a buzzword hint that folds in a jargon warning stays a warning).
                severity = max(findings[a].severity, findings[b].severity, key=lambda s: s.rank)
                also = (*findings[a].also, folded, *findings[b].also)
                # The folded finding's fix ("leverages" -> "uses") still resolves the kept one's words.
                fix = findings[a].fix if findings[a].fix is not None else findings[b].fix
                findings[a] = replace(findings[a], also=also, severity=severity, fix=fix)
                folded_away.add(b)
                break
    return [finding for i, finding in enumerate(findings) if i not in folded_away]


def _depths(supersedes: Mapping[str, frozenset[str]]) -> dict[str, int]:
    """How many rules stand above each rule in the longest chain of supersession (cycles cut)."""
    depth: dict[str, int] = {}

    def lower(code: str, level: int, path: frozenset[str]) -> None:
        for below in supersedes.get(code, frozenset()):
            if below not in path and depth.get(below, -1) < level + 1:
                depth[below] = level + 1
                lower(below, level + 1, path | {below})

    for code in supersedes:
        lower(code, depth.get(code, 0), frozenset({code}))
    return depth


__all__ = ["fold_superseded", "same_gap"]
