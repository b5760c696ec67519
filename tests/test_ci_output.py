"""CI-ready output: SARIF fingerprints and repository paths, reviewdog (rdjson), GitLab Code Quality,
the summary line and GitHub's step summary; then the CLI's --output-file, --exit-zero and --quiet."""

from __future__ import annotations

import json
import re
import stat
import subprocess
from pathlib import Path

import pytest

import wbl
from wbl.findings import FileReport, Report
from wbl.reporters import REPORTERS, RenderOptions, Tally, score_lines, step_summary, summary_line
from wbl.reporters.base import rule_help_uri
from wbl.reporters.sarif import FINGERPRINT_KEY
from wbl.reporters.summary import ANNOTATIONS_PER_STEP, cell
from wbl.rule import Severity

from .conftest import clean_env, wbl_command
from .test_reporters import SCHEMA, TEXT, WEASEL, finding, sample_report
from .test_reporters import _outside_any_repository as _outside_any_repository  # the same autouse fixture

DRAFT = """\
# Shelfwise launches returns for bookstores

Many bookstore owners wait a very long time for refunds. Shelfwise makes returns seamless.

Our seamless platform leverages synergies and many integrations.
"""


@pytest.fixture
def report() -> Report:
    return sample_report()


def _tally(report: Report) -> Tally:
    tally = Tally()
    for file_report in report.files:
        tally.add(file_report)
    return tally


def _repository(tmp_path: Path) -> Path:
    """A folder that wbl takes for a git repository (a `.git` folder is all it looks for)."""
    (tmp_path / ".git").mkdir(parents=True)
    return tmp_path


# --- SARIF -------------------------------------------------------------------------------------------


def _results(log: dict) -> list[dict]:
    return log["runs"][0]["results"]


def test_sarif_every_result_has_a_fingerprint(report):
    log = json.loads(REPORTERS["sarif"](report, RenderOptions(rules=(WEASEL,))))
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in _results(log)]
    assert len(prints) == len(report.findings)
    assert len(set(prints)) == len(prints), "two findings share a fingerprint"
    assert all(re.fullmatch(r"[0-9a-f]{20}", p) for p in prints)


def test_sarif_fingerprints_survive_edits_elsewhere():
    """Lines inserted above and a paragraph changed below move the findings, not their fingerprints.
    (Both versions are judged as PR/FAQs: the test is about fingerprints, not about the kind.)"""
    linter = wbl.Linter(wbl.LintOptions(kind="prfaq"))
    before = linter.lint_text(DRAFT, "draft.md")
    edited = DRAFT.replace("# Shelfwise", "# Shelfwise\n\nA new first paragraph, plain and short.\n\n## Shelfwise", 1)
    edited += "\nA new last paragraph about the weather in Berlin.\n"
    after = linter.lint_text(edited, "draft.md")

    def prints(file_report: FileReport) -> dict[tuple[str, str], str]:
        log = json.loads(REPORTERS["sarif"](Report((file_report,))))
        by_finding = {}
        for result, f in zip(_results(log), file_report.findings, strict=True):
            by_finding[(f.rule, f.text, f.start)] = result["partialFingerprints"][FINGERPRINT_KEY]
        return {(rule, text): p for (rule, text, _), p in sorted(by_finding.items(), key=lambda i: i[0][2])}

    old, new = prints(before), prints(after)
    kept = {key for key in old if key[0] in ("WB601", "WB402")}
    assert kept, before.findings
    assert all(new.get(key) == old[key] for key in kept), (old, new)
    moved = [f for f in after.findings if f.rule == "WB601"]
    assert moved and moved[0].line > next(f for f in before.findings if f.rule == "WB601").line


