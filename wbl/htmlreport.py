"""`wbl report`: one self-contained HTML page for reviewing a PR/FAQ.

The page shows the document's *source* text, line by line, with every finding highlighted at its
exact code-point offsets (`Finding.start` / `Finding.end`), coloured by category, with the message
as a tooltip and in a side list. The source is shown rather than mistune's rendered HTML because
the offsets are exact there: mapping them into rendered HTML would mean re-finding text, which
wbl never does. Headings and quotes are styled from the `Document`'s units so the page still
reads like a document.

Beside the text: a legend with counts per category (its check boxes hide a category's highlights
with CSS only), the PR/FAQ scorecard, and per-section readability (Flesch-Kincaid grade) and jargon
density as a CSS bar chart. The chart's figures come from the engine (readability) and from what
the selected rules measure (`Rule.figures`: jargon terms, content words, limits); the page never
runs or names a rule itself.

The page makes no network request: no script, no external style sheet, font or image, and a
Content-Security-Policy of ``default-src 'none'`` forbids any. Every piece of document text is
HTML-escaped, so markup in the document (even ``<script>``) is shown as text.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wbl.anatomy import BEZOS_PARTS, FAQ_PARTS, LABELS, PR_PARTS
from wbl.document import Document
from wbl.engine import Linter, metrics
from wbl.findings import FileReport, Finding
from wbl.reporters.base import plural
from wbl.rule import CATEGORIES, Figure, Severity
from wbl.source import SourceText
from wbl.version import __version__

# The figures the chart shows (`Figure.name`): a unit's grade level, and its jargon terms out of
# its content words.
GRADE, JARGON = "grade", "jargon"
PROSE_KINDS = ("paragraph", "list_item")
# A grade level over fewer words than this says nothing (a bold "FOR IMMEDIATE RELEASE" line).
MIN_GRADE_WORDS = 10

# One colour per category (highlight background and legend swatch).
COLORS: Mapping[str, str] = {
    "structure": "#8e44ad",
    "customer": "#1f77b4",
    "problem": "#d62728",
    "benefit": "#2ca02c",
    "tech-first": "#ff7f0e",
    "jargon": "#e377c2",
    "acronym": "#9467bd",
    "readability": "#17becf",
    "weasel": "#b8a900",
    "data": "#8c564b",
    "passive": "#7f7f7f",
    "tense": "#1a9850",
    "length": "#4575b4",
    "quote": "#d6604d",
    "voice": "#e08a00",
}
OTHER_COLOR = "#555555"


@dataclass(frozen=True, slots=True)
class SectionFigures:
    """Readability and jargon density of one section's own prose (not its sub-sections)."""

    title: str
    line: int | None  # the heading's line; None for text before the first heading
    part: str  # "pr" or "faq"
    words: int
    grade: float | None  # Flesch-Kincaid grade; None under MIN_GRADE_WORDS words
    jargon_terms: int
    content_words: int
    jargon_limit: float | None

    @property
    def jargon_density(self) -> float | None:
        if self.jargon_limit is None or not self.content_words:
            return None
        return self.jargon_terms / self.content_words


# --- figures ---------------------------------------------------------------------------------------


def section_figures(document: Document, figures: Sequence[Figure] = ()) -> list[SectionFigures]:
    """Per-section figures, in document order, for sections with prose of their own.

    The grade is the engine's readability of the section's prose (`wbl.engine.metrics`); the
    jargon figures sum what the rules measured of the section's units (`Linter.figures`: the
    "jargon" figures, terms out of content words, with the limit of the unit's part).
    """
    jargon = {f.unit.index: f for f in figures if f.name == JARGON and f.unit is not None}
    result = []
    for section in sorted(document.sections, key=lambda s: _section_start(document, s)):
        units = [document.units[i] for i in section.units]
        prose = [u for u in units if u.kind in PROSE_KINDS and u.text.strip()]
        if not prose:
            continue
        words_in_prose = sum(u.word_count for u in prose)
        measured = [jargon[u.index] for u in units if u.index in jargon]
        line = (
            document.source.position(document.units[section.heading].start)[0] if section.heading is not None else None
        )
        result.append(
            SectionFigures(
                section.title,
                line,
                section.part,
                words_in_prose,
                float(metrics(units)["flesch_kincaid_grade"]) if words_in_prose >= MIN_GRADE_WORDS else None,
                int(sum(f.value for f in measured)),
                int(sum(f.total or 0 for f in measured)),
                next((f.limit for f in measured if f.limit is not None), None),
            )
        )
    return result


