"""`dossier gui` (the desktop app) and `dossier screenshots` (pictures of it, offscreen)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dossier.cli import LANGUAGES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the desktop app (the default)")
    p.add_argument(
        "--smoke",
        action="store_true",
        help="show the main window, process pending events and exit 0",
    )
    p.add_argument(
        "--ui-lang",
        dest="ui_lang",
        choices=LANGUAGES,
        help="interface language (default: the saved preference, else the system's)",
    )
    p.set_defaults(handler=run)

    p = sub.add_parser(
        "screenshots", help="write PNGs of every tab, form and the search (no screen needed)"
    )
    p.add_argument("--out", metavar="DIR", required=True, help="folder for the PNG files")
    p.add_argument(
        "--langs",
        default="en,ru",
        help="interface languages to shoot, comma-separated (default: en,ru)",
    )
    p.set_defaults(handler=screenshots)


# Qt platforms that need no screen.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def display_problem() -> str | None:
    """Why no window can be shown here (None when one can): checked before Qt,
    whose own failure is an abort with a core dump, not a message."""
    if sys.platform in ("darwin", "win32"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform.startswith(HEADLESS_PLATFORMS):
        return None
    has_x = bool(os.environ.get("DISPLAY"))
    has_wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    if (platform == "xcb" and has_x) or (platform == "wayland" and has_wayland):
        return None
    if not platform and (has_x or has_wayland):
        return None
    return (
        "No display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). "
        "Without a screen, use the commands, e.g. `dossier brief --sample --out brief.pdf`, "
        "or set QT_QPA_PLATFORM=offscreen."
    )


def run(args: argparse.Namespace) -> int:
    from dossier.cli.common import CliError, is_default_store, missing_store, store_path

    problem = display_problem()
    if problem:
        raise CliError(problem, code=2)
    if not is_default_store(args) and not store_path(args).exists():
        raise missing_store(store_path(args))
    from dossier.ui.app import run_gui

    return run_gui(args)


def screenshots(args: argparse.Namespace) -> int:
    from dossier.cli.common import CliError

    langs = [x.strip() for x in args.langs.split(",") if x.strip()]
    bad = [x for x in langs if x not in ("en", "ru")]
    if bad or not langs:
        raise CliError(f"Unknown language {', '.join(bad) or '(none)'}: use en and/or ru.")
    # Offscreen: pictures come out the same with or without a display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from dossier.ui.screenshots import write_screenshots

    written = write_screenshots(Path(args.out), langs, store_path=args.store)
    for path in written:
        print(path)
    return 0
