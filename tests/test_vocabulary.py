"""The project vocabulary: one [vocabulary] table reaches every rule that uses a lexicon."""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

import wbl
from wbl.config import ConfigError, load_config
from wbl.files import FileLinter
from wbl.project import Project
from wbl.vocabulary import NO_VOCABULARY, Vocabulary

LEAD = (
    "# Pantry Alerts Tells Bakery Owners When Flour Runs Low\n\nBakery owners can now see what runs out.\n\n"
    "SEATTLE — June 1, 2027 — Today Pantry Alerts launched stock alerts for small bakeries.\n\n"
)


def found(text: str, codes: tuple[str, ...], vocabulary: Vocabulary = NO_VOCABULARY) -> list[tuple[str, str]]:
    options = wbl.LintOptions(select=codes, vocabulary=vocabulary, kind="prfaq")
    return [(f.rule, f.text) for f in wbl.lint_text(text, "t.md", options=options).findings]


def test_accepted_terms_are_flagged_by_no_word_list_rule():
    text = "# Acme\n\nOur seamless HSM lets you leverage Kubeflow.\n"
    codes = ("WB601", "WB402", "WB421")
    assert found(text, codes) == [("WB601", "seamless"), ("WB421", "HSM"), ("WB402", "leverage")]
    accepted = Vocabulary(accept=("seamless", "HSM", "leverage"))
    assert found(text, codes, accepted) == []


def test_rejected_terms_are_buzzwords_and_jargon():
    text = "# Acme\n\nOwners frobnicate the shelf every day with the widget.\n"
    assert found(text, ("WB402",)) == []
    rejected = Vocabulary(reject=("frobnicate",))
    assert found(text, ("WB402",), rejected) == [("WB402", "frobnicate")]
    dense = "# Acme\n\nOwners read the daily plan on the shelf.\n"
    assert found(dense, ("WB401",)) == []
    assert [rule for rule, _ in found(dense, ("WB401",), Vocabulary(reject=("daily plan", "shelf")))] == ["WB401"]


def test_technology_terms_reach_the_shared_analysis():
    sentence = "Our platform runs on Pantryflow and Doughbase."
    assert found(LEAD + sentence + "\n", ("WB301",)) == []
    technology = Vocabulary(technology=("Pantryflow", "Doughbase"))
    assert [rule for rule, _ in found(LEAD + sentence + "\n", ("WB301",), technology)] == ["WB301"]


def messages(text: str, codes: tuple[str, ...], vocabulary: Vocabulary = NO_VOCABULARY) -> list[str]:
    options = wbl.LintOptions(select=codes, vocabulary=vocabulary, kind="prfaq")
    return [f"{f.text} | {f.message}" for f in wbl.lint_text(text, "t.md", options=options).findings]


@pytest.mark.parametrize("vocabulary", [Vocabulary(products=("Kubernetes",)), Vocabulary(accept=("Kubernetes",))])
def test_products_and_accepted_terms_are_never_technology_nor_a_reason(vocabulary):
    text = LEAD + "Kubernetes runs the forecasts. Pantry Alerts is built on Kubernetes.\n"
    plain = messages(text, ("WB301",))
    assert len(plain) == 2 and all("Kubernetes" in m for m in plain)
    assert not any("Kubernetes" in m for m in messages(text, ("WB301",), vocabulary))


def test_customer_roles_name_a_specific_customer():
    # "glaziers" is in no list, and the sentence does not make them a customer by what they do
    # ("lets glaziers plan" would: see test_customer_rules).
    text = (
        "# Acme Plans Glazing Jobs\n\nAcme plans the jobs of glaziers. "
        + "Orders arrive on time every day. " * 12
        + "\n"
    )
    assert [rule for rule, _ in found(text, ("WB201",))] == ["WB201"]  # no role the lexicon knows
    assert found(text, ("WB201",), Vocabulary(customers=("glazier",))) == []


# --- messages say how to accept their term -------------------------------------------------------

HINT = re.compile(r"\(([^()`]*) `\[tool\.wbl\.vocabulary\] (\w+) = (\[[^`]*\])`\)$")


