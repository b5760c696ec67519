"""The existence kind: flag listed words and phrases in prose sentences."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from wbl.fixes import quoted, removal
from wbl.kinds.base import Kind
from wbl.options import Option
from wbl.rule import Applicability, Fix, RuleContext, Severity, Violation
from wbl.textutil import has_number, normal_phrase, phrase_pattern, quotation_spans
from wbl.vocabulary import VocabularyHint

if TYPE_CHECKING:
    from wbl.document import Document, Sentence

_Clauses = dict[int, bool]  # clause head -> whether the clause has a number

# "one of the leading causes": "one" picks an item out of a group; it is not data.
_ONE_OF = re.compile(r"\bone\s+of\b", re.IGNORECASE)

# Dependency labels that start a clause of their own below the clause a word sits in.
_CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "ROOT")

PROSE = ["paragraph", "list_item", "heading", "table_cell"]


def clause_of(token: Any) -> Any:
    """The head of the clause `token` belongs to: the nearest verb (or root) that starts a clause."""
    current = token
    while True:
        if (current.dep_ in _CLAUSE_DEPS and current.pos_ in ("VERB", "AUX")) or current.head.i == current.i:
            return current
        current = current.head


def clause_tokens(head: Any, nested: Collection[str] = _CLAUSE_DEPS) -> list[Any]:
    """The tokens of `head`'s clause in order, without the clauses nested in it (a verb below
    `head` whose dependency label is in `nested`, and everything below that verb).

    The walk stops at each nested clause's head, so every token is visited once (the subtrees
    of a chain of clauses nest, and collecting each of them took time quadratic in its length).
    """
    kept = []
    waiting = [head]
    while waiting:
        token = waiting.pop()
        kept.append(token)
        waiting.extend(c for c in token.children if not (c.dep_ in nested and c.pos_ in ("VERB", "AUX")))
    kept.sort(key=lambda t: t.i)
    return kept


def clause_text(head: Any) -> str:
    """The words of `head`'s clause, without the clauses nested in it (see `clause_tokens`)."""
    return "".join(t.text_with_ws for t in clause_tokens(head))


