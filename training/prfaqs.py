"""A labelled PR/FAQ corpus kept as provenance and labels only: no third-party text in the repository.

Two files in ``training/corpora/`` hold it:

- ``prfaqs.tsv``: one row per document: the corpus file name, its split (``train`` or ``heldout``,
  fixed by a hash of repository and path, see `split_of`), repository, path, commit, the SHA-256 of
  the file's bytes, its licence as the repository states it, the commit's date, the reviewer's
  document labels in the columns of ``../shared/corpus/dev/INDEX.md`` (HL, DL, Prob, ... Q) plus
  ``kind``, and the annotator's one-line notes.
- ``prfaqs-sentences.tsv``: one row per labelled sentence: file name, the sentence's character
  span in the file (``start``, ``end``, from `segment`), the first 12 hex digits of the SHA-1 of
  the sentence as wbl cleans it, and the six 0/1 labels of the same guide.

Commands (each with ``--help``):

- ``segment FILE...``: the sentences wbl sees, with spans, part, role and whether the sampling plan
  selects them for labelling (every press-release sentence up to a cap, then FAQ sentences spread
  evenly): the sheet an annotator fills in.
- ``materialize --mirror ROOT --out DIR``: write each document from a git mirror
  (``ROOT/owner+name/repo``, or any ``--git-dir-pattern``), check its SHA-256, and lay out
  ``DIR/train`` and ``DIR/heldout`` as corpus folders (documents, ``INDEX.md``, ``sentences.tsv``)
  that ``python -m wbl.evaluate --corpus`` and the training scripts read.
- ``add BATCH``: merge an annotator's folder (``manifest.tsv``, ``labels.tsv`` filled in from the
  sheets, the documents) into the two files; the split and the SHA-256 are computed here.
- ``check``: the two files are well formed and agree (the test suite runs it).

Sentences are matched again by span and hash, so a change in wbl's sentence splitting shows up as
rows that no longer match (reported, never silently relabelled).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from wbl.corpus import SOURCE_NAMES
from wbl.engine import Linter
from wbl.source import InputError, decode

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "corpora" / "prfaqs.tsv"
SENTENCES = HERE / "corpora" / "prfaqs-sentences.tsv"
LABELS = ("tech_first", "customer_centric", "weasel", "jargon", "passive", "has_data")
DOC_COLUMNS = ("HL", "DL", "Prob", "Data", "LQ", "CQ", "CTA", "xFAQ", "iFAQ", "TF", "Q", "kind")
MANIFEST_COLUMNS = ("file", "split", "repo", "path", "commit", "sha256", "licence", "date", *DOC_COLUMNS, "notes")
SENTENCE_COLUMNS = ("file", "start", "end", "sha", *LABELS)
# The sampling plan: every press-release sentence up to PR_CAP, then FAQ_SAMPLE FAQ sentences.
PR_CAP = 40
FAQ_SAMPLE = 12
# One document in HELDOUT_MODULUS is held out, by a hash of "owner/name:path".
HELDOUT_MODULUS = 3


def split_of(repo: str, path: str) -> str:
    digest = hashlib.sha1(f"{repo}:{path}".encode()).hexdigest()
    return "heldout" if int(digest, 16) % HELDOUT_MODULUS == 0 else "train"


def sentence_sha(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path: Path | None, columns: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    handle = sys.stdout if path is None else path.open("w", encoding="utf-8", newline="")
    writer = csv.DictWriter(
        handle, columns, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in columns})
    if path is not None:
        handle.close()


def segments(path: Path, linter: Linter | None = None) -> list[dict[str, object]]:
    """Every sentence wbl sees in a file: span in the file, part, role, cleaned text, selection."""
    linter = linter or Linter()
    data = path.read_bytes()
    text = decode(data)  # UTF-8 or UTF-16; InputError says in one line what is wrong
    # Offsets count the characters of the decoded file, a byte-order mark included.
    offset = 1 if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) else 0
    document = linter.analyse(text, path=str(path))
    rows: list[dict[str, object]] = []
    for unit in document.units:
        role = document.anatomy.role_of(unit)
        for sentence in unit.sentences:
            clean = " ".join(sentence.text.split())
            if not any(ch.isalpha() for ch in clean):
                continue
            start, end = unit.source_span(sentence.start, sentence.end)
            rows.append(
                {
                    "file": path.name,
                    "start": start + offset,
                    "end": end + offset,
                    "sha": sentence_sha(clean),
                    "part": unit.part,
                    "role": role,
                    "kind": unit.kind,
                    "sentence": clean.replace("\t", " "),
                }
            )
    pr = [r for r in rows if r["part"] == "pr"][:PR_CAP]
    faq = [r for r in rows if r["part"] != "pr"]
    step = max(1, len(faq) // FAQ_SAMPLE) if faq else 1
    chosen = {id(r) for r in pr} | {id(r) for r in faq[::step][:FAQ_SAMPLE]}
    for row in rows:
        row["select"] = int(id(row) in chosen)
    return rows


def cmd_segment(args: argparse.Namespace) -> int:
    linter = Linter()
    columns = ("file", "start", "end", "sha", "part", "role", "kind", "select", "sentence", *LABELS)
    rows = []
    for path in args.files:
        try:
            rows += segments(Path(path), linter)
        except (OSError, InputError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return 2
    if args.selected:
        rows = [r for r in rows if r["select"]]
    write_tsv(args.out, columns, rows)
    return 0


def _git_show(git_dir: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def cmd_materialize(args: argparse.Namespace) -> int:
    manifest = read_tsv(args.manifest)
    labelled = read_tsv(args.sentences)
    out: Path = args.out
    failures = 0
    written: dict[str, Path] = {}
    for row in manifest:
        git_dir = Path(args.git_dir_pattern.format(root=args.mirror, owner_name=row["repo"].replace("/", "+")))
        if (git_dir / ".git").is_dir():
            git_dir = git_dir / ".git"  # a mirror with a work tree
        try:
            data = _git_show(git_dir, row["commit"], row["path"])
        except (subprocess.CalledProcessError, FileNotFoundError) as error:
            print(f"{row['file']}: not in the mirror ({git_dir}): {error}", file=sys.stderr)
            failures += 1
            continue
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            print(f"{row['file']}: SHA-256 differs from the manifest", file=sys.stderr)
            failures += 1
            continue
        folder = out / row["split"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / row["file"]).write_bytes(data)
        written[row["file"]] = folder
    for split in sorted({row["split"] for row in manifest}):
        folder = out / split
        folder.mkdir(parents=True, exist_ok=True)
        lines = [
            f"# wbl PR/FAQ corpus, {split} split (materialized from training/corpora/prfaqs.tsv)",
            "",
            "| file | " + " | ".join(("words", "PR words", *DOC_COLUMNS)) + " |",
            "|" + "---|" * (len(DOC_COLUMNS) + 3),
        ]
        for row in manifest:
            if row["split"] == split and row["file"] in written:
                cells = ["", "", *(row[c].replace("|", "/") for c in DOC_COLUMNS)]
                lines.append(f"| {row['file']} | " + " | ".join(cells) + " |")
        (folder / "INDEX.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        # Each document's path in its own repository: `python -m wbl.evaluate --source-names`
        # lints it under that name, as its author would run wbl.
        names = [
            {"file": r["file"], "path": r["path"]} for r in manifest if r["split"] == split and r["file"] in written
        ]
        write_tsv(folder / SOURCE_NAMES, ("file", "path"), names)
    linter = Linter()
    by_file: dict[str, list[dict[str, str]]] = {}
    for row in labelled:
        by_file.setdefault(row["file"], []).append(row)
    out_rows: dict[str, list[dict[str, object]]] = {}
    for name, rows in sorted(by_file.items()):
        if name not in written:
            continue
        try:
            seen = {(int(s["start"]), int(s["end"]), s["sha"]): s for s in segments(written[name] / name, linter)}
        except InputError as error:
            print(f"{name}: {error}", file=sys.stderr)
            failures += 1
            continue
        for row in rows:
            match = seen.get((int(row["start"]), int(row["end"]), row["sha"]))
            if match is None:
                print(f"{name}:{row['start']}-{row['end']}: sentence no longer matches wbl's split", file=sys.stderr)
                failures += 1
                continue
            labels = {label: row[label] for label in LABELS}
            out_rows.setdefault(written[name].name, []).append(
                {"doc_file": name, "sentence": match["sentence"], **labels}
            )
    for split, rows in sorted(out_rows.items()):
        write_tsv(out / split / "sentences.tsv", ("doc_file", "sentence", *LABELS), rows)
    count = sum(map(len, out_rows.values()))
    print(f"{len(written)} documents and {count} sentences written to {out}; {failures} problems")
    return 1 if failures else 0


def cmd_add(args: argparse.Namespace) -> int:
    """Merge an annotator's batch folder (manifest.tsv, labels.tsv, the documents) into the corpus files."""
    manifest = read_tsv(args.manifest) if args.manifest.is_file() else []
    labelled = read_tsv(args.sentences) if args.sentences.is_file() else []
    known = {row["file"] for row in manifest}
    batch_rows = read_tsv(args.batch / "manifest.tsv")
    batch_labels = read_tsv(args.batch / "labels.tsv")
    named = {row["file"] for row in batch_rows}
    for label in batch_labels:
        if label["file"] not in named:
            print(f"{label['file']}: labelled but not in the batch's manifest; its rows are dropped", file=sys.stderr)
    linter = Linter()
    added, mismatched = 0, 0
    for row in batch_rows:
        path = args.batch / row["file"]
        if row["file"] in known or not path.is_file():
            print(f"{row['file']}: already in the corpus or missing; skipped", file=sys.stderr)
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        row = {**row, "split": split_of(row["repo"], row["path"]), "sha256": digest}
        spans = {(s["start"], s["end"], s["sha"]) for s in segments(path, linter)}
        ours = [label for label in batch_labels if label["file"] == row["file"]]
        rows = [{c: label[c].strip() for c in SENTENCE_COLUMNS} for label in ours]
        for label in rows:
            if (int(label["start"]), int(label["end"]), label["sha"]) not in spans:
                print(f"{row['file']}:{label['start']}: not a sentence of wbl's split of the file", file=sys.stderr)
                mismatched += 1
        manifest.append(row)
        labelled.extend(rows)
        added += 1
    found = problems(manifest, labelled)
    for problem in found:
        print(problem, file=sys.stderr)
    if found or mismatched:
        print("nothing written: fix the batch first", file=sys.stderr)
        return 1
    write_tsv(args.manifest, MANIFEST_COLUMNS, manifest)
    write_tsv(args.sentences, SENTENCE_COLUMNS, labelled)
    print(f"{added} documents added from {args.batch}")
    return 0


