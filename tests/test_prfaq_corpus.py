"""training/prfaqs.py: the labelled PR/FAQ corpus kept as provenance and labels by offsets, and the
round trip from a git mirror back to corpus folders the evaluator reads."""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess

import pytest

from .conftest import REPO

spec = importlib.util.spec_from_file_location("prfaqs", REPO / "training" / "prfaqs.py")
prfaqs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(prfaqs)

DRAFT = """# Shelfwise helps bookshop owners order stock

SEATTLE, WA, March 3, 2027 -- Shelfwise is now available to independent bookshops.

Owners of small bookshops **return a fifth** of what they buy. The stock is ordered by feel.

## FAQ

### How much does it cost?

It costs $20 a month.
"""


def test_the_committed_corpus_files_are_well_formed():
    if not prfaqs.MANIFEST.is_file():
        pytest.skip("no PR/FAQ corpus committed yet")
    assert prfaqs.problems(prfaqs.read_tsv(prfaqs.MANIFEST), prfaqs.read_tsv(prfaqs.SENTENCES)) == []


def test_the_second_labelling_names_sentences_of_the_first_in_the_train_split():
    """training/agreement.py's second, blind labels: each row is a labelled train sentence, 0 or 1."""
    second = prfaqs.read_tsv(prfaqs.HERE / "corpora" / "prfaqs-second-labels.tsv")
    first = {(r["file"], r["start"], r["end"], r["sha"]) for r in prfaqs.read_tsv(prfaqs.SENTENCES)}
    splits = {r["file"]: r["split"] for r in prfaqs.read_tsv(prfaqs.MANIFEST)}
    assert len(second) >= 500
    assert all((r["file"], r["start"], r["end"], r["sha"]) in first for r in second)
    assert {splits[r["file"]] for r in second} == {"train"}  # the held-out split stays unseen
    assert all(r[label] in ("0", "1") for r in second for label in ("tech_first", "weasel", "jargon", "passive"))


def test_the_second_labelling_of_dev_names_rows_of_dev_and_dev2():
    """training/agreement.py --dev: each row is a dev or dev2 sentence, found by number and hash."""
    second = prfaqs.read_tsv(prfaqs.HERE / "corpora" / "dev-second-labels.tsv")
    assert len(second) >= 390
    assert {r["corpus"] for r in second} == {"dev", "dev2"}
    assert all(r[label] in ("0", "1") for r in second for label in prfaqs.LABELS)
    shared = REPO.parent / "shared" / "corpus"
    if not (shared / "dev" / "sentences.tsv").is_file():
        pytest.skip("../shared/corpus is not beside the checkout")
    tables = {name: prfaqs.read_tsv(shared / name / "sentences.tsv") for name in ("dev", "dev2")}
    for row in second:
        first = tables[row["corpus"]][int(row["row"]) - 1]
        assert first["doc_file"] == row["doc_file"]
        assert hashlib.sha1(first["sentence"].encode("utf-8")).hexdigest()[:12] == row["sha"]


def test_problems_names_what_is_wrong():
    row = {"file": "a.md", "repo": "o/r", "path": "PRFAQ.md", "commit": "0" * 40, "sha256": "0" * 64}
    row["split"] = prfaqs.split_of("o/r", "PRFAQ.md")
    label = {"file": "b.md", "start": "5", "end": "3", "sha": "x", **dict.fromkeys(prfaqs.LABELS, "0")}
    label["weasel"] = "2"
    found = prfaqs.problems([row, dict(row, split="elsewhere")], [label])
    assert "file names repeat in the manifest" in found
    assert any("split should be" in p for p in found)
    assert "b.md: labelled but not in the manifest" in found
    assert "b.md:5: a label is not 0 or 1" in found
    assert "b.md:5: empty span" in found


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_a_labelled_document_comes_back_from_its_mirror(tmp_path):
    work = tmp_path / "owner+name"
    work.mkdir()
    _git("init", "-q", cwd=work)
    (work / "PRFAQ.md").write_text(DRAFT, encoding="utf-8")
    _git("add", "PRFAQ.md", cwd=work)
    _git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "draft", cwd=work)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=work, check=True, capture_output=True, text=True)

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "X01-shelfwise.md").write_text(DRAFT, encoding="utf-8")
    sheet = prfaqs.segments(batch / "X01-shelfwise.md")
    chosen = [row for row in sheet if row["select"]]
    # Spans point at the sentence in the file, markup and all; the sheet shows it cleaned.
    owners = next(row for row in chosen if str(row["sentence"]).startswith("Owners"))
    assert DRAFT[owners["start"] : owners["end"]].startswith("Owners of small bookshops **return")
    assert owners["sentence"] == "Owners of small bookshops return a fifth of what they buy."
    assert any(row["part"] == "faq" for row in chosen)
    labels = [{**row, **dict.fromkeys(prfaqs.LABELS, "0"), "has_data": "1"} for row in chosen]
    prfaqs.write_tsv(batch / "labels.tsv", [*prfaqs.SENTENCE_COLUMNS, "sentence"], labels)
    doc_labels = dict.fromkeys(prfaqs.DOC_COLUMNS, "Y") | {"Q": "mid", "kind": "prfaq"}
    manifest_row = {"file": "X01-shelfwise.md", "repo": "owner/name", "path": "PRFAQ.md"}
    manifest_row |= {"commit": commit.stdout.strip(), "licence": "MIT", **doc_labels}
    prfaqs.write_tsv(batch / "manifest.tsv", [*manifest_row], [manifest_row])

    manifest, sentences = tmp_path / "prfaqs.tsv", tmp_path / "prfaqs-sentences.tsv"
    files = ["--manifest", str(manifest), "--sentences", str(sentences)]
    # A label whose span is not one of wbl's sentences stops the merge; nothing is written.
    wrong = [dict(labels[0], start=str(int(labels[0]["start"]) + 1)), *labels[1:]]
    prfaqs.write_tsv(batch / "labels.tsv", [*prfaqs.SENTENCE_COLUMNS, "sentence"], wrong)
    assert prfaqs.main(["add", str(batch), *files]) == 1
    assert not manifest.exists()
    prfaqs.write_tsv(batch / "labels.tsv", [*prfaqs.SENTENCE_COLUMNS, "sentence"], labels)
    assert prfaqs.main(["add", str(batch), *files]) == 0
    assert prfaqs.main(["check", *files]) == 0
    out = tmp_path / "out"
    (work / ".git").rename(tmp_path / "repo")
    (tmp_path / "repo").rename(work / "repo")
    assert prfaqs.main(["materialize", "--mirror", str(tmp_path), "--out", str(out), *files]) == 0

    split = prfaqs.split_of("owner/name", "PRFAQ.md")
    assert (out / split / "X01-shelfwise.md").read_text(encoding="utf-8") == DRAFT
    rows = prfaqs.read_tsv(out / split / "sentences.tsv")
    assert [r["sentence"] for r in rows] == [r["sentence"] for r in chosen]
    assert {r["has_data"] for r in rows} == {"1"}
    from wbl.corpus import load_documents

    (document,) = load_documents(out / split)
    assert document.quality == 5.0 and document.present("Prob")

    # A document whose text no longer matches its checksum is reported, not used.
    rows = prfaqs.read_tsv(manifest)
    prfaqs.write_tsv(manifest, prfaqs.MANIFEST_COLUMNS, [dict(rows[0], sha256="0" * 64)])
    assert prfaqs.main(["materialize", "--mirror", str(tmp_path), "--out", str(tmp_path / "again"), *files]) == 1
