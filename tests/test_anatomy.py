"""The PR/FAQ anatomy (wbl.anatomy) on the layouts real PR/FAQs use. The examples are made up;
each stands for a kind of layout a reviewer met in real documents."""

from __future__ import annotations

import textwrap

import pytest

from wbl.anatomy import (
    KIND_TEXT_CHARACTERS,
    Anatomy,
    _organisations,
    alias_part,
    cue_hits,
    data,
    dateline_span,
    is_back_matter,
    is_title,
    kind_words,
    names_the_genre,
    product_words,
    question_audience,
    split_sentences,
    template_prompt,
)
from wbl.document import build_document
from wbl.engine import Linter, LintOptions
from wbl.markdown import parse
from wbl.source import SourceText
from wbl.textutil import REMEMBERED_TEXT


def anatomy_of(markdown: str, path: str = "doc.md") -> Anatomy:
    text = textwrap.dedent(markdown).lstrip()
    source = SourceText(text)
    return build_document(path, source, parse(source.text)).anatomy


def lines(anatomy: Anatomy) -> dict[str, int]:
    return {name: part.line for name, part in anatomy.parts.items()}


PLAIN_RELEASE = """
    # Leakline tells landlords about a leak before the ceiling stains

    Property managers hear about water damage the day it starts, not the week after.

    SEATTLE, WA — March 3, 2027 — Today Dripworks launched Leakline, a sensor service that warns
    landlords of a leak within minutes, wherever their buildings are.

    Most landlords hear about a leak only when the tenant downstairs sees the stain. By then the
    joists are wet, the repair costs thousands and the tenant is angry.

    Leakline puts a coin-sized sensor under every sink and water heater. When it feels water it texts
    the landlord and the plumber on call, with the unit number and a photo of the floor plan.

    "We built Leakline after a burst pipe cost one of our buildings $40,000," said Ana Reyes, CEO of
    Dripworks.

    "I got the text at 2 a.m., the plumber was there by 3, and nobody downstairs noticed a thing,"
    said Tom Baker, who manages 40 apartments in Tacoma.

    Landlords can sign up today at leakline.example; the first month is free.
    """


def test_a_release_without_headings_has_every_part_by_position_and_wording() -> None:
    found = lines(anatomy_of(PLAIN_RELEASE))
    assert found["headline"] == 1
    assert found["subheading"] == 3
    assert found["dateline"] == found["summary"] == 5
    assert found["problem"] == 8
    assert found["solution"] == 11
    assert found["leader_quote"] == 14
    assert found["customer_quote"] == 17
    assert found["call_to_action"] == 20


def test_a_problem_opening_with_today_after_the_summary() -> None:
    anatomy = anatomy_of(
        """
        # Rota books a clinic's nurses in one place

        BOSTON — June 1, 2027 — Today Rota launched a scheduling service for small clinics.

        Today, clinics with this problem juggle spreadsheets, group texts and a paper calendar, and each
        option falls short because nobody can see who is free next Tuesday.

        Rota shows every nurse's shifts on one page and fills a gap with one tap.
        """
    )
    assert lines(anatomy)["problem"] == 5


def test_bold_run_in_labels_name_the_parts() -> None:
    found = lines(
        anatomy_of(
            """
            # Pantry Pal plans a week of dinners from what is in the fridge

            **The problem.** Families throw away a quarter of the food they buy because nobody knows
            what is in the fridge on Thursday.

            **Solution:** Pantry Pal reads your receipts and plans dinners around what will spoil first.
            """
        )
    )
    assert found["problem"] == 3
    assert found["solution"] == 6


def test_press_release_heading_with_the_headline_below_it() -> None:
    anatomy = anatomy_of(
        """
        # Press Release

        ## Ledgerly closes the books in a day for small accounting firms

        NEW YORK — May 5, 2027 — Ledgerly today launched month-end closing for firms of ten people or fewer.
        """
    )
    assert anatomy["headline"] is not None and anatomy["headline"].line == 3
    assert anatomy.kind == "press_release"


def test_call_to_action_as_last_paragraph_without_heading() -> None:
    anatomy = anatomy_of(PLAIN_RELEASE)
    assert anatomy["call_to_action"] is not None
    assert "sign up today" in anatomy["call_to_action"].text


def test_quotes_in_block_quotes_signed_below_and_introduced_before() -> None:
    anatomy = anatomy_of(
        """
        # Rota books a clinic's nurses in one place

        BOSTON — June 1, 2027 — Today Rota launched a scheduling service for small clinics.

        Maria Lopez, head nurse at a clinic in Quincy, put it this way:

        > "I used to spend Sunday night on the schedule. Now I spend five minutes."

        > "Clinics told us the schedule was their most hated chore, so we built Rota to end it."
        >
        > — Sam Ortiz, founder of Rota
        """
    )
    speakers = {q.speaker: q for q in anatomy.quotes}
    assert speakers["customer"].attribution.startswith("Maria Lopez")
    assert speakers["leader"].attribution.startswith("Sam Ortiz")


def test_words_spoken_in_a_story_are_no_quotation() -> None:
    # The solution tells what the customer does and says; the leader's quotation comes after it.
    release = PLAIN_RELEASE.replace(
        "Leakline puts a coin-sized sensor",
        'To check a unit, the plumber opens the app and says "show me flat four." Leakline puts a coin-sized sensor',
    )
    anatomy = anatomy_of(release)
    assert [q.text.split()[:3] for q in anatomy.quotes] == [["We", "built", "Leakline"], ["I", "got", "the"]]
    assert lines(anatomy)["leader_quote"] == 14


def test_a_quote_attributed_by_role_only_is_still_a_quote() -> None:
    anatomy = anatomy_of(
        """
        # Rota books a clinic's nurses in one place

        [CITY, STATE] – [DATE] – Today Rota launched a scheduling service for small clinics.

        "The schedule used to eat my Sunday," said a head nurse at a pilot clinic.
        """
    )
    assert anatomy.kind in ("press_release", "prfaq")
    assert anatomy["customer_quote"] is not None
    assert anatomy["dateline"] is not None and anatomy["dateline"].placeholder


@pytest.mark.parametrize(
    ("attribution", "name"),
    [
        # The sentence's capital on a word that qualifies the role is no name (round 36 of the
        # user trials).
        ("Bakery owner", None),
        ("Embedded systems engineer", None),
        ("Kettle team", None),
        ("Bar owner, Shelly", "Shelly"),  # a name after a comma or the role is still found
        ("Beta user Tom", "Tom"),
        # A role in title case looks like a name ("Adam Driver", "Li Fan"): it stays one (review
        # of 2026-12-06), and so do names before separators and clauses.
        ("Beta Tester", "Beta"),
        ("Li Fan", "Li"),
        ("Wei Fan, bakery owner", "Wei"),
        ("Sam · Founder", "Sam"),
        ("Raj who owns a shop in Leeds", "Raj"),
        ("Tom on the Acme team", "Tom"),
        ("Ana Lee, bakery owner", "Ana Lee"),
        ("Tom the baker", "Tom"),
        ("Lars, founder", "Lars"),
    ],
)
def test_a_role_set_in_capitals_names_no_one(attribution: str, name: str | None) -> None:
    from wbl.anatomy import _who, data

    assert _who(attribution, data()["quotes"])[0] == name


def test_a_quote_signed_by_a_role_alone_is_unattributed() -> None:
    import wbl

    text = (
        "# Kettle Lets Small Bakeries Take Pre-Orders\n\n"
        "PORTLAND, OR, June 2, 2027 — Today Harbor Labs launched Kettle for bakery owners.\n\n"
        '> *"I used to bin two trays of croissants every Monday. Now I bake 48 and sell 48."*\n'
        "> — Bakery owner\n"
    )
    options = wbl.LintOptions(select=("WB801",), kind="press_release")
    [finding] = wbl.lint_text(text, "t.md", options=options).findings
    assert finding.text == "Bakery owner" and "not a named person" in finding.message


@pytest.mark.parametrize(
    ("signature", "name"),
    [
        ("— Beta Tester, Music Producer", None),  # the release writes "beta testers" and "music"
        ("— Adam Driver, bakery owner", "Adam"),  # "adam" is written nowhere in lower case
        ("— Bar goer, Thomas", "Bar"),  # a name after the comma: not all common words
    ],
)
def test_a_role_in_title_case_is_no_name_when_the_release_writes_its_words(signature: str, name: str | None) -> None:
    anatomy = anatomy_of(
        f"""
        # SampleMind Sorts Music Samples Offline

        OSLO, October 20, 2025 — Today SampleMind launched for music producers, after 500 beta testers tried it.

        > "Finally, an AI tool that does not upload my unreleased music to the cloud."
        > {signature}
        """
    )
    assert [q.name for q in anatomy.quotes] == [name]


def test_a_lead_in_over_the_quotations_of_a_quote_section_is_no_quote() -> None:
    """Under "### Customer Testimonials", "Early adopters have reported big improvements:" introduces
    the quotations below it; it is no quotation itself (round 36 of the user trials)."""
    anatomy = anatomy_of(
        """
        # Kettle Lets Small Bakeries Take Pre-Orders

        PORTLAND, OR, June 2, 2027 — Today Harbor Labs launched Kettle for bakery owners.

        ### Customer Testimonials

        Early adopters of the platform have reported big improvements:

        "I bake 48 croissants and sell 48," said Ana Lee, owner of Crumb.
        """
    )
    assert [q.name for q in anatomy.quotes] == ["Ana Lee"]


def test_a_part_s_label_left_where_the_speaker_goes_names_no_one() -> None:
    # A user trial: '"..." - Academic Quote.' was read as signed by someone called Academic Quote.
    anatomy = anatomy_of(
        """
        # Greenline teaches software teams to cut their carbon

        Greenline is a free course for developers who want software that uses less energy.

        "I would like every student who learns to code to learn this too." - Academic Quote.

        "Our team cut the energy our servers use by a third." - Dana Ruiz, CTO at Acme
        """
    )
    assert [q.name for q in anatomy.quotes] == [None, "Dana Ruiz"]
    # The product's name and a role: a team's voice, no person named ("— Jupyter Developer").
    team = anatomy_of(
        """
        # Bifrost turns a dataset into a chart in seconds

        Bifrost is a free notebook extension that recommends charts for the columns you pick.

        > "It is so much easier to find a correlation and get into the flow." —**Bifrost Developer**
        """
    )
    assert [(q.name, q.role) for q in team.quotes] == [(None, "Developer")]
    # A person the release names keeps the name, a leader's role or a label's word in it and all.
    people = anatomy_of(
        """
        # Maya Chen launches Quillbox, a notebook for field biologists

        Quillbox keeps a biologist's field notes, photos and GPS points in one place.

        "We built it for the days without signal," said Maya, Quillbox's founder.

        "I log a whole transect in one go." - Dana Ruiz, founder of Fast Quotes
        """
    )
    assert [q.name for q in people.quotes] == ["Maya", "Dana Ruiz"]


