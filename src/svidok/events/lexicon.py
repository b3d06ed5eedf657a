"""The event lexicon of one language (``svidok/lang/<lang>/events.yaml``), loaded once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang as langdata

EVENT_TYPES = (
    "MEET", "NEGOTIATE", "PROPOSE", "DEMAND", "AGREE", "REJECT",
    "THREATEN", "ACCUSE", "ATTACK", "SANCTION", "SUPPORT",
)  # fmt: skip
MODALITIES = ("actual", "planned", "proposed", "refused", "denied", "reported", "possible")


@dataclass(frozen=True)
class OtherSense:
    """Words showing a type's trigger is used in another sense in this text (sport)."""

    min_count: int
    lemmas: frozenset[str]


@dataclass(frozen=True)
class EventLexicon:
    lang: str
    cameo: dict[str, str]  # type -> CAMEO root code
    symmetric: frozenset[str]  # types whose partner ("з X") is a co-actor
    targeted: frozenset[str]  # noun types that stand with a target alone ("санкції проти росії")
    verbs: dict[str, str]  # lemma -> type
    nouns: dict[str, str]  # lemma -> type
    light_verbs: frozenset[str]
    modal_verbs: dict[str, str]  # lemma -> modality
    negation: frozenset[str]
    other_senses: dict[str, OtherSense]
    prepositions: dict[str, dict[str, frozenset[str]]]  # role -> preposition -> cases
    time: tuple[re.Pattern[str], ...]
    clause_openers: frozenset[str]
    conditional: frozenset[str]
    relative_pronouns: frozenset[str]
    groups: frozenset[str]  # plural nouns naming a group actor (besides the quote finder's)


def _by_type(data: dict, key: str) -> dict[str, str]:
    found = {}
    for kind, lemmas in (data.get(key) or {}).items():
        if kind not in EVENT_TYPES:
            raise ValueError(f"events.yaml: unknown event type {kind!r} under {key!r}; known: {EVENT_TYPES}")
        for lemma in lemmas or []:
            found.setdefault(str(lemma).lower(), kind)
    return found


def _modal(data: dict) -> dict[str, str]:
    found = {}
    for modality, lemmas in (data.get("modal_verbs") or {}).items():
        if modality not in MODALITIES:
            raise ValueError(f"events.yaml: unknown modality {modality!r}; known: {MODALITIES}")
        for lemma in lemmas or []:
            found.setdefault(str(lemma).lower(), modality)
    return found


def _prepositions(data: dict) -> dict[str, dict[str, frozenset[str]]]:
    return {
        role: {str(p).lower(): frozenset(cases or ()) for p, cases in (table or {}).items()}
        for role, table in (data.get("prepositions") or {}).items()
    }


@functools.cache
def event_lexicon(lang: str | None) -> EventLexicon:
    """The lexicon for ``lang``; languages without event data fall back to Ukrainian."""
    code = lang if lang and langdata.has(lang, "events") else "uk"
    data = langdata.load(code, "events")
    types = data.get("types") or {}
    return EventLexicon(
        lang=code,
        cameo={kind: str(info.get("cameo", "")) for kind, info in types.items()},
        symmetric=frozenset(kind for kind, info in types.items() if info.get("symmetric")),
        targeted=frozenset(kind for kind, info in types.items() if info.get("targeted")),
        verbs=_by_type(data, "verbs"),
        nouns=_by_type(data, "nouns"),
        light_verbs=frozenset(str(w).lower() for w in data.get("light_verbs") or []),
        modal_verbs=_modal(data),
        negation=frozenset(str(w).lower() for w in data.get("negation") or []),
        other_senses={
            kind: OtherSense(int(info.get("min_count", 2)), frozenset(str(w).lower() for w in info["lemmas"]))
            for kind, info in (data.get("other_senses") or {}).items()
        },
        prepositions=_prepositions(data),
        time=tuple(re.compile(rf"(?<!\w){p}(?!\w)", re.IGNORECASE) for p in data.get("time") or []),
        clause_openers=frozenset(str(w).lower() for w in data.get("clause_openers") or []),
        conditional=frozenset(str(w).lower() for w in data.get("conditional") or []),
        groups=frozenset(str(w).lower() for w in data.get("groups") or []),
        relative_pronouns=frozenset(str(w).lower() for w in data.get("relative_pronouns") or []),
    )
