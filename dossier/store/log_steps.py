"""The operation log's rows read back as steps: what an undo or redo checks and replays.

The log (dossier.store.oplog) keeps each write as audit rows of `changes`, values
typed as JSON; here they are read back, one step per record changed, and parsed
only where needed: an undo of an import of 100,000 figures need not parse the
values it logged of a record that still holds them, byte for byte (check_texts).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dossier.store.db import Db
from dossier.value_methods import Compared

# Which of an operation's bulk-insert rows of a table log, byte for byte, what their
# records hold now (table, op id, the logged fields in order): those rows' ids.
Same = Callable[[str, int, list[str]], set[int]]


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    raise TypeError(f"cannot log a {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    return base64.b64decode(obj["$b64"]) if set(obj) == {"$b64"} else obj


def to_json(value: Any) -> str:
    """A value as the log keeps it: JSON, with bytes (photos) as base64."""
    if isinstance(value, bytes | bytearray | memoryview):
        value = _encode(value)
    return json.dumps(value, ensure_ascii=False, default=_encode)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text, object_hook=_decode)


def read_steps(db: Db, op_id: int, *, as_text: bool = False) -> list[_Step]:
    """The operation's writes, one per record change, in the order they were made.
    `as_text`: a bulk-inserted record's values are not even read (step.unread, its
    `after` empty): check_texts compares them as text, and reads only what it needs."""
    rows = db.execute(
        "SELECT table_name, row_id, dossier_id, action, field, old_json, "
        f"CASE WHEN ?2 AND {_BULK} THEN NULL ELSE new_json END, id, {_BULK} "
        "FROM changes WHERE op_id = ?1 ORDER BY id",
        [op_id, as_text],
    ).fetchall()
    olds = _decode_all([r[5] for r in rows])
    news = _decode_all([r[6] for r in rows])
    steps: list[_Step] = []
    last: _Step | None = None
    for (table, row_id, dossier_id, action, name, _o, text, change, bulk), old, new in zip(
        rows, olds, news, strict=True
    ):
        unread = as_text and bulk
        if (
            last is None
            or last.row_id != row_id
            or last.table != table
            or last.action != action
            or action == "delete"
        ):
            if action == "insert" and name is None and (text is not None or unread):
                if unread:
                    last = _Step(table, row_id, action, dossier_id, unread=True, change=change)
                else:
                    # A bulk insert's record (all its values in one row, the JSON
                    # just parsed: a dict of its own): as below, without a copy.
                    new.setdefault("dossier_id", dossier_id)
                    last = _Step(table, row_id, action, dossier_id, {}, new)
                steps.append(last)
                continue
            last = _Step(table, row_id, action, dossier_id)
            steps.append(last)
        if last.unread:  # more to the record than its bulk row (rare): read it after all
            last.take(from_json(_texts(db, [last.change])[last.change]))
        if unread:
            new = from_json(_texts(db, [change])[change])
        if action == "delete":
            last.before = dict(old or {})
        elif name is not None:
            last.before[name] = old
            last.after[name] = new
        elif action == "insert" and new is not None:
            last.after.update(new)  # a bulk insert: all values in one row
        if action == "insert":
            last.after.setdefault("dossier_id", dossier_id)  # kept out of the field rows
    return steps


# A bulk insert's audit row: the whole record's values in one row.
_BULK = "(action = 'insert' AND field IS NULL AND old_json IS NULL AND new_json IS NOT NULL)"


def _texts(db: Db, changes: list[int]) -> dict[int, str]:
    """The logged values (new_json) of audit rows, by their ids."""
    out: dict[int, str] = {}
    for at in range(0, len(changes), 500):
        part = changes[at : at + 500]
        out.update(
            db.execute(
                f"SELECT id, new_json FROM changes WHERE id IN ({', '.join('?' * len(part))})",
                part,
            ).fetchall()
        )
    return out


def check_texts(db: Db, steps: list[_Step], op_id: int, same: Same) -> None:
    """The check of records an undo would delete, left unread (read_steps): a record
    holding now, byte for byte, the text its bulk insert logged (the store serialising
    it as the insert did) is as the operation left it: marked `same`, with nothing to
    read, parse or compare. The others' texts are read and parsed for the log's
    _check, which compares them as it compares any record: only the text is skipped."""
    lazy = [step for step in steps if step.unread]
    tables: dict[str, list[_Step]] = {}
    for step in lazy:
        tables.setdefault(step.table, []).append(step)
    for table, group in tables.items():
        # The fields logged, in their order (the same for every row of a bulk insert;
        # a row logging others is not found `same`, and is compared).
        first = from_json(_texts(db, [group[0].change])[group[0].change])
        found = same(table, op_id, list(first)) if isinstance(first, dict) else set()
        if found:
            for step in group:
                step.same = step.change in found
    rest = [step for step in lazy if not step.same]
    texts = _texts(db, [step.change for step in rest])
    values = _decode_all([texts[step.change] for step in rest])
    for step, logged in zip(rest, values, strict=True):
        step.take(logged)
    for step in lazy:
        step.unread = False


def matches(current: dict[str, Any], expected: dict[str, Any]) -> bool:
    """True when the record has every value the log expects."""
    if expected.items() <= current.items():  # compared in C: 100,000 records at once
        return True
    # A dossier has no dossier_id of its own (the log keeps one for every row), and a
    # field the record lacks counts as empty.
    return all(current.get(k, v if k == "dossier_id" else None) == v for k, v in expected.items())


def _decode_all(texts: list[str | None]) -> list[Any]:
    """Many logged values at once: one JSON parse of them all (an import's 100,000 rows
    parsed one by one took longer than the undo's writes). Bytes need the hook."""
    if texts.count(None) == len(texts):  # (an insert's old values)
        return [None] * len(texts)
    plain = [t for t in texts if t is not None and "$b64" not in t]
    if len(plain) < len(texts) - texts.count(None):
        return [from_json(t) for t in texts]
    parsed = iter(json.loads("[" + ",".join(plain) + "]"))
    return [None if t is None else next(parsed) for t in texts]


# A plain dataclass, not a record_class: an undo makes one per record (136,000 for an
# import), and @dataclass's __init__ calls a field's factory directly.
@dataclass(repr=False, eq=False)
class _Step(Compared):
    """One record's change within an operation."""

    table: str
    row_id: int
    action: str
    dossier_id: int | None = None
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    unread: bool = False  # a bulk insert's values, not read from the log yet (after: {})
    change: int = 0  # the id of that audit row
    same: bool = False  # the record holds what that row logged, byte for byte (check_texts)

    def take(self, values: Any) -> None:
        """The bulk insert's logged values, read and parsed at last."""
        self.after = values if isinstance(values, dict) else {}
        self.after.setdefault("dossier_id", self.dossier_id)
        self.unread = False

    def expected(self, backwards: bool) -> dict[str, Any] | None:
        """What the record must look like now for the replay to be safe (None: absent)."""
        if backwards:  # as the operation left it
            return None if self.action == "delete" else self.after
        return None if self.action == "insert" else self.before


def batches(
    steps: list[_Step], backwards: bool
) -> Iterator[tuple[str, str, list[tuple[int, dict[str, Any] | None]]]]:
    """The replay as runs of one action on one table, in order (an import's
    100,000 inserts are undone as one bulk delete)."""
    run: list[tuple[int, dict[str, Any] | None]] = []
    key: tuple[str, str] | None = None
    for step in reversed(steps) if backwards else steps:
        if step.action == "update":
            action, values = "update", step.before if backwards else step.after
        elif (step.action == "insert") == backwards:
            action, values = "delete", None
        else:
            action, values = "insert", step.after if step.action == "insert" else step.before
        if key != (action, step.table) and run:
            yield (*key, run)  # type: ignore[misc]
            run = []
        key = (action, step.table)
        run.append((step.row_id, values))
    if run and key is not None:
        yield (*key, run)
