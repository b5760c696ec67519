"""Decoding a file into text, and mapping code-point offsets to 1-based line/column.

Offsets everywhere inside wbl are 0-based code-point offsets into ``SourceText.text``: the file's
characters after the UTF-8 byte-order mark (editors do not show the BOM as a column). Line ends are
kept as they are (``\\n``, ``\\r\\n`` or a lone ``\\r``), so a span sliced out of ``text`` is exactly
what the file holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class InputError(Exception):
    """A user's file cannot be linted (not text, not UTF-8, too large...). One line, no traceback."""


def size_problem(size: int, max_bytes: int) -> str:
    """The one-line error for a file over the size limit."""
    return f"file is {size:,} bytes, over the size limit of {max_bytes:,} bytes (--max-file-size)"


# Byte-order marks of the wide encodings read, each with the codec that reads the mark itself.
_WIDE = (
    ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32", "UTF-32"),
    ((b"\xff\xfe", b"\xfe\xff"), "utf-16", "UTF-16"),
)


def decode(data: bytes, *, max_bytes: int | None = None) -> str:
    """Bytes of a Markdown file -> text, or `InputError` saying in one line what is wrong."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(size_problem(len(data), max_bytes))
    # UTF-32's little-endian mark begins with UTF-16's: test it first.
    for marks, encoding, name in _WIDE:
        if data.startswith(marks):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {name} at byte {exc.start}") from None
            return text.lstrip("\ufeff")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not Markdown text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError("binary file (contains NUL bytes), not Markdown text")
    return text


def encode_like(original: bytes, text: str) -> bytes:
    """`text` encoded as `original` was (what `decode` read): UTF-16 or UTF-32 with its byte-order mark in
    the same byte order, or UTF-8 with or without the UTF-8 byte-order mark."""
    if original.startswith(b"\xff\xfe\x00\x00"):
        return b"\xff\xfe\x00\x00" + text.encode("utf-32-le")
    if original.startswith(b"\x00\x00\xfe\xff"):
        return b"\x00\x00\xfe\xff" + text.encode("utf-32-be")
    if original.startswith(b"\xff\xfe"):
        return b"\xff\xfe" + text.encode("utf-16-le")
    if original.startswith(b"\xfe\xff"):
        return b"\xfe\xff" + text.encode("utf-16-be")
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    return bom + text.encode("utf-8")


@dataclass(frozen=True, slots=True)
class SourceText:
    """The text of one document and its line starts."""

    text: str
    line_starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        text = self.text
        if "\r" in text:
            starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        else:  # the common case: the length of each line and its line feed, summed up
            starts = list(accumulate([len(line) + 1 for line in text.split("\n")[:-1]], initial=0))
        object.__setattr__(self, "line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """0-based offset -> (1-based line, 1-based column in code points)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def code_units(text: str, encoding: str | None = None) -> int:
    """The length of `text` in code units of `encoding`: "utf-8", "utf-16" (the default, as SARIF
    and the language server protocol count unless told otherwise) or "utf-32" (code points)."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


def encoded_column(line_text: str | None, column: int, encoding: str | None = None) -> int:
    """A 1-based code-point column of a line -> the 1-based column in code units of `encoding`.

    Past the end of the line (or without the line's text) each position counts one unit.
    """
    if line_text is None:
        return column
    prefix = line_text[: column - 1]
    return code_units(prefix, encoding) + 1 + max(0, column - 1 - len(prefix))
