"""Encryption at rest with SQLCipher 4: detect, convert plain <-> encrypted, re-key.

The passphrase goes to SQLCipher's key derivation (PBKDF2-HMAC-SHA512, 256,000
rounds); every page is encrypted and authenticated, so a wrong passphrase or a
changed byte is noticed before any data is shown. Conversions never touch the
original until a verified copy exists: export into a temporary file beside it,
open and check the copy, then rename it over the original in one step.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from dossier.files import private_umask
from dossier.said import Said, said
from dossier.store.connection import (
    DamagedStore,
    cipher_connection,
    db_errors,
    lock_exclusively,
    quick_check,
    raw_connection,
)
from dossier.store.errors import StoreError, WrongPassphrase, wrong_passphrase

PLAIN_HEADER = b"SQLite format 3\x00"
MIN_PASSPHRASE = 8


class PassphraseNeeded(StoreError):
    """The store is encrypted and no passphrase was given."""


def is_encrypted(path: Path | str) -> bool:
    """True if `path` looks like an SQLCipher file (not plain SQLite, whole pages).

    A plain SQLite file starts with "SQLite format 3\\0"; an SQLCipher file starts
    with a random salt and is a whole number of pages. Anything else (text,
    truncated junk) is treated as a damaged plain file, not asked a passphrase for.
    A store this process has open is asked through its connection: opening and
    closing the file would drop the connection's locks (see store/live.py).
    """
    from dossier.store.live import live_connection

    path = Path(path)
    conn = live_connection(path)
    if conn is not None:
        return is_encrypted_connection(conn)
    try:
        size = path.stat().st_size
        if size == 0 or size % 512:
            return False
        with path.open("rb") as fh:
            return fh.read(16) != PLAIN_HEADER
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


def is_encrypted_connection(conn: Any) -> bool:
    """True for a connection made by the encrypted driver (sqlcipher3) with a key."""
    return type(conn).__module__.startswith("sqlcipher3")


# zxcvbn's score (0-4) a new passphrase needs: 3 is "safely unguessable" (about 10^10
# guesses), as KeePassXC's "good". Its cost here is in the key: Argon2id.
MIN_SCORE = 3
# zxcvbn's time grows with length; the first characters tell it all it needs.
_ZXCVBN_CHARS = 100
_HINTS = {
    0: ("Very weak: easy to guess.", "Очень слабый: легко угадать."),
    1: (
        "Weak: make it longer, e.g. four unrelated words.",
        "Слабый: сделайте длиннее, например четыре случайных слова.",
    ),
    2: (
        "Fair, not enough: add another uncommon word.",
        "Средний, этого мало: добавьте ещё одно редкое слово.",
    ),
    3: ("Good.", "Хороший."),
    4: ("Strong.", "Надёжный."),
}


def _zxcvbn(passphrase: str) -> tuple[int, str]:
    """zxcvbn's score and its warning (English), e.g. "This is a top-10 common password"."""
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:_ZXCVBN_CHARS], user_inputs=["dossier", "Dossier", "досье"])
    return int(result["score"]), str(result["feedback"].get("warning") or "")


def strength_hint(passphrase: str, lang: str = "en") -> tuple[int, str]:
    """The strength score 0-4 (zxcvbn, as KeePassXC judges it) and a one-line hint,
    shown while a new passphrase is typed."""
    from dossier.fields import bilingual

    if len(passphrase) < MIN_PASSPHRASE:
        return 0, bilingual(
            lang,
            f"Too short: use at least {MIN_PASSPHRASE} characters.",
            f"Слишком коротко: нужно не меньше {MIN_PASSPHRASE} знаков.",
        )
    score, warning = _zxcvbn(passphrase)
    hint = bilingual(lang, *_HINTS[score])
    if warning and lang == "en" and score < MIN_SCORE:
        hint = f"{hint} {warning}"
    return score, hint


