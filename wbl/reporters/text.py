"""The default, human format: findings grouped by file, each with its source line and a caret.

The first line of every finding is the machine-readable ``path:line:column: CODE [severity]
message`` (without colour it is exactly that, so ``grep`` and older scripts keep working); the
lines under it start with white space and show the source line with ``^`` under the flagged span,
then one ``also: CODE message`` line for each finding of a superseded rule folded into it.
Files are separated by a blank line. Colour is added only when asked (`RenderOptions.color`).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate

from wbl.findings import Finding, Report
from wbl.reporters.base import RenderOptions, is_unsafe, line_of, printable, source_of
from wbl.rule import Severity

MAX_WIDTH = 100  # display cells of source shown; longer lines are cut around the span
TAB = "    "

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM_BLUE = "\x1b[34m"
_VALUES = {s: s.value for s in Severity}
_SEVERITY_COLOR = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}


def headline(f: Finding) -> str:
    """``path:line:column: CODE [severity] message``: one line per finding, stable for scripts
    (control characters in the path or the message are escaped: see `printable`)."""
    return printable(f"{f.path}:{f.line}:{f.column}: {f.rule} [{_VALUES[f.severity]}] {f.message}", one_line=True)


def render_text(report: Report, options: RenderOptions | None = None) -> str:
    color = bool(options and options.color)
    blocks = []
    # A headline is `headline(f)` built from parts: `printable` escapes character by character, so
    # escaping the path, the code and the message apart gives the same text, and a file's path
    # and codes are escaped once however many findings they have (a cached run renders thousands).
    safe: dict[str, str] = {}
    for file_report in report.files:
        if not file_report.findings:
            continue
        source = source_of(file_report)
        lines: list[str] = []
        append = lines.append
        # Each source line is looked up (and checked for characters that need care) once, however
        # many findings it has.
        seen: dict[int, tuple[str | None, bool, int, str, str, str]] = {}
        for f in file_report.findings:
            if color:
                append(_colored_headline(f))
            else:
                path, rule, message = f.path, f.rule, f.message
                path = safe.get(path) or safe.setdefault(path, printable(path, one_line=True))
                rule = safe.get(rule) or safe.setdefault(rule, printable(rule, one_line=True))
                # Findings read from the result cache share their message strings (each one's hash is
                # computed once), so a look-up costs less than scanning the message again.
                message = safe.get(message) or safe.setdefault(message, printable(message, one_line=True))
                append(f"{path}:{f.line}:{f.column}: {rule} [{_VALUES[f.severity]}] {message}")
            line = f.line
            shown = seen.get(line)
            if shown is None:
                text = line_of(source, line)
                number = f"  {line}"  # Indented: only headlines start at the left margin.
                # `plain`: printable ASCII, one cell per character, shown by the fast path below.
                plain = text is not None and not color and _plain(text)
                # and the line as shown whole (a line has four findings on average)
                whole = f"{number} | {text}"
                shown = seen[line] = (
                    text,
                    plain,
                    len(text) if text is not None else 0,
                    number,
                    " " * len(number),
                    whole,
                )
            text, plain, length, number, gutter, whole = shown
            if plain:
                # `snippet` for a plain line without colour, inlined.
                start = f.column - 1
                if start > length:
                    start = length
                end = f.end_column - 1 if f.end_line == line else length
                if end > length:
                    end = length
                if length <= MAX_WIDTH:
                    width = end - start
                    append(whole)
                    append(f"{gutter} | {' ' * start}{'^' * width if width > 1 else '^'}")
                else:
                    cut_start = start - 20 if start > 20 else 0
                    cut_end = cut_start + MAX_WIDTH
                    if cut_end > length:
                        cut_end = length
                    width = (end if end < cut_end else cut_end) - start  # a long span: to the cut
                    # Built in one piece: most findings are on long lines (paragraphs).
                    pad = start - cut_start + 1 if cut_start else start
                    append(
                        f"{number} | {'…' if cut_start else ''}{text[cut_start:cut_end]}"  # type: ignore[index]
                        f"{'…' if cut_end < length else ''}"
                    )
                    append(f"{gutter} | {' ' * pad}{'^' * width if width > 1 else '^'}")
            else:
                lines.extend(snippet(text, f, color))
            if f.also:
                lines.extend(printable(f"  also: {folded.rule} {folded.message}", one_line=True) for folded in f.also)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _colored_headline(f: Finding) -> str:
    tint = _SEVERITY_COLOR[f.severity]
    path, message = printable(f.path, one_line=True), printable(f.message, one_line=True)
    return (
        f"{_BOLD}{path}{_RESET}:{f.line}:{f.column}: {tint}{printable(f.rule, one_line=True)}{_RESET} "
        f"[{tint}{f.severity.value}{_RESET}] {message}"
    )


def snippet(line_text: str | None, f: Finding, color: bool = False, plain: bool | None = None) -> list[str]:
    """The source line of `f` with carets under its span (to the end of the line if it goes on),
    at most `MAX_WIDTH` cells of it: a longer span is underlined to the cut. `plain`: whether the
    line is `_plain`, when the caller knows."""
    if line_text is None:
        return []
    length = len(line_text)
    start = f.column - 1
    if start > length:
        start = length
    end = f.end_column - 1 if f.end_line == f.line else length
    if end > length:
        end = length
    if end < start:
        end = start
    if plain if plain is not None else _plain(line_text):  # The common case: one cell per character.
        if length <= MAX_WIDTH:
            cut_start, cut_end, shown = 0, length, line_text
        else:
            cut_start, cut_end = _plain_window(length, start)
            shown = line_text[cut_start:cut_end]
        pad, span_width = start - cut_start, min(end, cut_end) - start
    else:
        cut_start, cut_end = _window(line_text, start)
        shown = _printable(line_text[cut_start:cut_end])
        pad, span_width = _width(line_text[cut_start:start]), _width(line_text[start : min(end, cut_end)])
    if cut_start:
        shown, pad = "…" + shown, pad + 1
    if cut_end < length:
        shown += "…"
    carets = "^" * span_width if span_width > 1 else "^"
    number = f"  {f.line}"  # Indented: only headlines start at the left margin.
    gutter = " " * len(number)
    if color:
        tint = _SEVERITY_COLOR[f.severity]
        return [
            f"{_DIM_BLUE}{number} |{_RESET} {shown}",
            f"{_DIM_BLUE}{gutter} |{_RESET} {' ' * pad}{tint}{carets}{_RESET}",
        ]
    return [f"{number} | {shown}", f"{gutter} | {' ' * pad}{carets}"]


def _plain_window(length: int, start: int) -> tuple[int, int]:
    """`_window` for a line of one-cell characters."""
    if length <= MAX_WIDTH:
        return 0, length
    cut_start = start - 20 if start > 20 else 0
    return cut_start, min(length, cut_start + MAX_WIDTH)


def _window(line: str, start: int) -> tuple[int, int]:
    """Code-point bounds of the part of `line` to show: `MAX_WIDTH` cells from a little before
    the span's start."""
    widths = list(accumulate(_cells(line), initial=0))  # widths[i]: cells of line[:i]
    if widths[-1] <= MAX_WIDTH:
        return 0, len(line)
    lead = 20
    cut_start = 0
    if widths[start] > lead:
        # The leftmost start that keeps at most `lead` cells before the span.
        cut_start = bisect_left(widths, widths[start] - lead, 0, start + 1)
    cut_end = min(len(line), bisect_right(widths, widths[cut_start] + MAX_WIDTH) - 1)
    return cut_start, max(cut_end, cut_start)


