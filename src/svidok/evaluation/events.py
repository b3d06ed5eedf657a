"""Events against the hand-annotated ``eval/events.jsonl``: (type, actor) and (type, trigger)
precision, recall and F1 over every text listed in ``eval/events-docs.txt`` (the texts annotated
exhaustively for events; every text in ``eval/texts/`` when there is no list), and modality accuracy.

A gold line names the document, the type, the trigger as written (its ``n``-th occurrence,
default 1), the actors as written (the occurrence nearest the trigger) and the modality.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .gate import check_minimums, proposed_minimums
from .metrics import PRF, Accuracy, match_overlap

GOLD_FILE = "events.jsonl"
MINIMUMS_FILE = "events-minimums.json"
DOCS_FILE = "events-docs.txt"


@dataclass
class GoldEvent:
    doc: str
    type: str
    trigger: tuple[int, int]
    actors: list[tuple[int, int]]
    modality: str


def _occurrences(text: str, surface: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]


def scored_text_paths(eval_dir: Path) -> list[Path]:
    """The texts annotated for events: those named in ``events-docs.txt``, else all of ``texts/``.

    A text without event annotation would count every predicted event on it as a false alarm.
    """
    docs_file = eval_dir / DOCS_FILE
    if not docs_file.is_file():
        return sorted((eval_dir / "texts").glob("*.txt"))
    lines = docs_file.read_text(encoding="utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    paths = [eval_dir / "texts" / f"{name}.txt" for name in names]
    for missing in (p for p in paths if not p.is_file()):
        raise InputError(f"{docs_file.name} names {missing.stem} but there is no {missing}")
    return sorted(paths)


def load_gold_events(eval_dir: Path) -> tuple[list[GoldEvent], dict[str, str]]:
    """The gold events and the texts of every document annotated for events."""
    path = eval_dir / GOLD_FILE
    if not path.is_file():
        raise InputError(f"no gold events in {path}: pass --eval-dir pointing at svidok's eval/")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in scored_text_paths(eval_dir)}
    events = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            events.append(_gold_event(json.loads(line), texts, f"{path.name}:{number}"))
    return events, texts


def _gold_event(item: dict[str, Any], texts: dict[str, str], where: str) -> GoldEvent:
    text = texts.get(item["doc"])
    if text is None:
        raise InputError(f"{where}: no text eval/texts/{item['doc']}.txt (or it is not in {DOCS_FILE})")
    found = _occurrences(text, item["trigger"])
    n = int(item.get("n", 1))
    if len(found) < n:
        raise InputError(f"{where}: trigger {item['trigger']!r} does not occur {n} time(s)")
    start = found[n - 1]
    actors = []
    for actor in item["actors"]:
        places = _occurrences(text, actor)
        if not places:
            raise InputError(f"{where}: actor {actor!r} is not in the text")
        nearest = min(places, key=lambda p: abs(p - start))
        actors.append((nearest, nearest + len(actor)))
    return GoldEvent(
        item["doc"], item["type"], (start, start + len(item["trigger"])), actors, item["modality"]
    )


def score_events(eval_dir: Path) -> dict[str, Any]:
    import svidok

    gold, texts = load_gold_events(eval_dir)
    actor, trigger, modality = PRF(), PRF(), Accuracy()
    for doc_id, text in texts.items():
        predicted = svidok.analyze(text, id=doc_id, language="uk").events
        mine = [g for g in gold if g.doc == doc_id]
        _score_doc(predicted, mine, actor, trigger, modality)
    return {
        "documents": len(texts),
        "gold_events": len(gold),
        "metrics": {"events.actor": actor.to_dict(), "events.trigger": trigger.to_dict()},
        "modality": modality.to_dict(),
        "headline": {"events.actor.f1": actor.f1, "events.trigger.f1": trigger.f1},
    }


def _score_doc(predicted, gold: list[GoldEvent], actor: PRF, trigger: PRF, modality: Accuracy) -> None:
    for kind in {e.type for e in predicted} | {g.type for g in gold}:
        pred_events = [e for e in predicted if e.type == kind]
        gold_events = [g for g in gold if g.type == kind]
        pred_actors = [(a.start, a.end) for e in pred_events for a in e.actors]
        gold_actors = [span for g in gold_events for span in g.actors]
        actor.add(len(match_overlap(pred_actors, gold_actors)), len(pred_actors), len(gold_actors))
        pairs = match_overlap(
            [(e.trigger.start, e.trigger.end) for e in pred_events], [g.trigger for g in gold_events]
        )
        trigger.add(len(pairs), len(pred_events), len(gold_events))
        for i, j in pairs:
            modality.total += 1
            modality.correct += pred_events[i].modality == gold_events[j].modality


def gold_hash(eval_dir: Path) -> str:
    """sha256 of the gold events and the texts they are scored on."""
    digest = hashlib.sha256((eval_dir / GOLD_FILE).read_bytes())
    for path in scored_text_paths(eval_dir):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def load_event_minimums(eval_dir: Path) -> dict[str, Any]:
    path = eval_dir / MINIMUMS_FILE
    if not path.is_file():
        return {"corpus_sha256": None, "minimums": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def write_event_minimums(eval_dir: Path, headline: dict[str, float]) -> None:
    stored = {"corpus_sha256": gold_hash(eval_dir), "minimums": proposed_minimums(headline)}
    (eval_dir / MINIMUMS_FILE).write_text(json.dumps(stored, indent=2) + "\n", encoding="utf-8")


def check_event_minimums(eval_dir: Path, headline: dict[str, float]) -> list[str]:
    problems = check_minimums(headline, load_event_minimums(eval_dir), gold_hash(eval_dir))
    return [p.replace("svidok eval analysis", "svidok eval events") for p in problems]
