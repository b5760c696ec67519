"""The density kind: the share of a unit's content words that are listed terms, against a limit."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from wbl.kinds.base import Kind
from wbl.options import Option
from wbl.rule import Figure, RuleContext, Violation
from wbl.textutil import normal_phrase, phrase_pattern

if TYPE_CHECKING:
    from wbl.document import Document, Unit


class Density(Kind):
    """Flags units where too many content words are listed terms, naming the most frequent.

    Content words are nouns, proper nouns, verbs, adjectives and adverbs that are not stop words
    (the rule needs `pos`); the density is the number of listed terms over the content words.
    Terms the project's vocabulary accepts are not counted.
    """

    name = "density"
    has_figures = True
    options = (
        Option("terms", "strings", [], "the words and phrases counted"),
        Option("limit", "number", 0.1, "the highest share of content words that may be listed terms"),
        Option("min-words", "integer", 4, "units with fewer content words are not scored"),
        Option("show", "integer", 4, "how many of the most frequent terms the message names"),
        Option("parts", "strings", ["pr", "faq"], "the document parts checked: pr, faq"),
        Option("kinds", "strings", ["paragraph", "list_item", "table_cell"], "the units checked"),
        Option(
            "message",
            "string",
            "{density:.0%} of the content words are listed terms (limit {limit:.0%}): {terms}",
            "{density}, {limit}, {terms}",
        ),
    )

    def prepare(self, ctx: RuleContext) -> re.Pattern[str] | None:
        accepted = ctx.vocabulary.accepted
        terms = [t for t in ctx.get("terms", ()) if normal_phrase(t) not in accepted]
        return phrase_pattern(terms) if terms else None

    def _measured(self, document: Document, ctx: RuleContext) -> Iterator[tuple[Unit, list[str], int]]:
        """(unit, the terms found, content words) for each unit the rule looks at."""
        pattern: re.Pattern[str] | None = ctx.prepared
        parts, kinds = set(ctx["parts"]), set(ctx["kinds"])
        for unit in document.units:
            if unit.part in parts and unit.kind in kinds and unit.text.strip():
                found = [m.group(0) for m in pattern.finditer(unit.text)] if pattern is not None else []
                yield unit, found, unit.content_word_count

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        limit = float(ctx["limit"])
        for unit, found, words in self._measured(document, ctx):
            if words < int(ctx["min-words"]) or not found or len(found) / words <= limit:
                continue
            counts = Counter(normal_phrase(t) for t in found)
            shown = ", ".join(f"'{t}'" + (f" x{n}" if n > 1 else "") for t, n in counts.most_common(int(ctx["show"])))
            message = ctx["message"].format(density=len(found) / words, limit=limit, terms=shown)
            yield Violation.covering(unit, message)

    def figures(self, document: Document, ctx: RuleContext) -> Iterable[Figure]:
        limit = float(ctx["limit"])
        for unit, found, words in self._measured(document, ctx):
            yield Figure("density", len(found), unit, total=words, limit=limit)


__all__ = ["Density"]
