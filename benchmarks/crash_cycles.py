"""Crash safety: a child process writes, is killed with SIGKILL at a random moment,
and the store is reopened and checked. Repeated for many cycles.

Every record the child reported as saved (it reports only after the commit
returned) must be in the reopened store, and the store must pass SQLite's
integrity check. Prints one JSON line:

    {"cycles": 1000, "acknowledged": ..., "lost": 0, "integrity_failures": 0, ...}

Usage: python benchmarks/crash_cycles.py [--cycles 1000] [--encrypted]
       [--mode write|window|encrypt]
       [--seed N] [--fast-kdf]
POSIX only (fork + SIGKILL). tests/security/test_crash.py runs it with 30 cycles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dossier.model import SOURCE, TALKING_POINT
from dossier.store import StoreError, open_store
from dossier.store.crypto import encrypt_file, is_encrypted
from dossier.store.sample import load_sample

PASSPHRASE = "crash test passphrase"
POINT = {"kind": "key_message", "status": "draft"}
# Seconds within which an encrypt is killed (an encrypt takes ~0.5 s with the real KDF).
ENCRYPT_WINDOW = 1.2


def _writer(path: Path, passphrase: str | None, ack: int, seed: int) -> None:
    """Child: add records forever, writing each id to `ack` after it committed."""
    rng = random.Random(seed)
    store = open_store(path, passphrase=passphrase)
    dossier_id = store.dossiers.list()[0].id
    n = 0
    while True:
        n += 1
        if rng.random() < 0.3:
            # One user action touching two tables: both land or neither.
            with store.transaction():
                src = store.sources.add(
                    SOURCE.make(
                        {"title": f"crash source {seed}-{n}", "kind": "note"}, dossier_id=dossier_id
                    )
                )
                tp = store.talking_points.add(
                    TALKING_POINT.make(
                        {"text": f"crash point {seed}-{n}", "source_id": src.id, **POINT},
                        dossier_id=dossier_id,
                    )
                )
            os.write(ack, f"p{tp.id} s{src.id}\n".encode())
        else:
            tp = store.talking_points.add(
                TALKING_POINT.make(
                    {"text": f"crash point {seed}-{n} " + "x" * rng.randrange(2000), **POINT},
                    dossier_id=dossier_id,
                )
            )
            os.write(ack, f"p{tp.id}\n".encode())


def _window_writer(path: Path, passphrase: str | None, ack: int, seed: int) -> None:
    """Child: the main window (offscreen) adding officials through its operations layer,
    as the Add form's OK does, writing each id to `ack` once the add returned."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QMessageBox

    from dossier.model import Official
    from dossier.ui.app import make_window

    qInstallMessageHandler(lambda *_: None)  # offscreen's notes, once per cycle
    app = QApplication.instance() or QApplication([])

    def refused(_parent, _title, text, *_args):
        raise RuntimeError(f"the window refused a write: {text}")

    QMessageBox.warning = refused
    # "Wait until the backup has finished": an encrypted store's open-backup runs on
    # the window's connection, and the window takes no write meanwhile.
    QMessageBox.information = lambda *_args: None
    win = make_window(open_store(path, passphrase=passphrase), "en")
    win.show()
    dossier_id = win.store.dossiers.list()[0].id
    n = 0
    while True:
        n += 1
        saved = win.ops.add(Official(dossier_id=dossier_id, name=f"crash official {seed}-{n}"))
        if saved is not None:  # None: refused while the backup ran; nothing written
            os.write(ack, f"o{saved.id}\n".encode())
        app.processEvents()  # its timers (backup, outside changes) run as in the app


def _encrypter(path: Path, ack: int) -> None:
    encrypt_file(path, PASSPHRASE)
    os.write(ack, b"done\n")


def _read_acks(fd: int) -> list[str]:
    data = b""
    while chunk := os.read(fd, 65536):
        data += chunk
    # A line cut by the kill was never acknowledged.
    return data.decode().split("\n")[:-1]


def run_child(target, *args) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            target(*args)
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 3
        finally:
            os._exit(code)
    return pid


