"""IRIs: deterministic, readable, collision-safe."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from kg.rdf.iris import Iris, Unique

IRIS = Iris("http://kg.example/")


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({}, "97-russia-supports-maduro"),
        ({"negated": True}, "97-russia-not-supports-maduro"),
        ({"modality": "demanded"}, "97-russia-supports-maduro-demanded"),
        (
            {"modality": "asserted", "role": "Foreign Minister"},
            "97-russia-supports-maduro-foreign-minister",
        ),
    ],
)
def test_relation_iris_name_what_sets_records_apart(kwargs, name):
    iri = IRIS.relation("a1", 97, "russia", "supports", "maduro", **kwargs)
    assert str(iri) == f"http://kg.example/article/a1/relation/{name}"


@pytest.mark.parametrize("article_id", ["a1", "with space", "a/b", "é-ü", "x%2Fy", "mention"])
def test_article_ids_round_trip_through_every_iri(article_id):
    assert IRIS.article_id_of_graph(str(IRIS.article_graph(article_id))) == article_id
    for iri in (
        IRIS.article(article_id),
        IRIS.mention(article_id, 3, 9),
        IRIS.statement(article_id, 3, 9),
        IRIS.relation(article_id, 3, "a", "supports", "b"),
    ):
        assert IRIS.article_of(str(iri)) == article_id
        assert " " not in str(iri)


def test_different_article_ids_never_share_an_iri():
    ids = ["a", "a/mention", "a%2Fmention", "a mention", "a-mention"]
    assert len({str(IRIS.article(i)) for i in ids}) == len(ids)


def test_other_iris_belong_to_no_article():
    assert IRIS.article_of("http://kg.example/entity/russia") is None
    assert IRIS.article_of("http://other.example/article/a1") is None
    assert IRIS.entity_slug("http://kg.example/entity/sergey-lavrov") == "sergey-lavrov"


def test_unique_numbers_repeats_in_order_and_is_deterministic():
    names = [URIRef(f"http://e/{n}") for n in ["x", "y", "x", "x-2", "x"]]
    runs = [[str(unique(n))[9:] for n in names] for unique in (Unique(), Unique())]
    assert runs[0] == runs[1] == ["x", "y", "x-2", "x-2-2", "x-3"]
