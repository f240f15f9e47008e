"""natasha on pymorphy3 (issue 22, item 4): the calls natasha makes work, and capture
gives the same output as on pymorphy2 on every evaluation text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "tests" / "fixtures" / "capture" / "annotations.json"


def run(code: str) -> str:
    """`code` in a fresh interpreter (natasha binds its morphology at import)."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_natasha_runs_on_pymorphy3_with_the_calls_it_makes() -> None:
    out = run("""
        import sys
        from dossier.ingest.morphology import use_pymorphy3
        print(use_pymorphy3())
        from natasha import (
            Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
        )
        # natasha's MorphVocab: MorphAnalyzer(result_type=MorphForm), parse cached.
        vocab = MorphVocab()
        form = vocab.parse("Алиевым")[0]
        print(form.normal, form.pos, form.feats["Case"], "Surn" in form.tag)
        # MorphForm.inflect with UD features (natasha maps them to OpenCorpora).
        print(form.inflect({"Nom"}).word)
        print(vocab.lemmatize("Ильхамом", "PROPN", {"Case": "Ins", "Number": "Sing"}))
        # Span.normalize, as capture uses it: names put in the nominative.
        doc = Doc("Президент Белоруссии встретился с Ильхамом Алиевым в Баку.")
        doc.segment(Segmenter())
        embedding = NewsEmbedding()
        doc.tag_morph(NewsMorphTagger(embedding))
        doc.tag_ner(NewsNERTagger(embedding))
        for span in doc.spans:
            span.normalize(vocab)
        print("|".join(s.normal for s in doc.spans))
        print(sorted(m for m in sys.modules if m.split(".")[0] == "pymorphy2"))
        print(sys.modules["pymorphy2"].__name__)
    """).splitlines()
    assert out[0] == "pymorphy3.analyzer"
    assert out[1] == "алиев NOUN Ins True"
    assert out[2] == "алиев"
    assert out[3] == "ильхам"
    assert "Ильхам Алиев" in out[4].split("|")
    # pymorphy2 is never loaded: its names are pymorphy3.
    assert out[6] == "pymorphy3"


def test_capture_output_is_unchanged_on_the_evaluation_texts() -> None:
    shared = Path(os.environ.get("DOSSIER_SHARED") or ROOT.parent / "shared")
    paths = [
        shared / t["path"].removeprefix("../shared/")
        if t["path"].startswith("../shared/")
        else ROOT / t["path"]
        for t in json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["texts"].values()
    ]
    texts = [str(p) for p in paths if p.is_file()]  # the ../shared one where present
    assert len(texts) >= 4
    script = """
        import sys
        if sys.argv[1] == "pymorphy3":
            from dossier.ingest.morphology import use_pymorphy3
            use_pymorphy3()
        from dossier.ingest.capture.pipeline import capture
        from natasha.morph.vocab import PymorphyAnalyzer
        print(PymorphyAnalyzer.__module__)
        for path in sys.argv[2:]:
            print(repr(capture(open(path, encoding="utf-8").read())))
    """

    def captured(backend: str) -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(script), backend, *texts],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    old, new = captured("pymorphy2"), captured("pymorphy3")
    assert (old[0], new[0]) == ("pymorphy2.analyzer", "pymorphy3.analyzer")
    assert len(new) == len(texts) + 1
    assert "Ильхам Алиев" in new[1]
    assert old[1:] == new[1:]
