"""Customer focus versus technology first: the tricky parse cases of WB2xx, WB30x and WB821."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from wbl_rules.analysis import base_lexicon, find_lead, lexicon, shaped_like_code, technology_terms

import wbl
from wbl.rule import Severity

from .conftest import EXAMPLES

LEAD = (
    "# Pantry Alerts Tells Bakery Owners When Flour Runs Low\n\nBakery owners can now see what runs out.\n\n"
    "SEATTLE — June 1, 2027 — Today Pantry Alerts launched stock alerts for small bakeries.\n\n"
)
OUR_RULES = ("WB201", "WB202", "WB203", "WB211", "WB212", "WB221", "WB222", "WB301", "WB302", "WB821")


@pytest.fixture(scope="module")
def linters() -> dict[str, wbl.Linter]:
    return {}


def findings(linters: dict[str, wbl.Linter], code: str, markdown: str) -> list[wbl.Finding]:
    linter = linters.setdefault(code, wbl.Linter(wbl.LintOptions(select=(code,))))
    report = linter.lint_text(markdown, "test.md")
    assert not report.errors, report.errors
    return list(report.findings)


def body_flags(linters: dict[str, wbl.Linter], sentence: str) -> list[wbl.Finding]:
    """WB301 findings for `sentence` as a body paragraph after a customer-first lead."""
    return findings(linters, "WB301", LEAD + sentence + "\n")


# --- the technology lexicon and code shapes ---------------------------------------------------


@pytest.mark.parametrize("word", ["DuckDB", "OpenSearch", "AES-256-GCM", "AGENTS.md", "v1.4.2", "x86_64", ".so", "S3"])
def test_code_shapes(word: str) -> None:
    assert shaped_like_code(word)


@pytest.mark.parametrize(
    "word", ["McDonald", "24/7", "$6", "5pm", "1-tap", "shelfwise.example.com", "Seattle", "b5ta.com"]
)
def test_everyday_words_are_not_code(word: str) -> None:
    assert not shaped_like_code(word)


def test_rule_options_extend_the_shared_lexicon() -> None:
    base = base_lexicon()
    extended = lexicon({"extend-technology-terms": ["flux capacitor"]})
    assert "flux capacitor" in extended.terms
    assert "flux capacitor" not in base.terms


def test_an_faq_alone_gets_no_press_release_rule() -> None:
    # A document of questions and answers has no release whose headline could lead with technology.
    text = (
        "# Delivery OS runs on Kubernetes and GitHub Actions\n\n"
        "## FAQ\n\n### What problem does this solve?\n\nTeams coordinate delivery by hand.\n\n"
        "### Who is it for?\n\nRelease managers of teams of five to fifty.\n"
    )
    rules = ("WB202", "WB302")
    as_faq = wbl.Linter(wbl.LintOptions(select=rules, kind="faq")).lint_text(text, "faq.md")
    as_prfaq = wbl.Linter(wbl.LintOptions(select=rules, kind="prfaq")).lint_text(text, "faq.md")
    assert list(as_faq.findings) == []
    assert {f.rule for f in as_prfaq.findings} == set(rules)  # in a PR/FAQ the title is its headline


# --- WB301: the tech-first model on press-release sentences --------------------------------------

_APPOSITIVE_MISS = (
    "known miss of the tech-first model refitted with batches m and n (4,646 sentences): the launch sentence "
    "scores 0.43, under the info threshold (0.49); the model of three refits ago scored it 0.58"
)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Our platform leverages machine learning to forecast ingredient use.", "leverages"),
        ("It is powered by a knowledge graph of every recipe.", "powered"),
        ("The forecasting engine is built on a serverless microservices architecture.", "built"),
        ("Kubernetes schedules the containers behind every forecast.", "Kubernetes"),
        # An implicit subject: the participle "leveraging" has none of its own.
        ("Works with OpenSearch, leveraging its search capabilities.", "leveraging"),
        # An appositive that says what the product is.
        pytest.param(
            "Today we are releasing Acme, an open-source PKCS#11 module for Linux.",
            "PKCS#11",
            marks=pytest.mark.xfail(strict=True, reason=_APPOSITIVE_MISS),
        ),
        ("We could combine them and then do this.", "We could"),
    ],
)
def test_technology_first_sentences(linters, sentence: str, reason: str) -> None:
    """One finding, whose message names the words that drove it."""
    found = body_flags(linters, sentence)
    assert len(found) == 1, [f.message for f in found]
    assert f"'{reason}" in found[0].message or reason in found[0].text, found[0].message
    assert found[0].text and found[0].text in sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Bakers use machine learning forecasts on the phone they already carry.",  # customer subject
        "Use the app on any phone to count the flour.",  # imperative: the reader acts
        "We have a free tier that lets any developer build on this API.",  # the API is in a relative clause
        "Today, Acme announced the first release of the Search Framework for OpenSearch.",  # "for X" is not what it is
        "A working instance on a $6/month VPS is a ten-minute exercise.",  # a measured outcome
        "Acme is available today on GitHub.",  # a call to action
        "Acme is aimed at the operator who wants a server without operating an infrastructure stack.",
        "Shelfwise pools the orders of nearby stores, so a distributor sends one van a night.",
    ],
)
def test_customer_first_sentences(linters, sentence: str) -> None:
    assert body_flags(linters, sentence) == []


def test_a_problem_statement_about_technology_is_at_most_a_hint(linters) -> None:
    """The issue's false-alarm kind: the subject is a technology, but the sentence states a problem."""
    found = body_flags(linters, "LLM agents fail silently when their context windows drift.")
    assert all(f.severity is Severity.INFO for f in found), [f.message for f in found]


