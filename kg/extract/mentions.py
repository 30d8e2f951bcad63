"""Find the names and nominal actors of an article's body.

A ``Mention`` is one stretch of tokens that names something: a named entity
from the model (typed with the gazetteer, the lexicons and what the sentence
says about it, not trusted blindly), a demonym ("Russian" -> Russia), or a
collective or institution qualified by a country ("the Venezuelan
parliament", "Russian servicemen", "the country's opposition"). Mentions carry
a ``key`` that the resolver clusters on.

Typical model errors corrected here, with the article's own evidence:

- news agencies and broadcasters are organisations ("Sputnik", "Rossiya-1
  television"), whatever the model says (``media.tsv``);
- a name the sentence types ("Zakharova, the ministry's spokeswoman";
  "Oberlin College"; "the town of Lowman") takes that type
  (``kg.resolve.name_types``); places are typed by the gazetteer;
- a surname that the article introduced as a person stays a person ("Trump"
  tagged ORG after "Donald Trump");
- a person's name or surname the model missed where the article names the
  person elsewhere is found again, and so is a name whose clause says it is a
  person ("Milnor is a professor at ...");
- names inside a quoted title ("the 'Moscow Nights' programme"), the words
  of a title of office ("Secretary of State") and titles the model took for
  names ("Chief Design Officer", "the James Lowell Professor") are not
  entities;
- the city and the source of a source citation ("Moscow ITAR-TASS in English")
  are a city and a media organisation (``kg.extract.source_lines``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.extract.source_lines import source_citations
from kg.lexicon import (
    NameClass,
    class_nouns,
    gazetteer,
    given_names,
    group_labels,
    honorifics,
    institutions,
    media,
    name_heads,
    national_institutions,
    roles,
    seats_of_power,
    title_words,
)
from kg.resolve.name_types import (
    PLACE_TYPES,
    clause_says_person,
    employer,
    joined,
    name_class,
    name_head,
    noun_class,
    person_word,
    title_before,
)

NER_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
MISREAD_COMPANIES = {"PRODUCT", "WORK_OF_ART"}  # what the model calls a company it does not know
ANAPHORIC = {"country", "nation"}
# prepositions after which a known city names the place, not an organisation
LOCATIVE = {"in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward"}
# prepositions after which a seat of power is the building, not the government
# ("talks at the White House"; but "a letter to the White House" is to the government)
WHERE = {"in", "at", "inside", "outside", "near", "past", "around", "into", "on", "across"}
# what follows a dateline's place: "DAYTON, Ohio (AP)", "SAN FRANCISCO (AP)", "CARACAS -"
AFTER_DATELINE_PLACE = {",", "(", "-", "\u2013", "\u2014", "_"}
MAX_TITLE_TOKENS = 8
MAX_NAME_WORDS = 4


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

    @property
    def typed_by_model(self) -> bool:
        """Whether only the model's label says what this name is."""
        return self.extra.get("typed_by") == "model"


def find_mentions(doc: Doc, body_start: int = 0) -> list[Mention]:
    """Every mention in the body of ``doc`` (tokens from ``body_start`` on), in order.

    Names come first, then country-qualified institutions (which absorb their
    demonym: "Russian servicemen"), then the remaining demonyms, then names
    the model missed that the article names elsewhere.
    """
    mentions: list[Mention] = []
    taken: set[int] = set()

    def add(mention: Mention | None) -> None:
        if mention is not None and not taken.intersection(range(mention.start, mention.end)):
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))

    for mention in _citation_mentions(doc, body_start):
        add(mention)
    body_ents = [
        part
        for e in doc.ents
        if e.start_char >= body_start and e.label_ in NER_TYPES
        for part in _bracket_parts(e)
    ]
    for ent in body_ents:
        if _is_demonym(ent) or _in_quoted_title(ent) or _in_title_of_office(ent):
            continue
        if _is_title(_strip(ent)) or (ent.label_ == "PERSON" and _names_a_chair(ent)):
            continue
        add(_from_entity(ent))
    first = _first_body_token(doc, body_start)
    for mention in _missed_countries(doc, first, taken):
        add(mention)
    countries = sorted((m.start, m.country) for m in mentions if m.type == "Country")

    def country_before(i: int) -> str | None:
        earlier = [iso3 for start, iso3 in countries if start < i]
        return earlier[-1] if earlier else None

    heads = _institution_words()
    for token in doc[first:]:
        if token.i not in taken and token.pos_ in {"NOUN", "PROPN"}:
            add(
                _media_name(token)
                or (
                    _institution(token, country_before)
                    if token.lower_ in heads or token.lemma_.lower() in heads
                    else None
                )
            )
    for ent in body_ents:
        if _is_demonym(ent):
            add(_from_entity(ent))
    for mention in _given_name_persons(doc, first, taken):
        add(mention)
    for mention in _persons_by_clause(doc, first, taken):
        add(mention)
    for mention in _organisations_by_clause(doc, first, taken):
        add(mention)
    _type_persons_by_article(mentions)
    _cities_in_their_region(doc, mentions)
    for mention in _missed_names(doc, first, mentions, taken):
        add(mention)
    for mention in mentions:
        mention.extra["start_char"] = str(doc[mention.start].idx)
        if mention.type == "Person" and mention.country is None:
            mention.country = _title_country(doc, mention.start)
    return sorted(mentions, key=lambda m: m.start)