def hinted(text: str, codes: tuple[str, ...]) -> list[tuple[str, str, list[str], bool]]:
    """(rule, list, terms, gone) for each finding whose message says how the vocabulary would
    accept its term: the list and terms it names, and whether doing just that makes it go."""
    options = wbl.LintOptions(select=codes, kind="prfaq")
    result = []
    for finding in wbl.lint_text(text, "t.md", options=options).findings:
        match = HINT.search(finding.message)
        if match is None:
            continue
        key, terms = match.group(2), json.loads(match.group(3))
        again = wbl.lint_text(text, "t.md", options=replace(options, vocabulary=Vocabulary(**{key: tuple(terms)})))
        gone = not any(f.rule == finding.rule and f.start == finding.start for f in again.findings)
        result.append((finding.rule, key, terms, gone))
    return result


def test_term_findings_say_how_to_accept_the_term_and_doing_so_silences_them():
    text = (
        "# Acme\n\nOur seamless HSM lets you leverage Kubeflow.\n\nThe keystore daemon replays idempotent webhooks.\n"
    )
    # The first sentence's jargon finding is folded into the buzzword and acronym findings on
    # the same words (they supersede it); the second names its terms, strongest first.
    assert sorted(hinted(text, ("WB601", "WB402", "WB421", "WB401"))) == [
        ("WB401", "accept", ["daemon", "idempotent", "webhooks", "keystore"], True),
        ("WB402", "accept", ["leverage"], True),
        ("WB421", "accept", ["HSM"], True),
        ("WB601", "accept", ["seamless"], True),
    ]
    # An inflected form names the listed term, which accepts every form.
    assert hinted("# Acme\n\nWe leveraged it.\n", ("WB402",)) == [("WB402", "accept", ["leverage"], True)]
    options = wbl.LintOptions(select=("WB421",), kind="prfaq")
    message = wbl.lint_text("# Acme\n\nOur HSM keys are safe.\n", options=options).findings[0].message
    assert message.endswith('(accept it with `[tool.wbl.vocabulary] accept = ["HSM"]`)')


@pytest.mark.parametrize(
    ("config_name", "body", "table"),
    [
        ("wbl.toml", 'select = ["WB421"]\n', "[vocabulary]"),
        (".wbl.toml", 'select = ["WB421"]\n', "[vocabulary]"),
        ("pyproject.toml", '[tool.wbl]\nselect = ["WB421"]\n', "[tool.wbl.vocabulary]"),
    ],
)
def test_the_hint_names_the_table_of_the_file_s_configuration(tmp_path, config_name, body, table):
    (tmp_path / config_name).write_text(body, encoding="utf-8")
    (tmp_path / "prfaq.md").write_text("# Acme\n\nOur HSM keys are safe.\n", encoding="utf-8")
    project = Project(wbl.LintOptions(kind="prfaq"), wbl.default_registry())
    (report,) = project.lint_paths([str(tmp_path / "prfaq.md")]).files
    assert report.findings[0].message.endswith(f'(accept it with `{table} accept = ["HSM"]`)')


def test_a_product_taken_for_technology_is_named_for_the_products_list():
    text = (
        "# PR/FAQ: usb-hsm\n\n## Developers Keep Signing Keys on a USB Drive\n\n"
        "SEATTLE — June 1, 2027 — Developers can now keep signing keys on a USB drive.\n\n"
        "The usb-hsm stores each key in its secure element.\n"
    )
    assert hinted(text, ("WB301",)) == [("WB301", "products", ["usb-hsm"], True)]


def test_plain_and_technology_words_of_a_headline_are_not_offered_as_product_names():
    # "Announces", "Platform" and "AI-Powered" are in the headline, but they are not names: the
    # hint would have the user declare the flagged technology a product.
    text = (
        "# Synergix Announces Next-Generation AI-Powered Cloud-Native Platform\n\n"
        "Synergix is excited to announce that our platform leverages Kubernetes microservices.\n"
    )
    assert [h for h in hinted(text, ("WB302",)) if h[1] == "products"] == []


def test_a_release_with_no_known_customer_says_how_to_add_a_role():
    text = (
        "# Acme Plans Glazing Jobs\n\nAcme plans the jobs of glaziers. "
        + "Orders arrive on time every day. " * 12
        + "\n"
    )
    [finding] = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB201",), kind="prfaq")).findings
    assert finding.message.endswith(
        '(if wbl missed your customer, name the role with `[tool.wbl.vocabulary] customers = ["pharmacist"]`)'
    )
    assert found(text, ("WB201",), Vocabulary(customers=("glazier",))) == []


