"""The import dialogs speak the window's language: what the Qt-free core says (the unit
hint, skipped rows, errors) is Russian in the Russian window and stays English on
the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from dossier.cli import main
from dossier.ui import import_dialogs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
# A pair given by columns; one partner no country, one a former country.
PAIRS = "year,reporter,partner,exports\n2019,BY,AZ,1.5\n2020,BY,XXX,2.5\n2021,BY,YUG,3.5\n"
# One start that is no date, one row without a name.
OFFICIALS = "name,position,start\nИван Петров,Министр,soon\n,Посол,2001\n"

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _installed(window: Any) -> None:
    import_dialogs.install(window)


def _planned(qtbot: Any, dialog: Any) -> None:
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.preview_button.click()


def _pairs_file(tmp_path: Path) -> Path:
    path = tmp_path / "pairs.csv"
    path.write_text(PAIRS, encoding="utf-8")
    return path


def test_skipped_rows_and_the_unit_hint_are_russian_in_the_russian_window(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    window.set_language("ru")
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(_pairs_file(tmp_path))
    assert "через запятую, utf-8, 4 строки" in dialog.file_label.text()
    dialog.currency_edit.setText("USD")
    _planned(qtbot, dialog)
    report = dialog.report.toPlainText().splitlines()
    assert report == [
        "строка 3: «XXX» в столбце partner — не страна",
        "строка 4: «YUG» в столбце partner — код бывшей страны "
        "(Социалистическая Федеративная Республика Югославия)",
    ]
    # Numbers as the Russian window writes them: a decimal comma.
    assert dialog.unit_reason.text() == (
        "Предположительно: единица не названа, а значения малы (медиана 1,5): "
        "сверьтесь с публикацией."
    )
    dialog.close()


def test_the_unit_named_by_a_block_and_a_planning_error_are_russian(
    window: Any, qtbot: Any
) -> None:
    window.set_language("ru")
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(FIXTURES / "rosstat_kep_excerpt.csv")
    headings = [dialog.block_combo.itemText(i) for i in range(dialog.block_combo.count())]
    index = next(i for i, h in enumerate(headings) if "1.9. Внешнеторговый оборот" in h)
    dialog.block_combo.setCurrentIndex(index)
    assert dialog.unit_reason.text() == "Предположительно: в таблице сказано «млрд»."
    _planned(qtbot, dialog)  # no pair named
    assert dialog.message.text().startswith("Укажите, чья это торговля")
    dialog.close()


def test_a_file_that_is_no_table_is_refused_in_russian(window: Any, tmp_path: Path) -> None:
    window.set_language("ru")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02")
    dialog = import_dialogs.open_trade_dialog(window)
    assert not dialog.load(bad)
    assert dialog.message.text().startswith("Это не текстовая таблица: в файле двоичные данные.")
    dialog.close()


def test_the_same_file_through_the_command_line_stays_english(
    store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--store", str(store_file), "import-trade"]
    args = [*base, str(_pairs_file(tmp_path)), "--country", "AZ", "--currency", "USD"]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "line 3: “XXX” in partner is not a country" in out
    assert "line 4: “YUG” in partner is a former country's code (Yugoslavia" in out
    assert "no unit is named and the values are small (median 1.5)" in out
    blocks = [*base, str(FIXTURES / "rosstat_kep_excerpt.csv"), "--country", "AZ"]
    blocks += ["--block", "1", "--flow", "turnover", "--unit", "1e9", "--currency", "USD"]
    assert main(blocks) == 1
    assert "Say whose trade these figures are" in capsys.readouterr().err


def _officials_file(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(OFFICIALS, encoding="utf-8")
    return path


def test_the_officials_dialog_lists_skipped_lines_in_russian(window: Any, tmp_path: Path) -> None:
    window.set_language("ru")
    dialog = import_dialogs.open_officials_dialog(window)
    assert dialog.load(_officials_file(tmp_path))
    assert dialog.file_label.text() == "people.csv: 2 строки"
    items = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    assert "строка 2: начало: «soon» — не дата; оставлено пустым" in items
    assert "строка 3: нет имени" in items
    assert not any(t.startswith("line ") for t in items)
    assert dialog.message.text().startswith("новых: 1, обновлённых: 0")
    assert dialog.message.text().endswith("пропущено 2 строки")
    dialog.close()


def test_the_officials_file_through_the_command_line_stays_english(
    store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--store", str(store_file), "import-officials", str(_officials_file(tmp_path))]
    assert main([*args, "--country", "AZ", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 new, 0 updated, 0 unchanged, 2 rows skipped" in out
    assert "line 2: start “soon” is not a date; left empty" in out
    assert "line 3: no name" in out


def test_a_factbook_file_that_is_no_json_is_refused_in_russian(
    window: Any, tmp_path: Path, warnings: list[str]
) -> None:
    window.set_language("ru")
    bad = tmp_path / "aj.json"
    bad.write_text("{not json", encoding="utf-8")
    import_dialogs.import_factbook(window, bad, confirm=False)
    assert warnings
    assert warnings[0].startswith("aj.json — не JSON (")


def test_what_a_factbook_import_would_do_is_asked_in_russian(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_language("ru")
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    import_dialogs.import_factbook(window, FIXTURES / "aj_excerpt.json")
    lines = asked[0].splitlines()
    assert lines[0] == "Обновить досье AZ (Азербайджан)."
    assert any(line.startswith("Должностное лицо (глава государства): ") for line in lines)
    assert any(line.startswith("Торговля: экспорт ") for line in lines)
    assert any(line.startswith("The World Factbook не обновляется с 2026-02") for line in lines)


def test_a_dossier_file_merge_is_summed_up_and_refused_in_russian(
    window: Any, tmp_path: Path, warnings: list[str]
) -> None:
    window.set_language("ru")
    path = tmp_path / "az.dossier"
    assert import_dialogs.export_current(window, path, "correct horse battery")
    dialog = import_dialogs.open_merge(window, path, "correct horse battery")
    assert dialog is not None
    assert dialog.summary.text().startswith("az.dossier в AZ (Азербайджан): новых 0,")
    assert dialog.summary.text().endswith("конфликтующих 0.")
    dialog.close()
    assert import_dialogs.open_merge(window, tmp_path / "none.dossier", "x") is None
    assert warnings == [f"Нет файла {tmp_path / 'none.dossier'}."]


def test_a_new_dossier_from_the_factbook_tells_its_age_in_russian(window: Any) -> None:
    window.set_language("ru")
    dossier = import_dialogs.import_factbook(window, FIXTURES / "bo_excerpt.json", confirm=False)
    assert dossier.code == "BY"
    assert window.statusBar().currentMessage().startswith("The World Factbook не обновляется с")


def test_a_value_no_official_may_hold_is_refused_in_russian(window: Any, tmp_path: Path) -> None:
    window.set_language("ru")
    path = tmp_path / "long.csv"
    path.write_text(f"name,position\n{'Иван ' * 500}Петров,Министр\n", encoding="utf-8")
    dialog = import_dialogs.open_officials_dialog(window)
    assert dialog.load(path)
    assert dialog.plan is None
    assert "Поле «Имя» слишком длинное" in dialog.message.text()
    dialog.close()
