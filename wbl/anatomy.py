"""The anatomy of a PR/FAQ: what kind of document this is, and where each part is.

Computed once per document, before any NLP, and carried on the `Document`: every rule, the
scorecard, the metrics, the HTML report and the language server read it; none re-detects a part.

How parts are found, in order of trust:

1. Structure. Headings and label lines ("**Problem**", "PRESS RELEASE", a run-in "**The problem.**")
   that name a part by one of its aliases (``wbl/data/anatomy.toml``); FAQ headings and the
   questions under them (Markdown headings, bold lines, ``Q:`` lines, with the answer on the next
   line or below).
2. Position and wording together, where a writer uses no labels: the lines before the first body
   paragraph are the headline and subheading; the first body paragraph is the summary (and opens
   with the dateline); the paragraph after it that states a difficulty is the problem; quotations
   with an attribution are quotes (leader or customer, from the attribution's role and the words
   quoted); the last paragraphs that say where to go or what it costs are the call to action.

Each part carries how it was found and how sure the anatomy is (`Part.confidence`), so that rules
can report a missing part only when the document is clear enough to be sure of it.

The unit of the anatomy is a `Segment`: a prose unit, or a line of one when a writer puts a
question and its answer, or a whole plain-text release, on consecutive lines of one paragraph.
"""

from __future__ import annotations

import copy
import difflib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import pairwise, takewhile
from types import MappingProxyType
from typing import Any

from wbl import derived
from wbl.markdown import FrontMatter, find_front_matter
from wbl.saferegex import compile_pattern
from wbl.textutil import (
    BULLETS,
    WEB_ADDRESS,
    not_english,
    phrase_pattern,
    remembered_for_short_texts,
    zipf_frequency,
)

DATA_FILE = "anatomy.toml"

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

# Document kinds. Rules say which kinds they judge; "other" (a README, a guide, a changelog) gets
# no PR/FAQ finding, and a "fragment" (a few sentences, as an editor or a test sends) gets only
# sentence-level ones.
KINDS = ("prfaq", "press_release", "faq", "fragment", "other")
PRFAQ_KINDS = ("prfaq", "press_release", "faq")

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

_Q_LABEL = re.compile(r"^\s*(?:Q(?:uestion)?\s*\d*\s*[:.)]|\d+[.)]\s*Q\s*[:.)])\s*", re.IGNORECASE)
_A_LABEL = re.compile(r"^\s*A(?:nswer)?\s*\d*\s*[:.)]\s*", re.IGNORECASE)
# A question label with nothing after it ("**Question:**", "Q:"): a template's empty slot.
_EMPTY_Q_LABEL = re.compile(r"[\s*_]*Q(?:uestion)?\s*\d*\s*[:.)][\s*_]*", re.IGNORECASE)
# The end of a question followed by its answer's label on the same line ("? A: ", "?** **A:**").
# A status tag after a bold question: "**EFAQ-01 · Who is it for? · ANSWERED.**", "**Is it safe? (open)**".
# The tag is a status in capitals after a middle dot or a bar, or a status word in parentheses;
# not a dash ("**Does it work offline? — Not yet.**" holds its answer) nor any aside ("**Why Pantry?
# (A note from our founder)**").
_QUESTION_TAG = re.compile(
    r"\?\s*(?:[·|•]\s*[A-Z]{3,}\b[\w ,'-]{0,30}"
    r"|\((?i:open|tbd|todo|answered|resolved|unresolved|blocked|blocker|pending|draft|done)\))\s*\.?$"
)


# Words a question opens with ("which", "do we", "can I"): what follows a label is asked, not said.
_ASKING = re.compile(
    r"[*_\s]*(?:what|which|who|whom|whose|when|where|why|how|do|does|did|is|are|was|were|can|could|should"
    r"|would|will|shall|may|might|must|have|has|had|am)\b",
    re.IGNORECASE,
)


def _ends_as_question(text: str) -> bool:
    """Whether a bold label is a question: it ends with "?", or with "?" and a short status tag."""
    text = text.rstrip(" *_")
    return text.endswith("?") or _QUESTION_TAG.search(text) is not None


# What may stand before a paragraph's first word: emphasis marks, and a bullet typed as a character.
_LEAD_MARKS = " *_" + "".join(sorted(BULLETS))
_INLINE_ANSWER = re.compile(r"\?[*_]*\s+(?=[*_]*A(?:nswer)?\s*[:.)]\s)")
# A heading's number: "3.", "2.1", "iv)", "b.", "Q3:", "Part 3:", "Section 2 —".
_HEADING_NUMBER = re.compile(
    r"^\s*(?:(?:part|section|chapter)\s+(?P<part>\d+|[ivx]+)\s*[:.)—–-]?|(?P<top>\d+)(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-h][.)]"
    r"|q\d*\s*[:.)])\s+",
    re.IGNORECASE,
)
# "Problem: ...", and in lower case only for a part's name of two words or more ("customer quote: ...").
_PLAIN_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z'’/&-]*(?:\s+[A-Za-z'’/&-]+){0,4})\s*:\s+(?=\S)")
_QUOTED = re.compile(r"[“\"](?P<q>[^”\"“]{2,})[”\"]")


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations in a paragraph. A name in quotation marks beside a quotation
    ('Christopher Boyd, founding developer of "Team Player," has stated that "..."') is part of
    the attribution: a quoted run of one to three capitalised words is dropped when a longer
    quotation is there, unless a colon brings it in ('he said one word: "Remittances"')."""
    spans = [m.span("q") for m in _QUOTED.finditer(text)]
    if len(spans) > 1 and any(len(text[s:e].split()) > 3 for s, e in spans):
        spans = [(s, e) for s, e in spans if not _quoted_name(text, s, e)]
    return spans


def _quoted_name(text: str, start: int, end: int) -> bool:
    words = text[start:end].split()
    return (
        len(words) <= 3 and all(w[:1].isupper() for w in words) and not text[: max(0, start - 1)].rstrip().endswith(":")
    )


_OPEN_QUOTE = ('"', "“", "„", "«")
_CLOSE_QUOTES = ('"', "”", "»")
# The dash that signs a quotation ("— Sam Ortiz", "-Robin", "~ JD").
_SIGN_DASH = r"(?:—|–|--|-|~)"
# Where a signer's words start: a capital, a placeholder, a handle ("— @LoreSeeker42"), a user
# name in lower case before a role ("— ifuensan, Creator"), a role after "a" ("— a customer", "—
# an early tester") or after a word that makes it one of the product's users ("— early user", "—
# beta tester").
_SIGNER = (
    r"(?:[A-Z\[⟨〈{]|@\w{2,}|[a-z0-9][\w.-]{1,38},\s*[A-Z]|(?:a|an)\s+[a-z]"
    r"|(?:early|beta|pilot|happy|loyal)\s+[a-z]|the\s+[a-z]+$)"
)
# A signature ending a paragraph's last line ("-Matthew Goldwater" under a block-quoted quotation).
_SIGNATURE = re.compile(rf"{_SIGN_DASH}\s*[*_]*{_SIGNER}[^\n]{{0,120}}$")


def _signature_line(text: str, breaks: Sequence[int]) -> int | None:
    """Where a paragraph's last line starts when that line is a signature ("-Matthew Goldwater",
    "— Ana Ruiz, nurse"), or None."""
    last = max((b for b in breaks if 0 < b < len(text)), default=None)
    if last is None:
        return None
    line = text[last:].lstrip()
    return len(text) - len(line) if _SIGNATURE.match(line) else None


# A speaker's name, and maybe a role, leading a line with a colon ("Raj Patel, a nurse in York: ...").
_SPEAKER_LEAD = re.compile(r"^[*_]*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}[*_]*(?:,[^:\n]{1,80})?:\s")
# A line that is a signature alone ("— **Ana Ruiz**, nurse"): an attribution, never a quotation.
_SIGNATURE_LINE = re.compile(rf"^\s*[*_]*(?:—|–|--)\s*[*_]*(?={_SIGNER})[^\"“”]{{1,121}}$")
# A line quoted in single marks and signed with a dash ("'It is great.' - Robin"): apostrophes
# make single marks ambiguous inside prose, so only this whole-line shape counts.
_SINGLE_QUOTED_SIGNED = re.compile(rf"^\s*[*_]*['‘](?P<q>[^\n]{{10,}}?)['’][*_]*\s*{_SIGN_DASH}\s*[A-Z][^\n]{{0,80}}$")
_DASH = re.compile(r"\s*(?:—|–|--|-)\s*")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A date with its month: "March 3, 2027", "3 March 2027", "July 2022".
_MONTH_DATES = (
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}\b|\b{_MONTH},?\s+\d{{4}}\b"
)
_NUMERIC_DATES = r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}-[A-Za-z]{3}-\d{4}\b"
_DATE = re.compile(_MONTH_DATES + "|" + _NUMERIC_DATES + r"|\b(?:19|20)\d{2}\b", re.IGNORECASE)
_FULL_DATE = re.compile(_MONTH_DATES + "|" + _NUMERIC_DATES, re.IGNORECASE)  # a date with its month
# A date with its month opening the release's first sentence, after a preposition ("On December
# 11, 2021, ...", "In July 2022, ...", "At COP27 in November 2022, ...").
_MONTH_DATE = re.compile(_MONTH_DATES, re.IGNORECASE)
_DATE_LEAD_IN = re.compile(r"[*_]*(?:on|in|as of|today,?|at [^,.\n]{1,30}? in)\s+", re.IGNORECASE)
_PLACEHOLDER_DATE_HEAD = re.compile(
    rf"[\[⟨〈][^\]⟩〉\n]{{0,60}}\bdate\b[^\]⟩〉\n]{{0,60}}[\]⟩〉]|\b(?:{_MONTH}|Month)\s+(?:XX|DD|Day|\?\?|X)\b|\bXX/XX|\b20XX\b|\bYYYY\b|\bdate\s*TBD\b",
    re.IGNORECASE,
)
_PLACEHOLDER_DATE = re.compile(
    rf"[\[⟨〈][^\]⟩〉\n]{{0,60}}\bdate\b[^\]⟩〉\n]{{0,60}}[\]⟩〉]|\b(?:{_MONTH}|Month)\s+(?:XX|DD|Day|\?\?|X)\b|\bXX/XX|\b20XX\b|\bYYYY\b|\bdate\s*TBD\b|\bTBD\b",
    re.IGNORECASE,
)
_CITY = re.compile(
    r"^\(?\[?(?:[A-Z][A-Za-z.'’-]*|[A-Z]{2,})(?:\s+(?:[A-Z][A-Za-z.'’-]*|[A-Z]{2,}|of|de|la)){0,3}"
    r"(?:\s*,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]+)?){0,2}\]?\)?"
)
# A slot in angle brackets or braces, as some templates write them ("⟨Date⟩", "⟨publication
# month⟩", "{Founder name}"; not LaTeX's "\text{Margin}", nor "{{name}}" or "${hours}", which are
# other slots): one that opens with a capital or names what goes in it; not "⟨u, v⟩" (an inner
# product) or "in ⟨angle brackets⟩" (the author saying how slots are written).
ANGLE_SLOT = (
    r"(?:[⟨〈]|(?<![{\\\w@$])\{(?!\{))(?:(?-i:[A-Z])|[^⟨〈⟩〉{}\n]{0,40}?\b(?i:names?|titles?|dates?|month|year|url|links?|company|"
    r"organi[sz]ation|customers?|products?|city|state|location|insert|placeholder|price|logo|author|tbd|"
    r"e-?mail|phone|quote|spokesperson|number|amount|figure)\b)[^⟨〈⟩〉{}\n]{0,60}(?:[⟩〉]|\}(?!\}))"
)
_PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,60}\]|"
    + ANGLE_SLOT
    + r"|\{[A-Z_]{2,}\}|<[A-Za-z][^>\n]{0,40}>|\bX{3,}\b|\$X+\b|_{3,}|\bTBD\b|\bTODO\b|\bWHO\?|@x{3,}",
    re.IGNORECASE,
)
_UNANSWERED = re.compile(
    r"^\W*(?:TBD|TODO|tbc|n/?a|to be (?:determined|decided|defined|confirmed|written)|coming soon|\?+|\.\.\.|…|"
    r"\(?to be determined[^)]*\)?)\W*$",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?", ":", ";", '"', "”", ")", "]", "’", "'")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&.+-]*")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|my|me|mine)\b")
_COMMAND = re.compile(
    r"^\s*(?:```\w*\s*)?(?:\$\s*)?(?:npm|npx|pip|pipx|brew|cargo|go|git|docker|curl|wget|yarn|pnpm|apt|apt-get|"
    r"uv|poetry|cdk|cdk8s|kubectl|helm|make|python3?|node)\s",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WE = re.compile(r"\b(?:we|our|us|we're|we’re|we've|we’ve)\b", re.IGNORECASE)


# --- data -----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def data() -> Mapping[str, Any]:
    """The anatomy's aliases and cue words, read once from ``wbl/data/anatomy.toml``."""
    text = resources.files("wbl").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return MappingProxyType(derived.toml(text))


@lru_cache(maxsize=128)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return phrase_pattern(phrases)


# Cue hits, rough sentences, template prompts and the other scans of a text below are remembered
# for short texts (`remembered_for_short_texts`): the language server builds the anatomy of the
# whole document again after each edit, and all but the edited paragraph are texts it has scanned.


def cue_hits(text: str, phrases: Iterable[str]) -> list[str]:
    """The distinct listed phrases in `text` (lower case), in order of first appearance."""
    return list(_find_cues(text, _pattern(tuple(phrases))))


@remembered_for_short_texts
def _find_cues(text: str, pattern: re.Pattern[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for match in pattern.finditer(text):
        seen.setdefault(" ".join(match.group(0).lower().replace("’", "'").split()), None)
    return tuple(seen)


def normalise(text: str) -> str:
    """Lower case, Markdown and punctuation removed, spaces collapsed: for comparing headings and prompts."""
    text = text.replace("’", "'").lower()
    text = re.sub(r"[^a-z0-9&'?/]+", " ", text)
    return " ".join(text.replace("'", "").split())


def heading_key(text: str) -> str:
    """A heading's text as aliases are written: numbering, emoji and trailing '#', ':' or '?' removed."""
    text = _HEADING_NUMBER.sub("", re.sub(r"^[^\w\[(]+", "", text.strip().strip("#").strip()))
    return normalise(text).replace("?", "").replace("/", " ").strip()


@lru_cache(maxsize=1)
def _aliases() -> tuple[tuple[str, str], ...]:
    return tuple((normalise(name), part) for part, names in data()["aliases"].items() for name in names)


@lru_cache(maxsize=1)
def _exact_aliases() -> frozenset[str]:
    return frozenset(alias for alias, _ in _aliases())


class _ExactAliases:
    """Membership in the aliases as written (not by a keyword or a light typo)."""

    def __contains__(self, key: object) -> bool:
        return key in _exact_aliases()


_EXACT = _ExactAliases()


_LAUNCH_LABEL = re.compile(r"(?:introducing|meet)\s+\S", re.IGNORECASE)


# The nouns a closing section's heading may end in ("Closing Thoughts", "Closing Remarks").
_CLOSING_NOUNS = frozenset(
    (
        "thoughts",
        "remarks",
        "statement",
        "note",
        "notes",
        "words",
        "call",
        "summary",
        "paragraph",
        "section",
        "cta",
        "message",
        "pitch",
        "lines",
    )
)


@lru_cache(maxsize=4096)
def alias_part(heading: str) -> str | None:
    """The press-release part a heading names ("Quote from You" -> leader_quote), or None."""
    key = heading_key(heading)
    if not key:
        return None
    # "Problem Statement: The Information Asymmetry in Global Offsets": a body part's label, then
    # a title of its own however long. ("Headline: ..." is the headline itself, not a label.)
    label, colon, title = heading.partition(":")
    if colon and len(title.split()) >= 4 and _LAUNCH_LABEL.match(label.strip(" *_#")):
        return None  # "Introducing KickPool: The World Cup Tracker That Makes Every Game Personal": a headline
    if colon and title.strip() and label.strip() and len(label.split()) <= 3:
        named = alias_part(label)
        if named in _BODY_PARTS:
            return named
    if len(key) > 60:
        return None
    for alias, part in _aliases():
        if key == alias:
            return part
    owned = _OWNED.match(key)  # "Our Company Quote", "Your Solution": the part's name after a possessive
    if owned is not None and owned.group(1) in _EXACT:
        return alias_part(owned.group(1))
    # "The Problem: Every Second Counts" names the problem; so does "Problem & Solution" (first wins).
    for alias, part in _aliases():
        prefixed = key.startswith(alias + " ") or key.startswith("the " + alias + " ")
        if len(alias) >= 5 and prefixed and part in _BODY_PARTS:
            # "Closing" before anything but a closing's own noun is a verb or an adjective:
            # "Closing the Loop", "Closing Line Value (CLV) Tracking" name no part.
            if alias == "closing" and key.split()[key.split().index("closing") + 1] not in _CLOSING_NOUNS:
                continue
            return part
    # "Quote from the Glitch Team", "Quote from the Maker": the launching side's voice; "Quote from
    # a happy user": a customer's; "Quote from Jane Ortiz": a quote whose attribution decides.
    speaker = _QUOTE_FROM.match(key)
    if speaker is not None:
        if cue_hits(speaker.group(1), _CUSTOMERS_BY_NAME):
            return "customer_quote"
        return "leader_quote" if cue_hits(speaker.group(1), data()["quote-heading-speakers"]["leader"]) else "quote"
    # "What Developers Are Saying", "What People Say": voices from outside, the customers' unless
    # the heading names the launching side ("What We Have to Say") or the press ("What Analysts Say").
    voices = _VOICES.fullmatch(key)
    if voices is not None:
        speakers, lists = voices.group(1), data()["quote-heading-speakers"]
        if cue_hits(speakers, lists["voices-leader"]):
            return "leader_quote"
        last = speakers.rsplit(None, 1)[-1]
        if last in ("people", "folks") or (last.endswith("s") and not last.endswith("ss")):  # people, not "the system"
            return "quote" if cue_hits(speakers, lists["voices-press"]) else "customer_quote"
    fuzzy = _fuzzy_alias(key)
    if fuzzy is not None or len(key.split()) > 6:
        return fuzzy
    # A keyword inside a hyphenated word is part of a name or a modifier ("ng-Challenge",
    # "Pain-Free Scheduling"), not the part's name.
    unhyphenated = heading_key(re.sub(r"(?<=\w)-(?=\w)", "", heading))
    for part, words in data()["alias-keywords"].items():
        if cue_hits(unhyphenated, words):
            return str(part)
    return None


# Parts whose name a heading may open with, its own title after it ("The Problem: Every Second Counts").
_BODY_PARTS = frozenset(("problem", "solution", "customer_quote", "leader_quote", "call_to_action"))
_QUOTE_FROM = re.compile(r"(?:a |the )?(?:quotes?|message|note|word|words) (?:from|by) (.+)")
_OWNED = re.compile(r"(?:our|your|my|their) (.+)")
_VOICES = re.compile(
    r"what (?!if |does |do |did )((?:\S+ ){0,3}?\S+) (?:are |is |have to |had to )?"
    r"(?:saying|say|says|said|think|thinks)(?: about .{1,30})?"
)


def _first_word(text: str) -> str:
    """The first word of a text, lower case, without punctuation or emphasis around it ("let's")."""
    words = re.sub(r"^[^\w']+", "", text.replace("’", "'")).split(None, 1)
    return words[0].lower().strip(".,:;!*_") if words else ""


def _is_boilerplate(line: _Line) -> bool:
    """A heading or label over a press release's boilerplate: "About Acme", "Media Contact"."""
    return _names_boilerplate(line.label_text)


def _names_boilerplate(label: str) -> bool:
    key = heading_key(label)
    back = data()["back-matter"]
    return key in {normalise(h) for h in back["boilerplate"]} or any(
        key.startswith(normalise(p) + " ") for p in back["boilerplate-prefixes"]
    )


# A contact's fields: short keys, each with at most a few words of value ("GitHub: <url>", "Phone:
# +1 555 0100"), no sentence.
_CONTACT_FIELDS = re.compile(r"(?:[\w .'’()&/-]{1,30}:[ \t]*(?:[^\s:]+[ \t]*){0,4}\s*)+")


def _is_contact(line: _Line) -> bool:
    """A heading or label over a release's media contact: "Contact", "Media Contact"."""
    return "contact" in heading_key(line.label_text).split() and _is_boilerplate(line)


# A signer's name set apart on its own line: a placeholder, or one to four capitalised words
# ("Amadeus Norén", "Dr. Ana de la Cruz").
_SET_APART_NAME = re.compile(
    r"\[[^\]]{1,40}\]|[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|de|la|van|der|von|da|dos|du|di|del|le|bin|al)){1,4}"
)
# Words of a sentence, not of a signature: "Maria Lopez, a nurse, tried it."
_SENTENCE_WORDS = frozenset(
    "it them this that these those i me my we us our can will is are was were has have had today now".split()
)
# Participles a role may hold ("a registered nurse"); any other "-ed" word is a sentence's verb.
_ROLE_PARTICIPLES = frozenset(("registered", "licensed", "retired", "certified", "qualified", "based", "founded"))
# Job titles a signature's role may hold without a role the quote lexicon lists ("Cloud Development Manager").
_TITLE_WORDS = re.compile(
    r"\b(?:manager|director|officer|engineer|head|lead|specialist|coordinator|advocate|editor)\b", re.I
)


# "About this launch", "About the pilot": a section of the release, not who the company is.
_ABOUT_A_SECTION = re.compile(
    r"^\W*about\s+(?:the|this|these|that|those|a|an|our|my|your|its|how|why|what)\b"
    r"(?!\s+(?:company|team|founders?|organi[sz]ation|firm|studio|lab|group|authors?|makers?|developers?|creators?"
    r"|publishers?)\b)",
    re.I,
)


def _about_something_else(label: str) -> bool:
    """An "About ..." heading over a section of the release ("About the pilot"), not over the
    company's boilerplate ("About Acme", "About us", "About the company", "About our team")."""
    return _ABOUT_A_SECTION.match(label) is not None


# "# # #" is read as a heading holding "#" or "# #".
# "END" alone only in capitals: "### End" may head a date ("### Start", "### End").
_END_MARK = re.compile(r"#(?:\s*#)*|[-–—]\s*30\s*[-–—]|[-–—]\s*end\s*[-–—]|ends|(?-i:END)", re.IGNORECASE)


_BARE_END_MARK = re.compile(r"^[ \t]{0,3}#[ \t]*#[ \t]*#[ \t]*$", re.MULTILINE)


def _is_end_mark(text: str) -> bool:
    """The mark that ends a press release: "###", "# # #", "-30-", "- END -", "ENDS", "**END**"."""
    return _END_MARK.fullmatch(text.strip(" *_\\")) is not None


@lru_cache(maxsize=4096)
def is_back_matter(heading: str) -> bool:
    """A heading over a document's sources, notes or appendices ("References", "Appendix B: Survey")."""
    key = heading_key(heading)
    back = data()["back-matter"]
    # A note in brackets after the heading's words: "Email pitch template (per-outlet, 150 words)".
    bare = heading_key(re.sub(r"\s*\([^()]*\)\s*$", "", heading.strip()))
    return (
        key in {normalise(h) for h in back["headings"]}
        or bare in {normalise(h) for h in back["headings"]}
        or any(key.startswith(normalise(p) + " ") for p in back["prefixes"])
        or any(key.endswith(" " + normalise(s)) for s in back["suffixes"])
        # "Stage 4 — Coaching Notes (internal, not part of the PRFAQ proper)": the words before a
        # remark in brackets; not a heading that names the FAQ ("Customer FAQ with coaching notes (v2)").
        or (
            (
                any(bare.startswith(normalise(p) + " ") for p in back["prefixes"])
                or any(bare.endswith(" " + normalise(s)) for s in back["suffixes"])
            )
            and re.search(r"\bfaqs?\b|\bquestions?\b", bare) is None
        )
        or (
            any(f" {normalise(m)} " in f" {key} " for m in back.get("markers", ()))
            and re.search(r"\bfaqs?\b|\bquestions?\b|\bembargo", key) is None
        )
        or is_open_questions(heading)
    )


def is_open_questions(heading: str) -> bool:
    """A heading or label over questions the author leaves open ("Open Questions for the PRD")."""
    key = heading_key(heading)
    if re.search(r"\banswers?\b|\bfaqs?\b", key):
        return False  # "Open Questions & Answers": an FAQ by another name
    keys = [normalise(k) for k in data()["back-matter"]["open-questions"]]
    return any(key == k or key.startswith(k + " ") for k in keys)


@lru_cache(maxsize=1)
def _alias_matchers() -> tuple[tuple[str, str, difflib.SequenceMatcher[str]], ...]:
    """A matcher per alias long enough to match fuzzily, with the alias as its second sequence
    (the one SequenceMatcher indexes, so the index is built once)."""
    return tuple(
        (alias, part, difflib.SequenceMatcher(None, "", alias)) for alias, part in _aliases() if len(alias) >= 8
    )


def _fuzzy_alias(key: str, threshold: float = 0.88) -> str | None:
    """The alias a heading matches with light edits (typos like "Quotfrom You"), or None."""
    best, best_ratio = None, 0.0
    for alias, part, indexed in _alias_matchers():
        if 2 * min(len(key), len(alias)) / (len(key) + len(alias)) < threshold:
            continue  # SequenceMatcher's real_quick_ratio, without setting it up
        matcher = copy.copy(indexed)  # shares the alias's index (read only); threads may call this at once
        matcher.set_seq1(key)
        if matcher.quick_ratio() < threshold:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = part, ratio
    return best if best_ratio >= threshold else None


@lru_cache(maxsize=4096)
def is_title(text: str) -> bool:
    """A document or section title ("PR/FAQ: Ailly", "Press Release", "Project Name"), not a headline."""
    key = title_key(text)
    if not key:
        return True
    if len(key.split()) >= 6 and _LAUNCH_VERB.search(key):
        return False  # "FakeCo Launches PR-FAQ Validator, Reducing ...": a headline that names the genre
    if _SECTION_NUMBER.match(key) and _MARKER.match(key) and not (_MARKER.match(key).group("rest") or "").strip():
        return True  # "Part 1 — Press Release": the release's section, numbered
    if names_the_genre(key) and len(_TITLE_REMARK.sub("", _GENRE_TITLE.sub("", key)).split()) <= 4:
        # "Kairos -- Press Release (Amazon Format)": the document's name and its genre; not "Press
        # Release: WordPress Hosting Made Easy for Small Agencies", a headline under the genre's name.
        return True
    return any(compile_pattern(p, re.IGNORECASE).search(key) for p in data()["titles"]["patterns"])


_SECTION_NUMBER = re.compile(r"(?:part|section)\s+(?:\d+|[ivx]+)\b|\d{1,2}[.)]\s", re.IGNORECASE)


_LAUNCH_VERB = re.compile(
    r"\b(?:launch(?:es|ed)?|announc(?:es|ed)|introduc(?:es|ed)|unveil(?:s|ed)|debuts|releases)\b", re.IGNORECASE
)


_DECORATION = re.compile(
    r"^[^\w\[(\"“]+|\s*\((?:pr|draft|v?\d[^)]*|written [^)]*|from the future|wip|internal)\)\s*$", re.I
)


def title_key(text: str) -> str:
    """A title without Markdown, leading emoji or symbols, and a closing "(draft)" or "(PR)"."""
    key = " ".join(text.strip().strip("#*_ ").split())
    previous = None
    while previous != key:
        previous, key = key, _DECORATION.sub("", key).strip()
    return key


@lru_cache(maxsize=1)
def _metadata_labels() -> frozenset[str]:
    return frozenset(normalise(x) for x in data()["titles"]["metadata-labels"])


@lru_cache(maxsize=1)
def _prompts() -> tuple[tuple[str, str, frozenset[str]], ...]:
    return tuple((normalise(p), p, frozenset(normalise(p).split())) for p in data()["template"]["prompts"])


@remembered_for_short_texts
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
        if len(words & prompt_words) * 2 < len(words | prompt_words):
            continue
        matcher = difflib.SequenceMatcher(None, key, prompt_key)
        if (
            matcher.real_quick_ratio() >= threshold
            and matcher.quick_ratio() >= threshold
            and matcher.ratio() >= threshold
        ):
            return prompt
    return None


_SENTENCE_END = re.compile(r"(?<!\bi\.e\.)(?<!\be\.g\.)(?<=[.!?])[\"”)]*(?=\s+\S)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans of `text`, white space trimmed (no NLP needed)."""
    return list(_split_sentences(text))


@remembered_for_short_texts
def _split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    result = []
    for start, end in pairwise(bounds):
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            result.append((start + lead, start + len(chunk.rstrip())))
    return tuple(result)


@remembered_for_short_texts
def placeholder_count(text: str) -> int:
    """How many placeholders (`_PLACEHOLDER`) `text` holds; remembered for short texts, as the
    document's score counts them in every segment after each edit."""
    return len(_slots(text))


def _slots(text: str) -> list[re.Match[str]]:
    """The placeholders of `text`: `_PLACEHOLDER`'s matches, but not a real date in brackets, as
    some releases set their dateline ("[Fargo, ND – March 13, 2026]")."""
    return [m for m in _PLACEHOLDER.finditer(text) if not _bracketed_date(m.group(0))]


def _bracketed_date(slot: str) -> bool:
    """A real date in brackets, alone or after a real place ("[Fargo, ND – March 13, 2026]"); not a
    slot that mentions a date ("[Insert launch date, e.g. June 1, 2026]", "[City, State – June 2026]")."""
    content = slot[1:-1]
    date = _MONTH_DATE.search(content) if slot.startswith("[") else None
    if date is None or _PLACEHOLDER_DATE.search(content) or content[date.end() :].strip(" .,"):
        return False
    place = content[: date.start()].strip(" ,—–-")
    return not place or (_looks_like_place(place) and not _SLOT_WORD.search(place))


# Words of a template's slot: "[City, State]", "[Your City]", "[Insert ...]", "[e.g. ...]".
_SLOT_WORD = re.compile(r"\b(?:city|state|country|location|place|your|insert|e\.g|todo|tbd|confirm)\b", re.I)


def dateline(text: str) -> str | None:
    """The dateline opening a paragraph ("SEATTLE, WA, March 3, 2027 —"), without its dash, or None."""
    span = dateline_span(text)
    return text[span[0] : span[1]] if span else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where a dateline opens `text`, or None: a place and/or a date, or their placeholders,
    closed by a dash, a colon or a full stop ("SEATTLE, WA — March 3, 2027 —", "**BENGALURU:**",
    "PALO ALTO, Calif., April 30, 2026.", "[CITY, STATE] – [DATE] –", "Bangkok — Today, ...")."""
    window = text[:160]
    lead = len(window) - len(window.lstrip(" *_(\"'"))
    bold = _BOLD_HEAD.match(window)
    after_bold = window[bold.end() :].lstrip(" (") if bold else ""
    colon = bold is not None and (bold.group(2).rstrip().endswith(":") or after_bold.startswith(":"))
    if bold and _is_dateline_head(bold.group(2).strip(" ,.:—–-"), ":" if colon else "—", after_bold):
        # "**LONDON — September 25, 2026** (an aside) — Today, ...": the bold run is the dateline.
        return bold.start(2), bold.start(2) + len(bold.group(2).rstrip(" ,.:—–-"))
    # The last separator that still closes a dateline: "SEATTLE, WA — March 3, 2027 — Today" ends at the second.
    for sep in reversed(list(_DATELINE_END.finditer(window))):
        head = window[lead : sep.start()].strip(" *_")
        if not head or len(head.split()) > 14 or _SENTENCE_IN_HEAD.search(head):
            continue  # too long, or a sentence ends inside it ("... against GitHub Releases. Free, ...")
        after = window[sep.end() :].lstrip(" *_")
        separator = sep.group(0).strip(" *_")
        if "\n" in head and (separator.startswith(":") or _FIELD_LINE.search(head)):
            continue  # "Date: 2026-10-06\nPhase: ...": a header's fields, the next label no place
        if _is_dateline_head(head, separator, after):
            return lead, lead + len(window[lead : sep.start()].rstrip(" *_"))
    # A place, a dash and a date, then when the release may go out and nothing else ("Singapore -
    # Mar 6 2017 to be released 9am London Time / 5pm SGT").
    timed = _DATE_THEN_TIME.match(window, lead)
    if timed is not None and _looks_like_place(timed.group("place")) and _release_time(timed.group("note")):
        return lead, timed.end("date")
    return None


# A full stop after a word, then a capitalised word and, before the separator, a word in lower
# case: a sentence's end and the next sentence's prose ("... against GitHub Releases. Free, no
# infrastructure to host, and —"), not an abbreviation, a run-in label or a state before a date
# ("Calif., April 30", "**Summary.** SAN FRANCISCO, CA", "Seattle, Washington. March 3, 2026").
_SENTENCE_IN_HEAD = re.compile(r"[a-z]{2}[.!?]\s+[A-Z][^.!?]*?\b[a-z]{3,}\b")
_DATE_THEN_TIME = re.compile(
    rf"(?P<place>[^\n\d]{{2,40}}?)\s+(?:-|—|–|--)\s+(?P<date>{_MONTH_DATES})(?P<note>[^\n]*)$", re.IGNORECASE
)
# When a release may go out: embargo words or a time of day, a few words, no sentence.
_RELEASE_NOTE = re.compile(
    r"\(?\s*(?:(?:to be |for )?releas(?:e|ed)|embargo(?:ed)?|under embargo|not for release|publish(?:ed)?)\b",
    re.IGNORECASE,
)


def _release_time(note: str) -> bool:
    """Whether the words after a dateline's date say when the release may go out ("to be released
    9am London Time", "(embargoed until 10:00 GMT)") and nothing more."""
    note = note.strip(" *_,.;()")
    return (
        bool(note)
        and len(note.split()) <= 14
        and _RELEASE_NOTE.match(note) is not None
        and _CLOCK.search(note) is not None
        and re.search(r"[.!?]\s+\w", note) is None
    )


_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b|[ap]m\b)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)


# A line of a header's fields after a line break: "\nPhase: ...", "\n**Status:** ...".
_FIELD_LINE = re.compile(r"\n[ *_]*[A-Z][\w /&-]{0,30}[*_]*:")


def _bold_dateline(segment: Segment) -> tuple[int, int] | None:
    """A place set in bold or italics and no dash after it ("**New Orleans, LA** Today, ...",
    "**SEATTLE** Acme today announced", "_Cambridge, MA_. A group ..."): the emphasised run is the
    dateline when it is "City, ST" closed by a full stop or a dash, or when a launch follows.
    Markup is gone from the text; the unit's emphasis spans say where the bold run was."""
    text = segment.text
    lead = len(text) - len(text.lstrip())
    for start, end in segment.unit.emphasis:
        if start - segment.start == lead and end > start:
            head = text[lead : end - segment.start].strip(" ,.:")
            after = text[end - segment.start :].lstrip(" ,.:")
            # "City, ST" or a city in capitals: a product's name in bold opens launches too, so a
            # city alone needs a launch after it; "City, ST" set apart at the opening is the place
            # and closed by a full stop or a dash ("_Cambridge, MA_. A dynamic group ...").
            # (A date alone in italics is a blog post's byline: the fallback below judges it.)
            closed = text[end - segment.start :].lstrip()[:1] in (".", ":", "—", "–", "-")
            set_apart = "," in head and _DATE.search(head) is None and closed and bool(after)
            place = "," in head or head.isupper()
            if place and _is_dateline_head(head, "—", after) and (set_apart or _TODAY.match(after)):
                return lead, lead + len(head)
    return None


def dateline_place(text: str) -> tuple[int, int] | None:
    """Where the place of a dateline opening `text` is: the dateline up to its date ("DENVER,
    Colo." of "DENVER, Colo. -- March 3, 2027 --"), or None."""
    span = dateline_span(text)
    if span is None:
        return None
    date = _DATE.search(text, span[0], span[1])
    return span[0], date.start() if date else span[1]


_BOLD_HEAD = re.compile(r"^\s*(\*\*|__)([^*_\n]{3,80}?)\1")
# Parts that are one line: a run-in label naming one ("**Tagline:** ...") covers its own paragraph only.
_ONE_LINE_PARTS = frozenset(["headline", "subheading", "dateline", "summary"])
# What closes a dateline: a dash with spaces (or an em/en dash), a colon, or a full stop.
_DATELINE_END = re.compile(r"\s+-\s+|\s*(?:—|–|--)\s*|:\**\s+|\.\**\s+")
# Words after a dash that follows the date: the release's first sentence, past the dateline.
_CLAUSE_AFTER_DATE = re.compile(r"(?:\s+-|—|–|--)\s*\w")
_PLACEHOLDER_PLACE = re.compile(
    r"[\[⟨〈][^\]⟩〉]*\b(?:city|state|location|date|place|country)\b[^\]⟩〉]*[\]⟩〉]", re.IGNORECASE
)
_TODAY = re.compile(
    # The name before the verb is capitalised ("Acme today announced", "eBay", "Acme and Bolt", "the
    # Acme team"), whatever the verb's case: "just head to our website today" is an invitation.
    r"^(?:today|on\s|this week|this morning|"
    r"(?:the\s+)?(?-i:[a-z]{0,2}[A-Z][\w&'’.-]*)(?:\s+(?:and|&|of|(?-i:[a-z]{0,2}[A-Z][\w&'’.-]*)))*(?:\s+team)?"
    r"\s+(?:today|announced|launched|"
    r"released|launches|announces|introduced|introduces|unveiled))",
    re.IGNORECASE,
)


# A launch told as news: "Menuly today launched ...", "... announced today".
_TODAY_LAUNCHED = re.compile(
    r"\btoday\s+(?:launch|announc|releas|introduc|unveil)\w*|\b(?:launched|announced|released)\s+today\b", re.I
)


def _is_dateline_head(head: str, separator: str, after: str) -> bool:
    """Whether `head` (the words before a dash, colon or full stop) is a dateline's place and date."""
    if _PLACEHOLDER_PLACE.search(head) or _PLACEHOLDER_DATE_HEAD.search(head):
        return True
    date = _DATE.search(head)
    if date:
        if _CLAUSE_AFTER_DATE.search(head, date.end()):
            return False  # "June 2, 2027 — Today Harbor Labs launched Kettle.": the dateline ended at the dash
        if separator in (".", ":") and re.search(
            r"[^\W\d_]{2,}", _TIME_OF_DAY.sub("", re.sub(r"\([^()]*\)", "", head[date.end() :]))
        ):
            # "MBASIC 2025 isn't just another interpreter.": a sentence, a year in a name; "Revised
            # 2026-06-01 after discovery:": a note on the draft
            return False
        # A date, alone or after a place: "January 15, 2027", "A HOME OFFICE, SOMEWHERE — August 1, 2026".
        place = head[: date.start()].strip(" ,—–-(")
        short_place = head.isupper() or len(place.split()) <= 8
        # Before a full stop, the words before the date must be a place or end in a comma or a
        # dash ("github.com/acme — September 2026."): "We didn't just build MBASIC 2025." is a sentence.
        before = head[: date.start()]
        set_apart = re.search(r"[,—–-]\s*$", before) is not None or not re.search(r"(?<![\w'’])[a-z]", before)
        return (
            not place
            or _looks_like_place(place)
            or (short_place and (separator not in (":", ".") or (separator == "." and set_apart)))
        )
    if separator == "." or alias_part(head) is not None:
        return False  # a sentence, unless it carries a date; a part's label ("**Executive Summary:** Today ...")
    # A place alone: "SEATTLE, WA —", "BENGALURU:", "Bangkok — Today, ...", "SAN FRANCISCO — Dossier is ..."
    # (a city in capitals before a dash is the newswire convention).
    shouted = (
        head.isupper()
        and sum(c.isalpha() for c in head) >= 4
        and separator in ("—", "–", "--", "-")
        and normalise(head) not in _not_places()
    )
    return _looks_like_place(head) and (("," in head and separator != ":") or shouted or bool(_TODAY.match(after)))


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(normalise(word) for word in data()["dateline"]["not-places"])


def _looks_like_place(text: str) -> bool:
    city = _CITY.match(text)
    if any(word.lower() in _NOT_IN_PLACES for word in text.split()):
        return False  # "The Wait Is Over —": a title-cased clause, not a city
    return bool(city) and city.end() >= len(text.rstrip(" ,.")) - 1 and len(text.split()) <= 6


# Verbs and pronouns no place name holds (not "can" or "my": Can Tho, My Tho).
_NOT_IN_PLACES = frozenset(("is", "are", "was", "were", "has", "have", "will", "your", "our", "you", "we"))
# A time of day and its zone after a dateline's date ("March 3, 2027, 9 a.m. PT", "EST").
_TIME_OF_DAY = re.compile(
    r"\b(?:[AECMP][SD]?T|GMT|UTC|BST|CET|CEST|IST|JST|AEST|AEDT|[ap]\.m\.?|[ap]m)(?![\w])", re.IGNORECASE
)


def has_date(text: str) -> bool:
    """True if `text` holds a real date or year (not a placeholder such as "Month XX")."""
    return _DATE.search(text) is not None and _PLACEHOLDER_DATE.search(text) is None


def has_full_date(text: str) -> bool:
    """True if `text` holds a date with its month ("1 October 2026", "2026-10-01"), not a year alone."""
    return _FULL_DATE.search(text) is not None and _PLACEHOLDER_DATE.search(text) is None


# --- values ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a prose unit that the anatomy treats as one line of the document:
    `unit.text[start:end]`, white space trimmed."""

    index: int
    unit: Any  # wbl.document.Unit
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]

    @property
    def whole(self) -> bool:
        """The segment is its unit's whole text."""
        return self.unit.text.strip() == self.text

    @property
    def word_count(self) -> int:
        """Words, counted as `Unit.word_count` counts them (tokens once the document is analysed)."""
        return int(self.unit.words_between(self.start, self.end))

    def holds(self, sentence: Any) -> bool:
        """The sentence (a `wbl.document.Sentence`) starts inside this segment."""
        return self.unit.index == sentence.unit.index and self.start <= sentence.start < self.end


# The longest excerpt of a part the JSON scorecard quotes.
EXCERPT_LENGTH = 80


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a PR/FAQ that the document has: where, how it was found and how sure that is.

    `segments` hold the part's text (several for a problem that spans paragraphs). `via` is
    "heading" (under a heading or label naming the part), "label" (a run-in label), "content"
    (position and wording) or "position" (position alone). `placeholder` marks a part whose text
    is a placeholder or template prompt ("[NAME, TITLE]", "Month XX").
    """

    name: str
    segments: tuple[Segment, ...]
    line: int
    confidence: float
    via: str
    placeholder: bool = False

    @property
    def units(self) -> tuple[Any, ...]:
        seen: dict[int, Any] = {}
        for segment in self.segments:
            seen.setdefault(segment.unit.index, segment.unit)
        return tuple(seen.values())

    @property
    def unit(self) -> Any:
        return self.segments[0].unit

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    def to_dict(self, source: str = "") -> dict[str, Any]:
        """The part as the JSON scorecard gives it; `source` is the file's text, for the inline
        code the excerpt quotes."""
        first = ""
        if self.segments:
            segment = self.segments[0]
            quoted = getattr(segment.unit, "quoted", None)
            text = quoted(segment.start, segment.end, source) if quoted is not None else segment.text
            first = " ".join(text.split())
        return {
            "present": True,
            "line": self.line,
            "confidence": round(self.confidence, 2),
            "via": self.via,
            "placeholder": self.placeholder,
            # What wbl took for the part, so that a reader can check it beside the line number.
            "excerpt": first if len(first) <= EXCERPT_LENGTH else first[: EXCERPT_LENGTH - 1].rstrip() + "…",
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in the press release: `unit.text[start:end]` are the quoted words.

    `speaker` is "leader" or "customer". `attribution` names who speaks ("Dana Ruiz, General
    Manager"), split into `name` and `role` when it can be; `placeholder` when it is "[NAME]".
    """

    unit: Any
    start: int
    end: int
    speaker: str
    attribution: str = ""
    name: str | None = None
    role: str | None = None
    placeholder: bool = False
    line: int = 0
    segment: Segment | None = None

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]

    @property
    def organisation(self) -> str | None:
        """The organisation the speaker speaks for, the last the attribution names ("Chief Growth
        Officer, KC HiLiTES" -> "KC HiLiTES"; "VP of Engineering at Medalert" -> "Medalert")."""
        named = _organisations(self.attribution)
        return named[-1] if named else None


