"""`wbl lsp`: a language server that publishes wbl's findings as diagnostics while you write.

Markdown documents are linted on open, on change and on save, with the configuration found for
each document's path (as `wbl check` does); the configuration is reloaded when a configuration
file changes (the client's file watcher, a saved configuration file, or a changed modification
time noticed on the next lint). The spaCy pipeline is loaded once and kept warm, and each unit's
analysis is kept by its text, so an edit re-analyses only the paragraphs that changed; what rules
derive from one paragraph alone (`Unit.remember_analysis`) is kept with that analysis too.

Changes are debounced on both edges: the first change after a quiet spell is linted at once, and
changes that follow within the debounce window are coalesced into one lint when typing pauses.
Lints run one at a time on a worker thread; a result for a version the editor has since replaced
is dropped. Positions are sent in the negotiated encoding (UTF-16 code units unless the client
asks for another).

Code actions: each finding's fix, as a quick fix (one per finding: the same edits as `wbl check
--fix`; unsafe ones say so and are not preferred), one "disable WBxxx for this line" per rule and
line, and a "fix all" source action (`source.fixAll.wbl`) that applies every safe fix as `wbl
check --fix` would, offered when the document has one; its edit is computed when the action is
chosen (`codeAction/resolve`), or at once for a client that cannot resolve actions.

pygls and lsprotocol are optional dependencies (``pip install 'wbl-lint[lsp]'``); this module imports
them, so only `wbl lsp` imports it.
"""

from __future__ import annotations

import asyncio
import gc
import os
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from lsprotocol import types
from pygls import uris
from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from wbl.config import CONFIG_NAMES, ConfigError
from wbl.engine import DEFAULT_MAX_FILE_SIZE
from wbl.findings import FileReport, Finding, at_or_above, fix_from_dict, fix_to_dict
from wbl.fixes import fix_text
from wbl.nlp import ModelError
from wbl.project import MARKDOWN_SUFFIXES, Project
from wbl.registry import default_registry
from wbl.reporters.base import docs_url, rule_help_uri
from wbl.reporters.explain import render_explanation
from wbl.rule import Fix, Severity
from wbl.source import SourceText, code_units, encoded_column, size_problem
from wbl.suppress import DIRECTIVE, UNUSED_CODE
from wbl.version import __version__
from wbl.wordtable import cache_folder

DEFAULT_DEBOUNCE = 0.15  # seconds; `initializationOptions: {"debounce": 0.15}` changes it
UNIT_CACHE_SIZE = 4096  # units, each with what every local rule found in it (tuples of a few strings)
LARGE = 100_000  # characters: a document at least this long is linted on the lane for large ones
DOC_CACHE_SIZE = 4096  # spaCy Docs kept per rule selection (one per distinct paragraph text)
# Sentences' analyses kept per rule selection (`Linter.parse_cache`): arrays and the tok2vec
# tensor, about 8 KB for a sentence of 20 tokens; a 1,500-word document has about 100 sentences.
PARSE_CACHE_SIZE = 4096
# The rules' verdicts on sentences (`Linter.sentence_cache`): two or so per sentence, as many
# sentences as `PARSE_CACHE_SIZE`; each key holds its sentence's context, about 2 KB.
SENTENCE_CACHE_SIZE = 8192
DIAGNOSTICS_KEPT = 20_000  # diagnostics remembered by finding (all are forgotten when there are more)
SOURCE = "wbl"
# The "fix all" source action (editors run `source.fixAll` actions on save when asked to).
FIX_ALL_KIND = types.CodeActionKind.SourceFixAll + ".wbl"
FIX_ALL_TITLE = "wbl: fix all safely fixable findings"
MARKDOWN_LANGUAGES = ("markdown", "gfm", "md")

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_INDENT = re.compile(r"[ \t]*")


class DocCache(OrderedDict):  # type: ignore[type-arg]
    """spaCy Docs by unit text, least recently used first out (the engine's `Linter.doc_cache`);
    also the local rules' findings by unit (`Linter.unit_cache`), the sentences' analyses
    (`Linter.parse_cache`) and the rules' verdicts on sentences (`Linter.sentence_cache`)."""

    def __init__(self, size: int = DOC_CACHE_SIZE) -> None:
        super().__init__()
        self.size = size

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


