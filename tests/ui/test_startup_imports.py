"""What start-up spends on imports (issue 21): checked in fresh processes, where what
the app imports is all that sys.modules holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def fresh(code: str) -> list[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()


def shown_window(store: Path) -> str:
    """Code that shows the window on the sample in `store`, extensions not yet in
    (as at the first paint): `sys`, `app` and the window `w` are defined after it."""
    return (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from dossier.store import open_store\n"
        "from dossier.store.sample import load_sample\n"
        f"s = open_store({str(store)!r}); load_sample(s)\n"
        "from dossier.ui.app import make_window\n"
        "w = make_window(s, 'en', defer_extensions=True)\n"
        "w.show(); app.processEvents()\n"
    )


def test_modules_imported_after_qt_are_not_read_for_pyside_features() -> None:
    """PySide6's `__feature__` import hook read the source of every module imported
    after it (~75 before the first paint) and ran Python on every import statement;
    the app uses no feature switch, so dossier.ui takes the hook out again."""
    out = fresh(
        "import builtins\n"
        "import PySide6.QtWidgets\n"
        "print('hooked', builtins.__import__ is builtins.__feature_import__)\n"
        "import dossier.ui\n"
        "print('hooked', builtins.__import__ is builtins.__feature_import__)\n"
        "from PySide6.support import feature\n"
        "before = set(feature.pyside_feature_dict)\n"
        "import dossier.ui.main_window, json\n"
        "print('read', sorted(set(feature.pyside_feature_dict) - before))\n"
        # Qt's classes still come with `from ... import`, loaded when first named.
        "from PySide6.QtWidgets import QCalendarWidget\n"
        "print(QCalendarWidget.__name__)\n"
    )
    assert out == ["hooked True", "hooked False", "read []", "QCalendarWidget"]


def test_the_app_starts_without_pyside_reading_its_modules() -> None:
    # The same in the app's own order: dossier.ui first, PySide6 under it.
    out = fresh(
        "import builtins, dossier.ui.app\n"
        "print(builtins.__import__ is builtins.__feature_import__)\n"
    )
    assert out == ["False"]


def test_the_search_folding_table_is_built_at_the_first_search(tmp_path: Path) -> None:
    """Opening a store built the search's accent-folding table (650 characters through
    unicodedata, ~1 ms of every start); now the first search builds it."""
    store = tmp_path / "s.db"
    out = fresh(
        "import sys\n"
        "from dossier.store import open_store\n"
        "from dossier.store.sample import load_sample\n"
        f"s = open_store({str(store)!r}); load_sample(s)\n"
        "print('folded', 'unicodedata' in sys.modules)\n"
        "hits = s.search('азербайджан')\n"
        "print('folded', 'unicodedata' in sys.modules, len(hits) > 0)\n"
    )
    assert out == ["folded False", "folded True True"]


def test_the_command_line_stops_on_sigterm_without_the_signal_module() -> None:
    """A `kill` interrupts a command as Ctrl+C does; the handlers are set through
    _signal, as the signal module's enums cost ~4 M instructions of every start."""
    out = fresh(
        "import os, sys\n"
        "import dossier.cli as cli\n"
        "def run(args):\n"
        "    os.kill(os.getpid(), 15)\n"
        "    return 0\n"
        "cli.run_command = run\n"
        "code = cli._run(None)\n"
        "import _signal\n"
        "print(code, 'signal' in sys.modules, _signal.getsignal(15) == _signal.SIG_DFL)\n"
    )
    assert out == ["130 False True"]


def test_the_table_reads_its_keys_without_seeing_every_event(tmp_path: Path) -> None:
    """The officials table's row-menu and Enter keys came through an event filter
    that put every event of the view through Python, so PySide built the classes
    (and enums) of events nobody handles; keyPressEvent sees only key presses."""
    out = fresh(
        shown_window(tmp_path / "s.db") + "gui = vars(sys.modules['PySide6.QtGui'])\n"
        "print([n for n in ('QPlatformSurfaceEvent', 'QScrollPrepareEvent',"
        " 'QInputMethodEvent') if n in gui])\n"
        # Nor, until something is undone, the message boxes. (The progress panel's
        # module is loaded: the backups' bar is in the status bar from the start.)
        "print('QMessageBox' in vars(sys.modules['PySide6.QtWidgets']))\n"
    )
    assert out[-2:] == ["[]", "False"]