@dataclass(frozen=True, slots=True)
class Question:
    """An FAQ question, its answer and which half of the FAQ it belongs to."""

    segment: Segment
    text: str
    answer: tuple[Segment, ...]
    audience: str  # "external", "internal" or "faq" (a question the anatomy could not place)
    line: int
    prompt_only: bool = False  # the answer is only the template's prompt
    # Code stands between the question and the next one: a block (a command to run) or inline code
    # (a path, a command) that the answer's text leaves out.
    code: bool = False

    @property
    def unit(self) -> Any:
        return self.segment.unit

    @property
    def answer_text(self) -> str:
        return " ".join(_A_LABEL.sub("", s.text).strip() for s in self.answer).strip()

    @property
    def answered(self) -> bool:
        """The answer says something: not empty, not only TODO/TBD or a template prompt; or it is
        code ("How do I run it?" over the commands, "Where is it stored?" over a path)."""
        text = self.answer_text
        if not text:
            return self.code
        return not self.prompt_only and _UNANSWERED.match(text) is None


@dataclass(frozen=True, slots=True)
class Residue:
    """A template prompt left in the draft: `unit.text[start:end]` repeats `prompt`."""

    unit: Any
    start: int
    end: int
    prompt: str


# Roles whose words are not the press release's or the FAQ's own prose.
_NOT_PROSE = frozenset(
    {"title", "metadata", "residue", "guidance", "blank", "preamble", "label", "faq_label", "faq_heading"}
    | {"attribution", "back_matter"}
)


@dataclass(frozen=True, slots=True)
class Anatomy:
    """The whole-document answer to "which part is this?", computed once per document."""

    kind: str
    kind_score: float
    parts: Mapping[str, Part]
    # Whether the kind is sure: for a PR/FAQ, a press release or an FAQ, a plain fact says so
    # (the file's name, its title, the release mark, headings naming three parts, a dateline with
    # a launch) or the kind model gives odds of at least 3 to 1.
    kind_sure: bool = True
    segments: tuple[Segment, ...] = ()
    roles: tuple[str, ...] = ()  # per segment: headline, problem, question, answer, title, body, boilerplate, ...
    regions: tuple[str, ...] = ()  # per unit: "pr", "faq" or "back" (sources, appendices, notes)
    quotes: tuple[Quote, ...] = ()
    questions: tuple[Question, ...] = ()
    residue: tuple[Residue, ...] = ()
    signals: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    # Each problem-paragraph candidate's segment index, features and the model's probability.
    problem_candidates: tuple[tuple[int, Mapping[str, float], float], ...] = ()
    # Unit index -> offset where a unit's own words start after what opens it: a run-in label
    # ("**Getting started:** Download ...") or the release's dateline ("PORTLAND, Maine — ...").
    lead_ins: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def is_prfaq(self) -> bool:
        """A PR/FAQ, a press release or an FAQ: the documents whose shape wbl judges."""
        return self.kind in PRFAQ_KINDS

    def present(self, name: str) -> bool:
        return name in self.parts

    def get(self, name: str) -> Part | None:
        return self.parts.get(name)

    def __getitem__(self, name: str) -> Part | None:
        return self.parts.get(name)

    def missing(self, names: Iterable[str]) -> list[str]:
        return [n for n in names if n not in self.parts]

    def prose_start(self, unit: Any) -> int:
        """Where the unit's own words start in its text: past a run-in label or the dateline that
        opens it (0 when nothing does)."""
        return self.lead_ins.get(unit.index, 0)

    def attribution_spans(self, unit: Any) -> tuple[tuple[int, int], ...]:
        """Where a unit's quotations are attributed after they close (', said Teresa Aldana, General
        Manager of Willamette Equipment Co-op'): the words that say who speaks, not what is said."""
        spans = []
        text = unit.text
        for quote in self.quotes:
            if quote.unit.index != unit.index or not quote.attribution:
                continue
            found = re.compile(rf"(?<!\w){re.escape(quote.attribution)}(?!\w)").search(text, quote.start)
            at = found.start() if found else -1
            closed = max(text.rfind(mark, quote.start, at) for mark in _CLOSE_QUOTES) if at >= 0 else -1
            # Only the verb of saying and its marks between the quotation and the name.
            if closed >= 0 and len(text[closed + 1 : at].split()) <= 2:
                spans.append((closed + 1, at + len(quote.attribution)))
        return tuple(spans)

    def with_roles(self, *roles: str) -> tuple[Segment, ...]:
        """The segments whose role is one of `roles` ("problem", "title", ...), in document order."""
        return tuple(s for s, role in zip(self.segments, self.roles, strict=True) if role in roles)

    def risk_answers(self, more_cues: Sequence[str] = ()) -> tuple[Segment, ...]:
        """The answers to the FAQ's questions about what could go wrong ("What are the risks?",
        "What could make this fail?", and questions with one of `more_cues`), and the sections
        under a heading that names risks ("## Open Risks"), where saying what may happen is the
        point."""
        cues = (*data()["bezos"]["pre_mortem"], *more_cues)
        answers = [s for q in self.questions if cue_hits(q.text, cues) for s in q.answer]
        # The text under a heading that names them ("## Open Risks", "### Risks and mitigations"),
        # up to the next heading of its level or higher: saying what may happen is its point too.
        heading = None
        for segment in self.segments:
            unit = segment.unit
            if unit.is_heading:
                if heading is not None and unit.level <= heading.level:
                    heading = None
                if heading is None and not unit.text.rstrip().endswith("?") and cue_hits(unit.text, cues):
                    heading = unit
            elif heading is not None:
                answers.append(segment)
        return tuple(answers)

    def role_of(self, unit: Any) -> str:
        """The role of a unit's first segment ("problem", "answer", "title", ...)."""
        for segment, role in zip(self.segments, self.roles, strict=True):
            if segment.unit.index == unit.index:
                return role
        return "none"

    def units_in_role(self, role: str) -> frozenset[int]:
        """The indices of the units whose every segment has `role` ("title": the document's title
        above the headline, which is no sentence of the release)."""
        roles: dict[int, set[str]] = {}
        for segment, found in zip(self.segments, self.roles, strict=True):
            roles.setdefault(segment.unit.index, set()).add(found)
        return frozenset(index for index, found in roles.items() if found == {role})

    def prose(self, region: str) -> tuple[Segment, ...]:
        """The press release's (`region` "pr") or the FAQ's ("faq") own words: segments that are not
        titles, metadata, template prompts, labels or a preamble."""
        return tuple(
            s
            for s, role in zip(self.segments, self.roles, strict=True)
            if self.regions[s.unit.index] == region and role not in _NOT_PROSE
        )

    def placeholders(self) -> int:
        """Template prompts and placeholders ("[NAME, TITLE]", "TBD", "$XXX") left in the document."""
        found = sum(placeholder_count(s.text) for s in self.segments)
        return found + len(self.residue)

    def word_count(self, region: str) -> int:
        """Words of the press release or the FAQ (see `prose`)."""
        return sum(s.word_count for s in self.prose(region))

    def unit_roles(self, unit: Any) -> tuple[str, ...]:
        return tuple(r for s, r in zip(self.segments, self.roles, strict=True) if s.unit.index == unit.index)

    def to_dict(self, source: str = "") -> dict[str, Any]:
        """The scorecard as JSON: every part, present or not, with its line, confidence and an
        excerpt (`source`, the file's text, gives the excerpt its inline code)."""
        return {
            name: (self.parts[name].to_dict(source) if name in self.parts else {"present": False, "line": None})
            for name in PARTS
        }


def rebind(anatomy: Anatomy, units: Sequence[Any]) -> Anatomy:
    """The same anatomy over other objects for the same units (the analysed copies that
    `Document.with_analysis` makes): every segment, part, quote and question points at `units`."""
    segments = tuple(Segment(s.index, units[s.unit.index], s.start, s.end) for s in anatomy.segments)
    parts = {
        name: replace(p, segments=tuple(segments[s.index] for s in p.segments)) for name, p in anatomy.parts.items()
    }
    quotes = tuple(
        replace(q, unit=units[q.unit.index], segment=None if q.segment is None else segments[q.segment.index])
        for q in anatomy.quotes
    )
    questions = tuple(
        replace(q, segment=segments[q.segment.index], answer=tuple(segments[a.index] for a in q.answer))
        for q in anatomy.questions
    )
    residue = tuple(replace(r, unit=units[r.unit.index]) for r in anatomy.residue)
    return replace(
        anatomy, parts=MappingProxyType(parts), segments=segments, quotes=quotes, questions=questions, residue=residue
    )


# --- building -------------------------------------------------------------------------------------


def analyse(units: Sequence[Any], source: Any, path: str = "", code_blocks: Sequence[tuple[int, str]] = ()) -> Anatomy:
    """The anatomy of a document's prose units (wbl.document.Unit, in order). `source` gives line
    numbers; `path` the file name (a name like PRFAQ.md is evidence of the kind); `code_blocks`
    the (source offset, text) of each code block."""
    return _Builder(units, source, path, code_blocks).run()


@dataclass(slots=True)
class _Line:
    """What the anatomy knows of one segment before it assigns roles."""

    segment: Segment
    words: int
    heading: bool = False
    level: int = 0
    label: bool = False  # a heading, a bold line, an upper-case line or a lone "Label:" line
    label_text: str = ""
    paragraph_label: bool = False  # "Quote" alone on a paragraph's first line: names that paragraph only
    plain_label: bool = False  # "Availability" as a paragraph of its own, in plain text
    runin: str = ""  # the run-in label opening the segment ("The problem" of "**The problem.** ...")
    runin_end: int = 0
    question: int = 0  # 2: a marked question (heading, bold, Q:); 1: a plain "...?" line
    question_text: str = ""
    residue: bool = False  # only a template prompt
    blank: bool = False
    metadata: bool = False
    alias: str | None = None  # the part a label or run-in label names
    faq_heading: bool = False
    title: bool = False
    quote_depth: int = 0


def _release_section_headings(lines: Sequence[_Line]) -> list[tuple[int, int, bool]]:
    """(position, level, is a quote) of the headings that name a press-release part by its name
    ("Quote from the Maker", "Getting Started") and hold no question heading: a release's own
    sections. A heading over questions ("## Pricing" over "### What does it cost?") groups an
    FAQ's questions instead."""
    found = []
    for position, line in enumerate(lines):
        if not (line.label and line.heading and line.alias in _RELEASE_SECTION_PARTS):
            continue
        if _names_a_part(line.label_text) and not _holds_question(lines, position):
            found.append((position, line.level, line.alias in _QUOTE_PARTS))
    return found


def _opens_release(line: _Line) -> bool:
    """A heading that opens the press release by naming it ("## Press Release", "# The Press
    Release: Introducing X")."""
    return line.heading and _marker_remainder(line.label_text if line.label else line.segment.text) is not None


def _opens_with_dateline(line: _Line) -> bool:
    """A paragraph that opens with a dateline; or a line that is only one, a label though it be set
    in bold or italics ("*Sydney, Australia — June 2026*" above the first paragraph)."""
    if line.segment.unit.kind != "paragraph":
        return False
    text = line.segment.text
    if not line.label:
        return dateline_span(text) is not None
    # A label names a place with its region ("Sydney, Australia"), not a banner ("CONFIDENTIAL —
    # June 2026").
    span = dateline_span(text)
    return span is not None and "," in text[: span[1]] and _dateline_only(text)


def _headings_above(lines: Sequence[_Line], position: int) -> int | None:
    """The position of the first of the one or two headings right above a line (the headline and
    sub-heading above a dateline), leaving out one that names the genre ("Press Release"); None
    when a line that is not a heading comes right above it."""
    above = [p for p in range(position - 1, -1, -1) if not lines[p].blank][:3]
    if len(above) > 1 and _bold_subheading(lines[above[0]]) and lines[above[1]].heading:
        above = above[1:]  # "### A portfolio built ...", then "**Hiring teams get ...**", then the dateline
    above = above[:2]
    headings = [
        p for p in takewhile(lambda p: lines[p].heading, above) if _marker_remainder(lines[p].label_text) is None
    ]
    return headings[-1] if headings else None


def _bold_subheading(line: _Line) -> bool:
    """A paragraph in bold or italics as a whole, of a sentence's length: a subheading's layout."""
    segment = line.segment
    return (
        not line.heading
        and segment.unit.kind == "paragraph"
        and line.words <= 40
        and _covered(segment.unit.emphasis, segment.start, segment.end)
    )


def _notice(lines: Sequence[_Line]) -> bool:
    """Whether lines above the release's headline heading hold a notice set in bold, no part of the
    release ("**FOR REFERENCE — HACKATHON CONTEXT**", "**This is a hackathon submission, not an
    official product.**"): a label line that is not the genre's mark ("FOR IMMEDIATE RELEASE"), a
    date or a heading."""
    return any(
        ln.label
        and not ln.heading
        and not ln.blank
        and _marker_remainder(ln.label_text) is None
        and not _date_only(ln.segment.text)
        for ln in lines
    )


def _written(line: _Line) -> bool:
    """A line of the author's own text: not a heading, label, title, metadata or template prompt,
    nor a date alone ("April 30, 2026" under "FOR IMMEDIATE RELEASE": the release's own date)."""
    if line.blank or line.heading or line.label or line.title or line.metadata or line.residue:
        return False
    return not _date_only(line.segment.text)


def _opens_open_questions(line: _Line, following: Sequence[_Line]) -> bool:
    """A label (or a paragraph's run-in label) over questions the author leaves open, with a list of
    questions right below it."""
    label = line.label_text if line.label else line.runin
    if line.question or not label or not is_open_questions(label):
        return False
    below = next((ln for ln in following if not ln.blank), None)
    return below is not None and below.segment.unit.kind == "list_item" and bool(below.question)


def _holds_question(lines: Sequence[_Line], position: int) -> bool:
    """Whether the section under the heading at `position` holds a question heading."""
    level = lines[position].level
    for index in range(position + 1, len(lines)):
        later = lines[index]
        if later.heading and later.level <= level:
            return False
        if later.heading and later.question:
            return True
    return False


def _release_sections_follow(
    sections: Sequence[tuple[int, int, bool]], start: int, line: _Line, faq_headed: bool = True
) -> bool:
    """Whether two or more of the release's own sections, one of them a quote, follow a question
    heading at its level (one is enough in a document with no FAQ heading): its questions ("What
    does VacaShare solve?") are then the release's section titles, not an FAQ."""
    if not line.heading:
        return False
    after = [quote for position, level, quote in sections if position > start and level <= line.level]
    return (len(after) >= 2 and any(after)) or (bool(after) and not faq_headed)


def _name_question_heading(line: _Line) -> None:
    """A question heading in the press release, before any FAQ, that names a part ("What's the
    problem?", "How do we solve it?") heads that part, as "The Problem" would: the release's
    section titles written as questions."""
    if not (line.heading and line.question):
        return
    text = line.question_text.strip().rstrip("?").strip()
    alias = alias_part(text) if not is_title(text) else None
    if alias is None:
        return
    line.question, line.question_text = 0, ""
    line.label, line.label_text, line.alias = True, text, alias


def _names_a_part(label: str) -> bool:
    """A label that is a part's name as written ("Getting Started", "Quote from the Maker"), not
    one found by a keyword or a typo."""
    key = heading_key(label)
    # "How to Get Started with the Apprentice Dashboard": the name, then what it is for.
    named = re.match(r"(.+?) (?:with|for|using|on) ", key)
    owned = _OWNED.match(key)
    return (
        key in _EXACT
        or _QUOTE_FROM.match(key) is not None
        or any(match is not None and match.group(1) in _EXACT for match in (named, owned))
    )


_QUOTE_PARTS = frozenset(("leader_quote", "customer_quote", "quote"))
# Labels of the field that dates a release ("**Date.** 15 October 2026").
_DATE_LABELS = frozenset(("date", "launch date", "release date", "dateline", "publication date", "published"))
# How many segments after the headline (or the sub-heading) a date field may stand as the dateline.
_DATE_FIELD_REACH = 3
_SLOT = re.compile(r"\[[^\[\]\n]{0,80}\]")


def _only_points_somewhere(text: str) -> bool:
    """Whether `text` holds a bracketed slot or a web address and, those left out, fewer than
    three words and no quotation marks ("[URL]", "https://relay.example/reviews"): a pointer to
    quotes, not a quotation ('"Game changer."' is one)."""
    if _quotations(text):
        return False
    words = _SLOT.sub(" ", text).split()
    # Word by word: a search of one token stays linear however long the token is.
    addresses = sum(1 for w in words if WEB_ADDRESS.search(w))
    return len(_SLOT.findall(text)) + addresses > 0 and len(words) - addresses < 3


# Words that name a half of the FAQ outright: a heading with one of them opens that half even
# under the other half's heading ("### Internal" under "## Customer FAQ").
_HALF_WORDS = frozenset(("internal", "external", "public", "stakeholder", "stakeholders", "business"))
_HALF_FILLERS = frozenset(("faq", "faqs", "questions", "question", "for", "the", "and", "our", "from"))
# A release whole in its own section: this many paragraphs and words of the author's at least.
_WHOLE_RELEASE_PARAGRAPHS = 4
_WHOLE_RELEASE_WORDS = 150
# A quotation of this many words is someone speaking, not a term set in quotation marks.
_QUOTED_WORDS = 5
_RELEASE_SECTION_PARTS = _QUOTE_PARTS | {"call_to_action"}


