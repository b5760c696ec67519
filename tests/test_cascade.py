"""The parse cascade: only the units a rule may read are tagged and parsed, and the findings are
exactly those of a run that parses every unit (`Linter(cascade=False)`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import Any

import pytest

from wbl.document import Document, Sentence
from wbl.engine import Linter, LintOptions
from wbl.files import FileLinter
from wbl.nlp import DEEP_FEATURES, RAN, load_pipeline
from wbl.registry import Registry, default_registry
from wbl.rule import Rule, RuleContext, Violation, rule

from .conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from corpus import document as generated_document

SHARED = REPO.parent / "shared" / "corpus"


def _reports(linter: Linter, items: Sequence[tuple[str, bytes]]) -> list[dict]:
    return [report.to_dict() for report in FileLinter(linter).lint_many(items)]


def assert_same_findings(items: Sequence[tuple[str, bytes]], options: LintOptions | None = None) -> None:
    """Reports with the cascade equal reports with every unit parsed, file by file."""
    cascaded = _reports(Linter(options), items)
    full = _reports(Linter(options, cascade=False), items)
    assert len(cascaded) == len(full) == len(items)
    for with_cascade, without in zip(cascaded, full, strict=True):
        assert with_cascade == without, with_cascade["path"]


def _examples() -> Iterator[tuple[str, bytes]]:
    for r in default_registry().rules:
        for example in r.examples:
            yield f"{r.code}-{example.name}", example.markdown.encode()


def test_rule_examples_give_the_same_findings_with_the_cascade() -> None:
    items = list(_examples())
    assert len(items) > 40
    assert_same_findings(items)


def test_generated_documents_give_the_same_findings_with_the_cascade() -> None:
    assert_same_findings([(f"doc-{i}.md", generated_document(i, 300).encode()) for i in range(40)])


# Customers named by their use, not by a list: only the parse shows that these florists are customers.
CUSTOMERS_BY_USE = """# Shelfwise helps independent bookstore owners order books overnight

## Bookstore owners can now promise a book for tomorrow

SEATTLE -- Shelfwise lets independent bookstore owners order any book by 6 pm and get it the next
morning. Owners lose about 9 sales a week when a customer leaves without the book.

## Frequently asked questions

### Does it work elsewhere?

Florists who sell books can use it. Beekeepers who sell books can use it. Auctioneers who sell books can use it.
"""
PARSE_READING = sorted(r.code for r in default_registry().rules if r.needs & DEEP_FEATURES)


@pytest.mark.parametrize("code", PARSE_READING)
def test_each_parse_reading_rule_alone_gives_the_same_findings_with_the_cascade(code: str) -> None:
    """Run alone, so that no other rule's choice of paragraphs hides a prefilter that misses."""
    examples = [(f"{code}-{e.name}", e.markdown.encode()) for e in default_registry().get(code).examples]
    generated = [(f"doc-{i}.md", generated_document(i, 300).encode()) for i in range(6)]
    assert_same_findings([*examples, *generated, ("by-use.md", CUSTOMERS_BY_USE.encode())], LintOptions(select=(code,)))


def test_customer_drift_counts_customers_named_by_their_use() -> None:
    findings = Linter(LintOptions(select=("WB203",))).lint_text(CUSTOMERS_BY_USE).findings
    assert [f.rule for f in findings] == ["WB203"]
    assert "'florist'" in findings[0].message


@pytest.mark.slow  # minutes of parsing, not a process: kept out of the quick run
@pytest.mark.parametrize("folder", ["dev", "dev2"])
def test_dev_corpora_give_the_same_findings_with_the_cascade(folder: str) -> None:
    if not (SHARED / folder).is_dir():
        pytest.skip(f"../shared/corpus/{folder} is not present (it exists only beside the development checkout)")
    items = [(str(path), path.read_bytes()) for path in sorted((SHARED / folder).glob("*.md"))]
    assert_same_findings(items)


@pytest.mark.slow  # minutes of parsing, not a process: kept out of the quick run
@pytest.mark.parametrize("code", PARSE_READING)
def test_each_parse_reading_rule_alone_on_the_dev_corpora(code: str) -> None:
    """Each prefilter on real text, its rule alone (with every rule on, other rules' choices can
    hide a prefilter that misses, as customer-drift's did)."""
    if not (SHARED / "dev").is_dir():
        pytest.skip("../shared/corpus/dev is not present (it exists only beside the development checkout)")
    items = [
        (str(path), path.read_bytes()) for folder in ("dev", "dev2") for path in sorted((SHARED / folder).glob("*.md"))
    ]
    assert_same_findings(items, LintOptions(select=(code,)))


@pytest.mark.slow  # minutes of parsing, not a process: kept out of the quick run
def test_a_thousand_generated_documents_give_the_same_findings_with_the_cascade() -> None:
    assert_same_findings([(f"doc-{i}.md", generated_document(i, 200).encode()) for i in range(1000)])


def _analysed_units(linter: Linter, text: str) -> dict[str, set[str]]:
    """Unit text -> the components the cascade ran on it."""
    linter.doc_cache = {}
    linter.lint_text(text, "prfaq.md")
    return {unit_text: set(doc.user_data.get(RAN, ())) for unit_text, doc in linter.doc_cache.items()}


