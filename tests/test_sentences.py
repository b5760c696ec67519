"""The sentence models and the rule functions beside them (wbl_rules.sentences), on the kinds of
sentences issue 12 lists as missed or wrongly flagged. Every sentence here is made up."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from wbl_rules import sentences
from wbl_rules.analysis import product_names
from wbl_rules.sentences import default_model, default_sentence_lexicon, default_weasel_table, shape_of

import wbl
from wbl.cache import code_fingerprint
from wbl.document import Sentence
from wbl.rule import Severity


@pytest.fixture(scope="module")
def parse():
    linter = wbl.Linter(wbl.LintOptions(select=("WB301", "WB401", "WB601", "WB701")))

    def first_sentence(text: str) -> Sentence:
        (unit,) = linter.analyse(text + "\n").units
        return unit.sentences[0]

    return first_sentence


WEASEL = [
    ("It is the greatest planner since paper.", True),
    ("A sophisticated engine plans your week.", True),
    ("You can't simply copy the file.", False),
    ("A massive outage took the site down for three hours.", False),
    ("The outage was detected in seconds.", False),  # what happened, not a claim
    ("Reports will be generated in seconds.", True),
    ("It is the first app that plans your week.", True),
    ("It is one of the most complete planners.", True),
    ("The most popular planner in town.", True),
    ("Simply open the app.", True),
    ("It is a game changer for teams.", True),
    ("A user friendly calendar.", True),
    ("Setup is trivially short.", True),
    ("An enormous catalogue of songs.", True),
    ("An amazing way to cook.", True),
    ("Customers will likely save time.", True),
    ("Why is it so much faster than the rest?", True),
    ("During the outage on May 3, the service recovered in seconds after the failover.", False),
    ("You might choose the monthly plan at $9 or the yearly plan at $90.", False),
    ("The feature is generally available in all regions.", False),
    ("A highly available platform with 99.99% uptime.", False),  # a term of art, as "generally available"
    ("Our founders are highly available to every customer.", True),  # people: an intensifier
    ("A highly reliable platform.", True),
    ("Grandparents' stories inspire the next generation.", False),  # people, not the peacock adjective
    ("A next generation calendar for teams.", True),
    ("Acme unveils the next generation of calendars.", True),
    ("Typically it takes under 30 seconds.", False),
    ("You may cancel at any time.", False),
    ("The app does not instantly fix your habits.", False),  # a speed denied, not claimed
    ("It builds agendas in seconds, not hours.", True),
    ("Acme never crashes and syncs your files instantly.", True),  # the "never" is another clause's
    ("You don't need a server, because Acme syncs your files instantly.", True),
    ("Acme is a tool customers might love.", True),  # the clause is the claim
    ("The guide lists the places a town may have to offer.", False),  # which places, not a hedge
    ("The tool may reduce the questions customers ask.", True),
    ("Secrets should live on the server.", False),
    ("This is the first release of the tool.", False),
    ("For the first time, clinics can see every booking in one place.", True),
    ("As a result, for the first time, landlords can see every repair.", True),
    ("The app asks for a name when you sign in for the first time.", False),
    ("For the first time I'm watching the game I'm scoring.", False),  # one's own experience (a user trial)
    ("It is the first booking tool built for clinics.", True),
    ("The first 50 patients each month are free.", False),
    ("On the first ride the display is already right.", False),
    ("The account could not pay for the first transaction.", False),
    ("The platform is available immediately at example.com.", False),
    ("Reports arrive immediately after each visit.", True),
    # A speed with the time it takes in its own clause gives what the advice asks for.
    ("Instant playback of every saved track, with sub-500ms latency.", False),
    ("Replies arrive instantly, within 300 ms of the question.", False),
    ("Owners restock quickly, in under 2 hours instead of a day.", False),
    ("Owners restock quickly and save 20% on every order.", True),  # a number, but no time
    ("Anyone can check the kits in 30 seconds, and alerts arrive immediately.", True),  # another clause's time
    ("Refunds arrive quickly, in less than 48 hours.", False),
    ("Reader gives instant answers within 2 h.", False),
    # A frequency or a window of data is no time taken.
    ("Owners get instant alerts 24 hours a day, 7 days a week.", True),
    ("Payments settle instantly, 365 days a year.", True),
    ("Reader quickly processes orders from 3 days of sales data.", True),
    ("Every order is confirmed instantly and ships within 2 days.", True),
    ("We built a budgeting app called Ultimate.", False),
    ("Nurses now chart in the first app built for nurses.", True),
    ("Setup takes SIGNIFICANTLY less time.", True),
    ("Customers can pay their outstanding balance from the app.", False),
    ("The support team was outstanding.", True),
    ("The support team did outstanding work for every customer.", True),
    ("The new rack is exetremely quiet.", True),  # a listed word, misspelt
    ("Setup is increadibly short.", True),
]
JARGON = [
    ("We keep a feature store for the model.", True),
    ("A warm standby takes over in ten minutes.", True),
    ("The context window fills up.", True),
    ("Lead scoring ranks every contact.", True),
    ("Backlog grooming happens on Mondays.", True),
    ("Sign in with OAuth.", True),
    ("PMs can see every ticket.", True),
    ("Stripe sends the receipt.", False),
    ("A Bloom filter, a compact set structure, keeps lookups cheap.", False),
    ("Save the PDF to your computer with enough RAM.", False),
    ("Join the waitlist today.", False),
    ("The shelves were reconfigured overnight.", False),
    ("An unshareable link stays private.", False),
    ("DENVER, CO -- Gym owners can now see who is about to cancel.", False),
    ("[EXEC NAME] said the team shipped it.", False),
    ("Imagine a story written by hundereds of strangers.", False),  # a misspelling, not a term
    ("The new rack is exetremely quiet on the highway.", False),
    ("Share your build with #overlanding and #kcHighlights.", False),  # hashtags
    ("Writers love the new tokenizer settings.", True),  # unknown, but no common word one edit away
]
PASSIVE = [
    ("Receipts get misplaced.", True),
    ("Families are getting overcharged.", True),
    ("Your file is never quietly deleted.", True),
    ("The key is used to sign releases.", True),
    ("Let yourself be heard.", True),
    ("Filings submitted in HTML are slow.", False),
    ("The app is free.", False),
    ("Designed for gym owners.", False),
    ("I am used to it.", False),
    ("Fill in the Job-to-be-Done section.", False),
    ("The old settings are unchanged.", False),
    ("Your account was unlocked by the support team.", True),
    ("Modern bots are sophisticated enough to pass as people.", False),
    ("Tenants are very frustrated with slow repairs.", False),
    ("Repairs are scheduled by the landlord.", True),
    ("Items are auto-sorted by votes.", True),
    ("Signed webhooks are HMAC-verified.", True),
    ("Everything is end-to-end encrypted.", True),
    ("It cannot be prompt-injected.", True),
    ("It is completely self-hosted.", False),
    ("The tool is AI-powered.", False),
    ("The app is well-known.", False),
    ("There are pre-built templates for each trade.", False),
    ("The beef is grass-fed.", False),
    ("It has been signed-off by the bar raiser.", True),
    ("Assets are only re-bundled when they change.", True),
    ("In today's fast-paced world, stories get lost.", True),  # "get lost", not "'s fast-paced"
    ("In today's fast-paced world, people move often.", False),
    ("The camera is built-in.", False),
    ("Security is baked-in from day one.", False),
    ("Our wallets are hand-made from recycled sails.", False),  # even where the parser says auxpass
    ("Our chairs are hand-built from oak.", False),
    ("Shelfwise is self-hosted by default.", False),
    ("The numbers are made-up.", False),
    ("Customers are locked-out after three tries.", True),
    ("The firmware was re-made from scratch.", True),  # a verb prefix keeps the compound a verb
    ("The shelves are pre-filled with last week's best sellers.", True),
    ("The company is co-owned by two founders.", True),
    ("The index was re-built by the nightly job.", True),
]


@pytest.mark.parametrize(("text", "expected"), WEASEL)
def test_weasel_terms(parse, text, expected):
    found = sentences.weasel_terms(parse(text), default_weasel_table())
    assert bool(found) is expected, [t.text for t in found]


@pytest.mark.parametrize(("text", "expected"), JARGON)
def test_jargon_terms(parse, text, expected):
    found = sentences.jargon_terms(parse(text), default_sentence_lexicon())
    assert any(t.kind in sentences.STRONG_JARGON for t in found) is expected, found


def test_an_apposition_that_holds_the_main_verb_defines_nothing(parse):
    """ "X, the ... ," glosses X unless the words after the comma are the sentence's subject and verb."""
    slex = default_sentence_lexicon()
    built = sentences.jargon_terms(parse("Built with DaisyUI, the platform offers a calm, quick interface."), slex)
    assert "DaisyUI" in [t.text for t in built]
    glossed = sentences.jargon_terms(parse("Teams use DaisyUI, a library of page styles, for every form."), slex)
    assert "DaisyUI" not in [t.text for t in glossed]


@pytest.mark.parametrize(("text", "expected"), PASSIVE)
def test_passive_clauses(parse, text, expected):
    assert bool(sentences.passive_in(parse(text))) is expected


def test_the_passive_rule_and_the_sentence_models_read_the_same_compound_lists():
    import tomllib

    from .conftest import REPO

    options = tomllib.loads((REPO / "rules" / "passive" / "passive-voice.toml").read_text(encoding="utf-8"))["options"]
    lists = sentences.passive_lists(options)
    assert lists.compound_prefixes == sentences.DEFAULT_PASSIVE.compound_prefixes
    assert lists.compound_heads == sentences.DEFAULT_PASSIVE.compound_heads
    assert lists.verb_prefixes == sentences.DEFAULT_PASSIVE.verb_prefixes


