"""The anatomy's parts in reports (the scorecard), and the structure, length and quote rules that read them."""

from __future__ import annotations

import json
import subprocess
import textwrap
from importlib import resources
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, clean_env, wbl_command
from wbl.anatomy import PARTS, Anatomy, alias_part, template_prompt
from wbl.corpus import PART_COLUMNS, load_documents
from wbl.document import build_document
from wbl.engine import Linter, LintOptions
from wbl.files import FileLinter
from wbl.findings import FileReport
from wbl.kinds import load_rule
from wbl.markdown import parse
from wbl.registry import Registry
from wbl.rule import Rule, Severity
from wbl.source import SourceText

RULES = {
    "structure": [
        "missing-pr-part",
        "missing-faq",
        "unanswered-question",
        "solution-before-problem",
        "internal-faq-gaps",
        "unfinished-draft",
    ],
    "length": ["press-release-length", "faq-length", "long-summary"],
    "quote": ["unattributed-quote", "marketing-customer-quote"],
}


def _rules() -> list[Rule]:
    rules = []
    for category, slugs in RULES.items():
        folder = resources.files(f"wbl_rules.{category}")
        for slug in slugs:
            rules.append(load_rule(folder.joinpath(f"{slug}.toml"), folder, f"wbl_rules.{category}"))
    return rules


@pytest.fixture(scope="module")
def linter() -> Linter:
    """Only this module's rules, so the tests do not depend on the rest of the pack."""
    return Linter(LintOptions(kind="prfaq"), Registry.from_rules(_rules()))


def card_of(markdown: str) -> Anatomy:
    text = textwrap.dedent(markdown).lstrip()
    source = SourceText(text)
    return build_document("<test>", source, parse(source.text)).anatomy


def shape(card: Anatomy) -> dict[str, int | None]:
    return {name: part.line for name, part in card.parts.items()}


# --- part detection ---------------------------------------------------------------------------

WITH_HEADINGS = """
    # Project Name #

    ## Heading ##
      > Name the product in a way the reader (i.e. your target customers) will understand.

    Kettle

    ## Sub-Heading ##

    Bakery owners take pre-orders by text.

    ## Summary ##

    Today Harbor Labs launched Kettle for small bakeries.

    ## Problem ##

    Owners guess how much to bake.

    ## Solution ##

    Kettle adds up the orders by 9 p.m.

    ## Quote from You ##

    "Owners bake what is sold," said Mia Olsen, head of Kettle.

    ## How to Get Started ##

    Sign up at kettle.example.com.

    ## Customer Quote ##
      > Provide a quote from a hypothetical customer that describes how they experienced the benefit.
"""


def test_parts_by_heading_and_template_prompts_are_not_content() -> None:
    card = card_of(WITH_HEADINGS)
    assert shape(card) == {
        "headline": 6,
        "subheading": 10,
        "summary": 14,
        "problem": 18,
        "solution": 22,
        "leader_quote": 26,
        "call_to_action": 30,
    }
    # The customer-quote section holds only the template's prompt: the part is missing.
    assert not card.present("customer_quote")
    assert [r.prompt[:12] for r in card.residue] == ["Project Name", "Name the pro", "Provide a qu"]


WITHOUT_HEADINGS = """
    # Kettle Lets Small Bakeries Take Pre-Orders

    ## Bakery owners can now take next-day pre-orders by text

    PORTLAND, OR, June 2, 2027 — Today Harbor Labs launched Kettle. Owners post tomorrow's menu.

    Small bakery owners guess each night how much to bake, and they throw bread away when they guess
    high. Customers leave empty-handed when they guess low.

    Kettle sends the menu at 6 p.m. and adds up the orders by 9 p.m.

    "Owners told us the waste hurt more than the hours," said Mia Olsen, head of Kettle at Harbor Labs.

    "I used to bin two trays every Monday," said Tom Reyes, owner of Flour House in Salem.

    Bakery owners can start today at kettle.example.com.

    ## FAQ

    ### How much does Kettle cost?

    $29 a month.

    ### How many bakeries could use Kettle, and what would make it fail?

    About 9,000; it fails if customers ignore the evening text.
"""


def test_parts_by_order_and_content() -> None:
    card = card_of(WITHOUT_HEADINGS)
    assert shape(card) == {
        "headline": 1,
        "subheading": 3,
        "dateline": 5,
        "summary": 5,
        "problem": 7,
        "solution": 10,
        "leader_quote": 12,
        "call_to_action": 16,
        "customer_quote": 14,
        "faq": 18,
        "external_faq": 20,
        "internal_faq": 24,
        "big_idea": 24,
        "pre_mortem": 24,
    }
    leader, customer = card.quotes
    assert (leader.name, leader.role) == ("Mia Olsen", "head of Kettle at Harbor Labs")
    assert (customer.speaker, customer.name) == ("customer", "Tom Reyes")


BOLD_LABELS = """
    **Kettle Lets Small Bakeries Take Pre-Orders**
    *Bakery owners take next-day pre-orders by text*

    Today Harbor Labs launched Kettle for small bakeries.

    **Problem**

    Owners guess how much to bake.

    Solution: Kettle adds up the orders by 9 p.m.

    **External FAQ**

    **Q: How much does Kettle cost?**

    A: $29 a month.

    **Internal FAQ**

    **Q: Why should we build this, and what does it cost us?**

    A: TODO
"""


def test_bold_labels_act_as_headings() -> None:
    card = card_of(BOLD_LABELS)
    assert shape(card) == {
        "headline": 1,
        "subheading": 2,
        "summary": 4,
        "problem": 8,
        "solution": 10,
        "faq": 12,
        "external_faq": 12,
        "internal_faq": 18,
        "should_we": 20,
        "plan_to_succeed": 20,
    }
    questions = card.questions
    assert [q.audience for q in questions] == ["external", "internal"]
    assert [q.answer_text for q in questions] == ["$29 a month.", "TODO"]


def test_document_titles_are_not_headlines_and_pr_faq_is_not_the_faq() -> None:
    card = card_of(
        """
        # PR/FAQ: Kettle

        Kettle is a service. It adds up bakery pre-orders by text message every evening for the owner.
        """
    )
    assert card["headline"] is not None and card["headline"].via == "position"  # the title names the product
    assert not card.present("faq")
    assert card.prose("pr")


def test_aliases_and_prompts_match_with_light_edits() -> None:
    assert alias_part("## Quotfrom You ##") == "leader_quote"
    assert alias_part("2. Closing and Call to Action") == "call_to_action"
    assert alias_part("Our roadmap") is None
    assert template_prompt("Describe the problem that your product solves") is not None
    assert template_prompt("Owners describe the problem in their own words.") is None


def test_empty_document_has_an_all_missing_scorecard() -> None:
    card = card_of("")
    assert set(card.to_dict()) == set(PARTS)
    assert not any(part["present"] for part in card.to_dict().values())


# --- scorecard in reports ---------------------------------------------------------------------


def test_scorecard_in_file_report(linter: Linter) -> None:
    report = linter.lint_text(textwrap.dedent(WITHOUT_HEADINGS).lstrip(), "kettle.md").to_dict()
    problem = report["scorecard"]["problem"]
    assert (problem["present"], problem["line"], problem["via"]) == (True, 7, "content")
    assert 0.5 <= problem["confidence"] <= 1.0
    assert report["scorecard"]["should_we"] == {"present": False, "line": None}
    assert report["kind"] == "prfaq" and 0 <= report["score"]["score"] <= 100
    assert list(report["scorecard"]) == list(PARTS)


README = """\
# tally

A command-line tool that totals the expenses in a CSV file.

## Install

```sh
pip install tally
```

## Usage

Run `tally expenses.csv` to print the total of each category. The `--month` option limits the
total to one month. Contributions are welcome: open an issue first.
"""


def test_json_gives_no_score_or_scorecard_for_other_markdown() -> None:
    auto = Linter(LintOptions(), Registry.from_rules(_rules()))  # the kind as wbl finds it
    report = auto.lint_text(README, "README.md")
    assert report.kind == "other" and not report.judged and not report.findings
    shown = report.to_dict()
    assert shown["kind"] == "other" and shown["score"] is None and shown["scorecard"] is None
    # The result cache and worker processes keep the anatomy's view (`compact`).
    kept = FileReport.from_dict(report.to_dict(compact=True), source_text=report.source_text)
    assert kept.scorecard == report.scorecard and kept.score == report.score


@pytest.mark.slow
def test_scorecard_in_cli_json() -> None:
    path = EXAMPLES / "shelfwise-prfaq.md"
    run = subprocess.run(
        [*wbl_command(), "check", "--format", "json", str(path)], capture_output=True, text=True, env=clean_env()
    )
    assert run.returncode in (0, 1), run.stderr
    card = json.loads(run.stdout)["files"][0]["scorecard"]
    assert all(card[name]["present"] for name in PARTS), card
    assert (card["problem"]["present"], card["problem"]["line"]) == (True, 16)


# --- rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.code)
def test_rule_examples(rule: Rule, linter: Linter) -> None:
    assert rule.doc and {e.kind for e in rule.examples} == {"good", "bad"}
    for example in rule.examples:
        found = sorted(
            (f.line, f.column, f.rule)
            for f in linter.lint_text(example.markdown, example.name).findings
            if f.rule == rule.code
        )
        if example.kind == "good":
            assert not found, f"{example.name}: {found}"
        else:
            assert found == sorted(example.expected()), f"{example.name}: {found}"


def test_showcase_gets_no_structure_length_or_quote_findings(linter: Linter) -> None:
    report = FileLinter(linter).lint_file(EXAMPLES / "shelfwise-prfaq.md")
    assert not report.errors
    assert [(f.rule, f.line, f.message) for f in report.findings] == []