def _citation_mentions(doc: Doc, body_start: int) -> Iterator[Mention]:
    """The city and the media source of a source citation ("Moscow ITAR-TASS in
    English ..."), whatever the model made of them (``kg.extract.source_lines``)."""
    for (city_start, city_end), (start, end) in source_citations(doc):
        if doc[city_start].idx < body_start:
            continue
        city = Span(doc, city_start, city_end, label="GPE")
        yield _place(city, "GPE", "context", "City")
        source = doc[start:end]
        lower = source.text.lower()
        yield _mention(
            source,
            "Organization",
            f"org:{lower}",
            "context",
            country=media().get(lower),
            sector="media",
        )


def _bracket_parts(ent: Span) -> list[Span]:
    """ "PRD ( Party of the Democratic Revolution" tagged as one name is two: the
    name before the bracket and the one inside it (an alias, see
    ``kg.resolve.aliases``)."""
    doc = ent.doc
    opening = next((t.i for t in ent if t.text == "("), None)
    if opening is None or opening == ent.start:
        return [ent]
    closing = next((t.i for t in ent if t.text == ")" and t.i > opening), ent.end)
    parts = [Span(doc, ent.start, opening, label=ent.label_)]
    if closing > opening + 1:
        parts.append(Span(doc, opening + 1, closing, label=ent.label_))
    return parts


def _first_body_token(doc: Doc, body_start: int) -> int:
    if body_start <= 0:
        return 0
    span = doc.char_span(body_start, len(doc.text), alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _strip(ent: Span) -> Span:
    """The name without a leading determiner, a trailing possessive, full stop or
    function word (the model's "Botany at"), and a person's name without a
    leading title, honorific or occupation: "the Kremlin's" -> "Kremlin",
    "President Lincoln" -> "Lincoln", "Soprano Ana Ruiz" -> "Ana Ruiz"
    ("General Motors" keeps its first word: only names
    tagged as persons, or after an honorific, lose a title). A person's name
    goes on over untagged capitalised words the model cut off ("Ana Ruiz
    Ortega" tagged "Ana Ruiz"). An occupation is a title only where it opens
    the sentence, capitalised there, before a first name ("Soprano Ana Ruiz
    sang"; not "Man Ray", "Lindqvist Holm")."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or _detached_stop(doc, end - 1)
        or (doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"} and doc[end - 1].text.islower())
    ):
        end -= 1  # "the Kremlin's", "King Jr .", "Department of Chemistry and", "Botany at"
    person = ent.label_ == "PERSON"
    while end - start > 1 and doc[start + 1].pos_ == "PROPN":
        title = title_before(doc[start + 1 : end])
        occupation = (
            person
            and doc[start].is_sent_start
            and doc[start + 1].lower_ in given_names()
            and person_word(doc[start].text)
        )
        if (title is None and not occupation) or (
            not person and doc[start].lower_ not in honorifics()
        ):
            break
        start += 1
    if person:  # the model tagged "Ana" of "Ana Ruiz Ortega"
        while end < len(doc) and end - start < MAX_NAME_WORDS and _rest_of_name(doc[end]):
            end += 1
    return doc[start:end]


def _detached_stop(doc: Doc, i: int) -> bool:
    """A full stop or comma set off by a space after a name ("King Jr ."), not
    the period of an abbreviation ("Vt.")."""
    return doc[i].text in {".", ","} and i > 0 and bool(doc[i - 1].whitespace_)


def _rest_of_name(token: Token) -> bool:
    """A capitalised proper noun that the model left untagged right after a
    person's name, and that is no organisation or place word or title."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not token.ent_type_
        and token.text not in name_heads()
        and token.lower_ not in roles()
        and not token.is_sent_start
    )


