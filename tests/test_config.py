"""Configuration files: discovery, validation, per-file resolution, `wbl config`, the library."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import wbl
from wbl.cli import main
from wbl.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, ConfigError, find_config_file, glob_match, load_config
from wbl.project import Project

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# 'very' is a weasel word; 'gizmo' is in no list (a buzzword's finding would fold the weasel word's in).
TEXT = "# Launch\n\nOur gizmo is very good.\n"
# TEXT is a fragment: a fragment wbl finds by itself gets hints (info) only, so the tests of
# severities and exit codes say what it is, and its findings keep their severities.
FRAGMENT = ("--kind", "fragment")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(*args: str, stdin: str | None = None) -> tuple[int, dict | None, str]:
    """Run `wbl check --format json ARGS` in-process: exit code, JSON output, stderr."""
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else None, result.stderr


def found(data: dict, rule: str = "WB601") -> dict[str, list[str]]:
    """Path -> texts flagged by `rule`."""
    return {f["path"]: [x["text"] for x in f["findings"] if x["rule"] == rule] for f in data["files"]}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- discovery --------------------------------------------------------------------------------------


def test_nearest_configuration_wins(project):
    write(project / "wbl.toml", 'ignore = ["WB601"]\n')
    write(project / "sub" / "wbl.toml", "[rules.weasel-word]\nextend-words = ['gizmo']\n")
    write(project / "top.md", TEXT)
    write(project / "sub" / "deep" / "inner.md", TEXT)
    code, data, _ = check(*FRAGMENT, "top.md", "sub")
    assert found(data) == {"top.md": [], "sub/deep/inner.md": ["gizmo", "very"]}
    assert code == 1


def test_pyproject_without_tool_wbl_is_passed_over(project):
    write(project / "wbl.toml", 'ignore = ["weasel"]\n')
    write(project / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(project / "sub" / "a.md", TEXT)
    assert find_config_file(project / "sub") == project / "wbl.toml"
    _, data, _ = check("sub/a.md")
    assert found(data) == {"sub/a.md": []}


def test_a_pyproject_named_with_config_must_hold_tool_wbl(project):
    # Found by the walk up, such a file is passed over; named on purpose, it is more likely a slip.
    write(project / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(project / "sub" / "a.md", TEXT)
    code, data, err = check("--config", "sub/pyproject.toml", "sub/a.md")
    assert (code, data) == (2, None)
    assert (
        err.strip()
        == "wbl: error: sub/pyproject.toml: no [tool.wbl] table: it configures nothing (add one, or name another file)"
    )


def test_pyproject_tool_wbl_and_file_precedence(project):
    write(project / "pyproject.toml", '[tool.wbl]\nignore = ["weasel"]\n')
    write(project / "a.md", TEXT)
    assert find_config_file(project) == project / "pyproject.toml"
    assert found(check("a.md")[1]) == {"a.md": []}
    write(project / "wbl.toml", "[rules.WB601]\nextend-words = ['gizmo']\n")
    assert find_config_file(project) == project / "wbl.toml"
    write(project / ".wbl.toml", "[rules.WB601]\naccept-words = ['very']\n")
    assert find_config_file(project) == project / ".wbl.toml"
    assert found(check("a.md")[1]) == {"a.md": []}


def test_config_option_and_isolated(project):
    write(project / "wbl.toml", 'ignore = ["WB601"]\n')
    write(project / "strict.toml", "[rules.weasel-word]\nextend-words = ['gizmo']\n")
    write(project / "a.md", TEXT)
    assert found(check("a.md")[1]) == {"a.md": []}
    assert found(check("--config", "strict.toml", "a.md")[1]) == {"a.md": ["gizmo", "very"]}
    assert found(check("--isolated", "a.md")[1]) == {"a.md": ["very"]}
    code, _, err = check("--isolated", "--config", "strict.toml", "a.md")
    assert code == 2 and "exclude each other" in err
    code, _, err = check("--config", "missing.toml", "a.md")
    assert code == 2


# --- validation -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('selct = ["WB6"]', "wbl.toml: selct: unknown key; did you mean 'select'?"),
        ('select = ["WB60l"]', "wbl.toml: select: unknown rule selector 'WB60l'; did you mean 'WB601'?"),
        (  # every unknown selector of the list is named, not only the first
            'select = ["WB60l", "weasels", "WB9"]',
            "select: unknown rule selectors 'WB60l' (did you mean 'WB601'?), 'weasels' (did you mean 'weasel'?), 'WB9'",
        ),
        ("[rules.weasel-wrd]\nx = 1", "wbl.toml: rules.weasel-wrd: unknown rule; did you mean 'weasel-word'?"),
        (
            "[rules.long-sentence]\nmax-word = 3",
            "wbl.toml: rules.long-sentence.max-word: unknown option of WB503 (long-sentence); "
            "did you mean 'max-words'?",
        ),
        ('[rules.long-sentence]\nmax-words = "3"', "rules.long-sentence.max-words: expected a whole number"),
        (
            "[rules.long-sentence]\nmax-words = -5",
            "rules.long-sentence.max-words: expected a whole number of 0 or more, got an integer -5",
        ),
        ("[rules.paragraph-readability]\nmax-grade = -1.5", "max-grade: expected a number of 0 or more"),
        ("[rules.weasel-word]\nextend-words = 'x'", "rules.weasel-word.extend-words: expected a list"),
        ("[rules.weasel-word]\nextend-words = [1]", "rules.weasel-word.extend-words: expected a list of strings"),
        ('[rules.WB503]\nseverity = "fatal"', "rules.WB503.severity: expected one of info, warning, error"),
        ('fail-on = "fatal"', "fail-on: expected one of info, warning, error"),
        ('[rules.missing-pr-part]\nparts = ["headline", "summry"]', "parts: unknown value 'summry': expected"),
        (
            '[rules.weasel-word]\nparts = ["bogus"]',
            "weasel-word.parts: unknown value 'bogus': expected values among pr",
        ),
        ('[rules.long-sentence]\nkinds = ["bogus"]', "long-sentence.kinds: unknown value 'bogus'"),
        ('[rules.long-sentence]\nmessage = ""', "long-sentence.message: expected a message, got an empty string"),
        (
            '[rules.passive-voice]\nagentless-severity = "loud"',
            'rules.passive-voice.agentless-severity: expected one of info, warning, error or ""',
        ),
        ("[[overrides]]\nignore = ['WB6']", "overrides[0].files: missing"),
        ("[[overrides]]\nfiles = ['a/**']\nignor = ['WB6']", "overrides[0].ignor: unknown key; did you mean 'ignore'?"),
        ('[per-file-ignores]\n"x/*" = ["nope"]', "per-file-ignores.x/*: unknown rule selector 'nope'"),
        ("[tool.wbl]\nselect = ['WB6']", "wbl.toml: tool: a wbl.toml holds the keys at its top level"),
        ("select = [", "wbl.toml: invalid TOML"),
        ("model = 3", "model: expected a string"),
        ('docs-url = "docs/site"', "docs-url: expected an absolute URL"),
    ],
)
def test_validation_errors_are_one_line_and_exit_2(project, body, expected):
    write(project / "wbl.toml", body + "\n")
    write(project / "a.md", TEXT)
    code, data, err = check("a.md")
    assert code == 2
    assert data is None
    assert expected in err
    assert len(err.strip().splitlines()) == 1, err


def test_every_problem_of_a_configuration_file_is_named_in_one_run(project):
    body = '[rules.long-sentence]\nmax-word = 10\nseverity = "loud"\n[vocabulary]\naccept = "x"\n'
    write(project / "wbl.toml", 'fail-on = "warnign"\nignroe = ["WB101"]\n' + body)
    write(project / "a.md", TEXT)
    code, data, err = check("a.md")
    assert code == 2 and data is None
    lines = err.strip().splitlines()
    assert [line.split(": ")[3] for line in lines] == [
        "ignroe",
        "fail-on",
        "rules.long-sentence.max-word",
        "rules.long-sentence.severity",
        "vocabulary.accept",
    ]
    assert all(line.startswith("wbl: error: ") and "wbl.toml" in line for line in lines)


def test_a_key_with_a_line_break_is_named_on_one_line(tmp_path):
    # The library's error, not only the command line's (which escapes what it prints anyway).
    path = tmp_path / "wbl.toml"
    path.write_text('[vocabulary]\n"a\\nb\\u0098" = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: vocabulary.a\\nb\\x98: unknown key"


def test_pyproject_errors_name_the_tool_wbl_key(project):
    write(project / "pyproject.toml", "[tool.wbl]\nextend-selct = ['WB6']\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool\.wbl\.extend-selct: unknown key; did you mean"):
        load_config(project / "pyproject.toml")


def test_unknown_command_line_selector_still_exits_2(project):
    write(project / "a.md", TEXT)
    code, _, err = check("--select", "WB6O1", "a.md")
    assert code == 2 and "did you mean" in err


# --- what a configuration does ----------------------------------------------------------------------


def test_per_file_ignores(project):
    write(project / "wbl.toml", '[per-file-ignores]\n"drafts/*.md" = ["weasel-word"]\n"README.md" = ["WB6"]\n')
    for name in ("drafts/a.md", "final/a.md", "final/README.md"):
        write(project / name, TEXT)
    assert found(check(".")[1]) == {"drafts/a.md": [], "final/README.md": [], "final/a.md": ["very"]}


@pytest.mark.parametrize("order", [("prfaq/launch.md", "README.md"), ("README.md", "prfaq/launch.md")])
def test_a_kind_override_applies_to_its_files_only_whatever_the_order(project, order):
    """Files whose overrides give different kinds get different linters: README.md stays a
    fragment found by wbl (hints only) even when a forced-kind file is linted first."""
    write(project / "wbl.toml", '[[overrides]]\nfiles = ["prfaq/**"]\nkind = "fragment"\n')
    write(project / "prfaq" / "launch.md", TEXT)
    write(project / "README.md", TEXT)
    code, data, _ = check("--select", "WB601", *order)
    severities = {f["path"]: {x["severity"] for x in f["findings"]} for f in data["files"]}
    assert severities == {"prfaq/launch.md": {"warning"}, "README.md": {"info"}}
    assert code == 1


def test_overrides_stricter_for_prfaq_looser_for_notes(project):
    write(
        project / "wbl.toml",
        """
