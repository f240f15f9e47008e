"""People and their posts: "посол Белоруссии в Азербайджане Николай Пацкевич",
"Александр Лукашенко, Президент Беларуси", "President Ilham Aliyev".

Russian names come from natasha (normalised to the nominative); the post is the
phrase that starts at a post word ("посол", "президентом") right before the
name, or right after it behind a comma. English names are found by title
patterns. Mentions of one person are merged with names.same_person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from dossier.ingest.capture.countries import country_in
from dossier.ingest.capture.nlp import Entity
from dossier.ingest.capture.types import OfficialCandidate
from dossier.ingest.names import (
    clean_name,
    latin,
    same_person,
)

# Dictionary forms of the words a post starts with (lemmas, lower case).
POST_WORDS = frozenset(
    (
        "президент",
        "премьер-министр",
        "премьер",
        "вице-премьер",
        "министр",
        "замминистр",
        "замминистра",
        "заместитель",
        "посол",
        "глава",
        "председатель",
        "спикер",
        "лидер",
        "депутат",
        "сенатор",
        "секретарь",
        "госсекретарь",
        "советник",
        "помощник",
        "губернатор",
        "мэр",
        "аким",
        "директор",
        "гендиректор",
        "руководитель",
        "начальник",
        "командующий",
        "канцлер",
        "король",
        "эмир",
        "шейх",
        "пресс-секретарь",
        "представитель",
        "полпред",
        "генсек",
        "консул",
        "атташе",
        "вице-президент",
        "премьер-министра",
        "аналитик",
        "эксперт",
        "политолог",
        "президента",
        "сопредседатель",
        "зампред",
        "замглавы",
        "вице-мэр",
        "вице-губернатор",
        "вице-спикер",
        "генпрокурор",
        "прокурор",
        "судья",
        "уполномоченный",
        "омбудсмен",
        "префект",
        "комиссар",
        "еврокомиссар",
        "генсекретарь",
        "тренер",
        "патриарх",
        "митрополит",
        "муфтий",
    )
)
# Words that may stand before a post word and belong to it.
_MODIFIERS = re.compile(
    r"^(?:перв\w+|генеральн\w+|чрезвычайн\w+|полномочн\w+|народн\w+|постоянн\w+|"
    r"верховн\w+|бывш\w+|нов\w+|действующ\w+|специальн\w+|белорусск\w+|азербайджанск\w+|"
    r"российск\w+|турецк\w+|украинск\w+|казахстанск\w+|американск\w+|китайск\w+|"
    r"приднестровск\w+|и\.\s?о\.|"
    # "Федеральный министр транспорта Германии", "главный тренер сборной",
    # "государственный секретарь США", "исполнительный директор"
    r"федеральн\w+|главн\w+|государственн\w+|исполнительн\w+|"
    # a relational adjective of a country or city: "французского президента",
    # "итальянский премьер", "московский мэр" (the post as written)
    r"(?-i:[а-яё]+ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое)))$",
    re.IGNORECASE,
)
# "кандидат в президенты", "баллотироваться в депутаты": a post word in the
# accusative plural after "в" names an office sought, not held.
_SOUGHT = re.compile(r"^(?:в|во)$", re.IGNORECASE)
_WORD = re.compile(r"[\w.-]+", re.UNICODE)
# Where a post before a name cannot reach across; quotation marks may stand inside
# a post ("глава ОАО «Газпром» Алексей Миллер").
_BOUNDARY = re.compile(r"[.!?;:()\"\n—–]")
Lemmas = Callable[[str], list[str]]


# Words that parse as a post but are something else ("после" is also "о после").
_NOT_POSTS = frozenset(("после",))
# Plural endings (not -ы/-и, which are also singular: "главы"): a post in the
# plural is not one person's.
_PLURAL = re.compile(r"(?:ов|ев|ей|ам|ям|ами|ями|ах|ях)$")  # "муфтиев"
# Titles of honour that may follow a post and stand right before the name:
# "председатель Совета муфтиев России шейх Равиль Гайнутдин".
_HONORIFICS = frozenset(("шейх",))
# "официальные представители": an adjective in the plural before the post word.
_PLURAL_ADJ = re.compile(r"(?:ые|ие|ых|их|ыми|ими)$")
# Verb endings of Russian past and present forms: a post phrase holds no verb.
_VERB_END = re.compile(r"(?:л|ла|ло|ли|лся|лась|лись|ся|сь|ет|ит|ут|ют|ат|ят)$")


def post_word(word: str, lemmas: Lemmas) -> str | None:
    """The dictionary form of a post word ("президентом" -> "президент"), else None."""
    if word.lower() in _NOT_POSTS:
        return None
    return next((f for f in lemmas(word.lower()) if f in POST_WORDS), None)


def _has_verb(words: Sequence[re.Match[str]], lemmas: Lemmas) -> bool:
    """Whether a phrase holds a verb ("Премьер привиделся заговор"): a word with a
    verb's ending whose every dictionary form is an infinitive."""
    for m in words:
        word = m.group().lower()
        forms = lemmas(word)
        if (
            _VERB_END.search(word)
            and forms
            and all(f.endswith(("ть", "ться", "ти")) for f in forms)
        ):
            return True
    return False


