"""Table and HTML views, on Documents built by hand (entities, quotes, sources) and empty ones."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from svidok import Document, Entity, Mention, Quote, Source, Span, to_dict
from svidok.render import render_html, render_table
from svidok.render.html import Mark, highlight

TEXT = "Зеленський заявив: «Ми не віддамо землі». За даними WSJ, переговори тривають."


def _find(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def rich_doc() -> Document:
    doc = Document(text=TEXT, id="doc-1", title="Заголовок", language="uk", outlet="Новини")
    z = _find(TEXT, "Зеленський")
    w = _find(TEXT, "WSJ")
    doc.entities = [
        Entity(
            "e1",
            "Володимир Зеленський",
            "PER",
            kb_id="per:zelensky",
            mentions=[Mention(TEXT[z[0] : z[1]], *z, "PER")],
            aliases=["Зеленський"],
        ),
        Entity("e2", "The Wall Street Journal", "ORG", mentions=[Mention("WSJ", *w, "ORG")], aliases=["WSJ"]),
    ]
    q = _find(TEXT, "Ми не віддамо землі")
    cue = _find(TEXT, "заявив")
    doc.quotes = [
        Quote(
            "q1",
            TEXT[q[0] : q[1]],
            *q,
            kind="direct",
            speaker="e1",
            speaker_name="Володимир Зеленський",
            speaker_role="президент",
            cue="заявив",
            cue_start=cue[0],
            cue_end=cue[1],
        )
    ]
    src_cue = _find(TEXT, "За даними")
    doc.sources = [
        Source(
            "s1",
            "The Wall Street Journal",
            Span("WSJ", *w),
            entity="e2",
            cue="За даними",
            cue_start=src_cue[0],
            cue_end=src_cue[1],
        )
    ]
    return doc


class TagBalance(HTMLParser):
    """Checks that every opened span/mark is closed in order, and collects classes and scripts."""

    def __init__(self):
        super().__init__()
        self.stack, self.classes, self.scripts, self.errors = [], [], 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag in ("span", "mark"):
            self.stack.append(tag)
            self.classes.append(dict(attrs).get("class", ""))

    def handle_endtag(self, tag):
        if tag in ("span", "mark") and (not self.stack or self.stack.pop() != tag):
            self.errors.append(tag)


def parse(page: str) -> TagBalance:
    checker = TagBalance()
    checker.feed(page)
    assert not checker.errors and not checker.stack
    return checker


def test_rich_doc_is_a_valid_contract():
    from svidok import validate

    validate(to_dict(rich_doc()))


def test_table_shows_entities_quotes_and_sources():
    table = render_table(rich_doc())
    assert "language: uk" in table
    assert re.search(r"PER\s+Володимир Зеленський\s+per:zelensky\s+×1", table)
    assert re.search(r"ORG\s+The Wall Street Journal\s+-\s+×1", table)
    assert re.search(r"direct\s+Володимир Зеленський \(президент\)\s+заявив\s+«Ми не віддамо землі»", table)
    assert re.search(r"The Wall Street Journal\s+За даними", table)


def test_table_of_an_empty_analysis_says_none():
    table = render_table(Document(text="Текст без нічого.", id="empty"))
    assert table.count("(none)") == 3
    assert "Entities (0)" in table and "Quotes (0)" in table and "Sources (0)" in table


def test_table_accepts_the_dict_as_well():
    doc = rich_doc()
    assert render_table(to_dict(doc)) == render_table(doc)


def test_html_highlights_mentions_quotes_and_sources():
    page = render_html([rich_doc()])
    checker = parse(page)
    assert "ent ent-PER" in checker.classes
    assert "ent ent-ORG" in checker.classes
    assert "quote quote-direct" in checker.classes
    assert "source" in checker.classes
    assert "cue" in checker.classes
    assert (
        '<mark class="ent ent-PER" title="Володимир Зеленський (PER, per:zelensky)">Зеленський</mark>' in page
    )
    assert 'id="d1-q1"' in page and 'href="#d1-q1"' in page
    assert "Who said what (1)" in page


def test_html_of_an_empty_analysis_has_the_text_and_empty_panels():
    page = render_html([Document(text="Просто текст.", id="plain")])
    parse(page)
    assert "Просто текст." in page
    assert page.count("none found") == 3
    assert "<mark" not in page.split("</style>")[1]


@pytest.mark.parametrize("field", ["text", "title", "id", "outlet", "url"])
def test_html_escapes_everything_from_the_article(field):
    evil = '<script>alert("x")</script>'
    values = {"text": "Текст статті.", "title": "Т", "id": "d", "outlet": "O", "url": "https://e.ua/"}
    values[field] = evil + values[field] if field != "url" else "javascript:" + evil
    page = render_html([Document(**values)])
    assert "<script>" not in page
    assert parse(page).scripts == 0
    if field != "url":
        assert "&lt;script&gt;" in page
    else:
        assert 'href="javascript' not in page


def test_html_escapes_entity_names_and_quote_text():
    doc = rich_doc()
    doc.entities[0].name = "<b>Зеленський</b>"
    doc.quotes[0].speaker_name = "<img src=x onerror=alert(1)>"
    page = render_html([doc])
    assert "<img" not in page and "<b>Зеленський" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_several_documents_get_a_table_of_contents_and_distinct_anchors():
    page = render_html([rich_doc(), rich_doc()])
    parse(page)
    assert 'href="#d1"' in page and 'href="#d2"' in page
    assert 'id="d1-q1"' in page and 'id="d2-q1"' in page


def test_overlapping_marks_are_cut_so_tags_nest():
    text = "abcdefgh"
    marks = [Mark(0, 5, "quote", "quote", "q"), Mark(3, 8, "mention", "ent", "m")]
    out = highlight(text, marks)
    parse(out)
    assert re.sub(r"<[^>]+>", "", out) == text
    assert out.count("<mark") == 2  # the mention is split at the quote's end
