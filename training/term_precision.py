"""How often each listed weasel word is a weasel word to a reviewer.

    python training/term_precision.py --corpus DIR [--corpus DIR ...] [--least 6] [--at-most 0.5]

Each labelled sentence of the corpora (their sentences.tsv) is linted alone, as
`python -m wbl.evaluate` does; every word weasel-word (WB601) flags in it counts once, and counts
as right when the reviewer labelled the sentence weasel. Prints, per word, the sentences it was
flagged in, how many of them the reviewer labelled weasel, and that share; the words flagged in
at least ``--least`` sentences whose share is at most ``--at-most`` are marked: they are the
candidates for the rule's ``hint-words`` (reported as hints, not warnings). Choose them on the
train split (and dev, dev2), then look at the held-out split's column before changing the list.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from wbl.engine import Linter
from wbl.textutil import normal_phrase

RULE = "WB601"


def flagged_words(linter: Linter, sentence: str) -> set[str]:
    report = linter.lint_text(sentence + "\n")
    return {normal_phrase(f.text) for f in report.findings if f.rule == RULE and f.text}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, action="append", required=True, help="a folder with sentences.tsv")
    parser.add_argument("--least", type=int, default=6, help="sentences a word must be flagged in to be marked")
    parser.add_argument("--at-most", type=float, default=0.5, help="the share at or under which a word is marked")
    args = parser.parse_args(argv)
    linter = Linter()
    flagged: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for folder in args.corpus:
        with (folder / "sentences.tsv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                for word in flagged_words(linter, row["sentence"]):
                    flagged[word] += 1
                    right[word] += row["weasel"] == "1"
    print(f"{'word':24} {'flagged':>7} {'weasel':>6} {'share':>5}")
    for word in sorted(flagged, key=lambda w: (right[w] / flagged[w], -flagged[w])):
        share = right[word] / flagged[word]
        mark = "  <- hint" if flagged[word] >= args.least and share <= args.at_most else ""
        print(f"{word:24} {flagged[word]:7} {right[word]:6} {share:5.2f}{mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
