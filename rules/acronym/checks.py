"""Acronyms must be defined at first use: "hardware security module (HSM)"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from wbl.document import Document, Unit
from wbl.rule import RuleContext, Violation
from wbl.textutil import zipf_frequency

_WORDS_IN_PARENTHESES = re.compile(r"\(\s*([^()]*?[a-z][^()]*?)\s*\)")


@dataclass(frozen=True, slots=True)
class Acronym:
    """One use of an all-caps token: `unit.text[start:end]` is the acronym (without a plural s)."""

    key: str
    unit: Unit
    start: int
    end: int
    defines: bool  # this occurrence is a definition: "Words (ABC)" or "ABC (words)"


def acronym_pattern(ctx: Mapping[str, Any]) -> re.Pattern[str]:
    low, high = int(ctx.get("min-letters", 2)), int(ctx.get("max-letters", 6))
    return re.compile(rf"(?<![\w\-./#])([A-Z]{{{low},{high}}})(s?)(?![\w#]|\.\w)")


def is_ordinary_word(token: str, ctx: Mapping[str, Any]) -> bool:
    """An all-caps common word ("FREE", "NAME", "WHO"), not an acronym."""
    return zipf_frequency(token.lower(), "en") >= float(ctx.get("common-word-zipf", 4.5))


def acronyms(document: Document, ctx: Mapping[str, Any]) -> Iterator[Acronym]:
    """Every acronym occurrence in prose units, in document order, exempt ones left out.

    A unit written mostly in capitals (a shouted heading) has no acronyms to report.
    """
    pattern = acronym_pattern(ctx)
    exempt = {e.upper() for e in ctx.get("exempt", ())}
    places = {p.upper() for p in ctx.get("place-codes", ())}
    kinds = set(ctx.get("kinds", ("heading", "paragraph", "list_item", "table_cell")))
    for unit in document.units:
        if unit.kind not in kinds:
            continue
        text = unit.text
        letters = sum(map(str.isalpha, text))
        if letters and sum(map(str.isupper, text)) > 0.6 * letters:
            continue
        for match in pattern.finditer(text):
            key = match.group(1)
            if key in exempt or key + match.group(2).upper() in exempt or is_ordinary_word(key, ctx):
                continue
            if key in places and re.search(r"[A-Za-z], *$", text[max(0, match.start() - 20) : match.start()]):
                continue
            yield Acronym(key, unit, match.start(), match.end(1), _defines(text, match.start(), match.end()))


def _defines(text: str, start: int, end: int) -> bool:
    """'Words (ABC)' (the acronym alone in parentheses after words) or 'ABC (words)'."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return bool(re.search(r"[A-Za-z]", text[max(0, start - 80) : start - 1]))
    return _WORDS_IN_PARENTHESES.match(text, end + 1 if text[end : end + 1] == " " else end) is not None


def first_definitions(document: Document, ctx: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    """Acronym -> (unit index, offset) of its first definition in the document."""
    result: dict[str, tuple[int, int]] = {}
    for use in acronyms(document, ctx):
        if use.defines:
            result.setdefault(use.key, (use.unit.index, use.start))
    return result


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
    capitals ("FREE") and code spans.

    **Fix.** Spell it out at first use, "hardware security module (HSM)", or use plain words.

    Options: ``kinds``, ``min-letters``, ``max-letters``, ``common-word-zipf``, ``exempt``,
    ``place-codes``, messages.
    """
    defined = first_definitions(document, ctx.options)
    reported: set[str] = set()
    for use in acronyms(document, ctx.options):
        if use.key in reported:
            continue
        reported.add(use.key)
        where = defined.get(use.key)
        if where is not None and where <= (use.unit.index, use.start):
            continue
        template = ctx["late-message"] if where is not None else ctx["undefined-message"]
        yield Violation(template.format(acronym=use.key), use.unit, use.start, use.end)
