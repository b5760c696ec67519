"""The command line: formats, exit codes, stdin, selection, bad input."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from .conftest import EXAMPLES, FIXTURES, clean_env, wbl_command

# Every test here starts processes (the CLI, git, pip, ruff).
pytestmark = pytest.mark.slow

LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>WB\d{3}) \[(?P<severity>error|warning|info)\] .+$"
)


def run(*args: str, input: bytes | None = None, cwd=None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*wbl_command(), *args],
        input=input.decode() if input is not None else None,
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=cwd,
        timeout=300,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def bad_file(tmp_path):
    # Two lines: a fragment, whose findings are hints unless it is said to be one (--kind fragment).
    path = tmp_path / "bad.md"
    path.write_text("# Title\n\nMany customers wait a very long time.\n", encoding="utf-8")
    return path


@pytest.fixture
def clean_file(tmp_path):
    path = tmp_path / "clean.md"
    path.write_text("# Title\n\nCustomers wait three days.\n", encoding="utf-8")
    return path


def test_findings_exit_1_and_line_format(bad_file):
    result = run("check", "--kind", "fragment", "--format", "text", "--select", "WB601", str(bad_file))
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if LINE.match(line)]
    assert lines, result.stdout
    first = LINE.match(lines[0])
    assert first and first["path"] == str(bad_file) and first["line"] == "3" and first["column"] == "1"
    assert first["code"] == "WB601"


def test_clean_exit_0(clean_file):
    result = run("check", "--select", "WB601", str(clean_file))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [line for line in result.stdout.splitlines() if LINE.match(line)]


def test_fail_on_controls_exit_code(tmp_path):
    path = tmp_path / "hint.md"
    # 25 words: an info-level long-sentence hint only.
    path.write_text(" ".join(["word"] * 24) + " end.\n", encoding="utf-8")
    assert run("check", "--select", "WB503", str(path)).returncode == 0
    assert run("check", "--select", "WB503", "--fail-on", "info", str(path)).returncode == 1


def test_json_contract(bad_file):
    result = run("check", "--kind", "fragment", "--format", "json", "--select", "WB601", str(bad_file))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    (entry,) = data["files"]
    assert entry["path"] == str(bad_file) and entry["error"] is None
    for key in ("words", "sentences", "flesch_kincaid_grade"):
        assert isinstance(entry["metrics"][key], (int, float))
    assert entry["metrics"]["words"] == 8 and entry["metrics"]["sentences"] == 2
    finding = entry["findings"][0]
    assert set(finding) >= {
        "rule",
        "name",
        "category",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
    }
    assert finding["rule"] == "WB601" and finding["name"] == "weasel-word" and finding["category"] == "weasel"
    assert finding["severity"] in ("error", "warning", "info")
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (3, 1, 3, 5)


def test_stdin_with_filename(bad_file):
    result = run(
        "check",
        "--kind",
        "fragment",
        "-",
        "--stdin-filename",
        "docs/prfaq.md",
        "--format",
        "json",
        "--select",
        "WB601",
        input=bad_file.read_bytes(),
    )
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "docs/prfaq.md"
    assert data["files"][0]["findings"][0]["line"] == 3


def test_stdin_filename_alone_reads_standard_input_and_beside_paths_needs_the_dash(tmp_path, bad_file):
    common = ("--kind", "fragment", "--format", "json", "--select", "WB601", "--stdin-filename", "docs/prfaq.md")
    result = run("check", *common, input=bad_file.read_bytes(), cwd=tmp_path)
    assert result.returncode == 1
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["docs/prfaq.md"]
    result = run("check", *common, str(bad_file), input=bad_file.read_bytes())
    assert result.returncode == 2 and "add '-' to the paths" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_standard_input_named_twice_is_read_once(bad_file):
    result = run(
        "check", "--kind", "fragment", "--format", "json", "--select", "WB601", "-", "-", input=bad_file.read_bytes()
    )
    assert result.returncode == 1
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["<stdin>"]


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_an_empty_selection_is_an_error_not_every_rule(flag, bad_file):
    result = run("check", flag, " , ", str(bad_file))
    assert result.returncode == 2 and f"{flag} names no rule" in result.stderr


def test_directory_recursion(tmp_path, bad_file):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "deep.markdown").write_text("Various things.\n", encoding="utf-8")
    (nested / "notes.txt").write_text("Various things.\n", encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert any(p.endswith("deep.markdown") for p in paths)
    assert any(p.endswith("bad.md") for p in paths)
    assert not any(p.endswith("notes.txt") for p in paths)


def test_bad_inputs_exit_2_and_other_files_still_linted(tmp_path, bad_file):
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("Caf\xe9 many".encode("latin-1"))
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    missing = tmp_path / "missing.md"
    result = run("check", str(binary), str(latin1), str(missing), str(empty_dir), str(bad_file))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert any(str(binary) in line and "binary" in line for line in errors)
    assert any(str(latin1) in line and "UTF-8" in line for line in errors)
    assert any(str(missing) in line and "no such file" in line for line in errors)
    assert any(str(empty_dir) in line and "no Markdown files" in line for line in errors)
    assert str(bad_file) in result.stdout, "the good file is still linted"


def test_usage_errors_exit_2(bad_file, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run("check", cwd=empty)  # no path: the current folder, which has no Markdown
    assert nothing.returncode == 2 and "no Markdown files" in nothing.stderr
    assert run("check", "--format", "nonsense", str(bad_file)).returncode == 2
    unknown = run("check", "--select", "weasel-wrd", str(bad_file))
    assert unknown.returncode == 2
    assert "did you mean 'weasel-word'" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("WB601", {"WB601"}),
        ("WB50", {"WB501", "WB502", "WB503", "WB504", "WB505"}),
        ("weasel-word", {"WB601"}),
        ("readability", {"WB501", "WB502", "WB503", "WB504", "WB505"}),
    ],
)
def test_select_forms(selector, expected):
    result = run("rules", "--format", "json", "--select", selector)
    assert {r["code"] for r in json.loads(result.stdout)} == expected


def test_every_unknown_selector_is_named_in_one_error(bad_file):
    result = run("check", "--select", "weasels,WB9", "--ignore", "WB60l", str(bad_file))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "wbl: error: unknown rule selectors 'weasels' (did you mean 'weasel'?), 'WB9', 'WB60l' (did you mean 'WB601'?)"
    )


def test_ignore(bad_file):
    result = run("check", "--format", "json", "--ignore", "weasel", str(bad_file))
    codes = {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert "WB601" not in codes


def test_rules_lists_every_rule():
    import wbl

    result = run("rules")
    assert result.returncode == 0
    for r in wbl.default_registry().rules:
        assert re.search(
            rf"^{r.code}\s+{re.escape(r.name)}\s+{r.category}\s+{r.severity.value}\s+", result.stdout, re.M
        )


def test_example_showcase_runs(tmp_path):
    result = run("check", str(EXAMPLES / "shelfwise-prfaq.md"))
    assert result.returncode in (0, 1)
    assert result.stdout.strip() or result.returncode == 0


def test_version_and_help():
    assert run("--version").stdout.startswith("wbl, version")
    assert "check" in run("--help").stdout


def test_fixture_has_findings_in_all_formats():
    result = run("check", "--format", "json", "--kind", "prfaq", str(FIXTURES / "markup.md"))
    assert json.loads(result.stdout)["files"][0]["findings"]


@pytest.mark.slow  # starts the CLI
def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path):
    # `wbl check | head -1`: the pipe closes after one line; no "cannot write" error follows.
    document = tmp_path / "prfaq.md"
    document.write_text("# Draft\n\n" + "It is very, very simple and quite seamless.\n\n" * 400, encoding="utf-8")
    process = subprocess.Popen(
        [*wbl_command(), "check", "--no-cache", "--kind", "prfaq", str(document)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=clean_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=300) == 2
    assert stderr == ""


def test_a_docs_url_in_the_environment_must_be_an_absolute_url(bad_file):
    env = {**clean_env(), "WBL_DOCS_URL": "docs.example.com/wbl"}
    result = subprocess.run([*wbl_command(), "check", str(bad_file)], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "wbl: error: WBL_DOCS_URL: expected an absolute URL such as 'https://example.com/wbl', "
        "got 'docs.example.com/wbl'"
    )
