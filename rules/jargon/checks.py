"""Jargon: sentences a customer would have to decode, judged by the jargon model."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from wbl_rules import memo
from wbl_rules.analysis import (
    RoleHints,
    first_definitions,
    press_release,
    product_names,
    segments_of,
    technical_audience,
)
from wbl_rules.sentences import (
    STRONG_JARGON,
    Model,
    SentenceLexicon,
    Term,
    default_model,
    jargon_terms,
    may_hold_jargon,
    placeholders_in,
    prepare_sentence_lexicon,
    products_key,
)

from wbl.document import Document, Sentence, Unit
from wbl.rule import Figure, RuleContext, Severity, Violation
from wbl.textutil import zipf_frequency
from wbl.vocabulary import VocabularyHint

LABEL = "jargon"
# How the message names each kind of term (`wbl_rules.sentences.jargon_terms`).
KIND_NAMES = {
    "acronym": "acronym",
    "mixed_acronym": "acronym",
    "camel": "code-style name",
    "code": "code or file name",
    "lexicon": "technical term",
    "buzzword": "buzzword",
    "compound": "technical compound",
    "rare": "rare word",
    "uncommon": "uncommon word",
    "vocab": "computing word",
}
# Terms the review page's density chart counts: those that are jargon on their own.
COUNTED = (*STRONG_JARGON, "compound")


def _repeat_key(term: str) -> str:
    """A term as the repeat check compares it: lower case, its last word without a plural "s"
    ("neural networks" repeats "neural network", "SLAs" repeats "SLA")."""
    key = term.lower()
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


def prepare(ctx: RuleContext) -> SentenceLexicon:
    """The rule's `prepare` step: the model's word lists with this rule's technical terms, the
    buzzword and acronym rules' options and the project's vocabulary."""
    return prepare_sentence_lexicon(ctx)


def _accepted_form(term: Term, slex: SentenceLexicon) -> str:
    """The words to accept for a term: a buzzword's listed form (buzzword's own advice), else as written."""
    return slex.buzzwords.term(term.text) if term.kind == "buzzword" else str(term.text)


def _sentences(document: Document, ctx: RuleContext, *, judged: bool = True) -> Iterator[tuple[Unit, Sentence]]:
    """The sentences the rule judges: those of its kinds of unit that could hold a jargon term,
    and of the headings, those whose anatomy role is one of `heading-roles` (the headline); with
    `judged` false, every heading's (the prefilter reads each unit alone)."""
    slex: SentenceLexicon = ctx.prepared
    kinds, parts = set(ctx["kinds"]), set(ctx.get("parts", ("pr", "faq")))
    roles = tuple(ctx.get("heading-roles", ()))
    headings = {s.unit.index for s in document.anatomy.with_roles(*roles)} if roles and judged else None
    for unit in document.units:
        heading = unit.is_heading and bool(roles) and (headings is None or unit.index in headings)
        if (unit.kind in kinds or heading) and unit.part in parts and unit.text.strip():
            for sentence in unit.sentences:
                if sentence.span is not None and may_hold_jargon(sentence, slex):
                    yield unit, sentence


def candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """The rule's prefilter: the sentences it judges (the model reads their parse), and the press
    release, whose parse names the product (`product_names`: a product's name is never jargon).
    Both are chosen paragraph by paragraph (`local-prefilter`)."""
    yield from (sentence for _, sentence in _sentences(document, ctx, judged=False))
    yield from press_release(document, ctx)


