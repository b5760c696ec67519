"""Weasel words: listed qualifiers, hedges and peacock words, judged in their context."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise
from typing import Any

from wbl_rules.analysis import (
    RoleHints,
    cites_a_source,
    find_lead,
    is_customer_token,
    names_the_product,
    press_release,
    product_names,
    tokens_name_the_product,
)
from wbl_rules.sentences import (
    PERSON_PRONOUNS,
    TYPO_MIN_LETTERS,
    WeaselTable,
    WeaselTerm,
    contrast_clause,
    default_sentence_lexicon,
    likely_typo,
    weasel_table,
    weasel_terms,
)

from wbl.anatomy import Segment
from wbl.document import Document, Sentence
from wbl.kinds.existence import qualifier_cut
from wbl.rule import Applicability, Fix, RuleContext, Severity, Violation
from wbl.textutil import normal_phrase
from wbl.vocabulary import VocabularyHint


def prepare(ctx: RuleContext) -> WeaselTable:
    """The rule's `prepare` step: its word lists and exceptions, without the vocabulary's accepted terms."""
    return weasel_table(ctx.options, ctx.vocabulary)


def _qualifies_nothing(sentence: Sentence, term: WeaselTerm) -> bool:
    """Whether an approximator stands before punctuation, qualifying no figure or claim after it
    ("Record your demo once — roughly, imperfectly —": a manner, not an estimate)."""
    if sentence.span is None or not term.tokens:
        return False
    doc = sentence.span.doc
    after = term.tokens[-1] + 1
    return after < len(doc) and doc[after].is_punct


def weasel_word(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags weasel words: vague quantifiers ("many", "various"), vague frequency ("often",
    "sometimes"), intensifiers ("very", "significantly"), hedges ("should help", "might"),
    unattributed authority ("studies have shown"), peacock words ("seamless", "best-in-class"),
    claims of ease or speed ("simply", "in seconds") and unsupported superlatives ("the first tool
    that...", "one of the most", "the fastest"; superlatives of size or place, "the biggest
    problem", "the nearest store", are not listed).

    **Why.** Amazon's writing guidance says to replace adjectives with data: "nearly all customers"
    becomes "87% of Prime members", "significantly better" becomes "+25 basis points". A reviewer
    reads a weasel word as a claim the author could not support. Sources: "Write like an Amazonian",
    Doc Bar Raiser's weasel-word list, btford/weasel-words, proselint.

    **Not flagged.** The words are data (``groups``, ``exceptions`` and the lists below, all
    options); the context decides, from the parse:

    - numbers: an approximator ("typically", "roughly", ``approximators``) with any real number in
      the sentence ("typically under 30 seconds"); a quantifier, frequency or hedge, or a word of
      size ("massive", "enormous", ``size-words``), with a number in its own clause or within eight words.
      A claim of speed with the time it takes beside it ("replies arrive instantly, within 300
      ms", "in under 2 hours", "instant playback with sub-500ms latency"; not "restock quickly and
      save 20%", a number but no time, nor a frequency or a window of data, "instant alerts 24
      hours a day", "quickly processes 3 days of sales data"). Versions,
      years, "one of" and "thousands" are not numbers. "may", "might" and "should" are never
      excused by a number;
    - modals: "may" as permission after a person ("you may cancel", ``permission-subjects``) or
      before a verb of choosing ("players may choose a room", ``permission-verbs``), or a
      restriction ("may only accept"), or in a clause that asks who is allowed under a verb of
      granting over an act it allows ("creators decide who may read it", "policy answers what it
      may access", ``granting-verbs``,
      ``granted-acts``); "may" or "might" in a
      clause with its own subject after a
      plural or definite noun, which says which things are meant ("the places a town may have to
      offer", "the searches users might run"; "a tool customers might love" is still a hedge);
      "might" listing options beside a price; "should" unless it
      predicts ("should help", ``prediction-verbs``), never a requirement ("secrets should live on
      the server") or in a question; no hedge at all in the answer to a question about what could
      go wrong ("What are the risks?", "What could make this fail?") or what happens in a case
      ("What if the lock goes offline?", ``hedge-questions``), or under a heading that names
      risks ("## Open Risks"), where what may happen is the answer, nor in the alternative a
      sentence rejects ("built from real corrections, not from what engineers thought might
      break");
    - claims and facts: "the first" / "the only" before a fact ("the first release of",
      ``first-facts``), a count ("the first 50 patients") or a point in time ("on the first
      ride", "when you sign in for the first time"), an order among people or events ("the first
      family to reply gets the lane"; but "For the first time, clinics can ..."
      opening a sentence or clause is a claim), "unique" meaning distinct ("a unique QR code",
      "unique visitors", ``distinct-nouns``), a superlative of a measure that says what the
      product chooses ("routes each order to the cheapest carrier", "retrieves the most similar
      past actions": the object of one of ``selection-verbs``; not the customer's choice, nor one
      measured against the market, ``market-scopes``, "the fastest results of any search
      engine"; "finds the best deals" is still a claim), terms of art ("generally available", "best
      practices"), a speed in an account of what happened ("the service recovered in seconds", "the
      outage was detected in seconds")
      or of a launch ("available immediately"), or denied ("doesn't instantly rewire it"; "in
      seconds, not hours" is a claim), a peacock word under a lack ("lacks an easy way
      to share") or denied or lessened ("not ideal", "less ideal"), a figure in the parenthesis
      right after ("very quickly (less than 48 hours)"), the levels of a rating ("rated Excellent,
      Good, Poor or Bad"; a risk table's "Very High"), "instant" as a point in time ("one
      injected instant"; "in an instant" is a claim), a name ("Swift", "an app called Ultimate",
      outside a Title Case headline; not a word in capitals, "VERY easy"), the people a peacock
      adjective stands for ("disclosure binds the powerful"), a word of the
      product's name as written, wherever it stands ("Super" in "Super Natural Curls"), labels
      named in "(e.g., highly relevant, ...)", "most" and "some" outside their quantifier roles,
      and the phrases in ``exceptions`` ("too many", "could not", "not easy");
    - a source: a superlative, an authority, a quantifier or a frequency with its source cited
      after it in the sentence ("among the strongest predictors ([Schmidt & Hunter](https://...))",
      a footnote mark "[3]", "(CareerPlug, 2024)"), or in the parenthesis that ends its paragraph;
      "studies show" of particular studies ("the case studies show", "our studies show");
    - "may" or "might" with "otherwise" ("feedback they might otherwise withhold": what would
      happen without the product), "should" in "how it should work" or "what it should do";
    - what "rather than" or "instead of" sets aside ("usable rather than merely impressive").

    A quantifier is still reported when the things it counts follow ("several challenges:" over a
    list): the labelling guide counts it, and so do the labelled sentences; but as a hint (see
    Severity).

    A misspelt listed word counts as the word ("exetremely"). Questions are judged
    (``skip-questions`` turns them off): "Why is it so much faster?" hides the same claim; the
    FAQ's questions give hints (see Severity). Terms the project's vocabulary accepts are not
    flagged.

    **Fix.** Give the number, name the source, or cut the word. An intensifier or peacock word
    that only qualifies another word carries a fix that cuts it (``cut``): cutting filler ("what
    really matters" -> "what matters") is safe (`wbl check --fix`); cutting a word that carries a
    degree or a claim ("very", "significantly", "seamless") is unsafe (`--unsafe-fixes`), since
    the sentence then says less.

    **One phrase, one finding.** Listed words side by side that make one phrase, one qualifying
    the other in the parse ("the most significant", "so much easier", "easier than ever", "very
    easy") and of the same severity, are one finding, at the phrase, naming each word's group,
    with the advice of the word the others qualify and the first fix among them ("really easy":
    cut "really"). "Many truly happy owners" stays two findings, and so does a hint beside a
    warning ("the best seamless app"), but for an intensifier among the hint words, which joins
    the word it qualifies ("really easy" is one warning; "it really works" a hint).

    **Severity.** A warning, but a hint (``info``) for the listed words that reviewers mostly let
    pass (``hint-words``: "unique", "the best", "the only", "likely", "best"; flagged sentences a
    reviewer labelled weasel, at most half of them on the labelled corpus, measured by
    `training/term_precision.py`; and "some", which the trials' reviewers judged right in 2 of 18
    warnings, "some kindness", "some other platform"; "simply", 0 of 18, and "immediately", 2 of
    11: "Simply log in with Facebook", "immediately shown on the Thank You page"; "few" and "a
    few", 3 of 25: "a few hours to kill", "Few years ago"; "first-class", 2 of 10, a term of art):
    shown, never blocking a hook on their own.
    Hedges are hints (``hint-kinds``: the groups whose words are hints) but in the headline and
    sub-heading, where a hedged claim is the pitch ("Ledger might cut your costs in half"): "might",
    "may", "usually", "probably" say the writer is unsure, and the trials' reviewers judged 2 of 44
    such warnings right (0 of 13 in the 8 trials after the 18 that suggested it); the labels count
    14 of 21 in sentences labelled weasel, the weakest group. "roughly" before punctuation says how,
    not how much ("Record your demo once — roughly, imperfectly —"), and is no hedge. In the internal
    FAQ (its questions and answers) every weasel word is a hint (``internal-faq-severity``):
    there the team weighs its own risks and priorities ("the most likely way this fails", "may
    slip a quarter"), and reviewers judged 4 of 28 such warnings right in the user trials, against
    58 of 116 in the press release. So is every weasel word in the rest of the FAQ
    (``faq-severity``): answers weigh caveats and concessions ("you will sometimes see honest
    holes", "they might well do it better"), and reviewers judged 13 of 75 such warnings right (34
    false) in the trials to 2026-12-06, then 1 of 28 (21 false); not in a document that is an FAQ
    alone, which has nothing else to judge. The speaker's name in a quote's attribution is no
    weasel word ("— Many, project maintainer"). A hint as well where the labels still count a word
    but the trials' reviewers let it pass: in the anatomy's roles in ``hint-roles`` (the "About"
    paragraph and media contact, metadata fields, the FAQ's questions, which speak in the customer's
    voice: "Is it really free?"), any listed word but a hedge (praise, ease, superlatives, counts,
    intensifiers, speed, frequency) inside the quotation marks of a customer, named by the
    attribution or told by the layout or the voice (unsigned, 2 of 25 such warnings were judged
    right, 0 of 10 in rounds 26 to 29), wherever the quote stands (``hint-speakers``,
    ``speaker-hint-kinds``: "The easiest app I've ever used" is the customer's opinion, and
    marketing-customer-quote judges a quote that reads like marketing copy as a whole; reviewers
    judged 2 of 11 praise warnings there right, then 2 of 25 of the other kinds' and 1 of 5 in
    the round that was to confirm it: "I was really bored", "a lot of people feel isolated"; a
    leader's quote, the company's claim, stays a warning), inside quotation marks in a paragraph
    that holds no quote the anatomy found (``unspoken-quote-hints``: a name, a term or an example,
    'job ads that ask you to "wear many hats"'; 1 of 10 such warnings judged right), "simply"
    meaning "merely" where a project takes it out of ``hint-words`` ("the durable queue simply holds the work", "is
    simply killing the endpoint", "simply because"; "Simply open the app", "users simply log
    their runs", "Shelfwise simply counts your stock" and "simply faster" then claim ease; "or
    simply say it needs help" is the lesser option, "just"), a superlative that ranks a
    model's inputs ("the most important features",
    ``ranked-nouns``), a caveat that something varies ("names may vary by release", "priorities may change":
    a disclaimer, not a claim hedged; the labels count 2 of 2 such sentences), a claim of ease
    that shows its steps as the advice asks (two or more steps the reader takes, ``step-verbs``,
    after "as easy as" or joined to the action "simply" qualifies: "as easy as clicking a class,
    filling in the form and hitting submit", "simply go to the page and pick a role"; "Simply open
    the app" stays a warning), a quantifier whose
    list follows it (after a colon right after its noun, ", including"
    or ", such as", or in the list items under a sentence ending in a colon: "several key
    features:", "Several countries have mandatory CPR training:", at most 14 words, or any length
    when the quantifier's noun ends at the colon: "..., the roadmap includes several
    enhancements:"), praise or
    ease granted to something other than the product in a clause that "but" or "yet" then answers
    ("Home Assistant is powerful, but every install needs custom configuration", "Telegram is
    easier but still requires a bot token": a concession; the labels count 2 of 4 such sentences,
    the trials' reviewers 0 of 4), and ease, speed or a hedge in
    a sentence of the problem paragraph that names neither the product nor the company ("easy to
    game", "quickly turn into a mess", "an agent might delete production data": the world today
    and its risks, no claim for the product).

    Options: ``groups`` (tables with ``kind``, ``name``, ``advice`` and ``words``), ``hint-words``, ``hint-kinds``,
    ``hint-roles``,
    ``hint-speakers``, ``speaker-hint-kinds``, ``unspoken-quote-hints``,
    ``extend-words`` and ``extend-advice``, ``accept-words``, ``exceptions``, ``approximators``,
    ``permission-subjects``, ``permission-verbs``, ``granting-verbs``, ``granted-acts``, ``prediction-verbs``,
    ``first-facts``, ``distinct-nouns``,
    ``selection-verbs``, ``measure-superlatives``, ``market-scopes``, ``ranked-nouns``, ``step-verbs``, ``size-words``,
    ``scale-levels``, ``skip-questions``, ``hedge-questions``, ``internal-faq-severity``, ``faq-severity``,
    ``parts``, ``kinds``, ``message``, ``cut``.
    """
    table: WeaselTable = ctx.prepared
    cuts = {normal_phrase(k): Applicability.parse(v) for k, v in dict(ctx.get("cut", {})).items()}
    hints = {normal_phrase(w) for w in ctx.get("hint-words", ())}
    hint_kinds = frozenset(str(k) for k in ctx.get("hint-kinds", ()))
    # The headline and sub-heading are the pitch itself: a hedge there ("Ledger might cut your
    # costs in half") is the claim, and stays a warning (not in the summary, which often opens with
    # the problem: "College may not be the next step for every student").
    found_lead = find_lead(document) if hint_kinds else None
    lead = {
        (s.unit.index, s.start)
        for s in (found_lead.sentences() if found_lead is not None else ())
        if s.unit is found_lead.headline or s.unit is found_lead.subheading
    }
    risks = document.anatomy.risk_answers(tuple(ctx.get("hedge-questions", ())))
    internal_severity = Severity.parse(ctx["internal-faq-severity"]) if ctx.get("internal-faq-severity") else None
    faq_severity = Severity.parse(ctx["faq-severity"]) if ctx.get("faq-severity") else None
    # A quote's attribution names its speaker: a listed word that is the whole name the anatomy
    # found there ("— Many, project maintainer") is a name, not a count ("— Many bakery owners" is
    # an anonymous crowd, a weasel attribution).
    attributions = document.anatomy.with_roles("attribution")
    speakers = frozenset(q.name for q in document.anatomy.quotes if q.name)
    # An FAQ answer's weasel words are hints where a release goes with it; an FAQ alone is all there is.
    if document.anatomy.kind == "faq":
        faq_severity = None
    internal = [s for q in document.anatomy.questions if q.audience == "internal" for s in (q.segment, *q.answer)]
    hinted = RoleHints(document, ctx)
    speaker_kinds = frozenset(ctx.get("speaker-hint-kinds", ()))
    unspoken_hints = bool(ctx.get("unspoken-quote-hints", False))
    passing = _Passing(
        document,
        document.anatomy.with_roles("problem"),
        product_names(document, default_sentence_lexicon().lexicon),
        frozenset(str(n).lower() for n in ctx.get("ranked-nouns", ())),
        frozenset(str(v).lower() for v in ctx.get("step-verbs", ())),
    )
    for sentence in candidates(document, ctx):
        found: list[_Found] = []
        risk = any(s.holds(sentence) for s in risks)
        to_the_team = internal_severity is not None and any(s.holds(sentence) for s in internal)
        for term in weasel_terms(sentence, table):
            if risk and term.group.kind == "hedge":
                continue  # "nurses may not trust the plan" answering "What could make this fail?"
            if term.group.kind == "hedge" and _rejected_alternative(sentence, term.start):
                continue  # "built from real corrections, not from what engineers thought might break"
            if term.group.kind in _PRAISE_KINDS and _after_rather_than(sentence, term.start):
                continue  # "usable rather than merely impressive": praise the writer disclaims
            if _mentioned(sentence.unit.text, term.start, term.end):
                continue  # 'no weasel words ("significantly" absent)': the word is named, not used
            if passing.in_a_name(sentence.unit.text, term.start, term.end):
                continue  # "Super Natural Curls is your one-stop shop": the product's name, not praise
            if term.text in speakers and any(
                s.unit.index == sentence.unit.index
                and s.start <= term.start < s.end
                and _signed_by(sentence.unit.text[s.start : s.end], term.text)
                for s in attributions
            ):
                continue  # "— Many, project maintainer": the speaker's name
            if term.group.kind in _SOURCED_KINDS and cites_a_source(document, sentence, term.end):
                continue  # "among the strongest predictors ([Schmidt & Hunter](https://...))": sourced
            word = normal_phrase(term.text)
            if word == "roughly" and _qualifies_nothing(sentence, term):
                continue  # "Record your demo once — roughly, imperfectly —": how, not how much
            if word == "never been" and not _comparison_after(sentence, term.end):
                continue  # "a backup that has never been restored": a fact, not "never been easier"
            cut = cuts.get(word)
            hinted_kind = term.group.kind in hint_kinds and (sentence.unit.index, sentence.start) not in lead
            if word in hints or hinted_kind or _let_pass(passing, sentence, term, word):
                severity: Severity | None = Severity.INFO
            elif term.group.kind in speaker_kinds and hinted.quoted(sentence.unit, term.start):
                severity = Severity.INFO  # "the easiest app I've ever used," said a customer
            elif unspoken_hints and hinted.unspoken(sentence.unit, term.start, term.end):
                severity = Severity.INFO  # 'job ads that ask you to "wear many hats"': no one's claim
            elif to_the_team:
                severity = internal_severity
            else:
                severity = faq_severity if sentence.unit.part == "faq" else None
            found.append(
                _Found(
                    term,
                    word,
                    hinted.capped(sentence.unit, term.start, severity),
                    qualifier_cut(sentence, term.start, term.end, cut) if cut else None,
                )
            )
        found = _hint_words_join(sentence, found, hints)
        for phrase in _phrases(sentence, found):
            first = phrase[0]
            names = tuple(dict.fromkeys(f.term.group.name for f in phrase))
            start, end = first.term.start, phrase[-1].term.end
            # The advice of the word that carries the claim, the last ("significant" of "the most
            # significant", "easy" of "very easy"); "easier than ever" takes the first's.
            head = next((f for f in phrase if _linked_as_head(sentence, f, phrase)), phrase[-1])
            message = ctx["message"].format(
                match=sentence.unit.text[start:end], group="; ".join(names), advice=head.term.group.advice
            )
            yield Violation(
                message,
                sentence.unit,
                start,
                end,
                severity=first.severity,
                vocabulary=VocabularyHint.accept(*(f.word for f in phrase)),
                fix=next((f.fix for f in phrase if f.fix is not None), None),
            )


