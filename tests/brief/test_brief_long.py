"""Long dossiers: tables split across pages and repeat their header row."""

from __future__ import annotations

from dossier.brief import BriefOptions, build_brief
from dossier.model import DOSSIER, PROJECT, SOURCE, TRADE


def test_long_tables_repeat_their_header_on_every_page(store, pdf, brief_day) -> None:
    d = store.dossiers.add(
        DOSSIER.make({"code": "ZZ", "name": "Тестландия", "classification": "RESTRICTED"})
    )
    src = store.sources.add(SOURCE.make({"kind": "report", "title": "Доклад"}, dossier_id=d.id))
    with store.transaction():
        for year in range(1980, 2025):
            store.trade.add(
                TRADE.make(
                    {
                        "period_start": str(year),
                        "period_end": str(year),
                        "flow": "export",
                        "amount": year - 1900,
                        "currency": "USD",
                        "unit_scale": "1000000",
                        "note": f"Год {year}",
                        "source_id": src.id,
                    },
                    dossier_id=d.id,
                )
            )
        for i in range(40):
            store.projects.add(
                PROJECT.make(
                    {
                        "title": f"Проект №{i}",
                        "kind": "supply",
                        "status": "agreed",
                        "description": "Описание. " * 12,
                        "source_id": src.id,
                    },
                    dossier_id=d.id,
                )
            )
    data = build_brief(
        # Complete: every figure listed (a limited brief sums them up instead).
        store,
        d,
        BriefOptions(generated_on=brief_day, sections=("trade", "projects")).complete(),
    )
    pages = pdf.pages(data)
    trade_pages = [p for p in pages if "Год " in p]
    project_pages = [p for p in pages if "Проект №" in p]
    assert len(trade_pages) >= 2
    assert len(project_pages) >= 2
    for page in trade_pages:
        assert "Период Поток Сумма" in page
    for page in project_pages:
        assert "Проект Ист." in page
    text = " ".join(pages)
    assert all(f"Год {year}" in text for year in range(1980, 2025))
    assert all(f"Проект №{i} " in text for i in range(40))
    assert all(page.count("RESTRICTED") >= 2 for page in pages)
