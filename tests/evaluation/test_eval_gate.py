"""The quality gate: svidok on each hand-annotated corpus must not fall below its stored minimums,
and the corpus must be the one those minimums were measured on.

Three corpora share these tests: eval/ (looked at while the engine was developed), eval/heldout/
(annotated blind, since looked at) and eval/blind/ (annotated blind, never tuned on). Refresh after
a real improvement (or a deliberate gold change) with
``svidok eval analysis [--eval-dir eval/heldout|eval/blind] --update-minimums`` and commit the
corpus' minimums.json.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from svidok.evaluation import check_minimums, corpus_hash, load_corpus, load_minimums, score_corpus

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"
HELDOUT_DIR = EVAL_DIR / "heldout"
BLIND_DIR = EVAL_DIR / "blind"
# corpus -> (at least this many documents, of which at least this many in Russian)
CORPORA = {EVAL_DIR: (40, 5), HELDOUT_DIR: (12, 4), BLIND_DIR: (18, 5)}


@pytest.fixture(scope="module", params=list(CORPORA), ids=lambda path: path.name)
def corpus(request) -> Path:
    return request.param


@pytest.fixture(scope="module")
def headline(corpus) -> dict[str, float]:
    return score_corpus(corpus).headline()


def test_corpus_is_complete_and_consistent(corpus):
    docs = load_corpus(corpus)  # raises if any gold span misses its text
    min_docs, min_ru = CORPORA[corpus]
    assert len(docs) >= min_docs
    languages = [d.gold.get("language", "uk") for d in docs]
    assert languages.count("ru") >= min_ru, f"{corpus} must keep at least {min_ru} Russian-language texts"
    assert sum(len(d.gold["quotes"]) for d in docs) > 0
    assert sum(len(d.gold["sources"]) for d in docs) > 0


def _origins(eval_dir: Path) -> set[str]:
    return {d.gold["origin"] for d in load_corpus(eval_dir)}


@pytest.mark.parametrize(
    ("newer", "older"),
    [(HELDOUT_DIR, EVAL_DIR), (BLIND_DIR, EVAL_DIR), (BLIND_DIR, HELDOUT_DIR)],
    ids=["heldout-vs-eval", "blind-vs-eval", "blind-vs-heldout"],
)
def test_blind_corpora_share_no_text_with_older_ones(newer, older):
    shared = _origins(newer) & _origins(older)
    assert not shared, f"{newer.name}/ texts must be new, these are also in {older.name}/: {sorted(shared)}"


def _repeats_a_passage(text: str, older: list[str], width: int = 80) -> bool:
    """Whether some ``width``-character passage of ``text`` (taken every width/2) is in an older text."""
    starts = range(0, max(1, len(text) - width), width // 2)
    return any(text[i : i + width] in other for i in starts for other in older)


STOCK = "Про це повідомляється в «Віснику державних закупівель»."
REPOST = (
    "Тендерний комітет відхилив пропозицію фірми, бо її засновник пов'язаний з єдиним конкурентом, "
    "а обидві фірми зареєстровані за однією адресою в Києві."
)
PASSAGE_ROWS = [  # (text, older texts, repeats?)
    (f"Новий вступ. {REPOST}", [f"Старий вступ до тієї ж новини. {REPOST} Кінець."], True),
    (f"ТОВ «А» уклало угоду на 8 млн грн.\n{STOCK}\nРоботи мають бути виконані до грудня 2015 року.",
     [f"ПАТ «Б» придбало вугілля на 3 млн грн.\n{STOCK}\nПостачальник зареєстрований у Києві."], False),
    (f"Новий вступ. {REPOST}", ["Суд зобов'язав фірму повернути ділянку лісгоспу, бо договір оренди незаконний."], False),
]


@pytest.mark.parametrize(("text", "older", "repeats"), PASSAGE_ROWS, ids=["reposted", "stock-sentence", "unrelated"])
def test_repeated_passage_detection(text, older, repeats):
    assert _repeats_a_passage(text, older) is repeats


def test_blind_shares_no_passage_with_older_corpora():
    """Not only another origin: no passage of a blind text reappears in eval/ or heldout/ (a UNLP
    post can be reposted under another id; a stock sentence like the procurement bulletin's is
    shorter than the passage)."""
    older = [d.text for eval_dir in (EVAL_DIR, HELDOUT_DIR) for d in load_corpus(eval_dir)]
    repeated = [d.gold["id"] for d in load_corpus(BLIND_DIR) if _repeats_a_passage(d.text, older)]
    assert not repeated, f"these blind texts repeat a passage of eval/ or heldout/: {repeated}"


def test_minimums_pin_this_corpus(corpus):
    stored = load_minimums(corpus)
    assert stored["corpus_sha256"] == corpus_hash(corpus), (
        f"{corpus} gold changed: run `svidok eval analysis --eval-dir {corpus} --update-minimums` "
        "and commit its minimums.json"
    )


def test_every_metric_has_a_minimum(corpus, headline):
    assert set(load_minimums(corpus)["minimums"]) == set(headline)


def test_scores_reach_the_stored_minimums(corpus, headline):
    stored = load_minimums(corpus)
    problems = check_minimums(headline, stored, stored["corpus_sha256"])
    assert not problems, "\n".join(problems)


def test_cli_check_passes_on_the_stored_minimums(corpus):
    from click.testing import CliRunner

    from svidok.commands.eval import eval_group

    result = CliRunner().invoke(eval_group, ["analysis", "--eval-dir", str(corpus), "--json", "--check"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] >= CORPORA[corpus][0] and report["corpus_sha256"] == corpus_hash(corpus)


def test_cli_check_fails_below_a_minimum(tmp_path):
    from click.testing import CliRunner

    from svidok.commands.eval import eval_group

    copy = tmp_path / "heldout"  # the small corpus: the gate logic is the same for both
    shutil.copytree(HELDOUT_DIR, copy, ignore=shutil.ignore_patterns("annotations"))
    stored = load_minimums(copy)
    stored["minimums"]["entities.exact.f1"] = 1.01  # no score can reach it
    (copy / "minimums.json").write_text(json.dumps(stored), encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["analysis", "--eval-dir", str(copy), "--check"])
    assert result.exit_code == 1
    assert "entities.exact.f1" in result.stderr
