"""Train and cross-validate wbl's sentence models (tech_first and jargon; weasel and passive are rules).

    python training/sentences/train.py \
        --data ../shared/corpus/dev/sentences.tsv ../shared/corpus/dev2/sentences.tsv [more.tsv ...] \
        [--out rules/_models/sentences.json] [--folds 5] [--repeats 3] [--seed 13] [--test held-out.tsv ...]

The features are `wbl_rules.sentences` (the rule pack's own module: training and linting run the
same code). What it does, in order:

1. Loads every TSV given (same columns as the corpus's sentences.tsv); a document is the group
   ``(file, doc_file)``, so folds never split a document.
2. Parses each sentence once the way ``wbl.evaluate`` lints it (one-paragraph document, wbl's
   spaCy pipeline) and runs the installed rule pack once; both are cached under /tmp.
3. Grouped cross-validation, repeated with different fold assignments (fixed seeds). In each
   training fold an inner grouped CV picks the regularisation strength and the decision
   thresholds (the test fold is never used for either): "warning" at the label's precision
   target, and two candidates for "info", the best F1 and the best F0.5. Reports, per label,
   precision/recall of the rule pack through the engine, the rule functions of
   `wbl_rules.sentences`, and the models at each operating point, cross-validated and in-sample.
   The info threshold shipped is the candidate with the better cross-validated F0.5 (a false
   alarm costs more than a miss), unless its recall collapses (below half the other's).
4. With ``--out``, trains on all rows and writes the model (weights keyed by feature names,
   thresholds, data fingerprint, featurizer hash, version; no sentence text). Running twice
   writes the same bytes.

With ``--test``: trains on ``--data`` (tuning inside it) and scores the held-out files once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from wbl_rules import sentences

# Per-label targets (issue 12): (precision, recall). The "warning" threshold aims at the precision target.
TARGETS = {"tech_first": (0.85, 0.75), "weasel": (0.90, 0.85), "jargon": (0.85, 0.80), "passive": (0.95, 0.95)}
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


# ------------------------------------------------------------------------------------------------
# Features -> matrices
# ------------------------------------------------------------------------------------------------


def row_features(row: corpus.Row, label: str, lemmas: bool) -> list[dict[str, float]]:
    """One feature dict per sentence of the row (a row is usually one sentence)."""
    return [{k: v for k, (v, _) in sentences.features(s, label, lemmas=lemmas).items()} for s in row.sentences] or [{}]


class Featurized:
    """Per label: each row's span feature dicts as matrices over every feature name seen; the
    vocabulary of a model is built from its training rows only (columns are then selected)."""

    def __init__(self, rows: Sequence[corpus.Row], label: str, lemmas: bool) -> None:
        self.rows = rows
        self.label = label
        self.lemmas = lemmas
        self.spans = [row_features(r, label, lemmas) for r in rows]
        self.y = np.array([r.labels[label] for r in rows], dtype=int)
        self.names = sorted(set().union(*(d.keys() for ds in self.spans for d in ds)))
        column = {n: j for j, n in enumerate(self.names)}
        self.column = column
        self.X = np.zeros((len(rows), len(self.names)))  # element-wise max over a row's spans
        span_rows, self.owner = [], []
        for r, ds in enumerate(self.spans):
            for d in ds:
                v = np.zeros(len(self.names))
                for n, x in d.items():
                    v[column[n]] = x
                span_rows.append(v)
                self.owner.append(r)
                self.X[r] = np.maximum(self.X[r], v)
        self.S = np.array(span_rows).reshape(len(span_rows), len(self.names))
        self.owner = np.array(self.owner)
        self.present = self.X != 0

    def vocabulary(self, idx: Sequence[int], min_count: int = 2) -> list[str]:
        counts = self.present[np.asarray(idx)].sum(axis=0)
        # Lemma features need support in more than one row; engineered ones are kept.
        return [n for j, n in enumerate(self.names) if counts[j] >= (min_count if n.startswith("lemma:") else 1)]

    def pooled(self, idx: Sequence[int], vocab: list[str]) -> np.ndarray:
        """Row vectors: the element-wise max over the row's spans (training)."""
        cols = [self.column[n] for n in vocab]
        return self.X[np.ix_(np.asarray(idx), cols)]

    def span_matrix(self, idx: Sequence[int], vocab: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """All spans of the rows, and the position (in idx) of the row each belongs to."""
        cols = [self.column[n] for n in vocab]
        idx = np.asarray(idx)
        where = {int(r): k for k, r in enumerate(idx)}
        sel = np.array([i for i, o in enumerate(self.owner) if int(o) in where], dtype=int)
        owners = np.array([where[int(self.owner[i])] for i in sel], dtype=int)
        return self.S[np.ix_(sel, cols)], owners


def fit(X: np.ndarray, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    if y.min() == y.max():
        return np.zeros(X.shape[1]), (10.0 if y[0] else -10.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # liblinear's trust-region Newton solver (primal): deterministic, and 30x faster than lbfgs here.
        model = LogisticRegression(C=C, solver="liblinear", tol=1e-6, max_iter=1000, random_state=0)
        model.fit(X, y)
    return model.coef_[0].astype(float), float(model.intercept_[0])


def predict_rows(data: Featurized, idx: Sequence[int], vocab: list[str], w: np.ndarray, b: float) -> np.ndarray:
    S, owners = data.span_matrix(idx, vocab)
    p = 1.0 / (1.0 + np.exp(-np.clip(S @ w + b, -40, 40)))
    out = np.zeros(len(idx))
    np.maximum.at(out, owners, p)
    return out


# ------------------------------------------------------------------------------------------------
# Folds
# ------------------------------------------------------------------------------------------------


def group_folds(groups: Sequence[str], k: int, seed: int) -> list[np.ndarray]:
    """Row indices of k test folds; whole groups, balanced by rows, deterministic for a seed."""
    names = sorted(set(groups))
    rng = np.random.RandomState(seed)
    order = [names[i] for i in rng.permutation(len(names))]
    size = {g: 0 for g in names}
    for g in groups:
        size[g] += 1
    # Largest groups first (in the shuffled order for ties), each to the currently smallest fold.
    order.sort(key=lambda g: -size[g])
    load = [0] * k
    fold_of: dict[str, int] = {}
    for g in order:
        f = min(range(k), key=lambda j: (load[j], j))
        fold_of[g] = f
        load[f] += size[g]
    return [np.array([i for i, g in enumerate(groups) if fold_of[g] == f]) for f in range(k)]


# ------------------------------------------------------------------------------------------------
# Thresholds and scores
# ------------------------------------------------------------------------------------------------

Counts = tuple[int, int, int, float, float, float]  # TP, FP, FN, P, R, F1


def prf(pred: np.ndarray, y: np.ndarray) -> Counts:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return tp, fp, fn, p, r, f


def f_beta(precision: float, recall: float, beta: float) -> float:
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall) if precision + recall else 0.0


# Operating points chosen inside the training folds: "precision" (the warning level: the lowest
# threshold whose precision reaches the label's target, else the best F0.5), and two candidates
# for the info level, the best F1 and the best F0.5. A finding of either level counts (as
# wbl.evaluate counts them), so an info point above the warning point flags what the warning
# level flags: `flagged` applies the lower of the two.
POLICIES = ("precision", "f1", "f05")
POINTS = {"precision": "warning", "f1": "info@F1", "f05": "info@F0.5"}


def flagged(p: np.ndarray, thresholds: dict[str, float], policy: str) -> np.ndarray:
    """0/1: flagged at the policy's level or above."""
    return (p >= min(thresholds[policy], thresholds["precision"])).astype(int)


def choose_threshold(p: np.ndarray, y: np.ndarray, label: str, policy: str) -> float:
    """A threshold from out-of-fold probabilities of the training rows (see `POLICIES`); a
    precision target needs at least five true positives to count as reached."""
    beta = 1.0 if policy == "f1" else 0.5
    best, best_score = 0.5, -1.0
    feasible = []
    for t in sorted(set(np.round(p, 4))):
        tp, _, _, precision, recall, _ = prf((p >= t).astype(int), y)
        score = f_beta(precision, recall, beta)
        if score > best_score:
            best, best_score = float(t), score
        if policy == "precision" and precision >= TARGETS[label][0] and tp >= 5:
            feasible.append((recall, -t, float(t)))
    if policy == "precision" and feasible:
        return max(feasible)[2]
    return best


def average_precision(p: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(-p, kind="stable")
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(y) + 1)
    return float((precision * y[order]).sum() / max(1, y.sum()))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def tune(
    data: Featurized, idx: np.ndarray, groups: Sequence[str], label: str, seed: int, inner_k: int = 4
) -> tuple[float, dict[str, float], list[str]]:
    """(C, {policy: threshold}, vocabulary) for training rows `idx`, by grouped CV inside them."""
    sub_groups = [groups[i] for i in idx]
    folds = group_folds(sub_groups, min(inner_k, len(set(sub_groups))), seed)
    oof = {C: np.zeros(len(idx)) for C in C_GRID}
    for test in folds:
        train = np.setdiff1d(np.arange(len(idx)), test)
        vocab = data.vocabulary(idx[train])
        X = data.pooled(idx[train], vocab)
        for C in C_GRID:
            w, b = fit(X, data.y[idx[train]], C)
            oof[C][test] = predict_rows(data, idx[test], vocab, w, b)
    y = data.y[idx]
    C = min(C_GRID, key=lambda c: (round(log_loss(oof[c], y), 4), c))
    thresholds = {policy: choose_threshold(oof[C], y, label, policy) for policy in POLICIES}
    return C, thresholds, data.vocabulary(idx)


def train_and_predict(
    data: Featurized, train: np.ndarray, test: np.ndarray, groups: Sequence[str], label: str, seed: int
) -> tuple[np.ndarray, dict[str, float]]:
    C, thresholds, vocab = tune(data, train, groups, label, seed)
    w, b = fit(data.pooled(train, vocab), data.y[train], C)
    return predict_rows(data, test, vocab, w, b), thresholds


@dataclass
class CrossValidated:
    """Out-of-fold predictions of one label at every operating point, for each repeat."""

    y: np.ndarray
    probabilities: np.ndarray  # repeats x rows
    predictions: dict[str, np.ndarray]  # policy -> repeats x rows (0/1)
    thresholds: dict[str, list[float]]  # policy -> the threshold of every fold

    def summary(self, policy: str) -> dict[str, Any]:
        runs = [prf(self.predictions[policy][rep], self.y) for rep in range(len(self.probabilities))]
        ps, rs, fs = ([r[k] for r in runs] for k in (3, 4, 5))
        f05 = [f_beta(p, r, 0.5) for p, r in zip(ps, rs, strict=True)]
        return {
            "precision": round(float(np.mean(ps)), 3),
            "recall": round(float(np.mean(rs)), 3),
            "f1": round(float(np.mean(fs)), 3),
            "f05": round(float(np.mean(f05)), 3),
            "sd_precision": round(float(np.std(ps)), 3),
            "sd_recall": round(float(np.std(rs)), 3),
            "thresholds": [round(min(self.thresholds[policy]), 3), round(max(self.thresholds[policy]), 3)],
        }

    def average_precision(self) -> float:
        return round(float(np.mean([average_precision(p, self.y) for p in self.probabilities])), 3)


def cross_validate(
    data: Featurized, groups: Sequence[str], label: str, folds: int, repeats: int, seed: int
) -> CrossValidated:
    """Grouped CV (folds by document), repeated with seeds seed, seed+1, ...; every threshold and
    the regularisation are chosen inside the training folds."""
    n = len(groups)
    result = CrossValidated(
        data.y,
        np.zeros((repeats, n)),
        {policy: np.zeros((repeats, n), dtype=int) for policy in POLICIES},
        {policy: [] for policy in POLICIES},
    )
    for rep in range(repeats):
        for test in group_folds(groups, folds, seed + rep):
            train = np.setdiff1d(np.arange(n), test)
            p, ts = train_and_predict(data, train, test, groups, label, seed + rep)
            result.probabilities[rep, test] = p
            for policy in POLICIES:
                result.predictions[policy][rep, test] = flagged(p, ts, policy)
                result.thresholds[policy].append(ts[policy])
    return result


def info_policy(cv: CrossValidated) -> tuple[str, str]:
    """The info operating point to ship and why: best F0.5 when its cross-validated F0.5 is the
    better one and its recall keeps at least half of best F1's; best F1 otherwise."""
    f1, f05 = cv.summary("f1"), cv.summary("f05")
    if f05["f05"] <= f1["f05"]:
        return "f1", f"best F1 (CV F0.5 {f1['f05']:.3f} >= {f05['f05']:.3f} of best F0.5)"
    if f05["recall"] < 0.5 * f1["recall"]:
        return "f1", f"best F1 (best F0.5's recall {f05['recall']:.2f} is under half of {f1['recall']:.2f})"
    return "f05", f"best F0.5 (CV F0.5 {f05['f05']:.3f} > {f1['f05']:.3f} of best F1)"


# ------------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------------


def rule_predictions(rows: Sequence[corpus.Row], label: str) -> tuple[np.ndarray, np.ndarray | None]:
    """The rule pack through the engine (its findings of the label's categories, any severity),
    and the label's rule function of `wbl_rules.sentences` when it has one."""
    engine = np.array([1 if r.rules[label] else 0 for r in rows])
    rule = sentences.RULES.get(label)
    function = np.array([1 if rule and any(rule(s) for s in r.sentences) else 0 for r in rows]) if rule else None
    return engine, function


def fmt(t: Counts) -> str:
    tp, fp, fn, p, r, f = t
    return f"{p:5.2f} {r:5.2f} {f:5.2f}  ({tp:>4}/{fp:>4}/{fn:>4})"


def cv_line(name: str, figures: dict[str, Any]) -> str:
    low, high = figures["thresholds"]
    return (
        f"{name:<30} {figures['precision']:5.2f} {figures['recall']:5.2f} {figures['f1']:5.2f} {figures['f05']:5.2f}"
        f"  (sd P {figures['sd_precision']:.2f} R {figures['sd_recall']:.2f}; thresholds {low:.2f}-{high:.2f})"
    )


def held_out(args: argparse.Namespace) -> int:
    """Train on --data (tuning inside it, the info point chosen by CV on it), score on --test once."""
    rows = corpus.load_rows(args.data)
    test_rows = corpus.load_rows(args.test)
    corpus.analyse(rows + test_rows)
    groups = [r.group for r in rows]
    print(
        f"train rows {len(rows)} ({len(set(groups))} documents) -> test rows {len(test_rows)} "
        f"({len({r.group for r in test_rows})} documents)"
    )
    figures: dict[str, Any] = {
        "train": corpus.data_fingerprint(args.data),
        "test": corpus.data_fingerprint(args.test),
        "labels": {},
    }
    for label in args.labels:
        lemmas = label in args.lemmas
        both = Featurized(rows + test_rows, label, lemmas)
        test_idx = np.arange(len(rows), len(rows) + len(test_rows))
        engine, function = rule_predictions(test_rows, label)
        y = both.y[test_idx]
        result: dict[str, Any] = {"positives": int(y.sum()), "rule pack (engine)": prf(engine, y)}
        if function is not None:
            result["rule function"] = prf(function, y)
        header = f"\n== {label} (test positives {int(y.sum())}/{len(y)})"
        if label not in args.rules:
            train_data = Featurized(rows, label, lemmas)
            chosen, why = info_policy(cross_validate(train_data, groups, label, args.folds, args.repeats, args.seed))
            all_groups = groups + [r.group for r in test_rows]
            p, ts = train_and_predict(both, np.arange(len(rows)), test_idx, all_groups, label, args.seed)
            for policy in POLICIES:
                result[f"model {POINTS[policy]}"] = prf(flagged(p, ts, policy), y)
            result["model info (shipped)"] = result[f"model {POINTS[chosen]}"]
            result["ap"] = round(average_precision(p, y), 3)
            result["info_policy"] = why
            header += f"; thresholds {', '.join(f'{POINTS[k]} {v:.2f}' for k, v in ts.items())}; AP {result['ap']}"
            header += f"\n   info shipped: {why}"
        print(header)
        for k, v in result.items():
            if isinstance(v, tuple):
                print(f"{k:<30} {fmt(v)}")
        figures["labels"][label] = result
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", nargs="+", type=Path, required=True, help="labelled TSV files")
    parser.add_argument("--out", type=Path, default=None, help="write the model here (default: no model)")
    parser.add_argument("--labels", nargs="+", default=list(corpus.LABELS))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--lemmas", nargs="*", default=["tech_first", "jargon"], help="labels whose model adds bag-of-lemma features"
    )
    parser.add_argument(
        "--rules",
        nargs="*",
        default=["weasel", "passive"],
        help="labels shipped as a rule function of wbl_rules.sentences instead of a model",
    )
    parser.add_argument(
        "--locked", action="store_true", help="also train outside the locked hold-out and score on it (look rarely)"
    )
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="print cross-validated errors (documents outside the locked hold-out only)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    parser.add_argument(
        "--test",
        nargs="+",
        type=Path,
        default=[],
        help="held-out TSVs: train on --data only, score rules and models on these once, and stop",
    )
    args = parser.parse_args(argv)
    for path in [*args.data, *args.test]:
        if "RESERVED" in path.name:
            raise SystemExit(f"{path}: reserved for evaluation")
    if args.test:
        return held_out(args)

    rows = corpus.load_rows(args.data)
    corpus.analyse(rows)
    groups = [r.group for r in rows]
    locked = np.array([r.locked for r in rows])
    print(
        f"rows {len(rows)} · documents {len(set(groups))} · locked hold-out {int(locked.sum())} rows in "
        f"{len({g for g, is_locked in zip(groups, locked, strict=True) if is_locked})} documents · grouped CV "
        f"{args.folds} folds x {args.repeats} repeats (seeds {args.seed}..{args.seed + args.repeats - 1})"
    )
    for f in corpus.data_fingerprint(args.data):
        print(f"  {f['file']}: {f['rows']} rows")
    print(
        "Operating points, chosen inside the training folds: 'warning' = lowest threshold whose precision reaches "
        "the target (else best F0.5); 'info' = best F1 or best F0.5 (the one with the better CV F0.5 is shipped, "
        "unless its recall is under half the other's). Rules: the rule pack through the engine (findings of any "
        "severity) and the label's rule function."
    )
    figures: dict[str, Any] = {
        "rows": len(rows),
        "documents": len(set(groups)),
        "data": corpus.data_fingerprint(args.data),
        "labels": {},
    }
    shipped: dict[str, Any] = {}
    for label in args.labels:
        lemmas = label in args.lemmas
        data = Featurized(rows, label, lemmas)
        y = data.y
        engine, function = rule_predictions(rows, label)
        print(f"\n== {label} (positives {int(y.sum())}/{len(y)}; target P>={TARGETS[label][0]} R>={TARGETS[label][1]})")
        print(f"{'':<30} {'P':>5} {'R':>5} {'F1':>5}  (TP/FP/FN)")
        result: dict[str, Any] = {"positives": int(y.sum()), "rule_pack": prf(engine, y)}
        print(f"{'rule pack (engine)':<30} {fmt(result['rule_pack'])}")
        if function is not None:
            result["rule_function"] = prf(function, y)
            print(f"{'rule function (in-sample)':<30} {fmt(result['rule_function'])}")
        if label in args.rules:
            shipped[label] = {"method": "rule", "function": RULE_FUNCTIONS[label]}
            figures["labels"][label] = result
            continue
        cv = cross_validate(data, groups, label, args.folds, args.repeats, args.seed)
        chosen, why = info_policy(cv)
        result["cv"] = {POINTS[policy]: cv.summary(policy) for policy in POLICIES}
        result["cv"]["ap"] = cv.average_precision()
        result["info_policy"] = why
        print(f"{'cross-validated':<30} {'P':>5} {'R':>5} {'F1':>5} {'F0.5':>5}")
        for policy in POLICIES:
            print(cv_line(f"model CV @{POINTS[policy]}", result["cv"][POINTS[policy]]))
        print(f"{'model CV average precision':<30} {result['cv']['ap']:5.3f}")
        print(f"  info shipped: {why}")
        for name in sorted({r.file for r in rows}):
            sel = np.array([r.file == name for r in rows])
            print(
                f"  {name}: rule pack {fmt(prf(engine[sel], y[sel]))} | model CV @warning "
                f"{fmt(prf(cv.predictions['precision'][0][sel], y[sel]))} | @info "
                f"{fmt(prf(cv.predictions[chosen][0][sel], y[sel]))}"
            )
        # In-sample: tuned and trained on everything, scored on the same rows.
        all_idx = np.arange(len(rows))
        C, ts, vocab = tune(data, all_idx, groups, label, args.seed)
        w, b = fit(data.pooled(all_idx, vocab), y, C)
        p_in = predict_rows(data, all_idx, vocab, w, b)
        result["in_sample"] = {POINTS[policy]: prf(flagged(p_in, ts, policy), y) for policy in POLICIES}
        for name, t in result["in_sample"].items():
            print(f"{'model in-sample @' + name:<30} {fmt(t)}")
        print(
            f"  C={C} thresholds "
            + ", ".join(f"{POINTS[k]} {v:.3f}" for k, v in ts.items())
            + f"; features {len(vocab)}"
        )
        if args.locked:
            train_idx, test_idx = np.where(~locked)[0], np.where(locked)[0]
            p_lock, t_lock = train_and_predict(data, train_idx, test_idx, groups, label, args.seed)
            result["locked"] = {"rows": len(test_idx), "positives": int(y[test_idx].sum())}
            result["locked"]["rule pack"] = prf(engine[test_idx], y[test_idx])
            for policy in POLICIES:
                result["locked"][POINTS[policy]] = prf(flagged(p_lock, t_lock, policy), y[test_idx])
            for k, v in result["locked"].items():
                if isinstance(v, tuple):
                    print(f"{'locked hold-out: ' + k:<30} {fmt(v)}")
        figures["labels"][label] = result
        order = np.argsort(-np.abs(w))
        print("  top weights: " + ", ".join(f"{vocab[j]} {w[j]:+.2f}" for j in order[:12]))
        if args.show_errors:
            show_errors(rows, data, cv, chosen, label, lemmas, dict(zip(vocab, w, strict=True)), b)
        keep = [j for j in range(len(vocab)) if round(float(w[j]), 6) != 0.0]
        shipped[label] = {
            "method": "logreg",
            "lemmas": lemmas,
            "C": C,
            # An info point at or above the warning point leaves no info level: both are the warning's.
            "thresholds": {
                "warning": round(float(ts["precision"]), 4),
                "info": round(float(min(ts[chosen], ts["precision"])), 4),
            },
            "info_policy": chosen,
            "bias": round(b, 6),
            "features": [vocab[j] for j in keep],
            "weights": [round(float(w[j]), 6) for j in keep],
            "cv": {
                "warning": {k: result["cv"]["warning"][k] for k in ("precision", "recall")},
                "info": {k: result["cv"][POINTS[chosen]][k] for k in ("precision", "recall")},
                "ap": result["cv"]["ap"],
            },
        }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.out:
        write_model(args, shipped)
    return 0


