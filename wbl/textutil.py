"""Small text helpers shared by the engine and rules."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
