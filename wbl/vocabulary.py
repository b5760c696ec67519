"""A project's vocabulary: the terms a whole project accepts, rejects or names (Vale's "vocab").

One ``[vocabulary]`` table in the configuration (and in each ``[[overrides]]``) reaches every rule
through `RuleContext.vocabulary`, so a product name accepted once is accepted by the acronym,
jargon, buzzword and weasel rules and by the shared sentence analysis alike:

* ``accept``: terms no rule flags (product names, domain terms, acronyms the readers know);
* ``reject``: terms always flagged as jargon or buzzwords;
* ``technology``: more technology terms (tech-first, customer and problem analysis);
* ``customers``: more customer roles ("pharmacist", "fleet manager");
* ``products``: the product's names (never technology, never jargon, the subject of its sentences).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from wbl.textutil import normal_phrase

KEYS = ("accept", "reject", "technology", "customers", "products")


def _merged(first: Iterable[str], second: Iterable[str]) -> tuple[str, ...]:
    seen = {normal_phrase(t): t for t in first}
    for term in second:
        seen.setdefault(normal_phrase(term), term)
    return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Project-wide term lists (see the module docstring); every list is empty by default."""

    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    technology: tuple[str, ...] = ()
    customers: tuple[str, ...] = ()
    products: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Iterable[str]]) -> Vocabulary:
        return cls(**{key: tuple(data.get(key, ())) for key in KEYS})

    def extend(self, other: Vocabulary) -> Vocabulary:
        """This vocabulary with `other`'s terms added (a later configuration layer adds, never removes)."""
        return Vocabulary(*(_merged(getattr(self, f.name), getattr(other, f.name)) for f in fields(self)))

    def __bool__(self) -> bool:
        return any(getattr(self, key) for key in KEYS)

    @property
    def accepted(self) -> frozenset[str]:
        """Normalised terms no rule flags: `accept` and the product names."""
        return frozenset(normal_phrase(t) for t in (*self.accept, *self.products))

    def accepts(self, term: str) -> bool:
        return normal_phrase(term) in self.accepted

    def to_dict(self) -> dict[str, Any]:
        """The non-empty lists, as the configuration writes them."""
        return {key: list(getattr(self, key)) for key in KEYS if getattr(self, key)}


# The empty vocabulary: the default everywhere a vocabulary is optional.
NO_VOCABULARY = Vocabulary()

__all__ = ["KEYS", "NO_VOCABULARY", "Vocabulary"]