def _signed_by(attribution: str, name: str) -> bool:
    """Whether an attribution line opens with `name` alone before a comma or its end ("— Many,
    project maintainer"), not a crowd ("— Many bakery owners", "— Many - bakery owners")."""
    rest = attribution.lstrip(" \t>*_—–-~")
    return rest.startswith(name) and rest[len(name) :].lstrip(" *_")[:1] in ("", ",")


@dataclass(frozen=True, slots=True)
class _Found:
    """A listed word the context does not excuse, before adjacent ones are joined."""

    term: WeaselTerm
    word: str  # normalised, as the vocabulary would accept it
    severity: Severity | None  # None: the rule's own
    fix: Fix | None


def _phrases(sentence: Sentence, found: list[_Found]) -> Iterator[list[_Found]]:
    """The words found in a sentence, those that make one phrase together: side by side (only
    spaces between), one qualifying the other in the parse ("so much easier", "the most
    significant", "easier than ever"), and of the same severity. "Many truly happy owners" stays
    two findings ("Many" counts the owners, "truly" qualifies "happy"), and so does a hint beside
    a warning ("the best seamless app"). A word said twice ("many, many", "really really") is one
    phrase too (user trials: the second was judged a duplicate)."""
    text = sentence.unit.text
    phrase: list[_Found] = []
    for item in sorted(found, key=lambda f: f.term.start):
        last = phrase[-1] if phrase else None
        between = text[last.term.end : item.term.start] if last is not None else ""
        repeated = last is not None and last.word == item.word and not between.strip(" ,")
        if last is not None and not (
            last.term.end <= item.term.start
            and last.severity == item.severity
            and (repeated or (not between.strip(" ") and _linked(sentence, last.term, item.term)))
        ):
            yield phrase
            phrase = []
        phrase.append(item)
    if phrase:
        yield phrase


