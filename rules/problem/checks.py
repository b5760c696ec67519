"""Problem checks: the release states the customer's pain, and the solution answers it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wbl_rules import memo
from wbl_rules.analysis import (
    Lexicon,
    customer_tokens,
    document_violation,
    is_customer_token,
    is_problem,
    pr_sentences,
    praise_by_negation,
    product_names,
    segments_of,
    sentence_subject,
)

from wbl.document import Document, Sentence, Unit
from wbl.rule import RuleContext, Violation

_NON_WORD = re.compile(r"[^a-z]+")


def _heading_label(document: Document, unit: Unit) -> str:
    section = document.section_of(unit)
    return " ".join(_NON_WORD.sub(" ", section.title.lower()).split())


def problem_sentence(sentence: Sentence, lex: Lexicon, cues: re.Pattern[str] | None, segments: tuple[str, ...]) -> bool:
    """A sentence that states a customer's pain.

    Either it carries a problem cue ("problem", "pain", "frustrating", "struggle") and names a
    customer, or its subject is a customer and its predicate is negated or a problem
    predicate ("owners lose sales", "teams cannot see", "it is hard for parents to...").
    """
    if sentence.span is None:
        return False
    customers = customer_tokens(sentence, lex, segments)
    if cues is not None and cues.search(sentence.text) and customers and not praise_by_negation(sentence.span):
        return True  # ("I can't imagine working without it!" said a customer: praise, not a pain)
    subject, kind = sentence_subject(sentence, lex, segments=segments)
    root = sentence.span.root
    if kind == "customer" and subject is not None:
        if is_problem(root, lex):
            return True
        # "teams ... have no practical option": a blocked object.
        for child in root.children:
            if child.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True
    # "Finding talent is hard for recruiters", "It's too easy to forget...": a hard predicate.
    return bool(customers) and root.lemma_.lower() == "be" and is_problem(root, lex)


def _cues(ctx: RuleContext) -> re.Pattern[str] | None:
    from wbl.textutil import phrase_pattern

    words = list(ctx.get("problem-cues", ()))
    return phrase_pattern(words) if words else None


def _problem_units(document: Document, ctx: RuleContext) -> list[Unit]:
    labels = {" ".join(_NON_WORD.sub(" ", h.lower()).split()) for h in ctx.get("problem-headings", ())}
    return [
        u
        for u in document.units
        if u.part == "pr" and u.kind in ("paragraph", "list_item") and _heading_label(document, u) in labels
    ]


def no_problem_statement(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a press release with no sentence stating a customer's problem.

    **Why.** "Maybe if you don't have a problem paragraph, there's not really a problem" (Jeff
    Bezos, as told by Ian McAllister on Lenny's Podcast, 2022): a release that jumps to the
    solution was written from the solution backwards. The problem paragraph says, in the
    customer's terms, what is hard for them today and how current solutions fail.

    **What is flagged.** Once per document, at the headline, when the release has no problem
    paragraph (the document's anatomy finds it by position, wording and meaning, with or
    without a heading), no text under a problem heading ("The Problem", "Customer pain") and no
    sentence that states a pain:
    a problem cue with a customer noun, or a customer subject with a negated or problem
    predicate ("Owners lose sales...", "Parents cannot see..."). Releases shorter than
    `min-words` are not judged.

    **Fix.** Add a problem paragraph after the summary: who struggles, with what, how often,
    what it costs them, and why today's options fail.

    A paragraph the anatomy took for the problem by its content alone counts when the problem
    model is at least `min-confidence` sure of it (default 0.25: on the 130 labelled documents of
    dev, dev2 and the corpus's train split, 60 of the 61 such paragraphs above it were problem
    paragraphs for the reviewer, and both below it were not).

    Options: `min-words` (default 60), `min-confidence`, `problem-cues`, `problem-headings`, `message`.
    """
    if document.word_count("pr") < int(ctx.get("min-words", 60)):
        return
    found = document.anatomy.get("problem")
    sure = float(ctx.get("min-confidence", 0.25))
    trusted = found is not None and (found.via != "content" or found.confidence >= sure)
    if trusted or _problem_units(document, ctx):
        return  # the anatomy found the problem paragraph (by position, wording and meaning)
    lex: Lexicon = ctx.prepared
    segments = segments_of(document, lex)
    cues = _cues(ctx)
    for sentence in pr_sentences(document):
        if problem_sentence(sentence, lex, cues, segments):
            return
    # The same gap as missing-pr-part's missing problem paragraph: this finding keeps it (see supersedes).
    yield from document_violation(document, ctx["message"], topic="missing:problem")


