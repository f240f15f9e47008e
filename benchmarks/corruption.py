"""Damaged store files: flip or truncate bytes many times, and count how often the
damage is noticed before any data is shown, and whether a damaged file was written.

Each trial copies a store holding the sample, damages the copy one way (flip one
bit, overwrite a byte, zero a 512-byte run, or truncate), then opens it as the app
does. "Detected" means open_store refused it (quick check, or SQLCipher's page
authentication); otherwise every record is read and searched, and any error there
counts as "noticed late"; no error at all is "not noticed" (for a plain file the
flipped byte may hold data SQLite cannot tell is wrong). After every refused open
the file's bytes are compared with the damaged copy: "written" must stay 0.

Usage: python benchmarks/corruption.py [--trials 500] [--fast-kdf] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dossier.model import DOSSIER_PARTS, EVENT
from dossier.store import StoreError, open_store
from dossier.store.connection import db_errors
from dossier.store.sample import load_sample

PASSPHRASE = "corruption test passphrase"


def damage(data: bytearray, rng: random.Random) -> tuple[str, bytearray]:
    how = rng.choice(["flip_bit", "byte", "zero_run", "truncate"])
    if how == "truncate":
        return how, data[: rng.randrange(len(data))]
    at = rng.randrange(len(data))
    if how == "flip_bit":
        data[at] ^= 1 << rng.randrange(8)
    elif how == "byte":
        data[at] = (data[at] + rng.randrange(1, 256)) % 256
    else:
        at -= at % 512
        data[at : at + 512] = bytes(512)
    return how, data


def read_everything(path: Path, passphrase: str | None) -> None:
    store = open_store(path, create=False, passphrase=passphrase)
    try:
        for d in store.dossiers.list():
            for spec in (*DOSSIER_PARTS, EVENT):
                store.repo(spec).list(d.id)
        store.search("Баку")
        store.search("Azerbaijan")
    finally:
        store.close()


def trials(encrypted: bool, count: int, rng: random.Random, folder: Path) -> dict:
    passphrase = PASSPHRASE if encrypted else None
    original = folder / ("enc.db" if encrypted else "plain.db")
    store = open_store(original, passphrase=passphrase)
    load_sample(store)
    store.close()
    pristine = bytearray(original.read_bytes())
    result = {
        "trials": count,
        "detected_on_open": 0,
        "noticed_late": 0,
        "not_noticed": 0,
        "written_after_refusal": 0,
        "escaped": [],
        "by_kind": {},
    }
    victim = folder / "victim.db"
    for _ in range(count):
        for extra in ("", "-wal", "-shm"):
            Path(f"{victim}{extra}").unlink(missing_ok=True)
        how, data = damage(bytearray(pristine), rng)
        victim.write_bytes(bytes(data))
        kind = result["by_kind"].setdefault(how, {"trials": 0, "detected_on_open": 0})
        kind["trials"] += 1
        try:
            opened = open_store(victim, create=False, passphrase=passphrase)
        except StoreError:
            result["detected_on_open"] += 1
            kind["detected_on_open"] += 1
            if victim.read_bytes() != bytes(data):
                result["written_after_refusal"] += 1
            continue
        except Exception as exc:  # anything but a clear StoreError is a bug
            result["escaped"].append(f"{how}: {type(exc).__name__}: {exc}"[:200])
            continue
        opened.close()
        try:
            read_everything(victim, passphrase)
        except (StoreError, UnicodeError, *db_errors()):
            result["noticed_late"] += 1
            continue
        except Exception as exc:  # a damaged file that breaks the reading code
            result["escaped"].append(f"{how} (reading): {type(exc).__name__}: {exc}"[:200])
            continue
        result["not_noticed"] += 1
    result["detected_share"] = round(result["detected_on_open"] / count, 3)
    return result


def open_time(folder: Path, repeats: int = 5) -> float:
    """Seconds to open the encrypted store with its passphrase (key derivation included)."""
    path = folder / "timing.db"
    store = open_store(path, passphrase=PASSPHRASE)
    load_sample(store)
    store.close()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        store = open_store(path, passphrase=PASSPHRASE)
        times.append(time.perf_counter() - started)
        store.close()
    return round(sorted(times)[len(times) // 2], 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=500)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--fast-kdf",
        action="store_true",
        help="fewer key-derivation rounds (detection does not depend on them)",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report = {"passphrase_open_seconds_median": open_time(folder)}
        if args.fast_kdf:
            from dossier.store import connection

            connection.KDF_ITER = 2000
        for name, encrypted in (("encrypted", True), ("plain", False)):
            sub = folder / name
            sub.mkdir()
            report[name] = trials(encrypted, args.trials, rng, sub)
            shutil.rmtree(sub)
    print(json.dumps(report, ensure_ascii=False))
    enc = report["encrypted"]
    ok = (
        enc["detected_on_open"] == enc["trials"]
        and enc["written_after_refusal"] == 0
        and report["plain"]["written_after_refusal"] == 0
        and not enc["escaped"]
        and not report["plain"]["escaped"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
