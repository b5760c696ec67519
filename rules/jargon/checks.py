"""Jargon density: paragraphs dense with terms a customer would not know."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wbl_rules import memo
from wbl_rules.analysis import Acronym, undefined_acronyms

from wbl.document import Document, Unit
from wbl.kinds.substitution import SubstitutionTable, matches, substitution_table
from wbl.rule import Figure, RuleContext, Violation
from wbl.saferegex import compile_pattern
from wbl.textutil import normal_phrase, phrase_pattern, zipf_frequency

# A bare domain is matched from the start of its token only: from every word boundary inside a
# long dotted token, the search took time quadratic in its length.
_URL = re.compile(r"https?://\S+|www\.\S+|(?<![\w.-])[\w.-]+\.(?:com|org|net|io|dev|app|ai)\b(?:/\S*)?")
# The letter is found by a look-ahead: two runs of [^()]* around it took time quadratic in the
# length of an unclosed parenthesis.
_DEFINED_BEFORE_PARENTHESES = re.compile(r"([A-Za-z][\w-]*)\s+\(\s*(?=[^()]*[a-z])[^()]*\)")


@dataclass(frozen=True, slots=True)
class Term:
    """A jargon occurrence: `unit.text[start:end]`, and why it counts."""

    start: int
    end: int
    text: str
    kind: str  # buzzword, acronym, technical, pattern, rare


@dataclass(frozen=True, slots=True)
class Jargon:
    """What jargon-density makes of its options, the buzzword rule's and the vocabulary, once."""

    buzzwords: SubstitutionTable
    technical: re.Pattern[str] | None
    patterns: tuple[re.Pattern[str], ...]
    rare_zipf: float
    rare_pos: tuple[str, ...]
    name_entities: tuple[str, ...]
    accepted: frozenset[str]


def prepare(ctx: RuleContext) -> Jargon:
    """The rule's `prepare` step. Buzzwords are the buzzword rule's effective table (its options
    as configured, the vocabulary's rejected terms included, its accepted ones left out)."""
    accepted = ctx.vocabulary.accepted
    technical = [t for t in ctx.get("technical-terms", ()) if normal_phrase(t) not in accepted]
    return Jargon(
        buzzwords=substitution_table(ctx.options_of("buzzword"), ctx.vocabulary),
        technical=phrase_pattern(technical) if technical else None,
        patterns=tuple(compile_pattern(p) for p in ctx.get("technical-patterns", ())),
        rare_zipf=float(ctx.get("rare-zipf", 2.8)),
        rare_pos=tuple(sorted(ctx.get("rare-pos", ("NOUN", "ADJ")))),
        name_entities=tuple(sorted(ctx.get("name-entities", ()))),
        accepted=accepted,
    )


def defined_words(document: Document) -> set[str]:
    """Words that are not jargon in this document, lower-cased.

    Terms the document explains in parentheses ("keystore (an encrypted key file)"), names (a
    word tagged as a proper noun anywhere), and the words of the first heading, where a PR/FAQ
    names its product ("smallhold" is a name even when written in lower case).
    """
    result = set()
    first_heading = next((u for u in document.units if u.is_heading), None)
    if first_heading is not None:
        result.update(w.lower() for w in re.findall(r"[A-Za-z][\w-]*", first_heading.text))
    for unit in document.units:
        result.update(memo.DEFINED_WORDS.remember(unit, lambda unit=unit: _defined_in(unit)))
    return result


def _defined_in(unit: Unit) -> frozenset[str]:
    words = {m.group(1).lower() for m in _DEFINED_BEFORE_PARENTHESES.finditer(unit.text)}
    if unit.nlp is not None:
        words.update(t.lower_ for t in unit.nlp if t.pos_ == "PROPN" and t.is_alpha)
    return frozenset(words)


def word_family(word: str, lemma: str) -> set[str]:
    """The word, its lemma and its uninflected stems: a gerund such as "eyeballing" is as common
    as "eyeball" (the tagger often leaves such nouns unlemmatised)."""
    forms = {word, lemma}
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms |= {stem, stem + "e"}
    return forms


def jargon_terms(unit: Unit, jargon: Jargon, defined: set[str], unit_acronyms: Iterable[Acronym]) -> list[Term]:
    """The jargon in one unit, in text order, without overlaps.

    `defined` holds the words that are not jargon in this document (see `defined_words`), and
    `unit_acronyms` the unit's uses of acronyms the document does not define. Terms the
    project's vocabulary accepts are never jargon.
    """
    text = unit.text
    found: list[Term] = []
    urls = [m.span() for m in _URL.finditer(text)]

    def add(start: int, end: int, kind: str) -> None:
        if any(s <= start < e for s, e in urls) or normal_phrase(text[start:end]) in jargon.accepted:
            return
        found.append(Term(start, end, text[start:end], kind))

    for start, end in matches(jargon.buzzwords, text):
        add(start, end, "buzzword")
    if jargon.technical is not None:
        for match in jargon.technical.finditer(text):
            add(*match.span(), "technical")
    for regex in jargon.patterns:
        for match in regex.finditer(text):
            if len(match.group(0)) >= 3:
                add(*match.span(), "pattern")
    for use in unit_acronyms:
        add(use.start, use.end, "acronym")
    if unit.nlp is not None:
        threshold, pos, names = jargon.rare_zipf, jargon.rare_pos, jargon.name_entities
        rare = memo.RARE_WORDS.remember(unit, lambda: _rare_words(unit, threshold, pos, names), threshold, pos, names)
        for start, end, word in rare:
            if word not in defined:
                add(start, end, "rare")
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    result: list[Term] = []
    for term in found:
        if result and term.start < result[-1].end:
            continue
        result.append(term)
    return result


