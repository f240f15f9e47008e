"""File > Recently used stores: the stores opened last, newest first (issue 21, item 2).

Kept in the settings file as paths; a store that has since gone is shown greyed
with "(missing)" rather than dropped, so a disconnected drive's store is still
recognised when it is plugged in again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from dossier.ui import settings
from dossier.ui.i18n import tr

KEY = "recent_stores"
KEEP = 8


def recent() -> list[str]:
    raw = settings.get(KEY)
    try:
        paths = json.loads(raw) if isinstance(raw, str) else []
    except ValueError:
        return []  # a damaged value: start again rather than fail the menu
    return [p for p in paths if isinstance(p, str)][:KEEP] if isinstance(paths, list) else []


def remember(path: Path | str) -> None:
    text = str(Path(path).expanduser().resolve())
    paths = [text] + [p for p in recent() if p != text]
    settings.put(KEY, json.dumps(paths[:KEEP], ensure_ascii=False))


def forget_all() -> None:
    settings.put(KEY, json.dumps([]))


class RecentMenu(QMenu):
    """The submenu, filled each time it opens; choosing an entry opens that store."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.setObjectName("recent_stores")
        self.window_ = window
        self.aboutToShow.connect(self.fill)
        window.store_changed.connect(self._store_changed)
        window.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()
        self._store_changed(window.store)

    def retranslate(self) -> None:
        self.setTitle(tr("Recently &used stores"))

    def _store_changed(self, store: Any) -> None:
        if store is not None and getattr(store, "path", None) is not None:
            remember(store.path)

    def fill(self) -> list[QAction]:
        self.clear()
        entries = []
        for n, path in enumerate(recent(), start=1):
            exists = Path(path).is_file()
            label = f"&{n} {Path(path).name} — {Path(path).parent}"
            if not exists:
                label += " " + tr("(missing)")
            action = self.addAction(label)
            action.setEnabled(exists)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open(p))
            entries.append(action)
        if not entries:
            self.addAction(tr("No stores opened yet")).setEnabled(False)
        self.addSeparator()
        self.addAction(tr("&Clear the list"), forget_all)
        return entries

    def open(self, path: str) -> Any:
        from dossier.ui.store_open import open_store_interactively

        window = self.window_
        current = getattr(window.store, "path", None)
        if current is not None and Path(current).resolve() == Path(path).resolve():
            return window.store  # already open
        store = open_store_interactively(Path(path), window)
        if store is not None:
            window.set_store(store, sample_in_memory=store.path is None)
        return store


def install(window: Any) -> RecentMenu:
    """Add File > Recently used stores just below Open store…."""
    menu = RecentMenu(window)
    file_menu = window.menu("file")
    actions = file_menu.actions()
    anchor = window.commands.open_store
    after = actions.index(anchor) + 1 if anchor in actions else len(actions)
    before = actions[after] if after < len(actions) else None
    file_menu.insertMenu(before, menu) if before is not None else file_menu.addMenu(menu)
    window.recent_menu = menu
    return menu
