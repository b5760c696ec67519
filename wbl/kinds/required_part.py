"""The required-part kind: parts of the PR/FAQ that must be there, as the document's anatomy finds them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from wbl.kinds.base import Kind, document_anchor, listing
from wbl.options import Option
from wbl.rule import RuleContext, Severity, Violation

if TYPE_CHECKING:
    from wbl.document import Document


class RequiredPart(Kind):
    """Flags the required parts of the PR/FAQ that the document lacks.

    Parts are the anatomy's (`wbl.anatomy.PARTS`: headline, summary, problem, faq...), found by
    their headings or labels or, without them, by position and wording. Only documents the
    anatomy takes for a press release or a PR/FAQ are judged. The parts in `error-parts` are
    each an error of their own; the other missing parts are listed in one warning. Every
    finding sits at the headline (or the first line) and names its gap as the topic
    ``missing:<part>`` when it reports one part, so a rule that supersedes another keeps one
    finding per missing part.
    """

    name = "required-part"
    options = (
        Option("parts", "strings", [], "the parts that must be present"),
        Option("error-parts", "strings", [], "parts whose absence is an error, each reported on its own"),
        Option("message", "string", "The PR/FAQ lacks {part}", "{part}: the missing parts, listed"),
        Option("messages", "table", {}, "part -> the message for that part when it is an error part"),
    )

    def prepare(self, ctx: RuleContext) -> None:
        from wbl.anatomy import PARTS

        unknown = sorted(set(ctx["parts"]) - set(PARTS))
        if unknown:
            raise ValueError(f"{self.where}: options.parts: unknown parts {unknown} (expected some of {list(PARTS)})")

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Violation]:
        from wbl.anatomy import LABELS

        anatomy = document.anatomy
        if not document.units or anatomy.kind not in ("prfaq", "press_release"):
            return
        errors = set(ctx["error-parts"])
        missing = [part for part in ctx["parts"] if not anatomy.present(part)]
        for part in (p for p in missing if p in errors):
            message = ctx["messages"].get(part, ctx["message"]).format(part=LABELS[part])
            yield document_anchor(document, message, Severity.ERROR, topic=f"missing:{part}")
        rest = [p for p in missing if p not in errors]
        if rest:
            topic = f"missing:{rest[0]}" if len(rest) == 1 else None
            message = ctx["message"].format(part=listing(LABELS[p] for p in rest))
            yield document_anchor(document, message, topic=topic)


__all__ = ["RequiredPart"]
