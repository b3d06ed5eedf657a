"""Build eval/texts and eval/gold from NER-UK 2.0 and the hand annotations in eval/annotations.

Developer tool, not part of the package: it reads the corpus from ../shared (beside the checkout).
Russian texts are posts of the UNLP 2025 manipulation data set (origin ``unlp2025/<post id>``),
taken verbatim, with hand-annotated entities. For each eval/annotations/<id>.yaml it detokenises the corpus text, maps the corpus entity spans
through the detokenisation, locates every hand-annotated quote and source by string and
occurrence number, checks every span, and writes eval/texts/<id>.txt and eval/gold/<id>.json.

    python eval/tools/build_gold.py            # all annotations
    python eval/tools/build_gold.py --eval-dir eval/heldout   # another corpus folder, same layout
    python eval/tools/build_gold.py --show ID  # print the detokenised text of a corpus file
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml

EVAL = Path(__file__).resolve().parents[1]
NER_UK = EVAL.parents[1] / "shared" / "data" / "ner-uk" / "v2.0" / "data"
UNLP = EVAL.parents[1] / "shared" / "data" / "unlp2025-manipulation" / "train.jsonl"
SAMPLES = EVAL.parent / "samples"
TYPE_MAP = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
ANN_LINE = re.compile(r"^T\d+\t(\S+)[ \t](\d+)[ \t](?:\d+;\d+ )*(\d+)\t")
NO_SPACE_BEFORE = set(",.:;!?)»")
NO_SPACE_AFTER = set("«(")


def detokenise(text: str) -> tuple[str, list[int]]:
    """Text without the tokeniser's spaces, and the new offset of every old character (-1 if dropped)."""
    out: list[str] = []
    new_at = [-1] * (len(text) + 1)
    for i, ch in enumerate(text):
        if ch == " ":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            prev = out[-1] if out else "\n"
            if nxt in NO_SPACE_BEFORE or nxt == " " or prev in NO_SPACE_AFTER or prev == "\n":
                continue
        new_at[i] = len(out)
        out.append(ch)
    new_at[len(text)] = len(out)
    return "".join(out), new_at


def corpus_entities(ann_path: Path, text: str, new_at: list[int]) -> list[dict]:
    entities = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        # brat: "T1<TAB>LABEL START END<TAB>surface" (some files use tabs between all fields;
        # discontinuous spans read "START END;START END": keep the outer bounds).
        match = ANN_LINE.match(line)
        if match is None:
            continue
        label, start, end = match.group(1), int(match.group(2)), int(match.group(3))
        if label not in TYPE_MAP:
            continue
        new_start, new_end = new_at[start], new_at[end - 1] + 1
        entities.append(
            {"text": text[new_start:new_end], "start": new_start, "end": new_end, "type": TYPE_MAP[label]}
        )
    return sorted(entities, key=lambda e: (e["start"], e["end"]))


def find(text: str, needle: str, occurrence: int = 1, whole_word: bool = True) -> int:
    """Start of the ``occurrence``-th match of ``needle`` (whole words only unless told)."""
    seen, at = 0, -1
    while True:
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle!r}: occurrence {occurrence} not found (saw {seen})")
        before = text[at - 1] if at else " "
        after = text[at + len(needle)] if at + len(needle) < len(text) else " "
        if whole_word and (before.isalnum() or after.isalnum()):
            continue
        seen += 1
        if seen == occurrence:
            return at


def locate(text: str, item: dict, keys: tuple[str, ...]) -> dict:
    start = find(text, item["text"], item.get("n", 1))
    out = {"text": item["text"], "start": start, "end": start + len(item["text"])}
    out.update({k: item.get(k) for k in keys})
    return out


