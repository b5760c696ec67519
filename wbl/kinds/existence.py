"""The existence kind: flag listed words and phrases in prose sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wbl.kinds.base import Kind
from wbl.options import Option
from wbl.rule import RuleContext, Violation
from wbl.textutil import has_number, normal_phrase, phrase_pattern

if TYPE_CHECKING:
    from wbl.document import Document, Sentence

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


def clause_text(head: Any) -> str:
    """The words of `head`'s clause, without the clauses nested in it.

    The walk stops at each nested clause's head, so every token is visited once (the subtrees
    of a chain of clauses nest, and collecting each of them took time quadratic in its length).
    """
    kept = []
    waiting = [head]
    while waiting:
        token = waiting.pop()
        kept.append(token)
        waiting.extend(c for c in token.children if not (c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")))
    kept.sort(key=lambda t: t.i)
    return "".join(t.text_with_ws for t in kept)


@dataclass(frozen=True, slots=True)
class _Prepared:
    pattern: re.Pattern[str] | None
    groups: Mapping[str, Mapping[str, Any]]  # normalised phrase -> its group
    exceptions: re.Pattern[str] | None
    pos: Mapping[str, frozenset[str]]
    permission_words: frozenset[str]
    permission_subjects: frozenset[str]

    @property
    def refines(self) -> bool:
        """Whether any match needs the parse to be judged."""
        return bool(self.pos or self.permission_words)


class Existence(Kind):
    """Flags the words and phrases listed in the rule's `groups`, each with its group's advice.

    A match inside one of the `exceptions` is not flagged, nor one the project's vocabulary
    accepts. With the parse, a listed word can count only in some grammatical roles (`pos`), a
    number in the same clause or sentence can excuse it (`number-scope`), and a word such as
    "may" after a subject such as "you" grants permission instead of hedging.
    """

    name = "existence"
    options = (
        Option("groups", "tables", [], "the word lists: tables with `name`, `advice` and `words`"),
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
        Option("parts", "strings", ["pr", "faq"], "the document parts checked: pr, faq"),
        Option("kinds", "strings", PROSE, "the units checked: heading, paragraph, list_item, table_cell"),
        Option("pos", "table", {}, "word -> the Penn tags in which it counts (needs pos)"),
        Option("permission-words", "strings", [], "modal words that grant permission after `permission-subjects`"),
        Option("permission-subjects", "strings", [], "subjects after which `permission-words` are not hedges"),
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
            phrase_pattern(groups) if groups else None,
            groups,
            phrase_pattern(exceptions) if exceptions else None,
            {k.lower(): frozenset(v) for k, v in dict(ctx.get("pos", {})).items()},
            frozenset(w.lower() for w in ctx.get("permission-words", ())),
            frozenset(s.lower() for s in ctx.get("permission-subjects", ())),
        )

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        prepared: _Prepared = ctx.prepared
        if prepared.pattern is None:
            return
        parts = set(ctx.get("parts", ("pr", "faq")))
        kinds = set(ctx.get("kinds", PROSE))
        message = ctx["message"]
        scope = ctx.get("number-scope", "none")
        refine = prepared.refines or scope != "none"
        for unit in document.units:
            if unit.part not in parts or unit.kind not in kinds:
                continue
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
                    if refine and not _counts(sentence, start, end, scope, prepared, clause_numbers):
                        continue
                    group = prepared.groups.get(normal_phrase(match.group(0)), {})
                    yield Violation(
                        message.format(
                            match=match.group(0), group=group.get("name", ""), advice=group.get("advice", "")
                        ),
                        unit,
                        start,
                        end,
                    )


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
    word = sentence.unit.text[start:end].lower()
    if word in prepared.pos and token.tag_ not in prepared.pos[word]:
        return False
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


__all__ = ["Existence", "clause_of", "clause_text"]
