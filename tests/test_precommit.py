"""wbl as a pre-commit hook, run by the real `pre-commit` tool in a throw-away git repository.

pre-commit installs a hook from a git revision, so this tests the hook definition *committed* at
this checkout's HEAD (``git rev-parse HEAD``), not uncommitted changes: a clone of HEAD is tagged
``v<version>`` as a release is (docs/releases.md), and the project's ``rev:`` names that tag. pre-commit builds the
hook's environment with pip, which downloads wbl's dependencies from the package index on the
first run (later runs reuse pre-commit's cache): slow, and CI runs it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wbl.version import __version__

from .conftest import REPO, clean_env

# Every test here starts processes (the CLI, git, pip, ruff).
pytestmark = pytest.mark.slow

pytest.importorskip("pre_commit", reason="the pre-commit package is not installed (pip install -e '.[test]')")

HOOKS_FILE = ".pre-commit-hooks.yaml"

BAD = """\
# Shelfwise gets books to readers sooner

Our seamless app delivers a best-in-class experience to many bookstores.
"""

GOOD = """\
# Shelfwise gets books to readers sooner

Shelfwise delivers a missing book to an independent bookstore by 10 a.m. the next day.
"""


def _git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def _environment(tmp_path: Path) -> dict[str, str]:
    env = clean_env()
    env.update(
        {
            "GIT_AUTHOR_NAME": "wbl tests",
            "GIT_AUTHOR_EMAIL": "tests@example.invalid",
            "GIT_COMMITTER_NAME": "wbl tests",
            "GIT_COMMITTER_EMAIL": "tests@example.invalid",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),  # no user hooks, signing or templates
        }
    )
    (tmp_path / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    return env


def test_manifest_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(REPO / HOOKS_FILE)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def head() -> str:
    """The checkout's HEAD commit, which must hold the hook definition."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    rev = _git("rev-parse", "HEAD", cwd=REPO)
    if rev.returncode != 0 or _git("rev-parse", "--show-toplevel", cwd=REPO).stdout.strip() != str(REPO):
        pytest.skip(f"{REPO} is not a git checkout with commits")
    if _git("cat-file", "-e", f"HEAD:{HOOKS_FILE}", cwd=REPO).returncode != 0:
        if (REPO / HOOKS_FILE).is_file():
            pytest.skip(f"{HOOKS_FILE} is not committed yet; this test runs the hook committed at HEAD")
        pytest.fail(f"HEAD has no {HOOKS_FILE}")
    return rev.stdout.strip()


def test_hook_fails_a_bad_prfaq_and_passes_a_good_one(head, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    env = _environment(tmp_path)
    # The release: HEAD, tagged v<version> in a clone (the checkout's own tags are left alone).
    release = tmp_path / "wbl-release"
    assert _git("clone", "-q", str(REPO), str(release), cwd=tmp_path, env=env).returncode == 0
    assert _git("checkout", "-q", head, cwd=release, env=env).returncode == 0
    tag = f"v{__version__}"
    _git("tag", "-d", tag, cwd=release, env=env)  # a tag of that name cloned from the checkout
    assert _git("tag", "-a", tag, "-m", f"wbl {__version__}", head, cwd=release, env=env).returncode == 0
    assert _git("init", "-q", cwd=project, env=env).returncode == 0
    (project / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {release.as_posix()}\n"
        f"    rev: {tag}\n"
        "    hooks:\n"
        "      - id: wbl\n"
        # Only the weasel-word rule, so that rules added later cannot change what 'good' means here.
        "        args: [--select, WB601]\n",
        encoding="utf-8",
    )
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=project, env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stdout + install.stderr
    assert _git("add", ".pre-commit-config.yaml", cwd=project, env=env).returncode == 0

    doc = project / "prfaq.md"
    doc.write_text(BAD, encoding="utf-8")
    _git("add", "prfaq.md", cwd=project, env=env)
    bad = subprocess.run(
        ["git", "commit", "-m", "Draft PR/FAQ"], cwd=project, env=env, capture_output=True, text=True, timeout=3600
    )
    output = bad.stdout + bad.stderr
    assert bad.returncode != 0, output
    assert "wbl (Working Backwards PR/FAQ linter)" in output and "Failed" in output, output
    for word, column in (("seamless", 5), ("best-in-class", 29), ("many", 57)):
        assert f"prfaq.md:3:{column}: WB601 [warning] '{word}'" in output, output
    assert _git("rev-parse", "--verify", "-q", "HEAD", cwd=project, env=env).returncode != 0, "nothing committed"

    doc.write_text(GOOD, encoding="utf-8")
    _git("add", "prfaq.md", cwd=project, env=env)
    good = subprocess.run(
        ["git", "commit", "-m", "PR/FAQ with data"], cwd=project, env=env, capture_output=True, text=True, timeout=3600
    )
    output = good.stdout + good.stderr
    assert good.returncode == 0, output
    assert "wbl (Working Backwards PR/FAQ linter)" in output and "Passed" in output, output
    assert _git("log", "--oneline", cwd=project, env=env).stdout.count("\n") == 1
