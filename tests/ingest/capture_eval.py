"""`make capture-eval`: precision and recall of capture on real texts kept outside
the project.

Gold annotations live in tests/fixtures/capture_gold/*.json (per text: its source,
the sha256 of its text, the expected officials with posts and countries, amounts
with periods and kinds). The texts are looked up by sha256 under the CORPUS
folders (default ../shared/data/articles), so a corpus fetched elsewhere (e.g.
factRuEval-2016 under /tmp) is scored without copying it into the project.

    python tests/ingest/capture_eval.py --corpus DIR[:DIR...] [--set dev|heldout|all]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "fixtures" / "capture_gold"
KINDS = ("officials", "ticked", "posts", "amounts", "periods", "kinds")


@dataclass
class Score:
    """Counts for one measure: answers given and how many were right, answers
    expected and how many were found (they differ where several mentions count)."""

    right: int = 0
    given: int = 0
    expected: int = 0
    found: int | None = None  # None: the same as right

    def add(self, other: Score) -> None:
        self.found = self.hits + other.hits
        self.right += other.right
        self.given += other.given
        self.expected += other.expected

    @property
    def hits(self) -> int:
        return self.right if self.found is None else self.found

    @property
    def precision(self) -> float | None:
        return self.right / self.given if self.given else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.expected if self.expected else None


@dataclass
class TextResult:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    misses: list[str] = field(default_factory=list)
    targets_as_results: int = 0


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w-]+", text.lower().replace("ё", "е")) if len(w) > 1]


def _same_word(a: str, b: str) -> bool:
    """One word in two grammatical cases: "мэр" / "мэра", "лидер" / "лидера"."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(2, min(5, len(a) - 1, len(b) - 1))


def post_matches(proposed: str | None, country: str | None, gold: dict[str, Any]) -> bool:
    """The proposed post holds every word of the gold post (in any case) and, when
    the gold names the post's country, the same country."""
    if not proposed:
        return False
    words = _words(proposed)
    if not all(any(_same_word(g, w) for w in words) for g in _words(gold["post"])):
        return False
    return not gold.get("country") or gold["country"] == country


def score_text(spec: dict[str, Any], text: str) -> TextResult:
    from dossier.ingest.capture.pipeline import capture
    from dossier.ingest.names import same_person

    result = capture(text, published_on=spec.get("published_on"))
    out = TextResult()
    found = result.officials
    people = spec.get("people", []) + [o["name"] for o in spec.get("officials", [])]
    gold_officials = spec.get("officials", [])

    officials = out.scores["officials"]
    officials.given = len(found)
    officials.right = sum(1 for o in found if any(same_person(o.name, p) for p in people))
    officials.expected = len(gold_officials)
    officials.found = sum(
        1 for g in gold_officials if any(same_person(o.name, g["name"]) for o in found)
    )
    ticked = out.scores["ticked"]  # what reaches the dossier unless someone unticks it
    chosen = [o for o in found if o.ticked]
    ticked.given = len(chosen)
    ticked.right = sum(1 for o in chosen if any(same_person(o.name, p) for p in people))
    ticked.expected = officials.expected
    ticked.found = sum(
        1 for g in gold_officials if any(same_person(o.name, g["name"]) for o in chosen)
    )
    posts = out.scores["posts"]
    for gold in gold_officials:
        match = next((o for o in found if same_person(o.name, gold["name"])), None)
        offices = [p for p in gold["posts"] if p.get("office", True)]
        if match is None:
            out.misses.append(f"official missed: {gold['name']}")
        if match is None or not offices:
            posts.expected += bool(offices)
            continue
        posts.expected += 1
        gold = {**gold, "posts": offices}
        if match.position:
            posts.given += 1
            if any(post_matches(match.position, match.country, p) for p in gold["posts"]):
                posts.right += 1
            else:
                wanted = " / ".join(f"{p['post']} ({p.get('where') or '-'})" for p in gold["posts"])
                out.misses.append(f"post: {gold['name']}: {match.position!r} vs {wanted}")
        else:
            out.misses.append(f"post missing: {gold['name']}")
    # Officials in the text that the gold does not list at all are false positives;
    # list them to read.
    for o in found:
        if not any(same_person(o.name, p) for p in people):
            out.misses.append(f"not a person of the gold: {o.name}")
    _score_amounts(spec, result, out)
    return out


