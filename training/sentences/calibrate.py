"""Recalibrate a shipped sentence model's "info" threshold on sentences it never saw.

    python training/sentences/calibrate.py --data DIR/train/sentences.tsv [--label tech_first] \
        [--model rules/_models/sentences.json] [--write]

`train.py` picks each label's "info" threshold by the best F0.5 of its cross-validated
predictions (a false alarm costs more than a miss). A threshold picked that way on one corpus can
sit off the best point on another. This script reads the model file, scores every sentence of
`--data` with the model as shipped (its weights stay as they are), and prints precision, recall
and F0.5 at thresholds 0.30 to 0.90 in steps of 0.01. It picks the threshold with the best F0.5,
which is the same policy as `train.py`'s. It also prints how stable that pick is: the median and
quartiles of the picks over 200 bootstrap resamples of the documents.

Use it only on data the model was not trained on. The script refuses a file that is listed in the
model's training data. With `--write` it stores the new threshold in the model file, with a
`calibration` record (the data's fingerprint, the grid, the F0.5 before and after). The model's
version, and so the cache key, changes with it. Running it twice writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import train
from wbl_rules import sentences

ROOT = Path(__file__).resolve().parents[2]
GRID = np.round(np.arange(0.30, 0.905, 0.01), 2)
BOOTSTRAP = 200


def operating_point(p: np.ndarray, y: np.ndarray, threshold: float) -> tuple[float, float, float, float]:
    """(threshold, precision, recall, F0.5) of flagging every sentence scored at least `threshold`."""
    _, _, _, precision, recall, _ = train.prf((p >= threshold).astype(int), y)
    return float(threshold), precision, recall, train.f_beta(precision, recall, 0.5)


def operating_points(p: np.ndarray, y: np.ndarray) -> list[tuple[float, float, float, float]]:
    return [operating_point(p, y, t) for t in GRID]


def best(points: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return max(points, key=lambda point: (round(point[3], 6), -point[0]))  # ties: the lower threshold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, nargs="+", required=True, help="sentences.tsv files the model never saw")
    parser.add_argument("--label", default="tech_first")
    parser.add_argument("--model", type=Path, default=ROOT / "rules" / "_models" / "sentences.json")
    parser.add_argument("--write", action="store_true", help="store the picked threshold in the model file")
    args = parser.parse_args(argv)

    model_data: dict[str, Any] = json.loads(args.model.read_text(encoding="utf-8"))
    trained_on = {entry["sha256"] for entry in model_data["data"]}
    fingerprint = corpus.data_fingerprint(args.data)
    seen = [entry["file"] for entry in fingerprint if entry["sha256"] in trained_on]
    if seen:
        print(f"calibrate.py: the model was trained on {', '.join(seen)}; calibrate on other data", file=sys.stderr)
        return 2
    spec = model_data["labels"][args.label]
    if "info" not in spec.get("thresholds", {}):
        print(f"calibrate.py: label {args.label} has no info threshold to calibrate", file=sys.stderr)
        return 2

    model = sentences.Model(model_data)
    rows = corpus.load_rows(args.data)
    corpus.analyse(rows, with_rules=False, verbose=False)
    y = np.array([row.labels[args.label] for row in rows], dtype=int)
    p = np.array([max([model.score(s, args.label)[0] for s in row.sentences] or [0.0]) for row in rows])

    points = operating_points(p, y)
    old = float(spec["thresholds"]["info"])
    at_old = operating_point(p, y, old)
    chosen = best(points)

    groups = np.array([row.group for row in rows])
    documents = sorted(set(groups))
    rng = np.random.default_rng(0)
    picks = []
    for _ in range(BOOTSTRAP):
        sample = rng.choice(len(documents), len(documents))
        index = np.concatenate([np.flatnonzero(groups == documents[k]) for k in sample])
        picks.append(best(operating_points(p[index], y[index]))[0])

    print(f"{args.label}: {len(rows)} sentences, {int(y.sum())} positive, {len(documents)} documents")
    for t, precision, recall, f05 in points:
        mark = " <- picked" if t == chosen[0] else ""
        print(f"  {t:.2f}  P {precision:.3f}  R {recall:.3f}  F0.5 {f05:.3f}{mark}")
    q1, median, q3 = np.percentile(picks, [25, 50, 75])
    print(f"picked {chosen[0]:.2f} (P {chosen[1]:.3f} R {chosen[2]:.3f} F0.5 {chosen[3]:.3f});", end=" ")
    print(f"shipped {old:.4f} (P {at_old[1]:.3f} R {at_old[2]:.3f} F0.5 {at_old[3]:.3f})")
    print(f"bootstrap over documents ({BOOTSTRAP} resamples): median {median:.2f}, quartiles {q1:.2f}-{q3:.2f}")

    if args.write:
        spec["thresholds"]["info"] = chosen[0]
        spec["calibration"] = {
            "data": fingerprint,
            "policy": "best F0.5 on a grid of 0.30-0.90 in steps of 0.01, model weights unchanged",
            "info_before": old,
            "f05_before": round(at_old[3], 4),
            "f05_after": round(chosen[3], 4),
            "precision_recall_after": [round(chosen[1], 4), round(chosen[2], 4)],
        }
        model_data["version"] = sentences.model_version(model_data)
        text = json.dumps(model_data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        args.model.write_text(text, encoding="utf-8")
        print(f"wrote {args.model} (version {model_data['version']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
