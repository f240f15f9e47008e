"""From a passphrase to the key SQLCipher is given: Argon2id, with its parameters in a
16-byte header of ours at the start of the file.

SQLCipher keeps the first 16 bytes of an encrypted file in the clear: its salt. Our
files use those bytes as a small header, readable before the file is opened:

    b"DK\\x01"  t  log2(memory KiB)  p  + 10 random bytes

(format 1; t = passes, p = lanes). The whole 16 bytes are the Argon2id salt, so the
parameters are bound into the key; the 80 random bits keep every file's key its own.
The derived 32-byte key and this header go to SQLCipher as a raw key
(`PRAGMA key = "x'<key><salt>'"`): SQLCipher runs no key derivation of its own and
writes the header as the file's salt. Backups made through the store's connection
(ATTACH without a key) get the same key and header, so one derivation opens them.

Files made before (SQLCipher's own PBKDF2 from the passphrase, a random salt) are
recognised by the missing magic and opened as before; `open_store` upgrades them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAGIC = b"DK\x01"
HEADER_SIZE = 16


@dataclass(frozen=True)
class Cost:
    passes: int
    memory_log2: int  # memory in KiB = 2 ** memory_log2
    lanes: int

    @property
    def memory_kib(self) -> int:
        return 1 << self.memory_log2


# Tuned on the reference machine to about half a second (benchmarks/unlock.py):
# 256 MiB, one pass, one lane. RFC 9106 recommends one pass when memory is large.
DEFAULT = Cost(passes=1, memory_log2=18, lanes=1)
# What the test suite and `--fast-kdf` benchmarks use (connection.KDF_ITER set):
# the header records it, so such files still open with the right parameters.
LOW = Cost(passes=1, memory_log2=3, lanes=1)


class RawKey(str):
    """An SQLCipher raw key literal (x'<64 hex key><32 hex salt>'), not a passphrase."""

    __slots__ = ()


def current_cost() -> Cost:
    from dossier.store import connection

    return LOW if connection.KDF_ITER is not None else DEFAULT


def new_header(cost: Cost | None = None) -> bytes:
    cost = cost or current_cost()
    return MAGIC + bytes([cost.passes, cost.memory_log2, cost.lanes]) + os.urandom(10)


def cost_of(header: bytes) -> Cost | None:
    """The parameters a header records (None: not one of our headers)."""
    if len(header) != HEADER_SIZE or not header.startswith(MAGIC):
        return None
    passes, memory_log2, lanes = header[3], header[4], header[5]
    if not (1 <= passes <= 64 and 3 <= memory_log2 <= 24 and 1 <= lanes <= 16):
        return None
    return Cost(passes, memory_log2, lanes)


def probe_header(conn: Any) -> bytes | None:
    """Our header of the file `conn` (a fresh SQLCipher connection, no key given yet)
    is on, read by SQLCipher itself (`PRAGMA cipher_salt` under a throw-away key,
    which a later `PRAGMA key` replaces). None: not one of our headers."""
    conn.execute("PRAGMA key = 'header probe'")
    row = conn.execute("PRAGMA cipher_salt").fetchone()
    try:
        header = bytes.fromhex(row[0]) if row and row[0] else b""
    except ValueError:
        return None
    return header if cost_of(header) is not None else None


def read_header(path: Path | str) -> bytes | None:
    """Our header at the start of an existing encrypted file (None: none there).

    Read through SQLCipher, never with open(): closing a descriptor of a store file
    would drop the locks this process's connections hold on it; SQLite keeps its own
    descriptors open until no lock needs them.
    """
    import urllib.parse

    from dossier.store.connection import db_errors

    path = Path(path)
    try:
        if path.stat().st_size < 512:
            return None
    except OSError:
        return None
    from sqlcipher3 import dbapi2

    uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
    try:
        conn = dbapi2.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except db_errors():
        return None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        return probe_header(conn)
    except db_errors():
        return None
    finally:
        conn.close()


def derive(passphrase: str, header: bytes) -> RawKey:
    """The raw key for `passphrase` in a file with `header` (Argon2id)."""
    from argon2.low_level import Type, hash_secret_raw

    from dossier.store.connection import sql_string

    sql_string(passphrase)  # the same refusals (NUL, unencodable) as before
    cost = cost_of(header)
    if cost is None:
        raise ValueError("not an Argon2id header")
    secret = bytearray(passphrase.encode("utf-8"))
    try:
        key = hash_secret_raw(
            bytes(secret), header, cost.passes, cost.memory_kib, cost.lanes, 32, Type.ID
        )
    finally:
        secret[:] = b"\x00" * len(secret)
    return RawKey(f"x'{key.hex()}{header.hex()}'")


def new_key(passphrase: str, cost: Cost | None = None) -> RawKey:
    """The raw key of a new file: a fresh header, then Argon2id."""
    return derive(passphrase, new_header(cost))


def key_for(path: Path | str, passphrase: str, probe: Any = None) -> str:
    """What to give SQLCipher for the file at `path`: a RawKey (an existing file with
    our header, or a new file), or the passphrase itself for a file made before.
    `probe`: the fresh connection about to be keyed, to read the header through."""
    if isinstance(passphrase, RawKey):
        return passphrase
    path = Path(path)
    try:
        existing = path.stat().st_size > 0
    except (OSError, ValueError):
        existing = False
    if not existing:
        return new_key(passphrase)
    header = probe_header(probe) if probe is not None else read_header(path)
    return derive(passphrase, header) if header is not None else passphrase


def is_legacy(path: Path | str) -> bool:
    """An encrypted file keyed by SQLCipher's own PBKDF2 (made before Argon2id)."""
    from dossier.store.crypto import is_encrypted

    return is_encrypted(path) and read_header(path) is None
