"""Future tense in the press release: it is written as if the product has launched."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from wbl.document import Document, Sentence
from wbl.rule import RuleContext, Violation
from wbl.textutil import phrase_pattern, quotation_spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def prepare(ctx: RuleContext) -> re.Pattern[str] | None:
    """The rule's `prepare` step: one pattern for its intention phrases."""
    phrases = tuple(ctx.get("phrases", ()))
    return phrase_pattern(phrases) if phrases else None


def _token_from(doc: Any, offset: int) -> Any | None:
    """The first token of `doc` that starts at or after the character `offset`."""
    index = bisect.bisect_left(range(len(doc)), offset, key=lambda i: doc[i].idx)
    return doc[index] if index < len(doc) else None


def future_tense(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags future tense and stated intentions in the press release.

    **Why.** A Working Backwards press release describes the product on launch day, as if it
    already exists: "launches today", "is now available", "lets you". "Will be able to", "we plan
    to" and "is going to" turn the release back into a plan and let the author avoid saying what
    the customer actually gets. The FAQ may talk about the future (roadmap, risks), and so may
    quotations (a leader's hopes), so only the press release outside quotation marks and
    blockquotes is checked.

    **Fix.** Write in the present tense: "Shelfwise lets bookstore owners…", not "Shelfwise will
    let…"; move plans to the FAQ.

    Options: ``parts`` (default ``["pr"]``), ``kinds``, ``modals``, ``phrases``,
    ``skip-blockquotes``, ``skip-quotations``, messages.
    """
    parts = set(ctx["parts"])
    kinds = set(ctx["kinds"])
    modals = {m.lower() for m in ctx["modals"]}
    pattern: re.Pattern[str] | None = ctx.prepared
    for unit in document.units:
        if unit.part not in parts or unit.kind not in kinds:
            continue
        if ctx.get("skip-blockquotes", True) and unit.in_quote:
            continue
        quoted = quotation_spans(unit.text) if ctx.get("skip-quotations", True) else []
        for sentence in unit.sentences:
            if sentence.span is None:
                continue
            found: list[tuple[int, int, str]] = []  # unit offsets and message
            for token in sentence.span:
                if token.tag_ == "MD" and token.lemma_.lower() in modals:
                    found.append((token.idx, token.idx + len(token.text), ctx["modal-message"]))
            if pattern is not None:
                for match in pattern.finditer(sentence.text):
                    start, end = sentence.start + match.start(), sentence.start + match.end()
                    following = _token_from(sentence.span.doc, end)
                    if following is not None and following.tag_ == "VB":
                        found.append((start, end, ctx["phrase-message"]))
            for start, end, message in sorted(found):
                if inside(quoted, start, end):
                    continue
                text = unit.text[start:end]
                if text.lower() == "wo":  # "won't" is tokenised "wo" + "n't"
                    end, text = end + 3, unit.text[start : end + 3]
                yield Violation(message.format(match=text), unit, start, end)


def candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """future-tense's prefilter: the sentences of the units it checks."""
    parts, kinds = set(ctx["parts"]), set(ctx["kinds"])
    for unit in document.units:
        if unit.part in parts and unit.kind in kinds and not (ctx.get("skip-blockquotes", True) and unit.in_quote):
            yield from unit.sentences
