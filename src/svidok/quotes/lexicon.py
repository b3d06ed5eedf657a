"""The language data the quote and source finders use, loaded once per language."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .. import lang as langdata
from ..document import Token

# Parts of speech that can carry a reporting verb (participles and adjectives never do:
# "«українське питання» заявлене головним" reports nothing).
# Infinitives neither: "уряд має пояснити, на що …" reports nothing yet.
VERB_POS = frozenset({"VERB", "GRND", None})
_NOT_REPORTING = frozenset({"1per", "infn", "INFN", "futr"})  # "а тоді заявить, що": a prediction
_PREDICATIVE_POS = frozenset({"ADJF", "ADJS"})
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
DASHES = frozenset({"—", "–", "-", "--"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")"}) | DASHES


@dataclass(frozen=True)
class Lexicon:
    lang: str
    verbs: dict[str, str]  # lemma -> register
    complementizers: frozenset[str]
    topic_verbs: dict[str, frozenset[str]]  # preposition -> verb lemmas it introduces content for
    claim_nouns: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    according_to_bodies: frozenset[tuple[str, ...]]
    according_to_records: frozenset[tuple[str, ...]]
    pronouns: dict[str, str]  # pronoun -> masc/femn/plur
    roles: frozenset[str]
    groups: frozenset[str]
    collectives: frozenset[str]
    anaphoric_roles: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    source_verbs: frozenset[str]
    source_nouns: frozenset[str]
    media_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    anaphora: frozenset[str]
    bare_clause_verbs: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    bare_clause_finite: frozenset[str] = frozenset()
    bare_clause_window: int = 0
    topic_registers: frozenset[str] = frozenset()
    concessive_particles: frozenset[str] = frozenset()
    container_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    document_verbs: frozenset[str] = frozenset()
    document_prepositions: frozenset[str] = frozenset()
    document_locative_verbs: frozenset[str] = frozenset()
    institution_prepositions: frozenset[str] = frozenset()
    institution_containers: frozenset[str] = frozenset()
    role_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma -> its class
    role_phrases: dict[tuple[str, str], str] = field(default_factory=dict)  # two lemmas -> a role
    company_nouns: frozenset[str] = frozenset()
    unit_nouns: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()  # nouns that head an organisation's name (entities.yaml)
    company_markers: frozenset[str] = frozenset()
    reportedly: frozenset[str] = frozenset()
    attribution_verbs: frozenset[str] = frozenset()
    correlatives: frozenset[str] = frozenset()
    anaphoric_openers: frozenset[str] = frozenset()
    informant_nouns: frozenset[str] = frozenset()
    media_prepositions: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()  # "according to the Kyiv Independent": skipped before a name
    names_modify_roles: bool = False  # "Kremlin spokesman": a body's name before a role is part of it

    def role_class(self, found: frozenset[str] | set[str]) -> frozenset[str]:
        """The role lemmas in ``found`` with every synonym the data lists for them."""
        wanted = set(found & self.roles)
        for lemma in found:
            wanted |= self.role_synonyms.get(lemma, frozenset())
        return frozenset(wanted)


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or [])


def _phrases(data: dict, key: str) -> tuple[tuple[str, ...], ...]:
    phrases = (tuple(str(w).lower() for w in p) for p in data.get(key) or [])
    return tuple(sorted(phrases, key=len, reverse=True))  # longest first


def _synonym_classes(groups: list) -> dict[str, frozenset[str]]:
    classes: dict[str, frozenset[str]] = {}
    for group in groups:
        members = frozenset(str(w).lower() for w in group)
        for lemma in members:
            classes[lemma] = classes.get(lemma, frozenset()) | members
    return classes


@functools.cache
def lexicon(lang: str | None) -> Lexicon:
    """The lexicon for ``lang``; languages without data fall back to Ukrainian."""
    code = lang if lang and langdata.has(lang, "speech_verbs") else "uk"
    speech = langdata.load(code, "speech_verbs")
    roles = langdata.load(code, "roles")
    cues = langdata.load(code, "source_cues")
    entity_cues = langdata.load(code, "entities") if langdata.has(code, "entities") else {}
    return Lexicon(
        lang=code,
        verbs={str(k).lower(): str(v) for k, v in (speech.get("verbs") or {}).items()},
        complementizers=_words(speech, "complementizers"),
        topic_verbs={
            str(p).lower(): frozenset(str(v).lower() for v in verbs)
            for p, verbs in (speech.get("topic_verbs") or {}).items()
        },
        claim_nouns=_words(speech, "claim_nouns"),
        according_to=_phrases(speech, "according_to"),
        according_to_bodies=frozenset(_phrases(speech, "according_to_bodies")),
        according_to_records=frozenset(_phrases(speech, "according_to_records")),
        reportedly=_words(speech, "reportedly"),
        attribution_verbs=_words(speech, "attribution_verbs"),
        correlatives=_words(speech, "correlatives"),
        anaphoric_openers=_words(speech, "anaphoric_openers"),
        informant_nouns=_words(cues, "informant_nouns"),
        media_prepositions=_words(cues, "media_prepositions"),
        negations=_words(speech, "negations"),
        pronouns={str(k).lower(): str(v) for k, v in (speech.get("pronouns") or {}).items()},
        roles=_words(roles, "roles") | _words(roles, "anaphoric_roles"),  # "Гість запевнив"
        groups=_words(roles, "groups"),
        collectives=_words(roles, "collectives"),
        anaphoric_roles=_words(roles, "anaphoric_roles"),
        role_synonyms=_synonym_classes(roles.get("role_synonyms") or []),
        role_phrases={
            (str(a).lower(), str(b).lower()): str(r).lower() for a, b, r in roles.get("role_phrases") or []
        },
        company_nouns=_words(roles, "company_nouns"),
        unit_nouns=_words(roles, "unit_nouns"),
        copulas=_words(roles, "copulas"),
        possessives=_words(roles, "possessives"),
        org_heads=_words(entity_cues, "org_heads"),
        company_markers=_words(roles, "company_markers"),
        names_modify_roles=bool(roles.get("names_modify_roles")),
        determiners=_words(cues, "determiners"),
        source_phrases=_phrases(cues, "prepositional"),
        source_verbs=_words(cues, "verbs"),
        source_nouns=_words(cues, "source_nouns"),
        media_nouns=_words(cues, "media_nouns"),
        outlet_nouns=_words(cues, "outlet_nouns"),
        anaphora=_words(cues, "anaphora"),
        bare_clause_verbs=_words(speech, "bare_clause_verbs"),
        addressee_verbs=_words(speech, "addressee_verbs"),
        bare_clause_finite=_words(speech, "bare_clause_finite"),
        bare_clause_window=int(speech.get("bare_clause_window") or 0),
        topic_registers=_words(speech, "topic_registers"),
        concessive_particles=_words(speech, "concessive_particles"),
        container_nouns=_words(cues, "container_nouns"),
        document_nouns=_words(cues, "document_nouns"),
        document_verbs=_words(cues, "document_verbs"),
        document_prepositions=_words(cues.get("document_locative") or {}, "prepositions"),
        document_locative_verbs=_words(cues.get("document_locative") or {}, "verbs"),
        institution_prepositions=_words(speech.get("institution_locative") or {}, "prepositions"),
        institution_containers=_words(speech.get("institution_locative") or {}, "containers"),
    )


def lemmas(token: Token) -> set[str]:
    """Every lemma the token may have, plus its lowercased surface (covers unknown words)."""
    found = {p.lemma.lower() for p in token.parses if p.lemma}
    found.add(token.norm.lower())
    if token.lemma:
        found.add(token.lemma.lower())
    return found


def speech_register(lex: Lexicon, token: Token) -> str | None:
    """The register of ``token`` as a reporting verb, or None if it is not one."""
    if token.pos in _PREDICATIVE_POS and token.case in (None, "nomn") and (token.lemma or "") in lex.verbs:
        return lex.verbs[token.lemma]  # "Попов переконаний, що …": a listed predicative adjective
    if token.pos is None:  # unknown to the analyser: try the other readings' lemmas
        return next((lex.verbs[x] for x in lemmas(token) if x in lex.verbs), None)
    # The best reading may be something else ("говорят" read as a parenthetical, "говорить" as
    # a dialect infinitive): any of the top readings that is a finite reporting verb counts.
    for parse in token.parses[:4]:
        active_participle = parse.pos == "PRTF" and "actv" in parse.grammemes  # ru "заявивший"
        if parse.pos not in ("VERB", "GRND") and not active_participle or parse.grammemes & _NOT_REPORTING:
            continue
        if parse.lemma.lower() in lex.verbs:
            return lex.verbs[parse.lemma.lower()]
    if token.pos in VERB_POS and not (token.best and token.best.grammemes & _NOT_REPORTING):
        return lex.verbs.get(token.norm.lower())  # forms listed as they are ("said", "заявивши")
    return None


def is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.norm)


def has_case(token: Token, case: str) -> bool:
    """True if some reading has ``case``, or the word is uninflected (foreign, abbreviation)."""
    cases = {p.case for p in token.parses if p.case}
    return not cases or case in cases
