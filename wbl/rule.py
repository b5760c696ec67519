"""What a rule is: frozen metadata plus a pure function from a document to violations."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from wbl.options import Option, Schema
from wbl.vocabulary import NO_VOCABULARY, Vocabulary, VocabularyHint

if TYPE_CHECKING:
    from wbl.document import Document, Sentence, Unit

CATEGORIES = (
    "structure",
    "customer",
    "problem",
    "benefit",
    "tech-first",
    "jargon",
    "acronym",
    "readability",
    "weasel",
    "data",
    "passive",
    "tense",
    "length",
    "quote",
    "voice",
)

# The kinds of document a rule judges (see wbl.anatomy.KINDS): by default PR/FAQs, press
# releases, FAQs and fragments (a few sentences sent alone), never other Markdown.
DOCUMENT_KINDS = ("prfaq", "press_release", "faq", "fragment", "other")
DEFAULT_DOCUMENTS = ("prfaq", "press_release", "faq", "fragment")

# What a rule may ask of the NLP stage.
FEATURES = frozenset({"sentences", "pos", "lemma", "dep", "ner"})

CODE_PATTERN = re.compile(r"^WB[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# `<!-- expect: WB601 WB503@12 -->`: findings that start on this line, each at a column when given.
EXPECT_MARKER = re.compile(r"<!--\s*expect:\s*([A-Z0-9@ ,]+?)\s*-->")


_Choice = TypeVar("_Choice", bound=Enum)


def _parse_choice(cls: type[_Choice], value: object, what: str, expected: str) -> _Choice:
    """A member of a string enum from its value in any case; ValueError naming what was expected."""
    if isinstance(value, cls):
        return value
    try:
        return cls(str(value).lower())
    except ValueError:
        raise ValueError(f"unknown {what} {value!r} (expected {expected})") from None


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        return _parse_choice(cls, value, "severity", "error, warning or info")


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, Enum):
    """Whether a fix may be applied without a writer reading it (ruff's model)."""

    SAFE = "safe"  # `wbl check --fix` applies it: the sentence says the same, and stays grammatical
    UNSAFE = "unsafe"  # only with --unsafe-fixes: it may change the meaning or need a second look

    @classmethod
    def parse(cls, value: str | Applicability) -> Applicability:
        return _parse_choice(cls, value, "fix applicability", "safe or unsafe")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``[start, end)`` by `content` (an insertion when start == end, a deletion when
    `content` is empty). In a `Violation`, offsets are in the unit's plain text (or the file's
    when the violation has no unit); in a `Finding`, in the file's text."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A change that resolves a finding: one or more edits that do not overlap, a short
    description ("replace 'leverage' with 'use'") and whether it is safe to apply unread."""

    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def shifted(self, edits: tuple[Edit, ...]) -> Fix:
        """The same fix with other edits (the engine maps a violation's to the file's offsets)."""
        return Fix(self.message, edits, self.applicability)


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule reports: a span of a unit's plain text (or of the source when `unit` is None).

    The engine turns it into a positioned `Finding`. `severity`, when set, overrides the rule's
    default for this one violation (e.g. a sentence far over the length limit).
    """

    message: str
    unit: Unit | None = None
    start: int = 0
    end: int = 0
    severity: Severity | None = None
    suggestion: str | None = None
    # The gap this violation reports ("missing:problem"), so that a rule that supersedes this one
    # and reports the same gap keeps one finding (see `wbl.relations`).
    topic: str | None = None
    # For a finding about a term the project's vocabulary could accept: how (the engine adds
    # "(accept it with `[tool.wbl.vocabulary] accept = [...]`)" to the message).
    vocabulary: VocabularyHint | None = None
    # A change that resolves the finding (edits in the unit's plain text; see `wbl.fixes` for
    # helpers that make them). The engine keeps it only where each edit's text is exactly what
    # the file holds there (no markup inside or around a deletion).
    fix: Fix | None = None

    @classmethod
    def in_sentence(cls, sentence: Sentence, start: int, end: int, message: str, **kw: Any) -> Violation:
        """A span given in offsets relative to the sentence's start."""
        return cls(message, sentence.unit, sentence.start + start, sentence.start + end, **kw)

    @classmethod
    def covering(cls, unit: Unit, message: str, **kw: Any) -> Violation:
        """The whole unit, without the white space around its text."""
        text = unit.text.rstrip()
        return cls(message, unit, len(text) - len(text.lstrip()), len(text), **kw)


