"""Measure the rule pack against a labelled corpus: ``python -m wbl.evaluate [--corpus DIR]``.

The corpus folder holds ``sentences.tsv`` (real sentences with 0/1 labels, one per row) and
PR/FAQ documents (``*.md``). Each labelled sentence is linted as a one-paragraph document through
the real engine, and a label counts as predicted when a rule of the mapped categories finds
something in it. Precision, recall and F1 are printed per label. Two labels are measured the
other way round, because wbl flags their absence: a sentence flagged by a data rule should have
``has_data = 0``, and one flagged by a customer or voice rule should have ``customer_centric =
0``; for those only the precision of "flagged => label is 0" is reported. Every document of the
folder is then linted and its findings are counted per rule.

Nothing here changes the rules: the command only reads the corpus and reports.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from wbl.engine import Linter, LintOptions
from wbl.files import FileLinter
from wbl.findings import FileReport
from wbl.nlp import ModelError
from wbl.registry import RegistryError, SelectionError
from wbl.rule import Severity

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
SENTENCES_FILE = "sentences.tsv"
SKIPPED_DOCUMENTS = ("INDEX.md", "README.md")

# label -> rule categories whose findings predict it.
POSITIVE_LABELS: dict[str, tuple[str, ...]] = {
    "tech_first": ("tech-first",),
    "weasel": ("weasel",),
    "jargon": ("jargon", "acronym"),
    "passive": ("passive",),
}
# label -> categories whose findings predict that the label is 0 (wbl flags the absence).
NEGATIVE_LABELS: dict[str, tuple[str, ...]] = {
    "has_data": ("data",),
    "customer_centric": ("customer", "voice"),
}


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    doc_file: str
    text: str
    labels: dict[str, int]


@dataclass(slots=True)
class Score:
    """A confusion matrix with the usual figures; `examples` keep the misses for --show-errors."""

    label: str
    categories: tuple[str, ...]
    inverse: bool = False
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    false_positives: list[tuple[str, list[str]]] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    def add(self, predicted: bool, actual: bool, text: str, evidence: list[str]) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.false_positives.append((text, evidence))
        elif actual:
            self.fn += 1
            self.false_negatives.append(text)
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        positives = self.tp + self.fn
        return self.tp / positives if positives else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "label": self.label,
            "categories": list(self.categories),
            "measure": "flagged => label 0" if self.inverse else "flagged => label 1",
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": _round(self.precision),
        }
        if not self.inverse:
            result["recall"] = _round(self.recall)
            result["f1"] = _round(self.f1)
        return result


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


class CorpusError(Exception):
    """The corpus folder or its sentence file is missing or malformed."""


def load_sentences(path: Path) -> list[LabelledSentence]:
    """Rows of a labelled TSV (header row, no quoting); label columns are every column after `sentence`."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such file") from None
    if not rows or rows[0][:2] != ["doc_file", "sentence"]:
        raise CorpusError(f"{path}: expected a header row starting with 'doc_file<TAB>sentence'")
    header = rows[0]
    result = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise CorpusError(f"{path}:{number}: {len(row)} fields, expected {len(header)}")
        try:
            labels = {name: int(value) for name, value in zip(header[2:], row[2:], strict=True)}
        except ValueError:
            raise CorpusError(f"{path}:{number}: labels must be 0 or 1") from None
        result.append(LabelledSentence(row[0], row[1], labels))
    return result


def _counted(report: FileReport, min_severity: Severity) -> list[tuple[str, str, str]]:
    """(category, code, flagged text) of the findings at or above `min_severity`."""
    return [(f.category, f.rule, f.text) for f in report.findings if f.severity.rank >= min_severity.rank]


def evaluate_sentences(
    linter: Linter, sentences: Sequence[LabelledSentence], min_severity: Severity = Severity.INFO
) -> list[Score]:
    """Lint each sentence as a one-paragraph document and score every label present in the data."""
    present = set().union(*(s.labels for s in sentences)) if sentences else set()
    scores = [Score(label, cats) for label, cats in POSITIVE_LABELS.items() if label in present]
    scores += [Score(label, cats, inverse=True) for label, cats in NEGATIVE_LABELS.items() if label in present]
    for sentence in sentences:
        report = linter.lint_text(sentence.text + "\n", path=sentence.doc_file or "<sentence>")
        findings = _counted(report, min_severity)
        for score in scores:
            evidence = [f"{code} '{text}'" for category, code, text in findings if category in score.categories]
            predicted = bool(evidence)
            actual = bool(sentence.labels[score.label])
            if score.inverse:
                # Only the flagged sentences are scored: flagged and label 0 is right.
                if predicted:
                    score.add(True, not actual, sentence.text, evidence)
            else:
                score.add(predicted, actual, sentence.text, evidence)
    return scores


