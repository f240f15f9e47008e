"""The English gold built from GUM (tests/ingest/capture_gold_gum.py), checked on a
tiny document written in GUM's format (tests/fixtures/gum_sample), so it runs
without the corpus."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from capture_eval import evaluate, load_gold, report, score_text
from capture_gold_gum import convert, main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "gum_sample"


def test_news_and_biographies_are_dev_interviews_held_out(tmp_path: Path) -> None:
    data = convert(SAMPLE, tmp_path)
    sets = {name: spec["set"] for name, spec in data["texts"].items()}
    assert sets == {
        "gum/GUM_bio_sample": "dev",
        "gum/GUM_interview_sample": "heldout",
        "gum/GUM_news_sample": "dev",
    }
    assert "CC BY-SA 3.0" in data["texts"]["gum/GUM_bio_sample"]["licence"]
    assert sorted(p.name for p in tmp_path.rglob("*.txt")) == [
        "GUM_bio_sample.txt",
        "GUM_interview_sample.txt",
        "GUM_news_sample.txt",
    ]


def test_the_text_is_rebuilt_and_only_its_sha256_kept(tmp_path: Path) -> None:
    spec = convert(SAMPLE, tmp_path)["texts"]["gum/GUM_news_sample"]
    text = (tmp_path / "dev" / "GUM_news_sample.txt").read_bytes()
    assert text.decode() == (
        "Azerbaijani President Ilham Aliyev met Jane Roe.\n\n"
        "Tom Doe, the mayor of Baku, spoke to the press. Mr Doe thanked Sam Lee, a student.\n"
    )
    assert spec["sha256"] == hashlib.sha256(text).hexdigest()
    assert spec["url"] == "https://en.wikinews.org/wiki/Sample_news"
    assert "CC BY 2.5" in spec["licence"]
    assert "CC BY 4.0" in spec["licence"]
    assert spec["published_on"] == "2019-03-12"
    assert "text" not in spec


def test_persons_officials_and_what_counts_as_a_post(tmp_path: Path) -> None:
    spec = convert(SAMPLE, None)["texts"]["gum/GUM_news_sample"]
    # "the press" is a person entity of GUM but not named; all named persons count.
    assert spec["people"] == ["Ilham Aliyev", "Jane Roe", "Sam Lee", "Tom Doe"]
    posts = {o["name"]: [p["post"] for p in o["posts"]] for o in spec["officials"]}
    # A title before the name (nmod:desc) and an apposition are posts; "Mr" is a form
    # of address; "a student" is an apposition but no office, so Sam Lee is no official.
    assert posts == {"Ilham Aliyev": ["Azerbaijani President"], "Tom Doe": ["mayor of Baku"]}


def test_the_sample_is_scored_like_any_gold_text(tmp_path: Path) -> None:
    data = convert(SAMPLE, tmp_path)
    spec = data["texts"]["gum/GUM_news_sample"]
    text = (tmp_path / "dev" / "GUM_news_sample.txt").read_text(encoding="utf-8")
    result = score_text(spec, text)
    assert result.scores["officials"].recall == 1.0
    assert result.scores["posts"].recall == 1.0


def test_the_script_writes_the_gold_file(tmp_path: Path) -> None:
    out = tmp_path / "gum.json"
    assert main([str(SAMPLE), "--out", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["texts"]) == 3


def test_the_project_keeps_gum_gold_and_skips_it_without_the_corpus(tmp_path: Path) -> None:
    gum = {n: s for n, s in load_gold().items() if n.startswith("gum/")}
    assert {s["set"] for s in gum.values()} == {"dev", "heldout"}
    assert all(s["lang"] == "en" and s["url"].startswith("https://en.wiki") for s in gum.values())
    # A fresh clone has no GUM texts: nothing is scored, nothing fails.
    results = evaluate([tmp_path / "absent"])
    assert report(results) == "No annotated text found in the corpus folders."
