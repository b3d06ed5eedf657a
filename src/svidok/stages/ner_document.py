"""Document-level features for the second NER pass (two-pass stacking).

The first CRF tags each sentence alone. A name is often clear in one sentence of an article
(``компанія «Нафтогаз України»``) and ambiguous in another (``Нафтогаз``): the second CRF sees,
for every token, how the first pass labelled the same lemma and the same lemma sequence
elsewhere in the document. The second model is trained on first-pass labels predicted for
documents its first pass did not see (k-fold, ``training/ner/train.py``), so that its
training features are as noisy as at inference.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict

from .. import lang as langdata
from ..document import Document, Token

MAX_ENTITY_TOKENS = 6  # longer first-pass entities are not matched elsewhere


def token_key(token: Token) -> str | None:
    """The lemma a token is compared by across the document; ``None`` for punctuation and digits."""
    if not any(c.isalpha() for c in token.norm):
        return None
    lemma = token.parses[0].lemma if token.parses else token.norm
    return lemma.lower()


def decode_bio(labels: list[str]) -> list[tuple[int, int, str]]:
    """``[B-PER, I-PER, O, I-LOC]`` -> ``[(0, 2, PER), (3, 4, LOC)]`` (token index ranges)."""
    spans = []
    start, current = None, None
    for i, label in enumerate([*labels, "O"]):
        tag, _, kind = label.partition("-")
        if current is not None and (tag != "I" or kind != current):
            spans.append((start, i, current))
            current = None
        if tag == "B" or (tag == "I" and current is None):
            start, current = i, kind
    return spans


def _majority(counts: Counter) -> str:
    return max(sorted(counts), key=counts.__getitem__)  # ties: alphabetical, the same in every run


def _votes(others: Counter) -> tuple[str, ...]:
    """Features of the labels the other occurrences of a lemma got."""
    kinds: Counter = Counter()
    for other, n in others.items():
        kinds[other.partition("-")[2] or "O"] += n
    feats = [f"dmaj={_majority(kinds)}"]
    feats.extend(f"dany={kind}" for kind in sorted(kinds) if kind != "O")
    if any(other.startswith("B-") for other in others):
        feats.append("dbeg")
    return tuple(feats)


def _token_votes(keys: list[str | None], labels: list[str]) -> list[tuple[str, ...]]:
    """Per token: how the other occurrences of its lemma were labelled (majority, any type, began)."""
    by_key: dict[str, Counter] = defaultdict(Counter)
    for key, label in zip(keys, labels):
        if key is not None:
            by_key[key][label] += 1
    memo: dict[tuple[str, str], tuple[str, ...]] = {}  # the votes depend on the lemma and own label only
    out: list[tuple[str, ...]] = []
    for key, label in zip(keys, labels):
        if key is None or sum(by_key[key].values()) < 2:
            out.append(())
            continue
        if (key, label) not in memo:
            others = by_key[key].copy()
            others[label] -= 1
            memo[key, label] = _votes(+others)
        out.append(memo[key, label])
    return out


def _sequence_votes(keys: list[str], labels: list[str]) -> list[list[str]]:
    """Per token: ``dent=B-ORG``/``dent=I-ORG`` where its lemma sequence is a multi-token entity
    the first pass found at another place in the document."""
    found: dict[tuple, list[tuple[int, str]]] = defaultdict(list)
    for first, last, kind in decode_bio(labels):
        seq = tuple(keys[first:last])
        if 1 < len(seq) <= MAX_ENTITY_TOKENS:
            found[seq].append((first, kind))
    by_head: dict[str, list[tuple]] = defaultdict(list)
    for seq in found:
        by_head[seq[0]].append(seq)
    out: list[list[str]] = [[] for _ in keys]
    for i, key in enumerate(keys):
        for seq in by_head.get(key, ()):
            if tuple(keys[i : i + len(seq)]) != seq:
                continue
            kinds = Counter(kind for start, kind in found[seq] if start != i)
            if kinds:
                kind = _majority(kinds)
                out[i].append(f"dent=B-{kind}")
                for j in range(i + 1, i + len(seq)):
                    out[j].append(f"dent=I-{kind}")
    return out


def document_features(doc: Document, labels: list[str]) -> list[list[str]]:
    """Second-pass features of every token of ``doc`` from the first pass's ``labels`` (one per token)."""
    keys = [token_key(t) for t in doc.tokens]
    votes = _token_votes(keys, labels)
    # sequences compare punctuation too: ТОВ « Альфа » is not ТОВ , Альфа
    sequences = _sequence_votes([k or t.norm for k, t in zip(keys, doc.tokens)], labels)
    return [[f"p1={label}", *v, *s] for label, v, s in zip(labels, votes, sequences)]


def with_neighbours(feats: list[list[str]]) -> list[list[str]]:
    """Own document features plus the neighbours' first-pass label and majority (one sentence)."""
    out = []
    for k, own in enumerate(feats):
        row = list(own)
        for offset in (-1, 1):
            j = k + offset
            if 0 <= j < len(feats):
                row.extend(f"{offset}:{f}" for f in feats[j] if f.startswith(("p1=", "dmaj=")))
        out.append(row)
    return out


@functools.cache
def _org_heads() -> frozenset[str]:
    return langdata.load_lines("uk", "org_heads")


ORG_HEAD_REACH = 5  # tokens after an organisation head that still get its distance feature
_NAME_JOINERS = frozenset("«»\"'-’")  # punctuation inside names (ТОВ «Альфа»): does not end the reach


def org_head_features(tokens: list[Token]) -> list[list[str]]:
    """``ohead`` on a lemma that heads organisation names; ``ohd=N`` and the token's case on the N
    tokens after it (no verb or punctuation between): Міністерство охорони здоров'я України."""
    heads = _org_heads()
    out: list[list[str]] = []
    last_head: int | None = None
    for k, token in enumerate(tokens):
        best = token.parses[0] if token.parses else None
        feats = []
        if last_head is not None and k - last_head <= ORG_HEAD_REACH:
            feats += [f"ohd={k - last_head}", f"ohdc={best.case if best else token.norm}"]
        if best is not None and best.lemma.lower() in heads:
            feats.append("ohead")
            last_head = k
        elif (best is None and token.norm not in _NAME_JOINERS) or (best is not None and best.pos == "VERB"):
            last_head = None
        out.append(feats)
    return out
