"""A per-file result cache: lint an unchanged file once.

An entry is keyed by the file's content hash and by everything else that decides its findings:
wbl's version and code, the code, data and models of every rule pack that provides a selected
rule (found from the rules themselves, `Rule.source`; a retrained model is a changed file), the
selected rules with their effective options and origins, the project's vocabulary, and the spaCy
pipeline's name and version. Entries are JSON
files written atomically (temporary file + rename), so two runs at once are safe; an unreadable
or corrupt entry is ignored and rewritten.
Checking the cache never imports spaCy.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from importlib import util
from pathlib import Path
from typing import Any

from wbl.safeio import json_text, read_regular, write_atomic
from wbl.source import InputError

try:
    # CPython's own BLAKE2 (hashlib's `blake2b` is this one). Importing hashlib loads OpenSSL
    # first, about 5 ms of a run served from the cache, which needs no other hash.
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

CACHE_DIR_NAME = ".wbl_cache"
FORMAT = 3  # 2: findings stored as rows; 3: as a table of rows (`FileReport.to_dict(compact=True)`)


def hashed(data: bytes = b"") -> Any:
    """A 256-bit BLAKE2b hash of `data` (more can be added with ``update``): what the cache's keys,
    the code fingerprints and the registry snapshot's name are made with."""
    return blake2b(data, digest_size=32)


def default_cache_dir() -> Path:
    """``.wbl_cache`` in the working directory (like ruff's ``.ruff_cache``); WBL_CACHE_DIR overrides."""
    return Path(os.environ.get("WBL_CACHE_DIR") or CACHE_DIR_NAME)


# The files of a package that decide findings: code, rule data and examples, and models (the
# weights of a learned component, such as the rule pack's sentence models, are JSON).
FINGERPRINTED = (".py", ".toml", ".md", ".json")


# The fingerprints taken so far, while `fingerprints_held` is in force (else None).
_held: dict[str, str] | None = None


@contextmanager
def fingerprints_held() -> Iterator[None]:
    """Within the block each package is fingerprinted once. A command decides its registry
    snapshot (`wbl.snapshot`) and its result cache's key as it starts, from the same files: walking
    a rule pack's files a second time cost a cached run of 100 files about 2 ms. Not for a
    long-lived process (the language server), whose files may change under it."""
    global _held
    outer = _held
    if outer is None:
        _held = {}
    try:
        yield
    finally:
        if outer is None:
            _held = None


def code_fingerprint(module: str) -> str:
    """Names, sizes and modification times of a package's files (or a module's file): changes when
    its code, data or models do. Found without importing it."""
    held = _held
    if held is None:
        return _fingerprint(module)
    found = held.get(module)
    if found is None:
        found = held[module] = _fingerprint(module)
    return found


def _fingerprint(module: str) -> str:
    try:
        spec = util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return "absent"
    digest = hashed()
    if not spec.submodule_search_locations:
        if spec.origin and os.path.isfile(spec.origin):
            stat = os.stat(spec.origin)
            digest.update(f"{os.path.basename(spec.origin)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        return digest.hexdigest()
    for location in spec.submodule_search_locations:
        _digest_folder(digest, location, "")
    return digest.hexdigest()


def _digest_folder(digest: Any, folder: str, relative: str) -> None:
    """A folder's files in name order, then its subfolders' (as `os.walk` goes, without following
    links to folders), each as ``relative/name:size:mtime``; read from one `os.scandir` per
    folder (a cached run fingerprints wbl's and the rule pack's files as it starts)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return  # a folder that cannot be listed adds nothing (as `os.walk` skips it)
    folders = []
    for entry in entries:
        name = entry.name
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            if name != "__pycache__" and not entry.is_symlink():
                folders.append(entry)
        elif name.endswith(FINGERPRINTED):
            stat = entry.stat()
            digest.update(f"{relative}{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for entry in folders:
        _digest_folder(digest, entry.path, f"{relative}{entry.name}{os.sep}")


def pipeline_version(model: str) -> str:
    """The installed version of a pipeline package, read from its metadata (no spaCy import): the
    version in the name of its ``name-version.dist-info`` folder, the first on `sys.path` (where
    `importlib.metadata` finds it), else what `importlib.metadata` says."""
    wanted = _normalized(model)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                project, _, version = name.removesuffix(".dist-info").partition("-")
                if version and _normalized(project) == wanted:
                    return version
    from importlib import metadata  # imports the e-mail parser: only for other layouts

    for candidate in (model, model.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def _normalized(name: str) -> str:
    """A distribution's name as its metadata folder spells it (PEP 503, with underscores)."""
    return re.sub(r"[-_.]+", "_", name).lower()


class ResultCache:
    """Stores and retrieves JSON-serialisable file results by content and configuration."""

    def __init__(self, directory: Path, key_material: Mapping[str, Any], code: Iterable[str] = ()) -> None:
        """`key_material`: what decides the findings besides the file; `code`: the modules whose
        files are fingerprinted beside wbl's own (the rule packs)."""
        self.directory = Path(directory)
        self._folder = str(self.directory)
        material = json.dumps(
            {
                "format": FORMAT,
                "code": [code_fingerprint(m) for m in ("wbl", *sorted(set(code)))],
                **key_material,
            },
            sort_keys=True,
            default=_jsonable,
        )
        self._prefix = hashed(material.encode()).hexdigest()
        self.hits = 0
        self.misses = 0

    def key(self, data: bytes, path: str = "") -> str:
        """The entry of a file's bytes under its name: the name is part of what wbl reads
        (`PRESS_RELEASE.md` says what the file is), so the same bytes renamed are linted again. A
        name that is not valid UTF-8 on disk ("caf\\udce9.md") keeps its lone surrogates."""
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        named = hashed(name.encode("utf-8", "surrogatepass")).digest()
        return hashed(self._prefix.encode() + named + hashed(data).digest()).hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self._folder, key[:2], f"{key}.json")

    def has(self, key: str) -> bool:
        return os.path.isfile(self._path(key))

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(read_regular(self._path(key)))
        except (OSError, InputError, ValueError, RecursionError):  # damaged: a miss, written again
            self.misses += 1
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or "result" not in entry:
            self.misses += 1
            return None
        self.hits += 1
        return entry["result"]

    def put(self, key: str, result: Mapping[str, Any]) -> None:
        path = Path(self._path(key))
        try:
            self._ensure_directory(path.parent)
            write_atomic(path, json_text({"format": FORMAT, "result": result}, default=_jsonable), durable=False)
        except (OSError, ValueError):
            return  # A cache that cannot be written only costs speed.

    def _ensure_directory(self, folder: Path) -> None:
        ensure_folder(self.directory, folder)


def ensure_folder(directory: Path, folder: Path) -> None:
    """`folder` inside the cache `directory`, which is made with a .gitignore when it is not there."""
    if not directory.exists():
        directory.mkdir(parents=True, exist_ok=True)
        ignore = directory / ".gitignore"
        if not ignore.exists():
            write_atomic(ignore, "# Created by wbl: the result cache is not source.\n*\n", durable=False)
    folder.mkdir(parents=True, exist_ok=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, Iterable):
        return list(value)
    return str(value)
