"""A standalone HTML page: each article's text with mentions, quotes and sources highlighted,
and a side panel of who said what. Everything from the text is escaped; no scripts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from importlib import resources
from itertools import pairwise
from typing import Any

from ..document import Document
from .common import (
    as_dict,
    entity_names,
    event_summary,
    narrative_voice,
    shorten,
    source_names,
    speaker_label,
)

# outer to inner: a quote may hold a source and mentions; a cue may hold a mention
_LAYERS = {"manipulative": -1, "narrative": 0, "quote": 1, "source": 2, "cue": 3, "event": 4, "mention": 5}


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    layer: str
    css: str
    label: str
    anchor: str | None = None  # element id, put on the first piece only

    def open_tag(self, first: bool) -> str:
        tag = "mark" if self.layer == "mention" else "span"
        anchor = f' id="{escape(self.anchor)}"' if first and self.anchor else ""
        return f'<{tag} class="{escape(self.css)}" title="{escape(self.label)}"{anchor}>'

    def close_tag(self) -> str:
        return "</mark>" if self.layer == "mention" else "</span>"


def render_html(docs: Iterable[Document | dict[str, Any]], *, title: str = "svidok analysis") -> str:
    """One HTML page for the analyses in ``docs`` (Documents or their dicts)."""
    objs = [as_dict(doc) for doc in docs]
    articles = "\n".join(_article(obj, f"d{n}") for n, obj in enumerate(objs, 1))
    contents = _contents(objs) if len(objs) > 1 else ""
    css = resources.files("svidok.render").joinpath("page.css").read_text(encoding="utf-8")
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n{contents}{articles}\n</body>\n</html>\n"
    )


def _contents(objs: list[dict[str, Any]]) -> str:
    items = "".join(
        f'<li><a href="#d{n}">{escape(obj.get("title") or obj["id"])}</a></li>'
        for n, obj in enumerate(objs, 1)
    )
    return f'<nav class="contents"><ol>{items}</ol></nav>\n'


def _article(obj: dict[str, Any], prefix: str) -> str:
    heading = escape(obj.get("title") or obj["id"])
    facts = [obj.get(key) for key in ("outlet", "author", "published", "language")]
    meta = " · ".join(escape(str(f)) for f in facts if f)
    link = f' <a href="{escape(obj["url"])}">source page</a>' if _is_web_link(obj.get("url")) else ""
    body = highlight(obj["text"], _marks(obj, prefix))
    return (
        f'<article class="doc" id="{prefix}">\n<header><h2>{heading}</h2>'
        f'<p class="meta">{escape(obj["id"])} · {meta}{link}</p></header>\n'
        f'<div class="columns">\n<div class="text">{body}</div>\n'
        f'<aside class="panel">{_panel(obj, prefix)}</aside>\n</div>\n</article>'
    )


def _is_web_link(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))


def _marks(obj: dict[str, Any], prefix: str) -> list[Mark]:
    entities, marks = entity_names(obj), []
    for ent in obj["entities"]:
        label = f"{ent['name']} ({ent['type']}{', ' + ent['kb_id'] if ent.get('kb_id') else ''})"
        for m in ent["mentions"]:
            marks.append(Mark(m["start"], m["end"], "mention", f"ent ent-{ent['type']}", label))
    for q in obj["quotes"]:
        who = speaker_label(q, entities)
        css = f"quote quote-{q['kind']}"
        marks.append(
            Mark(q["start"], q["end"], "quote", css, f"{who}: {q['kind']} quote", f"{prefix}-{q['id']}")
        )
        if q.get("cue") is not None and q.get("cue_start") is not None:
            marks.append(Mark(q["cue_start"], q["cue_end"], "cue", "cue", f"cue of {who}"))
    for s in obj["sources"]:
        mention = s["mention"]
        anchor = f"{prefix}-{s['id']}"
        marks.append(
            Mark(mention["start"], mention["end"], "source", "source", f"source: {s['name']}", anchor)
        )
        if s.get("cue") is not None and s.get("cue_start") is not None:
            marks.append(Mark(s["cue_start"], s["cue_end"], "cue", "cue", f"cue of source {s['name']}"))
    for e in obj.get("events", []):
        trig = e["trigger"]
        label = f"{e['type']} ({e['modality']}): {event_summary(e)}"
        marks.append(
            Mark(
                trig["start"], trig["end"], "event", f"event event-{e['type']}", label, f"{prefix}-{e['id']}"
            )
        )
    for n in obj.get("narratives", []):
        sent, css = n["sentence"], f"narrative stance-{n['stance']}"
        label = f"narrative {n['narrative']} ({n['stance']}, {n['score']:.3f}): {n['title']}"
        marks.append(Mark(sent["start"], sent["end"], "narrative", css, label, f"{prefix}-{n['id']}"))
    for span in obj.get("manipulative_spans", []):
        marks.append(Mark(span["start"], span["end"], "manipulative", "manipulative", _techniques_label(obj)))
    return [m for m in marks if 0 <= m.start < m.end <= len(obj["text"])]


def highlight(text: str, marks: list[Mark]) -> str:
    """``text`` escaped, with every mark wrapped around its range. Overlapping marks are cut at
    each other's edges so the tags always nest."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in pairwise(cuts):
        active = sorted(
            (m for m in marks if m.start <= start and end <= m.end), key=lambda m: (_LAYERS[m.layer], m.start)
        )
        opening = "".join(m.open_tag(first=m.start == start) for m in active)
        closing = "".join(m.close_tag() for m in reversed(active))
        pieces.append(opening + escape(text[start:end]) + closing)
    return "".join(pieces)


