"""Labelled sentences for training: loading, grouping, the locked hold-out, cached parses and the
current rule pack's predictions.

Every labelled row is analysed the way ``python -m wbl.evaluate`` lints it: the sentence is one
Markdown paragraph, wbl builds its document, spaCy (en_core_web_sm with tagger, attribute_ruler,
lemmatizer and parser: the rules read no entities) parses each unit, and the units' sentences are what a rule (and the
shipped model, `wbl_rules.sentences`) sees. A row usually gives one sentence; when the parser
splits it, a label is predicted if any of its sentences is flagged, as in the evaluator.

Parses are cached on disk (``/tmp/wbl-sentences`` by default, override with WBL_SENTENCES_CACHE)
as spaCy DocBins keyed by the unit text and the pipeline version; the rule pack's predictions are
cached per text and a hash of the rule sources. Nothing here writes inside the repository.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LABELS = ("tech_first", "weasel", "jargon", "passive")
ALL_LABELS = ("tech_first", "customer_centric", "weasel", "jargon", "passive", "has_data")
# label -> rule categories whose findings predict it (as wbl.evaluate.POSITIVE_LABELS).
RULE_CATEGORIES = {
    "tech_first": ("tech-first",),
    "weasel": ("weasel",),
    "jargon": ("jargon", "acronym"),
    "passive": ("passive",),
}
FEATURES = ("sentences", "pos", "lemma", "dep")
CACHE = Path(os.environ.get("WBL_SENTENCES_CACHE", "/tmp/wbl-sentences"))
# Documents of the locked hold-out: one in four of the dev and dev2 documents, chosen by a hash of
# the group name, never inspected while writing rules, word lists or features (see REPORT.md).
HOLDOUT_MODULUS = 4


@dataclass
class Row:
    file: str  # the corpus file name relative label, e.g. "dev2/sentences.tsv"
    doc_file: str
    text: str
    labels: dict[str, int]
    sentences: list[Any] = field(default_factory=list, repr=False)  # wbl.document.Sentence, analysed
    rules: dict[str, list[str]] = field(default_factory=dict)  # label -> evidence from today's rules

    @property
    def group(self) -> str:
        return f"{self.file}::{self.doc_file}"

    @property
    def locked(self) -> bool:
        return is_locked(self.group)


# Only these files have a locked part: later batches were held out whole on their first use and
# their errors were read afterwards (see docs/architecture.md, "The sentence models").
LOCKABLE = ("dev/sentences.tsv", "dev2/sentences.tsv")


def is_locked(group: str) -> bool:
    if not group.startswith(tuple(f"{name}::" for name in LOCKABLE)):
        return False
    digest = hashlib.sha1(group.encode("utf-8")).hexdigest()
    return int(digest, 16) % HOLDOUT_MODULUS == 0


def corpus_name(path: Path) -> str:
    """'dev2/sentences.tsv' for /work/shared/corpus/dev2/sentences.tsv: stable across machines."""
    path = Path(path).resolve()
    return f"{path.parent.name}/{path.name}"


def load_rows(paths: list[Path]) -> list[Row]:
    rows: list[Row] = []
    for path in sorted({Path(p).resolve() for p in paths}):
        name = corpus_name(path)
        with path.open(encoding="utf-8", newline="") as handle:
            table = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        header = table[0]
        if header[:2] != ["doc_file", "sentence"]:
            raise SystemExit(f"{path}: expected a header starting with doc_file<TAB>sentence")
        for number, cells in enumerate(table[1:], start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise SystemExit(f"{path}:{number}: {len(cells)} fields, expected {len(header)}")
            labels = {h: int(v) for h, v in zip(header[2:], cells[2:], strict=True)}
            rows.append(Row(name, cells[0], cells[1], labels))
    return rows


def data_fingerprint(paths: list[Path]) -> list[dict[str, Any]]:
    """What the model was trained on: each file's corpus name, rows and SHA-256 (no text)."""
    result = []
    for path in sorted({Path(p).resolve() for p in paths}):
        data = path.read_bytes()
        rows = max(0, sum(1 for line in data.decode("utf-8").splitlines() if line.strip()) - 1)
        result.append({"file": corpus_name(path), "rows": rows, "sha256": hashlib.sha256(data).hexdigest()})
    return result


def _rules_hash() -> str:
    """A hash of wbl's and the rule pack's sources, options and models, so cached rule
    predictions follow edits."""
    import wbl_rules

    import wbl

    digest = hashlib.sha1()
    for root in (Path(wbl.__file__).parent, Path(wbl_rules.__file__).parent):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".toml", ".json") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def analyse(rows: list[Row], *, with_rules: bool = True, verbose: bool = True) -> None:
    """Attach spans (and the current rules' evidence) to each row, parsing each text once."""
    from spacy.tokens import DocBin

    from wbl.engine import Linter, build
    from wbl.nlp import load_pipeline

    pipeline = load_pipeline()
    CACHE.mkdir(parents=True, exist_ok=True)
    documents = {}
    unit_texts: list[str] = []
    for row in rows:
        if row.text not in documents:
            documents[row.text] = build(row.doc_file, row.text + "\n")
            unit_texts.extend(u.text for u in documents[row.text].units)
    unit_texts = sorted(set(unit_texts))
    key = hashlib.sha1(("\x00".join([pipeline.version, *FEATURES, *unit_texts])).encode("utf-8")).hexdigest()[:16]
    parse_file = CACHE / f"parses-{key}.spacy"
    vocab = pipeline.nlp.vocab
    if parse_file.exists():
        docs = list(DocBin().from_disk(parse_file).get_docs(vocab))
    else:
        if verbose:
            print(f"parsing {len(unit_texts)} texts with {pipeline.version} ...", flush=True)
        docs = pipeline.pipe(unit_texts, FEATURES)
        bin_ = DocBin(
            attrs=[
                "ORTH",
                "TAG",
                "HEAD",
                "DEP",
                "ENT_IOB",
                "ENT_TYPE",
                "LEMMA",
                "MORPH",
                "POS",
                "SENT_START",
                "SPACY",
                "NORM",
            ],
            store_user_data=False,
        )
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(parse_file)
    by_text = dict(zip(unit_texts, docs, strict=True))
    analysed = {t: d.with_analysis([by_text[u.text] for u in d.units]) for t, d in documents.items()}
    for row in rows:
        row.sentences = [s for u in analysed[row.text].units for s in u.sentences if s.span is not None]
    if not with_rules:
        return
    rule_file = CACHE / f"rules-{_rules_hash()}-{key}.json"
    if rule_file.exists():
        predictions = json.loads(rule_file.read_text(encoding="utf-8"))
    else:
        if verbose:
            print("running today's rule pack on every sentence ...", flush=True)
        linter = Linter()
        linter.doc_cache = dict(by_text)
        predictions = {}
        for text in sorted(documents):
            report = linter.lint_text(text + "\n", path="<sentence>")
            predictions[text] = [[f.category, f.rule, f.text] for f in report.findings]
        rule_file.write_text(json.dumps(predictions, sort_keys=True), encoding="utf-8")
    for row in rows:
        found = predictions[row.text]
        row.rules = {
            label: [f"{code} '{text}'" for category, code, text in found if category in cats]
            for label, cats in RULE_CATEGORIES.items()
        }
