"""The summary of a run: the line that ends text output, and GitHub Actions' Markdown step summary.

Both read a `Tally` (counts gathered file by file, and the most severe findings), never a whole
report, so a run of thousands of files needs no more memory for them.

The step summary is what a reviewer sees on the workflow run's page: the counts, a table per rule
and per file, and the most severe findings with links to their lines. GitHub shows at most 10
annotations of each kind per step (and 50 per job), so a run with more says so there and lists the
findings the annotations leave out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from wbl.reporters.base import ci_path, docs_url, plural, printable, rule_help_uri
from wbl.reporters.statistics import Tally
from wbl.rule import Severity

ANNOTATIONS_PER_STEP = 10  # of each kind: error, warning, notice
ANNOTATIONS_PER_JOB = 50
MAX_FILE_ROWS = 50
_SEVERITIES = sorted(Severity, key=lambda s: -s.rank)
_ANNOTATION = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}


def summary_line(tally: Tally, *, named: bool = False) -> str:
    """``Found N findings (E errors, W warnings, I infos) in F files; K files clean``, then how
    many files were taken for other Markdown (not judged) or got hints only, and how many could
    not be linted. `named`: the run already named each file's kind (--verbose)."""
    totals = tally.by_severity()
    kinds = ", ".join(plural(totals[s.value], s.value) for s in _SEVERITIES)
    line = f"Found {plural(tally.total, 'finding')} ({kinds}) in {plural(tally.linted, 'file')}; "
    line += f"{plural(tally.clean, 'file')} clean"
    if tally.not_judged:
        line += f"; {plural(tally.not_judged, 'file')} taken for other Markdown, not judged"
        if tally.not_judged == tally.linted:
            # Nothing in the run was judged: a short draft under a plain name ("search.md") may be a
            # PR/FAQ wbl cannot tell from a README; say how to have it judged.
            line += " (a PR/FAQ draft? --kind prfaq judges it as one)"
    if tally.hints_only:
        unsure = "wbl is not sure of (hints only; set their kind to judge them fully)"
        line += f"; {plural(tally.hints_only, 'file')} {unsure}"
    if (tally.not_judged or tally.hints_only) and not named:
        line += " (--verbose names them)"
    if tally.failed:
        line += f"; {plural(tally.failed, 'file')} with errors (not linted, or not by every rule)"
    if tally.hidden:
        line += f"; {plural(tally.hidden, 'finding')} below min-severity not shown"
    return line


KIND_NAMES = {
    "prfaq": "PR/FAQ",
    "press_release": "press release",
    "faq": "FAQ",
    "other": "other Markdown",
    "fragment": "a fragment",
}


# After the score of a document wbl is not sure is a PR/FAQ.
HINTS_ONLY = "; not sure it is one: findings are hints only"


def score_text(kind: str | None, score: Mapping[str, Any]) -> str:
    """``PR/FAQ, score 64/100 (average document 53.2; structure +22.5, substance +7.4, clarity -3.0,
    finish +5.2)``: the points each component adds to or takes from the score of an average
    document (see docs/judgement.md, "The score")."""
    parts = ", ".join(
        f"{name} {'not assessed' if value is None else f'{value:+.1f}'}"
        for name, value in dict(score.get("components", {})).items()
    )
    baseline = score.get("baseline")
    detail = f" (average document {baseline:.1f}; {parts})" if parts and baseline is not None else ""
    return f"{KIND_NAMES.get(kind or '', kind or 'document')}, score {score['score']}/100{detail}"