def _techniques_label(obj: dict[str, Any]) -> str:
    labels = ", ".join(t["label"].replace("_", " ") for t in obj.get("techniques", []))
    return f"manipulative ({labels})" if labels else "manipulative"


def _panel(obj: dict[str, Any], prefix: str) -> str:
    events = _events_panel(obj, prefix) if obj.get("events") else ""
    narratives = _narratives_panel(obj, prefix) if obj.get("narratives") else ""
    techniques = _techniques_panel(obj) if obj.get("techniques") else ""
    return (
        narratives + techniques + _quotes_panel(obj, prefix) + events + _entities_panel(obj)
        + _sources_panel(obj, prefix)
    )  # fmt: skip


def _techniques_panel(obj: dict[str, Any]) -> str:
    items = [
        f'<li>{escape(t["label"].replace("_", " "))} <span class="modality">{t["score"]:.2f}</span></li>'
        for t in obj.get("techniques", [])
    ]
    spans = len(obj.get("manipulative_spans", []))
    return _panel_section("Techniques", items) + (
        f'<p class="meta">{spans} manipulative passage{"s" if spans != 1 else ""} underlined</p>' if spans else ""
    )


def _quotes_panel(obj: dict[str, Any], prefix: str) -> str:
    entities, sources = entity_names(obj), source_names(obj)
    items = []
    for q in obj["quotes"]:
        who = escape(speaker_label(q, entities))
        role = f' <span class="role">{escape(q["speaker_role"])}</span>' if q.get("speaker_role") else ""
        cue = f' <span class="cue">{escape(q["cue"])}</span>' if q.get("cue") else ""
        via = (
            f' <span class="via">via {escape(sources[q["source"]])}</span>'
            if q.get("source") in sources
            else ""
        )
        said = escape(shorten(q["text"], 240))
        items.append(
            f'<li class="quote-{escape(q["kind"])}"><b>{who}</b>{role}{cue}{via}: '
            f'<a href="#{escape(prefix)}-{escape(q["id"])}">«{said}»</a></li>'
        )
    return _panel_section("Who said what", items)


def _entities_panel(obj: dict[str, Any]) -> str:
    items = []
    for ent in sorted(obj["entities"], key=lambda e: -len(e["mentions"])):
        kb = f' <span class="kb">{escape(ent["kb_id"])}</span>' if ent.get("kb_id") else ""
        items.append(
            f'<li><mark class="ent ent-{escape(ent["type"])}">{escape(ent["name"])}</mark> '
            f"{escape(ent['type'])}{kb} ×{len(ent['mentions'])}</li>"
        )
    return _panel_section("Entities", items)


def _sources_panel(obj: dict[str, Any], prefix: str) -> str:
    items = []
    for s in obj["sources"]:
        cue = f' <span class="cue">{escape(s["cue"])}</span>' if s.get("cue") else ""
        items.append(f'<li><a href="#{escape(prefix)}-{escape(s["id"])}">{escape(s["name"])}</a>{cue}</li>')
    return _panel_section("According to", items)


def _events_panel(obj: dict[str, Any], prefix: str) -> str:
    items = []
    for e in obj.get("events", []):
        negated = " negated" if e.get("negated") else ""
        items.append(
            f'<li class="event-{escape(e["type"])}"><b>{escape(e["type"])}</b> '
            f'<span class="modality">{escape(e["modality"])}{negated}</span> '
            f'<a href="#{escape(prefix)}-{escape(e["id"])}">{escape(event_summary(e))}</a></li>'
        )
    return _panel_section("Events", items)


def _narratives_panel(obj: dict[str, Any], prefix: str) -> str:
    items = [
        f'<li class="stance-{escape(n["stance"])}"><a href="#{escape(prefix)}-{escape(n["id"])}">'
        f'{escape(n["title"])}</a> <span class="modality">{escape(narrative_voice(n))} · {n["score"]:.3f}</span></li>'
        for n in obj.get("narratives", [])
    ]
    return _panel_section("Narratives", items)


def _panel_section(name: str, items: list[str]) -> str:
    inner = f"<ul>{''.join(items)}</ul>" if items else '<p class="none">none found</p>'
    return f"<section><h3>{escape(name)} ({len(items)})</h3>{inner}</section>"
