"""Jargon: buzzwords, and paragraphs dense with technical terms a customer would not know."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from wbl_rules.acronym.checks import Acronym, acronyms, first_definitions

from wbl.document import Document, Unit
from wbl.kinds import load_rule
from wbl.rule import RuleContext, Violation
from wbl.saferegex import compile_pattern
from wbl.textutil import phrase_pattern, zipf_frequency

_CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ", "ADV")
_URL = re.compile(r"https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|org|net|io|dev|app|ai)\b(?:/\S*)?")
_DEFINED_BEFORE_PARENTHESES = re.compile(r"([A-Za-z][\w-]*)\s+\(\s*[^()]*[a-z][^()]*\)")


@dataclass(frozen=True, slots=True)
class Term:
    """A jargon occurrence: `unit.text[start:end]`, and why it counts."""

    start: int
    end: int
    text: str
    kind: str  # buzzword, acronym, technical, pattern, rare


@functools.cache
def pack_options(package: str, stem: str) -> Mapping[str, Any]:
    """The default options of another rule of the pack (its TOML), e.g. the buzzword lexicon."""
    folder = resources.files(package)
    return load_rule(folder.joinpath(f"{stem}.toml"), folder, package).options


def inflections(word: str) -> set[str]:
    """A single word and its regular inflections: leverage, leverages, leveraged, leveraging."""
    if " " in word or "-" in word:
        return {word}
    forms = {word, word + "s"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    return forms


@functools.cache
def _buzzword_table(items: tuple[tuple[str, str], ...], inflect: bool) -> tuple[re.Pattern[str], dict[str, str]]:
    """Pattern over every form of every buzzword, and form -> plainer alternative."""
    table: dict[str, str] = {}
    for word, alternative in items:
        for form in inflections(word.lower()) if inflect else {word.lower()}:
            table.setdefault(form, alternative)
    return phrase_pattern(table), table


_TABLES: dict[int, tuple[Mapping[str, Any], tuple[re.Pattern[str], dict[str, str]]]] = {}


def buzzword_table(options: Mapping[str, Any]) -> tuple[re.Pattern[str], dict[str, str]]:
    # A rule's options object lives as long as its linter: remember its table by identity.
    cached = _TABLES.get(id(options))
    if cached is not None and cached[0] is options:
        return cached[1]
    items = tuple(sorted((str(k), str(v)) for k, v in dict(options.get("buzzwords", {})).items()))
    table = _buzzword_table(items, bool(options.get("inflect", True)))
    _TABLES[id(options)] = (options, table)
    return table


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def buzzword(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags corporate and technology buzzwords, with a plainer word where there is one.

    **Why.** A press release is for customers: "Oprah-speak, not Geek-speak". "Leveraging our
    microservices architecture" is the canonical example of what a Working Backwards reviewer
    strikes out; "utilize" is "use", "actionable insights" are findings the reader can act on.
    Buzzwords sound like marketing and hide what the product does.

    **Fix.** Use the plain word the message suggests, or say what the product does for the
    customer.

    Options: ``buzzwords`` (a table of buzzword -> plainer alternative, "" for none),
    ``inflect`` (also match leverages, leveraged, leveraging), ``kinds``, messages.
    """
    pattern, table = buzzword_table(ctx.options)
    kinds = set(ctx["kinds"])
    for unit in document.units:
        if unit.kind not in kinds:
            continue
        for match in pattern.finditer(unit.text):
            alternative = table.get(_normal(match.group(0)), "")
            if alternative:
                advice = ctx["with-alternative"].format(alternative=alternative)
            else:
                advice = ctx["without-alternative"]
            message = ctx["message"].format(match=match.group(0), advice=advice)
            yield Violation(message, unit, match.start(), match.end())


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
        result.update(unit.remember_analysis("jargon.defined", lambda unit=unit: _defined_in(unit)))
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


@functools.cache
def _compiled_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(compile_pattern(p) for p in patterns)


def undefined_acronyms(document: Document) -> dict[int, list[Acronym]]:
    """Unit index -> uses of acronyms that the document never defines (with WB421's options)."""
    options = pack_options("wbl_rules.acronym", "undefined-acronym")
    defined = first_definitions(document, options)
    result: dict[int, list[Acronym]] = {}
    for use in acronyms(document, options):
        if use.key not in defined:
            result.setdefault(use.unit.index, []).append(use)
    return result


