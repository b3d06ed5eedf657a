"""Hostile inputs in one ``svidok ingest`` batch: each is a clear per-item error or a correct
result with valid offsets, and the batch always finishes. (tests/ingest covers the size limit
with a patched MAX_BYTES, broken HTML/JSONL/CSV and encodings; this is the real thing, end to end.)"""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from svidok.commands.check import check
from svidok.commands.ingest import ingest
from svidok.ingest import MAX_BYTES
from svidok.store import open_store

SENTENCE = "у місті пройшла зустріч мешканців щодо ремонту дороги, "
QUOTED = "Віталій Кличко сказав: «Ремонт почнемо навесні». "
RTL_MIXED = (
    "Міністр закордонних справ Андрій Сибіга заявив: «Ми говорили з партнерами». "
    "\u202bوزير الخارجية قال إن المحادثات مستمرة\u202c, а ізраїльська газета пише: "
    "\u2067הממשלה דנה בהצעה\u2069. Reuters reports talks in Riyadh. 🇺🇦👩‍👩‍👧 𝐁𝐨𝐥𝐝 𠀀.\n"
)
INVISIBLE = (
    "Прем\u2019єр-міністр Денис Шми\u200bгаль заявив: «Уряд ухвалив рі\u00adшення».\n\n"
    "Президе\u0301нт Воло\u200dдимир Зеленський сказав, що «пере\u2060говори три\ufeffвають».\n"
    "А\u0308\u0301\u0483 й\u0306\u0306 \u200e\u200f\u202e текст навпаки\u202c кінець.\n"
)
BATCH_LINE = "Джерело: пакет записів.\n"  # the same text without a URL is one article: keep them apart


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with (folder / "huge.txt").open("wb") as handle:  # just over the limit, generated, not committed
        chunk = (SENTENCE * 1000).encode("utf-8")
        while handle.tell() <= MAX_BYTES:
            handle.write(chunk)
    line = ((SENTENCE * 180 + QUOTED) * 200)[:1_000_000]
    (folder / "one_line.txt").write_text(line, encoding="utf-8")
    (folder / "rtl_mixed.txt").write_text(RTL_MIXED, encoding="utf-8")
    (folder / "invisible.txt").write_text(INVISIBLE, encoding="utf-8")
    (folder / "binary.bin").write_bytes(os.urandom(4096) + b"\x00" * 64)
    records = [{"id": "j-rtl", "text": RTL_MIXED + BATCH_LINE, "title": "заголовок\u2028другий рядок\x85"},
               {"id": "j-invisible", "text": INVISIBLE + BATCH_LINE},
               {"id": "j-blank", "text": "\u200b \u00a0\u2060\u202e"}]  # fmt: skip
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + ['{"id": "broken", "text": "no end']
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(command, *args):
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        runner = CliRunner()
    return runner.invoke(command, [str(a) for a in args])


def test_hostile_batch_finishes_with_clear_errors_and_valid_offsets(hostile_folder, tmp_path):
    db = str(tmp_path / "archive.db")
    result = run(ingest, hostile_folder, "--db", db, "--no-progress")
    assert result.exit_code == 1, result.stderr  # some inputs skipped, the rest stored
    skipped = {line.split(": ", 2)[1].split("/")[-1]: line for line in result.stderr.splitlines()
               if line.startswith("svidok: skipped")}  # fmt: skip
    assert "too large" in skipped["huge.txt"] and "limit is 50 MB" in skipped["huge.txt"]
    assert "binary" in skipped["binary.bin"]
    assert "invalid JSON" in skipped["batch.jsonl:4"]
    assert "empty" in skipped["batch.jsonl:3"]  # zero-width and no-break spaces only
    assert "stored 5, updated 0, unchanged 0, skipped 4" in result.stderr
    checked = run(check, "--db", db)
    assert checked.exit_code == 0, checked.stdout
    with open_store(db) as store:
        rows = store._read("SELECT external_id, text, title FROM articles")
    texts = {external_id: text for external_id, text, _ in rows}
    assert texts["j-rtl"] == RTL_MIXED + BATCH_LINE  # stored exactly as given
    assert texts["j-invisible"] == INVISIBLE + BATCH_LINE
    assert [title for external_id, _, title in rows if external_id == "j-rtl"] == [
        "заголовок\u2028другий рядок"
    ]


@pytest.mark.parametrize("text", [RTL_MIXED, INVISIBLE], ids=["rtl-mixed", "invisible"])
def test_hostile_text_still_finds_the_quote(text):
    import svidok

    doc = svidok.analyze(text)
    svidok.validate(svidok.to_dict(doc))
    assert doc.quotes, "the quote next to the hostile characters was lost"
    assert all(text[q.start : q.end] == q.text for q in doc.quotes)
