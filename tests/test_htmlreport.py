"""`wbl report`: the self-contained HTML review page (the document as prose with its findings,
structure, escaping, no network, a real browser)."""

from __future__ import annotations

import html as htmllib
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
from wbl.baseline import normalise
from wbl.cli import main
from wbl.engine import Linter, LintOptions
from wbl.findings import FileReport, Finding
from wbl.htmlprose import Point, Span, inline_html, markup_of, opener, plain_offset
from wbl.htmlreport import render_review, review
from wbl.markdown import parse
from wbl.rule import Severity

# A draft with findings of several categories, a finding over two lines, and hostile markup that
# must stay inert text: a script, an image from a remote host, an attribute-breaking quote.
HOSTILE = """\
# DataSync AI: A Next-Generation Cloud-Native Platform

Our platform leverages ML and blockchain to deliver seamless, best-in-class synchronization of
enterprise data assets across various heterogeneous environments of a large company.

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

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})

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
        if tag not in self.VOID:
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


def _finding(start: int, end: int, category: str = "weasel", text: str = "", **kw) -> Finding:
    return Finding(
        "WB601", "weasel-word", category, Severity.WARNING, "msg", "x.md", 1, 1, 1, 1, start, end, text, **kw
    )


class _Elements(HTMLParser):
    """Every element's tag and attributes, and the text inside each element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if "id" in values:
            self.ids[values["id"]] += 1


