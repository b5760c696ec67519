"""The sentence models: what the tech-first, jargon, weasel and passive rules ask of one sentence.

Everything here reads one analysed sentence (a `wbl.document.Sentence`: its spaCy span, parsed by
the rules' pipeline with tagger, attribute_ruler, lemmatizer, parser and ner) and nothing else of
its document but the product names it is given: no download, no GPU, no numpy.

- `analyse`: the token-level analysis every feature reads (technology-like words, customer words,
  jargon terms, passive clauses), computed once per sentence, word lists and product names, and
  remembered with the unit's spaCy analysis (`wbl_rules.memo.SENTENCE_ANALYSIS`), so the labels
  share it and the language server keeps it for paragraphs an edit did not change.
- Rule functions: `passive_clauses` (WB701), `weasel_terms` (WB601), `jargon_terms` (WB401).
- `features(sentence, label, ...)`: ``{feature name: (value, token indices)}``; the indices say
  which words made a feature fire, so that a weight maps back to words (`Model.explain`).
- `Model`: the logistic regressions of ``_models/sentences.json`` (trained by
  ``training/sentences/train.py``, the same code as here); `Model.level` gives a finding's
  severity from the label's thresholds, `Model.explain` the words behind it.

Word lists come from the pack: the shared lexicons through `wbl_rules.analysis.lexicon`, and the
options of the jargon, buzzword, acronym, weasel and passive rules (their effective options in a
run, their defaults when training); the lists below are the featurizer's own additions. The
project's vocabulary reaches every function: accepted terms and product names are never
technology, jargon or a reason, rejected terms are buzzwords, its technology terms and customer
roles join the lexicons.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from wbl_rules import memo
from wbl_rules.analysis import (
    PERIOD_OR_QUESTION,
    Lexicon,
    identifier_piece,
    is_customer_token,
    lexicon,
    phrase_tokens,
    prepare_lexicon,
    roman_numeral,
    subject_of,
)

from wbl.anatomy import ANGLE_SLOT
from wbl.document import Sentence
from wbl.kinds.existence import clause_of, clause_tokens
from wbl.kinds.substitution import SubstitutionTable, matches, substitution_table
from wbl.nlp import doc_text, known_lemmas, lemma_candidates
from wbl.rule import RuleContext, Severity
from wbl.textutil import NUMBER, WEB_ADDRESS, normal_phrase, phrase_pattern, zipf_frequency
from wbl.vocabulary import NO_VOCABULARY, Vocabulary

FEATURIZER_VERSION = "sentfeat-2"
LABELS = ("tech_first", "weasel", "jargon", "passive")
MODEL_PACKAGE = "wbl_rules"
MODEL_FILE = "_models/sentences.json"
# The rules whose options the featurizer reads (their effective options in a run).
JARGON_RULE, BUZZWORD_RULE, ACRONYM_RULE, WEASEL_RULE, PASSIVE_RULE = (
    "jargon-density",
    "buzzword",
    "undefined-acronym",
    "weasel-word",
    "passive-voice",
)

# ----------------------------------------------------------------------------------------------
# The featurizer's own word lists (features, not rules: the model weighs them)
# ----------------------------------------------------------------------------------------------

# Everyday words the technology lexicon lists but the labelling guide does not count as jargon.
EVERYDAY_TECH = frozenset("ai a.i. app apps email website dashboards python linux java ram pdf usb pin".split()) | {
    "artificial intelligence",
    "machine learning",
    "open source",
    "open-source",
}
ALWAYS_EVERYDAY = frozenset(["open-source", "open source", "ai", "java", "python", "linux"])
EXTRA_WEAK_TERMS = frozenset(
    "service services api endpoint bucket database queue server tool tooling library sdk layer store "
    "backend frontend repo repository script scripts file files format schema engine pipeline".split()
)
# Verbs of making a thing whose agent after "by" is its maker ("Published by Miss Pepper AI"),
# not "Powered by Kafka" or "Backed by Snowflake".
MAKER_VERBS = frozenset("publish write create make develop build found design produce author launch release".split())
# Verbs of building, hosting, running, storing and moving data.
EXTRA_BUILD_VERBS = frozenset(
    "route stream host store run power back base write implement compile deploy sync upload download fetch "
    "pull push send retrieve query call invoke trigger intercept render wrap package bundle scale shard "
    "partition separate isolate encrypt decrypt hash sign verify authenticate authorize log emit poll load "
    "convert serialize persist cache index parse ingest pipe process handle expose target depend rely "
    "replicate distribute migrate spin provision containerize orchestrate configure install instantiate "
    "generate detect scan inject spawn execute compute train fine-tune embed integrate leverage utilize "
    "use employ build architect construct support require connect synthesize register publish sit live".split()
)
# Role words of the customer lexicon that name the company's side or a thing in these sentences.
NOT_ROLES = frozenset(
    "host store shop partner partners member members player worker builder architect planner organizer maker "
    "reader writer editor world public team teams company companies business businesses".split()
)
# General computing vocabulary: nouns and verbs whose usual sense in a PR/FAQ is how software is
# built, hosted, stored or moved. Generic across products, so it transfers between documents.
TECH_NOUNS = frozenset(
    """
api apis algorithm algorithms app-server architecture artifact artifacts auth authentication authorization
backend backends backup backups bandwidth binary binaries blob blobs branch browser bucket buckets bug bugs
build builds bus cache caches callback callbacks certificate certificates checksum class classes cli client
clients cluster clusters code codebase command commands commit commits compiler component components config
configuration configurations connector console constructor container containers cookie cookies cpu credential
credentials cron daemon dashboard data database databases dataset datasets debugger dependency dependencies
deployment deployments device devices directory disk dns docker driver drivers editor encryption endpoint
endpoints engine enum enums environment event events exception executable export extension extensions
feed field fields file files filesystem firmware flag flags folder fork format formats framework frameworks
function functions gateway git gpu graph handler hash hashes header headers hook hooks host hosting html http
https image images implementation index indexes indices infrastructure input instance instances integration
integrations interface interfaces interpolation ip json kernel key keys keystore kubernetes lambda latency
layer layers library libraries linter load loader log logs loop machine manifest manifests memory message
messages metadata method methods metric metrics middleware migration migrations model models module modules
mobile network networks node nodes notification notifications object objects output package packages packet
page pages parameter parameters parser parsing password passwords patch path payload pipeline pipelines plugin
plugins pointer port prompt prompts protocol protocols provider proxy pull query queries queue queues ram rate
record records registry release releases render renderer replica replication repo repos repository
repositories request requests resource resources response responses retention rollback router routing runtime
sandbox scan scanner schema schemas scheduler scope script scripts sdk search secret secrets server servers
service services session sessions setting settings shell signal snapshot snapshots socket software source
sql ssh stack state storage store stream streams subclass subscription sync syntax system systems table tables
tag template templates tenant terminal test tests thread threads threshold throughput token tokens tool
tooling tools transaction transactions trigger type types upload uploads url user-agent validation variable
variables vector version versions vm webhook widget window worker workers workflow workflows yaml zip
""".split()
)
TECH_VERBS = frozenset(
    """
authenticate cache call compile configure containerize debug decrypt deploy download embed encrypt execute
export fetch fork hash host implement import index ingest initialize inject install instantiate integrate
invoke load log merge migrate parse patch persist ping poll provision publish query re-register recompile
refactor register render replicate restore route run scale scan serialize shard spawn store stream
submit sync synchronize synthesize tokenize trigger upload validate version
""".split()
)
TECH_WORDS = TECH_NOUNS | TECH_VERBS
PERSON_PRONOUNS = frozenset(["i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves"])
THING_PRONOUNS = frozenset(["it", "its", "this", "that", "they", "them", "these", "those"])
NAME_ENTITIES = frozenset(["PERSON", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"])
BENEFIT_VERBS_EXTRA = frozenset("help let allow enable make give save find see know avoid stop keep".split())
MECHANISM_PREPS = frozenset(["via", "through", "using", "with", "over", "on", "in", "into", "from", "to", "behind"])
BUILT_PARTICIPLES = frozenset(
    "built powered based backed written hosted implemented stored deployed running packaged driven designed "
    "engineered".split()
)
META_VERBS = frozenset(["describe", "provide", "name", "write", "explain", "list", "summarize", "state", "include"])
SHOUTED_WORDS = frozenset(
    "FREE NEW NOW NOTE WHO WHAT WHY HOW YES NO NOT ALL THE AND OR FOR YOU OUR WE IS ARE "
    "TODAY ONLY MORE BEST GET BUY SALE HOT WOW OMG LOL "
    # Short function words and numbers set in capitals for stress ("secured BY quantum computers",
    # "TWO compilers"); not "IF" or "AS", which are also code ("IF statements", "AS/400").
    "BY TO OF SO BE DO UP MY AN ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN".split()
)


# Acronyms and protocol words that spell a frequent English word: technical in capitals.
_WORD_ACRONYMS = frozenset("REST GET POST PUT PATCH DELETE".split())


def _shouted(word: str) -> bool:
    """FREE, NOTE, COMING, BETTER: an ordinary word in capitals, not an acronym (a listed short
    word, or a frequent English word of four letters or more but the few acronyms that spell one:
    "REST", "POST", "GETs"). From five letters a word less frequent still ("Status: DRAFT",
    "APPROVED") is a word: the acronyms that long are rare as words (HTTPS 4.4, LINUX 4.0)."""
    common = zipf(word)
    if word.rstrip("s") in _WORD_ACRONYMS:
        return False
    return (
        (common >= 4.5 and word in SHOUTED_WORDS)
        or (len(word) >= 4 and common >= 5.0)
        or (len(word) >= 5 and common >= 4.5)
    )


_ARCHITECTURE = re.compile(r"\b(under the hood|behind the scenes|tech stack|architecture|stack)\b", re.IGNORECASE)

# ----------------------------------------------------------------------------------------------
# Word lists of a run: the shared lexicons, the rules' options and the vocabulary, compiled once
# ----------------------------------------------------------------------------------------------


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(normal_phrase(str(w)) for w in items)


def _digest(*parts: Any) -> str:
    return hashlib.sha1(json.dumps(parts, sort_keys=True, default=sorted).encode()).hexdigest()[:16]


_NEVER = re.compile(r"(?!)")


@cache
def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    return phrase_pattern(sorted(words)) if words else _NEVER


@dataclass(frozen=True, slots=True)
class SentenceLexicon:
    """The word lists the featurizer reads in one run, compiled; `key` names them in memo keys."""

    key: str
    lexicon: Lexicon  # the shared lexicons with the vocabulary (wbl_rules.analysis)
    customer_lexicon: Lexicon  # the same, without the role words that name the company's side
    tech_terms: frozenset[str]
    everyday_tech: frozenset[str]
    weak_terms: frozenset[str]
    technical: frozenset[str]  # jargon-density's technical terms and engineering phrases
    buzzwords: SubstitutionTable  # the buzzword rule's table, rejected terms included
    impl_verbs: frozenset[str]
    acronym_exempt: frozenset[str]  # upper case
    numbered_words: frozenset[str]  # lower case: words a Roman numeral numbers ("Type II")
    place_codes: frozenset[str]
    accepted: frozenset[str]  # normalised: the vocabulary's accepted terms and products

    def patterns(self) -> dict[str, re.Pattern[str]]:
        return {
            "tech_terms": _pattern(self.tech_terms),
            "everyday_tech": _pattern(self.everyday_tech),
            "weak_terms": _pattern(self.weak_terms),
            "technical": _pattern(self.technical),
        }


def sentence_lexicon(
    lex: Lexicon,
    jargon_options: Mapping[str, Any],
    buzzword_options: Mapping[str, Any],
    acronym_options: Mapping[str, Any],
    vocabulary: Vocabulary = NO_VOCABULARY,
) -> SentenceLexicon:
    """The featurizer's word lists from a rule's lexicon (`wbl_rules.analysis.lexicon`) and the
    effective options of the jargon, buzzword and acronym rules, with the project's vocabulary."""
    accepted = frozenset(vocabulary.accepted) | lex.excluded
    terms = lex.terms - accepted
    technical = _words(jargon_options.get("technical-terms", ())) - accepted
    buzzwords = substitution_table(buzzword_options, vocabulary)
    exempt = frozenset(str(a).upper() for a in acronym_options.get("exempt", ())) | frozenset(
        normal_phrase(t).upper() for t in accepted
    )
    places = frozenset(str(a).upper() for a in acronym_options.get("place-codes", ()))
    numbered = frozenset(str(w).lower() for w in acronym_options.get("numbered-words", ()))
    customer_lexicon = replace(
        lex, roles=lex.roles - NOT_ROLES, generic_customers=lex.generic_customers - NOT_ROLES, key=lex.key + ":roles"
    )
    parts = dict(
        tech_terms=terms - EVERYDAY_TECH,
        everyday_tech=(terms & EVERYDAY_TECH) | (ALWAYS_EVERYDAY - accepted),
        weak_terms=(lex.weak_terms | EXTRA_WEAK_TERMS) - accepted,
        technical=technical,
        impl_verbs=lex.implementation_verbs | EXTRA_BUILD_VERBS,
        acronym_exempt=exempt,
        place_codes=places,
        numbered_words=numbered,
        accepted=accepted,
    )
    exceptions = buzzwords.exceptions.pattern if buzzwords.exceptions is not None else ""
    key = _digest(lex.key, sorted(buzzwords.replacements), exceptions, {k: sorted(v) for k, v in parts.items()})
    return SentenceLexicon(key, lex, customer_lexicon, buzzwords=buzzwords, **parts)


def prepare_sentence_lexicon(ctx: RuleContext) -> SentenceLexicon:
    """The `prepare` step of a rule that asks the models (tech-first, jargon-density): its own
    lexicon (`wbl_rules.analysis.prepare_lexicon`) with the effective options of the rules it
    `uses` (jargon-density's own when it is that rule) and the vocabulary."""
    jargon = ctx.options_of(JARGON_RULE) if JARGON_RULE in ctx.related else ctx.options
    return sentence_lexicon(
        prepare_lexicon(ctx), jargon, ctx.options_of(BUZZWORD_RULE), ctx.options_of(ACRONYM_RULE), ctx.vocabulary
    )


def rule_defaults(name: str) -> Mapping[str, Any]:
    """A built-in rule's default options (training and tests; a run uses the effective ones)."""
    from wbl.registry import default_registry

    found = default_registry().get(name)
    if found is None:  # pragma: no cover - the pack is broken
        raise LookupError(f"no rule {name!r} in the registry")
    return found.options


@lru_cache(maxsize=1)
def default_sentence_lexicon() -> SentenceLexicon:
    """The word lists with every rule's default options and no vocabulary: what the model is
    trained with."""
    return sentence_lexicon(
        lexicon({}), rule_defaults(JARGON_RULE), rule_defaults(BUZZWORD_RULE), rule_defaults(ACRONYM_RULE)
    )


def products_key(products: Iterable[str]) -> str:
    """Product names as one memo input (the same names, in any order, give the same key)."""
    return _products_key(products if isinstance(products, frozenset) else frozenset(products))


@lru_cache(maxsize=64)
def _products_key(products: frozenset[str]) -> str:
    return "|".join(sorted({normal_phrase(p) for p in products}))


# ----------------------------------------------------------------------------------------------
# Token shapes
# ----------------------------------------------------------------------------------------------

_CAMEL = re.compile(
    r"^(?!Mc[A-Z])(?!Mac[A-Z])[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*$|^[A-Z]{2,}[a-z]+[A-Z]|^[A-Z]{3,}[a-z]{2,}$"
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}s?$")
_MIXED_ACRONYM = re.compile(r"^(?:[a-z]?[A-Z]{2,}[a-z]{1,3}[A-Z]*|[A-Z][a-z]?[A-Z]{2,}[a-z]?s?|[A-Z]{2,}[a-z]{1,4})$")
_ALNUM = re.compile(r"^(?=\S*[A-Za-z])(?=\S*\d)[A-Za-z0-9#+._/-]+$")
_NOT_ALNUM = re.compile(
    r"^[~$€£]?\d[\d,.]*(?:st|nd|rd|th|s|am|pm|k|x|h|hrs?|min|mins|m|mm|b|bn|t|tn|km|kg|lb|lbs|%|/\d+|mb|gb|ms)?\+?$"
    # A version label ("V1", "v2.3"): a stage of the plan, not a code to decode.
    r"|^\d+(?:[-/][A-Za-z]+)+$|^[A-Za-z]+-\d+$|^v\d+(?:\.\d+)*$"
    # A size or a count of sets: "5x5" (a training method), "3x3", "1080x1920".
    r"|^\d+(?:\.\d+)?[x×]\d+(?:\.\d+)?$"
    # A hexadecimal value, an address or a hash ("0xbB5bf2…"): a value to copy, like a number.
    r"|^0x[0-9a-f]{6,}$",
    re.IGNORECASE,
)
_FILE = re.compile(
    r"^[\w-]*\.(?:md|js|ts|py|rs|go|so|dll|exe|jar|yaml|yml|json|toml|ini|cfg|sh|txt|xml|html|css|sql|"
    r"cpp|hpp|rb|php|lock|env|conf|log|db|wasm|ipynb|tf|docx|p11k)$|^\.[a-z0-9]{1,6}$|^\w+_\w+$",
    re.IGNORECASE,
)
_FLAG = re.compile(r"^--[a-z][\w-]+$|^-[a-z]$")  # --inputs, -v (an attribution "-James" is not a flag)
_DOTTED = re.compile(r"^[A-Za-z]\w*\.[A-Za-z]\w*$")
_PATH = re.compile(r"^(?:~?/|\./)\S+|^\S+/\S+/\S+$")