def _cell(ch: str) -> int:
    if ch == "\t":
        return len(TAB)
    if is_unsafe(ch):
        return 1  # shown as U+FFFD
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


_EMOJI_PRESENTATION = "\ufe0f"  # after a narrow symbol ("❤", "☀"), the terminal draws it two cells wide
_JOINER = "\u200d"  # "👨‍👩‍👧": the emoji after it joins the one before, in the same two cells


def _cells(text: str) -> Iterator[int]:
    """The cells each character of `text` takes (`_cell`, with emoji sequences drawn as one: a
    presentation selector widens the narrow symbol before it, a skin tone and an emoji after a
    joiner take no cell of their own)."""
    previous, before = 0, ""
    for ch in text:
        if ch == _EMOJI_PRESENTATION:
            cell = 1 if previous == 1 else 0
        elif before == _JOINER or ("\U0001f3fb" <= ch <= "\U0001f3ff" and previous):
            cell = 0
        else:
            cell = _cell(ch)
        previous, before = cell, ch
        yield cell


def _plain(text: str) -> bool:
    """Printable ASCII without tabs: every character takes one cell and prints as itself."""
    return text.isascii() and text.isprintable()


def _width(text: str) -> int:
    """Terminal cells `text` takes (wide CJK characters 2, combining marks 0, a tab 4)."""
    if _plain(text):
        return len(text)
    return sum(_cells(text))


def _printable(text: str) -> str:
    """Tabs as spaces and control characters (and the others `printable` escapes) as U+FFFD, so a
    file cannot drive the terminal; each takes one cell, so the carets stay under the span."""
    if _plain(text):
        return text
    return "".join(TAB if ch == "\t" else "\ufffd" if is_unsafe(ch) else ch for ch in text)
