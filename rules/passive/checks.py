"""Passive voice from the dependency parse: a finite be/get + past participle clause."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wbl.document import Document, Sentence
from wbl.nlp import lemma_candidates
from wbl.rule import RuleContext, Severity, Violation
from wbl.textutil import zipf_frequency

_SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z", "o")


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
    if word.endswith("ed") and zipf_frequency(lemma, "en") < zipf_frequency(word[:-2], "en"):
        return word[:-2]
    return lemma


def _is_participle(token: Any) -> bool:
    """Tagged VBN and shaped like a word: the tagger sometimes calls a product name a participle."""
    return (
        token.tag_ == "VBN"
        and token.is_alpha
        and (token.lower_.endswith("ed") or zipf_frequency(token.lower_, "en") > 0)
    )


def passive_clauses(
    span: Any, auxiliaries: set[str], exempt: set[str], get_exempt: set[str] = frozenset()
) -> Iterator[tuple[Any, Any, Any]]:
    """(auxiliary, participle, agent phrase or None) for each passive clause of a spaCy span.

    A clause is passive when a participle (tag VBN) has an ``auxpass`` child whose lemma is an
    allowed auxiliary (be, get). Reduced participles ("designed for gym owners") have no
    auxiliary and predicate adjectives ("is free") are not participles, so neither is reported.
    Conjoined participles sharing one auxiliary ("can be lost, stolen or cloned") are one clause.
    """
    for token in span:
        if not _is_participle(token) or token.lemma_.lower() in ("be", "have"):
            continue
        aux = [c for c in token.children if c.dep_ == "auxpass" and c.lemma_.lower() in auxiliaries]
        if not aux:
            continue
        if token.lower_ in exempt or _fixed(token) in exempt:
            continue
        if aux[0].lemma_.lower() == "get" and (token.lower_ in get_exempt or _fixed(token) in get_exempt):
            continue
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        yield aux[0], token, agent


def _fixed(token: Any) -> str:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return f"{token.lower_} {following.lower_}" if following is not None else token.lower_


def passive_voice(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags finite passive clauses: a form of *be* or *get* with a past participle.

    **Why.** Amazon's writing guidance asks for active voice: "the report was generated" hides
    who generated it, and a PR/FAQ reviewer wants to know who does what for the customer.
    Agentless passives ("keys are stored", "it was built") hide the actor entirely and are
    reported first (as warnings); a passive that names its agent ("is powered by a knowledge
    graph") is an easy flip and is a hint. In the FAQ, where technical answers often describe
    what happens to data ("keys are encrypted at rest"), passives are hints (``faq-severity``).

    The clause comes from the dependency parse (``auxpass`` on a past participle), so reduced
    participles ("designed for gym owners") and predicate adjectives ("the app is free") are not
    flagged. Set phrases in ``exempt-participles`` ("is based in", "is supposed to") are skipped.

    **Fix.** Name the actor and make it the subject: "We encrypt the file", "A knowledge graph
    powers the search".

    Options: ``kinds``, ``skip-blockquotes``, ``auxiliaries``, ``exempt-participles``,
    ``get-exempt-participles``, ``faq-severity``, ``message``, ``agentless-advice``, ``agent-advice``.
    """
    kinds = set(ctx["kinds"])
    auxiliaries = {a.lower() for a in ctx["auxiliaries"]}
    exempt = {e.lower() for e in ctx.get("exempt-participles", ())}
    get_exempt = {e.lower() for e in ctx.get("get-exempt-participles", ())}
    faq_severity = Severity.parse(ctx["faq-severity"]) if ctx.get("faq-severity") else None
    for unit in document.units:
        if unit.kind not in kinds or (ctx.get("skip-blockquotes", True) and unit.in_quote):
            continue
        for sentence in unit.sentences:
            # Lexical pre-check: no form of an auxiliary, no passive (and no need to walk the parse).
            if sentence.span is None or not any(t.lemma_.lower() in auxiliaries for t in sentence.span):
                continue
            for aux, verb, agent in passive_clauses(sentence.span, auxiliaries, exempt, get_exempt):
                doc, offset = sentence.span.doc, sentence.span.start_char
                between = doc[min(aux.i, verb.i) + 1 : max(aux.i, verb.i)]
                end = verb.idx + len(verb.text) - offset
                if all(t.pos_ in ("ADV", "PART") for t in between):
                    start = doc[min(aux.i, verb.i)].idx - offset
                    phrase = sentence.text[start:end]
                else:  # "Why was Golang with Chi selected?": point at the participle
                    start = verb.idx - offset
                    phrase = f"{aux.text} … {verb.text}"
                active = third_person(base_form(verb))
                if agent is not None:
                    words = [t for t in agent.subtree if t.i != agent.i]
                    agent_text = sentence.span.doc[words[0].i : words[-1].i + 1].text if words else "the agent"
                    advice = ctx["agent-advice"].format(agent=agent_text, active=active, verb=verb.text)
                    severity = Severity.INFO
                else:
                    advice = ctx["agentless-advice"].format(active=active, verb=verb.text)
                    severity = faq_severity if unit.part == "faq" else None
                message = ctx["message"].format(phrase=phrase, advice=advice)
                yield Violation.in_sentence(sentence, start, end, message, severity=severity)


def candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """passive-voice's prefilter: sentences of the units it checks with a word that could have
    an auxiliary's lemma (the check's own lexical pre-check, before the lemmatizer has run)."""
    kinds = set(ctx["kinds"])
    auxiliaries = {a.lower() for a in ctx["auxiliaries"]}
    for unit in document.units:
        if unit.kind not in kinds or (ctx.get("skip-blockquotes", True) and unit.in_quote):
            continue
        for sentence in unit.sentences:
            if sentence.span is None:
                continue
            for token in sentence.span:
                lemmas = lemma_candidates(token.doc, token.text)
                if lemmas is None or lemmas & auxiliaries:
                    yield sentence
                    break