# --- positions -------------------------------------------------------------------------------------


def client_position(source: SourceText, line: int, column: int, encoding: str | None) -> types.Position:
    """A 1-based line and code-point column -> an LSP position (0-based, in the negotiated code
    units: UTF-16 unless the client asked for another)."""
    return types.Position(line=line - 1, character=encoded_column(source.line_text(line), column, encoding) - 1)


def server_offset(source: SourceText, position: types.Position, encoding: str | None) -> int:
    """An LSP position -> a 0-based code-point offset into `source.text` (clamped to its line)."""
    if position.line >= len(source.line_starts):
        return len(source.text)
    text = source.line_text(position.line + 1)
    units = 0
    for index, char in enumerate(text):
        if units >= position.character:
            return source.line_starts[position.line] + index
        units += code_units(char, encoding)
    return source.line_starts[position.line] + len(text)


def in_buffer(finding: Finding, bom: str) -> Finding:
    """A finding placed in the editor's buffer, which keeps the byte-order mark that the linter
    set aside: the first line's columns and every offset of it and its fix one mark further on."""
    if not bom:
        return finding
    shift = len(bom)
    fix = finding.fix
    if fix is not None:
        fix = replace(fix, edits=tuple(replace(e, start=e.start + shift, end=e.end + shift) for e in fix.edits))
    return replace(
        finding,
        column=finding.column + (shift if finding.line == 1 else 0),
        end_column=finding.end_column + (shift if finding.end_line == 1 else 0),
        start=finding.start + shift,
        end=finding.end + shift,
        fix=fix,
    )


def finding_range(source: SourceText, finding: Finding, encoding: str | None) -> types.Range:
    return types.Range(
        start=client_position(source, finding.line, finding.column, encoding),
        end=client_position(source, finding.end_line, finding.end_column, encoding),
    )


def to_diagnostic(
    source: SourceText, finding: Finding, encoding: str | None, help_uri: str | None = None
) -> types.Diagnostic:
    """One finding as an LSP diagnostic; `data` carries what the code actions need, `help_uri`
    is the rule's page (the code's link in the editor; none without one)."""
    description = types.CodeDescription(href=help_uri) if help_uri else None
    return types.Diagnostic(
        range=finding_range(source, finding, encoding),
        message=finding.full_message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=description,
        source=SOURCE,
        data={
            "name": finding.name,
            "text": finding.text,
            "suggestion": finding.suggestion,
            "fix": _fix_data(source, finding.fix) if finding.fix is not None else None,
        },
    )