def _score_amounts(spec: dict[str, Any], result: Any, out: TextResult) -> None:
    gold = spec.get("amounts", [])
    proposed = [t for t in result.trade_figures if t.amount is not None and not t.not_trade]
    amounts, periods, kinds = (out.scores[k] for k in ("amounts", "periods", "kinds"))
    amounts.given, amounts.expected = len(proposed), len(gold)
    periods.expected = sum(1 for g in gold if g.get("period_start"))
    kinds.expected = len(gold)
    free = list(proposed)
    for g in gold:
        match = next(
            (
                t
                for t in free
                if t.flow == g["flow"] and abs(t.amount - g["amount"]) <= 0.005 * g["amount"]
            ),
            None,
        )
        if match is None:
            out.misses.append(f"amount missed: {g['flow']} {g['amount']:g}")
            continue
        free.remove(match)
        amounts.right += 1
        kinds.given += 1
        result_kind = {"estimate": "actual"}.get(match.figure_kind, match.figure_kind)
        gold_kind = {"estimate": "actual"}.get(g.get("kind", "actual"), g.get("kind", "actual"))
        if result_kind == gold_kind:
            kinds.right += 1
        else:
            out.misses.append(f"kind: {g['amount']:g} {result_kind} vs {gold_kind}")
            if gold_kind != "actual" and result_kind == "actual" and match.ticked:
                out.targets_as_results += 1
        if match.period_start:
            periods.given += 1
            if (match.period_start, match.period_end) == (
                g.get("period_start"),
                g.get("period_end"),
            ):
                periods.right += 1
            else:
                out.misses.append(
                    f"period: {g['amount']:g} {match.period_start}..{match.period_end} vs "
                    f"{g.get('period_start')}..{g.get('period_end')}"
                )
    for t in free:
        out.misses.append(f"amount not in the gold: {t.label}")


def load_gold() -> dict[str, dict[str, Any]]:
    """Every annotated text; an entry for a text another file already annotates
    (the same sha256) adds its fields to that one."""
    texts: dict[str, dict[str, Any]] = {}
    by_sha: dict[str, str] = {}
    for path in sorted(GOLD.glob("*.json"), key=lambda p: p.name != "factrueval.json"):
        for name, spec in json.loads(path.read_text(encoding="utf-8"))["texts"].items():
            if spec["sha256"] in by_sha:
                texts[by_sha[spec["sha256"]]].update(spec)
            else:
                by_sha[spec["sha256"]] = name
                texts[name] = spec
    return texts


def index_corpus(folders: list[Path]) -> dict[str, Path]:
    """sha256 of each text file under the folders -> its path."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*.txt"):
                found.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
    return found


def evaluate(folders: list[Path], which: str = "all") -> dict[str, dict[str, TextResult]]:
    """Results by set ("dev", "heldout") and text name, for the texts present."""
    corpus = index_corpus(folders)
    results: dict[str, dict[str, TextResult]] = defaultdict(dict)
    for name, spec in load_gold().items():
        if which != "all" and spec["set"] != which:
            continue
        path = corpus.get(spec["sha256"])
        if path is None:
            continue
        text = path.read_text(encoding="utf-8")
        results[spec["set"]][f"{name} [{spec.get('lang', 'ru')}]"] = score_text(spec, text)
    return results


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.0%}"


def report(results: dict[str, dict[str, TextResult]], verbose: bool = False) -> str:
    lines = []
    for set_name in ("dev", "heldout"):
        texts = results.get(set_name, {})
        if not texts:
            continue
        for lang in ("ru", "en", "all"):
            chosen = {n: r for n, r in texts.items() if lang == "all" or n.endswith(f"[{lang}]")}
            if not chosen:
                continue
            total = {k: Score() for k in KINDS}
            for r in chosen.values():
                for k in KINDS:
                    total[k].add(r.scores[k])
            wrong = sum(r.targets_as_results for r in chosen.values())
            lines.append(f"{set_name} {lang}: {len(chosen)} texts")
            for k in KINDS:
                s = total[k]
                lines.append(
                    f"  {k:<10} precision {_pct(s.precision)}  recall {_pct(s.recall)}"
                    f"  ({s.right} right of {s.given} given, {s.hits} of {s.expected} found)"
                )
            lines.append(f"  targets or forecasts ticked as results: {wrong}")
        if verbose:
            for name, r in texts.items():
                for miss in r.misses:
                    lines.append(f"    {name}: {miss}")
    return "\n".join(lines) if lines else "No annotated text found in the corpus folders."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "articles"))
    parser.add_argument("--set", default="all", choices=("dev", "heldout", "all"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    folders = [Path(p).expanduser() for p in args.corpus.split(":") if p]
    sys.path.insert(0, str(ROOT))
    print(report(evaluate(folders, args.set), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
