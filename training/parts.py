"""Fit the problem-paragraph model: which paragraph of a press release states the customer's problem?

    python training/parts.py [--corpus DIR ...] [--write]

Each labelled document's candidate paragraphs (the first body paragraphs of the press release,
quotes included) get the features of `wbl.anatomy.problem_features`; a paragraph is positive when
the corpus's parts.tsv puts a problem row on its line. A logistic regression is scored with
5-fold cross-validation grouped by document: per paragraph, and per document (is there a problem
paragraph? compared with the reviewer's Prob column), with the decision threshold chosen inside
the training folds. `--write` stores the weights fitted on every document in wbl/data/parts.json.

Part locations: dev and dev2 documents take theirs from `--parts FILE` (a parts.tsv with a
`corpus` column), other corpora from their own parts.tsv.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from wbl.anatomy import problem_wording
from wbl.corpus import corpus_folders, load_documents, load_parts
from wbl.engine import build

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "wbl" / "data" / "parts.json"


def problem_lines(rows) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in rows:
        if row.part == "problem" and row.line is not None:
            spans[row.document].append((row.line, row.end_line or row.line))
    return spans


def collect(folders: list[Path], shared_parts: Path | None):
    """(document id, [(features, label)], reviewer says present, found under a heading)."""
    shared = defaultdict(list)
    if shared_parts is not None:
        import csv

        with shared_parts.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                shared[row["corpus"]].append(row)
    samples = []
    for folder in folders:
        rows = load_parts(folder / "parts.tsv")
        if not rows and shared.get(folder.name):
            tmp = folder.name
            rows = [
                type(
                    "Row",
                    (),
                    {
                        "document": r["doc_file"],
                        "part": r["part"],
                        "line": int(r["line"]) if r["line"].isdigit() else None,
                        "end_line": int(r["end_line"]) if r["end_line"].isdigit() else None,
                    },
                )
                for r in shared[tmp]
            ]
        spans = problem_lines(rows)
        labelled = {r.document for r in rows}
        for doc in load_documents(folder):
            if doc.name not in labelled or "Prob" not in doc.labels:
                continue
            text = doc.path.read_text(encoding="utf-8", errors="replace").removeprefix("\ufeff")
            document = build(doc.name, text)
            anatomy = document.anatomy
            items = []
            for index, features, _ in anatomy.problem_candidates:
                segment = anatomy.segments[index]
                start = segment.unit.source_span(segment.start, segment.start + 1)[0]
                line = document.source.position(start)[0]
                positive = any(a <= line <= b for a, b in spans.get(doc.name, ()))
                items.append((dict(features), int(positive)))
            by_heading = anatomy.get("problem") is not None and anatomy["problem"].via != "content"
            samples.append((f"{folder.name}/{doc.name}", items, bool(doc.present("Prob")), by_heading))
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[])
    parser.add_argument("--parts", type=Path, help="parts.tsv for the dev and dev2 documents")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (by document)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    samples = collect(list(corpus_folders(args.shared, args.corpus)), args.parts)
    samples = [s for s in samples if s[1]]
    if not samples:
        sys.exit("no labelled documents with candidates")
    features = sorted({k for _, items, _, _ in samples for f, _ in items for k in f})
    print(
        f"{len(samples)} documents, {sum(len(i) for _, i, _, _ in samples)} candidate paragraphs, "
        f"{sum(y for _, i, _, _ in samples for _, y in i)} positive"
    )

    def matrix(chosen):
        x = np.array([[f.get(k, 0.0) for k in features] for s in chosen for f, _ in s[1]])
        y = np.array([y for s in chosen for _, y in s[1]])
        return x, y

    def fit(chosen):
        x, y = matrix(chosen)
        return LogisticRegression(C=1.0, max_iter=5000).fit(x, y)

    def doc_scores(model, chosen):
        """Per document, the likeliest candidate that has problem wording (as the anatomy chooses)."""
        scores = []
        for s in chosen:
            worded = [f for f, _ in s[1] if problem_wording(f)]
            x = np.array([[f.get(k, 0.0) for k in features] for f in worded])
            scores.append(float(max(model.predict_proba(x)[:, 1])) if worded else 0.0)
        return scores

    def best_threshold(model, chosen):
        scores = doc_scores(model, chosen)
        truth = [s[2] for s in chosen]
        heading = [s[3] for s in chosen]
        grid = np.linspace(0.05, 0.95, 91)
        rows = list(zip(scores, truth, heading, strict=True))
        accuracy = [np.mean([(h or sc >= t) == tr for sc, tr, h in rows]) for t in grid]
        return float(grid[int(np.argmax(accuracy))])

    groups = np.arange(len(samples))
    folds = GroupKFold(n_splits=args.folds)
    doc_right = para_right = para_total = 0
    located = located_total = 0
    for train_idx, test_idx in folds.split(groups, groups=groups):
        train = [samples[i] for i in train_idx]
        test = [samples[i] for i in test_idx]
        model = fit(train)
        threshold = best_threshold(model, train)
        for s, score in zip(test, doc_scores(model, test), strict=True):
            predicted = s[3] or score >= threshold
            doc_right += predicted == s[2]
            x, y = matrix([s])
            p = model.predict_proba(x)[:, 1]
            para_right += int(((p >= threshold) == (y == 1)).sum())
            para_total += len(y)
            if y.any() and not s[3]:
                located_total += 1
                worded = np.array([problem_wording(f) for f, _ in s[1]])
                # As the anatomy chooses: the likeliest candidate that has problem wording.
                located += bool(worded.any()) and int(y[int(np.argmax(np.where(worded, p, -1.0)))] == 1)
    final = fit(samples)
    threshold = best_threshold(final, samples)
    scored = zip(samples, doc_scores(final, samples), strict=True)
    in_doc = np.mean([(s[3] or sc >= threshold) == s[2] for s, sc in scored])
    print(f"problem present (per document): in-sample {in_doc:.3f}  cross-validated {doc_right / len(samples):.3f}")
    print(
        f"paragraph accuracy (cross-validated) {para_right / para_total:.3f}; "
        f"the likeliest paragraph is the labelled one in {located}/{located_total} documents"
    )
    weights = {k: round(float(w), 4) for k, w in zip(features, final.coef_[0], strict=True)}
    print("weights", json.dumps(weights), "bias", round(float(final.intercept_[0]), 4), "threshold", threshold)
    if args.write:
        data = json.loads(OUTPUT.read_text()) if OUTPUT.exists() else {}
        data["problem"] = {
            "about": "Problem-paragraph model: logistic weights over wbl.anatomy.problem_features; training/parts.py",
            "bias": round(float(final.intercept_[0]), 4),
            "weights": weights,
            "threshold": round(threshold, 3),
            "figures": {
                "documents": len(samples),
                "in_sample": round(float(in_doc), 3),
                "cross_validated": round(doc_right / len(samples), 3),
            },
        }
        OUTPUT.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
