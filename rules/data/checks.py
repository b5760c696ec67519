"""Adjectives instead of data: comparative and superlative claims with no number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wbl_rules.analysis import cites_a_source

from wbl.document import Document, Sentence
from wbl.nlp import known_lemmas
from wbl.rule import RuleContext, Violation
from wbl.textutil import has_number, phrase_pattern, zipf_frequency

_GRADABLE_TAGS = ("JJ", "RB", "VBN")
# The tags the prefilter knows the shapes of: English comparatives and superlatives end in -r or
# -st ("faster", "best", "further"), or are one of a few irregular words.
_DEGREE_TAGS = frozenset({"JJR", "RBR", "JJS", "RBS"})
# Below this Zipf frequency, for the word and for it without its ending, a capitalised word alone
# in its sentence is a name ("Semantest"), not an adjective ("Faster", "Quietest" as a list's items
# are claims).
_RARE_WORD = 3.0


def _a_name(word: str) -> bool:
    """Whether a word shaped like a comparative or superlative is rare in English, and so is what is
    left of it without its ending (wordfreq's Zipf frequency): "semantest" ("semant"), not "quietest"
    ("quiet"), "biggest" ("big") or "happiest" ("happy")."""
    if zipf_frequency(word) >= _RARE_WORD:
        return False
    for ending in ("est", "er"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            stems = (base, base + "e", base[:-1], base[:-1] + "y" if base.endswith("i") else base)
            if any(stem and zipf_frequency(stem) >= _RARE_WORD for stem in stems):
                return False
    return True


_IRREGULAR_DEGREES = frozenset({"more", "less", "worse"})


def _in_compound(token: Any) -> bool:
    """Part of a hyphenated compound: "best-in-class", "well-known"."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return (after is not None and after.text == "-" and not token.whitespace_) or (
        before is not None and before.text == "-" and not before.whitespace_
    )


