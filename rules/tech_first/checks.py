"""Technology-first sentences: the press release starts from the pantry, not the customer."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from wbl_rules import memo
from wbl_rules.analysis import (
    PROSE_KINDS,
    RoleHints,
    find_lead,
    names_the_product,
    press_release,
    product_hint,
    product_names,
    shaped_like_code,
    subject_of,
)
from wbl_rules.sentences import (
    Explanation,
    SentenceLexicon,
    analyse,
    default_model,
    fronted_mechanism,
    phrases_of,
    placeholders_in,
    products_key,
)

from wbl.anatomy import handle_value, problem_score
from wbl.document import Document, Sentence
from wbl.rule import RuleContext, Severity, Violation
from wbl.vocabulary import VocabularyHint

LABEL = "tech_first"
# What a reason says about its words, by the feature's name (the longest matching prefix).
REASON_TEXTS = {
    "subj:technology": "is a technology as the subject",
    "subj:product": "is the product as the subject, not the customer",
    "subj:company": "is the company as the subject, not the customer",
    "subj:thing": "is a thing as the subject, not the customer",
    "subj:none": "leaves out who benefits",
    "company": "is the company speaking, not the customer",
    "root:build_verb": "says how it is built or run",
    "any:build_verb": "says how it is built or run",
    "x:thing_builds": "says how it is built or run",
    "cue:built_on": "says what it is built on",
    "cue:mechanism_prep": "names the mechanism",
    "cue:fronted_mechanism": "opens with the mechanism",
    "cue:pantry": 'is the "pantry" pattern',
    "passive": "says what is done to a thing (a passive), not what the customer gets",
    "root:is_a_tech": "describes the product as technology",
    "root:future": "promises what the product will do",
    "root:no_verb": "names things without saying what the customer gets",
    "start:gerund": "opens with an activity, not the customer",
    "x:customer_acts_on_tech": "has the customer operate the technology",
    "x:problem_with_tech": "states a technical problem",
    "propn:": "names a product or tool",
    # A word's own weight in the model: learned from the labelled sentences, not a lexicon's.
    "lemma:": "is mostly seen in technology-first sentences",
}
TECHNOLOGY = "names technology"  # tech:, jt:, jargon:, vocab: and the rest


def _reason_text(feature: str) -> str:
    matches = [prefix for prefix in REASON_TEXTS if feature.startswith(prefix)]
    return REASON_TEXTS[max(matches, key=len)] if matches else TECHNOLOGY


_PLURAL_VERBS = {
    "says": "say",
    "names": "name",
    "is": "are",
    "has": "have",
    "opens": "open",
    "describes": "describe",
    "states": "state",
    "promises": "promise",
    "leaves": "leave",
}


def describe(explanation: Explanation, span: Any) -> str:
    """The reasons in words: "'separated' says how it is built or run; 'Tenant', 'container' name
    technology". Each word is named once, under its strongest specific reason."""
    by_text: dict[str, list[int]] = {}
    covered: set[int] = set()
    # Specific reasons first (stable: strongest first within each), then "names technology".
    for reason in sorted(explanation.reasons, key=lambda r: _reason_text(r.feature) == TECHNOLOGY):
        fresh = [i for i in reason.tokens if i not in covered]
        if fresh and phrases_of(span, fresh):
            by_text.setdefault(_reason_text(reason.feature), []).extend(fresh)
            covered.update(fresh)
    parts = []
    named: set[str] = set()  # a word is quoted once, under its first reason
    for text, tokens in by_text.items():
        phrases = [p for p in phrases_of(span, tokens, whole_words=True) if p not in named]
        named.update(phrases)
        if not phrases:
            continue
        if len(phrases) > 1:
            verb, _, rest = text.partition(" ")
            text = f"{_PLURAL_VERBS.get(verb, verb)} {rest}"
        parts.append(", ".join(f"'{p}'" for p in phrases[:4]) + f" {text}")
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class Judged:
    """A sentence the model (or the pantry cue) flags: where, how severe, and why."""

    start: int  # offsets in the sentence
    end: int
    severity: Severity
    reasons: str
    pantry: str = ""  # the pantry cue's words, when that is the reason
    by_model: bool = False  # the model's verdict alone (no pantry cue, no mechanism fronted)


