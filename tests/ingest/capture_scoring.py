"""Precision and recall of capture against the hand annotations in
tests/fixtures/capture/annotations.json (shared by the tests and `python -m`)."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

from dossier.ingest.capture.pipeline import capture
from dossier.ingest.capture.types import Capture
from dossier.ingest.names import same_person

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "tests" / "fixtures" / "capture" / "annotations.json"


@functools.cache
def _captured(path: Path, published_on: str | None) -> Capture:
    return capture(path.read_text(encoding="utf-8"), published_on=published_on)


def captured(path: Path, published_on: str | None = None) -> Capture:
    """The capture of a file, computed once per test run (a fresh copy each call,
    since accepting marks the candidates)."""
    return copy.deepcopy(_captured(Path(path).resolve(), published_on))


def _trade_key(flow: str, amount: Any, growth: Any, start: Any, end: Any) -> tuple:
    return (
        flow,
        None if amount is None else round(float(amount)),
        None if growth is None else round(float(growth), 3),
        start,
        end,
    )


def score(name: str, spec: dict[str, Any], result: Capture) -> dict[str, tuple[int, int, int]]:
    """kind -> (true positives, candidates proposed, facts annotated)."""
    out = {}
    found = [o.name for o in result.officials]
    hits = sum(1 for n in spec["officials"] if any(same_person(n, f) for f in found))
    out["officials"] = (hits, len(found), len(spec["officials"]))
    expected = {_trade_key(*t) for t in spec["trade"]}
    proposed = [
        _trade_key(t.flow, t.amount, t.growth_factor, t.period_start, t.period_end)
        for t in result.trade_figures
    ]
    out["trade"] = (len(expected & set(proposed)), len(proposed), len(expected))
    titles = [p.title for p in result.projects]
    hits = sum(1 for words in spec["projects"] if any(words in t for t in titles))
    out["projects"] = (hits, len(titles), len(spec["projects"]))
    hits = sum(
        1
        for speaker, start in spec["quotes"]
        if any(q.speaker == speaker and q.text.startswith(start) for q in result.quotes)
    )
    out["quotes"] = (hits, len(result.quotes), len(spec["quotes"]))
    return out


def evaluate() -> dict[str, dict[str, tuple[int, int, int]]]:
    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    results = {}
    for name, spec in data["texts"].items():
        path = ROOT / spec["path"]
        if not path.exists():  # ../shared is absent on a fresh clone
            continue
        results[name] = score(name, spec, captured(path, spec.get("published_on")))
    return results


def totals(results: dict[str, dict[str, tuple[int, int, int]]]) -> tuple[float, float]:
    tp = sum(v[0] for r in results.values() for v in r.values())
    proposed = sum(v[1] for r in results.values() for v in r.values())
    expected = sum(v[2] for r in results.values() for v in r.values())
    return tp / max(proposed, 1), tp / max(expected, 1)


if __name__ == "__main__":
    res = evaluate()
    for text, kinds in res.items():
        print(text, kinds)
    precision, recall = totals(res)
    print(f"precision {precision:.2f} recall {recall:.2f}")
