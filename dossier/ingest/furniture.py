"""Website furniture: the menus, link lists, counters and widgets around an article.

Text copied from a news site brings "Главная | Политика | Экономика", "Читайте
также" with links to other stories, "Просмотров: 1234", exchange-rate widgets
("USD 1,7 ▲") and share buttons. None of it may produce candidates, so it is
blanked out (replaced by spaces of the same length, keeping every span valid)
before the extractors run.
"""

from __future__ import annotations

import re

# Lines that are furniture by themselves.
_LINE = re.compile(
    r"^(?:"
    r"(?:читайте|смотрите)\s+(?:также|еще|ещё)|по\s+теме|другие\s+новости|новости\s+по\s+теме|"
    r"related(?:\s+(?:stories|articles|news))?|read\s+(?:more|also)|see\s+also|more\s+news|"
    r"поделиться|share|подписывайтесь|subscribe|реклама|advertisement|комментари[ийя]\w*|"
    r"comments?|теги|tags|метки|источник\s+фото|фото:|photo:|©|\(c\)|все\s+права|"
    r"all\s+rights|cookies?|версия\s+для\s+печати|print|главная|home|меню|menu|поиск|search|"
    r"вход|войти|log\s*in|sign\s+in|регистрация|курсы?\s+валют|exchange\s+rates?|погода|"
    r"weather|просмотр\w*|views?|прочитано|нашли\s+ошибку|следите\s+за\s+нами|"
    r"follow\s+us|мы\s+в\s+соцсетях|(?:additional\s+)?reporting\s+by|writing\s+by|"
    r"editing\s+by|compiled\s+by"
    r")\b",
    re.IGNORECASE,
)
# Bylines and credits: "Автор: Ирина Петрова", "Фото: Reuters/Anna Brown", "By John
# Smith": the marker, then nothing but capitalised names and separators.
_BYLINE = re.compile(
    r"^(?i:автор\w*|текст|фото\w*|корреспондент\w*|редактор\w*|обозревател\w*|"
    r"by|authors?|photo\w*|images?|credits?|(?:photo\s+)?source)\s*[:—–-]?\s*"
    r"(?:[A-ZА-ЯЁ©][\w.'’-]*(?:\s*[,/;&]\s*|\s+(?:и|and)\s+|\s+)?){1,8}$"
)
# A site's name and slogan: "Trend — новости Азербайджана и мира", "News.Az - Your
# trusted source of news": a short line about news, with a dash or bar, no sentence.
_SLOGAN = re.compile(r"\b(?:новост\w*|news|информационн\w+\s+агентств\w*|agency)\b", re.I)
_SLOGAN_SEPARATOR = re.compile(r"\s[—–|-]\s|^[\w.]+\.(?:az|ru|by|com)\b", re.I)
# Markers after which the following short lines are links to other stories.
_LINK_LIST = re.compile(
    r"^(?:(?:читайте|смотрите)\s+(?:также|еще|ещё)|по\s+теме|другие\s+новости|"
    r"новости\s+по\s+теме|related|read\s+(?:more|also)|see\s+also|more\s+news|популярное|"
    r"most\s+read|самое\s+(?:читаемое|популярное))",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://|www\.|\.(?:ru|by|az|com|org|net|ua)/", re.IGNORECASE)
_COUNTER = re.compile(
    r"^[\W\d]*(?:\d[\d\s]*)(?:просмотр\w*|views?|комментари\w*|comments?)?$", re.IGNORECASE
)
_RATE = re.compile(
    r"\b(?:USD|EUR|RUB|BYN|AZN|GBP|CNY)\b\s*[:=]?\s*\d+[.,]\d+\s*[▲▼↑↓+\-]?", re.IGNORECASE
)
_DATELINE = re.compile(
    r"^[\d:.,/\s-]*\d{1,2}[\s.](?:\d{1,2}|[a-zа-яё]+)[\s.,]+\d{4}[\d:.,\s-]*$"
    r"|^\d{1,2}:\d\d$",
    re.IGNORECASE,
)
_MENU_SEPARATORS = re.compile(r"\s[|•·/»>]\s")


def is_furniture(line: str) -> bool:
    """Whether one line of pasted text is site furniture, not article prose."""
    text = line.strip()
    if not text:
        return False
    words = text.split()
    if _LINE.match(text) and len(words) <= 12:
        return True
    if len(words) <= 12 and _BYLINE.match(text) and not text.endswith("."):
        return True
    if _URL.search(text) and len(words) <= 12:
        return True
    if _COUNTER.match(text) or _DATELINE.match(text):
        return True
    if len(_RATE.findall(text)) >= 2 or (_RATE.search(text) and len(words) <= 6):
        return True
    if (
        len(words) <= 10
        and _SLOGAN.search(text)
        and _SLOGAN_SEPARATOR.search(text)
        and not text.endswith(".")
    ):
        return True
    # Menus: several short items separated by bars or bullets.
    parts = _MENU_SEPARATORS.split(text)
    return len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts)


def _is_link_headline(line: str) -> bool:
    # A headline in a list of links: one short line, no sentence-closing stop.
    text = line.strip()
    return bool(text) and len(text) < 200 and not text.endswith((".", "!", "?", "»", '"'))


def blank_furniture(text: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with furniture lines blanked to spaces, and the blanked spans."""
    out = list(text)
    blanked: list[tuple[int, int]] = []
    in_links = False
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start, end = pos, pos + len(body)
        pos += len(line)
        if not body.strip():
            continue
        drop = is_furniture(body) or (in_links and _is_link_headline(body))
        if _LINK_LIST.match(body.strip()):
            in_links = True
        elif not drop:
            in_links = False
        if drop:
            out[start:end] = " " * (end - start)
            blanked.append((start, end))
    return "".join(out), blanked
