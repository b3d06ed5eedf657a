"""What a reader yields: an Article ready for analysis, or a ReadError saying why not."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..document import Document


@dataclass(slots=True)
class Article:
    """One article read from a file, a feed item or a batch record."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    lang: str | None = None
    origin: str = ""  # the file (and line or item) it came from, for messages

    def to_document(self, language: str | None = None) -> Document:
        """A fresh Document; ``language`` (e.g. from ``--lang``) overrides the record's own."""
        return Document(
            text=self.text,
            id=self.id,
            title=self.title,
            url=self.url,
            published=self.published,
            outlet=self.outlet,
            author=self.author,
            language=language or self.lang,
            meta={"origin": self.origin},
        )


@dataclass(slots=True)
class ReadError:
    """An input (file, line, record) that was skipped, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class Unreadable(Exception):
    """Raised inside the readers; turned into a ReadError at the edge."""


# Space, format (zero-width, bidi, BOM), separator and control characters: none of them is text.
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf", "Cc"})


def has_visible_text(text: str) -> bool:
    """False for text made only of spaces and invisible characters ("\u200b \u00a0")."""
    return any(unicodedata.category(char) not in _INVISIBLE_CATEGORIES for char in text)