def test_a_line_in_single_quotation_marks_signed_with_a_dash_is_a_quote() -> None:
    anatomy = anatomy_of(
        """
        # Spread Joy sends a kind word to a stranger

        Spread Joy lets anyone send a message of joy to a stranger and get one back.

        > 'We only hope to make it safe and easy to pass on a little hope' - JD, founder

        > 'In lockdown I felt alone, and it's nice to hear from a stranger' - Robin, a nurse

        It's free: send your first message today at spreadjoy.example.com.
        """
    )
    assert [(q.speaker, q.attribution) for q in anatomy.quotes] == [
        ("leader", "JD, founder"),
        ("customer", "Robin, a nurse"),
    ]
    # An apostrophe is not a quotation mark: a line opening with one holds no quote.
    assert anatomy_of("# A\n\n'90s music is back, and it's great - Sam was right.\n").quotes == ()


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("Maria Lopez, who owns six units in Salem", "customer"),  # described by what she does
        ("Maria Lopez, who founded Tallyhome", "leader"),
        ("Maria Lopez, who leads the Tallyhome team", "leader"),
    ],
)
def test_someone_introduced_by_what_they_do_is_the_customer(attribution: str, speaker: str) -> None:
    anatomy = anatomy_of(
        f"""
        # Tallyhome tells landlords about a leak the morning it starts

        SALEM, OR — June 1, 2027 — Today Tallyhome launched water sensors for small landlords.

        "We lost two months of rent on one flooded unit last year," said {attribution}.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == [speaker]


def test_a_part_s_label_in_a_list_of_labelled_features_names_a_feature() -> None:
    # Trial CK (2026-12-06): "- **User Reviews**: ..." in a features list was the customer quote.
    anatomy = anatomy_of(
        """
        # Whitstable.shop Puts Every Independent Shop on One Map

        Today Whitstable.shop launched a guide to the town's independent shops for visitors.

        - **Shop Directory**: Over 80 independent businesses with opening hours
        - **User Reviews**: Community-driven ratings and reviews
        - **Interactive Map**: Find shops and get directions
        - **Events Calendar**: Local markets, festivals and community events
        """
    )
    assert anatomy.quotes == () and "customer_quote" not in anatomy.parts
    # A labelled quote among facts still quotes someone (review of 2026-12-06).
    facts = anatomy_of(
        """
        # Shelfwise Lets Bookstores Sell More Books

        Today Northwind launched Shelfwise for independent bookstore owners.

        - **Price**: $29 a month per store, with the first month free.
        - **Customer Quote**: Shelfwise found forty sales a month. — Dana Ruiz, owner of Ruiz Books
        - **Launch cities**: Seattle, Portland and Tacoma.
        - **Team size**: Twelve people.
        - **Stores in the pilot**: Forty.
        """
    )
    assert [q.speaker for q in facts.quotes] == ["customer"]


def test_a_web_address_in_an_attribution_names_no_customer() -> None:
    # Trial CK (2026-12-06): the "shop" of "whitstable.shop" made its creator a customer.
    anatomy = anatomy_of(
        """
        # Whitstable.shop Puts Every Independent Shop on One Map

        Today Whitstable.shop launched a guide to the town's independent shops for visitors.

        "I wanted to build something that celebrates our high street," said [FOUNDER NAME], creator of whitstable.shop.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader"]


def test_the_team_and_company_leadership_speak_for_the_company() -> None:
    # Trial CF and CH (2026-12-06): "the team noted" for a product that serves engineering teams,
    # and a role with no article after the verb ("noted company leadership"), were customers.
    anatomy = anatomy_of(
        """
        # StackAudit Shows Engineering Teams What Their AI Tools Cost

        Today StackAudit launched a spending report for engineering teams.

        "Budget season is here, and CFOs ask what the AI tools bought," the team noted.

        "Your code never leaves your laptop," noted company leadership.
        """
    )
    assert [(q.speaker, q.attribution) for q in anatomy.quotes] == [
        ("leader", "the team"),
        ("leader", "company leadership"),
    ]
    # A team the release is for, named by its trade, is still the customer.
    accounting = anatomy_of(
        """
        # Ledgerly Closes the Books for Accounting Teams at Independent Bookstores

        Today Ledgerly launched a month-end tool for accounting teams at independent bookstores.

        "We close the books two days sooner," said the accounting team.
        """
    )
    assert [q.speaker for q in accounting.quotes] == ["customer"]


@pytest.mark.parametrize(
    ("introduction", "speaker"),
    [
        ("Raj Sam, a DevOps engineer, reviews a dozen changes a day.", "customer"),
        ("Raj Sam, the CTO of ChangeRisk, reviews a dozen changes a day.", "leader"),
        ("Raj Sam, a developer at ChangeRisk, reviews a dozen changes a day.", "leader"),  # the launcher's
        ("Raj Sam, an early employee, reviews a dozen changes a day.", "leader"),
        ("Raj Sam, a software engineer who built the risk model, reviews a dozen changes a day.", "leader"),
    ],
)
def test_a_person_the_release_introduces_by_what_they_do_is_the_customer(introduction: str, speaker: str) -> None:
    # Trial CG (2026-12-06): the persona the story follows, quoted by name alone, was the leader
    # (its "we" sounds like the company's).
    anatomy = anatomy_of(
        f"""
        # ChangeRisk Tells Engineers How Risky a Change Is Before It Ships

        Today ChangeRisk launched a change-risk advisor.

        {introduction} Each change now comes with its risk.

        "We kept shipping risky changes, and now we see the risk first," said Raj Sam.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == [speaker]


def test_a_role_the_release_names_in_lower_case_is_not_the_launcher_s_name() -> None:
    # "Technical Blogger" is the audience the headline names, not a person who launches it.
    anatomy = anatomy_of(
        """
        # Draftwise Helps Technical Bloggers Publish Every Week

        Today Draftwise launched a writing tool for technical bloggers who have notes but no time.

        > "The gap between an idea and a post is where we lose writers," said Ana Ortiz, who created Draftwise.

        > "I used to spend more time organizing than writing. Now I drop in my notes and publish."
        > — Solo Technical Blogger
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "customer"]


@pytest.mark.parametrize(
    ("signature", "speaker", "attribution"),
    [
        ("— ifuensan, Creator", "leader", "ifuensan, Creator"),  # a user name in lower case, then a role
        ("— Development team lead at a mid-size SaaS company", "customer", None),  # some company, not ours
        ("— Dana Ruiz, Tech Lead at Tallyhome", "leader", None),
    ],
)
def test_a_block_quote_signed_on_its_own_line(signature: str, speaker: str, attribution: str | None) -> None:
    anatomy = anatomy_of(
        f"""
        # Tallyhome tells landlords about a leak the morning it starts

        SALEM, OR — June 1, 2027 — Today Tallyhome launched water sensors for small landlords.

        > "We kept losing rent to floods nobody saw until the ceiling came down."
        > {signature}
        """
    )
    assert [q.speaker for q in anatomy.quotes] == [speaker]
    assert attribution is None or anatomy.quotes[0].attribution == attribution


def test_a_bold_name_and_role_over_a_quotation_attribute_it_and_a_label_naming_the_part_does_not() -> None:
    anatomy = anatomy_of(
        """
        # Tidy fills cancelled clinic appointments

        Acme today launched Tidy, a scheduling app that helps clinic schedulers fill cancelled slots.

        **Dana Ruiz, CEO, Acme:**
        "We built Tidy because our own clinic lost forty appointments a month to late cancellations."

        **[Customer Name], Scheduler, [Clinic]:**
        "Before Tidy I spent my mornings on the phone, and now the waiting list fills the gaps for me."

        **Customer Quote:**
        "I used to dread Monday mornings, and now the gaps in my schedule fill themselves."

        **Dr. Lee Park (Lead Researcher):**
        > "Every slot we fill is a patient seen a week sooner, and the clinic keeps the fee."
        """
    )
    assert [(q.attribution, q.name, q.placeholder) for q in anatomy.quotes] == [
        ("Dana Ruiz, CEO, Acme", "Dana Ruiz", False),
        ("[Customer Name], Scheduler, [Clinic]", None, True),
        ("", None, False),
        ("Dr. Lee Park (Lead Researcher)", "Dr Lee Park", False),
    ]


@pytest.mark.parametrize(
    ("attribution", "organisations"),
    [
        ("Adam Van Antwerp, Scrum Master", []),  # a job, not an organisation
        ("Elizabeth Tang, Biology Teacher", []),
        ("Jane Smith, CEO of Health Solutions Inc", ["Health Solutions Inc"]),
        ("Dr. Ruiz, Chief of Surgery at Boston Medical Center", ["Surgery", "Boston Medical Center"]),
        ("Sam Lee, VP, Ministry of Government", ["Government"]),
    ],
)
def test_a_job_title_after_the_name_is_not_an_organisation(attribution: str, organisations: list[str]) -> None:
    assert _organisations(attribution) == organisations


def test_the_team_s_scrum_master_speaking_for_we_is_the_leader() -> None:
    anatomy = anatomy_of(
        """
        # InkWell helps writers past writer's block

        InkWell lets writers ask a community for ideas when a story stalls.

        > "We made InkWell so no writer is stuck alone. We saw that writing is lonely." -Adam Van Antwerp, Scrum Master

        > "Writer's block sucks! Now I get ideas in minutes." -Roger Harding, a novelist in Ohio
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "customer"]


FAQ_LAYOUTS = """
    # Rota PR/FAQ

    ## Press release

    BOSTON — June 1, 2027 — Today Rota launched a scheduling service for small clinics.

    ## Customer Questions

    **How much does it cost?**
    $40 a month per clinic.

    **Can I import my spreadsheet?**

    **Short answer:** yes.

    **Long answer:** Rota reads Excel and Google Sheets files with any column order.

    Q: Does it work on phones?

    > Yes, on iOS and Android.

    ## Stakeholder FAQs

    ### Q: How big is the market?

    There are 9,000 clinics of under 20 nurses in the US.

    ### Why should we not build this?

    TBD
    """


def test_faq_questions_and_answers_in_common_layouts() -> None:
    anatomy = anatomy_of(FAQ_LAYOUTS)
    questions = {q.text: q for q in anatomy.questions}
    assert questions["How much does it cost?"].answer_text == "$40 a month per clinic."
    import_question = questions["Can I import my spreadsheet?"]
    assert "Excel" in import_question.answer_text and import_question.answered
    assert questions["Does it work on phones?"].answer_text == "Yes, on iOS and Android."
    assert questions["How big is the market?"].audience == "internal"
    assert not questions["Why should we not build this?"].answered
    assert {q.audience for q in anatomy.questions[:3]} == {"external"}
    assert anatomy.present("external_faq") and anatomy.present("internal_faq")
    assert anatomy.present("big_idea") and anatomy.present("pre_mortem")


@pytest.mark.parametrize(
    ("heading", "audience"),
    [("Customer Questions", "external"), ("Stakeholder FAQs", "internal"), ("Internal Questions", "internal")],
)
def test_faq_headings_name_their_half(heading: str, audience: str) -> None:
    anatomy = anatomy_of(
        f"""
        # Rota

        BOSTON — June 1, 2027 — Today Rota launched a scheduling service for small clinics.

        ## {heading}

        ### What does it do?

        It books shifts.
        """
    )
    assert anatomy.questions[0].audience == audience
    assert anatomy.questions[0].unit.part == "faq"


def test_unsplit_faq_questions_are_placed_by_who_asks() -> None:
    assert question_audience("How do I cancel my subscription?") == "external"
    assert question_audience("Why should we build this now?") == "internal"
    assert question_audience("Why reimplement instead of wrapping the existing library?") == "internal"
    assert question_audience("What is the ROI?") == "internal"
    # What could make it fail is the pre-mortem, a stakeholder's question, unless a customer asks it.
    assert question_audience("Q: What's the riskiest assumption here?") == "internal"
    assert question_audience("What if it doesn't work with my printer?") == "external"
    # What has to go right is the plan to succeed, a stakeholder's question too.
    assert question_audience("What has to be true for FieldShare to succeed?") == "internal"
    assert question_audience("Why is St. Aldric building this now?") == "internal"
    assert cue_hits("What must go right for this to succeed?", data()["bezos"]["plan_to_succeed"])
    # Round 58 (dev2's 64-archie-publish.md, labelled with an unsplit internal FAQ): the team weighs
    # whether it can build and afford the thing; whether customers want it stays theirs.
    assert question_audience("Is it feasible?") == "internal"
    assert question_audience("Is it viable — what does it cost us to run?") == "internal"
    assert question_audience("Is it usable — how fast is the first run?") == "external"
    # A customer asks whether it is feasible or viable for them (a fresh-eyes review).
    assert question_audience("Is it feasible to install Leakline myself, without an electrician?") == "external"
    assert question_audience("Is Leakline viable for a landlord with a single rental unit?") == "external"


def test_plain_text_document_is_read_line_by_line() -> None:
    anatomy = anatomy_of(
        """
        PRESS RELEASE
        Ledgerly Launches Month-End Close for Small Accounting Firms
        Close the books in a day, not a week.
        NEW YORK – May 5, 2027 – Ledgerly today launched month-end closing for firms of ten people or fewer.
        The problem: small firms spend a week each month chasing receipts and reconciling accounts by hand.
        The solution: Ledgerly matches receipts to transactions as they arrive.
        """
    )
    found = lines(anatomy)
    assert found["headline"] == 2
    assert found["subheading"] == 3
    assert found["dateline"] == 4
    assert found["problem"] == 5
    assert found["solution"] == 6


def test_readme_is_other_markdown() -> None:
    anatomy = anatomy_of(
        """
        # fastcsv

        A fast CSV parser for Python.

        ## Installation

        ```sh
        pip install fastcsv
        ```

        ## Usage

        ```python
        import fastcsv
        rows = fastcsv.read("data.csv")
        ```

        ## Contributing

        Pull requests are welcome. Run the tests with `pytest` before you open one.

        ## License

        MIT
        """,
        path="README.md",
    )
    assert anatomy.kind == "other"
    assert not anatomy.is_prfaq


def test_a_sentence_alone_is_a_fragment() -> None:
    assert anatomy_of("Our platform leverages Kafka to stream events.").kind == "fragment"


def test_a_file_named_as_a_prfaq_is_one() -> None:
    assert anatomy_of("# Draft\n\nSome notes to fill in later about the product.\n", path="docs/PRFAQ.md").is_prfaq


UX_SPEC = """# Working Backwards: The Single Server User Experience

This document describes the user experience we want for Single Server before every piece of it
exists. Treat it as both user documentation and a product roadmap.

## The Ideal Outcome

A user should be able to provision a new server and deploy their first app with one SSH session:

```sh
ssh root@203.0.113.10
singleserver add https://github.com/you/my-app
```

## Concepts

Single Server has a few moving parts: the server, the daemon and the apps it runs.

## Roadmap

Build the installer first, then the deploy command, then the domain manager.
"""


def test_the_method_s_name_alone_does_not_make_a_spec_with_commands_a_prfaq() -> None:
    # "Working Backwards" names the method, not the genre: over commands and a roadmap the kind
    # model decides, as for any other title (a user trial's UX spec drew 68 false warnings).
    for path in ("docs/ux.md", "docs/working-backwards.md"):
        assert anatomy_of(UX_SPEC, path=path).kind == "other"
    # The genre's own name still decides.
    named = anatomy_of(UX_SPEC, path="docs/PRFAQ.md")
    assert named.kind == "press_release" and named.kind_sure
    titled = anatomy_of(UX_SPEC.replace("Working Backwards:", "Press Release:"))
    assert titled.kind != "other" and titled.kind_sure
    # A PR/FAQ titled with the method's name, laid out in the genre's parts or asking its
    # questions, is one, README signs ("## Overview", a code block) and all.
    prfaq = (
        "# Working Backwards: Faster Test Runs for the Mobile Team\n\n## Overview\n\n"
        "Mobile engineers get test results in 4 minutes instead of 22.\n\n```sh\nmake test-fast\n```\n\n"
        "## Problem\n\nEvery pull request waits 22 minutes for the full test suite.\n\n"
        "## Solution\n\nThe runner splits the suite across 8 machines.\n\n"
        "## FAQ\n\n### What does it cost?\n\nEight more CI machines, about $1,200 a month.\n"
    )
    for path in ("docs/plan.md", "docs/working-backwards.md"):
        anatomy = anatomy_of(prfaq, path=path)
        assert anatomy.kind == "prfaq" and anatomy.kind_sure, path


FAQ_UNDER_A_HEADLINE = """# Shelfwise lets independent bookshops reorder in one click

## FAQ

### Who is this for?

Owners of independent bookshops who reorder stock by hand every week.

### How much does it cost?

Shelfwise costs $29 a month per shop, with a free first month.
"""


def test_a_file_named_for_a_document_about_a_prfaq_is_judged_by_its_content() -> None:
    # A user trial: an engineering plan named "prfaq-v0.1.plan.md" drew 16 false warnings.
    plan = "# Goal\n\nAdd a PR/FAQ page to the docs site.\n\n## Steps\n\n1. Draft the page.\n2. Review it.\n"
    assert anatomy_of(plan, path="docs/plans/prfaq-v0.1.plan.md").kind in ("other", "fragment")
    assert anatomy_of(plan, path="docs/reconcile-prfaq.md").kind in ("other", "fragment")
    # A product's name beside the genre's still names the file.
    assert anatomy_of(FAQ_UNDER_A_HEADLINE, path="docs/healthmesh_prfaq.md").kind_sure
    assert anatomy_of(FAQ_UNDER_A_HEADLINE, path="docs/prfaq-planner.md").kind_sure


def test_a_file_named_prfaq_whose_release_is_a_headline_is_a_prfaq_missing_its_release() -> None:
    assert anatomy_of(FAQ_UNDER_A_HEADLINE, path="notes/faq.md").kind != "prfaq"
    named = anatomy_of(FAQ_UNDER_A_HEADLINE, path="docs/PRFAQ.md")
    assert named.kind == "prfaq" and named.kind_sure
    assert {"summary", "problem", "solution"} <= set(named.missing(["summary", "problem", "solution"]))
    # A name that promises only one half does not promise the other.
    assert anatomy_of(FAQ_UNDER_A_HEADLINE, path="docs/press-release.md").kind == "faq"


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("SEATTLE, WA — March 3, 2027 — Today Northwind launched", "SEATTLE, WA — March 3, 2027"),
        ("**BENGALURU:** DispatchDesk today launched an assistant", "BENGALURU"),
        ("**PALO ALTO, Calif., April 30, 2026.** Allegion today launched", "PALO ALTO, Calif., April 30, 2026"),
        ("[CITY, STATE] – [DATE] – Lifesaver Labs announced", "[CITY, STATE] – [DATE]"),
        ("Bangkok — Today, EventSphere announced", "Bangkok"),
        ("BDD-first: Gherkin specs drive implementation.", None),
        ("CHANGELOG: feat(pipes): add support", None),
        ("Historically, Ruby-centric teams used Rails.", None),
        ("**OSLO — May 4, 2026** (earlier in some time zones) — Today, Fjord launched", "OSLO — May 4, 2026"),
        ("**SAN DIEGO** — Tidewell is a tide-chart app for kayakers", "SAN DIEGO"),
        ("**NOTE** — this draft is out of date", None),
        ("**Tidewell** — the tide-chart app for kayakers", None),
        ("**Executive Summary:** Today we will discuss the product idea", None),  # a part's label
        # A user trial: an invitation that ends in "today" is no news after a place.
        ("Consumers: just head to our website today and start browsing", None),
        ("Seattle: Acme Labs today announced Kettle", "Seattle"),
        # A year in a sentence is no date of a dateline; a title-cased clause is no place.
        ("We didn't just build MBASIC 2025. We documented every command.", None),
        ("github.com/acme/kettle — September 2026. Kettle is now public.", "github.com/acme/kettle — September 2026"),
        ("The Wait Is Over — Run Vintage BASIC Programs TODAY in Your Browser", None),
        # What the review of those changes checked: names before "today" and places that hold a
        # word like "can", a time of day or a season after the date.
        ("Seattle: Acme and Bolt today announced Kettle.", "Seattle"),
        ("SAN JOSE: eBay today announced Kettle.", "SAN JOSE"),
        ("Seattle: the Acme team today launched Kettle.", "Seattle"),
        ("Can Tho, Vietnam — Acme today launched Kettle.", "Can Tho, Vietnam"),
        ("NEW YORK, NY, March 3, 2027 EST. Acme launched Kettle.", "NEW YORK, NY, March 3, 2027 EST"),
        ("SEATTLE — March 3, 2027, 9 a.m. PT. Acme launched Kettle.", "SEATTLE — March 3, 2027, 9 a.m. PT"),
        ("Seattle, WA — Fall 2027. Acme launched Kettle.", "Seattle, WA — Fall 2027"),
        # Round 51 of the user trials: a sentence ends inside the "place" (a vision document's
        # "(≥ 6.3.9, CVE-2024-39698 floor) against GitHub Releases. Free, ... — critically —").
        ("(≥ 6.3.9, CVE-2024-39698 floor) against GitHub Releases. Free, no host — critically — it", None),
        # A second review of that change: a state spelled out, or a run-in label, before the date.
        ("Seattle, Washington. March 3, 2026 — Acme launched Kettle.", "Seattle, Washington. March 3, 2026"),
        ("Summary. SAN FRANCISCO, CA – March 3, 2027 – Gantry announced", "Summary. SAN FRANCISCO, CA – March 3, 2027"),
    ],
)
def test_datelines(text: str, head: str | None) -> None:
    span = dateline_span(text)
    assert (text[span[0] : span[1]] if span else None) == head


def test_a_run_in_label_for_a_one_line_part_covers_its_own_paragraph() -> None:
    """ "**Tagline:** ..." names the subheading; the dated summary after it is still the summary."""
    anatomy = anatomy_of(
        textwrap.dedent(
            """\
            # Press Release

            ## Tidewell: Tide Charts That Kayakers Can Read at a Glance

            **Tagline:** *Know the water before you launch.*

            **March 2026** — Tidewell, a tide-chart app for sea kayakers, is available today on iOS and Android.

            Kayakers who plan a crossing today juggle three websites and a printed table, and still misjudge the
            slack water.
            """
        )
    )
    assert anatomy["subheading"].segments[0].text.startswith("Tagline")
    assert anatomy["summary"].segments[0].text.startswith("March 2026")
    assert anatomy["dateline"].segments[0].text.startswith("March 2026")


@pytest.mark.parametrize(
    "mark", ["## FOR IMMEDIATE RELEASE\n**January 6, 2026**", "**FOR IMMEDIATE RELEASE**\n**January 6, 2026**"]
)
def test_a_bold_date_under_the_release_mark_is_no_headline(mark: str) -> None:
    anatomy = anatomy_of(
        f"# PRESS RELEASE\n\n{mark}\n\n---\n\n"
        "# Tidewell Launches a Tide Chart for Sea Kayakers\n\n"
        "**SEATTLE, WA** — Tidewell Labs today released Tidewell, free on iOS and Android.\n"
    )
    assert anatomy["headline"].text == "Tidewell Launches a Tide Chart for Sea Kayakers"
    assert anatomy["dateline"].text.strip("*") == "January 6, 2026"


def test_a_release_mark_that_carries_the_date_is_the_dateline() -> None:
    anatomy = anatomy_of(
        textwrap.dedent(
            """\
            # tidewell v1.0

            **For immediate release. March 18, 2026.**

            Tidewell Labs has released Tidewell, a tide-chart app for sea kayakers, free on iOS and Android.

            Kayakers who plan a crossing today juggle three websites and a printed table.
            """
        )
    )
    assert anatomy["dateline"].segments[0].text == "For immediate release. March 18, 2026."


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("On December 11, 2021, Redcar released", True),
        ("In July 2022, the foundation released", True),
        ("At COP27 in November 2022, the foundation named", True),
        ("In 2022, the foundation released", False),  # a year alone is no date of the launch
        ("Nurses who started in July 2022 wanted", False),  # a date, but not opening the release
    ],
)
def test_a_date_opening_the_release_is_a_dateline_without_its_place(opening: str, dateline: bool) -> None:
    anatomy = anatomy_of(
        f"# Redcar keeps nurses' notes\n\n## Night-shift nurses hand over in minutes\n\n"
        f"{opening} a notes app for night-shift nurses, which keeps every note in one place for the next shift.\n\n"
        "Nurses who hand over a ward at 7 a.m. rewrite the same notes three times.\n"
    )
    assert ("dateline" in anatomy.parts) is dateline


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("**New Orleans, LA** Today, the developers of FavBytes announced", True),
        ("**SEATTLE** FavBytes Inc. today announced", True),
        ("**FavBytes** today announced", False),  # a name in bold, not a place
        ("**New Orleans, LA** restaurants now let diners", False),  # a place, but no launch follows
        ("_Cambridge, MA_. A group of data scientists is converging on", True),  # closed by a full stop
    ],
)
def test_a_place_in_bold_before_today_or_closed_by_a_stop_is_the_dateline(opening: str, dateline: bool) -> None:
    anatomy = anatomy_of(f"# FavBytes remembers your favourite dishes\n\n{opening} an app for diners who forget.\n")
    assert ("dateline" in anatomy.parts) is dateline


@pytest.mark.parametrize(
    "masthead",
    [
        "**Contact:**  \nJohn Doe  \nDirector of Public Relations  \njdoe@example.com",
        "##### FROM:\n\nThe 404's\n\n##### CONTACT PERSONS:\n\nAshley Theriot",
        "Authors:\n\n- Ahmad Hamza\n- Bryan Ramos",
    ],
)
def test_a_contact_or_authors_block_under_the_release_mark_is_not_the_headline(masthead: str) -> None:
    anatomy = anatomy_of(
        "**FOR IMMEDIATE RELEASE**\n\n"
        + masthead
        + "\n\n### Health Solutions Launches a Patient Registry for Private Clinics\n\n"
        "SEATTLE, WA -- Today Health Solutions launched a patient registry that private clinics set up in a day.\n"
    )
    assert anatomy["headline"].segments[0].text.startswith("Health Solutions Launches")


def test_a_short_launch_headline_is_not_taken_for_the_document_s_title() -> None:
    # "# Product" over "## A longer line" is a title over a headline; a short line that announces
    # a launch is the headline itself, and the line under it its subheading.
    text = "# Acme Launches CloudSync 2.0\n\n## The next generation of synchronization\n\n" + (
        "SEATTLE, WA — Acme today announced CloudSync 2.0 for teams that share files.\n"
    )
    anatomy = anatomy_of(text)
    assert anatomy["headline"].segments[0].text == "Acme Launches CloudSync 2.0"
    assert anatomy["subheading"].segments[0].text == "The next generation of synchronization"
    titled = anatomy_of("# CloudSync\n\n## Teams share files in seconds, not minutes\n\n" + text.split("\n\n")[2])
    assert titled["headline"].segments[0].text == "Teams share files in seconds, not minutes"


def test_titles_that_only_name_the_genre_are_not_headlines() -> None:
    assert product_words("PR/FAQ") == []
    assert product_words("📰 Press Release (PR)") == []
    assert product_words("PyPixoo — PR FAQ (RFC-style)") == ["PyPixoo"]


def test_anatomy_follows_the_analysed_units() -> None:
    """`Document.with_analysis` makes new units; the anatomy points at them, not the old ones."""
    text = textwrap.dedent(PLAIN_RELEASE).lstrip()
    source = SourceText(text)
    document = build_document("d.md", source, parse(text))
    analysed = document.with_analysis([f"doc{i}" for i in range(len(document.units))])
    problem = analysed.anatomy["problem"]
    assert problem is not None and problem.unit is analysed.units[problem.unit.index]
    assert problem.unit.nlp == f"doc{problem.unit.index}"


@pytest.mark.parametrize(
    ("title", "names_it"),
    [
        ("PR/FAQ: Ostiari", True),
        ("Ostiari — Press Release", True),
        ("Press Release", True),
        ("Acme PRFAQ", True),
        ("Carta Clara — Press Release (Working Backwards)", True),  # a draft's remark after the name
        ("Acme PR/FAQ (draft)", True),
        ("FOR IMMEDIATE RELEASE", True),  # the embargo line heading a release
        ("Acme — For Immediate Release", True),
        ("How to write a PR/FAQ", False),  # a guide about the genre
        ("How to write a press release (a guide)", False),
        ("Review of the Q3 PR/FAQ (meeting notes)", False),  # other remarks: about the genre
        ("Writing a better PR/FAQ (notes)", False),
        ("Real PR/FAQ and press-release drafts", False),  # an index of documents
        ("prfaq-agent", False),  # a tool's name, whose README it titles
        ("pr-faq-validator", False),
        ("press_release_generator", False),
        ("PR-FAQ", True),
        ("Press-Release: Ostiari", True),
        # The genre's name as a compound's first word names something else (a scan of the corpus's
        # repositories, 2026-12-08: a validator's design document and its prompts' README).
        ("PR-FAQ Validator Prompt Tuning Infrastructure - Design Document", False),
        ("PR-FAQ Validator Prompts", False),
        ("PRFAQ Review Checklist", False),
        ("Press Release Generator", False),
        ("PR/FAQ Writing Guide", False),
        # Any other word goes on naming it: the product's name (a fresh-eyes review: "PR/FAQ
        # Ledgerline" had become other Markdown), the draft's status, its other half, its version.
        ("PR/FAQ Ledgerline", True),
        ("PRFAQ Project Phoenix", True),
        ("Press Release Announcing Smart Lockers", True),
        ("Press Release Draft — AI Workflow Manager", True),
        ("PRFAQ Working Draft", True),
        ("PR/FAQ v0.1 — qntm", True),
        ("Press Release and FAQ", True),
        ("PRFAQ for the Billing Team", True),
        ("Press Release 📰", True),
    ],
)
def test_a_title_names_the_genre_when_it_opens_or_closes_on_it(title, names_it):
    assert names_the_genre(title) is names_it


def test_a_release_titled_for_immediate_release_is_a_press_release() -> None:
    anatomy = anatomy_of(
        """
        # FOR IMMEDIATE RELEASE

        **Tallyho lets choir directors seat a concert in ten minutes**

        Choir directors spend an evening before every concert drawing seating charts by hand, and
        redo them whenever a singer drops out.

        Tallyho draws the chart from the roster and redraws it when someone cancels.

        ### Media contact

        press@tallyho.example
        """
    )
    assert anatomy.is_prfaq


def test_the_release_mark_makes_a_press_release_even_with_a_readme_s_sections() -> None:
    text = """
        # Sentinel: December release

        **FOR IMMEDIATE RELEASE**
        **December 27, 2025**

        Sentinel announces a gateway that blocks prompt attacks before they reach a company's model.

        ## Installation

        ```
        pip install sentinel
        ```

        ## Links

        See the repository.
        """
    assert anatomy_of(text).kind == "press_release"
    # The same sections without the mark are a README.
    assert anatomy_of(text.replace("**FOR IMMEDIATE RELEASE**", "")).kind == "other"


def test_a_press_release_title_outweighs_one_readme_like_heading() -> None:
    text = """
        # Press Release

        **The problem.** Parents plan the summer with three spreadsheets and still miss the camp
        sign-up dates, because every camp opens registration on a different day.

        Summerly puts every local camp's dates on one calendar and reminds parents a week ahead.

        ## Development

        We start with the camps in one town and add a town a month.
        """
    assert anatomy_of(text).kind == "press_release"
    # Without the title, a "Development" section keeps the same text out of the genre.
    assert anatomy_of(text.replace("# Press Release", "# Summerly")).kind == "other"


def test_notes_before_the_headings_over_a_dateline_are_not_the_release() -> None:
    # An author's working notes, then the release: its headline and sub-heading as headings, then
    # the dateline. The notes are not the summary.
    text = """
        **Framing chosen:** the launch is the shop's, for its local buyers and pilgrims.

        - Is Ayodhya the right launch market? Yes: the pilgrim economy mixes tourists and locals.

        # Ayodhya's Jewellers Launches a Hindi Jewellery App

        ## Browse hallmarked gold and lock today's rate for a week

        **Ayodhya, [Launch Month] 2026** — Anchor Jewellers today launched its app, so that buyers
        can see the day's gold rate and the making charge before they visit.
        """
    anatomy = anatomy_of(text)
    assert anatomy["headline"].text.startswith("Ayodhya's Jewellers Launches")
    assert anatomy["subheading"].text.startswith("Browse hallmarked gold")
    assert anatomy["summary"].text.startswith("Ayodhya, [Launch Month] 2026")
    assert anatomy["dateline"] is not None


def test_run_in_labels_that_name_three_parts_lay_out_a_release() -> None:
    # A bootcamp template filled in with each part's name run into its paragraph.
    text = """
        MailDrop Project Summary

        Heading:
        MailDrop turns your inbox into a to-do list.

        Problem:
        Busy people open the same email five times before they act on it.

        Solution:
        MailDrop shows one email at a time and asks what to do with it.

        Customer Quote:
        Now I answer my email in one sitting. -Ana
        """
    assert anatomy_of(text).kind == "press_release"
    # Labels that name fewer than three parts ("Problem", "Solution") do not make a write-up a release.
    assert anatomy_of(text.replace("Heading:", "Idea:").replace("Customer Quote:", "Feedback:")).kind == "other"


COURSE_RELEASE = """
    # A New Tool Could Warn Counties Before Dangerous Air Quality Days

    ## Hook

    County health officers learn about a bad air day when the first asthma patients reach the clinic.

    ## Problem Statement

    Warnings come a day late because sensors report averages, not what is coming.

    ## Solution Description

    The tool forecasts tomorrow's air from today's wind and fire data and emails each county a warning.

    ## Chart

    The chart compares forecast and measured air quality over one summer.
    """


def test_a_headline_summary_problem_and_solution_headings_lean_to_a_release() -> None:
    # A course's press release: a headline, a paragraph, then "Problem" and "Solution" headings.
    anatomy = anatomy_of(COURSE_RELEASE)
    assert anatomy.kind == "press_release" and not anatomy.kind_sure  # a lean: hints only
    # One of the two headings is not enough, nor are both in a README (an install command).
    assert anatomy_of(COURSE_RELEASE.replace("Solution Description", "Chart Notes")).kind == "other"
    readme = COURSE_RELEASE + "\n    ## Install\n\n    ```\n    pip install airwarn\n    ```\n"
    assert anatomy_of(readme).kind == "other"
    # A sub-heading under the headline in place of the summary paragraph leans the same way.
    subheaded = """
        # Need Help Fast? An Ambulance Might Already Be Rolling
        ## Faster care. Smarter dispatch. Lives saved.

        ## The Problem
        When someone calls for an ambulance, every second counts, and in a busy city those seconds slip away.

        ## The Solution
        The dispatch map shows traffic, hospital beds and crews in one view, so the nearest free crew goes.

        ## Chart
        """
    anatomy = anatomy_of(subheaded)
    assert anatomy.kind == "press_release" and not anatomy.kind_sure and "summary" not in anatomy.parts


SUPPORT_FAQ = """# Shelfwise FAQ

## General

### What is Shelfwise?

A reorder list for independent bookshops, kept on the shop's own computer.

### Who is it for?

Owners of independent bookshops who reorder stock by hand every week.

### Why is it local-first?

Shop owners told us they did not want their sales figures on someone else's server.

### What are the risks for the team?

Publishers may change their order forms, and the import would break.
"""


def test_the_method_s_name_over_summary_problem_and_solution_is_still_a_release() -> None:
    text = (
        "# Working Backwards: Shelfwise\n\n## Summary\n\nShelfwise gets bookshops the missing book by 10 a.m.\n\n"
        "## Problem\n\nOwners wait a week for a reorder.\n\n## Solution\n\nOne click orders it from the nearest"
        " distributor.\n"
    )
    anatomy = anatomy_of(text)
    assert anatomy.kind == "press_release" and anatomy.kind_sure


def test_questions_alone_are_an_faq_only_when_a_plain_fact_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # A product's support FAQ, an interview or a list of questions reads much as a PR/FAQ's FAQ
    # does, and the kind model gave real ones odds of 3 to 1 and more: taken for an FAQ, it gets
    # hints only, whatever the odds (7 such files blocked a hook in a sweep of 3,344 Markdown files
    # from public repositories).
    monkeypatch.setattr("wbl.anatomy.kind_score", lambda signals, words: 2.0)
    anatomy = anatomy_of(SUPPORT_FAQ, path="docs/faq.md")
    assert anatomy.kind == "faq" and not anatomy.kind_sure
    report = Linter().lint_text(SUPPORT_FAQ, "docs/faq.md")
    assert report.hints_only and all(f.severity.name.lower() == "info" for f in report.findings)
    # The file's name or its title still says so.
    assert anatomy_of(SUPPORT_FAQ, path="docs/press-release.md").kind_sure
    assert anatomy_of(SUPPORT_FAQ.replace("# Shelfwise FAQ", "# Shelfwise PR/FAQ")).kind_sure


def test_not_english_needs_another_language_not_only_few_english_words() -> None:
    from wbl.textutil import not_english

    outline = "PR/FAQ: Quillbox\n" + " ".join(
        ["Headline: Quillbox field notes offline. Problem: notes lost, photos"] * 12
    )
    assert not not_english(outline)  # terse English: few function words of any language
    german = " ".join(["Die Mitglieder planen die Termine und das Team ist mit dem Ergebnis zufrieden."] * 12)
    assert not_english(german)
    thai = "ภาษาไทยสำหรับผู้ใช้ทุกคน" * 20
    english = " ".join(["The app keeps every receipt in one place for the family."] * 20)
    assert not not_english(english + thai)  # an English release with its Thai version beside it
    vietnamese = " ".join(["Xưởng gỗ nhỏ ở Hà Nội chính thức ra mắt bộ sưu tập bàn ghế mới cho gia đình trẻ."] * 10)
    assert not_english(vietnamese)  # marked letters, no English function words: no word list needed
    # Czech writes "to" and "by" as often as English does: its own function words tell it apart.
    czech = " ".join(["Pekárna v Brně spouští aplikaci, která je pro rodiny a školy, a je to první krok."] * 8)
    assert not_english(czech)
    names = " ".join(["Zoë Ångström and José Núñez tested the app with their café staff in Malmö."] * 10)
    assert not not_english(names)  # English with accented names keeps its function words


GUIDE_TO_THE_GENRE = """
# Project Planning: The PR-FAQ Mechanism

After years of watching teams build the wrong thing, I use the PR-FAQ for big bets only.

## What is a PR-FAQ?

A press release written before the work starts, followed by the questions a reader would ask.

## When to Use PR-FAQs

New products and large bets, where the customer is not yet clear.

## Writing the Press Release

Start with the customer's problem. Keep the headline short.

## Crafting Effective FAQs

### Internal FAQ

Cover the cost, the risks and what would make the project fail.
"""


def test_a_guide_to_the_genre_is_other_markdown() -> None:
    # Its file name and its headings name the genre, but two headings take it as their topic.
    guide = anatomy_of(GUIDE_TO_THE_GENRE, path="SDLC/The_PR-FAQ.md")
    assert (guide.kind, guide.kind_sure) == ("other", True)
    # One heading asking about the genre is not enough: a PR/FAQ's FAQ may ask it of its product.
    one = GUIDE_TO_THE_GENRE.replace("## When to Use PR-FAQs", "## When to Use It")
    assert anatomy_of(one, path="SDLC/The_PR-FAQ.md").kind != "other"
    # "What's an Amazon PR/FAQ?" asks about the genre too.
    asked = GUIDE_TO_THE_GENRE.replace("## What is a PR-FAQ?", "## What's an Amazon PR/FAQ?")
    assert anatomy_of(asked, path="SDLC/The_PR-FAQ.md").kind == "other"


def test_a_readme_on_how_a_team_writes_its_pr_faqs_is_other_markdown() -> None:
    # A repository's README that explains its PR/FAQ process (found scanning the Markdown files of
    # the corpus's repositories, 2026-12-07): titled with the genre, it was a press release with 11
    # warnings. Prose that keeps naming the genre in the plural is about it.
    readme = """
    # Press Release FAQs

    Projects in the foundation are defined using something called a PR FAQ, a Press Release FAQ.

    PR FAQs are part of a work backwards approach to project management. The first thing you write
    is a press release and a FAQ, then you work backwards to what must be done.

    PR FAQs communicate a project very succinctly. Every project starts life as a PR-FAQ.

    ## Stages

    PR-FAQs have 3 stages: pre-draft, draft and live. The PR FAQs for each stage are in folders.

    ## Template Press Release

    Use the template as a baseline to create your own.
    """
    assert (anatomy_of(readme, path="README.md").kind, anatomy_of(readme, path="README.md").kind_sure) == (
        "other",
        True,
    )
    # Named so twice (the course template's note on press releases) is not enough.
    twice = readme.replace("The PR FAQs for each stage", "The drafts for each stage").replace(
        "PR-FAQs have 3 stages", "Projects have 3 stages"
    )
    assert anatomy_of(twice, path="README.md").kind != "other"


IDEAS_WITH_QUESTIONS = """
# Project Ideas for Beginners

Here are three project ideas that lower the entry barrier and focus on programmatic logic.

## Idea 1: A Fact of the Day Generator

**Explanation:** A script takes one equation and generates a short video from a template.

**Questions:**
1. How can we abstract the animation sequence into a single function?
2. Which generic transitions are best suited for a reusable template?
3. How can we loop over ten formulas and render ten videos automatically?

**Self-Reflection:** A good start, because it forces us to master one reusable sequence.

## Idea 2: An Array Visualizer

**Explanation:** We bind the animation steps to a sorting algorithm's swaps.

**Questions:**
1. How do we map an array's state to visual objects?
2. How can the algorithm yield its state to trigger a swap animation?
3. What is the cleanest way to color the blocks being compared?

**Self-Reflection:** It bridges standard programming and visual output.

## Idea 3: Generative Art

**Explanation:** Parametric loops draw shapes that change over time.

**Questions:**
1. What simple parametric equations yield the most striking shapes?
2. How do we modify a shape's properties continuously?
3. How can we apply color gradients that shift over time?

**Self-Reflection:** No formulas to typeset and no strict timing to worry about.
"""


def test_questions_listed_under_each_section_are_no_faq() -> None:
    # A list of project ideas, each with its "**Questions:**" (a scan of the corpus's repositories,
    # 2026-12-08): the label and the last question of each list were read as the FAQ, and the ideas
    # as a PR/FAQ with warnings. A label naming the FAQ three times is each section's field, and the
    # last of a list of questions is asked with the others, not answered by the paragraph after it.
    ideas = anatomy_of(IDEAS_WITH_QUESTIONS, path="ideas_and_reflections.md")
    assert (ideas.kind, ideas.questions) == ("other", ())
    # Answered questions under one "**Questions:**" label stay an FAQ.
    faq = """
    # Acme Launches Ledger, Bookkeeping for Market Stall Owners

    SEATTLE — Acme today launched Ledger, which lets market stall owners close their books in minutes.

    Stall owners spend their Sunday nights copying receipts into spreadsheets.

    **Questions:**

    How much does it cost?

    Ledger is free for one stall and $5 a month for more.

    Does it work offline?

    Yes, it syncs when the phone is back online.

    Who keeps my data?

    You do: it stays on your phone unless you export it.
    """
    assert len(anatomy_of(faq, path="doc.md").questions) == 3
    # A fresh-eyes review: a plain list FAQ whose answers are nested items, one question left
    # unanswered (the draft WB103 is for), keeps its questions; the list's last question is answered
    # by the item under it.
    plain = """
    # Acme Launches Smart Lockers for Apartment Buildings

    SEATTLE — Acme today launched Smart Lockers, which let building managers stop sorting parcels.

    Building managers spend an hour a day sorting parcels in the mail room.

    ## What building managers will ask

    1. How much does it cost?
       - $99 a month per building.
    2. Can couriers from every carrier use it?
    3. How do residents get their parcels?
       - A code arrives by text when the parcel is in.
    4. What if a locker breaks?
       - We replace it within a day.
    """
    answered = [q.answered for q in anatomy_of(plain, path="doc.md").questions]
    assert answered == [True, False, True, True]
    # A file that holds several PR/FAQs repeats its "## FAQ" heading: still each one's FAQ.
    several = "\n".join(
        f"""
    # Team {n} Launches Tool {n} for Night Nurses

    Tool {n} lets night nurses hand over patients in two minutes.

    ## FAQ

    Does it work offline?

    Yes.
    """
        for n in (1, 2, 3)
    )
    lines = anatomy_of(several, path="doc.md")
    assert [r for r in lines.roles if r == "faq_heading"] == ["faq_heading"] * 3


UNTOUCHED_TEMPLATE = """
# Project Name #

## Heading ##
  > Name the product in a way the reader (i.e. your target customers) will understand.

## Sub-Heading ##
  > Describe who the market for the product is and what benefit they get. One sentence only underneath the title.

## Summary ##
  > Give a summary of the product and the benefit. Assume the reader will not read anything else
  so make this paragraph good.

## Problem ##
  > Describe the problem your product solves.

## Solution ##
  > Describe how your product elegantly solves the problem.

## Quote from You ##
  > A quote from a spokesperson in your company.

## How to Get Started ##
  > Describe how easy it is to get started.

## Customer Quote ##
  > Provide a quote from a hypothetical customer that describes how they experienced the benefit.

## Closing and Call to Action ##
  > Wrap it up and give pointers where the reader should go next.
"""


def test_an_untouched_template_gets_hints_only() -> None:
    # Round 57 of the user trials: the course's press-release template kept in a repository
    # (`docs/_PRESS-RELEASE.md`) got 13 warnings, all judged false: nothing in it is an author's.
    # Even under a name that says what it is a template for, it is judged, but never blocks.
    template = anatomy_of(UNTOUCHED_TEMPLATE, path="PRESS_RELEASE.md")
    assert (template.kind, template.kind_sure) == ("press_release", False)
    # Filled in, even in part, it is a draft, and its leftover prompts are the author's to remove.
    started = UNTOUCHED_TEMPLATE.replace(
        "  > Describe the problem your product solves.",
        "Night nurses lose twenty minutes a shift copying handover notes from paper charts into the "
        "ward's system, and the notes they copy are already hours old.",
    )
    assert anatomy_of(started, path="PRESS_RELEASE.md").kind_sure
    # A fresh-eyes review: a sentence of the author's, a headline and a sub-heading, or FAQ
    # questions over "TBD" make it a draft too (all prompts but one 19-word solution was hints only).
    solution = UNTOUCHED_TEMPLATE.replace(
        "  > Describe how your product elegantly solves the problem.",
        "Our app reads receipts from a phone photo and files them, matching card charges so nobody types.",
    )
    assert anatomy_of(solution, path="doc.md").kind_sure
    titled = UNTOUCHED_TEMPLATE.replace(
        "## Heading ##\n  > Name the product in a way the reader (i.e. your target customers) will understand.",
        "## Tally Turns a Receipt Photo Into a Finished Expense Report ##",
    ).replace(
        "  > Describe who the market for the product is and what benefit they get. One sentence only underneath"
        " the title.",
        "Small business staff file expenses from their phones in seconds.",
    )
    assert titled != UNTOUCHED_TEMPLATE and anatomy_of(titled, path="doc.md").kind_sure
    asked = (
        UNTOUCHED_TEMPLATE
        + "\n## FAQ\n\n### How much does Tally cost?\n\nTBD\n\n### Which systems does it export to?\n\nTBD\n"
    )
    assert anatomy_of(asked, path="doc.md").kind_sure


SLOT_TEMPLATE = """
# PR/FAQ (Press Release / Frequently Asked Questions)

## What is a PR/FAQ?

Before writing code, product teams write the press release that announces the launch, as if the
product already exists. It keeps the team on the customer's benefit, not on the technology.

# [Product Name]

## Press Release

**[City], [Date]** — [Company Name] today announced [Product Name], [one sentence on the customer's benefit].

### The Problem

[Describe the customer and their problem. Make it vivid and specific.]

### The Solution

[Product Name] solves the problem by [how it works], so that [customer segment] can [benefit].

### Customer Quote

> "[Quote from a customer about the difference it made]"
> — [Name], [Role] at [Company Type]

### Availability

[Product Name] is available [when and where]. Get started at [website].

## FAQ

### How much does it cost?

[Pricing model and price.]
"""


def test_a_template_of_slots_with_its_guide_gets_hints_only() -> None:
    # Ten documents about PR/FAQs kept in repositories (templates, guides, agent skills; probed
    # 2026-12-08): a startup kit's PR/FAQ template (a paragraph on what a PR/FAQ is, then slots: 25
    # warnings) and, in the third scan, a planning tool's template ("{Problem paragraph: the user's
    # pain today.}", 17 warnings) blocked a hook: most of their paragraphs are placeholders.
    template = anatomy_of(SLOT_TEMPLATE, path="pr_faq.md")
    assert template.kind == "prfaq" and not template.kind_sure
    # A draft with its slots still open is the author's: words of its own in most paragraphs.
    draft = (
        SLOT_TEMPLATE.replace(
            "[Describe the customer and their problem. Make it vivid and specific.]",
            "Night nurses lose twenty minutes a shift copying handover notes into the ward's system.",
        )
        .replace(
            "[Product Name] solves the problem by [how it works], so that [customer segment] can [benefit].",
            "Handover reads the paper chart from a phone photo and files each note under the right patient.",
        )
        .replace("[Pricing model and price.]", "It costs $4 a bed a month, billed to the ward.")
        .replace(
            '"[Quote from a customer about the difference it made]"',
            '"I leave on time now, and the next nurse reads my notes before she starts," said Ana Reyes',
        )
    )
    assert anatomy_of(draft, path="pr_faq.md").kind_sure
    # A fresh-eyes review: a draft whose release is written (a dated dateline, a named customer)
    # and whose FAQ answers still wait on others keeps failing the hook on its slots.
    waiting = (
        SLOT_TEMPLATE.replace("**[City], [Date]** — [Company Name]", "**SEATTLE, June 1, 2027** — Acme")
        .replace('"[Quote from a customer about the difference it made]"', '"I sleep through storms now."')
        .replace("— [Name], [Role] at [Company Type]", "— Dana Lee, a landlord in Tacoma")
        + "\n### Which sensors does it support?\n\n[TBD — owner: hardware team]\n"
        + "\n### Does it work without Wi-Fi?\n\n[TBD — owner: firmware team]\n"
    )
    assert anatomy_of(waiting, path="pr_faq.md").kind_sure


def test_an_agent_skill_about_pr_faqs_is_no_pr_faq() -> None:
    # The same probe and the third scan: two agent skills that walk a team through a PR/FAQ (their
    # headings name the parts, their examples quote a release) blocked a repository-wide hook. An
    # agent's instruction files (SKILL.md, AGENTS.md, CLAUDE.md, *.prompt.md) are other Markdown,
    # whatever their content.
    skill = """
    ---
    name: working-backwards
    description: Coach the user through a PR/FAQ. Use when the user asks for a press release and FAQ.
    ---

    # Working Backwards: The PR/FAQ Challenge

    ## Press Release

    Write the headline first. Then the summary: "Acme today launched Ledger, which tells landlords
    about a leak the day it starts," said the product lead.

    ## Customer Quote

    Ask the user for a customer's words, in quotation marks, with a name and a role.

    ## FAQ

    ### What does the user ask first?

    The price, then how to get started.
    """
    agent_files = ("SKILL.md", "skills/prfaq/SKILL.md", "AGENTS.md", "write-prfaq.prompt.md", ".claude/commands/p.md")
    for name in agent_files:
        assert anatomy_of(skill, path=name).kind == "other", name
    assert anatomy_of(skill, path="prfaq.md").kind != "other"
    # Names as the tools write them, or their folders: a feature's PR/FAQ kept as
    # `docs/prfaqs/agent.md`, or an Alexa skill's as `alexa-leakline/skill.md`, is judged (a
    # fresh-eyes review).
    for name in (
        "docs/prfaqs/agent.md",
        "alexa-leakline/skill.md",
        "docs/prfaq/gemini.md",
        ".claude/worktrees/x/prfaq.md",
    ):
        assert anatomy_of(skill, path=name).kind != "other", name


def test_meeting_minutes_are_no_pr_faq() -> None:
    # Language and core teams' minutes (a scan of the corpus's repositories, 2026-12-08): the
    # questions discussed and a release planned read as an FAQ and a launch; three blocked a hook.
    # "Attendance", "Agenda", "Participants" head a meeting's notes, as "Installation" a README's.
    minutes = """
    # Core team meeting 2015-05-07

    ## Participants

    - Ana, Raj, Mei

    ## Agenda

    ### Upcoming release v0.12.3

    Should we ship the npm upgrade in this release? Raj will check the changelog first.

    Do we backport the libuv fix? Yes, after the tests pass on Windows.

    Who owns the flaky tests? Mei does until the next meeting.

    ### Convergence process

    What is blocking the convergence plan? The working group has not met since March.
    """
    with_headings = anatomy_of(minutes, path="2015-05-07.md")
    without = anatomy_of(
        minutes.replace("## Participants", "## Team").replace("## Agenda", "## Topics"), path="2015-05-07.md"
    )
    assert (with_headings.signals["readme_headings"], without.signals["readme_headings"]) == (2, 0)
    assert with_headings.kind == "other" and with_headings.kind_score < without.kind_score
    # A fresh-eyes review: a meeting's heading is no README's sign, so a Hack Week PR/FAQ laid out
    # in the genre's parts with its "## Agenda" stays sure of itself.
    hack_week = """
    # Hack Week PR/FAQ: Shelf Scanner

    ## Headline

    Shelf Scanner tells store clerks which shelves are empty before customers notice.

    ## Problem

    Clerks walk every aisle twice a shift to find gaps, and still miss half of them.

    ## Solution

    A camera on the cart photographs each shelf and lists the gaps on the clerk's phone.

    ## Customer Quote

    "I restock before anyone asks," said Dana Ruiz, a night clerk in Tacoma.

    ## Agenda

    Monday we build the camera rig; Tuesday the gap finder; Wednesday the demo.
    """
    hack = anatomy_of(hack_week, path="doc.md")
    assert hack.signals["readme_headings"] == 1 and hack.kind_sure


def test_a_release_that_talks_of_press_releases_is_still_one() -> None:
    # A review of the rule above: a release for a product about press releases, with no quote and
    # no dateline, and a PR/FAQ for a tool that helps teams write PR/FAQs, were taken for guides.
    release = """
    # Acme Launches Pressroom, a Newsroom for Startup Press Releases

    Acme today launched Pressroom, a newsroom where startups publish their press releases and media kits.

    Startups publish press releases on blogs and wire services, and reporters rarely find them again.
    Pressroom collects a startup's press releases in one place, with past press releases to download.

    Pressroom is free for companies with fewer than 50 employees. Sign up at pressroom.example.com.
    """
    assert anatomy_of(release, path="launch.md").kind == "press_release"
    prfaq = """
    # Draftwell Helps Product Teams Write PR/FAQs in Half the Time

    Draftwell is a writing assistant for product managers who write PR/FAQs.

    Product managers write PR/FAQs for every initiative, and most come back from review four times.
    Many teams give up on PR/FAQs because the reviews feel endless.

    ## FAQ

    ### Does it work with our own template?

    Yes: upload it, and Draftwell learns which sections your PR/FAQs need.
    """
    assert anatomy_of(prfaq, path="draftwell.md").kind == "prfaq"


def test_a_question_about_the_quote_under_a_quote_label_stays_a_question() -> None:
    anatomy = anatomy_of(
        """
        # Acme Launches Widget for Home Bakers

        Home bakers waste loaves because they forget the second rise.

        ## Internal FAQ

        Customer quote: do we need permission to use it?

        Yes, from each baker we quote.
        """
    )
    assert [q.text for q in anatomy.questions] == ["Customer quote: do we need permission to use it?"]
    assert not anatomy.quotes


def test_a_release_whose_faq_asks_about_press_releases_is_still_one() -> None:
    # The review of 2026-12-06: questions of the FAQ that mention press releases, and a release
    # with a dateline and a quote, are no guide to the genre.
    release = """
    # Shelfwise lets bookstore owners reorder a book in one tap

    DENVER — June 1, 2027 — Today Shelfwise launched one-tap reordering for bookstores.

    "I used to find the gaps on Monday," said Ana Ruiz, who owns Leverett Books.

    ## Internal FAQ

    ### What is the press release date?

    June 1, 2027.

    ### Who signs off on the press releases for each market?

    The regional marketing lead.
    """
    assert anatomy_of(release, path="prfaq.md").kind == "prfaq"


LINKS_TO_A_RELEASE = """
# Flood Aid Equity: a data project

**Executive Summary:** This repository holds the pipeline that compares how flood aid reaches
homeowners and renters, with the notebooks and the data.

[**Press Release**](https://example.com/flood-aid/PressRelease.md)

## Problem Definition

### Problem

Renters receive less aid than homeowners after the same flood.

### Motivation

Aid offices plan with averages that hide the gap.

### [**Press Release: Renters Left Behind After Floods**](PressRelease.md)

Read the release for the findings in plain words.

## Data Creation

The data come from the public aid records, loaded through their web service.
"""


def test_a_heading_that_links_to_a_release_names_that_file_not_this_one() -> None:
    # Round 32 of the user trials: a data project's README whose links say "Press Release" was
    # taken for one (24 warnings). A label that is wholly a link names the file it points to.
    anatomy = anatomy_of(LINKS_TO_A_RELEASE, path="README.md")
    assert anatomy.signals["prfaq_headings"] == 0.0
    assert anatomy.kind == "other"
    named = LINKS_TO_A_RELEASE.replace(
        "### [**Press Release: Renters Left Behind After Floods**](PressRelease.md)",
        "### Press Release: Renters Left Behind After Floods",
    )
    assert anatomy_of(named, path="README.md").signals["prfaq_headings"] == 1.0


def test_a_labelled_link_to_testimonials_is_no_customer_quote() -> None:
    # Round 33 of the user trials: "- User testimonials: [URL]" in a list of links was read as the
    # customer quote (and reported as an unattributed one).
    links = """
    # Relay lets bakery owners take orders by text

    SEATTLE — June 1, 2027 — Today Relay launched text ordering for bakery owners.

    ## Media resources

    - Product video: [YouTube URL]
    - User testimonials: [URL]
    - Press kit: https://relay.example/press
    """
    anatomy = anatomy_of(links)
    assert "customer_quote" not in anatomy.parts and not anatomy.quotes
    quoted = links.replace("[URL]", "Ordering takes me a minute now, said Ana Ruiz, a baker.")
    assert anatomy_of(quoted).quotes


def test_quotes_under_a_quote_heading_keep_their_marks_and_short_ones_stay() -> None:
    # The review of 2026-12-06: narration with a short quotation under "## Customer Quote" is no
    # quote as a whole ("she said" is the person named before), and "Game changer." is a quote.
    text = """
    # Leakline tells landlords about a leak

    SEATTLE — March 3, 2027 — Today Dripworks launched Leakline for landlords.

    ## Customer Quote

    Dana Ruiz manages 120 flats in Tacoma. "It paid for itself in a week," she said.

    - **Ana Ruiz, baker in Tacoma:** "Game changer."
    """
    quotes = anatomy_of(text).quotes
    said = [q.unit.text[q.start : q.end] for q in quotes]
    assert "It paid for itself in a week," in said and "Game changer." in said
    assert next(q for q in quotes if q.unit.text[q.start : q.end].startswith("It paid")).name == "Dana Ruiz"


def test_a_same_page_anchor_heading_still_names_the_part() -> None:
    anchored = LINKS_TO_A_RELEASE.replace(
        "### [**Press Release: Renters Left Behind After Floods**](PressRelease.md)",
        "### [Press Release: Renters Left Behind After Floods](#press-release)",
    )
    assert anatomy_of(anchored, path="README.md").signals["prfaq_headings"] == 1.0


def test_a_document_in_another_language_is_not_judged() -> None:
    portuguese = (
        "# Press Release\n\n**Para divulgação imediata**\n\n"
        + "A Cowork lança hoje um sistema de reservas para espaços de coworking em São Paulo. "
        "Os membros reservam mesas e salas pelo celular, sem planilhas e sem filas na recepção. "
        "O sistema está disponível hoje para todos os espaços parceiros.\n\n" * 4
    )
    assert anatomy_of(portuguese, path="docs/press-release.md").kind == "other"


def test_a_document_in_another_script_is_not_judged() -> None:
    digest = "# AI CLI 工具社区动态日报\n\n## 版本发布\n\n" + "今天发布了新的版本，社区讨论了工具的更新。\n\n" * 20
    assert anatomy_of(digest).kind == "other"
    # Even named as one: a release in Japanese or Chinese is not for an English pipeline's rules.
    assert anatomy_of(digest, path="docs/press-release.md").kind == "other"
    # A release in English that names a city in Chinese is still judged.
    release = textwrap.dedent(PLAIN_RELEASE).lstrip() + "\n上海\n"
    assert anatomy_of(release).kind != "other"


def test_a_business_plan_laid_out_in_summary_problem_solution_and_conclusion_gets_hints_at_most() -> None:
    plan = """# Tenantly Business Plan

## Executive Summary

Tenantly is a single-founder company that builds rental software for Australian landlords.

## Market Analysis

There are 2.6 million rental properties in Australia, and most landlords use spreadsheets.

## Problem Statement

Landlords lose track of repairs and late rent.

## Solution

A shared dashboard for landlords and tenants.

## Revenue Model

A listing fee in the first year, then a subscription of $15 a month per property.

## Financial Projections

Break-even in month 18 with 900 properties.

## Conclusion

Tenantly will seek $250,000 of seed funding in the second quarter.
"""
    anatomy = anatomy_of(plan)
    assert anatomy.kind == "other" or not anatomy.kind_sure
    # A release laid out in the same parts with someone speaking stays sure.
    quoted = plan.replace(
        "## Conclusion",
        '## Customer Quote\n\n"I found the leak report in one place," said Ana Reyes, a landlord.\n\n## Conclusion',
    )
    assert anatomy_of(quoted).kind_sure


def test_a_title_that_names_another_kind_of_document_makes_it_other_markdown() -> None:
    text = """
        # GymBuddy — Product Requirements Document

        ## Problem

        Gym-goers check their phones between sets to see what comes next, and lose count of their reps.

        ## Solution

        GymBuddy reads the next exercise aloud while your music keeps playing.

        ## Target Users

        People who lift three times a week and train alone.

        ## Next Steps

        Build the voice prompts first, then test them with ten lifters at one gym.
        """
    assert anatomy_of(text).kind == "other"
    # The same sections under a press release's title are a release.
    assert anatomy_of(text.replace("Product Requirements Document", "Press Release")).kind == "press_release"


def test_a_press_release_section_of_a_requirements_document_is_the_release_and_nothing_else() -> None:
    # Round 52 of the user trials: a PRD with "## Press Release (Amazon PR/FAQ Format)" was not
    # judged at all; read whole, its schema and build plan would be the release's.
    text = """
        # Product Requirements Document

        Owner: Dana. Status: draft for the planning review next week.

        ## Press Release (Amazon PR/FAQ Format)

        ### Headline

        GymBuddy reads your next set aloud so lifters who train alone never lose count

        ### The Problem

        Gym-goers check their phones between sets to see what comes next, and lose count of their reps.

        ### The Solution

        GymBuddy reads the next exercise aloud while your music keeps playing.

        ### Call to Action

        Download GymBuddy free from the App Store today.

        ## Technical Architecture

        ### Stack

        The app is built on React Native with a Postgres database and a Redis queue for the voice jobs.

        ## Implementation Plan

        Phase one ships the voice prompts; phase two adds the rep counter.
        """
    anatomy = anatomy_of(text)
    assert anatomy.kind == "press_release" and anatomy.kind_sure
    assert {"headline", "problem", "solution", "call_to_action"} <= set(anatomy.parts)
    doc = build_document("doc.md", SourceText(textwrap.dedent(text).lstrip()), parse(textwrap.dedent(text).lstrip()))
    region = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
    assert region["Owner: Dana."] == region["The app is b"] == region["Phase one sh"] == "back"
    assert region["GymBuddy rea"] == region["Gym-goers ch"] == region["Download Gym"] == "pr"
    # Without a section that names the genre it stays other Markdown.
    assert anatomy_of(text.replace("## Press Release (Amazon PR/FAQ Format)", "## Pitch")).kind == "other"


def test_a_title_naming_the_genre_and_another_kind_holds_the_release_in_its_section() -> None:
    """Round 58 of the user trials (trial IV): "# 18-0 — PRFAQ + End-to-End React Native Build
    Specification", its release under "# 3. Press Release", then "# 4. Customer Problem" and 38
    more numbered sections of a build spec up to "# 42. FAQ": the whole spec was read as the
    release (1,947 words for a 216-word release, 13 warnings on the spec judged false)."""
    text = """
        # Leakline — PRFAQ + End-to-End Build Specification

        ## 1. Executive Summary

        Leakline is a leak alarm for landlords who own one to four buildings.

        # 2. Press Release

        ## Leakline tells small landlords about a leak the day it starts

        Today we are introducing Leakline, a sensor and an app that text the landlord when water
        reaches the floor under a sink, a water heater or a washing machine.

        A landlord who owns a duplex hears about a leak only when the tenant downstairs sees the
        stain. By then the ceiling has to be replaced.

        # 3. Customer Problem

        Small landlords learn about leaks weeks late, from a tenant, after the damage is done.

        # 4. Sensor Firmware

        The sensor should be driven by a server-defined polling schedule rather than a hard-coded one.

        > "Sensor four. Kitchen. Water detected. Battery 80 percent."

        # 5. Backend

        Readings are written to a Postgres table and a worker sends the text message.

        # 6. FAQ

        ### How much does it cost?

        The sensor is $29 and the app is free.
        """
    source = SourceText(textwrap.dedent(text).lstrip())
    doc = build_document("PRFAQ.md", source, parse(source.text))
    region = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
    assert region["Today we are"] == region["A landlord w"] == "pr"
    # The document's own problem section and the spec after the release are not the release; an
    # example of what a screen reader says, in quotation marks, quotes no one.
    assert region["Small landlo"] == region["The sensor s"] == region["Readings are"] == "back"
    assert doc.anatomy.kind == "prfaq"
    # Titled by the genre first, the document is the genre's whatever its headline names.
    headline_first = text.replace(
        "# Leakline — PRFAQ + End-to-End Build Specification", "# PRFAQ: Leakline, the Build Specification Reader"
    )
    source = SourceText(textwrap.dedent(headline_first).lstrip())
    doc = build_document("PRFAQ.md", source, parse(source.text))
    region = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
    assert region["Small landlo"] == "pr"
    # A fresh-eyes review: a PR/FAQ whose product's name is another kind of document ("Minutely
    # Meeting Notes — PR/FAQ", "PRD Studio PR/FAQ") is the genre's, whole.
    for title in ("# Minutely Meeting Notes — PR/FAQ", "# PRD Studio PR/FAQ"):
        product = text.replace("# Leakline — PRFAQ + End-to-End Build Specification", title)
        source = SourceText(textwrap.dedent(product).lstrip())
        doc = build_document("doc.md", source, parse(source.text))
        region = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
        assert doc.anatomy.kind == "prfaq" and region["Small landlo"] == "pr", title
    # Joined to a spec, with the release under a heading that does not name it, the document is
    # still judged as the PR/FAQ its title says it holds, not dropped as a spec.
    unnamed = text.replace("# 2. Press Release", "# 2. Launch Announcement")
    assert anatomy_of(unnamed, path="doc.md").kind == "prfaq"
    # A design document that only mentions the genre in its title stays the design document's.
    design = unnamed.replace(
        "# Leakline — PRFAQ + End-to-End Build Specification", "# Design Doc: Leakline PR/FAQ Export"
    )
    assert anatomy_of(design, path="doc.md").kind == "other"


def test_a_quote_signed_by_a_name_set_apart_goes_on_with_the_release() -> None:
    """A fresh-eyes review: after "## 1. Press Release", a section of quotes each signed by an
    italic name line ("*Priya Shah, engineering manager at Crate & Barrel*", no dash) or led by
    "Name (role):" quotes someone, so it is the release's, and the brief starts after it."""
    text = """
        # Minutely

        ## 1. Press Release

        ### Minutely writes the meeting notes so everyone can listen

        SEATTLE — June 1, 2027 — Notewell today launched Minutely, an app that writes the notes of a
        video call and sends them to everyone who attended within a minute of the call ending.

        Team leads spend forty minutes a week writing up notes, and the notes still miss who agreed
        to do what.

        ## 2. From the Pilot Teams

        > "I stopped taking notes and started listening, and the notes arrive before I'm back at my desk."
        >
        > *Priya Shah, engineering manager at Crate & Barrel*

        Dev Okafor (team lead, Ridewell): "Our stand-up went from forty minutes to twenty-five."

        Minutely is free for teams of up to five. Start at minutely.app.

        ## 3. Target Users

        Engineering and product teams of five to fifty people who meet on video every day.

        ## 4. Success Metrics

        Forty percent of pilot teams still use Minutely after eight weeks.
        """
    source = SourceText(textwrap.dedent(text).lstrip())
    doc = build_document("doc.md", source, parse(source.text))
    region = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
    assert region['"I stopped t'] == region["Minutely is "] == "pr"
    assert region["Engineering "] == region["Forty percen"] == "back"
    for italic_signature_only in (
        text.replace('Dev Okafor (team lead, Ridewell): "Our stand-up went from forty minutes to twenty-five."', ""),
        text.replace("Dev Okafor (team lead, Ridewell): ", "").replace(
            "> *Priya Shah, engineering manager at Crate & Barrel*", ">"
        ),
    ):
        source = SourceText(textwrap.dedent(italic_signature_only).lstrip())
        doc = build_document("doc.md", source, parse(source.text))
        regions = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
        assert regions["Minutely is "] == ("pr" if "Priya" in italic_signature_only else "back")


def test_a_release_that_is_a_numbered_section_of_a_larger_document_ends_at_the_next_section() -> None:
    """Round 53 (trial IH): "## 1. Press Release (North Star)", its release in a block quote with a
    "### headline", then "## 2. Problem Statement", "## 3. Target Users" and seven more numbered
    sections: all 587 lines were read as the release (98 false warnings)."""
    text = """
        # Easy Markdown — Product Document

        This document is the single source of truth for what we build and why.

        ## 1. Press Release (North Star)

        > **FOR IMMEDIATE RELEASE**
        >
        > ### Easy Markdown: the free markdown editor for writers on every platform
        >
        > *Open any file, anywhere, on any device. No vault and no account.*
        >
        > **2026** — Writers lose hours moving notes between apps that lock them into a vault. Easy
        > Markdown opens any file where it already is, on every phone and computer they own.
        >
        > "I stopped copying notes between three apps," said Ana Reyes, a novelist in Portland. "Now I
        > open the same file on my phone on the bus and on my laptop at home."

        ## 2. Problem Statement

        ### Pain points

        Editors are built on a stack of plugins that the team will have to maintain for years.

        ## 3. Target Users

        ### Primary persona

        A writer who keeps notes in plain files and uses several devices every day.
        """
    anatomy = anatomy_of(text)
    assert lines(anatomy)["headline"] == 9  # the heading inside the block quote, not the title
    assert lines(anatomy)["subheading"] == 11
    source = SourceText(textwrap.dedent(text).lstrip())
    doc = build_document("doc.md", source, parse(source.text))
    region = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
    assert region["This documen"] == region["Editors are "] == region["A writer who"] == "back"
    assert region["2026 — Write"] == "pr"
    # A release laid out in numbered sections of its own keeps them up to its last part.
    parts = """
        # Leakline

        ## 1. Press Release

        SEATTLE, WA — March 3, 2027 — Today Dripworks launched Leakline, a sensor service that warns
        landlords of a leak within minutes, wherever their buildings are.

        ## 2. Problem

        Most landlords hear about a leak only when the tenant downstairs sees the stain.

        ## 3. Customer Quote

        "I fixed the pipe before the ceiling stained," said Ana Reyes, a landlord in Tacoma.

        ## 4. Roadmap

        Leakline adds water shut-off valves next year.
        """
    anatomy = anatomy_of(parts)
    assert {"headline", "problem", "customer_quote"} <= set(anatomy.parts)
    source = SourceText(textwrap.dedent(parts).lstrip())
    doc = build_document("doc.md", source, parse(source.text))
    region = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
    assert region["Most landlor"] == "pr" and region["Leakline add"] == "back"
    # A review of the change: "1.1" under "1." is section one's own, "Part 2:" numbers a section as
    # "2." does, and a "Solution" of one paragraph goes on with a numbered release.
    for numbered in (
        parts.replace("## 2. Problem", "## 1.1 Problem").replace("## 3. Customer Quote", "## 1.2 Customer Quote"),
        parts.replace("## 1. Press", "## Part 1: Press")
        .replace("## 2. Problem", "## Part 2: Problem")
        .replace("## 3. Customer Quote", "## Part 3: Solution")
        .replace("## 4. Roadmap", "## Part 4: Roadmap")
        .replace(
            '"I fixed the pipe before the ceiling stained," said Ana Reyes, a landlord in Tacoma.',
            "Leakline texts the landlord and the plumber on call within a minute of a leak.",
        ),
    ):
        found = anatomy_of(numbered)
        assert "problem" in found.parts and ("customer_quote" in found.parts or "solution" in found.parts), numbered


def test_a_quotation_set_as_a_heading_in_a_block_quote_is_no_headline() -> None:
    """A review of round 53's change: a testimonial above the release ("> ### “Close the month before
    your coffee gets cold.”") is no headline; the release's own bold line is."""
    anatomy = anatomy_of(
        """
        > ### “Close the month before your coffee gets cold.”
        > *— Priya Natarajan, owner of Crumb Bakery*

        **FOR IMMEDIATE RELEASE**

        **Acme Launches Ledgerly, the Bookkeeping App That Closes Your Month in One Click**

        SEATTLE, March 3, 2026 — Acme today announced Ledgerly, a bookkeeping app that reconciles bank
        feeds, invoices and receipts for businesses with fewer than fifty employees.
        """
    )
    assert lines(anatomy)["headline"] == 6
    # Nor is an epigraph without quotation marks, nor a callout under the document's own headline
    # (a third review of the session's change).
    epigraph = anatomy_of(
        """
        > ### Small shops deserve big-company books
        > *— Priya Natarajan, owner of Crumb Bakery*

        **Acme Launches Ledgerly, the Bookkeeping App That Closes Your Month in One Click**

        SEATTLE, March 3, 2026 — Acme today announced Ledgerly, a bookkeeping app that reconciles bank
        feeds, invoices and receipts for businesses with fewer than fifty employees.
        """
    )
    assert lines(epigraph)["headline"] == 4
    callout = anatomy_of(
        """
        # Acme Launches Ledgerly, the Bookkeeping App That Closes Your Month in One Click

        > ### Note
        > Draft for the finance review.

        SEATTLE, March 3, 2026 — Acme today announced Ledgerly, a bookkeeping app that reconciles bank
        feeds, invoices and receipts for businesses with fewer than fifty employees.
        """
    )
    assert lines(callout)["headline"] == 1 and "subheading" not in callout.parts


def test_a_requirements_document_s_release_keeps_its_own_sections_and_nothing_of_the_rest() -> None:
    """A fresh-eyes review of round 52's change: sibling sections that name a release's quote or
    close stay the release's, the PRD's own "Problem" does not, its title is no headline, and its
    own part headings make no release sure; a release section still to write is none."""
    text = """
        # PRD: Pantry Alerts

        ## Problem

        Families forget what is in the cupboard and throw away a third of the food they buy.

        ## Press Release

        Acme today launched Pantry Alerts, which tells families which groceries are about to expire and
        suggests a recipe that uses them. Families who tried it in the pilot threw away less food, and
        one reminder a day was enough for most of them to cook the right thing before it spoiled.

        ## Customer Quotes

        "Now we have spinach pasta instead of spinach in the bin," said Maria Lopez, a parent in Tacoma.

        ## Call to Action

        Pantry Alerts is available today in the Acme app. Visit acme.example/pantry to start.

        ## Solution

        Receipts are parsed by a queue worker that writes each item to the pantry table.

        ## FAQ

        ### Is it free?

        Yes, for every Acme account.

        ## Success Metrics

        Thirty percent fewer items thrown away after three months.
        """
    anatomy = anatomy_of(text)
    assert anatomy.kind == "prfaq" and anatomy.kind_sure  # someone is quoted
    assert "customer_quote" in anatomy.parts and "call_to_action" in anatomy.parts
    assert "headline" not in anatomy.parts  # "PRD: Pantry Alerts" is the PRD's title
    source = SourceText(textwrap.dedent(text).lstrip())
    doc = build_document("doc.md", source, parse(source.text))
    region = {unit.text[:12]: doc.anatomy.regions[unit.index] for unit in doc.units}
    assert region["Families for"] == region["Receipts are"] == region["Thirty perce"] == "back"
    assert region["Acme today l"] == region["Pantry Alert"] == "pr"
    assert region["Yes, for eve"] == "faq"
    # The PRD's own "Summary", "Problem" and "Solution" headings make no release sure.
    plain = """
        # PRD: Pantry Alerts

        ## Summary

        A reminder service for groceries that are about to expire.

        ## Problem

        Families forget what is in the cupboard and throw away a third of the food they buy.

        ## Press Release

        ### Pantry Alerts tells families what to cook before it spoils

        Acme today launched Pantry Alerts, which tells families which groceries are about to expire and
        suggests a recipe that uses them. Families who tried it in the pilot threw away less food, and
        one reminder a day was enough for most of them to cook the right thing before it spoiled.

        Pantry Alerts is available today in the Acme app for every family with an account.

        ## Solution

        Receipts are parsed by a queue worker that writes each item to the pantry table.
        """
    assert anatomy_of(plain).kind == "press_release" and not anatomy_of(plain).kind_sure
    # A release section still to write is no release: the document is what its title says.
    stub = """
        # PRD: Pantry Alerts

        ## Press Release

        TBD

        ## Requirements

        Parse receipts within five seconds and remind families once a day about food that expires.
        """
    assert anatomy_of(stub).kind == "other"


def test_question_headings_before_a_getting_started_section_and_no_faq_heading_are_the_release_s() -> None:
    anatomy = anatomy_of(
        """
        # The Apprentice Dashboard

        #### A fast way for apprentices to track their hours through the week.

        SEATTLE, WA, June 2, 2019 -- Team Boolean today launched the Apprentice Dashboard: with one click,
        apprentices clock in and start their day.

        ## Why do we need the Apprentice Dashboard?

        Apprentices keep their hours on paper and lose an hour a week filling in timesheets.

        ## How will the Apprentice Dashboard lighten the load?

        Apprentices open the dashboard on Monday, click "Clock-In" and get to work.

        *"With the Apprentice Dashboard, you won't lose time managing spreadsheets. You can get in and get to
        work." -Paula Thomas, Team Representative*

        ## How to Get Started with the Apprentice Dashboard

        Visit the dashboard's website and create an account to get started.
        """
    )
    assert anatomy.kind == "press_release"
    assert "faq" not in anatomy.parts
    assert {"leader_quote", "call_to_action"} <= set(anatomy.parts)


def test_question_headings_before_the_release_s_quote_and_start_sections_are_its_sections() -> None:
    anatomy = anatomy_of(
        """
        # VacaShare

        ## Plan your next trip with help from people who went

        ## What is VacaShare?
        > VacaShare lets travellers share what they did on a trip with people planning the same one.

        ## What does VacaShare solve?
        > Travel sites are full of paid listings, so planners cannot tell which tips are honest.

        ## Quote from the Maker
        > "I built it after three trips planned from adverts," said Ana Ruiz, who made VacaShare.

        ## Getting Started
        > Download the app and search for the place you are going.

        ## Quote from a Customer
        > "I planned a week in Lisbon from other travellers' notes," said Tom Lee, a teacher.
        """
    )
    assert anatomy.kind == "press_release"
    assert "faq" not in anatomy.parts
    assert {"leader_quote", "customer_quote", "call_to_action"} <= set(anatomy.parts)


def test_a_question_heading_in_the_release_that_names_a_part_heads_it() -> None:
    anatomy = anatomy_of(
        """
        # Draw It!

        ## What is it?
        > Draw It! is a multiplayer game where you guess what your friends are drawing.

        ## Whats the problem?
        > It can be hard to play with friends online, and most party games cost money.

        ## How we solve it
        > Draw It! is free and a game takes two minutes to set up.

        ## How to Get Started
        > Sign in, host a game and send the code to your friends.

        ## What other people think
        > "We play every Friday now," said Tom Lee, a teacher.
        """
    )
    assert anatomy.kind == "press_release"
    assert "faq" not in anatomy.parts
    problem = anatomy.parts["problem"]
    assert problem.via == "heading" and problem.text.startswith("It can be hard")


def test_an_faq_grouped_under_pricing_and_availability_headings_is_still_an_faq() -> None:
    anatomy = anatomy_of(
        """
        # Pantry Alerts tells bakers what to order before they run out

        SEATTLE, WA — March 3, 2027 — Today Acme launched Pantry Alerts for independent bakeries.

        Bakers count flour by hand every night and still run out on busy Saturdays.

        "Bakers should bake, not count," said Ana Ruiz, CEO of Acme.

        ### Does it work offline?

        Yes: counts sync when the bakery is back online.

        ### Which stores are supported?

        Any store that sells through the three largest wholesale catalogues.

        ## Pricing

        ### What does it cost?

        Ten dollars a month per bakery.

        ## Availability

        ### Which countries can use it?

        The United States and Canada.
        """
    )
    assert anatomy.kind == "prfaq"
    assert "faq" in anatomy.parts


def test_a_sentence_that_starts_with_the_release_mark_s_words_is_not_the_mark() -> None:
    text = """
        # Release tooling

        For immediate release builds, run `make release` from the repository root.

        ## Installation

        ```
        pip install tooling
        ```
        """
    assert anatomy_of(text).kind == "other"


def test_a_headline_after_the_release_mark_on_its_line_is_the_headline() -> None:
    anatomy = anatomy_of(
        """
        *Draft for launch, written to be sent to a newsroom once every claim in it is checked.*

        **FOR IMMEDIATE RELEASE: Acme Launches Pantry Alerts for Independent Bakeries**

        Acme today launched Pantry Alerts, which tells bakers what to order before they run out.
        """
    )
    headline = anatomy.get("headline")
    assert headline is not None and "Pantry Alerts" in headline.text


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("Quote from the Glitch Team", "leader_quote"),
        ("Quote from the Maker", "leader_quote"),
        ("Quote from Marcus (CTO), Priv8Sus", "leader_quote"),
        ("Quote from a happy user", "customer_quote"),
        ("A quote from Jane Ortiz", "quote"),  # the attribution decides
        ("Quote from Jane Ortiz, Head of Product at Acme", "leader_quote"),
        ("Quote from a pilot customer at Mercy Clinic", "customer_quote"),
    ],
)
def test_a_quote_heading_names_the_speaker_s_side(heading: str, part: str) -> None:
    assert alias_part(heading) == part


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("Problem Statement: The Information Asymmetry in Global Offsets", "problem"),  # over 60 characters
        ("Solution Description: AI-Powered Accountability for Every Carbon Credit Sold", "solution"),
        ("Customer Quote: What a Food Bank Manager in Dayton Told Us After a Month", "customer_quote"),
        (
            "Headline: Green Light for Beara Youth as the School Launches a Driving Initiative",
            None,
        ),  # the headline itself
        ("Hook: Restoring Trust in a $50 Billion Market", None),
    ],
)
def test_a_body_part_s_label_before_a_colon_names_the_part_whatever_follows(heading: str, part: str | None) -> None:
    assert alias_part(heading) == part


