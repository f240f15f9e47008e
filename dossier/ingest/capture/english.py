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
from dossier.ingest.names import clean_name, match_official, name_words, same_person, skeleton
from dossier.ingest.people import merge_mention

_EN_TITLES = (
    r"Deputy\s+Prime\s+Minister|Prime\s+Minister|Vice[-\s]President|President|"
    r"Foreign\s+Minister|Deputy\s+(?:Foreign\s+)?Minister|Minister(?:\s+of\s+(?:[A-Z]\w+"
    r"(?:\s+and\s+)?)+)?|Ambassador|Chancellor|King|Queen|Emir|Sheikh|Speaker|Chairman|"
    r"Secretary(?:-General|\s+of\s+State)?|Governor|Mayor|Senator|Spokesman|Spokeswoman|"
    r"Administrator|Commissioner|Director|CEO|Attorney\s+General|Prosecutor|Premier|"
    # A military rank alone is a post too ("General Abd al-Karim Qasim").
    r"(?:(?:Major|Lieutenant|Brigadier)\s+)?General|Colonel|Admiral|(?:Field\s+)?Marshal|"
    # Legislators, judges, clergy and other offices GUM counts ("Congressman Ron Paul",
    # "Judge Sonia Sotomayor", "Bishop Desmond Tutu", "Sheriff Joe Arpaio").
    r"Congress(?:man|woman)|Representative|Judge|Justice|Sheriff|(?:Arch)?[Bb]ishop|"
    r"Cardinal|Imam|Mufti|Consul(?:\s+General)?|Superintendent|Commander"
)
# "King Charles III", "Pope Francis", "Emir Tamim": a ruler's title before one name,
# with a numeral or "the Great" after it, but not a place named after one ("Prince
# Edward Island", "King Fahd Causeway").
_EN_RULER = re.compile(
    r"\b(?P<post>(?:[A-Z][a-z]+(?:['’]s?)?\s+){0,2}?(?:King|Queen|Pope|Tsar|Emperor|Empress|"
    r"Emir|Sultan|Crown\s+Prince|Prince|Princess|Sheikh))\s+(?P<name>[A-Z][a-z]+"
    r"(?:\s+(?:[IVX]+\b|the\s+Great))?)(?![\w'’-]|\s+[A-Z])"
)
# A name: two or three capitalised words, or initials before a surname ("K.C.
# Maurer", "John F. Kennedy"); never "U.S." or "U.N.", which are qualifiers.
# "O'Brien", "D'Alema", "L'Enfant": a capital after the apostrophe.
_EN_WORD = r"[A-Z](?:['’][A-Z])?[a-zà-ÿğşıçöüə'’-]+"
_EN_INITIALS = r"(?!U\.[SKN]\.|E\.U\.)(?:[A-Z]\.){1,3}\s?"
# Particles inside a name: "Suleiman al-Amr", "Ursula von der Leyen".
_EN_PARTICLE = r"(?:(?:al|el|bin|ibn|van|von|der|de|da|di|du|le)[-\s])*"
# A military rank before the name is read with it, then given back to the post
# ("Defence Ministry spokesman Major General Igor Konashenkov").
_EN_RANK = r"(?:(?:Major|Lieutenant|Brigadier|Rear|Vice)\s+)?(?:General|Colonel|Admiral)\s+"
_EN_NAME = (
    rf"(?P<name>(?:{_EN_RANK})?{_EN_INITIALS}{_EN_WORD}|(?:{_EN_RANK})?"
    rf"{_EN_WORD}(?:[^\S\n]+(?:[A-Z]\.\s+)?{_EN_PARTICLE}{_EN_WORD}){{1,2}})"
)
# The same, case-sensitive inside a pattern that ignores case.
_EN_NAME_CS = _EN_NAME.replace("(?P<name>", "(?-i:(?P<name>") + ")"
# "Azerbaijani Economy Minister", "Deputy Prime Minister of Azerbaijan": up to three
# capitalised words (a country's adjective, a portfolio) belong to the title.
# A country's possessive ("Azerbaijan's", "Belarus'") and "U.S." count among them, and
# so does a country after "to" ("Ambassador to Azerbaijan").
_EN_QUALIFIER = r"(?<![\w'’.-])(?:[A-Z][a-z]+(?:['’]s?)?|U\.S\.|[A-Z]{2,6}(?![a-z]))"
_EN_BEFORE = re.compile(
    rf"(?P<post>(?:{_EN_QUALIFIER}\s+){{0,3}}?(?:{_EN_TITLES})"
    rf"(?:\s+(?:of|to)\s+(?:the\s+)?[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+){{0,3}}?)?)\s+{_EN_NAME}"
)
# "Kremlin spokesman Dmitry Peskov", "EU foreign policy chief Josep Borrell": a title
# written in lower case, after at least one capitalised word that says whose.
_EN_LOWER_TITLES = (
    r"spokesman|spokeswoman|spokesperson|chief|envoy|aide|adviser|advisor|ombudsman|"
    r"president|director|mayor|councill?or|chairman|chairwoman|minister|secretary|ceo|"
    r"(?:co-)?founder|administrator|commissioner|governor|senator|prosecutor|attorney|"
    r"leader|official|lawmaker|legislator|judge|commander|manager|coordinator|"
    r"congress(?:man|woman)|sheriff|superintendent|executive"
)
# A longer run of capitalised words (with "of" between them) is one organisation's
# name and belongs to the title whole ("University of Texas Arlington Muslim Student
# Association president Sehar Memon").
_EN_LOWER_TITLE = re.compile(
    rf"(?P<post>(?:(?P<run>{_EN_QUALIFIER}(?:\s+(?:of\s+)?{_EN_QUALIFIER}){{3,7}})|"
    rf"{_EN_QUALIFIER}(?:\s+(?:{_EN_QUALIFIER}|[a-z]+)){{0,3}}?)\s+"
    rf"(?:{_EN_LOWER_TITLES}))\s+{_EN_NAME}"
)
# "Executive director of the Dallas chapter of the Council on American-Islamic
# Relations Alia Salem said": a title of any length opening its sentence, "of" an
# organisation, then the name (its last two words) before a verb of speech.
_EN_LONG_TITLE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<post>(?:[A-Z][a-z]+\s+)?(?:[Dd]irector|[Pp]resident|"
    rf"[Cc]hairman|[Cc]hairwoman|[Hh]ead|[Cc]hief|[Ss]ecretary|[Ss]pokes(?:man|woman|person))"
    rf"\s+of\s+(?:the\s+)?[A-Z][^,.;:!?\n]{{3,120}})\s+(?P<name>{_EN_WORD}\s+{_EN_WORD})"
    rf"\s+(?:said|says|told|added)\b",
    re.MULTILINE,
)
# "city mayor Hau Lung", "pro-Beijing district councillor Wilson Or": an office in
# lower case after words that say which one (places, levels, hyphenated sides).
_EN_LEVEL = (
    r"(?:[a-z]+-[A-Z][\w-]*|[A-Z][\w-]*|city|district|state|county|regional|provincial|"
    r"municipal|local|federal|national|party|camp|deputy|vice|assistant|acting|interim|"
    r"opposition|foreign|finance|health|trade|economy|defen[cs]e|interior|justice|senior)"
)
_EN_LEVEL_TITLE = re.compile(
    rf"(?<![\w-])(?P<post>(?:{_EN_LEVEL}\s+){{1,3}}(?:mayor|councill?or|governor|senator|"
    rf"minister|secretary|commissioner|prosecutor|legislator|lawmaker|chairman|chairwoman))"
    rf"\s+{_EN_NAME}"
)
# "Malaysia's Prime Minister, Najib Razak said", "the Crown prosecutor, Mark Tedeschi,":
# a title, then the name in commas (or before a verb of speech).
_EN_COMMA_TITLES = (
    r"prime\s+minister|minister|president|ambassador|chairman|chairwoman|speaker|governor|"
    r"spokes(?:man|woman|person)|secretary(?:[-\s]general)?|director|representative|"
    r"attorney|prosecutor|administrator|commissioner|mayor|councill?or|senator|"
    r"(?:co-)?founder|ceo|treasurer"
)
_EN_TITLE_COMMA = re.compile(
    rf"(?:\b(?:[Tt]he|[Aa]n?)\s+|^|(?<=[.;:,]\s)|(?<=\n))(?P<post>(?:(?-i:{_EN_QUALIFIER})\s+)"
    rf"{{0,3}}(?:{_EN_COMMA_TITLES})(?:\s+(?:of|for|at|to)\s+[^,.;\n]{{2,60}}?)?),\s+"
    rf"{_EN_NAME_CS}(?=\s*[,.;]|\s+(?:said|says|told|added)\b)",
    re.IGNORECASE | re.MULTILINE,
)
# "the head of Azerbaijan's central bank, Taleh Kazimov,": the post before, in commas.
_EN_HEAD_OF = re.compile(
    rf"\b(?:[Tt]he\s+)?(?P<post>(?:head|chief|governor|chairman|president|director|leader)"
    rf"\s+of\s+[^,.;]{{3,60}}?),\s+{_EN_NAME}\s*[,.;]"
)
# Phrases only people take: "talks with Ilham Aliyev", "signed by Elnur Aliyev",
# "Vladimir Putin's visit", "Mikheil Saakashvili, who …". No post: unticked.
# Also "Wikinews interviewed Bob Barr", "John Smith, 45, said" (an age in commas) and
# a form of address before a full name ("Ms Julia Gillard", "Dr. Ahmed Hassan").
_EN_PERSON = re.compile(
    rf"\b(?:with|by|met|invited|congratulated|thanked|phoned|called\s+on|interviewed|"
    rf"appointed|(?:Mr|Mrs|Ms|Dr)\.?)\s+{_EN_NAME}"
    rf"|{_EN_NAME.replace('<name>', '<name3>')},\s+(?:aged\s+)?\d{{1,2}},"
    rf"|{_EN_NAME.replace('<name>', '<name2>')}(?:['’]s\s+(?:visit|government|administration|"
    rf"spokesman|spokeswoman|office|party|aide|adviser|remarks|statement|decree)\b|,\s+who\b)"
)
_EN_AFTER = re.compile(
    rf"{_EN_NAME_CS},\s+(?:the\s+|an?\s+)?(?P<post>[^,.;]{{0,40}}?\b(?:president|minister|"
    rf"ambassador|chairman|speaker|governor|spokes(?:man|woman|person)|secretary|head|leader|"
    rf"director|representative|administrator|commissioner|attorney|prosecutor|mayor|"
    rf"councill?or|senator|(?:co-)?founder|ceo|treasurer|chief\s+\w+\s+officer|judge|"
    rf"commander|manager|coordinator|congress(?:man|woman)|sheriff|superintendent|dean|"
    rf"bishop|official|lawmaker|legislator)\b"
    rf"[^,.;]{{0,50}})(?=[,.;])",
    re.IGNORECASE,
)
# Forms of address and academic titles: not posts, and not part of the name
# ("Professor Cres Eastman", "Ms Buchtmann").
_HONORIFIC = re.compile(
    r"^(?:(?:Emeritus\s+)?Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame)\s+"
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
    r"Airport|Port|Railway|Airlines|Exchange|Party|Assembly|Court|Institute|Centre|Center|"
    r"Museum|Gallery|Foundation|Association|Society|School|College|Hospital|Authority|Police|"
    r"Sheriff|Station|Standards|National|Space|Shuttle|Festival|Prize|Award|Study|Program|"
    r"Programme|Western|Eastern|Southern|Northern|Muslim|Christian|Jewish|Catholic|Chief|"
    r"Executive|Officer|Motors|Electric|Dynamics)\b"
)
# Leading words of a matched title that are not part of the post.
_NOT_POST_START = {"The", "On", "In", "At", "Then", "When", "After", "Also", "Meanwhile", "But"}
_RANKS = {"General", "Colonel", "Major", "Captain", "Lieutenant", "Admiral", "Sergeant"}
_RANKS |= {"Brigadier", "Rear", "Vice"}
_RULERS = {"King", "Queen", "Pope", "Tsar", "Emperor", "Empress", "Emir", "Sultan", "Sheikh"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August"}
_MONTHS |= {"September", "October", "November", "December"}
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
    # Words that open a sentence before a capitalised name or place ("On September",
    # "Yesterday Mohamed", "If Iodine").
    "On",
    "In",
    "At",
    "If",
    "It",
    "It's",
    "For",
    "When",
    "After",
    "Before",
    "But",
    "As",
    "This",
    "That",
    "With",
    "From",
    "During",
    "While",
    "Yesterday",
    "Only",
    "Today",
    "Tomorrow",
    "Image",
    "Video",
    "Audio",
}


