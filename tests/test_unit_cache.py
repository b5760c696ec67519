"""The language server's per-unit cache of local rules (`Linter.unit_cache`, `Rule.local`) and its
store of the rules' verdicts by sentence (`Linter.sentence_cache`, "sentence" memo keys): after any
edit, the findings equal a fresh lint, a local rule runs only on the units that changed, and a
sentence model judges only the sentences that changed."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from wbl_rules.jargon import checks as jargon_checks
from wbl_rules.tech_first import checks as tech_first_checks

from wbl.document import Document, MemoKey, Sentence, sentence_context
from wbl.engine import Linter, LintOptions, build
from wbl.lsp import DocCache
from wbl.nlp import load_pipeline
from wbl.registry import Registry, default_registry
from wbl.rule import RuleContext, Violation, rule

from .conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from corpus import document as generated_document


def _editing_linter(options: LintOptions | None = None, registry: Registry | None = None) -> Linter:
    linter = Linter(options, registry)
    linter.doc_cache, linter.unit_cache, linter.parse_cache = DocCache(), DocCache(10_000), DocCache(20_000)
    linter.sentence_cache = DocCache(20_000)
    return linter


def _edits(text: str) -> Iterator[str]:
    """A paragraph changed again and again, one added above it, one removed, a heading renamed."""
    paragraphs = text.split("\n\n")
    target = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    for version in range(4):
        edited = list(paragraphs)
        edited[target] += f" It was very quickly built by many teams, version {version}."
        yield "\n\n".join(edited)
    yield "\n\n".join([*paragraphs[:2], "Several owners said it will be significantly faster.", *paragraphs[2:]])
    yield "\n\n".join(paragraphs[:target] + paragraphs[target + 1 :])
    yield text.replace("## The problem", "## Frequently asked questions", 1)
    # Acronyms (remembered per unit): used before their definition, then defined first.
    use, definition = "Our KMS and HSM hold the keys.", "A key management service (KMS) rotates them."
    yield "\n\n".join([*paragraphs[:2], use, *paragraphs[2:], definition])
    yield "\n\n".join([*paragraphs[:2], definition, *paragraphs[2:], use])
    # Placeholders (unfinished-draft remembers each paragraph's matches).
    yield "\n\n".join([*paragraphs[:2], "Launch date: TBD.", *paragraphs[2:]])
    yield "\n\n".join([*paragraphs[:2], "Launch date: TBD, price XX.", *paragraphs[2:]])
    # A block quote whose text stays the same becomes a quotation when the paragraph before it
    # introduces a speaker, and prose again when that paragraph goes (passive-voice reads which).
    quoted = "> Every order was checked by hand before it shipped."
    yield "\n\n".join([*paragraphs[:2], "Prices went up this year.", quoted, *paragraphs[2:]])
    speaker = '"We wanted one screen," said Dana Ruiz, a bookstore owner in Leeds:'
    yield "\n\n".join([*paragraphs[:2], speaker, quoted, *paragraphs[2:]])
    yield "\n\n".join([*paragraphs[:2], "Prices went up this year.", quoted, *paragraphs[2:]])
    # The same answer under a question about risks, then under another one (weasel-word lets a
    # hedge pass in what answers "What are the risks?").
    answer = "Crews may be overbooked on popular days, so the page caps bookings per route."
    for question in ("**What are the risks?**", "**How do residents book?**"):
        yield "\n\n".join([*paragraphs, "## Internal FAQ", question, answer])


def test_findings_after_edits_equal_a_fresh_lint() -> None:
    text = generated_document(3, 900)
    editing, fresh = _editing_linter(), Linter()
    assert editing.lint_text(text, "prfaq.md").to_dict() == fresh.lint_text(text, "prfaq.md").to_dict()
    for edited in _edits(text):
        assert editing.lint_text(edited, "prfaq.md").to_dict() == fresh.lint_text(edited, "prfaq.md").to_dict()
    assert editing.unit_cache  # the local rules' findings were kept


def test_builtin_local_rules() -> None:
    local = {r.name for r in default_registry().rules if r.local}
    assert {"buzzword", "passive-voice", "wordy-phrase"} <= local
    # long-sentence, paragraph-readability and weasel-word read a unit's role (the boilerplate
    # gets hints); weasel-word also the unit after it (a list a quantifier counts).
    document_level = {"jargon-density", "undefined-acronym", "document-readability", "tech-first-sentence"}
    assert not local & (document_level | {"long-sentence", "paragraph-readability", "weasel-word"})


CALLS: list[int] = []


def _counting(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    for unit in document.units:
        CALLS.append(unit.index)
        if "very" in unit.text:
            start = unit.text.index("very")
            yield Violation("very", unit, start, start + 4)


def test_a_local_rule_runs_only_on_changed_units() -> None:
    counting = rule(code="WB991", name="very-counter", category="weasel", severity="info", summary="s", local=True)(
        _counting
    )
    registry = Registry.from_rules([*default_registry().rules, counting])
    linter = _editing_linter(LintOptions(select=("WB991",)), registry)
    text = "# Shelfwise\n\nOwners are very busy.\n\nThey sell books.\n\nThe van is very fast.\n"
    first = linter.lint_text(text, "prfaq.md")
    assert sorted(CALLS) == [0, 1, 2, 3]
    CALLS.clear()
    second = linter.lint_text(text.replace("They sell books.", "They sell many books."), "prfaq.md")
    assert CALLS == [2]  # only the edited paragraph
    assert [(f.line, f.column) for f in first.findings] == [(3, 12), (7, 12)]
    assert [(f.line, f.column) for f in second.findings] == [(3, 12), (7, 12)]
    CALLS.clear()
    moved = linter.lint_text("# Shelfwise\n\nA new paragraph.\n\n" + text.split("\n\n", 1)[1], "prfaq.md")
    assert CALLS == [1]  # the new paragraph; the others moved down and are placed anew
    assert [(f.line, f.column) for f in moved.findings] == [(5, 12), (9, 12)]


CHOSEN: list[int] = []


def _choosing(document: Document, ctx: RuleContext) -> Iterator[Any]:
    for unit in document.units:
        CHOSEN.append(unit.index)
        yield from (s for s in unit.sentences if "very" in s.text)


def _whole_document(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Not local: one finding at the first unit when any unit says "very"."""
    if any("very" in u.text for u in document.units):
        yield Violation("very, somewhere", document.units[0], 0, 1)