def test_a_template_s_placeholders_say_whose_quote_it_is() -> None:
    anatomy = anatomy_of(
        """
        # Shield briefs security teams on attacks against their models

        SEATTLE, WA — March 3, 2027 — Today Shield launched weekly threat briefings for AI teams.

        "Nobody tracked attacks on models until now," said [Name], [Title].

        "We patched two holes the week we read about them," said [Customer Name], [Customer Title]
        at [Customer Company].
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "customer"]
    # One placeholder with several slots: any of them can say it is a customer's.
    alone = anatomy_of(
        """
        # Shield briefs security teams on attacks against their models

        SEATTLE, WA — March 3, 2027 — Today Shield launched weekly threat briefings for AI teams.

        > *"The Shield briefings closed a gap we'd been trying to fill internally for three years.
        > We measured our exposure before and after, and we patched two holes in a week."*
        > — **[Head of Safety Case, Pilot Customer]**
        """
    )
    assert [q.speaker for q in alone.quotes] == ["customer"]


@pytest.mark.parametrize("heading", ["What Customers Are Saying", "Satisfied Customer", "What our users say"])
def test_testimonial_headings_name_the_customer_quote(heading: str) -> None:
    assert alias_part(heading) == "customer_quote"


@pytest.mark.parametrize(
    "heading", ["Why Customers Say No", "Users Say They Hate Manual Counting", "Happy Customer Metrics"]
)
def test_headings_that_mention_customers_saying_are_not_testimonials(heading: str) -> None:
    assert alias_part(heading) != "customer_quote"


def test_a_quote_after_a_lead_that_names_the_speaker_and_a_shouted_quote() -> None:
    anatomy = anatomy_of(
        """
        # Keepsake sends your voice to your children years from now

        Keepsake records a message today and delivers it on a date you choose.

        "We want every family to keep the voices that matter," said Dana Ruiz, founder of Keepsake.

        [Parent with a long illness], "I was afraid my son would never hear me. Now he will."

        ## Customer Quote

        > "THIS APP MADE MY MOTHER CRY, IN A GOOD WAY!"
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "customer", "customer"]
    assert anatomy.quotes[1].placeholder


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        # Labels and openings name no one.
        ("Tagline:", ""),
        ("Mission Statement:", ""),
        ("**Product Tagline:**", ""),
        ("Elevator Pitch:", ""),
        ("Today, Acme Books announced:", ""),
        ("On Windows, run:", ""),
        ("Customer Problem, in one sentence:", ""),
        ("Key Benefits, in one line:", ""),
        ("Sample Message, sent at 8am:", ""),
        # Names do, with or without a title.
        ("Maria Lopez, nurse at Mercy Clinic:", "Maria Lopez, nurse at Mercy Clinic"),
        ("Dr. Maria Lopez, nurse:", "Dr. Maria Lopez, nurse"),
        ("Dr. Lopez, CEO of Tidewater:", "Dr. Lopez, CEO of Tidewater"),
        ("Mrs. Ruiz, nurse:", "Mrs. Ruiz, nurse"),
    ],
)
def test_a_lead_before_a_quotation_names_its_speaker_only_if_it_is_a_name(lead: str, speaker: str) -> None:
    anatomy = anatomy_of(
        f"""
        # Tidewater keeps every line of its code readable

        Tidewater replaces a framework with twelve small programs a reader can check.

        {lead} "We stop building software that breaks. We start building logic that survives."
        """
    )
    assert [q.attribution for q in anatomy.quotes if q.attribution] == ([speaker] if speaker else [])


