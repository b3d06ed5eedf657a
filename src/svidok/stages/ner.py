"""Stage 5b: entity mentions from the model, the knowledge base and morphology rules.

Candidates come from four places, each a list of spans over a sentence's tokens:

* the statistical model (``doc.model_mentions``, when the ``ner_model`` stage produced any);
* knowledge-base aliases, matched through inflection (:mod:`svidok.kb.matcher`);
* personal names: runs of capitalised words with Name/Surn/Patr readings ("Кіріл Дмітрієв");
* places from the place-lemma list ("в Анкориджі" -> Анкоридж) and quoted names after an
  organisation noun ("компанія «Укрнафта»").

Overlaps are resolved by keeping the longest span, then the more specific evidence
(knowledge base > model > rules). Only PER, ORG, LOC and MISC become mentions. The knowledge-base
entry a mention matched is remembered in ``doc.meta["kb_links"]`` for the ``link`` stage.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .. import lang as langdata
from ..document import Document, Mention, Token
from ..kb import load_kb
from ..kb.matcher import KBMatch, find_aliases
from ..names import name_key
from ..names.key import first_name_variants
from ..names.nominative import person_nominative, word_nominative
from ..pipeline import stage
from .ner_roles import outlet_before_person, role_before_kb_name, role_name_spans
from .span_index import KeptSpans, LongerSpans, TokenIndex

ENTITY_LABELS = ("PER", "ORG", "LOC", "MISC")
_WORDS = re.compile(r"\w+")
NAME_TYPES = frozenset({"Name", "Surn", "Patr"})
_PRIORITY = {"kb": 3, "model": 2, "rule": 1}


@dataclass(slots=True)
class Candidate:
    start: int  # character offsets into doc.text
    end: int
    label: str
    origin: str
    lemma: str | None = None
    kb_id: str | None = None
    score: float = 1.0


def _entity_cues(lang: str) -> dict:
    return langdata.load(lang, "entities") if langdata.has(lang, "entities") else {}


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _name_reading(token: Token):
    """The best reading of ``token`` as a personal name, or None."""
    return next((p for p in token.parses[:3] if p.name_type in NAME_TYPES), None)


def _is_name_word(token: Token, not_names: set[str]) -> bool:
    if not _is_capitalised(token) or token.text.isupper() or len(token.text) < 2:
        return False
    return token.norm.lower() not in not_names and _name_reading(token) is not None


def _nominative(token: Token) -> str:
    """The word in the nominative, capitalised as a name ("путіним" -> "Путін")."""
    reading = _name_reading(token) or token.best
    lemma = reading.lemma if reading else token.norm
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))


def _person_word(token: Token, case: str | None) -> str:
    """One word of a personal name in the nominative. A surname the dictionary does not know as
    one ("Ольги БРАТУШКИ") follows the case of the known name beside it; capitals are undone."""
    if _name_reading(token):
        return _nominative(token)
    if case and case != "nomn" and token.text.isalpha():
        reading = next((p for p in token.parses[:4] if p.pos == "NOUN" and p.case == case), None)
        if reading is not None:
            return reading.lemma[:1].upper() + reading.lemma[1:]
    if token.text.isupper() and len(token.text) > 1 and token.text.isalpha():
        return token.text[:1] + token.text[1:].lower()
    return token.text


def _surname_after_first_name(tokens: list[Token], j: int) -> bool:
    """A capitalised word the dictionary does not know as a name, right after a first name,
    is most likely a surname ("Андрія Сибіги")."""
    first = _name_reading(tokens[j - 1])
    word = tokens[j]
    return (
        first is not None
        and first.name_type == "Name"
        and _is_capitalised(word)
        and not word.text.isupper()
        and (word.pos in (None, "NOUN") or word.best is None)
    )


def _person_runs(tokens: list[Token], not_names: set[str]) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(tokens):
        if not _is_name_word(tokens[i], not_names):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (
            _is_name_word(tokens[j], not_names) or _surname_after_first_name(tokens, j)
        ):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _adjective_before_noun(tokens: list[Token], start: int, end: int) -> bool:
    if end - start != 1 or end >= len(tokens):
        return False
    following = tokens[end]
    return (
        _agrees(tokens[start], following.case)
        and following.text.islower()
        and following.pos in ("NOUN", "ADJF")
    )


def _accept_run(tokens: list[Token], start: int, end: int, sentence_start: int) -> bool:
    """Sentence-initial words are capitalised anyway: keep them only with more evidence."""
    if _adjective_before_noun(tokens, start, end):
        return False  # "Полтавської обласної ради": an adjective, not a woman's surname
    if start != sentence_start:
        return True
    first = tokens[start].best
    return end - start >= 2 and first is not None and first.name_type in NAME_TYPES


def person_candidates(doc: Document, tokens: list[Token], not_names: set[str]) -> list[Candidate]:
    out = []
    for start, end in _person_runs(tokens, not_names):
        if not _accept_run(tokens, start, end, 0):
            continue
        words = tokens[start:end]
        lang = doc.paragraph_language(words[0].start) or doc.language or "uk"
        lemma = person_nominative(words, lang, _nominative)
        out.append(Candidate(words[0].start, words[-1].end, "PER", "rule", lemma, score=0.7))
    return out


def place_candidates(doc: Document, tokens: list[Token], lang: str) -> list[Candidate]:
    places = langdata.load_lines(lang, "place_lemmas")
    out = []
    for k, token in enumerate(tokens):
        if k == 0 or not _is_capitalised(token) or token.text.isupper():
            continue
        lemma = next((p.lemma for p in token.parses[:3] if p.lemma.lower() in places), None)
        if lemma:
            name = lemma[:1].upper() + lemma[1:]
            out.append(Candidate(token.start, token.end, "LOC", "rule", name, score=0.8))
    return out


def _closing_quote(tokens: list[Token], opening: int, limit: int = 16) -> int | None:
    """Index of the » closing the « at ``opening`` (nested quotes allowed; unbalanced: the last »)."""
    depth, last = 0, None
    for j in range(opening, min(opening + limit, len(tokens))):
        if tokens[j].norm == "«":
            depth += 1
        elif tokens[j].norm == "»":
            depth, last = depth - 1, j
            if depth == 0:
                return j
    return last


def quoted_org_candidates(
    doc: Document, tokens: list[Token], org_nouns: set[str], legal_forms: set[str]
) -> list[Candidate]:
    """«Name» after an organisation noun ("компанія «Укрнафта»") or a legal form ("ТОВ «Надія»"):
    the legal form belongs to the name, a common noun does not."""
    out = []
    for k in range(len(tokens) - 2):
        legal = tokens[k].text in legal_forms
        noun = (tokens[k].lemma or tokens[k].norm.lower()) in org_nouns
        if not (legal or noun) or tokens[k + 1].norm != "«" or not _is_capitalised(tokens[k + 2]):
            continue
        close = _closing_quote(tokens, k + 1)
        if close is None or close <= k + 2:
            continue
        inner = doc.text[tokens[k + 2].start : tokens[close - 1].end]
        start = tokens[k].start if legal else tokens[k + 1].start
        out.append(Candidate(start, tokens[close].end, "ORG", "rule", inner, score=0.8))
    return out


def _lemma(token: Token) -> str:
    return (token.lemma or token.norm).lower()


def _is_adjective(token: Token) -> bool:
    return any(p.pos == "ADJF" for p in token.parses[:2])


def _agrees(token: Token, case: str | None) -> bool:
    """An adjective reading in ``case`` ("Полтавської" before "обласної ради")."""
    return any(p.pos == "ADJF" and p.case == case for p in token.parses[:4])


def phrase_nominative(tokens: list[Token], head: int, lang: str) -> str:
    """A phrase in the nominative: "Полтавської обласної ради України" -> "Полтавська обласна
    рада України". The words up to the head agree with it and turn; the genitive tail stays."""
    case = tokens[head].case
    gender = next((p.gender for p in tokens[head].parses if p.case == case and p.pos == "NOUN"), None)
    words = [
        word_nominative(t.text, case, lang, gender) if k <= head else t.text for k, t in enumerate(tokens)
    ]
    return " ".join(words)


