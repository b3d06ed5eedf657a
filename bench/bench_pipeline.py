"""Throughput of the analyze pipeline, stage by stage, on a fixed corpus of real text.

    python bench/bench_pipeline.py [--corpus DIR] [--limit N] [--repeat N] [--long-mb MB] [--clock cpu|wall]

The corpus defaults to the NER-UK 2.0 texts in ../shared (real Ukrainian news and prose),
falling back to the bundled samples. Prints words/s and articles/s per stage and for the
whole pipeline, the tokenisation-only ceiling measured in the same run, peak memory, the goals
(10,000 words/s on one core, a quarter of the ceiling), and the time for one long dense text
(the corpus joined up to ``--long-mb`` MB: its cost must grow linearly, not with its square).
With ``--repeat N`` each figure is the median of N passes. Times are CPU seconds of this process
by default (``--clock cpu``: words per second per core, little disturbed by other processes on a
shared machine); ``--clock wall`` gives elapsed time, for an idle machine.
"""

from __future__ import annotations

import argparse
import resource
import statistics
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


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def tokenisation_ceiling(texts: list[str]) -> tuple[float, int]:
    from tokenize_uk import tokenize_words_with_spans

    start = clock()
    words = sum(len(tokenize_words_with_spans(t)) for t in texts)
    return clock() - start, words


def stage_timings(pipeline, texts: list[str]) -> tuple[dict[str, float], int]:
    """Seconds spent in each stage over ``texts``, and the number of words."""
    from svidok.document import Document

    timings = {info.name: 0.0 for info in pipeline.stages}
    words = 0
    for text in texts:
        doc = Document(text, language=None)
        for info in pipeline.stages:
            t0 = clock()
            doc = info.func(doc)
            timings[info.name] += clock() - t0
            doc.assigned.update(info.assigns)
        words += sum(1 for t in doc.tokens if t.norm[:1].isalnum())
    return timings, words


def long_text(texts: list[str], megabytes: float) -> str:
    parts, size = [], 0
    for text in texts:
        if size >= megabytes * 1e6:
            break
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts)


def run(texts: list[str], repeat: int = 1, long_mb: float = 1.0) -> None:
    import svidok
    from svidok.ingest.workers import warm_up

    pipeline = svidok.load_pipeline()
    warm_up()  # models, dictionaries and knowledge-base indexes of every language, as a worker does
    passes = [stage_timings(pipeline, texts) for _ in range(repeat)]
    words = passes[0][1]
    timings = {name: statistics.median(p[0][name] for p in passes) for name in passes[0][0]}
    ceiling_s, ceiling_words = min(tokenisation_ceiling(texts) for _ in range(repeat))
    total = statistics.median(sum(p[0].values()) for p in passes)
    print(f"corpus: {len(texts)} articles, {words} words" + (f", median of {repeat} passes" if repeat > 1 else ""))
    print(f"{'stage':<12}{'seconds':>10}{'words/s':>12}{'articles/s':>12}{'share':>8}")
    for name, secs in timings.items():
        wps = words / secs if secs else float("inf")
        print(f"{name:<12}{secs:>10.3f}{wps:>12.0f}{len(texts) / secs if secs else 0:>12.1f}{secs / total:>8.1%}")
    print(f"{'pipeline':<12}{total:>10.3f}{words / total:>12.0f}{len(texts) / total:>12.1f}{1:>8.0%}")
    ceiling = ceiling_words / ceiling_s
    print(f"{'tokenise':<12}{ceiling_s:>10.3f}{ceiling:>12.0f}{'':>12}{'':>8}  (ceiling)")
    print(f"pipeline / ceiling: {words / total / ceiling:.2f}")
    print(f"goal 10,000 words/s on one core: {'met' if words / total >= 10_000 else 'NOT met'}; "
          f"goal 1/4 of the ceiling: {'met' if words / total >= ceiling / 4 else 'NOT met'}")
    if long_mb > 0:
        text = long_text(texts, long_mb)
        t0 = clock()
        doc = svidok.analyze(text)
        secs = clock() - t0
        long_words = sum(1 for t in doc.tokens if t.norm[:1].isalnum())
        print(f"one long text: {len(text.encode('utf-8')) / 1e6:.2f} MB, {long_words} words, {secs:.1f} s, "
              f"{long_words / secs:.0f} words/s ({long_words / secs / (words / total):.2f} of the corpus rate)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mb:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the corpus; medians are printed")
    parser.add_argument("--long-mb", type=float, default=1.0, help="size of the long-text case (0: skip)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu", help="CPU time (default) or wall time")
    args = parser.parse_args(argv)
    global clock
    clock = CLOCKS[args.clock]
    print(f"clock: {args.clock} time")
    run(load_corpus(args.corpus, args.limit), max(1, args.repeat), args.long_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