def _listed_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for whole listed words and phrases, and for listed clitics: a word that starts
    with an apostrophe ("'ll") matches at the end of a word ("we'll", "you’ll")."""
    words = list(words)
    clitics = sorted({w for w in words if w.startswith("'")}, key=lambda w: (-len(w), w))
    plain = [w for w in words if not w.startswith("'")]
    branches = [phrase_pattern(plain).pattern] if plain else []
    if clitics:
        alternatives = "|".join(re.escape(w).replace("'", "['’]") for w in clitics)
        branches.append(rf"(?<=\w)(?:{alternatives})(?![\w-])")
    return re.compile("|".join(branches), re.IGNORECASE) if branches else None


@dataclass(frozen=True, slots=True)
class _Prepared:
    pattern: re.Pattern[str] | None
    groups: Mapping[str, Mapping[str, Any]]  # normalised phrase -> its group
    exceptions: re.Pattern[str] | None
    pos: Mapping[str, frozenset[str]]
    permission_words: frozenset[str]
    permission_subjects: frozenset[str]
    cuts: Mapping[str, Applicability]  # word -> the applicability of the fix that cuts it

    @property
    def refines(self) -> bool:
        """Whether any match needs the parse to be judged."""
        return bool(
            self.pos or self.permission_words or any(key in g for g in self.groups.values() for key in _PARSE_KEYS)
        )


# Group keys whose judgement reads the parse.
_PARSE_KEYS = ("followed-by", "not-followed-by", "not-in-clauses", "hint-subjects")


class Existence(Kind):
    """Flags the words and phrases listed in the rule's `groups`, each with its group's advice.

    A match inside one of the `exceptions` is not flagged, nor one the project's vocabulary
    accepts. With the parse, a listed word can count only in some grammatical roles (`pos`), a
    group's words only before a word of some roles (its `followed-by` tags: "plan to" before a
    verb) or never before some (`not-followed-by`: "Will" before a proper noun is a name) or in
    some clauses (`not-in-clauses`: "teams that will never face it" is a relative clause), or only
    as a hint after some subjects, where the sentence names no time or launch (`hint-subjects`:
    "you'll see who cares" tells the reader's experience), a number in the same clause or
    sentence can excuse it (`number-scope`), and a word such as "may" after a subject such as
    "you" grants permission instead of hedging. A listed word that
    starts with an apostrophe is a clitic ("'ll" in "we'll"). Block-quoted quotations and words in
    quotation marks (someone else's words) can be left alone (`skip-blockquotes`: a block quote that
    holds a quotation or opens in the first person, not prose a layout puts under `>`;
    `skip-quotations`: also, for a rule that is not local, the quotations the anatomy found in a
    paragraph without marks, "*Customer quote*: This will save us hours"). A word listed in
    `cut` gets a fix that removes it (safe or unsafe, as listed) where it only qualifies another
    word ("very fast" -> "fast").
    """

    name = "existence"
    keys = (
        Option(
            "not-in-roles",
            "strings",
            [],
            "anatomy roles whose text is not judged (preamble: the notes before the release); a rule "
            "that names some judges each unit in its document, not alone",
        ),
    )
    options = (
        Option(
            "groups",
            "tables",
            [],
            "the word lists: tables with `name`, `advice` and `words` (and `followed-by`: the Penn tags the next word "
            "must have, or `not-followed-by`: tags it must not have; both need pos; `not-in-clauses`: dependency "
            "labels of clauses where the words do not count, `wh` for embedded questions, `cond` for the "
            "consequence of an if/unless/whenever condition whose subject is not 'we' or 'I', `if` for such a "
            "condition itself; needs dep; `hint-subjects`: lower-case subjects of the word's verb that make "
            "a match a hint, needs dep; `world-in-roles`: anatomy roles where a match whose verb's subject is "
            "someone else, not the writer, the product or a name, is a hint, needs dep)",
        ),
        Option("extend-words", "strings", [], "more words and phrases to flag, with `extend-advice`"),
        Option("extend-advice", "string", "say it precisely", "the advice for `extend-words`"),
        Option("accept-words", "strings", [], "listed words this project accepts"),
        Option("exceptions", "strings", [], "phrases that contain a listed word but are fine"),
        Option("ignore-with-number", "boolean", False, "skip sentences that carry a number"),
        Option(
            "number-scope",
            "string",
            "none",
            "where a number excuses a match: its own clause (needs dep), its sentence, or nowhere",
            ("clause", "sentence", "none"),
        ),
        Option("skip-questions", "boolean", False, "skip questions"),
        Option("skip-blockquotes", "boolean", False, "skip block quotes that hold a quotation"),
        Option(
            "skip-quotations",
            "boolean",
            False,
            "skip matches inside quotation marks and the quotations the anatomy found",
        ),
        Option("parts", "strings", ["pr", "faq"], "the document parts checked: pr, faq"),
        Option("kinds", "strings", PROSE, "the units checked: heading, paragraph, list_item, table_cell"),
        Option("pos", "table", {}, "word -> the Penn tags in which it counts (needs pos)"),
        Option("permission-words", "strings", [], "modal words that grant permission after `permission-subjects`"),
        Option("permission-subjects", "strings", [], "subjects after which `permission-words` are not hedges"),
        Option("vocabulary-hint", "boolean", True, "messages say how the project's vocabulary would accept the word"),
        Option(
            "cut",
            "table",
            {},
            "word -> safe or unsafe: a fix cuts it where the parse shows it only qualifies another word (needs dep)",
            ("safe", "unsafe"),
        ),
        Option("message", "string", "'{match}' is vague ({group}): {advice}", "{match}, {group}, {advice}"),
    )

    def prepare(self, ctx: RuleContext) -> _Prepared:
        groups: dict[str, Mapping[str, Any]] = {}
        for group in ctx.get("groups", ()):
            for word in group.get("words", ()):
                groups[normal_phrase(word)] = group
        extra = {"name": "listed", "advice": ctx.get("extend-advice", "say it precisely")}
        for word in ctx.get("extend-words", ()):
            groups.setdefault(normal_phrase(word), extra)
        for word in (*ctx.get("accept-words", ()), *ctx.vocabulary.accepted):
            groups.pop(normal_phrase(word), None)
        exceptions = ctx.get("exceptions", ())
        return _Prepared(
            _listed_pattern(groups),
            groups,
            phrase_pattern(exceptions) if exceptions else None,
            {k.lower(): frozenset(v) for k, v in dict(ctx.get("pos", {})).items()},
            frozenset(w.lower() for w in ctx.get("permission-words", ())),
            frozenset(s.lower() for s in ctx.get("permission-subjects", ())),
            MappingProxyType({normal_phrase(k): Applicability.parse(v) for k, v in dict(ctx.get("cut", {})).items()}),
        )

    has_prefilter = True

    @property
    def local(self) -> bool:
        # Each unit's sentences, its part and kind, the parse of its own clauses; a unit's role
        # (`not-in-roles`) depends on the whole document.
        return not self.settings.get("not-in-roles")

    def _matches(
        self, document: Document, ctx: RuleContext
    ) -> Iterator[tuple[Sentence, re.Match[str], dict[int, bool]]]:
        """(sentence, match of a listed word, the clause memo of its unit) for each listed word
        in the sentences checked, exceptions left out: what the parse may then overrule."""
        prepared: _Prepared = ctx.prepared
        if prepared.pattern is None:
            return
        parts = set(ctx.get("parts", ("pr", "faq")))
        kinds = set(ctx.get("kinds", PROSE))
        for unit in document.units:
            if unit.part not in parts or unit.kind not in kinds:
                continue
            if ctx.get("skip-blockquotes", False) and document.quoted_in_blockquote(unit):
                continue
            quoted_spans = quotation_spans(unit.text) if ctx.get("skip-quotations", False) else []
            clause_numbers: dict[int, bool] = {}  # clause head -> has a number (a paragraph can hold many matches)
            for sentence in unit.sentences:
                text = sentence.text
                if ctx.get("ignore-with-number", False) and has_number(text):
                    continue
                if ctx.get("skip-questions", False) and text.rstrip().endswith("?"):
                    continue
                excepted = [m.span() for m in prepared.exceptions.finditer(text)] if prepared.exceptions else []
                for match in prepared.pattern.finditer(text):
                    if any(s <= match.start() and match.end() <= e for s, e in excepted):
                        continue
                    start, end = sentence.start + match.start(), sentence.start + match.end()
                    if not any(s <= start and end <= e for s, e in quoted_spans):
                        yield sentence, match, clause_numbers

    def prefilter(self, document: Document, ctx: RuleContext) -> Iterator[Sentence]:
        """The sentences with a listed word: the parse is read only to overrule a match."""
        return (sentence for sentence, _, _ in self._matches(document, ctx))

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        prepared: _Prepared = ctx.prepared
        message = ctx["message"]
        hint = bool(ctx.get("vocabulary-hint", True))
        scope = ctx.get("number-scope", "none")
        refine = prepared.refines or scope != "none"
        roles = tuple(self.settings.get("not-in-roles", ()))
        aside = document.anatomy.with_roles(*roles) if roles else ()
        # The quotations the anatomy found without quotation marks around them ("*Customer
        # quote*: This will save us hours", also with a name in marks inside): someone's words, as
        # inside quotation marks (where marks open it, they say where the quotation ends: not the
        # narration between two).
        # Only for a rule that reads the whole document (a local one is remembered paragraph by
        # paragraph, and the anatomy reads the others), and not in the prefilter, which reads
        # each unit alone.
        quotes = (
            [
                (q.unit.index, q.start, q.end)
                for q in document.anatomy.quotes
                if not any(s in (q.start, q.start - 1) for s, _ in quotation_spans(q.unit.text))
            ]
            if ctx.get("skip-quotations") and not self.local
            else []
        )
        worldly: dict[tuple[str, ...], tuple[Any, ...]] = {}  # a group's `world-in-roles` -> their segments
        for sentence, match, clause_numbers in self._matches(document, ctx):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if any(s.unit.index == sentence.unit.index and s.start <= start < s.end for s in aside):
                continue
            if any(index == sentence.unit.index and s <= start and end <= e for index, s, e in quotes):
                continue
            if refine and not _counts(sentence, start, end, scope, prepared, clause_numbers):
                continue
            word = normal_phrase(match.group(0))
            group = prepared.groups.get(word, {})
            cut = prepared.cuts.get(word)
            hinted = "hint-subjects" in group and _hinted_subject(sentence, start, end, group["hint-subjects"])
            if not hinted and group.get("world-in-roles"):
                roles = tuple(group["world-in-roles"])
                if roles not in worldly:
                    worldly[roles] = document.anatomy.with_roles(*roles)
                hinted = any(
                    s.unit.index == sentence.unit.index and s.start <= start < s.end for s in worldly[roles]
                ) and _others_subject(sentence, start, end)
            yield Violation(
                message.format(match=match.group(0), group=group.get("name", ""), advice=group.get("advice", "")),
                sentence.unit,
                start,
                end,
                severity=Severity.INFO if hinted else None,
                vocabulary=VocabularyHint.accept(word) if hint else None,
                fix=qualifier_cut(sentence, start, end, cut) if cut else None,
            )


def qualifier_cut(sentence: Sentence, start: int, end: int, applicability: Applicability) -> Fix | None:
    """The fix that cuts a qualifier, unless it is quoted (someone's words) or not a qualifier."""
    text = sentence.unit.text
    if quoted(text, start, end) or not _qualifier(sentence, start, end):
        return None
    return removal(text, start, end, applicability)


def _qualifier(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the word at unit offsets [start, end) only qualifies another word ("very" in "very
    fast", "seamless" in "a seamless app"): one token, an adverb or adjective modifier, with no
    words of its own depending on it. Cutting such a word leaves a whole sentence."""
    if sentence.span is None:
        return False
    span = sentence.span.doc.char_span(start, end)
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.dep_ in ("advmod", "amod") and token.head.i != token.i and not any(True for _ in token.children)


_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
# The third person plural's future, in a relative clause or an embedded question, is theirs
# (customers, people), not the product's: "the decisions they will make"; "it", "you" and "we" may be
# the product or its promise, and "he" or "she" the company's people ("the features she will add").
# Nor "someone" or "anyone", which may state the product's service or what it lets people do ("a
# hotline where someone will answer", "a dashboard that anyone will be able to use").
_OTHERS = frozenset({"they"})


def _chance_of_the_world(verb: Any, subject: Any) -> bool:
    """A clause saying what a chance is about, with someone or something else than the company
    as its subject and no plan's time: "a probability that individuals will be unable to pay", "the
    risk that customers will leave"; not "a chance that our team will add Spanish in the fall" or
    "a possibility that the Android app will launch in June" (a plan, hedged)."""
    if verb.dep_ not in ("acl", "ccomp") or verb.head.lemma_ not in _CHANCE_NOUNS:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("that", "whether") and c.i < verb.i for c in verb.children):
        return False
    if subject is None or _the_company(subject) or any(t.lower_ in ("our", "we", "us") for t in subject.subtree):
        return False
    # A launch or a date makes it a plan; a horizon is a prediction's ("default in the next 90 days").
    return not any(
        t.lemma_.lower() in _LAUNCHING | _ADDING or _month(t) or _YEAR.fullmatch(t.text) for t in verb.subtree
    )


# Verbs of a product's launch or growth ("the app will launch", "will add Spanish", "will support Android").
_ADDING = frozenset(("launch", "release", "add", "support", "introduce", "expand", "roll"))
# Nouns of likelihood whose "that" clause states a chance, not a plan ("the risk that customers will leave").
_CHANCE_NOUNS = frozenset(
    {"probability", "likelihood", "chance", "risk", "odds", "possibility", "prediction", "forecast", "estimate"}
)


def _in_clause(token: Any, clauses: Collection[str]) -> bool:
    """Whether the clause of `token` (its head verb) is one of `clauses` and speaks of something
    else than the sentence's own subject: dependency labels such as "relcl", or "wh" for an
    embedded question or free relative ("guessing what will sell", "guess how much power will be
    generated": a wh-word that opens the clause). The clause counts only when
    its own subject is a common noun ("threats that most teams will never face") or the
    question's wh-word ("guessing what will sell"); a yes-no question counts too ("predict whether
    a household will need repairs"), unless "we" or "I" ask it. One whose subject is the relative
    pronoun ("Shelfwise, which will be available in March", "Ana Lee, who
    will run the rollout"), a name or another pronoun ("what Shelfwise will do", "what we will
    add") speaks of the product or the company, and does not count."""
    if not clauses:
        return False
    # A modal's clause is its head verb's; an intention's first word is the clause's own verb
    # ("the events they plan to attend").
    verb = token if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass") else token.head
    relative = verb.dep_ in clauses
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # An embedded question: its wh-word is the verb's own ("what will sell") or opens the clause in
    # a phrase ("how much power will be generated"; not a relative pronoun inside the clause's
    # subject, "stores that use it will save"), or "whether"/"if" opens it as an object ("predict
    # whether a household will need repairs"); unless the company asks it of itself ("we have not
    # decided how many stores will get the beta", "... whether the app will support Android").
    # A subject that a wh-word opens inside the sentence ("..., which trustlines will be removed,
    # how much XLM will come back": a plan's listed questions, round 42) is such a question's even
    # where the parser makes its verb the root.
    asked = (
        subject is not None
        and subject.left_edge.i < subject.i  # "which trustlines", not the relative "that" of "features that will"
        and subject.left_edge.tag_ in _WH_TAGS
        and subject.left_edge.i > verb.sent.start
    )
    wh = (
        "wh" in clauses
        and (verb.dep_ != "ROOT" or asked)
        and (
            asked
            or any(c.tag_ in _WH_TAGS and c.i < verb.i for c in verb.children)
            or verb.left_edge.tag_ in _WH_TAGS
            or (
                verb.dep_ == "ccomp"
                and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") and c.i < verb.i for c in verb.children)
            )
            # "a probability that individuals will be unable to pay", "the risk that customers will
            # leave": what a chance is about is the world's future, as a question's is
            or _chance_of_the_world(verb, subject)
        )
        and not _company_asks(verb)
    )
    if (
        "cond" in clauses
        and _conditional(verb)
        and (subject is None or subject.lower_ not in ("we", "i"))
        and not _timed_consequence(verb)
    ):
        return True  # "If you have no PIN yet, the app will ask you to set one": how it behaves
    if "if" in clauses and _condition(verb) and (subject is None or subject.lower_ not in ("we", "i")):
        return True  # "If you are going to get food, ...": the reader's intention, not a plan
    if "refusal" in clauses and _refusal(token, verb, subject):
        return True  # "it will not suggest a tactic that breaks the rules": how it behaves
    if not (relative or wh):
        return False
    if subject is None:
        return False
    if subject.lower_ in _OTHERS:
        return True  # "the decisions they will make", "where they will find hidden gems"
    if verb is token and _the_company(subject):
        return False  # "an Android app, which the team plans to release in June": the company's plan
    if wh and asked and not any(_plan_time(t) or t.lower_ in _DATED for t in verb.sent):
        return True  # "how much XLM will come back": the question's own subject (not "For the next release, ...")
    if subject.tag_ in _WH_TAGS:
        # "what will sell" (the question's own word) and "the person who will read it" (someone
        # else's future), not "Shelfwise, which will ship in March", "an app that will save you
        # hours" nor "Ana Lee, who will run the rollout" (the product, or the company's plan)
        if relative:
            return verb.dep_ == "relcl" and subject.lower_ == "who" and verb.head.pos_ == "NOUN"
        return wh
    return subject.pos_ == "NOUN"


# Who refuses in a refusal that is how the product behaves: a thing's pronoun ("it will not
# suggest", "these won't block synthesis"). Not a name, which may be a person's or the company's
# ("Dana Ruiz won't run the pilot", "Northwind will not sell your data"), nor people.
_THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "nothing", "none"})
# Verbs whose negated future is a state or a need, not the product's behaviour ("it won't be your
# favourite anymore", "it will not need a second login").
_STATE_VERBS = frozenset({"be", "have", "need", "get", "become", "require", "cost"})
# The seasons date a plan ("in private preview through the summer").
_SEASONS = frozenset(("spring", "summer", "autumn", "winter"))
# Words that make a refusal a plan with a time: "won't support Android until spring", "not yet",
# "in the first release", "for now", "next year", "after the beta".
_NOT_YET = (
    frozenset(
        {
            "until",
            "till",
            "yet",
            "initially",
            "before",
            "after",
            "launch",
            "now",
            "first",
            "next",
            "later",
            "year",
            "month",
            "quarter",
            "week",
            "release",
            "version",
            "beta",
            "phase",
            "soon",
            "preview",
        }
    )
    | _SEASONS
)


def _refusal(token: Any, verb: Any, subject: Any) -> bool:
    """Whether a negated modal says what a thing does not do, which is how the product behaves on
    launch day: "it will not suggest a tactic that breaks the rules", "these won't block synthesis"
    (as "won't let" does). Only a thing's pronoun refuses so: not a name, which may be a person's or
    the company's ("Dana Ruiz won't run the pilot", "Northwind will not sell your data"), not people
    ("we will not support Android", "owners won't lose a sale"), not a state, a need or a price
    ("it won't be your favourite", "it will not require a subscription"), and not a plan with a
    time or a number ("it won't support Android until spring", "in 2027", "in the first release")."""
    if token.lower_ not in ("will", "wo", "won't", "'ll") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    if subject is None and verb.dep_ == "conj":  # "These are optional and won't block synthesis"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in _THING_PRONOUNS:
        return False
    if verb.lemma_.lower() in _STATE_VERBS:
        return False
    return not any(t.lower_ in _NOT_YET or t.like_num for t in verb.subtree)


def _signature_name(token: Any) -> bool:
    """Whether a capitalised word inside a sentence ends it with no word after it, as a name that
    signs a quote does ('... a day!" - Will'): no modal ends a sentence in a capital."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    return not any(t.is_alpha for t in token.doc[token.i + 1 : token.sent.end])


def _company_asks(verb: Any) -> bool:
    """Whether the clause that holds an embedded question has "we" or "I" for its subject."""
    asking = verb.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in asking.children)


_CONDITIONS = frozenset(("if", "unless", "whenever"))


def _condition(verb: Any) -> bool:
    """Whether a clause is itself a condition: "if", "unless" or "whenever" opens it."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children)


def _timed_consequence(verb: Any) -> bool:
    """Whether the consequence itself, outside its condition and its subject, names a time or a
    launch: "the café will open in Portland in March whenever the permits come through" is a plan
    ("If you have no PIN yet, ..." names its time in the condition)."""
    aside = {
        t.i for c in verb.children if c.dep_ in ("advcl", "csubj", "csubjpass", "nsubj", "nsubjpass") for t in c.subtree
    }
    return any(
        _month(t) or _YEAR.fullmatch(t.text) is not None or t.lower_ in _DATED for t in verb.subtree if t.i not in aside
    )


# Words that date a consequence ("in March", "next year", "later this year"), not a duration
# ("will receive a free year").
_DATED = frozenset(("until", "till", "soon", "later", "next")) | _SEASONS


def _conditional(verb: Any) -> bool:
    """Whether a clause is the consequence of a condition ("if ...", "unless ...", "whenever ..."),
    or of an imperative it is joined to by "and" ("Point your phone at a barcode, and you'll see
    the ingredients": if you do, you will) or by a dash, a semicolon, a colon or a comma, or is
    joined to such a consequence ("..., the plugins will be called and the results will be
    printed")."""
    # Without a comma after the condition the parser may take it for the subject ("If a store
    # has none the order will be sent ...": "has" a csubjpass); a clause that opens with "if" is none.
    if any(
        c.dep_ in ("advcl", "csubj", "csubjpass")
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in _CONDITIONS for m in c.children)
        for c in verb.children
    ):
        return True
    if any(c.dep_ == "advcl" and _when_the_reader_acts(c) for c in verb.children):
        return True
    if (
        _condition_in_subject(verb)
        or _act_as_subject(verb)
        or _after_an_imperative(verb)
        or _after_an_imperative_sentence(verb)
    ):
        return True
    head = verb.head
    if (
        verb.dep_ == "conj"
        and head.i < verb.i
        and head.pos_ in ("VERB", "AUX")
        and not any(_plan_time(t) for t in verb.subtree)
        and _conditional(head)
    ):
        # "When you synthesize the app the plugins will be called and the results will be
        # printed": the second consequence shares the first one's condition (not "... and the
        # team will add Android support next year", a plan with its own time).
        return True
    return (
        verb.dep_ == "conj"
        and head.i < verb.i
        and head.tag_ == "VB"
        and head.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in head.children)  # no subject: an imperative
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children)
    )


# Words that open a clause saying when or under which circumstances the consequence comes.
_WHEN = frozenset(("when", "once", "as", "whether"))
# Words of a launch that make such a clause a date ("when it ships"), beside `_NOT_YET`.
_LAUNCHING = frozenset(("ship", "available", "live", "open"))
# Of those, the ones that are no launch as the verbs they also are when the reader or the product
# does them ("it lives in a tab you'll never open"); "when we open to everyone", "when
# registration opens" still are.
_LAUNCH_STATES = frozenset(("live", "open"))


def _reader_verb(token: Any) -> bool:
    """Whether "live" or "open" is a verb whose subject is the reader or a thing's pronoun ("a
    tab you'll never open", "it lives in a tab")."""
    return token.pos_ == "VERB" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("you", "it") for c in token.children
    )


