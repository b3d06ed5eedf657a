"""Stage 1: language of the document and of each paragraph (lingua, restricted to what we support)."""

from __future__ import annotations

import functools
import re

from .. import lang as langdata
from ..document import Document, Paragraph
from ..pipeline import stage

# Belarusian is detected (so it is not mistaken for uk/ru) but has no language data yet.
DETECTED = ("uk", "ru", "en", "be")
# A blank line always breaks; a single line break does unless the next line goes on with the
# same sentence (lowercase or closing punctuation: "заявил, что \nв вопросе", "растет\n, добавив").
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?![ \t]*[a-zа-яіїєґёыэъ,;:)»\]])")
_LETTER = re.compile(r"[^\W\d_]")
_MIN_LETTERS = 12  # shorter paragraphs inherit the document language
_SHORT_LETTERS = 200  # below this many letters the fast detector errs (see _detector)
_SAMPLE_CHARS = 2000  # lingua is accurate long before this; keeps detection cheap


@functools.cache
def _detector(short: bool = False):
    """lingua's fast low-accuracy mode for paragraphs; its full models for short texts, where the
    fast mode confuses ru and uk ("В Генштабе заявили, что …" read as uk). The full models cost
    about 110 MB and 0.6 s, loaded only when a short text comes."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTED]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    return (builder if short else builder.with_low_accuracy_mode()).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language among :data:`DETECTED`, or None if it has no letters."""
    sample = text[:_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters < 3:
        return None
    lang = _detector(letters < _SHORT_LETTERS and not _telling_letters(sample)).detect_language_of(sample)
    code = lang.iso_code_639_1.name.lower() if lang is not None else None
    return _script_correction(sample, code)


def _telling_letters(text: str) -> bool:
    """Letters only one of the detected languages has (і, ы, …): the script rules then decide, and
    a short text needs no slower detector."""
    return not _exclusive_letters().isdisjoint(text)


@functools.cache
def _exclusive_letters() -> frozenset[str]:
    return frozenset().union(*(rule[0] for rule in _script_rules().values()))


@functools.cache
def _script_rules() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    rules = {}
    for code in DETECTED:
        if langdata.has(code, "script"):
            data = langdata.load(code, "script")
            rules[code] = (frozenset(data["exclusive_letters"]), frozenset(data["excludes_letters"]))
    return rules


def _script_correction(text: str, code: str | None) -> str | None:
    """Overrule the detector when the letters prove another language (є, ї exist only in uk)."""
    letters = set(text)
    rules = _script_rules()
    if code in rules and letters & rules[code][1]:
        for other, (exclusive, excluded) in rules.items():
            if other != code and letters & exclusive and not letters & excluded:
                return other
    return code


_GOES_ON = re.compile(r"[a-zа-яіїєґёыэъ]")


def _wrapped_over_blank_line(text: str, start: int, end: int) -> bool:
    """Telegram exports put blank lines around formatted words: "…, вважає\n \nпрем'єр-міністерка
    Литви …" is one sentence. A blank line after a word or comma, before a lowercase word, goes on."""
    before = text[:start].rstrip()
    return bool(before) and (before[-1].isalpha() or before[-1] == ",") and bool(_GOES_ON.match(text, end))


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty line blocks as (start, end), trimmed of surrounding whitespace."""
    spans, pos = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text + "\n"):
        if _wrapped_over_blank_line(text, match.start(), match.end()):
            continue
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
    forced = doc.language
    for start, end in split_paragraphs(doc.text):
        chunk = doc.text[start:end]
        if forced:
            lang = forced
        else:
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
