"""Protocol precedence: who is met, seated and carded first.

An official's rank is the one recorded (the `rank` field) or, when left empty, the one
its post implies, read in Russian or English: head of state, head of government,
deputies, ministers, ambassadors, then everyone else. Within a rank the post orders
too: a first vice-president before a vice-president before a deputy prime minister.

A post is read with the countries it names: an ambassador counts as one only when
accredited to one of the two countries of the visit (the host's ambassador to
Hungary is no interlocutor of a visit from Belarus), and "President" or "Prime
Minister" followed by something other than a country ("of Crimea", "of SOCAR") heads
a region or a company, not a state.
"""

from __future__ import annotations

import functools
import re

from dossier.model import RANKS

RANK_ORDER = {c.value: n for n, c in enumerate(RANKS)}

# First words of a post, lower-cased, per rank; each rank's groups in precedence
# order. Checked in this order, so "вице-президент" is a deputy before "президент"
# makes it a head of state, and "заместитель министра" is no minister.
_POST_STARTS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    (
        "deputy",
        (
            ("первый вице-президент", "first vice-president", "first vice president"),
            ("вице-президент", "vice-president", "vice president"),
            (
                "первый вице-премьер",
                "первый заместитель премьер",
                "первый заместитель председателя правительства",
                "первый заместитель председателя кабинета",
                "first deputy prime minister",
                "first vice-premier",
                "первый вице",
                "first vice",
            ),
            (
                "вице-премьер",
                "заместитель премьер",
                "заместитель председателя правительства",
                "заместитель председателя кабинета",
                "deputy prime minister",
                "vice-premier",
                "vice premier",
            ),
            (
                "руководитель администрации президента",
                "глава администрации президента",
                "head of the presidential administration",
                "chief of staff",
            ),
        ),
    ),
    ("head_of_state", (("президент", "король", "эмир", "president", "king", "emir"),)),
    (
        "head_of_government",
        (
            (
                "премьер-министр",
                "председатель правительства",
                "председатель кабинета министров",
                "prime minister",
                "premier",
                "chancellor",
            ),
        ),
    ),
    ("other", (("заместитель министра", "deputy minister", "вице-министр", "vice minister"),)),
    ("minister", (("министр", "minister"),)),
    ("ambassador", (("чрезвычайный и полномочный посол", "посол", "ambassador"),)),
)
# Ranks whose post, when it goes on, must go on with a country to keep the rank.
_OF_A_STATE = ("head_of_state", "head_of_government")
# Where an ambassador's post names the country of accreditation: "посол ... в Венгрии",
# "ambassador ... to Hungary" / "in Hungary".
_ACCREDITED = re.compile(r"(?:^|\s)(?:в|во|при|to|in)\s+(.+)$", re.IGNORECASE)


def post_precedence(
    position: str | None, accredited: frozenset[str] = frozenset()
) -> tuple[str, int]:
    """The rank a post implies and its place within that rank (0 first).

    `accredited` holds the ISO codes of the visit's two countries (ours and the
    host's); left empty, the countries a post names are not weighed."""
    return _post_precedence((position or "").strip().casefold(), accredited)


@functools.lru_cache(maxsize=8192)
def _post_precedence(post: str, accredited: frozenset[str]) -> tuple[str, int]:
    # Cached: a dossier of 30,000 officials holds far fewer distinct posts.
    for rank, groups in _POST_STARTS:
        for place, starts in enumerate(groups):
            start = next((s for s in starts if post.startswith(s)), None)
            if start is None:
                continue
            if accredited and not _keeps_rank(rank, post[len(start) :], accredited):
                return "other", 0
            return rank, place
    return "other", 0


def _keeps_rank(rank: str, rest: str, accredited: frozenset[str]) -> bool:
    rest = rest.strip(" ,")
    if not rest:
        return True
    if rank in _OF_A_STATE:
        # "President of Azerbaijan", "Президент Азербайджанской Республики" keep it;
        # "Prime Minister of Crimea", "President of the Academy" do not.
        return bool(countries_named(rest))
    if rank == "ambassador":
        m = _ACCREDITED.search(rest)
        named = countries_named(m.group(1)) if m else set()
        # To one of the visit's countries, or to a city no list knows: still ours.
        return not named or bool(named & accredited)
    return True


def rank_from_post(position: str | None, accredited: frozenset[str] = frozenset()) -> str:
    return post_precedence(position, accredited)[0]


@functools.lru_cache(maxsize=8192)
def protocol_rank(
    rank: str | None, position: str | None, accredited: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """(0 for a head of state ... 5 for others, the place within the rank): the
    recorded rank, else the post's."""
    derived, place = post_precedence(position, accredited)
    if rank and rank != derived:
        return RANK_ORDER.get(rank, len(RANK_ORDER)), 0
    return RANK_ORDER.get(derived, len(RANK_ORDER)), place


def countries_named(text: str) -> set[str]:
    """ISO codes of the countries a post names in any case or language: 'Венгрии',
    'Азербайджанской Республики', 'the United Kingdom' -> {'HU'}, {'AZ'}, {'GB'}."""
    folded = text.casefold()
    found = set()
    # Only names whose first word starts like a word of the text are tried.
    for start in {w[:3] for w in re.findall(r"\w+", folded)}:
        for name, code in _country_names().get(start, ()):
            if code not in found and _name_pattern(name).search(folded):
                found.add(code)
    return found


@functools.cache
def _country_names() -> dict[str, list[tuple[str, str]]]:
    """Every country name (English, official, Russian) with its code, by its first
    three letters."""
    import pycountry

    from dossier.countries import _russian_names

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")):
            if name:
                names.setdefault(name.casefold(), c.alpha_2)
    for name, code in _russian_names().items():
        names.setdefault(name, code)
    names.update({"сша": "US", "usa": "US", "uk": "GB", "britain": "GB", "великобритания": "GB"})
    by_start: dict[str, list[tuple[str, str]]] = {}
    for name, code in names.items():
        by_start.setdefault(name[:3], []).append((name, code))
    return by_start


@functools.lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern[str]:
    words = [w for w in re.split(r"[\s,()'-]+", name) if w]
    body = r"\s+".join(_word_pattern(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _word_pattern(word: str) -> str:
    """A name's word as a pattern that also matches it declined: Russian changes the
    ending ("Венгрия" -> "в Венгрии", "Азербайджан" -> "Азербайджанской"), so a long
    word matches by its start; a short Latin one ("Chad", "Peru") only whole, lest it
    match "chairman" or "permanent"."""
    if len(word) > 5:
        return re.escape(word[:-2]) + r"\w*"
    if len(word) > 3:
        return re.escape(word[:-1]) + (r"\w{1,2}" if _cyrillic(word) else word[-1] + "s?")
    return re.escape(word) + (r"\w?" if _cyrillic(word) else "")


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
