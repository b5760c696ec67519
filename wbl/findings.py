"""What a lint produces: positioned findings, one report per file, one per run, and the exit code.

These are the wire types every other layer exchanges: the engine makes them, the project layer
caches them and sends them between processes, reporters print them. They have one serialisation
(`to_dict`, with `Finding.to_row` as the compact form the result cache stores) and one exit-code
policy (`exit_code`), which the CLI, `Report.exit_code` and `wbl.project.Project` all use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from wbl.rule import Applicability, Edit, Fix, Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)
# The file `wbl baseline` writes by default (see `wbl.baseline`; named here so that the command
# line names it without importing that module).
DEFAULT_BASELINE = "wbl-baseline.json"

_SEVERITIES = {s.value: s for s in Severity}
# The severities at or above each one (`exit_code`).
_AT_OR_ABOVE = {s: tuple(t for t in Severity if t.rank >= s.rank) for s in Severity}
_ROW_FIELDS = 14  # a row without folded findings; a 15th field lists them (see `Finding.to_row`)


@dataclass(frozen=True, slots=True)
class Folded:
    """A finding of a superseded rule that reported the same gap: kept as a reason of the finding
    that superseded it (see `wbl.relations`)."""

    rule: str
    name: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "name": self.name, "message": self.message}


@dataclass(frozen=True, slots=True)
class Finding:
    """One positioned finding. Lines and columns are 1-based; the end is exclusive."""

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int  # code-point offsets into the file's text (after a BOM)
    end: int
    text: str
    suggestion: str | None = None
    also: tuple[Folded, ...] = ()  # findings of superseded rules folded into this one
    fix: Fix | None = None  # edits of the file's text that resolve it (see `wbl.fixes`)

    @property
    def full_message(self) -> str:
        """The message with the reasons of folded findings: "... (also: WB211 ...)"."""
        if not self.also:
            return self.message
        return f"{self.message} (also: {'; '.join(f'{f.rule} {f.message}' for f in self.also)})"

    def to_dict(self) -> dict[str, Any]:
        data = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.start,
            "end_offset": self.end,
            "text": self.text,
            "suggestion": self.suggestion,
            "fix": fix_to_dict(self.fix) if self.fix is not None else None,
        }
        if self.also:
            data["also"] = [f.to_dict() for f in self.also]
        return data

    def to_row(self) -> list[Any]:
        """A compact `to_dict` without the path: the form stored in the result cache."""
        row = [
            self.rule,
            self.name,
            self.category,
            self.severity.value,
            self.message,
            self.line,
            self.column,
            self.end_line,
            self.end_column,
            self.start,
            self.end,
            self.text,
            self.suggestion,
            _fix_row(self.fix),
        ]
        if self.also:
            row.append([[f.rule, f.name, f.message] for f in self.also])
        return row

    @classmethod
    def from_row(cls, row: Sequence[Any], path: str) -> Finding:
        """The inverse of `to_row` (a cached run builds thousands of these: see `_Filling`)."""
        size = len(row)
        if size != _ROW_FIELDS and size != _ROW_FIELDS + 1:
            raise ValueError(f"a finding row has {_ROW_FIELDS} or {_ROW_FIELDS + 1} fields, not {size}")
        if cls is not Finding:  # a subclass may add slots: set each field through its descriptor
            finding = _new(cls)
            for setter, value in zip(_FINDING_SETTERS, _row_values(row, path), strict=True):
                setter(finding, value)
            return finding
        filling = _Filling()
        filling.rule = row[0]
        filling.name = row[1]
        filling.category = row[2]
        filling.severity = _SEVERITIES[row[3]]
        filling.message = row[4]
        filling.path = path
        filling.line = row[5]
        filling.column = row[6]
        filling.end_line = row[7]
        filling.end_column = row[8]
        filling.start = row[9]
        filling.end = row[10]
        filling.text = row[11]
        filling.suggestion = row[12]
        filling.also = tuple([Folded(*entry) for entry in row[14]]) if size > _ROW_FIELDS else ()
        filling.fix = None if row[13] is None else _row_fix(row[13])
        filling.__class__ = Finding  # type: ignore[assignment]
        return filling  # type: ignore[return-value]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str) -> Finding:
        """The inverse of `to_dict`."""
        return cls(
            data["rule"],
            data["name"],
            data["category"],
            Severity(data["severity"]),
            data["message"],
            path,
            data["line"],
            data["column"],
            data["end_line"],
            data["end_column"],
            data["offset"],
            data["end_offset"],
            data["text"],
            data.get("suggestion"),
            tuple(Folded(f["rule"], f["name"], f["message"]) for f in data.get("also", ())),
            fix_from_dict(data["fix"]) if data.get("fix") else None,
        )


def fix_to_dict(fix: Fix) -> dict[str, Any]:
    """A fix as JSON: its message, applicability and edits (code-point offsets into the file's text)."""
    return {
        "message": fix.message,
        "applicability": fix.applicability.value,
        "edits": [{"offset": e.start, "end_offset": e.end, "content": e.content} for e in fix.edits],
    }


def fix_from_dict(data: Mapping[str, Any]) -> Fix:
    """The inverse of `fix_to_dict`."""
    edits = tuple(Edit(e["offset"], e["end_offset"], e["content"]) for e in data["edits"])
    return Fix(data["message"], edits, Applicability(data["applicability"]))


def _fix_row(fix: Fix | None) -> list[Any] | None:
    if fix is None:
        return None
    return [fix.message, fix.applicability.value, [[e.start, e.end, e.content] for e in fix.edits]]


def _row_fix(row: Sequence[Any] | None) -> Fix | None:
    if row is None:
        return None
    message, applicability, edits = row
    # Made as `Finding.from_row` makes findings (see `_Filling`): a cached run makes thousands.
    fix = _FixFilling()
    fix.message = message
    fix.edits = tuple([_row_edit(edit) for edit in edits])
    fix.applicability = _APPLICABILITIES[applicability]
    fix.__class__ = Fix  # type: ignore[assignment]
    return fix  # type: ignore[return-value]


def _row_edit(row: Sequence[Any]) -> Edit:
    if len(row) != 3:
        return Edit(*row)
    edit = _EditFilling()
    edit.start, edit.end, edit.content = row
    edit.__class__ = Edit  # type: ignore[assignment]
    return edit  # type: ignore[return-value]


def _row_values(row: Sequence[Any], path: str) -> list[Any]:
    """A row's field values in the order of Finding's fields."""
    return [
        *row[:3],
        _SEVERITIES[row[3]],
        row[4],
        path,
        *row[5:13],
        tuple(Folded(*entry) for entry in row[14]) if len(row) > _ROW_FIELDS else (),
        _row_fix(row[13]),
    ]


class _Filling:
    """Finding's slots without its frozen ``__setattr__``. `Finding.from_row` fills one with plain
    attribute stores and then makes it the Finding it is by assigning ``__class__`` (same slots,
    same layout): a frozen dataclass's fields can otherwise only be set by calling each slot's
    descriptor, a call that allocates an argument tuple, 16 times per finding (about a third of
    a cached run's cost of building its findings)."""

    __slots__ = tuple(f.name for f in fields(Finding))


class _FixFilling:
    __slots__ = tuple(f.name for f in fields(Fix))


class _EditFilling:
    __slots__ = tuple(f.name for f in fields(Edit))


_APPLICABILITIES = {a.value: a for a in Applicability}
_new = object.__new__
# The slot of each field of a Finding, in the order of its fields (see `Finding.from_row`).
_FINDING_SETTERS = tuple(getattr(Finding, f.name).__set__ for f in fields(Finding))


@dataclass(frozen=True, slots=True)
class FileReport:
    """The result for one file: findings, metrics, and errors (input or internal)."""

    path: str
    findings: tuple[Finding, ...] = ()
    metrics: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    errors: tuple[str, ...] = ()
    # The linted text (after a BOM), for reporters that quote source lines; not part of to_dict().
    source_text: str | None = field(default=None, repr=False, compare=False)
    # The PR/FAQ parts found: {part: {"present": bool, "line": int | None, ...}} (see wbl.anatomy).
    scorecard: Mapping[str, Any] | None = None
    # What the document was taken for (prfaq, press_release, faq, fragment, other; see wbl.anatomy)
    # and, for a PR/FAQ, its score: {"score": 0-100, "baseline": ..., "components": {...}}.
    kind: str | None = None
    score: Mapping[str, Any] | None = None
    # Whether the findings were lowered to hints (info) because wbl is not sure the document is
    # PR/FAQ text (a fragment, or a document the kind model only leans towards).
    hints_only: bool = False

    @property
    def error(self) -> str | None:
        return "; ".join(self.errors) if self.errors else None

    def to_dict(self, compact: bool = False) -> dict[str, Any]:
        """The JSON form; `compact` stores findings as `Finding.to_row` lists (cache, workers)."""
        return {
            "path": self.path,
            "error": self.error,
            "metrics": dict(self.metrics),
            "findings": [f.to_row() if compact else f.to_dict() for f in self.findings],
            "kind": self.kind,
            "hints_only": self.hints_only,
            "score": _plain(self.score) if self.score is not None else None,
            "scorecard": {k: dict(v) for k, v in self.scorecard.items()} if self.scorecard is not None else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str | None = None, source_text: str | None = None) -> FileReport:
        """The inverse of `to_dict`, optionally under another path (same content, other file)."""
        name = path if path is not None else data["path"]
        error = data.get("error")
        card = data.get("scorecard")
        from_row, from_dict = Finding.from_row, Finding.from_dict
        return cls(
            name,
            tuple([from_row(f, name) if type(f) is list else from_dict(f, name) for f in data.get("findings", ())]),
            MappingProxyType(dict(data.get("metrics", {}))),
            tuple(data.get("errors", [error] if error else [])),
            source_text=source_text,
            scorecard=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in card.items()}) if card else None,
            kind=data.get("kind"),
            score=MappingProxyType(dict(data["score"])) if data.get("score") else None,
            hints_only=bool(data.get("hints_only", False)),
        )


