"""Measure wbl against labelled corpora: ``python -m wbl.evaluate [--corpus DIR ...] [--cv K]``.

The corpus folder holds ``sentences.tsv`` (real sentences with 0/1 labels, one per row) and
PR/FAQ documents (``*.md``). Each labelled sentence is linted as a one-paragraph document through
the real engine, and a label counts as predicted when a rule of the mapped categories finds
something in it. Precision, recall and F1 are printed per label. Two labels are measured the
other way round, because wbl flags their absence: a sentence flagged by a data rule should have
``has_data = 0``, and one flagged by a customer or voice rule should have ``customer_centric =
0``; for those only the precision of "flagged => label is 0" is reported. Every document of the
folder is then linted: its parts are set beside the reviewer's part labels (part agreement), and
its score beside the reviewer's quality grade (Spearman's rank correlation, next to plain word
count's). The labelled sentences are scored a second time in their documents, by the findings
of the whole document (what a user of `wbl check` sees: the document's kind, its parts and rules
that report a term once all count). `--cv K` adds cross-validated figures of every learned
component (folds by document), fitted by the repository's training scripts.

Nothing here changes the rules: the command only reads the corpus and reports.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import click

from wbl.corpus import PART_COLUMNS, load_documents
from wbl.engine import Linter, LintOptions
from wbl.files import FileLinter
from wbl.findings import FileReport
from wbl.nlp import ModelError
from wbl.registry import RegistryError, SelectionError
from wbl.rule import Severity
from wbl.source import InputError, decode

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


def _counted(
    report: FileReport, min_severity: Severity, categories: Mapping[str, str] = MappingProxyType({})
) -> list[tuple[str, str, str, int]]:
    """(category, code, flagged text, offset) of the findings at or above `min_severity`, and of
    the reasons folded into them (`categories`: rule code -> category): a technology-first finding
    that says "also: WB402 'leverages' is a buzzword" flags the sentence's jargon too."""
    counted = []
    for f in report.findings:
        if f.severity.rank < min_severity.rank:
            continue
        counted.append((f.category, f.rule, f.text, f.start))
        for folded in f.also:
            category = categories.get(folded.rule)
            if category is not None and category != f.category:
                counted.append((category, folded.rule, f.text, f.start))
    return counted


def rule_categories(linter: Linter) -> dict[str, str]:
    """Each registered rule's category, by code."""
    return {rule.code: rule.category for rule in linter.registry.rules}


def _scores(sentences: Sequence[LabelledSentence]) -> list[Score]:
    """An empty score for every label present in the data."""
    present = set().union(*(s.labels for s in sentences)) if sentences else set()
    scores = [Score(label, cats) for label, cats in POSITIVE_LABELS.items() if label in present]
    return scores + [Score(label, cats, inverse=True) for label, cats in NEGATIVE_LABELS.items() if label in present]


def _score_sentence(
    scores: Sequence[Score], sentence: LabelledSentence, findings: Iterable[tuple[str, str, str, int]]
) -> None:
    """Add one sentence, flagged by `findings` (those of it alone, or those inside it in its document)."""
    findings = list(findings)
    for score in scores:
        evidence = [f"{code} '{text}'" for category, code, text, _ in findings if category in score.categories]
        predicted = bool(evidence)
        actual = bool(sentence.labels[score.label])
        if score.inverse:
            # Only the flagged sentences are scored: flagged and label 0 is right.
            if predicted:
                score.add(True, not actual, sentence.text, evidence)
        else:
            score.add(predicted, actual, sentence.text, evidence)


def evaluate_sentences(
    linter: Linter, sentences: Sequence[LabelledSentence], min_severity: Severity = Severity.INFO
) -> list[Score]:
    """Lint each sentence as a one-paragraph document and score every label present in the data."""
    scores = _scores(sentences)
    categories = rule_categories(linter)
    for sentence in sentences:
        report = linter.lint_text(sentence.text + "\n", path=sentence.doc_file or "<sentence>")
        _score_sentence(scores, sentence, _counted(report, min_severity, categories))
    return scores