def test_lead_sentences_are_left_to_the_headline_rule(linters) -> None:
    markdown = "# Acme: An AI-Powered, Cloud-Native Platform\n\nOur platform leverages ML and blockchain.\n"
    assert findings(linters, "WB301", markdown) == []
    lines = sorted(f.line for f in findings(linters, "WB302", markdown))
    assert lines == [1, 3]


def test_faq_answers_get_at_most_a_hint_and_questions_are_not_judged(linters) -> None:
    markdown = "## FAQ\n\n### How is it built on Kubernetes?\n\nThe service is built on Kubernetes and PostgreSQL.\n"
    found = body_flags(linters, markdown)
    assert [(f.line, f.severity) for f in found] == [(11, Severity.INFO)], [f.message for f in found]
    strict = wbl.Linter(wbl.LintOptions(select=("WB301",), rule_options={"WB301": {"faq-severity": ""}}))
    assert [f.severity for f in strict.lint_text(LEAD + markdown, "t.md").findings] == [Severity.WARNING]


def test_a_note_before_the_release_is_not_judged(linters) -> None:
    """A preamble (a note about the document before "## Press Release") is not the release's prose."""
    sentence = "The forecasting engine is built on a serverless microservices architecture."
    markdown = f"{sentence}\n\n## Press Release\n\n{LEAD.removeprefix('# ')}"
    assert findings(linters, "WB301", "# Pantry Alerts\n\n" + markdown) == []
    # The same sentence in the release is flagged.
    assert len(body_flags(linters, sentence)) == 1


# --- WB302 and the lead --------------------------------------------------------------------------


def test_headline_with_customer_first_is_clean(linters) -> None:
    markdown = "# Acme Lets Bakery Owners Order Flour Before It Runs Out\n\nOwners see what runs out each week.\n"
    assert findings(linters, "WB302", markdown) == []


def test_lead_of_the_bootcamp_template() -> None:
    markdown = (
        "# Project Name #\n\n## Heading ##\n  > Name the product in a way the reader will understand.\n\n"
        "Yodel\n\n## Sub-Heading ##\n  > Describe who the market is.\n\nParty hosts share one playlist.\n\n"
        "## Summary ##\n\nYodel lets guests add songs.\n\n## Problem ##\n\nHosts lose control.\n"
    )
    lead = find_lead(wbl_document(markdown))
    assert (lead.headline.text, lead.subheading.text, lead.summary.text) == (
        "Yodel",
        "Party hosts share one playlist.",
        "Yodel lets guests add songs.",
    )