def problems(manifest: list[dict[str, str]], labelled: list[dict[str, str]]) -> list[str]:
    """What is wrong with the manifest and the labels (empty when they are well formed)."""
    found: list[str] = []
    names = [row["file"] for row in manifest]
    if len(set(names)) != len(names):
        found.append("file names repeat in the manifest")
    sources = [(row["repo"], row["path"]) for row in manifest]
    if len(set(sources)) != len(sources):
        found.append("a repository path repeats in the manifest")
    for row in manifest:
        if row["split"] != split_of(row["repo"], row["path"]):
            found.append(f"{row['file']}: split should be {split_of(row['repo'], row['path'])}")
        if len(row["commit"]) != 40 or len(row["sha256"]) != 64:
            found.append(f"{row['file']}: commit or sha256 malformed")
    spans: set[tuple[str, str, str]] = set()
    for row in labelled:
        if row["file"] not in names:
            found.append(f"{row['file']}: labelled but not in the manifest")
        if any(row[label] not in ("0", "1") for label in LABELS):
            found.append(f"{row['file']}:{row['start']}: a label is not 0 or 1")
        key = (row["file"], row["start"], row["end"])
        if key in spans:
            found.append(f"{row['file']}:{row['start']}: labelled twice")
        spans.add(key)
        if not int(row["start"]) < int(row["end"]):
            found.append(f"{row['file']}:{row['start']}: empty span")
    return found


