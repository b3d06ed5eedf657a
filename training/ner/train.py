"""Train the NER-UK CRF shipped in ``src/svidok/models/ner_uk/`` (one command, one core).

    OMP_NUM_THREADS=1 nice -n 10 python training/ner/train.py --config training/ner/config.yaml

Only DEV documents are used (every ``holdout_every``-th is held out for a development score);
TEST is left for ``svidok eval ner``. Deterministic: same data and config, same model.

With ``second_pass`` in the config, a second CRF is trained on document-level features of the
first pass's labels (``stages/ner_document.py``). Its training labels come from first-pass models
that did not see the document: ``folds`` models over the training documents, and the held-out
model for the held-out documents (k+1 folds over DEV, whichever the options).
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
from svidok.stages.ner_model import (
    doc_context,
    first_pass_labels,
    model_sentences,
    second_pass_features,
    sentence_features,
    tag_document,
)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def prepare_docs(ner_docs, pipeline, augment: bool):
    """``(document, gold BIO labels, corpus id)`` per text, with its detokenised copy when ``augment``."""
    out = []
    for ner_doc in ner_docs:
        for variant in [ner_doc, ner_eval.detokenise(ner_doc)] if augment else [ner_doc]:
            doc = ner_eval.prepare(variant.text, pipeline)
            out.append((doc, ner_eval.bio_labels(doc, variant.spans), ner_doc.id))
    return out


def first_examples(prepared):
    """First-pass examples: every sentence, whatever its detected language (as the shipped model was trained)."""
    examples = []
    for doc, labels, _ in prepared:
        context = doc_context(doc)
        for sent in doc.sentences:
            if sent.token_end > sent.token_start:
                tokens = doc.tokens[sent.token_start : sent.token_end]
                examples.append((sentence_features(tokens, context), labels[sent.token_start : sent.token_end]))
    return examples


def second_examples(prepared, tagger_of):
    """Second-pass examples; ``tagger_of(id)`` is a first-pass tagger that did not see document ``id``."""
    examples = []
    for doc, labels, doc_id in prepared:
        sentences = model_sentences(doc)
        first = first_pass_labels(doc, sentences, tagger_of(doc_id))
        examples += [(x, labels[i : i + len(x)]) for i, x in second_pass_features(doc, sentences, first)]
    return examples


def train(examples, params: dict, path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in examples:
        trainer.append(xseq, yseq)
    trainer.select(params.get("algorithm", "lbfgs"))
    trainer.set_params({k: v for k, v in params.items() if k != "algorithm"})
    trainer.train(str(path))


def open_tagger(path: Path):
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def dev_scores(ner_docs, pipeline, tagger, second=None) -> dict:
    gold, predicted = [], []
    for ner_doc in ner_docs:
        doc = ner_eval.prepare(ner_doc.text, pipeline)
        gold.append(ner_doc.spans)
        predicted.append([(m.start, m.end, m.label) for m in tag_document(doc, tagger, second)])
    core = ner_eval.score_spans(gold, predicted, ner_eval.CORE_TYPES)
    return {"all": ner_eval.score_spans(gold, predicted, ner_eval.CORPUS_TYPES)["micro"],
            "core": core["micro"], "core_per_type": core["per_type"],
            "core_errors": dict(sorted(ner_eval.error_kinds(gold, predicted, ner_eval.CORE_TYPES).items()))}


def write_gz(model: Path, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(gzip.compress(model.read_bytes(), compresslevel=9, mtime=0))
    log(f"model written to {output} ({output.stat().st_size / 1e6:.1f} MB)")


def fold_taggers(train_set, train_ids, folds: int, params: dict, tmp: Path) -> dict:
    """Document id -> a first-pass tagger trained on the other folds of the training documents."""
    fold_of = {doc_id: k % folds for k, doc_id in enumerate(train_ids)}
    taggers = []
    for fold in range(folds):
        path = tmp / f"fold{fold}.crfsuite"
        train(first_examples([p for p in train_set if fold_of[p[2]] != fold]), params, path)
        taggers.append(open_tagger(path))
        log(f"first-pass fold {fold + 1}/{folds} trained")
    return {doc_id: taggers[fold] for doc_id, fold in fold_of.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path(__file__).with_name("config.yaml"))
    parser.add_argument("--no-dev-score", action="store_true",
                        help="skip the development scores (the shipped models are the same)")
    args = parser.parse_args(argv)
    config = yaml.safe_load(args.config.read_text(encoding="utf-8"))
    base = args.config.resolve().parent
    data_dir = (base / config["data_dir"]).resolve()
    second = config.get("second_pass")

    if "clusters" in config:  # features read the clusters: build them before any feature is computed
        build_clusters(config, base)
    dev_ids = ner_eval.read_split(data_dir)["dev"]
    every = int(config["holdout_every"])
    held_ids = dev_ids[every - 1 :: every]
    train_ids = [i for i in dev_ids if i not in set(held_ids)]
    pipeline = svidok.load_pipeline(list(ner_eval.PREP_STAGES))
    augment = bool(config.get("augment_detokenised", True))
    log(f"{len(train_ids)} training documents, {len(held_ids)} held out; augment={augment}")
    held_docs = ner_eval.load_ner_docs(data_dir, held_ids)
    train_set = prepare_docs(ner_eval.load_ner_docs(data_dir, train_ids), pipeline, augment)
    held_set = prepare_docs(held_docs, pipeline, augment)
    examples = first_examples(train_set)
    log(f"{len(examples)} training sentences")

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        held_model = tmp / "held.crfsuite"
        if second or not args.no_dev_score:
            train(examples, config["crf"], held_model)
            if not args.no_dev_score:
                log(f"trained; held-out DEV: {dev_scores(held_docs, pipeline, open_tagger(held_model))}")
        if second:
            tagger_of = fold_taggers(train_set, train_ids, int(second["folds"]), config["crf"], tmp)
            tagger_of.update(dict.fromkeys(held_ids, open_tagger(held_model)))
            second_set = second_examples(train_set, tagger_of.__getitem__)
            if not args.no_dev_score:
                train(second_set, second.get("crf", config["crf"]), tmp / "second.crfsuite")
                scores = dev_scores(held_docs, pipeline, open_tagger(held_model), open_tagger(tmp / "second.crfsuite"))
                log(f"second pass trained; held-out DEV, two passes: {scores}")
            second_set += second_examples(held_set, tagger_of.__getitem__)
            train(second_set, second.get("crf", config["crf"]), tmp / "second.crfsuite")
            write_gz(tmp / "second.crfsuite", (base / second["output"]).resolve())
        examples += first_examples(held_set)
        train(examples, config["crf"], tmp / "final.crfsuite")
        log(f"retrained on all {len(dev_ids)} DEV documents")
        write_gz(tmp / "final.crfsuite", (base / config["output"]).resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
