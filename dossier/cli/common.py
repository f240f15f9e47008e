"""What every command shares: opening the store and turning failures into one line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dossier.fields import ValidationError
from dossier.paths import default_store_path
from dossier.store import NotFound, Store, StoreError


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code `code`."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def store_path(args: argparse.Namespace) -> Path:
    return Path(args.store).expanduser() if args.store else default_store_path()


def open_cli_store(args: argparse.Namespace) -> Store:
    from dossier.store.sample import open_or_create

    return open_or_create(store_path(args))


def run_command(args: argparse.Namespace) -> int:
    try:
        result: Any = args.handler(args)
    except (StoreError, ValidationError) as exc:
        raise CliError(str(exc)) from None
    except NotFound as exc:  # pragma: no cover - NotFound is a StoreError
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")) from None
    return int(result or 0)
