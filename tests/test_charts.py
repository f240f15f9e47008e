"""The trade chart as a reader sees it: bars per period, partial years distinct, notes."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from dossier.charts import chart_scale, drawn_bars, growth_note, trade_chart
from dossier.model import TRADE, TradeFigure


def _figure(
    start: str, end: str, flow: str = "turnover", amount: float | None = None, **values: object
) -> TradeFigure:
    return TRADE.make(
        {
            "period_start": start,
            "period_end": end,
            "flow": flow,
            "amount": amount,
            "currency": "USD",
            "unit_scale": "1000000",
            **values,
        }
    )


def _bars(fig):
    return [b for b in drawn_bars(fig) if b.height > 0]


def _texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        out += [t.get_text() for t in ax.get_xticklabels()]
        out.append(ax.get_ylabel())
        out.append(ax.get_title(loc="left"))
        legend = ax.get_legend()
        if legend:
            out += [t.get_text() for t in legend.get_texts()]
    return out


def _render(fig) -> bytes:
    # Rendering is where a missing glyph would warn (pytest turns warnings into errors).
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=60)
    return buf.getvalue()


def test_sample_figures_give_one_bar_per_amount_with_growth_as_notes(sample_store) -> None:
    dossier = sample_store.dossiers.list()[0]
    fig = trade_chart(sample_store.trade.list(dossier.id), "ru")
    assert len(_bars(fig)) == 2  # 223,3 (2012) and 216 (Jan–Sep 2013); growth is not a bar
    texts = _texts(fig)
    assert "223,3 млн" in texts
    assert "216 млн" in texts
    assert "2012" in texts
    assert "• Заштриховано: янв.–сент. 2013" in texts  # the partial period is named
    assert "• Товарооборот ×6, 2006–2012" in texts
    assert any(t.startswith("• Экспорт ×1,6") for t in texts)
    assert any("млн долл. США" in t for t in texts)  # as a Russian text writes it
    assert _render(fig).startswith(b"\x89PNG")


def test_partial_year_is_hatched_and_lighter_than_a_whole_year() -> None:
    fig = trade_chart(
        [_figure("2012", "2012", amount=223.3), _figure("2013-01", "2013-09", amount=216)], "en"
    )
    whole, partial = _bars(fig)
    assert not whole.hatched
    assert partial.hatched
    assert partial.alpha < whole.alpha
    texts = _texts(fig)
    assert "• Hatched: Jan–Sep 2013" in texts
    assert "estimate or part of a year" in texts


def test_amounts_in_different_scales_share_one_axis() -> None:
    fig = trade_chart(
        [
            _figure("2011", "2011", amount=150_000, unit_scale="1000"),
            _figure("2012", "2012", amount=0.2, unit_scale="1000000000"),
        ],
        "en",
    )
    heights = sorted(round(b.height, 3) for b in _bars(fig))
    assert heights == [150.0, 200.0]
    assert fig.axes[0].get_ylabel() == "USD million"


def test_flows_are_grouped_by_period_with_a_legend() -> None:
    figures = [
        _figure(str(y), str(y), flow, amount=a)
        for y in (2010, 2011, 2012)
        for flow, a in (("turnover", 300), ("export", 200), ("import", 100))
    ]
    fig = trade_chart(figures, "en")
    assert len(_bars(fig)) == 9
    assert {"Turnover", "Exports", "Imports"} <= set(_texts(fig))
    _render(fig)


def test_empty_list_says_so_instead_of_an_empty_axis() -> None:
    fig = trade_chart([], "en")
    assert "No trade figures yet" in _texts(fig)
    assert not _bars(fig)
    assert not fig.axes[0].axison
    assert "Торговых показателей пока нет" in _texts(trade_chart([], "ru"))


def test_growth_only_figures_still_show_their_notes() -> None:
    fig = trade_chart(
        [_figure("2012", "2012", growth_factor=6, base_start="2006", base_end="2006")], "en"
    )
    texts = _texts(fig)
    assert "• Turnover ×6, 2006–2012" in texts
    assert "No amounts to chart" in texts


def test_other_currencies_are_counted_not_mixed() -> None:
    fig = trade_chart(
        [
            _figure("2012", "2012", amount=10, currency="USD"),
            _figure("2013", "2013", amount=11, currency="USD"),
            _figure("2013", "2013", amount=9, currency="EUR"),
        ],
        "en",
    )
    assert len(_bars(fig)) == 2
    assert any("1 figure in another currency not shown" in t for t in _texts(fig))


def test_cyrillic_and_azerbaijani_latin_render_without_missing_glyphs() -> None:
    fig = trade_chart([_figure("2012", "2012", amount=1, note="Şəki ğ ı ə")], "ru")
    fig.text(0.5, 0.5, "Əliyev, Şəki, Gəncə — Товарооборот")
    _render(fig)  # a missing glyph would raise here (warnings are errors)


@pytest.mark.parametrize(
    ("base", "period", "expected"),
    [
        (("2006", "2006"), ("2012", "2012"), "Turnover ×6, 2006–2012"),
        (
            ("2012-01", "2012-09"),
            ("2013-01", "2013-09"),
            "Turnover ×6, Jan–Sep 2013 vs Jan–Sep 2012",
        ),
        ((None, None), ("2013", "2013"), "Turnover ×6, 2013"),
    ],
)
def test_growth_note_wording(base, period, expected) -> None:
    fig = _figure(*period, growth_factor=6, base_start=base[0], base_end=base[1])
    assert growth_note(fig, "en") == expected


def test_scale_is_the_largest_that_keeps_values_above_one() -> None:
    assert chart_scale([223_300_000]).label == "million"
    assert chart_scale([999], "ru").label == "единиц"
    assert chart_scale([]).factor == 1


def test_importing_the_module_does_not_import_matplotlib() -> None:
    code = "import sys, dossier.charts; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_many_periods_get_round_year_labels_that_fit() -> None:
    figures = [_figure(str(y), str(y), amount=y - 1950) for y in range(1960, 2020)]
    fig = trade_chart(figures, "en")
    labels = [t for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert len(_bars(fig)) == 20  # the latest twenty years; the rest are in the table
    assert "• From 2000; 1960–1999 in the table" in _texts(fig)
    # Every second year on a twenty-year axis, upright never needed.
    assert [t.get_text() for t in labels] == [str(y) for y in range(2000, 2020, 2)]
    assert all(t.get_rotation() == 0 for t in labels)
    fig.draw_without_rendering()  # labels stay inside the figure
    assert min(t.get_window_extent().y0 for t in labels) >= 0