@pytest.mark.parametrize(
    ("text", "severity", "advice"),
    [
        ("The tool is open-sourced.", "warning", "'<who> open-sources ...'"),
        ("Items are auto-sorted.", "warning", "'<who> auto-sorts ...'"),
        ("The firm is co-founded by two booksellers.", "info", "'two booksellers co-found ...'"),
        ("Keys are stored by the bank.", "info", "'the bank stores ...'"),
        ("The app was built by Ana and Raj.", "info", "'Ana and Raj build ...'"),
        ("The file is encrypted by default.", "warning", "'<who> encrypts ...'"),  # no agent: agentless
        ("The library was built by the people of the town.", "info", "'the people of the town build ...'"),
        ("Every toy is tested by children.", "info", "'children test ...'"),
        ("It is believed by many that the plan works.", "info", "'many believe ...'"),  # not the clause
        ("The report was written by us last week.", "info", "'we write ...'"),
        ("The text is pasted into a post.", "warning", "'<who> pastes ...'"),  # not "pasts"
        ("The rules are coded in a table.", "warning", "'<who> codes ...'"),  # not "cods"
        ("The account is locked.", "warning", "'<who> locks ...'"),  # not "lockes"
        ("Users are no longer satisfied with search.", "warning", "'<who> satisfies ...'"),  # not "satisfieds"
    ],
)
def test_passive_advice_names_the_whole_verb_and_agrees_with_the_agent(text, severity, advice):
    # Passives are hints by default; a team can make agentless ones warnings, never agent ones.
    options = wbl.LintOptions(
        select=("WB701",), kind="fragment", rule_options={"WB701": {"agentless-severity": "warning"}}
    )
    (finding,) = wbl.lint_text(text + "\n", options=options).findings
    assert (finding.severity.value, advice in finding.message) == (severity, True), finding.message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("It's given landlords a way to fix leaks.", False),  # 's = has: two objects follow
        ("It points at a repo that's grown unwieldy.", False),  # a complement follows
        ("It is the first setup that's felt like it reports to me.", False),
        ("It's become clear that renters want it.", False),  # no passive of "become"
        ("Everything that's stored is encrypted.", True),
        ("It's been built by volunteers.", True),
        ("It's discovered one question at a time.", True),  # one object: "is" or "has", a passive
        ("It's called Sift.", True),  # a complement of a verb that is no linking verb
        ("It's considered harmful by most teams.", True),
        ("It's sent to your manager every Monday.", True),  # "to" is no second object
    ],
)
def test_a_contracted_has_is_no_passive(text, flagged):
    found = wbl.lint_text(text + "\n", options=wbl.LintOptions(select=("WB701",), kind="fragment")).findings
    assert bool(found) is flagged, [f.message for f in found]


def test_a_hyphen_compound_is_one_passive_clause(parse):
    sentence = parse("The firm is co-founded by two nurses.")
    clauses = sentences.passive_in(sentence)
    assert [sentence.span.doc[verb].text for _, verb in clauses] == ["founded"]


def test_the_model_explains_with_words_of_the_sentence(parse):
    model = default_model()
    sentence = parse("Tenant data is separated at the container level.")
    why = model.explain(sentence, "tech_first")
    assert why.level is not None and why.reasons
    for reason in why.reasons:
        assert reason.contribution > 0 and reason.words
        assert all(sentence.span.start <= i < sentence.span.end for i in reason.tokens)
    first, last = why.focus(sentence.span.doc)
    assert sentence.span.start <= first <= last < sentence.span.end
    assert model.level(parse("Gym owners can now see which members are about to cancel."), "tech_first") is None


def test_features_point_at_words_of_the_sentence(parse):
    sentence = parse("Every order is routed through our Kafka event bus.")
    for label in sentences.LABELS:
        for name, (value, tokens) in sentences.features(sentence, label, lemmas=True).items():
            assert value != 0 and all(sentence.span.start <= i < sentence.span.end for i in tokens), name


def test_accepted_terms_and_products_are_never_technology_jargon_or_reasons(parse):
    sentence = parse("Every order is routed through our Kafka event bus.")
    plain = default_sentence_lexicon()
    assert "Kafka" in [t.text for t in sentences.jargon_terms(sentence, plain)]
    accepted = sentences.sentence_lexicon(
        plain.lexicon,
        sentences.rule_defaults("jargon-density"),
        sentences.rule_defaults("buzzword"),
        sentences.rule_defaults("undefined-acronym"),
        wbl.Vocabulary(accept=("Kafka",)),
    )
    for slex, products in ((accepted, ()), (plain, ("Kafka",))):
        assert "Kafka" not in " ".join(t.text for t in sentences.jargon_terms(sentence, slex, products))
        for label in ("tech_first", "jargon"):
            why = default_model().explain(sentence, label, slex, products)
            assert all("Kafka" not in r.words for r in why.reasons)
            assert sentence.span.doc[6].text == "Kafka" and 6 not in why.shares


def test_the_analysis_is_computed_once_per_sentence_and_word_lists(parse):
    sentence = parse("Every order is routed through our Kafka event bus.")
    slex = default_sentence_lexicon()
    first = sentences.analyse(sentence, slex)
    assert sentences.analyse(sentence, slex) is first
    assert sentences.analyse(sentence, slex, ("Kafka",)) is not first  # product names are an input


def test_levels_prefer_the_higher_severity_at_equal_thresholds():
    spec = {"method": "logreg", "features": [], "weights": [], "bias": 0.0}
    model = sentences.Model({"labels": {"x": {**spec, "thresholds": {"info": 0.5, "warning": 0.5}}}})
    assert model.level_of("x", 0.6) == "warning"
    assert model.level_of("x", 0.4) is None
    model = sentences.Model({"labels": {"x": {**spec, "thresholds": {"info": 0.3, "warning": 0.8}}}})
    assert [model.level_of("x", p) for p in (0.9, 0.5, 0.1)] == ["warning", "info", None]


def test_the_packaged_model_is_whole_and_versioned():
    data = json.loads(resources.files("wbl_rules").joinpath(sentences.MODEL_FILE).read_text(encoding="utf-8"))
    assert data["version"] == sentences.model_version(data)
    assert data["featurizer"] == sentences.FEATURIZER_VERSION
    for label in ("tech_first", "jargon"):
        spec = data["labels"][label]
        assert len(spec["features"]) == len(spec["weights"]) > 0
        assert 0 < spec["thresholds"]["info"] <= spec["thresholds"]["warning"] < 1
    assert {d["file"] for d in data["data"]} and all(len(d["sha256"]) == 64 for d in data["data"])
    assert default_model().version == data["version"]


def test_a_changed_model_file_changes_the_cache_key(tmp_path, monkeypatch):
    """The result cache fingerprints a rule pack's files, models included."""
    package = tmp_path / "pack_with_model"
    (package / "_models").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    weights = package / "_models" / "sentences.json"
    weights.write_text('{"version": "a"}', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = code_fingerprint("pack_with_model")
    weights.write_text('{"version": "bb"}', encoding="utf-8")
    assert code_fingerprint("pack_with_model") != before


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("hundereds", "hundreds"),  # a letter too many
        ("communcation", "communication"),  # a letter left out
        ("stratagy", "strategy"),  # a letter changed
        ("mechansim", "mechanism"),  # two letters swapped
        ("repuations", "reputations"),  # a plural, read as its singular ("reputations" is rarer)
        ("upserts", None),  # a plural of no misspelling
        ("stratagys", "strategies"),  # the plural as English writes it
        ("hundreds", None),  # a word
        ("redacts", None),  # its stem is a word
        ("kubectl", None),  # no common word one edit away
        ("faiss", None),  # too short to tell a slip from a name
        ("winter", None),
    ],
)
def test_a_misspelling_is_read_as_the_word_it_misspells(word, meant):
    assert sentences.likely_typo(word) == meant


def test_the_companys_name_in_the_leaders_attribution_is_not_jargon():
    text = (
        "# Trail Kit Lights the Way for Overland Travellers\n\n"
        "Overland travellers can now light their camp with one switch.\n\n"
        '"Our lights follow you off the road," said Andy Wang, Chief Growth Officer, KC HiLiTES.\n\n'
        "Every rack from KC HiLiTES ships with a switch.\n"
    )
    options = wbl.LintOptions(select=("WB401", "WB421"), kind="prfaq")
    assert [f.text for f in wbl.lint_text(text, "t.md", options=options).findings] == []
    # The same letters with no attribution to say what they are: an acronym to define.
    plain = text.replace(", Chief Growth Officer, KC HiLiTES", "")
    assert any(f.text == "KC" for f in wbl.lint_text(plain, "t.md", options=options).findings)


def test_the_place_of_the_dateline_is_no_acronym_jargon_or_technology():
    text = (
        "# StreamLine Moves Every Order Event Between Your Services\n\n"
        "SAN FRANCISCO — Today we are announcing StreamLine, an event mesh built on Kubernetes and Kafka.\n\n"
        "StreamLine uses a sidecar architecture with Envoy proxies and a Raft metadata store.\n"
    )
    options = wbl.LintOptions(select=("WB302", "WB401", "WB421"), kind="prfaq")
    findings = wbl.lint_text(text, "t.md", options=options).findings
    assert findings and not any("'SAN'" in f.message or f.text == "SAN" for f in findings)


def test_a_slot_left_for_a_value_holds_no_acronym_jargon_or_technology_even_when_split():
    # The sentence splitter cuts "[" from the rest: the placeholder is read in the whole paragraph.
    text = "# Acme\n\n[City, State ZIP Code]\n\nWrite to [Company Name] at [City, State ZIP Code] today.\n"
    options = wbl.LintOptions(select=("WB301", "WB401", "WB421"), kind="prfaq")
    assert wbl.lint_text(text, "t.md", options=options).findings == ()


def test_placeholders_are_read_in_the_analysed_text(parse):
    """Placeholders are found in the text of the unit's spaCy Doc, once per Doc: a run of 16 or
    more punctuation marks is masked there (it would slow the tokenizer), so a bracket inside such
    a run closes no placeholder, and "[Company" below is not one."""
    sentence = parse("[Company name________________] ships seamless Kubernetes orchestration.")
    assert "]" not in sentence.span.doc.text  # masked with the run of underscores
    analysis = sentences.analyse(sentence, default_sentence_lexicon())
    assert not analysis.placeholder
    slot = parse("Teams at [Company name] ship seamless Kubernetes orchestration.")
    found = sentences.analyse(slot, default_sentence_lexicon()).placeholder
    assert {slot.span.doc[i].text for i in found} == {"[", "Company", "name", "]"}


def test_the_jargon_finding_names_its_terms_and_how_to_accept_them():
    text = "# Acme\n\nWe keep a warm standby and a feature store for lead scoring.\n"
    (finding,) = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB401",))).findings
    assert finding.text in ("warm standby", "feature store", "lead scoring")
    assert all(f"'{term}'" in finding.message for term in ("warm standby", "feature store", "lead scoring"))
    assert "vocabulary" in finding.message
    accepted = wbl.Vocabulary(accept=("warm standby", "feature store", "lead scoring"))
    options = wbl.LintOptions(select=("WB401",), vocabulary=accepted)
    assert wbl.lint_text(text, "t.md", options=options).findings == ()


def test_a_buzzword_counted_as_jargon_is_accepted_in_its_listed_form():
    # As buzzword's own advice: "leverage" covers "leveraged"; accepting "leveraged" would not.
    text = "# Acme\n\nWe leveraged synergies and empowered teams with a fresh dashboard.\n"
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB401",)))
    (finding,) = report.findings
    assert 'accept = ["empower", "synergies", "leverage"]' in finding.message, finding.message


