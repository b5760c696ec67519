"""Every registered rule runs on its own good and bad examples, and is fully self-described."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib

import wbl
from wbl.rule import CATEGORIES

from .conftest import REPO

REGISTRY = wbl.default_registry()
RULES = [r for r in REGISTRY.rules if r.origin == "builtin"]


def _cases():
    for r in RULES:
        for example in r.examples:
            yield pytest.param(r, example, id=f"{r.code}-{example.name or example.kind}")


@pytest.fixture(scope="module")
def linters():
    return {}


@pytest.mark.parametrize(("rule", "example"), list(_cases()))
def test_rule_examples(rule, example, linters):
    linter = linters.setdefault(rule.code, wbl.Linter(wbl.LintOptions(select=(rule.code,))))
    report = linter.lint_text(example.markdown, example.name)
    assert not report.errors
    found = sorted({(f.line, f.rule) for f in report.findings if f.rule == rule.code})
    if example.kind == "good":
        assert found == [], f"{rule.code} flags its good example: {[f.message for f in report.findings]}"
    else:
        expected = sorted({(line, code) for line, code in example.expected() if code == rule.code})
        assert expected, f"{example.name} has no expect markers for {rule.code}"
        assert found == expected, [f"{f.line}: {f.message}" for f in report.findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_self_describing(rule):
    assert rule.validate() == []
    assert rule.category in CATEGORIES
    assert len(rule.doc) > 80, "the docstring becomes the rule's docs page"
    kinds = {e.kind for e in rule.examples}
    assert kinds == {"good", "bad"}, f"{rule.code} needs a good and a bad example"
    assert rule.summary and not rule.summary.endswith(".")


def test_codes_grouped_by_category():
    prefixes: dict[str, set[str]] = {}
    for r in RULES:
        prefixes.setdefault(r.code[:4], set()).add(r.category)
    for prefix, categories in prefixes.items():
        assert len(categories) == 1 or prefix.startswith("WB1") or prefix.startswith("WB2"), (prefix, categories)


def test_every_rule_folder_is_packaged():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    packages = set(config["tool"]["setuptools"]["packages"])
    folders = {p.name for p in (REPO / "rules").iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}
    assert {f"wbl_rules.{f}" for f in folders} <= packages
    assert all(isinstance(Path(REPO / "rules" / f / "__init__.py").exists(), bool) for f in folders)
    for folder in folders:
        assert (REPO / "rules" / folder / "__init__.py").exists(), folder
