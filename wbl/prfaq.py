"""Find the parts of a PR/FAQ: headline, summary, problem, quotes, FAQ halves, Bezos's questions.

Parts are found by their headings first (the bootcamp template's "## Problem ##", the RFC
template's "## Public FAQ", and their aliases) and, where a writer uses no headings, by order and
content: the first heading or bold line is the headline, the first paragraph the summary, a body
paragraph dense with problem cues the problem, a quotation with "said X, Title" a quote, and so
on. Template prompts left in the draft are recognised and never count as content.

Everything here is data-driven: aliases and cue words live in ``wbl/data/parts.toml``. The result
is a frozen `Scorecard`; the engine stores its ``to_dict()`` in each file's report and the
structure rules read the rest.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from wbl.document import Document, Unit
from wbl.saferegex import compile_pattern
from wbl.textutil import phrase_pattern

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA_PACKAGE = "wbl.data"
DATA_FILE = "parts.toml"

# Every part the scorecard reports, in document order.
PR_PARTS = (
    "headline",
    "subheading",
    "dateline",
    "summary",
    "problem",
    "solution",
    "leader_quote",
    "call_to_action",
    "customer_quote",
)
FAQ_PARTS = ("faq", "external_faq", "internal_faq")
BEZOS_PARTS = ("big_idea", "should_we", "plan_to_succeed", "pre_mortem")
PARTS = PR_PARTS + FAQ_PARTS + BEZOS_PARTS

# What each part is called in messages.
LABELS = MappingProxyType(
    {
        "headline": "a headline",
        "subheading": "a subheading",
        "dateline": "a dateline",
        "summary": "a summary paragraph",
        "problem": "a problem paragraph",
        "solution": "a solution paragraph",
        "leader_quote": "a quote from a company leader",
        "call_to_action": "how to get started / a call to action",
        "customer_quote": "a customer quote",
        "faq": "an FAQ",
        "external_faq": "an external (customer) FAQ",
        "internal_faq": "an internal (stakeholder) FAQ",
        "big_idea": "whether it is big (customers, market size)",
        "should_we": "whether we should do it (fit, why us, why now)",
        "plan_to_succeed": "whether there is a plan to succeed (economics, dependencies)",
        "pre_mortem": "what would make it fail, and what then (a pre-mortem)",
    }
)

PROSE = ("paragraph", "list_item")
_QUESTION_LABEL = re.compile(r"^\s*Q\s*\d*\s*[:.)]\s*", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"^\s*A\s*\d*\s*[:.)]\s*", re.IGNORECASE)
_HEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|q\d*\s*[:.)])\s+", re.IGNORECASE)
_INLINE_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z /&-]{2,40}?)\s*:\s+\S")
_QUOTED = re.compile(r"[“\"](?P<q>[^”\"“]+)[”\"]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_EMPHASIS_LINE = re.compile(r"^\s*(?:\*\*|__|\*|_)(?=\S).*\S(?:\*\*|__|\*|_)\s*$")
_DASH = re.compile(r"\s*(?:—|–|--)\s*")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b|\b{_MONTH}\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_PLACEHOLDER_DATE = re.compile(
    rf"\[[^\]]*\bdate\b[^\]]*\]|\b{_MONTH}\s+(?:XX|DD|\?\?)\b|\bXX/XX|\b20XX\b|\bYYYY\b|\bdate\s*TBD\b|\bTBD\b",
    re.IGNORECASE,
)
_CITY = re.compile(r"^\(?[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3},\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?\)?")


# --- data -----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def data() -> Mapping[str, Any]:
    """The detector's cue words and aliases, read once."""
    text = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=64)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return phrase_pattern(phrases)


def cue_hits(text: str, phrases: Iterable[str]) -> list[str]:
    """The distinct listed phrases in `text` (lower case), in order of first appearance."""
    seen: dict[str, None] = {}
    for match in _pattern(tuple(phrases)).finditer(text):
        seen.setdefault(" ".join(match.group(0).lower().replace("’", "'").split()), None)
    return list(seen)


