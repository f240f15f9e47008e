"""The entities of a dossier: one dataclass each, whose field specs drive everything.

A record's `id` and `dossier_id` are kept by the store; every other field is
described by a FieldSpec (see dossier.fields), in English and Russian. The lists of
choices live in dossier.choices, the EntitySpec machinery in dossier.entity_spec and
the rules across fields in dossier.entity_checks; this module re-exports them, so
`from dossier.model import X` is the one import for all of it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from dossier.choices import (  # noqa: F401 - the model re-exports every choice list
    CURRENCY_EXAMPLE,
    EVENT_KINDS,
    FLOWS,
    GENDERS,
    HANDLING,
    LANGUAGES,
    OFFICIAL_STATUS,
    POINT_KINDS,
    POINT_STATUS,
    PROJECT_KINDS,
    PROJECT_STATUS,
    RANKS,
    SCALES,
    SIDES,
    SOURCE_KINDS,
    TRADE_KINDS,
    TRADE_VIEWS,
    WORLD,
    handling_field,
)
from dossier.entity_checks import (
    check_dossier,
    check_event,
    check_official,
    check_trade,
    check_trade_columns,
)
from dossier.entity_spec import EntitySpec, entity
from dossier.fields import Kind, english_field, spec_field
from dossier.periods import is_partial_year, period_label  # noqa: F401 - re-exported
from dossier.value_methods import Compared
from dossier.written_init import record_class


@record_class()
class Dossier(Compared):
    """A country dossier: the country, the home country and the scene-setter."""

    id: int | None = None
    code: str = spec_field("Country code", "Код страны", required=True, max_length=2, example="AZ")
    name: str = spec_field("Country", "Страна", required=True, example="Азербайджан")
    name_en: str | None = english_field("name", in_table=True, example="Azerbaijan")
    home_country: str | None = spec_field("Home country", "Наша страна", example="Беларусь")
    home_country_en: str | None = english_field("home_country", example="Belarus")
    home_code: str | None = spec_field(
        "Home country code", "Код нашей страны", max_length=2, example="BY", in_table=False
    )
    trade_view: str = spec_field(
        "Trade seen from",
        "Торговля с точки зрения",
        Kind.CHOICE,
        choices=TRADE_VIEWS,
        default="home",
        in_table=False,
    )
    summary: str | None = spec_field(
        "Scene-setter", "Общая обстановка", Kind.LONGTEXT, in_table=False
    )
    summary_en: str | None = english_field("summary", Kind.LONGTEXT)
    classification: str | None = spec_field("Classification", "Гриф", example="ДСП", default="ДСП")
    classification_en: str | None = english_field("classification", example="FOR OFFICIAL USE ONLY")
    release_marking: str | None = spec_field(
        "Marking, releasable version",
        "Гриф версии для передачи",
        in_table=False,
        example="Для передачи",
    )
    release_marking_en: str | None = english_field("release_marking", example="RELEASABLE")
    updated_at: str | None = spec_field("Last change", "Изменено", Kind.READONLY)


@record_class()
class Source(Compared):
    """Where facts come from: an article, a report, a conversation."""

    id: int | None = None
    dossier_id: int | None = None
    kind: str = spec_field(
        "Kind", "Вид", Kind.CHOICE, required=True, choices=SOURCE_KINDS, default="article"
    )
    title: str = spec_field("Title", "Заголовок", required=True)
    title_en: str | None = english_field("title")
    publisher: str | None = spec_field("Publisher", "Издатель", example="ИТАР-ТАСС")
    publisher_en: str | None = english_field("publisher", example="ITAR-TASS")
    published_on: str | None = spec_field("Published", "Дата публикации", Kind.DATE)
    url: str | None = spec_field("Address", "Адрес", in_table=False)
    language: str | None = spec_field(
        "Language", "Язык", Kind.CHOICE, choices=LANGUAGES, default="ru"
    )
    body: str | None = spec_field("Text", "Текст", Kind.LONGTEXT, in_table=False)
    added_at: str | None = spec_field("Added", "Добавлен", Kind.READONLY)
    handling: str = handling_field()


@record_class()
class Official(Compared):
    """An interlocutor: name, post, and the name as written in Latin letters."""

    id: int | None = None
    dossier_id: int | None = None
    name: str = spec_field("Name", "Имя", required=True, example="Ильхам Алиев")
    # The name's English version is its Latin spelling; the name in the person's own
    # script (Azerbaijani Latin: İlham Əliyev) is a third spelling, for the glossary.
    name_latin: str | None = english_field(
        "name", en="Latin spelling", ru="Латиницей", in_table=True, example="Ilham Aliyev"
    )
    name_native: str | None = spec_field(
        "Native spelling", "В родном написании", in_table=False, example="İlham Əliyev"
    )
    patronymic: str | None = spec_field("Patronymic", "Отчество", in_table=False)
    position: str | None = spec_field("Post", "Должность")
    position_en: str | None = english_field("position", example="President")
    organisation: str | None = spec_field("Organisation", "Организация", in_table=False)
    organisation_en: str | None = english_field("organisation")
    country: str | None = spec_field("Country", "Страна", in_table=False)
    country_en: str | None = english_field("country")
    side: str = spec_field(
        "Side", "Сторона", Kind.CHOICE, required=True, choices=SIDES, default="host"
    )
    birth_date: str | None = spec_field(
        "Date of birth", "Дата рождения", Kind.DATE, in_table=False, example="1961-12-24"
    )
    gender: str | None = spec_field("Gender", "Пол", Kind.CHOICE, in_table=False, choices=GENDERS)
    start_date: str | None = spec_field("In post since", "В должности с", Kind.DATE)
    end_date: str | None = spec_field("In post until", "В должности по", Kind.DATE, in_table=False)
    status: str = spec_field(
        "Status", "Статус", Kind.CHOICE, required=True, choices=OFFICIAL_STATUS, default="current"
    )
    biography: str | None = spec_field("Biography", "Биография", Kind.LONGTEXT, in_table=False)
    biography_en: str | None = english_field("biography", Kind.LONGTEXT)
    form_of_address: str | None = spec_field(
        "Form of address", "Обращение", in_table=False, example="Господин Президент"
    )
    form_of_address_en: str | None = english_field("form_of_address", example="Mr President")
    pronunciation: str | None = spec_field("Pronunciation", "Произношение", in_table=False)
    photo: bytes | None = spec_field("Photo", "Фото", Kind.PHOTO, in_table=False)
    notes: str | None = spec_field("Notes", "Заметки", Kind.LONGTEXT, in_table=False, internal=True)
    notes_en: str | None = english_field("notes", Kind.LONGTEXT)
    last_verified: str | None = spec_field(
        "Last verified", "Проверено", Kind.DATE, in_table=False, internal=True
    )
    rank: str | None = spec_field(
        "Rank", "Ранг", Kind.CHOICE, choices=RANKS, in_table=False, example="minister"
    )
    handling: str = handling_field()
    source_id: int | None = spec_field("Source", "Источник", Kind.REF, ref="source")


@record_class()
class TradeFigure(Compared):
    """One trade figure: an amount of a flow over a period."""

    id: int | None = None
    dossier_id: int | None = None
    period_start: str = spec_field(
        "Period from", "Период с", Kind.DATE, required=True, example="2013-01"
    )
    period_end: str = spec_field(
        "Period to", "Период по", Kind.DATE, required=True, example="2013-09"
    )
    reporter: str | None = spec_field(
        "Reporter", "Отчитывающаяся страна", max_length=5, example="BY"
    )
    partner: str | None = spec_field("Partner", "Партнёр", max_length=5, example="AZ")
    flow: str = spec_field(
        "Flow", "Поток", Kind.CHOICE, required=True, choices=FLOWS, default="turnover"
    )
    # Negative only for a balance (see _check_trade).
    amount: float | None = spec_field(
        "Amount", "Сумма", Kind.NUMBER, example="223.3", unit_field="currency"
    )
    currency: str | None = spec_field(
        "Currency", "Валюта", max_length=3, example="USD", default=CURRENCY_EXAMPLE
    )
    unit_scale: str | None = spec_field(
        "Unit", "Единица", Kind.CHOICE, choices=SCALES, default="1000000"
    )
    growth_factor: float | None = spec_field(
        "Growth, times", "Рост, раз", Kind.NUMBER, minimum=0, example="1.6"
    )
    base_start: str | None = spec_field(
        "Growth base from", "База роста с", Kind.DATE, in_table=False, example="2006"
    )
    base_end: str | None = spec_field(
        "Growth base to", "База роста по", Kind.DATE, in_table=False, example="2006"
    )
    # Not required: a figure given without a kind is a result (see _check_trade).
    kind: str = spec_field("Kind", "Вид", Kind.CHOICE, choices=TRADE_KINDS, default="actual")
    note: str | None = spec_field("Note", "Примечание", Kind.LONGTEXT, in_table=False)
    note_en: str | None = english_field("note", Kind.LONGTEXT)
    source_id: int | None = spec_field("Source", "Источник", Kind.REF, ref="source")


@record_class()
class Project(Compared):
    """An industrial project and how far it has got."""

    id: int | None = None
    dossier_id: int | None = None
    title: str = spec_field("Project", "Проект", required=True)
    title_en: str | None = english_field("title")
    kind: str = spec_field(
        "Kind", "Вид", Kind.CHOICE, required=True, choices=PROJECT_KINDS, default="other"
    )
    sector: str | None = spec_field("Sector", "Отрасль")
    sector_en: str | None = english_field("sector")
    home_partner: str | None = spec_field("Our partner", "Наш партнёр", example="Амкодор")
    home_partner_en: str | None = english_field("home_partner", example="Amkodor")
    host_partner: str | None = spec_field("Host partner", "Партнёр принимающей стороны")
    host_partner_en: str | None = english_field("host_partner")
    status: str = spec_field(
        "Status", "Статус", Kind.CHOICE, required=True, choices=PROJECT_STATUS, default="proposed"
    )
    quantity: int | None = spec_field(
        "Quantity", "Количество", Kind.INTEGER, minimum=0, example="80"
    )
    quantity_unit: str | None = spec_field("Of what", "Чего", example="экскаваторов")
    quantity_unit_en: str | None = english_field("quantity_unit", example="excavators")
    value: float | None = spec_field(
        "Value", "Стоимость", Kind.NUMBER, minimum=0, in_table=False, unit_field="currency"
    )
    currency: str | None = spec_field(
        "Currency", "Валюта", max_length=3, in_table=False, example="USD"
    )
    due_date: str | None = spec_field("Due", "Срок", Kind.DATE)
    location: str | None = spec_field("Location", "Место", in_table=False)
    location_en: str | None = english_field("location")
    description: str | None = spec_field("Description", "Описание", Kind.LONGTEXT, in_table=False)
    description_en: str | None = english_field("description", Kind.LONGTEXT)
    handling: str = handling_field()
    source_id: int | None = spec_field("Source", "Источник", Kind.REF, ref="source")


@record_class()
class TalkingPoint(Compared):
    """What to say, or not: objective, key message, if raised, press line, background."""

    id: int | None = None
    dossier_id: int | None = None
    kind: str = spec_field(
        "Kind", "Вид", Kind.CHOICE, required=True, choices=POINT_KINDS, default="key_message"
    )
    topic: str | None = spec_field("Topic", "Тема")
    topic_en: str | None = english_field("topic")
    text: str = spec_field("Text", "Текст", Kind.LONGTEXT, required=True)
    text_en: str | None = english_field("text", Kind.LONGTEXT)
    priority: int | None = spec_field(
        "Priority",
        "Приоритет",
        Kind.INTEGER,
        minimum=1,
        maximum=3,
        example="1",
        in_table=False,
        internal=True,
    )
    audience_id: int | None = spec_field(
        "For", "Для кого", Kind.REF, ref="official", in_table=False, internal=True
    )
    position: int | None = spec_field("Order", "Порядок", Kind.INTEGER, in_table=False)
    releasable: bool = spec_field("May be said", "Можно озвучить", Kind.BOOL, default=True)
    status: str = spec_field(
        "Status",
        "Статус",
        Kind.CHOICE,
        required=True,
        choices=POINT_STATUS,
        default="draft",
        internal=True,
    )
    source_id: int | None = spec_field("Source", "Источник", Kind.REF, ref="source")


@record_class()
class Event(Compared):
    """A visit, talks or another dated event."""

    id: int | None = None
    dossier_id: int | None = None
    title: str = spec_field("Event", "Событие", required=True)
    title_en: str | None = english_field("title")
    kind: str | None = spec_field("Kind", "Вид", Kind.CHOICE, choices=EVENT_KINDS)
    start_date: str | None = spec_field("From", "С", Kind.DATE)
    time: str | None = spec_field("Time", "Время", example="10:00")
    end_date: str | None = spec_field("To", "По", Kind.DATE)
    place: str | None = spec_field("Place", "Место")
    place_en: str | None = english_field("place")
    participants: str | None = spec_field("Participants", "Участники")
    participants_en: str | None = english_field("participants")
    programme: str | None = spec_field("Programme", "Программа", Kind.LONGTEXT, in_table=False)
    programme_en: str | None = english_field("programme", Kind.LONGTEXT)
    notes: str | None = spec_field("Notes", "Заметки", Kind.LONGTEXT, in_table=False, internal=True)
    notes_en: str | None = english_field("notes", Kind.LONGTEXT)
    handling: str = handling_field()
    source_id: int | None = spec_field("Source", "Источник", Kind.REF, ref="source")


R = TypeVar("R", Dossier, Source, Official, TradeFigure, Project, TalkingPoint, Event)


DOSSIER = entity(
    "dossier", "dossiers", Dossier, "Dossier", "Досье", "Dossiers", "Досье", "name", check_dossier
)
SOURCE = entity("source", "sources", Source, "Source", "Источник", "Sources", "Источники", "title")
OFFICIAL = entity(
    "official",
    "officials",
    Official,
    "Official",
    "Должностное лицо",
    "Officials",
    "Должностные лица",
    "name",
    check_official,
)
TRADE = entity(
    "trade",
    "trade_figures",
    TradeFigure,
    "Trade figure",
    "Торговый показатель",
    "Trade",
    "Торговля",
    "period_start",
    check_trade,
    check_trade_columns,
)
PROJECT = entity(
    "project", "projects", Project, "Project", "Проект", "Projects", "Проекты", "title"
)
TALKING_POINT = entity(
    "talking_point",
    "talking_points",
    TalkingPoint,
    "Talking point",
    "Тезис",
    "Talking points",
    "Тезисы",
    "text",
)
EVENT = entity(
    "event", "events", Event, "Event", "Событие", "Events", "События", "title", check_event
)

ENTITIES: dict[str, EntitySpec] = {
    e.name: e for e in (DOSSIER, SOURCE, OFFICIAL, TRADE, PROJECT, TALKING_POINT, EVENT)
}
# The tabs of a dossier, in the order a user meets them.
DOSSIER_PARTS = (OFFICIAL, TRADE, PROJECT, TALKING_POINT, SOURCE, EVENT)


def spec_for(record: Any) -> EntitySpec:
    for e in ENTITIES.values():
        if isinstance(record, e.record):
            return e
    raise TypeError(f"not a dossier record: {record!r}")
