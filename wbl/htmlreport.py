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
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wbl.anatomy import BEZOS_PARTS, FAQ_PARTS, LABELS, PR_PARTS
from wbl.document import Document
from wbl.engine import Linter, metrics
from wbl.findings import FileReport, Finding
from wbl.htmlprose import Point, Span, inline_html, list_marker, markup_of, plain_offset
from wbl.markdown import parse
from wbl.reporters.base import plural
from wbl.rule import CATEGORIES, Figure, Rule, Severity
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
    part: str  # "pr", "faq" or "back"
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


# --- where each finding is shown ------------------------------------------------------------------

# How a finding is drawn: a tint on the words it flags ("word"), an underline under a longer
# stretch of a block ("phrase"), a bar beside a whole block or several ("block": its note in the
# margin says what is wrong with the paragraph), a marker at a position ("point"); a finding on
# the whole title (the rules anchor what is missing from the document there) is about the
# document ("document"), and its note stands above the text.
WORD, PHRASE, BLOCK, POINT, DOCUMENT = "word", "phrase", "block", "point", "document"
INLINE = (WORD, PHRASE, POINT)  # drawn in the text
MAX_WORD_SPAN = 3  # words; a longer span inside a block is a phrase
MIN_BLOCK_WORDS = 4  # a finding over a whole block of fewer words marks its words instead


_RULE_LINE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class _Row:
    """What the page shows on one line of its grid: a block (a table's cells together), the
    front matter, with the file offsets and lines it covers."""

    blocks: tuple[int, ...]  # indices into Document.blocks; () for the front matter
    start: int
    end: int
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class _Placed:
    index: int
    finding: Finding
    style: str
    rows: tuple[int, ...]  # the rows it covers; its card is beside the first
    block: int | None = None  # the block its words are in (word, phrase, point)
    span: tuple[int, int] = (0, 0)  # in that block's text (plain text for prose)


def _rows(document: Document) -> list[_Row]:
    source = document.source
    rows: list[_Row] = []
    if document.front_matter is not None and document.front_matter.end > 0:
        end = document.front_matter.end
        rows.append(_Row((), 0, end, 1, source.position(max(0, end - 1))[0]))
    for index, block in enumerate(document.blocks):
        start, end = block.start, block.end
        if block.kind == "thematic_break":  # the parser gives no position for a rule: find its line
            found = _RULE_LINE.search(source.text, start)
            start = end = found.start(1) if found else start
        first = source.position(start)[0]
        last = source.position(max(start, end - 1))[0]
        previous = rows[-1] if rows else None
        if (
            block.kind == "table_cell"
            and previous is not None
            and previous.blocks
            and document.blocks[previous.blocks[-1]].kind == "table_cell"
            and previous.blocks[-1] == index - 1
        ):
            rows[-1] = _Row(
                (*previous.blocks, index), previous.start, max(previous.end, block.end), previous.first_line, last
            )
            continue
        rows.append(_Row((index,), start, max(start, end), first, last))
    return rows


def _block_text(document: Document, index: int | None) -> str:
    """The text a block shows: its plain text (prose), else its source."""
    if index is None:
        front = document.front_matter
        return document.text[: front.end] if front is not None else ""
    block = document.blocks[index]
    return block.text if block.is_prose else document.text[block.start : block.end]


def _local_span(document: Document, index: int | None, start: int, end: int) -> tuple[int, int]:
    """File offsets -> offsets in the text a block shows."""
    if index is None:
        return max(0, start), max(0, end)
    block = document.blocks[index]
    if block.source_map is None:
        return max(0, start - block.start), max(0, end - block.start)
    return plain_offset(block.source_map, start), plain_offset(block.source_map, end, end=True)


def _place(document: Document, rows: Sequence[_Row], findings: Sequence[Finding]) -> list[_Placed]:
    placed = [_placed(document, rows, index, f) for index, f in enumerate(findings)]
    title = _title_row(document, rows)
    return [
        _Placed(p.index, p.finding, DOCUMENT, p.rows) if p.rows == (title,) and p.style in (BLOCK, POINT) else p
        for p in placed
    ]


