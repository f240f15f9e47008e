"""Officials lists (CSV/XLSX) into a dossier: posts with dates, current or former, no duplicates.

Three shapes of file are common and all are read through one column mapping:
Wikidata office holders (`position,person,personID,start,end`), the
world-leaders query (`country,positionLabel,officeholderLabel,start_year,
end_year`) and government-site scrapes (`name,position`).

A person may appear on several rows (several posts over time). Rows are
grouped per person; the post kept on the official is the current one (no end
date), else the latest; the others are listed in the notes. People are matched
against the dossier's officials across scripts and spellings (names.py), so a
re-import updates the existing record instead of adding a second one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from dossier.fields import date_bounds, parse_date
from dossier.ingest.names import clean_name
from dossier.ingest.official_index import OfficialIndex, wikidata_id
from dossier.ingest.officials_describe import describe
from dossier.ingest.tables import Problem, Records, TableError
from dossier.model import OFFICIAL, Dossier, Official
from dossier.plural import en_form, ru_form
from dossier.progress import Progress, report
from dossier.said import Said, in_language, said
from dossier.store import Store

# Kept here for their older importers.
__all__ = ["OfficialIndex", "describe", "wikidata_id"]
_RU_ROWS = ("строка", "строки", "строк")
# The dates of a row, named in its problems.
_WHAT = {
    "start": said("start", "начало"),
    "end": said("end", "конец"),
    "birth date": said("birth date", "дата рождения"),
}

NOTES_HEAD = "Posts held (imported):"


@dataclass
class OfficialsMapping:
    name: str | None = None
    position: str | None = None
    start: str | None = None
    end: str | None = None
    person_id: str | None = None  # a stable id (Wikidata QID) grouping rows of one person
    country: str | None = None  # column to filter on, for many-country files
    country_value: str | None = None
    birth_date: str | None = None
    gender: str | None = None

    def columns(self) -> list[str]:
        return [
            c
            for c in (
                self.name,
                self.position,
                self.start,
                self.end,
                self.person_id,
                self.country,
                self.birth_date,
                self.gender,
            )
            if c
        ]


def guess_officials_mapping(header: list[str]) -> OfficialsMapping:
    m = OfficialsMapping()
    low = {h: h.casefold().strip() for h in header}

    def pick(*names: str) -> str | None:
        for wanted in names:
            for h, n in low.items():
                if n == wanted:
                    return h
        return None

    m.name = pick("officeholderlabel", "person", "name", "full name", "фио", "имя")
    m.position = pick("positionlabel", "position", "post", "title", "должность")
    m.start = pick("start", "start_year", "start date", "since", "from", "с")
    m.end = pick("end", "end_year", "end date", "until", "to", "по")
    m.person_id = pick("personid", "officeholder", "wikidata", "id")
    m.country = pick("country", "countrylabel", "страна")
    m.birth_date = pick("dob", "birth date", "date of birth", "birthdate", "born", "дата рождения")
    m.gender = pick("gender", "sex", "genderlabel", "пол")
    return m


# Gender as officials lists write it (Wikidata labels, Russian forms) -> our choice.
_GENDERS = {
    "male": "male",
    "m": "male",
    "man": "male",
    "мужской": "male",
    "муж.": "male",
    "м": "male",
    "female": "female",
    "f": "female",
    "woman": "female",
    "женский": "female",
    "жен.": "female",
    "ж": "female",
    "trans woman": "female",
    "trans man": "male",
    "non-binary": "other",
    "intersex": "other",
    "other": "other",
    "другой": "other",
}


def _gender(cell: Any, line: int, skipped: list[Problem]) -> str | None:
    text = str(cell if cell is not None else "").strip()
    if not text:
        return None
    gender = _GENDERS.get(text.casefold())
    if gender is None:
        skipped.append(
            Problem(
                line,
                said(
                    "gender “{text}” not understood; left empty",
                    "пол «{text}» не распознан; оставлен пустым",
                    text=text,
                ),
            )
        )
    return gender


@dataclass
class Post:
    line: int
    position: str | None
    start: str | None
    end: str | None

    @property
    def current(self) -> bool:
        return not self.end


@dataclass
class Person:
    name: str
    person_id: str | None
    posts: list[Post] = field(default_factory=list)
    birth_date: str | None = None
    gender: str | None = None

    def main_post(self) -> Post:
        current = [p for p in self.posts if p.current]
        if current:
            return max(current, key=lambda p: p.start or "")
        return max(self.posts, key=lambda p: (p.end or "", p.start or ""))


@dataclass
class PersonChange:
    """What importing one person does: add a new official, update one, or nothing."""

    person: Person
    action: str  # "add" | "update" | "unchanged"
    record: Official  # the official as it will be stored
    existing: Official | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass
class OfficialsPlan:
    people: list[PersonChange] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for p in self.people if p.action == action)

    def summary(self, lang: str = "en") -> str:
        skipped = len(self.skipped)
        return in_language(
            said(
                "{new} new, {updated} updated, {same} unchanged, {skipped:,} {rows} skipped",
                "новых: {new}, обновлённых: {updated}, без изменений: {same}, "
                "пропущено {skipped:,} {rows}",
                new=self.count("add"),
                updated=self.count("update"),
                same=self.count("unchanged"),
                skipped=skipped,
                rows=Said(en_form(skipped, "row", "rows"), ru_form(skipped, *_RU_ROWS)),
            ),
            lang,
        )


def _date(cell: Any, what: str, line: int, skipped: list[Problem]) -> str | None:
    text = str(cell if cell is not None else "").strip()
    if not text:
        return None
    try:
        return parse_date(text[:10] if "T" in text else text)
    except ValueError:
        skipped.append(
            Problem(
                line,
                said(
                    "{what} “{text}” is not a date; left empty",
                    "{what}: «{text}» — не дата; оставлено пустым",
                    what=_WHAT.get(what, what),
                    text=text,
                ),
            )
        )
        return None


def read_people(
    records: Records, mapping: OfficialsMapping, skipped: list[Problem]
) -> list[Person]:
    """Rows grouped per person (by id when the file has one, else by name)."""
    if mapping.name is None:
        raise TableError(
            said(
                "Choose the column that holds the person's name.",
                "Выберите столбец с именем человека.",
            )
        )
    for col in mapping.columns():
        records.column(col)
    get = {
        k: records.column(v)
        for k, v in dataclasses.asdict(mapping).items()
        if v and k != "country_value"
    }
    wanted_country = (mapping.country_value or "").casefold().strip()
    people: dict[str, Person] = {}
    for row, line in zip(records.rows, records.lines, strict=True):
        if (
            mapping.country
            and wanted_country
            and str(row[get["country"]]).casefold().strip() != wanted_country
        ):
            continue
        name = clean_name(str(row[get["name"]]))
        if not name:
            skipped.append(Problem(line, said("no name", "нет имени")))
            continue
        position = (
            " ".join(str(row[get["position"]]).replace("`", "’").split())
            if "position" in get
            else None
        )
        start = _date(row[get["start"]], "start", line, skipped) if "start" in get else None
        end = _date(row[get["end"]], "end", line, skipped) if "end" in get else None
        if start and end and date_bounds(end)[1] < date_bounds(start)[0]:
            skipped.append(
                Problem(
                    line,
                    said(
                        "end {end} before start {start}; end left empty",
                        "конец {end} раньше начала {start}; конец оставлен пустым",
                        end=end,
                        start=start,
                    ),
                )
            )
            end = None
        pid = str(row[get["person_id"]]).strip() if "person_id" in get else ""
        key = pid or name.casefold()
        person = people.setdefault(key, Person(name, pid or None))
        person.posts.append(Post(line, position or None, start, end))
        # Every row of a person repeats these; the first one given is kept.
        if "birth_date" in get and not person.birth_date:
            person.birth_date = _date(row[get["birth_date"]], "birth date", line, skipped)
        if "gender" in get and not person.gender:
            person.gender = _gender(row[get["gender"]], line, skipped)
    return list(people.values())


def _career(person: Person) -> str:
    lines = [NOTES_HEAD]
    for p in sorted(person.posts, key=lambda p: p.start or ""):
        span = f"{p.start or '?'} – {p.end or 'now'}"
        lines.append(f"- {p.position or '?'} ({span})")
    if person.person_id:
        lines.append(
            f"Wikidata: {person.person_id}"
            if person.person_id.startswith("Q")
            else f"Id: {person.person_id}"
        )
    return "\n".join(lines)


_CAREER_LINE = re.compile(r"^- (?P<position>.+) \((?P<start>[^()]*) – (?P<end>[^()]*)\)$")


def posts_held(official: Official) -> list[Post]:
    """Every post an import listed in the official's notes (see _career), oldest first;
    empty when the notes hold no such list."""
    notes = official.notes or ""
    if not notes.startswith(NOTES_HEAD):
        return []
    posts = []
    for n, line in enumerate(notes.splitlines()[1:], start=1):
        m = _CAREER_LINE.match(line)
        if m:
            posts.append(
                Post(
                    n,
                    None if m["position"] == "?" else m["position"],
                    None if m["start"] == "?" else m["start"],
                    None if m["end"] == "now" else m["end"],
                )
            )
    return sorted(posts, key=lambda p: p.start or "")


def _merge_careers(old: str | None, new: str) -> str:
    """The posts listed by an earlier import and by this one, each once."""
    lines = [NOTES_HEAD]
    for text in (old or "", new):
        for line in text.splitlines()[1:] if text.startswith(NOTES_HEAD) else []:
            undated = line.endswith("(? – now)") and any(
                ln.startswith(line[: -len("(? – now)")] + "(") for ln in lines
            )
            if line not in lines and not undated:
                lines.append(line)
    if old and set(lines) == set(old.splitlines()):
        return old  # nothing new: keep the text as it was
    posts = sorted(ln for ln in lines[1:] if ln.startswith("- "))
    ids = [ln for ln in lines[1:] if not ln.startswith("- ")]
    return "\n".join([NOTES_HEAD, *posts, *ids])


def _less_precise(new: str | None, old: str | None) -> bool:
    """True when `new` is a coarser form of the same date (2003 for 2003-10-31)."""
    return bool(new and old and len(new) < len(old) and old.startswith(new))


def _is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text if c.isalpha())


def plan_officials(
    store: Store,
    dossier: Dossier,
    records: Records,
    mapping: OfficialsMapping,
    *,
    side: str = "host",
    current_only: bool = False,
    progress: Progress | None = None,
    lang: str = "en",
) -> OfficialsPlan:
    """What importing the file would do; nothing is stored. A value no official may
    hold: ValidationError in `lang`."""
    plan = OfficialsPlan()
    people = read_people(records, mapping, plan.skipped)
    if mapping.country and mapping.country_value and not people:
        plan.notes.append(
            said(
                "No row has {column} = {value}.",
                "Ни в одной строке нет {column} = {value}.",
                column=mapping.country,
                value=mapping.country_value,
            )
        )
    index = OfficialIndex(store.officials.list(dossier.id))
    claimed: set[int] = set()
    for n, person in enumerate(people):
        if n % 200 == 0:
            report(progress, n, len(people))
        post = person.main_post()
        if current_only and not post.current:
            continue
        status = "current" if post.current else "former"
        match = index.match(
            person.name, person.name if _is_latin(person.name) else None, person.person_id
        )
        if match is not None and match.id in claimed:
            match = None  # two people of the file on one official: keep both apart
        career = _career(person) if len(person.posts) > 1 or person.person_id else None
        if match is None:
            values = {
                "name": person.name,
                "name_latin": person.name if _is_latin(person.name) else None,
                "position": post.position,
                "start_date": post.start,
                "end_date": post.end,
                "status": status,
                "side": side,
                "country": dossier.name,
                "notes": career,
                "birth_date": person.birth_date,
                "gender": person.gender,
            }
            record = OFFICIAL.make(values, lang, dossier_id=dossier.id)
            plan.people.append(PersonChange(person, "add", record))
            continue
        claimed.add(match.id)  # type: ignore[arg-type]
        new = dataclasses.replace(match)
        wanted = {
            "position": post.position,
            "start_date": post.start,
            "end_date": post.end,
            "status": status,
            "birth_date": person.birth_date,
            "gender": person.gender,
        }
        if not match.name_latin and _is_latin(person.name):
            wanted["name_latin"] = person.name
        if career and (not match.notes or match.notes.startswith(NOTES_HEAD)):
            wanted["notes"] = _merge_careers(match.notes, career)
        if (
            match.position
            and post.position
            and _is_latin(match.position) != _is_latin(post.position)
        ):
            # "Президент Азербайджанской Республики" is not replaced by
            # "President": the user's wording in the dossier's language stays.
            del wanted["position"]
        for name in ("start_date", "end_date", "birth_date"):
            if _less_precise(wanted[name], getattr(match, name)):
                del wanted[name]  # 2003 says nothing new against 2003-10-31
        changes = {}
        for name, value in wanted.items():
            if (value is not None and getattr(match, name) != value) or (
                name == "end_date" and value is None and match.end_date is not None and post.current
            ):
                changes[name] = (getattr(match, name), value)
                setattr(new, name, value)
        OFFICIAL.validate(dataclasses.asdict(new), lang)
        plan.people.append(
            PersonChange(person, "update" if changes else "unchanged", new, match, changes)
        )
    return plan


def store_officials(
    store: Store,
    plan: OfficialsPlan,
    source_id: int | None = None,
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Apply the plan in one transaction; (added, updated). Cancelled through
    `progress`: Cancelled raised, the transaction rolled back."""
    added = updated = 0
    with store.transaction():
        for n, change in enumerate(plan.people):
            if n % 50 == 0:
                report(progress, n, len(plan.people))
            if change.action == "add":
                record = dataclasses.replace(change.record, source_id=source_id)
                store.officials.add(record)
                added += 1
            elif change.action == "update":
                record = change.record
                if record.source_id is None:
                    record = dataclasses.replace(record, source_id=source_id)
                store.officials.update(record)
                updated += 1
    return added, updated
