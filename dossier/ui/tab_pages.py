"""The dossier's five tabs, each built the first time it is shown or asked for.

A window opens on one tab; building the other four (and importing the chart,
points and sources code behind them) before it appears would only delay it.
Each tab sits in a page of the QTabWidget from the start, so the tab bar, its
counts and keyboard navigation are all there at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from dossier.model import DOSSIER_PARTS, EntitySpec
from dossier.ui.entity_tab import EntityTab


class TabPages(Mapping[str, EntityTab]):
    """`pages["trade"]` is the trade tab, built on first use by `make(spec)`, then
    handed to `ready(tab)` (which may ask for tabs again: it is registered by then)."""

    def __init__(
        self,
        tab_widget: QTabWidget,
        make: Callable[[EntitySpec], EntityTab],
        ready: Callable[[EntityTab], None],
    ):
        self.tab_widget = tab_widget
        self._make = make
        self._ready = ready
        self._specs = {spec.name: spec for spec in DOSSIER_PARTS}
        self._pages: dict[str, QWidget] = {}
        self._tabs: dict[str, EntityTab] = {}
        for spec in DOSSIER_PARTS:
            page = QWidget()
            page.setObjectName(f"page_{spec.name}")
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._pages[spec.name] = page
            tab_widget.addTab(page, "")
        # Connected before anyone else, so a tab exists when others hear of the change.
        tab_widget.currentChanged.connect(self._current_changed)

    def __getitem__(self, name: str) -> EntityTab:
        tab = self._tabs.get(name)
        if tab is None:
            if name not in self._pages:
                raise KeyError(name)
            tab = self._make(self._specs[name])
            tab.setObjectName(f"tab_{name}")
            self._tabs[name] = tab
            layout = self._pages[name].layout()
            assert layout is not None
            layout.addWidget(tab)
            # Shown now, not when the queued show arrives: a tab on the current page
            # reads its rows at once (it is visible only while its page is).
            tab.show()
            self._ready(tab)
        return tab

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)

    def built(self) -> dict[str, EntityTab]:
        """The tabs made so far (the others pick up the window's state when made)."""
        return dict(self._tabs)

    def current_name(self) -> str | None:
        # By index: currentWidget() would make PySide resolve the page's class.
        names = list(self._pages)
        index = self.tab_widget.currentIndex()
        return names[index] if 0 <= index < len(names) else None

    def current(self) -> EntityTab | None:
        name = self.current_name()
        return self[name] if name in self._pages else None

    def show(self, name: str) -> EntityTab:
        """Bring a tab to the front (building it if needed) and return it."""
        tab = self[name]
        self.tab_widget.setCurrentWidget(self._pages[name])
        return tab

    def _current_changed(self, _index: int) -> None:
        self.current()
