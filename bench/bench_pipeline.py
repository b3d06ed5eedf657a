"""Throughput of the analyze pipeline, stage by stage, on a fixed corpus of real text.

    python bench/bench_pipeline.py [--corpus DIR] [--limit N]

The corpus defaults to the NER-UK 2.0 texts in ../shared (real Ukrainian news and prose),
falling back to the bundled samples. Prints words/s and articles/s per stage and for the
whole pipeline, the tokenisation-only ceiling measured in the same run, and peak memory.
Figures vary with machine load: compare runs made on the same idle machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "ner-uk" / "v2.0" / "data"


def load_corpus(root: Path, limit: int | None) -> list[str]:
    files = sorted(root.rglob("*.txt")) if root.is_dir() else []
    if not files:
        files = sorted((REPO / "samples").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files[:limit]]
    return [t for t in texts if t.strip()]


def tokenisation_ceiling(texts: list[str]) -> tuple[float, int]:
    from tokenize_uk import tokenize_words_with_spans

    start = time.perf_counter()
    words = sum(len(tokenize_words_with_spans(t)) for t in texts)
    return time.perf_counter() - start, words


def run(texts: list[str]) -> None:
    import svidok
    from svidok.document import Document

    pipeline = svidok.load_pipeline()
    svidok.analyze("Прогрів: Володимир Зеленський заявив, що «так».")  # load resources once
    timings = {info.name: 0.0 for info in pipeline.stages}
    words = 0
    for text in texts:
        doc = Document(text, language=None)
        for info in pipeline.stages:
            t0 = time.perf_counter()
            doc = info.func(doc)
            timings[info.name] += time.perf_counter() - t0
            doc.assigned.update(info.assigns)
        words += sum(1 for t in doc.tokens if t.norm[:1].isalnum())
    ceiling_s, ceiling_words = tokenisation_ceiling(texts)
    total = sum(timings.values())
    print(f"corpus: {len(texts)} articles, {words} words")
    print(f"{'stage':<12}{'seconds':>10}{'words/s':>12}{'articles/s':>12}{'share':>8}")
    for name, secs in timings.items():
        wps = words / secs if secs else float("inf")
        print(f"{name:<12}{secs:>10.3f}{wps:>12.0f}{len(texts) / secs if secs else 0:>12.1f}{secs / total:>8.1%}")
    print(f"{'pipeline':<12}{total:>10.3f}{words / total:>12.0f}{len(texts) / total:>12.1f}{1:>8.0%}")
    ceiling = ceiling_words / ceiling_s
    print(f"{'tokenise':<12}{ceiling_s:>10.3f}{ceiling:>12.0f}{'':>12}{'':>8}  (ceiling)")
    print(f"pipeline / ceiling: {words / total / ceiling:.2f}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mb:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts")
    args = parser.parse_args(argv)
    run(load_corpus(args.corpus, args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
