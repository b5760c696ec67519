"""The pack's shared analysis: what the customer-focus, jargon and acronym rules ask of a text.

The tech-first, customer, problem, benefit and voice rules all ask the same questions of a
sentence: which words name a technology, which name a customer, who is the grammatical subject,
is the predicate an implementation verb or a problem, where is the lead of the release. The
jargon and acronym rules share what an acronym is and where one is defined. This module answers
those questions from the spaCy parse and the lexicons in ``rules/_lexicons/`` (technology.toml,
customer.toml); rules import it by name, never each other.

A rule's lexicon is the shared lists, plus the project's vocabulary (``technology`` terms,
``customers`` roles, ``products`` and ``accept``ed terms, which are never technology), plus the
rule's own ``extend-*`` options; rules get it from their `prepare` step (`prepare_lexicon`) as
``ctx.prepared``. Derived values are remembered under the keys of `wbl_rules.memo`.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from itertools import pairwise
from typing import Any

from wbl_rules import memo

from wbl import derived
from wbl.anatomy import dateline_place, split_sentences
from wbl.document import Document, Sentence, Unit
from wbl.rule import RuleContext, Severity, Violation
from wbl.textutil import WEB_ADDRESS, normal_phrase, phrase_pattern, quotation_spans, zipf_frequency
from wbl.vocabulary import NO_VOCABULARY, Vocabulary, VocabularyHint

LEXICON_PACKAGE = "wbl_rules"
LEXICON_FOLDER = "_lexicons"

# Rule option -> lexicon key it extends.
EXTENSIONS = {
    "extend-technology-terms": "terms",
    "extend-weak-technology-terms": "weak-terms",
    "extend-implementation-verbs": "implementation-verbs",
    "extend-problem-predicates": "problem-predicates",
    "extend-pantry-cues": "pantry-cues",
    "extend-customer-roles": "roles",
    "extend-generic-customers": "generic-customers",
    "extend-benefit-verbs": "benefit-verbs",
    "extend-benefit-cues": "benefit-cues",
    "extend-technical-audiences": "technical-audiences",
    "extend-technical-fields": "technical-fields",
}

PROSE_KINDS = ("paragraph", "list_item", "heading")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
OBJECT_DEPS = ("dobj", "attr", "appos", "oprd", "pobj", "agent", "acomp", "npadvmod", "dative", "conj", "compound")
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis")

# Shapes of code and technical identifiers (rubric §8.6).
_CAMEL = re.compile(r"^(?!Mc[A-Z])(?!Mac[A-Z])[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*$|^[A-Z]{2,}[a-z]+[A-Z]")
_ALNUM = re.compile(r"^(?=[^\s]*[A-Za-z])(?=[^\s]*\d)[A-Za-z0-9#+._/-]+$")
_NOT_ALNUM = re.compile(
    r"^[~$€£]?\d[\d,.]*(?:st|nd|rd|th|s|am|pm|k|x|h|hrs?|min|mins|m|km|kg|lb|lbs|%|/\d+)?$"
    r"|^\d+(?:[-/][A-Za-z]+)+$|^[A-Za-z]+-\d+$(?<!\.\d)"
    # A size or a count of sets: "5x5" (a training method), "3x3", "1080x1920".
    r"|^\d+(?:\.\d+)?[x×]\d+(?:\.\d+)?$",
    re.IGNORECASE,
)
_VERSION = re.compile(r"^v\d+(?:\.\d+)*\+?$|^\d+\.\d+\.\d+|^\d+\.\d+\+$")
_FILE = re.compile(
    r"^[\w-]*\.(?:md|js|ts|py|rs|go|so|dll|exe|jar|yaml|yml|json|toml|ini|cfg|sh|txt|xml|html|css|sql|"
    r"cpp|hpp|rb|php|lock|env|conf|log|db|wasm|ipynb|tf)$|^\.[a-z0-9]{1,6}$|^\w+_\w+$",
    re.IGNORECASE,
)
_PATH = re.compile(r"^(?:~?/|\./)\S+|^\S+/\S+/\S+$")
# A number before a unit is tried only where its run of digits, commas and periods begins (a
# match that starts inside the run also starts there): "1,2,1,2,..." took time quadratic in the
# run's length.
_DATA = re.compile(
    r"[$€£¥]\s?\d|\d\s?%|\bpercent\b|\b(?<!\d[,.])\d[\d,.]*+\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"mins?|hrs?)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|half an?)\s+"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?)\b|\b\d+\s+(?:in|out of)\s+\d+\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The shared word lists with the vocabulary and a rule's extensions applied, compiled.

    `key` names the word lists in memo keys (rules with equal lists share remembered values);
    `excluded` are terms never counted as technology (accepted terms and product names, lower
    case); `products` the project's product names.
    """

    key: str
    excluded: frozenset[str]
    products: frozenset[str]
    terms: frozenset[str]
    weak_terms: frozenset[str]
    implementation_verbs: frozenset[str]
    object_verbs: frozenset[str]
    always_verbs: frozenset[str]
    feature_verbs: frozenset[str]
    feature_nouns: frozenset[str]
    problem_predicates: frozenset[str]
    generic_customers: frozenset[str]
    roles: frozenset[str]
    vague_modifiers: frozenset[str]
    company_pronouns: frozenset[str]
    customer_pronouns: frozenset[str]
    benefit_verbs: frozenset[str]
    enabling_verbs: frozenset[str]
    call_to_action_verbs: frozenset[str]
    technical_audiences: frozenset[str]
    technical_fields: frozenset[str]
    strong_pattern: re.Pattern[str]
    weak_pattern: re.Pattern[str]
    weak_exceptions: re.Pattern[str] | None
    pantry_pattern: re.Pattern[str] | None
    benefit_pattern: re.Pattern[str] | None
    shape_signals: bool


@lru_cache(maxsize=1)
def _base_data() -> dict[str, Any]:
    folder = resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FOLDER)
    data: dict[str, Any] = {}
    for name in ("technology.toml", "customer.toml"):
        data.update(derived.toml(folder.joinpath(name).read_text(encoding="utf-8")))
    return data


def prepare_lexicon(ctx: RuleContext) -> Lexicon:
    """A rule's `prepare` step: its lexicon, from its options and the project's vocabulary."""
    return lexicon(ctx.options, ctx.vocabulary)


@lru_cache(maxsize=1)
def base_lexicon() -> Lexicon:
    """The shared lists alone."""
    return lexicon({})


def lexicon(options: Mapping[str, Any], vocabulary: Vocabulary = NO_VOCABULARY) -> Lexicon:
    """The shared lists plus the vocabulary's technology terms and customer roles, plus a rule's
    ``extend-*`` options."""
    data = {k: list(v) if isinstance(v, list) else v for k, v in _base_data().items()}
    data["terms"] += list(vocabulary.technology)
    data["roles"] += list(vocabulary.customers)
    for option, key in EXTENSIONS.items():
        data[key] = data.get(key, []) + [str(w) for w in options.get(option, ())]
    excluded = sorted(vocabulary.accepted)

    def words(key: str) -> frozenset[str]:
        return frozenset(" ".join(str(w).lower().split()) for w in data.get(key, ()))

    def pattern(key: str) -> re.Pattern[str] | None:
        return phrase_pattern(data[key]) if data.get(key) else None

    return Lexicon(
        key=hashlib.sha1(json.dumps([data, excluded], sort_keys=True).encode()).hexdigest()[:16],
        excluded=frozenset(excluded),
        products=frozenset(vocabulary.products),
        terms=words("terms"),
        weak_terms=words("weak-terms"),
        implementation_verbs=words("implementation-verbs"),
        object_verbs=words("object-verbs"),
        always_verbs=words("always-verbs"),
        feature_verbs=words("feature-verbs"),
        feature_nouns=words("feature-nouns"),
        problem_predicates=words("problem-predicates"),
        generic_customers=words("generic-customers"),
        roles=words("roles"),
        vague_modifiers=words("vague-modifiers"),
        company_pronouns=words("company-pronouns"),
        customer_pronouns=words("customer-pronouns"),
        benefit_verbs=words("benefit-verbs"),
        enabling_verbs=words("enabling-verbs"),
        call_to_action_verbs=words("call-to-action-verbs"),
        technical_audiences=words("technical-audiences"),
        technical_fields=words("technical-fields"),
        strong_pattern=phrase_pattern(data["terms"]),
        weak_pattern=phrase_pattern(data["weak-terms"]),
        weak_exceptions=pattern("weak-term-exceptions"),
        pantry_pattern=pattern("pantry-cues"),
        benefit_pattern=pattern("benefit-cues"),
        shape_signals=bool(data.get("shape-signals", True)),
    )


# --- technology terms -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """A technology term in a sentence: offsets relative to the sentence, weight 1 or 0.5."""

    start: int
    end: int
    weight: float
    text: str
    tokens: tuple[int, ...]  # token indices (Doc-level `token.i`)


# A quarter or a financial year ("Q4", "H1", "FY2027"), or an FAQ's question number ("Q12:"): no code.
PERIOD_OR_QUESTION = re.compile(r"^(?:Q\d{1,2}|H[12]|FY\d{2}(?:\d{2})?)$")