def _names_a_chair(ent: Span) -> bool:
    """ "the Andrew D. White Professor at Cornell", "the Hoover Senior Fellow": a
    person's name before an academic title names the chair, not a person."""
    doc = ent.doc
    i = ent.end
    while i < len(doc) and doc[i].lower_ in title_words() and doc[i].text[:1].isupper():
        i += 1
    if i >= len(doc) or not doc[i].text[:1].isupper():
        return False
    role = roles().get(doc[i].lower_)
    return role is not None and role.sector == "education"


def _from_entity(ent: Span) -> Mention | None:
    span = _strip(ent)
    if not len(span):
        return None
    text, label, lower = span.text, ent.label_, span.text.lower()
    if lower in media():
        key, country = f"org:{lower}", media()[lower]
        return _mention(span, "Organization", key, "lexicon", country=country, sector="media")
    if _names_a_people(label, text):  # a country's name tagged NORP is the country
        return _demonym(span) or (_place(span, "GPE") if gazetteer.country(text) else None)
    if label != "PERSON" and (gazetteer.country(text) or gazetteer.capital_of(text)):
        return _place(span, "GPE")  # a capital that acts is its country (EntityTable.actor_at)
    if label == "PERSON" and (gazetteer.country(text) or _listed_region(text)):
        mention = _place(span, "GPE")  # "Kamchatka" tagged PERSON; the article may say otherwise
        if mention is not None:
            mention.extra["typed_by"] = "model"
        return mention
    norm = gazetteer.normalise(text)
    if norm in seats_of_power():
        return _seat(span)
    if norm in national_institutions():
        return _organisation(span, None, "lexicon")
    found = name_class(span, label)
    if found is None and label == "PERSON" and any(_letters_and_digits(t.text) for t in span):
        found = NameClass("Organization", None)  # "CH2M Hill": no person's name has digits
    if found is None and label in {"ORG", "PERSON"} and _located(span):
        return _place(span, "GPE", "context")
    if found is None and label in {"GPE", "LOC", "FAC"} and joined(span) and not _known_place(text):
        found = NameClass("Organization", None)  # "joined Timbercreek", "taught at the Sorbonne"
    named = span[0].lower_ in given_names()
    if found is None and label == "PERSON" and not named and employer(span):
        found = NameClass("Organization", None)  # "after leaving Brightwave", "chairman of Qellum"
    if found is not None:
        return _typed(span, found)
    if label in {"GPE", "LOC", "FAC"}:
        return _place(span, label)
    if label == "ORG":
        return _organisation(span, None, "model")
    return _mention(span, "Person", f"person:{lower}", "model")


def _is_demonym(ent: Span) -> bool:
    """Whether the entity is a demonym: these come after the institutions, which absorb
    theirs ("the Sri Lankan army")."""
    return _names_a_people(ent.label_, _strip(ent).text)


def _names_a_people(label: str, text: str) -> bool:
    """A NORP entity, or a demonym under another label ("Sri Lankan" tagged GPE) that is
    no country's name."""
    if label == "NORP":
        return True
    return bool(gazetteer.demonym(text)) and (
        label in {"PERSON", "ORG"} or not gazetteer.country(text)
    )


