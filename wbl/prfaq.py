"""The PR/FAQ scorecard the structure, quote and length rules read: a view of the document's
anatomy (`wbl.anatomy`), which is computed once when the document is built.

TEMPORARY: kept while the rules move to reading `document.anatomy` directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wbl.anatomy import (
    BEZOS_PARTS,
    FAQ_PARTS,
    LABELS,
    PARTS,
    PR_PARTS,
    Anatomy,
    Quote,
    Residue,
    alias_part,
    cue_hits,
    data,
    dateline,
    has_date,
    template_prompt,
)
from wbl.document import Document, Unit


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    present: bool
    line: int | None = None
    unit: Unit | None = None
    via: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    unit: Unit
    text: str
    answer: tuple[Unit, ...]
    audience: str
    line: int
    answer_text: str


@dataclass(frozen=True, slots=True)
class Scorecard:
    anatomy: Anatomy
    parts: Mapping[str, Part]
    pr_units: tuple[Unit, ...]
    faq_units: tuple[Unit, ...]
    quotes: tuple[Quote, ...]
    questions: tuple[Question, ...]
    residue: tuple[Residue, ...]
    pr_words: int
    faq_words: int

    def __getitem__(self, name: str) -> Part:
        return self.parts[name]

    def present(self, name: str) -> bool:
        return self.parts[name].present

    def missing(self, names: Iterable[str]) -> list[str]:
        return [n for n in names if not self.parts[n].present]

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return self.anatomy.to_dict()


def scorecard(document: Document) -> Scorecard:
    anatomy = document.anatomy
    parts = {}
    for name in PARTS:
        part = anatomy.get(name)
        parts[name] = Part(name, True, part.line, part.unit, part.via) if part else Part(name, False)
    questions = tuple(
        Question(
            q.unit,
            q.text,
            tuple(dict.fromkeys(s.unit for s in q.answer if s.unit is not q.unit)),
            q.audience,
            q.line,
            q.answer_text,
        )
        for q in anatomy.questions
    )
    return Scorecard(
        anatomy,
        parts,
        document.pr_units(),
        document.faq_units(),
        anatomy.quotes,
        questions,
        anatomy.residue,
        anatomy.pr_words,
        anatomy.faq_words,
    )


__all__ = [
    "BEZOS_PARTS",
    "FAQ_PARTS",
    "LABELS",
    "PARTS",
    "PR_PARTS",
    "Scorecard",
    "alias_part",
    "cue_hits",
    "data",
    "dateline",
    "has_date",
    "scorecard",
    "template_prompt",
]
