"""Grammar the speaker finders share: who a phrase can be the subject of (agreement with the
verb), noun phrases, nominative names, and the role phrase before a name."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Entity, Token
from ..resources import morph_analyzer
from .context import Context, NameSpan
from .lexicon import has_case, is_word, lemmas, speech_register

# Words that may sit inside a role phrase ("Посол України в США", "Глава МЗС рф").
_ROLE_POS = frozenset({"NOUN", "ADJF", "NUMR", None})
_ROLE_LINKS = frozenset({"в", "у", "при", "з", "із", "of", "at", "for", "the"})
_MAX_ROLE_TOKENS = 8
_PLACE_LINKS = frozenset({"в", "у", "при", "in", "at"})


@dataclass
class Speaker:
    entity: Entity | None = None
    name: str | None = None
    role: str | None = None


def _verb_features(token: Token) -> tuple[str | None, str | None]:
    best = token.best
    if best is None:
        return None, None
    return best.gender, best.number


def noun_features(tokens: list[Token]) -> tuple[set[str], set[str]]:
    head = tokens[-1]
    parses = [p for p in head.parses if p.case in (None, "nomn")] or list(head.parses)
    numbers = {p.number for p in parses if p.number}
    if any(p.case is None and p.number is None for p in parses):
        numbers = set()  # a reading with no case or number ("Видання"): either number
    elif any(p.case == "nomn" and p.number is None for p in parses):
        numbers.add("sing")  # "відділення": the analyser leaves the singular's number unset
    genders = {p.gender for p in parses if p.gender}
    if any(p.gender is None and p.number == "sing" and p.pos == "NOUN" for p in parses):
        genders = set()  # a noun of common gender (ru "глава", "судья"): either
    return genders, numbers


def compatible(verb: Token | None, genders: set[str], numbers: set[str], plural: bool = False) -> bool:
    if verb is None:  # a cue phrase ("за словами X") does not agree with anything
        return True
    v_gender, v_number = _verb_features(verb)
    if verb.pos == "GRND" or (v_gender is None and v_number is None):
        return True
    if v_number == "plur" or plural:
        return v_number == "plur" and (plural or "plur" in numbers or not numbers and not genders)
    if numbers == {"plur"}:
        return False
    return not genders or v_gender is None or v_gender in genders or "ms-f" in genders


def role_before(ctx: Context, first: int) -> tuple[int, int] | None:
    """The role phrase right before a name ("Колишній ректор … рф" before "Алєксандр Яковенко")."""
    lo, _ = ctx.sentence_range(first)
    start, i = first, first - 1
    if i > lo and ctx.tokens[i].norm.lower() in ctx.lex(i).copulas:
        start, i = i, i - 1  # "Міським головою Лимана є Петро Цимідан"
    while i >= lo and first - i <= _MAX_ROLE_TOKENS:
        token = ctx.tokens[i]
        opened = _title_opening(ctx, i)
        if opened is not None and opened >= lo:
            start, i = opened, opened - 1  # директора «Національного туристичного офісу»
            continue
        if not is_word(token) or token.pos not in _ROLE_POS and token.norm.lower() not in _ROLE_LINKS:
            break
        if i in ctx.name_at and ctx.name_at[i].type == "PER" and nominative(token):
            break  # another person's name, not a complement like "Переговорник путіна"
        start, i = i, i - 1
    lex = ctx.lex(first)
    role_at = next((j for j in range(start, first) if lemmas(ctx.tokens[j]) & lex.roles), None)
    if role_at is None or not _may_agree(ctx.tokens[role_at], ctx.tokens[first]):
        return None  # "сказав журналістам у Києві Зеленський": the addressee is no role of his
    while role_at > start and (ctx.tokens[role_at - 1].pos == "ADJF" or _modifier(ctx, role_at - 1)):
        role_at -= 1  # "Колишній ректор", "Kremlin spokesman", "Ukrainian President"
    last = first - 2 if start < first and ctx.tokens[first - 1].norm.lower() in lex.copulas else first - 1
    return role_at, last


def _may_agree(role: Token, name: Token) -> bool:
    """Not a role noun that can only be the addressee (dative) before a name that cannot be:
    "сказав журналістам у Києві Зеленський". (A full case agreement test costs more than it
    gains: the analyser often misses the case of unknown surnames.)"""
    role_cases = {p.case for p in role.parses if p.case}
    return role_cases != {"datv"} or any(p.case in (None, "datv") for p in name.parses) or not name.parses


def _modifier(ctx: Context, i: int) -> bool:
    """A word before a role noun that modifies it where the language has no adjective tags and
    puts bodies' names before roles (English: "Kremlin spokesman", "Ukrainian President")."""
    token, lex = ctx.tokens[i], ctx.lex(i)
    if not lex.names_modify_roles or token.norm.lower() in _ROLE_LINKS or speech_register(lex, token):
        return False  # "said NATO Secretary General …": the verb is no part of the role
    span = ctx.name_at.get(i)
    return span.type not in ("PER", "PERS") if span is not None else is_word(token)


