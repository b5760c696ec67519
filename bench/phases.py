"""Where the time of a cold one-file `wbl check --no-cache` goes, phase by phase (a benchmark).

    python bench/phases.py FILE

Runs the steps `wbl check --no-cache FILE` runs, in this fresh process, and prints each one's
wall time; `bench/bench.py` runs it beside its cold-start figure. The rule pass is also broken
down by rule.
"""

from __future__ import annotations

import sys
import time
from collections import Counter

_last = time.perf_counter()
_phases: list[tuple[str, float]] = []


def phase(name: str) -> None:
    global _last
    now = time.perf_counter()
    _phases.append((name, now - _last))
    _last = now


def main(path: str) -> None:
    import wbl.cli  # noqa: F401  (what the command imports: click, the reporters, the project layer)

    phase("import wbl's command line (click, wbl)")
    from wbl.engine import Linter, build
    from wbl.registry import default_registry

    linter = Linter(registry=default_registry())
    phase("rule registry (the pack's TOML files)")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    document = build(path, text)
    phase("Markdown, document model and anatomy")
    from wbl.nlp import import_spacy, load_pipeline

    import_spacy()
    phase("import spaCy (as wbl does: without spacy.cli)")

    pipeline = load_pipeline(linter.options.model, linter.features)
    phase(f"load the pipeline ({', '.join(pipeline.nlp.component_names)})")
    _, rules = linter._ready()
    phase("prepare the rules (lexicons, patterns)")
    split = pipeline.split([u.text for u in document.units])
    phase("split: tokenizer and sentence recogniser")
    analysed = linter._analysed(pipeline, [document], rules)[0]
    phase("prefilters and the rest of the parse (the cascade)")
    per_rule: Counter[str] = Counter()
    for r in rules:
        if analysed.anatomy.kind in r.documents:
            start = time.perf_counter()
            list(r.check(analysed, linter._contexts[r.code]))
            per_rule[f"{r.code} {r.name}"] = time.perf_counter() - start
    phase("rules (first run of each)")
    linter._run_rules(analysed, rules)
    phase("rules again, metrics, score, suppressions")
    parsed = sum(1 for u in analysed.units if "parser" in u.nlp.user_data.get("wbl.ran", ()))
    del split
    total = sum(t for _, t in _phases)
    for name, seconds in _phases:
        print(f"{name:<58} {seconds * 1000:7.0f} ms")
    print(f"{'total':<58} {total * 1000:7.0f} ms  ({parsed} of {len(analysed.units)} units parsed)")
    print("slowest rules: " + ", ".join(f"{name} {t * 1000:.0f} ms" for name, t in per_rule.most_common(5)))


if __name__ == "__main__":
    main(sys.argv[1])
