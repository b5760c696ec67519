"""The substitution kind: flag listed terms and name the plainer term to use instead."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wbl.kinds.base import Kind
from wbl.options import Option
from wbl.rule import RuleContext, Violation
from wbl.textutil import normal_phrase, phrase_pattern
from wbl.vocabulary import NO_VOCABULARY, Vocabulary

if TYPE_CHECKING:
    from wbl.document import Document


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
    """Every form of every listed term, and each form's replacement ("" for none)."""

    pattern: re.Pattern[str] | None
    replacements: Mapping[str, str]

    def replacement(self, matched: str) -> str:
        return self.replacements.get(normal_phrase(matched), "")


def substitution_table(options: Mapping[str, Any], vocabulary: Vocabulary = NO_VOCABULARY) -> SubstitutionTable:
    """The table of a substitution rule's effective options: `swap` (term -> replacement),
    `inflect` (single words in all their regular forms), without the terms the vocabulary
    accepts and, with `include-rejected`, with the ones it rejects."""
    accepted = vocabulary.accepted
    items = sorted((str(k), str(v)) for k, v in dict(options.get("swap", {})).items())
    if options.get("include-rejected", False):
        items += [(term, "") for term in vocabulary.reject]
    inflect = bool(options.get("inflect", False))
    table: dict[str, str] = {}
    for term, replacement in items:
        if normal_phrase(term) in accepted:
            continue
        for form in inflections(term.lower()) if inflect else {term.lower()}:
            table.setdefault(form, replacement)
    return SubstitutionTable(phrase_pattern(table) if table else None, table)


class Substitution(Kind):
    """Flags the terms listed in `swap` and says what to write instead.

    Single words also match in their regular inflections with `inflect` ("leverages",
    "leveraged", "leveraging"). The replacement is offered as the finding's suggestion (an
    editor's quick fix) unless `suggest` is off; a term the project's vocabulary accepts is not
    flagged, and with `include-rejected` the vocabulary's rejected terms are flagged too.
    """

    name = "substitution"
    options = (
        Option("swap", "table", {}, 'term -> the term to use instead ("" when there is none)'),
        Option("inflect", "boolean", False, "single words match in their regular inflections too"),
        Option("suggest", "boolean", True, "offer the replacement as a suggestion (a quick fix)"),
        Option("include-rejected", "boolean", False, "also flag the terms the project's vocabulary rejects"),
        Option("parts", "strings", ["pr", "faq"], "the document parts checked: pr, faq"),
        Option("kinds", "strings", ["heading", "paragraph", "list_item", "table_cell"], "the units checked"),
        Option("message", "string", "'{match}': {advice}", "{match}, {advice}, {replacement}"),
        Option("with-alternative", "string", "say '{alternative}'", "the advice when there is a replacement"),
        Option("without-alternative", "string", "say it plainly", "the advice when there is none"),
    )

    @property
    def local(self) -> bool:
        return True  # each unit's text, part and kind

    def prepare(self, ctx: RuleContext) -> SubstitutionTable:
        return substitution_table(ctx.options, ctx.vocabulary)

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        table: SubstitutionTable = ctx.prepared
        if table.pattern is None:
            return
        parts, kinds = set(ctx["parts"]), set(ctx["kinds"])
        suggest = bool(ctx.get("suggest", True))
        for unit in document.units:
            if unit.part not in parts or unit.kind not in kinds:
                continue
            for match in table.pattern.finditer(unit.text):
                replacement = table.replacement(match.group(0))
                if replacement:
                    advice = ctx["with-alternative"].format(alternative=replacement)
                else:
                    advice = ctx["without-alternative"]
                message = ctx["message"].format(match=match.group(0), advice=advice, replacement=replacement)
                yield Violation(
                    message,
                    unit,
                    match.start(),
                    match.end(),
                    suggestion=replacement if suggest and replacement else None,
                )


def matches(table: SubstitutionTable, text: str) -> Iterable[tuple[int, int]]:
    """The spans of `text` a substitution table flags."""
    return (m.span() for m in table.pattern.finditer(text)) if table.pattern is not None else ()


__all__ = ["Substitution", "SubstitutionTable", "inflections", "substitution_table"]
