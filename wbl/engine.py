"""Run the selected rules over documents and turn violations into positioned findings.

file -> SourceText -> parsed Markdown -> Document -> spaCy analysis -> rules -> Findings.
Nothing here prints or exits: the CLI and reporters do that.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wbl import readability
from wbl.document import Document, build_document
from wbl.markdown import parse
from wbl.nlp import ModelError, Pipeline, load_pipeline
from wbl.registry import Registry, default_registry
from wbl.rule import Rule, RuleContext, Severity, Violation
from wbl.source import InputError, SourceText, decode

MARKDOWN_SUFFIXES = (".md", ".markdown")
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes; larger files are skipped with a clear error


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

    def to_dict(self) -> dict[str, Any]:
        return {
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
        }


@dataclass(frozen=True, slots=True)
class FileReport:
    """The result for one file: findings, metrics, and errors (input or internal)."""

    path: str
    findings: tuple[Finding, ...] = ()
    metrics: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    errors: tuple[str, ...] = ()

    @property
    def error(self) -> str | None:
        return "; ".join(self.errors) if self.errors else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "error": self.error,
            "metrics": dict(self.metrics),
            "findings": [f.to_dict() for f in self.findings],
        }


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
        """0 clean, 1 findings at or above `fail_on`, 2 input or internal errors."""
        if self.has_errors:
            return 2
        threshold = Severity.parse(fail_on).rank
        return 1 if any(f.severity.rank >= threshold for f in self.findings) else 0

    def to_dict(self) -> dict[str, Any]:
        return {"files": [r.to_dict() for r in self.files], "notices": list(self.notices)}


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What to run. `rule_options` maps a rule code or slug to option overrides."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    model: str | None = None
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    max_file_size: int = DEFAULT_MAX_FILE_SIZE


class Linter:
    """Lints documents with a fixed rule selection; reusable across many files."""

    def __init__(self, options: LintOptions | None = None, registry: Registry | None = None) -> None:
        self.options = options or LintOptions()
        self.registry = registry or default_registry()
        self.rules: tuple[Rule, ...] = self.registry.select(self.options.select or None, self.options.ignore)
        self._contexts = {r.code: RuleContext(self._rule_options(r)) for r in self.rules}
        self._pipeline: Pipeline | None = None
        self._runnable: tuple[Rule, ...] | None = None
        self.notices: list[str] = []

    def _rule_options(self, rule: Rule) -> Mapping[str, Any]:
        merged = dict(rule.options)
        for key in (rule.code, rule.name):
            merged.update(self.options.rule_options.get(key, {}))
        return MappingProxyType(merged)

    # --- NLP -------------------------------------------------------------------------------------
    def _prepare(self) -> tuple[Pipeline, tuple[Rule, ...]]:
        if self._pipeline is None or self._runnable is None:
            pipeline = load_pipeline(self.options.model)
            runnable = []
            for r in self.rules:
                missing = sorted(f for f in r.needs if not pipeline.provides(f))
                if missing:
                    self.notices.append(
                        f"rule {r.code} ({r.name}) skipped: pipeline {pipeline.name!r} lacks {', '.join(missing)}"
                    )
                else:
                    runnable.append(r)
            self._pipeline, self._runnable = pipeline, tuple(runnable)
        return self._pipeline, self._runnable

    @property
    def features(self) -> set[str]:
        needed = {"sentences"}
        for r in self.rules:
            needed.update(r.needs)
        return needed

    # --- linting ---------------------------------------------------------------------------------
    def lint_text(self, text: str, path: str = "<text>") -> FileReport:
        """Lint Markdown text. Input problems become the report's error, never an exception."""
        try:
            source = SourceText(text.removeprefix("\ufeff"))
            document = build_document(path, source, parse(source.text))
        except InputError as exc:
            return FileReport(path, errors=(str(exc),))
        pipeline, rules = self._prepare()
        analysed = document.with_analysis(pipeline.pipe([u.text for u in document.units], self.features))
        return self._run_rules(analysed, rules)

    def lint_bytes(self, data: bytes, path: str) -> FileReport:
        try:
            text = decode(data, max_bytes=self.options.max_file_size)
        except InputError as exc:
            return FileReport(path, errors=(str(exc),))
        return self.lint_text(text, path)

    def lint_file(self, path: str | os.PathLike[str]) -> FileReport:
        name = str(path)
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            return FileReport(name, errors=("is a directory",))
        except FileNotFoundError:
            return FileReport(name, errors=("no such file or directory",))
        except PermissionError:
            return FileReport(name, errors=("permission denied",))
        except OSError as exc:
            return FileReport(name, errors=(f"cannot read: {exc.strerror or exc}",))
        return self.lint_bytes(data, name)

    def lint_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Report:
        reports = []
        for target in expand_paths(paths):
            if isinstance(target, FileReport):
                reports.append(target)
            else:
                reports.append(self.lint_file(target))
        return Report(tuple(reports), tuple(self.notices))

    def _run_rules(self, document: Document, rules: Sequence[Rule]) -> FileReport:
        findings: list[Finding] = []
        errors: list[str] = []
        for r in rules:
            try:
                for violation in r.check(document, self._contexts[r.code]):
                    findings.append(self._to_finding(r, violation, document))
            except _MalformedViolation as exc:
                errors.append(f"rule {r.code} ({r.name}) returned a malformed violation: {exc}")
            except Exception as exc:  # One faulty rule must not hide the others' findings.
                errors.append(f"internal error in rule {r.code} ({r.name}): {type(exc).__name__}: {exc}")
        findings.sort(key=lambda f: (f.line, f.column, f.rule, f.end_line, f.end_column))
        return FileReport(document.path, tuple(findings), MappingProxyType(document_metrics(document)), tuple(errors))

    def _to_finding(self, r: Rule, v: Violation, document: Document) -> Finding:
        if not isinstance(v, Violation):
            raise _MalformedViolation(f"got {type(v).__name__}, not a Violation")
        if not isinstance(v.message, str) or not v.message:
            raise _MalformedViolation("empty message")
        if v.severity is not None and not isinstance(v.severity, Severity):
            raise _MalformedViolation(f"unknown severity {v.severity!r}")
        if v.unit is not None:
            unit = v.unit
            if not (0 <= unit.index < len(document.units)) or document.units[unit.index].text != unit.text:
                raise _MalformedViolation("unit is not part of this document")
            if not (0 <= v.start <= v.end <= len(unit.text)):
                raise _MalformedViolation(f"span {v.start}-{v.end} outside a unit of {len(unit.text)} characters")
            start, end = unit.source_span(v.start, v.end)
            text = unit.text[v.start : v.end]
        else:
            if not (0 <= v.start <= v.end <= len(document.text)):
                raise _MalformedViolation(f"span {v.start}-{v.end} outside the file")
            start, end = v.start, v.end
            text = document.text[start:end]
        line, column = document.source.position(start)
        end_line, end_column = document.source.position(end)
        severity = v.severity or r.severity
        override = self._contexts[r.code].get("severity")
        if override:
            severity = Severity.parse(override)
        return Finding(
            r.code,
            r.name,
            r.category,
            severity,
            v.message,
            document.path,
            line,
            column,
            end_line,
            end_column,
            start,
            end,
            text,
            v.suggestion,
        )