def place_phrase_candidates(tokens: list[Token], cues: dict, lang: str) -> list[Candidate]:
    """Place phrases: "Полтавського району", "Харківській області", "вулиці Шевченка" -> LOC."""
    after_adj = set(cues.get("place_nouns_after_adjective") or [])
    before_name = set(cues.get("place_nouns_before_name") or [])
    out = []
    for k in range(len(tokens) - 1):
        left, right = tokens[k], tokens[k + 1]
        adjective_first = _is_capitalised(left) and _is_adjective(left) and _lemma(right) in after_adj
        noun_first = _lemma(left) in before_name and _is_capitalised(right) and not right.text.isupper()
        if adjective_first and right.text.islower():
            name = phrase_nominative([left, right], 1, lang)
        elif noun_first and left.text.islower():
            name = phrase_nominative([left, right], 0, lang)
        else:
            continue
        out.append(Candidate(left.start, right.end, "LOC", "rule", name, score=0.7))
    return out


def _org_start(tokens: list[Token], head: int) -> int | None:
    """Where an organisation name ending in the head noun at ``head`` starts, if it is capitalised."""
    start, case = head, tokens[head].case
    while start > 0 and _agrees(tokens[start - 1], case):
        start -= 1
    for k in range(start, head + 1):
        if _is_capitalised(tokens[k]):
            return k
    return None