PRFAQ = """# Shelfwise helps independent bookstore owners order books overnight

## Bookstore owners can now promise a book for tomorrow

SEATTLE -- Shelfwise lets independent bookstore owners order any book by 6 pm and get it the next
morning. Owners lose about 9 sales a week when a customer leaves without the book.

## Frequently asked questions

### How much does it cost?

It costs $30 a month.

### Who delivers the books?

Our drivers deliver them, and the store gets a text when the van leaves.
"""


def test_units_no_rule_reads_are_split_but_not_parsed() -> None:
    # customer-drift counts the nouns of every FAQ paragraph and heading (a question can name a
    # customer), so it is left out here. Then an FAQ question is judged by no rule that reads the
    # parse (the tech-first model judges the answers, where a technical answer is a hint, so "It
    # costs $30 a month." is parsed).
    ran = _analysed_units(Linter(LintOptions(ignore=("customer-drift",))), PRFAQ)
    assert ran["How much does it cost?"] == set()
    assert {"tagger", "parser"} <= ran["Bookstore owners can now promise a book for tomorrow"]


def test_the_builtin_rules_do_not_load_the_entity_recogniser() -> None:
    # The entity recogniser costs about as much as the tagger and parser together, and the
    # sentence models do as well without it (see docs/speed.md), so no built-in rule asks for it.
    from wbl import nlp

    features = Linter().features
    assert "ner" not in features
    available = nlp._package_components(nlp.resolve_model())
    assert "ner" in available and "ner" not in nlp._needed(available, features)


def test_without_the_cascade_every_unit_is_parsed() -> None:
    ran = _analysed_units(Linter(cascade=False), PRFAQ)
    assert all({"tagger", "parser"} <= components for components in ran.values())


def test_markdown_that_is_not_a_prfaq_is_never_parsed() -> None:
    readme = "# Install\n\nRun the installer and then restart the service, which is very fast.\n"
    ran = _analysed_units(Linter(LintOptions(kind="other")), readme)  # no rule judges other Markdown
    assert ran and all(not components for components in ran.values())


def _registry_with(extra: Rule) -> Registry:
    return Registry.from_rules([*default_registry().rules, extra])


