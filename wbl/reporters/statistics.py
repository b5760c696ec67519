"""``--statistics``: how many findings each rule gave, most frequent first."""

from __future__ import annotations

from collections import Counter

from wbl.findings import FileReport, Report
from wbl.reporters.base import plural, printable
from wbl.rule import Severity


class Tally:
    """The counts behind the statistics, gathered one file at a time (findings are not kept)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.severities: dict[str, Counter[str]] = {}
        self.files = 0

    def add(self, file_report: FileReport) -> None:
        if file_report.findings:
            self.files += 1
        for f in file_report.findings:
            self.counts[f.rule] += 1
            self.names[f.rule] = f.name
            self.severities.setdefault(f.rule, Counter())[f.severity.value] += 1

    def render(self) -> str:
        """One line per rule (count, code, name, severities), then a total; empty when clean."""
        if not self.counts:
            return ""
        width = len(str(max(self.counts.values())))
        name_width = max(len(n) for n in self.names.values())
        lines = []
        for code, count in sorted(self.counts.items(), key=lambda item: (-item[1], item[0])):
            kinds = ", ".join(f"{n} {s}" for s, n in sorted(self.severities[code].items()))
            lines.append(f"{count:>{width}}  {code}  {self.names[code]:<{name_width}}  ({kinds})")
        totals: Counter[str] = Counter()
        for by_rule in self.severities.values():
            totals.update(by_rule)
        ordered = sorted(Severity, key=lambda s: -s.rank)
        by_severity = ", ".join(f"{totals[s.value]} {s.value}" for s in ordered if totals[s.value])
        total = sum(self.counts.values())
        lines.append(f"{plural(total, 'finding')} ({by_severity}) in {plural(self.files, 'file')}")
        return printable("\n".join(lines))  # rule names come from plugins too


def render_statistics(report: Report) -> str:
    """One line per rule (count, code, name, severities), then a total; empty when clean."""
    tally = Tally()
    for file_report in report.files:
        tally.add(file_report)
    return tally.render()