def test_a_local_prefilter_of_a_document_rule_runs_only_on_changed_units() -> None:
    """`local_prefilter`: the rule is judged on the whole document, but its prefilter's choice in a
    unit is remembered, so after an edit it runs on the changed unit only; findings stay a fresh
    lint's."""
    whole = rule(
        code="WB992",
        name="very-anywhere",
        category="weasel",
        severity="info",
        summary="s",
        needs=("pos",),
        prefilter=_choosing,
        local_prefilter=True,
    )(_whole_document)
    assert not whole.local and whole.local_prefilter
    registry = Registry.from_rules([*default_registry().rules, whole])
    linter = _editing_linter(LintOptions(select=("WB992",)), registry)
    fresh = Linter(LintOptions(select=("WB992",)), registry)
    text = "# Shelfwise\n\nOwners are busy.\n\nThey sell books.\n\nThe van is fast.\n"
    first = linter.lint_text(text, "prfaq.md")
    assert sorted(CHOSEN) == [0, 1, 2, 3]
    assert first.to_dict() == fresh.lint_text(text, "prfaq.md").to_dict()
    CHOSEN.clear()
    edited = text.replace("They sell books.", "They sell very many books.")
    second = linter.lint_text(edited, "prfaq.md")
    assert CHOSEN == [2]  # the edited paragraph only
    assert second.findings and second.to_dict() == fresh.lint_text(edited, "prfaq.md").to_dict()


def test_builtin_local_prefilters() -> None:
    """The built-in rules whose prefilter reads one unit at a time say so; those whose prefilter
    reads the lead or the document's title do not."""
    rules = {r.name: r for r in default_registry().rules}
    assert rules["jargon-density"].local_prefilter and rules["no-specific-customer"].local_prefilter
    assert rules["customer-drift"].local_prefilter  # every FAQ or quoted paragraph, and the press release
    assert not rules["tech-first-sentence"].local_prefilter


SPLIT_KEY = MemoKey("test.split", "split")
ANALYSIS_KEY = MemoKey("test.analysis", "analysis")
DEEP = {"pos", "lemma", "dep"}


def test_a_split_value_survives_the_parse_an_analysis_value_does_not() -> None:
    pipeline = load_pipeline(None, DEEP)
    document = build("a.md", "# Title\n\nMany users wait for the HSM.\n")
    split = document.with_analysis(pipeline.split([u.text for u in document.units]))
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    unit = split.units[1]
    assert (SPLIT_KEY.remember(unit, compute), ANALYSIS_KEY.remember(unit, compute)) == (1, 2)
    pipeline.complete([(u.nlp, DEEP) for u in split.units])
    parsed = split.with_analysis([u.nlp for u in split.units]).units[1]
    assert SPLIT_KEY.remember(parsed, compute) == 1  # kept through the parse
    assert ANALYSIS_KEY.remember(parsed, compute) == 3  # computed again on the parsed Doc


