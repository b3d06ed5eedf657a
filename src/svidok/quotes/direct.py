"""Quotes marked by quotation marks or a dialogue dash that no cue clause claimed.

A quotation-mark span is speech when an attribution stands beside it (``«…», — сказав він``),
interrupts it (``«…, — сказав він. — …»``), labels it (``Зеленський: «…»``), or when it fills
its paragraph and continues the previous speaker's words. Anything else between marks is a
title, a name or a scare quote (``Він вважає котів «милими»``) and is not a quote.
"""

from __future__ import annotations

from itertools import pairwise

from .clauses import Found
from .context import Context, QuoteSpan
from .lexicon import CLAUSE_BREAKS, DASHES, SENTENCE_END, is_word, lemmas, speech_register
from .speakers import Speaker, find_speaker, has_own_subject

_MIN_STANDALONE_WORDS = 5
_MIN_FOLLOWING_WORDS = 3  # a whole quoted sentence after a quoted sentence: short ones count too


def _speech_after(ctx: Context, i: int, hi: int) -> int | None:
    """A reporting verb at ``i`` or within the next two tokens (``— сказав``, ``— він сказав``)."""
    for j in range(i, min(i + 3, hi)):
        lex = ctx.lex(j)
        if speech_register(lex, ctx.tokens[j]) or lemmas(ctx.tokens[j]) & lex.attribution_verbs:
            return j  # "— …, — відповідає Іваненко"
        if ctx.tokens[j].norm in SENTENCE_END or ctx.tokens[j].norm in "«»":
            return None
    return None


_MAX_SUBJECT_TOKENS = 8


def _speech_after_name(ctx: Context, i: int, hi: int) -> int | None:
    """«…,» Ukrainian President Volodymyr Zelensky told reporters: a longer subject phrase holding
    a name, a role or a group ("a senior Ukrainian official told CNN"), then the reporting verb."""
    named = False
    for j in range(i, min(i + _MAX_SUBJECT_TOKENS + 1, hi)):
        token, lex = ctx.tokens[j], ctx.lex(j)
        if token.norm in SENTENCE_END or token.norm in "«»" or j in ctx.quoted:
            return None
        if named and speech_register(lex, token):
            return j
        named = named or j in ctx.name_at or bool(lemmas(token) & (lex.roles | lex.groups))
    return None


def _inverted_speaker(ctx: Context, verb_i: int, lo: int, subject_first: bool = False) -> Speaker:
    """Who speaks in the attribution after a quote: after the verb ("— сказав він", "said Rutte"),
    or before it when a subject comes first ("he told reporters in Kyiv": not Kyiv)."""
    _, hi = ctx.sentence_range(verb_i)
    return find_speaker(ctx, verb_i, lo, hi, right_first=not subject_first)[0]


def _interrupted(ctx: Context, span: QuoteSpan) -> list[Found]:
    """«Перша частина, — сказав він. — Друга частина»."""
    for k in range(span.open_tok + 2, span.close_tok):
        if ctx.tokens[k].norm not in DASHES or ctx.tokens[k - 1].norm not in {",", "!", "?", "…", "..."}:
            continue
        verb = _speech_after(ctx, k + 1, span.close_tok)
        if verb is None:
            continue
        resume = next(
            (
                m
                for m in range(verb + 1, span.close_tok)
                if ctx.tokens[m].norm in DASHES and ctx.tokens[m - 1].norm in {".", ","}
            ),
            None,
        )
        speaker = find_speaker(ctx, verb, k + 1, resume or span.close_tok, right_first=True)[0]
        parts = [_trimmed(ctx, span.open_tok + 1, k - 1)]
        if resume is not None:
            parts.append(_trimmed(ctx, resume + 1, span.close_tok - 1))
        return [Found(a, b, "direct", speaker, (verb, verb)) for a, b in filter(None, parts)]
    return []