def judge(
    sentence: Sentence, slex: SentenceLexicon, products: frozenset[str], cap: Severity | None = None
) -> Judged | None:
    """The model's verdict on one sentence, at most `cap`; a pantry cue is a warning whatever
    the model says (at most `cap`). Remembered by sentence (the language server asks again for
    every sentence after each edit, most of them unchanged)."""
    if sentence.span is None:
        return None
    return memo.TECH_FIRST_VERDICT.remember(
        sentence,
        lambda: _judge(sentence, slex, products, cap),
        default_model().version,
        slex.key,
        products_key(products),
        cap.name if cap is not None else "",
        placeholders_in(sentence),
    )


def _judge(sentence: Sentence, slex: SentenceLexicon, products: frozenset[str], cap: Severity | None) -> Judged | None:
    span = sentence.span
    if span is None or not sentence.text.strip():
        return None
    analysis = analyse(sentence, slex, products)
    pantry = _pantry(analysis, span.doc, slex.impl_verbs)
    model = default_model()
    # A mechanism opening the sentence ("Using OAuth tokens, a teacher can ...") is tech-first
    # whatever the model says: the customer comes second.
    fronted = fronted_mechanism(sentence, slex, analysis) if not pantry else ()
    if not pantry and not fronted and model.level(sentence, LABEL, slex, products) is None:
        return None
    why = model.explain(sentence, LABEL, slex, products)
    doc, base = span.doc, sentence.start
    if pantry:
        tokens = pantry[0]
        severity = Severity.WARNING
    elif fronted:
        tokens = tuple(range(fronted[0], fronted[-1] + 1))
        severity = Severity.WARNING
    else:
        focus = why.focus(doc)
        if focus is None:
            return None
        tokens = tuple(range(focus[0], focus[1] + 1))
        severity = Severity.parse(why.level or "warning")
    if cap is not None and cap.rank < severity.rank:
        severity = cap
    start = doc[tokens[0]].idx - base
    end = doc[tokens[-1]].idx + len(doc[tokens[-1]].text) - base
    words = sentence.text[start:end]
    if fronted:
        return Judged(start, end, severity, f"opens with the mechanism, '{words}', before the customer")
    return Judged(start, end, severity, describe(why, span) or f"'{words}'", words if pantry else "", not pantry)


def _pantry(analysis: Any, doc: Any, building: frozenset[str]) -> tuple[tuple[int, ...], ...]:
    """The pantry cues of a sentence. "we could" is the pantry when it builds or combines ("we
    could combine our data with ...") or stands beside technology; otherwise it is someone's
    wish or memory ("we could see all these candidates", a customer's "If we could settle in
    seconds")."""

    def builds(hit: tuple[int, ...]) -> bool:
        verb = doc[hit[-1]].head if doc[hit[-1]].dep_ == "aux" else None
        return verb is not None and verb.lemma_.lower() in building | _MAKING

    return tuple(
        hit
        for hit in analysis.phrases["pantry"]
        if analysis.tech or " ".join(doc[i].lower_ for i in hit) != "we could" or builds(hit)
    )


_MAKING = frozenset(("combine", "build", "make", "create", "add", "use", "offer", "put", "turn", "apply"))


def _message(ctx: RuleContext, found: Judged, faq: bool = False) -> str:
    if found.pantry:
        return ctx["pantry-message"].format(words=found.pantry)
    template = (ctx.get("faq-message") if faq else None) or ctx["message"]
    return template.format(reasons=found.reasons)


