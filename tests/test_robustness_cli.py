"""Hostile input, second round (issue 16), through real processes: the `wbl` command, installed
plugins, `--jobs` workers and the language server. Every run has a generous timeout that only
catches hangs; each checks the exit code, one line per error, no traceback, and that the other
files are still linted."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO, clean_env, wbl_command

pytestmark = pytest.mark.slow

GOOD = "# Shelfwise\n\nMany customers wait.\n"
HANG = 300  # seconds: only a hang takes this long


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, **kw: Any):
    result = subprocess.run(
        [*wbl_command(), *args],
        capture_output=True,
        env=env or clean_env(),
        cwd=cwd,
        timeout=HANG,
        **kw,
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    return result


def _plugin(root: Path, source: str, name: str = "wbl_hostile") -> dict[str, str]:
    """Install a rule pack in `root` (a module and its dist-info); the environment that sees it."""
    (root / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[wbl.rules]\nhostile = {name}:RULES\n", encoding="utf-8")
    return clean_env(PYTHONPATH=str(root))


RULE = """
    import os, signal, sys
    from wbl import Severity, Violation, rule

    @rule(code="WB980", name="hostile", category="jargon", severity=Severity.ERROR, summary="Hostile")
    def hostile(document, ctx):
        \"\"\"Misbehaves when the text asks it to.\"\"\"
        text = document.text
        if "EXIT" in text:
            sys.exit(0)
        if "LOOP" in text:
            count = 0
            while True:
                count += 1
        if "KILL" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        if "PRINT" in text:
            print("stray output from a rule")
        return iter(())

    RULES = [hostile]
"""


@pytest.fixture
def plugin_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    return _plugin(site, RULE)


def _files(tmp_path: Path, **texts: str) -> list[str]:
    names = []
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
        names.append(str(tmp_path / f"{name}.md"))
    return names


def _by_name(stdout: bytes) -> dict[str, dict[str, Any]]:
    return {Path(f["path"]).name: f for f in json.loads(stdout)["files"]}


@pytest.mark.parametrize(
    ("trigger", "words"),
    [
        ("EXIT", "rule WB980 (hostile) tried to end the process (SystemExit: 0)"),
        ("LOOP", "rule WB980 (hostile) ran over its time limit of 1 s (rule-time-limit)"),
    ],
)
def test_a_plugin_rule_that_exits_or_loops_is_stopped_and_named(tmp_path, plugin_env, trigger, words):
    names = _files(tmp_path, bad=f"# Shelfwise\n\nMany wait. {trigger}\n", good=GOOD)
    result = run("check", "--no-cache", "--rule-time-limit", "1", "--format", "json", *names, env=plugin_env)
    assert result.returncode == 2
    files = _by_name(result.stdout)
    assert files["bad.md"]["error"].startswith(words)
    assert files["good.md"]["findings"] and files["bad.md"]["findings"]  # the other rules still ran
    lines = [line for line in result.stderr.decode().splitlines() if "bad.md" in line]
    assert len(lines) == 1


def test_a_plugin_that_exits_at_import_is_named(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    env = _plugin(site, "import sys\nsys.exit(0)\n")
    result = run("check", *_files(tmp_path, good=GOOD), env=env)
    assert result.returncode == 2
    assert b"wbl_hostile" in result.stderr and b"tried to end the process" in result.stderr


def test_a_rule_that_prints_does_not_corrupt_json(tmp_path, plugin_env):
    names = _files(tmp_path, chatty="# Shelfwise\n\nMany wait. PRINT\n")
    result = run("check", "--no-cache", "--format", "json", *names, env=plugin_env)
    assert _by_name(result.stdout)["chatty.md"]["findings"]
    assert b"stray output from a rule" in result.stderr


def test_a_killed_worker_is_an_error_for_its_files_and_the_run_goes_on(tmp_path, plugin_env):
    names = _files(tmp_path, a=GOOD, b=GOOD, killer="# Shelfwise\n\nMany wait. KILL\n", d=GOOD)
    result = run("check", "--no-cache", "--jobs", "2", "--format", "json", *names, env=plugin_env)
    assert result.returncode == 2
    files = _by_name(result.stdout)
    assert "worker process" in files["killer.md"]["error"]
    assert sum(1 for f in files.values() if f["error"] is None and f["findings"]) >= 1


@pytest.mark.parametrize("special", ["fifo", "device"])
def test_special_files_met_in_a_walk_do_not_hang(tmp_path, special):
    """Named on the command line, they are cases of the hostile set (test_hostile.py)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    target = folder / "x.md"
    if special == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    result = run("check", "--no-cache", "--format", "json", str(folder))
    assert result.returncode == 2
    files = _by_name(result.stdout)
    assert "not a regular file" in files["x.md"]["error"] and files["good.md"]["findings"]


