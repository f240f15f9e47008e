"""Which Qt plugins, Qt translations and gettext catalogues go into the bundle,
and the Windows version resource.

Used by dossier.spec (PyInstaller) and by tests/packaging/test_bundle_rules.py.
`dest` paths are as PyInstaller names them inside the bundle, e.g.
PySide6/Qt/plugins/platforms/libqxcb.so (Linux, macOS) or
PySide6/plugins/platforms/qwindows.dll (Windows).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

# Qt plugins: the screen back-ends a laptop needs (xcb on Linux; offscreen for the
# smoke test and headless runs), image formats (PNG is built in; SVG, JPEG, PDF...),
# the SVG icon engine, printing and input methods. Everything else is dropped.
KEEP_PLATFORMS = {"offscreen", "xcb", "windows", "cocoa", "minimal"}
KEEP_PLUGIN_TYPES = {
    "platforms",
    "imageformats",
    "iconengines",
    "printsupport",
    "platforminputcontexts",
    "xcbglintegrations",
    "styles",
    "platformthemes",
}
# Qt's own translations (standard dialog buttons): the app speaks English and Russian.
KEEP_QT_LANGS = {"en", "ru"}
KEEP_GETTEXT_LANGS = {"en", "ru", "be", "az"}


def keep_plugin(kind: str, name: str) -> bool:
    """Keep a plugin of this type (platforms, imageformats...) and file name?"""
    name = name.lower()
    if kind not in KEEP_PLUGIN_TYPES:
        return False
    if kind == "platforms":
        return any(p in name for p in KEEP_PLATFORMS) and "egl" not in name
    if kind == "platforminputcontexts":
        return "virtualkeyboard" not in name
    if kind == "platformthemes":
        # The GTK theme would drag GTK, Pango and Cairo along (~15 MB); the portal
        # theme gives native file dialogs on modern desktops.
        return "gtk" not in name
    return True


def wanted(dest: str) -> bool:
    """Keep this file (by its place in the bundle)?"""
    parts = PurePath(dest).parts
    if "plugins" in parts[:-1] and "PySide6" in parts:
        at = parts.index("plugins")
        return keep_plugin(parts[at + 1] if at + 2 < len(parts) else "", PurePath(dest).name)
    if "LC_MESSAGES" in parts:
        # gettext catalogues (pycountry ships ~120 languages, 21 MB): the app's own
        # languages plus the partner-country languages it shows names in.
        return parts[parts.index("LC_MESSAGES") - 1].split("_")[0] in KEEP_GETTEXT_LANGS
    if "translations" in parts and dest.endswith(".qm") and "PySide6" in parts:
        # qtbase_ru, qt_help_ru are kept; qtbase_pt_BR, qtbase_zh_CN are not
        return PurePath(dest).stem.split("_")[-1] in KEEP_QT_LANGS
    return True


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Windows wants four numbers: "1.2" -> (1, 2, 0, 0); "1.3rc1" -> (1, 3, 0, 0)."""
    numbers = [
        int(m[0]) if (m := re.match(r"\d+", part)) else 0
        for part in version.split("+")[0].split(".")[:4]
    ]
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def windows_version_info(version: str, name: str) -> Any:
    """The VSVersionInfo PyInstaller writes into dossier.exe (Explorer > Properties)."""
    from PyInstaller.utils.win32 import versioninfo as vi  # needs pefile: Windows only

    numbers = version_numbers(version)
    strings = {
        "CompanyName": name,
        "FileDescription": f"{name}: country dossiers",
        "FileVersion": version,
        "InternalName": "dossier",
        "LegalCopyright": "",
        "OriginalFilename": "dossier.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo(
                [vi.StringTable("040904B0", [vi.StringStruct(k, v) for k, v in strings.items()])]
            ),
            vi.VarFileInfo([vi.VarStruct("Translation", [1033, 1200])]),
        ],
    )