def test_lead_after_a_press_release_heading_with_bold_title_lines() -> None:
    markdown = (
        "# Acme PR/FAQ\n\n**Status**: draft\n\n## 1. Press Release\n\n### FOR IMMEDIATE RELEASE\n\n"
        "**Acme Lets Bakers Order Flour**\n\n*Bakery owners never run out again*\n\nToday Acme launched.\n"
    )
    lead = find_lead(wbl_document(markdown))
    assert lead.headline.text == "Acme Lets Bakers Order Flour"
    assert lead.subheading.text == "Bakery owners never run out again"
    assert lead.summary.text == "Today Acme launched."


def wbl_document(markdown: str):
    from wbl.document import build_document
    from wbl.markdown import parse
    from wbl.nlp import load_pipeline
    from wbl.source import SourceText

    document = build_document("t.md", SourceText(markdown), parse(markdown))
    pipeline = load_pipeline()
    return document.with_analysis(pipeline.pipe([u.text for u in document.units], {"sentences", "pos", "dep"}))


def test_terms_exclude_the_product_name() -> None:
    document = wbl_document("DuckDB Insights uses DuckDB.\n")
    sentence = document.units[0].sentences[0]
    lex = base_lexicon()
    assert [t.text for t in technology_terms(sentence, lex)] == ["DuckDB", "DuckDB"]
    assert technology_terms(sentence, lex, exclude={"DuckDB"}) == []


# --- WB201, WB202, WB211, WB221, WB821 ------------------------------------------------------------


def test_technology_that_qualifies_the_customer_is_not_first(linters) -> None:
    markdown = "# Acme for ML Engineers\n\nML engineers can now ship a model in a day.\n"
    assert findings(linters, "WB202", markdown) == []


@pytest.mark.parametrize("technology", ["an Open-Source Cluster", "Tidy v2", "an App"])
def test_a_licence_a_channel_or_a_version_is_not_the_pantry(technology) -> None:
    linter = wbl.Linter(wbl.LintOptions(select=("WB202",), kind="press_release"))
    markdown = "# Acme Launches {} That Helps Clinic Schedulers\n\nSchedulers fill cancelled slots in minutes.\n"
    assert linter.lint_text(markdown.format(technology), "t.md").findings == ()
    # A technology a general reader does not know still comes before the customer.
    found = linter.lint_text(markdown.format("a Kubernetes Cluster"), "t.md").findings
    assert [(f.text, f.severity) for f in found] == [("Kubernetes", wbl.Severity.INFO)]  # a hint by default


def test_people_by_their_work_who_now_have_something_are_the_benefit() -> None:
    # "Controllers ... now have a system of record": what the launch gives them (trial C, 2026-12-04).
    linter = wbl.Linter(wbl.LintOptions(select=("WB221",), kind="press_release"))
    body = (
        "The product launches with three tiers and a paid diagnostic that replays proposed workflow skills "
        "against the company's last several thousand historical tickets, surfacing where written policy "
        "contradicts what the support team actually does, and it is available for Stripe Billing today."
    )
    markdown = "# Skiljo launches a governed workflow layer\n\n{lead}\n\n" + body + "\n"
    lead = "Controllers at fintech companies now have a system of record for how refunds are approved."
    assert linter.lint_text(markdown.format(lead=lead), "t.md").findings == ()
    plain = "Controllers at fintech companies had a spreadsheet for how refunds were approved."
    assert [f.rule for f in linter.lint_text(markdown.format(lead=plain), "t.md").findings] == ["WB221"]


def test_fragments_are_not_judged_for_missing_parts(linters) -> None:
    for code in ("WB201", "WB211", "WB221"):
        assert findings(linters, code, "Customers can now accomplish more.\n") == []


def test_customer_voice_counts_you_with_our(linters) -> None:
    markdown = (
        "# Acme\n\nToday we launched Acme. We built it for two years. Our team is proud. "
        "You look for a song in our catalog. You add it. You share it.\n"
    )
    assert findings(linters, "WB821", markdown) == []


# --- the showcase, the bad draft and the labelled corpus ---------------------------------------


def test_showcase_gets_no_warnings_from_these_rules() -> None:
    run = wbl.lint_paths([EXAMPLES / "shelfwise-prfaq.md"], options=wbl.LintOptions(select=OUR_RULES))
    assert [f.message for f in run.findings if f.severity.rank >= Severity.WARNING.rank] == []


