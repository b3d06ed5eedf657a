"""Stage 4: lemmas and grammatical readings (pymorphy3 for uk and ru, simplemma for en).

pymorphy3's Ukrainian dictionary lists parses without probabilities, so readings are ranked
here from evidence in the text:

* capitalisation: a capitalised word inside a sentence is likely a name (Name/Surn/Patr,
  geographical or organisation tags, abbreviations); a lowercase one less likely so;
* government: a preposition before the word selects its case ("на Алясці" -> locative),
  from each language's ``prepositions.yaml``;
* agreement: an adjective before a noun shares its case ("російським диктатором");
* places: the uk dictionary has no place tag, so a list of place names
  (``place_lemmas.txt``) prefers "Київ" to the personal name "Кий" for "Києві";
* rarity: vocative and archaic/alternative readings are rare in news.

Parses of a word form are computed once per process and cached; only the ranking is per token.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import lang as langdata
from ..document import Document, Parse, Token
from ..pipeline import stage
from ..resources import morph_analyzer

NAME_TYPES = ("Name", "Surn", "Patr")
PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"})
RARE_TAGS = frozenset({"Arch", "Slng", "Infr", "alt", "Erro", "Dist"})
# Function words share spellings with rare nouns (до, про, як, вона ~ вон); in running text the
# function-word reading is the likely one.
CLOSED_CLASSES = frozenset({"NPRO", "PREP", "CONJ", "PRCL"})
_MORPH_LANGS = ("uk", "ru")


def _to_parse(p) -> Parse:
    tag = p.tag
    grammemes = frozenset(tag.grammemes)
    name_type = next((t for t in NAME_TYPES if t in grammemes), None)
    return Parse(
        lemma=p.normal_form,
        pos=tag.POS,
        case=tag.case,
        gender=tag.gender,
        number=tag.number,
        animacy=tag.animacy,
        name_type=name_type,
        grammemes=grammemes,
        score=float(p.score),
    )


@functools.lru_cache(maxsize=200_000)
def analyse_word(lang: str, word: str) -> tuple[Parse, ...]:
    """All readings of ``word`` (case preserved for the analyser), in dictionary order."""
    if lang not in _MORPH_LANGS:
        return _simplemma_parse(lang, word)
    try:
        parses = morph_analyzer(lang).parse(word)
    except (ValueError, KeyError):  # pymorphy3's shape code fails on letters with no Unicode name
        return ()
    return tuple(_to_parse(p) for p in parses)


def _simplemma_parse(lang: str, word: str) -> tuple[Parse, ...]:
    import simplemma

    if not any(ch.isalpha() for ch in word):
        return ()
    try:
        lemma = simplemma.lemmatize(word, lang=lang)
    except ValueError:
        lemma = word
    return (Parse(lemma=lemma.lower(), pos=None),)


@functools.cache
def _prepositions(lang: str) -> dict[str, frozenset[str]]:
    if not langdata.has(lang, "prepositions"):
        return {}
    return {word: frozenset(cases) for word, cases in langdata.load(lang, "prepositions").items()}


@dataclass(frozen=True, slots=True)
class RankContext:
    """What the ranking looks at around a word; hashable, so rankings are cached per context."""

    is_title: bool
    inside_sentence: bool
    is_preposition: bool = False
    governed: frozenset[str] | None = None  # cases a preceding preposition governs
    adjective: tuple[str | None, str | None, str | None] | None = None  # case, number, gender


def score_parse(parse: Parse, rank: int, ctx: RankContext, places: frozenset[str]) -> float:
    """Higher is likelier."""
    score = parse.score - 0.001 * rank
    proper = bool(parse.grammemes & PROPER_TAGS)
    if ctx.is_title and parse.lemma in places:
        score += 1.5  # the dictionary has no place tag: "Києві" is Київ, not the name Кий
    elif ctx.is_title and ctx.inside_sentence and proper:
        score += 1.0
    elif not ctx.is_title and parse.name_type:
        score -= 0.3
    if parse.pos in CLOSED_CLASSES and not (ctx.is_title and ctx.inside_sentence):
        score += 0.7
        if parse.pos == "PREP" and ctx.is_preposition:
            score += 0.2
    if ctx.governed and parse.case:
        score += 0.8 if parse.case in ctx.governed else -0.4
    if ctx.adjective is not None and parse.pos == "NOUN" and parse.case:
        case, number, gender = ctx.adjective
        if parse.case == case:
            score += 0.5
            if number == parse.number or gender == parse.gender:
                score += 0.1
    if parse.case == "voct":
        score -= 0.6
    if parse.grammemes & RARE_TAGS:
        score -= 0.1
    return score


@functools.lru_cache(maxsize=200_000)
def rank_parses(lang: str, word: str, ctx: RankContext) -> tuple[Parse, ...]:
    """The readings of ``word`` best first, in context ``ctx`` (cached: most words recur)."""
    parses = analyse_word(lang, word)
    if len(parses) < 2:
        return parses
    places = langdata.load_lines(lang, "place_lemmas")
    order = sorted(range(len(parses)), key=lambda r: -score_parse(parses[r], r, ctx, places))
    return tuple(parses[r] for r in order)


def _rank_context(lang: str, token: Token, prev: Token | None, inside: bool) -> RankContext:
    prepositions = _prepositions(lang)
    governed, adjective = None, None
    if prev is not None:
        governed = prepositions.get(prev.norm.lower())
        best = prev.best
        if best is not None and best.pos in ("ADJF", "PRTF") and best.case:
            adjective = (best.case, best.number, best.gender)
    return RankContext(token.is_title, inside, token.norm.lower() in prepositions, governed, adjective)


@stage("morph", requires=("tokens", "sentences"), assigns=("lemmas",))
def morph(doc: Document) -> Document:
    for sent in doc.sentences:
        lang = doc.paragraph_language(sent.start) or "uk"
        prev = None
        for position, token in enumerate(doc.sentence_tokens(sent)):
            if not any(ch.isalnum() for ch in token.norm):
                token.lemma = token.norm
                prev = None if token.norm not in "-–—" else prev
                continue
            inside = position > 0 and prev is not None
            token.parses = rank_parses(lang, token.norm, _rank_context(lang, token, prev, inside))
            token.lemma = token.parses[0].lemma if token.parses else token.norm.lower()
            prev = token
    return doc
