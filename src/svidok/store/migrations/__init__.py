"""Numbered schema migrations, one module each (``vNNNN_<what>.py``).

Each module defines ``VERSION``, ``SQLITE`` and ``POSTGRES`` (lists of SQL statements). A store
applies the missing ones in order, each in its own transaction together with the new version
number in ``schema_version``; a module may add ``BACKFILL(store, run)``, a Python step run in
that transaction after its statements (filling new tables from data already stored). Never edit a released migration: add the next one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: dict[str, tuple[str, ...]]  # dialect -> SQL statements
    backfill: Callable[[Any, Any], Any] | None = None  # (store, run), after the statements


def _load() -> list[Migration]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("v"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        statements = {"sqlite": tuple(module.SQLITE), "postgres": tuple(module.POSTGRES)}
        found.append(Migration(module.VERSION, info.name, statements, getattr(module, "BACKFILL", None)))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"svidok.store migrations are not numbered 1..n: {[m.name for m in found]}")
    return found


MIGRATIONS: list[Migration] = _load()
LATEST: int = MIGRATIONS[-1].version