def _heads_a_noun_phrase(token: Any) -> bool:
    """A word tagged as a comparative that heads a noun phrase: it owns a possessive ("the other's
    identifier"), a noun before it ("platform identifier") or a determiner with no noun after it
    ("an identifier", "no such identifier"; "a calmer Monday" grades). Superlatives are not asked:
    "Acme's biggest", "our best ever" are claims."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    noun_after = following is not None and following.pos_ in ("NOUN", "PROPN")
    return any(
        c.dep_ in ("poss", "compound") or (c.dep_ == "det" and c.lower_ != "the" and not noun_after)
        for c in token.children
    )


def _no_adjective(token: Any) -> bool:
    """A word tagged as an adjective's comparative whose lemma the lemmatizer knows as no adjective
    or adverb ("identifier" -> "identifi"): a noun, whatever its ending. Only when the lemmatizer's
    lists are known, and not for the irregular degrees ("more", "less", "worse")."""
    if token.tag_ != "JJR" or token.lower_ in _IRREGULAR_DEGREES:
        return False
    adjectives = known_lemmas(token.doc, "adj")
    lemma = token.lemma_.lower()
    return bool(adjectives) and lemma not in adjectives and lemma not in known_lemmas(token.doc, "adv")


def _claim_span(token: Any, degree_words: set[str]) -> tuple[int, int] | None:
    """Token indices (first, last) of the claim a comparative or superlative token makes."""
    if token.lower_ in degree_words:
        head = token.head
        if token.dep_ != "advmod" or head.tag_ not in _GRADABLE_TAGS or head.i <= token.i:
            return None
        # "most cloud libraries" quantifies the noun; "the most powerful tool" and "is most
        # useful" grade the adjective: a superlative degree word follows a determiner or a verb.
        before = token.nbor(-1) if token.i > 0 else None
        if token.tag_ == "RBS" and (before is None or before.pos_ not in ("DET", "PRON", "AUX", "VERB", "PART")):
            return None
        return token.i, head.i
    return token.i, token.i


def adjective_not_data(document: Document, ctx: RuleContext) -> Iterator[Violation]:
    """Flags comparative and superlative claims ("faster", "better", "the most powerful",
    "best") in sentences that give no number.

    **Why.** Amazon's writing guidance: replace adjectives with data. "Much faster" becomes
    "reduced TP90 latency from 10 ms to 1 ms"; "the best way to track orders" tells a reviewer
    nothing they can check. A comparative claim without a figure (how much faster? than what?) is
    the first thing a PR/FAQ reviewer circles.

    Detection uses the part-of-speech tags JJR/JJS/RBR/RBS plus a lexicon of evaluative
    comparatives. A sentence with a number (digits or spelled-out counts) is skipped, and so are
    questions, words of time and order ("later", "latest", "next") and set phrases ("at least",
    "more or less"). "More", "most", "less" and "least" count only when they grade an adjective
    ("more reliable"); as quantifiers ("most teams") they are left to the weasel-word rule. A word
    tagged as a comparative that has a possessive or an "a" of its own ("the other's identifier",
    "an identifier") is a noun the tagger misread, and makes no claim. A claim with its source
    cited after it (a link, a footnote mark, "(Author, 2024)") is backed, as in the weasel-word rule.

    **Fix.** Give the number: how much faster, measured how, compared with what.

    **Severity.** A hint (`info`): many comparatives are no claim ("a greener world", "better
    understand a metric", "for a deeper dive"). On labelled sentences in their documents
    (2026-12-02), 39 of the 100 sentences it flagged on the train split were weasel to the
    annotators (unsupported superlative or peacock claim), 3 of 41 held out. Where the weasel
    rule (WB601) flags the same words, the one finding is a warning.

    Options: ``parts``, ``kinds``, ``skip-questions``, ``comparative-tags``,
    ``superlative-tags``, ``comparatives``, ``superlatives``, ``degree-words``, ``exempt-words``,
    ``exceptions``, messages.
    """
    parts, kinds = set(ctx["parts"]), set(ctx["kinds"])
    comparative_tags, superlative_tags = set(ctx["comparative-tags"]), set(ctx["superlative-tags"])
    comparatives = {w.lower() for w in ctx.get("comparatives", ())}
    superlatives = {w.lower() for w in ctx.get("superlatives", ())}
    degree_words = {w.lower() for w in ctx.get("degree-words", ())}
    exempt = {w.lower() for w in ctx.get("exempt-words", ())}
    exceptions = phrase_pattern(ctx["exceptions"]) if ctx.get("exceptions") else None
    for unit in document.units:
        if unit.part not in parts or unit.kind not in kinds:
            continue
        for sentence in unit.sentences:
            span = sentence.span
            text = sentence.text
            if span is None or has_number(text):
                continue
            if ctx.get("skip-questions", True) and text.rstrip().endswith("?"):
                continue
            excepted = [m.span() for m in exceptions.finditer(text)] if exceptions else []
            for token in span:
                word = token.lower_
                if not token.is_alpha or token.is_upper or token.pos_ == "PROPN":
                    continue
                if token.is_title and len(span) == 1 and _a_name(word):
                    continue  # a name on a line of its own ("Semantest" in a contact block), tagged alone
                if _in_compound(token):
                    continue  # "best-in-class", "faster-growing": a set phrase (see weasel-word)
                superlative = token.tag_ in superlative_tags or word in superlatives
                comparative = token.tag_ in comparative_tags or word in comparatives
                if not (superlative or comparative) or word in exempt or token.lemma_.lower() in exempt:
                    continue
                if comparative and not superlative and (_heads_a_noun_phrase(token) or _no_adjective(token)):
                    continue  # "the other's identifier", "an identifier": a noun the tagger took for a comparative
                claim = _claim_span(token, degree_words)
                if claim is None:
                    continue
                doc = token.doc
                start = doc[claim[0]].idx - span.start_char
                end = doc[claim[1]].idx + len(doc[claim[1]].text) - span.start_char
                if any(s <= start < e for s, e in excepted):
                    continue
                if cites_a_source(document, sentence, sentence.start + end):
                    continue  # "among the strongest predictors ([Schmidt & Hunter](https://...))"
                template = ctx["superlative-message"] if superlative else ctx["comparative-message"]
                yield Violation.in_sentence(sentence, start, end, template.format(match=text[start:end]))


def candidates(document: Document, ctx: RuleContext) -> Iterator[Sentence]:
    """adjective-not-data's prefilter: sentences it checks (no number, no question) with a word
    shaped like a comparative or superlative, or listed as one."""
    parts, kinds = set(ctx["parts"]), set(ctx["kinds"])
    tags = set(ctx["comparative-tags"]) | set(ctx["superlative-tags"])
    listed = {w.lower() for w in (*ctx.get("comparatives", ()), *ctx.get("superlatives", ()))}
    for unit in document.units:
        if unit.part not in parts or unit.kind not in kinds:
            continue
        for sentence in unit.sentences:
            text = sentence.text
            if sentence.span is None or has_number(text):
                continue
            if ctx.get("skip-questions", True) and text.rstrip().endswith("?"):
                continue
            if not tags <= _DEGREE_TAGS or any(_degree_shaped(t.lower_, listed) for t in sentence.span):
                yield sentence


def _degree_shaped(word: str, listed: set[str]) -> bool:
    return word.endswith(("r", "st")) or word in _IRREGULAR_DEGREES or word in listed
