"""Passing a dossier to a colleague: one encrypted `.dossier` file out, a careful merge in.

Export writes a store file (same schema as the app's) holding one dossier,
encrypted with SQLCipher under a passphrase the exporter chooses, through a
temporary file that is verified before it is renamed into place.

Import reads such a file and merges it into the open store:

* records the store does not have are added (references to sources and
  officials re-pointed to the store's own ids);
* records equal to ones the store has are skipped;
* records both sides have edited differently become `Conflict`s, shown side by
  side; each is resolved as the user chooses (keep mine, take theirs, or keep
  both), never silently.

Records are matched by content, not by id (two stores number their rows
independently): a dossier by country code, officials by name across scripts
(names.py), sources by title and date, trade figures by period and flow,
projects by title, talking points by text, events by title and date.
The merge is one transaction, and `undo_merge` reverses it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from dossier.fields import Kind, format_value
from dossier.ingest.exchange_file import (
    FORMAT,
    PARTS,
    SUFFIX,
    UNENCRYPTED_RISK,
    ExchangeError,
    Incoming,
    read_exchange,
)
from dossier.ingest.officials_import import OfficialIndex, wikidata_id
from dossier.model import (
    DOSSIER,
    EVENT,
    OFFICIAL,
    PROJECT,
    SOURCE,
    TALKING_POINT,
    TRADE,
    Dossier,
    EntitySpec,
    period_label,
)
from dossier.progress import Progress, report
from dossier.said import in_language, said
from dossier.store import NotFound, Store, StoreError
from dossier.store.oplog import Changes

__all__ = [
    "FORMAT",
    "PARTS",
    "SUFFIX",
    "UNENCRYPTED_RISK",
    "Conflict",
    "ExchangeError",
    "Incoming",
    "MergePlan",
    "MergeResult",
    "apply_merge",
    "plan_merge",
    "read_exchange",
    "undo_merge",
]
_REFS = {"source_id": SOURCE, "audience_id": OFFICIAL}


# -- merging ----------------------------------------------------------------------
@dataclass
class Conflict:
    """One record both sides have, edited differently."""

    key: str  # stable within a plan: "official:12" (the incoming record's id)
    spec: EntitySpec
    mine: Any
    theirs: Any  # with references already re-pointed to my ids
    fields: list[str]  # the fields that differ

    def title(self) -> str:
        return _title(self.spec, self.mine)

    def describe(self, lang: str = "en") -> str:
        diffs = "; ".join(
            f"{label}: mine “{mine}” / theirs “{theirs}”" for label, mine, theirs in self.rows(lang)
        )
        return f"{self.spec.label(lang)} {self.title()}: {diffs}"

    def rows(self, lang: str = "en") -> list[tuple[str, str, str]]:
        """(field label, mine, theirs) for every differing field: the side-by-side view."""
        return [
            (
                self.spec.field(f).label(lang),
                _show(self.spec, f, self.mine, lang),
                _show(self.spec, f, self.theirs, lang),
            )
            for f in self.fields
        ]


@dataclass
class MergePlan:
    incoming: Incoming
    dossier: Dossier | None  # mine, None if the store has no dossier of that country
    new: list[tuple[EntitySpec, Any]] = field(default_factory=list)
    identical: list[tuple[EntitySpec, Any]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # incoming id -> my id, per entity, for records that exist on both sides
    id_map: dict[str, dict[int | None, int | None]] = field(default_factory=dict)

    def summary(self, lang: str = "en") -> str:
        """ "x.dossier into AZ (Azerbaijan): 3 new, 1 identical, 0 conflicting." in `lang`."""
        target = (
            said(
                "into {code} ({name})",
                "в {code} ({name})",
                code=self.dossier.code,
                name=self.dossier.name,
            )
            if self.dossier
            else said(
                "as a new dossier {code}",
                "как новое досье {code}",
                code=self.incoming.dossier.code,
            )
        )
        text = said(
            "{file} {target}: {new} new, {same} identical, {conflicts} conflicting.",
            "{file} {target}: новых {new}, совпадающих {same}, конфликтующих {conflicts}.",
            file=self.incoming.path.name,
            target=target,
            new=len(self.new),
            same=len(self.identical),
            conflicts=len(self.conflicts),
        )
        return in_language(text, lang)


def _title(spec: EntitySpec, record: Any) -> str:
    if spec is TRADE:
        pair = f" {record.reporter}→{record.partner}" if record.reporter else ""
        return (
            f"{period_label(record.period_start, record.period_end)} "
            f"{format_value(spec.field('flow'), record.flow)}{pair}"
        )
    text = spec.title_of(record)
    return text if len(text) <= 60 else text[:59] + "…"


def _show(spec: EntitySpec, name: str, record: Any, lang: str) -> str:
    value = getattr(record, name)
    f = spec.field(name)
    if f.kind is Kind.REF:
        return "" if value is None else f"#{value}"
    return format_value(f, value, lang)


def _compared(spec: EntitySpec) -> list[str]:
    return [f.name for f in spec.fields if f.kind is not Kind.READONLY]


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _key(spec: EntitySpec, r: Any) -> tuple[Any, ...]:
    if spec is SOURCE:
        return (_norm(r.title), r.published_on or "")
    if spec is TRADE:
        # Whose trade it is: the same year and flow of another pair is another fact.
        return (
            r.period_start,
            r.period_end,
            r.reporter,
            r.partner,
            r.flow,
            r.base_start,
            r.base_end,
        )
    if spec is PROJECT:
        return (_norm(r.title),)
    if spec is TALKING_POINT:
        return (r.kind, _norm(r.text))
    if spec is EVENT:
        return (_norm(r.title), r.start_date or "")
    raise AssertionError(spec)


def _remap(record: Any, plan: MergePlan) -> Any:
    """A copy of an incoming record whose references point at my records."""
    changes = {}
    for name, target in _REFS.items():
        if hasattr(record, name) and getattr(record, name) is not None:
            changes[name] = plan.id_map.get(target.name, {}).get(getattr(record, name))
    return dataclasses.replace(record, **changes) if changes else record


def plan_merge(store: Store, incoming: Incoming) -> MergePlan:
    """Compare the file with the store; nothing is written."""
    try:
        mine = store.find_dossier(incoming.dossier.code)
    except StoreError:
        mine = None
    plan = MergePlan(incoming, mine)
    if mine is None:
        plan.new.append((DOSSIER, incoming.dossier))
        for spec in PARTS:
            plan.new += [(spec, r) for r in incoming.records[spec.name]]
        return plan
    diff = [f for f in _compared(DOSSIER) if getattr(mine, f) != getattr(incoming.dossier, f)]
    if diff:
        plan.conflicts.append(
            Conflict(
                f"dossier:{incoming.dossier.id}",
                DOSSIER,
                mine,
                dataclasses.replace(incoming.dossier, id=mine.id),
                diff,
            )
        )
    for spec in PARTS:
        plan.id_map[spec.name] = {}
        local = store.repo(spec).list(mine.id)
        by_key = {} if spec is OFFICIAL else {_key(spec, r): r for r in local}
        index = OfficialIndex(local) if spec is OFFICIAL else None
        claimed: set[int | None] = set()
        for record in incoming.records[spec.name]:
            if index is not None:
                found = index.match(record.name, record.name_latin, wikidata_id(record))
                if found is None and record.name_latin:
                    found = index.match(record.name_latin, record.name_latin)
            else:
                found = by_key.get(_key(spec, record))
            if found is None or found.id in claimed:
                plan.new.append((spec, record))
                continue
            claimed.add(found.id)
            plan.id_map[spec.name][record.id] = found.id
            theirs = dataclasses.replace(
                _remap(record, plan), id=found.id, dossier_id=found.dossier_id
            )
            fields = [f for f in _compared(spec) if getattr(found, f) != getattr(theirs, f)]
            if fields:
                plan.conflicts.append(
                    Conflict(f"{spec.name}:{record.id}", spec, found, theirs, fields)
                )
            else:
                plan.identical.append((spec, found))
    return plan


@dataclass
class MergeResult:
    dossier: Dossier
    added: int = 0
    identical: int = 0
    updated: int = 0
    kept: int = 0
    # For undo: what was added (entity name, id) and what was overwritten (old records).
    added_ids: list[tuple[str, int]] = field(default_factory=list)
    overwritten: list[tuple[str, Any]] = field(default_factory=list)
    created_dossier: bool = False
    # The store's operation: what a view refreshes, and what `store.undo()` takes back.
    changes: Changes | None = None


def apply_merge(
    store: Store, plan: MergePlan, choices: dict[str, str], progress: Progress | None = None
) -> MergeResult:
    """Write the merge in one transaction.

    `choices` maps each conflict's key to "mine" (keep), "theirs" (take the
    file's version; mine is kept for undo) or "both" (add theirs as another
    record); a conflict without a choice keeps mine. `progress` returning False
    cancels: Cancelled raised, the transaction rolled back.
    """
    with store.transaction() as changes:
        dossier = plan.dossier
        result = MergeResult(dossier, changes=changes)  # type: ignore[arg-type]
        new = list(plan.new)
        if dossier is None:
            spec, incoming = new.pop(0)
            dossier = store.dossiers.add(
                dataclasses.replace(incoming, id=_free_id(store, DOSSIER, incoming.id))
            )
            result.created_dossier = True
            result.added_ids.append(("dossier", dossier.id))  # type: ignore[arg-type]
        result.dossier = dossier
        id_map = {name: dict(m) for name, m in plan.id_map.items()}
        plan_view = dataclasses.replace(plan, id_map=id_map)
        # Conflicts resolved "both" are added like new records.
        both = [
            (c.spec, _incoming_record(plan, c))
            for c in plan.conflicts
            if choices.get(c.key) == "both" and c.spec is not DOSSIER
        ]
        total = len(new) + len(both) + len(plan.conflicts)
        done = 0
        for spec in PARTS:
            for kind, record in [*new, *both]:
                if kind is not spec:
                    continue
                # A new dossier keeps the file's ids where they are free, so a dossier
                # exported and imported into another store exports the same again.
                new_id = _free_id(store, spec, record.id) if result.created_dossier else None
                added = store.repo(spec).add(
                    dataclasses.replace(_remap(record, plan_view), id=new_id, dossier_id=dossier.id)
                )
                id_map.setdefault(spec.name, {})[record.id] = added.id
                result.added_ids.append((spec.name, added.id))
                result.added += 1
                done += 1
                report(progress, done, total)
        for c in plan.conflicts:
            report(progress, done, total)
            done += 1
            choice = choices.get(c.key, "mine")
            if choice == "theirs":
                result.overwritten.append((c.spec.name, c.mine))
                store.repo(c.spec).update(c.theirs)
                result.updated += 1
            elif choice == "mine":
                result.kept += 1
        result.identical = len(plan.identical)
        report(progress, total, total)
    result.dossier = store.dossiers.get(dossier.id)
    return result


def _free_id(store: Store, spec: EntitySpec, wanted: int | None) -> int | None:
    """`wanted` if no record of that kind has it in the store, else None (a new id)."""
    if wanted is None:
        return None
    try:
        store.repo(spec).get(wanted)
    except NotFound:
        return wanted
    return None


def _incoming_record(plan: MergePlan, conflict: Conflict) -> Any:
    wanted = int(conflict.key.split(":")[1])
    return next(r for r in plan.incoming.records[conflict.spec.name] if r.id == wanted)


def undo_merge(store: Store, result: MergeResult) -> None:
    """Reverse a merge: remove what it added, put back what it overwrote."""
    from dossier.model import ENTITIES

    with store.transaction():
        for name, old in reversed(result.overwritten):
            store.repo(ENTITIES[name]).update(old)
        for name, record_id in reversed(result.added_ids):
            if name == "dossier":
                continue
            store.repo(ENTITIES[name]).delete(record_id)
        if result.created_dossier:
            store.dossiers.delete(result.dossier.id)
