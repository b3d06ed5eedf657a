"""Hardening fixtures: archives of each backend, realistic JSONL batches, the CLI in a subprocess.

PostgreSQL runs only when SVIDOK_TEST_POSTGRES names a database that may be wiped
(``eval "$(bash .ci/postgres.sh)"``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import POSTGRES_URL, store_url  # noqa: F401  (the shared backend fixture)

REPO = Path(__file__).resolve().parents[2]
EVAL_TEXTS = sorted((REPO / "eval" / "texts").glob("*.txt"))


def batch_records(count: int, *, first: int = 0) -> list[dict]:
    """``count`` distinct JSONL records built from the evaluation texts: each a real article
    with its paragraphs rotated, under its own id and URL (so each is stored once)."""
    if not EVAL_TEXTS:
        pytest.skip("eval/texts is not present")
    texts = [path.read_text(encoding="utf-8") for path in EVAL_TEXTS]
    records = []
    for number in range(first, first + count):
        paragraphs = [p for p in texts[number % len(texts)].split("\n") if p.strip()]
        turn = (number // len(texts)) % len(paragraphs)
        text = "\n".join(paragraphs[turn:] + paragraphs[:turn])
        records.append({
            "id": f"rec-{number:05d}",
            "url": f"https://example.org/news/{number}",
            "title": paragraphs[0][:80],
            "published": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "outlet": ["example.org", "Українська правда", "BBC"][number % 3],
            "text": f"{text}\n(випуск {number})",
        })  # fmt: skip
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def cli(*args: str) -> list[str]:
    """The ``svidok`` command line, run by this Python (no reliance on PATH)."""
    return [sys.executable, "-c", "from svidok.cli import main; main()", *args]


def check_cli(db: str, *args: str) -> subprocess.CompletedProcess:
    """``svidok check`` in a subprocess."""
    return subprocess.run(
        cli("check", "--db", db, *args),
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
    )


def child_env() -> dict[str, str]:
    return {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"}
