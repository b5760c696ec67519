"""spaCy pipeline resolution and loading, and the parse cascade.

spaCy is imported here and only when a document is analysed, so `import wbl`, `wbl --help`
and `wbl rules` stay fast. A pipeline is loaded once per process with only the components the
rules need (the others are excluded at load time, never even read from disk).

Analysis runs in two steps (the cascade). `Pipeline.split` tokenises every text and sets its
sentence boundaries with the cheap statistical sentence recogniser (`senter`, which has its own
small embedding layer). `Pipeline.complete` then runs the expensive components (tagger,
lemmatizer, parser, entity recogniser) on the Docs the rules asked for, in place, each Doc
getting only the components of the features asked of it. Each sentence is analysed as a Doc of
its own and the analyses are written back into the paragraph's Doc (so an analysis can be kept
per sentence: the language server analyses again only the sentences an edit changed). The parser
keeps the boundaries the sentence recogniser set, and a component reads the tok2vec output stored
on the Doc, so a Doc completed in several steps carries exactly the analysis one full run would
give it.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import re
import sys
import threading
import types
from collections.abc import Collection, Iterable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from wbl import fastpipe
from wbl.importing import stand_ins
from wbl.models import DEFAULT_MODELS, ModelError, resolve_model
from wbl.textutil import BULLETS

# Which pipeline components provide each feature a rule can ask for.
FEATURE_COMPONENTS: dict[str, tuple[str, ...]] = {
    "pos": ("tok2vec", "tagger", "attribute_ruler"),
    "lemma": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "dep": ("tok2vec", "parser"),
    "ner": ("tok2vec", "ner"),
    "sentences": (),  # set by `split` (senter or sentencizer), or by the parser (see `Pipeline.splitter`)
}
# The features `complete` adds to a split Doc.
DEEP_FEATURES = frozenset({"pos", "lemma", "dep", "ner"})
SENTENCE_COMPONENTS = ("senter", "sentencizer")
# Where the components that `complete` ran on a Doc are recorded (`Doc.user_data`).
RAN = "wbl.ran"
# Where `split` keeps a Doc's text (`doc_text`).
TEXT = "wbl.text"


@dataclass
class Pipeline:
    """A loaded spaCy pipeline and the features its components can provide.

    `available` names every component of the pipeline's package, loaded or not (a feature is
    provided when its components are available); `nlp.component_names` the ones loaded.
    """

    name: str
    nlp: Any
    version: str
    available: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.available:
            self.available = frozenset(self.nlp.component_names)

    @property
    def components(self) -> set[str]:
        return set(self.nlp.component_names)

    @property
    def piece_size(self) -> int:
        """The longest text analysed at once: `MAX_PIECE`, or less if spaCy's limit is lower."""
        return max(1, min(MAX_PIECE, int(getattr(self.nlp, "max_length", MAX_PIECE))))

    def provides(self, feature: str) -> bool:
        if feature == "sentences":
            return True  # A sentencizer is added when nothing else sets boundaries.
        return all(c in self.available for c in FEATURE_COMPONENTS[feature] if c != "tok2vec")

    @property
    def splitter(self) -> str | None:
        """The component `split` runs to set sentence boundaries (None: only the parser sets
        them, so every Doc must be completed with "dep" before it has sentences)."""
        return next((c for c in SENTENCE_COMPONENTS if c in self.components), None)

    def _components_for(self, features: Iterable[str], components: Collection[str] | None = None) -> set[str]:
        """The loaded components that provide `features` (`components`: the loaded ones, when
        the caller has them at hand; reading them from spaCy costs a list and a set each time)."""
        loaded = self.components if components is None else components
        wanted: set[str] = set()
        for feature in features:
            wanted.update(FEATURE_COMPONENTS.get(feature, ()))
        # Components listen to a shared tok2vec only if it is in the pipeline.
        return {c for c in wanted if c in loaded}

    def split(self, texts: Sequence[str], batch_size: int = 256) -> list[Any]:
        """Tokens and sentence boundaries (the cheap first step of the cascade).

        A text longer than `piece_size` characters (one paragraph of a huge file: spaCy refuses
        texts over its ``max_length``) is split in pieces cut after white space, preferably at a
        sentence end, and the pieces' Docs are joined into one whose text is exactly the original
        (but for `_mask_punctuation`).
        """
        active = {self.splitter} if self.splitter else set()
        disable = [c for c in self.nlp.component_names if c not in active]
        pieces: list[str] = []
        spans: list[tuple[int, int]] = []
        for text in texts:
            parts = [_mask_punctuation(part) for part in split_long(text, self.piece_size)]
            spans.append((len(pieces), len(pieces) + len(parts)))
            pieces.extend(parts)
        # The pipeline is shared by threads (the language server's lanes) and taken in turns, one
        # batch of about `BATCH_CHARACTERS` at a time, so that a huge text does not hold it long.
        longest = max((len(p) for p in pieces), default=1)
        batch = max(1, min(batch_size, BATCH_CHARACTERS // max(longest, 1)))
        with _LOCK:
            analysed = self.nlp.pipe(pieces, disable=disable, batch_size=batch)
        docs = []
        while True:
            with _LOCK, numpy_ops():
                doc = next(analysed, None)
            if doc is None:
                break
            docs.append(doc)
        if len(pieces) != len(texts):
            from spacy.tokens import Doc

            docs = [docs[a] if b - a == 1 else _joined(Doc, docs[a:b]) for a, b in spans]
        # Each Doc's text, as the pieces hold it (spaCy's tokenizer keeps every character):
        # `doc.text` would join it again from a new Token object per token, once per call.
        masked = ["".join(pieces[a:b]) for a, b in spans]
        for doc, text in zip(docs, masked, strict=True):
            doc.user_data[TEXT] = text
            cap_sentences(doc)
            end_sentences_after_abbreviations(doc, text)
            start_sentences_after_labels(doc, text)
            start_sentences_at_bullets(doc, text)
            start_sentences_at_figures(doc, text)
            start_sentences_at_capitals(doc, text)
            end_sentences_after_magnitudes(doc, text)
            join_exclaimed_names(doc, text)
        return docs

    def complete(
        self,
        wanted: Sequence[tuple[Any, Collection[str]]],
        batch_size: int = 256,
        cache: MutableMapping[tuple[Any, ...], Any] | None = None,
    ) -> None:
        """Run on each split Doc the components its features need and it has not had yet (in place).

        Docs are grouped by the components they still need, so each group is one `nlp.pipe` call;
        components run in pipeline order, and a component run in a later call reads the tok2vec
        output stored on the Doc, as it would within one call. Each sentence is analysed as a Doc
        of its own (`_by_sentence`); `cache` keeps those analyses, so that a paragraph that
        changed in one sentence is analysed again in that sentence only (the language server).
        """
        groups: dict[tuple[str, ...], list[Any]] = {}
        seen: set[int] = set()
        order = self.nlp.component_names
        loaded = set(order)
        # Most units ask for one of a few feature sets: each is resolved to components once.
        providers: dict[frozenset[str], set[str]] = {}
        for doc, features in wanted:
            if id(doc) in seen:
                continue  # one Doc can serve several units with the same text
            seen.add(id(doc))
            ran = doc.user_data.setdefault(RAN, set())
            key = frozenset(features)
            provided = providers.get(key)
            if provided is None:
                provided = providers[key] = self._components_for(key, loaded)
            needed = provided - ran
            if needed and "tok2vec" in loaded and "tok2vec" not in ran:
                needed.add("tok2vec")  # listeners read its output from the Doc
            if needed:
                groups.setdefault(tuple(c for c in order if c in needed), []).append(doc)
        with _LOCK, numpy_ops():
            for components, docs in groups.items():
                disable = [c for c in order if c not in components]
                by_sentence: list[Any] = []
                whole: list[Any] = []
                for doc in docs:
                    (by_sentence if _sentence_by_sentence(doc, components) else whole).append(doc)
                for doc in self.nlp.pipe(whole, disable=disable, batch_size=batch_size):
                    _completed(doc, components)
                if by_sentence:
                    self._by_sentence(by_sentence, components, disable, batch_size, cache)

    def _by_sentence(
        self,
        docs: Sequence[Any],
        components: tuple[str, ...],
        disable: list[str],
        batch_size: int,
        cache: MutableMapping[tuple[Any, ...], Any] | None,
    ) -> None:
        """Run `components` on every sentence of each Doc as a Doc of its own, then write the
        sentences' analyses back into the Doc.

        The parser never joins sentences the sentence recogniser set apart, so a sentence's
        parse depends on its own words and, through the tok2vec layer, on the few words around
        it; analysing it alone drops only those neighbours (on the labelled corpora 0.2% of tags
        and 0.5% of heads differ from the paragraph's analysis; see docs/speed.md for the few
        findings that moved).
        What it buys: an analysis that depends on the sentence alone can be kept by sentence."""
        import numpy
        from spacy.attrs import NORM, ORTH, SPACY

        cache = {} if cache is None else cache
        found: dict[tuple[Any, ...], tuple[Any, Any]] = {}
        todo: dict[tuple[Any, ...], tuple[Any, list[str]]] = {}
        plans: list[tuple[Any, list[str], list[tuple[Any, ...]]]] = []
        for doc in docs:
            before = frozenset(doc.user_data[RAN])
            attributes = _attributes(components, before)
            earlier = _attributes((), before)  # what the Doc already carries, for the sentences' Docs
            tokens = doc.to_array([ORTH, SPACY, NORM])
            analysed_before = doc.to_array(earlier) if earlier else None
            tensor = doc.tensor if doc.tensor is not None and len(doc.tensor) == len(doc) else None
            keys = []
            for sentence in doc.sents:
                start, end = sentence.start, sentence.end
                # The words and the text fix the tokens (and the white space between them).
                key = (components, before, sentence.text, tuple(tokens[start:end, 0].tolist()))
                keys.append(key)
                if key in found or key in todo:
                    continue
                try:
                    found[key] = cache[key]
                except KeyError:
                    own = _sentence_doc(doc.vocab, tokens[start:end])
                    if analysed_before is not None:
                        own.from_array(earlier, analysed_before[start:end])
                    if tensor is not None:
                        own.tensor = tensor[start:end]
                    todo[key] = (own, attributes)
            plans.append((doc, attributes, keys))
        analysed = self.nlp.pipe([own for own, _ in todo.values()], disable=disable, batch_size=batch_size)
        for (key, (_, attributes)), own in zip(todo.items(), analysed, strict=True):
            tensor = own.tensor if "tok2vec" in components else None
            found[key] = cache[key] = (own.to_array(attributes), tensor)
        for doc, attributes, keys in plans:
            if attributes:
                doc.from_array(attributes, numpy.concatenate([found[key][0] for key in keys]))
            if "tok2vec" in components:
                doc.tensor = numpy.concatenate([found[key][1] for key in keys])
            _completed(doc, components)

    def pipe(self, texts: Sequence[str], features: Iterable[str], batch_size: int = 256) -> list[Any]:
        """Analyse texts with every component the features need (split, then complete)."""
        docs = self.split(texts, batch_size)
        features = set(features)
        if self.splitter is None and "sentences" in features:
            features.add("dep")
        self.complete([(doc, features) for doc in docs], batch_size)
        return docs


# The components `complete` can run sentence by sentence (what each writes is in `_WRITTEN`); a
# pipeline with others (a transformer, a morphologiser) has its Docs analysed whole.
_WRITTEN: dict[str, tuple[str, ...]] = {
    "tok2vec": (),  # the tensor, copied separately
    "tagger": ("TAG",),
    "attribute_ruler": ("POS", "MORPH", "LEMMA"),
    "lemmatizer": ("LEMMA",),
    "parser": ("DEP", "HEAD"),
    "ner": ("ENT_IOB", "ENT_TYPE", "ENT_KB_ID"),
}


def _sentence_by_sentence(doc: Any, components: Collection[str]) -> bool:
    """Whether `complete` can analyse the Doc sentence by sentence: its sentences are set and
    every component to run (and every one that ran before) is one `_WRITTEN` knows."""
    ran = doc.user_data.get(RAN, ())
    return (
        len(doc) > 0
        and doc.has_annotation("SENT_START")
        and all(c in _WRITTEN for c in components)
        and all(c in _WRITTEN for c in ran)
    )


def _attributes(components: Collection[str], ran: Collection[str]) -> list[str]:
    """The token attributes that the components, with those that ran before, have set."""
    names: dict[str, None] = {}
    for component in _WRITTEN:
        if component in components or component in ran:
            names.update(dict.fromkeys(_WRITTEN[component]))
    return list(names)


def _sentence_doc(vocab: Any, tokens: Any) -> Any:
    """A sentence as a Doc of its own, from its rows of (ORTH, SPACY, NORM): the same tokens (the
    tokenizer's norms too, which the tok2vec layer reads: "n't" is "not") and one sentence.
    Cheaper than `Span.as_doc`, which copies every attribute and vector."""
    from spacy.attrs import NORM
    from spacy.tokens import Doc

    strings = vocab.strings
    words = [strings[orth] for orth in tokens[:, 0].tolist()]
    spaces = [bool(space) for space in tokens[:, 1].tolist()]
    own = Doc(vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))
    own.from_array([NORM], tokens[:, 2:3])
    return own


def _completed(doc: Any, components: Collection[str]) -> None:
    doc.user_data[RAN].update(components)
    doc.user_data.pop(MEMO, None)  # values remembered before the analysis are stale


BATCH_CHARACTERS = 100_000  # characters analysed while the pipeline is held (see `Pipeline.pipe`)
# Tokens a sentence may have before `cap_sentences` cuts it.
MAX_SENTENCE_TOKENS = 250
MAX_PIECE = 50_000  # characters of one text analysed at once (spaCy's max_length is 1,000,000)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")
_ENDS_SENTENCE = re.compile(r"[.!?][\"')\]]*\s+\Z")


# spaCy's tokenizer takes time quadratic in the length of a run of prefix or suffix characters
# ("((((", "))))", "!!!!", "$$$$": it strips them one at a time), so a run this long is shown to
# it as hyphens, which it reads in one go. Offsets are kept; only such a run's token text differs.
_LONG_PUNCTUATION = re.compile(r"(?:[^\w\s]|_){16,}")


@contextmanager
def numpy_ops() -> Iterator[None]:
    """A context in which thinc computes with its NumPy ops calling numpy's own BLAS, not BLIS.

    spaCy's CPU ops send the matrix products of tok2vec, tagger and parser to BLIS. The BLIS
    wheel picks its kernel by CPU, and where it knows no better one it falls back to a generic
    kernel several times slower than the OpenBLAS in numpy's wheels (so on the 2-core machine
    wbl is developed on). The pipeline is loaded and run in this context (both are needed: layers
    keep the ops they were built with, and the parser asks for the current ones), so wbl's parse
    no longer depends on that choice. The products sum in another order, so a tag or head could
    in principle change in a near tie; on the dev corpora none did (docs/speed.md). The context
    is per thread and per call: a program that uses spaCy beside wbl keeps its own ops."""
    global _NUMPY_OPS
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    if _NUMPY_OPS is None:
        _NUMPY_OPS = NumpyOps(use_blis=False)  # one instance: thinc's `use_ops` looks ops up anew each time
    previous = get_current_ops()
    set_current_ops(_NUMPY_OPS)
    try:
        yield
    finally:
        set_current_ops(previous)


def doc_text(doc: Any) -> str:
    """A Doc's text, as `split` kept it; `doc.text` joins it anew from a new Token object per
    token on every call."""
    text = doc.user_data.get(TEXT)
    return doc.text if text is None else text


def _mask_punctuation(text: str) -> str:
    if _LONG_PUNCTUATION.search(text) is None:
        return text
    return _LONG_PUNCTUATION.sub(lambda m: "-" * len(m.group(0)), text)


def _joined(doc_class: Any, docs: Sequence[Any]) -> Any:
    """The Docs of the pieces of one text (`split_long`) joined into one. A cut that is not at a
    sentence end (a sentence, or a single "word", longer than a piece) is not a sentence
    boundary: the sentence goes on across it, as it would have in one Doc."""
    joined = doc_class.from_docs(list(docs), ensure_whitespace=False)
    first = 0
    for previous, doc in itertools.pairwise(docs):
        first += len(previous)
        if len(doc) and first < len(joined) and not _ENDS_SENTENCE.search(previous.text):
            joined[first].is_sent_start = False
    return joined


def cap_sentences(doc: Any, size: int = MAX_SENTENCE_TOKENS) -> None:
    """Start a sentence every `size` tokens of a longer one (in place, before any parse).

    A run of words with no sentence end (a pasted log, a paragraph with no full stop) is one
    "sentence" to the recogniser, and reading its parse costs time that grows faster than its
    length (a walk over a token's children or subtree covers the whole sentence). Real sentences
    stay far below the cap: the longest on the labelled corpora has 109 words."""
    if len(doc) <= size or not doc.has_annotation("SENT_START"):
        return  # short, or no recogniser: the parser sets the boundaries (`Pipeline.splitter`)
    long = [sentence for sentence in doc.sents if len(sentence) > size]
    for sentence in long:
        for cut in range(sentence.start + size, sentence.end, size):
            doc[cut].is_sent_start = True


# Abbreviations that end a sentence as often as not ("from 7 to 9 a.m. Loaves are baked at 3"),
# which the recogniser reads as inside one; and the capitalised words that go on the same
# sentence after a time of day ("at 5 p.m. Tuesday", "9 a.m. Eastern"). A company's suffix ends
# a leader's attribution before the next quotation: 'said Sarah Chen, CEO of TechStart Inc. "We ...'.
_COMPANY_SUFFIXES = frozenset(("inc.", "ltd.", "corp.", "co."))
_CLOSING_ABBREVIATIONS = frozenset(("a.m.", "p.m.", "etc.", *_COMPANY_SUFFIXES))
_OPENING_QUOTES = frozenset(('"', "“"))
# Any of them as a word of its own ("Inc." but not the end of "Mexico."): a text without one needs
# no walk over its tokens.
_HAS_CLOSING_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in sorted(_CLOSING_ABBREVIATIONS)) + ")", re.IGNORECASE
)
_AFTER_A_TIME = frozenset(
    (
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august", "september"),
        *("october", "november", "december", "eastern", "central", "mountain", "pacific", "local"),
    )
)