def test_non_utf8_file_names_in_every_output(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.md")
    (folder / name).write_text(GOOD, encoding="utf-8")
    for fmt in ("json", "sarif", "text", "concise", "github", "junit"):
        result = run("check", "--no-cache", "--kind", "fragment", "--format", fmt, str(folder))
        assert result.returncode == 1
        result.stdout.decode("utf-8")  # valid UTF-8
    baseline = tmp_path / "baseline.json"
    baseline.write_text("the old baseline\n", encoding="utf-8")
    written = run("baseline", "--no-cache", "-o", str(baseline), str(folder))
    assert written.returncode == 0
    json.loads(baseline.read_bytes().decode("utf-8"))
    again = run("check", "--no-cache", "--kind", "fragment", "--baseline", str(baseline), str(folder))
    assert again.returncode == 0
    page = tmp_path / "review.html"
    page.write_text("the old page", encoding="utf-8")
    report = run("report", str(folder / name), "-o", str(page))
    assert report.returncode == 0 and "caf" in page.read_bytes().decode("utf-8")


def test_report_and_baseline_keep_the_old_file_when_they_cannot_write(tmp_path):
    doc = Path(_files(tmp_path, a=GOOD)[0])
    out = tmp_path / "out"
    out.mkdir()
    page = out / "review.html"
    page.write_text("the old page", encoding="utf-8")
    out.chmod(0o500)  # no new file can be made beside it (root can, so this is skipped as root)
    if os.access(out, os.W_OK):
        out.chmod(0o700)
        pytest.skip("this user can write to any directory")
    result = run("report", str(doc), "-o", str(page))
    out.chmod(0o700)
    assert result.returncode == 2 and page.read_text(encoding="utf-8") == "the old page"


def test_endless_standard_input_and_an_output_reader_that_goes_away(tmp_path):
    with open("/dev/zero", "rb") as zero:
        result = run("check", "--no-cache", "-", stdin=zero)
    assert result.returncode == 2 and b"<stdin>: error: over the size limit" in result.stderr
    many = _files(tmp_path, **{f"f{i}": GOOD for i in range(3)})
    pipeline = subprocess.Popen(
        [*wbl_command(), "check", "--no-cache", *many], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env()
    )
    assert pipeline.stdout is not None
    pipeline.stdout.read(10)
    pipeline.stdout.close()  # like `| head -c 10`
    _, stderr = pipeline.communicate(timeout=HANG)
    assert b"Traceback" not in stderr and pipeline.returncode == 2


def test_ctrl_c_stops_the_run_with_130(tmp_path, plugin_env):
    names = _files(tmp_path, slow="# Shelfwise\n\nMany wait. LOOP\n")
    process = subprocess.Popen(
        [*wbl_command(), "check", "--no-cache", "--rule-time-limit", "0", *names],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=plugin_env,
        # A suite started in the background by a non-interactive shell inherits SIGINT ignored,
        # and Python then leaves it ignored (as it should: that is what `nohup` and `&` ask for).
        # A terminal's Ctrl-C reaches a process whose SIGINT has its default disposition.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(8)  # spaCy loads, then the rule loops (no time limit)
    process.send_signal(signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=HANG)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    assert process.returncode == 130 and b"wbl: interrupted" in stderr and b"Traceback" not in stderr


def test_the_scaling_benchmark_runs():
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "hostile_scaling.py"), "--size", "400", "--repeat", "1", "open-parens"],
        capture_output=True,
        text=True,
        timeout=HANG,
        env=clean_env(),
    )
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("open-parens"))
    assert len(row.split()) >= 7


