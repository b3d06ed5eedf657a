"""Stage 5a: statistical NER (a CRF trained on NER-UK 2.0). Adds ``model_mentions``.

The model is a linear-chain CRF (python-crfsuite) over BIO labels. Its features come from our
own tokens and morphology (``token.parses``), so training (``training/ner/train.py``) and
inference share :func:`sentence_features`. The weights ship gzipped in ``models/ner_uk/``
and are loaded once per process.
"""

from __future__ import annotations

import functools
import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from .. import lang as langdata
from ..document import Document, Mention, Token
from ..errors import ModelError, missing_dependency
from ..pipeline import stage

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "ner_uk" / "ner_uk.crfsuite.gz"
# Paragraph languages the model runs on: trained on uk; the features are script-neutral enough
# that ru text gets usable (unmeasured) tags.
MODEL_LANGS = frozenset({"uk", "ru"})
LABEL_MAP = {"PERS": "PER"}
_SHAPE_RUNS = re.compile(r"(.)\1{2,}")
_TAGS_OF_INTEREST = ("Geox", "Orgn", "Abbr", "Name", "Surn", "Patr", "Fixd", "anim", "inan")


def word_shape(word: str) -> str:
    """``Зеленський`` -> ``Xxx``, ``ЗСУ`` -> ``XXX``, ``7,08`` -> ``d,d``."""
    shape = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUNS.sub(r"\1\1\1", shape)


@functools.lru_cache(maxsize=100_000)
def _word_features(norm: str) -> tuple[str, ...]:
    """Features of the surface alone (cached: news repeats words)."""
    low = norm.lower()
    feats = [f"w={low}", f"sh={word_shape(norm)}", f"s2={low[-2:]}", f"s3={low[-3:]}", f"s4={low[-4:]}",
             f"p3={low[:3]}", f"len={min(len(norm), 8)}"]
    if norm[:1].isupper():
        feats.append("title" if norm[1:].islower() or len(norm) == 1 else "caps" if norm.isupper() else "mixcap")
    if any(c.isdigit() for c in norm):
        feats.append("digit")
    if "-" in norm:
        feats.append("hyphen")
    return tuple(feats)


def _morph_features(token: Token) -> list[str]:
    best = token.parses[0] if token.parses else None
    if best is None:
        return ["pos=None"]
    feats = [f"lem={best.lemma}", f"pos={best.pos}", f"case={best.case}", f"nt={best.name_type}"]
    feats.extend(f"g={tag}" for tag in _TAGS_OF_INTEREST if tag in best.grammemes)
    any_names = {p.name_type for p in token.parses if p.name_type}
    feats.extend(f"anynt={nt}" for nt in any_names)
    if any("Geox" in p.grammemes for p in token.parses):
        feats.append("anygeox")
    return feats


@functools.cache
def _place_lemmas() -> frozenset[str]:
    return frozenset(langdata.load_lines("uk", "place_lemmas"))


@dataclass(frozen=True)
class DocContext:
    """What the rest of the document says about a word form (case usage elsewhere)."""

    lowercase: frozenset[str] = frozenset()  # forms seen written in lowercase
    capitalised: frozenset[str] = frozenset()  # forms seen capitalised inside a sentence


def doc_context(doc: Document) -> DocContext:
    lower, upper = set(), set()
    for sent in doc.sentences:
        for token in doc.tokens[sent.token_start + 1 : sent.token_end]:
            form = token.norm
            if form.islower():
                lower.add(form)
            elif form[:1].isupper():
                upper.add(form.lower())
    return DocContext(frozenset(lower), frozenset(upper))


def _token_features(token: Token, first_in_sentence: bool, in_quotes: bool, context: DocContext) -> list[str]:
    feats = list(_word_features(token.norm))
    feats.extend(_morph_features(token))
    if first_in_sentence:
        feats.append("BOS")
    if in_quotes:
        feats.append("inq")
    if token.norm[:1].isupper():
        low = token.norm.lower()
        if low in context.lowercase:
            feats.append("doclow")
        if low in context.capitalised:
            feats.append("doccap")
    if any(p.lemma.lower() in _place_lemmas() for p in token.parses[:3]):
        feats.append("gplace")
    return feats


