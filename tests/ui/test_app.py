"""Starting the app: smoke run, a store that will not open, remembered state, extensions."""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dossier.store import Store
from dossier.ui import extensions, i18n, settings
from dossier.ui.app import run_gui
from dossier.ui.main_window import MainWindow
from dossier.ui.store_open import open_store_interactively
from dossier.ui.store_problem import ANOTHER, QUIT, SAMPLE, StoreProblemDialog

pytestmark = pytest.mark.gui


def args(**values: Any) -> argparse.Namespace:
    return argparse.Namespace(
        **{"store": None, "smoke": True, "lang": "en", "ui_lang": None, **values}
    )


def test_smoke_run_shows_the_sample(
    qapp: Any, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_gui(args(store=str(store_file))) == 0
    out = capsys.readouterr().out
    assert "main window shown with 1 dossier(s)" in out
    assert settings.get("last_dossier") == "AZ"


def test_smoke_run_on_a_broken_store_fails_with_the_reason(
    qapp: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"this is not a database" * 100)
    assert run_gui(args(store=str(bad))) == 1
    err = capsys.readouterr().err
    assert "not a Dossier store" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("choice", [SAMPLE, QUIT, ANOTHER])
def test_broken_store_offers_a_way_out(
    monkeypatch: pytest.MonkeyPatch, qapp: Any, tmp_path: Path, store_file: Path, choice: str
) -> None:
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"garbage" * 1000)
    shown: list[str] = []

    def exec_(dialog: StoreProblemDialog) -> int:
        shown.append(dialog.message.text())
        {SAMPLE: dialog.sample, QUIT: dialog.quit, ANOTHER: dialog.another}[choice].click()
        return 0

    monkeypatch.setattr(StoreProblemDialog, "exec", exec_)
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(store_file), "")
    )
    store = open_store_interactively(bad)
    assert "not a Dossier store" in shown[0]
    if choice == QUIT:
        assert store is None
        return
    assert isinstance(store, Store)
    assert store.find_dossier("AZ").name == "Азербайджан"
    assert store.path == (None if choice == SAMPLE else store_file)
    store.close()


def test_window_remembers_geometry_and_last_dossier(qtbot: Any, sample_store: Store) -> None:
    georgia = sample_store.dossiers.add(
        sample_store.dossiers.spec.make({"code": "GE", "name": "Грузия"})
    )
    first = MainWindow(sample_store, "en")
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.dossier_list.select(georgia.id)
    first.resize(760, 560)  # within the offscreen screen (800x600)
    size = first.size()
    first.close()
    second = MainWindow(sample_store, "en")
    qtbot.addWidget(second)
    assert second.current_dossier().code == "GE"
    assert second.size() == size


def test_closing_the_store_hides_all_content(window: MainWindow) -> None:
    seen: list[Any] = []
    window.dossier_changed.connect(seen.append)
    window.set_store(None)
    assert window.current_dossier() is None
    assert seen == [None]
    assert window.pages.currentWidget() is window.empty_page
    assert not window.commands.add_record.isEnabled()
    assert window.tabs["official"].model.rowCount() == 0


