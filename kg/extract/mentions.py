"""Find the names and nominal actors of an article's body.

A ``Mention`` is one stretch of tokens that names something: a named entity
from the model (typed with the gazetteer and lexicons, not trusted blindly), a
demonym ("Russian" -> Russia), or a collective or institution qualified by a
country ("the Venezuelan parliament", "Russian servicemen", "the country's
opposition"). Mentions carry a ``key`` that the resolver clusters on.

Typical model errors corrected here, with the article's own evidence:
news agencies and broadcasters tagged as persons ("Sputnik") are
organisations; a name followed by "television", "news agency" ... is a media
organisation; places are typed by the gazetteer (country, city, region).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.lexicon import gazetteer, institutions, media, seats_of_power

MEDIA_NOUNS = {
    "television",
    "tv",
    "channel",
    "broadcaster",
    "radio",
    "newspaper",
    "daily",
    "agency",
    "news",
    "magazine",
    "website",
    "outlet",
    "network",
}
NER_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
ANAPHORIC = {"country", "nation"}


@dataclass
class Mention:
    """A name or nominal actor in the body: tokens ``[start, end)`` of the doc."""

    start: int
    end: int
    text: str
    type: str
    key: str
    head: int
    country: str | None = None
    sector: str | None = None
    label: str | None = None
    identifiers: tuple[str, ...] = ()
    is_name: bool = True
    part_of_country: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def start_char(self) -> int:
        return int(self.extra.get("start_char", -1))


def find_mentions(doc: Doc, body_start: int = 0) -> list[Mention]:
    """Every mention in the body of ``doc`` (tokens from ``body_start`` on), in order.

    Names come first, then country-qualified institutions (which absorb their
    demonym: "Russian servicemen"), then the remaining demonyms.
    """
    mentions: list[Mention] = []
    taken: set[int] = set()

    def add(mention: Mention | None) -> None:
        if mention is not None and not taken.intersection(range(mention.start, mention.end)):
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))

    body_ents = [e for e in doc.ents if e.start_char >= body_start and e.label_ in NER_TYPES]
    for ent in body_ents:
        if ent.label_ != "NORP":
            add(_from_entity(ent))
    countries = sorted((m.start, m.country) for m in mentions if m.type == "Country")

    def country_before(i: int) -> str | None:
        earlier = [iso3 for start, iso3 in countries if start < i]
        return earlier[-1] if earlier else None

    for token in doc:
        if token.idx >= body_start and token.i not in taken:
            add(_media_name(token) or _institution(token, country_before))
    for ent in body_ents:
        if ent.label_ == "NORP":
            add(_from_entity(ent))
    for mention in mentions:
        mention.extra["start_char"] = str(doc[mention.start].idx)
    return sorted(mentions, key=lambda m: m.start)


def _strip(ent: Span) -> Span:
    """The name without a leading determiner or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[start:end]


def _from_entity(ent: Span) -> Mention | None:
    span = _strip(ent)
    if not len(span):
        return None
    text = span.text
    label = ent.label_
    lower = text.lower()
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if lower in media() or (
        following is not None and following.lower_ in MEDIA_NOUNS and label in {"PERSON", "ORG"}
    ):
        return _mention(
            span, "Organization", f"org:{lower}", country=media().get(lower), sector="media"
        )
    if label == "NORP":
        return _demonym(span)
    if label == "GPE" or label == "LOC" or label == "FAC":
        return _place(span, label)
    if label == "ORG":
        return _organisation(span)
    return _mention(span, "Person", f"person:{lower}")


def _mention(span: Span, type_: str, key: str, **kwargs: object) -> Mention:
    return Mention(span.start, span.end, span.text, type_, key, span.root.i, **kwargs)


def _demonym(span: Span) -> Mention | None:
    info = gazetteer.demonym(span.text)
    if info is None:
        return None
    return _mention(
        span,
        "Country",
        f"country:{info.iso3}",
        country=info.iso3,
        label=info.name,
        identifiers=info.identifiers,
        is_name=False,
    )


def _place(span: Span, label: str) -> Mention | None:
    text = span.text
    info = gazetteer.country(text)
    if info is not None:
        return _mention(
            span,
            "Country",
            f"country:{info.iso3}",
            country=info.iso3,
            label=info.name,
            identifiers=info.identifiers,
        )
    seat = seats_of_power().get(gazetteer.normalise(text))
    if seat is not None:
        return _mention(
            span,
            "Organization",
            f"org:{gazetteer.normalise(text)}",
            country=seat[0],
            sector=seat[1],
        )
    city = gazetteer.city(text)
    if city is not None and label == "GPE":
        return _mention(
            span,
            "City",
            f"city:{city.geonameid}",
            country=city.iso3,
            label=city.name,
            identifiers=city.identifiers,
        )
    region = gazetteer.region(text)
    if region is not None:
        return _mention(
            span,
            "Region",
            f"region:{region[0]}",
            country=region[1],
            identifiers=(gazetteer.GEONAMES.format(region[0]),),
        )
    if label == "LOC":
        return _mention(span, "Region", f"place:{gazetteer.normalise(text)}")
    return _mention(span, "Place", f"place:{gazetteer.normalise(text)}")


