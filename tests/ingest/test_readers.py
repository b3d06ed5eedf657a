"""Readers over the hand-made fixtures in tests/data/inputs: what each file yields."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from svidok import Document
from svidok.ingest import Article, ReadError, detect_format, read_bytes, read_inputs, sources

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
UK_TEXT = (INPUTS / "uk_utf8.txt").read_text(encoding="utf-8")


def read(name: str, input_format: str | None = None) -> list[Article | ReadError]:
    return list(read_inputs([INPUTS / name], input_format))


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors(items) -> list[ReadError]:
    return [item for item in items if isinstance(item, ReadError)]


@pytest.mark.parametrize("name", ["uk_utf8.txt", "uk_utf8_bom.txt", "uk_cp1251.txt"])
def test_plain_text_in_any_encoding_reads_the_same(name):
    [article] = read(name)
    assert article.text == UK_TEXT
    assert article.id == str(INPUTS / name)


def test_koi8u_text_decodes_without_mojibake():
    [article] = read("uk_koi8u.txt")
    expected = UK_TEXT.replace("—", "-").replace("«", '"').replace("»", '"')
    assert article.text == expected


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty"),
        ("binary.bin", "binary"),
        ("nobody.html", "no article text"),
        ("does-not-exist.txt", "no such file"),
    ],
)
def test_unreadable_inputs_are_read_errors(name, reason):
    [item] = read(name)
    assert isinstance(item, ReadError)
    assert item.origin == str(INPUTS / name)
    assert reason in item.reason


def test_html_article_body_and_metadata():
    [article] = read("article.html")
    assert article.title == "Зеленський: Україна не погодиться на заморожування війни"
    assert article.author == "Олена Коваль"
    assert article.outlet == "Тестові Новини"
    assert article.published == "2024-03-05"
    assert article.url == "https://news.example.ua/2024/03/05/zelensky"
    assert article.text.startswith("Президент України Володимир Зеленський заявив")
    assert "Сибіга" not in article.text
    for debris in ("Головна", "tracking", "Усі права захищено"):
        assert debris not in article.text


@pytest.mark.parametrize("name", ["broken.html", "broken_title.html"])
def test_broken_html_does_not_crash(name):
    [article] = read(name)
    assert isinstance(article, Article)
    assert "Текст статті" in article.text or "Сибіга" in article.text


def test_broken_html_keeps_its_text():
    [article] = read("broken.html")
    assert "Андрій Сибіга зустрівся з колегами у Брюсселі" in article.text


def test_rss_items_use_full_content_else_summary():
    first, second = read("feed_rss2.xml")
    assert first.id == "news-1"
    assert (
        first.text
        == "Міністр закордонних справ Андрій Сибіга зустрівся з Каєю Каллас.\nСторони обговорили нові санкції."
    )
    assert (first.title, first.url, first.author) == (
        "Сибіга зустрівся з Каллас",
        "https://news.example.ua/1",
        "Олена Коваль",
    )
    assert first.published == "2024-03-05T08:00:00+00:00"
    assert first.outlet == second.outlet == "Тестова стрічка"
    assert second.text == "Генштаб повідомив про сто боїв."
    assert second.id == "https://news.example.ua/2"


def test_atom_entry():
    [entry] = read("feed_atom.xml")
    assert entry.text == "Рустем Умєров провів переговори з американською делегацією."
    assert (entry.id, entry.url, entry.author) == (
        "urn:entry:1",
        "https://atom.example.ua/1",
        "Іван Петренко",
    )
    assert entry.published == "2024-03-06T12:00:00+00:00"


def test_feed_with_undefined_entity_still_yields_its_items():
    [item] = read("feed_entity.rss")
    assert isinstance(item, Article)
    assert "Верховна Рада ухвалила" in item.text
    assert item.url == "https://bad.example.ua/1"


def test_feed_without_items_is_an_error():
    [item] = list(
        read_bytes(
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
            origin="empty.rss",
        )
    )
    assert isinstance(item, ReadError) and "no feed items" in item.reason


def test_jsonl_broken_line_does_not_stop_the_file():
    items = read("batch.jsonl")
    origin = str(INPUTS / "batch.jsonl")
    assert [a.id for a in articles(items)] == ["a1", f"{origin}:3"]
    assert [e.origin for e in errors(items)] == [f"{origin}:2", f"{origin}:4"]
    assert "invalid JSON" in errors(items)[0].reason
    a1 = articles(items)[0]
    assert (a1.title, a1.lang, a1.published) == ("Перша", "uk", "2024-03-05")
    assert articles(items)[1].text == "Кулеба повідомив про нові санкції."  # from "content"


def test_csv_bad_quoting_is_one_error_and_the_rest_goes_on():
    items = read("batch.csv")
    origin = str(INPUTS / "batch.csv")
    assert [a.id for a in articles(items)] == ["c1", "c2", "c4"]
    assert articles(items)[1].text == 'Текст з "лапками" всередині'
    [error] = errors(items)
    assert error.origin == f"{origin}:4"
    assert "CSV" in error.reason


def test_csv_without_text_column_is_an_error():
    [item] = list(read_bytes(b"id,title\n1,x\n", origin="t.csv", input_format="csv"))
    assert isinstance(item, ReadError) and "text column" in item.reason


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"\xef\xbb\xbf<?xml version='1.0'?>\n<rss version='2.0'>", "x.txt", "rss"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "", "rss"),
        (b"  <!DOCTYPE html><html><body>", "page.txt", "html"),
        (b"<p>fragment</p>", "", "html"),
        (b'{"id": 1, "text": "x"}\n', "batch.txt", "jsonl"),
        (b"id,title,content\n1,a,b\n", "", "csv"),
        ("Просто текст, без розмітки.".encode(), "a.csv", "csv"),
        ("Просто текст, без розмітки.".encode(), "a.txt", "text"),
        (b"Plain text mentioning <html> later", "", "text"),
    ],
)
def test_format_detection(data, name, expected):
    assert detect_format(data, name) == expected


def test_forced_format_overrides_detection():
    [article] = list(read_bytes(b"<p>Not parsed as HTML</p>", origin="x", input_format="text"))
    assert article.text == "<p>Not parsed as HTML</p>"


def test_unknown_forced_format_is_refused():
    with pytest.raises(ValueError, match="unknown input format"):
        list(read_inputs([INPUTS / "uk_utf8.txt"], "pdf"))


def test_directory_is_read_recursively_sorted_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Друга стаття про Київ.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Перша стаття про Львів.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Прихована.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("Теж прихована.", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    assert [a.text for a in items] == ["Друга стаття про Київ.", "Перша стаття про Львів."]


def test_stdin_is_read_as_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(UK_TEXT.encode("cp1251"))))
    [article] = list(read_inputs(["-"]))
    assert article.text == UK_TEXT
    assert article.origin == "<stdin>"


def test_too_large_input_is_an_error(monkeypatch, tmp_path):
    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_text("Дуже довгий текст статті", encoding="utf-8")
    [item] = list(read_inputs([big]))
    assert isinstance(item, ReadError) and "too large" in item.reason
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(big.read_bytes())))
    [item] = list(read_inputs(["-"]))
    assert isinstance(item, ReadError) and "too large" in item.reason


def test_article_makes_a_document_and_lang_can_be_overridden():
    article = Article(
        id="x1",
        text="Текст.",
        title="Т",
        url="https://u",
        published="2024-01-01",
        outlet="O",
        author="A",
        lang="ru",
        origin="f.jsonl:1",
    )
    doc = article.to_document()
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.title, doc.url, doc.published, doc.outlet, doc.author, doc.language) == (
        "x1",
        "Текст.",
        "Т",
        "https://u",
        "2024-01-01",
        "O",
        "A",
        "ru",
    )
    assert article.to_document(language="uk").language == "uk"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b'[{"id": "x", "text": "\xd0\x90\xd0\xb1"}, {"text": "b"}, 3]',
            ["x", "f.json#2", "expected a JSON object"],
        ),
        (b'{\n  "id": "pretty",\n  "text": "one record"\n}\n', ["pretty"]),
        (b'[{"id": "x", "text": "ab"}, {broken', ["invalid JSON"]),
    ],
)
def test_whole_file_json(data, expected):
    items = list(read_bytes(data, origin="f.json"))
    assert [
        i.id if isinstance(i, Article) else i.reason.split(" (")[0].split(",")[0] for i in items
    ] == expected
