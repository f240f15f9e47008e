"""Many processes, one store: the window writing while CLI writers and readers run.

Roles, each its own process, all on one store file for `--seconds`:
- the window (`--window`, on by default): the real main window, offscreen, adding an
  official through its operations layer (as the Add form's OK does) every few ms,
  with its poller for other processes' commits running;
- `--writers` CLI writers: `dossier import-officials` of a fresh two-row CSV, over
  and over, through the CLI's own entry point (the store opened and closed each time);
- `--readers` CLI readers: `dossier list`, `show AZ` and `search`, over and over.

A write counts as acknowledged when the window's add returned the record, or the
import exited 0; it is logged only then. Afterwards `dossier check` runs in a
fresh process and every acknowledged name is looked up. Prints a summary and one
JSON line:

    {"seconds": 60, "operations": ..., "writes": ..., "waits": ..., "refusals": ...,
     "errors": 0, "lost": 0, "corrupt": 0, ...}

waits: writes that waited over --wait-ms (5) for another process's write lock
(measured around BEGIN IMMEDIATE in each process), with the longest wait;
refusals: writes refused with the one-line "store is busy" message (nothing
written); errors: anything else (a traceback, a raw driver error): must be 0.

Usage: python benchmarks/stress.py [--seconds 60] [--writers 3] [--readers 2]
       [--no-window] [--encrypted] [--dir DIR]
tests/store/test_stress.py runs it for 3 seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PASSPHRASE = "stress test passphrase"
BUSY = "store is busy"


def _name(*parts: object) -> str:
    """A made-up name, different in every letter from the others: the officials importer
    takes near spellings (digits ignored, a letter off) for the same person."""
    import hashlib

    digest = hashlib.sha256(repr(parts).encode()).digest()
    letters = "бвгдзклмнпрстфхцчшжй"
    vowels = "аеиоуя"
    words = []
    for w in range(3):
        chunk = digest[w * 8 : w * 8 + 8]
        words.append(
            "".join(
                (letters if k % 2 == 0 else vowels)[b % (20 if k % 2 == 0 else 6)]
                for k, b in enumerate(chunk)
            ).capitalize()
        )
    return " ".join(words)


def _cli(argv: list[str]) -> tuple[int, str]:
    """Run one CLI command in this process; (exit code, what it printed to stderr)."""
    from dossier.cli import main

    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
        except BaseException:
            return 99, traceback.format_exc()
    return code, err.getvalue()


_lock_waits: list[float] = []  # seconds each write transaction waited for the write lock


def _time_lock_waits() -> None:
    """Measure, in this process, how long each write transaction waits for the lock:
    Db.atomic's own code up to its `yield` (BEGIN IMMEDIATE and nothing else)."""
    from dossier.store.db import Db

    atomic = Db.atomic

    @contextlib.contextmanager
    def timed(self: Any) -> Any:
        if self.conn.in_transaction:
            with atomic(self) as db:
                yield db
            return
        started = time.monotonic()
        with atomic(self) as db:
            _lock_waits.append(time.monotonic() - started)
            yield db

    Db.atomic = timed  # type: ignore[method-assign]


def _result(role: str, until: float, wait_ms: float, work: Any) -> dict[str, Any]:
    """Run `work(i) -> (kind, names, message)` until the deadline; count what happened."""
    out: dict[str, Any] = {"role": role, "ops": 0, "writes": 0, "waits": 0, "refusals": 0}
    out.update({"errors": 0, "messages": [], "acknowledged": [], "longest_wait_ms": 0.0})
    _time_lock_waits()
    i = 0
    while i == 0 or time.monotonic() < until:  # at least one, however slow the start
        i += 1
        _lock_waits.clear()
        kind, names, message = work(i)
        waited = max(_lock_waits, default=0.0) * 1000
        out["longest_wait_ms"] = round(max(out["longest_wait_ms"], waited), 1)
        out["ops"] += 1
        if kind == "ack":
            out["writes"] += 1
            out["acknowledged"] += names
            out["waits"] += waited > wait_ms
        elif kind == "busy":
            out["refusals"] += 1
        elif kind == "error":
            out["errors"] += 1
            if len(out["messages"]) < 5:
                out["messages"].append(message[-800:])
    return out


