"""Find knowledge-base aliases in a tokenised sentence, through inflection.

An alias word matches a token when the token's surface or one of its lemmas equals the alias
word or one of the alias word's lemmas ("Міністерства закордонних справ" matches the alias
"Міністерство закордонних справ"). Case rules keep common words out: an alias matches only a
capitalised token unless its entry is marked ``lc``; an all-caps alias matches only an all-caps
token ("AP", not "ap") unless marked ``lc``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from ..document import Token
from . import KBEntry, load_kb

_WORD = re.compile(r"[\w'’ʼ.+-]+|[^\w\s]")
_MORPH_LANGS = ("uk", "ru")
_NOMINAL = (None, "NOUN", "ADJF")  # verbs and pronouns share lemmas with names ("Малі" ~ мати)


@dataclass(frozen=True, slots=True)
class Alias:
    entry: KBEntry
    words: tuple[frozenset[str], ...]  # acceptable forms of each alias word
    all_caps: bool


@dataclass(slots=True)
class KBMatch:
    start: int  # token index
    end: int  # one past the last token
    entry: KBEntry


def fold(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'").replace("ё", "е")


def token_forms(token: Token) -> frozenset[str]:
    forms = {fold(token.norm)}
    forms.update(fold(p.lemma) for p in token.parses[:4] if p.pos in _NOMINAL)
    return frozenset(forms)


def _word_forms(word: str, lang: str) -> frozenset[str]:
    forms = {fold(word)}
    if lang in _MORPH_LANGS and re.search("[а-яіїєґё]", word.lower()):
        from ..stages.morph import analyse_word

        parses = analyse_word(lang, word)
        folded = fold(word)
        forms.update(
            fold(p.lemma)
            for p in parses[:2]
            if p.case in (None, "nomn") and p.pos in _NOMINAL and fold(p.lemma)[:2] == folded[:2]
        )
    return frozenset(forms)


@functools.cache
def alias_index(lang: str) -> dict[str, list[Alias]]:
    """First-word form -> aliases starting with it, longest first (built once per language)."""
    index: dict[str, list[Alias]] = defaultdict(list)
    for entry in load_kb().entries:
        for name in entry.names:
            words = [w for w in _WORD.findall(name.replace("«", "").replace("»", "")) if w != '"']
            if not words:
                continue
            forms = tuple(_word_forms(w, lang) for w in words)
            alias = Alias(entry, forms, name.isupper() and len(name) > 1)
            for form in forms[0]:
                index[form].append(alias)
    for aliases in index.values():
        aliases.sort(key=lambda a: -len(a.words))
    return dict(index)


def _case_ok(alias: Alias, first: Token) -> bool:
    if alias.entry.lowercase:
        return True
    if alias.all_caps:
        return first.text.isupper()
    return first.text[:1].isupper()


def _match_at(tokens: list[Token], i: int, candidates: list[Alias]) -> KBMatch | None:
    for alias in candidates:
        n = len(alias.words)
        if i + n > len(tokens) or not _case_ok(alias, tokens[i]):
            continue
        if all(token_forms(tokens[i + k]) & alias.words[k] for k in range(1, n)):
            return KBMatch(i, i + n, alias.entry)
    return None


def find_aliases(tokens: list[Token], lang: str) -> list[KBMatch]:
    """Longest alias matches, left to right, not overlapping."""
    index = alias_index(lang if lang in _MORPH_LANGS else "en")
    matches, i = [], 0
    while i < len(tokens):
        candidates = []
        for form in sorted(token_forms(tokens[i])):  # sorted: a set's order changes per process
            candidates += index.get(form, [])
        candidates.sort(key=lambda a: -len(a.words))
        found = _match_at(tokens, i, candidates) if candidates else None
        if found:
            matches.append(found)
            i = found.end
        else:
            i += 1
    return matches