def _title_opening(ctx: Context, close: int) -> int | None:
    """The opening mark of a short quoted title ending at ``close``, if there is one."""
    if ctx.tokens[close].norm != "»":
        return None
    span = next((q for q in ctx.quote_spans if q.close_tok == close), None)
    return span.open_tok if span is not None and close - span.open_tok <= _MAX_ROLE_TOKENS else None


def noun_phrase(ctx: Context, head: int, stop: int) -> tuple[int, int]:
    """Adjectives before ``head`` and genitive complements after it, short of ``stop``."""
    first, last = head, head
    while (
        first > 0
        and ctx.tokens[first - 1].pos == "ADJF"
        and ctx.tokens[first - 1].sent == ctx.tokens[head].sent
    ):
        first -= 1
    while last + 1 < stop:
        nxt = ctx.tokens[last + 1]
        if (
            nxt.norm.lower() in _PLACE_LINKS
            and last + 2 < stop
            and ctx.tokens[last + 2].pos in ("NOUN", None)
        ):
            last += 2  # "Джерела в уряді", "Представники у Кремлі"
            continue
        if not is_word(nxt) or nxt.pos not in ("NOUN", "ADJF", None) or not _genitive_or_name(nxt):
            break
        last += 1
    return first, last


def _genitive_or_name(token: Token) -> bool:
    cases = {p.case for p in token.parses if p.case}
    return not cases or "gent" in cases or token.is_title


def nominative_name(ctx: Context, span: NameSpan, last_word: bool = False) -> bool:
    """Whether a name reads as a subject: a word of it (or its last) has a nominative reading,
    or it is written exactly as its entity's nominative name ("Юсов", "Себастьен Лекорню",
    which the dictionary only guesses at)."""
    words = [ctx.tokens[span.last]] if last_word else ctx.tokens[span.first : span.last + 1]
    if any(nominative(t) for t in words):
        return True
    as_entity = span.entity is not None and span.surface == span.entity.name
    return as_entity and not _known_oblique(ctx, ctx.tokens[span.first])  # "Анатол Статі" ok


def _known_oblique(ctx: Context, token: Token) -> bool:
    """A dictionary word read as a singular noun in another case ("Президента")."""
    lang = ctx.doc.language if ctx.doc.language in ("uk", "ru") else "uk"
    if not morph_analyzer(lang).word_is_known(token.text.lower()):
        return False
    return any(p.pos == "NOUN" and p.number != "plur" and p.case not in (None, "nomn") for p in token.parses)


def nominative(token: Token) -> bool:
    return has_case(token, "nomn")


def after_preposition(ctx: Context, first: int) -> bool:
    """Governed by a preposition, right before or past a possessive or an adjective ("в своем
    Telegram написал", "у власному Facebook")."""
    k, possessives = first - 1, ctx.lex(first).possessives
    while k > 0 and first - k <= 2 and lemmas(ctx.tokens[k]) & possessives:
        k -= 1
    return k >= 0 and ctx.tokens[k].pos == "PREP"
