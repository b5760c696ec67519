"""Run the selected rules over documents and turn violations into positioned findings.

file -> SourceText -> parsed Markdown -> Document -> spaCy analysis -> rules -> Findings.
Nothing here prints or exits: the CLI and reporters do that.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from wbl.cache import ResultCache, pipeline_version
from wbl.nlp import ModelError, Pipeline, load_pipeline, resolve_model
from wbl.registry import Registry, default_registry
from wbl.rule import Rule, RuleContext, Severity, Violation
from wbl.source import InputError, SourceText, decode

if TYPE_CHECKING:
    from wbl.document import Document

# The Markdown parser, the document model, suppressions and the scorecard are imported where a
# document is first built, not here: a run served wholly from the result cache never needs them.

MARKDOWN_SUFFIXES = (".md", ".markdown")
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes; larger files are skipped with a clear error

_SEVERITIES = {s.value: s for s in Severity}


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

    def to_row(self) -> list[Any]:
        """A compact `to_dict` without the path: the form stored in the result cache."""
        return [
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
        ]

    @classmethod
    def from_row(cls, row: Sequence[Any], path: str) -> Finding:
        """The inverse of `to_row` (a cached run builds thousands of these: no keyword lookups)."""
        if len(row) != 13:
            raise ValueError(f"a finding row has 13 fields, not {len(row)}")
        rule, name, category, severity, message, *place, text, suggestion = row
        return cls(rule, name, category, _SEVERITIES[severity], message, path, *place, text, suggestion)

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
        )


@dataclass(frozen=True, slots=True)
class FileReport:
    """The result for one file: findings, metrics, and errors (input or internal)."""

    path: str
    findings: tuple[Finding, ...] = ()
    metrics: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    errors: tuple[str, ...] = ()
    # The linted text (after a BOM), for reporters that quote source lines; not part of to_dict().
    source_text: str | None = field(default=None, repr=False, compare=False)
    # The PR/FAQ parts found: {part: {"present": bool, "line": int | None}} (see wbl.prfaq).
    scorecard: Mapping[str, Any] | None = None

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
            "scorecard": {k: dict(v) for k, v in self.scorecard.items()} if self.scorecard is not None else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str | None = None, source_text: str | None = None) -> FileReport:
        """The inverse of `to_dict`, optionally under another path (same content, other file)."""
        name = path if path is not None else data["path"]
        error = data.get("error")
        card = data.get("scorecard")
        return cls(
            name,
            tuple(
                Finding.from_row(f, name) if isinstance(f, list) else Finding.from_dict(f, name)
                for f in data.get("findings", ())
            ),
            MappingProxyType(dict(data.get("metrics", {}))),
            tuple(data.get("errors", [error] if error else [])),
            source_text=source_text,
            scorecard=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in card.items()}) if card else None,
        )


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
    report_unused: bool = False  # turn suppression comments that suppressed nothing into WB000 findings


class Linter:
    """Lints documents with a fixed rule selection; reusable across many files."""

    def __init__(
        self,
        options: LintOptions | None = None,
        registry: Registry | None = None,
        *,
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.options = options or LintOptions()
        self.registry = registry or default_registry()
        self.rules: tuple[Rule, ...] = self.registry.select(self.options.select or None, self.options.ignore)
        self._contexts = {r.code: RuleContext(self._rule_options(r)) for r in self.rules}
        self._pipeline: Pipeline | None = None
        self._runnable: tuple[Rule, ...] | None = None
        self.notices: list[str] = []
        self.cache = self._make_cache(cache_dir) if cache_dir is not None else None
        # Optional spaCy Docs by unit text, reused by `lint_text` (the language server keeps one so
        # that an edit re-analyses only the paragraphs that changed). Docs are never modified.
        self.doc_cache: MutableMapping[str, Any] | None = None

    def _make_cache(self, cache_dir: str | os.PathLike[str]) -> ResultCache:
        model = resolve_model(self.options.model)
        return ResultCache(
            Path(cache_dir),
            {
                "wbl": _wbl_version(),
                "model": [model, pipeline_version(model)],
                "rules": [[r.code, r.origin, dict(self._contexts[r.code].options)] for r in self.rules],
                "report_unused": self.options.report_unused,
                "max_file_size": self.options.max_file_size,
            },
        )

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
            document = build(path, text.removeprefix("\ufeff"))
        except InputError as exc:
            return FileReport(path, errors=(str(exc),))
        pipeline, rules = self._prepare()
        analysed = document.with_analysis(self._analyse(pipeline, [u.text for u in document.units]))
        report = self._run_rules(analysed, rules)
        analysed.release()
        return report

    def _analyse(self, pipeline: Pipeline, texts: list[str]) -> list[Any]:
        """spaCy Docs for unit texts, through `doc_cache` when there is one (only new texts are run)."""
        cache = self.doc_cache
        if cache is None:
            return pipeline.pipe(texts, self.features)
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        for text, doc in zip(missing, pipeline.pipe(missing, self.features) if missing else (), strict=True):
            cache[text] = doc
        return [cache[t] for t in texts]

    def has_cached(self, path: str) -> bool:
        """Whether the cache holds a result for the file's current content (without reading it)."""
        if self.cache is None:
            return False
        data = read_file(path)
        return not isinstance(data, FileReport) and self.cache.has(self.cache.key(data))

    def cached_report(self, path: str) -> FileReport | None:
        """The cached result for a file, when the cache holds one for its current content."""
        if self.cache is None:
            return None
        data = read_file(path)
        if isinstance(data, FileReport):
            return None
        hit = self.cache.get(self.cache.key(data))
        if hit is None:
            return None
        try:
            return FileReport.from_dict(hit, path, source_text=decode(data, max_bytes=self.options.max_file_size))
        except (KeyError, TypeError, ValueError, InputError):
            return None

    def lint_bytes(self, data: bytes, path: str) -> FileReport:
        """Lint a file's bytes, through the result cache when there is one."""
        return next(self.lint_many([(path, data)]))

    def lint_many(self, items: Iterable[tuple[str, bytes | FileReport]], batch: int = 16) -> Iterator[FileReport]:
        """Lint (path, bytes) pairs in order, sending up to `batch` documents through spaCy at once.

        A `FileReport` in place of bytes (a read error) is passed through. Only one batch of spaCy
        `Doc`s is alive at a time, so memory does not grow with the number of files.
        """
        pending: list[tuple[str, Any, str | None]] = []  # (path, Document | FileReport, cache key)
        for path, data in items:
            pending.append(self._prepare_one(path, data))
            if sum(1 for _, d, _ in pending if not isinstance(d, FileReport)) >= batch:
                yield from self._finish(pending)
                pending = []
        yield from self._finish(pending)

    def _prepare_one(self, path: str, data: bytes | FileReport) -> tuple[str, Any, str | None]:
        if isinstance(data, FileReport):
            return path, data, None
        key = self.cache.key(data) if self.cache is not None else None
        try:
            text = decode(data, max_bytes=self.options.max_file_size)
        except InputError as exc:
            return path, FileReport(path, errors=(str(exc),)), None
        if key is not None and self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                try:
                    return path, FileReport.from_dict(hit, path, source_text=text), None
                except (KeyError, TypeError, ValueError):
                    pass  # A corrupt entry is ignored and rewritten.
        try:
            return path, build(path, text), key
        except InputError as exc:
            return path, FileReport(path, errors=(str(exc),)), None

    def _finish(self, pending: list[tuple[str, Any, str | None]]) -> Iterator[FileReport]:
        documents = [d for _, d, _ in pending if not isinstance(d, FileReport)]
        if documents:
            pipeline, rules = self._prepare()
            texts = [u.text for d in documents for u in d.units]
            docs = iter(pipeline.pipe(texts, self.features))
            analysed = {id(d): d.with_analysis([next(docs) for _ in d.units]) for d in documents}
        for _, item, key in pending:
            if isinstance(item, FileReport):
                yield item
                continue
            document = analysed.pop(id(item))
            report = self._run_rules(document, rules)
            document.release()
            if key is not None and self.cache is not None and not report.errors:
                self.cache.put(key, report.to_dict(compact=True))
            yield report

    def lint_file(self, path: str | os.PathLike[str]) -> FileReport:
        return next(self.lint_many([(str(path), read_file(path))]))

    def lint_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Report:
        items = ((t if isinstance(t, str) else t.path, read_file(t)) for t in expand_paths(paths))
        reports = list(self.lint_many(items))
        return Report(tuple(reports), tuple(self.notices))

    def analyse(self, text: str, path: str = "<text>", features: Iterable[str] = ()) -> Document:
        """The analysed `Document` of a text, for callers that need more than findings (the HTML
        review page). The pipeline runs what the rules need plus `features`. Raises `InputError`."""
        document = build(path, text.removeprefix("\ufeff"))
        pipeline, _ = self._prepare()
        return document.with_analysis(pipeline.pipe([u.text for u in document.units], self.features | set(features)))

    def lint_document(self, document: Document) -> FileReport:
        """Run the rules over a `Document` from `analyse` (so that one spaCy pass serves both)."""
        _, rules = self._prepare()
        return self._run_rules(document, rules)

    def _run_rules(self, document: Document, rules: Sequence[Rule]) -> FileReport:
        from wbl.prfaq import scorecard
        from wbl.suppress import apply_suppressions

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
        findings = apply_suppressions(
            document, findings, self._codes_named, frozenset(r.code for r in rules), self.options.report_unused
        )
        findings.sort(key=lambda f: (f.line, f.column, f.rule, f.end_line, f.end_column))
        try:
            card: Mapping[str, Any] | None = MappingProxyType(scorecard(document).to_dict())
        except Exception as exc:  # A detector bug must not hide the findings.
            card = None
            errors.append(f"internal error in the PR/FAQ scorecard: {type(exc).__name__}: {exc}")
        return FileReport(
            document.path,
            tuple(findings),
            MappingProxyType(document_metrics(document)),
            tuple(errors),
            source_text=document.text,
            scorecard=card,
        )

    def _codes_named(self, token: str) -> frozenset[str]:
        return frozenset(r.code for r in self.registry.matching(token))

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


