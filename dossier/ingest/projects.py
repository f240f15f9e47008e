"""Organisations and industrial projects: companies, what they assemble or supply,
how many ("80 экскаваторов") and by when ("до конца года").

Titles are built from the text's own words after a noun that governs the
genitive, so they stay grammatical: "сборка белорусских тракторов" -> "Сборка
белорусских тракторов в Азербайджане", "о создании совместной структуры" ->
"Создание совместной структуры".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from dossier.ingest.capture.countries import country_in
from dossier.ingest.capture.nlp import Entity
from dossier.ingest.capture.periods import find_deadline
from dossier.ingest.capture.types import OrganisationCandidate, ProjectCandidate, Span
from dossier.ingest.money import _WORD_NUMBERS

_COMPANY_CUE = re.compile(
    r"\b(?:компани[яиюей]|завод\w*|предприяти\w+|холдинг\w*|концерн\w*|корпораци\w+|"
    r"производител\w+|ОАО|ЗАО|ООО|АО|ПАО|ОДО|СП|company|firm|maker|manufacturer)\s+"
    r"(?:[\w-]+\s+){0,4}?[«\"“](?P<name>[^»\"”\n]{2,40})[»\"”]",
    re.IGNORECASE,
)
_EN_COMPANY = re.compile(
    r"\b(?P<name>[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){0,3})\s+(?:Ltd|LLC|JSC|OJSC|Inc\.?|Corp\.?|"
    r"Corporation|Group|Holding|plc)\b"
)
# Organisations natasha finds that are not worth a candidate.
_NOT_ORGS = {"сми", "пресс-служба", "пресс-службе", "ооо", "оао"}
_ASSEMBLY = re.compile(
    r"\b(?:сборк[аиуео]й?|assembly\s+of|assembles?)\s+(?P<items>[^.;:!?]+)", re.IGNORECASE
)
_IN_PLACE = re.compile(r"\b[Вв]\s+(?P<place>[А-ЯЁ][а-яё]+(?:е|и))\b|\bin\s+(?P<en>[A-Z][a-z]+)\b")
_SUPPLY = re.compile(
    r"\b(?:постав\w+|закуп\w+|отгруз\w+|отгруж\w+|suppl\w+|deliver\w*|"
    r"ship\w*)\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    rf"\b(?P<num>\d+(?:[ \u00a0]\d{{3}})*|{'|'.join(_WORD_NUMBERS)})\s+"
    r"(?P<unit>[а-яёa-z]{4,}(?:\s+[а-яёa-z]{4,})?)",
    re.IGNORECASE,
)
_NOT_UNITS = re.compile(
    r"^(?:лет|год\w*|раз\w*|процент\w*|млн|млрд|тысяч\w*|миллион\w*|миллиард\w*|месяц\w*|"
    r"дн[яей]\w*|недел\w*|человек\w*|представител\w*|долл\w*|евро|рубл\w*|years?|months?|"
    r"days?|times|percent|million|billion|thousand|dollars?|people)$",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"\bпоставк\w+\s+(?:\w+\s+){0,2}?(?P<purpose>для\s+[а-яё]+)", re.IGNORECASE)
_JOINT = re.compile(
    r"\b(?:создани[еяию]|create|creating|set\s+up|setting\s+up)\s+(?:в\s+[А-ЯЁ]\w+\s+)?"
    r"(?:of\s+)?(?:an?\s+)?[«\"“]?(?P<obj>совместн\w+\s+(?:предприяти\w+|структур\w+|"
    r"компани\w+|производств\w+)|joint\s+(?:venture|company|enterprise))",
    re.IGNORECASE,
)
_ONGOING = re.compile(
    r"\b(?:осуществляется|ведется|ведётся|налажен\w*|производится|"
    r"собира(?:ют|ется)|is\s+under\s+way|are\s+assembled|is\s+assembled)\b",
    re.IGNORECASE,
)
_SPLIT_ITEMS = re.compile(r",\s*|\s+и\s+|\s+and\s+")


def organisations(
    text: str, entities: Sequence[Entity], publisher: str | None, lang: str
) -> list[OrganisationCandidate]:
    """Companies and other organisations, each once (first mention)."""
    found: dict[str, OrganisationCandidate] = {}

    def add(name: str, span: Span, confidence: float) -> None:
        key = name.lower()
        if key in _NOT_ORGS or (publisher and key in publisher.lower()):
            return
        if key in found:
            found[key].confidence = max(found[key].confidence, confidence)
        else:
            found[key] = OrganisationCandidate(name, span, confidence)

    for m in _COMPANY_CUE.finditer(text):
        add(m["name"].strip(), (m.start("name"), m.end("name")), 0.9)
    if lang == "en":
        for m in _EN_COMPANY.finditer(text):
            add(m.group(), (m.start(), m.end()), 0.7)
    for entity in entities:
        if entity.kind == "ORG":
            add(entity.normal, (entity.start, entity.stop), 0.6)
    return sorted(found.values(), key=lambda o: o.span)


Agree = Callable[[str, str], str]


def projects(
    text: str,
    sentences: Sequence[Span],
    orgs: Sequence[OrganisationCandidate],
    ref: dt.date | None,
    agree: Agree | None = None,
) -> list[ProjectCandidate]:
    """Assembly, supply and joint-venture projects. `agree(adjective, noun)` inflects
    a carried-over adjective to fit the next item (Russian)."""
    found: list[ProjectCandidate] = []
    for start, end in sentences:
        sentence = text[start:end]
        found += _assembly(sentence, start, agree or (lambda adjective, _noun: adjective))
        found += _supply(sentence, start, orgs, ref)
        found += _joint(sentence, start)
    return found


def _place(sentence: str) -> str | None:
    m = _IN_PLACE.search(sentence)
    if m and country_in(m.group()):
        return m.group().strip()[:1].lower() + m.group().strip()[1:]
    return None


def _assembly(sentence: str, offset: int, agree: Agree) -> list[ProjectCandidate]:
    m = _ASSEMBLY.search(sentence)
    if not m:
        return []
    place = _place(sentence)
    status = "in_progress" if _ONGOING.search(sentence) else "proposed"
    head = "Сборка" if re.match(r"сборк", m.group(), re.IGNORECASE) else "Assembly of"
    found, origin, pos = [], "", m.start("items")
    for item in _SPLIT_ITEMS.split(m["items"]):
        item_start = sentence.index(item, pos) if item else pos
        pos = item_start + len(item)
        words = item.split()
        if not words:
            continue
        first_country = country_in(words[0])
        if first_country and len(words) > 1:
            origin = words[0]  # "белорусских": carried to the items that follow
            words = words[1:]
        lead = [agree(origin, " ".join(words))] if origin else []
        title = " ".join([head, *lead, *words, *([place] if place and place not in item else [])])
        found.append(
            ProjectCandidate(
                title=title,
                project_kind="assembly",
                status=status,
                location=_russian_place(place),
                description=sentence.strip(),
                span=(offset + item_start, offset + pos),
                confidence=0.8,
            )
        )
    return found


def _supply(
    sentence: str, offset: int, orgs: Sequence[OrganisationCandidate], ref: dt.date | None
) -> list[ProjectCandidate]:
    if not _SUPPLY.search(sentence):
        return []
    found = []
    for m in _QUANTITY.finditer(sentence):
        unit = m["unit"].split()
        if _NOT_UNITS.match(unit[0]):
            continue
        # Keep one noun unless the second word continues it ("грузовых автомобилей").
        unit_text = (
            unit[0]
            if len(unit) == 1 or not unit[0].endswith(("ых", "их", "ой"))
            else " ".join(unit)
        )
        raw = m["num"].replace(" ", "").replace("\u00a0", "")
        quantity = int(raw) if raw.isdigit() else int(_WORD_NUMBERS[raw.lower()])
        partner = next((o.name for o in orgs if offset <= o.span[0] < offset + len(sentence)), None)
        purpose = _PURPOSE.search(sentence)
        deadline = find_deadline(sentence, ref, offset)
        english = unit_text.isascii()
        title = ("Supply of " if english else "Поставка ") + unit_text
        if partner:
            title += f" ({partner})" if english else f" «{partner}»"
        if purpose:
            title += f" {purpose['purpose']}"
        place = _place(sentence)
        found.append(
            ProjectCandidate(
                title=title,
                project_kind="supply",
                partner=partner,
                quantity=quantity,
                quantity_unit=unit_text,
                due_date=deadline[0] if deadline else None,
                status="agreed" if deadline else "proposed",
                location=_russian_place(place),
                description=sentence.strip(),
                span=(offset + m.start(), offset + m.end()),
                confidence=0.8 if partner else 0.6,
            )
        )
    return found


def _joint(sentence: str, offset: int) -> list[ProjectCandidate]:
    m = _JOINT.search(sentence)
    if not m:
        return []
    obj = m["obj"]
    english = obj.isascii()
    place = _place(sentence)
    title = (
        f"Joint venture{' ' + place if place else ''}"
        if english
        else f"Создание {obj}{' ' + place if place else ''}"
    )
    return [
        ProjectCandidate(
            title=title,
            project_kind="joint_venture",
            status="proposed",
            location=_russian_place(place),
            description=sentence.strip(),
            span=(offset + m.start(), offset + m.end()),
            confidence=0.7,
        )
    ]


def _russian_place(place: str | None) -> str | None:
    """The Russian name of the country a place names, if it names one."""
    country = country_in(place) if place else None
    return country.ru if country else None