# Markdown marks a labelled sentence loses when it is taken from its rendered document.
_MARKUP = frozenset("*_`#>[]")


def _plain(text: str) -> tuple[str, list[int]]:
    """`text` without Markdown marks, each run of white space one space, and the offset in `text`
    of every character kept."""
    kept: list[str] = []
    offsets: list[int] = []
    after_space = True
    for offset, char in enumerate(text):
        if char in _MARKUP:
            continue
        if char.isspace():
            if after_space:
                continue
            char, after_space = " ", True
        else:
            after_space = False
        kept.append(char)
        offsets.append(offset)
    return "".join(kept), offsets


def locate(text: str, sentences: Sequence[str]) -> list[tuple[int, int] | None]:
    """Where each sentence is in a document's source, as (start, end) offsets, or None when it is
    not there (a sentence cleaned by hand, a document changed since it was labelled)."""
    plain, offsets = _plain(text)
    spans: list[tuple[int, int] | None] = []
    for sentence in sentences:
        wanted = _plain(sentence)[0].strip()
        at = plain.find(wanted) if wanted else -1
        spans.append(None if at < 0 else (offsets[at], offsets[at + len(wanted) - 1] + 1))
    return spans


@dataclass(slots=True)
class InContext:
    """The labelled sentences scored by the findings of their whole document (what a user sees):
    a sentence is flagged when a counted finding starts inside it."""

    scores: list[Score]
    categories: Mapping[str, str] = field(default_factory=dict)  # rule code -> category
    located: int = 0
    missing: int = 0

    def add(self, text: str, report: FileReport, sentences: Sequence[LabelledSentence], min_severity: Severity) -> None:
        findings = _counted(report, min_severity, self.categories)
        for sentence, span in zip(sentences, locate(text, [s.text for s in sentences]), strict=True):
            if span is None:
                self.missing += 1
                continue
            self.located += 1
            _score_sentence(self.scores, sentence, (f for f in findings if span[0] <= f[3] < span[1]))

    def to_dict(self) -> dict[str, Any]:
        return {"located": self.located, "missing": self.missing, "labels": [s.to_dict() for s in self.scores]}


@dataclass(slots=True)
class DocumentResult:
    """One labelled document: what wbl made of it, beside the reviewer's labels."""

    name: str
    corpus: str
    kind: str | None
    score: float | None
    words: int
    quality: float | None
    parts: dict[str, tuple[bool, bool]]  # part -> (reviewer says present, wbl found it)
    findings: Counter[str]
    errors: tuple[str, ...]