def _section_start(document: Document, section: Any) -> int:
    if section.heading is not None:
        return document.units[section.heading].start
    return min((document.units[i].start for i in section.units), default=-1)


# --- the highlighted source ------------------------------------------------------------------------


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _category_class(category: str) -> str:
    return "c-" + "".join(ch if ch.isalnum() or ch == "-" else "_" for ch in category)


def _mark_open(index: int, finding: Finding, first: bool, point: bool = False) -> str:
    tip = f"{finding.rule} {finding.name} ({finding.severity.value}): {finding.message}"
    kind = "f point" if point else "f"
    return (
        f'<mark class="{kind} {_category_class(finding.category)} s-{finding.severity.value}"'
        + (f' id="f{index}"' if first else "")
        + f' data-finding="{index}" data-rule="{_attr(finding.rule)}" data-category="{_attr(finding.category)}"'
        f' title="{_attr(tip)}">'
    )


def highlight_lines(text: str, findings: Sequence[Finding]) -> list[str]:
    """The HTML of each source line (without its line break), findings as nested `<mark>`s.

    Marks never cross a line break: a finding over several lines is one mark per line, all with
    the same `data-finding`; only the first has the `id` the side list links to. Overlapping
    findings nest, outer (earlier, longer) ones outside; where a finding ends inside another,
    the marks above it are closed and reopened. An empty finding (or one that covers only line
    breaks) is an empty `<mark class="f point ...">` at its offset.
    """
    starts = SourceText(text).line_starts
    spans: list[tuple[int, int, int]] = []  # (start, end, finding index)
    by_line: dict[int, list[tuple[int, int, int]]] = {}  # line index -> spans over it
    points: dict[int, list[tuple[int, int]]] = {}  # line index -> [(offset, finding index)]
    for index, f in enumerate(findings):
        start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
        if end > start and text[start:end].strip("\r\n"):
            spans.append((start, end, index))
            for line in range(bisect_right(starts, start) - 1, bisect_right(starts, end - 1)):
                by_line.setdefault(line, []).append((start, end, index))
        else:
            points.setdefault(bisect_right(starts, start) - 1, []).append((start, index))
    order = {index: (start, -end, index) for start, end, index in spans}  # outer findings first
    opened: set[int] = set()

    def open_mark(index: int, point: bool = False) -> str:
        first = index not in opened
        opened.add(index)
        return _mark_open(index, findings[index], first, point)

    out: list[str] = []
    for n, line_start in enumerate(starts):
        next_start = starts[n + 1] if n + 1 < len(starts) else len(text)
        line_end = line_start + len(text[line_start:next_start].rstrip("\r\n"))
        here = [s for s in by_line.get(n, ()) if s[0] < line_end and s[1] > line_start]
        marks = [(min(offset, line_end), index) for offset, index in points.get(n, ())]
        cuts = {line_start, line_end} | {offset for offset, _ in marks}
        cuts |= {min(max(b, line_start), line_end) for s in here for b in s[:2]}
        ordered = sorted(cuts)
        stack: list[int] = []
        pieces: list[str] = []
        for k, cut in enumerate(ordered):
            active = sorted((s[2] for s in here if s[0] <= cut < s[1]), key=order.__getitem__)
            if cut >= line_end:
                active = []
            keep = 0
            while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
                keep += 1
            pieces.append("</mark>" * (len(stack) - keep))
            del stack[keep:]
            pieces.extend(open_mark(index, point=True) + "</mark>" for offset, index in marks if offset == cut)
            if k + 1 == len(ordered):
                break
            for index in active[keep:]:
                pieces.append(open_mark(index))
                stack.append(index)
            pieces.append(html.escape(text[cut : ordered[k + 1]], quote=False))
        out.append("".join(pieces))
    return out