def test_the_release_mark_after_a_note_starts_the_release() -> None:
    anatomy = anatomy_of(
        """
        # Press release

        *Draft for launch. Written to be pasted into a post or sent to a newsroom, and every claim
        in it describes something that is built and running.*

        FOR IMMEDIATE RELEASE

        ## CSGN launches a crypto television channel that anyone can get on

        CSGN today opened its channel to every streamer who holds its token.
        """
    )
    headline = anatomy.get("headline")
    assert headline is not None and headline.text.startswith("CSGN launches")


def test_kind_words_are_the_first_paragraphs_lower_case_words() -> None:
    def words_of(text: str) -> frozenset[str]:
        return kind_words(build_document("d.md", SourceText(text), parse(text)).units)

    text = "# Title\n\nCustomers can sign up today.\n\n```\nnpm install x\n```\n\n- Run It now\n"
    assert words_of(text) == {"customers", "can", "sign", "up", "today"}  # no heading, code or list words
    # Cut at a space: the word that crosses the limit is left out whole, not as a fragment.
    long = "# T\n\n" + "alpha " * (KIND_TEXT_CHARACTERS // 6) + "omegaword more\n"
    assert words_of(long) == {"alpha"}


@pytest.mark.parametrize(
    ("introduction", "quoted"),
    [
        ("A typical answer on the fourteenth tee:", False),  # what the product shows
        ("Maria Lopez, a golfer in Tacoma, after her first round:", True),  # a name
        ("Our founder, after the first season:", True),  # a role
    ],
)
def test_a_quotation_shown_as_an_example_is_not_a_person_s_quote(introduction: str, quoted: bool) -> None:
    anatomy = anatomy_of(
        f"""
        # Caddie tells weekend golfers which club to hit

        SEATTLE — June 1, 2027 — Today Caddie launched a shot adviser for weekend golfers.

        {introduction}

        > "Hit a 7-iron and favour the left half. The bunker short-right catches your usual miss."

        "I stopped guessing on every par three," said Dana Ortiz, a golfer in Tacoma.
        """
    )
    first_words = [q.unit.text[q.start : q.end].split()[0].strip('"“') for q in anatomy.quotes]
    assert first_words == (["Hit", "I"] if quoted else ["I"])


def test_unsigned_quoted_list_items_and_review_steps_are_not_quotes() -> None:
    anatomy = anatomy_of(
        """
        # Mailroom routes council letters to the right desk

        SEATTLE, WA — March 3, 2027 — Today the county launched Mailroom for its clerks.

        Clerks sort two thousand letters a week by hand, and one in ten reaches the wrong desk.

        Mailroom reads each letter and routes it. Steps include:

        - **Scan** — photograph the letter at the front desk
        - **Review** — send unclear letters to a supervisor for a decision
        - **Manual Review** — send what the supervisor cannot place to the clerk of the board
        - **Archive** — file the letter with its routing record

        Subject lines that worked in our pilot:

        - "Your permit letter reached the right desk in a day, not a week"
        - "Mailroom routes two thousand council letters a week for the clerks"

        "I used to spend Mondays sorting mail," said Dana Ortiz, a records clerk in Pierce County.
        """
    )
    assert [q.name for q in anatomy.quotes] == ["Dana Ortiz"]


def test_quoted_questions_are_what_users_ask_not_quotes() -> None:
    anatomy = anatomy_of(
        """
        # Mailroom routes council letters to the right desk

        SEATTLE, WA — March 3, 2027 — Today the county launched Mailroom for its clerks.

        A clerk can start with, "Which letters need a decision today?" Mailroom explains which desk each one goes to.
        Clerks ask follow-up questions in chat: "Why did this go to permits?" or "Who signed for it?"

        "We asked ourselves a question: why does a letter wait a week?" said Dana Ortiz, the county's records lead.
        """
    )
    assert [q.name for q in anatomy.quotes] == ["Dana Ortiz"]


def test_a_heading_that_describes_the_difficulty_counts_with_the_paragraph_under_it() -> None:
    # "### Breaking Down Cost Barriers" over the status quo told in figures: the heading's words
    # say what the paragraph is, as a problem cue would inside it.
    release = """
        # Clinics get heart monitoring for $40 a month

        **DENVER, CO – November 6, 2025** – A new open-source heart monitor is now free for community clinics.

        The HeartLine system, developed by a nurse after her own heart attack, records three leads and flags
        irregular beats for the clinic's doctor.

        ### Breaking Down Cost Barriers

        Traditional monitoring systems cost $50,000 to $100,000, putting them out of reach for many rural
        clinics. HeartLine runs for about $40 a month plus $115 for each monitor.

        "Every clinic should be able to watch a heart," said Ana Reyes, founder of HeartLine.
    """
    problem = anatomy_of(release)["problem"]
    assert problem is not None and problem.text.startswith("Traditional monitoring")
    # Under a heading that says nothing of a difficulty, the same paragraph weighs less.
    plain = release.replace("Breaking Down Cost Barriers", "Pricing Compared")
    plain_problem = anatomy_of(plain)["problem"]
    assert plain_problem is None or plain_problem.confidence < problem.confidence


@pytest.mark.parametrize(
    ("under", "is_problem"),
    [
        # The benefit, not a difficulty: no problem, and no "solution before the problem" either.
        ("This makes large uploads feel instant and keeps the editor responsive, reducing drop-off.", False),
        ("Reduces configuration complexity and increases adoption through a better experience.", False),
        ("Meeting the submission requirements reduces the risk of a rejected entry.", False),
        # A difficulty told under the same heading is the problem.
        ("Developer profiles today are static lists of repositories. They show volume, not character.", True),
        ("Keeping track of uploads makes it hard to start editing before every file has arrived.", True),
        # A gerund before "keeps" or "turns" may tell the difficulty (review of 2026-12-06), and the
        # problem's cue words are no test (this one has none); so a noun phrase before "turn" is
        # read as the problem too, though it may be a benefit.
        ("Counting stock by hand keeps bakers in the shop until nine at night.", True),
        ("Reusable style preferences turn one-off edits into a consistent creative system.", True),
    ],
)
def test_why_it_matters_is_the_problem_only_when_it_states_a_difficulty(under: str, is_problem: bool) -> None:
    release = f"""
        # Cinematic Editor previews videos while they upload

        **Summary**
        Creators drop a video into the editor and start cutting at once.

        **How It Works**
        The editor plays a local copy while the file uploads in the background.

        **Why It Matters**
        {under}

        ## FAQ

        **Does the user need to wait for the upload?**
        No. The editor plays the local copy.
    """
    problem = anatomy_of(release)["problem"]
    assert (problem is not None and problem.text.startswith(under[:20])) is is_problem
    # The same text as a run-in label's ("**Why it matters:** Reduces ..."), as a field list has it.
    runin = release.replace("**Why It Matters**\n        ", "**Why it matters:** ")
    assert runin != release
    problem = anatomy_of(runin)["problem"]
    assert (problem is not None and under[:20] in problem.text) is is_problem


def test_a_benefit_line_under_why_it_matters_leaves_the_problem_after_it() -> None:
    anatomy = anatomy_of(
        """
        # Shelfwise lets independent bakeries see their stock at a glance

        SEATTLE, May 4, 2026 — Today Shelfwise launched stock tracking for independent bakeries.

        **Why It Matters**

        This saves bakers two hours every week.

        Today most bakeries count stock by hand on paper sheets, and one bakery in three runs out of a
        key ingredient every month.
        """
    )
    problem = anatomy["problem"]
    assert problem is not None and problem.text.startswith("Today most bakeries")


def test_a_feature_list_second_after_the_summary_is_not_the_problem() -> None:
    anatomy = anatomy_of(
        """
        # Skyhop flies commuters across the bay

        SEATTLE, WA — March 3, 2027 — Today Skyhop launched electric air taxis between Seattle and Bremerton.

        - On-demand flights: book a seat in the app and pick a landing pad near you.

        Skyhop seats four passengers and lands on rooftop pads.
        """
    )
    assert anatomy.get("problem") is None


def test_remembered_cue_hits_and_sentences_answer_for_their_own_phrases_and_text() -> None:
    """`cue_hits` and `split_sentences` remember short texts' answers (the anatomy is built again
    after each edit): an answer is the text's and the phrases', and callers get their own list."""
    text = "Owners wait days. Today, they can't track orders! Shelfwise fixes that."
    assert cue_hits(text, ("wait", "track")) == ["wait", "track"]
    assert cue_hits(text, ("fixes",)) == ["fixes"]  # other phrases, same text: not the answer above
    first = cue_hits(text, ("wait", "track"))
    first.append("changed")
    assert cue_hits(text, ("wait", "track")) == ["wait", "track"]
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Owners wait days.",
        "Today, they can't track orders!",
        "Shelfwise fixes that.",
    ]
    spans.clear()
    assert len(split_sentences(text)) == 3
    long = text + " " + "More words here. " * (REMEMBERED_TEXT // 17 + 1)
    assert len(long) > REMEMBERED_TEXT  # not remembered: the same answers all the same
    assert cue_hits(long, ("wait", "track")) == ["wait", "track"]
    assert len(split_sentences(long)) == 3 + REMEMBERED_TEXT // 17 + 1
    prompt = "Name the product in a way the reader (i.e. your target customers) will understand."
    assert template_prompt(prompt) == template_prompt(prompt) == prompt
    assert template_prompt(prompt + " " * REMEMBERED_TEXT) == prompt  # too long to remember, same answer
    assert template_prompt("Owners wait days for their orders to arrive.") is None


DESIGN_DOC = """
    # Sharded write-ahead log

    ## Motivation

    Today every write goes through one log file, and on busy nodes the fsync queue becomes the
    bottleneck: p99 commit latency doubles when more than eight tenants write at once. This document
    proposes splitting the log by tenant so that one noisy tenant cannot slow the others.

    ## Design

    Each tenant gets its own segment files under `wal/<tenant>/`. The writer keeps one open segment
    per active tenant and rotates it at 64 MB. Recovery replays segments in timestamp order, merging
    them with a heap, so the order of commits across tenants is preserved.

    ## Alternatives considered

    We could batch fsyncs across tenants instead. That keeps one file but still couples tenants, and
    it makes latency depend on the slowest writer in the batch.
"""

BLOG_POST = """
    # What we learned moving our docs to a static site

    Last spring our documentation lived in a wiki that nobody liked. Pages went stale, search was
    slow, and contributors had to ask for an account before fixing a typo. We moved everything to a
    static site generated from Markdown in the main repository, and this post is about what went well
    and what did not.

    The biggest win was review: a documentation change is now a pull request like any other, so it is
    read by someone who knows the code. The biggest surprise was how many pages we could delete; about
    a third of the wiki described features that no longer exist.
"""


@pytest.mark.parametrize("markdown", [DESIGN_DOC, BLOG_POST], ids=["design-doc", "blog-post"])
def test_prose_that_is_no_release_stays_other_markdown_with_a_margin(markdown: str) -> None:
    """The kind model's words favour prose; a design document or a blog post, all prose, must still
    fall clearly on the other side (a pre-commit hook on a docs folder must not start judging them)."""
    anatomy = anatomy_of(markdown)
    assert anatomy.kind == "other"
    assert anatomy.kind_score < -0.5


@pytest.mark.parametrize(
    ("heading", "names"),
    [
        ("Where Vite is Heading", False),  # a common word names a part only as the whole heading
        ("Heading", True),
        ("Shelfwise PRFAQ", True),
        ("Press Releases", True),
        ("Customer Quotes", True),
        ("Our Press Release Process", True),
        ("Impressive Releases", False),
    ],
)
def test_headings_that_name_the_genre(heading: str, names: bool) -> None:
    from wbl import anatomy

    words = {anatomy.normalise(w) for w in anatomy.data()["kind"]["heading-words"]}
    assert anatomy._names_genre(anatomy.heading_key(heading), words) is names


def test_plain_text_labels_on_their_own_line_name_the_paragraph_below() -> None:
    anatomy = anatomy_of(
        """
        Leakline – Press Release
        Headline
        Leakline Tells Landlords About a Leak Before the Ceiling Stains

        Subhead
        Property managers hear about water damage the day it starts, not the week after.

        SEATTLE, WA — March 3, 2027 — Today Dripworks launched Leakline, a sensor service for landlords.

        Most landlords hear about a leak only when the tenant downstairs sees the stain. By then the
        joists are wet and the repair costs thousands.

        Leakline puts a coin-sized sensor under every sink. When it feels water it texts the landlord.

        Quote
        "We built Leakline after a burst pipe cost one of our buildings $40,000. We check every unit now."

        Call to Action
        Landlords can sign up today at leakline.example.
        """
    )
    found = lines(anatomy)
    assert found["headline"] == 3
    assert found["subheading"] == 6
    assert found["leader_quote"] == 16
    assert found["call_to_action"] == 19
    assert found["problem"] == 10  # the "Subhead" label names its own paragraph, not the rest


def test_a_release_mark_above_the_dateline_leaves_the_headline_below_them() -> None:
    anatomy = anatomy_of(
        """
        FOR IMMEDIATE RELEASE
        Louisville, KY – March 10, 2026

        Totus Gives People Their Health Data and Makes Sharing It with Doctors Easy

        For millions tracking sleep and glucose across devices, the data is scattered. Today, that changes.
        """
    )
    found = lines(anatomy)
    assert found["dateline"] == 2
    assert found["headline"] == 4


def test_a_quotation_whose_closing_mark_is_missing_is_still_a_quote() -> None:
    anatomy = anatomy_of(
        PLAIN_RELEASE.replace(
            '"I got the text at 2 a.m., the plumber was there by 3, and nobody downstairs noticed a thing,"\n'
            "    said Tom Baker, who manages 40 apartments in Tacoma.",
            "> “I got the text at 2 a.m., the plumber was there by 3, and nobody downstairs noticed. —Tom Baker",
        )
    )
    quote = anatomy["customer_quote"]
    assert quote is not None and quote.line == 17
    assert [q.name for q in anatomy.quotes] == ["Ana Reyes", "Tom Baker"]


@pytest.mark.parametrize(
    "attribution",
    [
        "said Dana Ito, CISO, Fortune 500 Financial Services Company",
        "said Miguel Ortiz, head of infrastructure at Tick Logistics",
        "said Jordan Reyes, a product manager who piloted an early build",
    ],
)
def test_after_a_leader_s_quote_a_leader_elsewhere_or_one_of_many_speaks_as_a_customer(attribution: str) -> None:
    anatomy = anatomy_of(
        f"""
        # Gatekeep stops AI agents from calling tools they should not

        SEATTLE, WA — March 3, 2027 — Today Gatekeep launched a policy engine for AI agents.

        "Agents reach databases with no boundary. Gatekeep gives them one," said Ana Reyes, CEO of Gatekeep.

        "We tried prompt guardrails, but neither gave us the enforcement our auditors require," {attribution}.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "customer"]


def test_the_first_quote_of_a_founder_is_the_leader_s_even_when_the_company_is_not_named_early() -> None:
    anatomy = anatomy_of(
        """
        # PX Skills takes a product from idea to shipped code

        **github.com/chordio/px-skills — September 2026.** PX Skills is now public under the MIT license.

        "Coding agents made it cheap to build things that should never have been built," said Ehud
        Halberstam, founder of Chordio and the project's maintainer.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader"]


def test_the_person_of_the_release_s_contact_block_speaks_for_the_company() -> None:
    anatomy = anatomy_of(
        """
        August 2018

        Kristina Taylor
        https://waterlooregionvotes.org
        wrvotes@example.org

        ## Volunteers build WaterlooRegionVotes.org to help voters find their candidates

        Local volunteers have built a one-stop site for the municipal election on October 22, 2018.

        "In 2014 I reached the polling station ready to vote, only to find one of the positions was a
        choose-two," said Kristina Taylor.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader"]


def test_a_leader_at_another_organisation_who_names_the_launch_speaks_as_a_customer() -> None:
    anatomy = anatomy_of(
        """
        # Liatrio launches the Spec-Driven Workflow for product and engineering teams

        AUSTIN, TX -- Today Liatrio announced the Spec-Driven Workflow, which keeps specs, tickets and
        prompts in one place.

        "Liatrio's Spec-Driven Workflow cut our context switching in half," said Jordan Ramos, VP
        Engineering at VectorScale.

        "Product teams finally describe outcomes the way engineering builds them," added Maya Chen,
        Director of Product at Skyline Robotics.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["customer", "customer"]


def test_a_leader_of_a_department_who_names_the_product_is_the_company_s() -> None:
    anatomy = anatomy_of(
        """
        # Vigil lets violation teams build their own workflows

        Today we announce Vigil, a workflow builder for violation processing teams.

        "For too long we asked our teams to work around software. Vigil changes that," said Jordan
        Placeholder, VP of Operations.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader"]


def test_a_role_the_release_is_for_speaks_as_a_customer() -> None:
    anatomy = anatomy_of(
        """
        # Compass tells an engineering manager what to do today

        Compass is for the engineering manager who owns one to three delivery teams. Today that
        manager spends the first hour of the day rebuilding reality by hand.

        > "I told it once that Priya was out all week and it stopped calling her work stalled."
        > -- Engineering manager, two Scrum teams

        "We built Compass so that managers stop rebuilding the board," said Dana Ruiz, engineering
        manager at Compass.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["customer", "leader"]


def test_a_person_the_release_introduces_as_its_leader_speaks_for_the_company() -> None:
    anatomy = anatomy_of(
        """
        # Plugging into the global payment network

        LNX lets businesses send and receive payments from anyone in the world, without chargebacks.

        When asked about the project, Ramon Tayag expounded. "It is my hope that every business in
        the Philippines can take part in the modern economy."

        When we asked what it means for Filipinos, he said one word: "Remittances. Ten million of us
        work abroad and send money home."

        Ramon Tayag spearheads LNX and is the CTO of BloomX, a crypto exchange in the Philippines.
        """
    )
    # "he said one word": the pronoun before the verb is who speaks, not the words after it.
    assert [(q.speaker, q.attribution) for q in anatomy.quotes] == [
        ("leader", "When asked about the project, Ramon Tayag"),
        ("leader", "he"),
    ]


def test_a_quote_signed_he_or_she_is_by_the_person_quoted_just_before() -> None:
    anatomy = anatomy_of(
        """
        # Shelfwise tells bookstore owners what to reorder

        "Owners spent Sunday nights counting shelves," said Dana Ruiz, founder of Shelfwise.

        "Now the count takes ten minutes and the order goes out on Monday morning," she added.
        """
    )
    assert [(q.speaker, q.name, q.role) for q in anatomy.quotes] == [
        ("leader", "Dana Ruiz", "founder of Shelfwise"),
        ("leader", "Dana Ruiz", "founder of Shelfwise"),
    ]


@pytest.mark.parametrize(
    ("after", "attribution"),
    [
        ("Jenny, event manager, IGSC.", "Jenny, event manager, IGSC"),
        ("Acme, the maker of shelf labels, launched it today.", ""),  # a sentence goes on
        # A person's name alone after a quotation that ends its sentence (a user trial).
        ("Kevin Sheehy", "Kevin Sheehy"),
        ("Dana Maria Ruiz", "Dana Maria Ruiz"),
        ("José Núñez.", "José Núñez"),
        ("Kevin McAllister", "Kevin McAllister"),
        ("Find Speakers", ""),  # a common word: no name
    ],
)
def test_a_name_and_role_after_a_quotation_sign_it_without_a_dash(after: str, attribution: str) -> None:
    anatomy = anatomy_of(
        "# The Speakers Bureau finds speakers for green software events\n\n"
        "Conference organisers can now book a vetted speaker in a day.\n\n"
        "\u201cWe were pleased with how easy it was to find the speakers for our conference.\u201d " + after + "\n"
    )
    assert [q.attribution for q in anatomy.quotes] == [attribution]


def test_a_title_case_line_under_the_release_mark_is_the_headline_full_stop_or_not() -> None:
    anatomy = anatomy_of(
        """
        FOR IMMEDIATE RELEASE

        Introducing [App Name]: Transform Any Novel into Your Personal Interactive Adventure.

        SEATTLE, WA -- Readers can now turn any novel into a game in which they play the main
        character and every choice changes the story.
        """
    )
    assert anatomy["headline"].segments[0].text.startswith("Introducing [App Name]")
    assert "problem" not in anatomy.parts


def test_a_customer_with_a_title_elsewhere_is_still_a_customer() -> None:
    anatomy = anatomy_of(
        """
        # LNX lets shops take payments from anyone in the world

        LNX lets businesses send and receive payments from anyone in the world, without chargebacks.

        "I was paid the same day, for the first time," said Maria Santos.

        Maria Santos is the director of a bakery in Cebu.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["customer"]


def test_answers_glued_to_the_template_s_prompts_are_the_parts() -> None:
    # Markdown's lazy continuation joins "Callback" to the prompt's block quote: one paragraph.
    anatomy = anatomy_of(
        """
        ## Heading ##
          > Name the product in a way the reader (i.e. your target customers) will understand.
          Callback

        ## Sub-Heading ##
          > Describe who the market for the product is and what benefit they get. One sentence only.
          Junior programmers find the job they want, quicker.

        ## Problem ##
          > Describe the problem your product solves.
          Job seekers track dozens of applications in spreadsheets and miss follow-ups.
        """
    )
    found = lines(anatomy)
    assert (found["headline"], found["subheading"], found["problem"]) == (3, 7, 11)
    assert anatomy["headline"].text == "Callback"


@pytest.mark.parametrize(
    "attribution",
    ["said a Medalert contributor", "said Tim Engle, Head of Customer Service at Medalert"],
)
def test_the_company_s_own_people_are_its_leaders_whatever_their_title(attribution: str) -> None:
    anatomy = anatomy_of(
        f"""
        # Medalert reminds families when a parent's medication is due

        SEATTLE, WA — March 3, 2027 — Today Medalert launched medication reminders for caregivers.

        "Missed doses send thousands of parents back to hospital each year. Nobody should," {attribution}.
        """,
        path="medalert.md",
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader"]


def test_answers_written_in_quotation_marks_under_a_part_s_heading_are_that_part() -> None:
    anatomy = anatomy_of(
        """
        ## Summary ##
          > Give a summary of the product and the benefit.
          "Pulser lets students signal their instructor, during class, that they need help."

        ## Problem ##
          > Describe the problem your product solves.
          "In a large class, students are not comfortable asking for help, and they fall behind."

        ## Customer Quote ##
          "I asked for help three times in one lecture and nobody noticed," said Mitch Dunn, a student.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["customer"]
    assert anatomy["problem"].text.startswith('"In a large class')


UNSPLIT_FAQ = """
    # Leakline tells landlords about a leak before the ceiling stains

    SEATTLE, March 3, 2027 -- Leakline today launched a sensor that texts landlords when water pools.

    ## FAQ

    **How much does it cost?**
    $9 a month per sensor.

    **Can I put it under a sink?**
    Yes, it fits under any sink.

    **Does it work without Wi-Fi?**
    Yes, over the cellular network.

    {extra}
    """


@pytest.mark.parametrize(
    ("extra", "internal"),
    [
        # One design question among customer questions is not an internal FAQ ...
        ("**Why use text messages instead of notifications?**\nMost landlords read texts first.", False),
        # ... two stakeholder questions are, and so is one pre-mortem question.
        (
            "**Why use text messages instead of notifications?**\nMost landlords read texts first.\n\n"
            "**What is our margin per sensor?**\nAbout $3.",
            True,
        ),
        ("**What would cause this to fail?**\nLandlords who ignore texts.", True),
    ],
)
def test_an_unsplit_faq_needs_more_than_one_design_question_for_an_internal_half(extra: str, internal: bool) -> None:
    anatomy = anatomy_of(UNSPLIT_FAQ.replace("{extra}", textwrap.indent(extra, "    ").lstrip()))
    assert anatomy.present("external_faq")
    assert anatomy.present("internal_faq") is internal


def test_a_first_name_with_a_surname_slot_is_the_same_leader_later() -> None:
    anatomy = anatomy_of(
        """
        # FleetFusion proves a fleet video was never edited

        SEATTLE, March 3, 2027 -- FleetFusion today launched SecureFusion, a seal for fleet video clips.

        "Fleet video decides insurance claims," said Matt [Surname], Founder of FleetFusion. "Yet nobody
        outside the platform can confirm a clip is untouched."

        "This only works if it's open," said Matt. "We'd rather have ten platforms use it than one."
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "leader"]
    assert anatomy.quotes[0].name == "Matt" and anatomy.quotes[0].placeholder
    assert not anatomy.present("customer_quote")


@pytest.mark.parametrize(
    ("attribution", "name", "role"),
    [
        ("said founder Wes Eklund.", "Wes Eklund", "founder"),
        ("said early user Alex Rivera.", "Alex Rivera", "early user"),
        ("said CEO Jane Smith.", "Jane Smith", "CEO"),
        ("said Mayor Teresa Lindgren.", "Teresa Lindgren", "Mayor"),
        ("said Dean Smith, a nurse in Tacoma.", "Dean Smith", "a nurse in Tacoma"),
        # A role tied to an organisation names no one; neither does a role alone.
        ("said engineers at Acme Labs.", None, "engineers at Acme Labs"),
        ("said the head of product.", None, "the head of product"),
    ],
)
def test_a_role_before_the_name_still_names_the_speaker(attribution, name, role) -> None:
    anatomy = anatomy_of(
        f"""
        # Totus keeps your health records in one vault

        Totus, a health vault for patients, launched today.

        "Totus is your personal health vault," {attribution} "You own the keys."
        """
    )
    assert [(q.name, q.role) for q in anatomy.quotes] == [(name, role)]


@pytest.mark.parametrize(
    "paragraph",
    [
        # Phrases in quotation marks, and a verb of saying with an object of its own in the next sentence.
        '"Fast-paced environment" reads differently than "sustainable pace." "Wear many hats" suggests '
        "under-resourcing. This dimension is subjective and the evaluator explains its reasoning.",
        # A verb of saying with an object, next to a quoted request.
        'Quick mode answers "what is X" fast. Deep mode (15 minutes) adds source checks and quality gates — '
        '"write me a brief on X for my VP" triggers the full pipeline.',
        # Quoted examples, then a clause that goes on with a verb of saying and its object.
        'Reply to the email — "Marcus is out Jul 27 to Aug 2," "the PM descoped the epic" — and the next '
        "report reflects it.",
        # "says" followed by a clause that happens to hold a capital further on.
        'It writes what a summarizer cannot: "still blocked on the same dependency, day 6." Every item says '
        "how far it actually got: ticket moved, PR merged, tagged.",
        # What a screen shows, "said" by a thing; a verb of saying before a clause.
        'Nothing is sent. The UI says "9 actions would run for real." Nothing runs.',
        "Its own scoring function says the customer is best off closing the laptop. You cannot write "
        '"Preflight gave me my week back" over that screen.',
        # A verb of saying after a quotation, then a thing (not "exist": the phrase's head is "capability").
        'The README\'s line "only then does anything touch the world" describes a capability that does not exist yet.',
        # A verb of saying whose object opens with an article: a thing, not a speaker.
        'Sarah finds an event titled "Clothing and Socks Giveaway for the Homeless" and notes the date, '
        "time, and location to tell visitors about it.",
    ],
)
def test_quoted_phrases_are_not_quotations(paragraph: str) -> None:
    anatomy = anatomy_of(f"# Compass writes the standup report\n\n{paragraph}\n")
    assert anatomy.quotes == ()


@pytest.mark.parametrize(
    "speaker", ["a nurse in Ohio", "an imagined builder, the person this is for", "the team", "a chef", "one friend"]
)
def test_words_after_the_verb_that_open_with_an_article_name_the_speaker(speaker: str) -> None:
    anatomy = anatomy_of(f'# Shelfwise restocks the shelf\n\n"We stopped guessing what to reorder," said {speaker}.\n')
    assert [q.attribution for q in anatomy.quotes] == [speaker]


def test_a_name_a_few_words_after_the_verb_is_the_speaker() -> None:
    anatomy = anatomy_of(
        """
        # Shelfwise restocks the shelf before it empties

        "We stopped guessing which books to reorder and started selling them," said former bookseller
        Dana Ruiz.
        """
    )
    assert [q.attribution for q in anatomy.quotes] == ["former bookseller Dana Ruiz"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"We shipped it in a week," Dana Ruiz said today.', "Dana Ruiz"),
        ('"It works for every clinic we run," she said in a statement.', "she"),
        ('"It works for every clinic we run," Dana Ruiz explained at the launch.', "Dana Ruiz"),
        ('"It works for every clinic we run," said longtime customer and nurse Dana Ruiz.', "longtime customer"),
    ],
)
def test_the_speaker_after_a_quotation_is_kept_whatever_follows_the_verb(sentence: str, speaker: str) -> None:
    anatomy = anatomy_of(f"# Shelfwise restocks the shelf\n\n{sentence}\n")
    assert len(anatomy.quotes) == 1 and anatomy.quotes[0].attribution.startswith(speaker)


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("What developers are saying:", "customer_quote"),
        ("What People Are Saying", "customer_quote"),
        ("What our users think about it", "customer_quote"),
        ("What We Have to Say", "leader_quote"),
        ("What analysts say", "quote"),
        ("What if the system says everything is ready?", None),  # a question, not voices
        ("What the system says", None),  # no people named
        ("Get it:", "call_to_action"),
    ],
)
def test_what_people_are_saying_names_the_customers_voices(heading: str, part: str | None) -> None:
    assert alias_part(heading) == part


def test_a_signature_under_a_quotation_is_never_a_quote_of_its_own() -> None:
    anatomy = anatomy_of(  # two spaces end a line: a hard break inside the block quote
        """
        # Shelfwise restocks the shelf before it empties

        Bookstore owners can now see what to reorder before a shelf empties.

        ## Testimonials

        > _"Finally, a shop where I'm not the stock clerk \u2014 I'm the owner."_{BREAK}
        > \u2014 **Dana-7**, Early Beta Tester

        > _"My Sunday nights are mine again, and the order goes out on Monday morning without a count."_{BREAK}
        > \u2014 **Bookseller, Portland**
        """.replace("{BREAK}", "  ")
    )
    # Both quotations, each signed (the first, in italics and short, was once taken for a label).
    assert [(q.speaker, q.attribution) for q in anatomy.quotes] == [
        ("customer", "Dana-7, Early Beta Tester"),
        ("customer", "Bookseller, Portland"),
    ]


def test_where_to_get_it_written_as_fields_under_get_it_is_the_call_to_action() -> None:
    anatomy = anatomy_of(
        """
        # Fachwerk puts your agents in the sidebar

        Developers can now open every agent they wrote from the VS Code sidebar, in any project.

        **Get it:**

        VS Code Marketplace: Search "Fachwerk"

        GitHub: github.com/example/fachwerk
        """
    )
    assert anatomy.parts["call_to_action"].line == 7


def test_the_company_the_boilerplate_is_about_speaks_as_the_leader() -> None:
    anatomy = anatomy_of(
        """
        # Agent Swarm gives AI agents a memory

        Today marks the launch of Agent Swarm, a server that remembers what agents learn.

        "Every day, developers teach their agents the same fixes again," says the founder.

        ### The Problem

        Each agent forgets what the others learned. Teams fix the same error many times a week.

        ### The Solution

        Agent Swarm stores each fix once and hands it to every agent that meets the error again.

        ### Use Cases

        A team of four stops fixing the same build error every Monday.

        ### Availability

        Agent Swarm is free and open source today.

        ### Quote

        "We believe agents should remember what they learn," says [Founder Name], CEO of Next AI Labs.

        ### About Next AI Labs

        Next AI Labs builds tools for developers.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "leader"]


def test_a_part_s_name_as_a_plain_text_paragraph_heads_the_paragraphs_below() -> None:
    anatomy = anatomy_of(
        """
        Agent OS keeps a family's AI at home

        Agent OS runs a family's assistant on one computer in the house, with no cloud account.

        A Broader Message

        Artificial intelligence does not require a data centre to be useful.

        Availability

        Agent OS is freely available now.

        No permission is required to copy, modify, or distribute this work.

        About the Author

        Kase Branham is an independent researcher.
        """
    )
    assert anatomy.parts["call_to_action"].line == 11


def test_under_a_plain_quote_label_only_a_quotation_is_the_quote() -> None:
    anatomy = anatomy_of(
        """
        ## Press Release

        Today, we're making it easier for customers to add satellites to their workflows.

        Leader Quote

        UX

        Customer Testimonial

        You can get started today: follow the instructions in the documentation at example.com.
        """
    )
    assert not anatomy.quotes and anatomy.parts["call_to_action"].line == 11


def test_a_question_and_its_answer_on_one_line() -> None:
    anatomy = anatomy_of(
        """
        # WWWN ends every retro with owners and dates

        ## FAQ

        Q: Is participation anonymous? A: By default, no: inputs are private until the reveal.

        Q: Can the app stop votes when time is up? A: Yes. The app locks voting at expiry.
        """
    )
    assert [(q.text, q.answer_text) for q in anatomy.questions] == [
        ("Is participation anonymous?", "By default, no: inputs are private until the reveal."),
        ("Can the app stop votes when time is up?", "Yes. The app locks voting at expiry."),
    ]


def test_a_plain_question_line_under_a_question_heading_opens_its_answer() -> None:
    anatomy = anatomy_of(
        """
        # WWWN ends every retro with owners and dates

        ## FAQ

        ### 24. How will we measure success?

        Primary: can a team run a retro without a facilitator in the room?

        ### 25. Who is it not for?

        Open. Hostile version: who do we tell "no"?

        **Is it free?**
        Is there a trial?
        """
    )
    assert [(q.text, q.answered) for q in anatomy.questions] == [
        ("24. How will we measure success?", True),
        ("25. Who is it not for?", True),
        ("Is it free?", False),
        ("Is there a trial?", False),
    ]


def test_an_internal_faq_written_as_topics_is_still_the_internal_faq() -> None:
    anatomy = anatomy_of(
        """
        # QR Inventory finds any box in the storeroom in seconds

        Store managers can now scan a box and see what is inside it.

        ## FAQ

        ### Customer FAQ

        **Who is the user?**

        A store manager who keeps stock in boxes.

        ### Internal FAQ

        **1. Success metrics**

        - Ninety percent of boxes are labelled within the first week of use in the pilot store.
        - Managers find a box in under a minute in at least eight of ten searches.

        **2. Dependencies**

        - A phone with a camera, and the store's existing shelving and printer for the labels.
        """
    )
    assert anatomy.parts["internal_faq"].line == 13


def test_a_topic_heading_inside_a_half_of_the_faq_keeps_that_half() -> None:
    # "### On the customer" under "## Internal FAQ" groups internal questions by topic; it does not
    # open the customer's half (trial AQ: twelve internal questions were taken for external ones).
    anatomy = anatomy_of(
        """
        # QR Inventory finds any box in the storeroom in seconds

        Store managers can now scan a box and see what is inside it.

        ## Customer FAQ

        ### How do I label a box?

        Print a label from the app and stick it on the box.

        ## Internal FAQ

        ### On the customer

        ### Who is this for, specifically?

        A store manager who keeps stock in boxes and loses an hour a day looking for them.

        ### On cost

        ### What does the pilot cost?

        Two hundred dollars of labels and a week of one engineer.
        """
    )
    assert [q.audience for q in anatomy.questions] == ["external", "internal", "internal"]
    # Under a plain "## FAQ", a heading that names a side still opens that side.
    plain = anatomy_of(
        """
        # QR Inventory finds any box in the storeroom in seconds

        Store managers can now scan a box and see what is inside it.

        ## FAQ

        ### For customers

        ### How do I label a box?

        Print a label from the app and stick it on the box.

        ### Internal questions

        ### What does the pilot cost?

        Two hundred dollars of labels and a week of one engineer.
        """
    )
    assert [q.audience for q in plain.questions] == ["external", "internal"]
    # A heading that names the other half outright still opens it (review).
    nested = anatomy_of(
        """
        # QR Inventory finds any box in the storeroom in seconds

        Store managers can now scan a box and see what is inside it.

        ## Customer FAQ

        ### How do I label a box?

        Print a label from the app and stick it on the box.

        ### Internal

        ### What does the pilot cost?

        Two hundred dollars of labels and a week of one engineer.
        """
    )
    assert [q.audience for q in nested.questions] == ["external", "internal"]
    # A topic that holds such a word is still a topic ("### Public API", "### For small business owners").
    topic = anatomy_of(
        """
        # QR Inventory finds any box in the storeroom in seconds

        Store managers can now scan a box and see what is inside it.

        ## Customer FAQ

        ### How do I label a box?

        Print a label from the app and stick it on the box.

        ### For small business owners

        ### Can I use it in two stores?

        Yes, each store gets its own list.
        """
    )
    assert [q.audience for q in topic.questions] == ["external", "external"]


def test_a_working_backwards_heading_after_the_faq_opens_no_release() -> None:
    # "## Working Backwards" over milestones closing the document (trial AU) came after the FAQ
    # and hid it: its questions were taken for the release's.
    anatomy = anatomy_of(
        """
        # PRFAQ: Leakline

        ## Press Release

        ### Leakline tells landlords about a leak before the ceiling stains

        Landlords now get a text the minute a pipe starts to drip, so a plumber goes in that day.

        ## FAQ

        ### How does a landlord get alerts?

        By text message, within a minute of a sensor getting wet.

        ### What does it cost?

        Four dollars a sensor a month.

        ## Working Backwards

        ### Month 1 milestones

        Fifty landlords have sensors in their flats.
        """
    )
    assert [q.text for q in anatomy.questions] == ["How does a landlord get alerts?", "What does it cost?"]
    assert anatomy.parts["faq"].line == 9


def test_a_heading_on_implementation_is_no_internal_faq() -> None:
    anatomy = anatomy_of(
        """
        # QR Inventory finds any box in the storeroom in seconds

        Store managers can now scan a box and see what is inside it.

        ## FAQ

        **Who is the user?**

        A store manager who keeps stock in boxes.

        ## Implementation Plan

        Create the label schema and the scanning screen first, then the search over the boxes'
        contents, then the printing of labels in batches for a whole storeroom at once, with
        the pilot store's manager testing each step before the next one starts.
        """
    )
    assert "internal_faq" not in anatomy.parts or not anatomy.parts["internal_faq"].present


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("Our Company Quote", "leader_quote"),
        ("Your Solution", "solution"),
        ("A Message From Our Team", "leader_quote"),
        ("A Word from Our Customers", "customer_quote"),
        ("Our Customers", None),
        ("Sub-headline", "subheading"),
    ],
)
def test_a_part_s_name_after_a_possessive_or_as_a_message_names_the_part(heading: str, part: str | None) -> None:
    assert alias_part(heading) == part


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("Addressing Industry Challenges", "problem"),
        ("ng-Challenge", None),  # a product's name
        ("Pain-Free Scheduling", None),  # a modifier
        # Not "How to Join ...": a hiring section or a feature as often as the way in (review of round 43).
        ("How to Join the Team", None),
    ],
)
def test_a_part_s_keyword_inside_a_hyphenated_word_names_no_part(heading: str, part: str | None) -> None:
    assert alias_part(heading) == part


def test_a_dash_signature_that_markdown_made_a_list_item_signs_the_quote() -> None:
    anatomy = anatomy_of(
        """
        # CS Visualized

        Students learn data structures by watching them work, step by step.

        > I started CS Visualized because there was a better way to learn than memorizing definitions.
        > - Stephen Hyde

        Just visit our website and browse to a data structure that interests you.

        > Customize before sending:
        > - Final pickup date in the dateline
        > - One real launch-week statistic where indicated
        """
    )
    assert [(q.speaker, q.attribution) for q in anatomy.quotes] == [("leader", "Stephen Hyde")]


def test_the_product_s_name_in_a_link_s_path_is_still_a_name() -> None:
    """ "I built SampleMind because ..." is its maker speaking, though the release writes the name in
    lower case in its links ("github.com/lars/samplemind", "@samplemind"): a path or a handle is
    no common word (round 35 of the user trials took the founder for a customer)."""
    anatomy = anatomy_of(
        """
        # SampleMind Sorts Music Samples Offline

        Today SampleMind launched an offline sample organiser for music producers.

        "I built SampleMind because the cloud tools failed me," says Lars Tangen, creator and lead developer.

        Get it at github.com/lars/samplemind or follow @samplemind for news.
        """
    )
    assert [(q.speaker, q.name) for q in anatomy.quotes] == [("leader", "Lars Tangen")]


def test_after_a_paragraph_opening_with_customer_quote_only_a_quotation_is_the_quote() -> None:
    anatomy = anatomy_of(
        """
        Title: OPEN3R LETS COUNCILS PUBLISH RECYCLING CENTRE DATA IN A DAY

        Customer Quote: "We had no staff to publish the data, and now it is done," said Ann Lee, a council officer.

        To learn more, go to [OpenWasteMap](https://openwastemap.example/).
        """
    )
    assert [q.attribution for q in anatomy.quotes] == ["Ann Lee, a council officer"]
    assert anatomy.parts["call_to_action"].line == 5


def test_a_part_label_in_lower_case_opens_its_part_but_a_lower_case_key_is_no_label() -> None:
    anatomy = anatomy_of(
        """
        title: "PRFAQ: playalong"

        # PlayAlong

        PlayAlong is a music video app that shows the chords under any music video you search for.

        customer quote: "I've always wanted to learn my favorite songs on my guitar, and now I can!"
        """
    )
    roles = dict(zip((s.text.split(":")[0] for s in anatomy.segments), anatomy.roles, strict=True))
    assert roles["customer quote"] == "customer_quote"
    assert roles["# PlayAlong".lstrip("# ")] == "headline"
    assert roles["title"] != "headline"


def test_he_said_after_a_sentence_that_introduces_someone_is_that_person() -> None:
    anatomy = anatomy_of(
        """
        # Small farms can now rent a combine for a single day

        PORTLAND, Ore. — March 3, 2027 — Willamette Equipment Co-op today opened FieldShare, a day-rental
        service for farm machines.

        "Our members told us the hardest part is waiting for a machine," said Teresa Aldana, General
        Manager of Willamette Equipment Co-op.

        Mark Hessel grows 320 acres of wheat near Silverton. "Two years ago I lost a third of my fescue
        waiting for a custom crew," he said.

        Willamette Equipment Co-op opened a fifth yard in May. "I booked the first combine from it," he said.
        """
    )
    assert [(q.speaker, q.name) for q in anatomy.quotes] == [
        ("leader", "Teresa Aldana"),
        ("customer", "Mark Hessel"),
        ("customer", "Mark Hessel"),  # a company opens the sentence: "he" is the person quoted just before
    ]


def test_a_bold_line_with_a_bare_address_and_a_cue_is_the_call_to_action() -> None:
    anatomy = anatomy_of(
        """
        # Connected Arena lets every football fan play the match they are watching

        BERLIN, 22 February 2026 — Today the team launched Connected Arena, a live prediction game for fans.

        Every shot and penalty opens a ten-second prediction window, and correct calls earn points.

        **Connected Arena is live now at https://arena.example.net.**
        """
    )
    assert anatomy.parts["call_to_action"].line == 7


def test_a_short_bold_cue_over_a_link_is_the_call_to_action_not_a_feature_before_it() -> None:
    anatomy = anatomy_of(
        """
        # Lockbox Audit finds the secrets your build scripts leak

        SEATTLE, 3 March 2026 — Today Lockbox launched Audit, a free scanner for build scripts.

        - **Secret finder** – Find exposed keys and passwords in every script
        - **Email reports** – Get a weekly report delivered to your inbox

        Audit runs on your own machine; nothing leaves it.

        **Available now:** https://audit.example.net
        """
    )
    assert anatomy.parts["call_to_action"].line == 10
    # A footer of links after the close is not it: "Website" alone invites no one.
    footer = anatomy_of(
        """
        # Lockbox Audit finds the secrets your build scripts leak

        SEATTLE, 3 March 2026 — Today Lockbox launched Audit, a free scanner for build scripts.

        Audit is available today for free; download it from the Lockbox site.

        **Website:** https://audit.example.net

        **GitHub:** https://github.com/example/audit
        """
    )
    assert footer.parts["call_to_action"].line == 5


def test_a_quotation_over_several_emphasised_lines_is_one_quote_signed_below() -> None:
    anatomy = anatomy_of(
        """
        # Roomlight sets every hotel room's light at once

        Eemeli Group is pleased to announce Roomlight, one lighting design for every room of a hotel.

        _"Hotels should be about relaxation and wonder, but their light design is basic and boring._
        _Roomlight helps set the stage for a perfect holiday."_
        _- Eemeli, CEO and founder of Eemeli Group_
        """
    )
    assert [(q.speaker, q.attribution) for q in anatomy.quotes] == [
        ("leader", "Eemeli, CEO and founder of Eemeli Group")
    ]


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("Kamran Ossia, who created the project", "leader"),
        ("Mia Park, who founded Readwise", "leader"),
        ("Daniel Paul, the developer behind Euspell", "leader"),  # a user trial
    ],
)
def test_the_person_who_created_it_is_its_leader_even_if_the_draft_is_for_them(attribution: str, speaker: str) -> None:
    anatomy = anatomy_of(
        f"""
        # Euspell spells English the way it sounds

        This draft is proposed wording for {attribution.split(",")[0]}.

        LONDON — Today Euspell launched a browser extension for readers who want phonetic spelling.

        "Spelling reform never failed on the idea, it failed on delivery," said {attribution}.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == [speaker]


def test_questions_before_the_press_release_heading_are_not_the_faq() -> None:
    # Amazon's "five questions" written before the release: the FAQ starts after the release.
    anatomy = anatomy_of(
        """
        # PRFAQ: Ledger Lens

        ## Five Questions

        ### 1. Who is the customer?

        Controllers at mid-sized companies who close the books every month.

        ### 2. What is the customer's problem?

        Matching bank lines to invoices by hand takes them four days a month.

        ## Press Release

        ### Ledger Lens Closes the Month in One Day

        SEATTLE, WA — March 3, 2027 — Today Acme launched Ledger Lens, which matches bank lines to
        invoices for controllers at mid-sized companies.

        "We closed March in a day," said Priya Shah, controller at Tidewater Foods.

        ## FAQ

        ### What does it cost?

        $200 a month per company.
        """
    )
    assert anatomy["headline"].text == "Ledger Lens Closes the Month in One Day"
    assert anatomy.present("dateline") and anatomy.present("customer_quote")
    assert [q.text for q in anatomy.questions] == ["What does it cost?"]


def test_attribution_spans_are_the_words_after_a_quotation_that_say_who_speaks() -> None:
    anatomy = anatomy_of(
        """
        # Shelfwise gets special orders to bookshops overnight

        "Owners kept losing orders," said Dana Ruiz, General Manager of Shelfwise. "Now they keep them."

        Mark Hessel runs a shop in Salem. "I lost a third of my orders," he said.
        """
    )
    first, second = (q.unit for q in anatomy.quotes)
    assert [first.text[s:e] for s, e in anatomy.attribution_spans(first)] == [
        " said Dana Ruiz, General Manager of Shelfwise"
    ]
    # Introduced before the quotation: nothing after it to leave out but the pronoun's clause.
    assert anatomy.attribution_spans(second) == ()


PLAIN_FAQ = """
    # Curbside Compost picks up kitchen scraps with the trash

    GREENFIELD, Mass., April 21, 2027 — The city today launched Curbside Compost, a weekly pickup
    of food scraps for every home.

    Residents pay for trash by the bag, so a family that cooks pays to haul wet scraps.

    Frequently Asked Questions

    For residents

    1. What can go in the green cart?
       All food scraps, including meat, bones and bread.

    2. Does this cost extra?
       No. The solid waste fee pays for it.

    For the city council and DPW

    3. How big is the opportunity?
       About 6,400 households can take part.

    4. Is this a breaking change for the haulers?
       No

    5. What could cause it to fail?
       Contamination: plastic in the carts.
    """


def test_an_faq_written_without_headings_has_its_name_groups_and_questions() -> None:
    anatomy = anatomy_of(PLAIN_FAQ)
    assert anatomy.parts["faq"].line == 8 and anatomy.parts["faq"].via == "heading"
    assert [(q.text, q.audience, q.line) for q in anatomy.questions] == [
        ("What can go in the green cart?", "external", 12),
        ("Does this cost extra?", "external", 15),
        ("How big is the opportunity?", "internal", 20),
        ("Is this a breaking change for the haulers?", "internal", 23),
        ("What could cause it to fail?", "internal", 26),
    ]
    # Each answer is the item's second line; "No" answers its question, it heads no group.
    assert [" ".join(s.text for s in q.answer) for q in anatomy.questions][2:4] == [
        "About 6,400 households can take part.",
        "No",
    ]
    assert anatomy.parts["internal_faq"].line == 18  # the group's label names the stakeholders
    assert anatomy.present("big_idea") and anatomy.present("pre_mortem")


def test_a_plain_line_with_questions_in_it_is_not_the_faq_s_name() -> None:
    anatomy = anatomy_of(
        """
        # Tangent maps a long research chat

        Tangent turns a chat into a map of what was argued. The map shows:

        Claims

        Open questions

        Researchers see at once which questions are still open.
        """
    )
    assert not anatomy.present("faq") and not anatomy.questions


def test_a_title_before_the_name_does_not_end_the_attribution() -> None:
    anatomy = anatomy_of(
        """
        # Cascade Vet Line answers rural owners' calls at night

        "A wrong guess can cost them a pet," said Dr. Maria Okafor, chief medical officer of Cascade Vet.
        """
    )
    [quote] = anatomy.quotes
    assert quote.attribution == "Dr. Maria Okafor, chief medical officer of Cascade Vet"
    assert quote.role == "chief medical officer of Cascade Vet"


def test_a_quotation_alone_after_a_paragraph_that_introduces_someone_is_theirs() -> None:
    anatomy = anatomy_of(
        """
        # Bread Club brings warm loaves to the door on Saturdays

        Marcus Webb, a nurse at Hennepin Healthcare who works weekend nights, tried the club in October.

        "I get home at 7:30 on Saturday and there it is on the step. I no longer choose between sleep and bread."

        The bakery's oven, a wood-fired one from 1962, bakes 300 loaves a night.

        "It keeps the heat for hours and bakes every loaf evenly from the first batch to the last one."
        """
    )
    first, second = anatomy.quotes
    assert (first.name, first.role, first.speaker) == ("Marcus Webb", "a nurse at Hennepin Healthcare", "customer")
    assert not second.attribution  # an oven is introduced, not a person


@pytest.mark.parametrize(
    "question", ["Is this the right thing for the bakery to do?", "Why should the city do this now?"]
)
def test_questions_about_whether_to_do_it_at_all_are_bezos_s_second(question: str) -> None:
    anatomy = anatomy_of(
        f"""
        # Bread Club brings warm loaves to the door

        ## Internal FAQ

        ### {question}

        Yes: 300 families on the waiting list asked for it, and the oven is idle on Saturdays.
        """
    )
    assert anatomy.parts["should_we"].line == 5


def test_a_company_named_in_lower_case_only_in_its_web_address_is_still_the_company() -> None:
    anatomy = anatomy_of(
        """
        # Keepsafe Backups: nightly database backups that small web agencies can restore

        PORTLAND, Ore. — June 2, 2026. Stackhaus today released Keepsafe Backups for web agencies.

        "Agencies feared a broken backup more than lost data," said Tomasz Kowal, who leads Keepsafe at Stackhaus.

        Start a free trial at keepsafe.stackhaus.com.
        """
    )
    [quote] = anatomy.quotes
    assert quote.speaker == "leader"


def test_questions_in_disclosures_are_the_faq_s_questions() -> None:
    anatomy = anatomy_of(
        """
        # Keepsafe backs up every client database each night

        ## Internal questions

        <details><summary>Is the market big enough?</summary>

        About 45,000 agencies in the US and EU host client sites.
        </details>

        <details><summary>What could make this fail?</summary>

        False alarms: agencies would learn to ignore the morning email.
        </details>
        """
    )
    assert [(q.text, q.audience, q.line) for q in anatomy.questions] == [
        ("Is the market big enough?", "internal", 5),
        ("What could make this fail?", "internal", 10),
    ]
    assert [s.text for s in anatomy.questions[0].answer] == [
        "About 45,000 agencies in the US and EU host client sites."
    ]
    assert anatomy.present("big_idea") and anatomy.present("pre_mortem")


def test_the_release_starts_at_the_line_that_names_it_after_the_document_s_title_and_fields() -> None:
    anatomy = anatomy_of(
        """
        # PR-FAQ: Project Toolchain Config for OCX

        ## Overview

        **Status:** Draft
        **Author:** Platform team

        # PRESS RELEASE

        ## OCX Ships Project Toolchain Config: Commit One File, Build the Same Way Forever

        **San Francisco, June 3, 2026** — The OCX team today released project toolchain config.
        """
    )
    assert anatomy["headline"].text.startswith("OCX Ships Project Toolchain Config")
    assert not anatomy.present("subheading")


def test_the_owner_of_the_launching_business_is_its_leader_and_a_customer_s_business_is_not() -> None:
    anatomy = anatomy_of(
        """
        # Rosa's Bakery Opens Online Preorders for Busy Parents

        PORTLAND, OR, May 3, 2027 — Rosa's Bakery today launched online preorders, so parents can
        pick up a birthday cake without waiting in line.

        "We bake 200 cakes a week, and half the people in line only want to pick one up," said Rosa
        Diaz, owner of Rosa's Bakery.

        "I ordered on my phone and was out the door in two minutes," said Tom Lee, owner of Lee's
        Hardware down the street.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "customer"]


