"""The built wheel carries the rule pack and gives the same findings as the source checkout."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
import zipfile

import pytest

from .conftest import EXAMPLES, REPO, clean_env, wbl_command

# Every test here starts processes (the CLI, git, pip, ruff).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed: {result.stderr[-2000:]}")
    (path,) = out.glob("wbl_lint-*.whl")
    return path


def test_wheel_contains_rules(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "wbl_rules/__init__.py" in names
    assert "wbl_rules/weasel/weasel-word.toml" in names
    assert "wbl_rules/weasel/weasel-word.bad.md" in names
    # The sentence models' weights and the module that reads them.
    assert "wbl_rules/_models/sentences.json" in names
    assert "wbl_rules/sentences.py" in names
    assert not any(n.startswith(("rules/", "tests/")) for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "wbl_rules:load" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_wheel_in_fresh_venv_gives_same_findings(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Dependencies (spaCy, the pipeline, ...) come from this interpreter's site-packages, appended
    # after the venv's own, so wbl itself is imported from the wheel and nothing is downloaded.
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    dependency_dirs = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    with open(os.path.join(purelib, "zz_dependencies.pth"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(sorted(dependency_dirs)) + "\n")
    env = clean_env()
    env.pop("PYTHONPATH", None)
    where = subprocess.run(
        [str(python), "-c", "import wbl, wbl_rules; print(wbl.__file__); print(wbl_rules.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    ).stdout.split()
    assert all(path.startswith(str(venv)) for path in where), where
    example = str(EXAMPLES / "datasync-prfaq.md")
    installed = subprocess.run(
        [str(python), "-m", "wbl.cli", "check", "--format", "json", example],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    source = subprocess.run(
        [*wbl_command(), "check", "--format", "json", example], capture_output=True, text=True, env=clean_env()
    )
    assert installed.returncode == source.returncode == 1, installed.stderr
    assert json.loads(installed.stdout)["files"][0]["findings"] == json.loads(source.stdout)["files"][0]["findings"]
