"""No plaintext leaks: a canary written into an encrypted store turns up only in the saved PDF."""

from __future__ import annotations

import importlib.util
import io
import os
import tempfile
from pathlib import Path

import pytest
from security_helpers import PASSPHRASE

from dossier.model import OFFICIAL, TALKING_POINT
from dossier.paths import user_data_dir
from dossier.store import open_store
from dossier.store.backup import backup_on_close, backup_on_open
from dossier.store.sample import load_sample

CANARY = "Канарейка7Q3ZX"  # unique; Cyrillic + Latin, so encodings matter


def _files(*roots: Path) -> list[Path]:
    seen: set[Path] = set()
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink() and path.resolve() not in seen:
                seen.add(path.resolve())
    return sorted(seen)


def _holds_canary(path: Path) -> bool:
    data = path.read_bytes()
    return any(
        form in data
        for form in (
            CANARY.encode("utf-8"),
            CANARY.encode("utf-16-le"),
            CANARY.encode("utf-16-be"),
            b"7Q3ZX",
        )
    )


def test_the_canary_is_found_only_in_the_saved_brief(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Everything the app could write to: data, config, cache (under the isolated
    # HOME), the temp dir, and the folder where the user saves the brief.
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    saved = tmp_path / "saved"

    path = user_data_dir() / "dossier.db"
    store = open_store(path, passphrase=PASSPHRASE)
    load_sample(store)
    backup_on_open(store)
    dossier = store.dossiers.list()[0]
    # Edit: the canary goes into a new record and into an existing one.
    point = store.talking_points.add(
        TALKING_POINT.make(
            {"text": f"Тезис {CANARY} для встречи", "kind": "key_message", "status": "approved"},
            dossier_id=dossier.id,
        )
    )
    official = store.officials.list(dossier.id)[0]
    values = {f.name: getattr(official, f.name) for f in OFFICIAL.fields}
    values["notes"] = f"Заметка {CANARY}"
    store.officials.update(OFFICIAL.make(values, id=official.id, dossier_id=dossier.id))
    # Search.
    assert any(hit.id == point.id for hit in store.search(CANARY))
    # Chart, drawn as the app shows it (in memory).
    if importlib.util.find_spec("dossier.charts"):
        from dossier.charts import trade_chart

        fig = trade_chart(store.trade.list(dossier.id), "ru")
        fig.savefig(io.BytesIO(), format="png")
    # Brief preview (in memory), then saved where the user chose.
    pdf = None
    if importlib.util.find_spec("dossier.brief"):
        from dossier.brief import build_brief
        from dossier.files import write_atomic

        preview = build_brief(store, dossier)
        pdf = saved / "brief.pdf"
        write_atomic(pdf, preview)
    backup_on_close(store)
    store.close()

    home = Path(os.environ["HOME"])  # the isolated home of tests/conftest.py
    roots = [home, temp, tmp_path]
    leaks = [p for p in _files(*roots) if _holds_canary(p) and p != pdf]
    assert leaks == []
    # The store, its backups and the app's folders were all searched.
    searched = _files(*roots)
    assert path in searched
    assert any("backups" in p.parts for p in searched)
    if pdf is not None:
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert CANARY in text


def test_matplotlib_keeps_its_cache_in_the_apps_cache_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dossier.charts import keep_matplotlib_cache_private

    monkeypatch.delenv("MPLCONFIGDIR")
    keep_matplotlib_cache_private()
    folder = Path(os.environ["MPLCONFIGDIR"])
    assert folder.is_dir()
    assert folder.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))
    assert not folder.is_relative_to(user_data_dir())
    # An explicit choice is respected.
    monkeypatch.setenv("MPLCONFIGDIR", "/somewhere/else")
    keep_matplotlib_cache_private()
    assert os.environ["MPLCONFIGDIR"] == "/somewhere/else"