RULE_FUNCTIONS = {
    "passive": "wbl_rules.sentences:passive_clauses",
    "weasel": "wbl_rules.sentences:weasel_terms",
    "jargon": "wbl_rules.sentences:jargon_terms",
}


def show_errors(
    rows: Sequence[corpus.Row],
    data: Featurized,
    cv: CrossValidated,
    policy: str,
    label: str,
    lemmas: bool,
    weights: dict[str, float],
    bias: float,
) -> None:
    """Cross-validated errors at the info point, outside the locked documents, with their reasons."""
    spec = sentences.LabelModel(label, weights, bias, lemmas)
    oof, pred = cv.probabilities[0], cv.predictions[policy][0]
    for i in np.argsort(-oof):
        if rows[i].locked or pred[i] == data.y[i] or not rows[i].sentences:
            continue
        sentence = rows[i].sentences[0]
        feats = sentences.features(sentence, label, lemmas=lemmas)
        why = sentences.reasons(spec, feats, sentence.span, limit=4)
        print(
            f"  {'FP' if pred[i] else 'FN'} {oof[i]:.2f} {rows[i].text[:140]}  <- {[(r.feature, r.words) for r in why]}"
        )


def write_model(args: argparse.Namespace, shipped: dict[str, Any]) -> None:
    """The model file: weights, thresholds, data fingerprint, featurizer hash and version."""
    model: dict[str, Any] = {
        "format": "wbl-sentence-model/1",
        "featurizer": sentences.FEATURIZER_VERSION,
        # The features are the code of wbl_rules.sentences: its hash says which code trained the weights.
        "featurizer_sha256": hashlib.sha256(Path(sentences.__file__).read_bytes()).hexdigest(),
        "pipeline": "en_core_web_sm (tagger, attribute_ruler, lemmatizer, parser, ner)",
        "data": corpus.data_fingerprint(args.data),
        "cv": f"grouped by (file, doc_file), {args.folds} folds x {args.repeats} repeats, seed {args.seed}",
        "labels": {k: shipped[k] for k in sorted(shipped)},
    }
    model["version"] = sentences.model_version(model)
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} (version {model['version']})")


if __name__ == "__main__":
    raise SystemExit(main())