def _missed_countries(doc: Doc, first: int, taken: set[int]) -> Iterator[Mention]:
    """Country names the model did not tag ("Uzbekistan opened ...", "US Predator
    attacks"): proper nouns outside any entity that are a country's name and no part of
    a longer name."""
    i = first
    while i < len(doc):
        token = doc[i]
        if token.pos_ != "PROPN" or token.ent_type_ or i in taken:
            i += 1
            continue
        span = next(
            (
                doc[i : i + n]
                for n in (3, 2, 1)
                if i + n <= len(doc) and _untagged_country(doc[i : i + n], taken)
            ),
            None,
        )
        if span is None:
            i += 1
            continue
        mention = _place(span, "GPE")
        if mention is not None:
            mention.extra["typed_by"] = "gazetteer"
            yield mention
        i = span.end


def _untagged_country(span: Span, taken: set[int]) -> bool:
    doc = span.doc
    return (
        all(t.pos_ == "PROPN" and not t.ent_type_ and t.i not in taken for t in span)
        and not (span.start > 0 and doc[span.start - 1].pos_ == "PROPN")
        and not (span.end < len(doc) and doc[span.end].pos_ == "PROPN")
        and gazetteer.country(span.text) is not None
    )


def _known_place(text: str) -> bool:
    return gazetteer.city(text) is not None or gazetteer.region(text) is not None


def _letters_and_digits(word: str) -> bool:
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _listed_region(text: str) -> bool:
    """A region named often enough that a person of that name is the exception:
    a US state or a region of ``region_names.tsv`` ("Kamchatka"), not any
    subdivision ("Yap")."""
    info = gazetteer.region(text)
    return info is not None and info.listed and gazetteer.is_region(text)


def _typed(span: Span, found: NameClass) -> Mention | None:
    """A mention of the type the sentence gives the name."""
    if found.type == "Person":
        mention = _mention(span, "Person", f"person:{span.text.lower()}", "context")
        if found.gender:
            mention.extra["gender"] = found.gender
        return mention
    if found.type == "Organization":
        if found.sector == "media":
            key = f"org:{span.text.lower()}"
            return _mention(span, "Organization", key, "context", sector="media")
        return _organisation(span, found.sector, "context")
    if found.type in PLACE_TYPES:
        return _place(span, "GPE", "context", found.type)
    return None


def _located(span: Span) -> bool:
    """A known city or region after a locative preposition ("at Novonezhino" is
    not enough; "to Vladivostok" is) or after a company's "of" ("Avis Bourg
    Co. of Folsom"), or a dateline ("DAYTON, Ohio", "SAN FRANCISCO (AP)")."""
    known = gazetteer.city(span.text) or gazetteer.region(span.text)
    if known is None:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in LOCATIVE:
        return True
    if before is not None and before.lower_ == "of" and span.start > 1:  # "Bourg Co. of Folsom"
        head = name_heads().get(span.doc[span.start - 2].text)
        if head is not None and head.type == "Organization":
            return True
    return _dateline_place(span)


