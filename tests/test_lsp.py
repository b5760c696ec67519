"""`wbl lsp` end to end: a real LSP client (pytest-lsp) drives the server over stdio.

The workspace's wbl.toml selects only weasel-word (WB601), so these tests do not depend on the
rules that others are still tuning; they also show that the server applies the configuration
found for the document's path, and reloads it when it changes.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (pip install 'wbl-lint[lsp]')")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="the end-to-end tests need pytest-lsp")

from lsprotocol import types  # noqa: E402
from pygls import uris  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

import wbl  # noqa: E402
from wbl.lsp import (  # noqa: E402
    FIX_ALL_KIND,
    DocCache,
    WblLanguageServer,
    client_position,
    code_actions,
    fix_all_action,
    in_buffer,
    server_offset,
    suppression_edit,
    to_diagnostic,
)
from wbl.source import SourceText  # noqa: E402

from .conftest import clean_env, wbl_command  # noqa: E402

asyncio_test = pytest.mark.asyncio(loop_scope="module")  # one server for the module

SERVER = ClientServerConfig(server_command=[*wbl_command(), "lsp"], server_env=clean_env())
TIMEOUT = 120  # seconds: the first lint loads spaCy
# Three astral characters (six UTF-16 code units) before the weasel word "many".
TEXT = "# Shelfwise\n\nThe 🚀🎉 launch 😀 helps many shop owners. It is very fast.\n"
MANY = types.Range(start=types.Position(line=2, character=25), end=types.Position(line=2, character=29))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / "wbl.toml").write_text('select = ["weasel-word"]\n', encoding="utf-8")
    (root / "prfaq.md").write_text(TEXT, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        lsp_client.registrations = params.registrations

    lsp_client.registrations = []
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=uris.from_fs_path(str(workspace)),
            initialization_options={"debounce": 0.05},
        )
    )
    yield
    await lsp_client.shutdown_session()
    # pytest-lsp keeps the server process; it must have exited by itself after `exit`.
    assert lsp_client._server is not None and lsp_client._server.returncode == 0


async def diagnostics(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics published for `uri` at `version` (earlier publications are skipped)."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and params.version == version:
                return list(params.diagnostics)

    return await asyncio.wait_for(wait(), TIMEOUT)


def flagged(diagnostic: types.Diagnostic) -> str:
    """The flagged words, which the server sends in the diagnostic's data for its code actions."""
    assert isinstance(diagnostic.data, dict)
    return diagnostic.data["text"]


def open_document(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


@pytest.mark.slow
@asyncio_test
async def test_open_publishes_diagnostics_in_utf16(client: LanguageClient, workspace: Path) -> None:
    uri = uris.from_fs_path(str(workspace / "prfaq.md"))
    open_document(client, uri, TEXT)
    found = await diagnostics(client, uri, 1)
    assert {d.code for d in found} == {"WB601"}, "the workspace's wbl.toml selects weasel-word only"
    many = next(d for d in found if flagged(d) == "many")
    assert many.range == MANY
    assert many.severity == types.DiagnosticSeverity.Warning
    assert many.source == "wbl"
    # No documentation site configured: the code links to the rule's page (`wbl explain`),
    # written on this machine, so the link always leads somewhere.
    assert many.code_description is not None
    page = Path(uris.to_fs_path(many.code_description.href))
    assert many.code_description.href.startswith("file://") and page.name == "WB601-weasel-word.md"
    assert page.read_text(encoding="utf-8").startswith("# WB601 weasel-word\n")
    very = next(d for d in found if flagged(d) == "very")
    # "very" is at code point 49 of its line; the three emoji add one UTF-16 unit each.
    assert very.range.start == types.Position(line=2, character=TEXT.splitlines()[2].index("very") + 3)


@pytest.mark.slow
@asyncio_test
async def test_change_republishes_for_the_latest_version(client: LanguageClient, workspace: Path) -> None:
    uri = uris.from_fs_path(str(workspace / "prfaq.md"))
    edited = TEXT.replace("many shop owners", "412 shop owners")
    # A burst of edits: only the last version's diagnostics count.
    change(client, uri, 2, TEXT.replace("many", "many many"))
    change(client, uri, 3, edited)
    found = await diagnostics(client, uri, 3)
    assert [flagged(d) for d in found] == ["very"]


@pytest.mark.slow
@asyncio_test
async def test_code_action_inserts_a_suppression_comment(client: LanguageClient, workspace: Path) -> None:
    uri = uris.from_fs_path(str(workspace / "prfaq.md"))
    text = TEXT.replace("many shop owners", "412 shop owners")
    found = client.diagnostics[uri]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=found[0].range,
            context=types.CodeActionContext(diagnostics=list(found)),
        )
    )
    assert actions, "expected a quick fix"
    action = next(a for a in actions if isinstance(a, types.CodeAction) and a.title == "Disable WB601 for this line")
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes[uri]
    assert edit.new_text == "<!-- wbl-disable-next-line WB601 -->\n"
    assert edit.range.start == edit.range.end == types.Position(line=2, character=0)
    lines = text.splitlines(keepends=True)
    suppressed = "".join([*lines[:2], edit.new_text, *lines[2:]])
    change(client, uri, 4, suppressed)
    assert await diagnostics(client, uri, 4) == []


