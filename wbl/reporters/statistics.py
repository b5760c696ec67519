"""``--statistics``: how many findings each rule gave, most frequent first; and the counts behind
the summary line and the GitHub step summary (`wbl.reporters.summary`)."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from itertools import count
from typing import Any

from wbl.findings import JUDGED_KINDS, FileReport, Finding, Report
from wbl.reporters.base import plural, printable
from wbl.rule import Severity

# The findings a step summary lists, most severe first (GitHub caps a summary at 1 MiB).
TOP_FINDINGS = 30
# How many documents' scores the text summary shows at most (of the kinds in JUDGED_KINDS).
MAX_SCORES = 20
# The kind of document wbl does not judge (see `wbl.anatomy`): such a file is not "clean".
NOT_JUDGED = "other"
_VALUES = {s: s.value for s in Severity}
_RANKS = {s: s.rank for s in Severity}
_VALUE_RANKS = {s.value: s.rank for s in Severity}


class Tally:
    """The counts of a run, gathered one file at a time (findings are not kept, except the
    `TOP_FINDINGS` most severe ones)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.severities: dict[str, Counter[str]] = {}
        self.files = 0  # files with findings
        self.linted = 0  # files linted (with or without findings)
        self.failed = 0  # files that could not be linted (or where a rule failed)
        self.clean = 0  # files judged and linted without findings or errors
        # Files taken for other Markdown (a README, a guide) with no finding: wbl did not judge
        # them, so they are not called clean (`--kind` or configuration judges them anyway).
        self.not_judged = 0
        # Files wbl is not sure are PR/FAQs: their findings are hints only, so they never fail a run.
        self.hints_only = 0
        self.hidden = 0  # findings below the run's min-severity, not reported
        self.by_file: dict[str, Counter[str]] = {}  # severities of each file with findings
        self._top: list[tuple[int, int, Finding]] = []  # a min-heap on (rank, -order)
        # (path, kind, score, hints only) of the first `MAX_SCORES` documents judged as PR/FAQs, and
        # how many in all
        self.scores: list[tuple[str, str, Mapping[str, Any], bool]] = []
        self.scored = 0
        self._order = count()

    def add(self, file_report: FileReport) -> None:
        self.linted += 1
        self.hints_only += file_report.hints_only
        if file_report.score is not None and file_report.kind in JUDGED_KINDS:
            self.scored += 1
            if len(self.scores) < MAX_SCORES:
                self.scores.append((file_report.path, file_report.kind, file_report.score, file_report.hints_only))
        if file_report.errors:
            self.failed += 1
        elif not file_report.findings:
            if file_report.kind == NOT_JUDGED:
                self.not_judged += 1
            else:
                self.clean += 1
        findings = file_report.findings
        if not findings:
            return
        self.files += 1
        # Counted a column at a time (a cached run adds thousands of findings).
        rules = [f.rule for f in findings]
        values = [_VALUES[f.severity] for f in findings]
        self.by_file[file_report.path] = Counter(values)
        self.counts.update(rules)
        self.names.update(zip(rules, [f.name for f in findings], strict=True))
        for (code, value), n in Counter(zip(rules, values, strict=True)).items():
            by_rule = self.severities.get(code)
            if by_rule is None:
                by_rule = self.severities[code] = Counter()
            by_rule[value] += n
        top = self._top
        if len(top) >= TOP_FINDINGS and max(map(_VALUE_RANKS.__getitem__, set(values))) <= top[0][0]:
            return  # the list is full and none of this file's findings is more severe than its least
        for f in findings:
            rank = _RANKS[f.severity]
            if len(top) < TOP_FINDINGS:
                heapq.heappush(top, (rank, -next(self._order), f))
            elif rank > top[0][0]:  # a later finding displaces the least severe only when more severe
                heapq.heapreplace(top, (rank, -next(self._order), f))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def by_severity(self) -> Counter[str]:
        totals: Counter[str] = Counter()
        for by_rule in self.severities.values():
            totals.update(by_rule)
        return totals

    def top(self) -> list[Finding]:
        """The most severe findings of the run (at most `TOP_FINDINGS`), most severe first, then in run order."""
        return [f for _, _, f in sorted(self._top, key=lambda e: (-e[0], -e[1]))]

    def render(self) -> str:
        """One line per rule (count, code, name, severities), then a total; empty when clean."""
        if not self.counts:
            return ""
        width = len(str(max(self.counts.values())))
        name_width = max(len(n) for n in self.names.values())
        lines = []
        for code, n in sorted(self.counts.items(), key=lambda item: (-item[1], item[0])):
            kinds = ", ".join(plural(k, s) for s, k in sorted(self.severities[code].items()))
            lines.append(f"{n:>{width}}  {code}  {self.names[code]:<{name_width}}  ({kinds})")
        totals = self.by_severity()
        ordered = sorted(Severity, key=lambda s: -s.rank)
        by_severity = ", ".join(plural(totals[s.value], s.value) for s in ordered if totals[s.value])
        lines.append(f"{plural(self.total, 'finding')} ({by_severity}) in {plural(self.files, 'file')}")
        return printable("\n".join(lines))  # rule names come from plugins too


def render_statistics(report: Report) -> str:
    """One line per rule (count, code, name, severities), then a total; empty when clean."""
    tally = Tally()
    for file_report in report.files:
        tally.add(file_report)
    return tally.render()