def shaped_like_code(text: str) -> bool:
    """True for camelCase, versions, identifiers mixing letters and digits, file names, paths;
    not for a web address, a quarter or a question's number."""
    if len(text) < 2 or WEB_ADDRESS.search(text) or PERIOD_OR_QUESTION.match(text):
        return False
    if _CAMEL.match(text) or _VERSION.match(text) or _FILE.match(text) or _PATH.match(text):
        return True
    return bool(_ALNUM.match(text)) and not _NOT_ALNUM.match(text)


def technology_terms(sentence: Sentence, lex: Lexicon, *, exclude: Iterable[str] = ()) -> list[Term]:
    """Technology terms of a sentence, left to right: lexicon phrases, then code-shaped tokens.

    Words in `exclude` (the document's product names) and the lexicon's excluded terms are never
    technology. Several rules ask for the same sentence, so the result is remembered on the unit.
    """
    excluded = sorted({e.lower() for e in exclude})
    # Rules with the same word lists share one entry; inline code is not in the analysed text,
    # so its content is part of the key.
    code = [(c.plain_offset, c.code) for c in _code_in(sentence)]
    found = memo.TECHNOLOGY_TERMS.remember(
        sentence.unit,
        lambda: _technology_terms(sentence, lex, set(excluded) | lex.excluded),
        lex.key,
        sentence.start,
        excluded,
        code,
    )
    return list(found)


def code_in(sentence: Sentence) -> tuple[tuple[int, str], ...]:
    """The inline code that stands in a sentence: (offset in the sentence, code). Not part of the
    analysed text, so a value of the sentence that reads it names it among its inputs."""
    return tuple((c.plain_offset - sentence.start, c.code) for c in _code_in(sentence))


def _code_in(sentence: Sentence) -> Sequence[Any]:
    """The unit's inline code spans that stand in this sentence (found by bisection: a unit can
    hold thousands of them)."""
    spans = sentence.unit.code_spans
    first = bisect_left(spans, sentence.start, key=lambda c: c.plain_offset)
    last = bisect_right(spans, sentence.start + len(sentence.text), key=lambda c: c.plain_offset)
    return spans[first:last]


def _technology_terms(sentence: Sentence, lex: Lexicon, excluded: set[str]) -> tuple[Term, ...]:
    span = sentence.span
    text = sentence.text
    taken: list[tuple[int, int]] = []  # sorted and non-overlapping: searched by bisection
    found: list[Term] = []
    base = sentence.start
    starts = [t.idx - base for t in span] if span is not None else []
    ends = [t.idx - base + len(t.text) for t in span] if span is not None else []

    def tokens_in(start: int, end: int) -> tuple[int, ...]:
        """The indices of the tokens that overlap [start, end)."""
        if span is None:
            return ()
        first, last = bisect_right(ends, start), bisect_left(starts, end)
        return tuple(span.start + k for k in range(first, last))

    def free(start: int, end: int) -> bool:
        before = bisect_left(taken, (end,)) - 1  # the last span that starts before `end`
        return before < 0 or taken[before][1] <= start or end <= taken[before][0]

    for match in lex.strong_pattern.finditer(text):
        if normal_phrase(match.group(0)) in excluded:
            continue
        insort(taken, match.span())
        found.append(Term(match.start(), match.end(), 1.0, match.group(0), tokens_in(*match.span())))
    exceptions = [m.span() for m in lex.weak_exceptions.finditer(text)] if lex.weak_exceptions else []
    for match in lex.weak_pattern.finditer(text):
        if not free(*match.span()) or normal_phrase(match.group(0)) in excluded:
            continue
        if any(s <= match.start() and match.end() <= e for s, e in exceptions):
            continue
        insort(taken, match.span())
        found.append(Term(match.start(), match.end(), 0.5, match.group(0), tokens_in(*match.span())))
    if lex.shape_signals:
        for start, end, word in _words(sentence):
            if free(start, end) and word.lower() not in excluded and shaped_like_code(word):
                insort(taken, (start, end))
                found.append(Term(start, end, 1.0, word, tokens_in(start, end)))
        for code in _code_in(sentence):
            # Inline code is not part of the plain text: the term is the (empty) place it stands at.
            start = code.plain_offset - sentence.start
            end = start
            if normal_phrase(code.code) in excluded:
                continue  # the product's name in backticks is still the product
            if 0 <= start <= len(text) and free(start, end):
                insort(taken, (start, end))
                found.append(Term(start, end, 1.0, code.code, tokens_in(start, end)))
    found.sort(key=lambda t: t.start)
    return tuple(found)


_WORD = re.compile(r"[^\s,;:!?()\[\]{}\"“”‘’']+")


def _words(sentence: Sentence) -> Iterator[tuple[int, int, str]]:
    """White-space words of the sentence with trailing sentence punctuation removed."""
    for match in _WORD.finditer(sentence.text):
        word = match.group(0)
        stripped = word.rstrip(".…-–—")
        stripped = stripped.removesuffix("'s").removesuffix("’s")
        if stripped:
            yield match.start(), match.start() + len(stripped), stripped


def weight(terms: Iterable[Term]) -> float:
    return sum(t.weight for t in terms)


# --- customers, company, quotes --------------------------------------------------------------


def quoted_offsets(unit: Unit) -> tuple[tuple[int, int], ...]:
    """Spans of `unit.text` inside quotation marks (a customer's or a leader's own words)."""
    return memo.QUOTED.remember(unit, lambda: tuple(quotation_spans(unit.text)))


def in_quote(unit: Unit, offset: int, spans: Sequence[tuple[int, int]] | None = None) -> bool:
    if unit.in_quote:
        return True
    return any(s <= offset < e for s, e in (spans if spans is not None else quoted_offsets(unit)))


def is_customer_token(token: Any, lex: Lexicon, segments: Iterable[str] = ()) -> bool:
    """A word that names the customer: you/your, I/my, a role noun, a generic customer noun."""
    lower = token.text.lower()
    if lower in lex.customer_pronouns or (token.pos_ == "PRON" and lower in ("i", "me", "my", "mine")):
        return True
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    forms = _forms(token)
    if forms & lex.roles or forms & lex.generic_customers:
        return not _company_owned(token, lex)
    return bool(forms & set(segments)) or customer_by_use(token, lex)


_RELATIVE_PERSON = frozenset({"who", "whom", "whose"})
# Agent nouns (English derivational suffixes for "one who does"): translator, beekeeper, florist,
# librarian, auctioneer, trainee.
# ("-ant" and "-ent" are left out: ingredient, component, restaurant, agent name things as often.)
_AGENTIVE = re.compile(r"(?:[^e]er|or|ist|ian|eer|ee)$")
# Verbs whose bare complement has the customer as its subject: "lets inspectors file".
_CAUSATIVES = frozenset({"let", "help", "make"})
# Verbs of getting: their subject is given something ("landlords get a text within a minute").
_GETTING = frozenset({"get", "gain", "receive", "have"})


def customer_by_use(head: Any, lex: Lexicon) -> bool:
    """A common noun the sentence makes a customer by what it does or gets, not by a list: the
    one an enabling verb hands an ability to ("lets county building inspectors file ...", "helps
    freelance translators to ...", "helps translators get paid"), a noun with a "who" clause
    ("for translators who ...", and a people's name in the plural: "New Yorkers who need free
    food"), the subject of "can", "now" or "no longer" ("Landlords can now see ...",
    "Controllers now have ...") or of a verb of getting ("Landlords get a text"), whose things the
    product works on, in the plural ("music producers' laptops"), or a word for people by their
    work ("lobster fishermen") that acts or is acted for; a role in the plural written with a
    capital ("Weekend Hikers") counts as the common noun it is. One person counts with an article
    ("lets the skipper of a small boat log each haul"); a bare singular is a name.
    ("for translators" alone is not enough: "drivers for printers" names things.) Technology
    words, the company's own people and product names are never customers."""
    if not parsed(head):
        return False
    capitalised_role = False
    if head.pos_ == "PROPN":
        # A people's name in the plural with a "who" clause: "New Yorkers who need free food".
        if head.tag_ == "NNPS" and _with_who(head) and not _company_owned(head, lex):
            return True
        # A role noun in the plural written with a capital, as headings and sub-headings do
        # ("Weekend Hikers will have an easy way ..."): the common noun it is.
        lower = head.text.lower()
        capitalised_role = (
            head.text[:1].isupper()
            and head.text[1:].islower()
            and lower.endswith("s")
            and _AGENTIVE.search(lower[:-1]) is not None
            and lower not in lex.products
        )
        if not capitalised_role:
            return False
    elif head.pos_ != "NOUN":
        return False
    forms = _forms(head)
    if forms & lex.terms or forms & lex.feature_nouns or forms & lex.generic_customers:
        return False  # a generic word ("users") needs a real modifier (see specific_segment)
    if lex.strong_pattern.fullmatch(head.text) or head.text in lex.products or _company_owned(head, lex):
        return False
    if forms & lex.weak_terms:
        return False
    plural = head.tag_ == "NNS" or capitalised_role
    if not plural and not any(c.dep_ in ("det", "poss") for c in head.children):
        # A segment is a plural ("translators who") or one person ("lets the skipper of a boat
        # log"); a bare singular is a name ("Syncer helps") or a misparse ("production who").
        return False
    # Plural only: one "who" is often the product made a person ("an AI companion who listens").
    if plural and _with_who(head):
        return True
    lemma = head.lemma_.lower() if not capitalised_role else head.text.lower()[:-1]
    verb = head.head
    if _PEOPLE.search(lemma):
        # "Lobster fishermen record their catch": a word for people by their work names people.
        return head.dep_ in ("nsubj", "dobj", "dative", "pobj") and verb.pos_ in ("VERB", "AUX", "ADP")
    if not _AGENTIVE.search(lemma):
        # Below, only nouns for people who do something (inspectors, beekeepers, florists):
        # "lets the team see" names no one outside, "helps pipelines run" names a thing.
        return False
    if (
        head.dep_ in ("nsubj", "nsubjpass")
        and verb.dep_ in ("ccomp", "xcomp")
        and verb.head.lemma_.lower() in _CAUSATIVES
    ):
        return True  # "lets inspectors file", "helps translators get paid": the subject of the enabled verb
    if head.dep_ in ("dobj", "dative") and verb.lemma_.lower() in lex.enabling_verbs:
        # "helps translators to quote"; "lets the skipper of a boat log", which the parser often
        # reads with the enabled verb elsewhere: an agent noun after "let" or "help" is its subject.
        return verb.lemma_.lower() in _CAUSATIVES or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
    if head.dep_ == "poss" and plural and verb.pos_ in ("NOUN", "PROPN"):
        # "brings AI analysis to music producers' local machines": whose things the product works
        # on. Plurals only: "the installer's footprint" is a program's.
        return True
    if head.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX"):
        lowered = {c.lower_ for c in verb.children if c.dep_ in ("aux", "advmod", "neg")}
        # "campers can search", "controllers now have", "no longer": what the launch gives them;
        # "hikers will have an easy way", "landlords get a text": what they get.
        return "can" in lowered or "now" in lowered or {"no", "longer"} <= lowered or verb.lemma_.lower() in _GETTING
    return False


