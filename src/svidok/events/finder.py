"""Event frames: triggers by lemma, their participants, place, time, negation and modality."""

from __future__ import annotations

from collections import Counter

from ..document import Document, Event, Sentence, Span, Token
from ..quotes.lexicon import lexicon as quote_lexicon
from .arguments import Participant, clause_ids, participants, relative_clauses
from .lexicon import EventLexicon, event_lexicon
from .roles import Roles, Trigger, assign_roles

_VERB_POS = frozenset({"VERB", "INFN", "GRND", None})
_NOUN_POS = frozenset({"NOUN", None})
MODAL_REACH = 3  # tokens between a modal verb and the trigger it governs ("відмовився б зустрітися")
NOUN_MODAL_REACH = 6  # "зустрічі …, яка відбудеться"
RELATIVE_REACH = 10  # "зустрічі президента США Дональда Трампа з … путіним, яка відбудеться"


def token_lemmas(token: Token) -> list[str]:
    """The best lemma first, then the others (unknown words keep every reading)."""
    found = [(token.lemma or token.norm).lower()]
    found += [p.lemma.lower() for p in token.parses if p.lemma and p.lemma.lower() not in found]
    return found if token.pos is None else found[:2]


def trigger_of(token: Token, lex: EventLexicon) -> tuple[str, bool] | None:
    """(type, is_noun) when the token is an event trigger."""
    grammemes = token.best.grammemes if token.best is not None else frozenset()
    for lemma in token_lemmas(token):
        if lemma in lex.verbs and (token.pos in _VERB_POS or "pssv" in grammemes):
            return lex.verbs[lemma], False
        if lemma in lex.nouns and token.pos in _NOUN_POS:
            return lex.nouns[lemma], True
    return None


def other_sense_types(doc: Document, lex: EventLexicon) -> set[str]:
    """Types whose triggers this text uses in another sense (a match report's "атакували")."""
    counts = Counter((t.lemma or t.norm).lower() for t in doc.tokens)
    return {
        kind for kind, sense in lex.other_senses.items()
        if sum(counts[w] for w in sense.lemmas) >= sense.min_count
    }  # fmt: skip


def find_events(doc: Document) -> list[Event]:
    if not doc.tokens:
        return []
    mentioned = {i for ent in doc.entities for m in ent.mentions for i in _token_range(doc, m.start, m.end)}
    skipped: dict[str, set[str]] = {}
    events: list[Event] = []
    for sent in doc.sentences:
        lex = event_lexicon(doc.paragraph_language(sent.start) or doc.language)
        if lex.lang not in skipped:
            skipped[lex.lang] = other_sense_types(doc, lex)
        events += sentence_events(doc, sent, lex, mentioned, skipped[lex.lang])
    for n, event in enumerate(events, start=1):
        event.id = f"v{n}"
    return events


def _token_range(doc: Document, start: int, end: int) -> range:
    first = next((t.i for t in doc.tokens if t.end > start), len(doc.tokens))
    last = first
    while last < len(doc.tokens) and doc.tokens[last].start < end:
        last += 1
    return range(first, last)


def sentence_events(
    doc: Document, sent: Sentence, lex: EventLexicon, mentioned: set[int], skip: set[str]
) -> list[Event]:
    tokens = doc.tokens
    clauses = clause_ids(doc.sentence_tokens(sent), lex)
    relatives = relative_clauses(doc.sentence_tokens(sent), clauses, lex)
    triggers = []
    for i in range(sent.token_start, sent.token_end):
        found = trigger_of(tokens[i], lex) if i not in mentioned else None
        if found is None or found[0] in skip or _governs_trigger(i, sent, lex, tokens):
            continue
        passive = not found[1] and "pssv" in (tokens[i].best.grammemes if tokens[i].best else frozenset())
        clause = clauses[i - sent.token_start]
        relative = (
            clause + 1
            if found[1] and clause + 1 in relatives and _next_clause_near(clauses, i - sent.token_start)
            else None
        )
        triggers.append(Trigger(i, found[0], found[1], passive, clause, relative, clause in relatives))
    if not triggers:
        return []
    parts = participants(doc, sent.token_start, sent.token_end, lex, clauses)
    events, seen = [], set()
    for trig in triggers:
        roles = assign_roles(trig, parts, tokens, lex)
        if not roles.actors and (trig.noun and trig.type not in lex.targeted or not roles.targets):
            continue  # an event nobody named takes part in tells an analyst nothing
        key = (trig.type, tuple(sorted(p.arg.name for p in roles.actors)))
        if key in seen:
            continue
        seen.add(key)
        events.append(build_event(doc, sent, trig, roles, lex))
    return events


def _next_clause_near(clauses: list[int], at: int) -> bool:
    """The clause after the trigger's starts close enough to describe it (not a later noun)."""
    window = clauses[at : at + RELATIVE_REACH + 1]
    return bool(window) and window[-1] != clauses[at]


