"""The GitHub Action (action.yml): its shell steps run here as the Actions runner runs them, against a
temporary git repository with the GITHUB_* variables set, without network.

Each `shell: bash` step runs with ``bash --noprofile --norc -eo pipefail`` (the runner's command for
bash steps), its `env:` evaluated from the inputs and the outputs of earlier steps, and its outputs
read back from $GITHUB_OUTPUT. The install step gets a stand-in Python that records what it would
install (installing needs the package index); the lint step runs the real wbl. The SARIF upload
step (`uses:`) is checked for the file and the condition it would get.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import tomllib

from .conftest import REPO, clean_env

yaml = pytest.importorskip("yaml")

pytestmark = pytest.mark.slow  # git, bash and the CLI

ACTION = REPO / "action.yml"
DRAFT = "# Launch\n\nOur seamless platform leverages synergies for many customers.\n"
CLEAN = "# Notes\n\nThe shop opens at nine.\n"


def _expression(expr: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
    expr = expr.strip()
    if expr.startswith("inputs."):
        return inputs[expr.removeprefix("inputs.")]
    step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
    if step:
        return outputs.get(step[1], {}).get(step[2], "")
    raise AssertionError(f"the test does not evaluate ${{{{ {expr} }}}}: keep the action's expressions simple")


def _substitute(value: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: _expression(m[1], inputs, outputs), str(value))


def _condition(text: str, inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> bool:
    """The `if:` forms the action uses: always(), and == / != comparisons joined by &&."""
    result = True
    for term in re.sub(r"^\$\{\{|\}\}$", "", text.strip()).split("&&"):
        term = term.strip()
        if term == "always()":
            continue
        left, op, right = re.fullmatch(r"(\S+)\s*(==|!=)\s*'([^']*)'", term).groups()
        value = _expression(left, inputs, outputs)
        result = result and ((value == right) if op == "==" else (value != right))
    return result


class Runner:
    """Runs the action's steps as the Actions runner would, in a workspace."""

    def __init__(self, workspace: Path, tmp: Path, event: str, payload: dict[str, Any], **inputs: str) -> None:
        self.action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
        self.inputs = {name: str(spec.get("default", "")) for name, spec in self.action["inputs"].items()}
        self.inputs.update(inputs)
        self.workspace = workspace
        tmp.mkdir(parents=True, exist_ok=True)
        self.temp = tmp / "runner-temp"
        self.temp.mkdir()
        event_path = tmp / "event.json"
        event_path.write_text(json.dumps(payload), encoding="utf-8")
        self.summary = tmp / "step-summary.md"
        self.summary.touch()
        self.path_file = tmp / "github-path"
        self.path_file.touch()
        shims = tmp / "bin"
        shims.mkdir()
        _script(shims / "wbl", f'#!/bin/sh\nexec "{sys.executable}" -m wbl.cli "$@"\n')
        self.env = clean_env(
            GITHUB_ACTIONS="true",
            GITHUB_EVENT_NAME=event,
            GITHUB_EVENT_PATH=str(event_path),
            GITHUB_ACTION_PATH=str(REPO),
            GITHUB_WORKSPACE=str(workspace),
            GITHUB_STEP_SUMMARY=str(self.summary),
            GITHUB_PATH=str(self.path_file),
            GITHUB_SERVER_URL="https://github.com",
            GITHUB_REPOSITORY="example/docs",
            GITHUB_SHA=_git(workspace, "rev-parse", "HEAD"),
            RUNNER_TEMP=str(self.temp),
            PATH=f"{shims}{os.pathsep}{os.environ.get('PATH', '')}",
        )
        self.outputs: dict[str, dict[str, str]] = {}
        self.logs: dict[str, subprocess.CompletedProcess[str]] = {}

    def steps(self) -> list[dict[str, Any]]:
        return self.action["runs"]["steps"]

    def step(self, name: str) -> dict[str, Any]:
        return next(s for s in self.steps() if s["name"] == name)

    def run(self, name: str) -> subprocess.CompletedProcess[str]:
        step = self.step(name)
        assert step["shell"] == "bash"
        output = self.temp / f"output-{len(self.logs)}"
        output.touch()
        env = dict(self.env, GITHUB_OUTPUT=str(output))
        env.update({k: _substitute(v, self.inputs, self.outputs) for k, v in step.get("env", {}).items()})
        script = self.temp / f"step-{len(self.logs)}.sh"
        script.write_text(step["run"], encoding="utf-8")
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert "Traceback" not in result.stderr, result.stderr
        values = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
        if "id" in step:
            self.outputs[step["id"]] = values
        self.logs[name] = result
        return result

    def upload(self) -> tuple[bool, str]:
        """Whether the SARIF upload would run, and the file it would get."""
        step = self.step("Upload SARIF to code scanning")
        assert step["uses"].startswith("github/codeql-action/upload-sarif@")
        return _condition(step["if"], self.inputs, self.outputs), _substitute(
            step["with"]["sarif_file"], self.inputs, self.outputs
        )


