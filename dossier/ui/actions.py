"""The window's menus and actions, with platform-standard shortcuts."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

from dossier.model import DOSSIER_PARTS
from dossier.ui.i18n import tr

MENU_NAMES = ("file", "edit", "view", "dossier", "help")
LATIN_KEYS = {"file": "F", "edit": "E", "view": "V", "dossier": "D", "help": "H"}


def _keys(*keys: Any) -> list[QKeySequence]:
    """The key sequences, each once (a sequence bound twice is ambiguous: it never fires)."""
    out: list[QKeySequence] = []
    for key in keys:
        seq = key if isinstance(key, QKeySequence) else QKeySequence(key)
        if not seq.isEmpty() and seq not in out:
            out.append(seq)
    return out


def assign_access_keys(menu: QMenu) -> None:
    """Give every entry of `menu` without an access key the first free letter of its text."""
    entries = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    used: set[str] = set()
    for act in entries:
        text = act.text().replace("&&", "")
        if "&" in text and text.index("&") + 1 < len(text):
            used.add(text[text.index("&") + 1].lower())
    for act in entries:
        text = act.text()
        if "&" in text.replace("&&", ""):
            continue
        for i, char in enumerate(text):
            if char.isalnum() and char.lower() not in used:
                used.add(char.lower())
                act.setText(f"{text[:i]}&{text[i:]}")
                break


class Actions:
    """Creates the menus on `window` and keeps every action as an attribute."""

    def __init__(self, window: Any):
        self.window = window
        bar = window.menuBar()
        self.menus: dict[str, QMenu] = {name: bar.addMenu("") for name in MENU_NAMES}
        # Icons are looked up when a menu first opens: the style's enums and icons
        # cost start-up time, and nobody sees an icon before opening a menu.
        self._icons: list[tuple[QAction, str]] = []
        for menu in self.menus.values():
            menu.aboutToShow.connect(self.load_icons)
            # Entries added by extensions, and words after a language switch, get
            # their access keys as the menu opens.
            menu.aboutToShow.connect(lambda m=menu: assign_access_keys(m))

        def action(menu: str, slot: Any, *keys: Any, icon_: str | None = None) -> QAction:
            act = QAction(window)
            if icon_ is not None:
                self._icons.append((act, icon_))
            if keys:
                act.setShortcuts(_keys(*keys))
            act.triggered.connect(slot)
            self.menus[menu].addAction(act)
            return act

        w = window
        # File
        self.new_dossier = action(
            "file", w.new_dossier, "Ctrl+Shift+N", icon_="SP_FileDialogNewFolder"
        )
        self.open_store = action(
            "file", w.choose_store, QKeySequence.StandardKey.Open, icon_="SP_DialogOpenButton"
        )
        self.open_sample = action("file", w.open_sample)
        self.close_store = action("file", w.close_store, QKeySequence.StandardKey.Close)
        self.menus["file"].addSeparator()
        self.preferences = action("file", w.show_preferences, "Ctrl+,")
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.menus["file"].addSeparator()
        self.quit = action("file", w.close, QKeySequence.StandardKey.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        # Edit
        undo_log = w.undo_log
        self.undo = action(
            "edit", undo_log.undo, QKeySequence.StandardKey.Undo, icon_="SP_ArrowBack"
        )
        self.redo = action(
            "edit",
            undo_log.redo,
            # Both written out: the platform's standard Redo is one of these two, and
            # naming it again made the key ambiguous (it then never fired).
            "Ctrl+Shift+Z",
            "Ctrl+Y",
            icon_="SP_ArrowForward",
        )
        # Named after the store's next operation, in the UI language (a switch re-reads it).
        undo_log.changed.connect(self._undo_texts)
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.menus["edit"].addSeparator()
        self.add_record = action("edit", w.add_record, "Ins", "Ctrl+N", icon_="SP_FileIcon")
        self.edit_record = action(
            "edit", w.edit_record, "Ctrl+E", icon_="SP_FileDialogDetailedView"
        )
        self.delete_record = action(
            "edit", w.delete_record, QKeySequence.StandardKey.Delete, icon_="SP_TrashIcon"
        )
        self.menus["edit"].addSeparator()
        self.find = action(
            "edit", w.show_search, QKeySequence.StandardKey.Find, icon_="SP_FileDialogContentsView"
        )

        # View
        self.show_tab: list[QAction] = []
        for i, _spec in enumerate(DOSSIER_PARTS):
            self.show_tab.append(
                action("view", lambda _=False, i=i: w.show_tab(i), f"Ctrl+{i + 1}")
            )
        self.menus["view"].addSeparator()
        self.toggle_list = action("view", w.toggle_dossier_list)
        self.toggle_list.setCheckable(True)
        self.toggle_list.setChecked(True)
        self.refresh = action(
            "view", w.refresh, QKeySequence.StandardKey.Refresh, icon_="SP_BrowserReload"
        )

        # Dossier
        self.edit_dossier = action("dossier", w.edit_dossier)
        self.delete_dossier = action("dossier", w.delete_dossier)
        self.menus["dossier"].addSeparator()

        # Help
        self.manual = action("help", w.show_manual, QKeySequence.StandardKey.HelpContents)
        self.menus["help"].addSeparator()
        self.about = action("help", w.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = action("help", w.show_about_qt)
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        # Alt+F, Alt+E... also open the menus when their titles are translated: the
        # translated access keys (Alt+Ф) need the matching keyboard layout, the Latin
        # ones work whichever layout is on.
        self._latin_keys: list[QShortcut] = []
        for name, menu in self.menus.items():
            key = QShortcut(QKeySequence(f"Alt+{LATIN_KEYS[name]}"), window)
            key.activated.connect(lambda m=menu: bar.setActiveAction(m.menuAction()))
            self._latin_keys.append(key)
        self.retranslate()

    def load_icons(self) -> None:
        """Give the actions their standard icons (once, when a menu first opens)."""
        if not self._icons:
            return
        from PySide6.QtWidgets import QStyle

        style = self.window.style()
        for act, name in self._icons:
            act.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, name)))
        self._icons.clear()

    def retranslate(self) -> None:
        w = self.window
        titles = {
            "file": tr("&File"),
            "edit": tr("&Edit"),
            "view": tr("&View"),
            "dossier": tr("&Dossier"),
            "help": tr("&Help"),
        }
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        latin_titles = all(
            titles[name].lower().find("&" + LATIN_KEYS[name].lower()) >= 0 for name in titles
        )
        for key in self._latin_keys:
            key.setEnabled(not latin_titles)
        self.new_dossier.setText(tr("&New dossier…"))
        self.open_store.setText(tr("&Open store…"))
        self.open_sample.setText(tr("Open the &sample dossier"))
        self.close_store.setText(tr("&Close store"))
        self.preferences.setText(tr("&Preferences…"))
        self.quit.setText(tr("&Quit"))
        self._undo_texts()
        self.add_record.setText(tr("&Add record…"))
        self.edit_record.setText(tr("&Edit record…"))
        self.delete_record.setText(tr("&Delete record"))
        self.find.setText(tr("&Find in all dossiers…"))
        for act, spec in zip(self.show_tab, DOSSIER_PARTS, strict=True):
            act.setText(spec.label(w.lang, plural=True))
        self.toggle_list.setText(tr("Dossier &list"))
        self.refresh.setText(tr("&Reload"))
        self.edit_dossier.setText(tr("&Edit dossier…"))
        self.delete_dossier.setText(tr("&Delete dossier…"))
        self.manual.setText(tr("User &manual"))
        self.about.setText(tr("&About Dossier"))
        self.about_qt.setText(tr("About &Qt"))

    def _undo_texts(self, *_: Any) -> None:
        undo_log = self.window.undo_log
        if not shiboken6.isValid(self.undo):
            return  # the window is being destroyed
        undo, redo = undo_log.undo_text(), undo_log.redo_text()
        self.undo.setText(tr("&Undo") + (f" {undo}" if undo else ""))
        self.redo.setText(tr("&Redo") + (f" {redo}" if redo else ""))
        self.undo.setEnabled(undo_log.can_undo())
        self.redo.setEnabled(undo_log.can_redo())
