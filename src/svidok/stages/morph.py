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


def score_parse(parse: Parse, rank: int, token: Token, inside_sentence: bool, context: dict) -> float:
    """Higher is likelier. ``context`` holds 'governed' cases and the previous adjective's parse."""
    score = parse.score - 0.001 * rank
    proper = bool(parse.grammemes & PROPER_TAGS)
    if token.is_title and parse.lemma in context.get("places", ()):
        score += 1.5  # the dictionary has no place tag: "Києві" is Київ, not the name Кий
    elif token.is_title and inside_sentence and proper:
        score += 1.0
    elif not token.is_title and parse.name_type:
        score -= 0.3
    if parse.pos in CLOSED_CLASSES and not (token.is_title and inside_sentence):
        score += 0.7
        if parse.pos == "PREP" and context.get("is_preposition"):
            score += 0.2
    governed = context.get("governed")
    if governed and parse.case:
        score += 0.8 if parse.case in governed else -0.4
    adjective = context.get("adjective")
    if adjective is not None and parse.pos == "NOUN" and parse.case:
        if parse.case == adjective.case:
            score += 0.5
            if adjective.number == parse.number or adjective.gender == parse.gender:
                score += 0.1
    if parse.case == "voct":
        score -= 0.6
    if parse.grammemes & RARE_TAGS:
        score -= 0.1
    return score


def rank_parses(parses: tuple[Parse, ...], token: Token, inside_sentence: bool, context: dict):
    if len(parses) < 2:
        return parses
    order = sorted(
        range(len(parses)),
        key=lambda r: -score_parse(parses[r], r, token, inside_sentence, context),
    )
    return tuple(parses[r] for r in order)


def _context(lang: str, token: Token, prev: Token | None) -> dict:
    context: dict = {
        "is_preposition": token.norm.lower() in _prepositions(lang),
        "places": langdata.load_lines(lang, "place_lemmas"),
    }
    if prev is None:
        return context
    governed = _prepositions(lang).get(prev.norm.lower())
    if governed:
        context["governed"] = governed
    if prev.best is not None and prev.best.pos in ("ADJF", "PRTF") and prev.best.case:
        context["adjective"] = prev.best
    return context


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
            parses = analyse_word(lang, token.norm)
            inside = position > 0 and prev is not None
            token.parses = rank_parses(parses, token, inside, _context(lang, token, prev))
            token.lemma = token.parses[0].lemma if token.parses else token.norm.lower()
            prev = token
    return doc