def _with_who(head: Any) -> bool:
    """Whether a noun has a relative clause opened by "who", "whom" or "whose"."""
    return any(
        child.dep_ == "relcl" and any(t.lower_ in _RELATIVE_PERSON for t in child.subtree if t.i < child.i)
        for child in head.children
    )


def _forms(token: Any) -> set[str]:
    """Lower-case lemma and singular of a noun (title-case headlines defeat the lemmatizer)."""
    lower = token.text.lower()
    forms = {lower, token.lemma_.lower()}
    if lower.endswith("ies"):
        forms.add(lower[:-3] + "y")
    elif lower.endswith("s") and not lower.endswith("ss"):
        forms.add(lower[:-1])
    return forms


def _company_owned(token: Any, lex: Lexicon) -> bool:
    """ "our team", "our partners": the company's own people, not the customer."""
    return any(c.dep_ == "poss" and c.text.lower() in lex.company_pronouns for c in token.children)


def parsed(token: Any) -> bool:
    """Whether the token's text has a dependency parse. spaCy leaves a Doc's tree unset until the
    parser runs, and reading it then (children, edges, subtrees) reads garbage or crashes: the
    cascade parses only the sentences a rule's prefilter chose."""
    return bool(token.doc.has_annotation("DEP"))


def customer_tokens(sentence: Sentence, lex: Lexicon, segments: Iterable[str] = ()) -> list[Any]:
    if sentence.span is None:
        return []
    segments = tuple(segments)
    return [t for t in sentence.span if is_customer_token(t, lex, segments)]


def is_company_token(token: Any, lex: Lexicon, company_names: Iterable[str] = ()) -> bool:
    lower = token.text.lower()
    if token.pos_ == "PRON" and lower in lex.company_pronouns:
        return True
    return lower in {n.lower() for n in company_names}


def noun_mentions(unit: Unit, lex: Lexicon) -> tuple[tuple[int, str, str, bool], ...]:
    """(offset, lemma, lower-cased text, names a specific segment) for each token of `unit`,
    remembered with its analysis (the language server re-lints unchanged paragraphs for free)."""

    def compute() -> tuple[tuple[int, str, str, bool], ...]:
        return tuple(
            (t.idx, t.lemma_.lower(), t.lower_, specific_segment(t, lex) is not None) for t in (unit.nlp or ())
        )

    return memo.NOUN_MENTIONS.remember(unit, compute, lex.key)


def _modifiers(head: Any) -> list[Any]:
    """The words before a noun that qualify it ("independent bookstore" of "owners")."""
    return [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]


def specific_segment(head: Any, lex: Lexicon) -> str | None:
    """The customer segment a noun phrase names, or None when it is generic or not a customer.

    "independent bookstore owners" and "gym owners" are specific (a role noun); "users",
    "all customers" and "people" are not; a generic noun with a real modifier ("enterprise
    customers", "small business owners") is specific.
    """
    if head.pos_ not in ("NOUN", "PROPN") or not parsed(head):
        return None  # a text the cascade did not parse (no rule's prefilter chose it) has no phrases
    forms = _forms(head)
    modifiers = _modifiers(head)
    words = [*modifiers, head]
    phrase = " ".join(t.text for t in words)
    if forms & lex.roles:
        return phrase
    clause = _restricting_clause(head)
    if forms & lex.generic_customers:
        real = [m for m in modifiers if m.text.lower() not in lex.vague_modifiers and m.pos_ != "DET"]
        if real:
            return phrase
        # "people who are done renting their task list", "teams building LLM agents": the clause
        # says which ones.
        return f"{phrase} {clause}" if clause else None
    return phrase if customer_by_use(head, lex) else None


# Nouns for people by their work or kind: fisherman, saleswoman, salespeople, craftsperson.
_PEOPLE = re.compile(r"(?:man|men|woman|women|person|people|folks?)$")


def _restricting_clause(head: Any) -> str:
    """The start of a clause that singles out the people a noun names by what they do or are: a
    "who" clause in the present ("people who are done renting", "users who share a network") or a
    present participle ("teams building LLM agents", "a homelabber hunting for a disk"), as "who
    are done …"; empty when there is none. A clause in the past tells of an event, not a group
    ("customers who tried it in our pilot")."""
    for child in head.children:
        if child.i < head.i:
            continue
        words = list(child.subtree)
        if child.dep_ == "relcl" and any(t.lower_ in _RELATIVE_PERSON for t in words if t.i < child.i):
            verbs = [child, *(c for c in child.children if c.dep_ in ("aux", "auxpass"))]
            if not any(v.tag_ in ("VBP", "VBZ") for v in verbs):
                continue
        elif not (child.dep_ == "acl" and child.tag_ == "VBG" and child.i == head.i + 1):
            continue
        shown = " ".join(t.text for t in words[:5])
        return shown + (" …" if len(words) > 5 else "")
    return ""


# --- the grammatical subject ----------------------------------------------------------------


def subject_of(token: Any) -> Any | None:
    """The subject of a verb: its own nsubj, else the subject of the verb it is conjoined to or
    depends on (an implicit subject: "Works with X, leveraging its capabilities")."""
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.pos_ in ("VERB", "AUX"):
            # "Our platform leverages ML": the small model reads "platform" as a compound of the verb.
            for child in current.lefts:
                if child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN"):
                    return child
        if current.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep") and current.head is not current:
            current = current.head
            continue
        if current.dep_ in ("relcl", "acl"):
            return current.head  # "teams building LLM agents": the noun does the verb
        return None
    return None


def phrase_tokens(head: Any, *, skip: Sequence[str] = CLAUSE_DEPS) -> list[Any]:
    """A noun phrase without its clauses: "a free tier" of "a free tier that enables X"."""
    result, stack = [], [head]
    while stack:  # not recursive: a parse of thousands of tokens (a deeply nested list) is deep
        token = stack.pop()
        result.append(token)
        stack.extend(child for child in token.children if child.dep_ not in skip)
    return sorted(result, key=lambda t: t.i)


SUBJECT_KINDS = ("customer", "company", "product", "technology", "other", "none")


def subject_kind(
    subject: Any | None,
    lex: Lexicon,
    tech_tokens: Mapping[int, float],
    *,
    segments: Iterable[str] = (),
    company_names: Iterable[str] = (),
    product_names: Iterable[str] = (),
) -> str:
    """What the subject names: customer, company, product, technology, other (or none)."""
    if subject is None:
        return "none"
    head = subject
    if head.dep_ == "expl":
        return "other"
    if is_customer_token(head, lex, segments):
        return "customer"
    lower = head.text.lower()
    if is_company_token(head, lex, company_names) or _company_owned(head, lex):
        return "company"
    if lower in {p.lower() for p in product_names}:
        return "product"
    head_weight = tech_tokens.get(head.i, 0.0)
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    if head_weight >= 1.0 and head.pos_ != "PROPN":
        return "technology"
    if head.pos_ in ("NOUN", "PROPN") and any(tech_tokens.get(m.i, 0) >= 1.0 for m in modifiers):
        return "technology"
    if head_weight > 0 and head.pos_ == "NOUN":
        return "product"  # "the platform", "the engine": the product itself
    if head.pos_ == "PROPN" and head_weight >= 1.0:
        return "product" if head.ent_type_ != "PERSON" else "other"
    if head.pos_ == "PRON" and lower in ("it", "this", "that"):
        return "product"
    if head.pos_ == "PROPN" and head.ent_type_ not in ("PERSON", "GPE", "LOC", "DATE", "TIME"):
        return "product"
    if head.pos_ == "NOUN" and head.lemma_.lower() in ("product", "app", "service", "solution", "tool", "feature"):
        return "product"
    return "other"


