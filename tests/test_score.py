"""The document score's inputs: what each feature reads, and how a missing one counts."""

from __future__ import annotations

import math
import textwrap

import pytest

from wbl import score
from wbl.engine import Linter, LintOptions, build

RELEASE = textwrap.dedent(
    """
    # Tallyho lets choir directors seat a concert in ten minutes

    Choir directors spend an evening before every concert drawing seating charts by hand, and they
    redo them whenever a singer drops out.

    Tallyho draws the chart from the roster and redraws it when someone cancels.
    """
)


def test_sentence_length_is_words_per_sentence_up_to_the_cap() -> None:
    anatomy = build("doc.md", RELEASE).anatomy
    assert score.features(anatomy, [], 40, 4)["sentence_length"] == 10.0
    assert score.features(anatomy, [], 300, 5)["sentence_length"] == score.SENTENCE_LENGTH_CAP


def test_uncounted_sentences_leave_the_sentence_length_unassessed() -> None:
    anatomy = build("doc.md", RELEASE).anatomy
    values = score.features(anatomy, [], 40)
    assert values["sentence_length"] is None
    # Not assessed counts as the average: no points either way.
    assert score.score(values).total == score.score({**values, "sentence_length": None}).total
    average = float(score.model()["features"]["sentence_length"]["mean"])
    assert score.score(values).components == score.score({**values, "sentence_length": average}).components


def test_a_draft_in_full_sentences_scores_above_the_same_draft_in_fragments() -> None:
    linter = Linter(LintOptions(kind="press_release"))  # too short for wbl to take it for one itself
    fragments = RELEASE.replace(
        "Choir directors spend an evening before every concert drawing seating charts by hand, and they\n"
        "redo them whenever a singer drops out.",
        "Seating charts. By hand. Every concert. An evening lost. Redone. Singer drops out.",
    )
    full, short = linter.lint_text(RELEASE, path="a.md"), linter.lint_text(fragments, path="b.md")
    assert full.score is not None and short.score is not None
    assert full.score["components"]["substance"] > short.score["components"]["substance"]


def test_problem_words_count_the_problem_paragraph_and_reward_a_developed_one() -> None:
    linter = Linter(LintOptions(kind="press_release"))
    headed = RELEASE.replace("Choir directors spend", "## The problem\n\nChoir directors spend").replace(
        "Tallyho draws", "## The solution\n\nTallyho draws"
    )
    bare = headed.replace(
        "Choir directors spend an evening before every concert drawing seating charts by hand, and they\n"
        "redo them whenever a singer drops out.",
        "Seating charts are hard.",
    )
    developed_doc, bare_doc = linter.analyse(headed, "a.md"), linter.analyse(bare, "b.md")
    developed, short = (score.features(d.anatomy, [], 40, 4)["problem_words"] for d in (developed_doc, bare_doc))
    assert developed == pytest.approx(math.log1p(22)) and short == pytest.approx(math.log1p(4))
    no_problem = linter.analyse("# Tallyho\n\nTallyho draws the chart from the roster.\n", "c.md")
    assert score.features(no_problem.anatomy, [], 40, 4)["problem_words"] == 0.0
    # Fitted on graded documents, a developed problem raises the substance points.
    assert float(score.model()["features"]["problem_words"]["weight"]) > 0
    a, b = linter.lint_text(headed, path="a.md"), linter.lint_text(bare, path="b.md")
    assert a.score is not None and b.score is not None
    assert a.score["components"]["substance"] > b.score["components"]["substance"]


def test_a_clarity_measure_whose_rules_did_not_run_is_not_assessed() -> None:
    # --ignore weasel must not make a document look free of vague words (nor --ignore ALL lower
    # its score): a measure none of whose rules ran counts as the average.
    vague = RELEASE.replace("Tallyho draws", "Tallyho very simply and seamlessly draws")
    every = Linter(LintOptions(kind="press_release")).lint_text(vague, path="a.md")
    no_weasel = Linter(LintOptions(kind="press_release", ignore=("weasel",))).lint_text(vague, path="a.md")
    assert every.score is not None and no_weasel.score is not None
    anatomy = build("a.md", vague).anatomy
    values = score.features(anatomy, [], 60, 4, ran={"jargon", "tech-first"})
    assert values["vague_words"] is None and values["jargon"] == 0.0 and values["technology_first"] == 0.0
    assert score.features(anatomy, [], 60, 4)["vague_words"] == 0.0  # `ran` None: every category ran
    # Through the engine: the clarity of a run without the weasel rules is that of every rule's
    # findings with the vague words left unassessed (not counted as none).
    counts = int(every.metrics["words"]), int(every.metrics["sentences"])
    full = score.features(anatomy, every.findings, *counts)
    assert full["vague_words"] > 0
    expected = score.score({**full, "vague_words": None}).components["clarity"]
    assert no_weasel.score["components"]["clarity"] == pytest.approx(expected, abs=0.06)  # rounded to 0.1
    assert score.score({**full, "vague_words": 0.0}).components["clarity"] > expected + 0.1