def _organisation(span: Span) -> Mention | None:
    span = _with_qualifier(span)
    text = span.text
    norm = gazetteer.normalise(text)
    if gazetteer.country(text) is not None:
        return _place(span, "GPE")
    seat = seats_of_power().get(norm)
    country, sector, part_of = (seat[0], seat[1], False) if seat else (None, None, False)
    qualifier = _country_qualifier_in(span)
    if qualifier is not None:
        country = qualifier
        institution = _institution_head(span)
        if institution is not None:
            sector, part_of = institution.sector, institution.part_of
    return _mention(
        span, "Organization", f"org:{norm}", country=country, sector=sector, part_of_country=part_of
    )


def _with_qualifier(span: Span) -> Span:
    """ "Russian" + "Foreign Ministry" -> "Russian Foreign Ministry": a demonym or
    country name right before an organisation's name and attached into it."""
    start = span.start
    while start > 0:
        before = span.doc[start - 1]
        inside = span.start <= before.head.i < span.end
        if inside and (gazetteer.demonym(before.text) or gazetteer.country(before.text)):
            start -= 1
        else:
            break
    return span.doc[start : span.end]


def _country_qualifier_in(span: Span) -> str | None:
    """ISO3 of a demonym or country name inside an organisation's name."""
    for token in span:
        info = gazetteer.demonym(token.text) or (
            gazetteer.country(token.text) if token.text[:1].isupper() else None
        )
        if info is not None:
            return info.iso3
    return None


def _institution_head(span: Span):
    words = [t.lower_ for t in span]
    table = institutions()
    for size in (3, 2, 1):
        for i in range(len(words) - size, -1, -1):
            entry = table.get(" ".join(words[i : i + size]))
            if entry is not None:
                return entry
    return None


def _media_name(token: Token) -> Mention | None:
    """An untagged name before a media noun: "Rossiya-1 television"."""
    if token.pos_ != "PROPN" or token.dep_ != "compound" or token.head.lower_ not in MEDIA_NOUNS:
        return None
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].pos_ == "PROPN"
        and token.doc[start - 1].head.i in (start, token.head.i)
    ):
        start -= 1
    span = token.doc[start : token.i + 1]
    return _mention(
        span,
        "Organization",
        f"org:{span.text.lower()}",
        country=media().get(span.text.lower()),
        sector="media",
    )


def _institution(token: Token, country_before: Callable[[int], str | None]) -> Mention | None:
    """A country-qualified institution or collective headed by ``token``:
    "Russian servicemen", "the Venezuelan parliament", "Venezuela's opposition",
    "the country's opposition" (the country: the last country named before)."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    table = institutions()
    entry = None
    modifiers = [
        c for c in token.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < token.i
    ]
    for mod in modifiers:
        entry = table.get(f"{mod.lemma_.lower()} {token.lemma_.lower()}") or table.get(
            f"{mod.lower_} {token.lower_}"
        )
        if entry is not None:
            break
    entry = entry or table.get(token.lemma_.lower()) or table.get(token.lower_)
    if entry is None:
        return None
    country = None
    qualifiers = list(token.children)
    if token.dep_ == "compound":
        qualifiers += [c for c in token.head.children if c.i < token.i]
    for child in qualifiers:
        if child.i > token.i and not (child.dep_ == "prep" and child.lower_ == "of"):
            continue
        country = _country_of_modifier(child)
        if country is None and child.dep_ == "poss" and child.lemma_.lower() in ANAPHORIC:
            iso3 = country_before(token.i)
            country = gazetteer.country_by_code(iso3) if iso3 else None
        if country is not None:
            break
    if country is None:
        return None
    first = min(
        [
            token.i,
            *[c.i for c in modifiers],
            *[c.i for c in qualifiers if c.i < token.i and c.dep_ in {"amod", "compound", "nmod"}],
        ]
    )
    while (
        first > 0
        and token.doc[first - 1].dep_ in {"amod", "compound"}
        and token.doc[first - 1].head.i >= first
    ):
        first -= 1
    span = token.doc[first : token.i + 1]
    adjective = gazetteer.adjective(country.iso3)
    return Mention(
        span.start,
        span.end,
        span.text,
        entry.type,
        f"{entry.type.lower()}:{country.iso3}:{entry.label.lower()}",
        token.i,
        country=country.iso3,
        sector=entry.sector,
        label=f"{adjective} {entry.label}",
        is_name=False,
        part_of_country=entry.part_of,
    )


def _country_of_modifier(child: Token) -> gazetteer.CountryInfo | None:
    if child.dep_ in {"amod", "compound", "nmod"}:
        return gazetteer.demonym(child.text) or gazetteer.country(child.text)
    if child.dep_ == "poss":
        return gazetteer.country(child.text)
    if child.dep_ == "prep" and child.lower_ == "of":
        for pobj in child.children:
            if pobj.dep_ == "pobj":
                return gazetteer.country(pobj.text)
    return None