def test_technology_first_draft_gets_the_reviewers_findings() -> None:
    run = wbl.lint_paths([EXAMPLES / "datasync-prfaq.md"], options=wbl.LintOptions(select=OUR_RULES))
    found = {(f.rule, f.line) for f in run.findings}
    # Lines 1 and 3 (the headline, and the first summary sentence "Our platform leverages ML and
    # blockchain to deliver ...") lead with technology: see the tests below.
    assert {("WB301", 7), ("WB202", 1), ("WB201", 1), ("WB211", 1)} <= found


@pytest.mark.parametrize("line", [pytest.param(1, id="headline"), pytest.param(3, id="summary-sentence")])
def test_technology_first_lines_of_the_draft(line: int) -> None:
    run = wbl.lint_paths([EXAMPLES / "datasync-prfaq.md"], options=wbl.LintOptions(select=OUR_RULES))
    assert ("WB302", line) in {(f.rule, f.line) for f in run.findings}


def test_the_headline_of_the_bad_example_is_technology_first() -> None:
    bad = Path(__file__).resolve().parent.parent / "rules" / "tech_first" / "tech-first-headline.bad.md"
    run = wbl.lint_paths([bad], options=wbl.LintOptions(select=("WB302",)))
    assert ("WB302", 1) in {(f.rule, f.line) for f in run.findings}


