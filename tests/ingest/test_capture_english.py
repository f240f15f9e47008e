"""Issue 17, items 5 and 6: English officials by title patterns around the name, and
people named without a title. Sentences written the way the named outlets write
them, two outlets per rule."""

from __future__ import annotations

import pytest

from dossier.ingest.capture.pipeline import capture


def officials(text: str) -> dict[str, tuple[str | None, str | None]]:
    result = capture(text, published_on="2019-03-12")
    return {o.name: (o.position, o.country) for o in result.officials}


@pytest.mark.parametrize(
    ("text", "name", "post", "country"),
    [
        # Reuters: a country's possessive belongs to the title
        (
            "Azerbaijan's President Ilham Aliyev said trade had grown.",
            "Ilham Aliyev",
            "Azerbaijan's President",
            "AZ",
        ),
        # Trend
        (
            "Belarus' Foreign Minister Vladimir Makei arrived in Baku.",
            "Vladimir Makei",
            "Belarus' Foreign Minister",
            "BY",
        ),
        # AP: an ambassador "to" a country
        (
            "Belarusian Ambassador to Azerbaijan Nikolai Patskevich met officials.",
            "Nikolai Patskevich",
            "Belarusian Ambassador to Azerbaijan",
            "BY",
        ),
        # AFP: a title in lower case after a capitalised word that says whose
        (
            "Kremlin spokesman Dmitry Peskov told reporters on Monday.",
            "Dmitry Peskov",
            "Kremlin spokesman",
            "RU",
        ),
        # Reuters
        (
            "U.S. Secretary of State Antony Blinken visited Baku.",
            "Antony Blinken",
            "U.S. Secretary of State",
            "US",
        ),
        # Bloomberg: the post before the name, in commas
        (
            "The head of Azerbaijan's central bank, Taleh Kazimov, said inflation slowed.",
            "Taleh Kazimov",
            "Head of Azerbaijan's central bank",
            "AZ",
        ),
        # APA
        (
            "The chairman of Belarus's State Customs Committee, Yuri Senko, visited Baku.",
            "Yuri Senko",
            "Chairman of Belarus's State Customs Committee",
            "BY",
        ),
    ],
)
def test_english_titles_around_the_name(text: str, name: str, post: str, country: str) -> None:
    assert officials(text)[name] == (post, country)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # AP: "talks with", "signed by … and …"
        (
            "Putin met Erdogan in Sochi. Vladimir Putin later held talks with Ilham Aliyev.",
            {"Vladimir Putin", "Ilham Aliyev"},
        ),
        # Reuters
        (
            "The deal was signed by Elnur Aliyev and Vladimir Makei on Tuesday.",
            {"Elnur Aliyev", "Vladimir Makei"},
        ),
        # AFP: ", who"
        ("Mikheil Saakashvili, who led Georgia until 2013, was detained.", {"Mikheil Saakashvili"}),
        # BBC: "'s visit"
        ("Recep Tayyip Erdogan's visit to Baku ended on Friday.", {"Recep Tayyip Erdogan"}),
    ],
)
def test_english_people_without_a_title(text: str, names: set[str]) -> None:
    result = capture(text, published_on="2019-03-12")
    assert {o.name for o in result.officials} == names
    assert all(not o.ticked for o in result.officials)  # no post: the user decides


@pytest.mark.parametrize(
    "text",
    [
        # places and events are not people
        "The forum opened in New York on Monday. Delegates from New York and Baku met.",
        "Trade with Central Asia grew along the Caspian Sea route.",
    ],
)
def test_places_are_not_people(text: str) -> None:
    assert capture(text, published_on="2019-03-12").officials == []


@pytest.mark.parametrize(
    "credit",
    [
        # Reuters: a photo credit inside the page
        "Photo by Jane Doe/Reuters",
        # AP: the writer and the editor
        "Written by Peter Brown and edited by Anna Green",
    ],
)
def test_credit_lines_give_no_people(credit: str) -> None:
    # Issue 17, item 7: "signed by NAME" finds a person; "Photo by NAME" is furniture.
    text = (
        "Belarus and Azerbaijan sign deal\n"
        f"{credit}\n"
        "BAKU, March 12 (Reuters) - Azerbaijani Economy Minister Shahin Mustafayev met "
        "the delegation.\n"
    )
    found = capture(text, published_on="2019-03-12").officials
    assert [o.name for o in found] == ["Shahin Mustafayev"]