def test_bad_draft_gets_the_structural_findings(linter: Linter) -> None:
    auto = Linter(LintOptions(), Registry.from_rules(_rules()))  # the kind as wbl finds it
    report = FileLinter(auto).lint_file(EXAMPLES / "datasync-prfaq.md")
    found = {(f.rule, f.severity.value) for f in report.findings}
    assert report.kind == "press_release"
    assert ("WB101", "warning") in found  # no problem paragraph, and no paragraph near one
    assert ("WB101", "info") in found  # no sub-heading: a hint
    assert ("WB102", "warning") in found  # no FAQ: half of the document is missing
    # A team that writes the release first makes that a hint, and keeps the rest of the rule.
    first = Linter(LintOptions(rule_options={"WB102": {"no-faq-severity": "info"}}), Registry.from_rules(_rules()))
    relaxed = {(f.rule, f.severity.value) for f in FileLinter(first).lint_file(EXAMPLES / "datasync-prfaq.md").findings}
    assert ("WB102", "info") in relaxed and ("WB102", "warning") not in relaxed
    # A release that links to its FAQ, kept in a file of its own, hears it as a hint.
    linked = (EXAMPLES / "datasync-prfaq.md").read_text(encoding="utf-8") + "\nSee the FAQ in [faq.md](faq.md).\n"
    found = {(f.rule, f.severity.value) for f in auto.lint_text(linked, "datasync-prfaq.md").findings}
    assert ("WB102", "info") in found and ("WB102", "warning") not in found
    # No one quoted and nothing that may invite the reader: the quotes and the call to action are
    # surely missing (the part before the colon names what is missing).
    sure = [f.message.split(":")[0] for f in report.findings if f.rule == "WB101" and f.severity.value == "warning"]
    assert any("customer quote" in m and "call to action" in m for m in sure), sure
    hint = next(f.message for f in report.findings if f.rule == "WB101" and f.severity.value == "info")
    assert "subheading" in hint.split(":")[0]


# --- the development corpus -------------------------------------------------------------------


def test_dev_corpus_part_judgements(corpus_dir: Path) -> None:
    """The reviewer's part labels (Y, p and ph present, N absent) against the anatomy's parts.

    Partial cells ("p") are not judged, as before the anatomy. The anatomy was developed while
    reading these documents, so this is an in-sample floor that catches regressions; the
    held-out figures are in docs/judgement.md.
    """
    right = total = 0
    wrong = []
    for doc in [d for folder in (corpus_dir, corpus_dir.parent / "dev2") for d in load_documents(folder)]:
        text = doc.path.read_text(encoding="utf-8").removeprefix("\ufeff")
        anatomy = build_document(doc.name, SourceText(text), parse(text)).anatomy
        for column, part in PART_COLUMNS.items():
            expected = doc.present(column)
            if expected is None or doc.labels[column].lower().split(" ")[0] == "p":
                continue  # a partial part ("p (city)") is not judged either way
            total += 1
            if anatomy.present(part) == expected:
                right += 1
            else:
                wrong.append(f"{doc.name}:{part}")
    assert total >= 300
    assert right / total >= 0.95, wrong


def test_placeholder_attribution_is_reported_once(linter: Linter) -> None:
    text = textwrap.dedent(
        """
        # Kettle Lets Small Bakeries Take Pre-Orders

        Today Harbor Labs launched Kettle. Owners post tomorrow's menu by text.

        "We bake what is already sold," said [NAME, TITLE].

        "A teacher's order was ready the next morning," said a regular customer.
        """
    ).lstrip()
    found = [(f.rule, f.line) for f in linter.lint_text(text).findings if f.rule in ("WB110", "WB801")]
    assert found == [("WB110", 5), ("WB801", 7)]


def test_a_template_prompt_is_one_finding_and_a_filled_in_title_none(linter: Linter) -> None:
    """User trials: a prompt's second sentence was a duplicate finding, and "# Project Name #"
    over the product's name is the template's label filled in."""
    text = textwrap.dedent(
        """
        # Project Name #
        Kettle

        ## Summary ##
          > Give a summary of the product and the benefit. Assume the reader will not read anything else.

        Today Harbor Labs launched Kettle, so small bakeries can take pre-orders by text.
        """
    ).lstrip()
    [finding] = [f for f in linter.lint_text(text).findings if f.rule == "WB110"]
    assert (finding.line, finding.column) == (5, 5)
    assert finding.text.startswith("Give a summary of the product")
    # Not filled in: a blank line, then the next section; or a line that is no name the release
    # uses again (review of 2026-12-06).
    for below in ("", "Author: Jane Smith\n", "*Internal draft*\n", "Working title\n"):
        unfilled = text.replace("# Project Name #\nKettle\n", f"# Project Name #\n{below}")
        found = [(f.line, f.text) for f in linter.lint_text(unfilled).findings if f.rule == "WB110"]
        assert found[0] == (1, "Project Name"), below
    # Only the template's titles: a prompt heading over a short line is still a prompt.
    prompt = "## Describe the problem your product solves\nBakers lose orders.\n\nToday Kettle launched.\n"
    assert [f.line for f in linter.lint_text(prompt).findings if f.rule == "WB110"] == [1]


def test_an_answer_left_open_is_reported_once(linter: Linter) -> None:
    """ "TBC" and "To be determined." as a whole answer are unanswered-question's, not also
    unfinished-draft's (review of 2026-12-06)."""
    text = (
        "# Ledger lets bakeries close their books\n\nToday Ledger launched for bakery owners.\n\n## FAQ\n\n"
        "### How much does it cost?\n\nTBC\n\n### When does it ship?\n\nTo be determined.\n"
    )
    found = [(f.rule, f.line) for f in linter.lint_text(text).findings if f.rule in ("WB103", "WB110")]
    assert found == [("WB103", 7), ("WB103", 11)]


def test_missing_parts_are_named_once_at_the_headline(linter: Linter) -> None:
    text = textwrap.dedent(BOLD_LABELS).lstrip()
    # The italic line under the headline is the sub-heading to the anatomy, no quotation it failed
    # to read (rounds 37 and 38 of the user trials): the dateline and the quotes are surely missing,
    # and so is the call to action (no link, address or code block in the release): one warning.
    findings = [f for f in linter.lint_text(text).findings if f.rule == "WB101"]
    assert [(f.line, f.severity.value) for f in findings] == [(1, "warning")]
    sure = findings[0].message
    labels = ("a dateline", "a quote from a company leader", "a customer quote", "a call to action")
    assert all(label in sure for label in labels)
    assert "a hint" not in sure and "problem" not in sure.split(":")[0]
    # A link in the release may be its call to action in a form wbl does not read: a hint, which
    # says why it is one; the warning does not (user trials read the difference as inconsistency).
    linked = text.replace("by 9 p.m.", "by 9 p.m. See [kettle.example](https://kettle.example).")
    findings = [f for f in linter.lint_text(linked).findings if f.rule == "WB101"]
    assert [(f.line, f.severity.value) for f in findings] == [(1, "warning"), (1, "info")]
    sure, hint = (f.message for f in findings)
    assert hint.endswith("a hint, not a warning: the file may hold it in a form wbl does not read")
    assert "a call to action" in hint and "quote" not in hint.split(":")[0]
    assert "a call to action" not in sure and "a customer quote" in sure
    # An italic line in the body may be a quotation wbl does not read as one: the quotes' absence
    # is then a hint, and the dateline and the call to action are sure.
    italic = text.replace(
        "Owners guess how much to bake.", "Owners guess how much to bake.\n\n*We bin a third of our bread.*"
    )
    findings = [f for f in linter.lint_text(italic).findings if f.rule == "WB101"]
    assert [(f.line, f.severity.value) for f in findings] == [(1, "warning"), (1, "info")]
    assert findings[0].message.startswith("Press release lacks a dateline and how to get started / a call to action:")
    assert all(label in findings[1].message for label in ("a quote from a company leader", "a customer quote"))


@pytest.mark.parametrize(
    "invitation",
    [
        "Owners sign up at kettle.example.",  # an address: wbl finds no invitation here, it may be one
        "Write to hello@kettle.bakery.",
        "```\npip install kettle\n```",  # the commands to install
        # Invitations wbl does not read as the release's call to action (a review's probes).
        "Owners can reach our team at (503) 555-0100.",
        "Tap the Kettle button in your bakery's dashboard.",
        "Kettle is available today for every bakery in Oregon.",
        "Order pages live at kettle.de.",
        # Imperatives of any verb, read from the parse (a second review's probes).
        "Ask your pharmacist about Kettle.",
        "Scan the QR code on the flour bag.",
        "To start, bring your bottle to any Kettle store.",
    ],
)
def test_a_missing_call_to_action_is_a_hint_where_the_release_may_hold_one(linter: Linter, invitation: str) -> None:
    text = textwrap.dedent(BOLD_LABELS).lstrip()
    text = text.replace("by 9 p.m.\n", "by 9 p.m.\n\n" + invitation + "\n")
    findings = [f for f in linter.lint_text(text).findings if f.rule == "WB101"]
    sure = [f.message.split(":")[0] for f in findings if f.severity.value == "warning"]
    assert sure and all("call to action" not in message for message in sure), findings


