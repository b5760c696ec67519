"""`--jobs N`: lint files in N processes, each loading the spaCy pipeline once.

The parent resolves which files to lint (and their configuration); workers lint consecutive
chunks and send back plain dictionaries; results come back in the original order, so output is
identical to a single-process run.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from wbl.engine import FileReport, LintOptions

_PROJECT: Any = None


def _plain_options(options: LintOptions | None) -> dict[str, Any] | None:
    if options is None:
        return None
    data = {f.name: getattr(options, f.name) for f in dataclasses.fields(options)}
    data["rule_options"] = {k: _plain(v) for k, v in options.rule_options.items()}
    return data


def _plain(value: Any) -> Any:
    """Read-only mappings (which cannot be pickled) as plain dictionaries, recursively."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _init_worker(
    options: dict[str, Any] | None, config_file: Any, isolated: bool, fail_on: Any, cache_dir: Any
) -> None:
    from wbl.config import Project

    global _PROJECT
    lint_options = (
        LintOptions(**{**options, "select": tuple(options["select"]), "ignore": tuple(options["ignore"])})
        if options
        else None
    )
    _PROJECT = Project(
        lint_options, config_file=config_file, isolated=isolated, fail_on=fail_on, cache_dir=cache_dir, jobs=1
    )


def _lint_chunk(paths: Sequence[str]) -> list[tuple[dict[str, Any], str | None]]:
    from wbl.config import lint_planned

    project = _PROJECT
    planned = [(path, project.linter_for(project.settings_for(path))) for path in paths]
    return [(report.to_dict(compact=True), report.source_text) for report in lint_planned(planned)]


def lint_in_processes(
    init_args: tuple[Any, ...], planned: Sequence[tuple[Any, Any]], jobs: int
) -> Iterator[FileReport]:
    """Lint the planned (file, linter) pairs in `jobs` processes; reports come in planned order.

    Reports are yielded as their chunk finishes, so the caller can print and drop them while
    the workers go on (memory does not grow with the number of files).
    """
    options, config_file, isolated, fail_on, cache_dir = init_args
    files = [item for item, _ in planned if not isinstance(item, FileReport)]
    size = max(1, min(16, len(files) // (jobs * 4) or 1))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_init_worker,
        initargs=(_plain_options(options), config_file, isolated, fail_on, cache_dir),
    ) as pool:
        outcomes = (
            FileReport.from_dict(data, path, source_text=source_text)
            for chunk, outcome in zip(chunks, pool.map(_lint_chunk, chunks), strict=True)
            for path, (data, source_text) in zip(chunk, outcome, strict=True)
        )
        for item, _ in planned:
            yield item if isinstance(item, FileReport) else next(outcomes)
