"""Writing a `.dossier` file: an encrypted store holding one dossier, verified before
it replaces anything. Reading one back is dossier.ingest.exchange_file's part.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from dossier import app_version
from dossier.files import temp_suffix
from dossier.ingest.exchange_file import FORMAT, PARTS, SUFFIX, ExchangeError, read_exchange
from dossier.model import Dossier
from dossier.progress import Progress, report, scaled
from dossier.store import Store, StoreError, open_store
from dossier.store.foreign import seal_exchange


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