def test_a_technical_compound_is_named_as_written():
    # The parser hangs "edge" (of "cutting-edge") on "technology": "edge technology" is not in the text.
    text = "# Acme\n\nIt runs on cutting-edge distributed ledger technology.\n"
    (finding,) = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB401",))).findings
    assert "'distributed ledger'" in finding.message and "edge technology" not in finding.message


def test_an_acronym_the_document_defines_is_not_named():
    text = "# Acme\n\nA point of sale (POS) system is the till. Shelfwise reads your POS once a minute.\n"
    assert wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB401",))).findings == ()


def test_a_buzzword_is_one_finding_not_two():
    text = "# Acme\n\nOur synergy platform leverages the paradigm.\n"
    found = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB401", "WB402"))).findings
    spans = [(f.start, f.end) for f in found]
    assert len(spans) == len(set(spans))
    folded = [a.rule for f in found for a in f.also]
    assert all(f.rule == "WB402" for f in found if "WB401" in [a.rule for a in f.also])
    assert set(folded) <= {"WB401"}


def test_the_jargon_finding_counts_the_buzzwords_the_buzzword_rule_names():
    text = (
        "# Acme\n\nOur platform leverages synergy to empower end-to-end workflows via a robust API and a "
        "scalable microservices backend.\n"
    )
    options = wbl.LintOptions(select=("WB401", "WB402"), kind="prfaq")
    found = wbl.lint_text(text, "t.md", options=options).findings
    buzzwords = {f.text for f in found if f.rule == "WB402"}
    (jargon,) = [f for f in found if f.rule == "WB401"]
    assert {"leverages", "synergy", "empower"} <= buzzwords
    assert "'API'" in jargon.message and f"{len(buzzwords)} buzzwords" in jargon.message
    assert not any(f"'{word}'" in jargon.message for word in buzzwords), jargon.message
    assert not any(f'"{word}"' in jargon.message for word in buzzwords), "nor offers to accept them"


def test_a_jargon_term_written_twice_is_named_once():
    text = "# A\n\nCall the API, then the API again, and a webhook fires for the SDK.\n"
    (finding,) = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB401",), kind="prfaq")).findings
    assert finding.message.count("'API'") == 1, finding.message


