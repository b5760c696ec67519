"""Which files a run lints: .gitignore, the default excludes (dependency and build folders),
exclude / extend-exclude, and `wbl check` without a path."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wbl.config import DEFAULT_EXCLUDE, ConfigError, load_config
from wbl.project import Project
from wbl.repository import GitIgnore, find_repository, repository_path, repository_root

from .conftest import clean_env, wbl_command

DOC = "# Notes\n\nThe shop opens at nine.\n"

# (path, ignored by git) in a repository with the .gitignore files below.
TREE = {
    "README.md": False,
    "docs/guide.md": False,
    "docs/build/page.md": True,  # build/ at any depth
    "build/out.md": True,
    "notes/x.tmp.md": True,  # *.tmp.md
    "notes/keep.tmp.md": False,  # !keep.tmp.md
    "private/secret.md": True,  # .git/info/exclude
    "sub/y.tmp.md": False,  # sub/.gitignore re-includes *.tmp.md
    "sub/generated/z.md": True,  # sub/.gitignore: generated/
    "sub/deep/generated.md": False,  # generated/ names a folder, not a file
    "anchored/top.md": True,  # /anchored at the root only
    "sub/anchored/inner.md": False,
}
IGNORES = {
    ".gitignore": "# comment\nbuild/\n*.tmp.md\n!keep.tmp.md\n/anchored\n",
    "sub/.gitignore": "!*.tmp.md\ngenerated/\n",
    ".git/info/exclude": "private/\n",
}


def make_repository(root: Path, tree: dict[str, bool] = TREE) -> Path:
    for name, text in IGNORES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for name in tree:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(DOC, encoding="utf-8")
    return root


def walked(root: Path, *paths: str, **options) -> list[str]:
    project = Project(isolated=options.pop("isolated", True), **options)
    found = project.files([str(root / p) for p in paths] or [str(root)])
    return sorted(Path(f).relative_to(root).as_posix() for f in found if isinstance(f, str))


def test_gitignore_answers_like_git(tmp_path):
    root = make_repository(tmp_path)
    ignore = GitIgnore()
    for name, ignored in TREE.items():
        assert ignore.ignores(root / name) is ignored, name
    assert ignore.ignores(root / "docs" / "build", is_dir=True) and not ignore.ignores(root / "docs", is_dir=True)
    assert not ignore.ignores(root), "the repository itself is never ignored"


def test_walk_skips_what_git_ignores(tmp_path):
    root = make_repository(tmp_path)
    assert walked(root) == sorted(name for name, ignored in TREE.items() if not ignored)
    # Without .gitignore, only the default excludes apply ("build" folders at any depth).
    assert walked(root, respect_gitignore=False) == sorted(n for n in TREE if "build" not in n.split("/"))


def test_named_paths_are_linted_even_when_ignored(tmp_path):
    root = make_repository(tmp_path)
    assert walked(root, "notes/x.tmp.md") == ["notes/x.tmp.md"]  # a file named on purpose
    assert walked(root, "sub") == ["sub/anchored/inner.md", "sub/deep/generated.md", "sub/y.tmp.md"]
    # An ignored folder named on purpose is walked as if git did not ignore it.
    assert walked(root, "private") == ["private/secret.md"]


def test_no_gitignore_outside_a_repository(tmp_path):
    make_repository(tmp_path)
    shutil.rmtree(tmp_path / ".git")
    if find_repository(tmp_path) is not None:
        pytest.skip("the temporary folder is inside a git repository")
    assert "notes/x.tmp.md" in walked(tmp_path) and "build/out.md" not in walked(tmp_path)


def test_default_excludes_skip_dependency_and_build_folders(tmp_path):
    names = [f"{folder}/pkg/README.md" for folder in ("node_modules", "venv", "__pycache__", "dist", "site-packages")]
    for name in [*names, "docs/guide.md", ".venv/lib/x.md", ".tox/py/x.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DOC, encoding="utf-8")
    assert walked(tmp_path) == ["docs/guide.md"]
    assert {"node_modules", ".venv", "venv", "__pycache__", ".tox", "dist", "build"} <= set(DEFAULT_EXCLUDE)


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tmp_path):
    for name in ("node_modules/pkg/README.md", "drafts/old.md", "docs/guide.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DOC, encoding="utf-8")
    config = tmp_path / "wbl.toml"
    config.write_text('extend-exclude = ["drafts"]\n', encoding="utf-8")
    assert walked(tmp_path, isolated=False) == ["docs/guide.md"]
    assert load_config(config).exclude == (*DEFAULT_EXCLUDE, "drafts")
    config.write_text('exclude = ["drafts"]\n', encoding="utf-8")
    assert walked(tmp_path, isolated=False) == ["docs/guide.md", "node_modules/pkg/README.md"]
    config.write_text("extend-exclude = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="extend-exclude: expected a list of strings"):
        load_config(config)


def test_folders_above_the_configuration_do_not_exclude(tmp_path):
    """A checkout under /home/me/build/ is linted: only paths below the configuration's folder count."""
    checkout = tmp_path / "build" / "project"
    (checkout / "docs").mkdir(parents=True)
    (checkout / "docs" / "guide.md").write_text(DOC, encoding="utf-8")
    config = tmp_path / "elsewhere" / "wbl.toml"
    config.parent.mkdir()
    config.write_text("", encoding="utf-8")
    found = Project(config_file=config).files([str(checkout)])
    assert [Path(f).name for f in found if isinstance(f, str)] == ["guide.md"]


