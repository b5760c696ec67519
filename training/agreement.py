"""How far two annotators agree on the sentence labels, and how far wbl agrees with each.

    python training/agreement.py --documents DIR/train

``training/corpora/prfaqs-second-labels.tsv`` holds a second, blind labelling of a random sample
of the train split's labelled sentences (tech_first, weasel, jargon, passive; the same guide and
brief as the first). ``--documents`` is the folder `prfaqs.py materialize` wrote for the train
split: the sentences' text is read from the documents, never stored here. Each sentence is linted
alone, as `python -m wbl.evaluate` does. Prints, per label: the second annotator against the
first (precision, recall, F1, Cohen's kappa), wbl against each, and wbl against the sentences on
which both annotators agree.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from prfaqs import SENTENCES, segments

from wbl.engine import Linter
from wbl.evaluate import POSITIVE_LABELS

HERE = Path(__file__).resolve().parent
SECOND = HERE / "corpora" / "prfaqs-second-labels.tsv"
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=Path, required=True, help="the materialized train folder")
    args = parser.parse_args(argv)
    first = {(r["file"], r["start"], r["end"], r["sha"]): r for r in read_tsv(SENTENCES)}
    second = read_tsv(SECOND)
    linter = Linter()
    texts: dict[tuple[str, str, str, str], str] = {}
    for name in sorted({r["file"] for r in second}):
        for s in segments(args.documents / name, linter):
            texts[(name, str(s["start"]), str(s["end"]), str(s["sha"]))] = str(s["sentence"])
    rows = []
    for row in second:
        key = (row["file"], row["start"], row["end"], row["sha"])
        if key not in first or key not in texts:
            print(
                f"{row['file']}:{row['start']}-{row['end']}: not in the first labelling or the documents",
                file=sys.stderr,
            )
            return 1
        report = linter.lint_text(texts[key] + "\n", path=row["file"])
        categories = {f.category for f in report.findings}
        wbl = {label: int(bool(categories & set(POSITIVE_LABELS[label]))) for label in LABELS}
        rows.append(
            ({label: int(first[key][label]) for label in LABELS}, {label: int(row[label]) for label in LABELS}, wbl)
        )
    print(f"{len(rows)} sentences of {len({r['file'] for r in second})} documents labelled twice")
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
