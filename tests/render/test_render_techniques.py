"""Techniques and manipulative spans in the table and HTML views."""

from __future__ import annotations

from svidok import Document, to_dict
from svidok.render import render_html, render_table

TEXT = "Нацистський режим знову вбиває мирних жителів. Погода в Києві хмарна."


def _obj() -> dict:
    obj = to_dict(Document(text=TEXT, id="tech", language="uk"))
    end = TEXT.index(".") + 1
    obj["techniques"] = [{"label": "loaded_language", "score": 0.91}, {"label": "appeal_to_fear", "score": 0.42}]
    obj["technique_scores"] = {"loaded_language": 0.91, "appeal_to_fear": 0.42}
    obj["manipulative_spans"] = [{"text": TEXT[:end], "start": 0, "end": end}]
    return obj


def test_table_lists_techniques_with_scores_and_passages():
    table = render_table(_obj())
    assert "Techniques (2)" in table and "0.91  loaded_language" in table and "appeal_to_fear" in table
    assert "Manipulative passages (1)" in table and f"0-{TEXT.index('.') + 1}" in table and "«Нацистський режим" in table


def test_table_without_techniques_keeps_the_short_view():
    assert "Techniques" not in render_table(to_dict(Document(text=TEXT, id="plain", language="uk")))


def test_html_underlines_the_passage_and_lists_techniques():
    page = render_html([_obj()])
    assert 'class="manipulative" title="manipulative (loaded language, appeal to fear)">Нацистський' in page
    assert "мирних жителів.</span> Погода" in page  # the mark ends with the span, not later
    assert "Techniques (2)" in page and "loaded language" in page and "1 manipulative passage underlined" in page
