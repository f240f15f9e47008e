"""Linux desktop integration: the menu entry, the AppStream file and install.sh."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from packaging_helpers import APP_ID, ICON_SIZES, LINUX, fake_bundle, project_version

DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
INSTALL = LINUX / "install.sh"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (Name[ru])
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_gui_with_our_icon_in_both_languages() -> None:
    entry = desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "dossier gui"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Name[ru]"] == "Досье"
    assert "Office" in entry["Categories"].split(";")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    assert not result.stdout.strip(), result.stdout  # no warnings either


def test_metainfo_names_the_desktop_entry_and_the_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    newest = root.find("releases/release")
    assert newest is not None
    # pyproject.toml is the one source of truth: a version bump needs a release entry.
    assert newest.get("version") == project_version(), (
        "add a <release> for the new version to " + METAINFO.name
    )


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream is not installed")
def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def run_install(
    *args: str,
    env_extra: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        ["bash", str(INSTALL), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def test_user_install_puts_program_menu_entry_and_icons_under_home(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path)
    home = Path(os.environ["HOME"])
    share = Path(os.environ["XDG_DATA_HOME"])
    result = run_install("--bundle", str(bundle))
    assert result.returncode == 0, result.stderr
    app = home / ".local" / "lib" / "dossier" / "dossier"
    assert (
        subprocess.run(
            [str(home / ".local" / "bin" / "dossier"), "--version"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        == "dossier 9.9.9\n"
    )
    assert "Installed dossier 9.9.9" in result.stdout
    entry = desktop_entry(share / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == f"{app} gui"  # a full path: ~/.local/bin may not be on PATH
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()


def test_a_home_with_a_space_gets_a_quoted_exec_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "Ivan Petrov"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME")
    result = run_install("--bundle", str(fake_bundle(tmp_path)))
    assert result.returncode == 0, result.stderr
    desktop = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    app = home / ".local" / "lib" / "dossier" / "dossier"
    assert desktop_entry(desktop)["Exec"] == f'"{app}" gui'
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stdout


def test_reinstall_replaces_the_program_and_uninstall_keeps_the_stores(tmp_path: Path) -> None:
    home = Path(os.environ["HOME"])
    share = Path(os.environ["XDG_DATA_HOME"])
    assert run_install("--bundle", str(fake_bundle(tmp_path / "old", "1.0"))).returncode == 0
    store = share / "Dossier" / "dossier.db"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"the user's work")

    upgrade = run_install("--bundle", str(fake_bundle(tmp_path / "new", "2.0")))
    assert upgrade.returncode == 0, upgrade.stderr
    assert "Installed dossier 2.0" in upgrade.stdout

    removed = run_install("--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert "stores were not touched" in removed.stdout
    assert not (home / ".local" / "lib" / "dossier").exists()
    assert not (home / ".local" / "bin" / "dossier").exists()
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not list((share / "icons").rglob(f"{APP_ID}.*"))
    assert store.read_bytes() == b"the user's work"
    assert "nothing to remove" in run_install("--uninstall").stdout


def test_uninstall_leaves_a_dossier_command_that_is_not_ours(tmp_path: Path) -> None:
    bin_dir = Path(os.environ["HOME"]) / ".local" / "bin"
    assert run_install("--bundle", str(fake_bundle(tmp_path))).returncode == 0
    (bin_dir / "dossier").unlink()
    (bin_dir / "dossier").write_text("#!/bin/sh\n")  # something else took the name
    assert run_install("--uninstall").returncode == 0
    assert (bin_dir / "dossier").read_text() == "#!/bin/sh\n"


def test_system_install_under_a_root_names_the_final_paths(tmp_path: Path) -> None:
    root = tmp_path / "root"
    result = run_install("--system", "--root", str(root), "--bundle", str(fake_bundle(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert (root / "opt" / "dossier" / "dossier").is_file()
    assert os.readlink(root / "usr" / "local" / "bin" / "dossier") == "/opt/dossier/dossier"
    entry = desktop_entry(root / "usr" / "local" / "share" / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == "/opt/dossier/dossier gui"
    assert run_install("--system", "--root", str(root), "--uninstall").returncode == 0
    assert not (root / "opt" / "dossier").exists()
    assert not (root / "usr" / "local" / "bin" / "dossier").exists()


def test_install_without_a_bundle_or_with_a_bad_option_says_why(tmp_path: Path) -> None:
    missing = run_install("--bundle", str(tmp_path / "nowhere"))
    assert missing.returncode == 1
    assert "no bundle at" in missing.stderr
    assert "build.sh" in missing.stderr
    bad = run_install("--frobnicate")
    assert bad.returncode == 2
    assert "unknown option --frobnicate" in bad.stderr
    assert not (Path(os.environ["HOME"]) / ".local" / "lib" / "dossier").exists()