def writer(store: Path, n: int, until: float, wait_ms: float, tmp: Path) -> dict[str, Any]:
    csv = tmp / f"officials-{n}.csv"

    def work(i: int) -> tuple[str, list[str], str]:
        names = [_name("writer", n, i, k) for k in (1, 2)]
        csv.write_text("name,position\n" + "".join(f"{m},советник\n" for m in names), "utf-8")
        code, err = _cli(["--store", str(store), "import-officials", str(csv), "--country", "AZ"])
        if code == 0:
            return "ack", names, ""
        if BUSY in err and err.count("\n") == 1:
            return "busy", [], err
        return "error", [], err

    return _result(f"writer {n}", until, wait_ms, work)


def reader(store: Path, n: int, until: float, wait_ms: float) -> dict[str, Any]:
    commands = [["list"], ["show", "AZ"], ["search", "Алиев"]]

    def work(i: int) -> tuple[str, list[str], str]:
        code, err = _cli(["--store", str(store), *commands[i % len(commands)]])
        if code == 0:
            return "read", [], ""
        if BUSY in err and err.count("\n") == 1:
            return "busy", [], err
        return "error", [], err

    return _result(f"reader {n}", until, wait_ms, work)


def window(store: Path, until: float, wait_ms: float, passphrase: str | None) -> dict[str, Any]:
    """The main window offscreen, adding officials as its Add form does."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from dossier.model import Official
    from dossier.store import open_store
    from dossier.ui.app import make_window

    app = QApplication.instance() or QApplication([])
    refused: list[str] = []
    QMessageBox.warning = lambda _p, _t, text, *_a: refused.append(text)  # type: ignore[method-assign]
    # "Wait until “Backing up…” has finished": the window's own open-backup of an
    # encrypted store holds its connection; a refusal, nothing written.
    QMessageBox.information = lambda _p, _t, text, *_a: refused.append(BUSY + ": " + text)  # type: ignore[method-assign]
    win = make_window(open_store(store, passphrase=passphrase), "en")
    win.show()
    dossier_id = win.store.find_dossier("AZ").id
    state: dict[str, Any] = {"result": None}

    def work(i: int) -> tuple[str, list[str], str]:
        before = len(refused)
        name = _name("window", i)
        try:
            saved = win.ops.add(Official(dossier_id=dossier_id, name=name))
        except Exception:
            return "error", [], traceback.format_exc()
        app.processEvents()  # the poller's timer and repaints get their turn
        if saved is not None:
            return "ack", [name], ""
        text = refused[before] if len(refused) > before else "add returned nothing"
        return ("busy" if BUSY in text else "error"), [], text

    def run() -> None:
        state["result"] = _result("window", until, wait_ms, work)
        win.close()  # as Quit: the close-time backup included
        app.quit()

    QTimer.singleShot(0, run)
    app.exec()
    result = state["result"]
    result["outside_refreshes"] = win.outside_changes.refreshes
    if win.store is not None:
        win.store.close()
    return result


def role_main(args: argparse.Namespace) -> int:
    store, until = Path(args.store), args.until
    if args.encrypted:
        os.environ["DOSSIER_PASSPHRASE"] = PASSPHRASE
    if args.role == "writer":
        result = writer(store, args.n, until, args.wait_ms, Path(args.dir))
    elif args.role == "reader":
        result = reader(store, args.n, until, args.wait_ms)
    else:
        result = window(store, until, args.wait_ms, PASSPHRASE if args.encrypted else None)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False), "utf-8")
    return 0


def run(args: argparse.Namespace) -> dict[str, Any]:
    folder = Path(args.dir or tempfile.mkdtemp(prefix="dossier-stress-"))
    folder.mkdir(parents=True, exist_ok=True)
    store = folder / "stress.db"
    for old in folder.glob("stress.db*"):
        old.unlink()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if args.encrypted:
        env["DOSSIER_PASSPHRASE"] = PASSPHRASE
    from dossier.store import open_store
    from dossier.store.crypto import is_encrypted
    from dossier.store.sample import load_sample

    made = open_store(store, passphrase=PASSPHRASE if args.encrypted else None)
    load_sample(made)
    made.close()
    assert is_encrypted(store) == args.encrypted
    roles = [("writer", n) for n in range(args.writers)]
    roles += [("reader", n) for n in range(args.readers)]
    if args.window:
        roles.append(("window", 0))
    # Every role starts at once and stops at the same moment (a second for start-up).
    until = time.monotonic() + args.seconds + 1.0
    procs = []
    for role, n in roles:
        out = folder / f"{role}-{n}.json"
        out.unlink(missing_ok=True)
        cmd = [sys.executable, __file__, "--role", role, "--n", str(n), "--store", str(store)]
        cmd += ["--until", repr(until), "--wait-ms", str(args.wait_ms), "--dir", str(folder)]
        cmd += ["--out", str(out)] + (["--encrypted"] if args.encrypted else [])
        procs.append((role, n, out, subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)))
    results = []
    for role, n, out, proc in procs:
        _, err = proc.communicate(timeout=args.seconds + 120)
        if proc.returncode or not out.exists():
            results.append(
                {"role": f"{role} {n}", "ops": 0, "writes": 0, "waits": 0, "refusals": 0}
                | {"longest_wait_ms": 0.0}
                | {"errors": 1, "messages": [err.decode(errors="replace")[-800:]]}
                | {"acknowledged": []}
            )
        else:
            results.append(json.loads(out.read_text("utf-8")))
    checked = subprocess.run(
        [sys.executable, "-m", "dossier", "--store", str(store), "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    acknowledged = [name for r in results for name in r["acknowledged"]]
    lost = _missing(store, acknowledged, PASSPHRASE if args.encrypted else None)
    summary = {
        "seconds": args.seconds,
        "encrypted": args.encrypted,
        "processes": len(roles),
        "operations": sum(r["ops"] for r in results),
        "writes": sum(r["writes"] for r in results),
        "waits": sum(r["waits"] for r in results),
        "refusals": sum(r["refusals"] for r in results),
        "errors": sum(r["errors"] for r in results),
        "longest_wait_ms": max((r.get("longest_wait_ms", 0.0) for r in results), default=0.0),
        "lost": len(lost),
        "corrupt": int(checked.returncode != 0),
        "window_refreshes": next(
            (r.get("outside_refreshes", 0) for r in results if r["role"] == "window"), None
        ),
        "per_role": {
            r["role"]: {k: r[k] for k in ("ops", "writes", "waits", "refusals", "errors")}
            for r in results
        },
        "messages": [m for r in results for m in r["messages"]][:5],
        "check": (checked.stdout + checked.stderr).strip()[-400:],
        "lost_names": lost[:5],
    }
    return summary


def _missing(store: Path, names: list[str], passphrase: str | None) -> list[str]:
    from dossier.store import open_store

    s = open_store(store, create=False, passphrase=passphrase)
    try:
        present = {o.name for o in s.officials.list()}
    finally:
        s.close()
    return [n for n in names if n not in present]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--writers", type=int, default=3)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--no-window", dest="window", action="store_false")
    parser.add_argument("--encrypted", action="store_true")
    parser.add_argument(
        "--wait-ms",
        type=float,
        default=5.0,
        help="a write whose transaction waited longer than this for the lock counts as a wait",
    )
    parser.add_argument("--dir", help="folder for the store (default: a new temporary one)")
    # Internal: one role of the run.
    parser.add_argument("--role", choices=["writer", "reader", "window"], help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--until", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.role:
        return role_main(args)
    summary = run(args)
    print(
        f"{summary['processes']} processes for {summary['seconds']:g} s: "
        f"{summary['operations']} operations, {summary['writes']} acknowledged writes, "
        f"{summary['waits']} waits (longest {summary['longest_wait_ms']:g} ms), "
        f"{summary['refusals']} refusals, "
        f"{summary['errors']} errors, {summary['lost']} lost, {summary['corrupt']} corrupt",
        file=sys.stderr,
    )
    print(json.dumps(summary, ensure_ascii=False))
    bad = summary["errors"] or summary["lost"] or summary["corrupt"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