def test_a_getting_started_label_over_commands_is_the_call_to_action(linter: Linter) -> None:
    # A bold label right above a code block (held-out N02): the block is how to get started.
    text = textwrap.dedent(BOLD_LABELS).lstrip()
    text = text.replace("by 9 p.m.\n", "by 9 p.m.\n\n**Getting started:**\n\n```bash\nbrew install kettle\n```\n")
    assert card_of(text).get("call_to_action") is not None
    findings = [f for f in linter.lint_text(text).findings if f.rule == "WB101"]
    assert all("call to action" not in f.message.split(":")[0] for f in findings)
    # Another label over a block (an example's output) is no call to action.
    other = text.replace("**Getting started:**", "**Example output:**")
    assert card_of(other).get("call_to_action") is None


def _dated_plain_release() -> str:
    """BOLD_LABELS with a plain sub-heading, a dateline and a link to sign up: only the quotes can be
    missing for sure."""
    plain = textwrap.dedent(BOLD_LABELS).lstrip().replace("*Bakery owners", "Bakery owners").replace("text*", "text")
    plain = plain.replace("by 9 p.m.\n", "by 9 p.m. Sign up at [kettle.com](https://kettle.com).\n")
    return plain.replace("Today Harbor Labs", "PORTLAND, Ore. — March 3, 2027 — Today Harbor Labs")


@pytest.mark.parametrize(
    "quotation",
    [
        '"We threw out bread every night," said Ana Lopez.',  # a quote wbl reads (the leader's)
        "*I used to bin forty loaves every Monday. Now I bin four.*\n— Tom Ruiz, owner of Ruiz Bakery",
        "**Tom Ruiz, owner of Ruiz Bakery**\nI used to bin forty loaves every Monday.",
        "> I used to bin forty loaves every Monday.",
    ],
)
def test_a_missing_quote_is_a_hint_where_the_document_may_quote_someone(linter: Linter, quotation: str) -> None:
    # Someone may be quoted, in a form or under a role wbl does not tell: the customer's quote
    # may be there, so its absence stays a hint (a reviewer's audit: a finished PR/FAQ with
    # italic quotes signed "— Name, role" failed the hook).
    plain = _dated_plain_release()
    quoted = plain.replace("Owners guess how much to bake.", "Owners guess how much to bake.\n\n" + quotation)
    findings = [f for f in linter.lint_text(quoted).findings if f.rule == "WB101"]
    assert [f.severity.value for f in findings] == ["info"]
    assert "a customer quote" in findings[0].message
    # The same document without the quotation, a term in quotation marks or not: a warning.
    scare = plain.replace("how much to bake.", 'how much to bake for the "morning rush".')
    for text in (plain, scare):
        assert "warning" in {f.severity.value for f in linter.lint_text(text).findings if f.rule == "WB101"}


BIFROST = """# Jupyter Bifrost: Interactive Data Visualization in JupyterLab

**Explore a dataset by pointing at a chart instead of writing every query.**

Jupyter Bifrost introduces a rapid way to explore data. It lets analysts filter and regroup a
dataset from a chart in JupyterLab, and it writes the code for each step.

Without interactive visualizations, exploring datasets through code is slow and tedious. Writing
out each transformation distracts from the data itself, and each question takes several iterations.

Jupyter Bifrost connects the code written in JupyterLab to a chart you can click, drag and filter.
Every change you make on the chart becomes a line of Pandas code.

To get started, install Bifrost and plot any Pandas dataframe. Download Jupyter Bifrost today.
"""


def test_a_problem_paragraph_the_anatomy_finds_is_a_problem_statement() -> None:
    """No-problem-statement reads the anatomy: a problem paragraph found by position, wording and
    meaning counts even when no sentence has a customer noun beside a pain word."""
    report = Linter(LintOptions(kind="prfaq", select=("WB211",))).lint_text(BIFROST, "bifrost.md")
    assert not report.findings
    document = Linter(LintOptions(kind="prfaq")).analyse(BIFROST, "bifrost.md")
    assert document.anatomy["problem"].text.startswith("Without interactive visualizations")


def test_a_problem_paragraph_found_by_content_counts_from_the_rule_s_confidence() -> None:
    options = LintOptions(kind="prfaq", select=("WB211",), rule_options={"WB211": {"min-confidence": 1.0}})
    report = Linter(options).lint_text(BIFROST, "bifrost.md")
    assert [f.rule for f in report.findings] == ["WB211"]


def test_a_release_without_a_summary_still_hears_what_it_lacks():
    # Given (or taken) for a PR/FAQ, a draft whose summary wbl cannot find is told every missing
    # part, the summary among them, and that it has no FAQ (the rules once stayed silent).
    text = "# Acme Reader\n\nThe product helps people do things.\n"
    report = Linter(LintOptions(select=("WB101", "WB102"), kind="prfaq")).lint_text(text, "draft.md")
    messages = [f.message for f in report.findings]
    assert any("lacks" in m and "a summary paragraph" in m for m in messages)
    assert any("lacks" in m and "a customer quote" in m for m in messages)
    assert any(f.rule == "WB102" and "No FAQ" in f.message for f in report.findings)


def test_a_summary_is_measured_without_its_run_in_label_and_dateline() -> None:
    # The same four sentences, bare or after a "**Summary.**" label and a dateline, measure the same
    # (the label once counted as a fifth sentence, and label and dateline as 10 more words).
    summary = (
        "Gantry today announced Flaky Test Quarantine, a new feature of Gantry CI for engineering teams. "
        "Quarantine watches every test run across a repository, finds tests that pass and fail on the "
        "same commit, and moves them to a quarantine list so that they no longer fail the build. Teams "
        "get a weekly report of quarantined tests and can fix them when they have time. In a pilot with "
        "twelve teams, blocked merges fell from nine a week to two, and nobody had to rerun a build "
        "three times to get a change in."
    )
    headline = "# Gantry CI Launches Flaky Test Quarantine\n\n"
    labelled = f"{headline}**Summary.** SAN FRANCISCO, CA – March 3, 2027 – {summary}\n"
    strict = Linter(LintOptions(kind="prfaq", select=("WB523",), rule_options={"WB523": {"max-words": 60}}))
    [bare] = strict.lint_text(headline + summary + "\n", "gantry.md").findings
    [finding] = strict.lint_text(labelled, "gantry.md").findings
    assert finding.message == bare.message and "has 4 sentences" in finding.message
    assert finding.text.startswith("Gantry today announced")
    words = int(finding.message.split(" words")[0].rsplit(" ", 1)[1])
    lenient = Linter(LintOptions(kind="prfaq", select=("WB523",), rule_options={"WB523": {"max-words": words}}))
    assert not lenient.lint_text(labelled, "gantry.md").findings


@pytest.mark.parametrize(
    ("dateline", "flagged"),
    [
        ("SAN FRANCISCO — Nimbic today announced SynergyHub, a planner for nurses.", "SAN FRANCISCO"),
        ("SEATTLE, WA — Nimbic today announced SynergyHub, a planner for nurses.", "SEATTLE, WA"),
        ("SAN FRANCISCO — May 3, 2027 — Nimbic today announced SynergyHub, a planner for nurses.", None),
        ("OPEN SOURCE — SynergyHub plans shifts for nurses.", None),  # a label, no launch after it
        # The date just after the place's dash, an aside before the last dash (trial D, 2026-12-04).
        (
            "**LONDON — Thursday, May 3, 2027** (this will be earlier in other places as the app rolls out) — "
            "Nimbic today announced SynergyHub for nurses.",
            None,
        ),
        ("**Charlotte, NC — August 2027**", None),
        # A slot where the date goes is the slot's own finding, not a second one (trial CH, 2026-12-06);
        # another slot there is no date ("[COMPANY NAME]").
        ("**Mumbai, India — [Launch Date] 2027**\n\nNimbic today announced SynergyHub for nurses.", None),
        ("**Seattle, WA — [COMPANY NAME]**\n\nNimbic today announced SynergyHub for nurses.", "Seattle, WA"),
        ("SEATTLE, WA — Today Nimbic announced SynergyHub, which plans shifts in 2027.", "SEATTLE, WA"),
    ],
)
def test_a_dateline_with_a_place_and_no_date_is_unfinished(dateline: str, flagged: str | None) -> None:
    text = f"# Nimbic Launches SynergyHub for Nurses\n\n{dateline}\n\nNurses plan their shifts in five minutes.\n"
    report = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(text, "pr.md")
    found = [f.text for f in report.findings if "has no date" in f.message]
    assert found == ([flagged] if flagged else [])


def test_a_date_on_its_own_line_above_the_headline_dates_the_dateline() -> None:
    # "**August 2026**" set above the headline, the place repeated in the dateline below it.
    text = (
        "**FOR IMMEDIATE RELEASE**\n**August 2026**\n\n# Nimbic Launches SynergyHub for Nurses\n\n"
        "**Seattle, WA** — Nimbic today announced SynergyHub, a planner for nurses.\n"
    )
    report = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(text, "pr.md")
    assert report.findings == ()
    undated = text.replace("**August 2026**\n", "")
    report = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(undated, "pr.md")
    assert [f.text for f in report.findings] == ["Seattle, WA"]


