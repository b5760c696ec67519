"""``--statistics``: how many findings each rule gave, most frequent first."""

from __future__ import annotations

from collections import Counter

from wbl.engine import Report
from wbl.reporters.base import plural, severity_counts


def render_statistics(report: Report) -> str:
    """One line per rule (count, code, name, severities), then a total; empty when clean."""
    findings = report.findings
    if not findings:
        return ""
    counts = Counter(f.rule for f in findings)
    names = {f.rule: f.name for f in findings}
    severities: dict[str, Counter[str]] = {}
    for f in findings:
        severities.setdefault(f.rule, Counter())[f.severity.value] += 1
    width = len(str(max(counts.values())))
    name_width = max(len(n) for n in names.values())
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        kinds = ", ".join(f"{n} {s}" for s, n in sorted(severities[code].items()))
        lines.append(f"{count:>{width}}  {code}  {names[code]:<{name_width}}  ({kinds})")
    by_severity = ", ".join(f"{n} {s.value}" for s, n in severity_counts(findings).items() if n)
    files = sum(1 for r in report.files if r.findings)
    lines.append(f"{plural(len(findings), 'finding')} ({by_severity}) in {plural(files, 'file')}")
    return "\n".join(lines)