def figures(document: Document, ctx: RuleContext) -> Iterator[Figure]:
    """Each unit's jargon terms out of its content words, against its part's limit (the HTML page's chart)."""
    slex: SentenceLexicon = ctx.prepared
    products = product_names(document, slex.lexicon)
    kinds = set(ctx["kinds"])
    parts = set(ctx.get("parts", ("pr", "faq")))
    counts: dict[int, tuple[Unit, int]] = {
        u.index: (u, 0)
        for u in document.units
        if u.kind in kinds and u.part in parts and u.text.strip() and u.sentences
    }
    for unit, sentence in _sentences(document, ctx):  # the others hold no term
        if unit.index not in counts:
            continue  # the headline: the chart measures the sections' prose
        found = sum(1 for t in jargon_terms(sentence, slex, products) if t.kind in COUNTED)
        counts[unit.index] = (unit, counts[unit.index][1] + found)
    for unit, found in counts.values():
        limit = ctx["faq-limit"] if unit.part == "faq" else ctx["pr-limit"]
        yield Figure("jargon", found, unit, total=unit.content_word_count, limit=float(limit))


# Terms too weak to name when stronger ones are there: general computing words ("data", "build").
WEAK_KINDS = ("vocab",)
# Terms a reader may well know: general computing words, words only somewhat rare, names shaped
# like code ("OpenAI"). A finding that names no other kind is `weak-severity`.
WEAK_EVIDENCE = ("vocab", "uncommon", "camel")


def _weak(term: Term) -> bool:
    """A term a reader may well know (`WEAK_EVIDENCE`); not a name in code's own case
    ("getUserById", "npm"), which is code, not a brand."""
    return term.kind in WEAK_EVIDENCE and not (term.kind == "camel" and term.text[:1].islower())


def _familiar_acronym(term: Term, zipf: float | None) -> bool:
    """An acronym most readers have met (as frequent in English as `zipf` or more, the acronym
    rule's ``familiar-zipf``): "API", "IBM", "VIP"."""
    if zipf is None:
        return False
    written = term.text[:-1] if term.text.endswith("s") else term.text  # "APIs"
    capitals = 2 <= len(written) <= 6 and written.isalpha() and written.isupper()
    return capitals and zipf_frequency(written.lower()) >= zipf


def _acronym_key(text: str) -> str:
    """ "APIs" -> "API": the acronym as the document defines it."""
    return text[:-1] if text.endswith("s") and text[:-1].isupper() else text.upper()


def named_terms(weighed: list[tuple[Term, float]], defined: Mapping[str, object]) -> list[tuple[Term, float]]:
    """The terms a finding names, strongest first: those that pushed the model towards jargon,
    without acronyms the document defines, and without weak kinds when stronger terms are there."""
    terms = [
        (t, w)
        for t, w in weighed
        if w > 0 and not (t.kind in ("acronym", "mixed_acronym") and _acronym_key(t.text) in defined)
    ]
    if any(t.kind not in WEAK_KINDS for t, _ in terms):
        terms = [(t, w) for t, w in terms if t.kind not in WEAK_KINDS]
    return sorted(terms, key=lambda tw: (-tw[1], tw[0].tokens))


def _names_customers(term: Term, sentence: Sentence, customers: frozenset[str]) -> bool:
    """Whether `term` is one word whose lemma is a customer segment the lead names."""
    if len(term.tokens) != 1 or not customers:
        return False
    return sentence.span[term.tokens[0]].lemma_.lower() in customers


@dataclass(frozen=True, slots=True)
class _Weighed:
    """A term of a sentence the model flags (its tokens counted from the sentence's first), its
    share of the score, and its characters in the sentence."""

    term: Term
    weight: float
    start: int
    end: int


def _verdict(
    sentence: Sentence, slex: SentenceLexicon, products: frozenset[str], model: Model
) -> tuple[str, tuple[_Weighed, ...]] | None:
    """The model's level for a sentence and its weighed terms (None: not jargon), remembered by
    sentence (the language server asks again for every sentence after each edit)."""
    return memo.JARGON_VERDICT.remember(
        sentence,
        lambda: _weigh(sentence, slex, products, model),
        model.version,
        slex.key,
        products_key(products),
        placeholders_in(sentence),
    )


