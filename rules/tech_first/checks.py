"""Technology-first checks: sentences and leads that start from the pantry, not the customer."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wbl_rules.analysis import (
    PHRASE_BREAKS,
    PROSE_KINDS,
    SUBJECT_DEPS,
    Lexicon,
    Term,
    customer_tokens,
    find_lead,
    has_outcome_data,
    is_problem,
    leading_technology,
    phrase_tokens,
    product_hint,
    product_names,
    segments_of,
    subject_kind,
    subject_name,
    subject_of,
    technology_terms,
    weight,
)

from wbl.document import Document, Sentence
from wbl.rule import RuleContext, Violation
from wbl.vocabulary import VocabularyHint

_PREDICATE_DEPS = ("dobj", "attr", "appos", "oprd", "prep", "agent", "acomp", "xcomp", "pcomp", "dative", "conj")


@dataclass(frozen=True, slots=True)
class TechFirst:
    """Why a sentence is technology-first, and where (offsets relative to the sentence)."""

    reason: str  # pantry | implementation | subject | predicate | dense
    start: int
    end: int
    words: str
    terms: tuple[Term, ...]
    verb: str = ""


def _offsets(sentence: Sentence, tokens: list[Any]) -> tuple[int, int]:
    start = min(t.idx for t in tokens) - sentence.start
    end = max(t.idx + len(t.text) for t in tokens) - sentence.start
    return max(start, 0), min(end, len(sentence.text))


def _is_imperative(verb: Any, sentence: Sentence) -> bool:
    """ "Point your camera at...": the reader (the customer) is the implicit subject."""
    first = next((t for t in sentence.span if not (t.is_punct or t.is_space)), None)
    return verb.tag_ in ("VB", "VBP") and verb is first


def _phrase_weight(token: Any, tech: Mapping[int, float]) -> tuple[float, list[Any]]:
    tokens = phrase_tokens(token, skip=PHRASE_BREAKS)
    return sum(tech.get(t.i, 0.0) for t in tokens), tokens


_CORE_DEPS = ("compound", "amod", "nmod", "nummod", "poss", "appos", "conj", "cc", "det", "punct", "hmod", "npadvmod")


def core_phrase(head: Any) -> list[Any]:
    """What a noun phrase says a thing *is*: the noun, its modifiers, appositives, conjuncts and
    "of" phrases; not its other prepositions ("a release of X for OpenSearch" stops at X)."""
    result = [head]
    for child in head.children:
        if child.dep_ in _CORE_DEPS:
            result.extend(core_phrase(child))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    result.extend(core_phrase(grandchild))
    return result


def _is_availability(root: Any) -> bool:
    """ "X is available now at <link>": where to get it, a call to action."""
    return any(c.lemma_.lower() == "available" and c.dep_ in ("acomp", "attr", "amod") for c in root.children)


def tech_first_reason(
    sentence: Sentence,
    lex: Lexicon,
    *,
    segments: tuple[str, ...] = (),
    products: frozenset[str] = frozenset(),
    min_dense_weight: float = 2.0,
    min_density: float = 0.25,
) -> TechFirst | None:
    """Why `sentence` leads with technology rather than a customer or outcome, or None.

    In order: a "pantry" cue; an implementation verb whose subject is the company, the product or
    a technology; a technical subject; a technical object, predicate noun or appositive of the
    company or product ("X, an SDK for..."); a sentence that is mostly technology terms. A
    customer subject, an imperative (the reader acts), a problem statement or a measured outcome
    clears the sentence (the pantry cue excepted).
    """
    span = sentence.span
    text = sentence.text
    if span is None or not text.strip() or text.rstrip().endswith("?"):
        return None
    root = span.root
    subject = subject_of(root)
    products = frozenset(products | subject_name(subject if subject is not None else root))
    terms = tuple(technology_terms(sentence, lex, exclude=products))
    if lex.pantry_pattern is not None:
        cue = lex.pantry_pattern.search(text)
        if cue is not None:
            return TechFirst("pantry", cue.start(), cue.end(), cue.group(0), terms)
    tech: dict[int, float] = {}
    for term in terms:
        for i in term.tokens:
            tech[i] = max(tech.get(i, 0.0), term.weight)
    kind = subject_kind(subject, lex, tech, segments=segments, product_names=products)
    if kind == "customer" or (kind == "none" and _is_imperative(root, sentence)):
        return None
    if is_problem(root, lex) or has_outcome_data(text) or _is_availability(root):
        return None
    if sum(1 for t in span if not (t.is_punct or t.is_space)) < 3:
        return None  # a bare name or label
    customers = customer_tokens(sentence, lex, segments)

    # An implementation verb (leverage, integrate, is built on, is powered by, uses ML...).
    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") or lemma not in lex.implementation_verbs:
            continue
        own = subject_of(token)
        own_kind = subject_kind(own, lex, tech, segments=segments, product_names=products)
        if own_kind == "customer" or (own_kind == "none" and _is_imperative(token, sentence)):
            continue
        if own_kind == "other" and token is not root:
            continue
        needs_object = lemma in lex.object_verbs
        if (
            token is not root
            and lemma not in lex.always_verbs
            and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
        ):
            needs_object = True  # "necessary to operate an exchange": only with a technical object
        if needs_object:
            total = sum(_phrase_weight(c, tech)[0] for c in token.children if c.dep_ in _PREDICATE_DEPS)
            if total < 1.0:
                continue
        marked = [token]
        if own is not None and own.i < token.i and own.sent == token.sent:
            marked = [*phrase_tokens(own, skip=PHRASE_BREAKS), token]
        start, end = _offsets(sentence, marked)
        return TechFirst("implementation", start, end, text[start:end], terms, lemma)

    # A technology as the subject ("Golang provides...", "Its round-robin engine advances...").
    if kind == "technology" and subject is not None:
        tokens = phrase_tokens(subject, skip=PHRASE_BREAKS)
        start, end = _offsets(sentence, tokens)
        return TechFirst("subject", start, end, text[start:end], terms)

    # A feature list: "Our product has X, Y, and Z capabilities".
    if kind in ("company", "product") and not customers and root.lemma_.lower() in lex.feature_verbs:
        for child in root.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in lex.feature_nouns:
                start, end = _offsets(sentence, [*phrase_tokens(subject, skip=PHRASE_BREAKS), root, child])
                return TechFirst("features", start, end, text[start:end], terms)

    # The product or company described by technology ("usb-hsm, an open-source PKCS#11 module").
    heads = [root] if root.pos_ in ("NOUN", "PROPN") else []
    for child in root.children:
        if child.dep_ in ("dobj", "attr", "appos", "oprd", "dative"):
            heads.append(child)
        elif child.dep_ in ("prep", "agent"):
            heads.extend(g for g in child.children if g.dep_ == "pobj")
    if subject is not None:
        heads += [c for c in subject.children if c.dep_ == "appos"]
    predicate_weight = 0.0
    predicate_tokens: list[Any] = []
    for head in heads:
        tokens = core_phrase(head)
        amount = sum(tech.get(t.i, 0.0) for t in tokens)
        if amount > 0:
            predicate_weight += amount
            predicate_tokens.extend(t for t in tokens if tech.get(t.i))
    needed = 1.0 if kind in ("company", "product", "technology", "none") else 2.0
    if customers:
        needed = max(needed, 2.0)
    if predicate_weight >= needed and predicate_tokens:
        start, end = _offsets(sentence, predicate_tokens)
        return TechFirst("predicate", start, end, text[start:end], terms)

    # Mostly technology terms.
    content = [t for t in span if not (t.is_punct or t.is_space or t.is_stop)]
    total = weight(terms)
    if content and total >= min_dense_weight and total / len(content) >= min_density:
        first_customer = min((t.idx for t in customers), default=None)
        if first_customer is None or first_customer - sentence.start > terms[0].start:
            start, end = terms[0].start, terms[-1].end
            return TechFirst("dense", start, end, _term_words(terms), terms)
    return None


def _message(ctx: RuleContext, found: TechFirst) -> str:
    messages = ctx["messages"]
    listed = ", ".join(dict.fromkeys(t.text for t in found.terms if t.weight >= 1.0)) or found.words
    return messages[found.reason].format(words=found.words, verb=found.verb, terms=listed)


def _product_hint(document: Document, found: TechFirst) -> VocabularyHint | None:
    """A product name taken for technology is the vocabulary's to fix (the subject, predicate and
    dense reasons name technology terms; the pantry and implementation ones a phrasing)."""
    if found.reason not in _TERM_REASONS:
        return None
    return product_hint(document, (t.text for t in found.terms if t.weight >= 1.0))


_TERM_REASONS = ("subject", "predicate", "dense")


def _reason(
    sentence: Sentence, ctx: RuleContext, lex: Lexicon, segments: tuple[str, ...], products: frozenset[str]
) -> TechFirst | None:
    return tech_first_reason(
        sentence,
        lex,
        segments=segments,
        products=products,
        min_dense_weight=float(ctx.get("min-dense-weight", 2.0)),
        min_density=float(ctx.get("min-density", 0.25)),
    )


def _context(document: Document, ctx: RuleContext) -> tuple[Lexicon, tuple[str, ...], frozenset[str]]:
    lex: Lexicon = ctx.prepared
    return lex, segments_of(document, lex), product_names(document, lex)


def tech_first_sentence(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags press-release sentences that lead with technology rather than a customer or outcome.

    **Why.** Working Backwards starts from the customer's problem. Ian McAllister's warning: "If
    you say *we could* and it's not grounded in a customer or customer's problem, you're not
    working backwards"; the "pantry" symptom is "we have these ingredients, we could put them
    together". M. Bordenet lists "Leveraging our microservices architecture..." among the common
    PR/FAQ mistakes. The press release says what the customer gets; how it is built belongs in
    the FAQ.

    **What is flagged.** From the dependency parse: a sentence whose subject is the company
    ("we", "our platform"), the product or a technology, with an implementation verb (leverage,
    utilize, integrate, combine, is built on, is powered by, uses machine learning, runs on,
    stores...); a technology as the grammatical subject; the product described by a technical
    noun ("X is a Java application", "X, an SDK for..."); a sentence made mostly of technology
    terms; "pantry" cues ("we could", "by combining our", "building blocks"). Sentences whose
    subject is a customer, imperatives addressed to the reader, problem statements and
    sentences with a measured outcome are not flagged. The headline, sub-heading and first
    summary sentence are left to tech-first-headline.

    **Fix.** Make the customer the subject and say what they can now do; move architecture,
    languages and hosting to the FAQ.

    Options: `parts` (default `["pr"]`), `min-dense-weight`, `min-density`, `messages`, and the
    lexicon extensions `extend-technology-terms`, `extend-implementation-verbs`,
    `extend-pantry-cues`, `extend-customer-roles`.
    """
    lex, segments, products = _context(document, ctx)
    lead = {(s.unit.index, s.start) for s in find_lead(document).sentences()}
    parts = set(ctx.get("parts", ("pr",)))
    for unit in document.units:
        if unit.part not in parts or unit.kind not in PROSE_KINDS:
            continue
        for sentence in unit.sentences:
            if (unit.index, sentence.start) in lead:
                continue
            found = _reason(sentence, ctx, lex, segments, products)
            if found is not None:
                yield Violation.in_sentence(
                    sentence, found.start, found.end, _message(ctx, found), vocabulary=_product_hint(document, found)
                )