def test_a_sentence_of_terms_named_in_a_warning_above_is_a_hint():
    warm = "We keep a warm standby and a feature store for lead scoring."
    text = f"# Acme\n\n{warm}\n\nEach night the feature store and the warm standby are checked.\n\n{warm}\n"
    # Sparse sentences block here, so that the repeat alone makes the hint.
    options = wbl.LintOptions(select=("WB401",), kind="prfaq", rule_options={"WB401": {"sparse-severity": ""}})
    found = [(f.line, f.severity) for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert found == [(3, Severity.WARNING), (5, Severity.INFO), (7, Severity.INFO)]
    repeat = wbl.lint_text(text, "t.md", options=options).findings[1]
    assert "define it at first use; named in a warning above already (accept them" in repeat.message


def test_a_term_named_above_in_the_singular_is_a_repeat_in_the_plural():
    # A user trial: "neural network" warned three times, once as "neural networks".
    text = (
        "# Acme\n\nToday Acme launched Mind.\n\nEach neural network runs on a laptop.\n\n"
        "The neural networks run on a laptop.\n"
    )
    options = wbl.LintOptions(select=("WB401",), kind="press_release", rule_options={"WB401": {"sparse-severity": ""}})
    found = [(f.line, f.severity) for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert found == [(5, Severity.WARNING), (7, Severity.INFO)]


def test_a_technical_compound_is_named_as_written_with_its_modifiers_modifiers():
    # "Python machine learning library": not the fragment "learning library" (the parse hangs
    # "machine" on "learning"), which a user trial's judge read as a misreading.
    text = "# A\n\nThe dataset loads into the Hugging Face library for research.\n"
    options = wbl.LintOptions(select=("WB401",), kind="fragment")
    texts = [f.message for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert any("'Hugging Face library'" in m for m in texts), texts


def test_a_common_word_opening_the_sentence_is_no_part_of_a_compound():
    text = "# A\n\nCustom site deployment costs $50K per site.\n"
    options = wbl.LintOptions(select=("WB401",), kind="fragment")
    texts = [f.message for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert not any("'Custom site deployment'" in m for m in texts), texts


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        ("Shipyard is the first deployment platform built for two-person startups.", True),
        ("Inventry is the first production deployment of the engine.", False),
        ("Swiggy will launch the first live incarnation of Swiggy Brain in March.", False),
    ],
)
def test_the_first_of_a_sequence_is_a_fact_and_the_first_of_a_kind_a_claim(sentence, claims):
    options = wbl.LintOptions(select=("WB601",), kind="fragment")
    found = [f.text.lower() for f in wbl.lint_text(sentence + "\n", "t.md", options=options).findings]
    assert ("the first" in found) is claims, found


DENSE_JARGON = (
    "We keep a warm standby and a feature store for lead scoring, with a service mesh and a dead letter queue."
)


def _jargon_found(headline: str, **options: object) -> list[tuple[int, Severity, str]]:
    """WB401's findings on a dense sentence, with dense sentences warned (`dense-severity` "")."""
    text = f"# {headline}\n\n{DENSE_JARGON}\n"
    lint = wbl.LintOptions(select=("WB401",), kind="prfaq", rule_options={"WB401": {"dense-severity": "", **options}})
    return [(f.line, f.severity, f.message) for f in wbl.lint_text(text, "t.md", options=lint).findings]


def test_jargon_in_a_release_for_a_technical_audience_is_a_hint():
    # The lead names developers or platform teams: they know such terms, so the finding is a hint
    # that says why; a release for bakery owners keeps the warning.
    for headline in ("Relay lets solo developers ship on Fridays", "Relay helps platform teams ship on Fridays"):
        ((line, severity, message),) = _jargon_found(headline)
        assert (line, severity) == (3, Severity.INFO)
        assert "; the release is for" in message and ("developers" in message or "platform teams" in message)
    ((_, severity, message),) = _jargon_found("Relay lets bakery owners ship on Fridays")
    assert severity is Severity.WARNING and "the release is for" not in message
    # "" keeps the model's severity.
    ((_, severity, _),) = _jargon_found("Relay lets solo developers ship on Fridays", **{"audience-severity": ""})
    assert severity is Severity.WARNING


def test_the_technical_audience_is_among_the_customers_the_lead_names():
    # Not the company's own engineers, nor developers the customer does without or hires.
    for headline in (
        "Crumb lets bakery owners update their menu without a web developer",
        "Our engineers rebuilt the till for bakery owners",
        "Crumb helps bakeries hire developers",
    ):
        ((_, severity, message),) = _jargon_found(headline)
        assert severity is Severity.WARNING and "the release is for" not in message, headline
    # A title-case headline: the words that make the audience technical, in lower case.
    ((_, severity, message),) = _jargon_found("Relay Lets Solo Developers Ship On Fridays")
    assert severity is Severity.INFO and "; the release is for developers, who may know such terms" in message


def test_the_technical_audience_is_read_from_the_lead_only():
    # Tried (trial AW): "platform teams" named first in the problem paragraph. As hints, such
    # jargon warnings were right 18 times and false 20 times in the next trials, and the labels
    # count 88% of them: the lead alone decides.
    text = (
        "# Relay routes every model call through one gateway\n\n"
        "## The Problem\n\n"
        "Platform teams at mid-size companies juggle three model providers, and each outage costs them a day.\n\n"
        "## The Solution\n\n"
        f"{DENSE_JARGON}\n"
    )
    lint = wbl.LintOptions(select=("WB401",), kind="prfaq", rule_options={"WB401": {"dense-severity": ""}})
    found = [(f.line, f.severity) for f in wbl.lint_text(text, "t.md", options=lint).findings]
    assert (9, Severity.WARNING) in found


def test_a_project_names_more_technical_readers():
    # Mobile network operators are no technical readers to the lexicon; a project can say they are.
    headline = "Relay lets mobile network operators ship on Fridays"
    ((_, severity, _),) = _jargon_found(headline)
    assert severity is Severity.WARNING
    ((_, severity, message),) = _jargon_found(headline, **{"extend-technical-audiences": ["operator"]})
    assert severity is Severity.INFO and "; the release is for operators, who may know such terms" in message


def test_a_roman_numeral_that_numbers_a_word_is_no_acronym():
    def found(sentence: str, rule: str) -> list[str]:
        text = f"# Relay helps bakers\n\nBakers lose orders.\n\n{sentence}\n"
        options = wbl.LintOptions(select=(rule,), kind="prfaq")
        return [f.text for f in wbl.lint_text(text, "t.md", options=options).findings]

    for rule in ("WB421", "WB401"):
        assert found("Phase II adds used books; the chart shows three views (I, II, III).", rule) == []
        assert found("Home IV Therapy is now booked online.", rule) == ["IV"]
        # Any numeral after a word it numbers ("Super Bowl LX"); after another word it is an acronym.
        assert found("The launch coincides with Super Bowl LX, a big night for fans.", rule) == []
        assert found("Fans can now order from the LX kitchen.", rule) == ["LX"]


def test_what_the_reader_reads_as_a_name_a_value_or_stress_is_no_jargon():
    # User trials: an address, an amount, a hexadecimal value, a short word set in capitals for
    # stress and the halves of a slash-joined term were reported as terms to decode.
    assert shape_of("100M+") == "" and shape_of("0xbB5bf2139CbACDeE52991cf32f9c4d558B9464d0") == ""
    assert shape_of("settings.json") == "code" and shape_of("G7x9") == "code"
    # A figure that ends its sentence keeps the full stop in its token ("$508K." then "The ...").
    assert shape_of("508K.") == shape_of("2.5M.") == "" and shape_of("A100") == "code"

    def named(sentence: str) -> list[str]:
        text = f"# Relay helps bakers\n\nBakers lose orders.\n\n{sentence}\n"
        options = wbl.LintOptions(select=("WB401", "WB421"), kind="prfaq")
        findings = wbl.lint_text(text, "t.md", options=options).findings
        # WB401 names its terms in the message; WB421 points at its acronym.
        return [term for f in findings for term in re.findall(r"'([^']+)' \(", f.message)] + [
            f.text for f in findings if f.rule == "WB421"
        ]

    # Each sentence holds a second technical term, so that the rule speaks and names what it counts.
    address = named("Try the Kubernetes playground at relay.pages.dev/api-playground.html.")
    assert address and not any("playground.html" in term for term in address)
    assert named("Rivals spent $100M+ on Kubernetes clusters.") == ["Kubernetes", "clusters"]
    assert "0xbB5bf2139CbACDeE52991cf32f9c4d558B9464d0" not in named(
        "Send the tip to 0xbB5bf2139CbACDeE52991cf32f9c4d558B9464d0 from your Kubernetes cluster."
    )
    assert "BY" not in named("Relay is trusted BY bakers who run Kubernetes clusters.")
    assert "TWO" not in named("It has TWO compilers and a Kubernetes operator built in.")
    assert "CAN" in named("Relay reads the CAN bus through a Kubernetes cluster.")  # an acronym still
    assert "O abstraction layer" not in named("The I/O abstraction layer reads files from any disk.")
    assert "CHR" not in named("Use CHR$ to print any character on the screen.")
    assert "CP" not in named("The CP/M emulator runs every old program on your laptop.")
    assert "CI" in named("Teams run CI/CD pipelines on Kubernetes clusters.")  # two acronyms
    assert "settings.json" in named("Bakers edit the settings.json file by hand.")


def test_a_name_in_capitals_that_a_web_address_writes_in_lower_case_is_still_a_name():
    from wbl.engine import Linter

    text = (
        "# LUXBIN helps bakers sell bread\n\nLUXBIN lets bakers sell bread by text. LUXBIN costs $5.\n\n"
        "Join us at discord.gg/luxbin and follow @luxbin.\n"
    )
    linter = Linter(wbl.LintOptions(kind="prfaq"))
    assert "LUXBIN" in product_names(linter.analyse(text, "t.md", features=("pos", "lemma", "dep")))
    # Written in lower case in prose, the word is a common one: no product name.
    plain = text.replace("Join us at discord.gg/luxbin", "Every luxbin is fresh")
    assert "LUXBIN" not in product_names(linter.analyse(plain, "t.md", features=("pos", "lemma", "dep")))


def test_future_tense_skips_unmarked_quotes_but_not_the_narration_between_quotes():
    text = (
        "# Shelfwise lets bookstore owners reorder books\n\nBookstore owners reorder in one tap.\n\n"
        '"Owners asked for this," said Ana Lee, who will run the rollout. "Now every store has it."\n\n'
        "*Customer quote*: This feature will save my staff an hour every Saturday.\n"
    )
    options = wbl.LintOptions(select=("WB721",), kind="prfaq")
    assert [(f.line, f.text) for f in wbl.lint_text(text, "t.md", options=options).findings] == [(5, "will")]


def test_a_labelled_quote_with_a_name_in_quotation_marks_is_still_the_speaker_s_words():
    """Rounds 32 and 33 of the user trials: '*Internal quote*: The feature “Manually trigger PO
    ATP allocation” will be a great add on': the marks hold a name; the label says where the
    quotation is, and its future tense is the speaker's."""
    text = (
        "# Shelfwise lets bookstore owners reorder books\n\nBookstore owners reorder in one tap.\n\n"
        "*Internal quote*: The feature “One-tap reorder” will be a great add on for busy stores.\n"
    )
    options = wbl.LintOptions(select=("WB721",), kind="prfaq")
    assert wbl.lint_text(text, "t.md", options=options).findings == ()
    (quote,) = wbl.Linter(options).analyse(text, "t.md").anatomy.quotes
    assert quote.unit.text[quote.start : quote.end].endswith("for busy stores.")


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("The model predicts whether a household will need repairs.", False),
        ("We have not decided whether the app will support Android.", True),
        ("Ask Dana Ruiz about the features she will add next year.", True),
        ("The app will ask you to set a PIN.", True),
        ("We know what Shelfwise will do next.", True),
        ("Shelfwise, which will be available in March, lets you swap books.", True),
        # The reader's intention in a condition (a user trial); the company's own still counts.
        ("If you are going to get food, Shelfwise lets you tell your team.", False),
        ("If we plan to ship in March, Shelfwise lets you tell your team.", True),
        # A gerund in a noun's place is no plan (round 44 of the user trials); the verb still is.
        ("Shelfwise serves stores, from early release planning to venue relationships.", False),
        ("We are planning to launch a mobile app next year.", True),
        # A name that signs a quote is no modal; "Will Turner" never was.
        ('"Now I only eat one fiber bar a day!" - Will', False),
        ("Said Will Turner, owner of Turner Books.", False),
        ("We will.", True),
        # A condition the subject holds (a user trial): if you join, you will.
        ("Users who join in the first month will receive a free year.", False),
        ("The task that checks for new versions will also update your books.", True),
        # A present fact said to last; the same "be" with a complement is a plan.
        ("Shelfwise is free and always will be.", False),
        ("Shelfwise is free today and will be paid next year.", True),
        ("Shelfwise is not available on Android yet but will be.", True),  # a promise
        ("Shelfwise is available in Seattle and will be soon.", True),
        # A state said to last, with "stay" or "remain" (trial DO: "is free and will stay free"),
        # unless "we" promise it or a time makes it a plan.
        ("Shelfwise is free and will stay free.", False),
        ("Your notes will remain private.", False),
        ("We will remain in beta until May.", True),
        ("Shelfwise will stay in beta until spring.", True),
        # The company's promise, whoever says it, and a plan with a season (review of 2026-12-06).
        ("We are profitable today and will remain independent.", True),
        ("Our team will remain small.", True),
        ("Shelfwise will remain in private preview through the summer.", True),
        # An intention in someone else's relative clause (trial DE: "the events they plan to attend").
        ("Users cannot easily track the events they plan to attend.", False),
        ("Shelfwise plans to add Android support.", True),
        ("Shelfwise adds an Android app, which the team plans to release in June.", True),
        ("Integrations that our team plans to build are listed below.", True),
        # "whenever", parsed as an adverb, opens a condition as "if" does (trial FT).
        ("Online responders will receive an alert whenever someone nearby asks for help.", False),
        # ... unless the consequence names its time: a plan (review of 2026-12-06).
        ("The café will open in Portland in March whenever the permits come through.", True),
        # The reader's act as the subject (a user trial): if you send it, it will.
        ("Sending your file to Shelfwise will return a report.", False),
        ("Building this will take us a year.", True),
        ("Building the login and using jest will be the hardest part.", True),
        # Someone else's future in a relative clause (user trials): "they", a person "who".
        ("Nomads get the cities where they will find colleagues.", False),
        ("Loans are among the first decisions they will make.", False),
        ("The gift note greets the person who will open the parcel.", False),
        # Not what the product lets anyone do (review of 2026-12-06), nor a service's promise
        # ("a hotline where someone will answer": "work where someone will read your output", trial
        # CT, stays flagged).
        ("Shelfwise is a dashboard that anyone will be able to use on day one.", True),
        ("Shelfwise is the app that everybody will use to order books.", True),
        ("Shelfwise gives every shop a hotline where someone will answer within a minute.", True),
        ("Owners meet Ana Lee, who will run the rollout.", True),
        ("Owners get a web app that will save them an hour.", True),
        # The consequence of an imperative across a dash, a semicolon or a colon (a user trial):
        # if you do, you will; unless the company promises it.
        ("Send your design through the order form — you'll hear back within a day.", False),
        ("Pick a plan: you'll be live in minutes.", False),
        # ... and across a comma (trial DG: "enter your zip code, you'll see the best breweries").
        ("Just go to the site and enter your zip code, you'll see the shops nearby.", False),
        # A time makes it a plan, and some imperatives set no condition (review of 2026-12-06).
        ("Sign up today, you'll get the app in March.", True),
        ("Join the waitlist, you will get early access when we launch.", True),
        ("Upgrade now, you will get Android support next year.", True),
        ("Sign up today — you'll get the app in March.", True),
        ("Rest assured, you will never lose a file.", True),
        ("Please note, you will need an account.", True),
        ("Stay tuned, you'll be able to order soon.", True),
        ("Upload a photo — we'll send a quote within a day.", True),
        ("Upload a photo — our team will send a quote within a day.", True),
        ("Stay tuned — Shelfwise will launch in May.", True),
        ("Mark your calendars: Shelfwise will launch on May 3.", True),
        # A clause saying when the reader meets the consequence, as "if" does (user trials: 0 of 8
        # such warnings judged right); not a date, a launch or the company's own plan.
        ("As you reorder each title, you'll see the shelf fill up.", False),
        ("Whether you run one shop or ten, you'll never miss a reorder.", False),
        ("When using Shelfwise you will spend less time on orders.", False),
        ("When we launch in March, you will get the app.", True),
        ("When Shelfwise ships, owners will reorder by text.", True),
        ("Once the beta ends next year, owners will pay $5 a month.", True),
        ("As we grow, we will add more cities.", True),
        # Only the reader's act: anything else may be a plan's milestone (review of 2026-12-06).
        ("Once our team approves the request, you will receive an email.", True),
        ("As the product matures, it will add offline mode.", True),
        ("When ready, the app will support Apple Pay.", True),
        ("Once approved by the FDA, the device will be sold in pharmacies.", True),
        ("The app will support Android once the team finishes the port.", True),
        ("When you sign up next year, you will get a discount.", True),
        ("When you may need a form, you will find it in the app.", False),
        # A second consequence joined to the first shares its condition (round 34 of the trials).
        ("When you synthesize the app, the plugins will be called and the results will be printed.", False),
        ("The plugins will be called and the results will be printed.", True),
        ("When you sign up, your orders will be listed and the team will add Android next year.", True),
        # A step given in the sentence before (round 42: "Open the app. It will detect whether
        # git-ai is installed"): if you do, it will; not an announcement, a time or the company.
        ("Open the app. It will detect whether the reader is installed.", False),
        ("Scan the barcode. You'll see the shelf it belongs on.", False),
        ("Stay tuned. It will launch in May.", True),
        ("Sign up today. It will be ready next year.", True),
        ("Open the app. We will call you within a day.", True),
        # The questions a plan answers, listed (round 42: "..., how much XLM will actually come
        # back"), even where the parser makes the last one the root; a relative "that" is no question.
        ("It returns a plan: which titles will be removed, how much money will come back.", False),
        ("We have not decided which cities will get the app first.", True),
        ("Shelfwise is a crawler that will aggregate reading lists.", True),
        # ... not a plan (review of the session's diff, 2026-12-07): a step that waits for the
        # product, and a listed question with its date.
        ("Join the waitlist for Shelfwise Pro. It will support shared cards.", True),
        ("For the next release, which stores Shelfwise supports will grow to 40.", True),
    ],
)
def test_the_future_of_other_people_or_of_a_question_is_not_the_products(sentence: str, flagged: bool) -> None:
    text = f"# Shelfwise lets bookstore owners reorder books\n\n{sentence}\n"
    options = wbl.LintOptions(select=("WB721",), kind="prfaq")
    assert bool(wbl.lint_text(text, "t.md", options=options).findings) is flagged


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        # The reader's experience, not the company's plan (pre-registered before round 32 of the
        # user trials: 0 of 8 such warnings judged right).
        ("On submit, you'll see who else cares about the topic.", wbl.Severity.INFO),
        ("You will receive a list of options to choose from.", wbl.Severity.INFO),
        # The modal "may" is no month (review of 2026-12-06), "in May" is.
        ("You will find the forms you may need.", wbl.Severity.INFO),
        ("You will find the forms in May.", wbl.Severity.WARNING),
        # "live" and "open" as verbs are no launch that makes the reader's future a plan (trial CF:
        # "lives in a separate tab you'll never open"); "goes live" still is.
        ("It lives in a separate tab you'll never open.", wbl.Severity.INFO),
        ("You'll get access when it goes live.", wbl.Severity.WARNING),
        ("You'll get access when we open to everyone.", wbl.Severity.WARNING),
        ("When you open the app, you'll see your orders.", None),
        # A time or a launch makes it a plan; the product's or the company's future stays a warning.
        ("Sign up today, you'll get the app in March.", wbl.Severity.WARNING),
        ("Join the waitlist, you will get early access when we launch.", wbl.Severity.WARNING),
        ("Shelfwise will let owners reorder by text.", wbl.Severity.WARNING),
        ("We will add Android support.", wbl.Severity.WARNING),
    ],
)
def test_the_reader_s_future_is_a_hint(sentence: str, severity: wbl.Severity | None) -> None:
    text = f"# Shelfwise lets bookstore owners reorder books\n\n{sentence}\n"
    options = wbl.LintOptions(select=("WB721",), kind="prfaq")
    found = [f.severity for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert found == ([severity] if severity is not None else [])


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        # The world's future or habit in the problem paragraph (rounds 40 to 49: judged false).
        ("Most will later forget the name of the shop.", wbl.Severity.INFO),
        ("A competitive deck will average around $400.", wbl.Severity.INFO),
        ("There are services that will tell you the top places.", wbl.Severity.INFO),
        ("A problem at this scale is going to involve complicated models.", wbl.Severity.INFO),
        # The writer's, the product's or a name's future is still a plan.
        ("We will add a reorder button in March.", wbl.Severity.WARNING),
        ("Our team will fix this next year.", wbl.Severity.WARNING),
        ("This app will end the guessing.", wbl.Severity.WARNING),
        ("Shelfwise will end the guessing.", wbl.Severity.WARNING),
        # The company's plans told with a common noun (a third review's probes).
        ("The new dashboard will show every late order.", wbl.Severity.WARNING),
        ("Version 2 will add barcode scanning.", wbl.Severity.WARNING),
        ("The next release will cut the setup to a minute.", wbl.Severity.WARNING),
        ("Most owners will keep guessing until then.", wbl.Severity.INFO),
    ],
)
def test_the_world_s_future_in_the_problem_is_a_hint(sentence: str, severity: wbl.Severity) -> None:
    text = (
        "# Shelfwise Lets Bookstore Owners Reorder Books\n\n"
        "PORTLAND, Ore. — March 3, 2027 — Today Harbor Labs launched Shelfwise for small bookstores.\n\n"
        f"## The Problem\n\nOwners guess what to reorder and lose sales every week. {sentence}\n\n"
        "## The Solution\n\nShelfwise counts what sold and orders it by text.\n"
    )
    options = wbl.LintOptions(select=("WB721",), kind="prfaq")
    found = [f.severity for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert found == [severity]
    # Outside the problem paragraph the same words stay a warning.
    elsewhere = text.replace("Shelfwise counts what sold", f"{sentence} Shelfwise counts what sold")
    assert wbl.Severity.WARNING in [f.severity for f in wbl.lint_text(elsewhere, "t.md", options=options).findings]


def test_an_acronym_most_readers_have_met_is_a_hint():
    # The caps below a warning, with lone first uses kept as warnings ("lone-severity" off).
    text = "# Relay lets bakery owners take orders\n\nOrders reach VIP lounges and IBM tills through an MCP server.\n"
    options = wbl.LintOptions(select=("WB421",), kind="prfaq", rule_options={"WB421": {"lone-severity": ""}})
    found = {f.text: f.severity for f in wbl.lint_text(text, "t.md", options=options).findings}
    assert found == {"VIP": Severity.INFO, "IBM": Severity.INFO, "MCP": Severity.WARNING}
    options = wbl.LintOptions(
        select=("WB421",), kind="prfaq", rule_options={"WB421": {"familiar-severity": "", "lone-severity": ""}}
    )
    found = {f.text: f.severity for f in wbl.lint_text(text, "t.md", options=options).findings}
    assert found["VIP"] is Severity.WARNING


def test_an_acronym_joined_to_a_number_names_a_model_and_is_a_hint():
    # The caps below a warning, with lone first uses kept as warnings ("lone-severity" off).
    text = "# Relay lets bakery owners take orders\n\nRelay drafts replies with GPT-4o and answers over MCP.\n"
    options = wbl.LintOptions(select=("WB421",), kind="prfaq", rule_options={"WB421": {"lone-severity": ""}})
    found = {f.text: f.severity for f in wbl.lint_text(text, "t.md", options=options).findings}
    assert found == {"GPT": Severity.INFO, "MCP": Severity.WARNING}
    options = wbl.LintOptions(
        select=("WB421",), kind="prfaq", rule_options={"WB421": {"versioned-severity": "", "lone-severity": ""}}
    )
    found = {f.text: f.severity for f in wbl.lint_text(text, "t.md", options=options).findings}
    assert found["GPT"] is Severity.WARNING


def test_an_acronym_spelt_as_an_english_verb_is_not_familiar():
    # The caps below a warning, with lone first uses kept as warnings ("lone-severity" off).
    text = "# Relay lets bakery owners take orders\n\nRelay answers questions with RAG over IBM receipts.\n"
    found = {
        f.text: f.severity
        for f in wbl.lint_text(
            text,
            "t.md",
            options=wbl.LintOptions(select=("WB421",), kind="prfaq", rule_options={"WB421": {"lone-severity": ""}}),
        ).findings
    }
    assert found == {"RAG": Severity.WARNING, "IBM": Severity.INFO}


def test_a_first_use_in_a_metadata_field_leaves_the_warning_to_the_first_use_in_the_release():
    # The caps below a warning, with lone first uses kept as warnings ("lone-severity" off).
    text = (
        "# Acme Launches Clinibridge for Clinic Managers\n\n**Audience:** Clinic managers\n"
        "**Integrations:** FHIR, MCP\n\nSEATTLE, WA, March 4, 2027 -- Acme today launched Clinibridge.\n\n"
        "Clinibridge speaks FHIR, so records move between clinics in a minute.\n"
    )
    options = wbl.LintOptions(select=("WB421",), kind="prfaq", rule_options={"WB421": {"lone-severity": ""}})
    found = [(f.line, f.text, f.severity) for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert sorted(found) == [(4, "MCP", Severity.INFO), (8, "FHIR", Severity.WARNING)]


def test_the_customers_the_lead_names_are_not_jargon():
    body = (
        "**Ghent, Belgium — 2026** — Sunpatch today announces a phone app for home batteries.\n\n"
        "With Sunpatch, the installers configure the energy systems of a house from one core system.\n"
    )
    options = wbl.LintOptions(select=("WB401",), kind="prfaq")
    named = {}
    for customers in ("residential energy installers", "homeowners"):
        text = f"# Sunpatch lets {customers} manage home batteries\n\n{body}"
        (finding,) = wbl.lint_text(text, "t.md", options=options).findings
        named[customers] = "'installers'" in finding.message
    assert named == {"residential energy installers": False, "homeowners": True}


def test_jargon_that_names_only_familiar_acronyms_is_a_hint():
    # The acronym rule's hint for "API" is not raised back to a warning by the jargon finding it folds in.
    text = "# Relay lets bakery owners take orders\n\nBakeries connect their tills to Relay through its API.\n"
    findings = wbl.lint_text(text, "t.md", options=wbl.LintOptions(kind="prfaq")).findings
    (acronym,) = [f for f in findings if f.rule == "WB421"]
    assert acronym.severity is Severity.INFO and [a.rule for a in acronym.also] == ["WB401"]
    assert not [f for f in findings if f.rule == "WB401"]


def test_findings_in_the_boilerplate_and_metadata_are_hints():
    text = (
        "# Relay lets bakery owners take orders by text\n\nSEATTLE -- Relay today launched text ordering.\n\n"
        "Bakery owners miss one order in five because the phone line is busy.\n\n"
        "With Relay, a customer texts the order and the bakery confirms it in one tap.\n\n"
        "## About Relay\n\nRelay runs a Kubernetes cluster with a Kafka event bus and a gRPC mesh behind an HSM.\n"
    )
    codes = ("WB301", "WB401", "WB421")
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=codes, kind="prfaq"))
    about = [f for f in report.findings if f.line == 11]
    assert {f.rule for f in about} & set(codes) and all(f.severity is Severity.INFO for f in about)
    plain = {code: {"hint-roles": []} for code in codes}
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=codes, kind="prfaq", rule_options=plain))
    assert any(f.line == 11 and f.severity is Severity.WARNING for f in report.findings)
    # A heading that says so ("## Boilerplate", trial AP) is the same "About" paragraph.
    named = text.replace("## About Relay", "## Boilerplate")
    report = wbl.lint_text(named, "t.md", options=wbl.LintOptions(select=codes, kind="prfaq"))
    about = [f for f in report.findings if f.line == 11]
    assert about and all(f.severity is Severity.INFO for f in about)