def error_diagnostic(error: str) -> types.Diagnostic:
    """Why a document (or a rule on it) was not linted, at its first character: an empty list
    would read as "no problems" on a document over the size limit. No code, so no code action."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        message=f"wbl: {error}",
        severity=types.DiagnosticSeverity.Warning,
        source=SOURCE,
    )


def _fix_data(source: SourceText, fix: Fix) -> dict[str, Any]:
    """A finding's fix for the diagnostic's data: its edits with the text each one replaces, so a
    code action can tell that the buffer still holds it."""
    data = fix_to_dict(fix)
    for edit, raw in zip(data["edits"], fix.edits, strict=True):
        edit["original"] = source.text[raw.start : raw.end]
    return data


# --- code actions ----------------------------------------------------------------------------------


def suppression_edit(source: SourceText, line: int, code: str, encoding: str | None) -> tuple[types.TextEdit, str]:
    """An edit that suppresses `code` on 1-based `line`, and a title for it.

    Above the line goes ``<!-- wbl-disable-next-line CODE -->`` (or the code joins such a comment
    already there). When the line continues a paragraph or list, a comment line above would split
    the block in two, so ``<!-- wbl-disable-line CODE -->`` goes at the end of the line instead.
    """
    text = source.line_text(line)
    above = source.line_text(line - 1) if line > 1 else ""
    directive = DIRECTIVE.fullmatch(above.strip())
    if directive and directive.group("action") == "disable-next-line":
        codes = directive.group("codes").replace(",", " ").split()
        comment = f"<!-- wbl-disable-next-line {' '.join([*codes, code])} -->"
        # Replace the existing comment in place (its line holds nothing else but indentation).
        indent = _INDENT.match(above)
        indent_end = indent.end() if indent else 0
        edit_range = types.Range(
            start=types.Position(line=line - 2, character=code_units(above[:indent_end], encoding)),
            end=types.Position(line=line - 2, character=code_units(above, encoding)),
        )
        return types.TextEdit(range=edit_range, new_text=comment), f"Disable {code} for this line"
    if line > 1 and above.strip() and not DIRECTIVE.fullmatch(above.strip()):
        # The line continues a block (the line above is text, even text that ends in a comment).
        own = DIRECTIVE.search(text)
        if own and own.group("action") == "disable-line" and not text[own.end() :].strip():
            codes = own.group("codes").replace(",", " ").split()  # join the line's own comment
            start, end = (types.Position(line=line - 1, character=code_units(text[:i], encoding)) for i in own.span())
            new_text = f"<!-- wbl-disable-line {' '.join([*codes, code])} -->"
            return types.TextEdit(
                range=types.Range(start=start, end=end), new_text=new_text
            ), f"Disable {code} for this line"
        comment = f" <!-- wbl-disable-line {code} -->"
        end = types.Position(line=line - 1, character=code_units(text, encoding))
        return types.TextEdit(range=types.Range(start=end, end=end), new_text=comment), f"Disable {code} for this line"
    indent = _INDENT.match(text)
    prefix = indent.group(0) if indent else ""
    at = types.Position(line=line - 1, character=0)
    comment = f"{prefix}<!-- wbl-disable-next-line {code} -->{_line_break(source)}"
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=comment), f"Disable {code} for this line"


def _line_break(source: SourceText) -> str:
    match = re.search(r"\r\n|\r|\n", source.text)
    return match.group(0) if match else "\n"


def code_actions(
    uri: str, source: SourceText, diagnostics: Iterable[types.Diagnostic], encoding: str | None
) -> list[types.CodeAction]:
    """Quick fixes for wbl's diagnostics: each finding's fix (one per finding, where the buffer
    still holds what it changes), then one suppression comment per rule and line."""
    from wbl.markdown import find_front_matter

    front = find_front_matter(source.text)
    front_end = front.end if front is not None else 0
    fixes: list[types.CodeAction] = []
    suppressions: dict[tuple[str, int], types.CodeAction] = {}
    for diagnostic in diagnostics:
        if diagnostic.source != SOURCE or not isinstance(diagnostic.code, str):
            continue
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        fix = _current_fix(source, data.get("fix"))
        if fix is not None:
            edits = [
                types.TextEdit(range=_range(source, e.start, e.end, encoding), new_text=e.content) for e in fix.edits
            ]
            title = fix.message[:1].upper() + fix.message[1:] + ("" if fix.is_safe else " (unsafe)")
            fixes.append(_action(f"{title} ({diagnostic.code})", uri, edits, [diagnostic], preferred=fix.is_safe))
        if diagnostic.code == UNUSED_CODE:
            continue  # suppressing an unused suppression is not a fix
        line = diagnostic.range.start.line + 1
        if line > len(source.line_starts) or source.line_starts[line - 1] < front_end:
            continue  # no comment goes inside front matter (a post's title there): it would break it
        known = suppressions.get((diagnostic.code, line))
        if known is not None:  # one action per rule and line, for all its diagnostics there
            assert known.diagnostics is not None
            known.diagnostics.append(diagnostic)
            continue
        edit, title = suppression_edit(source, line, diagnostic.code, encoding)
        suppressions[(diagnostic.code, line)] = _action(title, uri, [edit], [diagnostic])
    return [*fixes, *suppressions.values()]


def _current_fix(source: SourceText, data: Any) -> Fix | None:
    """The fix a diagnostic carries, when every text it changes is still where it was."""
    if not isinstance(data, dict):
        return None
    try:
        fix = fix_from_dict(data)
        originals = [e["original"] for e in data["edits"]]
    except (KeyError, TypeError, ValueError):
        return None
    if any(source.text[e.start : e.end] != original for e, original in zip(fix.edits, originals, strict=True)):
        return None  # the buffer has moved on since the lint; the next diagnostics bring a new fix
    return fix


def _range(source: SourceText, start: int, end: int, encoding: str | None) -> types.Range:
    """Code-point offsets of `source.text` -> an LSP range in the negotiated encoding."""
    return types.Range(
        start=client_position(source, *source.position(start), encoding),
        end=client_position(source, *source.position(end), encoding),
    )


def fix_all_action(uri: str, source: SourceText, fixed: str | None, encoding: str | None) -> types.CodeAction:
    """The "fix all" source action: the whole document replaced by its fixed text (`fixed`; None
    leaves the edit to `codeAction/resolve`)."""
    action = types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL_KIND, data={"fixAll": uri})
    if fixed is not None:
        whole = _range(source, 0, len(source.text), encoding)
        action.edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=fixed)]})
    return action


def _action(
    title: str, uri: str, edits: list[types.TextEdit], diagnostics: list[types.Diagnostic], *, preferred: bool = False
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics,
        edit=types.WorkspaceEdit(changes={uri: edits}),
        is_preferred=preferred or None,
    )


# --- the protocol ----------------------------------------------------------------------------------

PARSE_ERROR, INVALID_PARAMS = -32700, -32602


class WblProtocol(LanguageServerProtocol):
    """pygls's protocol, answering every request: a request whose params do not fit its method
    gets an "invalid params" error response (pygls only logs it, so the editor would wait for
    ever), and a message that is not JSON gets a "parse error" response (see
    `WblLanguageServer.report_server_error`)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            request = data.get("id") if "method" in data else None
            if isinstance(request, int | str) and not isinstance(request, bool):
                cause = exc.__cause__
                detail = f": {str(cause).splitlines()[0]}" if cause is not None and str(cause) else ""
                self.send_error(request, exc.code, f"{exc.message}{detail}")
            raise

    def send_error(self, request: int | str | None, code: int, message: str) -> None:
        self._send_data({"jsonrpc": "2.0", "id": request, "error": {"code": code, "message": message}})

    def handle_message(self, message: Any) -> None:
        # After `shutdown` the protocol answers a request with "invalid request" (pygls drops it
        # and the client would wait for ever); notifications other than `exit` are dropped.
        if self._shutdown and getattr(message, "method", types.EXIT) != types.EXIT and hasattr(message, "id"):
            self.send_error(message.id, JsonRpcInvalidRequest.CODE, "the server is shut down: only 'exit' is accepted")
            return
        super().handle_message(message)

    @property
    def was_shut_down(self) -> bool:
        return self._shutdown