def test_extend_exempt_keeps_the_built_in_acronyms(tmp_path):
    text = "# Acme\n\nAcme, from PUNE, sends a PDF of each order to the CEO and the CFO. HSM keys stay safe.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    flagged = {f.text for f in Project().lint_paths([tmp_path / "a.md"]).findings if f.rule == "WB421"}
    assert flagged == {"PUNE", "HSM"}
    write(tmp_path / "wbl.toml", '[rules.undefined-acronym]\nextend-exempt = ["PUNE"]\n')
    flagged = {f.text for f in Project().lint_paths([tmp_path / "a.md"]).findings if f.rule == "WB421"}
    assert flagged == {"HSM"}  # PDF, CEO and CFO stay exempt: the list grew
    write(tmp_path / "wbl.toml", '[rules.undefined-acronym]\nexempt = ["PUNE"]\n')
    flagged = {f.text for f in Project().lint_paths([tmp_path / "a.md"]).findings if f.rule == "WB421"}
    assert flagged == {"PDF", "CEO", "CFO", "HSM"}  # `exempt` itself replaces the built-in list


def acronyms_flagged(text: str) -> set[str]:
    options = wbl.LintOptions(select=("WB421",), kind="prfaq")
    return {f.text for f in wbl.lint_text(text, "t.md", options=options).findings}


def test_the_place_of_a_dateline_and_slots_for_a_value_are_not_acronyms():
    text = (
        "# Acme sends bookshops their orders\n\n"
        "PUNE, India — Acme sends each order as a PDF. HSM keys stay safe.\n\n"
        '"Orders arrive on time," said [EXEC NAME] of <COMPANY>. The [API] stays.\n\n'
        "GDPR — Acme keeps each order in the EU. The [QRB, TTX] reviews stay.\n"
    )
    # Only the release's own dateline: "GDPR — ..." later on is an acronym, as are acronyms in brackets.
    assert acronyms_flagged(text) == {"HSM", "API", "GDPR", "QRB", "TTX"}


def test_the_place_opening_the_summary_is_no_acronym_when_a_date_alone_stands_above_the_headline():
    text = (
        "**FOR IMMEDIATE RELEASE**\n\nApril 30, 2026\n\n"
        "# Schlage Tells Rental Hosts About Lock Problems Before Guests Arrive\n\n"
        "**PALO ALTO, Calif.,** April 30, 2026 - Allegion today announced a lock service for hosts. "
        "It keeps its keys in an HSM.\n"
    )
    assert acronyms_flagged(text) == {"HSM"}


