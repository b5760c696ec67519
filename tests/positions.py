"""Checks that a finding's span, sliced from the original text, is exactly the flagged text."""

from __future__ import annotations

import html
import itertools
import re

_LINK_DESTINATION = re.compile(r"\]\([^)]*\)")
_CODE = re.compile(r"`[^`]*`")
_TAG = re.compile(r"<[^>\n]*>")
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?)\]'\"]")
_LINE_MARKERS = re.compile(r"(\r\n|\r|\n)[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d+[.)])[ \t]+)?")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MARKUP_CHARS = re.compile(r"[*_\[\]~`\s>]")


def visible(source_slice: str) -> str:
    """What a reader sees of a slice of Markdown source, with markup characters dropped. Inline
    code is kept as written (a finding quotes the code it holds), outside the markup rules."""
    codes = [m.group(0).strip("`") for m in _CODE.finditer(source_slice)]
    seen = []
    for prose, code in itertools.zip_longest(_CODE.split(source_slice), codes, fillvalue=""):
        seen += [_visible_prose(prose), _MARKUP_CHARS.sub("", code)]
    return "".join(seen)


def _visible_prose(source_slice: str) -> str:
    text = _LINK_DESTINATION.sub("", source_slice)
    text = _TAG.sub("", text)
    text = _BARE_URL.sub("", text)
    text = _LINE_MARKERS.sub(" ", text)
    text = _ESCAPE.sub(r"\1", text)
    text = html.unescape(text)
    return _MARKUP_CHARS.sub("", text)


def span_problems(source: str, finding) -> list[str]:
    """Empty when the finding's span in `source` is exactly its flagged text."""
    problems = []
    if not (0 <= finding.start <= finding.end <= len(source)):
        return [f"{finding.rule} span {finding.start}-{finding.end} outside the file"]
    sliced = source[finding.start : finding.end]
    flagged = finding.text
    if visible(sliced) != _MARKUP_CHARS.sub("", flagged):
        problems.append(f"{finding.rule} at {finding.line}:{finding.column}: slice {sliced!r} != text {flagged!r}")
    if (
        flagged
        and sliced
        and flagged[0] not in "&\\"
        and sliced[0] != flagged[0]
        and not sliced.startswith(("&", "\\"))
    ):
        problems.append(f"{finding.rule}: slice starts with {sliced[0]!r}, text with {flagged[0]!r}")
    if (
        "\n" not in sliced
        and "\r" not in sliced
        and not re.search(r"[&\\*_`<\[]", sliced)
        and not _BARE_URL.search(sliced)
        and sliced != flagged
    ):
        problems.append(f"{finding.rule}: plain slice {sliced!r} != {flagged!r}")
    return problems
