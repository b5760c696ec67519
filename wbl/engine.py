"""The engine: turn a `Document` into sorted, suppressed, positioned findings.

text -> Document (Markdown parsed, source map kept) -> spaCy analysis -> rules -> Violations ->
Findings (spans mapped back to the file) -> relations (one finding per gap) -> suppressions ->
sorted FileReport with the document's metrics, its anatomy (the scorecard), kind and score.

The engine knows nothing of files, directories, configuration files, caches or processes (see
`wbl.project`), nor of any rule pack: it runs the rules of the `Registry` it is given. Nothing
here prints or exits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence, Set
from dataclasses import dataclass, field, replace
from itertools import pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from wbl.findings import FileReport, Finding
from wbl.guard import DEFAULT_TIME_LIMIT, GuardError, guarded
from wbl.models import ModelError
from wbl.registry import Registry, RegistryError, default_registry
from wbl.rule import DOCUMENT_KINDS, Edit, Figure, Fix, Rule, RuleContext, Severity, Violation
from wbl.source import InputError, SourceText
from wbl.vocabulary import HINT_TABLE, NO_VOCABULARY, Vocabulary, VocabularyHint

if TYPE_CHECKING:
    from wbl.document import Document, Unit
    from wbl.nlp import Pipeline

# The Markdown parser, the document model, suppressions, readability, the score, the spaCy layer
# (`wbl.nlp`) and the folding of superseded findings (`wbl.relations`) are imported where a
# document is first built or analysed, not here: a run served wholly from the result cache never
# needs them.

DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024  # bytes; larger files are skipped with a clear error
# The cascade stops asking prefilters once the rules before have chosen this share of a document's
# tokens for a feature set: the rest is parsed for the remaining rules instead. Parsing more never
# changes a finding while every prefilter is sound (never leaves out a sentence whose parse could
# change its rule's findings; tests/test_cascade.py checks each rule alone). On real PR/FAQs the
# prefilters choose 99% of the words between them, and the later ones cost more than the little
# parse they could save (docs/speed.md).
PARSE_ALL_SHARE = 0.9
# A prose unit that ends without one of these gets a full stop before the document is scored.
_PROSE_ENDS = ".!?:;\"'”’)"


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What to run. `rule_options` maps a rule code or slug to option overrides.

    `max_file_size` is read by the project layer (`wbl.project`), which reads the files.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    model: str | None = None
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    report_unused: bool = False  # turn suppression comments that suppressed nothing into WB000 findings
    vocabulary: Vocabulary = NO_VOCABULARY
    kind: str | None = None  # the kind of document, when configuration says so (None: as the anatomy finds it)
    # Seconds each rule may take on one file (and its prepare and figures hooks); None: the
    # default (`wbl.guard.DEFAULT_TIME_LIMIT`), 0: no limit. A rule over it is stopped and
    # reported by name (see `wbl.guard`).
    rule_time_limit: float | None = None
    # The table a vocabulary hint names ("accept it with `[tool.wbl.vocabulary] accept = ...`"): the
    # one of the file's configuration (`[vocabulary]` in a wbl.toml).
    hint_table: str = HINT_TABLE

    def __post_init__(self) -> None:
        # A library caller's mistake says what is wrong here, not as an error inside every rule.
        for name in ("select", "ignore"):
            value = getattr(self, name)
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise TypeError(f"LintOptions({name}=...) takes a tuple of rule selectors, not {value!r}")
        if self.kind is not None and self.kind not in ("auto", *DOCUMENT_KINDS):
            raise ValueError(f"LintOptions(kind=...) is None or one of {', '.join(DOCUMENT_KINDS)}, not {self.kind!r}")
        if not isinstance(self.vocabulary, Vocabulary):
            raise TypeError(
                "LintOptions(vocabulary=...) takes a wbl.Vocabulary (Vocabulary.from_mapping for a dict), "
                f"not {type(self.vocabulary).__name__}"
            )
        limit = self.rule_time_limit
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int | float) or limit < 0):
            raise ValueError(f"LintOptions(rule_time_limit=...) is None or seconds, 0 or more (0: none), not {limit!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Read-only mappings cannot be pickled; `--jobs` workers receive these options.
        plain = {code: dict(options) for code, options in self.rule_options.items()}
        values = (self.select, self.ignore, self.model, plain, self.max_file_size, self.report_unused)
        return (_rebuild_options, (*values, self.vocabulary, self.kind, self.rule_time_limit, self.hint_table))


def _rebuild_options(*values: Any) -> LintOptions:
    select, ignore, model, rule_options, max_file_size, report_unused, vocabulary, kind, limit, table = values
    frozen = MappingProxyType({code: MappingProxyType(options) for code, options in rule_options.items()})
    return LintOptions(select, ignore, model, frozen, max_file_size, report_unused, vocabulary, kind, limit, table)


class Linter:
    """Lints documents with a fixed rule selection and options; reusable across many documents."""

    def __init__(
        self, options: LintOptions | None = None, registry: Registry | None = None, *, cascade: bool = True
    ) -> None:
        """`cascade=False` tags and parses every unit a rule judges, whatever the rules' prefilters
        say (the findings are the same; it is there to check that they are)."""
        require_type(options, LintOptions, "options", "Linter")
        require_type(registry, Registry, "registry", "Linter")
        self.options = options or LintOptions()
        self.cascade = cascade
        self.registry = registry or default_registry()
        self.registry.check_options(self.options.rule_options)
        self.rules: tuple[Rule, ...] = self.registry.select(self.options.select or None, self.options.ignore)
        self._contexts = {r.code: self._context(r) for r in self.rules}
        self._supersedes = {
            r.code: frozenset(found.code for name in r.supersedes if (found := self.registry.get(name)) is not None)
            for r in self.rules
            if r.supersedes
        }
        self._pipeline: Pipeline | None = None
        self._runnable: tuple[Rule, ...] | None = None
        self._failed: dict[str, str] = {}  # rule code -> why its `prepare` step failed
        self.notices: list[str] = []
        limit = self.options.rule_time_limit
        self.time_limit = DEFAULT_TIME_LIMIT if limit is None else (float(limit) or None)
        # Optional spaCy Docs by unit text, reused by `lint_text` (the language server keeps one so
        # that an edit re-analyses only the paragraphs that changed). A cached Doc is only ever
        # completed with more components (the cascade), never changed otherwise.
        self.doc_cache: MutableMapping[str, Any] | None = None
        # Optional: what each local rule (`Rule.local`) found, and what its prefilter (or a local
        # prefilter, `Rule.local_prefilter`) chose, per unit (the language server keeps one, so an
        # edit re-runs local rules and local prefilters on changed units only):
        # (kind, unit key) -> {("check" or "prefilter", rule code): value}.
        self.unit_cache: MutableMapping[tuple[Any, ...], Any] | None = None
        # Optional: each sentence's analysis (`Pipeline.complete`), kept across calls so that a
        # changed paragraph is analysed again only in its changed sentences (the language server).
        self.parse_cache: MutableMapping[tuple[Any, ...], Any] | None = None
        # Optional: the rules' "sentence" values (`wbl.document.MemoKey`) by sentence context, kept
        # across calls so that a changed paragraph's unchanged sentences are not judged again.
        self.sentence_cache: MutableMapping[tuple[Any, ...], Any] | None = None

    # --- options ---------------------------------------------------------------------------------
    def options_for(self, rule: Rule) -> Mapping[str, Any]:
        """A rule's effective options: its defaults, then the overrides for its code and its name
        (list options add ``extend-<name>`` values), whether or not the rule is selected."""
        overrides: dict[str, Any] = {}
        for key in (rule.code, rule.name):
            overrides.update(self.options.rule_options.get(key, {}))
        return MappingProxyType(rule.option_schema.effective(rule.options, overrides))

    def _context(self, rule: Rule) -> RuleContext:
        related = {name: self.options_for(used) for name in rule.uses if (used := self.registry.get(name)) is not None}
        return RuleContext(self.options_for(rule), self.options.vocabulary, related=MappingProxyType(related))

    def fingerprint(self) -> dict[str, Any]:
        """Everything of this linter that decides its findings, as plain data (the result cache's key)."""
        return {
            "model": self.options.model,
            "rules": [[r.code, r.origin, dict(self._contexts[r.code].options)] for r in self.rules],
            "vocabulary": self.options.vocabulary.to_dict(),
            "report_unused": self.options.report_unused,
            "kind": self.options.kind,
            "hint_table": self.options.hint_table,
        }

    # --- NLP and prepared rules ------------------------------------------------------------------
    def _ready(self) -> tuple[Pipeline, tuple[Rule, ...]]:
        """The pipeline and the rules it can run, each prepared once (on the first lint)."""
        if self._pipeline is None or self._runnable is None:
            from wbl.nlp import load_pipeline

            self._load_rule_code()
            pipeline = load_pipeline(self.options.model, self.features)
            runnable = []
            for r in self.rules:
                missing = sorted(f for f in r.needs if not pipeline.provides(f))
                if missing:
                    self.notices.append(
                        f"rule {r.code} ({r.name}) skipped: pipeline {pipeline.name!r} lacks {', '.join(missing)}"
                    )
                    continue
                runnable.append(r)
                if r.prepare is not None:
                    context = self._contexts[r.code]
                    try:
                        with guarded(self.time_limit):
                            prepared = r.prepare(context)
                        self._contexts[r.code] = replace(context, prepared=prepared)
                    except GuardError as exc:
                        self._failed[r.code] = f"rule {r.code} ({r.name}) {exc} while preparing"
                    except Exception as exc:  # A faulty rule is reported on every file, never a crash.
                        self._failed[r.code] = (
                            f"internal error in rule {r.code} ({r.name}): {type(exc).__name__}: {exc}"
                        )
            self._pipeline, self._runnable = pipeline, tuple(runnable)
        return self._pipeline, self._runnable

    def _load_rule_code(self) -> None:
        """A registry read from a snapshot (`Registry.snapshot`) holds the rules' metadata only:
        the rule packs themselves are loaded before the first lint, not inside a rule's time limit."""
        loaded = self.registry.loaded()
        if loaded is self.registry:
            return
        by_code = {r.code: r for r in loaded.rules}
        missing = [r.code for r in self.rules if r.code not in by_code]
        if missing:
            raise RegistryError(f"rules {', '.join(missing)} are no longer installed")
        self.registry, self.rules = loaded, tuple(by_code[r.code] for r in self.rules)

    def prepare(self) -> None:
        """Load the pipeline and prepare the rules now rather than on the first lint."""
        self._ready()

    @property
    def features(self) -> set[str]:
        needed = {"sentences"}
        for r in self.rules:
            needed.update(r.needs)
        return needed

    def _split(self, pipeline: Pipeline, texts: list[str]) -> list[Any]:
        """Split spaCy Docs for unit texts, through `doc_cache` when there is one (only new texts
        are run; a cached Doc keeps whatever analysis it was completed with)."""
        cache = self.doc_cache
        if cache is None:
            return pipeline.split(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        for text, doc in zip(missing, pipeline.split(missing) if missing else (), strict=True):
            cache[text] = doc
        return [cache[t] for t in texts]

    def _analysed(
        self,
        pipeline: Pipeline,
        documents: Sequence[Document],
        rules: Sequence[Rule],
        extra: Iterable[str] = (),
        *,
        cascade: bool = True,
    ) -> list[Document]:
        """The documents with their units' spaCy Docs: split, then completed by the cascade.

        Each unit gets the deep features (pos, lemma, dep, ner) of the rules that may read its
        parse: a rule that judges the document's kind and has no prefilter reads every unit; one
        with a prefilter reads the units of the sentences it names. `extra` features go to every unit.
        """
        from wbl.nlp import DEEP_FEATURES

        docs = iter(self._split(pipeline, [u.text for d in documents for u in d.units]))
        split = [d.with_analysis([next(docs) for _ in d.units]) for d in documents]
        extra = set(extra) & DEEP_FEATURES
        cascade = cascade and self.cascade and pipeline.splitter is not None
        wanted: list[tuple[Any, set[str]]] = []
        for document in split:
            features: list[set[str]] = [set(extra) for _ in document.units]
            if pipeline.splitter is None:
                features = [f | {"dep"} for f in features]  # only the parser sets sentence boundaries
            kind = self._kind_of(document)
            sizes = [len(u.nlp) for u in document.units]  # tokens per unit
            for r in rules:
                deep = r.needs & DEEP_FEATURES
                if not deep or kind not in r.documents or r.code in self._failed:
                    continue
                if all(deep <= f for f in features):
                    continue  # every unit gets these already: the prefilter could add nothing
                if cascade and _chosen_share(sizes, features, deep) >= PARSE_ALL_SHARE:
                    for unit_features in features:  # as for a rule without a prefilter: exact, and cheaper
                        unit_features |= deep
                    continue
                for index in self._units_read(r, document, cascade):
                    features[index] |= deep
            wanted += [(u.nlp, f) for u, f in zip(document.units, features, strict=True) if f]
        pipeline.complete(wanted, cache=self.parse_cache)
        # Values remembered while the prefilters looked at the split documents are dropped.
        return [d.with_analysis([u.nlp for u in d.units]) for d in split]

    def _units_read(self, r: Rule, document: Document, cascade: bool) -> Iterable[int]:
        """Indices of the units whose parse a rule may read (all, without a prefilter)."""
        if not cascade or r.prefilter is None:
            return range(len(document.units))
        try:
            if (r.local or r.local_prefilter) and self.unit_cache is not None:
                return self._local_prefilter(r, document)
            return {s.unit.index for s in r.prefilter(document, self._contexts[r.code])}
        except Exception as exc:  # A faulty prefilter costs time, never findings: parse everything.
            note = f"rule {r.code} ({r.name}): prefilter failed ({type(exc).__name__}: {exc}); every unit is parsed"
            if note not in self.notices:
                self.notices.append(note)
            return range(len(document.units))

    def _local_prefilter(self, r: Rule, document: Document) -> set[int]:
        """A local prefilter (of a local rule, or one declared `local_prefilter`), run only on the
        units it has not judged before."""
        assert self.unit_cache is not None and r.prefilter is not None
        slots = self._unit_slots(document, self._kind_of(document))
        key = ("prefilter", r.code)
        missing = [u for u in document.units if key not in slots[u.index]]
        if missing:
            chosen = {s.unit.index for s in r.prefilter(_only(document, missing), self._contexts[r.code])}
            for unit in missing:
                slots[unit.index][key] = unit.index in chosen
        return {index for index, slot in enumerate(slots) if slot[key]}

    def _local_violations(self, r: Rule, document: Document, kind: str) -> Iterator[Violation]:
        """A local rule's violations: remembered per unit, the rule run only on units it has not seen.

        Violations are stored relative to their unit, so a unit that moved (an edit above it)
        is placed anew."""
        slots = self._unit_slots(document, kind)
        key = ("check", r.code)
        missing = [u for u in document.units if key not in slots[u.index]]
        if missing:
            found: dict[int, list[Violation]] = {u.index: [] for u in missing}
            for v in r.check(_only(document, missing), self._contexts[r.code]):
                if not isinstance(v, Violation) or v.unit is None or v.unit.index not in found:
                    raise _MalformedViolation("a local rule's violation is not in one of the units it was given")
                found[v.unit.index].append(replace(v, unit=None))  # kept without the old document
            for unit in missing:
                slots[unit.index][key] = tuple(found[unit.index])
        for unit, slot in zip(document.units, slots, strict=True):
            for kept in slot[key]:
                yield _placed(kept, unit)

    def _unit_slots(self, document: Document, kind: str) -> list[dict[tuple[str, str], Any]]:
        """For each unit, its entry of `unit_cache`: what each local rule's prefilter ("prefilter",
        code) and check ("check", code) made of it. Looked up once per unit and document, not once
        per rule and unit."""
        cache = self.unit_cache
        assert cache is not None

        def slots() -> list[dict[tuple[str, str], Any]]:
            found = []
            for unit_key in _unit_keys(document):
                try:
                    slot = cache[(kind, unit_key)]
                except KeyError:
                    slot = cache[(kind, unit_key)] = {}
                found.append(slot)
            return found

        from wbl.document import UNIT_SLOTS

        return UNIT_SLOTS.remember(document, slots, kind)

    def _unsure_kind(self, document: Document) -> bool:
        """Whether the kind is the anatomy's (configuration forced none) and it is not sure of it."""
        return self.options.kind in (None, "auto") and not document.anatomy.kind_sure

    def _kind_of(self, document: Document) -> str:
        """The document's kind: the configured one, else the anatomy's."""
        forced = self.options.kind if self.options.kind != "auto" else None
        return forced or document.anatomy.kind

    # --- linting ---------------------------------------------------------------------------------
    def lint_text(self, text: str, path: str = "<text>") -> FileReport:
        """Lint Markdown text. Input problems become the report's error, never an exception
        (a `TypeError` for arguments that are not strings)."""
        require_text(text, path, "Linter.lint_text")
        try:
            document = build(path, text.removeprefix("\ufeff"))
        except InputError as exc:
            return FileReport(path, errors=(str(exc),))
        return next(self.lint_documents([document]))

    def lint_documents(self, documents: Sequence[Document]) -> Iterator[FileReport]:
        """Lint documents, sending all their units through spaCy at once (a batch)."""
        if not documents:
            return
        pipeline, rules = self._ready()
        for document in self._analysed(pipeline, documents, rules):
            report = self._run_rules(document, rules)
            document.release(keep_analysis=self.doc_cache is not None)
            yield report

    def analyse(self, text: str, path: str = "<text>", features: Iterable[str] = ()) -> Document:
        """The analysed `Document` of a text, for callers that need more than findings (the HTML
        review page). The pipeline runs what the rules need plus `features`. Raises `InputError`."""
        from wbl.nlp import load_pipeline

        document = build(path, text.removeprefix("\ufeff"))
        _, rules = self._ready()
        wanted = self.features | set(features)
        pipeline = load_pipeline(self.options.model, wanted)
        # The review page draws every unit's figures, so every unit gets the full analysis.
        return self._analysed(pipeline, [document], rules, wanted, cascade=False)[0]

    def lint_document(self, document: Document) -> FileReport:
        """Run the rules over a `Document` from `analyse` (so that one spaCy pass serves both)."""
        _, rules = self._ready()
        return self._run_rules(document, rules)

    def figures(self, document: Document) -> list[Figure]:
        """What the selected rules measure of an analysed document (`Rule.figures`), for reports."""
        _, rules = self._ready()
        result: list[Figure] = []
        for r in rules:
            if r.figures is None or r.code in self._failed:
                continue
            try:
                with guarded(self.time_limit):
                    result.extend(r.figures(document, self._contexts[r.code]))
            except GuardError as exc:
                self.notices.append(f"rule {r.code} ({r.name}) measured nothing: it {exc}")
            except Exception as exc:  # A report without one rule's figures beats no report.
                self.notices.append(f"rule {r.code} ({r.name}) measured nothing: {type(exc).__name__}: {exc}")
        return result

    def _run_rules(self, document: Document, rules: Sequence[Rule]) -> FileReport:
        from wbl.document import sentence_store

        with sentence_store(self.sentence_cache):
            return self._report(document, rules)

    def _report(self, document: Document, rules: Sequence[Rule]) -> FileReport:
        from wbl import score
        from wbl.suppress import apply_suppressions

        kind = self._kind_of(document)
        if kind != document.anatomy.kind:
            document = replace(document, anatomy=replace(document.anatomy, kind=kind))
        entries: list[tuple[Finding, str | None]] = []
        errors: list[str] = []
        for r in rules:
            if kind not in r.documents:
                continue  # a README is not judged as a PR/FAQ
            if r.code in self._failed:
                errors.append(self._failed[r.code])
                continue
            found: list[tuple[Finding, str | None]] = []
            try:
                with guarded(self.time_limit) as guard:
                    if r.local and self.unit_cache is not None:
                        violations: Iterable[Violation] = self._local_violations(r, document, kind)
                    else:
                        violations = r.check(document, self._contexts[r.code])
                    for violation in violations:
                        found.append((self._to_finding(r, violation, document), violation.topic))
                        guard.check()
                entries.extend(found)  # a rule stopped half-way gives none: its findings would depend on time
            except GuardError as exc:
                errors.append(f"rule {r.code} ({r.name}) {exc}; stopped, its findings on this file dropped")
            except _MalformedViolation as exc:
                errors.append(f"rule {r.code} ({r.name}) returned a malformed violation: {exc}")
            except Exception as exc:  # One faulty rule must not hide the others' findings.
                errors.append(f"internal error in rule {r.code} ({r.name}): {type(exc).__name__}: {exc}")
        from wbl.relations import fold_superseded

        findings = fold_superseded(entries, self._supersedes)
        figures = metrics(document.units)
        # The score reads every finding of the rules that ran, before suppression comments: a
        # comment that hides a finding does not make the document better.
        judged = None
        if kind != "fragment":  # a sentence or two is not a document to grade
            ran = {r.category for r in rules if kind in r.documents}
            try:
                values = score.features(
                    document.anatomy,
                    findings if ran else None,
                    int(figures["words"]),
                    int(figures["sentences"]),
                    ran,
                )
                judged = score.score(values)
            except Exception as exc:  # A scoring bug must not hide the findings.
                errors.append(f"internal error in the document score: {type(exc).__name__}: {exc}")
        findings = apply_suppressions(
            document,
            findings,
            self._codes_named,
            frozenset(r.code for r in rules),
            self.options.report_unused,
            self.registry.did_you_mean,
        )
        findings.sort(key=lambda f: (f.line, f.column, f.rule, f.end_line, f.end_column))
        return FileReport(
            document.path,
            tuple(findings),
            MappingProxyType(figures),
            tuple(errors),
            source_text=document.text,
            scorecard=MappingProxyType(document.anatomy.to_dict(document.text)),
            kind=kind,
            score=MappingProxyType(judged.to_dict()) if judged is not None else None,
            hints_only=self._unsure_kind(document),
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
        if v.vocabulary is not None and not isinstance(v.vocabulary, VocabularyHint):
            raise _MalformedViolation(f"vocabulary hint {v.vocabulary!r} is not a VocabularyHint")
        if v.unit is not None:
            unit = v.unit
            if not (0 <= unit.index < len(document.units)) or document.units[unit.index].text != unit.text:
                raise _MalformedViolation("unit is not part of this document")
            if not (0 <= v.start <= v.end <= len(unit.text)):
                raise _MalformedViolation(f"span {v.start}-{v.end} outside a unit of {len(unit.text)} characters")
            start, end = unit.source_span(v.start, v.end)
            text = unit.quoted(v.start, v.end, document.text)
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
        if severity.rank > Severity.INFO.rank and self._unsure_kind(document):
            # A document wbl is not sure is PR/FAQ text (a fragment: a stub README, a short note;
            # or a document the kind model only leans towards): hints only, so a repository-wide
            # hook never blocks ordinary files it misjudges.
            severity = Severity.INFO
        message = v.message if v.vocabulary is None else f"{v.message} ({v.vocabulary.text(self.options.hint_table)})"
        fix = _file_fix(v, document) if v.fix is not None else None
        return Finding(
            r.code,
            r.name,
            r.category,
            severity,
            message,
            document.path,
            line,
            column,
            end_line,
            end_column,
            start,
            end,
            text,
            v.suggestion,
            (),
            fix,
        )


class _MalformedViolation(Exception):
    pass


def _placed(kept: Violation, unit: Unit) -> Violation:
    """A remembered violation placed in `unit` (`dataclasses.replace` costs several times more,
    and every remembered violation is placed again after each edit)."""
    if type(kept) is not Violation:
        return replace(kept, unit=unit)  # a plugin's subclass may have fields of its own
    return Violation(
        kept.message,
        unit,
        kept.start,
        kept.end,
        kept.severity,
        kept.suggestion,
        kept.topic,
        kept.vocabulary,
        kept.fix,
    )


def _file_fix(v: Violation, document: Document) -> Fix | None:
    """A violation's fix with its edits in file offsets, or None when an edit's text is not exactly
    what the file holds there (emphasis, a link's brackets, an entity or a line break inside the
    span: the edit would break the markup, so the finding gets no fix)."""
    if not isinstance(v.fix, Fix) or not v.fix.edits or not all(isinstance(e, Edit) for e in v.fix.edits):
        raise _MalformedViolation(f"fix {v.fix!r} is not a Fix with edits")
    edits = []
    for e in v.fix.edits:
        if v.unit is None:
            if not 0 <= e.start <= e.end <= len(document.text):
                raise _MalformedViolation(f"fix edit {e.start}-{e.end} outside the file")
            start, end = e.start, e.end
        else:
            plain = v.unit.text
            if not 0 <= e.start <= e.end <= len(plain):
                raise _MalformedViolation(f"fix edit {e.start}-{e.end} outside a unit of {len(plain)} characters")
            start, end = v.unit.source_span(e.start, e.end)
            if document.text[start:end] != plain[e.start : e.end]:
                return None
        edits.append(Edit(start, end, e.content))
    front = document.front_matter
    if front is not None and any(e.start < front.end for e in edits):
        return None  # a post's title in its front matter is judged, never rewritten
    edits.sort(key=lambda e: (e.start, e.end))
    if any(a.end > b.start or (a.start == a.end == b.start) for a, b in pairwise(edits)):
        raise _MalformedViolation("fix edits overlap")
    return v.fix.shifted(tuple(edits))


def _unit_keys(document: Document) -> list[_UnitKey]:
    """For each unit, everything of it that a local rule may read (its analysis follows from its
    text), hashed once per document."""

    def keys() -> list[_UnitKey]:
        # The FAQ question a unit asks or answers, and whose question it is (the internal FAQ's
        # weasel words are hints).
        asked = {s.unit.index: (q.text, q.audience) for q in document.anatomy.questions for s in (q.segment, *q.answer)}
        return [
            _UnitKey(
                (
                    unit.text,
                    unit.kind,
                    unit.part,
                    unit.level,
                    unit.quote_depth,
                    unit.list_depth,
                    unit.ordered,
                    unit.code_spans,
                    unit.links,
                    unit.emphasis,
                    unit.breaks,
                    document.sections[unit.section].title,
                    asked.get(unit.index),
                    document.quoted_in_blockquote(unit),
                )
            )
            for unit in document.units
        ]

    from wbl.document import UNIT_KEYS

    return UNIT_KEYS.remember(document, keys)


class _UnitKey:
    """A unit's key, hashed once (every local rule looks it up)."""

    __slots__ = ("_hash", "values")

    def __init__(self, values: tuple[Any, ...]) -> None:
        self.values = values
        self._hash = hash(values)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _UnitKey) and self._hash == other._hash and self.values == other.values


def _chosen_share(sizes: Sequence[int], features: Sequence[set[str]], deep: Set[str]) -> float:
    """The share of a document's tokens (`sizes`: per unit) in units already chosen for all of `deep`."""
    total = sum(sizes)
    return sum(n for n, f in zip(sizes, features, strict=True) if deep <= f) / total if total else 1.0


def _only(document: Document, units: Sequence[Unit]) -> Document:
    """The document with only some of its units (for local rules; indices are kept)."""
    return replace(document, units=tuple(units), memo={})


def require_text(text: object, path: object, caller: str) -> None:
    """A clear `TypeError` for a text or path that is not a string (bytes are not decoded here:
    `Project.lint_bytes` and `lint_paths` read and decode files)."""
    if not isinstance(text, str):
        hint = ": decode it first, or use Project.lint_bytes" if isinstance(text, bytes | bytearray) else ""
        raise TypeError(f"{caller}() takes the Markdown text as a str, not {type(text).__name__}{hint}")
    if not isinstance(path, str):
        raise TypeError(f"{caller}() takes the path as a str, not {type(path).__name__}")


def require_type(value: object, expected: type, name: str, caller: str) -> None:
    """A clear `TypeError` when an optional argument is neither None nor an `expected`."""
    if value is not None and not isinstance(value, expected):
        raise TypeError(f"{caller}() takes {name} as a {expected.__name__} or None, not {type(value).__name__}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def build(path: str, text: str) -> Document:
    """The document model of Markdown text (no NLP yet). Raises `InputError`."""
    from wbl.document import build_document
    from wbl.markdown import parse

    lone = _SURROGATE.search(text)
    if lone is not None:  # possible only in a str made by a program: decoded files have none
        code = ord(lone.group(0))
        raise InputError(f"not valid Unicode: a lone surrogate (U+{code:04X}) at offset {lone.start()}")
    source = SourceText(text)
    return build_document(path, source, parse(source.text))


def metrics(units: Sequence[Unit]) -> Mapping[str, float]:
    """Figures of a document (or of some of its units, such as a section's): words, sentences,
    paragraphs, press-release and FAQ words, and the readability of the prose."""
    words = sum(u.word_count for u in units)
    counts = {
        "words": words,
        "sentences": sum(len(u.sentences) for u in units),
        "paragraphs": sum(1 for u in units if u.kind == "paragraph"),
        "pr_words": sum(u.word_count for u in units if u.part == "pr"),
        "faq_words": sum(u.word_count for u in units if u.part == "faq"),
    }
    return _Metrics(counts, tuple(u.text for u in units if u.kind in ("paragraph", "list_item")))


class _Metrics(Mapping[str, float]):
    """A document's figures. The readability grades (textstat over all the prose, the costly part
    when a paragraph is edited) are computed when first read: the language server never reads them."""

    __slots__ = ("_counts", "_grades", "_texts")
    _GRADES = ("flesch_kincaid_grade", "flesch_reading_ease")

    def __init__(self, counts: dict[str, float], texts: tuple[str, ...]) -> None:
        self._counts, self._texts = counts, texts
        self._grades: dict[str, float] | None = None

    def _graded(self) -> dict[str, float]:
        if self._grades is None:
            from wbl import readability

            prose = readability.joined_prose(self._texts, _PROSE_ENDS)
            self._grades = {
                "flesch_kincaid_grade": round(readability.flesch_kincaid_grade(prose), 2) if prose else 0.0,
                "flesch_reading_ease": round(readability.flesch_reading_ease(prose), 2) if prose else 0.0,
            }
        return self._grades

    def __getitem__(self, key: str) -> float:
        if key in self._counts:
            return self._counts[key]
        if key in self._GRADES:
            return self._graded()[key]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        yield from self._counts
        yield from self._GRADES

    def __len__(self) -> int:
        return len(self._counts) + len(self._GRADES)

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))  # workers and caches receive plain figures

    def __repr__(self) -> str:
        return repr(dict(self))


__all__ = ["DEFAULT_MAX_FILE_SIZE", "LintOptions", "Linter", "ModelError", "build", "metrics"]
