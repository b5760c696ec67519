"""Small text helpers shared by the engine and rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred thousand million billion trillion half quarter dozen percent"
).split()
NUMBER = re.compile(
    r"(?<![\w.])[$€£¥]?\d[\d,.]*(?:\s?(?:%|percent|x|k|m|bn|ms|s|min|h|hrs?|kg|km|gb|mb|tb))?(?!\w)"
    r"|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)


def has_number(text: str) -> bool:
    """True if `text` has a digit-based number or a spelled-out count (data, not adjectives)."""
    return NUMBER.search(text) is not None


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for whole words and phrases, longest first.

    Spaces in a phrase match any run of white space; an apostrophe matches ' or ’.
    """
    alternatives = []
    for phrase in sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['’]")
        alternatives.append(escaped)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


_OPENING_QUOTES = {"“": "”", "„": "”", "«": "»"}


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` inside quotation marks: straight "…" pairs and typographic “…” pairs.

    An unclosed quotation runs to the end of the text (a paragraph that opens a quote and
    continues it in the next one).
    """
    spans = []
    start: int | None = None
    closing = ""
    for index, char in enumerate(text):
        if start is None:
            if char == '"':
                start, closing = index, '"'
            elif char in _OPENING_QUOTES:
                start, closing = index, _OPENING_QUOTES[char]
        elif char == closing:
            spans.append((start, index + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


@lru_cache(maxsize=65536)
def zipf_frequency(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency of `word` (0 for unknown words), remembered; wordfreq (about
    0.15 s to import) is imported on first use, so runs served from the cache never pay for it."""
    from wordfreq import zipf_frequency as lookup

    return float(lookup(word, lang))
