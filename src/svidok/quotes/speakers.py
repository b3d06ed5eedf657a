"""Who says it: the subject of a reporting verb, as a named entity, a pronoun resolved to the
last compatible person, a role noun bound to its last named holder, or a group voice.

No speaker is ever invented: when nothing in the text names one, the result says so
(``entity`` and ``name`` None) and keeps the role or group phrase the text gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Token
from .antecedents import recent_person, resolve_pronoun, role_holder
from .bodies import institution_voice, named_body
from .context import Context, NameSpan
from .grammar import (
    Speaker,
    after_preposition,
    compatible,
    nominative,
    nominative_name,
    noun_features,
    noun_phrase,
    role_before,
)
from .lexicon import CLAUSE_BREAKS, SENTENCE_END, has_case, is_word, lemmas, speech_register
from .outlets import is_outlet, last_outlet, outlet_noun
from .units import body_at


@dataclass
class _Candidate:
    position: int  # token index nearest the verb
    kind: str  # name, pronoun, role, group, outlet, unit
    name: NameSpan | None = None
    first: int = -1
    last: int = -1


def _candidate_at(ctx: Context, i: int, need_nominative: bool) -> _Candidate | None:
    token, lex = ctx.tokens[i], ctx.lex(i)
    if i in ctx.name_at:
        span = ctx.name_at[i]
        if not need_nominative or nominative_name(ctx, span):
            # one nominative word is enough: "Марк Рютте" (the analyser guesses "Рютте" is dative)
            return _Candidate(i, "name", span, span.first, span.last)
        return None
    if not is_word(token) or need_nominative and not nominative(token):
        return None
    low = token.norm.lower()
    if low in lex.pronouns and token.pos in ("NPRO", None, "NOUN"):
        return _Candidate(i, "pronoun", first=i, last=i)
    found = lemmas(token)
    if token.pos not in ("NOUN", None) and not found & lex.collectives:
        return None
    plural = any(p.number == "plur" for p in token.parses if not need_nominative or p.case in (None, "nomn"))
    singular = any(p.number != "plur" for p in token.parses if not need_nominative or p.case in (None, "nomn"))
    if found & lex.unit_nouns and singular and _unit_of_someone(ctx, i):
        return _Candidate(i, "unit", first=i, last=i)  # "Прес-служба МОЗ", "Медіа центр РНБО"
    if found & (lex.collectives | lex.informant_nouns) or plural and found & (lex.groups | lex.roles):
        return _Candidate(i, "group", first=i, last=i)  # "Как рассказал источник": an unnamed voice
    if outlet_noun(ctx, i):
        return _Candidate(i, "outlet", first=i, last=i)  # "Видання пише": the outlet named before
    if found & lex.roles:
        return _Candidate(i, "role", first=i, last=i)
    return None


def _complement_of_noun(ctx: Context, first: int) -> bool:
    """ "Представники рф", "Уряд Британії": a place or body right after the noun it depends on."""
    prev = first - 1
    if prev >= 1 and ctx.tokens[prev].norm == "«":  # "директора «Офісу»", not "За інформацією «X»"
        lex = ctx.lex(prev)
        return bool(lemmas(ctx.tokens[prev - 1]) & (lex.roles | lex.groups))
    after_noun = prev >= 0 and prev not in ctx.name_at and ctx.tokens[prev].pos == "NOUN"
    # a complement is genitive: "У свою чергу Київське відділення комітету повідомило" is none
    return after_noun and has_case(ctx.tokens[first], "gent")


def _usable(ctx: Context, cand: _Candidate, verb: Token | None) -> bool:
    if cand.kind == "name":
        if after_preposition(ctx, cand.first):
            return False
        span = cand.name
        if span.type not in ("PER", "PERS") and _complement_of_noun(ctx, span.first):
            return False
        genders, numbers = noun_features(ctx.tokens[span.first : span.last + 1])
        if span.type in ("PER", "PERS"):  # a named person is one person, whatever a guessed
            # reading of an unknown surname says ("Сибига" read as plural of "сибиго")
            if not span.genders and not any(
                p.name_type for t in ctx.tokens[span.first : span.last + 1] for p in t.parses
            ):
                return compatible(verb, set(), {"sing"})  # "Анатол Статі": no reading is a name's
            return compatible(verb, set(span.genders) or genders, {"sing"} if span.genders else numbers)
        if span.first == span.last and ctx.tokens[span.first].text.isupper():
            numbers = set()  # "МЗС заявило", "МЗС заявили", "США заявили": either number
        elif span.first < span.last:  # "Центр протидії дезінформації": its first noun is the head
            head = next((t for t in ctx.tokens[span.first : span.last + 1] if t.pos == "NOUN"), None)
            if head is not None:  # a nominative reading with no number is a singular one
                numbers = {p.number or "sing" for p in head.parses if p.case in (None, "nomn")} or numbers
            return compatible(verb, set(), numbers, numbers == {"plur"})
        return compatible(verb, set(), numbers, "plur" in numbers)
    if cand.kind == "pronoun":
        gender = ctx.lex(cand.first).pronouns[ctx.tokens[cand.first].norm.lower()]
        plural = gender == "plur"
        return compatible(verb, set() if plural else {gender}, {"plur"} if plural else {"sing"}, plural)
    if after_preposition(ctx, cand.first):
        return False
    genders, numbers = noun_features([ctx.tokens[cand.first]])
    return compatible(verb, genders, numbers, cand.kind == "group" and numbers == {"plur"})


def _search_left(ctx: Context, verb_i: int, lo: int, need_nominative: bool) -> _Candidate | None:
    verb = ctx.tokens[verb_i]
    i = verb_i - 1
    inside = verb_i in ctx.quoted  # «…, — сказав він. — …»: the attribution sits inside the marks
    while i >= lo:
        if i in ctx.quoted and not inside and i not in ctx.name_at:  # «Нафтогаз» may speak
            i -= 1
            continue
        cand = _candidate_at(ctx, i, need_nominative)
        if cand is not None and _usable(ctx, cand, verb):
            return _head_of_complement(ctx, cand, verb, lo, need_nominative)
        i = cand.first - 1 if cand is not None and cand.first < i else i - 1
    return None


def _head_of_complement(
    ctx: Context, cand: _Candidate, verb: Token, lo: int, need_nominative: bool
) -> _Candidate:
    """ "представники підприємства відповіли": a body noun right after a role or group noun is
    its genitive complement, and the speaker is the head before it."""
    if cand.kind not in ("group", "role", "outlet") or cand.first - 1 < lo:
        return cand
    head = _candidate_at(ctx, cand.first - 1, need_nominative)
    if head is not None and head.kind in ("group", "role") and _usable(ctx, head, verb):
        return head
    return cand


def _search_right(
    ctx: Context, verb_i: int, hi: int, need_nominative: bool, agree: bool = True
) -> _Candidate | None:
    verb, fallback, title, skip = (ctx.tokens[verb_i] if agree else None), None, None, -1
    for i in range(verb_i + 1, hi):
        token = ctx.tokens[i]
        if _inside_org_title(ctx, i) or _marks_a_name(ctx, i):
            continue  # "директор ТОВ «БВК «Компанія Федорченко» Віталій Авраменко": past the name
        in_title = i in ctx.quoted and verb_i not in ctx.quoted and i not in ctx.name_at
        if not agree and (token.norm in "«»" or in_title):
            continue  # "за словами директора «Офісу» Олега Литвяка": look past the title
        if i <= skip:
            continue
        if i == verb_i + 1:
            skip = _addressee_title(ctx, i, hi)  # "Як пояснив «Нашим грошам» директор фірми …"
            if skip > i:
                continue
        if (
            token.norm in CLAUSE_BREAKS
            or token.norm in SENTENCE_END
            or token.norm in "«»"
            or (i in ctx.quoted and verb_i not in ctx.quoted and i not in ctx.name_at)
        ):
            break  # (a name reached without passing a mark was caught by an org title's marks)
        cand = _candidate_at(ctx, i, need_nominative)
        if cand is None or not _usable(ctx, cand, verb):
            continue
        if _person_may_follow(ctx, cand, i, agree):
            title = title or cand
            continue
        if cand.kind == "name":
            return cand
        if cand.kind == "pronoun":
            return fallback or cand
        fallback = fallback or cand  # a role noun may be followed by its holder's name
    return title or fallback  # "За інформацією «Еста Холдинг»": the body itself


def _person_may_follow(ctx: Context, cand: _Candidate, i: int, agree: bool) -> bool:
    """A body's name after the verb that a person's name may follow: "голови комітету
    «Київпастрансу» Юрія …", "заявил The Economist тогдашний глава Службы Валентин Наливайченко",
    a body modifying a role ("said Kremlin spokesman Dmitry Peskov")."""
    if cand.kind != "name" or cand.name.type in ("PER", "PERS"):
        return False
    after, lex = cand.name.last + 1, ctx.lex(i)
    if lex.names_modify_roles and after < len(ctx.tokens) and lemmas(ctx.tokens[after]) & lex.roles:
        return True  # "said Kremlin spokesman Dmitry Peskov", "NATO Secretary General Mark Rutte"
    return not agree and i in ctx.quoted or is_outlet(ctx, cand.name)


def _addressee_title(ctx: Context, i: int, hi: int) -> int:
    """The closing mark of a short title in marks right after the verb with more words after it
    (its addressee: the outlet told), else -1."""
    span = next((q for q in ctx.quote_spans if q.open_tok == i), None)
    if span is None or span.close_tok - i > 4 or span.close_tok + 1 >= hi:
        return -1
    return span.close_tok if is_word(ctx.tokens[span.close_tok + 1]) else -1


def _inside_org_title(ctx: Context, i: int) -> bool:
    """A token of an organisation's name, or a person's name caught in the unbalanced quote
    marks such a name often leaves open («БВК «Компанія Федорченко»)."""
    span = ctx.name_at.get(i)
    if span is None:
        return False
    if span.type in ("PER", "PERS"):
        return False
    return i < span.last or ctx.tokens[i].norm in "«»"


def _marks_a_name(ctx: Context, i: int) -> bool:
    """A quote mark around an organisation's name ("повідомляє «Олігарх»")."""
    if ctx.tokens[i].norm not in "«»":
        return False
    beside = ctx.name_at.get(i + 1 if ctx.tokens[i].norm == "«" else i - 1)
    return beside is not None and beside.type not in ("PER", "PERS")