# --- the language server ----------------------------------------------------------------------------


class RawClient:
    """Talks JSON-RPC to `wbl lsp` byte by byte, so that it can send what no LSP client would."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [*wbl_command(), "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=clean_env(),
            cwd=cwd,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if not line.strip():
                    break
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any] | bytes) -> None:
        body = message if isinstance(message, bytes) else json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def wait_for(self, test: Any, seconds: float = HANG) -> dict[str, Any]:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                message = self.messages.get(timeout=0.5)
            except queue.Empty:
                continue
            if test(message):
                return message
        raise AssertionError("no such message")

    def open(self, uri: str, text: str) -> None:
        self.send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
            }
        )

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def server(tmp_path):
    client = RawClient(tmp_path)
    client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    client.wait_for(lambda m: m.get("id") == 1)
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    yield client
    client.close()


def test_the_server_answers_malformed_requests(server, tmp_path):
    uri = (tmp_path / "a.md").as_uri()
    bad_range = {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 0}}
    requests = {
        2: {"textDocument": {"uri": uri}, "range": bad_range, "context": {"diagnostics": []}},
        3: [1, 2],
        4: {"textDocument": "not a document"},
    }
    for number, params in requests.items():
        server.send({"jsonrpc": "2.0", "id": number, "method": "textDocument/codeAction", "params": params})
        answer = server.wait_for(lambda m, n=number: m.get("id") == n)
        assert answer["error"]["code"] == -32602
    server.send(b'{"jsonrpc": "2.0", "id": 5, "method": ')
    parse_error = server.wait_for(lambda m: "error" in m and m.get("id") is None)
    assert parse_error["error"]["code"] == -32700
    server.send({"jsonrpc": "2.0", "id": 6, "method": "wbl/unknown", "params": {}})
    assert "error" in server.wait_for(lambda m: m.get("id") == 6)
    server.send({"jsonrpc": "2.0", "id": 7, "method": "shutdown"})
    assert server.wait_for(lambda m: m.get("id") == 7)["result"] is None
    # After shutdown a request is refused (not left unanswered), and `exit` ends with status 0.
    good_range = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}
    params = {"textDocument": {"uri": uri}, "range": good_range, "context": {"diagnostics": []}}
    server.send({"jsonrpc": "2.0", "id": 8, "method": "textDocument/codeAction", "params": params})
    assert server.wait_for(lambda m: m.get("id") == 8)["error"]["code"] == -32600
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.process.wait(timeout=HANG) == 0


def test_exit_without_shutdown_ends_with_status_1(server):
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.process.wait(timeout=HANG) == 1


def test_a_huge_document_does_not_hold_up_the_others(server, tmp_path):
    big = "# Shelfwise\n\n" + "Many customers wait for their orders every day. " * 40_000 + "\n"  # 2 MB
    server.open((tmp_path / "huge.md").as_uri(), big)
    time.sleep(1)
    small = (tmp_path / "small.md").as_uri()
    server.open(small, GOOD)
    started = time.monotonic()
    published = server.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == small
    )
    waited = time.monotonic() - started
    assert published["params"]["diagnostics"], "the small document is linted"
    assert waited < 120, waited  # a hang guard: linted while the huge one is still being analysed


def test_a_document_over_the_size_limit_is_not_linted(server, tmp_path):
    uri = (tmp_path / "over.md").as_uri()
    server.open(uri, "Many words. " * 200_000)  # 2.4 MB
    # The log message comes before the diagnostics (wait_for drops what it passes over).
    logged = server.wait_for(
        lambda m: m.get("method") == "window/logMessage" and "size limit" in m["params"]["message"]
    )
    assert "over.md" in logged["params"]["message"]
    published = server.wait_for(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    )
    # One warning at the start says why, not an empty list that reads as "no problems".
    (only,) = published["params"]["diagnostics"]
    assert "size limit" in only["message"] and "not linted" in only["message"] and "code" not in only
