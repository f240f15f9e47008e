"""`make capture-eval`: the scorer counts what a reader would count."""

from __future__ import annotations

import json
from pathlib import Path

from capture_eval import evaluate, load_gold, post_matches, report

ROOT = Path(__file__).resolve().parents[2]


def test_every_gold_text_names_its_source_and_sha256() -> None:
    gold = load_gold()
    assert len(gold) > 150
    for spec in gold.values():
        assert len(spec["sha256"]) == 64
        assert spec["set"] in ("dev", "heldout")
        assert spec["source"]


def test_posts_match_across_grammatical_cases_and_need_every_word() -> None:
    gold = {"post": "заместителя министра иностранных дел", "country": "BY"}
    assert post_matches("Заместитель министра иностранных дел Беларуси", "BY", gold)
    assert not post_matches("Министр иностранных дел Беларуси", "BY", gold)
    assert not post_matches("Заместитель министра иностранных дел России", "RU", gold)


def test_the_project_texts_are_scored_by_sha256(tmp_path: Path) -> None:
    (tmp_path / "renamed.txt").write_bytes(
        (ROOT / "tests" / "fixtures" / "capture" / "en_wire.txt").read_bytes()
    )
    results = evaluate([tmp_path])
    assert list(results) == ["dev"]
    (name, result), *_ = results["dev"].items()
    assert name == "project/en_wire [en]"
    assert result.scores["officials"].recall == 1.0
    assert result.targets_as_results == 0
    text = report(results)
    assert "dev en: 1 texts" in text
    assert "amounts    precision 100%" in text


def test_a_target_ticked_as_a_result_is_counted(tmp_path: Path, monkeypatch) -> None:
    import capture_eval

    text = "Belarus and Azerbaijan aim to raise trade to $1 billion, officials said.\n"
    (tmp_path / "goal.txt").write_text(text, encoding="utf-8")
    import hashlib

    gold = tmp_path / "gold"
    gold.mkdir()
    spec = {
        "source": "made up",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "set": "heldout",
        "lang": "en",
        "officials": [],
        "amounts": [{"flow": "turnover", "amount": 1e9, "kind": "target"}],
    }
    (gold / "g.json").write_text(json.dumps({"texts": {"goal": spec}}), encoding="utf-8")
    monkeypatch.setattr(capture_eval, "GOLD", gold)
    result = evaluate([tmp_path])["heldout"]["goal [en]"]
    assert result.scores["kinds"].right == 1
    assert result.targets_as_results == 0
