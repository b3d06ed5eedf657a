"""Charts drawn on the server as inline SVG: no scripts, deterministic, escaped labels."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from ..store.queries import Count, Edge

MIN_DAYS = 14
MAX_DAYS = 366  # a longer history shows its last year only


def mentions_chart(per_day: Sequence[Count], *, width: int = 640, height: int = 180) -> str:
    """Bars of mentions per day over the days from the first to the last (gaps drawn as zero)."""
    if not per_day:
        return '<p class="none">No dated mentions.</p>'
    counts = {c.value: c.count for c in per_day if _is_day(c.value)}
    if not counts:
        return '<p class="none">No dated mentions.</p>'
    first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    first = max(first, last - timedelta(days=MAX_DAYS - 1))
    first = min(first, last - timedelta(days=MIN_DAYS - 1))  # a few days alone would be giant bars
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    peak = max(counts.get(d.isoformat(), 0) for d in days) or 1
    left, bottom, top = _LEFT, _BOTTOM, _TOP
    bar = (width - left - 8) / len(days)
    parts = _day_axes("chart", "Mentions per day", width, height, peak)
    for i, day in enumerate(days):
        n = counts.get(day.isoformat(), 0)
        if n:
            h = (height - bottom - top) * n / peak
            x, y = left + i * bar, height - bottom - h
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{max(bar - 1, 1):.1f}" height="{h:.1f}">'
                f"<title>{day.isoformat()}: {n}</title></rect>"
            )
    return _closed(parts, first, last, width, height)


_LEFT, _BOTTOM, _TOP = 36, 24, 10  # margins of the per-day bar charts


def _day_axes(css: str, label: str, width: int, height: int, peak: int) -> list[str]:
    """The opening of a per-day bar chart: the svg element, its base line and its 0 / peak ticks."""
    left, bottom, top = _LEFT, _BOTTOM, _TOP
    return [
        (
            f'<svg class="{css}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{label}">'
        ),
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}" class="axis"/>',
        f'<text x="{left - 4}" y="{top + 8}" class="tick" text-anchor="end">{peak}</text>',
        f'<text x="{left - 4}" y="{height - bottom}" class="tick" text-anchor="end">0</text>',
    ]


def _closed(parts: list[str], first: date, last: date, width: int, height: int) -> str:
    """The chart with its first and last day written under the axis."""
    parts.append(f'<text x="{_LEFT}" y="{height - 6}" class="tick">{first.isoformat()}</text>')
    parts.append(
        f'<text x="{width - 4}" y="{height - 6}" class="tick" text-anchor="end">{last.isoformat()}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def network(center_id: int, center_name: str, edges: Sequence[Edge], *, size: int = 480) -> str:
    """The entity in the middle, its neighbours on a circle (ordered by weight, then id); arrows
    for quotes (speaker -> mentioned), plain lines for co-mentions; wider lines weigh more."""
    neighbours: dict[int, str] = {}
    for e in edges:
        for node, name in ((e.source_id, e.source_name), (e.target_id, e.target_name)):
            if node != center_id:
                neighbours.setdefault(node, name)
    if not neighbours:
        return '<p class="none">No connections yet.</p>'
    width, c, r = size + 200, size / 2, size / 2 - 70  # side room for the labels
    cx = width / 2
    pos = {center_id: (cx, c)}
    for i, node in enumerate(neighbours):
        angle = 2 * math.pi * i / len(neighbours) - math.pi / 2
        pos[node] = (cx + r * math.cos(angle), c + r * math.sin(angle))
    peak = max(e.weight for e in edges)
    parts = [
        (
            f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {size}" '
            f'width="{width}" height="{size}" role="img" aria-label="Network of {escape(center_name)}">'
        ),
        (
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" '
            'markerUnits="userSpaceOnUse" '
            'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>'
        ),
    ]
    for e in edges:
        (x1, y1), (x2, y2) = pos[e.source_id], pos[e.target_id]
        x2, y2 = _short_of(x1, y1, x2, y2, 9)
        marker = ' marker-end="url(#arrow)"' if e.kind == "quotes" else ""
        width = 1 + 4 * e.weight / peak
        parts.append(
            f'<line class="edge edge-{escape(e.kind)}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
            f'y2="{y2:.1f}" stroke-width="{width:.1f}"{marker}><title>{escape(e.source_name)} → '
            f"{escape(e.target_name)}: {e.weight} ({escape(e.kind)})</title></line>"
        )
    for node, (x, y) in pos.items():
        name = center_name if node == center_id else neighbours[node]
        css = "node center" if node == center_id else "node"
        lx, ly, anchor = _label_place(x - cx, y - c, x, y, node == center_id)
        parts.append(
            f'<a href="/entities/{node}"><circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="8"/>'
            f'<text class="label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">'
            f"{escape(_short(name))}</text></a>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _label_place(dx: float, dy: float, x: float, y: float, center: bool) -> tuple[float, float, str]:
    """Labels outside the circle, away from the middle, so neighbours' labels do not overlap."""
    if center:
        return x, y - 13, "middle"
    length = math.hypot(dx, dy) or 1
    lx, ly = x + 12 * dx / length, y + 12 * dy / length + 4
    anchor = "middle" if abs(dx) < 0.2 * length else ("start" if dx > 0 else "end")
    return lx, ly, anchor


def _short_of(x1: float, y1: float, x2: float, y2: float, gap: float) -> tuple[float, float]:
    """The end point moved ``gap`` back towards the start, so arrows stop at the node's edge."""
    length = math.hypot(x2 - x1, y2 - y1) or 1
    return x2 - (x2 - x1) * gap / length, y2 - (y2 - y1) * gap / length


def _short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


PALETTE = ("#4f7fc4", "#d9822b", "#3a9a5b", "#b84a62", "#7a5cb8", "#8c6d3f", "#2b9bb3", "#888888")


def outlet_colours(outlets: Sequence[str]) -> dict[str, str]:
    """A colour per outlet, in the given order; outlets past the palette share its last grey."""
    return {outlet: PALETTE[min(i, len(PALETTE) - 1)] for i, outlet in enumerate(outlets)}


def timeline_chart(
    per_day: Sequence[tuple[str, str, int]], colours: dict[str, str], *, width: int = 640, height: int = 180
) -> str:
    """Stacked bars of articles per day, one colour per outlet (``colours``), from the first day
    to the last (at least a week, so a one-day story is not one giant bar)."""
    counts: dict[str, list[tuple[str, int]]] = {}
    for day, outlet, n in per_day:
        if _is_day(day):
            counts.setdefault(day, []).append((outlet, n))
    if not counts:
        return '<p class="none">No dated articles.</p>'
    first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    first = max(first, last - timedelta(days=MAX_DAYS - 1))
    last = max(last, first + timedelta(days=6))
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    peak = max(sum(n for _, n in counts.get(d.isoformat(), ())) for d in days) or 1
    left, bottom, top = _LEFT, _BOTTOM, _TOP
    bar = (width - left - 8) / len(days)
    parts = _day_axes("chart timeline", "Articles per day by outlet", width, height, peak)
    for i, day in enumerate(days):
        y = height - bottom
        for outlet, n in counts.get(day.isoformat(), ()):
            h = (height - bottom - top) * n / peak
            y -= h
            parts.append(
                f'<rect class="segment" x="{left + i * bar:.1f}" y="{y:.1f}" width="{max(bar - 1, 1):.1f}" '
                f'height="{h:.1f}" fill="{colours.get(outlet, PALETTE[-1])}">'
                f"<title>{day.isoformat()} · {escape(outlet)}: {n}</title></rect>"
            )
    return _closed(parts, first, last, width, height)