# --- the server ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Note:
    """A message for the client: logged, and with `show` also shown (once) to the user."""

    kind: types.MessageType
    message: str
    show: bool = False


@dataclass
class _Schedule:
    """The pending lint of one document."""

    task: asyncio.Future[None] | None = None
    sleeping: asyncio.Future[Any] | None = None  # the task waiting out the debounce, if any
    last_change: float = float("-inf")


@dataclass
class _Lane:
    """One worker thread with its own project (linters, caches): documents over `LARGE`
    characters are linted on a lane of their own, so that a huge document does not hold up the
    diagnostics of the others (spaCy is shared, and taken in turns piece by piece)."""

    executor: ThreadPoolExecutor
    project: Project | None = None
    fallback: Project | None = None  # no configuration: while a configuration file is broken
    signatures: dict[Path, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)
    config_changed: bool = False  # set on the event loop, read on the worker


class WblLanguageServer(LanguageServer):
    """Lints open Markdown documents; all wbl work happens on worker threads (two lanes)."""

    def __init__(self) -> None:
        super().__init__("wbl", __version__, protocol_cls=WblProtocol)
        self.debounce = DEFAULT_DEBOUNCE
        self.lanes = {
            large: _Lane(ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"wbl-lint-{name}"))
            for large, name in ((False, "small"), (True, "large"))
        }
        self.executor = self.lanes[False].executor
        self.max_file_size = DEFAULT_MAX_FILE_SIZE  # bytes; larger documents are not linted
        self.open: dict[str, str | None] = {}  # uri -> languageId of the open documents
        self.schedules: dict[str, _Schedule] = {}
        self.shown: set[str] = set()
        self.warm_up: asyncio.Future[Any] | None = None
        self.pages: dict[str, str | None] = {}  # rule code -> the file URI of its page (`rule_page`)
        self.fixable: set[str] = set()  # documents whose last diagnostics carry a safe fix
        self.diagnostics_made: dict[tuple[Any, ...], types.Diagnostic] = {}  # see `diagnostic`
        # uri -> id -> (diagnostic, its JSON form) of the document's last published diagnostics (`publish`)
        self.wire_forms: dict[str, dict[int, tuple[types.Diagnostic, Any]]] = {}

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Errors outside a request: a message that is not JSON gets a parse-error response
        (its id cannot be known); the others are logged, never shown for each message."""
        not_json = isinstance(error, ValueError | RecursionError) and not isinstance(error, JsonRpcException)
        if source is JsonRpcException and not_json:
            cast(WblProtocol, self.protocol).send_error(None, PARSE_ERROR, f"Parse error: {error}")
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Log, message=f"wbl: {error}"))

    # --- configuration (worker thread) -----------------------------------------------------------
    def project_for(self, path: str, lane: _Lane | None = None) -> Project:
        """The lane's project, rebuilt when a configuration file at or above `path` changed."""
        lane = lane or self.lanes[False]
        folder = Path(os.path.abspath(path)).parent
        signature = config_signature(folder)
        if lane.config_changed or lane.signatures.get(folder, signature) != signature:
            lane.project, lane.signatures, lane.config_changed = None, {}, False
        lane.signatures[folder] = signature
        if lane.project is None:
            lane.project = Project(registry=default_registry())
        return lane.project

    def lint(self, uri: str, text: str, notes: list[_Note], lane: _Lane | None = None) -> FileReport | None:
        """Lint one document's text with its configuration (None: the file is excluded)."""
        lane = lane or self.lanes[False]
        path = document_path(uri, self.workspace.root_path)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > self.max_file_size:
            return FileReport(path, errors=(size_problem(size, self.max_file_size) + ": not linted",))
        try:
            project = self.project_for(path, lane)
            if project.config_for(path).is_excluded(path):
                return None
            settings = project.settings_for(path)
            linter = project.linter_for(settings)
            lowest = settings.reported_from
        except ConfigError as exc:
            problems = "; ".join(str(exc).splitlines())
            message = f"wbl: {problems}; linting with the default rules"
            notes.append(_Note(types.MessageType.Warning, message, show=True))
            if lane.fallback is None:
                lane.fallback = Project(registry=default_registry(), isolated=True)
            linter = lane.fallback.linter_for(lane.fallback.settings_for(path))
            lowest = Severity.INFO
        if linter.doc_cache is None:
            linter.doc_cache = DocCache()
        if linter.unit_cache is None:
            # What local rules found in each unit: an edit re-runs them on the changed units only.
            linter.unit_cache = DocCache(UNIT_CACHE_SIZE)
        if linter.parse_cache is None:
            linter.parse_cache = DocCache(PARSE_CACHE_SIZE)
        if linter.sentence_cache is None:
            linter.sentence_cache = DocCache(SENTENCE_CACHE_SIZE)
        return at_or_above(linter.lint_text(text, path), lowest)

    def diagnose(
        self,
        uri: str,
        text: str,
        encoding: str | None,
        current: Callable[[], bool] = lambda: True,
        lane: _Lane | None = None,
    ) -> tuple[list[types.Diagnostic], list[_Note]] | None:
        """Diagnostics for a text, and messages for the client (sent from the event loop).

        None when the text is no longer `current` by the time the worker gets to it: while the
        writer types, queued lints of replaced versions are skipped rather than run.
        """
        if not current():
            return None
        notes: list[_Note] = []
        try:
            report = self.lint(uri, text, notes, lane)
        except ModelError as exc:
            return [], [*notes, _Note(types.MessageType.Error, f"wbl: {exc}", show=True)]
        if report is None:
            return [], notes
        notes += [_Note(types.MessageType.Warning, f"wbl: {report.path}: {error}") for error in report.errors]
        # Positions in the buffer, which keeps a byte-order mark the linter set aside.
        bom = text[: len(text) - len(report.source_text)] if report.source_text is not None else ""
        source = SourceText(text)
        links = self.help_links(report.path)
        diagnostics = [self.diagnostic(source, in_buffer(f, bom), encoding, links(f)) for f in report.findings]
        return [*map(error_diagnostic, report.errors), *diagnostics], notes

    def diagnostic(
        self, source: SourceText, finding: Finding, encoding: str | None, help_uri: str | None
    ) -> types.Diagnostic:
        """`to_diagnostic`, remembered: after an edit, most findings are those of the last lint.

        A diagnostic follows from the finding, the encoding, the help link, the text of the lines
        it starts and ends on (its columns are counted in code units there) and the text its
        fix's edits replace, so those are the key."""
        originals = tuple(source.text[e.start : e.end] for e in finding.fix.edits) if finding.fix else ()
        lines = source.line_text(finding.line), source.line_text(finding.end_line)
        key = (finding, encoding, help_uri, lines, originals)
        try:
            made = self.diagnostics_made.get(key)
        except TypeError:  # a plugin's finding holding something unhashable (a list as suggestion)
            return to_diagnostic(source, finding, encoding, help_uri)
        if made is None:
            if len(self.diagnostics_made) >= DIAGNOSTICS_KEPT:
                self.diagnostics_made.clear()
            made = self.diagnostics_made[key] = to_diagnostic(source, finding, encoding, help_uri)
        return made

    def help_links(self, path: str) -> Callable[[Finding], str | None]:
        """A finding's help link: its rule's page under the configured documentation URL, else
        the rule's page (`wbl explain`) written to the user's cache folder, a file that exists."""
        try:
            base = (self.lanes[False].project or Project(registry=default_registry())).docs_url(path)
        except ConfigError:
            base = docs_url()

        def link(finding: Finding) -> str | None:
            if finding.rule == UNUSED_CODE:
                return None
            return rule_help_uri(finding.name, base, finding.rule) if base else self.rule_page(finding.rule)

        return link

    def rule_page(self, code: str) -> str | None:
        """The file URI of a rule's page, written once per server (None when it cannot be)."""
        if code not in self.pages:
            self.pages[code] = None
            rule = default_registry().get(code)
            if rule is not None:
                folder = cache_folder() / "rules"
                page = folder / f"{rule.code}-{rule.name}.md"
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    page.write_text(render_explanation(rule) + "\n", encoding="utf-8")
                    self.pages[code] = page.resolve().as_uri()
                except OSError:
                    pass  # No writable cache folder: no link rather than a dead one.
        return self.pages[code]

    def fix_all(self, uri: str, text: str) -> str | None:
        """The document's text with every safe fix applied, as `wbl check --fix` would leave it
        (lint, fix, lint again until nothing applies); None when nothing changes. Worker thread."""
        notes: list[_Note] = []
        report = self.lint(uri, text, notes)
        if report is None or report.errors or report.source_text is None:
            return None
        bom = text[: len(text) - len(report.source_text)]  # a byte-order mark the linter set aside

        def lint(fixed: str) -> FileReport:
            again = self.lint(uri, fixed, notes)
            return again if again is not None else FileReport(report.path, errors=("excluded",))

        result = fix_text(lint, report.source_text, report=report)
        return bom + result.text if result.fixed else None

    async def fix_all_edit(self, uri: str, text: str) -> str | None:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self.executor, self.fix_all, uri, text)
        except Exception as exc:  # A bug must not take the server down; say what it was.
            self.send_notes([_Note(types.MessageType.Error, f"wbl: internal error: {type(exc).__name__}: {exc}")])
            return None

    def resolves_edits(self) -> bool:
        """Whether the client fills in a code action's edit through `codeAction/resolve`."""
        document = self.client_capabilities.text_document
        action = document.code_action if document is not None else None
        support = action.resolve_support if action is not None else None
        return support is not None and "edit" in support.properties

    def send_notes(self, notes: Iterable[_Note]) -> None:
        for note in notes:
            self.window_log_message(types.LogMessageParams(type=note.kind, message=note.message))
            if note.show and note.message not in self.shown:
                self.shown.add(note.message)  # a broken configuration is shown once, not per keystroke
                self.window_show_message(types.ShowMessageParams(type=note.kind, message=note.message))

    async def run_lint(
        self, uri: str, text: str, current: Callable[[], bool] = lambda: True
    ) -> list[types.Diagnostic] | None:
        """Lint on the worker thread; None when skipped as stale or when wbl failed (logged)."""
        loop = asyncio.get_running_loop()
        encoding = self.workspace.position_encoding
        lane = self.lanes[len(text) > LARGE]
        try:
            result = await loop.run_in_executor(lane.executor, self.diagnose, uri, text, encoding, current, lane)
        except Exception as exc:  # A bug must not take the server down; say what it was.
            self.send_notes([_Note(types.MessageType.Error, f"wbl: internal error: {type(exc).__name__}: {exc}")])
            return None
        if result is None:
            return None
        diagnostics, notes = result
        self.send_notes(notes)
        return diagnostics

    # --- scheduling (event loop) -----------------------------------------------------------------
    def schedule(self, uri: str, *, immediate: bool = False) -> None:
        """Lint `uri` now if it was quiet, else once changes stop for the debounce time."""
        state = self.schedules.setdefault(uri, _Schedule())
        loop = asyncio.get_running_loop()
        now = loop.time()
        busy = state.task is not None and not state.task.done()
        sleeping = state.sleeping
        if busy and sleeping is not None and sleeping is state.task:
            sleeping.cancel()  # still waiting out the debounce: start the wait again
            busy = False
        quiet = now - state.last_change >= self.debounce
        state.last_change = now
        delay = 0.0 if immediate or (quiet and not busy) else self.debounce
        state.task = asyncio.ensure_future(self.lint_later(uri, delay, state))

    async def lint_later(self, uri: str, delay: float, state: _Schedule) -> None:
        if delay > 0:
            state.sleeping = me = asyncio.current_task()
            try:
                await asyncio.sleep(delay)
            finally:
                if state.sleeping is me:
                    state.sleeping = None
        if uri not in self.open:
            return
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source

        def current() -> bool:  # read on the worker thread: a dictionary look-up and an int
            return uri in self.open and self.workspace.get_text_document(uri).version == version

        diagnostics = await self.run_lint(uri, text, current)
        if diagnostics is None or not current():
            return  # stale: a newer lint is on its way
        if any(
            isinstance(d.data, dict) and (d.data.get("fix") or {}).get("applicability") == "safe" for d in diagnostics
        ):
            self.fixable.add(uri)
        else:
            self.fixable.discard(uri)
        self.publish(uri, version, diagnostics)

    def publish(self, uri: str, version: int | None, diagnostics: Sequence[types.Diagnostic]) -> None:
        """Send `textDocument/publishDiagnostics` as pygls would, with each diagnostic's JSON form
        made once per diagnostic object: after an edit most are the objects the document's last
        lint published (see `diagnostic`), and converting them all again was most of the sending's
        time. Only the document's current diagnostics are kept. Event loop only."""
        converter = self.protocol._converter
        params = converter.unstructure(types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=[]))
        last = self.wire_forms.pop(uri, {})
        current: dict[int, tuple[types.Diagnostic, Any]] = {}
        for diagnostic in diagnostics:
            # `last` holds the objects it names, so an id there cannot be another object's.
            current[id(diagnostic)] = last.get(id(diagnostic)) or (diagnostic, converter.unstructure(diagnostic))
        if current:
            self.wire_forms[uri] = current
        params["diagnostics"] = [current[id(d)][1] for d in diagnostics]
        self.protocol._send_data(
            {"jsonrpc": self.protocol.VERSION, "method": types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, "params": params}
        )

    def relint_all(self) -> None:
        for lane in self.lanes.values():
            lane.config_changed = True
        for uri in self.open:
            self.schedule(uri, immediate=True)