def _elements(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


# --- structure ------------------------------------------------------------------------------------


def test_legend_counts_each_category(page) -> None:
    report, html = page
    counts = Counter(f.category for f in report.findings)
    assert len(counts) >= 3, counts
    legend = dict(re.findall(r'<li class="c-[\w-]+(?: none)?" data-category="([\w-]+)" data-count="(\d+)"', html))
    assert {c: int(n) for c, n in legend.items() if int(n)} == dict(counts)
    assert 'id="show-c-weasel"' in html  # the check box that hides a category's highlights


def test_every_finding_is_drawn_once_with_its_note(page) -> None:
    """Each finding has one element with id f<n> (its words, a bar beside its block, or a place in
    the band about the whole document) and one note c<n> with its message."""
    report, html = page
    parsed = _elements(html)
    for index, finding in enumerate(report.findings):
        assert parsed.ids[f"f{index}"] == 1 and parsed.ids[f"c{index}"] == 1, finding
        values = next(v for _, v in parsed.elements if v.get("id") == f"f{index}")
        assert values["data-rule"] == finding.rule and finding.message in htmllib.unescape(values["title"])
    notes = html[html.index('id="document"') :]
    assert all(htmllib.escape(f.message) in notes for f in report.findings)
    assert f'href="#f{len(report.findings) - 1}"' in html  # the list of all findings links to each


def test_marked_words_are_the_flagged_text(page) -> None:
    """Inline marks sit on exactly the words each finding flags, shown as prose (no Markdown)."""
    report, html = page
    parser = _Marks()
    document = html[html.index("<main") : html.index('<section class="index"')]
    parser.feed(re.sub(r'<a class="fn[^"]*" href="#c\d+">\d+</a>', "", document))  # without the note numbers
    marked = [i for i in range(len(report.findings)) if str(i) in parser.text]
    assert len(marked) >= 5
    for index in marked:
        finding = report.findings[index]
        source = htmllib.unescape(HOSTILE[finding.start : finding.end])
        assert normalise(parser.text[str(index)]) == normalise(source), finding
        assert parser.ids.get(str(index), f"f{index}") == f"f{index}"


def _styles(html: str) -> dict[int, str]:
    return {int(v["data-finding"]): v["data-style"] for _, v in _elements(html).elements if "data-style" in v}


def test_findings_about_a_paragraph_are_in_the_margin(page) -> None:
    """Paragraph-level findings get a bar beside the paragraph and a note, not a wash over it."""
    report, html = page
    parsed = _elements(html)
    styles = _styles(html)
    ticks = {int(v["data-finding"]) for _, v in parsed.elements if "tick" in v.get("class", "").split()}
    marks = {int(v["data-finding"]) for t, v in parsed.elements if t == "mark"}
    assert {i for i, s in styles.items() if s == "block"} == ticks and ticks
    assert not ticks & marks, "a paragraph-level finding washes over the text"
    assert {i for i, s in styles.items() if s in ("word", "phrase", "point")} == marks
    for index, finding in enumerate(report.findings):
        assert styles[index] != "word" or len(finding.text.split()) <= 3
        assert styles[index] != "block" or len(finding.text.split()) >= 4


def test_findings_about_the_whole_document_stand_above_it(linter) -> None:
    """What a PR/FAQ lacks is anchored on its title: those notes stand in a band above the text."""
    example = EXAMPLES / "datasync-prfaq.md"  # its name says it is a PR/FAQ: the parts are judged
    report, html = review(linter, example.read_text(encoding="utf-8"), str(example))
    styles = _styles(html)
    whole = [i for i, s in styles.items() if s == "document"]
    assert len(whole) >= 3 and {report.findings[i].rule for i in whole} >= {"WB101", "WB102"}
    band = html[html.index('class="docnotes"') : html.index('class="row" data-lines')]
    assert all(f'id="c{i}"' in band and f'id="f{i}"' in band for i in whole)


def test_other_markdown_gets_no_score_or_parts() -> None:
    """A README is not judged as a PR/FAQ: the page says so instead of scoring what it is not."""
    card = {"headline": {"present": True, "line": 1}, "problem": {"present": False, "line": None}}
    report = FileReport("README.md", source_text="# tally\n", kind="other", score={"score": 28}, scorecard=card)
    page = render_review(report)
    assert "Not scored: taken for ordinary Markdown, not a PR/FAQ." in page
    assert 'class="big">28' not in page and "a problem paragraph" not in page


def test_in_page_links_all_land(page) -> None:
    """Every link of the page (notes, rule pages, lines, the scorecard, the chart) has its target."""
    _, html = page
    parsed = _elements(html)
    targets = {v["href"][1:] for t, v in parsed.elements if v.get("href", "").startswith("#")}
    assert {t for t in targets if t.startswith("L")} and {t for t in targets if t.startswith("rule-")}
    assert targets <= set(parsed.ids), targets - set(parsed.ids)
    assert all(n == 1 for n in parsed.ids.values()), [i for i, n in parsed.ids.items() if n > 1]


def test_rule_pages_are_in_the_page(page) -> None:
    report, html = page
    rules = html[html.index('id="rules"') :]
    for code in {f.rule for f in report.findings}:
        assert f'id="rule-{code}"' in rules and f"wbl explain {code}" in rules
    assert "<strong>Fix.</strong>" in rules or "<strong>Why.</strong>" in rules  # the docs are rendered


def test_scorecard_lists_parts_present_and_missing(page) -> None:
    report, html = page
    assert report.scorecard is not None
    for part, entry in report.scorecard.items():
        state = "present" if entry["present"] else "missing"
        assert f'<tr class="{state}" data-part="{part}">' in html
    assert 'data-part="headline"><td>a headline</td><td><span class="ok">' in html
    assert 'class="missing" data-part="customer_quote"' in html


def test_scorecard_marks_a_part_that_is_a_placeholder() -> None:
    linter = Linter(LintOptions(kind="press_release"))
    text = (
        "# Shelfwise restocks bookstores overnight\n\nToday Shelfwise launched a restocking app for bookstores.\n\n"
        '"Every shelf is full by morning," said [Executive Name], CEO of Shelfwise.\n'
    )
    report, html = review(linter, text, "draft.md")
    assert report.scorecard["leader_quote"]["placeholder"]
    assert 'data-part="leader_quote"><td>a quote from a company leader</td><td><span class="todo">' in html


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


def test_without_a_document_the_text_is_shown_as_it_is() -> None:
    text = "Some <b>very</b> text\nand more.\n"
    start = text.index("very")
    report = FileReport("x.md", (_finding(start, start + 4, text="very"), _finding(0, 0)), source_text=text)
    page = render_review(report)
    parser = _Marks()
    document = page[page.index("<main") : page.index('<section class="index"')]
    parser.feed(re.sub(r'<a class="fn[^"]*" href="#c\d+">\d+</a>', "", document))
    assert parser.text == {"0": "very", "1": ""} and parser.ids == {"0": "f0", "1": "f1"}
    assert "&lt;b&gt;" in page and 'id="c0"' in page and 'id="c1"' in page


# --- the prose renderer --------------------------------------------------------------------------


def test_overlapping_spans_nest() -> None:
    text = "alpha beta gamma delta"

    def mark(n: int, start: int, end: int) -> Span:
        return Span(
            start,
            end,
            lambda first, n=n: f'<mark data-finding="{n}"' + (f' id="f{n}"' if first else "") + ">",
            "</mark>",
        )

    html = inline_html(text, [mark(0, 0, 10), mark(1, 6, 16), mark(2, 11, 16)], [Point(8, "<i>x</i>")])
    parser = _Marks()
    parser.feed(f"<p>{html}</p>")
    assert parser.all == "alpha bexta gamma delta"
    assert parser.text == {"0": "alpha bexta", "1": "bexta gamma", "2": "gamma"}
    assert parser.ids == {"0": "f0", "1": "f1", "2": "f2"} and parser.opened == []


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab <&\"'", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=6),
    st.lists(st.integers(0, 30), max_size=3),
)
def test_inline_html_keeps_text_and_spans(text: str, spans: list[tuple[int, int]], points: list[int]) -> None:
    chosen = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in spans]
    marks = [
        Span(a, b, lambda first, n=n: f'<mark data-finding="{n}"' + (f' id="f{n}"' if first else "") + ">", "</mark>")
        for n, (a, b) in enumerate(chosen)
    ]
    html = inline_html(text, marks, [Point(p, "<br>") for p in points])
    parser = _Marks()
    parser.feed(f"<p>{html}</p>")
    assert parser.all == text and parser.opened == []
    for n, (a, b) in enumerate(chosen):
        if b > a:
            assert parser.text[str(n)] == text[a:b] and parser.ids[str(n)] == f"f{n}"


