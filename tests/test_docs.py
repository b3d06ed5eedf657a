"""Documentation that is generated from the code must be current."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_cli_docs.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_schema_key_is_documented():
    from svidok.output import schema

    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    definition = schema()
    keys = set(definition["properties"])
    for name in ("entity", "quote", "source"):
        keys |= set(definition["$defs"][name]["properties"])
    missing = sorted(k for k in keys if f"`{k}`" not in doc and f"`{k}`," not in doc)
    assert not missing, f"docs/schema.md does not describe {missing}"