def _when_the_reader_acts(clause: Any) -> bool:
    """Whether an adverbial clause sets the reader's circumstances for its consequence, as "if"
    does: "As you complete each step, you'll gain points", "Whether you're hitting trails or
    setting up camp, you'll never be left in the dark", "When using MailCrunch you will reduce ..."
    (how the launched product behaves; user trials: 0 of 8 warnings on such clauses judged
    right). Only the reader's own act: "you" as the clause's subject, or a gerund with none. Any
    other clause may be a plan's milestone ("Once our team approves the request", "As the product
    matures", "When ready", "Once approved by the FDA"), and so is one with a time or a launch in
    it ("When you sign up next year", "once you upgrade to the beta")."""
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN and c.i < clause.i for c in clause.children):
        return False
    doers = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if doers:
        if not all(c.lower_ == "you" for c in doers):
            return False
    elif clause.tag_ != "VBG":
        return False
    return not any(_plan_time(t) for t in clause.subtree)


def _plan_time(token: Any) -> bool:
    """Whether a word names a time or a launch, which makes a future a plan ("next year", "in
    March", "when it ships", "not yet")."""
    lemma = token.lemma_.lower()
    return (
        token.lower_ in _NOT_YET
        or lemma in _NOT_YET
        or (lemma in _LAUNCHING and not (lemma in _LAUNCH_STATES and _reader_verb(token)))
        or _month(token)
        or _YEAR.fullmatch(token.text) is not None
    )


