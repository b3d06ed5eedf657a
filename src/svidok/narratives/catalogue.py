"""The catalogue of known propaganda narratives (``catalogue.yaml``), loaded and checked once."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from importlib import resources

import yaml

LANGUAGES = ("uk", "ru", "en")
MIN_EXAMPLES = 3


@dataclass(frozen=True)
class Narrative:
    id: str
    title_uk: str
    title_en: str
    description: str
    examples: dict[str, tuple[str, ...]]  # language -> statements
    entities: tuple[str, ...]  # KB ids
    keywords: frozenset[str]  # lemmas (uk, ru, en)


def catalogue_text() -> str:
    return resources.files(__package__).joinpath("catalogue.yaml").read_text(encoding="utf-8")


def catalogue_hash() -> str:
    return hashlib.sha256(catalogue_text().encode("utf-8")).hexdigest()


@functools.cache
def load_catalogue() -> tuple[Narrative, ...]:
    """Every narrative; raises ValueError naming the entry when one is incomplete."""
    found, seen = [], set()
    for item in yaml.safe_load(catalogue_text()):
        nid = item.get("id")
        if not nid or nid in seen:
            raise ValueError(f"narratives/catalogue.yaml: missing or repeated id {nid!r}")
        seen.add(nid)
        examples = {lang: tuple(item["examples"].get(lang) or ()) for lang in LANGUAGES}
        short = [lang for lang, texts in examples.items() if len(texts) < MIN_EXAMPLES]
        if short:
            raise ValueError(f"narrative {nid}: fewer than {MIN_EXAMPLES} examples in {short}")
        found.append(
            Narrative(
                id=nid,
                title_uk=item["title"]["uk"],
                title_en=item["title"]["en"],
                description=item.get("description", ""),
                examples=examples,
                entities=tuple(item.get("entities") or ()),
                keywords=frozenset(str(w).lower() for w in item.get("keywords") or ()),
            )
        )
    return tuple(found)


def example_rows() -> list[tuple[int, str]]:
    """(narrative index, statement) for every example, in catalogue order."""
    return [
        (n, text)
        for n, narrative in enumerate(load_catalogue())
        for lang in LANGUAGES
        for text in narrative.examples[lang]
    ]
