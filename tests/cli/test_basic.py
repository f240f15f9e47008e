"""The command line drives the core without a screen; user mistakes give one clear line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "list", "show", "search", "check", "export-json", "sample"):
        assert command in out


@pytest.mark.parametrize("argv", [["--store", "x.db", "--help"], ["--lang", "ru", "-h"]])
def test_help_after_options_still_lists_every_command(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    for command in ("gui", "list", "brief", "encrypt", "import-trade", "capture", "about"):
        assert command in out


def test_a_mistyped_command_is_named_with_the_real_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--store", "x.db", "lsit"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "lsit" in err
    assert "list" in err


def test_opening_the_app_loads_no_other_command() -> None:
    # Start-up time: `dossier` (the app) parses its line without importing the
    # brief, import or capture commands.
    code = (
        "import sys\n"
        "from dossier import cli\n"
        "parser = cli.build_parser(app_only=cli._opens_the_app(['--store', 'a.db']))\n"
        "print(parser.parse_args(['--store', 'a.db', 'gui', '--smoke']).smoke)\n"
        "print(sorted(m for m in sys.modules if m.startswith('dossier.cli.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert out[0] == "True"
    assert "dossier.cli.brief" not in out[1]
    assert "dossier.cli.imports" not in out[1]


def test_a_named_store_that_is_not_there_is_refused_saying_how_to_make_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.db"
    for argv, env in ((["--store", str(path), "list"], None), (["list"], str(path))):
        if env:
            monkeypatch.setenv("DOSSIER_STORE", env)
        code, out, err = run(capsys, *argv)
        assert code == 1
        assert f"No store at {path}" in err
        assert f"dossier init {path}" in err
        assert f"dossier sample --out {path}" in err
        assert not path.exists()
    code, out, _ = run(capsys, "init", str(path))
    assert code == 0
    code, out, _ = run(capsys, "list")
    assert (code, out) == (0, "")  # a new empty store


def test_default_store_lives_in_the_user_data_dir(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    assert run(capsys, "list")[0] == 0
    assert list(isolated_home.rglob("dossier.db"))


def test_show_prints_every_fact(capsys: pytest.CaptureFixture[str], store_file: Path) -> None:
    code, out, _ = run(capsys, "--store", str(store_file), "show", "az")
    assert code == 0
    for text in (
        "Ильхам Алиев",
        "Ilham Aliyev",
        "Президент Азербайджанской Республики",
        "Николай Пацкевич",
        "Nikolai Patskevich",
        "Alexander Lukashenko",
        "223.3",
        "Growth, times: 6",
        "Jan–Sep 2013",
        "1.6",
        "Амкодор",
        "Quantity: 80",
        "нет закрытых тем",
        "[1] Президент Белоруссии",
        "Publisher: ИТАР-ТАСС",
        "80 экскаваторов",
    ):
        assert text in out, text


def test_show_by_name_in_russian(capsys: pytest.CaptureFixture[str], store_file: Path) -> None:
    code, out, _ = run(capsys, "--store", str(store_file), "--lang", "ru", "show", "азербайджан")
    assert code == 0
    assert "Должность: Посол Республики Беларусь в Азербайджане" in out


def test_search(capsys: pytest.CaptureFixture[str], store_file: Path) -> None:
    code, out, _ = run(capsys, "--store", str(store_file), "search", "алиев")
    assert code == 0
    assert "Official #" in out
    assert "«Алиев»" in out
    code, out, _ = run(capsys, "--store", str(store_file), "search", 'QQQZ ( "')
    assert code == 0
    assert "Nothing found" in out


def test_export_json_holds_the_whole_dossier(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--store", str(store_file), "export-json", "AZ")
    assert code == 0
    data = json.loads(out)
    assert data["dossier"]["code"] == "AZ"
    counts = {
        k: len(data[k])
        for k in ("officials", "trade_figures", "projects", "talking_points", "sources")
    }
    assert counts == {
        "officials": 3,
        "trade_figures": 4,
        "projects": 9,
        "talking_points": 5,
        "sources": 1,
    }
    assert "Амкодор" in data["sources"][0]["body"]
    target = tmp_path / "az.json"
    assert (
        run(capsys, "--store", str(store_file), "export-json", "AZ", "--out", str(target))[0] == 0
    )
    assert json.loads(target.read_text(encoding="utf-8")) == data


def test_check_passes_on_a_healthy_store(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, out, _ = run(capsys, "--store", str(store_file), "check")
    assert code == 0
    assert "ok" in out


def test_check_fails_on_damage(capsys: pytest.CaptureFixture[str], store_file: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(store_file)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO officials(dossier_id, name) VALUES (77, 'Призрак')")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--store", str(store_file), "check")
    assert code == 1
    assert "missing dossiers record" in out


def test_check_on_a_missing_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--store", str(tmp_path / "none.db"), "check")
    assert code == 1
    assert err.startswith("dossier: No store at")
    assert not (tmp_path / "none.db").exists()


def test_sample_writes_a_fresh_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "sample.db"
    code, out, _ = run(capsys, "sample", "--out", str(out_path))
    assert code == 0
    assert "Азербайджан" in out
    code, _, err = run(capsys, "sample", "--out", str(out_path))
    assert code == 1
    assert "already exists" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "XX"], "No dossier for “XX”"),
        (["export-json", "Narnia"], "No dossier for “Narnia”"),
    ],
)
def test_user_mistakes_give_one_line(
    capsys: pytest.CaptureFixture[str], store_file: Path, argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, "--store", str(store_file), *argv)
    assert code == 1
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_a_damaged_file_is_reported_not_raised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 1000)
    code, _, err = run(capsys, "--store", str(junk), "list")
    assert code == 1
    assert "not a Dossier store, or the file is damaged" in err


def test_a_folder_as_store_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--store", str(tmp_path), "list")
    assert code == 1
    assert "is a folder" in err


def test_installed_command_runs(store_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dossier", "--store", str(store_file), "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Азербайджан" in result.stdout


def test_a_command_closes_the_store_it_opened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The next command may need the file alone (restore, passwd): no connection may
    # be left for the garbage collector to close some time later.
    import gc
    import sqlite3

    from dossier.store.connection import lock_exclusively

    path = tmp_path / "store.db"
    assert run(capsys, "sample", "--out", str(path))[0] == 0
    gc.disable()
    try:
        assert run(capsys, "--store", str(path), "list")[0] == 0
        assert run(capsys, "--store", str(path), "show", "AZ")[0] == 0
        conn = sqlite3.connect(path)
        lock_exclusively(conn, path)  # raises StoreInUse if a connection is still open
        conn.close()
    finally:
        gc.enable()


def test_gui_entry_point_opens_the_app_whatever_the_arguments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dossier.ui.app
    from dossier.cli import gui_main

    opened = []
    monkeypatch.setattr(dossier.ui.app, "run_gui", lambda args: opened.append(args) or 0)
    # A launcher's odd argument (macOS once passed -psn_...) must not stop the app.
    monkeypatch.setattr(sys, "argv", ["dossier-gui", "-psn_0_12345"])
    assert gui_main() == 0
    assert [a.command for a in opened] == ["gui"]
    assert not opened[0].smoke