def test_tech_first_on_a_section_label_or_a_spec_sheet_field_is_a_hint():
    """Round 37 and the rounds before: a section's bold label ("**JavaScript Backend:**") names a
    section, and a spec sheet's fields are data (reviewers: 0 of 12 and 1 of 9 such warnings right)."""
    text = (
        "# Relay lets bakery owners take orders by text\n\nSEATTLE -- Relay today launched text ordering.\n\n"
        "Bakery owners miss one order in five because the phone line is busy.\n\n"
        "With Relay, a customer texts the order and the bakery confirms it in one tap.\n\n"
        "**Kafka Event Bus Backend:**\n\nOrders stream through a Kafka event bus into a Postgres database.\n\n"
        "### Technical Specifications\n\n- **Cloud Platform**: AWS (Lambda, DynamoDB, IoT Core, S3)\n"
    )
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq"))
    found = {f.line: f.severity for f in report.findings}
    assert found.get(9) is not Severity.WARNING and found.get(15) is not Severity.WARNING, found
    assert found.get(11) is Severity.WARNING, found  # the paragraph under the label is the release's
    # A bold sentence is said to the reader, not a section's name (review of 2026-12-06).
    bold = text.replace("**Kafka Event Bus Backend:**", "**Orders stream through a Kafka event bus into Postgres.**")
    report = wbl.lint_text(bold, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq"))
    assert {f.line: f.severity for f in report.findings}.get(9) is Severity.WARNING


def test_tech_first_in_a_list_item_is_a_hint_unless_a_pantry_cue_or_a_fronted_mechanism():
    """User trials to round 40: 68 of 204 warnings in list items judged right ("a warning per
    bullet is noise"), against 188 of 380 elsewhere in the release."""
    release = (
        "# Relay lets bakery owners take orders by text\n\nSEATTLE -- Relay today launched text ordering.\n\n"
        "Bakery owners miss one order in five because the phone line is busy.\n\n"
    )
    stack = "Orders stream through a Kafka event bus into a Postgres database."
    mechanism = "Using OAuth tokens and a Kafka event bus, a baker confirms each order."
    for body, expected in (
        (f"- {stack}\n- Owners confirm each order in one tap.\n", Severity.INFO),
        (f"{stack}\n", Severity.WARNING),
        (f"- {mechanism}\n", Severity.WARNING),
    ):
        text = release + body
        report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq"))
        assert [f.severity for f in report.findings] == [expected], (body, report.findings)
    plain = {"WB301": {"list-item-severity": ""}}
    text = release + f"- {stack}\n"
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq", rule_options=plain))
    assert [f.severity for f in report.findings] == [Severity.WARNING]


def test_technology_in_a_getting_started_section_is_a_hint_and_in_a_closing_paragraph_a_warning():
    """What to install and what it runs on belong under "## Getting Started" (user trials: 0 of 16
    such warnings right); a closing call to action found by its wording is still the release's
    pitch, and a stack sentence there stays a warning."""
    release = (
        "# Relay lets bakery owners take orders by text\n\nSEATTLE -- Relay today launched text ordering.\n\n"
        "Bakery owners miss one order in five because the phone line is busy.\n\n"
        "With Relay, a customer texts the order and the bakery confirms it in one tap.\n\n"
    )
    stack = "Relay runs on a Kubernetes cluster with a Kafka event bus and a gRPC mesh."
    headed = release + f"## Getting Started\n\nSign up at relay.example. {stack}\n"
    closing = release + f"Sign up today at https://relay.example and start taking orders. {stack}\n"
    for text, expected in ((headed, Severity.INFO), (closing, Severity.WARNING)):
        report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq"))
        line = text.count("\n", 0, text.index(stack)) + 1
        (finding,) = [f for f in report.findings if f.line == line]
        assert finding.severity is expected, text
    plain = {"WB301": {"headed-hint-parts": []}}
    report = wbl.lint_text(headed, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq", rule_options=plain))
    assert [f.severity for f in report.findings if f.line == headed.count("\n")] == [Severity.WARNING]


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        # How the product behaves, told with "it" (pre-registered before round 33: 1 of 15 right).
        ("It runs on Kubernetes and stores every order in a Postgres database.", Severity.INFO),
        ("The service runs on Kubernetes and stores every order in a Postgres database.", Severity.WARNING),
        # A pantry cue stays a warning whoever the subject is.
        ("Under the hood, it uses Kafka and Postgres.", Severity.WARNING),
    ],
)
def test_the_product_s_behaviour_told_with_it_is_a_hint(sentence: str, severity: Severity) -> None:
    text = (
        "# Relay lets bakery owners take orders\n\nToday Relay launched text ordering for bakery owners.\n\n"
        f"Bakery owners miss orders when the phone rings during the morning rush.\n\n{sentence}\n"
    )
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq"))
    assert [f.severity for f in report.findings] == [severity]