def score_lines(tally: Tally) -> list[str]:
    """One line per document judged as a PR/FAQ: its score and what made it (the text summary)."""
    lines = [
        # A file name's control characters escaped, so that each document stays one line.
        f"  {printable(path, one_line=True)}: {score_text(kind, score)}{HINTS_ONLY if hints else ''}"
        for path, kind, score, hints in tally.scores
    ]
    if tally.scored > len(tally.scores):
        lines.append(f"  … and {plural(tally.scored - len(tally.scores), 'more scored document')} (see --format json)")
    return lines


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def cell(text: str) -> str:
    """Text for a Markdown table cell: one line, no HTML, no Markdown syntax."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _blob_url(environ: Mapping[str, str]) -> str | None:
    """The web address of the files at the commit the workflow runs on, when GitHub's variables say it."""
    server, repository, sha = (environ.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if server and repository and sha:
        return f"{server.rstrip('/')}/{repository}/blob/{sha}/"
    return None


def step_summary(tally: Tally, root: Path, environ: Mapping[str, str]) -> str:
    """The Markdown step summary of a run (`environ`: GitHub's variables, for links to lines)."""
    totals = tally.by_severity()
    title = f"## wbl: {plural(tally.total, 'finding')} in {plural(tally.files, 'file')}"
    lines = [title, "", summary_line(tally) + "."]
    if not tally.total:
        return "\n".join(lines) + "\n"
    hidden = {s: totals[s.value] - ANNOTATIONS_PER_STEP for s in _SEVERITIES if totals[s.value] > ANNOTATIONS_PER_STEP}
    if hidden or tally.total > ANNOTATIONS_PER_JOB:
        shown = ", ".join(f"{n} {_ANNOTATION[s]}s" for s, n in hidden.items())
        lines += [
            "",
            "> [!NOTE]",
            f"> GitHub shows at most {ANNOTATIONS_PER_STEP} annotations of each kind (error, warning, notice) per "
            f"step and {ANNOTATIONS_PER_JOB} per job, so not every finding is annotated on the diff"
            + (f" ({shown} are not)" if shown else "")
            + ". Every finding is in the job's log and in code scanning (SARIF); the most severe are below.",
        ]
    docs = docs_url(environ=environ)
    lines += ["", "### By rule", "", "| Rule | Findings | Errors | Warnings | Infos |", "|---|--:|--:|--:|--:|"]
    for code, n in sorted(tally.counts.items(), key=lambda item: (-item[1], item[0])):
        by = tally.severities[code]
        name = tally.names[code]
        lines.append(
            f"| {_rule_cell(code, name, docs)} | {n} | " + " | ".join(str(by[s.value]) for s in _SEVERITIES) + " |"
        )
    lines += ["", "### By file", "", "| File | Findings | Errors | Warnings | Infos |", "|---|--:|--:|--:|--:|"]
    files = sorted(tally.by_file.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    for path, by in files[:MAX_FILE_ROWS]:
        counts = " | ".join(str(by[s.value]) for s in _SEVERITIES)
        lines.append(f"| {cell(ci_path(path, root))} | {sum(by.values())} | {counts} |")
    if len(files) > MAX_FILE_ROWS:
        lines.append(f"| … and {plural(len(files) - MAX_FILE_ROWS, 'more file')} | | | | |")
    top = tally.top()
    blob = _blob_url(environ)
    lines += ["", f"### Most severe findings ({len(top)} of {tally.total})", "", "| | Where | Rule | Message |"]
    lines.append("|---|---|---|---|")
    for f in top:
        where = f"{ci_path(f.path, root)}:{f.line}:{f.column}"
        place = f"[{cell(where)}]({blob}{quote(ci_path(f.path, root))}#L{f.line})" if blob else cell(where)
        lines.append(f"| {_ICONS[f.severity]} {f.severity.value} | {place} | {cell(f.rule)} | {cell(f.full_message)} |")
    return "\n".join(lines) + "\n"


__all__ = ["ANNOTATIONS_PER_JOB", "ANNOTATIONS_PER_STEP", "cell", "step_summary", "summary_line"]


def _rule_cell(code: str, name: str, docs: str | None) -> str:
    """A rule's cell: a link to its page on the documentation site ($WBL_DOCS_URL), else its name."""
    url = rule_help_uri(name, docs, code)
    return f"[{cell(code)} {cell(name)}]({url})" if url else f"{cell(code)} {cell(name)}"
