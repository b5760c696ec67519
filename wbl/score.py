"""The document score: 0-100, higher is better, with the parts that make it up.

A reviewer's verdict on a PR/FAQ rests on a few things wbl can see: is the document whole
(structure: the press release's parts, an FAQ with both halves, Bezos's questions), does it say
something (substance: length, answered questions, a developed and quantified problem), is it clear (clarity:
vague, jargon-heavy and technology-first wording per 100 words), and is it finished (finish:
placeholders and unanswered questions). `features` turns the anatomy and the findings into those
numbers; a linear model fitted on documents a reviewer graded (training/score.py, weights in
wbl/data/score.json) weighs them. The score is that model's estimate of the reviewer's grade on
a 0-100 scale, and each component's points are its features' share of it.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

# Feature -> the component of the score it belongs to.
COMPONENTS: Mapping[str, str] = MappingProxyType(
    {
        "release_parts": "structure",
        "faq": "structure",
        "internal_faq": "structure",
        "bezos_questions": "structure",
        "named_quotes": "structure",
        "words": "substance",
        "sentence_length": "substance",
        "answered_questions": "substance",
        "problem_words": "substance",
        "quantified_problem": "substance",
        "vague_words": "clarity",
        "jargon": "clarity",
        "technology_first": "clarity",
        "placeholders": "finish",
        "unanswered_questions": "finish",
    }
)
COMPONENT_ORDER = ("structure", "substance", "clarity", "finish")
RELEASE_PARTS = ("headline", "summary", "problem", "solution", "leader_quote", "customer_quote", "call_to_action")
BEZOS = ("big_idea", "should_we", "plan_to_succeed", "pre_mortem")
_DIGIT = re.compile(r"\d")
SENTENCE_LENGTH_CAP = 20.0


@dataclass(frozen=True, slots=True)
class Score:
    """A document's score (0-100) and the points each component adds to or takes from the baseline."""

    total: int
    baseline: float
    components: Mapping[str, float]
    features: Mapping[str, float | None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.total,
            "baseline": round(self.baseline, 1),
            "components": {name: round(points, 1) for name, points in self.components.items()},
        }


def features(
    anatomy: Any,
    findings: Iterable[Any] | None,
    words: int,
    sentences: int = 0,
    ran: Collection[str] | None = None,
) -> dict[str, float | None]:
    """The score's inputs for one document: `findings` are `Finding`s (their categories are read),
    None when no rule judged the document (other Markdown): its clarity is then not assessed and
    counts as average. `ran` are the categories of the rules that ran (None: all): a clarity
    measure none of whose rules ran is not assessed either, so `--ignore weasel` neither raises nor
    lowers the score. `words` are the document's prose words, `sentences` its sentences (0: not
    counted, and the sentence length is not assessed)."""
    parts = anatomy.parts
    by_category = Counter(f.category for f in findings or ())
    per_100 = 100.0 / max(words, 50)
    judged = findings is not None

    def assessed(*categories: str) -> bool:
        return judged and (ran is None or any(c in ran for c in categories))

    problem = parts.get("problem")
    quotes = [q for q in anatomy.quotes if q.name and not q.placeholder]
    return {
        "release_parts": sum(p in parts for p in RELEASE_PARTS) / len(RELEASE_PARTS),
        "faq": 1.0 if "faq" in parts else 0.0,
        "internal_faq": 1.0 if "internal_faq" in parts else 0.0,
        "bezos_questions": sum(p in parts for p in BEZOS) / len(BEZOS),
        "named_quotes": min(len(quotes), 2) / 2,
        "words": math.log(max(words, 20)),
        # Words per sentence, up to the plain-language average of 20: a draft in fragments and
        # one-line bullets says less than one in full sentences (longer earns nothing more).
        "sentence_length": min(SENTENCE_LENGTH_CAP, words / sentences) if sentences else None,
        "answered_questions": math.log1p(sum(1 for q in anatomy.questions if q.answered)),
        # How far the problem is developed: a paragraph that shows the customer's difficulty says
        # more than one clause naming it (the log, as for the document's words).
        "problem_words": math.log1p(sum(s.word_count for s in problem.segments)) if problem is not None else 0.0,
        "quantified_problem": 1.0 if problem is not None and _DIGIT.search(problem.text) else 0.0,
        "vague_words": min(5.0, by_category["weasel"] * per_100) if assessed("weasel") else None,
        "jargon": min(5.0, (by_category["jargon"] + by_category["acronym"]) * per_100)
        if assessed("jargon", "acronym")
        else None,
        "technology_first": min(5.0, by_category["tech-first"] * per_100) if assessed("tech-first") else None,
        "placeholders": math.log1p(anatomy.placeholders()),
        "unanswered_questions": math.log1p(sum(1 for q in anatomy.questions if not q.answered)),
    }


@lru_cache(maxsize=1)
def model() -> Mapping[str, Any]:
    """The fitted weights (training/score.py): per feature a mean, a spread and a weight."""
    path = resources.files("wbl").joinpath("data", "score.json")
    return MappingProxyType(json.loads(path.read_text(encoding="utf-8")))


def score(values: Mapping[str, float | None]) -> Score:
    """The score of a document's features, on the reviewer's scale mapped to 0-100."""
    fitted = model()
    scale = 100.0 / float(fitted["scale_top"])
    baseline = float(fitted["intercept"]) * scale
    components = dict.fromkeys(COMPONENT_ORDER, 0.0)
    for name, value in values.items():
        spec = fitted["features"].get(name)
        if spec is None or value is None:
            continue  # not assessed: the average, no points either way
        z = (value - float(spec["mean"])) / float(spec["scale"])
        components[COMPONENTS[name]] += float(spec["weight"]) * z * scale
    total = round(min(100.0, max(0.0, baseline + sum(components.values()))))
    return Score(total, baseline, MappingProxyType(components), MappingProxyType(dict(values)))


__all__ = ["COMPONENTS", "COMPONENT_ORDER", "Score", "features", "model", "score"]