def test_sarif_uris_are_relative_to_the_repository_from_a_subfolder(tmp_path, monkeypatch):
    root = _repository(tmp_path)
    (root / "docs" / "deep").mkdir(parents=True)
    monkeypatch.chdir(root / "docs" / "deep")
    outside = tmp_path.parent / "elsewhere.md"
    inside = finding(TEXT, "seamless", path="../prfaq.md")
    away = finding(TEXT, "Many", path=str(outside))
    log = json.loads(
        REPORTERS["sarif"](
            Report(
                (
                    FileReport(inside.path, (inside,), source_text=TEXT),
                    FileReport(away.path, (away,), source_text=TEXT),
                    FileReport("broken.md", errors=("not valid UTF-8",)),
                )
            )
        )
    )
    run = log["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": root.as_uri() + "/"}}
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert locations[0] == {"uri": "docs/prfaq.md", "uriBaseId": "%SRCROOT%"}
    assert locations[1] == {"uri": outside.as_uri()}  # outside the repository: an absolute URI
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/deep/broken.md"
    if SCHEMA.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_sarif_root_can_be_given(tmp_path):
    f = finding(TEXT, "seamless", path=str(tmp_path / "a" / "b.md"))
    log = json.loads(
        REPORTERS["sarif"](Report((FileReport(f.path, (f,), source_text=TEXT),)), RenderOptions(root=str(tmp_path)))
    )
    assert _results(log)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a/b.md"


# --- reviewdog (rdjson) ------------------------------------------------------------------------------
# reviewdog's Diagnostic Format (proto/rdf/reviewdog.proto and its JSON schema in the reviewdog
# repository, MIT licensed, not copied here): checked field by field.


def _check_position(position: dict) -> None:
    assert set(position) <= {"line", "column"}
    assert all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in position.values())


def _check_range(span: dict) -> None:
    assert set(span) <= {"start", "end"} and "start" in span
    for position in span.values():
        _check_position(position)


def _check_rdjson(result: dict) -> None:
    """The documented shape of a DiagnosticResult, field by field."""
    assert set(result) <= {"diagnostics", "source", "severity"}
    assert isinstance(result["source"]["name"], str) and isinstance(result["source"].get("url", ""), str)
    for d in result["diagnostics"]:
        assert set(d) <= {"message", "location", "severity", "source", "code", "suggestions", "original_output"}
        assert isinstance(d["message"], str)
        assert set(d["location"]) <= {"path", "range"} and isinstance(d["location"]["path"], str)
        if "range" in d["location"]:
            _check_range(d["location"]["range"])
        assert d.get("severity", "ERROR") in ("UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO")
        if "code" in d:
            assert set(d["code"]) <= {"value", "url"} and isinstance(d["code"]["value"], str)
        for suggestion in d.get("suggestions", ()):
            assert set(suggestion) == {"range", "text"} and isinstance(suggestion["text"], str)
            _check_range(suggestion["range"])
        assert isinstance(d.get("original_output", ""), str)


def test_rdjson_shape_and_values(report):
    result = json.loads(REPORTERS["rdjson"](report))
    _check_rdjson(result)
    assert result["source"]["name"] == "wbl"
    diagnostics = [d for d in result["diagnostics"] if d["code"]["value"] != "wbl"]
    assert len(diagnostics) == len(report.findings)
    for d, f in zip(diagnostics, report.findings, strict=True):
        assert d["message"] == f.full_message and d["location"]["path"] == f.path
        assert d["severity"] == f.severity.value.upper()
        assert d["code"] == {"value": f.rule}  # no help link without a documentation site
        assert d["location"]["range"]["start"]["line"] == f.line and d["location"]["range"]["end"]["line"] == f.end_line
    (error,) = [d for d in result["diagnostics"] if d["code"]["value"] == "wbl"]
    assert error["severity"] == "ERROR" and error["location"] == {"path": "docs/broken.md"}


