"""Encryption all-or-nothing: encrypt, passwd and restore killed with SIGKILL at random
moments, then the store reopened (which settles the interrupted change) and judged.

Each cycle builds a store holding the sample dossier with three backups, forks a
child that runs the operation, kills it after a random delay (spread over the
operation's measured length), reopens the store and checks:

* the store opens with exactly one of the passphrases (old or new), and every
  backup is in the same state (same encryption, same passphrase);
* no file left in the store's folder or its backups folder is plaintext while the
  store is encrypted ("plaintext_left"), and no staged copy is left behind.

Prints one JSON line:

    {"cycles": {"encrypt": 30, ...}, "killed_midway": ..., "inconsistent": 0,
     "plaintext_left": 0, "leftovers": 0, ...}

Usage: python benchmarks/rekey_kills.py [--cycles 30] [--ops encrypt,passwd,restore]
       [--seed N] [--fast-kdf]
POSIX only (fork + SIGKILL). tests/security/test_rekey_kills.py runs a few cycles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dossier.store import StoreError, open_store
from dossier.store.backup import list_backups, make_backup, restore
from dossier.store.crypto import PLAIN_HEADER, is_encrypted, passphrase_opens
from dossier.store.rekey import change_all, encrypt_all
from dossier.store.sample import load_sample

OLD = "kill loop passphrase one"
NEW = "kill loop passphrase two"


def _setup(folder: Path, op: str) -> tuple[Path, Path | None]:
    """A store with three backups in `folder`, as the operation needs it."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    path = folder / "dossier.db"
    key = None if op == "encrypt" else OLD
    store = open_store(path, passphrase=key)
    load_sample(store)
    for _ in range(3):
        make_backup(store, rotate_after=False)
    extra = None
    if op == "restore":
        # A plain backup (made before the store was encrypted, or handed over) put
        # back into the encrypted store: it must arrive encrypted.
        plain = open_store(folder / "plain-source.db")
        load_sample(plain)
        plain.close()
        extra = folder / "outside" / "dossier-20260101-000000-000000-r1.db"
        extra.parent.mkdir()
        os.replace(folder / "plain-source.db", extra)
        for tail in ("-wal", "-shm"):
            Path(f"{folder / 'plain-source.db'}{tail}").unlink(missing_ok=True)
    store.close()
    return path, extra


def _operation(op: str, path: Path, extra: Path | None) -> None:
    if op == "encrypt":
        encrypt_all(path, NEW)
    elif op == "passwd":
        change_all(path, OLD, NEW)
    elif op == "restore":
        restore(path, extra, OLD)  # type: ignore[arg-type]
    else:
        raise ValueError(op)


def _run_child(op: str, path: Path, extra: Path | None, delay: float | None) -> tuple[bool, float]:
    """Fork a child running the operation; kill it after `delay` seconds (None: let it
    finish). Returns (finished, seconds it ran)."""
    read, write = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read)
        try:
            _operation(op, path, extra)
            os.write(write, b"done\n")
            code = 0
        except BaseException as exc:
            os.write(write, f"error {exc}\n".encode())
            code = 1
        os._exit(code)
    os.close(write)
    finished = False
    ready, _, _ = select.select([read], [], [], delay)
    if ready:
        finished = os.read(read, 1000).startswith(b"done")
    else:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read)
    return finished, time.perf_counter() - started


def _judge(path: Path, op: str) -> dict[str, object]:
    """Reopen (settling the interruption) and check the store and every backup agree."""
    keys = [OLD, NEW] if op != "encrypt" else [None, NEW]
    opened_with = "none"
    for key in keys:
        try:
            store = open_store(path, create=False, passphrase=key)
        except StoreError:
            continue
        store.close()
        encrypted = is_encrypted(path)
        if (key is None) != (not encrypted):
            continue
        opened_with = "plain" if key is None else ("old" if key == OLD else "new")
        break
    inconsistent = opened_with == "none"
    store_key = {"plain": None, "old": OLD, "new": NEW}.get(opened_with)
    for info in list_backups(path):
        if store_key is None:
            inconsistent |= info.encrypted
        else:
            inconsistent |= not info.encrypted or not passphrase_opens(info.path, store_key)
    plaintext = 0
    leftovers: list[str] = []
    if is_encrypted(path):
        for folder in (path.parent, path.parent / "backups"):
            for f in folder.iterdir():
                if f.is_file():
                    with f.open("rb") as fh:
                        plaintext += fh.read(16) == PLAIN_HEADER
    for folder in (path.parent, path.parent / "backups"):
        leftovers += [f.name for f in folder.iterdir() if f.name.endswith(".part")]
    return {
        "state": opened_with,
        "inconsistent": inconsistent,
        "plaintext": plaintext,
        "leftovers": leftovers,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cycles", type=int, default=30, help="kills per operation")
    parser.add_argument("--ops", default="encrypt,passwd,restore")
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--fast-kdf", action="store_true", help="fewer PBKDF2 rounds")
    args = parser.parse_args(argv)
    if args.fast_kdf:
        from dossier.store import connection

        connection.KDF_ITER = 2000
    rng = random.Random(args.seed)
    work = args.dir or Path(tempfile.mkdtemp(prefix="rekey-kills-"))
    result: dict[str, object] = {"cycles": {}, "finished": {}, "states": {}, "seconds": {}}
    totals = {"inconsistent": 0, "plaintext_left": 0, "leftovers": 0}
    problems: list[str] = []
    for op in args.ops.split(","):
        folder = work / op
        path, extra = _setup(folder, op)
        finished, length = _run_child(op, path, extra, None)  # calibration: how long it takes
        if not finished:
            problems.append(f"{op}: the uninterrupted run failed")
        result["seconds"][op] = round(length, 3)  # type: ignore[index]
        states: dict[str, int] = {}
        done = 0
        for cycle in range(args.cycles):
            path, extra = _setup(folder, op)
            finished, _ = _run_child(op, path, extra, rng.uniform(0, length * 1.1))
            done += finished
            verdict = _judge(path, op)
            states[str(verdict["state"])] = states.get(str(verdict["state"]), 0) + 1
            totals["inconsistent"] += bool(verdict["inconsistent"])
            totals["plaintext_left"] += int(verdict["plaintext"])  # type: ignore[call-overload]
            totals["leftovers"] += len(verdict["leftovers"])  # type: ignore[arg-type]
            if verdict["inconsistent"] or verdict["plaintext"] or verdict["leftovers"]:
                problems.append(f"{op} cycle {cycle}: {verdict}")
        result["cycles"][op] = args.cycles  # type: ignore[index]
        result["finished"][op] = done  # type: ignore[index]
        result["states"][op] = states  # type: ignore[index]
    result.update(totals)
    result["problems"] = problems[:10]
    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result))
    return 0 if not any(totals.values()) and not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
