"""The app icon: one SVG, PNGs rendered from it, and the Windows/macOS icon files."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from packaging_helpers import ICON_SIZES, ICONS, PACKAGING
from PIL import Image


def test_svg_is_square_and_titled() -> None:
    root = ET.parse(ICONS / "dossier.svg").getroot()
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    assert width == height
    assert root.findtext("{http://www.w3.org/2000/svg}title") == "Dossier"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_has_its_size_a_transparent_corner_and_a_drawing(size: int) -> None:
    with Image.open(ICONS / f"dossier-{size}.png") as image:
        assert image.size == (size, size)
        rgba = image.convert("RGBA")
    assert rgba.getpixel((0, 0))[3] == 0  # no square background behind the folder
    # The seal's red and the folder's ochre are both there at every size.
    colours = {
        rgba.getpixel((x, y))[:3]
        for x in range(size)
        for y in range(size)
        if rgba.getpixel((x, y))[3] == 255
    }
    assert any(r > 150 and g < 90 and b < 80 for r, g, b in colours), "no red seal"
    assert any(r > 180 and 120 < g < 210 and b < 140 for r, g, b in colours), "no folder"


def test_windows_icon_carries_the_small_and_large_sizes() -> None:
    with Image.open(PACKAGING / "windows" / "dossier.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_macos_icon_carries_finder_and_dock_sizes() -> None:
    with Image.open(PACKAGING / "macos" / "dossier.icns") as icns:
        sizes = {(w, h) for w, h, _scale in icns.info["sizes"]}
    assert {(16, 16), (32, 32), (128, 128), (256, 256), (512, 512)} <= sizes