def _beside_a_letter(token: Any) -> bool:
    """Whether a word is joined by a slash, with no space, to a single capital letter: "CP/M",
    "I/O" are one name, not an acronym and a letter ("UI/UX" is two acronyms)."""
    doc = token.doc
    after = token.i + 2 < len(doc) and doc[token.i + 1].text == "/" and not token.whitespace_
    if after and not doc[token.i + 1].whitespace_ and re.fullmatch(r"[A-Z]", doc[token.i + 2].text):
        return True
    before = token.i >= 2 and doc[token.i - 1].text == "/" and not doc[token.i - 1].whitespace_
    return before and not doc[token.i - 2].whitespace_ and re.fullmatch(r"[A-Z]", doc[token.i - 2].text) is not None


def _in_phone_number(token: Any) -> bool:
    """Whether a word is joined by hyphens, with no space, to a run of digits: the letters of a
    phone number ("1-888-VET-CALL", "1-800-FLOWERS")."""
    doc = token.doc
    chain = [token]
    for step in (-1, 1):
        i = token.i
        while 0 <= i + 2 * step < len(doc) and doc[i + step].text == "-":
            joined = doc[i + step] if step > 0 else doc[i + 2 * step]
            if joined.whitespace_ or (doc[i].whitespace_ if step > 0 else doc[i + step].whitespace_):
                break
            i += 2 * step
            chain.append(doc[i])
    return any(t.text.isdigit() and len(t.text) >= 3 for t in chain)


_MAGNITUDE_AT_END = re.compile(r"\d[\d,.]*[KMBkmb]\.")


