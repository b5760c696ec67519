"""Weasel words: the existence kind's word lists, refined with the parse."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from wbl.document import Document, Sentence
from wbl.kinds import existence_matches
from wbl.rule import RuleContext, Violation
from wbl.textutil import has_number

# "one of the leading causes": "one" picks an item out of a group; it is not data.
_ONE_OF = re.compile(r"\bone\s+of\b", re.IGNORECASE)

# Dependency labels that start a clause of their own below the clause a word sits in.
_CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "ROOT")


def clause_of(token: Any) -> Any:
    """The head of the clause `token` belongs to: the nearest verb (or root) that starts a clause."""
    current = token
    while True:
        if (current.dep_ in _CLAUSE_DEPS and current.pos_ in ("VERB", "AUX")) or current.head.i == current.i:
            return current
        current = current.head


def clause_text(head: Any) -> str:
    """The words of `head`'s clause, without the clauses nested in it."""
    nested = [c for c in head.subtree if c.i != head.i and c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")]
    excluded = {t.i for n in nested for t in n.subtree}
    return "".join(t.text_with_ws for t in head.subtree if t.i not in excluded)


class _Parses:
    """Per-document lookups, cached: a long paragraph can hold thousands of matches."""

    def __init__(self) -> None:
        self.sentences: dict[int, tuple[list[int], tuple[Sentence, ...]]] = {}
        self.clause_has_number: dict[tuple[int, int], bool] = {}

    def sentence_of(self, violation: Violation) -> Sentence | None:
        unit = violation.unit
        assert unit is not None
        if unit.index not in self.sentences:
            sentences = unit.sentences
            self.sentences[unit.index] = ([s.start for s in sentences], sentences)
        starts, sentences = self.sentences[unit.index]
        position = bisect.bisect_right(starts, violation.start) - 1
        if position >= 0 and violation.start < sentences[position].end:
            return sentences[position]
        return None

    def number_in_clause(self, unit_index: int, token: Any) -> bool:
        head = clause_of(token)
        key = (unit_index, head.i)
        if key not in self.clause_has_number:
            self.clause_has_number[key] = has_number(_ONE_OF.sub("", clause_text(head)))
        return self.clause_has_number[key]


def weasel_word(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags weasel words: vague quantifiers, intensifiers, hedges, unattributed authority and
    peacock words, unless data in the same clause backs them.

    **Why.** Amazon's writing guidance says to replace adjectives with data: "nearly all
    customers" becomes "87% of Prime members". A reviewer reads a weasel word as a claim the
    author could not support.

    The word lists are the rule's ``groups`` (the existence kind). The parse then refines them:
    a number excuses a word only in its own clause ("most teams will never face it" is still
    vague when the sentence's other clause gives a price), words listed under ``pos`` count only
    in that grammatical role ("most teams", not "most important"), and "may" after a
    ``permission-subjects`` subject grants permission ("you may cancel") rather than hedging.

    **Fix.** Give the number, name the source, or cut the word.
    """
    scope = ctx.get("number-scope", "clause")
    pos = {k.lower(): set(v) for k, v in dict(ctx.get("pos", {})).items()}
    permission = {s.lower() for s in ctx.get("permission-subjects", ())}
    parses = _Parses()
    for violation in existence_matches(document, ctx):
        assert violation.unit is not None
        matched = violation.unit.text[violation.start : violation.end]
        sentence = parses.sentence_of(violation)
        if sentence is None or sentence.span is None:
            if scope == "none" or not has_number(sentence.text if sentence else matched):
                yield violation
            continue
        span = sentence.span.doc.char_span(violation.start, violation.end, alignment_mode="expand")
        if span is None or not len(span):
            yield violation
            continue
        token = span[0]
        word = matched.lower()
        if word in pos and token.tag_ not in pos[word]:
            continue
        if token.lower_ == "may" and any(c.dep_ == "nsubj" and c.lower_ in permission for c in token.head.children):
            continue
        if scope == "sentence" and has_number(_ONE_OF.sub("", sentence.text)):
            continue
        if scope == "clause" and parses.number_in_clause(violation.unit.index, token):
            continue
        yield violation
