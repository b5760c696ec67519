"""Linting files: read them, serve unchanged ones from the result cache, batch the rest.

A `FileLinter` wraps an engine `Linter` (which lints documents) with everything files need:
reading and decoding bytes, the size limit, the per-file result cache, and batching documents
through spaCy so that memory stays flat however many files a run covers. The project layer
(`wbl.project`) keeps one per distinct setting; `--jobs` workers (`wbl.parallel`) build their own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wbl.cache import ResultCache, pipeline_version
from wbl.engine import Linter, build
from wbl.findings import FileReport
from wbl.models import resolve_model
from wbl.safeio import FileProblem, read_regular
from wbl.source import InputError, decode
from wbl.version import __version__

BATCH = 16  # documents sent through spaCy at once


def read_file(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes | FileReport:
    """A file's bytes, or a `FileReport` saying in one line why it cannot be read (special files
    and files over `max_bytes` are refused without being read: see `wbl.safeio`)."""
    try:
        return read_regular(path, max_bytes)
    except FileProblem as exc:
        return FileReport(str(path), errors=(str(exc),))


class FileLinter:
    """Lints files with one `Linter`, through the result cache when `cache_dir` is given."""

    def __init__(self, linter: Linter, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self.linter = linter
        self.max_file_size = linter.options.max_file_size
        self.cache = self._make_cache(Path(cache_dir)) if cache_dir is not None else None

    def _make_cache(self, directory: Path) -> ResultCache:
        model = resolve_model(self.linter.options.model)
        material = {
            **self.linter.fingerprint(),
            "wbl": __version__,
            "model": [model, pipeline_version(model)],
            "max_file_size": self.max_file_size,
        }
        return ResultCache(directory, material, code=(r.source for r in self.linter.rules if r.source))

    def has_cached(self, path: str) -> bool:
        """Whether the cache holds a result for the file's current content."""
        return self.cached_bytes(path) is not None

    def cached_bytes(self, path: str) -> bytes | None:
        """The file's bytes when the cache holds a result for them, else None (so that a caller
        that checks first and lints next reads the file once: `lint_many` takes the bytes)."""
        if self.cache is None:
            return None
        data = read_file(path, self.max_file_size)
        return data if not isinstance(data, FileReport) and self.cache.has(self.cache.key(data, path)) else None

    def cached_report(self, path: str) -> FileReport | None:
        """The cached result for a file, when the cache holds one for its current content."""
        if self.cache is None:
            return None
        data = read_file(path, self.max_file_size)
        if isinstance(data, FileReport):
            return None
        try:
            text = decode(data, max_bytes=self.max_file_size)
        except InputError:
            return None
        return self._from_cache(self.cache.key(data, path), path, text)

    def _from_cache(self, key: str, path: str, text: str) -> FileReport | None:
        """The cached report for `key`, or None: a missing entry, or one that is not a report
        (damaged, or written by something else), is a miss and is written again."""
        assert self.cache is not None
        hit = self.cache.get(key)
        if hit is None:
            return None
        try:
            return FileReport.from_dict(hit, path, source_text=text)
        except Exception:  # any shape of damage: the entry is JSON but not what wbl wrote
            return None

    def keep(self, data: bytes, report: FileReport) -> None:
        """Store a report made elsewhere (a Dask worker) for these bytes in the result cache."""
        if self.cache is not None and not report.errors:
            self.cache.put(self.cache.key(data, report.path), report.to_dict(compact=True))

    def lint_file(self, path: str | os.PathLike[str]) -> FileReport:
        return next(self.lint_files([str(path)]))

    def lint_files(self, paths: Iterable[str], read: dict[str, bytes] | None = None) -> Iterator[FileReport]:
        """Lint files in order (each read when its batch is assembled, unless `read` holds its
        bytes already: they are taken from it)."""
        if read:
            return self.lint_many((path, read.pop(path, None) or read_file(path, self.max_file_size)) for path in paths)
        return self.lint_many((path, read_file(path, self.max_file_size)) for path in paths)

    def lint_bytes(self, data: bytes, path: str) -> FileReport:
        """Lint a file's bytes (standard input) under the name `path`."""
        return next(self.lint_many([(path, data)]))

    def lint_many(self, items: Iterable[tuple[str, bytes | FileReport]], batch: int = BATCH) -> Iterator[FileReport]:
        """Lint (path, bytes) pairs in order, sending up to `batch` documents through spaCy at once.

        A `FileReport` in place of bytes (a read error) is passed through. Only one batch of spaCy
        `Doc`s is alive at a time, so memory does not grow with the number of files.
        """
        pending: list[tuple[Any, str | None]] = []  # (Document | FileReport, cache key)
        documents = 0
        for path, data in items:
            item = self._prepare(path, data)
            pending.append(item)
            documents += not isinstance(item[0], FileReport)
            if documents >= batch:
                yield from self._finish(pending)
                pending, documents = [], 0
        yield from self._finish(pending)

    def _prepare(self, path: str, data: bytes | FileReport) -> tuple[Any, str | None]:
        """A cached or error report, or the document to lint with its cache key."""
        if isinstance(data, FileReport):
            return data, None
        key = self.cache.key(data, path) if self.cache is not None else None
        try:
            text = decode(data, max_bytes=self.max_file_size)
        except InputError as exc:
            return FileReport(path, errors=(str(exc),)), None
        if key is not None:
            cached = self._from_cache(key, path, text)
            if cached is not None:
                return cached, None
        try:
            return build(path, text), key
        except InputError as exc:
            return FileReport(path, errors=(str(exc),)), None

    def _finish(self, pending: list[tuple[Any, str | None]]) -> Iterator[FileReport]:
        reports = self.linter.lint_documents([item for item, _ in pending if not isinstance(item, FileReport)])
        for item, key in pending:
            if isinstance(item, FileReport):
                yield item
                continue
            report = next(reports)
            if key is not None and self.cache is not None and not report.errors:
                self.cache.put(key, report.to_dict(compact=True))
            yield report


__all__ = ["BATCH", "FileLinter", "read_file"]
