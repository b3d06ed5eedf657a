"""Stage 1: language of the document and of each paragraph (lingua, restricted to what we support)."""

from __future__ import annotations

import functools
import re

from ..document import Document, Paragraph
from ..pipeline import stage

# Belarusian is detected (so it is not mistaken for uk/ru) but has no language data yet.
DETECTED = ("uk", "ru", "en", "be")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_LETTER = re.compile(r"[^\W\d_]")
_MIN_LETTERS = 12  # shorter paragraphs inherit the document language
_SAMPLE_CHARS = 2000  # lingua is accurate long before this; keeps detection cheap


@functools.cache
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language among :data:`DETECTED`, or None if it has no letters."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < 3:
        return None
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang is not None else None


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty line blocks as (start, end), trimmed of surrounding whitespace."""
    spans, pos = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text + "\n"):
        start, end = pos, match.start()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        pos = match.end()
    return spans


@stage("langid", requires=("text",), assigns=("language", "paragraphs"))
def langid(doc: Document) -> Document:
    paragraphs = []
    weights: dict[str, int] = {}
    for start, end in split_paragraphs(doc.text):
        chunk = doc.text[start:end]
        lang = detect_language(chunk) if len(_LETTER.findall(chunk)) >= _MIN_LETTERS else None
        paragraphs.append(Paragraph(start, end, lang))
        if lang:
            weights[lang] = weights.get(lang, 0) + (end - start)
    if doc.language is None:
        doc.language = max(weights, key=weights.get) if weights else detect_language(doc.text)
    for para in paragraphs:
        if para.language is None:
            para.language = doc.language
    doc.paragraphs = paragraphs
    return doc
