"""Issue 17: Russian posts the name does not stand right beside. The place of a post
taken ("Место спикера … занял … Джон Бенер") is the post of the one who took it; a
post followed by "лично" ("мэра Москвы лично") speaks of the one person just named
(from context, unticked), and so does a post after "он является" in the next
sentence. Sentences written the way the named outlets write them,
two outlets per rule."""

from __future__ import annotations

import pytest

from dossier.ingest.capture.pipeline import capture


def by_name(text: str) -> dict[str, object]:
    return {o.name: o for o in capture(text, published_on="2011-01-06").officials}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # Викиновости: a place in lower case after "в" is the sentence's, not the post's
        (
            "Место спикера Палаты представителей в новом Конгрессе занял республиканец "
            "Джон Бенер. Он стал преемником Нэнси Пелоси.",
            "Джон Бенер",
            "Спикер Палаты представителей",
        ),
        # Интерфакс
        (
            "Пост министра финансов России занял Антон Силуанов.",
            "Антон Силуанов",
            "Министр финансов России",
        ),
        # Фонтанка
        (
            "Должность губернатора Петербурга заняла Валентина Матвиенко.",
            "Валентина Матвиенко",
            "Губернатор Петербурга",
        ),
    ],
)
def test_the_place_of_a_post_taken_is_the_post(text: str, name: str, post: str) -> None:
    assert by_name(text)[name].position == post  # type: ignore[attr-defined]


def test_a_place_that_is_no_post_gives_none() -> None:
    # Спорт-Экспресс: a place in a team is no office
    assert by_name("Место в сборной занял Андрей Аршавин.")["Андрей Аршавин"].position is None  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # Lenta.ru
        (
            "Инициативу Юрия Лужкова не одобряют эксперты. Особенно резкие замечания в "
            "адрес столичных властей и мэра Москвы лично зазвучали после круглого стола.",
            "Юрий Лужков",
            "Мэр Москвы",
        ),
        # УНИАН
        (
            "Указ подписал Виктор Янукович. Обвинения в адрес правительства и президента "
            "Украины лично звучали и раньше.",
            "Виктор Янукович",
            "Президент Украины",
        ),
    ],
)
def test_a_post_followed_by_lichno_is_the_person_just_named(
    text: str, name: str, post: str
) -> None:
    person = by_name(text)[name]
    assert person.position == post  # type: ignore[attr-defined]
    assert person.post_from_context  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        # without "лично" a post in the genitive stays nobody's
        "Указ подписал Виктор Янукович. Обвинения в адрес президента Украины звучали и раньше.",
        # two people named before: whose, the text does not say
        "Указ подписали Виктор Янукович и Николай Азаров. Обвинения в адрес президента "
        "Украины лично звучали и раньше.",
    ],
)
def test_a_post_in_the_genitive_otherwise_goes_to_nobody(text: str) -> None:
    assert all(o.position is None for o in capture(text, published_on="2011-01-06").officials)


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # Викиновости
        (
            "Леван Гачечиладзе стал единым кандидатом в президенты Грузии от оппозиции. В "
            "настоящий момент он является депутатом парламента от партии «Новые правые», "
            "состоит во фракции.",
            "Леван Гачечиладзе",
            "Депутат парламента от партии «Новые правые»",
        ),
        # Татар-информ
        (
            "Ирина Петрова выступила на форуме в Казани. Она является заместителем министра "
            "экономики Татарстана.",
            "Ирина Петрова",
            "Заместитель министра экономики Татарстана",
        ),
    ],
)
def test_a_post_after_on_yavlyaetsya_is_the_person_just_named(
    text: str, name: str, post: str
) -> None:
    person = by_name(text)[name]
    assert person.position == post  # type: ignore[attr-defined]
    assert person.post_from_context  # type: ignore[attr-defined]


def test_a_pronoun_after_two_people_gives_no_post() -> None:
    text = "Иван Иванов и Петр Петров выступили на форуме. Он является заместителем министра."
    assert all(o.position is None for o in capture(text, published_on="2011-01-06").officials)
