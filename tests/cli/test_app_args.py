"""The app's plain command lines are read without argparse (start-up, issue 21) and
give exactly the namespace argparse gives; every other line still goes to argparse."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dossier import cli

PLAIN = [
    [],
    ["gui"],
    ["gui", "--smoke"],
    ["--store", "/tmp/a store.db"],
    ["--store", "x.db", "gui"],
    ["--store", "gui", "gui"],
    ["--store", ""],
    ["--lang", "ru"],
    ["--lang", "ru", "--store", "x.db", "gui", "--ui-lang", "en", "--smoke"],
    ["gui", "--smoke", "--ui-lang", "ru"],
    ["--store", "x.db", "gui", "--smoke", "--ui-lang", "en"],
]


def argparse_args(argv: list[str]) -> dict[str, object]:
    parser = cli.build_parser(app_only=True)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    return vars(args)


@pytest.mark.parametrize("argv", PLAIN)
def test_a_plain_app_command_line_gives_what_argparse_gives(argv: list[str]) -> None:
    args = cli._app_args(argv)
    assert args is not None
    assert vars(args) == argparse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["gui", "-h"],
        ["--version"],
        ["--store=x.db"],
        ["--sto", "x.db"],
        ["--store"],
        ["--store", "-x"],
        ["--store", "a", "--store", "b"],
        ["--lang", "de"],
        ["--ui-lang", "en"],
        ["gui", "--store", "x.db"],
        ["gui", "--ui-lang", "de"],
        ["gui", "--smoke", "--smoke"],
        ["gui", "gui"],
        ["brief", "--sample"],
        ["gui", "extra"],
    ],
)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert cli._app_args(argv) is None


def test_opening_the_app_builds_no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    monkeypatch.setattr(cli, "build_parser", lambda **kw: seen.append(kw))
    monkeypatch.setattr(cli, "run_command", lambda args: 7 if args.smoke else 0)
    assert cli.main(["--store", "x.db", "gui", "--smoke"]) == 7
    assert seen == []


def test_a_mistake_on_the_app_line_is_still_argparse_s_message() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "dossier", "gui", "--store", "x.db"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "unrecognized arguments: --store x.db" in out.stderr