def _hint_words_join(sentence: Sentence, found: list[_Found], hints: Collection[str]) -> list[_Found]:
    """An intensifier among the hint words right before the word it qualifies takes that word's
    severity, so that the two stay one finding ("really easy": one warning with the fix that cuts
    "really"); alone it is a hint ("it really works"). Other hint words stay apart ("the best
    seamless app", "simply easier")."""
    ordered = sorted(found, key=lambda f: f.term.start)
    text = sentence.unit.text
    for i, (item, following) in enumerate(pairwise(ordered)):
        if (
            item.word in hints
            and item.term.group.kind == "intensifier"
            and item.severity != following.severity
            and item.term.end <= following.term.start
            and not text[item.term.end : following.term.start].strip(" ")
            and _hangs_on(sentence, item.term, following.term)
        ):
            ordered[i] = replace(item, severity=following.severity)
    return ordered


def _linked(sentence: Sentence, first: WeaselTerm, second: WeaselTerm) -> bool:
    """Whether a word of one term hangs on a word of the other in the parse."""
    return _hangs_on(sentence, first, second) or _hangs_on(sentence, second, first)


@dataclass(frozen=True)
class _Passing:
    """What `_let_pass` reads of the document, found once per document."""

    document: Document
    problem: tuple[Segment, ...]  # the anatomy's problem paragraph
    products: frozenset[str]  # the product's names
    ranked: frozenset[str]  # `ranked-nouns`
    steps: frozenset[str]  # `step-verbs`

    @cached_property
    def _names(self) -> re.Pattern[str] | None:
        """The product's names as written (capitals and all), longest first: names of two words or
        more ("Super Natural Curls"), and one-word names the text itself writes as a name, with a
        capital after a word in lower case ("... with the Ultimate Trivia game app"); not a word
        only a Title Case headline, or a sentence's start, capitalises ("Seamless Restocking")."""
        text = "\n".join(u.text for u in self.document.units if u.part in ("pr", "faq") and not u.is_heading)

        def named(name: str) -> bool:
            return " " in name or re.search(rf"[a-z][,;]? {re.escape(name)}\b", text) is not None

        names = sorted((n for n in self.products if n[:1].isupper() and named(n)), key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)") if names else None

    def in_a_name(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] is inside one of the product's names as written ("Super" in
        "Super Natural Curls", "Ultimate" in "Ultimate Trivia Game"; not "the ultimate predictor")."""
        names = self._names
        return names is not None and any(m.start() <= start and end <= m.end() for m in names.finditer(text))


def _let_pass(passing: _Passing, sentence: Sentence, term: WeaselTerm, word: str) -> bool:
    """Whether a listed word is used where the labels still count it but demanding reviewers let
    it pass (a hint, not a warning; measured on the user trials' verdicts, see docs/judgement.md):
    ease, speed or a hedge in a sentence of the problem paragraph that names neither the product
    nor the company ("easy to game", "an agent might delete production data": how the world is
    today), a caveat that something varies ("names may vary by release"), "simply" meaning
    "merely" ("the queue simply holds the work"), and a vague quantifier over the list that counts
    it ("several key features: ..."), praise or ease conceded before "but" to something other than
    the product ("AI agents are powerful, but payments are unforgiving"), praise, ease or speed in a
    clause set against the pitch ("While traditional models require massive data centers, ..."),
    and a superlative that ranks a model's inputs ("the most important features")."""
    if sentence.span is None or not term.tokens:
        return False
    kind = term.group.kind
    in_problem = any(s.holds(sentence) for s in passing.problem)
    if kind in ("easy", "speed", "hedge") and in_problem and not names_the_product(sentence, passing.products):
        return True  # the status quo, not the pitch
    if kind in ("easy", "speed", "peacock") and _contrasted(sentence.span.doc[term.tokens[0]], passing.products):
        return True  # "While traditional AI models require massive data centers, Calyx runs on ..."
    if kind == "speed" and _degree_of_a_quality(sentence.span.doc[term.tokens[0]]):
        return True  # "instantly legible to anyone who used a computer then": how plain, not how fast
    if kind == "hedge" and _disclaimer(sentence.span.doc[term.tokens[-1]]):
        return True
    if kind == "easy" and _steps_shown(sentence.span.doc[term.tokens[0]], passing.steps):
        return True
    if word == "simply":
        return _merely(sentence.span.doc[term.tokens[0]], passing.products)
    if kind == "quantifier":
        return _list_follows(passing.document, sentence, term.end)
    if kind in ("peacock", "easy") and _conceded(sentence.span.doc[term.tokens[0]], named=kind == "easy"):
        return not names_the_product(sentence, passing.products)
    return _ranking(sentence, term, passing.ranked)


# Adjectives that say something can be had or used: "instantly available" is how soon (review of round 44).
_READINESS = frozenset(
    {"available", "ready", "accessible", "usable", "live", "online", "operational", "active", "visible"}
)


def _degree_of_a_quality(token: Any) -> bool:
    """Whether a word of speed qualifies an adjective ("instantly legible", "immediately
    familiar"; round 44 of the user trials), not a verb of doing ("loads instantly")."""
    head = token.head
    return token.dep_ == "advmod" and head.pos_ == "ADJ" and head.i > token.i and head.lower_ not in _READINESS


_CONTRAST_PREPOSITIONS = frozenset({"unlike"})


def _contrasted(token: Any, products: frozenset[str]) -> bool:
    """Whether a word stands in a clause or phrase set against the rest of the sentence ("While
    traditional AI models require massive data centers, Calyx runs on ...", "Unlike legacy tools
    with a powerful but clunky interface, ...") that does not name the product or the company:
    what the rivals or the world are, not the pitch (round 43 of the user trials)."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "advcl" and contrast_clause(node):
            break
        if node.dep_ == "prep" and node.lower_ in _CONTRAST_PREPOSITIONS and node.i != token.i:
            break
        node = node.head
    else:
        return False
    return not tokens_name_the_product(node.subtree, products)


def _conceded(token: Any, named: bool = False) -> bool:
    """Whether a word praises something in a clause that "but" or "yet" then answers: "Home
    Assistant and EVCC are powerful tools, but they're general-purpose", "AI agents are powerful,
    but payments are unforgiving" (a concession to a rival or to the world, not the pitch). With
    `named`, only when a name is the clause's subject ("Telegram is easier but still requires a
    bot token"; not "It is easy to set up, but ...", "Onboarding is easy, but ...", which may be
    the product's own)."""
    clause = token
    while clause.dep_ not in ("ROOT", "conj", "ccomp", "advcl", "relcl") and clause.head is not clause:
        clause = clause.head
    if named and not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" for c in clause.children):
        return False
    return clause.lemma_ == "be" and any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") and c.i > token.i for c in clause.children
    )