def test_parts_are_installed_and_a_broken_one_does_not_stop_the_window(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    def broken(_w: MainWindow) -> None:
        raise RuntimeError("broken part")

    monkeypatch.setattr(
        extensions,
        "PARTS",
        [("extra", lambda w: w.menu("help").addAction("Extra")), ("broken", broken)],
    )
    failed = extensions.install_all(window)
    assert failed == ["broken"]
    assert "Extra" in [a.text() for a in window.menu("help").actions()]


def test_the_window_composes_its_parts_without_replacing_its_methods(
    window: MainWindow,
) -> None:
    """Issue 15, item 7: typed parts, a signal before a store closes, no method swapped."""
    set_store = window.set_store
    assert extensions.install_all(window) == []
    assert window.set_store == set_store  # BackupKeeper listens to store_closing instead
    assert window.locker is not None
    assert window.backup_keeper is not None
    assert window.outside_changes is not None
    assert window.export_brief_action is not None
    assert window.capture_action is not None
    assert set(window.import_actions) >= {"import_trade_action", "import_dossier_action"}
    # QWidget.actions() is Qt's own again: the window's commands have their own name.
    assert window.commands.quit in window.menu("file").actions()
    assert callable(window.actions)
    closing: list[object] = []
    window.store_closing.connect(closing.append)
    store = window.store
    window.set_store(None)
    assert closing == [store]


def after_first_paint(store_file: Path, then: str, *, defer_extensions: bool = False) -> list[str]:
    """The lines `then` prints in a fresh process once the window `w` has painted on
    the store (a fresh process: what start-up imports is what sys.modules holds)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from dossier.store import open_store\n"
        "from dossier.ui.app import make_window\n"
        f"w = make_window(open_store({str(store_file)!r}), 'en', "
        f"defer_extensions={defer_extensions})\n"
        "w.show(); app.processEvents()\n" + then
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()


def test_matplotlib_is_not_loaded_until_the_trade_tab_is_shown(store_file: Path) -> None:
    out = "\n".join(
        after_first_paint(
            store_file,
            (
                "print('before', 'matplotlib' in sys.modules)\n"
                "w.show_tab(1); app.processEvents()\n"
                # Imported on a worker thread, then the chart is drawn.
                "while not w.trade_tab.chart.draws: app.processEvents()\n"
                "print('after', 'matplotlib' in sys.modules)\n"
            ),
        )
    )
    assert "before False" in out
    assert "after True" in out


def test_a_plain_store_never_loads_the_encrypted_driver(store_file: Path) -> None:
    """Issue 21, start-up: the window and all its extensions over a plain store, and
    sqlcipher3 (~6 ms to import) stays unloaded; the outside-change watcher loaded it
    for the tuple of its exception classes."""
    out = after_first_paint(
        store_file,
        "print('before', 'sqlcipher3' in sys.modules)\n"
        "from dossier.ui.app import install_extensions\n"
        "install_extensions(w); app.processEvents()\n"
        "print('after', 'sqlcipher3' in sys.modules)\n",
        defer_extensions=True,
    )
    assert out[-2:] == ["before False", "after False"]


def test_the_first_screen_loads_neither_platformdirs_nor_openssl(store_file: Path) -> None:
    """Issue 21, start-up: the store's data and cache folders are found without
    platformdirs (~6 ms) and its marker named without hashlib's OpenSSL (~4 ms), and
    the None guard writes its counts without all of ctypes (~3 ms)."""
    out = after_first_paint(
        store_file,
        "print([m for m in ('platformdirs', 'hashlib', '_hashlib', 'ctypes') if m in sys.modules])\n",
        defer_extensions=True,
    )
    assert out[-1] == "[]"


def test_tabs_nobody_opened_are_built_when_first_shown(store_file: Path) -> None:
    # Start-up: the window opens on Officials; the other tabs, forms and search come
    # when asked for, yet every tab shows its count from the start.
    out = after_first_paint(
        store_file,
        (
            "late = ['dossier.ui.trade_tab', 'dossier.ui.points_tab', 'dossier.ui.sources_tab',"
            " 'dossier.ui.search_panel', 'dossier.ui.form', 'sqlite_utils']\n"
            "print('before', [m for m in late if m in sys.modules])\n"
            "print('tabs', [w.tab_widget.tabText(i) for i in range(w.tab_widget.count())])\n"
            # Asking the style for anything builds all of QStyle's enums in Python (~20 ms).
            "print('style', 'QStyle' in vars(sys.modules['PySide6.QtWidgets']))\n"
            "tab = w.current_tab()\n"
            "print('icons', [b.icon().isNull() for b in (tab.add_button, tab.edit_button,"
            " tab.delete_button, w.header.edit_button)])\n"
            "w.show_tab(3); app.processEvents()\n"
            "print('points', w.current_tab().model.rowCount())\n"
        ),
        defer_extensions=True,
    )
    assert out[0] == "before []"
    assert out[1] == (
        "tabs ['Officials (3)', 'Trade (4)', 'Projects (9)', 'Talking points (5)', 'Sources (1)', 'Events (1)']"
    )
    assert out[2] == "style False"
    assert out[3] == "icons [False, False, False, False]"
    assert out[4] == "points 5"


# The window's own modules. Other features bring their modules (and their strings,
# added to the .ts by `make translations`); they are checked by their own tests.
CORE_UI = {
    "actions.py",
    "app.py",
    "chart_pane.py",
    "dossier_list.py",
    "editor.py",
    "entity_tab.py",
    "field_widgets.py",
    "form.py",
    "header.py",
    "main_window.py",
    "operations.py",
    "record_history_dialog.py",
    "search_dock.py",
    "store_undo.py",
    "task_progress.py",
    "tasks.py",
    "window_menus.py",
    "window_tabs.py",
    "points_tab.py",
    "preferences.py",
    "search_panel.py",
    "sources_tab.py",
    "store_open.py",
    "store_problem.py",
    "trade_tab.py",
}


def ui_strings(path: Path) -> set[str]:
    """The literal texts passed to tr() in a module (concatenated literals joined)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "tr"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(node.args[0].value)
    return found


def test_translations_cover_every_ui_string() -> None:
    import xml.etree.ElementTree as ET

    from dossier.paths import resource

    ts = ET.parse(resource("translations", "dossier_ru.ts"))
    done = {m.findtext("source"): m.find("translation") for m in ts.iter("message")}
    assert all(t.text and t.get("type") != "unfinished" for t in done.values())
    ui = Path(i18n.__file__).parent
    used: set[str] = set()
    for name in CORE_UI:
        used |= ui_strings(ui / name)
    assert len(used) > 80
    missing = sorted(used - set(done))
    assert not missing, f"untranslated (run `make translations`): {missing}"
    assert resource("translations", "dossier_ru.qm").stat().st_size > 1000


def test_russian_translator_loads(qapp: Any) -> None:
    assert i18n.install("ru") == "ru"
    try:
        assert i18n.tr("&File") == "&Файл"
    finally:
        i18n.install("en")
    assert i18n.tr("&File") == "&File"


def test_default_language_follows_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("ru_RU")))
    assert i18n.system_language() == "ru"
    from dossier.ui.app import choose_language

    assert choose_language(None) == "ru"  # nothing saved yet
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert choose_language(None) == "en"


