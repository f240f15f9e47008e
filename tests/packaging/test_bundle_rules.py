"""What the bundle keeps of Qt and of gettext catalogues (packaging/bundle_rules.py)."""

from __future__ import annotations

import importlib.util

import pytest
from packaging_helpers import PACKAGING

_spec = importlib.util.spec_from_file_location("bundle_rules", PACKAGING / "bundle_rules.py")
rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rules)

QT = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    "dest",
    [
        f"{QT}/platforms/libqxcb.so",  # X11 desktops (and XWayland)
        f"{QT}/platforms/libqoffscreen.so",  # smoke test, headless brief export
        "PySide6/plugins/platforms/qwindows.dll",
        f"{QT}/platforms/libqcocoa.dylib",
        f"{QT}/imageformats/libqsvg.so",
        f"{QT}/imageformats/libqjpeg.so",
        f"{QT}/iconengines/libqsvgicon.so",  # the SVG window icon
        f"{QT}/printsupport/libcupsprintersupport.so",
        f"{QT}/platforminputcontexts/libibusplatforminputcontextplugin.so",
        f"{QT}/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/translations/qtbase_ru.qm",
        "pycountry/locales/ru/LC_MESSAGES/iso3166-1.mo",
        "dossier/_data/resources/translations/dossier_ru.qm",
        "natasha/data/emb/navec_news_v1_1B_250K_300d_100q.tar",
    ],
)
def test_kept(dest: str) -> None:
    assert rules.wanted(dest)


@pytest.mark.parametrize(
    "dest",
    [
        f"{QT}/platforms/libqwayland.so",
        f"{QT}/platforms/libqeglfs.so",
        f"{QT}/platforms/libqminimalegl.so",
        f"{QT}/platforms/libqvnc.so",
        f"{QT}/platformthemes/libqgtk3.so",  # would pull GTK, Pango, Cairo
        f"{QT}/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{QT}/qmltooling/libqmldbg_tcp.so",
        f"{QT}/sqldrivers/libqsqlpsql.so",
        f"{QT}/tls/libqopensslbackend.so",  # the app opens no socket
        f"{QT}/networkinformation/libqnetworkmanager.so",
        f"{QT}/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtbase_pt_BR.qm",
        "pycountry/locales/de/LC_MESSAGES/iso3166-1.mo",
    ],
)
def test_dropped(dest: str) -> None:
    assert not rules.wanted(dest)


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.3rc1", (1, 3, 0, 0)),
        ("1.2.3.4.5+local", (1, 2, 3, 4)),
    ],
)
def test_windows_file_version_is_four_numbers_from_the_project_version(
    version: str, numbers: tuple[int, int, int, int]
) -> None:
    assert rules.version_numbers(version) == numbers
