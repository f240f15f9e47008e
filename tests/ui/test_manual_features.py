"""The user manual (F1) covers this release's features in both languages, in the
words the menus use, and finds them when searched (issue 21, item 3)."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.ui import i18n
from dossier.ui.help_window import HelpWindow, manual_path
from dossier.ui.i18n import tr

pytestmark = pytest.mark.gui

# Menu and dialog words the manual must use as the app shows them.
FEATURES = [
    "Recently &used stores",
    "Colu&mns",
    "&Reset columns",
    "&Show passphrase",
    "(missing)",
    "Pair",
    "Audience",
    "Find duplicate &officials…",
    "&Merge",
    "Store not encrypted",
    "Store encrypted",
]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_manual_names_each_new_feature_as_the_app_does(qapp: Any, lang: str) -> None:
    i18n.install(lang)
    try:
        text = manual_path(lang).read_text(encoding="utf-8")
        missing = [w for w in FEATURES if tr(w).replace("&", "") not in text]
        assert missing == []
    finally:
        i18n.install("en")


@pytest.mark.parametrize(
    ("lang", "word"), [("en", "Recently used stores"), ("ru", "Недавние хранилища")]
)
def test_the_help_window_finds_them(qtbot: Any, lang: str, word: str) -> None:
    window = HelpWindow(lang)
    qtbot.addWidget(window)
    window.show()
    window.find_edit.setText(word)
    assert window.selected_text() == word
    window.close()
