"""The knowledge base: people, organisations, media and places with their aliases.

Entries live in tab-separated files under ``svidok/kb/data/`` (curated by hand, or generated
by ``python -m svidok.kb.build``), plus an optional user file (``$SVIDOK_KB`` or
``~/.svidok/kb.tsv``) that ``svidok kb add`` appends to. Columns: type, Ukrainian nominative
name, aliases separated by ``|``, Wikidata QID, flags (``lc``: may be written in lowercase on
purpose; ``media``: a news outlet or agency, which the article may cite as its source; ``company``: a
business, whose own version "за даними X" quotes rather than cites; ``id=...``: an explicit
svidok id).

Loading is lazy and cached: :func:`load_kb` reads the files once per process.
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import SvidokError
from ..names import name_key

DATA_FILES = ("people.tsv", "organisations.tsv", "places_curated.tsv", "places_generated.tsv")
TYPES = ("PER", "ORG", "LOC", "MISC")
_ID_PREFIX = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc"}


class KBError(SvidokError):
    """A knowledge-base file is malformed."""


@dataclass(slots=True)
class KBEntry:
    id: str
    type: str
    name: str  # canonical Ukrainian name, nominative
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    lowercase: bool = False  # aliases may be matched in lowercase ("путін", "кремль")
    media: bool = False  # a news outlet: "Видання пише" refers back to it, "за даними X" cites it
    company: bool = False  # a business: "за даними X" is its quote, not a source
    names: tuple[str, ...] = field(default=(), repr=False)  # name + aliases

    def __post_init__(self) -> None:
        self.names = (self.name, *(a for a in self.aliases if a != self.name))


def _stem(key: str) -> str:
    """A multi-word key without the last word's final vowels, to absorb case endings."""
    head, _, last = key.rpartition(" ")
    return f"{head} {last.rstrip('aeiou') or last}"


def user_kb_path() -> Path:
    return Path(os.environ.get("SVIDOK_KB") or Path.home() / ".svidok" / "kb.tsv")


def slug(name: str) -> str:
    from translitua import translit

    latin = translit(name).lower()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in latin).split())


def parse_row(line: str, where: str) -> KBEntry | None:
    """One TSV line -> an entry (``None`` for comments and blank lines)."""
    if not line.strip() or line.startswith("#"):
        return None
    cols = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
    etype, name, aliases, qid, flags = (c.strip() for c in cols)
    if etype not in TYPES or not name:
        raise KBError(
            f"{where}: expected 'TYPE<TAB>name<TAB>aliases<TAB>qid<TAB>flags' "
            f"with TYPE in {TYPES}, got {line.strip()!r}."
        )
    flag_set = set(flags.split(",")) if flags else set()
    explicit = next((f[3:] for f in flag_set if f.startswith("id=")), None)
    return KBEntry(
        id=explicit or f"{_ID_PREFIX[etype]}:{slug(name)}",
        type=etype,
        name=name,
        aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
        qid=qid or None,
        lowercase="lc" in flag_set,
        media="media" in flag_set,
        company="company" in flag_set,
    )


def _read(text: str, where: str) -> list[KBEntry]:
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        entry = parse_row(line, f"{where}:{n}")
        if entry:
            entries.append(entry)
    return entries


class KnowledgeBase:
    """Entries indexed by id, by cross-script name key, and by surname key (people)."""

    def __init__(self, entries: list[KBEntry]):
        self.entries: list[KBEntry] = []
        self.by_id: dict[str, KBEntry] = {}
        self.by_key: dict[str, list[KBEntry]] = defaultdict(list)
        self.by_surname: dict[str, list[KBEntry]] = defaultdict(list)
        self.by_stem: dict[str, list[KBEntry]] = defaultdict(list)
        for entry in entries:
            self.add(entry)

    def add(self, entry: KBEntry) -> None:
        if entry.id in self.by_id:  # the same id twice: a later file refines an earlier one
            entry = self._merge(self.by_id[entry.id], entry)
        else:
            self.entries.append(entry)
        self.by_id[entry.id] = entry
        for name in entry.names:
            key = name_key(name)
            if key and entry not in self.by_key[key]:
                self.by_key[key].append(entry)
            if key and " " in key and entry not in self.by_stem[_stem(key)]:
                self.by_stem[_stem(key)].append(entry)
            words = key.split()
            if entry.type == "PER" and len(words) > 1 and entry not in self.by_surname[words[-1]]:
                self.by_surname[words[-1]].append(entry)

    @staticmethod
    def _merge(old: KBEntry, new: KBEntry) -> KBEntry:
        old.aliases = tuple(dict.fromkeys(old.aliases + new.aliases + (new.name,)))
        old.qid = old.qid or new.qid
        old.lowercase = old.lowercase or new.lowercase
        old.media = old.media or new.media
        old.company = old.company or new.company
        old.__post_init__()
        return old

    def lookup(self, name: str, etype: str | None = None) -> list[KBEntry]:
        """Entries one of whose names has the same cross-script key as ``name``."""
        key = name_key(name)
        found = self.by_key.get(key, [])
        if not found and " " in key:  # an inflected ending the analyser did not undo ("Сибіги")
            found = self.by_stem.get(_stem(key), [])
        return [e for e in found if etype is None or e.type == etype]

    def lookup_surname(self, surname: str) -> list[KBEntry]:
        return list(self.by_surname.get(name_key(surname), []))

    def __len__(self) -> int:
        return len(self.entries)


@functools.cache
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base plus the user's additions, read once per process."""
    entries: list[KBEntry] = []
    data = resources.files(__name__).joinpath("data")
    for name in DATA_FILES:
        path = data.joinpath(name)
        if path.is_file():
            entries += _read(path.read_text(encoding="utf-8"), name)
    user = user_kb_path()
    if user.is_file():
        entries += _read(user.read_text(encoding="utf-8"), str(user))
    return KnowledgeBase(entries)


__all__ = ["KBEntry", "KBError", "KnowledgeBase", "load_kb", "parse_row", "user_kb_path"]
