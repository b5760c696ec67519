"""Does linting stay linear on pathological Markdown? CPU time at 4x the input over 1x, by stage.

For each hostile input (an unclosed parenthesis, a long dotted token, runs of inline code
spans, of ``((((``, of ``[[[[``, ...) at two sizes, this prints the ratio of the CPU time at
4x the size to the time at 1x, for each stage: Markdown parsing, the document model and its
anatomy, spaCy, and the rules (all of them, and the one that scaled worst). Linear work gives
about 4; a ratio near 16 is quadratic. The document is judged as a PR/FAQ, so every rule runs.

    python bench/hostile_scaling.py               # every case, 1x = 16,000 characters
    python bench/hostile_scaling.py --size 4000 unclosed-paren dotted-token

Each time is the best of `--repeat` runs (CPU time of this process: `time.process_time`).
Ratios over `LIMIT` are marked; the machine is noisy, so a mark is a reason to look again.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from wbl.document import build_document
from wbl.engine import Linter, LintOptions
from wbl.markdown import parse
from wbl.source import SourceText

LIMIT = 6.0  # a ratio above this (4 is linear) is marked

HEAD = "# Shelfwise PR/FAQ\n\nSEATTLE, WA — June 1, 2026 — Many customers "


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


CASES: dict[str, Callable[[int], str]] = {
    "unclosed-paren": lambda n: HEAD + "wait (" + _repeat("and wait ", n) + "\n",
    "dotted-token": lambda n: HEAD + "use " + ".".join(["ab"] * (n // 3)) + " daily.\n",
    "code-spans": lambda n: HEAD + _repeat("`a` ", n) + "\n",
    "open-parens": lambda n: HEAD + "(" * n + "\n",
    "open-brackets": lambda n: HEAD + "[" * n + "\n",
    "bracket-paren": lambda n: HEAD + _repeat("](", n) + "\n",
    "hyphenated-token": lambda n: HEAD + "use " + "-".join(["ab"] * (n // 3)) + " daily.\n",
    "slashed-token": lambda n: HEAD + "use " + "/".join(["ab"] * (n // 3)) + " daily.\n",
    "long-word": lambda n: HEAD + "a" * n + "\n",
    "stars": lambda n: HEAD + _repeat("*a ", n) + "\n",
    "underscores": lambda n: HEAD + _repeat("_a ", n) + "\n",
    "emphasis-runs": lambda n: HEAD + _repeat("*_", n) + "\n",
    "angle-brackets": lambda n: HEAD + _repeat("<a ", n) + "\n",
    "backslashes": lambda n: HEAD + "\\" * n + "\n",
    "backticks": lambda n: HEAD + "`" * n + "\n",
    "entities": lambda n: HEAD + _repeat("&amp;", n) + "\n",
    "links": lambda n: HEAD + _repeat("[a](b) ", n) + "\n",
    "urls": lambda n: HEAD + _repeat("http://a.b/c ", n) + "\n",
    "unclosed-comment": lambda n: HEAD + "<!-- " + _repeat("x ", n) + "\n",
    # One raw HTML block of many elements: unclosed paragraphs, comments, code (HTML prose).
    "html-paragraphs": lambda n: HEAD + "\n\n<div>\n" + _repeat("<p>a <!-- b --> <code>c</code> ", n) + "\n</div>\n",
    "html-unclosed-code": lambda n: HEAD + "\n\n<div>\n" + _repeat("<p>a <code>b ", n) + "\n</div>\n",
    "unclosed-quote": lambda n: HEAD + 'said "' + _repeat("many words ", n) + "\n",
    "digits-commas": lambda n: HEAD + _repeat("1,2", n) + "\n",
    "sentence-no-stop": lambda n: HEAD + _repeat("many users wait ", n) + "\n",
    # One word repeated with no stop: the parse chains the words, and walks over a token's
    # children or subtree covered the whole run (fixed by cutting sentences at 250 tokens).
    "repeated-word": lambda n: HEAD + _repeat("word ", n) + "\n",
    # One paragraph of many short sentences, each with findings (rules that looked at the whole
    # paragraph once per finding were quadratic).
    "findings-paragraph": lambda n: HEAD + _repeat("It is very, very simple and quite seamless. ", n) + "\n",
    "headings": lambda n: HEAD + "wait.\n\n" + _repeat("## Why?\n\nMany wait.\n\n", n),
    "list-items": lambda n: HEAD + "wait.\n\n" + _repeat("- Many wait.\n", n),
    "table-rows": lambda n: HEAD + "wait.\n\n| a | b |\n|---|---|\n" + _repeat("| x | y |\n", n),
    "nested-quotes": lambda n: HEAD + "wait.\n\n" + "> " * min(n // 2, 2000) + "Many wait.\n",
}


def _best(repeat: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


def measure(text: str, linter: Linter, per_rule: dict[str, Linter], repeat: int) -> dict[str, float]:
    """CPU seconds of each stage for one text."""
    times = {"parse": _best(repeat, lambda: parse(text))}
    blocks, source = parse(text), SourceText(text)
    times["model"] = _best(repeat, lambda: build_document("x.md", source, blocks))
    times["spacy"] = _best(repeat, lambda: linter.analyse(text, "x.md"))
    analysed = linter.analyse(text, "x.md")
    for code, one in per_rule.items():
        times[code] = _best(repeat, lambda one=one: one.lint_document(analysed))
    times["rules"] = sum(times[code] for code in per_rule)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("cases", nargs="*", help=f"cases to run (default: all): {', '.join(CASES)}")
    parser.add_argument("--size", type=int, default=16_000, help="characters of the 1x input")
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement (the best counts)")
    args = parser.parse_args()
    options = LintOptions(kind="prfaq", rule_time_limit=0)
    linter = Linter(options)
    per_rule = {r.code: Linter(LintOptions(select=(r.code,), kind="prfaq", rule_time_limit=0)) for r in linter.rules}
    linter.analyse(HEAD + "wait.\n", "x.md")  # load spaCy and prepare the rules before timing
    for one in per_rule.values():
        one.lint_document(linter.analyse(HEAD + "wait.\n", "x.md"))
    print(f"CPU time at 4x the input / at 1x (1x = {args.size:,} characters; linear is 4, quadratic 16)")
    print(f"{'case':<18} {'parse':>6} {'model':>6} {'spacy':>6} {'rules':>6}  worst rule      4x seconds")
    marked = []
    for name in args.cases or CASES:
        measure(CASES[name](args.size // 4), linter, per_rule, 1)  # first use: lazy imports and patterns
        small = measure(CASES[name](args.size), linter, per_rule, args.repeat)
        large = measure(CASES[name](4 * args.size), linter, per_rule, args.repeat)
        ratio = {stage: large[stage] / small[stage] for stage in small}
        # The worst rule among those that take a noticeable share of the time.
        rules = [c for c in per_rule if large[c] >= 0.02] or list(per_rule)
        worst = max(rules, key=lambda c: ratio[c])
        stages = ("parse", "model", "spacy", "rules")
        cells = " ".join(f"{ratio[s]:>5.1f}{'!' if ratio[s] > LIMIT and large[s] > 0.05 else ' '}" for s in stages)
        total = sum(large[s] for s in stages)
        print(f"{name:<18} {cells} {worst} {ratio[worst]:>5.1f}  {total:8.2f}")
        if any(ratio[s] > LIMIT and large[s] > 0.05 for s in (*stages, worst)):
            marked.append(name)
    print("marked (over {:.0f}x): {}".format(LIMIT, ", ".join(marked) or "none"))


if __name__ == "__main__":
    main()
