"""Fit the document-kind model: is a Markdown file a PR/FAQ (or a press release, or an FAQ) or not?

    python training/kind.py [--corpus DIR ...] [--write]

Features are the anatomy's document signals (`wbl.anatomy.document_signals`: a dateline, launch
wording, attributed quotes, part headings, FAQ questions against installation and usage headings,
code and commands). A logistic regression with balanced classes is scored with stratified 5-fold
cross-validation by document, next to its in-sample figures; `--write` stores the weights fitted on
every document in wbl/data/kind.json, which the anatomy reads.

Labels: a corpus's INDEX.md gives each document's kind (prfaq, press_release, faq, other); the
dev and dev2 corpora, which have no kind column, are PR/FAQs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from wbl.anatomy import PRFAQ_KINDS
from wbl.corpus import corpus_folders, load_documents
from wbl.engine import build

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "wbl" / "data" / "kind.json"
SEED = 0


def collect(folders: list[Path]) -> tuple[list[str], list[dict[str, float]], list[int]]:
    names, signals, labels = [], [], []
    for folder in folders:
        for doc in load_documents(folder):
            kind = doc.kind or "prfaq"
            text = doc.path.read_text(encoding="utf-8", errors="replace")
            document = build(doc.path.name, text.removeprefix("\ufeff"))
            names.append(f"{folder.name}/{doc.name}")
            signals.append(dict(document.anatomy.signals))
            labels.append(1 if kind in PRFAQ_KINDS else 0)
    return names, signals, labels


def report(title: str, truth: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    positives, negatives = truth == 1, truth == 0
    figures = {
        "accuracy": float((truth == predicted).mean()),
        "prfaq_recall": float((predicted[positives] == 1).mean()),
        "other_recall": float((predicted[negatives] == 0).mean()),
    }
    print(f"{title:<14} " + "  ".join(f"{k} {v:.3f}" for k, v in figures.items()))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[], help="more labelled corpus folders")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (by document)")
    parser.add_argument("--write", action="store_true", help=f"write the fitted weights to {OUTPUT}")
    args = parser.parse_args()
    folders = list(corpus_folders(args.shared, args.corpus))
    names, signals, labels = collect(folders)
    if not names:
        sys.exit("no labelled documents found")
    features = sorted({k for s in signals for k in s})
    x = np.array([[s.get(f, 0.0) for f in features] for s in signals])
    y = np.array(labels)
    print(f"{len(y)} documents: {int(y.sum())} PR/FAQ, {int((1 - y).sum())} other; {len(features)} features")

    def model() -> LogisticRegression:
        return LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)

    predicted = np.zeros_like(y)
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=SEED)
    for train, test in folds.split(x, y):
        predicted[test] = model().fit(x[train], y[train]).predict(x[test])
    final = model().fit(x, y)
    in_sample = report("in-sample", y, final.predict(x))
    cross = report("cross-validated", y, predicted)
    for name, truth, guess in zip(names, y, predicted, strict=True):
        if truth != guess:
            print(f"  CV miss: {name} is {'PR/FAQ' if truth else 'other'}")
    weights = {f: round(float(w), 4) for f, w in zip(features, final.coef_[0], strict=True)}
    print("weights:", json.dumps(weights), "bias", round(float(final.intercept_[0]), 4))
    if args.write:
        data = {
            "about": "Document-kind model: log-odds that a Markdown file is a PR/FAQ; written by training/kind.py",
            "bias": round(float(final.intercept_[0]), 4),
            "weights": weights,
            "trained_on": {folder.name: sum(1 for n in names if n.startswith(folder.name + "/")) for folder in folders},
            "figures": {"in_sample": in_sample, "cross_validated": cross},
        }
        OUTPUT.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
