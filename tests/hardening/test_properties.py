"""Property tests: the readers never raise and keep record values exactly; the pipeline takes
any Unicode (right-to-left, combining, zero-width, astral) and every span stays valid.

``SVIDOK_FUZZ_EXAMPLES=20000 python -m pytest tests/hardening/test_properties.py`` runs a
longer fuzzing session (docs/reliability.md).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import svidok
from svidok.ingest import INPUT_FORMATS, Article, ReadError, read_inputs
from svidok.ingest.article import has_visible_text

EXAMPLES = int(os.environ.get("SVIDOK_FUZZ_EXAMPLES", "0"))


def budget(default: int):
    return settings(
        max_examples=EXAMPLES or default, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )  # fmt: skip


# Bytes that steer format detection to each reader, so every reader sees the junk that follows.
PREFIXES = [b"", b"{", b"[{", b"<rss>", b'<?xml version="1.0"?><feed>', b"<html><body><p>",
            b"id,text\n", b"text;title\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]  # fmt: skip
ANY_BYTES = st.tuples(st.sampled_from(PREFIXES), st.binary(max_size=1500)).map(b"".join)
RTL = "אבגדהוזחטיכלמנסעפצקרשתابتثجحخدذرسشصضطظعغفقكلمنهوي"
# Characters that break naive text code: bidi and zero-width controls, combining marks,
# separators that str.splitlines() honours, astral letters and emoji (no lone surrogates).
HOSTILE = ("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"
           "\u0301\u0300\u0308\u0483\u20dd\u00ad\u0085\u2028\u2029\x0b\x0c\x1c\x1d\x1e\r"
           "𝐀𝔸😀👩‍👩‍👧🇺🇦𠀀\U000e0041")  # fmt: skip
WORDS = ["Путін", "заявив", "що", "«", "»", "Зеленський", "Reuters", "за", "даними", "сказав", ":",
         "\n\n", "—", "Київ", "Шмигаль", ",", ".", "ЗМІ", "повідомили"]  # fmt: skip
PIECE = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=RTL + " ", min_size=1, max_size=10),
    st.text(alphabet=HOSTILE, min_size=1, max_size=4),
    st.text(alphabet=st.characters(categories=["Mn", "Me", "Cf", "Zs", "Zl", "Zp"]), max_size=4),
    st.text(alphabet=st.characters(min_codepoint=0x10000, exclude_categories=["Cs"]), max_size=4),
)
MIXED_TEXT = st.lists(PIECE, max_size=40).map(" ".join)
# Any character but lone surrogates and the C0 controls that make a file look binary (by design:
# looks_binary refuses more than 2% of them) -- U+0085, U+2028 and the like stay in.
FIELD_CHARS = st.characters(
    exclude_categories=["Cs"], exclude_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"]
)
# Texts of only spaces and invisible characters are refused as empty (tested in test_hostile_inputs).
RECORD_TEXT = st.text(FIELD_CHARS, min_size=1, max_size=200).filter(has_visible_text)
TITLE = st.text(FIELD_CHARS, max_size=40)


def read_file(data: bytes, name: str, input_format: str | None = None) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_inputs([path], input_format))


@budget(300)
@given(ANY_BYTES, st.sampled_from([None, *INPUT_FORMATS]), st.sampled_from(["in.txt", "in.jsonl", "x"]))
def test_any_bytes_give_articles_or_read_errors(data, input_format, name):
    for item in read_file(data, name, input_format):
        assert isinstance(item, (Article, ReadError))
        if isinstance(item, Article):
            assert item.text.strip() and isinstance(item.id, str)
        else:
            assert item.reason.strip()


@budget(200)
@given(st.lists(st.tuples(RECORD_TEXT, TITLE), min_size=1, max_size=4))
@example(records=[("0", ""), ("Â\x80á\x82¬", "Â\x80á\x80«")])
def test_jsonl_values_round_trip(records):
    lines = [
        json.dumps({"id": f"r{i}", "text": text, "title": title}, ensure_ascii=False)
        for i, (text, title) in enumerate(records)
    ]
    items = read_file(("\n".join(lines) + "\n").encode("utf-8"), "batch.jsonl")
    assert [(a.id, a.text) for a in items] == [(f"r{i}", text) for i, (text, _) in enumerate(records)]
    assert [a.title for a in items] == [title.strip() or None for _, title in records]


@budget(200)
@given(st.lists(st.tuples(RECORD_TEXT, TITLE), min_size=1, max_size=4))
@example(
    records=[("Â¼a", "Â¼a")],
)
def test_csv_values_round_trip(records):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["id", "text", "title"])
    writer.writerows((f"r{i}", text, title) for i, (text, title) in enumerate(records))
    items = read_file(buffer.getvalue().encode("utf-8"), "batch.csv")
    assert [(a.id, a.text) for a in items] == [(f"r{i}", text) for i, (text, _) in enumerate(records)]


def assert_valid_analysis(text: str) -> None:
    doc = svidok.analyze(text)
    out = svidok.to_dict(doc)
    svidok.validate(out)  # schema, and text[start:end] == span text for every span
    for tok in doc.tokens:
        assert text[tok.start : tok.end] == tok.text


@budget(150)
@given(MIXED_TEXT)
def test_mixed_scripts_and_invisible_characters_give_valid_spans(text):
    assert_valid_analysis(text)


@budget(100)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200))
def test_any_unicode_including_astral_gives_valid_spans(text):
    assert_valid_analysis(text)
