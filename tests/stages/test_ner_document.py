"""Second NER pass: document-level features from the first pass's labels, organisation heads."""

from __future__ import annotations

import pytest

import svidok
from svidok.stages import ner_document


def _doc(text: str):
    return svidok.load_pipeline(["langid", "normalize", "segment", "morph"])(svidok.Document(text, language="uk"))


def _features_of(doc, labels_by_norm: dict[str, str]):
    labels = [labels_by_norm.get(t.norm, "O") for t in doc.tokens]
    return {t.i: feats for t, feats in zip(doc.tokens, ner_document.document_features(doc, labels))}


TEXT = "Порошенко приїхав. Потім Порошенко поїхав. Потім Порошенка бачили."


@pytest.mark.parametrize(
    "labels,token,present,absent",
    [
        # the other occurrences (any inflection: same lemma) were people: the majority says so
        ({"Порошенко": "B-PER", "Порошенка": "B-PER"}, 0, ["p1=B-PER", "dmaj=PER", "dany=PER", "dbeg"], ["dmaj=O"]),
        # only this occurrence was tagged: the others vote O, and its own label is not a vote
        ({"Порошенка": "B-PER"}, 8, ["p1=B-PER", "dmaj=O"], ["dany=PER", "dbeg"]),
        # untagged here, tagged elsewhere
        ({"Порошенка": "B-LOC"}, 0, ["p1=O", "dany=LOC", "dbeg"], ["dany=PER"]),
    ],
)
def test_token_votes_count_other_occurrences(labels, token, present, absent):
    doc = _doc(TEXT)
    feats = _features_of(doc, labels)[token]
    assert doc.tokens[token].norm.startswith("Порошенк")
    assert set(present) <= set(feats), feats
    assert not set(absent) & set(feats), feats


def test_punctuation_gets_no_votes():
    doc = _doc(TEXT)
    dots = [feats for t, feats in zip(doc.tokens, ner_document.document_features(doc, ["O"] * len(doc.tokens)))
            if t.norm == "."]
    assert dots and all(feats == ["p1=O"] for feats in dots)


def test_sequence_votes_mark_a_multi_token_entity_found_elsewhere():
    doc = _doc("Служба безпеки України заявила. Голова служби безпеки України сказав.")
    norms = [t.norm for t in doc.tokens]
    first = norms.index("Служба")
    labels = ["O"] * len(doc.tokens)
    labels[first : first + 3] = ["B-ORG", "I-ORG", "I-ORG"]
    feats = ner_document.document_features(doc, labels)
    second = norms.index("служби")
    assert "dent=B-ORG" in feats[second] and "dent=I-ORG" in feats[second + 2]
    # the entity itself is not its own evidence
    assert not any(f.startswith("dent=") for f in feats[first])
    # a different word after the same head does not match
    assert not any(f.startswith("dent=") for f in feats[norms.index("сказав")])


@pytest.mark.parametrize(
    "text,word,expected",
    [
        ("Міністерство охорони здоров'я України повідомило.", "Міністерство", {"ohead"}),
        ("Міністерство охорони здоров'я України повідомило.", "України", {"ohd=3", "ohdc=gent"}),
        ("Компанія « Альфа » працює.", "Альфа", {"ohd=2"}),
        ("Міністерство повідомило, що Київ готовий.", "Київ", set()),  # a verb and a comma end the reach
        ("Петро Порошенко приїхав.", "Порошенко", set()),  # no organisation head
    ],
)
def test_org_head_features(text, word, expected):
    doc = _doc(text)
    tokens = doc.tokens
    feats = ner_document.org_head_features(tokens)[[t.norm for t in tokens].index(word)]
    assert expected <= set(feats)
    assert bool(feats) == bool(expected), feats


def test_neighbour_features_copy_label_and_majority_only():
    rows = ner_document.with_neighbours([["p1=B-ORG", "dmaj=ORG", "dbeg"], ["p1=I-ORG", "dent=I-ORG"]])
    assert rows[0] == ["p1=B-ORG", "dmaj=ORG", "dbeg", "1:p1=I-ORG"]
    assert rows[1] == ["p1=I-ORG", "dent=I-ORG", "-1:p1=B-ORG", "-1:dmaj=ORG"]


def _weighted_attributes(path) -> set[str]:
    import gzip

    import pycrfsuite

    data = gzip.decompress(path.read_bytes())  # crfsuite reads from it without a copy: keep it alive
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    attributes = {attr for attr, _label in tagger.info().state_features}
    tagger.close()
    return attributes


def test_shipped_second_model_weighs_the_second_pass_features():
    from svidok.stages import ner_model

    second = {attr.split("=")[0] for attr in _weighted_attributes(ner_model.SECOND_MODEL_PATH)}
    assert {"p1", "dmaj", "dent", "ohead", "ohd", "-3:sh"} <= second
    first = _weighted_attributes(ner_model.MODEL_PATH)
    assert not {attr for attr in first if attr.startswith(("p1=", "dmaj=", "ohead"))}


def test_second_pass_keeps_offsets_and_finds_a_repeated_organisation():
    text = ("Міністерство охорони здоров'я України оприлюднило дані. "
            "За даними Міністерства охорони здоров'я, захворіли 40 людей.")
    doc = svidok.analyze(text, id="moz", language="uk")
    found = {(m.text, m.label) for m in doc.model_mentions}
    assert ("Міністерство охорони здоров'я України", "ORG") in found
    assert ("Міністерства охорони здоров'я", "ORG") in found
    assert all(text[m.start : m.end] == m.text for m in doc.model_mentions)


@pytest.mark.parametrize(
    "text,language,second_pass",
    [
        ("Атака на порт Новороссийска. Новороссийск является главным портом. Путин молчит.", "ru", False),
        ("Служба безпеки України затримала агента. Голова СБУ Василь Малюк заявив це у Києві.", "uk", True),
    ],
)
def test_second_pass_runs_on_ukrainian_sentences_only(text, language, second_pass):
    from svidok.stages import ner_model

    doc = svidok.analyze(text, id="lang", language=language)
    first, second = ner_model.load_tagger(), ner_model.load_tagger(ner_model.SECOND_MODEL_PATH)
    sentences = ner_model.model_sentences(doc)
    labels = ner_model.first_pass_labels(doc, sentences, first)
    assert ner_model.second_pass_features(doc, sentences, labels, skip_quiet=True)  # not quiet sentences
    # the scores are marginals of the model that tagged: they tell which pass gave the mentions
    one = [(m.start, m.end, m.label, m.score) for m in ner_model.tag_document(doc, first)]
    two = [(m.start, m.end, m.label, m.score) for m in ner_model.tag_document(doc, first, second)]
    assert (one != two) == second_pass
