"""Hostile input: every file gets a documented outcome, never a traceback, never a hang.

Each case runs through the CLI (with a generous timeout that only catches hangs) and the API.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

import wbl
from wbl.files import FileLinter

from .conftest import clean_env, wbl_command
from .positions import span_problems

# name -> (content, expected outcome): "linted" (exit 0 or 1, no error) or "error:<words in the message>"
CASES: dict[str, tuple[bytes, str]] = {
    "empty.md": (b"", "linted"),
    "whitespace.md": (b"   \n\t\n  \n", "linted"),
    "png.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "error:binary"),
    "latin1.md": ("Caf\xe9 with many words".encode("latin-1"), "error:UTF-8"),
    "bom.md": ("\ufeffMany users wait.\n".encode(), "linted"),
    "utf16.md": ("Many users wait.\n".encode("utf-16"), "linted"),
    "crlf.md": (b"# Title\r\n\r\nMany users\r\nwait.\r\n", "linted"),
    "lone-cr.md": (b"# Title\r\rMany users\rwait.\r", "linted"),
    "nul.md": (b"Many\x00words\n", "error:binary"),
    "long-line.md": (("many words here " * 12_500).encode(), "linted"),
    "nested-quotes.md": (("> " * 2000 + "Many levels.\n").encode(), "linted"),
    "nested-lists.md": ("".join(" " * min(i, 40) + "- many\n" for i in range(2000)).encode(), "linted"),
    "unclosed-fence.md": (b"# T\n\n```\nmany words in code\n", "linted"),
    "unclosed-front-matter.md": (b"---\ntitle: x\n\nMany words.\n", "linted"),
    "only-html.md": (b"<div>\n<p>many words</p>\n</div>\n", "linted"),
    "only-front-matter.md": (b"---\ntitle: many\n---\n", "linted"),
    "non-english.md": ("Viele Kunden warten sehr lange. 多くの顧客が待っています。\n".encode(), "linted"),
    "bidi-emoji.md": ("\u200fمرحبا \u200b many 🎉 words\u202e reversed\u202c text\n".encode(), "linted"),
    "too-large.md": (b"Many words. " * 500_000, "error:size limit"),
}


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    for name, (content, _) in CASES.items():
        (root / name).write_bytes(content)
    return root


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_outcome(hostile_dir, name):
    path = hostile_dir / name
    good = hostile_dir.parent / f"good-{name}"
    good.write_text("Many users wait.\n", encoding="utf-8")
    result = subprocess.run(
        [*wbl_command(), "check", "--format", "json", str(path), str(good)],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=600,
    )
    assert "Traceback" not in result.stderr
    files = {f["path"]: f for f in json.loads(result.stdout)["files"]}
    assert files[str(good)]["findings"], "the other file is still linted"
    expected = CASES[name][1]
    entry = files[str(path)]
    if expected == "linted":
        assert entry["error"] is None, entry["error"]
        assert result.returncode in (0, 1)
    else:
        assert result.returncode == 2
        assert expected.split(":", 1)[1] in entry["error"]
        stderr = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
        assert len(stderr) == 1 and "\n" not in entry["error"]


@pytest.mark.parametrize(
    "name",
    [
        # 12,500 words on one line take spaCy a quarter of a minute.
        pytest.param(n, marks=pytest.mark.slow) if n == "long-line.md" else n
        for n in sorted(n for n, (_, outcome) in CASES.items() if outcome == "linted")
    ],
)
def test_api_positions_on_hostile_text(linter, hostile_dir, name):
    report = FileLinter(linter).lint_file(hostile_dir / name)
    assert not report.errors
    data = (hostile_dir / name).read_bytes()
    from wbl.source import decode

    text = decode(data, max_bytes=None)
    problems = [p for f in report.findings for p in span_problems(text, f)]
    assert problems == []


def test_directory_named_like_markdown_and_symlink_loop(tmp_path):
    tree = tmp_path / "docs"
    (tree / "x.md").mkdir(parents=True)
    (tree / "x.md" / "inner.md").write_text("Various words.\n", encoding="utf-8")
    (tree / "real.md").write_text("Many words.\n", encoding="utf-8")
    os.symlink(tree, tree / "loop")
    os.symlink(tree / "a.md", tree / "b.md")
    os.symlink(tree / "b.md", tree / "a.md")
    report = wbl.lint_paths([tree])
    by_name = {os.path.basename(r.path): r for r in report.files}
    assert by_name["inner.md"].findings and by_name["real.md"].findings
    assert "a.md" in by_name and by_name["a.md"].error
    assert not any("loop" in r.path for r in report.files)


def test_unreadable_file(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "secret.md"
    path.write_text("Many.\n", encoding="utf-8")
    path.chmod(0)
    assert wbl.lint_paths([path]).files[0].error == "permission denied"
