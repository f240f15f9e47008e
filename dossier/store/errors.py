"""Errors the store raises, each worded for the person at the keyboard.

Typed, so that callers decide by class (WrongPassphrase: ask again; StoreBusy: try
later; DamagedStore: offer a backup; NewerSchema: update the app), never by text.
"""

from __future__ import annotations

from pathlib import Path

from dossier.said import Said, said


class StoreError(Exception):
    """A store cannot be opened or used; the message says why and what to do."""


class NotFound(StoreError):
    """The record asked for does not exist (any more)."""


# The start of every wrong-key message: the UI translates it (passphrase_dialog).
WRONG_PASSPHRASE = "Wrong passphrase or damaged file"


def wrong_passphrase(path: object) -> Said:
    """The wrong-key message for `path`: WRONG_PASSPHRASE, then the file."""
    return said(
        "Wrong passphrase or damaged file: {path}",
        "Неверный пароль или повреждённый файл: {path}",
        path=path,
    )


class WrongPassphrase(StoreError):
    """The key does not open the file (or the encrypted file is damaged: SQLCipher
    cannot tell the two apart); nothing was written. Callers ask again on this type,
    never by matching the message."""


class NewerSchema(StoreError):
    """The store was written by a newer Dossier; it has not been changed."""


class DamagedStore(StoreError):
    """The store file fails SQLite's checks; it has not been written to."""

    def __init__(self, message: str, path: Path | None = None, problems: list[str] | None = None):
        super().__init__(message)
        self.path = path
        self.problems = problems or []

    @classmethod
    def found(cls, path: object, problems: list[str]) -> DamagedStore:
        """The refusal of a store whose checks found `problems` (the first one named)."""
        message = said(
            "The store {path} is damaged ({problem}). Nothing was written to it.",
            "Хранилище {path} повреждено ({problem}). В него ничего не записано.",
            path=path,
            problem=problems[0],
        )
        return cls(message, Path(str(path)), problems)


BUSY_MESSAGE = said(
    "The store is busy: another Dossier window or command is writing; try again.",
    "Хранилище занято: в него сейчас пишет другое окно или команда Dossier; повторите попытку.",
)


def read_only(path: object = None) -> Said:
    """READ_ONLY_MESSAGE for the store at `path` (None: "The store")."""
    if path is None:
        return said(
            "The store is on a read-only medium or in a read-only folder: Dossier writes "
            "beside the store (its log files) even to read it. Copy it to a writable folder "
            "and open the copy. Nothing was written.",
            "Хранилище лежит на носителе или в папке только для чтения: Dossier даже для "
            "чтения пишет рядом с хранилищем свои служебные файлы журнала. Скопируйте его в "
            "папку, доступную для записи, и откройте копию. Ничего не записано.",
        )
    return said(
        "{path} is on a read-only medium or in a read-only folder: Dossier writes "
        "beside the store (its log files) even to read it. Copy it to a writable folder "
        "and open the copy. Nothing was written.",
        "{path} лежит на носителе или в папке только для чтения: Dossier даже для "
        "чтения пишет рядом с хранилищем свои служебные файлы журнала. Скопируйте его в "
        "папку, доступную для записи, и откройте копию. Ничего не записано.",
        path=path,
    )


class StoreReplaced(StoreError):
    """The store file was replaced or deleted under an open connection."""


class StoreBusy(StoreError):
    """Another process kept the store's write lock past the busy timeout; nothing was written."""

    def __init__(self, message: str = BUSY_MESSAGE):
        super().__init__(message)


def is_busy(exc: BaseException) -> bool:
    """True for a driver error that means another connection holds the lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        return True
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


def driver_message(exc: BaseException) -> str:
    """One line for the user in place of a driver error that reached the surface."""
    if is_busy(exc):
        return BUSY_MESSAGE
    detail = " ".join(str(exc).split())[:200]
    if "disk i/o error" in detail.lower() or "disk is full" in detail.lower():
        return said(
            "Could not write to the store ({detail}): the disk may be full, or the "
            "medium failing. The change was not saved; free some space and try again.",
            "Не удалось записать в хранилище ({detail}): возможно, диск переполнен или "
            "носитель неисправен. Изменение не сохранено; освободите место и повторите попытку.",
            detail=detail,
        )
    if "readonly" in detail.lower() or "read-only" in detail.lower():
        return read_only()
    if "decode" in detail:
        return said(
            "The store holds text that cannot be read ({detail}): the file is damaged. "
            "Nothing was changed; `dossier check` lists the problems.",
            "В хранилище есть текст, который нельзя прочитать ({detail}): файл повреждён. "
            "Ничего не изменено; список неполадок выдаёт `dossier check`.",
            detail=detail,
        )
    return said(
        "The store could not be read or written ({detail}); nothing more was changed. "
        "`dossier check` tells whether the file is damaged.",
        "Не удалось прочитать хранилище или записать в него ({detail}); больше ничего не "
        "изменено. Повреждён ли файл, покажет `dossier check`.",
        detail=detail,
    )


def failures() -> tuple[type[Exception], ...]:
    """Every error a store call can raise: StoreError and the drivers' own errors.

    For the UI, which must not import a driver: `except store.failures():`. A driver
    error still reaching the surface is a gap in the store; this keeps the window up.
    """
    from dossier.store.connection import db_errors

    return (StoreError, *db_errors())