# --- the lead of the release ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lead:
    """The headline, sub-heading and summary of the press release (any may be None), as the
    document's anatomy found them: their units, and the spans of those units that are the part
    (a plain-text release holds several parts in one paragraph, one per line)."""

    headline: Unit | None
    subheading: Unit | None
    summary: Unit | None
    spans: tuple[tuple[int, int, int], ...] = ()  # (unit index, start, end) of each part

    def units(self) -> list[Unit]:
        return list({u.index: u for u in (self.headline, self.subheading, self.summary) if u is not None}.values())

    def _inside(self, sentence: Sentence) -> bool:
        return any(i == sentence.unit.index and s <= sentence.start < e for i, s, e in self.spans)

    def summary_first(self) -> Sentence | None:
        """The first real sentence of the summary (a bare dateline is skipped)."""
        if self.summary is None:
            return None
        for sentence in self.summary.sentences:
            if not self._inside(sentence) or _is_dateline(sentence):
                continue
            return sentence
        return None

    def sentences(self) -> list[Sentence]:
        result = []
        for unit in {u.index: u for u in (self.headline, self.subheading) if u is not None}.values():
            result.extend(s for s in unit.sentences if self._inside(s))
        first = self.summary_first()
        if first is not None:
            result.append(first)
        return result


_DATELINE = re.compile(r"^[\sA-Z.,'-]*(?:--|—|–|-)\s*(?:\S+\s*){0,4}(?:--|—|–|-)?\s*$")


def _is_dateline(sentence: Sentence) -> bool:
    words = sentence.text.split()
    return len(words) <= 8 and bool(_DATELINE.match(sentence.text.strip()) or not any(w.islower() for w in words))


def find_lead(document: Document) -> Lead:
    """Headline, sub-heading and summary of the press release, from the document's anatomy."""
    return memo.LEAD.remember(document, lambda: _find_lead(document))


def _find_lead(document: Document) -> Lead:
    anatomy = document.anatomy
    found = [anatomy.get(name) for name in ("headline", "subheading", "summary")]
    units = [part.unit if part is not None else None for part in found]
    spans = tuple((s.unit.index, s.start, s.end) for part in found if part is not None for s in part.segments)
    return Lead(units[0], units[1], units[2], spans)


def segments_of(document: Document, lex: Lexicon) -> tuple[str, ...]:
    """Customer segments the lead names ("bookstore owners"): their head lemmas, lower case."""

    def compute() -> tuple[str, ...]:
        units = [u for u in find_lead(document).units() if u.nlp is not None]
        return tuple(t.lemma_.lower() for u in units for t in u.nlp if specific_segment(t, lex))

    return memo.SEGMENTS.remember(document, compute, lex.key)


def technical_audience(document: Document, lex: Lexicon) -> str | None:
    """The first technical readers among the customers the lead names, or None. A customer
    segment of the headline, subheading or summary ("startups, solo developers and small teams")
    is technical when its head, alone or after a modifier, is one of the lexicon's
    `technical-audiences` ("solo developers", "data scientists"), or when one of its modifiers is
    one of its `technical-fields` ("platform teams", "IT admins"); not the company's own people
    ("our engineers"), people the customer does without or hires ("without a web developer",
    "helps bakeries hire developers"). Returned as the words that make it so ("developers",
    "platform teams")."""

    def compute() -> str | None:
        for unit in find_lead(document).units():
            for token in unit.nlp or ():
                if specific_segment(token, lex) is None or _company_owned(token, lex):
                    continue
                if token.dep_ == "pobj" and token.head.lower_ in ("without", "than", "unlike", "instead"):
                    continue
                if token.dep_ == "dobj" and token.head.lemma_.lower() in ("hire", "recruit", "replace", "find"):
                    continue
                words = _technical_words(token, lex)
                if words is not None:
                    return words
        return None

    return memo.TECHNICAL_AUDIENCE.remember(document, compute, lex.key)


def _technical_words(head: Any, lex: Lexicon) -> str | None:
    """The words of a customer segment that make it technical readers, as written (a title-case
    word in lower case), or None."""

    def written(token: Any) -> str:
        return token.text.lower() if token.text.istitle() else token.text

    forms = _forms(head)
    for modifier in _modifiers(head):
        if modifier.lower_ in lex.technical_fields or {f"{modifier.lower_} {form}" for form in forms} & (
            lex.technical_audiences
        ):
            return f"{written(modifier)} {written(head)}"
    return written(head) if forms & lex.technical_audiences else None


def lead_sentences(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """A prefilter for rules that read the lead's parse (`technical_audience`): the sentences of
    the headline's, subheading's and summary's units."""
    for unit in find_lead(document).units():
        yield from unit.sentences


def product_names(document: Document, lex: Lexicon | None = None) -> frozenset[str]:
    """Names of the product: proper or code-shaped words of the headline that recur in the release
    (and are not common words), proper names that are the subject of two or more sentences (the
    whole name, "Delegator Agent", where its last word is also written as a common word), such
    subjects in lower case that English does not use and the headline holds ("playdrawr"), the
    words of the dateline's place, and the vocabulary's products (from `lex`)."""
    found = memo.PRODUCT_NAMES.remember(document, lambda: frozenset(_product_names(document)))
    return found | lex.products if lex is not None else found


def _product_names(document: Document) -> set[str]:
    lead = find_lead(document)
    subjects: Counter[str] = Counter()
    full_names: dict[str, set[str]] = {}
    for unit in document.units:
        if unit.part == "pr" and unit.nlp is not None:
            for head, full in memo.NAMED_SUBJECTS.remember(unit, lambda unit=unit: _named_subjects(unit.nlp)):
                subjects[head] += 1
                full_names.setdefault(head, set()).add(full)
    release = " ".join(u.text for u in document.units if u.part == "pr")
    named = set()
    headline_text = lead.headline.text.lower() if lead.headline is not None else ""
    for head, count in subjects.items():
        if count < 2 or base_lexicon().strong_pattern.fullmatch(head):
            continue
        if _unknown_lower(head) and not re.search(rf"\b{re.escape(head)}\b", headline_text):
            continue  # a brand written small names itself in the headline ("playdrawr Launches ...")
        if _written_lower(head, release):
            # "The GENXAIS Framework" and "the framework": the product is the whole name; the
            # word alone would hide every framework (or agent, or dashboard) in the document.
            named |= {name for name in full_names[head] if name != head}
        else:
            named.add(head)
    named |= company_names(document)
    # The dateline's place ("SAN FRANCISCO —") is a name the reader reads as one, not an acronym.
    place = _dateline_place(document)
    if place is not None:
        named |= {w for w in re.findall(r"[A-Za-z][\w.'-]*", place[0].text[place[1] : place[2]]) if w[0].isupper()}
    if lead.headline is None or lead.headline.nlp is None:
        return named
    headline = lead.headline.nlp
    candidates = {t.text for t in headline if (t.pos_ == "PROPN" or _CAMEL.match(t.text)) and len(t.text) > 2}
    rest = " ".join(u.text for u in document.units if u.part == "pr" and u is not lead.headline)
    strong = base_lexicon().strong_pattern
    # "Agent OS", "Tuna OS": two capitalised words of the headline, one of them shaped like a name,
    # that the release repeats as written are the product's name, though one of them alone is
    # technology or a common word.
    pairs = {
        f"{a.text} {b.text}"
        for a, b in pairwise(headline)
        if a.whitespace_
        and a.text[:1].isupper()
        and b.text[:1].isupper()
        and not (a.is_stop or b.is_stop)
        and (_name_word(a) or _name_word(b))
        and not (strong.fullmatch(a.text) and strong.fullmatch(b.text))
    }
    return (
        named
        | {
            c
            for c in candidates
            if _times_written(c, rest)
            # A common word; not a CamelCase name that is also its command ("`applykit score`").
            and (_CAMEL.match(c) is not None or not _written_lower(c, rest))
            and not strong.fullmatch(c)
        }
        | {pair for pair in pairs if _times_written(pair, rest) >= 2}
    )


def _times_written(name: str, text: str) -> int:
    """How often `name` stands in `text` as written, as whole words."""
    return len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text))


def _name_word(token: Any) -> bool:
    """A word that can be part of a name: a proper noun, a CamelCase word or one in capitals."""
    return token.pos_ == "PROPN" or bool(_CAMEL.match(token.text)) or (len(token.text) > 1 and token.text.isupper())


def _written_lower(word: str, text: str) -> bool:
    """Whether a capitalised `word` also stands in `text` in lower case: a common word, not only a
    name (a name written in lower case, "smallhold", is a name). A web address, path or handle that
    holds the word ("discord.gg/luxbin", "@luxbin") writes the name, not a common word."""
    if word == word.lower():
        return False
    return re.search(r"(?<![\w./@#])" + re.escape(word.lower()) + r"(?![\w./])", text) is not None


