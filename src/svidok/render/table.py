"""A readable terminal summary of one analysis."""

from __future__ import annotations

from typing import Any

from ..document import Document
from .common import as_dict, entity_names, event_summary, narrative_voice, shorten, source_names, speaker_of

QUOTE_WIDTH = 160
NAME_WIDTH = 40


def render_table(doc: Document | dict[str, Any]) -> str:
    """Language, entities, quotes and sources of one article as plain text."""
    obj = as_dict(doc)
    lines = _header(obj)
    lines += _section("Entities", _entity_rows(obj))
    lines += _section("Quotes", _quote_rows(obj))
    lines += _section("Sources", _source_rows(obj))
    if obj.get("events"):  # optional key; an article without events keeps the short view
        lines += _section("Events", _event_rows(obj))
    if obj.get("narratives"):
        lines += _section("Narratives", _narrative_rows(obj))
    if obj.get("techniques") or obj.get("manipulative_spans"):
        lines += _section("Techniques", [[f"{t['score']:.2f}", t["label"]] for t in obj.get("techniques", [])])
        lines += _section("Manipulative passages", _manipulative_rows(obj))
    return "\n".join(lines) + "\n"


def _header(obj: dict[str, Any]) -> list[str]:
    title = f" — {shorten(obj['title'], 100)}" if obj.get("title") else ""
    lines = [f"== {obj['id']}{title}"]
    facts = [f"language: {obj.get('language') or '?'}"]
    facts += [f"{key}: {obj[key]}" for key in ("outlet", "author", "published", "url") if obj.get(key)]
    facts.append(f"{len(obj['text'])} characters")
    lines.append("   " + " · ".join(facts))
    return lines


def _section(name: str, rows: list[list[str]]) -> list[str]:
    lines = ["", f"{name} ({len(rows)})"]
    if not rows:
        return lines + ["  (none)"]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
        lines.append(("  " + "  ".join(cells)).rstrip())
    return lines


def _entity_rows(obj: dict[str, Any]) -> list[list[str]]:
    rows = []
    for ent in sorted(obj["entities"], key=lambda e: (-len(e["mentions"]), e["name"])):
        aliases = [a for a in ent.get("aliases", []) if a.lower() != ent["name"].lower()]
        rows.append([
            ent["type"],
            shorten(ent["name"], NAME_WIDTH),
            ent.get("kb_id") or "-",
            f"×{len(ent['mentions'])}",
            f"aka {', '.join(aliases)}" if aliases else "",
        ])  # fmt: skip
    return rows


def _quote_rows(obj: dict[str, Any]) -> list[list[str]]:
    entities, sources = entity_names(obj), source_names(obj)
    rows = []
    for quote in obj["quotes"]:
        speaker = speaker_of(quote, entities) or "?"
        if quote.get("speaker_role"):
            speaker += f" ({quote['speaker_role']})"
        speaker = shorten(speaker, NAME_WIDTH + 10)
        via = f"  [via {sources[quote['source']]}]" if quote.get("source") in sources else ""
        text = f"«{shorten(quote['text'], QUOTE_WIDTH)}»{via}"
        rows.append([quote["kind"], speaker, quote.get("cue") or "-", text])
    return rows


def _source_rows(obj: dict[str, Any]) -> list[list[str]]:
    entities = entity_names(obj)
    rows = []
    for src in obj["sources"]:
        linked = entities.get(src.get("entity") or "", "")
        rows.append(
            [shorten(src["name"], NAME_WIDTH), src.get("cue") or "-", f"→ {linked}" if linked else ""]
        )
    return rows


def _event_rows(obj: dict[str, Any]) -> list[list[str]]:
    rows = []
    for event in obj.get("events", []):
        flags = event["modality"] + (", negated" if event.get("negated") else "")
        rows.append(
            [
                event["type"],
                flags,
                f"«{event['trigger']['text']}»",
                shorten(event_summary(event), QUOTE_WIDTH),
            ]
        )
    return rows


def _narrative_rows(obj: dict[str, Any]) -> list[list[str]]:
    rows = []
    for match in obj.get("narratives", []):
        who = narrative_voice(match)
        rows.append(
            [match["stance"], f"{match['score']:.3f}", match["narrative"], shorten(who, NAME_WIDTH + 10)]
        )
    return rows


def _manipulative_rows(obj: dict[str, Any]) -> list[list[str]]:
    return [
        [f"{span['start']}-{span['end']}", f"«{shorten(span['text'], QUOTE_WIDTH)}»"]
        for span in obj.get("manipulative_spans", [])
    ]
