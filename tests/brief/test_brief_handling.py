"""Issue 18 item 1: the releasable brief leaves out every background-only record and
every internal annotation, and prints its own marking."""

from __future__ import annotations

from dossier.brief import BriefOptions, build_brief
from dossier.fields import Kind
from dossier.model import DOSSIER, EVENT, OFFICIAL, PROJECT, SOURCE, TALKING_POINT

TEXT_KINDS = (Kind.TEXT, Kind.LONGTEXT)


def _planted(spec, tag: str) -> dict[str, str]:
    """A marker in every text field of a record: 'BGPROJECTTITLE', ..."""
    return {
        f.name: f"BG{tag}{f.name.replace('_', '').upper()}"
        for f in spec.fields
        if f.kind in TEXT_KINDS and not f.max_length  # not a currency code
    }


def _dossier(store):
    d = store.dossiers.add(
        DOSSIER.make(
            {
                "code": "ZZ",
                "name": "Тестландия",
                "classification": "СЕКРЕТНО",
                "release_marking": "ДЛЯ ПАРТНЁРОВ",
            }
        )
    )
    did = d.id
    open_src = store.sources.add(
        SOURCE.make({"kind": "report", "title": "Открытый доклад"}, dossier_id=did)
    )
    bg_src = store.sources.add(
        SOURCE.make(
            {**_planted(SOURCE, "SRC"), "kind": "report", "handling": "background"}, dossier_id=did
        )
    )
    host = store.officials.add(
        OFFICIAL.make(
            {
                "name": "Открытый Министр",
                "position": "Министр",
                "side": "host",
                "status": "current",
                "notes": "INTERNALNOTE",
                "last_verified": "2026-01",
                "source_id": open_src.id,
            },
            dossier_id=did,
        )
    )
    store.officials.add(
        OFFICIAL.make(
            {
                **_planted(OFFICIAL, "OFF"),
                "side": "host",
                "status": "current",
                "handling": "background",
                "source_id": bg_src.id,
            },
            dossier_id=did,
        )
    )
    store.projects.add(
        PROJECT.make(
            {
                **_planted(PROJECT, "PRJ"),
                "kind": "other",
                "status": "agreed",
                "handling": "background",
                "source_id": bg_src.id,
            },
            dossier_id=did,
        )
    )
    store.projects.add(
        PROJECT.make(
            {"title": "Открытый проект", "kind": "other", "status": "agreed"}, dossier_id=did
        )
    )
    store.events.add(
        EVENT.make({**_planted(EVENT, "EVT"), "handling": "background"}, dossier_id=did)
    )
    store.events.add(
        EVENT.make(
            {"title": "Открытые переговоры", "start_date": "2026-11-25", "notes": "INTERNALEVT"},
            dossier_id=did,
        )
    )
    for kind in ("objective", "key_message", "background"):
        store.talking_points.add(
            TALKING_POINT.make(
                {
                    **_planted(TALKING_POINT, "PT" + kind.upper()),
                    "kind": kind,
                    "releasable": False,
                    "status": "approved",
                },
                dossier_id=did,
            )
        )
    store.talking_points.add(
        TALKING_POINT.make(
            {
                "kind": "key_message",
                "text": "Открытый тезис.",
                "releasable": True,
                "priority": 1,
                "audience_id": host.id,
                "status": "approved",
            },
            dossier_id=did,
        )
    )
    return d


def test_releasable_brief_has_no_background_record_nor_internal_note(store, pdf, brief_day) -> None:
    d = _dossier(store)
    full = pdf.text(build_brief(store, d, BriefOptions(generated_on=brief_day)))
    pages = pdf.pages(
        build_brief(store, d, BriefOptions(generated_on=brief_day, include_background=False))
    )
    text = " ".join(pages)
    markers = [
        value
        for spec, tag in (
            (SOURCE, "SRC"),
            (OFFICIAL, "OFF"),
            (PROJECT, "PRJ"),
            (EVENT, "EVT"),
            *(
                (TALKING_POINT, "PT" + k.upper())
                for k in ("OBJECTIVE", "KEY_MESSAGE", "BACKGROUND")
            ),
        )
        for value in _planted(spec, tag).values()
    ]
    assert len(markers) > 30
    # The full brief prints the background records (so the markers can be found) ...
    assert sum(m in full for m in markers) >= 20
    # ... the releasable one none of them, nor any internal annotation.
    assert [m for m in markers if m in text] == []
    for internal in ("INTERNALNOTE", "INTERNALEVT", "Приоритет", "Для кого", "Проверено"):
        assert internal in full
        assert internal not in text
    for kept in ("Открытый Министр", "Открытый проект", "Открытые переговоры", "Открытый тезис"):
        assert kept in text
    # Its own marking on every page, never the internal classification.
    assert all(page.count("ДЛЯ ПАРТНЁРОВ") >= 2 for page in pages)
    assert "СЕКРЕТНО" not in text
    assert "СЕКРЕТНО" in full


def test_release_marking_can_be_given(store, pdf, brief_day) -> None:
    d = _dossier(store)
    options = BriefOptions(
        generated_on=brief_day, include_background=False, release_marking="UNCLASSIFIED"
    )
    pages = pdf.pages(build_brief(store, d, options))
    assert all(page.count("UNCLASSIFIED") >= 2 for page in pages)


def test_sample_marks_the_joint_structure_project_background(sample_briefs, pdf) -> None:
    full = pdf.text(sample_briefs())
    releasable = pdf.text(sample_briefs(include_background=False))
    for words in ("Совместная структура", "совместной структуры", "Пацкевич)"):
        assert words in full
        assert words not in releasable
    assert "Для передачи" in releasable  # the sample's release marking
    assert "не проверено" not in releasable
    assert "Приоритет" not in releasable