def test_a_date_in_the_header_block_above_the_release_dates_the_dateline() -> None:
    # Round 43 of the user trials: "**Date:** 1 October 2026" in the fields under "FOR IMMEDIATE
    # RELEASE", then a section heading, the headline and the subheading before the place.
    text = (
        "# Press Release & FAQ\n\n**FOR IMMEDIATE RELEASE**  \n**Date:** 1 October 2026  \n"
        "**Product:** SynergyHub  \n**Contact:** Dana Ruiz\n\n---\n\n## PRESS RELEASE\n\n"
        "### Nimbic Launches SynergyHub for Nurses\n\nShift planning that takes five minutes\n\n"
        "**BENGALURU, INDIA** — Nimbic today announced SynergyHub, a planner for nurses.\n"
    )
    linter = Linter(LintOptions(select=("WB110",), kind="press_release"))
    assert linter.lint_text(text, "pr.md").findings == ()
    # Other labels of the launch date (review of round 44).
    for field in (
        "**Release:** October 1, 2026",
        "**Released:** October 1, 2026",  # review of round 45: "Release" took the label's first letters
        "**Launch day:** Thursday, October 1, 2026",
        "**Announced:** 1 October 2026",
    ):
        assert linter.lint_text(text.replace("**Date:** 1 October 2026", field), "pr.md").findings == ()
    # A year alone, the date of an edit, a review or a milestone is no launch date (review of round 43).
    for field in (
        "**Date:** 2026",
        "**Last updated:** 1 October 2026",
        "Reviewed: 12 March 2025",
        "Pilot ended: 30 June 2025",
    ):
        report = linter.lint_text(text.replace("**Date:** 1 October 2026", field), "pr.md")
        assert [f.text for f in report.findings] == ["BENGALURU, INDIA"]


def test_document_readability_reads_the_release_not_the_notes_above_it() -> None:
    notes = (
        "# Leakline: PR/FAQ\n\n"
        "Methodological considerations notwithstanding, this preliminary documentation encapsulates "
        "organizational deliberations regarding infrastructural instrumentation, comprehensive "
        "environmental telemetry, and consequential remediation prioritization.\n\n"
    )
    release = (
        "## Leakline tells landlords about a leak\n\n"
        "SEATTLE — March 3, 2027 — Leakline today launched a sensor for landlords. It texts you when a pipe leaks. "
        "You fix the pipe the same day. The stain never shows. Tenants stay dry. You save money. "
        "Most leaks start small. A drip under a sink can run for weeks. Nobody sees it. Then the ceiling "
        "below turns brown. The repair costs ten times more. Leakline puts a small sensor under each sink. "
        "It costs ten dollars. It lasts five years. Landlords can buy it today at leakline.example.\n"
    )
    linter = Linter(LintOptions(select=("WB502",), kind="press_release", rule_options={"WB502": {"min-words": 50}}))
    assert linter.lint_text(notes + release, "pr.md").findings == ()
    [finding] = (
        Linter(
            LintOptions(
                select=("WB502",), kind="press_release", rule_options={"WB502": {"min-words": 50, "max-grade": 1}}
            )
        )
        .lint_text(notes + release, "pr.md")
        .findings
    )
    assert finding.line == 7  # the release's first line of prose, not the notes


def test_a_release_of_one_paragraph_gets_one_readability_finding() -> None:
    """Round 31 of the user trials: on a one-paragraph release, document-readability repeated
    paragraph-readability (same grade, same place). Paragraph-readability supersedes it."""
    paragraph = (
        "Comprehensive municipal infrastructure instrumentation facilitates longitudinal environmental "
        "monitoring. Administrative stakeholders consequently prioritize remediation expenditures "
        "systematically. Organizational accountability mechanisms substantially strengthen institutional "
        "responsiveness."
    )
    text = f"# Leakline tells landlords about a leak\n\n{paragraph}\n"
    options = LintOptions(
        select=("WB501", "WB502"),
        kind="press_release",
        rule_options={"WB501": {"min-words": 10}, "WB502": {"min-words": 10}},
    )
    [finding] = Linter(options).lint_text(text, "pr.md").findings
    assert (finding.rule, finding.severity.value) == ("WB501", "warning")
    assert [f.rule for f in finding.also] == ["WB502"]
    # Two paragraphs: the document's grade is its own finding, at the start of the hardest (the
    # first of two alike), flagging no words of its own.
    two = Linter(options).lint_text(f"{text}\n{paragraph}\n", "pr.md").findings
    assert sorted(f.rule for f in two) == ["WB501", "WB501", "WB502"]
    [whole] = [f for f in two if f.rule == "WB502"]
    assert (whole.line, whole.column, whole.text) == (3, 1, "")


def test_future_tense_leaves_the_notes_before_the_release_alone() -> None:
    text = (
        "# Leakline: PR/FAQ\n\n"
        "Today we will discuss the product idea and what it will take to build it.\n\n"
        "## Press Release\n\n"
        "### Leakline tells landlords about a leak before the ceiling stains\n\n"
        "SEATTLE — March 3, 2027 — Leakline today launched a sensor that texts landlords within a minute. "
        "Next year it will call them too.\n"
    )
    report = Linter(LintOptions(select=("WB721",), kind="press_release")).lint_text(text, "pr.md")
    assert [(f.line, f.text) for f in report.findings] == [(9, "will")]


def test_jargon_density_reads_the_headline_but_not_section_headings() -> None:
    text = (
        "# PR/FAQ: Leakline\n\n"
        "## Leakline Ships a Kubernetes-Native Telemetry Runtime for Landlords\n\n"
        "SEATTLE — March 3, 2027 — Leakline today launched a sensor that texts landlords within a minute.\n\n"
        "## Kubernetes Telemetry Runtime Internals\n\n"
        "Landlords can order sensors today at leakline.example.\n"
    )
    report = Linter(LintOptions(select=("WB401",), kind="press_release")).lint_text(text, "pr.md")
    assert [f.line for f in report.findings] == [3]


def test_a_summary_of_a_few_short_sentences_is_not_long() -> None:
    headline = "# Gantry CI Launches Flaky Test Quarantine\n\n"
    short = "Gantry today launched Quarantine. Tests fail less. Builds pass. Teams ship. Nobody waits.\n"
    long = (
        "Gantry today launched Quarantine, which moves a flaky test out of the way of every build. "
        "Teams that lose an hour a day to reruns get it back the first week they turn it on. "
        "Each quarantined test still runs, and its owner gets a note with the last ten failures. "
        "Builds stay green while the owner fixes the test, and nothing is hidden from the team. "
        "It is free for open-source projects.\n"
    )
    linter = Linter(LintOptions(kind="prfaq", select=("WB523",)))
    assert linter.lint_text(headline + short, "gantry.md").findings == ()
    [finding] = linter.lint_text(headline + long, "gantry.md").findings
    assert "has 5 sentences" in finding.message


def test_a_quote_signed_with_a_role_after_a_is_attributed_to_nobody_named() -> None:
    text = (
        "# Leakline tells landlords about a leak before the ceiling stains\n\n"
        "SEATTLE — March 3, 2027 — Leakline today launched a sensor that texts landlords within a minute.\n\n"
        '> "I used to find out from the tenant downstairs. Now my phone tells me in a minute."\n'
        "> — *a customer*\n"
    )
    [finding] = Linter(LintOptions(select=("WB801",), kind="press_release")).lint_text(text, "pr.md").findings
    assert "attributed to 'a customer', not a named person" in finding.message
    assert (finding.line, finding.text) == (6, "a customer")


def test_a_long_sentence_and_its_paragraph_s_grade_are_one_finding() -> None:
    """Trial M: a one-sentence list item got both WB501 and WB503 at the same place (WB501 scores
    only paragraphs of two sentences or more: one of 40 words or more is over WB503's limit)."""
    import wbl

    sentence = (
        "The administration console provides comprehensive operational visualizations covering expenditure, "
        "utilization, organizational hierarchy, regional infrastructure topology, authentication credentials, "
        "configuration policies, quota simulation and administrative auditing for every individual tenant "
        "organization, including historical consumption analytics, departmental chargeback calculations and "
        "anomaly investigation across every production deployment region worldwide."
    )
    report = wbl.lint_text(f"- {sentence}\n", path="x.md", options=wbl.LintOptions(kind="fragment"))
    readability = [f for f in report.findings if f.rule in ("WB501", "WB503")]
    assert [f.rule for f in readability] == ["WB503"]  # a paragraph of one sentence: the sentence's finding
    two = wbl.lint_text(f"- {sentence} It is long.\n", path="x.md", options=wbl.LintOptions(kind="fragment"))
    assert {"WB501", "WB503"} <= {f.rule for f in two.findings}  # with a second sentence, the paragraph too


def test_lines_typed_with_bullet_characters_are_sentences_of_their_own() -> None:
    import wbl
    from wbl.readability import with_line_ends

    items = [
        "AI Email Agent: Responds to routine inquiries in five minutes, day and night",
        "Smart Lead Qualification: Automatically identifies promising prospects for the owner",
        "Calendar Integration: Books meetings without any back-and-forth scheduling emails",
    ]
    text = "The system includes:\n" + "\n".join(f"• {item}" for item in items) + "\n"
    report = wbl.lint_text(text, path="x.md", options=wbl.LintOptions(kind="fragment", select=("WB503",)))
    assert report.findings == ()  # 40 words and more in one "sentence" before
    assert with_line_ends("Includes: • One item that is here • Another item that is there").split("\n") == [
        "Includes:",
        "• One item that is here.",
        "• Another item that is there",
    ]


def test_a_speaker_whose_role_was_given_needs_it_once() -> None:
    import wbl

    text = (
        "# Acme Launches an Email Assistant That Saves Small Business Owners Hours Each Week\n\n"
        "Today Acme launched an email assistant for owners of small businesses.\n\n"
        '"I was drowning in my inbox," said Shane Cheek, founder of Acme. "Now it answers for me."\n\n'
        '"This is about reclaiming your mornings," Cheek continued.\n\n'
        '"It paid for itself in a week," Dana Ruiz said.\n'
    )
    report = wbl.lint_text(text, path="release.md", options=wbl.LintOptions(select=("WB801",)))
    assert [f.message.split(" names ")[1].split(" but")[0] for f in report.findings] == ["Dana Ruiz"]


