"""An index over a Document for the quote and source finders: tokens by offset, the names in
the text (entity mentions, else bare personal names from morphology) and quotation-mark spans."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..document import Document, Entity, Token
from ..names.nominative import person_nominative
from .lexicon import SENTENCE_END, Lexicon, is_word, lexicon

NAME_TYPES = frozenset({"Name", "Surn", "Patr"})


@dataclass
class NameSpan:
    """A name in the text: tokens ``first..last`` (inclusive)."""

    first: int
    last: int
    surface: str
    type: str  # PER, ORG, LOC, ...
    entity: Entity | None = None
    genders: frozenset[str] = frozenset()

    @property
    def name(self) -> str:
        return self.entity.name if self.entity is not None else self.surface


@dataclass
class QuoteSpan:
    """Text between a top-level pair of quotation marks; token indices of the marks."""

    open_tok: int
    close_tok: int  # the closing mark, or one past the last token when left unclosed
    consumed: bool = False


class Context:
    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens: list[Token] = doc.tokens
        self.entities: list[Entity] = doc.entities
        self._starts = [t.start for t in doc.tokens]
        self.quote_spans = _quote_spans(self)
        # tokens between quotation marks: never a speaker or a cue, unless an entity («Нафтогаз»)
        self.quoted = {i for q in self.quote_spans for i in range(q.open_tok, q.close_tok + 1)}
        self.reported: set[int] = set()  # tokens of reported clauses found so far (cue_quotes)
        self.names = _without_overlaps(_entity_names(self))
        covered = {i for n in self.names for i in range(n.first, n.last + 1)} | self.quoted
        self.names += [n for n in _bare_names(self) if n.first not in covered and n.last not in covered]
        self.names.sort(key=lambda n: n.first)
        self.name_at = {i: n for n in self.names for i in range(n.first, n.last + 1)}

    def lex(self, token_index: int) -> Lexicon:
        # Called for most tokens: go token -> sentence -> paragraph instead of scanning paragraphs.
        token, doc = self.tokens[token_index], self.doc
        language = doc.language
        if 0 <= token.sent < len(doc.sentences) and doc.paragraphs:
            language = doc.paragraphs[doc.sentences[token.sent].paragraph].language or language
        return lexicon(language)

    def token_at(self, offset: int) -> int:
        """Index of the token that starts at or before ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def sentence_range(self, i: int) -> tuple[int, int]:
        sent = self.doc.sentences[self.tokens[i].sent]
        return sent.token_start, sent.token_end

    def paragraph_of(self, i: int) -> int:
        return self.doc.sentences[self.tokens[i].sent].paragraph

    def text(self, first: int, last: int) -> tuple[str, int, int]:
        """Original text, start and end of tokens ``first..last`` (inclusive)."""
        start, end = self.tokens[first].start, self.tokens[last].end
        return self.doc.text[start:end], start, end

    def words(self, first: int, last: int) -> int:
        return sum(1 for t in self.tokens[first : last + 1] if is_word(t))


def fresh_context(doc: Document) -> Context:
    """A new Context of ``doc``, kept in ``doc.meta`` for :func:`shared_context`. The quote finder
    takes a fresh one because it marks quotation spans as consumed."""
    ctx = Context(doc)
    doc.meta[_CONTEXT_KEY] = ctx
    return ctx


def shared_context(doc: Document) -> Context:
    """The Context the quotes stage built (about 6% of the pipeline to build again), as long as
    the tokens and entities it indexes are the same objects; otherwise a new one."""
    ctx = doc.meta.get(_CONTEXT_KEY)
    if not isinstance(ctx, Context) or ctx.tokens is not doc.tokens or ctx.entities is not doc.entities:
        ctx = fresh_context(doc)
    return ctx


def release_context(doc: Document) -> None:
    """Drop the kept Context, so analysed documents do not carry (or pickle) it."""
    doc.meta.pop(_CONTEXT_KEY, None)


_CONTEXT_KEY = "_quote_context"


