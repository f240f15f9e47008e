"""Counted nouns in English and Russian: "1 source", "2 sources"; "1 источник",
"2 источника", "5 источников" (Russian picks one of three forms by the last digits)."""

from __future__ import annotations


def ru_form(n: int, one: str, few: str, many: str) -> str:
    """The Russian form for n: 1, 21 -> one; 2-4, 22-24 -> few; 0, 5-20, 25 -> many."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def en_form(n: int, one: str, many: str) -> str:
    return one if abs(n) == 1 else many


def group_digits(n: int, lang: str) -> str:
    """30,000 / 30 000 (a Russian reader groups thousands with a no-break space)."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


def counted(n: int, lang: str, en: tuple[str, str], ru: tuple[str, str, str]) -> str:
    """'1 project' / '3 projects'; '1 проект' / '3 проекта' / '5 проектов'."""
    word = ru_form(n, *ru) if lang == "ru" else en_form(n, *en)
    return f"{group_digits(n, lang)} {word}"


def phrase(n: int, lang: str, en: tuple[str, str], ru: tuple[str, str, str]) -> str:
    """A whole sentence agreeing with n ('{n}' stands for the number): the verb agrees
    too, as in 'Ещё 1 проект не приведён' / 'Ещё 5 проектов не приведены'."""
    form = ru_form(n, *ru) if lang == "ru" else en_form(n, *en)
    return form.replace("{n}", group_digits(n, lang))


def en_count(n: int, one: str, many: str) -> str:
    """'1 source' / '2 sources', for English-only output (the command line)."""
    return f"{group_digits(n, 'en')} {en_form(n, one, many)}"
