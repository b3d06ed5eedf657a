"""The lemma text that full-text search indexes, and query strings turned into the same terms.

An article's lemma text is the space-joined lemmas of its word tokens, folded with
``search_fold.yaml`` so Ukrainian and Russian spellings of a lemma meet. A query goes through
the same first pipeline stages; each query word becomes a set of alternative terms (its lemma
in context, plus its dictionary lemma in uk and ru when the word is known there). Terms are
plain words only: nothing the user typed is ever passed on as query syntax.
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from ..document import Document

MAX_QUERY_WORDS = 32
_QUERY_STAGES = ["langid", "normalize", "segment", "morph"]
_DICTIONARY_LANGS = ("uk", "ru")


@functools.cache
def _fold_table() -> dict[int, str]:
    text = resources.files(__package__).joinpath("search_fold.yaml").read_text(encoding="utf-8")
    return str.maketrans({str(k): str(v) for k, v in yaml.safe_load(text).items()})


def search_fold(word: str) -> str:
    return word.lower().translate(_fold_table())


def _is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def lemma_text(doc: Document) -> str:
    """Space-joined, folded lemmas of the word tokens of an analysed document."""
    words = (search_fold(t.lemma or t.norm or t.text) for t in doc.tokens)
    return " ".join(w for w in words if _is_word(w))


@functools.cache
def _query_pipeline():
    import svidok

    return svidok.load_pipeline(_QUERY_STAGES)


def query_terms(query: str, language: str | None = None) -> list[frozenset[str]]:
    """One set of alternative terms per query word (at most MAX_QUERY_WORDS words)."""
    doc = _query_pipeline()(Document(text=query, id="query", language=language))
    terms: list[frozenset[str]] = []
    for token in doc.tokens:
        if not _is_word(token.norm):
            continue
        options = {search_fold(token.lemma or token.norm)}
        options.update(search_fold(lemma) for lemma in _dictionary_lemmas(token.norm))
        options = {o for o in options if _is_word(o)}
        if options:
            terms.append(frozenset(options))
        if len(terms) == MAX_QUERY_WORDS:
            break
    return terms


def _dictionary_lemmas(word: str) -> list[str]:
    """The first dictionary lemma of ``word`` in each Cyrillic language that knows it."""
    if not any("а" <= ch.lower() <= "я" or ch.lower() in "іїєґё" for ch in word):
        return []
    from ..resources import morph_analyzer

    lemmas = []
    for lang in _DICTIONARY_LANGS:
        analyzer = morph_analyzer(lang)
        if analyzer.word_is_known(word.lower()):
            lemmas.append(analyzer.parse(word)[0].normal_form)
    return lemmas
