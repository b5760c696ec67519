"""`--dask SCHEDULER`: lint a corpus across a Dask cluster (the `distributed` scheduler).

Dask is optional (``pip install 'wbl-lint[dask]'``); nothing here imports it until a run asks for a
cluster. The client (this process) resolves the files and each file's options exactly as a
`--jobs` run does, reads the files, and sends them in chunks with one `WorkerPlan` (the rules
and the run's distinct options). Each worker builds one `FileLinter` per options and keeps it
for the whole run, so it loads the spaCy pipeline once. Findings come back as plain
dictionaries and are yielded in the files' order, so the output is byte-identical to `--jobs 1`.

Workers must run the same wbl version with the same rule packs and spaCy pipeline as the client
(the client checks the version and the pipeline before sending any file). Files travel with the
tasks, so workers need no shared file system; the result cache stays on the client.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from wbl.files import FileLinter, read_file
from wbl.findings import FileReport

if TYPE_CHECKING:
    from wbl.parallel import WorkerPlan

CHUNK = 8  # files per task
CONNECT_SECONDS = 10  # Dask's own timeout for reaching the scheduler
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker, so that memory stays flat on the client


class DaskUnavailable(Exception):
    """Dask's distributed scheduler is not installed, or the cluster cannot be reached or used."""


def require_distributed() -> None:
    """Raise DaskUnavailable unless Dask's distributed scheduler is installed (checked when a run
    is asked for on Dask, even when every file is served from the cache and no worker is needed)."""
    if importlib.util.find_spec("distributed") is None:
        raise DaskUnavailable("--dask needs Dask's distributed scheduler: pip install 'wbl-lint[dask]'")


def client_for(scheduler: str | Any) -> Any:
    """A `distributed.Client` for a scheduler address (``tcp://host:8786``), a scheduler file
    (``*.json``), or a Client or cluster object (a `LocalCluster`)."""
    require_distributed()
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler
    if isinstance(scheduler, str) and scheduler.endswith(".json"):
        if not os.path.isfile(scheduler):  # Dask would wait for it to appear, for ever
            raise DaskUnavailable(f"no Dask scheduler file {scheduler!r}")
        return _connect(scheduler, lambda: Client(scheduler_file=scheduler, timeout=f"{CONNECT_SECONDS}s"))
    return _connect(scheduler, lambda: Client(scheduler, timeout=f"{CONNECT_SECONDS}s"))


def _connect(scheduler: Any, make: Callable[[], Any]) -> Any:
    """`make()` (a Client), or DaskUnavailable when it fails or takes longer than Dask's own
    timeout should allow: a server that accepts the connection but is not a Dask scheduler (a web
    server, say) leaves Dask's handshake waiting past its timeout. The waiting thread is a daemon,
    so the command can still exit."""
    outcome: dict[str, Any] = {}
    lock = threading.Lock()

    def connect() -> None:
        try:
            client = make()
        except BaseException as exc:  # handed to the caller's thread below
            with lock:
                outcome["error"] = exc
            return
        with lock:
            if not outcome.get("abandoned"):
                outcome["client"] = client
                return
        client.close()  # connected after the caller gave up: nobody will use it

    thread = threading.Thread(target=connect, name="wbl-dask-connect", daemon=True)
    thread.start()
    thread.join(CONNECT_SECONDS + 5)
    with lock:
        if "client" in outcome:
            return outcome["client"]
        outcome["abandoned"] = True
        error = outcome.get("error")
    if error is None:
        raise DaskUnavailable(f"cannot use the Dask scheduler {scheduler!r}: no answer in {CONNECT_SECONDS + 5} s")
    if isinstance(error, (OSError, TimeoutError, ValueError)):
        raise DaskUnavailable(f"cannot reach the Dask scheduler {scheduler!r}: {error}") from None
    if isinstance(error, MemoryError):  # a server that is not Dask's answered with nonsense lengths
        raise DaskUnavailable(f"cannot use the Dask scheduler {scheduler!r}: it does not answer as Dask does") from None
    raise error


