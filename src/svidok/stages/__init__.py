"""Pipeline stages, one module each; importing this package registers them all."""

from . import (  # noqa: F401
    events,
    langid,
    link,
    morph,
    narratives,
    ner,
    ner_model,
    normalize,
    quotes,
    segment,
    sources,
    techniques,
)