def _org_end(tokens: list[Token], head: int, stop: set[str], limit: int = 5) -> int:
    """Extend over genitive words after the head ("Міністерство закордонних справ України"),
    not over time or money ("суду минулого тижня"); the name ends in a noun."""
    end = head + 1
    while end < len(tokens) and end - head <= limit:
        token = tokens[end]
        if token.case != "gent" or token.pos not in ("NOUN", "ADJF") or _lemma(token) in stop:
            break
        end += 1
        if _is_capitalised(token):  # "... України": a capitalised genitive closes the name
            break
    while end > head + 1 and tokens[end - 1].pos != "NOUN":
        end -= 1
    return end


def org_phrase_candidates(tokens: list[Token], cues: dict, lang: str) -> list[Candidate]:
    """Organisation phrases: "Антимонопольний комітет України", "Вищого господарського суду"."""
    heads = set(cues.get("org_heads") or [])
    stop = set(cues.get("not_in_org_tail") or [])
    out = []
    for head, token in enumerate(tokens):
        if _lemma(token) not in heads or token.pos != "NOUN":
            continue
        start = _org_start(tokens, head)
        if start is None or (start == 0 and head == 0):
            continue
        end = _org_end(tokens, head, stop)
        if start == head and end == head + 1 and not _is_capitalised(token):
            continue
        name = phrase_nominative(tokens[start:end], head - start, lang)
        out.append(Candidate(tokens[start].start, tokens[end - 1].end, "ORG", "rule", name, score=0.6))
    return out


def _first_name_before(tokens: list[Token], match: KBMatch) -> int:
    """Extend a surname-only person match over the entry's first name ("владіміром путіним")."""
    if match.entry.type != "PER" or match.start == 0:
        return match.start
    before = tokens[match.start - 1]
    if not (_is_capitalised(before) or match.entry.lowercase):
        return match.start
    first_names = {k.split()[0] for k in (name_key(n) for n in match.entry.names) if " " in k}
    forms = {name_key(before.norm), *(name_key(p.lemma) for p in before.parses[:3])}
    return match.start - 1 if forms & first_names else match.start