class _Builder:
    def __init__(self, units: Sequence[Any], source: Any, path: str, code_blocks: Sequence[tuple[int, str]]) -> None:
        self.units = list(units)
        self.source = source
        self.path = path
        self.code_blocks = tuple(code_blocks)
        self.data = data()
        self.parts: dict[str, Part] = {}
        self.roles: dict[int, str] = {}
        self._company: frozenset[str] | None = None
        self._abouts: str | None = None  # the names of the release's "About X" headings, joined
        self._prose_text: str | None = None
        self._lower_words: frozenset[str] | None = None  # words the press release writes in lower case
        self._early: list[_Line] | None = None  # the lines that say who launches the product
        self.pr_lines: list[_Line] = []  # the press release's lines, without its back matter
        self._section_heads: dict[int, _Line] = {}  # section -> its heading's line
        self.problem_candidates: list[tuple[int, Mapping[str, float], float]] = []
        # The text under a "Why it matters" that states a benefit, not a difficulty: no problem.
        self._benefit_segments: set[int] = set()
        self._release_from = -1  # the segment a line that marks the release ("## Press Release") opens, if any
        # A release in its own section of a document titled as another kind ("# Product Requirements
        # Document" over "## Press Release"): that section is the release, the rest the other document's.
        self._embedded_release = False
        self._side_headings: dict[str, Segment] = {}  # the FAQ headings that name each half
        self._side_words: Counter[str] = Counter()  # words under those headings outside any question
        self._side_faq_headings: set[str] = set()  # the halves a heading names as an FAQ ("Internal FAQ")
        self._residue_only: list[tuple[Segment, str]] = []
        # A quotation's later lines when its paragraph was read one line at a time (one sentence
        # per line): line's segment -> the segment of the quotation's first line.
        self._quote_lines: dict[int, int] = {}
        self._kept_only: list[Segment] = []  # template notes a finished document keeps
        # Labels that name the FAQ ("**Questions:**") but recur under several sections: each
        # section's field (a list of ideas, each with its questions), not the document's FAQ.
        self._field_labels: frozenset[str] = frozenset()

    # --- helpers ------------------------------------------------------------------------------------
    def links_elsewhere(self, line: _Line) -> bool:
        """Whether a label line is wholly a link ("[**Press Release**](PressRelease.md)")."""
        unit = line.segment.unit
        if line.segment.start or line.segment.end < len(unit.text.rstrip()):
            return False
        text = self.source.text
        first = text.rfind("\n", 0, unit.start) + 1
        last = text.find("\n", unit.end)
        raw = _HEADING_MARKS.sub("", text[first : last if last >= 0 else len(text)]).strip().strip("*_ ")
        return _WHOLE_LINK.fullmatch(raw) is not None

    def line_of(self, segment: Segment) -> int:
        return self._line_at(segment.unit, segment.start)

    def _line_at(self, unit: Any, offset: int) -> int:
        """The source line of a unit's character at `offset`."""
        return int(self.source.position(unit.source_span(offset, offset + 1)[0])[0])

    def found(
        self,
        name: str,
        segments: Sequence[Segment],
        via: str,
        confidence: float,
        placeholder: bool | None = None,
    ) -> None:
        if name in self.parts or not segments:
            return
        if placeholder is None:
            placeholder = all(_mostly_placeholder(s.text) for s in segments)
        self.parts[name] = Part(name, tuple(segments), self.line_of(segments[0]), confidence, via, placeholder)

    # --- segmentation ----------------------------------------------------------------------------------
    def segment(self) -> list[Segment]:
        segments: list[Segment] = []
        for unit in self.units:
            for start, end in _split_unit(unit):
                segments.append(Segment(len(segments), unit, start, end))
        return segments

    def _describe_all(self, segments: Sequence[Segment]) -> list[_Line]:
        lines: list[_Line] = []
        in_faq = False  # past a heading or label that names the FAQ
        for segment in segments:
            line = self.describe(segment, in_faq)
            in_faq = in_faq or line.faq_heading
            lines.append(line)
        return lines

    def describe(self, segment: Segment, in_faq: bool = False) -> _Line:
        unit = segment.unit
        text = segment.text
        line = _Line(segment, len(text.split()), quote_depth=unit.quote_depth)
        if not text.strip():
            line.blank = True
            return line
        emphasized = _covered(unit.emphasis, segment.start, segment.end)
        if unit.is_heading:
            line.heading, line.level, line.label = True, unit.level, True
        elif unit.kind in ("paragraph", "list_item"):
            # A quotation in capitals ('"THIS GAME IS AWESOME!"') is shouted, not a label.
            upper = _is_upper_label(text) and not text.lstrip(" *_").startswith(_OPEN_QUOTE)
            lone_label = text.endswith(":") and line.words <= 6 and not text.startswith(_OPEN_QUOTE)
            # "Quote" on the first line of a paragraph, the quotation below it (see `_split_unit`).
            line.paragraph_label = segment.end < len(unit.text.rstrip()) and _part_name_line(text)
            # In plain text, a part's name as a paragraph of its own heads the paragraphs below it
            # as a bold label would ("Availability", then "Agent OS is freely available now.").
            # So does the FAQ's name ("Frequently Asked Questions" alone on a line, no heading).
            line.plain_label = (
                unit.kind == "paragraph"
                and unit.text.strip() == text.strip()
                and (_part_name_line(text) or self._plain_faq_heading(text))
            )
            lone_label = lone_label or line.paragraph_label or line.plain_label
            # An italic quotation ('_"I didn't know lighting mattered."_') is no label either.
            quotation = text.lstrip(" *_").startswith(_OPEN_QUOTE)
            if (emphasized and line.words <= 14 and not quotation) or upper or lone_label:
                line.label = unit.kind == "paragraph" or emphasized
        line.label_text = text.strip().rstrip(":").strip() if line.label else ""
        # Questions.
        q_label = _Q_LABEL.match(text)
        body = text[q_label.end() :] if q_label else text
        first_clause = body.split("\n", 1)[0].strip()
        if unit.is_heading and (first_clause.endswith("?") or (q_label and first_clause)):
            line.question = 2
        elif unit.kind in PROSE and not unit.is_heading:
            if (q_label and "?" in first_clause[:400]) or (emphasized and _ends_as_question(first_clause)):
                line.question = 2
            elif first_clause.endswith("?") and line.words <= 30 and not text.startswith(_OPEN_QUOTE):
                line.question = 1
            if (
                line.question == 1
                and (runin := _runin(unit, segment))
                and alias_part(runin[0]) in _QUOTE_PARTS
                and not (in_faq and _ASKING.match(text[_past_separator(text, runin[1]) :]))
            ):
                # "*Customer quote*: Our app is stuck. How do we fix it?": a quotation that ends on
                # the customer's question, under its run-in label (round 55), no FAQ question; not,
                # in the FAQ, "Customer quote: do we need permission to use it?", asked about the quote.
                line.question = 0
        if line.question:
            tag = _QUESTION_TAG.search(first_clause) if line.question == 2 else None
            line.question_text = first_clause[: tag.start() + 1] if tag else first_clause
            line.label = line.label and line.question == 0
        # Run-in labels: "**The problem.** Text", "The solution: Text".
        if not line.label and not line.question and unit.kind in PROSE:
            runin = _runin(unit, segment)
            if runin:
                line.runin, line.runin_end = runin
        if line.label:
            line.alias = alias_part(line.label_text) if not is_title(line.label_text) else None
            line.faq_heading = self._is_faq_heading(line.label_text)
            line.title = is_title(line.label_text)
        elif line.runin:
            line.alias = alias_part(line.runin)
            # "**Tracking Issue**: #886", "**API Bar Raiser**: @rix0rrr": a field, not a part's label.
            value = handle_value(text) if line.alias is None else None
            if _metadata_label(line.runin) or (value is not None and len(value.split()) <= 3):
                line.metadata = True
        if not line.label and not line.runin and unit.kind in PROSE and self._metadata(text):
            line.metadata = True
        if (
            line.label
            and not unit.is_heading
            and text.rstrip().endswith(":")
            and "\n" in unit.text.strip()
            and is_metadata(unit.text)
            and self._value_after(segment)
        ):
            # "**Email:** ...", then "**Website:** https://example.com" in one paragraph of fields:
            # the address is left out of the analysed text, but the file's line goes on after the
            # label, so it is one more field with its value (a label alone over a link,
            # "**Available now:** https://example.com", is still the call to action's).
            line.label, line.label_text, line.metadata = False, "", True
        if unit.kind == "table_cell":
            if self._question_cell(unit, text, line.words):
                # "| Is there a fee? | No. Locker pickup is free. |": an FAQ laid out as a table, a
                # question in a row's first cell and its answer in the cells after it.
                line.question, line.question_text = 2, text.strip()
            else:
                line.metadata = True
        return line

    def _spec_sheet_fields(self, lines: Sequence[_Line]) -> None:
        """Lines that open with a run-in label under a heading naming a spec sheet ("### Technical
        Specifications" over "- **Cloud Platform**: AWS (Lambda, S3)") are fields: metadata."""
        headings = tuple(normalise(h) for h in data()["titles"]["spec-sheet-headings"])
        for line in lines:
            if not line.runin or line.label or line.metadata or line.alias is not None:
                continue
            head = self._section_heads.get(line.segment.unit.section)
            if head is None or head is line or dateline_span(line.segment.text) is not None:
                continue
            # The heading is the sheet's name ("Technical Specifications", "ECG Monitor Fact
            # Sheet"), not a headline that mentions specs ("... Transforms Isolated Specs into ...").
            key = heading_key(head.label_text)
            if any(key == h or key.endswith(" " + h) for h in headings):
                line.metadata = True

    def _value_after(self, segment: Segment) -> bool:
        """Whether the file's line holds more than markup after the segment's text (what the
        analysed text leaves out: a bare address, an image, inline HTML)."""
        end = segment.unit.source_span(segment.end - 1, segment.end)[1] if segment.end > segment.start else 0
        source = self.source.text
        stop = source.find("\n", end)
        return bool(source[end : len(source) if stop < 0 else stop].strip(" \t\r*_\\"))

    def _question_cell(self, unit: Any, text: str, words: int) -> bool:
        """A table's row opening with a question: the row's first cell, a question of at most 30
        words."""
        if not text.rstrip().endswith("?") or words > 30:
            return False
        previous = self.units[unit.index - 1] if unit.index else None
        if previous is None or previous.kind != "table_cell":
            return True
        return self._line_at(previous, 0) != self._line_at(unit, 0)

    def _plain_faq_heading(self, text: str) -> bool:
        """A short plain line that names the FAQ by name ("Frequently Asked Questions", "Internal
        FAQ", "Q&A"), with no sentence's punctuation: a heading written without Markdown's marks.
        Not any line with "questions" in it ("Open questions" in a list of plain lines)."""
        words = text.split()
        return (
            0 < len(words) <= 5
            and not text.rstrip().endswith(_TERMINAL)
            and _FAQ_NAME.search(text) is not None
            and self._is_faq_heading(text)
        )

    def _is_faq_heading(self, text: str) -> bool:
        if self._field_labels and heading_key(text) in self._field_labels:
            return False  # "**Questions:**" under each of four ideas: a field of each
        if re.search(r"\bPR\s*[/&-]?\s*FAQ|\bPRFAQ|press release|working backwards", text, re.IGNORECASE):
            return False  # the whole document's title
        if len(text.split()) > 8:
            return False
        if _CONTACT_LEAD.match(text) and not re.search(r"\bFAQs?\b|frequently[\s-]+asked", text, re.IGNORECASE):
            return False  # "For technical questions or integration support:": who to contact (round 45)
        pattern = compile_pattern(self.data["faq"]["heading"], re.IGNORECASE)
        return pattern.search(text) is not None and alias_part(text) is None

    def _metadata(self, text: str) -> bool:
        """A paragraph of "Label: value" fields (status, author, reviewers), not prose."""
        return is_metadata(text)

    # --- the run ----------------------------------------------------------------------------------
    def run(self) -> Anatomy:
        segments = self.segment()
        self.segments = segments
        self.residue = self._residue(segments)
        residue_segments = {id(s) for s, _ in self._residue_only} | {id(s) for s in self._kept_only}
        lines = self._describe_all(segments)
        # Bold labels only: a file that holds several PR/FAQs repeats its "## FAQ" heading.
        recurring = Counter(heading_key(ln.label_text) for ln in lines if ln.faq_heading and not ln.heading)
        self._field_labels = frozenset(k for k, n in recurring.items() if n >= _FIELD_LABEL_REPEATS)
        if self._field_labels:
            lines = self._describe_all(segments)
        for line in lines:
            if id(line.segment) in residue_segments:
                line.residue = True
        self.lines = lines
        self._section_heads = {ln.segment.unit.section: ln for ln in lines if ln.heading}
        self._spec_sheet_fields(lines)
        faq_start = self._faq_start(lines)
        for line in lines[:faq_start]:
            _name_question_heading(line)
        pr_lines = self._before_the_brief(self._without_back_matter(lines[:faq_start]), faq_start < len(lines))
        self.pr_lines = pr_lines
        # After the FAQ, only a heading ends it ("## Appendix", "## The Verdict"): a bold label
        # inside an answer ("**Notes:**") is the answer's own.
        faq_lines = self._past_the_faq(self._without_back_matter(lines[faq_start:], headings_only=True))
        sections = self._alias_sections(pr_lines)
        lead, body = self._lead_and_body(pr_lines, sections)
        quotes = self._quotes(pr_lines, sections)
        self._pr_parts(lead, body, quotes, sections)
        questions = self._faq(faq_lines)
        if "call_to_action" not in self.parts:
            self._closing_call_to_action(faq_lines)
        kind, score, signals, sure = self._kind(lines, faq_start, quotes, questions)
        if sure and kind != "other" and (_unfilled_template(lines) or self._slot_template(lines)):
            # The template itself, kept in the repository for teams to copy ("## Problem" over
            # "> Describe the problem your product solves."): nothing of an author's to block.
            sure = False
        regions = ["pr"] * len(self.units)
        for line in lines[faq_start:]:
            regions[line.segment.unit.index] = "faq"
        headline = self.parts.get("headline")
        release_begins = headline.segments[0].index if headline is not None else 0
        # Units whose every line is a note or a field above the headline (a unit that also holds
        # the headline, or a plain-text document's one unit, stays the release's).
        aside: dict[int, bool] = {}
        for line in lines:
            role = self.roles.get(line.segment.index)
            before = line.blank or (role in ("preamble", "metadata") and line.segment.index < release_begins)
            aside[line.segment.unit.index] = aside.get(line.segment.unit.index, True) and before
        for line in lines:
            role = self.roles.get(line.segment.index)
            if role == "back_matter":
                # Sources, appendices, notes: no rule reads them. (Not the text before the release,
                # the preamble: an RFC's summary stands there, and reviewers judge it.)
                regions[line.segment.unit.index] = "back"
            elif role in ("preamble", "metadata") and line.quote_depth and aside[line.segment.unit.index]:
                # A note to the reviewers set apart in a block quote above the release ("> **Note on
                # placeholders:** ... should be replaced ...", "> Status: DRAFT. Items in ⟨⟩ ..."):
                # an aside about the draft, not its prose.
                regions[line.segment.unit.index] = "back"
            elif role == "metadata" and headline is not None and aside[line.segment.unit.index]:
                # "Status: Draft v1 / Owner: Data Governance / Competition: AWS Sports Cup" above the
                # headline: fields about the document, not the release's prose (on the train split,
                # dev and dev2, 1 of 9 labelled sentences there was jargon, none tech-first or weasel).
                regions[line.segment.unit.index] = "back"
        self._mark_boilerplate(lines[:faq_start])
        roles = tuple(
            self.roles.get(s.index, self._default_role(lines[s.index], s.index < faq_start)) for s in segments
        )
        return Anatomy(
            kind=kind,
            kind_score=score,
            kind_sure=sure,
            parts=MappingProxyType({n: self.parts[n] for n in PARTS if n in self.parts}),
            segments=tuple(segments),
            roles=roles,
            regions=tuple(regions),
            quotes=tuple(quotes),
            questions=tuple(questions),
            residue=tuple(self.residue),
            signals=MappingProxyType(signals),
            problem_candidates=tuple(self.problem_candidates),
            lead_ins=self._lead_ins(lines),
        )

    def _lead_ins(self, lines: Sequence[_Line]) -> Mapping[int, int]:
        """Where each unit's own words start after a run-in label or the dateline opening it."""
        found: dict[int, int] = {}
        for line in lines:
            segment = line.segment
            if line.runin and segment.start == 0:
                found[segment.unit.index] = _past_separator(segment.unit.text, line.runin_end)
        dateline = self.parts.get("dateline")
        if dateline is not None:
            segment = dateline.segments[0]
            span = dateline_span(segment.text)
            if span is not None:
                index = segment.unit.index
                end = _past_separator(segment.unit.text, segment.start + span[1])
                found[index] = max(found.get(index, 0), end)
        return MappingProxyType(found)

    def _past_the_faq(self, faq_lines: list[_Line]) -> list[_Line]:
        """The FAQ's lines without the sections that follow it: under a heading of a higher level
        than the FAQ's own ("## Technical design" after "### FAQs") that names no FAQ and no part
        of the release ("## Getting started" is the close), asks nothing and holds no question,
        the document has moved on (a design, a spec). Those lines are back matter, as an
        appendix's are."""
        opening = faq_lines[0] if faq_lines else None
        if opening is None or not opening.heading:
            return faq_lines
        kept: list[_Line] = []
        for position, line in enumerate(faq_lines):
            if self.roles.get(line.segment.index) == "back_matter":
                continue
            if (
                line.heading
                # In a PRD, the FAQ's own level ends it too ("## FAQ", then "## Success Metrics").
                and (line.level < opening.level or (self._embedded_release and line.level == opening.level))
                and not line.faq_heading
                and not line.question
                and line.alias is None  # "## Getting started" closing the document is the release's close
            ):
                section = []
                for later in faq_lines[position:]:
                    if later is not line and later.heading and later.level <= line.level:
                        break
                    section.append(later)
                if not any(later.question for later in section):
                    for later in section:
                        self.roles[later.segment.index] = "back_matter"
                    continue
            kept.append(line)
        return kept

    def _named_as_genre(self, lines: Sequence[_Line]) -> bool:
        """Whether the document's title or file name says it is a PR/FAQ or a press release
        ("# Working Backwards Document", `PRFAQ.md`): then its numbered sections are the genre's."""
        return self._title_says(lines)[1] or bool(self._genre_in_file_name()[1])

    def _agent_instructions(self) -> bool:
        """Whether the file instructs a coding agent or an assistant: named as the tools name such
        files (``agent-files``, matched case and all: an agent skill's SKILL.md, AGENTS.md; not a
        feature's PR/FAQ kept as `docs/prfaqs/agent.md`, ``agent-file-endings``: a prompt file), or
        kept in the folder a tool reads them from (``agent-folders``: `.claude/commands/`,
        `.cursor/rules/`, the file's own folder, not any folder of its path). A skill
        that walks a team through a PR/FAQ names its parts and quotes a release, and is none (two
        such skills, in a probe of documents about PR/FAQs and in the third scan, blocked a hook)."""
        kd = self.data["kind"]
        folder, _, file_name = ("/" + self.path.replace("\\", "/").lstrip("/")).rpartition("/")
        return (
            file_name in kd["agent-files"]
            or file_name.lower().endswith(tuple(kd["agent-file-endings"]))
            or folder.endswith(tuple("/" + f.strip("/") for f in kd["agent-folders"]))
        )

    def _genre_in_file_name(self) -> tuple[str, list[str]]:
        """The file's name in lower case, and the genre's names in it ("press-release.md"), none
        where it names a document about one ("prfaq-v0.1.plan.md", "reconcile-prfaq.md")."""
        file_name = self.path.replace("\\", "/").rsplit("/", 1)[-1].lower()
        if _ABOUT_THE_GENRE.search(_PRFAQ_NAME.sub(" ", file_name)):
            return file_name, []
        return file_name, _PRFAQ_NAME.findall(file_name)

    def _title_says(self, lines: Sequence[_Line]) -> tuple[_Line | None, bool, bool]:
        """The document's first heading, whether it names the genre ("Press Release", "PR/FAQ",
        "Working Backwards": it says what the document is) and whether it names another kind of
        document ("Product Requirements Document", `other-genre-titles`), instead or beside it."""
        first = next((ln for ln in lines if ln.heading and not ln.blank), None)
        if first is None:
            return None, False, False
        titled = names_the_genre(title_key(first.label_text))
        if titled and first.segment.unit.start < self._front_matter_end():
            # A post's title in its front matter names the genre as its topic more often than as
            # what the post is ("What I learned writing my first PR/FAQ"): only a title that opens
            # with the genre's name ("Press Release: Acme launches ...") says what it is.
            titled = _OPENS_WITH_GENRE.match(first.label_text) is not None
        other = bool(cue_hits(first.label_text, _other_genre_titles()))
        # A title that joins the genre to another kind ("# 18-0 — PRFAQ + End-to-End React Native
        # Build Specification", "PR/FAQ and PRD") is a larger document holding a PR/FAQ; one that
        # names another kind only as its product's name is the genre's ("# Minutely Meeting Notes
        # — PR/FAQ", "# PRD Studio PR/FAQ": a fresh-eyes review).
        return first, titled, other and (not titled or _joined_kinds().search(first.label_text) is not None)

    def _slot_template(self, lines: Sequence[_Line]) -> bool:
        """Whether the document is a template of slots, with or without a guide around it: of its
        paragraphs and list items of three words or more (not in back matter), at least
        `_TEMPLATE_SLOT_PARAGRAPHS` and a share of `_TEMPLATE_SLOT_SHARE` are mostly text in
        brackets ("**[City], [Date]** — [Company Name] today announced [Product Name], [one sentence
        that captures the key customer benefit]."; "{Problem paragraph: the user's pain today.}").
        Three templates kept in repositories hold 45% to 100% such paragraphs; no PR/FAQ of the
        corpus's train split, dev or dev2 more than 14%, nor any other file of the two scans."""
        units: dict[int, Any] = {}
        for line in lines:
            unit = line.segment.unit
            if unit.kind in ("paragraph", "list_item") and self.roles.get(line.segment.index) != "back_matter":
                units.setdefault(unit.index, unit)
        texts = [unit.text for unit in units.values() if len(unit.text.split()) >= 3]
        slots = sum(1 for text in texts if _mostly_bracketed(text))
        if slots < _TEMPLATE_SLOT_PARAGRAPHS or slots < _TEMPLATE_SLOT_SHARE * len(texts):
            return False
        return not self._written_release()

    def _written_release(self) -> bool:
        """Whether the author has written the release's own matter: a dateline or a quotation that is
        no placeholder, or a summary, problem or solution paragraph of eight words or more that is
        not mostly text in brackets. A draft whose quotes, prices and FAQ answers still wait on
        others ("[TBD — owner: hardware team]") is the author's, however many slots it keeps (a
        fresh-eyes review: such drafts had become hints only)."""
        for name in ("dateline", "leader_quote", "customer_quote"):
            part = self.parts.get(name)
            if part is not None and not part.placeholder:
                return True
        for name in ("summary", "problem", "solution"):
            part = self.parts.get(name)
            for segment in part.segments if part is not None else ():
                if len(segment.text.split()) >= _WRITTEN_PART_WORDS and not _mostly_bracketed(segment.text):
                    return True
        return False

    def _before_the_brief(self, lines: list[_Line], faq_follows: bool) -> list[_Line]:
        """The press release without the product brief that follows it before the FAQ. Under a heading that
        names the release ("## Press Release") stands a release whole in its own section (four or more
        paragraphs of the author's, 150 words or more, a quotation among them; a shorter one with a
        quotation only where a sibling names a brief's topic: "## What's In Scope", then "## Acceptance
        Criteria"); the sibling sections after it up to the FAQ are the brief's when one of them names a
        brief's topic (``brief-topics``: "## Roadmap", "## Risks & Tradeoffs", "## Evidence") and each
        has sections of its own ("## Problem Statement" over "### Target Customer") or names no part of
        a release and quotes no one. Those are back matter, as what follows a release's end mark up to
        the FAQ is. A sibling that names a quote or the close ("## Customer Quotes", "## Getting
        Started"), names another part in a single section ("# Customer Problem", "## How it works"),
        quotes someone in one ("## From our founder") or opens a release goes on with the release, and
        so does all before it; the boilerplate's ("## About Acme", "## Media Contact") stays the
        release's boilerplate wherever it stands. A release that ends with its boilerplate ("**About
        STRETCH**", "**Contact**") is closed, FAQ or not: the sibling sections after it are a press
        kit's ("## Quotes available for use", "## Story angles", "## Suggested journalist contact
        list"), unless one opens another release. In a document titled as another kind ("#
        Product Requirements Document"), the release is its section alone: what comes before the
        heading that names it and the sibling sections after it are the other document's."""
        opening = next((p for p, line in enumerate(lines) if _opens_release(line)), None)
        if opening is None:
            return lines
        if self._title_says(lines)[2]:
            return self._release_of_another_document(lines, opening, titled_other=True)
        if not self._named_as_genre(lines) and _numbered_outline(lines, opening):
            return self._release_of_another_document(lines, opening, titled_other=False)
        level = lines[opening].level
        siblings = [p for p in range(opening + 1, len(lines)) if lines[p].heading and lines[p].level <= level]
        # "## Press Release (Draft)", then "## Rust NYC launches TalkTriage" at the same level: the
        # headline is the release's first line, not a section after it.
        if siblings and not any(_written(line) for line in lines[opening + 1 : siblings[0]]):
            first = lines[siblings[0]]
            if first.alias is None and not first.question and not first.faq_heading and not _opens_release(first):
                siblings = siblings[1:]
        if not siblings:
            return lines
        section = lines[opening + 1 : siblings[0]]
        written = [line for line in section if _written(line)]
        # The media contact is the last thing a release holds ("**Contact**"); "**About Leakline
        # Pro**" may name a section of the product.
        closed = any(line.label and _is_contact(line) for line in section)
        # Without an FAQ after it, a quotation or a contact closing it, the release may go on in
        # the sections after it; only sections that are all the brief's end it (a vision memo's
        # "## Press Release", then "## The Vision Arc" and "## Success Criteria": round 47 of the
        # user trials).
        unsure = not (faq_follows or closed) or not any(_quotations(line.segment.text) for line in written)
        # A shorter release (a paragraph and a quote: "> **abcd audits its own prompts ...**") is
        # whole only where a sibling after it names a brief's topic ("## What's In Scope").
        short = len(written) < _WHOLE_RELEASE_PARAGRAPHS or sum(line.words for line in written) < _WHOLE_RELEASE_WORDS
        bounds = [*siblings, len(lines)]
        kinds = [self._sibling_kind(lines, p, after, closed) for p, after in zip(siblings, bounds[1:], strict=False)]
        first = len(kinds)
        while first and kinds[first - 1] != "release":
            first -= 1
        cut = [(siblings[k], bounds[k + 1]) for k in range(first, len(kinds)) if kinds[k] == "brief"]
        topics = data()["back-matter"]

        def names_topic(position: int, kind: str = "brief-topics") -> bool:
            key = heading_key(lines[position].label_text or lines[position].segment.text)
            return any(f" {normalise(t)} " in f" {key} " for t in topics[kind])

        named_topic = any(names_topic(p) for p, _ in cut)
        if not cut or not (closed or named_topic) or (short and not named_topic):
            return lines
        if unsure and not self._all_the_brief_s(lines, cut, len(kinds), names_topic):
            return lines
        if short:
            # A short release keeps its own story told in a section of its own ("## A Day With
            # Leakline"): the brief starts at the first sibling that names a brief's topic.
            cut = cut[next(k for k, (p, _) in enumerate(cut) if names_topic(p)) :]
        dropped = {id(line) for start, stop in cut for line in lines[start:stop]}
        for line in lines:
            if id(line) in dropped:
                self.roles[line.segment.index] = "back_matter"
        return [line for line in lines if id(line) not in dropped]

    def _release_of_another_document(self, lines: list[_Line], opening: int, *, titled_other: bool) -> list[_Line]:
        """The release a larger document holds in its own section: a document titled as another
        kind ("# Product Requirements Document", then "## Press Release"), or one laid out in
        numbered sections ("## 1. Press Release", "## 2. Problem Statement", "## 3. Target
        Users"): that section and the sibling sections that go on with it ("## Customer Quotes",
        "## Getting Started"; not the document's own "## Problem" or "## Solution"), up to the
        last of them, and the release's boilerplate after it. The sibling sections after it are
        the other document's (back matter), and so is what stands before its heading (but for a
        numbered document's headings: its title may be the release's headline). A section with
        fewer than `_EMBEDDED_RELEASE_WORDS` words of the author's ("## Press Release" over "TBD")
        is no release yet: all lines are returned as they are, and the kind stays the title's."""
        level = lines[opening].level
        number = _section_number(lines[opening])
        siblings = [p for p in range(opening + 1, len(lines)) if lines[p].heading and lines[p].level <= level]
        bounds = [*siblings, len(lines)]

        def kind_of(position: int, after: int) -> str:
            heading = lines[position]
            if number is not None and _section_number(heading) == number:
                return "release"  # "## 1.2 Solution" under "## 1. Press Release"
            kind = self._sibling_kind(lines, position, after, False)
            if kind != "release" or heading.alias not in _GENERIC_PARTS or _opens_release(heading):
                return kind
            # A "Problem" or "Solution" section is the other document's, unless someone is quoted
            # in it, or, in a numbered document, it is a paragraph of the release's without
            # sections of its own ("## 2. Problem" over one paragraph).
            body = lines[position + 1 : after]
            own = not titled_other and not any(line.heading for line in body)
            return "release" if own or self._quotes_someone(body) else "brief"

        kinds = [kind_of(p, after) for p, after in zip(siblings, bounds[1:], strict=False)]
        last = max((k for k, kind in enumerate(kinds) if kind == "release"), default=-1)
        end = bounds[last + 1]
        if sum(line.words for line in lines[opening + 1 : end] if _written(line)) < _EMBEDDED_RELEASE_WORDS:
            return lines
        self._embedded_release = titled_other
        kept = {id(line) for line in lines[opening:end]}
        if not titled_other:
            # A numbered document's title may be the release's headline; its notes below it
            # ("This document is the single source of truth ...") are not the release.
            kept |= {
                id(line)
                for line in lines[:opening]
                if line.heading or _covered(line.segment.unit.emphasis, line.segment.start, line.segment.end)
            }
        kept |= {
            id(line)
            for k in range(last + 1, len(kinds))
            if kinds[k] == "boilerplate"
            for line in lines[siblings[k] : bounds[k + 1]]
        }
        for line in lines:
            if id(line) not in kept:
                self.roles[line.segment.index] = "back_matter"
        return [line for line in lines if id(line) in kept]

    def _all_the_brief_s(
        self,
        lines: Sequence[_Line],
        cut: Sequence[tuple[int, int]],
        sections: int,
        names_topic: Callable[..., bool],
    ) -> bool:
        """For a release wbl is unsure has ended (no FAQ after it, or no quotation in it): whether
        every one of the `sections` after it is cut, one names a brief's topic other than those a release's own
        close may carry (`closing-topics`: "## Launch Timeline"), none names a part of a release
        ("## Problem Statement" may be its own problem) and none invites the reader ("Hospitals
        can sign up at ..."), but in sections of its own: a plan's milestones ("## Milestone Map"
        over "### M5 — Public Deployment": "Goal: the site is live") are no release's close."""
        invites = self.data["cues"]["call_to_action"]
        plain = [(p, after) for p, after in cut if not any(line.heading for line in lines[p + 1 : after])]
        return (
            len(cut) == sections
            and any(names_topic(p) and not names_topic(p, "closing-topics") for p, _ in cut)
            and all(lines[p].alias is None for p, _ in cut)
            and not any(
                _written(line) and cue_hits(line.segment.text, invites) for p, after in plain for line in lines[p:after]
            )
        )

    def _sibling_kind(self, lines: Sequence[_Line], start: int, stop: int, closed: bool) -> str:
        """What a sibling section after a whole release is: "release" (it goes on with the
        release), "boilerplate" (the release's own, kept where it stands) or "brief"."""
        heading = lines[start]
        if _opens_release(heading):
            return "release"
        if _is_boilerplate(heading) and not _about_something_else(heading.label_text):
            return "boilerplate"
        if closed:
            return "brief"
        if heading.alias in _RELEASE_SECTION_PARTS:
            return "release"
        body = lines[start + 1 : stop]
        if any(line.heading for line in body):  # sections of its own
            return "brief"
        if heading.alias in PR_PARTS or self._quotes_someone(body):
            return "release"
        return "brief"

    def _without_back_matter(self, lines: Sequence[_Line], *, headings_only: bool = False) -> list[_Line]:
        """The lines of the press release (or the FAQ) without its back matter: what a heading such
        as "Sources", "Appendix" or "Coaching Notes" holds, up to the next heading of its level or
        higher (the next heading, for a bold label). Those lines get the role "back_matter" and are
        no part's candidates, and their units the region "back", which no rule reads. An appendix
        that names the FAQ ("Appendix A: Additional Internal FAQs") is the FAQ's; notes about it
        ("Coaching Notes — Stage 3: Customer FAQ") are not."""
        kept: list[_Line] = []
        owner: _Line | None = None
        # A bare "###" line, the usual end mark, is an empty heading: no line of its own. Only in
        # the press release, and only one: several are separators ("###" between sections).
        marks = self._bare_end_marks(lines) if not headings_only else []
        marks = marks if len(marks) == 1 else []
        ended = False
        previous_end = 0
        for line in lines:
            start = line.segment.unit.start
            if marks and any(previous_end <= m < start for m in marks):
                ended = True
            previous_end = max(previous_end, line.segment.unit.end)
            if ended and ((line.faq_heading and not line.question) or line.question == 2):
                ended = False
            if ended:
                self.roles[line.segment.index] = "back_matter"
                continue
            if owner is not None and line.heading and (not owner.heading or line.level <= owner.level):
                # Appendices close a document: the sections after an appendix heading are more
                # appendix ("# Appendix C: Known Limitations", "# 2. AI Feature Limitations", ...)
                # until an FAQ heading or a marked question.
                # So does the press release's end mark ("###", "-30-"): what follows it up to the
                # FAQ is the press kit's (media quotes, story angles, a fact sheet).
                appendix = _is_end_mark(owner.segment.text) or (
                    owner.heading and heading_key(owner.label_text).startswith(("appendix", "appendices"))
                )
                if not appendix or (line.faq_heading and not line.question) or line.question == 2:
                    owner = None
            if (
                owner is None
                and not headings_only
                and line.segment.unit.kind in ("paragraph", "heading")  # a table's "#" column is no end
                and _is_end_mark(line.segment.text)
            ):
                owner = line
            if (
                owner is None
                and line.label
                and (line.heading or not headings_only)
                and not line.question
                and not (line.faq_heading and heading_key(line.label_text).startswith("appendix"))
                and is_back_matter(line.label_text)
            ):
                owner = line
            if owner is not None:
                self.roles[line.segment.index] = "back_matter"
                continue
            kept.append(line)
        return kept

    def _bare_end_marks(self, lines: Sequence[_Line]) -> list[int]:
        """Where a line holds only "###" or "# # #" (outside code blocks), among `lines`."""
        if not lines:
            return []
        text = self.source.text
        first, last = lines[0].segment.unit.start, lines[-1].segment.unit.end
        code = [(start, start + len(raw)) for start, raw in self.code_blocks]
        return [
            m.start()
            for m in _BARE_END_MARK.finditer(text, first, last)
            if not any(start <= m.start() < end for start, end in code)
        ]

    def _mark_boilerplate(self, release: Sequence[_Line]) -> None:
        """The role "boilerplate" for the release's prose under an "About <the company>" or "Media
        contact" heading or label, up to the next heading of its level or higher (the next label,
        under a bold label): the standard paragraphs a release ends with, which say who the company
        is, not what the customer gets. Not under "About the pilot" or "About this launch" (a
        section of the release). Only lines no part or other role has claimed: an "About"
        paragraph the close finder took for the call to action stays that, and boilerplate after
        the FAQ is not recognised. A paragraph that opens with a run-in "**About Acme**:" label is
        the boilerplate itself."""
        # The release's own parts end before its boilerplate: a run-in "About" label after them.
        last_part = max(
            (s.index for name, part in self.parts.items() if name in PR_PARTS for s in part.segments), default=-1
        )
        for position, line in enumerate(release):
            if (
                line.runin
                and not line.label
                and line.segment.index > last_part
                and _names_boilerplate(line.runin)
                and not _about_something_else(line.runin)
                and not re.search(r"['’]s\b", line.runin)  # "About Shelfwise's accuracy": a topic
                and line.segment.index not in self.roles
            ):
                self.roles[line.segment.index] = "boilerplate"
                continue
            if not (line.label and _is_boilerplate(line)) or _about_something_else(line.label_text):
                continue
            contact = _is_contact(line)
            for later in release[position + 1 :]:
                if (
                    contact
                    and later.label
                    and not later.heading
                    and (line.heading or later.segment.unit is line.segment.unit)
                    and _CONTACT_FIELDS.fullmatch(later.segment.text.strip(" *_"))
                ):
                    # "Media Contact" over "GitHub: <url>", "Email: <address>": the contact's
                    # fields (trial DK: "Repo: <url>" judged as release prose).
                    if self.roles.get(later.segment.index, "label") == "label":
                        self.roles[later.segment.index] = "boilerplate"
                    continue
                if later.label and (not line.heading or (later.heading and later.level <= line.level)):
                    break
                if not later.blank and not later.label and later.segment.index not in self.roles:
                    self.roles[later.segment.index] = "boilerplate"

    def _default_role(self, line: _Line, in_pr: bool) -> str:
        if line.blank:
            return "blank"
        if line.residue:
            return "residue"
        if line.metadata:
            return "metadata"
        if line.title:
            return "title"
        if line.label:
            return "label" if in_pr else "faq_label"
        return "body" if in_pr else "faq_other"

    # --- template residue --------------------------------------------------------------------------
    def _residue(self, segments: Sequence[Segment]) -> list[Residue]:
        found: list[Residue] = []
        only: list[tuple[Segment, str]] = []
        titles = {normalise(t) for t in self.data["template"]["titles"]}
        kept = frozenset(self.data["template"].get("kept", ()))
        kept_only: list[Segment] = []
        for segment in segments:
            unit, text = segment.unit, segment.text
            if unit.is_heading and normalise(text) in titles:
                found.append(Residue(unit, segment.start, segment.end, text))
                only.append((segment, text))
                continue
            covered = 0
            words = len(_WORD.findall(text))
            left_over = False
            for start, end in split_sentences(text):
                prompt = template_prompt(text[start:end])
                if prompt is not None:
                    if prompt not in kept:
                        found.append(Residue(unit, segment.start + start, segment.start + end, prompt))
                        left_over = True
                    covered += len(_WORD.findall(text[start:end]))
            if words and covered >= words * 0.8:
                if left_over:
                    only.append((segment, text))
                else:
                    # The template's own note that a finished document keeps (an RFC's sign-off):
                    # no left-over, no part, and no prose of the author's to judge.
                    self.roles[segment.index] = "back_matter"
                    kept_only.append(segment)
        self._residue_only = only
        self._kept_only = kept_only
        return found

    # --- where the FAQ starts ----------------------------------------------------------------------
    def _faq_start(self, lines: Sequence[_Line]) -> int:
        sections = _release_section_headings(lines)
        faq_headed = any(line.faq_heading and not line.question for line in lines)
        # The FAQ follows the press release: questions above a heading that opens the release
        # ("## Five Questions" ... "## Press Release" ... "## FAQ") are not the FAQ. Only an
        # opening with an FAQ heading after it counts when there is one: "## Working Backwards"
        # closing a document over milestones, after "## FAQ", opens no release.
        openings = [i for i, line in enumerate(lines) if _opens_release(line)]
        headings = [i for i, line in enumerate(lines) if line.faq_heading and not line.question]
        before_faq = [i for i in openings if headings and i < headings[-1]]
        release = max(before_faq or openings, default=-1)
        for i, line in enumerate(lines):
            if i < release:
                continue
            if line.faq_heading and not line.question:
                return i
            if (
                line.question == 2
                and not line.quote_depth
                and not _release_sections_follow(sections, i, line, faq_headed)
            ):
                # A run of questions: another marked question soon after, no press-release label between.
                for later in lines[i + 1 : i + 12]:
                    if later.alias is not None and later.label:
                        break
                    if later.question == 2:
                        return i
        # A plain-text FAQ: "...?" lines each followed by an answer, at least three of them. A
        # list's item followed by an item no deeper is one of a list of questions ("such as:" over
        # "Who first created this notebook?" and the rest), not an FAQ's, and so is the list's last
        # item after another question; an item under it answers.
        plain = [
            i
            for i, ln in enumerate(lines)
            if i > release
            and ln.question == 1
            and i + 1 < len(lines)
            and not lines[i + 1].question
            and not _listed_after(ln, lines[i + 1])
            # The last of a list of questions ("1. How ...? 2. Which ...? 3. How ...?" under
            # "**Questions:**", then a paragraph) asks with the others; an item under it answers.
            and not (
                i
                and lines[i - 1].question
                and _listed_after(lines[i - 1], ln)
                and lines[i + 1].segment.unit.kind != "list_item"
            )
        ]
        if len(plain) >= 3:
            return plain[0]
        return len(lines)

    # --- press release by headings -------------------------------------------------------------------
    def _alias_sections(self, lines: Sequence[_Line]) -> dict[int, tuple[str, _Line]]:
        """segment index -> (the part an enclosing alias heading or label names, that label)."""
        result: dict[int, tuple[str, _Line]] = {}
        current: tuple[str, _Line] | None = None
        features = _labelled_features(lines)
        for line in lines:
            if line.heading and line.question and current is not None:
                owner = current[1]
                if not owner.heading or line.level <= owner.level:
                    current = None
            if line.label:
                if line.alias is not None:
                    current = (line.alias, line)
                    continue
                if current is not None and line.heading:
                    owner = current[1]
                    if not owner.heading or line.level <= owner.level:
                        current = None
                elif current is not None and not line.heading and current[1].heading is False:
                    current = None  # a new bold label ends a bold label's section
                elif current is not None and not line.heading and current[0] in ("headline", "subheading"):
                    # "### HEADLINE" over "**Acme Launches ...**": the bold line is the headline,
                    # found among the lead lines; what follows it is the release
                    current = None
                continue
            if line.runin and line.alias is not None and line.segment.index not in features:
                current = (line.alias, line)
            if current is not None and current[1].paragraph_label and current[1].segment.unit is not line.segment.unit:
                current = None  # a label line above a paragraph's text names that paragraph only
            # Under a plain "Customer Testimonial", or after a paragraph opening "Customer Quote:",
            # only a quotation is the quote.
            plain_quote = (
                current is not None
                and (current[1].plain_label or (current[1].runin and current[1] is not line))
                and current[0] in _QUOTE_PARTS
            )
            if plain_quote and not line.blank and not _QUOTED.search(line.segment.text):
                current = None
            if current is not None and not line.blank:
                result[line.segment.index] = current
                if current[1] is line and line.alias in _ONE_LINE_PARTS:
                    current = None  # "**Tagline:** ..." names its own line, not the paragraphs after it
                elif (
                    current[1].heading
                    and current[0] in ("headline", "subheading")
                    and not (line.quote_depth or line.residue or _mostly_placeholder(line.segment.text))
                ):
                    # "## HEADLINE" over its line, then the dateline and the body (a template's
                    # prompt above the answer, block-quoted or in brackets, is not the line)
                    current = None
        return result

    # --- lead and body --------------------------------------------------------------------------------
    def _lead_and_body(
        self, lines: Sequence[_Line], sections: Mapping[int, tuple[str, _Line]]
    ) -> tuple[list[_Line], list[_Line]]:
        """The lines before the first body paragraph (headline, subheading) and the body paragraphs.

        Text before a line that starts the press release ("## Press Release", "**Press Release:
        Introducing X**") is a preamble (status notes, a model's reasoning), not the release.
        """
        lead: list[_Line] = []
        body: list[_Line] = []
        in_lead = True
        start, marked = self._release_start(lines)
        self._release_from = lines[start].segment.index if marked and start < len(lines) else -1
        # The block a lead label introduces ("**Contact:**" and the lines under it, "##### FROM:"
        # and the paragraph below): who to call, not the headline.
        block: _Line | None = None
        # A block quote above the document's first heading is a banner about the draft ("> **Snapshot:**
        # local e5524eb · not deployed"), not the release's first paragraph.
        first_heading = next((p for p, ln in enumerate(lines) if ln.heading and not ln.blank), 0)
        # Levels of the headings that name the release's body parts ("## Problem Statement").
        section_levels = {ln.level for ln in lines if ln.heading and ln.alias in _BODY_PARTS}
        launch_cues = self.data["kind"]["launch-cues"]
        dated_under_headline = False  # a dateline line of its own under the headline
        for position, line in enumerate(lines):
            index = line.segment.index
            if line.blank or line.residue:
                continue
            if position < first_heading and line.quote_depth and not line.heading:
                self.roles[index] = "preamble"
                continue
            if not lead and self._navigation(line, position < first_heading, lines[position + 1 :]):
                self.roles[index] = "preamble"
                continue
            if position < start:
                if not line.title and not line.metadata and not line.label:
                    self.roles[index] = "preamble"
                elif line.metadata:
                    self.roles[index] = "metadata"
                else:
                    self.roles[index] = "title"
                continue
            if block is not None:
                same_unit = line.segment.unit is block.segment.unit
                under_heading = block.heading and not line.heading and line.words <= 12
                listed = line.segment.unit.kind == "list_item" and line.words <= 8  # "Authors:" then names
                # "FOR RELEASE:" then "January 6, 2024": the date is the release's dateline.
                if (same_unit or under_heading or listed) and not _date_only(line.segment.text):
                    self.roles[index] = "metadata"
                    continue
                block = None
            if in_lead and line.label and _introduces_block(line):
                self.roles[index] = "metadata"
                block = line
                continue
            if line.metadata:
                self.roles[index] = "metadata"
                continue
            section = sections.get(index)
            if (
                in_lead
                and lead
                and _is_release_mark(line.label_text if line.label else line.segment.text)
                and all(ln.heading and self._names_only(_marker_remainder(ln.label_text)) for ln in lead)
            ):
                # "# Press release — West End Health District", then "**FOR IMMEDIATE RELEASE**" and
                # the release's own headline: the line above the mark is the document's title. Not
                # "# Press Release: Acme Launches Kettle for Bakers", a headline with the genre's name.
                for title in lead:
                    self.roles[title.segment.index] = "title"
                lead.clear()
            if in_lead and not line.heading and "dateline" not in self.parts and _dateline_only(line.segment.text):
                # "**Charlotte, NC — August 2026**" on a line of its own among the lead lines: the
                # dateline, not a subheading, though the whole line is bold.
                self.found("dateline", [line.segment], "content", 0.8)
                self.roles[index] = "dateline"
                dated_under_headline = bool(lead) and not line.heading
                continue
            if position == start and start > 0 and marked:
                remainder = _marker_remainder(line.label_text or line.segment.text)
                self.roles[index] = "title"
                self._dated_mark(line)
                if remainder and in_lead:
                    lead.append(line)  # "Press Release: Introducing FlyShare": the rest is the headline
                continue
            if in_lead and line.label and not line.heading and _date_only(line.segment.text):
                # "**January 6, 2026**" on its own line under "FOR IMMEDIATE RELEASE": a date, set
                # in bold like the lines around it, is no headline.
                self.found("dateline", [line.segment], "content", 0.7)
                self.roles[index] = "dateline"
                continue
            if in_lead and not lead and self._draft_note(line, lines[position + 1 :]):
                self.roles[index] = "preamble"
                continue
            if line.label:
                if line.alias is not None:
                    self.roles[index] = "label"
                    if line.alias not in ("headline", "subheading"):
                        in_lead = False
                    continue
                if line.title or (_is_upper_label(line.label_text) and is_title(line.label_text)):
                    self.roles[index] = "title"
                    self._dated_mark(line)
                    continue
                if lead and line.heading and line.words == 1 and line.level in section_levels:
                    # "## Hook" beside "## Problem Statement" and "## Solution Description", under
                    # the headline: a template's section, named as its siblings are, no subheading
                    # (one word: "## Bake Smarter" may be a tagline; before any lead line, "##
                    # Linguist ##" is the product's name as headline).
                    self.roles[index] = "label"
                    in_lead = False
                    continue
                # A heading in a block quote is the headline where the release is laid out in that
                # block quote ("> ### Easy Markdown: the best free editor" over the quoted dateline
                # and body; round 53 of the user trials), and so is a label under it there (its
                # sub-heading in italics); not a note, a callout or an epigraph ("> ### Note", "> ###
                # Close the month before your coffee gets cold." over its attribution), nor a quoted
                # heading under a headline of the document's own.
                quoted_lead = (
                    bool(lead and lead[-1].quote_depth)
                    if lead
                    else line.heading
                    and not line.label_text.lstrip(" *_").startswith(_OPEN_QUOTE)
                    and _quoted_release_below(lines, position)
                )
                if in_lead and (not line.quote_depth or quoted_lead) and line.segment.unit.kind != "table_cell":
                    lead.append(line)
                    continue
                # A label inside the body ("Key features:") is not prose to judge as a part.
                self.roles[index] = "label"
                continue
            title_question = line.question and line.heading and line.level == 1 and position == first_heading
            if in_lead and not lead and title_question and not _headline_follows(lines, position, launch_cues):
                # "# Why Do Some Clinical Trials Finish... and Others Don't?": the document's title
                # asks the release's question; an FAQ's questions come after the release.
                lead.append(line)
                continue
            if line.segment.unit.kind not in PROSE:
                continue
            if section is not None and section[0] in ("headline", "subheading"):
                continue
            if in_lead and _date_only(line.segment.text):
                self.found("dateline", [line.segment], "content", 0.7)  # "July 23, 2060" under the title
                self.roles[index] = "dateline"
                continue
            if (
                in_lead
                and dated_under_headline
                and not line.heading
                and not line.label
                and (line.words > 20 or _TODAY_LAUNCHED.search(line.segment.text))
            ):
                # A dateline on its own line under the headline, then a plain paragraph: the summary,
                # not a sub-heading ("# Kovan ...", "Singapore - Mar 6 2017 ...", "On 24th Feb 2017, ...").
                in_lead = False
            if in_lead and (self._lead_line(line, lead) or self._subheading_above_dateline(lines, position, lead)):
                lead.append(line)
                continue
            in_lead = False
            body.append(line)
        lead = self._drop_document_title(lead)
        return lead, body

    def _navigation(self, line: _Line, above_the_title: bool, following: Sequence[_Line]) -> bool:
        """A short paragraph that is wholly a link out of the page, before the headline:
        "[back to project](./README.md)" above the document's first heading, or to a page of the
        same site anywhere before a short line that may be the headline ("[Acme launches
        Kettle](https://acme.example/kettle)", or "[Kettle](./kettle/README.md)" over the release's
        first paragraph, may be the headline itself)."""
        if line.heading or line.words > 5 or not self.links_elsewhere(line):
            return False
        if above_the_title:
            return True
        if any(url.startswith(("http:", "https:")) for url in line.segment.unit.links):
            return False
        after = next((ln for ln in following if not ln.blank), None)
        return (
            after is not None
            and after.words <= _HEADLINE_WORDS
            and not after.segment.text.rstrip(" *_").endswith(_TERMINAL)  # a headline has no full stop
            and not self.links_elsewhere(after)
        )

    def _opening_headings(self) -> Iterator[_Line]:
        """The headings the document opens with, above its first other line (a link out of the
        page aside), but a press release's bare mark: "# Press Release from the Future" over "##
        JupyterLab Metadata Explorer Press Release"."""
        for line in self.lines:
            if line.blank or self.roles.get(line.segment.index) in ("preamble", "back_matter"):
                continue  # a PRD's own title above its "## Press Release" is no headline
            if not line.heading:
                return
            if _marker_remainder(line.label_text) != "":
                yield line

    def _draft_note(self, line: _Line, following: Sequence[_Line]) -> bool:
        """A note to the reader set in italics or bold before the headline: two sentences or more
        in sentence case, ending with a full stop, that speaks of the text itself
        (two of `draft-note-phrases`: "as if", "only after", "launch copy"), and a short line (the
        headline) right below it."""
        text = line.segment.text.strip()
        if line.heading or not text.endswith(_TERMINAL) or _title_cased(text):
            return False
        if not _covered(line.segment.unit.emphasis, line.segment.start, line.segment.end):
            return False
        # Two of its phrases: one alone may be a headline's ("edit photos as if you had a studio").
        if len(split_sentences(text)) < 2 or len(cue_hits(text, self.data["titles"]["draft-note-phrases"])) < 2:
            return False
        below = next((ln for ln in following if not ln.blank), None)
        return below is not None and (below.heading or (below.words <= 25 and self._lead_line(below, [])))

    def _front_matter_end(self) -> int:
        """Where the file's front matter ends (0 without one)."""
        front = _front_matter(self.source.text)
        return front.end if front is not None else 0

    def _names_only(self, remainder: str | None) -> bool:
        """Whether what follows the genre's name in a title only names the product or the
        subject (a few words, no launch wording), as a document's title does."""
        return (
            bool(remainder)
            and len(remainder.split()) <= 6
            and not cue_hits(remainder, self.data["kind"]["launch-cues"])
        )

    def _dated_mark(self, line: _Line) -> None:
        """A title line that carries the date ("**For immediate release. March 18, 2026.**") is the dateline."""
        text = line.segment.text
        if not line.heading and "dateline" not in self.parts and has_date(text) and len(text.split()) <= 12:
            self.found("dateline", [line.segment], "content", 0.7)

    def _release_start(self, lines: Sequence[_Line]) -> tuple[int, bool]:
        """Where the press release starts when something comes before it, else 0; and whether a
        line there names the genre. The release starts at a line that names the genre ("Press
        Release") after prose, or at the headings right above the release's dateline ("#
        Acme Launches ...", "## For busy parents ...", then "**Ayodhya, [Launch Month] 2026** — ...")
        after text of the author's own (notes, front matter written as text)."""
        prose_seen = False
        markers: list[int] = []
        for position, line in enumerate(lines):
            text = line.label_text if line.label else line.segment.text
            if (line.label or line.title) and _marker_remainder(text) is not None:
                if prose_seen:
                    return position, True
                markers.append(position)
                continue
            if _opens_with_dateline(line):  # the release's first dateline
                headline = _headings_above(lines, position)
                # "# PR-FAQ: Toolchain Config", an overview's fields, then "# PRESS RELEASE" above
                # the headline: the release starts at the line that names it (the last such line
                # above the headline: "# Working Backwards: Press Release / FAQ", a subtitle, then
                # "## PRESS RELEASE").
                marker = max((m for m in markers if headline is not None and m < headline), default=0)
                if headline is not None and _notice(lines[marker:headline]):
                    return headline, False
                if marker:
                    return marker, True
                written = headline is not None and any(_written(ln) for ln in lines[:headline])
                return (headline if written else 0), False
            if not line.label and not line.blank and not line.metadata and not line.residue and line.words >= 8:
                prose_seen = True
        # No dateline: a heading that names the genre under the document's title ("# Payment Agent —
        # REQUIREMENTS", a banner, then "## Press Release" over the release's own headline; "# PRD-001
        # - ...", its fields, then "## 1. Press release": round 47 of the user trials) starts it.
        marker = markers[0] if markers else 0
        if marker and lines[marker].heading and self._document_title_above(lines[:marker]):
            first = next(
                (
                    ln
                    for ln in lines[marker + 1 :]
                    if not (ln.blank or ln.residue or ln.metadata or _is_release_mark(ln.label_text or ln.segment.text))
                ),
                None,
            )
            if first is not None and (first.heading or self._lead_line(first, [])):
                return marker, True
        return 0, False

    def _document_title_above(self, lines: Sequence[_Line]) -> bool:
        """Whether the lines above a heading that names the release open with the document's own
        title, not the release's headline: a title that names the genre or another kind of
        document ("— REQUIREMENTS", "PRD-001", `document-words`), or one with fields or a banner
        under it ("**Owner:** founder", "> Internal PRFAQ — Working Document")."""
        title = next((ln for ln in lines if ln.heading and not ln.blank), None)
        if title is None:
            return False
        text = title.label_text or title.segment.text
        words = (*_other_genre_titles(), *self.data["titles"]["document-words"])
        # The kind of document stands in a short piece of the title set off by a dash or a colon
        # ("... — REQUIREMENTS", "PRD-001 - ...", "Phase 2: Vision — ..."), not inside a headline
        # ("Clearview Brings Night Vision to Every Dashcam").
        pieces = [p for p in _TITLE_PIECES.split(text) if p.strip()]
        named = any(len(p.split()) <= 3 and cue_hits(p, words) for p in pieces) if len(pieces) > 1 else False
        if names_the_genre(title_key(text)) or is_title(text) or named:
            return True
        below = lines[lines.index(title) + 1 :]
        return any(ln.metadata or (ln.quote_depth and not ln.blank) for ln in below)

    def _lead_line(self, line: _Line, lead: Sequence[_Line]) -> bool:
        """A short line before the body that reads as a headline or subheading, not a paragraph."""
        text = line.segment.text.strip()
        # In a block quote, only under a headline in the same block quote (a release laid out in one).
        if line.quote_depth and not (lead and lead[-1].quote_depth):
            return False
        if line.question or dateline_span(text) is not None:
            return False
        if line.runin:
            return False
        emphasized = _covered(line.segment.unit.emphasis, line.segment.start, line.segment.end)
        if emphasized and len(lead) == 1 and line.words <= 60 and len(split_sentences(text)) == 1:
            return True  # one sentence in italics right under the headline: its subheading, however long
        if line.words > 40:
            return False
        if emphasized:
            return True
        if not text.endswith(_TERMINAL) and line.words <= 25:
            return True
        # Title Case reads as a headline, full stop or not ("Introducing [App Name]: Transform Any
        # Novel into Your Personal Interactive Adventure."; "... Beyond Understanding. It Acts for You.").
        if line.words <= 25 and _title_cased(text) and len(split_sentences(text)) <= 2:
            return True
        # A one-sentence subheading right after the headline.
        return bool(lead) and len(lead) < 2 and line.words <= 25 and len(split_sentences(text)) == 1

    @staticmethod
    def _subheading_above_dateline(lines: Sequence[_Line], position: int, lead: Sequence[_Line]) -> bool:
        """A one-sentence paragraph between the headline and the dateline is the subheading, however
        long ("Finance teams at online marketplaces can now match every incoming bank payment ...",
        then "NEW YORK, September 8, 2025 — ..."): the summary starts at the dateline."""
        line = lines[position]
        if not lead or line.words > 40 or line.quote_depth or len(split_sentences(line.segment.text.strip())) != 1:
            return False
        following = next((ln for ln in lines[position + 1 :] if not ln.blank and not ln.residue), None)
        return following is not None and _opens_with_dateline(following)

    def _drop_document_title(self, lead: list[_Line]) -> list[_Line]:
        """The first lead line is the document's title, not its headline, when it only names the
        product (a few words, none of them launch wording: "Acme Launches CloudSync" is a
        headline) and a longer line follows it."""
        if (
            len(lead) >= 2
            and lead[0].heading
            and lead[0].words <= 4
            and not cue_hits(lead[0].segment.text, self.data["kind"]["launch-cues"])
        ):
            second = lead[1]
            if second.words > lead[0].words and (not second.heading or second.level >= lead[0].level):
                self.roles[lead[0].segment.index] = "title"
                return lead[1:]
        return lead

    # --- press-release parts ---------------------------------------------------------------------------
    def _pr_parts(
        self,
        lead: list[_Line],
        body: list[_Line],
        quotes: list[Quote],
        sections: Mapping[int, tuple[str, _Line]],
    ) -> None:
        by_section: dict[str, list[Segment]] = {}
        # Paragraphs of a header's fields above the release ("**Team:** ...", "**Date:** ..."): a
        # part's label among them is one more field ("**Challenge:** Challenge 2: ..."), no part.
        fields = {ln.segment.unit.index for ln in self.lines if self.roles.get(ln.segment.index) == "metadata"}
        for line in self.lines:
            section = sections.get(line.segment.index)
            if section is None or line.blank or line.residue or line.label:
                continue
            if self.roles.get(line.segment.index) == "preamble" and (
                line.segment.unit.index in fields or (section[0] in _BODY_PARTS and section[1].runin)
            ):
                # A header's fields, and the author's notes before the release ("- **Pricing:** free
                # for parents" under "Assumptions I made"; not a "## The Problem" section before
                # "## Press Release"): the release's body comes after them.
                continue
            # "Get it:" then "Marketplace: search Fachwerk": where to get it, written as fields.
            if not line.metadata or section[0] == "call_to_action":
                by_section.setdefault(section[0], []).append(line.segment)
        # A headline or sub-heading comes before the release's body: a "**Title:**" field in a list
        # of links at the end ("Academic paper ... Title: "Capacity Scaling ..."") titles something else.
        # (Sections before a line that opens the release, "## Problem" above "## Press Release", set
        # the context: the release's own "**Title:**" comes after them.)
        body_start = min(
            (
                s.index
                for p in ("summary", "problem", "solution")
                for s in by_section.get(p, ())
                if s.index > self._release_from
            ),
            default=None,
        )
        for part, segs in by_section.items():
            segs.sort(key=lambda s: s.index)
            if part in ("headline", "subheading") and body_start is not None and segs[0].index > body_start:
                continue
            # Under a part's heading, block-quoted text beside the author's own is the template's
            # guidance ("> Name the product in a way the reader will understand."), not the part.
            own = [s for s in segs if not s.unit.quote_depth]
            if own and len(own) < len(segs):
                for s in segs:
                    if s.unit.quote_depth:
                        self.roles[s.index] = "guidance"
                segs = own
            content = [s for s in segs if not _mostly_placeholder(s.text)] or segs
            via = "label" if sections[segs[0].index][1].runin else "heading"
            if part in _QUOTE_PARTS:
                continue  # quotes are found with their attributions below
            if part == "call_to_action":
                # Under several such headings ("Pricing", then "Availability"), the close is the
                # paragraph that says where to go ("available now at settler.io"), else the first.
                content = [next((s for s in content if self._says_where_to_start(s)), content[0])]
            if part == "problem":
                # Under "Why it matters", the paragraphs that state a benefit are no problem; the
                # ones that state a difficulty still are.
                benefits = self._benefits_under(sections[segs[0].index][1], content)
                self._benefit_segments.update(s.index for s in benefits)
                content = [s for s in content if s not in benefits]
                segs = [s for s in segs if s not in benefits]
                if not content:
                    continue
            self.found(part, content if part in ("problem", "solution") else content[:1], via, 0.95)
            for s in segs:
                self.roles.setdefault(s.index, part)
        # Headline and subheading from the lead lines; failing those, the document's own title when it
        # names the product (an RFC's "# EventBridge Pipes L2 Construct"), not the genre ("PR/FAQ").
        lead = [ln for ln in lead if sections.get(ln.segment.index) is None]
        if not lead and "headline" not in self.parts:
            title = next((ln for ln in self._opening_headings() if _names_product(ln)), None)
            if title is None and not self._embedded_release:  # a PRD's own title is none of the release's
                title = next((ln for ln in self.lines if ln.heading and not ln.blank), None)
            if title is not None and _names_product(title):
                self.found("headline", [title.segment], "position", 0.5)
                self.roles[title.segment.index] = "headline"
        if lead and "headline" not in self.parts:
            self.found("headline", [lead[0].segment], "content", 0.85)
            self.roles[lead[0].segment.index] = "headline"
            lead = lead[1:]
        if lead and "subheading" not in self.parts:
            self.found("subheading", [lead[0].segment], "content", 0.8)
            self.roles[lead[0].segment.index] = "subheading"
        for line in lead[1:]:
            self.roles.setdefault(line.segment.index, "lead")
        # Quotes.
        quoted = self._quoted_segments(quotes)
        for speaker in ("leader", "customer"):
            mine = [q for q in quotes if q.speaker == speaker]
            if mine and mine[0].segment is not None:
                first = mine[0]
                if speaker == "leader" and not self._speaks_for_us(first):
                    # An analyst of another firm quoted first ("research director, 451 Research"),
                    # then the company's CEO: the leader's quote is the company's own.
                    first = next((q for q in mine[1:] if q.segment is not None and self._speaks_for_us(q)), first)
                via = "heading" if first.segment.index in sections else "content"
                self.found(
                    f"{speaker}_quote", [first.segment], via, 0.9 if first.attribution else 0.7, first.placeholder
                )
                for q in mine:
                    if q.segment is not None:
                        self.roles[q.segment.index] = f"{speaker}_quote"
                for later, first_line in self._quote_lines.items():
                    if any(q.segment is not None and q.segment.index == first_line for q in mine):
                        self.roles[later] = f"{speaker}_quote"
        prose = [ln for ln in body if ln.segment.index not in quoted and sections.get(ln.segment.index) is None]
        paragraphs = [ln for ln in prose if ln.segment.unit.kind == "paragraph"] or prose
        # Summary and dateline. The summary opens the release: a paragraph after the sections of
        # the problem and the solution ("### Why us, why now" below them) is not it.
        parted = [ln for ln in body if sections.get(ln.segment.index, ("",))[0] in ("problem", "solution")]
        opening = [ln for ln in paragraphs if not parted or ln.segment.index < parted[0].segment.index]
        if not opening and parted and sections[parted[0].segment.index][0] == "solution":
            # The release opens under "### Solution": its first paragraph says what launched, and
            # is the summary too ("Starting today, multi-entity companies can ...").
            opening = [parted[0]] if parted[0].segment.unit.kind == "paragraph" else []
        if "summary" not in self.parts and opening:
            self.found("summary", [opening[0].segment], "content", 0.8)
            self.roles.setdefault(opening[0].segment.index, "summary")
        self._dateline(lead, body)
        summary = self.parts.get("summary")
        # Problem: the paragraph (or quote) that states the customer's difficulty. Candidates are
        # scored even when a heading named the problem, so that the model can be trained on them.
        self._problem([ln for ln in body if ln.words >= 6][:8], quotes)
        # Call to action: the closing paragraphs say where to go, what it costs, how to start.
        if "call_to_action" not in self.parts:
            self._call_to_action(prose, body, sections)
        # Solution: the first paragraph after the problem (or the summary) that is not a quote or the close.
        if "solution" not in self.parts:
            problem = self.parts.get("problem")
            cta = self.parts.get("call_to_action")
            start = problem.segments[-1].index if problem else (summary.segments[-1].index if summary else -1)
            for line in prose:
                index = line.segment.index
                if index <= start or (cta and index >= cta.segments[0].index) or line.words < 8:
                    continue
                self.found("solution", [line.segment], "content", 0.6)
                self.roles.setdefault(index, "solution")
                break

    def _closing_call_to_action(self, faq_lines: Sequence[_Line]) -> None:
        """A release with no call to action of its own may close the whole document with one: a
        "## Getting Started" heading after the FAQ and the paragraph under it."""
        for position, line in enumerate(faq_lines):
            if not line.heading or line.question or line.alias != "call_to_action":
                continue
            for later in faq_lines[position + 1 :]:
                if later.heading and later.level <= line.level:
                    break
                if later.segment.unit.kind in PROSE and not later.label and not later.question and later.words >= 4:
                    self.found("call_to_action", [later.segment], "heading", 0.5)
                    return

    def _code_under_heading(self, sections: Mapping[int, tuple[str, _Line]]) -> bool:
        """A getting-started heading over nothing but a code block (the commands to run, or the
        text of the steps in a fence) is the call to action: the block is what the writer wrote;
        so is a getting-started label ("**Getting started:**") right above one."""
        written = {owner.segment.index for index, (_, owner) in sections.items() if not self.lines[index].residue}
        for line in self.pr_lines:
            if not line.label or line.alias != "call_to_action" or line.segment.index in written:
                continue
            if line.heading:
                after = (ln for ln in self.lines[line.segment.index + 1 :] if ln.heading and ln.level <= line.level)
            else:
                after = iter(self.lines[line.segment.index + 1 :])  # the block must come before any other line
            following = next(after, None)
            end = following.segment.unit.start if following is not None else math.inf
            if any(line.segment.unit.end <= start < end for start, _ in self.code_blocks):
                self.found("call_to_action", [line.segment], "heading", 0.6)
                return True
        return False

    def _dateline(self, lead: Sequence[_Line], body: Sequence[_Line]) -> None:
        if "dateline" in self.parts:
            return
        candidates = [ln for ln in body[:3]] + [ln for ln in lead]
        for line in candidates:
            span = dateline_span(line.segment.text) or _bold_dateline(line.segment)
            if span is not None:
                self.found(
                    "dateline", [line.segment], "content", 0.9, _mostly_placeholder(line.segment.text[: span[1]])
                )
                return
        # The release's own date as a field under its headline ("**Date.** 15 October 2026"): a
        # dateline without its place (a document's header above the headline dates the draft).
        headline = self.parts.get("headline")
        # Not a field of the document's header above the release ("**Date:** 2026-01-07" over
        # "### Press Release"): that dates the draft.
        subheading = self.parts.get("subheading")
        after = max(
            headline.segments[0].index if headline else len(self.units),
            subheading.segments[0].index if subheading else -1,
            self._release_from,
        )
        # Under a headline the release names as such ("**Headline.**"), or below the sub-heading.
        if headline is not None and (headline.via in ("label", "heading") or subheading is not None):
            for line in self.pr_lines:
                label = line.runin or (line.label_text if line.label else "")
                # Among the release's opening lines only: a "**Launch date:**" under
                # "## Availability" is no dateline.
                if (
                    line.metadata
                    and after < line.segment.index <= after + _DATE_FIELD_REACH
                    and heading_key(label) in _DATE_LABELS
                    and has_date(line.segment.text)
                ):
                    self.found("dateline", [line.segment], "label", 0.6)
                    return
        # A date alone under the headline (a blog post's byline, "June 1, 2026").
        for line in list(lead) + list(body[:1]):
            text = line.segment.text
            if line.words <= 12 and (_DATE.search(text) or _PLACEHOLDER_DATE.search(text)):
                self.found("dateline", [line.segment], "content", 0.6)
                return
        # The date opening the release's first sentence ("On December 11, 2021, Redcar ...", "In
        # July 2022, the foundation released ..."): a dateline without its place.
        for line in body[:1]:
            date = _MONTH_DATE.search(line.segment.text, 0, 60)
            if date is not None and _DATE_LEAD_IN.fullmatch(line.segment.text[: date.start()]):
                self.found("dateline", [line.segment], "content", 0.5)
                return

    def _problem(self, candidates: Sequence[_Line], quotes: Sequence[Quote]) -> None:
        """The paragraph that states the customer's difficulty, where no heading names it: the
        candidate the problem model (wbl/data/parts.json, fitted by training/parts.py on labelled
        documents) finds likeliest, when likely enough. Its features are the paragraph's wording
        (difficulty words, a status-quo opening, negation, launch wording, who the subject is) and
        its place in the release."""
        model = parts_model()["problem"]
        product = self._product_words()
        quoted = self._quoted_segments(quotes)
        summary = self.parts.get("summary")
        summary_index = summary.segments[0].index if summary else -1
        best: tuple[float, _Line] | None = None
        for order, line in enumerate(candidates):
            segment = line.segment
            features = problem_features(
                segment.text,
                position=order,
                after_summary=segment.index > summary_index >= 0,
                quote=segment.index in quoted,
                list_item=segment.unit.kind == "list_item",
                product=product,
                heading=self._descriptive_heading(line),
            )
            probability = _logistic(model, features)
            self.problem_candidates.append((segment.index, MappingProxyType(features), probability))
            if segment.index in self._benefit_segments:
                continue
            if problem_wording(features) and (best is None or probability > best[0]):
                best = (probability, line)
        if best is not None and best[0] >= float(model["threshold"]):
            self.found("problem", [best[1].segment], "content", round(best[0], 2))
            self.roles.setdefault(best[1].segment.index, "problem")

    def _benefits_under(self, label: _Line, content: Sequence[Segment]) -> list[Segment]:
        """The paragraphs under a heading that may name the benefit as well as the problem ("Why it
        matters") that open with a benefit statement ("This makes large uploads feel instant",
        "Reduces configuration complexity"). None under any other heading. (The problem's cue
        words are no test: "Counting stock by hand keeps bakers in the shop until nine" has none.)"""
        named = heading_key(label.runin or label.label_text or label.segment.text)
        if named not in self.data["benefit-headings"]["headings"]:
            return []
        return [
            segment
            for segment in content
            if _benefit_statement(
                segment.text[label.runin_end :] if label.runin and segment is label.segment else segment.text
            )
        ]

    def _descriptive_heading(self, line: _Line) -> str:
        """The heading over a release paragraph when it describes rather than names a part
        ("### Breaking Down Cost Barriers", "### Addressing an Underserved Need"): its words count
        with the paragraph's (a heading that names a part, the headline and the title do not)."""
        head = self._section_heads.get(line.segment.unit.section)
        if head is None or head is line or head.alias is not None or head.title or head.question:
            return ""
        if self.roles.get(head.segment.index) in ("headline", "subheading", "title"):
            return ""
        return head.label_text

    def _product_words(self) -> frozenset[str]:
        """Names the release uses for the product: the file name's words and the words the summary
        capitalises inside a sentence ("Today the ChoreSync team announced ...")."""
        names = set(self._company_words())
        summary = self.parts.get("summary")
        if summary is not None:
            for match in re.finditer(r"(?<=[a-z,;:] )([A-Z][A-Za-z0-9]+(?:[A-Z][a-z]+)*)", summary.text):
                if match.group(1).lower() not in _COMMON_CAPITALISED:
                    names.add(match.group(1).lower())
        return frozenset(names)

    def _call_to_action(
        self, prose: Sequence[_Line], body: Sequence[_Line], sections: Mapping[int, tuple[str, _Line]]
    ) -> None:
        """The closing paragraphs of the release: where to go, what it costs, how to start."""
        cues = self.data["cues"]
        # The summary is not the close, unless it is nearly all the release there is (counted with
        # the paragraphs under the release's own headings and the quotes).
        keep_summary = sum(1 for ln in body if ln.words >= 3) > 2
        worded = sorted(
            [ln for ln in prose if ln.words >= 3] + self._inviting_labels(prose, cues),
            key=lambda ln: ln.segment.index,
        )
        # A press release's boilerplate ("About Acme", "Media contact") follows its close: the close
        # is looked for before it first, then among the last lines as a whole.
        boilerplate = next((ln.segment.index for ln in self.pr_lines if ln.label and _is_boilerplate(ln)), None)
        before = [ln for ln in worded if boilerplate is not None and ln.segment.index < boilerplate]
        if before and self._close_in(before[-3:], cues, keep_summary, plain=True):
            return
        if self._close_in(worded[-3:], cues, keep_summary, plain=True):
            return
        # The close under the heading of another part (a "How it works" section that runs to the
        # FAQ): the release's last paragraphs, when one says so plainly ("is available today").
        last = [
            ln
            for ln in body
            if ln.words >= 3 and not ln.label and self.roles.get(ln.segment.index) in (None, "solution")
        ]
        if self._close_in(last[-3:], cues, keep_summary, plain=False):
            return
        # When other sections follow the release before the FAQ ("Tenets", "Customer Problem",
        # "Key Features"), its close ends an earlier section, and must then say so plainly: a
        # paragraph among the last lines of an earlier section with a strong cue ("available today";
        # a link alone is not enough there, technical sections are full of them).
        last_section = worded[-1].segment.unit.section if worded else None
        for section in sorted({ln.segment.unit.section for ln in worded} - {last_section}, reverse=True):
            tail = [ln for ln in worded if ln.segment.unit.section == section][-3:]
            if self._close_in(tail, cues, keep_summary, plain=False):
                return
        if self._code_under_heading(sections):
            return
        # Commands to run (a README's usage: a shell command in code), are a way to start, if a weak one.
        if body:
            first, last = body[0].segment.unit.start, body[-1].segment.unit.end
            commands = [start for start, raw in self.code_blocks if first <= start <= last + 2 and _COMMAND.match(raw)]
            for line in reversed(body):
                spans = line.segment.unit.code_spans
                if any(_COMMAND.match(c.code + " ") for c in spans) or (
                    commands and line.segment.unit.end <= commands[-1]
                ):
                    self.found("call_to_action", [line.segment], "position", 0.4)
                    return

    def _inviting_labels(self, prose: Sequence[_Line], cues: Mapping[str, Any]) -> list[_Line]:
        """Headings and bold lines of the release's body that are themselves an invitation ("Check
        out our site to get started!", "For more information, visit our website"): an imperative
        with a cue, or two strong cues. A label naming a part ("Getting Started") is a section's
        heading instead, and one before the first body paragraph is the headline's."""
        if not prose:
            return []
        start = prose[0].segment.index
        url = compile_pattern(cues["url-pattern"])
        found = []
        for line in self.pr_lines:
            if not line.label or line.alias is not None or line.title or line.question or not line.words:
                continue
            if line.segment.index <= start or self.roles.get(line.segment.index) != "label":
                continue
            text = line.label_text
            strong = cue_hits(text, cues["call_to_action"]) or _opening_calls(
                text, tuple(cues["call_to_action-openings"])
            )
            cued = bool(strong or cue_hits(text, cues["call_to_action-weak"]))
            # "**Connected Arena is live now at https://…**": an address given with a cue invites
            # too, however short with a strong one ("**Available now:** https://…").
            linked = bool(url.search(text) or line.segment.unit.links)
            # A line of one or two words needs a strong cue: "**Website:** https://…" in a footer
            # of links is no invitation.
            worded = line.words >= 3
            if (worded and ((_first_word(text) in cues["imperatives"] and cued) or len(strong) >= 2)) or (
                linked and (strong or (cued and worded))
            ):
                found.append(line)
        return found

    def _says_where_to_start(self, segment: Segment) -> bool:
        """A paragraph with a strong call-to-action cue and a link or a web address."""
        cues = self.data["cues"]
        text = segment.text
        linked = bool(segment.unit.links) or compile_pattern(cues["url-pattern"]).search(text) is not None
        return linked and bool(cue_hits(text, cues["call_to_action"]))

    def _shows_address(self, segment: Segment) -> bool:
        """Whether a web address the segment links to is written out in the file for the reader to
        see ("... at **https://levy.example.org/**", "<https://...>"), not hidden behind words: a
        bare address is left out of the analysed text, so it is looked for in the source (up to
        just past the segment: an address that ends the paragraph lies beyond its last word)."""
        addresses = [a for a in segment.unit.links if a.startswith(("http://", "https://"))]
        if not addresses:
            return False
        start, end = segment.unit.source_span(segment.start, segment.end)
        written = self.source.text[start : end + max(map(len, addresses)) + 8]
        # Written as where to go ("at https://...", "visit <https://...>", "Sign up: https://..."),
        # not as a reference after a note ("(PubNub?) https://www.pubnub.com/docs/...").
        return any(
            (at := written.find(address)) >= 0 and _WHERE_TO.search(written, 0, at) is not None for address in addresses
        )

    def _invited(self, line: _Line, cues: Mapping[str, Any]) -> bool:
        """Whether the heading over a line invites the reader ("Explore the Product", "Try It")."""
        head = self._section_heads.get(line.segment.unit.section)
        return head is not None and head is not line and _first_word(head.label_text) in cues["imperatives"]

    def _close_in(self, tail: Sequence[_Line], cues: Mapping[str, Any], keep_summary: bool, *, plain: bool) -> bool:
        """Find the call to action among the last lines of the release, `plain` (a link, a strong
        cue, an imperative opening or two weak cues), or of an earlier section (a paragraph with a
        strong cue)."""
        url = compile_pattern(cues["url-pattern"])
        imperatives = set(cues["imperatives"])
        # The release's opening: its summary, and the paragraph its dateline opens (which is the
        # summary in all but name when an "Executive Summary" above the release took that part).
        openings = {part.segments[0].index for part in (self.parts.get("summary"), self.parts.get("dateline")) if part}
        problem = self.parts.get("problem")
        stated = {s.index for s in problem.segments} if problem is not None else set()
        for line in reversed(tail):
            segment = line.segment
            is_summary = segment.index in openings
            if is_summary and keep_summary:
                continue
            text = line.label_text if line.label else segment.text
            strong = cue_hits(text, cues["call_to_action"]) or _opening_calls(
                text, tuple(cues["call_to_action-openings"])
            )
            weak = cue_hits(text, cues["call_to_action-weak"])
            imperative = _first_word(text) in imperatives
            # An address the reader can see is where to go; a link behind words in a sentence that
            # invites no one ("[an action at the campus](...)", "Signed-off by [@someone](...)") is
            # a citation. The sentence may be the heading over it ("Explore the Product").
            invites = bool(strong or weak or imperative) or self._invited(line, cues)
            linked = bool(url.search(text)) or bool(segment.unit.links and (invites or self._shows_address(segment)))
            # An imperative alone is a slogan or a feature ("Find workers for your projects"); it
            # opens a way to start when it says where or how (a weak cue).
            weakly = (imperative and bool(weak)) or len(weak) >= 2
            # An earlier section's close is a paragraph that says so in words, or a numbered step
            # that does ('4. Run "npm install"'); other list items there are features.
            steps = segment.unit.kind == "paragraph" or (segment.unit.ordered and imperative)
            # A summary that is nearly the whole release closes it only when it says where to go:
            # "today" and "launch" are weak cues every summary has.
            # Two weak cues in the paragraph that states the customer's difficulty ("booking",
            # "today") do not make it the way to start; a link or a strong cue still does.
            close = (
                (linked or bool(strong) or (weakly and not is_summary and segment.index not in stated))
                if plain
                else (bool(strong) and steps)
            )
            if close:
                confidence = 0.85 if linked or len(strong) >= 2 else 0.65
                self.found("call_to_action", [segment], "content", confidence if plain else 0.6)
                self.roles.setdefault(segment.index, "call_to_action")
                return True
        return False

    # --- quotes ---------------------------------------------------------------------------------------
    def _quotes(self, lines: Sequence[_Line], sections: Mapping[int, tuple[str, _Line]]) -> list[Quote]:
        """Quotations with their attributions: in the paragraph ("...," said X), signed on the next
        line ("— X, nurse"), introduced by the line before ("X, a nurse, said:"), or under a heading
        that names a quote."""
        qd = self.data["quotes"]
        said = _pattern(tuple(qd["said-verbs"]))
        quotes: list[Quote] = []
        quote_ends = -2  # the line the last quotation found ends on
        open_quote = False  # whether that quotation has no quotation marks and no one named: lines may go on with it
        # Where the release's boilerplate starts ("About Acme", "Contact:"), and its last written line.
        boilerplate = next((p for p, ln in enumerate(lines) if ln.label and _is_boilerplate(ln)), len(lines))
        last = max((p for p, ln in enumerate(lines) if not ln.blank and not ln.residue), default=-1)
        for position, line in enumerate(lines):
            segment = line.segment
            unit = segment.unit
            if unit.kind not in PROSE or line.blank or line.residue or line.label or line.metadata or line.question:
                continue
            text = segment.text
            if self.roles.get(segment.index) == "attribution" or _SIGNATURE_LINE.match(text):
                continue  # "— Ana Ruiz, nurse" signing the quotation above
            section = sections.get(segment.index)
            in_section = section is not None and section[0] in _QUOTE_PARTS
            if in_section and line.runin and _only_points_somewhere(text[line.runin_end :]):
                continue  # "- User testimonials: [URL]": a link to them, in a list of links, no quotation
            spans = _quotations(text)
            if in_section and not spans and text.rstrip(" *_").endswith(":"):
                below = next((ln for ln in lines[position + 1 :] if not ln.blank), None)
                if below is not None and below.segment.text.lstrip(_LEAD_MARKS).startswith(_OPEN_QUOTE):
                    # "Early adopters have reported big improvements:" over the quotations, under
                    # "### Customer Testimonials": their lead-in, no quotation (round 36).
                    continue
            single = None if spans else _SINGLE_QUOTED_SIGNED.match(text)
            if single is not None:
                spans = [single.span("q")]
            # '• "Dawn of Crafting is the most underrated game on the App Store."': a bullet typed
            # before the quotation opens it all the same.
            starts_quoted = single is not None or text.lstrip(_LEAD_MARKS).startswith(_OPEN_QUOTE)
            if not spans and starts_quoted and not _closes_quote(text):
                spans = [_unclosed_quote(text)]  # '“It is great. —Jupyter Developer': the closing mark forgotten
            quoted_words = sum(len(text[s:e].split()) for s, e in spans)
            whole = bool(spans) and quoted_words >= 0.5 * max(1, line.words)
            attribution, attr_start = (
                _attribution(text, spans, said, frozenset(qd["lead-labels"]), lambda words: _a_person(words, qd))
                if spans
                else ("", len(text))
            )
            following = lines[position + 1] if position + 1 < len(lines) else None
            previous = lines[position - 1] if position else None
            if not attribution and following is not None and (line.quote_depth or starts_quoted or in_section):
                after = following.segment.text
                # "> - Stephen Hyde" under a quoted paragraph: Markdown made the signature's dash a list.
                if unit.kind != "list_item" and self._dash_item(following.segment):
                    after = "- " + after
                signer = rf"^\s*[*_]*{_SIGN_DASH}\s*[*_]*((?:[A-Z\[]|@\w).{{1,120}})$"
                signed = re.match(signer, after.lstrip(_LEAD_MARKS))
                if signed:
                    attribution = signed.group(1).replace("**", "").strip(" *_.")
                    self.roles[following.segment.index] = "attribution"
                elif self._set_apart_signature(
                    following, lines[position + 2] if position + 2 < len(lines) else None, qd
                ):
                    # '> *Amadeus Norén, VP of Marketing*' or '- **[Your Name], Founder and CEO**' on
                    # the line after the quotation: a name and a role set apart, no dash.
                    attribution = following.segment.text.strip(" *_.")
                    self.roles[following.segment.index] = "attribution"
            signature = None
            if not attribution and (line.quote_depth or in_section) and not spans:
                # "> This is the platform I wish I had" over "> -Matthew Goldwater": the signature
                # on the quotation's last line, in the same paragraph.
                signature = _signature_line(text, [b - segment.start for b in unit.breaks])
                if signature is not None:
                    attribution = text[signature:].lstrip(" -—–~*_").strip(" *_.")
            shown = False
            if not attribution and previous is not None and (line.quote_depth or starts_quoted):
                before = previous.segment.text.rstrip()
                if before.endswith(":") and said.search(before):
                    attribution = before.rstrip(":").strip()
                elif previous.label and before.endswith(":") and _signature_label(before.strip(" *_")):
                    # "**Dana Ruiz, CEO, Acme:**" on a line of its own over the quotation: a name
                    # (or its placeholder) and a role, not a label naming the part ("Customer Quote:").
                    attribution = before.rstrip(":").strip(" *_")
                elif previous.heading and (heard := _FROM_SOMEONE.fullmatch(before.strip(" *_#:"))):
                    # "### A Note from Jason Hackner" over the quotation: the heading names who speaks.
                    attribution = (heard.group(1) or heard.group(2)).strip()
                elif not previous.label and not _QUOTED.search(before) and (met := _MET_PERSON.match(before)):
                    # 'Marcus Webb, a nurse at Hennepin Healthcare, tried the club.', then the
                    # quotation alone: the person the paragraph before has just introduced.
                    attribution = f"{met.group('name')}, {met.group('role')}"
                # "A typical response:" then a quotation: what the product shows, not what a person
                # says (a person is named, or a role: "Maria Lopez, a nurse, told us:").
                shown = before.endswith(":") and not attribution and not _names_someone(before, qd)
            goes_on = (
                quote_ends == position - 1
                and quotes[-1].unit is unit
                and quotes[-1].segment is not None
                and (in_section or line.quote_depth)
                and not spans
                and not starts_quoted
                and not _SPEAKER_LEAD.match(text)
            )
            if goes_on and not open_quote and not attribution and quotes[-1].attribution:
                # '"I lose no loaf now," said Ana Ruiz, a baker.' then, on the paragraph's next line,
                # "She bakes every weekend." or the price: narration after the signed quotation.
                quote_ends = position
                continue
            if goes_on and open_quote:
                # A quotation written one sentence per line ("> Sonos wiaJS IS AWESOME! ...\n> Within
                # 10 minutes ...\n> On top of that, ..."; round 54): the line goes on with the
                # quotation above (one with no quotation marks and no one named yet), and a signature
                # under it signs the whole. Not a line after a quotation closed and signed on its own
                # line (narration, the price), nor one that opens with another speaker ("Raj Patel,
                # a nurse: ...").
                above = quotes[-1]
                open_quote = not attribution
                if attribution and not above.attribution:
                    name, role, placeholder = self._attributed(attribution, qd, quotes[:-1])
                    above = replace(above, attribution=attribution, name=name, role=role, placeholder=placeholder)
                said_end = len(text[:signature].rstrip()) if signature is not None else len(text.rstrip())
                quotes[-1] = replace(above, end=segment.start + said_end)
                self._quote_lines[segment.index] = above.segment.index
                quote_ends = position
                continue
            # '"Wow" - Name, CEO': a short quotation signed with a dash.
            if attribution and _SHARE_SPEAKS.search(attribution):
                # 'In a survey of 640 households, 41 percent said "not knowing who shows up" ...': a
                # survey's answer reported in a sentence, not a person's quotation.
                attribution = ""
            short_signed = bool(attribution) and starts_quoted and quoted_words * 2 >= len(text[:attr_start].split())
            if not in_section and not starts_quoted and spans and all(_one_question(text[s:e]) for s, e in spans):
                continue  # questions quoted inside a sentence are what someone asks ("Ask it, 'Why was I charged?'")
            if not in_section and not starts_quoted and _NARRATED.search(attribution):
                continue  # "the skipper presses one button and says 'forty pounds'": a story's words, no quotation
            if (
                not attribution
                and not in_section
                and boilerplate < position == last
                and quoted_words <= 15
                and _covered(unit.emphasis, segment.start, segment.end)
            ):
                continue  # '*"The early cat catches the bug."*' closing the file after its contact: a sign-off
            label = (section or (None, None))[1]
            before = lines[position - 2] if position >= 2 else None
            # Right under the part's heading, or under the template prompt right under it.
            opens_section = previous is not None and (previous is label or (previous.residue and before is label))
            if section is not None and not in_section and not attribution and opens_section:
                continue
            if shown and not in_section:
                continue  # '## Problem' then '"In a classroom, students ..."': the part, written in quotation marks
            # Quoted names side by side ('a "Share My Date" button, optional "women message first"
            # mode') are no quotation, however many words they hold together.
            longest = max((len(text[s:e].split()) for s, e in spans), default=0)
            if not (
                in_section
                or (attribution and quoted_words >= 4 and longest >= 4)
                or short_signed
                # An unsigned quoted list item is an example ("subject lines that get opened: - '…'").
                or (starts_quoted and whole and quoted_words >= 6 and unit.kind != "list_item")
            ) and not (line.quote_depth and attribution and not spans):
                continue  # a scare quote ('the "Oprah test" says…') is not a quotation
            if in_section and line.runin and not whole and not attribution:
                # '*Internal quote*: The feature “Manually trigger PO ATP allocation” will be a great
                # add on': marks around a name, less than half the words, no one said to speak;
                # the part's run-in label says where the quotation is (not narration with a short
                # quotation under a quote heading: '... "It paid for itself," she said.').
                spans = []
            if spans:
                start, end = spans[0][0], max(e for _, e in spans)
            else:
                stripped = text[:signature].strip() if signature is not None else text.strip()
                start = text.index(stripped[0]) if stripped else 0
                end = start + len(stripped)
                if line.runin and line.alias in _QUOTE_PARTS and _past_separator(text, line.runin_end) < end:
                    start = _past_separator(text, line.runin_end)  # not its label ("*Customer quote*: ...")
            if attribution.lower() in ("he", "she") and spans:
                # 'Mark Hessel grows wheat near Silverton. "I lost a third of my crop," he said.':
                # the pronoun is the person the paragraph has just introduced.
                introduced = self._introduced_person(text[: spans[0][0]], quotes)
                attribution = introduced or attribution
            name, role, placeholder = self._attributed(attribution, qd, quotes)
            if in_section and section is not None and section[0] != "quote":
                speaker = "leader" if section[0] == "leader_quote" else "customer"
            elif (
                not attribution
                and starts_quoted
                and not said.search(text)
                and not _FIRST_PERSON.search(text[start:end])
                and self._right_after_quote(previous, quotes)
            ):
                # A signed quotation ("> ... — Dave Robertson, project creator"), then an unsigned
                # one right below it that tells no one's own experience: the same voice going on,
                # not a customer (round 41); "I used to chase three roommates ..." is someone else.
                speaker = quotes[-1].speaker
            else:
                speaker = self._speaker(attribution, name, text[start:end], quotes)
            quotes.append(
                Quote(
                    unit,
                    segment.start + start,
                    segment.start + end,
                    speaker,
                    attribution,
                    name,
                    role,
                    placeholder,
                    self.line_of(Segment(segment.index, unit, segment.start + start, segment.end)),
                    segment,
                )
            )
            quote_ends = position
            open_quote = not spans and not attribution
        return quotes

    def _quoted_segments(self, quotes: Sequence[Quote]) -> set[int]:
        """The segments quotations cover: each one's first line and the lines that go on with it."""
        return {q.segment.index for q in quotes if q.segment is not None} | set(self._quote_lines)

    def _attributed(
        self, attribution: str, qd: Mapping[str, Any], earlier: Sequence[Quote]
    ) -> tuple[str | None, str | None, bool]:
        """(name, role, placeholder) of a quotation's attribution."""
        name, role, placeholder = _who(attribution, qd)
        if name is not None and role is not None and " " not in name and self._common_words(attribution, name):
            # "— Beta Tester" where the release writes "500 beta testers": common words in
            # title case, no name ("Adam Driver" is never written "adam").
            name, role = None, attribution.strip(" *_")
        if name and role and self._product_and_role(name, role):
            name = None  # "— Jupyter Developer": the product's name and a role, no person named
        if earlier and name is None and attribution.lower() in _THIRD_PERSON:
            name, role = earlier[-1].name, earlier[-1].role  # "he said": the person quoted just before
        return name, role, placeholder

    def _right_after_quote(self, previous: _Line | None, quotes: Sequence[Quote]) -> bool:
        """Whether the line before is the last quotation found, or the line that signs it."""
        if previous is None or not quotes or quotes[-1].segment is None or not quotes[-1].attribution:
            return False
        index = previous.segment.index
        return index == quotes[-1].segment.index or (
            self.roles.get(index) == "attribution" and index == quotes[-1].segment.index + 1
        )

    def _product_and_role(self, name: str, role: str) -> bool:
        """Whether a signature's "name" is the product's (a word of the headline or the file's name)
        and its role no leader's: "Jupyter Developer", "Recipely Team Member"; not "Theo, CEO and
        Founder" nor "Maya, Quillbox's founder", a person the release names."""
        if " " in name or cue_hits(role, self.data["quotes"]["leader-roles"]):
            return False
        headline = self.parts.get("headline")
        lead = headline.text if headline is not None else next((u.text for u in self.units if u.is_heading), "")
        return name in re.findall(r"[A-Za-z][\w-]*", lead) or name.lower() in self._company_words()

    def _introduced_person(self, before: str, quotes: Sequence[Quote]) -> str | None:
        """The sentence just before a quotation when it opens with a person's name not yet quoted
        ("Mark Hessel grows 320 acres near Silverton"), else None: a company or product opening
        it ("Acme today launched ...") is no person."""
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", before.rstrip(" \"“‘'*_")) if s]
        if not sentences:
            return None
        sentence = sentences[-1].rstrip(" .")
        match = _INTRODUCED_NAME.match(sentence)
        if match is None:
            return None
        name = match.group("name")
        if self._ours(name) or _organisations(name) or any(q.name and name in q.name for q in quotes):
            return None
        return sentence

    def _quotes_someone(self, lines: Sequence[_Line]) -> bool:
        """Whether lines quote someone ("## From our founder"): a quotation of five words or more that
        says who speaks, with a verb of saying beside it ('..., said Ana Ruiz'), a signature after it
        ("— Ana Ruiz, nurse", on its line or the next), a speaker's name leading its line ("Ana Ruiz: ",
        "Ana Ruiz (nurse): ") or in brackets after it, a name set apart on the line beside it ("*Ana
        Ruiz, nurse*"), or a line before it that says who speaks ("Ana Ruiz put it this way:"); not a term in
        quotation marks ('a "night mode"'), a list of the messages the product sends ('- "Your talk has
        been accepted! ..."'), nor words quoted as an example with no one to say them (a spec's '>
        "Quarterback slot. Tom Brady. Selected."' for a screen reader, '> "Who accumulated the largest
        raw stat total?"': round 58 of the user trials)."""
        qd = self.data["quotes"]
        said = _pattern(tuple(qd["said-verbs"]))
        present = [line for line in lines if not line.blank]
        for position, line in enumerate(present):
            if not _written(line) or line.segment.unit.kind == "list_item":
                continue
            text = line.segment.text
            for start, end in _quotations(text):
                if len(text[start:end].split()) < _QUOTED_WORDS:
                    continue
                # The lines beside it: a name set apart in emphasis ("*Priya Shah, engineering manager*")
                # is a label to the anatomy, not a written line.
                after = present[position + 1] if position + 1 < len(present) else None
                before = present[position - 1] if position else None
                following = after.segment.text if after is not None else ""
                previous = before.segment.text.rstrip(" *_") if before is not None else ""
                if (
                    said.search(f"{text[:start]} {text[end:]}")
                    or _SIGNATURE.search(text, end)
                    or _SIGNATURE_LINE.match(following.lstrip(_LEAD_MARKS))
                    or _SPEAKER_LEAD.match(text)
                    or _SPEAKER_LEAD_ROLE.match(text)
                    or _SPEAKER_AFTER.match(text, end + 1)
                    or (previous.endswith(":") and said.search(previous))
                    or (before is not None and self._set_apart_signature(before, line, qd))
                    or (after is not None and self._set_apart_signature(after, None, qd))
                ):
                    return True
        return False

    def _set_apart_signature(self, line: _Line, after: _Line | None, qd: Mapping[str, Any]) -> bool:
        """A line that is only a name (or its placeholder) and a role, set apart as a line of its
        own in emphasis or as a list's only item: "*Amadeus Norén, VP of Marketing*", "- **[Your
        Name], Founder and CEO, VirdisPay**", "- Patrick Sheehan (Product Owner)"; not a sentence
        ("*Maria Lopez, a nurse, tried it.*"), nor the first of a list's items, nor the label over
        the next quotation."""
        segment = line.segment
        unit, text = segment.unit, segment.text.strip()
        if not text or len(text.split()) > 12 or _QUOTED.search(text) or text.rstrip(" *_").endswith(":"):
            return False
        first = segment.start + len(segment.text) - len(segment.text.lstrip())
        last = segment.start + len(segment.text.rstrip())
        emphasised = any(s <= first and last <= e for s, e in unit.emphasis)
        only_item = (
            unit.kind == "list_item"
            and not unit.ordered
            and segment.start == 0
            and "\n" not in text
            and (after is None or after.segment.unit.kind != "list_item" or after.quote_depth != line.quote_depth)
        )
        if not (emphasised or only_item):
            return False
        if text.rstrip(" *_").endswith(("!", "?")):
            return False  # "*Maria Lopez, a nurse, loved it!*"
        # "Name, role", or "Name (Role)" ("- Patrick Sheehan (Product Owner)", round 40).
        # Not "Maya Chen, CEO (Totem)" (a comma first: the name is before it), nor "Community
        # Edition (for small business owners)" (whom a thing is for).
        bracketed = re.fullmatch(r"([^,()]+?)\s*\(((?!for\b)[^()]+)\)", text.strip(" *_."))
        name, role = bracketed.groups() if bracketed else text.strip(" *_.").partition(",")[::2]
        words = re.findall(r"[a-z][a-z'’-]*", role)  # the role's lower-case words, punctuation off
        if not _SET_APART_NAME.fullmatch(name.strip()) or _SENTENCE_WORDS.intersection(words):
            return False
        if any(w.endswith("ed") and w not in _ROLE_PARTICIPLES for w in words):
            return False  # "*Maria Lopez, a landlord, signed up in May.*": a verb, a sentence
        return bool(cue_hits(role, qd["leader-roles"]) or cue_hits(role, qd["customer-roles"])) or bool(
            _TITLE_WORDS.search(role)
        )

    def _dash_item(self, segment: Segment) -> bool:
        """A block-quoted list item whose marker is a dash: the signature line of a block quote."""
        unit = segment.unit
        if unit.kind != "list_item" or unit.ordered or not unit.quote_depth or segment.start:
            return False
        offset = unit.source_span(0, 1)[0]
        text = self.source.text
        return re.fullmatch(r"[ \t>]*[-–—][ \t]+", text[text.rfind("\n", 0, offset) + 1 : offset]) is not None

    def _speaker(self, attribution: str, name: str | None, quoted: str, earlier: Sequence[Quote]) -> str:
        """'leader' or 'customer': from the attribution's role, the person (the one who launches the
        product in the summary, or a speaker already quoted), the voice ("we" or "I"), then order."""
        qd = self.data["quotes"]
        if earlier and set(attribution.lower().split()[:1]) & _THIRD_PERSON:
            return earlier[-1].speaker  # "he said": the person quoted just before
        if name:
            for quote in earlier:
                if quote.name and (quote.name in name or name in quote.name):
                    return quote.speaker
        if attribution:
            owned = _OWNER_OF.search(attribution)
            if owned is not None and self._ours(owned.group(1)):
                return "leader"  # "[Owner Name], Owner, [Anchor Jewellers]": the launching shop's owner
            # A template's placeholders say whose quote it is: "[Customer Name], [Customer Title]",
            # "[Head of Safety Case, Pilot Customer]" (each comma-separated slot).
            brackets = re.findall(r"\[([^\]]+)\]", attribution)
            # "[Placeholder: Controller, mid-market SaaS company]": the slot's words after its marker.
            slots = [
                _SLOT_MARKER.sub("", piece.strip()) for bracket in brackets for piece in bracket.lower().split(",")
            ]
            outside = re.sub(r"\[[^\]]*\]", " ", attribution)
            # A slot that describes an organisation of a kind ("mid-market SaaS company") is a
            # customer's, unless a leader's role is in the slots or the company is named ("[Jane
            # Doe, CEO, Northwind company]", "[Head of Payments, Northwind Bank]").
            leader = cue_hits(attribution, qd["leader-roles"])
            described = not [c for c in leader if c != "company"] and any(
                _SOME_ORGANISATION_SLOT.fullmatch(slot) and not self._ours(slot) for slot in slots
            )
            if not cue_hits(outside, qd["leader-roles"]) and (
                described or any(cue_hits(slot.split()[0], qd["customer-roles"]) for slot in slots if slot.split())
            ):
                return "customer"
            if not leader and self._introduced_as_leader(attribution):
                return "leader"  # "..., Ramon Tayag expounded" and later "Ramon Tayag ... is the CTO of BloomX"
            if not leader and self._introduced_as_customer(attribution):
                return "customer"  # "said Raj Sam" where the release told "Raj Sam, a DevOps engineer, reviews ..."
            # "Head of Customer Service": a job at the company, not a customer.
            # "creator of whitstable.shop": a web address names a site, not a customer ("shop").
            as_customer = _DOTTED_NAME.sub(" ", _CUSTOMER_FUNCTION.sub(" ", attribution))
            customer = [c for c in cue_hits(as_customer, qd["customer-roles"]) if not any(c in ln for ln in leader)]
            words = attribution.lower().split()
            # The organisations named: "VP of Engineering at Medalert" speaks for Medalert; an
            # attribution is from elsewhere only when none of them is the company's.
            named = _organisations(attribution)
            elsewhere = bool(named) and not any(self._ours(org) for org in named)
            # Once the release has a leader's quote, another leader is more likely a customer's:
            # of another organisation, or one of many ("Jordan Reyes, a product manager who piloted it").
            leader_quoted = any(q.speaker == "leader" for q in earlier)
            # An organisation an earlier leader speaks for is the company's too ("founder of Chordio").
            ours = {q.organisation for q in earlier if q.speaker == "leader" and q.organisation}
            names_us = (
                self._launcher(attribution)
                or bool(set(re.findall(r"[a-z]+", attribution.lower())) & self._company_words())
                or any(re.search(rf"\b{re.escape(org)}\b", attribution) for org in ours)
            )
            if not names_us and not elsewhere and self._audience(attribution, name):
                return "customer"  # "Engineering manager, two Scrum teams" where it is "for the engineering manager"
            one_of_many = (
                (words and words[0] in ("a", "an", "one") and not names_us)
                or (leader_quoted and re.search(r",\s+(?:a|an)\s", attribution) and (elsewhere or not named))
                # "Development team lead at a mid-size SaaS company": of some organisation, not ours
                or (not names_us and _AT_SOME_ORGANISATION.search(attribution) is not None)
            )
            if one_of_many and not cue_hits(attribution, ("spokesperson", "spokeswoman", "spokesman")):
                return "customer"  # "said a principal engineer at an early adopter"
            if words and words[0] == "the" and not cue_hits(attribution, _CUSTOMERS_BY_NAME):
                return "leader"  # "said the developer": the product's own developer
            if not leader and not names_us and _DESCRIBED_BY_WHAT_THEY_DO.search(attribution):
                return "customer"  # "Maria Lopez, who owns six units in Salem": someone it serves
            if leader and not customer:
                # "CISO, Fortune 500 Financial Services Company", "head of infrastructure at Tick":
                # a leader, but of another organisation (a customer's): once the release's leader
                # has spoken, or when one "at" another organisation names the launching company or
                # product ("Liatrio's workflow cut our context switching," said a VP at VectorScale;
                # "VP of Operations" is a department).
                at_another = re.search(r"\bat\s+[A-Z]", attribution) is not None
                # Once a customer of another organisation has spoken, so does the next one.
                customer_elsewhere = any(q.speaker == "customer" and q.organisation for q in earlier)
                if (
                    elsewhere
                    and not names_us
                    and (leader_quoted or (at_another and (customer_elsewhere or self._names_the_launch(quoted))))
                ):
                    return "customer"
                return "leader"
            if customer and not leader:
                return "customer"
            if name and self._launcher(name):
                return "leader"
            if elsewhere:
                return "customer"  # "AVP of Credentialing at Molina Healthcare": another organisation
            of_us = [m.group(1) for m in _ORGANISATION.finditer(attribution) if m.group(0)[:2].lower() in ("of", "at")]
            if not customer and any(self._ours(org) for org in of_us):
                return "leader"  # "said Joe Stump of StumpCloud": the launching company's own person
        made = _MADE_IT.search(quoted)
        if made is not None and self._launcher(made.group(1)):
            return "leader"  # "I started CS Visualized because ...": its maker speaking
        we = len(_WE.findall(quoted))
        me = len(_FIRST_PERSON.findall(quoted))
        if we >= 2 and we > me:
            return "leader"
        if me > we:
            return "customer"
        return "customer" if any(q.speaker == "leader" for q in earlier) else "leader"

    def _speaks_for_us(self, quote: Quote) -> bool:
        """Whether a quotation's attribution names the launching company or product."""
        organisation = quote.organisation
        return bool(quote.attribution) and (
            self._launcher(quote.attribution) or (organisation is not None and self._ours(organisation))
        )

    def _written_in_lower_case(self) -> frozenset[str]:
        """The words the press release writes in lower case: common words, not names."""
        if self._lower_words is None:
            release = " ".join(ln.segment.text for ln in self.pr_lines if not ln.blank)
            # Not the pieces of a web address ("keepsafe.stackhaus.com" writes the company in lower
            # case), nor a path or handle ("github.com/lchtangen/samplemind-ai", "discord.gg/samplemind",
            # "@samplemindai": round 35 took "I built SampleMind AI" for a customer's words).
            release = _DOTTED_NAME.sub(" ", _PATH_OR_HANDLE.sub(" ", release))
            self._lower_words = frozenset(w for w in re.findall(r"[\w'’-]+", release) if w.islower())
        return self._lower_words

    def _common_words(self, attribution: str, name: str) -> bool:
        """Whether an attribution that opens with `name` and a role ("Beta Tester, Music Producer")
        is all words the release writes in lower case, or role words: no one's name in it."""
        lower = self._written_in_lower_case()
        text = attribution.strip(" *_")
        if not re.match(rf"{re.escape(name)}\s+[A-Za-z]", text):
            return False  # "Grace, nurse": a name before a comma
        roles = (*self.data["quotes"]["leader-roles"], *self.data["quotes"]["customer-roles"])
        return all(
            w.lower() in lower or f"{w.lower()}s" in lower or cue_hits(w, roles)
            for w in re.findall(r"[A-Z][\w'’-]*", text)
        )

    def _launcher(self, name: str) -> bool:
        """Whether a quoted person is named in the title, headline or summary (who launches it)."""
        # A word the release also writes in lower case is a common word, not a name ("Solo
        # Technical Blogger" for "technical bloggers", "[Beta merchant quote]" in "a private beta").
        lower = self._written_in_lower_case()
        words = [w for w in re.findall(r"[A-Z][A-Za-z'’-]+", name) if len(w) > 2 and w.lower() not in lower]
        if not words:
            return False
        # The title, metadata and the sentences of the first paragraphs that launch the product
        # (the document's first, and the release's first where notes come before the release).
        early = self._early_lines()
        # A contact block ("Kristina Taylor / site / e-mail address") names the company's own person.
        texts = [
            ln.segment.text for ln in early if ln.title or ln.metadata or ln.heading or _EMAIL.search(ln.segment.text)
        ]
        for ln in early:
            if ln.heading or _QUOTED.search(ln.segment.text):
                continue
            text = ln.segment.text
            if not ln.label:
                texts += [text[a:b] for a, b in split_sentences(text) if cue_hits(text[a:b], _LAUNCHING)]
            # A tagline's words before "available now" say who makes it available ("*StumpCloud —
            # Available now, self-hosted.*", a label too when short); not the places of
            # "**Available today for families in Portland and Vancouver.**".
            offered = _MADE_AVAILABLE.search(text)
            if offered is not None:
                texts.append(text[: offered.start()])
        return _names_any(words, " ".join(texts))

    def _early_lines(self) -> list[_Line]:
        if self._early is None:
            written = [ln for ln in self.lines if not ln.blank and not ln.residue]
            early = written[:10]
            start = self._release_start(self.pr_lines)[0]
            if start:
                release = [ln for ln in self.pr_lines[start:] if not ln.blank and not ln.residue][:10]
                early += [ln for ln in release if ln not in early]
            self._early = early
        return self._early

    def _audience(self, attribution: str, name: str | None) -> bool:
        """Whether the attribution's role is whom the release says the product is for ("Compass
        is for the engineering manager who ..."; "helps busy landlords ..."): that speaker is a
        customer, though the role ("manager", "developer") could be the company's own."""
        prose = self._prose()
        for piece in attribution.split(","):
            if name and piece.strip(" *_") == name:
                continue  # "wording for Kamran Ossia" is whom the draft is for, not whom the product serves
            role = _ROLE_ARTICLE.sub("", piece.strip(" *_”\"'’").lower())
            if not _ROLE_WORDS.fullmatch(role) or role in _PRONOUNS or role in ("team", "teams"):
                continue  # "the team noted": the team behind the product, whomever it serves
            if re.search(rf"{_FOR_WHOM}(?:[a-z-]+\s+){{0,2}}?{re.escape(role)}s?\b", prose):
                return True
        return False

    def _introduced_as_leader(self, attribution: str) -> bool:
        """Whether the release, in its own words, gives the person who ends the attribution a
        leader's role at the launching company or product ("Ramon Tayag spearheads LNX and is the
        CTO of BloomX"): a full name, in a sentence outside quotations that names the launch."""
        found = _FULL_NAME_AT_END.search(attribution)
        if found is None:
            return False
        name = found.group(1)
        for line in self.pr_lines:
            text = line.segment.text
            if line.blank or name not in text or _QUOTED.search(text):
                continue
            for a, b in split_sentences(text):
                sentence = text[a:b]
                role = name in sentence and cue_hits(sentence, self.data["quotes"]["leader-roles"])
                if role and self._named_in_opening(sentence.replace(name, " "), name):
                    return True
        return False

    def _introduced_as_customer(self, attribution: str) -> bool:
        """Whether the release, in its own words outside quotations, introduces the person who is
        the whole attribution as one of many, by what they do and with no role at the company
        ("Raj Sam, a DevOps engineer, reviews about a dozen changes a day"; not "Ana Lee, a
        co-founder of Acme"): the one the story follows, a customer."""
        found = _FULL_NAME_AT_END.fullmatch(attribution.strip())
        if found is None:
            return False
        name = found.group(1)
        apposition = re.compile(rf"{re.escape(name)},\s+(?:a|an)\s+([^,.;:]{{3,80}}),")
        leaders = self.data["quotes"]["leader-roles"]
        for line in self.pr_lines:
            text = line.segment.text
            if line.blank or name not in text or _QUOTED.search(text):
                continue
            for described in apposition.finditer(text):
                words = described.group(1)
                if _OURS_DESCRIBED.search(words):
                    continue  # "an early employee", "a software engineer who built the model"
                if not cue_hits(words, leaders) and not self._named_in_opening(words, name):
                    return True
        return False

    def _named_in_opening(self, text: str, person: str) -> bool:
        """Whether `text` names, with a capitalised word, what the release's opening (title,
        headline and first paragraphs, outside quotations and the person's own lines) names: the
        company or the product."""
        words = {w for w in re.findall(r"\b[A-Z][\w'’-]+", text) if len(w) > 2 and w.lower() not in _COMMON_CAPITALISED}
        if not words:
            return False
        opening = [ln.segment.text for ln in self.pr_lines if not ln.blank and not ln.residue][:4]
        return _names_any(words, " ".join(t for t in opening if not _QUOTED.search(t) and person not in t))

    def _prose(self) -> str:
        """The press release's own sentences, lower-cased, without quotations."""
        if self._prose_text is None:
            self._prose_text = " ".join(
                ln.segment.text.lower()
                for ln in self.pr_lines
                if not ln.blank and not ln.residue and not ln.label and not _QUOTED.search(ln.segment.text)
            )
        return self._prose_text

    def _names_the_launch(self, quoted: str) -> bool:
        """Whether a quotation names, inside a sentence, what the title, headline or launch
        sentences name (the company or the product), in the third person."""
        words = [w for w in re.findall(r"(?<=[\s(])[A-Z][A-Za-z'’-]+", quoted) if w.lower() not in _COMMON_CAPITALISED]
        return bool(words) and self._launcher(" ".join(words))

    def _ours(self, organisation: str) -> bool:
        """Whether an attribution's organisation is the one that launches the product: named where
        it launches it, in the file's name, or only a role ("CEO and co-founder")."""
        roles = [c for c in cue_hits(organisation, self.data["quotes"]["leader-roles"]) if c != "company"]
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", organisation)}
        return (
            bool(roles)
            or self._launcher(organisation)
            or bool(words & self._company_words())
            or self._described_in_boilerplate(organisation)
        )

    def _described_in_boilerplate(self, organisation: str) -> bool:
        """Whether the release's boilerplate heading names the organisation ("About Next AI Labs"):
        the company that issues the release."""
        words = [w for w in re.findall(r"[A-Z][A-Za-z'’-]+", organisation) if len(w) > 2]
        if self._abouts is None:
            self._abouts = " ".join(
                ln.label_text for ln in self.lines if ln.label and heading_key(ln.label_text).startswith("about ")
            )
        return bool(words) and _names_any(words, self._abouts)

    def _company_words(self) -> frozenset[str]:
        """Words of the file name (a product's name often is): evidence that a quote's attribution
        belongs to the company, or that a paragraph's subject is the product."""
        if self._company is None:
            stem = re.sub(r"[^A-Za-z]+", " ", self.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]).lower().split()
            ignored = {"prfaq", "press", "release", "readme", "faq", "draft", "final", "copy", "docs"}
            self._company = frozenset(w for w in stem if len(w) > 3 and w not in ignored)
        return self._company

    # --- FAQ ------------------------------------------------------------------------------------------
    def _faq(self, lines: Sequence[_Line]) -> list[Question]:
        fd = self.data["faq"]
        audience = "faq"
        audience_level = 0
        questions: list[Question] = []
        current: _Line | None = None
        current_audience = "faq"
        answer: list[Segment] = []
        section_labels: list[_Line] = []
        open_list = False  # in the list of questions under an "Open questions" label

        def close(until: int | None = None) -> None:
            """Ends the current question's answer where the line at source offset `until` starts
            (None: at the end of the document)."""
            if current is not None:
                text = _Q_LABEL.sub("", current.question_text).strip(" *_")
                prompt_only = bool(answer) and all(self.lines[s.index].residue for s in answer)
                line = self.line_of(current.segment)
                after = current.segment.unit.end
                code = any(after <= at and (until is None or at < until) for at, _ in self.code_blocks)
                # Or inline code after the question, which the unit's text leaves out: "**Where is
                # the cache stored?**" over "`.biblicus/cache/<id>/`" (round 56 of the user trials).
                code = code or _inline_code_answers(current.segment, answer)
                questions.append(
                    Question(current.segment, text, tuple(answer), current_audience, line, prompt_only, code)
                )

        for position, line in enumerate(lines):
            segment = line.segment
            index = segment.index
            if line.blank:
                continue
            if line.residue:
                if current is not None:
                    answer.append(segment)  # a template prompt left as the answer: not an answer
                continue
            if _EMPTY_Q_LABEL.fullmatch(segment.text):
                # "**Question:**" with nothing after it: an empty slot of the template, which ends
                # the question before it ("**Answer:**" then "**Question:**": no answer there).
                close(segment.unit.start)
                current, answer = None, []
                self.roles[index] = "faq_label"
                continue
            if open_list and segment.unit.kind == "list_item" and line.question != 2:
                self.roles[index] = "back_matter"
                continue
            open_list = False
            if _opens_open_questions(line, lines[position + 1 : position + 3]):
                # "**Open questions for the team.** Five I would ask:" over a list of questions:
                # questions left open on purpose, no FAQ entries (a heading's are back matter).
                close(segment.unit.start)
                current, answer = None, []
                self.roles[index] = "back_matter"
                open_list = True
                continue
            # A plain "...?" line right under a question heading opens its answer ("## 24. How will
            # we measure success?" then "Primary: can a founder do it without us?"); under a plain
            # or bold question it is the next question.
            under_heading = current is not None and current.heading and current.question == 2
            if line.question and (
                line.question == 2 or current is None or (not answer and not under_heading) or current.question == 1
            ):
                close(segment.unit.start)
                current, answer = line, []
                current_audience = audience
                self.roles[index] = "question"
                continue
            if (current is None or answer) and _plain_group_label(line, lines[position + 1 : position + 3]):
                # "For the city council and DPW" alone on a line above questions, after an answer:
                # it heads a group of questions as a heading would, and may say whose they are
                # (a short line right after a question is its answer: "No", "N/A").
                close(segment.unit.start)
                current, answer = None, []
                side = _audience_of(set(normalise(segment.text).split()), fd)
                audience, audience_level = (side, 99) if side is not None else ("faq", 0)
                if side is not None:
                    self._side_headings.setdefault(side, segment)
                self.roles[index] = "faq_label"
                section_labels.append(line)
                continue
            if line.label and not line.question:
                ends = line.faq_heading or (
                    line.heading and (current is None or not current.heading or line.level <= current.level)
                )
                if ends:
                    close(segment.unit.start)
                    current, answer = None, []
                    words = set(normalise(line.label_text).split())
                    if line.faq_heading or line.heading:
                        if line.heading and line.level <= audience_level and not line.faq_heading:
                            audience, audience_level = "faq", 0
                        side = _audience_of(words, fd)
                        # "### On the customer" under "## Internal FAQ": a topic of that half, not
                        # the other half (only a heading that names an FAQ changes the side there).
                        within_half = (
                            audience in ("external", "internal")
                            and line.heading
                            and not line.faq_heading
                            and audience_level < line.level
                            and audience in self._side_faq_headings
                            # "### Internal", "### Stakeholder questions" switch; "### Public API",
                            # "### For small business owners" are topics
                            and not (words & _HALF_WORDS and not words - _HALF_WORDS - _HALF_FILLERS)
                        )
                        if side is not None and not within_half:
                            audience, audience_level = side, (line.level if line.heading else 99)
                            self._side_headings.setdefault(side, segment)
                            if line.faq_heading:
                                self._side_faq_headings.add(side)
                        elif line.faq_heading:
                            audience, audience_level = "faq", (line.level if line.heading else 99)
                    self.roles[index] = "faq_heading" if line.faq_heading else "faq_label"
                    section_labels.append(line)
                    continue
            if current is not None:
                answer.append(segment)
                self.roles[index] = "answer"
            elif audience in ("external", "internal") and not line.label:
                self._side_words[audience] += line.words
        # The FAQ ends where the next unit after its last line starts (back matter, an appendix):
        # a code block there answers no question of the FAQ.
        last = lines[-1].segment.unit.index if lines else len(self.units)
        close(self.units[last + 1].start if last + 1 < len(self.units) else None)
        self._faq_parts(questions, section_labels, lines)
        return [self._placed(q) for q in questions]

    def _placed(self, question: Question) -> Question:
        if question.audience != "faq":
            return question
        side = question_audience(question.text)
        return replace(question, audience=side)

    def _stakeholder_section(self, internal: Sequence[Question]) -> bool:
        """Whether the stakeholder questions of an FAQ that is not split make an internal FAQ: a
        few of them, or one pre-mortem question. A lone design question among customer questions
        ("Why text messages instead of notifications?") is not one."""
        least = int(self.data["faq"]["min-internal-questions"])
        return len(internal) >= least or any(cue_hits(q.text, self.data["bezos"]["pre_mortem"]) for q in internal)

    def _faq_parts(self, questions: list[Question], labels: Sequence[_Line], lines: Sequence[_Line]) -> None:
        placed = [self._placed(q) for q in questions]
        heading = next((ln for ln in labels if ln.faq_heading), None)
        if placed:
            self.found(
                "faq", [heading.segment if heading else placed[0].segment], "heading" if heading else "content", 0.95
            )
        elif heading is not None and any(not ln.blank and not ln.residue and not ln.label for ln in lines):
            self.found("faq", [heading.segment], "heading", 0.7)
        for side in ("external", "internal"):
            mine = [q for q in placed if q.audience == side]
            if mine:
                marked = questions[placed.index(mine[0])].audience == side  # under a heading that names the side
                if marked and side in self._side_headings:
                    self.found(f"{side}_faq", [self._side_headings[side]], "heading", 0.9)
                elif side == "external" or self._stakeholder_section(mine):
                    self.found(f"{side}_faq", [mine[0].segment], "content", 0.7)
            elif side in self._side_faq_headings and self._side_words[side] >= _SIDE_WITHOUT_QUESTIONS:
                # "### Internal FAQ" over "**1. Success metrics**" and a list: the half, written as topics.
                self.found(f"{side}_faq", [self._side_headings[side]], "heading", 0.7)
        bezos = self.data["bezos"]
        stakeholder = [q for q in placed if q.audience == "internal"]

        def asks(text: str, part: str) -> bool:
            hits = cue_hits(text, bezos[part])
            if part == "plan_to_succeed" and hits and set(hits) <= {"succeed", "succeeds"}:
                # "Top 3 reasons this will not succeed": success denied, one of the pre-mortem's cues.
                denied = tuple(c for c in bezos["pre_mortem"] if "succeed" in c)
                return not cue_hits(text, denied)
            return bool(hits)

        for part in BEZOS_PARTS:
            for q in stakeholder:
                if asks(q.text, part):
                    self.found(part, [q.segment], "content", 0.8)
                    break
            else:
                for label in labels:
                    if asks(label.label_text, part):
                        self.found(part, [label.segment], "heading", 0.7)
                        break

    # --- kind ------------------------------------------------------------------------------------------
    def _kind(
        self, lines: Sequence[_Line], faq_start: int, quotes: Sequence[Quote], questions: Sequence[Question]
    ) -> tuple[str, float, dict[str, float], bool]:
        """What the document is. Other Markdown, whatever else it shows, when it is not in English
        (`not_english`). A PR/FAQ (or a press release, or an FAQ) when the kind model says
        so, when its author named the file so (PRFAQ.md, press-release.md), or when it is laid out
        in the genre's parts (headings or run-in labels that name three of its parts, one of them
        not "Summary", "Problem" or "Solution", such as "Customer Quote") or has an FAQ after a
        release, with no sign of a README. Questions alone are sure only by a plain fact. A
        fragment when it is a few sentences (an editor's first lines, a sentence sent alone):
        those get sentence-level findings only. Otherwise other Markdown, which wbl does not judge."""
        signals = document_signals(self, lines, faq_start, quotes, questions)
        score = kind_score(signals, kind_words(self.units))
        if not_english(" ".join(unit.text for unit in self.units)):
            # wbl reads English: a digest in Chinese or a release in Portuguese is not judged,
            # whatever its name or headings ("版本发布" is no release).
            return "other", score, signals, True
        if self._agent_instructions():
            return "other", score, signals, True
        topical = sum(
            1
            for ln in lines[:faq_start]
            if ln.heading
            and (_GENRE_ASKED.search(ln.label_text) or (not ln.question and _GENRE_PLURAL.search(ln.label_text)))
        )
        # "prfaq-v0.1.plan.md", "reconcile-prfaq.md": a document about a PR/FAQ; its content decides.
        file_name, named_as = self._genre_in_file_name()
        # A post's front matter may name the genre as a file name does ("post_type: press release").
        named_as += _front_matter_genre(self.source.text)
        named = bool(named_as)
        # Talk of the genre counts in a document that shows no other sign of being one: no headline,
        # no FAQ question, no name that says it is one (a PR/FAQ for a tool that helps teams write
        # PR/FAQs talks of them too).
        talk = sum(len(_GENRE_PLURAL.findall(unit.text)) for unit in self.units if unit.kind in PROSE)
        about = talk >= _GENRE_TALK and not questions and "headline" not in self.parts and not named
        if (topical >= 2 or about) and not quotes and "dateline" not in self.parts:
            # "## What is a PR-FAQ?", "## When to Use PR-FAQs": a guide to the genre, whatever its
            # name or its other headings ("Writing the Press Release", "Crafting Effective FAQs");
            # so is prose that keeps naming the genre in the plural (a repository's README on how its
            # PR/FAQs are proposed); not a release that quotes someone or carries a dateline, nor its
            # FAQ's questions ("How many press releases can an agency send?").
            return "other", score, signals, True
        readme = signals["readme_headings"] > signals["meeting_headings"] or any(
            signals[k] for k in ("code_blocks", "commands", "versions")
        )
        # Headings or run-in labels ("Customer Quote: ...") that name the genre's parts as written.
        named_parts = {
            ln.alias
            for ln in lines
            if ln.alias and ((ln.label and _names_a_part(ln.label_text)) or (ln.runin and _names_a_part(ln.runin)))
        }
        # Three of them, one the genre's own: "Summary", "Problem" and "Solution" also head a business
        # plan, a one-pager or a product brief; a quote, a call to action or an FAQ does not.
        three_named = len(named_parts) >= 3
        laid_out = three_named and bool(named_parts - _GENERIC_PARTS)
        # A headline over a summary or a sub-heading, then a "Problem" heading and a "Solution" heading: a course's
        # press release ("Hook", "Problem Statement", "Solution Description", "Chart"). Product
        # briefs and design documents share the two headings, so this only leans (hints only).
        headed = {ln.alias for ln in lines if ln.heading and ln.alias}
        paired = (
            {"problem", "solution"} <= headed
            and "headline" in self.parts
            and bool({"summary", "subheading"} & set(self.parts))
        )
        # An FAQ after a release (a summary, then questions) is a PR/FAQ however short; a project's
        # support FAQ starts with its questions.
        faq_after_release = bool(questions) and "summary" in self.parts and not readme
        first, titled, other_titled = self._title_says(lines)
        # A dateline opening an announcement ("SEATTLE — June 1, 2027 — Today Acme launched") is a
        # press release's own mark.
        dateline = self.parts.get("dateline")
        announced = (
            dateline is not None
            and dateline.confidence >= 0.8
            and bool(cue_hits(dateline.text, self.data["kind"]["launch-cues"]))
        )
        # "Working Backwards" names the method, not always the genre: a user-experience spec or a plan
        # may carry it ("# Working Backwards: The Single Server User Experience", over commands and
        # a roadmap). Named only so, a document that is neither laid out in the genre's parts nor
        # asks questions decides nothing where the kind model sees another kind of document (README
        # signs, or a score below 0): there it counts as evidence at most. A PR/FAQ so titled, with
        # "## Overview", "## Problem", "## Solution" and an FAQ, still is one.
        title = title_key(first.label_text) if titled and first is not None else ""
        names = (*_GENRE_TITLE.findall(title), *named_as)
        method_only = bool(names) and all(_METHOD_NAME.fullmatch(n) for n in names)
        if method_only and (readme or score < 0.0) and not (three_named or questions):
            titled = named = False
        evidence = laid_out or faq_after_release or titled or announced or paired or method_only
        # "FOR IMMEDIATE RELEASE" opening the document is the genre's own mark, whatever follows.
        marked = any(_is_release_mark(ln.label_text or ln.segment.text) for ln in lines[:_MARK_LINES] if not ln.blank)
        # A title or a file name that names the genre decides it: one README-like heading
        # ("Development" in a plan) does not outweigh "# Press Release". A title that names another
        # kind of document ("Product Requirements Document") decides it the other way.
        # A title that joins the genre to the other kind ("Leakline — PRFAQ + Technical
        # Specification") holds a release: its section when one opens it, else the genre's usual
        # evidence decides, not the other kind's name (a fresh-eyes review). A title that only
        # mentions the genre ("Design Doc: Adding PR/FAQ Export") is the other kind's.
        joined = first is not None and _joined_kinds().search(first.label_text) is not None
        if other_titled and not (named or marked) and (self._embedded_release or not (titled or joined)):
            found = [p for p in PR_PARTS if p in self.parts]
            if not self._embedded_release or len(found) < _EMBEDDED_RELEASE_PARTS:
                return "other", score, signals, True
            # A product requirements document with a "## Press Release" section: the section is a
            # release, judged alone (sure when laid out in the genre's parts or quoting someone);
            # the document's README-like rest (a schema, commands) says nothing of it, nor do its
            # own "## Problem" and "## Solution" sections.
            in_release = {
                ln.alias
                for ln in self.pr_lines
                if ln.alias and ((ln.label and _names_a_part(ln.label_text)) or (ln.runin and _names_a_part(ln.runin)))
            }
            sure = (len(in_release) >= 3 and bool(in_release - _GENERIC_PARTS)) or announced or bool(quotes)
            return ("prfaq" if questions else "press_release"), score, signals, sure
        if score >= 0.0 or named or marked or titled or (evidence and not readme):
            pr = any(self.parts.get(p) for p in ("summary", "problem", "leader_quote", "customer_quote", "dateline"))
            sure = (
                named
                or marked
                or titled
                or announced
                or score >= _SURE_SCORE
                # Laid out in the genre's parts with someone speaking, or where the kind model does not
                # give odds of 3 to 1 against it: a business plan ends on "Conclusion" as a release
                # on its call to action.
                or (laid_out and not readme and (bool(named_parts & _QUOTE_PARTS) or score > -_SURE_SCORE))
            )
            # A file named PRFAQ.md whose release is a headline at most is a PR/FAQ with its release
            # missing (so WB101 says so), not an FAQ alone.
            if questions and (pr or (named and _BOTH_HALVES_NAME.search(file_name))):
                return "prfaq", score, signals, sure
            if questions and not pr:
                # Questions alone: a product's support FAQ, an interview, a list of research
                # questions read much as a PR/FAQ's FAQ does, and no labelled PR/FAQ is an FAQ
                # alone; only a plain fact (the file's name, its title, headings that name the
                # genre's parts) makes it sure.
                return "faq", score, signals, named or marked or titled or (laid_out and not readme)
            return "press_release", score, signals, sure
        prose = [ln for ln in lines if not ln.blank]
        if not readme and len(prose) <= _FRAGMENT_LINES and sum(ln.words for ln in prose) <= _FRAGMENT_WORDS:
            return "fragment", score, signals, False
        return "other", score, signals, True


