import pytest

from svidok.stages.normalize import normalize_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("перемир’я", "перемир'я"),
        ("перемирʼя", "перемир'я"),
        ("пам`ять", "пам'ять"),
        ("сто\u00a0тисяч", "сто тисяч"),
        ("пере\u00adмир'я", "перемир'я"),
        ("ну\u200bль", "нуль"),
        ("про “зближення” держав", "про «зближення» держав"),
        ("„Ніколи“ не кажи", "«Ніколи» не кажи"),
        ('він сказав "так".', "він сказав «так»."),
        ("«Ніколи не кажи «ніколи»»", "«Ніколи не кажи «ніколи»»"),
        # marks alone on their lines (Telegram): the one before a comma closes
        ('"\nЦе нормально.\n", - сказав він.', "«\nЦе нормально.\n», - сказав він."),
        ('ціна " за одиницю"', "ціна « за одиницю»"),
        ("‘so’ he said", "«so» he said"),
        ("don't", "don't"),
    ],
)
def test_normalised_forms(text, expected):
    assert normalize_text(text)[0] == expected


@pytest.mark.parametrize("text", ["пере\u00adмир’я “так”", "\ufeffПочаток", "a\u200b\u200bb", ""])
def test_map_points_back_to_the_same_characters(text):
    norm, mapping = normalize_text(text)
    assert len(mapping) == len(norm) + 1
    assert mapping[-1] == len(text)
    for i, ch in enumerate(norm):
        original = text[mapping[i]]
        assert original == ch or ch in "«»' -–"
