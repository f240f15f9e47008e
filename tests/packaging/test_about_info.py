"""dossier.about: the version, store and library facts Help > About shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from packaging_helpers import project_version

from dossier.about import about_info, about_text
from dossier.cli import main
from dossier.store import open_store
from dossier.store.migrations import latest_version


def test_version_comes_from_pyproject(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"dossier {project_version()}\n", (
        "installed metadata is stale: run `pip install -e .` after changing the version"
    )


def test_before_a_store_is_open_about_names_the_default_store() -> None:
    info = about_info()
    assert info["version"] == project_version()
    assert info["store_path"].endswith("dossier.db")
    assert info["store_schema"] is None
    assert info["app_schema"] == latest_version()
    assert info["installed_as"] == "python package"
    assert {"PySide6", "sqlite-utils", "matplotlib", "reportlab", "SQLite"} <= set(
        info["libraries"]
    )


def test_about_a_plain_store_file(store_file: Path) -> None:
    store = open_store(store_file)
    try:
        info = about_info(store)
    finally:
        store.close()
    assert info["store_path"] == str(store_file)
    assert info["store_schema"] == latest_version()
    assert info["store_encrypted"] is False
    text = about_text(info)
    assert f"Dossier {project_version()}" in text
    assert f"{store_file} (schema {latest_version()}, not encrypted)" in text


def test_about_an_encrypted_store_names_sqlcipher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store import connection

    monkeypatch.setattr(connection, "KDF_ITER", 2000)  # the subject is About, not the KDF
    store = open_store(tmp_path / "secret.db", passphrase="correct horse battery")
    try:
        info = about_info(store)
    finally:
        store.close()
    assert info["store_encrypted"] is True
    assert "SQLCipher" in info["libraries"]
    assert "encrypted)" in about_text(info)


def test_about_a_store_file_reads_it_without_changing_it(store_file: Path) -> None:
    before = store_file.read_bytes()
    info = about_info(path=store_file)
    assert info["store_schema"] == latest_version()
    assert info["store_encrypted"] is False
    assert store_file.read_bytes() == before


def test_about_an_encrypted_file_needs_no_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store import connection

    monkeypatch.setattr(connection, "KDF_ITER", 2000)
    path = tmp_path / "secret.db"
    open_store(path, passphrase="correct horse battery").close()
    info = about_info(path=path)
    assert info["store_encrypted"] is True
    assert f"Store: {path} (encrypted)" in about_text(info)


def test_dossier_about_names_a_store_that_does_not_exist_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.db"
    assert main(["--store", str(path), "about"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Dossier {project_version()} (python package)\n")
    assert f"Store: {path} (not created yet" in out
    assert "natasha" in out
    assert not path.exists()  # About creates nothing


def test_dossier_about_reads_a_store_named_by_a_relative_path(
    store_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `dossier --store look.db about` stopped with "relative path can't be
    # expressed as a file URI".
    monkeypatch.chdir(store_file.parent)
    assert main(["--store", store_file.name, "about"]) == 0
    assert f"(schema {latest_version()}, not encrypted)" in capsys.readouterr().out