@dataclass(frozen=True, slots=True)
class Example:
    """A good or bad Markdown example; bad lines carry ``<!-- expect: WB601 -->``."""

    kind: str  # "good" or "bad"
    markdown: str
    name: str = ""

    def expected(self) -> list[tuple[int, int | None, str]]:
        """(line, column or None, code) for each finding the markers call for, in order.

        ``WB601`` expects a finding on the marker's line; ``WB601@12`` one that starts at column 12.
        """
        result = []
        for number, line in enumerate(self.markdown.splitlines(), start=1):
            for match in EXPECT_MARKER.finditer(line):
                for token in re.split(r"[ ,]+", match.group(1).strip()):
                    code, _, column = token.partition("@")
                    result.append((number, int(column) if column else None, code))
        return result


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule gets beside the document.

    `options` are the rule's effective options (defaults, then configuration); `vocabulary` the
    project's vocabulary; `prepared` what the rule's `prepare` step made of them (compiled word
    lists, lexicons), computed once per linter; `related` the effective options of the rules this
    rule declares it `uses` (read with `options_of`).
    """

    options: Mapping[str, Any]
    vocabulary: Vocabulary = NO_VOCABULARY
    prepared: Any = None
    related: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))

    def __getitem__(self, key: str) -> Any:
        return self.options[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)

    def options_of(self, name: str) -> Mapping[str, Any]:
        """The effective options of a rule this one `uses` (by the name it declared)."""
        try:
            return self.related[name]
        except KeyError:
            raise KeyError(f"options of {name!r} are not available: declare it in the rule's `uses`") from None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a rule measures, for reports such as the HTML review page (see `Rule.figures`).

    `value` of `name` (what is measured: "grade", "jargon", "words") on `unit` (None: the whole
    document), out of `total` when it is a share, against the rule's `limit` when it has one.
    """

    name: str
    value: float
    unit: Unit | None = None
    total: float | None = None
    limit: float | None = None


