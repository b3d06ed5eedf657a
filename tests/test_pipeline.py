import pytest

import svidok
from svidok.document import Document
from svidok.errors import PipelineError
from svidok.pipeline import DEFAULT_ORDER, Pipeline, registered_stages


def test_default_order_is_consistent():
    assert Pipeline().names == list(DEFAULT_ORDER)


def test_every_stage_declares_what_it_adds():
    for info in registered_stages().values():
        assert info.assigns, f"stage {info.name} assigns nothing"


def test_misordered_pipeline_fails_when_built():
    with pytest.raises(PipelineError, match="requires"):
        Pipeline(["segment", "normalize"])


def test_unknown_stage_is_named_in_the_error():
    with pytest.raises(PipelineError, match="nosuchstage"):
        Pipeline(["langid", "nosuchstage"])


def test_excluding_a_needed_stage_fails():
    with pytest.raises(PipelineError, match="lemmas"):
        Pipeline(exclude=["morph"])


def test_pipeline_records_assigned_attributes():
    doc = svidok.load_pipeline(["langid", "normalize", "segment"])(Document("Привіт, світе. Як справи?"))
    assert {"language", "paragraphs", "norm", "sentences", "tokens"} <= doc.assigned
    assert len(doc.sentences) == 2


def test_analyze_accepts_metadata():
    doc = svidok.analyze("Київ — столиця України.", id="x1", title="T", url="https://example.org/a")
    out = svidok.to_dict(doc)
    assert (out["id"], out["title"], out["url"]) == ("x1", "T", "https://example.org/a")
