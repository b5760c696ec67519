"""Passive voice: a form of be or get with a past participle (`wbl_rules.sentences.passive_clauses`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wbl_rules.sentences import PassiveLists, compound_start, may_be_passive, passive_in, passive_lists

from wbl.document import Document, Sentence
from wbl.nlp import known_lemmas, lemma_candidates
from wbl.rule import RuleContext, Severity, Violation
from wbl.textutil import zipf_frequency

_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z", "o")
_AUXILIARIES = frozenset({"be", "get"})


def third_person(lemma: str) -> str:
    """'build' -> 'builds', 'carry' -> 'carries', 'push' -> 'pushes' (for suggestions)."""
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(_SIBILANT_ENDINGS):
        return lemma + "es"
    return lemma + "s"


def base_form(participle: Any) -> str:
    """The verb's base form for a suggestion; the lemmatizer guesses oddly on rare verbs."""
    lemma = participle.lemma_.lower()
    word = participle.lower_
    if not word.endswith("ed"):
        return lemma
    # A verb in -e takes only "-d": "pasted" is "paste" (not "past"), "coded" is "code" (the
    # lemmatizer says "cod"), "taped" is "tape"; "locked" is "lock" ("locke" is no verb it knows).
    if len(word) > 4 and word[:-1] in known_lemmas(participle.doc, "verb"):
        return word[:-1]
    # "sourced" -> "source", "tuned" -> "tune", "chipped" -> "chip": the commonest stem wins over
    # a lemma the lemmatizer left as the participle (a participle it tagged as an adjective).
    stems = [word[:-1], word[:-2]] + ([word[:-3]] if len(word) > 5 and word[-3] == word[-4] else [])
    if word.endswith("ied") and len(word) > 5:
        stems.append(word[:-3] + "y")  # "satisfied" -> "satisfy" (not "satisfieds")
    stem = max((s for s in stems if len(s) >= 3), key=lambda s: zipf_frequency(s, "en"), default="")
    if stem and zipf_frequency(stem, "en") > max(zipf_frequency(lemma, "en") if lemma != word else 0.0, 1.0):
        return stem
    return lemma


def _compound_prefix(doc: Any, verb_index: int) -> str:
    """The pieces a hyphen joins to the participle, for the active verb ("open-" of
    "open-sourced": "open-sources", not "sources")."""
    first = compound_start(doc, verb_index)
    if first < verb_index and doc[verb_index - 1].text == "-":
        return doc[first:verb_index].text
    return ""


def _agent_object(agent: Any) -> Any:
    """The noun of a "by" phrase ("booksellers" of "by two booksellers"), or None."""
    return next((c for c in agent.children if c.dep_ == "pobj"), None)


def _can_act(agent: Any, non_agents: frozenset[str]) -> bool:
    """Whether a "by" phrase names who acts: not "by default", "by design", "by hand"."""
    head = _agent_object(agent)
    return head is None or head.lower_ not in non_agents


def _plural(agent: Any) -> bool:
    """Whether a "by" phrase names several ("by two booksellers", "by Ana and Raj")."""
    head = _agent_object(agent)
    if head is None:
        return False
    # A plural tag on a word that neither ends in "s" nor has another lemma is the tagger's
    # guess ("wolfCrypt"); "children" and "people" are plurals.
    tagged = head.tag_ in ("NNS", "NNPS") and (
        head.lower_.endswith("s") or head.lemma_.lower() != head.lower_ or head.lower_ == "people"
    )
    return tagged or head.lower_ in _PLURAL_WORDS or any(c.dep_ == "conj" for c in head.children)


def _in_clause(token: Any, agent: Any) -> bool:
    """Whether a word of the agent's phrase sits in a clause hung on it ("many that the plan
    works"): the agent is the noun phrase without it."""
    while token.i != agent.i:
        if token.dep_ in _CLAUSES:
            return True
        token = token.head
    return False


_CLAUSES = frozenset(("relcl", "ccomp", "acl", "advcl", "punct"))
# Agents that are plural whatever their tag ("by many", "by us"), and a pronoun agent as the
# subject says it ("by us" -> "we use").
_PLURAL_WORDS = frozenset(("many", "several", "few", "both", "others", "some", "most", "all", "us", "them", "you"))
_SUBJECT_PRONOUNS = {"us": "we", "them": "they", "me": "I", "him": "he", "her": "she"}


def prepare(ctx: RuleContext) -> PassiveLists:
    """The rule's `prepare` step: its word lists."""
    return passive_lists(ctx.options)