def test_tech_first_precision_and_recall_on_the_dev_corpus(corpus_dir: Path) -> None:
    with (corpus_dir / "sentences.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    linter = wbl.Linter(wbl.LintOptions(select=("tech-first",)))
    tp = fp = fn = 0
    for row in rows:
        predicted = bool(linter.lint_text(row["sentence"] + "\n", "s.md").findings)
        actual = row["tech_first"] == "1"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.85 and recall >= 0.75, (precision, recall)


# --- customers recognised from use, not from the roles list --------------------------------------

_RELEASE_BODY = (
    "Today the app launched in three counties. It costs ten dollars a month, and the first month is free for "
    "everyone who signs up before June. The reports reach the office at once, so nobody types them twice, and "
    "the office answers the same day instead of the next week. Setting it up takes ten minutes: download the "
    "app, sign in with the county account, and pick the forms you file most. Support answers by phone from "
    "seven in the morning to seven at night, every day of the week.\n"
)


def _lead_findings(lead: str) -> list[str]:
    """WB201's findings on a release with this lead, judged as a PR/FAQ whatever its kind."""
    report = wbl.lint_text(lead + _RELEASE_BODY, "test.md", options=wbl.LintOptions(select=("WB201",), kind="prfaq"))
    assert not report.errors and report.kind == "prfaq"
    return [f.rule for f in report.findings]


@pytest.mark.parametrize(
    "lead",
    [
        # None of these nouns is in the roles list: the sentence makes them the customer.
        "# Permitly lets county building inspectors file reports from the field\n\n"
        "## Reports filed before leaving the site\n\n",
        "# Quotewise\n\n## A quoting tool for freelance translators who lose jobs to slow quotes\n\n",
        "# Leakline\n\n## Beekeepers can now see which hive is losing weight\n\n",
        "# Ledgerly helps freelance translators get paid on time\n\n",
        # One person, with an article: "lets the skipper of a small fishing boat log each haul".
        "# TideLog\n\n## A paper-free logbook\n\nTideLog lets the skipper of a small fishing boat log each haul.\n\n",
        # The parser often hangs the enabled verb elsewhere: "an app that lets the skipper ... log".
        "# TideLog\n\nHarbor Lights today launched TideLog, a phone app that lets the skipper of a small fishing "
        "boat log each haul by voice and send the monthly state catch report with one tap.\n\n",
        "# Campfinder\n\n## Pacific Northwest campers can search every park at once\n\n",
        "# TideLog\n\n## Lobster fishermen record their catch in ten seconds\n\n",
        # A generic word singled out by a clause in the present: who they are, what they do.
        "# Ember\n\n## A to-do app for people who are done renting their task list\n\n",
        "# Ailly\n\n## A prompt toolkit for teams building LLM agents\n\n",
        # A people's name in the plural with a "who" clause (trial EA): "New Yorkers who ...".
        "# CityMeal\n\n## New Yorkers who need free food can find a meal site near them\n\n",
        # Whose things the product works on, in the plural (trial FH: "music producers' local
        # machines"); a role capitalised in a sub-heading, and what they get (trial CN).
        "# SampleMind\n\n## SampleMind brings sample analysis to music producers' own laptops\n\n",
        "# ParkPal\n\n## Weekend Hikers will have an easy way to find parks on their route\n\n",
        "# Leakline\n\n## Landlords get a text the minute a pipe drips\n\n",
        # Small businesses by their acronym (round 47: "the spreadsheets an SME already runs on").
        "# Netie DMS\n\n## Netie turns the spreadsheets an SME already runs on into answers\n\n",
    ],
)
def test_customers_named_by_what_they_do_or_get(lead):
    assert _lead_findings(lead) == []


@pytest.mark.parametrize(
    "lead",
    [
        "# DataFlow lets the data flow between systems\n\n## Records move between databases with no code\n\n",
        "# Syncer helps pipelines to run faster\n\n## Jobs finish in half the time\n\n",
        "# Syncer helps pipelines get deployed faster\n\n## Jobs finish in half the time\n\n",
        # A clause in the past tells of an event, not a group; a bare singular is a name.
        "# Pantry Alerts\n\n## Customers who tried it in our pilot ran out less often\n\n",
        "# Syncer can now restart a job\n\n## Jobs finish in half the time\n\n",
        # A program's possessions are no customer's: "the installer's footprint" (singular).
        "# Syncer\n\n## The installer's footprint is one folder and jobs finish in half the time\n\n",
    ],
)
def test_things_an_enabling_verb_acts_on_are_not_customers(lead):
    assert _lead_findings(lead) == ["WB201"]


def test_phrase_tokens_walks_a_parse_deeper_than_python_recurses():
    # A deeply nested Markdown list judged as a PR/FAQ is one sentence of thousands of tokens,
    # each the head of the next: walking it recursively raised RecursionError inside two rules.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from wbl_rules.analysis import phrase_tokens

    size = 3000
    doc = Doc(Vocab(), words=["item"] * size, heads=[max(i - 1, 0) for i in range(size)], deps=["dep"] * size)
    assert [t.i for t in phrase_tokens(doc[0])] == list(range(size))
    assert [t.i for t in phrase_tokens(doc[0], skip=("dep",))] == [0]


SHIPYARD = "\n".join(
    [
        "# Shipyard Lets Data Scientists Serve a Model in One Step",
        "",
        "## Data scientists can now put a model in front of users the day it is trained",
        "",
        "Shipyard lets data scientists serve a trained model with one command.",
        "",
        "## The problem",
        "",
        "Today, deploying one model means writing dozens of Kubernetes manifests across namespaces, and a single "
        "typo breaks the whole release.",
        "",
        "## The solution",
        "",
        "Shipyard stores every model version in a Postgres registry and routes requests through an Envoy proxy.",
        "",
    ]
)


@pytest.mark.parametrize(("threshold", "lines"), [(None, [13]), (0, [9, 13])])
def test_a_problem_stated_about_a_technical_system_is_not_technology_first(threshold, lines) -> None:
    """The labelling guide: a customer's problem is not tech-first, even about a technical system;
    the solution's architecture still is. `problem-statement = 0` judges the problem paragraph too."""
    options = {} if threshold is None else {"tech-first-sentence": {"problem-statement": threshold}}
    linted = wbl.lint_text(
        SHIPYARD, "shipyard.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq", rule_options=options)
    )
    assert [f.line for f in linted.findings] == lines


VAULTLINE = "\n".join(
    [
        "# Vaultline Lets Java Teams Stop Storing Password Hashes",
        "",
        "## Java teams can now sign users in without ever holding a password",
        "",
        "Vaultline lets Java teams sign users in without the server ever seeing a password.",
        "",
        "## The problem",
        "",
        "Each login request is verified against a bcrypt hash stored in the user database.",
        "",
        "Vaultline stores every key in a Postgres registry and routes requests through an Envoy proxy.",
        "",
    ]
)


@pytest.mark.parametrize(("severity", "expected"), [(None, "INFO"), ("", "WARNING")])
def test_the_status_quo_in_technical_terms_is_a_hint_in_the_problem_paragraph(severity, expected) -> None:
    """Trial V (2026-12-05): "the server holds enough information to verify password guesses" is
    the problem, told in its own terms; a sentence there that names the product is still judged."""
    options = {} if severity is None else {"tech-first-sentence": {"problem-severity": severity}}
    linted = wbl.lint_text(
        VAULTLINE, "vaultline.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq", rule_options=options)
    )
    found = {f.line: f.severity.name for f in linted.findings}
    assert found == {9: expected, 11: "WARNING"}