def find_speaker(
    ctx: Context, verb_i: int, lo: int, hi: int, *, right_first: bool = False, need_nominative: bool = True
) -> tuple[Speaker, int | None]:
    """The speaker of the reporting verb at ``verb_i``, searched in tokens ``lo..hi``; returns it
    with the token index where the speaker phrase starts (None when nothing was found)."""
    searches = [_search_right, _search_left] if right_first else [_search_left, _search_right]
    for search in searches:
        cand = search(ctx, verb_i, lo if search is _search_left else hi, need_nominative)
        if cand is not None:
            body = institution_voice(ctx, verb_i)
            if body is not None and body.first <= cand.first <= body.last:
                return Speaker(body.entity, body.name, None), body.first  # "у прес-службі міністерства"
            cited = _cited_by_outlet(ctx, cand, verb_i, hi)
            if cited is not None:
                return cited, cand.first
            return _speaker_of(ctx, cand, verb_i), cand.first
    body = institution_voice(ctx, verb_i)  # "У прес-службі МОЗ зазначили", "як зазначили в МОЗ"
    if body is not None:
        return Speaker(body.entity, body.name, None), body.first
    return _omitted_subject(ctx, verb_i), None


def _cited_by_outlet(ctx: Context, cand: _Candidate, verb_i: int, hi: int) -> Speaker | None:
    """ "«…», – цитує видання якесь джерело": an outlet citing passes on the words of whom it
    cites, named or not, right after it."""
    if speech_register(ctx.lex(verb_i), ctx.tokens[verb_i]) != "cite" or cand.first < verb_i:
        return None
    if not (cand.kind == "outlet" or cand.kind == "name" and is_outlet(ctx, cand.name)):
        return None
    k = cand.last + 1
    while k < hi and ctx.tokens[k].pos in ("ADJF", "NPRO"):
        k += 1  # "якесь", "власне"
    if k >= hi:
        return None
    cited = _search_right(ctx, cand.last, hi, need_nominative=False, agree=False)
    if cited is not None:  # "депутата Олега Петренка"
        return _speaker_of(ctx, cited, cand.last)
    if lemmas(ctx.tokens[k]) & ctx.lex(k).informant_nouns:
        _, last = noun_phrase(ctx, k, hi)
        return Speaker(role=ctx.text(cand.last + 1, last)[0])
    return None