def test_a_sentence_that_opens_with_a_figure_is_a_sentence_of_its_own() -> None:
    """Trial N: "... received positive response. 80% of users reported ..." was one 48-word sentence."""
    import wbl
    from wbl.engine import Linter

    linter = Linter(wbl.LintOptions(kind="fragment"))
    text = "The engine has already received a positive response. 80% of users reported it. See vol. 3 first.\n"
    sentences = [s.text for u in linter.analyse(text).units for s in u.sentences]
    assert sentences[:2] == ["The engine has already received a positive response.", "80% of users reported it."]


def test_a_sentence_that_opens_with_a_capital_after_a_word_is_a_sentence_of_its_own() -> None:
    """Trial DB (2026-12-06): "... or a separate runtime. PlatformIO, raw MicroPython, and ESP-IDF
    may ..." was one 43-word sentence."""
    import wbl
    from wbl.engine import Linter

    linter = Linter(wbl.LintOptions(kind="fragment"))
    text = (
        "Not yet: Arduino, PlatformIO as the deploy path, or a separate runtime. PlatformIO, raw MicroPython, and "
        "ESP-IDF may still appear inside a GCU.\n"
    )
    sentences = [s.text for u in linter.analyse(text).units for s in u.sentences]
    assert sentences == [
        "Not yet: Arduino, PlatformIO as the deploy path, or a separate runtime.",
        "PlatformIO, raw MicroPython, and ESP-IDF may still appear inside a GCU.",
    ]
    # Not after a lower-case abbreviation a name may follow (review of 2026-12-06).
    for kept in ("We interviewed mrs. Jones about the loaves.", "Bakers met gen. Ruiz at the fair."):
        assert [s.text for u in linter.analyse(kept + "\n").units for s in u.sentences] == [kept]
    split = [
        s.text for u in linter.analyse("Nobody saw it coming! Bakers now order at noon.\n").units for s in u.sentences
    ]
    assert split == ["Nobody saw it coming!", "Bakers now order at noon."]


def test_a_name_written_with_an_exclamation_mark_does_not_end_its_sentence() -> None:
    """Trial DK (2026-12-06): "¡Fiesta! is your one-stop-shop for parties" was two sentences, and a
    four-sentence summary was counted as five."""
    import wbl
    from wbl.engine import Linter

    linter = Linter(wbl.LintOptions(kind="fragment"))
    text = "¡Fiesta! lets you rate the parties you attend. Socialize Now! makes it easier. It works! Try it.\n"
    sentences = [s.text for u in linter.analyse(text).units for s in u.sentences]
    assert sentences == [
        "¡Fiesta! lets you rate the parties you attend.",
        "Socialize Now! makes it easier.",
        "It works!",
        "Try it.",
    ]
    # Not after an interjection or before a name in lower case (review of 2026-12-06).
    for kept in ("Congratulations! your order has shipped.", "Done! iPhone users pay by tap."):
        assert len([s for u in linter.analyse(kept + "\n").units for s in u.sentences]) == 2, kept
    # A name opened by "¿" ends with "?" (round 52 of the user trials: a four-sentence summary
    # counted as five); a plain question before a lower-case word still ends its sentence.
    text = "¿Donde? is an app for new students. Where is it? the app knows.\n"
    sentences = [s.text for u in linter.analyse(text).units for s in u.sentences]
    assert sentences == ["¿Donde? is an app for new students.", "Where is it?", "the app knows."]


def test_a_figure_with_a_magnitude_letter_can_end_a_sentence() -> None:
    """A user trial: "... revenue: $508K. End-M18 ARR ..." was one sentence (the tokenizer keeps
    "$508K." whole), and a long-sentence warning counted three sentences."""
    import wbl
    from wbl.engine import Linter

    linter = Linter(wbl.LintOptions(kind="fragment"))
    text = "Year one revenue is $508K. The second year doubles it to $1.2M. Costs stay flat.\n"
    sentences = [s.text for u in linter.analyse(text).units for s in u.sentences]
    assert sentences == ["Year one revenue is $508K.", "The second year doubles it to $1.2M.", "Costs stay flat."]
    # And a times sign: "3–5×." and "10x." (round 35 of the user trials: two sentences read as one).
    text = "Meshes build 3–5×. Combined with caching, runs finish 10x. Costs stay flat.\n"
    sentences = [s.text for u in linter.analyse(text).units for s in u.sentences]
    assert sentences == ["Meshes build 3–5×.", "Combined with caching, runs finish 10x.", "Costs stay flat."]


def test_a_paragraph_the_anatomy_reads_as_several_is_graded_piece_by_piece() -> None:
    """Trial N: a plain-text FAQ (Q:/A: lines, no blank lines) was graded as one 1,590-word
    paragraph; each answer is graded now, and the finding points at it."""
    import wbl

    hard = (
        "A: Comprehensive organizational configurability necessitates sophisticated administrative "
        "infrastructure, particularly regarding hierarchical authorization, departmental accountability, "
        "jurisdictional compliance documentation and institutional interoperability considerations. "
        "Consequently, implementation prioritization accommodates organizational heterogeneity, "
        "regulatory differentiation, infrastructural modernization and operational sustainability. "
        "Administrators therefore coordinate authorization hierarchies, organizational classifications, "
        "departmental responsibilities and institutional documentation continuously."
    )
    easy = "A: You pay once a month. You can stop at any time. We send you a note a week before we bill you."
    text = (
        "# Slipway lets boat owners book a berth in a minute\n\nToday Slipway launched berth booking.\n\n"
        "Frequently Asked Questions\n\n"
        f"Q1: How is access managed?\n{hard}\nQ2: How do I pay?\n{easy}\nQ3: Can I stop?\n{easy}\n"
    )
    report = wbl.lint_text(text, path="prfaq.md", options=wbl.LintOptions(select=("WB501",), kind="prfaq"))
    assert [(f.line, f.column) for f in report.findings] == [(8, 1)]


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("To get started, visit [arborrisk.com/planforge] or call us.", ["[arborrisk.com/planforge]"]),
        ("Learn more at [Website].", ["[Website]"]),
        ("See [the docs](https://example.com) and [example.com](https://example.com).", []),  # links
        ("Version [1.2.3] ships today, as [e.g] and [i.e.] say.", []),
        ("Settings live in [settings.json]; see [[design-notes.md]].", []),  # a file, a wiki link
        # Round 22: open items, abbreviated or spelt out ("TBC", "exact extra to be finalized").
        ("Pricing for teams: TBC.", ["TBC"]),
        ("A: (To be determined based on the business model)", ["To be determined"]),
        ("The exact extra (to be finalized) ships as an option.", ["to be finalized"]),
        ("Dates are to be announced at the fair.", []),
        ("A: [TBD — to be determined before the first release.]", ["TBD"]),
        ("Price: to be determined.", ["to be determined"]),
        ("Pricing is still to be decided.", ["to be decided"]),
        # Not a status: a sentence about the product or a customer's choice (review of 2026-12-06).
        ("Each order is to be confirmed by the customer with one tap.", []),
        ("Every booking waiting to be confirmed shows in amber.", []),
        ("Shelfwise flags invoices that have yet to be finalized.", []),
        ("The pickup slot is yours to be decided at checkout.", []),
        # A reader's slot, never reported, does not silence the open item.
        ('Price: to be decided. To invite a customer, send a note: "Hi [Name], you can order now."', ["to be decided"]),
        # Round 26: any slot where a quote names its speaker, and a template variable with spaces.
        ('"We built it for our street," said [Founder], founder of Acme.', ["[Founder]"]),
        ('"It saves me an hour a day." — [Head of Sales]', ["[Head of Sales]"]),
        ("Acme launches {{App Name}} for shop owners.", ["{{App Name}}"]),
        ("The guide said [see below] that [Step 2] comes first.", []),  # no speaker's place
        # A dash inside a sentence is no speaker's place (review of 2026-12-06).
        ("Revenue grew 40% —[Source: Gartner] last year.", []),
        ("Costs fell — [A] and [B] show it.", []),
        ("Setup – [Optional] install the CLI.", []),
        ("Click the button—[Save]—and you are done.", []),
        # Round 36: the author's markers in capitals, as spec templates write them.
        ("Pricing is per shop [NEEDS CLARIFICATION: who pays?].", ["NEEDS CLARIFICATION"]),
        ("Demand is strong (DISCOVERY NEEDED).", ["DISCOVERY NEEDED"]),
        ("Most shops need validation of their stock counts.", []),
        # Rounds 37 and 38: a bracketed note holding the place of text to come, a note to the
        # editor, and slots named by what goes in them.
        (
            "[Additional founder quote on traction to be finalized closer to launch.]",
            ["[Additional founder quote on traction to be finalized closer to launch.]"],
        ),
        (
            "[Space reserved for a customer quote once available]",
            ["[Space reserved for a customer quote once available]"],
        ),
        (
            "Press: press@acme.example. Replace this address with a monitored mailbox before publication.",
            ["Replace this address with a monitored mailbox before publication"],
        ),
        (
            "Initial markets include [Launch Cities] and [Target Numbers] of users.",
            ["[Launch Cities]", "[Target Numbers]"],
        ),
        ("For press questions: [Contact Information]", ["[Contact Information]"]),
        ("Update your app before the launch to get the new map.", []),
        # Review of 2026-12-06: a team's plan, an editor's aside, a units note, an address filled in.
        ("We will update the pricing page before launch, and change the help articles before release.", []),
        ('"We moved it [the contact form] to the front page," said Ana Ruiz, CEO of Acme.', []),
        ("Revenue by year [numbers in USD thousands]: 120, 180, 260.", []),
        ("Ten seats [reserved for the pilot shops until June] are held back.", []),
        ("Media contact: Sam Lee [contact@acme.example.com, +1 206 555 0100]", []),
    ],
)
def test_a_website_slot_and_a_bracketed_address_are_placeholders(line, flagged):
    """Trial O: "[Website]" and "visit [arborrisk.com/planforge]" were left for the reviewer."""
    import wbl

    text = f"# Acme helps shops\n\nToday Acme launched a tool for shop owners who lose sales.\n\n{line}\n"
    report = wbl.lint_text(text, path="prfaq.md", options=wbl.LintOptions(select=("WB110",)))
    assert report.errors == ()
    assert [f.text for f in report.findings] == flagged


