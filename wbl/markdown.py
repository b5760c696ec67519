"""Markdown -> flat list of blocks with plain prose text and exact source maps.

This is the only module that imports mistune. mistune 3 gives an AST without source positions, so
every text fragment it returns is located in the original text with a forward-only cursor: the
fragments come in document order, and the text between two consecutive fragments is markup (list
and quote markers, emphasis delimiters, link destinations, tags, code). Non-prose tokens (code,
HTML, inline code) are located too, to move the cursor past them; an HTML block gives the prose of
its headings, paragraphs and list items (`_BlockBuilder._html_prose`). The plain prose text of a
block is the concatenation of its fragments, with HTML entities decoded and line breaks as
spaces; its `SourceMap` maps every plain offset back to the original text.
"""

from __future__ import annotations

import html
import re
import sys
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import mistune
from mistune.plugins import url as url_plugin

from wbl.source import InputError
from wbl.textutil import BULLETS

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# How far past the cursor a fragment is first looked for. The text between two fragments is
# markup, which is short; a larger jump is only taken when nothing closer matches.
_NEAR_WINDOW = 2048

_FRONT_MATTER = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*(?:\r\n|\r|\n)(?P<body>.*?)(?:\r\n|\r|\n)(?P=fence)[ \t]*(?:\r\n|\r|\n|\Z)",
    re.DOTALL,
)
_YAML_END = re.compile(r"\A---[ \t]*(?:\r\n|\r|\n)(?P<body>.*?)(?:\r\n|\r|\n)\.\.\.[ \t]*(?:\r\n|\r|\n|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps offsets in a block's plain text to offsets in the original text.

    The plain text is made of pieces. A verbatim piece has the same length in both; any other piece
    (an HTML entity, a backslash escape, a line break turned into a space) maps each of its plain
    characters to the whole source range of the piece.
    """

    plain_starts: tuple[int, ...]
    plain_lengths: tuple[int, ...]
    source_starts: tuple[int, ...]
    source_lengths: tuple[int, ...]

    def _piece(self, offset: int) -> int:
        return max(0, bisect_right(self.plain_starts, offset) - 1)

    def source_start(self, offset: int) -> int:
        """Source offset where the plain character at `offset` starts."""
        i = self._piece(offset)
        if self.plain_lengths[i] == self.source_lengths[i]:
            return self.source_starts[i] + min(offset - self.plain_starts[i], self.source_lengths[i])
        return self.source_starts[i]

    def source_end(self, offset: int) -> int:
        """Source offset just after the plain character at `offset`."""
        i = self._piece(offset)
        if self.plain_lengths[i] == self.source_lengths[i]:
            return self.source_starts[i] + min(offset - self.plain_starts[i] + 1, self.source_lengths[i])
        return self.source_starts[i] + self.source_lengths[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Plain [start, end) -> source [start, end). An empty span maps to an empty span."""
        if not self.plain_starts:
            return 0, 0
        src_start = self.source_start(start)
        if end <= start:
            return src_start, src_start
        return src_start, self.source_end(end - 1)


@dataclass(frozen=True, slots=True)
class CodeSpan:
    """Inline code inside a prose block: not prose, but rules may look at it (spec in a PR)."""

    plain_offset: int
    start: int
    end: int
    code: str


@dataclass(frozen=True, slots=True)
class Block:
    """One leaf block of the document in source order.

    `kind` is one of: heading, paragraph, list_item, table_cell (prose), code, html,
    thematic_break (not prose). Prose blocks carry `text` and `source_map`.
    """

    kind: str
    text: str
    source_map: SourceMap | None
    start: int
    end: int
    level: int = 0
    quote_depth: int = 0
    list_depth: int = 0
    ordered: bool = False
    raw: str = ""
    code_spans: tuple[CodeSpan, ...] = ()
    links: tuple[str, ...] = ()
    # Plain-text spans set in bold or italics, and plain offsets of the source's line breaks:
    # the anatomy tells labels ("**Problem**"), bold questions and run-in labels from prose with them.
    emphasis: tuple[tuple[int, int], ...] = ()
    breaks: tuple[int, ...] = ()

    @property
    def is_prose(self) -> bool:
        return self.source_map is not None


@dataclass(frozen=True, slots=True)
class FrontMatter:
    start: int
    end: int
    format: str  # "yaml" or "toml"
    body: str


@dataclass(frozen=True, slots=True)
class ParsedMarkdown:
    blocks: tuple[Block, ...]
    front_matter: FrontMatter | None


def find_front_matter(text: str) -> FrontMatter | None:
    """YAML (``---``...``---``/``...``) or TOML (``+++``) front matter at the very start."""
    if not text.startswith(("---", "+++")):
        return None
    match = _FRONT_MATTER.match(text) or _YAML_END.match(text)
    if not match:
        return None
    fmt = "toml" if text.startswith("+++") else "yaml"
    if not _reads_as_fields(match.group("body"), fmt):
        return None  # "---" then prose: a thematic break, as GitHub renders it, not front matter
    return FrontMatter(0, match.end(), fmt, match.group("body"))


# A title in front matter, on one line: `title: Acme launches X`, `title: "..."`, TOML's `title = "..."`.
_FRONT_TITLE = {
    "yaml": re.compile(
        r"""^(?P<key>title|subtitle)[ \t]*:[ \t]*"""
        # A plain value may hold "#" inside a word ("C# shops"); " #" starts a comment.
        r"""(?:"(?P<dq>[^"\\\n]+)"|'(?P<sq>[^'\n]+)'|(?P<plain>[^\s"'#|>&*!%@`{\[](?:[^\n#]|(?<!\s)#)*?))"""
        r"""[ \t]*(?:[ \t]#[^\n]*)?$""",
        re.M,
    ),
    "toml": re.compile(
        r"""^(?P<key>title|subtitle)[ \t]*=[ \t]*(?:"(?P<dq>[^"\\\n]+)"|'(?P<sq>[^'\n]+)')[ \t]*$""", re.M
    ),
}


_GENRE_LABEL = re.compile(r"\W*(?:press[\s_-]*release|pr[\s/_-]*faq|news|announcement)\W*", re.IGNORECASE)


def front_matter_title(text: str, front: FrontMatter | None, blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The title a site generator (Jekyll, Hugo) shows above a post, as a level-1 heading at its
    place in the front matter, and its subtitle after it as a paragraph; none without a title, or
    when the body opens with a level-1 heading of its own (the title is then shown twice, or not at
    all)."""
    if front is None or not front.body:
        return ()
    first = next((b for b in blocks if b.is_prose), None)
    if first is not None and first.kind == "heading" and first.level == 1:
        return ()
    body_start = text.find(front.body, front.start)
    body = front.body
    if front.format == "toml":
        table = re.search(r"^[ \t]*\[", body, re.MULTILINE)
        body = body[: table.start()] if table else body  # keys after "[menu]" are the table's
    found = {}
    for match in _FRONT_TITLE[front.format].finditer(body):
        group = next(g for g in ("dq", "sq", "plain") if match.groupdict().get(g) is not None)
        found.setdefault(match.group("key"), (body_start + match.start(group), match.group(group)))
    if "title" not in found:
        return ()
    result = []
    if "subtitle" in found and _GENRE_LABEL.fullmatch(found["subtitle"][1]):
        del found["subtitle"]  # "subtitle: Press Release" says what the post is, not what it says
    for key in ("title", "subtitle"):
        if key in found:
            start, value = found[key]
            source_map = SourceMap((0,), (len(value),), (start,), (len(value),))
            kind, level = ("heading", 1) if key == "title" else ("paragraph", 0)
            result.append(Block(kind, value, source_map, start, start + len(value), level=level))
    return tuple(result)


# A top-level line of YAML front matter: a key ("title:", "Owner/DRI:", "Date (UTC):", '"og:title":')
# with its value, a list item, a comment, or a document marker; indented lines continue one.
_YAML_FIELD = re.compile(
    r"""(?:"[^"\n]*"|'[^'\n]*'|[^\s#\-\[{*>|`](?:[^:\n]|:(?=\S))*?)\s*:(?:\s|$)|-(?:\s|$)|#|---|\.\.\."""
)


def _reads_as_fields(body: str, fmt: str) -> bool:
    """Whether a fenced block at the top of a file is front matter: TOML that parses, or YAML
    whose top-level lines are each a key, a list item or a comment, one of them a key. A file
    that opens with a thematic break ("---", a blank line, then the document's prose) is not."""
    if fmt == "toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        try:
            tomllib.loads(body)
        except ValueError:  # tomllib.TOMLDecodeError
            return False
        return bool(body.strip())
    top = []
    quoted = False  # inside a double-quoted value that goes on over lines ('title: "A\nlong title"')
    for line in body.splitlines():
        if line.strip() and not line[0].isspace() and not quoted:
            top.append(line)
        quoted ^= line.count('"') % 2 == 1
    keyed = any(not line.startswith(("#", "-")) for line in top)
    listed = bool(top) and all(line.startswith("-") for line in top)
    return all(_YAML_FIELD.match(line) for line in top) and (keyed or listed)


# A fence line: up to three spaces, three or more backticks or tildes, then the info string.
_FENCE_LINE = re.compile(r"( {0,3})(`{3,}|~{3,})(.*)$")


@lru_cache(maxsize=8)  # read by the kind check and three structure rules for the same text
def unclosed_fence(text: str) -> tuple[int, int] | None:
    """Where the marker of a code fence that is never closed stands in `text` ([start, end) of its
    backticks or tildes), reading top-level lines as CommonMark does: a closing fence is the
    same character, at least as long, with nothing after it. Fences in block quotes or list items
    (lines that open with ">" or a list mark) are not read; callers confirm with the parse."""
    opened: tuple[int, int, str] | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        match = _FENCE_LINE.match(line.rstrip("\r\n"))
        if opened is None:
            # A backtick fence's info string holds no backtick ("```js" opens, "```x```" is code).
            if match is not None and not (match.group(2)[0] == "`" and "`" in match.group(3)):
                start = offset + len(match.group(1))
                opened = (start, start + len(match.group(2)), match.group(2))
        elif (
            match is not None
            and match.group(2)[0] == opened[2][0]
            and len(match.group(2)) >= len(opened[2])
            and not match.group(3).strip()
        ):
            opened = None
        offset += len(line)
    return None if opened is None else (opened[0], opened[1])


def blank_line_of(text: str, offset: int) -> str:
    """`text` with the line that holds `offset` turned into spaces (offsets do not move)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return _blank_out(text, start, len(text) if end < 0 else end)


def _blank_out(text: str, start: int, end: int) -> str:
    """Replace [start, end) by spaces, keeping line breaks, so that offsets do not move."""
    region = re.sub(r"[^\r\n]", " ", text[start:end])
    return text[:start] + region + text[end:]


# "##The Problem:": a heading with no space after its hashes. CommonMark reads it as a paragraph;
# GitHub rendered it as a heading until 2017 and Python-Markdown still does, and the PR/FAQs written
# in those years use it. Only a line that starts with a letter and holds no other "#" is one, so
# "#1 in sales" and a line of hashtags stay prose; and it does not break into a paragraph ("Follow
# us\n#BuildInPublic" is one paragraph).
_TIGHT_HEADING = r"^ {0,3}(?P<tight_hashes>#{1,6})(?P<tight_text>[^\W\d_][^#\n]*)$"


def _parse_tight_heading(block: Any, match: re.Match[str], state: Any) -> int | None:
    last = state.last_token()
    start = match.start()
    if last is not None and last["type"] == "paragraph" and state.src[max(0, start - 2) : start] != "\n\n":
        return None  # the paragraph above goes on (mistune adds the line to it)
    text = match.group("tight_text").strip()
    level = len(match.group("tight_hashes"))
    state.append_token({"type": "heading", "text": text, "attrs": {"level": level}, "style": "atx"})
    return match.end() + 1


_PARSER = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough", "url"])
_PARSER.block.register("tight_heading", _TIGHT_HEADING, _parse_tight_heading, before="atx_heading")
# A bare address ends before trailing emphasis marks, as GitHub's autolinks do: mistune's own
# pattern took "**" into "**Live at https://example.com.**", so the bold never closed.
_PARSER.inline.register("url_link", r"""https?:\/\/[^\s<]+[^<.,:;"')\]\s*_~]""", url_plugin.parse_url_link)


class _RememberedInline:
    """mistune's inline parser with its results remembered by text and link references.

    The language server parses the whole document again after each edit, and all but the edited
    paragraph are texts parsed before. An inline parse reads only its text and the document's
    link reference definitions (`env["ref_links"]`, complete before any inline parse), so those
    are the key. Each caller gets its own copy of the tokens.
    """

    LIMIT = 4096  # remembered texts; all are forgotten when there are more
    LONGEST = 2_000  # characters: longer texts are parsed every time

    def __init__(self, parse: Any) -> None:
        self._parse = parse
        self._remembered: dict[tuple[str, str], list[dict[str, Any]]] = {}
        # The last env seen and its references' key, in one tuple (two lanes may parse at once);
        # the env is held, so that no other env can take its id.
        self._last: tuple[Any, str] = (None, "")

    def __call__(self, text: str, env: Any) -> list[dict[str, Any]]:
        if len(text) > self.LONGEST:
            return self._parse(text, env)  # type: ignore[no-any-return]
        refs = self._references(env)
        key = (text, refs)
        tokens = self._remembered.get(key)
        if tokens is None:
            tokens = self._parse(text, env)
            if len(self._remembered) >= self.LIMIT:
                self._remembered.clear()
            self._remembered[key] = _copied(tokens)
            return tokens  # type: ignore[no-any-return]
        return _copied(tokens)

    def _references(self, env: Any) -> str:
        last_env, last_key = self._last
        if last_env is env:
            return last_key
        refs = env.get("ref_links") or {}
        key = repr(sorted(refs.items())) if refs else ""
        self._last = (env, key)
        return key


def _copied(value: Any) -> Any:
    """A copy of inline tokens (lists and dicts of strings and numbers)."""
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    return value


_PARSER.inline = _RememberedInline(_PARSER.inline)  # type: ignore[method-assign]


def parse(text: str) -> ParsedMarkdown:
    """Parse Markdown into blocks whose prose maps back to exact offsets in `text`."""
    front = find_front_matter(text)
    parse_text = _blank_out(text, front.start, front.end) if front else text
    limit = sys.getrecursionlimit()
    try:
        tokens = _PARSER(parse_text)
    except RecursionError:
        raise InputError("Markdown nesting too deep to parse") from None
    finally:
        sys.setrecursionlimit(limit)
    assert isinstance(tokens, list)
    builder = _BlockBuilder(text, front.end if front else 0)
    try:
        blocks = tuple(builder.blocks(tokens))
    except RecursionError:
        raise InputError("Markdown nesting too deep to parse") from None
    return ParsedMarkdown(blocks, front)


def _opens_with_a_label(children: list[dict[str, Any]], line: int) -> bool:
    """Whether a line (the inline tokens from `children[line]`, after a break) opens with a label
    in bold or italics that a colon ends ("**Design Teams**: workshops ...", "**Design Teams:**
    workshops ...")."""
    if line >= len(children) or children[line]["type"] not in ("strong", "emphasis"):
        return False
    label = "".join(str(c.get("raw", "")) for c in children[line].get("children", ()))
    following = children[line + 1] if line + 1 < len(children) else {}
    after = str(following.get("raw", "")) if following.get("type") == "text" else ""
    return label.rstrip().endswith(":") or after.startswith(":")


# Marks that open a line written as a list item without Markdown: bullets, check marks, crosses, arrows.
_LINE_MARKS = frozenset(BULLETS | set("✅✓✔☑❌✗✘➤►▸▶➡★☆👉🔹🔸"))


def _goes_on(pieces: _Pieces, children: list[dict[str, Any]], line: int) -> bool:
    """Whether the sentence goes on over a line break: the line so far ends with no sentence
    mark and the next line opens in lower case ("a planning app that" over "tells bakery owners")."""
    if line >= len(children) or children[line]["type"] != "text":
        return False
    words = str(children[line].get("raw", "")).split()
    before = pieces.tail(max(0, pieces.length - 8)).rstrip()  # the last characters only
    # A word in lower case goes on; an address does not ("Jane Doe" over "jane@example.com").
    return bool(words) and words[0].rstrip(",;").isalpha() and words[0].islower() and before[-1:] not in ".!?:;"


def _opens_with_a_mark(children: list[dict[str, Any]], line: int) -> bool:
    """Whether a line (the inline tokens from `children[line]`, after a break) opens with a list
    mark ("✅ Export as PDF", "• Books meetings")."""
    if line >= len(children) or children[line]["type"] != "text":
        return False
    return str(children[line].get("raw", "")).lstrip()[:1] in _LINE_MARKS


# A line that opens with a label in plain text: "Executable Specifications: Specs with ...".
_PLAIN_LABEL = re.compile(r"[A-Z][\w&'’/-]*(?:[ \t]+(?:[A-Z][\w&'’/-]*|&|and|of|for|the|to)){0,4}:[ \t]+\S")


def _plain_label_lines(children: list[dict[str, Any]]) -> frozenset[int]:
    """The positions of the lines (after a break) that open with a plain label, when every line of
    the block is such a field, two lines at least ("Living Personas & Journeys: ..." then
    "Executable Specifications: ...", "Intro Paragraph: ..." then "Customer Problems: ..."). Their
    breaks end sentences, as a bold label's do; wrapped prose whose second line happens to open
    with "Note: " or "Owner: " is prose."""
    lines = _line_starts(children)
    labelled = [i for i in lines if children[i]["type"] == "text" and _PLAIN_LABEL.match(children[i]["raw"])]
    return frozenset(labelled) if len(labelled) >= 2 and len(labelled) == len(lines) else frozenset()


def _line_text(children: list[dict[str, Any]]) -> str:
    """The plain text of inline tokens (emphasis and links read through)."""
    return "".join(
        str(c.get("raw", "")) if c["type"] in ("text", "codespan") else _line_text(c.get("children", []))
        for c in children
    )


# Words a line that goes on into the next one may end with ("... said" over "Jane Doe").
_GOES_ON_WORDS = frozenset(
    "a an the and or but of to for in on at by with from as said says that which who is are was be".split()
)
# Words that open a clause or phrase going on from the line before, in prose broken at its
# clauses ("Kettle holds dough overnight" over "so bakers can start at six" over "instead of three").
_CLAUSE_WORDS = _GOES_ON_WORDS | frozenset(
    (
        "so because instead when while if unless until since after before than into onto over under "
        "without within through across about like whether where whose whom it they we you he she their "
        "its this these those not also then even just only both either neither nor yet though although "
        "once unlike per via versus vs"
    ).split()
)
# Words that open a phrase leading into a sentence, not a label ("In March 2025" over "Jane Doe
# showed us ..."); "About Acme" and "For Immediate Release" are labels.
_LEADING_WORDS = frozenset(
    (
        "in on at by with from after before during since until when while if as once because although "
        "though unlike like over under through within without across"
    ).split()
)
# What ends a line that reads as a sentence, or a clause the next line continues.
_LINE_END_MARKS = tuple(".!?:;,-–—(/&")
# Most words of a template's label line ("How to Get Started", "Quote from You") and of a list's
# item typed as a line ("hours of operation and any seasonal closures"); a line of prose wrapped
# at a usual width holds more.
_LABEL_LINE = 6
_ITEM_LINE = 8


def _line_starts(children: list[dict[str, Any]]) -> list[int]:
    """The positions of a block's lines: the first inline token of each, after a break."""
    starts = [0] + [i + 1 for i, c in enumerate(children) if c["type"] in ("softbreak", "linebreak")]
    return [i for i in starts if i < len(children)]


def _short_line_breaks(children: list[dict[str, Any]]) -> frozenset[int]:
    """The positions of the lines (after a break) whose break ends a sentence because the lines
    around it are short ones of their own, which the recogniser would run together: after a
    template's label line ("Summary" or "How to Get Started" over its paragraph) and around the
    lines of a list typed without marks ("need to be a customer" over "cleanliness")."""
    starts = _line_starts(children)
    if len(starts) < 2:
        return frozenset()  # most blocks: one line, no text to gather
    bounds = [*starts[1:], len(children) + 1]
    texts = [_line_text(children[start : end - 1]).strip() for start, end in zip(starts, bounds, strict=True)]
    return _label_line_breaks(starts, texts) | _item_line_breaks(starts, texts)


def _label_line_breaks(starts: list[int], texts: list[str]) -> frozenset[int]:
    """After a label line: at most `_LABEL_LINE` words opening with a capital, with no mark at its
    end, whose last word is a name or a figure (or, in a line of at most three words, no function
    word), when the next line opens with a capital, a figure or a quotation mark. A line that
    goes on ("... said" over "Jane Doe") ends with a function word."""
    found = set()
    for line in range(len(texts) - 1):
        text, following = texts[line], texts[line + 1]
        words = text.split()
        if not 0 < len(words) <= _LABEL_LINE or not text[:1].isupper() or text.endswith(_LINE_END_MARKS):
            continue
        if words[0].lower() in _LEADING_WORDS:
            continue
        last = words[-1].strip("*_`'\"’”")
        named = last[:1].isupper() or last[:1].isdigit()
        brief = len(words) <= 3 and last.lower() not in _GOES_ON_WORDS and not any(q in text for q in '"“”')
        opening = following[:1]
        if (named or brief) and opening and (opening.isupper() or opening.isdigit() or opening in "\"“‘'"):
            found.add(starts[line + 1])
    return frozenset(found)


def _item_line_breaks(starts: list[int], texts: list[str]) -> frozenset[int]:
    """Around and between the lines of a list typed as lines: three lines or more in a row of at
    most `_ITEM_LINE` words, none ending with a sentence mark or a function word, and no line
    after one opening with a function word ("... file" over "and theme."). Prose wrapped at a
    narrow width has such lines too, but of about one length; a list's lines vary (`_VARIED`)."""

    def item(line: int) -> bool:
        text = texts[line]
        words = text.split()
        return (
            0 < len(words) <= _ITEM_LINE
            and ". " not in text  # a sentence that ends inside the line: prose
            and text.count("(") == text.count(")")  # "ADR 0005); any" goes on from the line before
            and not text.endswith(_LINE_END_MARKS[:5])  # a list's item may end with a comma
            and words[-1].lower() not in _GOES_ON_WORDS
            and not (line + 1 < len(texts) and (texts[line + 1].split() or [""])[0].lower() in _CLAUSE_WORDS)
        )

    def one_sentence(run: list[str]) -> bool:
        """Lines of which the first opens with a capital and a later one with a word in lower case:
        a sentence broken at its clauses, not a list's items (an address, "jane@example.com" under
        "Jane Doe", is no word)."""
        return run[0][:1].isupper() and any(t.split()[0].isalpha() and t[:1].islower() for t in run[1:])

    found = set()
    first = 0
    for line in range(len(texts) + 1):
        if line < len(texts) and item(line):
            continue
        run = texts[first:line]
        lengths = [len(t) for t in run]
        if len(run) >= 3 and max(lengths) >= _VARIED * min(lengths) and not one_sentence(run):
            found.update(starts[i] for i in range(max(1, first), min(line + 1, len(starts))))
        first = line + 1
    return frozenset(found)


# How many times longer than its shortest line a list's longest line is, at least ("cleanliness"
# and "availability of facilities for the disabled"); lines of wrapped prose are of a length.
_VARIED = 1.6


# Characters between a label's last letter and its line's end: closing marks ("***"), a hard
# break's spaces or backslash, a carriage return.
_LABEL_CLOSE = 12


def _ends_a_label_line(pieces: _Pieces) -> bool:
    """Whether the text since the last line break (or the block's start) is one run of emphasis
    that ends here."""
    if not pieces.emphasis or pieces.emphasis[-1][1] != pieces.length:
        return False
    line_start = pieces.breaks[-1] + 1 if pieces.breaks else 0
    start = pieces.emphasis[-1][0]
    return start >= line_start and not pieces.tail(line_start)[: start - line_start].strip()


@dataclass
class _Pieces:
    """Accumulates a block's plain text and its source pieces."""

    parts: list[str] = field(default_factory=list)
    plain_starts: list[int] = field(default_factory=list)
    plain_lengths: list[int] = field(default_factory=list)
    source_starts: list[int] = field(default_factory=list)
    source_lengths: list[int] = field(default_factory=list)
    length: int = 0
    code_spans: list[CodeSpan] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    emphasis: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[int] = field(default_factory=list)

    def add(self, plain: str, source_start: int, source_length: int) -> None:
        if not plain:
            return
        verbatim = len(plain) == source_length
        # Merge with the previous piece when both are verbatim and contiguous.
        if (
            verbatim
            and self.plain_lengths
            and self.plain_lengths[-1] == self.source_lengths[-1]
            and self.source_starts[-1] + self.source_lengths[-1] == source_start
        ):
            self.plain_lengths[-1] += len(plain)
            self.source_lengths[-1] += source_length
        else:
            self.plain_starts.append(self.length)
            self.plain_lengths.append(len(plain))
            self.source_starts.append(source_start)
            self.source_lengths.append(source_length)
        self.parts.append(plain)
        self.length += len(plain)

    def tail(self, start: int) -> str:
        """The text from offset `start` to the end, read from the last parts only (a paragraph of
        many lines asks this at each line's end)."""
        taken: list[str] = []
        length = self.length
        for part in reversed(self.parts):
            if length <= start:
                break
            taken.append(part)
            length -= len(part)
        return "".join(reversed(taken))[start - length :]

    def ends_with_space(self) -> bool:
        return bool(self.parts) and self.parts[-1][-1:].isspace()

    def source_map(self) -> SourceMap:
        return SourceMap(
            tuple(self.plain_starts),
            tuple(self.plain_lengths),
            tuple(self.source_starts),
            tuple(self.source_lengths),
        )

    def text(self) -> str:
        return "".join(self.parts)

    def block(self, kind: str, **attrs: Any) -> Block:
        """The prose block these pieces make, spanning its first to its last source piece."""
        smap = self.source_map()
        return Block(
            kind,
            self.text(),
            smap,
            smap.source_starts[0],
            smap.source_starts[-1] + smap.source_lengths[-1],
            code_spans=tuple(self.code_spans),
            links=tuple(self.links),
            emphasis=_merged(self.emphasis),
            breaks=tuple(self.breaks),
            **attrs,
        )


class _BlockBuilder:
    def __init__(self, text: str, cursor: int) -> None:
        self.text = text
        self.cursor = cursor

    # --- locating fragments -------------------------------------------------------------------
    def _locate(self, raw: str) -> list[tuple[int, int]] | None:
        """Source (start, length) for every character of `raw`, found at or after the cursor."""
        text, cursor = self.text, self.cursor
        near_end = cursor + len(raw) + _NEAR_WINDOW
        pos = text.find(raw, cursor, near_end)
        if pos >= 0:
            return [(pos + i, 1) for i in range(len(raw))]
        pattern = _escape_tolerant_pattern(raw)
        match = pattern.search(text, cursor, min(len(text), near_end + len(raw)))
        if match is None:
            pos = text.find(raw, cursor)
            if pos >= 0:
                return [(pos + i, 1) for i in range(len(raw))]
            match = pattern.search(text, cursor)
        if match is None:
            return None
        chars: list[tuple[int, int]] = []
        src = match.start()
        for ch in raw:
            if text[src] == "\\" and ch in _ASCII_PUNCTUATION and text[src + 1 : src + 2] == ch:
                chars.append((src, 2))
                src += 2
            else:
                chars.append((src, 1))
                src += 1
        return chars

    def _skip(self, raw: str) -> tuple[int, int] | None:
        """Move the cursor past non-prose `raw` (first line is enough to find it)."""
        first = raw.strip().split("\n", 1)[0].rstrip("\r")
        if not first:
            return None
        pos = self.text.find(first, self.cursor, self.cursor + len(first) + _NEAR_WINDOW)
        if pos < 0:
            return None
        end = pos + len(first)
        rest = raw.strip()[len(first) :]
        if rest:
            # Line by line, each near the one before: a block's last line ("</div>") may also
            # stand earlier in it, and an HTML block's prose runs to its true end.
            walked = end
            for line in rest.split("\n"):
                line = line.strip()
                if not line:
                    continue
                found = self.text.find(line, walked, walked + len(line) + 256)
                if found < 0:
                    walked = -1
                    break
                walked = found + len(line)
            if walked >= 0:
                end = walked
            else:
                last = rest.rstrip().rsplit("\n", 1)[-1].strip()
                last_pos = self.text.find(last, end, end + len(rest) * 2 + _NEAR_WINDOW) if last else -1
                if last_pos >= 0:
                    end = last_pos + len(last)
        self.cursor = end
        return pos, end

    def _html_prose(self, start: int, end: int, quote: int, lists: int) -> list[Block]:
        """The prose inside a raw HTML block, at its place in the source, as its Markdown twin
        would give it: each heading (``<h3>Losing your voice</h3>``), paragraph (``<p>New
        Orleanians ...</p>``), list item and disclosure summary (``<details><summary>Is it
        free?</summary>``, a bold line: an FAQ's question), and the text a browser shows between
        them as a paragraph (CommonMark keeps the lines after ``<h3>...</h3>`` in the HTML block up
        to a blank line). Releases pasted from an HTML template, or written with HTML headings, are
        read as prose. The markup between the texts stays ``html`` blocks; inline tags are markup
        (``<b>`` marks emphasis, ``<a href>`` a link, ``<br>`` a line's end); comments, ``<code>``,
        ``<pre>``, ``<script>`` and ``<style>`` hold no prose. Empty when the block holds no text
        (an image, a ``<div>`` of markup, a comment)."""
        blocks: list[Block] = []
        depth = {"quote_depth": quote, "list_depth": lists}
        emitted = start  # where the blocks made so far end

        def emit(tag: str, begin: int, stop: int) -> None:
            nonlocal emitted
            pieces = self._html_pieces(begin, stop, quote)
            if pieces is None:
                return
            if tag == "summary":
                pieces.emphasis[:] = [(0, pieces.length)]
            if tag[:1] == "h":
                kind, attrs = "heading", {"level": int(tag[1])}
            elif tag == "li":
                kind, attrs = "list_item", {"list_depth": lists + 1}
            else:
                kind, attrs = ("list_item" if lists else "paragraph"), {}
            block = pieces.block(kind, **{**depth, **attrs})
            if block.start > emitted:
                markup = self.text[emitted : block.start]
                blocks.append(Block("html", "", None, emitted, block.start, raw=markup, **depth))
            blocks.append(block)
            emitted = block.end

        # The elements' texts, and the loose text between them. Loose text alone is not taken:
        # without a heading, paragraph or list item the block is markup, or a made-up tag
        # (``<think>``, ``<COMMENTS>``) whose text is no part of the document.
        segments: list[tuple[str, int, int]] = []
        masked = _Masked(self.text, start, end)
        loose_from = start  # text outside the elements, from here
        for found in masked.matches(_HTML_TEXT_OPEN, self.text, start, end):
            if found.start() < loose_from:
                continue  # inside the previous element's text
            tag = found.group(1).lower()
            # Up to its closing tag or the next element, whichever comes first (a <p> need not
            # be closed); the closing tag is looked for only up to that element.
            following = next(masked.matches(_HTML_TEXT_OPEN, self.text, found.end(), end), None)
            limit = following.start() if following is not None else end
            close = next(masked.matches(_html_close(tag), self.text, found.end(), limit), None)
            stop = close.start() if close is not None else limit
            segments += [("", loose_from, found.start()), (tag, found.end(), stop)]
            loose_from = stop
        if not segments:
            return []
        for tag, begin, stop in [*segments, ("", loose_from, end)]:
            emit(tag, begin, stop)
        if blocks and emitted < end:
            blocks.append(Block("html", "", None, emitted, end, raw=self.text[emitted:end], **depth))
        return blocks

    def _html_pieces(self, start: int, stop: int, quote: int = 0) -> _Pieces | None:
        """The plain text of the source between `start` and `stop`, with tags taken out (see
        `_html_prose`): entities decoded, each run of white space one space (or a line's end at a
        ``<br>``), none at either end; a block-level tag (a table's cell, a ``<div>``) parts the
        words on its sides, and inside a block quote the ``>`` marks at a line's start are markup.
        None when it holds no letter or digit."""
        pieces = _Pieces()
        # The white space before the next word: " " (a space), "soft" (a line break in the
        # source, read as a space) or "\n" (a <br>, a line's end); dropped at either end.
        space: tuple[str, int, int] | None = None
        line_start = False  # after a line break, where a block quote's marks stand

        def add_text(begin: int, end: int) -> None:
            nonlocal space, line_start
            for run in _HTML_TEXT_RUN.finditer(self.text, begin, end):
                chunk = run.group(0)
                if chunk[0].isspace():
                    if "\n" in chunk:
                        line_start = True
                    if space is None or space[0] == " ":
                        space = ("soft" if "\n" in chunk else " ", run.start(), len(chunk))
                    continue
                if quote and line_start and chunk.strip(">") == "":
                    continue  # "> " opening a block-quoted line
                line_start = False
                if space is not None and pieces.length:
                    if space[0] != " ":
                        pieces.breaks.append(pieces.length)
                    pieces.add("\n" if space[0] == "\n" else " ", space[1], space[2])
                space = None
                pieces.add(html.unescape(chunk) if chunk[0] == "&" else chunk, run.start(), len(chunk))

        bold_from: int | None = None
        position = start
        for tag in _HTML_TAG.finditer(self.text, start, stop):
            if tag.start() < position:
                continue  # inside a hidden element already skipped
            add_text(position, tag.start())
            position = tag.end()
            name = (tag.group(2) or "").lower()  # none for a comment
            opening = not tag.group(1)
            if name in _HTML_HIDDEN and opening:
                closing = _html_close(name).search(self.text, position, stop)
                position = closing.end() if closing else stop
            elif name == "br":
                space = ("\n", tag.start(), tag.end() - tag.start())
            elif name in _HTML_BLOCK_LEVEL and space is None:
                space = (" ", tag.start(), 0)  # "Name</td><td>Role": two words
            elif name in ("b", "strong"):
                if opening:
                    bold_from = pieces.length
                elif bold_from is not None and pieces.length > bold_from:
                    if pieces.tail(bold_from)[0] == " ":  # the space before the bold words
                        bold_from += 1
                    pieces.emphasis.append((bold_from, pieces.length))
                    bold_from = None
            elif name == "a" and opening:
                href = _HREF.search(tag.group(0))
                if href:
                    pieces.links.append(href.group(1))
        add_text(position, stop)
        if not any(ch.isalnum() for ch in pieces.text()):
            return None
        return pieces

    def _skip_inline(self, raw: str) -> tuple[int, int] | None:
        """Move the cursor past inline code or HTML, which may break across lines in the source
        (mistune gives ``a b`` for ``a<newline>b``). Only the near text is searched: a far match
        would be another occurrence, and jumping to it would drop the prose in between."""
        words = raw.split()
        if not words:
            return None
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        match = pattern.search(self.text, self.cursor, self.cursor + len(raw) + _NEAR_WINDOW)
        if match is None:
            return None
        self.cursor = match.end()
        return match.start(), match.end()

    def _add_text(self, raw: str, pieces: _Pieces) -> None:
        if not raw:
            return
        if "&" not in raw:  # the common case, verbatim in the source: one piece, no per-character map
            pos = self.text.find(raw, self.cursor, self.cursor + len(raw) + _NEAR_WINDOW)
            if pos >= 0:
                pieces.add(raw, pos, len(raw))
                self.cursor = pos + len(raw)
                return
        located = self._locate(raw)
        if located is None:
            return  # Unlocatable text is dropped rather than reported at a wrong place.
        # Decode HTML entities; each decoded entity becomes one non-verbatim piece.
        index = 0
        for m in _ENTITY.finditer(raw):
            self._add_located(raw, located, index, m.start(), pieces)
            decoded = html.unescape(m.group(0))
            start = located[m.start()][0]
            end = located[m.end() - 1][0] + located[m.end() - 1][1]
            pieces.add(decoded, start, end - start)
            index = m.end()
        self._add_located(raw, located, index, len(raw), pieces)
        last_start, last_len = located[-1]
        self.cursor = last_start + last_len

    @staticmethod
    def _add_located(raw: str, located: list[tuple[int, int]], start: int, end: int, pieces: _Pieces) -> None:
        """Add raw[start:end], one piece per run of characters that sit contiguously in the source."""
        i = start
        while i < end:
            src, length = located[i]
            if length != 1:
                pieces.add(raw[i], src, length)
                i += 1
                continue
            j = i + 1
            while j < end and located[j] == (src + (j - i), 1):
                j += 1
            pieces.add(raw[i:j], src, j - i)
            i = j

    def _add_break(self, pieces: _Pieces, label_follows: bool = False) -> None:
        if pieces.length and not pieces.ends_with_space():
            # A line in bold or italics of its own ("**Availability**", then the paragraph on the
            # next line) is a label, and so is one that opens the next line ("**Design Teams**:
            # workshops ..."): the break stays a newline, which ends a sentence
            # (`wbl.nlp.start_sentences_after_labels`). Any other line break is a space.
            label = label_follows or _ends_a_label_line(pieces)
            pieces.breaks.append(pieces.length)
            blank = self.cursor
            while blank < len(self.text) and self.text[blank] in " \t":
                blank += 1  # a hard break's trailing spaces, however many
            newline = self.text.find("\n", self.cursor, blank + _LABEL_CLOSE) if label else -1
            if newline >= 0:  # mapped to the line's end in the file, past the label's closing marks
                pieces.add("\n", newline, 1)
            else:
                pieces.add(" ", self.cursor, 0 if self.cursor >= len(self.text) else 1)

    # --- walking the AST ---------------------------------------------------------------------------
    def _inline(self, children: list[dict[str, Any]], pieces: _Pieces) -> None:
        fields = _plain_label_lines(children) | _short_line_breaks(children)
        for position, child in enumerate(children):
            kind = child["type"]
            if kind == "text":
                self._add_text(child["raw"], pieces)
            elif kind in ("softbreak", "linebreak"):
                # A hard break ("  " or "\\" at a line's end) ends a line the reader sees as one, and
                # so does a line that opens with a list mark ("✅ Personalized roadmap" over "✅
                # 15-minute lessons"): each ends a sentence, as a label's line does. In 181 hard
                # breaks of the labelled corpora, 178 end a sentence, a list line or a heading line,
                # and the 3 others a contact block's line.
                # A hard break inside a sentence (the next line goes on in lower case) stays a space.
                hard = kind == "linebreak" and not _goes_on(pieces, children, position + 1)
                line_ends = hard or _opens_with_a_mark(children, position + 1)
                self._add_break(
                    pieces, line_ends or position + 1 in fields or _opens_with_a_label(children, position + 1)
                )
            elif kind == "codespan":
                located = self._skip_inline(child["raw"])
                if located:
                    pieces.code_spans.append(CodeSpan(pieces.length, located[0], located[1], child["raw"]))
            elif kind == "link":
                url = child.get("attrs", {}).get("url", "")
                grandchildren = child.get("children", [])
                if url:
                    pieces.links.append(url)
                if len(grandchildren) == 1 and grandchildren[0].get("raw") == url:
                    self._skip(url)  # A bare URL is not prose.
                    continue
                self._inline(grandchildren, pieces)
                if url and self.text.startswith("](", self.cursor):
                    pos = self.text.find(url, self.cursor, self.cursor + len(url) + 64)
                    if pos >= 0:
                        self.cursor = pos + len(url)
            elif kind == "image":
                url = child.get("attrs", {}).get("url", "")
                if url:
                    pos = self.text.find(url, self.cursor, self.cursor + len(url) + _NEAR_WINDOW)
                    if pos >= 0:
                        self.cursor = pos + len(url)
            elif kind == "inline_html":
                self._skip_inline(child["raw"])
            elif kind in ("strong", "emphasis"):
                start = pieces.length
                self._inline(child.get("children", []), pieces)
                if pieces.length > start:
                    pieces.emphasis.append((start, pieces.length))
            elif "children" in child:
                self._inline(child["children"], pieces)

    def _prose(self, kind: str, children: list[dict[str, Any]], **attrs: Any) -> Block | None:
        pieces = _Pieces()
        self._inline(children, pieces)
        if not pieces.length:
            return None
        return pieces.block(kind, **attrs)

    def blocks(
        self, tokens: list[dict[str, Any]], quote: int = 0, lists: int = 0, ordered: bool = False
    ) -> Iterator[Block]:
        for token in tokens:
            kind = token["type"]
            if kind == "heading":
                block = self._prose(
                    "heading", token["children"], level=token["attrs"]["level"], quote_depth=quote, list_depth=lists
                )
                if block:
                    yield block
            elif kind in ("paragraph", "block_text"):
                block_kind = "list_item" if lists else "paragraph"
                block = self._prose(block_kind, token["children"], quote_depth=quote, list_depth=lists, ordered=ordered)
                if block:
                    yield block
            elif kind == "block_quote":
                yield from self.blocks(token["children"], quote + 1, lists, ordered)
            elif kind == "list":
                is_ordered = bool(token.get("attrs", {}).get("ordered"))
                yield from self.blocks(token["children"], quote, lists + 1, is_ordered)
            elif kind == "list_item" or kind in ("table", "table_head", "table_body", "table_row"):
                yield from self.blocks(token["children"], quote, lists, ordered)
            elif kind == "table_cell":
                block = self._prose("table_cell", token["children"], quote_depth=quote, list_depth=lists)
                if block:
                    yield block
            elif kind in ("block_code", "block_html"):
                raw = token.get("raw", "")
                located = self._skip(raw)
                start, end = located if located else (self.cursor, self.cursor)
                if kind == "block_html" and located:
                    prose = self._html_prose(start, end, quote, lists)
                    if prose:
                        yield from prose
                        continue
                yield Block(
                    "code" if kind == "block_code" else "html",
                    "",
                    None,
                    start,
                    end,
                    quote_depth=quote,
                    list_depth=lists,
                    raw=raw,
                )
            elif kind == "thematic_break":
                pos = self.cursor
                yield Block("thematic_break", "", None, pos, pos, quote_depth=quote, list_depth=lists)
            elif "children" in token:
                yield from self.blocks(token["children"], quote, lists, ordered)


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Nested or touching emphasis spans as one sorted run each (``***a** b*`` is one span)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


# Raw HTML elements that hold prose (see `_BlockBuilder._html_prose`), any tag, and tags whose
# content is not prose.
_HTML_ATTRIBUTES = r"""(?:\s(?:"[^"]*"|'[^']*'|[^<>"'])*)?"""
_HTML_TEXT_OPEN = re.compile(rf"<(h[1-6]|p|li|summary){_HTML_ATTRIBUTES}>", re.IGNORECASE)
_HTML_TAG = re.compile(rf"<(/?)([A-Za-z][A-Za-z0-9]*){_HTML_ATTRIBUTES}/?>|<!--.*?(?:-->|\Z)|<![^<>]*>", re.DOTALL)
_HTML_HIDDEN = frozenset(
    {"code", "pre", "script", "style", "kbd", "samp", "svg", "textarea", "title", "noscript", "select", "template"}
)
# Where a comment or a hidden element opens: its insides hold no element that counts.
_HTML_MASK_OPEN = re.compile(rf"<!--|<({'|'.join(sorted(_HTML_HIDDEN))})\b{_HTML_ATTRIBUTES}>", re.IGNORECASE)
# Tags that end a line of text or a cell: the words on their sides are two words.
_HTML_BLOCK_LEVEL = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer header hr li main nav ol p "
    "section summary table tbody td tfoot th thead tr ul h1 h2 h3 h4 h5 h6 center".split()
)
_HTML_TEXT_RUN = re.compile(rf"\s+|{_ENTITY.pattern}|[^\s&]+|&")
_HREF = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


