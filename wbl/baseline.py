"""Baselines: record today's findings so that only new ones are reported on the next revision.

A team adopts wbl on a folder of existing PR/FAQs with ``wbl baseline docs/ -o wbl-baseline.json``
and from then on runs ``wbl check --baseline wbl-baseline.json docs/``: findings recorded in the
baseline are not reported again; new ones are, and the ones that were fixed are counted.

Findings are matched by rule and **fingerprint**, never by line or column, so that inserting a
paragraph above an old finding does not bring it back. The fingerprint hashes

- the rule code,
- the flagged text, normalised (case, white space, quotes, Markdown emphasis and link targets),
- its context: the sentence around it in the source (within its paragraph, list item, heading or
  table row; HTML comments masked), normalised the same way, so re-wrapping a paragraph or
  editing a neighbouring sentence keeps the match while rewriting the sentence itself does not,
- an occurrence index among findings of that file with the same rule, text and context (the same
  weasel word twice in one sentence, the same sentence twice in a document).

A finding whose fingerprint no longer matches still matches a recorded one of the same rule and
flagged text whose sentence is similar enough (`SIMILAR`): fixing one weasel word in a sentence
changes that sentence, and must not bring back the other findings in it. A finding that flags a
whole sentence or paragraph (long-sentence, paragraph-readability, jargon-density) flags other
words as soon as one word of it changes: its flagged text only needs to be similar enough too.

Messages are never matched: "Jargon density 8%" that became "7%" when a word was added to its
paragraph is the same finding.

A finding whose flagged text is empty or only white space (a whole-document finding anchored
at a position) has no context: its rule and occurrence index identify it.

The file is JSON, versioned, with paths relative to the baseline file's directory ('/'
separators), files sorted by path and entries by position, so writing it twice over the same
documents gives the same bytes. Line, column and message are kept for the people reading it and
for SARIF's "absent" results; matching ignores them.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wbl.findings import DEFAULT_BASELINE, FileReport, Finding, Report
from wbl.rule import Severity
from wbl.safeio import FileProblem, json_text, read_regular, write_atomic
from wbl.source import InputError, decode

FORMAT = "wbl-baseline"
VERSION = 1

# A finding whose fingerprint changed still matches a recorded one of the same rule and flagged
# text when their sentences are at least this alike (difflib's ratio over words).
SIMILAR = 0.6
# Flagged text of at least this many words (a sentence, a paragraph) matches when it is SIMILAR,
# not only when it is equal.
LONG_FLAGGED = 4

# The baseline states of SARIF 2.1.0 (result.baselineState) that wbl uses.
NEW, UNCHANGED, ABSENT = "new", "unchanged", "absent"


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a wbl baseline; the message is one line."""


# --- fingerprints -------------------------------------------------------------------------------

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# A line that starts a block of its own: heading, list item, quote, table row, code fence.
_BLOCK_START = re.compile(r"[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||```|~~~)")
# The end of a sentence: terminal punctuation, closing quotes or brackets, then white space.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINE_MARK = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)?", re.MULTILINE)
_MARKUP = re.compile(r"[*_`~\[\]|]|\\(?=[^\w\s])")
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Text as compared in fingerprints: Markdown markup, typography, case and spacing removed."""
    text = unicodedata.normalize("NFKC", text)
    text = _LINK_TARGET.sub("", text)
    text = _LINE_MARK.sub("", text)
    text = _MARKUP.sub("", text).translate(_TYPOGRAPHY)
    return " ".join(text.split()).casefold()


def _masked(text: str) -> str:
    """`text` with HTML comments blanked and line ends made '\\n', keeping every offset."""
    text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return re.sub(r"\r(?!\n)", "\n", text).replace("\r\n", " \n")


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _block(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph-like block around [start, end): bounded by blank lines and block-start lines."""
    first, _ = _line_bounds(text, start)
    while first > 0 and not _BLOCK_START.match(text, first):
        previous, _ = _line_bounds(text, first - 1)
        if not text[previous : first - 1].strip():
            break
        first = previous
    _, last = _line_bounds(text, max(start, end - 1))
    while last < len(text):
        following, stop = _line_bounds(text, last + 1)
        line = text[following:stop]
        if not line.strip() or _BLOCK_START.match(line):
            break
        last = stop
    return first, last