# Which of a neighbour's features are copied to the current token, by prefix.
_CONTEXT_KEYS = {
    1: ("w=", "sh=", "pos=", "case=", "nt=", "lem=", "s3=", "title", "caps", "g=", "anynt=", "gplace", "doc"),
    2: ("w=", "sh=", "pos=", "title", "caps"),
}


def sentence_features(tokens: list[Token], context: DocContext = DocContext()) -> list[list[str]]:
    """CRF feature strings for each token of one sentence (own + neighbours' features)."""
    own = []
    quote_depth = 0
    for k, token in enumerate(tokens):
        own.append(_token_features(token, k == 0, quote_depth > 0, context))
        if token.norm == "«":
            quote_depth += 1
        elif token.norm == "»":
            quote_depth = max(quote_depth - 1, 0)
    out = []
    for k, feats in enumerate(own):
        row = ["bias", *feats]
        for offset in (-2, -1, 1, 2):
            j = k + offset
            if not 0 <= j < len(own):
                row.append(f"{offset}:pad")
                continue
            keys = _CONTEXT_KEYS[abs(offset)]
            row.extend(f"{offset}:{f}" for f in own[j] if f.startswith(keys))
        if k > 0:
            row.append(f"bi={tokens[k - 1].norm.lower()}|{tokens[k].norm.lower()}")
        out.append(row)
    return out


class _LoadedTagger:
    """A tagger opened in memory, holding the model bytes it reads from (crfsuite does not copy them)."""

    def __init__(self, tagger, data: bytes):
        self._tagger, self._data = tagger, data
        self.tag, self.marginal = tagger.tag, tagger.marginal


@functools.cache
def load_tagger(path: Path = MODEL_PATH) -> _LoadedTagger:
    """The CRF tagger, read once per process from the gzipped model file."""
    try:
        import pycrfsuite
    except ImportError as exc:
        raise missing_dependency("python-crfsuite", "the NER model") from exc
    if not path.is_file():
        raise ModelError(f"NER model file {path} is missing: reinstall svidok or run training/ner/train.py")
    tagger = pycrfsuite.Tagger()
    try:
        data = gzip.decompress(path.read_bytes())
        tagger.open_inmemory(data)
    except (OSError, ValueError, EOFError) as exc:
        raise ModelError(f"NER model file {path} is corrupt ({exc}): reinstall svidok") from exc
    return _LoadedTagger(tagger, data)


def decode_bio(labels: list[str]) -> list[tuple[int, int, str]]:
    """``[B-PER, I-PER, O, I-LOC]`` -> ``[(0, 2, PER), (3, 4, LOC)]`` (token index ranges)."""
    spans = []
    start, current = None, None
    for i, label in enumerate([*labels, "O"]):
        tag, _, kind = label.partition("-")
        if current is not None and (tag != "I" or kind != current):
            spans.append((start, i, current))
            current = None
        if tag == "B" or (tag == "I" and current is None):
            start, current = i, kind
    return spans


def _tag_sentence(doc: Document, tokens: list[Token], context: DocContext) -> list[Mention]:
    tagger = load_tagger()
    labels = tagger.tag(sentence_features(tokens, context))
    mentions = []
    for first, last, kind in decode_bio(labels):
        start, end = tokens[first].start, tokens[last - 1].end
        score = min(tagger.marginal(labels[i], i) for i in range(first, last))
        mentions.append(Mention(doc.text[start:end], start, end, LABEL_MAP.get(kind, kind),
                                origin="model", score=round(score, 4)))
    return mentions


def _sentence_language(doc: Document, paragraph: int) -> str | None:
    if 0 <= paragraph < len(doc.paragraphs):
        return doc.paragraphs[paragraph].language or doc.language
    return doc.language


@stage("ner_model", requires=("tokens", "lemmas"), assigns=("model_mentions",))
def ner_model(doc: Document) -> Document:
    mentions = []
    context = doc_context(doc)
    for sent in doc.sentences:
        tokens = doc.tokens[sent.token_start : sent.token_end]
        if tokens and _sentence_language(doc, sent.paragraph) in MODEL_LANGS:
            mentions.extend(_tag_sentence(doc, tokens, context))
    doc.model_mentions = mentions
    return doc
