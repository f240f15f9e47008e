"""The bundled sample dossier holds every fact of the Baku wire report, citing it."""

from __future__ import annotations

import pytest

from dossier.model import ENTITIES, Dossier
from dossier.paths import resource
from dossier.store import Store


@pytest.fixture
def az(sample_store: Store) -> Dossier:
    return sample_store.find_dossier("AZ")


def test_dossier_header(az: Dossier) -> None:
    assert (az.code, az.name, az.name_en, az.home_country) == (
        "AZ",
        "Азербайджан",
        "Azerbaijan",
        "Беларусь",
    )
    assert az.classification == "ДСП"
    assert "223,3" in az.summary


def test_the_article_is_the_source(sample_store: Store, az: Dossier) -> None:
    (source,) = sample_store.sources.list(az.id)
    article = resource("samples", "article_baku_visit_ru.txt").read_text(encoding="utf-8")
    assert source.body == article
    assert source.publisher == "ИТАР-ТАСС"
    assert source.language == "ru"
    assert "Лукашенко" in source.title


def test_every_fact_cites_the_article(sample_store: Store, az: Dossier) -> None:
    (source,) = sample_store.sources.list(az.id)
    facts = sample_store.citing(source.id)
    assert len(facts) == 3 + 4 + 9 + 5 + 1
    for spec in ("official", "trade", "project", "talking_point"):
        repo = sample_store.repo(ENTITIES[spec])
        assert all(r.source_id == source.id for r in repo.list(az.id)), spec


def test_officials(sample_store: Store, az: Dossier) -> None:
    people = {o.name: o for o in sample_store.officials.list(az.id)}
    assert people["Александр Лукашенко"].position == "Президент Республики Беларусь"
    assert people["Александр Лукашенко"].side == "home"
    assert people["Александр Лукашенко"].name_latin == "Alexander Lukashenko"
    assert people["Ильхам Алиев"].position == "Президент Азербайджанской Республики"
    assert people["Ильхам Алиев"].side == "host"
    assert people["Ильхам Алиев"].name_latin == "Ilham Aliyev"
    assert people["Николай Пацкевич"].position == "Посол Республики Беларусь в Азербайджане"
    assert people["Николай Пацкевич"].side == "home"
    assert people["Николай Пацкевич"].name_latin == "Nikolai Patskevich"


def test_trade_figures(sample_store: Store, az: Dossier) -> None:
    figs = sample_store.trade.list(az.id)
    as_tuples = {
        (
            f.period_start,
            f.period_end,
            f.flow,
            f.amount,
            f.growth_factor,
            f.base_start,
            f.currency,
            f.unit_scale,
        )
        for f in figs
    }
    assert (
        "2012-01-01",
        "2012-12-31",
        "turnover",
        223.3,
        None,
        None,
        "USD",
        "1000000",
    ) in as_tuples
    assert (
        "2012-01-01",
        "2012-12-31",
        "turnover",
        None,
        6.0,
        "2006-01-01",
        "USD",
        "1000000",
    ) in as_tuples
    assert (
        "2013-01-01",
        "2013-09-30",
        "turnover",
        216.0,
        None,
        None,
        "USD",
        "1000000",
    ) in as_tuples
    assert (
        "2013-01-01",
        "2013-09-30",
        "export",
        None,
        1.6,
        "2012-01-01",
        "USD",
        "1000000",
    ) in as_tuples


def test_projects(sample_store: Store, az: Dossier) -> None:
    projects = sample_store.projects.list(az.id)
    assembly = " ".join(p.title for p in projects if p.kind == "assembly")
    for product in (
        "тракторов",
        "грузовых автомобилей",
        "коммунальной техники",
        "оптического оборудования",
        "светильников",
        "лифтов",
    ):
        assert product in assembly
    (amkodor,) = [p for p in projects if p.home_partner == "Амкодор"]
    assert (amkodor.quantity, amkodor.quantity_unit, amkodor.due_date, amkodor.status) == (
        80,
        "экскаваторов",
        "2013-12-31",
        "in_progress",
    )
    joint = next(p for p in projects if p.kind == "joint_venture")
    assert "производство" in joint.description
    assert joint.status == "proposed"
    assert any("сельского хозяйства" in p.title and p.status == "proposed" for p in projects)


def test_talking_points(sample_store: Store, az: Dossier) -> None:
    points = sample_store.talking_points.list(az.id)
    texts = " | ".join(p.text for p in points)
    assert "нарастить объёмы торгово-экономического сотрудничества" in texts
    assert "производственную кооперацию" in texts
    assert "подписание ряда двусторонних документов" in texts
    assert "нет закрытых тем" in texts
    assert "от военно-технического сотрудничества до вопросов энергетики" in texts
    assert [p.position for p in points] == [1, 2, 3, 4, 5]
    assert any(not p.releasable for p in points)


def test_the_visit_event(sample_store: Store, az: Dossier) -> None:
    (event,) = sample_store.events.list(az.id)
    assert event.place == "Баку"
    assert "Двухдневный визит" in event.title
