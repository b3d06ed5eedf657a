"""Schema revisions within version 1 only add optional keys: a 1.1 analysis carries its
revision, and an analysis without the 1.1 keys (a 1.0 reader's view) still validates."""

from __future__ import annotations

import pytest

import svidok
from svidok.output import SCHEMA_REVISION, to_dict

NEW_IN_1_1 = ("events", "narratives", "techniques", "technique_scores", "manipulative_spans")


def test_analysis_names_its_revision(sample_doc):
    assert to_dict(sample_doc)["schema_revision"] == SCHEMA_REVISION == "1.1"


def test_keys_added_in_1_1_are_optional(sample_doc):
    analysis = to_dict(sample_doc)
    assert set(NEW_IN_1_1) & set(analysis)  # the revision's keys are produced
    for key in (*NEW_IN_1_1, "schema_revision"):
        analysis.pop(key, None)
    svidok.validate(analysis)  # and a document without them is still a valid version 1


def test_malformed_revision_is_rejected(sample_doc):
    analysis = to_dict(sample_doc)
    analysis["schema_revision"] = "2.0"
    with pytest.raises(Exception, match="schema_revision|2.0"):
        svidok.validate(analysis)