def _dateline_place(span: Span) -> bool:
    """An all-capitals name opening a line and followed by a comma, a bracket or a
    dash: the place of a dateline ("DAYTON, Ohio (AP)", "CARACAS -")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    opens = span[0].is_sent_start or (span.start > 0 and "\n" in doc[span.start - 1].text_with_ws)
    return (
        span.text.isupper()
        and len(span.text) > 2
        and opens
        and after is not None
        and after.text in AFTER_DATELINE_PLACE
    )


def _seat(span: Span) -> Mention | None:
    """A seat of power: the building after a preposition of place ("protesters
    outside the Kremlin"), else the government it stands for ("the Kremlin
    said", "Kremlin spokesman")."""
    doc, norm = span.doc, gazetteer.normalise(span.text)
    before = span.start - 1
    while before >= 0 and doc[before].lower_ in {"the", "a"}:
        before -= 1
    if before >= 0 and doc[before].lower_ in WHERE:
        country = seats_of_power()[norm][0]
        return _mention(span, "Place", f"place:{norm}", "lexicon", country=country)
    return _organisation(span, None, "lexicon")


def _mention(span: Span, type_: str, key: str, typed_by: str, **kwargs: object) -> Mention:
    mention = Mention(span.start, span.end, span.text, type_, key, span.root.i, **kwargs)
    mention.extra["typed_by"] = typed_by
    return mention


def _demonym(span: Span) -> Mention | None:
    info = gazetteer.demonym(span.text)
    if info is None:
        return None
    return _mention(
        span,
        "Country",
        f"country:{info.iso3}",
        "lexicon",
        country=info.iso3,
        label=info.name,
        identifiers=info.identifiers,
        is_name=False,
    )


def _place(
    span: Span, label: str, typed_by: str = "gazetteer", wanted: str | None = None
) -> Mention | None:
    text = span.text
    info = gazetteer.country(text)
    if info is not None:
        return _mention(
            span,
            "Country",
            f"country:{info.iso3}",
            "gazetteer",
            country=info.iso3,
            label=info.name,
            identifiers=info.identifiers,
        )
    if gazetteer.normalise(text) in seats_of_power():
        return _seat(span)
    region = gazetteer.region(text) or _abbreviation_at_full_stop(span)
    city = gazetteer.city(text) if label == "GPE" and wanted in {None, "City"} else None
    region_first = city is None or wanted == "Region" or gazetteer.is_region(text)
    if region is not None and wanted in {None, "Region"} and region_first:
        return _mention(
            span,
            "Region",
            f"region:{region.code}",
            "gazetteer",
            country=region.iso3,
            label=region.name,
            identifiers=region.identifiers,
        )
    if city is not None:
        return _mention(
            span,
            "City",
            f"city:{city.geonameid}",
            "gazetteer",
            country=city.iso3,
            label=city.name,
            identifiers=city.identifiers,
        )
    key = f"place:{gazetteer.normalise(text)}"
    if wanted is not None:
        return _mention(span, wanted, key, typed_by)
    return _mention(span, "Region" if label == "LOC" else "Place", key, "model")


def gazetteer_place(span: Span) -> Mention | None:
    """A mention of the place ``span`` names when the gazetteer knows it (a
    country, a region, a city), typed as a name of its own would be: "Chicago"
    in "the University of Chicago"."""
    mention = _place(span, "GPE")
    return mention if mention is not None and mention.extra["typed_by"] == "gazetteer" else None


def _abbreviation_at_full_stop(span: Span) -> gazetteer.RegionInfo | None:
    """ "Troy, Mich." at the end of a sentence: the parser gives the period to the
    sentence, and the abbreviation is "Mich" followed by "."."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or after.text != "." or span.text.endswith("."):
        return None
    return gazetteer.region(span.text + ".")


def _organisation(span: Span, sector: str | None, typed_by: str) -> Mention | None:
    span = _with_qualifier(span)
    norm = gazetteer.normalise(span.text)
    known = seats_of_power().get(norm) or national_institutions().get(norm)
    country = known[0] if known else None
    part_of = norm in national_institutions()  # the State Department is part of the US
    sector = (known[1] if known else None) or sector
    qualifier = _country_qualifier_in(span)
    if qualifier is not None:
        country = qualifier
        institution = _institution_head(span)
        if institution is not None:
            sector, part_of = institution.sector, institution.part_of
        else:  # "the Bulgarian Socialist Party", "the U.S. 6th Fleet": the name says whose
            part_of = _country_qualifier_in(span[:1]) == qualifier
    return _mention(
        span,
        "Organization",
        f"org:{norm}",
        typed_by,
        country=country,
        sector=sector,
        part_of_country=part_of,
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
    found = (gazetteer.country_word(token.text) for token in span)
    return next((info.iso3 for info in found if info is not None), None)


def _institution_head(span: Span):
    words = [t.lower_ for t in span]
    table = institutions()
    for size in (3, 2, 1):
        for i in range(len(words) - size, -1, -1):
            entry = table.get(" ".join(words[i : i + size]))
            if entry is not None:
                return entry
    return None


def _in_quoted_title(ent: Span) -> bool:
    """A name inside a short quotation that a work noun introduces: the
    'Moscow Nights' programme, the film "Dr. Strangelove"."""
    doc = ent.doc
    opening = next(
        (
            i
            for i in range(ent.start - 1, max(-1, ent.start - MAX_TITLE_TOKENS), -1)
            if doc[i].is_quote or doc[i].is_sent_start
        ),
        None,
    )
    closing = next(
        (i for i in range(ent.end, min(len(doc), ent.end + MAX_TITLE_TOKENS)) if doc[i].is_quote),
        None,
    )
    if opening is None or closing is None or not doc[opening].is_quote:
        return False
    around = [doc[i] for i in (opening - 1, closing + 1) if 0 <= i < len(doc)]
    return any((noun_class(t) or NameClass("", None)).type == "Work" for t in around)


def _in_title_of_office(ent: Span) -> bool:
    """ "Secretary of State", "Minister of Foreign Affairs": the name is part of a
    title of office, not an organisation."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return False
    name = ent.text.lower()
    for size in (1, 2, 3):
        first = ent.start - 1 - size
        if first >= 0 and f"{doc[first : ent.start].text.lower()} {name}" in roles():
            return True
    return False


def _is_title(span: Span) -> bool:
    """A title of office the model took for a name, where a title stands, after
    a copula, "as" or in apposition ("X is the Chief Design Officer of Y",
    "served as Minister of Foreign Affairs", "X, the James Lowell Professor"):
    it ends with a title, or starts with one followed by "of" or "for", and
    has no head word of an organisation. ("Tom King said", "Burger King's
    sales" are names.)"""
    if not len(span) or name_head(span) is not None:
        return False
    words = [t.lower_ for t in span]
    titled = [w in title_words() or w in roles() for w in words]
    if any(titled) and all(t or not w.isalpha() for t, w in zip(titled, words, strict=True)):
        return True  # "Professor Emeritus", "Emeritus", "Executive" alone
    if len(span) < 2:
        return False
    if words[0] in title_words() and len(words) > 1 and words[1] in {"of", "for"}:
        return True  # "Emeritus of Mathematics" once "Professor" is cut off
    root = span.root
    while root.dep_ == "conj" and root.head.pos_ in {"NOUN", "PROPN"}:
        root = root.head  # "..., Visiting Professor at X, and Andrew D. White Professor"
    predicative = root.dep_ in {"attr", "oprd", "appos"} or (
        root.dep_ == "pobj" and root.head.lower_ == "as"
    )
    if not predicative:
        return False
    for k in (3, 2, 1):
        if len(words) > k and " ".join(words[-k:]) in roles():
            return True
        if len(words) > k and " ".join(words[:k]) in roles() and words[k] in {"of", "for"}:
            return True
    return False


def _media_name(token: Token) -> Mention | None:
    """An untagged name before a media noun: "Rossiya-1 television"."""
    head = class_nouns().get(token.head.lower_)
    if token.pos_ != "PROPN" or token.dep_ != "compound" or head is None or head.sector != "media":
        return None
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].pos_ == "PROPN"
        and token.doc[start - 1].head.i in (start, token.head.i)
    ):
        start -= 1
    span = token.doc[start : token.i + 1]
    lower = span.text.lower()
    return _mention(
        span, "Organization", f"org:{lower}", "context", country=media().get(lower), sector="media"
    )


