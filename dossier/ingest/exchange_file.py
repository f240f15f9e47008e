"""A `.dossier` file: writing one (an encrypted store holding one dossier, verified
before it replaces anything) and reading one back, migrated if it is older.
Merging what is read into a store is exchange.py's part.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier import app_version
from dossier.files import temp_suffix
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
from dossier.progress import Progress, report, scaled
from dossier.store import Store, StoreError, failures, open_store
from dossier.store.foreign import seal_exchange

SUFFIX = ".dossier"
FORMAT = "dossier-exchange-1"
# Order matters: sources and officials first, so later records can point at them.
PARTS: tuple[EntitySpec, ...] = (SOURCE, OFFICIAL, TRADE, PROJECT, TALKING_POINT, EVENT)


class ExchangeError(ValueError):
    """The file cannot be exported or read (one line for the user)."""


# -- export -----------------------------------------------------------------------
def export_dossier(
    store: Store,
    dossier: Dossier,
    out: Path | str,
    passphrase: str,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write `dossier` alone to an encrypted file at `out`; returns counts per table.

    Cancelled through `progress` (Cancelled raised), the file at `out` is untouched:
    everything goes to a temporary file that is renamed over it only at the end.
    """
    from dossier.store.crypto import check_new_passphrase

    out = Path(out)
    try:
        check_new_passphrase(passphrase)
    except StoreError as exc:
        raise ExchangeError(str(exc)) from None
    if out.is_dir():
        raise ExchangeError(f"{out} is a folder; give a file name ending in {SUFFIX}.")
    out.parent.mkdir(parents=True, exist_ok=True)
    # Named as dossier.files names temporary files, so a later run can remove it.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=temp_suffix(), dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # SQLCipher creates it: an empty plain file would be taken as plain
    counts: dict[str, int] = {}
    try:
        report(progress, 0, 100)
        target = open_store(tmp, passphrase=passphrase)
        try:
            counts = _copy_dossier(store, dossier, target, scaled(progress, 5, 75))
            seal_exchange(
                target,
                {
                    "format": FORMAT,
                    "app_version": app_version(),
                    "code": dossier.code,
                    "exported_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                },
            )
        finally:
            target.close()
        report(progress, 80, 100)
        check = read_exchange(tmp, passphrase)  # verify before it replaces anything
        got = {spec.table: len(check.records[spec.name]) for spec in PARTS}
        if any(got[t] != counts[t] for t in got):
            raise ExchangeError("The written file did not read back the same; not saved.")
        report(progress, 100, 100)  # the last moment Cancel leaves the old file
        os.replace(tmp, out)
    except StoreError as exc:
        raise ExchangeError(f"Cannot write {out}: {exc}") from None
    finally:
        for extra in ("", "-journal", "-wal", "-shm"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)
    return counts


def _copy_dossier(
    store: Store, dossier: Dossier, target: Store, progress: Progress | None = None
) -> dict[str, int]:
    counts = {}
    total = sum(store.repo(spec).count(dossier.id) for spec in PARTS) or 1
    done = 0
    with target.transaction():
        target.dossiers.add(dossier)
        for spec in PARTS:
            records = store.repo(spec).list(dossier.id)
            repo = target.repo(spec)
            # Ids are kept, so references inside the dossier stay valid as they are.
            for record in sorted(records, key=lambda r: r.id):
                if done % 100 == 0:
                    report(progress, done, total)
                repo.add(record)
                done += 1
            counts[spec.table] = len(records)
    return counts


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
