"""The document model rules read: sections > prose units > sentences, each with source offsets,
and the PR/FAQ anatomy (which part each unit is), computed once when the document is built.

Values are frozen. The engine builds a `Document` from the parsed Markdown, then attaches the
spaCy analysis with `Document.with_analysis`, which returns a new `Document`.

The memo protocol: values derived from a unit or a document (its sentences, word counts, and
values several rules share) are computed once and remembered on it. Each is named by a
`MemoKey`, declared once (wbl's own below; the rule pack's in its ``memo`` module), which says
where the value is kept: with the document, with the unit, with the unit's spaCy analysis
(for values that depend on the unit's text alone, which the language server keeps across edits),
or by sentence (for values that depend on one sentence and its edges alone: the language server
keeps them for every sentence an edit did not change, in whichever paragraph it now stands).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from wbl.anatomy import PRFAQ_KINDS, Anatomy, analyse, rebind
from wbl.markdown import (
    Block,
    CodeSpan,
    FrontMatter,
    ParsedMarkdown,
    SourceMap,
    blank_line_of,
    front_matter_title,
    parse,
    unclosed_fence,
)
from wbl.nlp import MEMO, RAN, SPLIT_MEMO
from wbl.source import SourceText

T = TypeVar("T")
MEMO_SCOPES = ("document", "unit", "analysis", "split", "sentence")
# How many tokens beyond its edges a "sentence" value may read (see `MemoKey`).
SENTENCE_REACH = 2
# Parts of speech that carry content (jargon density, the density kind).
CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ", "ADV")


@dataclass(frozen=True, slots=True)
class MemoKey:
    """The declared name of a remembered value and where it is kept: on the "document", on the
    "unit", or with the unit's "analysis" (its spaCy Doc; the value may depend on nothing else
    than the unit's text and the `inputs` named in the key). A "split" value is kept with the
    Doc too, and also when the Doc is completed with the parse: it may read only what splitting
    sets (token texts and lexical attributes such as `is_punct` or `like_num`, sentence
    boundaries), never a tag, lemma, dependency or entity.

    A "sentence" value (`remember(sentence, ...)`) is kept in the engine's sentence store when
    it has one (`Linter.sentence_cache`, the language server's), under the sentence's context
    (`sentence_context`): it serves every sentence with the same text, tokens and analysis and
    the same tokens around it, whichever unit holds it, so that an edit pays only for the
    sentences it changed. It may read the sentence's text (`Sentence.text`), its tokens with
    every attribute (their heads and children), and up to `SENTENCE_REACH` tokens on either side
    plus the rest of any word written without a space that those touch (their attributes, not
    where their heads lead); everything else (the unit's part or other text, the document's
    product names, options) must be among the `inputs`. The value must not refer to the unit,
    spaCy objects or token indices, and may hold offsets relative to the sentence only. Without
    a store, or where a sentence's analysis reaches outside it (a paragraph parsed whole), it
    is kept with the unit's analysis under the sentence's offset."""

    name: str
    scope: str
    doc: str = ""

    def __post_init__(self) -> None:
        if self.scope not in MEMO_SCOPES:
            raise ValueError(f"memo key {self.name!r}: scope {self.scope!r} is not one of {MEMO_SCOPES}")

    def key(self, *inputs: Any) -> str:
        """The stored key: the name, and every input the value depends on."""
        return self.name if not inputs else f"{self.name}:{':'.join(map(str, inputs))}"

    def remember(self, target: Unit | Document | Sentence, compute: Callable[[], T], *inputs: Any) -> T:
        """`compute()` once per target and inputs, kept where the key says."""
        key = self.name if not inputs else f"{self.name}:{':'.join(map(str, inputs))}"
        scope = self.scope
        if scope == "sentence":
            assert isinstance(target, Sentence), f"{self.name} is kept by sentence"
            store = SENTENCE_STORE.get()
            context = sentence_context(target) if store is not None else None
            if store is None or context is None:
                return target.unit.remember_analysis(f"{key}@{target.start}", compute)  # type: ignore[no-any-return]
            try:
                return store[(key, context)]  # type: ignore[no-any-return]
            except KeyError:
                value = store[(key, context)] = compute()
                return value
        if scope == "analysis" or scope == "split":
            assert isinstance(target, Unit), f"{self.name} is kept with a unit's analysis"
            doc = target.nlp
            if doc is not None:
                # `Unit.remember_analysis` and `remember_split`, inlined: rules look up a few
                # thousand remembered values per lint, most of them already there.
                store = doc.user_data.get(MEMO if scope == "analysis" else SPLIT_MEMO)
                if store is None:
                    store = doc.user_data.setdefault(MEMO if scope == "analysis" else SPLIT_MEMO, {})
                try:
                    return store[key]  # type: ignore[no-any-return]
                except KeyError:
                    value = store[key] = compute()
                    return value
        return target.remember(key, compute)  # type: ignore[no-any-return]


SENTENCES = MemoKey("wbl.sentences", "unit", "the unit's sentences")
WORD_COUNT = MemoKey("wbl.word_count", "split", "the unit's words (see `count_words`)")
UNIT_KEYS = MemoKey("wbl.unit_keys", "document", "what local rules may read of each unit (the engine's unit cache)")
# A speaker's voice at the start of a text: "I ...", "We're ...", "My ...", "Our ...".
_FIRST_PERSON_OPENING = re.compile(r"""[\s"'“‘(*_]*(?:I|We|My|Our|Me|Us)\b(?!\.)""")
QUOTATION_UNITS = MemoKey("wbl.quotation_units", "document", "the units that hold a quotation the anatomy found")
UNIT_SLOTS = MemoKey("wbl.unit_slots", "document", "each unit's entry of the engine's unit cache (inputs: kind)")
# The spans refer to their Doc, which keeps them: `Document.release` drops them unless the Docs
# are kept for later lints (the language server's), so that a Doc is freed without the cycle collector.
SENTENCE_SPANS = MemoKey(
    "wbl.sentence_spans", "analysis", "the unit's sentences as character offsets and spaCy spans (kept with its Doc)"
)
CONTENT_WORD_COUNT = MemoKey("wbl.content_words", "analysis", "the unit's content words (see `CONTENT_POS`)")
SENTENCE_CONTEXTS = MemoKey(
    "wbl.sentence_contexts", "analysis", 'each sentence\'s context, the key of its "sentence" values (by offset)'
)
# The engine's store of "sentence" values while it runs the rules (`Linter.sentence_cache`), if any.
SENTENCE_STORE: ContextVar[MutableMapping[Any, Any] | None] = ContextVar("wbl.sentence_store", default=None)
# The token attributes a sentence's context holds: all that spaCy's pipelines set on a token.
_CONTEXT_ATTRIBUTES = (
    "ORTH",
    "SPACY",
    "NORM",
    "TAG",
    "POS",
    "MORPH",
    "LEMMA",
    "DEP",
    "HEAD",
    "ENT_IOB",
    "ENT_TYPE",
    "ENT_KB_ID",
    "SENT_START",
)
_SPACY, _HEAD, _ENT_IOB = (_CONTEXT_ATTRIBUTES.index(a) for a in ("SPACY", "HEAD", "ENT_IOB"))
_INSIDE = 1  # ENT_IOB of a token inside an entity that began before it


@contextmanager
def sentence_store(store: MutableMapping[Any, Any] | None) -> Iterator[None]:
    """Within this context, "sentence" values are kept in `store` (None: with each unit's analysis)."""
    token = SENTENCE_STORE.set(store)
    try:
        yield
    finally:
        SENTENCE_STORE.reset(token)


def sentence_context(sentence: Sentence) -> tuple[Any, ...] | None:
    """Everything a "sentence" value may read but its inputs (see `MemoKey`): the components run on
    the Doc, the sentence's text, and its tokens and those within reach with all their attributes.
    None when the sentence's analysis reaches outside it (a head or an entity across its edges:
    a paragraph parsed whole rather than sentence by sentence)."""
    unit = sentence.unit
    if sentence.span is None or unit.nlp is None:
        return None
    return SENTENCE_CONTEXTS.remember(unit, lambda: _sentence_contexts(unit)).get(sentence.start)


def _sentence_contexts(unit: Unit) -> dict[int, tuple[Any, ...] | None]:
    import numpy

    doc = unit.nlp
    rows = doc.to_array(list(_CONTEXT_ATTRIBUTES)).astype(numpy.int64)  # HEAD is a signed offset
    ran = frozenset(doc.user_data.get(RAN, ()))
    glued = rows[:, _SPACY] == 0  # a token written without a space after it
    size = len(doc)
    contexts: dict[int, tuple[Any, ...] | None] = {}
    for sentence in unit.sentences:
        start, end = sentence.span.start, sentence.span.end
        heads = rows[start:end, _HEAD] + numpy.arange(start, end)
        if (
            heads.min() < start
            or heads.max() >= end
            or rows[start, _ENT_IOB] == _INSIDE
            or (end < size and rows[end, _ENT_IOB] == _INSIDE)
        ):
            contexts[sentence.start] = None
            continue
        first, last = max(0, start - SENTENCE_REACH), min(size, end + SENTENCE_REACH)
        while first > 0 and glued[first - 1]:
            first -= 1
        while last < size and glued[last - 1]:
            last += 1
        window = rows[first:last].copy()
        # Where the tokens around the sentence have their heads is not theirs to read: an edit of
        # the next sentence that moves its root leaves this one's values as they were.
        window[: start - first, _HEAD] = window[end - first :, _HEAD] = 0
        contexts[sentence.start] = (
            ran,
            sentence.text,
            first == 0,
            last == size,
            start - first,
            end - first,
            window.tobytes(),
        )
    return contexts


def _sentence_spans(doc: Any, text: str) -> tuple[tuple[int, int, Any], ...]:
    """(start_char, end_char, span) of each sentence of a unit's Doc that is not blank, without
    the newline that ends a label line ("Availability\n", see
    `wbl.nlp.start_sentences_after_labels`). `text` is the unit's: the Doc's but for long runs
    of punctuation masked as "-" (`wbl.nlp`), which are no white space either way."""
    spans = []
    for sent in doc.sents:
        end = sent.end
        while end > sent.start and doc[end - 1].is_space:
            end -= 1
        if end > sent.start and text[sent.start_char : sent.end_char].strip():
            span = sent if end == sent.end else doc[sent.start : end]
            spans.append((span.start_char, span.end_char, span))
    return tuple(spans)


def count_words(tokens: Iterable[Any]) -> int:
    """The word count wbl uses everywhere, a reader's: runs of tokens with no space between them
    count once if they hold anything but punctuation ("day's", "can't", "$180", "31%", "e-mail"
    and "and/or" are one word each, though the tokenizer splits them), and a dash splits a run
    ("this—and that" is three words)."""
    count = 0
    in_word = False
    for token in tokens:  # the cheap tests first: this runs over every token, often
        if token.is_punct:
            if in_word and token.text in _WORD_BREAKS:
                in_word = False
        elif token.is_space:
            in_word = False
        elif not in_word:
            count += 1
            in_word = True
        if in_word and token.whitespace_:
            in_word = False
    return count


# Punctuation that separates two words though nothing spaces it from them.
_WORD_BREAKS = frozenset(["—", "–", "--", "…", "..."])


class _Memo:
    """`remember`: derived values computed once per analysed unit or document (see `MemoKey`)."""

    __slots__ = ()
    memo: dict[str, Any]

    def remember(self, key: str, compute: Any) -> Any:
        """`compute()` once per key; later calls return the stored value."""
        return _remembered(self.memo, key, compute)


def _remembered(store: dict[str, Any], key: str, compute: Any) -> Any:
    try:
        return store[key]
    except KeyError:
        value = store[key] = compute()
        return value


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a prose unit: `unit.text[start:end]`, with its spaCy span when analysed."""

    unit: Unit
    start: int
    end: int
    span: Any = None  # spacy.tokens.Span

    @property
    def text(self) -> str:
        return self.unit.text[self.start : self.end]

    @property
    def word_count(self) -> int:
        """Words of the sentence, counted as `Unit.word_count` counts them."""
        return len(self.text.split()) if self.span is None else count_words(self.span)


@dataclass(frozen=True, slots=True)
class Unit(_Memo):
    """A prose block: a heading, paragraph, list item or table cell.

    `part` is "pr" for the press release (everything before the FAQ), "faq", or "back" for the
    back matter no rule reads (sources, appendices, notes), as the anatomy found it. `nlp` is
    the spaCy `Doc` of `text` once the document is analysed.
    """

    index: int
    kind: str
    text: str
    source_map: SourceMap
    start: int
    end: int
    section: int
    part: str
    level: int = 0
    quote_depth: int = 0
    list_depth: int = 0
    ordered: bool = False
    code_spans: tuple[CodeSpan, ...] = ()
    links: tuple[str, ...] = ()
    emphasis: tuple[tuple[int, int], ...] = ()  # bold/italic spans of `text` (see markdown.Block)
    breaks: tuple[int, ...] = ()  # offsets in `text` of the source's line breaks
    nlp: Any = field(default=None, compare=False, repr=False)
    # Per-unit scratch space for derived values (sentences, word count, and values rules share,
    # keyed by a name the rule picks): computed once per analysed unit, never compared or printed.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False, hash=False)

    def remember_analysis(self, key: str, compute: Any) -> Any:
        """`remember` for values that depend only on this unit's text and its spaCy analysis.

        They are kept with the spaCy `Doc`, so when a `Doc` is reused for an unchanged paragraph
        (the language server re-lints after each edit) they are not computed again. The key must
        name every other input (options, word lists); the value must not refer to this `Unit`
        or to positions in the file, only to offsets in `text`.
        """
        if self.nlp is None:
            return self.remember(key, compute)
        return _remembered(self.nlp.user_data.setdefault(MEMO, {}), key, compute)

    def remember_split(self, key: str, compute: Any) -> Any:
        """`remember_analysis` for values that read only what splitting sets (see `MemoKey`): they
        survive the parse cascade completing the Doc, so a prefilter's work is not done again
        by the rule that reads the parse."""
        if self.nlp is None:
            return self.remember(key, compute)
        return _remembered(self.nlp.user_data.setdefault(SPLIT_MEMO, {}), key, compute)

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"

    @property
    def in_quote(self) -> bool:
        return self.quote_depth > 0

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Sentences from the pipeline; the whole unit when it was not analysed."""
        return SENTENCES.remember(self, self._sentences)

    def _sentences(self) -> tuple[Sentence, ...]:
        if self.nlp is None:
            stripped = self.text.strip()
            if not stripped:
                return ()
            start = self.text.index(stripped[0])
            return (Sentence(self, start, start + len(stripped)),)
        doc = self.nlp
        spans = SENTENCE_SPANS.remember(self, lambda: _sentence_spans(doc, self.text))
        return tuple(Sentence(self, start, end, span) for start, end, span in spans)

    @property
    def word_count(self) -> int:
        """Words: tokens that are neither punctuation nor space (whitespace split before analysis)."""
        if self.nlp is None:
            return len(self.text.split())
        return WORD_COUNT.remember(self, lambda: count_words(self.nlp))

    @property
    def content_word_count(self) -> int:
        """Content words: nouns, proper nouns, verbs, adjectives and adverbs that are not stop
        words (whitespace split before analysis)."""
        if self.nlp is None:
            return len(self.text.split())
        return CONTENT_WORD_COUNT.remember(
            self, lambda: sum(1 for t in self.nlp if t.pos_ in CONTENT_POS and not t.is_stop)
        )

    def words_between(self, start: int, end: int) -> int:
        """Words of `text[start:end]`, counted as `word_count` counts them."""
        if self.nlp is None:
            return len(self.text[start:end].split())
        if start <= 0 and end >= len(self.text):
            return self.word_count  # remembered: the anatomy asks for whole units again and again
        return count_words(t for t in self.nlp if start <= t.idx < end)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Plain-text span of this unit -> span in the original file."""
        return self.source_map.span(start, end)

    def quoted(self, start: int, end: int, source: str = "") -> str:
        """The plain text `text[start:end]` as a finding quotes it: with the inline code that
        stands inside it put back ("a schema spike (spikes/schema/) confirmed", not "a schema
        spike () confirmed"); the analysed text leaves code out. With the file's `source`, the
        white space the file has around the code is kept ("add `pkg`" at a line's end, then "to"
        on the next line: "add pkg to", not "add pkgto")."""
        # In plain-text order (a unit can hold thousands of code spans): found by bisection.
        first = bisect_right(self.code_spans, start, key=lambda c: c.plain_offset)
        last = bisect_left(self.code_spans, end, key=lambda c: c.plain_offset)
        inside = self.code_spans[first:last]
        if not inside:
            return self.text[start:end]
        pieces, at = [], start
        for code in inside:
            before, after = self.text[at : code.plain_offset], code.code
            if source:
                opening, closing = code.start, code.end
                while opening > 0 and source[opening - 1] == "`":
                    opening -= 1
                while closing < len(source) and source[closing] == "`":
                    closing += 1
                if source[opening - 1 : opening].isspace() and before and not before[-1].isspace():
                    after = " " + after
                following = self.text[code.plain_offset : code.plain_offset + 1]
                if source[closing : closing + 1].isspace() and following and not following.isspace():
                    after += " "
            pieces += [before, after]
            at = code.plain_offset
        return "".join([*pieces, self.text[at:end]])


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything under it up to the next heading of the same or a higher level.

    Section 0 is the document root (text before any heading, title ""). `units` are the prose
    units directly in this section (not in sub-sections).
    """

    index: int
    title: str
    level: int
    heading: int | None
    parent: int | None
    part: str
    units: tuple[int, ...] = ()
    children: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Document(_Memo):
    path: str
    source: SourceText
    front_matter: FrontMatter | None
    blocks: tuple[Block, ...]
    units: tuple[Unit, ...]
    sections: tuple[Section, ...]
    anatomy: Anatomy = field(compare=False, repr=False)
    # Document-wide scratch space for values several rules derive (see `Unit.remember`).
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False, hash=False)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def has_faq(self) -> bool:
        return any(u.part == "faq" for u in self.units)

    def word_count(self, part: str | None = None) -> int:
        """Words of the document (or of one part, "pr" or "faq"): the sum of its units'."""
        return sum(u.word_count for u in self.units if part is None or u.part == part)

    def pr_units(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.part == "pr")

    def faq_units(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.part == "faq")

    def sentences(self, *, part: str | None = None, kinds: Sequence[str] | None = None) -> Iterator[Sentence]:
        for unit in self.units:
            if part is not None and unit.part != part:
                continue
            if kinds is not None and unit.kind not in kinds:
                continue
            yield from unit.sentences

    def section_of(self, unit: Unit) -> Section:
        return self.sections[unit.section]

    def quoted_in_blockquote(self, unit: Unit) -> bool:
        """Whether the unit is someone's words set in a block quote (the anatomy found a quotation
        in it, or it opens in the first person: "> We hope to ..."), not prose that the layout puts
        in one (a press release under `>`, written about the product)."""
        if not unit.in_quote:
            return False
        holding = QUOTATION_UNITS.remember(self, lambda: frozenset(id(q.unit) for q in self.anatomy.quotes))
        return id(unit) in holding or _FIRST_PERSON_OPENING.match(unit.text) is not None

    def section_path(self, unit: Unit) -> list[Section]:
        chain = []
        index: int | None = unit.section
        while index is not None:
            section = self.sections[index]
            chain.append(section)
            index = section.parent
        return list(reversed(chain))

    def with_analysis(self, docs: Sequence[Any]) -> Document:
        """A copy whose units carry the spaCy `Doc`s (one per unit, in order)."""
        units = tuple(dataclasses.replace(u, nlp=d, memo={}) for u, d in zip(self.units, docs, strict=True))
        return dataclasses.replace(self, units=units, anatomy=rebind(self.anatomy, units), memo={})

    def release(self, *, keep_analysis: bool = False) -> None:
        """Drop the remembered values. They refer back to units (a unit's sentences point at the
        unit), so without this a linted document waits for the cycle collector; with it, it is
        freed as soon as the engine lets go of it. The sentence spans kept with each Doc refer to
        it as well: they are dropped too, unless the Docs are kept for later lints (`keep_analysis`)."""
        self.memo.clear()
        for unit in self.units:
            unit.memo.clear()
            if not keep_analysis and unit.nlp is not None:
                unit.nlp.user_data.get(MEMO, {}).pop(SENTENCE_SPANS.key(), None)


def swallowing_fence(document: Document) -> tuple[int, int] | None:
    """The marker of a top-level code fence that is never closed ([start, end) in the source),
    which turns the rest of the file into code; None when there is none."""
    return _swallowing_fence(document.source.text, document.blocks)


def _swallowing_fence(text: str, blocks: Sequence[Block]) -> tuple[int, int] | None:
    fence = unclosed_fence(text)
    if fence is None:
        return None
    # The parse agrees: a top-level code block starts after the marker, and no prose follows it
    # (a fence in a list item or a block quote ends with its container).
    after = [b for b in blocks if b.end > fence[1]]
    code = any(b.kind == "code" and not b.quote_depth and not b.list_depth for b in after)
    return fence if code and not any(b.is_prose for b in after) else None


def build_document(path: str, source: SourceText, parsed: ParsedMarkdown, *, retry: bool = True) -> Document:
    """Group prose blocks into a section tree, then find the PR/FAQ anatomy (which also tells
    the press release from the FAQ)."""
    sections: list[dict[str, Any]] = [
        {"title": "", "level": 0, "heading": None, "parent": None, "units": [], "children": []}
    ]
    stack = [0]
    units: list[Unit] = []
    # A post's title in its front matter is its heading (a launch post under `_posts/`).
    for block in (*front_matter_title(source.text, parsed.front_matter, parsed.blocks), *parsed.blocks):
        if not block.is_prose:
            continue
        if block.kind != "heading" and not block.text.strip():
            continue  # a paragraph of markup only ('<a id="x"></a> <!-- note -->'): no prose to judge
        assert block.source_map is not None
        if block.kind == "heading" and block.quote_depth == 0 and block.list_depth == 0:
            while len(stack) > 1 and sections[stack[-1]]["level"] >= block.level:
                stack.pop()
            parent = stack[-1]
            sections.append(
                {
                    "title": block.text.strip(),
                    "level": block.level,
                    "heading": len(units),
                    "parent": parent,
                    "units": [],
                    "children": [],
                }
            )
            sections[parent]["children"].append(len(sections) - 1)
            stack.append(len(sections) - 1)
        section_index = stack[-1]
        unit = Unit(
            index=len(units),
            kind=block.kind,
            text=block.text,
            source_map=block.source_map,
            start=block.start,
            end=block.end,
            section=section_index,
            part="pr",
            level=block.level,
            quote_depth=block.quote_depth,
            list_depth=block.list_depth,
            ordered=block.ordered,
            code_spans=block.code_spans,
            links=block.links,
            emphasis=block.emphasis,
            breaks=block.breaks,
        )
        sections[section_index]["units"].append(unit.index)
        units.append(unit)
    anatomy = analyse(units, source, path, [(b.start, b.raw) for b in parsed.blocks if b.kind == "code"])
    fence = _swallowing_fence(source.text, parsed.blocks) if retry and anatomy.kind not in PRFAQ_KINDS else None
    if fence is not None:
        # A fence never closed hides the rest of the file: the kind is what the file would be
        # with that fence line gone, so that the file is judged (and the fence reported).
        text = blank_line_of(source.text, fence[0])
        kind = build_document(path, SourceText(text), parse(text), retry=False).anatomy
        if kind.kind in PRFAQ_KINDS:
            anatomy = dataclasses.replace(anatomy, kind=kind.kind, kind_sure=kind.kind_sure)
    units = [dataclasses.replace(u, part=anatomy.regions[u.index]) for u in units]
    frozen_sections = tuple(
        Section(
            index=i,
            title=s["title"],
            level=s["level"],
            heading=s["heading"],
            parent=s["parent"],
            part=units[s["heading"]].part if s["heading"] is not None else "pr",
            units=tuple(s["units"]),
            children=tuple(s["children"]),
        )
        for i, s in enumerate(sections)
    )
    return Document(
        path, source, parsed.front_matter, parsed.blocks, tuple(units), frozen_sections, rebind(anatomy, units)
    )