# The one word that opens a lead line before its announcement ("H1Founders today announced",
# "H1Founders Launches WIN CLUB"): the launching company's (or the product's) name; not a
# phrase ("LiDAR Scanner Launches", "The new LiDAR toolkit today launched").
_ANNOUNCER = re.compile(
    r"([A-Z0-9][\w&.+-]*)\s+(?:today\s+|now\s+|has\s+)?"
    r"(?:[Aa]nnounce[sd]?|[Ll]aunch(?:e[sd])?|[Ii]ntroduce[sd]?|[Uu]nveil(?:s|ed)?|[Dd]ebut(?:s|ed)?)\b"
)


def company_names(document: Document) -> set[str]:
    """The launching company's name where it is shaped unlike a plain word: as the leader's
    attribution writes it ("Chief Growth Officer, KC HiLiTES"), or as the subject of the lead's
    announcement ("H1Founders today announced", "H1Founders Launches WIN CLUB"): the reader is
    told what it is, it is no jargon and no technology."""
    organisations = [q.organisation for q in document.anatomy.quotes if q.speaker == "leader" and q.organisation]
    lead_ins = document.anatomy.lead_ins
    announcers = [
        found.group(1)
        for unit in find_lead(document).units()
        if (found := _ANNOUNCER.match(unit.text, lead_ins.get(unit.index, 0))) is not None
    ]
    strong = base_lexicon().strong_pattern
    named = [(name, True) for name in organisations] + [(name, False) for name in announcers]
    return {
        word
        for name, attributed in named
        for word in re.findall(r"(?<![\w&+-])\w[\w&+-]*", name)  # "8bitConcepts" whole
        if any(c.isupper() for c in word[1:])
        and not strong.fullmatch(word)  # "PQShield API": the API is still jargon
        # An announcer's acronym may be the product's kind ("AI-Powered CRM Launches"): only its
        # mixed-case words are names ("H1Founders", "GitHub").
        and (attributed or (not word.isupper() and not strong.search(word)))
    }


def _unknown_lower(word: str) -> bool:
    """A word in lower case that English does not use ("playdrawr"): a brand written small."""
    return len(word) > 3 and word.isalpha() and word.islower() and zipf_frequency(word) == 0


def _named_subjects(doc: Any) -> tuple[tuple[str, str], ...]:
    """The subjects of a Doc that are proper nouns or code-shaped words, in order: each as its
    word and as the whole name it closes ("Framework", "GENXAIS Framework")."""
    found = []
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass") and (
            token.pos_ == "PROPN" or _CAMEL.match(token.text) or _unknown_lower(token.text)
        ):
            start = token.i
            while start > token.sent.start and doc[start - 1].pos_ == "PROPN":
                start -= 1
            found.append((token.text, doc[start : token.i + 1].text))
    return tuple(found)


def has_outcome_data(text: str) -> bool:
    """A measured customer outcome: money, a percentage, a duration, "9 out of 10"."""
    return _DATA.search(text) is not None


def technology_map(terms: Iterable[Term]) -> dict[int, float]:
    """Token index -> the weight of the technology term it belongs to."""
    tech: dict[int, float] = {}
    for term in terms:
        for i in term.tokens:
            tech[i] = max(tech.get(i, 0.0), term.weight)
    return tech


def sentence_subject(
    sentence: Sentence, lex: Lexicon, *, segments: Iterable[str] = (), products: Iterable[str] = ()
) -> tuple[Any | None, str]:
    """The root's subject and its kind (see `subject_kind`); imperatives count as the customer."""
    if sentence.span is None:
        return None, "none"
    root = sentence.span.root
    subject = subject_of(root)
    if subject is None:
        first = next((t for t in sentence.span if not (t.is_punct or t.is_space)), None)
        if root is first and root.tag_ in ("VB", "VBP"):
            return None, "customer"  # an imperative: the reader acts
    tech = technology_map(technology_terms(sentence, lex, exclude=products))
    return subject, subject_kind(subject, lex, tech, segments=segments, product_names=products)


def pr_sentences(document: Document, *, quotes: bool = True) -> Iterator[Sentence]:
    """Press-release prose sentences (headings included); without quoted speech if `quotes` is False."""
    for unit in document.units:
        if unit.part != "pr" or unit.kind not in PROSE_KINDS:
            continue
        spans = quoted_offsets(unit)
        for sentence in unit.sentences:
            if not quotes and (unit.in_quote or any(s <= sentence.start < e for s, e in spans)):
                continue
            yield sentence


