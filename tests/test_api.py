"""The library API: typed reports, nothing printed, no spaCy on import."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import wbl
from wbl.findings import FileReport, Finding, Report
from wbl.registry import OptionError

from .conftest import EXAMPLES, clean_env


def test_lint_text_returns_typed_report(capsys):
    options = wbl.LintOptions(select=("WB601",), kind="fragment")
    report = wbl.lint_text("# T\n\nMany people wait.\n", path="x.md", options=options)
    assert isinstance(report, FileReport)
    assert report.path == "x.md" and report.error is None
    assert all(isinstance(f, Finding) for f in report.findings)
    assert report.findings[0].severity is wbl.Severity.WARNING
    assert report.metrics["words"] == 4
    assert capsys.readouterr() == ("", "")


def test_lint_paths_reports_errors_per_file(tmp_path, capsys):
    good = tmp_path / "a.md"
    good.write_text("Various delays.\n", encoding="utf-8")
    bad = tmp_path / "b.md"
    bad.write_bytes(b"\xff\xfe\x00")
    report = wbl.lint_paths([good, bad, tmp_path / "nope.md"], options=wbl.LintOptions(select=("WB601",)))
    assert isinstance(report, Report)
    assert [r.path for r in report.files] == [str(good), str(bad), str(tmp_path / "nope.md")]
    assert report.files[0].findings and report.files[0].error is None
    assert report.files[1].error and report.files[2].error
    assert report.exit_code() == 2
    assert capsys.readouterr() == ("", "")


def test_options_select_and_rule_options():
    options = wbl.LintOptions(
        select=("long-sentence",), rule_options={"long-sentence": {"max-words": 5, "info-words": 0}}
    )
    report = wbl.lint_text("One two three four five six seven.\n", options=options)
    assert [f.rule for f in report.findings] == ["WB503"]
    assert "7 words" in report.findings[0].message


@pytest.mark.parametrize(
    ("rule_options", "problem"),
    [
        ({"long-sentence": {"max-word": 10}}, "rule_options.long-sentence.max-word: unknown option of WB503"),
        ({"long-sentence": {"max-words": "10"}}, "expected a whole number, got a string"),
        ({"WB503": {"max-words": -3}}, "expected a whole number of 0 or more"),
        ({"WB503": {"severity": "fatal"}}, "expected one of info, warning, error"),
        ({"long-sentense": {}}, "unknown rule 'long-sentense'; did you mean 'long-sentence'?"),
    ],
)
def test_rule_options_in_code_are_checked_as_a_configuration_file_is(rule_options, problem):
    # A typo in code must not silently change nothing, as it does not in a configuration file.
    with pytest.raises(OptionError, match=re.escape(problem)):
        wbl.Linter(wbl.LintOptions(rule_options=rule_options))


def test_exit_codes():
    options = wbl.LintOptions(select=("WB601",), kind="fragment")
    clean = wbl.lint_text("Customers wait 3 days.\n", options=options)
    assert Report((clean,)).exit_code() == 0
    dirty = wbl.lint_text("Many customers wait.\n", options=options)
    assert Report((dirty,)).exit_code() == 1
    assert Report((dirty,)).exit_code("error") == 0


SMALL_PRFAQ = """# Shelfwise makes returns seamless

Many bookstore owners lose a day each week to returns. Shelfwise is a very
simple app that handles them, and it is significantly faster than a spreadsheet.

## Frequently asked questions

### Who is it for?

Independent bookstore owners who work with various suppliers.
"""


def test_a_document_wbl_is_not_sure_of_gets_hints_only():
    """Taken for a PR/FAQ with no plain fact saying so (file name, title, release mark, three
    part headings, dateline with a launch) and kind odds under 3 to 1: hints only. A title that
    names the genre, or configuration, makes it sure."""
    unsure = wbl.lint_text(SMALL_PRFAQ, path="notes.md")
    assert unsure.kind == "prfaq" and unsure.hints_only and unsure.findings
    assert {f.severity for f in unsure.findings} == {wbl.Severity.INFO}
    assert Report((unsure,)).exit_code() == 0 and unsure.to_dict()["hints_only"] is True
    titled = wbl.lint_text(SMALL_PRFAQ.replace("# Shelfwise makes", "# Shelfwise PR/FAQ\n\n## Shelfwise makes"))
    named = wbl.lint_text(SMALL_PRFAQ, path="docs/PRFAQ.md")
    declared = wbl.lint_text(SMALL_PRFAQ, options=wbl.LintOptions(kind="prfaq"))
    for sure in (titled, named, declared):
        assert not sure.hints_only and wbl.Severity.WARNING in {f.severity for f in sure.findings}
        assert Report((sure,)).exit_code() == 1


def test_a_fragment_wbl_finds_by_itself_gets_hints_only():
    """A few lines (a stub README, a short note) are not known to be PR/FAQ text: their findings
    are info, so a repository-wide hook does not block them. Said to be a fragment (--kind
    fragment, or `kind` in the options), they keep the rules' severities."""
    text = "# Notes\n\nMany customers will be helped by the new plan.\n"
    found = wbl.lint_text(text)
    assert found.kind == "fragment" and found.findings
    assert {f.severity for f in found.findings} == {wbl.Severity.INFO}
    assert Report((found,)).exit_code() == 0
    declared = wbl.lint_text(text, options=wbl.LintOptions(kind="fragment"))
    assert [f.rule for f in declared.findings] == [f.rule for f in found.findings]
    assert wbl.Severity.WARNING in {f.severity for f in declared.findings}
    assert Report((declared,)).exit_code() == 1


