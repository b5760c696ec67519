"""Customer checks: the release names a specific customer, early, and keeps talking about them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from wbl_rules.analysis import (
    PROSE_KINDS,
    Lexicon,
    customer_tokens,
    document_violation,
    find_lead,
    leading_technology,
    noun_mentions,
    press_release,
    product_hint,
    product_names,
    quoted_offsets,
    segments_of,
    specific_segment,
)

from wbl.document import Document, Sentence
from wbl.rule import RuleContext, Violation
from wbl.vocabulary import VocabularyHint


def no_specific_customer(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a release whose headline, sub-heading and summary name no specific customer.

    **Why.** "Who is the customer?" is the first of the five customer questions behind a PR/FAQ
    (AWS re:Invent 2023). Ian McAllister's outline asks the sub-heading to say "who the market
    for the product is". "Users", "people", "customers" or "everyone" name no one: a reviewer
    cannot judge a benefit without knowing whose it is.

    **What is flagged.** Once per document, at the headline: the lead names no noun phrase headed
    by a role ("independent bookstore owners", "ML engineers", "families"), no generic customer
    word with a real modifier ("enterprise customers") or a clause that says which ones ("people
    who are done renting their task list", "teams building LLM agents"), and no one the sentence
    makes a customer by what they do or get ("lets the skipper of a small boat log each haul",
    "campers can search", "lobster fishermen record their catch"). Releases shorter than
    `min-words` are not judged.

    **Fix.** Name the segment in the sub-heading: "Independent bookstore owners can now...".

    Options: `min-words` (default 60), `message`, `message-none`, `extend-customer-roles`.
    """
    lex: Lexicon = ctx.prepared
    if document.word_count("pr") < int(ctx.get("min-words", 60)):
        return
    lead = find_lead(document)
    units = lead.units() or [u for u in document.units if u.part == "pr" and u.kind in PROSE_KINDS][:3]
    generic: list[str] = []
    for unit in units:
        if unit.nlp is None:
            continue
        for token in unit.nlp:
            if specific_segment(token, lex):
                return
            if (
                token.pos_ in ("NOUN", "PROPN", "PRON")
                and token.dep_ not in ("compound", "amod")
                and token.lower_ in lex.generic_customers
            ):
                generic.append(token.lower_)
    if generic:
        words = ", ".join(f"'{w}'" for w in dict.fromkeys(generic))
        message = ctx["message"].format(words=words)
    else:
        message = ctx["message-none"]
    yield from document_violation(document, message, vocabulary=VocabularyHint.customers())