def kb_candidates(tokens: list[Token], lang: str) -> list[Candidate]:
    out = []
    for match in find_aliases(tokens, lang):
        first, last = tokens[_first_name_before(tokens, match)], tokens[match.end - 1]
        entry = match.entry
        out.append(Candidate(first.start, last.end, entry.type, "kb", entry.name, entry.id))
    return out


def _restored_name(
    doc: Document, start: int, end: int, label: str, index: TokenIndex | None = None
) -> str | None:
    """The nominative of a model span from its tokens' readings ("Сєргєя Гаврілова")."""
    tokens = (index or TokenIndex(doc.tokens)).within(start, end)
    if not tokens:
        return None
    if label == "PER":
        named = next((_name_reading(t) for t in tokens if _name_reading(t)), None)
        case = named.case if named else None
        lang = doc.paragraph_language(start) or doc.language or "uk"
        return person_nominative(tokens, lang, lambda t: _person_word(t, case))
    if len(tokens) > 1 and _quoted_title(doc, tokens):
        return None  # «Еста Холдинг» is a title as written; only one-word ones decline («Укрнафти»)
    nouns = [k for k, t in enumerate(tokens) if t.pos == "NOUN"]
    # "Полтавської обласної ради": a noun that may be an adjective is not the head
    head = next((k for k in nouns if not any(p.pos == "ADJF" for p in tokens[k].parses[:3])), None)
    head = nouns[0] if head is None and nouns else head
    if head is None or not all(t.text.replace("-", "").isalpha() for t in tokens[: head + 1]):
        return None
    lang = doc.paragraph_language(start) or doc.language or "uk"
    # the words up to the head turn; the tail ("м. Києва", "«Надра України»") stays as written
    return phrase_nominative(tokens[: head + 1], head, lang) + doc.text[tokens[head].end : end]


def _quoted_title(doc: Document, tokens: list[Token]) -> bool:
    """The tokens are a name in quotation marks, with or without the marks."""
    first, last = tokens[0], tokens[-1]
    if first.norm == "«":
        return True
    before = doc.text[max(0, first.start - 1) : first.start]
    after = doc.text[last.end : last.end + 1]
    return before in '«"“„' and before != "" and after in '»"”“' and after != ""


def _weak_person_rule(cand: Candidate) -> bool:
    """A rule-found person the knowledge base does not know ("Алєксандр Яковенко" it does)."""
    return cand.origin == "rule" and cand.label == "PER" and not load_kb().lookup(cand.lemma or "", "PER")


def _sentence_starts(doc: Document) -> set[int]:
    return {doc.tokens[s.token_start].start for s in doc.sentences if s.token_end > s.token_start}


class FullNames:
    """Person candidates with a first name and surname, by start offset."""

    def __init__(self, candidates: list[Candidate]):
        self.spans = sorted(
            (c.start, c.end) for c in candidates if c.label == "PER" and " " in (c.lemma or "")
        )
        self.starts = [s for s, _ in self.spans]

    def inside(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.spans) and self.spans[i][0] <= end:
            if self.spans[i][1] <= end:
                return True
            i += 1
        return False


def plausible_model_span(
    cand: Candidate, tokens: list[Token], full_names: FullNames, starts: set[int]
) -> bool:
    """Drop model spans the text contradicts: a span capitalised only because it opens a sentence
    ("Український президент"), or an ORG/LOC swallowing a personal name ("академії МЗС рф
    Алєксандр Яковенко у ..."). ``tokens`` are the span's tokens."""
    capitalised = [t for t in tokens if _is_capitalised(t) and t.start not in starts]
    if len(tokens) > 1 and not capitalised and not any(t.text.isupper() for t in tokens):
        return False
    if cand.label == "PER":
        return True
    return not full_names.inside(cand.start, cand.end)  # the model ran over a person


