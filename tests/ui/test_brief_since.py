"""Issue 19: the brief dialog offers "Changes since", like `dossier brief --since`, and a
saved brief is what the next one compares with."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog

from dossier.ui import brief_dialog

pytestmark = pytest.mark.gui


def _open(window, qtbot):  # type: ignore[no-untyped-def]
    window.export_brief_action = brief_dialog.install(window)
    window.export_brief_action.trigger()
    dlg = window.brief_dialog
    qtbot.waitUntil(
        lambda: dlg.document.status() == QPdfDocument.Status.Ready and dlg.document.pageCount() > 0,
        timeout=30_000,
    )
    return dlg


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_changes_since_a_saved_brief(window, qtbot, tmp_path, monkeypatch) -> None:
    dossier = window.current_dossier()
    dlg = _open(window, qtbot)
    combo = dlg.form.since_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["last", "none"]
    assert dlg.options().since == "last"
    if dlg.form.lang_combo.currentData() != "en":
        with qtbot.waitSignal(dlg.preview_ready, timeout=30_000):
            dlg.form.lang_combo.setCurrentIndex(dlg.form.lang_combo.findData("en"))
    assert dlg.built_for.lang == "en"
    assert "FOR OFFICIAL USE ONLY" in _text(dlg.pdf_bytes)  # the marking field says ДСП
    target = tmp_path / "first.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    dlg.form.date_edit.setDate(dlg.form.date_edit.date().addDays(-7))
    assert dlg.save() == target
    assert len(window.store.briefs.written(dossier.id)) == 1
    dlg.close()

    dlg = _open(window, qtbot)
    combo = dlg.form.since_combo
    assert combo.count() == 3  # the last, the brief just saved, none
    with qtbot.waitSignal(dlg.preview_ready, timeout=30_000):
        combo.setCurrentIndex(combo.count() - 1)
    assert dlg.options().since is None
    assert "Changed since" not in _text(dlg.pdf_bytes)
    with qtbot.waitSignal(dlg.preview_ready, timeout=30_000):
        combo.setCurrentIndex(1)
    text = _text(dlg.pdf_bytes)
    assert "Changed since the brief of" in text
    assert "Nothing has changed." in text
    dlg.close()