def test_bundled_fonts_are_registered(qapp: Any) -> None:
    from PySide6.QtGui import QFontDatabase, QFontInfo

    from dossier.ui.fonts import FAMILY, register_fonts, use_bundled_font

    assert FAMILY in register_fonts()
    before = qapp.font()
    use_bundled_font(qapp)
    try:
        assert QFontInfo(qapp.font()).family() == FAMILY
        assert QFontDatabase.hasFamily(FAMILY)
    finally:
        qapp.setFont(before)


def _font_database(monkeypatch: pytest.MonkeyPatch, system: bool) -> list[str]:
    """The system's fonts with or without DejaVu Sans; returns the files registered."""
    from PySide6.QtGui import QFontDatabase

    from dossier.ui import fonts

    added: list[str] = []
    cyrillic = QFontDatabase.WritingSystem.Cyrillic
    faces = ["Book", "Bold", "Oblique", "Bold Oblique", "Condensed"]
    db = fonts.QFontDatabase
    monkeypatch.setattr(db, "hasFamily", staticmethod(lambda family: system))
    monkeypatch.setattr(db, "styles", staticmethod(lambda family: faces if system else []))
    monkeypatch.setattr(
        db, "writingSystems", staticmethod(lambda *family: [cyrillic] if system else [])
    )
    monkeypatch.setattr(
        db, "addApplicationFont", staticmethod(lambda path: added.append(path) or 0)
    )
    monkeypatch.setattr(db, "applicationFontFamilies", staticmethod(lambda font_id: [fonts.FAMILY]))
    return added


@pytest.mark.parametrize("system", [True, False])
def test_the_bundled_faces_are_read_only_where_the_system_lacks_them(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, system: bool
) -> None:
    from dossier.ui import fonts

    added = _font_database(monkeypatch, system)
    before = qapp.font()
    try:
        fonts.use_bundled_font(qapp)
        assert qapp.font().family() == fonts.FAMILY
    finally:
        qapp.setFont(before)
    # With the system's own DejaVu Sans, FreeType reading four more files cost every start.
    assert len(added) == (0 if system else 4)


def test_a_system_family_without_every_face_is_not_enough(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QFontDatabase

    from dossier.ui import fonts

    added = _font_database(monkeypatch, True)
    monkeypatch.setattr(QFontDatabase, "styles", staticmethod(lambda family: ["Book", "Bold"]))
    assert not fonts.system_has_family()
    before = qapp.font()
    try:
        fonts.use_bundled_font(qapp)
    finally:
        qapp.setFont(before)
    assert len(added) == 4


def test_a_day_of_widget_calls_does_not_wear_out_none(qtbot: Any) -> None:
    # PySide6 6.12.0 drops a reference to None on every void call; 300,000 calls
    # (a long day, or a brief dialog listing 30,000 officials) must not abort Python.
    from PySide6.QtWidgets import QLabel

    import dossier.ui  # noqa: F401 - the guard is installed with the package

    label = QLabel()
    qtbot.addWidget(label)
    for n in range(300_000):
        label.setText("Алиев" if n % 2 else "Aliyev")
    assert label.text() == "Алиев"
