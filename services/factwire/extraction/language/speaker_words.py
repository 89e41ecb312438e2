"""Words that tell where a speaker phrase ends and what kind of speaker it names. Hand-written;
read by the claim rules that resolve speakers (``extraction/claims/speakers.py``)."""

from __future__ import annotations

from factwire.extraction.language.loader import words

PHRASE_ENDERS = words(
    "is was are were has have had will would can could should might must does did do "
    "now however also still too already even never then reportedly repeatedly again often "
    "previously quickly immediately recently clearly instead meanwhile though"
)
"""Auxiliaries and sentence adverbs that end a speaker phrase written up to its verb
("Trump now", "Carter however", "Kaine also"): the speaker is the words before them."""

CONTRACTION_ENDINGS = ("n't", "n’t")
"""A negated auxiliary ("hasn't", "wouldn’t") ends a speaker phrase as well."""

PRONOUN_CONTRACTIONS = ("’s", "'s", "’re", "'re", "’ll", "'ll", "’d", "'d", "’ve", "'ve")
"""Endings of a contracted pronoun ("He’s", "They're"): the speaker is the pronoun."""

POST_MODIFIER_OPENERS = words("in during since last")
"""Words that open a time or place after a speaker's head noun, which is no part of the
speaker's name ("a poll in June", "a staffer in the room", "a survey last week")."""
