"""Closed-class English words (articles, pronouns, prepositions, conjunctions, adverbs) in the
roles the rules give them. Hand-written; each set is named after what a rule does with it."""

from __future__ import annotations

from factwire.extraction.language.loader import words

FUNCTION_WORDS = words(
    "a an the this that these those there here it its he she they we you i my our your his her "
    "their them us me who whom whose which what when where why how if unless while as after "
    "before since until because although though but and or nor so yet also then than in on at "
    "by for from to of with without within into onto over under about above below between "
    "among against during through throughout despite including like unlike near per via "
    "not no all any both each every either neither some many much more most few several such "
    "only just even still already once other another one is are was were be been has have had "
    "do does did would shall should could might must let please yes meanwhile "
    "however moreover instead later earlier today yesterday tomorrow now"
)
"""Words that start no name mid-sentence and make a headline a sentence when in lower case."""

SENTENCE_STARTERS = words(
    "The A An He She It They We I But And In On At This That These Those There His Her Their "
    "Its Our If When While As After Before So Yet Still Now Then Meanwhile However"
)
"""Words that start sentences: after "U.S." they mean the abbreviation also ended the sentence."""

NAME_CONNECTORS = words("de van von der den da di du del la le bin al el y &")
"""Lower-case words inside a name ("Ludwig van Beethoven", "Osama bin Laden")."""

FOREIGN_ARTICLES = words("Der Die Das Le La Les El Il Los Las Het De")
"""Articles that open foreign names of newspapers and companies ("Le Monde", "El Al")."""

LOCATIVE_WORDS = words("in at near from outside across to towards into via")
"""Prepositions that make the unknown name after them a place ("in Kibeho")."""

ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le", "&", "in"})
"""Small words of a name that its acronym leaves out ("Bank of England" -> "BOE")."""

TITLE_SMALL_WORDS = words("a an the and or but nor of in on at to for from with by as vs is are be")
"""Words left in lower case in a title written in title case ("Gone with the Wind")."""

# --- speaker phrases (claims) -----------------------------------------------------------------

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you", "who"})
WRITER_PRONOUNS = frozenset({"we", "you"})
"""Speakers of a reporting clause outside quotation marks who are the writer and the reader
("we know that ...", "you may think ..."): no one's attribution."""
INDEFINITE_ARTICLES = frozenset({"a", "an"})
"""What opens an apposition that describes a name just given ("X, a think tank, ...")."""

DETERMINERS = words(
    "the a an this that these those his her their its our my your some many most several other "
    "another one two three four five both all few any no each every more first such"
)
PHRASE_BOUNDARY = words(
    "that which and but or because as while when if after before since so where though although "
    "than nor whether whom what how why until unless whereas once then also not to is was are "
    "were be been has have had will would can could should may might must do does did said says "
    "say told tells said"
)
"""Words a speaker phrase never runs across."""
PREPOSITIONS = frozenset(["of", "for", "at", "from", "in", "by", "with", "on", "to", "about"])
LINKING_PREPOSITIONS = frozenset(["of", "for", "at", "from", "in", "by", "with", "on", "to"])
"""Prepositions that tie a description to a name ("the head of Acme")."""
PHRASE_SKIP = words(
    "also later previously once repeatedly recently then often again still has have had was "
    "were is are would will reportedly further even earlier publicly privately frequently "
    "similarly separately ultimately initially subsequently quickly flatly simply bluntly "
    "openly never always already just did does do correctly falsely wrongly reportedly only "
    "first last yesterday today tonight has been not cannot didn't didn’t doesn't doesn’t "
    "don't don’t hasn't hasn’t haven't haven’t hadn't hadn’t won't won’t wouldn't wouldn’t "
    "isn't isn’t wasn't wasn’t aren't aren’t weren't weren’t can't can’t couldn't couldn’t"
)
"""Adverbs and auxiliaries skipped between a speaker and a cue ("Smith also said")."""
TIME_LEADS = frozenset(["on", "last", "this", "that", "early", "late", "earlier", "next"])
CLAUSE_OPENERS = words(
    "prior after before when while as asked at in on during since despite following "
    "with without from for by like unlike under amid among although though if once over "
    "throughout along across beyond within toward towards ever hours days weeks months"
)
CLAUSE_LEADS = words("even ever just long right soon here there only")
"""Words that may lead a clause opener at a sentence's start ("Even before", "Ever since",
"Here in"): the subject follows the comma that ends the opening clause."""
ADVERB_OPENERS = words(
    "back yet instead however meanwhile still now then earlier later separately moreover "
    "indeed also so but and last next"
)
TIME_PHRASE_ENDS = words("ago later earlier")
"""Words ending a time phrase that opens a clause before its subject ("Two days later, she")."""
SHARED_SUBJECT = words("and but then to also later yet")
"""Words after which a cue shares the subject of its clause ("..., but told the crowd")."""
COORDINATORS = words("and but")
SENTENCE_LINKS = words("and but so yet")
"""Words that may open a sentence before its first phrase ("But according to X, ...")."""
POSSESSIVES = words("my your his her its our their")
"""Possessive determiners: a cue word right after one is a noun ("their plans", "his call")."""
RELATIVE_PRONOUNS = words("who whom whose which that")
BE_FORMS = words("is are was were be been being am 's")
"""Forms of "be": before a participle they make it passive ("is expected to", "was asked")."""
"""Words opening a relative clause, which ends the head of a subject ("voters who came ...")."""
"""Words joining a second report to the first with the same speaker ("X praised A and said B")."""
DESCRIPTION_OPENERS = words("the a an")
POST_MODIFIERS = words("of from at")
BEFORE_SUBJECT = words("the former a an but and so yet while then even also now still meanwhile")
CLAUSE_BREAKS = words("and but while although though whereas")
"""Words after a comma that open a clause of its own, which ends a report ("Smith said the plan
failed, but the council disagreed")."""