def shape_of(text: str) -> str:
    """'acronym', 'mixed_acronym', 'camel', 'code' (digits, files, paths, flags, dotted names) or ''."""
    if len(text) < 2 or WEB_ADDRESS.search(text):
        return ""
    if _MAGNITUDE_AT_END.fullmatch(text):
        return ""  # "$508K." ending a sentence: the tokenizer keeps the full stop with the figure
    if _ACRONYM.match(text):
        return "acronym"
    if _CAMEL.match(text):
        return (
            "mixed_acronym"
            if _MIXED_ACRONYM.match(text) and sum(c.isupper() for c in text) >= 2 and len(text) <= 6
            else "camel"
        )
    if _FILE.match(text) or _FLAG.match(text) or _PATH.match(text) or _DOTTED.match(text):
        return "code"
    if (len(text) <= 3 and text[0].isdigit()) or PERIOD_OR_QUESTION.match(text):
        return ""  # 3D, 2x, 4K; a quarter or a financial year: Q4, H1, FY2027; a question's number: Q12
    if _ALNUM.match(text) and not _NOT_ALNUM.match(text):
        return "code"
    return ""


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a plain word (letters only; anything else is 0 here, so the
    lookup never leaves wbl's copy of the English table)."""
    word = word.lower()
    return zipf_frequency(word) if word.isascii() and word.isalpha() else 0.0


def word_zipf(token: Any) -> float:
    """Frequency of a word or its uninflected forms (a gerund is as common as its verb)."""
    return _word_zipf(token.lower_, token.lemma_.lower())


@lru_cache(maxsize=65536)
def _word_zipf(word: str, lemma: str) -> float:
    forms = {word, lemma}
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms |= {stem, stem + "e"}
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        if parts:
            forms.add(word.replace("-", ""))
            return max(max(zipf(f) for f in forms), min(zipf(p) for p in parts))
    return max(zipf(f) for f in forms)


# Longer than any word with a Zipf frequency of 3.5 or more (wordfreq's longest has 18 letters:
# "telecommunications").
_COMMON_WORD_MAX = 24
_PREFIXES = ("un", "re", "pre", "non", "over", "under", "co", "sub", "self", "mis", "dis", "out")
_SUFFIXES = ("ability", "able", "ible", "less", "ness", "ful", "ment", "ers", "er", "ings", "ing", "ed", "ly", "s")


def transparent(word: str) -> bool:
    """A rare word built from common parts, which a reader understands: "waitlist" (wait + list),
    "unshareable" (un + share + able), "reconfigured". Only letters; parts need Zipf >= 3.5."""
    if not word.isalpha() or len(word) < 6:
        return False
    stems = {word}
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            stems.add(word[len(prefix) :])
    for stem in list(stems):
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                base = stem[: -len(suffix)]
                stems |= {base, base + "e"}
    if any(zipf(x) >= 3.5 for x in stems if x != word):
        return True
    # Only cuts that leave both parts short enough to be common words: every cut of a long
    # "word" took time quadratic in its length.
    cuts = range(max(3, len(word) - _COMMON_WORD_MAX), min(len(word) - 2, _COMMON_WORD_MAX + 1))
    return any(zipf(word[:k]) >= 3.5 and zipf(word[k:]) >= 3.5 for k in cuts)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = frozenset("aeiouy")
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SOUNDS = ("csk", "sz", "fv", "mn", "dt", "bp", "gj")


def _slips(letter: str) -> frozenset[str]:
    """The letters a writer may type for `letter`: another vowel, a key beside it on the same row or
    the rows above and below, or a letter of the same sound."""
    found = set(_VOWELS) if letter in _VOWELS else set()
    for row, keys in enumerate(_KEYBOARD):
        if letter in keys:
            column = keys.index(letter)
            for other in _KEYBOARD[max(0, row - 1) : row + 2]:
                found.update(other[max(0, column - 1) : column + 2])
    for group in _SOUNDS:
        if letter in group:
            found.update(group)
    return frozenset(found - {letter})


_SLIPS = {letter: _slips(letter) for letter in _LETTERS}
# A typo is a word unknown to the frequency table (at most this Zipf frequency) one edit away from a
# common word (at least TYPO_OF_ZIPF). Five-letter "unknown" words are as often names of tools
# ("faiss", "mlock", "stdio") as slips, so only words of six letters or more are read as typos.
# A stem (the word less an ending) known better than TYPO_STEM_ZIPF makes the word real ("redacts");
# common misspellings are in the table too, rarely ("hundered": 1.2).
TYPO_MAX_ZIPF, TYPO_OF_ZIPF, TYPO_STEM_ZIPF, TYPO_MIN_LETTERS = 1.0, 3.5, 1.5, 6


@lru_cache(maxsize=8192)
def likely_typo(word: str) -> str | None:
    """The common word a rare one misspells ("hundereds" -> "hundreds", "exetremely" -> "extremely"),
    or None. A misspelling is not jargon: the reader knows the word meant.

    One slip away, as slips are made: a letter left out, a vowel or a doubled letter too many, a
    letter swapped with the next, or a letter changed for a vowel, a key beside it or a letter of
    the same sound ("stratagy", "resourse"); never in the first letter. Coined technical words are
    one edit from common words too, but not by a slip: "semver" (server: an m for an r), "upsert"
    (upset: an r too many). A word whose stem is known ("redacts") or made of common words
    ("sparkline") is a word. A plural is read as its singular ("repuations": "reputation")."""
    word = word.lower()
    found = _likely_typo(word)
    if found is None and word.endswith("s") and not word.endswith("ss") and zipf(word) <= TYPO_MAX_ZIPF:
        singular = _likely_typo(word[:-1])
        plural = _plural(singular) if singular is not None else None
        # The plural as English writes it, and only one the word table knows ("reputations"; not
        # "processs" for "proceses").
        found = plural if plural is not None and plural != word and zipf(plural) > 0 else None
    return found


def _plural(noun: str) -> str:
    """The regular plural of a noun: "reputations", "processes", "strategies"."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _likely_typo(word: str) -> str | None:
    # One edit from a common word is at most one letter longer than the longest common word; a longer
    # "word" (hostile input runs to megabytes) would cost time quadratic in its length.
    if not TYPO_MIN_LETTERS <= len(word) <= _COMMON_WORD_MAX + 1:
        return None
    if not (word.isascii() and word.isalpha()) or zipf(word) > TYPO_MAX_ZIPF:
        return None
    stems = _forms_of(word) | {word[: -len(end)] for end in ("ize", "ise", "izes", "ized") if word.endswith(end)}
    if any(zipf(stem) > TYPO_STEM_ZIPF for stem in stems if len(stem) >= 3 and stem != word) or transparent(word):
        return None
    best, best_zipf = None, TYPO_OF_ZIPF
    common = _common_words()
    for k in range(1, len(word) + 1):
        head, tail = word[:k], word[k:]
        edits = [head + c + tail for c in _LETTERS]  # a letter left out
        if tail:
            extra = tail[0]
            if extra in _VOWELS or extra == head[-1] or extra == tail[1:2]:
                edits.append(head + tail[1:])  # a vowel or a doubled letter too many
            edits += [head + c + tail[1:] for c in _SLIPS[extra]]  # a letter changed
        if len(tail) > 1:
            edits.append(head + tail[1] + tail[0] + tail[2:])  # two letters swapped
        for edit in edits:
            if (common is None or edit in common) and (z := zipf(edit)) >= best_zipf and edit != word:
                best, best_zipf = edit, z
    return best


@cache
def _common_words() -> frozenset[str] | None:
    """The words at least TYPO_OF_ZIPF frequent (about 15,000): `likely_typo` tries some 300 edits
    of each unknown word, and a set look-up per edit is some twenty times faster than searching the
    frequency table. Derived once from wbl's copy of the table and kept between runs (`wbl.derived`);
    None when there is no copy (then every edit is looked up)."""
    from wbl import derived, wordtable

    path, table = wordtable.table_path(), wordtable.table()
    if path is None or table is None:
        return None

    def compute() -> frozenset[str]:
        # Only lines of Zipf 1 or more are read as numbers: most of the table's 300,000 are rarer.
        lines = re.finditer(r"^([a-z]+)\t([1-9]\d*\.\d+)$", table.text, re.MULTILINE)
        return frozenset(m.group(1) for m in lines if float(m.group(2)) >= TYPO_OF_ZIPF)

    return derived.remember("common-words", derived.digest(path.name, TYPO_OF_ZIPF), compute)


def reading_zipf(token: Any) -> float:
    """`word_zipf`, reading a misspelt word as the word it misspells."""
    meant = likely_typo(token.lower_) if token.is_alpha else None
    return zipf(meant) if meant is not None else word_zipf(token)


# ----------------------------------------------------------------------------------------------
# The analysis of one sentence (plain data: token indices of the unit's Doc, never spaCy objects)
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """A found term: its kind and the (Doc-level) token indices it covers."""

    kind: str
    tokens: tuple[int, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the features of every label read, computed once per sentence and word lists."""

    tech: Mapping[int, str]  # token index -> why it is technology-like
    customers: frozenset[int]
    company: frozenset[int]
    phrases: Mapping[str, tuple[tuple[int, ...], ...]]  # lexicon phrase matches
    jargon: tuple[Term, ...]
    passive: tuple[tuple[int, int], ...]  # (auxiliary, participle)
    content: int
    number_tokens: frozenset[int]
    defined: frozenset[int]  # tokens defined inside the sentence
    placeholder: frozenset[int]  # tokens inside [ ... ]
    excluded: frozenset[int]  # accepted terms and product names: never technology, jargon or reasons


class _Tokens(list):  # type: ignore[type-arg]
    """A span's tokens, made once (iterating a spaCy span makes new Token objects every time),
    with the span's attributes the features read."""

    __slots__ = ("doc", "end", "root", "start", "start_char", "text")

    def __init__(self, span: Any) -> None:
        super().__init__(span)
        # The span's text as spaCy's `Span.text` makes it, from the tokens already made.
        text = "".join(t.text_with_ws for t in self)
        self.text = text[:-1] if self and self[-1].whitespace_ else text
        self.doc, self.root = span.doc, span.root
        self.start, self.end, self.start_char = span.start, span.end, span.start_char


def _offsets(span: Any) -> list[tuple[int, int, int]]:
    """(start, end, token index) of the span's tokens, relative to the span's first character."""
    base = span.start_char
    return [(t.idx - base, t.idx - base + len(t.text), t.i) for t in span]


def _tokens_in(offsets: Sequence[tuple[int, int, int]], start: int, end: int) -> tuple[int, ...]:
    """Token indices overlapping span-relative characters [start, end). `offsets` are in text
    order (as `_offsets` makes them), so the first overlapping token is found by bisection: a
    scan of the whole sentence for each match was quadratic in a sentence of many matches."""
    first = bisect.bisect_right(offsets, start, key=lambda o: o[1])
    found = []
    for k in range(first, len(offsets)):  # (islice would step through the tokens before `first`)
        if offsets[k][0] >= end:
            break
        found.append(offsets[k][2])
    return tuple(found)


def phrases_of(
    span: Any,
    tokens: Iterable[int],
    where: Mapping[int, tuple[int, int, bool]] | None = None,
    *,
    whole_words: bool = False,
) -> tuple[str, ...]:
    """The words of a span at some token indices, as the text writes them: one phrase per run of
    adjacent tokens ("multi-tenant", "Kafka event bus"), punctuation on its own left out. `where`
    (token index -> start and end in the span's text, is punctuation) spares looking tokens up.
    With `whole_words` a phrase takes in the rest of a hyphenated or slashed word it cuts ("Cloud-"
    and "Native" are "Cloud-Native"), and each phrase is named once: what a message quotes."""
    ids = sorted(set(tokens))
    doc, base = span.doc, span.start_char
    missing = [i for i in ids if where is None or i not in where]
    if missing:
        where = dict(where or {})
        for i in missing:
            token = doc[i]  # one Token object: each `doc[i]` makes a new one
            where[i] = (token.idx - base, token.idx - base + len(token.text), token.is_punct)
    runs: list[list[int]] = []
    for i in ids:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    text = span.text
    result = []
    for run in runs:
        if all(where[i][2] for i in run):
            continue
        start, end = where[run[0]][0], where[run[-1]][1]
        if start < 0 or end > len(text):
            # A token outside the span (a head or modifier the parser put in a neighbouring
            # sentence) is read from the document.
            result.append(doc[run[0] : run[-1] + 1].text)
            continue
        if whole_words:
            start, end = _whole_word(text, start, end)
        result.append(text[start:end])
    return tuple(dict.fromkeys(result)) if whole_words else tuple(result)


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """`text[start:end]` widened to the hyphenated or slashed words it cuts, and without a joining
    mark left hanging at either end ("best-in-" of "best-in-class")."""

    def joined(i: int) -> bool:  # a letter or digit, or a mark between two of them
        char = text[i]
        return char.isalnum() or (
            char in "-/" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
        )

    while start > 0 and joined(start - 1):
        start -= 1
    while end < len(text) and joined(end):
        end += 1
    return start, end


def _phrase_hits(
    text: str, offsets: Sequence[tuple[int, int, int]], pattern: re.Pattern[str], split_hyphens: bool = False
) -> tuple[tuple[int, ...], ...]:
    """Token groups of a lexicon's phrases in a sentence; with `split_hyphens` also inside
    hyphenated and slashed compounds ("SQLite-backed", "Node/Bun")."""
    hits = [_tokens_in(offsets, *m.span()) for m in pattern.finditer(text)]
    if split_hyphens:
        seen = set(hits)
        for m in pattern.finditer(re.sub(r"(?<=\w)[-/](?=\w)", " ", text)):
            hit = _tokens_in(offsets, *m.span())
            if hit and hit not in seen and not any(set(hit) <= set(h) for h in seen):
                seen.add(hit)
                hits.append(hit)
    return tuple(h for h in hits if h)


_PLACEHOLDER = re.compile(r"\[[^\]]{0,60}\]|" + ANGLE_SLOT + r"|<[^>]{0,40}>|\bWHO\?")
_DEFINED_ACRONYM = re.compile(r"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,5})\s+\(\s*([A-Za-z][\w-]{1,11}s?)\s*\)")
_DEFINED_GLOSS = re.compile(r"\b([A-Za-z][\w.#+-]*)\s*\(\s*(?:an?|the|i\.e\.|e\.g\.|short for|aka)?\s*[a-z][^()]{6,}\)")
_DEFINED_APPOSITION = re.compile(
    r"\b([A-Za-z][\w.#+-]*(?:\s+[A-Za-z][\w-]*)?)\s*(?:,|—|–| -)\s*(?:an?|the)\s+[a-z]+(?:\s+[a-z]+){1,6}\s*(?:,|—|–|-)"
)


_APPOSITION_HINT = re.compile(r"(?:,|—|–| -)\s*(?:an?|the)\s")


# A hashtag ("#offroad #PlatformOne") is a label for social media, not a term the reader must decode;
# "C#" and "PKCS#11" are not hashtags (the mark follows a letter).
_HASHTAG = re.compile(r"(?<!\S)#[A-Za-z][\w-]*")


def placeholders_in(sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """The placeholders that overlap an analysed sentence, as offsets in it (cut at its edges).
    Read in the whole unit: the sentence splitter may cut one ("[" and "City, State ZIP Code]" as
    two sentences), so a sentence's verdict names them among its inputs. The unit's Doc is scanned
    once for all its sentences, in the Doc's own text (where a long run of punctuation is masked;
    see wbl.nlp)."""
    doc = sentence.span.doc
    base, end = sentence.span.start_char, sentence.span.end_char
    return tuple(
        (max(start, base) - base, min(stop, end) - base)
        for start, stop in memo.PLACEHOLDERS.remember(
            sentence.unit, lambda: tuple(m.span() for m in _PLACEHOLDER.finditer(doc_text(doc)))
        )
        if stop > base and start < end
    )


def _placeholders(sentence: Sentence, offsets: Sequence[tuple[int, int, int]]) -> frozenset[int]:
    """Tokens of the sentence inside a placeholder (`placeholders_in`)."""
    return frozenset(i for start, stop in placeholders_in(sentence) for i in _tokens_in(offsets, start, stop))


def _definitions(text: str, offsets: Sequence[tuple[int, int, int]], doc: Any) -> frozenset[int]:
    """Tokens defined in the sentence: 'Words (ABC)', 'ABC (words)', 'X, a/an/the ... ,' appositions
    and 'X — the ...' glosses. An apposition that holds the sentence's main verb is its subject,
    not a gloss: "Built with React and DaisyUI, the platform offers a premium, ..." defines nothing."""
    result: set[int] = set()
    if "(" not in text and not _APPOSITION_HINT.search(text):
        return frozenset()  # every form below needs parentheses or an apposition
    for m in _DEFINED_ACRONYM.finditer(text):
        result.update(_tokens_in(offsets, m.start(2), m.end(2)))  # Delivery Service Partner (DSP)
    for m in _DEFINED_GLOSS.finditer(text):
        result.update(_tokens_in(offsets, m.start(1), m.end(1)))  # keystore (an encrypted key file)
    for m in _DEFINED_APPOSITION.finditer(text):
        if any(doc[i].dep_ == "ROOT" for i in _tokens_in(offsets, m.end(1), m.end())):
            continue
        result.update(_tokens_in(offsets, m.start(1), m.end(1)))  # a Bloom filter, a compact set structure,
    return frozenset(result)


def _is_dateline(token: Any) -> bool:
    """'SEATTLE, WA --' : capitals at the start of the sentence followed by a comma or dash."""
    if token.i - token.sent.start > 3:
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.text in (",", "--", "—", "–", "-")


def _after_place(token: Any) -> bool:
    """A state's code after its city: "Seattle, WA", or "Charlotte NC" closing a clause."""
    before = token.nbor(-1)
    if before.text == ",":
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        before.text.istitle()
        and before.is_alpha
        and bool(before.whitespace_)
        and (after is None or after.text in (")", ",", ";", "—", "–", ".") or after.is_sent_start)
    )


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _is_customer(token: Any, slex: SentenceLexicon) -> bool:
    if token.lower_ in PERSON_PRONOUNS:
        return True
    return is_customer_token(token, slex.customer_lexicon) or token.ent_type_ == "PERSON"


def analyse(sentence: Sentence, slex: SentenceLexicon, products: Iterable[str] = ()) -> Analysis:
    """The analysis of a sentence, remembered with its unit's spaCy analysis (the labels and
    rules share it; an unchanged paragraph keeps it across the language server's re-lints)."""
    names = products_key(products)
    return memo.SENTENCE_ANALYSIS.remember(
        sentence.unit, lambda: _analyse(sentence, slex, names), slex.key, names, sentence.start
    )


def _analyse(sentence: Sentence, slex: SentenceLexicon, products: str) -> Analysis:
    span = tokens = _Tokens(sentence.span)
    text = span.text
    offsets = _offsets(span)
    lex = slex.lexicon
    excluded_words = slex.accepted | frozenset(p for p in products.split("|") if p)
    excluded = frozenset(i for m in _pattern(excluded_words).finditer(text) for i in _tokens_in(offsets, *m.span()))
    excluded |= frozenset(i for m in _HASHTAG.finditer(text) for i in _tokens_in(offsets, *m.span()))
    # A web address is where to go, not words to decode ("pages.dev/api-playground.html"); a file
    # name alone ("settings.json") still counts.
    excluded |= frozenset(t.i for t in tokens if t.like_url and ("/" in t.text or WEB_ADDRESS.search(t.text)))
    placeholder = _placeholders(sentence, offsets)
    defined = _definitions(text, offsets, span.doc)
    patterns = slex.patterns()
    phrases = {
        name: tuple(
            h
            for h in _phrase_hits(text, offsets, patterns[name], split_hyphens=name in ("tech_terms", "technical"))
            if not set(h) & excluded
        )
        for name in ("tech_terms", "everyday_tech", "weak_terms", "technical")
    }
    phrases["buzzwords"] = tuple(
        h for h in (_tokens_in(offsets, s, e) for s, e in matches(slex.buzzwords, text)) if h and not set(h) & excluded
    )
    phrases["pantry"] = (
        tuple(h for h in (_tokens_in(offsets, *m.span()) for m in lex.pantry_pattern.finditer(text)) if h)
        if lex.pantry_pattern is not None
        else ()
    )
    tech: dict[int, str] = {}
    for name, why in (("tech_terms", "lexicon"), ("technical", "lexicon"), ("everyday_tech", "everyday")):
        for hit in phrases[name]:
            for i in hit:
                tech.setdefault(i, why)
    capitals = _mostly_capitals(text)
    for t in tokens:
        if t.i in placeholder or t.i in excluded or t.is_punct:
            continue
        shape = shape_of(t.text)
        if shape in ("acronym", "mixed_acronym"):
            upper = t.text.upper()
            if upper.rstrip("S") in ("AM", "PM") and upper not in ("AM", "PM"):
                pass  # "PMs": product managers, not a time of day
            elif upper in ("AM", "PM") and t.i > span.start and not t.nbor(-1).like_num:
                pass  # "the PM" (a role) counts; "3 PM" does not
            elif t.text.rstrip("s").upper() in slex.acronym_exempt or upper in slex.acronym_exempt:
                continue
            if shape == "acronym" and (capitals or _shouted(t.text)):
                continue  # a headline in capitals; FREE, NOTE: an ordinary word in capitals
            if _is_dateline(t) or (t.text in slex.place_codes and t.i > span.start and _after_place(t)):
                continue
            if _in_phone_number(t):
                continue  # "call 1-888-VET-CALL": letters of a phone number
            if identifier_piece(doc_text(t.doc), t.idx, t.idx + len(t.text)) or _beside_a_letter(t):
                continue  # "CC-BY-SA", "NOM-024-SSA3", "CP/M": one identifier's pieces
            if roman_numeral(doc_text(t.doc), t.idx, t.idx + len(t.text), slex.numbered_words):
                continue  # "SOC 2 Type II", "Phase II": a number
            tech.setdefault(t.i, "acronym")
        elif shape:
            tech.setdefault(t.i, shape)
    customers = frozenset(t.i for t in tokens if _is_customer(t, slex))
    company = frozenset(t.i for t in tokens if t.i not in customers and t.lower_ in lex.company_pronouns)
    jargon = tuple(_jargon_terms(span, tokens, tech, phrases, (defined, placeholder, excluded), slex.weak_terms))
    return Analysis(
        tech=tech,
        customers=customers,
        company=company,
        phrases=phrases,
        jargon=jargon,
        passive=passive_in(sentence),
        content=sum(1 for t in tokens if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM") and not t.is_stop)
        or 1,
        number_tokens=frozenset(
            t.i for t in tokens if t.like_num or NUMBER.fullmatch(t.text) or any(c.isdigit() for c in t.text)
        ),
        defined=defined,
        placeholder=placeholder,
        excluded=excluded,
    )


# ----------------------------------------------------------------------------------------------
# Passive voice (WB701): be/get + adverbs + participle
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PassiveLists:
    """The passive-voice rule's word lists (its options); the defaults are what the models read."""

    # Participles that read as adjectives or set phrases after "be" ("is based in", "are
    # interested"); "left" only alone ("what's left"; "are left with" counts). Verbs that take no
    # object have no passive: "first come, first served", "the day is come".
    exempt: frozenset[str] = frozenset(
        "based located supposed interested excited thrilled pleased delighted proud tired married concerned gone "
        "left frustrated worried stressed bored surprised confused annoyed disappointed come arrived happened "
        "occurred convinced limited become seemed remained appeared emerged existed".split()
    )
    # After "get", set phrases ("get started", "get rid of").
    get_exempt: frozenset[str] = frozenset(["started", "rid", "used", "married", "dressed"])
    # Participles the small tagger often calls adjectives that still make a passive after be/get.
    stative: frozenset[str] = frozenset(
        "stuck lost born buried trapped charged paid overcharged misplaced hacked stolen deleted locked blocked "
        "forgotten ignored done finished shown given told".split()
    )
    # Hyphen compounds after "be" that read as adjectives: by their first piece ("is self-hosted",
    # "is well-known") or by their participle ("is AI-powered", "is data-driven"); "is
    # HMAC-verified", "are auto-sorted" and "is end-to-end encrypted" are passives.
    compound_prefixes: frozenset[str] = frozenset("self well ill fully highly much long so ready multi".split())
    compound_heads: frozenset[str] = frozenset(
        "centered centred driven focused oriented powered minded shaped sized related aligned obsessed backed "
        "enabled inspired packed filled built made owned fed grown tested crafted hosted baked".split()
    )
    # Prefixes that make a compound a verb again, whatever its participle: "was re-made", "is
    # co-owned by", "are pre-filled" are passives.
    verb_prefixes: frozenset[str] = frozenset("re co pre un over under mis de dis auto cross".split())

    key: str = field(default="", init=False)  # names the lists in memo keys

    def __post_init__(self) -> None:
        lists = (
            self.exempt,
            self.get_exempt,
            self.stative,
            self.compound_prefixes,
            self.compound_heads,
            self.verb_prefixes,
        )
        object.__setattr__(self, "key", _digest(*(sorted(words) for words in lists)))


DEFAULT_PASSIVE = PassiveLists()
_BE = frozenset(["be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m"])
_GET_FORMS = frozenset(["get", "gets", "got", "gotten", "getting"])


def passive_lists(options: Mapping[str, Any]) -> PassiveLists:
    """The lists of the passive-voice rule's options (defaults for what it leaves out)."""

    def words(key: str, default: frozenset[str]) -> frozenset[str]:
        return frozenset(str(w).lower() for w in options[key]) if key in options else default

    return PassiveLists(
        words("exempt-participles", DEFAULT_PASSIVE.exempt),
        words("get-exempt-participles", DEFAULT_PASSIVE.get_exempt),
        words("stative-participles", DEFAULT_PASSIVE.stative),
        words("compound-adjective-prefixes", DEFAULT_PASSIVE.compound_prefixes),
        words("compound-adjective-heads", DEFAULT_PASSIVE.compound_heads),
        words("compound-verb-prefixes", DEFAULT_PASSIVE.verb_prefixes),
    )


# "committed to", "dedicated to": an attitude when someone holds it, a passive when something is
# the subject ("the change was committed to main").
_DEVOTION = frozenset(["committed", "dedicated", "devoted"])


def _devoted_someone(participle: Any) -> bool:
    """ "to" follows the participle and its subject is a pronoun, a name or a company or team."""
    following = participle.nbor(1) if participle.i + 1 < len(participle.doc) else None
    # The subject hangs on the participle, or on "be" when the tagger reads an adjective.
    holder = participle.head if participle.dep_ == "acomp" else participle
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        following is not None
        and following.lower_ == "to"
        and bool(subjects)
        and all(s.pos_ in ("PRON", "PROPN") or s.lemma_.lower() in ("company", "team") for s in subjects)
    )


def may_be_passive(span: Any) -> bool:
    """A cheap test before the parse is walked: a form of be or get is in the sentence."""
    return any(t.lower_ in _BE or t.lower_ in _GET_FORMS or t.lemma_ in ("be", "get") for t in span)


def _aux_lemma(token: Any) -> str:
    """'be' or 'get' for their forms (the lemmatizer leaves "getting" alone), else the lemma."""
    if token.lower_ in _GET_FORMS:
        return "get"
    return token.lemma_.lower()


def _adjectival_participle(token: Any, lists: PassiveLists) -> bool:
    """ "is fragmented", "was clearly underserved": a participle the tagger calls an adjective."""
    return (
        token.tag_ == "JJ"
        and token.lower_.endswith("ed")
        and len(token) > 4
        and token.lower_ not in lists.exempt
        and (any(c.dep_ == "auxpass" for c in token.children) or (token.dep_ == "acomp" and token.head.lemma_ == "be"))
    )


def _participle(token: Any, lists: PassiveLists) -> bool:
    if not token.is_alpha:
        return False
    if _adjectival_participle(token, lists):
        return True
    if token.tag_ == "VBN":
        return (
            token.lower_.endswith(("ed", "en", "wn", "t", "ne", "ng", "un", "id", "ld", "de", "pt", "ck"))
            or zipf(token.lower_) > 0
        )
    return token.tag_ in ("VBD", "JJ") and token.lower_ in lists.stative


def _hyphen_joined(token: Any, marks: tuple[str, ...] = ("-",)) -> bool:
    """Whether the word is joined to the one before or after it by a hyphen (or one of `marks`)."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (before is not None and before.text in marks and not before.whitespace_) or (
        after is not None and after.text in marks and not token.whitespace_
    )


def _describes_noun(token: Any) -> bool:
    """A participle that modifies a noun after it within one noun phrase ("pre-built templates",
    "AI-generated product images"), not one followed by a clause ("Merkle-chained so tampering")."""
    head = token.head
    if token.dep_ not in ("amod", "compound") or head.i <= token.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return all(t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") for t in token.doc[token.i + 1 : head.i])


def compound_start(tokens: Sequence[Any], k: int) -> int:
    """Index of the first piece of a hyphen compound that ends in, or stands right before, token
    `k` ("auto-sorted", "end-to-end encrypted"); `k` when there is none."""

    def joined_on_left(i: int) -> bool:  # "-" then this piece, with no space on either side
        return i >= 2 and tokens[i - 1].text == "-" and not tokens[i - 1].whitespace_ and not tokens[i - 2].whitespace_

    i = k if joined_on_left(k) else k - 1
    if not joined_on_left(i):
        return k
    while joined_on_left(i):
        i -= 2
    return i


_DEGREE = frozenset(["very", "too", "so", "extremely", "quite", "really", "rather", "fairly", "pretty"])


def _un_adjective(word: str) -> bool:
    """ "unchanged", "untouched", "unused": an un- participle of no verb (there is no "to unchange")
    is an adjective; "unlocked", "undone", "unzipped" come from verbs and can make a passive."""
    if not word.startswith("un") or word.startswith("under") or len(word) < 6:
        return False
    stems = {word[:-1], word[:-2]}
    if word.endswith("ed") and len(word) > 5 and word[-3] == word[-4]:
        stems.add(word[:-3])  # "unzipped" -> "unzip"
    return not any(zipf(stem) >= 2.0 for stem in stems)


def _adjective_reading(token: Any, tokens: Sequence[Any], k: int) -> bool:
    """A participle read as an adjective: graded ("very frustrated", "sophisticated enough") or an
    un- word that no verb makes ("are unchanged")."""
    if _un_adjective(token.lower_):
        return True
    before = tokens[k - 1].lower_ if k > 0 else ""
    after = tokens[k + 1].lower_ if k + 1 < len(tokens) else ""
    return before in _DEGREE or after == "enough"


def _opens_question_subject(aux: Any, token: Any) -> bool:
    """ "Are shared links secure?": in a yes/no question the subject stands between the inverted
    auxiliary and its participle, so a participle right after a question's opening auxiliary, before
    a noun or an adjective, describes that subject ("shared links"); it is no passive."""
    sent = token.sent
    if token.i != aux.i + 1 or token.i + 1 >= sent.end or sent[-1].text != "?":
        return False
    if any(t.is_alpha and not _QUESTION_LABEL.fullmatch(t.text) for t in token.doc[sent.start : aux.i]):
        return False
    return token.doc[token.i + 1].pos_ in ("NOUN", "PROPN", "ADJ")


# A question's own label before it ("Q:", "Q3.").
_QUESTION_LABEL = re.compile(r"[Qq]\d*")


def _perfect_has(aux: Any, participle: Any) -> bool:
    """ "it's given landlords a way", "a repo that's grown unwieldy", "that's felt like": a
    contracted "'s" that stands for "has", read from what follows the participle (two objects, a
    linking verb's complement, "like"); the parser takes every "'s" before a participle for "is".
    One object says nothing: "It's discovered one question at a time" is a passive, and so are
    "it's called Sift", "it's sent to your manager"."""
    if aux.lower_ not in ("'s", "’s"):
        return False
    following = participle.nbor(1) if participle.i + 1 < len(participle.doc) else None
    if following is not None and following.lower_ == "like" and participle.lemma_.lower() in _LINKING:
        return True  # "that's felt like", "it's looked like"
    children = list(participle.children)
    if any(c.dep_ == "dative" and c.pos_ != "ADP" for c in children):
        return True  # "it's given landlords a way"; not "it's sent to your manager" (a "to" phrase)
    if any(c.dep_ in ("acomp", "oprd") for c in children):
        # "a repo that's grown unwieldy", "it's kept users safe"; not "it's considered harmful",
        # "it's kept private", "it's called Sift": passives of verbs that take a complement.
        return participle.lemma_.lower() in _LINKING or any(c.dep_ == "dobj" for c in children)
    return False


# Verbs whose complement describes their subject ("has grown unwieldy", "has proven popular",
# "has felt like").
_LINKING = frozenset("grow become prove turn go get remain stay seem look feel sound".split())


def is_infinitive(aux: Any) -> bool:
    """ "to be heard": the auxiliary is a bare be/get after "to"."""
    return aux.lower_ in ("be", "get") and any(
        c.lower_ == "to" or c.tag_ == "TO" for c in aux.head.children if c.i < aux.i
    )


def passive_clauses(
    span: Any, lists: PassiveLists = DEFAULT_PASSIVE, *, infinitives: bool = True
) -> Iterator[tuple[Any, Any]]:
    """(auxiliary, participle) for every passive clause of a spaCy span.

    A passive is a form of *be* or *get* followed by a past participle, with only adverbs or
    negation between them ("is never quietly deleted", "gets played", "are getting overcharged",
    "was born", "get stuck"). The parse's ``auxpass`` arc is used when present; the sequence test
    catches what the small parser misses. Reduced participles ("designed for gym owners"),
    predicate adjectives ("is free") and set phrases ("is based in", "get started") are not
    passives; "is used to store keys" is, "is used to it" is not. Infinitive passives ("to be
    determined", "let yourself be heard") count when `infinitives` is true, as the labelling
    guide's example does; hyphen-joined auxiliaries ("Job-to-be-Done") are not clauses.
    """
    seen: set[int] = set()
    tokens = list(span)
    for k, token in enumerate(tokens):
        if token.i in seen or not _participle(token, lists) or token.lemma_.lower() in ("be", "have"):
            continue
        lower = token.lower_
        if k + 2 < len(tokens) and tokens[k + 1].text == "-" and not token.whitespace_:
            particle = tokens[k + 2].pos_ in ("ADP", "PART") or tokens[k + 2].dep_ == "prt"
            if not particle or lower in lists.compound_heads:
                # The first piece of a compound ("co-founded", "re-used"), or an adjective made of
                # a participle and a particle ("built-in", "made-up"); "signed-off" is a participle.
                continue
        first = compound_start(tokens, k)
        piece = tokens[first].lower_
        if first < k and (
            piece in lists.compound_prefixes or (lower in lists.compound_heads and piece not in lists.verb_prefixes)
        ):
            continue  # an adjective, whatever the parse says: "is self-hosted", "are hand-made"
        # The auxiliary comes first ("is built"); the small parser sometimes hangs a later clause's
        # verb on a fronted participle ("Built in Phoenix, Platform One is rugged").
        aux = next(
            (c for c in token.children if c.dep_ == "auxpass" and c.i < token.i and _aux_lemma(c) in ("be", "get")),
            None,
        )
        if aux is None:
            if first < k:  # "are auto-sorted", "is end-to-end encrypted"
                if _describes_noun(token):
                    continue  # "there are pre-built templates": the compound describes a noun
                # Between the auxiliary and the compound only "not" and adverbs of time or focus
                # ("are only re-bundled"); a manner or degree adverb makes it an adjective ("is
                # completely self-hosted", "is intentionally host-centered").
                j = first - 1
                while j >= 0 and (
                    tokens[j].dep_ == "neg"
                    or (tokens[j].pos_ == "ADV" and (not tokens[j].lower_.endswith("ly") or tokens[j].lower_ == "only"))
                ):
                    j -= 1
            else:  # Walk left over adverbs and "not" to an auxiliary be/get.
                j = k - 1
                while j >= 0 and tokens[j].pos_ in ("ADV", "PART") and tokens[j].lower_ != "to":
                    j -= 1
            # A possessive "'s" ("today's fast-paced world") is no auxiliary.
            if (
                j >= 0
                and tokens[j].tag_ != "POS"
                and (_aux_lemma(tokens[j]) in ("be", "get") or tokens[j].lower_ in _BE)
            ):
                candidate = tokens[j]
                if _aux_lemma(candidate) == "get" and any(
                    t.dep_ != "neg" and not t.lower_.endswith("ly") for t in tokens[j + 1 : k]
                ):
                    continue  # "help users get more done": "more" is what gets done, no passive
                if (
                    _aux_lemma(candidate) == "be"
                    and token.tag_ != "VBN"
                    and lower not in lists.stative
                    and not _adjectival_participle(token, lists)
                ):
                    continue
                aux = candidate
        if aux is None or _hyphen_joined(aux) or _perfect_has(aux, token):
            continue
        is_get = _aux_lemma(aux) == "get"
        if (
            lower in lists.exempt
            and not (is_get and lower == "lost")
            and not (lower == "left" and any(c.lower_ == "with" for c in token.children))
        ):
            continue  # "what's left" is an adjective; "are left with a choice" is a passive
        if is_get and lower in lists.get_exempt:
            continue
        if lower in _DEVOTION and _devoted_someone(token):
            continue  # "we are committed to", "Acme is dedicated to"; "secrets are never committed to git" stays
        if lower in ("lost", "stuck") and not is_get and _aux_lemma(aux) != "be":
            continue
        if not infinitives and is_infinitive(aux):
            continue
        if _adjective_reading(token, tokens, k) or _opens_question_subject(aux, token):
            continue
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        after = token.nbor(2) if token.i + 2 < len(token.doc) else None
        if lower == "based" or (nxt is not None and f"{lower} {nxt.lower_}" == "supposed to"):
            continue
        if lower == "used" and nxt is not None and nxt.lower_ == "to" and (after is None or after.tag_ != "VB"):
            continue  # "is used to it" (accustomed); "is used to store keys" stays a passive
        seen.add(token.i)
        yield aux, token


def passive_in(sentence: Sentence, lists: PassiveLists = DEFAULT_PASSIVE) -> tuple[tuple[int, int], ...]:
    """(auxiliary, participle) token indices of a sentence's passive clauses, remembered."""
    if sentence.span is None:
        return ()
    return memo.PASSIVE_CLAUSES.remember(
        sentence.unit,
        lambda: tuple((a.i, v.i) for a, v in passive_clauses(sentence.span, lists)),
        lists.key,
        sentence.start,
    )


# ----------------------------------------------------------------------------------------------
# Weasel words (WB601): the rule's word lists with context exceptions
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeaselGroup:
    kind: str  # quantifier, frequency, intensifier, hedge, authority, peacock, easy, speed, superlative
    name: str  # as the message says it
    advice: str


@dataclass(frozen=True, slots=True)
class WeaselTable:
    """The weasel rule's options compiled: its groups, exceptions and context word lists."""

    key: str
    pattern: re.Pattern[str]
    groups: Mapping[str, WeaselGroup]  # normalised phrase -> its group
    exceptions: re.Pattern[str]
    approximators: frozenset[str]
    permission_subjects: frozenset[str]
    permission_verbs: frozenset[str]
    prediction_verbs: frozenset[str]
    suggestion_verbs: frozenset[str]
    first_facts: frozenset[str]
    skip_questions: bool
    distinct_nouns: frozenset[str] = frozenset()
    selection_verbs: frozenset[str] = frozenset()
    measure_superlatives: frozenset[str] = frozenset()
    market_scopes: frozenset[str] = frozenset()
    size_words: frozenset[str] = frozenset()
    scale_levels: frozenset[str] = frozenset()
    granting_verbs: frozenset[str] = frozenset()
    granted_acts: frozenset[str] = frozenset()


def weasel_table(options: Mapping[str, Any], vocabulary: Vocabulary = NO_VOCABULARY) -> WeaselTable:
    """The weasel rule's effective options as a `WeaselTable` (terms the vocabulary accepts and
    ``accept-words`` are left out; ``extend-words`` join with ``extend-advice``)."""
    groups: dict[str, WeaselGroup] = {}
    for group in options.get("groups", ()):
        name = str(group.get("name", ""))
        found = WeaselGroup(str(group.get("kind", name)), name, str(group.get("advice", "")))
        for word in group.get("words", ()):
            groups.setdefault(normal_phrase(word), found)
    extra = WeaselGroup("listed", "listed", str(options.get("extend-advice", "say it precisely")))
    for word in options.get("extend-words", ()):
        groups.setdefault(normal_phrase(word), extra)
    for word in (*options.get("accept-words", ()), *vocabulary.accepted):
        groups.pop(normal_phrase(word), None)
    exceptions = _words(options.get("exceptions", ()))

    def words(key: str) -> frozenset[str]:
        return _words(options.get(key, ()))

    lists = {
        "approximators": words("approximators"),
        "permission_subjects": words("permission-subjects"),
        "permission_verbs": words("permission-verbs"),
        "prediction_verbs": words("prediction-verbs"),
        "suggestion_verbs": words("suggestion-verbs"),
        "first_facts": words("first-facts"),
        "distinct_nouns": words("distinct-nouns"),
        "selection_verbs": words("selection-verbs"),
        "measure_superlatives": words("measure-superlatives"),
        "market_scopes": words("market-scopes"),
        "size_words": words("size-words"),
        "scale_levels": words("scale-levels"),
        "granting_verbs": words("granting-verbs"),
        "granted_acts": words("granted-acts"),
    }
    key = _digest(
        sorted((w, g.kind, g.name, g.advice) for w, g in groups.items()),
        sorted(exceptions),
        {k: sorted(v) for k, v in lists.items()},
        bool(options.get("skip-questions", False)),
    )
    return WeaselTable(
        key,
        _pattern(frozenset(groups)),
        groups,
        _pattern(exceptions),
        skip_questions=bool(options.get("skip-questions", False)),
        **lists,
    )


@lru_cache(maxsize=1)
def default_weasel_table() -> WeaselTable:
    return weasel_table(rule_defaults(WEASEL_RULE))


@dataclass(frozen=True, slots=True)
class WeaselTerm:
    """A weasel word: `unit.text[start:end]`, its group and its tokens."""

    start: int
    end: int
    text: str
    group: WeaselGroup
    tokens: tuple[int, ...]


def weasel_terms(sentence: Sentence, table: WeaselTable) -> tuple[WeaselTerm, ...]:
    """The weasel words of a sentence after the exceptions, remembered with its analysis."""
    if sentence.span is None:
        return ()
    return memo.WEASEL_TERMS.remember(
        sentence.unit, lambda: tuple(_weasel_terms(sentence, table)), table.key, sentence.start
    )


class _Numbers(set[int]):
    """The data numbers of a sentence (token indices, see `_data_numbers`), with the questions
    the weasel exceptions ask of them answered in time that does not grow with the count of
    listed words (a sentence of 700 "many" asked 700 times about one long clause)."""

    def __init__(self, ids: Iterable[int]) -> None:
        super().__init__(ids)
        self._sorted = sorted(self)
        self._clauses: dict[int, bool] = {}

    def near(self, index: int, distance: int) -> bool:
        """A number within `distance` tokens of token `index`."""
        at = bisect.bisect_left(self._sorted, index - distance)
        return at < len(self._sorted) and self._sorted[at] <= index + distance

    def in_clause(self, token: Any) -> bool:
        """A number in the clause of `token`, not in the clauses nested in it."""
        head = clause_of(token)
        if head.i not in self._clauses:
            self._clauses[head.i] = any(t.i in self for t in clause_tokens(head, _NESTED_CLAUSES))
        return self._clauses[head.i]

    def timed(self, token: Any) -> bool:
        """The time a claim of speed takes, given beside it: a figure with its unit of time after
        "in", "within", "under" or "than", on the same word as the claim ("replies arrive
        instantly, within 300 ms"), or written with its unit ("instant playback with sub-500ms
        latency"), within a few words. Not a frequency or a window of data ("instant alerts 24
        hours a day", "quickly processes 3 days of sales data"), nor another clause's time
        ("confirmed instantly and ships within 2 days")."""
        doc = token.doc
        for t in clause_tokens(clause_of(token), _NESTED_CLAUSES):
            if abs(t.i - token.i) > _TIMED_WITHIN:
                continue
            if _TIMED_FIGURE.fullmatch(t.text):
                return True
            if (
                t.i in self
                and t.i + 2 < len(doc)
                and doc[t.i + 1].text == "-"
                and _SHORT_TIME.fullmatch(doc[t.i + 2].text)
            ):
                # "Rapid 30-Second Batch Entry", "a quick 5-minute setup" (round 45 of the user
                # trials); not days or months, a window or a term ("a 30-day money-back guarantee").
                return True
            unit = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if (
                t.i in self
                and unit is not None
                and _TIME_UNIT.fullmatch(unit.text.rstrip("."))
                and _time_taken(unit, token)
            ):
                return True
        return False


def _time_taken(unit: Any, claim: Any) -> bool:
    """Whether a unit of time is the object of "in", "within", "under", "than" or "below" ("in
    under 2 hours", "within 300 ms") on the claim's own word or the word it qualifies."""
    current, taken = unit, False
    while current.dep_ in ("pobj", "prep", "pcomp") and current.head.i != current.i:
        taken = taken or (current.dep_ == "prep" and current.lower_ in _TIME_TAKEN)
        current = current.head
    # "gives instant answers within 2 h": an adjective's time is on the verb of its noun.
    anchors = (claim.i, claim.head.i, claim.head.head.i if claim.dep_ == "amod" else claim.i)
    return taken and current.i in anchors


_NESTED_CLAUSES = ("ccomp", "advcl", "relcl", "conj", "parataxis")
# Units of time a figure is given in ("500 ms", "30 seconds"), and a figure written with its unit
# ("500ms", "sub-500ms", "2h"; not "30s", which may be a decade).
_TIME_UNIT = re.compile(r"ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?", re.I)
_SHORT_TIME = re.compile(r"ms|milliseconds?|secs?|seconds?|mins?|minutes?|hrs?|hours?", re.I)
# Words before the time a thing takes: "in 2 hours", "within 300 ms", "under 5 minutes", "less than a day".
_TIME_TAKEN = frozenset(("in", "within", "under", "than", "below"))
# At most this many words between a claim of speed and the time it takes.
_TIMED_WITHIN = 10
_TIMED_FIGURE = re.compile(r"(?:sub-|under-|[~<>≈])?\d+(?:[.,]\d+)?(?:ms|sec|secs|min|mins|h|hr|hrs)", re.I)


_DIGIT_START = re.compile(r"^[~$€£¥<>≈+-]?\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_VERSION = re.compile(r"v?\d+(?:\.\d+){1,3}")


def _amount(token: Any) -> bool:
    """A money amount or a percentage: "$2.50", "2.5%"."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (before is not None and before.is_currency) or (
        after is not None and after.lower_ in ("%", "percent", "x", "×")
    )


def _data_numbers(span: Any) -> set[int]:
    """Tokens that are numbers measuring something (digits, or spelled counts of a noun)."""
    result = set()
    for t in span:
        if not (t.like_num or _DIGIT_START.match(t.text)):
            continue  # "cdk8s", "S3": identifiers, not numbers
        if t.lower_ in ("one", "zero") and t.dep_ != "nummod":
            continue  # "one of", "zero" as a list item
        counts = t.dep_ == "nummod" and t.head.pos_ == "NOUN"  # "2024 customers", "2.5 hours"
        if _YEAR.fullmatch(t.text) and not counts:
            continue  # a year on its own ("in 2024")
        if _VERSION.fullmatch(t.text) and not (counts or _amount(t)):
            continue  # a version ("Python 3.11", "v2.1")
        if t.lower_ in ("hundreds", "thousands", "millions", "billions", "dozens"):
            continue  # magnitude words are not data
        result.add(t.i)
    return result


def _up_the_tree(token: Any, steps: int) -> Iterator[Any]:
    current = token
    for _ in range(steps):
        yield current
        if current.head is current:
            return
        current = current.head


def _past_event(token: Any) -> bool:
    """The word modifies a verb in the simple past, active or passive: a factual account
    ("recovered in seconds", "was detected in seconds"), not a claim about the product."""
    for current in _up_the_tree(token, 4):
        if current.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" for c in current.children):
                return False  # "has recovered", "will be detected"
            if current.tag_ == "VBD":
                return True
            return current.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in current.children)
    return False


def _instant_in_time(token: Any) -> bool:
    """ "a single injected instant", "for the same team and instant": the noun, a point in time
    (not "in an instant", which claims speed)."""
    if token.pos_ != "NOUN" or token.dep_ in ("amod", "compound", "advmod"):
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN"):
        return False  # "instant updates": it qualifies a noun (the parse may call it one)
    if [t.lower_ for t in doc[max(0, token.i - 2) : token.i]] == ["in", "an"]:
        return False
    return token.dep_ == "conj" or any(c.dep_ in ("det", "amod") for c in token.children)


def _rating_label(token: Any, span: Any) -> bool:
    """A capitalised peacock word among capitalised conjuncts inside a sentence in lower case
    ("is rated Excellent, Good, Poor, or Bad"; "as Good, Moderate, Unhealthy, or Very Unhealthy"):
    the names of a rating's levels. In a Title Case
    headline ("Fast, Simple and Secure Payments") the capitals say nothing."""
    if token.is_sent_start or not token.text[:1].isupper() or token.text.isupper():
        return False
    head = token.head
    if token.dep_ == "advmod" and head.i == token.i + 1 and head.text[:1].isupper() and not head.text.isupper():
        # "Unhealthy, or Very Unhealthy": the intensifier is part of a level's name when the level
        # stands in the list without it too ("High, Very High"), not in "Incredibly Fast, Secure".
        if not any(t.text == head.text for t in head.conjuncts if t.i != head.i):
            return False
        token = head
    others = [t for t in token.conjuncts if t.i != token.i]
    if len(others) < 2 or not all(t.text[:1].isupper() for t in others):
        return False
    listed = {token.i, *(t.i for t in others)}
    rest = [t for t in span if t.i not in listed and t.is_alpha and len(t) >= 4]
    return sum(t.text[0].isupper() for t in rest) <= len(rest) / 2


def _rating_cell(span: Any, token: Any, levels: frozenset[str]) -> bool:
    """A line of at most three words that is an intensified level of a scale ("Very High",
    "Highly likely"): a rating in a table, not a claim."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    return len(words) <= 3 and token.head.lower_ in levels and token.head.i != token.i


def _figure_follows(span: Any, last: Any, *, measure: bool = False) -> bool:
    """Whether a parenthesis right after the word (or the word it qualifies) gives a number:
    "very quickly (less than 48 hours)", "fast (under 2 s)". With `measure`, a percentage or a
    multiple ("Perfect schemas (100% accuracy)", "(3x faster)"), not a name's digits, a count or a
    year ("lightning-fast (built on Tauri v2)", "world-class support (launched in 2023)")."""
    doc = span.doc
    i = last.i + 1
    if last.dep_ in ("amod", "compound") and last.i < last.head.i < min(span.end, last.i + 4):
        i = last.head.i + 1  # "Perfect schemas (100% accuracy)": past the noun it qualifies
    elif i < span.end and doc[i].pos_ in ("ADV", "ADJ") and doc[i].text != "(":
        i += 1  # "very quickly (...)": past the qualified word
    if i >= span.end or doc[i].text != "(":
        return False
    for t in doc[i + 1 : min(span.end, i + 10)]:
        if t.text == ")":
            return False
        if measure and (
            (t.text in ("%", "x", "×") and doc[t.i - 1].like_num) or re.fullmatch(r"\d[\d.,]*[%x×]", t.lower_)
        ):
            return True  # "(100% accuracy)", "(3x faster)": a measure, not "(iOS 17)" or "(12 people)"
        if not measure and (t.like_num or any(c.isdigit() for c in t.text)):
            return True
    return False


def _under_lack(token: Any) -> bool:
    """ "lacks the ability to easily share": a complaint, not a claim; "not ideal", "less ideal":
    the word denied or lessened."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("less", "least")) for c in token.children):
        return True
    return any(
        current.lemma_.lower() in ("lack", "miss", "without")
        or (current.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in current.children))
        for current in _up_the_tree(token, 5)
    )


def _denied(token: Any) -> bool:
    """A negation before the word on the word itself, on the word it modifies, or on the verb
    that word completes ("doesn't instantly rewire", "are not immediately apparent"); not one in
    another clause ("never crashes and syncs instantly") nor one after it ("in seconds, not hours")."""
    own = token.head
    holders = [token, own]
    if own.dep_ in ("acomp", "xcomp") or own.pos_ == "ADJ":
        holders.append(own.head)
    return any(c.dep_ == "neg" and c.i < token.i for holder in holders for c in holder.children)


def is_title_case(span: Any) -> bool:
    """A headline in Title Case: most words of four letters or more start with a capital, not
    counting the names in parentheses ("Additional language bindings (Java, Ruby, Swift)"); in a
    sentence that ends with a full stop, all of them ("Kettle Brings Swift Checkout to Every
    Bakery."; "The app is written in Swift and Kotlin." is prose)."""
    tokens = [t for t in span if not t.is_space]
    depth, words = 0, []
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")")
        # Style guides keep short function words in lower case ("from", "with", "into").
        if depth <= 0 and t.is_alpha and len(t) >= 4 and not (t.is_stop and t.text.islower()):
            words.append(t)
    if len(words) < 2:
        return False
    share = sum(t.text[0].isupper() for t in words) / len(words)
    return share == 1.0 if len(tokens) > 1 and tokens[-1].text == "." else share > 0.6


_EXAMPLE_PARENTHESIS = re.compile(r"\(\s*(?:e\.g\.|i\.e\.|eg|ie|for example|such as)", re.IGNORECASE)


def _in_parenthetical_example(text: str, offset: int) -> bool:
    """Inside "(e.g., highly relevant, relevant, irrelevant)": a label named, not a claim."""
    opening = text.rfind("(", 0, offset)
    return opening >= 0 and text.find(")", opening) > offset and _EXAMPLE_PARENTHESIS.match(text, opening) is not None


def _weasel_terms(sentence: Sentence, table: WeaselTable) -> Iterator[WeaselTerm]:
    span = _Tokens(sentence.span)
    text = span.text
    if not table.groups:
        return
    question = text.rstrip().rstrip('"”').endswith("?")
    if question and table.skip_questions:
        return
    offsets = _offsets(span)
    excepted = [m.span() for m in table.exceptions.finditer(text)]
    placeholder = _placeholders(sentence, offsets)
    numbers = _Numbers(_data_numbers(span))
    title_case = is_title_case(span)
    for m in table.pattern.finditer(text):
        word = normal_phrase(m.group(0))
        group = table.groups.get(word)
        if group is None or any(s <= m.start() < e or s < m.end() <= e for s, e in excepted):
            continue
        tokens = _tokens_in(offsets, *m.span())
        if not tokens or _excused(span, text, word, group.kind, tokens, table, numbers, question, title_case):
            continue
        if tokens[0] in placeholder:
            continue
        yield WeaselTerm(sentence.start + m.start(), sentence.start + m.end(), m.group(0), group, tokens)
    # A misspelt listed word is still the word ("exetremely").
    for t in span:
        meant = likely_typo(t.lower_) if t.is_alpha and len(t) >= TYPO_MIN_LETTERS else None
        group = table.groups.get(meant) if meant is not None else None
        if group is None or t.i in placeholder:
            continue
        start = t.idx - span.start_char
        if any(s <= start < e for s, e in excepted):
            continue
        if _excused(span, text, meant, group.kind, (t.i,), table, numbers, question, title_case):
            continue
        yield WeaselTerm(sentence.start + start, sentence.start + start + len(t), t.text, group, (t.i,))


def _acronym_not_adjective(tok: Any, text: str) -> bool:
    """A peacock word in capitals in a noun's place ("SWIFT costs us", "replaces SWIFT", "SWIFT
    integration") in a sentence that is not shouted: an acronym or a name. "AMAZING results" and
    "It IS AWESOME" still praise."""
    return len(tok.text) >= 3 and tok.text.isupper() and tok.dep_ in _NOUN_PLACES and not _mostly_capitals(text)


def _model_name_word(tok: Any, span: Any, text: str) -> bool:
    """A word in capitals right after a name's model number ("RTX 4080 SUPER", "Galaxy S24
    ULTRA") in a sentence that is not shouted: part of the product's name, not emphasis. "costs
    $5 VERY often", "100% SUPER fast" and "Home 3 HUGELY reduces" still emphasise (no name before
    the number, an adverb, or a word that qualifies what follows)."""
    if not (tok.text.isupper() and len(tok.text) >= 3 and tok.i > span.start + 1) or _mostly_capitals(text):
        return False
    if tok.text.endswith("LY"):
        return False
    doc = tok.doc
    number, name = doc[tok.i - 1], doc[tok.i - 2]
    following = doc[tok.i + 1] if tok.i + 1 < span.end else None
    return (
        any(c.isdigit() for c in number.text)
        and number.text.isalnum()
        and name.is_alpha
        and (name.pos_ == "PROPN" or name.text.isupper())
        and not (following is not None and following.pos_ in ("ADJ", "ADV", "VERB", "AUX"))
    )


_NOUN_PLACES = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos"))
# Where an adjective after "the" stands for the people it describes ("the powerful", "the curious").
_PEOPLE_PLACES = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "dative"))


_POINTING = frozenset(("the", "these", "those", "our", "my", "its", "their", "both"))


def _names_the_studies(tok: Any) -> bool:
    """Whether "studies show" (or "studies suggest" ...) speaks of particular studies: a word that
    points at them before it ("the studies show", "our studies show"), or one before the noun that
    names their kind ("the case studies show"); not "Industry studies show" or "Studies show"."""
    if not tok.lower_.startswith("stud") or tok.i == 0:
        return False
    doc = tok.doc
    before = doc[tok.i - 1]
    if before.lower_ in _POINTING:
        return True
    return before.pos_ == "NOUN" and tok.i > 1 and doc[tok.i - 2].lower_ in _POINTING


def _excused(
    span: Any,
    text: str,
    word: str,
    kind: str,
    tokens: tuple[int, ...],
    table: WeaselTable,
    numbers: _Numbers,
    question: bool,
    title_case: bool,
) -> bool:
    """Whether the context excuses a listed word (a name, a lack, a fact, a number, permission...)."""
    doc = span.doc
    tok, last = doc[tokens[0]], doc[tokens[-1]]
    nxt = doc[last.i + 1] if last.i + 1 < span.end else None
    if _in_parenthetical_example(text, tok.idx - span.start_char):
        return True
    if kind == "authority" and tok.i > span.start and _names_the_studies(tok):
        return True  # "the instinct the case studies show", "our studies show": studies the text names
    if (
        tok.text[:1].isupper()
        and (kind == "peacock" or not tok.text.isupper())
        # The tagger may call a capitalised name an adjective ("React Native and Swift apps").
        and (
            tok.pos_ == "PROPN"
            # ... after a word, not after an opening quotation mark ('"Best company this side'),
            # where any sentence's first word has its capital
            or (tok.pos_ in ("ADJ", "NOUN") and not tok.text.isupper() and tok.i > 0 and doc[tok.i - 1].is_alpha)
        )
        and not tok.is_sent_start
        and not (tok.i > span.start and doc[tok.i - 1].text in (":", "—", "–"))  # "Flexibility: Seamless ..."
        and not title_case
    ):
        return True  # "Swift", "SWIFT", "an app called Ultimate": a name ("VERY", "MANY" are emphasis)
    if (
        kind == "peacock"
        and tok.pos_ == "VERB"
        and any(c.dep_ == "dobj" for c in tok.children)
        and tok.lower_ in known_lemmas(doc, "adj")
    ):
        return True  # "to perfect the system": an adjective's form as a verb with its object, not praise
    if (
        kind == "peacock"
        and tok.pos_ == "ADJ"
        and tok.tag_ != "JJS"  # "the finest" is praise
        and tok.dep_ in _PEOPLE_PLACES
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        # "the ultimate in convenience" (the parser may hang "in" on the verb)
        and not any(c.dep_ == "prep" for c in tok.children)
        and (nxt is None or nxt.lower_ not in ("in", "of", "at", "for"))
    ):
        return True  # "disclosure binds the powerful": people an adjective names, no praise
    if kind == "peacock" and _acronym_not_adjective(tok, text):
        return True  # "SWIFT costs us $120K a year": the bank network, at the start of a sentence
    if _model_name_word(tok, span, text):
        return True  # "RTX 4080 SUPER", "Galaxy S24 ULTRA": a word of a model's name after its number
    if tok.dep_ == "amod" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.head.children):
        return True  # "no comprehensive tests": a lack, not a claim
    if word == "some" and tok.tag_ != "DT":
        return True
    if word == "most" and (tok.tag_ != "JJS" or tok.dep_ == "advmod"):
        return True  # "most teams" counts, "most important" is a superlative ("the most")
    if word == "most" and tok.dep_ in ("dobj", "npadvmod") and (nxt is None or nxt.lower_ != "of"):
        return True  # "what we need most": how much, after the verb (the tagger's object); "most of" counts
    if word == "the most" and (nxt is None or nxt.pos_ not in ("ADJ", "ADV")):
        return True
    if word in ("the first", "the only") and not _first_claim(tok, nxt, table):
        return True
    if word == "leading" and not (
        tok.dep_ == "amod"
        and tok.i > span.start
        and doc[tok.i - 1].lower_ in ("a", "the", "industry", "market", "world's", "one")
    ):
        return True
    if word == "the best" and nxt is not None and any(c.dep_ in ("acl", "relcl", "xcomp") for c in nxt.children):
        return True  # "the best music to play": a selection, not a claim
    if word == "best" and tok.dep_ not in ("amod", "ROOT", "attr", "nsubj", "dobj") and tok.tag_ != "JJS":
        return True
    if (word == "the most" or word in table.measure_superlatives) and _selection_criterion(doc[tokens[-1]], nxt, table):
        return True  # "routes each order to the cheapest carrier": how it chooses, not a claim
    if word in ("may", "might", "should") and not _hedging_modal(tok, word, table, numbers, question):
        return True
    if kind in ("peacock", "easy") and _under_lack(tok):
        return True
    if kind == "speed" and _denied(tok):
        return True  # "doesn't instantly rewire it": denied; "in seconds, not hours" is the claim
    if kind == "speed" and _past_event(tok):
        return True  # "the service recovered in seconds": an account of what happened, not a claim
    if kind == "speed" and tok.i > span.start and doc[tok.i - 1].lower_ == "available":
        return True  # "available immediately": when it launches, not how fast it works
    if kind == "speed" and numbers.timed(tok):
        return True  # "Instant playback with sub-500ms latency": the time it takes, as the advice asks
    if word in ("many", "much") and _equative(span, tok):
        return True  # "to help as many job seekers as possible": a comparison, no vague count
    if word.startswith("much ") and tok.i > span.start and doc[tok.i - 1].lower_ in ("not", "n't", "never", "no"):
        return True  # "buying a used one is not much better": a lack, not a claim
    if word == "unique" and _names_distinct(tok, table):
        return True  # "a unique QR code", "unique visitors": one of its own, not a claim
    if word == "instant" and (tok.dep_ == "compound" or _instant_in_time(tok)):
        return True  # "instant messaging"; "a single injected instant": a point in time, not a speed
    if kind in ("peacock", "intensifier") and _rating_label(tok, span):
        return True  # "rated Excellent, Good, Poor or Bad", "... or Very Unhealthy": a scale's levels
    if kind == "intensifier" and _rating_cell(span, tok, table.scale_levels):
        return True  # a risk table's "Very High": a level of a scale, not a claim
    if kind in ("intensifier", "speed", "easy") and _figure_follows(span, last):
        return True  # "very quickly (less than 48 hours)": the figure is there
    if kind == "peacock" and _figure_follows(span, last, measure=True):
        return True  # "Perfect schemas (100% accuracy)": the figure is there
    if word == "fairly" and tok.head.pos_ in ("VERB", "AUX"):
        return True  # "split the bill fairly": how it is done (in a fair way), not "fairly easy"
    if (
        word in ("easy", "easier", "easily")
        and tok.head.lemma_ == "be"
        and any(c.dep_ == "neg" for c in tok.head.children)
    ):
        return True  # "is not easy": a difficulty
    if word in table.size_words and numbers and (numbers.near(tok.i, 8) or numbers.in_clause(tok)):
        return True  # "A massive outage took the site down for three hours": the number says how big
    if word in table.approximators and numbers:
        return True  # "approximately 14,000", "typically ... in less than 60 minutes"
    if kind == "frequency" and _RATE.match(span.doc[tok.i + 1 : min(tok.i + 5, len(span.doc))].text):
        return True  # "audited often once a month or quarter": the rate is stated (round 55)
    return (
        kind in ("quantifier", "hedge", "frequency")
        and word not in ("may", "might", "should")
        and bool(numbers)
        and (numbers.near(tok.i, 8) or numbers.in_clause(tok))
    )  # "a few accounts, possibly with one or two collaborators"


# A rate stated right after a word of frequency: "once a month", "twice per week", "3 times a
# day", "every quarter", "daily".
_RATE = re.compile(
    r"[,(\s]*(?:(?:once|twice|thrice|\d+\s+times|(?:two|three|four|five|several)\s+times)\s+(?:a|an|per|each|every)\s+\w+"
    r"|(?:every|each)\s+(?:\d+\s+)?(?:second|minute|hour|day|night|week|weekend|month|quarter|year|season)s?\b"
    r"|(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually)\b)",
    re.IGNORECASE,
)


def _equative(span: Any, tok: Any) -> bool:
    """ "as many job seekers as possible", "as much data as you need": the word between the two
    "as" of an equative."""
    doc = tok.doc
    if tok.i == span.start or doc[tok.i - 1].lower_ != "as":
        return False
    # The second "as" right after the noun phrase of "many" counts ("as many job seekers as"), not
    # one of another phrase ("As many analysts predicted as early as 2020").
    noun = tok.head if tok.dep_ == "amod" and tok.head.i > tok.i else tok
    # Right after the noun, or after its phrase ("as many of our customers as", "owners in Lisbon as").
    following = {noun.i + 1, noun.right_edge.i + 1}
    return any(i < span.end and doc[i].lower_ == "as" for i in following) or any(
        c.lower_ == "as" and c.dep_ == "prep" and c.i > noun.i for c in noun.children
    )


def _selection_criterion(last: Any, nxt: Any | None, table: WeaselTable) -> bool:
    """Whether a superlative of a measure says what the product chooses: the noun phrase it
    qualifies (or that it is) is the object of a verb of choosing, directly or after "to", "by",
    "over", "through" or "via" ("picks the cheapest path", "retrieves the most similar past
    actions", "routes each order to the cheapest carrier", "sorted by the most recent"), chosen by
    something other than the customer, and not against the whole market ("of any search engine",
    "anywhere", "in the industry", "on the web"): then it is a claim."""
    if not table.selection_verbs:
        return False
    if last.lower_ == "most" and nxt is not None and nxt.pos_ in ("ADJ", "ADV"):
        last = nxt  # "the most similar": the adjective after "most" qualifies the noun
    while last.pos_ == "ADV" and last.head.pos_ == "ADJ" and last.head.i > last.i:
        last = last.head  # "the most contextually similar"
    noun = last.head if last.dep_ == "amod" else last
    while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i:
        noun = noun.head
    phrase = noun
    if noun.dep_ == "pobj" and noun.head.lower_ in _CHOSEN_THROUGH:
        noun = noun.head  # "to the nearest store": the preposition's verb chooses
    elif noun.dep_ != "dobj":
        return False
    verb = noun.head
    if verb.pos_ != "VERB":
        return False
    if any(t.lower_ in table.market_scopes for t in (*phrase.subtree, *verb.children)):
        return False  # "the fastest results of any search engine", "the cheapest flights anywhere"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() in ("customer", "user", "team", "people", "you", "we"):
        return False  # "Customers choose Relay for ...": their choice of the product is the claim
    # Any lemma the word could have: the lemmatizer takes "routes" for a form of "rout".
    lemmas = (lemma_candidates(verb.doc, verb.lower_) or frozenset()) | {verb.lemma_.lower()}
    return bool(lemmas & table.selection_verbs)


_CHOSEN_THROUGH = frozenset(("to", "by", "over", "through", "via"))


def _names_distinct(tok: Any, table: WeaselTable) -> bool:
    """Whether "unique" means distinct, one of its own: it qualifies a noun phrase ending in an
    identifier or a counted thing ("a unique QR code", "its unique HUID", "unique customer visits",
    "Unique ticket IDs"), not a quality ("our unique approach", "is unique")."""
    noun = tok.head
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # "unique QR code": "QR" is a compound of "code"
    if tok.dep_ != "amod" and not (tok.dep_ == "compound" and noun.i > tok.i):
        return False
    return noun.lower_ in table.distinct_nouns or noun.lemma_.lower() in table.distinct_nouns


def _first_claim(tok: Any, nxt: Any | None, table: WeaselTable) -> bool:
    """ "the first tool that ...", "is the only X", "For the first time, teams can ..." claim;
    "the first release of X", "the first 50 patients", "when you sign in for the first time" are facts."""
    if nxt is not None and nxt.lower_ == "time" and _opens_clause(tok):
        # "For the first time I'm watching the game": a person's own experience, no market claim
        return not _said_of_oneself(nxt.head if nxt.head.lower_ == "for" else nxt)
    if nxt is None or nxt.like_num:
        return False
    if nxt.dep_ not in ("compound", "amod") and (
        nxt.lower_ in table.first_facts or nxt.lemma_.lower() in table.first_facts
    ):
        return False  # "the first release of X"; not "the first deployment platform built for ..."
    # The noun phrase's words from the one after "first" to the noun it ends in ("the first web
    # platform built for ..."). A hyphenated modifier describes: "the first end-to-end encrypted
    # protocol", whose pieces the parser often hangs anywhere.
    described = _noun_after_hyphenated(nxt)
    if described is not None:
        phrase = [described]
    else:
        phrase = [nxt if nxt.pos_ in ("NOUN", "PROPN") else nxt.head]
        while phrase[-1].dep_ in ("compound", "amod") and phrase[-1].head.i > phrase[-1].i:
            phrase.append(phrase[-1].head)
    noun = phrase[-1]
    if noun.lower_ in table.first_facts or noun.lemma_.lower() in table.first_facts:
        return False  # "the first free day the operator offered": the noun is a fact's
    children = [c for word in phrase for c in word.children]
    clauses = [c for c in children if c.dep_ in ("relcl", "acl")]
    if any(_about_a_person(clause) for clause in clauses):
        return False  # "the first person who replies YES gets the machine": an order, not a claim
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_ != "be":
        return False  # "the first family to reply gets the lane": who comes first acts, no claim
    if clauses:
        return True  # "the first app built for nurses", "the first store that never closes"
    if any(_part_of_a_whole(c, table) for c in noun.children):
        return False  # "the first piece of a world I've been building": an order within a whole
    if phrase[-1].dep_ == "pobj" and phrase[-1].head.lower_ in _TIME_PREPOSITIONS:
        return False  # "on the first ride", "within the first weeks": a point in time
    return (
        described is not None
        or tok.head.dep_ == "attr"
        or any(c.dep_ == "amod" and c.lower_ not in ("first", "only") for c in children)
    )


def _noun_after_hyphenated(word: Any) -> Any | None:
    """When `word` opens a hyphenated modifier ("end-to-end", "payments-native"), the noun of the
    phrase it modifies, read by position: the last noun of the modifiers and nouns that follow the
    chain ("the first end-to-end encrypted messaging protocol designed for ..." -> "protocol").
    None when the chain is the noun itself ("the first sign-in of the day")."""
    doc = word.doc
    i = word.i
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        i += 2
    if i == word.i:
        return None
    noun = None
    for token in doc[i + 1 :]:
        if token.pos_ in ("NOUN", "PROPN"):
            noun = token
        # Before the noun a participle may be tagged as a past tense ("end-to-end encrypted").
        elif noun is not None or not (token.pos_ == "ADJ" or token.tag_ in ("VBN", "VBG", "VBD")):
            break  # "... protocol designed for": the noun's own clause begins
    return noun


_TIME_PREPOSITIONS = frozenset(("on", "from", "after", "since", "during", "within", "until", "before", "at", "in"))
# "of its kind", "of its size": the noun a claim is measured against, not a whole it is part of.
_CLASS_NOUNS = frozenset(("kind", "type", "sort", "size", "class", "category", "generation"))


def _part_of_a_whole(prep: Any, table: WeaselTable) -> bool:
    """A phrase naming the whole that "the first" orders within: one it comes from ("the first
    single from the ARRANGEMENTS album"), or one of the writer's own ("the first chapter of our
    story", "the first piece of a world I've been building"). Not a class or a market ("the
    first platform of its kind", "the first lock from a major brand", "the first tool of the
    industry"), nor what a claim is made among ("the first pure-Java implementation of the OPAQUE
    protocol")."""
    if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
        return False
    whole = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if whole is None or whole.lemma_.lower() in _CLASS_NOUNS:
        return False
    children = list(whole.children)
    if any(c.dep_ in ("relcl", "acl") and _first_person_clause(c) for c in children):
        return True  # "a world I've been building": the writer's own
    owner = next((c for c in children if c.dep_ == "poss"), None)
    if owner is not None:
        # "our story", "the band's album"; not "of its price range", "of the world's marinas"
        return owner.lower_ != "its" and owner.lower_.removesuffix("'s").removesuffix("’s") not in table.market_scopes
    if prep.lower_ == "of" or whole.pos_ == "PROPN" or not any(c.dep_ == "det" for c in children):
        return False  # "the first sensor from Germany", "from the UK": a place, a market
    if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in children):
        return False  # "the first smart lock from a major brand": a class, the claim's yardstick
    return not any(t.lower_ in table.market_scopes for t in whole.subtree)


