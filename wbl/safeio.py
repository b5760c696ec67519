"""Reading and writing files without hanging, without exhausting memory, without losing data.

Every file wbl reads that a user or a directory walk named goes through `read_regular`: only
regular files are opened (a FIFO, a device such as ``/dev/zero`` or a socket is refused from its
`stat`, before it is opened; the open itself is non-blocking, and the descriptor is checked
again), and at most `max_bytes` + 1 bytes are read, so an oversized file costs no memory.

Every file wbl writes (baselines, review pages, ``--output-file``, the result cache, the word
table, the derived tables, generated documentation) goes through `write_atomic`, or
`atomic_writer` for content written piece by piece: the content is written to a temporary file in
the same directory, flushed, and renamed over the target, so a failure half-way (a full disk, an
unencodable character, an interrupt) leaves the previous file whole.

`json_text` is `json.dumps` whose output is always valid UTF-8: a lone surrogate (a file name
with bytes that are not UTF-8 reaches Python as one) is written as a ``\\udcXX`` escape, which
reads back as the same string.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Iterator
from typing import IO, Any

from wbl.source import InputError, size_problem

_SURROGATE = re.compile("[\ud800-\udfff]")
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileProblem(InputError):
    """A file that cannot be read as a regular file; the message is one line without the path."""


def special_kind(mode: int) -> str | None:
    """What a non-regular, non-directory file is ("a FIFO (named pipe)", ...), or None."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _problem(exc: OSError, path: str | os.PathLike[str]) -> FileProblem:
    if isinstance(exc, FileNotFoundError):
        broken = os.path.islink(path)
        return FileProblem("broken symbolic link" if broken else "no such file or directory")
    if isinstance(exc, IsADirectoryError):
        return FileProblem("is a directory")
    if isinstance(exc, PermissionError):
        return FileProblem("permission denied")
    return FileProblem(f"cannot read: {exc.strerror or exc}")


def read_regular(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, or `FileProblem` (one line) saying why not.

    Special files are refused before they are opened; a file over `max_bytes` is refused from
    its size (and a file that grows while it is read stops at `max_bytes` + 1 bytes).
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _problem(exc, path) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem("is a directory")
    kind = special_kind(info.st_mode)
    if kind is not None:
        raise FileProblem(f"{kind}, not a regular file: not read")
    if max_bytes is not None and info.st_size > max_bytes:
        raise FileProblem(size_problem(info.st_size, max_bytes))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise _problem(exc, path) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):  # replaced since the stat above
            raise FileProblem("not a regular file: not read")
        return _read_descriptor(descriptor, info.st_size, max_bytes)
    finally:
        os.close(descriptor)


def _read_descriptor(descriptor: int, size: int, max_bytes: int | None) -> bytes:
    """A regular file's bytes, read straight from its descriptor: `size` and one more byte at
    first (a file that did not grow is then read in one call), at most `max_bytes` + 1 in all.
    (A buffered file object's ``read(max_bytes + 1)`` allocates that many bytes first: 2 MB
    for each file of a run, which cost a cached run more than its reading.)"""
    limit = None if max_bytes is None else max_bytes + 1
    chunks = []
    total = 0
    want = size + 1 if limit is None else min(size + 1, limit)
    while want > 0:
        chunk = os.read(descriptor, want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = _CHUNK if limit is None else min(_CHUNK, limit - total)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if max_bytes is not None and len(data) > max_bytes:
        raise _over_limit(max_bytes)
    return data


_CHUNK = 1 << 16  # bytes read at a time once a file holds more than its size said


def read_limited(stream: IO[bytes], max_bytes: int | None) -> bytes:
    """Read a stream to its end, or `FileProblem` once it holds more than `max_bytes` bytes
    (standard input can be endless: ``wbl check - < /dev/zero``)."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _over_limit(max_bytes)
    return data


def _over_limit(max_bytes: int) -> FileProblem:
    return FileProblem(f"over the size limit of {max_bytes:,} bytes (--max-file-size)")


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` all at once: a temporary file in the same directory, then a
    rename. On any failure the old file is left as it was and the `OSError` is raised. Text is
    written as UTF-8 (a lone surrogate, from a file name that is not UTF-8, as ``\\udcXX``).

    A symbolic link is written through (its target is replaced). `durable` flushes the data to
    the disk before the rename (the result cache skips that: an entry lost in a crash only costs
    a lint).
    """
    with atomic_writer(path, durable=durable) as handle:
        handle.write(data)


class AtomicText:
    """What `atomic_writer` hands out: text (UTF-8, lone surrogates as ``\\udcXX``) or bytes,
    written to the temporary file."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle

    def write(self, data: str | bytes) -> None:
        self._handle.write(data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, durable: bool = True) -> Iterator[AtomicText]:
    """`write_atomic` for content written piece by piece (a report streamed to ``--output-file``):
    the pieces go to a temporary file beside `path`, renamed over it when the block ends without
    an exception and removed otherwise, so the old file stays whole. The file keeps the mode of
    the file it replaces (a new one gets the umask's, not mkstemp's 0600). Raises `OSError` when
    `path` is a directory or a special file, or its folder cannot take the file."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    existing = None
    with contextlib.suppress(OSError):
        existing = os.stat(target)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        kind = "a directory" if stat.S_ISDIR(existing.st_mode) else special_kind(existing.st_mode)
        raise IsADirectoryError(21, f"{kind}, not a regular file", str(path))
    import tempfile  # here: a run that writes nothing does not import it (nor shutil, bz2, lzma, random)

    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".wbl")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield AtomicText(handle)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing is not None else _default_mode())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _default_mode() -> int:
    """The mode a new file gets from the process's umask (mkstemp makes files private)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def json_text(value: Any, **options: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, **options)` with lone surrogates escaped, so the
    text always encodes as UTF-8 (and parses back to the same strings)."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


__all__ = [
    "FileProblem",
    "atomic_writer",
    "json_text",
    "read_limited",
    "read_regular",
    "special_kind",
    "write_atomic",
]
