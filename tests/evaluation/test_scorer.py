"""The matching and metric code of svidok.evaluation, on tiny hand-made gold/prediction pairs."""

from __future__ import annotations

import json

import pytest

from svidok.errors import InputError
from svidok.evaluation import (
    PRF,
    check_minimums,
    corpus_hash,
    load_corpus,
    match_exact,
    match_overlap,
    overlap_ratio,
    proposed_minimums,
    score_documents,
    write_minimums,
)
from svidok.evaluation.metrics import same_name
from svidok.evaluation.scorer import predicted_items


@pytest.mark.parametrize(
    "a, b, ratio",
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (5, 15), 0.5),
        ((0, 10), (2, 4), 1.0),  # the shorter span lies inside the longer one
        ((0, 10), (10, 20), 0.0),  # touching is not overlapping
        ((0, 4), (3, 20), 0.25),
        ((0, 0), (0, 5), 0.0),
    ],
)
def test_overlap_ratio(a, b, ratio):
    assert overlap_ratio(a, b) == pytest.approx(ratio)
    assert overlap_ratio(b, a) == pytest.approx(ratio)


@pytest.mark.parametrize(
    "pred, gold, pairs",
    [
        ([(0, 10)], [(5, 15)], [(0, 0)]),  # exactly at the 50% threshold
        ([(0, 10)], [(6, 15)], []),  # 4 of 9 characters: below the threshold
        ([], [(0, 5)], []),
        ([(0, 5)], [], []),
        ([(0, 20)], [(0, 8), (10, 20)], [(0, 1)]),  # one prediction takes one gold span only
        ([(0, 8), (10, 20)], [(0, 20)], [(1, 0)]),
        ([(0, 5), (20, 25)], [(21, 26), (1, 6)], [(0, 1), (1, 0)]),
    ],
)
def test_match_overlap_is_one_to_one(pred, gold, pairs):
    assert match_overlap(pred, gold) == pairs


def test_match_exact_counts_duplicates_once_each():
    assert match_exact([(0, 3, "PER"), (0, 3, "PER")], [(0, 3, "PER")]) == 1
    assert match_exact([(0, 3, "PER")], [(0, 3, "ORG")]) == 0


@pytest.mark.parametrize(
    "tp, predicted, gold, p, r, f1",
    [
        (0, 0, 0, 1.0, 1.0, 1.0),  # nothing to find, nothing found
        (0, 0, 4, 0.0, 0.0, 0.0),  # no predictions
        (0, 3, 0, 0.0, 0.0, 0.0),  # no gold, only false alarms
        (2, 4, 8, 0.5, 0.25, 1 / 3),
        (3, 3, 3, 1.0, 1.0, 1.0),
    ],
)
def test_prf(tp, predicted, gold, p, r, f1):
    prf = PRF(tp, predicted, gold)
    assert (prf.precision, prf.recall) == pytest.approx((p, r))
    assert prf.f1 == pytest.approx(f1)


@pytest.mark.parametrize(
    "pred, gold, same",
    [
        (" Олексій Кудрін ", "олексій кудрін", True),
        (None, None, True),
        ("Кудрін", None, False),
        (None, "Кудрін", False),
        ("Кудрін", "Олексій Кудрін", False),
        ("Кирило Дмитрієв", "Кіріл Дмітрієв", True),
        ("Кирило Дмитрієв", "Kirill Dmitriev", True),
        ("Сергій Гаврилов", "Сергій Лавров", False),
        ("Махмудов Тельман Зейнал Огли", "Тельман Махмудов", True),
        ("Махмудов Тельман", "Тельман Махмудов Огли", False),
        ("Петро Махмудов", "Тельман Махмудов", False),
        ("ТОВ «Еста Холдинг»", "Еста Холдинг", True),
        ("ТОВ «Еста Холдинг»", "Укрнафта", False),
    ],
)
def test_same_name(pred, gold, same):
    assert same_name(pred, gold) is same


GOLD = {
    "entities": [
        {"text": "Кудрін", "start": 0, "end": 6, "type": "PER"},
        {"text": "Мінфін", "start": 20, "end": 26, "type": "ORG"},
        {"text": "Київ", "start": 40, "end": 44, "type": "LOC"},
    ],
    "quotes": [
        {"start": 50, "end": 90, "kind": "direct", "speaker_name": "Олексій Кудрін"},
        {"start": 100, "end": 140, "kind": "indirect", "speaker_name": None},
    ],
    "sources": [{"start": 150, "end": 153}],
}