def tech_first_headline(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a headline, sub-heading or first summary sentence that leads with technology.

    **Why.** Ian McAllister's outline reserves the headline for the product "in a way the reader
    (i.e. your target customers) will understand", the sub-heading for "who the market for the
    product is and what benefit they get", and the summary for a pitch that stands alone. A
    stack, protocol or language named there, before any customer, is the highest-value
    technology-first finding: the reader learns what was built before learning who it is for.

    **What is flagged.** In those three places: everything tech-first-sentence flags, and a line
    whose technology terms come before any customer noun and weigh at least `min-lead-weight`
    (a lexicon term or code-shaped word counts 1, a word such as "platform" counts half).

    **Fix.** Name the customer and the benefit first ("Independent bookstore owners can now...");
    keep the technology for the FAQ.

    Options: `min-lead-weight` (default 2), `messages`, and the lexicon extensions.
    """
    lex, segments, products = _context(document, ctx)
    min_weight = float(ctx.get("min-lead-weight", 2.0))
    lead = find_lead(document)
    places = {}
    for unit, place in ((lead.headline, "headline"), (lead.subheading, "sub-heading")):
        if unit is not None:
            for sentence in unit.sentences:
                places[(unit.index, sentence.start)] = (sentence, place)
    first = lead.summary_first()
    if first is not None:
        places[(first.unit.index, first.start)] = (first, "first summary sentence")
    for sentence, place in places.values():
        found = _reason(sentence, ctx, lex, segments, products)
        if found is None:
            found = _technology_before_customer(sentence, lex, segments, products, min_weight)
        if found is not None:
            message = ctx["lead-message"].format(place=place, detail=_message(ctx, found))
            hint = _product_hint(document, found)
            yield Violation.in_sentence(sentence, found.start, found.end, message, vocabulary=hint)


def _technology_before_customer(
    sentence: Sentence, lex: Lexicon, segments: tuple[str, ...], products: frozenset[str], min_weight: float
) -> TechFirst | None:
    found = leading_technology(sentence, lex, segments, products)
    if found is None:
        return None
    terms, first_customer = found
    if weight(terms) < min_weight or not any(t.weight >= 1.0 for t in terms):
        return None
    if first_customer is not None and first_customer < terms[0].start:
        return None
    before = [t for t in terms if first_customer is None or t.start < first_customer]
    start, end = before[0].start, before[-1].end
    return TechFirst("dense", start, end, _term_words(before), tuple(before))


def _term_words(terms: Sequence[Term]) -> str:
    """The technology terms themselves (inline code included, which is not in the sentence text)."""
    return ", ".join(dict.fromkeys(t.text for t in terms))


def sentence_candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """tech-first-sentence's prefilter: the sentences of the parts it checks, and the press
    release (the lead's segments and the product's names)."""
    parts = set(ctx.get("parts", ("pr",))) | {"pr"}
    for unit in document.units:
        if unit.part in parts:
            yield from unit.sentences