def cycle(path: Path, rng: random.Random, passphrase: str | None, mode: str) -> dict:
    read_fd, write_fd = os.pipe()
    if mode == "encrypt":
        pid = run_child(_encrypter, path, write_fd)
    elif mode == "window":
        pid = run_child(_window_writer, path, passphrase, write_fd, rng.randrange(1 << 30))
    else:
        pid = run_child(_writer, path, passphrase, write_fd, rng.randrange(1 << 30))
    os.close(write_fd)
    if mode == "window":
        # The window takes a moment to start: wait for its first write, then kill it.
        select.select([read_fd], [], [], 60)
    elif mode == "write" and rng.random() < 0.9:
        # Usually kill mid-writing (after the first record); sometimes while opening.
        select.select([read_fd], [], [], 5)
    # Seconds within which the writer is killed: a window's add (store, undo entry,
    # views refreshed) takes longer than a bare one.
    within = {"encrypt": ENCRYPT_WINDOW, "window": 0.5}.get(mode, 0.03)
    time.sleep(rng.uniform(0, within))
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 3:
        return {"acked": 0, "lost": 0, "problems": ["the writing process failed"]}
    acks = _read_acks(read_fd)
    os.close(read_fd)

    lost, problems = 0, []
    key = PASSPHRASE if (passphrase or is_encrypted(path)) else None
    try:
        store = open_store(path, create=False, passphrase=key)
    except StoreError as exc:
        return {"acked": len(acks), "lost": 0, "problems": [f"open: {exc}"]}
    try:
        problems = store.check()
        for line in acks:
            if line == "done":
                continue
            for token in line.split():
                repo = {"p": store.talking_points, "s": store.sources, "o": store.officials}[
                    token[0]
                ]
                try:
                    repo.get(int(token[1:]))
                except StoreError:
                    lost += 1
        # Interrupted or finished, an encrypt keeps the whole sample.
        if mode == "encrypt" and (store.dossiers.count() != 1 or store.talking_points.count() < 1):
            problems.append("records missing after an interrupted encrypt")
    finally:
        store.close()
    return {
        "acked": sum(len(a.split()) for a in acks if a != "done"),
        "lost": lost,
        "problems": problems,
        "finished": "done" in acks,
    }


def run(
    cycles: int,
    *,
    encrypted: bool = False,
    mode: str = "write",
    seed: int | None = None,
    folder: Path | None = None,
) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        totals = {
            "cycles": cycles,
            "mode": mode,
            "encrypted": encrypted,
            "acknowledged": 0,
            "lost": 0,
            "integrity_failures": 0,
            "problems": [],
            "conversions_finished": 0,
        }
        path = Path(tmp) / "crash.db"
        for i in range(cycles):
            if mode == "encrypt" or i == 0:
                # A fresh plain store for each encrypt cycle; one store for write cycles.
                for extra in ("", "-wal", "-shm"):
                    Path(f"{path}{extra}").unlink(missing_ok=True)
                store = open_store(path, passphrase=PASSPHRASE if encrypted else None)
                load_sample(store)
                store.close()
            result = cycle(path, rng, PASSPHRASE if encrypted else None, mode)
            totals["acknowledged"] += result["acked"]
            totals["lost"] += result["lost"]
            totals["conversions_finished"] += bool(result.get("finished"))
            if result["problems"]:
                totals["integrity_failures"] += 1
                totals["problems"].append(result["problems"][:3])
            if (i + 1) % 50 == 0:  # a long run stopped early still has its figures
                done = {k: v for k, v in totals.items() if k != "problems"}
                print(json.dumps(done | {"cycles": i + 1}), file=sys.stderr, flush=True)
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument("--encrypted", action="store_true", help="use an encrypted store")
    parser.add_argument(
        "--mode",
        choices=["write", "window", "encrypt"],
        default="write",
        help="kill while adding records (a plain process, or the main window offscreen), "
        "or while encrypting the store",
    )
    parser.add_argument("--seed", type=int)
    parser.add_argument(
        "--fast-kdf",
        action="store_true",
        help="fewer key-derivation rounds (tests only; same file format)",
    )
    parser.add_argument("--dir", type=Path, help="folder for the temporary store")
    args = parser.parse_args()
    if args.fast_kdf:
        from dossier.store import connection

        connection.KDF_ITER = 2000
        global ENCRYPT_WINDOW
        ENCRYPT_WINDOW = 0.6
    if args.mode == "window":
        # Loaded once here, so each forked window starts in a fraction of a second.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import dossier.ui.app
        import dossier.ui.main_window  # noqa: F401
    started = time.monotonic()
    result = run(
        args.cycles, encrypted=args.encrypted, mode=args.mode, seed=args.seed, folder=args.dir
    )
    result["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["lost"] == 0 and result["integrity_failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
