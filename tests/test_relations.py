"""Rule relations: a rule that supersedes another keeps one finding per gap, with the other's reason."""

from __future__ import annotations

import json
from dataclasses import replace

import wbl
from wbl.findings import FileReport, Finding
from wbl.registry import Registry
from wbl.reporters import REPORTERS

TEXT = "# Launch\n\nOwners wait for books.\n"


@wbl.rule(code="WB981", name="missing-everything", category="structure", severity="warning", summary="Gap A")
def missing_everything(document, ctx):
    """Reports the missing problem for the whole document, at the headline."""
    yield wbl.Violation.covering(document.units[0], "no problem paragraph", topic="missing:problem")


@wbl.rule(code="WB982", name="missing-problem", category="structure", severity="warning", summary="Gap B")
def missing_problem(document, ctx):
    """Reports the missing problem elsewhere (same topic, other words), and flags 'wait'."""
    unit = document.units[-1]
    yield wbl.Violation("the release states no problem", unit, 0, 6, topic="missing:problem")
    yield wbl.Violation("'wait' hides the problem", unit, 7, 11)


@wbl.rule(code="WB983", name="vague-wait", category="weasel", severity="info", summary="Gap C")
def vague_wait(document, ctx):
    """Flags 'wait' (WB982's words too) and 'books' (other words, the same topic)."""
    unit = document.units[-1]
    yield wbl.Violation("waiting is vague", unit, 7, 11)
    yield wbl.Violation("books are vague", unit, 16, 21, topic="missing:problem")


def declaring(rule: wbl.Rule, *codes: str) -> wbl.Rule:
    return replace(rule, supersedes=codes)


def lint(*rules: wbl.Rule) -> FileReport:
    return wbl.Linter(wbl.LintOptions(), Registry.from_rules(rules)).lint_text(TEXT, "doc.md")


def folded(finding: Finding) -> list[tuple[str, str]]:
    return [(a.rule, a.message) for a in finding.also]


def test_without_declarations_every_finding_stays():
    report = lint(missing_everything, missing_problem, vague_wait)
    assert sorted(f.rule for f in report.findings) == ["WB981", "WB982", "WB982", "WB983", "WB983"]
    assert all(f.also == () for f in report.findings)


def test_same_topic_keeps_the_superseding_finding_with_the_other_reason():
    report = lint(declaring(missing_everything, "missing-problem"), missing_problem, vague_wait)
    kept = next(f for f in report.findings if f.rule == "WB981")
    assert folded(kept) == [("WB982", "the release states no problem")]
    assert sorted(f.rule for f in report.findings) == ["WB981", "WB982", "WB983", "WB983"]


def test_overlapping_words_fold_and_chains_fold_into_the_first():
    report = lint(declaring(missing_everything, "WB982"), declaring(missing_problem, "vague-wait"), vague_wait)
    # WB983's 'books' folds into WB982's gap (same topic), which folds into WB981's (same topic);
    # WB983's 'wait' folds into WB982's 'wait' (same words).
    assert sorted(f.rule for f in report.findings) == ["WB981", "WB982"]
    by_rule = {f.rule: f for f in report.findings}
    assert folded(by_rule["WB981"]) == [("WB982", "the release states no problem"), ("WB983", "books are vague")]
    assert folded(by_rule["WB982"]) == [("WB983", "waiting is vague")]


def test_folded_findings_survive_serialisation_and_show_in_every_format():
    report = lint(declaring(missing_everything, "WB982"), missing_problem)
    finding = next(f for f in report.findings if f.also)
    compact = json.loads(json.dumps(report.to_dict(compact=True)))
    assert FileReport.from_dict(compact, source_text=report.source_text).findings == report.findings
    assert Finding.from_dict(finding.to_dict(), "doc.md") == finding
    assert "also" not in next(f for f in report.findings if not f.also).to_dict()
    run = wbl.Report((report,))
    assert "  also: WB982 the release states no problem" in REPORTERS["text"](run)
    assert "(also: WB982 the release states no problem)" in REPORTERS["concise"](run)
    data = json.loads(REPORTERS["json"](run))
    assert data["files"][0]["findings"][0]["also"][0]["rule"] == "WB982"


def test_the_built_in_pack_declares_its_relations():
    """One set of words, one finding: the specific rules supersede the sentence models' rules, and
    a buzzword is folded into the technology-first finding on the same words ("AI-Powered"); one
    gap, one finding: no problem stated anywhere supersedes the missing problem paragraph, and a
    weasel word the superlative or comparative it is part of ("the most innovative"), a buzzword
    the peacock word it also is ("enterprise-grade"), and a
    one-paragraph release's grade the paragraph's."""
    registry = wbl.default_registry()
    declared = {r.code: r.supersedes for r in registry.rules if r.supersedes}
    assert declared == {
        "WB211": ("missing-pr-part",),
        "WB202": ("buzzword",),
        "WB301": ("buzzword",),
        "WB302": ("tech-first-sentence", "customer-after-technology", "buzzword"),
        "WB402": ("jargon-density", "weasel-word"),
        "WB501": ("document-readability",),
        "WB421": ("jargon-density",),
        "WB601": ("adjective-not-data",),
        "WB110": (
            "weasel-word",
            "future-tense",
            "passive-voice",
            "jargon-density",
            "undefined-acronym",
            "buzzword",
            "wordy-phrase",
            "adjective-not-data",
            "company-centric-voice",
        ),
    }
    assert all(registry.get(name) is not None for names in declared.values() for name in names)