@lru_cache(maxsize=64)
def _html_close(tag: str) -> re.Pattern[str]:
    return re.compile(rf"</{tag}\s*>", re.IGNORECASE)


class _Masked:
    """The comments and hidden elements of text[start:end], in order and apart. One left open runs
    to the end, as a browser reads it (each opening is read once: linear in the block)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for found in _HTML_MASK_OPEN.finditer(text, start, end):
            if self.ends and found.start() < self.ends[-1]:
                continue
            if found.group(1) is None:
                close = text.find("-->", found.end(), end)
                stop = end if close < 0 else close + 3
            else:
                closing = _html_close(found.group(1).lower()).search(text, found.end(), end)
                stop = closing.end() if closing else end
            self.starts.append(found.start())
            self.ends.append(stop)

    def covers(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def matches(self, pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """The matches of `pattern` in text[start:end] outside the comments and hidden elements."""
        return (found for found in pattern.finditer(text, start, end) if not self.covers(found.start()))


_PATTERN_CACHE: dict[str, re.Pattern[str]] = {}


def _escape_tolerant_pattern(raw: str) -> re.Pattern[str]:
    """A pattern for `raw` as written in source, where ASCII punctuation may be backslash-escaped."""
    pattern = _PATTERN_CACHE.get(raw)
    if pattern is None:
        parts = []
        for ch in raw:
            if ch in _ASCII_PUNCTUATION:
                parts.append(r"\\?" + re.escape(ch))
            else:
                parts.append(re.escape(ch))
        pattern = re.compile("".join(parts))
        if len(_PATTERN_CACHE) > 1024:
            _PATTERN_CACHE.clear()
        _PATTERN_CACHE[raw] = pattern
    return pattern
