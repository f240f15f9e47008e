"""Names of people across case, script and spelling.

The same man is "Алиев", "Aliyev", "Əliyev" and "ALIYEV" depending on who wrote
the text, and "Лукашенко" is "Lukashenka" in Belarusian-based Latin. Matching
works in two steps:

1. Transliterate to ASCII with `anyascii` (one table for every script we meet:
   Cyrillic, Azerbaijani Latin, Turkish, Belarusian; pure Python, no data to
   download), after a few Azerbaijani and Belarusian letters are mapped the way
   Russian texts render them (ə -> a, ş -> sh, ў -> u).
2. Reduce each word to a consonant skeleton: digraphs folded (kh/h/g, ts/ch/c,
   sh/shch, zh/dzh/j), vowels and y dropped, doubled letters collapsed, the
   Belarusian final -ou read as -ov. Spelling variants then meet: Snopkov and
   Snapkou are both "snpkv".

Words whose skeletons differ are still compared with rapidfuzz (typos), and a
short table pairs Belarusian and Russian given names that no rule relates
(Mikalai / Nikolai).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz

from dossier.model import Official

# Letters that anyascii renders differently from the way Russian-language
# texts (and our dossiers) spell them.
_PRE = str.maketrans(
    {
        "ə": "a",
        "Ə": "A",
        "ı": "i",
        "İ": "I",
        "ş": "sh",
        "Ş": "Sh",
        "ç": "ch",
        "Ç": "Ch",
        "ğ": "g",
        "Ğ": "G",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
        "ў": "u",
        "Ў": "U",
    }
)
_SPACES = re.compile(r"\s+")
_PATRONYMIC = re.compile(
    r"(?:ович|евич|ёвич|ьич|овна|евна|ична|инична|ovich|evich|ovna|evna|ichna|yich)$",
    re.IGNORECASE,
)
# Azerbaijani "son of" / "daughter of" words that follow a father's name.
_AZ_PATRONYMIC = {"oglu", "oğlu", "оглы", "qizi", "qızı", "кызы"}
# In Turkish and Azerbaijani Latin, c is the sound Russian writes дж.
_TURKIC_LETTERS = set("ğĞşŞıİçÇəƏöÖüÜ")
# Digraphs first, longest first, so "shch" is not read as "sh" + "ch".
_FOLDS = (
    ("shch", "s"),
    ("sch", "s"),
    ("dzh", "z"),
    ("dj", "z"),
    ("zh", "z"),
    ("tch", "c"),
    ("ch", "c"),
    ("sh", "s"),
    ("tz", "c"),
    ("ts", "c"),
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "g"),
    ("gh", "g"),
    ("h", "g"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("j", "y"),
)
_FEMININE = ("ova", "eva", "ina", "yna", "aya", "kaya")
# Given names that Belarusian or Ukrainian Latin spells unlike Russian.
_GIVEN_EQUIVALENTS = (
    {"nikolai", "nikolay", "mikalai", "mykola", "nicholas"},
    {"aleksandr", "alexander", "alyaksandr", "aliaksandr", "oleksandr", "alexandre"},
    {"vladimir", "uladzimir", "volodymyr", "wladimir"},
    {"sergei", "sergey", "siarhei", "sergii", "serhiy"},
    {"evgenii", "evgeniy", "yevgeny", "yauhen", "yevhen", "eugene"},
    {"aleksei", "aleksey", "alexei", "aliaksei", "oleksiy"},
    {"dmitrii", "dmitry", "dzmitry", "dmytro"},
    {"mikhail", "mikhas", "mykhailo", "michael"},
    {"pavel", "paval", "pavlo", "paul"},
    {"andrei", "andrey", "andrii", "andriy", "andrew"},
    {"iurii", "yuri", "yury", "yuriy", "iury", "yurii"},
    {"geidar", "geydar", "heydar", "gejdar"},
)
SAME_PERSON = 0.85  # score from which two names are taken for one person


def clean_name(text: str) -> str:
    """A name as people write it: invisible marks and NBSP gone, spaces collapsed,
    words in CAPS put in title case, "Surname, Given Patronymic" reordered."""
    text = unicodedata.normalize("NFC", str(text or ""))
    # Cf = format characters: LRM/RLM, zero-width spaces, soft hyphen, BOM.
    text = "".join(" " if ch.isspace() else ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _SPACES.sub(" ", text).strip(" .,;:-–—\"'«»“”()")
    if text.count(",") == 1:
        surname, given = (part.strip() for part in text.split(","))
        if surname and given and " " not in surname:
            text = f"{given} {surname}"
    return " ".join(_title(word) for word in text.split(" ") if word)


def _title(word: str) -> str:
    # "ALIYEV" -> "Aliyev", but initials ("И.") and short acronyms stay as they are.
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) > 2 and all(ch.isupper() for ch in letters):
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def latin(text: str) -> str:
    """ASCII rendering of a name in any script: "Əliyev" -> "Aliyev"."""
    return anyascii(clean_name(text).translate(_PRE))


def _words(name: str) -> list[str]:
    """Lower-case ASCII words of a name, the patronymic dropped, initials kept."""
    # "С.В. Лавров": initials written together are two words.
    words = re.split(r"[\s\-]+|(?<=\.)(?=\w)", clean_name(name))
    raws = [w.rstrip(".") for w in words if w.strip(".")]
    if len(raws) >= 3 and len(raws[0]) == 1 and len(raws[1]) == 1:
        del raws[1]  # "И.Г. Алиев": the second initial is the patronymic's
    for index, word in enumerate(raws):
        if index and word.lower() in _AZ_PATRONYMIC:  # "Гейдар оглы": father's name
            del raws[index - 1 : index + 1]
            break
    if len(raws) >= 3:
        # Surnames end like patronymics too (Пацкевич, Янукович), so only the
        # middle word of "Given Patronymic Surname" or the last of "Surname
        # Given Patronymic" can be one.
        for index in (1, len(raws) - 1):
            if _PATRONYMIC.search(raws[index]):
                del raws[index]
                break
    turkic = any(ch in _TURKIC_LETTERS for ch in name)
    words = []
    for raw in raws:
        word = anyascii(raw.translate(_PRE)).lower()
        if turkic:
            word = word.replace("c", "dzh")
        word = re.sub(r"[^a-z]", "", word)
        if word:
            words.append(word)
    return words


def name_words(name: str) -> list[str]:
    """Lower-case ASCII words of a name as matching sees them (patronymic dropped)."""
    return _words(name)


def skeleton(word: str) -> str:
    """The consonant skeleton of one ASCII word: "snapkou" -> "snpkv"."""
    word = re.sub(r"([aeo])[uw]$", r"\1v", word.lower())
    feminine = word.endswith(_FEMININE) and len(word) > 4
    for old, new in _FOLDS:
        word = word.replace(old, new)
    word = re.sub(r"[aeiouy]", "", word)
    word = re.sub(r"(.)\1+", r"\1", word)
    return word + ("A" if feminine else "")


def name_key(name: str) -> str:
    """A comparable key: skeletons of the name's words (patronymic left out),
    sorted so word order does not matter. Equal keys mean the same spelling
    family; use same_person for initials and typos."""
    return " ".join(sorted(skeleton(w) for w in _words(name) if len(w) > 1))


def _given_equal(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _GIVEN_EQUIVALENTS)


def _word_score(a: str, b: str) -> float:
    if len(a) == 1 or len(b) == 1:  # an initial
        return 0.9 if a[0] == b[0] or skeleton(a)[:1] == skeleton(b)[:1] else 0.0
    if skeleton(a) == skeleton(b) or _given_equal(a, b):
        return 1.0
    return max(fuzz.ratio(a, b), fuzz.ratio(skeleton(a), skeleton(b)) - 5) / 100


def similarity(a: str, b: str) -> float:
    """0..1: how surely two written names are one person. Every word of the
    shorter name must find its own partner in the longer; a surname alone
    scores at most 0.9 (it cannot rule out a namesake)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if all(len(w) == 1 for w in short):
        return 0.0  # initials alone identify nobody
    total, free = 0.0, list(long_)
    for word in sorted(short, key=len, reverse=True):
        best = max(free, key=lambda other: _word_score(word, other))
        score = _word_score(word, best)
        if score < 0.8:
            return 0.0
        free.remove(best)
        total += score
    score = total / len(short)
    return score * 0.9 if len(short) == 1 else score


