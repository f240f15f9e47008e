"""The Russian language model (natasha), loaded once and only when first needed.

Loading takes about a second (embeddings, NER and morphology models shipped
inside the natasha/slovnet packages, nothing downloaded), so it happens on the
first capture of a Russian text and the loaded pipeline is kept for the next.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

_LOCK = threading.Lock()
_PIPELINE: Pipeline | None = None


@dataclass(frozen=True)
class Entity:
    kind: str  # PER, ORG, LOC
    start: int
    stop: int
    text: str
    normal: str  # nominative: "Ильхамом Алиевым" -> "Ильхам Алиев"


@dataclass
class Pipeline:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    ner_tagger: Any

    def entities(self, text: str) -> list[Entity]:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_ner(self.ner_tagger)
        # Morphology is only needed to put names in the nominative, and it is the
        # slowest step: tag just the sentences that hold an entity.
        # Places are not normalised (nothing reads their dictionary form), so
        # sentences naming only places are not tagged.
        named = [sent for sent in doc.sents if any(s.type != "LOC" for s in sent.spans)]
        markups = self.morph_tagger.map([[t.text for t in sent.tokens] for sent in named])
        for sent, markup in zip(named, markups, strict=True):
            for token, tagged in zip(sent.tokens, markup.tokens, strict=True):
                token.pos, token.feats = tagged.pos, tagged.feats
        found = []
        for span in doc.spans:
            if span.type == "LOC":
                found.append(Entity(span.type, span.start, span.stop, span.text, span.text))
                continue
            span.normalize(self.morph_vocab)
            normal = span.normal or span.text
            if span.type == "ORG":
                normal = _org_normal(span, normal)
            found.append(Entity(span.type, span.start, span.stop, span.text, normal))
        return found

    def lemmas(self, word: str) -> list[str]:
        """Possible dictionary forms of one word, likeliest first: "аналитика" ->
        ["аналитика", "аналитик"]."""
        forms = [p.normal_form for p in self.morph_vocab.parse(word)]
        return list(dict.fromkeys(forms)) or [word]

    def agree(self, adjective: str, noun_phrase: str) -> str:
        """`adjective` put in the number, gender and case of the first word of
        `noun_phrase`: ("белорусских", "коммунальной техники") -> "белорусской"."""
        like = self.morph_vocab.parse(noun_phrase.split()[0])
        word = [p for p in self.morph_vocab.parse(adjective) if "ADJF" in p.tag]
        if not like or not word:
            return adjective
        feats = like[0].feats  # Universal Dependencies names: Case=Gen, Number=Sing
        grams = {feats[k] for k in ("Case", "Number") if k in feats}
        if feats.get("Number") == "Sing" and "Gender" in feats:
            grams.add(feats["Gender"])
        inflected = word[0].inflect(grams)
        return inflected.word if inflected else adjective


def _org_normal(span: Any, normal: str) -> str:
    """natasha puts every word of a name in the nominative ("Меджлис
    крымско-татарский народ"); only the words up to the head noun change case,
    the genitive that follows stays ("Меджлис крымско-татарского народа")."""
    if "«" in span.text and "«" in normal and not span.text.startswith("«"):
        # "Русской службе «Голоса Америки": the quoted name stays as written.
        quoted = span.text[span.text.index("«") + 1 :].rstrip("»")
        return f"{normal[: normal.index('«')].rstrip()} «{quoted}»"
    words, written = normal.split(" "), span.text.split(" ")
    nouns = [i for i, token in enumerate(span.tokens) if token.pos in ("NOUN", "PROPN")]
    if len(words) != len(written) or len(span.tokens) != len(words) or not nouns:
        return normal
    head = nouns[0]
    return " ".join(words[: head + 1] + written[head + 1 :])


def is_loaded() -> bool:
    return _PIPELINE is not None


def pipeline() -> Pipeline:
    """The shared pipeline, loading it on first use (thread-safe)."""
    global _PIPELINE
    with _LOCK:
        if _PIPELINE is None:
            from dossier.ingest.morphology import use_pymorphy3

            use_pymorphy3()  # before natasha is imported
            from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

            embedding = NewsEmbedding()
            _PIPELINE = Pipeline(
                Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding)
            )
        return _PIPELINE
