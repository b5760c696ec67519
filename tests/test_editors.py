"""docs/editors.md: the problem-matcher patterns it documents read wbl's real output."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from .conftest import EXAMPLES, REPO, clean_env, wbl_command

# Every test here starts processes (the CLI, git, pip, ruff).
pytestmark = pytest.mark.slow

DOC = REPO / "docs" / "editors.md"
SAMPLE = EXAMPLES / "datasync-prfaq.md"


def _json_blocks() -> list[dict]:
    blocks = re.findall(r"^```json\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.S | re.M)
    return [json.loads(block) for block in blocks]


def _js_regex(pattern: str) -> re.Pattern[str]:
    """The documented JavaScript pattern; these constructs mean the same in Python's `re`."""
    assert not re.search(r"\(\?<|\\[pPu]", pattern), "uses syntax that differs between JS and Python"
    return re.compile(pattern)


def _wbl(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*wbl_command(), "check", *args, str(SAMPLE)], capture_output=True, text=True, env=clean_env(), timeout=300
    )
    assert result.returncode == 1, result.stderr
    return result


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    data = json.loads(_wbl("--format", "json").stdout)
    found = data["files"][0]["findings"]
    assert found, "the sample must give findings"
    return found


def _full_message(f: dict) -> str:
    """A JSON finding's message as the concise format prints it: with its folded findings' reasons."""
    also = "; ".join(f"{a['rule']} {a['message']}" for a in f.get("also", ()))
    return f"{f['message']} (also: {also})" if also else f["message"]


def test_vscode_problem_matcher_reads_concise_output(findings):
    (tasks,) = [b for b in _json_blocks() if "tasks" in b]
    (task,) = tasks["tasks"]
    assert task["command"] == "wbl" and "concise" in task["args"]
    matcher = task["problemMatcher"]
    pattern = matcher["pattern"]
    regex = _js_regex(pattern["regexp"])
    lines = _wbl(*task["args"][1:-1]).stdout.splitlines()
    assert len(lines) == len(findings)
    for line, f in zip(lines, findings, strict=True):
        match = regex.match(line)
        assert match, line
        assert match.group(pattern["file"]) == str(SAMPLE)
        assert int(match.group(pattern["line"])) == f["line"]
        assert int(match.group(pattern["column"])) == f["column"]
        assert match.group(pattern["code"]) == f["rule"]
        assert match.group(pattern["message"]) == _full_message(f)


def test_text_format_pattern_reads_headlines_and_skips_source_lines(findings):
    (pattern,) = [b for b in _json_blocks() if "regexp" in b]
    regex = _js_regex(pattern["regexp"])
    output = _wbl().stdout
    matches = [regex.match(line) for line in output.splitlines()]
    hits = [m for m in matches if m]
    assert len(hits) == len(findings) < len(matches)
    for match, f in zip(hits, findings, strict=True):
        assert (int(match.group(pattern["line"])), int(match.group(pattern["column"]))) == (f["line"], f["column"])
        assert match.group(pattern["severity"]) == f["severity"]
        assert match.group(pattern["code"]) == f["rule"] and match.group(pattern["message"]) == f["message"]


def _elisp_regexes() -> list[re.Pattern[str]]:
    """The regular expressions in the Emacs Lisp blocks, translated from Emacs syntax to Python's."""
    code = "\n".join(re.findall(r"^```elisp\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.S | re.M))
    patterns = []
    for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', code):
        if "\\\\(" not in literal:
            continue  # not a regular expression
        emacs = re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), literal)
        python, i = [], 0
        while i < len(emacs):
            ch = emacs[i]
            if ch == "\\" and i + 1 < len(emacs) and emacs[i + 1] in "(){}|":
                python.append(emacs[i + 1])
                i += 2
                continue
            python.append("\\" + ch if ch in "(){}|" else ch)
            if ch == "\\" and i + 1 < len(emacs):
                python.append(emacs[i + 1])
                i += 1
            i += 1
        patterns.append(re.compile("".join(python)))
    return patterns


def test_emacs_patterns_read_real_output(findings):
    compile_regex, flymake_regex = _elisp_regexes()
    text_hits = [m for m in map(compile_regex.match, _wbl().stdout.splitlines()) if m]
    assert len(text_hits) == len(findings)
    for match, f in zip(text_hits, findings, strict=True):
        assert match.group(1) == str(SAMPLE) and (int(match.group(2)), int(match.group(3))) == (f["line"], f["column"])
        # compilation mode's TYPE (4 . 5): group 4 means warning, group 5 info, neither error.
        severity = "warning" if match.group(4) else "info" if match.group(5) else "error"
        assert severity == f["severity"]
    concise = _wbl("--format", "concise").stdout.splitlines()
    for line, f in zip(concise, findings, strict=True):
        match = flymake_regex.match(line)
        assert match, line
        assert (int(match.group(1)), int(match.group(2))) == (f["line"], f["column"])
        assert match.group(3) == f"{f['rule']} {_full_message(f)}"