def _token_range(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    first = bisect.bisect_left(ctx._starts, start)
    last = bisect.bisect_left(ctx._starts, end) - 1
    if first >= len(ctx.tokens) or last < first:
        return None
    return first, last


def _genders(tokens: list[Token]) -> frozenset[str]:
    """Genders the name's words agree on (nominative readings first): "Олег Петренко" is masc."""
    found: frozenset[str] = frozenset()
    for token in tokens:
        named = [p for p in token.parses if p.name_type in NAME_TYPES and p.gender]
        genders = {p.gender for p in named if p.case == "nomn"} or {p.gender for p in named}
        if genders:
            found = frozenset(genders) if not found else (found & genders or found)
    return found


def _entity_names(ctx: Context) -> list[NameSpan]:
    spans = []
    for ent in ctx.doc.entities:
        genders: set[str] = set()
        found = []
        for m in ent.mentions:
            rng = _token_range(ctx, m.start, m.end)
            if rng is None:
                continue
            found.append(rng)
        if found:
            genders = set(_name_genders(ctx, ent, ctx.tokens[found[0][0] : found[0][1] + 1]))
        for first, last in found:
            surface = ctx.doc.text[ctx.tokens[first].start : ctx.tokens[last].end]
            spans.append(NameSpan(first, last, surface, ent.type, ent, frozenset(genders)))
    return spans


_NOT_NAMES = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "ADVB", "VERB", "GRND", "INFN"})


def _without_overlaps(spans: list[NameSpan]) -> list[NameSpan]:
    """Keep the longest of overlapping mentions ("Володимир Зеленський" over "Зеленський")."""
    kept: list[NameSpan] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda n: n.first - n.last):
        tokens = set(range(span.first, span.last + 1))
        if not tokens & taken:
            kept.append(span)
            taken |= tokens
    return kept


def _name_genders(ctx: Context, ent: Entity, tokens: list[Token]) -> frozenset[str]:
    """Genders of a person from the nominative readings of the canonical name's words
    ("Олег" settles the gender "Петренко" leaves open)."""
    from ..stages.morph import analyse_word

    # KB canonical names are Ukrainian whatever the article's language ("Еммануель" read as
    # Russian is a guessed feminine name)
    lang = ctx.doc.language if ctx.doc.language in ("uk", "ru") and not ent.kb_id else "uk"
    found: frozenset[str] | None = None
    for word in ent.name.split():
        genders = {
            p.gender
            for p in analyse_word(lang, word)
            if p.name_type in NAME_TYPES and p.case == "nomn" and p.gender
        }
        if genders:
            found = frozenset(genders) if found is None else (found & genders or found)
    return found if found else _genders(tokens)


def is_name_token(token: Token) -> bool:
    """Capitalised, with a personal-name reading and no function-word one ("Вона" is no name)."""
    if not token.is_title or any(p.pos in _NOT_NAMES for p in token.parses):
        return False
    return any(p.name_type in NAME_TYPES for p in token.parses)


def _agrees(token: Token, core: Token) -> bool:
    """A capitalised noun next to a name that shares its case: "Володимир" in "Володимир Зеленський"."""
    if not token.is_title or token.pos not in ("NOUN", None) or not is_word(token):
        return False
    core_forms = {(p.case, p.gender) for p in core.parses if p.case and p.gender}
    return any((p.case, p.gender) in core_forms for p in token.parses)


def _bare_names(ctx: Context) -> list[NameSpan]:
    """Personal names the morphology knows (Name/Surn/Patr readings) that no entity covers."""
    spans, i, tokens = [], 0, ctx.tokens
    while i < len(tokens):
        if not is_name_token(tokens[i]):
            i += 1
            continue
        first, last = i, i
        while (
            last + 1 < len(tokens)
            and tokens[last + 1].sent == tokens[i].sent
            and (is_name_token(tokens[last + 1]) or _agrees(tokens[last + 1], tokens[i]))
        ):
            last += 1
        while (
            first > 0 and tokens[first - 1].sent == tokens[i].sent and _agrees(tokens[first - 1], tokens[i])
        ):
            first -= 1
        surface = ctx.doc.text[tokens[first].start : tokens[last].end]
        name = _nominative_name(tokens[first : last + 1], ctx.doc.language or "uk") or surface
        spans.append(NameSpan(first, last, name, "PER", None, _genders(tokens[first : last + 1])))
        i = last + 1
    return spans


