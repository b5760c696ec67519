"""Patterns from rule data or configuration cannot hang the linter."""

from __future__ import annotations

import subprocess

import pytest

from wbl.saferegex import UnsafePatternError, compile_pattern

from .conftest import clean_env, wbl_command


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(a*)*b", r"(?:\w+\s?)+$", r"(x|y+)*z", r"((ab)*)+c"])
def test_catastrophic_patterns_are_refused(pattern):
    with pytest.raises(UnsafePatternError, match="exponential time"):
        compile_pattern(pattern)


@pytest.mark.parametrize("pattern", [r"\bFAQs?\b", r"[A-Z]{2,6}", r"(?:foo|bar)+", r"(a{1,3}){1,3}", r"(?>a+)+$"])
def test_ordinary_patterns_compile(pattern):
    assert compile_pattern(pattern).pattern == pattern


def test_invalid_pattern_is_a_clear_error():
    with pytest.raises(UnsafePatternError, match="invalid regular expression"):
        compile_pattern("(unclosed")


def test_every_pattern_in_the_rule_pack_is_safe():
    from wbl import default_registry

    def patterns(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if ("pattern" in key or key in ("regex", "heading")) and isinstance(item, str):
                    yield item
                if "pattern" in key and isinstance(item, list):
                    yield from (p for p in item if isinstance(p, str))
                yield from patterns(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from patterns(item)

    for rule in default_registry().rules:
        for pattern in patterns(dict(rule.options)):
            compile_pattern(pattern)


@pytest.mark.slow
def test_catastrophic_pattern_from_configuration_gives_an_error_not_a_hang(tmp_path):
    (tmp_path / "wbl.toml").write_text(
        '[rules.unfinished-draft]\npatterns = [{ name = "evil", regex = "(a+)+$", advice = "x" }]\n', encoding="utf-8"
    )
    doc = tmp_path / "prfaq.md"
    doc.write_text("# Title\n\n" + "a" * 40 + "!\n", encoding="utf-8")
    result = subprocess.run(
        [*wbl_command(), "check", "--no-cache", "--format", "json", "--select", "WB110", str(doc)],
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=tmp_path,
        timeout=120,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    # A configuration error: one line naming the file and the key, before anything is linted.
    (error,) = result.stderr.strip().splitlines()
    assert "wbl.toml: rules.unfinished-draft.patterns" in error
    assert "(a+)+$" in error and "exponential time" in error