def end_sentences_after_abbreviations(doc: Any, text: str) -> None:
    """Start a sentence after "a.m.", "p.m." or "etc." when a capitalised word follows and a
    lower-case word after it (in place, before any parse): "… between 7 and 9 a.m. Loaves are
    baked …" is two sentences; "at 5 p.m. Tuesday" and "9 a.m. Eastern time" stay one. After a
    company's suffix ("Inc.", "Ltd."), only an opening quotation mark before a capitalised word
    starts one: 'at TechStart Inc. "Document quality improved …'."""
    if not doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return  # the parser set the boundaries (`Pipeline.splitter`): its tree must stay whole
    if not _HAS_CLOSING_ABBREVIATION.search(text):
        return  # most texts: no walk over their tokens
    for token in doc[: len(doc) - 2]:
        if token.lower_ not in _CLOSING_ABBREVIATIONS:
            continue
        following, after = doc[token.i + 1], doc[token.i + 2]
        if token.lower_ in _COMPANY_SUFFIXES:
            if _opens_a_quotation(doc, following, text) and token.whitespace_ and after.text[:1].isupper():
                following.is_sent_start = True
        elif following.is_title and after.is_lower and following.lower_ not in _AFTER_A_TIME:
            following.is_sent_start = True


# A sentence that ends on a word and one that opens with a figure: "… received a positive
# response. 80% of users …", which the recogniser runs together. Not after an abbreviation that
# a number follows ("fig. 3", "approx. 40").
_ENDS_BEFORE_A_FIGURE = re.compile(r"[a-z]{3}[.!?]\s+\d")
_BEFORE_A_NUMBER = frozenset("fig figs approx vol vols ver eq eqs ch sec pp vs est ref refs art tel ext".split())


