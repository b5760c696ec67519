"""The git repository a run is in: its root, repository-relative paths, and what `.gitignore` ignores.

The root is the nearest folder at or above the working directory (or a file) that holds `.git`
(a folder, or a file in a worktree or a submodule); CI reports (SARIF, GitLab) name files
relative to it, so that they point at the right file from any working directory.

`GitIgnore` answers whether git would ignore a path, from the `.gitignore` files between the
repository's root and the path and from `.git/info/exclude`, with `pathspec`'s implementation of
git's matching rules (deeper files and later lines win; `!` re-includes). Outside a repository
nothing is ignored (like ruff and ripgrep). No git process is started.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


def _git_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def find_repository(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The repository root at or above `start` (a folder; default: the working directory), or None."""
    return _git_root(Path(os.path.abspath(start if start is not None else os.curdir)))


def repository_root(start: str | os.PathLike[str] | None = None) -> Path:
    """The repository root at or above `start` (default: the working directory); else `start` itself."""
    folder = Path(os.path.abspath(start if start is not None else os.curdir))
    return _git_root(folder) or folder


def repository_path(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> str | None:
    """`path` relative to `root` with '/' separators, or None when it lies outside `root`."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return None


class GitIgnore:
    """Whether git would ignore a path; `.gitignore` files are read once each, when first needed.

    A walk asks about every entry, so paths are handled as strings and each folder's chain of
    `.gitignore` files is worked out once.
    """

    def __init__(self) -> None:
        self._specs: dict[str, GitIgnoreSpec | None] = {}
        self._chains: dict[str, tuple[str | None, tuple[tuple[str, GitIgnoreSpec], ...]]] = {}

    def ignores(self, path: str | os.PathLike[str], is_dir: bool | None = None) -> bool:
        """True when a `.gitignore` (or `.git/info/exclude`) of the repository around `path` ignores it."""
        target = os.path.abspath(path)
        parent = os.path.dirname(target)
        known = self._chains.get(parent)
        if known is None:
            known = self._chains[parent] = self._chain(parent)
        root, chain = known
        if root is None or target == root or not chain:
            return False
        if is_dir is None:
            is_dir = os.path.isdir(target)
        decision = False
        for base, spec in chain:  # lowest precedence first: a later match overrides an earlier one
            relative = target[len(base) :].lstrip(os.sep)
            if os.sep != "/":
                relative = relative.replace(os.sep, "/")
            included = spec.check_file(relative + "/" if is_dir else relative).include
            if included is not None:
                decision = included
        return decision

    def _chain(self, folder: str) -> tuple[str | None, tuple[tuple[str, GitIgnoreSpec], ...]]:
        """The repository root around `folder` and the ignore files that apply inside `folder`:
        .git/info/exclude, then each .gitignore from the root down."""
        found = _git_root(Path(folder))
        if found is None:
            return None, ()
        root = str(found)
        folders = [folder]
        while folders[-1] != root and os.path.dirname(folders[-1]) != folders[-1]:
            folders.append(os.path.dirname(folders[-1]))
        files = [(root, os.path.join(root, ".git", "info", "exclude"))]
        files += [(f, os.path.join(f, ".gitignore")) for f in reversed(folders)]
        chain = []
        for base, file in files:
            spec = self._spec(file)
            if spec is not None:
                chain.append((base, spec))
        return root, tuple(chain)

    def _spec(self, file: str) -> GitIgnoreSpec | None:
        if file not in self._specs:
            try:
                with open(file, encoding="utf-8", errors="replace") as handle:
                    lines = handle.read().splitlines()
            except OSError:  # no such file (the common case), or unreadable: nothing ignored here
                lines = []
            spec = None
            if any(line.strip() and not line.startswith("#") for line in lines):
                from pathspec import GitIgnoreSpec

                spec = GitIgnoreSpec.from_lines(lines)
            self._specs[file] = spec
        return self._specs[file]


__all__ = ["GitIgnore", "find_repository", "repository_path", "repository_root"]