def test_rdjson_columns_are_utf8_bytes(report):
    """reviewdog counts columns in UTF-8 bytes, end exclusive: check them against the line itself."""
    diagnostics = [d for d in json.loads(REPORTERS["rdjson"](report))["diagnostics"] if d["code"]["value"] != "wbl"]
    lines = TEXT.splitlines()
    for d, f in zip(diagnostics, report.findings, strict=True):
        span = d["location"]["range"]
        if span["start"]["line"] != span["end"]["line"]:
            continue
        encoded = lines[f.line - 1].encode("utf-8")
        assert encoded[span["start"]["column"] - 1 : span["end"]["column"] - 1].decode("utf-8") == f.text
    very = report.findings[3]
    assert very.line == 4 and very.text == "very"
    assert diagnostics[3]["location"]["range"]["start"]["column"] > very.column  # 表 and 😀 take several bytes


def test_rdjson_suggestion_replaces_the_range():
    f = finding(TEXT, "seamless", suggestion="smooth")
    (d,) = json.loads(REPORTERS["rdjson"](Report((FileReport(f.path, (f,), source_text=TEXT),))))["diagnostics"]
    assert d["suggestions"] == [{"range": d["location"]["range"], "text": "smooth"}]
    _check_rdjson({"source": {"name": "wbl"}, "diagnostics": [d]})


# --- GitLab Code Quality -----------------------------------------------------------------------------

GITLAB_SEVERITIES = ("info", "minor", "major", "critical", "blocker")


def _check_gitlab(issues: list) -> None:
    """The fields GitLab documents for a Code Quality report, each with its type."""
    assert isinstance(issues, list)
    for issue in issues:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
        assert issue["severity"] in GITLAB_SEVERITIES
        assert isinstance(issue["location"]["path"], str) and not issue["location"]["path"].startswith("/")
        begin = issue["location"]["lines"]["begin"]
        assert isinstance(begin, int) and begin >= 1
    prints = [issue["fingerprint"] for issue in issues]
    assert len(set(prints)) == len(prints), "GitLab shows one issue per fingerprint"


def test_gitlab_shape_and_values(report):
    issues = json.loads(REPORTERS["gitlab"](report))
    _check_gitlab(issues)
    findings = [i for i in issues if i["check_name"] != "wbl-error"]
    assert len(findings) == len(report.findings)
    for issue, f in zip(findings, report.findings, strict=True):
        assert issue["check_name"] == f"{f.rule} {f.name}" and f.message in issue["description"]
        assert issue["severity"] == {"info": "info", "warning": "minor", "error": "major"}[f.severity.value]
        assert issue["location"] == {"path": "docs/prfaq.md", "lines": {"begin": f.line, "end": f.end_line}}
    (error,) = [i for i in issues if i["check_name"] == "wbl-error"]
    assert error["location"]["path"] == "docs/broken.md"


def test_gitlab_fingerprints_are_unique_across_files_and_stable():
    """The same finding in two files is two issues; moving it down a file keeps its fingerprint."""
    first = finding(TEXT, "seamless")
    moved_text = "# Intro\n\nSome words first.\n\n" + TEXT
    moved = finding(moved_text, "seamless", path="docs/prfaq.md")
    copy = finding(TEXT, "seamless", path="docs/copy.md")
    issues = json.loads(
        REPORTERS["gitlab"](
            Report(
                (
                    FileReport(first.path, (first,), source_text=TEXT),
                    FileReport(copy.path, (copy,), source_text=TEXT),
                )
            )
        )
    )
    _check_gitlab(issues)
    again = json.loads(REPORTERS["gitlab"](Report((FileReport(moved.path, (moved,), source_text=moved_text),))))
    assert again[0]["fingerprint"] == issues[0]["fingerprint"] and again[0]["location"]["lines"]["begin"] != first.line


def test_gitlab_paths_are_relative_to_the_repository(tmp_path, monkeypatch):
    root = _repository(tmp_path)
    (root / "docs").mkdir()
    monkeypatch.chdir(root / "docs")
    f = finding(TEXT, "seamless", path="prfaq.md")
    (issue,) = json.loads(REPORTERS["gitlab"](Report((FileReport(f.path, (f,), source_text=TEXT),))))
    assert issue["location"]["path"] == "docs/prfaq.md"


# --- the summary line and the step summary -------------------------------------------------------------


