"""The first start asks how to begin: an empty store or the sample dossier."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.ui import app, first_run, i18n
from dossier.ui.first_run import EMPTY, QUIT, SAMPLE, FirstRunDialog


@pytest.mark.parametrize(("button", "choice"), [("empty", EMPTY), ("sample", SAMPLE)])
def test_the_dialog_offers_both_starts(qtbot, button: str, choice: str) -> None:
    dialog = FirstRunDialog("/home/me/.local/share/Dossier/dossier.db")
    qtbot.addWidget(dialog)
    assert "/home/me/.local/share/Dossier/dossier.db" in dialog.message.text()
    getattr(dialog, button).click()
    assert dialog.choice == choice


def test_closing_the_dialog_quits(qtbot) -> None:
    dialog = FirstRunDialog("x.db")
    qtbot.addWidget(dialog)
    dialog.reject()
    assert dialog.choice == QUIT


def test_the_dialog_speaks_russian(qtbot) -> None:
    i18n.install("ru")
    try:
        dialog = FirstRunDialog("x.db")
        qtbot.addWidget(dialog)
        assert dialog.sample.text() == "С образцом досье"
        assert dialog.empty.text() == "С пустого хранилища"
        assert "С чего начать?" in dialog.message.text()
    finally:
        i18n.install("en")


@pytest.mark.parametrize(("choice", "dossiers"), [(EMPTY, 0), (SAMPLE, 1)])
def test_the_first_store_is_made_as_chosen(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choice: str, dossiers: int
) -> None:
    path = tmp_path / "dossier.db"
    monkeypatch.setattr(first_run, "ask_how_to_start", lambda *_a: choice)
    assert app._first_store(path)
    store, reason = app.try_open(path)
    assert store is not None, reason
    assert store.dossiers.count() == dossiers
    store.close()


def test_quitting_at_the_first_start_makes_no_store(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dossier.db"
    monkeypatch.setattr(first_run, "ask_how_to_start", lambda *_a: QUIT)
    assert not app._first_store(path)
    assert not path.exists()
