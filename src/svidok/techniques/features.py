"""Features shared by training and inference, so the two cannot drift apart.

Post features are hashed (CRC-32, stable across processes and platforms) into ``HASH_DIM``
columns: word unigrams and bigrams, 5-letter word stems (a cheap lemma that works for uk and
ru alike) and character 3–4-grams of the lowercased text (which also catch emoji, ``!!!`` and
capitals runs). Values are sublinear term frequencies; the model applies IDF and L2 norm.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass

HASH_BITS = 18
HASH_DIM = 1 << HASH_BITS
WORD = re.compile(r"\w+", re.UNICODE)
TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_FOLD = str.maketrans({"ё": "е", "’": "'", "ʼ": "'", "`": "'"})
_SPACES = re.compile(r"\s+")
STEM = 5
CHAR_NGRAMS = (3, 4)  # 2-5-grams: +0.005 macro-F1 on folds 0-2, at twice the cost of the stage


def fold(text: str) -> str:
    """Lowercase, ё→е, apostrophes unified: spelling variants of one word share features."""
    return text.lower().translate(_FOLD)


def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (HASH_DIM - 1)


def post_terms(text: str) -> Counter[str]:
    """Named features of a post with their counts (before hashing)."""
    folded = fold(text)
    words = WORD.findall(folded)
    terms: Counter[str] = Counter()
    terms.update(f"w:{w}" for w in words)
    terms.update(f"s:{w[:STEM]}" for w in words if len(w) > STEM)
    terms.update(f"b:{a} {b}" for a, b in itertools.pairwise(words))
    flat = _SPACES.sub(" ", folded)
    for n in CHAR_NGRAMS:
        terms.update(f"c:{flat[i:i + n]}" for i in range(len(flat) - n + 1))
    caps = sum(1 for w in WORD.findall(text) if len(w) > 2 and w.isupper())
    terms.update({"caps_words": min(caps, 5), "exclamations": min(text.count("!"), 5)})
    return terms


def hashed_features(text: str) -> dict[int, float]:
    """``column -> 1 + log(count)`` (colliding terms add up)."""
    columns: dict[int, float] = {}
    crc32, mask, log = zlib.crc32, HASH_DIM - 1, math.log  # inlined ``bucket``: ~10k terms a post
    for term, count in post_terms(text).items():
        if count > 0:
            col = crc32(term.encode("utf-8")) & mask
            columns[col] = columns.get(col, 0.0) + 1.0 + log(count)
    return columns


@dataclass(frozen=True, slots=True)
class WordToken:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return bool(WORD.fullmatch(self.text))


def tokenize(text: str) -> list[WordToken]:
    """Words and single punctuation marks with offsets into ``text``."""
    return [WordToken(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "UP"
    if word[:1].isupper():
        return "Cap"
    if word.isdigit():
        return "num"
    return "low" if word.isalpha() else "other"


def _single(token: WordToken) -> list[str]:
    low = fold(token.text)
    return [f"w={low}", f"st={low[:STEM]}", f"sf={low[-3:]}", f"sh={_shape(token.text)}"]


def token_features(text: str, tokens: list[WordToken]) -> list[list[str]]:
    """CRF features per token: the word and its neighbours, and where it sits in its line."""
    singles = [_single(t) for t in tokens]
    rows = []
    line_index = 0
    for i, token in enumerate(tokens):
        line_break = i > 0 and "\n" in text[tokens[i - 1].end : token.start]
        line_index = 0 if line_break else line_index + 1
        feats = ["bias", f"linepos={min(line_index, 6)}", *singles[i]]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(tokens):
                feats.extend(f"{offset}:{f}" for f in singles[j][:2])
            else:
                feats.append(f"{offset}:edge")
        if i > 0 and tokens[i - 1].text in ".!?…":
            feats.append("after_stop")
        rows.append(feats)
    return rows


def tokens_in_spans(tokens: list[WordToken], spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each token overlaps any of ``spans`` (character ranges)."""
    return [any(token.start < end and token.end > start for start, end in spans) for token in tokens]


def tokens_to_spans(tokens: list[WordToken], inside: list[bool]) -> list[tuple[int, int]]:
    """Runs of inside tokens as character ranges; a run is never opened or closed on punctuation."""
    spans = []
    run: list[WordToken] = []
    for token, flag in zip([*tokens, None], [*inside, False]):
        if flag and token is not None:
            run.append(token)
            continue
        words = [t for t in run if t.is_word]
        if words:
            spans.append((words[0].start, words[-1].end))
        run = []
    return spans
