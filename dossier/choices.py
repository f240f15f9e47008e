"""The choices a field offers (sides, flows, kinds, statuses…), in English and Russian.

Kept apart from the entities (dossier.model) so that a reader finds every list of
allowed values in one place; the model re-exports them.
"""

from __future__ import annotations

from typing import Any

from dossier.fields import Choice, Kind, spec_field

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
