"""Story clustering against a labelled set (eval/stories/stories.yaml): pairwise precision and
recall, i.e. over every pair of articles, is "same story" predicted and is it gold?

The articles are analysed and stored in a temporary SQLite archive and clustered by the
archive's own update (``Store.update_stories``); the threshold sweep re-clusters the stored
features in memory with other ``join`` values.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from ..errors import SvidokError


@dataclass(frozen=True, slots=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    gold_pairs: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def default_set() -> Path:
    from .corpus import default_eval_dir

    return default_eval_dir() / "stories" / "stories.yaml"


def pair_scores(gold: dict[str, str], predicted: dict[str, Any]) -> PairScores:
    """Pairwise P/R/F1 of a predicted clustering against gold labels (same keys)."""
    true = pred = gold_n = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
        true += same_gold and same_pred
        pred += same_pred
        gold_n += same_gold
    precision = true / pred if pred else 1.0
    recall = true / gold_n if gold_n else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(round(precision, 3), round(recall, 3), round(f1, 3), true, pred, gold_n)


def load_items(path: Path) -> list[dict[str, Any]]:
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise SvidokError(f"Cannot read the labelled story set {path}: {exc}") from exc
    for item in items:
        if "file" in item:
            body = (path.parent.parent / item["file"]).read_text(encoding="utf-8")
            item["text"] = f"{item['prepend']}\n\n{body}" if item.get("prepend") else body
    return items


def evaluate(path: Path, joins: tuple[float, ...] = ()) -> dict[str, Any]:
    """Scores of the shipped configuration, and of each ``join`` threshold in ``joins``."""
    import svidok

    from ..store import open_store
    from ..stories.cluster import cluster, load_config
    from ..stories.features import from_stored

    items = load_items(path)
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "stories.db") as store:
        for item in items:
            meta = {k: item.get(k) for k in ("title", "published", "outlet", "language")}
            store.put(
                svidok.analyze(
                    svidok.Document(text=item["text"], id=item["id"], url=f"eval:{item['id']}", **meta)
                )
            )
        store.update_stories()
        rows = store._read(
            "SELECT a.external_id, s.story_id, s.article_id, s.day, s.vector, s.signature, s.entity_keys "
            "FROM story_articles s JOIN articles a ON a.id = s.article_id"
        )
    gold = {item["id"]: item["story"] for item in items}
    predicted = {row[0]: row[1] for row in rows}
    report: dict[str, Any] = {"articles": len(items), "stories": len(set(gold.values())),
                              "predicted_stories": len(set(predicted.values())),
                              "scores": pair_scores(gold, predicted).to_dict(), "sweep": {}}  # fmt: skip
    features = {row[2]: from_stored(*row[2:]) for row in rows}
    external = {row[2]: row[0] for row in rows}
    for join in joins:
        story_of = cluster(list(features.values()), load_config().with_values(join=join))
        swept = {external[article_id]: story for article_id, story in story_of.items()}
        report["sweep"][f"{join:.3f}"] = pair_scores(gold, swept).to_dict()
    report["wrong_pairs"] = _wrong_pairs(gold, predicted)
    return report


def _wrong_pairs(gold: dict[str, str], predicted: dict[str, Any]) -> dict[str, list[str]]:
    joined = [f"{a} + {b}" for a, b in combinations(sorted(gold), 2)
              if predicted[a] == predicted[b] and gold[a] != gold[b]]  # fmt: skip
    missed = [f"{a} + {b}" for a, b in combinations(sorted(gold), 2)
              if predicted[a] != predicted[b] and gold[a] == gold[b]]  # fmt: skip
    return {"wrongly_joined": joined, "missed": missed}