def _other_noun(word: str, lemmas: Lemmas) -> bool:
    """Whether a post word's form is also another noun's dictionary form ("премьера")."""
    lower = word.lower()
    return lower not in POST_WORDS and lower in lemmas(lower)


def _post_before(
    text: str, start: int, lemmas: Lemmas, oblique: bool = False
) -> tuple[str, int] | None:
    """The post written right before a name at `start`: (post, its start)."""
    window_start = max(0, start - 160)
    # An abbreviation in brackets belongs to the post: "Генеральный секретарь
    # Объединённого фронта … (ОФДД) Наттавута Сайкыа".
    window = re.sub(
        r"\([A-ZА-ЯЁ][\w-]{1,11}\)", lambda m: " " * len(m.group()), text[window_start:start]
    )
    cut = max((m.end() for m in _BOUNDARY.finditer(window)), default=0)
    words = list(_WORD.finditer(window, cut))[-14:]
    honorific: tuple[str, int] | None = None
    for i in range(len(words) - 1, -1, -1):
        before = words[i - 1].group().lower() if i else ""
        if _PLURAL.search(words[i].group().lower()) or _PLURAL_ADJ.search(before):
            # "спикер Палаты представителей Нэнси Пелоси", "представителями Путина":
            # a plural post is nobody's own; the head, if any, stands further back.
            continue
        if post_word(words[i].group(), lemmas):
            if (
                i
                and _SOUGHT.match(before)
                and words[i].group().lower()[-1:] in "ыи"
                and words[i].group().lower() != post_word(words[i].group(), lemmas)
            ):
                return None  # "экс-кандидат в президенты Беларуси Андрей Санников"
            first = head = i
            while first > 0:
                if post_word(words[first - 1].group(), lemmas):
                    # "первый заместитель премьер-министра": the whole post, whose
                    # head is its first post word.
                    first = head = first - 1
                elif _MODIFIERS.match(words[first - 1].group()):
                    first -= 1
                elif (
                    first > 1
                    and words[first - 1].group() == "и"
                    and _MODIFIERS.match(words[first - 2].group())
                ):
                    first -= 2  # "чрезвычайный и полномочный посол"
                else:
                    break
            begin = words[first].start()
            phrase = text[window_start + begin : start].strip(" ,")
            if "," in phrase:  # "лидер X, народный депутат Украины Y": the nearer post
                return None
            if _has_verb(words[i + 1 :], lemmas):
                return None  # a clause, not a post, stands between the word and the name
            if oblique and words[head].group().lower() == post_word(words[head].group(), lemmas):
                return None  # "пресс-секретарь Путина": the name is the post's genitive
            if (
                _other_noun(words[i].group(), lemmas)
                and i + 1 < len(words)
                and words[i + 1].group()[:1].islower()
            ):
                return None  # "премьера фильма" is a premiere, "премьера Израиля" a PM
            if (
                honorific is None
                and first == i == len(words) - 1
                and post_word(words[i].group(), lemmas) in _HONORIFICS
            ):
                # the title alone: the post, if any, stands before it
                honorific = _nominative(phrase, words[i : i + 1], lemmas), window_start + begin
                continue
            return _nominative(phrase, words[first : head + 1], lemmas), window_start + begin
    return honorific


