"""Suppressions written in the document as HTML comments (invisible when the Markdown renders).

    <!-- wbl-disable WB601 -->            ... findings of WB601 are dropped ...
    <!-- wbl-enable WB601 -->             (no enable: to the end of the file)
    <!-- wbl-disable-next-line WB503 -->  only findings that start on the next line
    <!-- wbl-disable-line WB503 -->       only findings that start on the comment's own line
    <!-- wbl-disable-file -->             the whole file

No codes means every rule. A code may be a rule code (WB601), a code prefix (WB6), a slug
(weasel-word) or a category (weasel), comma- or space-separated. Comments inside fenced or
indented code blocks, inline code spans and front matter do not count.

`apply_suppressions` drops the suppressed findings, turns each code of a directive that names no
known rule into an `unused-suppression` finding with the rule-less code WB000 and, on request,
each directive (or each code of a directive) that suppressed nothing too, so that
`--report-unused` can fail a CI run over stale suppressions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wbl.findings import Finding
from wbl.rule import Severity

if TYPE_CHECKING:
    from wbl.document import Document

UNUSED_CODE = "WB000"
UNUSED_NAME = "unused-suppression"
UNUSED_CATEGORY = "suppression"
# What `wbl explain WB000` prints.
UNUSED_EXPLANATION = f"""{UNUSED_CODE} {UNUSED_NAME} (suppression, warning)

A suppression comment (<!-- wbl-disable ... -->) that suppressed nothing: the finding it was
written for is gone, so the comment only hides the next one. Reported with
`wbl check --report-unused`, and always for a comment that names no known rule (a typo such as
'weasel-words' would otherwise suppress nothing, silently). WB000 is not a rule: it cannot be
selected or ignored.

Fix: remove the comment, or the codes in it that the message names.
See docs/configuration.md (Suppressions, --report-unused)."""

DIRECTIVE = re.compile(
    r"<!--\s*wbl-(?P<action>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<codes>(?:[\s,]+[A-Za-z0-9_-]+)*)[\s,]*-->"
)


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment: where it is, what it does and which rules it names."""

    action: str  # disable, enable, disable-next-line, disable-line, disable-file
    tokens: tuple[str, ...]  # empty: every rule
    start: int  # offsets of the whole comment in the document's text
    end: int
    line: int  # 1-based line of the comment's start
    column: int
    end_line: int  # 1-based line of the comment's end

    @property
    def text(self) -> str:
        return f"wbl-{self.action}" + (" " + " ".join(self.tokens) if self.tokens else "")


def find_directives(document: Document) -> list[Directive]:
    """Every suppression comment outside code (blocks and spans) and front matter, in order."""
    text = document.text
    excluded: list[tuple[int, int]] = [(b.start, b.end) for b in document.blocks if b.kind == "code"]
    excluded += [(s.start, s.end) for b in document.blocks for s in b.code_spans]
    if document.front_matter is not None:
        excluded.append((document.front_matter.start, document.front_matter.end))
    directives = []
    for match in DIRECTIVE.finditer(text):
        if any(start <= match.start() < end for start, end in excluded) or _in_code_on_its_line(text, match.start()):
            continue
        tokens = tuple(t for t in re.split(r"[\s,]+", match.group("codes")) if t)
        line, column = document.source.position(match.start())
        end_line, _ = document.source.position(match.end())
        directives.append(Directive(match.group("action"), tokens, match.start(), match.end(), line, column, end_line))
    return directives


# Inline code: a run of backticks, the code, the same run (CommonMark's code span on one line).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")


