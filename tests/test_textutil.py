"""Text helpers: `phrase_pattern` (a trie of phrases) matches exactly what one alternative per phrase
would; `remembered_for_short_texts` keeps answers for short texts only."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wbl.textutil import REMEMBERED_TEXT, phrase_pattern, remembered_for_short_texts


def alternation_pattern(phrases: list[str]) -> re.Pattern[str]:
    """The plain form: one alternative per phrase, longest first (the reference)."""
    normal = {" ".join(p.split()).lower().replace("’", "'") for p in phrases if p.strip()}
    alternatives = [
        re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in sorted(normal, key=len, reverse=True)
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


LETTERS = "abAB -'’."
words = st.text(alphabet=LETTERS, min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(st.lists(words, min_size=1, max_size=8), st.text(alphabet=LETTERS + "\n\tc", max_size=60))
def test_trie_matches_like_one_alternative_per_phrase(phrases, text):
    if not any(p.strip() for p in phrases):
        return  # see test_no_phrases_match_nothing
    expected = [m.span() for m in alternation_pattern(phrases).finditer(text)]
    assert [m.span() for m in phrase_pattern(phrases).finditer(text)] == expected


def test_longest_phrase_wins_and_words_stay_whole():
    pattern = phrase_pattern(["cloud", "cloud native", "cloud-native platform", "AI"])
    text = "A cloud  native tool, a cloud-native platform, cloudy skies, AI and ai-driven."
    assert [m.group(0) for m in pattern.finditer(text)] == ["cloud  native", "cloud-native platform", "AI"]
    assert [m.group(0) for m in phrase_pattern(["don't"]).finditer("I don’t and don't.")] == ["don’t", "don't"]


def test_no_phrases_match_nothing():
    """An empty list (or only blanks) matches nothing; an empty alternation would match the empty
    string between any two characters."""
    for phrases in ([], [" ", ""]):
        assert list(phrase_pattern(phrases).finditer("any text at all")) == []


def test_short_texts_are_remembered_and_long_ones_computed_each_time():
    """`remembered_for_short_texts` keeps the answers for texts up to REMEMBERED_TEXT characters
    (per text and argument) and computes longer texts afresh, so its memory stays bounded."""
    calls: list[tuple[str, int]] = []

    @remembered_for_short_texts
    def measure(text: str, factor: int) -> int:
        calls.append((text, factor))
        return len(text) * factor

    short, long = "a short paragraph", "x" * (REMEMBERED_TEXT + 1)
    assert measure(short, 2) == measure(short, 2) == 2 * len(short)
    assert measure(short, 3) == 3 * len(short)  # another argument: another answer
    assert measure(long, 1) == measure(long, 1) == len(long)
    assert calls == [(short, 2), (short, 3), (long, 1), (long, 1)]