def _plain(value: Any) -> Any:
    """Read-only mappings as plain dictionaries, recursively (for JSON)."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


def exit_code(file_report: FileReport, fail_on: Severity | str = Severity.WARNING) -> int:
    """The exit-code policy: 2 when the file could not be linted (or a rule failed on it), 1 when
    it has a finding at or above `fail_on`, else 0. A run exits with the highest of its files."""
    if file_report.errors:
        return EXIT_ERROR
    failing = _AT_OR_ABOVE[Severity.parse(fail_on)]
    return EXIT_FINDINGS if any(f.severity in failing for f in file_report.findings) else EXIT_CLEAN


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one run over many files."""

    files: tuple[FileReport, ...]
    notices: tuple[str, ...] = ()

    @property
    def findings(self) -> list[Finding]:
        return [f for report in self.files for f in report.findings]

    @property
    def has_errors(self) -> bool:
        return any(r.errors for r in self.files)

    def exit_code(self, fail_on: Severity | str = Severity.WARNING) -> int:
        """0 clean, 1 findings at or above `fail_on`, 2 input or internal errors (see `exit_code`)."""
        return run_exit_code(self.files, lambda _: fail_on)

    def to_dict(self) -> dict[str, Any]:
        return {"files": [r.to_dict() for r in self.files], "notices": list(self.notices)}


def run_exit_code(files: Iterable[FileReport], fail_on: Callable[[FileReport], Severity | str]) -> int:
    """The exit code of a run: the highest of its files', each with its own `fail_on(file)`."""
    return max((exit_code(f, fail_on(f)) for f in files), default=EXIT_CLEAN)


__all__ = [
    "EXIT_CLEAN",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "FileReport",
    "Finding",
    "Folded",
    "Report",
    "exit_code",
    "fix_from_dict",
    "fix_to_dict",
    "run_exit_code",
]