def test_plain_offsets_map_file_offsets_into_the_prose() -> None:
    source = "A **bold** claim &amp; a \\* star, [a link](http://x.example) end.\n"
    block = parse(source).blocks[0]
    assert block.text == "A bold claim & a * star, a link end."
    smap = block.source_map
    assert block.text[plain_offset(smap, source.index("bold")) :].startswith("bold")
    assert plain_offset(smap, source.index("**bold")) == block.text.index("bold")  # markup: next piece
    amp = source.index("&amp;")
    assert plain_offset(smap, amp) == block.text.index("&")
    assert plain_offset(smap, amp + 2, end=True) == block.text.index("&") + 1  # inside an entity
    link = source.index("a link")
    assert block.text[plain_offset(smap, link) : plain_offset(smap, link + 6, end=True)] == "a link"


def test_markup_shows_links_code_html_and_images() -> None:
    source = (
        "Use *the* **app** `now`\nor see [the docs](https://x.example/d) <b>bold</b> "
        "![logo](l.png) at <https://y.example>.\n"
    )
    block = parse(source).blocks[0]
    markup = markup_of(block, source)
    html = inline_html(block.text, markup.spans, markup.points)
    assert "<em>the</em>" in html and "<strong>app</strong>" in html
    assert "<code>now</code> or" in html  # the line break after inline code stays a space
    assert '<span class="link" title="https://x.example/d">the docs</span>' in html
    assert '<code class="markup">&lt;b&gt;</code>bold<code class="markup">&lt;/b&gt;</code>' in html
    assert "[image: logo]" in html and '<span class="link bare">https://y.example</span>' in html
    assert "<b>" not in html and "href" not in html
    assert opener("<q>")(True) == opener("<q>")(False) == "<q>"


DRAFT = """\
# Pantry Alerts help bakery owners

Bakery owners run out of flour twice a month and lose a day of sales each time.

- Owners get a text when flour runs low.
  1. Nested and numbered.

> "We ran out twice a month," said a baker.

| Plan | Price |
|------|-------|
| Basic | $10 |

```
code stays code
```

---
"""


