"""Full-text search over every dossier: safe query building and ranked, bounded results."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

KIND_NUMBERS = {
    "official": 1, "source": 2, "project": 3, "talking_point": 4, "trade": 5,
    "dossier": 6, "event": 7,
}
KIND_NAMES = {v: k for k, v in KIND_NUMBERS.items()}
HIT_START, HIT_END = "\x02", "\x03"  # around matched words in a snippet
MAX_RESULTS = 200
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """An FTS5 query that finds every word of `text` as a prefix, whatever it contains.

    Each word is quoted, so FTS syntax (AND, NEAR, *, quotes, brackets) is searched
    for literally and can never raise a syntax error. None if there is no word.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:32])


@dataclass(frozen=True)
class SearchHit:
    kind: str  # entity name: official, source, ...
    id: int
    dossier_id: int
    title: str
    snippet: str  # matched words between HIT_START and HIT_END


def search(db: Database, text: str, *, limit: int = 50, dossier_id: int | None = None,
           kinds: tuple[str, ...] | None = None) -> list[SearchHit]:
    query = fts_query(text)
    if query is None:
        return []
    limit = max(1, min(limit, MAX_RESULTS))
    where = ["search_index MATCH ?"]
    params: list[object] = [query]
    if dossier_id is not None:
        where.append("dossier_id = ?")
        params.append(dossier_id)
    if kinds:
        where.append(f"rowid % 8 IN ({', '.join('?' for _ in kinds)})")
        params += [KIND_NUMBERS[k] for k in kinds]
    sql = (
        "SELECT rowid, dossier_id, title, "
        f"snippet(search_index, -1, '{HIT_START}', '{HIT_END}', '…', 16) "
        f"FROM search_index WHERE {' AND '.join(where)} ORDER BY rank LIMIT ?"
    )
    rows = db.execute(sql, [*params, limit]).fetchall()
    return [
        SearchHit(KIND_NAMES[rowid % 8], rowid // 8, int(dossier), (title or "").strip(),
                  snippet or "")
        for rowid, dossier, title, snippet in rows
    ]
