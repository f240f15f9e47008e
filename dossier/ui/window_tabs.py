"""The dossier's tabs, each made when first shown and wired to the window's commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.model import ENTITIES, EntitySpec
from dossier.ui.entity_tab import EntityTab
from dossier.ui.i18n import tr

if TYPE_CHECKING:
    from dossier.ui.main_window import MainWindow


def make_tab(window: MainWindow, spec: EntitySpec) -> EntityTab:
    """A dossier tab, made when first shown or asked for, given the window's state."""
    tab: EntityTab
    if spec.name == "trade":
        from dossier.ui.trade_tab import TradeTab

        tab = TradeTab(window.lang)
    elif spec.name == "talking_point":
        from dossier.ui.points_tab import PointsTab

        tab = PointsTab(window.lang)
        tab.move_requested.connect(lambda *a: window.ops.move_point(*a))
    elif spec.name == "source":
        from dossier.ui.sources_tab import SourcesTab

        tab = SourcesTab(window.lang)
        tab.jump_requested.connect(
            lambda kind, rid: window.jump_to(
                kind, rid, getattr(window.current_dossier(), "id", None)
            )
        )
    elif spec.name == "event":
        from dossier.ui.events_tab import EventsTab

        tab = EventsTab(window.lang)
    else:
        tab = EntityTab(spec, window.lang)
    tab.add_requested.connect(window.add_record)
    tab.edit_requested.connect(lambda record: window.editor.edit(record))
    tab.delete_requested.connect(lambda record: window.ops.delete(record))
    tab.history_requested.connect(window.show_history)
    tab.selection_changed.connect(window._update_actions)
    return tab


def jump_to(window: MainWindow, kind: str, record_id: int, dossier_id: int | None) -> bool:
    """Open the dossier, tab and row of a record (from search or a citation)."""
    if window.store is None:
        return False
    if kind == "dossier":
        return window.dossier_list.select(record_id)
    if dossier_id is not None and getattr(window.current_dossier(), "id", None) != dossier_id:
        window.dossier_list.select(dossier_id)
    if kind not in window.tabs:
        window.status(
            tr("%s records have no tab of their own.") % ENTITIES[kind].label(window.lang)
        )
        return False
    tab = window.tabs.show(kind)
    if kind == "talking_point":
        tab.set_kind(None)  # type: ignore[attr-defined]
    if tab.filter_edit.text():
        tab.filter_edit.clear()
        tab.apply_filter()
    if not tab.select_record(record_id):
        window.status(tr("That record no longer exists."))
        return False
    tab.view.setFocus()
    return True