def _trimmed(ctx: Context, first: int, last: int) -> tuple[int, int] | None:
    while first <= last and ctx.tokens[first].norm in CLAUSE_BREAKS:
        first += 1
    while last >= first and ctx.tokens[last].norm in CLAUSE_BREAKS:
        last -= 1
    return (first, last) if first <= last and ctx.words(first, last) else None


def _attributed_after(ctx: Context, span: QuoteSpan) -> Found | None:
    """«…», — сказав він. / «…» — заявив Зеленський."""
    i, hi = span.close_tok + 1, len(ctx.tokens)
    while i < hi and ctx.tokens[i].norm in {",", "—", "–", "-"}:
        i += 1
    closing_punct = ctx.tokens[span.close_tok - 1].norm in {",", "!", "?", "…"}
    dashed = any(t.norm in DASHES for t in ctx.tokens[span.close_tok + 1 : i])
    if not closing_punct and not dashed:
        return None  # «Довгі ночі» вийшов …; "директор ТОВ «Агро», пояснив": a name, no attribution
    verb = _speech_after(ctx, i, hi) if i < hi else None
    if verb is None and closing_punct:
        verb = _speech_after_name(ctx, i, hi)
    if verb is None:
        return None
    inner = _trimmed(ctx, span.open_tok + 1, span.close_tok - 1)
    if inner is None:
        return None
    speaker = _inverted_speaker(ctx, verb, span.close_tok + 1, subject_first=verb > i)
    return Found(*inner, "direct", speaker, (verb, verb))


def _labelled(ctx: Context, span: QuoteSpan) -> Found | None:
    """Зеленський: «…» — a name (or a reporting verb) and a colon right before the marks."""
    colon = span.open_tok - 1
    if colon < 1 or ctx.tokens[colon].norm != ":":
        return None
    inner = _trimmed(ctx, span.open_tok + 1, span.close_tok - 1)
    name = ctx.name_at.get(colon - 1) or _sentence_subject(ctx, colon, inner)
    if inner is None or name is None:
        return None
    return Found(*inner, "direct", Speaker(name.entity, name.name, None), None)


def _sentence_subject(ctx: Context, colon: int, inner: tuple[int, int] | None):
    """ "Махмудов проявів не відчуває: «Особисто я …»": a whole quoted clause after a colon, in a
    sentence whose one named person is its subject (nominative), is that person's."""
    if inner is None or ctx.words(*inner) < _MIN_STANDALONE_WORDS:
        return None
    lo, _ = ctx.sentence_range(colon)
    people = {
        span.name: span
        for span in ctx.names
        if lo <= span.first
        and span.last < colon
        and span.type in ("PER", "PERS")
        and _is_subject(ctx, span.last)
    }
    return next(iter(people.values())) if len(people) == 1 else None


def _standalone(ctx: Context, span: QuoteSpan) -> Found | None:
    """A quote that fills its paragraph from the first token, or fills a sentence right after a
    quoted sentence (‘"We are ready," Zelensky said. "But Russia is not."’): speech, speaker
    unknown (yet)."""
    first_of_para = span.open_tok == 0 or ctx.paragraph_of(span.open_tok - 1) != ctx.paragraph_of(
        span.open_tok
    )
    inner = _trimmed(ctx, span.open_tok + 1, span.close_tok - 1)
    if inner is None:
        return None
    para = ctx.paragraph_of(span.open_tok)
    if first_of_para and ctx.words(*inner) >= _MIN_STANDALONE_WORDS:
        rest = [t for t in ctx.tokens[span.close_tok + 1 :] if ctx.paragraph_of(t.i) == para]
    elif _after_quoted_sentence(ctx, span) and ctx.words(*inner) >= _MIN_FOLLOWING_WORDS:
        rest = ctx.tokens[span.close_tok + 1 : ctx.sentence_range(span.open_tok)[1]]
    else:
        return None
    if any(is_word(t) for t in rest):
        return None
    return Found(*inner, "direct", Speaker(), None)