def _first_person_clause(clause: Any) -> bool:
    """A clause whose subject is the writer ("I've been building", "we wrote")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in clause.children)


_INDEFINITE = frozenset(("a", "an", "any", "some", "every", "each", "no"))


def _about_a_person(clause: Any) -> bool:
    """A relative clause that opens with "who" or "whom": its noun is a person."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in ("who", "whom")


def _said_of_oneself(phrase: Any) -> bool:
    """Whether the verb a phrase belongs to has "I" for its subject."""
    verb = phrase.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
        verb = verb.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "i" for c in verb.children)


def _opens_clause(the: Any) -> bool:
    """ "For the first time, ..." opening its sentence or a clause ("As a result, for the first
    time ..."), not ending one ("when you sign in for the first time")."""
    doc = the.doc
    if the.i == 0 or doc[the.i - 1].lower_ != "for":
        return False
    before = the.i - 2
    return before < 0 or doc[the.i - 1].is_sent_start or doc[before].is_punct or doc[before].dep_ == "cc"


def _hedging_modal(tok: Any, word: str, table: WeaselTable, numbers: set[int], question: bool) -> bool:
    """ "may", "might", "should" as hedges; not permission ("you may cancel"), a restriction ("may
    only accept"), options beside prices, or a requirement ("secrets should live on the server")."""
    if tok.tag_ != "MD":
        return False
    verb = tok.head
    named = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if named is None and verb.dep_ == "conj" and verb.lemma_.lower() in table.permission_verbs:
        # "The LLM receives the payload and may choose the wording": a choice left to the subject
        # of the verb it is joined to ("... and may save up to 40%" is still a hedge).
        named = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    relative = named is not None and named.tag_ in ("WDT", "WP")
    subject = verb.head if relative and verb.dep_ == "relcl" else named  # "other users that may rate it"
    person = (
        subject is not None
        and subject.lower_ in table.permission_subjects
        and subject.lower_ not in ("we", "it", "they")
    )
    if word == "may" and person and not question:
        return False
    # "Players may choose a room": a choice left to someone, not a hedge ("Teachers may see fewer
    # late essays" still is one).
    chooser = (
        named is not None
        and named.dep_ == "nsubj"  # "QuickSight may be added": a plan, not a choice
        and not relative
        and named.lower_ not in ("we", "it", "this")
        and named.pos_ != "NUM"
    )
    if word == "may" and chooser and verb.lemma_.lower() in table.permission_verbs and not question:
        return False
    if word == "may" and any(c.lower_ == "only" for c in verb.children):
        return False
    if word == "may" and _granted(verb, table.granting_verbs, table.granted_acts):
        return False  # "creators decide who may read it": a permission someone grants
    if word in ("may", "might") and any(c.lower_ == "otherwise" and c.i > tok.i for c in verb.children):
        return False  # "feedback they might otherwise withhold": what would happen without it, no hedge
    if word in ("may", "might") and verb.dep_ == "relcl" and named is not None and not relative and _which(verb.head):
        # "the searches users might perform", "careers they may want to pursue": a clause that says
        # which things are meant, with its own subject; "a tool customers might love" is the claim.
        return False
    if subject is not None and subject.lower_ == "you" and verb.lemma_.lower() in table.suggestion_verbs:
        return False  # "beers you might like": a suggestion to the reader, not a hedged claim
    if word in ("may", "might") and person and numbers:
        return False
    if word == "should" and _wh_complement(verb, tok):
        return False  # "say how it should work", "what it should do": the behaviour intended, no prediction
    return not (word == "should" and (question or verb.lemma_.lower() not in table.prediction_verbs))