@pytest.mark.slow
@asyncio_test
async def test_quick_fixes_and_fix_all_from_the_server(client: LanguageClient, workspace: Path) -> None:
    uri = uris.from_fs_path(str(workspace / "fixes.md"))
    open_document(client, uri, FIXABLE)
    found = await diagnostics(client, uri, 1)

    async def actions_for(found: list[types.Diagnostic]) -> list[types.CodeAction]:
        actions = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=found[0].range,
                context=types.CodeActionContext(diagnostics=found),
            )
        )
        return [a for a in actions or [] if isinstance(a, types.CodeAction)]

    actions = await actions_for(found)
    assert [(a.title, a.kind) for a in actions] == [
        ("Remove 'really' (WB601)", types.CodeActionKind.QuickFix),
        ("Remove 'truly' (WB601)", types.CodeActionKind.QuickFix),
        ("Disable WB601 for this line", types.CodeActionKind.QuickFix),
        ("wbl: fix all safely fixable findings", FIX_ALL_KIND),
    ]
    # The editor resolves the fix-all action's edit when it is chosen: every safe fix, as
    # `wbl check --fix` applies them.
    resolved = await client.code_action_resolve_async(actions[-1])
    assert resolved.edit is not None and resolved.edit.changes is not None
    fixed = apply_text_edits(FIXABLE, resolved.edit.changes[uri])
    assert fixed == FIXABLE.replace("really ", "").replace("truly ", "")
    change(client, uri, 2, fixed)
    left = await diagnostics(client, uri, 2)
    assert [flagged(d) for d in left] == ["Many"]
    assert [a.title for a in await actions_for(left)] == ["Disable WB601 for this line"]  # nothing to fix
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert await diagnostics(client, uri, None) == []


@pytest.mark.slow
@asyncio_test
async def test_configuration_reloads_when_it_changes(client: LanguageClient, workspace: Path) -> None:
    uri = uris.from_fs_path(str(workspace / "prfaq.md"))
    change(client, uri, 5, TEXT)
    assert {d.code for d in await diagnostics(client, uri, 5)} == {"WB601"}
    config = workspace / "wbl.toml"
    config.write_text('select = ["weasel-word"]\n\n[rules.weasel-word]\naccept-words = ["many"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uris.from_fs_path(str(config)), type=types.FileChangeType.Changed)]
        )
    )
    found = await diagnostics(client, uri, 5)  # re-published without an edit
    assert [flagged(d) for d in found] == ["very"]
    # Without a notification from the editor, a changed file is noticed on the next lint.
    accept_very = 'select = ["weasel-word"]\n\n[rules.weasel-word]\naccept-words = ["very", "truly"]\n'
    config.write_text(accept_very, encoding="utf-8")  # another size too: mtimes can be coarse
    change(client, uri, 6, TEXT)
    assert [flagged(d) for d in await diagnostics(client, uri, 6)] == ["many"]
    # min-severity leaves the hints out of the editor too.
    hints = 'select = ["weasel-word"]\nmin-severity = "warning"\n\n[rules.weasel-word]\nseverity = "info"\n'
    config.write_text(hints, encoding="utf-8")
    change(client, uri, 7, TEXT)
    assert await diagnostics(client, uri, 7) == []


