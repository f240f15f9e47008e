"""The scene-setter in the dossier's header (issue 21, start-up: its text is laid
out once per width, not at every question of the window's layouts)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from dossier.ui.header import DossierHeader
from dossier.ui.main_window import MainWindow

LONG = "Двухдневный визит и переговоры о торговле, проектах и визах. " * 12


def plain_label_height(header: DossierHeader, width: int) -> int:
    """What an ordinary QLabel with the same text, font and flags answers."""
    label = QLabel()
    label.setWordWrap(True)
    label.setFont(header.summary.font())
    label.setAlignment(header.summary.alignment())
    label.setText(header.summary.text())
    return label.heightForWidth(width)


def test_the_scene_setter_is_measured_once_per_width_and_text(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    header = DossierHeader()
    qtbot.addWidget(header)
    header.summary.setText(f"<p style='margin:0'>{LONG}</p>")
    layouts: list[int] = []
    measure = QLabel.heightForWidth

    def counted(label: QLabel, width: int) -> int:
        layouts.append(width)
        return measure(label, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counted)
    heights = [header.summary.heightForWidth(w) for w in (300, 300, 600, 300, 600)]
    assert layouts == [300, 600]
    monkeypatch.undo()
    assert heights[0] == plain_label_height(header, 300) > plain_label_height(header, 600)
    assert heights == [heights[0], heights[0], heights[2], heights[0], heights[2]]
    # Another text, or another font, is measured again.
    header.summary.setText("short")
    assert header.summary.heightForWidth(300) == plain_label_height(header, 300)
    assert header.summary.heightForWidth(300) < heights[0]
    font = header.summary.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    header.summary.setFont(font)
    assert header.summary.heightForWidth(300) == plain_label_height(header, 300)


def test_the_header_fits_a_long_scene_setter_in_a_few_lines(window: MainWindow) -> None:
    header = window.header
    dossier = header.dossier
    header.show_dossier(None)
    header.show_dossier(type(dossier)(**{**vars(dossier), "summary": LONG}))
    window.show()
    header.resize(700, header.height())
    header._fit_summary()
    short = header.summary_area.height()
    header.show_dossier(type(dossier)(**{**vars(dossier), "summary": "One line."}))
    assert header.summary_area.height() < short
