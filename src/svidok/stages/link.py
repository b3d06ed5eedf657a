"""Stage 5c: cluster mentions into entities and link them to the knowledge base.

Mentions join one entity when they share a knowledge-base entry, or a cross-script name key
(Кіріл Дмітрієв = Кирило Дмитрієв), or when a lone surname or first name repeats a person
named in full earlier or later ("Зеленський" after "Володимир Зеленський"). A person not matched
in the text is looked up in the knowledge base by name key, then by surname when only one known
person has it. The entity's name is the knowledge base's canonical name, else the longest
mention restored to the nominative ("Сєргєя Гаврілова" -> "Сєргєй Гаврілов").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import lang as langdata
from ..document import Document, Entity, Mention
from ..kb import KBEntry, load_kb
from ..names import name_key
from ..names.key import first_name_variants
from ..pipeline import stage

_SPLIT_HYPHEN = re.compile(r"(?<=[^\W\d_])- (?=[^\W\d_])")
_FUNCTION_WORDS = frozenset({"і", "й", "та", "з", "із", "у", "в", "и", "of", "and", "the", "for"})


@dataclass
class Cluster:
    label: str
    mentions: list[Mention] = field(default_factory=list)
    entry: KBEntry | None = None
    keys: set[str] = field(default_factory=set)  # cross-script keys of the full names seen

    @property
    def best_name(self) -> str:
        longest = max(self.mentions, key=lambda m: (len((m.lemma or m.text).split()), -m.start))
        name = _SPLIT_HYPHEN.sub("-", longest.lemma or longest.text)  # "Південно- Західна"
        return first_name_first(name) if self.label == "PER" else name


_TURKIC_PATRONYMIC = ("огли", "оглу", "кизи", "кызы", "оглы")


def first_name_first(name: str) -> str:
    """ "Тертиця Анатолій Юрійович" -> "Анатолій Тертиця", "Махмудов Тельман Зейнал Огли" ->
    "Тельман Махмудов": the official surname-first order, read as a reader would write it."""
    from .morph import analyse_word

    words = name.split()
    if len(words) == 4 and words[-1].lower() in _TURKIC_PATRONYMIC:
        return f"{words[1]} {words[0]}"  # Surname Name Father-name Огли
    if len(words) != 3 or not any(p.name_type == "Patr" for p in analyse_word("uk", words[2])):
        return name
    readings = [{p.name_type for p in analyse_word("uk", w)} for w in words[:2]]
    if "Name" in readings[1] and ("Surn" in readings[0] or "Name" not in readings[0]):
        return f"{words[1]} {words[0]}"
    return name


def _mention_key(mention: Mention) -> str:
    name = mention.lemma or mention.text
    if mention.label == "ORG":
        name = org_core(name)
    return name_key(name)


@functools.cache
def _legal_forms() -> frozenset[str]:
    forms: set[str] = set()
    for lang in langdata.available_languages():
        if langdata.has(lang, "entities"):
            forms.update(langdata.load(lang, "entities").get("legal_forms") or [])
    return frozenset(forms)


def org_core(name: str) -> str:
    """ "ТОВ «Еста Холдинг»" -> "Еста Холдинг": the legal form and quote marks do not tell two
    organisations apart, so "«Еста Холдинг»" later in the text joins the same entity."""
    words = name.split()
    if len(words) > 1 and words[0] in _legal_forms():
        words = words[1:]
    return " ".join(words).strip('«»"“”„ ').replace("-", " ")  # "Еста-Холдинг" = "Еста Холдинг"


def _people_in_full(doc: Document) -> dict[str, set[str | None]]:
    """Surname key -> KB ids (None: not in the KB) of the people the article names in full."""
    people: dict[str, set[str | None]] = {}
    for mention in doc.mentions:
        key = _mention_key(mention)
        if mention.label != "PER" or len(mention.text.split()) < 2 or " " not in key:
            continue
        kb_id = doc.meta.get("kb_links", {}).get((mention.start, mention.end))
        if kb_id is None:
            found = load_kb().lookup(mention.lemma or mention.text, "PER")
            kb_id = found[0].id if len(found) == 1 else None
        people.setdefault(key.split()[-1], set()).add(kb_id)
    return people


def _kb_entry(doc: Document, mention: Mention, people: dict[str, set[str | None]]) -> KBEntry | None:
    """The KB entry of ``mention``; a lone surname belongs to the person the article names in
    full ("Медведєв" after "Олег Медведєв" is not Дмитро Медведєв)."""
    entry = _kb_candidate(doc, mention)
    if entry is None or mention.label != "PER" or len(mention.text.split()) > 1:
        return entry
    surname = _mention_key(mention).split()[-1:]  # the lemma may already be a KB full name
    if surname and surname[0] in people and entry.id not in people[surname[0]]:
        if mention.lemma:  # keep the nominative surname, drop the KB person's first name
            mention.lemma = mention.lemma.split()[-1]
        return None
    return entry


def _kb_candidate(doc: Document, mention: Mention) -> KBEntry | None:
    kb = load_kb()
    kb_id = doc.meta.get("kb_links", {}).get((mention.start, mention.end))
    if kb_id:
        return kb.by_id.get(kb_id)
    found = kb.lookup(mention.lemma or mention.text, mention.label)
    if len(found) == 1:
        return found[0]
    word = mention.lemma or mention.text
    if mention.label == "PER" and len(word.split()) == 1 and not first_name_variants(word):
        by_surname = kb.lookup_surname(word)  # not "Павел", a first name, as Петр Павел
        return by_surname[0] if len(by_surname) == 1 else None
    return None


def _find_cluster(clusters: list[Cluster], mention: Mention, entry: KBEntry | None) -> Cluster | None:
    key = _mention_key(mention)
    for cluster in clusters:
        if entry is not None and cluster.entry is not None:
            if cluster.entry.id == entry.id:
                return cluster
            continue
        if cluster.label == mention.label and key in cluster.keys:
            return cluster
    return None


# Case endings, in name-key spelling, that a lone surname the analyser does not know may carry
# ("Деннинга" for "Лиам Деннинг").
_KEY_CASE_ENDINGS = frozenset({"a", "u", "om", "e", "im", "ovi", "oi", "oiu", "iu", "i", "ei"})


def _inflects(word: str, surname: str) -> bool:
    """Whether the key ``word`` is ``surname`` or an inflected form of it."""
    if word == surname:
        return True
    return len(surname) > 3 and word.startswith(surname) and word[len(surname) :] in _KEY_CASE_ENDINGS


def _attach_partial_names(clusters: list[Cluster]) -> list[Cluster]:
    """Fold one-word person clusters into the one multi-word person whose name contains the word."""
    people = [c for c in clusters if c.label == "PER"]
    full = [c for c in people if any(len(k.split()) > 1 for k in c.keys)]
    kept = []
    for cluster in clusters:
        if cluster in full or cluster.label != "PER" or any(len(k.split()) > 1 for k in cluster.keys):
            kept.append(cluster)
            continue
        words = {k for k in cluster.keys}
        hosts = [c for c in full if any(words & set(k.split()) for k in c.keys)]
        if not hosts:  # "Деннинга" for "Лиам Деннинг", only when no name holds the word as it is
            hosts = [c for c in full if any(_inflects(w, s) for k in c.keys for s in k.split() for w in words)]
        if cluster.entry:
            hosts = [h for h in hosts if h.entry is None or h.entry.id == cluster.entry.id]
        if len(hosts) == 1:
            hosts[0].mentions += cluster.mentions
            hosts[0].entry = hosts[0].entry or cluster.entry
        else:
            kept.append(cluster)
    return kept


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-–«»\"]+", name) if w and w.lower() not in _FUNCTION_WORDS]
    return "".join(w[0] for w in words).upper()


def _attach_abbreviations(clusters: list[Cluster]) -> list[Cluster]:
    """ "ПЗЗ" after "Південно-Західна залізниця": an organisation abbreviation no knowledge-base
    entry explains joins the one multi-word organisation whose initials it spells."""
    kept = []
    for cluster in clusters:
        texts = {m.text for m in cluster.mentions}
        abbreviation = next(iter(texts)) if len(texts) == 1 else ""
        if (
            cluster.label != "ORG"
            or cluster.entry
            or not (2 <= len(abbreviation) <= 6 and abbreviation.isupper())
        ):
            kept.append(cluster)
            continue
        hosts = [
            c for c in clusters
            if c is not cluster and c.label == "ORG" and _initials(c.best_name) == abbreviation
        ]  # fmt: skip
        if len(hosts) == 1:
            hosts[0].mentions += cluster.mentions
        else:
            kept.append(cluster)
    return kept


def cluster_mentions(doc: Document) -> list[Cluster]:
    clusters: list[Cluster] = []
    people = _people_in_full(doc)
    for mention in sorted(doc.mentions, key=lambda m: m.start):
        entry = _kb_entry(doc, mention, people)
        cluster = _find_cluster(clusters, mention, entry)
        if cluster is None:
            cluster = Cluster(entry.type if entry else mention.label, entry=entry)
            clusters.append(cluster)
        cluster.mentions.append(mention)
        cluster.keys.add(_mention_key(mention))
        if entry:
            cluster.keys.update(name_key(n) for n in entry.names)
    return _attach_abbreviations(_attach_partial_names(clusters))


def _to_entity(number: int, cluster: Cluster) -> Entity:
    entry = cluster.entry
    surfaces = list(dict.fromkeys(m.text for m in sorted(cluster.mentions, key=lambda m: m.start)))
    return Entity(
        id=f"e{number}",
        name=entry.name if entry else cluster.best_name,
        type=entry.type if entry else cluster.label,
        kb_id=entry.id if entry else None,
        mentions=sorted(cluster.mentions, key=lambda m: m.start),
        aliases=surfaces,
        qid=entry.qid if entry else None,
    )


@stage("link", requires=("mentions",), assigns=("entities",))
def link(doc: Document) -> Document:
    clusters = sorted(cluster_mentions(doc), key=lambda c: min(m.start for m in c.mentions))
    doc.entities = [_to_entity(n, c) for n, c in enumerate(clusters, 1)]
    for entity in doc.entities:
        for mention in entity.mentions:
            mention.entity = entity.id
    return doc
