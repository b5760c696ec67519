"""One explicit, immutable registry for built-in and third-party rules.

Rules arrive only through the entry-point group ``wbl.rules``; wbl's own pack is registered
there by wbl's own distribution, like any plugin, and its rules are marked ``builtin``. An entry
point names a `Rule`, an iterable of rules, or a callable that returns either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from wbl.guard import DEFAULT_TIME_LIMIT, GuardError, guarded
from wbl.options import describe, did_you_mean, option_problem, range_problem
from wbl.rule import CATEGORIES, Rule, Severity

if TYPE_CHECKING:
    from importlib import metadata

ENTRY_POINT_GROUP = "wbl.rules"
# The distribution whose rules are wbl's own ("builtin"): the name it is installed under (the
# command and the import are `wbl`).
DISTRIBUTION = "wbl-lint"


class RegistryError(Exception):
    """A plugin failed to load or declared invalid rules."""


class SelectionError(ValueError):
    """A --select/--ignore token matches no rule."""


class OptionError(ValueError):
    """Rule options given in code (`LintOptions.rule_options`) name an unknown rule or option, or
    hold a value of the wrong kind."""


def _rules_from(obj: object, origin: str, module: str) -> list[Rule]:
    """The rules an entry point's object gives, marked with their origin (and their source
    module, when a rule does not name it)."""
    if callable(obj) and not isinstance(obj, (type, Rule)):
        obj = obj()
    items = [obj] if isinstance(obj, Rule) else obj
    if not isinstance(items, Iterable):
        raise RegistryError(f"{origin}: entry point is {type(obj).__name__}, not a Rule, list of rules or function")
    rules = []
    for item in items:
        if not isinstance(item, Rule):
            raise RegistryError(f"{origin}: entry point yielded {type(item).__name__}, not a wbl Rule")
        rules.append(replace(item, origin=origin, source=item.source or module))
    return rules


@dataclass(frozen=True, slots=True)
class Registry:
    """The rules that can run, in code order, found by code or name (`get`) or chosen by selectors
    (`select`)."""

    rules: tuple[Rule, ...]
    # A registry read from a snapshot (`wbl.snapshot`) stands in for the installed rule packs: its
    # rules' metadata are theirs exactly, their functions load the packs when first called.
    snapshot: bool = field(default=False, compare=False)

    @classmethod
    def from_rules(cls, rules: Iterable[Rule], *, snapshot: bool = False) -> Registry:
        seen: dict[str, Rule] = {}
        names: dict[str, Rule] = {}
        problems: list[str] = []
        for r in rules:
            problems.extend(f"{r.origin}: {p}" for p in r.validate())
            if r.code in seen:
                problems.append(f"duplicate rule code {r.code}: {seen[r.code].origin} and {r.origin}")
            if r.name in names and names[r.name].code != r.code:
                first = names[r.name]
                problems.append(
                    f"duplicate rule name {r.name!r}: {first.code} ({first.origin}) and {r.code} ({r.origin})"
                )
            seen[r.code] = r
            names[r.name] = r
        if problems:
            raise RegistryError("; ".join(problems))
        return cls(tuple(sorted(seen.values(), key=lambda r: r.code)), snapshot)

    def loaded(self) -> Registry:
        """This registry with its rules' code loaded: itself, or for a snapshot the installed rule
        packs (`default_registry`), whose rules the snapshot describes."""
        return default_registry() if self.snapshot else self

    def get(self, key: str) -> Rule | None:
        for r in self.rules:
            if key in (r.code, r.name):
                return r
        return None

    def matching(self, token: str) -> list[Rule]:
        """Rules a selector names: ALL, a code, a code prefix, a slug or a category."""
        token = token.strip()
        if token.upper() == "ALL":
            return list(self.rules)
        upper = token.upper()
        return [
            r
            for r in self.rules
            if (upper.startswith("WB") and r.code.startswith(upper)) or token in (r.name, r.category)
        ]

    def select(self, select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> tuple[Rule, ...]:
        """The rules selected and not ignored, in code order. Unknown selectors raise."""
        tokens = list(select) if select else ["ALL"]
        problem = self.unknown_selectors([*tokens, *ignore])
        if problem:
            raise SelectionError(problem)
        chosen = {r.code: r for token in tokens for r in self.matching(token)}
        for r in (r for token in ignore for r in self.matching(token)):
            chosen.pop(r.code, None)
        return tuple(sorted(chosen.values(), key=lambda r: r.code))

    def unknown_selectors(self, tokens: Sequence[str]) -> str | None:
        """What is wrong with the selectors that match no rule, every one of them named ("unknown
        rule selectors 'WB60l' (did you mean 'WB601'?), 'WB9'"), or None when all match."""
        unknown = [token for token in tokens if not self.matching(token)]
        if len(unknown) == 1:
            return f"unknown rule selector {unknown[0]!r}{self.did_you_mean(unknown[0])}"
        if not unknown:
            return None
        named = []
        for token in unknown:
            hint = self.did_you_mean(token).removeprefix("; ")
            named.append(f"{token!r} ({hint})" if hint else repr(token))
        return f"unknown rule selectors {', '.join(named)}"

    def did_you_mean(self, token: str) -> str:
        """``; did you mean 'weasel-word'?`` for the code, name or category closest to a mistyped
        selector, or ""."""
        from wbl.suppress import UNUSED_CODE, UNUSED_NAME

        if token.upper() == UNUSED_CODE or token == UNUSED_NAME:
            # Not a mistyped rule: the code of the suppression comments' own findings.
            return f"; {UNUSED_CODE} reports suppression comments and is no rule: it cannot be selected or ignored"
        vocabulary = [r.code for r in self.rules] + [r.name for r in self.rules] + list(CATEGORIES)
        return did_you_mean(token, vocabulary)

    def check_options(self, rule_options: Mapping[str, Any]) -> None:
        """Raise `OptionError` for rule options that name no rule or option of this registry, or
        hold a value of the wrong kind (a configuration file's are checked as it is read)."""
        for name, options in rule_options.items():
            rule = self.get(name) or self.get(name.upper())
            if rule is None:
                names = [r.code for r in self.rules] + [r.name for r in self.rules]
                raise OptionError(f"rule_options: unknown rule {name!r}{did_you_mean(name, names)}")
            if not isinstance(options, Mapping):
                raise OptionError(f"rule_options.{name}: expected a mapping of options, got {describe(options)}")
            for option, value in options.items():
                if option == "severity":
                    valid = isinstance(value, str) and value.lower() in {s.value for s in Severity}
                    problem = None if valid else f"expected one of info, warning, error, got {describe(value)}"
                else:
                    problem = option_problem(rule, option, value)
                if problem:
                    raise OptionError(f"rule_options.{name}.{option}: {problem}")
            bounds = range_problem(rule, options)
            if bounds is not None:
                raise OptionError(f"rule_options.{name}.{bounds[0]}: {bounds[1]}")


def _is_wbl(name: str) -> bool:
    """Whether a distribution name is wbl's own, however its metadata spells it (wbl_lint, WBL-Lint)."""
    return re.sub(r"[-_.]+", "-", name).lower() == DISTRIBUTION


def _entry_points() -> list[metadata.EntryPoint]:
    # wbl's own distribution first among entry points of one module, so stale metadata left by
    # an older install (the distribution was once named "wbl") never makes the built-in pack a plugin.
    from importlib import metadata  # not at import time: a run served from a snapshot never lists them

    def key(ep: metadata.EntryPoint) -> tuple[str, bool, str]:
        dist = getattr(ep, "dist", None)
        return ep.value, not (dist is not None and _is_wbl(dist.name)), ep.name

    return sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=key)


