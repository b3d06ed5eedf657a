"""Heavy resources (analysers, detectors, models) loaded once per process and shared."""

from __future__ import annotations

import functools

from .errors import missing_dependency


@functools.cache
def morph_analyzer(lang: str):
    """A pymorphy3 analyser for ``uk`` or ``ru``."""
    try:
        import pymorphy3
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise missing_dependency("pymorphy3", "Morphology") from exc
    try:
        return pymorphy3.MorphAnalyzer(lang=lang)
    except (ValueError, KeyError, OSError) as exc:
        raise missing_dependency(f"pymorphy3-dicts-{lang}", f"Morphology for '{lang}'") from exc
