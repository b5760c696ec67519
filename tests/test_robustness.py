"""Hostile input, second round (issue 16), through the library and in-process CLI runs.

Each test reproduces one case of the issue (or one a reliability engineer would add) and checks
its documented outcome: a one-line error naming the file (and the configuration key), the other
files still linted, no traceback, nothing lost, nothing raw on a terminal, and no hang (the few
threads joined with a timeout only catch hangs; speed is measured by bench/hostile_scaling.py).
The tests that start processes are in test_robustness_cli.py.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import threading
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

import wbl
import wbl.files
import wbl.parallel
import wbl.reporters
from wbl.baseline import Baseline, BaselineError, write_baseline
from wbl.cache import ResultCache
from wbl.cli import main
from wbl.config import ConfigError, glob_match, load_config
from wbl.engine import Linter, LintOptions
from wbl.files import FileLinter
from wbl.findings import FileReport, Report
from wbl.guard import guarded
from wbl.registry import Registry, RegistryError, discover
from wbl.reporters import REPORTERS, RenderOptions, render_explanation, render_rules
from wbl.safeio import atomic_writer, json_text, read_regular, write_atomic

from .conftest import within
from .positions import span_problems

GOOD = "# Shelfwise\n\nMany customers wait.\n"

HANG = 120  # seconds: only a hang takes this long


def _rule(code: str, name: str, check, **extra):  # type: ignore[no-untyped-def]
    return wbl.rule(code=code, name=name, category="weasel", severity="warning", summary=name, **extra)(check)


def _registry(*rules) -> Registry:  # type: ignore[no-untyped-def]
    return Registry.from_rules([wbl.default_registry().get("WB601"), *rules])


def _finishes(work, seconds: float = HANG) -> None:  # type: ignore[no-untyped-def]
    """Run `work` on a thread and fail if it has not finished in `seconds` (a hang)."""
    within(work, seconds)


class _Hangs(BaseException):
    """Raised in the main thread by `_bounded` (a BaseException, so that no guard contains it)."""


@contextmanager
def _bounded(seconds: float = HANG):  # type: ignore[no-untyped-def]
    """Fail the main thread's block, instead of hanging, if it takes `seconds`: a timer thread
    sends SIGUSR1, which interrupts a sleep or a backtracking regular expression as the alarm does
    (SIGALRM itself is left free for `wbl.guard`)."""

    def hangs(signum: int, frame: object) -> None:
        raise _Hangs(f"hangs: not done in {seconds} s")

    previous = signal.signal(signal.SIGUSR1, hangs)
    timer = threading.Timer(seconds, signal.pthread_kill, (threading.main_thread().ident, signal.SIGUSR1))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        signal.signal(signal.SIGUSR1, previous)


# --- data loss: every file is written whole or not at all ---------------------------------------


def test_a_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "wbl-baseline.json"
    target.write_text("the old baseline\n", encoding="utf-8")
    target.chmod(0o640)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("wbl.safeio.os.fsync", full_disk)
    report = wbl.lint_text(GOOD, path=str(tmp_path / "a.md"))
    with pytest.raises(OSError, match="No space"):
        write_baseline(Report((report,)), target)
    assert target.read_text(encoding="utf-8") == "the old baseline\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wbl-baseline.json"]  # no temporary file left
    monkeypatch.undo()
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n" and (target.stat().st_mode & 0o777) == 0o640


def test_a_streamed_write_that_fails_half_way_keeps_the_previous_file(tmp_path):
    target = tmp_path / "report.sarif"
    target.write_text("the old report\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as out:
        out.write("{\n")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]
    with atomic_writer(target) as out:
        out.write(os.fsdecode(b"caf\xe9.md"))
        out.write(b" bytes\n")
    assert target.read_bytes() == b"caf\\udce9.md bytes\n"
    with pytest.raises(IsADirectoryError), atomic_writer(tmp_path) as out:
        out.write("never\n")


def test_baseline_with_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"caf\xe9.md")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    run = wbl.lint_paths([tmp_path])
    assert run.files[0].findings and run.files[0].path.endswith(name)
    written = write_baseline(run, tmp_path / "baseline.json")
    raw = (tmp_path / "baseline.json").read_bytes()
    raw.decode("utf-8")  # valid UTF-8
    loaded = Baseline.load(tmp_path / "baseline.json")
    assert len(loaded) == len(written)
    assert not loaded.compare(run).new and len(loaded.compare(run).unchanged) == len(written)


@pytest.mark.parametrize("format_name", ["json", "sarif", "text", "concise", "github", "junit"])
def test_every_format_is_valid_utf8_for_names_that_are_not(tmp_path, format_name):
    name = os.fsdecode(b"caf\xe9-\x1b[2J.md")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    run = wbl.lint_paths([tmp_path])
    output = REPORTERS[format_name](run, RenderOptions(rules=tuple(wbl.default_registry().rules)))
    output.encode("utf-8")  # no lone surrogate
    assert "\x1b" not in output
    if format_name in ("json", "sarif"):
        text = json.dumps(json.loads(output))
        assert "caf" in text
    if format_name == "json":
        assert json.loads(output)["files"][0]["path"] == run.files[0].path  # the same name, read back


def test_json_text_escapes_only_lone_surrogates():
    value = {"a\udcff": ["é\ud800", "ok"]}
    text = json_text(value)
    text.encode("utf-8")
    assert json.loads(text) == value and "é" in text


# --- special files are refused before they are opened -------------------------------------------


@pytest.fixture
def opened(monkeypatch):
    """The paths `wbl.safeio` opens."""
    seen: list[str] = []
    real_open = os.open

    def spy(path, flags, *args):  # type: ignore[no-untyped-def]
        seen.append(os.fsdecode(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr("wbl.safeio.os.open", spy)
    return seen


def test_fifo_device_and_socket_are_refused_unopened(tmp_path, opened):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    device = tmp_path / "zero.md"
    device.symlink_to("/dev/zero")
    sock = tmp_path / "sock.md"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    result: list[Report] = []
    _finishes(lambda: result.append(wbl.lint_paths([fifo, device, sock, good])))
    by_name = {Path(f.path).name: f for f in result[0].files}
    assert "FIFO" in by_name["pipe.md"].error and "not a regular file" in by_name["pipe.md"].error
    assert "character device" in by_name["zero.md"].error
    assert "socket" in by_name["sock.md"].error
    assert by_name["good.md"].findings
    assert str(fifo) not in opened and str(device) not in opened and str(sock) not in opened
    server.close()


def test_special_files_met_in_a_walk_are_refused(tmp_path, opened):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    result: list[Report] = []
    _finishes(lambda: result.append(wbl.lint_paths([tmp_path])))
    errors = {Path(f.path).name: f.error for f in result[0].files}
    assert "FIFO" in errors["pipe.md"] and errors["good.md"] is None


def test_a_file_over_the_limit_is_refused_from_its_size(tmp_path, opened):
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.truncate(3 * 1024 * 1024)  # sparse: nothing to read even if it were read
    report = wbl.lint_paths([big]).files[0]
    assert "over the size limit" in report.error and str(big) not in opened


def test_read_regular_stops_at_the_limit(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"a" * 100)
    assert read_regular(path, 100) == b"a" * 100
    with pytest.raises(wbl.safeio.FileProblem, match="size limit"):
        read_regular(path, 99)
    assert read_regular(path) == b"a" * 100 and read_regular(tmp_path / "x.md", 10**9) == b"a" * 100


@pytest.mark.skipif(not os.path.isfile("/proc/self/status"), reason="needs Linux's /proc")
def test_read_regular_reads_past_the_size_the_file_gave(tmp_path):
    """A regular file that holds more than its size said (as /proc's do, or one growing while it
    is read) is read to its end, and stopped at the limit."""
    held = read_regular("/proc/self/status")
    assert os.stat("/proc/self/status").st_size == 0 and held.startswith(b"Name:") and len(held) > 100
    with pytest.raises(wbl.safeio.FileProblem, match="size limit"):
        read_regular("/proc/self/status", 10)


# --- configuration ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "key", "words"),
    [
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", None, "nested too deeply"),
        ("a" + ".a" * 5000 + " = 1\n", None, None),
        ('exclude = ["[z-a]"]\n', "exclude", "invalid glob"),
        ('include = ["docs/[9-0]*.md"]\n', "include", "invalid glob"),
        ('[[overrides]]\nfiles = ["[b-a]"]\n', "overrides[0].files", "invalid glob"),
        ('[per-file-ignores]\n"[z-a].md" = ["WB601"]\n', "per-file-ignores.[z-a].md", "invalid glob"),
        ("rule-time-limit = -1\n", "rule-time-limit", "seconds"),
        ('rule-time-limit = "fast"\n', "rule-time-limit", "seconds"),
        (
            '[rules.unfinished-draft]\npatterns = [{ name = "x", regex = "\\\\w+\\\\w+$", advice = "y" }]\n',
            "rules.unfinished-draft.patterns",
            "two repetitions in a row",
        ),
        (
            '[rules.unfinished-draft]\npatterns = [{ name = "x", regex = "(a|aa)+$", advice = "y" }]\n',
            "rules.unfinished-draft.patterns",
            "alternatives",
        ),
        (
            '[rules.unfinished-draft]\npatterns = [{ name = "x", regex = "(a?)*$", advice = "y" }]\n',
            "rules.unfinished-draft.patterns",
            "match nothing",
        ),
        (
            '[rules.unfinished-draft]\npatterns = [{ name = "x", advice = "y" }]\n',
            "rules.unfinished-draft.patterns",
            "lacks 'regex'",
        ),
        ('[rules.unfinished-draft]\nmessage = "{oops} left"\n', "rules.unfinished-draft.message", "{oops}"),
        ('[rules.unfinished-draft]\nmessage = "{match"\n', "rules.unfinished-draft.message", "template"),
        ('[rules.unfinished-draft]\nmessage = "{0} left"\n', "rules.unfinished-draft.message", "use a name"),
        ('[rules.weasel-word]\nmessage = "{"\n', "rules.weasel-word.message", "template"),
    ],
)
def test_configuration_errors_name_the_file_and_key(tmp_path, content, key, words):
    path = tmp_path / "wbl.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    if key:
        assert f": {key}: " in message
    if words:
        assert words in message


def test_a_configuration_file_that_is_a_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "wbl.toml")
    with pytest.raises(ConfigError, match="FIFO"):
        _finishes(lambda: load_config(tmp_path / "wbl.toml"))


def test_valid_template_and_pattern_options_still_load(tmp_path):
    path = tmp_path / "wbl.toml"
    path.write_text(
        '[rules.unfinished-draft]\nmessage = "{match}: {advice} ({{literally}})"\n'
        'patterns = [{ name = "x", regex = "\\\\bTBD\\\\b", advice = "y" }]\n',
        encoding="utf-8",
    )
    assert load_config(path).base.rules["WB110"]["message"].startswith("{match}")


def test_globs_do_not_backtrack():
    name = "docs/" + "a" * 4000 + ".md"
    globs = ["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "**/**/**/**/**/**/**/x/**", "**/" + "*a" * 30 + "b"]
    results: list[bool] = []
    _finishes(lambda: results.extend(glob_match([g], name) for g in globs), seconds=60)
    assert results == [False, False, False]
    assert glob_match(["*a*a*b.md"], "docs/xaxayb.md") and glob_match(["**/[!x]*.md"], "a/b/c.md")


def test_deeply_nested_baseline_json_is_a_clear_error(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(BaselineError, match="nested too deeply"):
        Baseline.load(path)
    os.mkfifo(tmp_path / "fifo.json")
    with pytest.raises(BaselineError, match="FIFO"):
        _finishes(lambda: Baseline.load(tmp_path / "fifo.json"))


# --- the result cache ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        {"format": 2, "result": {"findings": 5}},
        {"format": 2, "result": {"findings": [[1, 2, 3]]}},
        {"format": 2, "result": {"findings": [{"rule": 1}]}},
        {"format": 2, "result": {"metrics": [1, 2], "findings": []}},
        {"format": 2, "result": {"scorecard": {"a": 1}}},
        {"format": 2, "result": {"errors": 7}},
        {"format": 2, "result": []},
        {"format": 2, "result": "x"},
        "[" * 50_000 + "]" * 50_000,
    ],
)
def test_a_cache_entry_of_the_wrong_shape_is_a_miss(tmp_path, linter, entry):
    doc = tmp_path / "a.md"
    doc.write_text(GOOD, encoding="utf-8")
    fresh = FileLinter(linter, tmp_path / "cache").lint_file(doc)
    entries = list((tmp_path / "cache").glob("*/*.json"))
    assert entries
    for path in entries:
        path.write_text(entry if isinstance(entry, str) else json.dumps(entry), encoding="utf-8")
    again = FileLinter(linter, tmp_path / "cache")
    assert again.cached_report(str(doc)) is None
    assert again.lint_file(doc).to_dict() == fresh.to_dict()
    assert again.cached_report(str(doc)).to_dict() == fresh.to_dict()  # written again, whole


def test_a_cache_entry_that_is_a_fifo_is_a_miss(tmp_path):
    cache = ResultCache(tmp_path, {"x": 1})
    key = cache.key(b"data")
    (tmp_path / key[:2]).mkdir()
    os.mkfifo(tmp_path / key[:2] / f"{key}.json")
    found: list[object] = []
    _finishes(lambda: found.append(cache.get(key)))
    assert found == [None]


# --- the library API ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, 1, b"Many users.", ["Many"], 2.5])
def test_lint_text_rejects_what_is_not_text(text):
    with pytest.raises(TypeError, match=r"lint_text\(\) takes the Markdown text as a str"):
        wbl.lint_text(text)
    with pytest.raises(TypeError, match="as a str"):
        Linter().lint_text(text)


def test_wrong_argument_types_are_clear_type_errors():
    with pytest.raises(TypeError, match="path as a str"):
        wbl.lint_text("Many.", path=3)
    with pytest.raises(TypeError, match="options as a LintOptions"):
        wbl.lint_text("Many.", options={"select": ["WB601"]})
    with pytest.raises(TypeError, match="iterable of paths, not int"):
        wbl.lint_paths(3)
    with pytest.raises(TypeError, match="not NoneType"):
        wbl.lint_paths([None])
    with pytest.raises(TypeError, match="bytes"):
        wbl.Project().lint_bytes("text", "a.md")


@pytest.mark.parametrize(
    ("build", "error", "match"),
    [
        (lambda: wbl.LintOptions(select="WB601"), TypeError, "tuple of rule selectors"),  # not W, B, 6, 0, 1
        (lambda: wbl.LintOptions(ignore=("WB601", 3)), TypeError, "tuple of rule selectors"),
        (lambda: wbl.LintOptions(kind="bogus"), ValueError, r"kind=\.\.\.\) is None or one of"),
        (lambda: wbl.LintOptions(vocabulary={"accept": ["x"]}), TypeError, "Vocabulary.from_mapping"),
        (lambda: wbl.LintOptions(rule_time_limit=-1), ValueError, "0 or more"),
        (lambda: wbl.Vocabulary(accept="seamless"), TypeError, "tuple of terms"),
        (lambda: wbl.Project(jobs="2"), ValueError, r"jobs=\.\.\.\)"),
        (lambda: wbl.Project(jobs=0), ValueError, r"jobs=\.\.\.\)"),
        (lambda: list(wbl.reporters.stream("sarif", [])), ValueError, "written whole"),
    ],
)
def test_library_arguments_are_checked_where_they_are_given(build, error, match):
    # Not accepted and failing later inside every rule (or silently doing nothing).
    with pytest.raises(error, match=match):
        build()


def test_library_arguments_that_are_right_still_pass():
    assert wbl.LintOptions(select=["WB601"], kind="auto", rule_time_limit=0).kind == "auto"
    assert wbl.Vocabulary.from_mapping({"accept": ["seamless"]}).accept == ("seamless",)


def test_lone_surrogates_are_an_input_error_not_a_crash():
    report = wbl.lint_text("Many users \ud800 wait.\n")
    assert report.error == "not valid Unicode: a lone surrogate (U+D800) at offset 11"


def test_paragraphs_of_markup_only_are_not_prose():
    """'<a id="x"></a> <!-- note -->' is a paragraph with no text once the markup is gone; it was
    a blank unit that a rule took as the solution paragraph and pointed past its end (an internal
    error, exit 2, on an ordinary guide). Such paragraphs are left out of the document's prose."""
    example = (Path(__file__).resolve().parents[1] / "docs" / "examples" / "shelfwise-prfaq.md").read_text()
    anchored = example.replace("\n\n", '\n\n<a id="keep"></a> <!-- a permalink -->\n\n')
    assert anchored.count("<a id") > 10
    report = wbl.lint_text(anchored)
    assert report.error is None
    assert all(u.text.strip() for u in wbl.engine.build("x.md", anchored).units if u.kind != "heading")
    plain = wbl.lint_text(example)
    assert [(f.rule, f.message) for f in report.findings] == [(f.rule, f.message) for f in plain.findings]