def _after_quoted_sentence(ctx: Context, span: QuoteSpan) -> bool:
    """The quote opens its sentence, and the sentence before it in the paragraph holds a quote."""
    lo, _ = ctx.sentence_range(span.open_tok)
    if lo != span.open_tok or lo == 0 or ctx.paragraph_of(lo - 1) != ctx.paragraph_of(lo):
        return False
    prev_lo, _ = ctx.sentence_range(lo - 1)
    return any(t.norm == "»" for t in ctx.tokens[prev_lo:lo])


def _whole_sentences(ctx: Context, span: QuoteSpan) -> Found | None:
    """ "Крамер розповів про втрати. «Кілька моїх хлопців працюють … Це жахливо». Він …": whole
    sentences in marks, mid-paragraph, with a finite verb, right after the text introduces one
    person as a subject: that person's words. A quoted title never fills a sentence like this."""
    lo, _ = ctx.sentence_range(span.open_tok)
    opens = span.open_tok == lo or ctx.tokens[span.open_tok - 1].norm in SENTENCE_END
    after = span.close_tok + 1
    closes = after >= len(ctx.tokens) or ctx.tokens[after].norm in SENTENCE_END or (
        ctx.paragraph_of(after) != ctx.paragraph_of(span.close_tok)
    )
    inner = _trimmed(ctx, span.open_tok + 1, span.close_tok - 1)
    if not opens or not closes or inner is None or ctx.words(*inner) < _MIN_STANDALONE_WORDS:
        return None
    if not ctx.tokens[inner[0]].is_title or not any(t.pos == "VERB" for t in ctx.tokens[inner[0] : inner[1] + 1]):
        return None
    speaker = _introduced_speaker(ctx, span.open_tok)
    return Found(*inner, "direct", speaker, None) if speaker != Speaker() else None


def marked_quotes(ctx: Context) -> list[Found]:
    """Quotes from the quotation-mark spans the cue clauses left unclaimed."""
    found: list[Found] = []
    for span in ctx.quote_spans:
        if span.consumed:
            continue
        parts = _interrupted(ctx, span)
        if not parts:
            one = (
                _attributed_after(ctx, span)
                or _labelled(ctx, span)
                or _standalone(ctx, span)
                or _whole_sentences(ctx, span)
            )
            parts = [one] if one is not None else []
        found.extend(parts)
    return found


def dash_lines(ctx: Context, claimed: set[int]) -> list[Found]:
    """— Ми не відступимо, — сказав він. (a paragraph opened by a dialogue dash)"""
    found = []
    for sent in ctx.doc.sentences:
        first = sent.token_start
        starts_para = first == 0 or ctx.paragraph_of(first - 1) != sent.paragraph
        if not starts_para or ctx.tokens[first].norm not in DASHES or first in claimed:
            continue
        end = first + 1
        while end < len(ctx.tokens) and ctx.paragraph_of(end) == sent.paragraph:
            tok = ctx.tokens[end]
            if tok.norm in DASHES and ctx.tokens[end - 1].norm in {",", "!", "?", "…"}:
                verb = _speech_after(ctx, end + 1, len(ctx.tokens))
                inner = _trimmed(ctx, first + 1, end - 1)
                if verb is not None and inner is not None and not claimed & set(range(*inner)):
                    speaker = _inverted_speaker(ctx, verb, end + 1)
                    found.append(Found(*inner, "direct", speaker, (verb, verb)))
                    found += _dash_continuation(ctx, verb, speaker, claimed)
                break
            end += 1
        else:
            found += _introduced_dash_line(ctx, first, claimed)
    return found