def _post_after(text: str, start: int, stop: int, lemmas: Lemmas) -> str | None:
    # "Татьяна Скригонюк, заместитель начальника…", "Крис Хелмбрехт - управляющий директор…"
    # The post ends at punctuation, an opening bracket ("(Великобритания)") or the
    # line's end; a signature puts it on the next line ("Кирсан Илюмжинов\nПрезидент ФИДЕ").
    after = text[stop : stop + 120]
    m = re.match(r"[ \t]*(?:,|[ \t][-–—])\s*([^,.;:()\"\n]{3,90})(?:[,.;)(]|\n|$)", after)
    # "Сергей Лавров (министр иностранных дел России)"
    m = m or re.match(r"[ \t]*\(\s*([^()\n]{3,90}?)\s*\)", after)
    # "Медведев стал президентом", "Иванов назначен послом в Азербайджане", "Асадов
    # занял пост руководителя администрации", "Мишустин согласился занять пост
    # премьер-министра" (agreed to: the post is his from then on)
    m = m or re.match(
        r"\s+(?:был\s+|была\s+)?(?:(?:занял|заняла|занимает|занимал|занимала|назначен\s+на"
        r"|назначена\s+на|(?:согласился|согласилась)\s+занять)\s+(?:пост|должность)|является|являлся|являлась|стал|стала|назначен"
        r"|назначена|избран|избрана|работает|работал|работала)\s+([^,.;:()\"\n]{3,90})"
        r"(?:[,.;)(]|\n|$)",
        after,
    )
    if not m and not text[text.rfind("\n", 0, start) + 1 : start].strip():
        # A signature: the name starts its line and the post fills the rest of it
        # or the next line ("Кирсан Илюмжинов Президент ФИДЕ").
        m = re.match(r"[ \t]*\n?[ \t]*([А-ЯЁA-Z][^,.;:()\"\n]{2,90}?)[ \t]*(?:\n|$)", after)
    if not m:
        return None
    words = list(_WORD.finditer(m.group(1)))
    for i, word in enumerate(words[:3]):
        if post_word(word.group(), lemmas):
            phrase = m.group(1).strip()
            return _nominative(phrase, words[: i + 1], lemmas)
    return None


# "Место спикера Палаты представителей в новом Конгрессе занял республиканец Джон
# Бенер", "Пост министра финансов занял Антон Силуанов": the place of a post, then
# the verb of taking it and (up to two lower-case words on) the name.
_TAKEN = re.compile(
    r"(?:^|(?<=[\s«]))(?:[Мм]есто|[Пп]ост|[Дд]олжность|[Кк]ресло)\s+([а-яё-]+[^.!?;:()\"\n]{0,80}?)"
    r"\s+(?:занял|заняла|займ[её]т)\s+(?:[а-яё-]+\s+){0,2}$"
)


def _post_taken(text: str, start: int, lemmas: Lemmas) -> str | None:
    m = _TAKEN.search(text[max(0, start - 140) : start])
    if not m:
        return None
    words = list(_WORD.finditer(m.group(1)))
    if not words or not post_word(words[0].group(), lemmas):
        return None
    # "… в новом Конгрессе": a place in lower case after a preposition is the
    # sentence's, not the post's ("посла в Азербайджане" keeps its country).
    phrase = re.split(r"\s+(?:в|во|на|при)\s+(?=[а-яё])", m.group(1))[0].strip()
    return _nominative(phrase, words[:1], lemmas)


