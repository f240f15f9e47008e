"""What every command shares: opening the store and turning failures into one line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.fields import ValidationError
from dossier.paths import default_store_path
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

    A store created here holds the sample dossier; it is encrypted when
    $DOSSIER_PASSPHRASE is set. At a terminal a wrong passphrase may be retyped.
    """
    from dossier.store.connection import DamagedStore
    from dossier.store.crypto import is_encrypted
    from dossier.store.sample import open_or_create

    path = store_path(args)
    try:
        if not is_encrypted(path):
            if not path.exists() and not create:
                raise CliError(f"No store at {path}.")
            store = open_or_create(path, os.environ.get(PASSPHRASE_ENV) or None)
        else:
            store = _open_encrypted(path)
    except DamagedStore as exc:
        raise CliError(f"{exc}{_backup_offer(path)}") from None
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
        f"({best.records} records): `dossier restore` lists the backups and puts one back."
    )


def _open_encrypted(path: Path) -> Store:
    from dossier.store.backup import list_backups
    from dossier.store.connection import WRONG_PASSPHRASE
    from dossier.store.facade import open_store

    tries = 1 if os.environ.get(PASSPHRASE_ENV) else PROMPT_TRIES
    for attempt in range(1, tries + 1):
        passphrase = ask_passphrase(f"Passphrase for {path}")
        try:
            return open_store(path, create=False, passphrase=passphrase)
        except StoreError as exc:
            if attempt == tries or not str(exc).startswith(WRONG_PASSPHRASE):
                if str(exc).startswith(WRONG_PASSPHRASE) and list_backups(path):
                    raise CliError(
                        f"{exc} (if the file is damaged, `dossier restore` lists its backups)"
                    ) from None
                raise
            print(f"dossier: {exc}", file=sys.stderr)
    raise AssertionError("unreachable")  # pragma: no cover


def run_command(args: argparse.Namespace) -> int:
    try:
        result: Any = args.handler(args)
    except (StoreError, ValidationError) as exc:
        raise CliError(str(exc)) from None
    except NotFound as exc:  # pragma: no cover - NotFound is a StoreError
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from None
    finally:
        while _opened:
            _close_quietly(_opened.pop())
    return int(result or 0)


def _close_quietly(store: Store) -> None:
    import contextlib

    from dossier.store.connection import db_errors

    with contextlib.suppress(*db_errors()):
        store.close()
