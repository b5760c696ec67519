"""weasel-word (WB601): the words reviewers mostly let pass are hints, the rest warnings."""

from __future__ import annotations

import pytest

import wbl


def _weasel(sentence: str) -> list[tuple[str, wbl.Severity]]:
    report = wbl.lint_text(f"# Slipway\n\n{sentence}\n", options=wbl.LintOptions(select=("WB601",), kind="prfaq"))
    return [(f.text, f.severity) for f in report.findings]


def _located(text: str) -> list[tuple[int, str, wbl.Severity]]:
    """Line, words and severity of each WB601 finding in a document judged as a PR/FAQ."""
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",), kind="prfaq"))
    return [(f.line, f.text, f.severity) for f in report.findings]


def _weasel_in_body(sentence: str) -> list[tuple[str, wbl.Severity]]:
    """As `_weasel`, with the sentence in the release's body, not in its lead (the first paragraph
    under a headline is read as the sub-heading, where a hedge stays a warning)."""
    text = f"# Slipway\n\nToday Slipway launched berth booking for boat owners.\n\n{sentence}\n"
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",), kind="prfaq"))
    return [(f.text, f.severity) for f in report.findings]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Slipway gives boat owners a unique way to book a berth.", "unique"),
        ("Slipway is the only marina app with tide alerts.", "the only"),
        ("Boat owners will likely renew every spring.", "likely"),
        # Pre-registered before round 32 of the user trials, shipped on the pooled verdicts.
        ("Boat owners with a few hours to kill book a berth.", "a few"),
        ("Slipway treats tides as a first-class part of every booking.", "first-class"),
    ],
)
def test_a_hint_word_is_reported_as_a_hint(sentence, word):
    assert _weasel(sentence) == [(word, wbl.Severity.INFO)]


def test_unique_meaning_distinct_is_no_claim():
    assert _weasel("Slipway gives each boat a unique berth code and counts unique visitors.") == []
    assert _weasel("Slipway takes a unique approach to berths.") == [("unique", wbl.Severity.INFO)]


def test_other_weasel_words_stay_warnings():
    assert _weasel("Slipway makes docking easy, and it is very fast.") == [
        ("easy", wbl.Severity.WARNING),
        ("very", wbl.Severity.WARNING),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Slipway might cut your mooring costs.",
        "Owners usually book a berth in spring.",
        "Slipway probably saves owners an hour.",
        "Owners get some help with the paperwork.",
    ],
)
def test_hedges_and_some_are_hints(sentence):
    """The trials' reviewers judged 2 of 44 hedge warnings and 2 of 18 "some" warnings right."""
    [(_, severity)] = _weasel_in_body(sentence)
    assert severity is wbl.Severity.INFO


def test_weasel_words_in_the_customer_quote_are_hints():
    """User trials: 2 of 25 such warnings right in rounds 12 to 24, 1 of 5 in round 25. A leader's
    quote is the company's claim and keeps its warnings, and so does narration between a
    customer's quotations (test_narration_between_a_customer_s_quotations_is_the_writer_s)."""
    text = (
        "# Slipway lets boat owners book a berth in a minute\n\n"
        "SEATTLE, May 4, 2026 — Today Slipway launched berth booking for boat owners.\n\n"
        "Boat owners used to call three marinas to find a berth.\n\n"
        '"Slipway is truly the fastest way to book," said Ana Ruiz, head of Slipway.\n\n'
        '"I was really tired of calling around, and a lot of owners feel the same," said Tom Reyes, a boat owner.\n'
    )
    found = _located(text)
    assert (7, "truly", wbl.Severity.WARNING) in found
    assert [(t, s) for line, t, s in found if line == 9] == [
        ("really", wbl.Severity.INFO),
        ("a lot", wbl.Severity.INFO),
    ]


def test_a_hedge_in_the_headline_stays_a_warning():
    """The headline is the pitch: "might cut your costs" there is the claim (review of 2026-12-06)."""
    text = (
        "# Slipway might cut your mooring costs in half\n\nToday Slipway launched. Slipway might save owners an hour.\n"
    )
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",), kind="prfaq"))
    assert [(f.line, f.text, f.severity) for f in report.findings] == [
        (1, "might", wbl.Severity.WARNING),
        (3, "might", wbl.Severity.INFO),
    ]


def test_roughly_as_a_manner_is_no_estimate():
    """Trial BK03: "Record your demo once — roughly, imperfectly —" says how, not how much."""
    assert _weasel("Record your berth request once — roughly, imperfectly — and Slipway books it.") == []
    assert _weasel_in_body("Bookings roughly doubled.") == [("roughly", wbl.Severity.INFO)]


def test_hint_kinds_is_an_option():
    options = wbl.LintOptions(select=("WB601",), kind="prfaq", rule_options={"WB601": {"hint-kinds": []}})
    report = wbl.lint_text("# Slipway\n\nSlipway might cut your mooring costs.\n", options=options)
    assert [(f.text, f.severity) for f in report.findings] == [("might", wbl.Severity.WARNING)]


def test_hint_words_are_an_option():
    options = wbl.LintOptions(select=("WB601",), kind="prfaq", rule_options={"WB601": {"hint-words": ["very"]}})
    report = wbl.lint_text("# Slipway\n\nSlipway makes docking very easy and very tidy.\n", options=options)
    assert [(f.text, f.severity) for f in report.findings] == [
        ("very easy", wbl.Severity.WARNING),  # an intensifier joins the word it qualifies
        ("very", wbl.Severity.INFO),
    ]


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Slipway makes docking very easy.", "very easy"),
        ("It removes the most significant bottleneck.", "the most significant"),
        ("Booking a berth is easier than ever.", "easier than ever"),
    ],
)
def test_weasel_words_side_by_side_are_one_finding(sentence, phrase):
    """One claim, one finding (a user trial: "easier than ever" reported twice was noise)."""
    report = wbl.lint_text(f"# Slipway\n\n{sentence}\n", options=wbl.LintOptions(select=("WB601",), kind="prfaq"))
    [finding] = report.findings
    assert (finding.text, finding.severity) == (phrase, wbl.Severity.WARNING)
    assert finding.message.startswith(f"'{phrase}' is a weasel word (")


