"""Source attributions: who the article says its information comes from, and how far that reaches.

Cues are per-language data (``source_cues.yaml``): prepositional phrases (``за даними X``,
``з посиланням на X``, ``як повідомляє X``) and reporting verbs whose subject is the source
(``пише WSJ``, ``Reuters повідомляє``). Scope:

* a cue sentence standing alone as a paragraph ("Про це пише WSJ.") covers the paragraphs
  before it, back to the previous such paragraph or the start; the last one also covers the
  rest of the article, which retells the same report;
* a cue sentence pointing back ("…. Про це повідомляє X.") inside a paragraph covers the
  paragraph up to it;
* any other cue ("За даними WSJ, …", "…, пише WSJ") covers its sentence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..document import Entity
from .context import Context
from .informants import informant_at, outlet_start
from .lexicon import CLAUSE_BREAKS, SENTENCE_END, has_case, is_word, lemmas, speech_register
from .outlets import is_outlet, last_outlet, outlet_noun, speaks_for_itself
from .speakers import find_speaker

_MAX_NP = 5


@dataclass
class Attribution:
    first: int  # the source's tokens, inclusive
    last: int
    name: str
    entity: Entity | None
    cue: tuple[int, int]
    standalone: bool = False
    anaphoric: bool = False


def _is_titled(token) -> bool:
    return token.norm[:1].isupper() or token.norm[:1].isdigit()


def source_after(
    ctx: Context, i: int, hi: int, plain: bool = True
) -> tuple[int, int, str, Entity | None] | None:
    """The source named from token ``i`` on: an entity mention, a capitalised name, or a noun phrase."""
    lex = ctx.lex(i) if i < len(ctx.tokens) else None
    j = i
    if j < hi and ctx.tokens[j].norm.lower() in lex.determiners and j + 1 < hi and _is_titled(ctx.tokens[j + 1]):
        j += 1  # "according to the Kyiv Independent"
    while j < hi and (
        ctx.tokens[j].pos == "ADJF"
        and not _is_titled(ctx.tokens[j])
        or lemmas(ctx.tokens[j]) & (lex.media_nouns | lex.roles | lex.container_nouns)
    ):
        j += 1  # "американське видання The Wall Street Journal", "громадський активіст X"
    if j < hi and ctx.tokens[j].norm == "«" and j + 1 in ctx.name_at:
        j += 1  # видання «Українська правда»
    elif j < hi and ctx.tokens[j].norm == "«":
        return _quoted_name(ctx, j)
    if j < hi and j in ctx.name_at:
        span = ctx.name_at[j]
        return span.first, span.last, span.name, span.entity
    anaphoric = j == i + 1 and ctx.tokens[i].norm.islower()  # "пише видання": the outlet named before
    if j > i and not anaphoric and lemmas(ctx.tokens[j - 1]) & lex.media_nouns and _ends_clause(ctx, j, hi):
        return i, j - 1, ctx.text(i, j - 1)[0], None  # "повідомляють ЗМІ.", "пишут западные СМИ"
    if j < hi and _is_titled(ctx.tokens[j]) and is_word(ctx.tokens[j]):
        last = j
        while (
            last + 1 < hi and last - j < _MAX_NP and _continues_name(ctx.tokens[last], ctx.tokens[last + 1])
        ):
            last += 1
        return j, last, ctx.text(j, last)[0], None
    return _plain_phrase(ctx, i, hi) if plain else None


def _quoted_name(ctx: Context, open_tok: int):
    """передає «Суспільне»: a short title in quotation marks names the source."""
    span = next((q for q in ctx.quote_spans if q.open_tok == open_tok), None)
    if span is None or not 0 < span.close_tok - open_tok - 1 <= _MAX_NP or span.close_tok >= len(ctx.tokens):
        return None
    first, last = open_tok + 1, span.close_tok - 1
    return first, last, ctx.text(first, last)[0], None


def _continues_name(token, nxt) -> bool:
    """ "The Wall Street Journal", "Земельним кодексом України": capitals, or an adjective's noun."""
    if not is_word(nxt):
        return False
    return _is_titled(nxt) or token.pos == "ADJF" and nxt.pos in ("NOUN", "ADJF")