def jargon_terms(
    unit: Unit, options: Mapping[str, Any], defined: set[str], unit_acronyms: Iterable[Acronym]
) -> list[Term]:
    """The jargon in one unit, in text order, without overlaps.

    `defined` holds the words that are not jargon in this document (see `defined_words`), and
    `unit_acronyms` the unit's uses of acronyms the document does not define.
    """
    text = unit.text
    found: list[Term] = []
    urls = [m.span() for m in _URL.finditer(text)]

    def add(start: int, end: int, kind: str) -> None:
        if any(s <= start < e for s, e in urls):
            return
        found.append(Term(start, end, text[start:end], kind))

    pattern, _ = buzzword_table(pack_options("wbl_rules.jargon", "buzzword"))
    for match in pattern.finditer(text):
        add(*match.span(), "buzzword")
    technical = options.get("technical-terms", ())
    if technical:
        for match in _phrase(tuple(technical)).finditer(text):
            add(*match.span(), "technical")
    for regex in _compiled_patterns(tuple(options.get("technical-patterns", ()))):
        for match in regex.finditer(text):
            if len(match.group(0)) >= 3:
                add(*match.span(), "pattern")
    for use in unit_acronyms:
        add(use.start, use.end, "acronym")
    if unit.nlp is not None:
        threshold = float(options.get("rare-zipf", 2.8))
        pos = tuple(sorted(options.get("rare-pos", ("NOUN", "ADJ"))))
        names = tuple(sorted(options.get("name-entities", ())))
        key = f"jargon.rare:{threshold}:{pos}:{names}"
        for start, end, word in unit.remember_analysis(key, lambda: _rare_words(unit, threshold, pos, names)):
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


@functools.cache
def _phrase(words: tuple[str, ...]) -> re.Pattern[str]:
    return phrase_pattern(words)


def content_words(unit: Unit) -> int:
    if unit.nlp is None:
        return len(unit.text.split())
    return unit.remember_analysis(  # type: ignore[no-any-return]
        "jargon.content_words", lambda: sum(1 for t in unit.nlp if t.pos_ in _CONTENT_POS and not t.is_stop)
    )


def jargon_density(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags paragraphs where too many content words are jargon, naming the worst offenders.

    **Why.** Working Backwards documents are written for the customer and for leaders outside
    the team: "Oprah-speak, not Geek-speak". Amazon's guidance asks authors to avoid jargon and
    define acronyms; a paragraph packed with internal terms makes the reader stop and decode.

    Jargon is: buzzwords (the buzzword rule's lexicon), technical terms (``technical-terms``),
    technical shapes such as identifiers, file names, paths and versions
    (``technical-patterns``), acronyms that the document does not define, and nouns or
    adjectives rare in general English (wordfreq Zipf below ``rare-zipf``). Proper nouns, named
    entities, code spans and terms the document explains in parentheses are not jargon. The
    density is jargon occurrences over content words (nouns, verbs, adjectives, adverbs, names);
    the press release has a lower limit than the FAQ, where technical answers are expected.

    **Fix.** Replace the terms with what they mean to the customer, or define each at first use.

    A paragraph whose only jargon is one buzzword is left to the buzzword rule.

    Options: ``pr-limit``, ``faq-limit``, ``min-words``, ``pr-min-terms``, ``faq-min-terms``,
    ``show``, ``rare-zipf``, ``rare-pos``, ``name-entities``,
    ``technical-terms``, ``technical-patterns``, ``kinds``, ``message``.
    """
    kinds = set(ctx["kinds"])
    min_words = int(ctx.get("min-words", 4))
    show = int(ctx.get("show", 4))
    defined = defined_words(document)
    by_unit = undefined_acronyms(document)
    for unit in document.units:
        if unit.kind not in kinds or not unit.text.strip():
            continue
        words = content_words(unit)
        if words < min_words:
            continue
        terms = jargon_terms(unit, ctx.options, defined, by_unit.get(unit.index, ()))
        faq = unit.part == "faq"
        limit = float(ctx["faq-limit"] if faq else ctx["pr-limit"])
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
        text = unit.text.rstrip()
        start = len(text) - len(text.lstrip())
        message = ctx["message"].format(density=density, limit=limit, terms=named)
        yield Violation(message, unit, start, len(text))
