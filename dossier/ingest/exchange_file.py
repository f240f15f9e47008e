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
from dossier.said import Said, said, said_by
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
UNENCRYPTED_RISK_RU = (
    "{name} не зашифрован: любой, через чьи руки он прошёл, мог его прочитать, "
    "написать или изменить (ничто не доказывает, что он от вашего коллеги)."
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
        raise ExchangeError(said("No file {path}.", "Нет файла {path}.", path=path))
    if is_live(path):  # reading it would drop the open store's locks (store/live.py)
        raise ExchangeError(
            said(
                "{name} is the store open here, not a .dossier file.",
                "{name} — хранилище, открытое здесь, а не файл .dossier.",
                name=path.name,
            )
        )
    warnings: list[str] = []
    encrypted = is_encrypted(path)
    if not encrypted:
        with path.open("rb") as fh:
            if fh.read(16) != PLAIN_HEADER:
                raise ExchangeError(
                    said(
                        "{name} is not a .dossier file.",
                        "{name} — не файл .dossier.",
                        name=path.name,
                    )
                )
        risk = Said(
            UNENCRYPTED_RISK.format(name=path.name), UNENCRYPTED_RISK_RU.format(name=path.name)
        )
        if not allow_unencrypted:
            raise ExchangeError(
                said(
                    "{risk} It was refused; --allow-unencrypted reads it if you trust where "
                    "it came from.",
                    "{risk} Он отклонён; --allow-unencrypted прочтёт его, если вы доверяете "
                    "его источнику.",
                    risk=risk,
                )
            )
        warnings.append(risk)
    elif not passphrase:
        raise ExchangeError(
            said(
                "{name} is encrypted: its passphrase is needed.",
                "{name} зашифрован: нужен его пароль.",
                name=path.name,
            )
        )
    try:
        db = open_foreign(path, passphrase if encrypted else None)
    except ForeignFileError as exc:
        raise ExchangeError(said_by(exc)) from None
    try:
        from dossier.store import migrations
        from dossier.store.facade import Store

        if migrations.schema_version(db) < migrations.latest_version():
            db.close()
            return _read_migrated(path, passphrase if encrypted else None, warnings)
        incoming = _read_all(Store(db, None), path)
    except failures() as exc:
        from dossier.store.foreign import interrupted, too_much_work

        if interrupted(db):
            raise ExchangeError(too_much_work(path)) from None
        raise ExchangeError(_unreadable(path, exc)) from None
    finally:
        db.close()
    incoming.warnings = warnings
    return incoming


def _unreadable(path: Path, exc: BaseException) -> str:
    return said(
        "Cannot read {name} as a .dossier file ({exc}).",
        "Не удалось прочитать {name} как файл .dossier ({exc}).",
        name=path.name,
        exc=exc,
    )


def _read_all(src: Store, path: Path) -> Incoming:
    dossiers = src.dossiers.list()
    if len(dossiers) != 1:
        raise ExchangeError(
            said(
                "{name} holds {count} dossiers; a .dossier file holds one.",
                "В {name} досье: {count}; в файле .dossier досье одно.",
                name=path.name,
                count=len(dossiers),
            )
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
                said(
                    "Cannot open {name} as a .dossier file ({exc}).",
                    "Не удалось открыть {name} как файл .dossier ({exc}).",
                    name=path.name,
                    exc=str(exc).replace(str(copy), path.name),
                )
            ) from None
        try:
            incoming = _read_all(src, path)
        finally:
            src.close()
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    incoming.warnings = warnings
    return incoming