def _weigh(
    sentence: Sentence, slex: SentenceLexicon, products: frozenset[str], model: Model
) -> tuple[str, tuple[_Weighed, ...]] | None:
    if model.level(sentence, LABEL, slex, products) is None:
        return None
    why = model.explain(sentence, LABEL, slex, products)
    assert why.level is not None
    span = sentence.span
    doc, first, base = span.doc, span.start, span.start_char
    weighed = []
    for term in jargon_terms(sentence, slex, products):
        last = doc[term.tokens[-1]]
        weighed.append(
            _Weighed(
                Term(term.kind, tuple(i - first for i in term.tokens), term.text),
                why.strength(term.tokens),
                doc[term.tokens[0]].idx - base,
                last.idx + len(last.text) - base,
            )
        )
    return why.level, tuple(weighed)


def _named(terms: list[tuple[Term, float]], show: int, buzzwords: int = 0) -> str:
    """The terms a message names ('API' (acronym), ...), then how many more, then how many buzzwords
    it does not name (the buzzword rule reports each at its own words)."""
    listed = ", ".join(f"'{t.text}' ({KIND_NAMES.get(t.kind, 'jargon')})" for t, _ in terms[:show])
    more = len(terms) - show if len(terms) > show else 0
    plural = "s" if buzzwords > 1 else ""
    if more and buzzwords:
        return f"{listed}, {more} more and {buzzwords} buzzword{plural}"
    if more:
        return f"{listed} and {more} more"
    return f"{listed} and {buzzwords} buzzword{plural}" if buzzwords else listed


def _unless_buzzwords(terms: list[tuple[Term, float]]) -> tuple[list[tuple[Term, float]], int]:
    """The terms to name and how many buzzwords are left unnamed: a buzzword has a finding of its
    own (buzzword, with its plain replacement), so a message that names other terms does not
    repeat it; a sentence of buzzwords alone names them (the buzzword rule supersedes it there)."""
    named = [(t, w) for t, w in terms if t.kind != "buzzword"]
    named, buzzwords = (named, len(terms) - len(named)) if named else (terms, 0)
    first: dict[str, tuple[Term, float]] = {}  # a term written twice ("API ... API") is named once
    for term, weight in named:
        first.setdefault(term.text, (term, weight))
    return list(first.values()), buzzwords