def _title_row(document: Document, rows: Sequence[_Row]) -> int | None:
    """The row of the document's title: its first block, when that is a heading."""
    for r, row in enumerate(rows):
        if row.blocks:
            return r if document.blocks[row.blocks[0]].kind == "heading" else None
    return None


def _placed(document: Document, rows: Sequence[_Row], index: int, f: Finding) -> _Placed:
    """Where one finding goes: the rows it covers, the block and span of its words, its style."""
    covered = tuple(r for r, row in enumerate(rows) if row.start < f.end and f.start < row.end)
    if not covered:  # an empty span, or one in no block: the row at it, else the next one
        at = [r for r, row in enumerate(rows) if row.start <= f.start <= row.end]
        after = [r for r, row in enumerate(rows) if row.start >= f.start]
        covered = (at or after or [len(rows) - 1])[:1]
    if len(covered) > 1:
        return _Placed(index, f, BLOCK, covered)
    row = rows[covered[0]]
    inside = [b for b in row.blocks if document.blocks[b].start < f.end and f.start < document.blocks[b].end]
    at_point = [b for b in row.blocks if document.blocks[b].start <= f.start <= document.blocks[b].end]
    blocks: list[int | None] = list(inside or at_point or row.blocks[:1]) or [None]
    if len(blocks) > 1:  # several cells of a table
        return _Placed(index, f, BLOCK, covered)
    block = blocks[0]
    text = _block_text(document, block)
    start, end = _local_span(document, block, f.start, f.end)
    start, end = min(start, len(text)), min(end, len(text))
    if end <= start or not text[start:end].strip():
        return _Placed(index, f, POINT, covered, block, (start, start))
    core = text.strip()
    core_start = text.index(core[0]) if core else 0
    whole = start <= core_start and end >= core_start + len(core)
    if whole and len(core.split()) >= MIN_BLOCK_WORDS:
        style = BLOCK
    else:
        style = WORD if len(text[start:end].split()) <= MAX_WORD_SPAN else PHRASE
    return _Placed(index, f, style, covered, block, (start, end))


# --- drawing findings ------------------------------------------------------------------------------


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _category_class(category: str) -> str:
    return "c-" + "".join(ch if ch.isalnum() or ch == "-" else "_" for ch in category)


def _tip(f: Finding) -> str:
    return f"{f.rule} {f.name} ({f.severity.value}): {f.full_message}"


def _data(index: int, f: Finding) -> str:
    return (
        f' data-finding="{index}" data-rule="{_attr(f.rule)}" data-category="{_attr(f.category)}"'
        f' title="{_attr(_tip(f))}"'
    )


def _mark(p: _Placed) -> Span:
    f = p.finding
    css = f"f {p.style} {_category_class(f.category)} s-{f.severity.value}"

    def open_mark(first: bool) -> str:
        return f'<mark class="{css}"' + (f' id="f{p.index}"' if first else "") + _data(p.index, f) + ">"

    return Span(p.span[0], p.span[1], open_mark, "</mark>", 3)


def _inline_points(p: _Placed, text: str) -> list[Point]:
    f = p.finding
    if p.style == POINT:
        css = f"f point {_category_class(f.category)} s-{f.severity.value}"
        return [Point(p.span[0], f'<mark class="{css}" id="f{p.index}"{_data(p.index, f)}></mark>', 6)]
    # The finding's number after its words (after the whole word: "APIs", not "API¹s"), linking to
    # its card in the margin.
    end = p.span[1]
    while end < len(text) and text[end].isalnum():
        end += 1
    return [Point(end, f'<a class="fn {_category_class(f.category)}" href="#c{p.index}">{p.index + 1}</a>', 7)]