def test_a_missing_problem_is_one_finding_and_other_missing_parts_stay_apart():
    release = (
        "# Acme Lets Florists Order Stems Overnight\n\n## Florists can now order stems at 9 pm for 7 am\n\n"
        "SEATTLE — June 1, 2027 — Today Acme launched overnight stem orders for florists. "
        + "Florists order by 9 pm and get the stems by 7 am. " * 6
        + "\n"
    )
    options = wbl.LintOptions(select=("WB101", "WB211"), kind="prfaq")
    findings = wbl.lint_text(release, "prfaq.md", options=options).findings
    by_rule = {f.rule: f for f in findings}
    assert "WB211" in by_rule, [f.message for f in findings]
    # The problem gap is WB211's, with WB101's reason folded in; WB101's hint about the other
    # parts is a finding of its own.
    assert [a.rule for a in by_rule["WB211"].also] == ["WB101"]
    assert "problem" in by_rule["WB211"].also[0].message
    assert "WB101" in by_rule and "problem" not in by_rule["WB101"].message.split(":")[0]  # what it lacks


def test_a_weasel_superlative_is_one_finding():
    report = wbl.lint_text(
        "# Slipway\n\nSlipway is the most innovative marina app.\n",
        options=wbl.LintOptions(select=("WB601", "WB621"), kind="prfaq"),
    )
    by_rule = [(f.rule, f.text, [a.rule for a in f.also]) for f in report.findings]
    assert ("WB601", "the most innovative", ["WB621"]) in by_rule
    assert all(rule != "WB621" for rule, _, _ in by_rule)


def test_a_peacock_word_that_is_a_buzzword_is_one_finding():
    """ "enterprise-grade" is a buzzword and a peacock word: one warning, the buzzword's, with the
    weasel word's reason folded in (round 35 of the user trials judged the second warning noise)."""
    report = wbl.lint_text(
        "# Slipway\n\nSlipway brings enterprise-grade booking to small marinas.\n",
        options=wbl.LintOptions(select=("WB402", "WB601"), kind="prfaq"),
    )
    found = [(f.rule, f.text, f.severity, [a.rule for a in f.also]) for f in report.findings]
    assert found == [("WB402", "enterprise-grade", wbl.Severity.WARNING, ["WB601"])]


def test_words_of_a_template_prompt_left_in_are_the_prompt_s_finding():
    """'elegantly' in the template's "Describe how your product elegantly solves the problem." is
    the template's word: one finding, the prompt left in, with the weasel word's reason folded in;
    the author's own 'elegantly' below stays a weasel word."""
    text = (
        "# Shelfwise restocks the shelf before it empties\n\n"
        "Bookstore owners can now see what to reorder before a shelf empties.\n\n"
        "## Solution\n\n> Describe how your product elegantly solves the problem.\n\n"
        "Shelfwise elegantly counts each sale and orders the book again.\n"
    )
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB110", "WB601"), kind="press_release"))
    found = [(f.rule, f.line, [a.rule for a in f.also]) for f in report.findings]
    assert found == [("WB110", 7, ["WB601"]), ("WB601", 9, [])]


def test_a_folded_finding_keeps_the_higher_severity():
    # WB983 (info) supersedes WB982 (warning): one finding per gap, and still a warning, so that
    # folding never lets a file pass `--fail-on warning` that would fail without it.
    options = wbl.LintOptions(kind="press_release")  # a file wbl is unsure of gets hints only
    plain = wbl.Linter(options, Registry.from_rules((missing_problem, vague_wait))).lint_text(TEXT, "doc.md")
    assert {f.rule: f.severity for f in plain.findings} == {"WB982": wbl.Severity.WARNING, "WB983": wbl.Severity.INFO}
    rules = Registry.from_rules((missing_problem, declaring(vague_wait, "WB982")))
    report = wbl.Linter(options, rules).lint_text(TEXT, "doc.md")
    assert [(f.rule, f.severity, folded(f)) for f in report.findings] == [
        ("WB983", wbl.Severity.WARNING, [("WB982", "'wait' hides the problem")]),
        ("WB983", wbl.Severity.WARNING, [("WB982", "the release states no problem")]),
    ]


