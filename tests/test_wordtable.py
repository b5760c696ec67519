"""wbl's copy of wordfreq's English table answers exactly as wordfreq does, and spares the import."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest
import wordfreq

from wbl import textutil, wordtable

from .conftest import EXAMPLES, clean_env


@pytest.fixture
def fresh_table(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordtable.reset()
    yield tmp_path
    wordtable.reset()


def test_table_answers_as_wordfreq(fresh_table):
    table = wordtable.table()
    assert table is not None
    words = [line.split("\t", 1)[0] for line in table.text.splitlines()[1:]]
    assert words == sorted(words) and len(words) > 100_000
    sample = [*random.Random(7).sample(words, 3000), words[0], words[-1], "zzyzxqv", "qqqq", "a", "the"]
    for word in sample:
        assert table.lookup(word) == wordfreq.zipf_frequency(word, "en"), word
    # Words the table does not hold go to wordfreq itself.
    for word in ("Hello", "naïve", "e-mail", "x2", "don't", "PR/FAQ"):
        assert textutil.zipf_frequency.__wrapped__(word, "en") == wordfreq.zipf_frequency(word, "en"), word


def test_table_is_written_once_and_read_back(fresh_table):
    wordtable.table()
    written = list((fresh_table / "wbl").glob("zipf-en-wordfreq-*.txt"))
    assert len(written) == 1 and written[0].read_text(encoding="utf-8").startswith(wordtable.FORMAT + "\n")
    wordtable.reset()
    again = wordtable.table()
    assert again is not None and again.lookup("customer") == wordfreq.zipf_frequency("customer", "en")


def test_damaged_table_is_rebuilt(fresh_table):
    wordtable.table()
    path = next((fresh_table / "wbl").glob("zipf-en-wordfreq-*.txt"))
    path.write_text("not a table", encoding="utf-8")
    wordtable.reset()
    assert wordtable.table().lookup("customer") == wordfreq.zipf_frequency("customer", "en")
    assert path.read_text(encoding="utf-8").startswith(wordtable.FORMAT + "\n")


def test_unwritable_cache_still_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file: no folder can be made under it
    wordtable.reset()
    try:
        assert wordtable.table().lookup("customer") == wordfreq.zipf_frequency("customer", "en")
    finally:
        wordtable.reset()


@pytest.mark.slow
def test_a_run_with_the_table_in_place_does_not_import_wordfreq(tmp_path):
    env = clean_env(XDG_CACHE_HOME=str(tmp_path))
    code = (
        "import sys\nfrom wbl.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('\\nWORDFREQ=%s\\n' % ('wordfreq' in sys.modules))\n"
    )
    command = [sys.executable, "-c", code, "check", "--no-cache", str(EXAMPLES / "datasync-prfaq.md")]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert "WORDFREQ=True" in first.stderr  # the first run builds the table from wordfreq
    assert "WORDFREQ=False" in second.stderr, second.stderr
    assert second.stdout == first.stdout and "WB401" in second.stdout
