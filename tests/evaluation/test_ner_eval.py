"""NER-UK evaluation: corpus reading, alignment, the span scorer, and the CI gate on TEST."""

from __future__ import annotations

import pytest

from svidok.evaluation import ner as ner_eval

GOLD = [[(0, 5, "PER"), (10, 15, "LOC"), (20, 25, "ORG")], [(0, 4, "PER")]]
PRED = [[(0, 5, "PER"), (10, 14, "LOC"), (30, 35, "ORG")], [(0, 4, "PER"), (6, 9, "DATE")]]


def test_scorer_counts_exact_matches_per_type():
    scores = ner_eval.score_spans(GOLD, PRED, ner_eval.CORE_TYPES)
    per = scores["per_type"]
    assert (per["PER"]["tp"], per["PER"]["predicted"], per["PER"]["gold"]) == (2, 2, 2)
    assert per["PER"]["f1"] == 1.0
    assert (per["LOC"]["tp"], per["LOC"]["precision"], per["LOC"]["recall"]) == (0, 0.0, 0.0)
    assert (per["ORG"]["tp"], per["ORG"]["predicted"], per["ORG"]["gold"]) == (0, 1, 1)
    # DATE is outside CORE_TYPES and must not count
    assert scores["micro"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 2, "predicted": 4, "gold": 4}


def test_scorer_micro_over_all_types_counts_date():
    micro = ner_eval.score_spans(GOLD, PRED, ner_eval.CORPUS_TYPES)["micro"]
    assert (micro["tp"], micro["predicted"], micro["gold"]) == (2, 5, 4)
    assert micro["precision"] == 0.4 and micro["recall"] == 0.5
    assert micro["f1"] == round(2 * 0.4 * 0.5 / 0.9, 4)


def test_scorer_ignores_duplicate_predictions():
    scores = ner_eval.score_spans([[(0, 3, "PER")]], [[(0, 3, "PER"), (0, 3, "PER")]], ("PER",))
    assert scores["micro"]["precision"] == 1.0


def test_error_kinds_tell_type_boundary_and_missed_errors_apart():
    gold = [[(0, 5, "PER"), (10, 15, "LOC"), (20, 25, "ORG"), (30, 35, "LOC"), (40, 45, "PER")]]
    pred = [[(0, 5, "PER"), (10, 15, "ORG"), (20, 23, "ORG"), (29, 33, "ORG"), (50, 55, "LOC"), (60, 65, "DATE")]]
    kinds = ner_eval.error_kinds(gold, pred, ner_eval.CORE_TYPES)
    assert kinds == {
        "type:LOC": 1,  # (10, 15): right boundaries, wrong label
        "boundary:ORG": 1,  # (20, 25) found as (20, 23)
        "other:LOC": 1,  # (30, 35) overlapped by an ORG of other boundaries
        "missed:PER": 1,  # (40, 45): nothing there
        "spurious:LOC": 1,  # (50, 55) overlaps no gold; DATE is outside CORE_TYPES
    }


def test_read_ann_handles_both_layouts_and_maps_pers(tmp_path):
    ann = tmp_path / "x.ann"
    ann.write_text("T1\tPERS 0 4\tІван\nT2\tLOC\t7\t12\tКиєві\nT3\tORG 0 2;5 7\tdisc\n#1\tnote\n", encoding="utf-8")
    assert ner_eval.read_ann(ann) == [(0, 4, "PER"), (7, 12, "LOC")]


def test_detokenise_removes_spaces_and_remaps_spans():
    text = "Сказав « Нафтогаз » , що Київ ."
    spans = [(text.index(w), text.index(w) + len(w), label) for w, label in (("Нафтогаз", "ORG"), ("Київ", "LOC"))]
    doc = ner_eval.NerDoc("d", text, spans)
    out = ner_eval.detokenise(doc)
    assert out.text == "Сказав «Нафтогаз», що Київ."
    assert [out.text[s:e] for s, e, _ in out.spans] == ["Нафтогаз", "Київ"]


def test_bio_labels_align_to_our_tokens():
    text = "Володимир Зеленський прибув до Києва."
    doc = ner_eval.prepare(text)
    labels = ner_eval.bio_labels(doc, [(0, 20, "PER"), (31, 36, "LOC")])
    assert [(t.text, lab) for t, lab in zip(doc.tokens, labels) if lab != "O"] == [
        ("Володимир", "B-PER"), ("Зеленський", "I-PER"), ("Києва", "B-LOC")]


def test_outermost_keeps_longest_flat_spans():
    assert ner_eval.outermost([(0, 10, "ORG"), (4, 10, "LOC"), (12, 15, "PER")]) == [(0, 10, "ORG"), (12, 15, "PER")]


def test_format_lists_every_type():
    result = {"split": "test", "documents": 2, "all": ner_eval.score_spans(GOLD, PRED, ner_eval.CORPUS_TYPES),
              "core": ner_eval.score_spans(GOLD, PRED, ner_eval.CORE_TYPES)}
    table = ner_eval.format_ner_eval(result)
    for name in (*ner_eval.CORPUS_TYPES, "micro[all]", "micro[core]"):
        assert name in table


def test_test_split_meets_stored_minimums(shared_dir):
    """CI gate: the shipped model on NER-UK TEST must not fall below the stored minimums."""
    data_dir = shared_dir / "data" / "ner-uk" / "v2.0" / "data"
    if not data_dir.is_dir():
        pytest.skip("NER-UK 2.0 is not in ../shared")
    minimums = ner_eval.load_ner_minimums()
    assert minimums, "src/svidok/evaluation/ner_minimums.json is missing"
    result = ner_eval.run_ner_eval(data_dir, split="test")
    assert result["ids_sha256"] == minimums["ids_sha256"], "the TEST id list changed: refresh the minimums"
    for group in ("core", "all"):
        assert result[group]["micro"]["f1"] >= minimums[group]["micro_f1"], ner_eval.format_ner_eval(result)