def _governs_trigger(i: int, sent: Sentence, lex: EventLexicon, tokens: list[Token]) -> bool:
    """A modal use ("відмовився зустрітися", "запропонував провести переговори"): the governed
    trigger carries the event, this verb only its modality."""
    if (tokens[i].lemma or "").lower() not in lex.modal_verbs:
        return False
    for j in range(i + 1, min(sent.token_end, i + 1 + MODAL_REACH)):
        grammemes = tokens[j].best.grammemes if tokens[j].best else frozenset()
        if "infn" in grammemes or "INFN" in grammemes or tokens[j].pos == "INFN":
            if (tokens[j].lemma or "").lower() in lex.light_verbs:  # "запропонував провести переговори"
                nouns = tokens[j + 1 : min(sent.token_end, j + 3)]
                return any((found := trigger_of(t, lex)) is not None and found[1] for t in nouns)
            return trigger_of(tokens[j], lex) is not None
    return False


def build_event(doc: Document, sent: Sentence, trig: Trigger, roles: Roles, lex: EventLexicon) -> Event:
    token = doc.tokens[trig.i]
    modality, negated = modality_of(doc, sent, trig, lex, _clause_tokens(doc, sent, trig.relative, lex))
    return Event(
        id="",
        type=trig.type,
        cameo=lex.cameo.get(trig.type, ""),
        trigger=doc.span(token.start, token.end),
        sentence=doc.span(sent.start, sent.end),
        actors=[p.arg for p in roles.actors],
        targets=[p.arg for p in roles.targets],
        place=roles.place.arg if roles.place is not None else None,
        time=time_of(doc, sent, token, lex),
        negated=negated,
        modality=modality,
    )


def time_of(doc: Document, sent: Sentence, token: Token, lex: EventLexicon) -> Span | None:
    text = doc.text[sent.start : sent.end]
    where = token.start - sent.start
    found = [
        m for pattern in lex.time for m in pattern.finditer(text)
        if not m.start() <= where < m.end()  # "напередодні зустрічі" dates other events, not this one
    ]  # fmt: skip
    if not found:
        return None
    best = min(found, key=lambda m: min(abs(m.start() - where), abs(m.end() - where)))
    return doc.span(sent.start + best.start(), sent.start + best.end())


def _clause_tokens(doc: Document, sent: Sentence, clause: int | None, lex: EventLexicon) -> list[Token]:
    if clause is None:
        return []
    tokens = doc.sentence_tokens(sent)
    return [t for t, c in zip(tokens, clause_ids(tokens, lex)) if c == clause]


def modality_of(
    doc: Document, sent: Sentence, trig: Trigger, lex: EventLexicon, described: list[Token]
) -> tuple[str, bool]:
    """(modality, negated) of the event at ``trig``; ``described`` is the relative clause
    describing a noun trigger, whose verb tells whether it is planned ("яка відбудеться")."""
    tokens = doc.tokens
    for token in described:
        lemma = (token.lemma or "").lower()
        if lemma in lex.modal_verbs:
            return lex.modal_verbs[lemma], False
        if token.best is not None and "futr" in token.best.grammemes:
            return "planned", False
    reach = NOUN_MODAL_REACH if trig.noun else MODAL_REACH
    window = range(
        max(sent.token_start, trig.i - reach), min(sent.token_end, trig.i + (reach if trig.noun else 0) + 1)
    )
    modal = next(
        ((j, lex.modal_verbs[(tokens[j].lemma or "").lower()]) for j in window
         if j != trig.i and (tokens[j].lemma or "").lower() in lex.modal_verbs),
        None,
    )  # fmt: skip
    head = modal[0] if modal is not None and modal[0] < trig.i else trig.i
    negated = any(
        tokens[j].norm.lower() in lex.negation for j in range(max(sent.token_start, head - 2), head)
    )
    if modal is not None:
        return modal[1], negated
    if _conditional(doc, sent, trig, lex):
        return "possible", negated
    grammemes = tokens[trig.i].best.grammemes if tokens[trig.i].best else frozenset()
    if "futr" in grammemes:
        return "planned", negated
    if _reported(doc, sent, trig):
        return "reported", negated
    return "actual", negated


def _conditional(doc: Document, sent: Sentence, trig: Trigger, lex: EventLexicon) -> bool:
    words = [t.norm.lower() for t in doc.tokens[sent.token_start : trig.i]]
    return any(w in lex.conditional for w in words[-8:])


def _reported(doc: Document, sent: Sentence, trig: Trigger) -> bool:
    """Inside a quote, or in a sentence an attribution or a reporting verb covers."""
    start = doc.tokens[trig.i].start
    if any(q.start <= start < q.end for q in doc.quotes):
        return True
    if any(s.cue_start is not None and sent.start <= s.cue_start < sent.end for s in doc.sources):
        return True
    verbs = quote_lexicon(doc.language).verbs
    return any((t.lemma or "").lower() in verbs for t in doc.tokens[sent.token_start : trig.i])


__all__ = ["Participant", "find_events", "participants"]