def context_of(text: str, start: int, end: int) -> str:
    """The normalised sentence (or sentences) of `text` around the span [start, end)."""
    masked = _masked(text)
    if not (0 <= start <= end <= len(masked)) or not masked[start:end].strip():
        return ""
    first, last = _block(masked, start, end)
    sentence_start = first
    for match in _SENTENCE_END.finditer(masked, first, start):
        sentence_start = match.end()
    after = _SENTENCE_END.search(masked, max(start, end - 1), last)
    return normalise(masked[sentence_start : after.end() if after else last])


@dataclass(frozen=True, slots=True)
class Identity:
    """What identifies a finding across revisions: its fingerprint, and for a looser second
    match, its normalised flagged text and context."""

    fingerprint: str
    flagged: str
    context: str


def identities(findings: Sequence[Finding], text: str | None) -> list[Identity]:
    """One identity per finding of one file (`text` is the file's linted text, if known)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, findings[i].end, findings[i].rule))
    result: list[Identity] = [Identity("", "", "")] * len(findings)
    for i in order:
        f = findings[i]
        flagged = normalise(f.text)
        context = context_of(text, f.start, f.end) if text is not None and flagged else ""
        key = (f.rule, flagged, context)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\x1f".join((*key, str(occurrence))).encode("utf-8")).hexdigest()
        result[i] = Identity(digest[:20], flagged, context)
    return result


def fingerprints(findings: Sequence[Finding], text: str | None) -> list[str]:
    """One fingerprint per finding of one file (see `identities`)."""
    return [i.fingerprint for i in identities(findings, text)]


def similarity(a: str, b: str) -> float:
    """How alike two normalised contexts are, word by word (0 to 1)."""
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _file_text(report: FileReport) -> str | None:
    if report.source_text is not None:
        return report.source_text
    try:
        return decode(read_regular(report.path))
    except InputError:
        return None


def _key_path(path: str, root: Path) -> str:
    """A linted file's name in a baseline: relative to the baseline's directory, '/' separators."""
    if path.startswith("<") and path.endswith(">"):  # <stdin>, <text>
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
    except ValueError:  # Another drive on Windows: no relative path exists.
        return Path(os.path.abspath(path)).as_posix()


# --- the baseline -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded finding. Only `rule` and `fingerprint` are matched; the rest informs people."""

    rule: str
    fingerprint: str
    name: str = ""
    severity: str = Severity.WARNING.value
    line: int = 0
    column: int = 0
    text: str = ""
    message: str = ""
    context: str = ""  # the normalised sentence around the flagged text

    @classmethod
    def of(cls, finding: Finding, identity: Identity) -> Entry:
        return cls(
            finding.rule,
            identity.fingerprint,
            finding.name,
            finding.severity.value,
            finding.line,
            finding.column,
            finding.text,
            finding.message,
            identity.context,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "context": self.context,
            "fingerprint": self.fingerprint,
        }

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.column, self.rule, self.fingerprint)


@dataclass(frozen=True, slots=True)
class Comparison:
    """A run's findings against a baseline: new, unchanged, and fixed (recorded but gone)."""

    report: Report  # the whole run
    new: tuple[Finding, ...]
    unchanged: tuple[Finding, ...]
    fixed: tuple[tuple[str, Entry], ...]  # (path as linted, entry); only files and rules that ran
    source: str = DEFAULT_BASELINE  # the baseline's name, for messages
    _states: Mapping[int, tuple[str, str]] = field(default_factory=dict, repr=False, compare=False)

    def state(self, finding: Finding) -> str:
        """The state, "new" or "unchanged" (SARIF's baselineState) for a finding of this run."""
        return self._states.get(id(finding), (NEW, ""))[0]

    def fingerprint(self, finding: Finding) -> str:
        return self._states.get(id(finding), (NEW, ""))[1]

    def new_report(self) -> Report:
        """The run with only the new findings (what `wbl check --baseline` reports and fails on)."""
        # Everything else of each file is kept (its kind and score too: the summary line reads them).
        files = tuple(
            replace(r, findings=tuple(f for f in r.findings if self.state(f) == NEW)) for r in self.report.files
        )
        return Report(files, self.report.notices)

    def unchanged_in(self, path: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.unchanged if f.path == path)

    def summary(self) -> str:
        """One line for --statistics: fixed / new / unchanged counts."""
        return f"baseline {self.source}: {len(self.fixed)} fixed, {len(self.new)} new, {len(self.unchanged)} unchanged"


