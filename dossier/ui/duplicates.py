"""Dossier > Find duplicate officials… (issue 21, item 2): one person entered twice,
often once in Cyrillic and once in Latin ("Ильхам Алиев" and "Ilham Aliyev"), found
by the name matching capture uses, and merged in one undoable step.

The merge keeps the record entered first, fills its empty fields from the other
(a Latin spelling, a birth date), points the other's talking points at it and
deletes the other. Undo puts everything back as it was.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dossier.model import OFFICIAL
from dossier.store import labels
from dossier.store.oplog import Changes
from dossier.ui.i18n import tr

Pair = tuple[Any, Any]  # (kept, merged into it): officials


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isascii() for c in letters)


BIG_GROUP = 60


def _key(name_key: Any, name: str) -> str:
    """The spelling key of a name, with any numbers in it (a "II" or "2" tells apart)."""
    digits = "".join(c for c in name if c.isdigit())
    return f"{name_key(name)} {digits}".strip()


def _same_written_name(group: list[Any], pairs: dict[tuple[int, int], Pair]) -> None:
    first_of: dict[str, Any] = {}
    for official in group:
        for name in {n.strip().lower() for n in (official.name, official.name_latin) if n}:
            first = first_of.setdefault(name, official)
            if first.id != official.id:
                pairs.setdefault((first.id, official.id), (first, official))


def find_pairs(officials: list[Any], progress: Any = None) -> list[Pair]:
    """Pairs of officials that are one person, the one entered first kept. Only
    names sharing a spelling key are compared, so 30,000 officials take one pass
    (seconds: the dialog runs it on a worker; `progress(done, total)` is told, and
    returns False to stop it)."""
    from dossier.ingest.names import name_key, same_person
    from dossier.progress import Cancelled

    groups: dict[str, list[Any]] = defaultdict(list)
    for n, official in enumerate(officials):
        if progress is not None and n % 500 == 0 and progress(n, len(officials)) is False:
            raise Cancelled
        keys = {_key(name_key, n) for n in (official.name, official.name_latin) if n}
        for key in keys - {""}:
            groups[key].append(official)
    pairs: dict[tuple[int, int], Pair] = {}
    for group in groups.values():
        group.sort(key=lambda o: o.id)
        if len(group) > BIG_GROUP:
            # Hundreds of one spelling family ("Official Person 1…999"): comparing
            # each with each would take minutes; only the same written name counts.
            _same_written_name(group, pairs)
            continue
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                if (first.id, second.id) in pairs or first.id == second.id:
                    continue
                names_a = [n for n in (first.name, first.name_latin) if n]
                names_b = [n for n in (second.name, second.name_latin) if n]
                if any(same_person(a, b) for a in names_a for b in names_b):
                    pairs[(first.id, second.id)] = (first, second)
    return sorted(pairs.values(), key=lambda p: (p[0].name.lower(), p[1].id))


def merged(keep: Any, other: Any) -> Any:
    """`keep` with its empty fields filled from `other` (a Latin name from the other's
    name when only that one is written in Latin)."""
    values: dict[str, Any] = {}
    for field in OFFICIAL.fields:
        name = field.name
        if name in ("id", "dossier_id") or not hasattr(keep, name):
            continue
        mine, theirs = getattr(keep, name), getattr(other, name)
        if mine in (None, "") and theirs not in (None, ""):
            values[name] = theirs
    latin_only_there = _is_latin(other.name) and not _is_latin(keep.name)
    if latin_only_there and not keep.name_latin and not other.name_latin:
        values["name_latin"] = other.name
    return dataclasses.replace(keep, **values)


def merge(window: Any, keep: Any, gone: Any) -> Changes:
    """Merge now, as one operation of the store's log: Edit > Undo (or `dossier undo`)
    restores both officials and the points addressed to the one merged away."""
    store = window.store
    with store.transaction(labels.MERGE_OFFICIALS) as changes:
        for point in store.talking_points.matching(None, audience_id=gone.id):
            store.talking_points.update(dataclasses.replace(point, audience_id=keep.id))
        store.officials.update(merged(keep, gone))
        store.officials.delete(gone.id)
    window.record_changed(OFFICIAL, keep.id, keep.dossier_id)  # reloads every tab
    window.undo_log.update()
    window.status(tr("Merged: %s (Ctrl+Z separates them again)") % keep.name)
    return changes


class DuplicatesDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setObjectName("duplicates_dialog")
        self.window_ = window
        self.setWindowTitle(tr("Duplicate officials"))
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Officials entered twice"))
        self.intro.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = QPushButton(tr("&Merge"))
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self.merge_selected)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(lambda _r: self._update())
        self.resize(620, 380)
        self.search()

    def search(self) -> list[Pair]:
        from dossier.progress import Cancelled
        from dossier.ui.task_progress import run_modal

        window = self.window_
        dossier = window.current_dossier()
        store = window.store

        def job(progress: Any) -> list[Pair]:
            officials = store.officials.list(dossier.id) if dossier is not None else []
            return find_pairs(officials, progress)

        try:
            self.pairs = run_modal(window, tr("Finding officials entered twice"), job)
        except Cancelled:
            self.pairs = []
        self.list.clear()
        for keep, other in self.pairs:
            item = QListWidgetItem(f"{_label(keep)}  ⟵  {_label(other)}")
            item.setData(
                Qt.ItemDataRole.ToolTipRole, tr("Keeps the first, fills its gaps from the second")
            )
            self.list.addItem(item)
        self.intro.setText(
            tr(
                "Pairs that may be one official entered twice: %d. Choose one and Merge (Ctrl+Z undoes it)."
            )
            % len(self.pairs)
            if self.pairs
            else tr("No official of this dossier seems to have been entered twice.")
        )
        if self.pairs:
            self.list.setCurrentRow(0)
        self._update()
        return self.pairs

    def _update(self) -> None:
        self.merge_button.setEnabled(0 <= self.list.currentRow() < len(self.pairs))

    def merge_selected(self) -> Changes | None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.pairs):
            return None
        keep, other = self.pairs[row]
        command = merge(self.window_, keep, other)
        self.search()
        return command


def _label(official: Any) -> str:
    bits = [official.name]
    if official.name_latin:
        bits.append(f"({official.name_latin})")
    if official.position:
        bits.append(f"— {official.position}")
    return " ".join(bits)


def open_dialog(window: Any) -> DuplicatesDialog | None:
    from dossier.ui.extensions import require_dossier, show_dialog

    if not require_dossier(window):
        return None
    dialog = show_dialog(window, DuplicatesDialog(window))
    window.duplicates_dialog = dialog  # tests and a second Find find it while open
    return dialog


def install(window: Any) -> QAction:
    """Add Dossier > Find duplicate officials… to the main window (the entry is made
    by dossier.ui.lazy_entries, which the app uses so as not to load this module)."""
    from dossier.ui.lazy_entries import install_duplicates

    return install_duplicates(window)