def evaluate_documents(
    linter: Linter,
    folder: Path,
    context: InContext | None = None,
    sentences: Sequence[LabelledSentence] = (),
    min_severity: Severity = Severity.INFO,
    source_names: bool = False,
) -> list[DocumentResult]:
    """Lint every labelled document of a corpus folder and set its parts beside the labels
    (Y, p and ph count as present, N as absent; see `wbl.corpus.cell_present`). With `context`,
    the folder's labelled `sentences` are scored there by the findings of their document. With
    `source_names`, a document is linted under its name in its own repository where the corpus
    records it (`wbl.corpus.SOURCE_NAMES`), as its author would run wbl on it."""
    by_document: dict[str, list[LabelledSentence]] = {}
    for sentence in sentences:
        by_document.setdefault(sentence.doc_file, []).append(sentence)
    results = []
    for doc in load_documents(folder):
        if source_names and doc.source_name:
            # Linted under the name its author gave it, as a path beside the corpus's copy:
            # "PRESS_RELEASE.md" tells wbl what the file is.
            report = FileLinter(linter).lint_bytes(doc.path.read_bytes(), str(doc.path.with_name(doc.source_name)))
        else:
            report = FileLinter(linter).lint_file(doc.path)
        labelled = by_document.get(doc.name, [])
        if context is not None and labelled:
            try:
                context.add(decode(doc.path.read_bytes()), report, labelled, min_severity)
            except (OSError, InputError):
                context.missing += len(labelled)
        card = report.scorecard or {}
        parts = {}
        for column, part in PART_COLUMNS.items():
            expected = doc.present(column)
            if expected is not None and part in card:
                parts[part] = (expected, bool(card[part].get("present")))
        results.append(
            DocumentResult(
                doc.name,
                folder.name,
                report.kind,
                float(report.score["score"]) if report.score else None,
                int(report.metrics.get("words", 0)),
                doc.quality,
                parts,
                Counter(f.rule for f in report.findings),
                report.errors,
            )
        )
    return results


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rank correlation (average ranks for ties), without SciPy."""
    if len(xs) < 3:
        return None

    def ranks(values: Sequence[float]) -> list[float]:
        order = sorted(range(len(values)), key=lambda i: values[i])
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return result

    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    return None if not sx or not sy else cov / (sx * sy)


def document_summary(results: Sequence[DocumentResult]) -> dict[str, Any]:
    """Part agreement (overall and per part), and the Spearman correlation with the reviewer's
    quality grade of wbl's score and of plain word count."""
    per_part: dict[str, list[int]] = {}
    for r in results:
        for part, (expected, found) in r.parts.items():
            tally = per_part.setdefault(part, [0, 0])
            tally[0] += expected == found
            tally[1] += 1
    agree = sum(a for a, _ in per_part.values())
    total = sum(t for _, t in per_part.values())
    graded = [r for r in results if r.quality is not None]
    scored = [r for r in graded if r.score is not None]
    return {
        "documents": len(results),
        "part_agreement": round(agree / total, 3) if total else None,
        "parts": {p: {"agree": a, "total": t, "rate": round(a / t, 3)} for p, (a, t) in per_part.items()},
        "spearman_score": _round(spearman([r.score for r in scored], [r.quality for r in scored])) if scored else None,
        "scored_documents": len(scored),
        "spearman_words": _round(spearman([float(r.words) for r in graded], [r.quality for r in graded]))
        if graded
        else None,
        "kinds": dict(Counter(r.kind or "?" for r in results)),
    }


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def _score_table(scores: Iterable[Score]) -> list[str]:
    lines = [f"{'label':<17} {'categories':<24} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}  {'P':>5} {'R':>5} {'F1':>5}"]
    for s in scores:
        categories = ",".join(s.categories) + (" (=> 0)" if s.inverse else "")
        recall = "" if s.inverse else _fmt(s.recall)
        f1 = "" if s.inverse else _fmt(s.f1)
        lines.append(
            f"{s.label:<17} {categories:<24} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.tn:>4}"
            f"  {_fmt(s.precision):>5} {recall:>5} {f1:>5}"
        )
    return lines


def _errors(scores: Iterable[Score], where: str) -> list[str]:
    lines = []
    for s in scores:
        lines += [f"FP{where} {s.label}: {text}  [{'; '.join(evidence)}]" for text, evidence in s.false_positives]
        lines += [f"FN{where} {s.label}: {text}" for text in s.false_negatives]
    return lines


