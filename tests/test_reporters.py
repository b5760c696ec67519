"""Every output format on a small hand-made report, plus the real CLI for SARIF, colour and --statistics."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from click.testing import CliRunner

import wbl
from wbl.cli import main
from wbl.findings import FileReport, Finding, Report
from wbl.reporters import (
    HUMAN_FORMATS,
    REPORTERS,
    STREAMING_FORMATS,
    RenderOptions,
    render_statistics,
    stream,
    use_color,
)
from wbl.reporters.base import docs_url, rule_help_uri
from wbl.reporters.github import escape_data, escape_property
from wbl.reporters.text import render_text
from wbl.rule import Rule, Severity
from wbl.source import SourceText, encoded_column

from .conftest import EXAMPLES, REPO, clean_env, wbl_command

SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

TEXT = (
    "# Launch 🚀 day\n\nOur seamless sync is very fast.\n"
    "\t表表 Many customers: 😀 very happy.\nA long\nsentence ends here.\n"
)


def finding(
    text: str, needle: str, rule: str = "WB601", *, occurrence: int = 0, end: int | None = None, **kw
) -> Finding:
    """A Finding on the `occurrence`-th `needle` in `text`, positioned as the engine would."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    stop = start + len(needle) if end is None else end
    source = SourceText(text)
    line, column = source.position(start)
    end_line, end_column = source.position(stop)
    values = {
        "rule": rule,
        "name": "weasel-word" if rule == "WB601" else "long-sentence",
        "category": "weasel" if rule == "WB601" else "readability",
        "severity": Severity.WARNING,
        "message": f"'{needle}' is vague: say it with data",
        "path": "docs/prfaq.md",
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "start": start,
        "end": stop,
        "text": text[start:stop],
    }
    values.update(kw)
    return Finding(**values)


WEASEL = Rule(
    code="WB601",
    name="weasel-word",
    category="weasel",
    severity=Severity.WARNING,
    summary="Vague qualifier with no data behind it",
    check=lambda document, ctx: iter(()),
    description="Flags weasel words.\n\n**Fix.** Give the number.",
)


def sample_report() -> Report:
    """Findings of several severities (one over two lines), a clean file and an unreadable one."""
    findings = (
        finding(TEXT, "seamless"),
        finding(TEXT, "very", occurrence=0, severity=Severity.INFO),
        finding(TEXT, "Many"),
        finding(TEXT, "very", occurrence=1),
        finding(TEXT, "A long", "WB503", end=TEXT.index("here.") + 5, severity=Severity.ERROR),
    )
    files = (
        FileReport("docs/prfaq.md", findings, source_text=TEXT),
        FileReport("docs/clean.md", (), source_text="# Fine\n"),
        FileReport("docs/broken.md", errors=("not valid UTF-8 (byte 0xff at offset 3)",)),
    )
    return Report(files, ("rule WB999 (demo) skipped: pipeline lacks ner",))


@pytest.fixture
def report() -> Report:
    return sample_report()


EMPTY = Report((FileReport("docs/clean.md", (), source_text="# Fine\n"),))