# Words under a heading that names a half of the FAQ ("Internal FAQ"), written as topics rather
# than questions, from which that half is there.
_SIDE_WITHOUT_QUESTIONS = 40


def _quoted_release_below(lines: Sequence[_Line], position: int) -> bool:
    """Whether the block quote a heading stands in goes on with a release's prose: a paragraph of
    the author's of `_QUOTED_RELEASE_WORDS` words or more before the block quote ends."""
    for line in lines[position + 1 :]:
        if line.blank:
            continue
        if not line.quote_depth:
            return False
        if line.segment.unit.kind == "paragraph" and not line.heading and line.words >= _QUOTED_RELEASE_WORDS:
            return True
    return False


_QUOTED_RELEASE_WORDS = 25


@lru_cache(maxsize=1)
def _joined_kinds() -> re.Pattern[str]:
    """The genre's name and another kind of document joined in a title, either way round, with up
    to four words before the second ("PRFAQ + End-to-End React Native Build Specification")."""
    other = "|".join(re.escape(t) for t in sorted(_other_genre_titles(), key=len, reverse=True))
    genre = r"press[\s_-]*releases?|pr\s*[/-]?\s*faqs?|prfaqs?"
    join = r"\s*(?:\+|&|\band\b|\bplus\b|\bwith\b)\s*(?:[\w'’-]+\s+){0,4}?"
    return re.compile(rf"\b(?:{genre}){join}(?:{other})\b|\b(?:{other}){join}(?:{genre})\b", re.IGNORECASE)


