"""Gold annotations for capture from the factRuEval-2016 corpus (MIT licence).

Reads a local checkout of dialogue-evaluation/factRuEval-2016 (never part of the
project) and writes tests/fixtures/capture_gold/factrueval.json: per text its name,
the sha256 of its text, every person it names (from the corpus's coreference
chains) and the officials with their posts (its Occupation facts). The texts
themselves stay outside the project; `make capture-eval CORPUS=dir` finds them
by their sha256. devset is the DEV set, testset the HELD-OUT set.

    python tests/ingest/capture_gold_factrueval.py /path/to/factRuEval-2016
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "capture_gold" / "factrueval.json"
URL = "https://github.com/dialogue-evaluation/factRuEval-2016/blob/master/{set}/{name}.txt"


def _chains(coref: str) -> dict[str, dict[str, str]]:
    """Coreference chain id -> its attributes (firstname, lastname, name...)."""
    chains: dict[str, dict[str, str]] = {}
    for block in coref.strip().split("\n\n"):
        lines = block.strip().splitlines()
        if not lines:
            continue
        chain_id = lines[0].split()[0]
        attrs: dict[str, str] = {}
        for line in lines[1:]:
            key, _, value = line.partition(" ")
            attrs.setdefault(key, value.strip())
        chains[chain_id] = attrs
    return chains


def _person(attrs: dict[str, str]) -> str | None:
    words = [attrs.get("firstname"), attrs.get("lastname")]
    name = " ".join(w for w in words if w)
    return name or None


def _objects(objects: str) -> dict[str, str]:
    """Object id -> its type (Person, Org, LocOrg...)."""
    return {line.split()[0]: line.split()[1] for line in objects.splitlines() if line.strip()}


def _occupations(facts: str) -> list[dict[str, str]]:
    found = []
    for block in facts.strip().split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or not lines[0].endswith("Occupation"):
            continue
        fact: dict[str, str] = {}
        for line in lines[1:]:
            parts = line.split(" ", 2)
            if len(parts) == 3:
                fact.setdefault(parts[0].lower(), f"{parts[1]} {parts[2]}")
        found.append(fact)
    return found


# Public offices a dossier records (not professions such as "журналист" or
# "футболист"): the posts measure is taken over these. The list is the gold's own,
# written from the factRuEval posts, not from capture's vocabulary.
_OFFICES = re.compile(
    r"^(?:президент|вице-президент|премьер|вице-премьер|министр|замминистр|заместител|"
    r"посол|посл|глав|председател|спикер|депутат|сенатор|секретар|госсекретар|советник|"
    r"помощник|губернатор|мэр|полпред|представител|канцлер|король|корол|королев|эмир|"
    r"шейх|генсек|генеральн|консул|прокурор|генпрокурор|командующ|лидер|руководител|"
    r"директор|начальник|первый|чрезвычайн|федеральн|верховн)",
    re.IGNORECASE,
)


def _is_office(post: str) -> bool:
    return bool(_OFFICES.match(post.strip()))


def convert(corpus: Path) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from dossier.ingest.capture.countries import country_in

    texts: dict[str, Any] = {}
    for set_name, role in (("devset", "dev"), ("testset", "heldout")):
        for path in sorted((corpus / set_name).glob("book_*.txt")):
            stem = path.with_suffix("")
            text = path.read_bytes()
            chains = _chains(stem.with_suffix(".coref").read_text(encoding="utf-8"))
            kinds = _objects(stem.with_suffix(".objects").read_text(encoding="utf-8"))
            people = []
            for attrs in chains.values():
                name = _person(attrs)
                if name:
                    people.append(name)
            officials: dict[str, dict[str, Any]] = {}
            for fact in _occupations(stem.with_suffix(".facts").read_text(encoding="utf-8")):
                who = fact.get("who", "")
                chain = re.match(r"obj(\d+)", who)
                name = _person(chains.get(chain.group(1), {})) if chain else None
                # "span33825 глава | span27490 главы": one fact may name several spans.
                post = fact.get("position") or fact.get("job") or ""
                positions = [re.sub(r"^span\d+\s+", "", p).strip() for p in post.split(" | ")]
                positions = [p.split(" ", 1)[-1] if p.startswith("span") else p for p in positions]
                positions = [p for p in positions if p]
                if not name or not positions:
                    continue
                where = fact.get("where", "").split(" ", 1)[-1].split(" | ")[0].strip() or None
                country = country_in(where) if where else None
                entry = officials.setdefault(name, {"name": name, "posts": []})
                for position in positions:
                    entry["posts"].append(
                        {
                            "post": position,
                            "where": where,
                            "country": country.code if country else None,
                            "office": _is_office(position),
                        }
                    )
            if not officials:
                continue  # no official in this text: nothing for capture to find
            texts[f"factrueval/{set_name}/{path.stem}"] = {
                "source": f"factRuEval-2016 {set_name}/{path.name} (MIT licence)",
                "url": URL.format(set=set_name, name=path.stem),
                "sha256": hashlib.sha256(text).hexdigest(),
                "set": role,
                "lang": "ru",
                "people": sorted(set(people)),
                "officials": list(officials.values()),
                "unused_types": sorted(set(kinds.values()) - {"Person"}),
            }
    return {
        "about": "Derived from the annotations of factRuEval-2016 (MIT licence, "
        "https://github.com/dialogue-evaluation/factRuEval-2016): persons and their "
        "Occupation facts. devset = DEV, testset = HELD-OUT.",
        "texts": texts,
    }


if __name__ == "__main__":
    data = convert(Path(sys.argv[1]))
    for text in data["texts"].values():
        text.pop("unused_types")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['texts'])} texts -> {OUT}")
