"""Property fuzz of two hostile kinds of issue 16: file names and configuration.

Any file name a file system allows is linted and reported in every format as valid UTF-8 with no
raw control character; any configuration value either loads or is a one-line `ConfigError` that
names the file, never another exception or a hang.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wbl
from wbl.config import ConfigError, load_config
from wbl.reporters import REPORTERS, RenderOptions
from wbl.tomlwriter import toml_key, toml_value

from .conftest import within

GOOD = "# Shelfwise\n\nMany customers wait.\n"

HANG = 60  # seconds: only a hang takes this long
# What no human-readable format may show raw (wbl.reporters.base: tab and line feed are harmless):
# C0 and C1 controls, DEL, and the bidirectional overrides and isolates.
CONTROL = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F)]}
CONTROL |= {chr(c) for c in range(0x2066, 0x206A)}
CONTROL -= {"\t", "\n"}


def _within(work, seconds: float = HANG):  # type: ignore[no-untyped-def]
    return within(work, seconds)


# File names: any bytes but "/" and NUL (not "." or ".."), as a file system allows them.
_NAMES = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\0" not in b)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stem=_NAMES)
def test_any_file_name_is_reported_in_every_format(stem):
    with tempfile.TemporaryDirectory() as folder:
        name = os.fsdecode(stem + b".md")
        (Path(folder) / name).write_text(GOOD, encoding="utf-8")
        run = _within(lambda: wbl.lint_paths([folder]))
        (report,) = run.files
        assert not report.errors and [f.rule for f in report.findings] == ["WB601"]
        options = RenderOptions(rules=tuple(wbl.default_registry().rules))
        for format_name, render in REPORTERS.items():
            output = render(run, options)
            output.encode("utf-8")  # no lone surrogate
            if format_name in ("json", "sarif", "rdjson", "gitlab"):  # JSON: escapes are its own
                json.loads(output)
            elif format_name == "junit":  # XML for machines: well formed (no C0 control character)
                ElementTree.fromstring(output)
            else:
                assert not CONTROL & set(output), (format_name, output)
        assert json.loads(REPORTERS["json"](run, options))["files"][0]["path"] == report.path


_KEYS = [
    "select",
    "extend-select",
    "ignore",
    "fail-on",
    "min-severity",
    "include",
    "exclude",
    "per-file-ignores",
    "vocabulary",
    "rule-time-limit",
    "kind",
    "rules",
    "overrides",
    "no-such-key",
]
_WORDS = st.sampled_from(
    [
        *("WB601", "weasel-word", "unfinished-draft", "patterns", "regex", "message", "max-words", "error"),
        *("*.md", "[z-a]", "[", "**/**/*", "(a+)+$", "\\w+\\w+$", "(a|aa)+$", "{match}", "{", "files", "path"),
    ]
)
_SCALARS = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    _WORDS,
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(_WORDS | st.text(min_size=1, max_size=6), inner, max_size=4)
    ),
    max_leaves=16,
)


@settings(max_examples=150, deadline=None)
@given(table=st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=4))
def test_any_configuration_loads_or_each_problem_is_one_line_naming_the_file(table):
    text = "".join(f"{toml_key(key)} = {toml_value(value)}\n" for key, value in table.items())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "wbl.toml"
        path.write_text(text, encoding="utf-8")
        try:
            _within(lambda: load_config(path))
        except ConfigError as exc:
            lines = str(exc).split("\n")  # every problem of the file, one line each
            assert all(line.startswith(f"{path}: ") for line in lines), str(exc)
