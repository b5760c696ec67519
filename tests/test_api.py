"""The library API: typed reports, nothing printed, no spaCy on import."""

from __future__ import annotations

import subprocess
import sys

import wbl
from wbl.engine import FileReport, Finding, Report

from .conftest import EXAMPLES, clean_env


def test_lint_text_returns_typed_report(capsys):
    report = wbl.lint_text("# T\n\nMany people wait.\n", path="x.md", options=wbl.LintOptions(select=("WB601",)))
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


def test_exit_codes():
    clean = wbl.lint_text("Customers wait 3 days.\n", options=wbl.LintOptions(select=("WB601",)))
    assert Report((clean,)).exit_code() == 0
    dirty = wbl.lint_text("Many customers wait.\n", options=wbl.LintOptions(select=("WB601",)))
    assert Report((dirty,)).exit_code() == 1
    assert Report((dirty,)).exit_code("error") == 0


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
