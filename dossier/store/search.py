"""Full-text search over every dossier: safe query building and ranked, bounded results."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from dossier.store.db import Db
from dossier.value_methods import Hashed
from dossier.written_init import record_class

KIND_NUMBERS = {
    "official": 1,
    "source": 2,
    "project": 3,
    "talking_point": 4,
    "trade": 5,
    "dossier": 6,
    "event": 7,
}
KIND_NAMES = {v: k for k, v in KIND_NUMBERS.items()}
HIT_START, HIT_END = "\x02", "\x03"  # around matched words in a snippet
MAX_RESULTS = 200
_WORD = r"\w+"  # compiled (and kept) by `re` at the first search, not at start-up


def fts_query(text: str, prefix: bool = True) -> str | None:
    """An FTS5 query that finds every word of `text` as a prefix, whatever it contains.

    Each word is quoted, so FTS syntax (AND, NEAR, *, quotes, brackets) is searched
    for literally and can never raise a syntax error. None if there is no word.
    With prefix=False each word must match a whole word.
    """
    words = re.findall(_WORD, text)
    if not words:
        return None
    star = "*" if prefix else ""
    terms = []
    for word in words[:32]:
        variants = [f'"{v}"{star}' for v in _yo_variants(word)]
        terms.append(variants[0] if len(variants) == 1 else f"({' OR '.join(variants)})")
    # Explicit AND: FTS5 refuses a bracketed group after an implicit one.
    return " AND ".join(terms)


def _yo_variants(word: str, limit: int = 3) -> list[str]:
    """The word with е and ё read as one letter, as Russian readers do ("елкин" is "Ёлкин").

    The tokenizer folds only Latin diacritics, so the index keeps ё apart; each of
    the first `limit` е/ё of the query word is tried both ways (at most 8 spellings).
    """
    base = word.replace("ё", "е").replace("Ё", "Е")
    positions = [i for i, ch in enumerate(base) if ch in "еЕ"][:limit]
    variants = []
    for mask in range(1 << len(positions)):
        chars = list(base)
        for bit, pos in enumerate(positions):
            if mask >> bit & 1:
                chars[pos] = "ё" if chars[pos] == "е" else "Ё"
        variants.append("".join(chars))
    return variants


@record_class(frozen=True)
class SearchHit(Hashed):
    """One record the search found, with the snippet of text that matched."""

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


@cache
def _fold_table() -> dict[int, str]:
    """Lowercase without diacritics, one character for one, as the index's tokenizer reads.
    Built at the first search, not when the store is opened (~1 ms of every start)."""
    import unicodedata

    table = {}
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x400, 0x500)]:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if len(base) == 1 and base != char:
            table[code] = base
    return table


def search(
    db: Db,
    text: str,
    *,
    limit: int = 50,
    dossier_id: int | None = None,
    kinds: tuple[str, ...] | None = None,
) -> list[SearchHit]:
    """The best `limit` hits for `text`, best first, each with a snippet.

    Two steps keep a common word fast on a store of a million rows:
    1. whole words only ("министр"): a cheap lookup. If that alone fills the
       page, those hits are the answer (they are the best matches anyway);
    2. otherwise every word as a prefix ("министр" also finds "министра",
       "министерство"), which costs more but is needed only when hits are few.
    Either way bm25 ranks a bounded set of candidates (the newest matches), and
    snippets are cut for the hits returned only, in Python: FTS5's snippet()
    re-reads a whole 20 KB article for each hit.
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

    words = re.findall(_WORD, text)[:32]
    query = fts_query(text, prefix=False) or ""
    ids = _ranked(db, query, filters, params, pool, limit)
    prefix = len(ids) < limit
    if prefix:
        query = prefix_query
        ids = _ranked(db, query, filters, params, pool, limit)
    if not ids:
        return []
    found = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT rowid, dossier_id, title, body FROM search_index "
            f"WHERE rowid IN ({', '.join('?' * len(ids))})",
            ids,
        ).fetchall()
    }
    pattern = _pattern(words, prefix)
    hits = []
    for rowid in ids:
        if rowid not in found:
            continue
        dossier, title, body = found[rowid]
        snippet = _cut(title or "", pattern) or _cut(body or "", pattern)
        if snippet is None:  # a word the tokenizer folds in a way we do not: ask FTS5
            row = db.execute(
                f"SELECT {_SNIPPET} FROM search_index WHERE search_index MATCH ? AND rowid = ?",
                [query, rowid],
            ).fetchone()
            snippet = row[0] if row else ""
        hits.append(
            SearchHit(
                KIND_NAMES[rowid % 8],
                rowid // 8,
                int(dossier),
                (title or "").strip(),
                snippet or "",
            )
        )
    return hits


def _ranked(
    db: Db, query: str, filters: str, params: Sequence[object], pool: int, limit: int
) -> list[int]:
    """Up to `limit` rowids: those with the words in their title (a name, a headline)
    first, then the rest; bm25 ranks each group among its `pool` newest matches."""
    out: dict[int, None] = {}
    for match in (f"{{title}} : ({query})", query):
        for (rowid,) in db.execute(
            "SELECT rowid FROM (SELECT rowid, bm25(search_index) AS score FROM search_index "
            f"WHERE search_index MATCH ?{filters} ORDER BY rowid DESC LIMIT ?) "
            "ORDER BY score, rowid DESC LIMIT ?",
            [match, *params, pool, limit],
        ):
            out.setdefault(rowid)
        if len(out) >= limit:
            break
    return list(out)[:limit]


def _pattern(words: list[str], prefix: bool) -> re.Pattern[str]:
    folded = sorted({w.translate(_fold_table()).lower() for w in words}, key=len, reverse=True)
    tail = r"\w*" if prefix else r"(?!\w)"
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, folded)) + ")" + tail)


def _cut(text: str, pattern: re.Pattern[str], before: int = 60, after: int = 120) -> str | None:
    """About sixteen words of `text` around its first match, matches marked; None if none."""
    folded = text.translate(_fold_table())  # same length as text: positions carry over
    first = pattern.search(folded)
    if first is None:
        return None
    start, end = max(0, first.start() - before), min(len(text), first.end() + after)
    if start > 0:  # begin and end on whole words
        space = text.find(" ", start, first.start())
        start = space + 1 if space != -1 else first.start()
    if end < len(text):
        space = text.rfind(" ", first.end(), end)
        end = space if space != -1 else end
    parts, pos = [], start
    for hit in pattern.finditer(folded, start, end):
        parts += [text[pos : hit.start()], HIT_START, text[hit.start() : hit.end()], HIT_END]
        pos = hit.end()
    parts.append(text[pos:end])
    # One line for a result list: paragraph breaks and runs of spaces become one space.
    line = " ".join("".join(parts).split())
    return ("…" if start > 0 else "") + line + ("…" if end < len(text) else "")