# ----------------------------------------------------------------------------------------------
# Jargon terms (WB401)
# ----------------------------------------------------------------------------------------------

RARE_ZIPF = 3.0
# Kinds that make a sentence jargon on their own in the rule measured beside the model.
STRONG_JARGON = ("acronym", "mixed_acronym", "code", "lexicon", "buzzword", "rare")


def _granted(verb: Any, granting: frozenset[str], acts: frozenset[str]) -> bool:
    """Whether "may" asks who is allowed: "who may <act>", an act of access (``granted-acts``:
    read, see, edit, join ...), under a verb of granting whose subject is not "we" or "I"
    (``granting-verbs``: "creators decide who may read it and who may suggest", "you control who
    may see your notes"). Not "who may need a follow-up visit", "who may benefit" (what will
    happen), nor "we have not decided who may join the beta" (the company's open plan)."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "decide who may read it and who may suggest"
    granter = clause.head
    if clause.dep_ not in ("ccomp", "xcomp", "dobj") or granter.lemma_.lower() not in granting:
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in granter.children):
        return False
    if verb.lemma_.lower() not in acts:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "whom"):
        return True
    # "you decide which files the agent may read", "policy answers what it may access": the
    # question is what may be reached, the answer a permission.
    wh_object = any(
        c.dep_ == "dobj" and c.i < verb.i and (c.tag_ in ("WP", "WDT") or any(d.tag_ == "WDT" for d in c.children))
        for c in verb.children
    )
    return wh_object and subject is not None and subject.lower_ not in ("we", "i")


def _wh_complement(verb: Any, modal: Any) -> bool:
    """A clause that a "how" or "what" of its own opens, under a verb outside it ("say how it
    should work", "write down what the agent should do"); not a main clause after a label ("How it
    works: Slipway should help") or "What's more"."""
    if verb.dep_ not in ("ccomp", "xcomp", "dobj", "pcomp", "advcl", "csubj", "acl", "relcl"):
        return False
    return any(c.lower_ in ("how", "what") and c.i < modal.i and c.dep_ != "punct" for c in verb.children)


def _which(noun: Any) -> bool:
    """A noun that a clause picks things out of (plural or definite: "the places", "careers"),
    not one it describes ("a tool")."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return False
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _latin(word: str) -> bool:
    """Whether a word's letters are Latin ("café", "naïve"), whose frequency in English says
    something."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in word if c.isalpha())


def _jargon_terms(
    span: Any,
    tokens: Sequence[Any],
    tech: Mapping[int, str],
    phrases: Mapping[str, tuple[tuple[int, ...], ...]],
    skipped: tuple[frozenset[int], frozenset[int], frozenset[int]],
    weak: frozenset[str],
) -> Iterator[Term]:
    """Jargon candidates with their kind: acronym, mixed_acronym, camel, code, lexicon, buzzword,
    compound (an ordinary-word technical compound), rare and uncommon (rare words), vocab
    (general computing vocabulary). `skipped`: the tokens defined in the sentence, inside
    placeholders, and excluded (accepted terms and product names)."""
    doc = span.doc
    defined, placeholder, excluded = skipped
    base = span.start_char
    where = {t.i: (t.idx - base, t.idx - base + len(t.text), t.is_punct) for t in tokens}
    taken: set[int] = set(excluded)
    for name, kind in (("buzzwords", "buzzword"), ("technical", "lexicon"), ("tech_terms", "lexicon")):
        for hit in phrases[name]:
            if set(hit) & taken or set(hit) & defined or set(hit) & placeholder:
                continue
            taken.update(hit)
            yield Term(kind, hit, " ".join(phrases_of(span, hit, where)))
    for i, why in sorted(tech.items()):
        if i in taken or i in defined or why in ("lexicon", "everyday"):
            continue
        taken.add(i)
        yield Term(why, (i,), doc[i].text)
    for t in tokens:
        if t.i in taken or t.i in defined or t.i in placeholder or (not t.is_alpha and "-" not in t.text):
            continue
        if t.pos_ in ("NOUN", "ADJ", "VERB") and len(t) >= 4 and not t.is_stop and t.ent_type_ not in NAME_ENTITIES:
            if t.text[0].isupper() and not t.text.isupper():
                continue  # a capitalised rare word is a name (the product's, often)
            if t.text.isalpha() and t.text.isupper() and not _ACRONYM.match(t.text):
                continue  # a word in capitals longer than any acronym is a name: "CORKBRICK", "NVIDIA's"
            if not t.text.isascii() and not _latin(t.text):
                continue  # Thai, Cyrillic...: English word frequencies cannot say it is rare
            z = reading_zipf(t)
            if z < RARE_ZIPF:
                taken.add(t.i)
                yield Term("rare" if z < 2.5 and not transparent(t.lower_) else "uncommon", (t.i,), t.text)
    # Noun compounds whose head is a technical noun: "feature store", "context window", "memory layer".
    for t in tokens:
        if t.pos_ == "NOUN" and t.i not in taken and t.lemma_.lower() in weak:
            mods = [
                c
                for c in t.children
                if c.dep_ == "compound"
                and c.i < t.i
                and c.i not in taken
                and c.pos_ in ("NOUN", "PROPN")
                and c.ent_type_ not in NAME_ENTITIES
            ]
            # Only the modifiers right before the head, as written: in "cutting-edge distributed
            # ledger technology" the parse hangs "edge" on "technology", but "edge technology" is
            # not in the text.
            modifiers = {m.i for m in mods}
            run = []
            while t.i - len(run) - 1 in modifiers:
                run.append(t.i - len(run) - 1)
            # With the modifiers' own modifiers written before them: "machine learning library",
            # not "learning library" (the parse hangs "machine" on "learning").
            while run and run[-1] > span.start and _modifies_run(doc[run[-1] - 1], run, taken):
                run.append(run[-1] - 1)
            # Not from the half of a compound written with a hyphen or a slash ("I/O abstraction
            # layer" is no "O abstraction layer").
            if run and not _hyphen_joined(doc[run[-1]], ("-", "/")):
                ids = tuple(sorted([*run, t.i]))
                taken.update(ids)
                yield Term("compound", ids, " ".join(phrases_of(span, ids, where)))
    for t in tokens:
        if (
            t.i not in taken
            and t.i not in defined
            and t.pos_ in ("NOUN", "VERB", "PROPN")
            and t.lemma_.lower() in TECH_WORDS
            and not _names_something(t)
        ):
            taken.add(t.i)
            yield Term("vocab", (t.i,), t.text)


# A word at least this frequent (Zipf) is a common word, not a name, whatever its capital.
_COMMON_ZIPF = 4.0


def _modifies_run(token: Any, run: Sequence[int], taken: Container[int]) -> bool:
    """Whether `token`, right before a compound's modifiers, is a noun that modifies one of them (not
    a common word opening the sentence that the tagger calls a name: "Custom site deployment")."""
    if token.i == token.sent.start and zipf_frequency(token.lower_) >= _COMMON_ZIPF:
        return False
    return (
        token.dep_ == "compound"
        and token.head.i in run
        and token.i not in taken
        and token.pos_ in ("NOUN", "PROPN")
        and token.ent_type_ not in NAME_ENTITIES
    )


def _names_something(token: Any) -> bool:
    """ "A feature called The Real Exchange", "Moody calls it the queue": "call" that gives a name
    (a name, a quotation or an object's predicate follows), not a program's call."""
    if token.lemma_.lower() != "call":
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    named = after is not None and (after.is_quote or (after.text[:1].isupper() and not after.is_sent_start))
    return named or any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in token.children)


