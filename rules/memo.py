"""Every memo key of the built-in pack, in one place (the memo protocol: `wbl.document.MemoKey`).

A value several rules derive from the same unit or document is computed once and remembered
under one of these names; the inputs a value depends on besides the unit's text (a lexicon's
key, options) are part of its key when it is stored.
"""

from __future__ import annotations

from wbl.document import MemoKey

# wbl_rules.analysis: the shared sentence analysis.
TECHNOLOGY_TERMS = MemoKey(
    "analysis.technology_terms", "analysis", "a sentence's technology terms (inputs: lexicon, sentence, exclusions)"
)
QUOTED = MemoKey("analysis.quoted", "analysis", "spans of a unit inside quotation marks")
NOUN_MENTIONS = MemoKey("analysis.noun_mentions", "analysis", "a unit's tokens and the customer segments they name")
LEAD = MemoKey("analysis.lead", "document", "the press release's headline, sub-heading and summary")
SEGMENTS = MemoKey("analysis.segments", "document", "the customer segments the lead names (inputs: lexicon)")
TECHNICAL_AUDIENCE = MemoKey(
    "analysis.technical_audience", "document", "the technical audience the lead names, if any (inputs: lexicon)"
)
PRODUCT_NAMES = MemoKey("analysis.product_names", "document", "the product's names, found in the release")
NAMED_SUBJECTS = MemoKey(
    "analysis.named_subjects", "analysis", "a unit's subjects that are proper nouns or code-shaped (product names)"
)
ACRONYMS = MemoKey(
    "analysis.acronyms", "split", "a unit's acronym uses (inputs: the acronym rule's options and accepted terms)"
)

# wbl_rules.problem.checks: problem-not-addressed.
KEY_LEMMAS = MemoKey(
    "problem.key_lemmas",
    "analysis",
    "a paragraph's content words as written and their lemmas, the customer's names and a run-in label left out "
    "(inputs: lexicon, segments, where the paragraph's own words start)",
)
# wbl_rules.structure.checks: unfinished-draft.
DRAFT_MATCHES = MemoKey(
    "structure.draft_matches", "split", "a segment's matches of unfinished-draft's patterns (inputs: patterns, segment)"
)
# wbl_rules.tech_first.checks: the tech-first rules.
TECH_FIRST_VERDICT = MemoKey(
    "tech_first.verdict",
    "sentence",
    "a sentence's tech-first verdict: where, how severe, why "
    "(inputs: model, word lists, product names, cap, placeholders)",
)
# wbl_rules.jargon.checks: jargon-density.
JARGON_VERDICT = MemoKey(
    "jargon.verdict",
    "sentence",
    "a sentence's jargon level and its terms with their weights, in the sentence's offsets "
    "(inputs: model, word lists, product names, placeholders)",
)
# wbl_rules.voice.checks: company-centric voice.
SENTENCE_VOICE = MemoKey(
    "voice.sentence",
    "sentence",
    "a sentence's voice, company or customer (inputs: lexicon, segments, product and company names, inline code)",
)
# wbl_rules.sentences: the sentence models and the rule functions beside them.
SENTENCE_ANALYSIS = MemoKey(
    "sentences.analysis",
    "analysis",
    "a sentence's analysis for the models: technology, customers, jargon terms, passives "
    "(inputs: word lists, product names, sentence)",
)
SENTENCE_SCORES = MemoKey(
    "sentences.score",
    "analysis",
    "a sentence's probability and features for every label (inputs: model, word lists, product names, sentence)",
)
PASSIVE_CLAUSES = MemoKey("sentences.passive", "analysis", "passive clauses (inputs: word lists, sentence)")
WEASEL_TERMS = MemoKey("sentences.weasel", "analysis", "a sentence's weasel words (inputs: word lists, sentence)")
PLACEHOLDERS = MemoKey("sentences.placeholders", "split", "where a unit's Doc holds placeholders ([City], <name>)")
MAY_HOLD_JARGON = MemoKey(
    "sentences.may_hold_jargon",
    "split",
    "whether a sentence could hold a jargon term (inputs: word lists, sentence)",
)

__all__ = [
    "ACRONYMS",
    "DRAFT_MATCHES",
    "JARGON_VERDICT",
    "KEY_LEMMAS",
    "LEAD",
    "MAY_HOLD_JARGON",
    "NAMED_SUBJECTS",
    "NOUN_MENTIONS",
    "PASSIVE_CLAUSES",
    "PLACEHOLDERS",
    "PRODUCT_NAMES",
    "QUOTED",
    "SEGMENTS",
    "SENTENCE_ANALYSIS",
    "SENTENCE_SCORES",
    "SENTENCE_VOICE",
    "TECHNICAL_AUDIENCE",
    "TECHNOLOGY_TERMS",
    "TECH_FIRST_VERDICT",
    "WEASEL_TERMS",
]
