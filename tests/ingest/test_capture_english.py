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


# Rules written on the DEV documents of GUM (Wikinews news); each one has two
# examples below written the way two outlets write, none taken from GUM.
@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # Reuters: the title, then the name in commas
        (
            "Azerbaijan's Foreign Minister, Jeyhun Bayramov, said the talks went well.",
            "Jeyhun Bayramov",
            "Azerbaijan's Foreign Minister",
        ),
        # AP: the title before a verb of speech
        (
            "Speaking to reporters, the Belarusian ambassador, Nikolai Patskevich said ties grew.",
            "Nikolai Patskevich",
            "Belarusian ambassador",
        ),
        # BBC: an office in lower case with a level before it
        (
            "Opposition leaders met regional governor Viktor Tomenko on Friday.",
            "Viktor Tomenko",
            "Regional governor",
        ),
        # Eurasianet
        (
            "The bill was opposed by opposition lawmaker Erkin Gadirli in parliament.",
            "Erkin Gadirli",
            "Opposition lawmaker",
        ),
        # Reuters: a company's office in lower case
        (
            "SOCAR president Rovnag Abdullayev signed the deal.",
            "Rovnag Abdullayev",
            "SOCAR president",
        ),
        # Bloomberg
        ("Gazprom chairman Alexei Miller arrived in Baku.", "Alexei Miller", "Gazprom chairman"),
        # AP: titles before the name
        (
            "Attorney General Merrick Garland announced the charges.",
            "Merrick Garland",
            "Attorney General",
        ),
        # Reuters
        (
            "EU Commissioner Kadri Simson visited the Baku terminal.",
            "Kadri Simson",
            "EU Commissioner",
        ),
        # APA: offices after the name
        (
            "Elchin Amirbayov, a representative of the president, said the talks ended.",
            "Elchin Amirbayov",
            "Representative of the president",
        ),
        # Trend
        (
            "Rovshan Rzayev, director of the State Agency, told journalists about it.",
            "Rovshan Rzayev",
            "Director of the State Agency",
        ),
        # AP: initials
        ("Illinois Governor J.B. Pritzker signed the bill.", "J.B. Pritzker", "Illinois Governor"),
        # The Guardian
        (
            "Labour leader Keir Starmer met Company Chairman A.J. Clarke on Monday.",
            "A.J. Clarke",
            "Company Chairman",
        ),
        # Reuters: particles in a name
        (
            "Saudi Foreign Minister Faisal bin Farhan arrived in Baku.",
            "Faisal bin Farhan",
            "Saudi Foreign Minister",
        ),
        # AFP
        (
            "European Commission President Ursula von der Leyen met Ilham Aliyev.",
            "Ursula von der Leyen",
            "European Commission President",
        ),
        # TASS: a rank goes with the post, not the name
        (
            "Defence Ministry spokesman Major General Igor Konashenkov said the drills ended.",
            "Igor Konashenkov",
            "Defence Ministry spokesman Major General",
        ),
        # Al Jazeera
        (
            "Army spokesman Brigadier General Yahya Rasool said the town was retaken.",
            "Yahya Rasool",
            "Army spokesman Brigadier General",
        ),
        # BBC: a form of address is not part of the name, nor a post
        (
            "Dr. Ahmed Hassan, director of the clinic, said the outbreak slowed.",
            "Ahmed Hassan",
            "Director of the clinic",
        ),
        # ABC (Australia)
        (
            "Professor Jane Wilson, chairman of the review panel, said the rules were clear.",
            "Jane Wilson",
            "Chairman of the review panel",
        ),
        # Reuters: the possessive after a titled name is not the name's
        (
            "Prime Minister Ali Asadov's government resigned.",
            "Ali Asadov",
            "Prime Minister",
        ),
        # AP
        (
            "The plan was backed by Governor Gavin Newsom's office.",
            "Gavin Newsom",
            "Governor",
        ),
    ],
)
def test_english_posts_read_on_wikinews(text: str, name: str, post: str) -> None:
    assert officials(text)[name][0] == post