# Steps that show the ease a word claims: this many at least.
_STEPS = 2


def _steps_shown(token: Any, steps: frozenset[str]) -> bool:
    """Whether the sentence shows the ease it claims, as the finding's advice asks: two or more
    steps a user takes (``step-verbs``) right where the word makes its claim. After "as easy as",
    the gerunds that follow ("as easy as clicking a class, filling in the form and hitting
    submit"); on "simply" or "easily", the action it qualifies, taken by the reader (an
    imperative, "you", a customer), and the actions joined to it ("simply go to the page and
    click Teacher", "simply open the app and tap Scan"). "Simply open the app", "easy for stores to
    run reports and open branches" (tasks), "the app scans every box and runs a report" (the
    product acts) and "simply open the app and it will run" are still claims."""
    doc = token.doc
    if token.pos_ == "ADJ":
        if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "as":
            return False
        taken = 0
        for t in doc[token.i + 2 : token.sent.end]:
            if t.text in (";", ":", "."):
                break
            taken += t.tag_ == "VBG" and t.lemma_.lower() in steps
        return taken >= _STEPS
    action = token.head
    if action.pos_ != "VERB" or not _the_reader_acts(action):
        return False
    taken = 0
    for t in (action, *_joined(action)):
        step = t if t.tag_.startswith("VB") else next((c for c in t.children if c.dep_ == "compound"), t)
        taken += step.tag_.startswith("VB") and step.lemma_.lower() in steps
    return taken >= _STEPS


