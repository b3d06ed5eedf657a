"""The cross-script name key: spellings of one name share a key, different names do not."""

import pytest

from svidok.names import name_key

SAME = [
    ("Кіріл Дмітрієв", "Кирило Дмитрієв", "Кирилл Дмитриев", "Kirill Dmitriev"),
    ("Сєргєй Гаврілов", "Сергій Гаврилов", "Сергей Гаврилов", "Sergei Gavrilov"),
    ("владімір путін", "Володимир Путін", "Владимир Путин", "Vladimir Putin"),
    ("Алєксандр Яковенко", "Олександр Яковенко", "Александр Яковенко", "Alexander Yakovenko"),
    ("Дмітрій Пєсков", "Дмитро Пєсков", "Дмитрий Песков", "Dmitry Peskov"),
    ("Алєксєй Навальний", "Олексій Навальний", "Алексей Навальный", "Alexei Navalny"),
    ("Володимир Зеленський", "Владимир Зеленский", "Volodymyr Zelenskyy"),
    ("Денис Шмигаль", "Денис Шмыгаль", "Denys Shmyhal"),
    ("Ганна Маляр", "Hanna Maliar"),
]
DIFFERENT = [
    ("Сергій Гаврилов", "Юрій Гаврилов"),
    ("Дмитро Пєсков", "Дмитро Кулеба"),
    ("Олександр Яковенко", "Олексій Яковенко"),
    ("Путін", "Путіна Ганна"),
]


@pytest.mark.parametrize("spellings", SAME, ids=lambda s: s[0])
def test_spellings_share_a_key(spellings):
    keys = {name_key(s) for s in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(name_key, spellings)))


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_names_differ(a, b):
    assert name_key(a) != name_key(b)


def test_key_ignores_apostrophes_and_case():
    assert name_key("В'ячеслав Володін") == name_key("ВЯЧЕСЛАВ ВОЛОДИН")