def start_sentences_at_figures(doc: Any, text: str) -> None:
    """Start a sentence at a figure after a full stop that ends a word of three letters or more
    (in place, before any parse)."""
    if not doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return
    if not _ENDS_BEFORE_A_FIGURE.search(text):
        return
    for token in doc[1 : len(doc) - 1]:
        if _ends_on_a_word(doc, token) and doc[token.i + 1].text[:1].isdigit():
            doc[token.i + 1].is_sent_start = True


# A sentence that ends on a word in lower case and one that opens with a capital: "… or a
# separate runtime. PlatformIO, raw MicroPython and ESP-IDF may …", which the recogniser ran
# together (trial DB, 2026-12-06: a false 43-word sentence). Not after a lower-case abbreviation
# of three letters or more that a name may follow ("mrs. Jones", "Oak ave. Portland", "jan.
# Smith", "corp. Alpha"; shorter words, "vs.", "al.", never end a sentence here). Not "etc.",
# which ends one ("bread, cakes, etc. Loaves are baked at 3").
_ENDS_BEFORE_A_CAPITAL = re.compile(r"[a-z]{3}[.!?]\s+[A-Z]")
_BEFORE_A_NAME = frozenset(
    (
        "incl excl viz resp approx dept govt corp univ assn bros inc ltd mrs prof sen rep gov gen capt sgt "
        "ave blvd hwy apt ste jan feb mar apr jun jul aug sep sept oct nov dec"
    ).split()
)


