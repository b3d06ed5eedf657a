"""The hand-annotated evaluation corpus: ``eval/texts/<id>.txt`` with ``eval/gold/<id>.json``."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError


@dataclass
class GoldDoc:
    id: str
    text: str
    gold: dict[str, Any]


def default_eval_dir() -> Path:
    """``eval/`` of the source checkout (editable install), else ``./eval``."""
    checkout = Path(__file__).resolve().parents[3] / "eval"
    return checkout if checkout.is_dir() else Path.cwd() / "eval"


def _gold_files(eval_dir: Path) -> list[Path]:
    gold_dir = eval_dir / "gold"
    if not gold_dir.is_dir():
        raise InputError(f"no gold annotations in {gold_dir}: pass --eval-dir pointing at svidok's eval/")
    return sorted(gold_dir.glob("*.json"))


def load_corpus(eval_dir: Path) -> list[GoldDoc]:
    """Every gold document with its text, after checking each span against the text."""
    docs = []
    for path in _gold_files(eval_dir):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = eval_dir / "texts" / f"{gold['id']}.txt"
        if not text_path.is_file():
            raise InputError(f"{path.name} has no text file {text_path}")
        text = text_path.read_text(encoding="utf-8")
        check_gold_spans(gold, text, path.name)
        docs.append(GoldDoc(gold["id"], text, gold))
    return docs


def check_gold_spans(gold: dict[str, Any], text: str, where: str) -> None:
    for key in ("entities", "quotes", "sources"):
        for span in gold.get(key, []):
            if text[span["start"] : span["end"]] != span["text"]:
                raise InputError(
                    f"{where}: {key} span {span['text']!r} != text[{span['start']}:{span['end']}]"
                )


def corpus_hash(eval_dir: Path) -> str:
    """sha256 over the names and bytes of every gold file and its text, in name order."""
    digest = hashlib.sha256()
    for path in _gold_files(eval_dir):
        text_path = eval_dir / "texts" / f"{path.stem}.txt"
        for part in (path, text_path):
            digest.update(part.name.encode())
            digest.update(part.read_bytes() if part.is_file() else b"")
    return digest.hexdigest()