def _the_reader_acts(verb: Any) -> bool:
    """Whether the reader or a customer does `verb`: an imperative (no subject), "you", a customer."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.lower_ in PERSON_PRONOUNS or is_customer_token(subject, _customers())


def _joined(verb: Any) -> list[Any]:
    """The actions joined to `verb` by "and" or commas, without a subject of their own."""
    found = []
    for child in verb.children:
        if child.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            found += [child, *_joined(child)]
    return found


# Verbs of change after a modal: a caveat that things vary ("names may vary by release",
# "priorities may change"), not a claim hedged.
_VARIATION = frozenset(("vary", "change", "differ", "evolve"))


def _disclaimer(modal: Any) -> bool:
    """Whether a hedging modal only says that something varies ("may vary", "might change")."""
    doc = modal.doc
    verb = doc[modal.i + 1] if modal.i + 1 < len(doc) else None
    return verb is not None and verb.lemma_.lower() in _VARIATION


def _ranking(sentence: Sentence, term: WeaselTerm, nouns: frozenset[str]) -> bool:
    """Whether a listed word ranks a model's inputs ("the most important features", "the most
    significant predictor", "the single greatest predictors"): the noun its phrase ends in is one
    of `nouns` (``ranked-nouns``), and a word of importance stands between them ("the most
    powerful features" of a product is still a claim)."""
    if not nouns or sentence.span is None or not term.tokens:
        return False
    doc = sentence.span.doc
    noun = doc[term.tokens[-1]]
    while noun.pos_ != "NOUN" and noun.dep_ in ("amod", "advmod", "det", "compound") and noun.head.i > noun.i:
        noun = noun.head
    if noun.pos_ != "NOUN" or noun.lower_ not in nouns:
        return False
    return any(doc[i].lemma_.lower() in _IMPORTANCE for i in range(term.tokens[0], noun.i))


# Words that rank by weight in a model ("the most important features", "the greatest predictors").
_IMPORTANCE = frozenset(("important", "significant", "influential", "predictive", "informative", "great", "strong"))


def _merely(token: Any, products: frozenset[str]) -> bool:
    """ "simply" as "merely" or "just", no claim of ease: before "because" ("simply because nobody
    saw them"), after "or" ("or simply re-finding episodes each session"), after "is" before a
    gerund or a noun ("revoking access is simply killing the endpoint"), or on what a thing does
    ("the durable queue simply holds the work"). A claim when a person, the reader or the product
    acts ("Simply open the app", "users simply log their runs",
    "Shelfwise simply counts your stock", "it simply works") or before an adjective ("checkout is
    simply faster")."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "because":
        return True
    head = token.head
    if head.pos_ in ("ADJ", "ADV") or any(c.dep_ == "acomp" for c in head.children):
        return False  # "simply faster", "is simply effortless"
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if token.i > 0 and doc[token.i - 1].lower_ == "or":
        # "ask a specific question, or simply say it needs help", "notes files, or simply
        # re-finding episodes": the reader's lesser option, "just"; not what a thing does
        # ("Shelfwise tracks stock or simply counts it")
        doer = subject
        while doer is None and head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
            doer = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        people = PERSON_PRONOUNS | {"they", "he", "she"}
        return doer is None or doer.lower_ in people or is_customer_token(doer, _customers())
    if subject is None:
        return False  # an imperative ("Simply open the app") or a gerund ("by simply dragging")
    if subject.dep_ == "csubj":
        return True  # "revoking access is simply killing the endpoint"
    people = subject.lower_ in PERSON_PRONOUNS or is_customer_token(subject, _customers())
    # A common noun: a thing, not a person or the product ("Relay simply counts your stock").
    return subject.pos_ == "NOUN" and not people and subject.lower_ not in {p.lower() for p in products}


def _customers() -> Any:
    return default_sentence_lexicon().customer_lexicon


# What opens the list a quantifier counts, in its sentence ("various formats, including SWOT").
_LIST_OPENER = re.compile(r"(?:,\s*|\()(?:including|such as|e\.g\.|namely)\b", re.IGNORECASE)
# At most this many words between a quantifier and the colon that opens its list ("several key
# features: polls, filters"), so a colon after a clause ("Many owners save hours: ...") is no list.
_WORDS_BEFORE_COLON = 3
# At most this many words in a sentence that ends in the colon over the list it introduces.
_WORDS_BEFORE_LIST = 14


def _list_follows(document: Document, sentence: Sentence, end: int) -> bool:
    """Whether the things a quantifier counts are listed right after it: after a colon that follows
    its noun ("several challenges: cost, time and trust"), after ", including" or ", such as", or in
    the list items under a sentence that ends in a colon ("Some features:" over list items)."""
    rest = sentence.unit.text[end : sentence.end]
    colon = rest.find(":")
    near = colon >= 0 and len(rest[:colon].split()) <= _WORDS_BEFORE_COLON
    if _LIST_OPENER.search(rest) is not None:
        return True
    if colon < 0:
        return False
    if rest[colon + 1 :].strip(" *_"):
        return near  # the list in the same sentence
    # A sentence that ends in the colon over list items introduces them, however long it is
    # ("Several countries have mandatory CPR training:" over a list of seven countries), and so does
    # a quantifier whose noun ends the sentence there ("..., the roadmap includes several
    # enhancements:"); not "Many owners told us ..., so we built three tools:".
    following = sentence.unit.index + 1
    short = len(sentence.text.split()) <= _WORDS_BEFORE_LIST
    introduces = short or near
    return introduces and following < len(document.units) and document.units[following].kind == "list_item"


# Claims a source settles (a superlative, "studies show", "most teams"), not an intensifier or a hedge.
_SOURCED_KINDS = frozenset(("superlative", "authority", "quantifier", "frequency"))


def _rejected_alternative(sentence: Sentence, start: int) -> bool:
    """Whether the hedge at `start` is inside the alternative a sentence rejects ("the complete
    picture, not a list of campgrounds where availability might exist"): after a contrastive ", not"
    before a word that is no verb ("not a", "not from", "not just what"), with no comma or colon
    between. It hedges nothing the writer claims. (The parse's arc for such a "not" is unreliable;
    the surface is not.)"""
    if sentence.span is None:
        return False
    offset = sentence.span.start_char - sentence.start
    tokens = [t for t in sentence.span if t.idx - offset < start]
    for k in range(len(tokens) - 1, 0, -1):
        token = tokens[k]
        if token.text in _CLAUSE_MARKS or token.lower_ in ("but", "instead", "rather"):
            return False  # a new clause, or the claim after the rejected alternative ("not X but Y")
        if token.lower_ == "not" and k + 1 < len(tokens):
            after, before = tokens[k + 1], tokens[k - 1]
            contrastive = before.text in _CONTRAST_OPENERS or before.lower_ in ("and", "but")
            return contrastive and after.pos_ not in ("VERB", "AUX", "PART") and after.lower_ != "only"
    return False


def _after_rather_than(sentence: Sentence, start: int) -> bool:
    """Whether the word at `start` opens what "rather than" or "instead of" sets aside, with at
    most adverbs and determiners between ("usable rather than merely impressive", "instead of a
    seamless demo"): the writer disclaims it."""
    if sentence.span is None:
        return False
    offset = sentence.span.start_char - sentence.start
    before = [t for t in sentence.span if t.idx - offset < start]
    while before and before[-1].pos_ in ("ADV", "DET") and before[-1].lower_ not in ("than", "of"):
        before.pop()
    if len(before) < 2:
        return False
    pair = (before[-2].lower_, before[-1].lower_)
    return pair in (("rather", "than"), ("instead", "of"))


def _linked_as_head(sentence: Sentence, item: _Found, phrase: list[_Found]) -> bool:
    """Whether the other words of a phrase hang on this one's words."""
    others = [f for f in phrase if f is not item]
    return all(_hangs_on(sentence, other.term, item.term) for other in others)


def _hangs_on(sentence: Sentence, dependent: WeaselTerm, head: WeaselTerm) -> bool:
    """Whether a word of `dependent` hangs on a word of `head` in the parse ("very" on "easy")."""
    if sentence.span is None:
        return False
    doc, offset = sentence.span.doc, sentence.span.start_char - sentence.start
    one = doc.char_span(dependent.start + offset, dependent.end + offset, alignment_mode="expand")
    two = doc.char_span(head.start + offset, head.end + offset, alignment_mode="expand")
    return one is not None and two is not None and any(t.head.i in {h.i for h in two} for t in one)


# Praise and ease: what "rather than" or "instead of" may disclaim ("rather than merely
# impressive"); a hedge, an intensifier or a count there still describes the alternative vaguely
# ("instead of significantly longer waits", "rather than many hours").
_PRAISE_KINDS = frozenset(("peacock", "easy"))

_CLAUSE_MARKS = frozenset(",;:()")
_CONTRAST_OPENERS = frozenset((",", ";", "—", "–", "-"))


_OPENING_MARKS = frozenset("\"“‘'")
_CLOSING_MARKS = frozenset("\"”’'")


def _mentioned(text: str, start: int, end: int) -> bool:
    """The listed word is the whole of a quotation that names it ('"significantly" is gone',
    '"significantly"/"revolutionary" absent'); not one that still qualifies a word ('our
    "revolutionary" app')."""
    opened = start > 0 and text[start - 1] in _OPENING_MARKS
    if opened and text[end : end + 1] in (".", "!", "?") and text[end + 1 : end + 2] in _CLOSING_MARKS:
        # 'you don't rely on that "probably." Fans ...': the word named, the sentence ends in the marks.
        return _NEXT_SENTENCE.match(text, end + 2) is not None
    return opened and text[end : end + 1] in _CLOSING_MARKS and _NAMED_AFTER.match(text, end + 1) is not None


_NEXT_SENTENCE = re.compile(r"\s*(?:$|[A-Z(\[*_])")
_NAMED_AFTER = re.compile(r"\s*(?:[/,;:).]|(?:and|or|is|are|was|were|as|in|from)\b|$)")


def _comparison_after(sentence: Sentence, end: int) -> bool:
    """Whether "never been" makes a claim ("never been easier", "never been so simple"), not a
    fact about something never done ("a backup that has never been restored")."""
    if sentence.span is None:
        return True
    offset = sentence.span.start_char - sentence.start
    following = next((t for t in sentence.span if t.idx - offset >= end), None)
    # A participle makes it a plain fact ("never been restored", "never been tested"); anything
    # else may be the claim ("never been easier", "there has never been, in any time, …").
    return following is None or following.tag_ != "VBN"


def parse_read(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """The rule's prefilter: the sentences it judges (`candidates`), and the press release, whose
    parse names the product (a sentence of the problem paragraph that names it is the pitch)."""
    yield from candidates(document, ctx)
    yield from press_release(document, ctx)


def candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """The sentences the rule judges: those of the checked parts with a listed word, spelt right or
    misspelt (the parse is read only to judge a match in its context)."""
    table: WeaselTable = ctx.prepared
    parts, kinds = set(ctx["parts"]), set(ctx["kinds"])
    for unit in document.units:
        if unit.part not in parts or unit.kind not in kinds:
            continue
        for sentence in unit.sentences:
            if table.groups and (table.pattern.search(sentence.text) or _misspelt_word(sentence.text, table)):
                yield sentence


_LONG_WORD = re.compile(rf"[A-Za-z]{{{TYPO_MIN_LETTERS},}}")


def _misspelt_word(text: str, table: WeaselTable) -> bool:
    return any(likely_typo(word) in table.groups for word in _LONG_WORD.findall(text))
