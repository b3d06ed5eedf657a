"""Word clusters for the NER features, computed from unlabelled text (no network, numpy + scipy).

    OMP_NUM_THREADS=1 python training/ner/clusters.py --config training/ner/config.yaml

(``train.py`` runs this first, so one command rebuilds everything.)

Each frequent word is described by the words seen just left and right of it (PPMI-weighted
counts), reduced by SVD, and grouped by k-means at two granularities. The result is a TSV
(``word<TAB>coarse<TAB>fine``) shipped gzipped beside the model; words are lowercased with
apostrophes unified, as ``ner_model.cluster_key`` does at inference.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import yaml
from scipy import sparse

from svidok.evaluation import ner as ner_eval
from svidok.stages.ner_model import cluster_key

_WORD = re.compile(r"[^\W_]+(?:['’ʼ`-][^\W_]+)*|\d+|[^\w\s]")


def corpus_sentences(data_dir: Path, extra_jsonl: list[Path]):
    """Tokenised lines of the DEV texts (never TEST) and of extra unlabelled posts."""
    ids = ner_eval.read_split(data_dir)["dev"]
    texts = [d.text for d in ner_eval.load_ner_docs(data_dir, ids)]
    for path in extra_jsonl:
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["content"] for line in fh if line.strip())
    for text in texts:
        for line in text.splitlines():
            words = [cluster_key(w) for w in _WORD.findall(line)]
            if words:
                yield words


def context_matrix(sentences, min_count: int, n_context: int):
    counts = Counter(w for s in sentences for w in s)
    vocab = sorted(w for w, c in counts.items() if c >= min_count)
    index = {w: i for i, w in enumerate(vocab)}
    contexts = {w: i for i, (w, _) in enumerate(counts.most_common(n_context))}
    rows, cols = [], []
    for sent in sentences:
        padded = ["<s>", *sent, "</s>"]
        for k in range(1, len(padded) - 1):
            row = index.get(padded[k])
            if row is None:
                continue
            for side, neighbour in ((0, padded[k - 1]), (1, padded[k + 1])):
                col = contexts.get(neighbour)
                if col is not None:
                    rows.append(row)
                    cols.append(side * n_context + col)
    data = np.ones(len(rows), dtype=np.float32)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(vocab), 2 * n_context))
    matrix.sum_duplicates()
    return vocab, matrix


def ppmi_svd(matrix, dims: int) -> np.ndarray:
    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    col = col / col.sum()
    coo = matrix.tocoo()
    pmi = np.log((coo.data / total) / ((row[coo.row] / total) * col[coo.col] + 1e-12) + 1e-12)
    ppmi = sparse.csr_matrix((np.maximum(pmi, 0), (coo.row, coo.col)), shape=matrix.shape)
    u, s, _ = sparse.linalg.svds(ppmi, k=dims, random_state=0)
    vectors = u * np.sqrt(s)
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)


def kmeans(vectors: np.ndarray, k: int, iterations: int = 25, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)]
    for _ in range(iterations):
        labels = np.argmax(vectors @ centres.T, axis=1)  # cosine: vectors are unit length
        for c in range(k):
            members = vectors[labels == c]
            if len(members):
                centre = members.mean(axis=0)
                centres[c] = centre / (np.linalg.norm(centre) + 1e-9)
    return labels


def build_clusters(config: dict, base: Path) -> Path:
    """Compute the clusters described by ``config["clusters"]`` (paths relative to ``base``)."""
    conf = config["clusters"]
    extra = [(base / p).resolve() for p in conf.get("extra_jsonl", [])]
    sentences = list(corpus_sentences((base / config["data_dir"]).resolve(), [p for p in extra if p.is_file()]))
    vocab, matrix = context_matrix(sentences, conf["min_count"], conf["contexts"])
    vectors = ppmi_svd(matrix, conf["dims"])
    coarse = kmeans(vectors, conf["coarse"])
    fine = kmeans(vectors, conf["fine"])
    lines = [f"{w}\t{c}\t{f}" for w, c, f in zip(vocab, coarse, fine)]
    output = (base / conf["output"]).resolve()
    output.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(vocab)} words from {len(sentences)} lines -> {output}", flush=True)
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=Path(__file__).with_name("config.yaml"))
    args = parser.parse_args()
    config = yaml.safe_load(args.config.read_text(encoding="utf-8"))
    build_clusters(config, args.config.resolve().parent)


if __name__ == "__main__":
    main()