def test_an_acronym_first_left_undefined_in_the_faq_is_a_hint():
    # The caps below a warning, with lone first uses kept as warnings ("lone-severity" off).
    text = (
        "# Shelfwise sends bookshops a page of sales\n\nShelfwise sends each owner a KPI page every night.\n\n"
        "## FAQ\n\n### What is the ROI?\n\nThe ROI is a week of saved time, and the KPI page is free.\n"
    )
    options = wbl.LintOptions(select=("WB421",), kind="prfaq", rule_options={"WB421": {"lone-severity": ""}})
    found = [(f.text, f.severity.value) for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert found == [("KPI", "warning"), ("ROI", "info")]


def test_an_acronym_that_names_the_product_is_not_reported():
    """In the headline, opening sentences, never after an article: a name ("LLYI"), not an acronym."""
    text = (
        "# LLYI Turns Overheard Phrases into Flash Cards\n\n"
        "LLYI helps expats remember the phrases they hear. LLYI keeps each card for a year.\n\n"
        "Cards are read aloud through the TTS engine on the phone.\n"
    )
    assert acronyms_flagged(text) == {"TTS"}
    # Once it takes an article, it is a common noun that needs spelling out.
    assert acronyms_flagged(text.replace("through the TTS engine", "through the LLYI engine")) == {"LLYI"}
    # Unless the name opens more than three sentences for each such use: "every OCX user" is the
    # name modifying a noun (a trial's release opened six sentences with "OCX").
    many = text.replace("LLYI keeps", "LLYI reads the phrase. LLYI asks. LLYI waits. LLYI keeps")
    assert acronyms_flagged(many.replace("through the TTS engine", "for every LLYI user")) == set()


def test_an_all_caps_compound_with_a_word_is_a_name_but_two_acronyms_are_not():
    text = "# GI‑SMART Opens Two Campuses\n\nThe school meets PCI-DSS rules and runs on HSM-backed keys.\n"
    assert acronyms_flagged(text) == {"PCI", "HSM"}


def test_a_run_of_capitals_with_an_ordinary_word_is_a_name_but_two_acronyms_are_not():
    text = "Koe Seed debuts at SOLUNA FEST HAWAII this year.\n\nIt ships with the AWS SDK for teams.\n"
    assert acronyms_flagged(text) == {"AWS", "SDK"}
    # A word in capitals for emphasis beside an acronym does not make a name.
    assert acronyms_flagged("Our app reads the EHR WITHOUT any setup from the clinic.\n") == {"EHR"}


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_configuration_vocabulary_at_the_top_and_in_overrides(tmp_path):
    write(
        tmp_path / "wbl.toml",
        """
        [vocabulary]
        accept = ["seamless"]
        products = ["Shelfwise"]

        [[overrides]]
        files = ["drafts/**"]
        [overrides.vocabulary]
        accept = ["robust"]
        """,
    )
    text = "# Shelfwise\n\nA seamless and robust shelf.\n"
    for name in ("a.md", "drafts/b.md"):
        write(tmp_path / name, text)
    project = Project(wbl.LintOptions(select=("WB601",)))
    report = project.lint_paths([tmp_path / "a.md", tmp_path / "drafts" / "b.md"])
    assert [[f.text for f in r.findings] for r in report.files] == [["robust"], []]
    settings = project.settings_for(tmp_path / "drafts" / "b.md")
    assert settings.vocabulary == Vocabulary(accept=("seamless", "robust"), products=("Shelfwise",))
    assert settings.to_dict()["vocabulary"] == {"accept": ["seamless", "robust"], "products": ["Shelfwise"]}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("[vocabulary]\naccepted = ['x']\n", "vocabulary.accepted: unknown key; did you mean 'accept'?"),
        ("[vocabulary]\naccept = 'x'\n", "vocabulary.accept: expected a list of terms"),
        ("vocabulary = ['x']\n", "vocabulary: expected a table of term lists"),
    ],
)
def test_a_wrong_vocabulary_names_the_file_and_key(tmp_path, body, problem):
    write(tmp_path / "wbl.toml", body)
    with pytest.raises(ConfigError, match=r"wbl\.toml") as error:
        load_config(tmp_path / "wbl.toml", wbl.default_registry())
    assert problem in str(error.value)


def test_the_vocabulary_is_part_of_the_cache_key(tmp_path):
    def prefix(vocabulary: Vocabulary) -> str:
        linter = FileLinter(wbl.Linter(wbl.LintOptions(select=("WB601",), vocabulary=vocabulary)), tmp_path)
        assert linter.cache is not None
        return linter.cache.key(b"same bytes")

    assert prefix(Vocabulary()) != prefix(Vocabulary(accept=("seamless",)))
    assert prefix(Vocabulary(accept=("seamless",))) == prefix(Vocabulary(accept=("seamless",)))


def test_files_under_different_kinds_of_configuration_get_their_own_table(tmp_path):
    # Same rules and options, one folder configured by a wbl.toml, the other by a pyproject.toml:
    # the two must not share a linter, whose messages name one table.
    for folder, name, body in (
        ("a", "wbl.toml", "select = ['WB421']\n"),
        ("b", "pyproject.toml", "[tool.wbl]\nselect = ['WB421']\n"),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(body, encoding="utf-8")
        (tmp_path / folder / "prfaq.md").write_text("# Acme\n\nOur HSM keys are safe.\n", encoding="utf-8")
    project = Project(wbl.LintOptions(kind="prfaq"), wbl.default_registry())
    first, second = project.lint_paths([str(tmp_path / "a" / "prfaq.md"), str(tmp_path / "b" / "prfaq.md")]).files
    assert "`[vocabulary] accept" in first.findings[0].message
    assert "`[tool.wbl.vocabulary] accept" in second.findings[0].message
