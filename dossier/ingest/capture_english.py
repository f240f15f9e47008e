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

from dossier.ingest.capture_countries import country_in
from dossier.ingest.capture_types import OfficialCandidate
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
_EN_BEFORE = re.compile(
    rf"(?P<post>(?:[A-Z][a-z]+\s+){{0,3}}?(?:{_EN_TITLES})"
    rf"(?:\s+of\s+(?:the\s+)?[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+){{0,3}}?)?)\s+{_EN_NAME}"
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
# Words that make a capitalised phrase an organisation, a place or a title, not a name.
_NOT_NAME_WORDS = re.compile(
    r"\b(?:Ministry|Office|Bank|Company|Agency|Service|Committee|Council|Government|News|"
    r"Union|Republic|Minister|President|Ambassador|Embassy|Parliament|Cabinet|Kremlin|House|"
    r"Department|Organisation|Organization|Corporation|Group|Fund|Press|Reuters|Trend|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Street|City|State|States)\b"
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
        (m for pattern in (_EN_BEFORE, _EN_AFTER) for m in pattern.finditer(text)),
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
    for m in _EN_SPEAKER.finditer(text):
        group = "name" if m["name"] else "name2"
        name = m[group]
        if not name or name.split()[0] in _NOT_NAMES or _NOT_NAME_WORDS.search(name):
            continue
        if country_in(name):
            continue  # "Azerbaijani Foreign", "Belarus Vladimir"
        span = (m.start(group), m.end(group))
        merge_mention(found, clean_name(name), None, span, span)
    return found


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
