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
    """Whether git would ignore a path; `.gitignore` files are read once each, when first needed."""

    def __init__(self) -> None:
        self._specs: dict[Path, GitIgnoreSpec | None] = {}
        self._roots: dict[Path, Path | None] = {}

    def ignores(self, path: str | os.PathLike[str], is_dir: bool | None = None) -> bool:
        """True when a `.gitignore` (or `.git/info/exclude`) of the repository around `path` ignores it."""
        target = Path(os.path.abspath(path))
        if target.parent not in self._roots:
            self._roots[target.parent] = _git_root(target.parent)
        root = self._roots[target.parent]
        if root is None or target == root:
            return False
        if is_dir is None:
            is_dir = target.is_dir()
        folders = [target.parent, *target.parent.parents]
        chain = [(root, root / ".git" / "info" / "exclude")]
        chain += [(folder, folder / ".gitignore") for folder in reversed(folders[: folders.index(root) + 1])]
        decision = False
        for base, file in chain:  # lowest precedence first: a later match overrides an earlier one
            spec = self._spec(file)
            if spec is None:
                continue
            relative = target.relative_to(base).as_posix() + ("/" if is_dir else "")
            included = spec.check_file(relative).include
            if included is not None:
                decision = included
        return decision

    def _spec(self, file: Path) -> GitIgnoreSpec | None:
        if file not in self._specs:
            try:
                lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:  # no such file (the common case), or unreadable: nothing ignored here
                lines = []
            spec = None
            if any(line.strip() and not line.startswith("#") for line in lines):
                from pathspec import GitIgnoreSpec

                spec = GitIgnoreSpec.from_lines(lines)
            self._specs[file] = spec
        return self._specs[file]


__all__ = ["GitIgnore", "find_repository", "repository_path", "repository_root"]