def normalise(text: str) -> str:
    """Lower case, Markdown and punctuation removed, spaces collapsed: for comparing headings and prompts."""
    text = text.replace("’", "'").lower()
    text = re.sub(r"[^a-z0-9&'?]+", " ", text)
    return " ".join(text.replace("'", "").split())


def heading_key(text: str) -> str:
    """A heading's text as aliases are written: numbering and trailing '#' or ':' removed."""
    text = _HEADING_NUMBER.sub("", text.strip().strip("#").strip())
    return normalise(text).replace("?", "").strip()


@lru_cache(maxsize=1)
def _aliases() -> tuple[tuple[str, str], ...]:
    pairs = []
    for part, names in data()["aliases"].items():
        for name in names:
            pairs.append((normalise(name), part))
    return tuple(pairs)


def alias_part(heading: str) -> str | None:
    """The press-release part a heading names ("Quote from You" -> leader_quote), or None."""
    key = heading_key(heading)
    if not key:
        return None
    for alias, part in _aliases():
        if key == alias:
            return part
    return _fuzzy_alias(key)


@lru_cache(maxsize=4096)
def _fuzzy_alias(key: str, threshold: float = 0.88) -> str | None:
    """The alias a heading matches with light edits (typos like "Quotfrom You"), or None."""
    best, best_ratio = None, 0.0
    for alias, part in _aliases():
        if len(alias) < 8:
            continue
        matcher = difflib.SequenceMatcher(None, key, alias)
        # Cheap upper bounds first; ratio() itself is quadratic.
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = part, ratio
    return best if best_ratio >= threshold else None


def is_title(text: str) -> bool:
    """A document or section title ("PR/FAQ: Ailly", "Press Release", "Project Name"), not a headline."""
    key = " ".join(text.strip().strip("#*_ ").split())
    if not key:
        return True
    return any(compile_pattern(p, re.IGNORECASE).search(key) for p in data()["titles"]["patterns"])


@lru_cache(maxsize=1)
def _metadata_labels() -> frozenset[str]:
    return frozenset(normalise(x) for x in data()["titles"]["metadata-labels"])


@lru_cache(maxsize=1)
def _prompts() -> tuple[tuple[str, str, frozenset[str]], ...]:
    return tuple((normalise(p), p, frozenset(normalise(p).split())) for p in data()["template"]["prompts"])


def template_prompt(sentence: str) -> str | None:
    """The template prompt (rubric §8.12) that `sentence` repeats, allowing light edits, or None."""
    key = normalise(sentence)
    if len(key) < 12:
        return None
    threshold = float(data()["template"]["similarity"])
    words = frozenset(key.split())
    for prompt_key, prompt, prompt_words in _prompts():
        if key == prompt_key or (len(prompt_key) >= 30 and key.startswith(prompt_key)):
            return prompt
        # A light edit keeps most words: skip the character-level comparison when half are different.
        if len(words & prompt_words) * 2 < len(words | prompt_words):
            continue
        matcher = difflib.SequenceMatcher(None, key, prompt_key)
        # Cheap upper bounds first: ratio() is quadratic and most sentences are nowhere near a prompt.
        if (
            matcher.real_quick_ratio() >= threshold
            and matcher.quick_ratio() >= threshold
            and matcher.ratio() >= threshold
        ):
            return prompt
    return None