def check_new_passphrase(passphrase: str, confirm: str | None = None) -> None:
    """StoreError if `passphrase` is not acceptable for a new or changed key."""
    if confirm is not None and passphrase != confirm:
        raise StoreError(said("The two passphrases differ.", "Пароли не совпадают."))
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(
            said(
                "The passphrase is too short: use at least {n} "
                "characters (several words are easiest to remember).",
                "Пароль слишком короткий: нужно не меньше {n} знаков "
                "(легче всего запомнить несколько слов).",
                n=MIN_PASSPHRASE,
            )
        )
    if passphrase != passphrase.strip():
        raise StoreError(
            said(
                "The passphrase starts or ends with a space; remove it to avoid "
                "being locked out by an invisible character.",
                "Пароль начинается или кончается пробелом; уберите его, чтобы "
                "невидимый знак не закрыл вам доступ к хранилищу.",
            )
        )
    score, warning = _zxcvbn(passphrase)
    if score < MIN_SCORE:
        # zxcvbn's warning is English only: the Russian leaves it out (as strength_hint).
        why = Said(f" ({warning.rstrip('.')})" if warning else "", "")
        raise StoreError(
            said(
                "The passphrase is too easy to guess{why}: strength {score} of 4, "
                "{needed} is needed. Several unrelated words are strong and easy to remember.",
                "Пароль слишком легко угадать{why}: надёжность {score} из 4, "
                "нужно не меньше {needed}. Несколько не связанных между собой слов и надёжны, "
                "и легко запоминаются.",
                why=why,
                score=score,
                needed=MIN_SCORE,
            )
        )


