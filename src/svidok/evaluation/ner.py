"""The NER model on NER-UK 2.0: reading the corpus, aligning it to our tokens, scoring.

The corpus is brat (``<id>.txt`` + ``<id>.ann``) under ``{ng,bruk}/``; ``dev-test-split.txt``
lists ids under a "DEV" line and a "TEST" line. Texts are tokenised with svidok's own pipeline
(forced to Ukrainian) so that training, evaluation and inference see the same tokens.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..errors import InputError

CORPUS_TYPES = (
    "ART",
    "DATE",
    "DOC",
    "JOB",
    "LOC",
    "MISC",
    "MON",
    "ORG",
    "PCT",
    "PERIOD",
    "PER",
    "QUANT",
    "TIME",
)
CORE_TYPES = ("PER", "ORG", "LOC")
LABEL_MAP = {"PERS": "PER"}  # corpus label -> svidok label
PREP_STAGES = ("langid", "normalize", "segment", "morph")
MINIMUMS_PATH = Path(__file__).with_name("ner_minimums.json")

Span = tuple[int, int, str]  # start, end, label


@dataclass
class NerDoc:
    id: str
    text: str
    spans: list[Span] = field(default_factory=list)


# --- reading the corpus -------------------------------------------------------------------------


def read_split(data_dir: Path) -> dict[str, list[str]]:
    """``{"dev": [...ids], "test": [...ids]}`` from ``dev-test-split.txt``."""
    path = Path(data_dir) / "dev-test-split.txt"
    if not path.is_file():
        raise InputError(f"no NER-UK split file at {path}: pass the v2.0/data folder")
    split: dict[str, list[str]] = {"dev": [], "test": []}
    current = None
    for line in path.read_text(encoding="utf-8").split():
        if line in ("DEV", "TEST"):
            current = line.lower()
        elif current:
            split[current].append(line)
    return split


# "T1<TAB>ORG 0 17<TAB>surface" (ng) or "T1<TAB>LOC<TAB>112<TAB>119<TAB>surface" (bruk); a
# discontinuous span ("0 5;7 10") does not match and is skipped.
_ANN_LINE = re.compile(r"^T\S*\t(\S+)[ \t](\d+)[ \t](\d+)\t", re.MULTILINE)


def read_ann(path: Path) -> list[Span]:
    """Entity spans of a brat file, labels mapped to svidok's (PERS -> PER)."""
    return [
        (int(s), int(e), LABEL_MAP.get(label, label))
        for label, s, e in _ANN_LINE.findall(path.read_text(encoding="utf-8"))
    ]


def load_ner_docs(data_dir: Path, ids: Iterable[str]) -> list[NerDoc]:
    data_dir = Path(data_dir)
    docs = []
    for doc_id in ids:
        txt = next(
            (p for p in (data_dir / sub / f"{doc_id}.txt" for sub in ("ng", "bruk")) if p.is_file()), None
        )
        if txt is None:
            raise InputError(f"NER-UK text {doc_id}.txt not found under {data_dir}/{{ng,bruk}}")
        text = txt.read_text(encoding="utf-8")
        docs.append(NerDoc(doc_id, text, read_ann(txt.with_suffix(".ann"))))
    return docs


def split_hash(ids: Sequence[str]) -> str:
    """sha256 of the id list, so stored minimums cannot silently apply to another test set."""
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()


# --- detokenising (augmentation: the corpus has spaces around punctuation, news has not) ---------

_SPACE_BEFORE = re.compile(r" (?=[,.:;)»!?])")
_SPACE_AFTER = re.compile(r"(?<=[«(]) ")


def detokenise(doc: NerDoc) -> NerDoc:
    """A copy of ``doc`` without the spaces before ``,.:;)»!?`` and after ``«(``; spans remapped."""
    drop = {m.start() for m in _SPACE_BEFORE.finditer(doc.text)} | {
        m.start() for m in _SPACE_AFTER.finditer(doc.text)
    }
    new_index = []
    chars = []
    for i, ch in enumerate(doc.text):
        new_index.append(len(chars))
        if i not in drop:
            chars.append(ch)
    new_index.append(len(chars))
    text = "".join(chars)
    spans = []
    for start, end, label in doc.spans:
        s, e = new_index[start], new_index[end]
        if text[s:e].strip():
            spans.append((s, e, label))
    return NerDoc(doc.id + "+detok", text, spans)


# --- tokens and BIO labels ----------------------------------------------------------------------


def prepare(text: str, pipeline=None) -> Document:
    """Run the pre-NER stages on ``text`` as Ukrainian."""
    import svidok

    pipeline = pipeline or svidok.load_pipeline(list(PREP_STAGES))
    return pipeline(Document(text, language="uk"))


def outermost(spans: Iterable[Span]) -> list[Span]:
    """Drop spans nested in (or overlapping) a longer one: BIO tagging is flat."""
    kept: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def bio_labels(doc: Document, spans: Iterable[Span]) -> list[str]:
    """One BIO label per token: a token belongs to a span when its characters overlap it."""
    labels = ["O"] * len(doc.tokens)
    starts = [t.start for t in doc.tokens]
    for start, end, label in outermost(spans):
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        first = True
        while i < len(doc.tokens) and doc.tokens[i].start < end:
            if doc.tokens[i].end > start and labels[i] == "O":
                labels[i] = ("B-" if first else "I-") + label
                first = False
            i += 1
    return labels


