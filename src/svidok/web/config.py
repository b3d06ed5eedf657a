"""How a server is set up: which archive, and who may write to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class WebConfig:
    """``token`` enables ``POST /api/ingest`` (clients send ``Authorization: Bearer <token>``);
    without it the server is read-only. ``ingest_roots`` are the only server folders whose files
    may be ingested by path."""

    db: str = "svidok.db"
    token: str | None = None
    ingest_roots: tuple[Path, ...] = field(default_factory=tuple)
    max_ingest_chars: int = 2_000_000
    facet_cache_s: float = 60.0

    @property
    def writable(self) -> bool:
        return bool(self.token)