def _ticks(placed: Sequence[_Placed], row: int) -> str:
    """Bars beside a block, one per finding about the whole block (no colour wash over the text)."""
    bars = []
    for p in placed:
        if p.style != BLOCK or row not in p.rows:
            continue
        f = p.finding
        first = row == p.rows[0]
        bars.append(
            f'<a class="tick {_category_class(f.category)} s-{f.severity.value}"'
            + (f' id="f{p.index}"' if first else "")
            + f' href="#c{p.index}"{_data(p.index, f)}></a>'
        )
    return f'<span class="ticks">{"".join(bars)}</span>' if bars else ""


def _quoted(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fix(f: Finding) -> str:
    """The change a finding suggests, as a small before/after."""
    if f.suggestion is None or f.suggestion == f.text:
        return ""
    old = html.escape(_quoted(f.text))
    if not f.suggestion:
        return f'<p class="fix">Fix: delete <del>{old}</del></p>'
    return f'<p class="fix">Fix: <del>{old}</del> → <ins>{html.escape(f.suggestion)}</ins></p>'


def _head(f: Finding, index: int | None, counts: str = "") -> str:
    number = f'<a class="n" href="#f{index}">{index + 1}</a>' if index is not None else ""
    where = f'<a class="where" href="#L{f.line}">line {f.line}</a>' if index is not None else ""
    return (
        f'<div class="head">{number}<a class="rule" href="#rule-{_attr(f.rule)}">{html.escape(f.rule)} '
        f'{html.escape(f.name)}</a><span class="sev">{html.escape(counts or f.severity.value)}</span>{where}</div>'
    )


def _body(p: _Placed) -> str:
    """A finding's message, the findings folded into it, and its fix."""
    f = p.finding
    also = "".join(
        f'<p class="also">also <a href="#rule-{_attr(a.rule)}">{html.escape(a.rule)}</a> {html.escape(a.message)}</p>'
        for a in f.also
    )
    quote = f'<p class="flagged">“{html.escape(_quoted(f.text))}”</p>' if p.style == PHRASE else ""
    return f'{quote}<p class="msg">{html.escape(f.message)}</p>{also}{_fix(f)}'


def _card(p: _Placed) -> str:
    """The note for one finding: its number, rule (linking to the rule's documentation), severity,
    line, message and fix."""
    f = p.finding
    return (
        f'<div class="note {_category_class(f.category)} s-{f.severity.value}" id="c{p.index}"'
        f' data-finding="{p.index}" data-style="{p.style}">'
        + (f'<a class="la" id="f{p.index}"{_data(p.index, f)}></a>' if p.style == DOCUMENT else "")
        + _head(f, p.index)
        + _body(p)
        + "</div>"
    )


def _cards(placed: Sequence[_Placed]) -> str:
    """The notes beside one block, in document order; several findings of one rule share a note."""
    groups: dict[str, list[_Placed]] = {}
    for p in placed:
        groups.setdefault(p.finding.rule, []).append(p)
    out = []
    for group in groups.values():
        if len(group) == 1:
            out.append(_card(group[0]))
            continue
        first = group[0].finding
        worst = max((p.finding.severity for p in group), key=lambda s: s.rank)
        by_severity = [
            plural(n, s.value) if s is not Severity.INFO else f"{n} info"
            for s in sorted(Severity, key=lambda s: -s.rank)
            if (n := sum(1 for p in group if p.finding.severity is s))
        ]
        items = "".join(
            f'<li id="c{p.index}" data-finding="{p.index}" data-style="{p.style}" class="s-{p.finding.severity.value}">'
            f'<a class="n" href="#f{p.index}">{p.index + 1}</a><div>{_body(p)}</div></li>'
            for p in group
        )
        out.append(
            f'<div class="note group {_category_class(first.category)} s-{worst.value}"'
            f' data-rule="{_attr(first.rule)}">{_head(first, None, ", ".join(by_severity))}'
            f'<ol class="items">{items}</ol></div>'
        )
    return "".join(out)


# --- drawing blocks --------------------------------------------------------------------------------


def _line_anchors(document: Document, index: int, skip: set[int]) -> list[Point]:
    """An anchor (#L12) at each line break inside a prose block, so links to a line land there."""
    block = document.blocks[index]
    assert block.source_map is not None
    points = []
    for offset in block.breaks:
        line = document.source.position(block.source_map.source_start(offset))[0] + 1
        if line not in skip:
            skip.add(line)
            points.append(Point(offset + 1, f'<a class="la" id="L{line}"></a>', 0))
    return points


def _inline(document: Document, index: int, placed: Sequence[_Placed], anchored: set[int]) -> str:
    block = document.blocks[index]
    here = [p for p in placed if p.block == index and p.style in INLINE]
    spans = [_mark(p) for p in here if p.style in (WORD, PHRASE)]
    text = _block_text(document, index)
    points = [pt for p in here for pt in _inline_points(p, text)]
    if block.is_prose:
        markup = markup_of(block, document.text)
        spans += markup.spans
        points += [*markup.points, *_line_anchors(document, index, anchored)]
    return inline_html(text, spans, points)


def _block_html(document: Document, index: int, placed: Sequence[_Placed], anchored: set[int]) -> str:
    block = document.blocks[index]
    body = _inline(document, index, placed, anchored)
    if block.kind == "heading":
        level = min(max(block.level, 1), 6)
        return f"<h{level}>{body}</h{level}>"
    if block.kind == "list_item":
        marker = list_marker(block, document.text) or ""
        bullet = "•" if marker in ("-", "*", "+") else marker
        depth = max(block.list_depth, 1)
        return (
            f'<div class="li" style="--d:{depth}"><span class="bullet">{html.escape(bullet)}</span><p>{body}</p></div>'
        )
    if block.kind == "code":
        return f'<pre class="code">{body}</pre>'
    if block.kind == "html":
        return f'<pre class="html" title="HTML in the document, shown as text">{body}</pre>'
    if block.kind == "thematic_break":
        return "<hr>"
    return f"<p>{body}</p>"


def _table_html(document: Document, cells: Sequence[int], placed: Sequence[_Placed], anchored: set[int]) -> str:
    rows: list[list[int]] = []
    line = None
    for index in cells:
        here = document.source.position(document.blocks[index].start)[0]
        if here != line:
            rows.append([])
            line = here
        rows[-1].append(index)
    out = []
    for n, row in enumerate(rows):
        tag = "th" if n == 0 and len(rows) > 1 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{_inline(document, i, placed, anchored)}</{tag}>" for i in row) + "</tr>")
    return f'<table class="md">{"".join(out)}</table>'


def _row_html(document: Document, rows: Sequence[_Row], r: int, placed: Sequence[_Placed], anchored: set[int]) -> str:
    row = rows[r]
    previous_last = rows[r - 1].last_line if r else 0
    gutter = []
    for line in range(previous_last + 1, row.first_line + 1):  # blank lines before it land here too
        if line not in anchored:
            anchored.add(line)
            gutter.append(f'<a class="la" id="L{line}"></a>')
    if not row.blocks:
        content = f'<pre class="front">{_inline_front(document, placed)}</pre>'
        quote = 0
    else:
        first = document.blocks[row.blocks[0]]
        quote = first.quote_depth
        if first.kind == "table_cell":
            content = _table_html(document, row.blocks, placed, anchored)
        else:
            content = _block_html(document, row.blocks[0], placed, anchored)
    if not row.blocks or not document.blocks[row.blocks[0]].is_prose:  # code, HTML: anchor every line
        for line in range(row.first_line + 1, row.last_line + 1):
            if line not in anchored:
                anchored.add(line)
                gutter.append(f'<a class="la" id="L{line}"></a>')
    for _ in range(quote):
        content = f"<blockquote>{content}</blockquote>"
    cards = _cards([p for p in placed if p.rows[0] == r and p.style != DOCUMENT])
    number = f'<a class="lnum" href="#L{row.first_line}">{row.first_line}</a>'
    return (
        f'<div class="row" data-lines="{row.first_line}-{row.last_line}">'
        f'<div class="gutter">{"".join(gutter)}{number}</div>'
        f'<div class="prose">{_ticks(placed, r)}{content}</div>'
        f'<div class="margin">{cards}</div></div>'
    )


def _inline_front(document: Document, placed: Sequence[_Placed]) -> str:
    here = [p for p in placed if p.block is None and p.style in INLINE]
    spans = [_mark(p) for p in here if p.style in (WORD, PHRASE)]
    text = _block_text(document, None)
    return inline_html(text, spans, [pt for p in here for pt in _inline_points(p, text)])


def render_document(document: Document, findings: Sequence[Finding]) -> str:
    """The document as prose, one grid row per block: line number, text with findings, margin notes."""
    rows = _rows(document)
    if not rows:
        return '<p class="muted">The document is empty.</p>'
    placed = _place(document, rows, findings)
    anchored: set[int] = set()
    whole = [p for p in placed if p.style == DOCUMENT]
    band = (
        '<div class="row whole"><div class="gutter"></div><div class="docnotes">'
        f'<h2>The document as a whole ({len(whole)})</h2><div class="grid">{"".join(_card(p) for p in whole)}</div>'
        "</div></div>"
        if whole
        else ""
    )
    body = band + "".join(_row_html(document, rows, r, placed, anchored) for r in range(len(rows)))
    rest = "".join(
        f'<a class="la" id="L{line}"></a>'
        for line in range(1, len(document.source.line_starts) + 1)
        if line not in anchored
    )
    return body + rest


def render_source(text: str, findings: Sequence[Finding]) -> str:
    """Without a parsed document: the text as it is, with the findings marked on it."""
    placed = [
        _Placed(
            i, f, WORD if len(text[f.start : f.end].split()) <= MAX_WORD_SPAN else PHRASE, (0,), None, (f.start, f.end)
        )
        if f.end > f.start
        else _Placed(i, f, POINT, (0,), None, (f.start, f.start))
        for i, f in enumerate(findings)
    ]
    spans = [_mark(p) for p in placed if p.style != POINT]
    cards = "".join(_card(p) for p in placed)
    body = inline_html(text, spans, [pt for p in placed for pt in _inline_points(p, text)])
    return (
        '<div class="row"><div class="gutter"><a class="la" id="L1"></a></div>'
        f'<div class="prose"><pre class="code">{body}</pre></div><div class="margin">{cards}</div></div>'
    )


# --- the page --------------------------------------------------------------------------------------

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1f;
 background:#f4f4f1}
a{color:#1a5fb4;text-decoration:none}a:hover{text-decoration:underline}
header{position:sticky;top:0;z-index:3;background:#fff;border-bottom:1px solid #ddd;padding:10px 24px}
header h1{font-size:19px;margin:0 0 4px}
header .stats{color:#555;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px;padding:0;list-style:none}
.legend li label{display:inline-flex;align-items:center;gap:5px;padding:2px 8px;border-radius:12px;
 border:1px solid #ccc;font-size:13px;cursor:pointer;background:#fff}
.legend li.none label{opacity:.45}
.legend .sw{width:12px;height:12px;border-radius:3px;background:var(--c)}
.legend .count{font-weight:600}
h2{font-size:16px;margin:0 0 10px}
.overview{display:grid;grid-template-columns:minmax(200px,.8fr) minmax(260px,1.1fr) minmax(380px,1.6fr);
 gap:16px;padding:16px 24px 0;align-items:start}
.overview>div,.index,.rules{background:#fff;border:1px solid #ddd;border-radius:8px;padding:14px 16px}
.big{font-size:28px;font-weight:700;margin-left:6px}
.review{margin:16px 24px;background:#fff;border:1px solid #ddd;border-radius:8px;padding:20px 0}
.row{display:grid;grid-template-columns:4em minmax(0,44em) minmax(240px,1fr);column-gap:20px;padding:0 20px 0 8px}
.row:has(.la:target),.row:has(.f:target),.row:has(.note:target){background:#fffbe6}
.gutter{text-align:right;font-size:12px;color:#aaa;padding-top:.45em;font-variant-numeric:tabular-nums}
.gutter .lnum{color:#aaa}
.prose{position:relative;align-self:start;font:17px/1.6 Charter,"Bitstream Charter",Georgia,"DejaVu Serif",serif;
 color:#222;padding:0 0 .2em 10px}
.prose p{margin:0 0 .75em}
.prose h1,.prose h2,.prose h3,.prose h4,.prose h5,.prose h6{font-family:system-ui,-apple-system,"Segoe UI",Roboto,
 "DejaVu Sans",sans-serif;line-height:1.3;margin:.5em 0 .45em}
.prose h1{font-size:1.6em}.prose h2{font-size:1.3em}.prose h3{font-size:1.12em}
.prose h4,.prose h5,.prose h6{font-size:1em}
.prose blockquote{display:flow-root;margin:0;padding-left:14px;border-left:3px solid #cfcfcf;color:#444}
.prose .li{display:grid;grid-template-columns:1.6em minmax(0,1fr);margin-left:calc((var(--d) - 1) * 1.6em)}
.prose .li p{margin:0 0 .35em}
.prose .bullet{color:#666;text-align:right;padding-right:.45em}
.prose code{font:.86em ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;background:#f2f2f2;
 border-radius:3px;padding:0 3px}
.prose code.markup{color:#888;background:#f7f7f7;font-size:.75em}
.prose .link{color:#1a5fb4;border-bottom:1px solid #9bb7dd}
.prose .link.bare,.prose .image{font-size:.85em;color:#666}
.prose pre{font:13px/1.5 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;
 white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;border-radius:4px;padding:6px 10px;margin:0 0 .75em}
.prose pre.html,.prose pre.front{color:#777;background:#fafafa;border:1px dashed #ddd}
.prose hr{border:0;border-top:1px solid #ccc;margin:1em 0}
table.md{border-collapse:collapse;margin:0 0 .75em;font-size:.9em}
table.md td,table.md th{border:1px solid #ddd;padding:3px 8px;vertical-align:top}
mark.f{color:inherit;background:none;border-radius:2px;padding:0 1px}
mark.f.word{background:color-mix(in srgb,var(--c) 20%,transparent);border-bottom:2px solid var(--c)}
mark.f.word mark.f.word{background:none;border-bottom-width:3px}
mark.f.phrase{border-bottom:2px dashed var(--c)}
mark.f.s-error.word,mark.f.s-error.phrase{border-bottom-width:3px}
mark.f.s-info.word,mark.f.s-info.phrase{border-bottom-style:dotted}
mark.f.point::before{content:"\\25B8";color:var(--c);font-weight:700}
mark.f:target{outline:2px solid var(--c);outline-offset:1px}
a.fn{font:600 10px/1 system-ui,sans-serif;vertical-align:super;color:var(--c);margin:0 1px}
.ticks{position:absolute;left:-4px;top:.25em;bottom:.6em;display:flex;gap:2px;flex-direction:row-reverse}
.ticks .tick{display:block;width:4px;border-radius:2px;background:var(--c)}
.ticks .tick.s-info{opacity:.55}
.whole{margin-bottom:14px}
.docnotes{grid-column:2/-1;border-bottom:1px solid #eee;padding-bottom:14px}
.docnotes h2{font-size:14px;color:#555;font-weight:600;margin:0 0 8px 10px}
.docnotes .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:8px;margin-left:10px}
.margin{display:flex;flex-direction:column;gap:6px;padding:.2em 0 .9em;align-self:start}
.note{font-size:13px;line-height:1.4;background:#fbfbfa;border:1px solid #e4e4e0;border-left:4px solid var(--c);
 border-radius:6px;padding:6px 9px}
.note:target{box-shadow:0 0 0 2px var(--c)}
.note .head{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px;margin-bottom:2px}
.note .n{font-weight:700;color:var(--c);min-width:1.2em}
.note .rule{font-weight:600;color:#333}
.note .sev{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#777}
.note.s-error .sev{color:#b00020;font-weight:700}.note.s-warning .sev{color:#9a6700}
.note .where{margin-left:auto;font-size:11px;color:#999}
.note p{margin:1px 0}
.note .items{list-style:none;margin:4px 0 0;padding:0}
.note .items li{display:grid;grid-template-columns:1.6em minmax(0,1fr);padding:3px 0;border-top:1px solid #eee}
.note .items li:target{background:#fff3c4}
.note .flagged{color:#555;font-style:italic}
.note .also{color:#666;font-size:12px}
.note .fix{margin-top:4px}
.note del{background:#fde2e1;color:#8a1c1c;text-decoration:line-through}
.note ins{background:#dcf5dc;color:#135d13;text-decoration:none;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:13px}
td,th{padding:3px 4px;text-align:left;vertical-align:middle}
th{font-weight:600;color:#555;border-bottom:1px solid #ddd}
.card tr.missing td{color:#b00020}
.card td:nth-child(n+2){white-space:nowrap}
.card .ok{color:#137333;font-weight:700}.card .no{color:#b00020;font-weight:700}
.card .todo{color:#a15c00;font-weight:700}
.card th.group{padding-top:8px;color:#333}
.chart td.t{max-width:170px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar{position:relative;height:14px;background:#eee;border-radius:3px;width:70px}
.bar i{position:absolute;left:0;top:0;bottom:0;border-radius:3px;background:#4a90d9}
.bar.over i{background:#d9534f}
.bar b{position:absolute;top:-2px;bottom:-2px;width:2px;background:#333}
.num{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.index,.rules{margin:16px 24px}
.index summary{cursor:pointer}.index summary h2{display:inline;margin:0}
.index details[open] summary{margin-bottom:10px}
.notes{margin:0;padding:0;list-style:none;font-size:13px;columns:2 420px;column-gap:24px}
.notes li{break-inside:avoid;border-left:4px solid var(--c);padding:3px 8px;margin:0 0 6px;background:#fafafa}
.notes code{font-size:12px}
.rules .rule{border-top:1px solid #eee;padding:10px 0 4px}
.rules .rule h3{font-size:15px;margin:0 0 4px}
.rules .rule:target{background:#fffbe6}
.rules .doc{font-size:14px;max-width:52em}
.rules .doc p{margin:.3em 0 .5em}
.muted{color:#777;font-size:12px}
@media (max-width:1200px){.overview{grid-template-columns:1fr 1fr}.overview .chart{grid-column:1/-1}}
@media (max-width:900px){.overview{grid-template-columns:1fr}.row{grid-template-columns:3em minmax(0,1fr)}
 .margin{grid-column:2}header{position:static}}
"""


def _category_css(categories: Iterable[str], findings: int) -> str:
    """Each category's colour; what its legend box hides; a finding's mark and note lit together."""
    rules = [f".{_category_class(c)}{{--c:{COLORS.get(c, OTHER_COLOR)}}}" for c in categories]
    for c in categories:
        cls = _category_class(c)
        off = f"body:has(#show-{cls}:not(:checked))"
        rules.append(f"{off} mark.{cls}{{background:none;border-bottom-color:transparent}}")
        rules.append(f"{off} .note.{cls},{off} .tick.{cls},{off} a.fn.{cls},{off} mark.point.{cls}{{display:none}}")
    rules += [
        f'.row:has([data-finding="{i}"]:hover) [data-finding="{i}"]{{outline:2px solid var(--c);outline-offset:1px}}'
        for i in range(findings)
    ]
    return "\n".join(rules)


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
    if card is None:  # not judged as PR/FAQ text (the score card says what it was taken for)
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
            if not present:
                mark = '<span class="no">✗ missing</span>'
            elif entry.get("placeholder"):  # "[Executive Name]", "visit TODO": there, but not written yet
                mark = '<span class="todo">◐ placeholder</span>'
            else:
                mark = '<span class="ok">✓</span>'
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
    """Every finding in document order, each linking to where it is drawn."""
    if not findings:
        return '<section class="index" id="findings"><h2>Findings</h2><p class="muted">No findings.</p></section>'
    items = []
    for index, f in enumerate(findings):
        items.append(
            f'<li class="{_category_class(f.category)}" data-finding="{index}">'
            f'<a href="#f{index}">{index + 1}. line {f.line}:{f.column}</a> <code>{html.escape(f.rule)}</code> '
            f'<span class="muted">{html.escape(f.name)} · {html.escape(f.severity.value)}</span><br>'
            f"{html.escape(f.message)}</li>"
        )
    return (
        f'<section class="index" id="findings"><details><summary><h2>All findings ({len(findings)}), '
        f'in document order</h2></summary><ol class="notes">{"".join(items)}</ol></details></section>'
    )


def _rules(findings: Sequence[Finding], rules: Sequence[Rule]) -> str:
    """The documentation of each rule with findings, which every note links to (inside the page, so
    the link works offline and never goes stale)."""
    known = {r.code: r for r in rules}
    shown = [*findings, *(a for f in findings for a in f.also)]  # folded findings link here too
    entries = []
    for code in sorted({f.rule for f in shown}):
        r = known.get(code)
        name = r.name if r else next(f.name for f in shown if f.rule == code)
        head = f'<div class="rule" id="rule-{_attr(code)}"><h3>{html.escape(code)} {html.escape(name)}</h3>'
        if r is None:
            entries.append(head + '<p class="muted">No documentation is installed for this rule.</p></div>')
            continue
        meta = f"{r.category} · default severity {r.severity.value}"
        entries.append(
            f'{head}<p class="muted">{html.escape(meta)} · <code>wbl explain {html.escape(code)}</code></p>'
            f"<p><strong>{html.escape(r.summary)}</strong></p>"
            f'<div class="doc">{render_markdown(r.doc)}</div></div>'
        )
    if not entries:
        return ""
    return f'<section class="rules" id="rules"><h2>The rules behind the findings</h2>{"".join(entries)}</section>'


def render_markdown(text: str) -> str:
    """A short Markdown text (a rule's documentation) as HTML, through the same blocks as documents."""
    parsed = parse(text)
    out = []
    for block in parsed.blocks:
        if block.kind == "code":
            out.append(f'<pre class="code">{html.escape(block.raw)}</pre>')
        elif block.is_prose:
            markup = markup_of(block, text)
            body = inline_html(block.text, markup.spans, markup.points)
            out.append(f"<li>{body}</li>" if block.kind == "list_item" else f"<p>{body}</p>")
    return "".join(out)


def render_review(
    report: FileReport,
    document: Document | None = None,
    figures: Sequence[SectionFigures] = (),
    *,
    grade_limit: float | None = None,
    version: str = "",
    rules: Sequence[Rule] = (),
) -> str:
    """The review page for one linted file: the `document` as prose with its findings (the source
    text as it is, without one), its score, parts and sections, and the `rules`' documentation."""
    text = report.source_text or ""
    findings = report.findings
    categories = list(CATEGORIES) + sorted({f.category for f in findings} - set(CATEGORIES))
    body = render_document(document, findings) if document is not None else render_source(text, findings)
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
{_category_css(categories, len(findings))}
</style>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<div class="stats">{html.escape(" · ".join(stats))}</div>
{errors}
{_legend(findings, categories)}
</header>
<div class="overview">
{_score(report.score if report.judged else None, report.kind)}
{_scorecard(report.scorecard if report.judged else None)}
{_chart(figures, grade_limit)}
</div>
<main class="review" id="document">{body}</main>
{_notes(findings)}
{_rules(findings, rules)}
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
    page = render_review(
        report,
        document,
        section_figures(document, figures),
        grade_limit=grade,
        version=__version__,
        rules=linter.rules,
    )
    return report, page


__all__ = ["SectionFigures", "render_document", "render_markdown", "render_review", "review", "section_figures"]
