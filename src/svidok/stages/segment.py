"""Stage 3: sentences and tokens with offsets into the original text.

tokenize-uk's LanguageTool-grade engines split sentences (its SRX rules cover uk, ru and en)
and words. One extra rule, driven by each language's abbreviation list, splits where a
sentence ends before a word written lowercase on purpose ("…на Алясці. кремль бачить…").
"""

from __future__ import annotations

import bisect
import functools
import re

from .. import lang as langdata
from ..document import Document, Sentence, Token
from ..pipeline import stage

_SRX_CODES = {"uk": "uk_two", "ru": "ru", "en": "en"}
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_LOWERCASE_RESTART = re.compile(r"(?<=[^\W\d_]{4})\.\s+(?=[^\W\d_]*[a-zа-яіїєґё])", re.UNICODE)


@functools.cache
def _abbreviations(lang: str) -> frozenset[str]:
    if not langdata.has(lang, "abbreviations"):
        return frozenset()
    return frozenset(a.lower().rstrip(".") for a in langdata.load(lang, "abbreviations") or [])


def split_sentences(text: str, lang: str | None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``."""
    from tokenize_uk import tokenize_sents_with_spans

    code = _SRX_CODES.get(lang or "uk", "uk_two")
    spans = []
    for _sent, start, end in tokenize_sents_with_spans(text, language_code=code):
        spans.extend(_split_lowercase_restarts(text, start, end, lang or "uk"))
    return spans


def _split_lowercase_restarts(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    abbreviations = _abbreviations(lang)
    pieces, cut = [], start
    for match in _LOWERCASE_RESTART.finditer(text, start, end):
        word_start = match.start()
        while word_start > cut and text[word_start - 1].isalpha():
            word_start -= 1
        if text[word_start : match.start()].lower() in abbreviations:
            continue
        pieces.append((cut, match.start() + 1))
        cut = match.end()
    pieces.append((cut, end))
    return [(s, e) for s, e in pieces if e > s]


def tokenize_words(text: str) -> list[tuple[int, int]]:
    from tokenize_uk import tokenize_words_with_spans

    return [(s, e) for _w, s, e in tokenize_words_with_spans(text)]


def _norm_range(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Original [start, end) -> normalised [start, end)."""
    return bisect.bisect_left(doc.norm_map, start), bisect.bisect_left(doc.norm_map, end)


@stage("segment", requires=("norm", "paragraphs"), assigns=("sentences", "tokens"))
def segment(doc: Document) -> Document:
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for p_index, para in enumerate(doc.paragraphs):
        n_start, n_end = _norm_range(doc, para.start, para.end)
        chunk = doc.norm[n_start:n_end]
        # A line break inside a paragraph only wraps its sentence (langid decided the breaks):
        # the splitter sees a space there, so "…, вважає\n \nпрем'єр …" stays one sentence.
        flat = _LINE_BREAK.sub(lambda m: " " * len(m.group()), chunk)
        for s_start, s_end in split_sentences(flat, para.language or doc.language):
            first = len(tokens)
            for w_start, w_end in tokenize_words(chunk[s_start:s_end]):
                a, b = n_start + s_start + w_start, n_start + s_start + w_end
                start, end = doc.to_original(a, b)
                tokens.append(
                    Token(len(tokens), doc.text[start:end], start, end, doc.norm[a:b], len(sentences))
                )
            if len(tokens) == first:
                continue
            start, end = doc.to_original(n_start + s_start, n_start + s_end)
            sentences.append(Sentence(start, end, first, len(tokens), p_index))
    doc.sentences, doc.tokens = sentences, tokens
    return doc
