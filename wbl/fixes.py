"""Fixes: the changes rules offer, and applying them to a file's text (ruff's model).

A rule attaches a `Fix` (`wbl.rule`) to a violation: edits of the unit's plain text and whether
the fix is *safe* (``wbl check --fix`` applies it) or *unsafe* (only with ``--unsafe-fixes``).
The helpers below make the usual ones: a replacement that keeps the case of the words it
replaces and agrees with "a"/"an" before it (`replacement`), the removal of a word with the
space or commas around it (`removal`), a replacement inflected like the word it replaces
(`inflect_like`). The engine maps each edit to the file and keeps a fix only where the edit's text
is exactly what the file holds there.

`apply_fixes` applies findings' fixes to the original text through those offsets, never by
searching for words again. Fixes whose edits overlap are resolved in a fixed order (position,
then rule code), and a set of fixes that would change the document's Markdown structure (a
block, a list, a link, emphasis, code, front matter) is cut back to the fixes that do not.
`fix_text` lints, applies and lints again until no fix is left (a fix can uncover another), so
applying fixes twice gives what applying them once gives. `fix_file` does this for a file of a
`Project`, keeping its encoding (UTF-8 with or without a byte-order mark, UTF-16).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wbl.findings import FileReport, Finding
from wbl.rule import Applicability, Edit, Fix
from wbl.source import InputError, decode, encode_like
from wbl.textutil import quotation_spans

if TYPE_CHECKING:
    from wbl.project import Project

# Lint-and-fix rounds before `fix_text` gives up on reaching a text without fixes.
MAX_ROUNDS = 10

# --- making fixes (for rules) ------------------------------------------------------------------------

_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"'“‘]))(a|an|A|An|AN)\s+$")


def _article_before(text: str, end: int) -> re.Match[str] | None:
    """ "a" or "an" right before `end`, with only white space between (`_WORD_BEFORE`). Searched
    from just before the article, not from the text's start: a long paragraph asks for every
    finding in it, and a search from 0 made that quadratic."""
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    return _WORD_BEFORE.search(text, max(0, stop - 2), end)  # the look-behind still sees before it


_SENTENCE_START = re.compile(r"(?:^|[.!?:]['\"”’)\]]*\s+|[\"“(]\s*)$")
_VOWEL_SOUND = re.compile(r"^(?:[aeio]|u(?:n|mb|pp|tt))", re.IGNORECASE)


def match_case(original: str, replacement: str) -> str:
    """`replacement` written in the case of `original`: "Leverage" -> "Use", "LEVERAGE" -> "USE"."""
    if not replacement:
        return replacement
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def article_for(word: str) -> str:
    """ "an" before a vowel sound as the word's spelling shows it ("an essential", "an unusual",
    "a use"), else "a"."""
    return "an" if _VOWEL_SOUND.match(word) else "a"


def embedded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a name rather than a word of the prose: a file name,
    path, address or identifier ("LEARNINGS.md", "docs/leverage", "@utilize", "utilize_it")."""
    after, before = text[end : end + 2], text[max(0, start - 2) : start]
    glued = "./\\_@:#"
    return (
        (len(after) == 2 and after[0] in glued and after[1].isalnum())
        or (len(before) == 2 and before[1] in glued and before[0].isalnum())
        or before[-1:] in ("/", "\\", "_", "@", "#")
    )


def quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is inside quotation marks: someone's words, or a word quoted as
    a word, which a fix must not rewrite."""
    return any(s < start and end < e for s, e in quotation_spans(text))


_LAST_WORD = re.compile(r"(\w+)\s*$")
_FIRST_WORD = re.compile(r"\s*(\w+)")


def _doubles_a_word(text: str, start: int, end: int, content: str) -> bool:
    """Whether writing `content` for ``text[start:end]`` puts one word twice in a row ("books
    actually books" -> "books books"): the fix would make the very slip another rule flags."""
    previous = _LAST_WORD.search(text, max(0, start - 40), start)
    following = _FIRST_WORD.match(text, end, end + 40)
    if content:
        pairs = [(previous, _FIRST_WORD.match(content)), (_LAST_WORD.search(content), following)]
    else:
        pairs = [(previous, following)]
    return any(a is not None and b is not None and a.group(1).lower() == b.group(1).lower() for a, b in pairs)


def replacement(
    text: str, start: int, end: int, content: str, applicability: Applicability = Applicability.SAFE
) -> Fix | None:
    """A fix that writes `content` in place of ``text[start:end]``, in the case of the words it
    replaces; an "a" or "an" just before is made to agree ("a mission-critical" -> "an essential").
    None for words that are part of a name (see `embedded`)."""
    if embedded(text, start, end) or _doubles_a_word(text, start, end, content):
        return None
    old = text[start:end]
    new = match_case(old, content)
    message = f"replace '{old}' with '{new}'"
    article = _article_before(text, start)
    if article is not None and new:
        wanted = article_for(new)
        if article.group(1).lower() != wanted:
            written = match_case(article.group(1), wanted)
            edits = (Edit(article.start(1), article.end(1), written), Edit(start, end, new))
            return Fix(f"replace '{text[article.start(1) : end]}' with '{written} {new}'", edits, applicability)
    return Fix(message, (Edit(start, end, new),), applicability)


def removal(text: str, start: int, end: int, applicability: Applicability = Applicability.SAFE) -> Fix | None:
    """A fix that cuts ``text[start:end]`` (a word or phrase) with the space or the commas around
    it, so that what is left still reads: "It is very fast" -> "It is fast", "Basically, it works"
    -> "It works", "It works, really." -> "It works.".

    None when the words cannot go cleanly: nothing else would be left of the sentence, they sit
    after "a"/"an" that would then disagree with the next word, they are not set off by a space,
    or they stand between commas or after one, before the next word (", basically," is an aside,
    ", very," and ", seamless solution" items of a list: which commas go depends on which it is).
    """
    before, after = text[:start], text[end:]
    if embedded(text, start, end) or (before.rstrip().endswith(",") and after.startswith(",")):
        return None
    if before.endswith(", ") and re.match(r" [\w'’]", after):
        # "a fast, seamless solution": the last item of a list before its noun; cutting the word
        # alone leaves "a fast, solution", and whether the comma goes too depends on what it is.
        return None
    if after.startswith(", "):
        cut_start, cut_end = start, end + 2  # "Basically, it" -> "it"
    elif after[:1] == " ":
        cut_start, cut_end = start, end + 1
    elif before.endswith(" ") and (not after or not after[0].isalnum()):
        cut_start, cut_end = start - 1, end  # "works really." -> "works."
        if before.endswith(", ") and after[:1] in ".!?;:":
            cut_start -= 1  # "works, really." -> "works."
    else:
        return None
    rest = text[cut_end:]
    if not re.search(r"\w", text[:cut_start]) and not re.search(r"\w", rest.split(".", 1)[0]):
        return None  # nothing would be left of the sentence
    if _doubles_a_word(text, start, end, ""):
        return None
    article = _article_before(text, cut_start)
    next_word = re.match(r"\s*([\w'’-]+)", rest)
    if article is not None and (
        next_word is None or article.group(1).lower() != article_for(next_word.group(1).lstrip("'’"))
    ):
        return None  # "a very old car" would become "a old car"
    words = text[start:end]
    message = f"remove '{words}'"
    if words[:1].isupper() and _SENTENCE_START.search(text, 0, cut_start) and rest[:1].islower():
        # The cut words opened the sentence: the next word opens it now.
        return Fix(message, (Edit(cut_start, cut_end + 1, rest[0].upper()),), applicability)
    return Fix(message, (Edit(cut_start, cut_end, ""),), applicability)


# Irregular verbs whose past tense and past participle are one form (so "leveraged" can become it
# whichever it was); verbs with two forms (run: ran/run) are left without a fix.
_IRREGULAR_PAST = {
    "bring": "brought",
    "build": "built",
    "buy": "bought",
    "cut": "cut",
    "find": "found",
    "get": "got",
    "hold": "held",
    "keep": "kept",
    "lead": "led",
    "let": "let",
    "make": "made",
    "meet": "met",
    "pay": "paid",
    "put": "put",
    "say": "said",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "spend": "spent",
    "teach": "taught",
    "tell": "told",
    "think": "thought",
}
_TWO_PAST_FORMS = frozenset({"run", "begin", "do", "go", "give", "take", "see", "write", "know", "show", "grow"})


def inflect_like(matched: str, term: str, replacement: str) -> str | None:
    """`replacement` in the inflection that `matched` has as a form of `term` (its regular forms:
    term, +s, +ed, +ing): "leveraged" (of "leverage") with "use" -> "used", "streamlines" with
    "simplify" -> "simplifies". For a phrase, its first word is inflected ("ideating" with "think of"
    -> "thinking of"). None when the form or the inflection is not known for sure."""
    form, base = matched.lower(), term.lower()
    if form == base or " " in base:
        return replacement if form == base else None
    suffix = _suffix(form, base)
    if suffix is None:
        return None
    first, _, rest = replacement.partition(" ")
    inflected = _inflect(first.lower(), suffix)
    if inflected is None:
        return None
    return inflected + (" " + rest if rest else "")


def _suffix(form: str, base: str) -> str | None:
    """Which regular form of `base` `form` is: "s", "ed" or "ing" (see substitution.inflections)."""
    stem = base[:-1]
    candidates = {
        base + "s": "s",
        base + "es": "s",
        base + "ed": "ed",
        base + "d": "ed",
        base + "ing": "ing",
        stem + "ing": "ing",
        stem + "ies": "s",
        stem + "ied": "ed",
    }
    return candidates.get(form)


def _inflect(word: str, suffix: str) -> str | None:
    if not word.isalpha():
        return None
    if suffix == "s":
        if word.endswith(("s", "sh", "ch", "x", "z", "o")):
            return word + "es"
        return word[:-1] + "ies" if _consonant_y(word) else word + "s"
    if suffix == "ed":
        if word in _IRREGULAR_PAST:
            return _IRREGULAR_PAST[word]
        if word in _TWO_PAST_FORMS:
            return None
        if word.endswith("e"):
            return word + "d"
        if _consonant_y(word):
            return word[:-1] + "ied"
        return word + word[-1] + "ed" if _doubles(word) else word + "ed"
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    return word + word[-1] + "ing" if _doubles(word) else word + "ing"


def _consonant_y(word: str) -> bool:
    return len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou"


def _doubles(word: str) -> bool:
    """A one-syllable word ending consonant-vowel-consonant doubles its last letter (stop, plan)."""
    vowels = re.findall(r"[aeiou]+", word)
    return len(vowels) == 1 and bool(re.search(r"[^aeiou][aeiou][^aeiouwxy]$", word))


# --- applying fixes -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Applied:
    """The text after one round of fixes, and the findings whose fixes were applied."""

    text: str
    fixed: tuple[Finding, ...]


def applicable(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """The findings with a fix that may be applied: safe ones, and with `unsafe` the others too."""
    return [f for f in findings if f.fix is not None and (unsafe or f.fix.is_safe)]


def _conflict(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # an insertion conflicts with an edit around its point
        return a.start <= b.start <= a.end or b.start <= a.start <= b.end
    return a.start < b.end and b.start < a.end


def _order(finding: Finding) -> tuple[Any, ...]:
    assert finding.fix is not None
    edits = finding.fix.edits
    return (edits[0].start, edits[-1].end, finding.rule, finding.start, finding.end, finding.fix.message)


def select_fixes(findings: Iterable[Finding], unsafe: bool = False) -> tuple[list[Finding], list[Finding]]:
    """The findings whose fixes apply together, in order, and those that duplicate one of them.

    Candidates are taken by position (first edit, last edit), then rule code; one whose edits
    overlap an accepted fix's waits for the next round. A fix with exactly the edits of an
    accepted one (two rules, one change) is applied once and counts for both findings.
    """
    accepted: list[Finding] = []
    duplicates: list[Finding] = []
    taken: list[Edit] = []
    seen: set[tuple[Edit, ...]] = set()
    for finding in sorted(applicable(findings, unsafe), key=_order):
        assert finding.fix is not None
        edits = finding.fix.edits
        if edits in seen:
            duplicates.append(finding)
        elif not any(_conflict(e, t) for e in edits for t in taken):
            accepted.append(finding)
            taken.extend(edits)
            seen.add(edits)
    return accepted, duplicates


def edit_text(text: str, findings: Sequence[Finding]) -> str:
    """`text` with the fixes of `findings` (which must not conflict) applied, from the end back."""
    edits = sorted((e for f in findings if f.fix is not None for e in f.fix.edits), key=lambda e: (e.start, e.end))
    pieces, cursor = [], 0
    for e in edits:
        pieces += [text[cursor : e.start], e.content]
        cursor = e.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def structure(text: str) -> tuple[Any, ...] | None:
    """What fixes must not change in a Markdown text: its front matter, and each block's kind,
    level, nesting, code or HTML, links, inline code and emphasis (None: it does not parse)."""
    from wbl.markdown import parse

    try:
        parsed = parse(text)
    except InputError:
        return None
    front = text[parsed.front_matter.start : parsed.front_matter.end] if parsed.front_matter else None
    blocks = tuple(
        (
            b.kind,
            b.level,
            b.quote_depth,
            b.list_depth,
            b.ordered,
            b.raw,
            b.links,
            tuple(c.code for c in b.code_spans),
            len(b.emphasis),
        )
        for b in parsed.blocks
    )
    return (front, blocks)


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> Applied:
    """One round: the non-conflicting fixes of `findings` applied to `text` (the text they were
    found in), keeping only fixes that leave its Markdown structure as it was."""
    accepted, duplicates = select_fixes(findings, unsafe)
    if not accepted:
        return Applied(text, ())
    fixed = edit_text(text, accepted)
    before = structure(text)
    if structure(fixed) != before:
        kept: list[Finding] = []
        for finding in accepted:  # one by one: keep each fix that leaves the structure alone
            if structure(edit_text(text, [*kept, finding])) == before:
                kept.append(finding)
        accepted = kept
        fixed = edit_text(text, accepted)
    kept_edits = {f.fix.edits for f in accepted if f.fix is not None}
    duplicates = [f for f in duplicates if f.fix is not None and f.fix.edits in kept_edits]
    return Applied(fixed, tuple(sorted((*accepted, *duplicates), key=lambda f: (f.start, f.end, f.rule))))


@dataclass(frozen=True, slots=True)
class FixResult:
    """A text after every round of fixes: the findings left, the fixes applied (each finding as it
    was found in its round), and whether it reached a text with no applicable fix."""

    text: str
    report: FileReport
    fixed: tuple[Finding, ...]
    settled: bool = True


def fix_text(
    lint: Callable[[str], FileReport],
    text: str,
    *,
    unsafe: bool = False,
    report: FileReport | None = None,
    rounds: int = MAX_ROUNDS,
) -> FixResult:
    """Lint `text`, apply its fixes, and again, until no fix applies (at most `rounds` times).

    `lint` lints a text as the file would be (its configuration); `report`, when given, is the
    lint of `text` already made. A round with errors (a rule failed) applies nothing more.
    """
    report = report if report is not None else lint(text)
    fixed: list[Finding] = []
    for _ in range(rounds):
        if report.errors:
            break
        applied = apply_fixes(text, report.findings, unsafe=unsafe)
        if not applied.fixed:
            return FixResult(text, report, tuple(fixed))
        text, report = applied.text, lint(applied.text)
        fixed += applied.fixed
    settled = not report.errors and not select_fixes(report.findings, unsafe)[0]
    return FixResult(text, report, tuple(fixed), settled)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of a file's text (``--- a/path``, ``+++ b/path``), as git shows it."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"):
        if line.endswith(("\n", "\r")):
            lines.append(line if line.endswith("\n") else line + "\n")
        else:
            lines.append(line + "\n\\ No newline at end of file\n")
    return "".join(lines)


# --- files ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FixedFile:
    """One file after fixing: the findings left (`report`), the fixes applied, and its text before
    and after (None when it could not be read or linted). `data` is the new file content, to be
    written, or None when nothing changed."""

    report: FileReport
    fixed: tuple[Finding, ...] = ()
    before: str | None = None
    after: str | None = None
    data: bytes | None = None
    settled: bool = True

    @property
    def changed(self) -> bool:
        return self.data is not None


def fix_file(project: Project, path: str, data: bytes, *, unsafe: bool = False) -> FixedFile:
    """Fix one file's bytes with the settings of `path` (its configuration, the result cache)."""
    report = project.lint_bytes(data, path)
    if report.errors or report.source_text is None:
        return FixedFile(report)
    before = report.source_text

    def lint(text: str) -> FileReport:
        return project.lint_bytes(encode_like(data, text), path)

    result = fix_text(lint, before, unsafe=unsafe, report=report)
    if result.text == before:
        return FixedFile(result.report, before=before, after=before, settled=result.settled)
    encoded = encode_like(data, result.text)
    assert decode(encoded) == result.text
    return FixedFile(result.report, result.fixed, before, result.text, encoded, result.settled)


def fix_paths(project: Project, paths: Iterable[str], *, unsafe: bool = False) -> Iterator[FixedFile]:
    """`fix_file` for every file the project lints under `paths`, in order (files are only read;
    the caller writes `FixedFile.data` back, or shows a diff)."""
    from wbl.files import read_file

    for item in project.files(paths):
        if isinstance(item, FileReport):
            yield FixedFile(item)
            continue
        data = read_file(item)
        yield FixedFile(data) if isinstance(data, FileReport) else fix_file(project, item, data, unsafe=unsafe)


__all__ = [
    "MAX_ROUNDS",
    "Applied",
    "FixResult",
    "FixedFile",
    "applicable",
    "apply_fixes",
    "article_for",
    "edit_text",
    "embedded",
    "fix_file",
    "fix_paths",
    "fix_text",
    "inflect_like",
    "match_case",
    "quoted",
    "removal",
    "replacement",
    "select_fixes",
    "structure",
    "unified_diff",
]