def test_a_buzzword_that_leads_with_technology_is_one_finding_that_keeps_its_fix():
    release = (
        "# DataSync AI: A Next-Generation Cloud-Native Platform\n\n"
        "Our platform leverages ML and blockchain to deliver synchronization of enterprise data.\n"
    )
    options = wbl.LintOptions(select=("WB302", "WB402"), kind="prfaq")
    findings = wbl.lint_text(release, "prfaq.md", options=options).findings
    for word in ("Cloud-Native", "leverages"):
        at = release.index(word)
        [kept] = [f for f in findings if f.start <= at < f.end]
        assert kept.rule == "WB302" and [folded.rule for folded in kept.also] == ["WB402"]
    # The buzzword's fix ("leverages" -> "uses") still resolves the words the finding points at.
    [leverages] = [f for f in findings if f.start <= release.index("leverages") < f.end]
    alone = wbl.LintOptions(select=("WB402",), kind="prfaq")
    [buzzword] = [f for f in wbl.lint_text(release, "prfaq.md", options=alone).findings if f.text == "leverages"]
    assert buzzword.fix is not None and leverages.fix == buzzword.fix


def test_a_hard_release_points_at_its_hardest_paragraph():
    # Rounds to 48 of the user trials: a caret on the dateline "names no paragraph". The
    # release-level grade points at the start of the hardest paragraph of 15 words or more; it
    # flags no words (a baseline knows it by its rule wherever that paragraph is), and the
    # paragraph's own grade stays paragraph-readability's finding.
    plain = "Bakers order flour by text. The van comes the next day. They pay when it comes. " * 2
    hard = (
        "Comprehensive interoperability considerations necessitate sophisticated organizational "
        "infrastructure, facilitating unprecedented administrative standardization capabilities. " * 4
    )
    medium = "Independent bakeries coordinate deliveries efficiently, eliminating needless paperwork. " * 2
    headline = "# Flourish Lets Bakers Order Flour by Text"
    release = f"{headline}\n\nSEATTLE — June 1, 2027 — {plain}\n\n{medium}\n\n{hard}\n\n{plain}\n"
    lines = release.splitlines()
    hard_line = next(i for i, line in enumerate(lines, 1) if line.startswith("Comprehensive"))
    alone = wbl.lint_text(release, "prfaq.md", options=wbl.LintOptions(select=("WB502",), kind="press_release"))
    found = [(f.line, f.column, f.text) for f in alone.findings if f.rule == "WB502"]
    assert found == [(hard_line, 1, "")], found
    both = wbl.lint_text(release, "prfaq.md", options=wbl.LintOptions(select=("WB501", "WB502"), kind="press_release"))
    assert sorted(f.rule for f in both.findings if f.line == hard_line) == ["WB501", "WB502"]
    # `point-at = "start"`: the first line of the release's prose, as before.
    start = wbl.LintOptions(select=("WB502",), kind="press_release", rule_options={"WB502": {"point-at": "start"}})
    assert [f.line for f in wbl.lint_text(release, "prfaq.md", options=start).findings] == [3]


def test_a_hard_release_does_not_point_at_its_boilerplate_or_a_speakers_title():
    # A review's probes: "About Acme" is hardest but reviewers leave it be; a plain quotation
    # under a long job title is no hard paragraph (who speaks is not what is said).
    plain = "Bakers order flour by text. The van comes the next day. They pay when it comes. " * 2
    medium = "Independent bakeries coordinate deliveries efficiently, eliminating needless paperwork. " * 2
    quote = (
        '"Now we just text and the flour comes," said Dana Reyes, Senior Vice President of '
        "Interdepartmental Organizational Infrastructure Administration and Operational Accountability."
    )
    about = "## About Flourish\n\n" + (
        "Flourish Incorporated develops comprehensive interoperability infrastructure, "
        "facilitating unprecedented administrative standardization capabilities internationally. " * 2
    )
    release = (
        "# Flourish Lets Bakers Order Flour by Text\n\n"
        f"SEATTLE — June 1, 2027 — {plain}\n\n{medium}\n\n{quote}\n\n{plain}\n\n{about}\n"
    )
    lines = release.splitlines()
    medium_line = next(i for i, line in enumerate(lines, 1) if line.startswith("Independent"))
    report = wbl.lint_text(release, "prfaq.md", options=wbl.LintOptions(select=("WB502",), kind="press_release"))
    assert [f.line for f in report.findings] == [medium_line], [(f.line, f.text[:40]) for f in report.findings]


def test_a_comment_that_hides_a_gap_hides_it_whole():
    # A second review: hiding the buzzword on one line must not bring back the weasel word on the
    # same word (suppressions apply to the folded finding).
    text = (
        "# Slipway\n\n<!-- wbl-disable-next-line WB402 -->\nSlipway brings enterprise-grade booking to small marinas.\n"
    )
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB402", "WB601"), kind="prfaq"))
    assert [f.rule for f in report.findings] == []
