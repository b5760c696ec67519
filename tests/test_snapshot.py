"""The registry snapshot (`wbl.snapshot`): exact rule metadata without importing a rule pack, and
a miss whenever what `discover` would find could have changed."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
from pathlib import Path
from types import MappingProxyType

import pytest

from wbl import snapshot
from wbl.engine import Linter, LintOptions
from wbl.registry import Registry, default_registry, discover
from wbl.rule import Rule, Severity, rule

from .conftest import EXAMPLES, REPO

PACK = REPO / "tests" / "packs" / "wbl_plain_words"
NAME = "wbl_snapshot_words"  # a name no other test imports: this copy's files are the ones read


def _install(site: Path) -> Path:
    """A data-only rule pack (a copy of tests/packs/wbl_plain_words) installed in `site`, with
    the distribution metadata that registers it; its rule file is returned."""
    shutil.copytree(PACK, site / NAME, ignore=shutil.ignore_patterns("__pycache__"))
    info = site / f"{NAME}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {NAME}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[wbl.rules]\nplain-words = {NAME}:load\n", encoding="utf-8")
    return site / NAME / "words" / "plain-words.toml"


def _touch_later(path: Path) -> None:
    """Make sure a rewritten file's modification time moved (coarse clocks)."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    return folder


def test_the_snapshot_holds_the_installed_rules_exactly(tmp_path: Path) -> None:
    first = snapshot.registry(tmp_path, discover)
    assert not first.snapshot  # nothing stored yet: discovered, then stored
    assert len(list((tmp_path / snapshot.FOLDER).glob("*.json"))) == 1
    second = snapshot.registry(tmp_path, discover)
    assert second.snapshot
    assert [snapshot.rule_to_json(r) for r in second.rules] == [snapshot.rule_to_json(r) for r in first.rules]
    for stored, installed in zip(second.rules, first.rules, strict=True):
        assert stored.option_schema.names() == installed.option_schema.names()
        assert (stored.prefilter is None, stored.figures is None, stored.prepare is None) == (
            installed.prefilter is None,
            installed.figures is None,
            installed.prepare is None,
        )


def test_a_snapshot_lints_like_the_installed_rules(tmp_path: Path) -> None:
    snapshot.registry(tmp_path, default_registry)
    stored = snapshot.registry(tmp_path, default_registry)
    assert stored.snapshot
    text = (EXAMPLES / "datasync-prfaq.md").read_text(encoding="utf-8")
    linter = Linter(LintOptions(), stored)
    assert linter.fingerprint() == Linter(LintOptions(), default_registry()).fingerprint()
    assert linter.lint_text(text, "doc.md") == Linter(LintOptions(), default_registry()).lint_text(text, "doc.md")
    assert linter.registry is default_registry()  # the rule packs were loaded before the first lint


def test_a_stored_rule_function_loads_the_installed_one(tmp_path: Path) -> None:
    snapshot.registry(tmp_path, default_registry)
    stored = snapshot.registry(tmp_path, default_registry)
    for r in stored.rules:
        assert isinstance(r.check, snapshot.Deferred)
        assert r.doc == default_registry().get(r.code).doc  # type: ignore[union-attr]
    again = pickle.loads(pickle.dumps(stored))  # --jobs workers receive the registry
    assert again.snapshot and [r.code for r in again.rules] == [r.code for r in stored.rules]


def test_an_edited_rule_file_misses(tmp_path: Path, site: Path) -> None:
    rule_file = _install(site)
    assert snapshot.registry(tmp_path, discover).get("WB951") is not None
    assert snapshot.registry(tmp_path, discover).snapshot
    rule_file.write_text(
        rule_file.read_text(encoding="utf-8").replace('terminate = "end"', 'terminate = "end"\nutilize = "use"'),
        encoding="utf-8",
    )
    _touch_later(rule_file)
    edited = snapshot.registry(tmp_path, discover)
    assert not edited.snapshot
    assert edited.get("WB951").options["swap"]["utilize"] == "use"  # type: ignore[union-attr]
    assert snapshot.registry(tmp_path, discover).snapshot


