"""Every registered rule runs on its own good and bad examples, and is fully self-described."""

from __future__ import annotations

import sys

import pytest

import wbl
from wbl.rule import CATEGORIES, Example

from .conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REGISTRY = wbl.default_registry()
RULES = [r for r in REGISTRY.rules if r.origin == "builtin"]


def _cases():
    for r in RULES:
        for example in r.examples:
            yield pytest.param(r, example, id=f"{r.code}-{example.name or example.kind}")


@pytest.fixture(scope="module")
def linters():
    return {}


def expected_findings(example: Example, code: str) -> list[tuple[int, int, str]]:
    """(line, column, code) of each finding the example's markers call for; every marker of the
    rule gives its column (``WB601@12``), so a finding at the wrong column fails."""
    expected = [(line, column, marker) for line, column, marker in example.expected() if marker == code]
    missing = [line for line, column, _ in expected if column is None]
    assert not missing, f"{example.name}: give the column of the markers on lines {missing} ({code}@COLUMN)"
    return sorted((line, column, marker) for line, column, marker in expected if column is not None)


@pytest.mark.parametrize(("rule", "example"), list(_cases()))
def test_rule_examples(rule, example, linters):
    """Examples are excerpts of PR/FAQs, so they are judged as one whatever their length (wbl
    would take a short excerpt without a PR/FAQ's marks for other Markdown)."""
    options = wbl.LintOptions(select=(rule.code,), kind="prfaq")
    linter = linters.setdefault(rule.code, wbl.Linter(options))
    report = linter.lint_text(example.markdown, example.name)
    assert not report.errors
    found = sorted((f.line, f.column, f.rule) for f in report.findings if f.rule == rule.code)
    if example.kind == "good":
        assert found == [], f"{rule.code} flags its good example: {[f.message for f in report.findings]}"
    else:
        expected = expected_findings(example, rule.code)
        assert expected, f"{example.name} has no expect markers for {rule.code}"
        assert found == expected, [f"{f.line}:{f.column}: {f.message}" for f in report.findings]


def test_markers_give_line_and_column():
    example = Example(
        "bad", "Many words. <!-- expect: WB601@1 -->\n\nIt is very, very good. <!-- expect: WB601 WB503@7 -->\n"
    )
    assert example.expected() == [(1, 1, "WB601"), (3, None, "WB601"), (3, 7, "WB503")]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_self_describing(rule):
    assert rule.validate() == []
    assert rule.category in CATEGORIES
    assert len(rule.doc) > 80, "the docstring becomes the rule's docs page"
    kinds = {e.kind for e in rule.examples}
    assert kinds == {"good", "bad"}, f"{rule.code} needs a good and a bad example"
    assert rule.summary and not rule.summary.endswith(".")


def test_codes_grouped_by_category():
    """All rules of a code prefix (WB60x) belong to one category."""
    prefixes: dict[str, set[str]] = {}
    for r in RULES:
        prefixes.setdefault(r.code[:4], set()).add(r.category)
    assert {prefix: categories for prefix, categories in prefixes.items() if len(categories) > 1} == {}


def test_every_rule_folder_is_packaged():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    packages = set(config["tool"]["setuptools"]["packages"])
    folders = {p.name for p in (REPO / "rules").iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}
    assert {f"wbl_rules.{f}" for f in folders} <= packages
    for folder in folders:
        assert (REPO / "rules" / folder / "__init__.py").exists(), folder


def test_at_least_eight_built_in_rules_are_data():
    """Rules whose shape a kind expresses are data (TOML only), not code."""
    data = sorted(r.name for r in RULES if r.kind != "python")
    assert len(data) >= 8, data
