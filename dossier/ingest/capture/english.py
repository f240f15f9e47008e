"""English officials: title patterns around the name ("Azerbaijani Economy Minister
Shahin Mustafayev", "Nikolai Patskevich, the Belarusian ambassador to Azerbaijan,"),
people named beside a verb of speech or in a phrase only people take, and the
dossier's officials named in Latin script.

No English named-entity model is used (none is packaged on PyPI by its own authors
with its weights: see docs/capture.md); these patterns stand in for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dossier.ingest.capture.countries import country_in
from dossier.ingest.capture.types import OfficialCandidate
from dossier.ingest.names import clean_name, match_official, name_words, skeleton
from dossier.ingest.people import merge_mention

_EN_TITLES = (
    r"Deputy\s+Prime\s+Minister|Prime\s+Minister|Vice[-\s]President|President|"
    r"Foreign\s+Minister|Deputy\s+(?:Foreign\s+)?Minister|Minister(?:\s+of\s+(?:[A-Z]\w+"
    r"(?:\s+and\s+)?)+)?|Ambassador|Chancellor|King|Queen|Emir|Sheikh|Speaker|Chairman|"
    r"Secretary(?:-General|\s+of\s+State)?|Governor|Mayor|Senator|Spokesman|Spokeswoman"
)
_EN_NAME = r"(?P<name>[A-Z][a-zà-ÿğşıçöüə'’-]+(?:\s+[A-Z][a-zà-ÿğşıçöüə'’-]+){1,2})"
# "Azerbaijani Economy Minister", "Deputy Prime Minister of Azerbaijan": up to three
# capitalised words (a country's adjective, a portfolio) belong to the title.
# A country's possessive ("Azerbaijan's", "Belarus'") and "U.S." count among them, and
# so does a country after "to" ("Ambassador to Azerbaijan").
_EN_QUALIFIER = r"(?:[A-Z][a-z]+(?:['’]s?)?|U\.S\.|[A-Z]{2,3})"
_EN_BEFORE = re.compile(
    rf"(?P<post>(?:{_EN_QUALIFIER}\s+){{0,3}}?(?:{_EN_TITLES})"
    rf"(?:\s+(?:of|to)\s+(?:the\s+)?[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+){{0,3}}?)?)\s+{_EN_NAME}"
)
# "Kremlin spokesman Dmitry Peskov", "EU foreign policy chief Josep Borrell": a title
# written in lower case, after at least one capitalised word that says whose.
_EN_LOWER_TITLE = re.compile(
    rf"(?P<post>{_EN_QUALIFIER}(?:\s+(?:{_EN_QUALIFIER}|[a-z]+)){{0,3}}?\s+(?:spokesman|"
    rf"spokeswoman|spokesperson|chief|envoy|aide|adviser|advisor|ombudsman))\s+{_EN_NAME}"
)
# "the head of Azerbaijan's central bank, Taleh Kazimov,": the post before, in commas.
_EN_HEAD_OF = re.compile(
    rf"\b(?:[Tt]he\s+)?(?P<post>(?:head|chief|governor|chairman|president|director|leader)"
    rf"\s+of\s+[^,.;]{{3,60}}?),\s+{_EN_NAME}\s*[,.;]"
)
# Phrases only people take: "talks with Ilham Aliyev", "signed by Elnur Aliyev",
# "Vladimir Putin's visit", "Mikheil Saakashvili, who …". No post: unticked.
_EN_PERSON = re.compile(
    rf"\b(?:with|by|met|invited|congratulated|thanked|phoned|called\s+on)\s+{_EN_NAME}"
    rf"|{_EN_NAME.replace('<name>', '<name2>')}(?:['’]s\s+(?:visit|government|administration|"
    rf"spokesman|spokeswoman|office|party|aide|adviser|remarks|statement|decree)\b|,\s+who\b)"
)
_EN_AFTER = re.compile(
    rf"{_EN_NAME},\s+(?:the\s+)?(?P<post>[^,.;]{{0,40}}?\b(?:president|minister|ambassador|"
    rf"chairman|speaker|governor|spokesman|spokeswoman|secretary|head|leader)\b[^,.;]{{0,50}})"
    rf"(?=[,.;])",
    re.IGNORECASE,
)
# "Mustafayev said", "said Sergei Lavrov", "according to Ilham Aliyev": a person
# named without a title; kept unticked ("no post") unless a title turns up elsewhere.
_EN_SPEAKER = re.compile(
    rf"{_EN_NAME}\s+(?:said|says|told|added|noted|stressed|announced|stated|declared)\b"
    rf"|\b(?:said|says|told|according\s+to)\s+{_EN_NAME.replace('<name>', '<name2>')}"
)
# A credit line's "by" ("Photo by", "Editing by"): its names are furniture.
_CREDIT = re.compile(
    r"\b(?:photo\w*|picture|image|video|written|edited|editing|reporting|reported|compiled|"
    r"translated|produced|illustrat\w*|graphics?|credits?|text|story)\s+by\s+$",
    re.IGNORECASE,
)
# Words that make a capitalised phrase an organisation, a place or a title, not a name.
_NOT_NAME_WORDS = re.compile(
    r"\b(?:Ministry|Office|Bank|Company|Agency|Service|Committee|Council|Government|News|"
    r"Union|Republic|Minister|President|Ambassador|Embassy|Parliament|Cabinet|Kremlin|House|"
    r"Department|Organisation|Organization|Corporation|Group|Fund|Press|Reuters|Trend|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Street|City|State|States|"
    r"Asia|Europe|East|West|North|South|Central|Sea|Caspian|Games|Forum|Summit|University|"
    r"Airport|Port|Railway|Airlines|Exchange|Party|Assembly|Court|Institute|Centre|Center)\b"
)
# Leading words of a matched title that are not part of the post.
_NOT_POST_START = {"The", "On", "In", "At", "Then", "When", "After", "Also", "Meanwhile", "But"}
_NOT_NAMES = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "And",
    "Of",
}


def people_en(text: str) -> list[OfficialCandidate]:
    """Officials in an English text, by title patterns; people named beside a verb
    of speech are added without a post."""
    found: list[OfficialCandidate] = []
    matches = sorted(
        (
            m
            for pattern in (_EN_BEFORE, _EN_AFTER, _EN_LOWER_TITLE, _EN_HEAD_OF)
            for m in pattern.finditer(text)
        ),
        key=lambda m: m.start("name"),
    )
    for m in matches:  # in reading order, so the first post written is the one kept
        name = m["name"]
        if name.split()[0] in _NOT_NAMES:
            continue
        words = re.sub(r"\s+", " ", m["post"]).strip().split(" ")
        while len(words) > 1 and words[0] in _NOT_POST_START:
            words.pop(0)
        post = " ".join(words)
        merge_mention(
            found,
            clean_name(name),
            post[:1].upper() + post[1:],
            (m.start("name"), m.end("name")),
            (m.start(), m.end()),
        )
    for m in (*_EN_SPEAKER.finditer(text), *_EN_PERSON.finditer(text)):
        group = "name" if m["name"] else "name2"
        name = m[group]
        if not name or name.split()[0] in _NOT_NAMES or _NOT_NAME_WORDS.search(name):
            continue
        if country_in(name):
            continue  # "Azerbaijani Foreign", "Belarus Vladimir"
        if _CREDIT.search(text[max(0, m.start() - 40) : m.start(group)]):
            continue  # "Photo by Jane Doe/Reuters": page furniture, not a person of the news
        span = (m.start(group), m.end(group))
        merge_mention(found, clean_name(name), None, span, span)
    _repeated_and_paired(text, found)
    return found


def _repeated_and_paired(text: str, found: list[OfficialCandidate]) -> None:
    """A full name whose surname recurs alone ("Vladimir Putin … Putin met"), or that
    is paired with a person already found ("Elnur Aliyev and Vladimir Makei"): a
    person, without a post."""
    ends = {stop for person in found for _, stop in person.mentions}
    for m in _LATIN_NAME.finditer(text):
        name = m.group()
        words = name.split()
        if words[0] in _NOT_NAMES or _NOT_NAME_WORDS.search(name) or country_in(name):
            continue
        repeated = any(
            not re.search(r"[A-Z][\w'’-]*\s+$", text[max(0, x.start() - 30) : x.start()])
            for x in re.finditer(rf"\b{re.escape(words[-1])}\b(?!\s+[A-Z])", text)
        )
        paired = any(text[end : m.start()] == " and " for end in ends)
        if repeated or paired:
            merge_mention(found, clean_name(name), None, m.span(), m.span())


_LATIN_NAME = re.compile(r"\b[A-Z][a-zà-ÿğşıçöüə'’-]+(?:\s+[A-Z][a-zà-ÿğşıçöüə'’-]+){1,2}\b")


def known_people(text: str, officials: Sequence[Any]) -> list[tuple[str, tuple[int, int], Any]]:
    """The dossier's officials named in a Latin-script text without a title ("Mukhtar
    Babayev said"): (name as written, span, official), by the same matching as the
    officials import. Names are looked up by the skeleton of their surname first, so
    a dossier of thousands of officials costs little."""
    by_surname: dict[str, list[Any]] = {}
    for official in officials:
        for written in (official.name, getattr(official, "name_latin", None)):
            words = name_words(written or "")
            if words:
                by_surname.setdefault(skeleton(words[-1]), []).append(official)
    found = []
    for m in _LATIN_NAME.finditer(text):
        words = name_words(m.group())
        if len(words) < 2 or m.group().split()[0] in _NOT_NAMES:
            continue
        pool = [o for word in words for o in by_surname.get(skeleton(word), [])]
        if not pool:
            continue
        official = match_official(m.group(), list({o.id: o for o in pool}.values()))
        if official is not None:
            found.append((clean_name(m.group()), (m.start(), m.end()), official))
    return found
