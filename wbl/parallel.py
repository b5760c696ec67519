"""`--jobs N`: lint files in N processes, each loading the spaCy pipeline once.

The parent resolves which files to lint and the options of each (configuration is never read
again in a worker). It hands every worker one picklable `WorkerPlan`: the registry itself (so a
library caller's own rules reach the workers) and the distinct `LintOptions` of the run; each
task is a chunk of (path, index of its options). Workers send back plain dictionaries; results
come back in the original order, so output is identical to a single-process run.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from wbl.engine import Linter, LintOptions
from wbl.files import FileLinter
from wbl.findings import FileReport
from wbl.registry import Registry

T = TypeVar("T", bound=tuple)  # type: ignore[type-arg]


@dataclass(frozen=True, slots=True)
class WorkerPlan:
    """What every worker needs: the rules, the run's distinct options, and the result cache."""

    registry: Registry
    options: tuple[LintOptions, ...]
    cache_dir: str | None = None


_PLAN: WorkerPlan | None = None
_LINTERS: dict[int, FileLinter] = {}


def _init_worker(plan: WorkerPlan) -> None:
    global _PLAN
    if _PLAN is not plan:  # a forked worker keeps the linters its parent readied for this plan
        _PLAN = plan
        _LINTERS.clear()


def _file_linter(index: int) -> FileLinter:
    assert _PLAN is not None, "the worker was not initialised with a plan"
    linter = _LINTERS.get(index)
    if linter is None:
        linter = _LINTERS[index] = FileLinter(Linter(_PLAN.options[index], _PLAN.registry), _PLAN.cache_dir)
    return linter


def _lint_chunk(chunk: Sequence[tuple[str, int]]) -> list[tuple[dict[str, Any], str | None]]:
    """Reports for a chunk of (path, options index), consecutive files with one options batched."""
    return reports_of_runs(chunk, lambda index, run: _file_linter(index).lint_files([path for path, _ in run]))


def reports_of_runs(
    chunk: Sequence[T], lint: Callable[[int, list[T]], Iterable[FileReport]]
) -> list[tuple[dict[str, Any], str | None]]:
    """Reports, as sent between processes, for a chunk of items whose last field is an options
    index: `lint(index, items)` lints each run of consecutive items with the same options at once."""
    results: list[tuple[dict[str, Any], str | None]] = []
    for index, run in itertools.groupby(chunk, key=lambda item: item[-1]):
        for report in lint(index, list(run)):
            results.append((report.to_dict(compact=True), report.source_text))
    return results


def lint_in_processes(plan: WorkerPlan, files: Sequence[tuple[str, int]], jobs: int) -> Iterator[FileReport]:
    """Lint (path, options index) pairs in `jobs` processes; reports come in the given order.

    Reports are yielded as their chunk finishes, so the caller can print and drop them while
    the workers go on (memory does not grow with the number of files). Never more processes
    start than there are chunks of files.

    A worker that dies (killed by the system, out of memory) breaks its pool, and every chunk not
    yet back is lost with it, whichever chunk killed it. The first of them is then run alone in a
    pool of its own, so that a loss can be charged to the chunk that caused it: a chunk lost
    alone `_POOL_ATTEMPTS` times gets an error for each of its files. After a chunk run alone
    comes back (or is given up), the rest go on in a full pool again, so one bad file costs a few
    pools and an error for its chunk, never the other files.
    """
    size = max(1, min(16, len(files) // (jobs * 4) or 1))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    fork = os.name == "posix"
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        # Load the pipeline and prepare the rules once, here, before forking: every worker starts
        # with them (shared copy-on-write) instead of spending seconds loading its own.
        _init_worker(plan)
        for index in sorted({index for _, index in files}):
            _file_linter(index).linter.prepare()
        gc.freeze()  # the collector leaves the shared objects alone, so their pages stay shared
    workers = max(1, min(jobs, len(chunks)))
    attempts = [0] * len(chunks)
    start = 0
    alone = False  # the next pool runs chunks[start] by itself, after a loss
    while start < len(chunks):
        batch = chunks[start : start + 1] if alone else chunks[start:]
        with ProcessPoolExecutor(
            max_workers=min(workers, len(batch)),
            mp_context=context,
            initializer=_init_worker,
            initargs=(plan,),
        ) as pool:
            futures = [pool.submit(_lint_chunk, chunk) for chunk in batch]
            for offset, future in enumerate(futures):
                index = start + offset
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    for waiting in futures[offset + 1 :]:
                        waiting.cancel()
                    start = index
                    if len(batch) - offset > 1:
                        alone = True  # lost with others: which chunk killed the worker is unknown
                        break
                    attempts[index] += 1  # lost alone: its own doing
                    if attempts[index] < _POOL_ATTEMPTS:
                        alone = True
                        break
                    yield from (FileReport(path, errors=(_WORKER_DIED,)) for path, _ in chunks[index])
                    start, alone = index + 1, False
                    break
                for (path, _), (data, source_text) in zip(chunks[index], outcome, strict=True):
                    yield FileReport.from_dict(data, path, source_text=source_text)
            else:
                start, alone = start + len(batch), False


_POOL_ATTEMPTS = 2  # pools a chunk may lose before its files are reported as failed
_WORKER_DIED = "the worker process linting this file stopped unexpectedly (killed, or out of memory)"


__all__ = ["WorkerPlan", "lint_in_processes", "reports_of_runs"]
