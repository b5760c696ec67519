"""Smoke test of the shipped sentence model: classify made-up sentences and say why.

    python training/sentences/check.py [--model rules/_models/sentences.json]

Each sentence is linted's way: one Markdown paragraph, wbl's pipeline, its sentences; the model
(`wbl_rules.sentences`) sees one sentence at a time. The sentences are invented for this check
(several are the made-up examples of issue 12), so no third-party text is involved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from wbl_rules import sentences

from wbl.engine import Linter, LintOptions

EXAMPLES = (
    "Every order is routed through our Kafka event bus.",
    "Your notes live in a Postgres database with an open schema.",
    "Tenant data is separated at the container level.",
    "Prices are pulled nightly from the supplier's API.",
    "Using OAuth tokens, a teacher can share a reading list with one click.",
    "Chat models forget earlier instructions once the context fills up.",
    "Receipts get misplaced and families are getting overcharged.",
    "Your file is never quietly deleted.",
    "It is the most powerful and user friendly planner on the market.",
    "Setup typically takes under 30 seconds.",
    "You may cancel at any time.",
    "The feature is generally available today in all regions.",
    "A Bloom filter, a compact set structure, keeps the lookup cheap.",
    "DENVER, CO -- Gym owners can now see which members are about to cancel.",
    "We keep a warm standby and a feature store for lead scoring.",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None, help="a model file (default: the packaged one)")
    args = parser.parse_args()
    if args.model is None:
        model = sentences.default_model()
    else:
        model = sentences.Model(json.loads(args.model.read_text(encoding="utf-8")))
    trained_with = model.data.get("featurizer_sha256")
    current = hashlib.sha256(Path(sentences.__file__).read_bytes()).hexdigest()
    print(f"model {model.version}; featurizer {'unchanged' if trained_with == current else 'CHANGED since training'}")
    linter = Linter(LintOptions(select=("WB301",)))
    weasels = sentences.default_weasel_table()
    started = time.perf_counter()
    count = 0
    for text in EXAMPLES:
        for unit in linter.analyse(text + "\n").units:
            for sentence in unit.sentences:
                count += 1
                flagged = []
                for label in model.labels:
                    why = model.explain(sentence, label)
                    if why.level is not None:
                        words = "; ".join(f"{r.feature} '{r.words}'" for r in why.reasons)
                        flagged.append(f"{label} ({why.level}) p={why.probability:.2f} [{words}]")
                flagged += [f"weasel: '{t.text}' ({t.group.name})" for t in sentences.weasel_terms(sentence, weasels)]
                if sentences.is_passive(sentence):
                    flagged.append("passive")
                print(f"- {sentence.text}\n    " + ("\n    ".join(flagged) if flagged else "(nothing)"))
    elapsed = (time.perf_counter() - started) * 1000
    print(f"{count} sentences, {elapsed / max(count, 1):.1f} ms each (parse and every label)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
