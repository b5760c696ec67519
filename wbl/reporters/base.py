"""What every reporter shares: its signature, its options, and access to the linted text.

A reporter is a function ``(report, options) -> str``. It never imports rules: the caller (the
CLI) passes the rule metadata it needs, such as SARIF's rule descriptors, in `RenderOptions`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from wbl.findings import FileReport, Report
from wbl.repository import repository_path, repository_root
from wbl.rule import Rule, Severity
from wbl.safeio import read_regular
from wbl.source import InputError, SourceText, decode

if TYPE_CHECKING:
    from wbl.baseline import Comparison

# The base URL of a published copy of wbl's documentation (the mkdocs site built from docs/),
# when a project has one: the environment variable wins over the configuration's `docs-url`.
# Without one, help links point at pages that exist on the user's machine (`wbl explain`, the
# language server's rule pages) or are left out: never at a site that may not exist.
DOCS_URL_ENV = "WBL_DOCS_URL"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a reporter may be told beside the report.

    `rules` are the rules that ran (their metadata; a reporter never looks them up itself);
    `color` asks for ANSI colour, which the caller decides with `use_color`;
    `baseline` is the run compared with a baseline file (the report then holds only the new
    findings; SARIF also lists the unchanged and fixed ones with their `baselineState`);
    `root` is the folder that CI formats (SARIF, GitHub, GitLab, reviewdog) name files relative
    to: by default the git repository around the working directory (see `wbl.repository`).
    `docs_url` the documentation's base URL for help links (see `docs_url`).
    `fail_on` gives, per file, the severity from which a finding fails the run (its `fail-on`):
    formats that mark failures (JUnit) follow it; None is the default, warning.
    """

    rules: tuple[Rule, ...] = ()
    color: bool = False
    baseline: Comparison | None = None
    root: str | None = None
    docs_url: str | None = None  # the documentation's base URL (`docs_url`); None: no help links
    fail_on: Callable[[FileReport], Severity] | None = None


def root_of(options: RenderOptions | None) -> Path:
    """The folder CI formats name files relative to (`RenderOptions.root`, else the repository's)."""
    return Path(os.path.abspath(options.root)) if options and options.root else repository_root()


def ci_path(path: str, root: Path) -> str:
    """A linted file's name for CI: relative to `root` ('/' separators), else as it was given."""
    if path.startswith("<") and path.endswith(">"):  # <stdin>, <text>
        return path
    return repository_path(path, root) or path


class Reporter(Protocol):
    def __call__(self, report: Report, options: RenderOptions | None = None, /) -> str: ...


def docs_url(configured: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """The documentation's base URL: ``$WBL_DOCS_URL``, else the configuration's `docs-url`, else None."""
    env = os.environ if environ is None else environ
    return env.get(DOCS_URL_ENV, "").strip() or configured or None


def rule_help_uri(name: str, base: str | None, code: str = "") -> str | None:
    """A rule's page under the documentation's base URL (None without one).

    The site built from docs/ has ``<base>/rules/<slug>/``; a base holding ``{name}`` or ``{code}``
    is a template for another layout (``https://example.com/wbl/{code}.html``).
    """
    if not base:
        return None
    if "{name}" in base or "{code}" in base:
        return base.replace("{name}", name).replace("{code}", code)
    return f"{base.rstrip('/')}/rules/{name}/"


def use_color(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Colour only on a terminal; ``NO_COLOR`` (any non-empty value) turns it off, ``FORCE_COLOR`` on."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # A closed or detached stream.
        return False


def source_of(file_report: FileReport) -> SourceText | None:
    """The linted text of a file: carried by the report, else read again from disk (or None)."""
    text = file_report.source_text
    if text is None:
        try:
            text = decode(read_regular(file_report.path))
        except InputError:
            return None
    return SourceText(text)


def line_of(source: SourceText | None, line: int) -> str | None:
    if source is None or not 1 <= line <= len(source.line_starts):
        return None
    return source.line_text(line)


# What a terminal (or a CI log viewer) must never receive raw: C0 control characters but tab and
# line feed, DEL and the C1 controls (escape sequences can move the cursor, rewrite lines, set
# the window title), the bidirectional overrides and isolates (they reorder what is shown:
# "Trojan source"), and lone surrogates (a file name whose bytes are not UTF-8).
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"


@cache
def _unsafe(one_line: bool) -> re.Pattern[str]:
    """The pattern of the characters `printable` escapes (with `one_line`, line feeds too),
    compiled when first needed: most text is printable, and the pattern takes a millisecond."""
    return re.compile(f"[{chr(10) if one_line else ''}{_UNSAFE}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code in (0x0A, 0x0D):
        return "\\n" if code == 0x0A else "\\r"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as Python's file names carry it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    r"""`text` safe to show on a terminal: each unsafe character (see `_UNSAFE`) written as a
    visible escape (ESC as ``\x1b``, a non-UTF-8 byte of a file name as ``\xff``); with
    `one_line`, line feeds too, so that one finding stays one line."""
    if text.isprintable():  # every unsafe character is a non-printable one (Cc, Cf, Cs): the common case, fast
        return text
    pattern = _unsafe(one_line)
    return pattern.sub(_escape, text) if pattern.search(text) else text


def is_unsafe(char: str) -> bool:
    """Whether `printable` escapes this character (in a line)."""
    return _unsafe(True).match(char) is not None


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


__all__ = [
    "DOCS_URL_ENV",
    "RenderOptions",
    "Report",
    "Reporter",
    "ci_path",
    "docs_url",
    "line_of",
    "plural",
    "printable",
    "root_of",
    "rule_help_uri",
    "source_of",
    "use_color",
]
