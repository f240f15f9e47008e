"""Full-text search over every dossier: safe query building and ranked, bounded results."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

KIND_NUMBERS = {
    "official": 1, "source": 2, "project": 3, "talking_point": 4, "trade": 5,
    "dossier": 6, "event": 7,
}
KIND_NAMES = {v: k for k, v in KIND_NUMBERS.items()}
HIT_START, HIT_END = "\x02", "\x03"  # around matched words in a snippet
MAX_RESULTS = 200
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str, prefix: bool = True) -> str | None:
    """An FTS5 query that finds every word of `text` as a prefix, whatever it contains.

    Each word is quoted, so FTS syntax (AND, NEAR, *, quotes, brackets) is searched
    for literally and can never raise a syntax error. None if there is no word.
    With prefix=False each word must match a whole word.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    star = "*" if prefix else ""
    return " ".join(f'"{w}"{star}' for w in words[:32])


@dataclass(frozen=True)
class SearchHit:
    kind: str  # entity name: official, source, ...
    id: int
    dossier_id: int
    title: str
    snippet: str  # matched words between HIT_START and HIT_END


# Ranking is bounded: bm25 is computed for at most this many candidates per
# query (the newest records that match), never for every hit of a common word.
CANDIDATES_PER_RESULT = 4
MIN_CANDIDATES = 200
_SNIPPET = f"snippet(search_index, -1, '{HIT_START}', '{HIT_END}', '…', 16)"


def search(db: Database, text: str, *, limit: int = 50, dossier_id: int | None = None,
           kinds: tuple[str, ...] | None = None) -> list[SearchHit]:
    """The best `limit` hits for `text`, best first, each with a snippet.

    Two steps keep a common word fast on a store of a million rows:
    1. whole words only ("министр"): a cheap lookup. If that alone fills the
       page, those hits are the answer (they are the best matches anyway);
    2. otherwise every word as a prefix ("министр" also finds "министра",
       "министерство"), which costs more but is needed only when hits are few.
    Either way bm25 ranks a bounded set of candidates (the newest matches),
    and snippets are made for the hits returned only.
    """
    prefix_query = fts_query(text)
    if prefix_query is None:
        return []
    limit = max(1, min(limit, MAX_RESULTS))
    pool = max(MIN_CANDIDATES, CANDIDATES_PER_RESULT * limit)
    where, params = [], []
    if dossier_id is not None:
        where.append("dossier_id = ?")
        params.append(dossier_id)
    if kinds:
        where.append(f"rowid % 8 IN ({', '.join('?' for _ in kinds)})")
        params += [KIND_NUMBERS[k] for k in kinds]
    filters = "".join(f" AND {w}" for w in where)

    exact = fts_query(text, prefix=False)
    ranked = _ranked(db, exact, filters, params, pool, limit, snippets=False)
    if len(ranked) >= limit:
        # Snippets for the chosen rows only; a whole-word query finds them at once.
        ids = [r[0] for r in ranked]
        found = {rowid: (dossier, title, snippet) for rowid, dossier, title, snippet in db.execute(
            f"SELECT rowid, dossier_id, title, {_SNIPPET} FROM search_index "
            f"WHERE search_index MATCH ? AND rowid IN ({', '.join('?' * len(ids))})",
            [exact, *ids]).fetchall()}
        rows = [(rowid, *found[rowid]) for rowid in ids if rowid in found]
    else:
        # A prefix query re-expands its words on every lookup, so the snippets are
        # made in the same pass, for fewer candidates (a snippet costs more than a rank).
        rows = _ranked(db, prefix_query, filters, params, 2 * limit, limit, snippets=True)
    return [
        SearchHit(KIND_NAMES[rowid % 8], rowid // 8, int(dossier), (title or "").strip(),
                  snippet or "")
        for rowid, dossier, title, snippet in rows
    ]


def _ranked(db: Database, query: str, filters: str, params: list[object], pool: int,
            limit: int, *, snippets: bool) -> list[tuple[Any, ...]]:
    """Up to `limit` hits: those with the words in their title (a name, a headline)
    first, then the rest; bm25 ranks each group among its `pool` newest matches."""
    extra = f", {_SNIPPET}" if snippets else ""
    out: dict[int, tuple[Any, ...]] = {}
    for match in (f"{{title}} : ({query})", query):
        for row in db.execute(
                f"SELECT * FROM (SELECT rowid, dossier_id, title{extra}, "
                "bm25(search_index) AS score FROM search_index "
                f"WHERE search_index MATCH ?{filters} ORDER BY rowid DESC LIMIT ?) "
                "ORDER BY score, rowid DESC LIMIT ?", [match, *params, pool, limit]):
            out.setdefault(row[0], row[:-1])
        if len(out) >= limit:
            break
    return list(out.values())[:limit]
