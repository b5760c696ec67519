"""What a lint produces: positioned findings, one report per file, one per run, and the exit code.

These are the wire types every other layer exchanges: the engine makes them, the project layer
caches them and sends them between processes, reporters print them. They have one serialisation
(`to_dict`, whose compact form, `FileReport.to_dict(compact=True)`, is what the result cache stores
and worker processes send) and one exit-code
policy (`exit_code`), which the CLI, `Report.exit_code` and `wbl.project.Project` all use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from wbl.rule import Applicability, Edit, Fix, Severity

# The document kinds wbl judges as PR/FAQ text (`wbl.anatomy.PRFAQ_KINDS`): only they have a
# score and a scorecard in the JSON output; other Markdown and fragments are not judged.
JUDGED_KINDS = ("prfaq", "press_release", "faq")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)
# The file `wbl baseline` writes by default (see `wbl.baseline`; named here so that the command
# line names it without importing that module).
DEFAULT_BASELINE = "wbl-baseline.json"

_SEVERITIES = {s.value: s for s in Severity}
# The severities at or above each one (`exit_code`).
_AT_OR_ABOVE = {s: tuple(t for t in Severity if t.rank >= s.rank) for s in Severity}


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


# --- the compact form ----------------------------------------------------------------------------
# A cached run rebuilds thousands of findings from it (a tenth of such a run went to decoding the
# JSON and as much to rebuilding), so it stores each repeated string once, leaves out what the
# file's text gives, and makes no JSON array per finding: a report's findings are a table
#
#     {"heads": [[rule, name, category, severity], ...], "strings": [message, ...],
#      "rows": [head, message, line, column, end_line, end_column, start, end, text, suggestion, fix,
#               head, message, ...],
#      "also": [[row, rule, name, message], ...]}
#
# "rows" holds `_ROW_FIELDS` values per finding: `head` indexes "heads", the messages (of findings,
# fixes and folded findings) index "strings", `text` is null when it is the file's text between
# `start` and `end`, and `fix` is null or [message, applicability, [[start, end, content], ...]].
# "also" lists the findings of superseded rules folded into the finding of row number `row`.
# The generated corpus's 100 documents have 7,161 findings but 532 distinct messages.
_ROW_FIELDS = 11


def _finding_table(findings: Sequence[Finding], source_text: str | None) -> dict[str, Any]:
    """The compact form of a report's findings (see above); `source_text` is the linted text."""
    heads: dict[tuple[str, str, str, str], int] = {}
    strings: dict[str, int] = {}
    rows: list[Any] = []
    also = []
    for number, f in enumerate(findings):
        text: str | None = f.text
        if source_text is not None and source_text[f.start : f.end] == text:
            text = None
        fix = f.fix
        rows += (
            heads.setdefault((f.rule, f.name, f.category, f.severity.value), len(heads)),
            strings.setdefault(f.message, len(strings)),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            f.start,
            f.end,
            text,
            f.suggestion,
            None
            if fix is None
            else [
                strings.setdefault(fix.message, len(strings)),
                fix.applicability.value,
                [[e.start, e.end, e.content] for e in fix.edits],
            ],
        )
        also += ([number, a.rule, a.name, strings.setdefault(a.message, len(strings))] for a in f.also)
    return {"heads": [list(head) for head in heads], "strings": list(strings), "rows": rows, "also": also}