def test_a_code_sample_s_lead_in_is_a_hint():
    """Pre-registered before round 34: a sentence right before a code block introduces the sample
    ("Create an S3 Bucket backed by a File System:"); 1 of 10 such warnings judged right."""
    text = (
        "# Relay lets bakery owners take orders\n\nToday Relay launched text ordering for bakery owners.\n\n"
        "Bakery owners miss orders when the phone rings during the morning rush.\n\n"
        "Create a Kafka topic backed by a Postgres table:\n\n```python\ntopic = Topic()\n```\n\n"
        "The service runs on Kubernetes and stores every order in a Postgres database.\n"
    )
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq"))
    assert [(f.line, f.severity) for f in report.findings] == [(7, Severity.INFO), (13, Severity.WARNING)]


def test_a_sentence_with_fewer_than_five_jargon_terms_is_a_hint():
    # Trials of 2026-12-05/06: warnings naming three or four terms were right 2 times in 43.
    text = (
        "# Acme lets bakeries take orders\n\nWe keep a warm standby for the ordering page.\n\n"
        "We keep a warm standby and a feature store for lead scoring.\n\n"
        f"{DENSE_JARGON}\n"
    )
    found = {}
    for sparse, dense in (("info", 5), ("", 5), ("info", 3)):
        rule_options = {"WB401": {"sparse-severity": sparse, "dense-terms": dense, "dense-severity": ""}}
        options = wbl.LintOptions(select=("WB401",), kind="prfaq", rule_options=rule_options)
        found[sparse, dense] = [(f.line, f.severity) for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert found["info", 5] == [(3, Severity.INFO), (5, Severity.INFO), (7, Severity.WARNING)]
    assert found["", 5] == [(3, Severity.WARNING), (5, Severity.WARNING), (7, Severity.WARNING)]
    assert found["info", 3] == [(3, Severity.INFO), (5, Severity.WARNING), (7, Severity.WARNING)]
    # A buzzword elsewhere in the sentence keeps no warning; one the finding points at does, folded
    # into the buzzword rule's finding (review of 2026-12-06).
    codes = wbl.LintOptions(select=("WB401", "WB402"), kind="prfaq")
    lead = "# Acme lets bakeries take orders\n\nToday Acme launched pre-orders for bakery owners.\n\n"
    elsewhere = lead + DENSE_JARGON.replace(".", " to leverage synergy.") + "\n"
    assert Severity.WARNING not in {f.severity for f in wbl.lint_text(elsewhere, "t.md", options=codes).findings}
    buzzed = lead + (
        "Owners leverage synergistic paradigm shifts to operationalize best-in-class omnichannel synergies.\n"
    )
    warned = [f for f in wbl.lint_text(buzzed, "t.md", options=codes).findings if f.severity is Severity.WARNING]
    assert [(f.rule, [a.rule for a in f.also]) for f in warned] == [("WB402", ["WB401"])]
    # By default a dense sentence is a hint too (round 23: 2 of 8 such warnings right).
    options = wbl.LintOptions(select=("WB401",), kind="prfaq")
    default = [(f.line, f.severity) for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert default == [(3, Severity.INFO), (5, Severity.INFO), (7, Severity.INFO)]


def test_jargon_that_names_only_words_a_reader_may_know_is_a_hint():
    # 'stack' is a general computing word: a hint; with `weak-severity` "" the model's warning.
    text = (
        "# Pinecone Camp lets parents see their child's day\n\nParents see photos of their child every evening.\n\n"
        "I also added a stack rank column, based on what my kid wanted most, to the sheet of camps.\n"
    )
    found = {}
    for weak in ("info", ""):
        rule_options = {"WB401": {"weak-severity": weak, "sparse-severity": ""}}
        options = wbl.LintOptions(select=("WB401",), kind="prfaq", rule_options=rule_options)
        ((finding),) = wbl.lint_text(text, "t.md", options=options).findings
        assert "'stack' (computing word)" in finding.message
        found[weak] = finding.severity
    assert found == {"info": Severity.INFO, "": Severity.WARNING}


def test_an_undefined_acronym_in_a_release_for_a_technical_audience_is_a_hint():
    # The caps below a warning, with lone first uses kept as warnings ("lone-severity" off).
    # Read from the lead's parse, also when the acronym rule runs alone (its prefilter asks for it).
    def found(headline: str) -> list[tuple[Severity, str]]:
        text = f"# {headline}\n\nEvery order reaches the kitchen through one SDK.\n"
        options = wbl.LintOptions(select=("WB421",), kind="prfaq", rule_options={"WB421": {"lone-severity": ""}})
        return [(f.severity, f.message) for f in wbl.lint_text(text, "t.md", options=options).findings]

    ((severity, message),) = found("Relay lets DevOps engineers ship on Fridays")
    assert severity is Severity.INFO and message.startswith("'SDK' is not defined")
    assert "; the release is for DevOps engineers, who may know it" in message
    ((severity, message),) = found("Relay lets bakery owners ship on Fridays")
    assert severity is Severity.WARNING and "the release is for" not in message


LEAD = (
    "# Pantry Alerts Tells Bakery Owners When Flour Runs Low\n\nBakery owners can now see what runs out.\n\n"
    "SEATTLE — June 1, 2027 — Today Pantry Alerts launched stock alerts for small bakeries.\n\n"
)


def test_tech_first_points_at_words_and_says_why():
    text = LEAD + "Tenant data is separated at the container level.\n"
    found = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq")).findings
    assert len(found) == 1 and found[0].severity in (Severity.WARNING, Severity.INFO)
    assert found[0].text in "Tenant data is separated at the container level."
    assert f"'{found[0].text.split()[0]}" in found[0].message


def test_the_pantry_cue_stays_a_warning():
    text = LEAD + "We could put them together for bakers.\n"
    (finding,) = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB301",), kind="prfaq")).findings
    assert finding.severity is Severity.WARNING and finding.text == "We could"


_RELEASE = (
    "# Shelfwise helps bookstore owners track every order\n\n"
    "LEEDS — June 1, 2027 — Today Shelfwise launched an order board for independent bookstores.\n\n"
    "Bookstore owners lose orders every week because orders arrive by phone, email and at the till.\n\n"
)
_BLOCK_QUOTED = "> Every order was checked by hand before it shipped.\n"


@pytest.mark.parametrize(
    ("before", "quoted", "flagged"),
    [
        ("Prices went up this year.\n\n", _BLOCK_QUOTED, True),  # a layout's block quote: the author's prose
        ('"We wanted one screen," said Dana Ruiz, a bookstore owner in Leeds:\n\n', _BLOCK_QUOTED, False),
        ("Prices went up this year.\n\n", "> We were told every order was checked by hand.\n", False),  # a voice
    ],
)
def test_passive_voice_skips_block_quoted_quotations_not_block_quoted_prose(before, quoted, flagged):
    report = wbl.lint_text(_RELEASE + before + quoted, options=wbl.LintOptions(select=("WB701",)))
    assert [f.text for f in report.findings] == (["was checked"] if flagged else [])


@pytest.mark.parametrize(
    ("word", "shape"),
    # "Q12": an FAQ's question number ("Q12: How is it priced?"), no code either; "A1", "H100" stay code.
    [
        ("Q4", ""),
        ("H1", ""),
        ("FY2027", ""),
        ("4K", ""),
        ("Q12", ""),
        ("A1", "code"),
        ("H100", "code"),
        ("x86", "code"),
        ("iOS", "camel"),
    ],
)
def test_a_quarter_or_a_financial_year_is_no_code(word: str, shape: str) -> None:
    assert shape_of(word) == shape


@pytest.mark.parametrize(
    ("word", "shape"),
    [("1.1B", ""), ("226B", ""), ("3bn", ""), ("V1", ""), ("v2.3", ""), ("B2B", "code"), ("MT940", "code")],
)
def test_an_amount_in_billions_or_a_version_label_is_no_code(word: str, shape: str) -> None:
    assert shape_of(word) == shape


# --- words the user trials of 2026-12-04 took for jargon or claims ----------------------------------


def _texts(text: str, *rules: str) -> list[tuple[str, str]]:
    options = wbl.LintOptions(select=rules, kind="prfaq")
    return [(f.rule, f.text) for f in wbl.lint_text(text, "t.md", options=options).findings]


def test_a_word_of_five_letters_or_more_in_capitals_is_a_word_not_an_acronym():
    text = "# Acme\n\nStatus: DRAFT.\n\nNurses plan their shifts with Acme.\n"
    assert _texts(text, "WB401", "WB421") == []
    # An acronym that long is rare as an English word, and stays one.
    assert ("WB421", "HTTPS") in _texts("# Acme\n\nNurses sign in over HTTPS at the clinic.\n", "WB421")


def test_a_state_code_after_its_city_closing_a_clause_is_no_acronym():
    text = "# Acme\n\nThe show opens (World Premiere, August 2026, Charlotte NC) for theatre fans.\n"
    assert _texts(text, "WB401", "WB421") == []
    assert _texts("# Acme\n\nTheatre fans buy tickets in Charlotte NC. The show runs nightly.\n", "WB421") == []
    assert ("WB421", "NC") in _texts("# Acme\n\nBakers in Charlotte NC buy bread.\n", "WB421")


def test_a_gloss_that_leaves_out_the_first_word_defines_the_acronym():
    text = "# Acme\n\nDownload the Press Kit (EPK) at acme.example. The EPK has photos for theatre fans.\n"
    assert _texts(text, "WB421") == []
    assert ("WB421", "FSRS") in _texts("# Acme\n\nCards come back at optimal intervals (FSRS).\n", "WB421")


def test_a_size_or_a_count_of_sets_is_no_technology():
    text = "# Lift5 brings the 5x5 method to lifters on their phones\n\nLifters log each set.\n"
    assert _texts(text, "WB202") == []
    assert _texts(text.replace("5x5", "x86"), "WB202") == [("WB202", "x86")]


def test_a_noun_the_tagger_calls_a_comparative_is_no_claim():
    text = (
        "# Acme\n\nNeither side can derive the other's identifier, because the key is secret. "
        "Acme is a better way to sell bread.\n"
    )
    assert _texts(text, "WB621") == [("WB621", "better")]
    # A noun before it or a determiner with no noun after it: "platform identifier", "no such identifier".
    text = (
        "# Acme\n\nEach entry keeps the employer, platform, platform identifier and title. Where a site "
        "offers no such identifier, a hash stands in, which is weaker.\n"
    )
    assert _texts(text, "WB621") == [("WB621", "weaker")]
    # Whatever its parse: a word tagged as a comparative whose lemma is no adjective ("identifi").
    assert _texts("# Acme\n\nWe keep the platform identifier. It is weaker.\n", "WB621") == [("WB621", "weaker")]
    # A superlative with a possessive is still a claim.
    assert _texts("# Acme\n\nThis release is Acme's biggest. It is our best ever.\n", "WB621") == [
        ("WB621", "biggest"),
        ("WB621", "best"),
    ]


def test_a_name_on_a_line_of_its_own_is_no_superlative():
    # A contact block's company name, now a sentence of its own ("Semantest" over "Email: ..."),
    # was tagged alone as a superlative ("-est").
    text = "# Acme\n\nAcme is the best way to sell bread.\n\nMedia Contact\nSemantest\nEmail: press@semantest.com\n"
    assert _texts(text, "WB621") == [("WB621", "best")]
    # An English word alone is still a claim: a list's items "Faster", "Better" (a review of the change).
    assert _texts("# Acme\n\nWhy Acme:\n\n- Faster\n- Better\n", "WB621") == [("WB621", "Faster"), ("WB621", "Better")]
    # So is a rare superlative of a common word (a second review): "Lightest" ("light").
    assert _texts("# Acme\n\nWhy Acme:\n\n- Lightest\n- Cleanest\n", "WB621") == [
        ("WB621", "Lightest"),
        ("WB621", "Cleanest"),
    ]


def test_an_acronym_in_a_note_above_the_release_is_no_first_use():
    text = (
        "# Press Release — West End Health Service District\n\n"
        "> Status: DRAFT. All figures are aligned with the filed WEHSD service plan.\n\n"
        "**FOR IMMEDIATE RELEASE**\n\n"
        "## West End Voters Can Keep $25,000 a Day of Healthcare Spending at Home\n\n"
        "WEST END, Colo. — May 3, 2027 — Every day, roughly $25,000 leaves the West End for care elsewhere.\n\n"
        "The proposed West End Health Service District would build a local hospital close to home.\n\n"
        "The WEHSD board would meet monthly in Nucla.\n"
    )
    assert _texts(text, "WB421") == []


def test_a_standards_number_is_one_identifier_not_an_acronym():
    text = "# Acme\n\nAcme follows NOM-024-SSA3 for the clinic's records.\n"
    assert _texts(text, "WB421") == []
    assert ("WB421", "NOM") in _texts("# Acme\n\nAcme follows the NOM rules for the clinic's records.\n", "WB421")


def test_a_comparative_after_a_link_earlier_in_the_paragraph_is_not_sourced_by_it():
    text = (
        "# Vite\n\nBrowsers gained [ES modules](https://example.org/esm) support. "
        "The larger the app, the longer you waited.\n"
    )
    assert [t for _, t in _texts(text, "WB621")] == ["larger", "longer"]
    cited = "# Vite\n\nIt is among the largest studies of build times ([Build survey](https://example.org/s)).\n"
    assert _texts(cited, "WB621") == []


def test_a_licence_name_in_capitals_is_one_identifier_but_a_chain_of_acronyms_is_not():
    assert _texts("# Acme\n\nThe specification is licensed CC-BY-SA 4.0 for bakers.\n", "WB401", "WB421") == []
    assert ("WB421", "GDPR") in _texts("# Acme\n\nAcme meets GDPR-CCPA-HIPAA rules for bakers.\n", "WB421")


def test_an_aside_in_parentheses_after_an_acronym_does_not_define_it():
    text = "# Acme\n\nAcme reads free-text NER (Layer 3) for bakers. Later, NER finds names.\n"
    assert [m for r, m in _texts(text, "WB421")] == ["NER"]
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB421",), kind="prfaq"))
    assert "not defined" in report.findings[0].message
    spelled = "# Acme\n\nAcme reads NER (named entity recognition) output for bakers.\n"
    assert _texts(spelled, "WB421") == []


def test_whom_a_sentence_addresses_is_never_named_as_its_technology(parse):
    # "you" weighs towards tech-first in answers (instructions), but it is no reason to give, nor
    # the word a finding points at.
    sentence = parse("Pin a version in your own repo when you need reproducible installs.")
    why = sentences.default_model().explain(sentence, "tech_first")
    named = {sentence.span.doc[i].lower_ for reason in why.reasons for i in reason.tokens}
    pointed = {sentence.span.doc[i].lower_ for i, share in why.shares.items() if share > 0}
    assert "repo" in named
    assert not {"you", "your"} & (named | pointed), (named, pointed)


def test_a_company_name_that_opens_with_digits_is_a_name_not_code() -> None:
    """Trial N: "8bitConcepts", the launching company, was jargon ("code or file name") in every
    sentence that named it; its founder's attribution says what it is."""
    import wbl

    text = (
        "# 8bitConcepts Launches an Email Assistant That Saves Small Business Owners Hours Each Week\n\n"
        "WASHOUGAL, WA — February 17, 2026 — 8bitConcepts today announced an email assistant for owners "
        "of small businesses who spend their mornings answering routine questions.\n\n"
        '"I was drowning in my inbox," said Shane Cheek, founder of 8bitConcepts. "Now it answers for me."\n\n'
        "The 8bitConcepts assistant answers routine questions and books meetings for the owner.\n"
    )
    report = wbl.lint_text(text, path="release.md")
    assert not [f for f in report.findings if "8bitConcepts" in f.message], [f.message for f in report.findings]


def test_an_undefined_acronym_alone_is_a_hint_and_a_warning_in_a_dense_sentence():
    """Trials of 2026-12-06: reviewers judged 12 of 63 lone undefined-acronym warnings right. A
    sentence dense with jargon gets jargon-density's finding, a hint since round 23 (a warning
    with `dense-severity` ""), folded into the acronym's finding where they flag the same words."""
    lead = "# Shelfwise Lets Bookstores Sell More Books\n\nToday Northwind launched Shelfwise for bookstore owners.\n\n"
    options = wbl.LintOptions(select=("WB421", "WB401"), kind="prfaq")
    lone = wbl.lint_text(lead + "Owners see each order's ETD on their phone.\n", "t.md", options=options).findings
    assert [(f.rule, f.text, f.severity) for f in lone] == [("WB421", "ETD", Severity.INFO)]
    dense = (
        "Owners see each order's ETD through a webhook, an idempotent queue, a service mesh, a dead letter queue"
        " and a Kafka consumer.\n"
    )
    found = wbl.lint_text(lead + dense, "t.md", options=options).findings
    assert [(f.rule, f.text, f.severity) for f in found] == [
        ("WB421", "ETD", Severity.INFO),
        ("WB401", "dead letter queue", Severity.INFO),
    ]
    warned = wbl.LintOptions(select=("WB421", "WB401"), kind="prfaq", rule_options={"WB401": {"dense-severity": ""}})
    found = wbl.lint_text(lead + dense, "t.md", options=warned).findings
    assert ("WB401", "dead letter queue", Severity.WARNING) in [(f.rule, f.text, f.severity) for f in found]
    # Three undefined acronyms in one sentence are a warning (review of 2026-12-06), one for the
    # sentence: its first acronym's, which counts them; the others are hints (trial CV, 2026-12-06:
    # "JSON, YAML, CSV and DOCX" were four warnings).
    crowded = wbl.lint_text(lead + "Owners get an RMA, an ASN and a BOL for each return.\n", "t.md", options=options)
    assert [(f.text, f.severity) for f in crowded.findings] == [
        ("RMA", Severity.WARNING),
        ("ASN", Severity.INFO),
        ("BOL", Severity.INFO),
    ]
    assert (
        "; the sentence asks the reader to decode 3 undefined acronyms (RMA, ASN, BOL)" in crowded.findings[0].message
    )
    # Acronyms that are hints on their own (familiar ones, UPS, DHL) do not crowd a sentence.
    carriers = wbl.lint_text(lead + "Owners file the RMA with UPS and DHL.\n", "t.md", options=options).findings
    assert Severity.WARNING not in {f.severity for f in carriers}
    # Nor when they were met before (review of 2026-12-06).
    again = lead + "Shelfwise ships with UPS and DHL.\n\nOwners file the RMA with UPS and DHL.\n"
    assert Severity.WARNING not in {f.severity for f in wbl.lint_text(again, "t.md", options=options).findings}
    # The warning goes to an acronym to decode, not to a name before it (review of 2026-12-06).
    for sentence in ("Priya Shah of KDM signs each RMA, ASN and BOL.", "KDM Logistics sends each RMA, ASN and BOL."):
        named = wbl.lint_text(lead + sentence + "\n", "t.md", options=options).findings
        assert [(f.text, f.severity) for f in named] == [
            ("KDM", Severity.INFO),
            ("RMA", Severity.WARNING),
            ("ASN", Severity.INFO),
            ("BOL", Severity.INFO),
        ], sentence
    # "Claude wrote every API endpoint ..." (trial CI): the acronym opens the dense words, one finding.
    dense = (
        "Claude wrote every API endpoint, deployment script, Kubernetes manifest, failover runbook and Terraform"
        " module.\n"
    )
    (finding,) = wbl.lint_text(lead + dense, "t.md", options=options).findings
    assert (finding.rule, finding.text, finding.severity) == ("WB421", "API", Severity.INFO)
    (finding,) = wbl.lint_text(lead + dense, "t.md", options=warned).findings
    assert (finding.rule, finding.text, finding.severity) == ("WB421", "API", Severity.WARNING)


def test_a_speaker_s_name_in_an_attribution_is_no_weasel_word():
    # Trial CV (2026-12-06): "— Many, project maintainer" (a name) drew a vague-quantifier warning.
    # A claim in the attribution's title is still one (review of 2026-12-06).
    text = (
        "# Ledger lets bakeries close their books in an hour\n\n"
        "**SEATTLE, May 4, 2026** — Bakery owners close the month in an hour instead of two days.\n\n"
        '> "We close the month before lunch now."\n>\n> — Many, project maintainer\n\n'
        '> "Our owners close the month in an hour."\n>\n> — Ana Ruiz, founder of an app used by many bakers\n\n'
        '> "We close the month before lunch now."\n>\n> — Many bakery owners\n\n'
        '> "We close the month before lunch now."\n>\n> — Many - bakery owners\n'
    )
    options = wbl.LintOptions(select=("WB601",), kind="prfaq")
    found = [(f.text, f.severity) for f in wbl.lint_text(text, "t.md", options=options).findings]
    # An anonymous crowd as the speaker is a weasel attribution (review of 2026-12-06).
    assert found == [("many", Severity.WARNING), ("Many", Severity.WARNING), ("Many", Severity.WARNING)]


def test_a_hedged_benefit_in_an_embedded_question_is_a_hedge():
    # Review of 2026-12-06: an exception for "what they might get wrong" silenced these; withdrawn.
    # Hedges are hints (hint-kinds); these are still reported, and with hint-kinds = [] warned.
    lead = "# Ledger lets bakeries close their books in an hour\n\nToday Ledger launched for bakery owners.\n\n"
    for hint_kinds, severity in ((None, Severity.INFO), ([], Severity.WARNING)):
        rule_options = {} if hint_kinds is None else {"WB601": {"hint-kinds": hint_kinds}}
        options = wbl.LintOptions(select=("WB601",), kind="prfaq", rule_options=rule_options)
        for sentence, word in (
            ("Ledger shows owners what they might save next year.", "might"),
            ("Ledger may cut your costs in half.", "may"),
        ):
            found = wbl.lint_text(lead + sentence + "\n", "t.md", options=options).findings
            assert (word, severity) in {(f.text, f.severity) for f in found}, sentence


def test_weasel_words_in_faq_answers_are_hints():
    # User trials to 2026-12-06: 13 of 75 weasel warnings in external FAQ answers were right.
    text = (
        "# Ledger lets bakeries close their books in an hour\n\n"
        "Bakery owners close the month in an hour, and many say it is truly simple.\n\n"
        "## FAQ\n\n### How accurate is it?\n\nYou will sometimes see gaps, and many owners fill them by hand.\n"
    )
    found = {}
    for faq in ("info", ""):
        options = wbl.LintOptions(select=("WB601",), kind="prfaq", rule_options={"WB601": {"faq-severity": faq}})
        found[faq] = [(f.line, f.severity) for f in wbl.lint_text(text, "t.md", options=options).findings]
    assert {severity for line, severity in found["info"] if line == 3} == {Severity.WARNING}
    assert {severity for line, severity in found["info"] if line == 9} == {Severity.INFO}
    assert {severity for line, severity in found[""] if line == 9} == {Severity.WARNING}
    # A document that is only an FAQ has nothing else to judge (review of 2026-12-06).
    faq_only = "# Ledger FAQ\n\n### Is it fast?\n\nYes, it is the fastest app ever made, and many bakers love it.\n"
    options = wbl.LintOptions(select=("WB601",), kind="faq")
    assert Severity.WARNING in {f.severity for f in wbl.lint_text(faq_only, "t.md", options=options).findings}


def test_most_after_the_verb_is_how_much_not_how_many():
    # Trial CU (2026-12-06): "what we need most" was a vague quantifier; "most of" still is.
    options = wbl.LintOptions(select=("WB601",), kind="prfaq")
    lead = "# Ledger lets bakeries close their books in an hour\n\n"
    for sentence, flagged in (
        ("None of the tools gives us what we need most, which is the right talent.", False),
        ("Most of them close early.", True),
        ("Most owners close the month in a day.", True),
    ):
        found = [f.text.lower() for f in wbl.lint_text(lead + sentence + "\n", "t.md", options=options).findings]
        assert any(t.startswith("most") for t in found) is flagged, sentence


def test_a_fronted_phrase_that_says_whom_it_is_built_for_is_no_mechanism():
    """Round 43 of the user trials: "Engineered specifically for merchant-fulfilled sellers ...
    operating without fixed vision infrastructure, Pack Manager eliminates mis-shipments" puts the
    customer first; "Built on Kafka, ..." still opens with the mechanism."""
    linter = wbl.Linter(wbl.LintOptions(kind="prfaq"))

    def fronted(sentence: str) -> bool:
        document = linter.analyse(f"# Title\n\n{sentence}\n", features=("dep", "pos", "lemma"))
        [unit] = [u for u in document.units if not u.is_heading]
        slex = default_sentence_lexicon()
        return any(sentences.fronted_mechanism(s, slex, sentences.analyse(s, slex)) for s in unit.sentences if s.span)

    assert not fronted(
        "Engineered specifically for bakery owners operating without a cloud database, Relay confirms every order."
    )
    assert fronted("Built on a Kafka event bus and a cloud database, Relay confirms every order.")
    # The technology outside the audience still opens the sentence (review of round 43).
    assert fronted("Built for bakery owners on top of a Kafka event bus, Relay confirms every order.")
    # The rivals' mechanism in a clause set against the pitch opens nothing of the product's.
    assert not fronted(
        "While rival platforms were built on a Kafka event bus for engineers, Relay confirms every order."
    )
    # The maker named after "by" is who made it (round 47: "Published by Miss Pepper AI, ..."); a
    # way of building after "by" is still the mechanism.
    assert not fronted("Published by Miss Pepper AI, The Wall is aimed at executives at US companies.")
    assert fronted("Built by combining Kafka with Postgres, the app lets nurses chart faster.")
    # Only a verb of making names a maker: "Powered by Kafka and Postgres" is the mechanism.
    assert fronted("Powered by Kafka and Postgres, Shelfview streams every sale to the owner's phone.")


def test_the_focus_keeps_a_compound_noun_whole(parse):
    """A finding never cuts a term in half: "open source software", "changing server
    specifications" (round 46 of the user trials pointed at "source software", "changing server")."""
    doc = parse("Ticketing uses open source software.").span.doc
    source, software = (next(t.i for t in doc if t.text == w) for w in ("source", "software"))
    shares = {software: 1.0, source: 0.5}
    first, last = sentences.Explanation("tech_first", 0.9, "warning", (), shares).focus(doc)
    assert doc[first : last + 1].text == "open source software"
    doc = parse("It keeps running when changing server specifications.").span.doc
    changing, server = (next(t.i for t in doc if t.text == w) for w in ("changing", "server"))
    first, last = sentences.Explanation("tech_first", 0.9, "warning", (), {changing: 1.0, server: 1.0}).focus(doc)
    assert doc[first : last + 1].text == "changing server specifications"
    # An acronym completes its noun ("API gateway"); a plain adjective before a noun that starts
    # no compound stays out: "the same endpoint".
    doc = parse("The API gateway team dashboard uses streams.").span.doc
    gateway = next(t.i for t in doc if t.text == "gateway")
    first, last = sentences.Explanation("tech_first", 0.9, "warning", (), {gateway: 1.0}).focus(doc)
    assert doc[first].text == "API"
    doc = parse("The same endpoint serves the charts.").span.doc
    endpoint = next(t.i for t in doc if t.text == "endpoint")
    first, last = sentences.Explanation("tech_first", 0.9, "warning", (), {endpoint: 1.0}).focus(doc)
    assert doc[first : last + 1].text == "endpoint"


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # Round 48 of the user trials: the clearest signs that a release has not launched.
        ("Harbor Labs is preparing to unveil Shelfwise for bookstores.", True),
        ("Shelfwise is poised to become every bookstore's reorder tool.", True),
        # A gerund in a noun's place states no plan.
        ("Meal preparing, to the owners, takes an hour.", False),
    ],
)
def test_a_launch_still_being_prepared_is_a_plan(sentence: str, flagged: bool) -> None:
    text = f"# Shelfwise lets bookstore owners reorder books\n\n{sentence}\n"
    options = wbl.LintOptions(select=("WB721",), kind="prfaq")
    assert bool(wbl.lint_text(text, "t.md", options=options).findings) is flagged
