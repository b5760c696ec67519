"""Third-party rules register through the `wbl.rules` entry point, like the built-in pack."""

from __future__ import annotations

import json
import subprocess
import textwrap
from importlib import metadata

import pytest

import wbl
from wbl.findings import FileReport
from wbl.project import Project
from wbl.registry import Registry, RegistryError, discover

from .conftest import clean_env, wbl_command

PLUGIN = textwrap.dedent(
    '''
    from wbl import Severity, Violation, rule

    @rule(code="WB901", name="no-synergy", category="jargon", severity=Severity.ERROR,
          summary="The word synergy", needs=["sentences"])
    def no_synergy(document, ctx):
        """Flags 'synergy'."""
        for unit in document.units:
            start = unit.text.lower().find("synergy")
            if start >= 0:
                yield Violation("'synergy' is jargon", unit, start, start + len("synergy"))

    RULES = [no_synergy]
    '''
)


def _install_fake_distribution(root, module_source=PLUGIN, name="wbl_synergy", target="wbl_synergy:RULES"):
    (root / f"{name}.py").write_text(module_source, encoding="utf-8")
    info = root / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[wbl.rules]\nsynergy = {target}\n", encoding="utf-8")


@pytest.mark.slow
def test_installed_plugin_rules_run_through_the_cli(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install_fake_distribution(site)
    doc = tmp_path / "doc.md"
    doc.write_text("# Title\n\nOur synergy helps.\n\nMany owners wait.\n", encoding="utf-8")
    env = clean_env(PYTHONPATH=str(site))
    listed = subprocess.run([*wbl_command(), "rules"], capture_output=True, text=True, env=env, check=True)
    assert "WB901" in listed.stdout and "no-synergy" in listed.stdout
    assert "WB601" in listed.stdout  # built-ins still registered alongside
    command = [*wbl_command(), "check", "--kind", "fragment", "--format", "json", str(doc)]  # doc is a fragment
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    findings = json.loads(result.stdout)["files"][0]["findings"]
    plugin = [f for f in findings if f["rule"] == "WB901"]
    assert plugin and (plugin[0]["line"], plugin[0]["column"]) == (3, 5) and plugin[0]["severity"] == "error"
    assert [(f["line"], f["text"]) for f in findings if f["rule"] == "WB601"] == [(5, "Many")]  # built-ins run too


@pytest.mark.slow
def test_broken_plugin_is_a_clear_error(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install_fake_distribution(site, module_source="raise ImportError('missing dependency xyz')\n")
    doc = tmp_path / "doc.md"
    doc.write_text("Text.\n", encoding="utf-8")
    result = subprocess.run(
        [*wbl_command(), "check", str(doc)], capture_output=True, text=True, env=clean_env(PYTHONPATH=str(site))
    )
    assert result.returncode == 2
    assert "wbl_synergy" in result.stderr and "missing dependency xyz" in result.stderr
    assert "Traceback" not in result.stderr


def _entry_point(value: str) -> metadata.EntryPoint:
    return metadata.EntryPoint(name="x", value=value, group="wbl.rules")


def test_duplicate_codes_are_an_error():
    with pytest.raises(RegistryError, match="duplicate rule code WB601"):
        discover(lambda: [_entry_point("wbl_rules:load"), _entry_point("tests.test_plugins:duplicate_rules")])


def duplicate_rules():
    builtin = wbl.default_registry().get("WB601")
    return [wbl.Rule(**{**{f: getattr(builtin, f) for f in builtin.__dataclass_fields__}, "name": "other-name"})]


def test_faulty_rule_is_an_internal_error_and_others_still_report():
    @wbl.rule(code="WB998", name="explodes", category="weasel", severity="warning", summary="Raises")
    def explodes(document, ctx):
        """Always raises."""
        raise RuntimeError("boom")

    @wbl.rule(code="WB997", name="bad-span", category="weasel", severity="warning", summary="Bad span")
    def bad_span(document, ctx):
        """Returns a span outside its unit."""
        yield wbl.Violation("bad", document.units[0], 0, 10_000)

    registry = Registry.from_rules([*wbl.default_registry().rules, explodes, bad_span])
    report = wbl.lint_text("Many people wait.\n", registry=registry)
    assert any("WB998" in e and "boom" in e for e in report.errors)
    assert any("WB997" in e and "malformed" in e for e in report.errors)
    assert any(f.rule == "WB601" for f in report.findings)


@wbl.rule(code="WB902", name="only-here", category="jargon", severity="warning", summary="Flags 'widget'")
def only_here(document, ctx):
    """A rule that exists only in the registry a library caller builds (never installed)."""
    for unit in document.units:
        start = unit.text.find("widget")
        if start >= 0:
            yield wbl.Violation("'widget' is vague", unit, start, start + len("widget"))


@pytest.mark.slow
def test_a_custom_registry_reaches_the_jobs_workers(tmp_path, monkeypatch):
    """Workers lint with the caller's registry (and each file's options), never a rebuilt default one."""
    import wbl.parallel

    for i in range(4):
        (tmp_path / f"{i}.md").write_text(f"# Doc {i}\n\nA widget for copy {i}.\n", encoding="utf-8")
    used = []
    original = wbl.parallel.lint_in_processes

    def spy(plan, files, jobs):
        used.append((plan.registry, len(files), jobs))
        return original(plan, files, jobs)

    monkeypatch.setattr(wbl.parallel, "lint_in_processes", spy)
    registry = Registry.from_rules([only_here])
    report = Project(wbl.LintOptions(), registry, isolated=True, jobs=2).lint_paths([tmp_path])
    assert used == [(registry, 4, 2)]
    assert all(isinstance(f, FileReport) and not f.errors for f in report.files)
    assert [[(x.rule, x.text) for x in f.findings] for f in report.files] == [[("WB902", "widget")]] * 4
