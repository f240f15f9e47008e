"""Names match across case, script and spelling, and namesakes stay apart."""

from __future__ import annotations

import pytest

from dossier.ingest.names import clean_name, latin, match_official, name_key, same_person
from dossier.model import Official


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Алиев", "Aliyev"),
        ("Алиев", "Əliyev"),
        ("ALIYEV", "Алиев"),
        ("Snopkov", "Snapkou"),
        ("Ильхам Алиев", "President Ilham ALIYEV".removeprefix("President ")),
        ("Александр Лукашенко", "Alyaksandr LUKASHENKA"),
        ("Александр Лукашенко", "Alexander Lukashenko"),
        ("Николай Пацкевич", "Mikalai Patskevich"),
        ("Токарев, Владимир Александрович", "Vladimir Tokarev"),
        ("Tokarev Vladimir Aleksandrovich", "Владимир Токарев"),
        ("Реджеп Тайип Эрдоган", "Recep Tayyip Erdoğan"),
        ("Виктор Янукович", "Viktor Yanukovych"),
        ("Ильхам Гейдар оглы Алиев", "Ilham Aliyev"),
        ("И. Алиев", "Ильхам Алиев"),
        ("Михаил Владимирович Мишустин", "Mikhail MISHUSTIN"),
    ],
)
def test_same_person_across_script_and_spelling(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ильхам Алиев", "Гейдар Алиев"),  # father and son
        ("Ильхам Алиев", "Мехрибан Алиева"),  # husband and wife
        ("Алиев", "Алиева"),
        ("Николай Пацкевич", "Николай Патрушев"),
        ("И. Алиев", "Г. Алиев"),
        ("", "Алиев"),
    ],
)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_name_key_is_equal_for_spelling_variants_and_word_order() -> None:
    assert name_key("Əliyev İlham") == name_key("Ильхам Алиев") == name_key("ALIYEV, Ilham")
    assert name_key("Николай Пацкевич") != name_key("Николай Патрушев")


def test_clean_name_strips_marks_and_reorders_surname_first() -> None:
    assert (
        clean_name("\u200fТокарев,\u00a0Владимир  Александрович\u200e")
        == "Владимир Александрович Токарев"
    )
    assert clean_name("  Ilham\u00a0ALIYEV\u200b ") == "Ilham Aliyev"
    assert clean_name("«Н. Пацкевич»") == "Н. Пацкевич"


def test_latin_renders_azerbaijani_and_cyrillic() -> None:
    assert latin("Əliyev") == "Aliyev"
    assert latin("Пацкевич") == "Patskevich"


def _official(id_: int, name: str, name_latin: str | None = None) -> Official:
    return Official(id=id_, dossier_id=1, name=name, name_latin=name_latin)


def test_match_official_finds_the_person_in_any_script() -> None:
    officials = [
        _official(1, "Ильхам Алиев", "Ilham Aliyev"),
        _official(2, "Александр Лукашенко"),
        _official(3, "Николай Пацкевич"),
    ]
    assert match_official("ILHAM ƏLIYEV", officials).id == 1
    assert match_official("Alyaksandr Lukashenka", officials).id == 2
    assert match_official("Пацкевич", officials).id == 3
    assert match_official("Владимир Путин", officials) is None
    # The Latin spelling given by the caller is tried as well.
    assert match_official("Ильхамом Алиевым", officials, latin="Ilham Aliyev").id == 1


def test_match_official_refuses_to_guess_between_namesakes() -> None:
    officials = [_official(1, "Ильхам Алиев"), _official(2, "Гейдар Алиев")]
    assert match_official("Алиев", officials) is None
    assert match_official("Гейдар Алиев", officials).id == 2
