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


def _walk(items: Any, inside_repeat: bool) -> str | None:
    for op, value in items:
        if op in _REPEATS:
            _low, high, body = value
            unbounded = _unbounded(high)
            if unbounded and inside_repeat and op is not getattr(_constants, "POSSESSIVE_REPEAT", object()):
                return "a repetition nested inside another repetition"
            group = body[0][1][-1] if len(body) == 1 and body[0][0] is _constants.SUBPATTERN else body
            if unbounded and _separated(group):
                continue
            found = _walk(body, inside_repeat or unbounded)
            if found:
                return found
        elif op is _constants.SUBPATTERN:
            found = _walk(value[-1], inside_repeat)
            if found:
                return found
        elif op is _constants.BRANCH:
            for branch in value[1]:
                found = _walk(branch, inside_repeat)
                if found:
                    return found
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            found = _walk(value[1], inside_repeat)
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
    problem = _walk(parsed, inside_repeat=False)
    if problem:
        return (
            f"regular expression {pattern!r} has {problem}, which can take exponential time; "
            "rewrite it without the nested repetition (or use an atomic group (?>...))"
        )
    return ""