def same_person(a: str, b: str) -> bool:
    """True when two names are the same person across case, script and spelling:
    "Алиев" / "Aliyev" / "Əliyev" / "ALIYEV", "Snopkov" / "Snapkou"."""
    return similarity(a, b) >= SAME_PERSON


@dataclass(frozen=True)
class Match:
    official: Official
    score: float


def best_matches(
    name: str, officials: Sequence[Official], latin_name: str | None = None
) -> list[Match]:
    """Officials the name may denote, best first (score >= SAME_PERSON)."""
    forms = [n for n in (name, latin_name) if n]
    found = []
    for official in officials:
        theirs = [n for n in (official.name, official.name_latin) if n]
        score = max((similarity(mine, other) for mine in forms for other in theirs), default=0.0)
        if score >= SAME_PERSON:
            found.append(Match(official, score))
    return sorted(found, key=lambda m: m.score, reverse=True)


def match_official(
    name: str, officials: Sequence[Official], latin: str | None = None
) -> Official | None:
    """The one official the name denotes, or None when there is none or the
    name is ambiguous (a bare "Алиев" when the dossier has two Aliyevs)."""
    matches = best_matches(name, officials, latin)
    if not matches:
        return None
    if len(matches) > 1 and matches[1].score >= matches[0].score - 0.02:
        return None
    return matches[0].official
