"""Render the app icon (resources/icons/dossier.svg) to PNG sizes, .ico and .icns.

Run after editing the SVG:  /tmp/v/bin/python packaging/make_icons.py
The PNGs go beside the SVG (the Linux icon theme and the GUI use them); the .ico
(Windows) and .icns (macOS) go to packaging/ for the PyInstaller spec.
Uses Qt's own SVG renderer, so the icon looks the same as in the app.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "dossier.svg"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return ICONS / f"dossier-{size}.png"


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"could not write {png_path(size)}")
        written.append(png_path(size))
    return written


def write_ico_icns() -> list[Path]:
    # Pillow comes with matplotlib; it writes both formats on any platform.
    from PIL import Image

    largest = Image.open(png_path(512))
    ico = ROOT / "packaging" / "windows" / "dossier.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    # Each size from its own hand-rendered PNG (sharper than downscaling one image).
    frames = [Image.open(png_path(s)) for s in ICO_SIZES]
    frames[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    icns = ROOT / "packaging" / "macos" / "dossier.icns"
    icns.parent.mkdir(parents=True, exist_ok=True)
    largest.save(
        icns, format="ICNS", append_images=[Image.open(png_path(s)) for s in ICNS_SIZES[:-1]]
    )
    return [ico, icns]


def main() -> int:
    for path in [*render_pngs(), *write_ico_icns()]:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