def test_the_packs_split_values_are_those_of_a_parsed_doc() -> None:
    """What the pack remembers in the "split" scope (prefilters' answers, acronym uses, word
    counts) reads nothing the parse adds: computed on split Docs, it equals its value on Docs
    parsed in one go."""
    from wbl_rules.analysis import acronyms
    from wbl_rules.sentences import default_sentence_lexicon, may_hold_jargon

    pipeline = load_pipeline(None, DEEP)
    document = build(
        "prfaq.md", generated_document(5, 900) + "\n\nOur KMS (key management service) and HSM hold keys.\n"
    )
    texts = [u.text for u in document.units]
    split = document.with_analysis(pipeline.split(texts))
    parsed = document.with_analysis(pipeline.pipe(texts, DEEP))
    slex, options = default_sentence_lexicon(), default_registry().get("undefined-acronym").options

    def values(doc: Document) -> list[Any]:
        return [[u.word_count, [may_hold_jargon(s, slex) for s in u.sentences]] for u in doc.units] + [
            [(a.key, a.unit.index, a.start, a.end, a.defines) for a in acronyms(doc, options)]
        ]

    before = values(split)
    pipeline.complete([(u.nlp, DEEP) for u in split.units])
    assert values(split.with_analysis([u.nlp for u in split.units])) == before == values(parsed)
    # The acronym rule's options are part of the remembered value's key.
    assert "KMS" in {a.key for a in acronyms(parsed, options)}
    assert "KMS" not in {a.key for a in acronyms(parsed, {**options, "exempt": [*options["exempt"], "KMS"]})}


def test_linters_with_other_options_sharing_analyses_find_what_fresh_ones_do() -> None:
    """Values remembered with a unit's analysis name the options they depend on: a linter with
    other options reusing the same spaCy Docs finds what a fresh linter finds."""
    text = generated_document(5, 900) + "\n\nLaunch date: TBD. Our KMS and HSM hold the keys.\n"
    shared = DocCache()
    default = _editing_linter()
    default.doc_cache = shared
    default.lint_text(text, "prfaq.md")
    patterns = [{"name": "keys", "regex": r"\bkeys\b", "advice": "say which"}]
    options = LintOptions(
        rule_options={"unfinished-draft": {"patterns": patterns}, "undefined-acronym": {"extend-exempt": ["KMS"]}}
    )
    other = _editing_linter(options)
    other.doc_cache = shared
    found = other.lint_text(text, "prfaq.md").to_dict()
    assert found == Linter(options).lint_text(text, "prfaq.md").to_dict()
    assert found != default.lint_text(text, "prfaq.md").to_dict()


# A press release and FAQ whose sentences are all different (the generated documents repeat some).
RELEASE = """# Ledgerly: invoices a bakery owner can trust

## Small bakery owners can now send an invoice in seconds

SEATTLE, WA -- Today Acme launches Ledgerly for small bakeries. Ledgerly runs on a Kafka event bus \
with PostgreSQL storage and Redis caching. Bakery owners send an invoice from their phone before \
the morning rush. The OAuth tokens are rotated by our Kubernetes cluster every hour. Owners see at \
a glance which invoices are late. Built on a serverless Lambda architecture, it scales to [NUMBER] \
customers in [City, State].

Tenant data is separated at the container level. We could combine our ML models with the CRM.

"We built the backend on gRPC microservices," said Dana Ruiz, CTO of Acme. "Owners no longer \
chase payments."

## Frequently asked questions

### How is it built?

It uses a Kafka event bus and PostgreSQL. The API is a Go service on AWS Fargate behind an ALB.
"""


