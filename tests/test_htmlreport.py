"""`wbl report`: the self-contained HTML review page (structure, escaping, no network, a real browser)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from wbl.cli import main
from wbl.findings import Finding
from wbl.htmlreport import highlight_lines, review
from wbl.rule import Severity

# A draft with findings of several categories, a finding over two lines, and hostile markup that
# must stay inert text: a script, an image from a remote host, an attribute-breaking quote.
HOSTILE = """\
# DataSync AI: A Next-Generation Cloud-Native Platform

Our platform leverages ML and blockchain to deliver seamless, best-in-class synchronization of
enterprise data assets across various heterogeneous environments.

<script>document.title = "pwned"</script>

Studies have shown that customers "should" <img src="https://evil.example/x.png"> help themselves
more. It might be the most innovative product we have ever built.

## FAQ

### What does it cost?

It is free for many users. See <a href="http://evil.example/">this</a> & more.
"""

REMOTE = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module")
def page(linter) -> tuple[object, str]:
    return review(linter, HOSTILE, "draft.md")


class _Marks(HTMLParser):
    """Collects the text under each `data-finding` and the whole visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.text: dict[str, str] = {}
        self.ids: dict[str, str] = {}
        self.all = ""
        self.opened: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "mark":
            index = values["data-finding"]
            assert index is not None
            self.text.setdefault(index, "")
            if "id" in values:
                assert index not in self.ids, "two marks of one finding carry the id"
                self.ids[index] = values["id"] or ""
            self.stack.append(index)
        self.opened.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.opened and self.opened[-1] == tag, f"</{tag}> closes <{self.opened[-1:]}>"
        self.opened.pop()
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.all += data
        for index in set(self.stack):
            self.text[index] += data


def _finding(start: int, end: int, category: str = "weasel", text: str = "") -> Finding:
    return Finding("WB601", "weasel-word", category, Severity.WARNING, "msg", "x.md", 1, 1, 1, 1, start, end, text)


# --- structure ------------------------------------------------------------------------------------


def test_legend_counts_each_category(page) -> None:
    report, html = page
    counts = Counter(f.category for f in report.findings)
    assert len(counts) >= 3, counts
    legend = dict(re.findall(r'<li class="c-[\w-]+(?: none)?" data-category="([\w-]+)" data-count="(\d+)"', html))
    assert {c: int(n) for c, n in legend.items() if int(n)} == dict(counts)
    assert 'id="show-c-weasel"' in html  # the check box that hides a category's highlights


def test_every_finding_is_highlighted_at_its_offsets(page) -> None:
    report, html = page
    parser = _Marks()
    parser.feed(html[html.index('<div class="src">') : html.index("</section>")])
    for index, finding in enumerate(report.findings):
        expected = HOSTILE[finding.start : finding.end].replace("\n", "")
        assert parser.text[str(index)] == expected, finding
        assert parser.ids[str(index)] == f"f{index}"
    assert f'href="#f{len(report.findings) - 1}"' in html  # the side list links to each


def test_scorecard_lists_parts_present_and_missing(page) -> None:
    report, html = page
    assert report.scorecard is not None
    for part, entry in report.scorecard.items():
        state = "present" if entry["present"] else "missing"
        assert f'<tr class="{state}" data-part="{part}">' in html
    assert 'data-part="headline"><td>a headline</td><td><span class="ok">' in html
    assert 'class="missing" data-part="customer_quote"' in html


def test_chart_has_a_row_per_section_with_prose(page) -> None:
    _, html = page
    chart = html[html.index('id="chart"') :]
    sections = re.findall(r'<tr data-section="([^"]*)"', chart)
    assert sections == ["DataSync AI: A Next-Generation Cloud-Native Platform", "What does it cost?"]
    assert chart.count('<div class="bar') == 3  # grade and jargon, but no grade for the 9-word answer
    assert chart.count(">n/a</td>") == 1
    assert '<div class="bar over">' in chart  # the summary is over the grade and jargon limits