def jargon_density(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags sentences a customer would have to decode, naming the terms that make them so.

    **Why.** Working Backwards documents are written for the customer and for leaders outside
    the team: "Oprah-speak, not Geek-speak". Amazon's guidance asks authors to avoid jargon and
    define acronyms; a sentence packed with internal terms makes the reader stop and decode.

    **How.** A small learned model (`wbl_rules.sentences`, trained by
    ``training/sentences/train.py`` on labelled sentences of real PR/FAQs) reads each sentence:
    the jargon terms it finds (acronyms, including mixed-case and plural ones such as "OAuth"
    and "PMs"; code and file names; technical terms and engineering or business phrases made of
    ordinary words, ``technical-terms``: "feature store", "warm standby", "lead scoring";
    buzzwords, the buzzword rule's table; rare words; technical noun compounds such as "event
    bus"), and what speaks against them (a term defined in the sentence, "a Bloom filter, a
    compact set structure,"; everyday acronyms such as RAM and PDF, the acronym rule's
    ``exempt``; rare words built from common parts, "waitlist"; misspellings of common words,
    read as the word meant, "hundereds"; words in other scripts, whose rarity English word
    frequencies cannot judge, "ระบบ"; hashtags, "#offroad"; names, the company's as the
    leader's attribution writes it among them, "KC HiLiTES", and words in capitals too long
    for an acronym, "CORKBRICK"; Roman numerals that number a word, "SOC 2 Type II"; dateline cities; ``[EXEC NAME]``
    placeholders; amounts in millions or billions, "$1.1B", and version labels, "V1", which are
    no code names; the customers the lead names, "installers" in a release for solar installers,
    who are its readers). A sentence the model is confident about is a warning, one it
    finds likely is a hint (the thresholds come from training; see docs/architecture.md). The
    finding points at the term that weighed most and names the others; buzzwords among them are
    counted, not named, when other terms are named (the buzzword rule reports each one, with its
    plain replacement).

    **Severity.** Its findings are hints by default: shown, never blocking. A sentence is dense
    with jargon when it holds five terms or more (``dense-terms``); one that holds fewer is a hint
    (``sparse-severity``): in user trials, reviewers judged 41 of 173 one-term warnings right (87
    false) and 61 of 193 two-term ones (72 false); with the hints below in place, 2 of 43 warnings
    of three or four terms (25 false), against 4 of 12 with five or more (2 false). A dense
    sentence is a hint as well (``dense-severity``): over the user trials of 2026-12-05 to 12-06,
    the warnings the rule still gave were right 7 times in 30 (9 false), 2 in 8 in the round that
    was to confirm it (a developer's own words, a company's name, a customer's quote). The labelled
    sentences count most of them as jargon, so they are shown, and a project that wants them to
    block sets ``dense-severity = ""`` (and ``sparse-severity = ""`` or a lower ``dense-terms``).
    A finding that points at a buzzword (the term that weighed most) keeps the warning: the buzzword
    rule's finding on the same words takes it (reviewers judged 22 of 28 such warnings right).

    A finding that names only terms a reader may well know (general computing words, "system",
    "uploads"; words that are only somewhat rare, "legible"; names shaped like code, "OpenAI",
    but not code's own, "getUserById") is a hint (``weak-severity``): in user trials, reviewers
    judged 9 of 45 such warnings right (20%), against 48 of 150 (32%) for the others, though the
    labelled sentences count most of them as jargon (a general reader's view).

    The FAQ may be technical: its findings are hints (``faq-severity``). So are the release's
    when its lead names a technical audience (``audience-severity``), as the customer lexicon's
    ``technical-audiences`` and ``technical-fields`` say ("solo developers", "DevOps engineers",
    "platform teams", "data scientists"). Such readers know many of the
    terms a general reader would have to decode; the hint still names them, with
    ``audience-note``, for the readers outside the team (leaders, press) the release also
    reaches. In user trials, reviewers judged 8 of 53 such warnings right (15%), against 42 of
    110 (38%) in other releases. Terms the project's
    vocabulary accepts and product names are never jargon; terms it rejects are buzzwords. A
    buzzword or an undefined acronym that is the whole finding is left to the buzzword and
    undefined-acronym rules, which supersede this one on the same words.

    **Fix.** Replace the terms with what they mean to the customer, or define each at first
    use. A term your readers know belongs in the project's vocabulary (``[vocabulary] accept``).

    Headings are judged by their role: the headline and the subheading speak to the customer
    (``heading-roles``); the document's title and its section headings do not.

    **Repeats.** A sentence whose terms were all named in the message of a warning above is the
    same gap again: it is reported as a hint (``repeat-severity``), with a note (``repeat-note``),
    so that a developer tool's release that says "API" in every paragraph gets one warning for it.
    A warning hidden by a suppression comment still counts as named.

    In the "About <company>" paragraph, the media contact and metadata fields, findings are hints
    (``hint-roles``): no pitch to the customer (reviewers in the user trials judged 2 of 13 such
    warnings right).

    Options: ``parts``, ``kinds``, ``heading-roles``, ``hint-roles``, ``faq-severity``, ``weak-severity``,
    ``dense-terms``, ``sparse-severity``, ``dense-severity``,
    ``audience-severity``, ``audience-note``, ``extend-technical-audiences``, ``extend-technical-fields``, ``show``,
    ``technical-terms``, ``message``, ``repeat-severity``, ``repeat-note``, and
    ``pr-limit`` / ``faq-limit`` (the density the HTML review page marks as the limit).
    """
    slex: SentenceLexicon = ctx.prepared
    model = default_model()
    products = product_names(document, slex.lexicon)
    show = int(ctx.get("show", 4))
    faq_severity = Severity.parse(ctx["faq-severity"]) if ctx.get("faq-severity") else None
    acronym_options = ctx.options_of("undefined-acronym")
    defined = first_definitions(document, acronym_options, ctx.vocabulary)
    # The acronyms the acronym rule reports as hints, as most readers have met them ("API", "IBM").
    familiar = float(acronym_options.get("familiar-zipf", 3.5)) if acronym_options.get("familiar-severity") else None
    repeat_severity = Severity.parse(ctx["repeat-severity"]) if ctx.get("repeat-severity") else None
    audience_severity = Severity.parse(ctx["audience-severity"]) if ctx.get("audience-severity") else None
    weak_severity = Severity.parse(ctx["weak-severity"]) if ctx.get("weak-severity") else None
    sparse_severity = Severity.parse(ctx["sparse-severity"]) if ctx.get("sparse-severity") else None
    dense_severity = Severity.parse(ctx["dense-severity"]) if ctx.get("dense-severity") else None
    dense = int(ctx.get("dense-terms", 1))
    audience = None
    if audience_severity is not None:
        audience = technical_audience(document, slex.lexicon)
    # The customers the lead names are the release's readers, not jargon ("installers" in a
    # release for solar installers, though the word is rare).
    customers = frozenset(segments_of(document, slex.lexicon))
    warned: set[str] = set()  # the terms named by warnings so far, in reading order
    hinted = RoleHints(document, ctx)
    for unit, sentence in _sentences(document, ctx):
        found = _verdict(sentence, slex, products, model)
        if found is None:
            continue
        level, weighed = found
        weighed = tuple(w for w in weighed if not _names_customers(w.term, sentence, customers))
        terms = named_terms([(w.term, w.weight) for w in weighed], defined)
        if not terms:
            continue  # nothing to name: no term the writer could change (or only defined acronyms)
        strongest = next(w for w in weighed if w.term is terms[0][0])
        start, end = sentence.start + strongest.start, sentence.start + strongest.end
        severity = Severity.parse(level)
        if unit.part == "faq" and faq_severity is not None and faq_severity.rank < severity.rank:
            severity = faq_severity
        named, buzzwords = _unless_buzzwords(terms)
        message = ctx["message"].format(terms=_named(named, show, buzzwords))
        if (
            weak_severity is not None
            and weak_severity.rank < severity.rank
            and all(_weak(t) or _familiar_acronym(t, familiar) for t, _ in terms)
        ):
            severity = weak_severity  # only words a reader may well know: "system", "uploads", "legible", "API"
        buzzword = terms[0][0].kind == "buzzword"
        cap = sparse_severity if len({t.text.lower() for t, _ in terms}) < dense else dense_severity
        if cap is not None and cap.rank < severity.rank and not buzzword:
            # Fewer than `dense-terms` terms (one to four): no density of jargon; and a dense
            # sentence is a hint too (`dense-severity`). A finding that points at a buzzword keeps
            # the warning, which the buzzword rule's finding on the same words takes (its hint is
            # a warning where the model finds the sentence jargon).
            severity = cap
        if unit.part == "pr" and audience is not None and audience_severity.rank < severity.rank:
            severity = audience_severity
            message += ctx.get("audience-note", "").format(audience=audience)
        severity = hinted.capped(unit, start, severity) or severity
        if severity is Severity.WARNING and repeat_severity is not None:
            keys = [_repeat_key(_accepted_form(term, slex)) for term, _ in terms]
            if warned.issuperset(keys):
                severity, message = repeat_severity, message + ctx.get("repeat-note", "")
            else:  # what this warning names in its message (not the terms it only counts)
                warned.update(_repeat_key(_accepted_form(term, slex)) for term, _ in named[:show])
        # Every term the finding counts, named or not: accepting only those shown would leave it.
        # A buzzword is accepted in its listed form, as buzzword's own advice says ("leverage",
        # which covers "leverages" and "leveraged").
        hint = VocabularyHint.accept(*dict.fromkeys(_accepted_form(term, slex) for term, _ in named))
        yield Violation(message, unit, start, end, severity=severity, vocabulary=hint)
