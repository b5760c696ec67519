"""Readability checks that are code: the same word twice in a row."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from wbl.document import Document
from wbl.fixes import removal
from wbl.rule import Applicability, RuleContext, Violation

# A word (letters, with inner apostrophes or hyphens), white space, and the same word again.
# Not across a newline: a unit's text holds one only after a label line ("**About BidBlender**"
# over "BidBlender is ...").
# Not a name then an address that opens with it ("JackKnifeAI JackKnifeAI@gmail.com" in a contact block).
_REPEATED = re.compile(r"(?<![\w'’-])([^\W\d_]+(?:['’-][^\W\d_]+)*)([^\S\n]+)(\1)(?![\w'’@-])", re.IGNORECASE)
# A placeholder's letters ("+509 xxxx xxxx"): unfinished-draft reports them.
_PLACEHOLDER = re.compile(r"X{2,}|x{3,}")  # what unfinished-draft takes for a placeholder


# What the plain text leaves out between two words though the reader sees it: an image, an HTML
# tag or an autolink (not a comment), a footnote reference, struck-through text.
# A link's destination, which the reader does not see: "the [guide](https://...) guide" repeats.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_APART = re.compile(r"!\[|<(?!!--)[A-Za-z/]|\[\^|~~|\b(?:https?://|www\.)")


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` touches a combining mark (a vowel sign or tone mark of Thai, a
    matra of Devanagari): the regular expression's word edges ignore them, the script does not."""
    edges = (text[start - 1 : start], text[end : end + 1], text[start:end])
    return any(unicodedata.category(c).startswith("M") for edge in edges for c in edge)


def repeated_word(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a word written twice in a row: "the the", "to to".

    **Why.** A doubled word is a slip the eye skips over when the writer reads the draft again,
    and the first thing a reviewer notices: it says the document was not proofread.

    **Not flagged.** Words that may stand twice in good English (``exceptions``: "had had",
    "that that"), numbers, the same word across a sentence break or around inline code, an image,
    inline HTML, a footnote or a bare web address ("set the URL to https://example.com to avoid
    ..."; the plain text leaves them out, the reader sees them), a name then an e-mail address
    that opens with it ("JackKnifeAI JackKnifeAI@gmail.com"), a placeholder's letters ("xxxx
    xxxx", which unfinished-draft reports), and
    letters joined by a combining mark (Thai "ลงทุน นั่น" is two words, not "น น").

    **Fix.** Delete one. The finding carries a fix that deletes the second word and the space
    before it. It is safe (`wbl check --fix`) for the little words whose doubling is always a slip
    (``safe-fix-words``: "the the", "to to"); for any other word it is unsafe (`--unsafe-fixes`):
    "a known unknown and an unknown unknown" means what it says, and only the writer knows.

    Options: ``kinds``, ``exceptions``, ``safe-fix-words``, ``message``.
    """
    kinds = set(ctx["kinds"])
    allowed = {w.lower() for w in ctx.get("exceptions", ())}
    safe_words = {w.lower() for w in ctx.get("safe-fix-words", ())}
    for unit in document.units:
        if unit.kind not in kinds:
            continue
        code = [span.plain_offset for span in unit.code_spans]
        for match in _REPEATED.finditer(unit.text):
            word = match.group(1)
            if word.lower() in allowed or any(match.end(1) <= at <= match.start(3) for at in code):
                continue
            if _PLACEHOLDER.fullmatch(word):
                continue  # "+509 xxxx xxxx": a placeholder, which unfinished-draft reports
            if _inside_a_word(unit.text, match.start(1), match.end(3)):
                continue  # Thai, Devanagari...: a combining mark is part of the word
            # Everything the source holds between the two words: the plain text leaves some of it out.
            start = unit.source_span(match.start(1), match.end(1))[1]
            end = unit.source_span(match.start(3), match.end(3))[0]
            if _APART.search(_LINK_TARGET.sub("", document.text[start:end])):
                continue  # an image, inline HTML or a footnote stands between them ("and ![shot](a.png) and")
            # "The the" at a sentence's start is safe too; "US us" is not the same word twice.
            safe = word.lower() in safe_words and word[1:] == match.group(3)[1:]
            fix = removal(unit.text, match.start(3), match.end(3), Applicability.SAFE if safe else Applicability.UNSAFE)
            message = ctx["message"].format(words=match.group(0), word=word)
            yield Violation(message, unit, match.start(3), match.end(3), suggestion="", fix=fix)