def _plain_phrase(ctx: Context, i: int, hi: int) -> tuple[int, int, str, Entity | None] | None:
    """ "документом", "даними держреєстру", "джерела в уряді": adjectives, a noun, and what
    depends on it (genitives, names, "в/у" + noun after a source noun)."""
    j = i
    while j < hi and ctx.tokens[j].pos == "ADJF":
        j += 1
    if j >= hi or ctx.tokens[j].pos != "NOUN" or j in ctx.quoted:
        return None
    head, last = j, j
    lex = ctx.lex(j)
    while last + 1 < hi and last - i < _MAX_NP:
        nxt = ctx.tokens[last + 1]
        if nxt.pos in ("NOUN", "ADJF", None) and is_word(nxt) and (has_case(nxt, "gent") or _is_titled(nxt)):
            last += 1
        elif (
            nxt.norm.lower() in ("в", "у", "з", "із")
            and lemmas(ctx.tokens[head]) & lex.source_nouns
            and last + 2 < hi
        ):
            last += 2  # "джерела в уряді"
        else:
            break
    return i, last, ctx.text(i, last)[0], None


def _source_before(ctx: Context, verb_i: int, lo: int) -> tuple[int, int, str, Entity | None] | None:
    """ "WSJ пише", "Reuters повідомляє": a name right before the verb (adverbs may intervene)."""
    j = verb_i - 1
    while j >= lo and ctx.tokens[j].pos in ("ADVB", "PRCL"):
        j -= 1
    if j < lo or j in ctx.quoted:
        return None
    if j in ctx.name_at and has_case(ctx.tokens[j], "nomn"):
        span = ctx.name_at[j]
        return span.first, span.last, span.name, span.entity
    token = ctx.tokens[j]
    if lemmas(token) & ctx.lex(j).media_nouns and has_case(token, "nomn"):
        return j, j, ctx.text(j, j)[0], None
    if _is_titled(token) and j > lo and is_word(token) and token.pos is None:
        return j, j, token.text, None  # an unanalysed capitalised word: "WSJ", "Reuters"
    return None


_MAX_ABOUT_GAP = 4  # "Про це ще у серпні заявив X": words between "про це" and the verb


def _about_this(ctx: Context, verb_i: int, lo: int) -> int | None:
    """The start of "Про це" / "Об этом" opening the sentence of the reporting verb at
    ``verb_i``: the sentence attributes what came before it to whoever the verb names."""
    lex = ctx.lex(verb_i)
    if verb_i - lo < 2 or verb_i - lo > 2 + _MAX_ABOUT_GAP or not speech_register(lex, ctx.tokens[verb_i]):
        return None
    opener, anaphor = ctx.tokens[lo], ctx.tokens[lo + 1]
    if opener.pos != "PREP" or anaphor.norm.lower() not in lex.anaphora:
        return None
    between = ctx.tokens[lo + 2 : verb_i]
    if any(t.norm in CLAUSE_BREAKS or t.norm.lower() in lex.negations for t in between):
        return None  # "Про це не сказав жоден міністр" attributes nothing
    return lo


def _speaker_source(ctx: Context, verb_i: int, hi: int) -> tuple[int, int, str, Entity | None] | None:
    """The speaker named after the verb as a source: the person's name ("глава МИД Дмитрий
    Кулеба" gives Кулеба), else the role phrase ("представник ВАТ «Оборонстрой»")."""
    speaker, at = find_speaker(ctx, verb_i, verb_i + 1, hi, right_first=True)
    if at is None or at <= verb_i:
        return None  # "Про це він повідомив в інтерв'ю X": the pronoun is no source
    if any(source_phrase_at(ctx, j) for j in range(verb_i + 1, hi)):
        return None  # "Об этом заявил X в интервью газете Y": the outlet is the source
    phrase = [n for n in ctx.names if at <= n.first < hi and not _clause_between(ctx, at, n.first)]
    people = [n for n in phrase if n.type in ("PER", "PERS")]  # the person, not their company
    span = people[0] if people else next((n for n in phrase if n.name == speaker.name), None)
    if span is not None:
        return span.first, span.last, span.name, span.entity
    if speaker.role is None:
        return None
    last = ctx.token_at(ctx.tokens[at].start + len(speaker.role) - 1)
    return at, last, speaker.role, None