def _fsync_dir(directory: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(directory, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_beside(path: Path, tag: str) -> Path:
    tmp = path.with_name(f".{path.name}.{tag}.{os.getpid()}.part")
    for extra in ("", "-journal", "-wal", "-shm"):
        Path(f"{tmp}{extra}").unlink(missing_ok=True)
    return tmp


def _open_checked(
    path: Path, passphrase: str | None, *, exclusive: bool = False, cipher: bool = False
) -> Any:
    """A raw connection to an existing store file that passed a quick check.

    exclusive: hold the file (StoreInUse if open elsewhere); cipher: an SQLCipher
    connection even for a plain file (sqlcipher_export needs one).
    """
    if not path.is_file():
        raise StoreError(said("No store at {path}.", "Хранилища {path} нет.", path=path))
    if cipher and passphrase is None:
        conn = cipher_connection(path)
    else:
        conn = raw_connection(path, passphrase)
    try:
        if exclusive:
            lock_exclusively(conn, path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        problems = quick_check(conn)
    except db_errors(UnicodeError) as exc:
        conn.close()
        if passphrase is not None:
            raise WrongPassphrase(wrong_passphrase(path)) from None
        raise DamagedStore(
            said(
                "{path} is not a Dossier store or is damaged ({exc}).",
                "{path} не хранилище Dossier или повреждён ({exc}).",
                path=path,
                exc=exc,
            ),
            path,
            [str(exc)],
        ) from None
    except BaseException:
        conn.close()
        raise
    if problems:
        conn.close()
        raise DamagedStore(
            said(
                "The store {path} is damaged ({problem}); nothing was changed.",
                "Хранилище {path} повреждено ({problem}); ничего не изменено.",
                path=path,
                problem=problems[0],
            ),
            path,
            problems,
        )
    return conn


def table_counts(conn: Any, schema: str = "main") -> dict[str, int]:
    """Rows per table (FTS shadow tables left out), to compare a copy with its original."""
    names = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def _export(src: Any, target: Path, key: str | None) -> None:
    """Copy every table, index, trigger and the schema version into `target`.

    key=None attaches with the source's own key (same passphrase); "" makes the
    copy plain; a RawKey is used as it is; any other string is a passphrase, from
    which a key with a fresh header is derived (store/keys.py).
    """
    from dossier.store.connection import sql_string
    from dossier.store.keys import RawKey, new_key

    version = src.execute("PRAGMA user_version").fetchone()[0]
    app_id = src.execute("PRAGMA application_id").fetchone()[0]

    if key and not isinstance(key, RawKey):
        key = new_key(key)
    key_clause = "" if key is None else f" KEY {sql_string(key)}"
    src.execute(f"ATTACH DATABASE {sql_string(str(target))} AS export{key_clause}")
    try:
        # The copy is a temporary file, fsynced and verified before it is renamed into
        # place: syncing every table as it is copied would only make this 20x slower.
        src.execute("PRAGMA export.synchronous = OFF")
        src.execute("PRAGMA export.journal_mode = OFF")
        src.execute("SELECT sqlcipher_export('export')")
        # sqlcipher_export copies the schema and rows but not the header's schema
        # version and application id.
        src.execute(f"PRAGMA export.user_version = {int(version)}")
        src.execute(f"PRAGMA export.application_id = {int(app_id)}")
    finally:
        src.execute("DETACH DATABASE export")


def _verify_copy(
    copy: Path, passphrase: str | None, expected: dict[str, int], version: int
) -> None:
    conn = raw_connection(copy, passphrase)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
        counts = table_counts(conn)
        got_version = conn.execute("PRAGMA user_version").fetchone()[0]
    except db_errors() as exc:
        raise StoreError(
            said(
                "The converted copy could not be read back ({exc}); the original is unchanged.",
                "Преобразованную копию не удалось прочитать ({exc}); исходный файл не изменён.",
                exc=exc,
            )
        ) from None
    finally:
        conn.close()
    if problems or counts != expected or got_version != version:
        raise StoreError(
            said(
                "The converted copy did not match the original; the original is unchanged.",
                "Преобразованная копия не совпала с исходным файлом; исходный файл не изменён.",
            )
        )


def stage_copy(conn: Any, src_path: Path, tmp: Path, new: str | None) -> None:
    """Export what `conn` (an SQLCipher connection to `src_path`) holds into `tmp`
    under the key `new` (None: plain), read it back and fsync it; StoreError if the
    copy does not match. The caller renames `tmp` into place (or throws it away)."""
    from dossier.store.keys import RawKey, new_key

    if new and not isinstance(new, RawKey):
        new = new_key(new)  # derived once: the copy is written and checked with it
    try:
        # Fold the write-ahead log into the file: the copy must hold every commit.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        expected = table_counts(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        with private_umask():  # the copy SQLite creates is the user's alone
            _export(conn, tmp, new if new is not None else "")
    except db_errors() as exc:
        raise StoreError(
            said(
                "Converting {path} failed ({exc}); the original is unchanged.",
                "Не удалось преобразовать {path} ({exc}); исходный файл не изменён.",
                path=src_path,
                exc=exc,
            )
        ) from None
    _verify_copy(tmp, new, expected, version)
    _fsync_file(tmp)


def open_for_copy(path: Path, passphrase: str | None, *, exclusive: bool = False) -> Any:
    """An SQLCipher connection to the checked store file at `path`, ready for `stage_copy`."""
    return _open_checked(Path(path), passphrase, exclusive=exclusive, cipher=True)


def convert(src_path: Path, out_path: Path, *, old: str | None, new: str | None) -> None:
    """Write a verified copy of `src_path` to `out_path` with another key, atomically.

    old/new: the passphrase of the source and of the copy (None: plain). When
    out_path is src_path the original is replaced only after the copy checks out.
    The store must not be open elsewhere.
    """
    src_path, out_path = Path(src_path), Path(out_path)
    in_place = out_path == src_path
    # In place, the file is held until the new one is there: nobody may write the old.
    conn = open_for_copy(src_path, old, exclusive=in_place)
    tmp = _temp_beside(out_path, "convert")
    try:
        stage_copy(conn, src_path, tmp, new)
        if in_place:
            # A leftover log of the old file would be replayed into the new one.
            for extra in ("-wal", "-shm"):
                Path(f"{src_path}{extra}").unlink(missing_ok=True)
        os.replace(tmp, out_path)
        _fsync_dir(out_path.parent)
    finally:
        conn.close()
        for extra in ("", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{tmp}{extra}").unlink()


def already_encrypted(path: object) -> Said:
    return said("{path} is already encrypted.", "{path} уже зашифрован.", path=path)


def not_encrypted(path: object) -> Said:
    return said("{path} is not encrypted.", "{path} не зашифрован.", path=path)


def already_exists(path: object) -> Said:
    return said(
        "{path} already exists; choose a new file name.",
        "{path} уже существует; выберите другое имя файла.",
        path=path,
    )


def encrypt_first(path: object) -> Said:
    return said(
        "{path} is not encrypted; use `dossier encrypt` first.",
        "{path} не зашифрован; сначала выполните `dossier encrypt`.",
        path=path,
    )


def encrypt_file(path: Path, passphrase: str) -> None:
    """Encrypt the plain store at `path` in place (atomically)."""
    if is_encrypted(path):
        raise StoreError(already_encrypted(path))
    check_new_passphrase(passphrase)
    convert(path, path, old=None, new=passphrase)


def decrypt_file(path: Path, passphrase: str, out: Path) -> None:
    """Write a plain (unencrypted) copy of the encrypted store at `path` to `out`."""
    if not is_encrypted(path):
        raise StoreError(not_encrypted(path))
    if Path(out).exists():
        raise StoreError(already_exists(out))
    convert(path, Path(out), old=passphrase, new=None)


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-key the encrypted store at `path` (atomically: verified copy, then rename)."""
    if not is_encrypted(path):
        raise StoreError(encrypt_first(path))
    check_new_passphrase(new)
    convert(path, path, old=old, new=new)


def passphrase_opens(path: Path, passphrase: str | None) -> bool:
    """True if `passphrase` (None: plain) opens the store file at `path`."""
    try:
        conn = raw_connection(path, passphrase)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except db_errors(StoreError):
        return False
    return True
