"""Who says it: the subject of a reporting verb, as a named entity, a pronoun resolved to the
last compatible person, a role noun bound to its last named holder, or a group voice.

No speaker is ever invented: when nothing in the text names one, the result says so
(``entity`` and ``name`` None) and keeps the role or group phrase the text gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Entity, Token
from ..resources import morph_analyzer
from .bodies import institution_voice, named_body, previous_subject_body
from .context import Context, NameSpan
from .lexicon import CLAUSE_BREAKS, DASHES, SENTENCE_END, has_case, is_word, lemmas, speech_register
from .outlets import is_outlet, last_outlet, outlet_noun
from .units import body_at

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


@dataclass
class _Candidate:
    position: int  # token index nearest the verb
    kind: str  # name, pronoun, role, group, outlet, unit
    name: NameSpan | None = None
    first: int = -1
    last: int = -1


def _verb_features(token: Token) -> tuple[str | None, str | None]:
    best = token.best
    if best is None:
        return None, None
    return best.gender, best.number


def _noun_features(tokens: list[Token]) -> tuple[set[str], set[str]]:
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


def _compatible(verb: Token | None, genders: set[str], numbers: set[str], plural: bool = False) -> bool:
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
        if i in ctx.name_at and ctx.name_at[i].type == "PER" and _nominative(token):
            break  # another person's name, not a complement like "Переговорник путіна"
        start, i = i, i - 1
    lex = ctx.lex(first)
    role_at = next((j for j in range(start, first) if lemmas(ctx.tokens[j]) & lex.roles), None)
    if role_at is None:
        return None
    while role_at > start and ctx.tokens[role_at - 1].pos == "ADJF":
        role_at -= 1
    last = first - 2 if start < first and ctx.tokens[first - 1].norm.lower() in lex.copulas else first - 1
    return role_at, last


def _title_opening(ctx: Context, close: int) -> int | None:
    """The opening mark of a short quoted title ending at ``close``, if there is one."""
    if ctx.tokens[close].norm != "»":
        return None
    span = next((q for q in ctx.quote_spans if q.close_tok == close), None)
    return span.open_tok if span is not None and close - span.open_tok <= _MAX_ROLE_TOKENS else None


def _noun_phrase(ctx: Context, head: int, stop: int) -> tuple[int, int]:
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


def _candidate_at(ctx: Context, i: int, need_nominative: bool) -> _Candidate | None:
    token, lex = ctx.tokens[i], ctx.lex(i)
    if i in ctx.name_at:
        span = ctx.name_at[i]
        if not need_nominative or _nominative_name(ctx, span):
            # one nominative word is enough: "Марк Рютте" (the analyser guesses "Рютте" is dative)
            return _Candidate(i, "name", span, span.first, span.last)
        return None
    if not is_word(token) or need_nominative and not _nominative(token):
        return None
    low = token.norm.lower()
    if low in lex.pronouns and token.pos in ("NPRO", None, "NOUN"):
        return _Candidate(i, "pronoun", first=i, last=i)
    found = lemmas(token)
    if token.pos not in ("NOUN", None) and not found & lex.collectives:
        return None
    plural = any(p.number == "plur" for p in token.parses if not need_nominative or p.case in (None, "nomn"))
    singular = any(p.number != "plur" for p in token.parses if p.case in (None, "nomn"))
    if found & lex.unit_nouns and singular and _unit_of_someone(ctx, i):
        return _Candidate(i, "unit", first=i, last=i)  # "Прес-служба МОЗ", "Медіа центр РНБО"
    if found & lex.collectives or plural and found & (lex.groups | lex.roles):
        return _Candidate(i, "group", first=i, last=i)
    if outlet_noun(ctx, i):
        return _Candidate(i, "outlet", first=i, last=i)  # "Видання пише": the outlet named before
    if found & lex.roles:
        return _Candidate(i, "role", first=i, last=i)
    return None


def _nominative_name(ctx: Context, span: NameSpan, last_word: bool = False) -> bool:
    """Whether a name reads as a subject: a word of it (or its last) has a nominative reading,
    or it is written exactly as its entity's nominative name ("Юсов", "Себастьен Лекорню",
    which the dictionary only guesses at)."""
    words = [ctx.tokens[span.last]] if last_word else ctx.tokens[span.first : span.last + 1]
    if any(_nominative(t) for t in words):
        return True
    as_entity = span.entity is not None and span.surface == span.entity.name
    return as_entity and not _known_oblique(ctx, ctx.tokens[span.first])  # "Анатол Статі" ok


def _known_oblique(ctx: Context, token: Token) -> bool:
    """A dictionary word read as a singular noun in another case ("Президента")."""
    lang = ctx.doc.language if ctx.doc.language in ("uk", "ru") else "uk"
    if not morph_analyzer(lang).word_is_known(token.text.lower()):
        return False
    return any(p.pos == "NOUN" and p.number != "plur" and p.case not in (None, "nomn") for p in token.parses)


def _nominative(token: Token) -> bool:
    return has_case(token, "nomn")


def _after_preposition(ctx: Context, first: int) -> bool:
    """Governed by a preposition, right before or past a possessive or an adjective ("в своем
    Telegram написал", "у власному Facebook")."""
    k, possessives = first - 1, ctx.lex(first).possessives
    while k > 0 and first - k <= 2 and lemmas(ctx.tokens[k]) & possessives:
        k -= 1
    return k >= 0 and ctx.tokens[k].pos == "PREP"


def _complement_of_noun(ctx: Context, first: int) -> bool:
    """ "Представники рф", "Уряд Британії": a place or body right after the noun it depends on."""
    prev = first - 1
    if prev >= 1 and ctx.tokens[prev].norm == "«":  # "директора «Офісу»", not "За інформацією «X»"
        lex = ctx.lex(prev)
        return bool(lemmas(ctx.tokens[prev - 1]) & (lex.roles | lex.groups))
    return prev >= 0 and prev not in ctx.name_at and ctx.tokens[prev].pos == "NOUN"


def _usable(ctx: Context, cand: _Candidate, verb: Token | None) -> bool:
    if cand.kind == "name":
        if _after_preposition(ctx, cand.first):
            return False
        span = cand.name
        if span.type not in ("PER", "PERS") and _complement_of_noun(ctx, span.first):
            return False
        genders, numbers = _noun_features(ctx.tokens[span.first : span.last + 1])
        if span.type in ("PER", "PERS"):  # a named person is one person, whatever a guessed
            # reading of an unknown surname says ("Сибига" read as plural of "сибиго")
            if not span.genders and not any(
                p.name_type for t in ctx.tokens[span.first : span.last + 1] for p in t.parses
            ):
                return _compatible(verb, set(), {"sing"})  # "Анатол Статі": no reading is a name's
            return _compatible(verb, set(span.genders) or genders, {"sing"} if span.genders else numbers)
        if span.first == span.last and ctx.tokens[span.first].text.isupper():
            numbers = set()  # "МЗС заявило", "МЗС заявили", "США заявили": either number
        elif span.first < span.last:  # "Центр протидії дезінформації": its first noun is the head
            head = next((t for t in ctx.tokens[span.first : span.last + 1] if t.pos == "NOUN"), None)
            if head is not None:  # a nominative reading with no number is a singular one
                numbers = {p.number or "sing" for p in head.parses if p.case in (None, "nomn")} or numbers
            return _compatible(verb, set(), numbers, numbers == {"plur"})
        return _compatible(verb, set(), numbers, "plur" in numbers)
    if cand.kind == "pronoun":
        gender = ctx.lex(cand.first).pronouns[ctx.tokens[cand.first].norm.lower()]
        plural = gender == "plur"
        return _compatible(verb, set() if plural else {gender}, {"plur"} if plural else {"sing"}, plural)
    if _after_preposition(ctx, cand.first):
        return False
    genders, numbers = _noun_features([ctx.tokens[cand.first]])
    return _compatible(verb, genders, numbers, cand.kind == "group" and numbers == {"plur"})


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
    verb, fallback, title = (ctx.tokens[verb_i] if agree else None), None, None
    for i in range(verb_i + 1, hi):
        token = ctx.tokens[i]
        if _inside_org_title(ctx, i) or _marks_a_name(ctx, i):
            continue  # "директор ТОВ «БВК «Компанія Федорченко» Віталій Авраменко": past the name
        in_title = i in ctx.quoted and verb_i not in ctx.quoted and i not in ctx.name_at
        if not agree and (token.norm in "«»" or in_title):
            continue  # "за словами директора «Офісу» Олега Литвяка": look past the title
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
    «Київпастрансу» Юрія …", "заявил The Economist тогдашний глава Службы Валентин Наливайченко"."""
    if cand.kind != "name" or cand.name.type in ("PER", "PERS"):
        return False
    return not agree and i in ctx.quoted or is_outlet(ctx, cand.name)


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
        _, last = _noun_phrase(ctx, k, hi)
        return Speaker(role=ctx.text(cand.last + 1, last)[0])
    return None


_ANTECEDENT_SENTENCES = 3  # how far back an omitted subject may point


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
    span = _recent_person(ctx, verb_i, verb)
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
    first, last = _noun_phrase(ctx, cand.first, stop)
    phrase = ctx.text(first, last)[0]
    if cand.kind == "group":
        body = named_body(ctx, cand.first) if first == last == cand.first else None
        return Speaker(body.entity, body.name, phrase) if body is not None else Speaker(role=phrase)
    if lemmas(ctx.tokens[cand.first]) & ctx.lex(cand.first).company_nouns:
        body = named_body(ctx, cand.first)  # "Забудовник наполягає" after "ТОВ «Еста Холдинг»"
        if body is not None:
            return Speaker(body.entity, body.name, phrase)
    verb = ctx.tokens[verb_i] if verb_i > cand.first else None
    holder = _role_holder(ctx, cand.first, verb)
    if holder is None and lemmas(ctx.tokens[cand.first]) & ctx.lex(cand.first).anaphoric_roles:
        holder = _recent_person(ctx, cand.first, verb)
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
    while start > lo and (ctx.tokens[start - 1].pos == "ADJF" or start == i and ctx.tokens[start - 1].is_title):
        start -= 1
    return start


def _recent_person(ctx: Context, i: int, verb: Token | None) -> NameSpan | None:
    """The person named last before ``i``, within a few sentences, agreeing with the verb."""
    for span in reversed(ctx.names):
        if span.last >= i:
            continue
        if _narrative_distance(ctx, span.last, i) > _ANTECEDENT_SENTENCES:
            return None
        if _talked_about(ctx, span, i):
            continue  # named inside someone's quote, not the subject carried over
        if span.type in ("PER", "PERS") and _compatible(verb, set(span.genders), set()):
            return span
    return None


def _talked_about(ctx: Context, span: NameSpan, i: int) -> bool:
    """A name inside quote marks (when ``i`` is not) that is not the attribution interrupting
    the quote ("«…? – зазначив пан Махмудов. – …»")."""
    if span.first not in ctx.quoted or i in ctx.quoted:
        return False
    lex, saw_verb = ctx.lex(span.first), False
    for k in range(span.first - 1, max(-1, span.first - 5), -1):
        token = ctx.tokens[k]
        if token.norm in DASHES:
            return not saw_verb  # "– зазначив пан Махмудов": who speaks the quote around it
        if token.norm in CLAUSE_BREAKS or token.norm in SENTENCE_END or token.norm in "«»":
            return True
        saw_verb = saw_verb or bool(speech_register(lex, token))
    return True


def _narrative_distance(ctx: Context, earlier: int, later: int) -> int:
    """Sentences from token ``earlier`` to ``later``, not counting those wholly inside quote
    marks: a six-sentence quote does not make its speaker a distant antecedent."""
    first, last = ctx.tokens[earlier].sent, ctx.tokens[later].sent
    if last - first <= _ANTECEDENT_SENTENCES:
        return last - first
    between = {
        ctx.tokens[k].sent
        for k in range(earlier + 1, later)
        if k not in ctx.quoted and is_word(ctx.tokens[k])
    }
    return len(between - {first, last}) + 1


def resolve_pronoun(ctx: Context, i: int) -> Speaker:
    """він/вона -> the last person named before, of that gender; вони -> no one person, but the
    group voice it continues ("Аналітики вважають … Вони також зазначають") as the role."""
    gender = ctx.lex(i).pronouns[ctx.tokens[i].norm.lower()]
    if gender == "plur":
        return _recent_group(ctx, i)
    body = previous_subject_body(ctx, i, gender)
    if body is None and gender == "neut":  # "Оно утверждает": no person is "it"
        body = last_outlet(ctx, i, _ANTECEDENT_SENTENCES)
    if body is not None or gender == "neut":
        return Speaker(body.entity, body.name, None) if body is not None else Speaker()
    for span in reversed(ctx.names):
        if span.last >= i or span.type not in ("PER", "PERS") or _after_preposition(ctx, span.first):
            continue
        if _talked_about(ctx, span, i) or span.first in ctx.reported:
            continue  # a person the speaker talks about inside a quote is not who "він" is
        if not _nominative_name(ctx, span, last_word=True) and not _named_by_cue(ctx, span):
            continue  # the antecedent of a subject pronoun is a subject: "до Вашингтона" is not
        if not span.genders or gender in span.genders:
            return Speaker(span.entity, span.name, None)
    return Speaker()


def _named_by_cue(ctx: Context, span: NameSpan) -> bool:
    """ "По словам Трампа, … Он также добавил": the speaker a cue phrase names (with or without
    a role: "за словами голови ОДА Олега Синєгубова") is a subject in all but case."""
    rng = role_before(ctx, span.first)
    start = rng[0] if rng is not None else span.first
    words = tuple(t.norm.lower() for t in ctx.tokens[max(0, start - 3) : start])
    return any(words[-len(phrase) :] == phrase for phrase in ctx.lex(span.first).according_to)


def _recent_group(ctx: Context, i: int) -> Speaker:
    """The last plural group noun used as a subject within a few sentences, as an unnamed voice."""
    lex = ctx.lex(i)
    nouns = lex.groups | lex.roles
    for j in range(i - 1, -1, -1):
        token = ctx.tokens[j]
        if ctx.tokens[i].sent - token.sent > _ANTECEDENT_SENTENCES:
            break
        subject = any(  # "Аналітики" also reads as a genitive of "аналітика": look past the best
            p.pos == "NOUN" and p.number == "plur" and p.case == "nomn" and p.lemma in nouns
            for p in token.parses[:3]
        )
        if subject and j not in ctx.quoted:
            first, last = _noun_phrase(ctx, j, i)
            return Speaker(role=ctx.text(first, last)[0])
    return Speaker()


def _role_holder(ctx: Context, i: int, verb: Token | None) -> NameSpan | None:
    """The last person introduced with the role noun at ``i`` ("президент" -> "президент … Зеленський"),
    of the verb's gender ("суддя зазначила" skips a male judge)."""
    lex = ctx.lex(i)
    lo, hi = ctx.sentence_range(i)
    titled = _titles(ctx, max(lo, i - 1), min(hi - 1, i + 1))  # "Міський голова", "Глава города"
    # "Експерт" after "аналітик Олексій …"; "Мер" after "Міський голова … Андрій Садовий"
    wanted = lex.role_class(titled) if titled else lex.role_class(lemmas(ctx.tokens[i]))
    for span in reversed(ctx.names):
        if span.last >= i or span.type != "PER":
            continue
        if not _compatible(verb, set(span.genders), set()):
            continue
        rng = role_before(ctx, span.first)
        if rng and (_titles(ctx, *rng) | set().union(*(lemmas(t) for t in ctx.tokens[rng[0] : rng[1] + 1]))) & wanted:
            return span
    return None


def _titles(ctx: Context, first: int, last: int) -> set[str]:
    """The one-word roles two-word titles in tokens ``first..last`` stand for ("міський голова"
    -> "міськголова", "глава города" -> "мэр"; language data ``role_phrases``)."""
    phrases = ctx.lex(first).role_phrases
    found = set()
    for k in range(first, last):
        pairs = ((a, b) for a in lemmas(ctx.tokens[k]) for b in lemmas(ctx.tokens[k + 1]))
        found |= {phrases[pair] for pair in pairs if pair in phrases}
    return found
