"""Suppression comments in the document, and --report-unused."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from wbl.cli import main
from wbl.engine import Linter, LintOptions
from wbl.suppress import UNUSED_CODE

WEASEL = "This is very good."  # one WB601 finding ('very')


@pytest.fixture(scope="module")
def weasel_linter() -> Linter:
    return Linter(LintOptions(select=("WB601",), kind="prfaq"))


@pytest.fixture(scope="module")
def unused_linter() -> Linter:
    return Linter(LintOptions(select=("WB601", "WB503"), report_unused=True))


def lines(linter: Linter, text: str, rule: str = "WB601") -> list[int]:
    report = linter.lint_text(text, "doc.md")
    assert not report.errors
    return [f.line for f in report.findings if f.rule == rule]


def test_no_comment_no_change(weasel_linter):
    assert lines(weasel_linter, f"# T\n\n{WEASEL}\n") == [3]


def test_disable_enable_range(weasel_linter):
    text = f"{WEASEL}\n\n<!-- wbl-disable WB601 -->\n{WEASEL}\n\n{WEASEL}\n<!-- wbl-enable WB601 -->\n\n{WEASEL}\n"
    assert lines(weasel_linter, text) == [1, 9]


def test_disable_without_enable_runs_to_the_end(weasel_linter):
    assert lines(weasel_linter, f"{WEASEL}\n\n<!-- wbl-disable -->\n\n{WEASEL}\n\n{WEASEL}\n") == [1]


@pytest.mark.parametrize("token", ["WB601", "wb601", "WB6", "weasel-word", "weasel", ""])
def test_codes_may_be_codes_prefixes_slugs_or_categories(weasel_linter, token):
    assert lines(weasel_linter, f"<!-- wbl-disable-next-line {token} -->\n{WEASEL}\n\n{WEASEL}\n") == [4]


def test_other_codes_do_not_suppress(weasel_linter):
    text = f"<!-- wbl-disable WB503, long-sentence -->\n{WEASEL}\n"
    assert lines(weasel_linter, text) == [2]


def test_next_line_and_same_line(weasel_linter):
    text = f"<!-- wbl-disable-next-line -->\n{WEASEL}\n{WEASEL} <!-- wbl-disable-line WB601 -->\n{WEASEL}\n"
    assert lines(weasel_linter, text) == [4]


def test_next_line_counts_from_the_end_of_a_multiline_comment(weasel_linter):
    text = f"<!--\n  wbl-disable-next-line\n  WB601\n-->\n{WEASEL}\n{WEASEL}\n"
    assert lines(weasel_linter, text) == [6]


def test_disable_file_anywhere(weasel_linter):
    assert lines(weasel_linter, f"{WEASEL}\n\n{WEASEL}\n\n<!-- wbl-disable-file -->\n") == []
    assert lines(weasel_linter, f"{WEASEL}\n\n<!-- wbl-disable-file WB503 -->\n") == [1]


def test_inline_comment_inside_a_paragraph(weasel_linter):
    text = f"Intro <!-- wbl-disable weasel-word --> words.\n\n{WEASEL}\n\nEnd <!-- wbl-enable --> here.\n\n{WEASEL}\n"
    assert lines(weasel_linter, text) == [7]


def test_comments_in_code_do_not_count(weasel_linter):
    fenced = f"```markdown\n<!-- wbl-disable-file -->\n```\n\n{WEASEL}\n"
    assert lines(weasel_linter, fenced) == [5]
    indented = f"Text.\n\n    <!-- wbl-disable-file -->\n\n{WEASEL}\n"
    assert lines(weasel_linter, indented) == [5]
    span = f"Write `<!-- wbl-disable-file -->` to silence wbl.\n\n{WEASEL}\n"
    assert lines(weasel_linter, span) == [3]


def test_comments_in_front_matter_do_not_count(weasel_linter):
    assert lines(weasel_linter, f"---\nnote: <!-- wbl-disable-file -->\n---\n\n{WEASEL}\n") == [5]


def test_enable_some_rules_inside_a_disable_all_range(weasel_linter):
    text = f"<!-- wbl-disable -->\n{WEASEL}\n\n<!-- wbl-enable WB601 -->\n{WEASEL}\n"
    assert lines(weasel_linter, text) == [5]
    text = f"<!-- wbl-disable WB6 -->\n{WEASEL}\n\n<!-- wbl-enable weasel-word -->\n{WEASEL}\n"
    assert lines(weasel_linter, text) == [5]


def test_not_a_directive(weasel_linter):
    for comment in ("<!-- wbl-disabled -->", "<!-- wbl disable -->", "<!-- expect: WB601 -->"):
        assert lines(weasel_linter, f"{comment}\n{WEASEL}\n") == [2], comment


# --- unused suppressions --------------------------------------------------------------------------


def unused(linter: Linter, text: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in linter.lint_text(text, "doc.md").findings if f.rule == UNUSED_CODE]


def test_unused_suppressions_are_reported_only_on_request(weasel_linter, unused_linter):
    text = "Clean text here.\n\n<!-- wbl-disable-next-line WB601 -->\nAlso clean.\n"
    assert unused(weasel_linter, text) == []
    [(line, message)] = unused(unused_linter, text)
    assert line == 3 and "unused suppression 'wbl-disable-next-line WB601'" in message


def test_used_suppressions_are_not_reported(unused_linter):
    assert unused(unused_linter, f"<!-- wbl-disable-next-line WB601 -->\n{WEASEL}\n") == []
    assert unused(unused_linter, f"<!-- wbl-disable -->\n{WEASEL}\n<!-- wbl-enable -->\n") == []


def test_each_unused_code_of_a_directive_is_reported(unused_linter):
    found = unused(unused_linter, f"<!-- wbl-disable-next-line WB601, long-sentence -->\n{WEASEL}\n")
    assert len(found) == 1 and "no long-sentence finding" in found[0][1]


def test_rules_that_did_not_run_are_not_called_unused(unused_linter):
    assert unused(unused_linter, "<!-- wbl-disable-file WB502 -->\nClean.\n") == []


def test_unknown_rules_and_stray_enables_are_reported(unused_linter):
    found = unused(unused_linter, "<!-- wbl-disable WB999 -->\nClean.\n\n<!-- wbl-enable WB601 -->\n")
    messages = [m for _, m in found]
    assert any("names no known rule 'WB999'" in m for m in messages)
    assert any("'wbl-enable WB601' matches no open wbl-disable" in m for m in messages)


def test_a_mistyped_rule_name_is_reported_without_being_asked(weasel_linter):
    # Without --report-unused too: the typo would otherwise leave the finding in place, silently.
    [(line, message)] = unused(weasel_linter, f"{WEASEL} <!-- wbl-disable-line weasel-words -->\n")
    assert line == 1 and "names no known rule 'weasel-words'; did you mean 'weasel-word'?" in message
    assert unused(weasel_linter, "Clean text.\n\n<!-- wbl-enable WB601 -->\n") == []  # a stray enable: on request only


def test_report_unused_on_the_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\n<!-- wbl-disable-next-line WB601 -->\nClean text.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--isolated", "--select", "WB601", "a.md"]).exit_code == 0
    result = runner.invoke(
        main, ["check", "--isolated", "--select", "WB601", "--report-unused", "--format", "json", "a.md"]
    )
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["rule"], finding["name"], finding["line"], finding["column"]) == (
        UNUSED_CODE,
        "unused-suppression",
        3,
        1,
    )
    assert finding["text"] == "<!-- wbl-disable-next-line WB601 -->"


def test_comment_in_inline_code_of_a_table_cell_is_text(weasel_linter):
    """A table cell that holds only code has no block of its own; its comment is still text
    (the adoption audit of 2026-12-07: "| `<!-- wbl-disable-file -->` | ... |" silenced a file)."""
    table = "| comment | what |\n|---|---|\n| `<!-- wbl-disable-file -->` | x |\n"
    assert lines(weasel_linter, f"# T\n\n{WEASEL}\n\n{table}") == [3]
    # A real comment between two code spans on its line still counts.
    assert lines(weasel_linter, f"# T\n\n{WEASEL}\n\n`a` <!-- wbl-disable-file --> `b`\n") == []


def test_wb000_is_no_rule_to_select_or_ignore():
    """The adoption audit of 2026-12-07: `--ignore WB000` said "unknown rule" and suggested WB802."""
    result = CliRunner().invoke(main, ["check", "--ignore", "WB000", "-"], input="# T\n")
    assert result.exit_code == 2
    assert "WB000 reports suppression comments and is no rule" in result.output
    assert "WB802" not in result.output