def test_lint_paths_takes_one_path_as_one_path(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "outside.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for given in ("docs", Path("docs"), b"docs"):
        run = wbl.lint_paths(given)
        assert [f.path for f in run.files] == [os.path.join("docs", "a.md")]


# --- rules that hang, exit or print --------------------------------------------------------------


def _loops(document, ctx):  # type: ignore[no-untyped-def]
    """Never returns."""
    count = 0
    while True:
        count += 1


def _yields_for_ever(document, ctx):  # type: ignore[no-untyped-def]
    """Yields findings for ever."""
    unit = document.units[0]
    while True:
        yield wbl.Violation("again", unit, 0, 1)


def _backtracks(document, ctx):  # type: ignore[no-untyped-def]
    """A catastrophic regular expression (re checks for signals while it matches)."""
    re.match(r"(a+)+$", "a" * 64 + "!")
    return iter(())


def _sleeps(document, ctx):  # type: ignore[no-untyped-def]
    """Sleeps."""
    import time

    time.sleep(3600)
    return iter(())


# The alarm can land inside a gc callback (hypothesis installs one), where Python prints the
# TimeLimit as "ignored"; the guard raises it again RETRY seconds later, so the rule is still
# stopped. The printed warning is that swallowed first raise, not a failure.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("check", [_loops, _yields_for_ever, _backtracks, _sleeps])
def test_a_rule_over_its_time_limit_is_stopped_and_named(check):
    slow = _rule("WB990", "too-slow", check)
    report: list[FileReport] = []
    options = LintOptions(rule_time_limit=0.5)
    # On the main thread, as the command line runs: the alarm also stops a regular expression that
    # backtracks (re checks for signals; a thread's watchdog cannot reach into it).
    with _bounded():
        report.append(wbl.lint_text(GOOD, options=options, registry=_registry(slow)))
    (error,) = report[0].errors
    assert error.startswith("rule WB990 (too-slow) ran over its time limit of 0.5 s (rule-time-limit)")
    assert [f.rule for f in report[0].findings] == ["WB601"]  # the other rule still reports


def test_a_rule_that_loops_on_another_thread_is_stopped_too():
    """The language server lints on a worker thread, where no signal arrives: a watchdog stops it."""
    slow = _rule("WB990", "too-slow", _loops)
    report: list[FileReport] = []
    _finishes(lambda: report.append(Linter(LintOptions(rule_time_limit=0.5), _registry(slow)).lint_text(GOOD)))
    assert "ran over its time limit" in report[0].error


def test_a_shorter_limit_armed_while_a_longer_one_waits_is_kept():
    """The watchdog is woken only for a deadline earlier than those it waits for: a short limit
    armed while another thread holds a long one still stops its rule in time."""
    started, release = threading.Event(), threading.Event()

    def holds() -> None:
        with guarded(600):
            started.set()
            release.wait(60)

    holder = threading.Thread(target=holds)
    holder.start()
    try:
        assert started.wait(10)
        slow = _rule("WB990", "too-slow", _loops)
        report: list[FileReport] = []
        _finishes(lambda: report.append(Linter(LintOptions(rule_time_limit=0.5), _registry(slow)).lint_text(GOOD)))
        assert "ran over its time limit" in report[0].error
    finally:
        release.set()
        holder.join()


def test_prepare_and_figures_hooks_have_the_time_limit():
    def stalls(ctx):  # type: ignore[no-untyped-def]
        _loops(None, ctx)

    def stalls_figures(document, ctx):  # type: ignore[no-untyped-def]
        _loops(document, ctx)

    prepared = _rule("WB991", "slow-prepare", lambda d, c: iter(()), prepare=stalls)
    measured = _rule("WB992", "slow-figures", lambda d, c: iter(()), figures=stalls_figures)
    linter = Linter(LintOptions(rule_time_limit=0.3), _registry(prepared, measured))
    report: list[FileReport] = []
    _finishes(lambda: report.append(linter.lint_text(GOOD)))
    assert any("WB991 (slow-prepare) ran over its time limit" in e for e in report[0].errors)
    _finishes(lambda: linter.figures(linter.analyse(GOOD)))
    assert any("WB992 (slow-figures) measured nothing" in n for n in linter.notices)


@pytest.mark.parametrize(
    ("raised", "words"),
    [
        (SystemExit(3), "tried to end the process (SystemExit: 3)"),
        (KeyboardInterrupt(), "raised KeyboardInterrupt itself"),
    ],
)
def test_a_rule_that_exits_is_contained_and_named(raised, words):
    def ends(document, ctx):  # type: ignore[no-untyped-def]
        """Ends the process."""
        raise raised

    report = wbl.lint_text(GOOD, registry=_registry(_rule("WB993", "exits", ends)))
    assert report.errors == (f"rule WB993 (exits) {words}; stopped, its findings on this file dropped",)
    assert [f.rule for f in report.findings] == ["WB601"]


def test_a_rule_that_prints_cannot_write_into_the_output(capsys):
    def chatty(document, ctx):  # type: ignore[no-untyped-def]
        """Prints."""
        print("stray output")
        return iter(())

    wbl.lint_text(GOOD, registry=_registry(_rule("WB994", "chatty", chatty)))
    captured = capsys.readouterr()
    assert "stray output" not in captured.out and "stray output" in captured.err


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("import sys\nsys.exit(4)\n", "tried to end the process (SystemExit: 4)"),
        ("raise KeyboardInterrupt\n", "raised KeyboardInterrupt itself"),
        ("raise SystemExit\n", "SystemExit: None"),
    ],
)
def test_a_plugin_that_exits_at_import_is_named(tmp_path, monkeypatch, source, words):
    (tmp_path / "wbl_exits.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    from importlib import metadata

    point = metadata.EntryPoint(name="exits", value="wbl_exits:RULES", group="wbl.rules")
    with pytest.raises(RegistryError) as caught:
        discover(lambda: [point])
    assert "wbl_exits:RULES" in str(caught.value) and words in str(caught.value)


def test_a_duplicate_rule_name_names_both_origins():
    builtin = wbl.default_registry().get("WB601")
    other = wbl.Rule(**{**{f: getattr(builtin, f) for f in builtin.__dataclass_fields__}, "code": "WB995"})
    with pytest.raises(RegistryError) as caught:
        Registry.from_rules([builtin, wbl.Rule(**{**{f: getattr(other, f) for f in other.__dataclass_fields__}})])
    assert "duplicate rule name 'weasel-word': WB601 (builtin) and WB995 (builtin)" in str(caught.value)


# --- files, directories, jobs --------------------------------------------------------------------


def test_an_unreadable_directory_in_a_walk_is_reported(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.md").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = wbl.lint_paths([tmp_path])
    errors = {Path(f.path).name: f.error for f in run.files}
    assert errors["locked"] == "cannot read directory: permission denied" and errors["a.md"] is None


def test_an_unreadable_file_beside_a_good_one(tmp_path, monkeypatch):
    secret, good = tmp_path / "secret.md", tmp_path / "good.md"
    secret.write_text(GOOD, encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    real_open, real_access = os.open, os.access

    def deny(path, flags, *args):  # type: ignore[no-untyped-def]
        if os.fsdecode(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(secret))
        return real_open(path, flags, *args)

    monkeypatch.setattr("wbl.safeio.os.open", deny)
    monkeypatch.setattr(os, "access", lambda p, m, **k: os.fspath(p) != str(secret) and real_access(p, m, **k))
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", str(secret), str(good)])
    assert result.exit_code == 2, result.output
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["secret.md"]["error"] == "permission denied" and files["good.md"]["findings"]


class _InlineExecutor:
    """A stand-in for ProcessPoolExecutor that runs chunks in this process and records its size;
    the first `broken` pools it makes lose every chunk, as if a worker had been killed, and a pool
    given the `poison` file loses that file's chunk and every chunk after it."""

    made: ClassVar[list[int]] = []
    broken = 0
    poison: str | None = None

    def __init__(self, max_workers, mp_context, initializer, initargs):  # type: ignore[no-untyped-def]
        type(self).made.append(max_workers)
        self.lost = len(type(self).made) <= type(self).broken
        initializer(*initargs)

    def submit(self, fn, chunk):  # type: ignore[no-untyped-def]
        future: Future = Future()
        if any(path == type(self).poison for path, _ in chunk):
            self.lost = True
        if self.lost:
            future.set_exception(BrokenProcessPool("a worker was killed"))
        else:
            future.set_result(fn(chunk))
        return future

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc):  # type: ignore[no-untyped-def]
        return False


@pytest.fixture
def inline_pool(monkeypatch):
    _InlineExecutor.made, _InlineExecutor.broken, _InlineExecutor.poison = [], 0, None
    monkeypatch.setattr(wbl.parallel, "ProcessPoolExecutor", _InlineExecutor)
    return _InlineExecutor


def _three_files(tmp_path: Path) -> list[str]:
    names = []
    for i in range(3):
        # No figure in the sentence: a number beside "Many" makes it no weasel word.
        (tmp_path / f"{i}.md").write_text(f"# Doc {i}\n\nMany users wait.\n", encoding="utf-8")
        names.append(str(tmp_path / f"{i}.md"))
    return names


def test_jobs_never_start_more_workers_than_files(tmp_path, inline_pool):
    run = wbl.Project(jobs=24).lint_paths(_three_files(tmp_path))
    assert inline_pool.made and max(inline_pool.made) <= 3
    assert all(f.findings for f in run.files)


# Three chunks of one file, two workers. A pool that breaks with several chunks out is followed by
# one for the first of them alone; a chunk lost alone twice gets an error (wbl.parallel).
@pytest.mark.parametrize(
    ("broken", "failed_files", "pools"),
    [
        (1, [], [2, 1, 2]),  # a loss costs a pool for the first chunk alone, then a full pool
        (3, ["0.md"], [2, 1, 1, 2]),  # the first chunk lost alone twice: its files fail, not the others
        (99, ["0.md", "1.md", "2.md"], [2, 1, 1, 2, 1, 1, 1, 1]),  # every pool lost: bounded, then errors
    ],
)
def test_a_killed_worker_costs_a_new_pool_then_an_error_per_file(tmp_path, inline_pool, broken, failed_files, pools):
    inline_pool.broken = broken
    run = wbl.Project(jobs=2).lint_paths(_three_files(tmp_path))
    assert len(run.files) == 3
    assert [Path(f.path).name for f in run.files if f.error] == failed_files
    assert all(f.findings for f in run.files if not f.error)
    assert all("worker process" in f.error and "stopped unexpectedly" in f.error for f in run.files if f.error)
    assert inline_pool.made == pools


def test_a_file_that_kills_its_worker_fails_alone(tmp_path, inline_pool):
    """A worker dies on one file while others are out: only that file's chunk is charged."""
    names = _three_files(tmp_path)
    inline_pool.poison = names[1]
    run = wbl.Project(jobs=2).lint_paths(names)
    assert [bool(f.error) for f in run.files] == [False, True, False]
    assert run.files[0].findings and run.files[2].findings


@pytest.mark.parametrize("changed", [0, 1, 2])
def test_a_cached_run_reads_each_file_once(tmp_path, inline_pool, monkeypatch, changed):
    """Checking the cache reads each file; the run serves (or lints) those bytes, never reading a
    file again, whether nothing, one file (linted here) or two (linted by workers) changed."""
    folder = tmp_path / "docs"
    folder.mkdir()
    names = _three_files(folder)
    cache = tmp_path / "cache"
    wbl.Project(jobs=2, cache_dir=cache).lint_paths(names)
    for name in names[:changed]:
        Path(name).write_text(Path(name).read_text(encoding="utf-8") + "\nMany owners agree.\n", encoding="utf-8")
    fresh = [f.to_dict() for f in wbl.Project(jobs=1).lint_paths(names).files]
    reads: list[str] = []
    real = wbl.files.read_file

    def counted(path, max_bytes=None):  # type: ignore[no-untyped-def]
        reads.append(str(path))
        return real(path, max_bytes)

    monkeypatch.setattr(wbl.files, "read_file", counted)
    run = wbl.Project(jobs=2, cache_dir=cache).lint_paths(names)
    assert [f.to_dict() for f in run.files] == fresh
    # Each file is read once to check the cache; only a file that missed it is read again, to be
    # linted (here when one changed, by a worker when two did).
    assert sorted(reads) == sorted(names + names[:changed])


def test_files_named_on_the_command_line_are_planned_together(tmp_path, monkeypatch):
    names = [*_three_files(tmp_path), str(tmp_path / "3.md")]
    Path(names[-1]).write_text(GOOD, encoding="utf-8")
    planned: list[int] = []

    def spy(plan, files, jobs):  # type: ignore[no-untyped-def]
        planned.append(len(files))
        linter = FileLinter(Linter(plan.options[0], plan.registry))
        return linter.lint_files([path for path, _ in files])

    monkeypatch.setattr(wbl.parallel, "lint_in_processes", spy)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--kind", "fragment", "--jobs", "4", *names])
    assert result.exit_code == 1 and planned == [4]


# --- the command line -----------------------------------------------------------------------------


def test_an_internal_error_exits_2_with_one_line(tmp_path, monkeypatch):
    doc = tmp_path / "a.md"
    doc.write_text(GOOD, encoding="utf-8")

    def broken(self, paths):  # type: ignore[no-untyped-def]
        raise RuntimeError("kaboom")

    monkeypatch.setattr(wbl.Project, "iter_paths", broken)
    monkeypatch.delenv("WBL_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["check", "--no-cache", str(doc)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "wbl: internal error: RuntimeError: kaboom (WBL_DEBUG=1 shows the traceback)"
    ]


def test_endless_standard_input_is_cut_at_the_size_limit():
    result = CliRunner().invoke(main, ["check", "--no-cache", "--max-file-size", "1000", "-"], input=b"a" * 5000)
    assert result.exit_code == 2
    assert "<stdin>: error: over the size limit of 1,000 bytes (--max-file-size)" in result.stderr


def test_control_characters_never_reach_the_terminal(tmp_path):
    doc = tmp_path / "evil\x07.md"
    # The title sequence has a figure in it ("0;"), so it is kept out of the flagged sentence.
    text = "# Shelfwise\n\nMany\x1b[2J customers wait \u202egnol.\n\nThe title\x1b]0;pwned\x07 changes.\n"
    doc.write_text(text, encoding="utf-8")
    for fmt in ("text", "concise", "github"):
        result = CliRunner().invoke(
            main, ["check", "--no-cache", "--kind", "fragment", "--statistics", "--format", fmt, str(doc)]
        )
        assert result.exit_code == 1, result.output
        for stream in (result.stdout, result.stderr):
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", stream), (fmt, stream)
        assert "\\x07" in result.stdout  # shown, escaped


def test_explain_and_rules_escape_a_plugins_text():
    def check(document, ctx):  # type: ignore[no-untyped-def]
        """Documentation with \x1b[31m colour."""
        return iter(())

    evil = wbl.rule(code="WB996", name="evil", category="weasel", severity="info", summary="Sum\x1b]0;x\x07mary")(check)
    assert "\x1b" not in render_explanation(evil) and "\\x1b[31m" in render_explanation(evil)
    assert "\x1b" not in render_rules([evil]) and "\x07" not in render_rules([evil])


def test_home_that_does_not_exist_is_not_created(tmp_path, monkeypatch):
    from wbl import wordtable

    home = tmp_path / "no-such-home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    wordtable._write(wordtable.cache_folder() / "table.txt", "x\n")
    assert not home.exists()
    home.mkdir()
    wordtable._write(wordtable.cache_folder() / "table.txt", "x\n")
    assert (home / ".cache" / "wbl" / "table.txt").read_text(encoding="utf-8") == "x\n"


# --- spaCy's limit on a text's length ------------------------------------------------------------


def test_a_paragraph_longer_than_spacys_limit_is_analysed_in_pieces(monkeypatch):
    from wbl import nlp

    pipeline = nlp.load_pipeline()
    monkeypatch.setattr(pipeline.nlp, "max_length", 3000)  # spaCy refuses longer texts (E088)
    monkeypatch.setattr(nlp, "MAX_PIECE", 1000)
    sentence = "Many customers wait for their orders. "
    text = "# Shelfwise\n\n" + sentence * 200 + "Some say so (it is very slow\n"
    report = wbl.lint_text(text, options=LintOptions(kind="prfaq"))
    assert not report.errors
    many = [f for f in report.findings if f.text == "Many"]
    assert len(many) == 200
    assert all(not span_problems(text, f) for f in report.findings)


@pytest.mark.parametrize("size", [10, 37, 1000])
def test_split_long_pieces_join_back(size):
    from wbl.nlp import split_long

    text = ("Many users wait. " * 40) + "x" * 300 + " tail"
    pieces = split_long(text, size)
    assert "".join(pieces) == text and all(len(p) <= size for p in pieces)


def test_a_sentence_longer_than_a_piece_stays_one_sentence(monkeypatch):
    from wbl import nlp

    monkeypatch.setattr(nlp, "MAX_PIECE", 1000)
    ended = "Many customers wait for their orders. " * 40  # cut at sentence ends: 40 sentences
    # Cut inside a word: over 1,000 characters, under the 250 tokens of a sentence's cap.
    long_one = "Many customers use " + "-".join(["abcdefgh"] * 115) + " daily."
    text = f"# Shelfwise\n\n{ended}\n\n{long_one}\n"
    document = wbl.Linter(LintOptions(kind="prfaq")).analyse(text, "x.md")
    paragraphs = [u for u in document.units if u.kind == "paragraph"]
    assert [len(u.sentences) for u in paragraphs] == [40, 1]
    assert paragraphs[1].sentences[0].text == long_one


def test_a_time_of_day_ends_its_sentence_when_a_new_one_follows():
    text = (
        "# Bread Club\n\nA driver leaves the loaves between 7 and 9 a.m. Loaves are baked from 3 a.m. "
        "the same morning. The shop opens at 5 p.m. Tuesday and at 9 a.m. Eastern time on Sundays. "
        "Bring pens, paper, etc. The room has chairs.\n"
    )
    assert _paragraph_sentences(text) == [
        [
            "A driver leaves the loaves between 7 and 9 a.m.",
            "Loaves are baked from 3 a.m. the same morning.",
            "The shop opens at 5 p.m. Tuesday and at 9 a.m. Eastern time on Sundays.",
            "Bring pens, paper, etc.",
            "The room has chairs.",
        ]
    ]


def test_a_company_suffix_ends_an_attribution_before_the_next_quotation():
    text = (
        '# Shelfwise\n\n"Our reviews dropped from 12 hours to 3 hours," said Sarah Chen, Senior Product Manager '
        'at TechStart Inc. "Document quality improved by 40 points on average." Shelfwise Inc. "Pro" customers '
        'get a discount. "We worked with Acme Inc. " Jane said.\n'
    )
    assert _paragraph_sentences(text) == [
        [
            '"Our reviews dropped from 12 hours to 3 hours," said Sarah Chen, Senior Product Manager at TechStart Inc.',
            '"Document quality improved by 40 points on average."',
            'Shelfwise Inc. "Pro" customers get a discount.',
            '"We worked with Acme Inc. " Jane said.',
        ]
    ]


def _paragraph_sentences(text: str) -> list[list[str]]:
    """The sentences of each paragraph of a PR/FAQ's text, as wbl splits them."""
    document = wbl.Linter(LintOptions(kind="prfaq")).analyse(text, "x.md")
    return [[s.text for s in u.sentences] for u in document.units if u.kind == "paragraph"]


def test_a_label_line_in_bold_is_no_part_of_the_sentence_after_it():
    # "**Availability**" over its paragraph, and lines opening with "**Label**:", are labels: the
    # recogniser ran them into one sentence with the text after them (a 49-word "sentence" of
    # five list-like lines in a user's audit). A line break elsewhere is still a space.
    text = (
        "# Think-o-matic\n\n**Availability**  \nThink-o-matic is available today for every team.\n\n"
        "Who it serves:\n**Design Teams**: workshops and sprints\n**Product Teams:** roadmap sessions\n\n"
        "A plain line\nruns on into the next one.\n"
    )
    assert _paragraph_sentences(text) == [
        ["Availability", "Think-o-matic is available today for every team."],
        ["Who it serves:", "Design Teams: workshops and sprints", "Product Teams: roadmap sessions"],
        ["A plain line runs on into the next one."],
    ]
    report = wbl.Linter(LintOptions(kind="prfaq")).lint_text(text, "x.md")
    assert not report.errors and all(not span_problems(text, f) for f in report.findings)


def test_a_hard_line_break_or_a_line_opening_with_a_list_mark_ends_a_sentence():
    # A user trial's checklist ("✅ ..." lines, some with a hard break) was one 37-word sentence;
    # so was a contact block of hard-broken lines. Soft-wrapped prose stays one sentence.
    text = (
        "# Think-o-matic\n\n"
        "✅ Personalized learning roadmap\n✅ 15-minute focused lessons  \n✅ Real projects you build\n\n"
        "**Nicola Cremaschini**  \nCreator, Think-o-matic  \nEmail: nicola@example.com\n\n"
        "A plain line\nruns on into the next one.\n\n"
        "Today Acme launched Reader, a planning app that  \ntells bakery owners how much to bake.\n\n"
        "✓ A roadmap\n✓ Lessons\n\n"
        "Contact:" + " " * 14 + "\nJane Doe  \njane@example.com\n"
    )
    assert _paragraph_sentences(text) == [
        ["✅ Personalized learning roadmap", "✅ 15-minute focused lessons", "✅ Real projects you build"],
        ["Nicola Cremaschini", "Creator, Think-o-matic", "Email: nicola@example.com"],
        ["A plain line runs on into the next one."],
        # A hard break inside a sentence (the next line goes on in lower case) stays a space.
        ["Today Acme launched Reader, a planning app that tells bakery owners how much to bake."],
        ["✓ A roadmap", "✓ Lessons"],
        ["Contact:", "Jane Doe", "jane@example.com"],
    ]
    report = wbl.Linter(LintOptions(kind="prfaq")).lint_text(text, "x.md")
    assert not report.errors and all(not span_problems(text, f) for f in report.findings)


def test_a_run_of_words_with_no_sentence_end_is_cut_into_sentences_of_at_most_250_tokens():
    # A paragraph with no full stop is one "sentence" to the recogniser; reading its parse took
    # time that grew faster than its length (100,000 words: 210 s and 1.7 GB).
    from wbl import nlp

    text = "# Shelfwise\n\n" + "many users wait " * 400 + "\n"
    document = wbl.Linter(LintOptions(kind="prfaq")).analyse(text, "x.md")
    [paragraph] = [u for u in document.units if u.kind == "paragraph"]
    lengths = [len(s.span) for s in paragraph.sentences]
    assert len(lengths) == 5 and max(lengths) == nlp.MAX_SENTENCE_TOKENS
    assert "".join(paragraph.text[s.start : s.end] + " " for s in paragraph.sentences).split() == paragraph.text.split()
    report = wbl.Linter(LintOptions(kind="prfaq")).lint_document(document)
    assert not report.errors and all(not span_problems(text, f) for f in report.findings)


def test_a_template_label_line_and_a_list_typed_as_lines_end_sentences():
    # Round 50 of the user trials: "Summary" or "How to Get Started" on a line of its own over
    # its paragraph (a bootcamp template's labels, in plain text) was counted into the sentence
    # after it, and six items typed as lines in a block quote made one 67-word "sentence".
    text = (
        "# Schlagzeug\n\n"
        "How to Get Started\nSign up now for a free 30-day trial.\n\n"
        'Quote from You\n"Schlagzeug takes the weight off your shoulders."\n\n'
        "People can add data including:\nneed to be a customer\nhours of operation and any seasonal closures\n"
        "cleanliness\navailability of toilet paper\n\n"
        "Media Contact\nJane Doe\njane@example.com\n\n"
        "A plain line\nruns on into the next one.\n\n"
        "Euspell and Eupub are available today at\neuspell.org for every writer.\n\n"
        "Prose wrapped at a narrow width goes on\nand on over lines of about one length\n"
        "until the sentence ends at last here.\n\n"
        # A review of the change: prose broken at its clauses, and a phrase leading into a sentence.
        "Kettle holds dough at the right warmth overnight\nso bakers can start work at six\n"
        "instead of three\nbecause the dough is ready.\n\n"
        "In March 2025\nJane Doe showed us the oven.\n"
    )
    assert _paragraph_sentences(text) == [
        ["How to Get Started", "Sign up now for a free 30-day trial."],
        ["Quote from You", '"Schlagzeug takes the weight off your shoulders."'],
        [
            "People can add data including:",
            "need to be a customer",
            "hours of operation and any seasonal closures",
            "cleanliness",
            "availability of toilet paper",
        ],
        ["Media Contact", "Jane Doe", "jane@example.com"],
        ["A plain line runs on into the next one."],
        # A line ending with a function word goes on.
        ["Euspell and Eupub are available today at euspell.org for every writer."],
        [
            "Prose wrapped at a narrow width goes on and on over lines of about one length "
            "until the sentence ends at last here."
        ],
        [
            "Kettle holds dough at the right warmth overnight so bakers can start work at six "
            "instead of three because the dough is ready."
        ],
        ["In March 2025 Jane Doe showed us the oven."],
    ]
    report = wbl.Linter(LintOptions(kind="prfaq")).lint_text(text, "x.md")
    assert not report.errors and all(not span_problems(text, f) for f in report.findings)