def test_a_plugin_installed_or_removed_misses(tmp_path: Path, site: Path) -> None:
    assert snapshot.registry(tmp_path, discover).get("WB951") is None
    assert snapshot.registry(tmp_path, discover).snapshot
    _install(site)
    installed = snapshot.registry(tmp_path, discover)
    assert not installed.snapshot and installed.get("WB951") is not None
    assert snapshot.registry(tmp_path, discover).snapshot
    shutil.rmtree(site / f"{NAME}-0.1.dist-info")
    # As it was before the install: the first snapshot, which is current again.
    assert snapshot.registry(tmp_path, discover).get("WB951") is None


def test_changed_entry_points_miss(tmp_path: Path, site: Path) -> None:
    _install(site)
    snapshot.registry(tmp_path, discover)
    assert snapshot.registry(tmp_path, discover).snapshot
    entry_points = site / f"{NAME}-0.1.dist-info" / "entry_points.txt"
    entry_points.write_text("[console_scripts]\nother = os:getcwd\n", encoding="utf-8")
    _touch_later(entry_points)
    changed = snapshot.registry(tmp_path, discover)
    assert not changed.snapshot and changed.get("WB951") is None


def test_another_wbl_version_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot.registry(tmp_path, discover)
    assert snapshot.registry(tmp_path, discover).snapshot
    monkeypatch.setattr(snapshot, "__version__", "0.0.0-other")
    assert not snapshot.registry(tmp_path, discover).snapshot


def test_a_damaged_snapshot_is_ignored_and_rewritten(tmp_path: Path) -> None:
    snapshot.registry(tmp_path, discover)
    (stored,) = (tmp_path / snapshot.FOLDER).glob("*.json")
    for damage in ("{not json", json.dumps({"format": snapshot.FORMAT, "packages": {}, "rules": [{"code": 1}]})):
        stored.write_text(damage, encoding="utf-8")
        assert not snapshot.registry(tmp_path, discover).snapshot
        assert snapshot.registry(tmp_path, discover).snapshot


def test_rules_json_cannot_hold_exactly_get_no_snapshot(tmp_path: Path) -> None:
    @rule(code="WB990", name="tuple-option", category="jargon", severity=Severity.INFO, summary="A tuple option")
    def check(document, ctx):  # type: ignore[no-untyped-def]
        return ()

    odd: Rule = check
    odd = Rule(**{**{f: getattr(odd, f) for f in odd.__dataclass_fields__}, "options": MappingProxyType({"x": (1, 2)})})

    def plugins() -> Registry:
        return Registry.from_rules([odd])

    assert not snapshot.registry(tmp_path, plugins).snapshot
    assert not snapshot.registry(tmp_path, plugins).snapshot
    assert not (tmp_path / snapshot.FOLDER).exists() or not list((tmp_path / snapshot.FOLDER).glob("*.json"))


def test_a_folder_without_distributions_on_the_path_keeps_the_snapshot(tmp_path: Path, site: Path) -> None:
    """The folder a script runs from comes first on `sys.path`: without distributions in it, it
    changes nothing `discover` finds, so it shares the snapshot."""
    snapshot.registry(tmp_path, discover)
    assert snapshot.registry(tmp_path, discover).snapshot
    elsewhere = tmp_path / "scripts"
    elsewhere.mkdir()
    sys.path.insert(0, str(elsewhere))
    try:
        assert snapshot.registry(tmp_path, discover).snapshot
    finally:
        sys.path.remove(str(elsewhere))


def test_fingerprints_are_held_for_one_command_only(site: Path) -> None:
    """Within `fingerprints_held` (one `wbl check`) a package's files are walked once; outside it,
    every call looks at them again, so an edit shows."""
    from wbl.cache import code_fingerprint, fingerprints_held

    package = site / "wbl_held_probe"  # imported by no test: found on the path, not in sys.modules
    package.mkdir()
    code = package / "__init__.py"
    code.write_text("WORDS = 1\n", encoding="utf-8")
    before = code_fingerprint(package.name)
    with fingerprints_held():
        held = code_fingerprint(package.name)
        _touch_later(code)
        assert code_fingerprint(package.name) == held == before
        with fingerprints_held():  # nested: the same memo
            assert code_fingerprint(package.name) == held
    assert code_fingerprint(package.name) != before