def people_en(text: str) -> list[OfficialCandidate]:
    """Officials in an English text, by title patterns; people named beside a verb
    of speech are added without a post."""
    found: list[OfficialCandidate] = []
    matches = sorted(
        (
            m
            for pattern in (
                _EN_BEFORE,
                _EN_AFTER,
                _EN_LEVEL_TITLE,
                _EN_LOWER_TITLE,
                _EN_LONG_TITLE,
                _EN_HEAD_OF,
                _EN_TITLE_COMMA,
                _EN_RULER,
            )
            for m in pattern.finditer(text)
        ),
        # At one name, an organisation's whole name before the title first: it is kept.
        key=lambda m: (m.start("name"), 0 if "run" in m.re.groupindex and m["run"] else 1),
    )
    for m in matches:  # in reading order, so the first post written is the one kept
        # "Prime Minister Rishi Sunak's effort": the possessive is not the name's.
        name, extra = re.sub(r"['’]s$", "", m["name"]), ""
        # "CEO of the Refugee Council Enver Solomon": the title took too little, and
        # the name too much; the name's first words go back to the title.
        while _person_name(name) is None and len(name.split()) > 2:
            first, name = name.split(" ", 1)
            extra = f"{extra} {first}"
        name = _person_name(name) or ""
        if " " not in name and m.re is not _EN_RULER:
            continue
        words = re.sub(r"\s+", " ", m["post"] + extra).strip().split(" ")
        while len(words) > 1 and words[0] in _NOT_POST_START:
            words.pop(0)
        post = " ".join(words)
        if post in _RANKS and _org_before(text[max(0, m.start() - 40) : m.start()]):
            continue  # "the Society for General Systems Research": an organisation's name
        if m.re is _EN_AFTER:
            if _RELATION.match(post):
                continue  # "the daughter of a minor official": the office is another's
            post += _campus(text, m.end())
        merge_mention(
            found,
            name if m.re is _EN_RULER else clean_name(name),  # "III" stays "III"
            post[:1].upper() + post[1:],
            (m.start("name"), m.end("name")),
            (m.start(), m.end()),
        )
    for m in (*_EN_SPEAKER.finditer(text), *_EN_PERSON.finditer(text)):
        group = next(g for g in ("name", "name2", "name3") if g in m.re.groupindex and m[g])
        spoken = _person_name(m[group] or "")
        if not spoken:
            continue
        # "Administrator Bolden stated", "Senator Warren said": a title and a surname
        # are the surname of someone already found, never a new person.
        name = re.sub(rf"^(?:\S+\s+)?(?:{_EN_TITLES})\s+(?=\S+$)", "", spoken)
        if " " not in name:  # "Professor Eastman said": only someone already found
            if any(same_person(name, person.name) for person in found):
                merge_mention(found, name, None, m.span(group), m.span(group))
            continue
        if country_in(name):
            continue  # "Azerbaijani Foreign", "Belarus Vladimir"
        if _CREDIT.search(text[max(0, m.start() - 40) : m.start(group)]):
            continue  # "Photo by Jane Doe/Reuters": page furniture, not a person of the news
        span = (m.start(group), m.end(group))
        if any(a > span[0] and b == span[1] for person in found for a, b in person.mentions):
            continue  # "… Relations Alia Salem said": the title already ended the name
        merge_mention(found, clean_name(name), None, span, span)
    _repeated_and_paired(text, found)
    return found


