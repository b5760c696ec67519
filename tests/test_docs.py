"""The docs site: rule pages generated from the registry, and a strict MkDocs build."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wbl.docgen import builtin_rules, rule_pages

from .conftest import REPO


def test_rule_pages_match_the_registry():
    pages = rule_pages(builtin_rules())
    stale = [path for path, text in pages.items() if (REPO / "docs" / path).read_text(encoding="utf-8") != text]
    assert stale == [], f"run `python -m wbl.docgen` to regenerate: {stale}"
    on_disk = {f"rules/{p.name}" for p in (REPO / "docs" / "rules").glob("*.md")}
    assert on_disk == set(pages)


@pytest.mark.slow
def test_mkdocs_build_strict(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "rules" / "weasel-word" / "index.html").exists()
