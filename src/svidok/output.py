"""The output contract: a Document as a ``svidok.analysis/1`` JSON object, and its validation.

The schema ships inside the package (``svidok/schema/analysis-1.json``) and is documented in
``docs/schema.md``. Later versions add keys; none renames or removes these.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from . import __version__
from .document import Document

SCHEMA_ID = "svidok.analysis/1"
# Minor revisions add optional keys only: 1.1 added events, narratives, techniques,
# technique_scores and manipulative_spans. A reader of 1.0 reads 1.1 unchanged.
SCHEMA_REVISION = "1.1"


def to_dict(doc: Document) -> dict[str, Any]:
    """The analysis of ``doc`` as a plain dict following schema ``svidok.analysis/1``."""
    analysis = {
        "schema": SCHEMA_ID,
        "schema_revision": SCHEMA_REVISION,
        "svidok_version": __version__,
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published,
        "outlet": doc.outlet,
        "author": doc.author,
        "language": doc.language,
        "text": doc.text,
        "paragraphs": [
            {"start": p.start, "end": p.end, "language": p.language} for p in doc.paragraphs
        ],
        "entities": [e.to_dict() for e in doc.entities],
        "quotes": [q.to_dict() for q in doc.quotes],
        "sources": [s.to_dict() for s in doc.sources],
        "events": [e.to_dict() for e in doc.events],
        "narratives": [n.to_dict() for n in doc.narratives],
    }
    if "techniques" in doc.assigned:  # optional keys: absent when the stage did not run
        analysis["techniques"] = [t.to_dict() for t in doc.techniques]
        analysis["technique_scores"] = dict(doc.technique_scores)
        analysis["manipulative_spans"] = [s.to_dict() for s in doc.manipulative_spans]
    return analysis


def to_json(doc: Document, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)


@functools.cache
def schema() -> dict[str, Any]:
    path = resources.files("svidok").joinpath("schema", "analysis-1.json")
    return json.loads(path.read_text(encoding="utf-8"))


def validate(obj: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``obj`` follows the schema, and ``ValueError``
    if any span's text differs from ``text[start:end]`` or a reference points nowhere."""
    import jsonschema

    jsonschema.validate(obj, schema())
    check_offsets(obj)


def _spans(obj: dict[str, Any]):
    for ent in obj["entities"]:
        for m in ent["mentions"]:
            yield "entity mention", m
    for q in obj["quotes"]:
        yield "quote", q
        if q["cue"] is not None:
            yield "quote cue", {"text": q["cue"], "start": q["cue_start"], "end": q["cue_end"]}
    for s in obj["sources"]:
        yield "source mention", s["mention"]
        if s.get("cue") is not None and s.get("cue_start") is not None:
            yield "source cue", {"text": s["cue"], "start": s["cue_start"], "end": s["cue_end"]}
    for e in obj.get("events", []):
        yield "event trigger", e["trigger"]
        yield "event sentence", e["sentence"]
        for arg in e["actors"] + e["targets"] + ([e["place"]] if e.get("place") else []):
            yield "event argument", arg
        if e.get("time"):
            yield "event time", e["time"]
    for n in obj.get("narratives", []):
        yield "narrative sentence", n["sentence"]
        if n.get("cue"):
            yield "narrative cue", n["cue"]
    for span in obj.get("manipulative_spans", ()):
        yield "manipulative span", span


def check_offsets(obj: dict[str, Any]) -> None:
    text = obj["text"]
    for what, span in _spans(obj):
        if text[span["start"] : span["end"]] != span["text"]:
            raise ValueError(
                f"{what} {span['text']!r} does not match text[{span['start']}:{span['end']}]"
                f" = {text[span['start']:span['end']]!r}"
            )
    entity_ids = {e["id"] for e in obj["entities"]}
    source_ids = {s["id"] for s in obj["sources"]}
    for q in obj["quotes"]:
        if q["speaker"] is not None and q["speaker"] not in entity_ids:
            raise ValueError(f"quote {q['id']} names unknown speaker {q['speaker']}")
        if q["source"] is not None and q["source"] not in source_ids:
            raise ValueError(f"quote {q['id']} names unknown source {q['source']}")
    for s in obj["sources"]:
        if s["entity"] is not None and s["entity"] not in entity_ids:
            raise ValueError(f"source {s['id']} names unknown entity {s['entity']}")
    for e in obj.get("events", []):
        for arg in e["actors"] + e["targets"] + ([e["place"]] if e.get("place") else []):
            if arg["entity"] is not None and arg["entity"] not in entity_ids:
                raise ValueError(f"event {e['id']} names unknown entity {arg['entity']}")
    quote_ids = {q["id"] for q in obj["quotes"]}
    for n in obj.get("narratives", []):
        if n["quote"] is not None and n["quote"] not in quote_ids:
            raise ValueError(f"narrative match {n['id']} names unknown quote {n['quote']}")
        if n["speaker"] is not None and n["speaker"] not in entity_ids:
            raise ValueError(f"narrative match {n['id']} names unknown speaker {n['speaker']}")