def _product_names_of(text: str) -> frozenset[str]:
    from wbl_rules.analysis import product_names

    return product_names(wbl.Linter().analyse(text, "press-release.md", features=("pos", "lemma", "dep")))


def test_a_common_word_closing_a_product_s_name_is_not_the_product_alone() -> None:
    names = _product_names_of(
        "# The Delegator Agent plans the work for small teams\n\n"
        "The Delegator Agent takes a goal from a developer and splits it into tasks. "
        "The Delegator Agent then hands each task to an agent that reviews code.\n"
    )
    # "Agent" alone would hide every agent in the document.
    assert "Delegator Agent" in names and "Agent" not in names


def test_a_brand_written_in_lower_case_is_a_name() -> None:
    """ "playdrawr" (trial CI, 2026-12-06) was jargon in its own release; a word English uses is not
    taken for a name, nor an unknown word the headline does not hold."""
    names = _product_names_of(
        "# playdrawr Launches a Free World Cup Sweepstake\n\n"
        "playdrawr today launched a free sweepstake platform for office football fans. "
        "playdrawr was built by a fan who ran the office sweepstake on paper. "
        "kubectlx restarts the draw. kubectlx sends the results.\n"
    )
    assert "playdrawr" in names and "kubectlx" not in names and "sweepstake" not in names


def test_a_camel_case_name_whose_command_is_written_in_lower_case_is_still_a_name() -> None:
    names = _product_names_of(
        "# ApplyKit: A Job Search Pipeline That Works While You Sleep\n\n"
        "Today Jeff Watson released ApplyKit, a pipeline that watches career pages overnight. "
        "Run `applykit score` on any job post.\n"
    )
    assert "ApplyKit" in names


def test_a_two_word_name_of_the_headline_repeated_as_written_is_the_product_s() -> None:
    """ "Agent OS" is the product's name though "OS" alone is technology: no jargon finding on it
    (undefined-acronym still asks for "OS" to be spelt out once); a pair the release does not
    repeat is no name."""
    text = (
        "# Agent OS Lets Families Run Their Own AI at Home\n\n"
        "Agent OS runs on one desktop computer. Agent OS keeps every memory on the family's own disk, "
        "and no Families Run account is needed.\n"
    )
    names = _product_names_of(text)
    assert "Agent OS" in names and "OS" not in names and "Families Run" not in names
    linted = wbl.lint_text(text, "press-release.md", options=wbl.LintOptions(select=("WB401",), kind="prfaq"))
    assert not [f for f in linted.findings if f.text == "OS"]


def test_the_problem_s_key_words_are_named_as_written_without_its_label():
    text = (
        "# Pantry Alerts Tells Bakery Owners When Flour Will Run Low\n\n"
        "Today Crumb & Co. launched Pantry Alerts for bakeries.\n\n"
        "**Problem:** Bakery owners lose their sales data and miss their KPIs twice a month.\n\n"
        "**Solution:** Pantry Alerts gives every shop a loyalty card program with stamps and rewards.\n"
    )
    options = wbl.LintOptions(select=("WB212",), kind="press_release")
    [finding] = wbl.lint_text(text, "t.md", options=options).findings
    assert "('lose', 'sales', 'data', 'miss', 'KPIs')" in finding.message  # not 'problem', 'datum', 'kpi'


def test_the_document_s_title_is_no_sentence_of_the_release():
    text = (
        "# PR/FAQ: Tallybook Match API\n\n"
        "## Tallybook Match Lets Marketplace Finance Teams Close the Month in Two Days\n\n"
        "NEW YORK, September 8, 2025 — Finance teams at online marketplaces can now match every bank "
        "payment to the right invoice.\n"
    )
    options = wbl.LintOptions(select=("WB202", "WB421"), kind="prfaq")
    report = wbl.lint_text(text, "prfaq.md", options=options)
    assert not [f for f in report.findings if f.line == 1], report.findings


