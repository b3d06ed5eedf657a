"""Events in the table and HTML views: type, modality, actors and place, the trigger marked in
the text with a link from the panel."""

from __future__ import annotations

from html.parser import HTMLParser

from svidok import Document, Entity, Mention, to_dict
from svidok.document import Event, EventArgument, Span
from svidok.render import render_html, render_table

TEXT = "Трамп зустрінеться з Путіним на Алясці 15 серпня."


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(part, start, start + len(part))


def _arg(entity: str, name: str, part: str) -> EventArgument:
    span = _span(part)
    return EventArgument(name, span.text, span.start, span.end, entity)


def event_doc() -> Document:
    doc = Document(text=TEXT, id="ev", language="uk")
    for n, (name, kind, part) in enumerate(
        [
            ("Дональд Трамп", "PER", "Трамп"),
            ("Володимир Путін", "PER", "Путіним"),
            ("Аляска", "LOC", "Алясці"),
        ],
        1,
    ):
        span = _span(part)
        doc.entities.append(Entity(f"e{n}", name, kind, mentions=[Mention(part, span.start, span.end, kind)]))
    doc.events = [
        Event(
            "v1", "MEET", "04", _span("зустрінеться"), Span(TEXT, 0, len(TEXT)),
            actors=[_arg("e1", "Дональд Трамп", "Трамп"), _arg("e2", "Володимир Путін", "Путіним")],
            place=_arg("e3", "Аляска", "Алясці"), time=_span("15 серпня"), modality="planned", negated=True,
        )
    ]  # fmt: skip
    return doc


def test_table_lists_events():
    table = render_table(event_doc())
    assert "Events (1)" in table
    line = next(line for line in table.splitlines() if line.strip().startswith("MEET"))
    assert "planned, negated" in line and "«зустрінеться»" in line
    assert "Дональд Трамп, Володимир Путін @ Аляска (15 серпня)" in line


def test_views_without_events_have_no_events_section():
    obj = to_dict(event_doc())
    del obj["events"]
    assert "Events" not in render_table(obj)
    obj["events"] = []
    assert "Events" not in render_table(obj) and "Events (" not in render_html([obj])


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.event_marks = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append(attrs["href"][1:])
        if "event" in (attrs.get("class") or "").split():
            self.event_marks.append(attrs.get("title"))


def test_html_marks_the_trigger_and_links_it_from_the_panel():
    page = render_html([event_doc()])
    parser = _Anchors()
    parser.feed(page)
    assert "d1-v1" in parser.ids and "d1-v1" in parser.links
    assert parser.event_marks == ["MEET (planned): Дональд Трамп, Володимир Путін @ Аляска (15 серпня)"]
    assert "Events (1)" in page


def narrative_doc() -> Document:
    from svidok.document import NarrativeMatch

    doc = event_doc()
    doc.narratives = [
        NarrativeMatch(
            "n1", "equal-great-powers", "Росія і США — дві рівні великі держави", 0.925,
            Span(TEXT, 0, len(TEXT)), "refutes", speaker_role="російські ЗМІ", cue=_span("Алясці"),
        )
    ]  # fmt: skip
    return doc


def test_table_lists_narratives_with_stance_and_voice():
    table = render_table(narrative_doc())
    line = next(line for line in table.splitlines() if "equal-great-powers" in line)
    assert line.split()[:2] == ["refutes", "0.925"]
    assert "exposed («Алясці»), voiced by російські ЗМІ" in line


def test_html_marks_the_narrative_sentence():
    page = render_html([narrative_doc()])
    parser = _Anchors()
    parser.feed(page)
    assert "d1-n1" in parser.ids and "d1-n1" in parser.links
    assert 'class="narrative stance-refutes"' in page and "Narratives (1)" in page