# "Marie L'Enfant, the daughter of a minor official", "…, the wife of the president,":
# a relation's office is not the person's post.
_RELATION = re.compile(
    r"(?:daughter|son|wife|husband|widow|widower|father|mother|brother|sister|child|"
    r"grandson|granddaughter|grandfather|grandmother|niece|nephew|cousin|fianc[ée]e?)s?\b",
    re.IGNORECASE,
)
# An organisation's word, then "of" or "for": a rank after it opens the rest of the
# organisation's name ("Society for General Systems Research", "Institute of General
# Pathology"), while "the funeral of General Lamarque" is a person.
_ORG_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+(?:of|for)\s+$")


def _org_before(text: str) -> bool:
    m = _ORG_BEFORE.search(text)
    return bool(m and _NOT_NAME_WORDS.match(m.group()))


def _campus(text: str, end: int) -> str:
    """ ", Fayetteville" after a post ending "University of Arkansas": the campus
    belongs to the post ("curator at the University of Arkansas, Fayetteville,")."""
    if not re.search(r"\bUniversity\s+of\s+[A-Z][a-z]+$", text[max(0, end - 40) : end]):
        return ""
    campus = re.match(r",\s+[A-Z][a-z]+(?=\s*[,.;])", text[end:])
    return campus.group() if campus else ""