def may_hold_jargon(sentence: Sentence, slex: SentenceLexicon) -> bool:
    """Whether a sentence could hold a jargon term, from its words alone (before tagging): a listed
    phrase, a word shaped unlike plain English (capitals inside or after the first word, digits,
    code punctuation), a word rare in every form, or one whose possible lemmas are technical
    words. A sentence of plain common words ("It costs $30 a month.") holds none of the terms
    `_jargon_terms` finds, so the jargon model never needs its parse. Remembered per sentence:
    the language server asks again for every unchanged paragraph after each edit."""
    return memo.MAY_HOLD_JARGON.remember(
        sentence.unit, lambda: _may_hold_jargon(sentence, slex), slex.key, sentence.start, sentence.end
    )


def _may_hold_jargon(sentence: Sentence, slex: SentenceLexicon) -> bool:
    text = sentence.text
    if any(pattern.search(text) for pattern in slex.patterns().values() if pattern is not None):
        return True
    if next(iter(matches(slex.buzzwords, text)), None) is not None:
        return True
    span = sentence.span
    if span is None:
        return False
    technical = TECH_WORDS | slex.weak_terms
    for position, token in enumerate(t for t in span if not (t.is_space or t.is_punct)):
        word = token.text
        if token.like_num or token.is_currency or all(not c.isalnum() for c in word):
            continue
        if not word.replace("-", "").replace("'", "").replace("’", "").isalpha():
            return True  # code, versions, file names, "x86"
        if any(c.isupper() for c in word[1:]) or (position and word[0].isupper()):
            return True  # acronyms, CamelCase, names the model may take for technology
        lower = word.lower()
        if len(lower) >= 4 and max(zipf(f) for f in _forms_of(lower)) < RARE_ZIPF:
            return True
        lemmas = lemma_candidates(span.doc, word)
        if lemmas is None or (lemmas | {lower}) & technical:
            return True
    return False


