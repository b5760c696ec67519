"""Regular expressions that come from rule data or configuration, checked before they run.

Python's `re` backtracks: a pattern with a repetition inside a repetition, like ``(a+)+$``,
takes exponential time on a line of a's that does not match, and cannot be interrupted. Patterns
written by users (rule options in the configuration) or kept as data go through `compile_pattern`,
which refuses nested unbounded repetition with a one-line error instead of hanging the linter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # Python 3.11+
    import re._compiler as _compiler
    import re._constants as _constants
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_constants as _constants  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT, getattr(_constants, "POSSESSIVE_REPEAT", None)} - {None}
# A repetition that can run more than this many times counts as unbounded.
_SMALL = 16


class UnsafePatternError(ValueError):
    """A pattern that could backtrack catastrophically (or does not compile)."""


def _unbounded(high: int) -> bool:
    return high is _constants.MAXREPEAT or high > _SMALL


def _separated(body: Any) -> bool:
    r"""True for a repeated body like ``\.\d+`` or ``[-/][a-z]+``: it starts with a delimiter that
    none of its inner repetitions can match, so each round starts at a fixed point and there is
    only one way to split the text (no catastrophic backtracking)."""
    items = list(body)
    if not items or (items[0][0] is not _constants.LITERAL and items[0][0] is not _constants.IN):
        return False
    first = _parser.SubPattern(body.state, [items[0]])
    delimiters = [chr(c) for c in range(32, 127) if _compiler.compile(first, 0).fullmatch(chr(c))]
    if not delimiters:
        return False
    for op, value in items[1:]:
        if op in _REPEATS:
            inner = _parser.SubPattern(body.state, list(value[2]))
            if any(_compiler.compile(inner, 0).fullmatch(d) for d in delimiters):
                return False
        elif op in (_constants.SUBPATTERN, _constants.BRANCH):
            return False
    return True


# Characters tried to approximate what an atom matches (ASCII, Latin, punctuation, a few others).
_SAMPLE = "".join(chr(c) for c in range(0x250)) + "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u3000\u4e2d\u0416"
_ATOMS = {_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY, _constants.CATEGORY}


def _atom_chars(state: Any, item: Any) -> frozenset[str]:
    compiled = _compiler.compile(_parser.SubPattern(state, [item]), 0)
    return frozenset(c for c in _SAMPLE if compiled.fullmatch(c))


def _chars(state: Any, items: Any) -> frozenset[str]:
    """Every sample character some atom of `items` can match (an over-approximation)."""
    found: set[str] = set()
    for op, value in items:
        if op in _ATOMS:
            found |= _atom_chars(state, (op, value))
        elif op in _REPEATS:
            found |= _chars(state, value[2])
        elif op is _constants.SUBPATTERN:
            found |= _chars(state, value[-1])
        elif op is _constants.BRANCH:
            for branch in value[1]:
                found |= _chars(state, branch)
        elif op is getattr(_constants, "ATOMIC_GROUP", None):
            found |= _chars(state, value)
    return frozenset(found)


def _width(state: Any, items: Any) -> int:
    """The fewest characters `items` can match."""
    return _parser.SubPattern(state, list(items)).getwidth()[0]


def _first_chars(state: Any, items: Any) -> frozenset[str]:
    """The sample characters a match of `items` can start with (an over-approximation)."""
    found: set[str] = set()
    for item in items:
        found |= _chars(state, [item])
        if _width(state, [item]) > 0:
            break
    return frozenset(found)


def _body(value: Any) -> Any:
    """A repetition's body, looking through one group: ``(a|aa)+`` -> ``a|aa``."""
    body = value[2]
    if len(body) == 1 and body[0][0] is _constants.SUBPATTERN:
        return body[0][1][-1]
    return body


