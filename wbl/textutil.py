"""Small text helpers shared by the engine and rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache, wraps
from typing import Any, ParamSpec, TypeVar

# Bullet characters that open a list item written without Markdown ("• Books meetings" on lines
# of one paragraph) or separate the items of an inline list ("Fast • Private • Free").
BULLETS = frozenset("•◦▪▫‣●○■□⁃∙")

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred thousand million billion trillion half quarter dozen percent"
).split()
_NUMBER = (
    r"(?<![\w.])[$€£¥]?\d[\d,.]*(?:\s?(?:%|percent|x|k|m|bn|ms|s|min|h|hrs?|kg|km|gb|mb|tb))?(?!\w)"
    r"|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b"
)


@cache
def _number() -> re.Pattern[str]:
    """`NUMBER`, compiled when first used: a run served from the result cache never uses it, and
    it takes a couple of milliseconds."""
    return re.compile(_NUMBER, re.IGNORECASE)


def __getattr__(name: str) -> Any:
    if name == "NUMBER":  # a number written with digits or in words
        return _number()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Texts up to this long have what is derived from them remembered (`remembered_for_short_texts`):
# the language server builds a document again after each edit, and all but the edited paragraph
# are texts it has scanned before. Longer texts are scanned each time, so memory stays bounded.
REMEMBERED_TEXT = 2_000  # characters
_Result = TypeVar("_Result")
_Parameters = ParamSpec("_Parameters")


def remembered_for_short_texts(function: Callable[_Parameters, _Result]) -> Callable[_Parameters, _Result]:
    """`function(text, *hashable_args)`, remembered (4,096 entries) for texts of at most
    `REMEMBERED_TEXT` characters. Its result must not be changed by callers (a bool, a number, a
    tuple)."""
    cached = lru_cache(maxsize=4096)(function)

    @wraps(function)
    def call(*args: _Parameters.args, **kwargs: _Parameters.kwargs) -> _Result:
        text = args[0]
        assert isinstance(text, str)
        return cached(*args, **kwargs) if len(text) <= REMEMBERED_TEXT else function(*args, **kwargs)

    return call


# The hyphen and the non-breaking hyphen (U+2010, U+2011) that some editors write for "-"
# ("state‑of‑the‑art"): listed words match them as the hyphen.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def normal_phrase(text: str) -> str:
    """A word or phrase as word lists compare it: lower case, one space between words, straight
    apostrophes and hyphens (what `phrase_pattern` matches, back to the entry that was listed)."""
    return " ".join(text.lower().replace("’", "'").translate(_HYPHENS).split())


# Letters of other scripts than the Latin alphabet (a word character that is no digit, no
# underscore and no letter of Basic Latin, Latin-1, Latin Extended-A/B or Latin Extended Additional).
_OTHER_SCRIPT_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


# Words that English writes often and the languages below do not, and the most frequent function
# words of Spanish, Portuguese, French, Italian, German, Dutch, Finnish, Indonesian, Czech and
# Polish that English does not write ("de", "que", "und", "ja", "yang", "že", "się"; not "do",
# "non", "to" or "by", which English writes too).
_ENGLISH_WORDS = frozenset(
    "the and of to that with for it this are be by from at your you our can not have has they their"
    " which who when what how more all one but if".split()
)
_FOREIGN_WORDS = frozenset(
    "de la que el en los las del se por con para una um uma não com da dos das est les des et une pour dans"
    " qui pas sur au aux der die und das ist nicht mit zu den von für auf ein eine il che di per sono della"
    " het een van niet ja ei että ovat sekä tai myös yang dan dengan untuk dari ini itu"
    " je že jsou který která které také jako nebo při jsme bude není jest się nie oraz są już też".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


# A web address ("https://...", "www.x", "b5ta.com"): where to find something, not technology.
WEB_ADDRESS = re.compile(r"https?://|www\.|\.(?:com|org|net|io|dev|app|ai)\b", re.IGNORECASE)


def not_english(text: str, least: int = 100) -> bool:
    """Whether `text` is not English prose. Letters of another script (Chinese, Cyrillic...): at
    least 200 of them, outnumbering Latin letters twice over, or beside English function words
    under 1 in 100 of the words (a Chinese digest full of English tool names and addresses; not
    an English release with its Thai version beside it). In the Latin alphabet, of at least
    `least` words: the function words of other languages at least 1 in 20 and three times
    English's own (a release in Portuguese or Finnish), or letters with marks beyond Basic Latin
    at least 1 in 10 of the letters with English function words under 1 in 50 of the words
    (Vietnamese: no list of its words needed) or outnumbered by another language's (Czech, which
    writes "to" and "by" too). A terse English outline or a table of names has few function
    words of either kind and few marked letters, so it stays English."""
    words = _WORD.findall(text.lower())
    english = sum(w in _ENGLISH_WORDS for w in words)
    others = len(_OTHER_SCRIPT_LETTER.findall(text))
    if others >= 200 and (others > 2 * len(_LATIN_LETTER.findall(text)) or english < 0.01 * len(words)):
        return True
    if len(words) < least:
        return False
    foreign = sum(w in _FOREIGN_WORDS for w in words)
    if foreign >= 0.05 * len(words) and foreign > 3 * english:
        return True
    latin = _LATIN_LETTER.findall(text)
    marked = sum(letter > "z" and letter not in "×÷" for letter in latin)
    if marked < 0.1 * len(latin):
        return False
    # Marked letters throughout: few English function words, or more of another language's.
    return english < 0.02 * len(words) or (foreign >= 0.05 * len(words) and foreign > english)


def has_number(text: str) -> bool:
    """True if `text` has a digit-based number or a spelled-out count (data, not adjectives)."""
    return _number().search(text) is not None


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for whole words and phrases; the longest phrase wins.

    Spaces in a phrase match any run of white space; an apostrophe matches ' or ’. The phrases
    are merged into a trie ("leverag(?:e(?:[ds])?|ing)..."), so a match attempt follows the
    text's characters instead of trying every phrase in turn (about six times faster on the
    buzzword list than one alternative per phrase, with the same matches).
    """
    from wbl import derived

    normal = sorted({" ".join(p.split()).lower() for p in phrases if p.strip()})
    if not normal:
        return _NO_PHRASE  # an empty alternation would match the empty string everywhere

    def source() -> str:
        trie: dict[str, dict] = {}  # type: ignore[type-arg]
        for phrase in normal:
            node = trie
            for char in phrase:
                node = node.setdefault("'" if char == "’" else char, {})
            node[""] = {}  # a phrase ends here
        return r"(?<![\w\-\u2010\u2011])(?:" + _trie_regex(trie) + r")(?![\w\-\u2010\u2011])"

    # The trie and its compiled expression are kept across runs (see `wbl.derived`).
    return derived.compiled(derived.remember("phrases", derived.digest(normal), source), re.IGNORECASE)


