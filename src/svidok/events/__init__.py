"""Typed event frames (MEET, PROPOSE, REJECT, ATTACK …) with actors, targets, place, time,
negation and modality. Triggers are per-language data (``svidok/lang/<lang>/events.yaml``)."""

from .finder import find_events
from .lexicon import EVENT_TYPES, MODALITIES, event_lexicon

__all__ = ["EVENT_TYPES", "MODALITIES", "event_lexicon", "find_events"]
