"""Length checks: the press release fits a page, the FAQ five, the summary a short paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from wbl_rules.structure.checks import anchor, whole

from wbl.document import Document
from wbl.rule import RuleContext, Violation


def press_release_length(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a press release longer than about a page.

    **Why.** "The press release is always less than one page" (Bryar & Carr); "if the press release
    is more than a page and a half, it is probably too long" (Ian McAllister). A long release
    buries the customer benefit and usually carries a spec. Words are counted in the press
    release (before the FAQ), template prompts, titles and metadata left out. About 550 words
    fill a page, so the default warns above `max-words` (550) and says "a page and a half" above
    `error-words` (800). The finding points at the headline.

    **Fix.** Cut to the customer, the problem, the benefit and how to start; move details to the FAQ.

    Options: `max-words`, `error-words`.
    """
    words = document.anatomy.pr_words
    limit, hard = int(ctx["max-words"]), int(ctx["error-words"])
    if words > hard:
        yield anchor(document, ctx["message"].format(words=words, limit=hard, page="a page and a half"))
    elif words > limit:
        yield anchor(document, ctx["message"].format(words=words, limit=limit, page="one page"))


def faq_length(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags an FAQ longer than about five pages.

    **Why.** Bryar & Carr: the FAQ is "five pages or less". A longer FAQ is usually design
    documentation; reviewers stop reading before the hard questions. The finding points at the
    start of the FAQ.

    **Fix.** Keep the questions a customer or a decision-maker would ask; link to design documents
    for the rest.

    Options: `max-words` (default 2500, about five pages).
    """
    anatomy = document.anatomy
    limit = int(ctx["max-words"])
    faq = anatomy.get("faq")
    if anatomy.faq_words > limit and faq is not None:
        start, end = whole(faq.unit)
        yield Violation(ctx["message"].format(words=anatomy.faq_words, limit=limit), faq.unit, start, end)


def long_summary(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags a summary paragraph with too many sentences or words.

    **Why.** The summary is the paragraph a busy reader reads instead of the rest: "assume the
    reader will not read anything else" (McAllister), and "3-4 sentences for most paragraphs".
    A long summary hides the product and its benefit.

    **Fix.** Say who the customer is, what launched and the one benefit that matters, in at most
    four sentences; move the rest to the problem and solution paragraphs.

    Options: `max-sentences` (default 4), `max-words` (default 100).
    """
    summary = document.anatomy.get("summary")
    if summary is None or summary.unit.is_heading:
        return
    unit = summary.unit
    sentences = len(unit.sentences)
    words = len(unit.text.split())
    max_sentences, max_words = int(ctx["max-sentences"]), int(ctx["max-words"])
    if sentences > max_sentences or words > max_words:
        start, end = whole(unit)
        yield Violation(
            ctx["message"].format(sentences=sentences, words=words, max_sentences=max_sentences, max_words=max_words),
            unit,
            start,
            end,
        )
