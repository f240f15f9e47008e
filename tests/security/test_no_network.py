"""No network: the whole app runs with every socket operation forbidden.

A child Python installs an audit hook (which cannot be removed) that raises on any
socket connect, bind, send or name lookup, then runs the CLI in-process: open,
edit (capture --accept-all), search, backup, brief, and the GUI smoke run. Any
attempt fails the run and is printed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

from security_helpers import PASSPHRASE

from dossier.paths import resource

CHILD = textwrap.dedent("""
    import sys
    import time

    FORBIDDEN = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
                 "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                 "socket.getnameinfo", "urllib.Request", "http.client.connect",
                 "ftplib.connect", "smtplib.connect"}
    attempts = []

    def hook(event, args):
        if event in FORBIDDEN:
            attempts.append(f"{event} {args!r}")
            raise PermissionError(f"network use: {event}")

    sys.addaudithook(hook)

    from dossier.cli import main
    from dossier.store import connection

    connection.KDF_ITER = 2000  # fewer key-derivation rounds: the subject here is sockets

    store = sys.argv[1]
    runs = [line.split("\\t") for line in sys.argv[2].split("\\n")]
    for argv in runs:
        started = time.monotonic()
        code = main(["--store", store, *argv])
        print("ran", argv[0], code, round(time.monotonic() - started, 2), flush=True)
        if code != 0:
            sys.exit(f"{argv[0]} failed with {code}")
    if attempts:
        sys.exit("network attempts: " + "; ".join(attempts))
    print("no network used")
""")


def test_the_app_opens_no_socket(tmp_path: Path) -> None:
    store = tmp_path / "dossier.db"
    article = resource("samples", "article_baku_visit_ru.txt")
    runs = [
        ["sample", "--out", str(store)],
        ["list"],
        ["capture", str(article), "--country", "AZ", "--date", "2013-11-25", "--accept-all"],
        ["search", "Баку"],
        ["show", "AZ"],
        ["check"],
        ["backup"],
        ["brief", "AZ", "--out", str(tmp_path / "brief.pdf")],
        ["restore"],
    ]
    if importlib.util.find_spec("dossier.ui.app"):
        runs.append(["gui", "--smoke"])
    import os

    env = {**os.environ, "DOSSIER_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(store), "\n".join("\t".join(r) for r in runs)],
        capture_output=True,
        text=True,
        timeout=150,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no network used" in done.stdout, done.stdout
    assert done.stdout.count("ran ") == len(runs)
    assert (tmp_path / "brief.pdf").is_file()
    print(done.stdout)  # per-command times, shown with -s
