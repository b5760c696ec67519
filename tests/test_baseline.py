"""Baselines: `wbl baseline` records a draft's findings; `wbl check --baseline` reports only new ones.

The CLI runs in-process (spaCy loads once) with `--select WB601` and `--isolated`, so these tests
do not depend on rules that others are still tuning or on a configuration file in the checkout.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from wbl.baseline import FORMAT, VERSION, Baseline, BaselineError, context_of, normalise
from wbl.cli import main

from .conftest import REPO

SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
# DRAFT is a small PR/FAQ wbl alone is not sure of (hints only); said to be one, it keeps severities.
PLAIN = ("--select", "WB601", "--isolated", "--no-cache")
COMMON = (*PLAIN, "--kind", "prfaq")

DRAFT = """\
# Shelfwise makes returns seamless

Many bookstore owners lose a day each week to returns. Shelfwise is a very
simple app that handles them, and it is significantly faster than a spreadsheet.

## Frequently asked questions

### Who is it for?

Independent bookstore owners who work with various suppliers.
"""
OLD_WORDS = ["seamless", "Many", "very", "significantly", "various"]


def in_release(sentence: str) -> str:
    """DRAFT with a paragraph added to its release (in the FAQ, a weasel word is only a hint)."""
    return DRAFT.replace("than a spreadsheet.\n", f"than a spreadsheet.\n\n{sentence}\n")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def write_baseline(*paths: str, output: str = "wbl-baseline.json") -> dict:
    code, out, err = run("baseline", *paths, "-o", output, *COMMON)
    assert code == 0, err
    assert f"to {output}" in out
    return json.loads(Path(output).read_text(encoding="utf-8"))


def check(*args: str, baseline: str = "wbl-baseline.json") -> tuple[int, list[str], str]:
    """`wbl check --format json --baseline ...`: exit code, flagged texts, stderr."""
    code, out, err = run("check", "--format", "json", "--baseline", baseline, *COMMON, *args)
    data = json.loads(out)
    return code, [f["text"] for file in data["files"] for f in file["findings"]], err


def statistics_line(*args: str) -> str:
    _, out, err = run("check", "--statistics", "--baseline", "wbl-baseline.json", *COMMON, *args)
    lines = [line for line in out.splitlines() if line.startswith("baseline ")]
    assert len(lines) == 1, out + err
    return lines[0]


def counts(line: str) -> dict[str, int]:
    return {kind: int(n) for n, kind in re.findall(r"(\d+) (fixed|new|unchanged)", line)}


@pytest.fixture
def draft(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_rechecking_the_baselined_draft_reports_nothing(draft):
    data = write_baseline("draft.md")
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert sorted(e["text"] for e in data["files"]["draft.md"]) == sorted(OLD_WORDS)
    code, texts, _ = check("draft.md")
    assert (code, texts) == (0, [])
    assert counts(statistics_line("draft.md")) == {"fixed": 0, "new": 0, "unchanged": 5}


def test_the_file_is_stable_sorted_and_relative(draft, tmp_path):
    first = write_baseline("draft.md", output="a.json")
    write_baseline(str(tmp_path / "draft.md"), output="b.json")  # an absolute path is stored relative
    assert Path("a.json").read_bytes() == Path("b.json").read_bytes()
    entries = first["files"]["draft.md"]
    assert [(e["line"], e["column"]) for e in entries] == sorted((e["line"], e["column"]) for e in entries)
    assert all(re.fullmatch(r"[0-9a-f]{20}", e["fingerprint"]) for e in entries)


def test_edits_elsewhere_do_not_bring_old_findings_back(draft):
    write_baseline("draft.md")
    edited = DRAFT.replace(
        "# Shelfwise makes returns seamless\n",
        "# Shelfwise makes returns seamless\n\nSEATTLE, 3 March: a new paragraph.\n\nAnd a second one.\n",
    )
    # Re-wrapped, and a new sentence after the old one in the same paragraph.
    edited = edited.replace("is a very\nsimple app", "is a very simple\napp").replace(
        "suppliers.", "suppliers. They order 40 titles a week."
    )
    draft.write_text(edited, encoding="utf-8")
    code, texts, _ = check("draft.md")
    assert (code, texts) == (0, [])
    assert counts(statistics_line("draft.md")) == {"fixed": 0, "new": 0, "unchanged": 5}


def test_only_a_new_weasel_word_is_reported(draft):
    write_baseline("draft.md")
    draft.write_text(in_release("It is truly a better way to return books."), encoding="utf-8")
    code, texts, _ = check("draft.md")
    assert (code, texts) == (1, ["truly"])
    # The same word again in a new sentence is new too; the old one stays matched.
    draft.write_text(in_release("Returns are very slow today."), encoding="utf-8")
    assert check("draft.md")[:2] == (1, ["very"])


DENSE = """\
# Keyring helps small banks keep keys safe