def test_a_hint_and_a_warning_side_by_side_stay_apart():
    assert _weasel("Boat owners will very likely renew.") == [
        ("very", wbl.Severity.WARNING),
        ("likely", wbl.Severity.INFO),
    ]
    assert _weasel("Slipway is the best seamless booking app.") == [
        ("the best", wbl.Severity.INFO),
        ("seamless", wbl.Severity.WARNING),
    ]


def test_words_apart_or_unlinked_stay_apart():
    assert [text for text, _ in _weasel("Many owners find it very easy.")] == ["Many", "very easy"]
    # Side by side but not one phrase: "Many" counts the owners, "truly" qualifies "happy" (review).
    assert [text for text, _ in _weasel("Many truly happy owners switched.")] == ["Many", "truly"]


def test_a_hint_word_before_the_word_it_qualifies_is_one_finding_with_it():
    # "really" alone is a hint (judged right 4 times in 18); "really easy" stays one warning with
    # the fix that cuts "really" (review of 2026-12-06).
    report = wbl.lint_text(
        "# Slipway\n\nSlipway makes docking really easy.\n", options=wbl.LintOptions(select=("WB601",), kind="prfaq")
    )
    [finding] = report.findings
    assert finding.text == "really easy" and finding.severity is wbl.Severity.WARNING and finding.fix is not None
    assert [(e.start, e.end) for e in finding.fix.edits] == [(finding.start, finding.start + len("really "))]
    assert _weasel("It is really really fast.") == [("really really", wbl.Severity.INFO)]


def test_a_merged_phrase_keeps_the_qualifier_s_fix():
    report = wbl.lint_text(
        "# Slipway\n\nSlipway makes docking truly easy.\n", options=wbl.LintOptions(select=("WB601",), kind="prfaq")
    )
    [finding] = report.findings
    assert finding.text == "truly easy" and finding.fix is not None
    assert [(e.start, e.end) for e in finding.fix.edits] == [(finding.start, finding.start + len("truly "))]


_QUOTES = """# Slipway Lets Boat Owners Book a Berth in Two Taps

SEATTLE, March 3, 2027 — Harbor Labs today launched Slipway for boat owners.

Boat owners call three marinas to find a free berth, and most evenings none answers.

Slipway shows every free berth on one map and books it in two taps.

"We built Slipway because every harbor deserves the easiest booking there is," said Ana Ruiz, CEO of Harbor Labs.

"Slipway is the easiest app I've ever used, and it is beautiful," said Tom Berg, a sailor from Tacoma.
"""


def test_a_customer_s_praise_in_their_quote_is_a_hint_and_a_leader_s_a_warning():
    """A customer's words are their opinion (marketing-customer-quote judges such a quote as a
    whole); a leader's quote is the company's claim. The user trials' reviewers judged 2 of 11
    weasel warnings in customers' quotes right."""
    report = wbl.lint_text(_QUOTES, options=wbl.LintOptions(select=("WB601",)))
    found = {(f.line, f.text): f.severity for f in report.findings}
    assert found[(9, "easiest")] is wbl.Severity.WARNING
    assert found[(11, "easiest")] is wbl.Severity.INFO
    assert found[(11, "beautiful")] is wbl.Severity.INFO


def test_an_unsigned_customer_quote_gives_hints_too():
    """Rounds 12 to 29: 2 of 25 weasel warnings in customers' unsigned quotes judged right ("I
    never really appreciated it", "totally"); the quote under "## Customer Quote" is the customer's."""
    text = (
        "# Relay lets bakery owners take orders by text\n\nToday Relay launched text ordering.\n\n"
        "## Customer Quote\n\n> I never really appreciated how many orders I missed. It is so easy now.\n\n"
        "## Leader Quote\n\n> We made ordering truly easy for every bakery.\n"
    )
    report = wbl.lint_text(text, "t.md", options=wbl.LintOptions(select=("WB601",), kind="press_release"))
    found = {(f.line, f.text): f.severity for f in report.findings}
    assert found[(7, "really")] is wbl.Severity.INFO and found[(7, "easy")] is wbl.Severity.INFO
    assert found[(11, "truly easy")] is wbl.Severity.WARNING


def test_words_in_quotation_marks_that_no_one_says_are_hints():
    """Pre-registered before round 31: weasel words inside quotation marks in a paragraph with no
    quote (a badge's name, a typed example) were judged right 1 time in 10."""
    body = 'Recruiters paste a line such as "this is truly an IC role" and get a flag. Many recruiters return.'
    assert _weasel_in_body(body) == [("truly", wbl.Severity.INFO), ("Many", wbl.Severity.WARNING)]
    options = wbl.LintOptions(select=("WB601",), kind="prfaq", rule_options={"WB601": {"unspoken-quote-hints": False}})
    text = f"# Slipway\n\nToday Slipway launched berth booking for boat owners.\n\n{body}\n"
    assert {f.severity for f in wbl.lint_text(text, options=options).findings} == {wbl.Severity.WARNING}
    # Scare quotes around the claim alone are the author's claim (the review of 2026-12-06).
    assert _weasel_in_body('Slipway is the "world\'s first" berth app.') == [("world's first", wbl.Severity.WARNING)]
    # A quote the anatomy finds keeps its speaker's rule: a leader's words stay warnings.
    leader = '"Many marinas lose bookings every week," said Ana Ruiz, CEO of Slipway.'
    assert _weasel_in_body(leader) == [("Many", wbl.Severity.WARNING)]