@cache
def _institution_words() -> frozenset[str]:
    """The last words of institution heads: only these can head an institution."""
    return frozenset(head.split()[-1] for head in institutions())


def _institution(token: Token, country_before: Callable[[int], str | None]) -> Mention | None:
    """A country-qualified institution or collective headed by ``token``:
    "Russian servicemen", "the Venezuelan parliament", "Venezuela's opposition",
    "the country's opposition" (the country: the last country named before).
    A country's collectives of one sector are one Group: "Russian servicemen"
    and "Russian military specialists" are "Russian military personnel"."""
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
    label = group_labels().get(entry.sector, entry.label) if entry.type == "Group" else entry.label
    key = (
        f"group:{country.iso3}:{entry.sector}"
        if entry.type == "Group"
        else f"{entry.type.lower()}:{country.iso3}:{entry.label.lower()}"
    )
    mention = _mention(
        span,
        entry.type,
        key,
        "lexicon",
        country=country.iso3,
        sector=entry.sector,
        label=f"{adjective} {label}",
        is_name=False,
        part_of_country=entry.part_of,
    )
    mention.head = token.i
    return mention


def _country_of_modifier(child: Token) -> gazetteer.CountryInfo | None:
    if child.dep_ in {"amod", "compound", "nmod"}:
        words = child.doc[child.left_edge.i : child.i + 1].text  # "Sri Lankan", "South African"
        return (
            gazetteer.demonym(words)
            or gazetteer.demonym(child.text)
            or gazetteer.country(child.text)
        )
    if child.dep_ == "poss":
        return gazetteer.country(child.text)
    if child.dep_ == "prep" and child.lower_ == "of":
        for pobj in child.children:
            if pobj.dep_ == "pobj":
                return gazetteer.country(pobj.text)
    return None