@pytest.fixture(autouse=True)
def _outside_any_repository(tmp_path, monkeypatch):
    """CI formats name files relative to the repository around the working directory: run in a
    folder that is in none, so that the relative paths of the hand-made reports stay as they are."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_renders(name, report):
    output = REPORTERS[name](report, RenderOptions(rules=(WEASEL,)))
    assert "WB601" in output and "WB503" in output
    assert REPORTERS[name](report) == REPORTERS[name](report, RenderOptions())  # options are optional
    REPORTERS[name](EMPTY, RenderOptions(rules=(WEASEL,)))  # and a clean run renders too


@pytest.mark.parametrize("name", sorted(STREAMING_FORMATS))
@pytest.mark.parametrize("files", [(), (0,), (1,), (2,), (0, 1, 2), (2, 1, 0, 0)])
def test_streamed_output_is_the_rendered_output(name, files, report):
    """The CLI prints file by file; the pieces must add up to exactly what the reporter renders."""
    for notices in (report.notices, ()):
        chosen = Report(tuple(report.files[i] for i in files), notices)
        pieces = list(stream(name, iter(chosen.files), RenderOptions(), lambda n=notices: n))
        assert "".join(pieces) == REPORTERS[name](chosen, RenderOptions())
        if name == "json":  # written by hand, piece by piece: it must be exactly the standard dump
            expected = json.dumps({"version": wbl.__version__, **chosen.to_dict()}, indent=2, ensure_ascii=False)
            assert "".join(pieces) == expected


def test_machine_formats_parse(report):
    json.loads(REPORTERS["json"](report))
    json.loads(REPORTERS["sarif"](report))
    ET.fromstring(REPORTERS["junit"](report))
    assert {"text", "concise"} == HUMAN_FORMATS


# --- text -------------------------------------------------------------------------------------------


def _blocks(output: str) -> list[list[str]]:
    """Each finding: its headline and the lines under it."""
    blocks: list[list[str]] = []
    for line in output.splitlines():
        if line and not line[0].isspace():
            blocks.append([line])
        elif line:
            blocks[-1].append(line)
    return blocks


def _caret_cells(block: list[str]) -> tuple[str, int, int]:
    """(source line shown, first caret cell, caret count) measured after the ``N | `` gutter."""
    source, carets = block[1], block[2]
    gutter = source.index("| ") + 2
    assert carets.index("| ") + 2 == gutter
    marks = carets[gutter:]
    first = len(marks) - len(marks.lstrip(" "))
    return source[gutter:], first, len(marks.strip())


def test_text_headline_is_the_machine_readable_line(report):
    output = render_text(report)
    headlines = [b[0] for b in _blocks(output)]
    expected = [f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}" for f in report.findings]
    assert headlines == expected
    assert "docs/clean.md" not in output and "docs/broken.md" not in output  # errors go to stderr


def test_text_caret_under_the_span_ascii(report):
    block = _blocks(render_text(report))[0]
    assert block[1].startswith("  3 | Our seamless")
    shown, first, count = _caret_cells(block)
    assert shown[first : first + count] == "seamless"
    assert count == len("seamless")


def test_text_caret_counts_wide_characters_and_tabs(report):
    blocks = _blocks(render_text(report))
    many = next(b for b in blocks if "'Many'" in b[0])
    shown, first, count = _caret_cells(many)
    # A tab shows as 4 spaces, each 表 takes two cells: the caret sits under "M".
    assert shown.startswith("    表表 Many")
    assert first == 4 + 2 + 2 + 1 and count == 4
    very = [b for b in blocks if "'very'" in b[0]][1]
    shown, first, count = _caret_cells(very)
    assert first == 4 + 4 + 1 + len("Many customers: ") + 2 + 1  # 😀 takes two cells
    assert count == 4


@pytest.mark.parametrize(
    "emoji",
    [
        "\u2764\ufe0f",  # "❤" is one cell, drawn two wide with the emoji presentation selector
        "\U0001f44d\U0001f3fd",  # a thumbs-up with a skin tone: one emoji
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # a family joined by zero-width joiners
    ],
)
def test_text_caret_counts_an_emoji_sequence_as_two_cells(emoji):
    text = f"We {emoji} it, seamless.\n"
    f = finding(text, "seamless")
    block = _blocks(render_text(Report((FileReport(f.path, (f,), source_text=text),))))[0]
    shown, first, count = _caret_cells(block)
    assert shown.startswith(f"We {emoji} it")
    assert first == len("We ") + 2 + len(" it, ") and count == len("seamless")


def test_text_multiline_span_underlines_to_the_end_of_its_first_line(report):
    block = next(b for b in _blocks(render_text(report)) if "WB503" in b[0])
    shown, first, count = _caret_cells(block)
    assert (shown, first, count) == ("A long", 0, 6)


def test_text_long_line_is_cut_around_the_span():
    text = "x " * 200 + "seamless " + "y " * 200 + "\n"
    f = finding(text, "seamless")
    block = _blocks(render_text(Report((FileReport(f.path, (f,), source_text=text),))))[0]
    shown, first, count = _caret_cells(block)
    assert len(shown) <= 110 and shown.startswith("…") and shown.endswith("…")
    assert shown[first : first + count] == "seamless"


@pytest.mark.parametrize("dash", ["-", "–"])  # a plain line, and one the slower path measures
def test_text_a_paragraph_long_span_is_underlined_to_the_cut(dash):
    # A finding about a whole 500-character paragraph once drew 500 carets under the whole line.
    text = f"Start {dash} " + "word " * 100 + "end.\n"
    f = finding(text, text.rstrip("\n"))
    block = _blocks(render_text(Report((FileReport(f.path, (f,), source_text=text),))))[0]
    shown, first, count = _caret_cells(block)
    assert shown.endswith("…") and len(shown) <= 110
    assert (first, count) == (0, len(shown) - 1)  # every shown cell but the ellipsis


def test_text_control_characters_cannot_reach_the_terminal():
    text = "Very \x1b[31mbad\n"
    f = finding(text, "bad")
    block = _blocks(render_text(Report((FileReport(f.path, (f,), source_text=text),))))[0]
    assert "\x1b" not in "\n".join(block[1:])


def test_text_fast_path_is_headline_and_snippet():
    """render_text inlines `headline` and `snippet` for plain lines: its output must stay theirs,
    for short and long lines, spans past the end, spans over lines, and text that needs escaping."""
    from wbl.reporters.base import line_of, source_of
    from wbl.reporters.text import headline, snippet

    long = "x " * 70 + "seamless " + "y " * 70
    text = f"Short seamless line.\n{long}\nseamless\n\tTab seamless.\nWide 表 seamless.\n" + long * 2 + "\n"
    source = SourceText(text)
    findings = []
    for start in range(0, len(text), 7):
        for size in (0, 1, 3, 40, 150):
            stop = min(len(text), start + size)
            line, column = source.position(start)
            end_line, end_column = source.position(stop)
            findings.append(
                Finding(
                    "WB601",
                    "weasel-word",
                    "weasel",
                    Severity.WARNING,
                    f"msg {start}\x1b[31m" if size == 3 else "m",
                    "docs/\u202eprfaq.md" if size == 1 else "docs/prfaq.md",
                    line,
                    column,
                    end_line,
                    end_column,
                    start,
                    stop,
                    text[start:stop],
                )
            )
    findings.append(replace(findings[0], column=999, end_column=1000))  # past the end of its line
    report = FileReport("docs/prfaq.md", tuple(findings), source_text=text)
    expected = []
    for f in findings:
        expected.append(headline(f))
        expected.extend(snippet(line_of(source_of(report), f.line), f))
    assert render_text(Report((report,))) == "\n".join(expected)


def test_printable_fast_path_agrees_with_the_escapes():
    """`printable` returns a printable text as it is: no character it escapes is printable."""
    from wbl.reporters.base import is_unsafe

    assert not [hex(c) for c in range(0x110000) if chr(c).isprintable() and is_unsafe(chr(c))]


def test_text_reads_the_file_when_the_report_has_no_text(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(TEXT, encoding="utf-8")
    f = finding(TEXT, "seamless", path=str(path))
    block = _blocks(render_text(Report((FileReport(str(path), (f,)),))))[0]
    assert block[1].startswith("  3 | Our seamless")
    gone = finding(TEXT, "seamless", path=str(tmp_path / "gone.md"))
    assert render_text(Report((FileReport(gone.path, (gone,)),))).splitlines() == [
        f"{gone.path}:3:5: WB601 [warning] 'seamless' is vague: say it with data"
    ]


def test_text_groups_files_with_a_blank_line(report):
    second = finding(TEXT, "seamless", path="docs/other.md")
    both = Report((report.files[0], FileReport("docs/other.md", (second,), source_text=TEXT)))
    output = render_text(both)
    assert "\n\ndocs/other.md:3:5: WB601" in output
    assert output.count("\n\n") == 1


def test_text_color_only_when_asked(report):
    plain = render_text(report, RenderOptions(color=False))
    colored = render_text(report, RenderOptions(color=True))
    assert not ANSI.search(plain)
    assert ANSI.search(colored)
    assert ANSI.sub("", colored) == plain


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_use_color_tty_no_color_and_force_color():
    assert use_color(_Stream(True), {}) is True
    assert use_color(_Stream(False), {}) is False
    assert use_color(_Stream(True), {"NO_COLOR": "1"}) is False
    assert use_color(_Stream(True), {"NO_COLOR": ""}) is True  # NO_COLOR counts only when non-empty
    assert use_color(_Stream(False), {"FORCE_COLOR": "1"}) is True
    assert use_color(_Stream(True), {"NO_COLOR": "1", "FORCE_COLOR": "1"}) is False
    assert use_color(_Stream(True), {"TERM": "dumb"}) is False


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("no_color", [False, True])
def test_cli_colors_on_a_terminal_unless_no_color(no_color, tmp_path):
    import pty

    doc = tmp_path / "doc.md"
    doc.write_text("# Title\n\nOur seamless sync is fast.\n", encoding="utf-8")
    env = clean_env()
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [*wbl_command(), "check", "--kind", "fragment", "--select", "WB601", str(doc)],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
            timeout=300,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    out = b"".join(chunks).decode()
    assert proc.returncode == 1, proc.stderr
    assert "seamless" in out
    assert bool(ANSI.search(out)) is not no_color


# --- concise ----------------------------------------------------------------------------------------


def test_concise_one_line_per_finding(report):
    lines = REPORTERS["concise"](report).splitlines()
    assert lines == [f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}" for f in report.findings]
    assert lines[0] == "docs/prfaq.md:3:5: WB601 'seamless' is vague: say it with data"


# --- SARIF ------------------------------------------------------------------------------------------


def _schema():
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is not present")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_sarif_validates_against_the_schema(report):
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(REPORTERS["sarif"](report, RenderOptions(rules=(WEASEL,))))
    jsonschema.validate(log, _schema())
    empty = json.loads(REPORTERS["sarif"](EMPTY))
    jsonschema.validate(empty, _schema())
    assert empty["runs"][0]["results"] == []


def test_sarif_rules_results_and_notifications(report):
    log = json.loads(REPORTERS["sarif"](report, RenderOptions(rules=(WEASEL,))))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["WB503", "WB601"]
    weasel = rules[1]
    # No documentation site configured: no help link (never a dead one); `help` carries the page.
    assert "helpUri" not in weasel and "informationUri" not in run["tool"]["driver"]
    assert weasel["shortDescription"]["text"] == WEASEL.summary
    assert weasel["fullDescription"]["text"] == "Flags weasel words."
    assert "Give the number" in weasel["help"]["markdown"]
    assert weasel["defaultConfiguration"]["level"] == "warning"
    assert rules[0]["name"] == "long-sentence"  # described from its finding alone
    results = run["results"]
    assert len(results) == len(report.findings)
    for result, f in zip(results, report.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == f.rule
        assert result["level"] == {"warning": "warning", "info": "note", "error": "error"}[f.severity.value]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "docs/prfaq.md"
        assert location["region"]["startLine"] == f.line
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    levels = [(n["level"], n["message"]["text"]) for n in invocation["toolExecutionNotifications"]]
    assert ("error", "not valid UTF-8 (byte 0xff at offset 3)") in levels
    assert any(level == "note" and "WB999" in text for level, text in levels)


def test_sarif_help_links_follow_the_configured_documentation_url(report):
    log = json.loads(REPORTERS["sarif"](report, RenderOptions(rules=(WEASEL,), docs_url="https://example.com/d")))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.com/d/"
    assert [r["helpUri"] for r in driver["rules"]] == [
        "https://example.com/d/rules/long-sentence/",
        "https://example.com/d/rules/weasel-word/",
    ]
    templated = RenderOptions(rules=(WEASEL,), docs_url="https://example.com/{code}.html")
    driver = json.loads(REPORTERS["sarif"](report, templated))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver  # a template names pages, not the site
    assert driver["rules"][1]["helpUri"] == "https://example.com/WB601.html"


def test_the_documentation_url_comes_from_the_environment_then_the_configuration():
    assert docs_url(None, {}) is None
    assert docs_url("https://a.example/wbl", {}) == "https://a.example/wbl"
    assert docs_url("https://a.example/wbl", {"WBL_DOCS_URL": "https://b.example"}) == "https://b.example"
    assert docs_url(None, {"WBL_DOCS_URL": "  "}) is None
    assert rule_help_uri("weasel-word", None) is None
    assert rule_help_uri("weasel-word", "https://a.example/wbl/") == "https://a.example/wbl/rules/weasel-word/"
    assert (
        rule_help_uri("weasel-word", "https://a.example/{name}#{code}", "WB601")
        == "https://a.example/weasel-word#WB601"
    )


def test_sarif_columns_are_utf16_code_units(report):
    run = json.loads(REPORTERS["sarif"](report))["runs"][0]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    happy_very = report.findings[3]
    assert happy_very.text == "very" and happy_very.line == 4
    line = TEXT.splitlines()[3]
    # The code-point column counts 😀 once; UTF-16 counts its two surrogates.
    assert regions[3]["startColumn"] == happy_very.column + 1
    assert regions[3]["endColumn"] == happy_very.end_column + 1
    assert line.encode("utf-16-le")[(regions[3]["startColumn"] - 1) * 2 :].decode("utf-16-le").startswith("very")
    assert regions[0]["startColumn"] == report.findings[0].column  # ASCII lines are unchanged
    assert encoded_column("a😀b", 3) == 4 and encoded_column(None, 7) == 7
    assert encoded_column("a😀b", 3, "utf-8") == 6 and encoded_column("a😀b", 3, "utf-32") == 3


def test_sarif_paths_become_uris():
    f = finding(TEXT, "seamless", path="./docs/my prfaq.md")
    log = json.loads(REPORTERS["sarif"](Report((FileReport(f.path, (f,), source_text=TEXT),))))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "docs/my%20prfaq.md", "uriBaseId": "%SRCROOT%"}


@pytest.mark.slow
def test_sarif_from_the_cli_validates(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema()
    result = subprocess.run(
        [*wbl_command(), "check", "--format", "sarif", str(EXAMPLES)],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    log = json.loads(result.stdout)
    jsonschema.validate(log, schema)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "wbl"
    assert all("helpUri" not in r and r["help"]["text"] for r in driver["rules"])
    assert log["runs"][0]["results"]
    # With a documentation site (the environment's URL), every rule links to its page there.
    linked = subprocess.run(
        [*wbl_command(), "check", "--format", "sarif", str(EXAMPLES)],
        capture_output=True,
        text=True,
        env=clean_env(WBL_DOCS_URL="https://docs.example.com/wbl/"),
        timeout=300,
    )
    linked_log = json.loads(linked.stdout)
    jsonschema.validate(linked_log, schema)
    linked_driver = linked_log["runs"][0]["tool"]["driver"]
    assert linked_driver["informationUri"] == "https://docs.example.com/wbl/"
    assert all(r["helpUri"] == f"https://docs.example.com/wbl/rules/{r['name']}/" for r in linked_driver["rules"])


# --- GitHub -----------------------------------------------------------------------------------------

GITHUB = re.compile(
    r"^::(?P<command>warning|error|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+)(?:,col=(?P<col>\d+))?,"
    r"endLine=(?P<end_line>\d+)(?:,endColumn=(?P<end_col>\d+))?,title=(?P<title>WB\d{3})::(?P<message>.+)$"
)


def test_github_annotations(report):
    lines = REPORTERS["github"](report).splitlines()
    annotations = [GITHUB.match(line) for line in lines if "title=WB" in line]
    assert len(annotations) == len(report.findings) and all(annotations)
    for match, f in zip(annotations, report.findings, strict=True):
        assert match["command"] == {"warning": "warning", "info": "notice", "error": "error"}[f.severity.value]
        assert (match["file"], int(match["line"]), int(match["end_line"])) == (f.path, f.line, f.end_line)
        if f.end_line == f.line:
            assert (int(match["col"]), int(match["end_col"])) == (f.column, f.end_column)
        assert match["title"] == f.rule and match["message"] == f.message
    assert "::error file=docs/broken.md,title=wbl::not valid UTF-8 (byte 0xff at offset 3)" in lines


def test_github_multiline_finding_has_no_columns(report):
    """The Actions toolkit rejects col/endColumn when line and endLine differ."""
    (multiline,) = [f for f in report.findings if f.end_line != f.line]
    line = next(line for line in REPORTERS["github"](report).splitlines() if f"title={multiline.rule}" in line)
    assert f"line={multiline.line},endLine={multiline.end_line},title=" in line
    assert "col=" not in line and "endColumn=" not in line


def test_github_paths_are_relative_to_the_repository(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")  # wbl runs in a subfolder; GitHub wants repository paths
    f = finding(TEXT, "seamless", path="prfaq.md")
    (line,) = REPORTERS["github"](Report((FileReport(f.path, (f,), source_text=TEXT),))).splitlines()
    assert line.startswith("::warning file=docs/prfaq.md,line=3,")


def test_github_escapes_values():
    assert escape_data("50% done\nnext\r") == "50%25 done%0Anext%0D"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    f = finding(TEXT, "seamless", path="docs/a,b:c.md", message="100% vague:\nsay it")
    (line,) = REPORTERS["github"](Report((FileReport(f.path, (f,), source_text=TEXT),))).splitlines()
    assert line.startswith("::warning file=docs/a%2Cb%3Ac.md,line=3,")
    assert line.endswith("::100%25 vague:%0Asay it")


# --- JUnit ------------------------------------------------------------------------------------------


def test_junit_shape(report):
    root = ET.fromstring(REPORTERS["junit"](report))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"docs/prfaq.md", "docs/clean.md", "docs/broken.md"}
    prfaq = suites["docs/prfaq.md"]
    findings = report.files[0].findings
    infos = [f for f in findings if f.severity is Severity.INFO]
    assert infos, "the fixture has an info finding"
    assert prfaq.get("tests") == str(len(findings))
    assert prfaq.get("failures") == str(len(findings) - len(infos))  # info findings are hints, not failures
    failures = prfaq.findall("testcase/failure")
    assert [f.get("type") for f in failures][:2] == ["WB601 [warning]", "WB601 [warning]"]
    assert failures[0].get("message") == "'seamless' is vague: say it with data"
    hints = [case for case in prfaq.findall("testcase") if case.find("failure") is None]
    assert len(hints) == len(infos) and "[info]" in hints[0].find("system-out").text
    assert suites["docs/clean.md"].get("failures") == "0" and len(suites["docs/clean.md"].findall("testcase")) == 1
    assert suites["docs/broken.md"].get("errors") == "1"
    assert suites["docs/broken.md"].find("testcase/error") is not None
    assert root.get("tests") == str(len(report.findings) + 2)
    assert root.get("failures") == str(len(report.findings) - len(infos)) and root.get("errors") == "1"


def test_junit_only_hints_is_a_passing_run():
    f = finding(TEXT, "seamless", severity=Severity.INFO)
    root = ET.fromstring(REPORTERS["junit"](Report((FileReport(f.path, (f,), source_text=TEXT),))))
    assert root.get("failures") == "0" and root.get("errors") == "0" and root.get("tests") == "1"


def test_junit_failures_follow_fail_on(report):
    # The test view is red exactly when the job is: --fail-on info makes hints failures, --fail-on
    # error leaves warnings as passing cases; each file's own fail-on counts.
    findings = report.files[0].findings
    by_severity = {s: sum(f.severity is s for f in findings) for s in Severity}
    for fail_on, failing in [
        (Severity.INFO, len(findings)),
        (Severity.WARNING, len(findings) - by_severity[Severity.INFO]),
        (Severity.ERROR, by_severity[Severity.ERROR]),
    ]:
        options = RenderOptions(fail_on=lambda f, s=fail_on: s if f.path == "docs/prfaq.md" else Severity.WARNING)
        suites = {s.get("name"): s for s in ET.fromstring(REPORTERS["junit"](report, options)).findall("testsuite")}
        assert suites["docs/prfaq.md"].get("failures") == str(failing), fail_on
        assert len(suites["docs/prfaq.md"].findall("testcase/failure")) == failing


def test_junit_fail_on_info_from_the_command_line(tmp_path):
    draft = tmp_path / "notes.md"  # a short draft not named as a PR/FAQ: hints only
    draft.write_text("# Launch\n\nOwners are very happy with it.\n", encoding="utf-8")
    command = ["check", "--no-cache", "--format", "junit", "--select", "WB601", str(draft)]
    results = {flag: CliRunner().invoke(main, [*command, *flag]) for flag in ((), ("--fail-on", "info"))}
    passing, failing = (ET.fromstring(results[flag].stdout) for flag in results)
    assert (results[()].exit_code, passing.get("failures")) == (0, "0"), results[()].stderr
    assert (results[("--fail-on", "info")].exit_code, failing.get("failures")) == (1, "1")


def test_junit_survives_characters_xml_cannot_hold():
    f = finding(TEXT, "seamless", message="bad \x0b char")
    root = ET.fromstring(REPORTERS["junit"](Report((FileReport(f.path, (f,), source_text=TEXT),))))
    assert root.find("testsuite/testcase/failure").get("message") == "bad \ufffd char"


# --- --statistics -----------------------------------------------------------------------------------


def test_statistics_counts_per_rule(report):
    lines = render_statistics(report).splitlines()
    assert lines[0].split()[:3] == ["4", "WB601", "weasel-word"]
    assert "(1 info, 3 warnings)" in lines[0]
    assert lines[1].split()[:3] == ["1", "WB503", "long-sentence"]
    assert lines[-1] == "5 findings (1 error, 3 warnings, 1 info) in 1 file"
    assert render_statistics(EMPTY) == ""


@pytest.mark.slow
def test_cli_statistics_after_findings_and_off_stdout_for_machine_formats():
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*wbl_command(), "check", "--statistics", *args, str(EXAMPLES / "datasync-prfaq.md")],
            capture_output=True,
            text=True,
            env=clean_env(),
            timeout=300,
        )

    text = run("--select", "WB601")
    assert text.returncode == 1, text.stderr
    out = text.stdout.rstrip("\n").splitlines()
    assert re.match(r"^\s*\d+\s+WB601\s+weasel-word\s", out[-2])
    assert re.match(r"^\d+ findings \(\d+ warnings?(, \d+ infos?)?\) in 1 file$", out[-1])
    assert out[0].endswith("datasync-prfaq.md:1:18: WB601 [warning] " + out[0].split("[warning] ", 1)[1])
    assert out[-3] == "", "a blank line between the findings and the statistics"
    machine = run("--select", "WB601", "--format", "json")
    json.loads(machine.stdout)  # still one JSON document
    assert "WB601" in machine.stderr and "findings" in machine.stderr


def test_the_score_line_says_what_its_points_are_counted_from():
    from wbl.reporters.summary import score_text

    line = score_text("prfaq", {"score": 72, "baseline": 53.2, "components": {"structure": 12.5, "clarity": -2.0}})
    assert line == "PR/FAQ, score 72/100 (average document 53.2; structure +12.5, clarity -2.0)"
