"""Throughput of the NER model stage alone on the NER-UK 2.0 TEST texts.

    OMP_NUM_THREADS=1 python bench/bench_ner.py [--data-dir DIR] [--repeat N]

Tokens, sentences and morphology are prepared first (not timed); only ``ner_model`` is timed.
Words are tokens with a letter or digit. Figures vary with machine load: compare runs made on
the same idle machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner-uk" / "v2.0" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported")
    args = parser.parse_args()

    import svidok
    from svidok.evaluation import ner as ner_eval
    from svidok.stages.ner_model import load_tagger, ner_model

    ids = ner_eval.read_split(args.data_dir)["test"]
    pipeline = svidok.load_pipeline(list(ner_eval.PREP_STAGES))
    docs = [ner_eval.prepare(d.text, pipeline) for d in ner_eval.load_ner_docs(args.data_dir, ids)]
    words = sum(1 for doc in docs for t in doc.tokens if any(c.isalnum() for c in t.text))
    chars = sum(len(doc.text) for doc in docs)
    load_start = time.perf_counter()
    load_tagger()
    load_s = time.perf_counter() - load_start

    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        mentions = sum(len(ner_model(doc).model_mentions) for doc in docs)
        timings.append(time.perf_counter() - start)
    best = min(timings)
    rows = [("documents", f"{len(docs)}"), ("words", f"{words}"), ("characters", f"{chars}"),
            ("mentions", f"{mentions}"), ("model load (s)", f"{load_s:.3f}"),
            ("stage time, best (s)", f"{best:.3f}"), ("words/s", f"{words / best:,.0f}"),
            ("documents/s", f"{len(docs) / best:,.1f}")]
    print(f"{'ner_model stage on NER-UK TEST':<32}{'value':>14}")
    for name, value in rows:
        print(f"{name:<32}{value:>14}")


if __name__ == "__main__":
    main()