def test_the_owner_s_business_is_found_in_the_release_after_the_author_s_notes() -> None:
    notes = "\n".join(f"        - Note {n}: check the gold rate wording with the shop." for n in range(12)).lstrip()
    anatomy = anatomy_of(
        f"""
        # Notes before the release

        {notes}

        # Anchor Jewellers Launches a Hindi Jewellery App

        AYODHYA, May 2026 — Anchor Jewellers, a family jewellery house, today launched its new app.

        > "For generations, our family has built this business on trust," said Ravi Gupta, Owner,
        > Anchor Jewellers.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader"]


BACK_MATTER_AFTER_FAQ = """
    # Leakline tells landlords about a leak before the ceiling stains

    Property managers hear about water damage the day it starts, not the week after.

    ## FAQ

    ### How does a landlord get alerts?

    By text message, within a minute of a sensor getting wet.

    ## Appendix A: Additional Internal FAQs

    ### What could make this fail?

    Tenants unplugging the sensors.

    ## The Verdict

    Strong draft; the customer is clear, the problem paragraph is very good and really sharp.

    ## Coaching Notes — Stage 3: Customer FAQ

    The pricing was decided by the committee and is quite likely to be revised many times.
"""


def test_notes_and_appendices_after_the_faq_are_back_matter_no_rule_reads() -> None:
    anatomy = anatomy_of(BACK_MATTER_AFTER_FAQ)
    # The appendix that names the FAQ is the FAQ's: its question is one of the FAQ's.
    assert [q.text for q in anatomy.questions] == [
        "How does a landlord get alerts?",
        "What could make this fail?",
    ]
    text = textwrap.dedent(BACK_MATTER_AFTER_FAQ).lstrip()
    document = build_document("doc.md", SourceText(text), parse(text))
    parts = {u.text[:20]: u.part for u in document.units if u.kind == "paragraph"}
    assert parts["Tenants unplugging t"] == "faq"
    assert parts["Strong draft; the cu"] == "back" and parts["The pricing was deci"] == "back"
    report = Linter(LintOptions(kind="prfaq")).lint_text(text, "doc.md")
    back = {n for n, line in enumerate(text.splitlines(), 1) if line.startswith(("Strong draft", "The pricing"))}
    assert len(back) == 2 and not [f for f in report.findings if f.line in back], report.findings


def test_a_section_above_the_faqs_level_that_asks_nothing_ends_the_faq() -> None:
    # "### FAQs" then "## Technical design": the document has moved on to a design; a section of
    # that level that holds questions is still the FAQ's.
    text = textwrap.dedent(
        """
        # Leakline tells landlords about a leak before the ceiling stains

        Property managers hear about water damage the day it starts, not the week after.

        ### FAQs

        ### How does a landlord get alerts?

        By text message, within a minute of a sensor getting wet.

        ## Technical design

        Each sensor posts its readings to a queue that a worker drains every second.

        ## Pricing

        ### What does it cost?

        Four dollars a sensor a month.
        """
    ).lstrip()
    document = build_document("doc.md", SourceText(text), parse(text))
    parts = {u.text[:20]: u.part for u in document.units}
    assert parts["Technical design"] == "back" and parts["Each sensor posts it"] == "back"
    assert parts["Pricing"] == "faq" and parts["Four dollars a senso"] == "faq"
    assert [q.text for q in anatomy_of(text).questions] == ["How does a landlord get alerts?", "What does it cost?"]


@pytest.mark.parametrize(
    "heading",
    [
        "Email pitch template (per-outlet, keep under 150 words)",
        "DISTRIBUTION CHECKLIST",
        "Talking points for interviews",
    ],
)
def test_what_goes_out_with_the_release_is_back_matter(heading: str) -> None:
    # Trials CF and CG (2026-12-06): a pitch e-mail and a distribution checklist kept after the
    # release were judged as its text.
    assert is_back_matter(heading)
    assert not is_back_matter("Distribution") and not is_back_matter("Pricing and availability")
    # Features of a product for marketers are no back matter (review of 2026-12-06).
    assert not is_back_matter("Social media posts, written from your newsletter")
    assert not is_back_matter("Talking points your sales team can use")


def test_a_heading_that_says_it_is_not_for_the_reader_is_back_matter() -> None:
    text = textwrap.dedent(
        """
        # Leakline tells landlords about a leak before the ceiling stains

        Property managers hear about water damage the day it starts, not the week after.

        ## Fact-check ledger (internal — do not send)

        The 40% figure comes from a 2024 insurer survey that we could not verify.

        ## Internal FAQ (do not send)

        ### Who pays for the sensors?

        The landlord, at four dollars a sensor a month.
        """
    ).lstrip()
    document = build_document("doc.md", SourceText(text), parse(text))
    parts = {u.text[:20]: u.part for u in document.units}
    assert parts["The 40% figure comes"] == "back"
    assert parts["The landlord, at fou"] == "faq"  # a heading that names the FAQ stays the FAQ's


def test_a_closing_getting_started_and_an_embargo_line_stay_the_release() -> None:
    text = textwrap.dedent(
        """
        # Leakline tells landlords about a leak before the ceiling stains

        ## Embargoed: not for release until June 1, 2027

        Property managers hear about water damage the day it starts, not the week after.

        ### FAQ

        ### How does a landlord get alerts?

        By text message, within a minute of a sensor getting wet.

        ## Getting started

        Landlords sign up at leakline.example and pair a sensor in two minutes.

        ## Disclaimer

        Leakline does not replace a plumber's inspection.
        """
    ).lstrip()
    document = build_document("doc.md", SourceText(text), parse(text))
    parts = {u.text[:20]: u.part for u in document.units}
    assert parts["Property managers he"] == "pr"
    assert parts["Landlords sign up at"] != "back" and parts["Leakline does not re"] == "back"
    assert document.anatomy.get("call_to_action").text.startswith("Landlords sign up")


def test_sections_after_an_appendix_are_appendix_until_an_faq_heading() -> None:
    # "# Appendix C: Known Limitations" then "# 2. AI Feature Limitations": the numbered
    # sections go on with the appendix; an FAQ heading after them is the FAQ again.
    text = textwrap.dedent(
        """
        # Leakline tells landlords about a leak before the ceiling stains

        Property managers hear about water damage the day it starts, not the week after.

        # FAQ

        ### How does a landlord get alerts?

        By text message, within a minute of a sensor getting wet.

        # Appendix C: Known Limitations

        The sensors need a charge every six months, which is easily forgotten.

        # 2. Infrastructure Limitations

        The hub needs the building's Wi-Fi and is quite slow to reconnect.

        # Internal FAQ

        ### What could make this fail?

        Tenants unplugging the sensors.
        """
    ).lstrip()
    document = build_document("doc.md", SourceText(text), parse(text))
    parts = {u.text[:20]: u.part for u in document.units if u.kind == "paragraph"}
    assert parts["The sensors need a c"] == "back" and parts["The hub needs the bu"] == "back"
    assert parts["Tenants unplugging t"] == "faq"
    assert [q.text for q in document.anatomy.questions][-1] == "What could make this fail?"


def test_a_getting_started_section_after_the_faq_is_the_call_to_action() -> None:
    text = """
        # Leakline tells landlords about a leak before the ceiling stains

        SEATTLE — March 3, 2027 — Leakline today launched a sensor that texts landlords about leaks.

        ## FAQ

        ### How does a landlord get alerts?

        By text message, within a minute of a sensor getting wet.

        ## Getting Started

        Sign up at leakline.example, pair a sensor with your phone, and put it under the sink.
    """
    anatomy = anatomy_of(text)
    assert anatomy["call_to_action"] is not None
    assert anatomy["call_to_action"].segments[0].text.startswith("Sign up at leakline.example")
    # The release's own call to action comes first.
    own = text.replace(
        "about leaks.",
        "about leaks.\n\n        Most landlords hear about a leak only when the tenant downstairs sees the stain."
        "\n\n        Leakline puts a small sensor under every sink and texts the landlord within a minute."
        "\n\n        Landlords can order sensors today at leakline.example; the first month is free.",
    )
    assert anatomy_of(own)["call_to_action"].segments[0].text.startswith("Landlords can order")


def test_fields_in_bold_with_a_handle_or_an_issue_are_metadata() -> None:
    text = textwrap.dedent(
        """
        # Making Hotswap Faster

        * **Original Author(s):**: @ShadowCat567
        * **Tracking Issue**: #886
        * **API Bar Raiser**: [@rix0rrr](https://github.com/rix0rrr)

        Developers wait minutes for every deploy; hotswap now updates a function in seconds.
        """
    ).lstrip()
    document = build_document("rfc.md", SourceText(text), parse(text))
    roles = {s.text.split(":")[0]: r for s, r in zip(document.anatomy.segments, document.anatomy.roles, strict=True)}
    assert roles["Original Author(s)"] == roles["Tracking Issue"] == roles["API Bar Raiser"] == "metadata"
    # A field is no technology before the customer: "API" in "API Bar Raiser" is no pitch.
    report = Linter(LintOptions(kind="prfaq", select=("WB202", "WB301"))).lint_text(text, "rfc.md")
    assert not [f for f in report.findings if f.line <= 5], report.findings


def test_notes_under_a_stage_label_are_back_matter_too() -> None:
    # "Stage 1 Coaching Notes" (a round's label before the notes' name), not "Release Notes".
    assert is_back_matter("Stage 1 Coaching Notes") and is_back_matter("Round 2 Reviewer Notes")
    assert not is_back_matter("Release Notes")


def test_a_quoted_example_in_parentheses_is_no_quotation() -> None:
    anatomy = anatomy_of(
        """
        # ShiftBoard cuts nurse handoff from 30 minutes to 11

        With ShiftBoard, the outgoing nurse finds each patient's page ready. The nurse adds what the
        chart can't know ("daughter calling at 9 about discharge plans"), and prints or shares it to
        the incoming nurse's workstation.
        """
    )
    assert anatomy.quotes == ()


def test_a_long_one_sentence_paragraph_above_the_dateline_is_the_subheading() -> None:
    anatomy = anatomy_of(
        """
        # PR/FAQ: Tallybook Match API

        ## Tallybook Match Lets Marketplace Finance Teams Close the Month in Two Days Instead of Ten

        Finance teams at online marketplaces can now match every incoming bank payment to the right
        invoice automatically, and see only the handful that need a person.

        NEW YORK, September 8, 2025 — Tallybook today launched the Match API for online marketplaces.

        A mid-sized marketplace receives 20,000 to 80,000 bank payments a month, and its finance team
        spends nine days matching them by hand.
        """
    )
    assert lines(anatomy)["subheading"] == 5
    assert lines(anatomy)["summary"] == 8 and lines(anatomy)["problem"] == 10


def test_an_faq_laid_out_as_a_table_has_a_question_per_row() -> None:
    anatomy = anatomy_of(
        """
        # Riverside Library Lets Shift Workers Pick Up Holds at Any Hour

        ## Frequently Asked Questions

        ### For patrons

        | Question | Answer |
        | --- | --- |
        | Is there a fee? | No. Locker pickup is free. |
        | Which branches have lockers? | Main and Eastgate. |

        ### For library staff and the board

        | Question | Answer |
        | --- | --- |
        | What could go wrong? | Vandalism and power cuts; we tested for six weeks. |
        | Who fills the lockers? | TBD |
        """
    )
    assert [(q.text, q.audience) for q in anatomy.questions] == [
        ("Is there a fee?", "external"),
        ("Which branches have lockers?", "external"),
        ("What could go wrong?", "internal"),
        ("Who fills the lockers?", "internal"),
    ]
    assert [len(q.answer) for q in anatomy.questions] == [1, 1, 1, 1]
    assert "pre_mortem" in anatomy.parts and "internal_faq" in anatomy.parts


def test_a_name_in_quotation_marks_is_part_of_the_attribution_not_the_quote() -> None:
    # "Team Player," is the product's name; the quotation is the second run in quotation marks,
    # brought in by "has stated that" (a user's audit: the quote was said to be attributed to 'has').
    anatomy = anatomy_of(
        """
        # Team Player finds you a squad

        Christopher Boyd, founding developer of "Team Player," has stated that "moving from server to
        server just to find players you trust is the hardest part of playing online."

        Customers such as Zebiah Stephens have described "Team Player" as "a really easy and fast way
        to find players for the games I'm interested in."

        When we asked what it would change, he said one word: "Remittances". He went on, "people abroad
        send home a third of what they earn, and every fee comes out of it."
        """
    )
    boyd, stephens, remittances = anatomy.quotes
    assert boyd.name == "Christopher Boyd" and boyd.role == 'founding developer of "Team Player,"'
    assert stephens.attribution == "Customers such as Zebiah Stephens"
    assert remittances.attribution == "he"  # a colon brings in the one-word quotation


def test_a_signature_on_the_last_line_of_a_block_quoted_quotation_attributes_it() -> None:
    # "-Matthew Goldwater" under "> ..." in the same paragraph was read as part of the quotation,
    # which was then "not attributed" (a user's audit).
    anatomy = anatomy_of(
        """
        # Persistent Poplars puts power back in your hands

        > This is the platform I wish I had when my broker talked over me on every call.
        > -Matthew Goldwater

        > Pricing is free for the first year
        """
    )
    [quote] = anatomy.quotes
    assert quote.name == "Matthew Goldwater"
    assert quote.unit.text[quote.start : quote.end].endswith("on every call.")


def test_a_quotation_written_one_sentence_per_line_is_one_quotation() -> None:
    # Round 54 of the user trials: three lines of one block-quoted paragraph under "## Customer
    # Quote" were three quotations, each "not attributed"; a signature under the last line signs
    # the whole quotation, in a block quote or not.
    release = """
        # Acme Launches Widget for Home Bakers

        Home bakers waste loaves because they forget the second rise.

        ## Customer Quote
        {quote}Widget IS AWESOME!  I was losing two loaves a week in my flat in Leeds.
        {quote}Within a week of using it, I had not lost a single loaf.
        {quote}On top of that, it showed me how to proof at lower heat.
        {signature}

        ## Get started

        Download Widget from example.com today.
        """
    for quote_mark in ("> ", ""):
        for signature in ("", "— Jane Doe, home baker in Leeds"):
            text = release.format(quote=quote_mark, signature=(quote_mark + signature) if signature else "")
            [quote] = anatomy_of(text).quotes
            assert quote.text.startswith("Widget IS AWESOME!") and quote.text.endswith("at lower heat.")
            assert quote.speaker == "customer"
            assert quote.name == ("Jane Doe" if signature else None)


def test_narration_under_a_signed_quotation_and_another_speaker_do_not_go_on_with_it() -> None:
    # A fresh-eyes review: the line after '"...," said Ana Ruiz' (narration, the price) was made
    # part of Ana's quotation, and three "Name, role: words" lines one quotation.
    release = """
        # Acme Launches Widget for Home Bakers

        Home bakers waste loaves because they forget the second rise.

        ## Customer Quote
        {lines}
        """
    signed = [
        '"I was losing two loaves a week, and now I lose none," said Ana Ruiz, a home baker in Leeds.',
        "Widget is the revolutionary, best-in-class solution for every baker.",
        "It is available today for just $4.99 a month.",
    ]
    [quote] = anatomy_of(release.format(lines="\n        ".join(signed))).quotes
    assert quote.name == "Ana Ruiz" and quote.text.endswith("I lose none,")
    speakers = [
        "Ana Ruiz, a home baker in Leeds: I was losing two loaves a week.",
        "Raj Patel, a nurse in York: I never knew when to bake after a night shift.",
        "Lee Chan, a student in Bath: My flatmates finally get fresh bread.",
    ]
    quotes = anatomy_of(release.format(lines="\n        ".join(speakers))).quotes
    assert [q.text for q in quotes] == speakers


def test_a_quotation_under_its_run_in_label_may_end_on_a_question() -> None:
    # Round 55: "*Customer quote*: Our Import App is stuck ... How do we identify and resolve the
    # issue?" was taken for a question and the customer quote reported missing; the quotation is
    # the words after the label.
    anatomy = anatomy_of(
        """
        # Acme Launches Widget for Home Bakers

        Home bakers waste loaves because they forget the second rise.

        *Internal quote*: Widget gives every baker a reminder at the right minute.

        *Customer quote*: Our bread keeps over-proofing and we cannot tell when to bake. How do we fix this?
        """
    )
    leader, customer = anatomy.quotes
    assert (leader.speaker, customer.speaker) == ("leader", "customer")
    assert leader.text == "Widget gives every baker a reminder at the right minute."
    assert customer.text.startswith("Our bread") and customer.text.endswith("How do we fix this?")
    assert "customer_quote" in anatomy.parts


def test_lines_quoted_one_by_one_stay_quotations_of_their_own() -> None:
    anatomy = anatomy_of(
        """
        # Acme Launches Widget for Home Bakers

        Home bakers waste loaves because they forget the second rise.

        ## What customers say
        "I lost no loaf this month," said Ana Ruiz, a baker in Leeds.
        "It paid for itself in a week," said Raj Patel, a baker in York.
        "My mornings are calm again," said Lee Chan, a baker in Bath.
        """
    )
    assert [q.name for q in anatomy.quotes] == ["Ana Ruiz", "Raj Patel", "Lee Chan"]


def test_a_headline_that_launches_a_product_named_after_the_genre_is_no_title() -> None:
    anatomy = anatomy_of(
        textwrap.dedent(
            """\
            ## Press Release

            # FakeCo Launches PR-FAQ Validator, Reducing Document Review Time by 75%

            **Seattle, WA — August 12, 2025** — FakeCo today announced pr-faq-validator, a free tool for PMs.

            Product managers spend 15 hours refining each PR-FAQ before a review.
            """
        )
    )
    assert anatomy["headline"].segments[0].text.startswith("FakeCo Launches PR-FAQ Validator")
    assert is_title("PR/FAQ: Ailly") and is_title("Bluechip PR/FAQ")


_RELEASE_THEN_KIT = """\
# Peekaboo lets preschools share photos with parents only

**SEATTLE — May 1, 2027** — Peekaboo today launched an app that shows each class photo to the child's own parents.

Parents today get class photos in group chats, where anyone can save a stranger's child's photo.

{mark}

## Quotes for media use

"Every parent asks how the day went and gets a shrug," said Dan Sickles, founder of Peekaboo.

## Story angles

A father builds an app after finding GPS coordinates in his daughter's class photos.
"""


@pytest.mark.parametrize("mark", ["**###**", "###", "# # #", "-30-", "ENDS", "**END**"])
def test_the_press_release_ends_at_its_end_mark(mark: str) -> None:
    anatomy = anatomy_of(_RELEASE_THEN_KIT.format(mark=mark))
    assert "leader_quote" not in anatomy.parts  # the press kit's quote, after the release
    roles = {s.text[:20]: r for s, r in zip(anatomy.segments, anatomy.roles, strict=True)}
    assert roles["A father builds an a"] == "back_matter"


def test_several_bare_marks_are_separators_not_the_end() -> None:
    text = _RELEASE_THEN_KIT.format(mark="###").replace("## Story angles", "###\n\n## Story angles")
    assert "leader_quote" in anatomy_of(text).parts


def test_a_paragraph_after_the_problem_and_solution_sections_is_no_summary() -> None:
    anatomy = anatomy_of(
        textwrap.dedent(
            """\
            # Spire moves money between your subsidiaries in seconds

            ### Solution

            Starting today, finance teams with subsidiaries abroad can move money between them in seconds.

            ### Problem

            Finance teams wait three days and pay $50 for every transfer between their own companies.

            ### Why now

            New rules for digital dollars took effect this year, and banks in 40 countries accept them.
            """
        )
    )
    assert anatomy["summary"].segments[0].text.startswith("Starting today")


# --- layouts from the user trials of 2026-12-04 (thirty-second session) ---------------------------

_MARKED_RELEASE = """\
# Press release — Never Ask What Could've Been

**FOR IMMEDIATE RELEASE**

**Charlotte, NC — August 2026**

## Jason Hackner Releases the Final Single of His Musical

**The song opens the ARRANGEMENTS universe, a trilogy of musicals for theatre fans**

Recording artist Jason Hackner has released the final single of his musical, on every streaming service.
"""


def test_a_title_above_the_release_mark_is_the_documents_not_the_headline() -> None:
    anatomy = anatomy_of(_MARKED_RELEASE)
    assert anatomy["headline"].segments[0].text.startswith("Jason Hackner Releases")
    assert anatomy["subheading"].segments[0].text.startswith("The song opens")
    roles = {s.text[:14]: r for s, r in zip(anatomy.segments, anatomy.roles, strict=True)}
    assert roles["Press release "] == "title"


def test_a_line_that_is_only_a_place_and_a_date_is_the_dateline_not_the_subheading() -> None:
    anatomy = anatomy_of(_MARKED_RELEASE)
    assert anatomy["dateline"].segments[0].text == "Charlotte, NC — August 2026"
    assert anatomy["subheading"].segments[0].text != "Charlotte, NC — August 2026"


def test_a_note_in_parentheses_after_the_genres_name_is_no_headline() -> None:
    anatomy = anatomy_of(
        "# PRFAQ: Skiljo\n\n## Press Release (Mock — Q1 2027)\n\n"
        "### Skiljo launches the governed workflow layer for refunds\n\n"
        "**San Francisco, CA — March 4, 2027** — Skiljo today launched a workflow layer for controllers.\n"
    )
    assert anatomy["headline"].segments[0].text.startswith("Skiljo launches")


def test_a_draft_title_above_the_release_mark_is_no_headline() -> None:
    anatomy = anatomy_of(
        "# Press Release Draft — Tidewell Launch Day\n\n**For Immediate Release**\n\n"
        "**Tidewell Labs Announces Tidewell: A Tide Chart for Sea Kayakers**\n\n"
        "_March 4, 2027 – Seattle_ — Tidewell Labs today released Tidewell, free on iOS and Android.\n"
    )
    assert anatomy["headline"].segments[0].text.startswith("Tidewell Labs Announces")


def test_a_part_label_among_the_fields_above_the_release_is_no_part() -> None:
    anatomy = anatomy_of(
        """\
        # MOTION ID

        **Team:** 21Joints
        **Challenge:** Challenge 2: Unlock the Power of 3D Football Data
        **Date:** May 2026

        ## Press Release

        ### Bundesliga Fans Can Now Identify Star Players from How They Move

        **Munich, May 2026** — The DFL today launched Motion ID, a weekly quiz for football fans.
        """
    )
    assert "problem" not in anatomy.parts


def test_a_template_slot_that_describes_a_customer_organisation_is_a_customer_quote() -> None:
    anatomy = anatomy_of(
        "# Skiljo launches a governed workflow layer for refunds\n\n"
        "SAN FRANCISCO, CA — March 4, 2027 — Skiljo today launched a workflow layer for controllers.\n\n"
        '"Finance had no way to tell whether we were enforcing the policy we wrote down." — '
        "*[Placeholder: Controller, mid-market usage-based SaaS company]*\n\n"
        '"Companies need a governed system for how money-touching workflows run." — '
        "*[Placeholder: Founder quote]*\n"
    )
    speakers = [(q.speaker, q.attribution[:22]) for q in anatomy.quotes]
    assert speakers == [("customer", "[Placeholder: Controll"), ("leader", "[Placeholder: Founder ")]


def test_slots_in_angle_brackets_are_placeholders() -> None:
    text = """\
        # West End Loses $25,000 a Day to Out-of-Town Healthcare

        WEST END, Colo. — Every day, roughly $25,000 leaves the West End for care elsewhere.

        "⟨Quote from spokesperson⟩," said ⟨spokesperson name and title⟩.
        """
    assert anatomy_of(text).placeholders() == 2
    [quote] = anatomy_of(text).quotes
    assert quote.placeholder
    # Not an inner product, nor the author saying how slots are written.
    plain = "# Acme\n\nThe score is the inner product ⟨u, v⟩ of the two vectors; slots are in ⟨angle brackets⟩.\n"
    assert anatomy_of(plain).placeholders() == 0


def test_a_part_before_the_release_mark_that_is_no_header_field_still_counts() -> None:
    anatomy = anatomy_of(
        """\
        # Pantry Alerts — PR/FAQ

        ## The Problem

        Home bakers throw away about $12 of expired ingredients every month, because nothing tells them.

        ## Press Release

        ### Acme Launches Pantry Alerts for Home Bakers

        SEATTLE, WA — May 3, 2027 — Acme today launched Pantry Alerts, a free app for home bakers.
        """
    )
    assert anatomy["problem"].segments[0].text.startswith("Home bakers throw away")


def test_a_genre_title_that_carries_the_headline_stays_the_headline() -> None:
    anatomy = anatomy_of(
        "# Press Release: Acme Launches Pantry Alerts for Home Bakers\n\n**FOR IMMEDIATE RELEASE**\n\n"
        "*Home bakers get a warning before flour, butter or yeast runs out*\n\n"
        "SEATTLE, WA — May 3, 2027 — Acme today launched Pantry Alerts, a free app for home bakers.\n"
    )
    assert anatomy["headline"].segments[0].text.startswith("Press Release: Acme Launches")
    assert anatomy["subheading"].segments[0].text.startswith("Home bakers get a warning")


def test_a_slot_with_a_leaders_role_or_the_companys_name_is_the_leaders() -> None:
    release = (
        "# Northwind Bank Launches Instant Refunds for Small Businesses\n\n"
        "SEATTLE, WA — May 3, 2027 — Northwind Bank today launched Instant Refunds for small businesses.\n\n"
        '"We built Instant Refunds because our business customers asked for it every week." — *{slot}*\n'
    )
    for slot in ("[Placeholder: Head of Payments, Northwind Bank]", "[Jane Doe, CEO, Northwind company]"):
        [quote] = anatomy_of(release.format(slot=slot)).quotes
        assert quote.speaker == "leader", slot


def test_a_heading_from_no_one_named_attributes_nothing() -> None:
    anatomy = anatomy_of(
        _MARKED_RELEASE + "\n### Words from the field\n\n"
        "> \"I've been living with these characters for a long time, and I'm thrilled to let people hear them.\"\n"
    )
    [quote] = anatomy.quotes
    assert quote.attribution == ""


def test_a_block_quoted_note_above_the_release_is_an_aside_no_style_rule_reads() -> None:
    text = textwrap.dedent(
        """\
        # PRFAQ: Skiljo

        > **Note on placeholders:** Customer quotes below are illustrative and should be replaced with
        > real quotes from the buyer interviews before this document is used externally by the team.

        ## Press Release

        ### Skiljo lets controllers approve refunds in one place

        SAN FRANCISCO, CA — March 4, 2027 — Skiljo today launched a refund desk for controllers.
        """
    )
    anatomy = anatomy_of(text)
    note = next(s for s in anatomy.segments if s.text.startswith("Note on placeholders"))
    assert anatomy.regions[note.unit.index] == "back"
    report = Linter(LintOptions(kind="prfaq", select=("WB503", "WB701"))).lint_text(text, "skiljo.md")
    assert report.findings == ()
    # The same note as the author's own paragraph, not set apart, is still read.
    plain = text.replace("> **Note on placeholders:**", "**Note on placeholders:**")
    assert Linter(LintOptions(kind="prfaq", select=("WB503", "WB701"))).lint_text(plain, "skiljo.md").findings


def test_a_heading_that_names_who_speaks_attributes_the_quotation_below_it() -> None:
    anatomy = anatomy_of(
        _MARKED_RELEASE
        + "\n### A Note from Jason Hackner\n\n"
        + "> \"I've been living with these characters for a long time, and I'm thrilled to let people hear them.\"\n"
    )
    [quote] = anatomy.quotes
    assert (quote.speaker, quote.name) == ("leader", "Jason Hackner")


def test_a_quote_heading_with_a_name_and_a_role_attributes_the_quotation_below_it() -> None:
    quotation = '> "Landlords do not need another dashboard. They need to know about the leak first."\n'
    anatomy = anatomy_of(_MARKED_RELEASE + "\n### Quote from Elena Ruiz, Founder\n\n" + quotation)
    [quote] = anatomy.quotes
    assert (quote.speaker, quote.name, quote.role) == ("leader", "Elena Ruiz", "Founder")
    # A template's "Quote from You" names no one, nor do "Beta Testers" or "Leadership".
    for heading in ("Quote from You", "Quote from Beta Testers", "Quote from Leadership"):
        [unnamed] = anatomy_of(_MARKED_RELEASE + f"\n### {heading}\n\n" + quotation).quotes
        assert unnamed.name is None, heading


_PASTED_FROM_A_PDF = """\
# Leakline tells landlords about leaks
before the ceiling stains
March 3, 2027 - Seattle, WA - Dripworks today launched Leakline, a sensor
service that warns landlords of a leak within minutes, wherever they are.
Most landlords hear about a leak only when the tenant downstairs sees the
stain on the ceiling. By then the joists are wet, the repair costs thousands
and the tenant is angry.
Leakline puts a coin-sized sensor under every sink and water heater. When it
feels water it texts the landlord and the plumber on call, with the unit
number and a photo of the floor plan.
“We built Leakline after a burst pipe cost one of our buildings forty thousand
dollars, and we never want a landlord to pay that again.” - Ana Reyes, CEO
of Dripworks
“I got the text at two in the morning, the plumber was there by three, and
nobody downstairs noticed a thing.” - Tom Baker, who manages forty apartments
in Tacoma
Landlords can sign up today at leakline.example, and the first month is free
for every building they add.
"""


def test_prose_pasted_from_a_pdf_with_no_blank_lines_is_read_paragraph_by_paragraph() -> None:
    # Round 38: a PR/FAQ pasted from a PDF, wrapped at a fixed width with no blank line anywhere,
    # was one paragraph: its dateline, quotes and close were reported missing.
    anatomy = anatomy_of(_PASTED_FROM_A_PDF)
    found = lines(anatomy)
    assert found["dateline"] == 3 and found["problem"] == 5 and found["call_to_action"] == 17, found
    speakers = {q.name: q.role for q in anatomy.quotes}
    assert speakers == {"Ana Reyes": "CEO of Dripworks", "Tom Baker": "who manages forty apartments in Tacoma"}
    # A Markdown paragraph an editor filled to a column is one paragraph, whatever its markup
    # leaves out of the text: with a link in it, it is not cut (review of 2026-12-06).
    linked = _PASTED_FROM_A_PDF.replace(
        "sign up today at leakline.example", "sign up today at [Leakline](https://x.example)"
    )
    assert "[Leakline]" in linked
    assert lines(anatomy_of(linked)).get("problem") != 5


def test_fields_under_a_spec_sheet_heading_are_metadata() -> None:
    text = (
        _MARKED_RELEASE
        + "\n### Technical Specifications\n\n- **Cloud Platform**: AWS (Lambda, DynamoDB, S3)\n"
        + "- **Sampling Rate**: 250 Hz\n\n### How It Sounds\n\n"
        + "- **Stage mode**: the song plays with the cast's own voices.\n"
    )
    anatomy = anatomy_of(text)
    roles = {s.text[:14]: r for s, r in zip(anatomy.segments, anatomy.roles, strict=True)}
    assert roles["Cloud Platform"] == roles["Sampling Rate:"] == "metadata"
    assert roles["Stage mode: th"] != "metadata"
    # "Key Facts" is a marketing section: its bullets are claims, not fields (review of 2026-12-06).
    facts = anatomy_of(text.replace("### Technical Specifications", "### Key Facts"))
    facts_roles = {s.text[:14]: r for s, r in zip(facts.segments, facts.roles, strict=True)}
    assert facts_roles["Cloud Platform"] != "metadata"
    # A headline that mentions specs names no spec sheet: its dateline paragraph stays the release's.
    headline = "# Ralph Turns Isolated Specs into Shared Knowledge\n\n"
    dated = anatomy_of(headline + "**Madrid, 20 May 2026** — Ralph today launched shared project notes for teams.\n")
    assert dated["dateline"] is not None


def test_a_run_in_about_label_opens_the_boilerplate() -> None:
    release = textwrap.dedent(PLAIN_RELEASE).lstrip()
    text = release + "\n**About Dripworks**: Dripworks makes comprehensive water sensors for landlords.\n"
    anatomy = anatomy_of(text)
    about = next(r for s, r in zip(anatomy.segments, anatomy.roles, strict=True) if "Dripworks makes" in s.text)
    assert about == "boilerplate"
    # A topic of the product's ("About Dripworks's accuracy"), or an "About" paragraph before the
    # release's own parts end, is the release's (review of 2026-12-06).
    topic = release.replace(
        "Landlords can sign up",
        "**About Dripworks's accuracy**: the sensor reads 97% of leaks.\n\nLandlords can sign up",
    )
    topic_roles = dict(zip([s.text[:20] for s in anatomy_of(topic).segments], anatomy_of(topic).roles, strict=True))
    assert topic_roles["About Dripworks's ac"] != "boilerplate"
    pilot = release + "\n**About the pilot**: Ten landlords in Tacoma fitted sensors this spring.\n"
    anatomy = anatomy_of(pilot)
    assert "boilerplate" not in {r for s, r in zip(anatomy.segments, anatomy.roles, strict=True) if "Ten" in s.text}


_PANTRY_FAQ = """\
# Acme Pantry launches shared shopping lists for busy families

**SEATTLE — May 3, 2026** — Acme today launched Pantry, a shared shopping list for families who shop in turns.

Families forget what is already in the cupboard. Parents buy the same milk twice a week and throw out a litre.

Pantry keeps one list per household that every member can edit from their phone.

## FAQ

**Who is it for?** Households of two to six people who shop in turns.

**How much does it cost?** It is free for one household.

{open}

1. How many households share one phone?
2. Do families shop together or in turns?
"""


@pytest.mark.parametrize(
    "opening",
    [
        "## Open questions",
        "### Open Questions for the PRD",
        "**Open questions for the team.** Two I would ask before building:",
        "**Unresolved questions:**",
    ],
)
def test_questions_left_open_on_purpose_are_no_unanswered_faq_entries(opening: str) -> None:
    text = _PANTRY_FAQ.format(open=opening)
    anatomy = anatomy_of(text)
    assert [q.text for q in anatomy.questions] == ["Who is it for?", "How much does it cost?"]
    listed = next(s for s in anatomy.segments if s.text.startswith("How many households"))
    assert anatomy.regions[listed.unit.index] == "back"
    report = Linter(LintOptions(kind="prfaq", select=("WB103",))).lint_text(text, "pantry.md")
    assert report.findings == ()


def test_an_open_questions_label_over_no_list_leaves_the_questions_below_it_in_the_faq() -> None:
    text = _PANTRY_FAQ.format(open="**Open questions:** none left.\n\n**Can I share it?** Yes, with anyone.")
    listed = "1. How many households share one phone?\n2. Do families shop together or in turns?\n"
    anatomy = anatomy_of(text.replace(listed, ""))
    assert "Can I share it?" in [q.text for q in anatomy.questions]


def test_a_bold_question_with_a_status_tag_and_its_half_of_the_faq_in_its_number() -> None:
    anatomy = anatomy_of(
        _PANTRY_FAQ.format(open="")
        + "\n**EFAQ-01 · Who is it for, and not for? · ANSWERED.** Families who shop in turns.\n\n"
        + "**IFAQ-01 · How is quality measured? (open)** Against a hand-labelled set of lists.\n"
    )
    tagged = {q.text: q for q in anatomy.questions if "FAQ-01" in q.text}
    assert set(tagged) == {"EFAQ-01 · Who is it for, and not for?", "IFAQ-01 · How is quality measured?"}
    assert all(q.answered for q in tagged.values())
    assert tagged["IFAQ-01 · How is quality measured?"].audience == "internal"
    assert tagged["EFAQ-01 · Who is it for, and not for?"].audience == "external"


def test_a_real_date_in_brackets_is_a_dateline_not_a_placeholder() -> None:
    release = (
        "# Alder Grove launches Grove for small teams\n\n"
        "{dateline} — Alder Grove today announced the launch of Grove, a desktop app for small software teams.\n"
    )
    dateline = anatomy_of(release.format(dateline="[Fargo, ND – March 13, 2026]")).parts["dateline"]
    assert not dateline.placeholder
    assert anatomy_of(release.format(dateline="[City, State] – [Launch Date]")).parts["dateline"].placeholder
    for slot in ("[City, State – June 2026]", "SEATTLE — [Insert launch date, e.g. June 1, 2026]"):
        assert anatomy_of(release.format(dateline=slot)).parts["dateline"].placeholder, slot


def test_the_release_under_its_mark_below_a_subtitle_with_an_italic_dateline() -> None:
    anatomy = anatomy_of(
        """\
        # Working Backwards: Press Release / FAQ
        ## World Cup 2026 Betting Pool Tracker

        ## PRESS RELEASE

        **FOR IMMEDIATE RELEASE**

        ### Introducing KickPool: The World Cup Betting Pool Tracker That Makes Every Game Personal

        *Sydney, Australia — June 2026*

        Today we are thrilled to announce **KickPool**, a website that turns the World Cup into a contest.
        """
    )
    assert lines(anatomy)["headline"] == 8
    assert lines(anatomy)["dateline"] == 10


def test_introducing_a_product_with_a_tagline_is_a_headline_not_the_solution_label() -> None:
    assert alias_part("Introducing KickPool: The World Cup Betting Pool Tracker That Makes Every Game Personal") is None
    assert alias_part("Introducing KickPool") == "solution"


def test_lines_of_plain_label_fields_are_sentences_of_their_own() -> None:
    fields = (
        "Living Personas & Journeys: Dynamic entities that evolve and feed specifications and agents\n"
        "Executable Specifications: Specs with clear acceptance criteria that agents can act upon directly\n"
        "Native Desktop Experience: Instant launch and a workflow alongside your editor\n"
    )
    [block] = parse(SourceText(fields).text).blocks
    assert block.text.count("\n") == 2  # each break ends a sentence, as after a bold label
    report = Linter(LintOptions(kind="prfaq", select=("WB503",))).lint_text("# Grove\n\n" + fields, "grove.md")
    assert report.findings == ()  # no 40-word sentence made of three lines
    # Wrapped prose with one line that happens to open with "Note: " is one paragraph of prose.
    wrapped = "The team reads every reply before the launch, and the\nNote: field in each card says who wrote it.\n"
    assert "\n" not in parse(SourceText(wrapped).text).blocks[0].text
    # Two labelled lines are fields too: "Intro Paragraph: ..." over "Customer Problems: ...".
    two = "Intro Paragraph: Teams define the boundary in one way\nCustomer Problems: There is no standard for it\n"
    assert parse(SourceText(two).text).blocks[0].text.count("\n") == 1


def test_the_grade_counts_a_line_of_fields_as_a_sentence() -> None:
    from wbl.readability import with_line_ends

    labelled = "Availability\nGrove is free for small teams today"
    assert with_line_ends(labelled) == labelled
    assert with_line_ends("Executable Specifications: Specs with clear criteria\nNext line") == (
        "Executable Specifications: Specs with clear criteria.\nNext line"
    )
    title = "1. The Delegator Agent: A True AI Project Manager\nAt the heart of it is the agent."
    assert with_line_ends(title) == title


def test_a_bold_subheading_between_the_headline_and_the_dateline_under_the_release_mark() -> None:
    anatomy = anatomy_of(
        """\
        # Mike Gebremeskel — Product Portfolio

        | | |
        |---|---|
        | **Author** | Mike Gebremeskel |
        | **Status** | Draft v1 |

        ## Press Release

        ### A product portfolio built by working backwards from both sides of hiring

        **Hiring teams get a faster way to evaluate a product manager, through four real case studies.**

        **Sachse, TX, June 2026.** Today Mike Gebremeskel launched a portfolio site for hiring teams.
        """
    )
    assert (lines(anatomy)["headline"], lines(anatomy)["subheading"], lines(anatomy)["dateline"]) == (10, 12, 14)


@pytest.mark.parametrize(
    "mark",
    [
        "## Part 1 — Press Release",
        "## PART I: PRESS RELEASE",
        "## 1. Press Release",
        # A user trial: the words before the genre's name say what kind of release it is.
        "## 1. Proposed launch press release",
        "## The draft press release",
    ],
)
def test_a_numbered_release_mark_after_a_description_starts_the_release(mark: str) -> None:
    anatomy = anatomy_of(
        "# PRFAQ — Safe Migration off Unsupported Frameworks\n\n"
        "**A press release and FAQ describing an approach, in two open tools, for moving services off "
        "end-of-life frameworks and onto a supported platform.**\n\n"
        f"{mark}\n\n"
        "### Teams can now migrate services off unsupported frameworks safely\n\n"
        "Every engineering organization carries services built on frameworks that are no longer supported.\n"
    )
    assert lines(anatomy)["headline"] == 7


def test_a_person_of_the_company_the_tagline_makes_available_speaks_for_it() -> None:
    anatomy = anatomy_of(
        """\
        # Switchboard

        *StumpCloud — Available now, self-hosted. The operator's board for AI agents.*

        ## Press Release

        **Switchboard turns inbound webhooks into a durable work queue that AI agents drain safely.**

        Developers want their agents to react to events. The common hack drops events when the agent is busy.

        "I was tired of gluing webhooks onto agents and hoping nothing got dropped," said Joe Stump of StumpCloud.
        """
    )
    [quote] = anatomy.quotes
    assert quote.speaker == "leader"


def test_what_the_review_found_in_the_first_version_of_the_open_questions_and_tags() -> None:
    # An FAQ entry after the open list is still an FAQ entry; an FAQ named "Open Questions &
    # Answers" is an FAQ; a bold line with "? — text" is no tagged question.
    text = _PANTRY_FAQ.format(open="## Open questions") + "\n## More questions\n\n**Is it private?**\n"
    assert "Is it private?" in [q.text for q in anatomy_of(text).questions]
    swallowed = _PANTRY_FAQ.format(open="**Open questions:**") + "\n**Is it private?**\n"
    assert "Is it private?" in [q.text for q in anatomy_of(swallowed).questions]
    renamed = _PANTRY_FAQ.replace("## FAQ", "## Open Questions & Answers").format(open="")
    assert "Who is it for?" in [q.text for q in anatomy_of(renamed).questions]
    answered = _PANTRY_FAQ.format(open="**Does it work offline? — Not yet.**")
    assert "Does it work offline? — Not yet." not in [q.text for q in anatomy_of(answered).questions if not q.answered]


def test_a_city_a_bold_line_in_the_release_names_is_not_the_launching_company() -> None:
    anatomy = anatomy_of(
        """\
        # Pantry brings shared lists to families

        **Available today for families in Portland and Vancouver.**

        SEATTLE — May 3, 2026 — Acme today launched Pantry, a shared shopping list for families.

        "We built Pantry for families who shop in turns," said Dana Ruiz, CEO of Acme.

        "I stopped buying milk twice," said Kim Park of Vancouver.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "customer"]


def test_a_banner_with_a_date_above_the_release_mark_is_no_dateline() -> None:
    anatomy = anatomy_of(
        "# Pantry PR/FAQ\n\nDraft notes for the team before the review in two weeks.\n\n"
        "**CONFIDENTIAL — June 2026**\n\n## Press Release\n\n### Pantry brings shared lists to families\n\n"
        "SEATTLE — May 3, 2026 — Acme today launched Pantry, a shared shopping list for families.\n"
    )
    assert lines(anatomy)["dateline"] == 11


def test_slots_in_braces_and_a_quote_signed_by_an_early_user() -> None:
    anatomy = anatomy_of(
        "# Acme launches Pantry for families\n\n"
        "**BAYBAY CITY, Leyte, {Month day}, 2026.** Acme today launched Pantry, a shared list for families.\n\n"
        '"{Founder quote}," said {Founder name}, {title} of Acme.\n\n'
        '> "We stopped buying milk twice, and the list is always right in the shop." — early user\n'
    )
    assert anatomy.parts["dateline"].placeholder
    assert [(q.speaker, q.placeholder) for q in anatomy.quotes][1] == ("customer", False)
    assert anatomy.quotes[1].attribution == "early user"


def test_a_date_field_in_a_header_does_not_start_the_release():
    # "**Date:** ..." among the document's fields dates the document, not the launch: the release
    # still starts at "## Press release", with its headline and subheading.
    anatomy = anatomy_of(
        """
        # Working backwards — press release and FAQ

        **Date:** 2026-10-06
        **Phase:** Step B of the design method (ADR-0004).
        **Status:** Draft 1, written as if the release had shipped already; this is
        the whole exercise: what we cannot say plainly here stays out of
        the first release.

        The app has no name yet. It is called "the watcher" throughout; naming is an open item.

        ## Press release

        ### The watcher tells job seekers what opened today, and nothing else

        **A daily email that covers every employer you care about.**

        The watcher is a small application on a home server. Once a day it reads the careers pages
        of the employers its user chose and sends one email with what is new.
        """
    )
    found = lines(anatomy)
    assert (found.get("headline"), found.get("subheading")) == (13, 15), found
    assert found.get("summary") == 17, found


def test_a_field_whose_value_is_a_bare_address_is_no_headline() -> None:
    """Trial N: "**Website:** https://..." among a release's contact fields was its headline (the
    address is left out of the analysed text, so the line looked like a label alone)."""
    anatomy = anatomy_of(
        """
        # Press Release: VirdisPay Launch

        **FOR IMMEDIATE RELEASE**

        **Contact:** [Your Name]
        **Email:** hello@virdispay.com
        **Website:** https://virdispay.com

        ## VirdisPay Launches Payment Processing for Businesses Banks Turn Away

        **[CITY, DATE]** - VirdisPay today announced the launch of its payment platform for
        businesses in regulated industries that cannot get a bank account.
        """
    )
    assert anatomy.parts["headline"].text.startswith("VirdisPay Launches")
    # The same with CRLF line ends: the line's end is no value after the label.
    text = "# T\r\n\r\n**Contact:** Jane\r\n**Email:** jane@x.com\r\n**Website:**\r\n\r\n## Acme Launches X\r\n"
    crlf = build_document("c.md", SourceText(text), parse(SourceText(text).text)).anatomy
    lf = build_document("l.md", SourceText(text.replace("\r", "")), parse(text.replace("\r", ""))).anatomy
    assert crlf.roles == lf.roles


def test_a_title_that_closes_on_the_genre_and_its_format_is_no_headline() -> None:
    anatomy = anatomy_of(
        """
        # Kairos -- Press Release (Amazon Format)

        ## Kairos Launches an App That Gives Couples a Daily Practice for Staying Connected

        Today, Kairos launched its app for couples who want to be more intentional about their time together.
        """
    )
    assert anatomy.parts["headline"].text.startswith("Kairos Launches")


def test_a_verb_of_saying_that_ends_its_sentence_attributes_no_later_quotation() -> None:
    """Trial M: "each partner independently reflects. Swipe right: "Lived it."" made the sentence
    before "reflects" a leader speaking (and hid the missing leader quote)."""
    anatomy = anatomy_of(
        """
        # Kairos helps couples stay close

        Today, Kairos launched its app for couples who want to be more intentional.

        **Swipe to Reflect** -- When a planned moment passes, each partner independently reflects.
        Swipe right: "Lived it." Swipe left: "Missed it." Both create a memory.
        """
    )
    assert not anatomy.quotes and "leader_quote" not in anatomy.parts


def test_a_code_block_under_a_question_is_its_answer() -> None:
    """Trial N: "### 5. How do I run it?" over a fenced block of commands was "unanswered"."""
    anatomy = anatomy_of(
        """
        # Brain Router helps developers spend less on agent quotas

        Today we released Brain Router, a local server that hands routine sub-tasks to cheaper models.

        ## FAQ

        ### 4. Is it hosted?

        No. It runs on your own machine.

        ### 5. How do I run it?

        ```bash
        pipx install mcp-brain-router
        ```

        ### 6. What does it cost?
        """
    )
    answered = {q.text: q.answered for q in anatomy.questions}
    assert answered == {"4. Is it hosted?": True, "5. How do I run it?": True, "6. What does it cost?": False}
    # A code block in an appendix after the FAQ answers none of its questions.
    after = anatomy_of(
        """
        # Brain Router helps developers spend less on agent quotas

        Today we released Brain Router, a local server that hands routine sub-tasks to cheaper models.

        ## FAQ

        ### How do I install it?

        ## Appendix

        ```bash
        pipx install mcp-brain-router
        ```
        """
    )
    assert [q.answered for q in after.questions] == [False]


def test_inline_code_under_a_question_is_its_answer() -> None:
    """Round 56: "**Where is the cache stored?**" over a path in backticks was "nothing as its
    answer" (the unit's text leaves inline code out)."""
    anatomy = anatomy_of(
        """
        # Acme speeds up analysis with caching

        Today we introduce caching for analysts who rerun long jobs.

        ## FAQ

        **Where is the cache stored?**
        `.acme/cache/<cache_id>/`

        **Is it free?**
        Yes.

        **Which command clears `acme` caches?**

        **What does it cost to run?**

        **How do I export the logs?**
        `TBD`
        """
    )
    answered = {q.text: q.answered for q in anatomy.questions}
    assert answered == {
        "Where is the cache stored?": True,
        "Is it free?": True,
        # Inline code in the question itself answers nothing.
        "Which command clears  caches?": False,
        "What does it cost to run?": False,
        # A placeholder in code font is no answer (a fresh-eyes review).
        "How do I export the logs?": False,
    }


def test_a_block_quote_above_the_first_heading_is_a_banner_not_the_summary() -> None:
    anatomy = anatomy_of(
        """
        > **Snapshot:** local e5524eb (working tree dirty) · not deployed · generated 2026-07-30

        # PR-FAQ — Brain Router

        **BLUF:** A local server that lets coding assistants hand routine sub-tasks to cheaper models.
        """
    )
    assert anatomy.parts["summary"].text.startswith("BLUF")
    assert anatomy.regions[0] == "back"


def test_a_plain_text_headline_in_title_case_over_its_subheading() -> None:
    """Trial N: a document with no Markdown opens with its headline and subheading on two lines of
    one paragraph; the headline has two sentences."""
    anatomy = anatomy_of(
        """
        ChatGPT Launches the Contextual Action Engine: Your AI That Goes Beyond Understanding. It Acts for You.
        The new feature learns how you like things done and completes real-world tasks for you

        Los Angeles, May 2026 — Today people who use ChatGPT can ask it to book a table, and it books one.
        """
    )
    assert anatomy.parts["headline"].text.startswith("ChatGPT Launches")
    assert anatomy.parts["subheading"].text.startswith("The new feature")


def test_a_survey_s_answer_in_quotation_marks_is_no_quote_and_an_in_home_visit_is_no_close() -> None:
    """Trial P: '41 percent said "not knowing who is actually showing up" ...' made the problem
    paragraph a leader quote (no problem found); "in-home visit" then made it the call to action."""
    anatomy = anatomy_of(
        """
        # Wrenfield shows homeowners who is coming to their door

        Wrenfield today launched Verified Same-Day, a badge that confirms a contractor's background check is fresh.

        Homeowners booking an in-home visit today see a contractor's name and rating, and nothing about who that
        person is right now. In a survey of 640 households, 41 percent said "not knowing who is actually showing
        up" was a reason they hesitated or delayed booking.

        A homeowner sees the badge on the booking confirmation screen; there is nothing to turn on.
        """
    )
    assert not anatomy.quotes and "leader_quote" not in anatomy.parts
    assert "call_to_action" not in anatomy.parts or anatomy.parts["call_to_action"].line != 5


def test_quotations_in_italics_or_after_a_typed_bullet_are_quotes_and_denied_success_is_a_pre_mortem() -> None:
    anatomy = anatomy_of(
        """
        # Dawn of Crafting launches on the App Store

        Players who love building can now craft a whole kingdom on their phone.

        _"I didn't even know a phone game could feel this calm."_
        _, a test player told us after a week with it._

        • "Dawn of Crafting continues to be the most underrated game on the App Store."
        • - Justin Davis, Executive Editor, IGN

        ## FAQ

        ### Top 3 reasons this will not succeed

        1. Players never find it among a million games.
        """
    )
    assert len(anatomy.quotes) == 2 and anatomy.quotes[1].attribution == "Justin Davis, Executive Editor, IGN"
    assert "pre_mortem" in anatomy.parts and "plan_to_succeed" not in anatomy.parts


@pytest.mark.parametrize(
    ("after", "attribution"),
    [
        # Trials Z and AA (2026-12-05): a name and role set apart on the line after, no dash.
        (">\n> *Amadeus Norén, VP of Marketing at Tallyhome*", "Amadeus Norén, VP of Marketing at Tallyhome"),
        ("\n- **[Your Name], Founder and CEO, Tallyhome**", "[Your Name], Founder and CEO, Tallyhome"),
        # A sentence that goes on, or a line not set apart, signs nothing.
        ("\n*Dana Ruiz, a landlord in Salem, tried it for a month and kept it.*", ""),
        ("\n*Maria Lopez, a nurse, tried it.*", ""),
        # The common layout: a blank line between the quotation and the line (second review).
        ("\n\n*Maria Lopez, a nurse, loved it!*", ""),
        ("\n\n*Maria Lopez, a landlord, signed up in May.*", ""),
        ("\n\n*Tallyhome, the lead sensor maker in Oregon*", ""),  # a company, no person
        ("\n\n*Émile van der Berg, Head of Operations*", "Émile van der Berg, Head of Operations"),
        ("\nDana Ruiz, founder of Tallyhome", ""),
        ("\n*Tallyhome, Salem Oregon, June 2027*", ""),  # a place and a date, no role
        # A list's first item is a feature, not a signature (review, 2026-12-05).
        ("\n- Salem, Portland and Eugene landlords can order sensors today.\n- Each sensor costs $20.", ""),
        ("\n- Dana Ruiz, Head of Product\n- Each sensor costs $20.", ""),
    ],
)
def test_a_name_and_role_set_apart_on_the_next_line_sign_the_quotation(after: str, attribution: str) -> None:
    anatomy = anatomy_of(
        "# Tallyhome tells landlords about a leak the morning it starts\n\n"
        "SALEM, OR — June 1, 2027 — Today Tallyhome launched water sensors for small landlords.\n\n"
        '> "We kept losing rent to floods nobody saw until the ceiling came down on our tenants."\n' + after + "\n"
    )
    assert [q.attribution for q in anatomy.quotes][:1] == [attribution]


def test_fields_above_the_headline_are_about_the_document_not_the_release() -> None:
    """Trials Y and AA (2026-12-05): "Competition: AWS World Sports Innovation Cup" above the
    release was an undefined acronym, "Status: ... Validated E2E results" jargon and technology."""
    import wbl

    text = (
        "# PRFAQ: Tallyhome\n\n"
        "Status: Draft v1, 2026-05-14\nOwner: Growth team\nCompetition: AWS Home Innovation Cup 2026\n\n"
        "## Tallyhome tells landlords about a leak the morning it starts\n\n"
        "SALEM, OR — June 1, 2027 — Today Tallyhome, built on Amazon Web Services (AWS), launched water "
        "sensors for small landlords.\n"
    )
    linted = wbl.lint_text(text, "prfaq.md", options=wbl.LintOptions(select=("WB421",)))
    assert linted.findings == ()
    document = wbl.Linter().analyse(text, "prfaq.md")
    assert [u.part for u in document.units][:3] == ["pr", "back", "pr"]


def test_a_headline_heading_names_its_line_not_the_release_after_it() -> None:
    anatomy = anatomy_of(
        """
        ### HEADLINE

        Tidewell Launches a Tide Chart for Sea Kayakers

        **SEATTLE, WA – February 6, 2026** — Tidewell Labs today released Tidewell, free on iOS and Android.

        Kayakers who plan a crossing today juggle three websites and a printed table.
        """
    )
    assert anatomy["headline"].text == "Tidewell Launches a Tide Chart for Sea Kayakers"
    assert anatomy["dateline"].text.startswith("SEATTLE, WA – February 6, 2026")
    assert anatomy["summary"].text.startswith("SEATTLE, WA")


@pytest.mark.parametrize(
    "line",
    [
        "**Shelfwise Helps Store Owners Restock in Minutes**",
        "[Write the headline here]\n\nShelfwise Helps Store Owners Restock in Minutes",
    ],
)
def test_a_headline_heading_over_a_bold_headline_or_a_prompt(line: str) -> None:
    anatomy = anatomy_of(
        f"### HEADLINE\n\n{line}\n\n"
        "SEATTLE, WA – February 6, 2026 — Acme today released Shelfwise, an app for store owners.\n\n"
        "Store owners waste hours counting stock by hand every week, and shelves sit empty.\n"
    )
    assert anatomy["headline"].text.strip("*") == "Shelfwise Helps Store Owners Restock in Minutes"
    assert anatomy["summary"].text.startswith("SEATTLE, WA")


@pytest.mark.parametrize(
    "label", ["What Users Say (Beta)", "Customer Quote (Pilot User)", "Voice Of The Customer (Survey)"]
)
def test_a_label_with_a_note_in_parentheses_signs_no_quotation(label: str) -> None:
    anatomy = anatomy_of(
        "# Tidy fills cancelled clinic appointments\n\n"
        "Acme today launched Tidy, a scheduling app that helps clinic schedulers fill cancelled slots.\n\n"
        f'**{label}:**\n\n> "I used to dread Monday mornings, and now the gaps fill themselves."\n'
    )
    assert [q.name for q in anatomy.quotes] == [None]


def test_under_several_closing_headings_the_close_is_where_it_says_where_to_go() -> None:
    # A user trial: "Pricing" came first and its first tier was taken for the call to action.
    anatomy = anatomy_of(
        """
        # Settler reconciles every payment platform in one place

        Finance teams at online shops match Stripe, PayPal and bank payouts by hand every week.

        ### Pricing

        - **Free:** 1,000 reconciliations a month
        - **Starter:** $29 a month for 10,000 reconciliations

        ### Availability

        Settler is available now at [settler.io](https://settler.io).
        """
    )
    assert anatomy["call_to_action"].segments[0].text.startswith("Settler is available now")


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("Closing Thoughts", "call_to_action"),
        ("Closing", "call_to_action"),
        ("Closing Paragraph", "call_to_action"),
        ("Closing CTA", "call_to_action"),
        ("Closing the Loop", None),
        ("Closing Line Value (CLV) Tracking", None),
    ],
)
def test_closing_names_the_close_only_as_a_noun(heading: str, part: str | None) -> None:
    assert alias_part(heading) == part