def start_sentences_at_capitals(doc: Any, text: str) -> None:
    """Start a sentence at a capitalised word after a full stop, "!" or "?" that ends a word in
    lower case of three letters or more (in place, before any parse)."""
    if not doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return
    if not _ENDS_BEFORE_A_CAPITAL.search(text):
        return
    for token in doc[1 : len(doc) - 1]:
        following = doc[token.i + 1]
        if (
            _ends_on_a_word(doc, token)
            and following.text[:1].isupper()
            and following.text[:1].isalpha()
            and doc[token.i - 1].lower_ not in _BEFORE_A_NAME
        ):
            following.is_sent_start = True


def _ends_on_a_word(doc: Any, token: Any) -> bool:
    """Whether `token` is a full stop, "!" or "?" with a space after it, right after a word in
    lower case of three letters or more that is no abbreviation a number follows ("fig. 3")."""
    if token.text not in (".", "!", "?") or not token.whitespace_:
        return False
    word = doc[token.i - 1]
    return (
        word.is_alpha
        and word.is_lower
        and len(word) >= 3
        and not word.whitespace_
        and word.lower_ not in _BEFORE_A_NUMBER
    )


def join_exclaimed_names(doc: Any, text: str) -> None:
    """Continue a sentence after a name written with "!" ("¡Fiesta! lets you rate parties",
    "Socialize Now! makes it easier"), or with a question mark that closes a "¿" ("¿Donde? is an
    app ..."; round 52 of the user trials), when a word all in lower case follows on the same line:
    the mark is the name's, not the sentence's end (in place, before any parse). Not after an
    interjection ("Congratulations! your order ...") nor before a name that starts in lower case
    ("Done! iPhone users ...")."""
    if ("!" not in text and "¿" not in text) or not doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return
    for token in doc[1 : len(doc) - 1]:
        name, following = doc[token.i - 1], doc[token.i + 1]
        if (
            (token.text == "!" or (token.text == "?" and _closes_an_inverted_question(doc, token)))
            and not name.whitespace_
            and "\n" not in token.whitespace_
            and name.text[:1].isupper()
            and name.is_alpha
            and name.lower_ not in _INTERJECTIONS
            and following.is_sent_start
            and following.text.isalpha()
            and following.text.islower()
        ):
            following.is_sent_start = False


