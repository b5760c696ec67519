"""What a repository-wide pre-commit hook with the default configuration does to the Markdown of
real repositories: the kind wbl takes each file for, and the files it would block (a
measurement; nothing is fitted).

    python training/sweep.py --mirror DIR [--manifest training/corpora/sweep-2026-12-05.tsv] [--sample measure]

The manifest lists Markdown files of the PR/FAQ corpus's repositories (repository, path, commit
and the file's blob), at most eight a repository in each of two disjoint samples drawn at
random: `tune` (looked at while changing wbl) and `measure` (only counted). `group` says what a
file is known to be: `known` (a file of the PR/FAQ corpus), `genre` (named like one: PRFAQ.md,
press-release.md) or `other` (everything else: READMEs, docs, notes, changelogs). The files are
third-party text and are not stored here: DIR holds clones of the repositories, one per
repository as `owner+name` (a bare git directory, or a clone with a `.git` folder in
`owner+name/repo`), from which each blob is read with `git cat-file`.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
from collections import Counter
from pathlib import Path

import wbl
from wbl.files import FileLinter

HERE = Path(__file__).resolve().parent
BLOCKING = ("warning", "error")


def git_dir(mirror: Path, repo: str) -> Path | None:
    """The git directory of a repository's clone under `mirror`, or None."""
    base = mirror / repo.replace("/", "+", 1)
    for candidate in (base / "repo" / ".git", base / "repo", base / ".git", base):
        if (candidate / "objects").is_dir():
            return candidate
    return None


def read_blobs(where: Path, blobs: list[str]) -> dict[str, bytes]:
    """The blobs' bytes, read by one `git cat-file --batch` (a blob the clone lacks is left out)."""
    done = subprocess.run(
        ["git", "--git-dir", str(where), "cat-file", "--batch"],
        input="".join(f"{b}\n" for b in blobs).encode(),
        capture_output=True,
        check=False,
    )
    found, data, at = {}, done.stdout, 0
    while at < len(data):
        end = data.index(b"\n", at)
        header = data[at:end].decode().split()
        at = end + 1
        if len(header) == 3:  # "<blob> blob <size>"; a missing one is "<blob> missing"
            size = int(header[2])
            found[header[0]] = data[at : at + size]
            at += size + 1
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, required=True, help="clones of the repositories, as owner+name")
    parser.add_argument("--manifest", type=Path, default=HERE / "corpora" / "sweep-2026-12-05.tsv")
    parser.add_argument("--sample", choices=("tune", "measure", "both"), default="measure")
    args = parser.parse_args()
    with args.manifest.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if args.sample in ("both", r["sample"])]
    linter = FileLinter(wbl.Linter())  # the default configuration, as a new user's hook has it
    kinds: Counter[tuple[str, str]] = Counter()
    blocked: Counter[str] = Counter()
    missing, errors, listed = 0, [], []
    by_repo: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_repo.setdefault(row["repo"], []).append(row)
    for repo, repo_rows in by_repo.items():
        where = git_dir(args.mirror, repo)
        blobs = read_blobs(where, [r["blob"] for r in repo_rows]) if where else {}
        for row in repo_rows:
            if row["blob"] not in blobs:
                missing += 1
                continue
            report = linter.lint_bytes(blobs[row["blob"]], f"{row['repo']}/{row['path']}")
            kinds[(row["group"], report.kind or "unread")] += 1
            if report.errors:
                errors.append(f"{row['repo']}/{row['path']}: {report.error}")
            if any(f.severity.value in BLOCKING for f in report.findings):
                blocked[row["group"]] += 1
                if row["group"] == "other":
                    listed.append(f"{report.kind or '?':13} {row['repo']}/{row['path']}")
    print(f"{len(rows) - missing} of {len(rows)} files read ({args.sample} sample)")
    for group in ("known", "genre", "other"):
        total = sum(n for (g, _), n in kinds.items() if g == group)
        if total:
            taken = ", ".join(f"{k} {n}" for (g, k), n in sorted(kinds.items()) if g == group)
            print(f"  {group:6} {total:5d} files: {taken}; a hook blocks {blocked[group]}")
    print(f"files wbl could not read: {len(errors)}")
    for line in errors:
        print(f"  {line}")
    print("other files a hook blocks (PR/FAQs under other names among them: read them before counting):")
    for line in listed:
        print(f"  {line}")


if __name__ == "__main__":
    main()
