"""`--dask`: linting on a Dask cluster gives exactly what `--jobs 1` gives, in the same order.

The clusters here are `LocalCluster`s of two workers inside the test process, listening on the
loopback address only: no network."""

from __future__ import annotations

import importlib.util
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from wbl.cluster import DaskUnavailable, client_for
from wbl.project import Project

from .conftest import EXAMPLES, clean_env, wbl_command


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, host="127.0.0.1", protocol="tcp", dashboard_address=None
    ) as local:
        yield local


def _files(tmp_path: Path) -> list[str]:
    names = sorted(str(p) for p in EXAMPLES.glob("*.md"))
    (tmp_path / "broken.md").write_bytes(b"\x89PNG\x00\x00binary")  # an error report travels too
    (tmp_path / "notes.md").write_text("# Notes\n\nMany teams very quickly adopted it.\n", encoding="utf-8")
    return [*names, str(tmp_path / "broken.md"), str(tmp_path / "notes.md")]


@pytest.mark.slow  # a cluster of two workers, and the pipeline loaded by each
def test_reports_on_a_cluster_equal_reports_of_one_process(cluster: object, tmp_path: Path) -> None:
    from distributed import Client

    files = _files(tmp_path)
    with Client(cluster) as client:
        on_dask = [r.to_dict() for r in Project(isolated=True, dask=client).iter_paths(files)]
    here = [r.to_dict() for r in Project(isolated=True).iter_paths(files)]
    assert [r["path"] for r in on_dask] == files
    assert on_dask == here
    assert any(r["findings"] for r in on_dask) and any(r["error"] for r in on_dask)


@pytest.mark.slow  # starts the CLI against the cluster's scheduler on the loopback address
def test_dask_output_is_byte_identical_to_one_job(cluster: object, tmp_path: Path) -> None:
    files = _files(tmp_path)
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    assert address.startswith("tcp://127.0.0.1:")
    base = [*wbl_command(), "check", "--no-cache", "--isolated"]
    one = subprocess.run([*base, "--jobs", "1", *files], capture_output=True, env=clean_env())
    on_dask = subprocess.run([*base, "--dask", address, *files], capture_output=True, env=clean_env())
    assert on_dask.stdout == one.stdout and one.stdout
    assert on_dask.returncode == one.returncode == 2  # the broken file


def _without_distributed(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        return None if name == "distributed" else real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_a_missing_dask_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _without_distributed(monkeypatch)
    with pytest.raises(DaskUnavailable, match=r"pip install 'wbl-lint\[dask\]'"):
        client_for("tcp://127.0.0.1:8786")


def test_a_missing_dask_is_an_error_even_when_every_file_is_cached(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # No worker is needed for cached files, but a run asked for on Dask says Dask is missing at once.
    cache = tmp_path / "cache"
    path = str(EXAMPLES / "shelfwise-prfaq.md")
    Project(cache_dir=cache, isolated=True).lint_paths([path])
    _without_distributed(monkeypatch)
    with pytest.raises(DaskUnavailable, match="needs Dask's distributed scheduler"):
        Project(cache_dir=cache, isolated=True, dask="tcp://127.0.0.1:9").lint_paths([path])


@pytest.mark.slow  # starts the CLI
def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [*wbl_command(), "check", "--no-cache", "--dask", "tcp://127.0.0.1:9", str(EXAMPLES / "shelfwise-prfaq.md")],
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    assert result.returncode == 2
    assert result.stderr.startswith("wbl: error: cannot reach the Dask scheduler 'tcp://127.0.0.1:9'")
    assert "Traceback" not in result.stderr


def test_a_missing_scheduler_file_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    # Dask itself would wait for the file to appear, for ever.
    with pytest.raises(DaskUnavailable, match="no Dask scheduler file"):
        client_for(str(tmp_path / "scheduler.json"))


@pytest.mark.slow  # waits for the connection's deadline
def test_a_server_that_is_not_dask_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    import socket
    import threading

    import wbl.cluster

    monkeypatch.setattr(wbl.cluster, "CONNECT_SECONDS", 1)
    # A server that accepts connections and never answers (as a web server waits for a request):
    # Dask's handshake then waits past its own timeout.
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True).start()
    port = server.getsockname()[1]
    try:
        with pytest.raises(DaskUnavailable, match=f"Dask scheduler 'tcp://127.0.0.1:{port}'"):
            client_for(f"tcp://127.0.0.1:{port}")
    finally:
        for connection in accepted:
            connection.close()
        server.close()


def test_dask_and_jobs_exclude_each_other() -> None:
    from click.testing import CliRunner

    from wbl.cli import main

    result = CliRunner().invoke(main, ["check", "--dask", "tcp://127.0.0.1:9", "--jobs", "2", str(EXAMPLES)])
    assert result.exit_code == 2
    assert "--dask and --jobs exclude each other" in result.output