def _in_code_on_its_line(text: str, offset: int) -> bool:
    """Whether `offset` lies inside inline code on its line: code the document model keeps no
    block for (a table cell that holds only code, "| `<!-- wbl-disable-file -->` | ... |")."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end < 0 else end]
    return any(span.start() < offset - start < span.end() for span in _CODE_SPAN.finditer(line))


@dataclass(slots=True)
class _Scope:
    """Where one directive (for one of its tokens, or for all rules) applies."""

    directive: Directive
    token: str | None  # None: every rule
    codes: frozenset[str] | None  # the rule codes the token names; None: every rule
    start: int = 0  # offsets, end exclusive; or a single line when `line` is set
    end: int = 0
    line: int | None = None
    excepted: set[str] = field(default_factory=set)  # codes re-enabled inside an all-rules range
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if self.codes is not None and finding.rule not in self.codes:
            return False
        if finding.rule in self.excepted:
            return False
        if self.line is not None:
            return finding.line == self.line
        return self.start <= finding.start < self.end


def _scopes(
    directives: Sequence[Directive], resolve: Callable[[str], frozenset[str]], length: int
) -> tuple[list[_Scope], list[Directive]]:
    """Turn directives into ranges; returns the scopes and the enable comments that closed nothing."""
    scopes: list[_Scope] = []
    open_scopes: list[_Scope] = []
    stray: list[Directive] = []

    def targets(d: Directive) -> list[tuple[str | None, frozenset[str] | None]]:
        return [(t, resolve(t)) for t in d.tokens] if d.tokens else [(None, None)]

    for d in directives:
        if d.action == "disable-file":
            scopes += [_Scope(d, t, c, 0, length) for t, c in targets(d)]
        elif d.action in ("disable-next-line", "disable-line"):
            line = d.end_line + 1 if d.action == "disable-next-line" else d.line
            scopes += [_Scope(d, t, c, line=line) for t, c in targets(d)]
        elif d.action == "disable":
            for t, c in targets(d):
                scope = _Scope(d, t, c, d.end, length)
                scopes.append(scope)
                open_scopes.append(scope)
        else:  # enable
            closed = False
            names = {c for _, c in targets(d) if c is not None}
            enabled = frozenset().union(*names) if names else None
            for scope in list(open_scopes):
                same_token = scope.token is not None and scope.token.lower() in {t.lower() for t in d.tokens}
                if enabled is None or same_token or (scope.codes and scope.codes <= enabled):
                    scope.end = d.start
                    open_scopes.remove(scope)
                    closed = True
                elif enabled is not None and (scope.codes is None or scope.codes & enabled):
                    # Re-enable some of the rules of a wider range: split the range here.
                    scope.end = d.start
                    open_scopes.remove(scope)
                    rest = _Scope(scope.directive, scope.token, scope.codes, d.end, length)
                    rest.excepted = scope.excepted | enabled
                    scopes.append(rest)
                    open_scopes.append(rest)
                    closed = True
            if not closed:
                stray.append(d)
    return scopes, stray


def apply_suppressions(
    document: Document,
    findings: Iterable[Finding],
    resolve: Callable[[str], frozenset[str]],
    active: frozenset[str],
    report_unused: bool = False,
    hint: Callable[[str], str] = lambda token: "",
) -> list[Finding]:
    """The findings no directive suppresses, plus WB000 findings: always for a directive naming
    no known rule (a typo would otherwise silently suppress nothing), and with `report_unused` for
    every directive that suppressed nothing.

    `resolve` maps a token (code, prefix, slug, category) to the rule codes it names (empty when
    unknown); `active` holds the codes of the rules that ran, so that a directive naming a rule
    that was not selected is not called unused; `hint` gives a mistyped token's "did you mean".
    """
    findings = list(findings)
    directives = find_directives(document)
    if not directives:
        return findings
    scopes, stray = _scopes(directives, resolve, len(document.text))
    kept = []
    for finding in findings:
        covering = [s for s in scopes if s.covers(finding)]
        for scope in covering:
            scope.used = True
        if not covering:
            kept.append(finding)
    kept += _unused_findings(document, scopes, stray, active, hint, report_unused)
    return kept


def _unused_findings(
    document: Document,
    scopes: Sequence[_Scope],
    stray: Sequence[Directive],
    active: frozenset[str],
    hint: Callable[[str], str],
    report_unused: bool,
) -> list[Finding]:
    groups: dict[tuple[int, str | None], list[_Scope]] = {}
    for scope in scopes:
        groups.setdefault((scope.directive.start, scope.token), []).append(scope)
    problems: list[tuple[Directive, str]] = []
    for (_, token), members in groups.items():
        if any(s.used for s in members):
            continue
        directive, codes = members[0].directive, members[0].codes
        if token is not None and not codes:
            unknown = f"suppression '{directive.text}' names no known rule {token!r}{hint(token)}; fix or remove it"
            problems.append((directive, unknown))
        elif not report_unused:
            continue
        elif token is None:
            problems.append((directive, f"unused suppression '{directive.text}': it suppressed no finding; remove it"))
        elif codes & active:
            problems.append(
                (directive, f"unused suppression '{directive.text}': no {token} finding to suppress; remove {token}")
            )
    for directive in stray if report_unused else ():
        problems.append((directive, f"'{directive.text}' matches no open wbl-disable; remove it"))
    return [_unused_finding(document, d, message) for d, message in problems]


def _unused_finding(document: Document, directive: Directive, message: str) -> Finding:
    end_line, end_column = document.source.position(directive.end)
    return Finding(
        UNUSED_CODE,
        UNUSED_NAME,
        UNUSED_CATEGORY,
        Severity.WARNING,
        message,
        document.path,
        directive.line,
        directive.column,
        end_line,
        end_column,
        directive.start,
        directive.end,
        document.text[directive.start : directive.end],
    )
