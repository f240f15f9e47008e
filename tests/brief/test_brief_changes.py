"""What changed since the last brief: facts recorded per written brief, compared (issue 19)."""

from __future__ import annotations

import dataclasses
import re

from dossier.brief.changes import brief_facts, compare, describe
from dossier.model import OFFICIAL, TRADE
from dossier.store import Store


def test_the_facts_of_a_brief_are_kept_and_found_again(sample_store: Store) -> None:
    dossier = sample_store.find_dossier("AZ")
    facts = brief_facts(sample_store, dossier)
    assert any(
        kind == "figure" and "223,3 млн долл. США" in describe(kind, values, "ru")
        for kind, values in facts.values()
    )
    assert sample_store.briefs.find(dossier.id, "last") is None
    sample_store.briefs.record(dossier.id, "2013-11-20", "ru", facts)
    sample_store.briefs.record(dossier.id, "2013-11-27", "ru", {})
    assert sample_store.briefs.find(dossier.id, "last").written_on == "2013-11-27"
    found = sample_store.briefs.find(dossier.id, "2013-11-25")
    assert found.written_on == "2013-11-20"
    assert found.facts == {k: tuple(v) for k, v in facts.items()}
    assert sample_store.briefs.find(dossier.id, "2013-01-01") is None


def test_exactly_what_changed_is_listed(sample_store: Store) -> None:
    dossier = sample_store.find_dossier("AZ")
    before = brief_facts(sample_store, dossier)
    figure = next(f for f in sample_store.trade.list(dossier.id) if f.amount == 223.3)
    sample_store.trade.update(dataclasses.replace(figure, amount=230.1))
    official = sample_store.officials.list(dossier.id)[0]
    sample_store.officials.update(dataclasses.replace(official, position="Премьер-министр"))
    sample_store.trade.add(
        TRADE.make(
            {
                "period_start": "2014",
                "period_end": "2014",
                "flow": "export",
                "amount": "99",
                "currency": "USD",
                "unit_scale": "1000000",
            },
            dossier_id=dossier.id,
        )
    )
    point = sample_store.talking_points.list(dossier.id)[0]
    sample_store.talking_points.delete(point.id)
    sample_store.officials.add(
        OFFICIAL.make(
            {
                "name": "Самир Шарифов",
                "position": "Министр финансов",
                "side": "host",
                "status": "current",
            },
            dossier_id=dossier.id,
        )
    )
    changes = compare(before, brief_facts(sample_store, dossier), "2013-11-20")
    assert changes.count() == 5

    def en(kind: str, values) -> str:  # type: ignore[no-untyped-def]
        return describe(kind, values, "en")

    assert [en("figure", a) for a, b in changes.changed["figure"]] == [
        "Turnover BY–AZ, 2012: USD 223.3 million"
    ]
    assert (
        en("figure", changes.changed["figure"][0][1]) == "Turnover BY–AZ, 2012: USD 230.1 million"
    )
    assert "Премьер-министр" in describe("official", changes.changed["official"][0][1], "ru")
    assert [en("figure", v) for v in changes.added["figure"]] == [
        "Exports BY–AZ, 2014: USD 99 million"
    ]
    assert describe("official", changes.added["official"][0], "ru").startswith(
        "Самир Шарифов — Министр финансов"
    )
    assert len(changes.removed["point"]) == 1


def test_nothing_changed_is_an_empty_comparison(sample_store: Store) -> None:
    dossier = sample_store.find_dossier("AZ")
    facts = brief_facts(sample_store, dossier)
    assert not compare(facts, brief_facts(sample_store, dossier), "2013-11-20")


def test_the_second_brief_lists_exactly_what_changed(
    store_file,
    tmp_path,
    pdf,  # type: ignore[no-untyped-def]
) -> None:
    from dossier.cli import main
    from dossier.store import open_store

    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    argv = ["--store", str(store_file), "brief", "AZ", "--lang", "en"]
    assert main([*argv, "--out", str(first), "--date", "2013-11-20"]) == 0
    assert "Changed since" not in pdf.text(first.read_bytes())  # nothing to compare with
    store = open_store(store_file)
    dossier = store.find_dossier("AZ")
    figure = next(f for f in store.trade.list(dossier.id) if f.amount == 223.3)
    store.trade.update(dataclasses.replace(figure, amount=230.1))
    store.officials.add(
        OFFICIAL.make(
            {
                "name": "Samir Sharifov",
                "position": "Minister of Finance",
                "side": "host",
                "status": "current",
            },
            dossier_id=dossier.id,
        )
    )
    store.close()
    assert main([*argv, "--out", str(second), "--date", "2013-11-27"]) == 0
    text = " ".join(pdf.text(second.read_bytes()).split())
    assert "Changed since the brief of 20 November 2013" in text
    assert (
        "Now: Turnover BY–AZ, 2012: USD 230.1 million (was: Turnover BY–AZ, 2012: USD 223.3" in text
    )
    assert "New: Samir Sharifov — Minister of Finance" in text
    assert text.count("Now:") + text.count("New:") + text.count("Removed:") == 2
    # --since none leaves the comparison out.
    assert main([*argv, "--out", str(second), "--since", "none"]) == 0
    assert "Changed since" not in pdf.text(second.read_bytes())


def test_a_russian_brief_then_an_english_one_list_only_what_changed(
    store_file,
    tmp_path,
    pdf,  # type: ignore[no-untyped-def]
) -> None:
    """Facts are compared, not printed text: the language of the briefs changes nothing."""
    from dossier.cli import main
    from dossier.store import open_store

    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    argv = ["--store", str(store_file), "brief", "AZ"]
    assert main([*argv, "--out", str(first), "--date", "2013-11-20"]) == 0
    store = open_store(store_file)
    dossier = store.find_dossier("AZ")
    official = next(o for o in store.officials.list(dossier.id) if o.side == "host")
    store.officials.update(
        dataclasses.replace(official, position="Глава государства", position_en="Head of State")
    )
    point = store.talking_points.list(dossier.id)[0]
    store.talking_points.update(dataclasses.replace(point, text_en="A new English wording."))
    store.close()
    assert main([*argv, "--lang", "en", "--out", str(second), "--date", "2013-11-27"]) == 0
    text = " ".join(pdf.text(second.read_bytes()).split())
    assert "Changed since the brief of 20 November 2013" in text
    assert text.count("Now:") + text.count("New:") + text.count("Removed:") == 1
    now = text[text.index("Now:") :]
    assert now.startswith("Now:")
    assert "— Head of State (host side)" in now  # in English, both sides
    assert "(was:" in now
    assert "(host side))" in now
    changes = text[text.index("Changed since the brief of 20") : text.index("Now:") + 300]
    assert not re.search("[а-яА-Я]", changes)  # the Russian brief's facts print in English


def test_a_brief_recorded_as_printed_text_is_still_compared(sample_store: Store) -> None:
    """Records written before facts were kept as values hold the printed text."""
    dossier = sample_store.find_dossier("AZ")
    now = brief_facts(sample_store, dossier)
    old = {key: (kind, describe(kind, values, "ru")) for key, (kind, values) in now.items()}
    assert not compare(old, now, "2013-11-20", "ru")
    figure = next(k for k, (kind, _v) in now.items() if kind == "figure")
    old[figure] = ("figure", "Товарооборот BY–AZ, 2012: 1 млн долл. США")
    changes = compare(old, now, "2013-11-20", "ru")
    assert changes.count() == 1
    assert changes.changed["figure"][0][0] == "Товарооборот BY–AZ, 2012: 1 млн долл. США"