@dataclass(frozen=True, slots=True)
class Baseline:
    """Recorded findings per file; `root` is the directory that the paths are relative to."""

    files: Mapping[str, tuple[Entry, ...]]
    root: Path = field(default_factory=Path.cwd)
    source: str = DEFAULT_BASELINE

    # --- building and writing --------------------------------------------------------------------
    @classmethod
    def from_report(cls, report: Report, root: str | os.PathLike[str] | None = None) -> Baseline:
        """Every finding of a run (files with errors included as far as they got)."""
        base = Path(os.path.abspath(root if root is not None else os.curdir))
        files: dict[str, list[Entry]] = {}
        for file_report in report.files:
            if not file_report.findings:
                continue
            found = identities(file_report.findings, _file_text(file_report))
            entries = files.setdefault(_key_path(file_report.path, base), [])
            entries.extend(Entry.of(f, i) for f, i in zip(file_report.findings, found, strict=True))
        return cls({path: tuple(sorted(e, key=Entry.sort_key)) for path, e in sorted(files.items())}, base)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "files": {path: [e.to_dict() for e in self.files[path]] for path in sorted(self.files)},
        }

    def dumps(self) -> str:
        return json_text(self.to_dict(), indent=2) + "\n"

    def write(self, path: str | os.PathLike[str]) -> None:
        """Write the file at once (temporary file + rename): a failure keeps the old baseline."""
        write_atomic(path, self.dumps())

    # --- reading ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Baseline:
        """Read a baseline file; `BaselineError` (one line, naming the file) when it cannot be used."""
        name = str(path)
        try:
            raw = read_regular(path)
        except FileProblem as exc:
            if str(exc) == "no such file or directory":
                raise BaselineError(
                    f"baseline {name}: no such file (write one with `wbl baseline PATHS -o {name}`)"
                ) from None
            raise BaselineError(f"baseline {name}: {exc}") from None
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise BaselineError(f"baseline {name}: not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(
                f"baseline {name}: invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            ) from None
        except RecursionError:
            raise BaselineError(f"baseline {name}: JSON nested too deeply to be a baseline") from None
        return cls.from_dict(data, Path(os.path.abspath(path)).parent, name)

    @classmethod
    def from_dict(cls, data: Any, root: str | os.PathLike[str], source: str = DEFAULT_BASELINE) -> Baseline:
        def bad(problem: str) -> BaselineError:
            return BaselineError(f"baseline {source}: {problem}")

        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise bad(f'not a wbl baseline (expected a JSON object with "format": "{FORMAT}")')
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise bad(f'"version" must be an integer, not {json.dumps(version)}')
        if version != VERSION:
            raise bad(f"version {version} is not supported (this wbl reads version {VERSION})")
        files = data.get("files")
        if not isinstance(files, dict):
            raise bad('"files" must be an object mapping paths to lists of findings')
        parsed: dict[str, tuple[Entry, ...]] = {}
        for path, entries in files.items():
            if not isinstance(entries, list):
                raise bad(f'"files"."{path}" must be a list of findings')
            parsed[path] = tuple(_entry(e, f'"files"."{path}"[{i}]', bad) for i, e in enumerate(entries))
        return cls(parsed, Path(os.path.abspath(root)), source)

    # --- comparing -------------------------------------------------------------------------------
    def compare(self, report: Report, rules_for: Callable[[str], Iterable[str]] | None = None) -> Comparison:
        """Split a run's findings into new and unchanged, and find the recorded ones that are gone.

        An entry counts as fixed only for a file linted in this run without errors, and only when
        its rule ran on that file (`rules_for(path)` gives the codes that ran; None: every rule).
        """
        new: list[Finding] = []
        unchanged: list[Finding] = []
        fixed: list[tuple[str, Entry]] = []
        states: dict[int, tuple[str, str]] = {}
        for file_report in report.files:
            recorded = self.files.get(_key_path(file_report.path, self.root), ())
            found = identities(file_report.findings, _file_text(file_report)) if file_report.findings else []
            matched, gone = _match([(f.rule, i) for f, i in zip(file_report.findings, found, strict=True)], recorded)
            for index, (f, identity) in enumerate(zip(file_report.findings, found, strict=True)):
                state = UNCHANGED if index in matched else NEW
                (unchanged if state == UNCHANGED else new).append(f)
                states[id(f)] = (state, identity.fingerprint)
            if file_report.errors or not gone:
                continue
            ran = None if rules_for is None else frozenset(rules_for(file_report.path))
            fixed.extend((file_report.path, recorded[j]) for j in gone if ran is None or recorded[j].rule in ran)
        return Comparison(report, tuple(new), tuple(unchanged), tuple(fixed), self.source, states)

    def __len__(self) -> int:
        return sum(len(e) for e in self.files.values())


def _match(found: Sequence[tuple[str, Identity]], recorded: Sequence[Entry]) -> tuple[set[int], list[int]]:
    """Pair one file's findings, as (rule, identity), with its recorded entries.

    First by rule and fingerprint; then what is left by rule and flagged text in a sentence at
    least `SIMILAR` alike (a long flagged text at least that alike too), most alike first, so that
    fixing one weasel word in a sentence does not bring back the others in it, nor adding a word
    to a paragraph its readability finding. Returns the matched findings' indices and the unmatched entries'.
    """
    free: dict[tuple[str, str], list[int]] = {}
    for j, e in enumerate(recorded):
        free.setdefault((e.rule, e.fingerprint), []).append(j)
    matched: set[int] = set()
    used: set[int] = set()
    for i, (rule, identity) in enumerate(found):
        slots = free.get((rule, identity.fingerprint))
        if slots:
            used.add(slots.pop(0))
            matched.add(i)
    if len(matched) < len(found) and len(used) < len(recorded):
        left: dict[str, list[tuple[int, str]]] = {}  # rule -> (entry, its normalised flagged text)
        for j, e in enumerate(recorded):
            if j not in used:
                left.setdefault(e.rule, []).append((j, normalise(e.text)))
        pairs = []
        for i, (rule, identity) in enumerate(found):
            for j, flagged in left.get(rule, ()) if i not in matched else ():
                score = _alike(identity, flagged, recorded[j].context)
                if score >= SIMILAR:
                    pairs.append((-score, i, j))
        for _, i, j in sorted(pairs):
            if i not in matched and j not in used:
                matched.add(i)
                used.add(j)
    return matched, [j for j in range(len(recorded)) if j not in used]


def _alike(identity: Identity, flagged: str, context: str) -> float:
    """How alike a finding is to a recorded one of its rule (0 when their flagged texts differ,
    unless both are long enough to be compared word by word; see `LONG_FLAGGED`)."""
    if identity.flagged == flagged:
        return similarity(identity.context, context)
    if min(len(identity.flagged.split()), len(flagged.split())) < LONG_FLAGGED:
        return 0.0
    return min(similarity(identity.flagged, flagged), similarity(identity.context, context))


def _entry(data: Any, where: str, bad: Callable[[str], BaselineError]) -> Entry:
    if not isinstance(data, dict):
        raise bad(f"{where} must be an object")
    for key in ("rule", "fingerprint"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise bad(f'{where} needs a "{key}" string')
    severity = data.get("severity", Severity.WARNING.value)
    if severity not in {s.value for s in Severity}:
        raise bad(f"{where} has an unknown severity {json.dumps(severity)}")
    values: dict[str, Any] = {"severity": severity}
    fields = (("name", str), ("line", int), ("column", int), ("text", str), ("message", str), ("context", str))
    for key, kind in fields:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, kind) or isinstance(value, bool):
            raise bad(f'{where}."{key}" must be {"a string" if kind is str else "an integer"}')
        values[key] = value
    return Entry(data["rule"], data["fingerprint"], **values)


def write_baseline(report: Report, path: str | os.PathLike[str]) -> Baseline:
    """Write the baseline of a run to `path` (paths relative to its directory); returns it."""
    baseline = Baseline.from_report(report, Path(os.path.abspath(path)).parent)
    baseline.write(path)
    return baseline


__all__ = [
    "ABSENT",
    "NEW",
    "UNCHANGED",
    "Baseline",
    "BaselineError",
    "Comparison",
    "Entry",
    "context_of",
    "fingerprints",
    "identities",
    "normalise",
    "write_baseline",
]
