"""A synthetic ministry store for the benchmarks: seeded, realistic and as big as asked.

    python benchmarks/generate.py --size full --out /tmp/ministry.db

The full size is what issue 8 asks for: 200 dossiers, 100,000 officials, 300,000
trade figures and 20,000 sources of 2-20 KB of Russian or English text. One
dossier (Azerbaijan) is much larger than the rest, as a ministry's main partner
is: a third of the trade figures, 30 % of the officials and 10 % of the sources.

Rows go in through the store's own schema (so the triggers fill the full-text
index exactly as the app does) with one executemany per table inside one
transaction. The file is built under a temporary name with synchronous=OFF and
no rollback journal (a crash leaves only that temporary file) and renamed when
complete, so a cached store is never half-written.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import vocab
from dossier.store import open_store
from dossier.store.migrations import latest_version

# Bump when the generated content changes, so cached stores are rebuilt.
# Trade pairs of a dossier ('@' is its own country): ours both ways, its trade with the
# world, and with 47 others (a few real ones, then user-assigned codes AA, QM..QZ,
# XA..XZ, ZZ).
_OTHERS = ["DE", "FR", "GB", "US", "CN", "AA", "ZZ"]
_OTHERS += [f"Q{c}" for c in "MNOPQRSTUVWXYZ"] + [f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
PAIRS = [("BY", "@"), ("@", "BY"), ("@", "world")] + [("@", code) for code in _OTHERS[:47]]
GENERATOR_VERSION = 2  # 2: trade figures spread over 50 country pairs (issue 16)
DEFAULT_SEED = 8


@dataclass(frozen=True)
class Size:
    name: str
    dossiers: int
    officials: int
    trade: int
    sources: int
    source_bytes: tuple[int, int] = (2_000, 20_000)


SIZES = {
    "full": Size("full", 200, 100_000, 300_000, 20_000),
    "quick": Size("quick", 40, 10_000, 30_000, 1_000),
    "tiny": Size("tiny", 3, 60, 150, 12, (600, 2_000)),
}
# The largest dossier's share of each table.
LARGEST_SHARE = {"officials": 0.30, "trade": 1 / 3, "sources": 0.10}
RARE_WORDS = 30_000  # invented words, each in a few sources only: the "rare" queries

_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "yo",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


def translit(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        lat = _TRANSLIT.get(low, ch)
        out.append(lat.capitalize() if ch != low else lat)
    return "".join(out)


class Writer:
    """Deterministic content from one seeded random generator."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.rare = rare_words(seed)
        self._ru_pool = [self._sentence(vocab.RU_SENTENCES) for _ in range(4_000)]
        self._en_pool = [self._sentence(vocab.EN_SENTENCES) for _ in range(1_000)]
        self._bio_pool = [self._sentence(vocab.BIO_SENTENCES) for _ in range(2_000)]

    def person(self) -> tuple[str, str, str | None]:
        """(name, Latin spelling, patronymic), Slavic/Turkic or Western."""
        rng = self.rng
        if rng.random() < 0.2:
            (first_l, first_c), (last_l, last_c) = (
                rng.choice(vocab.LATIN_PEOPLE),
                rng.choice(vocab.LATIN_SURNAMES),
            )
            return f"{first_c} {last_c}", f"{first_l} {last_l}", None
        female = rng.random() < 0.3
        first, first_l = rng.choice(vocab.FEMALE_FIRST if female else vocab.MALE_FIRST)
        m, f, ml, fl = rng.choice(vocab.SURNAMES)
        patronymic = patronymic_stem(rng.choice(vocab.MALE_FIRST)[0]) + ("на" if female else "ич")
        return f"{first} {f if female else m}", f"{first_l} {fl if female else ml}", patronymic

    def _sentence(self, patterns: list[str]) -> str:
        rng = self.rng
        name, latin, _ = self.person()
        year = rng.randint(1995, 2026)
        post = rng.choice(vocab.POSTS)
        return rng.choice(patterns).format(
            post=post,
            post_lower=post[0].lower() + post[1:],
            name=name,
            name_latin=latin,
            city=rng.choice(vocab.CITIES),
            city_latin=rng.choice(vocab.CITIES_LATIN),
            year=year,
            year2=year + rng.randint(1, 5),
            n=rng.randint(5, 9_000),
            k=rng.randint(2, 9),
            d=rng.randint(0, 9),
            product=rng.choice(vocab.PRODUCTS),
            org=rng.choice(vocab.ORGS),
            org_gen=rng.choice(vocab.ORGS).lower(),
            topic=rng.choice(vocab.TOPICS),
        )

    def text(self, nbytes: int, english: bool = False) -> str:
        """Paragraphs of about `nbytes` UTF-8 bytes, with a few rare words."""
        rng = self.rng
        pool = self._en_pool if english else self._ru_pool
        per_sentence = 90 if english else 170  # bytes: Cyrillic takes two each
        sentences = rng.choices(pool, k=max(2, nbytes // per_sentence))
        for word in rng.sample(self.rare, 4):
            at = rng.randrange(len(sentences))
            sentences[at] = (
                f"Упоминается также {word}. " if not english else f"See also {word}. "
            ) + sentences[at]
        paras = [" ".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6)]
        return "\n\n".join(paras)

    def biography(self) -> str:
        return " ".join(self.rng.sample(self._bio_pool, self.rng.randint(2, 5)))


_PATRONYMIC_IRREGULAR = {
    "Михаил": "Михайлов",
    "Пётр": "Петров",
    "Павел": "Павлов",
    "Дмитрий": "Дмитриев",
}


def patronymic_stem(father: str) -> str:
    """Сергей -> Сергеев(ич), Юрий -> Юрьев(ич), Олег -> Олегов(ич)."""
    if father in _PATRONYMIC_IRREGULAR:
        return _PATRONYMIC_IRREGULAR[father]
    if father.endswith("ий"):
        return father[:-2] + "ьев"
    if father.endswith(("ей", "ай", "ь")):
        return father[:-1] + "ев"
    return father + "ов"


def rare_words(seed: int) -> list[str]:
    """Invented words (like surnames and place names), distinct from every real one."""
    rng = random.Random(seed * 7 + 1)
    syl = [
        "ка",
        "ло",
        "ви",
        "ну",
        "ре",
        "ша",
        "то",
        "мо",
        "зи",
        "ду",
        "фе",
        "га",
        "ры",
        "пё",
        "ля",
        "жу",
        "це",
        "хо",
        "би",
        "эн",
    ]
    out: set[str] = set()
    while len(out) < RARE_WORDS:
        out.add(
            "".join(rng.choices(syl, k=rng.randint(3, 4)))
            + rng.choice(["ск", "ин", "ов", "ар", "ель"])
        )
    return sorted(out)


def split(total: int, parts: int, largest: float, rng: random.Random) -> list[int]:
    """`total` rows over `parts` dossiers: the first gets `largest`, the rest a long tail."""
    first = round(total * largest) if parts > 1 else total
    weights = [1 / (i + 1) ** 0.9 * rng.uniform(0.7, 1.3) for i in range(parts - 1)]
    scale = (total - first) / sum(weights) if weights else 0
    counts = [first] + [int(w * scale) for w in weights]
    counts[-1] += total - sum(counts)
    return counts


def countries(n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    out = list(vocab.COUNTRIES[:n])
    used = {c for c, _, _ in out}
    codes = [
        a + b
        for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        if a + b not in used
    ]
    rng.shuffle(codes)
    names: set[str] = set()
    while len(out) < n:
        stem = "".join(rng.choices(vocab.SYLLABLES, k=rng.randint(2, 3)))
        name = stem.capitalize() + rng.choice(["ия", "ания", "стан", "ленд"])
        if name in names:
            continue
        names.add(name)
        out.append((codes.pop(), name, translit(name)))
    return out


def _rows(size: Size, seed: int) -> Iterator[tuple[str, str, list[tuple]]]:
    """(table, INSERT statement, rows) in the order foreign keys need."""
    w = Writer(seed)
    rng = w.rng
    lands = countries(size.dossiers, rng)
    yield (
        "dossiers",
        "INSERT INTO dossiers(id, code, name, name_en, home_country, home_code, summary, "
        "classification) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (i, code, ru, en, "Беларусь", "BY", w.text(1_500), "ДСП")
            for i, (code, ru, en) in enumerate(lands, start=1)
        ],
    )

    # Sources first: the other facts cite them.
    low, high = size.source_bytes
    source_ids: list[list[int]] = [[] for _ in lands]
    rows, next_id = [], 1
    for d, count in enumerate(split(size.sources, len(lands), LARGEST_SHARE["sources"], rng)):
        for _ in range(count):
            english = rng.random() < 0.2
            title = w._sentence(vocab.EN_SENTENCES if english else vocab.RU_SENTENCES)[:120]
            rows.append(
                (
                    next_id,
                    d + 1,
                    rng.choice(["article"] * 6 + ["report", "note", "official_data"]),
                    title.rstrip("."),
                    rng.choice(vocab.PUBLISHERS),
                    f"{rng.randint(1998, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    f"https://example.org/news/{next_id}",
                    "en" if english else "ru",
                    w.text(rng.randint(low, high), english),
                )
            )
            source_ids[d].append(next_id)
            next_id += 1
    yield (
        "sources",
        "INSERT INTO sources(id, dossier_id, kind, title, publisher, published_on, url, "
        "language, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )

    def cite(d: int) -> int | None:
        ids = source_ids[d]
        return rng.choice(ids) if ids and rng.random() < 0.6 else None

    rows = []
    for d, count in enumerate(split(size.officials, len(lands), LARGEST_SHARE["officials"], rng)):
        for _ in range(count):
            name, latin, patronymic = w.person()
            side = rng.choices(["host", "home", "third"], [80, 15, 5])[0]
            start = f"{rng.randint(1995, 2026)}-{rng.randint(1, 12):02d}"
            former = rng.random() < 0.35
            rows.append(
                (
                    d + 1,
                    name,
                    latin,
                    patronymic,
                    rng.choice(vocab.POSTS),
                    rng.choice(vocab.ORGS),
                    lands[d][1] if side == "host" else "Беларусь",
                    side,
                    start,
                    f"{rng.randint(int(start[:4]), 2026)}" if former else None,
                    "former" if former else "current",
                    w.biography(),
                    "Уточнить состав делегации." if rng.random() < 0.1 else None,
                    cite(d),
                    name,
                )
            )
    # name_key: the sort key the repository keeps beside each name (migration 0002).
    yield (
        "officials",
        "INSERT INTO officials(dossier_id, name, name_latin, patronymic, position, "
        "organisation, country, side, start_date, end_date, status, biography, notes, "
        "source_id, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, fold(?))",
        rows,
    )

    rows = []
    months = [f"{y}-{m:02d}" for y in range(2026, 1994, -1) for m in range(12, 0, -1)]
    for d, count in enumerate(split(size.trade, len(lands), LARGEST_SHARE["trade"], rng)):
        made = 0
        products = rng.sample(vocab.PRODUCTS, len(vocab.PRODUCTS))
        for product in products * (count // (len(months) * 3 * len(products)) + 1):
            base = rng.lognormvariate(2, 1.2)
            for month in months:
                for flow in ("export", "import", "turnover"):
                    if made == count:
                        break
                    # 50 pairs: the dossier's own (Belarus's report and the country's
                    # mirror) and the country's trade with 48 others, as a dossier holding
                    # Comtrade or TRADHIST rows beside its own figures does.
                    reporter, partner = PAIRS[made % len(PAIRS)]
                    rows.append(
                        (
                            d + 1,
                            reporter,
                            partner,
                            month,
                            month,
                            flow,
                            round(base * rng.uniform(0.5, 1.5), 2),
                            "USD",
                            "1000000",
                            None,
                            "actual",
                            product,
                            cite(d),
                        )
                    )
                    made += 1
            if made == count:
                break
    yield (
        "trade_figures",
        # '@' stands for the dossier's own country code.
        "INSERT INTO trade_figures(dossier_id, reporter, partner, period_start, period_end, "
        "flow, amount, currency, unit_scale, growth_factor, kind, note, source_id) "
        "SELECT d.id, CASE ?2 WHEN '@' THEN d.code ELSE ?2 END, "
        "CASE ?3 WHEN '@' THEN d.code ELSE ?3 END, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13 "
        "FROM dossiers d WHERE d.id = ?1",
        rows,
    )

    projects, points, events = [], [], []
    for d in range(len(lands)):
        for n in range(rng.randint(5, 25)):
            product = rng.choice(vocab.PRODUCTS)
            projects.append(
                (
                    d + 1,
                    f"Поставка: {product}",
                    rng.choice(["supply", "assembly", "joint_venture", "investment"]),
                    "промышленность",
                    rng.choice(["Амкодор", "БелАЗ", "МТЗ", "Гомсельмаш", "МАЗ"]),
                    rng.choice(vocab.ORGS),
                    rng.choice(["proposed", "agreed", "in_progress", "completed"]),
                    rng.randint(1, 500),
                    "единиц",
                    round(rng.uniform(1, 300), 1),
                    "USD",
                    f"{rng.randint(2024, 2030)}",
                    rng.choice(vocab.CITIES),
                    w.text(600),
                    cite(d),
                )
            )
            if n < 12:
                points.append(
                    (
                        d + 1,
                        rng.choice(
                            ["objective", "key_message", "if_raised", "press_line", "background"]
                        ),
                        rng.choice(vocab.TOPICS),
                        w._sentence(vocab.RU_SENTENCES),
                        rng.randint(1, 3),
                        n + 1,
                        1,
                        "approved",
                        cite(d),
                    )
                )
            if n < 6:
                year = rng.randint(2010, 2026)
                events.append(
                    (
                        d + 1,
                        f"Визит делегации в {rng.choice(vocab.CITIES)}",
                        rng.choice(vocab.CITIES),
                        f"{year}-{rng.randint(1, 12):02d}",
                        None,
                        w.text(800),
                        cite(d),
                    )
                )
    yield (
        "projects",
        "INSERT INTO projects(dossier_id, title, kind, sector, home_partner, host_partner, "
        "status, quantity, quantity_unit, value, currency, due_date, location, description, "
        "source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        projects,
    )
    yield (
        "talking_points",
        "INSERT INTO talking_points(dossier_id, kind, topic, text, priority, position, "
        "releasable, status, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        points,
    )
    yield (
        "events",
        "INSERT INTO events(dossier_id, title, place, start_date, end_date, programme, "
        "source_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        events,
    )


def generate(
    path: Path,
    size: Size,
    seed: int = DEFAULT_SEED,
    progress: Callable[[str], None] = lambda _msg: None,
) -> dict[str, float]:
    """Build the store at `path` (replacing it); returns rows per table and seconds taken."""
    started = time.perf_counter()
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
        leftover.unlink(missing_ok=True)
    store = open_store(tmp)
    conn = store.db.conn
    stats: dict[str, float] = {}
    try:
        # The file is renamed into place only when complete, so a crash costs
        # nothing but the temporary file: durability settings can be off.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")  # 256 MB: the index is built in memory
        # No merging of the full-text index's segments while loading: they are
        # merged once, by 'optimize', at the end (FTS5's documented bulk-load path).
        conn.execute("INSERT INTO search_index(search_index, rank) VALUES ('automerge', 0)")
        conn.execute("BEGIN")
        for table, sql, rows in _rows(size, seed):
            progress(f"{table}: {len(rows):,} rows")
            conn.executemany(sql, rows)
            stats[table] = len(rows)
        conn.execute("COMMIT")
        # Merge the full-text index's segments, as a long-used store's automerge
        # would have, so search figures do not depend on insertion batches.
        progress("optimising the search index")
        conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        conn.execute("INSERT INTO search_index(search_index, rank) VALUES ('automerge', 4)")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        store.close()
    os.replace(tmp, path)
    stats["seconds"] = round(time.perf_counter() - started, 2)
    return stats


def cache_dir() -> Path:
    root = os.environ.get("DOSSIER_BENCH_CACHE") or os.environ.get("XDG_CACHE_HOME")
    base = Path(root) if root else Path.home() / ".cache"
    return base if os.environ.get("DOSSIER_BENCH_CACHE") else base / "dossier-bench"


def cached_store(
    size: Size,
    seed: int = DEFAULT_SEED,
    directory: Path | None = None,
    progress: Callable[[str], None] = lambda _msg: None,
) -> tuple[Path, dict[str, float], bool]:
    """The generated store for (generator version, schema, size, seed): built once, then reused.

    Returns (path, stats recorded when it was built, whether it was built now).
    """
    directory = directory or cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    key = f"ministry-g{GENERATOR_VERSION}-s{latest_version()}-{size.name}-{seed}"
    path, meta = directory / f"{key}.db", directory / f"{key}.json"
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text(encoding="utf-8")), False
    stats = generate(path, size, seed, progress)
    meta.write_text(
        json.dumps({**stats, "size": asdict(size)}, ensure_ascii=False), encoding="utf-8"
    )
    return path, stats, True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, required=True, help="store file to write")
    args = parser.parse_args(argv)
    stats = generate(args.out, SIZES[args.size], args.seed, lambda msg: print(msg, file=sys.stderr))
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
