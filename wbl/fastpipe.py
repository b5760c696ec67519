"""Faster drop-in versions of two spaCy components, identical in what they write.

spaCy's attribute ruler (tag map and exceptions: coarse POS and morphology from the fine tag) and
its rule lemmatizer spend most of their time in per-token Python overhead: on wbl's corpora they
cost more than the dependency parser. The versions here read each Doc's attributes once as arrays
and write through spaCy's own functions:

- the attribute ruler's patterns are compiled, at load time, into lookups keyed by the first
  token's LOWER, TAG, DEP or IS_SPACE value; matches are applied in the ruler's own order (later
  patterns win), with the ruler's normalised attributes and spaCy's ``set_token_attrs``;
- the lemmatizer remembers every answer of its own ``rule_lemmatize`` by (form, POS, morphology),
  which is all that answer depends on.

`install` swaps a loaded pipeline's components for these only when they are spaCy's classes in the
configuration this was written for (pattern values, IN, NOT_IN and REGEX over LOWER, TAG, DEP and
IS_SPACE; spaCy's or the English rule lemmatizer); otherwise the pipeline is left as it is.
``tests/test_fastpipe.py`` checks that every token's annotations are identical to spaCy's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

_ATTRIBUTES = ("LOWER", "TAG", "DEP", "IS_SPACE")

# One token's constraint: (column in the attribute array, how, what): IN or NOT_IN a set of hashes
# (0/1 for IS_SPACE), or a regular expression searched in the attribute's string.
_IN, _NOT_IN, _REGEX = 0, 1, 2
_Check = tuple[int, int, Any]
# One pattern: (the ruler's attribute-set id, constraints per token, the index of the token to set).
_Pattern = tuple[int, tuple[tuple[_Check, ...], ...], int]
# Patterns by the value of their first token's key (per column of `_ATTRIBUTES`: the first one the
# pattern gives as a value or an IN list), and those to try at every token.
_Table = tuple[list[dict[int, list[_Pattern]]], list[_Pattern]]


def _check(column: int, attribute: str, value: Any, strings: Any) -> _Check | None:
    """A pattern value as a check; None for what is not supported."""
    how, items = _IN, [value]
    if isinstance(value, Mapping):
        if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX"):
            return None
        ((operator, argument),) = value.items()
        if operator == "REGEX":
            if attribute == "IS_SPACE" or not isinstance(argument, str):
                return None
            return column, _REGEX, re.compile(argument)
        how, items = (_IN if operator == "IN" else _NOT_IN), list(argument)
    if attribute == "IS_SPACE":
        if not all(isinstance(v, bool) for v in items):
            return None
        return column, how, frozenset(int(v) for v in items)
    if not all(isinstance(v, str) for v in items):
        return None
    return column, how, frozenset(strings.add(v) for v in items)


def compile_ruler(ruler: Any) -> _Table | None:
    """The ruler's patterns indexed by the first token's LOWER, TAG, DEP or IS_SPACE value (the
    first the pattern gives as a value or an IN list), else under every token; None when a pattern uses
    anything but values, IN, NOT_IN and REGEX over `_ATTRIBUTES` (then the ruler stays as it is)."""
    strings = ruler.vocab.strings
    table: _Table = ([{} for _ in _ATTRIBUTES], [])
    for attr_id, position in enumerate(ruler.indices):
        _, token_patterns = ruler.matcher.get(strings[str(attr_id)])
        for tokens in token_patterns:
            compiled: list[tuple[_Check, ...]] = []
            for spec in tokens:
                checks = []
                for attribute, value in spec.items():
                    name = str(attribute).upper()
                    check = _check(_ATTRIBUTES.index(name), name, value, strings) if name in _ATTRIBUTES else None
                    if check is None:
                        return None
                    checks.append(check)
                compiled.append(tuple(checks))
            if not compiled:
                return None
            for column in range(len(_ATTRIBUTES)):  # LOWER, TAG, DEP, IS_SPACE: the first that is a key
                keyed = next((c for c in compiled[0] if c[0] == column and c[1] == _IN), None)
                if keyed is not None:
                    # The lookup by the key is the check: the rest are checked at each candidate.
                    rest = (tuple(c for c in compiled[0] if c is not keyed), *compiled[1:])
                    for key in keyed[2]:
                        table[0][column].setdefault(key, []).append((attr_id, rest, int(position)))
                    break
            else:
                table[1].append((attr_id, tuple(compiled), int(position)))
    return table


def _holds(check: _Check, value: int, strings: Any) -> bool:
    _, how, what = check
    if how == _IN:
        return value in what
    if how == _NOT_IN:
        return value not in what
    return what.search(strings[value]) is not None


def _matches(table: _Table, rows: list[list[int]], strings: Any) -> list[tuple[int, int, int, int]]:
    """(attribute-set id, start, end, index) for every match, in the order the ruler applies them."""
    found = set()
    lower, tag, dep, space = table[0]
    everywhere = table[1]
    count = len(rows)
    for start, row in enumerate(rows):
        for candidates in (lower.get(row[0]), tag.get(row[1]), dep.get(row[2]), space.get(row[3]), everywhere):
            if not candidates:
                continue
            for attr_id, tokens, position in candidates:
                end = start + len(tokens)
                if end > count:
                    continue
                # Most patterns are one token whose key was the only check.
                if (len(tokens) == 1 and not tokens[0]) or all(
                    _holds(check, rows[start + k][check[0]], strings)
                    for k, checks in enumerate(tokens)
                    for check in checks
                ):
                    found.add((attr_id, start, end, position))
    return sorted(found)


class FastAttributeRuler:
    """Mixed into spaCy's AttributeRuler instance by `install`: the same result, faster. The
    patterns are compiled when it is installed: patterns added to the ruler later are not seen."""

    _wbl_table: _Table

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        error_handler = self.get_error_handler()  # type: ignore[attr-defined]
        try:
            if not len(doc):
                return doc
            rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
            attrs = self.attrs  # type: ignore[attr-defined]
            for attr_id, start, end, position in _matches(self._wbl_table, rows, doc.vocab.strings):
                target = start + position if position >= 0 else end + position
                if not start <= target < end:
                    raise ValueError(f"attribute ruler pattern {attr_id}: index {position} outside its match")
                set_token_attrs(doc[target], attrs[attr_id])
            return doc
        except Exception as e:  # as spaCy's own: the pipeline's error handler decides
            return error_handler(self.name, self, [doc], e)  # type: ignore[attr-defined]


class FastLemmatizer:
    """Mixed into spaCy's rule Lemmatizer instance by `install`: the same lemmas, faster.

    spaCy's rule lemmatizer caches only some of its answers and looks words up in lists of tens
    of thousands of entries; its answer is a function of the token's form, POS and morphology, so
    every answer is remembered here (as the lemma's hash), and `install` turns the word lists into
    sets (membership is all the rules ask of them; saving the pipeline writes the lists). One
    difference that is no annotation: spaCy's warning that a token has no POS (W108) comes once
    per word form here, not once per token."""

    _wbl_lemmas: dict[tuple[int, int, int], int]
    _wbl_index_lists: dict[Any, list[str]]

    def __call__(self, doc: Any) -> Any:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not self._validated or not len(doc):  # type: ignore[attr-defined]
            return super().__call__(doc)  # type: ignore[misc]  (spaCy validates and raises)
        error_handler = self.get_error_handler()  # type: ignore[attr-defined]
        try:
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            known = self._wbl_lemmas
            add = doc.vocab.strings.add
            overwrite = self.overwrite  # type: ignore[attr-defined]
            lemmas = []
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if not overwrite and lemma != 0:
                    lemmas.append(lemma)
                    continue
                key = (orth, pos, morph)
                found = known.get(key)
                if found is None:
                    found = known[key] = add(self.rule_lemmatize(doc[i])[0])  # type: ignore[attr-defined]
                lemmas.append(found)
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
            return doc
        except Exception as e:  # as spaCy's own, which returns nothing after its handler
            error_handler(self.name, self, [doc], e)  # type: ignore[attr-defined]
            return None

    @contextmanager
    def _wbl_word_lists(self) -> Iterator[None]:
        """The lookups as spaCy wrote them (lists), while the component is saved."""
        index = self.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        sets = {pos: index[pos] for pos in self._wbl_index_lists}
        try:
            for pos, words in self._wbl_index_lists.items():
                index[pos] = words
            yield
        finally:
            for pos, words in sets.items():
                index[pos] = words

    def to_bytes(self, **kwargs: Any) -> bytes:
        with self._wbl_word_lists():
            return super().to_bytes(**kwargs)  # type: ignore[misc,no-any-return]

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        with self._wbl_word_lists():
            super().to_disk(path, **kwargs)  # type: ignore[misc]


def install(nlp: Any) -> list[str]:
    """Swap the pipeline's attribute ruler and rule lemmatizer for the fast versions where they
    are spaCy's own and supported; the names of the components swapped."""
    from spacy.pipeline import AttributeRuler, Lemmatizer  # loaded already: `nlp` is a spaCy pipeline

    swapped = []
    for name, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            table = compile_ruler(component)
            if table is not None:
                component.__class__ = _fast(FastAttributeRuler, AttributeRuler)
                component._wbl_table = table
                swapped.append(name)
        elif isinstance(component, Lemmatizer) and component.mode == "rule" and _plain_lemmatizer(component):
            index = component.lookups.get_table("lemma_index", {})
            lists = {pos: index[pos] for pos in list(index.keys())}
            for pos, words in lists.items():
                index[pos] = frozenset(words)
            component.__class__ = _fast(FastLemmatizer, type(component))
            component._wbl_lemmas = {}
            component._wbl_index_lists = lists
            swapped.append(name)
    return swapped


# Lemmatizers whose answer is known to depend on the token's form, POS and morphology only.
_KNOWN_LEMMATIZERS = ("spacy.pipeline.lemmatizer", "spacy.lang.en.lemmatizer")


def _plain_lemmatizer(component: Any) -> bool:
    """Whether the lemmatizer is spaCy's own rule lemmatizer or its English one (which changes only
    the base-form test): other languages' may read more of the token, and are left alone."""
    from spacy.pipeline import Lemmatizer

    kind = type(component)
    return (
        kind.__module__ in _KNOWN_LEMMATIZERS
        and kind.__call__ is Lemmatizer.__call__
        and kind.rule_lemmatize is Lemmatizer.rule_lemmatize
    )


_FAST_CLASSES: dict[tuple[type, type], type] = {}


def _fast(mixin: type, base: type) -> type:
    """One class per (mixin, spaCy class), so that swapped components pickle and compare alike."""
    if (mixin, base) not in _FAST_CLASSES:
        fast = type(f"Wbl{base.__name__}", (mixin, base), {"__module__": __name__})
        # Named in this module, so that a swapped component pickles; unpickling it needs a
        # process that has run `install` (wbl never pickles a pipeline: workers load their own).
        globals()[fast.__name__] = fast
        _FAST_CLASSES[mixin, base] = fast
    return _FAST_CLASSES[mixin, base]
