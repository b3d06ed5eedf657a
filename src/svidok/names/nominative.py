"""Personal names in the nominative, each word agreeing with the first name's case and gender.

"Євгена Андреїшина" is a man in the genitive, so "Андреїшина" is "Андреїшин" (not the woman
"Андреїшина" the dictionary ranks first); "Наталії Імановій" is "Наталія Іманова". The first
name decides: its readings give the (case, gender) pairs the other words must agree with.
"""

from __future__ import annotations

import functools

from ..document import Token
from ..resources import morph_analyzer

_NAME_TAGS = ("Surn", "Name", "Patr")


def _agreement(tokens: list[Token]) -> frozenset[tuple[str, str]]:
    """(case, gender) pairs of the first-name readings among ``tokens`` (empty when none)."""
    for token in tokens:
        pairs = {  # one person: no plural reading ("Анжелы" is no plural of "Анжел")
            (p.case, p.gender)
            for p in token.parses
            if p.name_type == "Name" and p.case and p.gender and p.number != "plur"
        }
        if any(case != "voct" for case, _ in pairs):  # "Петро" is no vocative of "Петра" in news
            pairs = {(case, gender) for case, gender in pairs if case != "voct"}
        if pairs:
            return frozenset(pairs)
    return frozenset()


def _capitalised(lemma: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))


@functools.lru_cache(maxsize=65536)  # the same names recur across an archive
def agreeing_word(word: str, pairs: frozenset[tuple[str, str]], lang: str) -> str | None:
    """The nominative of ``word`` read in one of the (case, gender) ``pairs``, or None."""
    if lang not in ("uk", "ru") or not word.isalpha() or not pairs:
        return None
    best = None
    for parse in morph_analyzer(lang).parse(word.lower()):
        tag = parse.tag
        fixed = "Fixd" in tag
        if tag.POS not in ("NOUN", "ADJF") or not (fixed or (tag.case, tag.gender) in pairs):
            continue
        if tag.number == "plur" and not fixed:
            continue
        if tag.POS == "ADJF" or tag.gender == "femn":
            # a feminine surname keeps its gender: "Іванової" -> "Іванова", ru "Василевской" ->
            # "Василевская" (the Russian dictionary's lemma of a woman's surname is the man's)
            inflected = parse.inflect({"nomn", tag.gender}) if tag.gender else None
            lemma = inflected.word if inflected else parse.normal_form
        else:
            lemma = parse.normal_form
        # a first name before a surname ("Петрові" is Петро, not Петров), a nominative first
        kind = 0 if "Name" in tag else 1 if any(t in tag for t in _NAME_TAGS) else 2 if tag.POS == "NOUN" else 3
        rank = (kind, tag.case != "nomn")
        if best is None or rank < best[0]:
            best = (rank, lemma)
    return _capitalised(best[1]) if best else None


# Case endings of the surnames in -ов/-ев/-ін/-ин (masculine) and -ова/-іна (feminine) that the
# dictionary does not know: (gender, case) -> [(ending, replacement)], tried in order.
_SURNAME_ENDINGS = {
    ("masc", "gent"): [("а", "")], ("masc", "accs"): [("а", "")],
    ("masc", "datv"): [("ові", ""), ("у", "")], ("masc", "loct"): [("ові", ""), ("і", ""), ("е", "")],
    ("masc", "ablt"): [("им", ""), ("ым", "")],
    ("femn", "gent"): [("ої", "а"), ("ой", "а"), ("и", "а")],
    ("femn", "datv"): [("ій", "а"), ("ой", "а"), ("і", "а")],
    ("femn", "loct"): [("ій", "а"), ("ой", "а"), ("і", "а")], ("femn", "accs"): [("у", "а")],
    ("femn", "ablt"): [("ою", "а"), ("ой", "а")],
}  # fmt: skip
_SURNAME_STEMS = ("ов", "ев", "єв", "ін", "ин", "їн", "ёв")


def surname_by_ending(word: str, pairs: frozenset[tuple[str, str]]) -> str | None:
    """ "Бомбандьорова" after "Юрія" -> "Бомбандьоров": a possessive-type surname unknown to the
    dictionary, put in the nominative by its ending, when exactly one (case, gender) fits."""
    low, found = word.lower(), set()
    for case, gender in pairs:
        for ending, replacement in _SURNAME_ENDINGS.get((gender, case), []):
            stem = low[: -len(ending)]
            if low.endswith(ending) and stem.endswith(_SURNAME_STEMS) and len(stem) > 3:
                found.add(stem + replacement)
                break
    if len(found) != 1:
        return None
    return _capitalised(found.pop())


def person_nominative(tokens: list[Token], lang: str, fallback) -> str:
    """The name in ``tokens`` in the nominative; ``fallback(token)`` for words no reading fits."""
    pairs = _agreement(tokens)
    words = []
    for token in tokens:
        agreed = agreeing_word(token.text, pairs, lang) if pairs else None
        if agreed is None and pairs and token is not tokens[0]:
            agreed = surname_by_ending(token.text, pairs)
        words.append(agreed or fallback(token))
    return " ".join(words)


def word_nominative(word: str, case: str | None, lang: str, gender: str | None = None) -> str:
    """Inflect one word of a phrase to the nominative, keeping its capitalisation; an adjective
    takes the head noun's ``gender`` ("Сахалінському родовищі" -> "Сахалінське родовище")."""
    if case in (None, "nomn") or lang not in ("uk", "ru") or word.isupper():
        return word
    head, dash, tail = word.rpartition("-")
    if dash and head and tail and head[-1:].lower() == "о":  # "Південно-Західній": the last part turns
        return f"{head}-{word_nominative(tail, case, lang, gender)}"
    if dash:
        return word  # "Еста-Холдинг": the analyser only guesses at hyphenated names
    parses = morph_analyzer(lang).parse(word)
    if gender:
        parses = sorted(parses, key=lambda p: p.tag.POS == "ADJF" and p.tag.gender != gender)
    for parse in parses:
        if parse.tag.case == case and parse.tag.POS in ("NOUN", "ADJF"):
            inflected = parse.inflect({"nomn"})
            if inflected:
                form = inflected.word
                return form[:1].upper() + form[1:] if word[:1].isupper() else form
    return word
