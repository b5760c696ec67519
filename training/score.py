"""Fit the document score: weights that make wbl's 0-100 score rank documents as a reviewer does.

    python training/score.py [--corpus DIR ...] [--write]

Every document with a reviewer grade (the Q column of a corpus's INDEX.md) is linted with the
default rules; `wbl.score.features` turns its anatomy and findings into the score's inputs. A
ridge regression on standardised features predicts the grade (0 = template ... 7 = good). It is
scored by the Spearman correlation of its predictions with the grades, cross-validated by
document (5 folds, 5 shuffles), next to the in-sample figure and to plain word count. `--write`
stores the weights fitted on every document in wbl/data/score.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold

from wbl.corpus import QUALITY, corpus_folders, load_documents
from wbl.engine import Linter, LintOptions
from wbl.score import COMPONENTS, features

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "wbl" / "data" / "score.json"
ALPHA = 30.0  # chosen by cross-validation on the training documents (10: 0.765, 30: 0.770, 100: 0.764)


def collect(folders: list[Path]) -> tuple[list[str], list[dict[str, float]], list[float], list[float]]:
    linter = Linter(LintOptions())
    # Graded documents are all PR/FAQs: one the anatomy takes for other Markdown is judged as one
    # anyway, so that its features are measured as for the rest.
    as_prfaq = Linter(LintOptions(kind="prfaq"))
    names, rows, grades, words = [], [], [], []
    for folder in folders:
        for doc in load_documents(folder):
            if doc.quality is None:
                continue
            text = doc.path.read_text(encoding="utf-8", errors="replace").removeprefix("\ufeff")
            document = linter.analyse(text, doc.name)
            report = linter.lint_document(document)
            if report.kind in ("other", "fragment"):
                document = as_prfaq.analyse(text, doc.name)
                report = as_prfaq.lint_document(document)
            count = int(report.metrics.get("words", 0))
            names.append(f"{folder.name}/{doc.name}")
            rows.append(features(document.anatomy, report.findings, count, int(report.metrics.get("sentences", 0))))
            grades.append(doc.quality)
            words.append(count)
    return names, rows, grades, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[])
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (by document)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    names, rows, grades, words = collect(list(corpus_folders(args.shared, args.corpus)))
    if len(names) < 10:
        sys.exit("too few graded documents")
    columns = sorted(COMPONENTS)
    x = np.array([[r[c] for c in columns] for r in rows])
    y = np.array(grades)

    def fit(xs: np.ndarray, ys: np.ndarray) -> tuple[Ridge, np.ndarray, np.ndarray]:
        mean, scale = xs.mean(0), xs.std(0) + 1e-9
        return Ridge(alpha=ALPHA).fit((xs - mean) / scale, ys), mean, scale

    cross = []
    for seed in range(5):
        predicted = np.zeros(len(y))
        for train, test in KFold(args.folds, shuffle=True, random_state=seed).split(x):
            model, mean, scale = fit(x[train], y[train])
            predicted[test] = model.predict((x[test] - mean) / scale)
        cross.append(spearmanr(y, predicted).statistic)
    model, mean, scale = fit(x, y)
    in_sample = spearmanr(y, model.predict((x - mean) / scale)).statistic
    by_words = spearmanr(y, words).statistic
    print(f"{len(y)} graded documents")
    print(
        f"Spearman with the reviewer's grade: in-sample {in_sample:.3f}, cross-validated "
        f"{np.mean(cross):.3f} (folds by document, 5 shuffles: {', '.join(f'{c:.2f}' for c in cross)}); "
        f"word count {by_words:.3f}"
    )
    weights = dict(zip(columns, model.coef_, strict=True))
    for column in columns:
        print(f"  {column:22} {weights[column]:+.3f}")
    if args.write:
        data = {
            "about": "Document score: ridge weights over wbl.score.features (standardised); training/score.py",
            "intercept": round(float(model.intercept_), 4),
            "scale_top": max(QUALITY.values()),
            "features": {
                c: {"mean": round(float(m), 4), "scale": round(float(s), 4), "weight": round(float(weights[c]), 4)}
                for c, m, s in zip(columns, mean, scale, strict=True)
            },
            "figures": {
                "documents": len(y),
                "spearman_in_sample": round(float(in_sample), 3),
                "spearman_cross_validated": round(float(np.mean(cross)), 3),
                "spearman_word_count": round(float(by_words), 3),
            },
        }
        OUTPUT.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
