"""Words that mark a sports report, where a town stands for its club. Hand-written."""

from __future__ import annotations

from factwire.extraction.language.loader import words

SPORTS = words(
    "soccer football cricket tennis golf baseball basketball rugby athletics cycling boxing "
    "hockey racing motorcycling skiing swimming volleyball handball badminton squash snooker "
    "nfl nba nhl formula"
)
"""Names of sports (lower case): in a first line they make the article a sports report."""

SPORTS_WORDS = SPORTS | words(
    "match matches goal goals scored scorer scorers striker innings wicket wickets league cup "
    "championship halftime half-time quarter-final semi-final final beat drew defeated coach "
    "season tournament seed seeded standings inning homer homers pitcher batsman bowler "
    "midfielder goalkeeper playoff playoffs title victory win won lost games"
)
"""Words frequent in sports reports."""

RESULT_LINE_WORDS = frozenset(("and", "v", "vs", "beat", "drew"))
"""Lower-case words a results line may hold ("Leeds 2 Wimbledon 0", "Kent beat Essex 4-1")."""

MATCH_VERBS_AFTER = (
    "beat", "beats", "defeated", "drew with", "lost to", "thrashed", "routed", "edged", "won by",
    "were held", "held on to draw",
)  # fmt: skip
"""Verbs after a side's name that make it a team ("Leicestershire beat Somerset")."""

SCORE_VERBS = ("drew", "lost", "won")
"""Verbs that a score follows ("drew 1-1", "won 3-0")."""

MATCH_WORDS_BEFORE = (
    "beat", "beating", "defeated", "against", "v", "vs", "vs.", "versus", "draw with",
    "drew with", "lost to", "thrashed", "routed", "edged",
)  # fmt: skip
"""Words before a side's name that make it a team ("a 1-1 draw against Nice")."""
