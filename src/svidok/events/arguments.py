"""Who takes part in a sentence's events: entity mentions and group phrases, with the case and
governing preposition that decide their role (nominative = actor, accusative = target,
з + instrumental = partner, в/у/на + locative = place). Dependency-free: morphology and order.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..document import Document, EventArgument, Token
from ..quotes.lexicon import lexicon as quote_lexicon
from ..stages.ner import phrase_nominative
from .lexicon import EventLexicon

CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")"})
MODIFIER = "(modifier)"  # stands in for a preposition: the name modifies the next one, it plays no role
QUOTE_MARKS = frozenset({"«", "»", '"', "“", "”", "„"})
CONJUNCTIONS = frozenset({"і", "й", "та", "а", "и", "and", "&", ","})
_NOMINAL_POS = frozenset({"NOUN", "ADJF", "NUMR", "NPRO", None})
MAX_PREP_DISTANCE = (
    4  # words between a preposition and the name it governs ("з російським диктатором путіним")
)


@dataclass
class Participant:
    first: int  # token indices, inclusive
    last: int
    arg: EventArgument
    kind: str  # PER, ORG, LOC, MISC or GROUP
    cases: frozenset[str]  # every case a reading allows; empty when uninflected (США, WSJ)
    prep: str | None  # the preposition governing it
    clause: int

    def has_case(self, *cases: str) -> bool:
        return not self.cases or any(c in self.cases for c in cases)

    def is_case(self, case: str) -> bool:
        """Inflected and allowing ``case`` (uninflected names are decided by position)."""
        return case in self.cases


def indeclinable(token: Token) -> bool:
    return any("Fixd" in p.grammemes for p in token.parses[:1])


def token_cases(token: Token) -> frozenset[str]:
    """Cases the token's readings allow; empty for indeclinable words (США, МКС, WSJ)."""
    if indeclinable(token):
        return frozenset()
    return frozenset(p.case for p in token.parses if p.case and p.pos in _NOMINAL_POS)


def mention_cases(tokens: list[Token]) -> frozenset[str]:
    """Cases every inflected word of the mention allows ("Донецької області" -> gent, datv, loct)."""
    sets = [c for c in (token_cases(t) for t in tokens) if c]
    if not sets:
        return frozenset()
    common = frozenset.intersection(*sets)
    return common or sets[-1]


def governing_preposition(
    tokens: list[Token], first: int, floor: int, cases: frozenset[str], lex: EventLexicon
) -> str | None:
    """The preposition before tokens[first], across adjectives, role nouns in apposition and
    indeclinable names that agree with the mention ("з російським диктатором путіним",
    "з президентом США Трампом"), never across a head noun ("напередодні зустрічі Трампа")."""
    known = {p for table in lex.prepositions.values() for p in table}
    roles = quote_lexicon(lex.lang).roles | quote_lexicon(lex.lang).groups
    for i in range(first - 1, max(floor, first - 1 - MAX_PREP_DISTANCE) - 1, -1):
        token, word = tokens[i], tokens[i].norm.lower()
        if word in known or token.pos == "PREP":
            return word
        if word in QUOTE_MARKS:
            continue  # "за даними «Прозорро»"
        own = token_cases(token)
        if token.pos not in _NOMINAL_POS or not any(ch.isalnum() for ch in word):
            return None
        if indeclinable(token):
            continue
        if (cases and own and not own & cases) or (token.pos == "NOUN" and (token.lemma or "") not in roles):
            return None
    return None


def relative_clauses(tokens: list[Token], clauses: list[int], lex: EventLexicon) -> set[int]:
    """Clauses opened by a relative pronoun ("…, яка відбудеться на Алясці")."""
    found = set()
    for n in range(1, len(tokens)):
        if clauses[n] == clauses[n - 1]:
            continue
        word = next((t for t in tokens[n : n + 2] if any(ch.isalnum() for ch in t.norm)), None)
        if word is not None and (word.lemma or word.norm).lower() in lex.relative_pronouns:
            found.add(clauses[n])
    return found