def _month(token: Any) -> bool:
    """A month's name, not the modal "may" ("you may need to") nor the verb "march"."""
    return token.lower_ in _MONTHS and token.tag_ != "MD" and token.pos_ not in ("VERB", "AUX")


def _after_an_imperative(verb: Any) -> bool:
    """Whether the reader's clause follows an imperative that hangs on it across a dash, a
    semicolon, a colon or a comma: "Share your design through the order form — you'll hear back
    within a day", "enter your zip code, you'll see the breweries nearby" (if you do, you will),
    as with "and"; not "Stay tuned — Slipway will launch in May" nor "Upload a photo — our team
    will send a quote" (the company's plan or promise)."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in verb.children):
        return False
    # A time makes it a plan again ("Sign up today, you'll get the app in March", "... later this
    # year", "when we launch"), and so does an imperative that sets no condition ("Stay tuned",
    # "Rest assured", "Please note, you will need an account").
    if any(t.lower_ in _NOT_YET or _month(t) or _YEAR.fullmatch(t.text) for t in verb.subtree if t.i > verb.i):
        return False
    return any(
        clause.dep_ in ("advcl", "ccomp", "parataxis")
        and _bare_imperative(clause)
        and clause.i < verb.i
        and clause.lemma_.lower() not in _NO_CONDITION
        and any(p.dep_ == "punct" and p.tag_ in (":", ",") and clause.i < p.i < verb.i for p in verb.children)
        for clause in verb.children
    )


def _bare_imperative(verb: Any) -> bool:
    """A verb in the base form with no subject, auxiliary or subordinator: "Open the app", "enter
    your zip code"."""
    return verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in verb.children)