def _closes_an_inverted_question(doc: Any, mark: Any) -> bool:
    """Whether a "?" closes a "¿" opened at most four words before it, in the same sentence."""
    return any(doc[i].text == "¿" for i in range(max(mark.sent.start, mark.i - 5), mark.i))


# Words that end a sentence with "!" on their own ("Congratulations! your order has shipped").
_INTERJECTIONS = frozenset(
    "congratulations thanks thank welcome done yes no wow hooray hello hi hey great oops bravo cheers finally enjoy "
    "surprise attention".split()
)


# A figure with a magnitude letter or a times sign and the full stop that ends its sentence, which
# the tokenizer keeps in one token ("$508K.", "2.5M.", "3–5×.", "10x."), then a capital: "Revenue is
# $508K. The second year ...", "mesh building is 3–5×. Combined with ..." (round 35 of the user trials).
_MAGNITUDE_END = re.compile(r"\d[KMBkmb×x]\.\s+[A-Z]")
_MAGNITUDE_TOKEN = re.compile(r"[$€£]?\d[\d,.]*(?:[–-]\d[\d,.]*)?[KMBkmb×x]\.")


def end_sentences_after_magnitudes(doc: Any, text: str) -> None:
    """Start a sentence after a figure such as "$508K.", "2.5M." or "3–5×." when a capitalised word
    follows (in place, before any parse): the tokenizer keeps the full stop in the figure's
    token, so the sentence recogniser ran the two sentences together."""
    if not doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return
    if not _MAGNITUDE_END.search(text):
        return
    for token in doc[: len(doc) - 1]:
        following = doc[token.i + 1]
        if token.whitespace_ and _MAGNITUDE_TOKEN.fullmatch(token.text) and following.text[:1].isupper():
            following.is_sent_start = True


