"""Stage registry and the ordered pipeline (modelled on spaCy's ``Language``).

A stage is a function ``Document -> Document`` registered with :func:`stage`, declaring the
document attributes it ``requires`` and the ones it ``assigns``. :class:`Pipeline` checks the
order once, when it is built, so a misordered pipeline fails before any article is read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .document import Document
from .errors import PipelineError

log = logging.getLogger(__name__)

StageFunc = Callable[[Document], Document]

# Attributes a Document has before any stage runs.
BASE_ATTRIBUTES = frozenset({"text", "meta"})

# The declared order of the default pipeline.
DEFAULT_ORDER: tuple[str, ...] = (
    "langid",
    "normalize",
    "segment",
    "morph",
    "ner_model",
    "ner",
    "link",
    "quotes",
    "sources",
    "events",
    "narratives",
    "techniques",
)


@dataclass(frozen=True)
class StageInfo:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, StageInfo] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Register ``func`` as the pipeline stage ``name``."""

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = StageInfo(name, func, tuple(requires), tuple(assigns))
        return func

    return register


def registered_stages() -> dict[str, StageInfo]:
    from . import stages  # noqa: F401  (importing the package registers every stage)

    return dict(_REGISTRY)


class Pipeline:
    """An ordered list of stages, checked for ``requires``/``assigns`` consistency at build time."""

    def __init__(self, names: Iterable[str] = DEFAULT_ORDER, *, exclude: Iterable[str] = ()):
        registry = registered_stages()
        excluded = set(exclude)
        unknown = [n for n in list(names) + list(excluded) if n not in registry]
        if unknown:
            raise PipelineError(f"Unknown stage(s) {unknown}; known stages: {sorted(registry)}.")
        self.stages = [registry[n] for n in names if n not in excluded]
        self._check_order()

    def _check_order(self) -> None:
        available = set(BASE_ATTRIBUTES)
        for info in self.stages:
            missing = [attr for attr in info.requires if attr not in available]
            if missing:
                raise PipelineError(
                    f"Stage '{info.name}' requires {missing}, which no earlier stage assigns. "
                    f"Order: {self.names}."
                )
            available.update(info.assigns)

    @property
    def names(self) -> list[str]:
        return [info.name for info in self.stages]

    def __call__(self, doc: Document) -> Document:
        for info in self.stages:
            doc = info.func(doc)
            doc.assigned.update(info.assigns)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