def _introduced_dash_line(ctx: Context, first: int, claimed: set[int]) -> list[Found]:
    """Олег Іваненко розповів:\n\n— Ми не погоджувались. (a dash line with no attribution of
    its own, right after a paragraph that ends with a reporting verb's colon): its speaker's."""
    if first < 2 or ctx.tokens[first - 1].norm != ":":
        return []
    lo, _ = ctx.sentence_range(first - 1)
    verb = next((k for k in range(first - 2, lo - 1, -1) if speech_register(ctx.lex(k), ctx.tokens[k])), None)
    last = _paragraph_last(ctx, first)
    while last > first + 1 and ctx.tokens[last].norm in SENTENCE_END:
        last -= 1
    inner = _trimmed(ctx, first + 1, last)
    if verb is None or inner is None or claimed & set(range(inner[0], inner[1] + 1)):
        return []
    speaker = find_speaker(ctx, verb, lo, first - 1)[0]
    return [Found(*inner, "direct", speaker, (verb, verb))]


def _dash_continuation(ctx: Context, verb: int, speaker: Speaker, claimed: set[int]) -> list[Found]:
    """— …, — пояснює ветеринар. — Узагалі …: the words after the attribution's closing dash,
    to the end of the paragraph, are the same speaker's."""
    para = ctx.paragraph_of(verb)
    j = verb + 1
    while j + 1 < len(ctx.tokens) and ctx.paragraph_of(j + 1) == para:
        if ctx.tokens[j].norm in SENTENCE_END and ctx.tokens[j + 1].norm in DASHES:
            last = _paragraph_last(ctx, j + 1)
            while last > j + 2 and ctx.tokens[last].norm in SENTENCE_END:
                last -= 1  # the final stop stands outside the words, as after a closing mark
            inner = _trimmed(ctx, j + 2, last)
            if inner is None or claimed & set(range(inner[0], inner[1] + 1)):
                return []
            return [Found(*inner, "direct", speaker, (verb, verb))]
        j += 1
    return []


_CITED_SENTENCES = 3  # how far back the quote a citing verb passes on may be


def cited_speakers(found: list[Found], ctx: Context) -> None:
    """ "«…», – цитує прес-служба міністерства" after a quote of the deputy minister: a citing
    verb passes on the words of the person quoted just before, who is the speaker."""
    ordered = sorted(found, key=lambda f: f.first)
    for prev, cur in pairwise(ordered):
        if cur.cue is None or speech_register(ctx.lex(cur.cue[0]), ctx.tokens[cur.cue[0]]) != "cite":
            continue
        near = ctx.tokens[cur.first].sent - ctx.tokens[prev.last].sent <= _CITED_SENTENCES
        if near and prev.speaker.name is not None and cur.speaker.entity is not prev.speaker.entity:
            cur.speaker = Speaker(prev.speaker.entity, prev.speaker.name, prev.speaker.role)


_CARRIED_SENTENCES = 2  # how far back the quote whose speaker a subjectless verb continues may be


def carried_subjects(found: list[Found], ctx: Context) -> None:
    """ "«…», - підкреслює політолог. А відтак уточнює: «…»": a present-tense verb with no
    subject of its own goes on with the speaker of the quote just before it (past-tense verbs
    take the last person of their gender instead, see speakers._omitted_subject)."""
    ordered = sorted(found, key=lambda f: f.first)
    for prev, cur in pairwise(ordered):
        if cur.cue is None or cur.speaker != Speaker() or prev.speaker.name is None:
            continue
        verb = ctx.tokens[cur.cue[1]]
        best = verb.best
        present = best is not None and best.pos == "VERB" and best.number == "sing" and best.gender is None
        if not present or "Impe" in best.grammemes or "3per" not in best.grammemes:
            continue
        near = verb.sent - ctx.tokens[prev.last].sent <= _CARRIED_SENTENCES
        if near and not has_own_subject(ctx, cur.cue[1]):
            cur.speaker = Speaker(prev.speaker.entity, prev.speaker.name, prev.speaker.role)