def test_score_documents_counts_each_metric():
    pred = {
        "entities": [
            {"start": 0, "end": 6, "type": "PER"},  # exact
            {"start": 20, "end": 26, "type": "LOC"},  # right span, wrong type
            {"start": 60, "end": 64, "type": "PER"},  # spurious
        ],
        "quotes": [
            {"start": 55, "end": 90, "speaker_name": "олексій кудрін"},  # overlaps, right speaker
            {"start": 100, "end": 140, "speaker_name": "Кудрін"},  # exact span, wrong speaker
        ],
        "sources": [{"start": 151, "end": 160}],
    }
    scores = score_documents([(pred, GOLD)])
    prf = scores.prf
    assert (prf["entities.exact"].tp, prf["entities.exact"].predicted, prf["entities.exact"].gold) == (
        1,
        3,
        3,
    )
    assert prf["entities.overlap"].tp == 2
    assert prf["entities.ORG"].tp == 0 and prf["entities.ORG"].gold == 1
    assert prf["entities.LOC"].predicted == 1 and prf["entities.LOC"].tp == 0
    assert prf["quotes.overlap"].tp == 2
    assert prf["quotes.exact"].tp == 1
    assert (scores.speaker.correct, scores.speaker.total) == (1, 2)
    assert prf["sources.overlap"].tp == 1
    assert scores.headline()["speaker.accuracy"] == 0.5


def test_score_documents_with_no_predictions():
    empty = {"entities": [], "quotes": [], "sources": []}
    scores = score_documents([(empty, GOLD)])
    headline = scores.headline()
    # MISC has neither gold nor predictions here: a perfect (vacuous) score; the rest are zero.
    assert headline.pop("entities.MISC.f1") == 1.0
    assert all(value == 0.0 for value in headline.values()), headline
    assert scores.prf["entities.exact"].gold == 3


def test_score_documents_with_no_gold_penalises_only_false_alarms():
    empty = {"entities": [], "quotes": [], "sources": []}
    pred = {"entities": [{"start": 0, "end": 3, "type": "PER"}], "quotes": [], "sources": []}
    scores = score_documents([(pred, empty)])
    assert scores.prf["entities.exact"].precision == 0.0
    assert scores.prf["quotes.overlap"].f1 == 1.0  # no quotes to find and none claimed


def test_predicted_items_flattens_the_analysis():
    analysis = {
        "entities": [
            {
                "type": "PER",
                "mentions": [{"text": "А", "start": 0, "end": 1}, {"text": "А", "start": 5, "end": 6}],
            }
        ],
        "quotes": [{"start": 2, "end": 4, "speaker_name": "А", "text": "xx"}],
        "sources": [{"mention": {"text": "Б", "start": 8, "end": 9}}],
    }
    items = predicted_items(analysis)
    assert [(e["start"], e["type"]) for e in items["entities"]] == [(0, "PER"), (5, "PER")]
    assert items["quotes"] == [{"start": 2, "end": 4, "speaker_name": "А"}]
    assert items["sources"] == [{"start": 8, "end": 9}]


def test_proposed_minimums_round_down_with_margin():
    assert proposed_minimums({"a.f1": 0.8567, "b.f1": 0.004}) == {"a.f1": 0.846, "b.f1": 0.0}


def test_check_minimums_reports_drops_and_corpus_changes():
    stored = {"corpus_sha256": "abc", "minimums": {"a.f1": 0.5, "b.f1": 0.2}}
    assert check_minimums({"a.f1": 0.5, "b.f1": 0.9}, stored, "abc") == []
    problems = check_minimums({"a.f1": 0.49, "b.f1": 0.9}, stored, "abc")
    assert len(problems) == 1 and problems[0].startswith("a.f1")
    assert any("corpus changed" in p for p in check_minimums({"a.f1": 1, "b.f1": 1}, stored, "def"))
    assert any("no longer reports" in p for p in check_minimums({"a.f1": 1}, stored, "abc"))


