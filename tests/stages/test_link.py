"""The link stage: mentions clustered into entities, linked to the knowledge base."""

from pathlib import Path

import pytest

from svidok import Document, load_pipeline, to_dict, validate
from svidok.document import Mention
from svidok.stages.link import link
from svidok.stages.ner import ner

_PRE = load_pipeline(("langid", "normalize", "segment", "morph"))
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "000_422c6d6a13e598e4.txt"


def analyse(text: str) -> Document:
    doc = _PRE(Document(text=text, language="uk"))
    doc.model_mentions = []
    doc.assigned.add("model_mentions")
    return link(ner(doc))


def by_name(doc: Document) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in doc.entities}


@pytest.fixture(scope="module")
def sample() -> Document:
    if not SAMPLE.exists():
        pytest.skip("sample article absent")
    return analyse(SAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name,surfaces,kb_id",
    [
        ("Володимир Путін", {"владіміром путіним", "путіна", "путін"}, "per:volodymyr-putin"),
        ("Кремль", {"кремля", "кремль"}, "org:kreml"),
        ("Росія", {"рф", "росії"}, "loc:rosiia"),
        ("Кирило Дмитрієв", {"Кіріл Дмітрієв"}, "per:kyrylo-dmytriiev"),
        ("The Wall Street Journal", {"WSJ"}, "org:the-wall-street-journal"),
        ("Дональд Трамп", {"Дональда Трампа", "Трампа"}, "per:donald-tramp"),
        ("Міжнародний кримінальний суд", {"МКС"}, "org:mizhnarodnyi-kryminalnyi-sud"),
    ],
)
def test_sample_entities(sample, name, surfaces, kb_id):
    matching = [e for e in sample.entities if e.name == name]
    assert len(matching) == 1, by_name(sample)
    entity = matching[0]
    assert entity.kb_id == kb_id
    assert surfaces <= {m.text for m in entity.mentions}


def test_sample_has_no_entity_for_sentence_initial_words(sample):
    names = {e.name for e in sample.entities}
    assert not names & {"Глава", "Аналітики", "Експерти", "Аналітик", "Експерт"}


def test_sample_ids_in_order_and_contract_valid(sample):
    assert [e.id for e in sample.entities] == [f"e{n}" for n in range(1, len(sample.entities) + 1)]
    firsts = [e.mentions[0].start for e in sample.entities]
    assert firsts == sorted(firsts)
    assert all(m.entity == e.id for e in sample.entities for m in e.mentions)
    doc = sample
    doc.assigned.update({"quotes", "sources"})
    validate(to_dict(doc))


def test_surname_attaches_to_full_name():
    doc = analyse("Іван Петренко приїхав до міста. Потім Петренко виступив перед людьми.")
    people = [e for e in doc.entities if e.type == "PER"]
    assert len(people) == 1 and [m.text for m in people[0].mentions] == ["Іван Петренко", "Петренко"]


def test_unknown_person_name_restored_to_nominative():
    doc = analyse("Журналісти розпитали Сєргєя Гаврілова про плани та Миколу Степанюка про війну.")
    names = {e.name for e in doc.entities}
    assert "Сергій Гаврилов" in names  # in the knowledge base under its Ukrainian name
    assert "Микола Степанюк" in names  # unknown: the nominative comes from morphology


def test_cross_script_spellings_join_one_entity():
    doc = analyse("Кіріл Дмітрієв заявив про угоду. Кирило Дмитрієв також додав, що Дмитрієв задоволений.")
    people = [e for e in doc.entities if e.type == "PER"]
    assert len(people) == 1
    assert people[0].qid is None and people[0].kb_id == "per:kyrylo-dmytriiev"


def test_two_gavrilovs_are_two_entities():
    doc = analyse("Сергій Гаврилов зустрівся з Юрієм Гавриловим у Москві.")
    ids = {e.kb_id for e in doc.entities if e.type == "PER"}
    assert ids == {"per:serhii-havrylov", "per:yurii-havrylov"}


@pytest.mark.parametrize(
    "text,name,etype",
    [
        ("Голова Полтавської обласної ради виступив учора.", "Полтавська обласна рада", "ORG"),
        ("Справу розглядали у Вищому господарському суді минулого тижня.", "Вищий господарський суд", "ORG"),
        ("Ремонт триває на вулиці Шевченка вже місяць.", "вулиця Шевченка", "LOC"),
        ("Сирени лунали в Харківській області вночі.", "Харківська область", "LOC"),
        ("Штраф наклав Антимонопольний комітет України у березні.", "Антимонопольний комітет України", "ORG"),
    ],
)
def test_phrase_names_in_nominative(text, name, etype):
    doc = analyse(text)
    assert (name, etype) in {(e.name, e.type) for e in doc.entities}, by_name(doc)


def test_model_mentions_get_nominative_names():
    text = "Журналісти розпитали Остапа Вишню про плани."
    doc = _PRE(Document(text=text, language="uk"))
    start = text.index("Остапа")
    doc.model_mentions = [Mention("Остапа Вишню", start, start + 12, "PER", "model")]
    doc = link(ner(doc))
    assert [e.name for e in doc.entities if e.type == "PER"] == ["Остап Вишня"]