def _after_an_imperative_sentence(verb: Any) -> bool:
    """Whether the clause, the reader's or the product's ("you", "it"), opens its sentence and
    answers the step the sentence before it gives, in the same paragraph: "Open the app. It will
    detect whether git-ai is installed" (if you do, it will; round 42 of the user trials); not
    "Stay tuned. It will launch in May" (no condition, a time), nor the company's "we will"."""
    start = verb.sent.start
    opening = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i == start]
    if start == 0 or not opening or opening[0].lower_ not in ("you", "it"):
        return False
    if any(_plan_time(t) or t.lower_ in _DATED for t in verb.subtree):
        return False
    step = verb.doc[start - 1].sent.root
    return (
        _bare_imperative(step)
        and step.lemma_.lower() in _USING  # "Join the waitlist. It will support ...": a plan
        and not any(_plan_time(t) for t in step.subtree if t is not step)  # "Open the app": the reader's act
    )


# What a reader does with a launched product, a step the next sentence answers ("Open the app. It
# will detect ..."); not "join", "watch" or "stay", which wait for it.
_USING = frozenset(
    "open click tap press scan type enter paste point select choose pick upload drag drop connect run install "
    "start sign log visit go fill send submit take snap say ask plug import download add set".split()
)
_YEAR = re.compile(r"(?:19|20)\d\d|Q[1-4]|H[12]")
_MONTHS = frozenset("january february march april may june july august september october november december".split())
# Imperatives that announce or reassure instead of setting a condition the reader meets.
_NO_CONDITION = frozenset(
    {"stay", "mark", "rest", "trust", "note", "keep", "imagine", "believe", "remember", "wait", "expect", "watch"}
)


