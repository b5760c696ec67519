"""The metric kind: a measure of a sentence, a unit or a part of the PR/FAQ against limits."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wbl import readability
from wbl.kinds.base import Kind, document_anchor
from wbl.options import Option, Schema
from wbl.rule import Figure, RuleContext, Severity, Violation

if TYPE_CHECKING:
    from wbl.anatomy import Segment
    from wbl.document import Document, Unit

# What can be measured, and the type of its limits.
MEASURES = {"words": "integer", "sentences": "integer", "grade": "number"}
# What is measured: each sentence or unit (of `kinds`, in `parts`), each document part's prose
# together, or one part of the PR/FAQ as the document's anatomy finds it (its own prose: titles,
# metadata, labels and template prompts left out).
SCOPES = ("sentence", "unit", "part", "press-release", "faq", "summary")
_UNIT_SCOPES = ("sentence", "unit", "part")
# A unit that ends without one of these gets a full stop before a document part is scored.
_SENTENCE_ENDS = ".!?"
# The fewest words of a paragraph a finding about its part may point at (`point-at = "highest"`):
# one long word makes a short line "hard" ("**Availability**").
_POINTED_WORDS = 15
# Anatomy roles a finding about a part does not point at: the release's boilerplate and fields.
_NOT_POINTED_ROLES = ("boilerplate", "metadata")

# The levels a measure can cross, most severe first: option prefix, message option, severity.
_LEVELS = (("error", "error-message", Severity.ERROR), ("max", "message", None))
_HINT = "hint-message"


@dataclass(frozen=True, slots=True)
class _Subject:
    """One thing measured: its values by measure, where a finding goes, and its unit (if one)."""

    values: dict[str, float]
    place: Callable[[str, Severity | None], Violation]
    unit: Unit | None
    offset: int = 0  # where in its unit the subject starts (the anatomy's role there)


class Metric(Kind):
    """Flags a sentence, unit or part of the PR/FAQ whose measure is over a limit.

    The rule file says what is measured (`measures`: words, sentences, grade) and of what (`of`).
    Each measure `m` has the options `max-m` (a warning above it), `error-m` (an error above it)
    and `info-m` (a hint above it); a value over `max-m` by at most `margin` (a fraction of the
    limit, at most 1) is a hint, with the warning's message, when every measure over its limit is;
    the messages may name each measure's value (`{words}`), the limit crossed (`{limit}`) and each
    warning limit (`{max_words}`). A rule that names anatomy roles in `hint-in-roles` reports its
    findings in them as hints (the release's boilerplate, "About Acme", which reviewers leave be).
    """

    name = "metric"
    has_figures = True
    required = ("measures", "of")
    keys = (
        Option("measures", "strings", None, "what is measured: words, sentences, grade", tuple(MEASURES)),
        Option("of", "string", None, "what it is measured of", SCOPES),
        Option(
            "hint-in-roles",
            "strings",
            [],
            "anatomy roles whose findings are hints (boilerplate: the prose under 'About <company>'); a "
            "rule that names some judges each unit in its document, not alone",
        ),
    )

    @property
    def measures(self) -> list[str]:
        return list(self.settings["measures"])

    @property
    def scope(self) -> str:
        return str(self.settings["of"])

    @property
    def local(self) -> bool:
        # Parts and the anatomy's parts span units; a unit's role (`hint-in-roles`) depends on the
        # whole document.
        return self.scope in ("sentence", "unit") and not self.settings.get("hint-in-roles")

    def schema(self) -> Schema:
        options = []
        for measure in self.measures:
            kind = MEASURES[measure]
            options += [
                Option(f"max-{measure}", kind, None, f"a warning above this {measure} value"),
                Option(f"info-{measure}", kind, None, f"a hint above this {measure} value (0: none)"),
                Option(f"error-{measure}", kind, None, f"an error above this {measure} value"),
            ]
        if self.scope in _UNIT_SCOPES:
            options += [
                Option(f"faq-extra-{m}", "number", 0, f"added to max-{m} in the FAQ (a looser warning limit there)")
                for m in self.measures
            ]
            options += [
                Option("kinds", "strings", ["paragraph", "list_item"], "the units measured"),
                Option("parts", "strings", ["pr", "faq"], "the document parts measured: pr, faq"),
            ]
        if self.scope in ("unit", "part", "summary"):
            options.append(Option("min-words", "integer", 0, "fewer words than this are not scored"))
        if self.scope == "part":
            options.append(
                Option(
                    "point-at",
                    "string",
                    "start",
                    "where a finding about a part of several paragraphs points: the start of its first "
                    f"(start), or the start of its paragraph of {_POINTED_WORDS} words or more with the "
                    "highest value of the first measure (highest: the hardest paragraph to read)",
                    ("start", "highest"),
                )
            )
        if self.scope == "unit":
            options.append(Option("min-sentences", "integer", 0, "units of fewer sentences are not scored"))
        options.append(
            Option(
                "margin",
                "number",
                0.0,
                "a value over a warning limit (max-m) by at most this fraction of the limit (0 to 1; more "
                "counts as 1) is a hint, when every measure over its limit is: a sentence of 36 words "
                "against 35 is no reason to fail a hook",
            )
        )
        fields = "{" + "}, {".join([*self.measures, "limit"]) + "}"
        options += [
            Option("message", "string", "{value} {measure} (limit {limit})", f"a warning: {fields}"),
            Option("hint-message", "string", None, "a hint (default: `message`)"),
            Option("error-message", "string", None, "an error (default: `message`)"),
        ]
        return Schema(options)

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        # Unit index -> the spans of its segments in `hint-in-roles` ("About Acme": the release's
        # boilerplate, which reviewers leave be), found once per document.
        hinted: dict[int, list[tuple[int, int]]] = {}
        for segment in document.anatomy.with_roles(*self.settings.get("hint-in-roles", ())):
            hinted.setdefault(segment.unit.index, []).append((segment.start, segment.end))
        for subject in self._subjects(document, ctx, scored=True):
            spans = hinted.get(subject.unit.index, ()) if subject.unit is not None else ()
            hint_only = any(start <= subject.offset < end for start, end in spans)
            in_faq = subject.unit is not None and subject.unit.part == "faq"
            judged = self._judge(subject.values, ctx, hint_only, in_faq)
            if judged is not None:
                message, severity = judged
                yield subject.place(message, severity)

    def figures(self, document: Document, ctx: RuleContext) -> Iterable[Figure]:
        """Every subject's measures, those too short to be scored included."""
        for subject in self._subjects(document, ctx, scored=False):
            for measure in self.measures:
                limit = ctx.get(f"max-{measure}")
                yield Figure(measure, subject.values[measure], subject.unit, limit=limit)

    def _judge(
        self, values: dict[str, float], ctx: RuleContext, hint_only: bool = False, in_faq: bool = False
    ) -> tuple[str, Severity | None] | None:
        """The message and severity of the first limit crossed, most severe level first; with
        `hint_only` (a role in `hint-in-roles`), only the hint's limit counts (none when hints
        are off: `info-m = 0`); `in_faq`, the warning limit is `max-m` plus `faq-extra-m`."""

        def setting(prefix: str, measure: str) -> Any:
            value = ctx.get(f"{prefix}-{measure}")
            extra = ctx.get(f"faq-extra-{measure}") if prefix == "max" and in_faq else None
            if value is None or not extra:
                return value
            # The user's own limit moves the FAQ's with it ("max-words = 25": 35 there).
            return value + (int(extra) if MEASURES[measure] == "integer" else float(extra))

        limits = {m: self._limit(m, setting("max", m)) for m in self.measures}
        fields: dict[str, Any] = {**values, **{f"max_{m}": limit for m, limit in limits.items()}}
        # A fraction of the limit, at most the limit itself (twice the limit is never "just over").
        margin = min(1.0, float(ctx.get("margin") or 0.0))
        for prefix, message, severity in () if hint_only else _LEVELS:
            crossed = []
            for measure in self.measures:
                limit = self._limit(measure, setting(prefix, measure))
                if limit is not None and values[measure] > limit:
                    crossed.append((measure, limit))
            if crossed:
                measure, limit = crossed[0]
                text = self._format(ctx.get(message) or ctx["message"], fields, measure, limit)
                if prefix == "max" and all(values[m] <= cap * (1.0 + margin) for m, cap in crossed):
                    return text, Severity.INFO  # every measure just over its limit: a hint (`margin`)
                return text, severity
        for measure in self.measures:
            hint = self._limit(measure, ctx.get(f"info-{measure}"))
            if hint and values[measure] > hint:
                return self._format(ctx.get(_HINT) or ctx["message"], fields, measure, hint), Severity.INFO
        return None

    @staticmethod
    def _limit(measure: str, value: Any) -> float | None:
        if value is None:
            return None
        return int(value) if MEASURES[measure] == "integer" else float(value)

    @staticmethod
    def _format(template: str, fields: dict[str, Any], measure: str, limit: float) -> str:
        return template.format(**fields, limit=limit, measure=measure, value=fields[measure])

    # --- what is measured ------------------------------------------------------------------------
    def _subjects(self, document: Document, ctx: RuleContext, scored: bool) -> Iterator[_Subject]:
        scope = self.scope
        if scope in _UNIT_SCOPES:
            kinds, parts = set(ctx["kinds"]), set(ctx["parts"])
            units = [u for u in document.units if u.kind in kinds and u.part in parts]
            minimum = int(ctx.get("min-words", 0)) if scored else 0
            if scope == "sentence":
                anatomy = document.anatomy
                for unit in units:
                    # "PORTLAND, Maine, May 12, 2026 — Harbor Lights today launched ...", "**Getting
                    # started:** Download ...": a dateline or a run-in label heads the sentence but
                    # is not part of it.
                    prose_start = anatomy.prose_start(unit)
                    # ', said Teresa Aldana, General Manager of ...' after a quotation is who
                    # speaks, not words of the sentence a reader has to follow.
                    attributed = anatomy.attribution_spans(unit)
                    for sentence in unit.sentences:
                        start = max(0, min(prose_start - sentence.start, len(sentence.text)))
                        if start:
                            words = unit.words_between(sentence.start + start, sentence.end)
                            text = sentence.text[start:]
                        else:
                            words, text = sentence.word_count, sentence.text
                        for a_start, a_end in attributed:
                            if sentence.start + start <= a_start and a_end <= sentence.end:
                                words -= unit.words_between(a_start, a_end)
                        yield _Subject(
                            self._values(text, words, 1), _at_sentence(sentence, start), unit, sentence.start
                        )
            elif scope == "unit":
                sentences = int(ctx.get("min-sentences", 0)) if scored else 0
                pieces = _pieces(document)
                for unit in units:
                    # A paragraph the anatomy reads as several (a label line over its text, a
                    # question over its answer, a plain-text document's lines): each one measured.
                    for start, end in pieces.get(unit.index) or [(0, len(unit.text))]:
                        whole = (start, end) == (0, len(unit.text))
                        words = unit.word_count if whole else unit.words_between(start, end)
                        count = (
                            len(unit.sentences) if whole else sum(1 for s in unit.sentences if start <= s.start < end)
                        )
                        if words < minimum or count < sentences:
                            continue
                        text, words = _spoken(document, unit, start, end, words)
                        values = self._values(text, words, count)
                        place = _covering(unit) if whole else _covering_span(unit, start, end)
                        yield _Subject(values, place, unit, start)
            else:
                for part in ctx["parts"]:
                    # The release's or the FAQ's own words: not a preamble, a title or metadata above it.
                    own = {s.unit.index for s in document.anatomy.prose(part)} if part in ("pr", "faq") else None
                    members = [
                        u for u in units if u.part == part and u.text.strip() and (own is None or u.index in own)
                    ]
                    words = sum(u.word_count for u in members)
                    if members and words >= minimum:
                        text = readability.joined_prose((u.text for u in members), _SENTENCE_ENDS)
                        values = self._values(text, words, sum(len(u.sentences) for u in members))
                        # A part of one paragraph is that paragraph: the finding covers it, so that a
                        # rule measuring paragraphs that supersedes this one reports the gap once.
                        place = _covering(members[0]) if len(members) == 1 else self._pointed(document, members, ctx)
                        yield _Subject(values, place, None)
            return
        minimum = int(ctx.get("min-words", 0)) if scored and self.scope == "summary" else 0
        for subject in self._parts(document):
            if minimum and subject.values.get("words", minimum) < minimum:
                continue  # "Then: five short sentences" is no long summary
            yield subject

    def _pointed(
        self, document: Document, members: Sequence[Unit], ctx: RuleContext
    ) -> Callable[[str, Severity | None], Violation]:
        """Where a finding about several paragraphs points (`point-at`): the start of the first, or
        the paragraph with the highest value of the first measure (reviewers in the user trials
        asked which paragraphs make a release hard to read, not for a caret on its dateline). Not
        the boilerplate or the fields around the release ("About Acme", which reviewers leave
        be), and a quotation's words without who says them (", said Dana Reyes, Senior Vice
        President of Customer Operations")."""
        if ctx.get("point-at") != "highest":
            return _at_start(members[0])
        aside = {s.unit.index for s in document.anatomy.with_roles(*_NOT_POINTED_ROLES)}
        scored = []
        for position, unit in enumerate(members):
            text, words = _spoken(document, unit, 0, len(unit.text), unit.word_count)
            if unit.index not in aside and words >= _POINTED_WORDS:
                scored.append((self._values(text, words, len(unit.sentences))[self.measures[0]], -position, unit))
        # An empty span where that paragraph starts, not the paragraph's words: the finding is
        # about the whole part (a baseline or a fingerprint knows it by its rule alone, wherever
        # the hardest paragraph is after an edit), and a paragraph's own grade stays its own finding.
        return _at_start(max(scored, key=lambda entry: entry[:2])[2] if scored else members[0])

    def _parts(self, document: Document) -> Iterator[_Subject]:
        """The PR/FAQ part the rule measures, as the document's anatomy finds it."""
        anatomy = document.anatomy
        if anatomy.kind not in ("prfaq", "press_release", "faq"):
            return
        if self.scope in ("press-release", "faq"):
            region = "pr" if self.scope == "press-release" else "faq"
            if region == "faq" and not anatomy.present("faq"):
                return
            segments = anatomy.prose(region)
            if not segments:
                return
            text = "\n".join(s.text for s in segments)
            values = self._values(text, sum(s.word_count for s in segments), sum(map(_sentences_in, segments)))
            if region == "pr":

                def place(message: str, severity: Severity | None) -> Violation:
                    return document_anchor(document, message, severity)

                yield _Subject(values, place, None)
            else:
                faq = anatomy["faq"]
                assert faq is not None
                yield _Subject(values, _covering_segment(faq.segments[0]), faq.unit)
            return
        summary = anatomy.get("summary")
        if summary is None or summary.unit.is_heading:
            return
        segment = summary.segments[0]
        unit = segment.unit
        # A run-in label ("**Summary.**") or a dateline heads the paragraph but is not the summary.
        start, end = max(segment.start, min(anatomy.prose_start(unit), segment.end)), segment.end
        sentences = sum(1 for s in unit.sentences if segment.start <= s.start < end and s.end > start)
        values = self._values(unit.text[start:end], unit.words_between(start, end), sentences)

        def place(message: str, severity: Severity | None) -> Violation:
            return Violation(message, unit, start, end, severity=severity)

        yield _Subject(values, place, unit)

    def _values(self, text: str, words: int, sentences: int) -> dict[str, float]:
        values: dict[str, float] = {}
        for measure in self.measures:
            if measure == "words":
                values[measure] = words
            elif measure == "sentences":
                values[measure] = sentences
            else:
                # To the tenth a message shows: "grade 12.0 (limit 12)" is at the limit, not over it.
                values[measure] = round(readability.flesch_kincaid_grade(readability.with_line_ends(text)), 1)
        return values


def _spoken(document: Document, unit: Unit, start: int, end: int, words: int) -> tuple[str, int]:
    """The text of unit offsets [start, end) and its `words`, without the attributions after its
    quotations (', said Teresa Aldana, General Manager of ...'): who speaks, not what is said."""
    text = unit.text[start:end]
    for a_start, a_end in reversed(document.anatomy.attribution_spans(unit)):
        if start <= a_start and a_end <= end:
            text = text[: a_start - start] + text[a_end - start :]
            words -= unit.words_between(a_start, a_end)
    return text, words


def _sentences_in(segment: Segment) -> int:
    return sum(1 for s in segment.unit.sentences if segment.start <= s.start < segment.end)


def _covering_segment(segment: Segment) -> Callable[[str, Severity | None], Violation]:
    return _covering_span(segment.unit, segment.start, segment.end)


def _pieces(document: Document) -> dict[int, list[tuple[int, int]]]:
    """Unit index -> the spans of the units the anatomy splits in several segments."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for segment in document.anatomy.segments:
        spans.setdefault(segment.unit.index, []).append((segment.start, segment.end))
    return {index: found for index, found in spans.items() if len(found) > 1}


def _covering_span(unit: Unit, start: int, end: int) -> Callable[[str, Severity | None], Violation]:
    return lambda message, severity: Violation(message, unit, start, end, severity=severity)


def _covering(unit: Unit) -> Callable[[str, Severity | None], Violation]:
    return lambda message, severity: Violation.covering(unit, message, severity=severity)


def _at_sentence(sentence: Any, start: int = 0) -> Callable[[str, Severity | None], Violation]:
    end = len(sentence.text)
    return lambda message, severity: Violation.in_sentence(sentence, start, end, message, severity=severity)


def _at_start(unit: Unit) -> Callable[[str, Severity | None], Violation]:
    """An empty span where the unit's text starts (a finding about everything from there on)."""
    start = len(unit.text) - len(unit.text.lstrip())
    return lambda message, severity: Violation(message, unit, start, start, severity=severity)


__all__ = ["MEASURES", "SCOPES", "Metric"]
