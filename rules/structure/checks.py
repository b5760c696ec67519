"""Structure checks: the parts of a PR/FAQ, its FAQ, and the marks of an unfinished draft.

All of them read the document's `wbl.prfaq.Scorecard`, which finds the parts by heading and, when
a writer uses no headings, by order and cue words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from wbl.document import Document
from wbl.kinds.base import document_anchor, listing
from wbl.prfaq import BEZOS_PARTS, LABELS, Scorecard, dateline, has_date, scorecard
from wbl.rule import RuleContext, Severity, Violation
from wbl.saferegex import compile_pattern


def at_part(card: Scorecard, part: str, message: str) -> Violation:
    unit = card[part].unit
    assert unit is not None
    return Violation.covering(unit, message)


def parts(names: Sequence[str]) -> str:
    """The parts' labels, listed: "a headline, a summary and a customer quote"."""
    return listing(LABELS[n] for n in names)


def missing_pr_part(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags press-release parts that are missing: headline, summary, problem, quotes, call to action.

    **Why.** A Working Backwards press release has a fixed anatomy (McAllister's outline, Bryar &
    Carr): a headline and subheading that name the customer and the benefit, a summary, the
    customer's problem, the solution, a quote from a company leader, how to get started, a
    customer quote and a call to action. A missing part is a question the reader is left with.
    The problem paragraph matters most: "if you don't have a problem paragraph, there's not really a
    problem" (Bezos, as told by Ian McAllister), so a release with none is an error.

    Parts are found by their headings ("## Problem", "Quote from You", ...) or, without headings,
    by order and content; see the scorecard in the JSON report. Each missing part is reported
    once, at the headline (or the first line).

    **Fix.** Write the missing part. For the problem: one paragraph, in the customer's words, on
    what goes wrong for them today and how current solutions fail.

    Options: `parts` (the parts required), `error-parts` (parts whose absence is an error).
    """
    if not document.units:
        return
    card = scorecard(document)
    errors = set(ctx.get("error-parts", ()))
    missing = card.missing(ctx["parts"])
    for part in [p for p in missing if p in errors]:
        message = ctx["messages"].get(part, ctx["message"]).format(part=LABELS[part])
        yield document_anchor(document, card, message, severity=Severity.ERROR)
    rest = [p for p in missing if p not in errors]
    if rest:
        yield document_anchor(document, card, ctx["message"].format(part=parts(rest)))


def missing_faq(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a PR/FAQ with no FAQ, or an FAQ that is not split into external and internal questions.

    **Why.** The press release says what the customer gets; the FAQ tests whether the idea holds up.
    The external (customer) FAQ answers what customers and the press would ask (price, how it
    works, how to get it); the internal (stakeholder) FAQ answers what leadership would ask
    (market size, economics, dependencies, risks). Without the internal half there is no
    "legitimate plan to succeed" to review (Bryar & Carr; the AWS CDK RFC template's Public and
    Internal FAQ).

    **Fix.** Add an "External FAQ" and an "Internal FAQ" section after the press release, one
    question per heading.
    """
    if not document.units:
        return
    card = scorecard(document)
    if not card.present("faq"):
        yield document_anchor(document, card, ctx["message"])
        return
    missing = card.missing(("external_faq", "internal_faq"))
    if missing:
        yield at_part(card, "faq", ctx["split-message"].format(part=parts(missing)))


def unanswered_question(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags FAQ questions with no answer, or with only "TODO" or "TBD" as the answer.

    **Why.** An FAQ question without an answer tells the reviewer the author has not thought it
    through yet; Amazon's writing guidance asks for an answer of yes, no, a number, or "I don't
    know" with a date to find out.

    **Fix.** Answer the question, or delete it. If you do not know yet, say so and say when you
    will.

    Options: `empty-answers` (answers that count as none, matched whole, case-insensitive).
    """
    card = scorecard(document)
    empty = re.compile(r"^(?:" + "|".join(ctx["empty-answers"]) + r")\W*$", re.IGNORECASE)
    for question in card.questions:
        answer = question.answer_text
        if not answer or empty.match(answer):
            what = f"'{answer}'" if answer else "nothing"
            yield Violation.covering(question.unit, ctx["message"].format(question=question.text, answer=what))


def solution_before_problem(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a press release that presents the solution before the customer's problem.

    **Why.** Working backwards starts from the customer problem, not from something the team wants
    to build: "if you say we could and it's not grounded in a customer or customer's problem,
    you're not working backwards… you're adding the problem after the solution" (Ian McAllister).
    A solution section above the problem section is the visible sign.

    **Fix.** Move the problem paragraph above the solution, and check that the solution answers
    the problem as stated.
    """
    card = scorecard(document)
    problem, solution = card["problem"], card["solution"]
    if problem.present and solution.present and solution.line and problem.line and solution.line < problem.line:
        yield at_part(card, "solution", ctx["message"].format(solution=solution.line, problem=problem.line))


def internal_faq_gaps(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags an internal FAQ that skips one of Bezos's three questions or a pre-mortem.

    **Why.** Bezos judged an investment by three questions: is it big, is it something we should
    be doing, and is there a legitimate plan to succeed (the economics, the dependencies, the
    hard technical problems). The internal FAQ is where a PR/FAQ answers them. A pre-mortem (Gary
    Klein): assume the product failed and explain why, then say what you would do; it surfaces
    risks a plan would otherwise hide.

    Questions are matched by their wording (market size, TAM, "why should we", cost, margin,
    depend, risk, fail, ...).

    **Fix.** Add the missing questions to the internal FAQ and answer them with numbers.
    """
    card = scorecard(document)
    if not card.present("internal_faq"):
        return
    missing = card.missing(BEZOS_PARTS)
    if missing:
        yield at_part(card, "internal_faq", ctx["message"].format(part=parts(missing)))


def unfinished_draft(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags what a reviewer would bounce: placeholders, template prompts, a dateline with no date.

    **Why.** "TBD", "XX", "[Customer Name]", "{RFC_TITLE}", "WHO?", "lorem ipsum", a run of
    underscores or the template's own instructions ("Describe the problem your product solves")
    tell the reader the document is not ready; a review spent on an unfinished draft is wasted.
    The dateline carries the launch date, which tells the reader how big the effort is.

    Template prompts are matched after normalisation and allow light edits. FAQ answers that are
    only "TODO" are left to unanswered-question.

    **Fix.** Fill in or delete each placeholder; replace each prompt with your own text.

    Options: `patterns` (each with `name`, `regex`, `advice`).
    """
    card = scorecard(document)
    compiled = [(compile_pattern(p["regex"]), p) for p in ctx["patterns"]]
    empty = re.compile(r"^(?:" + "|".join(ctx["empty-answers"]) + r")\W*$", re.IGNORECASE)
    skip = {u.index for q in card.questions if empty.match(q.answer_text or "-") for u in q.answer}
    residue_units = {r.unit.index for r in card.residue}
    for residue in card.residue:
        prompt = residue.unit.text[residue.start : residue.end].strip()
        message = ctx["title-message"] if residue.unit.is_heading else ctx["prompt-message"]
        yield Violation(message.format(text=_short(prompt)), residue.unit, residue.start, residue.end)
    for unit in document.units:
        if unit.index in skip:
            continue
        seen: list[tuple[int, int]] = []
        for pattern, spec in compiled:
            for match in pattern.finditer(unit.text):
                if any(s < match.end() and match.start() < e for s, e in seen):
                    continue
                if unit.index in residue_units and any(
                    r.unit.index == unit.index and r.start <= match.start() < r.end for r in card.residue
                ):
                    continue
                seen.append(match.span())
                message = ctx["message"].format(match=match.group(0), name=spec["name"], advice=spec["advice"])
                yield Violation(message, unit, match.start(), match.end())
    part = card["dateline"]
    if part.present and part.unit is not None:
        head = dateline(part.unit.text)
        if head is not None and not has_date(head) and not any(p.search(head) for p, _ in compiled):
            start = part.unit.text.index(head.strip())
            yield Violation(
                ctx["date-message"].format(dateline=head.strip()), part.unit, start, start + len(head.strip())
            )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