def lint_on_dask(
    plan: WorkerPlan,
    files: Sequence[tuple[str, int]],
    client: Any,
    chunk: int = CHUNK,
    keep: Callable[[int, bytes, FileReport], None] | None = None,
) -> Iterator[FileReport]:
    """Lint (path, options index) pairs on a Dask cluster; reports come in the given order.

    `keep(options index, bytes, report)` is called for each file linted from bytes (the client
    stores results in its cache with it)."""
    _check_workers(client, plan)
    import hashlib  # not at import time: the CLI imports this module for DaskUnavailable
    import pickle

    digest = hashlib.sha256(pickle.dumps(plan)).hexdigest()
    [shared] = client.scatter([plan], broadcast=True, hash=False)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    chunks = [files[i : i + chunk] for i in range(0, len(files), chunk)]
    pending: deque[tuple[list[tuple[str, bytes | FileReport, int]], Any]] = deque()
    upcoming = iter(chunks)

    def submit() -> bool:
        part = next(upcoming, None)
        if part is None:
            return False
        # Files are read here, as their chunk is sent: workers need no access to the client's disk.
        items = [(path, read_file(path), index) for path, index in part]
        payload = [(path, data if isinstance(data, bytes) else data.to_dict(), index) for path, data, index in items]
        pending.append((items, client.submit(_lint_chunk, shared, digest, payload, pure=False)))
        return True

    while len(pending) < workers * IN_FLIGHT_PER_WORKER and submit():
        pass
    while pending:
        items, future = pending.popleft()
        outcome = future.result()
        submit()
        for (path, data, index), (result, source_text) in zip(items, outcome, strict=True):
            report = FileReport.from_dict(result, path, source_text=source_text)
            if keep is not None and isinstance(data, bytes):
                keep(index, data, report)
            yield report


_LINTERS: dict[tuple[str, str, int], FileLinter] = {}
_LOCK = threading.Lock()


def _worker_linter(plan: WorkerPlan, digest: str, index: int) -> FileLinter:
    """This worker's linter for one options of the plan, built once (its pipeline loads once)."""
    from distributed import get_worker

    from wbl.engine import Linter

    key = (get_worker().address, digest, index)  # threads of an in-process cluster each get their own
    with _LOCK:
        linter = _LINTERS.get(key)
        if linter is None:
            linter = _LINTERS[key] = FileLinter(Linter(plan.options[index], plan.registry))
        return linter


def _lint_chunk(
    plan: WorkerPlan, digest: str, chunk: Sequence[tuple[str, bytes | dict[str, Any], int]]
) -> list[tuple[dict[str, Any], str | None]]:
    """On a worker: reports (as dictionaries) for a chunk of (path, bytes or an error report, options index)."""
    from wbl.parallel import reports_of_runs

    def lint(index: int, run: list[tuple[str, bytes | dict[str, Any], int]]) -> Iterator[FileReport]:
        items = [(path, data if isinstance(data, bytes) else FileReport.from_dict(data, path)) for path, data, _ in run]
        return _worker_linter(plan, digest, index).lint_many(items)

    return reports_of_runs(chunk, lint)


def _worker_versions(models: Sequence[str | None]) -> dict[str, Any]:
    """On a worker: its wbl version and the versions of the pipelines the plan names."""
    from wbl.cache import pipeline_version
    from wbl.nlp import ModelError, resolve_model
    from wbl.version import __version__

    found: dict[str, Any] = {"wbl": __version__}
    for model in models:
        try:
            resolved = resolve_model(model)
            found[f"model:{model}"] = [resolved, pipeline_version(resolved)]
        except ModelError as exc:
            found[f"model:{model}"] = str(exc)
    return found


def _check_workers(client: Any, plan: WorkerPlan) -> None:
    """Refuse a cluster whose workers run another wbl or lack the pipeline (their findings would differ)."""
    models = sorted({options.model for options in plan.options}, key=str)
    expected = _worker_versions(models)
    if not client.scheduler_info().get("workers"):
        raise DaskUnavailable("the Dask cluster has no workers")
    for address, found in client.run(_worker_versions, models).items():
        if found != expected:
            differences = ", ".join(
                f"{key}: {found.get(key)!r} (here {value!r})"
                for key, value in expected.items()
                if found.get(key) != value
            )
            raise DaskUnavailable(f"Dask worker {address} differs from this wbl: {differences}")


__all__ = ["CHUNK", "DaskUnavailable", "client_for", "lint_on_dask"]
