"""Capture from a wire report: pasted text in, reviewed-later candidates out.

`capture(text)` proposes the source, officials, trade figures, organisations,
projects and quotable statements a text holds; nothing is stored. The review
(GUI or `dossier capture`) then calls `accept.accept` with the chosen
candidates. Spans index into `Capture.text`, which is the input with line ends
normalised and any HTML markup removed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dossier.fields import date_bounds, parse_date
from dossier.ingest.capture import nlp as capture_nlp
from dossier.ingest.capture.coref import posts_from_context
from dossier.ingest.capture.english import people_en
from dossier.ingest.capture.markup import looks_like_markup, strip_markup
from dossier.ingest.capture.periods import has_relative_year
from dossier.ingest.capture.review import review
from dossier.ingest.capture.trade import trade_figures
from dossier.ingest.capture.types import Capture, CaptureError, SourceCandidate, Span
from dossier.ingest.furniture import blank_furniture
from dossier.ingest.people import people_ru, post_word
from dossier.ingest.projects import organisations, projects
from dossier.ingest.quotes import find_quotes
from dossier.said import said

# One article or a long readout (a wire report is under 20,000 characters), not a
# whole archive: reading takes about a second per 10,000 characters.
MAX_CHARS = 500_000
_PUBLISHERS = (
    "ИТАР-ТАСС",
    "ТАСС",
    "РИА Новости",
    "Интерфакс",
    "БелТА",
    "ОНТ",
    "АзерТАдж",
    "АЗЕРТАДЖ",
    "Trend",
    "APA",
    "Report.az",
    "Sputnik",
    "РБК",
    "Коммерсантъ",
    "Голос Америки",
    "Voice of America",
    "Reuters",
    "Associated Press",
    "AFP",
    "Bloomberg",
    "BBC",
    "Xinhua",
    "Anadolu",
    "Анадолу",
    "Euronews",
    "Belta",
    "BelTA",
    "Azertac",
    "Interfax",
    "TASS",
)
_MONTH_NAMES = {
    **{
        m: i + 1
        for i, m in enumerate(
            (
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            )
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            )
        )
    },
}
_MONTH_RE = "|".join(_MONTH_NAMES)
_DATES = (
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})\s+(?P<mn>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
    ),
    re.compile(
        rf"\b(?P<mn>{_MONTH_RE})\s+(?P<d>\d{{1,2}}),\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
    ),
)

# Told what the reader is doing ("Reading the text…"); the GUI shows it. It may
# raise (dossier.progress.Cancelled) to stop the reading: nothing is stored anyway.
Progress = Callable[[str], None]


def check_text(text: object) -> str:
    """The text ready for capture, or CaptureError saying why it cannot be read."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CaptureError(
                said(
                    "The file is not UTF-8 text (bad byte at position "
                    "{at}); save it as UTF-8 and try again.",
                    "Файл не в кодировке UTF-8 (неверный байт в позиции {at}); "
                    "сохраните его в UTF-8 и повторите попытку.",
                    at=exc.start,
                )
            ) from None
    if not isinstance(text, str):
        raise CaptureError(said("Capture reads text only.", "Извлекать можно только из текста."))
    if len(text) > MAX_CHARS:
        raise CaptureError(
            said(
                "The text is too long ({n:,} characters); capture "
                "reads one article of up to {most:,} characters.",
                "Текст слишком длинный (знаков: {n:,}); извлечь можно из одной статьи "
                "длиной не больше {most:,} знаков.",
                n=len(text),
                most=MAX_CHARS,
            )
        )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if "\x00" in text or controls > max(3, len(text) // 100):
        raise CaptureError(
            said(
                "This looks like a binary file, not text.",
                "Похоже, это двоичный файл, а не текст.",
            )
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise CaptureError(said("The text is empty.", "Текст пуст."))
    return text


def language_of(text: str) -> str:
    cyrillic = len(re.findall(r"[а-яё]", text, re.IGNORECASE))
    latin = len(re.findall(r"[a-z]", text, re.IGNORECASE))
    return "ru" if cyrillic >= latin else "en"


def needs_date(text: str) -> bool:
    """Whether `text` speaks of relative years ("прошлого года") but carries no
    date to read them by: the window then asks for the publication date."""
    try:
        text = check_text(text)
    except CaptureError:
        return False
    blank, _ = blank_furniture(strip_markup(text) if looks_like_markup(text) else text)
    return _date_in(text) is None and has_relative_year(blank)


def capture(
    text: str,
    *,
    published_on: str | None = None,
    progress: Progress | None = None,
) -> Capture:
    """Propose the facts in `text`. `published_on` (ISO, year/month/day precision)
    overrides a date found in the text; relative dates ("этого года") are read
    against it. With no date at all they stay open (never today's date). Raises
    CaptureError for unreadable input."""
    report = progress or (lambda _message: None)
    text = check_text(text)
    warnings: list[str] = []
    if looks_like_markup(text):
        text = strip_markup(text)
        warnings.append(
            said(
                "HTML markup was removed before reading.",
                "Перед чтением из текста убрана разметка HTML.",
            )
        )
        if not text.strip():
            raise CaptureError(
                said(
                    "The text holds markup only, no article.",
                    "В тексте одна разметка, статьи нет.",
                )
            )
    blank, _ = blank_furniture(text)
    lang = language_of(blank)
    source = _source(text, blank, lang)
    if published_on:
        try:
            source.published_on = parse_date(published_on)
        except ValueError:
            raise CaptureError(
                said(
                    "Not a date: {given!r} (use YYYY-MM-DD).",
                    "Это не дата: {given!r} (пишите ГГГГ-ММ-ДД).",
                    given=published_on,
                )
            ) from None
    ref: dt.date | None = None
    if source.published_on:
        ref = date_bounds(source.published_on)[0]
    elif has_relative_year(blank):
        warnings.append(
            said(
                'The text has no date, so relative periods ("this year") are left open. '
                "Give the publication date (--date).",
                "В тексте нет даты, поэтому относительные сроки («в этом году») оставлены "
                "открытыми. Укажите дату публикации (--date).",
            )
        )
    sentences = _sentences(blank)
    entities, lemmas, agree = [], (lambda word: [word]), None
    if lang == "ru":
        if not capture_nlp.is_loaded():
            report("Loading the Russian language model…")
        nlp = capture_nlp.pipeline()
        report("Reading the text…")
        entities, lemmas, agree = nlp.entities(blank), nlp.lemmas, nlp.agree
    report("Finding people…")
    officials = people_ru(blank, entities, lemmas) if lang == "ru" else people_en(blank)
    if lang == "ru":
        posts_from_context(blank, officials, sentences, lemmas)
    orgs = organisations(blank, entities, source.publisher, lang)
    report("Finding figures and projects…")
    figures = trade_figures(blank, sentences, ref, lang)
    found_projects = projects(blank, sentences, orgs, ref, agree)
    report("Finding statements…")
    result = Capture(
        text=text,
        source=source,
        reference_date=ref.isoformat() if ref else None,
        officials=officials,
        trade_figures=figures,
        organisations=orgs,
        projects=found_projects,
        quotes=find_quotes(blank, officials, lambda word: post_word(word, lemmas)),
        warnings=warnings,
    )
    review(result)
    report("Done.")
    return result


def _sentences(text: str) -> list[Span]:
    from razdel import sentenize

    spans = []
    for line in re.finditer(r"[^\n]+", text):
        if line.group().strip():
            spans += [
                (line.start() + s.start, line.start() + s.stop) for s in sentenize(line.group())
            ]
    return spans


def _source(text: str, blank: str, lang: str) -> SourceCandidate:
    first = re.search(r"\S[^\n]*", blank)
    title, span = "", (0, 0)
    if first:
        line = first.group().strip()
        title = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0].rstrip(".")
        if len(title) > 250:
            title = title[:249].rsplit(" ", 1)[0] + "…"
        span = (first.start(), first.start() + len(title))
    publisher = None
    positions = [
        (text.find(p), p) for p in _PUBLISHERS if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text)
    ]
    if positions:
        publisher = min(positions)[1]
    return SourceCandidate(
        title=title, publisher=publisher, published_on=_date_in(text), language=lang, span=span
    )


def _date_in(text: str) -> str | None:
    # The date line sits at the top or the bottom of a copied article.
    for part in (text[:600], text[-400:]):
        for pattern in _DATES:
            m = pattern.search(part)
            if m:
                month = int(m["m"]) if m.groupdict().get("m") else _MONTH_NAMES[m["mn"].lower()]
                try:
                    return dt.date(int(m["y"]), month, int(m["d"])).isoformat()
                except ValueError:
                    continue
    return None
