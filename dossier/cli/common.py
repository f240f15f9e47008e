"""What every command shares: opening the store and turning failures into one line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.fields import ValidationError
from dossier.paths import default_store_path
from dossier.plural import en_count
from dossier.store.errors import NotFound, StoreError

if TYPE_CHECKING:
    from dossier.store import Store


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code `code`."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def store_path(args: argparse.Namespace) -> Path:
    return Path(args.store).expanduser() if args.store else default_store_path()


def is_default_store(args: argparse.Namespace) -> bool:
    """Whether the store is the one in the user data folder (not named by
    --store or $DOSSIER_STORE): only that one is made on first run."""
    return not args.store and not os.environ.get("DOSSIER_STORE")


def missing_store(path: Path) -> CliError:
    """The error for a store file that is not there, saying how to make one."""
    return CliError(
        f"No store at {path}: `dossier init {path}` makes a new empty one, "
        f"`dossier sample --out {path}` one holding the sample dossier."
    )


def check_out_folder(out: Path | str | None) -> None:
    """An output path must be in a folder that exists: a mistyped folder is an
    error, not a new tree of folders made silently."""
    if out is None or str(out) == "-":
        return
    folder = Path(out).expanduser().parent
    if not folder.is_dir():
        raise CliError(f"No folder {folder} for {out}: make it first, or choose another place.")


def add_no_backup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-backup",
        action="store_true",
        help="change the store without first making a verified backup (for scripts "
        "that keep their own)",
    )


def backup_before_change(args: argparse.Namespace, store: Store) -> None:
    """The verified, rotated backup the window makes, taken before a command changes
    the store; a backup that fails stops the command with nothing changed."""
    if getattr(args, "no_backup", False) or store.path is None:
        return
    from dossier.store.backup import make_backup

    # A store another process is writing would refuse the change after the backup
    # was made and announced: wait for it first, as the change will.
    store.wait_until_writable()
    try:
        info = make_backup(store)
    except StoreError as exc:
        raise CliError(f"{exc} Nothing was changed (--no-backup goes on without one).") from None
    print(f"Backed up the store first: {info.path}", file=sys.stderr)


PASSPHRASE_ENV = "DOSSIER_PASSPHRASE"
PROMPT_TRIES = 3


def ask_passphrase(prompt: str, *, env_var: str = PASSPHRASE_ENV, confirm: bool = False) -> str:
    """The passphrase from $`env_var`, else typed at the terminal (not echoed);
    `confirm` asks twice, for a passphrase being chosen."""
    env = os.environ.get(env_var)
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(
            f"{prompt} is needed: set {env_var} or run the command in a terminal to type it."
        )
    import getpass

    try:
        first = getpass.getpass(f"{prompt}: ")
        if confirm and getpass.getpass("Repeat it: ") != first:
            raise CliError("The two passphrases differ; nothing written.")
    except EOFError:
        raise CliError("No passphrase given.") from None
    return first


def open_cli_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """Open the store, asking for the passphrase if it is encrypted.

    A store named by --store or $DOSSIER_STORE must exist; only the default one in
    the user data folder is made on first run (`create`), holding the sample
    dossier, encrypted when $DOSSIER_PASSPHRASE is set. At a terminal a wrong
    passphrase may be retyped.
    """
    from dossier.store.connection import DamagedStore
    from dossier.store.crypto import is_encrypted
    from dossier.store.sample import open_or_create

    path = store_path(args)
    if not path.exists() and not (create and is_default_store(args)):
        raise missing_store(path)
    try:
        if not is_encrypted(path):
            store = open_or_create(path, os.environ.get(PASSPHRASE_ENV) or None)
        else:
            store = _open_encrypted(path)
    except DamagedStore as exc:
        raise CliError(f"{exc}{_backup_offer(path)}") from None
    # The history says which command made each change (`dossier history`).
    store.log.origin = getattr(args, "command", None) or "dossier"

    for notice in store.notices:
        print(f"dossier: {notice}", file=sys.stderr)
    _opened.append(store)
    return store


# Stores opened by the running command, closed when it ends: a connection left to
# the garbage collector keeps the file open, and the next command that must have it
# alone (restore, passwd) would be refused.
_opened: list[Store] = []


def _backup_offer(path: Path) -> str:
    from dossier.store.backup import newest_good_backup

    best = newest_good_backup(path, os.environ.get(PASSPHRASE_ENV) or None)
    if best is None:
        return ""
    return (
        f" The newest good backup is from {best.local_time:%Y-%m-%d %H:%M} "
        f"({en_count(best.records, 'record', 'records')}): `dossier restore` lists the backups and puts one back."
    )


def _open_encrypted(path: Path) -> Store:
    from dossier.store.backup import list_backups
    from dossier.store.errors import WrongPassphrase
    from dossier.store.facade import open_store

    tries = 1 if os.environ.get(PASSPHRASE_ENV) else PROMPT_TRIES
    for attempt in range(1, tries + 1):
        passphrase = ask_passphrase(f"Passphrase for {path}")
        try:
            return open_store(path, create=False, passphrase=passphrase)
        except WrongPassphrase as exc:
            if attempt == tries:
                if list_backups(path):
                    raise CliError(
                        f"{exc} (if the file is damaged, `dossier restore` lists its backups)"
                    ) from None
                raise
            print(f"dossier: {exc}", file=sys.stderr)
    raise AssertionError("unreachable")  # pragma: no cover


def remove_leftovers_of(path: Path) -> None:
    """Temporary files that interrupted writes of `path` left beside it (and, for a
    store, in its backups folder), removed when their writer is gone."""
    from dossier.files import remove_leftovers
    from dossier.store.backup import backup_dir

    remove_leftovers(path.parent, path.name)
    remove_leftovers(backup_dir(path), f"{path.stem}.db")


def run_command(args: argparse.Namespace) -> int:
    out = getattr(args, "out", None)
    check_out_folder(out)
    try:
        if args.command != "gui":  # the window cleans up as it opens the store
            remove_leftovers_of(store_path(args))
        if out is not None:
            remove_leftovers_of(Path(out).expanduser())
        result: Any = args.handler(args)
    except (StoreError, ValidationError) as exc:
        raise CliError(str(exc)) from None
    except NotFound as exc:  # pragma: no cover - NotFound is a StoreError
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from None
    except Exception as exc:
        # A driver error (a busy or damaged store) is one line, never a traceback.
        from dossier.store.connection import db_errors
        from dossier.store.errors import driver_message

        if not isinstance(exc, db_errors()):
            raise
        raise CliError(driver_message(exc)) from None
    finally:
        while _opened:
            _close_quietly(_opened.pop())
    return int(result or 0)


def _close_quietly(store: Store) -> None:
    import contextlib

    from dossier.store.connection import db_errors

    with contextlib.suppress(*db_errors()):
        store.close()
