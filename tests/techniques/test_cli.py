"""`svidok analyze --format jsonl` on UNLP 2025 posts (`id` + `content`) and the eval gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import svidok
from svidok.cli import cli

UNLP = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "unlp2025-manipulation" / "train.jsonl"


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, list[dict]]:
    if not UNLP.is_file():
        pytest.skip("../shared UNLP 2025 data is not present")
    rows = [json.loads(line) for line in UNLP.read_text(encoding="utf-8").splitlines()[:400] if line.strip()]
    picked = [r for r in rows if r["lang"] == "uk" and r["manipulative"]][:3]
    picked += [r for r in rows if r["lang"] == "ru" and r["manipulative"]][:2]
    picked += [r for r in rows if not r["manipulative"]][:2]
    path = tmp_path_factory.mktemp("posts") / "posts.jsonl"
    path.write_text("".join(json.dumps({"id": r["id"], "content": r["content"]}, ensure_ascii=False) + "\n"
                            for r in picked), encoding="utf-8")
    return path, picked


def test_analyze_jsonl_returns_techniques_and_spans_per_post(batch):
    path, picked = batch
    result = CliRunner().invoke(cli, ["analyze", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    objs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [o["id"] for o in objs] == [r["id"] for r in picked]
    for obj, row in zip(objs, picked):
        svidok.validate(obj)
        assert obj["text"] == row["content"]
        assert set(obj["technique_scores"]) and all(0 <= s <= 1 for s in obj["technique_scores"].values())
        for span in obj["manipulative_spans"]:
            assert row["content"][span["start"] : span["end"]] == span["text"]
    manipulative = [o for o, r in zip(objs, picked) if r["manipulative"]]
    assert sum(bool(o["techniques"]) for o in manipulative) >= 4
    assert sum(bool(o["manipulative_spans"]) for o in manipulative) >= 3