def lint_documents(linter: Linter, folder: Path) -> list[tuple[str, Counter[str], tuple[str, ...]]]:
    """(file name, findings per rule code, errors) for every Markdown document in `folder`."""
    result = []
    for path in sorted(folder.glob("*.md")):
        if path.name in SKIPPED_DOCUMENTS:
            continue
        report = FileLinter(linter).lint_file(path)
        result.append((path.name, Counter(f.rule for f in report.findings), report.errors))
    return result


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def render_text(
    scores: Iterable[Score],
    documents: Sequence[tuple[str, Counter[str], tuple[str, ...]]],
    total: int,
    show_errors: bool,
) -> str:
    lines = [f"Labelled sentences: {total} (each linted as a one-paragraph document)", ""]
    lines.append(
        f"{'label':<17} {'categories':<24} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}  {'P':>5} {'R':>5} {'F1':>5}"
    )
    for s in scores:
        categories = ",".join(s.categories) + (" (=> 0)" if s.inverse else "")
        recall = "" if s.inverse else _fmt(s.recall)
        f1 = "" if s.inverse else _fmt(s.f1)
        lines.append(
            f"{s.label:<17} {categories:<24} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.tn:>4}"
            f"  {_fmt(s.precision):>5} {recall:>5} {f1:>5}"
        )
    if show_errors:
        for s in scores:
            for text, evidence in s.false_positives:
                lines.append(f"FP {s.label}: {text}  [{'; '.join(evidence)}]")
            for text in s.false_negatives:
                lines.append(f"FN {s.label}: {text}")
    lines += ["", "Findings per document (count per rule):"]
    for name, counts, errors in documents:
        detail = ", ".join(f"{code} {n}" for code, n in sorted(counts.items())) or "none"
        lines.append(f"{name:<32} {sum(counts.values()):>4}  {detail}")
        lines.extend(f"{'':<32} error: {e}" for e in errors)
    return "\n".join(lines)


def to_json(
    scores: Iterable[Score], documents: Sequence[tuple[str, Counter[str], tuple[str, ...]]], total: int
) -> dict[str, Any]:
    return {
        "sentences": total,
        "labels": [s.to_dict() for s in scores],
        "documents": [
            {"file": name, "findings": sum(c.values()), "by_rule": dict(sorted(c.items())), "errors": list(e)}
            for name, c, e in documents
        ],
    }


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CORPUS,
    show_default=True,
    help="Folder with sentences.tsv and the PR/FAQ documents.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of tables.")
@click.option("--show-errors", is_flag=True, help="List the false positives and false negatives.")
@click.option(
    "--min-severity",
    type=click.Choice(["info", "warning", "error"]),
    default="info",
    show_default=True,
    help="Lowest finding severity that counts as a prediction.",
)
@click.option("--select", multiple=True, help="Rules to run (as for wbl check).")
@click.option("--no-documents", is_flag=True, help="Score the sentences only; do not lint the documents.")
def main(
    corpus: Path, as_json: bool, show_errors: bool, min_severity: str, select: tuple[str, ...], no_documents: bool
) -> None:
    """Score wbl's rules on a labelled corpus: precision, recall and F1 per label."""
    sentences_file = corpus / SENTENCES_FILE
    if not corpus.is_dir() or not sentences_file.is_file():
        click.echo(f"wbl.evaluate: error: no labelled corpus at {corpus} (expected {SENTENCES_FILE} there)", err=True)
        sys.exit(2)
    try:
        sentences = load_sentences(sentences_file)
    except CorpusError as exc:
        click.echo(f"wbl.evaluate: error: {exc}", err=True)
        sys.exit(2)
    selection = tuple(t.strip() for value in select for t in value.split(",") if t.strip())
    try:
        linter = Linter(LintOptions(select=selection))
        scores = evaluate_sentences(linter, sentences, Severity.parse(min_severity))
        documents = [] if no_documents else lint_documents(linter, corpus)
    except (SelectionError, RegistryError, ModelError) as exc:
        click.echo(f"wbl.evaluate: error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(to_json(scores, documents, len(sentences)), indent=2))
    else:
        click.echo(render_text(scores, documents, len(sentences), show_errors))


if __name__ == "__main__":
    main()