def customer_after_technology(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a press release whose first technology term comes before its first customer.

    **Why.** Working Backwards starts from the customer: the reader should meet the customer
    before the stack. A release that names "Kubernetes" or "machine learning" before it names
    who it is for was written from the pantry, not from the customer (Ian McAllister, Lenny's
    Podcast 2022; the rubric's C-01/C-02).

    **What is flagged.** Once per document, at the first technology term of the press release
    (not of a title, the document's fields or a note before the release starts)
    (a lexicon term or a code-shaped word; the product's own name is not technology), when no
    customer noun ("you", a role such as "owners", a generic "customers") comes before it.
    A technology word that only qualifies the customer ("ML engineers") does not count, nor does a
    licence or a channel every reader uses ("open-source", "app", "email", "iOS": ``not-the-pantry``) or
    a version label ("v2"). "AI" and "machine learning" do count.

    **Severity.** A hint (``info``): shown, never blocking a hook. Whether a word is the pantry
    is the hard part, and the rule gets it wrong too often for a warning: over all user trials,
    at the code of 2026-12-05, reviewers judged 10 of its 22 warnings right, 4 debatable and 8
    false ("AI" as the subject a degree teaches, "PrepaTec" a school, "GitHub" a word of the
    product's name, "AI" in the company's name), and no labelled sentence measures it.

    **Fix.** Open with the customer and their problem; mention the technology later, or in the FAQ.

    Options: `message`, `not-the-pantry`, `extend-technology-terms`, `extend-customer-roles`.
    """
    lex: Lexicon = ctx.prepared
    segments = segments_of(document, lex)
    products = product_names(document, lex)
    titles = document.anatomy.units_in_role("title")  # "# PR/FAQ: Tallybook Match API" names the document
    # "**API Bar Raiser**: @rix0rrr", "Status: draft": the document's fields, not its first words to a
    # customer; nor is a note before the release starts ("Fills templates/definition/prfaq.md.").
    fields = document.anatomy.units_in_role("metadata") | document.anatomy.units_in_role("preamble")
    everyday = frozenset(str(w).lower() for w in ctx.get("not-the-pantry", ()))
    for unit in document.units:
        if unit.part != "pr" or unit.kind not in PROSE_KINDS or unit.index in titles or unit.index in fields:
            continue
        for sentence in unit.sentences:
            if sentence.span is None or sum(1 for t in sentence.span if t.is_alpha) < 3:
                continue  # a bare name or label
            found = leading_technology(sentence, lex, segments, products)
            if found is None:
                if customer_tokens(sentence, lex, segments):
                    return  # a customer subject: the customer came first
                continue  # a problem or an outcome: neither technology nor customer first
            all_terms, first_customer = found
            terms = [t for t in all_terms if t.weight >= 1.0 and not _not_the_pantry(t.text, everyday)]
            if terms and (first_customer is None or terms[0].start < first_customer):
                term = terms[0]
                message = ctx["message"].format(term=term.text)
                hint = product_hint(document, [term.text])
                yield Violation.in_sentence(sentence, term.start, term.end, message, vocabulary=hint)
                return
            if first_customer is not None:
                return


# A version label ("v1.0", "V2") names a release of the product, not technology it is built from.
_VERSION = re.compile(r"[vV]?\d+(?:\.[\dxXyY]+)*")  # "v2", "V1.1", "v2.Y.0"


def _not_the_pantry(term: str, everyday: frozenset[str]) -> bool:
    """A licence or a channel every reader uses (`not-the-pantry`: "open-source", "app") or a
    version label: neither shows a release written from the pantry."""
    return term.lower() in everyday or _VERSION.fullmatch(term) is not None


def customer_drift(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Hints that the quotes and the FAQ talk about a different customer than the summary.

    **Why.** The customer named in the sub-heading and summary should be the one the customer
    quote speaks for and the FAQ answers (the rubric's C-04: "the sub-heading's customer should
    recur"). When the quotes and FAQ talk about someone else, the document has two customers,
    or the summary names the wrong one.

    **What is flagged.** A hint, once, at the summary: the lead names a segment ("bookstore
    owners"), the quotes and FAQ name customers at least `min-mentions` times, and none of those
    mentions is the lead's segment. Low confidence: it compares nouns, not meaning.

    **Fix.** Name the same customer throughout, or say in the summary who else benefits.

    Options: `min-mentions` (default 3), `message`.
    """
    lex: Lexicon = ctx.prepared
    segments = set(segments_of(document, lex))
    if not segments:
        return
    others: Counter[str] = Counter()
    for unit in document.units:
        if unit.nlp is None or unit.kind not in PROSE_KINDS:
            continue
        spans = quoted_offsets(unit)
        if unit.part == "back" or (unit.part != "faq" and not unit.in_quote and not spans):
            continue  # only the FAQ and quoted words count (not the back matter's)
        for offset, lemma, lower, specific in noun_mentions(unit, lex):
            quoted = unit.in_quote or any(s <= offset < e for s, e in spans)
            if unit.part != "faq" and not quoted:
                continue
            if lemma in segments or lower in segments:
                return
            if specific:
                others[lemma] += 1
    if sum(others.values()) < int(ctx.get("min-mentions", 3)):
        return
    lead = find_lead(document)
    unit = lead.summary or lead.subheading or lead.headline
    if unit is None:
        return
    text = unit.text
    start = len(text) - len(text.lstrip())
    phrases = [
        specific_segment(t, lex) for u in lead.units() for t in (u.nlp or ()) if t.dep_ not in ("compound", "amod")
    ]
    named = ", ".join(f"'{p}'" for p in dict.fromkeys(p for p in phrases if p)) or ", ".join(sorted(segments))
    talked = ", ".join(f"'{w}'" for w, _ in others.most_common(3))
    yield Violation(ctx["message"].format(segment=named, others=talked), unit, start, len(text.rstrip()))


def drift_candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """customer-drift's prefilter: the press release (the lead names the segment) and every FAQ
    or quoted prose unit, the units whose nouns the rule counts. It does not try to guess which
    of those units name a customer: any plural noun with a "who" clause, or an agent noun that
    the sentence makes act or benefit, can be one (`customer_by_use`), and only the parse tells.
    A narrower prefilter that looked for listed roles missed those (its findings then depended on
    which other rules asked for the parse)."""
    yield from press_release(document, ctx)
    for unit in document.units:
        if (
            unit.kind in PROSE_KINDS
            and unit.nlp is not None
            and (unit.part == "faq" or unit.in_quote or quoted_offsets(unit))
        ):
            yield from unit.sentences