def _type_persons_by_article(mentions: list[Mention]) -> None:
    """A name or surname the article gives to a person is a person wherever the
    model alone typed it otherwise ("Donald Trump" ... "Trump" tagged ORG)."""
    persons: set[str] = set()
    for mention in mentions:
        if mention.type == "Person":
            persons.add(gazetteer.normalise(mention.text))
            persons.add(gazetteer.normalise(mention.text.split()[-1]))
    for mention in mentions:
        if mention.type == "Person" or not mention.is_name or not mention.typed_by_model:
            continue
        if gazetteer.normalise(mention.text) in persons:
            mention.type = "Person"
            mention.key = f"person:{gazetteer.normalise(mention.text)}"
            mention.country = mention.sector = mention.label = None


def _cities_in_their_region(doc: Doc, mentions: list[Mention]) -> None:
    """ "Camas, Wash.", "Dover, Del.": a city followed by its state or country is
    the city of that name there, not the largest one elsewhere; a town the
    gazetteer does not know there keeps no outside id and takes the country."""
    starts = {m.start: m for m in mentions}
    for mention in mentions:
        if mention.type not in {"City", "Place"} or mention.end + 1 >= len(doc):
            continue
        whole = starts.get(mention.end + 1) if doc[mention.end].text == "," else None
        if whole is None or whole.type not in {"Region", "Country"} or not whole.country:
            continue
        if not mention.key.startswith("city:"):
            mention.country = mention.country or whole.country
            continue
        us_state = whole.key.startswith("region:US-")
        here = gazetteer.city(mention.text, whole.key[7:] if us_state else whole.country)
        if here is None:
            mention.key = f"place:{gazetteer.normalise(mention.text)}"
            mention.label, mention.identifiers, mention.country = None, (), whole.country
        elif mention.key != f"city:{here.geonameid}":
            mention.key, mention.label = f"city:{here.geonameid}", here.name
            mention.country, mention.identifiers = here.iso3, here.identifiers


def _may_be_name(token: Token, taken: set[int]) -> bool:
    """A capitalised proper noun that no mention holds and that the model did not
    read as something else ("May" the month is not Theresa May)."""
    return (
        token.i not in taken
        and token.text[:1].isupper()
        and token.pos_ == "PROPN"
        and token.ent_type_ in {"", *NER_TYPES}
    )


def _missed_names(
    doc: Doc, first: int, mentions: list[Mention], taken: set[int]
) -> Iterator[Mention]:
    """Names the article gives to a person or an organisation, found again where
    the model did not tag them: the full name, or a person's surname."""
    known: dict[str, list[tuple[tuple[str, ...], Mention]]] = {}
    for mention in mentions:
        if not mention.is_name or mention.type not in {"Person", "Organization"}:
            continue
        words = tuple(t.text for t in doc[mention.start : mention.end])
        forms = [words]
        if mention.type == "Person" and len(words) > 1:
            forms.append(words[-1:])
        for form in forms:
            known.setdefault(form[0], []).append((form, mention))
    if not known:
        return
    for forms in known.values():
        forms.sort(key=lambda pair: -len(pair[0]))
    i = first
    while i < len(doc):
        token = doc[i]
        candidates = known.get(token.text) if _may_be_name(token, taken) else None
        found = next(
            (
                (form, source)
                for form, source in candidates or ()
                if tuple(t.text for t in doc[i : i + len(form)]) == form
                and not taken.intersection(range(i, i + len(form)))
            ),
            None,
        )
        if found is None:
            i += 1
            continue
        form, source = found
        span = doc[i : i + len(form)]
        key = f"person:{span.text.lower()}" if source.type == "Person" else source.key
        mention = _mention(
            span, source.type, key, "article", country=source.country, sector=source.sector
        )
        mention.label = source.label if source.type != "Person" else None
        yield mention
        i += len(form)


