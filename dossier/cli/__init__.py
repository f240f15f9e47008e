"""The `dossier` command: a thin layer over the core, one module per group of commands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from dossier import startup_gc

startup_gc.pause()  # loading the store's modules; resumed below (see startup_gc)
try:
    from dossier import app_version
    from dossier.cli.common import CliError, run_command
finally:
    startup_gc.resume()

# Each module adds its subcommands with register(subparsers).
COMMAND_MODULES = [
    "gui",
    "basic",
    "security",
    "brief",
    "imports",
    "exchange",
    "capture",
    "history",
    "jsondata",
    "about",
]
_TAKES_VALUE = {"--store", "--lang"}
LANGUAGES = ("en", "ru")  # of --lang and the app's --ui-lang


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (it costs start-up time)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object):
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show the version and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"dossier {app_version()}")
        parser.exit()


def build_parser(*, app_only: bool = False) -> argparse.ArgumentParser:
    """The command line parser; `app_only` knows just the app's commands (`gui`,
    `screenshots`), so opening the window does not import every other command."""
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Offline country dossiers and printable briefs. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--store",
        metavar="PATH",
        help="store file to use, which must exist (default: $DOSSIER_STORE, else the "
        "one in the user's data directory, made with the sample dossier on first run)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="language of labels in output (default: en)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in ["gui"] if app_only else COMMAND_MODULES:
        importlib.import_module(f"dossier.cli.{name}").register(sub)
    return parser


def _opens_the_app(argv: Sequence[str]) -> bool:
    """Whether the command line names `gui` or no command (the app) and asks for no
    help or version, which must list every command."""
    args = iter(argv)
    for arg in args:
        if arg in ("-h", "--help", "--version"):
            return False
        if arg in _TAKES_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            return arg == "gui"
    return True


# The app's own command lines, read without argparse: building the parser (its
# gettext look-ups stat a dozen translation paths per message) and parsing took
# ~15 M instructions, ~4 ms of every start of the window. Only these plain forms
# (the launcher's `dossier`, `dossier gui`, `--store PATH`, `--lang`, `--ui-lang`,
# `--smoke`); anything else (help, `--store=PATH`, an abbreviation, a mistake) is
# parsed by argparse as before. tests/cli/test_app_args.py checks that each form
# gives the namespace argparse gives.
_APP_OPTIONS = {"--store": "store", "--lang": "lang", "--ui-lang": "ui_lang"}


def _app_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The namespace of a plain command line that opens the app; None otherwise."""
    found: dict[str, object] = {}
    words = iter(argv)
    gui = False
    for word in words:
        if word == "gui" and not gui:
            gui = True
            continue
        if word == "--smoke" and gui and "smoke" not in found:
            found["smoke"] = True
            continue
        name = _APP_OPTIONS.get(word)
        if name is None or name in found or (name == "ui_lang") != gui:
            return None
        value = next(words, None)
        if value is None or value.startswith("-"):
            return None
        if name != "store" and value not in LANGUAGES:
            return None
        found[name] = value
    from dossier.cli import gui as gui_command

    return argparse.Namespace(
        store=found.get("store"),
        lang=found.get("lang", "en"),
        command="gui",
        smoke=found.get("smoke", False),
        ui_lang=found.get("ui_lang"),
        handler=gui_command.run,
    )


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def interrupt_on_signals() -> dict[int, object]:
    """A logout or `kill` stops a command as Ctrl+C does: the change under way is
    rolled back and temporary files removed, instead of the process just ending.
    Returns the handlers replaced, for `main` to put back.

    Through `_signal`, the C core of `signal`: the `signal` module builds three enums
    of every signal and handler at import (~4 M instructions of each start of the
    app), and nothing here needs them; the handlers are the same."""
    import _signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(_signal, name):
            sig = getattr(_signal, name)
            previous[sig] = _signal.signal(sig, _interrupt)
    return previous


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(argv if argv is not None else sys.argv[1:])
    startup_gc.pause()  # the app resumes it once its window is up
    try:
        args = _app_args(argv)
        if args is None:
            parser = build_parser(app_only=_opens_the_app(argv))
            args = parser.parse_args(argv)
            if args.command is None:
                args = parser.parse_args([*argv, "gui"])
        if args.command != "gui":
            startup_gc.resume()
        return _run(args)
    finally:
        startup_gc.resume()  # a usage error, a failed start: never left paused


def _run(args: argparse.Namespace) -> int:
    previous = interrupt_on_signals()
    try:
        return run_command(args)
    except CliError as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("dossier: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    finally:
        import _signal

        for sig, handler in previous.items():
            _signal.signal(sig, handler)


def gui_main() -> int:
    """`dossier-gui`: the desktop app with no console window (a gui-script on Windows).

    Launchers pass odd arguments (macOS once passed -psn_...) and a windowed program
    has no console to print usage to, so the arguments are not read."""
    return main(["gui"])


__all__ = ["gui_main", "main"]
