"""Embed the narrative catalogue's example statements into src/svidok/narratives/examples.npz.

Run after editing src/svidok/narratives/catalogue.yaml; tests check the index is current.
"""

from __future__ import annotations

from pathlib import Path

from svidok.narratives.embedding import INDEX_FILE, index_bytes

TARGET = Path(__file__).resolve().parents[1] / "src" / "svidok" / "narratives" / INDEX_FILE

if __name__ == "__main__":
    TARGET.write_bytes(index_bytes())
    print(f"wrote {TARGET}")
