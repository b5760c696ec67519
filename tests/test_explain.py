"""`wbl explain`: a rule's full documentation; and the commands that must never import spaCy."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace

import pytest

from wbl.registry import default_registry
from wbl.reporters import render_explanation
from wbl.reporters.explain import options_toml, strip_markers
from wbl.rule import EXPECT_MARKER, Example

from .conftest import clean_env, wbl_command

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RULES = default_registry().rules


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*wbl_command(), *args], capture_output=True, text=True, env=clean_env(**env), timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _toml_block(text: str) -> str:
    match = re.search(r"^```toml\n(.*?)^```$", text, re.S | re.M)
    assert match, text
    return match.group(1)


@pytest.mark.slow
def test_explain_prints_the_whole_rule():
    result = run("explain", "WB601")
    assert result.returncode == 0, result.stderr
    rule = default_registry().get("WB601")
    out = result.stdout
    assert out.startswith("# WB601 weasel-word\n")
    for part in (rule.summary, f"Category: {rule.category}", f"Default severity: {rule.severity.value}"):
        assert part in out
    assert rule.doc.strip() in out
    # No documentation site is configured: the page itself is the documentation, with no link to
    # a site that may not exist; with one (WBL_DOCS_URL or `docs-url`), it links to its copy there.
    assert "Documentation:" not in out
    linked = run("explain", "WB601", WBL_DOCS_URL="https://docs.example.com/wbl")
    assert "- Documentation: https://docs.example.com/wbl/rules/weasel-word/\n" in linked.stdout
    config = tomllib.loads(_toml_block(out))
    assert config["tool"]["wbl"]["rules"]["weasel-word"] == dict(rule.options)
    assert "## Flagged: bad example" in out and "## Not flagged: good example" in out
    assert not EXPECT_MARKER.search(out), "test markers are not part of the documentation"
    bad = next(e for e in rule.examples if e.kind == "bad")
    assert strip_markers(bad.markdown) in out


@pytest.mark.slow
@pytest.mark.parametrize("name", ["weasel-word", "wb601", " WB601 "])
def test_explain_takes_slugs_and_any_case(name):
    assert run("explain", "WB601").stdout == run("explain", name).stdout


@pytest.mark.slow
def test_explain_unknown_rule_is_a_one_line_error():
    result = run("explain", "weasle-word")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "wbl: error: unknown rule selector 'weasle-word'; did you mean 'weasel-word'?"
    ]
    assert result.stdout == ""


@pytest.mark.slow
def test_explain_a_prefix_naming_several_rules_asks_for_one():
    several = next(c for c in ("WB5", "WB6", "WB") if len(default_registry().select([c])) > 1)
    result = run("explain", several)
    assert result.returncode == 2
    assert "give one code or slug" in result.stderr


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_explains_and_its_options_round_trip(rule):
    text = render_explanation(rule)
    assert text.startswith(f"# {rule.code} {rule.name}\n")
    assert rule.summary in text
    if rule.options:
        parsed = tomllib.loads("\n".join(options_toml(rule)))
        assert parsed["tool"]["wbl"]["rules"][rule.name] == _plain(rule.options)
    else:
        assert "This rule has no options." in text


def _plain(value):
    """Options as TOML gives them back: mappings as dicts, sequences as lists."""
    if hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def test_examples_with_code_fences_stay_fenced():
    rule = replace(RULES[0], examples=(Example("good", "Text.\n\n```python\nprint()\n```\n", "x.good.md"),))
    text = render_explanation(rule)
    assert "\n````markdown\nText.\n\n```python\nprint()\n```\n````" in text


_NO_SPACY = """
import sys
from wbl.cli import main
try:
    main({args!r})
except SystemExit as exit:
    code = exit.code
heavy = sorted(m for m in ("spacy", "thinc", "torch") if m in sys.modules)
print("HEAVY", heavy, file=sys.stderr)
sys.exit(code or 0)
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["rules"], ["rules", "--format", "json"], ["explain", "WB601"]]
)
def test_quick_commands_never_import_spacy(args):
    result = subprocess.run(
        [sys.executable, "-c", _NO_SPACY.format(args=args)],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stderr, result.stderr
    assert result.stdout.strip()


@pytest.mark.parametrize("name", ["WB000", "wb000", "unused-suppression"])
def test_explain_knows_the_unused_suppression_code(name):
    # Not a rule, but wbl reports it like one (--report-unused), so a user asks about it.
    from click.testing import CliRunner

    from wbl.cli import main

    result = CliRunner().invoke(main, ["explain", name])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("WB000 unused-suppression")
    assert "--report-unused" in result.output
