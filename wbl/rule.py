"""What a rule is: frozen metadata plus a pure function from a document to violations."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

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

# What a rule may ask of the NLP stage.
FEATURES = frozenset({"sentences", "pos", "lemma", "dep", "ner"})

CODE_PATTERN = re.compile(r"^WB[0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
EXPECT_MARKER = re.compile(r"<!--\s*expect:\s*([A-Z0-9 ,]+?)\s*-->")


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


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

    @classmethod
    def in_sentence(cls, sentence: Sentence, start: int, end: int, message: str, **kw: Any) -> Violation:
        """A span given in offsets relative to the sentence's start."""
        return cls(message, sentence.unit, sentence.start + start, sentence.start + end, **kw)


@dataclass(frozen=True, slots=True)
class Example:
    """A good or bad Markdown example; bad lines carry ``<!-- expect: WB601 -->``."""

    kind: str  # "good" or "bad"
    markdown: str
    name: str = ""

    def expected(self) -> list[tuple[int, str]]:
        """(line, code) pairs that the markers in the example call for."""
        result = []
        for number, line in enumerate(self.markdown.splitlines(), start=1):
            for match in EXPECT_MARKER.finditer(line):
                for code in re.split(r"[ ,]+", match.group(1).strip()):
                    result.append((number, code))
        return result


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule gets beside the document: its effective options."""

    options: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.options[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


CheckFunction = Callable[["Document", RuleContext], Iterable[Violation]]


@dataclass(frozen=True, slots=True)
class Rule:
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
    origin: str = "builtin"

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
        return problems


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
) -> Callable[[CheckFunction], Rule]:
    """Make a `Rule` from a check function; its docstring becomes the rule's documentation."""

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
        )

    return decorate