def read_file(path: str | os.PathLike[str] | FileReport) -> bytes | FileReport:
    """A file's bytes, or a `FileReport` saying in one line why it cannot be read."""
    if isinstance(path, FileReport):
        return path
    name = str(path)
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        return FileReport(name, errors=("is a directory",))
    except FileNotFoundError:
        return FileReport(name, errors=("no such file or directory",))
    except PermissionError:
        return FileReport(name, errors=("permission denied",))
    except OSError as exc:
        return FileReport(name, errors=(f"cannot read: {exc.strerror or exc}",))


def _wbl_version() -> str:
    from wbl import __version__

    return __version__


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


def build(path: str, text: str) -> Document:
    """The document model of Markdown text (no NLP yet). Raises `InputError`."""
    from wbl.document import build_document
    from wbl.markdown import parse

    source = SourceText(text)
    return build_document(path, source, parse(source.text))


def document_metrics(document: Document) -> dict[str, float]:
    """Whole-document figures: words, sentences, paragraphs, readability, PR and FAQ words."""
    from wbl import readability

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
    text: str,
    path: str = "<text>",
    *,
    options: LintOptions | None = None,
    registry: Registry | None = None,
    config: bool | str | os.PathLike[str] = False,
) -> FileReport:
    """Lint one Markdown text; returns a `FileReport` and prints nothing.

    `config=True` applies the configuration file found for `path` (see wbl.config), a path uses
    that file; `options` then apply on top, like command-line flags. By default no file is read.
    """
    if config is not False:
        return _project(options, registry, config).lint_text(text, path)
    return Linter(options, registry).lint_text(text, path)


def lint_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    options: LintOptions | None = None,
    registry: Registry | None = None,
    config: bool | str | os.PathLike[str] = False,
) -> Report:
    """Lint files and directories (recursively, *.md / *.markdown); returns a `Report`.

    `config` as for `lint_text`: True finds each file's configuration, a path uses that file.
    """
    if config is not False:
        return _project(options, registry, config).lint_paths(paths)
    return Linter(options, registry).lint_paths(paths)


def _project(options: LintOptions | None, registry: Registry | None, config: bool | str | os.PathLike[str]) -> Any:
    from wbl.config import Project  # wbl.config builds on this module

    return Project(options, registry, config_file=None if isinstance(config, bool) else config)


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