_SPEAKER_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+"
# "Priya Shah (engineering manager, Crate & Barrel): ..." and '"..." (Priya Shah, engineering manager)'.
_SPEAKER_LEAD_ROLE = re.compile(rf"^[*_]*{_SPEAKER_NAME}[*_]*\s*\([^)\n]{{1,80}}\)\s*:\s")
_SPEAKER_AFTER = re.compile(rf"[\s*_]*\(\s*{_SPEAKER_NAME}")


def _section_number(line: _Line) -> str | None:
    """The top number of a numbered heading ("2" of "## 2. Problem Statement", of "## 2.1 Scope"
    and of "## Part 2: Problem"), or None; not a year ("## 2026 Roadmap")."""
    match = _HEADING_NUMBER.match(re.sub(r"^[^\w\[(]+", "", line.label_text.strip()))
    number = match and (match.group("part") or match.group("top"))
    return number.lower() if number and len(number) <= 2 else None


def _numbered_outline(lines: Sequence[_Line], opening: int) -> bool:
    """Whether the release's heading is a numbered section of a larger document, followed by at
    least two numbered sections of the same level ("## 1. Press Release (North Star)", then "## 2.
    Problem Statement", "## 3. Target Users"; round 53 of the user trials)."""
    level = lines[opening].level
    number = _section_number(lines[opening])
    if number is None:
        return False
    after = [_section_number(ln) for ln in lines[opening + 1 :] if ln.heading and ln.level == level]
    # "## 1.1 Problem" under "## 1. Press Release" is the release's own section.
    return sum(1 for n in after if n is not None and n != number) >= 2


