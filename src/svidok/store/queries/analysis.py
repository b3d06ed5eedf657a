"""Counts over the indexed events, narratives and techniques (tables of the analysis index)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .common import Count

STANCES = ("asserts", "quotes", "refutes")


@dataclass(frozen=True, slots=True)
class NarrativeCount:
    """A catalogue narrative and how many articles take each stance toward it."""

    id: str
    title: str
    by_stance: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_stance.values())


def narrative_counts(store) -> list[NarrativeCount]:
    """Every catalogue narrative (found or not) with its article counts per stance, most found
    first; narratives stored by another catalogue version are listed too."""
    from ...narratives.catalogue import load_catalogue

    rows = store._read(
        "SELECT narrative, stance, COUNT(DISTINCT article_id) FROM narratives GROUP BY narrative, stance"
    )
    counts: dict[str, dict[str, int]] = {}
    for narrative, stance, n in rows:
        counts.setdefault(str(narrative), {})[str(stance)] = int(n)
    titles = {n.id: n.title_uk for n in load_catalogue()}
    ids = list(titles) + sorted(set(counts) - set(titles))
    found = [NarrativeCount(i, titles.get(i, i), counts.get(i, {})) for i in ids]
    return sorted(found, key=lambda n: -n.total)  # stable: catalogue order among ties


def event_type_counts(store) -> list[Count]:
    """Event types with the number of articles stating each, commonest first."""
    rows = store._read("SELECT type, COUNT(DISTINCT article_id) FROM events GROUP BY type")
    return sorted((Count(str(t), int(n)) for t, n in rows), key=lambda c: (-c.count, c.value))


def technique_counts(store) -> list[Count]:
    """Technique labels with the number of articles showing each, commonest first."""
    rows = store._read("SELECT label, COUNT(DISTINCT article_id) FROM techniques GROUP BY label")
    return sorted((Count(str(t), int(n)) for t, n in rows), key=lambda c: (-c.count, c.value))
