"""Voice check: a press release written about the customer, not about the company."""

from __future__ import annotations

from collections.abc import Iterator

from wbl_rules import memo
from wbl_rules.analysis import (
    Lexicon,
    code_in,
    customer_tokens,
    pr_sentences,
    product_names,
    segments_of,
    sentence_subject,
)

from wbl.document import Document, Sentence
from wbl.rule import RuleContext, Violation


def sentence_voice(
    sentence: Sentence, lex: Lexicon, segments: tuple[str, ...], products: frozenset[str], company: frozenset[str]
) -> str | None:
    """The voice of one sentence outside quoted speech: "company", "customer" or None (see
    `_sentence_voice`), remembered by sentence."""
    return memo.SENTENCE_VOICE.remember(
        sentence,
        lambda: _sentence_voice(sentence, lex, segments, products, company),
        lex.key,
        "|".join(segments),
        "|".join(sorted(products)),
        "|".join(sorted(company)),
        code_in(sentence),
    )


def _sentence_voice(
    sentence: Sentence, lex: Lexicon, segments: tuple[str, ...], products: frozenset[str], company: frozenset[str]
) -> str | None:
    """The voice of one sentence outside quoted speech: "company", "customer" or None.

    Customer-centric: the subject is a customer ("you", "owners", the lead's segment) or the
    reader (an imperative), or the sentence says "you"/"your" (and "our" at most, as in "you
    look in our catalog"). Company-centric: otherwise, "we", "us", "our" ("our platform") or the
    company named by `company-names`. The product as subject is neither.
    """
    span = sentence.span
    if span is None:
        return None
    _, kind = sentence_subject(sentence, lex, segments=segments, products=products)
    if kind == "customer":
        return "customer"
    customers = customer_tokens(sentence, lex, segments)
    you = any(t.lower_ in lex.customer_pronouns for t in customers)
    companyish = any(
        (t.pos_ == "PRON" and t.lower_ in lex.company_pronouns and not (you and t.dep_ == "poss"))
        or t.text.lower() in company
        for t in span
    )
    if kind == "company" or companyish:
        return "company"
    return "customer" if you else None


def company_centric_voice(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a press release with more company-centric than customer-centric sentences.

    **Why.** The press release is written for the customer: "Oprah-speak, not Geek-speak" (Ian
    McAllister). A release full of "we", "our platform" and "our team" is about the company; one
    that says "you", "owners", "customers can now" is about the reader. Google's style guide
    flags "we" for the same reason.

    **What is flagged.** Once per document, at the first company-centric sentence, when the
    release (quoted speech excluded) has at least `min-company` company-centric sentences and
    their ratio to customer-centric sentences is above `max-ratio`. The message gives both
    counts, the ratio and the limit.

    **Fix.** Rewrite "we" sentences with the customer as subject: "We deliver books overnight"
    becomes "Owners get the book the next morning".

    Options: `max-ratio` (default 1.0), `min-company` (default 3), `company-names`, `message`.
    """
    lex: Lexicon = ctx.prepared
    segments = segments_of(document, lex)
    products = product_names(document, lex)
    company = frozenset(str(n).lower() for n in ctx.get("company-names", ()))
    first: Sentence | None = None
    counts = {"company": 0, "customer": 0}
    for sentence in pr_sentences(document, quotes=False):
        voice = sentence_voice(sentence, lex, segments, products, company)
        if voice is None:
            continue
        counts[voice] += 1
        if voice == "company" and first is None:
            first = sentence
    limit = float(ctx.get("max-ratio", 1.0))
    ours, theirs = counts["company"], counts["customer"]
    if first is None or ours < int(ctx.get("min-company", 3)):
        return
    ratio = ours / theirs if theirs else float(ours)
    if ratio <= limit:
        return
    message = ctx["message"].format(company=ours, customer=theirs, ratio=ratio, limit=limit)
    yield Violation.in_sentence(first, 0, len(first.text.rstrip()), message)