def test_repository_root_and_paths(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert repository_root(tmp_path / "a" / "b") == tmp_path == find_repository(tmp_path / "a")
    (tmp_path / "a" / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")  # a worktree or submodule
    assert repository_root(tmp_path / "a" / "b") == tmp_path / "a"
    assert repository_path(tmp_path / "a" / "b" / "c.md", tmp_path) == "a/b/c.md"
    assert repository_path(tmp_path.parent / "c.md", tmp_path) is None


# --- against git itself, and the command line ---------------------------------------------------------


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.slow
def test_gitignore_agrees_with_git_check_ignore(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    assert git("init", "-q", ".", cwd=tmp_path).returncode == 0
    root = make_repository(tmp_path)
    ignore = GitIgnore()
    for name in TREE:
        by_git = git("check-ignore", "-q", name, cwd=root).returncode == 0
        assert ignore.ignores(root / name) is by_git, name


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*wbl_command(), "check", "--kind", "fragment", "--format", "concise", "--select", "WB601", *args],
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.slow
def test_cli_lints_the_current_folder_and_respects_gitignore(tmp_path):
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / ".gitignore").write_text("generated/\n", encoding="utf-8")
    for name in ("docs/a.md", "generated/b.md", "node_modules/pkg/c.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("# Title\n\nMany customers wait.\n", encoding="utf-8")
    default = run(cwd=root)
    assert default.returncode == 1, default.stderr
    assert [line.split(":")[0] for line in default.stdout.splitlines()] == ["docs/a.md"]
    everything = run("--no-respect-gitignore", cwd=root)
    assert sorted(line.split(":")[0] for line in everything.stdout.splitlines()) == ["docs/a.md", "generated/b.md"]
    stdin = subprocess.run(
        [*wbl_command(), "check", "--kind", "fragment", "--format", "concise", "--select", "WB601", "-"],
        input="Many customers wait.\n",
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=root,
        timeout=300,
    )
    assert stdin.returncode == 1 and stdin.stdout.startswith("<stdin>:1:1: WB601")


def test_a_file_named_twice_is_linted_once(tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ("docs/a.md", "docs/b.md"):
        (tmp_path / name).write_text("# T\n\nMany users wait.\n")
    # Named twice, under two spellings, and inside a folder named too: each file once, first name kept.
    found = Project(isolated=True).files([str(tmp_path / "docs/a.md"), str(tmp_path / "docs/./a.md"), str(tmp_path)])
    assert [Path(f).relative_to(tmp_path).as_posix() for f in found] == ["docs/a.md", "docs/b.md"]


def test_upper_case_markdown_names_are_walked(tmp_path):
    for name in ("README.MD", "notes.MARKDOWN", "prfaq.md", "data.MDX"):
        (tmp_path / name).write_text("# T\n\nMany users wait.\n")
    assert walked(tmp_path) == ["README.MD", "notes.MARKDOWN", "prfaq.md"]