def clause_ids(tokens: list[Token], lex: EventLexicon) -> list[int]:
    """A clause number per token: a new clause starts at a punctuation mark followed by a
    clause opener (що, який, якщо …), and at ; or :."""
    ids, current = [], 0
    for n, token in enumerate(tokens):
        word = token.norm.lower()
        nxt = tokens[n + 1].norm.lower() if n + 1 < len(tokens) else ""
        if word in (";", ":") or (word in CLAUSE_PUNCT and nxt in lex.clause_openers):
            current += 1
        ids.append(current)
    return ids


def participants(
    doc: Document, first: int, last: int, lex: EventLexicon, clauses: list[int]
) -> list[Participant]:
    """Entity mentions and group phrases within tokens ``first..last-1`` of one sentence."""
    tokens = doc.tokens
    found = []
    by_start = {t.start: t.i for t in tokens[first:last]}
    by_end = {t.end: t.i for t in tokens[first:last]}
    for ent in doc.entities:
        for m in ent.mentions:
            a, b = by_start.get(m.start), by_end.get(m.end)
            if a is None or b is None or b < a:
                continue
            arg = EventArgument(ent.name, m.text, m.start, m.end, ent.id)
            found.append(_participant(doc, a, b, arg, ent.type, first, lex, clauses))
    covered = {i for p in found for i in range(p.first, p.last + 1)}
    found += _groups(doc, first, last, covered, lex, clauses)
    found += _pronouns(doc, first, last, covered, lex, clauses)
    found.sort(key=lambda p: p.first)
    for p, q in pairwise(found):
        if q.first == p.last + 1 and q.kind == "PER" and p.kind != "PER":
            p.prep = MODIFIER  # "з держсекретарем США Марко Рубіо": США describes the person's role
        between = doc.tokens[p.last + 1 : q.first]
        joined = any(t.norm.isalpha() for t in between) and all(
            t.norm.lower() in CONJUNCTIONS for t in between
        )
        if p.prep and q.prep is None and joined:
            q.prep = p.prep  # "між Україною та Росією": the preposition governs both
    return found


def _participant(doc, a, b, arg, kind, floor, lex, clauses) -> Participant:
    cases = mention_cases(doc.tokens[a : b + 1])
    prep = governing_preposition(doc.tokens, a, floor, cases, lex)
    return Participant(a, b, arg, kind, cases, prep, clauses[a - floor])


def _pronouns(doc, first, last, covered, lex, clauses) -> list[Participant]:
    """ "Він відкинув пропозицію": a subject pronoun stands for the person (or the group voice)
    the quote finder resolves it to; unresolved pronouns are no participants."""
    from ..quotes.context import shared_context
    from ..quotes.speakers import resolve_pronoun

    pronouns = quote_lexicon(lex.lang).pronouns
    found = []
    for i in range(first, last):
        token = doc.tokens[i]
        if i in covered or token.norm.lower() not in pronouns or token.pos not in ("NPRO", None):
            continue
        if token.best is None or token.best.case != "nomn":
            continue  # "його", "їх" are objects or possessives here
        speaker = resolve_pronoun(shared_context(doc), i)
        name = speaker.name or speaker.role
        if name is None:
            continue
        entity = speaker.entity.id if speaker.entity is not None else None
        kind = speaker.entity.type if speaker.entity is not None else "GROUP"
        arg = EventArgument(name, token.text, token.start, token.end, entity)
        found.append(_participant(doc, i, i, arg, kind, first, lex, clauses))
    return found


def _groups(doc, first, last, covered, lex, clauses) -> list[Participant]:
    """Plural group nouns ("європейськими лідерами", "експерти") with their adjectives."""
    groups = quote_lexicon(lex.lang).groups | lex.groups
    found = []
    for i in range(first, last):
        token = doc.tokens[i]
        best = token.best
        if i in covered or best is None or best.pos != "NOUN" or best.number != "plur":
            continue
        if (token.lemma or "").lower() not in groups:
            continue
        a = i
        while a - 1 >= first and a - 1 not in covered and doc.tokens[a - 1].pos == "ADJF":
            a -= 1
        start, end = doc.tokens[a].start, token.end
        name = phrase_nominative(doc.tokens[a : i + 1], i - a, lex.lang)  # "європейські лідери"
        arg = EventArgument(name, doc.text[start:end], start, end, None)
        found.append(_participant(doc, a, i, arg, "GROUP", first, lex, clauses))
    return found