def press_release(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """Prefilter of the rules that read the parse of the press release only (its lead, its
    sentences, the product's names): every press-release sentence, nothing of the FAQ."""
    for unit in document.units:
        if unit.part == "pr":
            yield from unit.sentences


def document_violation(document: Document, message: str, **kw: Any) -> Iterator[Violation]:
    """One document-level finding, at the headline (see `anchor`); `kw` as for `Violation`."""
    where = anchor(document)
    if where is not None:
        unit, start, end = where
        yield Violation(message, unit, start, end, **kw)


def product_hint(document: Document, terms: Iterable[str]) -> VocabularyHint | None:
    """For a finding about technology terms: when some of them appear in the document's title or
    headline, where a PR/FAQ names its product ("PR/FAQ: usb-hsm"), how to declare them products."""
    lead = find_lead(document)
    title = next((u for u in document.units if u.is_heading), None)
    places = " ".join(u.text for u in (title, lead.headline) if u is not None)
    names = [
        t for t in terms if _coined(t) and re.search(r"(?<![\w-])" + re.escape(t) + r"(?![\w-])", places, re.IGNORECASE)
    ]
    return VocabularyHint.products(*names) if names else None


def _coined(term: str) -> bool:
    """A term with a word rarer than plain English (Zipf < 3.5: "Shelfwise", "usb-hsm"), as a
    product's name is: a headline's "Announces", "Platform" or "AI-Powered" are not names."""
    return any(zipf_frequency(word.lower()) < 3.5 for word in re.findall(r"[A-Za-z]{2,}", term))


def anchor(document: Document) -> tuple[Unit, int, int] | None:
    """Where a document-level finding goes: the headline, else the first press-release unit."""
    lead = find_lead(document)
    unit = lead.headline or lead.summary
    if unit is None:
        unit = next((u for u in document.units if u.part == "pr" and u.text.strip()), None)
    if unit is None:
        return None
    text = unit.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    first_line = text.find("\n", start)
    return unit, start, end if first_line == -1 else min(end, first_line)


# --- problems and what a sentence leads with -----------------------------------------------------

# Dependencies that end a noun phrase: clauses, and the subjects of clauses inside it.
PHRASE_BREAKS = ("relcl", "advcl", "acl", "ccomp", "parataxis", "nsubj", "nsubjpass", "csubj")


# Verbs that praise when negated: "I can't imagine working without it", "can't wait", "can't
# recommend it enough", "couldn't believe how fast it was".
PRAISED_WHEN_NEGATED = frozenset(("imagine", "wait", "recommend", "believe", "thank"))


def praise_by_negation(span: Any) -> bool:
    """Whether the sentence praises with a negated verb ("I can't imagine working without it")."""
    return any(t.lemma_.lower() in PRAISED_WHEN_NEGATED and any(c.dep_ == "neg" for c in t.children) for t in span)


def is_problem(root: Any, lex: Lexicon) -> bool:
    """A problem statement: a negated predicate or one from the problem lexicon."""
    if root.lemma_.lower() in lex.problem_predicates:
        return True
    for child in root.children:
        if child.dep_ == "neg" and root.lemma_.lower() not in PRAISED_WHEN_NEGATED:
            return True
        if child.dep_ in ("acomp", "attr", "xcomp", "conj") and child.lemma_.lower() in lex.problem_predicates:
            return True
    return False


def main_clause(root: Any) -> set[int]:
    """Token indices of the main clause: the root's subtree without relative and adverbial clauses."""
    return {t.i for t in phrase_tokens(root, skip=("relcl", "advcl", "acl", "ccomp", "parataxis"))}


def in_customer_phrase(token: Any, customers: list[Any]) -> bool:
    """ "ML" in "ML engineers": a technology word that only qualifies the customer."""
    ids = {c.i for c in customers}
    current = token
    for _ in range(3):
        if current.dep_ not in ("compound", "amod", "nmod") or current.head is current:
            return False
        current = current.head
        if current.i in ids:
            return True
    return False


def subject_name(subject: Any | None) -> set[str]:
    """A proper-noun subject is the product's (or company's) name, not a technology."""
    if subject is None or not (subject.pos_ == "PROPN" or shaped_like_code(subject.text)):
        return set()
    return {" ".join(t.text for t in phrase_tokens(subject, skip=PHRASE_BREAKS)), subject.text}


def leading_technology(
    sentence: Sentence, lex: Lexicon, segments: tuple[str, ...], products: frozenset[str]
) -> tuple[list[Term], int | None] | None:
    """The technology terms of a sentence's main clause and the offset of its first customer word.

    None when the sentence leads with the customer (a customer subject), states a problem or a
    measured outcome, or is a question: those do not lead with technology whatever they mention.
    Terms inside a relative clause, the subject's own name and words that qualify a customer
    ("ML" in "ML engineers") are left out.
    """
    if sentence.span is None or sentence.text.rstrip().endswith("?"):
        return None
    root = sentence.span.root
    subject = subject_of(root)
    customers = customer_tokens(sentence, lex, segments)
    if subject is not None and any(c.i == subject.i for c in customers):
        return None
    if is_problem(root, lex) or has_outcome_data(sentence.text):
        return None
    main = main_clause(root)
    terms = [
        t
        for t in technology_terms(sentence, lex, exclude=products | subject_name(subject))
        if any(i in main for i in t.tokens)
        and not any(in_customer_phrase(sentence.span.doc[i], customers) for i in t.tokens)
    ]
    first_customer = min((t.idx - sentence.start for t in customers), default=None)
    return terms, first_customer


# --- acronyms -------------------------------------------------------------------------------------

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
    # Not a piece of a longer identifier: "CC-BY", "file.MD", "#TAG", "CP/M" (not "CI/CD"), "CHR$".
    return re.compile(rf"(?<![\w\-\u2010\u2011./#])([A-Z]{{{low},{high}}})(s?)(?![\w#$]|\.\w|/[A-Z](?!\w))")


def is_ordinary_word(token: str, ctx: Mapping[str, Any]) -> bool:
    """An all-caps common word ("FREE", "NAME", "WHO"), not an acronym."""
    return _ordinary(token, float(ctx.get("common-word-zipf", 4.5)))


def _ordinary(token: str, zipf: float) -> bool:
    return zipf_frequency(token.lower(), "en") >= zipf


def acronyms(document: Document, ctx: Mapping[str, Any], vocabulary: Vocabulary = NO_VOCABULARY) -> Iterator[Acronym]:
    """Every acronym occurrence in prose units, in document order, exempt ones left out.

    `ctx` holds the acronym rule's options. Acronyms the vocabulary accepts are exempt; a unit
    written mostly in capitals (a shouted heading) has no acronyms to report.
    """
    pattern = acronym_pattern(ctx)
    exempt = frozenset({e.upper() for e in ctx.get("exempt", ())} | {t.upper() for t in vocabulary.accepted})
    places = frozenset(p.upper() for p in ctx.get("place-codes", ()))
    kinds = set(ctx.get("kinds", ("heading", "paragraph", "list_item", "table_cell")))
    zipf = float(ctx.get("common-word-zipf", 4.5))
    numbered = frozenset(str(w).lower() for w in ctx.get("numbered-words", ()))
    inputs = _acronym_inputs(pattern.pattern, exempt, places, zipf, numbered)
    place = _dateline_place(document)
    for unit in document.units:
        if unit.kind not in kinds:
            continue
        uses = memo.ACRONYMS.remember(
            unit, partial(_unit_acronyms, unit.text, pattern, exempt, places, zipf, numbered), inputs
        )
        for key, start, end, defines in uses:
            if place is not None and unit is place[0] and place[1] <= start < place[2]:
                continue  # "DENVER, Colo. --": the place of the release's dateline
            yield Acronym(key, unit, start, end, defines)


def _dateline_place(document: Document) -> tuple[Unit, int, int] | None:
    """The unit of the anatomy's dateline and the span, in its text, of the place before the date;
    when the dateline is a date alone above the headline ("April 30, 2026"), the place that opens
    the summary ("**PALO ALTO, Calif.,** April 30, 2026 - Allegion today announced ...")."""
    for name in ("dateline", "summary"):
        part = document.anatomy.get(name)
        if part is None:
            continue
        segment = part.segments[0]
        found = dateline_place(segment.text)
        if found is not None:
            return segment.unit, segment.start + found[0], segment.start + found[1]
    return None


@lru_cache(maxsize=16)
def _acronym_inputs(
    pattern: str, exempt: frozenset[str], places: frozenset[str], zipf: float, numbered: frozenset[str]
) -> str:
    """The acronym options as one memo input."""
    values = [pattern, sorted(exempt), sorted(places), zipf, sorted(numbered)]
    return hashlib.sha1(json.dumps(values).encode()).hexdigest()[:16]


_CITY_BEFORE = re.compile(r"\b[A-Z][a-z]{2,} $")
_CLAUSE_END = re.compile(r"\s*(?:[),;.—–]|$)")


def _unit_acronyms(
    text: str,
    pattern: re.Pattern[str],
    exempt: frozenset[str],
    places: frozenset[str],
    zipf: float,
    numbered: frozenset[str] = frozenset(),
) -> tuple[tuple[str, int, int, bool], ...]:
    """(acronym, start, end, defines) of each acronym use in a unit's text (see `acronyms`)."""
    letters = sum(map(str.isalpha, text))
    if letters and sum(map(str.isupper, text)) > 0.6 * letters:
        return ()
    found = []
    names = _capitalised_names(text)
    slots = [m.span() for m in _SLOT.finditer(text) if any(_ordinary(w, zipf) for w in _words_of_slot(m))]
    for match in pattern.finditer(text):
        key = match.group(1)
        if key in exempt or key + match.group(2).upper() in exempt or _ordinary(key, zipf):
            continue
        if any(start < match.start() and match.end() < end for start, end in slots):
            continue  # "[EXEC NAME]", "<COMPANY>": a slot left for a value, reported as a placeholder
        if key in places and (
            re.search(r"[A-Za-z], *$", text[max(0, match.start() - 20) : match.start()])
            # "(World Premiere, August 2026, Charlotte NC)": a city's name, the code closing the clause
            or (
                _CITY_BEFORE.search(text, max(0, match.start() - 40), match.start())
                and _CLAUSE_END.match(text, match.end())
            )
        ):
            continue
        if identifier_piece(text, match.start(), match.end()):
            continue  # "NOM-024-SSA3", "CC-BY-SA": one identifier (a standard's, a licence's), no acronym
        if roman_numeral(text, match.start(), match.end(1), numbered):
            continue  # "SOC 2 Type II", "Leads I, II, III": a number, not an acronym
        compound = _CAPS_WORD_AFTER.match(text, match.end())
        if compound and _ordinary(compound.group(1), zipf):
            continue  # "GI-SMART", "AI-SMART": a name in capitals, not an acronym ("PCI-DSS" still is one)
        if any(start <= match.start() and match.end() <= end for start, end in names):
            continue  # "SOLUNA FEST HAWAII", "KNOCKS STUDIOS": a name written in capitals
        found.append((key, match.start(), match.end(1), _defines(text, match.start(), match.end())))
    return tuple(found)


_IDENTIFIER_PIECES = re.compile(r"[A-Z0-9]+(?:[-\u2010\u2011][A-Z0-9]+){2,}")
# A Roman numeral of I, V and X ("II", "IV", "XII"), and the word before one, with what is between.
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3}")
# Any Roman numeral ("LX", "XLII", "MMXXVI"), read as one only after a word it numbers ("Super Bowl LX").
_ANY_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)(,?)\s+$")


def roman_numeral(text: str, start: int, end: int, numbered: frozenset[str]) -> bool:
    """Whether text[start:end] is a Roman numeral that numbers the word before it, one of
    `numbered` (lower case: "SOC 2 Type II", "Phase II", "Title IX"), or follows another in a
    list that counts from "I" or from such a word ("(I, II, III)", "Leads I, II, III"): not an
    acronym. After another word it is one ("Home IV Therapy", "its original IV"). Numerals with
    L, C, D or M count after a numbered word only ("Super Bowl LX")."""
    small = _ROMAN.fullmatch(text[start:end]) is not None
    if not small and not _ANY_ROMAN.fullmatch(text[start:end]):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word, comma = before.groups()
    if comma and not small:
        return False
    if comma:  # a list of numerals counts from "I" or from a numbered word ("Leads I, II, III")
        return _ROMAN.fullmatch(word) is not None and (
            word == "I" or roman_numeral(text, before.start(1), before.end(1), numbered)
        )
    return word.lower() in numbered or word.lower().rstrip("s") in numbered


