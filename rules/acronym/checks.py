"""Acronyms must be defined at first use: "hardware security module (HSM)"."""

from __future__ import annotations

from collections.abc import Iterator

from wbl_rules.analysis import acronyms, first_definitions

from wbl.document import Document
from wbl.rule import RuleContext, Violation
from wbl.vocabulary import VocabularyHint


def undefined_acronym(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags the first use of an acronym that the document has not defined yet.

    **Why.** Amazon's writing guidance asks authors to define acronyms at first use ("Non-Disclosure
    Agreement (NDA)"). A press release is read by customers and executives, not by the team that
    built the product; an undefined "HSM" or "CDC" stops the reader. Only the first undefined use
    of each acronym is reported: defining it there fixes every later use.

    An acronym is an all-caps token of 2 to 6 letters (a plural "s" allowed). It is defined by
    "Words (ABC)" or "ABC (words)" anywhere in the document; a use before that definition is
    reported too. Acronyms a general reader knows (FAQ, PDF, URL, USB, CEO, US...) are exempt
    (``exempt``), as are US state codes in a dateline ("SEATTLE, WA"), ordinary words written in
    capitals ("FREE"), code spans and the terms the project's vocabulary accepts.

    **Fix.** Spell it out at first use, "hardware security module (HSM)", or use plain words.

    Options: ``kinds``, ``min-letters``, ``max-letters``, ``common-word-zipf``, ``exempt``,
    ``place-codes``, messages.
    """
    defined = first_definitions(document, ctx.options, ctx.vocabulary)
    reported: set[str] = set()
    for use in acronyms(document, ctx.options, ctx.vocabulary):
        if use.key in reported:
            continue
        reported.add(use.key)
        where = defined.get(use.key)
        if where is not None and where <= (use.unit.index, use.start):
            continue
        template = ctx["late-message"] if where is not None else ctx["undefined-message"]
        yield Violation(
            template.format(acronym=use.key), use.unit, use.start, use.end, vocabulary=VocabularyHint.accept(use.key)
        )