def passive_voice(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags passive clauses: a form of *be* or *get* with a past participle.

    **Why.** Amazon's writing guidance asks for active voice: "the report was generated" hides
    who generated it, and a PR/FAQ reviewer wants to know who does what for the customer.
    Agentless passives ("keys are stored", "it was built") hide the actor entirely.

    **Severity.** A hint by default: in user trials reviewers wanted few of the passives changed
    (the actor is usually obvious: "Photos are checked for quality"), so a passive alone never
    fails a hook. A team that wants agentless passives of the release to fail it sets
    ``agentless-severity = "warning"``; a passive that names its agent ("is powered by a knowledge
    graph", an easy flip) and passives in the FAQ, where technical answers describe what happens
    to data ("keys are encrypted at rest"), stay hints (``faq-severity``). The rule's
    ``severity`` makes every passive that severity.

    **What is flagged.** A form of *be* or *get* followed by a past participle, with only adverbs
    or negation between them: "is built", "was never quietly deleted", "receipts get misplaced",
    "families are getting overcharged", "can be lost, stolen or cloned" (one clause), infinitive
    passives ("let yourself be heard"; under a passive, one finding: "is built to be extended"),
    hyphen compounds that end in a participle ("are auto-sorted", "is HMAC-verified", "is
    end-to-end encrypted"). The parse's ``auxpass`` arc is used when present; a left-to-right test
    catches what the small parser misses, including participles it tags as adjectives ("is
    fragmented", ``stative-participles``). Reduced participles ("designed for gym
    owners"), predicate adjectives ("the app is free"), set phrases (``exempt-participles``: "is
    based in", "are excited"; after *get*, ``get-exempt-participles``: "get started"), "is
    used to it", an attitude someone holds ("we are committed to", "Acme is dedicated to") and a
    contracted "has" ("it's given us a way", "that's felt like") are not flagged; "is used to
    sign releases" and "secrets are never committed to git" are.
    Terms the project's vocabulary accepts are never flagged as participles. Someone's words set
    in a block quote (a quotation, or a text that opens in the first person) are left alone
    (``skip-blockquotes``); a press release laid out in a block quote is not.

    **Fix.** Name the actor and make it the subject: "We encrypt the file", "A knowledge graph
    powers the search".

    Options: ``kinds``, ``skip-blockquotes``, ``exempt-participles``, ``get-exempt-participles``,
    ``stative-participles``, ``compound-adjective-prefixes`` and ``compound-adjective-heads``
    (compounds read as adjectives: "is self-hosted", "is AI-powered"), ``compound-verb-prefixes``
    (compounds that stay verbs: "was re-made"), ``non-agents`` ("by
    default", "by design": no agent to make the subject), ``parts``, ``agentless-severity``,
    ``faq-severity``,
    ``message``, ``agentless-advice``, ``agent-advice``.
    """
    kinds, parts = set(ctx["kinds"]), set(ctx["parts"])
    lists: PassiveLists = ctx.prepared
    accepted = ctx.vocabulary.accepted
    non_agents = frozenset(str(w).lower() for w in ctx.get("non-agents", ()))
    faq_severity = Severity.parse(ctx["faq-severity"]) if ctx.get("faq-severity") else None
    agentless_severity = Severity.parse(ctx["agentless-severity"]) if ctx.get("agentless-severity") else None
    for unit in document.units:
        if unit.kind not in kinds or unit.part not in parts:
            continue
        if ctx.get("skip-blockquotes", True) and document.quoted_in_blockquote(unit):
            continue
        for sentence in unit.sentences:
            # Lexical pre-check: no form of an auxiliary, no passive (and no need to walk the parse).
            if sentence.span is None or not may_be_passive(sentence.span):
                continue
            doc, offset = sentence.span.doc, sentence.span.start_char
            flagged: set[int] = set()
            for aux_index, verb_index in passive_in(sentence, lists):
                aux, verb = doc[aux_index], doc[verb_index]
                if verb.lower_ in accepted:
                    continue
                if verb.head.i in flagged and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                    continue  # "is built to be extended": one clause, reported at "is built"
                flagged.add(verb.i)
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                # Words between the auxiliary and the participle, but for a hyphen compound that
                # ends in it ("are auto-sorted", "is end-to-end encrypted").
                between = doc[min(aux.i, verb.i) + 1 : max(aux.i, compound_start(doc, verb.i))]
                end = verb.idx + len(verb.text) - offset
                if all(t.pos_ in ("ADV", "PART") for t in between):
                    start = doc[min(aux.i, verb.i)].idx - offset
                    phrase = sentence.text[start:end]
                else:  # "Why was Golang with Chi selected?": point at the participle
                    start = verb.idx - offset
                    phrase = f"{aux.text} … {verb.text}"
                verb_base = _compound_prefix(doc, verb.i) + base_form(verb)
                active = third_person(verb_base)
                if agent is not None and _can_act(agent, non_agents):
                    words = [t for t in agent.subtree if t.i != agent.i and not _in_clause(t, agent)]
                    agent_text = doc[words[0].i : words[-1].i + 1].text if words else "the agent"
                    agent_text = _SUBJECT_PRONOUNS.get(agent_text.lower(), agent_text)
                    # "two booksellers found", "the bank stores"
                    agreed = verb_base if _plural(agent) else active
                    advice = ctx["agent-advice"].format(agent=agent_text, active=agreed, verb=verb.text)
                    severity = Severity.INFO
                else:
                    advice = ctx["agentless-advice"].format(active=active, verb=verb.text)
                    severity = faq_severity if unit.part == "faq" else agentless_severity
                message = ctx["message"].format(phrase=phrase, advice=advice)
                yield Violation.in_sentence(sentence, start, end, message, severity=severity)


def candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """passive-voice's prefilter: sentences of the units it checks with a form of be or get, or
    a word whose possible lemmas include them (before the lemmatizer has run)."""
    kinds, parts = set(ctx["kinds"]), set(ctx["parts"])
    for unit in document.units:
        if unit.kind not in kinds or unit.part not in parts:
            continue
        if ctx.get("skip-blockquotes", True) and document.quoted_in_blockquote(unit):
            continue
        for sentence in unit.sentences:
            if sentence.span is None:
                continue
            if may_be_passive(sentence.span) or any(
                (lemmas := lemma_candidates(t.doc, t.text)) is None or lemmas & _AUXILIARIES for t in sentence.span
            ):
                yield sentence