def test_summary_line_counts(report):
    assert summary_line(_tally(report)) == (
        "Found 5 findings (1 error, 3 warnings, 1 info) in 3 files; 1 file clean; "
        "1 file with errors (not linted, or not by every rule)"
    )
    clean = Report((FileReport("a.md"), FileReport("b.md")))
    assert summary_line(_tally(clean)) == "Found 0 findings (0 errors, 0 warnings, 0 infos) in 2 files; 2 files clean"


def test_summary_line_does_not_call_unjudged_files_clean():
    # A README taken for other Markdown got no finding because wbl did not judge it, not because
    # it passed; a fragment is judged (sentence findings only) and can be clean.
    run = Report((FileReport("README.md", kind="other"), FileReport("a.md", kind="fragment"), FileReport("b.md")))
    assert summary_line(_tally(run)) == (
        "Found 0 findings (0 errors, 0 warnings, 0 infos) in 3 files; 2 files clean; "
        "1 file taken for other Markdown, not judged (--verbose names them)"
    )
    # Nothing in the run judged: a short draft under a plain name may be a PR/FAQ; say how to judge it.
    alone = Report((FileReport("search.md", kind="other"),))
    assert summary_line(_tally(alone), named=True) == (
        "Found 0 findings (0 errors, 0 warnings, 0 infos) in 1 file; 0 files clean; "
        "1 file taken for other Markdown, not judged (a PR/FAQ draft? --kind prfaq judges it as one)"
    )


def test_summary_and_score_lines_say_which_files_get_hints_only():
    # A file wbl is not sure is a PR/FAQ never fails a run: the summary and its score line say so,
    # so that "0 warnings" is not read as a pass.
    score = {"score": 20, "components": {}, "baseline": 50.0}
    unsure = FileReport("draft.md", kind="press_release", hints_only=True, score=score)
    sure = FileReport("prfaq.md", kind="prfaq", score=score)
    tally = _tally(Report((unsure, sure)))
    assert summary_line(tally) == (
        "Found 0 findings (0 errors, 0 warnings, 0 infos) in 2 files; 2 files clean; "
        "1 file wbl is not sure of (hints only; set their kind to judge them fully) (--verbose names them)"
    )
    assert summary_line(tally, named=True).endswith("(hints only; set their kind to judge them fully)")  # --verbose
    assert score_lines(tally) == [
        "  draft.md: press release, score 20/100; not sure it is one: findings are hints only",
        "  prfaq.md: PR/FAQ, score 20/100",
    ]


def test_step_summary_tables_and_links(report):
    environ = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc123"}
    text = step_summary(_tally(report), Path.cwd(), environ)
    assert text.startswith("## wbl: 5 findings in 1 file\n")
    assert summary_line(_tally(report)) in text
    rows = {line.split(" | ")[0]: line for line in text.splitlines() if line.startswith("| WB")}
    assert rows["| WB601 weasel-word"].endswith("| 4 | 0 | 3 | 1 |")  # no link without a documentation site
    linked = step_summary(_tally(report), Path.cwd(), {**environ, "WBL_DOCS_URL": "https://docs.example.com/wbl"})
    assert "| [WB601 weasel-word](" + str(rule_help_uri("weasel-word", "https://docs.example.com/wbl")) + ")" in linked
    assert "| docs/prfaq.md | 5 | 1 | 3 | 1 |" in text
    severe = [line for line in text.splitlines() if line.startswith("| 🔴") or line.startswith("| 🟡")]
    assert severe[0].startswith("| 🔴 error | [docs/prfaq.md:5:1](https://github.com/o/r/blob/abc123/docs/prfaq.md#L5)")
    assert "[!NOTE]" not in text  # under GitHub's annotation limits
    assert "[docs/prfaq.md" not in step_summary(_tally(report), Path.cwd(), {})  # no links without the variables


