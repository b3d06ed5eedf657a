"""The Document that flows through the pipeline, and the typed results stages attach to it.

Every span carries character offsets into ``Document.text`` (the original text as read);
``text[start:end]`` always equals the span's ``text``. Stages that need a cleaned view read
``Document.norm`` (see :mod:`svidok.stages.normalize`) and map offsets back with
``Document.to_original``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    """A piece of the original text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    language: str | None = None


@dataclass(slots=True)
class Parse:
    """One morphological reading of a word form (shared between tokens with the same form)."""

    lemma: str
    pos: str | None
    case: str | None = None
    gender: str | None = None
    number: str | None = None
    animacy: str | None = None
    name_type: str | None = None  # "Name", "Surn", "Patr" or None
    grammemes: frozenset[str] = frozenset()
    score: float = 0.0


@dataclass(slots=True)
class Token:
    i: int  # index in Document.tokens
    text: str  # original surface, == Document.text[start:end]
    start: int
    end: int
    norm: str  # normalised surface (apostrophes, quote marks, spaces unified)
    sent: int = -1  # index of the sentence
    lemma: str | None = None
    parses: tuple[Parse, ...] = ()  # ranked, best first

    @property
    def best(self) -> Parse | None:
        return self.parses[0] if self.parses else None

    @property
    def pos(self) -> str | None:
        return self.parses[0].pos if self.parses else None

    @property
    def case(self) -> str | None:
        return self.parses[0].case if self.parses else None

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    token_start: int  # first token index
    token_end: int  # one past the last token index
    paragraph: int = 0


@dataclass(slots=True)
class Mention:
    """A span naming an entity, before or after linking."""

    text: str
    start: int
    end: int
    label: str  # PER, ORG, LOC, MISC, ...
    origin: str = "rule"  # "model", "kb", "rule"
    score: float = 1.0
    entity: str | None = None  # Entity.id once clustered
    lemma: str | None = None  # nominative / normal form of the surface, when known

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Entity:
    id: str
    name: str  # canonical name in the nominative
    type: str
    kb_id: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    qid: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "kb_id": self.kb_id,
            "qid": self.qid,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: m.start)],
        }


@dataclass(slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect"
    speaker: str | None = None  # Entity.id
    speaker_name: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    source: str | None = None  # Source.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "speaker_role": self.speaker_role,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "source": self.source,
        }


@dataclass(slots=True)
class Source:
    id: str
    name: str
    mention: Span
    entity: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    scope_start: int | None = None  # the stretch of text this attribution covers
    scope_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "entity": self.entity,
            "mention": self.mention.to_dict(),
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "scope_start": self.scope_start,
            "scope_end": self.scope_end,
        }


@dataclass(slots=True)
class EventArgument:
    """A participant or place of an event: an entity mention, or a group phrase ("європейськими
    лідерами") when no entity names it (``entity`` is then None)."""

    name: str  # canonical entity name, or the phrase as written
    text: str
    start: int
    end: int
    entity: str | None = None  # Entity.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Event:
    """A typed event frame (CAMEO-like) stated by one sentence."""

    id: str
    type: str  # MEET, NEGOTIATE, PROPOSE, DEMAND, AGREE, REJECT, THREATEN, ACCUSE, ATTACK, SANCTION, SUPPORT
    cameo: str  # CAMEO root code, for reference ("04" consult, "12" reject, ...)
    trigger: Span
    sentence: Span
    actors: list[EventArgument] = field(default_factory=list)
    targets: list[EventArgument] = field(default_factory=list)
    place: EventArgument | None = None
    time: Span | None = None
    negated: bool = False
    modality: str = "actual"  # actual, planned, proposed, refused, denied, reported, possible

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "cameo": self.cameo,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "targets": [a.to_dict() for a in self.targets],
            "place": self.place.to_dict() if self.place is not None else None,
            "time": self.time.to_dict() if self.time is not None else None,
            "negated": self.negated,
            "modality": self.modality,
        }


@dataclass(slots=True)
class NarrativeMatch:
    """A sentence that states a catalogued propaganda narrative, and who states it."""

    id: str
    narrative: str  # catalogue id
    title: str  # Ukrainian title
    score: float  # calibrated similarity; >= the stored threshold
    sentence: Span
    stance: str  # "asserts" (the outlet's own voice), "quotes" (someone it quotes), "refutes"
    quote: str | None = None  # Quote.id when a quote states it
    speaker: str | None = None  # Entity.id of the quoted speaker
    speaker_name: str | None = None
    speaker_role: str | None = None
    cue: Span | None = None  # the refutation cue ("міф", "пропагандистській")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "narrative": self.narrative,
            "title": self.title,
            "score": round(self.score, 4),
            "sentence": self.sentence.to_dict(),
            "stance": self.stance,
            "quote": self.quote,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "speaker_role": self.speaker_role,
            "cue": self.cue.to_dict() if self.cue is not None else None,
        }


@dataclass(slots=True)
class Technique:
    """A UNLP 2025 manipulation technique the post uses, with the model's probability."""

    label: str  # loaded_language, glittering_generalities, euphoria, appeal_to_fear, fud, ...
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": self.score}


@dataclass(slots=True)
class ManipulativeSpan:
    """A stretch of text the span model marks as manipulative (any technique)."""

    text: str  # == Document.text[start:end]
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Document:
    """One article: its text, metadata, and whatever the pipeline stages have added."""

    text: str
    id: str = "doc"
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None  # forced by the caller, else set by the langid stage
    meta: dict[str, Any] = field(default_factory=dict)

    # filled by stages
    paragraphs: list[Paragraph] = field(default_factory=list)
    norm: str = ""
    norm_map: list[int] = field(default_factory=list)  # norm index -> original index (+ sentinel)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    model_mentions: list[Mention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    narratives: list[NarrativeMatch] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)  # above their thresholds, best first
    technique_scores: dict[str, float] = field(default_factory=dict)  # every technique's probability
    manipulative_spans: list[ManipulativeSpan] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)  # attributes stages have filled

    def span(self, start: int, end: int) -> Span:
        return Span(self.text[start:end], start, end)

    def to_original(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a [start, end) range of ``norm`` back to ``text``."""
        if not self.norm_map:
            return norm_start, norm_end
        if norm_end <= norm_start:
            pos = self.norm_map[norm_start]
            return pos, pos
        return self.norm_map[norm_start], self.norm_map[norm_end - 1] + 1

    def sentence_of(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None

    def sentence_tokens(self, sent: Sentence) -> list[Token]:
        return self.tokens[sent.token_start : sent.token_end]

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def paragraph_language(self, offset: int) -> str | None:
        for para in self.paragraphs:
            if para.start <= offset < para.end:
                return para.language or self.language
        return self.language
