"""Markdown blocks (the document model's, `wbl.markdown.Block`) as HTML, with elements at exact offsets.

The review page (`wbl.htmlreport`) shows a document as prose, not as Markdown source, and still
puts every finding on the words it flags. It renders from the blocks the parser already made,
never from a second Markdown renderer: a prose block's plain text, its emphasis spans, its code
spans and its source map are all there. What the plain text leaves out is markup between the
pieces of the source map; links, inline HTML, images and bare URLs are found there (`markup_of`).

`plain_offset` turns a file offset into an offset of a block's plain text (the inverse of the
block's `SourceMap`), so findings, which carry file offsets, land on the rendered words.
`inline_html` writes plain text with elements over spans (properly nested: an element that ends
inside another is closed and reopened) and insertions at points. Every piece of document text
is HTML-escaped: markup in a document (even ``<script>``) is shown as text, never run.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wbl.markdown import Block, SourceMap


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def attr(value: object) -> str:
    return html.escape(str(value), quote=True)


# --- offsets -------------------------------------------------------------------------------------------


def plain_offset(smap: SourceMap, offset: int, *, end: bool = False) -> int:
    """The plain-text offset of a block for a file offset (`end`: an exclusive end offset).

    An offset in markup between two pieces goes to the boundary between them; one inside a piece
    that is not verbatim (an entity, an escape) to the piece's start, or, for an end, its end.
    """
    if not smap.plain_starts:
        return 0
    i = bisect_right(smap.source_starts, offset) - 1
    if i < 0:
        return 0
    source, source_length = smap.source_starts[i], smap.source_lengths[i]
    plain, plain_length = smap.plain_starts[i], smap.plain_lengths[i]
    if offset >= source + source_length:
        return plain + plain_length
    if source_length == plain_length:
        return plain + (offset - source)
    return plain + plain_length if end and offset > source else plain


# --- nested elements over plain text -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """An element over [start, end) of a text. `open(first)` gives the opening tag: `first` is
    False when the element is reopened after a crossing element closed it (give an `id` once)."""

    start: int
    end: int
    open: Callable[[bool], str]
    close: str
    rank: int = 0  # between spans over the same text: the lower rank is outside


@dataclass(frozen=True, slots=True)
class Point:
    """HTML inserted at an offset, after the elements that end there and before those that start."""

    offset: int
    html: str
    rank: int = 0  # order between points at one offset


def inline_html(text: str, spans: Sequence[Span] = (), points: Sequence[Point] = ()) -> str:
    """`text` escaped, with `spans` as nested elements and `points` inserted.

    Outer spans (earlier, then longer, then lower rank) open first; where a span ends inside
    another, the spans above it are closed and reopened, so the HTML is always well nested.
    Empty spans are left out (give them as points).
    """
    length = len(text)
    live = [s for s in spans if min(s.end, length) > max(s.start, 0)]
    order = {id(s): (s.start, -s.end, s.rank, n) for n, s in enumerate(live)}
    cuts = {0, length}
    cuts |= {min(max(b, 0), length) for s in live for b in (s.start, s.end)}
    at: dict[int, list[Point]] = {}
    for p in points:
        offset = min(max(p.offset, 0), length)
        at.setdefault(offset, []).append(p)
        cuts.add(offset)
    ordered = sorted(cuts)
    opened: set[int] = set()
    stack: list[Span] = []
    out: list[str] = []
    for k, cut in enumerate(ordered):
        active = sorted((s for s in live if s.start <= cut < s.end), key=lambda s: order[id(s)])
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend(s.close for s in reversed(stack[keep:]))
        del stack[keep:]
        out.extend(p.html for p in sorted(at.get(cut, ()), key=lambda p: p.rank))
        if k + 1 == len(ordered):
            break
        for s in active[keep:]:
            out.append(s.open(id(s) not in opened))
            opened.add(id(s))
            stack.append(s)
        out.append(escape(text[cut : ordered[k + 1]]))
    out.extend(s.close for s in reversed(stack))
    return "".join(out)


def opener(opening: str) -> Callable[[bool], str]:
    """A `Span.open` that gives the same tag every time."""
    return lambda first: opening


# --- the markup a prose block's plain text leaves out ------------------------------------------------

# In the source between two pieces of a block's plain text (code spans masked out):
_GAP_TOKENS = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\))"
    r"|(?P<close>\]\(\s*<?(?P<url>[^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)|\]\[[^\]]*\]|\])"
    r"|(?P<open>(?<!\\)\[)"
    r"|(?P<bare><?(?P<address>(?:https?|ftp)://[^\s<>]+|www\.[^\s<>]+)>?)",
    re.DOTALL,
)
_STRONG_MARKERS = ("**", "__")


@dataclass(frozen=True, slots=True)
class Markup:
    """What a prose block shows beside its plain text: emphasis and links (spans), and inline code,
    inline HTML, images and bare links (points)."""

    spans: tuple[Span, ...]
    points: tuple[Point, ...]


def markup_of(block: Block, source: str) -> Markup:
    """Emphasis, links, inline code, inline HTML, images and bare URLs of a prose block."""
    smap = block.source_map
    assert smap is not None
    spans: list[Span] = []
    points: list[Point] = []
    for start, end in block.emphasis:
        where = smap.source_start(start)
        strong = source[max(0, where - 2) : where] in _STRONG_MARKERS
        tag = "strong" if strong else "em"
        spans.append(Span(start, end, opener(f"<{tag}>"), f"</{tag}>", 2))
    code = [(c.start, c.end) for c in block.code_spans]
    for c in block.code_spans:
        # The plain text keeps one space where a line break follows inline code (``a`` then a
        # break gives "a" + nothing): put back the space the source has after the code.
        after = c.end
        while source[after : after + 1] == "`":
            after += 1
        spaced = source[after : after + 1].isspace() and not block.text[c.plain_offset : c.plain_offset + 1].isspace()
        points.append(Point(c.plain_offset, f"<code>{escape(c.code)}</code>" + (" " if spaced else ""), 5))
    gaps = [
        (smap.source_starts[k] + smap.source_lengths[k], smap.source_starts[k + 1], smap.plain_starts[k + 1])
        for k in range(len(smap.plain_starts) - 1)
    ]
    line_end = source.find("\n", block.end)
    gaps.append((block.end, len(source) if line_end < 0 else line_end, len(block.text)))
    opens: list[int] = []
    for gap_start, gap_end, boundary in gaps:
        if gap_end <= gap_start:
            continue
        gap = _masked(source, gap_start, gap_end, code)
        for match in _GAP_TOKENS.finditer(gap):
            kind = match.lastgroup
            if kind in ("comment", "tag"):
                points.append(Point(boundary, f'<code class="markup">{escape(match.group(0))}</code>', 4))
            elif kind == "image":
                alt = match.group("alt").strip() or "image"
                title = attr(match.group("src"))
                points.append(Point(boundary, f'<span class="image" title="{title}">[image: {escape(alt)}]</span>', 4))
            elif kind == "open":
                opens.append(boundary)
            elif kind == "close" and opens:
                start = opens.pop()
                url = match.group("url") or ""
                link_open = f'<span class="link" title="{attr(url)}">' if url else '<span class="link">'
                spans.append(Span(start, boundary, opener(link_open), "</span>", 1))
            elif kind == "bare":
                address = escape(match.group("address"))
                points.append(Point(boundary, f'<span class="link bare">{address}</span>', 4))
    return Markup(tuple(spans), tuple(points))


def _masked(source: str, start: int, end: int, regions: Sequence[tuple[int, int]]) -> str:
    """source[start:end] with the `regions` (inline code) blanked, so their text is not markup."""
    text = source[start:end]
    for region_start, region_end in regions:
        a, b = max(region_start, start), min(region_end, end)
        if a < b:
            text = text[: a - start] + " " * (b - a) + text[b - start :]
    return text


_LIST_MARKER = re.compile(r"(?P<marker>\d{1,9}[.)]|[-*+])[ \t]+(?:\[[ xX]\][ \t]+)?[*_~\[]*$")


def list_marker(block: Block, source: str) -> str | None:
    """The list item's marker as written ("3.", "-"), or None for a continuation paragraph."""
    line_start = source.rfind("\n", 0, block.start) + 1
    match = _LIST_MARKER.search(source, line_start, block.start)
    return match.group("marker") if match else None


__all__ = [
    "Markup",
    "Point",
    "Span",
    "attr",
    "escape",
    "inline_html",
    "list_marker",
    "markup_of",
    "opener",
    "plain_offset",
]