def continue_speakers(found: list[Found], ctx: Context) -> None:
    """A paragraph-long quote with no attribution continues the neighbouring paragraph's speaker;
    a quoted sentence after a quoted sentence continues its speaker."""
    ordered = sorted(found, key=lambda f: f.first)
    for prev, cur in pairwise(ordered):
        gap = ctx.paragraph_of(cur.first) - ctx.paragraph_of(prev.last)
        if gap not in (0, 1) or prev.kind != "direct" or cur.kind != "direct":
            continue
        if gap == 0:  # the next sentence of the same paragraph goes on with the same voice
            if cur.cue is None and cur.speaker == Speaker() and prev.speaker != Speaker():
                cur.speaker = prev.speaker
            continue
        if cur.cue is None and cur.speaker == Speaker() and prev.speaker != Speaker():
            cur.speaker = prev.speaker
        elif prev.cue is None and prev.speaker == Speaker() and cur.speaker != Speaker():
            prev.speaker = cur.speaker
    for cur in ordered:
        if cur.kind == "direct" and cur.cue is None and cur.speaker == Speaker():
            cur.speaker = _introduced_speaker(ctx, cur.first)


def _introduced_speaker(ctx: Context, first: int) -> Speaker:
    """An unattributed quote right after the text introduces one person as a subject ("Заступник
    міністра Роман Богачов розповів про реформу.\n\n«…»"): that person, when they are the only one
    named as a subject in the quote's paragraph before it or in the paragraph before; else nobody."""
    para = ctx.paragraph_of(first)
    people = {}
    for span in ctx.names:
        if span.first >= first or ctx.paragraph_of(span.first) not in (para, para - 1):
            continue
        if span.type in ("PER", "PERS") and _is_subject(ctx, span.last):
            people[span.name] = span
    if len(people) != 1:
        return Speaker()
    span = next(iter(people.values()))
    return Speaker(span.entity, span.name, None)


def _is_subject(ctx: Context, i: int) -> bool:
    cases = {p.case for p in ctx.tokens[i].parses if p.case}
    return not cases or "nomn" in cases


def _paragraph_last(ctx: Context, i: int) -> int:
    para, last = ctx.paragraph_of(i), i
    while last + 1 < len(ctx.tokens) and ctx.paragraph_of(last + 1) == para:
        last += 1
    return last


def _label(ctx: Context, first: int) -> tuple[int, Speaker] | None:
    """ "Зеленський:" / "Журналіст:" opening a paragraph: (colon index, speaker)."""
    span = ctx.name_at.get(first)
    if span is not None and span.first == first:
        colon = span.last + 1
        speaker = Speaker(span.entity, span.name, None)
    elif lemmas(ctx.tokens[first]) & ctx.lex(first).roles:
        colon = first + 1
        speaker = Speaker(role=ctx.tokens[first].text)
    else:
        return None
    if colon >= len(ctx.tokens) or ctx.tokens[colon].norm != ":":
        return None
    return colon, speaker


def label_lines(ctx: Context, claimed: set[int]) -> list[Found]:
    """Interview and headline lines: "Зеленський: Ми не віддамо землю"."""
    found = []
    for sent in ctx.doc.sentences:
        first = sent.token_start
        if first > 0 and ctx.paragraph_of(first - 1) == sent.paragraph:
            continue
        while first + 1 < sent.token_end and not is_word(ctx.tokens[first]) and ctx.tokens[first].norm not in DASHES:
            first += 1  # "❗️Зеленський: …": an emoji before the label
        label = _label(ctx, first)
        if label is None:
            continue
        colon, speaker = label
        if colon + 1 < len(ctx.tokens) and ctx.tokens[colon + 1].norm == "«":
            continue  # Зеленський: «…» is a marked quote
        inner = _trimmed(ctx, colon + 1, _paragraph_last(ctx, colon))
        if inner is None or ctx.words(*inner) < 3 or claimed & set(range(inner[0], inner[1] + 1)):
            continue
        found.append(Found(*inner, "direct", speaker, None))
    return found
