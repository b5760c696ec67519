"""A project's vocabulary: the terms a whole project accepts, rejects or names (Vale's "vocab").

One ``[vocabulary]`` table in the configuration (and in each ``[[overrides]]``) reaches every rule
through `RuleContext.vocabulary`, so a product name accepted once is accepted by the acronym,
jargon, buzzword and weasel rules and by the shared sentence analysis alike:

* ``accept``: terms no rule flags (product names, domain terms, acronyms the readers know);
* ``reject``: terms always flagged as jargon or buzzwords;
* ``technology``: more technology terms (tech-first, customer and problem analysis);
* ``customers``: more customer roles ("pharmacist", "fleet manager");
* ``products``: the product's names (never technology, never jargon, the subject of its sentences).

A finding about a term the vocabulary could accept says how (`VocabularyHint`): the engine adds
"(accept it with `[tool.wbl.vocabulary] accept = ["HSM"]`)" to its message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from wbl.textutil import normal_phrase
from wbl.tomlwriter import toml_value

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

    def __post_init__(self) -> None:
        for key in KEYS:
            value = getattr(self, key)
            if isinstance(value, str) or not all(isinstance(term, str) for term in value):
                raise TypeError(f"Vocabulary({key}=...) takes a tuple of terms, not {value!r}")

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

# The table a hint names: `[tool.wbl.vocabulary]` of a pyproject.toml (`[vocabulary]` in a wbl.toml).
HINT_TABLE = "[tool.wbl.vocabulary]"
WBL_TOML_HINT_TABLE = "[vocabulary]"
# What a hint says for each list: (with terms, without terms); {it} is one of `_PRONOUNS`.
_HINTS = {
    "accept": ("accept {it} with", "accept it with"),
    "products": ("if {it} your product, say so with", "name your product with"),
    "customers": ("if {it} your customer, say so with", "if wbl missed your customer, name the role with"),
}
_PRONOUNS = {"accept": ("it", "them"), "products": ("it names", "they name"), "customers": ("it names", "they name")}
_EXAMPLES = {"accept": "Shelfwise", "products": "Shelfwise", "customers": "pharmacist"}  # when no term is known


@dataclass(frozen=True, slots=True)
class VocabularyHint:
    """How to make the project's vocabulary accept what a finding is about: a list of
    `[tool.wbl.vocabulary]` and the terms to add (none: an example stands in for them)."""

    key: str
    terms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.key not in _HINTS:
            raise ValueError(f"vocabulary hint for {self.key!r}: expected one of {', '.join(_HINTS)}")

    @classmethod
    def accept(cls, *terms: str) -> VocabularyHint:
        return cls("accept", tuple(dict.fromkeys(terms)))

    @classmethod
    def products(cls, *terms: str) -> VocabularyHint:
        return cls("products", tuple(dict.fromkeys(terms)))

    @classmethod
    def customers(cls, *terms: str) -> VocabularyHint:
        return cls("customers", tuple(dict.fromkeys(terms)))

    def __str__(self) -> str:
        return self.text()

    def text(self, table: str = HINT_TABLE) -> str:
        """'accept it with `[tool.wbl.vocabulary] accept = ["HSM"]`', naming `table` (the
        project's configuration file's: `[vocabulary]` in a wbl.toml)."""
        with_terms, without = _HINTS[self.key]
        one, several = _PRONOUNS[self.key]
        lead = with_terms.format(it=one if len(self.terms) == 1 else several) if self.terms else without
        terms = list(self.terms) or [_EXAMPLES[self.key]]
        return f"{lead} `{table} {self.key} = {toml_value(terms)}`"


__all__ = ["HINT_TABLE", "KEYS", "NO_VOCABULARY", "WBL_TOML_HINT_TABLE", "Vocabulary", "VocabularyHint"]