def problem_not_addressed(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Hints that the solution paragraph does not address the problem paragraph.

    **Why.** The solution paragraph should say how the product "elegantly solves the problem"
    (Ian McAllister's outline). When it shares no key word with the problem paragraph, it is
    often solving another problem, or a problem added after the solution.

    **What is flagged.** A hint at the solution paragraph: the key lemmas (nouns, verbs and
    adjectives that are not stop words) of the problem paragraph and of the solution paragraph
    share fewer than `min-shared`. Both paragraphs are the document's anatomy's, the ones the
    scorecard shows (found by heading, run-in label, position, wording and meaning); with no
    problem or no solution paragraph there is nothing to compare (missing-pr-part says so).
    Low confidence: it compares words, not meaning.

    **Fix.** Answer the problem in its own terms: if the problem is "books take six days", the
    solution says how the book arrives the next day.

    Options: `min-shared` (default 1), `ignore-lemmas`, `message`.
    """
    anatomy = document.anatomy
    found_problem, found_solution = anatomy.get("problem"), anatomy.get("solution")
    if found_problem is None or found_solution is None or found_problem.placeholder or found_solution.placeholder:
        return
    problem = [u for u in found_problem.units if u.nlp is not None]
    solution = [u for u in found_solution.units if u.nlp is not None and u not in problem]
    if not problem or not solution:
        return
    lex: Lexicon = ctx.prepared
    segments = segments_of(document, lex)
    ignore = {str(w).lower() for w in ctx.get("ignore-lemmas", ())}
    ignore |= {n.lower() for n in product_names(document, lex)}
    problem_lemmas = _key_lemmas(document, problem, ignore, lex, segments)
    solution_lemmas = _key_lemmas(document, solution, ignore, lex, segments)
    if not problem_lemmas or len(problem_lemmas.keys() & solution_lemmas.keys()) >= int(ctx.get("min-shared", 1)):
        return
    unit = solution[0]
    text = unit.text
    start = len(text) - len(text.lstrip())
    # The problem's first key words, as the document writes them ("data", "KPIs"; not "datum").
    words = ", ".join(f"'{w}'" for w in list(problem_lemmas.values())[:5])
    yield Violation(ctx["message"].format(words=words), unit, start, len(text.rstrip()))


def _key_lemmas(
    document: Document, units: list[Unit], ignore: set[str], lex: Lexicon, segments: tuple[str, ...]
) -> dict[str, str]:
    """Content lemmas of the paragraphs, without the customer's name (both paragraphs name it)
    or a run-in label ("**Problem:**"), each with its first word as written, in the order they
    first appear."""
    result: dict[str, str] = {}
    for unit in units:
        start = document.anatomy.prose_start(unit)
        candidates = memo.KEY_LEMMAS.remember(
            unit,
            lambda unit=unit, start=start: _lemma_candidates(unit, lex, segments, start),
            lex.key,
            "|".join(segments),
            start,
        )
        for written, lemma in candidates:
            if written.lower() not in ignore and lemma not in ignore:
                result.setdefault(lemma, written)
    return result


def _lemma_candidates(unit: Unit, lex: Lexicon, segments: tuple[str, ...], start: int) -> tuple[tuple[str, str], ...]:
    """(word as written, lemma in lower case) of the unit's content words from `start` on that do
    not name the customer."""
    found = []
    for token in unit.nlp or ():
        if token.idx < start or token.is_stop or not token.is_alpha or len(token.text) < 3:
            continue
        if token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not is_customer_token(token, lex, segments):
            found.append((token.text, token.lemma_.lower()))
    return tuple(found)
