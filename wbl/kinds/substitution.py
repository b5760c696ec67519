"""The substitution kind: flag listed terms and name the plainer term to use instead."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wbl.fixes import inflect_like, match_case, quoted, removal
from wbl.fixes import replacement as replacement_fix
from wbl.kinds.base import Kind
from wbl.options import Option
from wbl.rule import Applicability, RuleContext, Violation
from wbl.textutil import normal_phrase, phrase_pattern
from wbl.vocabulary import NO_VOCABULARY, Vocabulary, VocabularyHint

if TYPE_CHECKING:
    from wbl.document import Document, Sentence, Unit


def inflections(word: str) -> set[str]:
    """A single word and its regular inflections: leverage, leverages, leveraged, leveraging."""
    if " " in word or "-" in word:
        return {word}
    forms = {word, word + "s"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    return forms


@dataclass(frozen=True, slots=True)
class SubstitutionTable:
    """Every form of every listed term: its replacement ("" for none), the term it is a form of,
    and the forms whose fix is to cut them."""

    pattern: re.Pattern[str] | None
    replacements: Mapping[str, str]
    terms: Mapping[str, str] = field(default_factory=dict)  # form -> the listed term
    cuts: frozenset[str] = frozenset()
    exceptions: re.Pattern[str] | None = None  # phrases that hold a listed term but are fine

    def found(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the listed terms in `text`, but inside an exception ("end-to-end encrypted")."""
        if self.pattern is None:
            return
        excepted = [m.span() for m in self.exceptions.finditer(text)] if self.exceptions is not None else []
        for match in self.pattern.finditer(text):
            if not any(s <= match.start() and match.end() <= e for s, e in excepted):
                yield match

    def replacement(self, matched: str) -> str:
        return self.replacements.get(normal_phrase(matched), "")

    def term(self, matched: str) -> str:
        """The listed term a matched form belongs to ("leveraged" -> "leverage")."""
        form = normal_phrase(matched)
        return self.terms.get(form, form)


def substitution_table(options: Mapping[str, Any], vocabulary: Vocabulary = NO_VOCABULARY) -> SubstitutionTable:
    """The table of a substitution rule's effective options: `swap` (term -> replacement),
    `cut` (terms to remove), `inflect` (single words in all their regular forms), without the
    terms (or forms) the vocabulary accepts and, with `include-rejected`, with the ones it rejects."""
    accepted = vocabulary.accepted
    items = sorted((str(k), str(v)) for k, v in dict(options.get("swap", {})).items())
    cut = {normal_phrase(term) for term in options.get("cut", ())}
    items += [(term, "") for term in sorted(cut)]
    if options.get("include-rejected", False):
        items += [(term, "") for term in vocabulary.reject]
    inflect = bool(options.get("inflect", False))
    table: dict[str, str] = {}
    terms: dict[str, str] = {}
    cuts: set[str] = set()
    for term, replacement in items:
        listed = normal_phrase(term)
        if listed in accepted:
            continue
        for form in inflections(listed) if inflect else {listed}:
            if form in accepted or form in table:
                continue
            table[form], terms[form] = replacement, listed
            if listed in cut:
                cuts.add(form)
    exceptions = tuple(options.get("exceptions", ()))
    return SubstitutionTable(
        phrase_pattern(table) if table else None,
        table,
        terms,
        frozenset(cuts),
        phrase_pattern(exceptions) if exceptions else None,
    )


FIX_CHOICES = ("safe", "unsafe", "none")
VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")


