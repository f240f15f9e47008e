"""Gold annotations for English capture from GUM (Georgetown University Multilayer
corpus, https://github.com/amir-zeldes/gum): its Wikinews documents.

The texts are Wikinews' (CC BY 2.5), the annotations GUM's (CC BY 4.0). The texts stay
outside the project: this script reads GUM's dependency files (dep/*.conllu, which
carry the entity and coreference layer), writes each Wikinews text as plain text to a
folder of your choice, and writes tests/fixtures/capture_gold/gum.json with, per text,
its source, URL, licence and sha256, every named person, and the officials with
their posts. `make capture-eval` finds the texts by their sha256.

What counts (from GUM's annotation only, never from capture's vocabulary):

* a **person** is an entity of GUM type ``person`` with at least one mention whose
  head is a singular proper noun (NNP) that is not a title word ("the President" is
  not a named mention). Its name is its Wikipedia identity when GUM links one, else
  the longest run of proper nouns at the head of a mention, titles stripped.
* a **post** is, in a named mention, the words before the name when one of them is
  attached to the name as a title (``nmod:desc``/``compound``, "U.S. President Donald
  Trump", "Afghan Ambassador to the United States Hamdullah Mohib"), or a mention of
  the same person that GUM links as an apposition (``appos``: "Alireza, the team's
  captain") and whose head is a common or title noun. Leading articles are dropped.
* an **official** is a person with at least one post that names a public office or a
  leading role (``_OFFICES``: president, minister, ambassador, spokesman, director…),
  not a profession or a relation ("student", "author", "his father"); the posts
  measure counts only such posts. Forms of address ("Mr", "Ms") are not posts, nor an
  apposition in the plural ("two veteran politicians").

The 24 news documents (GUM_news_*) are the DEV set, the 19 interviews
(GUM_interview_*, also Wikinews) the HELD-OUT set. GUM's Wikipedia biographies
(GUM_bio_*, texts CC BY-SA 3.0) are DEV as well.

    git -C /path/to/gum archive HEAD dep | tar -x -C /tmp/gum-src
    python tests/ingest/capture_gold_gum.py /tmp/gum-src --texts /tmp/gum-corpus
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "capture_gold" / "gum.json"
LICENCE = "text CC BY 2.5 (Wikinews); annotations CC BY 4.0 (GUM)"
# Wikipedia biographies: a second DEV set, added after the first HELD-OUT measure to
# find more classes of misses without reading the held-out ones.
LICENCES = {
    "news": LICENCE,
    "interview": LICENCE,
    "bio": "text CC BY-SA 3.0 (Wikipedia); annotations CC BY 4.0 (GUM)",
}
SETS = {"news": "dev", "bio": "dev", "interview": "heldout"}

# Title words: a named mention whose only proper nouns are these is not named, and
# they are stripped from a name. Written from GUM's own titles.
_TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "senator",
    "sen", "rep", "representative", "governor", "gov", "mayor", "minister", "ambassador",
    "king", "queen", "prince", "princess", "pope", "judge", "justice", "general", "gen",
    "colonel", "col", "captain", "capt", "lieutenant", "sergeant", "officer", "professor",
    "prof", "chancellor", "chairman", "secretary", "premier", "speaker", "commissioner",
    "director", "chief", "sheriff", "detective", "father", "reverend", "rev", "saint",
    "prime", "vice", "deputy", "foreign", "defense", "defence", "attorney",
    "emir", "sheikh", "ayatollah", "councillor", "councilman", "congressman", "emeritus",
}  # fmt: skip
_OFFICES = re.compile(
    r"\b(?:president|minister|premier|ambassador|envoy|consul|senator|congress\w*|"
    r"representative|governor|mayor|secretary|spokes\w+|chair\w*|director|ceo|chief|head|"
    r"leader|commissioner|official|lawmaker|legislator|mp|deputy|chancellor|king|queen|"
    r"prince|emir|sheikh|judge|prosecutor|attorney|general|commander|sheriff|adviser|"
    r"advisor|councill?or|founder|manager|executive|administrator|coordinator|"
    r"superintendent|inspector|dean|provost|rector|mufti|imam|bishop|cardinal|pope)\b",
    re.IGNORECASE,
)
_LEADING = {"the", "a", "an", "then", "former", "then-"}
# Forms of address are not posts ("Mr Key", "Ms Buchtmann").
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"}


@dataclass
class Token:
    id: int
    form: str
    xpos: str
    head: int
    deprel: str
    space: bool


@dataclass
class Mention:
    entity: str
    etype: str
    link: str
    identity: str | None
    tokens: list[Token] = field(default_factory=list)

    @property
    def head(self) -> Token:
        ids = {t.id for t in self.tokens}
        outside = [t for t in self.tokens if t.head not in ids]
        return outside[0] if outside else self.tokens[-1]


def _entities(misc: str) -> str:
    for part in misc.split("|"):
        if part.startswith("Entity="):
            return part[len("Entity=") :]
    return ""


def read_conllu(source: str) -> tuple[dict[str, str], list[list[Token]], list[Mention], str]:
    """(meta, sentences, mentions in order, plain text) of one GUM document."""
    meta: dict[str, str] = {}
    sentences: list[list[Token]] = []
    mentions: list[Mention] = []
    parts: list[str] = []
    sentence: list[Token] = []
    open_: dict[str, list[Mention]] = {}
    span_end = 0
    span_form = ""
    span_space = True
    left = -1  # sentences left in the paragraph block (-1: not told)
    for line in source.splitlines():
        if line.startswith("# meta::"):
            key, _, value = line[len("# meta::") :].partition(" = ")
            meta[key] = value
        elif line.startswith("# newpar_block"):
            count = re.search(r"\((\d+) s\)\s*$", line)
            left = int(count.group(1)) if count else -1
        elif line.startswith("# newpar") and parts:
            parts.append("\n\n")
        elif line.startswith("# sent_id"):
            if left == 0 and parts and not parts[-1].endswith("\n"):
                # A sentence after its block's count: a heading GUM marks in its XML
                # only ("Career" between two paragraphs of a biography).
                parts.append("\n\n")
            elif parts and not parts[-1].endswith((" ", "\n")):
                parts.append(" ")
            left -= 1
        elif not line.strip():
            if sentence:
                sentences.append(sentence)
                sentence = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0]:  # "35-36 Trump's": the surface form of two tokens
                span_end = int(cols[0].split("-")[1])
                span_form, span_space = cols[1], "SpaceAfter=No" not in cols[9]
                continue
            if "." in cols[0]:
                continue  # an empty node
            tid = int(cols[0])
            space = "SpaceAfter=No" not in cols[9]
            if span_end and tid <= span_end:  # inside "Trump's": spaced as the surface form
                space = span_space if tid == span_end else False
            token = Token(tid, cols[1], cols[4], int(cols[6]), cols[7], space)
            sentence.append(token)
            if span_end and tid <= span_end:
                if tid == span_end:
                    parts.append(span_form + (" " if span_space else ""))
                    span_end = 0
            else:
                parts.append(token.form + (" " if token.space else ""))
            _mark(_entities(cols[9]), token, open_, mentions)
    if sentence:
        sentences.append(sentence)
    text = re.sub(r"[ \t]+\n", "\n", "".join(parts)).strip() + "\n"
    return meta, sentences, mentions, text


_BRACKET = re.compile(r"\((\d+)-([^()]*)\)|\((\d+)-([^()]*?)(?=\(|\d+\)|$)|(\d+)\)")


def _mark(field_: str, token: Token, open_: dict[str, list[Mention]], out: list[Mention]) -> None:
    """Open and close the mentions of GUM's bracketed Entity field on this token:
    "(22-person-...-Donald_Trump" opens, "22)" closes, "(17-person-...)" is one token."""
    closing: list[str] = []
    for m in _BRACKET.finditer(field_):
        entity, attrs = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if entity is None:
            closing.append(m.group(5))
            continue
        parts = attrs.split("-")
        identity = unquote("-".join(parts[6:])) if len(parts) > 6 else None
        mention = Mention(entity, parts[0], parts[5] if len(parts) > 5 else "", identity or None)
        open_.setdefault(entity, []).append(mention)
        out.append(mention)
        if m.group(1):
            closing.append(entity)
    for stack in open_.values():
        for mention in stack:
            if not mention.tokens or mention.tokens[-1] is not token:
                mention.tokens.append(token)
    for entity in closing:
        if open_.get(entity):
            open_[entity].pop()


def _name_tokens(mention: Mention) -> list[Token]:
    """The run of proper nouns ending at the mention's head, titles stripped; or, under
    a common-noun head, the proper nouns flat on it ("Environment Canada spokesperson
    Julie Hahn")."""
    head = mention.head
    if head.xpos != "NNP":
        run = [t for t in mention.tokens if t.deprel == "flat" and t.head == head.id]
        if not run or run[0].xpos != "NNP" or head.xpos != "NN":
            return []
        return _untitled(_continued(mention, [run[0]]))
    index = mention.tokens.index(head)
    run = [head]
    for token in reversed(mention.tokens[:index]):
        # "Donald" in "Donald Trump" (compound or flat); not "Washington" in "Governor
        # of Washington Christine Gregoire", nor a title (nmod:desc).
        ids = {t.id for t in run}
        if token.xpos != "NNP" or token.head not in ids or token.deprel not in ("compound", "flat"):
            break
        run.insert(0, token)
    return _untitled(_continued(mention, run))


def _continued(mention: Mention, run: list[Token]) -> list[Token]:
    """The name's words after its first ones: "Donald Trump" (Trump is flat under
    Donald), "Suleiman al-Amr" (a hyphen between two of its words)."""
    for token in mention.tokens[mention.tokens.index(run[-1]) + 1 :]:
        hyphen = token.form == "-" and not run[-1].space
        if not hyphen and (token.xpos != "NNP" or token.deprel != "flat"):
            break
        run.append(token)
    while run and run[-1].form == "-":
        run.pop()
    return run


def _untitled(run: list[Token]) -> list[Token]:
    while run and run[0].form.lower().rstrip(".") in _TITLE_WORDS:
        run.pop(0)
    return run


def _post_before(mention: Mention, name: list[Token]) -> str | None:
    """The words of a named mention before the name, when one is a title on the name."""
    if not name:
        return None
    before = mention.tokens[: mention.tokens.index(name[0])]
    name_ids = {t.id for t in name}
    titled = any(t.head in name_ids and t.deprel in ("nmod:desc", "compound") for t in before)
    if not titled and mention.head not in before:
        return None
    return _clean(before)


def _clean(tokens: list[Token]) -> str | None:
    words = [t for t in tokens]
    while words and (words[0].form.lower() in _LEADING or words[0].xpos in ("DT", ",")):
        words.pop(0)
    while words and words[-1].xpos in (",", "POS", "."):
        words.pop()
    text = "".join(t.form + (" " if t.space else "") for t in words).strip()
    if text.lower().rstrip(".") in _HONORIFICS:
        return None
    return text or None


def _person_name(mentions: list[Mention]) -> str | None:
    """The longest name as written; GUM's Wikipedia identity when the text gives only
    one word ("Trump" alone)."""
    best = max((_name_tokens(m) for m in mentions), key=len, default=[])
    if len(best) > 1:
        return _joined(best)
    for mention in mentions:
        if mention.identity:
            words = re.sub(r"\s*\(.*\)$", "", mention.identity.replace("_", " ")).split()
            while len(words) > 1 and words[0].lower().rstrip(".") in _TITLE_WORDS:
                words.pop(0)  # "Major general Fuad Basya"
            return " ".join(words)
    return _joined(best) or None


def _joined(tokens: list[Token]) -> str:
    return "".join(t.form + (" " if t.space else "") for t in tokens).strip()


def _identity(mention: Mention) -> str:
    return re.sub(r"\s*\(.*\)$", "", (mention.identity or "").replace("_", " ")).strip()


def gold_of(source: str) -> tuple[dict[str, str], str, list[str], list[dict[str, Any]]]:
    """(meta, text, people, officials) of one GUM document."""
    meta, _, mentions, text = read_conllu(source)
    by_entity: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.etype == "person":
            by_entity.setdefault(mention.entity, []).append(mention)
    people: list[str] = []
    officials: list[dict[str, Any]] = []
    for chain in by_entity.values():
        named = [m for m in chain if _name_tokens(m)]
        if not named:
            continue
        name = _person_name(named)
        if not name:
            continue
        people.append(name)
        people.extend(_identity(m) for m in chain if m.identity and _identity(m) != name)
        posts: list[str] = []
        for m in named:
            post = _post_before(m, _name_tokens(m))
            if post and post not in posts:
                posts.append(post)
        for m in chain:
            # GUM marks an apposition on its second mention; either side may be the name.
            if m.link == "appos" and not _name_tokens(m) and m.head.xpos in ("NN", "NNP"):
                post = _clean(m.tokens)
                if post and post not in posts:
                    posts.append(post)
        for i, m in enumerate(chain[1:], 1):
            if m.link == "appos" and _name_tokens(m) and not _name_tokens(chain[i - 1]):
                post = _clean(chain[i - 1].tokens)
                if post and chain[i - 1].head.xpos in ("NN", "NNP") and post not in posts:
                    posts.append(post)
        # A post that repeats the name ("mayor Luca Pastorino that …") or a word of it
        # ("Dean" of Dean Kamen) is not read as one.
        name_words = {w.lower() for w in name.split()}
        posts = [p for p in posts if not name_words & {w.lower() for w in p.split()}]
        if any(_OFFICES.search(p) for p in posts):
            officials.append(
                {
                    "name": name,
                    "posts": [
                        {
                            "post": p,
                            "where": None,
                            "country": None,
                            "office": bool(_OFFICES.search(p)),
                        }
                        for p in posts
                    ],
                }
            )
    return meta, text, sorted(set(people)), officials


def convert(gum: Path, texts_out: Path | None) -> dict[str, Any]:
    texts: dict[str, Any] = {}
    for path in sorted((gum / "dep").glob("GUM_*.conllu")):
        genre = path.stem.split("_")[1]
        if genre not in SETS:
            continue
        meta, text, people, officials = gold_of(path.read_text(encoding="utf-8"))
        data = text.encode("utf-8")
        if texts_out is not None:
            (texts_out / SETS[genre]).mkdir(parents=True, exist_ok=True)
            (texts_out / SETS[genre] / f"{path.stem}.txt").write_bytes(data)
        if not officials:
            continue  # no official in this text: nothing for capture to find
        texts[f"gum/{path.stem}"] = {
            "source": f"GUM {path.stem} ({LICENCES[genre]})",
            "url": meta.get("sourceURL", ""),
            "licence": LICENCES[genre],
            "sha256": hashlib.sha256(data).hexdigest(),
            "set": SETS[genre],
            "lang": "en",
            "published_on": meta.get("dateCreated") or None,
            "people": people,
            "officials": officials,
        }
    return {
        "about": "Derived from the entity annotations of GUM (https://github.com/amir-zeldes/gum, "
        "annotations CC BY 4.0) for its Wikinews and Wikipedia texts (not kept here): named "
        "persons, and the officials with their posts (titles before the name and "
        "appositions). GUM_news_* and GUM_bio_* (Wikipedia, CC BY-SA 3.0) = DEV, "
        "GUM_interview_* = HELD-OUT. Built by "
        "tests/ingest/capture_gold_gum.py.",
        "texts": texts,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gum", type=Path, help="a folder holding GUM's dep/*.conllu")
    parser.add_argument("--texts", type=Path, help="write the plain texts here")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = convert(args.gum, args.texts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['texts'])} texts -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
