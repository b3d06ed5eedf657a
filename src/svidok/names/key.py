"""A cross-script key for personal and place names.

The key is a Latin skeleton that forgets what Ukrainian, Russian and English spellings of the
same name disagree on: і/и/ї/ы/й all become ``i``; є/е/э/ё become ``e``; soft and hard signs and
apostrophes vanish; г/ґ/h become ``g``; doubled letters collapse; an ``i`` before a vowel
(я, ю, є, "ya", "ie") is dropped. First names also go through a table of equivalents
(Владимир = Владімір = Володимир = Vladimir), so

    name_key("Кіріл Дмітрієв") == name_key("Кирило Дмитрієв") == name_key("Kirill Dmitriev")

The key is for matching only; it is never shown.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "io",
    "э": "e", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "ii", "й": "i", "ы": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "",
    "ю": "iu", "я": "ia",
}  # fmt: skip

# Latin spellings rewritten towards the same skeleton, applied in order before transliteration.
_LATIN_RULES = (
    (r"tsch", "ch"), (r"sch", "sh"), (r"c(?=[eiy])", "ts"), (r"c(?!h)", "k"), (r"kh", "x"),
    (r"ph", "f"), (r"tz", "ts"), (r"cz", "ch"), (r"w", "v"), (r"q", "k"), (r"[jy]", "i"),
    (r"(?<![szc])h", "g"),
)  # fmt: skip
_LATIN_ACCENTS = str.maketrans("áàâäãåçéèêëíìîïñóòôöõúùûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy")
_APOSTROPHES = re.compile(r"['ʼ’`´\u02bc-]")


def _skeleton(word: str) -> str:
    word = _APOSTROPHES.sub("", word.lower().translate(_LATIN_ACCENTS))
    for pattern, replacement in _LATIN_RULES:
        word = re.sub(pattern, replacement, word)
    word = "".join(_CYRILLIC.get(ch, ch) for ch in word)
    word = re.sub(r"(.)\1+", r"\1", word)
    word = re.sub(r"i(?=[aeou])", "", word)  # я/ю/є and ya/yu/ye: the glide is spelt unevenly
    word = re.sub(r"(.)\1+", r"\1", word)
    return "".join(ch for ch in word if ch.isalnum())


@functools.cache
def _first_name_groups() -> dict[str, str]:
    """Skeleton of every first-name variant -> skeleton of its group's canonical form."""
    groups: dict[str, str] = {}
    path = resources.files(__package__).joinpath("first_names.tsv")
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            variants = [v.strip() for v in line.split("\t") if v.strip()]
            canonical = _skeleton(variants[0])
            for variant in variants:
                groups.setdefault(_skeleton(variant), canonical)
    return groups


@functools.lru_cache(maxsize=100_000)
def token_key(word: str) -> str:
    """The cross-script key of one word (a first name maps to its group's key)."""
    skeleton = _skeleton(word)
    return _first_name_groups().get(skeleton, skeleton)


def name_key(name: str) -> str:
    """The cross-script key of a whole name: word keys joined by spaces, in the given order."""
    words = re.findall(r"[\w'ʼ’-]+", name)
    return " ".join(k for k in (token_key(w) for w in words) if k)


def first_name_variants(word: str) -> bool:
    """Whether ``word`` is a known first name (in any of its spellings)."""
    return _skeleton(word) in _first_name_groups()