def test_hint_speakers_is_an_option():
    options = wbl.LintOptions(select=("WB601",), rule_options={"WB601": {"hint-speakers": []}})
    report = wbl.lint_text(_QUOTES, options=options)
    assert {f.severity for f in report.findings if f.line == 11} == {wbl.Severity.WARNING}


def test_a_modal_joined_to_a_verb_reads_that_verb_s_subject():
    """ "The LLM receives the payload and may choose the wording": the LLM chooses (a user trial)."""
    assert _weasel("The model receives the payload and may choose the wording.") == []
    assert _weasel_in_body("Slipway counts the berths and may help owners sail sooner.") == [("may", wbl.Severity.INFO)]


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Players may choose a private or public room.", []),
        ("Hosts invite other users that may rate each game.", []),
        ("Teachers may see fewer late essays.", ["may"]),  # a forecast: still a hedge
        ("We may add premium rooms later.", ["may"]),
        ("Each room keeps its default size, which may not include a timer.", ["may"]),
        # Who is allowed, under a verb of granting (trial AN): permission, not a hedge.
        ("Creators decide who may read it and who may suggest.", []),
        ("You control who may see your notes.", []),
        # What may be reached, under a verb that grants or answers (a user trial).
        ("Policy answers what it may access.", []),
        ("You decide which files the agent may read.", []),
        ("We do not know what it may cost.", ["may"]),
        ("Nobody knows who may win.", ["may"]),
        ("Doctors decide who may be at risk.", ["may"]),  # a state: what may happen
        ("Acme will decide who may try the beta.", ["may"]),  # no act of access: a plan hedged
        ("We have not decided who may join the beta.", ["may"]),  # the company's open plan
    ],
)
def test_may_before_a_verb_of_choosing_is_permission(sentence, flagged):
    assert [text for text, _ in _weasel(sentence)] == flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("We distribute rewards fairly.", []),  # in a fair way: how it is done
        ("Rotate chores fairly.", []),
        ("Setup is fairly easy.", ["fairly easy"]),  # somewhat: a hedge on a claim
        ("It works fairly well.", ["fairly"]),
    ],
)
def test_fairly_is_a_hedge_only_on_a_claim(sentence, flagged):
    assert [word for word, _ in _weasel(sentence)] == flagged


def test_a_word_named_in_quotation_marks_at_the_end_of_a_sentence_is_no_claim():
    # 'that "probably."': the word is named, the sentence's stop inside the marks (trial D, 2026-12-04).
    assert _weasel('With Slipway you don\'t rely on that "probably." Boat owners book in one tap.') == []
    assert _weasel('Slipway is "revolutionary." for boat owners.') != []


def test_a_claim_with_its_source_cited_is_no_weasel():
    cited = "Work samples are among the strongest predictors of job performance ([Schmidt & Hunter](https://example.org/meta))."
    assert _weasel(cited) == []
    assert _weasel("Most boat owners renew every spring (Marina Survey, 2024).") == []
    later = (
        "Work samples are the strongest predictors. A berth is a sample. ([Schmidt & Hunter](https://example.org/m))"
    )
    assert _weasel(later) == []
    uncited = "Work samples are among the strongest predictors of job performance."
    assert [w for w, _ in _weasel(uncited)] == ["strongest"]


def test_studies_the_text_names_are_no_unattributed_authority():
    assert _weasel("It is the same instinct the case studies show.") == []
    assert [w for w, _ in _weasel("Studies show that boat owners renew every spring.")] == ["Studies show"]


def test_what_would_happen_otherwise_is_no_hedge():
    assert _weasel("Anonymous cards collect feedback owners might otherwise withhold.") == []
    assert [w for w, _ in _weasel("Otherwise, owners might miss the tide.")] == ["might"]


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("We spent a year to perfect the matching for small marinas.", []),  # the verb (trial N)
        ("The berth was perfect for every boat.", ["perfect"]),
        ("The pilot found a statistically significant drop in missed tides.", []),  # a term of statistics
        ("Slipway brings significant savings.", ["significant"]),
    ],
)
def test_a_peacock_verb_and_a_term_of_statistics_are_no_claims(sentence, flagged):
    assert [word for word, _ in _weasel(sentence)] == flagged