def _condition_in_subject(verb: Any) -> bool:
    """Whether the clause's subject holds its condition in a relative clause in the present tense
    about people: "Users who join in the first month will receive a free year" (if you join, you
    will); not "the task that checks for new versions will also ..." (what the product will do)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PRON") or subject.lower_ in ("we", "i", "they"):
        return False
    return any(
        rel.dep_ == "relcl"
        and rel.tag_ in ("VBP", "VBZ")
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who" for c in rel.children)
        for rel in subject.children
    )


_COMPANY_WORDS = frozenset(("we", "us", "our"))
# Nouns for the launching side's people, whose intention is a plan ("which the team plans to release").
_COMPANY_PEOPLE = frozenset(("team", "company", "founder", "founders", "staff", "engineers", "developers"))


def _the_company(subject: Any) -> bool:
    """Whether a clause's subject is the launching side: "we", "our team", "the team", "the founders"."""
    if subject.lower_ in _COMPANY_WORDS:
        return True
    owned = any(c.dep_ == "poss" and c.lower_ in _COMPANY_WORDS for c in subject.children)
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    return subject.lemma_.lower() in _COMPANY_PEOPLE and (owned or the)


def _act_as_subject(verb: Any) -> bool:
    """Whether the clause's subject is the reader's act, a gerund with no subject of its own that
    names "you" or "your": "Sending your file to the service will return a report" (if you send
    it, it will); not "Building this will take us a year" (the company's plan)."""
    acts = [c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG"]
    if not acts or not any(w.lower_ in ("you", "your", "yours") for w in acts[0].subtree):
        return False  # "Building the login and using jest will be the hardest part": the team's plan
    return not any(w.lower_ in _COMPANY_WORDS for w in (*acts[0].subtree, *verb.children) if w.dep_ != "csubj")


# Verbs that say a present state lasts ("BLK Exchange is free and will stay free", "your notes
# will remain private"), unless "we" promise it ("We are profitable and will remain independent")
# or a time makes it a plan ("will remain in private preview through the summer").
_PERSISTING = frozenset(("stay", "remain"))


def _lasting(token: Any) -> bool:
    """Whether the modal only says that a present fact lasts: "free, and always will be" (a "be"
    with nothing after it but "always", joined to the verb that states the fact), "is free and will
    stay free", "your notes will remain private"; not "not on Android yet, but will be" (a promise), "we will
    remain in beta until May"."""
    verb = token.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "We are ... and will remain"
    if (
        verb.lemma_.lower() in _PERSISTING
        and not any(_the_company(s) or s.lower_ == "i" for s in subjects)
        and not any(_plan_time(t) for t in verb.subtree)
    ):
        return True  # "free and will stay free", "will remain private": the state is now's, said to last
    return (
        verb.lemma_ == "be"
        and any(c.lower_ in ("always", "forever", "still") for c in (*verb.children, *token.children))
        and verb.dep_ == "conj"
        and verb.head.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("attr", "acomp", "prep", "xcomp", "ccomp", "dobj") for c in verb.children)
    )


