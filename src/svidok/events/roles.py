"""Role heuristics: which participants of a sentence are a trigger's actors, targets and place.

Verbs: the nearest nominative before the verb (or just after it, "заявив Путін") is the actor,
an accusative after it the target; a passive participle takes its actors in the instrumental
("відхилена Києвом"). Nouns: a genitive right after the noun is the actor ("пропозиція
кремля"), or the subject of a light verb before it ("Путін провів зустріч"). Prepositions give
partners (з + instrumental), targets (проти + genitive) and places (в/у/на + locative).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Token
from .arguments import CLAUSE_PUNCT, CONJUNCTIONS, Participant
from .lexicon import EventLexicon

OBJECT_GAP = 4  # words between a verb and its object ("завдали масованого удару по")
GENITIVE_GAP = 3  # nominal words allowed between a noun trigger and its genitive actor


@dataclass
class Trigger:
    i: int  # token index in the document
    type: str
    noun: bool
    passive: bool
    clause: int
    relative: int | None = (
        None  # the relative clause describing a noun trigger ("зустріч, яка відбудеться …")
    )
    in_relative: bool = False  # the trigger stands in a relative clause ("…, який підтримує …")


@dataclass
class Roles:
    actors: list[Participant] = field(default_factory=list)
    targets: list[Participant] = field(default_factory=list)
    place: Participant | None = None


def assign_roles(trig: Trigger, parts: list[Participant], tokens: list[Token], lex: EventLexicon) -> Roles:
    described = [p for p in parts if trig.relative is not None and p.clause == trig.relative]
    # in "Світовий банк, який підтримує МОЗ" the subject is the name the relative clause follows
    before = [p for p in parts if p.clause == trig.clause - 1 and p.prep is None]
    antecedent = before[-1:] if trig.in_relative and before else []
    parts = [p for p in parts if p.clause == trig.clause and not p.first <= trig.i <= p.last]
    free = [p for p in parts if p.prep is None]
    roles = Roles()
    if trig.noun:
        roles.actors = genitive_chain(trig.i, free, tokens)
        light = _light_verb_before(trig.i, tokens, lex)
        if not roles.actors and light is not None:
            roles.actors = subject(light, free, tokens)
    elif trig.passive:
        roles.actors = [p for p in free if p.first > trig.i and p.is_case("ablt")]
        roles.targets = [p for p in subject(trig.i, free, tokens) if p not in roles.actors]
    else:
        roles.actors = subject(trig.i, free, tokens) or antecedent
        roles.targets = _direct_object(trig.i, free, roles.actors, tokens)
    roles.actors += [p for p in _with_preposition(parts, lex, "agent", after=trig.i) if p not in roles.actors]
    partners = _with_preposition(parts, lex, "partner", after=trig.i)
    if trig.type in lex.symmetric:  # "Трамп зустрінеться з Путіним", "Trump will meet Putin": both meet
        partners += [p for p in roles.targets if p not in partners]
        roles.targets = []
        roles.actors += [p for p in partners if p not in roles.actors]
    else:
        roles.targets += [p for p in partners if p not in roles.targets]
    roles.targets += [
        p for p in _with_preposition(parts, lex, "target", after=trig.i) if p not in roles.targets
    ]
    roles.targets = [p for p in roles.targets if p not in roles.actors]
    roles.place = _place(trig, parts, lex) or _place(trig, described, lex)
    if described and (relative_place := _place(trig, described, lex)) is not None:
        roles.place = relative_place  # "зустрічі …, яка відбудеться на Алясці" beats "У росії …"
    return roles


def _place(trig: Trigger, parts: list[Participant], lex: EventLexicon) -> Participant | None:
    places = [p for p in _with_preposition(parts, lex, "place") if p.kind == "LOC"]
    return min(places, key=lambda p: abs(p.first - trig.i), default=None)


def subject(i: int, free: list[Participant], tokens: list[Token]) -> list[Participant]:
    """The nominative participant nearest before token ``i`` (or just after it), with the
    participants coordinated with it ("Трамп і Путін")."""
    candidates = [p for p in free if p.kind != "MISC" and _nominative(p, tokens)]
    before = [p for p in candidates if p.last < i]
    # inverted order ("заявив Путін") only when the name cannot be the object
    after = [p for p in candidates if p.first == i + 1 and not p.is_case("accs")]
    chosen = before[-1] if before else (after[0] if after else None)
    return coordinated(chosen, candidates, tokens) if chosen is not None else []


def _nominative(p: Participant, tokens: list[Token]) -> bool:
    if p.cases:
        return p.is_case("nomn")
    # an uninflected name right after a noun modifies it ("президента США"), it is no subject
    return p.first == 0 or tokens[p.first - 1].pos not in ("NOUN", "ADJF")


def coordinated(chosen: Participant, candidates: list[Participant], tokens: list[Token]) -> list[Participant]:
    group = [chosen]
    ordered = sorted(candidates, key=lambda p: p.first)
    at = ordered.index(chosen)
    for step in (-1, 1):
        n = at + step
        while 0 <= n < len(ordered):
            left, right = sorted((ordered[n], group[-1] if step > 0 else group[0]), key=lambda p: p.first)
            between = tokens[left.last + 1 : right.first]
            if not between or not all(t.norm.lower() in CONJUNCTIONS for t in between):
                break
            group.insert(0 if step < 0 else len(group), ordered[n])
            n += step
    return group


def genitive_chain(i: int, free: list[Participant], tokens: list[Token]) -> list[Participant]:
    """Genitive participants right after a noun ("зустрічі президента США Дональда Трампа"):
    people when the chain names any, else the first name."""
    chain, edge = [], i
    for p in (p for p in free if p.first > i):
        between = tokens[edge + 1 : p.first]
        if len(between) > GENITIVE_GAP or any(
            t.pos not in ("NOUN", "ADJF") and t.norm.lower() not in CONJUNCTIONS for t in between
        ):
            break
        if not p.has_case("gent"):
            break
        chain.append(p)
        edge = p.last
    people = [p for p in chain if p.kind == "PER"]
    return people or chain[:1]


def _light_verb_before(i: int, tokens: list[Token], lex: EventLexicon) -> int | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        if (tokens[j].lemma or "").lower() in lex.light_verbs and tokens[j].pos in ("VERB", "INFN", None):
            return j
    return None


def _direct_object(
    i: int, free: list[Participant], actors: list[Participant], tokens: list[Token]
) -> list[Participant]:
    """The first accusative after the verb, with no preposition between them ("звинуватив Київ")."""
    for p in (p for p in free if p.first > i and p not in actors and p.kind != "MISC"):
        between = tokens[i + 1 : p.first]
        if len(between) > OBJECT_GAP or any(
            t.pos == "PREP" or t.norm.lower() in CLAUSE_PUNCT for t in between
        ):
            return []
        # an indeclinable name must follow the verb directly, unless the language has no cases at all
        caseless = tokens[i].pos is None
        if p.is_case("accs") or (not p.cases and (caseless or not between)):
            return [p]
    return []


def _with_preposition(
    parts: list[Participant], lex: EventLexicon, role: str, after: int = -1
) -> list[Participant]:
    table = lex.prepositions.get(role, {})
    return [
        p for p in parts
        if p.first > after and p.prep in table and (not p.cases or p.cases & table[p.prep])
    ]  # fmt: skip