def _generic(doc: Document, cand: Candidate) -> bool:
    """A word that names a kind of thing (ЗМІ, ВВП), listed as ``not_entities`` per language."""
    lang = doc.paragraph_language(cand.start) or doc.language or "uk"
    return doc.text[cand.start : cand.end] in _not_entities(lang)


@functools.cache
def _not_entities(lang: str) -> frozenset[str]:
    return frozenset(_entity_cues(lang).get("not_entities") or [])


def model_candidates(doc: Document, index: TokenIndex | None = None) -> list[Candidate]:
    index = index or TokenIndex(doc.tokens)
    out = []
    for m in doc.model_mentions:
        if m.label not in ENTITY_LABELS:
            continue
        end = _without_foreign_tail(doc, m.start, m.end)
        start = _without_leading_preposition(doc, m.start, end)
        lemma = m.lemma if (start, end) == (m.start, m.end) else None
        out.append(
            Candidate(
                start,
                end,
                m.label,
                "model",
                lemma or _restored_name(doc, start, end, m.label, index),
                score=m.score,
            )
        )
    return out


def _without_leading_preposition(doc: Document, start: int, end: int) -> int:
    """The start of a model span past a preposition capitalised because it opens the sentence:
    "В Минобороны заявили" names "Минобороны" (the model, trained on Ukrainian, took "В" in)."""
    first, space, rest = doc.text[start:end].partition(" ")  # a whole word: not "В'ячеслава"
    lang = doc.paragraph_language(start) or doc.language or "uk"
    if not space or not rest.strip() or first.lower() not in _prepositions(lang):
        return start
    return end - len(rest.lstrip())


@functools.cache
def _prepositions(lang: str) -> frozenset[str]:
    return frozenset(langdata.load(lang, "prepositions") or {}) if langdata.has(lang, "prepositions") else frozenset()


def _without_foreign_tail(doc: Document, start: int, end: int) -> int:
    """The end of a model span cut before lowercase words of another script: "Financial Times
    со ссылкой" is "Financial Times" (the model, trained on Ukrainian, runs on past it)."""
    words = list(_WORDS.finditer(doc.text, start, end))
    if len(words) < 2 or not words[0].group()[:1].isupper():
        return end
    latin = words[0].group()[:1].isascii()
    keep = len(words)
    while keep > 1:
        word = words[keep - 1].group()
        if not (word[:1].islower() and word[:1].isascii() != latin):
            break
        keep -= 1
    return words[keep - 1].end() if keep < len(words) else end


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Model spans first (measured best on NER-UK), then the longest, then the more specific
    evidence (knowledge base over rules); drop whatever overlaps a kept span."""
    kb_spans = LongerSpans([(c.start, c.end) for c in candidates if c.origin == "kb"])
    candidates = [c for c in candidates if c.origin != "model" or not kb_spans.contain(c.start, c.end)]
    ranked = sorted(
        candidates, key=lambda c: (c.origin != "model", -(c.end - c.start), -_PRIORITY[c.origin], c.start)
    )
    kept: list[Candidate] = []
    taken = KeptSpans()
    for cand in ranked:
        if not taken.overlaps(cand.start, cand.end):
            kept.append(cand)
            taken.add(cand.start, cand.end)
    return sorted(kept, key=lambda c: c.start)


def _prefer_kb_label(kept: list[Candidate], candidates: list[Candidate]) -> None:
    """A model or rule span that coincides exactly with a KB match takes the KB's link."""
    by_span = {(c.start, c.end): c for c in candidates if c.origin == "kb"}
    for cand in kept:
        kb = by_span.get((cand.start, cand.end))
        if kb and cand.origin != "kb":
            cand.label, cand.kb_id, cand.lemma = kb.label, kb.kb_id, kb.lemma


