"""Stage 2: a normalised view of the text with a map back to original offsets.

Apostrophe variants become ``'``, non-breaking and other exotic spaces become a plain space,
soft hyphens and zero-width characters are dropped, and every quotation mark style becomes
``«`` (opening) or ``»`` (closing), decided by which side of the mark the text is on, so that
straight quotes (``"``) and German-style ``„…“`` are told apart the same way.
"""

from __future__ import annotations

from ..document import Document
from ..pipeline import stage

APOSTROPHES = frozenset("’ʼ`´ʹʻ‘'")
SPACES = frozenset(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
DROPPED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
OPENING_QUOTES = frozenset("«„‹‚")
CLOSING_QUOTES = frozenset("»›")
AMBIGUOUS_QUOTES = frozenset('"“”‟″')  # side decided from context
DASHES = {"\u2012": "–", "\u2015": "—"}


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _quote_side(text: str, i: int) -> str:
    """'«' if the mark at ``i`` opens a quotation, '»' if it closes one."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() and after in ",.;:!?)]}…":
        return "»"  # a closing mark on a line of its own: '…\n", - сказал он' (no quote opens on a comma)
    if before.isspace() or before in "([{—–-/«„" or i == 0:
        return "«"
    if after.isspace() or after in ".,;:!?)]}…—–-»" or i + 1 == len(text):
        return "»"
    return "«" if not _is_word_char(before) else "»"


def _normal_char(text: str, i: int) -> str | None:
    ch = text[i]
    if ch in DROPPED:
        return None
    if ch in SPACES:
        return " "
    if ch in APOSTROPHES:
        # An apostrophe inside a word (перемир’я, don't); elsewhere it is a single quote mark.
        if 0 < i < len(text) - 1 and _is_word_char(text[i - 1]) and _is_word_char(text[i + 1]):
            return "'"
        if ch in "‘’'":
            return _quote_side(text, i)
        return "'"
    if ch in OPENING_QUOTES:
        return "«"
    if ch in CLOSING_QUOTES:
        return "»"
    if ch in AMBIGUOUS_QUOTES:
        return _quote_side(text, i)
    return DASHES.get(ch, ch)


def normalize_text(text: str) -> tuple[str, list[int]]:
    """Return (normalised text, map from each normalised index to its original index + sentinel)."""
    out: list[str] = []
    mapping: list[int] = []
    for i in range(len(text)):
        ch = _normal_char(text, i)
        if ch is None:
            continue
        out.append(ch)
        mapping.append(i)
    mapping.append(len(text))
    return "".join(out), mapping


@stage("normalize", requires=("text",), assigns=("norm", "norm_map"))
def normalize(doc: Document) -> Document:
    doc.norm, doc.norm_map = normalize_text(doc.text)
    return doc
