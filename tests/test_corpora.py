"""The manifests kept in training/corpora (measuring sets, and negatives for the kind model): well
formed, and clear of the files reserved for evaluation by others."""

from __future__ import annotations

import csv
import re

import pytest

from .conftest import REPO

MANIFESTS = sorted((REPO / "training" / "corpora").glob("ordinary-*.tsv"))
NEGATIVES = sorted((REPO / "training" / "corpora").glob("negatives-*.tsv"))
# Documents user trials have judged: to keep later trials off them (repo, path, commit; no text).
TRIALS = sorted((REPO / "training" / "corpora").glob("trials-*.tsv"))
PRFAQS = REPO / "training" / "corpora" / "prfaqs.tsv"
# Markdown files drawn from the corpus's repositories to measure what a repository-wide hook blocks.
SWEEPS = sorted((REPO / "training" / "corpora").glob("sweep-*.tsv"))
CATEGORIES = {"design", "adr", "readme", "guide", "changelog", "blog", "notes", "near-genre"}
# A negative's category is one of these, then ":" and a few words ("prd:mobile app requirements").
NEGATIVE_CATEGORIES = {"prd", "project", "vision", "ordinary"}


def _rows(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize("manifest", [*MANIFESTS, *NEGATIVES], ids=lambda p: p.name)
def test_a_manifest_names_each_file_once_at_a_commit(manifest):
    rows = _rows(manifest)
    assert rows and set(rows[0]) == {"filename", "repo", "path", "commit", "category"}
    assert len({r["filename"] for r in rows}) == len(rows)
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{40}", row["commit"]), row
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", row["repo"]) and row["path"], row
        if manifest in NEGATIVES:
            assert row["category"].split(":", 1)[0] in NEGATIVE_CATEGORIES, row
        else:
            assert row["category"] in CATEGORIES, row


@pytest.mark.parametrize("manifest", [*MANIFESTS, *NEGATIVES, *TRIALS, *SWEEPS, PRFAQS], ids=lambda p: p.name)
def test_no_manifest_holds_a_reserved_file(manifest):
    if not manifest.is_file():
        pytest.skip(f"{manifest.name} is not written yet")
    reserved = REPO.parent / "shared" / "corpus" / "RESERVED.md"
    if not reserved.is_file():
        pytest.skip("../shared/corpus/RESERVED.md is not beside the checkout")
    listed = set()
    for line in reserved.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and "/" in cells[0]:
            for path in cells[1].split("`")[1::2] or [cells[1]]:
                listed.add((cells[0].lower(), path))
    assert listed  # the table was read
    held = {(r["repo"].lower(), r["path"]) for r in _rows(manifest)}
    assert not held & listed


@pytest.mark.parametrize("negatives", NEGATIVES, ids=lambda p: p.name)
def test_negatives_stay_out_of_the_measuring_sets(negatives):
    """Training negatives never hold a file of a measuring set, nor of a PR/FAQ corpus repository."""
    kept = {(r["repo"].lower(), r["path"]) for r in _rows(negatives)}
    measured = {(r["repo"].lower(), r["path"]) for manifest in MANIFESTS for r in _rows(manifest)}
    assert not kept & measured
    if PRFAQS.is_file():
        assert not {repo for repo, _ in kept} & {r["repo"].lower() for r in _rows(PRFAQS)}


@pytest.mark.parametrize("trials", TRIALS, ids=lambda p: p.name)
def test_a_trial_manifest_names_a_repository_path_and_commit(trials):
    rows = _rows(trials)
    assert rows and set(rows[0]) == {"trial", "repo", "path", "commit"}
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{40}", row["commit"]), row
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", row["repo"]) and row["path"], row


@pytest.mark.parametrize("sweep", SWEEPS, ids=lambda p: p.name)
def test_a_sweep_manifest_names_each_file_once_in_two_disjoint_samples(sweep):
    rows = _rows(sweep)
    assert rows and set(rows[0]) == {"sample", "group", "repo", "path", "commit", "blob"}
    assert {r["sample"] for r in rows} == {"tune", "measure"}
    assert {r["group"] for r in rows} <= {"known", "genre", "other"}
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{40}", row["commit"]) and re.fullmatch(r"[0-9a-f]{40}", row["blob"]), row
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", row["repo"]) and row["path"], row
    tune = {(r["repo"], r["path"]) for r in rows if r["sample"] == "tune"}
    measure = {(r["repo"], r["path"]) for r in rows if r["sample"] == "measure"}
    assert not tune & measure and len(tune) + len(measure) == len(rows)
    # Disjoint by content too: a fork's copy of a file looked at while tuning is not measured.
    assert len({r["blob"] for r in rows}) == len(rows)


@pytest.mark.slow
def test_the_sweep_script_reads_blobs_from_a_clone_and_skips_missing_ones(tmp_path):
    """training/sweep.py reads each repository's blobs with one `git cat-file --batch`."""
    import importlib.util
    import subprocess

    spec = importlib.util.spec_from_file_location("sweep", REPO / "training" / "sweep.py")
    sweep = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sweep)
    clone = tmp_path / "acme+notes"
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    texts = {"README.md": b"# Notes\n\nPlain notes.\n", "docs/PRFAQ.md": b"# Acme\n\nLine one\nline two\n"}
    blobs = {}
    for name, data in texts.items():
        path = clone / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        blobs[name] = subprocess.run(
            ["git", "-C", str(clone), "hash-object", "-w", name], capture_output=True, text=True, check=True
        ).stdout.strip()
    where = sweep.git_dir(tmp_path, "acme/notes")
    assert where == clone / ".git"
    found = sweep.read_blobs(where, [*blobs.values(), "0" * 40])
    assert found == {blobs[name]: data for name, data in texts.items()}