def test_a_customer_who_can_do_something_in_a_clause_inside_the_sentence_is_a_benefit() -> None:
    from wbl_rules.analysis import pr_sentences, segments_of
    from wbl_rules.benefit.checks import benefit_sentence

    def benefits(sentence: str) -> list[bool]:
        text = f"# Kona: the state layer for agents\n\nToday I'm open-sourcing Kona. {sentence}\n"
        document = wbl.Linter(wbl.LintOptions(kind="press_release")).analyse(text, "kona.md")
        lex = base_lexicon()
        segments = segments_of(document, lex)
        return [benefit_sentence(s, lex, segments) for s in pr_sentences(document) if s.text.startswith("The model")]

    assert benefits("The model writes the plan as a graph you can read and approve.") == [True]
    assert benefits("The model writes the plan as a graph you cannot read.") == [False]
    # The customer handed something by the product: the object of a verb of showing or telling.
    assert benefits("The model tells you which step failed and why.") == [True]
    assert benefits("The model shows landlords every open repair request.") == [True]
    assert benefits("The model tells the story of the company.") == [False]
    # What the product is designed or built to do for the customer (round 36 of the user trials);
    # not a customer's own second verb in a problem ("Teams end up spending ...").
    assert benefits("The model is designed to save small businesses two hours a day.") == [True]
    assert benefits("The model has launched to help marketing agencies track their brands.") == [True]
    assert benefits("The model is designed to store every invoice.") == [False]
    assert benefits("The model is expected to save small businesses an hour.") == [False]


def test_a_note_before_the_release_is_not_the_release_s_first_words() -> None:
    """Trial P: "Fills templates/definition/prfaq.md." above "## 1. Press release" was the
    release's first technology term."""
    import wbl

    text = (
        "# PR/FAQ: Wrenfield Verified Same-Day\n\n"
        "Fills templates/definition/prfaq.md. Everything here is invented for a course.\n\n"
        "## 1. Press release\n\n"
        "### Wrenfield shows homeowners who is coming to their door\n\n"
        "Homeowners booking a plumber can now see that the contractor's background check is fresh.\n"
    )
    report = wbl.lint_text(text, path="prfaq.md", options=wbl.LintOptions(select=("WB202",)))
    assert [f.text for f in report.findings] == []


def test_a_phone_platform_is_a_channel_not_the_pantry() -> None:
    import wbl

    text = "# Seeker launches an iOS podcast app that finally lets your backlogs coexist\n\nToday Seeker launched.\n"
    report = wbl.lint_text(text, path="prfaq.md", options=wbl.LintOptions(select=("WB202",)))
    assert report.findings == ()


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("At US banks, each login request is verified against a bcrypt hash stored in the user database.", "INFO"),
        (
            "Vaultline's engine stores every key in a Postgres registry and routes requests through an Envoy proxy.",
            "WARNING",
        ),
        ("Our engine stores every key in a Postgres registry and routes requests through an Envoy proxy.", "WARNING"),
    ],
)
def test_a_problem_sentence_that_names_the_product_is_judged_as_the_release(sentence, severity) -> None:
    """Review (2026-12-05): "Vaultline's" names the product; "US" is no "us"."""
    text = VAULTLINE.replace(
        "Each login request is verified against a bcrypt hash stored in the user database.", sentence
    )
    linted = wbl.lint_text(text, "vaultline.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq"))
    assert {f.line: f.severity.name for f in linted.findings}.get(9) == severity


@pytest.mark.parametrize(
    ("headline", "flagged"),
    [
        # The company that announces, named in the lead, is a name (trial AU), not technology.
        ("H1Founders Launches WIN CLUB for immigrant founders", False),
        ("GitHub Launches Copilot Chat for developers", False),
        # An acronym before the announcement may be the product's kind: still technology.
        ("AI-Powered CRM Launches for bakeries", True),
        ("LiDAR Scanner Launches for surveyors", True),
    ],
)
def test_the_announcing_company_is_no_technology(headline: str, flagged: bool) -> None:
    text = f"# {headline}\n\nBOSTON, MA - January 2026 - The team today shipped it to every customer.\n"
    options = wbl.LintOptions(select=("WB202",), kind="press_release")
    findings = wbl.lint_text(text, "t.md", options=options).findings
    assert bool(findings) is flagged, [f.message for f in findings]