def _nominative_name(tokens: list[Token], lang: str) -> str | None:
    """ "Ірини Андреїшини" -> "Ірина Андреїшина", "Ольги БРАТУШКИ" -> "Ольга Братушка"; None when
    the words already read as a nominative name."""
    if all(any(p.case == "nomn" and p.number != "plur" for p in t.parses) for t in tokens):
        return None

    def first_reading(token: Token) -> str:
        named = [p for p in token.parses if p.name_type in NAME_TYPES] or list(token.parses)
        lemma = named[0].lemma if named and named[0].lemma else token.text
        return lemma[:1].upper() + lemma[1:].lower()

    return person_nominative(tokens, lang, first_reading)


def _quote_spans(ctx: Context) -> list[QuoteSpan]:
    """Top-level «…» pairs. An unclosed « runs to the end of its paragraph, or on into the next
    paragraphs when they continue it: a paragraph opening with « (the press convention for a
    quote over several paragraphs) or closing a » it never opened."""
    spans: list[QuoteSpan] = []
    depth, opened, paragraph = 0, -1, -1
    for i, token in enumerate(ctx.tokens):
        para = ctx.paragraph_of(i)
        carried = False
        if para != paragraph:
            if depth > 0 and opened >= 0:
                carried = depth == 1 and _introduces_speech(ctx, opened) and _continues_quote(ctx, i)
                if not carried:
                    spans.append(QuoteSpan(opened, i))
            depth, paragraph = (depth if carried else 0), para
        if token.norm == "«":
            if carried:
                continue  # the continuation mark, not a new quote
            if depth == 0:
                opened = i
            depth += 1
        elif token.norm == "»" and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append(QuoteSpan(opened, i))
    if depth > 0 and opened >= 0:
        spans.append(QuoteSpan(opened, len(ctx.tokens)))
    return spans


_MAX_QUOTE_PARAGRAPHS = 8  # how far a quote left open may run before its closing mark


def _continues_quote(ctx: Context, first: int) -> bool:
    """Whether the paragraph starting at token ``first`` continues a quote left open: it opens
    with «, or a » nobody opened closes it within the next few paragraphs, before any new «."""
    if ctx.tokens[first].norm == "«":
        return True
    depth, start_para = 0, ctx.paragraph_of(first)
    for i in range(first, len(ctx.tokens)):
        if ctx.paragraph_of(i) - start_para >= _MAX_QUOTE_PARAGRAPHS:
            return False
        norm = ctx.tokens[i].norm
        if norm == "«":
            if depth == 0 and ctx.tokens[i - 1].norm not in ("«",) and _opens_paragraph(ctx, i):
                return False  # a new quote starts: the open one ended with its paragraph
            depth += 1
        elif norm == "»":
            if depth == 0:
                return True
            depth -= 1
    return False


def _introduces_speech(ctx: Context, opened: int) -> bool:
    """A quote that may run on: opened at its paragraph's or sentence's start or after
    "заявив:" / a dash, not mid-sentence like the unbalanced «БВК «Компанія Федорченко»."""
    before = ctx.tokens[opened - 1].norm if opened > 0 else ""
    if before.lower() in ctx.lex(opened).complementizers:
        return True  # "зазначає, що «… (paragraphs) …»"
    return _opens_paragraph(ctx, opened) or before in (":", "—", "–", "-") or before in SENTENCE_END


def _opens_paragraph(ctx: Context, i: int) -> bool:
    return i == 0 or ctx.paragraph_of(i - 1) != ctx.paragraph_of(i)