def test_document_markup_is_escaped(page) -> None:
    _, html = page
    assert "<script" not in html.lower()
    assert "&lt;script&gt;document.title = &quot;pwned&quot;&lt;/script&gt;" in html or (
        '&lt;script&gt;document.title = "pwned"&lt;/script&gt;' in html
    )
    assert "<img" not in html and "&lt;img" in html
    assert '<a href="http' not in html


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.extend((tag, name, value or "") for name, value in attrs)


def test_no_remote_resources(page) -> None:
    _, html = page
    parser = _Attributes()
    parser.feed(html)
    tags = {tag for tag, _, _ in parser.found}
    assert not tags & {"script", "img", "link", "iframe", "object", "embed", "video", "audio", "source", "base"}
    loads = [(t, n, v) for t, n, v in parser.found if n in ("src", "href", "action", "poster", "data", "srcset")]
    assert loads, "expected in-page links"
    assert all(v.startswith("#") for _, _, v in loads), [x for x in loads if not x[2].startswith("#")]
    assert not REMOTE.search(re.sub(r"&lt;.*?&gt;", "", html))  # outside the escaped document text
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html  # the page's CSP forbids any load


# --- the highlighter ------------------------------------------------------------------------------


def test_overlapping_and_multiline_findings_nest() -> None:
    text = "alpha beta\ngamma delta\n"
    findings = [_finding(0, 10), _finding(6, 17, "jargon"), _finding(8, 8, "structure"), _finding(11, 16, "passive")]
    lines = highlight_lines(text, findings)
    assert len(lines) == 3 and lines[2] == ""
    parser = _Marks()
    parser.feed("".join(f"<p>{line}</p>" for line in lines))
    assert parser.all == "alpha betagamma delta"
    assert parser.text == {"0": "alpha beta", "1": "betagamma ", "2": "", "3": "gamma"}
    assert 'class="f point c-structure' in lines[0]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab <&\n\r", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6),
)
def test_highlighting_keeps_text_and_spans(text: str, spans: list[tuple[int, int]]) -> None:
    findings = [_finding(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans]
    lines = highlight_lines(text, findings)
    parser = _Marks()
    parser.feed("".join(f"<p>{line}</p>" for line in lines))
    assert parser.all == re.sub(r"\r\n|\r|\n", "", text)
    assert parser.opened == []
    for index, f in enumerate(findings):
        expected = re.sub(r"[\r\n]", "", text[f.start : f.end])
        assert parser.text[str(index)] == expected


# --- command line ---------------------------------------------------------------------------------


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["report", str(EXAMPLES / "datasync-prfaq.md"), "-o", str(out), "--isolated"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nope.md"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "no such file" in result.output


# --- a real browser -------------------------------------------------------------------------------


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium is not on PATH (.ci/run installs Debian's chromium package where it can)")


def _run_chromium(binary: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ]
    return subprocess.run([binary, *flags, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
def test_page_in_headless_chromium(page, tmp_path: Path) -> None:
    binary = _chromium()
    report, html = page
    target = tmp_path / "review.html"
    target.write_text(html, encoding="utf-8")
    dump = _run_chromium(binary, tmp_path, "--dump-dom", target.as_uri())
    assert dump.returncode == 0, dump.stderr[-2000:]
    dom = dump.stdout
    # The browser built the highlights: one mark per finding (first piece), with category and rule.
    for index, finding in enumerate(report.findings):
        match = re.search(rf'<mark class="f (?:point )?c-{finding.category} [^"]*" id="f{index}"[^>]*>', dom)
        assert match, finding
        assert f'data-rule="{finding.rule}"' in match.group(0)
    weasel = re.search(r'<mark [^>]*data-category="weasel"[^>]*>seamless</mark>', dom)
    assert weasel and "is a weasel word" in weasel.group(0)
    # The document's script is text in the DOM, never an element; the title is untouched.
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;" in dom
    assert "<title>wbl review: draft.md</title>" in dom
    shot = tmp_path / "review.png"
    result = _run_chromium(binary, tmp_path, "--window-size=1400,1400", f"--screenshot={shot}", target.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