def test_part_labels_on_consecutive_lines_of_one_paragraph_open_a_part_each() -> None:
    # No blank line between the fields: Markdown makes them one paragraph, the author meant three.
    anatomy = anatomy_of(
        """
        # PR/FAQ: Harbor Ledger

        **Headline:** Harbor Ledger lets small landlords see every repair request in one place
        **Subheading:** Tenants report leaks from their phones; landlords fix them before the ceiling stains
        **Summary:** Today Harbor Labs launched Harbor Ledger, an app that sorts repair requests for landlords.

        Most landlords hear about a leak only when the tenant downstairs sees the stain.
        """
    )
    found = lines(anatomy)
    assert (found["headline"], found["subheading"], found["summary"]) == (3, 4, 5)
    assert "stains" not in anatomy["headline"].text and "Today" not in anatomy["subheading"].text


def test_a_wrapped_line_that_only_mentions_a_part_s_name_does_not_split_the_paragraph() -> None:
    anatomy = anatomy_of(
        """
        # Harbor Ledger lets small landlords see every repair request in one place

        Today Harbor Labs launched Harbor Ledger, an app that sorts the repair requests of tenants
        Problem reports included, so that landlords see what to fix first.
        """
    )
    assert anatomy["summary"] is not None and "what to fix first" in anatomy["summary"].text


