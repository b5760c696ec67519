"""Benefit checks: the release says what the customer can now do, save or avoid, with numbers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wbl_rules.analysis import (
    Lexicon,
    customer_tokens,
    document_violation,
    is_problem,
    pr_sentences,
    segments_of,
    sentence_subject,
)

from wbl.document import Document, Sentence
from wbl.rule import RuleContext, Violation
from wbl.textutil import has_number

_ENABLING = ("let", "help", "allow", "enable", "give", "save", "spare", "free")
# "designed to", "built to", "launched to": what the product was made for (not "expected to").
_MADE_TO = frozenset(("design", "build", "launch", "create", "make", "engineer"))
# The anatomy's roles of paragraphs whose sentences unquantified-benefit does not judge.
_NOT_BENEFITS = frozenset(("problem", "call_to_action"))


def benefit_sentence(sentence: Sentence, lex: Lexicon, segments: tuple[str, ...]) -> bool:
    """A sentence that says what the customer can now do, save or avoid.

    From the parse: a customer subject with a benefit verb ("owners fill 91% of orders", "you
    see the date"), with "can" ("teams can now ship") or with "now" ("controllers now have a
    system of record"); the product letting, helping or
    allowing a customer ("It lets owners order..."), or handing them something (the customer as
    the object of a verb of showing, telling or warning: "It tells you which set is next"); or a
    benefit cue ("no longer", "in minutes", "instead of") in a sentence that names a customer.
    Problem statements are not benefits.
    """
    span = sentence.span
    if span is None or sentence.text.rstrip().endswith("?"):
        return False
    root = span.root
    customers = customer_tokens(sentence, lex, segments)
    # The close's verb ("Sign up at ...", "You can download Pantry 2.0 today from pantry.app",
    # "Families can sign up today") is no benefit; "the model writes the plan" is no close.
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    by_someone_else = any(c.lower_ != "you" and c not in customers for c in subjects)
    if is_problem(root, lex) or (root.lemma_.lower() in lex.call_to_action_verbs and not by_someone_else):
        return False
    subject, kind = sentence_subject(sentence, lex, segments=segments)
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    # What the product is "designed to" or "built to" do for the customer ("This solution is
    # designed to save small businesses two hours a day": round 36); not the customer's own
    # second verb ("Teams end up spending more time ...", a problem).
    purposes = [c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and root.lemma_.lower() in _MADE_TO]
    if kind == "customer" and subject is not None:
        for verb in verbs:
            if verb.lemma_.lower() in lex.benefit_verbs:
                return True
            if any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children):
                return True
            if any(c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children):
                return True  # "Controllers ... now have a system of record": what they get from the launch
    if customers and any(v.lemma_.lower() in _ENABLING for v in (*verbs, *purposes)):
        return True
    if any(
        c.head in verbs and c.dep_ in ("dobj", "dative") and c.head.lemma_.lower() in lex.enabling_verbs
        for c in customers
    ):
        return True  # "It tells you which set is next", "shows landlords every open request"
    if any(_customer_can(c) for c in customers):
        return True  # "the model writes the plan as a graph you can read and approve"
    return bool(customers) and lex.benefit_pattern is not None and lex.benefit_pattern.search(sentence.text) is not None


def _customer_can(customer: Any) -> bool:
    """A customer who is the subject of a clause with "can" and no negation, the main clause or
    one inside it ("a graph you can read", "tools that nurses can use")."""
    verb = customer.head
    if customer.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    children = list(verb.children)
    return any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in children) and not any(
        c.dep_ == "neg" for c in children
    )


def _benefits(document: Document, lex: Lexicon) -> Iterator[Sentence]:
    segments = segments_of(document, lex)
    for sentence in pr_sentences(document):
        if benefit_sentence(sentence, lex, segments):
            yield sentence


def no_customer_benefit(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a press release that never says what the customer can now do, save or avoid.

    **Why.** The summary gives "the product and the benefit", and "if the benefits listed don't
    sound very interesting or exciting to customers, then perhaps they're not (and shouldn't be
    built)" (Ian McAllister). A release that lists capabilities but no outcome leaves the
    reviewer to guess why a customer would care (M. Bordenet: "Improves productivity" versus
    "Reduces report generation from 2 hours to 5 minutes").

    **What is flagged.** Once per document, at the headline, when no press-release sentence has
    a customer doing, saving or avoiding something (see `benefit_sentence`). Releases shorter
    than `min-words` are not judged.

    **Fix.** Say what the customer can now do that they could not before, and how much time or
    money it saves them.

    Options: `min-words` (default 60), `message`, `extend-benefit-verbs`, `extend-benefit-cues`.
    """
    if document.word_count("pr") < int(ctx.get("min-words", 60)):
        return
    lex: Lexicon = ctx.prepared
    if next(_benefits(document, lex), None) is not None:
        return
    yield from document_violation(document, ctx["message"])


def unquantified_benefit(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Hints at benefit sentences that carry no number.

    **Why.** "Replace adjectives with data" (Write like an Amazonian): a benefit with a number
    ("from six days to one", "$14 a sale") is a claim a reviewer can test; one without is a
    promise. This is a hint, not a rule: not every benefit needs a number, but the main ones do.

    **What is flagged.** Each press-release benefit sentence (see no-customer-benefit) in a
    paragraph with no number, spelled-out count or amount, as a hint. Headings, quoted speech,
    the problem paragraph (what goes wrong today is no benefit) and the getting-started and call
    to action paragraphs (how to start) are skipped; at most `max-per-document` hints are given.

    **Fix.** Add the measure: how much time, money or effort the customer saves, or how many
    more things they can do.

    Options: `message`, `max-per-document` (default 5).
    """
    lex: Lexicon = ctx.prepared
    segments = segments_of(document, lex)
    limit = int(ctx.get("max-per-document", 5))
    count = 0
    numbered: dict[int, bool] = {}  # by unit: asked once per paragraph, not once per sentence
    anatomy = document.anatomy
    # What goes wrong today, and how to start or where to sign up, are no benefits to quantify.
    skipped = anatomy.with_roles(*_NOT_BENEFITS)
    for sentence in pr_sentences(document, quotes=False):
        if count >= limit:
            return
        unit = sentence.unit
        if unit.is_heading:
            continue  # headlines carry no figures
        if any(s.holds(sentence) for s in skipped):
            continue
        if (quantified := numbered.get(id(unit))) is None:
            quantified = numbered[id(unit)] = has_number(unit.text)
        if quantified:
            continue  # a figure elsewhere in the paragraph quantifies it
        if not benefit_sentence(sentence, lex, segments):
            continue
        text = sentence.text
        end = len(text.rstrip())
        count += 1
        yield Violation.in_sentence(sentence, 0, end, ctx["message"])