def kb_surname_candidates(tokens: list[Token], taken: list[Candidate]) -> list[Candidate]:
    """A lone surname of exactly one KB person ("По словам Зеленского", "Сибіга заявив"):
    the person, whatever label the model guessed for the word."""
    kb = load_kb()
    out = []
    for token in tokens:
        if not _is_capitalised(token) or any(c.start <= token.start < c.end for c in taken):
            continue
        surname = next((p for p in token.parses[:6] if p.name_type == "Surn"), None)
        if surname is None or first_name_variants(surname.lemma):
            continue  # "митрополит Павел" is not the president Петр Павел
        found = kb.lookup_surname(surname.lemma)
        if len(found) == 1 and found[0].type == "PER":
            out.append(Candidate(token.start, token.end, "PER", "kb", found[0].name, found[0].id))
    return out


def repeated_surnames(doc: Document, kept: list[Candidate]) -> list[Candidate]:
    """A capitalised word repeating the surname of a person named in full elsewhere in the
    article ("Sybiha said" after "Andrii Sybiha"): the same person. Morphology finds these
    in Ukrainian and Russian; this catches what it cannot read (English, unknown surnames)."""
    people = {}
    for cand in kept:
        words = doc.text[cand.start : cand.end].split()
        if cand.label == "PER" and len(words) > 1:
            people.setdefault(name_key(words[-1]), cand)
    if not people:
        return []
    starts, found = [c.start for c in kept], []  # kept is sorted and free of overlaps
    for token in doc.tokens:
        if not _is_capitalised(token) or token.text.isupper() or len(token.text) < 3:
            continue
        forms = {name_key(token.norm), *(name_key(p.lemma) for p in token.parses[:3])}
        person = next((people[f] for f in forms if f in people), None)
        at = bisect.bisect_right(starts, token.start) - 1
        if person is None or at >= 0 and kept[at].end > token.start or _next_to_person(doc, kept, at, token):
            continue
        found.append(Candidate(token.start, token.end, "PER", "rule", person.lemma, person.kb_id, score=0.8))
    return found


def _next_to_person(doc: Document, kept: list[Candidate], at: int, token: Token) -> bool:
    """Whether a person mention touches ``token`` ("Сидіч Марині Юріївні"): the word belongs to
    that name, however the model cut it."""
    neighbours = [c for c in kept[max(at, 0) : at + 2] if c.label == "PER"]
    return any(not doc.text[min(c.end, token.end) : max(c.start, token.start)].strip() for c in neighbours)


def sentence_candidates(doc: Document, tokens: list[Token], lang: str) -> list[Candidate]:
    cues = _entity_cues(lang)
    not_names = set(cues.get("not_names") or [])
    org_nouns = set(cues.get("org_nouns") or [])
    aliases = kb_candidates(tokens, lang)
    return (
        aliases
        + kb_surname_candidates(tokens, aliases)
        + person_candidates(doc, tokens, not_names)
        + place_candidates(doc, tokens, lang)
        + quoted_org_candidates(doc, tokens, org_nouns, set(cues.get("legal_forms") or []))
        + place_phrase_candidates(tokens, cues, lang)
        + org_phrase_candidates(tokens, cues, lang)
    )


def _with_role_names(doc: Document, candidates: list[Candidate], index: TokenIndex) -> list[Candidate]:
    """Add the names a role introduces ("представитель ГУР Юсов") that no person span covers;
    a model's organisation or place span running into such a name ends before it."""
    known = {t.i for c in candidates if c.origin == "kb" for t in index.within(c.start, c.end)}
    for sent in doc.sentences:
        lang = doc.paragraph_language(sent.start) or doc.language or "uk"
        for start, end in role_name_spans(doc.sentence_tokens(sent), lang, known):
            overlapping = [c for c in candidates if c.start < end and start < c.end]
            if any(c.label == "PER" for c in overlapping):
                continue
            for c in overlapping:
                candidates.remove(c)
                if c.start < start and doc.text[c.start : start].strip():
                    head = doc.text[c.start : start].rstrip()
                    candidates.append(
                        Candidate(c.start, c.start + len(head), c.label, c.origin, None, c.kb_id, c.score)
                    )
            words = index.within(start, end)
            first_name = any(p.name_type == "Name" for p in words[0].parses)
            lemma = _restored_name(doc, start, end, "PER", index) if first_name else doc.text[start:end]
            candidates.append(Candidate(start, end, "PER", "rule", lemma, score=0.7))
    return candidates