@pytest.mark.slow
@asyncio_test
async def test_a_broken_configuration_is_reported_once_and_defaults_apply(
    client: LanguageClient, workspace: Path
) -> None:
    uri = uris.from_fs_path(str(workspace / "prfaq.md"))
    (workspace / "wbl.toml").write_text("select = [\n", encoding="utf-8")
    change(client, uri, 8, TEXT)
    assert "WB601" in {d.code for d in await diagnostics(client, uri, 8)}  # the default rules
    change(client, uri, 9, TEXT + "\nMore.\n")
    await diagnostics(client, uri, 9)
    shown = [m.message for m in client.messages if "wbl.toml" in m.message]
    assert len(shown) == 1 and "invalid TOML" in shown[0], client.messages


@pytest.mark.slow
@asyncio_test
async def test_close_clears_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = uris.from_fs_path(str(workspace / "prfaq.md"))
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), TIMEOUT)
    assert params.uri == uri and list(params.diagnostics) == []


@pytest.mark.slow
@asyncio_test
async def test_server_asks_to_watch_configuration_files(client: LanguageClient) -> None:
    methods = [r.method for r in client.registrations]
    assert types.WORKSPACE_DID_CHANGE_WATCHED_FILES in methods


# --- in-process: the pieces the end-to-end tests cannot reach -------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        (types.PositionEncodingKind.Utf16, 7),
        (types.PositionEncodingKind.Utf8, 14),
        (types.PositionEncodingKind.Utf32, 5),
    ],
)
def test_positions_in_each_encoding(encoding: str, expected: int) -> None:
    # "é" and "字" are one UTF-16 unit, "😀" and "𝒳" (astral) two; in UTF-8 2, 3, 4 and 4 bytes.
    source = SourceText("# T\r\né字😀𝒳 many\n")
    position = client_position(source, 2, 6, encoding)  # code-point column 6: the "m" of "many"
    assert position == types.Position(line=1, character=expected)
    assert server_offset(source, position, encoding) == source.text.index("many")


FIXABLE = "# Shelfwise\n\nThe 😀 shop is really fast, and owners truly like it. Many owners said so.\n"


def apply_text_edits(text: str, edits: list[types.TextEdit], encoding: str | None = None) -> str:
    """`text` with LSP text edits applied (their ranges in `encoding`, UTF-16 by default)."""
    source = SourceText(text)
    spans = [
        (server_offset(source, e.range.start, encoding), server_offset(source, e.range.end, encoding), e) for e in edits
    ]
    for start, end, e in sorted(spans, key=lambda s: s[:2], reverse=True):
        text = text[:start] + e.new_text + text[end:]
    return text


def lint_diagnostics(text: str) -> list[types.Diagnostic]:
    from wbl import Linter, LintOptions

    report = Linter(LintOptions(select=("WB601",))).lint_text(text, "t.md")
    source = SourceText(text)
    return [to_diagnostic(source, f, None) for f in report.findings]