@pytest.mark.slow
def test_import_does_not_import_spacy():
    code = "import sys, wbl; wbl.default_registry(); print('spacy' in sys.modules, 'nltk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean_env(), check=True)
    assert out.stdout.strip() == "False False"


def test_example_metrics(linter):
    text = (EXAMPLES / "shelfwise-prfaq.md").read_text(encoding="utf-8")
    report = linter.lint_text(text, "shelfwise-prfaq.md")
    assert report.metrics["words"] > 400
    assert 0 < report.metrics["flesch_kincaid_grade"] < 10
    assert report.metrics["pr_words"] + report.metrics["faq_words"] == report.metrics["words"]


def test_results_do_not_depend_on_file_order(tmp_path):
    texts = {
        "a.md": "# A\n\nMany owners wait a very long time.\n",
        "b.md": "# B\n\nCustomers will be able to save significantly.\n",
        "c.md": "# C\n\nThe report is generated by the system.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    forward = wbl.lint_paths([tmp_path / n for n in sorted(texts)])
    backward = wbl.lint_paths([tmp_path / n for n in sorted(texts, reverse=True)])
    by_path = {r.path: [f.to_dict() for f in r.findings] for r in forward.files}
    assert by_path == {r.path: [f.to_dict() for f in r.findings] for r in backward.files}
    assert all(by_path.values())


def test_a_finding_from_the_compact_form_is_a_frozen_finding_like_any_other():
    """The compact form (the result cache's) fills a mutable twin of Finding's slots and then makes
    it a Finding; it keeps each message once and leaves out the text the file's text gives."""
    import dataclasses
    import json

    from wbl.findings import FileReport, Folded, _EditFilling, _Filling, _FixFilling
    from wbl.rule import Applicability, Edit, Fix, Severity

    for made, twin in ((Finding, _Filling), (Fix, _FixFilling), (Edit, _EditFilling)):
        assert twin.__slots__ == made.__slots__ == tuple(f.name for f in dataclasses.fields(made))
    source = "We utilize it.\nWe utilize it.\n"
    fix = Fix("say uses", (Edit(3, 10, "uses"),), Applicability.SAFE)
    made = Finding(
        "WB402", "buzzword", "jargon", Severity.WARNING, "m", "a.md", 1, 4, 1, 11, 3, 10, "utilize", "uses",
        (Folded("WB401", "jargon", "n"),), fix,
    )  # fmt: skip
    plain = dataclasses.replace(made, line=2, start=18, end=25, also=(), fix=None, suggestion=None)
    # A text that is not the file's between its offsets (no rule makes one, but the form keeps it).
    other = dataclasses.replace(plain, text="utilise")
    report = FileReport("a.md", (made, plain, other), source_text=source)
    compact = json.loads(json.dumps(report.to_dict(compact=True)))
    table = compact["findings"]
    assert table["strings"].count("m") == 1 and table["heads"] == [["WB402", "buzzword", "jargon", "warning"]]
    assert "utilize" not in json.dumps(table) and "utilise" in json.dumps(table)
    back = FileReport.from_dict(compact, source_text=source).findings
    assert back == (made, plain, other)
    assert type(back[0]) is Finding and hash(back[0]) == hash(made) and repr(back[0]) == repr(made)
    assert type(back[0].fix) is Fix and type(back[0].fix.edits[0]) is Edit and back[0].also == made.also
    with pytest.raises(dataclasses.FrozenInstanceError):
        back[0].rule = "WB000"  # type: ignore[misc]
    with pytest.raises(ValueError, match="text"):
        FileReport.from_dict(compact)  # the text left out needs the file's text
    unknown = FileReport("a.md", (made,)).to_dict(compact=True)  # no text given: each finding's is kept
    assert FileReport.from_dict(unknown).findings == (made,)