def _script(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def _annotated(stdout: str) -> set[str]:
    """The files GitHub annotations name."""
    return {re.match(r"::\w+ file=([^,]+),", line)[1] for line in stdout.splitlines() if line.startswith("::")}


def _git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=True)
    return result.stdout.strip()


@pytest.fixture
def repository(tmp_path) -> tuple[Path, str]:
    """A repository with a base commit and a pull request's head commit on top; returns (path, base sha)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    _git(root, "init", "-q")
    _git(root, "config", "user.email", "ci@example.com")
    _git(root, "config", "user.name", "CI")
    (root / "docs" / "old.md").write_text(DRAFT, encoding="utf-8")
    (root / "docs" / "changed.md").write_text(CLEAN, encoding="utf-8")
    (root / "docs" / "gone.md").write_text(DRAFT, encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "base")
    base = _git(root, "rev-parse", "HEAD")
    (root / "docs" / "new draft.md").write_text(DRAFT, encoding="utf-8")
    (root / "docs" / "changed.md").write_text(CLEAN + "\nMany customers wait.\n", encoding="utf-8")
    (root / "docs" / "gone.md").unlink()
    (root / "notes.txt").write_text("not Markdown\n", encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "head")
    return root, base


def test_pull_request_lints_the_changed_markdown(repository, tmp_path):
    root, base = repository
    # The drafts are fragments: said to be, their findings keep their severities and fail the run.
    event = {"pull_request": {"base": {"sha": base}}}
    runner = Runner(root, tmp_path, "pull_request", event, args="--kind fragment")
    assert runner.run("Choose the files").returncode == 0
    listed = Path(runner.outputs["files"]["list"]).read_text(encoding="utf-8").splitlines()
    assert sorted(listed) == ["docs/changed.md", "docs/new draft.md"]  # not old, deleted or other files
    lint = runner.run("Lint")
    assert lint.returncode == 0, lint.stderr
    assert runner.outputs["lint"]["exit-code"] == "1"
    annotated = {
        re.match(r"::\w+ file=([^,]+),", line)[1] for line in lint.stdout.splitlines() if line.startswith("::")
    }
    assert annotated == {"docs/changed.md", "docs/new draft.md"}
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("## wbl: ") and summary.count("## wbl: ") == 1  # the SARIF run adds none
    assert "| docs/new draft.md |" in summary and "https://github.com/example/docs/blob/" in summary
    will_upload, sarif = runner.upload()
    assert will_upload and sarif == runner.outputs["lint"]["sarif-file"]
    log = json.loads(Path(sarif).read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"docs/changed.md", "docs/new%20draft.md"}
    assert all(r["partialFingerprints"] for r in log["runs"][0]["results"])
    failing = runner.run("Fail on findings")
    assert failing.returncode == 1 and "findings at or above fail-on" in failing.stdout


def test_nothing_to_lint_when_no_markdown_changed(repository, tmp_path):
    root, _ = repository
    head = _git(root, "rev-parse", "HEAD")
    (root / "notes.txt").write_text("still not Markdown\n", encoding="utf-8")
    _git(root, "commit", "-q", "-am", "text only")
    runner = Runner(root, tmp_path, "pull_request_target", {"pull_request": {"base": {"sha": head}}})
    runner.run("Choose the files")
    assert runner.outputs["files"]["count"] == "0"
    assert runner.run("Lint").returncode == 0
    assert runner.outputs["lint"] == {"exit-code": "0", "sarif-file": ""}
    assert runner.upload()[0] is False
    assert "no Markdown changed" in runner.summary.read_text(encoding="utf-8")
    assert runner.run("Fail on findings").returncode == 0


def test_everything_outside_pull_requests_and_the_inputs(repository, tmp_path):
    root, _ = repository
    runner = Runner(root, tmp_path, "push", {}, **{"fail-on": "error", "args": "--select WB601"})
    runner.run("Choose the files")
    assert Path(runner.outputs["files"]["list"]).read_text(encoding="utf-8") == ".\n"
    lint = runner.run("Lint")
    assert lint.returncode == 0, lint.stderr
    assert _annotated(lint.stdout) == {"docs/old.md", "docs/changed.md", "docs/new draft.md"}
    assert all(",title=WB601::" in line for line in lint.stdout.splitlines() if line.startswith("::"))
    assert runner.outputs["lint"]["exit-code"] == "0", "warnings do not fail with fail-on: error"
    assert runner.run("Fail on findings").returncode == 0
    given = Runner(root, tmp_path / "again", "pull_request", {}, paths="docs/old.md\n  docs/changed.md")
    given.run("Choose the files")
    assert Path(given.outputs["files"]["list"]).read_text(encoding="utf-8").split() == [
        "docs/old.md",
        "docs/changed.md",
    ]


def test_install_is_pinned_to_the_action_by_default(repository, tmp_path):
    root, _ = repository
    log = tmp_path / "pip.log"
    stand_in = tmp_path / "python-stand-in"
    # `-m venv DIR` makes DIR/bin/python (this same script); `-m pip install ...` is recorded.
    _script(
        stand_in,
        "#!/bin/sh\n"
        'if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; exit 0; fi\n'
        f'echo "$@" >> "{log}"\n',
    )
    pinned = Runner(root, tmp_path / "a", "push", {}, python=str(stand_in))
    assert pinned.run("Install wbl").returncode == 0, pinned.logs["Install wbl"].stderr
    assert log.read_text(encoding="utf-8").split()[-1] == str(REPO)  # the action's own checkout
    assert pinned.path_file.read_text(encoding="utf-8").strip() == str(pinned.temp / "wbl-venv" / "bin")
    released = Runner(root, tmp_path / "b", "push", {}, python=str(stand_in), version="1.2.3")
    released.run("Install wbl")
    distribution = released.step("Install wbl")["env"]["WBL_DISTRIBUTION"]
    # The name the package is published under: pyproject's, not the unrelated "wbl" on the index.
    assert distribution == tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    assert log.read_text(encoding="utf-8").splitlines()[-1].endswith(f"{distribution}==1.2.3")
    on_path = Runner(root, tmp_path / "c", "push", {}, install="false")
    result = on_path.run("Install wbl")
    assert result.returncode == 0 and "Using wbl, version" in result.stdout


def test_the_action_declares_its_inputs_and_outputs():
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "changed-only", "fail-on", "config", "args", "version"} <= set(action["inputs"])
    assert set(action["outputs"]) == {"exit-code", "sarif-file"}
    for step in action["runs"]["steps"]:  # inputs reach scripts through env, never pasted into them
        assert "${{" not in step.get("run", ""), step["name"]
