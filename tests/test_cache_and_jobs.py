"""The result cache and --jobs: same output, spaCy not even imported when everything is cached."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys

import pytest

from wbl.cache import FORMAT

from .conftest import EXAMPLES, REPO, clean_env

# Every test here starts processes (the CLI, git, pip, ruff).
pytestmark = pytest.mark.slow

RUN_AND_REPORT_IMPORTS = (
    "import sys\n"
    "from wbl.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit as exit:\n"
    "    code = exit.code\n"
    "sys.stderr.write('\\nSPACY_IMPORTED=%s\\n' % ('spacy' in sys.modules))\n"
    "heavy = sorted(m for m in sys.modules if m in ('mistune', 'wbl.document', 'wbl.prfaq', 'wbl_rules.analysis',\n"
    "                                              'wbl_rules.sentences', 'wbl.nlp', 'wbl.relations')\n"
    "               or m.endswith('.checks'))\n"
    "sys.stderr.write('PARSER_OR_RULE_CODE_IMPORTED=%s\\n' % ','.join(heavy))\n"
    "pack = sorted(m for m in sys.modules if m == 'wbl_rules' or m.startswith(('wbl_rules.', 'wbl.kinds')))\n"
    "sys.stderr.write('RULE_PACK_IMPORTED=%s\\n' % ','.join(pack))\n"
    "sys.exit(code)\n"
)


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_AND_REPORT_IMPORTS, *args],
        capture_output=True,
        text=True,
        env=clean_env(**env),
        timeout=600,
    )


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.md")):  # the names say PR/FAQ, as the kinds need
        text = example.read_text(encoding="utf-8")
        for copy in range(3):
            (folder / f"{example.stem}-{copy}.md").write_text(
                text + f"\nMany readers of copy {copy}.\n", encoding="utf-8"
            )
    return folder


def test_second_run_is_served_from_cache_without_spacy(tmp_path, corpus):
    cache = tmp_path / "cache"
    first = run("check", "--format", "json", "--cache-dir", str(cache), str(corpus))
    assert "SPACY_IMPORTED=True" in first.stderr
    second = run("check", "--format", "json", "--cache-dir", str(cache), str(corpus))
    assert "SPACY_IMPORTED=False" in second.stderr, second.stderr
    # Nor the Markdown parser, the document model, wbl's spaCy layer, the folding of superseded
    # findings or any rule's check code: only rule metadata.
    assert "PARSER_OR_RULE_CODE_IMPORTED=\n" in second.stderr, second.stderr
    # Nor the rule pack at all (its rules' metadata come from the registry snapshot, `wbl.snapshot`).
    assert "RULE_PACK_IMPORTED=\n" in second.stderr, second.stderr
    assert second.stdout == first.stdout and second.returncode == first.returncode
    assert (cache / ".gitignore").exists()


# SARIF lists the rules with their documentation, read through the snapshot's stand-in functions.
@pytest.mark.parametrize("options", [(), ("--statistics",), ("--format", "json"), ("--format", "sarif")])
def test_a_cached_run_prints_what_an_uncached_run_prints(tmp_path, corpus, options):
    cache = tmp_path / "cache"
    uncached = run("check", "--no-cache", *options, str(corpus))
    run("check", "--cache-dir", str(cache), *options, str(corpus))
    cached = run("check", "--cache-dir", str(cache), *options, str(corpus))
    assert "SPACY_IMPORTED=False" in cached.stderr, cached.stderr
    assert cached.stdout == uncached.stdout and cached.returncode == uncached.returncode
    assert cached.stderr.split("\nSPACY_IMPORTED")[0] == uncached.stderr.split("\nSPACY_IMPORTED")[0]


def test_an_installed_or_edited_rule_pack_misses_the_cache(tmp_path, corpus):
    """The rules' metadata come from a snapshot and the results from the cache only while no rule
    pack was installed, removed or changed (its code, rule files or data)."""
    site = tmp_path / "site"
    site.mkdir()
    cache = tmp_path / "cache"
    target = sorted(corpus.glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nWe commence today. Owners utilize it.\n", "utf-8")

    def plain_words() -> list[tuple[str, str]]:
        result = run("check", "--format", "json", "--cache-dir", str(cache), str(target), PYTHONPATH=str(site))
        found = json.loads(result.stdout)["files"][0]["findings"]
        return [(f["rule"], f["text"]) for f in found if f["rule"] == "WB951"]

    assert plain_words() == []
    assert plain_words() == []  # served from the cache
    rule_file = _install_plain_words(site)
    installed = plain_words()
    assert ("WB951", "commence") in installed and not any(text.startswith("utiliz") for _, text in installed)
    assert plain_words() == installed
    rule_file.write_text(
        rule_file.read_text(encoding="utf-8").replace('terminate = "end"', 'terminate = "end"\nutilize = "use"'),
        encoding="utf-8",
    )
    info = rule_file.stat()
    os.utime(rule_file, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))
    edited = plain_words()
    assert ("WB951", "commence") in edited and ("WB951", "utilize") in edited


def _install_plain_words(site):
    """tests/packs/wbl_plain_words installed in `site` under another name, with its metadata."""
    name = "wbl_cached_words"
    shutil.copytree(REPO / "tests" / "packs" / "wbl_plain_words", site / name)
    info = site / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[wbl.rules]\nplain-words = {name}:load\n", encoding="utf-8")
    return site / name / "words" / "plain-words.toml"


def test_changed_file_is_relinted(tmp_path, corpus):
    cache = tmp_path / "cache"
    run("check", "--cache-dir", str(cache), str(corpus))
    target = sorted(corpus.glob("*.md"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nVarious new words.\n", encoding="utf-8")
    again = run("check", "--format", "json", "--cache-dir", str(cache), str(corpus))
    assert "SPACY_IMPORTED=True" in again.stderr
    entry = next(f for f in json.loads(again.stdout)["files"] if f["path"] == str(target))
    assert any(f["text"] == "Various" for f in entry["findings"])


def test_the_same_bytes_under_another_name_are_linted_again(tmp_path):
    """The file's name is part of what wbl reads: two sentences are a fragment in notes.md and a
    press release in PRESS_RELEASE.md, cache or not."""
    cache = tmp_path / "cache"
    text = "# Shelfwise\n\nShelfwise tells bookstore owners which books to reorder. It costs $30 a month.\n"
    notes, release = tmp_path / "a" / "notes.md", tmp_path / "b" / "PRESS_RELEASE.md"
    for path in (notes, release):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")

    def kinds(*flags: str) -> list[str]:
        done = run("check", "--format", "json", *flags, str(notes), str(release))
        return [f["kind"] for f in json.loads(done.stdout)["files"]]

    assert kinds("--cache-dir", str(cache)) == kinds("--no-cache") == ["fragment", "press_release"]
    assert kinds("--cache-dir", str(cache)) == ["fragment", "press_release"]


def test_corrupt_entries_are_ignored_and_rewritten(tmp_path, corpus):
    cache = tmp_path / "cache"
    first = run("check", "--format", "json", "--cache-dir", str(cache), str(corpus))
    entries = list(cache.rglob("*.json"))
    assert entries
    for entry in entries:
        entry.write_text("{not json", encoding="utf-8")
    second = run("check", "--format", "json", "--cache-dir", str(cache), str(corpus))
    assert second.stdout == first.stdout
    valid = 0
    for entry in cache.rglob("*.json"):
        with contextlib.suppress(ValueError):
            valid += json.loads(entry.read_text(encoding="utf-8"))["format"] == FORMAT
    assert valid >= len(list(corpus.glob("*.md"))), "every file's entry was rewritten"


def test_no_cache_writes_nothing(tmp_path, corpus):
    cache = tmp_path / "cache"
    run("check", "--no-cache", "--cache-dir", str(cache), str(corpus))
    assert not cache.exists()


def test_selection_is_part_of_the_key(tmp_path, corpus):
    cache = tmp_path / "cache"
    run("check", "--cache-dir", str(cache), "--select", "WB601", str(corpus))
    other = run("check", "--format", "json", "--cache-dir", str(cache), "--select", "WB503", str(corpus))
    rules = {f["rule"] for entry in json.loads(other.stdout)["files"] for f in entry["findings"]}
    assert rules == {"WB503"}


def test_jobs_2_gives_identical_output(corpus):
    one = run("check", "--no-cache", "--jobs", "1", "--format", "json", str(corpus))
    two = run("check", "--no-cache", "--jobs", "2", "--format", "json", str(corpus))
    assert one.returncode == two.returncode
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)["files"]) == len(list(corpus.glob("*.md")))