def test_weasel_words_in_the_internal_faq_are_hints() -> None:
    """The team weighing its own risks ("the most likely way this fails") makes no claim to a
    customer: 4 of 28 such warnings were right to the user trials' reviewers."""
    text = (
        "# Slipway\n\nSlipway today launched berth booking for boat owners.\n\n"
        "## Customer FAQ\n\n### Is it really free?\n\nYes, and setup is very easy.\n\n"
        "## Internal FAQ\n\n### What is the most likely way this fails?\n\n"
        "The most likely failure is that marinas never sign up.\n"
    )
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",), kind="prfaq"))
    found = {(f.line, f.text): f.severity for f in report.findings}
    assert found[(9, "very easy")] == wbl.Severity.INFO  # a customer FAQ answer (`faq-severity`)
    assert found[(7, "really")] == wbl.Severity.INFO  # a question, in the customer's voice
    assert found[(13, "the most likely")] == found[(15, "The most")] == wbl.Severity.INFO
    rule_options = {"WB601": {"internal-faq-severity": "", "faq-severity": ""}}
    options = wbl.LintOptions(select=("WB601",), kind="prfaq", rule_options=rule_options)
    kept = {(f.line, f.text): f.severity for f in wbl.lint_text(text, options=options).findings}
    assert kept[(15, "The most")] == kept[(9, "very easy")] == wbl.Severity.WARNING


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # What the product chooses: a superlative of a measure, the object of a verb of choosing.
        ("Slipway routes each boat to the cheapest berth.", []),
        ("Slipway sorts offers by the most recent.", []),
        ("It retrieves the most contextually similar past bookings.", []),
        # Claims: against the market, the customer's choice, or not a measure.
        ("Slipway finds the cheapest berths anywhere.", ["cheapest"]),
        ("Slipway returns the fastest results of any marina app.", ["fastest"]),
        ("Customers choose Slipway for the fastest support in the industry.", ["fastest"]),
        ("Boat owners pick Slipway as the most trusted app for berths.", ["the most"]),
        ("Slipway picks the easiest route home.", ["easiest"]),
        ("Slipway is the cheapest app on the market.", ["cheapest"]),
    ],
)
def test_a_superlative_the_product_chooses_by_is_no_claim(sentence, flagged):
    assert [word for word, _ in _weasel(sentence)] == flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Lighting is one of the first things a guest notices.", []),
        ("The only thing you need to know is the berth number.", []),
        ("Slipway is the first app that books a berth in one tap.", ["the first"]),
    ],
)
def test_the_first_thing_is_an_order_not_a_claim(sentence, flagged):
    assert [word for word, _ in _weasel(sentence)] == flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # A hyphenated modifier describes the product, however the parser hangs its pieces.
        (
            "Harbourline today announced the first end-to-end encrypted berth ledger designed for marinas.",
            ["the first"],
        ),
        ("Slipway is the first tide-aware booking app built for sailing clubs.", ["the first"]),
        ("Marinas Launch the First AI-Powered Berth Finder for the Baltic", ["the First"]),
        # A step of a sequence, or the chain as the noun itself, is still an order.
        ("The first follow-up session is free.", []),
        ("The first sign-in of the day takes a minute.", []),
    ],
)
def test_the_first_before_a_hyphenated_modifier_is_a_claim(sentence, flagged):
    assert [word for word, _ in _weasel(sentence)] == flagged


def test_an_adjective_standing_for_people_is_no_praise():
    # "the powerful", "the curious": the people an adjective describes (round 37: a tenet).
    assert _weasel("Privacy protects the powerless; disclosure binds the powerful.") == []
    assert _weasel("Slipway gives the curious a tide chart for every berth.") == []
    assert [word for word, _ in _weasel("Slipway is a powerful app for sailors.")] == ["powerful"]
    # Praise used as a noun is still praise (review of 2026-12-06).
    assert [word for word, _ in _weasel("Slipway brings the ultimate in convenience to sailors.")] == ["ultimate"]
    assert [word for word, _ in _weasel("Sailors who book with Slipway get the finest.")] == ["finest"]


def test_a_hedge_under_a_heading_that_names_risks_is_the_point():
    text = (
        "# Slipway\n\nBoat owners book a berth in one tap.\n\n## Open Risks\n\n"
        "- App-store rules may constrain background sync.\n\n## Pricing\n\nBerths may cost less in winter.\n"
    )
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",), kind="prfaq"))
    assert [(f.line, f.text) for f in report.findings] == [(11, "may")]


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # User trials (2026-12-05): an order within a whole the sentence names is a fact.
        ("Today the band released Fallout, the first single from the ARRANGEMENTS album.", []),
        ("This berth map is the first piece of a harbour guide we have been writing for years.", []),
        ("This is the first chapter of our story.", []),
        # A class or a market is the yardstick of a claim.
        ("Slipway is the first app of its kind.", ["the first"]),
        ("Slipway is the first marina app from a major brand.", ["the first"]),
        ("Slipway is the first marina app in the world with tide alerts.", ["the first"]),
        ("Slipway is the first marina platform of its size to ship tide alerts.", ["the first"]),
        # What the claim is made among: "the first implementation of" a public standard.
        ("Slipway is the first open implementation of the NMEA 2000 protocol.", ["the first"]),
        # A place, a class a clause describes, "its" own class (review, 2026-12-05).
        ("Slipway is the first marina app from Europe.", ["the first"]),
        ("Slipway is the first marina app from a brand that sailors trust.", ["the first"]),
        ("Slipway is the first marina app of its price range.", ["the first"]),
        ("Slipway is the first marina app from the UK.", ["the first"]),
        ("Slipway is the first app of the world's marinas.", ["the first"]),
        ("Tide Tables is the first single from the band's new album.", []),
    ],
)
def test_the_first_part_of_a_named_whole_is_an_order_not_a_claim(sentence, flagged):
    assert [word for word, _ in _weasel(sentence)] == flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Slipway exists to help as many boat owners as possible find a berth.", []),
        ("Keep as much history as you need.", []),
        ("As many analysts predicted as early as 2020, marinas went online.", ["many"]),
        ("Slipway wants to serve as many of our members as possible.", []),
        ("Slipway books as many owners in Lisbon as it can.", []),
        ("Many boat owners book in spring.", ["Many"]),
    ],
)
def test_many_in_an_equative_is_no_vague_count(sentence, flagged):
    assert [word for word, _ in _weasel(sentence)] == flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # Trial W (2026-12-05): the documented exemption did not hold.
        ("Owners now say how the booking should work, and Slipway does it.", []),
        ("Owners write down what the harbour master should do.", []),
        ("Slipway should help owners book faster.", ["should"]),
        # A main clause after a label or "What's more" is no how/what clause (review).
        ("**How it works:** Slipway should help owners book faster.", ["should"]),
        ("What's more, Slipway should help owners book faster.", ["should"]),
    ],
)
def test_should_in_how_or_what_clause_is_the_behaviour_intended(sentence, flagged):
    assert [word for word, _ in _weasel(sentence)] == flagged