def identifier_piece(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one of three or more pieces in capitals or digits joined by
    hyphens that make one name: pieces of two letters ("CC-BY-SA", a licence) or two with digits
    ("NOM-024-SSA3", a standard); not a chain of acronyms ("GDPR-CCPA-HIPAA") nor "AES-256-GCM",
    whose AES a reader still needs spelled out."""
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-\u2010\u2011"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "-\u2010\u2011"):
        end += 1
    if _IDENTIFIER_PIECES.fullmatch(text, start, end) is None:
        return False
    pieces = re.split(r"[-\u2010\u2011]", text[start:end])
    return all(len(p) <= 2 for p in pieces) or sum(any(c.isdigit() for c in p) for p in pieces) >= 2


_CAPS_WORD_AFTER = re.compile(r"[-\u2010\u2011]([A-Z]{4,})(?![\w-])")
_CAPS_RUN = re.compile(r"[A-Z][A-Z'’&-]*[A-Z](?:[ \t]+[A-Z][A-Z'’&-]*[A-Z])+")
# The ordinary words that make a run of capitals a name: five letters or more, common enough to be
# English ("HAWAII", "STUDIOS"), not so common that they are emphasis ("WITHOUT", "ALWAYS").
_NAME_WORD_ZIPF = (3.0, 5.0)


# A slot left for a value, starting with a capital: "[EXEC NAME]", "<CITY, STATE>", "{COMPANY}",
# "[City, State ZIP Code]" (one that holds an ordinary word: "[QRB, TTX]" holds acronyms).
_SLOT_BODY = r"[A-Z][A-Za-z0-9 ,/_&.-]{1,58}"
_SLOT = re.compile(rf"\[({_SLOT_BODY})\]|<({_SLOT_BODY})>|\{{({_SLOT_BODY})\}}")


def _words_of_slot(match: re.Match[str]) -> list[str]:
    body = next(g for g in match.groups() if g is not None)
    return re.findall(r"[A-Za-z]+", body)


def _capitalised_names(text: str) -> list[tuple[int, int]]:
    """The spans of runs of capitals that are names: three words or more with an ordinary word
    ("SOLUNA FEST HAWAII"), or two ordinary words ("KNOCKS STUDIOS"); "AWS SDK", "NVIDIA GPU" and
    "EHR WITHOUT" are not."""
    low, high = _NAME_WORD_ZIPF
    names = []
    for run in _CAPS_RUN.finditer(text):
        words = run.group(0).split()
        ordinary = sum(
            1 for w in words if len(w) >= 5 and w.isalpha() and low <= zipf_frequency(w.lower(), "en") < high
        )
        if ordinary >= 2 or (ordinary and len(words) >= 3):
            names.append(run.span())
    return names


def _defines(text: str, start: int, end: int) -> bool:
    """'Words (ABC)' (the acronym alone in parentheses after words, or first in them after the
    words it stands for: 'Data Protection Act (DPDPA, in force since May)', not 'files (PNG,
    SVG)') or 'ABC (words)'."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        # The words before spell it, its letters in order from a word's first letter on ("hardware
        # security module (HSM)", "JavaScript Object Notation (JSON)"); "optimal intervals
        # (FSRS)" names something else, and leaves FSRS undefined.
        before = text[max(0, start - 80) : start - 1]
        return _spells(before, text[start:end]) or _initials_but_the_first(before, text[start:end])
    if text[start - 1 : start] == "(" and text[end : end + 1] in (",", ";"):
        return _initials(text[max(0, start - 120) : start - 1], len(text[start:end])) == text[start:end].upper()
    if _OR_NAME.match(text, end):
        return True  # "the stock JNJ, or Johnson & Johnson,": the name it stands for, in apposition
    # "ABC (words)": the words spell it ("NER (named entity recognition)") or gloss it ("KMS (a
    # managed key store)"); not any aside in parentheses ("free-text NER (Layer 3)", "the review UI
    # (single-team deployment assumed)").
    words = _WORDS_IN_PARENTHESES.match(text, end + 1 if text[end : end + 1] == " " else end)
    if words is None:
        return False
    inside = words.group(1)
    return _spells(inside, text[start:end]) or _GLOSS_OPENING.match(inside) is not None


_GLOSS_OPENING = re.compile(r"(?:an?|the|i\.e\.|short for|aka|also known as|meaning|or)\s", re.IGNORECASE)


def _spells(words: str, acronym: str) -> bool:
    """Whether the last words before an acronym in parentheses hold its letters in order, the
    first at the start of a word (a plural "s" and digits aside: "APIs", "K8s")."""
    letters = [c for c in acronym.rstrip("s").lower() if c.isalpha()]
    if not letters:
        return True
    tail = " ".join(re.findall(r"[\w'’&-]+", words)[-8:]).lower()
    for word_start in re.finditer(r"(?<![\w'’])" + re.escape(letters[0]), tail):
        at = word_start.end()
        for letter in letters[1:]:
            at = tail.find(letter, at) + 1
            if not at:
                break
        else:
            return True
    return False


def _initials_but_the_first(words: str, acronym: str) -> bool:
    """Whether two or more capitalised words right before an acronym in parentheses give all its
    letters but the first: the author's gloss with its first word left out ("Press Kit (EPK)",
    for Electronic Press Kit)."""
    letters = acronym.rstrip("s")
    found = re.findall(r"[A-Za-z][\w'’-]*", words)[-(len(letters) - 1) :]
    return (
        len(letters) >= 3
        and len(found) == len(letters) - 1
        and all(w[0].isupper() for w in found)
        and "".join(w[0] for w in found) == letters[1:].upper()
    )


# ", or" and a name of two capitalised words or more after an acronym ("JNJ, or Johnson &
# Johnson"; not "XLR, TRS, or USB. It ..."): what it stands for.
_OR_NAME = re.compile(r",\s+or\s+[A-Z][a-z][\w'’-]*(?:\s+(?:(?:&|and|of|for|the)\s+)?[A-Z][a-z][\w'’-]*)+")


_SMALL_WORDS = frozenset(("of", "and", "the", "for", "to", "in", "on", "a", "an"))


def _initials(words: str, count: int) -> str:
    """The initials of the last `count` words that are not small words ("Digital Personal Data
    Protection Act" -> "DPDPA")."""
    found = [w for w in re.findall(r"[A-Za-z][\w'’-]*", words) if w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in found[-count:]).upper() if len(found) >= count else ""


def first_definitions(
    document: Document, ctx: Mapping[str, Any], vocabulary: Vocabulary = NO_VOCABULARY
) -> dict[str, tuple[int, int]]:
    """Acronym -> (unit index, offset) of its first definition in the document: "Words (ABC)",
    "ABC (words)", or its words spelled out before it (`spelled_out`)."""
    result: dict[str, tuple[int, int]] = {}
    first_use: dict[str, tuple[int, int]] = {}
    for use in acronyms(document, ctx, vocabulary):
        if use.unit.part != "back":  # a note set apart from the draft is no first use
            first_use.setdefault(use.key, (use.unit.index, use.start))
        if use.defines:
            result.setdefault(use.key, (use.unit.index, use.start))
    for key, (index, start) in first_use.items():
        if key not in result or result[key] > (index, start):
            spelled = spelled_out(document, key, index)
            if spelled is not None and (spelled <= (index, start) or _same_sentence(document, index, start, spelled)):
                # Spelled out before its first use, or after it in the same sentence as a name
                # ("the NGI Zero fund of the Next Generation Internet program"): the reader is told.
                result[key] = min(spelled, (index, start))
    return result


def _same_sentence(document: Document, index: int, start: int, spelled: tuple[int, int]) -> bool:
    """Whether offset `spelled` lies in the sentence of unit `index` that holds offset `start`,
    and starts a capitalised name ("the NGI Zero fund of the Next Generation Internet program");
    words in lower case after the acronym match it by chance too often ("the SDK ships with
    sample data and keys")."""
    if spelled[0] != index:
        return False
    text = document.units[index].text
    if not text[spelled[1] : spelled[1] + 1].isupper():
        return False
    return any(s.start <= start < s.end and s.start <= spelled[1] < s.end for s in document.units[index].sentences)


# How many units before an acronym's first use its words, in lower case, still define it
# ("traditional point-of-sale loyalty systems" two paragraphs above "POS hardware"). Words in
# title case ("Green Software Foundation" in the headline, "GSF" below) define it anywhere before.
_SPELLED_NEAR = 2


def spelled_out(document: Document, key: str, before: int) -> tuple[int, int] | None:
    """Where the words an acronym stands for first appear, in a unit up to `before`: their
    initials, small words ("of", "on") counted or not, are the acronym ("return on investment"
    for ROI, "point-of-sale" for POS). Three letters at least, the first and last words not small
    words; lower-case words count only near the acronym, as chance could match them far away."""
    if len(key) < 3:
        return None
    pattern = _initials_pattern(key)
    for unit in document.units[: before + 1]:
        near = before - unit.index <= _SPELLED_NEAR
        for match in _phrases_with_initials(unit.text, pattern):
            words = re.split(r"[\s\-\u2010\u2011]+", match.group(0))
            content = [w for w in words if w.lower() not in _SMALL_WORDS]
            lead = unit.text[: match.start()].rstrip()
            # A sentence's first word is capitalised whatever it is: two more capitals are needed.
            opens = not lead or lead[-1] in ".!?:;"
            # ... and the words start the name: "Claude Code on a Mac" is no "COM" (a word before
            # punctuation, "**[City, Date]** — Cat Food Center", ends another phrase).
            previous = re.search(r"([\w'’]+)[\s\-]*$", lead)
            inside = (
                previous is not None
                and previous.group(1)[:1].isupper()
                and previous.group(1).lower() not in _DETERMINERS
                and not opens
            )
            # In a headline written in title case every word is capitalised: no sign of a name there.
            titled = (
                not inside
                and all(w[:1].isupper() for w in content)
                and len(content) - (1 if opens else 0) >= 2
                and not _in_title_case(unit.text)
            )
            # Lower-case words look like a term when joined by hyphens or a small word
            # ("point-of-sale", "return on investment"); "keys must stay" is not KMS.
            term = bool(re.search(r"\w[\-\u2010\u2011]\w", match.group(0))) or any(
                w.lower() in _SMALL_WORDS for w in words[1:-1]
            )
            if titled or (near and term):
                return unit.index, match.start()
    return None


_DETERMINERS = _SMALL_WORDS | frozenset(("our", "your", "their", "its", "this", "that", "these", "those"))


def _in_title_case(text: str) -> bool:
    """Whether most words of four letters or more are capitalised ("ODAVL Studio Launches
    Autonomous Code Quality Platform")."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’]{3,}", text)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@lru_cache(maxsize=256)
def _initials_pattern(key: str) -> re.Pattern[str]:
    """Runs of words (hyphens or spaces between them) whose initials spell `key`, small words
    inside counted or skipped."""
    small = "|".join(sorted(_SMALL_WORDS))
    gap = rf"[\s\-\u2010\u2011]+(?:(?:{small})[\s\-\u2010\u2011]+)?"
    # Words, not the acronym itself; accented letters inside ("San José State University").
    letters = [rf"[{c.upper()}{c.lower()}][a-zß-öø-ÿ]+" for c in key]
    return re.compile(r"(?<![\w-])" + gap.join(letters) + r"(?![\w-])")


def _phrases_with_initials(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of an `_initials_pattern` that neither open nor close on a small word."""
    for match in pattern.finditer(text):
        words = re.split(r"[\s\-\u2010\u2011]+", match.group(0))
        if words[0].lower() not in _SMALL_WORDS and words[-1].lower() not in _SMALL_WORDS:
            yield match


def undefined_acronyms(
    document: Document, ctx: Mapping[str, Any], vocabulary: Vocabulary = NO_VOCABULARY
) -> dict[int, list[Acronym]]:
    """Unit index -> uses of acronyms that the document never defines (`ctx`: the acronym rule's options)."""
    defined = first_definitions(document, ctx, vocabulary)
    result: dict[int, list[Acronym]] = {}
    for use in acronyms(document, ctx, vocabulary):
        if use.key not in defined:
            result.setdefault(use.unit.index, []).append(use)
    return result


_FIRST_PERSON_PLURAL = frozenset(("we", "our", "ours", "us"))


def names_the_product(sentence: Sentence, products: frozenset[str]) -> bool:
    """Whether a sentence names the product (one of `products`: "Vaultline", "Vaultline's",
    "Vaultline-powered") or the company ("we", "our"; not "US banks"): the problem paragraph's
    sentences that do describe the product, not the status quo."""
    span = sentence.span
    if span is None:
        return True  # unknown: judged as the release
    return tokens_name_the_product(span, products)


def tokens_name_the_product(tokens: Iterable[Any], products: frozenset[str]) -> bool:
    """`names_the_product` for any run of tokens (a sentence, a clause's subtree)."""
    names = {p.lower() for p in products}
    tokens = list(tokens)
    for token in tokens:
        if token.lower_ in _FIRST_PERSON_PLURAL and token.tag_ in ("PRP", "PRP$") and token.text != "US":
            return True
        if token.lower_ in names:
            return True
    text = "".join(t.text_with_ws for t in tokens).lower()
    return any(" " in name and name in text for name in names)


class RoleHints:
    """Where a rule's findings are hints whatever their weight: the segments of the anatomy's
    roles in the rule's ``hint-roles`` option ("boilerplate": the "About Acme" paragraph and the
    media contact; "metadata": the fields above or beside the release, "Stack: FastAPI"), and of
    the parts in its ``headed-hint-parts`` option where the document gives the part its own
    heading or label ("call_to_action" under "## Getting Started"). The
    words there are not the release's pitch to the customer, so a reviewer rarely asks for them
    to change; they are still shown. `quoted` says whether a finding stands inside the quotation
    marks of a speaker in the rule's ``hint-speakers`` option ("customer"), for a rule to make some
    of its findings there hints."""

    def __init__(self, document: Document, ctx: RuleContext) -> None:
        roles = tuple(ctx.get("hint-roles", ()))
        speakers = frozenset(ctx.get("hint-speakers", ()))
        unknown = sorted(speakers - {"leader", "customer"})
        if unknown:
            raise ValueError(f"hint-speakers: expected 'leader' or 'customer', not {', '.join(map(repr, unknown))}")
        # Parts whose findings are hints when the document gives the part its own heading or
        # label (a "Getting Started" section, where what to install belongs).
        headed = tuple(
            name
            for name in ctx.get("headed-hint-parts", ())
            if (part := document.anatomy.parts.get(name)) is not None and part.via in ("heading", "label")
        )
        self._spans: dict[int, list[tuple[int, int]]] = {}
        for segment in document.anatomy.with_roles(*roles, *headed) if roles or headed else ():
            self._spans.setdefault(segment.unit.index, []).append((segment.start, segment.end))
        self._quote_units = frozenset(quote.unit.index for quote in document.anatomy.quotes)
        self._quoted: dict[int, list[tuple[int, int]]] = {}
        for quote in document.anatomy.quotes if speakers else ():
            # Attributed or not ("## Customer Quote" over an unsigned quotation): the speaker the
            # anatomy tells, from the attribution, the layout or the voice.
            if quote.speaker in speakers:
                spans = self._quoted.setdefault(quote.unit.index, [])
                spans.extend(_inside_marks(quote.unit, quote.start, quote.end))

    def quoted(self, unit: Unit, offset: int) -> bool:
        """Whether `offset` of `unit` is inside the quotation marks of a speaker in ``hint-speakers``."""
        return any(start <= offset < end for start, end in self._quoted.get(unit.index, ()))

    def unspoken(self, unit: Unit, start: int, end: int) -> bool:
        """Whether `unit.text[start:end]` is inside quotation marks in a unit that holds no quote
        the anatomy found: a name, a term or an example ('job ads that ask you to "wear many
        hats"'), no one's words. Not scare quotes around the words alone (the "world's first"),
        which are the author's claim."""
        if unit.index in self._quote_units:
            return False
        for s, e in quoted_offsets(unit):
            if s <= start < e:
                rest = (unit.text[s:start] + " " + unit.text[end:e]).strip(" \"'“”‘’")
                return bool(set(rest.lower().split()) - _ARTICLES)
        return False

    def capped(self, unit: Unit, offset: int, severity: Severity | None) -> Severity | None:
        """`severity`, or a hint when the finding at `offset` of `unit` starts in a hinted role
        (None stands for the rule's own severity, a warning or more)."""
        spans = self._spans.get(unit.index)
        hinted = bool(spans) and any(start <= offset < end for start, end in spans)
        if hinted and (severity is None or severity.rank > Severity.INFO.rank):
            return Severity.INFO
        return severity


_ARTICLES = frozenset(("a", "an", "the"))


def _inside_marks(unit: Unit, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of unit.text[start:end] inside quotation marks (narration between two quotations
    stays out: '"I love it," said Tom. Slipway is fast. "It works."'); the whole range when none
    is (a quote the layout marks, under "## Customer Quote")."""
    inside = [(max(s, start), min(e, end)) for s, e in quoted_offsets(unit) if s < end and e > start]
    return inside or [(start, end)]


__all__ = [
    "PHRASE_BREAKS",
    "PROSE_KINDS",
    "SUBJECT_DEPS",
    "SUBJECT_KINDS",
    "Acronym",
    "Lead",
    "Lexicon",
    "RoleHints",
    "Term",
    "acronym_pattern",
    "acronyms",
    "anchor",
    "base_lexicon",
    "cites_a_source",
    "company_names",
    "customer_tokens",
    "document_violation",
    "find_lead",
    "first_definitions",
    "has_outcome_data",
    "identifier_piece",
    "in_customer_phrase",
    "in_quote",
    "is_company_token",
    "is_customer_token",
    "is_ordinary_word",
    "is_problem",
    "leading_technology",
    "lexicon",
    "main_clause",
    "names_the_product",
    "noun_mentions",
    "phrase_tokens",
    "pr_sentences",
    "prepare_lexicon",
    "press_release",
    "product_names",
    "quoted_offsets",
    "segments_of",
    "sentence_subject",
    "shaped_like_code",
    "specific_segment",
    "subject_kind",
    "subject_name",
    "subject_of",
    "technology_map",
    "technology_terms",
    "undefined_acronyms",
    "weight",
]


# A source cited in the file's text: a link in parentheses whose words name a source (capitalised
# or dated: "([Ladders study](https://...))", "([CareerPlug, 2024](https://...))") or a link after
# "according to", "source:", "per"; a footnote mark ("[^3]", "[12]"); an author and year in
# parentheses ("(CareerPlug, 2024)", not "(Offer ends May 31, 2026)"). Not a link on the story's
# own words ("he [made Moscow cool](https://...)", "([download it](https://...))").
_CITATION = re.compile(
    r"(?:\(\s*\[(?=[A-Z]|[^\]\n]*\b(?:19|20)\d\d\b)|(?i:\b(?:sources?|according to|per)\b):?\s*\[)"
    r"[^\]\n]{1,200}\]\((?:https?://|www\.)"
    r"|\[\^?\d{1,3}\]|\(\s*[A-Z][A-Za-z&.'’ -]{1,60},\s*(?:19|20)\d\d\s*\)"
)


def cites_a_source(document: Document, sentence: Sentence, end: int) -> bool:
    """Whether the sentence cites a source after the claim that ends at `end` (an offset in the
    unit's text), or the paragraph ends on one right after it, one sentence between at most (in
    the file's text: a link's address is not in the analysed text)."""
    unit = sentence.unit
    start, stop = unit.source_span(end, sentence.end)
    if _CITATION.search(document.source.text, start, stop) is not None:
        return True
    # Or the paragraph ends on the source alone, after the claim: "... selection research. A
    # portfolio is a work sample. ([Schmidt & Hunter meta-analysis](https://...))".
    tail = _SOURCE_AFTER.search(unit.text, sentence.end - 1)
    if tail is None or len(split_sentences(unit.text[sentence.end : tail.start() + 1])) > 1:
        return False
    start, stop = unit.source_span(tail.start(1), tail.end(1))
    return _CITATION.search(document.source.text, start, stop) is not None


_SOURCE_AFTER = re.compile(r"[.!?]\s*(\([^()]{3,200}\))\s*$")
