"""Names introduced by a role: "представитель ГУР Юсов", "министр обороны Франции Себастьен
Лекорню". The role noun and its genitive complement say a person's name follows, even when the
name is one the dictionary and the model do not know (lone Russian surnames, foreign names).

The complement is lowercase genitive words, abbreviations (ГУР) and names the knowledge base
knows (Франции); the name is the one to three capitalised Cyrillic words after it.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

from .. import lang as langdata
from ..document import Document, Token
from ..resources import morph_analyzer

if TYPE_CHECKING:
    from .ner import Candidate

_MAX_COMPLEMENT = 4
_MAX_NAME = 3


@functools.cache
def role_lemmas(lang: str) -> frozenset[str]:
    roles = langdata.load(lang, "roles") if langdata.has(lang, "roles") else {}
    return frozenset(str(r).lower() for r in roles.get("roles") or [])


def _is_role(token: Token, lang: str) -> bool:
    found = {p.lemma for p in token.parses if p.pos == "NOUN"} | {token.norm.lower()}
    return bool(found & role_lemmas(lang)) and not token.text.isupper()


def _name_word(token: Token, lang: str, following: bool = False) -> bool:
    """A capitalised Cyrillic word that may be a name: the dictionary reads it as one, does not
    know it ("Лекорню"), or knows it only as no singular noun or adjective ("Юсов"); not the
    capitalised adjective or noun that opens an organisation's name ("Полтавської", "Президента")."""
    text = token.text
    if len(text) < 2 or not text[0].isupper() or not text[1:].replace("-", "").replace("'", "").islower():
        return False
    if not all("\u0400" <= ch <= "\u04ff" for ch in text if ch.isalpha()):
        return False
    if any(p.name_type == "Name" for p in token.parses):
        return True
    if lang in ("uk", "ru") and not morph_analyzer(lang).word_is_known(text.lower()):
        return True
    if any(p.pos == "ADJF" and not p.name_type for p in token.parses):
        return False  # "Полтавської" is an adjective first, whatever surname it may also be
    if following:
        return True  # a surname after a first name ("Анатол Статі"), whatever noun it spells
    if any(p.name_type for p in token.parses):
        return True
    return not any(p.pos == "NOUN" and p.number != "plur" for p in token.parses)


def _complement_word(token: Token, known: set[int]) -> bool:
    """A word of the role's complement: "обороны", "ГУР", "Франции" (known to the KB)."""
    if token.i in known or token.text.isupper() and token.text.isalpha():
        return True
    genitive = any(p.case == "gent" for p in token.parses)
    return token.text[:1].islower() and genitive


def role_name_spans(tokens: list[Token], lang: str, known: set[int]) -> list[tuple[int, int]]:
    """(start, end) character spans of names right after a role phrase. ``known``: indices of
    tokens the knowledge base already names (complement places and bodies)."""
    found = []
    for k, token in enumerate(tokens):
        if not _is_role(token, lang):
            continue
        j = k + 1
        while j < len(tokens) and j - k <= _MAX_COMPLEMENT and _complement_word(tokens[j], known):
            j += 1
        end = j
        while end < len(tokens) and end - j < _MAX_NAME and _name_word(tokens[end], lang, following=end > j):
            if tokens[end].i in known:
                break
            end += 1
        if end == j or end - j > _MAX_NAME - 1 and end < len(tokens) and _name_word(tokens[end], lang):
            continue
        found.append((tokens[j].start, tokens[end - 1].end))
    return found


def role_before_kb_name(doc: Document, cand: Candidate, kb_found: list[Candidate], starts: list[int]) -> bool:
    """A model span that is a role noun plus a KB name ("Президент Франции"): the name alone
    is the entity, the role is not part of it. ``kb_found``: the KB candidates by start."""
    if cand.origin != "model" or cand.label == "PER":
        return False
    at = bisect.bisect_right(starts, cand.start)
    inner = kb_found[at] if at < len(kb_found) else None
    if inner is None or inner.end > cand.end:
        return False
    lang = doc.paragraph_language(cand.start) or doc.language or "uk"
    before = doc.text[cand.start : inner.start].split()
    if len(before) > 2:  # "Генеральный секретарь" at most
        return False
    from .morph import analyse_word

    role = before[-1]
    lemmas = {p.lemma for p in analyse_word(lang, role) if p.pos in ("NOUN", None)} | {role.lower()}
    return bool(lemmas & role_lemmas(lang))


def outlet_before_person(cand: Candidate, kb_found: list[Candidate], starts: list[int]) -> Candidate | None:
    """The KB outlet a model PER span opens with ("Reuters Джон Сміт", "Bloomberg Лиам
    Деннинг"): a journalist's outlet glued before the name, not a part of it."""
    if cand.origin != "model" or cand.label != "PER":
        return None
    at = bisect.bisect_left(starts, cand.start)
    outlet = kb_found[at] if at < len(kb_found) else None
    if outlet is None or outlet.start != cand.start or outlet.end >= cand.end or outlet.label != "ORG":
        return None
    from ..kb import load_kb

    entry = load_kb().by_id.get(outlet.kb_id or "")
    return outlet if entry is not None and entry.media else None
