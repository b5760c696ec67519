"""How far two annotators agree on the sentence labels, and how far wbl agrees with each.

    python training/agreement.py --documents DIR/train
    python training/agreement.py --dev ../shared/corpus

``training/corpora/prfaqs-second-labels.tsv`` holds a second, blind labelling of a random sample
of the train split's labelled sentences (tech_first, weasel, jargon, passive; the same guide and
brief as the first). ``--documents`` is the folder `prfaqs.py materialize` wrote for the train
split: the sentences' text is read from the documents, never stored here.

``training/corpora/dev-second-labels.tsv`` holds a second, blind labelling of every sentence of
dev and dev2 taken from their documents (398 of 409; the rubric's sentences were left out), by
annotators of the kind that labelled the collected corpus, against the one annotator of dev and
dev2. ``--dev`` is the folder that holds ``dev/`` and ``dev2/``: rows are found by their number
in each ``sentences.tsv`` and checked by a hash of their text, which is never stored here.

Each sentence is linted alone, as `python -m wbl.evaluate` does. Prints, per label: the second annotator against the
first (precision, recall, F1, Cohen's kappa), wbl against each, and wbl against the sentences on
which both annotators agree.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

from prfaqs import SENTENCES, segments

from wbl.engine import Linter
from wbl.evaluate import POSITIVE_LABELS

HERE = Path(__file__).resolve().parent
SECOND = HERE / "corpora" / "prfaqs-second-labels.tsv"
DEV_SECOND = HERE / "corpora" / "dev-second-labels.tsv"
LABELS = ("tech_first", "weasel", "jargon", "passive")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def agreement(predicted: Sequence[int], reference: Sequence[int]) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and Cohen's kappa of `predicted` against `reference` (0/1 each)."""
    n = len(reference)
    tp = sum(1 for p, r in zip(predicted, reference, strict=True) if p and r)
    precision = tp / sum(predicted) if sum(predicted) else 0.0
    recall = tp / sum(reference) if sum(reference) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    observed = sum(1 for p, r in zip(predicted, reference, strict=True) if p == r) / n
    rate_p, rate_r = sum(predicted) / n, sum(reference) / n
    expected = rate_p * rate_r + (1 - rate_p) * (1 - rate_r)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    return precision, recall, f1, kappa


Pair = tuple[str, str, dict[str, str], dict[str, str]]  # text, document, first labels, second labels


def _train_pairs(documents: Path, linter: Linter) -> list[Pair] | None:
    first = {(r["file"], r["start"], r["end"], r["sha"]): r for r in read_tsv(SENTENCES)}
    second = read_tsv(SECOND)
    texts: dict[tuple[str, str, str, str], str] = {}
    for name in sorted({r["file"] for r in second}):
        for s in segments(documents / name, linter):
            texts[(name, str(s["start"]), str(s["end"]), str(s["sha"]))] = str(s["sentence"])
    pairs = []
    for row in second:
        key = (row["file"], row["start"], row["end"], row["sha"])
        if key not in first or key not in texts:
            print(
                f"{row['file']}:{row['start']}-{row['end']}: not in the first labelling or the documents",
                file=sys.stderr,
            )
            return None
        pairs.append((texts[key], row["file"], first[key], row))
    return pairs


def _dev_pairs(folder: Path) -> list[Pair] | None:
    tables = {name: read_tsv(folder / name / "sentences.tsv") for name in ("dev", "dev2")}
    pairs = []
    for row in read_tsv(DEV_SECOND):
        table = tables[row["corpus"]]
        number = int(row["row"])
        first = table[number - 1] if 0 < number <= len(table) else None
        if first is None or hashlib.sha1(first["sentence"].encode("utf-8")).hexdigest()[:12] != row["sha"]:
            print(f"{row['corpus']}/sentences.tsv row {number}: not the sentence that was labelled", file=sys.stderr)
            return None
        pairs.append((first["sentence"], first["doc_file"], first, row))
    return pairs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--documents", type=Path, help="the materialized train folder")
    where.add_argument("--dev", type=Path, help="the folder that holds dev/ and dev2/")
    args = parser.parse_args(argv)
    linter = Linter()
    pairs = _dev_pairs(args.dev) if args.dev else _train_pairs(args.documents, linter)
    if pairs is None:
        return 1
    rows = []
    for text, path, first, second in pairs:
        report = linter.lint_text(text + "\n", path=path)
        categories = {f.category for f in report.findings}
        wbl = {label: int(bool(categories & set(POSITIVE_LABELS[label]))) for label in LABELS}
        rows.append(
            ({label: int(first[label]) for label in LABELS}, {label: int(second[label]) for label in LABELS}, wbl)
        )
    documents = len({path for _, path, _, _ in pairs})
    print(f"{len(rows)} sentences of {documents} documents labelled twice")
    columns = ("second vs first", "wbl vs first", "wbl vs second", "wbl where both agree")
    print("label        first second | " + " | ".join(f"{c:21}" for c in columns))
    print(" " * 26 + "| " + " | ".join(["P    R    F1   kappa "] * 4) + " n")
    for label in LABELS:
        a = [r[0][label] for r in rows]
        b = [r[1][label] for r in rows]
        w = [r[2][label] for r in rows]
        both = [(wi, ai) for ai, bi, wi in zip(a, b, w, strict=True) if ai == bi]
        cells = [
            agreement(b, a),
            agreement(w, a),
            agreement(w, b),
            agreement([x for x, _ in both], [y for _, y in both]),
        ]
        shown = " | ".join(" ".join(f"{v:.2f}" for v in c) + " " for c in cells)
        print(f"{label:12} {sum(a):5} {sum(b):6} | {shown} {len(both)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