def _person_name(written: str) -> str | None:
    """The name without a form of address ("Professor Cres Eastman" -> "Cres
    Eastman") or a possessive ("Erdogan's"); None for a phrase that is not a
    person's name: a sentence's first word ("On September"), a place or an
    organisation ("Space Shuttle Columbia"), a possessive inside ("New Zealand's
    Prime", "Campbell's Soup")."""
    name = _HONORIFIC.sub("", written.strip())
    words = name.split()
    if not words or words[0] in _NOT_NAMES or words[0] in _NOT_POST_START:
        return None
    if words[0] in _RANKS or words[0] in _RULERS:
        return None  # "director General Suleiman al-Amr": the rank belongs to the post
    if any(w in _NOT_NAMES and w not in _MONTHS for w in words[1:]):
        return None  # "Regina Ip In the …": a new sentence
    if any(re.search(r"['’]s?$", w) for w in words) or _NOT_NAME_WORDS.search(name):
        return None
    return name


def _repeated_and_paired(text: str, found: list[OfficialCandidate]) -> None:
    """A full name whose surname recurs alone ("Vladimir Putin … Putin met"), or that
    is paired with a person already found ("Elnur Aliyev and Vladimir Makei"): a
    person, without a post."""
    ends = {stop for person in found for _, stop in person.mentions}
    # Words written as a surname: after a capitalised word, before no other one.
    surnames = {m[1] for m in _SURNAME.finditer(text)}
    for m in _LATIN_NAME.finditer(text):
        name = m.group()
        words = name.split()
        if _person_name(name) != name or country_in(name):
            continue
        # "the Warhol Polaroids" beside "Andy Warhol": a person's surname before a
        # noun names a thing of theirs, not another person.
        if words[0] in surnames:
            continue
        # The surname alone, not after another capitalised word and not after an
        # article ("the Polaroids" is a thing, "Putin" a person).
        repeated = any(
            not re.search(
                r"(?:[A-Z][\w'’-]*|\b(?:the|a|an|this|these|its|their))\s+$",
                text[max(0, x.start() - 30) : x.start()],
            )
            for x in re.finditer(rf"\b{re.escape(words[-1])}\b(?!\s+[A-Z])", text)
        )
        paired = any(text[end : m.start()] == " and " for end in ends)
        if repeated or paired:
            merge_mention(found, clean_name(name), None, m.span(), m.span())


_SURNAME = re.compile(r"\b[A-Z][a-z]+\s+([A-Z][\w'’-]*?)\b(?![^\S\n]*[A-Z])")
# A name never runs over a line's end ("Career\n\nGoode played": a heading, then a name).
_LATIN_NAME = re.compile(r"\b[A-Z][a-zà-ÿğşıçöüə'’-]+(?:[^\S\n]+[A-Z][a-zà-ÿğşıçöüə'’-]+){1,2}\b")


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
