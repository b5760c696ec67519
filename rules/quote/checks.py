"""Quote checks: quotes attributed to a named person with a role; customer quotes in a customer's voice."""

from __future__ import annotations

from collections.abc import Iterator

from wbl.anatomy import cue_hits
from wbl.document import Document
from wbl.rule import RuleContext, Severity, Violation


def unattributed_quote(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a press-release quote with no named speaker, or a named speaker with no role.

    **Why.** The leader quote and the customer quote make the release concrete: a named leader
    who owns the launch, and a customer whose situation the reader recognises ("said Priya Shah,
    owner of Lantern Books in Tacoma"). A quote from "a developer during early testing" or "the
    team", or a quotation with no attribution, reads as invented. A name with no role is a hint
    (not when an earlier quote gave that speaker's role: '"…," Cheek continued').
    Placeholder attributions such as "[NAME, TITLE]" are reported by unfinished-draft.

    **Fix.** Attribute every quote: "…," said <name>, <role> at <company or place>.
    """
    introduced: set[str] = set()  # surnames of the speakers whose role an attribution gave
    for quote in document.anatomy.quotes:
        if quote.placeholder:
            continue
        surname = quote.name.split()[-1].lower() if quote.name else ""
        if quote.role is not None and surname:
            introduced.add(surname)
        who = "leader" if quote.speaker == "leader" else "customer"
        excerpt = _excerpt(quote.text)
        if not quote.attribution:
            yield Violation(ctx["message"].format(quote=excerpt, who=who), quote.unit, quote.start, quote.end)
            continue
        # What lacks a name or a role is the attribution: pointed at when it is in the quote's paragraph.
        at = quote.unit.text.find(quote.attribution)
        start, end = (at, at + len(quote.attribution)) if at >= 0 else (quote.start, quote.end)
        if quote.name is None:
            message = ctx["anonymous-message"].format(quote=excerpt, attribution=quote.attribution, who=who)
            yield Violation(message, quote.unit, start, end)
        elif quote.role is None and surname not in introduced:  # '"...," Cheek continued': said before
            message = ctx["role-message"].format(quote=excerpt, name=quote.name, who=who)
            yield Violation(message, quote.unit, start, end, severity=Severity.INFO)


def marketing_customer_quote(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a customer quote that sounds like marketing copy: superlatives, peacock words, jargon.

    **Why.** The customer quote should be a customer describing how they experienced the benefit
    (McAllister's outline), in their own words and with a detail from their day. "Revolutionary",
    "seamless", "best-in-class" or "leverage" are words a marketing team writes, not a customer;
    reviewers read such a quote as made up. A quote with at least `min-hits` listed words is
    flagged.

    **Fix.** Write what the customer did and what changed for them, with a number or a moment
    ("They were here on Wednesday").

    Options: `words` (the list), `min-hits` (default 2).
    """
    minimum = int(ctx["min-hits"])
    for quote in document.anatomy.quotes:
        if quote.speaker != "customer":
            continue
        hits = cue_hits(quote.text, ctx["words"])
        if len(hits) >= minimum:
            words = ", ".join(f"'{h}'" for h in hits)
            yield Violation(ctx["message"].format(words=words), quote.unit, quote.start, quote.end)


def _excerpt(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
