"""Train the technique classifier and span tagger shipped in ``src/svidok/models/techniques/``.

    OMP_NUM_THREADS=1 nice -n 10 python training/techniques/train.py --config training/techniques/config.yaml

Trains on every post of the UNLP 2025 file (scores come from ``svidok eval techniques``, which
cross-validates the same training code). Deterministic: same data and config, same model.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml

from svidok.techniques.training import TrainConfig, build_model, read_posts

CONFIG_KEYS = ("alpha", "inner_folds", "crf_c1", "crf_c2", "crf_minfreq", "crf_iterations", "span_threshold", "seed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path(__file__).with_name("config.yaml"))
    args = parser.parse_args()
    settings = yaml.safe_load(args.config.read_text(encoding="utf-8"))
    base = args.config.resolve().parent
    data, output = (base / settings["data"]).resolve(), (base / settings["output"]).resolve()
    if not data.is_file():
        raise SystemExit(f"no training data at {data}: fix `data` in {args.config}")
    config = TrainConfig(**{key: settings[key] for key in CONFIG_KEYS if key in settings})
    started = time.perf_counter()
    posts = read_posts(data)
    with tempfile.TemporaryDirectory() as workdir:
        model = build_model(posts, Path(workdir), config)
    model.save(output)
    size = sum(f.stat().st_size for f in output.iterdir())
    print(f"trained on {len(posts)} posts in {time.perf_counter() - started:.0f} s; "
          f"{output} holds {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