def render_text(
    scores: Iterable[Score],
    documents: Sequence[DocumentResult],
    total: int,
    show_errors: bool,
    context: InContext | None = None,
) -> str:
    lines = [f"Labelled sentences: {total} (each linted as a one-paragraph document)", ""]
    lines += _score_table(scores)
    if context is not None and context.located + context.missing:
        lines += [
            "",
            f"The same sentences in their documents (each document linted whole, as a user sees it): "
            f"{context.located} found in the source, {context.missing} not found",
            *_score_table(context.scores),
        ]
    if show_errors:
        lines += _errors(scores, "")
        if context is not None:
            lines += _errors(context.scores, " in context")
    if documents:
        summary = document_summary(documents)
        lines += ["", f"Documents: {summary['documents']} (kinds: {summary['kinds']})"]
        lines.append(f"Part agreement with the reviewer: {_fmt(summary['part_agreement'])}")
        for part, figures in summary["parts"].items():
            lines.append(f"  {part:<16} {figures['agree']:>3}/{figures['total']:<3} {figures['rate']:.2f}")
        lines.append(
            f"Spearman with the reviewer's quality grade: score {_fmt(summary['spearman_score'])} "
            f"({summary['scored_documents']} scored documents), word count {_fmt(summary['spearman_words'])}"
        )
        lines += ["", "Per document: corpus/file, kind, score, grade, parts wrong, findings per rule"]
        for r in documents:
            wrong = [p for p, (e, f) in r.parts.items() if e != f]
            detail = ", ".join(f"{code} {n}" for code, n in sorted(r.findings.items())) or "none"
            score = "-" if r.score is None else f"{r.score:.0f}"
            grade = "-" if r.quality is None else f"{r.quality:.0f}"
            lines.append(f"{r.corpus}/{r.name:<34} {r.kind or '?':<13} {score:>3} {grade:>2}  {','.join(wrong) or '-'}")
            lines.append(f"{'':<8}{detail}")
            lines.extend(f"{'':<8}error: {e}" for e in r.errors)
    return "\n".join(lines)


def to_json(
    scores: Iterable[Score], documents: Sequence[DocumentResult], total: int, context: InContext | None = None
) -> dict[str, Any]:
    return {
        "sentences": total,
        "labels": [s.to_dict() for s in scores],
        "in_context": context.to_dict() if context is not None and context.located + context.missing else None,
        "documents": document_summary(documents) if documents else None,
        "per_document": [
            {
                "file": f"{r.corpus}/{r.name}",
                "kind": r.kind,
                "score": r.score,
                "grade": r.quality,
                "words": r.words,
                "parts_wrong": [p for p, (e, f) in r.parts.items() if e != f],
                "findings": sum(r.findings.values()),
                "by_rule": dict(sorted(r.findings.items())),
                "errors": list(r.errors),
            }
            for r in documents
        ],
    }


def default_corpora() -> list[Path]:
    """dev and dev2 beside the checkout, when present."""
    return [DEFAULT_CORPUS.parent / name for name in ("dev", "dev2") if (DEFAULT_CORPUS.parent / name).is_dir()]