select = ["WB5", "WB6"]

[[overrides]]
files = ["prfaq/**"]
[overrides.rules.weasel-word]
extend-words = ["gizmo"]
severity = "error"
[overrides.rules.long-sentence]
max-words = 4

[[overrides]]
files = ["notes/**"]
ignore = ["weasel"]
""",
    )
    write(project / "prfaq" / "launch.md", TEXT)
    write(project / "notes" / "idea.md", TEXT)
    write(project / "other.md", TEXT)
    code, data, _ = check(*FRAGMENT, ".")
    assert found(data) == {"notes/idea.md": [], "other.md": ["very"], "prfaq/launch.md": ["gizmo", "very"]}
    by_path = {f["path"]: f["findings"] for f in data["files"]}
    assert {f["severity"] for f in by_path["prfaq/launch.md"] if f["rule"] == "WB601"} == {"error"}
    assert {f["severity"] for f in by_path["other.md"] if f["rule"] == "WB601"} == {"warning"}
    assert any(f["rule"] == "WB503" and f["severity"] == "warning" for f in by_path["prfaq/launch.md"])
    assert not any(f["rule"] == "WB503" and f["severity"] == "warning" for f in by_path["other.md"])
    assert code == 1


def test_severity_override_and_fail_on(project):
    write(project / "wbl.toml", '[rules.weasel-word]\nseverity = "info"\n')
    write(project / "a.md", TEXT)
    code, data, _ = check("--select", "WB601", "a.md")
    assert [f["severity"] for f in data["files"][0]["findings"]] == ["info"]
    assert code == 0
    write(project / "wbl.toml", 'fail-on = "info"\n[rules.weasel-word]\nseverity = "info"\n')
    assert check("--select", "WB601", "a.md")[0] == 1
    assert check("--select", "WB601", "--fail-on", "warning", "a.md")[0] == 0  # the command line wins


def test_min_severity_leaves_out_hints_but_never_a_finding_that_fails(project):
    write(project / "wbl.toml", '[rules.weasel-word]\nseverity = "info"\n')
    write(project / "a.md", TEXT)
    assert found(check(*FRAGMENT, "--select", "WB601", "a.md")[1]) == {"a.md": ["very"]}
    code, data, _ = check(*FRAGMENT, "--select", "WB601", "--min-severity", "warning", "a.md")
    assert (code, found(data)) == (0, {"a.md": []})
    # Findings at or above fail-on are always reported: a run never fails for what it hides.
    code, data, _ = check(*FRAGMENT, "--select", "WB601", "--min-severity", "warning", "--fail-on", "info", "a.md")
    assert (code, found(data)) == (1, {"a.md": ["very"]})
    # From the configuration, per file.
    write(project / "wbl.toml", 'min-severity = "warning"\n[rules.weasel-word]\nseverity = "info"\n')
    write(project / "hints" / "a.md", TEXT)
    write(
        project / "wbl.toml",
        'min-severity = "warning"\n[rules.weasel-word]\nseverity = "info"\n'
        '[[overrides]]\nfiles = ["hints/**"]\nmin-severity = "info"\n',
    )
    code, data, _ = check(*FRAGMENT, "--select", "WB601", "a.md", "hints")
    assert found(data) == {"a.md": [], "hints/a.md": ["very"]} and code == 0
    assert check(*FRAGMENT, "--select", "WB601", "--min-severity", "info", "a.md")[1]["files"][0]["findings"]


def test_min_severity_is_counted_in_the_text_summary(project):
    write(project / "a.md", TEXT)
    result = CliRunner().invoke(main, ["check", *FRAGMENT, "--select", "WB601", "--min-severity", "error", "a.md"])
    assert result.exit_code == 1  # the warning fails the run, so it is shown
    assert "very" in result.stdout and "not shown" not in result.stdout
    write(project / "wbl.toml", '[rules.weasel-word]\nseverity = "info"\n')
    result = CliRunner().invoke(main, ["check", *FRAGMENT, "--select", "WB601", "--min-severity", "warning", "a.md"])
    assert result.exit_code == 0 and "WB601" not in result.stdout
    assert "1 finding below min-severity not shown" in result.stdout


def test_min_severity_above_fail_on_is_said_and_shown_as_it_applies(project):
    write(project / "wbl.toml", 'min-severity = "error"\n')
    write(project / "a.md", TEXT)
    code, data, err = check(*FRAGMENT, "--select", "WB601", "a.md")
    assert (code, found(data)) == (1, {"a.md": ["very"]})  # the warning fails the run: it is shown
    assert "min-severity error is above fail-on warning" in err
    shown = CliRunner().invoke(main, ["config", "--format", "json", "a.md"])
    assert json.loads(shown.stdout)["min-severity"] == "warning"
    assert "min-severity" not in check(*FRAGMENT, "--select", "WB601", "--fail-on", "error", "a.md")[2]


def test_an_unknown_min_severity_is_a_configuration_error(project):
    write(project / "wbl.toml", 'min-severity = "loud"\n')
    write(project / "a.md", TEXT)
    code, _, err = check("a.md")
    assert code == 2 and "min-severity" in err


def test_fail_on_is_per_file(project):
    write(project / "wbl.toml", 'fail-on = "error"\n[[overrides]]\nfiles = ["strict/**"]\nfail-on = "warning"\n')
    write(project / "loose" / "a.md", TEXT)
    assert check(*FRAGMENT, "--select", "WB601", "loose")[0] == 0
    write(project / "strict" / "a.md", TEXT)
    assert check(*FRAGMENT, "--select", "WB601", "loose", "strict")[0] == 1


def test_extend_words_and_accept_words_on_the_weasel_rule(project):
    write(project / "wbl.toml", "[rules.weasel-word]\nextend-words = ['Gizmo']\naccept-words = ['very']\n")
    write(project / "a.md", TEXT)
    assert found(check("a.md")[1]) == {"a.md": ["gizmo"]}


def test_rule_thresholds(project):
    write(project / "wbl.toml", "[rules.WB503]\nmax-words = 3\ninfo-words = 2\n")
    write(project / "a.md", TEXT)
    code, data, _ = check(*FRAGMENT, "--select", "long-sentence", "a.md")
    assert [f["severity"] for f in data["files"][0]["findings"]] == ["warning"]
    assert code == 1


def test_command_line_select_replaces_and_ignore_adds(project):
    write(project / "wbl.toml", 'select = ["WB5"]\nignore = ["WB503"]\n')
    write(project / "a.md", TEXT)
    assert found(check("a.md")[1]) == {"a.md": []}
    assert found(check("--select", "WB601", "a.md")[1]) == {"a.md": ["very"]}
    assert found(check("--select", "WB601", "--ignore", "weasel", "a.md")[1]) == {"a.md": []}


def test_empty_selection_runs_nothing(project):
    write(project / "wbl.toml", 'select = ["WB601"]\nignore = ["WB601"]\n')
    write(project / "a.md", TEXT)
    code, data, _ = check("a.md")
    assert data["files"][0]["findings"] == [] and code == 0


def test_include_and_exclude(project):
    write(project / "wbl.toml", 'include = ["*.md", "*.txt"]\nexclude = ["drafts", "**/skip-*.md"]\n')
    for name in ("a.md", "b.txt", "c.rst", "drafts/d.md", "x/skip-e.md", "x/f.md"):
        write(project / name, TEXT)
    _, data, _ = check(".")
    assert sorted(found(data)) == ["a.md", "b.txt", "x/f.md"]
    # Excluded even when named (pre-commit passes files by name); with nothing else linted, wbl
    # says why, naming the pattern and the configuration file ...
    _, data, err = check("x/skip-e.md")
    config = (project / "wbl.toml").resolve()
    why = f"wbl: x/skip-e.md: not linted: excluded by the exclude pattern '**/skip-*.md' of {config}"
    assert data["files"] == [] and why in err, err
    _, data, err = check("x/skip-e.md", "a.md")  # ... a hook's run that lints other files is quiet
    assert sorted(found(data)) == ["a.md"] and "skip-e" not in err, err
    _, data, err = check("--verbose", "x/skip-e.md", "a.md")  # ... unless --verbose
    assert why in err, err


def test_default_excludes_apply_to_named_files_without_a_configuration_file(project):
    # No wbl.toml: the defaults' globs start at the repository (or the working directory), so a
    # hook that names build/x.md still skips it; a checkout under a folder named build is linted.
    (project / ".git").mkdir()
    for name in ("build/x.md", "node_modules/pkg/y.md", "docs/z.md"):
        write(project / name, TEXT)
    _, data, err = check("--verbose", "build/x.md", "node_modules/pkg/y.md", "docs/z.md")
    assert sorted(found(data)) == ["docs/z.md"]
    assert "wbl: build/x.md: not linted: excluded by the default exclude pattern 'build'" in err
    write(project / "build" / "checkout" / "a.md", TEXT)
    (project / "build" / "checkout" / ".git").mkdir()
    _, data, _ = check("build/checkout/a.md")
    assert sorted(found(data)) == ["build/checkout/a.md"]


def test_a_folder_whose_markdown_is_all_excluded_is_no_error(project):
    # The configuration at work, as for a named file it excludes: exit 0, and --verbose says why.
    write(project / "wbl.toml", 'exclude = ["drafts"]\n')
    write(project / "drafts" / "a.md", TEXT)
    code, data, err = check("--verbose", ".")
    assert (code, data["files"]) == (0, []) and "every Markdown file in it is excluded" in err, err
    (project / "empty").mkdir()
    write(project / "wbl.toml", 'include = ["*.txt"]\n')
    code, _, err = check("empty")  # nothing at all to lint: an error naming the include patterns
    assert code == 2 and "no Markdown files (*.txt) in this directory" in err, err


def test_stdin_filename_applies_that_files_configuration(project):
    write(project / "wbl.toml", '[[overrides]]\nfiles = ["notes/**"]\nignore = ["weasel"]\n')
    _, data, _ = check("-", "--stdin-filename", "notes/idea.md", stdin=TEXT)
    assert found(data) == {"notes/idea.md": []}
    _, data, _ = check("-", "--stdin-filename", "docs/prfaq.md", stdin=TEXT)
    assert found(data) == {"docs/prfaq.md": ["very"]}
    write(project / "notes" / "wbl.toml", "[rules.weasel-word]\nextend-words = ['gizmo']\n")
    _, data, _ = check("-", "--stdin-filename", "notes/idea.md", stdin=TEXT)
    assert found(data) == {"notes/idea.md": ["gizmo", "very"]}


# --- wbl config -------------------------------------------------------------------------------------


def test_wbl_config_prints_toml_and_json(project):
    write(
        project / "wbl.toml",
        'fail-on = "error"\n[rules.weasel-word]\naccept-words = ["very"]\n'
        '[[overrides]]\nfiles = ["notes/**"]\nignore = ["weasel"]\n',
    )
    result = CliRunner().invoke(main, ["config", "notes/a.md"])
    assert result.exit_code == 0, result.output
    data = tomllib.loads(result.stdout)
    assert data["config-file"] == str(project / "wbl.toml")
    assert data["fail-on"] == "error" and data["min-severity"] == "info"
    assert "WB601" not in data["select"] and "WB503" in data["select"]
    assert data["overrides-applied"] == [0]
    assert data["rules"]["WB601"] == {"accept-words": ["very"]}
    result = CliRunner().invoke(main, ["config", "--format", "json", "other.md"])
    data = json.loads(result.stdout)
    assert data["path"] == "other.md" and "WB601" in data["select"]
    result = CliRunner().invoke(main, ["config", "--isolated", "--format", "json"])
    assert json.loads(result.stdout)["config-file"] is None


def test_wbl_config_reports_invalid_files(project):
    write(project / "wbl.toml", "selectt = []\n")
    result = CliRunner().invoke(main, ["config"])
    assert result.exit_code == 2 and "did you mean 'select'" in result.stderr


# --- library ----------------------------------------------------------------------------------------


def test_library_reads_no_configuration_unless_asked(project):
    write(project / "wbl.toml", 'ignore = ["WB601"]\n')
    write(project / "a.md", TEXT)
    assert [f.text for f in wbl.lint_paths(["a.md"]).findings if f.rule == "WB601"] == ["very"]
    assert [f.rule for f in wbl.lint_paths(["a.md"], config=True).findings if f.rule == "WB601"] == []
    assert [f.rule for f in wbl.lint_text(TEXT, "a.md", config=True).findings if f.rule == "WB601"] == []
    write(project / "other.toml", "[rules.weasel-word]\nextend-words = ['gizmo']\n")
    report = wbl.lint_text(TEXT, "a.md", config="other.toml")
    assert [f.text for f in report.findings if f.rule == "WB601"] == ["gizmo", "very"]


def test_docs_url_from_the_configuration_and_the_environment(project, monkeypatch):
    monkeypatch.delenv("WBL_DOCS_URL", raising=False)
    assert Project().docs_url() is None
    write(project / "pyproject.toml", '[tool.wbl]\ndocs-url = "https://docs.example.com/wbl"\n')
    assert Project().docs_url() == "https://docs.example.com/wbl"
    assert Project(isolated=True).docs_url() is None
    monkeypatch.setenv("WBL_DOCS_URL", "https://mirror.example.com/wbl")
    assert Project().docs_url() == "https://mirror.example.com/wbl"


def test_project_reuses_one_linter_per_distinct_setting(project):
    write(project / "wbl.toml", '[[overrides]]\nfiles = ["notes/**"]\nignore = ["weasel"]\n')
    for name in ("a.md", "b.md", "notes/c.md", "notes/d.md"):
        write(project / name, TEXT)
    runner = Project()
    report = runner.lint_paths(["."])
    assert len(report.files) == 4
    assert len(runner._linters) == 2


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("prfaq/**", "prfaq/a.md", True),
        ("prfaq/**", "prfaq/sub/a.md", True),
        ("prfaq/**", "notes/prfaq/a.md", False),
        ("**/prfaq/*.md", "notes/prfaq/a.md", True),
        ("*.md", "deep/down/a.md", True),
        ("drafts", "x/drafts/a.md", True),
        ("/drafts", "x/drafts/a.md", False),
        ("/drafts", "drafts/a.md", True),
        ("a?.md", "ab.md", True),
        ("[!a]b.md", "ab.md", False),
        ("docs/*.md", "docs/sub/a.md", False),
    ],
)
def test_glob_match(pattern, path, expected):
    assert glob_match([pattern], path) is expected


def _glob_match_one_by_one(patterns, relative, parents=True):
    """What `glob_match` answers, pattern by pattern and candidate by candidate (it matches the
    patterns without '/' all at once)."""
    from wbl.config import _glob_fullmatch

    parts = relative.split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))] if parents else [relative]
    for pattern in patterns:
        clean = pattern.removeprefix("./").rstrip("/")
        anchored = "/" in clean
        if clean.startswith("/") and not relative.startswith("/"):
            clean = clean[1:]
        for candidate in candidates:
            if _glob_fullmatch(clean, candidate if anchored else candidate.rsplit("/", 1)[-1]):
                return True
    return False


GLOB_LISTS = [
    list(DEFAULT_EXCLUDE),
    list(DEFAULT_INCLUDE),
    ["**"],
    ["/drafts"],
    ["drafts/"],
    ["./docs/*.md"],
    ["a/**/b"],
    ["**/x.md"],
    ["[z-a]", "x.md"],
    ["*.md", "/top/*"],
    [""],
    ["x[!a]"],
    ["docs", "docs/**", "/docs/a.md"],
]
GLOB_PATHS = ["a.md", "docs/a.md", "drafts/x.md", "x/drafts/y.md", "/abs/docs/a.md", "a/c/b", "x.md", "q/x.md"]
GLOB_PATHS += [".", "venv/lib/a.md", "node_modules/x/y.md", "xb", "docs", "top/a", "/top/a", ""]


@pytest.mark.parametrize("patterns", GLOB_LISTS)
def test_glob_match_answers_as_each_pattern_would(patterns):
    for path in GLOB_PATHS:
        for parents in (True, False):
            expected = _glob_match_one_by_one(patterns, path, parents)
            assert glob_match(patterns, path, parents=parents) is expected, (patterns, path, parents)


def test_every_toml_example_in_the_configuration_docs_is_valid(tmp_path):
    docs = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"
    blocks = re.findall(r"```toml\n(.*?)```", docs.read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) >= 10
    for number, block in enumerate(blocks):
        path = write(tmp_path / f"example{number}" / "wbl.toml", block)
        load_config(path)  # raises ConfigError naming the key when the docs drift from the code


def test_a_negative_number_is_refused_unless_the_option_s_default_is_negative():
    from wbl.options import Option

    assert Option.inferred("max-words", 30).problem(-5) == "expected a whole number of 0 or more, got an integer -5"
    assert Option.inferred("max-words", 30).problem(0) is None
    assert Option.inferred("offset", -1).problem(-5) is None  # a plugin's own negative default


def test_bounds_the_wrong_way_round_are_configuration_errors(tmp_path):
    path = write(tmp_path / "wbl.toml", "[rules.WB421]\nmax-letters = 0\n")
    with pytest.raises(ConfigError, match=r"rules\.WB421\.max-letters: max-letters \(0\) is below min-letters \(2\)"):
        load_config(path)
    write(path, "[rules.WB421]\nmin-letters = 9\n")  # above the default maximum
    with pytest.raises(ConfigError, match=r"rules\.WB421\.min-letters: max-letters \(6\) is below min-letters \(9\)"):
        load_config(path)
    write(path, "[rules.WB421]\nmin-letters = 1\nmax-letters = 1\n")
    load_config(path)  # both moved together: fine
    write(path, "[rules.WB523]\nmax-words = 30\n")  # min-words is no lower bound of max-words: no range
    load_config(path)
    # Each layer fits alone; merged for a.md, they do not.
    write(
        path,
        '[rules.WB421]\nmin-letters = 3\n\n[[overrides]]\nfiles = ["a.md"]\n[overrides.rules.WB421]\nmax-letters = 2\n',
    )
    config = load_config(path)
    from wbl.config import resolve
    from wbl.registry import default_registry

    resolve(config, tmp_path / "b.md", default_registry())
    with pytest.raises(ConfigError, match=r"rules\.WB421\.max-letters: max-letters \(2\) is below min-letters \(3\)"):
        resolve(config, tmp_path / "a.md", default_registry())
    from wbl.registry import OptionError

    with pytest.raises(OptionError, match=r"rule_options\.WB421\.max-letters: max-letters \(0\) is below"):
        wbl.Linter(wbl.LintOptions(rule_options={"WB421": {"max-letters": 0}}))


def test_a_broken_symbolic_link_found_by_a_walk_is_skipped_with_a_notice(project):
    # A stale link in a docs folder is no document: the walk skips it and says so (exit as if it
    # were not there); named on the command line it stays an error (tests/test_hostile.py).
    write(project / "docs" / "a.md", TEXT)
    (project / "docs" / "old.md").symlink_to(project / "nowhere.md")
    code, data, err = check("docs")
    assert sorted(found(data)) == ["docs/a.md"] and code == 0, (code, data)
    assert "wbl: docs/old.md: skipped: broken symbolic link" in err
    (project / "docs" / "a.md").unlink()
    code, data, err = check("docs")  # only the stale link: nothing to lint, no error
    assert (code, data["files"]) == (0, []) and "docs/old.md: skipped" in err, (code, err)
    code, _, _ = check("-q", "docs/old.md")
    assert code == 2
    (project / "docs" / "a.md").symlink_to(project / "docs" / "b.md")  # two links in a loop
    (project / "docs" / "b.md").symlink_to(project / "docs" / "a.md")
    code, data, err = check("docs")
    assert (code, data["files"]) == (0, []) and "docs/a.md: skipped: symbolic links in a loop" in err, err
