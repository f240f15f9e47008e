"""Protocol precedence: who is met, seated and carded first.

An official's rank is the one recorded (the `rank` field) or, when left empty, the one
its post implies, read in Russian or English: head of state, head of government,
deputies, ministers, ambassadors, then everyone else.
"""

from __future__ import annotations

import functools

from dossier.model import RANKS

RANK_ORDER = {c.value: n for n, c in enumerate(RANKS)}

# First words of a post, lower-cased, per rank; checked in this order, so "вице-президент"
# is a deputy before "президент" makes it a head of state.
_POST_STARTS = (
    (
        "deputy",
        (
            "вице-президент",
            "вице-премьер",
            "первый вице",
            "первый заместитель премьер",
            "заместитель премьер",
            "заместитель председателя правительства",
            "заместитель председателя кабинета",
            "руководитель администрации президента",
            "глава администрации президента",
            "vice-president",
            "vice president",
            "first vice",
            "deputy prime minister",
            "first deputy prime minister",
            "head of the presidential administration",
            "chief of staff",
        ),
    ),
    ("head_of_state", ("президент", "король", "эмир", "president", "king", "emir")),
    (
        "head_of_government",
        (
            "премьер-министр",
            "председатель правительства",
            "председатель кабинета министров",
            "prime minister",
            "premier",
            "chancellor",
        ),
    ),
    ("other", ("заместитель министра", "deputy minister", "вице-министр", "vice minister")),
    ("minister", ("министр", "minister")),
    ("ambassador", ("посол", "чрезвычайный и полномочный посол", "ambassador")),
)


@functools.lru_cache(maxsize=8192)
def rank_from_post(position: str | None) -> str:
    # Cached: a dossier of 30,000 officials holds far fewer distinct posts.
    post = (position or "").strip().casefold()
    for rank, starts in _POST_STARTS:
        if post.startswith(starts):
            return rank
    return "other"


def protocol_rank(rank: str | None, position: str | None) -> int:
    """0 for a head of state ... 5 for others: the recorded rank, else the post's."""
    return RANK_ORDER.get(rank or rank_from_post(position), len(RANK_ORDER))