def test_one_quick_fix_per_finding_and_one_disable_action_per_rule_and_line() -> None:
    found = lint_diagnostics(FIXABLE)
    assert [flagged(d) for d in found] == ["really", "truly", "Many"]
    actions = code_actions("file:///t.md", SourceText(FIXABLE), found, None)
    titles = [a.title for a in actions]
    # A fix for each finding that has one, the same edits as `wbl check --fix`; the three findings
    # share a line and a rule, so one suppression action lists all three.
    assert titles == ["Remove 'really' (WB601)", "Remove 'truly' (WB601)", "Disable WB601 for this line"]
    assert actions[0].is_preferred and actions[2].diagnostics == found
    fixed = FIXABLE
    for action in reversed(actions[:2]):  # the later edit first: offsets before it stay valid
        assert action.edit is not None and action.edit.changes is not None
        fixed = apply_text_edits(fixed, action.edit.changes["file:///t.md"])
    assert fixed == FIXABLE.replace("really ", "").replace("truly ", "")
    # Ranges are UTF-16 code units: the emoji before "really" counts two.
    first = actions[0].edit.changes["file:///t.md"][0]
    assert first.range.start.character == FIXABLE.splitlines()[2].index("really") + 1


def test_a_byte_order_mark_stays_in_the_buffer_and_out_of_the_positions() -> None:
    # The linter sets a BOM aside; the editor's buffer keeps it, so the first line's ranges and
    # the fixes' offsets are one character further on there.
    from wbl import Linter, LintOptions

    text = "\ufeffWe really sell books.\n"
    report = Linter(LintOptions(select=("WB601",))).lint_text(text, "t.md")
    assert report.source_text == text[1:]
    source = SourceText(text)
    found = [to_diagnostic(source, in_buffer(f, "\ufeff"), None) for f in report.findings]
    assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in found] == [(0, 4, 10)]
    assert text[4:10] == "really"
    actions = code_actions("file:///t.md", source, found, None)
    assert [a.title for a in actions] == ["Remove 'really' (WB601)", "Disable WB601 for this line"]
    assert apply_text_edits(text, actions[0].edit.changes["file:///t.md"]) == "\ufeffWe sell books.\n"


def test_no_quick_fix_once_the_buffer_no_longer_holds_the_words() -> None:
    found = lint_diagnostics(FIXABLE)
    edited = SourceText(FIXABLE.replace("really fast", "rather fast"))
    titles = [a.title for a in code_actions("file:///t.md", edited, found, None)]
    assert titles == ["Remove 'truly' (WB601)", "Disable WB601 for this line"]
    # Diagnostics without fix data (another server's, or an old client's) get only the suppression.
    plain = [types.Diagnostic(range=d.range, message=d.message, code=d.code, source="wbl") for d in found]
    assert [a.title for a in code_actions("file:///t.md", SourceText(FIXABLE), plain, None)] == [
        "Disable WB601 for this line"
    ]


def test_fix_all_action_replaces_the_whole_document() -> None:
    source = SourceText("# T\n\nline 😀\n")
    action = fix_all_action("file:///t.md", source, "# T\n\nfixed\n", None)
    assert action.kind == types.CodeActionKind.SourceFixAll + ".wbl"
    assert action.edit is not None and action.edit.changes is not None
    (whole,) = action.edit.changes["file:///t.md"]
    assert whole.range.start == types.Position(line=0, character=0)
    assert whole.range.end == types.Position(line=3, character=0)
    assert apply_text_edits(source.text, [whole]) == "# T\n\nfixed\n"
    assert fix_all_action("file:///t.md", source, None, None).edit is None  # left to codeAction/resolve