def _context(document: Document, ctx: RuleContext) -> tuple[SentenceLexicon, frozenset[str]]:
    slex: SentenceLexicon = ctx.prepared
    return slex, product_names(document, slex.lexicon)


def _faq_cap(ctx: RuleContext) -> Severity | None:
    value = ctx.get("faq-severity", "info")
    return Severity.parse(value) if value else None


def tech_first_sentence(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags sentences that lead with technology or implementation instead of a customer or outcome.

    **Why.** Working Backwards starts from the customer's problem. Ian McAllister's warning: "If
    you say *we could* and it's not grounded in a customer or customer's problem, you're not
    working backwards"; the "pantry" symptom is "we have these ingredients, we could put them
    together". M. Bordenet lists "Leveraging our microservices architecture..." among the common
    PR/FAQ mistakes. The press release says what the customer gets; how it is built belongs in
    the FAQ.

    **How.** A small learned model (`wbl_rules.sentences`, trained by
    ``training/sentences/train.py`` on labelled sentences of real PR/FAQs) reads each sentence:
    who the subject is (a customer, "you", the company, the product, a technology), verbs of
    building, hosting, running, storing and routing, "built on" / "powered by", a mechanism
    named ("via OAuth", "through our Kafka event bus", "Using OAuth tokens, a teacher can..."),
    impersonal passives about data ("tenant data is separated at the container level"),
    technology recognised from its shape and context as well as the lexicons (databases,
    libraries, protocols and file formats are an open class), customer words, problem
    statements ("chat models forget earlier instructions" is a problem, not a pitch) and the
    words themselves. A sentence the model is confident about is a warning, one it finds likely
    is a hint (the thresholds come from training; see docs/architecture.md). The finding points
    at the words that weighed most and says what they do. A "pantry" cue ("we could", "by
    combining our", "under the hood") is a warning whatever the model says ("we could" when it
    builds or combines, "we could combine our data with ...", or beside technology; not a
    customer's "we could see every candidate"), and so is a
    mechanism that opens the sentence before its main clause: a clause or phrase whose verb
    builds, runs or uses something and that names a technology ("Using OAuth tokens, a teacher
    can ...", "Built on Open Voice OS, Cypher lets ..."; not a condition, "If the tablet loses
    its Wi-Fi, ..."). On the labelled sentences of the corpus's train split, dev and dev2 the
    model missed 6 of the 7 such sentences labelled tech-first, and 1 was not.

    **Where.** Every press-release sentence: the body, the problem and solution paragraphs, and
    quotes (a leader's quote that sells the stack is still technology-first). What the anatomy
    finds is not the release's own prose is not judged: a preamble before it ("Format follows AP
    wire conventions", status notes), titles, template prompts. The headline,
    sub-heading and first summary sentence are tech-first-headline's. FAQ answers are where the
    technology belongs: a technical answer gets at most a hint there (``faq-severity``, default
    ``info``; "" judges the FAQ like the release), and questions are not judged. The call to
    action is judged as the release is: of the labelled sentences in the train split's calls to
    action, 35 of 290 are technology-first ("It runs as a Telegram bot backed by local SQLite
    state ..."), though how to start may name what to install. Where the document gives it a
    section of its own ("## Getting Started", "**Availability:**"), that section is where what to
    install and what it runs on belong, and its findings are hints (``headed-hint-parts``; the
    user trials' reviewers judged 0 of 16 such warnings right, 12 false); a closing paragraph the
    anatomy finds by its wording keeps warnings (5 of 8 right there). The cost: a stack list or a
    pitch put under such a heading is a hint too (a reviewer of round 29 asked for a warning on
    "Key Technical Specifications" under "### Availability"). In the problem
    paragraph, a sentence that states a difficulty (as strongly as ``problem-statement``, on the
    anatomy's problem scale: difficulty words, a status-quo opening, negation) is the customer's
    problem, even when its subject is a technical system ("Deploying one model takes dozens of
    Kubernetes manifests"): it is not judged. A sentence there that describes how the product
    works still is. Any other sentence of the problem paragraph that names neither the product
    nor the company ("we", "our") tells the status quo, often in its own technical terms ("the
    server holds enough information to verify password guesses"): it gets at most a hint
    (``problem-severity``, default ``info``; "" judges it as the release). On the labelled
    sentences of the train split, dev and dev2, 10 of the 18 such warnings were labelled
    technology-first.

    The project's vocabulary counts: accepted terms and product names are never technology nor a
    reason, its technology terms and customer roles join the lexicons.

    **Fix.** Make the customer the subject and say what they can now do; move architecture,
    languages and hosting to the FAQ.

    The "About <company>" paragraph, the media contact and metadata fields ("Stack: FastAPI") are
    no pitch to the customer: their findings are hints (``hint-roles``; reviewers in the user
    trials judged 0 of 6 warnings there right). So are the fields of a spec sheet, the lines that
    open with a run-in label under a heading naming one ("### Technical Specifications" over "-
    **Cloud Platform**: AWS (Lambda, S3)"): reviewers judged 1 of 9 such warnings right (5 false);
    the labels count them technology-first, which the hint keeps. And so are the headings and bold
    labels of the release's sections ("**Z80/8080 Backend:**"), which name a section rather than
    say anything to the customer: 0 of 12 such warnings judged right (6 false; ``label-hints``); a
    bold sentence is still judged as the release.

    A sentence the model alone flags in an item of a list (a feature list, an endpoint list,
    "Technical Highlights") gets at most a hint (``list-item-severity``, default ``info``): the
    user trials' reviewers judged 68 of 204 such warnings right (57 false: "a warning per bullet
    is noise"), against 188 of 380 elsewhere in the release; a pantry cue or a fronted mechanism
    in a list item stays a warning.

    A sentence the model alone flags whose main verb has a subject in ``hint-subjects`` ("it":
    "It runs on airgapped machines", "It automatically pulls data from Oura Ring into one
    dashboard") tells how the product behaves: a hint (the user trials' reviewers judged 1 of 15
    such warnings right; a pantry cue or a fronted mechanism stays a warning).

    The last sentence of the paragraph or list item right before a code block is the code
    sample's lead-in ("Create an S3 Bucket backed by a File System:"): a hint when the model alone
    flags it (``code-lead-in-hints``; reviewers judged 1 of 10 such warnings right: what the sample
    shows is the developer's own step).

    Options: `parts` (default `["pr", "faq"]`), `faq-severity`, `hint-roles`, `headed-hint-parts`, `hint-subjects`,
    `code-lead-in-hints`, `label-hints`, `list-item-severity`,
    `problem-statement` (0: judge every sentence of the problem paragraph), `problem-severity`,
    `message`, `faq-message` (for an FAQ answer), `pantry-message`, and the lexicon extensions
    `extend-technology-terms`, `extend-implementation-verbs`, `extend-pantry-cues`,
    `extend-customer-roles`.
    """
    slex, products = _context(document, ctx)
    faq_cap = _faq_cap(ctx)
    problem_cap = Severity.parse(ctx["problem-severity"]) if ctx.get("problem-severity") else None
    problem = document.anatomy.with_roles("problem") if problem_cap is not None else ()
    hinted = RoleHints(document, ctx)
    hint_subjects = frozenset(str(s).lower() for s in ctx.get("hint-subjects", ()))
    lead_ins = _code_lead_ins(document) if ctx.get("code-lead-in-hints", False) else frozenset()
    labels = _section_labels(document) if ctx.get("label-hints", False) else ()
    list_cap = Severity.parse(ctx["list-item-severity"]) if ctx.get("list-item-severity") else None
    for sentence in sentence_candidates(document, ctx):
        faq = sentence.unit.part == "faq"
        cap = faq_cap if faq else None
        if problem and any(s.holds(sentence) for s in problem) and not names_the_product(sentence, products):
            cap = problem_cap  # the status quo, told in its own technical terms
        found = judge(sentence, slex, products, cap)
        if found is not None:
            severity = found.severity
            if found.by_model and hint_subjects and _subject(sentence) in hint_subjects:
                severity = Severity.INFO  # "It runs on airgapped machines": how the product behaves
            elif found.by_model and sentence.unit.index in lead_ins and sentence is sentence.unit.sentences[-1]:
                severity = Severity.INFO  # "Create an S3 bucket backed by a file system:" over its code
            elif any(_within(label, sentence, found) for label in labels):
                severity = Severity.INFO  # "**Z80/8080 Backend:**": a section's name, not a sentence
            elif found.by_model and list_cap is not None and sentence.unit.kind == "list_item":
                # A list's bullet: one of many, judged as one and shown as a hint.
                severity = list_cap if list_cap.rank < severity.rank else severity
            yield Violation.in_sentence(
                sentence,
                found.start,
                found.end,
                _message(ctx, found, faq),
                severity=hinted.capped(sentence.unit, sentence.start + found.start, severity),
                vocabulary=_product_hint(document, found),
            )


def _within(segment: Any, sentence: Sentence, found: Judged) -> bool:
    """Whether the words a finding points at lie in the segment (a label on the line above the
    text it names, in one plain-text paragraph, holds the sentence's start but not its words)."""
    at = sentence.start + found.start
    return bool(segment.unit.index == sentence.unit.index and segment.start <= at < segment.end)


def _section_labels(document: Document) -> tuple[Any, ...]:
    """The anatomy's labels (headings and bold lines in the release) that are no sentence."""
    return tuple(s for s in document.anatomy.with_roles("label") if not s.text.strip(" *_").endswith((".", "!", "?")))


def _code_lead_ins(document: Document) -> frozenset[int]:
    """The units right before a code block: a code sample's lead-in ("Retrieve CloudWatch metric
    objects for the file system:")."""
    starts = sorted((block.start, block.kind) for block in document.blocks)
    found = set()
    for unit in document.units:
        at = bisect.bisect_left(starts, (unit.end, ""))
        if at < len(starts) and starts[at][1] == "code":
            found.add(unit.index)
    return frozenset(found)


def _subject(sentence: Sentence) -> str:
    """The lower-case subject of the sentence's main verb ("it" of "It runs on airgapped machines")."""
    subject = subject_of(sentence.span.root) if sentence.span is not None else None
    return subject.lower_ if subject is not None else ""


def parse_read(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """The rule's prefilter: the sentences it judges (`sentence_candidates`: the model reads their
    parse), and the press release, whose parse names the product (`product_names`: a product's
    name is never technology)."""
    yield from sentence_candidates(document, ctx)
    yield from press_release(document, ctx)


# Anatomy roles of text that is not the release's or the FAQ's own prose.
# Metadata fields are judged: "Stack: FastAPI, Postgres" can lead with technology.
_NOT_THE_RELEASE = frozenset({"preamble", "title", "residue", "guidance"})


def sentence_candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """The sentences tech-first-sentence judges (the model reads their parse): those of the
    checked parts but the lead's, and no document title ("PR/FAQ: usb-hsm"), FAQ
    question or FAQ heading."""
    lead = {(s.unit.index, s.start) for s in find_lead(document).sentences()}
    parts = set(ctx.get("parts", ("pr", "faq")))
    anatomy = document.anatomy
    titles = {s.unit.index for s in anatomy.with_roles("title")}
    # Notes about the document and template text frame nothing for the customer (on the corpus's
    # train split, 4 of 17 tech-first findings in preambles were right).
    aside = anatomy.with_roles(*_NOT_THE_RELEASE)
    fields = anatomy.with_roles("metadata")
    # A sentence of the problem paragraph that states a difficulty is the customer's problem, even
    # about a technical system ("Deploying one model takes dozens of Kubernetes manifests"): not a
    # pitch (the labelling guide's rule; see the docstring of tech_first_sentence).
    problem = anatomy.with_roles("problem")
    stated = float(ctx.get("problem-statement", 0) or 0)
    for unit in document.units:
        if unit.part not in parts or unit.kind not in PROSE_KINDS:
            continue
        if unit.is_heading and unit.index in titles:
            continue  # the document's title names it; the headline is judged by tech-first-headline
        faq = unit.part == "faq"
        if faq and unit.is_heading:
            continue  # an FAQ heading is a question or a section title
        for sentence in unit.sentences:
            if (unit.index, sentence.start) in lead or (faq and sentence.text.rstrip().endswith("?")):
                continue
            if any(s.holds(sentence) for s in aside):
                continue
            if any(s.holds(sentence) and handle_value(s.text) is not None for s in fields):
                continue  # "API Bar Raiser: @rix0rrr": a person's handle, no claim to judge
            if stated and any(s.holds(sentence) for s in problem) and problem_score(sentence.text) >= stated:
                continue
            yield sentence


def lead_places(document: Document) -> Mapping[tuple[int, int], tuple[Sentence, str]]:
    """The headline's, sub-heading's and first summary sentence's sentences, with their place's name."""
    lead = find_lead(document)
    places = {}
    for unit, place in ((lead.headline, "headline"), (lead.subheading, "sub-heading")):
        if unit is not None:
            for sentence in lead.sentences():
                if sentence.unit is unit:
                    places[(unit.index, sentence.start)] = (sentence, place)
    first = lead.summary_first()
    if first is not None:
        places[(first.unit.index, first.start)] = (first, "first summary sentence")
    return places


def tech_first_headline(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a headline, sub-heading or first summary sentence that leads with technology.

    **Why.** Ian McAllister's outline reserves the headline for the product "in a way the reader
    (i.e. your target customers) will understand", the sub-heading for "who the market for the
    product is and what benefit they get", and the summary for a pitch that stands alone. A
    stack, protocol or language named there, before any customer, is the highest-value
    technology-first finding: the reader learns what was built before learning who it is for.

    **How.** The same model as tech-first-sentence, on the three places the document's anatomy
    finds (`document.anatomy`: headline, sub-heading, the first real sentence of the summary);
    headlines that sell the technology with adjectives ("makes invoices tamper-proof with
    zero-knowledge proofs") are its typical finding. The finding points at the words that
    weighed most. When it flags the same words as tech-first-sentence or
    customer-after-technology, only this finding is kept (it supersedes them).

    **Fix.** Name the customer and the benefit first ("Independent bookstore owners can now...");
    keep the technology for the FAQ.

    Options: `message`, `pantry-message`, and the lexicon extensions.
    """
    slex, products = _context(document, ctx)
    for sentence, place in lead_places(document).values():
        found = judge(sentence, slex, products)
        if found is not None:
            message = ctx["lead-message"].format(place=place, detail=_message(ctx, found))
            yield Violation.in_sentence(
                sentence,
                found.start,
                found.end,
                message,
                severity=found.severity,
                vocabulary=_product_hint(document, found),
            )


def _product_hint(document: Document, found: Judged) -> VocabularyHint | None:
    """A product name taken for technology is the vocabulary's to fix: the names (capitalised or
    shaped like code) among the words the finding quotes that the document's title or headline
    also carries."""
    if found.pantry:
        return None  # a phrasing ("we could"), not a name
    quoted = " ".join(re.findall(r"'([^']+)'", found.reasons))
    words = re.findall(r"[\w][\w.+#-]*", quoted)
    names = [w for w in words if len(w) > 2 and (w[0].isupper() or "-" in w or shaped_like_code(w))]
    return product_hint(document, names) if names else None