@pytest.mark.parametrize(
    "text",
    [
        # Reuters: a phrase in lower case before a comma is not a name
        "Speaking in a written statement, the head of the agency said talks went well.",
        # AP
        "After a closed meeting, the chairman of the committee declined to comment.",
        # BBC: a sentence's first word is not a given name
        "They left Baku on September 24. On September 29 they returned.",
        # Trend
        "He flew home on April 2. On April 12 the talks resumed.",
        # AP: places and things recurring by their last word
        "Space Shuttle Columbia flew in 1981. Columbia later broke up.",
        # The Guardian
        "Rain fell across Western Australia. Australia declared a drought.",
        # Reuters: a word recurring after an article is a thing, not a surname
        "Fans queued at Grand Archive. Later the Archive closed.",
        # AFP
        "Pilgrims reached Blue Mosque Square early; by noon the Square was full.",
    ],
)
def test_english_phrases_that_are_not_people(text: str) -> None:
    assert capture(text, published_on="2019-03-12").officials == []


def test_a_form_of_address_with_a_surname_joins_the_person() -> None:
    # ABC and BBC style: "Professor Eastman says", "Ms Hahn said" after the full name.
    text = (
        "Professor Cres Eastman, director of the iodine study, spoke on Monday. "
        "Professor Eastman says salt is the remedy. Ms Lydia Brown said so too. "
        "Ms Smith said nothing."
    )
    found = {o.name: o.position for o in capture(text, published_on="2019-03-12").officials}
    assert found == {"Cres Eastman": "Director of the iodine study", "Lydia Brown": None}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # BBC: a ruler's title before one name and a numeral
        ("King Charles III opened the new session of parliament.", "Charles III", "King"),
        # Vatican News
        ("Pope Francis met Azerbaijan's President Ilham Aliyev.", "Francis", "Pope"),
        # AP: a military rank alone is the post
        ("General Mark Milley said the exercise ended.", "Mark Milley", "General"),
        # Reuters
        ("Security was led by Colonel Ramil Usubov in Baku.", "Ramil Usubov", "Colonel"),
    ],
)
def test_rulers_and_ranks_before_the_name(text: str, name: str, post: str) -> None:
    assert officials(text)[name][0] == post


@pytest.mark.parametrize(
    "text",
    [
        # CBC: a place named after a ruler
        "Voters in Prince Edward Island went to the polls.",
        # Arab News
        "Traffic on the King Fahd Causeway was heavy.",
        # Reuters: a company whose name starts with a rank
        "General Motors Chief Executive Mary Barra said sales rose.",
    ],
)
def test_places_and_companies_named_after_titles(text: str) -> None:
    assert "General" not in {o.position for o in capture(text).officials}
    assert all(o.name not in ("Edward", "Fahd", "Motors Chief") for o in capture(text).officials)


@pytest.mark.parametrize(
    "text",
    [
        # Wikipedia: a section heading above a paragraph that opens with the surname
        "Goode was born in Exeter. Career\n\nGoode played Peter in the film.",
        # Eurasianet: a "Background" heading above the body
        "Background\nMustafayev was appointed in 2019. Mustafayev said trade grew.",
    ],
)
def test_a_name_never_runs_over_a_line_end(text: str) -> None:
    assert capture(text, published_on="2019-03-12").officials == []


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # ANSA: a capital after the apostrophe
        (
            "Former Prime Minister Massimo D'Alema said the deal was fair.",
            "Massimo D'Alema",
            "Former Prime Minister",
        ),
        # AP
        (
            "At the hearing Beto O'Rourke, chairman of the panel, said so.",
            "Beto O'Rourke",
            "Chairman of the panel",
        ),
    ],
)
def test_names_with_an_apostrophe(text: str, name: str, post: str) -> None:
    assert officials(text)[name][0] == post
