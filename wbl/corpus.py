"""Labelled corpora for measuring wbl: documents with reviewer labels, part locations and sentences.

A corpus folder holds PR/FAQ documents (``NN-name.md``), an ``INDEX.md`` whose tables carry the
document labels (the dev corpus's columns: HL, DL, Prob, ..., Q, and optionally a ``kind``
column or a separate ``| file | kind |`` table), and optionally ``sentences.tsv`` (labelled
sentences) and ``parts.tsv`` (where each part is, by line). See ../shared/corpus/dev/INDEX.md
for the labelling guide. Nothing here is used when wbl lints: only `wbl.evaluate` and the
training scripts in ``training/`` read corpora.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# The document-label columns of the dev corpus's INDEX.md, after the file name.
LABEL_COLUMNS = ("words", "PR words", "HL", "DL", "Prob", "Data", "LQ", "CQ", "CTA", "xFAQ", "iFAQ", "TF", "Q")
# Column -> the anatomy part it judges.
PART_COLUMNS = {
    "HL": "headline",
    "DL": "dateline",
    "Prob": "problem",
    "LQ": "leader_quote",
    "CQ": "customer_quote",
    "CTA": "call_to_action",
    "xFAQ": "external_faq",
    "iFAQ": "internal_faq",
}
# The reviewer's quality scale, worst to best, as numbers (ties share a rank).
QUALITY = {
    "template": 0,
    "very weak": 1,
    "incomplete": 1,
    "weak": 2,
    "weak-mid": 3,
    "mid-weak": 4,
    "mid": 5,
    "mid-good": 6,
    "good": 7,
}
KINDS = ("prfaq", "press_release", "faq", "other")
# A corpus folder's optional table of each document's path in its own repository (file, path).
SOURCE_NAMES = "names.tsv"
_ROW = re.compile(r"^\|\s*([\w.-]+\.md)\s*\|(.*)\|\s*$")


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    """One document with whatever labels its corpus gives it."""

    path: Path
    corpus: str
    labels: dict[str, str] = field(default_factory=dict)  # column -> cell
    kind: str | None = None
    # The file's name in its own repository ("PRESS_RELEASE.md"), where the corpus records it
    # (`SOURCE_NAMES`): the name its author gave it, which wbl reads as a user would run it.
    source_name: str | None = None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def quality(self) -> float | None:
        return quality_value(self.labels["Q"]) if "Q" in self.labels else None

    def present(self, column: str, placeholder_present: bool = True) -> bool | None:
        """Whether the reviewer says the part of a label column is there (Y, p; ph by choice)."""
        cell = self.labels.get(column)
        return None if cell is None else cell_present(cell, placeholder_present)


def cell_present(cell: str, placeholder_present: bool = True) -> bool:
    """Y, p (partial) and anything descriptive are present; N is absent; ph is a placeholder."""
    value = cell.strip().lower()
    if value.startswith("ph"):
        return placeholder_present
    return not (value == "n" or value.startswith("n ") or value.startswith("n (") or value in ("-", "–", ""))


def quality_value(cell: str) -> float:
    """The quality scale as a number: 'mid-good' -> 6, 'weak/incomplete' -> 2."""
    value = cell.strip().lower()
    for name in sorted(QUALITY, key=len, reverse=True):
        if value.startswith(name):
            return float(QUALITY[name])
    raise ValueError(f"unknown quality {cell!r}")


def load_documents(folder: Path) -> list[LabelledDocument]:
    """The labelled documents of a corpus folder, in file-name order (only files that exist)."""
    index = folder / "INDEX.md"
    if not index.is_file():
        return []
    labels: dict[str, dict[str, str]] = {}
    kinds: dict[str, str] = {}
    header: list[str] = []
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and line.split("|")[1].strip().lower() == "file":
            header = [c.strip() for c in line.strip().strip("|").split("|")]
            continue
        match = _ROW.match(line)
        if not match:
            continue
        name, cells = match.group(1), [c.strip() for c in match.group(2).split("|")]
        columns = header[1:] if header and len(header) - 1 == len(cells) else []
        if len(cells) >= len(LABEL_COLUMNS) and columns[: len(LABEL_COLUMNS)] in ([], list(LABEL_COLUMNS)):
            labels[name] = dict(zip(LABEL_COLUMNS, cells, strict=False))
            if "kind" in columns:
                kinds[name] = cells[columns.index("kind")]
        elif header and "kind" in header:
            # Notes may hold a "|": take the first cell that is exactly a kind.
            found = [c.strip("`") for c in cells if c.strip("`") in KINDS]
            if found:
                kinds[name] = found[0]
    sources = _source_names(folder / SOURCE_NAMES)
    documents = []
    for name in sorted(set(labels) | set(kinds)):
        path = folder / name
        if path.is_file():
            documents.append(
                LabelledDocument(path, folder.name, labels.get(name, {}), kinds.get(name), sources.get(name))
            )
    return documents


def _source_names(table: Path) -> dict[str, str]:
    """file -> the last part of its path in its repository, from a `SOURCE_NAMES` table."""
    if not table.is_file():
        return {}
    with table.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        # A row without both cells names nothing: that document keeps the corpus's name.
        return {row["file"]: row["path"].rsplit("/", 1)[-1] for row in rows if row.get("file") and row.get("path")}


@dataclass(frozen=True, slots=True)
class PartLocation:
    """Where a part is in a document, by line (from a corpus's parts.tsv); `line` None: absent."""

    document: str
    part: str
    line: int | None
    end_line: int | None
    note: str = ""


def load_parts(path: Path) -> list[PartLocation]:
    """Rows of a parts.tsv: ``[corpus] doc_file part line end_line note`` (``-`` for an absent part)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    result = []
    for row in rows[1:]:
        if len(row) < len(header) - 1:
            continue
        cells = dict(zip(header, row, strict=False))
        line, end = cells.get("line", "-").strip(), cells.get("end_line", "-").strip()
        result.append(
            PartLocation(
                cells["doc_file"].strip(),
                cells["part"].strip(),
                int(line) if line.isdigit() else None,
                int(end) if end.isdigit() else None,
                cells.get("note", "").strip(),
            )
        )
    return result


def corpus_folders(shared: Path, extra: Sequence[Path] = ()) -> Iterator[Path]:
    """The labelled corpus folders: ``dev`` and ``dev2`` under `shared`, then any `extra` ones."""
    for name in ("dev", "dev2"):
        folder = shared / name
        if folder.is_dir():
            yield folder
    for folder in extra:
        if folder.is_dir():
            yield folder


__all__ = [
    "KINDS",
    "LABEL_COLUMNS",
    "PART_COLUMNS",
    "QUALITY",
    "LabelledDocument",
    "PartLocation",
    "cell_present",
    "corpus_folders",
    "load_documents",
    "load_parts",
    "quality_value",
]