_SENTENCE_END = re.compile(r"(?<!\bi\.e\.)(?<!\be\.g\.)(?<=[.!?])[\"”)]*(?=\s+\S)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans of `text`, white space trimmed (for template prompts; no NLP needed)."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    result = []
    for start, end in pairwise(bounds):
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            result.append((start + lead, start + len(chunk.rstrip())))
    return result


def dateline(text: str) -> str | None:
    """The dateline opening a paragraph ("SEATTLE, WA, March 3, 2027 —"), without its dash, or None."""
    window = text[:90]
    for sep in reversed(list(_DASH.finditer(window))):
        head = window[: sep.start()]
        if _CITY.match(head.strip()) or _DATE.search(head) or _PLACEHOLDER_DATE.search(head):
            return head
    return None


def has_date(text: str) -> bool:
    """True if `text` holds a real date or year (not a placeholder such as "Month XX")."""
    return _DATE.search(text) is not None and _PLACEHOLDER_DATE.search(text) is None


def typographic_words(unit: Unit) -> int:
    """Words as a reader counts them, separated by white space: how the scorecard measures parts."""
    return len(unit.text.split())


# --- values ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Part:
    """One PR/FAQ part: present or missing, where (1-based line) and how it was found."""

    name: str
    present: bool
    line: int | None = None
    unit: Unit | None = None
    via: str = ""  # "heading" (an alias heading's section), "content" (order and cue words)

    def to_dict(self) -> dict[str, Any]:
        return {"present": self.present, "line": self.line}


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in the press release, with its attribution when it has one.

    `start`/`end` delimit the quoted words in `unit.text`; `speaker` is "leader" or "customer".
    """

    unit: Unit
    start: int
    end: int
    speaker: str
    attribution: str = ""
    name: str | None = None
    role: str | None = None
    placeholder: bool = False
    line: int = 0

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Question:
    """An FAQ question, its answer units and which half of the FAQ it sits in."""

    unit: Unit
    text: str
    answer: tuple[Unit, ...]
    audience: str  # "external", "internal" or "faq" (an FAQ that is not split)
    line: int

    @property
    def answer_text(self) -> str:
        """The answer's words: the units under the question, or "A: ..." in the question's own paragraph."""
        parts = [_ANSWER_LABEL.sub("", u.text).strip() for u in self.answer]
        if not self.unit.is_heading:
            inline = re.search(r"\?\s*A\s*[:.)]\s*(.*)$", self.unit.text, re.DOTALL)
            if inline:
                parts.insert(0, inline.group(1).strip())
        return " ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Residue:
    """A template prompt left in the draft: `unit.text[start:end]` repeats `prompt`."""

    unit: Unit
    start: int
    end: int
    prompt: str


@dataclass(frozen=True, slots=True)
class Scorecard:
    """The shape of a PR/FAQ: every part, present or missing, with the line where it was found."""

    parts: Mapping[str, Part]
    pr_units: tuple[Unit, ...] = ()
    faq_units: tuple[Unit, ...] = ()
    quotes: tuple[Quote, ...] = ()
    questions: tuple[Question, ...] = ()
    residue: tuple[Residue, ...] = ()
    pr_words: int = 0  # words of the press release, template prompts left out
    faq_words: int = 0

    def __getitem__(self, name: str) -> Part:
        return self.parts[name]

    def present(self, name: str) -> bool:
        return self.parts[name].present

    def missing(self, names: Iterable[str]) -> list[str]:
        return [n for n in names if not self.parts[n].present]

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return {name: part.to_dict() for name, part in self.parts.items()}


# --- detection ------------------------------------------------------------------------------------


_LAST: list[tuple[Document, Scorecard]] = []


def scorecard(document: Document) -> Scorecard:
    """The document's PR/FAQ parts (computed once per document object; rules share it)."""
    cached = _LAST[0] if _LAST else None
    if cached is not None and cached[0] is document:
        return cached[1]
    result = _Detector(document).run()
    _LAST[:] = [(document, result)]
    return result


class _Detector:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.data = data()
        self.parts: dict[str, Part] = {}
        self.labels: set[int] = set()  # bold or italic label lines ("**Problem**") that act as headings

    # helpers
    def line(self, unit: Unit) -> int:
        return self.document.source.position(unit.start)[0]

    def found(self, name: str, unit: Unit, via: str, line: int | None = None) -> None:
        if name not in self.parts:
            self.parts[name] = Part(name, True, line if line is not None else self.line(unit), unit, via)

    def source_lines(self, unit: Unit) -> list[str]:
        """The unit's whole source lines, quote and list markers removed, blank lines dropped."""
        text = self.document.text
        start = text.rfind("\n", 0, unit.start) + 1
        end = text.find("\n", max(unit.start, unit.end - 1))
        lines = re.sub(r"<!--.*?-->", "", text[start : end if end >= 0 else len(text)], flags=re.DOTALL).splitlines()
        return [s for s in (re.sub(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?", "", ln).rstrip() for ln in lines) if s]

    # the run
    def run(self) -> Scorecard:
        units = self.document.units
        self.residue = self._residue(units)
        residue_units = {r.unit.index for r in self.residue}
        self.blank = {
            u.index for u in units if (u.index in residue_units and self._only_residue(u)) or not u.text.strip()
        }
        split = self._faq_start(units)
        pr, faq = units[:split], units[split:]
        sections = self._alias_sections(pr)
        self._by_heading(pr, sections)
        lead, body = self._lead_and_body(pr, sections)
        quotes = self._quotes(pr, sections)
        self._by_content(lead, body, quotes)
        questions = self._faq(faq)
        parts = {name: self.parts.get(name, Part(name, False)) for name in PARTS}
        return Scorecard(
            MappingProxyType(parts),
            tuple(pr),
            tuple(faq),
            tuple(quotes),
            tuple(questions),
            tuple(self.residue),
            self._words(pr),
            self._words(faq),
        )

    def _words(self, units: Sequence[Unit]) -> int:
        return sum(typographic_words(u) for u in units if u.index not in self.blank and not self._metadata(u))

    # template residue
    def _residue(self, units: Sequence[Unit]) -> list[Residue]:
        found = []
        titles = {normalise(t) for t in self.data["template"]["titles"]}
        for unit in units:
            if unit.is_heading and heading_key(unit.text) in titles:
                found.append(Residue(unit, 0, len(unit.text), unit.text.strip()))
                continue
            for start, end in split_sentences(unit.text):
                prompt = template_prompt(unit.text[start:end])
                if prompt:
                    found.append(Residue(unit, start, end, prompt))
        return found

    def _only_residue(self, unit: Unit) -> bool:
        covered = [(r.start, r.end) for r in self.residue if r.unit.index == unit.index]
        rest = unit.text
        for start, end in sorted(covered, reverse=True):
            rest = rest[:start] + rest[end:]
        return not re.search(r"\w", rest)

    # where the FAQ starts
    def is_label(self, unit: Unit) -> bool:
        """A heading, or a short paragraph that is one bold or italic line ("**Problem**")."""
        if unit.is_heading:
            return True
        if unit.kind != "paragraph" or len(unit.text.split()) > 8:
            return False
        lines = self.source_lines(unit)
        return len(lines) == 1 and _EMPHASIS_LINE.match(lines[0]) is not None

    def _is_faq_heading(self, unit: Unit) -> bool:
        return (
            self.is_label(unit)
            and not re.search(r"\bPR\s*[/&-]?\s*FAQ|\bPRFAQ", unit.text, re.IGNORECASE)
            and compile_pattern(self.data["faq"]["heading"], re.IGNORECASE).search(unit.text) is not None
            and alias_part(unit.text) is None
        )

    def is_question(self, unit: Unit) -> bool:
        text = unit.text.strip()
        if not text:
            return False
        if unit.is_heading:
            return text.endswith("?") or _QUESTION_LABEL.match(text) is not None
        if unit.kind != "paragraph":
            return False
        if _QUESTION_LABEL.match(text) and "?" in text:
            return True
        lines = self.source_lines(unit)
        return text.endswith("?") and bool(lines) and all(_EMPHASIS_LINE.match(ln) for ln in lines)

    def _faq_start(self, units: Sequence[Unit]) -> int:
        for i, unit in enumerate(units):
            if self._is_faq_heading(unit):
                return i
            if self.is_question(unit) and sum(1 for u in units[i + 1 :] if self.is_question(u)) >= 1:
                return i
        return len(units)

    # press release by headings
    def _alias_sections(self, pr: Sequence[Unit]) -> dict[int, str]:
        """unit index -> the part its enclosing alias heading names."""
        result: dict[int, str] = {}
        current: str | None = None
        for unit in pr:
            if self.is_label(unit):
                part = alias_part(unit.text)
                if unit.is_heading or part is not None:
                    current = part
                    if not unit.is_heading:
                        self.labels.add(unit.index)
                    continue
            inline = _INLINE_LABEL.match(unit.text) if unit.kind in PROSE else None
            if inline and alias_part(inline.group(1)) is not None:
                current = alias_part(inline.group(1))
            if current is not None:
                result[unit.index] = current
        return result

    def _by_heading(self, pr: Sequence[Unit], sections: Mapping[int, str]) -> None:
        for unit in pr:
            part = sections.get(unit.index)
            if part and unit.index not in self.blank and part not in self.parts:
                self.found(part, unit, "heading")

    # press release by order and content
    def _metadata(self, unit: Unit) -> bool:
        labels = _metadata_labels()
        lines = self.source_lines(unit)
        if not lines:
            return False
        for ln in lines:
            match = re.match(r"^\s*[*_]*([^:*_]{1,40})[*_]*\s*:", ln)
            label = f" {normalise(match.group(1))} " if match else ""
            if not any(f" {known} " in label for known in labels):
                return False
        return True

    def _lead_and_body(
        self, pr: Sequence[Unit], sections: Mapping[int, str]
    ) -> tuple[list[tuple[Unit, int]], list[Unit]]:
        """Title lines before the first body paragraph (headline, subheading), and the body paragraphs."""
        lead: list[tuple[Unit, int]] = []
        body: list[Unit] = []
        in_lead = True
        for unit in pr:
            if unit.index in self.blank or unit.index in self.labels or self._metadata(unit):
                continue
            if unit.is_heading:
                if alias_part(unit.text) is not None or is_title(unit.text):
                    if alias_part(unit.text) is not None:
                        in_lead = False
                    continue
                if in_lead and unit.quote_depth == 0:
                    lead.append((unit, self.line(unit)))
                continue
            if unit.kind not in PROSE or (
                unit.index in sections and sections[unit.index] in ("headline", "subheading")
            ):
                continue
            if in_lead and unit.kind == "paragraph":
                lines = self.source_lines(unit)
                if lines and all(_EMPHASIS_LINE.match(ln) for ln in lines):
                    if is_title(unit.text):
                        continue
                    first = self.line(unit)
                    for offset, ln in enumerate(lines[:2]):
                        if not is_title(ln):
                            lead.append((unit, first + offset))
                    continue
                words = len(unit.text.split())
                if lead and words <= 25 and not unit.text.rstrip().endswith((".", ":")):
                    lead.append((unit, self.line(unit)))
                    continue
            in_lead = False
            body.append(unit)
        return lead, body

    def _by_content(self, lead: list[tuple[Unit, int]], body: list[Unit], quotes: list[Quote]) -> None:
        cues = self.data["cues"]
        if lead:
            self.found("headline", lead[0][0], "content", lead[0][1])
        if len(lead) > 1:
            self.found("subheading", lead[1][0], "content", lead[1][1])
        quoted = {q.unit.index for q in quotes}
        prose = [u for u in body if u.index not in quoted]
        for q in quotes:
            self.found(f"{q.speaker}_quote", q.unit, "content", q.line)
        if not prose:
            return
        paragraphs = [u for u in prose if u.kind == "paragraph"]
        self.found("summary", (paragraphs or prose)[0], "content")
        summary = self.parts["summary"].unit
        assert summary is not None
        self._dateline(summary)
        problem_index = None
        for i, unit in enumerate(prose):
            hits = cue_hits(unit.text, cues["problem"])
            if len(hits) >= int(cues["problem-min"]):
                problem_index = i
                self.found("problem", unit, "content")
                break
        cta_index = None
        url = compile_pattern(cues["url-pattern"])
        for i in range(len(prose) - 1, max(-1, len(prose) - 3), -1):
            unit = prose[i]
            if i == 0 and len(prose) > 1:
                break
            if cue_hits(unit.text, cues["call_to_action"]) or url.search(unit.text) or unit.links:
                cta_index = i
                self.found("call_to_action", unit, "content")
                break
        start = problem_index + 1 if problem_index is not None else 1
        for i in range(start, len(prose)):
            if i == cta_index:
                continue
            self.found("solution", prose[i], "content")
            break

    def _dateline(self, unit: Unit) -> None:
        if dateline(unit.text) is not None:
            self.found("dateline", unit, "content")

    # quotes
    def _quotes(self, pr: Sequence[Unit], sections: Mapping[int, str]) -> list[Quote]:
        qd = self.data["quotes"]
        said = _pattern(tuple(qd["said-verbs"]))
        quotes: list[Quote] = []
        for unit in pr:
            if unit.kind not in PROSE or unit.index in self.blank or unit.index in self.labels:
                continue
            section = sections.get(unit.index)
            in_section = section in ("leader_quote", "customer_quote")
            spans = [m.span("q") for m in _QUOTED.finditer(unit.text)]
            attribution, attr_start = _attribution(unit.text, spans, said)
            starts_quoted = unit.text.lstrip()[:1] in ('"', "“")
            quoted_words = sum(len(unit.text[s:e].split()) for s, e in spans)
            if not (starts_quoted or in_section or (attribution and quoted_words >= 4)):
                continue  # a scare quote ('the "Oprah test" says…') is not a quotation
            if not spans and not in_section:
                continue
            if spans:
                start, end = spans[0][0], max(e for _, e in spans)
            else:
                stripped = unit.text.strip()
                start = unit.text.index(stripped[0]) if stripped else 0
                end = attr_start if attribution else start + len(stripped)
                end = len(unit.text[:end].rstrip(" —–-"))
            name, role, placeholder = _who(attribution, qd)
            if in_section:
                speaker = "leader" if section == "leader_quote" else "customer"
            else:
                speaker = _speaker(attribution, unit.text[start:end], qd, quotes)
            quotes.append(Quote(unit, start, end, speaker, attribution, name, role, placeholder, self.line(unit)))
        return quotes

    # FAQ
    def _faq(self, faq: Sequence[Unit]) -> list[Question]:
        fd = self.data["faq"]
        audience = "faq"
        questions: list[Question] = []
        current: tuple[Unit, str, int] | None = None
        answer: list[Unit] = []

        def close() -> None:
            if current is not None:
                unit, aud, line = current
                text = _QUESTION_LABEL.sub("", unit.text).strip()
                questions.append(Question(unit, text, tuple(answer), aud, line))

        for unit in faq:
            if self.is_label(unit) and not self.is_question(unit):
                close()
                current, answer = None, []
                if self._is_faq_heading(unit):
                    words = set(normalise(unit.text).split())
                    if words & set(fd["internal-words"]) and "external" not in words:
                        audience = "internal"
                        self.found("internal_faq", unit, "heading")
                    elif words & set(fd["external-words"]):
                        audience = "external"
                        self.found("external_faq", unit, "heading")
                    else:
                        audience = "faq"
                    self.found("faq", unit, "heading")
                continue
            if self.is_question(unit):
                close()
                current, answer = (unit, audience, self.line(unit)), []
                self.found("faq", unit, "content")
                continue
            if current is not None and unit.index not in self.blank:
                answer.append(unit)
        close()
        generic = [q for q in questions if q.audience == "faq"]
        if generic:
            internal = [q for q in generic if cue_hits(q.text, fd["internal-question-cues"])]
            external = [q for q in generic if q not in internal]
            if external:
                self.found("external_faq", external[0].unit, "content", external[0].line)
            if internal:
                self.found("internal_faq", internal[0].unit, "content", internal[0].line)
        internal_questions = [q for q in questions if q.audience == "internal"] or [
            q for q in generic if cue_hits(q.text, fd["internal-question-cues"])
        ]
        bezos = self.data["bezos"]
        for part in BEZOS_PARTS:
            for q in internal_questions:
                if cue_hits(q.text, bezos[part]):
                    self.found(part, q.unit, "content", q.line)
                    break
        return questions


def _attribution(text: str, spans: Sequence[tuple[int, int]], said: re.Pattern[str]) -> tuple[str, int]:
    """The words naming who speaks ("Dana Ruiz, General Manager of Shelfwise") and where they start."""
    outside = list(text)
    for start, end in spans:
        for i in range(max(0, start - 1), min(len(text), end + 1)):
            outside[i] = "\0"
    masked = "".join(outside)
    for match in said.finditer(masked):
        after = masked[match.end() :]
        stop = re.search(r"\0|\.\s|\.$|;|$", after)
        who = after[: stop.start() if stop else len(after)].strip(" ,:")
        if who:
            return who, match.end() + (len(after) - len(after.lstrip(" ,")))
        before = masked[: match.start()]
        cut = max(before.rfind("\0"), before.rfind(". "))
        who = before[cut + 1 :].strip(" ,:")
        if who:
            return who, cut + 1 + (len(before[cut + 1 :]) - len(before[cut + 1 :].lstrip(" ,")))
    dash = re.compile(r"(?:^|[\s\0])(?:—|–|--|-)\s*(?=[A-Z\[])([^\0\n]{2,120})$")
    tail = masked.rstrip()
    signed = dash.search(tail)
    if signed:
        return signed.group(1).strip(" ,."), signed.start(1)
    return "", len(text)


def _who(attribution: str, qd: Mapping[str, Any]) -> tuple[str | None, str | None, bool]:
    """(name, role, placeholder) from an attribution."""
    if not attribution:
        return None, None, False
    if re.search(r"\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\bX{2,}\b|_{3,}|\bTBD\b", attribution):
        return None, None, True
    openers = set(qd["anonymous-openers"])
    roles = list(qd["leader-roles"]) + list(qd["customer-roles"])
    first = attribution.split()[0].lower().strip(",")
    if first in openers:
        return None, attribution, False
    pieces = re.split(r"(,|\(|\s[—–-]\s)", attribution, maxsplit=1)
    head, tail = pieces[0], (pieces[2] if len(pieces) > 2 else "")
    name_words: list[str] = []
    rest_words: list[str] = []
    for word in head.split():
        clean = word.strip(".,")
        if not rest_words and clean[:1].isupper() and not cue_hits(clean, roles):
            name_words.append(clean)
        else:
            rest_words.append(word)
    name = " ".join(name_words) or None
    role_text = " ".join(rest_words + ([tail.strip(" ()")] if tail and tail.strip(" ()") else []))
    role = role_text.strip(" ,()") or None
    return name, role, False


def _speaker(attribution: str, quoted: str, qd: Mapping[str, Any], earlier: Sequence[Quote]) -> str:
    """'leader' or 'customer', from role words, then from order and voice."""
    if attribution:
        if cue_hits(attribution, qd["leader-roles"]):
            return "leader"
        if cue_hits(attribution, qd["customer-roles"]):
            return "customer"
    if any(q.speaker == "leader" for q in earlier):
        return "customer"
    first_person = re.search(r"\b(?:I|I'm|I've|my|me)\b", quoted) and not re.search(r"\b(?:we|our|us)\b", quoted, re.I)
    return "customer" if first_person else "leader"


__all__ = [
    "BEZOS_PARTS",
    "FAQ_PARTS",
    "LABELS",
    "PARTS",
    "PR_PARTS",
    "Part",
    "Question",
    "Quote",
    "Residue",
    "Scorecard",
    "cue_hits",
    "data",
    "dateline",
    "has_date",
    "scorecard",
    "template_prompt",
]