def discover(
    entry_points: Callable[[], Iterable[metadata.EntryPoint]] = _entry_points,
) -> Registry:
    """Load every rule registered under ``wbl.rules``; errors name the distribution."""
    rules: list[Rule] = []
    loaded_modules: set[str] = set()
    for ep in entry_points():
        dist = getattr(ep, "dist", None)
        origin = f"{dist.name if dist else 'unknown distribution'} (entry point {ep.name!r} = {ep.value})"
        module = ep.value.split(":", 1)[0]
        if module in loaded_modules:
            continue  # The same package seen twice (e.g. editable and regular metadata).
        try:
            # A plugin's import runs its code: it may not hang the run or end it (wbl.guard).
            with guarded(DEFAULT_TIME_LIMIT):
                obj = ep.load()
        except GuardError as exc:
            raise RegistryError(f"{origin}: failed to load: it {exc}") from None
        except Exception as exc:  # A broken plugin must say which one it is.
            raise RegistryError(f"{origin}: failed to load: {type(exc).__name__}: {exc}") from exc
        origin_name = "builtin" if dist is not None and _is_wbl(dist.name) else (dist.name if dist else ep.name)
        rules.extend(_load_rules(obj, origin_name, origin, module))
        loaded_modules.add(module)
    return Registry.from_rules(rules)


def _load_rules(obj: object, origin_name: str, origin: str, module: str) -> list[Rule]:
    """Rules from an entry point's object; any failure (bad rule data too) names the plugin."""
    try:
        with guarded(DEFAULT_TIME_LIMIT):
            return _rules_from(obj, origin_name, module)
    except RegistryError:
        raise
    except GuardError as exc:
        raise RegistryError(f"{origin}: failed to load rules: it {exc}") from None
    except Exception as exc:
        raise RegistryError(f"{origin}: failed to load rules: {type(exc).__name__}: {exc}") from exc


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    """The process-wide registry, discovered once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = discover()
    return _DEFAULT