def test_paragraph_grade_just_over_twelve_is_a_hint_and_over_fourteen_a_warning():
    """User trials (2026-12-05): paragraphs a grade or two over 12 (technical FAQ answers, "About"
    paragraphs, quotes) were judged worth fixing once in 29; above 14, 19 times in 26."""
    import wbl

    near = (
        "Berth holders renew their yearly contracts at the harbour office, which publishes availability "
        "every Monday morning. Owners compare moorings by location, depth and electrical hook-up before "
        "they sign, and the harbour confirms each booking within two working days of the request."
    )
    far = (
        "Berth holders renew their annual contracts through the harbour office, which publishes availability "
        "every Monday morning. Owners compare moorings by location, depth and electrical connection before "
        "committing, and the harbour confirms each reservation within two working days of the request."
    )
    text = f"# Slipway\n\nToday Slipway launched berth booking for boat owners.\n\n{near}\n\n{far}\n"
    options = wbl.LintOptions(select=("WB501",), kind="press_release")
    report = wbl.lint_text(text, path="pr.md", options=options)
    assert [(f.line, f.severity.name) for f in report.findings] == [(5, "INFO"), (7, "WARNING")]
    assert "grade 13.7 (above 12)" in report.findings[0].message
    assert "grade 15.5 (limit 14)" in report.findings[1].message
    # A team that wants the old limit sets it: both paragraphs fail the hook.
    strict = wbl.LintOptions(
        select=("WB501",), kind="press_release", rule_options={"paragraph-readability": {"max-grade": 12}}
    )
    report = wbl.lint_text(text, path="pr.md", options=strict)
    assert [(f.line, f.severity.name) for f in report.findings] == [(5, "WARNING"), (7, "WARNING")]


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        # Trials V and X3 (2026-12-05): a message the reader is given to copy.
        ('Send a note: "Hi [Name], I saw the [Job Title] opening at [Company]. Could we talk?"', []),
        ("Write to them: “Dear [Name], thank you for the [Product] demo.”", []),
        # A quotation that is no message, and slots outside the message, are still left-overs.
        ('"[Customer Name] saves an hour a day," said [Your Name].', ["[Customer Name]", "[Your Name]"]),
        ('Send "Hi there" to [Company] today.', ["[Company]"]),
        # The author's left-overs inside the message, and a quotation that only says hello (review).
        ('Send a note: "Hi [Name], our launch date is TBD."', ["TBD"]),
        ('Send a note: "Hi [Name], the price is [TBD]."', ["TBD"]),
        ('**Customer quote:** "Hi, I\'m [Customer Name] and Acme saved my shop."', ["[Customer Name]"]),
        ('"Hi, I\'m [Customer Name], and Acme saved my shop," said Dana Ruiz, founder.', ["[Customer Name]"]),
    ],
)
def test_slots_in_a_message_the_reader_copies_are_no_left_overs(line, flagged):
    import wbl

    text = f"# Acme helps shops\n\nToday Acme launched a tool for shop owners who lose sales.\n\n{line}\n"
    report = wbl.lint_text(text, path="prfaq.md", options=wbl.LintOptions(select=("WB110",)))
    assert [f.text for f in report.findings] == flagged


def test_readability_findings_in_the_release_boilerplate_are_hints():
    """Trials V, W, X3 and Z (2026-12-05): the "About <company>" paragraph, graded or counted,
    was judged false every time; it is the anatomy's boilerplate, and its findings are hints."""
    import wbl

    far = (
        "Berth holders renew their annual contracts through the harbour office, which publishes availability "
        "every Monday morning. Owners compare moorings by location, depth and electrical connection before "
        "committing, and the harbour confirms each reservation within two working days of the request."
    )
    about = (
        "Slipway is a Lisbon-based maritime technology company founded in 2019 by former harbour masters and "
        "naval architects. Its reservation infrastructure serves municipal marinas, private yacht clubs and "
        "international charter operators across fourteen European countries and their many administrative "
        "regions and islands."
    )
    release = (
        "# Slipway lets boat owners book a berth in a minute\n\n"
        "LISBON — June 1, 2027 — Today Slipway launched berth booking for boat owners.\n\n"
        "Boat owners lose a weekend every spring calling harbours that never answer.\n\n"
        f"{far}\n\n## About Slipway\n\n{about}\n"
    )
    options = wbl.LintOptions(select=("WB501",), kind="press_release")
    report = wbl.lint_text(release, path="pr.md", options=options)
    assert [(f.line, f.severity.name) for f in report.findings] == [(7, "WARNING"), (11, "INFO")]


@pytest.mark.parametrize(
    ("heading", "severity"),
    [
        ("## About Slipway\n\n", "INFO"),
        ("**About Slipway**\n", "INFO"),  # a label over its paragraph, no blank line (review)
        ("## About the pilot\n\n", "WARNING"),  # a section of the release, not the company's boilerplate
        ("## About the Company\n\n", "INFO"),
    ],
)
def test_which_about_sections_are_boilerplate(heading, severity):
    import wbl

    long = (
        "Slipway was founded in Lisbon in 2019 by former harbour masters and naval architects who had "
        "spent twenty years answering the same phone calls about berths, moorings, fuel, repairs and winter "
        "storage every single spring and summer."
    )
    release = (
        "# Slipway lets boat owners book a berth in a minute\n\n"
        "LISBON — June 1, 2027 — Today Slipway launched berth booking for boat owners.\n\n"
        "Boat owners lose a weekend every spring calling harbours that never answer.\n\n"
        "Slipway shows every free berth on one map, and owners book one in a minute.\n\n"
        f"{heading}{long}\n"
    )
    report = wbl.lint_text(release, path="pr.md", options=wbl.LintOptions(select=("WB503",), kind="press_release"))
    [finding] = report.findings
    assert finding.severity.name == severity
    if severity == "INFO":
        assert "aim for" in finding.message  # the hint's words, not "split it" (review)


def test_the_slots_of_a_block_quoted_letter_that_opens_with_a_greeting_are_the_senders() -> None:
    text = (
        "# Relay lets cafe owners take orders by text\n\n"
        "SEATTLE, WA, March 4, 2027 -- Relay today launched text ordering in {City}.\n\n"
        "**Pitch email**\n\n> Hi {Editor first name},\n>\n> Relay is live in Seattle cafes today.\n>\n"
        "> Thanks,\n> {Your name}\n\n**Contact:** {Name}, press@relay.example\n"
    )
    report = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(text)
    assert sorted(f.text for f in report.findings) == ["{City}", "{Name}"]


def test_a_block_quoted_draft_to_the_team_keeps_its_slots() -> None:
    text = (
        "# Relay lets cafe owners take orders by text\n\n"
        "SEATTLE, WA, March 4, 2027 -- Relay today launched text ordering.\n\n"
        "> Hi team, here is the draft for [Customer Name].\n>\n> Thanks\n"
    )
    report = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(text)
    assert [f.text for f in report.findings] == ["[Customer Name]"]


def test_a_note_that_lists_the_slots_left_in_the_release_is_no_second_finding() -> None:
    # A user trial's draft: notes around the release name the slots it still holds ("Bracketed
    # items need input before send: [DATE], ..."); each is reported once, where the release leaves it.
    text = (
        "# Nimbic Launches SynergyHub So Nurses Plan Their Shifts in Five Minutes\n\n"
        "[DATE] — Nimbic today launched SynergyHub, a shift planner for hospital nurses.\n\n"
        '"Nurses asked us for their evenings back," said [FOUNDER NAME], founder of Nimbic.\n\n'
        "## FAQ\n\n### How much does it cost?\n\nSynergyHub costs $4 per nurse per month.\n\n"
        "## Appendix: open items\n\n"
        "Before send, fill in [DATE], [FOUNDER NAME] and [LOGO FILE]. Pricing for wards is TBD.\n"
    )
    report = Linter(LintOptions(select=("WB110",))).lint_text(text, "prfaq.md")
    found = [(f.text, f.line) for f in report.findings]
    # "[LOGO FILE]" is left only in the notes, and "TBD" is an open item of its own: both stay.
    assert found == [("[DATE]", 3), ("[FOUNDER NAME]", 5), ("[LOGO FILE]", 15), ("TBD", 15)], found


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # Never closed: the rest of the file is code (a user trial's "~~~FrolfScape~~~").
        ("~~~Kettle~~~\n\n" + "Owners bake for orders, not guesses, and throw less bread away. " * 3, "warning"),
        ("```sh\nkettle start\n", "info"),  # a short command sample left open
        ("```sh\nkettle start\n```", None),  # closed on the last line, no newline after
        ("```sh\nkettle start\n```\n\nOwners start in a minute.\n", None),
        ("    kettle start\n", None),  # an indented code block has no fence
        # An indented block after a closed fence (a review): the fence was closed.
        ("```sh\nkettle start\n```\n\n    kettle stop\n", None),
        # Never closed, though the file's last line stands earlier in the swallowed text too.
        ("```text\nNo.\n\n### Is there a contract?\n\nNo.\n", "info"),
        ("- Start here:\n\n  ```sh\n  kettle start\n", None),  # in a list item: ends with the item
        ("> ```sh\n> kettle start\n", None),  # in a block quote: ends with the quote
    ],
)
def test_a_code_fence_never_closed_is_reported_at_the_fence(tail: str, expected: str | None) -> None:
    head = (EXAMPLES / "shelfwise-prfaq.md").read_text(encoding="utf-8")
    for newline in ("\n", "\r\n"):
        text = (head + "\n" + tail).replace("\n", newline)
        options = LintOptions(select=("WB111",), kind="prfaq")
        findings = Linter(options).lint_text(text, "t.md").findings
        assert [f.severity.value for f in findings] == ([] if expected is None else [expected])
        for finding in findings:
            assert finding.line == head.count("\n") + 2 and finding.text in ("```", "~~~")