def _forms_of(word: str) -> set[str]:
    """A word and its uninflected stems (as `word_zipf` reads them, without the lemmatizer)."""
    forms = {word}
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms |= {stem, stem + "e"}
    return forms


def jargon_terms(sentence: Sentence, slex: SentenceLexicon, products: Iterable[str] = ()) -> tuple[Term, ...]:
    """The jargon candidates of a sentence (see `_jargon_terms`), without accepted terms and product names."""
    return analyse(sentence, slex, products).jargon if sentence.span is not None else ()


# ----------------------------------------------------------------------------------------------
# Features
# ----------------------------------------------------------------------------------------------

Features = dict[str, tuple[float, tuple[int, ...]]]


def _log(n: float) -> float:
    return math.log1p(n)


def _add(f: Features, name: str, value: float, tokens: Iterable[int] = ()) -> None:
    if value:
        old = f.get(name)
        toks = tuple(sorted(set(tokens) | set(old[1]))) if old else tuple(sorted(set(tokens)))
        f[name] = ((old[0] if old else 0.0) + value, toks)


def _common(span: Any, a: Analysis, f: Features) -> None:
    n = sum(1 for t in span if not (t.is_punct or t.is_space))
    _add(f, "len:log", _log(n) / 3.0)
    if n <= 6:
        _add(f, "len:short", 1.0)
    if span.text.rstrip().rstrip('"”').endswith("?"):
        _add(f, "question", 1.0, [span[-1].i])
    if any(t.text in ('"', "“", "”") for t in span) or any(
        t.lemma_ == "say" and t.dep_ in ("ROOT", "parataxis") for t in span
    ):
        _add(f, "quote", 1.0)
    if a.number_tokens:
        _add(f, "number", 1.0, a.number_tokens)


def subject_class(span: Any, a: Analysis, subject: Any | None, root: Any, slex: SentenceLexicon) -> str:
    """customer | customer_thing | company | technology | product | pronoun | thing | none | imperative."""
    if subject is None:
        first = next((t for t in span if not (t.is_punct or t.is_space)), None)
        if root.tag_ == "VB" and (
            first is root
            or (
                first is not None
                and first.lower_ in ("just", "simply", "now", "then", "please", "never", "don't", "do")
            )
        ):
            return "imperative"
        return "none"
    words = phrase_tokens(subject)
    if (
        subject.i in a.customers
        or subject.lower_ in ("team", "teams", "family", "friends")
        or any(t.i in a.customers for t in words if t.dep_ in ("compound", "conj") and t.head is subject)
    ):
        return "customer"
    if any(c.dep_ == "poss" and c.lower_ in ("your", "their", "my") for c in subject.children):
        return "customer_thing"  # "your PDFs", "their data": the customer's things
    if subject.lower_ in slex.lexicon.company_pronouns or subject.i in a.company:
        return "company"
    if subject.lower_ in THING_PRONOUNS:
        return "pronoun"
    if subject.i in a.excluded:
        return "product"  # a product name or an accepted term
    if any(t.i in a.tech for t in words) or subject.lemma_.lower() in slex.weak_terms:
        return "technology"
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("ORG", "PRODUCT"):
        return "product"
    return "thing"


def tech_first_features(span: Any, a: Analysis, slex: SentenceLexicon) -> Features:
    f: Features = {}
    lex = slex.lexicon
    _common(span, a, f)
    root = span.root
    subject = subject_of(root)
    kind = subject_class(span, a, subject, root, slex)
    sub_tokens = [t.i for t in phrase_tokens(subject)] if subject is not None else [root.i]
    _add(f, f"subj:{kind}", 1.0, sub_tokens)
    root_lemma = root.lemma_.lower()
    weak = slex.weak_terms
    # Verbs of building, hosting, running, storing, routing, integrating.
    build_verbs = []
    for t in span:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in slex.impl_verbs:
            own = subject_of(t)
            own_kind = subject_class(span, a, own, t, slex) if own is not None else kind
            if own_kind not in ("customer", "imperative"):
                build_verbs.append(t.i)
    if root.pos_ in ("VERB", "AUX") and root_lemma in slex.impl_verbs and kind not in ("customer", "imperative"):
        _add(f, "root:build_verb", 1.0, [root.i])
    if build_verbs:
        _add(f, "any:build_verb", _log(len(build_verbs)), build_verbs)
    # Built on / powered by / written in / based on (participles, passive or reduced).
    built = [
        t.i for t in span if t.lower_ in BUILT_PARTICIPLES and any(c.dep_ in ("prep", "agent") for c in t.children)
    ]
    if built:
        _add(f, "cue:built_on", 1.0, built)
    passive_heads = [v for _, v in a.passive]
    if passive_heads:
        _add(f, "passive", 1.0, passive_heads)
        if kind != "customer":
            _add(f, "passive:impersonal", 1.0, passive_heads)
    if (
        any(c.dep_ == "neg" for c in root.children)
        or root_lemma in lex.problem_predicates
        or any(
            c.dep_ in ("acomp", "attr", "xcomp") and c.lemma_.lower() in lex.problem_predicates for c in root.children
        )
    ):
        _add(f, "root:problem", 1.0, [root.i])
    if root_lemma in lex.benefit_verbs or root_lemma in BENEFIT_VERBS_EXTRA:
        _add(f, "root:benefit_verb", 1.0, [root.i])
    if root.pos_ not in ("VERB", "AUX"):
        _add(f, "root:no_verb", 1.0, [root.i])
    attr = next((c for c in root.children if c.dep_ == "attr"), None) if root.lemma_ == "be" else None
    if attr is not None:
        tech_attr = [
            t.i for t in phrase_tokens(attr, skip=("relcl", "acl")) if t.i in a.tech or t.lemma_.lower() in weak
        ]
        if tech_attr:
            _add(f, "root:is_a_tech", 1.0, tech_attr)
    first = next((t for t in span if not (t.is_punct or t.is_space)), root)
    if first.tag_ == "VBG" and first.dep_ in ("ROOT", "csubj", "advcl", "pcomp"):
        _add(f, "start:gerund", 1.0, [first.i])
    if first.lower_ in META_VERBS and first.tag_ == "VB":
        _add(f, "meta:prompt", 1.0, [first.i])
    if kind in ("company", "technology", "product", "pronoun", "thing") and any(
        c.lower_ in ("will", "would") and c.dep_ == "aux" for c in root.children
    ):
        _add(f, "root:future", 1.0, [root.i])
    # Technology amounts and where they sit.
    tech = sorted(a.tech)
    if tech:
        _add(f, "tech:any", 1.0, tech)
        _add(f, "tech:n", _log(len(tech)), tech)
        _add(f, "tech:ratio", min(1.0, len(tech) / a.content), tech)
    for why in ("lexicon", "acronym", "camel", "code", "mixed_acronym", "everyday"):
        ids = [i for i, w in a.tech.items() if w == why]
        if ids:
            _add(f, f"tech:{why}", 1.0, ids)
    weak_hits = [i for hit in a.phrases["weak_terms"] for i in hit]
    if weak_hits:
        _add(f, "tech:weak", _log(len(weak_hits)), weak_hits)
    propn = _proper_nouns(span, a)
    if propn:
        _add(f, "propn:n", _log(len(propn)), propn)
    subject_ids = set(sub_tokens) if subject is not None else set()
    if subject_ids & set(tech):
        _add(f, "tech:in_subject", 1.0, sorted(subject_ids & set(tech)))
    objects = set()
    for child in root.children:
        if child.dep_ in ("dobj", "attr", "oprd", "dative", "appos", "acomp", "prep", "agent"):
            objects.update(t.i for t in phrase_tokens(child))
    tech_obj = sorted(objects & set(tech))
    if tech_obj:
        _add(f, "tech:in_predicate", 1.0, tech_obj)
    # Mechanism prepositions with a technical object ("via PBKDF2", "through our Kafka event bus").
    mech = []
    for t in span:
        if (t.dep_ == "prep" and t.lower_ in MECHANISM_PREPS) or t.lower_ == "using":
            objs = [g for c in t.children if c.dep_ in ("pobj", "dobj") for g in phrase_tokens(c)]
            hits = [g.i for g in objs if g.i in a.tech or g.lemma_.lower() in weak]
            if hits:
                mech.extend([t.i, *hits])
    if mech:
        _add(f, "cue:mechanism_prep", 1.0, mech)
    # A mechanism before the main clause: "Using OAuth tokens, a teacher can ...", "Built on X, it ...".
    fronted = [
        c
        for c in root.children
        if c.i < root.i
        and c.dep_ in ("advcl", "prep", "npadvmod")
        and any(g.i in a.tech or g.lower_ in BUILT_PARTICIPLES for g in c.subtree)
    ]
    if fronted:
        _add(f, "cue:fronted_mechanism", 1.0, [g.i for c in fronted for g in c.subtree])
    if a.phrases["pantry"]:
        _add(f, "cue:pantry", 1.0, [i for hit in a.phrases["pantry"] for i in hit])
    if _ARCHITECTURE.search(span.text):
        _add(f, "cue:architecture", 1.0)
    # Customers.
    cust = sorted(a.customers)
    if cust:
        doc = span.doc
        _add(f, "cust:any", 1.0, cust)
        _add(f, "cust:n", _log(len(cust)), cust)
        you = [i for i in cust if doc[i].lower_ in ("you", "your", "yours")]
        if you:
            _add(f, "cust:you", 1.0, you)
        me = [i for i in cust if doc[i].lower_ in ("i", "me", "my")]
        if me:
            _add(f, "cust:i", 1.0, me)
    if tech and (not cust or min(tech) < min(cust)):
        _add(f, "tech:before_customer", 1.0, [min(tech)])
    if a.company:
        _add(f, "company", 1.0, sorted(a.company))
    jargon = [i for t in a.jargon for i in t.tokens]
    if jargon:
        _add(f, "jargon:n", _log(len(a.jargon)), jargon)
    for term in a.jargon:
        _add(f, f"jt:{term.kind}", 1.0, term.tokens)
    # Interactions a linear model cannot form itself.
    has_tech = bool(a.tech) or bool(a.jargon)
    modals = [c for c in root.children if c.dep_ == "aux" and c.lower_ in ("can", "could", "will")]
    if kind == "customer" and (modals or any(c.lower_ == "now" for c in root.children)):
        _add(f, "x:customer_can", 1.0, [*(sub_tokens if subject is not None else []), *(m.i for m in modals)])
    if kind in ("customer", "imperative") and has_tech:
        _add(f, "x:customer_acts_on_tech", 1.0, sub_tokens)
    if "root:problem" in f and has_tech:
        _add(f, "x:problem_with_tech", 1.0, [root.i])
    if kind in ("technology", "product", "pronoun", "thing", "company") and "root:build_verb" in f:
        _add(f, "x:thing_builds", 1.0, [root.i])
    vocab_nouns = [
        t.i for t in span if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in TECH_NOUNS and t.i not in a.excluded
    ]
    vocab_verbs = [t.i for t in span if t.pos_ == "VERB" and t.lemma_.lower() in TECH_VERBS]
    if vocab_nouns:
        _add(f, "vocab:noun", _log(len(vocab_nouns)), vocab_nouns)
        if subject is not None and set(vocab_nouns) & set(sub_tokens):
            _add(f, "vocab:in_subject", 1.0, sorted(set(vocab_nouns) & set(sub_tokens)))
        if set(vocab_nouns) & objects:
            _add(f, "vocab:in_predicate", 1.0, sorted(set(vocab_nouns) & objects))
    if vocab_verbs:
        _add(f, "vocab:verb", _log(len(vocab_verbs)), vocab_verbs)
    return f


def _proper_nouns(span: Any, a: Analysis) -> list[int]:
    """Proper nouns that are not names of people or places, technology, placeholders or excluded."""
    return [
        t.i
        for t in span
        if t.pos_ == "PROPN"
        and t.ent_type_ not in NAME_ENTITIES
        and t.i not in a.placeholder
        and t.i not in a.tech
        and t.i not in a.excluded
        and not t.is_sent_start
    ]