def test_step_summary_says_when_annotations_are_capped():
    many = "\n".join(f"Line {n} is seamless." for n in range(ANNOTATIONS_PER_STEP + 5)) + "\n"
    findings = tuple(finding(many, "seamless", occurrence=n) for n in range(ANNOTATIONS_PER_STEP + 5))
    text = step_summary(_tally(Report((FileReport("docs/prfaq.md", findings, source_text=many),))), Path.cwd(), {})
    assert "[!NOTE]" in text and f"at most {ANNOTATIONS_PER_STEP} annotations" in text and "5 warnings" in text
    assert "### Most severe findings (15 of 15)" in text


def test_step_summary_keeps_the_most_severe():
    text_of = "\n".join(f"Line {n} is seamless." for n in range(60)) + "\n"
    findings = [finding(text_of, "seamless", occurrence=n, severity=Severity.INFO) for n in range(60)]
    findings[45] = finding(text_of, "seamless", occurrence=45, severity=Severity.ERROR)
    tally = _tally(Report((FileReport("docs/prfaq.md", tuple(findings), source_text=text_of),)))
    top = tally.top()
    assert len(top) == 30 and top[0].severity is Severity.ERROR and top[0].line == 46
    assert [f.line for f in top[1:]] == list(range(1, 30))  # then in run order


def test_step_summary_cells_cannot_break_the_table():
    assert cell("a | b\nc <script> *x* `y`") == "a \\| b c &lt;script&gt; \\*x\\* \\`y\\`"


# --- the command line --------------------------------------------------------------------------------