def test_the_document_reads_as_prose(linter) -> None:
    _, html = review(linter, DRAFT, "draft.md")
    body = html[html.index('id="document"') : html.index('id="findings"')]
    assert re.search(r"<h1>[^<]*Pantry Alerts", body) and "# Pantry" not in body
    assert '<span class="bullet">•</span><p>Owners get a text' in body
    assert '<span class="bullet">1.</span><p>Nested and numbered.</p>' in body and "--d:2" in body
    assert "<blockquote><p>" in body and "&gt; " not in body
    assert "<th>Plan</th><th>Price</th>" in body and "<td>Basic</td><td>$10</td>" in body and "|---" not in body
    assert '<pre class="code">code stays code' in body and "<hr>" in body
    lines = re.findall(r'data-lines="(\d+)-(\d+)"', body)
    assert [int(a) for a, _ in lines] == sorted(int(a) for a, _ in lines)  # rows in document order
    assert ("18", "18") in lines  # the rule keeps its own line


def test_a_note_shows_the_fix_and_links_to_the_rule(linter) -> None:
    text = "# Title here\n\nOur team will leverage data to help.\n"
    start = text.index("leverage")
    fixed = Finding(
        "WB402",
        "buzzword",
        "jargon",
        Severity.WARNING,
        "'leverage' is a buzzword: say 'use'",
        "x.md",
        3,
        15,
        3,
        23,
        start,
        start + 8,
        "leverage",
        suggestion="use",
    )
    removed = Finding(
        "WB605", "filler-word", "weasel", Severity.INFO, "filler", "x.md", 3, 1, 3, 5, 2, 2, "", suggestion=""
    )
    document = linter.analyse(text, "x.md")
    page = render_review(FileReport("x.md", (removed, fixed), source_text=text), document)
    note = page[page.index('id="c1"') :]
    assert '<p class="fix">Fix: <del>leverage</del> → <ins>use</ins></p>' in note[: note.index("</div></div>") + 12]
    assert 'href="#rule-WB402"' in note
    assert "Fix: delete" not in page, "an empty suggestion on an empty span changes nothing"


def test_a_finding_s_number_follows_the_whole_word(linter) -> None:
    # A finding on "API" of "APIs": its number goes after the word, not inside it.
    text = "# Title here\n\nOur APIs are fast.\n"
    start = text.index("API")
    acronym = _finding(start, start + 3, "jargon", "API")
    page = render_review(FileReport("x.md", (acronym,), source_text=text), linter.analyse(text, "x.md"))
    assert 'API</mark>s<a class="fn' in page


# --- command line ---------------------------------------------------------------------------------


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = CliRunner().invoke(main, ["report", str(EXAMPLES / "datasync-prfaq.md"), "-o", str(out), "--isolated"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_report_takes_check_s_output_and_kind_options(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("# Acme Reader\n\nThe product helps people do things.\n", encoding="utf-8")
    pages = {}
    for kind in ("auto", "prfaq"):
        out = tmp_path / f"{kind}.html"
        result = CliRunner().invoke(main, ["report", str(draft), "--output-file", str(out), "--kind", kind])
        assert result.exit_code == 0, result.output
        pages[kind] = out.read_text(encoding="utf-8")
    # Said to be a PR/FAQ, the one-paragraph draft hears what it lacks; taken as a fragment, it does not.
    assert "WB101" in pages["prfaq"] and "WB101" not in pages["auto"]


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
    # The browser built every finding's element (its words, a bar beside its block, or its place
    # among the findings about the whole document) and its note.
    for index, finding in enumerate(report.findings):
        match = re.search(rf'<(?:mark|a) class="[^"]*" id="f{index}"[^>]*>', dom)
        assert match, finding
        assert f'data-rule="{finding.rule}"' in match.group(0)
        assert f'id="c{index}"' in dom
    weasel = re.search(r'<mark [^>]*data-category="weasel"[^>]*>seamless</mark>', dom)
    assert weasel and "is a weasel word" in weasel.group(0)
    assert "<h1>" in dom and "# DataSync" not in dom  # prose, not Markdown
    # The document's script is text in the DOM, never an element; the title is untouched.
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;" in dom
    assert "<title>wbl review: draft.md</title>" in dom
    shot = tmp_path / "review.png"
    result = _run_chromium(binary, tmp_path, "--window-size=1400,1400", f"--screenshot={shot}", target.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
