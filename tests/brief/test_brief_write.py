"""Writing the brief: a failed export leaves the previous file as it was."""

from __future__ import annotations

import os

import pytest

from dossier.brief import BriefOptions, build_brief, write_brief
from dossier.progress import Cancelled


def test_write_brief_writes_a_pdf(sample_store, tmp_path, brief_day) -> None:
    dossier = sample_store.dossiers.list()[0]
    out = write_brief(
        tmp_path / "sub" / "brief.pdf",
        sample_store,
        dossier,
        BriefOptions(generated_on=brief_day, sections=("cover", "scene")),
    )
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.parent.iterdir()] == ["brief.pdf"]


def test_failed_build_leaves_previous_file_intact(
    sample_store, tmp_path, monkeypatch, brief_day
) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"%PDF- the good old brief")
    dossier = sample_store.dossiers.list()[0]

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("chart exploded")

    monkeypatch.setattr("dossier.brief.build.build_pdf", broken)
    with pytest.raises(RuntimeError):
        write_brief(out, sample_store, dossier, BriefOptions(generated_on=brief_day))
    assert out.read_bytes() == b"%PDF- the good old brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_failed_write_leaves_previous_file_intact(
    sample_store, tmp_path, monkeypatch, brief_day
) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"%PDF- the good old brief")
    dossier = sample_store.dossiers.list()[0]

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_brief(
            out, sample_store, dossier, BriefOptions(generated_on=brief_day, sections=("cover",))
        )
    assert out.read_bytes() == b"%PDF- the good old brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_options_reject_bad_choices() -> None:
    with pytest.raises(ValueError, match="paper"):
        BriefOptions(paper="A3")
    with pytest.raises(ValueError, match="language"):
        BriefOptions(lang="de")
    with pytest.raises(ValueError, match="unknown section"):
        BriefOptions(sections=("cover", "gossip"))
    options = BriefOptions(paper="letter", sections=("sources", "cover"))
    assert options.paper == "Letter"
    assert options.sections == ("cover", "sources")  # always in print order


def test_an_empty_dossier_still_gives_a_readable_brief(store, pdf, brief_day) -> None:
    from dossier.brief import build_brief
    from dossier.model import DOSSIER

    d = store.dossiers.add(DOSSIER.make({"code": "ZZ", "name": "Пустоландия"}))
    text = pdf.text(build_brief(store, d, BriefOptions(generated_on=brief_day)))
    assert "Справка: Пустоландия" in text
    assert "Торговых показателей пока нет" in text
    assert "Цели Не подготовлено." in text  # an empty section says so
    assert "Источники не указаны" in text


def test_a_build_stops_when_progress_says_so(sample_store, brief_day) -> None:
    dossier = sample_store.dossiers.list()[0]
    heard: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        heard.append((done, total))
        return done < 5  # the user cancels after five parts are laid out

    with pytest.raises(Cancelled):
        build_brief(sample_store, dossier, BriefOptions(generated_on=brief_day), progress=progress)
    assert heard[-1][0] == 5
    assert heard[-1][1] > 5


def test_progress_reaches_the_end_of_a_whole_build(sample_store, brief_day) -> None:
    dossier = sample_store.dossiers.list()[0]
    heard: list[tuple[int, int]] = []
    data = build_brief(
        sample_store,
        dossier,
        BriefOptions(generated_on=brief_day),
        progress=lambda done, total: heard.append((done, total)) or True,
    )
    assert data.startswith(b"%PDF")
    assert heard[-1][0] == heard[-1][1] > 0
    assert data == build_brief(sample_store, dossier, BriefOptions(generated_on=brief_day))


def test_a_rebuild_for_another_title_reuses_the_chart_and_a_new_figure_redraws_it(
    sample_store, brief_day, monkeypatch
) -> None:
    from dossier.brief import economy
    from dossier.model import TRADE

    drawn: list[int] = []
    real = economy.trade_chart

    def counting(trade, *args, **kwargs):
        drawn.append(len(trade.values))  # the years and flows charted
        return real(trade, *args, **kwargs)

    monkeypatch.setattr(economy, "trade_chart", counting)
    monkeypatch.setattr(economy, "_CHARTS", {})
    dossier = sample_store.dossiers.list()[0]
    first = build_brief(sample_store, dossier, BriefOptions(generated_on=brief_day))
    build_brief(sample_store, dossier, BriefOptions(generated_on=brief_day, title="Визит"))
    assert drawn == [2]
    sample_store.trade.add(
        TRADE.make(
            {
                "period_start": "2011",
                "period_end": "2011",
                "flow": "turnover",
                "amount": 100,
                "currency": "USD",
                "unit_scale": "1000000",
            },
            dossier_id=dossier.id,
        )
    )
    again = build_brief(sample_store, dossier, BriefOptions(generated_on=brief_day))
    assert drawn == [2, 3]
    assert again != first