Keyring stores the signing keys of small banks. The appliance's cryptographic coprocessor performs
asymmetric key derivation through PKCS#11 interfaces, exposing idempotent endpoints for multitenant
orchestration of ephemeral credentials across heterogeneous infrastructure. Administrators
provision hierarchical deterministic wallets through declarative configuration manifests.
"""
PARAGRAPH_RULES = ("--select", "WB401,WB501", "--isolated", "--no-cache")


def test_a_word_added_to_a_paragraph_keeps_its_paragraph_findings_matched(tmp_path, monkeypatch):
    """Readability flags the whole paragraph and its message carries numbers that move when a
    word is added; jargon flags a sentence: the findings stay matched all the same."""
    monkeypatch.chdir(tmp_path)
    Path("dense.md").write_text(DENSE, encoding="utf-8")
    code, _, err = run("baseline", "dense.md", "-o", "wbl-baseline.json", *PARAGRAPH_RULES)
    assert code == 0, err
    before = json.loads(Path("wbl-baseline.json").read_text(encoding="utf-8"))["files"]["dense.md"]
    assert sorted(e["rule"] for e in before) == ["WB401", "WB401", "WB501"]
    Path("dense.md").write_text(DENSE.replace("Keyring stores", "Today Keyring stores"), encoding="utf-8")
    code, out, err = run("check", "--format", "json", *PARAGRAPH_RULES, "dense.md")
    now = json.loads(out)["files"][0]["findings"]
    assert sorted(f["rule"] for f in now) == ["WB401", "WB401", "WB501"], err
    moved = {f["message"] for f in now if f["rule"] == "WB501"}
    assert moved.isdisjoint(e["message"] for e in before if e["rule"] == "WB501"), "the numbers moved"
    code, out, err = run("check", "--format", "json", "--baseline", "wbl-baseline.json", *PARAGRAPH_RULES, "dense.md")
    assert (code, json.loads(out)["files"][0]["findings"]) == (0, []), err
    # A paragraph rewritten beyond recognition is new, whatever its rule.
    rewritten = DENSE.split("Keyring stores")[0] + "Operators rotate quorum-sealed HSM partitions nightly via KMIP.\n"
    Path("dense.md").write_text(rewritten, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--baseline", "wbl-baseline.json", *PARAGRAPH_RULES, "dense.md")
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["WB401"]


def test_removing_an_old_finding_counts_as_fixed(draft):
    write_baseline("draft.md")
    # 'very' goes; 'Many' and 'significantly' in the same paragraph stay matched.
    draft.write_text(DRAFT.replace("is a very\nsimple", "is a\nsimple"), encoding="utf-8")
    code, texts, _ = check("draft.md")
    assert (code, texts) == (0, [])
    assert counts(statistics_line("draft.md")) == {"fixed": 1, "new": 0, "unchanged": 4}


def test_a_baseline_is_compared_with_every_finding_before_min_severity(draft):
    write_baseline("draft.md")
    # A new weasel word in the release (a warning) and one in the FAQ (a hint).
    text = in_release("It is truly quick.").replace("various suppliers", "various suppliers, really")
    draft.write_text(text, encoding="utf-8")
    assert check("draft.md")[1] == ["truly", "really"]
    code, texts, _ = check("draft.md", "--min-severity", "warning")
    assert (code, texts) == (1, ["truly"])
    # The baselined hint ("various") is left out of the report, not counted as fixed.
    line = statistics_line("draft.md", "--min-severity", "warning")
    assert counts(line) == {"fixed": 0, "new": 2, "unchanged": 5}


def test_entries_of_rules_that_did_not_run_are_not_fixed(draft):
    data = write_baseline("draft.md")
    other = dict(data["files"]["draft.md"][0], rule="WB503", fingerprint="0" * 20)
    data["files"]["draft.md"].append(other)
    Path("wbl-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    assert counts(statistics_line("draft.md")) == {"fixed": 0, "new": 0, "unchanged": 5}


def test_a_baseline_in_a_parent_directory_matches(draft, tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "prfaq.md").write_text(DRAFT, encoding="utf-8")
    data = write_baseline("docs")
    assert list(data["files"]) == ["docs/prfaq.md"]
    monkeypatch.chdir(tmp_path / "docs")
    assert check("prfaq.md", baseline="../wbl-baseline.json")[:2] == (0, [])


def test_sarif_marks_baseline_state_and_validates(draft):
    write_baseline("draft.md")
    edited = in_release("It is truly a good way.").replace("is a very\nsimple", "is a\nsimple")
    draft.write_text(edited, encoding="utf-8")
    code, out, _ = run("check", "--format", "sarif", "--baseline", "wbl-baseline.json", *COMMON, "draft.md")
    assert code == 1
    log = json.loads(out)
    results = log["runs"][0]["results"]
    states = {r["baselineState"]: [] for r in results}
    for r in results:
        states[r["baselineState"]].append(r)
    assert [r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] for r in states["new"]] == ["truly"]
    assert len(states["unchanged"]) == 4
    assert all(r["suppressions"][0]["kind"] == "external" for r in states["unchanged"])
    (absent,) = states["absent"]
    assert absent["ruleId"] == "WB601" and "'very'" in absent["message"]["text"]
    assert absent["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}
    assert all(r["partialFingerprints"] for r in results)
    if not SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not present")
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file"),
        ("{", "invalid JSON"),
        ("[]", "not a wbl baseline"),
        ('{"format": "wbl-baseline", "version": 99, "files": {}}', "version 99 is not supported"),
        ('{"format": "wbl-baseline", "version": 1, "files": []}', '"files" must be'),
        ('{"format": "wbl-baseline", "version": 1, "files": {"a.md": [{"rule": "WB601"}]}}', '"fingerprint"'),
    ],
)
def test_a_missing_or_invalid_baseline_is_one_line_and_exit_2(draft, content, problem):
    if content is not None:
        Path("wbl-baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run("check", "--baseline", "wbl-baseline.json", *COMMON, "draft.md")
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("wbl: error: baseline wbl-baseline.json: ") and problem in err


def test_baseline_command_writes_nothing_when_a_file_cannot_be_linted(draft):
    code, _, err = run("baseline", "draft.md", "missing.md", "-o", "wbl-baseline.json", *COMMON)
    assert code == 2
    assert "missing.md: error:" in err
    assert not Path("wbl-baseline.json").exists()
    # No paths: the current directory, as for `wbl check` (draft.md is in it).
    code, out, err = run("baseline", *COMMON)
    assert code == 0 and "to wbl-baseline.json" in out, err
    recorded = json.loads(Path("wbl-baseline.json").read_text(encoding="utf-8"))["files"]
    assert list(recorded) == ["draft.md"]


def test_empty_baseline_reports_everything(draft):
    Path("wbl-baseline.json").write_text('{"format": "wbl-baseline", "version": 1, "files": {}}', encoding="utf-8")
    code, texts, _ = check("draft.md")
    assert code == 1 and sorted(texts) == sorted(OLD_WORDS)


def test_load_names_the_file(tmp_path):
    with pytest.raises(BaselineError, match=r"^baseline .*nope\.json: no such file"):
        Baseline.load(tmp_path / "nope.json")


def test_context_is_the_sentence_without_markup():
    text = "# Title\n\nOur *seamless* sync is\nvery fast. It is [good](https://x.example) <!-- a. b -->indeed!\n"
    start = text.index("very")
    assert context_of(text, start, start + 4) == "our seamless sync is very fast."
    start = text.index("good")
    assert context_of(text, start, start + 4) == "it is good indeed!"
    assert context_of(text, 0, 0) == ""  # no flagged text, no context
    # A list item is a block of its own: the next item is not part of the context.
    items = "- many owners\n- the next item\n"
    assert context_of(items, 2, 6) == "many owners"
    assert normalise("  “Very”\u00a0**fast** ") == '"very" fast'


def test_baseline_judges_files_as_the_kind_check_is_told(tmp_path, monkeypatch):
    # A README is not judged as a PR/FAQ unless --kind says so; a baseline made with the same
    # --kind records exactly the findings that check then reports.
    monkeypatch.chdir(tmp_path)
    Path("README.md").write_text("# Install\n\nRun the installer. It is very simple and significantly faster.\n")
    _, out, _ = run("check", "--format", "json", "--kind", "prfaq", *PLAIN, "README.md")
    reported = sorted(f["text"] for file in json.loads(out)["files"] for f in file["findings"])
    assert reported == ["significantly", "very"]
    _, out, _ = run("check", "--format", "json", *PLAIN, "README.md")
    assert [f for file in json.loads(out)["files"] for f in file["findings"]] == []
    code, _, err = run("baseline", "README.md", "--kind", "prfaq", *PLAIN)
    assert code == 0, err
    recorded = json.loads(Path("wbl-baseline.json").read_text(encoding="utf-8"))["files"]["README.md"]
    assert sorted(e["text"] for e in recorded) == reported
    code, out, _ = run(
        "check", "--format", "json", "--baseline", "wbl-baseline.json", "--kind", "prfaq", *PLAIN, "README.md"
    )
    texts = [f["text"] for file in json.loads(out)["files"] for f in file["findings"]]
    assert (code, texts) == (0, [])


def test_the_summary_line_is_the_same_with_a_baseline(tmp_path, monkeypatch):
    # check --baseline rebuilds each file's report with its new findings only: the file's kind
    # (a README is not judged, not "clean") and a PR/FAQ's score must survive that.
    monkeypatch.chdir(tmp_path)
    Path("README.md").write_text("# Tool\n\n## Installation\n\nRun pip.\n\n## Usage\n\nRun it.\n")
    Path("draft.md").write_text(DRAFT, encoding="utf-8")
    code, _, err = run("baseline", "README.md", "draft.md", *PLAIN)
    assert code == 0, err
    _, plain, _ = run("check", *PLAIN, "README.md", "draft.md")
    _, baselined, _ = run("check", "--baseline", "wbl-baseline.json", *PLAIN, "README.md", "draft.md")
    for output in (plain, baselined):
        assert "; 1 file taken for other Markdown, not judged" in output
    assert "Found 0 findings (0 errors, 0 warnings, 0 infos) in 2 files; 1 file clean;" in baselined
    assert "draft.md: PR/FAQ, score" in plain and "draft.md: PR/FAQ, score" in baselined
