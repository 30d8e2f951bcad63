"""A hand-built extraction that takes every path of the RDF builder.

Our own words, not from any article: every entity type, a stative relation
with a role, an interaction with a cue, a day and a quantity, a negated one
(no direct triple), an act with one participant (no target, no direct
triple), a statement with a speaker, one without, and one by an unnamed source.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rdflib import Graph, URIRef

from kg.models import Article, Entity, Extraction, Quantity, Relation, Span, Statement, TimeSpan
from kg.rdf.build import build_article_graph
from kg.rdf.entities import merged_description, views_in
from kg.rdf.iris import Iris

TEXT = (
    "Ruritania sent 40 tonnes of grain to Freedonia on Monday, minister Anna Berg said. "
    "Freedonia did not thank Ruritania. The Grain Board in Zenda, a city of Upper Ruritania, "
    "will help, the World Food Fund said last week. Officials said the talks would go on. "
    "The Grain Board resigned."
)
IRIS = Iris("http://kg.example/")


def span(text: str, occurrence: int = 0) -> Span:
    """The ``occurrence``-th place ``text`` stands in ``TEXT``."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), text)


def sentence(number: int) -> Span:
    starts = [0, TEXT.index("Freedonia did"), TEXT.index("The Grain"), TEXT.index("Officials")]
    starts.append(TEXT.index("The Grain Board resigned"))
    ends = [*starts[1:], len(TEXT) + 1]
    start, end = starts[number], ends[number] - 1
    return Span(start, end, TEXT[start:end])


MONDAY = TimeSpan(date(2024, 5, 6), date(2024, 5, 6), "day", "on Monday")
LAST_WEEK = TimeSpan(date(2024, 4, 29), date(2024, 5, 5), "week", "last week")

ENTITIES = (
    Entity(
        "ruritania",
        "Ruritania",
        "Country",
        ("Ruritanian",),
        "RUR",
        None,
        (span("Ruritania"), span("Ruritania", 1)),
        ("https://sws.geonames.org/1/",),
    ),
    Entity(
        "freedonia",
        "Freedonia",
        "Country",
        (),
        "FRE",
        None,
        (span("Freedonia"), span("Freedonia", 1)),
    ),
    Entity(
        "anna-berg", "Anna Berg", "Person", ("Berg",), "RUR", "government", (span("Anna Berg"),)
    ),
    Entity(
        "grain-board",
        "Grain Board",
        "Organization",
        (),
        "RUR",
        "government",
        (span("Grain Board"),),
    ),
    Entity("zenda", "Zenda", "City", (), "RUR", None, (span("Zenda"),)),
    Entity(
        "upper-ruritania", "Upper Ruritania", "Region", (), "RUR", None, (span("Upper Ruritania"),)
    ),
    Entity(
        "world-food-fund", "World Food Fund", "Group", (), None, None, (span("World Food Fund"),)
    ),
    Entity("grain", "grain", "Other", (), None, None, (span("grain", 0),)),
)
RELATIONS = (
    Relation(
        "ruritania",
        "supplies",
        "freedonia",
        sentence(0),
        0.8,
        "interactions.verb/1",
        time=MONDAY,
        cue=span("sent"),
        quantities=(Quantity(40.0, "tonnes", "grain", span("40 tonnes of grain")),),
        plover="AID",
        cameo="07",
    ),
    Relation(
        "anna-berg",
        "holdsPosition",
        "ruritania",
        sentence(0),
        0.7,
        "stative.title/1",
        role="minister",
        cue=span("minister"),
    ),
    Relation(
        "freedonia",
        "supports",
        "ruritania",
        sentence(1),
        0.6,
        "interactions.verb/1",
        negated=True,
        cue=span("thank"),
    ),
    Relation("grain-board", "locatedIn", "zenda", sentence(2), 0.7, "stative.apposition/1"),
    Relation("zenda", "locatedIn", "upper-ruritania", sentence(2), 0.7, "stative.apposition/1"),
    Relation(
        "world-food-fund",
        "supports",
        "grain-board",
        sentence(2),
        0.5,
        "interactions.verb/1",
        modality="future",
        time=LAST_WEEK,
        cue=span("help"),
    ),
    Relation(
        "grain-board",
        "concedes",
        None,
        sentence(4),
        0.6,
        "interactions.verb.resign+alone/2",
        cue=span("resigned"),
        plover="RETREAT",
        cameo="08",
    ),
)
STATEMENTS = (
    Statement(
        "anna-berg",
        span("minister Anna Berg"),
        span("said"),
        "reported",
        span("Ruritania sent 40 tonnes of grain to Freedonia on Monday"),
        sentence(0),
        0.9,
        "statements.cue-verb/1",
        MONDAY,
    ),
    Statement(
        None,
        None,
        span("said", 1),
        "reported",
        span("The Grain Board in Zenda, a city of Upper Ruritania, will help"),
        sentence(2),
        0.6,
        "statements.cue-verb/1",
        LAST_WEEK,
    ),
    Statement(
        None,
        span("Officials"),
        span("said", 2),
        "reported",
        span("the talks would go on"),
        sentence(3),
        0.7,
        "statements.cue-verb/1",
        speaker_type="Group",
    ),
)
ARTICLE = Article(
    "sample/1",
    TEXT,
    date(2024, 5, 7),
    "Grain for Freedonia",
    "https://news.example/grain",
    "Example Wire",
    "ZENDA",
    "A. Writer",
    0,
)
EXTRACTION = Extraction(ARTICLE, ENTITIES, RELATIONS, STATEMENTS)
CANONICAL = {e.id: IRIS.entity(e.id) for e in ENTITIES}


def sample_graph():
    """The article graph of the sample extraction."""
    return build_article_graph(EXTRACTION, CANONICAL, IRIS)


def entities_of(article: Graph, entities: Iterable[URIRef]) -> Graph:
    """The entities graph a store holding only ``article`` would have."""
    merged = Graph()
    for entity in entities:
        merged += merged_description(entity, views_in(article, entity, "http://kg.example/g/a"))
    return merged