def hand_entities(text: str, spec: list[dict]) -> list[dict]:
    """Entities annotated by hand: every whole-word occurrence of each surface."""
    found = []
    for item in spec:
        n = 1
        while True:
            try:
                start = find(text, item["text"], n)
            except ValueError:
                break
            found.append(
                {"text": item["text"], "start": start, "end": start + len(item["text"]), "type": item["type"]}
            )
            n += 1
    # A short surface inside a longer annotated name ("рф" in "академії МЗС рф") is not its own entity.
    outer = [
        e
        for e in found
        if not any(
            o is not e
            and o["start"] <= e["start"]
            and e["end"] <= o["end"]
            and o["end"] - o["start"] > e["end"] - e["start"]
            for o in found
        )
    ]
    return sorted(outer, key=lambda e: (e["start"], e["end"]))


def unlp_post(post_id: str) -> dict:
    """One post of the UNLP 2025 manipulation data (id, content, lang), by its id."""
    with UNLP.open(encoding="utf-8") as lines:
        for line in lines:
            post = json.loads(line)
            if post["id"] == post_id:
                return post
    raise ValueError(f"no post {post_id} in {UNLP}")


def load_text(spec: dict) -> tuple[str, list[dict]]:
    origin = spec["origin"]
    if origin.startswith("unlp2025/"):
        # The post's text exactly as published in the data set; entities are our own annotation.
        text = unlp_post(origin.removeprefix("unlp2025/"))["content"]
        return text, hand_entities(text, spec.get("entities", []))
    if origin.startswith("samples/"):
        text = (SAMPLES / origin.removeprefix("samples/")).read_text(encoding="utf-8")
        return text, hand_entities(text, spec.get("entities", []))
    raw = (NER_UK / f"{origin}.txt").read_text(encoding="utf-8")
    text, new_at = detokenise(raw)
    return text, corpus_entities(NER_UK / f"{origin}.ann", text, new_at)


def default_origin_label(origin: str) -> str:
    if origin.startswith("unlp2025/"):
        return f"unlp2025-manipulation train.jsonl id {origin.removeprefix('unlp2025/')}"
    return f"ner-uk 2.0 {origin}"


def build(spec_path: Path, eval_dir: Path = EVAL) -> dict:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    doc_id = spec_path.stem
    text, entities = load_text(spec)
    quote_keys = ("kind", "speaker_name", "speaker_role", "cue")
    gold = {
        "id": doc_id,
        "language": spec.get("language", "uk"),
        "origin": spec.get("origin_label") or default_origin_label(spec["origin"]),
        "entities": entities,
        "quotes": [locate(text, q, quote_keys) for q in spec.get("quotes") or []],
        "sources": [locate(text, s, ("name", "cue")) for s in spec.get("sources") or []],
    }
    for key in ("entities", "quotes", "sources"):
        for span in gold[key]:
            assert text[span["start"] : span["end"]] == span["text"], (doc_id, span)
    for folder in ("texts", "gold"):
        (eval_dir / folder).mkdir(exist_ok=True)
    (eval_dir / "texts" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (eval_dir / "gold" / f"{doc_id}.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return gold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="corpus path like ng/<id> or bruk/<id>, or unlp2025/<post id>")
    parser.add_argument(
        "--eval-dir", type=Path, default=EVAL,
        help="corpus folder holding annotations/ (default: eval/); texts/ and gold/ are written there",
    )
    args = parser.parse_args()
    if args.show and args.show.startswith("unlp2025/"):
        print(unlp_post(args.show.removeprefix("unlp2025/"))["content"])
        return
    if args.show:
        print(detokenise((NER_UK / f"{args.show}.txt").read_text(encoding="utf-8"))[0])
        return
    annotations = args.eval_dir / "annotations"
    if not annotations.is_dir():
        parser.error(f"no annotations/ folder in {args.eval_dir}")
    for spec_path in sorted(annotations.glob("*.yaml")):
        gold = build(spec_path, args.eval_dir)
        print(
            f"{gold['id']}: {len(gold['entities'])} entities, {len(gold['quotes'])} quotes, "
            f"{len(gold['sources'])} sources"
        )


if __name__ == "__main__":
    main()
