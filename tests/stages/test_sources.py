"""The sources stage in the real pipeline: WSJ at each of the sample's cues, quotes chained."""

from __future__ import annotations

import svidok
from svidok.document import Quote, Source, Span
from svidok.stages.sources import assign_sources


def test_sample_sources(sample_doc):
    cues = [(s.cue, s.mention.text) for s in sample_doc.sources]
    assert cues == [("пише", "WSJ"), ("За даними", "WSJ"), ("за оцінкою", "WSJ")]
    standalone = sample_doc.sources[0]
    assert standalone.scope_start == 0  # "Про це пише WSJ." covers the paragraphs before it
    assert all(q.source == standalone.id for q in sample_doc.quotes)
    svidok.validate(svidok.to_dict(sample_doc))


def _source(sid, start, end):
    return Source(sid, sid, Span("x", 0, 1), scope_start=start, scope_end=end)


def test_narrowest_scope_wins():
    quotes = [
        Quote("q1", "a", 5, 6, "direct"),
        Quote("q2", "b", 50, 51, "direct"),
        Quote("q3", "c", 200, 201, "direct"),
    ]
    assign_sources(quotes, [_source("s1", 0, 100), _source("s2", 40, 60)])
    assert [q.source for q in quotes] == ["s1", "s2", None]