@pytest.mark.parametrize(
    ("text", "word", "severity"),
    [
        ("The durable queue simply holds the work.", "simply", wbl.Severity.INFO),
        ("Revoking access is simply killing the endpoint.", "simply", wbl.Severity.INFO),
        ("Orders were lost simply because nobody saw them.", "simply", wbl.Severity.INFO),
        ("Bring a question, or simply say the project needs help.", "simply", wbl.Severity.INFO),
        ("Today they use playlists, notes files, or simply re-finding episodes.", "simply", wbl.Severity.INFO),
        ("Checkout is faster or simply easier for every shopper.", "easier", wbl.Severity.WARNING),
        ("Relay tracks stock or simply counts it for you.", "simply", wbl.Severity.INFO),
        ("Simply open the app.", "Simply", wbl.Severity.INFO),
        # The ease shown, as the advice asks: two steps the reader takes (trials AF, AK).
        ("Simply open the app and pick a song.", "Simply", wbl.Severity.INFO),
        ("Starting is as easy as clicking a class, filling in the form and hitting submit.", "easy", wbl.Severity.INFO),
        ("To start, simply go to lessonless.example.com and pick a role.", "simply", wbl.Severity.INFO),
        ("You can easily export and share your reports.", "easily", wbl.Severity.WARNING),
        ("Ordering is easy; go to shelfwise.com to learn more.", "easy", wbl.Severity.WARNING),
        ("Setting up is easy, and the app scans every box and runs a nightly report.", "easy", wbl.Severity.WARNING),
        ("Simply open the app and it will run in the background.", "Simply", wbl.Severity.INFO),
        # The steps must be the reader's: the product acting is still a claim.
        ("It simply opens the page and clicks Submit for you.", "simply", wbl.Severity.INFO),
        ("You can easily upload and download your files.", "easily", wbl.Severity.WARNING),
        ("It is as easy as it sounds, and you open the app and tap Scan.", "easy", wbl.Severity.WARNING),
        ("Users simply log their runs.", "simply", wbl.Severity.INFO),
        # "really" (fifty-third session): judged right 4 times in 18 over the rounds to 39.
        ("It really works on every phone.", "really", wbl.Severity.INFO),
        ("It truly works on every phone.", "truly", wbl.Severity.WARNING),
        ("It supports various formats, including SWOT and custom ones.", "various", wbl.Severity.INFO),
        ("We met several challenges: cost, time and trust.", "several", wbl.Severity.INFO),
        ("Many teams asked for it.", "Many", wbl.Severity.WARNING),
        ("Task names may vary by release.", "may", wbl.Severity.INFO),
        ("The chart shows the most important features driving these predictions.", "the most", wbl.Severity.INFO),
        ("These are the single greatest predictors of scale.", "greatest", wbl.Severity.INFO),
        ("Tidly offers the most powerful features for bakers.", "the most powerful", wbl.Severity.WARNING),
        ("Tidly may cut your costs in half.", "may", wbl.Severity.INFO),  # a hedge: hint-kinds
        # Not a list: the claims stay warnings (review, 2026-12-05). "simply" is a hint whatever it
        # qualifies (round 28's pre-registration: 0 of 18 judged right, the product's own "simply"
        # included).
        ("Many owners like the new ordering screen.", "Many", wbl.Severity.WARNING),
        ("Many owners save hours every week: that is what the pilot showed.", "Many", wbl.Severity.WARNING),
        ("It simply works.", "simply", wbl.Severity.INFO),
        ("Checkout is simply faster.", "simply", wbl.Severity.INFO),
        ("Store owners are simply scanning shelves now.", "simply", wbl.Severity.INFO),
        ("Tidly simply counts your stock.", "simply", wbl.Severity.INFO),
    ],
)
def test_words_reviewers_let_pass_are_hints(text: str, word: str, severity: wbl.Severity) -> None:
    """The labels count these words; the user trials' reviewers did not want them changed."""
    found = _weasel(f"# Relay launches today\n\n{text}\n")
    assert (word, severity) in found


def test_a_listed_word_only_a_title_case_headline_capitalises_is_no_name() -> None:
    # "Seamless" in a Title Case headline and subheading, and at a sentence's start (review).
    text = (
        "# Relay Brings Seamless Restocking to Small Bakeries\n\n"
        "## Seamless Reorders Mean Fresh Shelves Every Morning\n\n"
        "Seamless restocking starts today for every bakery.\n"
    )
    assert [w for w, _ in _weasel(text)] == ["Seamless", "Seamless", "Seamless"]


def test_a_listed_word_inside_the_product_s_name_is_no_claim() -> None:
    # "Super Natural Curls" (trial AT): the product's name, wherever it stands; "the ultimate
    # predictor" in lower case is still a claim.
    text = (
        "# Super Natural Curls helps curly-haired people find products\n\n"
        "Super Natural Curls is a site of hair-care tutorials.\n\n"
        "With Super Natural Curls, people with curly hair find products for their texture.\n\n"
        "It is the ultimate guide to curls.\n"
    )
    assert _weasel(text) == [("ultimate", wbl.Severity.WARNING)]