def cross_validate(folds: int, corpora: Sequence[Path], parts: Path | None = None) -> int:
    """Cross-validated figures (folds by document) of every learned component, next to the
    in-sample ones: the training scripts of the repository checkout do the fitting (they need
    scikit-learn, which linting never does). `parts` is a parts.tsv (with a `corpus` column) for
    corpora that hold no part locations of their own, as dev and dev2 do not."""
    root = Path(__file__).resolve().parent.parent / "training"
    if not root.is_dir():
        click.echo("wbl.evaluate: error: --cv needs a checkout of wbl's repository (its training/ folder)", err=True)
        return 2
    try:
        import sklearn  # noqa: F401
    except ImportError:
        click.echo("wbl.evaluate: error: --cv needs scikit-learn (pip install scikit-learn)", err=True)
        return 2
    import subprocess

    shared = DEFAULT_CORPUS.parent
    extra = [str(c) for c in corpora if c.parent != shared]
    sentences = [str(c / SENTENCES_FILE) for c in corpora if (c / SENTENCES_FILE).is_file()]
    runs = [
        ["sentences/train.py", "--data", *sentences, "--folds", str(folds), "--repeats", "1"],
        ["kind.py", "--folds", str(folds), "--corpus", *extra],
        ["parts.py", "--folds", str(folds), "--corpus", *extra, *(["--parts", str(parts)] if parts else [])],
        ["score.py", "--folds", str(folds), "--corpus", *extra],
    ]
    status = 0
    for script, *arguments in runs:
        click.echo(f"== training/{script} (cross-validation, {folds} folds by document)")
        done = subprocess.run([sys.executable, str(root / script), *arguments], check=False)
        status = max(status, done.returncode)
    return status


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpus",
    "corpora",
    type=click.Path(path_type=Path, file_okay=False),
    multiple=True,
    help="A labelled corpus folder (sentences.tsv, documents and their INDEX.md); repeat for more. "
    "Default: ../shared/corpus/dev and dev2 beside the checkout.",
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
@click.option(
    "--cv",
    "folds",
    type=click.IntRange(min=2),
    default=None,
    help="Also cross-validate every learned component with K folds by document (needs the repository's "
    "training/ scripts and scikit-learn).",
)
@click.option(
    "--source-names",
    is_flag=True,
    help="Lint each document under its file name in its own repository (PRESS_RELEASE.md, PRFAQ.md), "
    "where the corpus folder records it in names.tsv, as its author would run wbl; by default under the "
    "corpus's own file names, which say nothing of the genre.",
)
@click.option(
    "--parts",
    "parts_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="With --cv: part locations (a parts.tsv with a corpus column) for corpora that have none, such as "
    "dev and dev2, so that the problem model's cross-validation includes them.",
)
def main(
    corpora: tuple[Path, ...],
    as_json: bool,
    show_errors: bool,
    min_severity: str,
    select: tuple[str, ...],
    no_documents: bool,
    folds: int | None,
    source_names: bool,
    parts_file: Path | None,
) -> None:
    """Score wbl on labelled corpora: sentence labels (precision, recall, F1), PR/FAQ parts
    (agreement with the reviewer) and the document score (Spearman with the reviewer's grade)."""
    folders = list(corpora) or default_corpora()
    if not folders:
        click.echo(f"wbl.evaluate: error: no labelled corpus at {DEFAULT_CORPUS.parent} (give --corpus DIR)", err=True)
        sys.exit(2)
    sentences: list[LabelledSentence] = []
    by_folder: dict[Path, list[LabelledSentence]] = {}
    for folder in folders:
        if not folder.is_dir():
            message = f"no labelled corpus at {folder} (expected {SENTENCES_FILE} and INDEX.md there)"
            click.echo(f"wbl.evaluate: error: {message}", err=True)
            sys.exit(2)
        try:
            if (folder / SENTENCES_FILE).is_file():
                by_folder[folder] = load_sentences(folder / SENTENCES_FILE)
                sentences.extend(by_folder[folder])
        except CorpusError as exc:
            click.echo(f"wbl.evaluate: error: {exc}", err=True)
            sys.exit(2)
    selection = tuple(t.strip() for value in select for t in value.split(",") if t.strip())
    try:
        # A labelled sentence is linted alone, as a fragment said to be one: its findings keep the
        # severities they have in a PR/FAQ (a fragment wbl finds by itself gets hints only).
        sentence_linter = Linter(LintOptions(select=selection, kind="fragment"))
        threshold = Severity.parse(min_severity)
        scores = evaluate_sentences(sentence_linter, sentences, threshold)
        linter = Linter(LintOptions(select=selection))
        context = None if no_documents else InContext(_scores(sentences), rule_categories(linter))
        documents = [
            result
            for folder in ([] if no_documents else folders)
            for result in evaluate_documents(
                linter, folder, context, by_folder.get(folder, ()), threshold, source_names
            )
        ]
    except (SelectionError, RegistryError, ModelError) as exc:
        click.echo(f"wbl.evaluate: error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(to_json(scores, documents, len(sentences), context), indent=2))
    else:
        click.echo(render_text(scores, documents, len(sentences), show_errors, context))
    if folds is not None:
        sys.exit(cross_validate(folds, folders, parts_file))


if __name__ == "__main__":
    main()