# A release in its own section of a document of another kind (a PRD's "## Press Release") is judged
# when its section holds this many words of the author's, and the anatomy finds this many of its parts.
_EMBEDDED_RELEASE_WORDS = 50
_EMBEDDED_RELEASE_PARTS = 3

# Parts whose headings also lay out other documents (a business plan, a one-pager, a brief).
_GENERIC_PARTS = frozenset(("summary", "problem", "solution"))

# The kind model's log-odds from which it is sure without a plain fact: odds of 3 to 1 (chosen a
# priori, not fitted; at 0.0 the model decides, but unsure documents get hints only).
_SURE_SCORE = math.log(3)

# The press release's mark, on a line of its own among the first lines ("**FOR IMMEDIATE RELEASE**",
# "For immediate release. March 18, 2026.").
_RELEASE_MARK = re.compile(r"[\W_]*for\s+immediate\s+release\b", re.IGNORECASE)
_MARK_LINES = 8


def _is_release_mark(text: str) -> bool:
    """A line that is the release mark alone, or with the release's date ("For immediate release.
    March 18, 2026."), not a sentence that starts with the words ("For immediate release builds,
    run ...")."""
    match = _RELEASE_MARK.match(text)
    if match is None:
        return False
    rest = text[match.end() :].strip(" *_.:,;|—–-")
    return not rest or (has_date(rest) and len(rest.split()) <= 8)


# An FAQ's name as a label this often ("**Questions:**" under "## Idea 1" ... "## Idea 4", "**Key
# questions he asks:**" under each council member) is each section's field: no labelled PR/FAQ repeats
# a label that names its FAQ three times.
_FIELD_LABEL_REPEATS = 3
# A text of at most this many lines and words, with no sign of being a PR/FAQ or a README, is a
# fragment: a sentence or two, judged sentence by sentence.
_FRAGMENT_LINES = 3
_FRAGMENT_WORDS = 80


# --- scoring functions (pure, testable) ------------------------------------------------------------


# Words that say who launches the product: "Today Sam Hall released", "Dripworks, founded by Ana Reyes".
_LAUNCHING = (
    "launched",
    "launches",
    "announced",
    "announces",
    "released",
    "releases",
    "introduced",
    "introduces",
    "unveiled",
    "founded",
    "founder",
    "built",
    "created",
    "creator",
    "today",
)
# "StumpCloud — Available now": who makes it available comes before the words.
_MADE_AVAILABLE = re.compile(r"\b(?:(?:is\s+)?(?:now\s+)?available\s+(?:now|today))\b", re.IGNORECASE)
# Roles that name a customer even with "the" ("said the first user"), unlike "the developer".
_CUSTOMERS_BY_NAME = (
    "user",
    "users",
    "customer",
    "customers",
    "client",
    "tester",
    "member",
    "subscriber",
    "buyer",
    "shopper",
    "patient",
    "student",
    "parent",
    "resident",
    "adopter",
    "early adopter",
    "pilot",
)
_COMMON_CAPITALISED = frozenset(
    "the a an today this it its our we you your now new with for and in on at by from to of how what why when "
    "who meet introducing announcing press release faq".split()
)
_PRODUCT_SUBJECT = re.compile(
    r"^(?:it|we|our (?!users|customers|members|clients|listeners|readers|players)"
    r"|the (?:app|platform|tool|service|product|system|solution|library|site|feature|extension|bot|"
    r"api|cli|framework|engine|dashboard))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def parts_model() -> Mapping[str, Any]:
    """The part models (logistic weights over `problem_features`), fitted by training/parts.py."""
    path = resources.files("wbl").joinpath("data", "parts.json")
    return MappingProxyType(json.loads(path.read_text(encoding="utf-8")))


def _logistic(model: Mapping[str, Any], features: Mapping[str, float]) -> float:
    weights = model["weights"]
    z = float(model["bias"]) + sum(float(weights.get(k, 0.0)) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_CUSTOMER_SUBJECT = re.compile(
    r"^(?:you|your|many|most|every|each|some|too many|millions|thousands|people|users|customers|teams|our users|"
    r"our customers|[a-z]+(?:ers|ors|ists|ians|ents|ants|ees)\b)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds|thousands|millions)\b", re.I)


def problem_features(
    text: str,
    *,
    position: int,
    after_summary: bool,
    quote: bool,
    list_item: bool,
    product: Iterable[str] = (),
    heading: str = "",
) -> dict[str, float]:
    """What the problem model reads of a paragraph: its wording and its place in the release. The
    problem cues of a `heading` that describes the paragraph count as its own."""
    wording, opening, product_pattern = _problem_wording(text)
    read = dict(wording)
    heading_hits = len(cue_hits(heading, data()["cues"]["problem"])) if heading else 0
    if heading_hits:
        hits = round(read["cues"] * 6) + heading_hits
        read["cues"] = min(hits, 6) / 6
        read["cue_density"] = min(1.0, hits * 10 / max(1, len(text.split())))
    # In the order the problem model was written with (its log-odds are summed in this order).
    return {
        "first": 1.0 if position == 0 else 0.0,
        "second": 1.0 if position == 1 else 0.0,
        "third": 1.0 if position == 2 else 0.0,
        "later": 1.0 if position >= 3 else 0.0,
        "after_summary": 1.0 if after_summary else 0.0,
        **{k: read[k] for k in ("cues", "cue_density", "opener", "negation", "question", "launch", "solution_words")},
        "product_subject": 1.0 if product_pattern or (opening and opening in set(product)) else 0.0,
        **{k: read[k] for k in ("customer_subject", "numbers")},
        "quote": 1.0 if quote else 0.0,
        "list_item": 1.0 if list_item else 0.0,
        "long": read["long"],
    }


@remembered_for_short_texts
def _problem_wording(text: str) -> tuple[tuple[tuple[str, float], ...], str, bool]:
    """The features of `problem_features` that read only the text, its first word, and whether
    it opens with the product as the subject."""
    cues = data()["cues"]
    lowered = text.lower()
    words = max(1, len(text.split()))
    hits = len(cue_hits(text, cues["problem"]))
    first = re.sub(r"^[\W_]+", "", lowered)
    opening = first.split(None, 1)[0].strip(".,:;'’s") if first.split() else ""
    negations = len(_NEGATION.findall(lowered))
    opener = any(first.startswith(o + " ") or first.startswith(o + ",") for o in cues["problem-openers"])
    wording = (
        ("cues", min(hits, 6) / 6),
        ("cue_density", min(1.0, hits * 10 / words)),
        ("opener", 1.0 if opener else 0.0),
        ("negation", min(negations, 3) / 3),
        ("question", 1.0 if "?" in text else 0.0),
        ("launch", 1.0 if cue_hits(text, cues["launch"]) else 0.0),
        ("solution_words", min(len(cue_hits(text, cues["solution"])), 4) / 4),
        ("customer_subject", 1.0 if _CUSTOMER_SUBJECT.match(first) else 0.0),
        ("numbers", 1.0 if _NUMBER.search(text) else 0.0),
        ("long", min(1.0, words / 80)),
    )
    return wording, opening, _PRODUCT_SUBJECT.match(first) is not None


@lru_cache(maxsize=1)
def _benefit_opening() -> re.Pattern[str]:
    lists = data()["benefit-headings"]
    verbs = "|".join(map(re.escape, lists["verbs"]))
    difficulty = "|".join(map(re.escape, lists["difficulty"]))
    gains = "|".join(map(re.escape, lists["gerund-verbs"]))
    # The subject: "this", "it" or none, before any verb of benefit; a gerund phrase ("Meeting
    # submission requirements reduces ...") only before a verb that can only be a gain ("keeps"
    # and "makes" may tell the difficulty: "Counting stock by hand keeps bakers in the shop").
    demonstrative = r"(?:(?:this|it|that|these|together,?\s+these)\s+(?:\w+ly\s+)?)?"
    gerund = r"\w+ing\b[^.,;:!?]{0,60}?\s"
    return re.compile(
        rf"^[\W_]*(?:{demonstrative}(?:{verbs})|{gerund}(?:{gains}))\b"
        rf"(?!(?:\s+\w+){{0,2}}\s+(?:{difficulty})\b)",
        re.IGNORECASE,
    )


def _benefit_statement(text: str) -> bool:
    """A text that opens by saying what the product brings: "This makes large uploads feel
    instant", "Reduces configuration complexity" (not "Managing spreadsheets makes it hard")."""
    return _benefit_opening().match(text) is not None


def problem_wording(features: Mapping[str, float]) -> bool:
    """Whether a candidate says anything of a difficulty (a cue word, a status-quo opening,
    negation, a question, the customer as subject): its place alone does not make a paragraph
    the problem (a feature list second after the summary is not one)."""
    return any(features.get(k, 0.0) > 0 for k in ("cues", "opener", "negation", "question", "customer_subject"))


_NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|nobody|without|can't|cannot|don't|doesn't|won't|isn't|aren't|neither|nor)\b"
)


def problem_score(text: str, product: Iterable[str] = ()) -> float:
    """How strongly a paragraph states a customer's difficulty: cue words, a status-quo opening,
    negation, minus launch wording and the product as subject (those announce the solution)."""
    cues = data()["cues"]
    lowered = text.lower()
    hits = cue_hits(text, cues["problem"])
    score = min(len(hits), 6) * 0.75
    first = re.sub(r"^[\W_]+", "", lowered)
    if any(first.startswith(opener + " ") or first.startswith(opener + ",") for opener in cues["problem-openers"]):
        score += 1.0
    negations = re.findall(
        r"\b(?:not|no|never|nothing|nobody|without|can't|cannot|don't|doesn't|won't|isn't|aren't)\b", lowered
    )
    score += min(2, len(negations)) * 0.5
    if "?" in text:
        score += 0.5
    launch = cue_hits(
        text,
        (
            "today announced",
            "announced",
            "launches",
            "launched",
            "introduces",
            "is now available",
            "now available",
            "available today",
        ),
    )
    score -= 2.0 * bool(launch)
    opening = first.split(None, 1)[0].strip(".,:;'’s") if first.split() else ""
    if _PRODUCT_SUBJECT.match(first) or (opening and opening in set(product)):
        score -= 1.5
    return score


_BUILDER_QUESTION = re.compile(
    r"\bwhy\b.*\b(?:instead of|rather than|not just|over|vs\.?|versus)\b|\bwhy (?:reimplement|build|use|choose|not)\b"
    # "Why is St. Aldric building this now?": the organisation's reasons for the work
    r"|\bwhy (?:is|are|does|do|did|should)\b.*\b(?:building|launching|investing|funding)\b"
    r"|\bhow (?:is|are|was|were|will)\b.*\b(?:implemented|built|tested|funded|staffed)\b"
    r"|\broi\b|\bproduction[- ]ready\b|\bcost to (?:run|build|operate)\b|\bdevelopment (?:approach|plan|process)\b"
    r"|\bwhat(?:'s| is) next\b|\btech(?:nical)? (?:stack|debt|design|approach)\b|\bwhat happens (?:if|when)\b.*\b"
    r"(?:breaks?|fails?|goes down|dies|is down)\b"
)


# A question numbered in its half of the FAQ: "IFAQ-03" (internal), "EFAQ-1" (external).
_SIDE_NUMBERED = re.compile(r"\s*([IE])FAQ[-\s]?\d+\b", re.IGNORECASE)


# Two of product discovery's four risks asked bare, the team's to weigh: "Is it feasible?", "Is it
# viable — what does it cost us to run?", "Feasible? (blast radius)"; not a customer's "Is it
# feasible to install it myself?" or "Is it viable for a landlord with one unit?" (a fresh-eyes review).
_RISK_QUESTION = re.compile(
    r"^\W*(?:q\d*\s*[:.)]\s*)?(?:is\s+(?:it|this)\s+(?:technically\s+|economically\s+|commercially\s+)?)?"
    r"(?:feasible|viable|feasibility|viability)\s*(?:\?|[—–:(-]|$)",
    re.IGNORECASE,
)


