"""English word frequencies (wordfreq's Zipf scale) without loading wordfreq on every run.

Importing wordfreq and building its English table costs about 0.3 s, a tenth of a cold
`wbl check`. The first run that needs a frequency writes a sorted plain-text copy of the table
(one ``word<TAB>zipf`` line per lower-case ASCII word, about 4 MB) to the user's cache directory
(``$XDG_CACHE_HOME/wbl``, else ``~/.cache/wbl``), named after the installed wordfreq version;
later runs read that file (a few milliseconds) and find words by binary search. Anything else
(words with capitals, digits or non-ASCII letters; no writable cache; a damaged file) goes to
wordfreq itself, so answers are always wordfreq's (tests compare the two). Delete the folder at
any time; nothing else is stored there.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_left
from importlib import metadata
from pathlib import Path

from wbl.safeio import read_regular, write_atomic
from wbl.source import InputError

FORMAT = "wbl-zipf-1"
_LOCK = threading.Lock()


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wbl"


def table_path() -> Path | None:
    try:
        version = metadata.version("wordfreq")
    except metadata.PackageNotFoundError:
        return None
    return cache_folder() / f"zipf-en-wordfreq-{version}.txt"


def simple_word(word: str) -> bool:
    """Lower-case ASCII letters only: wordfreq reads such a word as one token, itself."""
    return word.isascii() and word.isalpha() and word.islower()


class ZipfTable:
    """Sorted ``word\tzipf`` lines, searched by bisection (in C, over the list of lines)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")[1:]  # line 1 is a header

    def lookup(self, word: str) -> float:
        """The word's Zipf frequency; 0.0 when wordfreq does not list it."""
        probe = word + "\t"  # a tab sorts before every letter: the word's line is the first not below it
        index = bisect_left(self.lines, probe)
        if index < len(self.lines) and self.lines[index].startswith(probe):
            return float(self.lines[index][len(probe) :])
        return 0.0


def build_lines() -> str:
    """The table's text, from wordfreq: every simple word with its `zipf_frequency`."""
    import wordfreq

    zipf_of_frequency: dict[float, float] = {}
    lines = [FORMAT]
    for word, frequency in sorted(wordfreq.get_frequency_dict("en").items()):
        if not simple_word(word):
            continue
        zipf = zipf_of_frequency.get(frequency)
        if zipf is None:  # words with one frequency share one Zipf value: ask wordfreq once
            zipf = zipf_of_frequency[frequency] = float(wordfreq.zipf_frequency(word, "en"))
        lines.append(f"{word}\t{zipf}")
    return "\n".join(lines) + "\n"


_TABLE: ZipfTable | None = None
_TRIED = False


def table() -> ZipfTable | None:
    """The table: read from the cache, else built from wordfreq and written there (None when
    wordfreq's version cannot be read)."""
    global _TABLE, _TRIED
    with _LOCK:
        if _TRIED:
            return _TABLE
        _TRIED = True
        path = table_path()
        if path is None:
            return None
        try:
            text = read_regular(path).decode("utf-8")
            if text.startswith(FORMAT + "\n") and text.endswith("\n"):
                _TABLE = ZipfTable(text)
                return _TABLE
        except (InputError, UnicodeDecodeError):
            pass
        text = build_lines()
        _TABLE = ZipfTable(text)
        _write(path, text)
        return _TABLE


def _write(path: Path, text: str) -> None:
    try:
        # wbl makes its own folder, and the cache folder above it, but never the folder that
        # should hold them (a HOME that does not exist stays so): then there is no cache.
        cache = path.parent.parent
        if not cache.is_dir():
            if not cache.parent.is_dir():
                return
            cache.mkdir(exist_ok=True)
        path.parent.mkdir(exist_ok=True)
        write_atomic(path, text, durable=False)
    except OSError:
        return  # no writable cache: later runs build the table again


def reset() -> None:
    """Forget the loaded table (tests)."""
    global _TABLE, _TRIED
    with _LOCK:
        _TABLE, _TRIED = None, False
