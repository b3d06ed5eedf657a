"""Score svidok's analysis against the gold corpus: entities, quotes, speakers, sources."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .corpus import GoldDoc, load_corpus
from .metrics import PRF, Accuracy, match_exact, match_overlap, same_name

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass
class Scores:
    prf: dict[str, PRF] = field(default_factory=dict)
    speaker: Accuracy = field(default_factory=Accuracy)
    documents: int = 0
    # The same scores over each language's documents alone (gold "language", default "uk").
    by_language: dict[str, Scores] = field(default_factory=dict)

    def headline(self) -> dict[str, float]:
        """The gated figures: F1 of each matching, and speaker accuracy."""
        out = {f"{name}.f1": round(prf.f1, 4) for name, prf in self.prf.items()}
        out["speaker.accuracy"] = round(self.speaker.value, 4)
        return out

    def to_dict(self) -> dict[str, Any]:
        out = {
            "documents": self.documents,
            "metrics": {name: prf.to_dict() for name, prf in self.prf.items()},
            "speaker": self.speaker.to_dict(),
            "headline": self.headline(),
        }
        if self.by_language:
            out["by_language"] = {lang: s.to_dict() for lang, s in sorted(self.by_language.items())}
        return out


def predicted_items(analysis: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Flatten a ``svidok.analysis/1`` dict into the same shape as a gold file."""
    entities = [
        {"start": m["start"], "end": m["end"], "type": e["type"]}
        for e in analysis["entities"]
        for m in e["mentions"]
    ]
    quotes = [
        {"start": q["start"], "end": q["end"], "speaker_name": q.get("speaker_name")}
        for q in analysis["quotes"]
    ]
    sources = [{"start": s["mention"]["start"], "end": s["mention"]["end"]} for s in analysis["sources"]]
    return {"entities": entities, "quotes": quotes, "sources": sources}


def _spans(items: Iterable[dict[str, Any]]) -> list[tuple[int, int]]:
    return [(it["start"], it["end"]) for it in items]


def _score_entities(scores: Scores, pred: list[dict], gold: list[dict]) -> None:
    gold = [g for g in gold if g["type"] in ENTITY_TYPES]
    pred = [p for p in pred if p["type"] in ENTITY_TYPES]
    key = lambda it: (it["start"], it["end"], it["type"])
    scores.prf["entities.exact"].add(
        match_exact([key(p) for p in pred], [key(g) for g in gold]), len(pred), len(gold)
    )
    overlap = match_overlap(_spans(pred), _spans(gold))
    scores.prf["entities.overlap"].add(len(overlap), len(pred), len(gold))
    for label in ENTITY_TYPES:
        p_keys = [key(p) for p in pred if p["type"] == label]
        g_keys = [key(g) for g in gold if g["type"] == label]
        scores.prf[f"entities.{label}"].add(match_exact(p_keys, g_keys), len(p_keys), len(g_keys))


def _score_quotes(scores: Scores, pred: list[dict], gold: list[dict]) -> None:
    pairs = match_overlap(_spans(pred), _spans(gold))
    scores.prf["quotes.overlap"].add(len(pairs), len(pred), len(gold))
    scores.prf["quotes.exact"].add(match_exact(_spans(pred), _spans(gold)), len(pred), len(gold))
    for i, j in pairs:
        scores.speaker.total += 1
        scores.speaker.correct += same_name(pred[i]["speaker_name"], gold[j]["speaker_name"])


def add_document(scores: Scores, pred: dict[str, list], gold: dict[str, list]) -> None:
    """Add one document's predictions (flattened, see :func:`predicted_items`) and gold."""
    scores.documents += 1
    _score_entities(scores, pred["entities"], gold.get("entities", []))
    _score_quotes(scores, pred["quotes"], gold.get("quotes", []))
    sources = match_overlap(_spans(pred["sources"]), _spans(gold.get("sources", [])))
    scores.prf["sources.overlap"].add(len(sources), len(pred["sources"]), len(gold.get("sources", [])))


def new_scores() -> Scores:
    names = ["entities.exact", "entities.overlap", *(f"entities.{t}" for t in ENTITY_TYPES)]
    names += ["quotes.overlap", "quotes.exact", "sources.overlap"]
    return Scores(prf={name: PRF() for name in names})


def score_documents(pairs: Iterable[tuple[dict[str, list], dict[str, Any]]]) -> Scores:
    """Scores over (prediction, gold) pairs already in gold-file shape, overall and per language."""
    scores = new_scores()
    for pred, gold in pairs:
        add_document(scores, pred, gold)
        language = gold.get("language", "uk")
        add_document(scores.by_language.setdefault(language, new_scores()), pred, gold)
    return scores


def analyse(doc: GoldDoc) -> dict[str, Any]:
    import svidok

    return svidok.to_dict(svidok.analyze(doc.text, id=doc.id, language=doc.gold.get("language", "uk")))


def score_corpus(eval_dir: Path, language: str | None = None) -> Scores:
    """Run svidok on every text of ``eval_dir`` (or only those in ``language``) and score it."""
    docs = load_corpus(eval_dir)
    if language is not None:
        docs = [doc for doc in docs if doc.gold.get("language", "uk") == language]
        if not docs:
            known = sorted({doc.gold.get("language", "uk") for doc in load_corpus(eval_dir)})
            raise InputError(f"no gold document in language {language!r}; the corpus has {', '.join(known)}")
    return score_documents((predicted_items(analyse(doc)), doc.gold) for doc in docs)