# --- scoring ------------------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float | int]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def score_spans(
    gold: Iterable[Iterable[Span]], predicted: Iterable[Iterable[Span]], types: Sequence[str]
) -> dict[str, dict]:
    """Entity-level exact-match P/R/F1 per type and micro-averaged over ``types``."""
    per_type = {t: Counts() for t in types}
    for gold_doc, pred_doc in zip(gold, predicted, strict=True):
        g = Counter(s for s in set(gold_doc) if s[2] in per_type)
        p = Counter(s for s in set(pred_doc) if s[2] in per_type)
        for span in g:
            per_type[span[2]].gold += 1
            per_type[span[2]].tp += span in p
        for span in p:
            per_type[span[2]].predicted += 1
    micro = Counts(*(sum(getattr(c, f) for c in per_type.values()) for f in ("tp", "predicted", "gold")))
    return {"per_type": {t: c.scores() for t, c in per_type.items()}, "micro": micro.scores()}


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def error_kinds(
    gold: Iterable[Iterable[Span]], predicted: Iterable[Iterable[Span]], types: Sequence[str]
) -> Counter:
    """Why exact-match scores are lost, per gold type: ``type`` (same boundaries, other label),
    ``boundary`` (overlapping span, same label), ``other`` (overlapping span of another label),
    ``missed`` (nothing overlaps); and ``spurious`` predictions of ``types`` overlapping no gold."""
    kinds: Counter = Counter()
    for gold_doc, pred_doc in zip(gold, predicted, strict=True):
        g, p = set(gold_doc), set(pred_doc)
        for span in (s for s in g - p if s[2] in types):
            near = [q for q in p if _overlaps(q, span)]
            kind = (
                "type" if any(q[:2] == span[:2] for q in near)
                else "boundary" if any(q[2] == span[2] for q in near)
                else "other" if near
                else "missed"
            )
            kinds[f"{kind}:{span[2]}"] += 1
        for span in (q for q in p - g if q[2] in types):
            if not any(_overlaps(span, s) for s in g):
                kinds[f"spurious:{span[2]}"] += 1
    return kinds


def predict_spans(doc: Document) -> list[Span]:
    from ..stages.ner_model import ner_model

    return [(m.start, m.end, m.label) for m in ner_model(doc).model_mentions]


def run_ner_eval(data_dir: Path, split: str = "test") -> dict:
    """Score the shipped NER model on a NER-UK split: all 13 types, and PER/ORG/LOC."""
    ids = read_split(data_dir).get(split)
    if not ids:
        raise InputError(f"unknown or empty NER-UK split {split!r}: use 'dev' or 'test'")
    import svidok

    pipeline = svidok.load_pipeline(list(PREP_STAGES))
    gold, predicted = [], []
    for ner_doc in load_ner_docs(data_dir, ids):
        gold.append(ner_doc.spans)
        predicted.append(predict_spans(prepare(ner_doc.text, pipeline)))
    return {
        "split": split,
        "documents": len(ids),
        "ids_sha256": split_hash(ids),
        "all": score_spans(gold, predicted, CORPUS_TYPES),
        "core": score_spans(gold, predicted, CORE_TYPES),
    }


def format_ner_eval(result: dict) -> str:
    """The result of :func:`run_ner_eval` as a plain-text table."""
    lines = [
        f"NER-UK {result['split']}: {result['documents']} documents",
        f"{'type':<14}{'P':>8}{'R':>8}{'F1':>8}{'tp':>7}{'pred':>7}{'gold':>7}",
    ]
    for group in ("all", "core"):
        rows = list(result[group]["per_type"].items()) if group == "all" else []
        rows.append((f"micro[{group}]", result[group]["micro"]))
        for name, m in rows:
            lines.append(
                f"{name:<14}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}"
                f"{m['tp']:>7}{m['predicted']:>7}{m['gold']:>7}"
            )
    return "\n".join(lines)


def print_ner_eval(result: dict) -> None:
    print(format_ner_eval(result))


def load_ner_minimums(path: Path = MINIMUMS_PATH) -> dict:
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def write_ner_minimums(result: dict, margin: float = 0.005, path: Path = MINIMUMS_PATH) -> dict:
    """Store today's TEST micro-F1 (minus ``margin``) as the CI minimum, pinned to the id list."""
    import math

    def floor(value: float) -> float:
        return max(math.floor((value - margin) * 1000) / 1000, 0.0)

    minimums = {
        "split": result["split"],
        "ids_sha256": result["ids_sha256"],
        "margin": margin,
        "reached": {group: result[group]["micro"]["f1"] for group in ("core", "all")},
        "core": {"micro_f1": floor(result["core"]["micro"]["f1"])},
        "all": {"micro_f1": floor(result["all"]["micro"]["f1"])},
    }
    path.write_text(json.dumps(minimums, indent=2) + "\n", encoding="utf-8")
    return minimums
