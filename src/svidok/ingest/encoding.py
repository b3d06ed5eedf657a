"""Bytes to text: strict UTF-8 first, then the Cyrillic single-byte encodings, scored.

charset-normalizer often mistakes short Cyrillic texts in cp1251 for koi8-u or mac-cyrillic
(and back), so the choice among single-byte decodings is made here by how much the result
looks like Ukrainian/Russian prose: common letters, well-cased words, no stray symbols.
"""

from __future__ import annotations

import codecs
import re

from .article import Unreadable

# candidate: prior (how common it is in news text today); ties go to the earlier one
SINGLE_BYTE_CANDIDATES = {
    "cp1251": 0.0,
    "koi8_u": 0.0,
    "cp1252": 0.0,
    "mac_cyrillic": -0.15,  # its capitals are cp1251's quote marks: only when clearly better
    "cp866": -0.1,
    "iso8859_5": -0.1,
}

# the most frequent letters of Ukrainian and Russian prose (about 70% of letters in both)
_COMMON_LETTERS = frozenset("оаеінтрсвлкмдпуяиьгз")
_WORD = re.compile(r"[^\W\d_]+")
_UK_RU_LETTERS = frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ")
_EDGE_PUNCTUATION = "«»„“”‘’\"'()[].,:;!?…–—-"  # may open or close a word
_INNER_PUNCTUATION = "ʼ’'№°€§©®™•·-"  # may stand inside or next to words
_CONTROL_OK = frozenset("\t\n\r\f\v")
_SCORED_CHARS = 20000  # enough to judge; keeps big files fast
_CLEAN_SCORE = 0.6  # real prose scores above this; below, look for double encoding
_DOUBLE_ENCODINGS = ("cp1252", "latin-1", "cp1251")
_MIN_SCORE = 0.3  # below this, every decoding looks like mojibake
_MIN_REPAIR_LETTERS = 20  # Cyrillic letters a repair must yield before valid UTF-8 is re-decoded
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` is not text, or None. UTF-16 with a BOM is text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = data[:65536]
    if b"\x00" in sample:
        return "binary content (NUL bytes), not text"
    controls = sum(1 for b in sample if b < 32 and chr(b) not in _CONTROL_OK)
    if sample and controls / len(sample) > 0.02:
        return f"binary content ({controls} control bytes in the first {len(sample)}), not text"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for ``data``; raises Unreadable for binary or undecodable bytes."""
    reason = looks_binary(data)
    if reason:
        raise Unreadable(reason)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise Unreadable(f"broken {name} text after its byte-order mark: {exc.reason}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _best_single_byte(data)
    return _undo_double_encoding(text)


def _undo_double_encoding(text: str) -> tuple[str, str]:
    """UTF-8 text that was once mis-read as a single-byte encoding and saved again as UTF-8
    ("ÐŸÑ€Ð¸Ð²Ñ–Ñ‚", "РџСЂРёРІС–С‚") is turned back into what was meant."""
    sample = text[:_SCORED_CHARS]
    score = plausibility(sample)
    if score >= _CLEAN_SCORE:
        return text, "utf-8"
    for wrong in _DOUBLE_ENCODINGS:
        try:
            fixed = sample.encode(wrong).decode("utf-8")
        except UnicodeError:
            continue
        if _repair_is_convincing(fixed, score):
            return text.encode(wrong).decode("utf-8", errors="replace"), f"utf-8 (read as {wrong} once)"
    return text, "utf-8"


def _repair_is_convincing(fixed: str, score: float) -> bool:
    """Only clear, substantial Cyrillic prose justifies changing text that is valid UTF-8:
    short strings such as "Â¼a", or Latin-1 values inside ASCII JSON, are written that way."""
    letters = sum(1 for c in fixed if "\u0400" <= c <= "\u04ff" and c.isalpha())
    fixed_score = plausibility(fixed)
    return letters >= _MIN_REPAIR_LETTERS and fixed_score >= _CLEAN_SCORE and fixed_score > score + 0.2


def _best_single_byte(data: bytes) -> tuple[str, str]:
    scored = []
    for name, prior in SINGLE_BYTE_CANDIDATES.items():
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text[:_SCORED_CHARS]) + prior, -len(scored), text, name))
    if not scored:
        raise Unreadable("unknown text encoding (not UTF-8, nor any Cyrillic single-byte encoding)")
    score, _, text, name = max(scored)
    if score < _MIN_SCORE:
        raise Unreadable("unknown text encoding: no decoding gives readable text")
    return text, name


def plausibility(text: str) -> float:
    """0..1: how much ``text`` looks like real prose rather than mojibake."""
    tokens = text.split()
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return 0.0
    bad = sum(_junk_in_token(tok) for tok in tokens)
    well_formed = max(0.0, 1 - bad / letters)
    cyrillic = [c for c in text.lower() if "\u0400" <= c <= "\u04ff"]
    if len(cyrillic) >= letters / 2:
        common = sum(1 for c in cyrillic if c in _COMMON_LETTERS) / len(cyrillic)
    else:  # mostly Latin: accented letters are the exception, not the rule
        common = sum(1 for c in text if c.isascii() and c.isalpha()) / letters
    upper = sum(1 for c in text if c.isupper()) / letters  # prose is mostly lower case
    return 0.5 * well_formed + 0.5 * common - 0.3 * upper


def _junk_in_token(token: str) -> int:
    """How many characters of a whitespace-separated token look like mojibake."""
    core = token.strip(_EDGE_PUNCTUATION)
    junk = 3 * sum(1 for c in core if _odd_symbol(c))  # box drawing etc. are a strong sign
    for word in _WORD.findall(core):
        if not _well_formed(word):
            junk += len(word)
    return junk


def _well_formed(word: str) -> bool:
    """One script, Ukrainian/Russian letters only, and cased as lower, Title or UPPER."""
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
    if cyrillic and any(c not in _UK_RU_LETTERS for c in word.lower()):
        return False
    return cyrillic in (0, len(word))


def _odd_symbol(char: str) -> bool:
    """A non-ASCII character that is neither a letter, a space nor ordinary punctuation."""
    if ord(char) < 128 or char.isalpha() or char.isspace():
        return False
    return char not in _INNER_PUNCTUATION
