"""Commands that change a store back it up first; no store is made by mistake;
outputs go only into folders that exist; no display gives one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.paths import default_store_path, resource
from dossier.store import open_store
from dossier.store.backup import list_backups
from dossier.store.crypto import is_encrypted

# A trade file without reporter and partner columns names its pair (issue 16).
PAIR = ["--reporter", "BY", "--partner", "AZ", "--currency", "USD"]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PASSPHRASE = "correct horse battery staple"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def officials(path: Path) -> int:
    store = open_store(path, create=False)
    try:
        return store.officials.count(store.find_dossier("AZ").id)
    finally:
        store.close()


def _trade_file(tmp_path: Path) -> list[str]:
    table = tmp_path / "trade.csv"
    table.write_text("year,export,import\n2019,100,50\n2020,200,70\n", encoding="utf-8")
    return ["import-trade", str(table), "--country", "AZ", *PAIR, "--unit", "1e6"]


def _factbook(tmp_path: Path) -> list[str]:
    return ["import-factbook", str(FIXTURES / "bo_excerpt.json"), "--home-country", "Беларусь"]


def _officials(tmp_path: Path) -> list[str]:
    return [
        "import-officials",
        str(FIXTURES / "azerbaijan_holders_excerpt.csv"),
        "--country",
        "AZ",
    ]


def _capture(tmp_path: Path) -> list[str]:
    article = resource("samples", "article_baku_visit_ru.txt")
    return ["capture", str(article), "--country", "AZ", "--date", "2013-11-25", "--accept-all"]


CHANGES = {
    "import-trade": _trade_file,
    "import-officials": _officials,
    "import-factbook": _factbook,
    "capture": _capture,
}


@pytest.mark.parametrize("command", sorted(CHANGES))
def test_a_change_from_the_command_line_is_backed_up_first(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path, command: str
) -> None:
    argv = CHANGES[command](tmp_path)
    code, _, err = run(capsys, "--store", str(store_file), *argv)
    assert code == 0, err
    [backup] = list_backups(store_file)
    assert str(backup.path) in err
    # The backup holds the store as it was before the change.
    assert backup.records == 24
    code, _, err = run(capsys, "--store", str(store_file), *argv, "--no-backup")
    assert code == 0, err
    assert len(list_backups(store_file)) == 1  # --no-backup: none more


def test_import_dossier_is_backed_up_first(
    capsys: pytest.CaptureFixture[str],
    store_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DOSSIER_EXCHANGE_PASSPHRASE", PASSPHRASE)
    shared = tmp_path / "az.dossier"
    assert (
        run(capsys, "--store", str(store_file), "export-dossier", "AZ", "--out", str(shared))[0]
        == 0
    )
    other = tmp_path / "other.db"
    assert run(capsys, "init", str(other))[0] == 0
    assert run(capsys, "--store", str(other), "import-dossier", str(shared), "--dry-run")[0] == 0
    assert list_backups(other) == []  # a dry run changes nothing, so needs no backup
    code, _, err = run(capsys, "--store", str(other), "import-dossier", str(shared))
    assert code == 0, err
    [backup] = list_backups(other)
    assert backup.records == 0  # the empty store, as it was


def test_encrypt_passwd_and_decrypt_are_backed_up_first(
    capsys: pytest.CaptureFixture[str],
    store_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = str(store_file)
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "--store", s, "encrypt")[0] == 0
    [first] = list_backups(store_file)
    assert first.encrypted  # the plain backup followed the store
    monkeypatch.setenv("DOSSIER_NEW_PASSPHRASE", "a new and longer passphrase")
    assert run(capsys, "--store", s, "passwd")[0] == 0
    assert len(list_backups(store_file)) == 2
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "a new and longer passphrase")
    plain = tmp_path / "plain.db"
    assert run(capsys, "--store", s, "decrypt", "--out", str(plain), "--no-backup")[0] == 0
    assert len(list_backups(store_file)) == 2
    assert run(capsys, "--store", s, "decrypt", "--out", str(tmp_path / "p2.db"))[0] == 0
    assert len(list_backups(store_file)) == 3


def test_a_failing_backup_stops_the_change(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    # The backups folder cannot be made: a file stands in its place.
    (store_file.parent / "backups").write_text("not a folder")
    before = officials(store_file)
    code, _, err = run(capsys, "--store", str(store_file), *_officials(tmp_path))
    assert code == 1
    assert err.count("\n") == 1
    assert officials(store_file) == before


def test_the_default_store_is_made_on_first_run_with_the_sample(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert out.startswith("AZ  Азербайджан")
    assert default_store_path().exists()


@pytest.mark.parametrize(
    "command", ["list", "show AZ", "import-officials x.csv --country AZ", "gui", "gui --smoke"]
)
def test_a_missing_named_store_is_never_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    path = tmp_path / "typo.db"
    code, _, err = run(capsys, "--store", str(path), *command.split())
    assert code == 1
    assert err.startswith(f"dossier: No store at {path}: `dossier init {path}`")
    assert not path.exists()


def test_init_makes_an_empty_store_and_never_overwrites(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.db"
    assert run(capsys, "init", str(path))[0] == 0
    assert run(capsys, "--store", str(path), "list")[:2] == (0, "")
    code, _, err = run(capsys, "init", str(path))
    assert code == 1
    assert "already exists" in err
    monkeypatch.setenv("DOSSIER_PASSPHRASE", PASSPHRASE)
    secret = tmp_path / "secret.db"
    assert run(capsys, "init", str(secret))[0] == 0
    assert is_encrypted(secret)


@pytest.mark.parametrize(
    "argv",
    [
        ["init", "{missing}/new.db"],
        ["sample", "--out", "{missing}/s.db"],
        ["--store", "{store}", "export-json", "AZ", "--out", "{missing}/az.json"],
        ["--store", "{store}", "export-csv", "AZ", "officials", "--out", "{missing}/o.csv"],
        ["--store", "{store}", "export-ftm", "AZ", "--out", "{missing}/az.ftm"],
        ["--store", "{store}", "brief", "AZ", "--out", "{missing}/brief.pdf"],
    ],
)
def test_out_into_a_folder_that_does_not_exist_is_an_error(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path, argv: list[str]
) -> None:
    missing = tmp_path / "no" / "such"
    argv = [a.format(missing=missing, store=store_file) for a in argv]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert err.startswith(f"dossier: No folder {missing}")
    assert not (tmp_path / "no").exists()


def test_import_officials_reads_the_encoding_its_error_suggests(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    table = tmp_path / "people.csv"
    table.write_bytes("person,position\nJosé Müller,Ministre\n".encode("cp1252"))
    args = ["--store", str(store_file), "import-officials", str(table), "--country", "AZ"]
    code, _, err = run(capsys, *args)
    assert code == 1
    assert "--encoding cp1252" in err
    code, out, err = run(capsys, *args, "--encoding", "cp1252")
    assert code == 0, err
    assert "Added 1" in out
    store = open_store(store_file, create=False)
    names = {o.name for o in store.officials.list(store.find_dossier("AZ").id)}
    store.close()
    assert "José Müller" in names


def _without_display() -> dict[str, str]:
    env = dict(os.environ)
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(var, None)
    return env


@pytest.mark.skipif(sys.platform != "linux", reason="displays are an X11/Wayland matter")
@pytest.mark.parametrize("argv", [[], ["gui"], ["--lang", "ru", "gui"]])
def test_no_display_is_one_line_and_exit_2(store_file: Path, argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dossier", "--store", str(store_file), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env=_without_display(),
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1
    assert "No display" in done.stderr
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert "dossier brief --sample --out" in done.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="displays are an X11/Wayland matter")
def test_a_named_display_platform_without_its_display_is_refused_too(store_file: Path) -> None:
    env = {**_without_display(), "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, "-m", "dossier", "--store", str(store_file), "gui", "--smoke"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "No display" in done.stderr