def _wanted(only: Iterable[str] | None, kind: str) -> bool:
    """Whether a code action of `kind` answers a request limited to the kinds `only` (a kind
    answers for itself and for its parents: `source` asks for `source.fixAll.wbl` too)."""
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


def config_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every configuration file at or above `folder`, with its modification time and size."""
    found = []
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            try:
                stat = candidate.stat()
            except OSError:
                continue
            found.append((str(candidate), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def document_path(uri: str, root: str | None) -> str:
    """The file system path of a document (an unsaved one is named as if in the workspace root)."""
    path = uris.to_fs_path(uri)
    if path:
        return path
    name = uri.rsplit("/", 1)[-1].rsplit(":", 1)[-1] or "untitled.md"
    return os.path.join(root or os.getcwd(), name)


def is_markdown(uri: str, language_id: str | None) -> bool:
    """A Markdown document: by language (eglot names gfm-mode's "gfm") or by the file's suffix."""
    return (language_id or "").lower() in MARKDOWN_LANGUAGES or uri.lower().endswith(MARKDOWN_SUFFIXES)


def is_config(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1] in CONFIG_NAMES


def create_server() -> WblLanguageServer:
    """The language server with its handlers registered."""
    server = WblLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: WblLanguageServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            ls.debounce = max(0.0, float(options["debounce"]))

    @server.feature(types.INITIALIZED)
    async def initialized(ls: WblLanguageServer, params: types.InitializedParams) -> None:
        # Load spaCy and the rules now, not on the first keystroke.
        root = ls.workspace.root_path or os.getcwd()
        warm_up = uris.from_fs_path(os.path.join(root, "warm-up.md")) or "file:///warm-up.md"
        ls.warm_up = asyncio.ensure_future(ls.run_lint(warm_up, "# Warm up\n\nMany customers said so.\n"))
        # spaCy, the rules and their tables stay for the server's life: keep the cycle collector
        # from scanning them again on every collection during a lint.
        ls.warm_up.add_done_callback(lambda _: gc.freeze())
        watch = ls.client_capabilities.workspace
        dynamic = watch and watch.did_change_watched_files and watch.did_change_watched_files.dynamic_registration
        if dynamic:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            registration = types.Registration(
                id="wbl-config-files",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
            except Exception as exc:  # Then configuration changes are noticed on the next lint.
                ls.send_notes([_Note(types.MessageType.Log, f"wbl: cannot watch configuration files: {exc}")])

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: WblLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        if is_markdown(document.uri, document.language_id):
            ls.open[document.uri] = document.language_id
            ls.schedule(document.uri, immediate=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: WblLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.open:
            ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: WblLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if is_config(uri):
            ls.relint_all()
        elif uri in ls.open:
            ls.schedule(uri, immediate=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: WblLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.open.pop(uri, False) is not False:
            state = ls.schedules.pop(uri, None)
            if state is not None and state.task is not None:
                state.task.cancel()
            ls.publish(uri, None, [])

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: WblLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_config(change.uri) for change in params.changes):
            ls.relint_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=True),
    )
    async def code_action(ls: WblLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        if uri not in ls.open:
            return None
        text = ls.workspace.get_text_document(uri).source
        source, encoding = SourceText(text), ls.workspace.position_encoding
        only = params.context.only
        actions: list[types.CodeAction] = []
        if _wanted(only, types.CodeActionKind.QuickFix):
            actions += code_actions(uri, source, params.context.diagnostics, encoding)
        # "Fix all": offered when the document has a safe fix (or when asked for by kind, as an
        # editor does on save); its edit is computed when chosen, if the client resolves actions.
        if _wanted(only, FIX_ALL_KIND) and (uri in ls.fixable or only):
            if ls.resolves_edits():
                actions.append(fix_all_action(uri, source, None, encoding))
            elif (fixed := await ls.fix_all_edit(uri, text)) is not None:
                actions.append(fix_all_action(uri, source, fixed, encoding))
        return actions or None

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve_code_action(ls: WblLanguageServer, action: types.CodeAction) -> types.CodeAction:
        uri = action.data.get("fixAll") if isinstance(action.data, dict) else None
        if isinstance(uri, str) and uri in ls.open:
            text = ls.workspace.get_text_document(uri).source
            fixed = await ls.fix_all_edit(uri, text)
            resolved = fix_all_action(
                uri, SourceText(text), fixed if fixed is not None else text, ls.workspace.position_encoding
            )
            action.edit = resolved.edit
        return action

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: WblLanguageServer, params: None) -> None:
        for state in ls.schedules.values():
            if state.task is not None:
                state.task.cancel()
        for lane in ls.lanes.values():
            lane.executor.shutdown(wait=False, cancel_futures=True)

    return server


def main() -> None:
    """Serve over standard input and output (what editors start). Exits with 1 when the client
    ends the session (`exit`, or closing the stream) without asking for `shutdown` first, as
    the protocol says."""
    server = create_server()
    server.start_io()
    protocol = server.protocol
    if isinstance(protocol, WblProtocol) and not protocol.was_shut_down:
        sys.exit(1)


__all__ = [
    "FIX_ALL_KIND",
    "DocCache",
    "WblLanguageServer",
    "code_actions",
    "create_server",
    "fix_all_action",
    "main",
    "to_diagnostic",
]