def _opens_a_quotation(doc: Any, mark: Any, text: str) -> bool:
    """An opening quotation mark of a quotation of three words or more: "“" or a straight '"'
    with an even number of them before it; not '"Pro" customers' (a quoted word)."""
    if mark.text not in _OPENING_QUOTES or (mark.text == '"' and text[: mark.idx].count('"') % 2):
        return False
    closing = next((t.i for t in doc[mark.i + 1 :] if t.text in ('"', "”")), len(doc))
    return closing - mark.i > 3


def start_sentences_after_labels(doc: Any, text: str) -> None:
    """Start a sentence after a newline (in place, before any parse). A unit's text holds one
    only after a label line of its own ("**Availability**" over its paragraph; see
    `wbl.markdown`), which the recogniser would run into the sentence that follows."""
    if "\n" not in text or not doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return  # most texts; or the parser set the boundaries (`Pipeline.splitter`): its tree must stay whole
    for token in doc[: len(doc) - 1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True


def start_sentences_at_bullets(doc: Any, text: str) -> None:
    """Start a sentence at a bullet character (in place, before any parse): the lines of a list
    typed with "•" are one Markdown paragraph, and the recogniser ran them into one sentence."""
    if not BULLETS.intersection(text) or not doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return
    for token in doc[1:]:
        if token.text in BULLETS:
            token.is_sent_start = True
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = False


def split_long(text: str, size: int = MAX_PIECE) -> list[str]:
    """`text` cut into pieces of at most `size` characters that join back into it: each cut
    after the last sentence end in the second half of a piece, else after its last white space,
    else (a single "word" that long) at the limit."""
    if len(text) <= size:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for match in _SENTENCE_END.finditer(window, size // 2):
            cut = match.end()
        if not cut:
            space = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
            cut = space + 1 if space > 0 else size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


# The memo of values derived from a Doc (`wbl.document.Unit.remember_analysis`), dropped when the
# Doc is completed; and the memo of values derived from what `split` sets alone (tokens, their
# lexical attributes, sentence boundaries: `Unit.remember_split`), which completing leaves as it
# was, so they are kept.
MEMO = "wbl.memo"
SPLIT_MEMO = "wbl.memo.split"
_LOCK = threading.RLock()
_IMPORT_LOCK = threading.Lock()
_PIPELINES: dict[tuple[str, frozenset[str]], Pipeline] = {}
_NUMPY_OPS: Any = None  # see `numpy_ops`


def load_pipeline(name: str | None = None, features: Iterable[str] | None = None) -> Pipeline:
    """Load (once per process) and return the pipeline named `name` or the default, with the
    components the `features` need and the sentence recogniser (all of them when `features` is None).

    A pipeline already loaded with at least those components is reused.
    """
    resolved = resolve_model(name)
    with _LOCK:
        for (loaded_name, components), pipeline in _PIPELINES.items():
            if loaded_name != resolved:
                continue
            if features is None and components >= pipeline.available:
                return pipeline
            if features is not None and _needed(pipeline.available, features) <= components:
                return pipeline
        pipeline = _load(resolved, None if features is None else frozenset(features))
        _PIPELINES[(resolved, frozenset(pipeline.components))] = pipeline
    return pipeline


def _needed(available: Collection[str], features: Collection[str]) -> frozenset[str]:
    """The components to load for `features`: theirs, tok2vec for listeners, and one that sets
    sentence boundaries (the parser when the pipeline has no sentence recogniser)."""
    wanted = {c for f in features for c in FEATURE_COMPONENTS.get(f, ())}
    splitter = next((c for c in SENTENCE_COMPONENTS if c in available), None)
    wanted.add(splitter or "parser")
    return frozenset(c for c in wanted if c in available)


def import_spacy() -> Any:
    """`import spacy`, without importing its command line on the way.

    spaCy's `__init__` imports `spacy.cli.info` only to offer `spacy.info`, and `spacy.cli`
    imports typer, weasel, requests and jinja2: a third of a cold `import spacy` (about 0.2 s of
    0.6 s), on the critical path of every one-file pre-commit run. While spaCy is imported,
    `spacy.cli` and `spacy.cli.info` are stand-ins; they are taken out right after, and the real
    command line is imported when first asked for (`spacy.cli`, `import spacy.cli`, `spacy.info()`).
    The one limit: another thread that imports from `spacy.cli` during that first import of
    spaCy gets the stand-in (wbl itself imports spaCy under one lock, before any lint).
    """
    with _IMPORT_LOCK:
        if "spacy" in sys.modules or "spacy.cli" in sys.modules:
            return importlib.import_module("spacy")  # waits for an import under way in another thread
        cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
        info.info = _real_spacy_info  # type: ignore[attr-defined]
        with stand_ins(cli, info):
            spacy = importlib.import_module("spacy")
        if "__getattr__" not in vars(spacy):
            spacy.__getattr__ = _spacy_attribute  # `spacy.cli` imports the command line then
        return spacy


def _spacy_attribute(name: str) -> Any:
    """spaCy's attributes that `import_spacy` left for later: only `cli`."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


def _real_spacy_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, importing spaCy's command line when it is first called."""
    from spacy.cli.info import info

    if info is _real_spacy_info:  # the stand-in outlived the import (interrupted half way)
        raise ImportError("spaCy's command line could not be imported")
    return info(*args, **kwargs)


def _load(name: str, features: frozenset[str] | None) -> Pipeline:
    spacy = import_spacy()

    try:
        available = _package_components(name)
        exclude = [] if features is None else sorted(available - _needed(available, features))
        with numpy_ops():  # the layers keep the ops they were built with
            nlp = spacy.load(name, exclude=exclude)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0]}") from None
    except Exception as exc:  # A broken pipeline package is a configuration problem, not a crash.
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {type(exc).__name__}: {exc}") from None
    # en_core_web_sm ships a statistical sentence recogniser, disabled by default: it sets the
    # boundaries for the whole cascade, much more cheaply than the parser.
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not any(c in nlp.component_names for c in ("senter", "sentencizer", "parser")):
        nlp.add_pipe("sentencizer")
    fastpipe.install(nlp)  # the same POS, morphology and lemmas, with less per-token overhead
    version = f"{nlp.meta.get('name', name)}-{nlp.meta.get('version', '?')}"
    return Pipeline(name, nlp, version, frozenset(available | set(nlp.component_names)))