def _table_findings(table: Mapping[str, Any], path: str, source_text: str | None) -> tuple[Finding, ...]:
    """The inverse of `_finding_table`: the findings of file `path` whose linted text is `source_text`."""
    heads = [(rule, name, category, _SEVERITIES[severity]) for rule, name, category, severity in table["heads"]]
    strings = table["strings"]
    rows = table["rows"]
    if len(rows) % _ROW_FIELDS:
        raise ValueError(f"finding rows of {_ROW_FIELDS} fields do not make {len(rows)} values")
    also: dict[int, list[Folded]] = {}
    for number, rule, name, message in table["also"]:
        also.setdefault(number, []).append(Folded(rule, name, strings[message]))
    findings = []
    append = findings.append
    values = iter(rows)
    # One row at a time, unpacked straight into names (the same iterator taken `_ROW_FIELDS` times).
    for head, message, line, column, end_line, end_column, start, end, text, suggestion, fix in zip(
        *(values,) * _ROW_FIELDS, strict=False
    ):
        # Filled as a mutable twin, then made a Finding (see `_Filling`).
        filling = _Filling()
        filling.rule, filling.name, filling.category, filling.severity = heads[head]
        filling.message = strings[message]
        filling.path = path
        filling.line = line
        filling.column = column
        filling.end_line = end_line
        filling.end_column = end_column
        filling.start = start
        filling.end = end
        if text is None:
            if source_text is None:
                raise ValueError("a finding's text is left to the file's text, which is not given")
            text = source_text[start:end]
        filling.text = text
        filling.suggestion = suggestion
        filling.fix = None if fix is None else _row_fix(strings[fix[0]], fix[1], fix[2])
        filling.also = ()
        filling.__class__ = Finding  # type: ignore[assignment]
        append(filling)
    for number, folded in also.items():  # few findings have folded ones
        object.__setattr__(findings[number], "also", tuple(folded))
    return tuple(findings)  # type: ignore[arg-type]


def _row_fix(message: str, applicability: str, edits: Sequence[Sequence[Any]]) -> Fix:
    # Made as findings are (see `_Filling`), and its edits too: a cached run makes thousands.
    made = []
    for start, end, content in edits:
        edit = _EditFilling()
        edit.start = start
        edit.end = end
        edit.content = content
        edit.__class__ = Edit  # type: ignore[assignment]
        made.append(edit)
    fix = _FixFilling()
    fix.message = message
    fix.edits = tuple(made)
    fix.applicability = _APPLICABILITIES[applicability]
    fix.__class__ = Fix  # type: ignore[assignment]
    return fix  # type: ignore[return-value]


class _Filling:
    """Finding's slots without its frozen ``__setattr__``. `_table_findings` fills one with plain
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

    @property
    def judged(self) -> bool:
        """Whether the file was judged as PR/FAQ text (or its kind is unknown: an unread file)."""
        return self.kind is None or self.kind in JUDGED_KINDS

    def to_dict(self, compact: bool = False) -> dict[str, Any]:
        """The JSON form; `compact` stores the findings as a table (`_finding_table`: the result
        cache, worker processes), which `from_dict` reads back given the same `source_text`.
        The JSON output (not `compact`) gives a score and a scorecard only for a file judged as
        PR/FAQ text: a README taken for other Markdown has neither, so no dashboard shows one."""
        shown = compact or self.judged
        return {
            "path": self.path,
            "error": self.error,
            "metrics": dict(self.metrics),
            "findings": _finding_table(self.findings, self.source_text)
            if compact
            else [f.to_dict() for f in self.findings],
            "kind": self.kind,
            "hints_only": self.hints_only,
            "score": _plain(self.score) if self.score is not None and shown else None,
            "scorecard": {k: dict(v) for k, v in self.scorecard.items()}
            if self.scorecard is not None and shown
            else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str | None = None, source_text: str | None = None) -> FileReport:
        """The inverse of `to_dict`, optionally under another path (same content, other file)."""
        name = path if path is not None else data["path"]
        error = data.get("error")
        card = data.get("scorecard")
        found = data.get("findings", ())
        return cls(
            name,
            _table_findings(found, name, source_text)
            if isinstance(found, Mapping)
            else tuple([Finding.from_dict(f, name) for f in found]),
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


def at_or_above(file_report: FileReport, lowest: Severity) -> FileReport:
    """The report with only its findings at or above `lowest` (what `min-severity` reports); its
    score and scorecard stay the whole report's."""
    if lowest is Severity.INFO:
        return file_report
    kept = tuple(f for f in file_report.findings if f.severity in _AT_OR_ABOVE[lowest])
    return file_report if len(kept) == len(file_report.findings) else replace(file_report, findings=kept)


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
