"""Train the NER-UK CRF shipped in ``src/svidok/models/ner_uk/`` (one command, one core).

    OMP_NUM_THREADS=1 nice -n 10 python training/ner/train.py --config training/ner/config.yaml

Only DEV documents are used (every ``holdout_every``-th is held out for a development score);
TEST is left for ``svidok eval ner``. Deterministic: same data and config, same model.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite
import yaml
from clusters import build_clusters  # training/ner/clusters.py, beside this script

import svidok
from svidok.evaluation import ner as ner_eval
from svidok.stages.ner_model import doc_context, sentence_features, tag_document


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sentence_examples(doc, labels):
    """(features, labels) per sentence of a prepared document."""
    context = doc_context(doc)
    for sent in doc.sentences:
        tokens = doc.tokens[sent.token_start : sent.token_end]
        if tokens:
            yield sentence_features(tokens, context), labels[sent.token_start : sent.token_end]


def build_examples(ner_docs, pipeline, augment: bool):
    examples = []
    for ner_doc in ner_docs:
        variants = [ner_doc, ner_eval.detokenise(ner_doc)] if augment else [ner_doc]
        for variant in variants:
            doc = ner_eval.prepare(variant.text, pipeline)
            examples.extend(sentence_examples(doc, ner_eval.bio_labels(doc, variant.spans)))
    return examples


def train(examples, params: dict, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in examples:
        trainer.append(xseq, yseq)
    trainer.select(params.get("algorithm", "lbfgs"))
    trainer.set_params({k: v for k, v in params.items() if k != "algorithm"})
    trainer.train(str(path))


def dev_scores(model_path: Path, ner_docs, pipeline) -> dict:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    gold, predicted = [], []
    for ner_doc in ner_docs:
        doc = ner_eval.prepare(ner_doc.text, pipeline)
        gold.append(ner_doc.spans)
        predicted.append([(m.start, m.end, m.label) for m in tag_document(doc, tagger)])
    core = ner_eval.score_spans(gold, predicted, ner_eval.CORE_TYPES)
    return {"all": ner_eval.score_spans(gold, predicted, ner_eval.CORPUS_TYPES)["micro"],
            "core": core["micro"], "core_per_type": core["per_type"],
            "core_errors": dict(sorted(ner_eval.error_kinds(gold, predicted, ner_eval.CORE_TYPES).items()))}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path(__file__).with_name("config.yaml"))
    parser.add_argument("--no-dev-score", action="store_true",
                        help="skip the held-out model and its scores: train once on all DEV documents")
    args = parser.parse_args(argv)
    config = yaml.safe_load(args.config.read_text(encoding="utf-8"))
    base = args.config.resolve().parent
    data_dir = (base / config["data_dir"]).resolve()
    output = (base / config["output"]).resolve()

    if "clusters" in config:  # features read the clusters: build them before any feature is computed
        build_clusters(config, base)
    dev_ids = ner_eval.read_split(data_dir)["dev"]
    every = int(config["holdout_every"])
    held_ids = dev_ids[every - 1 :: every]
    train_ids = [i for i in dev_ids if i not in set(held_ids)]
    pipeline = svidok.load_pipeline(list(ner_eval.PREP_STAGES))
    augment = bool(config.get("augment_detokenised", True))
    log(f"{len(train_ids)} training documents, {len(held_ids)} held out; augment={augment}")
    train_docs = ner_eval.load_ner_docs(data_dir, train_ids)
    held_docs = ner_eval.load_ner_docs(data_dir, held_ids)
    examples = build_examples(train_docs, pipeline, augment)
    log(f"{len(examples)} training sentences")

    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "ner.crfsuite"
        if not args.no_dev_score:
            train(examples, config["crf"], model)
            log(f"trained; held-out DEV: {dev_scores(model, held_docs, pipeline)}")
        if config.get("final_on_all_dev") or args.no_dev_score:
            examples += build_examples(held_docs, pipeline, augment)
            train(examples, config["crf"], model)
            log(f"retrained on all {len(dev_ids)} DEV documents")
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(gzip.compress(model.read_bytes(), compresslevel=9, mtime=0))
    log(f"model written to {output} ({output.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
