"""SHACL shapes: every graph the builder writes conforms; broken graphs do not.

The broken graphs are the hand-built sample with one thing wrong each: one
row per important constraint of ``ontology/shapes.ttl``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal

from kg.config import Settings
from kg.graph import KnowledgeGraph
from kg.rdf.shacl import validate, validate_store
from kg.rdf.vocab import KG, OA
from kg.read import read_articles
from tests.conftest import EXAMPLES
from tests.rdf.sample import CANONICAL, IRIS, entities_of, sample_graph

ARTICLE = IRIS.article("sample/1")
SUPPLY = next(iter(sample_graph().subjects(RDF.type, KG.Supply)))
QUANTITY = next(iter(sample_graph().subjects(RDF.type, KG.Quantity)))
STATEMENT = next(iter(sample_graph().subjects(KG.speaker, None)))
UNNAMED = next(iter(sample_graph().subjects(KG.speakerType, None)))
MENTION = IRIS.mention("sample/1", 0, 9)
RURITANIA, FREEDONIA = CANONICAL["ruritania"], CANONICAL["freedonia"]


def replace(g: Graph, s, p, o) -> None:
    g.set((s, p, o))


def shift_mention(g: Graph) -> None:
    replace(g, IRIS.selector(MENTION), OA.start, Literal(1, datatype=XSD.integer))


def blank_record(g: Graph) -> None:
    blank = BNode()
    for p, o in list(g.predicate_objects(SUPPLY)):
        g.add((blank, p, o))
    g.remove((SUPPLY, None, None))


MUTATIONS: list[tuple[str, Callable[[Graph], None], str]] = [
    ("article without id", lambda g: g.remove((ARTICLE, KG.articleId, None)), "kg:articleId"),
    (
        "wrong content hash",
        lambda g: replace(g, ARTICLE, KG.contentHash, Literal("0" * 64)),
        "content hash",
    ),
    ("mention offsets off the text", shift_mention, "mention/0-9 is not the article text"),
    ("mention without entity", lambda g: g.remove((MENTION, KG.denotes, None)), "kg:denotes"),
    (
        "mention selector without end",
        lambda g: g.remove((IRIS.selector(MENTION), OA.end, None)),
        "oa:end",
    ),
    (
        "evidence offsets off the text",
        lambda g: replace(g, SUPPLY, KG.evidenceStart, Literal(2, datatype=XSD.integer)),
        "is not the article text",
    ),
    (
        "cue offsets off the text",
        lambda g: replace(g, SUPPLY, KG.cueEnd, Literal(12, datatype=XSD.integer)),
        "is not the article text",
    ),
    ("cue without its offsets", lambda g: g.remove((SUPPLY, KG.cueStart, None)), "kg:cueStart"),
    (
        "confidence above one",
        lambda g: replace(g, SUPPLY, KG.confidence, Literal("1.5", datatype=XSD.decimal)),
        "kg:confidence",
    ),
    (
        "record class not its relation type's",
        lambda g: replace(g, SUPPLY, RDF.type, KG.Support),
        "record class",
    ),
    (
        "asserted record without its direct triple",
        lambda g: g.remove((RURITANIA, KG.supplies, FREEDONIA)),
        "no direct triple",
    ),
    (
        "direct triple of a negated record",
        lambda g: g.add((FREEDONIA, KG.supports, RURITANIA)),
        "not negated record beside it",
    ),
    (
        "dates in the wrong order",
        lambda g: replace(g, SUPPLY, KG.dateStart, Literal("2024-06-01", datatype=XSD.date)),
        "kg:dateStart",
    ),
    (
        "a day that is not the start",
        lambda g: replace(g, SUPPLY, KG.date, Literal("2024-05-05", datatype=XSD.date)),
        "dated to a day",
    ),
    ("dates without their words", lambda g: g.remove((SUPPLY, KG.dateText, None)), "kg:dateText"),
    (
        "unknown modality",
        lambda g: replace(g, SUPPLY, KG.modality, Literal("maybe")),
        "kg:modality",
    ),
    (
        "record without extractor version",
        lambda g: g.remove((SUPPLY, KG.extractorVersion, None)),
        "kg:extractorVersion",
    ),
    ("record without article", lambda g: g.remove((SUPPLY, KG.inArticle, None)), "kg:inArticle"),
    ("record with two sources", lambda g: g.add((SUPPLY, KG.source, FREEDONIA)), "kg:source"),
    ("a blank-node record", blank_record, "IRI"),
    (
        "unknown property on a record",
        lambda g: g.add((SUPPLY, KG.speaker, RURITANIA)),
        "kg:speaker",
    ),
    ("entity of two kinds", lambda g: g.add((RURITANIA, RDF.type, KG.Person)), "exactly one kind"),
    (
        "entity with two labels",
        lambda g: g.add((RURITANIA, RDFS.label, Literal("Ruritanie"))),
        "exactly one label",
    ),
    (
        "country code that is a name",
        lambda g: replace(g, RURITANIA, KG.countryCode, Literal("Ruritania")),
        "kg:countryCode",
    ),
    (
        "speaker who did not say it",
        lambda g: g.remove((CANONICAL["anna-berg"], KG.said, None)),
        "same",
    ),
    ("statement without content", lambda g: g.remove((STATEMENT, KG.content, None)), "kg:content"),
    (
        "quantity without amount",
        lambda g: g.remove((QUANTITY, KG.amount, None)),
        "kg:amount",
    ),
    (
        "a stative relation without target",
        lambda g: g.remove((next(g.subjects(RDF.type, KG.Location)), KG.target, None)),
        "kg:target",
    ),
    (
        "a CAMEO code that is a name",
        lambda g: replace(g, SUPPLY, KG.cameoCode, Literal("aid")),
        "kg:cameoCode",
    ),
    (
        "unknown kind of unnamed speaker",
        lambda g: replace(g, UNNAMED, KG.speakerType, Literal("Robot")),
        "kg:speakerType",
    ),
    (
        "unknown kind of statement",
        lambda g: replace(g, STATEMENT, KG.kind, Literal("sung")),
        "kg:kind",
    ),
]


def test_the_sample_covers_every_builder_path_and_conforms():
    report = validate(sample_graph())
    assert report.violations == [] and report.warnings == []


def test_an_act_with_one_participant_is_a_record_without_target_nor_direct_triple():
    graph = sample_graph()
    (record,) = graph.subjects(RDF.type, KG.Concession)
    assert graph.value(record, KG.source) == CANONICAL["grain-board"]
    assert graph.value(record, KG.target) is None
    assert not list(graph.triples((CANONICAL["grain-board"], KG.concedes, None)))


@pytest.mark.parametrize(
    ("mutate", "expected"), [m[1:] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS]
)
def test_a_broken_graph_fails_for_the_right_reason(mutate, expected):
    graph = sample_graph()
    mutate(graph)
    report = validate(graph)
    assert not report.conforms
    assert any(expected in str(finding) for finding in report.violations), report.violations


def test_an_implausible_reading_is_a_warning_not_a_violation():
    graph = sample_graph()
    graph.set((CANONICAL["anna-berg"], RDF.type, KG.City))  # a city that speaks
    report = validate(graph)
    assert report.conforms
    assert {f.message for f in report.warnings} >= {
        "only an actor speaks",
        "only a person holds a position",
    }


def test_the_entities_graph_conforms_and_two_preferred_labels_do_not():
    entities = entities_of(sample_graph(), CANONICAL.values())
    assert validate(entities).conforms
    entities.add((RURITANIA, SKOS.prefLabel, Literal("Ruritanie")))
    assert "exactly one label" in str(validate(entities).violations)
    entities.add((RURITANIA, OWL.sameAs, Literal("not an IRI")))
    assert "owl:sameAs" in str(validate(entities).violations)


@pytest.fixture(scope="module")
def seed_and_examples(extractor, seed_extraction):
    """A store written from the seed article and the example articles."""
    graph = KnowledgeGraph(Settings(store=":memory:"), extractor=extractor)
    graph.ingest(read_articles([EXAMPLES]))
    graph.write(seed_extraction)
    yield graph
    graph.close()


def test_every_graph_written_for_the_seed_and_the_examples_conforms(seed_and_examples):
    reports = validate_store(seed_and_examples.store)
    assert len(reports) == 5  # four article graphs and the entities graph
    failing = {name: r.violations[:5] for name, r in reports.items() if not r.conforms}
    assert failing == {}


def test_no_node_is_blank(seed_and_examples):
    data = Dataset()
    data.parse(data=seed_and_examples.store.export("application/n-quads"), format="nquads")
    assert sum(1 for _ in data.quads()) > 1000
    assert not any(isinstance(term, BNode) for quad in data.quads() for term in quad)
