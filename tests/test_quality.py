"""The code is ruff-clean (lint and format), as the developers' guide asks."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import REPO

# Every test here starts processes (the CLI, git, pip, ruff).
pytestmark = pytest.mark.slow


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ruff"] if shutil.which("ruff") is None else ["ruff"]
    return subprocess.run([*command, *args], cwd=REPO, capture_output=True, text=True)


@pytest.mark.parametrize(
    "args", [("check", "wbl", "rules", "tests", "bench"), ("format", "--check", "wbl", "rules", "tests", "bench")]
)
def test_ruff(args):
    result = _ruff(*args)
    assert result.returncode == 0, result.stdout + result.stderr
