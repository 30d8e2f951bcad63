"""``kg.sparql_kind``: the form of a request, whether it calls other
endpoints and whether it names its own dataset, read without running it."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.sparql_kind import declares_dataset, query_kind, query_shape


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("PREFIX ex: <http://e/> ASK { ?s ex:p ?o }", "ASK"),
        ("PREFIX : <http://e/> SELECT * WHERE { ?s :p ?o }", "SELECT"),
        ("BASE <http://e/> PREFIX : <x> PREFIX a.b: <y> CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("# a comment: SELECT\nDESCRIBE <http://e/a>", "DESCRIBE"),
        ("prefix select: <http://e/> select ?x { ?x select:p 1 }", "SELECT"),
    ],
)
def test_query_kind(text, kind):
    assert query_kind(text) == kind


@pytest.mark.parametrize(
    "text", ["DROP ALL", "PREFIX : <http://e/> INSERT DATA { :a :p 1 }", "WHERE { ?s ?p ?o }", ""]
)
def test_updates_and_other_text_are_no_queries(text):
    with pytest.raises(QueryError):
        query_kind(text)


@pytest.mark.parametrize(
    ("text", "federated"),
    [
        ("SELECT * WHERE { SERVICE <http://e/sparql> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { ?s ?p ?o .SERVICE <http://e/sparql> { ?s ?p ?o } }", True),
        ("SELECT * WHERE { service silent <http://e/sparql> { ?s ?p ?o } }", True),
        ("SELECT ?service WHERE { ?service ?p ?o }", False),
        ("SELECT $service WHERE { $service ?p ?o }", False),
        ("PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:service ?o }", False),
        ("PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a-service ?o }", False),
        ('SELECT * WHERE { ?s ?p "SERVICE"@en }', False),
        ("SELECT * WHERE { ?s <http://e/SERVICE> ?o }", False),
    ],
)
def test_federated_queries_are_told_by_the_keyword_alone(text, federated):
    assert query_shape(text) == (query_kind(text), federated)


@pytest.mark.parametrize(
    ("text", "declared"),
    [
        ("SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }", True),
        ("SELECT * from named <http://e/g> WHERE { GRAPH ?g { ?s ?p ?o } }", True),
        ("CONSTRUCT { ?s ?p ?o } FROM <http://e/g> WHERE { ?s ?p ?o }", True),
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("SELECT ?from WHERE { ?from ?p ?o }", False),
        ("PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:from ?o }", False),
        ('SELECT * WHERE { ?s ?p "FROM" } # FROM', False),
    ],
)
def test_a_dataset_clause_is_told_by_the_keyword_alone(text, declared):
    assert declares_dataset(text) is declared