def _omitted_subject(ctx: Context, verb_i: int) -> Speaker:
    """«…», – зазначив. / «…», – сказала знайомим: Ukrainian drops a subject that continues the
    previous sentences'. A singular past-tense verb's gender picks the last person named within
    a few sentences; anything less certain (plural, present tense, no person) stays unnamed."""
    verb = ctx.tokens[verb_i]
    best = verb.best
    if best is None or best.pos != "VERB" or best.number == "plur" or best.gender not in ("masc", "femn"):
        return Speaker()
    if has_own_subject(ctx, verb_i):
        return Speaker()  # "Медіа центр РНБО повідомив": a subject the search did not take as a speaker
    span = recent_person(ctx, verb_i, verb)
    return Speaker(span.entity, span.name, None) if span is not None else Speaker()


def has_own_subject(ctx: Context, verb_i: int) -> bool:
    """A nominative noun or pronoun in the verb's clause, before it."""
    lo, _ = ctx.sentence_range(verb_i)
    for i in range(verb_i - 1, lo - 1, -1):
        token = ctx.tokens[i]
        if token.norm in CLAUSE_BREAKS or token.norm in "«»":
            return False
        best = token.best
        if best is not None and best.pos in ("NOUN", "NPRO") and best.case == "nomn":
            return True
    return False


