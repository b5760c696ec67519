"""Typed rule options: declared schemas, validation, and the automatic ``extend-<name>`` variants.

Every rule has a schema: one `Option` (name, type, default, description) per option. A data
rule's schema is its kind's (`wbl.kinds`); a Python rule declares its options with their defaults
(in its TOML file or `@rule(options=...)`), and each option's type is fixed then from the default.
The same schema checks a rule file when it loads and a user's configuration when it sets options,
so both name the file and the key of a wrong value.

Every list option ``name`` also accepts ``extend-name`` in a configuration: the values are added to
the default (or to what an earlier layer set) instead of replacing it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from wbl.saferegex import UnsafePatternError, compile_pattern

EXTEND = "extend-"

# Type names and how a value of each is described in an error message.
TYPES = {
    "boolean": "a boolean",
    "integer": "a whole number",
    "number": "a number",
    "string": "a string",
    "strings": "a list of strings",
    "list": "a list",
    "table": "a table",
    "tables": "a list of tables",
}
LIST_TYPES = frozenset({"strings", "list", "tables"})
NUMBER_TYPES = frozenset({"integer", "number"})


def describe(value: Any) -> str:
    """A value for an error message: its TOML type and a short JSON rendering."""
    kind = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list", dict: "a table"}
    return f"{kind.get(type(value), type(value).__name__)} {json.dumps(value, default=str)[:40]}"


@dataclass(frozen=True, slots=True)
class Option:
    """One declared option: its name, type (a key of `TYPES`), default (None: unset) and meaning."""

    name: str
    type: str
    default: Any = None
    description: str = ""
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"option {self.name!r}: unknown type {self.type!r} (expected one of {', '.join(TYPES)})")

    @classmethod
    def inferred(cls, name: str, default: Any) -> Option:
        """The option a default implies (a Python rule's options are declared by their defaults)."""
        if isinstance(default, bool):
            kind = "boolean"
        elif isinstance(default, int):
            kind = "integer"
        elif isinstance(default, float):
            kind = "number"
        elif isinstance(default, str):
            kind = "string"
        elif isinstance(default, dict):
            kind = "table"
        elif isinstance(default, list) and all(isinstance(d, str) for d in default):
            kind = "strings"  # an empty default is a word list to fill (`extend-words = []`)
        elif isinstance(default, list) and default and all(isinstance(d, dict) for d in default):
            kind = "tables"
        else:
            kind = "list"
        return cls(name, kind, default)

    @property
    def is_list(self) -> bool:
        return self.type in LIST_TYPES

    def problem(self, value: Any) -> str | None:
        """What is wrong with `value` for this option ("expected a number, got ..."), or None."""
        if _fits(self.type, value) and self._chosen(value):
            # A rule's numbers are counts, limits and shares: none is below zero, unless the
            # option's own default is (a plugin's offset, say).
            if self.type in NUMBER_TYPES and value < 0 and not _negative(self.default):
                return f"expected {TYPES[self.type]} of 0 or more, got {describe(value)}"
            return None
        expected = TYPES[self.type]
        if self.choices:
            among = ", ".join(map(repr, self.choices))
            expected = {"strings": f"a list of values among {among}", "table": f"a table of values among {among}"}.get(
                self.type, f"one of {among}"
            )
        elif self.type in ("strings", "tables") and not isinstance(value, list):
            expected = "a list"
        return f"expected {expected}, got {describe(value)}"

    def _chosen(self, value: Any) -> bool:
        if not self.choices:
            return True
        if self.type == "strings":
            return all(v in self.choices for v in value)
        if self.type == "table":  # the choices are the values' (term -> "safe")
            return all(v in self.choices for v in value.values())
        return value in self.choices


def _negative(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value < 0


def _fits(kind: str, value: Any) -> bool:
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer()
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    if kind == "strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "tables":
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    if kind == "list":
        return isinstance(value, list)
    return isinstance(value, dict)  # table


class Schema:
    """The options of one rule, by name, with the ``extend-`` variant of each list option."""

    __slots__ = ("options",)

    def __init__(self, options: Iterable[Option]) -> None:
        self.options: dict[str, Option] = {o.name: o for o in options}

    def __iter__(self) -> Iterator[Option]:
        return iter(self.options.values())

    def __reduce__(self) -> tuple[Any, ...]:
        return (Schema, (tuple(self.options.values()),))

    def extended(self, key: str) -> Option | None:
        """The list option that ``extend-<name>`` adds to, when `key` is such a variant."""
        if key in self.options or not key.startswith(EXTEND):
            return None
        target = self.options.get(key.removeprefix(EXTEND))
        return target if target is not None and _extensible(target) else None

    def get(self, key: str) -> Option | None:
        """The option `key` sets: a declared one, or the ``extend-`` variant of a list option."""
        declared = self.options.get(key)
        if declared is not None:
            return declared
        target = self.extended(key)
        if target is None:
            return None
        return Option(key, target.type, [], f"added to `{target.name}`")

    def names(self) -> list[str]:
        """Every key a configuration may set, for "did you mean" hints."""
        return [*self.options, *(EXTEND + o.name for o in self.options.values() if _extensible(o))]

    def defaults(self) -> dict[str, Any]:
        return {o.name: o.default for o in self.options.values() if o.default is not None}

    def effective(self, defaults: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
        """`defaults` with `overrides` applied: values replace, ``extend-`` variants add to the list."""
        merged = dict(defaults)
        added: dict[str, list[Any]] = {}
        for key, value in overrides.items():
            target = self.extended(key)
            if target is None:
                merged[key] = value
            else:
                added.setdefault(target.name, []).extend(value)
        for name, values in added.items():
            merged[name] = [*merged.get(name, ()), *values]
        return merged


# Options (and fields of a table option) that hold regular expressions, by their names.
_PATTERN_NAMES = ("regex", "pattern", "patterns")


def is_pattern_option(name: str) -> bool:
    return name in _PATTERN_NAMES or name.endswith(("-pattern", "-patterns", "-regex"))


def _template_parts(text: str) -> Iterable[tuple[str, str | None, str | None, str | None]]:
    """`string.Formatter().parse(text)`; `string` is imported here, as its `Template` compiles a
    pattern on import that a run served from the result cache never needs."""
    import string

    return string.Formatter().parse(text)


def template_fields(text: str) -> tuple[str, ...] | None:
    """The replacement fields of a message template (``"'{match}' left"`` -> ("match",)), or
    None when it has none or is not a valid template."""
    try:
        fields = tuple(name for _, name, _, _ in _template_parts(text) if name is not None)
    except ValueError:
        return None
    return fields or None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``; did you mean 'max-words'?`` for the choice closest to a mistyped word, or ""."""
    import difflib  # only for a hint in an error message

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def option_problem(rule: Any, option: str, value: Any) -> str | None:
    """Why `value` cannot be a `wbl.rule.Rule`'s option `option` (unknown, of the wrong type, or
    failing when the rule runs), or None. "severity" is not a schema option: the caller checks it."""
    schema = rule.option_schema
    declared = schema.get(option)
    if declared is None:
        return f"unknown option of {rule.code} ({rule.name}){did_you_mean(option, [*schema.names(), 'severity'])}"
    default = rule.options.get(option.removeprefix(EXTEND) if schema.extended(option) else option)
    return declared.problem(value) or value_problem(option, value, default, fields=rule.kind == "python")


def range_problem(rule: Any, overrides: Mapping[str, Any]) -> tuple[str, str] | None:
    """A range the rule declares (`Rule.ranges`, lower -> upper option) that `overrides` would set
    the wrong way round ("max-letters" below "min-letters", the defaults filling in what
    `overrides` leaves out), as (option, problem)."""
    effective = {**rule.options, **overrides}
    for low_name, high_name in getattr(rule, "ranges", ()):
        low, high = effective.get(low_name), effective.get(high_name)
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high))
        if numbers and high < low:
            option = high_name if high_name in overrides else low_name
            return option, f"{high_name} ({high}) is below {low_name} ({low}): no value fits"
    return None


# The values of a severity option ("faq-severity"): a severity, or "" for the rule's own.
_SEVERITY_VALUES = frozenset({"", "error", "warning", "info"})


# The values that options of these names can hold (a rule that names no such value never fires):
# the kinds of unit a rule reads, the regions of the document ("pr", "faq", "back") or, for a
# rule that lists the release's parts, the anatomy's part names.
_UNIT_KINDS = ("heading", "paragraph", "list_item", "table_cell")
_REGIONS = ("pr", "faq", "back")


def _domain(name: str, default: Any) -> tuple[str, ...]:
    if not isinstance(default, list) or not default or not all(isinstance(d, str) for d in default):
        return ()
    if name in ("kinds", "extend-kinds") and set(default) <= set(_UNIT_KINDS):
        return _UNIT_KINDS
    if name.endswith("parts"):
        from wbl.anatomy import PARTS  # the anatomy imports this module's users, not this module

        for domain in (_REGIONS, PARTS):
            if set(default) <= set(domain):
                return tuple(domain)
    return ()


def value_problem(name: str, value: Any, default: Any, *, fields: bool = True) -> str | None:
    """What would make a well-typed option value fail when the rule runs, or None: a regular
    expression that does not compile or could backtrack catastrophically (`wbl.saferegex`), a
    message template that is not valid or (with `fields`) names a field the rule's default
    message does not use, a table of a list of tables that lacks a key every default table has.
    Checked when the configuration is read, so that the error names the file and the key."""
    domain = _domain(name, default)
    if domain and isinstance(value, list):
        unknown = [v for v in value if isinstance(v, str) and v not in domain]
        if unknown:
            return f"unknown value {unknown[0]!r}: expected values among {', '.join(domain)}"
    if isinstance(value, str) and not value.strip() and isinstance(default, str) and template_fields(default):
        return "expected a message, got an empty string"
    if name.endswith("-severity") and isinstance(value, str) and value.lower() not in _SEVERITY_VALUES:
        return f'expected one of info, warning, error or "" (the rule\'s own severity), got {describe(value)}'
    if is_pattern_option(name):
        for pattern in [value] if isinstance(value, str) else value if isinstance(value, list) else ():
            if isinstance(pattern, str):
                try:
                    compile_pattern(pattern)
                except UnsafePatternError as exc:
                    return str(exc)
    if isinstance(value, str) and isinstance(default, str) and template_fields(default):
        return _template_problem(value, template_fields(default) or (), fields)
    if isinstance(value, list) and isinstance(default, list) and default and all(isinstance(d, dict) for d in default):
        required = set.intersection(*(set(d) for d in default))
        for index, table in enumerate(value):
            if not isinstance(table, dict):
                continue
            missing = sorted(required - set(table))
            if missing:
                return f"table {index + 1} lacks {', '.join(repr(m) for m in missing)}"
            for key, item in table.items():
                problem = value_problem(key, item, default[0].get(key), fields=fields)
                if problem:
                    return f"table {index + 1}, {key}: {problem}"
    return None


def _template_problem(value: str, allowed: tuple[str, ...], check_fields: bool) -> str | None:
    try:
        used = [name for _, name, _, _ in _template_parts(value) if name is not None]
    except ValueError as exc:
        return f"not a valid message template ({exc}); write a literal brace as {{{{ or }}}}"
    for name in used:
        field = name.split(".", 1)[0].split("[", 1)[0]
        if not field or field.isdigit():
            return f"message template field {{{name}}}: use a name ({', '.join(allowed)})"
        if check_fields and field not in allowed:
            return f"message template names {{{field}}}, which this rule does not give (it gives {', '.join(allowed)})"
        if field != name:
            return f"message template field {{{name}}}: use the name alone ({{{field}}})"
    return None


def _extensible(option: Option) -> bool:
    """A list option gets an ``extend-`` variant, unless it is itself one (``extend-words``)."""
    return option.is_list and not option.name.startswith(EXTEND)


__all__ = [
    "EXTEND",
    "LIST_TYPES",
    "TYPES",
    "Option",
    "Schema",
    "describe",
    "is_pattern_option",
    "template_fields",
    "value_problem",
]