_NO_PHRASE = re.compile(r"(?!)")


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    # Branches start with different characters, so at most one can match; trying the longer
    # continuation before stopping (a greedy "?") makes the longest phrase win, as the word
    # boundary after the group backtracks to a shorter phrase when needed.
    branches = [_char_regex(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _char_regex(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "-":
        return "[\\-\u2010\u2011]"
    return "['’]" if char == "'" else re.escape(char)


_OPENING_QUOTES = {"“": "”", "„": "”", "«": "»"}


@lru_cache(maxsize=64)
def quotation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of `text` inside quotation marks: straight "…" pairs and typographic “…” pairs.

    An unclosed quotation runs to the end of the text (a paragraph that opens a quote and
    continues it in the next one). Remembered for the last texts asked about: a rule asks once per
    finding, and a long paragraph has many.
    """
    spans = []
    start: int | None = None
    closing = ""
    for match in _quote_mark().finditer(text):  # only the marks, not every character
        char, index = match.group(), match.start()
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
    return tuple(spans)


@cache
def _quote_mark() -> re.Pattern[str]:
    """Any quotation mark (compiled when first needed)."""
    return re.compile('["' + "".join(_OPENING_QUOTES) + "".join(set(_OPENING_QUOTES.values())) + "]")


@lru_cache(maxsize=65536)
def zipf_frequency(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency of `word` (0 for unknown words), remembered. English words of
    lower-case ASCII letters are read from wbl's copy of wordfreq's table (`wbl.wordtable`), so
    most runs never import wordfreq (about 0.3 s with its table); anything else asks wordfreq."""
    if lang == "en":
        from wbl import wordtable

        if wordtable.simple_word(word) and (table := wordtable.table()) is not None:
            return table.lookup(word)
    from wordfreq import zipf_frequency as lookup

    return float(lookup(word, lang))