def _modifier(word: str, lemmas: Lemmas) -> str:
    # A participle's dictionary form is its verb ("управляющий" -> "управлять"):
    # such a word stays as written.
    lemma = lemmas(word.lower())[0]
    return word.lower() if lemma.endswith(("ть", "ться", "ти")) else lemma


def nominative_post(phrase: str, lemmas: Lemmas) -> str:
    """A post phrase with its head put in the nominative ("российского президента"
    -> "Российский президент"); the words after the head stay as written."""
    words = list(_WORD.finditer(phrase))
    for i, word in enumerate(words):
        if post_word(word.group(), lemmas):
            return _nominative(phrase, words[: i + 1], lemmas)
    return phrase


def _nominative(phrase: str, head: Sequence[re.Match[str]], lemmas: Lemmas) -> str:
    # Put the post's own words (modifiers and the post word, which start the phrase)
    # in the dictionary form; the words that follow ("Белоруссии в Азербайджане")
    # stay as written.
    if not head:
        return phrase
    end = head[-1].end() - head[0].start()
    words = [post_word(m.group(), lemmas) or _modifier(m.group(), lemmas) for m in head]
    result = " ".join(words) + phrase[end:]
    return result[:1].upper() + result[1:]


def people_ru(text: str, entities: Sequence[Entity], lemmas: Lemmas) -> list[OfficialCandidate]:
    """Officials in a Russian text from natasha's PER entities."""
    found: list[OfficialCandidate] = []
    for entity in entities:
        if entity.kind != "PER":
            continue
        name = clean_name(entity.normal)
        if len(name) < 3 or not any(ch.isupper() for ch in name):
            continue
        if entity.text.isupper():
            continue  # "БАКУ, 12 марта": a dateline's city, not a person
        # A name not in the nominative ("Путина") cannot stand beside a post that is.
        # With an initial the case is unsure ("Э. Чернова" is Ms Chernova).
        # natasha mis-declines foreign names ("Нэнси Пелоси" -> "Пелось"): every
        # word must have changed.
        written = clean_name(entity.text).lower().replace("ё", "е")
        pairs = zip(written.split(), name.lower().replace("ё", "е").split(), strict=False)
        oblique = "." not in entity.text and all(a != b for a, b in pairs)
        if " " not in written and written not in lemmas(written):
            oblique = True  # a surname natasha left as written ("Обамы")
        post = _post_before(text, entity.start, lemmas, oblique)
        position = post[0] if post else _post_after(text, entity.start, entity.stop, lemmas)
        position = position or _post_taken(text, entity.start, lemmas)
        span = (post[1] if post else entity.start, entity.stop)
        merge_mention(found, name, position, (entity.start, entity.stop), span)
    return found


def merge_mention(
    found: list[OfficialCandidate],
    name: str,
    position: str | None,
    mention: tuple[int, int],
    span: tuple[int, int],
) -> None:
    for candidate in found:
        if same_person(candidate.name, name):
            candidate.mentions.append(mention)
            if len(name.split()) > len(candidate.name.split()):
                candidate.name = name  # "Пацкевич" first, "Николай Пацкевич" later
            if position and (
                not candidate.position
                or (
                    len(position) > len(candidate.position)
                    and position.lower().startswith(candidate.position.lower())
                )
            ):
                candidate.position, candidate.span = position, span
                _set_country(candidate)
            candidate.confidence = min(0.95, candidate.confidence + 0.05)
            return
    candidate = OfficialCandidate(
        name=name,
        position=position,
        span=span,
        mentions=[mention],
        confidence=0.9 if position else (0.6 if " " in name else 0.4),
    )
    candidate.name_latin = latin(name) if not name.isascii() else None
    _set_country(candidate)
    found.append(candidate)


def _set_country(candidate: OfficialCandidate) -> None:
    country = country_in(candidate.position or "")
    if country:
        candidate.country, candidate.country_name = country.code, country.ru