def _judged_sentences(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the sentences tech-first's and jargon's models judge from now on."""
    judged: list[str] = []

    def counting(module: Any, name: str) -> None:
        original: Callable[..., Any] = getattr(module, name)

        def count(sentence: Sentence, *args: Any) -> Any:
            judged.append(sentence.text)
            return original(sentence, *args)

        monkeypatch.setattr(module, name, count)

    counting(tech_first_checks, "_judge")
    counting(jargon_checks, "_weigh")
    return judged


def test_an_edit_rejudges_only_the_sentences_it_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    editing, fresh = _editing_linter(), Linter()
    first = editing.lint_text(RELEASE, "prfaq.md")
    assert {"WB301", "WB401"} <= {f.rule for f in first.findings}  # tech-first and jargon judge
    judged = _judged_sentences(monkeypatch)
    edited = RELEASE.replace("from their phone before", "from their tablet before")
    found = editing.lint_text(edited, "prfaq.md")
    changed = "Bakery owners send an invoice from their tablet before the morning rush."
    assert set(judged) == {changed}  # not the five other sentences of the paragraph
    assert found.to_dict() == fresh.lint_text(edited, "prfaq.md").to_dict()
    judged.clear()
    assert editing.lint_text(RELEASE, "prfaq.md").to_dict() == first.to_dict()
    assert judged == []  # undone: every verdict was kept


def test_a_sentence_verdict_is_not_kept_without_a_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the server's store (the command line), a verdict is kept with its paragraph's
    analysis only: a linter keeps nothing from one text to the next."""
    linter = Linter()
    linter.lint_text(RELEASE, "prfaq.md")
    judged = _judged_sentences(monkeypatch)
    linter.lint_text(RELEASE, "prfaq.md")
    assert len(judged) > 10


def _sentence_edits(text: str) -> Iterator[str]:
    """Edits that keep a sentence's words but change what its verdict reads around them."""
    paragraph = "Tenant data is separated at the container level. We could combine our ML models with the CRM."
    yield text.replace("from their phone before", "from their tablet before")
    # The product's names: "Kafka" becomes the product (never technology, never jargon).
    yield text.replace("# Ledgerly: invoices", "# Kafka: invoices").replace("launches Ledgerly", "launches Kafka")
    yield text.replace("Ledgerly", "Tenant")
    # A paragraph moved from the press release to the FAQ (tech-first's cap there).
    moved = text.replace(paragraph + "\n\n", "")
    yield moved.replace("### How is it built?\n\n", f"### How is it built?\n\n{paragraph}\n\n")
    # A sentence put in quotes, then a neighbouring sentence changed in its last words and its first.
    quoted = text.replace("Owners see at a glance which invoices are late.", '"Owners see which invoices are late."')
    yield quoted
    yield quoted.replace("every hour.", "every single hour.")
    yield quoted.replace("Built on a serverless", "Hosted on a serverless")
    # Neighbours glued to a sentence, a placeholder across a sentence end, a masked run of punctuation.
    yield text.replace("every hour. Owners", "every hour.Owners")
    yield text.replace("[City, State]", "[City. State]")
    # The same sentence inside a placeholder the splitter cut, then outside it.
    yield text.replace("Today Acme", "Contact [EXEC NAME. Kafka and Kubernetes run the gRPC backend] today. Acme")
    yield text.replace("Today Acme", "Contact EXEC NAME. Kafka and Kubernetes run the gRPC backend] today. Acme")
    yield text.replace("Redis caching.", "Redis caching ((((((((((((((((((((.")
    yield text.replace("Redis caching.", "Redis caching ----------------------.")
    yield text.replace("the CRM.", "the CRM. Today we used to.").replace("Tenant data", "Used data")
    # Inline code, which is not in the analysed text (company-centric voice reads it), and the company's voice.
    yield text.replace("Owners see at a glance", "We see at a glance").replace("with PostgreSQL", "with `pg`")
    yield text.replace("Owners see at a glance", "We see at a glance")


def test_findings_after_sentence_edits_equal_a_fresh_lint() -> None:
    editing, fresh = _editing_linter(), Linter()
    for text in [RELEASE, *_sentence_edits(RELEASE), RELEASE]:
        assert editing.lint_text(text, "prfaq.md").to_dict() == fresh.lint_text(text, "prfaq.md").to_dict(), text
    assert editing.sentence_cache  # the verdicts were kept by sentence


def _context(paragraph: str, sentence: str) -> Any:
    document = Linter().analyse(f"# Title\n\n{paragraph}\n")
    found = [s for s in document.units[1].sentences if s.text == sentence]
    assert len(found) == 1, [s.text for s in document.units[1].sentences]
    return sentence_context(found[0])


def test_a_sentence_context_holds_what_its_values_may_read() -> None:
    """The key of a sentence's values: its text and tokens, two tokens on either side and any
    word they are glued to, whatever unit it stands in; nothing further."""
    middle = "They pay at once."
    base = _context("Owners often send invoices. They pay at once. Nobody waits for them.", middle)
    assert base is not None
    # Further than two tokens away: the same context (so the verdict is reused).
    assert _context("Bakers never send invoices. They pay at once. Nobody waits for us.", middle) == base
    # Within two tokens, or glued to a word within them: another context.
    assert _context("Owners often send invoices! They pay at once. Nobody waits for them.", middle) != base
    assert _context("Owners often send invoices. They pay at once. Nobody ever waits for them.", middle) != base
    glued = _context("Owners send them by e-mail. They pay at once. Nobody waits.", middle)
    assert glued != _context("Owners send them by g-mail. They pay at once. Nobody waits.", middle)
    # The sentence's own text, where the analysed text masks a long run of punctuation (wbl.nlp).
    masked = [_context(f"They pay {run}.", f"They pay {run}.") for run in ("(" * 20, "-" * 20)]
    assert None not in masked and masked[0] != masked[1]
