"""RSS and Atom feeds (feedparser): one Article per item."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime

from .article import Article, ReadError, Unreadable
from .html import html_to_text


def read_feed(data: bytes, *, origin: str) -> Iterator[Article | ReadError]:
    """Each usable item of the feed; a feed with broken XML but usable items still yields them."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = feed.get("bozo_exception")
        raise Unreadable(f"no feed items found{f' ({problem})' if problem else ''}")
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, 1):
        item_origin = f"{origin}#{number}"
        text = _entry_text(entry)
        if not text:
            yield ReadError(item_origin, "feed item has no text (no content nor summary)")
            continue
        yield Article(
            id=entry.get("id") or entry.get("link") or item_origin,
            text=text,
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            published=_iso_date(entry),
            outlet=outlet,
            author=entry.get("author") or None,
            lang=None,  # feed language tags are site-wide and often wrong: langid decides
            origin=item_origin,
        )


def _entry_text(entry) -> str:
    """Full content (content:encoded, Atom content) where present, else the summary."""
    candidates = [part.get("value", "") for part in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    for value in candidates:
        text = html_to_text(value) if "<" in value else value.strip()
        if text:
            return text
    return ""


def _iso_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            stamp = calendar.timegm(parsed)
            return datetime.fromtimestamp(stamp, tz=UTC).isoformat()
    return entry.get("published") or entry.get("updated") or None
