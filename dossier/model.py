"""The entities of a dossier: one dataclass each, whose field specs drive everything.

A record's `id` and `dossier_id` are kept by the store; every other field is
described by a FieldSpec (see dossier.fields), in English and Russian.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from dossier.fields import (
    Choice,
    FieldSpec,
    Kind,
    ValidationError,
    bilingual,
    clean_value,
    date_bounds,
    english_field,
    spec_field,
    specs_of,
)

SIDES = (
    Choice("host", "Host side", "Принимающая сторона"),
    Choice("home", "Home side", "Наша сторона"),
    Choice("third", "Third party", "Третья сторона"),
)
OFFICIAL_STATUS = (
    Choice("current", "Current", "Действующий"),
    Choice("former", "Former", "Бывший"),
)
GENDERS = (
    Choice("female", "Female", "Женский"),
    Choice("male", "Male", "Мужской"),
    Choice("other", "Other", "Другой"),
)
SOURCE_KINDS = (
    Choice("article", "Article", "Статья"),
    Choice("official_data", "Official data", "Официальные данные"),
    Choice("report", "Report", "Доклад"),
    Choice("note", "Note", "Записка"),
)
LANGUAGES = (
    Choice("ru", "Russian", "Русский"),
    Choice("en", "English", "Английский"),
    Choice("az", "Azerbaijani", "Азербайджанский"),
    Choice("be", "Belarusian", "Белорусский"),
    Choice("other", "Other", "Другой"),
)
# Flows are always from the reporter's point of view: "export" is what the
# reporter sells to the partner.
FLOWS = (
    Choice("turnover", "Turnover", "Товарооборот"),
    Choice("export", "Exports", "Экспорт"),
    Choice("import", "Imports", "Импорт"),
    Choice("balance", "Balance", "Сальдо"),
)
# What a number is: a result, an estimate of one, a goal, or a prediction. Only
# actual figures and estimates are results; targets and forecasts are never bars.
TRADE_KINDS = (
    Choice("actual", "Actual", "Факт"),
    Choice("estimate", "Estimate", "Оценка"),
    Choice("target", "Target", "Цель"),
    Choice("forecast", "Forecast", "Прогноз"),
)
TRADE_VIEWS = (
    Choice("home", "Ours", "Наша"),
    Choice("host", "The partner's", "Партнёра"),
)
# The partner code for a country's trade with the whole world.
WORLD = "world"
SCALES = (
    Choice("1", "units", "единиц"),
    Choice("1000", "thousand", "тыс."),
    Choice("1000000", "million", "млн"),
    Choice("1000000000", "billion", "млрд"),
)
PROJECT_KINDS = (
    Choice("assembly", "Assembly", "Сборка"),
    Choice("supply", "Supply", "Поставка"),
    Choice("joint_venture", "Joint venture", "Совместное предприятие"),
    Choice("investment", "Investment", "Инвестиции"),
    Choice("other", "Other", "Другое"),
)
PROJECT_STATUS = (
    Choice("proposed", "Proposed", "Предложен"),
    Choice("agreed", "Agreed", "Согласован"),
    Choice("in_progress", "In progress", "Реализуется"),
    Choice("completed", "Completed", "Завершён"),
    Choice("stalled", "Stalled", "Приостановлен"),
)
POINT_KINDS = (
    Choice("objective", "Objective", "Цель"),
    Choice("key_message", "Key message", "Ключевой тезис"),
    Choice("if_raised", "If raised", "Если будет поднят вопрос"),
    Choice("press_line", "Press line", "Для прессы"),
    Choice("background", "Background", "Справочно"),
)
POINT_STATUS = (Choice("draft", "Draft", "Черновик"), Choice("approved", "Approved", "Утверждён"))
HANDLING = (
    Choice("releasable", "Releasable", "Можно передавать"),
    Choice("background", "Background only", "Только справочно"),
)
# Protocol precedence, highest first; an official without one gets it from the post.
RANKS = (
    Choice("head_of_state", "Head of state", "Глава государства"),
    Choice("head_of_government", "Head of government", "Глава правительства"),
    Choice("deputy", "Deputy head", "Заместитель"),
    Choice("minister", "Minister", "Министр"),
    Choice("ambassador", "Ambassador", "Посол"),
    Choice("other", "Other", "Другое"),
)
EVENT_KINDS = (
    Choice("talks", "Talks", "Переговоры"),
    Choice("meeting", "Meeting", "Встреча"),
    Choice("ceremony", "Ceremony", "Церемония"),
    Choice("press", "Press", "Пресса"),
    Choice("visit", "Visit", "Визит"),
    Choice("other", "Other", "Другое"),
)
CURRENCY_EXAMPLE = "USD"


def handling_field() -> Any:
    """Whether a record may be shown outside (releasable) or is background only."""
    # Not required: a record written before handling existed (or left empty) is releasable.
    return spec_field(
        "Handling", "Режим", Kind.CHOICE, choices=HANDLING, default="releasable", in_table=False
    )


@dataclass
class Dossier:
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


@dataclass
class Source:
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


@dataclass
class Official:
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


@dataclass
class TradeFigure:
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


@dataclass
class Project:
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


@dataclass
class TalkingPoint:
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


@dataclass
class Event:
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


Record = Dossier | Source | Official | TradeFigure | Project | TalkingPoint | Event
R = TypeVar("R", Dossier, Source, Official, TradeFigure, Project, TalkingPoint, Event)


@dataclass(frozen=True)
class EntitySpec:
    """Everything the app knows about one kind of record."""

    name: str  # "official"
    table: str  # "officials"
    record: type
    en: str
    ru: str
    plural_en: str
    plural_ru: str
    title_field: str
    fields: tuple[FieldSpec, ...]
    check: Callable[[dict[str, Any], str], dict[str, str]] | None = None

    def label(self, lang: str = "en", plural: bool = False) -> str:
        if plural:
            return self.plural_ru if lang == "ru" else self.plural_en
        return self.ru if lang == "ru" else self.en

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def table_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.in_table)

    @property
    def cites_source(self) -> bool:
        return any(f.name == "source_id" for f in self.fields)

    def is_background(self, record: Any) -> bool:
        """True for a record that must stay out of a releasable brief: marked
        background only (talking points say it with their `releasable` flag)."""
        if getattr(record, "handling", None) == "background":
            return True
        return getattr(record, "releasable", True) is False

    @property
    def internal_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.internal)

    def title_of(self, record: Any) -> str:
        return str(getattr(record, self.title_field) or "")

    def validate(self, values: Mapping[str, Any], lang: str = "en") -> dict[str, Any]:
        """Clean every field; raise ValidationError listing every problem at once."""
        cleaned: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for f in self.fields:
            if f.kind is Kind.READONLY:
                continue
            try:
                cleaned[f.name] = clean_value(f, values.get(f.name), lang)
            except ValueError as exc:
                errors[f.name] = str(exc)
        if not errors and self.check is not None:
            errors.update(self.check(cleaned, lang))
        if errors:
            raise ValidationError(errors)
        return cleaned

    def make(self, values: Mapping[str, Any], lang: str = "en", **keys: Any) -> Any:
        """A validated record from user values, with store keys (id, dossier_id)."""
        return self.record(**keys, **self.validate(values, lang))


def _check_dates(
    values: dict[str, Any], lang: str, start: str, end: str, label: str
) -> dict[str, str]:
    if (
        values.get(start)
        and values.get(end)
        and date_bounds(values[end])[1] < date_bounds(values[start])[0]
    ):
        return {
            end: bilingual(
                lang, f"{label} ends before it starts.", f"{label}: конец раньше начала."
            )
        }
    return {}


def _check_dossier(values: dict[str, Any], lang: str) -> dict[str, str]:
    code = values.get("code") or ""
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        return {
            "code": bilingual(
                lang,
                "Country code must be two Latin letters, e.g. AZ.",
                "Код страны — две латинские буквы, например AZ.",
            )
        }
    values["code"] = code.upper()
    values["trade_view"] = values.get("trade_view") or "home"
    home = (values.get("home_code") or "").strip()
    if home:
        if not (len(home) == 2 and home.isascii() and home.isalpha()):
            return {
                "home_code": bilingual(
                    lang,
                    "The home country code must be two Latin letters, e.g. BY.",
                    "Код нашей страны — две латинские буквы, например BY.",
                )
            }
        values["home_code"] = home.upper()
    return {}


def _check_trade(values: dict[str, Any], lang: str) -> dict[str, str]:
    errors = _check_dates(
        values, lang, "period_start", "period_end", bilingual(lang, "The period", "Период")
    )
    errors.update(
        _check_dates(
            values, lang, "base_start", "base_end", bilingual(lang, "The growth base", "База роста")
        )
    )
    if values.get("amount") is None and values.get("growth_factor") is None:
        errors["amount"] = bilingual(
            lang,
            "Give an amount, a growth factor or both.",
            "Укажите сумму, рост или и то и другое.",
        )
    if values.get("currency"):
        values["currency"] = values["currency"].upper()
    values["kind"] = values.get("kind") or "actual"
    if (values.get("amount") or 0) < 0 and values.get("flow") != "balance":
        errors["amount"] = bilingual(
            lang,
            "Only a balance can be negative.",
            "Отрицательным может быть только сальдо.",
        )
    for name in ("reporter", "partner"):
        code = (values.get(name) or "").strip()
        if not code:
            continue
        if code.casefold() == WORLD:
            values[name] = WORLD
        elif len(code) == 2 and code.isascii() and code.isalpha():
            values[name] = code.upper()
        else:
            errors[name] = bilingual(
                lang,
                "Use a two-letter country code (BY, AZ) or “world”.",
                "Укажите двухбуквенный код страны (BY, AZ) или «world».",
            )
    if values.get("reporter") and values.get("reporter") == values.get("partner"):
        errors["partner"] = bilingual(
            lang, "A country does not trade with itself.", "Страна не торгует сама с собой."
        )
    return errors


def _check_official(values: dict[str, Any], lang: str) -> dict[str, str]:
    return _check_dates(
        values, lang, "start_date", "end_date", bilingual(lang, "The post", "Должность")
    )


def _check_event(values: dict[str, Any], lang: str) -> dict[str, str]:
    return _check_dates(
        values, lang, "start_date", "end_date", bilingual(lang, "The event", "Событие")
    )


def _entity(
    name: str,
    table: str,
    record: type,
    en: str,
    ru: str,
    plural_en: str,
    plural_ru: str,
    title_field: str,
    check: Any = None,
) -> EntitySpec:
    return EntitySpec(
        name, table, record, en, ru, plural_en, plural_ru, title_field, specs_of(record), check
    )


DOSSIER = _entity(
    "dossier", "dossiers", Dossier, "Dossier", "Досье", "Dossiers", "Досье", "name", _check_dossier
)
SOURCE = _entity("source", "sources", Source, "Source", "Источник", "Sources", "Источники", "title")
OFFICIAL = _entity(
    "official",
    "officials",
    Official,
    "Official",
    "Должностное лицо",
    "Officials",
    "Должностные лица",
    "name",
    _check_official,
)
TRADE = _entity(
    "trade",
    "trade_figures",
    TradeFigure,
    "Trade figure",
    "Торговый показатель",
    "Trade",
    "Торговля",
    "period_start",
    _check_trade,
)
PROJECT = _entity(
    "project", "projects", Project, "Project", "Проект", "Projects", "Проекты", "title"
)
TALKING_POINT = _entity(
    "talking_point",
    "talking_points",
    TalkingPoint,
    "Talking point",
    "Тезис",
    "Talking points",
    "Тезисы",
    "text",
)
EVENT = _entity(
    "event", "events", Event, "Event", "Событие", "Events", "События", "title", _check_event
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


def as_dict(record: Any) -> dict[str, Any]:
    return dataclasses.asdict(record)


def period_label(start: str, end: str, lang: str = "en") -> str:
    """'2012', 'Jan–Sep 2013' or '2006–2012' for a period given by two dates."""
    first, _ = date_bounds(start)
    _, last = date_bounds(end)
    months_en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    months_ru = [
        "янв.",
        "февр.",
        "март",
        "апр.",
        "май",
        "июнь",
        "июль",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ]
    months = months_ru if lang == "ru" else months_en
    whole_years = first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31
    if whole_years:
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if first.year == last.year and first.day == 1 and (last + dt.timedelta(days=1)).day == 1:
        if first.month == last.month:
            return f"{months[first.month - 1]} {first.year}"
        return f"{months[first.month - 1]}–{months[last.month - 1]} {first.year}"
    return f"{first.isoformat()} – {last.isoformat()}"


def is_partial_year(start: str, end: str) -> bool:
    first, _ = date_bounds(start)
    _, last = date_bounds(end)
    return not (first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31)