class _MalformedViolation(Exception):
    pass


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | FileReport]:
    """Files to lint, in order: files as given, directories walked for Markdown (sorted)."""
    for raw in paths:
        path = Path(raw)
        name = str(raw)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    if file.lower().endswith(MARKDOWN_SUFFIXES):
                        full = Path(root) / file
                        if full.is_dir():
                            continue
                        found = True
                        yield str(full)
            if not found:
                yield FileReport(name, errors=("no Markdown files (*.md, *.markdown) in this directory",))
        elif path.exists():
            yield name
        elif path.is_symlink():
            yield FileReport(name, errors=("broken symbolic link",))
        else:
            yield FileReport(name, errors=("no such file or directory",))


def document_metrics(document: Document) -> dict[str, float]:
    """Whole-document figures: words, sentences, paragraphs, readability, PR and FAQ words."""
    words = sentences = pr_words = faq_words = 0
    prose: list[str] = []
    for unit in document.units:
        count = unit.word_count
        words += count
        if unit.part == "pr":
            pr_words += count
        else:
            faq_words += count
        sentences += len(unit.sentences)
        if unit.kind in ("paragraph", "list_item") and unit.text.strip():
            text = unit.text.strip()
            prose.append(text if text[-1] in ".!?:;\"'”’)" else text + ".")
    joined = "\n".join(prose)
    return {
        "words": words,
        "sentences": sentences,
        "paragraphs": sum(1 for u in document.units if u.kind == "paragraph"),
        "pr_words": pr_words,
        "faq_words": faq_words,
        "flesch_kincaid_grade": round(readability.flesch_kincaid_grade(joined), 2) if joined else 0.0,
        "flesch_reading_ease": round(readability.flesch_reading_ease(joined), 2) if joined else 0.0,
    }


def lint_text(
    text: str, path: str = "<text>", *, options: LintOptions | None = None, registry: Registry | None = None
) -> FileReport:
    """Lint one Markdown text; returns a `FileReport` and prints nothing."""
    return Linter(options, registry).lint_text(text, path)


def lint_paths(
    paths: Iterable[str | os.PathLike[str]], *, options: LintOptions | None = None, registry: Registry | None = None
) -> Report:
    """Lint files and directories (recursively, *.md / *.markdown); returns a `Report`."""
    return Linter(options, registry).lint_paths(paths)


__all__ = [
    "FileReport",
    "Finding",
    "LintOptions",
    "Linter",
    "ModelError",
    "Report",
    "lint_paths",
    "lint_text",
]
