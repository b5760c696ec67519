"""wbl never touches the network: same findings with networking disabled and no NLTK data."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap

import pytest

from .conftest import EXAMPLES, clean_env, wbl_command

SOCKET_GUARD = textwrap.dedent(
    """
    import socket

    def _blocked(*args, **kwargs):
        raise OSError("network access attempted during a wbl run")

    socket.socket.connect = _blocked
    socket.socket.connect_ex = _blocked
    socket.create_connection = _blocked
    socket.getaddrinfo = _blocked

    try:
        import nltk  # if anything imports the real NLTK, its downloader must not run either
        nltk.download = _blocked
    except ImportError:
        pass
    """
)


def _offline_env(tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SOCKET_GUARD, encoding="utf-8")
    home = tmp_path / "home"
    nltk_data = tmp_path / "nltk_data"
    home.mkdir()
    nltk_data.mkdir()
    return clean_env(PYTHONPATH=str(guard), HOME=str(home), NLTK_DATA=str(nltk_data), XDG_CACHE_HOME=str(home))


def _findings(command, env):
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    assert "network access attempted" not in result.stderr
    return [
        (f["rule"], f["line"], f["column"], f["message"]) for f in json.loads(result.stdout)["files"][0]["findings"]
    ], json.loads(result.stdout)["files"][0]["metrics"]


@pytest.fixture(scope="module")
def online():
    return _findings([*wbl_command(), "check", "--format", "json", str(EXAMPLES / "datasync-prfaq.md")], clean_env())


@pytest.mark.slow
def test_same_findings_with_sockets_blocked(tmp_path, online):
    offline = _findings(
        [*wbl_command(), "check", "--format", "json", str(EXAMPLES / "datasync-prfaq.md")], _offline_env(tmp_path)
    )
    assert offline == online
    assert online[0], "the draft has findings"
    assert online[1]["flesch_kincaid_grade"] > 0, "readability (syllables) computed offline"


@pytest.mark.slow
def test_same_findings_in_a_network_namespace(tmp_path, online):
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not available")
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this machine does not allow an unprivileged network namespace")
    command = ["unshare", "-rn", *wbl_command(), "check", "--format", "json", str(EXAMPLES / "datasync-prfaq.md")]
    assert _findings(command, _offline_env(tmp_path)) == online


def test_textstat_syllables_do_not_use_nltk():
    from wbl import readability

    module = readability.textstat()
    assert module.syllable_count("reading") == 2
    from textstat.backend.counts import _count_syllables

    assert _count_syllables.get_cmudict("en_US") is not None