def test_a_fence_that_hides_the_release_still_lets_the_file_be_judged() -> None:
    # The fence right under the title hides the whole release: the file is taken for what it is
    # with the fence closed, the fence is the warning, and the parts it hides are hints.
    good = (REPO / "rules" / "structure" / "missing-faq.good.md").read_text(encoding="utf-8")
    title, rest = good.split("\n", 1)
    text = f"{title}\n\n~~~Kettle~~~\n{rest}"
    report = Linter().lint_text(text, "kettle.md")
    assert report.kind == "prfaq"
    warnings = [(f.rule, f.line) for f in report.findings if f.severity is Severity.WARNING]
    assert warnings == [("WB111", 3)]
    hidden = [f for f in report.findings if f.rule in ("WB101", "WB102")]
    assert hidden and all("the code block left open at line 3 may hide it" in f.message for f in hidden)


def test_a_missing_customer_quote_is_a_warning_when_only_the_company_speaks(linter: Linter) -> None:
    # The thirteenth trial's reviewers all put it among a draft's top faults.
    plain = _dated_plain_release()
    leader = '"Bakers told us they bin a third of their bread," said Ana Lopez, CEO of Kettle.'
    quoted = plain.replace("Owners guess how much to bake.", "Owners guess how much to bake.\n\n" + leader)
    findings = [f for f in linter.lint_text(quoted).findings if f.rule == "WB101"]
    warned = [f.message for f in findings if f.severity.value == "warning"]
    assert len(warned) == 1 and warned[0].startswith("Press release lacks a customer quote:")
    # Without the speaker's role the quotation may be a customer's: a hint.
    unsigned = quoted.replace(", CEO of Kettle.", ".")
    assert all(f.severity.value == "info" for f in linter.lint_text(unsigned).findings if f.rule == "WB101")


def test_italics_the_anatomy_reads_as_no_quotation_leave_the_missing_quotes_sure(linter: Linter) -> None:
    # Rounds 37 and 38: an italic sub-heading and an italic "*[End of release]*" kept the missing
    # quotes hints; the anatomy knows the one for the sub-heading and the other for an end mark.
    italic = textwrap.dedent(BOLD_LABELS).lstrip()
    italic = italic.replace("Today Harbor Labs", "PORTLAND, Ore. — March 3, 2027 — Today Harbor Labs")
    italic = italic.replace("**External FAQ**", "*[End of release]*\n\n**External FAQ**")
    assert "*Bakery owners take next-day pre-orders by text*" in italic
    warned = [
        f.message for f in linter.lint_text(italic).findings if f.rule == "WB101" and f.severity.value == "warning"
    ]
    assert any("a customer quote" in m.split(":")[0] for m in warned), warned
    # An italic line in the body may still be a quotation wbl did not read.
    body = italic.replace(
        "Owners guess how much to bake.", "Owners guess how much to bake.\n\n*I used to bin forty loaves.*"
    )
    warned = [f for f in linter.lint_text(body).findings if f.rule == "WB101" and f.severity.value == "warning"]
    assert not [f for f in warned if "customer quote" in f.message.split(":")[0]]


def test_a_signed_line_the_anatomy_took_for_the_subheading_may_still_be_a_quote(linter: Linter) -> None:
    # Review of 2026-12-06: "*... — Jane Roe, owner of Roe Books*" under the headline is read as the
    # sub-heading, but its signature says someone is quoted: the missing quotes stay hints.
    plain = _dated_plain_release()
    signed = "*Counting used to take our whole weekend — Jane Roe, owner of Roe Books*"
    text = plain.replace("Bakery owners take next-day pre-orders by text", signed.strip("*"))
    text = text.replace(signed.strip("*"), signed)
    assert signed in text
    warned = [f for f in linter.lint_text(text).findings if f.rule == "WB101" and f.severity.value == "warning"]
    assert not [f for f in warned if "quote" in f.message.split(":")[0]], warned


def test_a_customer_quote_wbl_may_have_missed_keeps_the_missing_quote_a_hint(linter: Linter) -> None:
    # From the session's review: a customer's executive (B2B) and a quotation in italics.
    plain = _dated_plain_release()
    leader = '"Bakers told us they bin a third of their bread," said Ana Lopez, CEO of Harbor Labs.'
    b2b = '"Now I bake 48 loaves and sell 48," said Tom Reyes, CEO of Flour House Bakeries.'
    italic = "*I used to bin forty loaves every Monday.*\n— Tom Reyes, owner of Flour House"
    for other in (b2b, italic):
        text = plain.replace("Owners guess how much to bake.", f"Owners guess how much to bake.\n\n{leader}\n\n{other}")
        severities = {f.severity.value for f in linter.lint_text(text).findings if f.rule == "WB101"}
        assert "warning" not in severities, other


def test_placeholder_names_and_greetings_are_told_from_ordinary_text() -> None:
    linter = Linter(LintOptions(select=("WB110",), kind="press_release"))

    def flagged(line: str) -> list[str]:
        text = f"# Kettle takes pre-orders by text\n\n{line}\n"
        return [f.text for f in linter.lint_text(text, "t.md").findings]

    assert flagged("## Sample Customer Journey") == []
    assert flagged("Our lawyer files John Doe suits.") == []
    assert flagged('"It works," said Sample Person, a baker.') == ["Sample Person"]
    assert flagged("Dear [Reporter Name],") == []
    assert flagged("Hello [Product Name]: pre-orders for bakeries.") == ["[Product Name]"]


def test_a_tag_that_names_the_message_is_no_slot() -> None:
    """ "Subject: [PRESS RELEASE] ..." tags the e-mail; "[CITY]" is still a slot (trial CF, 2026-12-06)."""
    text = (
        "# Nimbic Launches SynergyHub for Nurses\n\n[CITY], WA, May 3, 2027 — Nimbic today announced SynergyHub.\n\n"
        "Subject: [PRESS RELEASE] Nimbic launches SynergyHub for nurses\n"
    )
    report = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(text, "pr.md")
    assert [f.text for f in report.findings] == ["[CITY]"]


def test_a_citation_marker_is_no_slot() -> None:
    """Round 42 (trial GB, 2026-12-07): "[S17]" and "[S18, S19]" cite a numbered list of sources
    (43 findings judged false in one PR/FAQ); "[CITY]" and "[CUSTOMER TYPE]" are still slots."""
    text = (
        "# Nimbic Launches SynergyHub for Nurses\n\n[CITY], WA, May 3, 2027 — Nimbic today announced "
        "SynergyHub for [CUSTOMER TYPE]. Nurses lose an hour a shift to paperwork [S17], by two surveys "
        "[S18, S19] and one audit [R2-R4].\n\n## Sources\n\n- [S17] https://example.org/survey\n"
    )
    report = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(text, "pr.md")
    assert [f.text for f in report.findings] == ["[CITY]", "[CUSTOMER TYPE]"]
    # Numbered slots are no citations (review of 2026-12-07).
    slots = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(
        "# Nimbic Launches SynergyHub\n\nSee the demo at [URL1] and the screenshot [IMG2].\n", "pr.md"
    )
    assert [f.text for f in slots.findings] == ["[URL1]", "[IMG2]"]


def test_an_identifier_the_document_cites_is_no_slot() -> None:
    """Round 53 (trials IG and IH, 2026-12-07): decision and requirement ids in brackets ("[D-MKT-1]",
    "[PAT-6]", "[VIZ-1, VIZ-2]") were 64 false "left in the draft" warnings in two documents;
    named slots stay slots, with or without a number."""
    text = (
        "# Nimbic Launches SynergyHub for Nurses\n\n[CITY], WA, May 3, 2027 — Nimbic today announced "
        "SynergyHub for nurses [D-MKT-1], with charts [VIZ-1, VIZ-2] and the patient view [PAT-6] "
        "checked by [D-A11Y-2]. See [URL1] and ask [CUSTOMER NAME]. It saves [NUMBER-1] hours, [X-1] "
        "a week.\n\n## Appendix\n\n- PAT-6: a Stop button on every screen\n- VIZ-1: a streak counter\n"
        "- VIZ-2: a week strip\n"
    )
    report = Linter(LintOptions(select=("WB110",), kind="press_release")).lint_text(text, "pr.md")
    # A numbered slot the document writes nowhere else is still a slot (review of round 53's change).
    assert [f.text for f in report.findings] == ["[CITY]", "[URL1]", "[CUSTOMER NAME]", "[NUMBER-1]", "[X-1]"]


