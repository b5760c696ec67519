"""`wbl lsp` end to end: a real LSP client (pytest-lsp) drives the server over stdio.

The workspace's wbl.toml selects only weasel-word (WB601), so these tests do not depend on the
rules that others are still tuning; they also show that the server applies the configuration
found for the document's path, and reloads it when it changes.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs pygls (pip install 'wbl-lint[lsp]')")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="the end-to-end tests need pytest-lsp")

from lsprotocol import types  # noqa: E402
from pygls import uris  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from wbl.lsp import DocCache, client_position, code_actions, server_offset, suppression_edit  # noqa: E402
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
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=TEXT)
        )
    )
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


@pytest.mark.slow
@asyncio_test
async def test_a_broken_configuration_is_reported_once_and_defaults_apply(
    client: LanguageClient, workspace: Path
) -> None:
    uri = uris.from_fs_path(str(workspace / "prfaq.md"))
    (workspace / "wbl.toml").write_text("select = [\n", encoding="utf-8")
    change(client, uri, 7, TEXT)
    assert "WB601" in {d.code for d in await diagnostics(client, uri, 7)}  # the default rules
    change(client, uri, 8, TEXT + "\nMore.\n")
    await diagnostics(client, uri, 8)
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


def test_replacement_only_where_the_rule_suggests_one_and_the_words_are_there() -> None:
    source = SourceText("# T\n\n😀 We utilize the shelf.\n")
    span = types.Range(start=types.Position(line=2, character=6), end=types.Position(line=2, character=13))

    def diagnostic(data: dict[str, object]) -> types.Diagnostic:
        return types.Diagnostic(range=span, message="m", code="WB401", source="wbl", data=data)

    actions = code_actions("file:///t.md", source, [diagnostic({"text": "utilize", "suggestion": "use"})], None)
    assert [a.title for a in actions] == ["Replace 'utilize' with 'use'", "Disable WB401 for this line"]
    assert actions[0].is_preferred and actions[0].edit is not None and actions[0].edit.changes is not None
    assert actions[0].edit.changes["file:///t.md"][0].new_text == "use"
    # No suggestion, or the buffer no longer holds the flagged words: no replacement.
    assert [a.title for a in code_actions("file:///t.md", source, [diagnostic({"text": "utilize"})], None)] == [
        "Disable WB401 for this line"
    ]
    stale = diagnostic({"text": "leverage", "suggestion": "use"})
    assert [a.title for a in code_actions("file:///t.md", source, [stale], None)] == ["Disable WB401 for this line"]


def test_suppression_joins_an_existing_comment_and_keeps_paragraphs_whole() -> None:
    source = SourceText("Intro\n\n  <!-- wbl-disable-next-line WB501 -->\n  Many said so.\nAnd many more.\n")
    edit, _ = suppression_edit(source, 4, "WB601", None)
    assert edit.new_text == "<!-- wbl-disable-next-line WB501 WB601 -->"
    assert (edit.range.start.character, edit.range.end.character) == (2, len("  <!-- wbl-disable-next-line WB501 -->"))
    # Line 5 continues the paragraph: a comment line above it would split the paragraph.
    edit, _ = suppression_edit(source, 5, "WB601", None)
    assert edit.new_text == " <!-- wbl-disable-line WB601 -->"
    assert edit.range.start == types.Position(line=4, character=len("And many more."))


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
