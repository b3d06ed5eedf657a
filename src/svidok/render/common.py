"""Shared helpers: accept a Document or its dict, and look things up in the dict."""

from __future__ import annotations

from typing import Any

from ..document import Document
from ..output import to_dict


def as_dict(doc: Document | dict[str, Any]) -> dict[str, Any]:
    return doc if isinstance(doc, dict) else to_dict(doc)


def entity_names(obj: dict[str, Any]) -> dict[str, str]:
    return {ent["id"]: ent["name"] for ent in obj.get("entities", [])}


def source_names(obj: dict[str, Any]) -> dict[str, str]:
    return {src["id"]: src["name"] for src in obj.get("sources", [])}


def speaker_of(quote: dict[str, Any], entities: dict[str, str]) -> str | None:
    return quote.get("speaker_name") or entities.get(quote.get("speaker") or "")


def speaker_label(quote: dict[str, Any], entities: dict[str, str]) -> str:
    """Who to show for a quote: the speaker's name, "unnamed" for a voice the text leaves
    unnamed on purpose ("Аналітики"), or "unknown speaker"."""
    return speaker_of(quote, entities) or ("unnamed" if quote.get("speaker_role") else "unknown speaker")


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def event_summary(event: dict[str, Any]) -> str:
    """One line for an event: "Дональд Трамп, Володимир Путін @ Аляска (15 серпня)"."""
    actors = ", ".join(a["name"] for a in event.get("actors", [])) or "?"
    targets = ", ".join(a["name"] for a in event.get("targets", []))
    text = actors + (f" → {targets}" if targets else "")
    if event.get("place"):
        text += f" @ {event['place']['name']}"
    if event.get("time"):
        text += f" ({event['time']['text']})"
    return text


def narrative_voice(match: dict[str, Any]) -> str:
    """Who states a narrative match: the quoted speaker, the outlet, or the cue exposing it."""
    speaker = match.get("speaker_name") or match.get("speaker_role")
    if match["stance"] == "refutes":
        cue = match["cue"]["text"] if match.get("cue") else "?"
        return f"exposed («{cue}»)" + (f", voiced by {speaker}" if speaker else "")
    if match["stance"] == "quotes":
        return f"quoting {speaker or 'an unnamed voice'}"
    return "the outlet itself"