def test_a_question_as_the_document_s_title_is_the_headline_and_a_template_s_short_section_no_subheading() -> None:
    # A course template: the title asks the release's question; "## Hook" is a section like
    # "## Problem Statement", not the headline or the subheading (three trial reviewers).
    anatomy = anatomy_of(
        """
        # Do News Signals Drive Betting Market Movement?

        ## Hook

        Betting markets update as news arrives, but how much does a headline move the odds?

        ## Problem Statement

        Bettors cannot tell which news moves a line and which is noise, so they react to everything.

        ## Solution Description

        We matched 4,000 news alerts to odds changes and measured how far each kind moved the line.
        """
    )
    found = lines(anatomy)
    assert found["headline"] == 1
    assert "subheading" not in found
    assert found["summary"] == 5


def test_a_short_heading_before_any_headline_is_still_the_product_s_name() -> None:
    # The Hack Reactor template: "# Project Name" above, the product's name as a section heading.
    anatomy = anatomy_of(
        """
        # Project Name

        ## Linguist

        > A chat client for cross-cultural communication.

        ## Summary

        Linguist translates each message as you type it, so friends who speak different languages can chat.

        ## Problem

        Friends who speak different languages give up on chatting because copying text into a translator is slow.
        """
    )
    assert lines(anatomy)["headline"] == 3


def test_notes_before_a_press_release_heading_hold_no_part_of_the_release() -> None:
    # A user trial: a revision note with a date is no dateline, and the author's assumptions
    # ("**Pricing:** ...") before "## Press Release" are not the release's call to action.
    anatomy = anatomy_of(
        """
        # Leakline — PR/FAQ

        > Written as if launched. **Revised 2026-06-01 after discovery**: the beachhead moved to
        > property managers.

        ## Assumptions I made

        - **Name:** the product is Leakline.
        - **Pricing:** free for one building, paid for more.

        ## Press Release

        **Leakline Tells Landlords About a Leak Before the Ceiling Stains**

        SEATTLE, WA — March 3, 2027 — Today Dripworks launched Leakline, a sensor service that warns
        landlords of a leak within minutes, wherever their buildings are.

        Most landlords hear about a leak only when the tenant downstairs sees the stain. By then the
        joists are wet, the repair costs thousands and the tenant is angry.

        Landlords can sign up today at leakline.example; the first building is free.
        """
    )
    found = lines(anatomy)
    assert found["headline"] == 13
    assert found["dateline"] == 15
    assert found["call_to_action"] == 21


def test_a_notice_in_bold_above_the_headline_heading_is_not_the_headline() -> None:
    # A user trial: "**FOR REFERENCE — HACKATHON CONTEXT**" over the release's "##" headline.
    anatomy = anatomy_of(
        """
        # Press Release

        **FOR REFERENCE — HACKATHON CONTEXT**

        **This is a hackathon submission, not an official Dripworks product.**

        ## Leakline Tells Landlords About a Leak Before the Ceiling Stains

        *Property managers hear about water damage the day it starts*

        **March 3, 2027** — Today Dripworks launched Leakline, a sensor service that warns landlords
        of a leak within minutes, wherever their buildings are.
        """
    )
    found = lines(anatomy)
    assert found["headline"] == 7
    assert found["subheading"] == 9


def test_the_fields_under_a_media_contact_label_are_boilerplate() -> None:
    # Trial DK: "**Media Contact:**" over "GitHub: <url>" and "Repo: <url>" in one paragraph; the
    # fields were judged as the release's prose (a technology-first warning on "Repo:").
    anatomy = anatomy_of(
        """
        # Cypher lets traders swap tokens by voice

        Cypher, a voice wallet for traders, launched today. Traders can start at cypher.example.com.

        **Media Contact:**
        GitHub: https://github.com/example
        Repo: https://github.com/example/cypher
        """
    )
    fields = [r for s, r in zip(anatomy.segments, anatomy.roles, strict=True) if s.text.startswith("GitHub")]
    assert fields == ["boilerplate"]
    # Under a heading too; but a bold sentence in the contact's paragraph is no field (review).
    headed = anatomy_of(
        "# Cypher lets traders swap tokens by voice\n\n"
        "Cypher, a voice wallet for traders, launched today. Traders can start at cypher.example.com.\n\n"
        "Traders say a swap takes three words instead of fifteen clicks.\n\n## Media Contact\n\n"
        "GitHub: https://github.com/example\n"
    )
    assert [r for s, r in zip(headed.segments, headed.roles, strict=True) if s.text.startswith("GitHub")] == [
        "boilerplate"
    ]
    bold = anatomy_of(
        "# Cypher lets traders swap by voice\n\nCypher launched today.\n\n**Media Contact:**\n"
        "Jane Doe, jane@acme.com\n**Cypher runs a Rust service on Kubernetes with gRPC and Kafka.**\n"
    )
    assert [r for s, r in zip(bold.segments, bold.roles, strict=True) if s.text.startswith("Cypher runs")] != [
        "boilerplate"
    ]


def test_a_handle_names_its_speaker() -> None:
    # Trial DK: "said 0xjc65eth, lead architect of Cypher Trading" was "not attributed", and
    # '"…," 0xjc65eth continued' a customer's quote. Not a version ("v2.0").
    anatomy = anatomy_of(
        """
        # Cypher lets traders swap tokens by voice

        Cypher, a voice wallet for traders, launched today.

        "Fifteen clicks is a failure of design," said 0xjc65eth, lead architect of Cypher Trading.

        "Your keys never leave your device," 0xjc65eth continued.
        """
    )
    assert [(q.name, q.speaker) for q in anatomy.quotes] == [("0xjc65eth", "leader"), ("0xjc65eth", "leader")]
    assert not anatomy.present("customer_quote")
    versions = anatomy_of(
        """
        # Cypher lets traders swap tokens by voice

        "Fifteen clicks is a failure of design," said v2.0, our release.
        """
    )
    assert [q.name for q in versions.quotes] in ([], [None])
    # Nor a model, a revision or a hash (review of 2026-12-06).
    for speaker in ("gpt4o, our assistant", "rev2, the second revision", "sha256, the hash"):
        others = anatomy_of(f'# Cypher lets traders swap by voice\n\n"Ship it," said {speaker}.\n')
        assert [q.name for q in others.quotes] in ([], [None]), speaker


def test_a_name_between_the_quotation_and_the_verb_speaks_whatever_follows_the_verb() -> None:
    # A user trial: '"π×φ = 5.083," Casavant noted, referencing the constant' is Casavant's.
    anatomy = anatomy_of(
        """
        # Totus keeps your health records in one vault

        Totus, a health vault for patients, launched today.

        "Your records stay yours," said Ana Ruiz, founder of Totus.

        "Seven keys open the vault," Ruiz noted, referencing Totus's recovery scheme.
        """
    )
    assert [q.name for q in anatomy.quotes] == ["Ana Ruiz", "Ruiz"]
    assert not anatomy.present("customer_quote")