def _package_components(name: str) -> frozenset[str]:
    """Every component a pipeline package declares, read from its config without loading it."""
    spacy = import_spacy()

    path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else None
    if path is not None:
        # A package's data folder is the one holding config.cfg, named after the package and version.
        folders = [p for p in path.iterdir() if (p / "config.cfg").is_file()]
        if folders:
            config = spacy.util.load_config(folders[0] / "config.cfg")
            return frozenset(config["nlp"]["pipeline"])
    return frozenset()  # an unusual pipeline: load everything (nothing is excluded)


class _LemmaTables:
    """What a pipeline's lemmatizer and attribute ruler could make of a word, whatever its tag."""

    def __init__(self, nlp: Any) -> None:
        self._memo: dict[str, frozenset[str]] = {}
        self.rules: set[tuple[str, str]] = set()
        self.exceptions: dict[str, set[str]] = {}
        self.by_word: dict[str, set[str]] = {}  # attribute-ruler patterns that set a word's lemma
        self.by_regex: list[tuple[re.Pattern[str], str]] = []  # patterns that match the word by a regex
        self.anywhere: set[str] = set()  # lemmas set by patterns that match other than by the word
        self.complete = "lemmatizer" not in nlp.component_names or _lemmatizer_mode(nlp) == "rule"
        if "lemmatizer" in nlp.component_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            for table_name, target in (("lemma_rules", "rules"), ("lemma_exc", "exceptions")):
                if not lookups.has_table(table_name):
                    continue
                for by_pos in lookups.get_table(table_name).values():
                    if target == "rules":
                        self.rules.update((old, new) for old, new in by_pos)
                    else:
                        for form, lemmas in by_pos.items():
                            self.exceptions.setdefault(form, set()).update(lemmas)
        if "attribute_ruler" in nlp.component_names:
            for pattern in nlp.get_pipe("attribute_ruler").patterns:
                lemma = pattern["attrs"].get("LEMMA")
                if lemma is None:
                    continue
                index = pattern.get("index", 0)
                for tokens in pattern["patterns"]:
                    # The lemma goes to the token at `index`; a plain word there names it.
                    token = tokens[index] if -len(tokens) <= index < len(tokens) else {}
                    word = token.get("LOWER") or token.get("ORTH")
                    words = [word] if isinstance(word, str) else word.get("IN") if isinstance(word, dict) else None
                    if isinstance(word, dict) and isinstance(word.get("REGEX"), str):
                        self.by_regex.append((re.compile(word["REGEX"]), lemma.lower()))
                    elif isinstance(words, list) and all(isinstance(w, str) for w in words):
                        for each in words:
                            self.by_word.setdefault(each.lower(), set()).add(lemma.lower())
                    else:
                        self.anywhere.add(lemma.lower())

    def candidates(self, word: str) -> frozenset[str]:
        found = self._memo.get(word)
        if found is None:
            found = self._memo[word] = self._candidates(word)
        return found

    def _candidates(self, word: str) -> frozenset[str]:
        lower = word.lower()
        found = {lower, *self.exceptions.get(lower, ()), *self.by_word.get(lower, ()), *self.anywhere}
        found.update(lemma for regex, lemma in self.by_regex if regex.search(lower))
        found.update(lower[: len(lower) - len(old)] + new for old, new in self.rules if lower.endswith(old))
        return frozenset(f for f in found if f)


