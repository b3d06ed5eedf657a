"""Span matching and precision / recall / F1, independent of where the spans come from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

# A predicted span matches a gold span when they overlap by at least this share of the shorter.
OVERLAP_THRESHOLD = 0.5


@dataclass
class PRF:
    """Counts of true positives, predictions and gold items; scores derived from them."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        # Nothing predicted and nothing to find is a perfect score, not a division by zero.
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.tp / self.predicted

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.tp / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        # No matched quotes means nothing was judged; report 0 so a gate cannot pass vacuously.
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}


def overlap_ratio(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Characters shared by spans ``a`` and ``b`` as a share of the shorter one (0 if disjoint)."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    if shared <= 0 or shorter <= 0:
        return 0.0
    return shared / shorter


def match_exact(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> int:
    """How many predicted keys equal a gold key, each gold key used at most once."""
    return sum((Counter(pred) & Counter(gold)).values())


def match_overlap(
    pred: Sequence[tuple[int, int]],
    gold: Sequence[tuple[int, int]],
    threshold: float = OVERLAP_THRESHOLD,
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) whose spans overlap by >= ``threshold``.

    Greedy on the best ratio first (ties: more shared characters), so a long prediction covering
    two gold spans takes the one it shares most with and leaves the other unmatched.
    """
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ratio = overlap_ratio(p, g)
            if ratio >= threshold:
                shared = min(p[1], g[1]) - max(p[0], g[0])
                candidates.append((-ratio, -shared, i, j))
    candidates.sort()
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def same_name(pred: str | None, gold: str | None) -> bool:
    """Speaker names agree when equal case-insensitively, or when they are spellings of the same
    name across scripts and conventions (gold keeps the article's "Кіріл Дмітрієв", the engine
    gives the canonical "Кирило Дмитрієв"); two nulls agree."""
    if pred is None or gold is None:
        return pred is None and gold is None
    if pred.strip().casefold() == gold.strip().casefold():
        return True
    from ..names.key import name_key
    from ..stages.link import org_core

    if bool(name_key(pred)) and name_key(pred) == name_key(gold):
        return True
    if name_key(org_core(pred)) == name_key(org_core(gold)) != "":
        return True  # "ТОВ «Еста Холдинг»" names the company gold writes "Еста Холдинг"
    # the same person written surname first with a patronymic ("Махмудов Тельман Зейнал Огли"
    # for gold "Тельман Махмудов"): every gold word of a two-word-or-longer name is in it
    gold_words = {name_key(w) for w in gold.split()}
    pred_words = {name_key(w) for w in pred.split()}
    return len(gold_words) >= 2 and gold_words <= pred_words
