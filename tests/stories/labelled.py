"""Articles of the labelled story set (eval/stories), analysed once per test session."""

from __future__ import annotations

import functools

import svidok
from svidok.evaluation.stories import default_set, load_items


@functools.cache
def _items() -> dict[str, dict]:
    return {item["id"]: item for item in load_items(default_set())}


@functools.cache
def labelled_doc(item_id: str) -> svidok.Document:
    """The analysed article ``item_id`` with its outlet, date and title; url ``eval:<id>``."""
    item = _items()[item_id]
    meta = {k: item.get(k) for k in ("title", "published", "outlet", "language")}
    return svidok.analyze(svidok.Document(text=item["text"], id=item_id, url=f"eval:{item_id}", **meta))