def _reads_nouns(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    for unit in document.units:
        for token in unit.nlp:
            if token.pos_ == "NOUN" and token.lower_ == "month":
                yield Violation("a month", unit, token.idx, token.idx + len(token))


def _month_rule(code: str = "WB990", name: str = "month-noun", prefilter: Any = None) -> Rule:
    """A rule that reads the tags (it flags the noun "month"), with or without a prefilter."""
    make = rule(code=code, name=name, category="data", severity="info", summary="s", needs=["pos"], prefilter=prefilter)
    return make(_reads_nouns)


def test_a_rule_without_a_prefilter_gets_every_unit_parsed() -> None:
    linter = Linter(LintOptions(select=("WB990",)), _registry_with(_month_rule()))
    ran = _analysed_units(linter, PRFAQ)
    assert "tagger" in ran["It costs $30 a month."]
    assert [f.text for f in linter.lint_text(PRFAQ).findings] == ["month"]


def _failing_prefilter(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    raise RuntimeError("broken")


def test_a_failing_prefilter_costs_time_not_findings() -> None:
    linter = Linter(LintOptions(select=("WB990",)), _registry_with(_month_rule(prefilter=_failing_prefilter)))
    assert [f.text for f in linter.lint_text(PRFAQ).findings] == ["month"]
    assert any("prefilter failed" in notice for notice in linter.notices)


def test_a_prefilter_that_could_add_nothing_is_not_run() -> None:
    """Once every unit gets a rule's features from the rules before it, its prefilter is skipped;
    the rule still runs and finds what it would."""
    calls: list[str] = []

    def counting_prefilter(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
        calls.append(document.path)
        return iter(())

    later = _month_rule("WB991", "month-noun-again", counting_prefilter)
    registry = Registry.from_rules([*default_registry().rules, _month_rule(), later])
    linter = Linter(LintOptions(select=("WB990", "WB991")), registry)
    assert sorted(f.rule for f in linter.lint_text(PRFAQ).findings) == ["WB990", "WB991"]
    assert calls == []
    alone = Linter(LintOptions(select=("WB991",)), registry)
    alone.lint_text(PRFAQ)
    assert calls == ["<text>"]  # without the rule before it, the prefilter decides


def _naming(keep: Any) -> Any:
    """A prefilter that names the sentences of the units whose text `keep` accepts."""

    def prefilter(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
        return (s for u in document.units if keep(u.text) for s in u.sentences)

    return prefilter


@pytest.mark.parametrize("share", [0.9, 1.01])
def test_prefilters_stop_once_nearly_every_token_is_chosen(share: float, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the rules before have chosen at least `PARSE_ALL_SHARE` of the tokens for a rule's
    features, its prefilter is not run and every unit is parsed for it (as for a rule without a
    prefilter: exact, and cheaper than asking); below that share the prefilter decides."""
    from wbl import engine

    monkeypatch.setattr(engine, "PARSE_ALL_SHARE", share)
    calls: list[str] = []

    def counting_prefilter(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
        calls.append(document.path)
        return iter(())

    later = _month_rule("WB991", "month-noun-again", counting_prefilter)
    question = "How much does it cost?"
    # Both prefilters of WB990 name the one unit with "month" (they never miss a finding): one names
    # every unit but the question (most of the tokens), the other that unit alone.
    for chosen, asked in (
        (_naming(lambda text: text != question), share > 1),
        (_naming(lambda text: "month" in text), True),
    ):
        calls.clear()
        registry = Registry.from_rules([*default_registry().rules, _month_rule(prefilter=chosen), later])
        linter = Linter(LintOptions(select=("WB990", "WB991")), registry)
        ran = _analysed_units(linter, PRFAQ)
        assert (calls == ["prfaq.md"]) is asked
        assert ("tagger" in ran[question]) is not asked
        assert sorted(f.rule for f in linter.lint_text(PRFAQ).findings) == ["WB990", "WB991"]


def test_components_no_selected_rule_needs_are_not_loaded() -> None:
    from wbl import nlp

    sentences_only = nlp._load(nlp.resolve_model(), frozenset({"sentences"}))  # a fresh load, not the shared one
    assert sentences_only.components == {"senter"}
    assert sentences_only.provides("dep") and sentences_only.provides("ner")  # available, if a rule asks
    full = load_pipeline(None, {"sentences", "pos", "lemma", "dep", "ner"})
    assert {"tagger", "parser", "lemmatizer", "ner", "senter"} <= full.components
    tagging = load_pipeline(None, {"sentences", "pos"})
    assert {"tagger", "senter"} <= tagging.components
    assert load_pipeline(None, {"sentences", "pos"}) is tagging  # a loaded pipeline with the components is reused


@pytest.mark.slow
def test_spacy_is_imported_without_its_command_line_which_stays_importable() -> None:
    """A cold run imports spaCy without spacy.cli (typer, weasel, requests); `spacy.cli`, a later
    `import spacy.cli` and `spacy.info()` get the real one. Checked in a fresh interpreter."""
    import subprocess

    probe = (
        "import sys\n"
        "from wbl.nlp import import_spacy, load_pipeline\n"
        "spacy = import_spacy()\n"
        "load_pipeline(None, {'sentences', 'pos', 'lemma', 'dep'})\n"
        "print(sorted(m for m in ('spacy.cli', 'weasel', 'typer', 'requests') if m in sys.modules))\n"
        "print(callable(spacy.cli.download), spacy.info()['spacy_version'] == spacy.__version__)\n"
        "from spacy.cli.info import info\n"
        "print(info.__module__ == 'spacy.cli.info' and 'weasel' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:3] == ["[]", "True True", "True"], done.stderr


def test_prefilters_are_declared_by_every_builtin_rule_that_reads_the_parse() -> None:
    deep = {"pos", "lemma", "dep", "ner"}
    missing = [r.code for r in default_registry().rules if r.needs & deep and r.prefilter is None]
    assert missing == []


def test_the_parse_of_a_unit_completed_in_steps_equals_one_full_run() -> None:
    texts = [p for p in PRFAQ.split("\n\n") if p.strip()]
    pipeline = load_pipeline(None, {"sentences", "pos", "lemma", "dep", "ner"})
    once = pipeline.pipe(texts, {"pos", "lemma", "dep", "ner"})
    steps = pipeline.split(texts)
    pipeline.complete([(doc, {"pos"}) for doc in steps])
    pipeline.complete([(doc, {"lemma", "dep"}) for doc in steps[::2]])
    pipeline.complete([(doc, {"lemma", "dep", "ner"}) for doc in steps])

    def analysis(doc: object) -> list[tuple]:
        return [(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc]

    assert [analysis(d) for d in steps] == [analysis(d) for d in once]


def test_a_paragraph_changed_in_one_sentence_is_analysed_again_in_that_sentence_only() -> None:
    """With a cache (the language server's), each sentence's analysis is kept: an edit that changes
    one sentence of a paragraph runs the pipeline on that sentence alone, and the paragraph's
    analysis equals that of the edited paragraph analysed from scratch."""
    features = {"pos", "lemma", "dep"}
    pipeline = load_pipeline(None, {"sentences", *features})
    paragraph = "Landlords hear about leaks late. The stain shows up first. By then the repair costs more."
    edited = paragraph.replace("shows up first", "is what they see first")
    cache: dict = {}
    (before,) = pipeline.split([paragraph])
    pipeline.complete([(before, features)], cache=cache)
    assert len(cache) == 3
    (after,) = pipeline.split([edited])
    pipeline.complete([(after, features)], cache=cache)
    assert len(cache) == 4  # one sentence analysed again

    def analysis(doc: object) -> list[tuple]:
        return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in doc]

    (fresh,) = pipeline.pipe([edited], features)
    assert analysis(after) == analysis(fresh)
    assert after[0].dep_ == "nsubj" and after[1].dep_ == "ROOT"  # a parse, not empty attributes
