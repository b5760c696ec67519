"""The project vocabulary: one [vocabulary] table reaches every rule that uses a lexicon."""

from __future__ import annotations

import textwrap
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
    text = "# Acme Lets Glaziers Plan\n\nAcme lets glaziers plan. " + "Orders arrive on time every day. " * 12 + "\n"
    assert [rule for rule, _ in found(text, ("WB201",))] == ["WB201"]  # no role the lexicon knows
    assert found(text, ("WB201",), Vocabulary(customers=("glazier",))) == []


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
