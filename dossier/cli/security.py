"""Safety commands: encrypt, decrypt, passwd, backup, restore."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dossier.cli.common import (
    CliError,
    add_no_backup,
    ask_passphrase,
    backup_before_change,
    missing_store,
    open_cli_store,
    store_path,
)
from dossier.plural import en_count

NEW_PASSPHRASE_ENV = "DOSSIER_NEW_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("encrypt", help="encrypt the store in place with a passphrase")
    add_no_backup(p)
    p.set_defaults(handler=cmd_encrypt)

    p = sub.add_parser("decrypt", help="write an unencrypted copy of an encrypted store")
    p.add_argument("--out", metavar="PATH", required=True, help="the plain file to create")
    add_no_backup(p)
    p.set_defaults(handler=cmd_decrypt)

    p = sub.add_parser("passwd", help="change the passphrase of an encrypted store")
    add_no_backup(p)
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("backup", help="make a verified backup of the store now")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="list the backups, or put one back in place")
    p.add_argument(
        "backup", nargs="?", help="number from the list (1 = newest) or path of a backup file"
    )
    p.set_defaults(handler=cmd_restore)


def _existing_store(args: argparse.Namespace) -> Path:
    path = store_path(args)
    if not path.is_file():
        raise missing_store(path)
    return path


def _backup_first(args: argparse.Namespace, path: Path, passphrase: str | None) -> None:
    """The backup every change makes first, through a connection closed again
    before the command rewrites the file."""
    if args.no_backup:
        return
    from dossier.store.facade import open_store

    store = open_store(path, create=False, passphrase=passphrase)
    try:
        backup_before_change(args, store)
    finally:
        store.close()


def _new_passphrase(env: str) -> str:
    """A new passphrase: from `env` for scripts, else typed twice at the terminal."""
    from dossier.store.crypto import check_new_passphrase, strength_hint

    given = os.environ.get(env)
    if given:
        check_new_passphrase(given)
        return given
    if not sys.stdin.isatty():
        raise CliError(f"New passphrase: set {env} or run the command in a terminal to type it.")
    import getpass

    try:
        first = getpass.getpass("New passphrase: ")
        print(strength_hint(first)[1], file=sys.stderr)
        check_new_passphrase(first)
        check_new_passphrase(first, getpass.getpass("Type it again: "))
    except EOFError:
        raise CliError("No passphrase given.") from None
    return first


def _other_copies_note(path: Path) -> str:
    return (
        f"Earlier copies of the data (other files, the old file's disk sectors) are "
        f"not erased by this; keep {path.parent} on an encrypted disk if you can."
    )


def cmd_encrypt(args: argparse.Namespace) -> int:
    from dossier.store.backup import encrypt_with_backups
    from dossier.store.crypto import is_encrypted

    path = _existing_store(args)
    if is_encrypted(path):
        raise CliError(f"{path} is already encrypted; `dossier passwd` changes the passphrase.")
    # The new passphrase comes from DOSSIER_PASSPHRASE: it is the one every later
    # command will use to open the store.
    from dossier.cli.common import PASSPHRASE_ENV

    passphrase = _new_passphrase(PASSPHRASE_ENV)
    _backup_first(args, path, None)
    # Plain backups would keep a readable copy of everything: they are encrypted too.
    converted = encrypt_with_backups(path, passphrase)
    print(
        f"Encrypted {path}"
        + (f" and {en_count(converted, 'backup', 'backups')}." if converted else ".")
    )
    print(_other_copies_note(path), file=sys.stderr)
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    from dossier.store.crypto import is_encrypted
    from dossier.store.rekey import decrypt_copy

    path = _existing_store(args)
    if not is_encrypted(path):
        raise CliError(f"{path} is not encrypted.")
    out = Path(args.out).expanduser()
    if out.exists():
        raise CliError(f"{out} already exists; choose a new file name.")
    passphrase = ask_passphrase(f"Passphrase for {path}")
    _backup_first(args, path, passphrase)
    decrypt_copy(path, passphrase, out)
    print(
        f"Wrote an UNENCRYPTED copy to {out}. Anyone who can read that file can read the dossiers."
    )
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from dossier.store.backup import rekey_with_backups
    from dossier.store.crypto import is_encrypted, passphrase_opens

    path = _existing_store(args)
    if not is_encrypted(path):
        raise CliError(f"{path} is not encrypted; `dossier encrypt` encrypts it.")
    old = ask_passphrase(f"Current passphrase for {path}")
    if not passphrase_opens(path, old):
        raise CliError(f"Wrong passphrase or damaged file: {path}")
    new = _new_passphrase(NEW_PASSPHRASE_ENV)
    _backup_first(args, path, old)
    # Backups follow the store, so one passphrase opens everything.
    moved = rekey_with_backups(path, old, new)
    print(
        f"Changed the passphrase of {path}"
        + (f" and of {en_count(moved, 'backup', 'backups')}." if moved else ".")
    )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from dossier.store.backup import make_backup

    store = open_cli_store(args, create=False)
    try:
        info = make_backup(store)
    finally:
        store.close()
    print(f"Backed up {en_count(info.records, 'record', 'records')} to {info.path} (verified).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from dossier.store.backup import list_backups, restore
    from dossier.store.crypto import is_encrypted

    path = store_path(args)
    backups = list_backups(path)
    if args.backup is None:
        if not backups:
            print(f"No backups of {path} yet (`dossier backup` makes one).")
            return 0
        print(f"Backups of {path}, newest first:")
        for number, info in enumerate(backups, 1):
            print(f"{number:3}  {info.describe()}")
        print("Restore one with `dossier restore NUMBER`.")
        return 0
    if args.backup.isdigit():
        number = int(args.backup)
        if not 1 <= number <= len(backups):
            raise CliError(f"There is no backup number {number}; `dossier restore` lists them.")
        chosen = backups[number - 1].path
    else:
        chosen = Path(args.backup).expanduser()
        if not chosen.is_file():
            raise CliError(f"No backup file at {chosen}.")
    store_encrypted, backup_encrypted = is_encrypted(path), is_encrypted(chosen)
    passphrase = None
    if store_encrypted or backup_encrypted:
        # One passphrase opens a store and its backups; a plain backup put back into
        # an encrypted store is encrypted with the store's.
        passphrase = ask_passphrase(f"Passphrase for {path if store_encrypted else chosen.name}")
    aside = restore(path, chosen, passphrase)
    print(f"Restored {path} from {chosen.name}.")
    if store_encrypted and not backup_encrypted:
        print("The backup was plain: it was encrypted with the store's passphrase.")
    elif backup_encrypted and not store_encrypted:
        print("The backup was encrypted: the store is now encrypted with its passphrase.")
    if aside:
        print(f"The store it replaced could not be opened; it was kept as {aside}.")
    else:
        print("The store as it was before is in the backups (`dossier restore` lists it).")
    return 0
