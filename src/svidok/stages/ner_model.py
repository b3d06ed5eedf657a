"""Stage 5a: statistical NER (a CRF trained on NER-UK 2.0). Adds ``model_mentions``.

The model is a linear-chain CRF (python-crfsuite) over BIO labels. Its features come from our
own tokens and morphology (``token.parses``), so training (``training/ner/train.py``) and
inference share :func:`sentence_features`. Two passes: a second CRF relabels each sentence
with the first pass's labels for the rest of the document as extra features (``ner_document.py``).
The weights ship gzipped in ``models/ner_uk/`` and are loaded once per process.
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
from .ner_document import decode_bio, document_features, org_head_features, with_neighbours

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "ner_uk" / "ner_uk.crfsuite.gz"
# Paragraph languages the model runs on: trained on uk; the features are script-neutral enough
# that ru text gets usable (unmeasured) tags.
MODEL_LANGS = frozenset({"uk", "ru"})
CLUSTERS_PATH = MODEL_PATH.with_name("clusters.tsv.gz")  # built by training/ner/clusters.py
# The second pass (ner_document.py): relabels sentences seeing the first pass's document-level labels.
SECOND_MODEL_PATH = MODEL_PATH.with_name("ner_uk_doc.crfsuite.gz")
# Trained and measured on uk. In ru text its document votes spread the first pass's errors
# (eval/heldout: Новороссийск, Израиль as PER in every sentence), so ru keeps the first pass.
SECOND_PASS_LANGS = frozenset({"uk"})
LABEL_MAP = {"PERS": "PER"}
_APOSTROPHES = str.maketrans("’ʼ`", "'''")
_SHAPE_RUNS = re.compile(r"(.)\1{2,}")
_TAGS_OF_INTEREST = ("Geox", "Orgn", "Abbr", "Name", "Surn", "Patr", "Fixd", "anim", "inan")


def word_shape(word: str) -> str:
    """``Зеленський`` -> ``Xxx``, ``ЗСУ`` -> ``XXX``, ``7,08`` -> ``d,d``."""
    shape = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUNS.sub(r"\1\1\1", shape)


def cluster_key(word: str) -> str:
    return word.lower().translate(_APOSTROPHES)


@functools.cache
def word_clusters(path: Path = CLUSTERS_PATH) -> dict[str, tuple[str, str]]:
    """``word -> (coarse, fine)`` cluster ids, computed from unlabelled text at training time."""
    if not path.is_file():
        raise ModelError(
            f"NER word clusters {path} are missing: reinstall svidok or run training/ner/clusters.py"
        )
    try:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
        return {word: (coarse, fine) for word, coarse, fine in (line.split("\t") for line in lines)}
    except (OSError, ValueError, EOFError) as exc:
        raise ModelError(f"NER word clusters {path} are corrupt ({exc}): reinstall svidok") from exc


@functools.lru_cache(maxsize=100_000)
def _word_features(norm: str) -> tuple[str, ...]:
    """Features of the surface alone (cached: news repeats words)."""
    low = norm.lower()
    feats = [
        f"w={low}",
        f"sh={word_shape(norm)}",
        f"s2={low[-2:]}",
        f"s3={low[-3:]}",
        f"s4={low[-4:]}",
        f"p3={low[:3]}",
        f"len={min(len(norm), 8)}",
    ]
    if norm[:1].isupper():
        feats.append(
            "title" if norm[1:].islower() or len(norm) == 1 else "caps" if norm.isupper() else "mixcap"
        )
    if any(c.isdigit() for c in norm):
        feats.append("digit")
    if "-" in norm:
        feats.append("hyphen")
    clusters = word_clusters().get(cluster_key(norm))
    if clusters:
        feats += [f"c1={clusters[0]}", f"c2={clusters[1]}"]
    return tuple(feats)


def _morph_features(token: Token) -> list[str]:
    best = token.parses[0] if token.parses else None
    if best is None:
        return ["pos=None"]
    feats = [f"lem={best.lemma}", f"pos={best.pos}", f"case={best.case}", f"nt={best.name_type}"]
    lemma_clusters = word_clusters().get(cluster_key(best.lemma))
    if lemma_clusters:
        feats += [f"lc1={lemma_clusters[0]}", f"lc2={lemma_clusters[1]}"]
    feats.extend(f"g={tag}" for tag in _TAGS_OF_INTEREST if tag in best.grammemes)
    any_names = sorted({p.name_type for p in token.parses if p.name_type})  # a fixed order in every process
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


def _token_features(
    token: Token, first_in_sentence: bool, quotes: list[str], context: DocContext
) -> list[str]:
    feats = list(_word_features(token.norm))
    feats.extend(_morph_features(token))
    feats.extend(quotes)
    if first_in_sentence:
        feats.append("BOS")
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
    1: (
        "w=",
        "sh=",
        "pos=",
        "case=",
        "nt=",
        "lem=",
        "s3=",
        "title",
        "caps",
        "g=",
        "anynt=",
        "gplace",
        "doc",
        "inq",
        "qclose",
        "c1=",
        "c2=",
        "lc2=",
    ),
    2: ("w=", "sh=", "pos=", "title", "caps", "c1="),
}


def _quote_features(tokens: list[Token]) -> list[list[str]]:
    """Per token: inside «...»? and the word before the opening « (ТОВ «...», компанія «...»)."""
    out: list[list[str]] = []
    opener: int | None = None
    for k, token in enumerate(tokens):
        feats = []
        if opener is not None:
            head = tokens[opener - 1].norm.lower() if opener > 0 else "^"
            feats += ["inq", f"qhead={head}"]
        if token.norm == "«":
            opener = k
        elif token.norm == "»" and opener is not None:
            feats.append("qclose")
            opener = None
        out.append(feats)
    return out


@functools.lru_cache(maxsize=100_000)
def _neighbour_word_features(norm: str, distance: int) -> tuple[str, ...]:
    keys = _CONTEXT_KEYS[distance]
    return tuple(f for f in _word_features(norm) if f.startswith(keys))


def _neighbour_features(norm: str, feats: list[str], distance: int) -> list[str]:
    """The features of a token its neighbours at ``distance`` copy (``feats`` starts with the
    token's surface features, as :func:`_token_features` builds it)."""
    keys = _CONTEXT_KEYS[distance]
    rest = feats[len(_word_features(norm)) :]
    return [*_neighbour_word_features(norm, distance), *(f for f in rest if f.startswith(keys))]


def sentence_features(tokens: list[Token], context: DocContext = DocContext()) -> list[list[str]]:
    """CRF feature strings for each token of one sentence (own + neighbours' features)."""
    quotes = _quote_features(tokens)
    own = [_token_features(token, k == 0, quotes[k], context) for k, token in enumerate(tokens)]
    # each token is a neighbour of up to four others: filter its features once per distance,
    # the surface features once per word form
    shared = {
        d: [_neighbour_features(t.norm, feats, d) for t, feats in zip(tokens, own)] for d in _CONTEXT_KEYS
    }
    out = []
    for k, feats in enumerate(own):
        row = ["bias", *feats]
        for offset in (-2, -1, 1, 2):
            j = k + offset
            if not 0 <= j < len(own):
                row.append(f"{offset}:pad")
                continue
            row.extend([f"{offset}:{f}" for f in shared[abs(offset)][j]])
        if k > 0:
            row.append(f"bi={tokens[k - 1].norm.lower()}|{tokens[k].norm.lower()}")
        out.append(row)
    return out


def balance_quotes(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Widen or trim a token range so its «» pair up: ``ТОВ «Альфа`` -> ``ТОВ «Альфа»``."""
    norms = [t.norm for t in tokens[first:last]]
    opened = norms.count("«") - norms.count("»")
    if opened > 0 and last < len(tokens) and tokens[last].norm == "»":
        return first, last + 1
    if opened < 0 and norms[-1] == "»" and last - first > 1:
        return first, last - 1
    return first, last


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


def _sentence_mentions(doc: Document, tokens: list[Token], features: list[list[str]], tagger) -> list[Mention]:
    labels = tagger.tag(features)
    mentions = []
    for first, last, kind in decode_bio(labels):
        score = min(tagger.marginal(labels[i], i) for i in range(first, last))
        first, last = balance_quotes(tokens, first, last)
        start, end = tokens[first].start, tokens[last - 1].end
        mentions.append(
            Mention(
                doc.text[start:end],
                start,
                end,
                LABEL_MAP.get(kind, kind),
                origin="model",
                score=round(score, 4),
            )
        )
    return mentions


def _sentence_language(doc: Document, paragraph: int) -> str | None:
    if 0 <= paragraph < len(doc.paragraphs):
        return doc.paragraphs[paragraph].language or doc.language
    return doc.language


def model_sentences(doc: Document) -> list[tuple[int, list[list[str]]]]:
    """``(first token index, features)`` of each sentence the model tags (supported languages)."""
    context = doc_context(doc)
    return [
        (sent.token_start, sentence_features(doc.tokens[sent.token_start : sent.token_end], context))
        for sent in doc.sentences
        if sent.token_end > sent.token_start and _sentence_language(doc, sent.paragraph) in MODEL_LANGS
    ]


def first_pass_labels(doc: Document, sentences: list[tuple[int, list[list[str]]]], tagger) -> list[str]:
    """One BIO label per token of ``doc`` (``O`` outside the tagged sentences)."""
    labels = ["O"] * len(doc.tokens)
    for first, features in sentences:
        labels[first : first + len(features)] = tagger.tag(features)
    return labels


def _wide_context(tokens: list[Token]) -> list[list[str]]:
    """Shape and lemma of the tokens three places away (the first pass sees two either side)."""
    # _word_features is cached per word form; its second feature is the shape
    keys = [(_word_features(t.norm)[1], f"lem={t.parses[0].lemma if t.parses else t.norm}") for t in tokens]
    out = []
    for k in range(len(tokens)):
        row = []
        for offset in (-3, 3):
            j = k + offset
            row.extend([f"{offset}:{f}" for f in keys[j]] if 0 <= j < len(tokens) else [f"{offset}:pad"])
        out.append(row)
    return out


_EVIDENCE = ("dany=", "dent=")  # document features that point to an entity


def _quiet(labels: list[str], doc_features: list[list[str]], heads: list[list[str]]) -> bool:
    """No first-pass entity, no entity elsewhere in the document for its words, no organisation head."""
    return (
        all(label == "O" for label in labels)
        and not any(f.startswith(_EVIDENCE) for row in doc_features for f in row)
        and not any("ohead" in row for row in heads)
    )


def second_pass_features(
    doc: Document, sentences: list[tuple[int, list[list[str]]]], labels: list[str], skip_quiet: bool = False
) -> list[tuple[int, list[list[str]]]]:
    """The sentences' features extended with what the first pass said about the whole document,
    organisation heads and a wider window. ``skip_quiet`` leaves out the sentences that have no
    mention to give (:func:`_quiet`): at inference they would cost a second tagging for nothing
    (leaving them out changed no TEST mention; 43% of its sentences)."""
    per_token = document_features(doc, labels)
    out = []
    for first, features in sentences:
        last = first + len(features)
        tokens, doc_features, heads = doc.tokens[first:last], per_token[first:last], org_head_features(doc.tokens[first:last])
        if skip_quiet and _quiet(labels[first:last], doc_features, heads):
            continue
        extras = zip(with_neighbours(doc_features), heads, _wide_context(tokens))
        out.append((first, [own + a + b + c for own, (a, b, c) in zip(features, extras)]))
    return out


def _sentence_language_at(doc: Document, first: int) -> str | None:
    return _sentence_language(doc, doc.sentences[doc.tokens[first].sent].paragraph)


def tag_document(doc: Document, tagger, second=None) -> list[Mention]:
    """Mentions found by ``tagger`` (a crfsuite Tagger) in the sentences of supported languages;
    with ``second``, a second tagger relabels the sentences of :data:`SECOND_PASS_LANGS` seeing
    the first pass's document-level labels."""
    sentences = model_sentences(doc)
    passes = [(sentences, tagger)]
    if second is not None:
        labels = first_pass_labels(doc, sentences, tagger)
        relabel = [s for s in sentences if _sentence_language_at(doc, s[0]) in SECOND_PASS_LANGS]
        passes = [
            ([s for s in sentences if _sentence_language_at(doc, s[0]) not in SECOND_PASS_LANGS], tagger),
            (second_pass_features(doc, relabel, labels, skip_quiet=True), second),
        ]
    mentions = []
    for batch, batch_tagger in passes:
        for first, features in batch:
            tokens = doc.tokens[first : first + len(features)]
            mentions.extend(_sentence_mentions(doc, tokens, features, batch_tagger))
    return sorted(mentions, key=lambda m: m.start)


@stage("ner_model", requires=("tokens", "lemmas"), assigns=("model_mentions",))
def ner_model(doc: Document) -> Document:
    doc.model_mentions = tag_document(doc, load_tagger(), load_tagger(SECOND_MODEL_PATH))
    return doc