def _place_before_person(
    cand: Candidate, kb_found: list[Candidate], starts: list[int], index: TokenIndex
) -> Candidate | None:
    """A known place opening a model PER span in a case the name after it cannot share ("у Києві
    Зеленський"); "Софією Ротару" stays whole (the indeclinable surname fits any case)."""
    if cand.origin != "model" or cand.label != "PER":
        return None
    at = bisect.bisect_left(starts, cand.start)
    place = kb_found[at] if at < len(kb_found) else None
    if place is None or place.start != cand.start or place.end >= cand.end or place.label != "LOC":
        return None
    inside, after = index.within(place.start, place.end), index.within(place.end, cand.end)
    if not inside or not after:
        return None
    return place if not _cases(inside[-1]) & _cases(after[0]) else None


def _cases(token: Token) -> set[str]:
    cases = {p.case for p in token.parses if p.case}
    return cases or {"any"}  # unknown to the analyser: may agree with anything


def _cut_outlets(
    doc: Document,
    candidates: list[Candidate],
    kb_found: list[Candidate],
    starts: list[int],
    index: TokenIndex,
) -> None:
    """ "журналіст Reuters Джон Сміт", "сказав у Києві Зеленський": the person's span starts after
    the outlet or the place the model glued before it."""
    for cand in candidates:
        outlet = outlet_before_person(cand, kb_found, starts) or _place_before_person(cand, kb_found, starts, index)
        following = index.within(outlet.end, cand.end) if outlet is not None else []
        if following:
            glued = doc.text[cand.start : following[0].start]
            if cand.lemma and cand.lemma.startswith(glued):
                cand.lemma = cand.lemma[len(glued) :].strip()  # the model's nominative, less the outlet
            else:
                cand.lemma = _restored_name(doc, following[0].start, cand.end, "PER", index)
            cand.start = following[0].start


@stage("ner", requires=("tokens", "lemmas", "model_mentions"), assigns=("mentions",))
def ner(doc: Document) -> Document:
    candidates: list[Candidate] = []
    for sent in doc.sentences:
        tokens = doc.sentence_tokens(sent)
        lang = doc.paragraph_language(sent.start) or doc.language or "uk"
        candidates += sentence_candidates(doc, tokens, lang)
    starts, index, full_names = _sentence_starts(doc), TokenIndex(doc.tokens), FullNames(candidates)
    candidates += [
        c
        for c in model_candidates(doc, index)
        if plausible_model_span(c, index.within(c.start, c.end), full_names, starts)
    ]
    kb_found = sorted((c for c in candidates if c.origin == "kb"), key=lambda c: c.start)
    kb_starts = [c.start for c in kb_found]
    candidates = [
        c for c in candidates if not _generic(doc, c) and not role_before_kb_name(doc, c, kb_found, kb_starts)
    ]
    _cut_outlets(doc, candidates, kb_found, kb_starts, index)
    if doc.model_mentions:  # the model finds capitalised names better than the name rules do
        candidates = [c for c in candidates if not _weak_person_rule(c)]
    candidates = _with_role_names(doc, candidates, index)
    kept = resolve_overlaps(candidates)
    _prefer_kb_label(kept, candidates)
    kept = sorted(kept + repeated_surnames(doc, kept), key=lambda c: c.start)
    doc.mentions = [
        Mention(doc.text[c.start : c.end], c.start, c.end, c.label, c.origin, c.score, lemma=c.lemma)
        for c in kept
    ]
    doc.meta["kb_links"] = {(c.start, c.end): c.kb_id for c in kept if c.kb_id}
    return doc
