"""The hostile set: every file gets a documented outcome, within its time bound, never a traceback.

One table, `CASES`, of files a reliability engineer would hand wbl: Markdown and scale
pathologies, special files (a FIFO, a device, a broken symbolic link), and file names with line
feeds, escape sequences and bytes that are not UTF-8. Each case runs through the CLI beside a
good file, in a process that must finish within the case's bound (start-up included): the exit
code, one line on standard error naming the file, no traceback, the good file still linted. The
cases that are text also go through the API (positions of every finding), and the file names
through every human-readable and machine format.

The other kinds of hostile input are tested where their code is, each with a bound on its time:
configuration, baselines, the result cache, plugins, the library API, terminal output, `--jobs`
workers and the special files met in a walk in test_robustness.py (in-process) and
test_robustness_cli.py (processes: installed plugins, the language server); any file name and
any configuration in test_robustness_fuzz.py; the time taken as the input grows in
bench/hostile_scaling.py.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

import wbl
from wbl.cli import main
from wbl.files import FileLinter
from wbl.reporters.base import printable
from wbl.source import decode

from .conftest import REPO, clean_env, wbl_command, within
from .positions import span_problems


def _bench_cases() -> dict[str, Callable[[int], str]]:
    """The inputs of bench/hostile_scaling.py (the bench measures their growth, this set their outcome)."""
    spec = importlib.util.spec_from_file_location("hostile_scaling", REPO / "bench" / "hostile_scaling.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


SCALE = 64_000  # characters of a scale case: past spaCy's piece size (`wbl.nlp.MAX_PIECE`)
_GROWN = _bench_cases()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _broken(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere.md")


@dataclass(frozen=True)
class Case:
    """A hostile file: its bytes (or how to make it), its outcome and the bound of a CLI run."""

    content: bytes | Callable[[Path], None]
    outcome: str  # "linted" (exit 0 or 1, no error) or "error:<words in the message>"
    # The whole `wbl check` run of this file and a good one, start-up (spaCy's model) included,
    # on a busy two-core machine: about 10 s for a small file.
    seconds: float = 60

    @property
    def text(self) -> bytes | None:
        return self.content if isinstance(self.content, bytes) else None


GOOD = b"# Shelfwise\n\nMany customers wait.\n"

CASES: dict[str, Case] = {
    # Markdown and encodings
    "empty.md": Case(b"", "linted"),
    "whitespace.md": Case(b"   \n\t\n  \n", "linted"),
    "png.md": Case(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "error:binary"),
    "latin1.md": Case("Caf\xe9 with many words".encode("latin-1"), "error:UTF-8"),
    "bom.md": Case("\ufeffMany users wait.\n".encode(), "linted"),
    "utf16.md": Case("Many users wait.\n".encode("utf-16"), "linted"),
    "utf32.md": Case("Many users wait.\n".encode("utf-32"), "linted"),
    "crlf.md": Case(b"# Title\r\n\r\nMany users\r\nwait.\r\n", "linted"),
    "lone-cr.md": Case(b"# Title\r\rMany users\rwait.\r", "linted"),
    "nul.md": Case(b"Many\x00words\n", "error:binary"),
    "nested-quotes.md": Case(("> " * 2000 + "Many levels.\n").encode(), "linted"),
    "nested-lists.md": Case("".join(" " * min(i, 40) + "- many\n" for i in range(2000)).encode(), "linted"),
    "unclosed-fence.md": Case(b"# T\n\n```\nmany words in code\n", "linted"),
    # An attribution ending on a long run of capitals (a signature regex once backtracked on it).
    "signed-capitals.md": Case(b'# T\n\n"We built it," said Tom Baker, ' + b"A" * 150 + b"!\n", "linted", 30),
    "unclosed-front-matter.md": Case(b"---\ntitle: x\n\nMany words.\n", "linted"),
    "only-html.md": Case(b"<div>\n<p>many words</p>\n</div>\n", "linted"),
    "only-front-matter.md": Case(b"---\ntitle: many\n---\n", "linted"),
    "non-english.md": Case("Viele Kunden warten sehr lange. 多くの顧客が待っています。\n".encode(), "linted"),
    "bidi-emoji.md": Case("\u200fمرحبا \u200b many 🎉 words\u202e reversed\u202c text\n".encode(), "linted"),
    "terminal-escapes.md": Case(b"# Shelfwise\n\nMany\x1b[2J customers\x1b]0;pwned\x07 wait.\n", "linted"),
    # Scale: 12,500 words on one line, 10 MiB, and the growth cases of bench/hostile_scaling.py
    # that were ever worse than linear
    "long-line.md": Case(("many words here " * 12_500).encode(), "linted"),
    "too-large.md": Case(b"Many words. " * 500_000, "error:size limit"),
    **{
        f"{name}.md": Case(_GROWN[name](SCALE).encode(), "linted", seconds)
        for name, seconds in [
            ("unclosed-paren", 60),
            ("dotted-token", 60),
            ("code-spans", 60),
            ("open-parens", 60),
            ("slashed-token", 120),
            ("hyphenated-token", 120),
            ("unclosed-quote", 60),
            ("digits-commas", 60),
            ("unclosed-comment", 60),
            ("long-word", 60),
            ("links", 60),
            ("findings-paragraph", 90),
        ]
    },
    # Files that are not regular files: refused before they are opened
    "fifo.md": Case(_fifo, "error:FIFO"),
    "dev-zero.md": Case(_zero, "error:character device"),
    "broken-link.md": Case(_broken, "error:broken symbolic link"),
    # File names: a line feed, escape sequences, bytes that are not UTF-8
    "line\nfeed.md": Case(GOOD, "linted"),
    "escape\x1b[2J\x1b]0;title\x07.md": Case(GOOD, "linted"),
    os.fsdecode(b"caf\xe9.md"): Case(GOOD, "linted"),
    "binary\nwith\x1b[31m name.md": Case(b"Many\x00words\n", "error:binary"),
}
NAMES = [name for name in CASES if printable(name, one_line=True) != name]


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    for name, case in CASES.items():
        if case.text is not None:
            (root / name).write_bytes(case.text)
        else:
            case.content(root / name)
    (root.parent / "good.md").write_bytes(GOOD)
    return root


def _slow_if(names: list[str], slow: Callable[[str], bool]) -> list[object]:
    return [pytest.param(n, marks=pytest.mark.slow) if slow(n) else n for n in names]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_outcome(hostile_dir, name):
    case, path, good = CASES[name], hostile_dir / name, hostile_dir.parent / "good.md"
    result = subprocess.run(
        [*wbl_command(), "check", "--format", "json", str(path), str(good)],
        capture_output=True,
        env=clean_env(),
        timeout=case.seconds,  # the case's bound: over it, TimeoutExpired fails the test
    )
    stderr = result.stderr.decode("utf-8")  # valid UTF-8, whatever the file's name
    assert "Traceback" not in stderr
    files = {f["path"]: f for f in json.loads(result.stdout.decode("utf-8"))["files"]}
    assert files[str(good)]["findings"], "the other file is still linted"
    entry = files[str(path)]
    if case.outcome == "linted":
        assert entry["error"] is None, entry["error"]
        assert result.returncode in (0, 1)
    else:
        assert result.returncode == 2
        assert case.outcome.split(":", 1)[1] in entry["error"]
        shown = printable(str(path), one_line=True)  # the name as a terminal may show it
        lines = [line for line in stderr.splitlines() if line.startswith(shown)]
        assert len(lines) == 1 and "\n" not in entry["error"]
        assert not set(stderr) & {"\x1b", "\x07", "\udce9"}


@pytest.mark.parametrize(
    "name",
    # A scale case takes spaCy a quarter of a minute.
    _slow_if(
        sorted(n for n, case in CASES.items() if case.outcome == "linted" and case.text is not None),
        lambda n: len(CASES[n].content) > 100_000 or n[:-3] in _GROWN,
    ),
)
def test_api_positions_on_hostile_text(linter, hostile_dir, name):
    case = CASES[name]
    report = within(lambda: FileLinter(linter).lint_file(hostile_dir / name), case.seconds)
    assert not report.errors
    text = decode(case.text, max_bytes=None)
    problems = [p for f in report.findings for p in span_problems(text, f)]
    assert problems == []


@pytest.mark.parametrize("format_name", ["text", "concise", "json", "sarif"])
@pytest.mark.parametrize("name", NAMES)
def test_file_names_in_every_format(hostile_dir, name, format_name):
    """A name with a line feed, an escape sequence or a byte that is not UTF-8: valid UTF-8 out,
    valid JSON and SARIF, and nothing raw in what a terminal shows (one line per finding)."""
    path = hostile_dir / name
    args = ["check", "--no-cache", "--kind", "fragment", "--format", format_name, str(path)]  # GOOD is a fragment
    result = within(lambda: CliRunner().invoke(main, args), CASES[name].seconds)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    output = result.stdout_bytes.decode("utf-8") + result.stderr_bytes.decode("utf-8")
    if CASES[name].outcome == "linted":
        assert result.exit_code == 1 and "WB601" in output
    else:
        assert result.exit_code == 2
    if format_name == "json":
        (entry,) = json.loads(result.stdout)["files"]
        assert entry["path"] == str(path)  # the same name, read back
    elif format_name == "sarif":
        run = json.loads(result.stdout)["runs"][0]
        located = [*run["results"], *run["invocations"][0].get("toolExecutionNotifications", [])]
        uris = [where["physicalLocation"]["artifactLocation"]["uri"] for r in located for where in r["locations"]]
        assert uris and all(uri.isprintable() for uri in uris), uris  # percent-encoded
    else:
        assert not set(output) & {"\x1b", "\x07", "\udce9"}
        shown = printable(str(path), one_line=True)
        assert any(line.startswith(shown) for line in output.splitlines())


def test_a_scored_document_s_name_is_escaped_in_the_summary(tmp_path):
    # The summary's score line names each PR/FAQ: one line, nothing raw for the terminal.
    example = (REPO / "docs" / "examples" / "datasync-prfaq.md").read_bytes()
    for name in ("line\nfeed-prfaq.md", "escape\x1b[31mred-prfaq.md"):
        (tmp_path / name).write_bytes(example)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "WB421", str(tmp_path)])
    output = result.stdout_bytes.decode("utf-8")
    scores = [line for line in output.splitlines() if "score" in line and "/100" in line]
    assert len(scores) == 2 and not set(output) & {"\x1b"}, output
    assert all(line.startswith("  " + str(tmp_path)) for line in scores), scores


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
    # Links in a loop, as a stale link, are no documents: the walk skips them (the CLI says so).
    assert "a.md" not in by_name and "b.md" not in by_name
    assert not any("loop" in r.path for r in report.files)


def test_unreadable_file(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "secret.md"
    path.write_text("Many.\n", encoding="utf-8")
    path.chmod(0)
    assert wbl.lint_paths([path]).files[0].error == "permission denied"