def _clause_between(ctx: Context, first: int, last: int) -> bool:
    return any(t.norm in CLAUSE_BREAKS for t in ctx.tokens[first:last])


def source_phrase_at(ctx: Context, i: int) -> tuple[str, ...] | None:
    # Called for every token: look only at the phrases that start with this token's word.
    for phrase in _phrases_by_first_word(ctx.lex(i).source_phrases).get(ctx.tokens[i].norm.lower(), ()):
        words = tuple(t.norm.lower() for t in ctx.tokens[i : i + len(phrase)])
        if words == phrase:
            return phrase
    return None


@functools.cache
def _phrases_by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return index


def _has_complement(ctx: Context, verb_i: int, hi: int) -> bool:
    lex = ctx.lex(verb_i)
    return any(
        ctx.tokens[j].norm.lower() in lex.complementizers for j in range(verb_i + 1, min(hi, verb_i + 4))
    )


def _ends_clause(ctx: Context, i: int, hi: int) -> bool:
    """ "пише WSJ." / "пише WSJ, посилаючись …" / "пише WSJ у статті": the source closes its clause."""
    if i < hi and ctx.tokens[i].norm == "»":
        i += 1
    return (
        i >= hi
        or ctx.tokens[i].norm in CLAUSE_BREAKS
        or ctx.tokens[i].norm in SENTENCE_END
        or ctx.tokens[i].pos == "PREP"
    )


def _reports(ctx: Context, verb_i: int, hi: int) -> bool:
    """ "Reuters повідомляє, що …" / "WSJ пише про це": the verb reports, it does not act on an object."""
    lex = ctx.lex(verb_i)
    following = [t.norm.lower() for t in ctx.tokens[verb_i + 1 : min(hi, verb_i + 4)]]
    preceding = {t.norm.lower() for t in ctx.tokens[max(0, verb_i - 2) : verb_i]}
    return bool(following) and (
        following[0] in (",", ":")
        or following[0] in lex.complementizers
        or bool((set(following[:2]) | preceding) & lex.anaphora)
    )


def _verb_source(ctx: Context, verb_i: int, lo: int, hi: int):
    """The source of a cue verb: after it ("пише WSJ") or before it ("WSJ пише")."""
    nxt = verb_i + 1
    found = None
    if (
        nxt < hi
        and (is_word(ctx.tokens[nxt]) or ctx.tokens[nxt].norm == "«")
        and ctx.tokens[nxt].pos not in ("PREP", "CONJ", "ADVB", "PRCL")
    ):
        found = _journalist_after_outlet(ctx, source_after(ctx, nxt, hi, plain=False))
        if found is not None and not (
            has_case(ctx.tokens[found[1]], "nomn") and _ends_clause(ctx, found[1] + 1, hi)
        ):
            found = None  # "передав Росії майно": an object, not a source
    if found is None and _reports(ctx, verb_i, hi):
        found = _source_before(ctx, verb_i, lo)
    if found is None:
        return None
    entity = found[3]
    person = (
        entity is not None
        and entity.type in ("PER", "PERS")
        or (found[0] in ctx.name_at and ctx.name_at[found[0]].type == "PER")
    )
    if person and _has_complement(ctx, verb_i, hi):
        # "Зеленський повідомив, що …" is a quote, not a source; the outlet glued before a
        # journalist is ("Bloomberg Лиам Деннинг пишет, что …")
        before = ctx.name_at.get(found[0] - 1)
        outlet = before is not None and is_outlet(ctx, before)
        return (before.first, before.last, before.name, before.entity) if outlet else None
    return found