def cmd_check(args: argparse.Namespace) -> int:
    found = problems(read_tsv(args.manifest), read_tsv(args.sentences))
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    seg = sub.add_parser("segment", help="the sentences wbl sees, as a labelling sheet")
    seg.add_argument("files", nargs="+")
    seg.add_argument("--selected", action="store_true", help="only the sentences the sampling plan selects")
    seg.add_argument("--out", type=Path)
    seg.set_defaults(run=cmd_segment)
    mat = sub.add_parser("materialize", help="write the corpus folders from git mirrors")
    mat.add_argument("--mirror", type=Path, required=True, help="folder of mirrors, one per repository")
    mat.add_argument("--git-dir-pattern", default="{root}/{owner_name}/repo")
    mat.add_argument("--out", type=Path, required=True)
    add = sub.add_parser("add", help="merge an annotator's batch folder into the corpus files")
    add.add_argument("batch", type=Path)
    add.set_defaults(run=cmd_add)
    for command in (mat, add, sub.add_parser("check", help="the manifest and labels are well formed")):
        command.add_argument("--manifest", type=Path, default=MANIFEST)
        command.add_argument("--sentences", type=Path, default=SENTENCES)
    mat.set_defaults(run=cmd_materialize)
    sub.choices["check"].set_defaults(run=cmd_check)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