def test_help_links_follow_the_configured_documentation_url(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("WBL_DOCS_URL", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    server = WblLanguageServer()
    [finding] = [f for f in wbl.lint_text("# T\n\nIt is very fast.\n").findings if f.rule == "WB601"]
    page = Path(uris.to_fs_path(server.help_links(str(tmp_path / "a.md"))(finding)))
    assert page.parent == tmp_path / "cache" / "wbl" / "rules" and page.read_text(encoding="utf-8").startswith(
        "# WB601 weasel-word"
    )
    (tmp_path / "wbl.toml").write_text('docs-url = "https://docs.example.com/wbl"\n', encoding="utf-8")
    linked = WblLanguageServer().help_links(str(tmp_path / "a.md"))(finding)
    assert linked == "https://docs.example.com/wbl/rules/weasel-word/"


def test_suppression_joins_an_existing_comment_and_keeps_paragraphs_whole() -> None:
    source = SourceText("Intro\n\n  <!-- wbl-disable-next-line WB501 -->\n  Many said so.\nAnd many more.\n")
    edit, _ = suppression_edit(source, 4, "WB601", None)
    assert edit.new_text == "<!-- wbl-disable-next-line WB501 WB601 -->"
    assert (edit.range.start.character, edit.range.end.character) == (2, len("  <!-- wbl-disable-next-line WB501 -->"))
    # Line 5 continues the paragraph: a comment line above it would split the paragraph.
    edit, _ = suppression_edit(source, 5, "WB601", None)
    assert edit.new_text == " <!-- wbl-disable-line WB601 -->"
    assert edit.range.start == types.Position(line=4, character=len("And many more."))
    # The line above ends in a comment of its own: still text, so the block is still not split;
    # and a line that already ends in a disable-line comment gets the code added to it.
    source = SourceText(
        "Many said so. <!-- wbl-disable-line WB601 -->\nIt is very fast. <!-- wbl-disable-line WB503 -->\n"
    )
    edit, _ = suppression_edit(source, 2, "WB601", None)
    assert edit.new_text == "<!-- wbl-disable-line WB503 WB601 -->"
    assert (edit.range.start.line, edit.range.start.character) == (1, len("It is very fast. "))
    assert edit.range.end.character == len("It is very fast. <!-- wbl-disable-line WB503 -->")
    source = SourceText("Many said so. <!-- wbl-disable-line WB601 -->\nIt is very fast.\n")
    edit, _ = suppression_edit(source, 2, "WB601", None)
    assert edit.new_text == " <!-- wbl-disable-line WB601 -->" and edit.range.start.line == 1


def test_doc_cache_reanalyses_only_the_changed_paragraph() -> None:
    from wbl import Linter, LintOptions

    linter = Linter(LintOptions(select=("WB601",)))
    linter.doc_cache = cache = DocCache()
    text = "# Title\n\nMany owners said so.\n\nThe shelf is very fast.\n"
    first = linter.lint_text(text)
    before = dict(cache)
    second = linter.lint_text(text.replace("very fast", "fast"))
    assert set(cache) - set(before) == {"The shelf is fast."}
    assert all(cache[t] is doc for t, doc in before.items())  # unchanged paragraphs keep their Doc
    assert [f.text for f in first.findings] == ["Many", "very"]
    assert [f.text for f in second.findings] == ["Many"]


def test_remembered_diagnostics_equal_fresh_ones_after_edits() -> None:
    """The server remembers each finding's diagnostic; after edits that move findings, change the
    width of their lines in UTF-16 or the words their fixes replace, each is what
    `to_diagnostic` makes of it afresh."""
    from wbl import Linter, LintOptions

    linter = Linter(LintOptions(select=("WB601",)))
    server = WblLanguageServer()
    texts = [
        FIXABLE,
        FIXABLE.replace("really", "😀 really"),  # the same words, further along in code units
        "Intro line.\n\n" + FIXABLE,  # every finding two lines down
        FIXABLE,
    ]
    for text in texts:
        source = SourceText(text)
        for encoding in (None, "utf-8", "utf-32"):
            for finding in linter.lint_text(text, "t.md").findings:
                fresh = to_diagnostic(source, finding, encoding, "https://example.com/rule")
                assert server.diagnostic(source, finding, encoding, "https://example.com/rule") == fresh


def test_a_finding_that_cannot_be_hashed_still_becomes_a_diagnostic() -> None:
    """A plugin's violation may carry an unhashable suggestion; its diagnostic is made, not remembered."""
    from wbl import Linter, LintOptions

    finding = Linter(LintOptions(select=("WB601",))).lint_text(FIXABLE, "t.md").findings[0]
    odd = dataclasses.replace(finding, suggestion=["a", "list"])  # type: ignore[arg-type]
    source = SourceText(FIXABLE)
    assert WblLanguageServer().diagnostic(source, odd, None, None) == to_diagnostic(source, odd, None)


def test_published_diagnostics_are_what_pygls_would_send() -> None:
    """`publish` sends each diagnostic's JSON form made once per diagnostic; the message is the
    one pygls's own `text_document_publish_diagnostics` writes, before and after an edit."""
    import json

    from wbl import Linter, LintOptions

    linter = Linter(LintOptions(select=("WB601",)))
    server = WblLanguageServer()
    sent: list[dict] = []
    server.protocol._send_data = lambda data: sent.append(
        json.loads(json.dumps(data, default=server.protocol._serialize_message))
    )  # type: ignore[method-assign]
    for version, text in enumerate([FIXABLE, FIXABLE.replace("really", "😀 really"), FIXABLE], start=1):
        source = SourceText(text)
        diagnostics = [server.diagnostic(source, f, "utf-16", None) for f in linter.lint_text(text, "t.md").findings]
        assert diagnostics
        server.publish("file:///t.md", version, diagnostics)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri="file:///t.md", version=version, diagnostics=diagnostics)
        )
        ours, pygls_own = sent[-2:]
        assert ours == pygls_own
        assert len(ours["params"]["diagnostics"]) == len(diagnostics)
        made = [server.wire_forms["file:///t.md"][id(d)][1] for d in diagnostics]
        server.publish("file:///t.md", version, diagnostics)  # the same diagnostics again: nothing is converted
        again = [server.wire_forms["file:///t.md"][id(d)][1] for d in diagnostics]
        assert all(a is b for a, b in zip(made, again, strict=True))
    server.publish("file:///t.md", None, [])
    assert "file:///t.md" not in server.wire_forms  # only a document's current diagnostics are kept
    assert sent[-1] == {
        "jsonrpc": "2.0",
        "method": "textDocument/publishDiagnostics",
        "params": {"uri": "file:///t.md", "diagnostics": []},
    }