def run(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        # The documents are fragments: said to be, their findings keep their severities.
        [*wbl_command(), "check", "--kind", "fragment", *args],
        capture_output=True,
        text=True,
        env=clean_env(**env),
        cwd=cwd,
        timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def project(tmp_path) -> Path:
    root = _repository(tmp_path / "repo")
    (root / "docs").mkdir()
    (root / "docs" / "draft.md").write_text(DRAFT, encoding="utf-8")
    (root / "docs" / "clean.md").write_text("# Notes\n\nThe shop opens at nine.\n", encoding="utf-8")
    return root


@pytest.mark.slow
def test_cli_summary_line_quiet_and_exit_zero(project):
    plain = run("--select", "WB601", cwd=project)
    assert plain.returncode == 1
    lines = plain.stdout.rstrip("\n").splitlines()
    assert re.fullmatch(r"Found \d+ findings \(0 errors, \d+ warnings, 0 infos\) in 2 files; 1 file clean", lines[-1])
    assert lines[-2] == "" and "docs/draft.md:3:1: WB601" in plain.stdout
    quiet = run("--select", "WB601", "--quiet", cwd=project)
    assert quiet.stdout == plain.stdout[: plain.stdout.rindex("\n\nFound")] + "\n"
    assert run("--select", "WB601", "--exit-zero", cwd=project).returncode == 0
    clean = run("--select", "WB601", "--quiet", "docs/clean.md", cwd=project)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")
    missing = run("--exit-zero", "docs/missing.md", cwd=project)
    assert missing.returncode == 2, "--exit-zero does not hide errors"


@pytest.mark.slow
def test_cli_output_file_is_written_whole(project):
    target = project / "out" / "wbl.sarif"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    result = run("--format", "sarif", "--output-file", str(target), "--select", "WB601", cwd=project / "docs")
    assert result.returncode == 1 and result.stdout == ""
    log = json.loads(target.read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"docs/draft.md"}  # run in docs/: still the repository's path
    assert all(FINGERPRINT_KEY in r["partialFingerprints"] for r in log["runs"][0]["results"])
    assert [p.name for p in target.parent.iterdir()] == ["wbl.sarif"], "no temporary file left"
    assert stat.S_IMODE(target.stat().st_mode) & 0o044, "readable by others, like any new file"
    text = project / "out" / "report.txt"
    assert run("-o", str(text), "--select", "WB601", cwd=project).returncode == 1
    assert text.read_text(encoding="utf-8").rstrip().splitlines()[-1].startswith("Found ")
    # A configuration error stops the run before anything is written: the old file stays.
    (project / "wbl.toml").write_text("select = [\n", encoding="utf-8")
    broken = run("--format", "sarif", "--output-file", str(target), cwd=project)
    assert broken.returncode == 2 and json.loads(target.read_text(encoding="utf-8")) == log
    assert {p.name for p in target.parent.iterdir()} == {"wbl.sarif", "report.txt"}
    nowhere = run("-o", str(project / "no" / "such" / "dir" / "x.txt"), cwd=project / "docs")
    assert nowhere.returncode == 2 and "cannot write" in nowhere.stderr
    # The report never replaces a document named to be linted (a slip in a CI script).
    draft = project / "docs" / "draft.md"
    before = draft.read_bytes()
    over = run("-o", "draft.md", "draft.md", cwd=project / "docs")
    assert over.returncode == 2 and "is a file to lint" in over.stderr and draft.read_bytes() == before


@pytest.mark.slow
@pytest.mark.parametrize("output_format", ["rdjson", "gitlab", "github"])
def test_cli_new_formats(project, output_format):
    result = run("--format", output_format, "--select", "WB601,WB402", cwd=project)
    assert result.returncode == 1, result.stderr
    if output_format == "rdjson":
        _check_rdjson(json.loads(result.stdout))
    elif output_format == "gitlab":
        _check_gitlab(json.loads(result.stdout))
    else:
        # A warning is a ::warning annotation, a hint (a buzzword alone is one) a ::notice.
        lines = result.stdout.splitlines()
        expected = {"WB601": "::warning", "WB402": "::notice"}
        assert {line.split("title=", 1)[1].split("::", 1)[0] for line in lines} == set(expected)
        for line in lines:
            rule = line.split("title=", 1)[1].split("::", 1)[0]
            assert line.startswith(f"{expected[rule]} file=docs/draft.md,"), line


@pytest.mark.slow
def test_cli_writes_the_step_summary(project, tmp_path):
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = run("--format", "github", "--select", "WB601", cwd=project, GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## wbl: ")  # appended, as GitHub expects
    assert "| WB601 weasel-word |" in text and "| docs/draft.md |" in text
    without = run("--format", "github", "--select", "WB601", cwd=project)
    assert without.returncode == 1 and summary.read_text(encoding="utf-8") == text


@pytest.mark.slow
def test_no_command_writes_over_a_document_it_lints(tmp_path):
    """`wbl report` and `wbl baseline` refuse an output that is their input, and `wbl check` one
    that the walk of a named folder would lint (the adoption audit of 2026-12-07)."""
    draft = tmp_path / "docs" / "draft.md"
    draft.parent.mkdir()
    draft.write_text("# Shelfwise\n\nOwners are very happy.\n", encoding="utf-8")
    before = draft.read_bytes()
    for args in (["report", "draft.md", "-o", "draft.md"], ["baseline", "draft.md", "-o", "draft.md"]):
        result = subprocess.run(
            [*wbl_command(), *args], cwd=draft.parent, capture_output=True, text=True, env=clean_env(), timeout=300
        )
        assert result.returncode == 2 and "is a file to lint" in result.stderr, args
        assert draft.read_bytes() == before
    walked = run("docs", "-o", "docs/draft.md", cwd=tmp_path)
    assert walked.returncode == 2 and "is a file to lint" in walked.stderr and draft.read_bytes() == before
    # A Markdown report in a folder the configuration excludes is no document the walk lints.
    (tmp_path / "docs" / "out").mkdir()
    (tmp_path / "docs" / "out" / "last.md").write_text("old report", encoding="utf-8")
    (tmp_path / "wbl.toml").write_text('exclude = ["docs/out"]\n', encoding="utf-8")
    assert run("docs", "-o", "docs/out/last.md", cwd=tmp_path).returncode in (0, 1)
    # A report file beside the documents is no document: it may be written over.
    (tmp_path / "docs" / "report.txt").write_text("old", encoding="utf-8")
    assert run("docs", "-o", "docs/report.txt", cwd=tmp_path).returncode in (0, 1)
    assert (tmp_path / "docs" / "report.txt").read_text(encoding="utf-8") != "old"
