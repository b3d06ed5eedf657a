"""What an analysed Document becomes in the archive: plain rows, independent of the backend."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Entity
from .lemmas import lemma_text

_SPACES = re.compile(r"\s+")


def fold(value: str | None) -> str | None:
    """Case- and form-insensitive key for filters (done in Python: SQLite's lower() is ASCII-only)."""
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value).casefold().replace("ё", "е")
    return _SPACES.sub(" ", value.replace("’", "'").replace("ʼ", "'")).strip()


def text_hash(doc: Document) -> str:
    """Hash of the normalised text, so re-ingesting the same article with other spaces is a no-op."""
    base = doc.norm or doc.text
    base = _SPACES.sub(" ", unicodedata.normalize("NFC", base)).strip()
    return hashlib.sha256(base.encode("utf-8")).hexdigest()


def entity_key(entity: Entity) -> str:
    """Stable key of an entity across articles.

    The KB id when the entity was linked; otherwise the type plus the cross-script name key, so
    an unknown "Сєргєй Гаврілов" in one article and "Сергей Гаврилов" in another are one entity.
    """
    if entity.kb_id:
        return f"kb:{entity.kb_id}"
    return name_entity_key(entity.type, entity.name)


def entity_key_of(entity: dict[str, Any]) -> str:
    """:func:`entity_key` of an entity as the analysis JSON writes it."""
    if entity.get("kb_id"):
        return f"kb:{entity['kb_id']}"
    return name_entity_key(str(entity.get("type") or ""), str(entity.get("name") or ""))


def name_entity_key(etype: str, name: str) -> str:
    from ..names.key import name_key

    return f"name:{etype}:{name_key(name) or fold(name)}"


def resolve_entity_keys(name: str) -> list[str]:
    """Archive keys an entity filter may mean: the KB entries whose names match ``name`` across
    scripts and cases ("Кирилл Дмитриев" -> kb:per:kyrylo-dmytriiev), and its name keys."""
    from ..kb import load_kb

    keys = [f"kb:{entry.id}" for entry in load_kb().lookup(name)]
    keys += [name_entity_key(etype, name) for etype in ("PER", "ORG", "LOC", "MISC")]
    return keys


@dataclass(slots=True)
class EntityRow:
    key: str
    name: str
    type: str
    kb_id: str | None
    qid: str | None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, text


@dataclass(slots=True)
class ArticleRecord:
    """Everything ``Store.put`` writes for one article."""

    external_id: str | None
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    language: str | None
    text: str
    text_hash: str
    analysis: dict[str, Any]
    lemmas: str
    entities: dict[str, EntityRow]  # Document entity id -> row
    quotes: list[dict[str, Any]]
    sources: list[dict[str, Any]]

    def analysis_json(self) -> str:
        return json.dumps(self.analysis, ensure_ascii=False)


def to_record(doc: Document) -> ArticleRecord:
    from ..output import to_dict

    entities = {ent.id: _entity_row(ent) for ent in doc.entities}
    names = {ent.id: ent.name for ent in doc.entities}
    return ArticleRecord(
        external_id=doc.id,
        url=doc.url or None,
        title=doc.title,
        published=doc.published,
        outlet=doc.outlet,
        language=doc.language,
        text=doc.text,
        text_hash=text_hash(doc),
        analysis=to_dict(doc),
        lemmas=lemma_text(doc),
        entities=entities,
        quotes=[_quote_row(q, names) for q in doc.quotes],
        sources=[_source_row(s) for s in doc.sources],
    )


def _entity_row(ent: Entity) -> EntityRow:
    row = EntityRow(entity_key(ent), ent.name, ent.type, ent.kb_id, ent.qid)
    row.mentions = sorted({(m.start, m.end, m.text) for m in ent.mentions})
    return row


def _quote_row(quote, names: dict[str, str]) -> dict[str, Any]:
    speaker = quote.speaker_name or names.get(quote.speaker or "")
    return {
        "quote_id": quote.id,
        "speaker": quote.speaker,
        "speaker_name": quote.speaker_name,
        "speaker_fold": fold(speaker),
        "role": quote.speaker_role,
        "cue": quote.cue,
        "kind": quote.kind,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "source": quote.source,
    }


def _source_row(source) -> dict[str, Any]:
    return {
        "source_id": source.id,
        "name": source.name,
        "name_fold": fold(source.name),
        "entity": source.entity,
        "cue": source.cue,
        "start": source.mention.start,
        "end": source.mention.end,
    }