def test_a_capitalised_name_the_tagger_calls_an_adjective_is_a_name() -> None:
    # "Swift" the language (trial AV); "seamless" in lower case is still a claim.
    assert _weasel("# Relay launches today\n\nThe SDK ships for React Native and Swift apps.\n") == []
    # Round 49: names make a short sentence or a list item look like a Title Case headline.
    assert _weasel("# Relay launches today\n\nThe app is written in Swift and Kotlin.\n") == []
    assert _weasel("# Relay launches today\n\nNext:\n\n- Additional language bindings (Java, Ruby, Swift)\n") == []
    # A Title Case line still capitalises a peacock word, with a full stop too, and with short
    # function words in lower case (a third review's probes).
    assert _weasel("# Relay launches today\n\n- Ordering with Revolutionary Plain Text Messages.\n") == [
        ("Revolutionary", wbl.Severity.WARNING)
    ]
    assert _weasel("# Relay launches today\n\nRelay Brings Swift Checkout to Every Shop.\n") == [
        ("Swift", wbl.Severity.WARNING)
    ]
    assert _weasel("# Relay Brings Swift Checkout to Every Shop\n\nShops sell more.\n") == [
        ("Swift", wbl.Severity.WARNING)
    ]
    assert _weasel("# Relay launches today\n\nSetup is seamless for every shop.\n") == [
        ("seamless", wbl.Severity.WARNING)
    ]
    # After an opening quotation mark a capital only starts a sentence.
    quoted = '# Relay launches today\n\n"Seamless setup made my week," said Ana Ruiz, CEO of Relay.\n'
    assert _weasel(quoted) == [("Seamless", wbl.Severity.WARNING)]


def test_a_quantifier_over_the_list_that_follows_is_a_hint() -> None:
    text = "# Relay launches today\n\nRelay has several key features:\n\n- polls\n- filters\n"
    assert _weasel(text) == [("several", wbl.Severity.INFO)]
    # Without the list after it, the count is missing.
    assert _weasel("# Relay launches today\n\nRelay has several key features:\n\nPolls come first.\n") == [
        ("several", wbl.Severity.WARNING)
    ]
    # A sentence ending in the colon introduces the list however far the colon is from the word.
    long = "# Relay launches today\n\nSeveral cafes in the pilot already take orders by text:\n\n- Bean\n- Crumb\n"
    assert _weasel(long) == [("Several", wbl.Severity.INFO)]
    # Inside the sentence, a colon after a clause opens no list of what the word counts.
    assert _weasel("# Relay launches today\n\nMany owners in the pilot save hours: a week's worth.\n") == [
        ("Many", wbl.Severity.WARNING)
    ]
    # A long sentence whose last words, the counted noun, end at the colon over the list (round 37).
    roadmap = (
        "# Relay launches today\n\nWhile the first launch focuses on ordering and payment, the Relay roadmap"
        " includes several enhancements:\n\n- loyalty cards\n- gift cards\n"
    )
    assert _weasel(roadmap) == [("several", wbl.Severity.INFO)]
    told = (
        "# Relay launches today\n\nSeveral owners told us in the pilot that the phone line was busy all"
        " morning, so we built three tools:\n\n- polls\n- filters\n"
    )
    assert _weasel(told) == [("Several", wbl.Severity.WARNING)]


def test_roles_that_are_no_pitch_give_hints() -> None:
    text = (
        "# Relay lets cafe owners take orders by text\n\nSEATTLE -- Relay today launched text ordering.\n\n"
        "Cafe owners miss one order in five because the phone line is busy.\n\n"
        "With Relay, a customer texts the order and the cafe confirms it in one tap.\n\n"
        "## About Relay\n\nRelay builds truly seamless tools for many cafes.\n\n"
        "## FAQ\n\n### Is it really free?\n\nYes, and very fast.\n"
    )
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",), kind="prfaq"))
    found = {f.text: f.severity for f in report.findings}
    assert found["really"] == found["truly seamless"] == wbl.Severity.INFO
    assert found["very"] == wbl.Severity.INFO  # an FAQ answer (`faq-severity`)
    rule_options = {"WB601": {"hint-roles": [], "faq-severity": ""}}
    options = wbl.LintOptions(select=("WB601",), kind="prfaq", rule_options=rule_options)
    kept = {f.text: f.severity for f in wbl.lint_text(text, options=options).findings}
    assert kept["truly seamless"] == kept["very"] == wbl.Severity.WARNING


def test_ease_in_the_problem_paragraph_is_the_status_quo() -> None:
    text = (
        "# Tidly lets cafe owners take orders by text\n\nSEATTLE -- Tidly today launched text ordering.\n\n"
        "Today, cafe owners miss orders because phone lines are busy, and a queue quickly turns into a mess. "
        "A missed order might cost a regular. With Tidly, they can easily take every order.\n\n"
        "Tidly answers every text in seconds, and setup is easy.\n"
    )
    found = _located(text)
    assert (5, "quickly", wbl.Severity.INFO) in found and (5, "might", wbl.Severity.INFO) in found
    assert (5, "easily", wbl.Severity.WARNING) in found  # the product named: the pitch, not the problem
    assert (7, "easy", wbl.Severity.WARNING) in found and (7, "in seconds", wbl.Severity.WARNING) in found


def test_praise_conceded_before_but_is_a_hint() -> None:
    # A rival's or the world's strength granted before "but" (user trials): not the pitch.
    rival = "Other booking tools are powerful, but every marina must set them up alone."
    assert _weasel(rival) == [("powerful", wbl.Severity.INFO)]
    # The product's own praise, with or without a "but", still needs evidence.
    assert _weasel("Slipway is powerful, but it takes a minute to learn.") == [("powerful", wbl.Severity.WARNING)]
    assert _weasel("Other booking tools are powerful.") == [("powerful", wbl.Severity.WARNING)]
    # Ease granted the same way (trial CF, 2026-12-06).
    third = "Telegram is easier but still requires a bot token and webhook config."
    assert _weasel(third) == [("easier", wbl.Severity.INFO)]
    assert _weasel("Slipway is easier, but it costs more.") == [("easier", wbl.Severity.WARNING)]
    # Ease conceded by no name may be the product's own (review of 2026-12-06).
    own = "It is easy to set up, but it takes a week to learn."
    assert _weasel(own) == [("easy", wbl.Severity.WARNING)]