def test_notes_headed_with_a_remark_in_brackets_are_back_matter() -> None:
    # Trial CU (2026-12-06): "## Stage 4 — Coaching Notes (internal, not part of the PRFAQ proper)"
    # after the internal FAQ was read as more FAQ, and its notes drew 7 false weasel-word warnings.
    assert is_back_matter("Stage 4 — Coaching Notes (internal, not part of the PRFAQ proper)")
    assert is_back_matter("Appendix B (survey data)")
    assert not is_back_matter("Internal FAQ (draft)") and not is_back_matter("Customer questions (v2)")
    # Nor a heading that names the FAQ before its remark (review of 2026-12-06).
    assert not is_back_matter("Customer FAQ with coaching notes (v2)")
    assert not is_back_matter("FAQ — Reviewer Notes (answered inline)")
    text = (
        "# Salvager finds the parts you want\n\nHomelab owners get an alert within a minute.\n\n"
        "## Internal FAQ\n\n### Q: What does it cost?\n\nTwelve euros a month.\n\n"
        "## Stage 4 — Coaching Notes (internal, not part of the PRFAQ proper)\n\n"
        "The author picked option A on every question.\n"
    )
    document = build_document("doc.md", SourceText(text), parse(text))
    parts = {u.text[:20]: u.part for u in document.units}
    assert parts["Twelve euros a month"] == "faq" and parts["The author picked op"] == "back"


def test_a_release_written_in_html_has_its_parts_found_under_its_html_headings() -> None:
    """A template filled in with ``<p>`` and ``<h3>`` tags: the problem under "Losing your voice" is
    there, as it would be in Markdown."""
    anatomy = anatomy_of(
        """
        <h1>Thumbs lets students speak to the whole lecture hall from their phone</h1>

        <h3>Losing your voice</h3>
        Students in large lecture halls go unheard: the professor cannot hear a question from row
        twenty, and passing a microphone along the rows takes minutes, so most students never ask.

        <h3>Using your thumbs</h3>
        <p>Thumbs turns the phone a student already carries into a microphone for the room's
        speakers. A student opens the page the professor shares, holds the button and speaks.</p>
        """
    )
    assert anatomy.present("headline") and anatomy.present("problem")
    assert lines(anatomy)["problem"] == 4


def test_a_handle_signs_a_quote_after_a_dash() -> None:
    """Trial EI: '— **@LoreSeeker42**' under a player's quotation was "not attributed"."""
    anatomy = anatomy_of(
        """
        # Shifting Atlas lets players change the map they play on

        Shifting Atlas, a world where players' choices redraw the map, launched today.

        > _"I joined a caravan east, and when I came back my city had new rulers."_ — **@LoreSeeker42**
        """
    )
    assert [q.name for q in anatomy.quotes] == ["@LoreSeeker42"]


def test_a_dateline_after_the_release_mark_above_the_headline() -> None:
    """ "**FOR IMMEDIATE RELEASE** · London, [date]" over the headline: the mark and the dateline,
    closed by the end of the line; the heading below is the headline (round 36 of the user trials
    took the dateline for the summary and the headline for a label)."""
    anatomy = anatomy_of(
        """
        # Press release

        **FOR IMMEDIATE RELEASE** · London, [date]

        ## Doddily puts every baby class in the UK on one timetable

        **A new iPhone app shows what is on for your little one today, near you.**

        Doddily, launched on the App Store on 2 October 2026, lists 13,500 baby and toddler classes.

        Parents in Hackney missed classes because each one was listed in a different app.
        """
    )
    assert {part: anatomy.parts[part].line for part in ("headline", "subheading", "dateline")} == {
        "headline": 5,
        "subheading": 7,
        "dateline": 3,
    }


def test_a_banner_or_the_first_sentence_after_the_release_mark_is_no_dateline() -> None:
    from wbl.anatomy import _dateline_only

    assert _dateline_only("FOR IMMEDIATE RELEASE · London, [date]")
    assert not _dateline_only("FOR IMMEDIATE RELEASE · Acme Corp, Seattle")
    assert not _dateline_only("FOR IMMEDIATE RELEASE · Internal, Confidential")
    assert not _dateline_only("FOR IMMEDIATE RELEASE · SEATTLE, WA · March 3, 2026 · Acme today launched its app")


def test_an_unsigned_quotation_closing_the_file_after_the_contact_is_a_sign_off() -> None:
    """'*"The early cat catches the bug."*' as the file's last line, after "**Contact:**": a motto,
    no leader's quote (round 36 of the user trials); a signed one there is still a quote."""
    text = """
        # Miau Finance puts every stock chart in one terminal

        LONDON, December 1, 2026 — Miau Finance today launched a terminal for retail investors.

        Investors lose time switching between six charting sites.

        **Contact:**
        - GitHub Issues: github.com/miau/finance

        *"The early cat catches the bug."*
        """
    assert anatomy_of(text).quotes == ()
    motto = '*"The early cat catches the bug."*'
    signed = text.replace(motto, '"We built it for ourselves first," said Ana Lee, founder.')
    assert [q.speaker for q in anatomy_of(signed).quotes] == ["leader"]


def test_round_40_layouts_of_dates_and_signatures() -> None:
    # A date field under a labelled headline is the release's dateline (no place); a header's
    # "**Date:**" above the release is not (it dates the draft).
    fields = anatomy_of(
        """
        # PR/FAQ: Work Kit

        ## 1. Press release

        **Headline.** Work Kit plans the next change before the agent edits a file.

        **Subtitle.** Accept the plan, then ship only the files you named.

        **Date.** 15 October 2026

        **Intro.** Work Kit is a plugin you install once per machine.
        """
    )
    assert fields["dateline"] is not None and fields["dateline"].text.endswith("15 October 2026")
    header = anatomy_of(
        """
        # Implementation Plan: Engagement Scoring

        **Date:** 2026-01-07

        ### Press Release

        We add a scoring step that ranks variants before they render.
        """
    )
    assert header.get("dateline") is None
    # "- Name (Role)" as the only item after a quotation signs it; "**Leader quote.** Name, role:"
    # before a quotation names its speaker.
    signed = anatomy_of(
        """
        # Totem finds your friends at a festival

        ## Quote from You

        "Totem reconnects you to your friends so you spend more time making memories."

        - Patrick Sheehan (Product Owner)

        **Leader quote.** Sarah Scherer, owner: "First delivery means a plan I can refuse."
        """
    )
    expected = [("Patrick Sheehan", "Product Owner"), ("Sarah Scherer", "owner")]
    assert [(q.name, q.role) for q in signed.quotes] == expected


def test_round_40_layouts_keep_their_limits() -> None:
    # Review of 2026-12-07: "Name, Role (Company)" signs with the name before the comma; a thing
    # "for" someone signs nothing; a date field lower in the release is no dateline.
    signed = anatomy_of(
        """
        # Totem finds your friends at a festival

        "Totem reconnects you to your friends so you spend more time making memories."

        - Maya Chen, CEO (Totem)

        "Month-end used to take my whole weekend; now it is an hour."

        - Community Edition (for small business owners)
        """
    )
    assert [q.name for q in signed.quotes] == ["Maya Chen", None]
    lower = anatomy_of(
        """
        # Acme Pay lets shop owners take card payments on their phone

        ## Shop owners at markets now take cards without a card reader

        Shop owners lose one sale in ten because they cannot take cards at markets and fairs.

        With Acme Pay, a shop owner taps a card on the phone and the payment clears.

        "We built Acme Pay so that no stall loses a sale again," said Jane Lee, CEO of Acme.

        ## Availability

        **Launch date:** 15 October 2026

        Sign up at acmepay.example.
        """
    )
    assert lower.get("dateline") is None


@pytest.mark.parametrize("heading", ["Acknowledgments", "Acknowledgements", "Special thanks", "How to cite"])
def test_thanks_and_citations_are_back_matter(heading: str) -> None:
    # Round 41 (trial GA, 2026-12-07): praise of a third party's work under "## Acknowledgments"
    # and "### Credits" was judged as the release's claims.
    assert is_back_matter(heading)


@pytest.mark.parametrize("heading", ["Credits", "Citation", "Transfer credits"])
def test_credits_and_citation_may_name_a_product_s_part(heading: str) -> None:
    # Review of 2026-12-07: "### Credits" may be a product's usage credits, "Citation" a citation
    # tool's output; under them are the release's claims and the FAQ's questions.
    assert not is_back_matter(heading)


def test_a_title_field_after_a_context_section_before_the_release_is_the_headline() -> None:
    # Review of 2026-12-07: "## Problem" for context above "## Press Release", then its
    # "**Title:**" and "**Subtitle:**" fields: the title heads the release.
    anatomy = anatomy_of(
        """
        # Ledgerly PR/FAQ

        ## Problem

        Roommates lose track of who paid for what, and 61% of 212 renters we surveyed say money is the top fight.

        ## Press Release

        **Title:** Ledgerly Launches Shared Expense Tracking for Roommates

        **Subtitle:** Roommates in Austin now split rent and bills in one tap

        AUSTIN, TX — March 4, 2025 — Ledgerly today launched a shared expense app for people who live with roommates.

        Ledgerly is free for households of up to four people. Download it today at ledgerly.app.
        """
    )
    assert "Ledgerly Launches" in anatomy.parts["headline"].segments[0].text
    assert "subheading" in anatomy.parts


def test_a_title_field_after_the_release_s_body_is_no_headline() -> None:
    # Round 41 (trial GA): "- **Title**: ..." in a list of links at the end, under "### Academic
    # Paper", was taken for the headline, and every structure finding pointed there.
    anatomy = anatomy_of(
        """
        # CycleCore Maaza Models Launch Announcement

        ## Summary

        Today CycleCore released two small models that turn sensor logs into JSON on a laptop.

        ## The Problem

        Field engineers copy readings by hand because cloud models are slow and cost money offline.

        ## Links

        ### Academic Paper
        - **Paper**: coming soon
        - **Title**: "Capacity Scaling in Micro and Small Language Models"
        """
    )
    headline = anatomy.parts.get("headline")
    assert headline is not None and headline.line == 1


ANALYST_FIRST = """
    **November 3, 2014**

    # StackStorm Launches Open Source Software for Operations Teams

    PARIS – November 3, 2014 – StackStorm today announced StackStorm 0.5, open source software that
    lets operations teams wire their tools together and fix incidents without paging anyone.

    “In our studies, orchestration tops the list of gaps that DevOps teams report,” said Michael Cote,
    research director, infrastructure software, 451 Research.

    “Automation that ties each phase together is what operators asked us for,” said Evan Powell,
    co-founder and CEO of StackStorm.

    To download and install StackStorm 0.5, please visit stackstorm.com/install.

    **Supporting Resources**

      * Company Blog (stackstorm.com/blog)
      * Twitter: @Stack_Storm (twitter.com/Stack_Storm)
    """


def test_the_leader_quote_is_the_company_s_own_and_resources_are_back_matter() -> None:
    # Round 41 (trial FZ, 2026-12-07): an analyst of another firm quoted first was taken for the
    # leader's quote, and a Twitter link under "Supporting Resources" for the call to action.
    anatomy = anatomy_of(ANALYST_FIRST)
    leader = anatomy.parts.get("leader_quote")
    assert leader is not None and "Automation that ties" in leader.segments[0].text
    close = anatomy.parts.get("call_to_action")
    assert close is not None and "To download and install" in close.segments[0].text
    assert is_back_matter("Supporting Resources")


def test_an_unsigned_quotation_under_a_signed_one_is_the_same_voice() -> None:
    # Round 41 (trial GA): a creator's block quote signed "— Dave Robertson, project creator", then
    # an unsigned quotation right below it, was taken for a customer's quote.
    anatomy = anatomy_of(
        """
        # Garden OS Explains Every Score

        MELBOURNE — Garden OS, the browser-only garden planner, now says why a bed scores low.

        > "A 6 out of 10 isn't a failure. It's a diagnosis."
        >
        > — Dave Robertson, project creator

        "Maybe the sun is perfect but the tomato is trapped in an interior cell. Now you can see that."

        Garden OS is free at garden-os.example.
        """
    )
    assert [q.speaker for q in anatomy.quotes] == ["leader", "leader"]
    assert "customer_quote" not in anatomy.parts
    # Someone's own experience below the leader's quotation is another voice (review of 2026-12-07).
    other = anatomy_of(
        """
        # Ledgerly Launches Shared Expense Tracking for Roommates

        AUSTIN, TX — March 4, 2025 — Ledgerly today launched a shared expense app for roommates.

        "We built Ledgerly because our apartment had a spreadsheet nobody trusted," said Priya Nair, CEO of Ledgerly.

        > "I used to chase three roommates for utility money every month. Now I get paid the same week."

        Download it today at ledgerly.app.
        """
    )
    assert [q.speaker for q in other.quotes] == ["leader", "customer"]


def test_the_role_alone_after_a_dash_signs_a_quotation() -> None:
    # Round 42 (trial GB, 2026-12-07): '> — the builder' under a block-quoted quotation was read as
    # no attribution ("not attributed: name the customer who says it").
    anatomy = anatomy_of(
        """
        # Dustin Closes Stellar Accounts in Two Calls

        Wallet teams can now close a user's account and recover its balance in two calls.

        > "Every wallet has a support ticket that reads 'I cannot move my last 4 XLM.' Now we answer it."
        > — the builder

        Dustin is on npm today.
        """
    )
    assert [(q.speaker, q.attribution) for q in anatomy.quotes] == [("leader", "the builder")]


def test_a_user_name_with_digits_before_a_role_attributes_the_quote_to_no_named_person() -> None:
    # Round 43 of the user trials: hackathon releases sign with the author's GitHub handle; the
    # quotation is attributed ("not attributed" was wrong), but a handle is no name (the review of
    # round 43: "user2026, bakery owner" is an invented customer).
    text = (
        "# Acme launches Dockproof\n\n## Receiving checks for warehouse leads\n\n"
        "**SEATTLE, WA — October 1, 2026** — Today, Acme announced Dockproof for warehouse leads.\n\n"
        '"Operators had to choose between speed and accuracy," said chapalaumesh209, Lead Architect of '
        'Dockproof. "Now they do not."\n\n'
        '"It saved my team two hours a day," said covid19, the pandemic.\n'
    )
    quotes = Linter().analyse(text).anatomy.quotes
    assert quotes[0].attribution == "chapalaumesh209, Lead Architect of Dockproof" and quotes[0].name is None
    assert not quotes[1].attribution  # a word with digits before no person's role attributes nothing


def test_a_name_s_particle_stays_in_the_name_after_a_role() -> None:
    # Round 44 of the user trials: "Claudio di Castello". (Two people after a role, "said creators
    # Dave Abellán and Claudio di Castello", were named for a while; the reviews found companies
    # and testers it got wrong, and it was taken out.)
    lead = (
        "# Acme launches Castalia\n\n## A desktop for old computers\n\n"
        "**SEATTLE, WA — October 1, 2026** — Today, Acme announced Castalia for retro fans.\n\n"
    )
    quote = '"We did not want a museum piece," said creator Claudio di Castello.\n'
    [found] = Linter().analyse(lead + quote).anatomy.quotes
    assert (found.name, found.role) == ("Claudio di Castello", "creator")
    quote = '"We did not want a museum piece," said engineers at Acme Labs and Beta Corp.\n'
    [found] = Linter().analyse(lead + quote).anatomy.quotes
    assert found.name is None


def test_a_contact_line_that_names_questions_is_no_faq() -> None:
    # Round 45 of the user trials: "### Technical Contact" over "For technical questions or
    # integration support:" took the release's end for an FAQ, and "No FAQ" was never said.
    text = (
        "# Acme launches Canary\n\n## Alerts for silent cron jobs\n\n"
        "**SEATTLE, WA — October 1, 2026** — Today, Acme announced Canary for on-call engineers.\n\n"
        "### Technical Contact\n\nFor technical questions or integration support:  \nEmail: help@acme.example\n"
    )
    assert Linter().analyse(text).anatomy.get("faq") is None
    faq = text + "\n## For Customers: Frequently Asked Questions\n\n**Q: How much is it?**\n\nIt is free.\n"
    assert Linter().analyse(faq).anatomy.get("faq") is not None
    # A heading for an audience that names questions is still an FAQ (review of round 45).
    press = text + "\n## For Customers and Press: Common Questions\n\n**Q: How much is it?**\n\nIt is free.\n"
    assert Linter().analyse(press).anatomy.get("faq") is not None


def test_a_dateline_with_the_time_of_its_release() -> None:
    # Round 46 of the user trials: "Singapore - Mar 6 2017 to be released 9am London Time / 5pm
    # SGT" under the headline was taken for the sub-heading, and "no dateline" was said.
    from wbl.anatomy import _dateline_only

    text = (
        "# Kovan public testnet gives Ethereum developers a stable place to test\n\n"
        "Singapore - Mar 6 2017 to be released 9am London Time / 5pm SGT\n\n"
        "On 24th Feb 2017, the public testnet Ropsten suffered a spam attack, and developers lost a place to test.\n"
    )
    anatomy = Linter().analyse(text, "Press Release.md").anatomy
    assert anatomy.parts["dateline"].segments[0].text.startswith("Singapore - Mar 6 2017")
    assert not anatomy.parts["subheading"].segments[0].text.startswith("Singapore")
    assert _dateline_only("NEW YORK - March 3, 2027 (embargoed until 10:00 GMT)")
    # Words after the date that are no time of release, or a sentence, are no dateline's.
    assert not _dateline_only("Singapore - Mar 6 2017 to be released when we are ready.")
    assert not _dateline_only("Paris - March 3, 2027 released a new version of 2 apps today and more.")


def test_a_name_before_a_long_role_attributes_the_quote() -> None:
    # Round 46: "said web standards author Daniel Ehrenberg, a software engineer with ... and Vice
    # President of Ecma International" (21 words) was "not attributed".
    from wbl.anatomy import _NAMED_FIRST

    lead = (
        "# Acme launches CycloneDX 1.6\n\n## Bills of materials for every kind of software\n\n"
        "**SEATTLE, WA — October 1, 2026** — Today, Acme announced CycloneDX 1.6 for security teams.\n\n"
    )
    quote = (
        '"Standards-based formats are a key building block for us," said web standards author Daniel '
        "Ehrenberg, a software engineer with Bloomberg's JavaScript Infrastructure & Tooling team and Vice "
        "President of Ecma International.\n"
    )
    [found] = Linter().analyse(lead + quote, "press-release.md").anatomy.quotes
    assert found.name == "Daniel Ehrenberg"
    # A long role after an article is no name ("said a Senior Principal Group Product Leader II in
    # the ..." of a train-split document stays unnamed).
    assert not _NAMED_FIRST.match("a Senior Principal Group Product Leader II in the Household Storage")
    assert not _NAMED_FIRST.match("Shelfwise Inc, the Portland company that makes inventory software")
    assert not _NAMED_FIRST.match("Rheinbuch GmbH, the Cologne chain of twelve bookstores")


def test_a_post_s_title_in_its_front_matter_is_its_headline() -> None:
    # Round 46 of the user trials: launch posts under `_posts/` and `blog/` keep their title in
    # YAML front matter; a section heading was taken for the headline, or the post for other
    # Markdown though its front matter says "post_type: press release".
    text = (
        '---\nlayout: post\ntitle: "Nighthawk Apps releases its wallet suite for the DarkFi testnet"\n'
        'subtitle: "Press Release"\npost_type: press release\ndate: 2026-08-01\n---\n\n'
        "Sunshine Coast, Australia.\n\n"
        "Nighthawk Apps today announced that its wallet suite is available for public testing on the DarkFi "
        "testnet, so that everyday users keep their payments private by default.\n\n"
        "## Closing the privacy gap\n\nOn a typical network, balances and payment flows are public records.\n"
    )
    document = Linter().analyse(text, "2026-07-20-nighthawk.md")
    anatomy = document.anatomy
    assert anatomy.kind == "press_release"
    headline = anatomy.parts["headline"]
    start = headline.segments[0].unit.start
    assert text[start : start + 12] == "Nighthawk Ap" and headline.line == 3
    # "subtitle: Press Release" names the genre: no sub-heading of the post.
    assert "Press Release" not in {p.segments[0].text for p in anatomy.parts.values()}
    # A subtitle that says something is the sub-heading; a body that opens with its own title
    # keeps it (the front matter's is then not read).
    text2 = text.replace('subtitle: "Press Release"', "subtitle: Private payments for everyday users")
    assert Linter().analyse(text2, "post.md").anatomy.parts["subheading"].segments[0].text.startswith("Private")
    text3 = text.replace("Sunshine Coast", "# Nighthawk ships its suite\n\nSunshine Coast")
    units = Linter().analyse(text3, "post.md").units
    assert units[0].text == "Nighthawk ships its suite"


def test_a_dateline_of_its_own_under_the_headline_ends_the_lead() -> None:
    # The review of round 46's changes: with no sub-heading, the paragraph after a dateline line
    # was read as the sub-heading and every later part shifted; it is the summary.
    text = (
        "# Menuly Launches Same-Day Menu Updates for Hawker Stalls\n\n"
        "NEW YORK - March 3, 2027\n\n"
        "Menuly today launched same-day menu updates, which let food truck owners change prices on every "
        "delivery app from one screen.\n\n"
        "Owners change prices several times a week and must update four apps by hand, so menus go stale.\n"
    )
    parts = Linter().analyse(text, "press-release.md").anatomy.parts
    assert "subheading" not in parts and parts["summary"].segments[0].text.startswith("Menuly today launched")
    # A bold line after a release mark's dateline is still the lead (a title, then the headline).
    text = (
        "### Project Signal\n\n**FOR IMMEDIATE RELEASE: [A Date One Year From Today]**\n\n"
        "**Introducing Project Signal: the engine that keeps investors calm in noisy markets.**\n\n"
        "**[Your City, Your State]** – Investors drown in data every day, and panic sells follow.\n"
    )
    parts = Linter().analyse(text, "prfaq.md").anatomy.parts
    assert not parts["summary"].segments[0].text.startswith("Introducing")


def test_front_matter_names_the_genre_only_as_what_the_post_is() -> None:
    # The review of the front matter change: "category: press-release" over a how-to, a subtitle
    # sentence that mentions the genre and a title about writing a PR/FAQ made posts releases.
    body = (
        "\nMost press releases are never read past the headline. Here are five tips for writing one that works.\n\n"
        "## Lead with the news\n\nPut the news in the first sentence. Do not open with your company's history.\n\n"
        "## Quote a real person\n\nA quote should sound like something a person would say out loud.\n"
    )
    howto = "---\ntitle: How to write a press release that journalists read\ncategory: press-release\n---\n" + body
    assert Linter().analyse(howto, "post.md").anatomy.kind == "other"
    blog = (
        '---\ntitle: "What I learned writing my first PR/FAQ"\ntags: [working-backwards]\n---\n\n'
        "Last year my team adopted Amazon's Working Backwards process. I wrote my first document in it.\n\n"
        "## The hardest part\n\nThe hardest part was the customer problem.\n"
    )
    anatomy = Linter().analyse(blog, "post.md").anatomy
    assert anatomy.kind == "other" or not anatomy.kind_sure  # judged at most with hints
    from wbl.anatomy import _front_matter_genre

    assert _front_matter_genre("---\npost_type: press release\nsubtitle: 'Press Release'\n---\n") == [
        "press release",
        "press release",
    ]
    assert _front_matter_genre("---\nsubtitle: Why every press release needs a customer\n---\n") == []


def test_a_bold_question_that_wraps_over_two_lines_is_one_question_with_its_answer_below() -> None:
    # Round 47 of the user trials: "**Q: Why these two items, out of everything the synthesis\n
    # named as a gap?**" with the answer on the next line; the internal half was reported missing.
    anatomy = anatomy_of(
        """
        # Acme PR/FAQ

        Acme today launched Relay, which texts bakers the orders of the next morning.

        ## FAQ

        ### External

        **Q: Is this a breaking change?**
        No. Existing callers keep working.

        ### Internal / technical

        **Q: Why these two items specifically, out of everything the fleet
        synthesis named as a gap?**
        Both were already specified and tested, with a named seam.

        **Q: What does the next release need to pick up, per the requirements
        synthesis?**
        A sharded topology, once a real multi-node deployment is attempted.
        """
    )
    internal = [q for q in anatomy.questions if q.audience == "internal"]
    assert [q.text.split(",")[0] for q in internal] == [
        "Why these two items specifically",
        "What does the next release need to pick up",
    ]
    assert all(q.answered for q in internal) and anatomy["internal_faq"] is not None


def test_a_bold_hook_question_that_wraps_in_the_release_starts_no_faq() -> None:
    # Review of round 47: only a question labelled as one ("**Q: ...") may wrap; a bold hook
    # question opening a release paragraph over two lines stays the release's.
    anatomy = anatomy_of(
        """
        # Kettle lets small bakeries take pre-orders by text

        PORTLAND, OR, June 2, 2027 — Harbor Labs today launched Kettle, which takes next-day
        pre-orders for bakeries by text message.

        **What if your bakery never threw away another tray of croissants at the end of
        the day?** Small bakery owners guess each night how much to bake, and when they guess high
        they throw bread away.

        Kettle sends the owner's menu to regular customers at 6 p.m. and adds up their orders by 9.

        Owners sign up at kettle.example.com.
        """
    )
    assert anatomy.questions == () and anatomy["faq"] is None
    assert anatomy["call_to_action"] is not None and anatomy["solution"] is not None


def test_a_link_out_of_the_page_above_the_title_is_no_headline() -> None:
    # Round 50 of the user trials: "[back to project](./README.md)" above "# Press Release from
    # the Future" was taken for the headline, and every release-level finding pointed at it. The
    # genre's heading is no headline either; the heading that names the product is.
    text = (
        "[back to project](./README.md)\n\n# Press Release from the Future\n\n"
        "## JupyterLab Metadata Explorer Press Release\n\n"
        "JupyterLab takes a leap forward today with the Metadata Explorer, which shows data scientists "
        "who made a dataset and where it is used.\n"
    )
    anatomy = Linter().analyse(text).anatomy
    headline = anatomy.get("headline")
    assert headline is not None and headline.text == "JupyterLab Metadata Explorer Press Release"
    # A link to a page of the same site, over a plain headline line (a review of the change).
    plain = (
        "[back to project](./README.md)\n\nAcme launches Kettle for bakers\n\nToday Acme launched Kettle for bakers.\n"
    )
    headline = Linter().analyse(plain).anatomy.get("headline")
    assert headline is not None and headline.text == "Acme launches Kettle for bakers"
    # A link to the product's page over the release's first paragraph is the headline itself (a
    # second review of the change).
    repo = (
        "**[Acme Launches Kettle](./kettle/README.md)**\n\n"
        "Today Acme launched Kettle for bakers, which tells them how much dough to make.\n"
    )
    headline = Linter().analyse(repo).anatomy.get("headline")
    assert headline is not None and headline.text == "Acme Launches Kettle"
    # A link elsewhere in the headline's own words, under no heading, is still the headline.
    linked = "[Acme launches Kettle for bakers](https://acme.example)\n\nToday Acme launched Kettle.\n"
    headline = Linter().analyse(linked).anatomy.get("headline")
    assert headline is not None and headline.text == "Acme launches Kettle for bakers"


def test_a_list_of_example_questions_in_the_release_is_no_faq() -> None:
    # Round 50 of the user trials: questions the product answers, listed under "such as:", were
    # read as a plain-text FAQ: four "nothing as its answer" and a missing internal FAQ, all false.
    questions = "".join(f"    * {q}?\n" for q in ("Who first created this notebook", "Who has contributed to it"))
    people = "".join(f"    * {q}?\n" for q in ("What is their name and role", "What else did they write"))
    data = "".join(f"    * {q}?\n" for q in ("What is this dataset about", "Who curated this dataset"))
    text = (
        "# Acme launches Lens for data scientists\n\n"
        "Today Acme launched Lens, which answers questions about a notebook's data in one click.\n\n"
        "Before Lens, data scientists had no way to answer questions such as:\n\n"
        f"*   Questions about datasets:\n{data}*   Questions about notebooks:\n{questions}"
        f"*   Questions about people:\n{people}\n"
        "The list goes on. Lens is free; install it from the extension manager today.\n"
    )
    anatomy = Linter().analyse(text).anatomy
    assert anatomy.get("faq") is None and not anatomy.questions
    # A question whose answer is an item nested under it is an FAQ's, as before.
    nested = (
        "# Acme launches Lens for data scientists\n\nToday Acme launched Lens for data scientists.\n\n"
        "## Technical Summary\n\n"
        + "".join(
            f"- {q}?\n  - {a}.\n"
            for q, a in (
                ("How does it work", "It reads the notebook"),
                ("What does it cost", "It is free"),
                ("Where does data go", "It stays on your machine"),
            )
        )
    )
    assert Linter().analyse(nested).anatomy.get("faq") is not None


def test_a_plan_s_milestones_that_go_live_do_not_keep_the_roadmap_in_the_release() -> None:
    # Round 51 of the user trials: "## Press Release (Working Backwards)" then "## Milestone Map"
    # and "## Risks" in a product roadmap; "is live" and "download" in the milestones' own sections
    # were taken for the release's close, so the whole roadmap was read as the release (a false
    # 690-word length warning). A sibling of one section that invites the reader still keeps it.
    release = (
        "# Quant — Product Roadmap\n\n## Press Release (Working Backwards)\n\n"
        "**Acme Launches Quant for Retail Investors**\n\n"
        "BOSTON — March 3, 2027 — Acme today opened Quant, a research tool that shows retail investors "
        "which signals held up over six months of public paper trades, free of charge.\n\n"
        "Most retail investors read about momentum and value signals but cannot tell which of them "
        "would have made money, because published backtests hide their losing years and their costs. "
        "Paid newsletters sell the same signals with no record of the trades they would have made.\n\n"
        '"I wanted to know whether the signals I read about hold up in practice, so I ran them live, '
        'logged every trade and published the results," said Jane Doe, founder of Acme.\n\n'
        "The portfolio page at acme.example/quant shows every open position and closed trade, the "
        "signal that chose it and what it returned against the index, updated each evening after the "
        "close, so anyone can check the record before trusting a signal with their own money.\n\n"
    )
    milestones = (
        "## Milestone Map\n\n### M1 — Data\n\n- Two years of daily prices via batch download\n\n"
        "### M5 — Public Deployment\n\nGoal: Quant is live on acme.example with a public portfolio.\n\n"
        "## Risks\n\n- Paper trades overstate returns.\n"
    )
    anatomy = Linter().analyse(release + milestones).anatomy
    assert "Milestone Map" not in " ".join(s.text for s in anatomy.segments if anatomy.role_of(s) != "back_matter")
    flat = milestones.replace("### M1 — Data\n\n", "").replace("### M5 — Public Deployment\n\n", "")
    anatomy = Linter().analyse(release + flat).anatomy
    assert "Milestone Map" in " ".join(s.text for s in anatomy.segments if anatomy.role_of(s) != "back_matter")