def _lemmatizer_mode(nlp: Any) -> str:
    return str(getattr(nlp.get_pipe("lemmatizer"), "mode", ""))


_LEMMA_TABLES: dict[int, _LemmaTables] = {}


def known_lemmas(doc: Any, pos: str) -> frozenset[str]:
    """The words of a part of speech ("verb", "adj", "adv", "noun") that the lemmatizer of the
    pipeline that made `doc` knows by name (its "lemma_index" table: the verbs "paste", "code",
    "lock", not "locke" or "pointe"); empty when that cannot be known."""
    pipeline = next((p for p in _PIPELINES.values() if p.nlp.vocab is doc.vocab), None)
    if pipeline is None or "lemmatizer" not in pipeline.nlp.component_names:
        return frozenset()
    key = (id(pipeline.nlp), pos)
    known = _KNOWN_LEMMAS.get(key)
    if known is None:
        lookups = pipeline.nlp.get_pipe("lemmatizer").lookups
        index = lookups.get_table("lemma_index") if lookups.has_table("lemma_index") else {}
        known = _KNOWN_LEMMAS[key] = frozenset(index.get(pos, ()))
    return known


_KNOWN_LEMMAS: dict[tuple[int, str], frozenset[str]] = {}


def lemma_candidates(doc: Any, word: str) -> frozenset[str] | None:
    """Every lemma (lower case) the pipeline that made `doc` could give `word`, whatever the
    word's tag: the word itself, its lemmatizer's exceptions and suffix rules, its attribute
    ruler's lemmas. For prefilters, which run before the tagger. None when that cannot be known
    (a pipeline wbl did not load, or a lemmatizer that is not rule-based): anything is possible.
    """
    pipeline = next((p for p in _PIPELINES.values() if p.nlp.vocab is doc.vocab), None)
    if pipeline is None:
        return None
    tables = _LEMMA_TABLES.get(id(pipeline.nlp))
    if tables is None:
        tables = _LEMMA_TABLES[id(pipeline.nlp)] = _LemmaTables(pipeline.nlp)
    return tables.candidates(word) if tables.complete else None


__all__ = [
    "DEEP_FEATURES",
    "DEFAULT_MODELS",
    "FEATURE_COMPONENTS",
    "ModelError",
    "Pipeline",
    "known_lemmas",
    "lemma_candidates",
    "load_pipeline",
    "resolve_model",
]
