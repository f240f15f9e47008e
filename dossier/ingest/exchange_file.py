"""A `.dossier` file: reading one back, migrated if it is older. Writing one is
dossier.exports.exchange_writer's part, merging what is read into a store exchange.py's.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.model import (
    EVENT,
    OFFICIAL,
    PROJECT,
    SOURCE,
    TALKING_POINT,
    TRADE,
    Dossier,
    EntitySpec,
)
from dossier.store import Store, StoreError, failures, open_store

SUFFIX = ".dossier"
FORMAT = "dossier-exchange-1"
# Order matters: sources and officials first, so later records can point at them.
PARTS: tuple[EntitySpec, ...] = (SOURCE, OFFICIAL, TRADE, PROJECT, TALKING_POINT, EVENT)


class ExchangeError(ValueError):
    """The file cannot be exported or read (one line for the user)."""


# -- reading ----------------------------------------------------------------------
@dataclass
class Incoming:
    """Everything a .dossier file holds, read into memory."""

    path: Path
    dossier: Dossier
    records: dict[str, list[Any]]  # entity name -> records
    info: dict[str, str]
    warnings: list[str] = field(default_factory=list)  # one line each, for the user


UNENCRYPTED_RISK = (
    "{name} is not encrypted: anyone who handled it could have read it, or written "
    "or changed it (nothing proves it comes from your colleague)."
)


def read_exchange(
    path: Path | str, passphrase: str | None, *, allow_unencrypted: bool = False
) -> Incoming:
    """Read a .dossier file; ExchangeError for a wrong passphrase or a foreign file.

    A .dossier must be encrypted with `passphrase`: that is what proves who made it.
    A plain one is refused unless `allow_unencrypted` (then `Incoming.warnings`
    names the risk). The file is opened read-only with defensive settings
    (store/foreign.py): a crafted file ends in a clear message, never a hang.
    """
    from dossier.store.crypto import PLAIN_HEADER, is_encrypted
    from dossier.store.foreign import ForeignFileError, open_foreign
    from dossier.store.live import is_live

    path = Path(path)
    if not path.is_file():
        raise ExchangeError(f"No file {path}.")
    if is_live(path):  # reading it would drop the open store's locks (store/live.py)
        raise ExchangeError(f"{path.name} is the store open here, not a .dossier file.")
    warnings = []
    encrypted = is_encrypted(path)
    if not encrypted:
        with path.open("rb") as fh:
            if fh.read(16) != PLAIN_HEADER:
                raise ExchangeError(f"{path.name} is not a .dossier file.")
        if not allow_unencrypted:
            raise ExchangeError(
                UNENCRYPTED_RISK.format(name=path.name)
                + " It was refused; --allow-unencrypted reads it if you trust where it came from."
            )
        warnings.append(UNENCRYPTED_RISK.format(name=path.name))
    elif not passphrase:
        raise ExchangeError(f"{path.name} is encrypted: its passphrase is needed.")
    try:
        db = open_foreign(path, passphrase if encrypted else None)
    except ForeignFileError as exc:
        raise ExchangeError(str(exc)) from None
    try:
        from dossier.store import migrations
        from dossier.store.facade import Store

        if migrations.schema_version(db) < migrations.latest_version():
            db.close()
            return _read_migrated(path, passphrase if encrypted else None, warnings)
        incoming = _read_all(Store(db, None), path)
    except failures() as exc:
        from dossier.store.foreign import interrupted

        if interrupted(db):
            raise ExchangeError(
                f"{path.name} takes too much work to read: a crafted or damaged file. "
                "Nothing was changed."
            ) from None
        raise ExchangeError(f"Cannot read {path.name} as a .dossier file ({exc}).") from None
    finally:
        db.close()
    incoming.warnings = warnings
    return incoming


def _read_all(src: Store, path: Path) -> Incoming:
    dossiers = src.dossiers.list()
    if len(dossiers) != 1:
        raise ExchangeError(
            f"{path.name} holds {len(dossiers)} dossiers; a .dossier file holds one."
        )
    dossier = dossiers[0]
    records = {spec.name: src.repo(spec).list(dossier.id) for spec in PARTS}
    from dossier.store.foreign import exchange_info

    return Incoming(path, dossier, records, exchange_info(src.db))


def _read_migrated(path: Path, passphrase: str | None, warnings: list[str]) -> Incoming:
    """A file from an older Dossier (its schema checked safe): migrated on a private
    copy (still encrypted if it was), so the colleague's file stays as it came."""
    from dossier.files import private_umask

    with private_umask():
        tmpdir = Path(tempfile.mkdtemp(prefix="dossier-exchange-"))
    copy = tmpdir / "incoming.dossier"
    try:
        shutil.copyfile(path, copy)
        try:
            src = open_store(copy, create=False, passphrase=passphrase)
        except StoreError as exc:
            raise ExchangeError(
                f"Cannot open {path.name} as a .dossier file "
                f"({str(exc).replace(str(copy), path.name)})."
            ) from None
        try:
            incoming = _read_all(src, path)
        finally:
            src.close()
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    incoming.warnings = warnings
    return incoming
