"""``wbl explain CODE``: a rule's full documentation, as Markdown (readable as plain text too).

Everything comes from the rule itself: metadata, documentation, option defaults (shown as the
TOML table a user would put in the configuration) and its good and bad examples, with the
``<!-- expect: ... -->`` test markers removed.
"""

from __future__ import annotations

import re

from wbl.reporters.base import printable, rule_help_uri
from wbl.rule import EXPECT_MARKER, Rule
from wbl.tomlwriter import toml_key, toml_table


def render_explanation(r: Rule, docs_url: str | None = None) -> str:
    """The rule's page; with the documentation's base URL (`wbl.reporters.base.docs_url`) it
    links to the published copy of the page too."""
    lines = [
        f"# {r.code} {r.name}",
        "",
        r.summary,
        "",
        f"- Category: {r.category}",
        f"- Kind: {r.kind}" + (" (a function of its pack)" if r.kind == "python" else " (data only)"),
        f"- Default severity: {r.severity.value}",
        f"- Judges: {', '.join(_DOCUMENTS[d] for d in r.documents)}"
        " (see the document kinds in docs/judgement.md; hints only where wbl is not sure of the kind)",
        f"- Needs: {', '.join(sorted(r.needs)) or 'nothing (no language analysis)'}",
        f"- Origin: {r.origin}",
    ]
    if url := rule_help_uri(r.name, docs_url, r.code):
        lines.append(f"- Documentation: {url}")
    if r.doc.strip():
        lines += ["", r.doc.strip()]
    lines += ["", "## Options and their defaults", ""]
    if r.options:
        lines += ["```toml", *options_toml(r), "```"]
    else:
        lines.append("This rule has no options.")
    for kind, title in (("bad", "Flagged"), ("good", "Not flagged")):
        for example in (e for e in r.examples if e.kind == kind):
            name = f" (`{example.name}`)" if example.name else ""
            lines += ["", f"## {title}: {kind} example{name}", "", *_fenced(strip_markers(example.markdown))]
    return printable("\n".join(lines))  # a plugin's documentation reaches the terminal as it is


_DOCUMENTS = {
    "prfaq": "PR/FAQs",
    "press_release": "press releases",
    "faq": "FAQs",
    "fragment": "fragments (a few sentences alone)",
    "other": "other Markdown",
}


def strip_markers(markdown: str) -> str:
    """An example without its ``<!-- expect: WB601 -->`` test markers."""
    return "\n".join(EXPECT_MARKER.sub("", line).rstrip() for line in markdown.strip("\n").splitlines())


def options_toml(r: Rule) -> list[str]:
    """The rule's default options as the TOML table that configures them."""
    return toml_table(f"tool.wbl.rules.{toml_key(r.name)}", r.options)


def _fenced(text: str) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return [f"{fence}markdown", text, fence]