def _ambiguous_body(state: Any, body: Any) -> bool:
    """A repeated body that can split a text more than one way: an alternation whose
    alternatives can start with the same character (``(a|aa)+``, which the parser stores as
    ``a(?:|a)``: an empty alternative then competes with what follows, here the next round), or
    an optional part that competes with what follows it."""
    items = list(body)
    first = _first_chars(state, items)
    for index, (op, value) in enumerate(items):
        rest = items[index + 1 :]
        follow = _first_chars(state, rest) | (first if _width(state, rest) == 0 else frozenset())
        if op is _constants.BRANCH:
            seen: set[str] = set()
            for branch in value[1]:
                starts = _first_chars(state, branch) | (follow if _width(state, branch) == 0 else frozenset())
                if seen & starts:
                    return True
                seen |= starts
        elif op in _REPEATS and value[0] == 0 and not _unbounded(value[1]) and _chars(state, value[2]) & follow:
            return True
    return False


def _adjacent_repeats(state: Any, items: Any) -> bool:
    """Two unbounded repetitions in a row that can match the same characters, with nothing
    between them that pins the split (``\\w+\\w+$``, ``\\w+a\\w+$``): each way of splitting a
    run between them is tried, so the time grows as a power of the run's length."""
    live: frozenset[str] | None = None  # what the last unbounded repetition can match
    for op, value in items:
        if op in _REPEATS and value[1] is _constants.MAXREPEAT:
            body = value[2]
            if live is not None and live & _first_chars(state, body):
                return True
            live = _chars(state, body)
        elif _width(state, [(op, value)]) == 0:
            continue  # an anchor, a look-around, an optional part: the split stays open
        elif live is not None and _chars(state, [(op, value)]) <= live:
            continue  # a character the repetition could also have taken
        else:
            live = None
    return False


def _walk(state: Any, items: Any, inside_repeat: bool) -> str | None:
    if _adjacent_repeats(state, items):
        return "two repetitions in a row that can match the same text"
    for op, value in items:
        if op in _REPEATS:
            _low, high, body = value
            unbounded = _unbounded(high)
            if unbounded and inside_repeat and op is not getattr(_constants, "POSSESSIVE_REPEAT", object()):
                return "a repetition nested inside another repetition"
            group = body[0][1][-1] if len(body) == 1 and body[0][0] is _constants.SUBPATTERN else body
            if unbounded and _separated(group):
                continue
            if unbounded and _width(state, body) == 0:
                return "a repetition of something that can match nothing"
            if unbounded and _ambiguous_body(state, _body(value)):
                return "alternatives that can match the same text inside a repetition"
            found = _walk(state, body, inside_repeat or unbounded)
            if found:
                return found
        elif op is _constants.SUBPATTERN:
            found = _walk(state, value[-1], inside_repeat)
            if found:
                return found
        elif op is _constants.BRANCH:
            for branch in value[1]:
                found = _walk(state, branch, inside_repeat)
                if found:
                    return found
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            found = _walk(state, value[1], inside_repeat)
            if found:
                return found
        elif op is getattr(_constants, "ATOMIC_GROUP", None):
            continue  # An atomic group never backtracks into itself.
    return None


@lru_cache(maxsize=512)
def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile `pattern`, refusing one that could backtrack catastrophically."""
    from wbl import derived

    # The verdict is kept across runs (see `wbl.derived`): the check compiles pieces of the pattern.
    problem = derived.remember("safe-regex", derived.digest(pattern, flags), lambda: _problem(pattern, flags))
    if problem:
        raise UnsafePatternError(problem)
    return derived.compiled(pattern, flags)


def _problem(pattern: str, flags: int) -> str:
    """Why `pattern` is refused ("" when it is safe)."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error as exc:
        return f"invalid regular expression {pattern!r}: {exc}"
    problem = _walk(parsed.state, parsed, inside_repeat=False)
    if problem:
        return (
            f"regular expression {pattern!r} has {problem}, "
            "which can take exponential time (or a high power of the length of the text); "
            "rewrite it so that each part of a text can be matched only one way (or use an atomic group (?>...))"
        )
    return ""
