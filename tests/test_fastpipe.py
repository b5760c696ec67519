"""wbl's fast attribute ruler and lemmatizer write exactly what spaCy's own components write."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest

from tests.conftest import EXAMPLES, FIXTURES, REPO
from wbl import fastpipe
from wbl.nlp import DEFAULT_MODELS

spacy = pytest.importorskip("spacy")
srsly = pytest.importorskip("srsly")
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG  # noqa: E402

COLUMNS = [POS, MORPH, LEMMA, TAG, DEP]
SHARED = REPO.parent / "shared" / "corpus"


def _model_name() -> str:
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    pytest.skip("no English pipeline installed")


@pytest.fixture(scope="module")
def pipelines():
    name = _model_name()
    reference, fast = spacy.load(name), spacy.load(name)
    assert fastpipe.install(fast) == ["attribute_ruler", "lemmatizer"]
    return reference, fast


def _texts(folders: list[Path]) -> list[str]:
    files = sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*.md"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def _assert_same(reference, fast, texts: list[str]) -> int:
    tokens = 0
    for expected, got in zip(reference.pipe(texts), fast.pipe(texts), strict=True):
        want, have = expected.to_array(COLUMNS), got.to_array(COLUMNS)
        if not numpy.array_equal(want, have):
            i = int(numpy.where((want != have).any(axis=1))[0][0])
            a, b = expected[i], got[i]
            spacys, wbls = f"{a.pos_} {a.morph} {a.lemma_!r}", f"{b.pos_} {b.morph} {b.lemma_!r}"
            pytest.fail(f"token {i} {a.text!r}: spaCy {spacys}, wbl {wbls}")
        tokens += len(expected)
    return tokens


def test_identical_on_the_example_documents(pipelines) -> None:
    reference, fast = pipelines
    texts = _texts([EXAMPLES, FIXTURES])
    # Sentences that exercise the ruler's exceptions: contractions, "nothin'", "y'", "but" as an
    # adverb, determiners, indefinite pronouns, and words spaCy lemmatizes by rule and by exception.
    texts.append(
        "We don't know nothin' 'bout it, y' see. But we can't stop: it's nothing but anything, isn't it? "
        "The mice were running and the geese had flown; someone's data was better than the best ones. "
        "All but two teams shipped. That which was built is what we'd built, and these are those."
    )
    assert _assert_same(reference, fast, texts) > 1_000


@pytest.mark.slow
def test_identical_on_the_repository_documents(pipelines) -> None:
    """Every Markdown file of the repository (docs, rule examples, fixtures)."""
    reference, fast = pipelines
    assert _assert_same(reference, fast, _texts([REPO / "docs", REPO / "rules", FIXTURES])) > 10_000


@pytest.mark.slow
def test_identical_on_the_shared_corpora(pipelines) -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is not present (it exists only beside the development checkout)")
    reference, fast = pipelines
    assert _assert_same(reference, fast, _texts([SHARED])) > 10_000


def test_later_patterns_win_and_operators_match_as_spacy_does() -> None:
    """A ruler of hand-made patterns (regular expressions, NOT_IN, two tokens, a negative index,
    overlapping patterns) gives the same annotations through both paths."""

    def build():
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": {"REGEX": "^n'?t$"}}]], {"POS": "PART"})
        ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}}]], {"POS": "NOUN"})
        ruler.add([[{"LOWER": "the"}, {"LOWER": "end"}]], {"POS": "PROPN"}, index=-1)
        ruler.add([[{"LOWER": {"IN": ["end", "cat"]}}]], {"MORPH": "Number=Sing"})
        ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
        ruler.add([[{"LOWER": "cat"}]], {"POS": "VERB"})  # later than the NOT_IN pattern: wins
        return nlp

    reference, fast = build(), build()
    assert fastpipe.install(fast) == ["attribute_ruler"]
    text = "The cat didn't see the end  of the cat, n't"
    want, have = reference(text), fast(text)
    assert [t.pos_ for t in have] == [t.pos_ for t in want]
    assert [str(t.morph) for t in have] == [str(t.morph) for t in want]
    assert [t.pos_ for t in have][:2] == ["", "VERB"]
    assert have[6].pos_ == "PROPN"


def test_unsupported_patterns_leave_spacys_ruler_in_place() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert fastpipe.compile_ruler(ruler) is None
    assert fastpipe.install(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert [t.pos_ for t in nlp("very very good")][:2] == ["ADV", "ADV"]


def test_lemmas_already_set_are_kept(pipelines) -> None:
    _, fast = pipelines
    lemmatizer = fast.get_pipe("lemmatizer")
    doc = fast("The geese were flying.", disable=["lemmatizer"])
    doc[1].lemma_ = "kept"
    lemmatizer(doc)
    assert not lemmatizer.overwrite
    assert [t.lemma_ for t in doc] == ["the", "kept", "be", "fly", "."]


def test_a_pipeline_with_the_fast_components_saves_as_spacys_does(pipelines) -> None:
    reference, fast = pipelines
    fast("The geese were flying.")  # the word lists are sets while the pipeline runs
    saved = srsly.msgpack_loads(fast.get_pipe("lemmatizer").to_bytes())["lookups"]
    assert saved == srsly.msgpack_loads(reference.get_pipe("lemmatizer").to_bytes())["lookups"]
    assert fast.to_bytes()  # the whole pipeline too
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
