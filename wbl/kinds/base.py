"""What every rule kind is, and the places document-level findings go.

A kind is a rule shape written once in code (Vale's existence, substitution, metric...). A rule
file names its kind and gives it two things: the kind's *keys*, fixed by the rule's author (what a
metric measures, which function a Python rule runs), and its *options*, defaults a user may change
in the configuration (word lists, limits, messages). The kind declares both as `Option` schemas,
so a rule file and a configuration are checked against the same types.

The linter calls `prepare` once per rule and configuration (compiling word lists, say) and hands
the result to every check as `RuleContext.prepared`: nothing is cached by object identity, so a
language server that reloads its configuration lets the old results go.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from wbl.options import Option, Schema
from wbl.rule import Figure, RuleContext, Severity, Violation

if TYPE_CHECKING:
    from wbl.document import Document, Sentence


class Kind:
    """A rule kind. Subclasses set `name`, their `keys` and `options`, and implement `check`."""

    name: ClassVar[str]
    keys: ClassVar[tuple[Option, ...]] = ()
    required: ClassVar[tuple[str, ...]] = ()  # keys every rule file of the kind must give
    options: ClassVar[tuple[Option, ...]] = ()
    # Whether `figures` measures anything (the HTML review page asks only those that do).
    has_figures: ClassVar[bool] = False
    # Whether `prefilter` narrows the sentences the kind reads the parse of (see `Rule.prefilter`).
    has_prefilter: ClassVar[bool] = False

    __slots__ = ("settings", "where")

    def __init__(self, settings: Mapping[str, Any], where: str) -> None:
        """`settings`: the rule file's kind keys, already checked against `keys`; `where`: the file."""
        self.settings = dict(settings)
        self.where = where

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.settings, self.where))

    def schema(self) -> Schema:
        """The options a rule of this kind takes (some kinds derive them from their keys)."""
        return Schema(self.options)

    def prepare(self, ctx: RuleContext) -> Any:
        """What the checks need from the options, computed once per rule and configuration."""
        return None

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        raise NotImplementedError

    def figures(self, document: Document, ctx: RuleContext) -> Iterable[Figure]:
        return ()

    @property
    def local(self) -> bool:
        """Whether a rule of this kind judges each unit alone (see `Rule.local`)."""
        return False

    def prefilter(self, document: Document, ctx: RuleContext) -> Iterable[Sentence]:
        """The sentences whose parse `check` may read (only called when `has_prefilter`)."""
        return document.sentences()

    def __call__(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        return self.check(document, ctx)


def document_anchor(
    document: Document, message: str, severity: Severity | None = None, topic: str | None = None
) -> Violation:
    """A finding about the whole document: at the headline, else at the first unit of the release."""
    headline = document.anatomy.get("headline")
    if headline is not None:
        segment = headline.segments[0]
        return Violation(message, segment.unit, segment.start, segment.end, severity=severity, topic=topic)
    units = document.pr_units() or document.units
    if not units:
        return Violation(message, None, 0, 0, severity=severity, topic=topic)
    return Violation.covering(units[0], message, severity=severity, topic=topic)


def listing(labels: Iterable[str]) -> str:
    """ "a, b and c"."""
    items = list(labels)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


__all__ = ["Kind", "document_anchor", "listing"]