def question_audience(text: str) -> str:
    """'internal' or 'external' for a question of an FAQ that is not split, from who asks it."""
    fd = data()["faq"]
    numbered = _SIDE_NUMBERED.match(text)
    if numbered is not None:
        return "internal" if numbered.group(1).lower() == "i" else "external"  # "IFAQ-03 · ...", "EFAQ-1"
    lowered = text.lower()
    internal = len(cue_hits(text, fd["internal-question-cues"]))
    external = len(cue_hits(text, fd["external-question-cues"]))
    if re.search(r"\b(?:should|will|can|do|did|are|could|would|have)\s+we\b", lowered):
        internal += 2
    if _BUILDER_QUESTION.search(lowered):
        internal += 2  # design rationale, the build, its cost and risks: a stakeholder asks those
    if cue_hits(text, data()["bezos"]["pre_mortem"]):
        internal += 2  # what could make it fail: the pre-mortem is the stakeholders' question
    if _RISK_QUESTION.match(text):
        internal += 2  # "Is it feasible?", "Is it viable — what does it cost us to run?"
    if re.search(r"\b(?:can|do|will|should|would)\s+i\b|\bhow (?:do|can) i\b|\bmy\b", lowered):
        external += 2
    return "internal" if internal > external else "external"


def document_signals(
    builder: _Builder, lines: Sequence[_Line], faq_start: int, quotes: Sequence[Quote], questions: Sequence[Question]
) -> dict[str, float]:
    """Evidence for and against "this is a PR/FAQ", each a small number (see `kind_score`)."""
    kd = builder.data["kind"]
    labels = [ln for ln in lines if ln.label]
    # A heading or label that is wholly a link ("### [**Press Release: Renters Left Behind**](PressRelease.md)")
    # names the document it points to, not this one's genre or parts.
    label_keys = [heading_key(ln.label_text) for ln in labels if not builder.links_elsewhere(ln)]
    heading_words = {normalise(w) for w in kd["heading-words"]}
    readme_words = {normalise(w) for w in kd["readme-headings"]}
    meeting_words = {normalise(w) for w in kd["meeting-headings"]}
    first_paragraphs = " ".join(ln.segment.text for ln in lines[:faq_start] if not ln.label)[:1500]
    commands = sum(1 for _, raw in builder.code_blocks if _COMMAND.match(raw))
    dateline = builder.parts.get("dateline")
    return {
        "prfaq_headings": float(min(4, sum(1 for k in label_keys if _names_genre(k, heading_words)))),
        "alias_headings": float(
            min(6, sum(1 for ln in labels if ln.alias is not None) + sum(1 for ln in lines if ln.runin and ln.alias))
        ),
        "faq_headings": float(min(2, sum(1 for ln in labels if ln.faq_heading))),
        "dateline": 1.0 if dateline is not None and dateline.confidence >= 0.8 else 0.0,
        "launch": float(min(3, len(cue_hits(first_paragraphs, kd["launch-cues"])))),
        "quotes": float(min(3, sum(1 for q in quotes if q.attribution))),
        "questions": min(3.0, math.log1p(len(questions))),
        "stakeholder_questions": float(min(3, sum(1 for q in questions if q.audience == "internal"))),
        "residue": float(min(3, len(builder.residue))),
        # A meeting's headings count against a PR/FAQ as a README's do, but are no README's sign
        # (a Hack Week PR/FAQ may have its "## Agenda").
        "readme_headings": float(min(6, sum(1 for k in label_keys if k in readme_words or k in meeting_words))),
        "meeting_headings": float(min(6, sum(1 for k in label_keys if k in meeting_words))),
        "versions": float(min(3, sum(1 for ln in labels if _VERSION_HEADING.search(ln.label_text)))),
        "code_blocks": min(3.0, math.log1p(len(builder.code_blocks))),
        "commands": float(min(3, commands)),
        "problem": 1.0 if builder.parts.get("problem") else 0.0,
    }


def _names_genre(key: str, words: set[str]) -> bool:
    """A heading that names the genre or one of its parts ("Press Release", "Customer Quote",
    "Shelfwise PRFAQ"). A phrase or a word of the genre's own ("prfaq") may be part of the
    heading; a common English word ("heading") must be all of it: "Where Vite is Heading" names
    no part."""
    return key in words or any(_contains_term(key, w) for w in words if len(w) > 3 and not _common_word(w))


def _contains_term(key: str, term: str) -> bool:
    """Whether `term` (or its plural) is in `key` as whole words."""
    start = key.find(term)
    while start >= 0:
        end = start + len(term)
        end += key.startswith("s", end)  # "press releases"
        if (start == 0 or not key[start - 1].isalnum()) and (end == len(key) or not key[end].isalnum()):
            return True
        start = key.find(term, start + 1)
    return False


@lru_cache(maxsize=256)
def _common_word(term: str) -> bool:
    """One plain English word as common as "heading" (zipf >= 3.5), not a phrase or a coinage."""
    return term.isalpha() and zipf_frequency(term, "en") >= 3.5


def _other_genre_titles() -> tuple[str, ...]:
    """The titles of other kinds of document (anatomy.toml, [kind] other-genre-titles)."""
    return tuple(data()["kind"]["other-genre-titles"])


def names_the_genre(title: str) -> bool:
    """Whether a title says the document is a press release or PR/FAQ: the genre's name opens or
    closes it ("PR/FAQ: Ostiari", "Ostiari — Press Release", "Press Release"). A title that only
    mentions the genre is about it ("How to write a PR/FAQ", "Real PR/FAQ and press-release
    drafts": a guide or an index), as is one that closes on "a"/"the" + the genre."""
    found = list(_GENRE_TITLE.finditer(title))
    if not found:
        return False
    before = title[: found[0].start()].strip(" :-–—|")
    if not before:
        # The genre's name as the first word of a compound whose head names a tool or a document
        # about the genre names that, not a PR/FAQ: "PR-FAQ Validator Prompts", "Press Release
        # Generator", "PRFAQ Review Checklist"; not "PR/FAQ Ledgerline", "Press Release Draft — Acme".
        compound = _GENRE_COMPOUND.match(title, found[0].end())
        return compound is None or not _ABOUT_THE_GENRE_WORD.fullmatch(compound.group(1).lower())
    last = found[-1]
    rest = title[last.end() :].strip(" :-–—|.")
    # A remark of a draft's status or form after the genre's name still names it ("Carta Clara —
    # Press Release (Working Backwards)", "Kairos -- Press Release (Amazon Format)", "PR/FAQ
    # (draft)"); any other remark makes the title about the genre ("Writing a better PR/FAQ (notes)").
    after = "" if _TITLE_REMARK.fullmatch(rest) else rest.strip("()")
    if after:
        return False
    words = before.split()
    return not words or words[-1].lower() not in ("a", "an", "the", "my", "your", "our")


# The genre's name, not a piece of a tool's ("# prfaq-agent", "# pr-faq-validator", "# press_release_gen").
_GENRE_TITLE = re.compile(
    r"(?:\bpress[\s-]+release\b|\bfor immediate release\b|\bPR\s*[/&-]?\s*FAQs?\b|\bPRFAQs?\b|^working backwards\b)"
    r"(?![-_](?!v?\d|draft|final|wip)[^\W\d_])",
    re.I,
)
# A word right after the genre's name, with no mark between: the name may be a compound's first word.
_GENRE_COMPOUND = re.compile(r"[ \t]+([^\W\d_]+)\b")
_TITLE_REMARK = re.compile(
    r"\(\s*(?:(?:amazon|working[\s-]+backwards?)(?:[\s-]+(?:format|style|template))?|draft|internal|confidential"
    r"|template|v?\d+(?:\.\d+)*|wip|final)\s*\)",
    re.I,
)
_HEADING_MARKS = re.compile(r"^\s*#{1,6}\s+|\s+#+\s*$")
# Most words of a line that may be a headline, under a link out of the page.
_HEADLINE_WORDS = 20
# A link to another file or page; not a same-page anchor ("[Press Release](#press-release)").
_WHOLE_LINK = re.compile(r"\[[^\[\]\n]*\]\((?!#)[^()\s]*\)")
# The genre as a heading's topic: named in the plural ("Making PR-FAQs Work") or asked about ("What
# is a press release?"). No labelled PR/FAQ heads a section so; a guide to the genre does.
_GENRE_PLURAL = re.compile(
    r"\bPR\s*[/&-]?\s*FAQs\b|\bPRFAQs\b|\bpress[\s-]+releases\b|\bpress[\s-]+release\s*[/&-]?\s*FAQs\b", re.I
)
# Prose that names the genre in the plural this often is about it ("PR FAQs are part of a work
# backwards approach ...", "PR-FAQs have 3 stages"): a guide or a process README, not one. The
# labelled PR/FAQs name it so twice at most (the course template's note on press releases).
_GENRE_TALK = 4
_GENRE_ASKED = re.compile(
    r"^\W*what(?:\s+is|\s+are|'s|’s)\s+(?:an?\s+|the\s+)?(?:amazon\s+)?"
    r"(?:PR\s*[/&-]?\s*FAQs?|PRFAQs?|press[\s-]+releases?|working\s+backwards)\W*$",
    re.I,
)
_METHOD_NAME = re.compile(r"working[\s_-]*backwards", re.I)  # the method's name, which names no genre alone
# Words of a file name beside the genre's that name a document about one: a plan, notes, a review.
_ABOUT_THE_GENRE = re.compile(
    r"(?<![a-z])(?:plan|notes?|review|feedback|checklist|guide|prompts?|distillate|rubric|instructions|critique|reconcile"
    r"|comments)(?![a-z])"
)
# The head of a compound whose first word is the genre's name ("PR-FAQ Validator", "PRFAQ Review
# Checklist"): a tool for the genre, or a document about it as a file name says (`_ABOUT_THE_GENRE`).
_ABOUT_THE_GENRE_WORD = re.compile(
    _ABOUT_THE_GENRE.pattern.removeprefix("(?<![a-z])").removesuffix("(?![a-z])")
    + r"|(?:validator|generator|linter|writer|writing|tool|toolkit|agent|assistant|builder|coach|skill|analy[sz]er"
    + r"|evaluator|scorer|bot|process|workflow|tips|examples|course|training|workshop)s?"
)
_BOTH_HALVES_NAME = re.compile(r"pr[-_ ]?faq")  # a file name that promises a release and an FAQ
_OPENS_WITH_GENRE = re.compile(r"\W*(?:press[\s_-]*release|pr\s*[/&-]?\s*faq|prfaq)\b", re.IGNORECASE)
# Front matter fields that say what kind of document a file is (Jekyll's, Hugo's and the like);
# not categories or tags, which a post about the genre carries too ("category: press-release" over
# "How to write a press release"). A subtitle counts only as the genre's label alone.
_GENRE_FIELD = re.compile(
    r"^(?:type|post_type|doc_type|doctype|kind)[ \t]*[:=][ \t]*(.+)$|"
    r"^subtitle[ \t]*[:=][ \t]*[\"']?[ \t]*((?:press[ _-]*release|pr[ /_-]*faq)s?)[ \t]*[\"']?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


@lru_cache(maxsize=4)
def _front_matter(text: str) -> FrontMatter | None:
    """The file's front matter, or None; remembered for the text, as the kind and the title's
    place both ask for it."""
    return find_front_matter(text) if text.startswith(("---", "+++")) else None


def _front_matter_genre(text: str) -> list[str]:
    """The genre's names in the fields of a file's front matter that say what kind of document it
    is ("post_type: press release", "subtitle: Press Release"), as a file's name would."""
    front = _front_matter(text)
    if front is None:
        return []
    values = [field or label for field, label in _GENRE_FIELD.findall(front.body)]
    return [name for value in values for name in _PRFAQ_NAME.findall(value.lower())]


_PRFAQ_NAME = re.compile(r"pr[-_ ]?faq|press[-_ ]?release|working[-_ ]?backwards|launch[-_ ]?announcement|prfaq")
_VERSION_HEADING = re.compile(r"^\[?v?\d+\.\d+(?:\.\d+)?\]?(?:\s|$|\s*[-(])|^unreleased$", re.IGNORECASE)


@lru_cache(maxsize=1)
def kind_model() -> Mapping[str, Any]:
    """The document-kind model (log-odds weights of `document_signals` and of `kind_words`),
    fitted by training/kind.py."""
    path = resources.files("wbl").joinpath("data", "kind.json")
    return MappingProxyType(json.loads(path.read_text(encoding="utf-8")))


_KIND_WORD = re.compile(r"\b[a-z][a-z]+\b")
KIND_TEXT_CHARACTERS = 2000


def kind_words(units: Iterable[Any]) -> frozenset[str]:
    """The distinct lower-case words of the document's first paragraphs (2,000 characters of them,
    cut at a space; list items, headings, tables and code are not read), the kind model's bag of
    words: an announcement's prose ("customers", "today", "announced") reads differently from a
    README's ("install", "run", "npm")."""
    text = ""
    for unit in units:
        if unit.kind == "paragraph":
            text = f"{text} {unit.text}" if text else unit.text
            if len(text) > KIND_TEXT_CHARACTERS:
                text = text[: KIND_TEXT_CHARACTERS + 1].rsplit(None, 1)[0]
                break
    return frozenset(_KIND_WORD.findall(text.lower()))


def kind_score(signals: Mapping[str, float], words: AbstractSet[str]) -> float:
    """The log-odds that the document is a PR/FAQ (or a press release, or an FAQ): >= 0 means it is.
    `words` are `kind_words` of the document; each word the model knows adds its weight."""
    model = kind_model()
    weights = model["weights"]
    word_weights = model.get("words", {})
    return (
        float(model["bias"])
        + sum(float(weights.get(k, 0.0)) * v for k, v in signals.items())
        + sum(float(word_weights.get(w, 0.0)) for w in words)
    )


# --- small helpers ---------------------------------------------------------------------------------


# The pieces of a title set off by a dash or a colon ("Payment Agent — REQUIREMENTS", "PRD-001 - ...").
_TITLE_PIECES = re.compile(r"\s+[—–-]\s+|\s*[—–:|]\s*|-(?=\d)")

# A bold question over more than one line is a question this long at most (a bold paragraph is not).
_WRAPPED_QUESTION_WORDS = 40


def _split_unit(unit: Any) -> list[tuple[int, int]]:
    """Segments of a unit: the whole text, or its lines when a question sits on the first line
    (its answer below) or when the paragraph is a plain-text document with one paragraph per line."""
    text = unit.text
    stripped = text.strip()
    if not stripped:
        return [(0, len(text))]
    start = text.index(stripped[0])
    # "Q: Is it free? A: Yes, for ten users.": a question and its answer on one line.
    q_label = _Q_LABEL.match(text, start) if unit.kind in PROSE else None
    inline = _INLINE_ANSWER.search(text, q_label.end()) if q_label is not None else None
    if inline is not None and (not unit.breaks or unit.breaks[0] > inline.end()):
        return [(start, inline.start() + 1), *_split_unit_from(unit, inline.end())]
    # "**Who is this for?** The no-server scholar ...": a bold question with its answer run in.
    if unit.kind in PROSE and unit.emphasis and unit.emphasis[0][0] <= start + 2:
        q_end = unit.emphasis[0][1]
        question = text[start:q_end].rstrip(" *_")
        rest = text[q_end:].strip()
        # A bold question may wrap ("**Q: Why these two items, out of everything the\nsynthesis
        # named?**\nBoth were ..."; round 47 of the user trials): the lines it covers are its own.
        # Only a question labelled as one ("Q:"): a bold hook question opening a release paragraph
        # ("**What if your bakery never threw away ...?** Small bakery owners ...") is no FAQ's.
        labelled = _Q_LABEL.match(question.lstrip(" *_")) is not None
        wrapped = labelled and len(question.split()) <= _WRAPPED_QUESTION_WORDS
        if _ends_as_question(question) and rest and (not unit.breaks or unit.breaks[0] >= q_end - 1 or wrapped):
            rest_start = text.index(rest[0], q_end)
            return [(start, q_end), *_split_unit_from(unit, rest_start)]
    if unit.kind not in PROSE or not unit.breaks:
        return [(start, start + len(stripped))]
    bounds = [0, *unit.breaks, len(text)]
    lines = [(s, e) for s, e in pairwise(bounds)]
    lines = [_trim(text, s, e) for s, e in lines]
    lines = [(s, e) for s, e in lines if e > s]
    if len(lines) < 2:
        return lines or [(0, len(text))]
    first_start, first_end = lines[0]
    first = text[first_start:first_end]
    emphasized_first = _covered(unit.emphasis, first_start, first_end)
    question_first = (
        (emphasized_first and first.rstrip().endswith("?"))
        or (_Q_LABEL.match(first) is not None and "?" in first)
        # "1. What can go in the cart?" with its answer on the item's next line.
        or (unit.kind == "list_item" and first.rstrip().endswith("?") and len(first.split()) <= 30)
    )
    whole_emphasized = _covered(unit.emphasis, lines[0][0], lines[-1][1])
    label_first = (
        (
            emphasized_first
            and len(first.split()) <= 14
            and not whole_emphasized
            and not first.lstrip(" *_").startswith(_OPEN_QUOTE)
        )
        or _part_name_line(first)
        # "FOR IMMEDIATE RELEASE" above the dateline (a shouted quotation is not a label)
        or (_is_upper_label(first.strip()) and not first.lstrip(" *_").startswith(_OPEN_QUOTE))
        # A plain-text headline in Title Case over the subheading on the next line; not a line
        # of wrapped prose that ends mid-sentence ("... at Shelfwise Books, said").
        or (unit.kind == "paragraph" and len(first.split()) <= 25 and _title_cased(first) and _ends_a_title(first))
    )
    if whole_emphasized and not question_first:
        return [(lines[0][0], lines[-1][1])]
    if _line_structured(text, lines):
        return lines
    # Only plain text: Markdown's markup (links, emphasis, code) is left out of the unit's text, so
    # the lines of a paragraph an editor filled to a column look short after it (review of
    # 2026-12-06); a PDF's text pasted in carries none.
    reflowed = [] if unit.links or unit.emphasis or unit.code_spans else _reflowed(text, lines)
    if len(reflowed) > 1:
        return reflowed
    # "**Headline:** ...\n**Subheading:** ...\n**Date:** ...": a release's fields on consecutive
    # lines (one Markdown paragraph). Each line that opens with a part's or a field's label
    # starts a segment, as a blank line before it would.
    fields = [k for k, (s, e) in enumerate(lines) if k and _opens_with_label(unit, s, e)]
    if fields and not (question_first or label_first):
        cuts = [0, *fields, len(lines)]
        return [(lines[a][0], lines[b - 1][1]) for a, b in pairwise(cuts)]
    prompt_first = first.rstrip().endswith((".", "?", "!")) and template_prompt(first) is not None
    if prompt_first and template_prompt(text[lines[1][0] : lines[-1][1]]) is None:
        # "> Name the product ... will understand.\nCallback": the author's answer glued to the
        # template's prompt (Markdown's lazy continuation) is a segment of its own.
        return [lines[0], (lines[1][0], lines[-1][1])]
    if question_first or label_first or _A_LABEL.match(text[lines[1][0] : lines[1][1]]):
        rest_start = lines[1][0]
        return [lines[0], (rest_start, lines[-1][1])]
    return [(lines[0][0], lines[-1][1])]


def _opening_calls(text: str, verbs: tuple[str, ...]) -> list[str]:
    """The verbs of `verbs` that open a sentence of `text` ("Visit Shelfwise at ...")."""
    if not verbs:
        return []
    pattern = re.compile(r"(?:^|[.!?]\s+)[*_\s]*(" + "|".join(map(re.escape, verbs)) + r")\b", re.IGNORECASE)
    return [m.group(1).lower() for m in pattern.finditer(text)]


def _ends_a_title(line: str) -> bool:
    """A line that could end a title: on a sentence's end, or on a capitalised word or a number."""
    end = line.rstrip(" *_")
    last = end.split()[-1] if end.split() else ""
    return end.endswith(_TERMINAL) or ((last[:1].isupper() or last[:1].isdigit()) and not end.endswith((",", ";")))


def _part_name_line(line: str) -> bool:
    """A short line that only names a part, with no markup ("Quote", "Call to Action"): in plain
    text, a label on its own line above the part's first line."""
    words = line.split()
    return 0 < len(words) <= 4 and not line.rstrip().endswith(_TERMINAL) and alias_part(line) is not None


def _headline_follows(lines: Sequence[_Line], position: int, launch_cues: Sequence[str]) -> bool:
    """Whether the next line after `position` is a heading that announces the launch itself
    (launch wording, naming no part): "# What If Bakers Knew Tomorrow's Orders Tonight?" over "##
    Kettle Lets Small Bakeries Take Pre-Orders" is a title over the headline; over "## Social
    Media is Flooded with Fake Accounts" the question is the headline."""
    following = next((ln for ln in lines[position + 1 :] if not ln.blank and not ln.residue), None)
    return (
        following is not None
        and following.heading
        and following.alias is None
        and not following.question
        and bool(cue_hits(following.segment.text, launch_cues))
    )


def _opens_with_label(unit: Any, start: int, end: int) -> bool:
    """Whether the line `unit.text[start:end]` opens with the label of a part or of a field:
    "**Subheading:** ...", "**Customer Quote**: ...", "Date: ..." (a metadata label)."""
    text = unit.text
    label = ""
    for s, e in unit.emphasis:
        if start <= s <= start + 1:
            after = text[e:end].lstrip(" *_")
            shown = text[s:e].strip(" *_")
            if shown.endswith(":") or after.startswith(":"):
                label = shown.rstrip(":").strip()
            break
    else:
        match = _PLAIN_LABEL.match(text[start:end])
        if match and match.group(1)[:1].isupper():
            # In plain text only a part's own name or a field's ("Customer Problems:", "Date:"),
            # not words that merely open with one ("Why it matters:", "How it works:").
            # And only where the paragraph's first line opens with a label too (fields, as
            # `wbl.markdown` reads them): "Why it matters:" under a line of prose is prose.
            first = unit.text[: unit.breaks[0]] if unit.breaks else ""
            fields = _PLAIN_LABEL.match(first.strip()) is not None or any(at <= 1 for at, _ in unit.emphasis)
            named = heading_key(match.group(1)) in _EXACT or _metadata_label(match.group(1))
            return fields and len(match.group(1).split()) <= 4 and named
    if not label or len(label.split()) > 4:
        return False
    return alias_part(label) is not None or _metadata_label(label)


def _split_unit_from(unit: Any, offset: int) -> list[tuple[int, int]]:
    """The rest of a unit from `offset` as one segment (its answer)."""
    start, end = _trim(unit.text, offset, len(unit.text))
    return [(start, end)] if end > start else []


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_structured(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """A paragraph whose lines are each a paragraph of their own (plain-text documents), not
    prose wrapped at a fixed width."""
    if len(lines) < 3:
        return False
    hard = 0
    marks = _QuoteMarks()
    for (s, e), (s2, _) in pairwise(lines):
        line, nxt = text[s:e], text[s2 : s2 + 1]
        words = len(line.split())
        starts_new = nxt.isupper() or nxt.isdigit() or nxt in '"“[(*-•'
        open_quote = marks.open_after(text[s:s2])  # a quotation goes on over the break: one paragraph
        if starts_new and (line.endswith(_TERMINAL) or words <= 12) and not open_quote:
            hard += 1
    return hard >= 0.8 * (len(lines) - 1)


def _reflowed(text: str, lines: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs of prose wrapped at a fixed width with no blank line between them (a release
    pasted from a PDF): a line ends its paragraph where it ends a sentence and the next line's first
    word would have fitted on it. [] when the lines are not such prose (most lines near the widest
    one, at least eight of them)."""
    if len(lines) < _REFLOW_MIN_LINES:
        return []
    lengths = [e - s for s, e in lines]
    width = max(lengths)
    if sum(1 for n in lengths if n >= 0.8 * width) < 0.5 * len(lines):
        return []  # ragged lines: one sentence per line, or lines broken by hand
    if sum(1 for s, e in lines if text[s:e].rstrip().endswith(_TERMINAL)) > 0.4 * len(lines):
        return []  # lines that end sentences: one sentence (or clause) per line, written so
    cuts = [0]
    marks = _QuoteMarks()
    for k, ((s, e), (s2, e2)) in enumerate(pairwise(lines), start=1):
        line, nxt = text[s:e], text[s2:e2]
        first_word = len(nxt.split()[0]) if nxt.split() else 0
        closed = not marks.open_after(text[s:s2])
        # A sentence's end, or a quotation's signature ('... We are sure!” - Anna Moor, CEO') before
        # the next quotation or paragraph opens.
        quoted = text[lines[cuts[-1]][0] : lines[cuts[-1]][0] + 1] in '"“'
        signed = closed and (nxt[:1] in '"“' or (quoted and len(line) < 0.75 * width))
        # The first line short: the end of a heading wrapped onto it ("# Acme launches X" over "for
        # bakeries").
        heading_tail = k == 1 and len(line) < 0.6 * width
        ends = line.rstrip().endswith((".", "!", "?", '"', "”", ":")) or signed or heading_tail
        opens = nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in '"“'
        # Greedy wrapping breaks a line only where the next word would not fit: one it would have
        # fitted on was ended by its writer.
        if ends and opens and closed and len(line) + 1 + first_word <= width:
            cuts.append(k)
    cuts.append(len(lines))
    return [(lines[a][0], lines[b - 1][1]) for a, b in pairwise(cuts)] if len(cuts) > 2 else []


# Fewer lines than this in one paragraph are no pasted document.
_REFLOW_MIN_LINES = 8


class _QuoteMarks:
    """Quotation marks counted over consecutive pieces of a text, to tell whether a quotation is
    still open at the end of each (counted piece by piece: a paragraph of many lines stays linear)."""

    def __init__(self) -> None:
        self.straight = self.opening = self.closing = 0

    def open_after(self, piece: str) -> bool:
        self.straight += piece.count('"')
        self.opening += piece.count("“")
        self.closing += piece.count("”")
        return self.straight % 2 == 1 or self.opening > self.closing


def _covered(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the emphasis spans cover [start, end) but for punctuation and white space."""
    if not spans:
        return False
    return any(s <= start + 2 and e >= end - 3 for s, e in spans)


def _is_upper_label(text: str) -> bool:
    if text.endswith(".") or len(text.split()) > 8:
        return False  # checked first: the letters of every paragraph would be read otherwise
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# An attribution that narrates what someone does before speaking ("presses one button and says"):
# the words quoted are part of a story (a command spoken, a reply), not a quotation of the release.
_NARRATED = re.compile(r"\s(?:and|then)(?:\s+(?:says|said|asks|asked|replies|replied|answers|answered))?$")


def _past_separator(text: str, offset: int) -> int:
    """`offset` moved past the marks and spaces that close a label or a dateline (":", "—", "**")."""
    while offset < len(text) and text[offset] in " \t*_—–-:,.":
        offset += 1
    return offset


def _labelled_features(lines: Sequence[_Line]) -> set[int]:
    """Segments of list items that open with a run-in label naming a part in a list of labelled
    features: at least four items open with a label, at most a quarter of them name a part, and
    the item quotes no one ("- **Shop Directory**: ...", "- **User Reviews**: Community-driven
    ratings", "- **Interactive Map**: ..." and three more). Not "- **Customer Quote**: ... — Dana
    Ruiz, owner" among facts (it quotes someone), nor a list of the release's parts ("- **Who it's
    for** — ...", "- **What problem it solves** — ...", "- **How to use it** — ...")."""
    found: set[int] = set()
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and line.blank:
            continue
        if line is not None and line.segment.unit.kind == "list_item":
            run.append(line)
            continue
        labelled = [ln for ln in run if ln.runin]
        parts = [ln for ln in labelled if ln.alias is not None]
        if len(labelled) >= 4 and 4 * len(parts) <= len(labelled):
            found.update(ln.segment.index for ln in parts if not _QUOTES_SOMEONE.search(ln.segment.text))
        run = []
    return found


# An item that quotes someone: quotation marks, or words signed with a dash and a name ("...
# empty shelves. — Dana Ruiz, owner of Ruiz Books").
_QUOTES_SOMEONE = re.compile(r"[“\"][^”\"“]{2,}[”\"]|\s[—–-]\s*[A-Z][\w'’.-]*\s+[A-Z]")


def _runin(unit: Any, segment: Segment) -> tuple[str, int] | None:
    """A label that opens a paragraph ("**The problem.** ...", "Problem: ..."), and where its text ends."""
    text = segment.text
    for s, e in unit.emphasis:
        if s <= segment.start + 1 and segment.start <= s:
            label = unit.text[s:e].strip()
            after = unit.text[e : segment.end].lstrip()
            if 0 < len(label.split()) <= 8 and after and (label.endswith((":", ".", "—", "-")) or after[:1] in ":.—–-"):
                return label.strip(" :.—–-"), e - segment.start
        break
    match = _PLAIN_LABEL.match(text)
    if match and len(match.group(1).split()) <= 4:
        label = match.group(1)
        capitalised = label[0].isupper()
        # A lower-case word alone is a metadata key ("title: ...", "status: ..."), not a part's label.
        if (capitalised or " " in label.strip()) and (alias_part(label) or (capitalised and _metadata_label(label))):
            return label, match.end()
    return None


# A "Label: value" field whose value opens with a handle, an issue or a link
# ("API Bar Raiser: @rix0rrr", "Tracking Issue: #886", "Docs: https://...").
_HANDLE_FIELD = re.compile(r"^[^:\n]{1,40}:{1,2}\s*((?:[@#]\w|\[[@#]|https?://).*)$", re.DOTALL)


def handle_value(text: str) -> str | None:
    """The value of a field that opens with a person's handle, an issue or a link, else None."""
    match = _HANDLE_FIELD.match(text.strip())
    return match.group(1) if match else None


_FIELD = re.compile(r"(?:^|\s)([A-Z][\w()/&' -]{0,30}?):{1,2}\s+(\S[^:]*?)(?=\s+[A-Z][\w()/&' -]{0,30}?:{1,2}\s|$)")


@remembered_for_short_texts
def is_metadata(text: str) -> bool:
    """Whether `text` is document metadata: "Status: draft  Author: @kim", a known label, or short
    "Label: value" fields whose values are handles, dates, links or a few words."""
    fields = _FIELD.findall(text)
    if not fields or len(text.split()) > 60:
        return False
    covered = sum(len(label) + len(value) + 2 for label, value in fields)
    if covered < 0.8 * len(text.strip()):
        return False
    labels = _metadata_labels()
    for label, value in fields:
        known = normalise(label) in labels
        short = len(value.split()) <= 6 or re.match(r"^[@#\[<]|^https?://", value.strip()) is not None
        if not (known or (short and len(label.split()) <= 4)):
            return False
    return True


_MARKER = re.compile(
    # A section's number may come before the press release's name: "Part 1 — Press Release", "PART
    # I: PRESS RELEASE", "1. Press Release", "B. Press Release" (not "3) Working Backwards: Customer
    # Experience").
    r"^\W*(?:(?:(?:part|section)\s+(?:\d+|[ivx]+)\b\s*[:.—–-]?\s*|(?:\d{1,2}|[a-z])[.)]\s*)(?=(?:(?:the|a|our|mock|draft|proposed|launch|sample|example|hypothetical|fictional|future|intended)\s+){0,3}press[\s-]+release))?"
    # "Proposed launch press release", "The draft press release", "Future intended press release".
    r"(?:(?:the|a|our|mock|draft|proposed|launch|sample|example|hypothetical|fictional|future|intended)\s+){0,3}(?:press[\s-]+release(?:\s+from\s+the\s+future)?|working\s+backwards|"
    # A note in parentheses after the genre's name is no headline: "(draft)", "(v2)", "(Mock — Q1 2027)".
    # "Press Release Draft — Launch Day": the genre's name with "draft" after it.
    r"artifacts?\s+from\s+the\s+future)(?:\s+draft)?(?:\s*\([^()]{1,40}\))?\s*(?:[:—–-]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)


def _marker_remainder(text: str) -> str | None:
    """For a line that starts a press release ("Press Release", "Press Release: Introducing X"),
    the rest of the line ("" when none); None for any other line."""
    match = _MARKER.match(title_key(text))
    if match is None:
        # "FOR IMMEDIATE RELEASE", "For immediate release. March 18, 2026.": a mark, not a headline;
        # "For immediate release: Acme launches Pantry Alerts": the rest is the headline.
        if _is_release_mark(text):
            return ""
        mark = _RELEASE_MARK.match(text)
        rest = re.match(r"\s*[:—–-]\s*(.+)", text[mark.end() :]) if mark else None
        return rest.group(1).strip(" *_") if rest and product_words(rest.group(1)) else None
    rest = (match.group("rest") or "").strip()
    return "" if not product_words(rest) else rest


_GENRE = re.compile(
    r"\b(?:amazon[- ]style|working[- ]backwards|press[- ]releases?|pr\s*[/&-]?\s*faqs?|prfaqs?|faqs?|pr|rfc[- ]style|"
    r"rfc[- ]?\d*|frequently asked questions|and|draft|document|doc|the|a|an|for|of|v\d[\w.]*)\b",
    re.IGNORECASE,
)


def product_words(title: str) -> list[str]:
    """The words of a title that are not the genre's ("PyPixoo — PR FAQ (RFC-style)" -> ["PyPixoo"])."""
    return [w for w in re.findall(r"[A-Za-z0-9][\w'’.+-]*", _GENRE.sub(" ", title_key(title))) if len(w) > 1]


def _date_only(text: str) -> bool:
    """A line that is a date and little else ("June 1, 2026", "Posted March 3, 2027 by Kim")."""
    match = _DATE.search(text) or _PLACEHOLDER_DATE.search(text)
    return match is not None and len(text.split()) <= 8 and len(match.group(0)) * 2 >= len(text.strip(" *_.")) // 2


def _dateline_only(text: str) -> bool:
    """A line that is a dateline and nothing more: a place, a date or both ("**Charlotte, NC —
    August 2026**" on its own line above the headline), no sentence after it; after the release
    mark too, closed by the end of the line ("**FOR IMMEDIATE RELEASE** · London, [date]" above
    the headline: round 36 of the user trials)."""
    span = dateline_span(text)
    mark = _RELEASE_MARK.match(text) if span is None else None
    if mark is not None:
        # After the mark, the end of the line closes the dateline as a dash would: a few words
        # with a date or its slot ("London, [date]"), not a banner or the release's first sentence.
        text = text[mark.end() :].lstrip(" *_·|:—–-").rstrip(" *_.,;")
        if len(text.split()) <= 6 and (has_date(text) or _DATE_SLOT.search(text)):
            span = dateline_span(text + " —")
    if span is None:
        return False
    rest = text[span[1] :].strip(" *_.:,;|—–-()")
    if _release_time(rest):
        return True  # "Singapore - Mar 6 2017 to be released 9am London Time"
    date = _FULL_DATE.match(rest)
    if date is not None and _release_time(rest[date.end() :]):
        return True  # "NEW YORK - March 3, 2027 (embargoed until 10:00 GMT)"
    return not rest or (has_date(rest) and len(rest.split()) <= 4)


def _introduces_block(line: _Line) -> bool:
    """A label ending in a colon that names a field of the release's masthead rather than a part:
    "Contact:", "Authors:", "FOR RELEASE:", "FROM:", "CONTACT PERSONS:"."""
    if not line.segment.text.rstrip(" *_#").endswith(":"):
        return False
    label = line.label_text.strip(" *_#")
    return _metadata_label(label) or (label.isupper() and len(label.split()) <= 3)


_TEMPLATE_SLOT_PARAGRAPHS = 4
_TEMPLATE_SLOT_SHARE = 0.4
_WRITTEN_PART_WORDS = 8
# A template's bracketed instructions, of any length ("Intro Paragraph: [City, State]–[Intended
# Launch Date] – [Provide a crisp 3-4 sentences that reiterate and expand on the title ...]").
_BRACKETED = re.compile(r"\[[^\[\]\n]{1,400}\]|\{[^{}\n]{1,400}\}|[⟨〈][^⟨〈⟩〉\n]{1,400}[⟩〉]")


def _mostly_bracketed(text: str) -> bool:
    """Whether words in brackets make up half of `text` or more (not a task list's "[ ]" or "[x]":
    no word of two letters in them)."""
    covered = sum(len(m.group(0)) for m in _BRACKETED.finditer(text) if re.search(r"[^\W\d_]{2}", m.group(0)))
    return 2 * covered >= len(text.strip())


def _unfilled_template(lines: Sequence[_Line]) -> bool:
    """Whether the document is a template's prompts and little else: at least `_TEMPLATE_PROMPTS`
    paragraphs the anatomy takes for prompts, and at most `_TEMPLATE_OWN_WORDS` words besides them
    and the headings that name parts (an untouched template has its title at most; a draft's
    headline, a question or an answer of the author's count)."""
    written = [ln for ln in lines if not ln.blank]
    prompts = sum(1 for ln in written if ln.residue and ln.segment.unit.kind in PROSE)
    # The author's words: headings, questions, answers, table cells; not the template's part names.
    own = sum(ln.words for ln in written if not ln.residue and not (ln.label and (ln.alias or ln.faq_heading)))
    return prompts >= _TEMPLATE_PROMPTS and own <= _TEMPLATE_OWN_WORDS


_TEMPLATE_PROMPTS = 3
_TEMPLATE_OWN_WORDS = 10


def _inline_code_answers(question: Segment, answer: Sequence[Segment]) -> bool:
    """Whether inline code after the question in its paragraph, or in its answer, answers it: a
    path, a command; not "`TBD`" or "`TODO`"."""
    spans = [span for span in question.unit.code_spans if span.plain_offset >= question.end]
    spans += [span for s in answer for span in s.unit.code_spans if s.start <= span.plain_offset <= s.end]
    return any(span.code.strip() and _UNANSWERED.match(span.code) is None for span in spans)


def _listed_after(item: _Line, following: _Line) -> bool:
    """Whether both lines are list items and the second is no deeper than the first: the next
    item of the same list, not one nested under the first."""
    first, second = item.segment.unit, following.segment.unit
    return first.kind == second.kind == "list_item" and second.list_depth <= first.list_depth


def _names_product(title: _Line) -> bool:
    """A document title that names the product and so stands, weakly, for a headline: not a
    template slot, a question, a part's label or only the genre's name ("PR/FAQ", "Press Release")."""
    if title.residue or title.question or title.alias is not None or title.faq_heading:
        return False
    return bool(product_words(title.label_text))


def _metadata_label(label: str) -> bool:
    return normalise(label) in _metadata_labels()


@remembered_for_short_texts
def _mostly_placeholder(text: str) -> bool:
    """True when placeholders and template slots make up most of `text`."""
    if not text.strip():
        return True
    covered = sum(len(m.group(0)) for m in _slots(text))
    letters = len(re.sub(r"[\W_]", "", text))
    return covered > 0 and (letters <= 40 or covered * 2 >= len(text.strip()))


_FAQ_NAME = re.compile(r"\bFAQs?\b|frequently[\s-]+asked|\bQ\s*(?:&|and)\s*A\b|questions\s+and\s+answers", re.I)


def _plain_group_label(line: _Line, following: Sequence[_Line]) -> bool:
    """A short plain paragraph, not a sentence, right above a question: a group's label in an FAQ
    written without headings ("For residents", "For the city council and DPW")."""
    unit, text = line.segment.unit, line.segment.text
    next_line = next((ln for ln in following if not ln.blank), None)
    return (
        not line.label
        and not line.question
        and unit.kind == "paragraph"
        and unit.text.strip() == text.strip()
        and 0 < line.words <= 8
        and not text.rstrip().endswith(_TERMINAL)
        and next_line is not None
        and next_line.question > 0
    )


def _audience_of(words: set[str], fd: Mapping[str, Any]) -> str | None:
    internal = words & set(fd["internal-words"])
    external = words & set(fd["external-words"]) - {"for"}
    if "external" in words or "public" in words:
        return "external"
    if internal and not external:
        return "internal"
    if external and not internal:
        return "external"
    return None


# A full stop that ends a sentence, not an initial or a title ("Jess K. put it", "Dr. Kim said").
_NOT_AN_ABBREVIATION = r"(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bJr)(?<!\bInc)(?<!\bProf)"
_SENTENCE_BREAK = re.compile(rf"{_NOT_AN_ABBREVIATION}\.\s")
# Where the words after a verb of saying stop: a quotation, the sentence's end, a semicolon
# ('said Dr. Maria Okafor, chief medical officer of …' goes on past "Dr.").
_ATTRIBUTION_END = re.compile(rf"\0|{_NOT_AN_ABBREVIATION}\.(?:\s|$)|;|$")


# A signature closing a paragraph: "... analysis. —Jupyter Developer", "... today. - Ana Ruiz, nurse".
_TRAILING_SIGNATURE = re.compile(rf"[.!?…]\s*{_SIGN_DASH}\s*(?:[A-Z\[]|@\w)[^—–\n]{{1,100}}$")


# "owner of Rosa's Bakery", "Owner, [Anchor Jewellers]": the organisation a speaker owns (up to
# the next comma or bracket's end), to tell the launching business's owner from a customer's.
_OWNER_OF = re.compile(r"\b(?:co-)?owner(?:\s+of|\s*,)\s+((?:\[[^\]]+\]|[^,(])+)", re.IGNORECASE)
# The words just before a web address written out for the reader to go to.
_WHERE_TO = re.compile(r"(?:\b(?:at|visit|on|via|to|from|here)|:)\s*[*_<\[]*$", re.IGNORECASE)
# A heading over a quotation that names who speaks: "A Note from Jason Hackner", "A word from our
# CEO"; by capitalised words ("Words from the field" names no one).
_FROM_SOMEONE = re.compile(
    # "A Note from Jason Hackner": the heading names who speaks.
    r"(?i:(?:an?\s+)?(?:note|message|word|words|letter|statement)\s+from\s+)"
    r"((?:(?i:our)\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    # "Quote from Elena Ruiz, Founder": a name and its role; not "Quote from You" (a template's),
    # "Quote from Beta Testers" or "Quote from Leadership" (no one named).
    r"|(?i:(?:an?\s+)?(?:quote|quotation)\s+from\s+)(?!(?i:you|us|me|them|our|the|a|an)\b)"
    r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3},\s*[^,\s][^\n]{0,80})"
)
# A template slot's marker: "[Placeholder: ...]", "[TBD: ...]".
_SLOT_MARKER = re.compile(r"^(?:placeholder|tbd|todo|example|e\.g\.)\s*:?\s*")
# A slot that describes an organisation of a kind, not ours: "mid-market usage-based saas company".
_SOME_ORGANISATION_SLOT = re.compile(
    r"(?!(?:our|the|my|your|this)\b)(?:[a-z0-9][\w-]*\s+){1,5}"
    r"(?:company|firm|business|startup|agency|retailer|bank|school|clinic|hospital|practice|customer)"
)
# An organisation named by what it is, not by name: "at a mid-size SaaS company", "from an agency".
_AT_SOME_ORGANISATION = re.compile(r"\b(?:at|from|with)\s+(?:a|an)\s", re.IGNORECASE)
# A company's own function named after its customers: "Head of Customer Service".
_CUSTOMER_FUNCTION = re.compile(
    r"\bcustomers?\s+(?:service|success|experience|support|care|relations|insights?)\b", re.I
)
# The organisation an attribution ends on, after a comma: "CEO, TrustFabric", "CISO, Fortune 500 Bank".
# Who speaks is a share of the people asked: "41 percent", "60%", "most respondents", "half of them".
_SHARE_SPEAKS = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|per\s+cent)|\b(?:most|many|half|some|all|few|a\s+majority|a\s+third|"
    r"two-thirds|a\s+quarter|three\s+in\s+\w+|\w+\s+(?:in|out\s+of)\s+(?:ten|\d+))"
    r"(?:\s+(?:of\s+)?(?:them|those\s+\w+|the\s+\w+|respondents|users|customers|people|participants))?)\s*$",
    re.IGNORECASE,
)
_SIGNED_FOR = re.compile(r",\s*([A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9][\w&'’.-]*){0,5})\s*$")
# "... at Tick Logistics", "CEO of Gatekeep": an organisation after a preposition.
# A name may open with digits ("founder of 8bitConcepts", "at 3M"), not be a number ("of 2024").
_ORGANISATION = re.compile(r"\b(?:at|of|from|with)\s+((?:[A-Z]|\d+[A-Za-z])[\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})")


# A web address or a file name: words joined by dots ("keepsafe.stackhaus.com", "notes.md").
_DOTTED_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)+")
# An attribution that says who someone is by what they do ("who owns six units", "who runs a
# bakery"), not by a title: leaders are introduced by their role at the company.
_DESCRIBED_BY_WHAT_THEY_DO = re.compile(r",\s+who\s+(?!is\b|was\b|leads?\b|led\b|founded\b|built\b|heads?\b)[a-z]+")
# A role as an attribution writes it: one to four plain words ("engineering manager").
_ROLE_WORDS = re.compile(r"[a-z][a-z-]+(?: [a-z][a-z-]+){0,3}")
# A person's full name closing an attribution: "When asked about it, Ramon Tayag".
# An apposition that makes someone the company's own: "an early employee", "an intern on our team",
# "a software engineer who built the risk model".
_OURS_DESCRIBED = re.compile(
    r"\b(?:employee|staff|intern|contractor|our|we|us)\b|\bwho\s+(?:built|created|designed|wrote|made|developed|started)\b",
    re.IGNORECASE,
)
_FULL_NAME_AT_END = re.compile(r"([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+)\s*$")
# The slot of a date in a template ("[date]", "[DATE]", "[Launch Date]").
_DATE_SLOT = re.compile(r"\[[^\]]{0,20}\bdate\b[^\]]{0,20}\]", re.IGNORECASE)
# A token with a slash or an at sign: a web address's path, a repository, a handle.
_PATH_OR_HANDLE = re.compile(r"(?<!\S)\S*[/@]\S*")  # from a token's start: linear on long tokens
# "I started CS Visualized", "We built Relay": the speaker made what is launched (a name follows).
_MADE_IT = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:started|founded|co-founded|built|created|made|launched|designed|wrote)\s+"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
)
_PRONOUNS = frozenset("he she they we it i you someone".split())
# "he said": the person quoted just before speaks again.
_THIRD_PERSON = frozenset(("he", "she", "they"))
# A sentence opening with a person's name, then a verb in the present or past: "Mark Hessel grows ...".
_INTRODUCED_NAME = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+"
    r"(?:[a-z]+(?:s|ed)|has|had|is|was|ran|grew|taught|led)\b"
)
# A paragraph that opens by introducing someone: "Marcus Webb, a nurse at Hennepin Healthcare
# who works nights, tried the club" (the role without its relative clause).
_MET_PERSON = re.compile(
    r"^[*_]*(?P<name>[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?),\s+"
    r"(?P<role>(?:an?|the|one)\s[^,.;:]{3,80}?)(?:\s(?:who|that|which)\b[^,.;:]*)?,"
)
_ROLE_ARTICLE = re.compile(r"^(?:an?|the|one)\s+")
# Words that say whom a product serves, before the role: "for the", "helps", "lets every".
_FOR_WHOM = r"\b(?:for|helps?|lets?|gives?|serves?)\s+(?:the\s+|an?\s+|every\s+|any\s+)?"


