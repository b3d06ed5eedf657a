"""The output contract: schema svidok.analysis/1, and text[start:end] == span.text everywhere."""

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import svidok
from svidok.output import check_offsets, schema


def test_sample_output_validates(sample_doc):
    out = svidok.to_dict(sample_doc)
    svidok.validate(out)
    assert out["schema"] == "svidok.analysis/1"
    assert out["language"] == "uk"
    assert json.loads(svidok.to_json(sample_doc)) == out


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(schema())


def test_validation_rejects_a_shifted_span(sample_doc):
    out = json.loads(svidok.to_json(sample_doc))
    out["entities"] = [
        {"id": "e1", "name": "X", "type": "PER", "kb_id": None,
         "mentions": [{"text": "Глава", "start": 1, "end": 6}]}
    ]
    with pytest.raises(ValueError, match="does not match"):
        check_offsets(out)


def test_validation_rejects_a_dangling_speaker(sample_doc):
    out = json.loads(svidok.to_json(sample_doc))
    out["quotes"] = [
        {"id": "q1", "text": "Глава", "start": 0, "end": 5, "kind": "direct", "speaker": "e99",
         "speaker_name": None, "speaker_role": None, "cue": None, "cue_start": None,
         "cue_end": None, "source": None}
    ]
    with pytest.raises(ValueError, match="unknown speaker"):
        check_offsets(out)


def test_validation_rejects_missing_keys(sample_doc):
    out = json.loads(svidok.to_json(sample_doc))
    del out["quotes"]
    with pytest.raises(jsonschema.ValidationError):
        svidok.validate(out)


NEWSY = st.lists(
    st.sampled_from(
        ["Путін", "путіна", "заявив,", "що", "«", "»", "“", "”", '"', "—", "Зеленський", "WSJ.",
         "За даними", "Reuters", "\n", "\n\n", "’", "\u00ad", "\u00a0", "\u200b", ".", "Аналітики",
         "вважають", "said", "сказал", ":", " "]
    )
    | st.text(max_size=12),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), NEWSY))
def test_any_text_gives_a_valid_analysis(text):
    doc = svidok.analyze(text)
    out = svidok.to_dict(doc)
    svidok.validate(out)
    for tok in doc.tokens:
        assert doc.text[tok.start : tok.end] == tok.text