def test_patterns_only_some_commands_use_are_compiled_when_first_used() -> None:
    """Issue 21, start-up: the store's patterns for undo labels, bulk writes, search
    words and backup names were compiled at every start (~6 M instructions)."""
    out = fresh(
        "import re\n"
        "compiled = []\n"
        "_compile = re.compile\n"
        "re.compile = lambda p, flags=0: compiled.append(p) or _compile(p, flags)\n"
        "import dossier.store\n"
        "from dossier.store import backup, bulk_indexes, labels, search\n"
        "mine = [p for p in compiled if isinstance(p, str)]\n"
        "print(len([p for p in mine if 'TRIGGER' in p or 'Undo' in p or 'records' in p"
        " or p == r'\\w+']))\n"
        "print(labels.localize('Undo add official “X”', 'ru'))\n"
        "print(search.fts_query('визит в Баку'))\n"
    )
    assert out[0] == "0"
    assert out[1] == "отмена: добавление: должностное лицо “X”"
    assert "Баку" in out[2]


def test_the_duplicate_finder_loads_when_first_asked_for(tmp_path: Path) -> None:
    """Dossier > Find duplicate officials… is there from the start; its module (~8 M
    instructions of every start) loads when the entry is first used."""
    out = fresh(
        shown_window(tmp_path / "s.db") + "from dossier.ui.app import install_extensions\n"
        "install_extensions(w); app.processEvents()\n"
        "print(w.duplicates_action.text(), 'dossier.ui.duplicates' in sys.modules)\n"
        "w.duplicates_action.trigger(); app.processEvents()\n"
        "print(type(w.duplicates_dialog).__name__, w.duplicates_dialog.isVisible())\n"
    )
    assert out[-2:] == ["Find duplicate &officials… False", "DuplicatesDialog True"]


def test_opening_a_store_leaves_the_backup_and_conversion_modules_alone(tmp_path: Path) -> None:
    """Opening a store tidies its backups folder and looks for an interrupted
    conversion's journal: neither needs the backup or converter modules (~1.5 ms of
    every start) unless a journal is there; what briefs printed is read at a brief."""
    store = tmp_path / "s.db"
    code = (
        "import sys\n"
        "from dossier.store import open_store\n"
        f"open_store({str(store)!r}).close()\n"
        "print(sorted(m for m in ('dossier.store.backup', 'dossier.store.rekey', "
        "'dossier.store.briefs') if m in sys.modules))\n"
    )
    assert fresh(code) == ["[]"]
    # A conversion's journal left by a killed process: then the converter runs.
    Path(f"{store}.rekey-journal").write_text("{not json", encoding="utf-8")
    assert fresh(code) == ["['dossier.store.rekey']"]


def test_the_parts_installed_after_the_first_paint_leave_their_dialogs_unloaded(
    tmp_path: Path,
) -> None:
    """The lock, the backups and the import entries are installed just after the first
    paint of every start; the passphrase dialog, the backup module, the restore
    dialog's and the file and message dialogs' Qt classes (~20 M instructions) load
    when the user needs them: locking, a backup falling due, a menu entry."""
    out = fresh(
        shown_window(tmp_path / "s.db") + "from dossier.ui.app import install_extensions\n"
        "install_extensions(w); app.processEvents()\n"
        "widgets = vars(sys.modules['PySide6.QtWidgets'])\n"
        "print(sorted(n for n in ('QMessageBox', 'QFileDialog', 'QInputDialog', "
        "'QDialogButtonBox', 'QTableWidget', 'QFormLayout') if n in widgets))\n"
        "print(sorted(m for m in ('dossier.ui.passphrase_dialog', 'dossier.store.backup') "
        "if m in sys.modules))\n"
        # The menus are all there.
        "names = [a.objectName() for a in w.menu('file').actions()]\n"
        "print([n for n in ('action_lock', 'action_encrypt_store', 'action_restore_backup') "
        "if n not in names])\n"
        # Used, they load what they need: the restore dialog lists the backups.
        "from dossier.ui.backups import RestoreDialog\n"
        "d = RestoreDialog(s.path, w)\n"
        "print(d.table.columnCount(), 'dossier.store.backup' in sys.modules)\n"
    )
    assert out[-4:] == ["[]", "[]", "[]", "3 True"]


def test_the_status_bar_has_its_final_height_at_the_first_paint(tmp_path: Path) -> None:
    """The backups' progress bar (hidden until a backup runs) is in the status bar
    from its first layout: added with the backups just after the first paint, it made
    the bar taller (QStatusBar counts hidden widgets), and the whole window moved and
    was laid out and painted again at every start."""
    out = fresh(
        shown_window(tmp_path / "s.db") + "bar = w.statusBar(); first = bar.height()\n"
        "from dossier.ui.app import install_extensions\n"
        "install_extensions(w); app.processEvents()\n"
        "print(bar.height() == first, w.backup_keeper.panel.objectName(),"
        " w.backup_keeper.panel.isVisible())\n"
    )
    assert out[-1:] == ["True backup_progress False"]