def test_immediately_available_says_when_not_how_fast() -> None:
    # Trial CJ (2026-12-06); the labels count none of 7 such sentences as weasel.
    assert _weasel("The framework is immediately available through three deployment options.") == []
    assert _weasel("Shelfwise is available immediately to every store.") == []
    # How fast, not from when (review of 2026-12-06): reported, as a hint (hint-words; 2 of 11
    # such warnings judged right in the user trials).
    assert _weasel("Owners see the order immediately.") == [("immediately", wbl.Severity.INFO)]
    speed = "Sales figures are immediately available after every sale."
    assert _weasel(speed) == [("immediately", wbl.Severity.INFO)]


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Two things make it usable rather than merely impressive.", []),
        ("Owners get a plain report instead of a seamless demo.", []),
        ("It is seamless rather than clunky.", ["seamless"]),  # the claim comes before "rather than"
    ],
)
def test_what_rather_than_sets_aside_is_no_claim(sentence, flagged):
    """A user trial: "usable rather than merely impressive" disclaims the praise."""
    assert [word for word, _ in _weasel(sentence)] == flagged


@pytest.mark.parametrize(
    "sentence",
    [
        "Slipway gives owners instant confirmation instead of significantly longer waits.",
        "Rather than many hours, booking now takes seconds.",
    ],
)
def test_rather_than_disclaims_praise_only(sentence):
    """A count, a hedge or an intensifier after "rather than" still describes the alternative vaguely (review)."""
    assert any(severity is wbl.Severity.WARNING for _, severity in _weasel(sentence))


def test_narration_between_a_customer_s_quotations_is_the_writer_s():
    text = _QUOTES.replace(
        '"Slipway is the easiest app I\'ve ever used, and it is beautiful," said Tom Berg, a sailor from Tacoma.',
        '"I love it," said Tom Berg, a sailor from Tacoma. Slipway is the fastest way to book a berth. '
        '"It is the easiest app," he added.',
    )
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",)))
    found = {(f.line, f.text): f.severity for f in report.findings}
    assert found[(11, "fastest")] is wbl.Severity.WARNING  # the narration
    assert found[(11, "easiest")] is wbl.Severity.INFO  # the customer's words


def test_a_count_or_an_intensifier_in_a_customer_s_quote_is_a_hint_too():
    """Rounds 12 to 25 of the user trials: 3 of 30 such warnings right. `speaker-hint-kinds` keeps
    the kinds a project wants blocked there."""
    text = _QUOTES.replace("the easiest app I've ever used, and it is beautiful", "significantly cheaper than the rest")
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",)))
    assert {f.text: f.severity for f in report.findings if f.line == 11} == {"significantly": wbl.Severity.INFO}
    praise_only = {"WB601": {"speaker-hint-kinds": ["peacock", "easy", "superlative"]}}
    report = wbl.lint_text(text, options=wbl.LintOptions(select=("WB601",), rule_options=praise_only))
    assert {f.text: f.severity for f in report.findings if f.line == 11} == {"significantly": wbl.Severity.WARNING}


def test_hint_speakers_names_leader_or_customer():
    options = wbl.LintOptions(select=("WB601",), rule_options={"WB601": {"hint-speakers": ["customers"]}})
    report = wbl.lint_text(_QUOTES, options=options)
    assert any("hint-speakers: expected 'leader' or 'customer'" in error for error in report.errors)


def test_simply_as_merely_is_told_from_a_claim_where_a_project_warns_on_simply() -> None:
    """With "simply" out of ``hint-words`` the rule still tells "merely" from a claim of ease."""
    options = wbl.LintOptions(select=("WB601",), kind="prfaq", rule_options={"WB601": {"hint-words": ["some"]}})

    def severity(sentence: str) -> list[wbl.Severity]:
        report = wbl.lint_text(f"# Slipway\n\n{sentence}\n", options=options)
        return [f.severity for f in report.findings if f.text.lower() == "simply"]

    assert severity("The durable queue simply holds the work.") == [wbl.Severity.INFO]
    assert severity("Orders were lost simply because nobody saw them.") == [wbl.Severity.INFO]
    assert severity("Checkout is simply faster.") == [wbl.Severity.WARNING]
    assert severity("Tidly simply counts your stock.") == [wbl.Severity.WARNING]


def test_a_word_said_twice_is_one_finding():
    """Trials EG and EL: "many, many" gave two warnings, the second judged a duplicate."""
    assert _weasel("There are many, many places to eat.") == [("many, many", wbl.Severity.WARNING)]
    assert _weasel("It is very very fast.") == [("very very", wbl.Severity.WARNING)]
    # The same word twice in a sentence, apart, is two claims.
    assert [word for word, _ in _weasel("Many owners and many bakers use it.")] == ["Many", "many"]


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # Round 41 (trial GA, 2026-12-07): a word of a model's name after its number is no emphasis.
        ("Benchmarks ran on one RTX 4080 SUPER with 16 GB of memory.", []),
        ("Photos come out sharp on the Galaxy S24 ULTRA in low light.", []),
        ("Checkout is SUPER fast now.", ["SUPER"]),
        ("The app is 100% SUPER fast.", ["SUPER"]),
        # An adverb, or a word before the verb, still emphasises (review of 2026-12-07).
        ("Slipway Home 3 HUGELY reduces late payments.", ["HUGELY"]),
    ],
)
def test_a_capitalised_word_of_a_model_s_name_is_no_intensifier(sentence, flagged):
    assert [word for word, _ in _weasel_in_body(sentence)] == flagged


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        # Round 41 (trial GA): the figure right after the praised thing backs the praise.
        ("Perfect schemas (100% accuracy) cover product data and sensor readings.", []),
        ("**Perfect Schemas** (100% accuracy): product data and sensor readings.", []),
        # A version or a name's digits are no figure (dev2's "lightning-fast desktop application").
        ("Grove is a lightning-fast desktop application (built on Tauri v2) for teams.", ["lightning-fast"]),
        ("Maaza writes perfect schemas for product data and sensor readings.", ["perfect"]),
        # A count, a year or a version measures nothing the word claims (review of 2026-12-07).
        ("Owners get world-class support (launched in 2023) from the harbour office.", ["world-class"]),
        ("Owners get an incredible design team (12 people) behind every berth map.", ["incredible"]),
        ("Slipway is 3x faster (3x fewer taps) than calling the harbour.", []),
    ],
)
def test_a_peacock_word_backed_by_a_figure_in_parentheses_is_no_weasel(sentence, flagged):
    assert [word for word, _ in _weasel_in_body(sentence)] == flagged