def _title_country(doc: Doc, start: int) -> str | None:
    """The country named in the words that qualify a person's name: "Venezuelan
    opposition leader Juan Guaido", "US State Secretary Mike Pompeo", "Pompeo's
    Russian counterpart, Sergey Lavrov", "Lavrov, Russia's foreign minister"."""
    name = doc[start]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    words = list(_left_modifiers(doc, start))
    titles = [name.head] if name.dep_ == "appos" else []
    titles += [c for c in name.children if c.dep_ == "appos"]
    for title in titles:
        words += [c for c in title.children if c.dep_ in {"amod", "compound", "poss"}]
    found = (gazetteer.country_word(word.text) for word in words)
    return next((info.iso3 for info in found if info is not None), None)


def _left_modifiers(doc: Doc, start: int) -> Iterator[Token]:
    i = start - 1
    while i >= 0 and doc[i].dep_ in {"compound", "amod", "nmod"} and doc[i].head.i > i:
        yield doc[i]
        i -= 1


def _persons_by_clause(doc: Doc, first: int, taken: set[int]) -> Iterator[Mention]:
    """Names the model missed whose clause says they are persons: "Milnor is a
    professor at ...", "Okafor, who ...", "Lindqvist was born in ..."."""
    for token in doc[first:]:
        if token.dep_ not in {"nsubj", "nsubjpass"} or not _may_be_name(token, taken):
            continue
        if token.lower_ in roles() or token.lower_ in class_nouns():  # "the President was born"
            continue
        start = token.i
        while (
            start > first
            and doc[start - 1].dep_ == "compound"
            and _may_be_name(doc[start - 1], taken)
        ):
            start -= 1
        span = doc[start : token.i + 1]
        if clause_says_person(span) and span[-1].text not in name_heads():
            yield _mention(span, "Person", f"person:{span.text.lower()}", "context")


def _organisations_by_clause(doc: Doc, first: int, taken: set[int]) -> Iterator[Mention]:
    """Names the model missed that a verb of employment or a role noun takes as
    the organisation: "before joining AV Labs", "a partner at Holm Kvist"."""

    def name_word(token: Token) -> bool:  # the model often calls a company a PRODUCT
        return _may_be_name(token, taken) or (
            token.ent_type_ in MISREAD_COMPANIES
            and token.i not in taken
            and token.text[:1].isupper()
        )

    for token in doc[first:]:
        if token.dep_ not in {"dobj", "pobj"} or not name_word(token):
            continue
        start = token.i
        while (
            start > first
            and doc[start - 1].dep_ in {"compound", "nummod"}
            and (name_word(doc[start - 1]) or doc[start - 1].like_num)
        ):
            start -= 1
        span = doc[start : token.i + 1]
        if start > 0 and doc[start - 1].is_quote:
            continue  # founded "Hats Off to Hattie", a fundraiser: a title, not a company
        if joined(span) and not _known_place(span.text) and not gazetteer.country(span.text):
            yield _mention(span, "Organization", f"org:{span.text.lower()}", "context")


def _given_name_persons(doc: Doc, first: int, taken: set[int]) -> Iterator[Mention]:
    """Names the model missed that start with a known first name: "Ana Ruiz
    called ..." (two to four capitalised proper nouns, no place or company word
    at the end)."""
    names = given_names()
    i = first
    while i < len(doc) - 1:
        token = doc[i]
        if token.lower_ not in names or not _may_be_name(token, taken) or token.ent_type_:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and _may_be_name(doc[end], taken):
            if doc[end].lower_ in roles() or doc[end].lower_ in title_words():
                break  # "Andrew Carlton Professor": the name stops at the title
            end += 1
        span = doc[i:end]
        if (
            len(span) > 1
            and not doc[end - 1].ent_type_
            and doc[end - 1].text not in name_heads()
            and not _names_a_chair(span)
        ):
            yield _mention(span, "Person", f"person:{span.text.lower()}", "context")
        i = end
