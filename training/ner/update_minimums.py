"""Score the shipped NER model on NER-UK TEST and store the CI minimums (run after training).

    python training/ner/update_minimums.py [--data-dir DIR] [--margin 0.005]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from svidok.evaluation.ner import MINIMUMS_PATH, format_ner_eval, run_ner_eval, write_ner_minimums

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner-uk" / "v2.0" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--margin", type=float, default=0.005)
    args = parser.parse_args()
    result = run_ner_eval(args.data_dir, split="test")
    print(format_ner_eval(result))
    print(write_ner_minimums(result, args.margin))
    print(f"written to {MINIMUMS_PATH}")


if __name__ == "__main__":
    main()
