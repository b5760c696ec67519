from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "docs" / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = REPO.parent / "shared" / "corpus" / "dev"
# CLI runs in tests use a throw-away result cache, never one in the checkout.
_SESSION_CACHE = tempfile.mkdtemp(prefix="wbl-test-cache-")
# ... and a throw-away user cache (wbl's copy of wordfreq's table, see wbl.wordtable), shared by
# the test process and the CLI processes it starts.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="wbl-test-user-cache-")


def wbl_command() -> list[str]:
    """Run the CLI with the interpreter running the tests (no reliance on PATH)."""
    return [sys.executable, "-m", "wbl.cli"]


@pytest.fixture(scope="session")
def linter():
    import wbl

    return wbl.Linter()


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is not present (it exists only beside the development checkout)")
    return CORPUS


def clean_env(**extra: str) -> dict[str, str]:
    # GITHUB_STEP_SUMMARY: a test run inside GitHub Actions must not add to the real step summary.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WBL_", "PYTEST_")) and k != "GITHUB_STEP_SUMMARY"}
    env.update({"NO_COLOR": "1", "WBL_CACHE_DIR": _SESSION_CACHE, **extra})
    return env


@pytest.fixture(autouse=True)
def _processes_only_in_slow_tests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that starts a process (the CLI, a browser, pre-commit, a build, workers) is marked
    `slow`, so that ``pytest -m "not slow"`` stays fast: an unmarked one fails here."""
    if request.node.get_closest_marker("slow") is not None:
        return

    def refuse(*args: object, **kwargs: object) -> None:
        pytest.fail(f"{request.node.nodeid} starts a process: mark it @pytest.mark.slow", pytrace=False)

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(os, "fork", refuse)


def within(work: Callable[[], object], seconds: float) -> object:
    """`work()` run on a thread and its result; fails if it has not finished in `seconds` (a hang)."""
    outcome: list[object] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hangs"
    if errors:
        raise errors[0]
    return outcome[0]