def _tiny_corpus(root, text="Кудрін сказав.", span=(0, 6)):
    (root / "texts").mkdir()
    (root / "gold").mkdir()
    (root / "texts" / "d1.txt").write_text(text, encoding="utf-8")
    gold = {
        "id": "d1",
        "language": "uk",
        "entities": [{"text": text[span[0] : span[1]], "start": span[0], "end": span[1], "type": "PER"}],
        "quotes": [],
        "sources": [],
    }
    (root / "gold" / "d1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_corpus_hash_changes_with_the_gold(tmp_path):
    _tiny_corpus(tmp_path)
    before = corpus_hash(tmp_path)
    write_minimums(tmp_path, {"a.f1": 0.7}, before)
    assert corpus_hash(tmp_path) == before  # minimums.json is not part of the corpus
    (tmp_path / "texts" / "d1.txt").write_text("Кудрін сказав!", encoding="utf-8")
    assert corpus_hash(tmp_path) != before


def test_load_corpus_rejects_spans_that_miss_the_text(tmp_path):
    _tiny_corpus(tmp_path, span=(0, 6))
    assert load_corpus(tmp_path)[0].gold["entities"][0]["text"] == "Кудрін"
    (tmp_path / "texts" / "d1.txt").write_text("Іванов сказав.", encoding="utf-8")
    with pytest.raises(InputError):
        load_corpus(tmp_path)


def test_score_documents_breaks_the_scores_down_by_language():
    empty = {"entities": [], "quotes": [], "sources": []}
    perfect = {
        "entities": [{k: e[k] for k in ("start", "end", "type")} for e in GOLD["entities"]],
        "quotes": [
            {"start": q["start"], "end": q["end"], "speaker_name": q["speaker_name"]} for q in GOLD["quotes"]
        ],
        "sources": GOLD["sources"],
    }
    ru_gold = GOLD | {"language": "ru"}
    scores = score_documents([(perfect, GOLD), (empty, ru_gold), (perfect, ru_gold)])
    assert scores.documents == 3 and scores.prf["quotes.overlap"].tp == 4
    uk, ru = scores.by_language["uk"], scores.by_language["ru"]  # no "language": uk
    assert (uk.documents, ru.documents) == (1, 2)
    assert uk.headline()["quotes.overlap.f1"] == 1.0
    assert ru.prf["quotes.overlap"].recall == 0.5 and ru.prf["quotes.overlap"].precision == 1.0
    assert ru.speaker.total == 2
    report = scores.to_dict()
    assert set(report["by_language"]) == {"ru", "uk"}
    assert report["by_language"]["ru"]["documents"] == 2
    assert "by_language" not in report["by_language"]["ru"]


def _two_language_corpus(root):
    (root / "texts").mkdir()
    (root / "gold").mkdir()
    docs = {
        "u1": ("uk", "Кудрін сказав, що Київ далеко."),
        "r1": ("ru", "Кудрин сказал, что Москва далеко."),
    }
    for doc_id, (language, text) in docs.items():
        start = text.index(", что " if language == "ru" else ", що ") + (6 if language == "ru" else 5)
        quote = {
            "text": text[start:-1],
            "start": start,
            "end": len(text) - 1,
            "kind": "indirect",
            "speaker_name": None,
        }
        gold = {"id": doc_id, "language": language, "entities": [], "sources": [], "quotes": [quote]}
        (root / "texts" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (root / "gold" / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_cli_lang_scores_one_language_and_refuses_the_gate(tmp_path):
    from click.testing import CliRunner

    from svidok.commands.eval import eval_group

    _two_language_corpus(tmp_path)
    runner = CliRunner()
    result = runner.invoke(eval_group, ["analysis", "--eval-dir", str(tmp_path), "--json", "--lang", "ru"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 1 and set(report["by_language"]) == {"ru"}
    assert report["metrics"]["quotes.overlap"]["gold"] == 1

    table = runner.invoke(eval_group, ["analysis", "--eval-dir", str(tmp_path)])
    assert table.exit_code == 0, table.output
    assert "F1 by language" in table.stdout
    assert [line.split()[:2] for line in table.stdout.splitlines() if line[:3] in ("ru ", "uk ")] == [
        ["ru", "1"],
        ["uk", "1"],
    ]

    unknown = runner.invoke(eval_group, ["analysis", "--eval-dir", str(tmp_path), "--lang", "xx"])
    assert unknown.exit_code == 1 and "no gold document in language 'xx'" in unknown.output
    gated = runner.invoke(eval_group, ["analysis", "--eval-dir", str(tmp_path), "--lang", "ru", "--check"])
    assert gated.exit_code == 2 and "--lang" in gated.output