def test_a_finding_in_a_post_s_title_gets_no_fix_and_no_comment() -> None:
    """The review of 2026-12-07: a title in front matter is judged, never rewritten, and a
    suppression comment there would end up in the site's title (and break nothing else only by luck)."""
    text = '---\ntitle: "We really sell books"\n---\n\nWe really sell books.\n'
    found = lint_diagnostics(text)
    assert [(d.range.start.line, flagged(d)) for d in found] == [(1, "really"), (4, "really")]
    titles = [a.title for a in code_actions("file:///t.md", SourceText(text), found, None)]
    assert titles == ["Remove 'really' (WB601)", "Disable WB601 for this line"]  # the body's only
    actions = code_actions("file:///t.md", SourceText(text), found[:1], None)
    assert actions == []


@pytest.mark.slow
@asyncio_test
async def test_a_document_over_the_size_limit_gets_one_diagnostic_saying_so(
    client: LanguageClient, workspace: Path
) -> None:
    """No empty list ("no problems") for a document wbl did not lint: one warning at its start
    says why, without a code (so no quick fix or suppression is offered for it)."""
    uri = uris.from_fs_path(str(workspace / "big.md"))
    text = "Owners are very happy. " * 100_000  # 2.3 MB: over the default 2 MiB
    open_document(client, uri, text)
    (only,) = await diagnostics(client, uri, 1)
    assert only.source == "wbl" and only.code is None and only.severity == types.DiagnosticSeverity.Warning
    assert "over the size limit of 2,097,152 bytes" in only.message and "not linted" in only.message
    assert only.range.start == only.range.end == types.Position(line=0, character=0)
    assert code_actions(uri, SourceText(text), [only], None) == []
    change(client, uri, 2, "Owners are very happy.\n")
    assert [flagged(d) for d in await diagnostics(client, uri, 2)] == ["very"]