def test_a_long_sentence_in_the_notes_before_the_release_is_a_hint() -> None:
    """Trial CG (2026-12-06): a 40-word "Definition of done" note above the release blocked the hook."""
    note = (
        "Task: #3 in the project's task list. Definition of done: a press release written from the "
        "customer's point of view that names the problem, the product, the price, the date and the "
        "first three cities where it launches for the pilot group of owners."
    )
    long_sentence = (
        "Owners who run a small bookstore on their own lose about one sale in ten to empty shelves "
        "because nobody has the time to count the stock by hand, and Shelfwise counts it every night "
        "and orders what sold out."
    )
    text = (
        f"{note}\n\n## Press Release\n\n# Shelfwise Counts Every Shelf Overnight\n\n"
        f"SEATTLE, WA, March 3, 2027 — Today Northwind launched Shelfwise. {long_sentence}\n"
    )
    report = Linter(LintOptions(select=("WB503",), kind="prfaq")).lint_text(text, "pr.md")
    found = sorted((f.line, f.severity.value) for f in report.findings if "limit 35" in f.message or f.line == 1)
    assert (1, "info") in found and (7, "warning") in found


def test_a_long_sentence_in_an_faq_answer_warns_above_its_own_limit() -> None:
    """Round 37 and the rounds before: reviewers wanted few FAQ sentences of 36 to 44 words split."""
    forty = (
        "Owners who run a small bookstore on their own lose about one sale in ten to empty shelves "
        "because nobody has the time to count the stock by hand, and Shelfwise counts it every night "
        "and orders what sold out."
    )
    fifty_two = forty.rstrip(".") + " from the three distributors that the owner already uses for the weekly order."
    text = (
        "# Shelfwise Counts Every Shelf Overnight\n\nSEATTLE, WA, March 3, 2027 — Today Northwind launched "
        f"Shelfwise. {forty}\n\n## FAQ\n\n### Who is it for?\n\n{forty}\n\n### What does it do?\n\n{fifty_two}\n"
    )
    report = Linter(LintOptions(select=("WB503",), kind="prfaq")).lint_text(text, "pr.md")
    found = sorted((f.line, f.severity.value) for f in report.findings)
    assert found == [(3, "warning"), (9, "info"), (13, "warning")], found
    assert "limit 45" in next(f.message for f in report.findings if f.line == 13)
    # `faq-extra-words` is an option: 0 gives the FAQ the release's limit.
    options = LintOptions(select=("WB503",), kind="prfaq", rule_options={"WB503": {"faq-extra-words": 0}})
    same = Linter(options).lint_text(text, "pr.md")
    assert sorted((f.line, f.severity.value) for f in same.findings)[1] == (9, "warning")
    # A project's own limit moves the FAQ's with it (review of 2026-12-06): 25 words, 35 in the FAQ.
    strict = Linter(LintOptions(select=("WB503",), kind="prfaq", rule_options={"WB503": {"max-words": 25}}))
    assert [(f.line, f.severity.value) for f in strict.lint_text(text, "pr.md").findings if f.line == 9] == [
        (9, "warning")
    ]


def test_empty_question_and_answer_labels_are_an_empty_slot(linter: Linter) -> None:
    """A template's "**Question:**" / "**Answer:**" left empty: the question above an empty answer
    label is unanswered (the next label is no answer; round 35 of the user trials). The empty slot
    itself is not reported: a label alone on its line may head a question written below it
    ("**Q:**" over the question; review of 2026-12-06)."""
    text = (
        "# Ledger lets bakeries close their books\n\nToday Ledger launched for bakery owners.\n\n## FAQ\n\n"
        "**Question:** How much does it cost?\n\n**Answer:** $5 a month.\n\n"
        "**Question:** Does it work with my till?\n\n**Answer:**\n\n"
        "**Question:**\n\n**Answer:**\n\n"
        "Q: When does it ship?\n\nA: In March.\n"
    )
    found = [(f.rule, f.line) for f in linter.lint_text(text).findings if f.rule in ("WB103", "WB110")]
    assert found == [("WB103", 11)]
    questions = Linter().analyse(text, "t.md").anatomy.questions
    assert [(q.text, q.answered) for q in questions] == [
        ("How much does it cost?", True),
        ("Does it work with my till?", False),
        ("When does it ship?", True),
    ]


def test_the_author_s_notes_before_the_release_get_readability_hints() -> None:
    """Paragraph readability treats the author's notes before the release as long-sentence does:
    hints (round 35 of the user trials judged a warning on "Assumptions I made" false)."""
    notes = (
        "- **Scope:** The organizational prerequisites, infrastructural dependencies and administrative"
        " considerations enumerated hereafter constitute provisional hypotheses, deliberately formulated"
        " to facilitate substantive deliberation, notwithstanding considerable uncertainty regarding"
        " institutional willingness, jurisdictional variability and operational feasibility. Institutional"
        " considerations notwithstanding, jurisdictional variability necessitates comprehensive reconsideration."
    )
    release = (
        "### Slipway lets marina managers fill empty berths\n\n"
        "SEATTLE — March 3, 2027 — Slipway today launched berth booking for small marinas. Managers see"
        " every empty berth and sailors book one in a minute.\n\n"
        "Marinas lose money when berths sit empty because sailors cannot see which ones are free.\n\n"
        "## FAQ\n\n### How much does it cost?\n\n$20 a month per marina.\n"
    )
    text = f"# Slipway PR/FAQ\n\n## Assumptions I made\n\n{notes}\n\n## Press Release\n\n{release}"
    options = LintOptions(kind="prfaq", select=("WB501",), rule_options={"WB501": {"min-words": 10}})
    found = [(f.line, f.severity.value) for f in Linter(options).lint_text(text, "t.md").findings]
    assert found == [(5, "info")]
    # The same paragraph in the release is a warning.
    moved = text.replace(f"{notes}\n\n", "").replace(
        "Marinas lose money", f"{notes.removeprefix('- **Scope:** ')}\n\nMarinas lose money"
    )
    assert [f.severity.value for f in Linter(options).lint_text(moved, "t.md").findings] == ["warning"]


def test_a_placeholder_word_in_quotation_marks_is_mentioned_and_a_liquid_tag_is_no_slot() -> None:
    # Round 44 of the user trials: "XX" is a brand's mark ("HEALTHXX.com"), written in quotation
    # marks where the release talks about it; "{% link press.md %}" is a site template's tag.
    text = (
        "# Genexxo Launches a Portfolio of Domains\n\n"
        'SEATTLE, WA — May 3, 2027 — Genexxo today unveiled 10,000 domains such as HEALTHXX.com with "XX" '
        "signatures.\n\nEach name costs $XX a year, and the launch date is TBD.\n\n"
        "[Back to Press]({{ site.baseurl }}{% link press.md %})\n"
    )
    linter = Linter(LintOptions(select=("WB110",), kind="press_release"))
    assert sorted(f.text for f in linter.lint_text(text, "pr.md").findings) == ["$XX", "TBD"]
    # Where no name holds it, a quoted "$XX" or "TBD" is left in; "{%Launch Date%}" is a slot (review of round 44).
    draft = text.replace("HEALTHXX.com", "health.com").replace("costs $XX", 'costs "$XX"').replace("is TBD", 'is "TBD"')
    found = sorted(f.text for f in linter.lint_text(draft + "\nJoin before {%Launch Date%}.\n", "pr.md").findings)
    assert found == ["$XX", "TBD", "XX", "{%Launch Date%}"]


def test_future_tense_of_a_chance_is_the_world_s() -> None:
    # Round 46 of the user trials: "a probability that individuals or businesses will be unable to
    # pay back their loans" defines a measure; the company's own chance ("a chance that we will
    # ship in May") is still a plan.
    text = (
        "# Acme launches Loan Lens\n\n"
        "Models output a probability that individuals or businesses will be unable to pay back their loans. "
        "There is a risk that customers will leave. There is a chance that we will ship in May.\n"
    )
    report = Linter(LintOptions(select=("WB721",), kind="press_release")).lint_text(text, "pr.md")
    assert [text.splitlines()[f.line - 1][f.column - 1 :][:4] for f in report.findings] == ["will"]
    assert report.findings[0].column > text.splitlines()[2].index("we will")


def test_a_hedged_plan_is_still_a_plan() -> None:
    # The review of round 46's changes: a chance that the product launches, ships or adds
    # something, or that the company does, is a plan.
    text = (
        "# Acme launches Menuly\n\n"
        "There is a strong possibility that the Android app will launch in June. There is a chance that our "
        "team will add Spanish support. The model gives the probability that borrowers will default in the "
        "next 90 days.\n"
    )
    report = Linter(LintOptions(select=("WB721",), kind="press_release")).lint_text(text, "pr.md")
    assert len(report.findings) == 2 and all(
        f.column < text.splitlines()[2].index("borrowers") for f in report.findings
    )


def test_a_lone_quotation_mark_before_a_long_blank_is_read_at_once() -> None:
    # The review of 2026-12-07: a release opening with an HTML heading ('<h1 align="center">...')
    # left a lone '"' before the heading's blanked-out text; the quotation pattern tried every way
    # to split that run of spaces, and missing-pr-part ran past its 20 s limit (an error, no findings).
    text = (
        '<h1 align="center">Shelfwise launches Restock Alerts so independent bookstores never run out of '
        "bestsellers</h1>\n\nSEATTLE — March 4, 2025 — Shelfwise today launched Restock Alerts, which tells "
        "independent bookstore owners which titles will sell out within two weeks.\n\nIndependent bookstores "
        "lose sales when popular titles run out. Owners reorder by hand, often too late.\n"
    )
    report = Linter(LintOptions(select=("WB101",))).lint_text(text, "press-release.md")
    assert not report.errors and any("quote" in f.message for f in report.findings)