def test_praise_in_a_clause_set_against_the_pitch_is_a_hint() -> None:
    # Round 43 of the user trials: the rivals' "massive data centers", not the product's claim.
    rival = "While traditional AI models require massive data centers, Slipway runs on the phone you own."
    assert _weasel(rival) == [("massive", wbl.Severity.INFO)]
    unlike = "Unlike legacy tools that prioritize rapid setup, Slipway checks every berth twice."
    assert _weasel(unlike) == [("rapid", wbl.Severity.INFO)]
    # "while" with no subject of its own is the product's doing at the same time: still the pitch.
    same_time = "Slipway books berths in one tap while maintaining superior safety records."
    assert _weasel(same_time) == [("superior", wbl.Severity.WARNING)]
    # The contrast names the product or the company: its own praise.
    own = "While our team built a powerful engine, boat owners still book by phone."
    assert _weasel(own) == [("powerful", wbl.Severity.WARNING)]
    # The product under a pronoun or its kind of thing, and a "while" of time (review of round 43).
    assert _weasel("While it is powerful, Slipway stays simple.") == [("powerful", wbl.Severity.WARNING)]
    assert _weasel("While the app is easy to set up, Slipway asks for a boat name.") == [("easy", wbl.Severity.WARNING)]
    temporal = "Slipway books the berth while the skipper effortlessly snaps one photo."
    assert _weasel(temporal) == [("effortlessly", wbl.Severity.WARNING)]
    # Rivals with "there are", or as a kind of product in the plural (review of round 44).
    there = "While there are plenty of powerful booking tools, none of them knows the tides."
    assert ("powerful", wbl.Severity.INFO) in _weasel(there)
    rivals = "While existing booking platforms are powerful, they take weeks to set up."
    assert _weasel(rivals) == [("powerful", wbl.Severity.INFO)]


def test_speed_that_qualifies_an_adjective_is_a_hint() -> None:
    # Round 44 of the user trials: "instantly legible" says how plain, not how fast.
    plain = "The desktop is instantly legible to anyone who used a computer in 2003."
    assert _weasel(plain) == [("instantly", wbl.Severity.INFO)]
    assert _weasel("Slipway loads instantly on any phone.") == [("instantly", wbl.Severity.WARNING)]
    # How soon something can be had is speed (review of round 44).
    ready = "Every confirmed booking is instantly available on the harbour tablet."
    assert _weasel(ready) == [("instantly", wbl.Severity.WARNING)]


def test_a_duration_written_as_a_modifier_backs_a_claim_of_speed() -> None:
    # Round 45 of the user trials: "Rapid 30-Second Batch Entry" gives the time it takes.
    assert _weasel_in_body("Rapid 30-Second Batch Entry") == []
    assert _weasel_in_body("Slipway offers a rapid 5-minute setup.") == []
    assert _weasel_in_body("Slipway offers a rapid setup.") == [("rapid", wbl.Severity.WARNING)]
    # Days are a window or a term, not the time the claim takes (review of round 45).
    term = "Skippers get instant refunds under our 30-day money-back guarantee."
    assert _weasel_in_body(term) == [("instant", wbl.Severity.WARNING)]


def test_a_listed_word_written_with_non_breaking_hyphens_counts() -> None:
    # Round 48 of the user trials: "state‑of‑the‑art" with U+2011 was not flagged.
    text = "# Relay launches today\n\nRelay is a state\u2011of\u2011the\u2011art checkout for shops.\n"
    assert _weasel(text) == [("state\u2011of\u2011the\u2011art", wbl.Severity.WARNING)]


def test_a_letter_s_sign_off_is_no_peacock_word():
    # A second review of round 50's change: "With best wishes" on a line of its own, now a sentence.
    text = "# Acme launches Kettle\n\nOrder Kettle today.\n\nWith best wishes from the whole team\nThe Kettle Team\n"
    report = wbl.Linter(wbl.LintOptions(kind="prfaq", select=("WB601", "WB621"))).lint_text(text, "x.md")
    assert [f.text for f in report.findings] == []
    assert _weasel("It is the best oven for bakers.") != []


@pytest.mark.parametrize(
    "sentence",
    [
        "Marinas audit their berths often once a month or quarter.",
        "Owners check the tide often, twice a day.",
        "Harbour masters frequently, every week, walk the pontoons.",
    ],
)
def test_a_frequency_word_with_its_rate_stated_is_no_weasel(sentence):
    # Round 55 of the user trials: "often once a month or quarter" says how often.
    assert _weasel_in_body(sentence) == []
    vague = sentence.split(" once")[0].split(" twice")[0].split(", every")[0] + "."
    assert [w for w, _ in _weasel_in_body(vague)]