def _journalist_after_outlet(ctx: Context, found):
    """ "пишет Bloomberg Лиам Деннинг", "написав голова ОДА Олег Синєгубов": the person after an
    outlet or after a role's body is the source named (an outlet is added beside them, see
    :func:`_journalists_outlet`)."""
    span = ctx.name_at.get(found[0]) if found is not None else None
    if span is None:
        return found
    role_before = span.first > 0 and bool(lemmas(ctx.tokens[span.first - 1]) & ctx.lex(span.first).roles)
    if not is_outlet(ctx, span) and not role_before:
        return found
    person = ctx.name_at.get(found[1] + 1)
    if person is None or person.type not in ("PER", "PERS") or person.first != found[1] + 1:
        return found
    return person.first, person.last, person.name, person.entity


def _document_phrase(ctx: Context, i: int, hi: int) -> tuple[int, int, str, Entity | None] | None:
    """ "постанова Вищого господарського суду", "тендерній документації": a noun phrase whose
    head is a document noun (language data)."""
    found = _plain_phrase(ctx, i, hi)
    if found is None:
        return None
    head = next((j for j in range(found[0], found[1] + 1) if ctx.tokens[j].pos == "NOUN"), None)
    if head is None or not lemmas(ctx.tokens[head]) & ctx.lex(i).document_nouns:
        return None
    return found


def _document_verb(ctx: Context, i: int, hi: int):
    """ "Про це свідчить постанова суду": the document after the verb is the source."""
    if i + 1 >= hi or not lemmas(ctx.tokens[i]) & ctx.lex(i).document_verbs:
        return None
    return _document_phrase(ctx, i + 1, hi)


def _document_locative(ctx: Context, i: int, hi: int) -> Attribution | None:
    """ "У тендерній документації вказано …", "З довідок … відомо": a document in a prepositional
    phrase before an impersonal verb of saying."""
    lex = ctx.lex(i)
    if ctx.tokens[i].norm.lower() not in lex.document_prepositions:
        return None
    found = _document_phrase(ctx, i + 1, hi)
    if found is None:
        return None
    for j in range(found[1] + 1, min(found[1] + 1 + _MAX_NP, hi)):
        token = ctx.tokens[j]
        if token.norm in CLAUSE_BREAKS or token.norm in SENTENCE_END:
            return None
        if token.norm.lower() in lex.document_locative_verbs or lemmas(token) & lex.document_locative_verbs:
            return Attribution(found[0], found[1], found[2], None, (j, j))
    return None


def _attribution_at(ctx: Context, i: int) -> Attribution | None:
    lo, hi = ctx.sentence_range(i)
    phrase = source_phrase_at(ctx, i)
    if phrase is not None:
        cue = (i, i + len(phrase) - 1)
        found = source_after(ctx, cue[1] + 1, hi)
        if found is not None and _quoted_instead(ctx, phrase, found[0]):
            return None
    elif ctx.tokens[i].pos in ("VERB", None) and (ctx.tokens[i].lemma or "") in ctx.lex(i).source_verbs and (
        found := _verb_source(ctx, i, lo, hi)
    ):
        cue = (i, i)
    elif (about := _about_this(ctx, i, lo)) is not None:
        cue = (about, i)  # "Про це заявив міністр X": whoever said it is the source
        found = _speaker_source(ctx, i, hi)
    elif (found := _document_verb(ctx, i, hi)) is not None:
        cue = (i, i)
    elif (informant := informant_at(ctx, i)) is not None:
        first, last, verb = informant  # "Источники издания говорят, что …"
        return Attribution(first, last, ctx.text(first, last)[0], None, (verb, verb))
    else:
        return _document_locative(ctx, i, hi)
    if found is None:
        return None
    first, last, name, entity = found
    if first == last and entity is None and outlet_noun(ctx, first):
        outlet = last_outlet(ctx, first)  # "Видання пише", "по данным издания": the outlet named before
        if outlet is not None:
            name, entity = outlet.name, outlet.entity
    return Attribution(first, last, name, entity, cue)


