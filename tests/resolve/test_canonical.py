"""One canonical entity per actor across articles, with order-independent IRIs."""

from __future__ import annotations

import itertools

import pytest

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.models import Article, Entity, Extraction, Span
from kg.read import read_articles
from kg.resolve.overrides import parse_overrides
from tests.conftest import EXAMPLES

ENTITIES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?label ?class WHERE {
  GRAPH <http://127.0.0.1:8000/graph/entities> { ?e a ?class ; skos:prefLabel ?label }
}"""
DENOTES = """
PREFIX kg: <https://w3id.org/newskg/ns#>
SELECT ?m ?e WHERE { ?m kg:denotes ?e }"""
PEOPLE = [
    "Sergey Lavrov",
    "Donald Trump",
    "Mike Pompeo",
    "Maria Zakharova",
    "Juan Guaido",
    "Nicolas Maduro",
]


def extraction(article_id: str, *entities: tuple[str, str] | tuple[str, str, tuple]) -> Extraction:
    """An extraction naming ``(label, type[, aliases])`` once each."""
    text = " ".join(e[0] for e in entities)
    records, start = [], 0
    for n, (label, type_, *rest) in enumerate(entities):
        span = Span(start, start + len(label), label)
        start += len(label) + 1
        aliases = rest[0] if rest else ()
        records.append(Entity(f"e{n}", label, type_, aliases=aliases, mentions=(span,)))
    return Extraction(Article(article_id, text), entities=tuple(records))


def ingest(extractions: list[Extraction], overrides: dict | None = None) -> dict[str, str]:
    """``"label (Type)"`` -> entity slug of the canonical entities after writing
    ``extractions`` in this order."""
    graph = KnowledgeGraph(Settings(store=":memory:"))
    if overrides is not None:
        graph.overrides = parse_overrides(overrides, "test")
    try:
        for item in extractions:
            graph.write(item)
        rows = graph.store.select(ENTITIES)
        return {
            f"{r['label']} ({str(r['class']).rsplit('#', 1)[1]})": str(r["e"]).rsplit("/", 1)[1]
            for r in rows
        }
    finally:
        graph.close()


def in_every_order(*extractions: Extraction, overrides: dict | None = None) -> dict[str, str]:
    results = [ingest(list(order), overrides) for order in itertools.permutations(extractions)]
    assert all(result == results[0] for result in results), results
    return results[0]


def test_a_fuller_name_repoints_the_entity_in_any_order():
    found = in_every_order(
        extraction("a", ("Guaido", "Person")),
        extraction("b", ("Juan Guaido", "Person")),
        extraction("c", ("Guaido", "Person"), ("Caracas", "City")),
    )
    assert found == {"Juan Guaido (Person)": "juan-guaido", "Caracas (City)": "caracas"}


def test_conflicting_first_names_are_never_merged():
    found = in_every_order(
        extraction("a", ("Donald Trump", "Person")),
        extraction("b", ("Ivanka Trump", "Person")),
    )
    assert found == {
        "Donald Trump (Person)": "donald-trump",
        "Ivanka Trump (Person)": "ivanka-trump",
    }


def test_a_bare_surname_shared_by_two_full_names_stays_apart():
    found = ingest(
        [
            extraction("a", ("Donald Trump", "Person")),
            extraction("b", ("Ivanka Trump", "Person")),
            extraction("c", ("Trump", "Person")),
        ]
    )
    assert set(found.values()) == {"donald-trump", "ivanka-trump", "trump"}


def test_a_middle_name_in_one_form_only_needs_evidence():
    apart = in_every_order(
        extraction("a", ("George Bush", "Person")),
        extraction("b", ("George W. Bush", "Person")),
    )
    assert set(apart.values()) == {"george-bush", "george-w-bush"}
    joined = ingest(
        [
            extraction("a", ("George Bush", "Person")),
            extraction("b", ("George W. Bush", "Person", ("George Bush",))),
        ]
    )
    assert joined == {"George W. Bush (Person)": "george-w-bush"}


def test_a_slug_shared_by_two_types_goes_to_the_higher_type_in_any_order():
    found = in_every_order(
        extraction("a", ("Georgia", "Region")),
        extraction("b", ("Georgia", "Country")),
    )
    assert found == {"Georgia (Country)": "georgia", "Georgia (Region)": "georgia-region"}


def test_identity_file_merges_retypes_and_splits():
    overrides = {
        "entities": [
            {"label": "Sergey Lavrov", "aliases": ["Sergei Lavrov"]},
            {"label": "Rossiya-1", "type": "Organization", "aliases": ["Russia-1"]},
        ],
        "distinct": [["Juan Guaido", "Guaido"]],
    }
    found = in_every_order(
        extraction("a", ("Sergei Lavrov", "Person"), ("Russia-1", "Person")),
        extraction("b", ("Sergey Lavrov", "Person"), ("Guaido", "Person")),
        extraction("c", ("Juan Guaido", "Person")),
        overrides=overrides,
    )
    assert found == {
        "Sergey Lavrov (Person)": "sergey-lavrov",
        "Rossiya-1 (Organization)": "rossiya-1",
        "Guaido (Person)": "guaido",
        "Juan Guaido (Person)": "juan-guaido",
    }


@pytest.fixture(scope="module")
def articles(seed_article) -> list[Article]:
    return [seed_article, *read_articles([EXAMPLES])]


@pytest.fixture(scope="module")
def both_orders(extractor, articles):
    """(entities, mention -> entity) after ingesting seed + examples in two orders."""
    results = []
    for order in (articles, articles[::-1]):
        graph = KnowledgeGraph(Settings(store=":memory:"), extractor=extractor)
        try:
            graph.ingest(order)
            entities = {(str(r["e"]), str(r["label"])) for r in graph.store.select(ENTITIES)}
            denotes = {(str(r["m"]), str(r["e"])) for r in graph.store.select(DENOTES)}
        finally:
            graph.close()
        results.append((entities, denotes))
    return results


@pytest.mark.parametrize("person", PEOPLE)
def test_one_entity_per_person_across_the_seed_and_our_articles(both_orders, articles, person):
    entities, denotes = both_orders[0]
    last = person.split()[-1]
    named = [iri for iri, label in entities if last in label]
    assert len(named) == 1, named
    assert named[0].endswith("/" + person.lower().replace(" ", "-"))
    linked = {m.split("/article/")[1].split("/")[0] for m, e in denotes if e == named[0]}
    naming = {a.id for a in articles if last in a.text[a.body_start :]}
    assert len(naming) >= 2
    assert linked == naming  # every article that names the person, by any form


def test_ingest_order_does_not_change_iris(both_orders):
    (entities, denotes), (entities_reversed, denotes_reversed) = both_orders
    assert entities == entities_reversed
    assert denotes == denotes_reversed


def test_an_entity_deleted_with_its_article_is_not_joined():
    graph = KnowledgeGraph(Settings(store=":memory:"))
    try:
        graph.write(extraction("a", ("Ivanka Trump", "Person")))
        graph.delete("a")
        graph.write(extraction("b", ("Trump", "Person")))
        graph.write(extraction("c", ("Donald Trump", "Person")))
        rows = graph.store.select(ENTITIES)
        assert {str(r["e"]).rsplit("/", 1)[1] for r in rows} == {"donald-trump"}
    finally:
        graph.close()


def test_a_new_graph_on_a_stored_store_reads_its_entities(tmp_path):
    settings = Settings(store=str(tmp_path / "store"))
    first = KnowledgeGraph(settings)
    try:
        first.write(extraction("a", ("Juan Guaido", "Person")))
    finally:
        first.close()
    second = KnowledgeGraph(settings)
    try:
        second.write(extraction("b", ("Guaido", "Person")))
        rows = second.store.select(ENTITIES)
        assert {str(r["e"]).rsplit("/", 1)[1] for r in rows} == {"juan-guaido"}
    finally:
        second.close()
