"""Events, narratives and techniques as archive rows, taken from an article's analysis JSON.

Built from the JSON (not the Document) so that ``put`` and the back-fill of archives made before
these tables existed (migration 4) produce the same rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from .records import entity_key_of, fold

log = logging.getLogger(__name__)
Runner = Callable[[str, Sequence[Any]], list[tuple]]
TABLES = ("events", "narratives", "techniques")
ACTOR_SEPARATOR = " | "  # between actor names in events.actors / actors_fold


def _span(value: Any) -> tuple[int | None, int | None]:
    if isinstance(value, dict):
        return value.get("start"), value.get("end")
    return None, None


def _arg_name(arg: Any) -> str:
    return str(arg.get("name") or arg.get("text") or "") if isinstance(arg, dict) else ""


def event_rows(analysis: dict[str, Any]) -> list[tuple]:
    """(event_id, type, negated, modality, actors, actors_fold, actor_keys, targets, place,
    time_text, sentence_start, sentence_end) per event."""
    entities = {e.get("id"): e for e in analysis.get("entities") or () if isinstance(e, dict)}
    rows = []
    for event in analysis.get("events") or ():
        actors = [_arg_name(a) for a in event.get("actors") or ()]
        keys = [
            entity_key_of(entities[a["entity"]])
            for a in event.get("actors") or ()
            if isinstance(a, dict) and a.get("entity") in entities
        ]
        place, time = event.get("place"), event.get("time")
        rows.append((
            str(event.get("id") or ""), str(event.get("type") or ""), bool(event.get("negated")),
            event.get("modality"), ACTOR_SEPARATOR.join(actors),
            ACTOR_SEPARATOR.join(fold(a) or "" for a in actors), " ".join(keys),
            ACTOR_SEPARATOR.join(_arg_name(t) for t in event.get("targets") or ()),
            _arg_name(place) or None, time.get("text") if isinstance(time, dict) else None,
            *_span(event.get("sentence")),
        ))  # fmt: skip
    return rows


def narrative_rows(analysis: dict[str, Any]) -> list[tuple]:
    """(narrative_id, narrative, title, stance, speaker_name, score, sentence_start, sentence_end)."""
    return [
        (str(n.get("id") or ""), str(n.get("narrative") or ""), n.get("title"), str(n.get("stance") or ""),
         n.get("speaker_name"), n.get("score"), *_span(n.get("sentence")))
        for n in analysis.get("narratives") or ()
    ]  # fmt: skip


def technique_rows(analysis: dict[str, Any]) -> list[tuple]:
    """(label, score) per technique found."""
    return [(str(t.get("label") or ""), t.get("score")) for t in analysis.get("techniques") or ()]


def since_version() -> int:
    """The schema version that adds these tables (found by name: numbers may shift at merges)."""
    from .migrations import MIGRATIONS

    return next(m.version for m in MIGRATIONS if m.name.endswith("_analysis_index"))


def write(run: Runner, article_id: int, analysis: dict[str, Any]) -> None:
    """Replace the article's event, narrative and technique rows with those of ``analysis``
    (nothing in an archive kept at an older schema: its upgrade back-fills them)."""
    if run("SELECT version FROM schema_version", ())[0][0] >= since_version():
        _replace_rows(run, article_id, analysis)


def _replace_rows(run: Runner, article_id: int, analysis: dict[str, Any]) -> None:
    for table in TABLES:
        run(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    for row in event_rows(analysis):
        run(
            "INSERT INTO events (article_id, event_id, type, negated, modality, actors, actors_fold, "
            "actor_keys, targets, place, time_text, sentence_start, sentence_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, *row),
        )
    for row in narrative_rows(analysis):
        run(
            "INSERT INTO narratives (article_id, narrative_id, narrative, title, stance, speaker_name, "
            "score, sentence_start, sentence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, *row),
        )
    for row in technique_rows(analysis):
        run("INSERT INTO techniques (article_id, label, score) VALUES (?, ?, ?)", (article_id, *row))


def backfill(store, run: Runner) -> int:
    """Index every stored article's events, narratives and techniques from its analysis JSON.

    Idempotent (each article's rows are replaced); an analysis that cannot be read is skipped
    with a logged reason and stays stored as it was. Returns the number of articles indexed.
    """
    done = 0
    for (article_id,) in run("SELECT id FROM articles ORDER BY id", ()):
        value = run("SELECT analysis FROM articles WHERE id = ?", (article_id,))[0][0]
        try:
            _replace_rows(run, article_id, store._load_json(value))
        except (ValueError, TypeError, AttributeError) as exc:
            log.warning("Article %s: events/narratives/techniques not indexed (%s)", article_id, exc)
            continue
        done += 1
    log.info("Indexed events, narratives and techniques of %d stored articles", done)
    return done
