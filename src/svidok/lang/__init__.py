"""Per-language knowledge kept as data: one folder per language, YAML files inside.

Adding a language means adding a folder ``svidok/lang/<code>/`` with the same files and a test.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from ..errors import UnsupportedLanguage

SUPPORTED_LANGUAGES = ("uk", "ru", "en")


def available_languages() -> list[str]:
    return list(_language_folders())


@functools.cache
def _language_folders() -> tuple[str, ...]:
    # read once per process: the stages ask for every sentence, and the package data is fixed
    root = resources.files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


@functools.cache
def load(lang: str, name: str) -> Any:
    """Load ``svidok/lang/<lang>/<name>.yaml``; raise :class:`UnsupportedLanguage` if absent."""
    if lang not in available_languages():
        raise UnsupportedLanguage(
            f"No language data for '{lang}'. Supported: {', '.join(available_languages())}."
        )
    path = resources.files(__name__).joinpath(lang, f"{name}.yaml")
    if not path.is_file():
        raise UnsupportedLanguage(f"Language '{lang}' has no data file '{name}.yaml'.")
    with path.open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@functools.cache
def has(lang: str, name: str) -> bool:
    if lang not in _language_folders():
        return False
    return resources.files(__name__).joinpath(lang, f"{name}.yaml").is_file()


@functools.cache
def load_lines(lang: str, name: str) -> frozenset[str]:
    """Load a word list ``svidok/lang/<lang>/<name>.txt`` (one entry a line, ``#`` comments);
    an absent list is empty."""
    if lang not in available_languages():
        return frozenset()
    path = resources.files(__name__).joinpath(lang, f"{name}.txt")
    if not path.is_file():
        return frozenset()
    with path.open("r", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))