def speaker_after(ctx: Context, cue_last: int, hi: int) -> tuple[Speaker, int | None]:
    """The speaker named after a cue phrase ("за словами президента Зеленського"), any case."""
    cand = _search_right(ctx, cue_last, hi, need_nominative=False, agree=False)
    if cand is None:
        return Speaker(), None
    return _speaker_of(ctx, cand, cue_last), cand.first


def _role_text(ctx: Context, rng: tuple[int, int] | None) -> str | None:
    return ctx.text(*rng)[0] if rng else None


def _speaker_of(ctx: Context, cand: _Candidate, verb_i: int) -> Speaker:
    if cand.kind == "name":
        span = cand.name
        return Speaker(span.entity, span.name, _role_text(ctx, role_before(ctx, span.first)))
    if cand.kind == "pronoun":
        return resolve_pronoun(ctx, cand.first)
    if cand.kind == "outlet":
        outlet = last_outlet(ctx, cand.first)
        return Speaker(outlet.entity, outlet.name, None) if outlet is not None else Speaker()
    if cand.kind == "unit":
        start = _unit_start(ctx, cand.first)
        body = body_at(ctx, start, verb_i if verb_i > cand.first else ctx.sentence_range(cand.first)[1])
        if body is not None:
            return Speaker(body.entity, body.name, None)
    stop = verb_i if verb_i > cand.first else len(ctx.tokens)
    first, last = noun_phrase(ctx, cand.first, stop)
    phrase = ctx.text(first, last)[0]
    if cand.kind == "group":
        body = named_body(ctx, cand.first) if first == last == cand.first else None
        lex = ctx.lex(cand.first)
        named = lemmas(ctx.tokens[cand.first]) & (lex.org_heads - lex.company_nouns)
        if body is None and named and last > cand.first and first == cand.first:
            body = body_at(ctx, first, stop)  # "Міністерство аграрної політики повідомило"
            if body is not None and body.last == last and body.entity is None:
                return Speaker(None, body.name, phrase)
            body = None
        return Speaker(body.entity, body.name, phrase) if body is not None else Speaker(role=phrase)
    if lemmas(ctx.tokens[cand.first]) & ctx.lex(cand.first).company_nouns:
        body = named_body(ctx, cand.first)  # "Забудовник наполягає" after "ТОВ «Еста Холдинг»"
        if body is not None:
            return Speaker(body.entity, body.name, phrase)
    verb = ctx.tokens[verb_i] if verb_i > cand.first else None
    holder = role_holder(ctx, cand.first, verb)
    if holder is None and lemmas(ctx.tokens[cand.first]) & ctx.lex(cand.first).anaphoric_roles:
        holder = recent_person(ctx, cand.first, verb)
    if holder is None:
        return Speaker(role=phrase)
    return Speaker(holder.entity, holder.name, phrase)


def _unit_of_someone(ctx: Context, i: int) -> bool:
    """A unit noun followed by the body it belongs to ("прес-служба МОЗ", "центр при РНБО",
    "відділення комітету"): the unit speaks; a bare "управління" is no one yet."""
    _, hi = ctx.sentence_range(i)
    body = body_at(ctx, _unit_start(ctx, i), hi)
    return body is not None and body.last > i


def _unit_start(ctx: Context, i: int) -> int:
    """The first word of a unit's name: adjectives and a capitalised word before its noun
    ("Київське відділення", "Медіа центр")."""
    lo, _ = ctx.sentence_range(i)
    start = i
    while start > lo:
        before = ctx.tokens[start - 1]
        if not (before.pos == "ADJF" or start == i and before.is_title):
            break
        start -= 1
    return start
