"""Quotable statements and who made them: talking-point candidates.

Direct speech in quotation marks (« », “ ”, " ") with the speaker named after it
("- сказал он", "— сказал белорусский президент") or before it ("Мустафа
Джемилев: «…»"), interview answers, and reported speech ("Как заявил посол …,
страны могут…", "Лукашенко заявлял, что …"). The speaker may be a name, a post
("посол") or a pronoun ("он"); it is resolved to the officials already found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from dossier.ingest.capture.countries import country_in
from dossier.ingest.capture.types import OfficialCandidate, QuoteCandidate

_VERBS = (
    r"сказал\w*|заявил\w*|заявлял\w*|отметил\w*|подчеркнул\w*|сообщил\w*|добавил\w*|"
    r"считает|полагает|уточнил\w*|пояснил\w*|цитирует|said|says|told|added|stated|noted|"
    r"stressed"
)
_QUOTE = re.compile(r"«(?P<a>(?:[^«»]|«[^«»]*»)+)»|“(?P<b>[^“”]+)”|\"(?P<c>[^\"\n]+)\"")
_AFTER = re.compile(rf"[\s,.]*[-–—]+\s*(?:{_VERBS})\s+(?P<who>[^.;!?«\"]{{1,120}})")
_AFTER_EN = re.compile(
    r"[\s,]*(?:(?:said|says|told|added)\s+(?P<who2>[^.;!?\"“]{1,80})|"
    r"(?P<who>[^.;!?\"“]{1,80}?)\s+(?:said|says|told|added|stated))"
)
_BEFORE = re.compile(rf"(?P<who>[^.;!?»\"]{{2,120}}?)(?:\s+(?:{_VERBS}))?\s*:\s*$")
_INSIDE = re.compile(rf"[,.!?]\s*[-–—]+\s*(?:{_VERBS})\s+(?P<who>[^.;!?]{{1,80}})\.\s*[-–—]+")
_INTERVIEW = re.compile(
    r"^(?P<who>[A-ZА-ЯЁ][\w-]+(?:\s+[A-ZА-ЯЁ][\w-]+){1,2}):\s+(?P<text>.{40,})$", re.MULTILINE
)
_REPORTED_AS = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:Как|As)\s+(?:{_VERBS})(?P<who>[^,]{{1,160}}),\s+"
    r"(?P<text>[^.!?«»\"]{20,400}[.!?])"
)
# The speech verb is found first and the speaker looked for behind it: a pattern
# starting with the speaker would try every position of a long text.
_VERB_THAT = re.compile(rf"\s(?:{_VERBS}),?\s+(?:что|that)\s+(?P<text>[^.!?«»\"]{{20,400}}[.!?])")
_LEAD = re.compile(rf"(?P<who>[^.!?«»\"]{{1,120}}?)\s+(?:{_VERBS})\b")
_PRONOUNS = {"он", "она", "he", "she"}

PostOf = Callable[[str], str | None]


def find_quotes(
    text: str, officials: Sequence[OfficialCandidate], post_of: PostOf
) -> list[QuoteCandidate]:
    """Statements in `text`, each with the speaker resolved when possible.
    `post_of(word)` gives a post word's dictionary form ("посла" -> "посол")."""
    found: list[QuoteCandidate] = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("a", "b", "c") if m[g] is not None)
        body = m[group].strip()
        if len(body.split()) < 6:
            continue  # names and titles in quotes: «Амкодор», «десант»
        who = None
        after = _AFTER.match(text, m.end())
        inside = _INSIDE.search(body)
        # Look back at most 200 characters: a speaker is named close to the quote,
        # and a long unbroken line must not make every quote scan all of it.
        line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 200)
        before = _BEFORE.search(text[line_start : m.start()])
        after_en = _AFTER_EN.match(text, m.end())
        if after:
            who = (after["who"], after.start("who"))
        elif after_en:
            group_name = "who" if after_en["who"] else "who2"
            who = (after_en[group_name], after_en.start(group_name))
        elif inside:
            who = (inside["who"], m.start(group) + inside.start("who"))
        elif before:
            who = (before["who"], line_start + before.start("who"))
        else:  # "Пацкевич сообщил, что … «совместной структуры …»"
            sentence = max(text.rfind(". ", 0, m.start()) + 2, line_start, m.start() - 300)
            lead = _LEAD.search(text, sentence, m.start())
            if lead:
                who = (lead["who"], lead.start("who"))
        speaker = _speaker(who, m.start(), text, officials, post_of) if who else None
        found.append(
            QuoteCandidate(
                text=body,
                speaker=speaker,
                span=(m.start(group), m.end(group)),
                confidence=0.9 if speaker else 0.6,
            )
        )
    for m in _INTERVIEW.finditer(text):
        speaker = _speaker((m["who"], m.start("who")), m.start(), text, officials, post_of)
        if speaker and not _inside_any(m.start("text"), found):
            found.append(
                QuoteCandidate(
                    text=m["text"].strip(),
                    speaker=speaker,
                    span=(m.start("text"), m.end("text")),
                    confidence=0.6,
                )
            )
    reported = [(m, (m["who"], m.start("who"))) for m in _REPORTED_AS.finditer(text)]
    for m in _VERB_THAT.finditer(text):
        start = max(max(text.rfind(ch, 0, m.start()) for ch in '.!?«»"\n') + 1, m.start() - 120)
        reported.append((m, (text[start : m.start()], start)))
    for m, who in reported:
        if _inside_any(m.start("text"), found):
            continue
        speaker = _speaker(who, m.start(), text, officials, post_of)
        if speaker:
            statement = m["text"].strip()
            found.append(
                QuoteCandidate(
                    text=statement[:1].upper() + statement[1:],
                    speaker=speaker,
                    direct=False,
                    span=(m.start("text"), m.end("text")),
                    confidence=0.5,
                )
            )
    return sorted(found, key=lambda q: q.span)


def _inside_any(pos: int, quotes: Sequence[QuoteCandidate]) -> bool:
    return any(q.span[0] <= pos < q.span[1] for q in quotes)


def _speaker(
    who: tuple[str, int],
    at: int,
    text: str,
    officials: Sequence[OfficialCandidate],
    post_of: PostOf,
) -> str | None:
    """The official a speaker phrase denotes: a name mentioned in it, a pronoun
    (the last person named before), or a post ("белорусский президент")."""
    phrase, start = who
    end = start + len(phrase)
    named = [
        (s, official.name)
        for official in officials
        for s, _ in official.mentions
        if start <= s < end
    ]
    if named:
        return min(named)[1]  # the first person the phrase names is the speaker
    words = [w.lower() for w in re.findall(r"[\w-]+", phrase)]
    if words and words[0] in _PRONOUNS:
        return _last_named(officials, at)
    posts = {p for p in (post_of(w) for w in words) if p}
    if posts:
        country = country_in(phrase)
        matching = [
            o
            for o in officials
            if o.position
            and any(post_of(w) in posts for w in re.findall(r"[\w-]+", o.position))
            and (country is None or o.country == country.code)
        ]
        if matching:
            return max(matching, key=lambda o: _last_mention(o, at)).name
    return None


def _last_mention(official: OfficialCandidate, at: int) -> int:
    return max((s for s, _ in official.mentions if s < at), default=-1)


def _last_named(officials: Sequence[OfficialCandidate], at: int) -> str | None:
    named = [o for o in officials if _last_mention(o, at) >= 0]
    return max(named, key=lambda o: _last_mention(o, at)).name if named else None
