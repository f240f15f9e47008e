"""Issue 17, item 5: a post written apart from the name ("Премьер-министр Израиля
заявил… Нетаньяху мотивировал…") is given to that person, unticked ("post from
context"), and never to someone else. Sentences written the way the named outlets
write them, two outlets per rule."""

from __future__ import annotations

import pytest

from dossier.ingest.capture.pipeline import capture


def by_name(text: str) -> dict[str, object]:
    return {o.name: o for o in capture(text, published_on="2019-03-12").officials}


@pytest.mark.parametrize(
    ("text", "name", "post", "country"),
    [
        # forward, to the next sentence's bare surname (РИА Новости)
        (
            "Евросоюз продлил санкции против президента Белоруссии. Лукашенко назвал "
            "это решение ошибкой.",
            "Лукашенко",
            "Президент Белоруссии",
            "BY",
        ),
        # (Интерфакс)
        (
            "Премьер-министр Армении заявил о переговорах с Баку. Пашинян уточнил, что "
            "встреча пройдет в Брюсселе.",
            "Пашинян",
            "Премьер-министр Армении",
            "AM",
        ),
        # backward, a post in the nominative opening the next sentence (ТАСС)
        (
            "Ильхам Алиев провел совещание в Баку. Президент Азербайджана отметил рост "
            "ненефтяного сектора.",
            "Ильхам Алиев",
            "Президент Азербайджана",
            "AZ",
        ),
        # (Trend)
        (
            "Журналистам ответил Джейхун Байрамов. Однако, как известно, глава МИД "
            "Азербайджана в Москву не поедет.",
            "Джейхун Байрамов",
            "Глава МИД Азербайджана",
            "AZ",
        ),
    ],
)
def test_a_post_apart_from_the_name_is_given_unticked(
    text: str, name: str, post: str, country: str
) -> None:
    person = by_name(text)[name]
    assert (person.position, person.country) == (post, country)  # type: ignore[attr-defined]
    assert person.reason == "post from context"  # type: ignore[attr-defined]
    assert not person.ticked  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the president is someone else met (Sputnik)
        ("Сергей Лавров встретился в Баку с президентом Азербайджана.", "Сергей Лавров"),
        # a later name in the post's own sentence is someone else (Коммерсантъ)
        (
            "Об этом заявил российский президент, выступая на съезде, где Медведев тоже выступил.",
            "Медведев",
        ),
        # two people named in the sentence before: which one, the text does not say (ТАСС)
        (
            "Владимир Путин и Дмитрий Медведев прибыли в Сочи. Президент России открыл форум.",
            "Дмитрий Медведев",
        ),
        # a post whose own name follows later in its clause (Lenta.ru)
        (
            "Об этом сказал Сергей Иванов. Посол Японии в России Масахару Коно с ним не "
            "согласился.",
            "Сергей Иванов",
        ),
    ],
)
def test_a_post_is_not_given_to_someone_else(text: str, name: str) -> None:
    assert by_name(text)[name].position is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "named", "post", "country", "other"),
    [
        # a post opening its clause after a sentence naming one person, then a bare
        # surname in the next sentence: the post goes back to the one just named (Интерфакс)
        (
            "Ильхам Алиев и Никол Пашинян встретились в Брюсселе. Ранее сообщалось, что "
            "Ильхам Алиев не приедет. Однако президент Азербайджана всё же прибыл в "
            "Брюссель. Пашинян отметил, что встреча была полезной.",
            "Ильхам Алиев",
            "Президент Азербайджана",
            "AZ",
            "Никол Пашинян",
        ),
        # (ТАСС)
        (
            "Владимир Путин провел телефонный разговор с Александром Лукашенко. Как "
            "сообщили в Кремле, Владимир Путин поздравил коллегу с днем рождения. Кроме "
            "того, президент России предложил встретиться в Сочи. Лукашенко принял "
            "приглашение.",
            "Владимир Путин",
            "Президент России",
            "RU",
            "Александр Лукашенко",
        ),
    ],
)
def test_a_post_opening_its_clause_goes_back_before_forward(
    text: str, named: str, post: str, country: str, other: str
) -> None:
    people = by_name(text)
    person = people[named]
    assert (person.position, person.country) == (post, country)  # type: ignore[attr-defined]
    assert person.reason == "post from context"  # type: ignore[attr-defined]
    assert people[other].position is None  # type: ignore[attr-defined]