def _hinted_subject(sentence: Sentence, start: int, end: int, subjects: Collection[str]) -> bool:
    """Whether the verb a match at unit offsets [start, end) belongs to (its head when the match is
    an auxiliary) has one of `subjects` as its subject ("you" of "you'll see who else cares") and
    the sentence names no time or launch, which would make it a plan ("you'll get the app in
    March", "you will get early access when we launch")."""
    span = sentence.span.doc.char_span(start, end, alignment_mode="expand") if sentence.span is not None else None
    if span is None or not len(span):
        return False
    token = span[0]
    verb = token.head if token.dep_ in ("aux", "auxpass") else token
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in subjects for c in verb.children):
        return False
    return not any(_plan_time(t) for t in sentence.span)


# Pronouns and quantifiers that stand for other people or things ("most will later forget",
# "they will answer confidently"), and determiners that make a noun anyone's ("a competitive deck
# will average $400", "every council will need"), not the writer's or the product's ("the new
# dashboard will show", "our team will add", "this app will end").
_SOMEONE_ELSE = frozenset("they them most many some others everyone everybody nobody people few several all".split())
_ANYONES = frozenset("a an any every each most many some no several few all".split())


def _others_subject(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the verb a match at unit offsets [start, end) belongs to has someone or something
    else for its subject: a pronoun or quantifier for others ("most", "they"), a noun with an
    indefinite determiner ("a competitive deck", "an extra requirement"), or a plural with none
    ("councils", "services that will tell you"). "The new dashboard", "our team", "Version 2",
    "it" and names may be the writer's own plans."""
    span = sentence.span.doc.char_span(start, end, alignment_mode="expand") if sentence.span is not None else None
    if span is None or not len(span):
        return False
    token = span[0]
    verb = token.head if token.dep_ in ("aux", "auxpass") else token
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is not None and subject.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
        subject = verb.head  # "services that will tell you": the services
    if subject is None:
        return False
    if subject.lower_ in _SOMEONE_ELSE:
        return True
    if subject.pos_ not in ("NOUN",):
        return False
    determiners = [c for c in subject.children if c.dep_ in ("det", "poss", "nummod")]
    if not determiners:
        return subject.tag_ == "NNS" and not any(c.pos_ == "PROPN" for c in subject.children)
    return all(d.lower_ in _ANYONES for d in determiners)


def _counts(
    sentence: Sentence, start: int, end: int, scope: str, prepared: _Prepared, clause_numbers: dict[int, bool]
) -> bool:
    """Whether a match at unit offsets [start, end) stands, once the parse has been asked."""
    if sentence.span is None:
        return scope == "none" or not has_number(sentence.text)
    span = sentence.span.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    token = span[0]
    word = normal_phrase(sentence.unit.text[start:end])
    if word in prepared.pos and token.tag_ not in prepared.pos[word]:
        return False
    group = prepared.groups.get(word, {})
    after = span[-1].i + 1
    following = group.get("followed-by")
    if following is not None and (after >= len(span.doc) or span.doc[after].tag_ not in following):
        return False
    if after < len(span.doc) and span.doc[after].tag_ in group.get("not-followed-by", ()):
        return False  # "said Will Turner": a name, not the modal
    if _signature_name(token):
        return False  # '"Now I eat one bar a day!" - Will': a name signing a quote, not the modal
    if "cond" in group.get("not-in-clauses", ()) and _lasting(token):
        return False  # "free and always will be": the fact is now
    if _in_clause(token, group.get("not-in-clauses", ())):
        return False  # "threat models that most teams will never face": not the product's own future
    if token.lower_ in prepared.permission_words and any(
        c.dep_ == "nsubj" and c.lower_ in prepared.permission_subjects for c in token.head.children
    ):
        return False
    if scope == "sentence":
        return not has_number(_ONE_OF.sub("", sentence.text))
    if scope == "clause":
        head = clause_of(token)
        if head.i not in clause_numbers:
            clause_numbers[head.i] = has_number(_ONE_OF.sub("", clause_text(head)))
        return not clause_numbers[head.i]
    return True


__all__ = ["Existence", "clause_of", "clause_text", "clause_tokens"]
