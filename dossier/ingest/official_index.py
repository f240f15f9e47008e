"""Matching people against a dossier's officials by name or Wikidata id, fast (the
officials import, the Factbook import and the exchange merge share it)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dossier.ingest.names import match_official, name_key
from dossier.model import Official

_WIKIDATA = re.compile(r"^Wikidata: (Q\d+)$", re.M)


class OfficialIndex:
    """match_official over many officials, fast: only officials sharing a name word
    (by consonant skeleton, so Snopkov meets Snapkou) are compared in full.

    Comparing every row of a 500-row file with every official of a 500-person
    dossier is a quarter of a million fuzzy comparisons; the index makes it a
    handful per row.
    """

    def __init__(self, officials: Iterable[Official]):
        self.officials: list[Official] = []
        self._by_word: dict[str, list[Official]] = {}
        self._by_id: dict[str, Official] = {}
        for official in officials:
            self.add(official)

    def add(self, official: Official) -> None:
        self.officials.append(official)
        for word in _skeletons(official.name, official.name_latin):
            self._by_word.setdefault(word, []).append(official)
        qid = wikidata_id(official)
        if qid:
            self._by_id[qid] = official

    def match(
        self, name: str, latin: str | None = None, person_id: str | None = None
    ) -> Official | None:
        # A Wikidata id recorded by an earlier import is surer than any name.
        if person_id and person_id in self._by_id:
            return self._by_id[person_id]
        seen: dict[int, Official] = {}
        for word in _skeletons(name, latin):
            for official in self._by_word.get(word, ()):
                seen[id(official)] = official
        if not seen and len(self.officials) <= 100:
            return match_official(name, self.officials, latin)  # typos in short lists
        return match_official(name, list(seen.values()), latin) if seen else None


def wikidata_id(official: Official) -> str | None:
    """The Wikidata id an import recorded in the official's notes, if any."""
    m = _WIKIDATA.search(official.notes or "")
    return m[1] if m else None


def _skeletons(*names: str | None) -> set[str]:
    out = set()
    for name in names:
        if name:
            out |= set(name_key_words(name))
    return {w for w in out if len(w) >= 2}


def name_key_words(name: str) -> list[str]:
    """The ASCII words of a name that name_key is built from."""
    return [w for w in name_key(name).split(" ") if w]
