"""Features shared by training and inference: stable hashing, offsets, span/word conversions."""

from __future__ import annotations

import zlib

from svidok.techniques.features import (
    HASH_DIM,
    bucket,
    hashed_features,
    post_terms,
    token_features,
    tokenize,
    tokens_in_spans,
    tokens_to_spans,
)

TEXT = "Рашисти знову ОБСТРІЛЯЛИ Харків!!! Слава ЗСУ.\nЖивемо далі, друзі."


def test_bucket_is_crc32_not_the_salted_builtin_hash():
    # A model trained in one process must find its columns in another.
    assert bucket("w:харків") == zlib.crc32("w:харків".encode()) % HASH_DIM


def test_post_terms_fold_case_yo_and_count_words_bigrams_stems_chars():
    terms = post_terms("Ещё ещё РАЗ")
    assert terms["w:еще"] == 2 and terms["b:еще еще"] == 1
    assert terms["c:еще"] == 2 and terms["c:ще е"] == 1 and terms["caps_words"] == 1
    assert "s:обстр" in post_terms("обстріляли")


def test_hashed_features_use_sublinear_counts():
    feats = hashed_features("дуже дуже дуже")
    assert feats and all(0 <= col < HASH_DIM for col in feats)
    assert feats[bucket("w:дуже")] >= 1.0 + 1.09  # 1 + log 3, plus any colliding term


def test_tokens_carry_offsets_into_the_original_text():
    tokens = tokenize(TEXT)
    assert all(TEXT[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens[:3]] == ["Рашисти", "знову", "ОБСТРІЛЯЛИ"]
    assert not tokens[4].is_word and tokens[4].text == "!"


def test_tokens_in_spans_counts_any_overlap():
    tokens = tokenize("один два три")
    assert tokens_in_spans(tokens, [(5, 6)]) == [False, True, False]
    assert tokens_in_spans(tokens, []) == [False, False, False]


def test_spans_never_start_or_end_on_punctuation():
    tokens = tokenize(TEXT)
    inside = [True] * 10 + [False] * (len(tokens) - 10)  # the run ends on "." after ЗСУ
    spans = tokens_to_spans(tokens, inside)
    assert [TEXT[s:e] for s, e in spans] == ["Рашисти знову ОБСТРІЛЯЛИ Харків!!! Слава ЗСУ"]
    assert tokens_to_spans(tokens, [t.text == "!" for t in tokens]) == []


def test_token_features_mark_line_starts_and_neighbours():
    tokens = tokenize(TEXT)
    rows = token_features(TEXT, tokens)
    assert len(rows) == len(tokens)
    first_of_line2 = next(i for i, t in enumerate(tokens) if t.text == "Живемо")
    assert "linepos=0" in rows[first_of_line2] and "after_stop" in rows[first_of_line2]
    assert "-1:w=рашисти" in rows[1] and "-2:edge" in rows[0]