def _quoted_instead(ctx: Context, phrase: tuple[str, ...], first: int) -> bool:
    """ "За інформацією «Еста Холдинг»", "за даними Нафтогазу": a person or a body speaking for
    itself is the speaker of a quote there, not a source (an outlet or a document is)."""
    lex = ctx.lex(first)
    span = ctx.name_at.get(first)
    if phrase not in lex.according_to_records | lex.according_to_bodies or span is None:
        return False
    return speaks_for_itself(ctx, span)


def _classify(ctx: Context, att: Attribution) -> None:
    lo, hi = ctx.sentence_range(att.cue[0])
    para = ctx.paragraph_of(att.cue[0])
    alone_before = lo == 0 or ctx.paragraph_of(lo - 1) != para
    alone_after = hi >= len(ctx.tokens) or ctx.paragraph_of(hi) != para
    lex = ctx.lex(att.cue[0])
    att.anaphoric = any(t.norm.lower() in lex.anaphora for t in ctx.tokens[lo:hi])
    # "Про це пише WSJ." alone in its paragraph; not any one-sentence paragraph with a cue
    short = ctx.words(lo, hi - 1) <= ctx.words(att.cue[0], att.cue[1]) + ctx.words(att.first, att.last) + 3
    att.standalone = alone_before and alone_after and (att.anaphoric or short)


def find_attributions(ctx: Context) -> list[Attribution]:
    found: list[Attribution] = []
    claimed: set[int] = set()
    for i, token in enumerate(ctx.tokens):
        if i in claimed or i in ctx.quoted or not is_word(token):
            continue
        att = _attribution_at(ctx, i)
        if att is None or any(j in claimed for j in range(att.first, att.last + 1)):
            continue  # one citation, one source: "з посиланням на Reuters повідомляє видання"
        claimed.update(range(att.cue[0], att.cue[1] + 1))
        claimed.update(range(att.first, att.last + 1))
        _classify(ctx, att)
        found.append(att)
        outlet = _journalists_outlet(ctx, att)
        if outlet is not None:
            claimed.update(range(outlet.first, outlet.last + 1))
            found.append(outlet)
    return found


def _journalists_outlet(ctx: Context, att: Attribution) -> Attribution | None:
    """ "Як пише Вероніка Гаврилюк у «Комерсанті-Україна»", "пишет Bloomberg Лиам Деннинг": the
    outlet is a source too."""
    span = ctx.name_at.get(att.first)
    if span is None or span.type not in ("PER", "PERS"):
        return None
    _, hi = ctx.sentence_range(att.first)
    start = outlet_start(ctx, att.last, hi)
    found = source_after(ctx, start, hi, plain=False) if start is not None else None
    before = ctx.name_at.get(att.first - 1)
    if found is None and before is not None and is_outlet(ctx, before):
        found = (before.first, before.last, before.name, before.entity)  # "Bloomberg Лиам Деннинг пишет"
    if found is None:
        return None
    extra = Attribution(*found, att.cue)
    extra.standalone, extra.anaphoric = att.standalone, att.anaphoric
    return extra


def scopes(ctx: Context, found: list[Attribution]) -> list[tuple[int, int]]:
    """(scope_start, scope_end) in the original text for each attribution (see module doc)."""
    doc = ctx.doc
    standalone = [a for a in found if a.standalone]
    result = []
    for att in found:
        sent = doc.sentences[ctx.tokens[att.cue[0]].sent]
        para = doc.paragraphs[sent.paragraph]
        if att.standalone:
            k = standalone.index(att)
            prev_end = doc.paragraphs[ctx.paragraph_of(standalone[k - 1].cue[0])].end if k else 0
            end = len(doc.text) if k == len(standalone) - 1 else para.end
            start = _next_paragraph_start(doc, prev_end)
            result.append((start, end))
        elif att.anaphoric:
            result.append((para.start, sent.end))
        else:
            result.append((sent.start, sent.end))
    return result


def _next_paragraph_start(doc, offset: int) -> int:
    return next((p.start for p in doc.paragraphs if p.start >= offset), offset)
