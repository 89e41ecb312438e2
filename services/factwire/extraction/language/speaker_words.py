"""Words that tell where a speaker phrase ends and what kind of speaker it names. Hand-written;
read by the claim rules that resolve speakers (``extraction/claims/speakers.py``)."""

from __future__ import annotations

from factwire.extraction.language.amounts import WEEKDAYS
from factwire.extraction.language.loader import words

PHRASE_ENDERS = words(
    "is was are were has have had will would can could should might must does did do "
    "now however also still too already even never then reportedly repeatedly again often "
    "previously quickly immediately recently clearly instead meanwhile though just finally soon "
    "himself herself themselves"
)
"""Auxiliaries and sentence adverbs that end a speaker phrase written up to its verb
("Trump now", "Carter however", "Kaine also"): the speaker is the words before them."""

VERB_PARTICLES = words("out back up off down")
"""Particles that follow a verb ("sent out", "shot back"): a past-tense form in -ed before one
of them, or before an article or a preposition, is the verb a speaker phrase ran into ("The
town released a statement", "Roe elaborated in an op-ed", "a poll released")."""

IRREGULAR_PAST = words("sent put gave took made began spent shot brought held threw wrote")
"""Past tenses without -ed that a speaker phrase runs into ("His office put out a statement",
"Roe's campaign sent out a release"), read like the -ed forms before a particle or article."""

PASSIVE_AUXILIARIES = words("be been being get got")
"""Words before a participle that make it passive ("research to be released this week"): the
participle is no verb the speaker phrase ran into."""

CONTRACTION_ENDINGS = ("n't", "n’t")
"""A negated auxiliary ("hasn't", "wouldn’t") ends a speaker phrase as well."""

PRONOUN_CONTRACTIONS = ("’s", "'s", "’re", "'re", "’ll", "'ll", "’d", "'d", "’ve", "'ve")
"""Endings of a contracted pronoun ("He’s", "They're"): the speaker is the pronoun."""

POST_MODIFIER_OPENERS = words("in during since last")
"""Words that open a time or place after a speaker's head noun, which is no part of the
speaker's name ("a poll in June", "a staffer in the room", "a survey last week")."""

WRITINGS = words(
    "tweet tweets email emails letter memo statement statements post posts ad ads video "
    "release editorial op-ed column essay article book interview remarks speech response "
    "message filing complaint lawsuit report analysis study"
)
"""Heads of a phrase naming a writing or utterance ("a Trump tweet", "Roe's statement"): the
writing speaks for the person or organisation named in it."""

NO_ONE_IN_PARTICULAR = words(
    "people nobody everyone everybody anyone anybody neither either none public instead even "
    "meanwhile"
)
"""Last words of a speaker phrase that name no one a later "he" or "she" can be ("many
people", "Nobody", "the public"), or an opening adverb taken for a speaker ("Instead")."""

_SHE_NOUNS = words(
    "woman spokeswoman congresswoman chairwoman businesswoman actress mother daughter wife "
    "sister aunt girl grandmother widow"
)
_HE_NOUNS = words(
    "man spokesman congressman chairman businessman actor father son husband brother uncle "
    "boy grandfather widower"
)
NOUN_PRONOUNS = dict.fromkeys(_SHE_NOUNS, "she") | dict.fromkeys(_HE_NOUNS, "he")
"""Heads of a description that say which of "he" and "she" can refer back to it."""

RELATIONAL_ROLES = words(
    "spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney friend relative "
    "colleague neighbor neighbour supporter opponent critic official source staffer strategist "
    "operative analyst expert observer insider witness father mother son daughter wife husband "
    "brother sister uncle aunt partner manager assistant representative"
)
"""Roles held towards someone else ("a spokeswoman", "his lawyer"): such a description is
not the person just named, whose spokeswoman or lawyer it may be."""

SHARE_WORDS = words(
    "most many some several few others another both half all none each either neither one "
    "majority minority plurality third thirds quarter quarters fifth fifths tenth tenths "
    "two-thirds three-quarters three-fourths one-third one-quarter one-fifth rest remainder "
    "percent %"
)
"""Words naming a share of a group that can be a speaker on their own, as polls report them
("Most say ...", "a third said", "47 percent believe", "one in three said"); with a number
(``amounts.NUMBER_WORDS`` or digits) the run of words before a cue is such a share."""

SHARE_LEADS = words("about nearly almost roughly only just over more fewer less than around a the")
"""Words that may come before a share ("about a third", "more than half", "just over 40%")."""

SURVEYED_WORDS = words("surveyed polled asked questioned interviewed sampled")
"""Participles after "those" that make a share of a poll's people ("those surveyed said")."""


REPORT_TIME_LEADS = words("on last this early late earlier")
REPORT_TIMES = WEEKDAYS | words(
    "week month year night morning afternoon evening weekend yesterday today tonight"
)
SETTING_PREPOSITIONS = words("in on during via")
REPORT_VENUE_PREPOSITIONS = SETTING_PREPOSITIONS | {"at"}
REPORT_VENUE_DETERMINERS = words("a an the his her their")
WRITTEN_SETTINGS = words("statement interview email tweet speech letter post op-ed memo") | {
    "press release"
}
"""Where words reported after a quote were written or given ("..., Roe said in a statement")."""
REPORT_VENUES = (
    WRITTEN_SETTINGS
    | words("rally debate event call appearance")
    | {
        "news conference",
        "press conference",
        "conference call",
        "radio interview",
        "television interview",
    }
)
REPORT_ADVERBS = words("also again repeatedly previously recently later publicly privately then")
"""What may stand between a reporting cue and the clause it reports: a time ("said on Monday",
"said last week"), the occasion ("said in a statement", "told reporters at a news
conference") and an adverb ("said again"), in any number (``language.patterns.REPORT_FILLER``)."""