def _rare_words(
    unit: Unit, threshold: float, pos: tuple[str, ...], names: tuple[str, ...]
) -> tuple[tuple[int, int, str], ...]:
    """(start, end, lower-cased word) of the nouns and adjectives of `unit` rare in English."""
    found = []
    for token in unit.nlp:
        if not token.is_alpha or len(token) < 3 or token.pos_ not in pos or token.ent_type_ in names:
            continue
        if token.text[0].isupper() and not token.is_sent_start:
            continue  # a name, or a capitalised term of the product
        word = token.lower_
        if token.is_stop:
            continue
        frequency = max(zipf_frequency(form, "en") for form in word_family(word, token.lemma_.lower()))
        if frequency < threshold:
            found.append((token.idx, token.idx + len(token.text), word))
    return tuple(found)


def _measured(document: Document, ctx: RuleContext) -> Iterator[tuple[Unit, list[Term], int]]:
    """(unit, its jargon, its content words) for every unit the rule looks at."""
    kinds = set(ctx["kinds"])
    defined = defined_words(document)
    by_unit = undefined_acronyms(document, ctx.options_of("undefined-acronym"), ctx.vocabulary)
    for unit in document.units:
        if unit.kind in kinds and unit.text.strip():
            terms = jargon_terms(unit, ctx.prepared, defined, by_unit.get(unit.index, ()))
            yield unit, terms, unit.content_word_count


def _limit(ctx: RuleContext, unit: Unit) -> float:
    return float(ctx["faq-limit"] if unit.part == "faq" else ctx["pr-limit"])


def figures(document: Document, ctx: RuleContext) -> Iterator[Figure]:
    """Each unit's jargon terms out of its content words, against its part's limit (the HTML page's chart)."""
    for unit, terms, words in _measured(document, ctx):
        yield Figure("jargon", len(terms), unit, total=words, limit=_limit(ctx, unit))


def jargon_density(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags paragraphs where too many content words are jargon, naming the worst offenders.

    **Why.** Working Backwards documents are written for the customer and for leaders outside
    the team: "Oprah-speak, not Geek-speak". Amazon's guidance asks authors to avoid jargon and
    define acronyms; a paragraph packed with internal terms makes the reader stop and decode.

    Jargon is: buzzwords (the buzzword rule's table, as configured), technical terms (``technical-terms``),
    technical shapes such as identifiers, file names, paths and versions
    (``technical-patterns``), acronyms that the document does not define, and nouns or
    adjectives rare in general English (wordfreq Zipf below ``rare-zipf``). Proper nouns, named
    entities, code spans, terms the document explains in parentheses and terms the project's
    vocabulary accepts are not jargon; terms it rejects are buzzwords. The
    density is jargon occurrences over content words (nouns, verbs, adjectives, adverbs, names);
    the press release has a lower limit than the FAQ, where technical answers are expected.

    **Fix.** Replace the terms with what they mean to the customer, or define each at first use.

    A paragraph whose only jargon is one buzzword is left to the buzzword rule.

    Options: ``pr-limit``, ``faq-limit``, ``min-words``, ``pr-min-terms``, ``faq-min-terms``,
    ``show``, ``rare-zipf``, ``rare-pos``, ``name-entities``,
    ``technical-terms``, ``technical-patterns``, ``kinds``, ``message``.
    """
    min_words = int(ctx.get("min-words", 4))
    show = int(ctx.get("show", 4))
    for unit, terms, words in _measured(document, ctx):
        if words < min_words:
            continue
        faq = unit.part == "faq"
        limit = _limit(ctx, unit)
        density = len(terms) / words
        counts: dict[str, int] = {}
        shown: dict[str, str] = {}
        for term in terms:
            key = term.text.lower()
            counts[key] = counts.get(key, 0) + 1
            shown.setdefault(key, term.text)
        if density <= limit or len(counts) < int(ctx.get("faq-min-terms" if faq else "pr-min-terms", 1)):
            continue
        if len(counts) == 1 and terms[0].kind == "buzzword":
            continue  # one buzzword: the buzzword rule reports it
        worst = sorted(counts, key=lambda t: -counts[t])[:show]
        named = ", ".join(f"'{shown[t]}'" + (f" x{counts[t]}" if counts[t] > 1 else "") for t in worst)
        if len(counts) > show:
            named += f" and {len(counts) - show} more"
        yield Violation.covering(unit, ctx["message"].format(density=density, limit=limit, terms=named))