class Substitution(Kind):
    """Flags the terms listed in `swap` and says what to write instead, or the terms listed in
    `cut` and says to cut them.

    Single words also match in their regular inflections with `inflect` ("leverages",
    "leveraged", "leveraging"). The replacement, inflected like the matched word ("leveraged" ->
    "used"), is the finding's suggestion and its fix (`wbl check --fix`, an editor's quick fix)
    unless `suggest` is off: `fix` says whether such fixes are safe (applied by `--fix`), unsafe
    (only with `--unsafe-fixes`) or not offered, `fixes` says it per term, and a term listed in
    `fix-pos` has a safe fix only where the parse gives it one of those tags (a verb, say). A cut
    removes the term with the space or commas around it, keeping the sentence whole. A term the
    project's vocabulary accepts is not flagged, and with `include-rejected` the vocabulary's
    rejected terms are flagged too.
    """

    name = "substitution"
    options = (
        Option("swap", "table", {}, 'term -> the term to use instead ("" when there is none)'),
        Option("cut", "strings", [], "terms whose fix is to cut them (filler)"),
        Option("inflect", "boolean", False, "single words match in their regular inflections too"),
        Option("suggest", "boolean", True, "offer the replacement as a suggestion and a fix"),
        Option(
            "fix", "string", "unsafe", "whether a replacement or cut is a safe fix, an unsafe one, or none", FIX_CHOICES
        ),
        Option("fixes", "table", {}, "term -> safe, unsafe or none: `fix` for that term", FIX_CHOICES),
        Option("fix-pos", "table", {}, "term -> the Penn tags in which its fix is safe (needs pos)"),
        Option("include-rejected", "boolean", False, "also flag the terms the project's vocabulary rejects"),
        Option("exceptions", "strings", [], "phrases that contain a listed term but are fine"),
        Option("parts", "strings", ["pr", "faq"], "the document parts checked: pr, faq"),
        Option("kinds", "strings", ["heading", "paragraph", "list_item", "table_cell"], "the units checked"),
        Option("message", "string", "'{match}': {advice}", "{match}, {advice}, {replacement}"),
        Option("with-alternative", "string", "say '{alternative}'", "the advice when there is a replacement"),
        Option("without-alternative", "string", "say it plainly", "the advice when there is none"),
        Option("cut-advice", "string", "cut it", "the advice for the terms of `cut`"),
        Option("vocabulary-hint", "boolean", True, "messages say how the project's vocabulary would accept the term"),
    )

    has_prefilter = True

    @property
    def local(self) -> bool:
        return True  # each unit's text, part and kind

    def prefilter(self, document: Document, ctx: RuleContext) -> Iterator[Sentence]:
        """The sentences with a term whose fix depends on its tags (`fix-pos`): nothing else of
        the parse is read."""
        table: SubstitutionTable = ctx.prepared
        tagged = {normal_phrase(k) for k in dict(ctx.get("fix-pos", {}))}
        if table.pattern is None or not tagged:
            return
        parts, kinds = set(ctx["parts"]), set(ctx["kinds"])
        for unit in document.units:
            if unit.part not in parts or unit.kind not in kinds:
                continue
            for sentence in unit.sentences:
                if any(table.term(m.group(0)) in tagged for m in table.found(sentence.text)):
                    yield sentence

    def prepare(self, ctx: RuleContext) -> SubstitutionTable:
        return substitution_table(ctx.options, ctx.vocabulary)

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        table: SubstitutionTable = ctx.prepared
        if table.pattern is None:
            return
        parts, kinds = set(ctx["parts"]), set(ctx["kinds"])
        fixes = _FixPolicy.of(ctx)
        for unit in document.units:
            if unit.part not in parts or unit.kind not in kinds:
                continue
            for match in table.found(unit.text):
                if _INNER_CAPITAL.search(match.group(0)):
                    continue  # "StreamLine", "iLeverage": a name written in camel case, not the word
                yield _violation(unit, match, table, fixes, ctx)


# A lower-case letter followed by a capital inside one word: how product names are written.
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


@dataclass(frozen=True, slots=True)
class _FixPolicy:
    """Which fixes a substitution rule offers, from its options."""

    suggest: bool
    default: str
    per_term: Mapping[str, str]
    tags: Mapping[str, frozenset[str]]

    @classmethod
    def of(cls, ctx: RuleContext) -> _FixPolicy:
        return cls(
            bool(ctx.get("suggest", True)),
            str(ctx.get("fix", "unsafe")),
            {normal_phrase(k): str(v) for k, v in dict(ctx.get("fixes", {})).items()},
            {normal_phrase(k): frozenset(v) for k, v in dict(ctx.get("fix-pos", {})).items()},
        )

    def applicability(self, unit: Unit, start: int, end: int, term: str) -> Applicability | None:
        """Safe, unsafe, or None (no fix) for the term matched at ``unit.text[start:end]``."""
        chosen = self.per_term.get(term, self.default)
        if not self.suggest or chosen not in ("safe", "unsafe"):
            return None
        if term in self.tags and not _tagged(unit, start, end, self.tags[term]):
            return Applicability.UNSAFE
        return Applicability.parse(chosen)


def _violation(
    unit: Unit, match: re.Match[str], table: SubstitutionTable, fixes: _FixPolicy, ctx: RuleContext
) -> Violation:
    matched, term = match.group(0), table.term(match.group(0))
    start, end = match.span()
    listed = table.replacement(matched)
    if normal_phrase(matched) in table.cuts:
        advice, suggestion = ctx.get("cut-advice", "cut it"), ""
    elif listed:
        # The replacement in the matched word's form ("leveraged" -> "used"), when it is known.
        suggestion = inflect_like(matched, term, listed) if normal_phrase(matched) != term else listed
        advice = ctx["with-alternative"].format(alternative=suggestion or listed)
    else:
        advice, suggestion = ctx["without-alternative"], None
    message = ctx["message"].format(match=matched, advice=advice, replacement=suggestion or listed)
    # Quoted words are someone's words, or a word quoted as a word: no fix rewrites them.
    level = fixes.applicability(unit, start, end, term) if suggestion is not None else None
    if level is not None and quoted(unit.text, start, end):
        level = None
    fix = None
    if level is not None:
        fix = (
            removal(unit.text, start, end, level)
            if suggestion == ""
            else replacement_fix(unit.text, start, end, suggestion, level)
        )
    return Violation(
        message,
        unit,
        start,
        end,
        suggestion=match_case(matched, suggestion) if fixes.suggest and suggestion is not None else None,
        vocabulary=VocabularyHint.accept(term) if ctx.get("vocabulary-hint", True) else None,
        fix=fix,
    )


def _tagged(unit: Unit, start: int, end: int, tags: frozenset[str]) -> bool:
    """Whether the parse tags the first word of ``unit.text[start:end]`` with one of `tags`."""
    if unit.nlp is None:
        return False
    span = unit.nlp.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].tag_ in tags


def matches(table: SubstitutionTable, text: str) -> Iterable[tuple[int, int]]:
    """The spans of `text` a substitution table flags."""
    return (m.span() for m in table.found(text))


__all__ = ["FIX_CHOICES", "VERB_TAGS", "Substitution", "SubstitutionTable", "inflections", "substitution_table"]