CheckFunction = Callable[["Document", RuleContext], Iterable[Violation]]
PrepareFunction = Callable[[RuleContext], Any]
FiguresFunction = Callable[["Document", RuleContext], Iterable[Figure]]
# The parse cascade: given a document whose units are split into sentences but not yet tagged or
# parsed, the sentences whose analysis the rule may read (see `Rule.prefilter`).
PrefilterFunction = Callable[["Document", RuleContext], Iterable["Sentence"]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: its metadata (code, name, category, default severity, options, examples) and its
    functions (`check`, and the optional `prepare`, `figures` and `prefilter`)."""

    # A docstring also spares `dataclass` making one from the signature (`inspect`, at import).
    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    check: CheckFunction = field(repr=False)
    needs: frozenset[str] = frozenset()
    description: str = ""
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    examples: tuple[Example, ...] = ()
    origin: str = "builtin"  # "builtin" for wbl's own pack, else the distribution that registered it
    # The import name of the module or package that defines the rule (the result cache
    # fingerprints its files), the declared options, and the rule's optional hooks.
    source: str = ""
    schema: Schema | None = field(default=None, repr=False, compare=False)
    prepare: PrepareFunction | None = field(default=None, repr=False, compare=False)
    figures: FiguresFunction | None = field(default=None, repr=False, compare=False)
    kind: str = "python"
    supersedes: tuple[str, ...] = ()  # rules (codes or names) whose finding of the same gap this one replaces
    uses: tuple[str, ...] = ()  # rules (names) whose effective options this one reads (`ctx.options_of`)
    documents: tuple[str, ...] = DEFAULT_DOCUMENTS  # the kinds of document it judges
    # Options that bound a range, lower -> upper ("min-letters" -> "max-letters"): a configuration
    # that sets the upper below the lower is refused when it is read.
    ranges: tuple[tuple[str, str], ...] = ()
    # A rule that reads the parse (needs pos, lemma, dep or ner) may name the sentences it could
    # read it in, from the document before the parse: every other sentence must be one whose
    # analysis cannot change the rule's findings. Only the units holding such a sentence (of any
    # rule) are tagged and parsed. None: every unit the rule judges gets the full analysis.
    prefilter: PrefilterFunction | None = field(default=None, repr=False, compare=False)
    # A local rule's findings in a unit depend on that unit alone (its text, kind, part, quoting,
    # analysis and section) and the document's kind, never on other units: the language server
    # re-runs it only on the units an edit changed. Its prefilter must be local too.
    local: bool = False
    # A rule that is not local may still have a local prefilter: the sentences it names in a unit
    # depend on that unit alone (as for `local`). The language server then runs it only on the
    # units an edit changed, and remembers its choice for the others.
    local_prefilter: bool = False

    def __post_init__(self) -> None:
        if self.schema is None:
            object.__setattr__(self, "schema", Schema(Option.inferred(k, v) for k, v in self.options.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        # Read-only mappings cannot be pickled; `--jobs` workers receive the rules themselves.
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values["options"] = dict(self.options)
        return (_rebuild_rule, (values,))

    @property
    def option_schema(self) -> Schema:
        assert self.schema is not None  # set in __post_init__
        return self.schema

    @property
    def doc(self) -> str:
        """The rule's documentation page: its description, else its check function's docstring.

        Read only when asked for (`wbl explain`, SARIF, the docs), so a rule pack whose check
        functions are imported on first use keeps that import off runs that need no check.
        """
        return self.description or inspect.cleandoc(getattr(self.check, "__doc__", None) or "")

    def validate(self) -> list[str]:
        """Problems with this rule's metadata, as sentences naming the rule."""
        problems = []
        if not CODE_PATTERN.match(self.code):
            problems.append(f"rule code {self.code!r} is not 'WB' and three digits")
        if not NAME_PATTERN.match(self.name):
            problems.append(f"rule {self.code}: name {self.name!r} is not kebab-case")
        if self.category not in CATEGORIES:
            problems.append(f"rule {self.code}: unknown category {self.category!r}")
        unknown = set(self.needs) - FEATURES
        if unknown:
            problems.append(f"rule {self.code}: unknown pipeline features {sorted(unknown)}")
        if not self.summary:
            problems.append(f"rule {self.code}: no summary")
        unknown_documents = sorted(set(self.documents) - set(DOCUMENT_KINDS))
        if unknown_documents:
            problems.append(f"rule {self.code}: unknown document kinds {unknown_documents} (expected {DOCUMENT_KINDS})")
        return problems


def _rebuild_rule(values: dict[str, Any]) -> Rule:
    return Rule(**{**values, "options": MappingProxyType(values["options"])})


def rule(
    *,
    code: str,
    name: str,
    category: str,
    severity: str | Severity,
    summary: str,
    needs: Iterable[str] = (),
    options: Mapping[str, Any] | None = None,
    examples: Iterable[Example] = (),
    prepare: PrepareFunction | None = None,
    figures: FiguresFunction | None = None,
    prefilter: PrefilterFunction | None = None,
    local: bool = False,
    local_prefilter: bool = False,
    supersedes: Iterable[str] = (),
    uses: Iterable[str] = (),
    documents: Iterable[str] = DEFAULT_DOCUMENTS,
    ranges: Mapping[str, str] | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Make a `Rule` from a check function; its docstring becomes the rule's documentation.

    `options` declare the rule's options by their defaults (each option's type is its default's).
    """

    def decorate(function: CheckFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            category=category,
            severity=Severity.parse(severity),
            summary=summary,
            check=function,
            needs=frozenset(needs),
            description=inspect.cleandoc(function.__doc__ or ""),
            options=MappingProxyType(dict(options or {})),
            examples=tuple(examples),
            source=function.__module__,
            prepare=prepare,
            figures=figures,
            prefilter=prefilter,
            local=local,
            local_prefilter=local_prefilter,
            supersedes=tuple(supersedes),
            uses=tuple(uses),
            documents=tuple(documents),
            ranges=tuple((str(low), str(high)) for low, high in (ranges or {}).items()),
        )

    return decorate