def jargon_features(span: Any, a: Analysis, slex: SentenceLexicon) -> Features:
    f: Features = {}
    _common(span, a, f)
    for term in a.jargon:
        _add(f, f"jt:{term.kind}", 1.0, term.tokens)
    if a.jargon:
        _add(f, "jt:total", _log(len(a.jargon)), [i for t in a.jargon for i in t.tokens])
    strong = [t for t in a.jargon if t.kind in STRONG_JARGON]
    if strong:
        _add(f, "jt:strong_any", 1.0, [i for t in strong for i in t.tokens])
    if a.defined:
        _add(f, "defined", 1.0, a.defined)
    everyday = [
        t.i
        for t in span
        if t.text.isupper()
        and len(t) > 1
        and t.text.rstrip("s").upper() in slex.acronym_exempt
        and t.i not in a.excluded
    ]
    if everyday:
        _add(f, "acronym:everyday", 1.0, everyday)
    propn = _proper_nouns(span, a)
    if propn:
        _add(f, "propn:n", _log(len(propn)), propn)
    weak_hits = [i for hit in a.phrases["weak_terms"] for i in hit]
    if weak_hits:
        _add(f, "tech:weak", _log(len(weak_hits)), weak_hits)
    # Lowest word frequency among common nouns/adjectives not already terms.
    rarest = min(
        (
            (reading_zipf(t), t.i)
            for t in span
            if t.pos_ in ("NOUN", "ADJ") and t.is_alpha and not t.is_stop and t.i not in a.excluded
        ),
        default=None,
    )
    if rarest is not None:
        _add(f, "zipf:min_low", max(0.0, 4.0 - rarest[0]) / 2.0, [rarest[1]])
    return f


def weasel_features(span: Any, terms: Sequence[WeaselTerm]) -> Features:
    """The weasel rule's terms as features (measured beside the rule in training)."""
    f: Features = {}
    for term in terms:
        _add(f, f"w:{term.group.kind}", 1.0, term.tokens)
    if terms:
        tokens = [i for t in terms for i in t.tokens]
        _add(f, "w:any", 1.0, tokens)
        _add(f, "w:n", _log(len(terms)), tokens)
    return f


def passive_features(span: Any, clauses: Sequence[tuple[int, int]]) -> Features:
    f: Features = {}
    for aux, verb in clauses:
        auxiliary = span.doc[aux]
        kind = ("get" if _aux_lemma(auxiliary) == "get" else "be") + ("_inf" if is_infinitive(auxiliary) else "")
        _add(f, f"p:{kind}", 1.0, [aux, verb])
    return f


_CONTRAST_MARKS = frozenset({"while", "whereas"})


def contrast_clause(verb: Any) -> bool:
    """Whether a clause sets someone else against the pitch: "whereas ...", or "while" ahead of the
    main clause ("While traditional AI models require ..., Calyx runs ..."; not "Calyx drafts the
    order while the baker snaps a photo", a "while" of time), with a subject of its own that is not
    a pronoun or the product's kind of thing ("While it is powerful", "While the app is easy": the
    product's own praise; review of round 43)."""
    mark = next((c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS), None)
    if mark is None or (mark == "while" and verb.i > verb.head.i):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:
        return False
    if subject.dep_ == "expl":
        return True  # "While there are plenty of powerful tools on the market, ..."
    # A kind of product in the plural is the rivals ("While existing ordering platforms are
    # powerful"); in the singular, "the app" is the product's own.
    own = subject.lemma_.lower() in _PRODUCT_KINDS and subject.tag_ != "NNS"
    return subject.pos_ in ("NOUN", "PROPN") and not own


# What a release calls its own product when it does not name it ("the app", "the platform").
_PRODUCT_KINDS = frozenset(
    "app application tool platform product service solution system software feature device assistant agent".split()
)


def _built_for_customers(verb: Any, customers: frozenset[int]) -> frozenset[int]:
    """The words of a verb of building's "for" phrase that names a customer ("Engineered
    specifically for merchant-fulfilled sellers ... operating without vision infrastructure",
    "Designed for clinics that ..."; round 43 of the user trials): what it says of them is the
    audience, not the mechanism. Empty when the phrase names no customer."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            objects += [c for o in objects for c in o.conjuncts]
            if any(o.i in customers for o in objects):
                return frozenset(t.i for t in prep.subtree)
    return frozenset()


def fronted_mechanism(sentence: Sentence, slex: SentenceLexicon, a: Analysis) -> tuple[int, ...]:
    """The technology tokens of a mechanism that opens the sentence before its main clause: a
    clause or phrase ahead of the main verb whose verb builds, runs or uses something and whose
    words hold a technology term ("Using OAuth tokens, a teacher can ...", "Built on Open Voice
    OS, Cypher lets ...", "By combining social media with blockchain technology, Solcial ...").
    Empty when there is none. Mechanism first, customer second: the guide's tech-first even
    where the customer's benefit follows."""
    if sentence.span is None:
        return ()
    root = sentence.span.root
    for child in root.children:
        if child.i >= root.i or child.dep_ not in ("advcl", "prep", "npadvmod"):
            continue
        verb = child if child.pos_ == "VERB" else None
        if verb is None and child.dep_ == "prep" and child.lower_ == "by":
            verb = next((t for t in child.subtree if t.pos_ == "VERB"), None)  # "By combining X with Y, ..."
        if verb is None or verb.lemma_.lower() not in slex.impl_verbs:
            continue
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in verb.children):
            continue  # "If the system detects a drop in HRV, ...": a condition, not how it works
        # "Engineered for sellers without vision infrastructure, ...": whom it is for comes first,
        # whatever technology the customers are said to lack; not "Built for bakers on top of GPT-4o".
        if child.dep_ == "advcl" and contrast_clause(child):
            continue  # "While platforms like LinkedIn were built for humans, ...": the rivals' mechanism
        audience = _built_for_customers(verb, a.customers)
        # "Published by Miss Pepper AI, The Wall ...": the maker after "by" (a name, not "by
        # combining X with Y") is who made it, not how it works (round 47 of the user trials).
        maker = {
            t.i
            for agent in verb.children
            if verb.lemma_.lower() in MAKER_VERBS
            and agent.dep_ == "agent"
            and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in agent.children)
            for t in agent.subtree
        }
        tech = tuple(t.i for t in child.subtree if t.i in a.tech and t.i not in audience and t.i not in maker)
        if tech:
            return tech
    return ()


def features(
    sentence: Sentence,
    label: str,
    slex: SentenceLexicon | None = None,
    products: Iterable[str] = (),
    *,
    lemmas: bool = False,
) -> Features:
    """Named features of a sentence for one label: {name: (value, token indices that fired it)}.

    `lemmas` adds bag-of-lemma features (content words; never an accepted term or product name).
    """
    if sentence.span is None:
        return {}
    return _label_features(
        sentence, _Tokens(sentence.span), label, slex or default_sentence_lexicon(), products, lemmas
    )


def _label_features(
    sentence: Sentence, span: _Tokens, label: str, slex: SentenceLexicon, products: Iterable[str], lemmas: bool
) -> Features:
    if label == "weasel":
        return weasel_features(span, weasel_terms(sentence, default_weasel_table()))
    a = analyse(sentence, slex, products)
    if label == "passive":
        return passive_features(span, a.passive)
    result = tech_first_features(span, a, slex) if label == "tech_first" else jargon_features(span, a, slex)
    if lemmas:
        # Each lemma's tokens are gathered first and added once: adding them one by one copies
        # the token tuple each time, quadratic in a sentence that repeats a word thousands of times.
        bag: dict[str, list[int]] = {}
        for t in span:
            if (
                t.pos_ in ("NOUN", "VERB", "ADJ", "ADV", "PROPN")
                and t.is_alpha
                and not t.is_stop
                and t.i not in a.excluded
            ):
                bag.setdefault(f"lemma:{t.lemma_.lower()}", []).append(t.i)
        for name, ids in bag.items():
            _add(result, name, float(len(ids)), ids)
    return result


# ----------------------------------------------------------------------------------------------
# Rules measured beside the models (training reports them; the pack's rules use the functions)
# ----------------------------------------------------------------------------------------------


def is_passive(sentence: Sentence) -> bool:
    return bool(passive_in(sentence))


def is_weasel(sentence: Sentence) -> bool:
    return bool(weasel_terms(sentence, default_weasel_table()))


def is_jargon(sentence: Sentence) -> bool:
    return any(t.kind in STRONG_JARGON for t in jargon_terms(sentence, default_sentence_lexicon()))


RULES = {"passive": is_passive, "weasel": is_weasel, "jargon": is_jargon}

# ----------------------------------------------------------------------------------------------
# The shipped model: a logistic regression per learned label
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelModel:
    label: str
    weights: Mapping[str, float]
    bias: float
    lemmas: bool = False
    levels: tuple[tuple[str, float], ...] = ()  # (severity, threshold), highest threshold first

    def probability(self, feats: Features) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, (value, _) in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@dataclass(frozen=True, slots=True)
class Reason:
    """A feature that pushed a sentence's probability up: its name, contribution and words."""

    feature: str
    contribution: float
    phrases: tuple[str, ...]  # the words, one phrase per run of adjacent tokens
    tokens: tuple[int, ...]

    @property
    def words(self) -> str:
        return " ".join(self.phrases)


_SENTENCE_PUNCTUATION = frozenset(",.;:!?()[]{}\"'“”‘’…")


def _glued(left: Any, right: Any) -> bool:
    """Two tokens of one written word: no space between them, neither a sentence mark nor a
    line break (a newline token ends a label line: "Stack", "\n", "Think" are three words)."""
    return (
        not left.whitespace_
        and not (left.is_space or right.is_space)
        and left.text not in _SENTENCE_PUNCTUATION
        and right.text not in _SENTENCE_PUNCTUATION
    )


def _completes(token: Any, edge: Any, first: int, last: int) -> bool:
    """Whether `token`, beside the focus's `edge` word, belongs to the same compound noun: a noun
    modifying a noun in first..last ("server" of "server specifications"), or an adjective before
    a focus that starts inside a compound ("open" of "open source software"; not "same" of "the
    same endpoint"). In lower case or an acronym only: in a title-cased headline the parser makes
    names and verbs modifiers ("LionAGI Launches Advanced AI ...")."""
    written = token.text.islower() or (token.text.isupper() and len(token.text) > 1)  # "API" of "API gateway"
    if not written or not first <= token.head.i <= last or token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return token.dep_ == "compound" or (token.dep_ == "amod" and edge.dep_ == "compound" and edge is not token)


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a sentence got its probability: the strongest reasons, and each word's share of the
    positive and negative evidence (a feature's contribution split over the words that fired it).
    Accepted terms and product names are never reasons and have no share."""

    label: str
    probability: float
    level: str | None
    reasons: tuple[Reason, ...]  # strongest first
    shares: Mapping[int, float]  # token index -> its share of the score

    def strength(self, tokens: Iterable[int]) -> float:
        """The summed share of some words (a term's)."""
        return sum(self.shares.get(i, 0.0) for i in tokens)

    def focus(self, doc: Any) -> tuple[int, int] | None:
        """The token range (first, last) of the words that pushed hardest: the word with the
        largest share, widened to its neighbours that pushed too."""
        positive = {i: v for i, v in self.shares.items() if v > 0}
        if not positive:
            return None
        best = max(positive, key=lambda i: (positive[i], -i))
        first = last = best
        while first - 1 in positive and not doc[first - 1].is_punct:
            first -= 1
        while last + 1 in positive and not doc[last + 1].is_punct:
            last += 1
        # Whole words: "open-source", "PKCS#11" are several tokens written without a space.
        # Whole nouns: a modifier left out on either side completes the noun phrase ("open source
        # software", not "source software"; "changing server specifications", not "changing server").
        while True:
            if first > 0 and (
                _glued(doc[first - 1], doc[first]) or _completes(doc[first - 1], doc[first], first, last)
            ):
                first -= 1
            elif last + 1 < len(doc) and (
                _glued(doc[last], doc[last + 1]) or _completes(doc[last], doc[last], last + 1, last + 1)
            ):
                last += 1
            else:
                return first, last


class Model:
    """``sentences.json`` loaded: `score` gives a probability, `level` a severity, `explain` the
    words behind it. Learned labels only (passive and weasel are rules)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.version = str(data.get("version", ""))
        self.labels: dict[str, LabelModel] = {}
        for label, spec in data.get("labels", {}).items():
            if spec.get("method") != "logreg":
                continue
            # Highest threshold first; at equal thresholds the higher severity wins.
            levels = sorted(
                ((k, float(v)) for k, v in spec.get("thresholds", {}).items()),
                key=lambda kv: (-kv[1], -Severity.parse(kv[0]).rank),
            )
            self.labels[label] = LabelModel(
                label,
                dict(zip(spec["features"], spec["weights"], strict=True)),
                float(spec["bias"]),
                bool(spec.get("lemmas", False)),
                tuple(levels),
            )

    def thresholds(self, label: str) -> dict[str, float]:
        return dict(self.labels[label].levels)

    def score(
        self, sentence: Sentence, label: str, slex: SentenceLexicon | None = None, products: Iterable[str] = ()
    ) -> tuple[float, Features]:
        """The label's probability for a sentence and the features behind it, remembered. Every
        label is scored at once (the rules ask for both of most sentences)."""
        if sentence.span is None:
            return 0.0, {}
        slex = slex or default_sentence_lexicon()
        products = frozenset(products)

        def compute() -> Mapping[str, tuple[float, Features]]:
            span = _Tokens(sentence.span)
            result = {}
            for name, spec in self.labels.items():
                feats = _label_features(sentence, span, name, slex, products, spec.lemmas)
                result[name] = (spec.probability(feats), feats)
            return result

        scores = memo.SENTENCE_SCORES.remember(
            sentence.unit, compute, self.version, slex.key, products_key(products), sentence.start
        )
        return scores[label]

    def level_of(self, label: str, probability: float) -> str | None:
        """The severity for a probability: the first level (highest threshold first) it reaches."""
        for name, threshold in self.labels[label].levels:
            if probability >= threshold:
                return name
        return None

    def level(
        self, sentence: Sentence, label: str, slex: SentenceLexicon | None = None, products: Iterable[str] = ()
    ) -> str | None:
        """ "warning" for a confident sentence, "info" for a likely one, None when nothing fires."""
        return self.level_of(label, self.score(sentence, label, slex, products)[0])

    def explain(
        self,
        sentence: Sentence,
        label: str,
        slex: SentenceLexicon | None = None,
        products: Iterable[str] = (),
        top: int = 3,
    ) -> Explanation:
        """The features that pushed the probability up most, with the words that fired each
        (features without words, such as the sentence's length, are not reasons)."""
        probability, feats = self.score(sentence, label, slex, products)
        if sentence.span is None:
            return Explanation(label, probability, None, (), {})
        spec = self.labels[label]
        excluded = analyse(sentence, slex or default_sentence_lexicon(), products).excluded
        found = reasons(spec, feats, sentence.span, excluded, top)
        shares: dict[int, float] = {}
        for name, (value, tokens) in feats.items():
            if name.startswith(_CONTEXT_FEATURES) and spec.weights.get(name, 0.0) * value > 0:
                continue  # never the words a finding points at; a negative weight still keeps them off it
            kept = [i for i in tokens if i not in excluded]
            for i in kept:
                shares[i] = shares.get(i, 0.0) + spec.weights.get(name, 0.0) * value / len(kept)
        return Explanation(label, probability, self.level_of(label, probability), tuple(found), shares)


# Features that say whom a sentence addresses ("you" in an answer's instructions): they move the
# model's score, but no word of them is why a sentence leads with technology or is jargon, so
# explanations never name them nor point at their words for them (a customer word's negative
# weight still keeps a finding's focus off it).
_CONTEXT_FEATURES = ("cust:",)


def reasons(
    spec: LabelModel, feats: Features, span: Any, excluded: Iterable[int] = (), limit: int | None = None
) -> list[Reason]:
    """The features with a positive contribution and words behind it (other than `excluded`
    ones), strongest first; the first `limit` of them when given."""
    skip = set(excluded)
    candidates = []
    for name, (value, tokens) in feats.items():
        if name.startswith(_CONTEXT_FEATURES):
            continue
        contribution = spec.weights.get(name, 0.0) * value
        kept = tuple(i for i in tokens if i not in skip)
        if contribution > 0 and kept:
            candidates.append((round(contribution, 3), name, kept))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    result: list[Reason] = []
    for contribution, name, kept in candidates:
        phrases = phrases_of(span, kept)
        if phrases:
            result.append(Reason(name, contribution, phrases, kept))
            if limit is not None and len(result) >= limit:
                break
    return result


def model_version(data: Mapping[str, Any]) -> str:
    """The version of a model file's content: a hash of everything but the version itself."""
    body = json.dumps({k: v for k, v in data.items() if k != "version"}, indent=1, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The shipped model (``wbl_rules/_models/sentences.json``), loaded once."""
    text = resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return Model(json.loads(text))


__all__ = [
    "DEFAULT_PASSIVE",
    "LABELS",
    "STRONG_JARGON",
    "Analysis",
    "Explanation",
    "Model",
    "PassiveLists",
    "Reason",
    "SentenceLexicon",
    "Term",
    "WeaselTable",
    "WeaselTerm",
    "analyse",
    "default_model",
    "default_sentence_lexicon",
    "default_weasel_table",
    "features",
    "jargon_terms",
    "passive_clauses",
    "passive_in",
    "passive_lists",
    "sentence_lexicon",
    "weasel_table",
    "weasel_terms",
]