def _line_classes(document: Document | None) -> dict[int, str]:
    """1-based line -> CSS class (heading level, quote), from the document's units."""
    classes: dict[int, str] = {}
    if document is None:
        return classes
    for unit in document.units:
        first = document.source.position(unit.start)[0]
        last = document.source.position(max(unit.start, unit.end - 1))[0]
        if unit.is_heading:
            css = f"h h{min(max(unit.level, 1), 6)}"
        elif unit.quote_depth:
            css = "q"
        else:
            continue
        for line in range(first, last + 1):
            classes.setdefault(line, css)
    return classes


# --- the page --------------------------------------------------------------------------------------

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#f6f6f4}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ddd;padding:10px 20px}
header h1{font-size:19px;margin:0 0 4px}
header .stats{color:#555;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px;padding:0;list-style:none}
.legend li label{display:inline-flex;align-items:center;gap:5px;padding:2px 8px;border-radius:12px;
 border:1px solid #ccc;font-size:13px;cursor:pointer;background:#fff}
.legend li.none label{opacity:.45}
.legend .sw{width:12px;height:12px;border-radius:3px;background:var(--c)}
.legend .count{font-weight:600}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 460px;gap:20px;padding:20px}
section,aside>div{background:#fff;border:1px solid #ddd;border-radius:8px;padding:14px 16px}
aside{display:flex;flex-direction:column;gap:20px}
h2{font-size:16px;margin:0 0 10px}
.src{font:14px/1.6 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;counter-reset:none}
.ln{display:grid;grid-template-columns:3.5em minmax(0,1fr);white-space:pre-wrap;overflow-wrap:anywhere}
.ln::before{content:attr(data-line);color:#aaa;text-align:right;padding-right:1em;user-select:none;
 font-size:13px;font-weight:400}
.ln:target{background:#fff6cc}
.ln.h{font-weight:700}.ln.h1{font-size:1.35em}.ln.h2{font-size:1.2em}.ln.h3{font-size:1.08em}
.ln.q .tx{color:#444;font-style:italic}
mark.f{color:inherit;background:color-mix(in srgb,var(--c) 18%,transparent);
 border-bottom:2px solid var(--c);border-radius:2px;padding:1px 0}
mark.f.s-error{border-bottom-width:3px}
mark.f.s-info{border-bottom-style:dotted}
mark.f.point::before{content:"\\25B8";color:var(--c);font-weight:700}
mark.f.point{background:none;border:0}
mark.f:target{outline:2px solid var(--c);outline-offset:1px}
table{border-collapse:collapse;width:100%;font-size:13px}
td,th{padding:3px 4px;text-align:left;vertical-align:middle}
th{font-weight:600;color:#555;border-bottom:1px solid #ddd}
.card tr.missing td{color:#b00020}
.card td:nth-child(n+2){white-space:nowrap}
.card .ok{color:#137333;font-weight:700}.card .no{color:#b00020;font-weight:700}
.card th.group{padding-top:8px;color:#333}
.chart td.t{max-width:150px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar{position:relative;height:14px;background:#eee;border-radius:3px;width:70px}
.bar i{position:absolute;left:0;top:0;bottom:0;border-radius:3px;background:#4a90d9}
.bar.over i{background:#d9534f}
.bar b{position:absolute;top:-2px;bottom:-2px;width:2px;background:#333}
.num{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.notes{margin:0;padding:0;list-style:none;font-size:13px}
.notes li{border-left:4px solid var(--c);padding:3px 8px;margin:0 0 6px;background:#fafafa}
.notes code{font-size:12px}
.muted{color:#777;font-size:12px}
@media (max-width:1000px){.layout{grid-template-columns:minmax(0,1fr)}header{position:static}}
"""


def _category_css(categories: Iterable[str]) -> str:
    rules = [f".{_category_class(c)}{{--c:{COLORS.get(c, OTHER_COLOR)}}}" for c in categories]
    hide = [
        f"body:has(#show-{_category_class(c)}:not(:checked)) mark.{_category_class(c)}"
        "{background:none;border-bottom-color:transparent}"
        for c in categories
    ]
    return "\n".join(rules + hide)


def _legend(findings: Sequence[Finding], categories: Sequence[str]) -> str:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.category] = counts.get(f.category, 0) + 1
    items = []
    for c in categories:
        n = counts.get(c, 0)
        cls = _category_class(c)
        items.append(
            f'<li class="{cls}{"" if n else " none"}" data-category="{_attr(c)}" data-count="{n}">'
            f'<label><input type="checkbox" id="show-{cls}" checked><span class="sw"></span>'
            f'{html.escape(c)} <span class="count">{n}</span></label></li>'
        )
    return f'<ul class="legend" id="legend">{"".join(items)}</ul>'


def _score(score: Mapping[str, Any] | None, kind: str | None) -> str:
    """The document's score (0-100) and its components' points, or what the document was taken for."""
    if score is None:
        taken = {"other": "ordinary Markdown, not a PR/FAQ", "fragment": "a fragment, too short to score"}
        return (
            f'<div class="card" id="score"><h2>Score</h2><p class="muted">Not scored: taken for '
            f"{html.escape(taken.get(kind or '', kind or 'unknown'))}.</p></div>"
        )
    rows = "".join(
        f'<tr data-component="{_attr(name)}"><td>{html.escape(name)}</td><td class="num">{points:+.0f}</td></tr>'
        for name, points in score.get("components", {}).items()
    )
    return (
        f'<div class="card" id="score"><h2>Score <span class="big">{int(score["score"])}</span>'
        f'<span class="muted"> / 100</span></h2><table><tr><td>baseline</td><td class="num">'
        f"{float(score.get('baseline', 0)):.0f}</td></tr>{rows}</table></div>"
    )


def _scorecard(card: Mapping[str, Any] | None) -> str:
    if card is None:
        return '<div class="card" id="scorecard"><h2>PR/FAQ parts</h2><p class="muted">Not available.</p></div>'
    rows = []
    for group, parts in (("Press release", PR_PARTS), ("FAQ", FAQ_PARTS), ("Internal FAQ questions", BEZOS_PARTS)):
        rows.append(f'<tr><th class="group" colspan="3">{group}</th></tr>')
        for part in parts:
            entry = card.get(part)
            if entry is None:
                continue
            present = bool(entry.get("present"))
            line = entry.get("line")
            where = f'<a href="#L{int(line)}">line {int(line)}</a>' if present and line else ""
            mark = '<span class="ok">✓</span>' if present else '<span class="no">✗ missing</span>'
            rows.append(
                f'<tr class="{"present" if present else "missing"}" data-part="{_attr(part)}">'
                f"<td>{html.escape(LABELS.get(part, part))}</td><td>{mark}</td><td>{where}</td></tr>"
            )
    found = sum(1 for v in card.values() if v.get("present"))
    return (
        f'<div class="card" id="scorecard"><h2>PR/FAQ parts <span class="muted">{found} of {len(card)} found'
        f"</span></h2><table>{''.join(rows)}</table></div>"
    )


def _bar(value: float | None, scale: float, limit: float | None, text: str) -> str:
    if value is None:
        return '<td></td><td class="num muted">n/a</td>'
    width = max(0.0, min(100.0, 100.0 * value / scale)) if scale else 0.0
    over = limit is not None and value > limit
    tick = f'<b style="left:{min(100.0, 100.0 * limit / scale):.1f}%"></b>' if limit is not None and scale else ""
    return (
        f'<td><div class="bar{" over" if over else ""}"><i style="width:{width:.1f}%"></i>{tick}</div></td>'
        f'<td class="num">{text}</td>'
    )


def _chart(figures: Sequence[SectionFigures], grade_limit: float | None) -> str:
    if not figures:
        return '<div class="chart" id="chart"><h2>Sections</h2><p class="muted">No prose paragraphs.</p></div>'
    grades = [f.grade for f in figures if f.grade is not None]
    grade_scale = max([*grades, grade_limit or 0.0, 16.0])
    densities = [d for f in figures if (d := f.jargon_density) is not None]
    limits = [f.jargon_limit for f in figures if f.jargon_limit is not None]
    jargon_scale = max([*densities, *limits, 0.2])
    rows = []
    for f in figures:
        title = f.title or "(before the first heading)"
        link = f'<a href="#L{f.line}">{html.escape(title)}</a>' if f.line else html.escape(title)
        density = f.jargon_density
        rows.append(
            f'<tr data-section="{_attr(title)}"><td class="t" title="{_attr(title)}">{link}</td>'
            f'<td class="num">{f.words}</td>'
            + _bar(f.grade, grade_scale, grade_limit, f"{f.grade:.1f}" if f.grade is not None else "")
            + _bar(density, jargon_scale, f.jargon_limit, f"{density:.0%}" if density is not None else "")
            + "</tr>"
        )
    note = "Bars turn red above the limit (black tick): "
    note += f"grade {grade_limit:g} (the limit for a paragraph); " if grade_limit is not None else ""
    note += "jargon density = jargon terms / content words, against the press release's or the FAQ's limit. "
    note += f"No grade under {MIN_GRADE_WORDS} words."
    return (
        '<div class="chart" id="chart"><h2>Readability and jargon by section</h2>'
        '<table><tr><th>section</th><th class="num">words</th><th colspan="2">FK grade</th>'
        f'<th colspan="2">jargon</th></tr>{"".join(rows)}</table><p class="muted">{html.escape(note)}</p></div>'
    )


def _notes(findings: Sequence[Finding]) -> str:
    if not findings:
        return '<div id="findings"><h2>Findings</h2><p class="muted">No findings.</p></div>'
    items = []
    for index, f in enumerate(findings):
        items.append(
            f'<li class="{_category_class(f.category)}" data-finding="{index}">'
            f'<a href="#f{index}">{f.line}:{f.column}</a> <code>{html.escape(f.rule)}</code> '
            f'<span class="muted">{html.escape(f.name)} · {html.escape(f.severity.value)}</span><br>'
            f"{html.escape(f.message)}</li>"
        )
    return f'<div id="findings"><h2>Findings ({len(findings)})</h2><ol class="notes">{"".join(items)}</ol></div>'


def render_review(
    report: FileReport,
    document: Document | None = None,
    figures: Sequence[SectionFigures] = (),
    *,
    grade_limit: float | None = None,
    version: str = "",
) -> str:
    """The review page for one linted file. `document` (optional) styles headings and quotes."""
    text = report.source_text or ""
    findings = report.findings
    categories = list(CATEGORIES) + sorted({f.category for f in findings} - set(CATEGORIES))
    lines = highlight_lines(text, findings)
    styles = _line_classes(document)
    body = "".join(
        f'<div class="ln{" " + styles[n] if n in styles else ""}" id="L{n}" data-line="{n}">'
        f'<span class="tx">{content or "&#8203;"}</span></div>'
        for n, content in enumerate(lines, start=1)
    )
    metrics = report.metrics
    stats = [plural(len(findings), "finding")]
    for severity in sorted(Severity, key=lambda s: -s.rank):
        n = sum(1 for f in findings if f.severity is severity)
        if n:
            stats.append(f"{n} info" if severity.value == "info" else plural(n, severity.value))
    if metrics:
        stats.append(f"{int(metrics.get('words', 0))} words")
        if "flesch_kincaid_grade" in metrics:
            stats.append(f"Flesch-Kincaid grade {float(metrics['flesch_kincaid_grade']):.1f}")
    errors = "".join(f'<p class="no">error: {html.escape(e)}</p>' for e in report.errors)
    title = f"wbl review: {report.path}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="wbl {_attr(version)}">
<title>{html.escape(title)}</title>
<style>{_CSS}
{_category_css(categories)}
</style>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<div class="stats">{html.escape(" · ".join(stats))}</div>
{errors}
{_legend(findings, categories)}
</header>
<div class="layout">
<section id="document"><h2>Document</h2><div class="src">{body}</div></section>
<aside>
{_score(report.score, report.kind)}
{_scorecard(report.scorecard)}
{_chart(figures, grade_limit)}
{_notes(findings)}
</aside>
</div>
</body>
</html>
"""


def review(linter: Linter, text: str, path: str) -> tuple[FileReport, str]:
    """Lint `text` and render its review page: one spaCy pass serves the rules and the figures.

    The grade limit drawn on the chart is the one the rules measure units' grades against.
    Raises `wbl.source.InputError` for input that cannot be parsed.
    """
    document = linter.analyse(text, path)
    report = linter.lint_document(document)
    figures = linter.figures(document)
    grade = next((f.limit for f in figures if f.name == GRADE and f.unit is not None and f.limit is not None), None)
    page = render_review(report, document, section_figures(document, figures), grade_limit=grade, version=__version__)
    return report, page


__all__ = ["SectionFigures", "highlight_lines", "render_review", "review", "section_figures"]
