"""Posts written apart from the name: "Премьер-министр Израиля заявил… Свой отказ
Нетаньяху мотивировал…", "Дмитрий Медведев воздержится от поездки. Однако глава
России…".

Wire reports name a person once and then refer to them by the post alone, or give
the post first and the bare surname after. A post phrase that stands beside no
name is given to the nearest person in the next sentence or the one before, only
when nobody else is named between them and that person has no post of their own:

* forward, to a surname alone ("президента Белоруссии… Лукашенко");
* backward, from a post in the nominative that opens a later sentence's clause
  ("Дмитрий Медведев… Однако глава России…"), or a post in any case followed by
  "лично" ("Юрия Лужкова… в адрес мэра Москвы лично"); this comes first: such a post
  speaks of the person just named even when a surname follows in the next sentence.

Such a post is never certain: the candidate stays unticked ("post from context").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.ingest.capture.countries import country_in
from dossier.ingest.capture.types import OfficialCandidate
from dossier.ingest.people import POST_WORDS, Lemmas, nominative_post, post_word

Span = tuple[int, int]

_WORD = re.compile(r"[\w-]+", re.UNICODE)
# Lower-case words that carry a post on ("глава правительства республики").
_COMPLEMENT = frozenset(
    (
        "правительства",
        "республики",
        "страны",
        "государства",
        "министерства",
        "иностранных",
        "дел",
        "комитета",
        "совета",
        "партии",
        "компании",
        "администрации",
    )
)
_COUNTRY_ADJ = re.compile(r"^(?:[а-яё]+ск(?:ий|ого|ому|им|ом|ая|ой|ую))$")
# Plural endings (not -ы/-и, which are also singular: "главы").
_PLURAL = re.compile(r"(?:ов|ей|ам|ям|ами|ями|ах|ях|ы|и)$")
_SINGULAR_EXCEPTIONS = ("главы", "главе", "главой", "премьер-министры")
_GAP = re.compile(r"^[\s,]*$")
_PREFIXES = frozenset(word[:3] for word in POST_WORDS)


def _phrases(text: str, lemmas: Lemmas) -> list[tuple[Span, str, bool]]:
    """Post phrases of the text: (span, phrase, nominative), the phrase made of a
    country's adjective before the post word and up to three capitalised or
    institutional words after it ("российского президента", "Премьер-министр
    Израиля", "глава МИД России")."""
    words = list(_WORD.finditer(text))
    found = []
    for i, m in enumerate(words):
        word = m.group()
        if word[:3].lower() not in _PREFIXES:
            continue  # not a post word: spare the morphology
        head = post_word(word, lemmas)
        if not head:
            continue
        lower = word.lower()
        if lower != head and _PLURAL.search(lower) and lower not in _SINGULAR_EXCEPTIONS:
            continue  # "президенты", "представителями": nobody's own post
        first = i
        before = words[i - 1].group() if i else ""
        if (
            _COUNTRY_ADJ.match(before)
            and country_in(before)
            and _GAP.match(text[words[i - 1].end() : m.start()])
        ):
            first = i - 1  # "российского президента"
        last = i
        for j in range(i + 1, min(i + 4, len(words))):
            if not re.fullmatch(r"\s+", text[words[j - 1].end() : words[j].start()]):
                break
            nxt = words[j].group()
            if nxt[:1].isupper() or nxt.lower() in _COMPLEMENT or post_word(nxt, lemmas):
                last = j
            else:
                break
        span = (words[first].start(), words[last].end())
        phrase = text[span[0] : span[1]]
        found.append((span, phrase, lower == head))
    return found


def _sentence_of(sentences: Sequence[Span], position: int) -> int:
    for n, (start, stop) in enumerate(sentences):
        if start <= position < stop:
            return n
    return -1


def posts_from_context(
    text: str,
    officials: list[OfficialCandidate],
    sentences: Sequence[Span],
    lemmas: Lemmas,
) -> None:
    """Give a post written apart from the name to the person it speaks of (see the
    module's note); such candidates are marked `post_from_context`."""
    mentions = sorted(
        ((start, stop, o) for o in officials for start, stop in o.mentions),
        key=lambda x: x[0],
    )
    if not mentions:
        return
    given: set[int] = set()
    for (start, stop), phrase, nominative in _phrases(text, lemmas):
        if any(start <= m[0] < stop for m in mentions):
            continue  # "президентом Обамой": a name inside is the post's own
        after = next((m for m in mentions if m[0] >= stop), None)
        before = next((m for m in reversed(mentions) if m[1] <= start), None)
        if after is not None and re.fullmatch(r"[\w\s-]{0,80}", text[stop : after[0]]):
            continue  # "Посол Японии в России Масахару Коно": the post of that name
        if before is not None and _GAP.match(text[before[1] : start]):
            continue  # "Лукашенко, президент Белоруссии": read already
        here = _sentence_of(sentences, start)
        chosen: dict[int, OfficialCandidate] = {}
        bare = " " not in phrase  # "президента" alone: whose, the text does not say
        # "в адрес столичных властей и мэра Москвы лично": "лично" (in person) makes
        # a post in any case speak of one particular person, the one just named.
        personal = re.match(r"\s+лично\b", text[stop : stop + 8]) is not None
        opens = nominative and _opens_clause(text, sentences, here, start)
        if before is not None and (opens or personal):
            # the one person the sentence before names
            previous = {
                id(m[2]): m[2] for m in mentions if _sentence_of(sentences, m[0]) == here - 1
            }
            if len(previous) == 1 and _sentence_of(sentences, before[0]) == here - 1:
                chosen.update(previous)
        if (
            not chosen
            and not bare
            and after is not None
            and " " not in text[after[0] : after[1]].strip()
            and _sentence_of(sentences, after[0]) == here + 1
        ):
            # the next sentence's bare surname; in the post's own sentence a later
            # name is most often someone else ("президент заявил, что Медведев…").
            # Only when the post does not go back: a clause opened by the post
            # speaks of the one just named ("…Алиев не приедет. Однако президент
            # Азербайджана прибыл. Пашинян отметил…").
            chosen[id(after[2])] = after[2]
        if len(chosen) != 1:
            continue  # nobody, or two people it could be
        person = next(iter(chosen.values()))
        if person.position or id(person) in given:
            continue
        given.add(id(person))
        person.position = nominative_post(phrase, lemmas)
        person.post_from_context = True
        person.mentions.append((start, stop))  # clicking the person shows the post too
        country = country_in(phrase)
        if country:
            person.country, person.country_name = country.code, country.ru
        person.confidence = max(person.confidence, 0.6)
    _pronoun_posts(text, mentions, sentences, lemmas)


# "Леван Гачечиладзе стал кандидатом… В настоящий момент он является депутатом
# парламента": a pronoun, a verb of office and the post.
_PRONOUN_POST = re.compile(
    r"(?<![\w-])(?:он|она)\s+(?:также\s+|уже\s+)?(?:является|являлся|являлась|"
    r"(?:был|была)\s+назначен[а]?|назначен[а]?|(?:был|была)\s+избран[а]?|избран[а]?|"
    r"занимает\s+(?:пост|должность)|занимал[а]?\s+(?:пост|должность))\s+"
    r"([^,.;:()\"\n]{3,90})",
    re.IGNORECASE,
)


def _pronoun_posts(
    text: str,
    mentions: Sequence[tuple[int, int, OfficialCandidate]],
    sentences: Sequence[Span],
    lemmas: Lemmas,
) -> None:
    """A post after "он является" / "она назначена" goes to the one person the sentence
    before names, when nobody is named between them and that person has no post."""
    for m in _PRONOUN_POST.finditer(text):
        here = _sentence_of(sentences, m.start())
        if here < 1 or any(sentences[here][0] <= start < m.start() for start, _, _ in mentions):
            continue  # no sentence before, or someone named before the pronoun
        previous = {id(x[2]): x[2] for x in mentions if _sentence_of(sentences, x[0]) == here - 1}
        if len(previous) != 1:
            continue
        person = next(iter(previous.values()))
        words = list(_WORD.finditer(m.group(1)))
        if person.position or not any(post_word(w.group(), lemmas) for w in words[:3]):
            continue
        phrase = m.group(1)[words[0].start() :].strip()
        person.position = nominative_post(phrase, lemmas)
        person.post_from_context = True
        person.mentions.append(m.span(1))
        country = country_in(phrase)
        if country:
            person.country, person.country_name = country.code, country.ru
        person.confidence = max(person.confidence, 0.6)


def _opens_clause(text: str, sentences: Sequence[Span], here: int, start: int) -> bool:
    """Whether the post opens its sentence or a clause of it ("Однако, как известно,
    глава России…")."""
    if here < 0:
        return False
    lead = text[sentences[here][0] : start]
    words = _WORD.findall(lead)
    return len(words) <= 4 and not any(w[:1].isupper() for w in words[1:])