def _organisations(attribution: str) -> list[str]:
    """The organisations an attribution names, in order: "VP of Engineering at Medalert" ->
    ["Engineering", "Medalert"]; "CISO, Fortune 500 Bank" -> ["Fortune 500 Bank"]."""
    found = (*_ORGANISATION.finditer(attribution), _SIGNED_FOR.search(attribution))
    names = [m.group(1).strip() for m in found if m]
    # "Scrum Master", "Biology Teacher", "Lead Backend Engineer": a job, not an organisation.
    return [n for n in names if not _PERSON_NOUN.search(n)]


# A word for a person by what they do (an agent noun: teacher, mentor, specialist, student), the
# last word of a job title; not a place ("Medical Center", "Theater") nor "-ment" ("Government").
_PERSON_NOUN = re.compile(r"(?:(?<!cent)(?<!theat)er|or|ist|ian|(?<!m)ent)s?$", re.IGNORECASE)


def _title_cased(text: str) -> bool:
    """Whether a line is written in Title Case: four or more words of four letters or more, nearly
    all capitalised."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) >= 4]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


def _names_any(words: Iterable[str], text: str) -> bool:
    """Whether `text` has any of `words` as a whole word."""
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _closes_quote(text: str) -> bool:
    """Whether a paragraph that opens with a quotation mark closes one too ('"A" students ...')."""
    return "”" in text or text.count('"') >= 2


def _unclosed_quote(text: str) -> tuple[int, int]:
    """The span of a quotation whose closing mark is missing: from its opening mark to a closing
    signature, or to the end of the paragraph."""
    start = len(text) - len(text.lstrip(" *_")) + 1
    signature = _TRAILING_SIGNATURE.search(text, start)
    end = signature.start() + 1 if signature else len(text.rstrip(" *_"))
    return start, end


def _one_question(quoted: str) -> bool:
    """A quotation that is one question and nothing else ("Where are the attachments stored?")."""
    body = quoted.strip().rstrip("\"”’'*_ ")
    return body.endswith("?") and len(split_sentences(body)) == 1


# A personal pronoun right before the verb of saying is its subject: "he said one word".
_PRONOUN_SUBJECT = re.compile(r"\b(he|she|they)\s*$", re.IGNORECASE)
_ARTICLE_OPENING = re.compile(r"(?:a|an|the|one|our|their)\s", re.IGNORECASE)
# Verbs of saying that take no object right after a quotation ('"…," noted company leadership').
_SPEECH_VERBS = frozenset(
    (
        "said says added adds continued continues exclaimed remarked recalled told "
        "noted stated commented observed explained"
    ).split()
)
# Words after a verb of saying that make a clause, not a speaker: "says the customer is best off".
_CLAUSE = re.compile(
    r"(?:(?!(?:who|that|which)\b)[\w'’-]+\s+){1,3}(?:is|are|was|were|has|have|had|will|would|can|could|should)\b",
    re.IGNORECASE,
)


_TRAILING_AUXILIARY = re.compile(r"\s+(?:has|have|had)\s*$", re.IGNORECASE)


# A quotation, then a name of one to four capitalised words right before a verb of saying.
# A handle that stands for a name: letters and digits run together, or "@" and a word
# ("said 0xjc65eth, lead architect", '"…," @maria_dev continued').
# Without "@", letters and digits interleaved (a digit between letters, two digits or more, a
# letter last): "0xjc65eth"; not a version, a model, a hash or a file ("v2.0", "gpt-4o", "gpt4o",
# "sha256", "readme2", "covid19").
_HANDLE = (
    r"(?:@[\w.-]{2,}"
    r"|(?=[a-z0-9_]*\d[a-z0-9_]*\d)(?=[a-z0-9_]*[a-z][a-z0-9_]*\d[a-z0-9_]*[a-z])[a-z0-9_]{6,}(?![\w.-]))"
)
_NAME_BEFORE_VERB = re.compile(rf"\0[\s,]*((?:[A-Z][\w.'’-]*\s+){{0,3}}[A-Z][\w.'’-]*|{_HANDLE})\s+$")
# Before a role, also a user name with digits at its end ('said chapalaumesh209, Lead Architect of
# DockProof'; round 43 of the user trials): the quotation is attributed (not "covid19, the
# pandemic"), but to no named person ("user2026, bakery owner" is as anonymous).
_HANDLE_BEFORE_ROLE = rf"(?:{_HANDLE}|[a-z][a-z_]{{3,}}\d{{2,4}}(?![\w.-]))"
_HANDLE_WITH_ROLE = re.compile(rf"{_HANDLE_BEFORE_ROLE},\s+[a-zA-Z]")


def _attribution(
    text: str,
    spans: Sequence[tuple[int, int]],
    said: re.Pattern[str],
    labels: frozenset[str] = frozenset(),
    someone: Callable[[str], bool] = lambda words: True,
) -> tuple[str, int]:
    """The words naming who speaks ("Dana Ruiz, General Manager of Shelfwise") and where they start.
    `labels`: words that make a lead a label, not a name ("Customer Problem, in one sentence:");
    `someone`: whether words after a verb of saying that open with an article name a person."""
    outside = list(text)
    for start, end in spans:
        for i in range(max(0, start - 1), min(len(text), end + 1)):
            outside[i] = "\0"
    masked = "".join(outside)
    for match in said.finditer(masked):
        after = masked[match.end() :]
        stop = _ATTRIBUTION_END.search(after)
        who = after[: stop.start() if stop else len(after)].strip(" ,:")
        # "said Dana Ruiz", "said a nurse in Ohio"; not "put it simply:" (the speaker comes before).
        # A name after a few plain words ("said longtime customer Dana Ruiz"), not "says how far it
        # got: ticket moved, PR merged".
        # Words that open with an article name the speaker beside the quotation after a verb that
        # takes no object ('"…," said a chef'; not '"…" describes a capability'), elsewhere only
        # when they name a person (not "… and notes the date and time"); never a clause.
        beside = match.group(0).lower() in _SPEECH_VERBS and (
            masked[: match.start()].rstrip(" ,").endswith("\0") or (stop is not None and stop.group() == "\0")
        )
        pronoun = _PRONOUN_SUBJECT.search(masked, 0, match.start())
        if beside and pronoun is not None:
            return pronoun.group(1), pronoun.start(1)  # 'he said one word: "…"': he speaks
        named = _NAME_BEFORE_VERB.search(masked, 0, match.start())
        if named is not None and named.start() > 0 and text[named.start() - 1] not in ".!?":
            # '"…," Casavant noted, referencing the constant': the name between the quotation and
            # the verb speaks, not the words after the verb
            return named.group(1), named.start(1)
        names_someone = (
            re.match(r"(?:[a-z-]+\s+){0,5}[A-Z\[⟨〈{]", who)
            or (_HANDLE_WITH_ROLE.match(who) and someone(who.split(",", 1)[1]))
            or (_ARTICLE_OPENING.match(who) and (beside or someone(who)))
            # '"…," noted company leadership': a role with no article, right after the quotation
            or (beside and len(who.split()) <= 3 and someone(who))
        ) and not _CLAUSE.match(who)
        if who and names_someone and len(who.split()) > 20 and _NAMED_FIRST.match(who):
            # A name in the first words and a long role after it ('said web standards author
            # Daniel Ehrenberg, a software engineer with ... and Vice President of ...'): the
            # name is what attributes the quotation; the first 20 words are kept.
            who = _FIRST_WORDS.match(who).group(0).rstrip(" ,")  # type: ignore[union-attr]
        if who and len(who.split()) <= 20 and names_someone:
            return who, match.end() + (len(after) - len(after.lstrip(" ,")))
        before = masked[: match.start()]
        ends = [m.end() - 1 for m in _SENTENCE_BREAK.finditer(before)]
        quotation = before.rfind("\0")
        cut = max(quotation, ends[-1] if ends else -1)
        # Right after a quotation that does not end its sentence the words before the verb name
        # the speaker ('"…," Dana Ruiz said today'); elsewhere a verb with an object of its own is
        # no verb of saying ("Deep mode adds source checks", "the evaluator explains its reasoning").
        attributes = (
            cut == quotation
            and quotation > 0
            and text[quotation - 1] not in ".!?"
            # '"…" — and the next report reflects it', '("…"), and prints it': a clause that goes
            # on, not a speaker
            and not re.match(r"[\s)\]]*,?\s*(?:[—–-]|(?:and|but|or|so|then)\b)", before[cut + 1 :])
        )
        # 'X, founding developer, has stated that "…"': the verb brings in the quotation after it.
        introduces = re.match(r"\s*that\s*[,:]?\s*\0", after) is not None
        if not attributes and not introduces and re.match(r"\s*(?:[^\W\d_]|[.!?]\s*[^\s\0])", after):
            # A verb with an object of its own; or one that ends its sentence, no quotation right
            # before it or right after ("each partner reflects. Swipe right: 'Lived it.'"; but
            # 'Ramon Tayag expounded. "It is my hope ..."'): no speaker.
            continue
        who = _TRAILING_AUXILIARY.sub("", before[cut + 1 :]).strip(" ,:")  # "... Stephens have described"
        if _ARTICLE_OPENING.match(who) and not someone(who):
            continue  # 'The UI says "9 actions would run"': what a screen shows, not a person's words
        if who and len(who.split()) <= 20:
            return who, cut + 1 + (len(before[cut + 1 :]) - len(before[cut + 1 :].lstrip(" ,")))
    # The signature may wrap once onto the next line ('... sure!” - Anna\nMoor, Sr. Developer').
    dash = re.compile(rf"(?:^|[\s\0]){_SIGN_DASH}\s*(?={_SIGNER})([^\0\n]{{2,120}}(?:\n[^\0\n]{{1,80}})?)$")
    signed = dash.search(masked.rstrip())
    if signed and spans and not _QUOTE_LABEL.fullmatch(signed.group(1).strip(" ,.*_")):
        return signed.group(1).strip(" ,.*_"), signed.start(1)
    # '"…" Jenny, event manager, IGSC.': a name, a comma and a role closing the paragraph after
    # the quotation, with no dash (not '"…" Acme, the maker of X, launched today.').
    if spans:
        tail = masked[spans[-1][1] + 1 :]
        signature = _BARE_SIGNATURE.fullmatch(tail.strip(" *_.\0\n"))
        if (
            signature is not None
            and len(signature.group(0).split()) <= 10
            and _is_name(signature.group(1), labels)
            and not _PAST_OR_NOW.search(signature.group(2))
        ):
            return signature.group(0), len(tail) - len(tail.lstrip(" *_.\0\n")) + spans[-1][1] + 1
        # '"Now I don't have to wait anymore!" Kevin Sheehy': a person's name alone (two or three
        # capitalised words, none of them a common word) after a quotation that ends its sentence.
        alone = _NAME_ALONE.fullmatch(tail.strip(" *_.\0\n"))
        if (
            alone is not None
            and not text[: max(0, spans[0][0] - 1)].strip(" *_>")
            and text[spans[-1][1] - 1 : spans[-1][1]] in ".!?"
            and all(zipf_frequency(w.lower()) < 5.0 for w in alone.group(0).split())
            and _is_name(alone.group(0), labels)
        ):
            return alone.group(0), len(tail) - len(tail.lstrip(" *_.\0\n")) + spans[-1][1] + 1
    # 'Maria Lopez, nurse: "…"', '[Father with terminal illness], "…"': a short lead that names
    # someone before a quotation that is the rest of the paragraph. The lead is a placeholder, or
    # a name of two to four capitalised words and a comma (not a label such as 'Mission
    # Statement:', not 'Today, Acme announced:' or 'On Windows, run:').
    if spans:
        lead = text[: max(0, spans[0][0] - 1)].strip(" *_")
        # After a quote's run-in label ("**Leader quote.** Sarah Scherer, owner: "…""; round 40).
        label = _RUNIN_LABEL.match(lead)
        if label is not None and alias_part(label.group(1)) in _QUOTE_PARTS:
            lead = lead[label.end() :].strip(" *_")
        rest = masked[spans[-1][1] + 1 :].strip(" *_.")
        title = _HONORIFIC.match(lead)
        # After a title one capitalised word is a name ("Dr. Lopez, CEO:"); without, two to four.
        named = (_TITLED_NAME if title else _LEAD_NAME).match(lead[title.end() :] if title else lead)
        if (
            lead[-1:] in (",", ":")
            and len(lead.split()) <= 10
            and not rest
            and (lead.startswith("[") or (named is not None and _is_name(named.group(0), labels)))
            and not said.search(lead)
        ):
            return lead.rstrip(",:").strip(), text.index(lead)
    return "", len(text)


# A name within the first words after a verb of saying ("said web standards author Daniel ..."),
# and the first 20 words of an attribution.
_NAMED_FIRST = re.compile(
    r"(?:[a-z-]+\s+){0,5}(?<!\ba )(?<!\ban )(?<!\bthe )[A-Z][a-z]+\s+"
    # not a company's name ("Shelfwise Inc", "Rheinbuch GmbH")
    r"(?!(?:Inc|Ltd|LLC|Llc|GmbH|Corp|Corporation|Co|Company|Group|Labs|AG|SA|SAS|BV|Pty|Plc|PLC)\b)[A-Z][a-z]"
)
_FIRST_WORDS = re.compile(r"\S+(?:\s+\S+){0,19}")
# A part's label left where the speaker's name goes ('"…" - Academic Quote.', "— Customer
# Testimonial"): no one is named.
_QUOTE_LABEL = re.compile(r"(?:[A-Z][\w'’-]*\s+){0,3}(?:[Qq]uotes?|[Tt]estimonials?)")
_BARE_SIGNATURE = re.compile(r"([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}),\s+([^\0\n.!?]{2,80})")
_NAME_WORD = r"(?:Mc|Mac|O['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+"
_NAME_ALONE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}")
# Words a signature does not hold: a verb in the past, or "today"/"now" (a sentence goes on).
_PAST_OR_NOW = re.compile(r"\b(?:[a-z]+ed|today|now|said|says|is|are|was|were|will)\b")
_LEAD_NAME = re.compile(r"([A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){1,3}(?=,\s*\S)")
_TITLED_NAME = re.compile(r"([A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,3}(?=,\s*\S)")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+")
# A run-in label of a few words opening a paragraph: "Leader quote. ", "Customer quote: ".
_RUNIN_LABEL = re.compile(r"([A-Za-z][\w '’-]{0,30}?)[.:]\s+")


def _is_name(words: str, labels: frozenset[str]) -> bool:
    """Whether capitalised words before a comma name a person: the first is not a common word
    ("Today", "On"; zipf < 5.5) and none is a label's word ("Customer Problem", "Sample Message")."""
    first = words.split()[0]
    return zipf_frequency(first.lower()) < 5.5 and not any(w.lower().strip(".'’") in labels for w in words.split())


_SLOT = re.compile(r"\[[^\]]*\]|\{[^}]*\}|<[^>]*>|" + ANGLE_SLOT + r"|\bX{2,}\b|_{3,}|\bTBD\b")
# Words that tie a role to a place or an organisation rather than to the name after it.
_ORGANISATION_LINKS = frozenset({"at", "of", "from", "for", "with", "in", "on", "by", "and"})


# Lower-case words inside a person's name: "Claudio di Castello", "Ludwig van Beethoven".
_NAME_PARTICLES = frozenset(
    {"di", "de", "da", "del", "della", "van", "von", "der", "den", "du", "la", "le", "bin", "al"}
)


# A line that says whom to write to: "For technical questions or integration support:", "For press
# questions, contact ...".
_CONTACT_LEAD = re.compile(r"\W*for\b.*\b(?:support|contact|inquir\w*|e-?mail|reach)\b", re.IGNORECASE)


def _name_run(words: Sequence[str], roles: Sequence[str]) -> int:
    """How many of the last words make a name: capitalised words, with the particles of a name
    between them ("Claudio di Castello"), never a particle first."""
    run, end = 0, len(words)
    while run < end:
        word = words[end - 1 - run]
        if _is_name_word(word, roles) or (
            run
            and word.lower() in _NAME_PARTICLES
            and end - 2 - run >= 0
            and _is_name_word(words[end - 2 - run], roles)
        ):
            run += 1
        else:
            break
    return run


def _is_name_word(word: str, roles: Sequence[str]) -> bool:
    clean = word.strip(".,")
    return clean[:1].isupper() and clean[1:2].islower() and not cue_hits(clean, roles)


# A speaker's name and role as a label: "Dana Ruiz, CEO, Acme", "[Founder Name], CEO".
# "Dana Ruiz, CEO, Acme" or "Dr. Dana Ruiz (Lead Researcher)": a name and a role. In the second
# form the name is a person's: two to four capitalised words, an optional title before them, none of
# them a word that labels a part or a group ("What Users Say (Beta)", "Customer Quote (Pilot User)").
_SIGNATURE_LABEL = re.compile(
    r"^(?:\[[^\]]+\]|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}),\s*\S"
    r"|^(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.? )?(?P<name>[A-Z][a-z'’-]+(?: [A-Z][a-z.'’-]*){1,3})"
    r"\s*\([A-Za-z][^()]{1,60}\)\s*:?$"
)
_NOT_A_NAME = frozenset(
    "what who how why users user customers customer quote quotes say says said voice of the team early access "
    "testimonial testimonials feedback review reviews beta pilot survey from our about leader".split()
)


def _signature_label(text: str) -> bool:
    """A label line that signs the quotation under it: a name and a role ("Dana Ruiz, CEO, Acme",
    "Dr. Lee Park (Lead Researcher)"), not a part's or a group's label ("What Users Say (Beta)")."""
    match = _SIGNATURE_LABEL.match(text)
    if match is None:
        return False
    name = match.group("name")
    return name is None or not _NOT_A_NAME.intersection(name.lower().split())


def _names_someone(text: str, qd: Mapping[str, Any]) -> bool:
    """Whether a line introducing a quotation names its speaker: a role ("our founder", "one
    teacher"), a pronoun, or a name (a capitalised word after the first, not an acronym)."""
    if cue_hits(text, qd["leader-roles"]) or cue_hits(text, qd["customer-roles"]):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if any(w.lower() in ("he", "she", "they", "i", "we", "our") for w in words):
        return True
    return any(w[0].isupper() and not w.isupper() for w in words[1:])


def _a_person(words: str, qd: Mapping[str, Any]) -> bool:
    """Whether words such as "a nurse in Ohio" or "the team behind it" name a person: a role, a
    pronoun or a name (`_names_someone`), or an agent noun ending the words before the first comma,
    preposition or relative pronoun ("an imagined builder"; not "the date, time and location ...
    visitors", "a capability that does not exist")."""
    if _names_someone(words, qd):
        return True
    head = re.split(r",|\s(?:of|at|from|in|for|with|during|to|about|on|who|that|which)\s", words, maxsplit=1)[0]
    noun = re.findall(r"[A-Za-z]+", head)[-1:]  # the phrase's last word, its head ("a capability", not "exist")
    return bool(noun) and _PERSON_NOUN.search(noun[0]) is not None


# Words that join a name to its role ("Tom the baker", "Ana of Acme") or say what they do ("Raj who
# owns a shop", "Tom on the Acme team"): the name stays a name.
_ROLE_LINKS = frozenset({"the", "a", "an", "of", "at", "from", "for", "and", "&", "who", "on", "in", "with"})


def _who(attribution: str, qd: Mapping[str, Any]) -> tuple[str | None, str | None, bool]:
    """(name, role, placeholder) from an attribution."""
    if not attribution:
        return None, None, False
    if _SLOT.search(attribution):
        # A template's slots: the name is whatever of it is filled in ("Matt [Surname], Founder").
        head = re.split(r",|\(|\s[—–-]\s", attribution, maxsplit=1)[0]
        filled = [w.strip(".,-") for w in _SLOT.sub(" ", head).split()]
        leaders = list(qd["leader-roles"])
        known = [w for w in filled if w[:1].isupper() and not cue_hits(w, leaders)]
        return (" ".join(known) if known and len(known) == len(filled) else None), None, True
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
    if (
        len(name_words) == 1
        and rest_words
        and rest_words[0][:1].islower()
        and rest_words[0].lower().strip(".,") not in _ROLE_LINKS
        and cue_hits(" ".join(rest_words), roles)
    ):
        # "— Bakery owner", "Embedded systems engineer": the sentence's capital on a word that
        # qualifies the role, no name (round 36 of the user trials: role-only quotes passed
        # unflagged); unless a name follows ("Bar owner, Shelly"). A role in title case ("Beta
        # Tester") is told from no name ("Adam Driver", "Li Fan") by its form, so it stays a name.
        words = name_words + rest_words
        named = [_is_name_word(word, roles) for word in words]
        run = next((i for i in range(1, len(words) - 1) if named[i] and named[i + 1]), None)
        if run is not None:
            end = run
            while end < len(words) and named[end]:
                end += 1
            name_words, rest_words = [w.strip(".,") for w in words[run:end]], words[:run] + words[end:]
        elif re.fullmatch(r"[A-Z][a-z'’-]+", tail.strip(" .()")):
            name_words, rest_words, tail = [tail.strip(" .()")], words, ""
        elif len(words) > 2 and named[-1] and not named[-2]:
            name_words, rest_words = [words[-1].strip(".,")], words[:-1]  # "Beta user Tom"
        else:
            name_words, rest_words = [], words
    if not name_words and re.fullmatch(_HANDLE, head.strip()):
        name_words, rest_words = [head.strip()], []  # "0xjc65eth, lead architect": a handle names its owner
    if not name_words:
        # A role before the name ("said founder Wes Eklund", "said early user Alex Rivera"): a run
        # of at least two capitalised words closing the head, after role words that tie it to no
        # organisation ("said engineers at Acme Labs" names no one).
        run = _name_run(rest_words, roles)
        lead = [w.lower() for w in rest_words[: len(rest_words) - run]]
        if run >= 2 and lead and not any(w in _ORGANISATION_LINKS for w in lead):
            name_words = [w.strip(".,") for w in rest_words[len(rest_words) - run :]]
            rest_words = rest_words[: len(rest_words) - run]
    name = " ".join(name_words) or None
    role_text = " ".join(rest_words + ([tail.strip(" ()")] if tail and tail.strip(" ()") else []))
    role = role_text.strip(" ,()") or None
    return name, role, False


__all__ = [
    "BEZOS_PARTS",
    "FAQ_PARTS",
    "KINDS",
    "LABELS",
    "PARTS",
    "PRFAQ_KINDS",
    "PR_PARTS",
    "Anatomy",
    "Part",
    "Question",
    "Quote",
    "Residue",
    "Segment",
    "analyse",
    "cue_hits",
    "data",
    "dateline",
    "handle_value",
    "has_date",
    "template_prompt",
]
