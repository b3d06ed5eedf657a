"""Numbered error messages, so a user can search for the code (as spaCy does)."""

from __future__ import annotations


class SvidokError(Exception):
    """Base class: every error svidok raises on purpose carries a code and an actionable message."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")


class PipelineError(SvidokError):
    code = "E001"


class UnsupportedLanguage(SvidokError):
    code = "E002"


class MissingDependency(SvidokError):
    code = "E003"


class InputError(SvidokError):
    """An input that cannot be read: binary, empty, malformed, unknown encoding."""

    code = "E010"


class ModelError(SvidokError):
    code = "E020"


def missing_dependency(package: str, purpose: str) -> MissingDependency:
    return MissingDependency(f"{purpose} needs the package '{package}': run `pip install {package}`.")
