"""JSON-LD that reads cleanly: the project's context (``ontology/context.jsonld``).

With the context, keys are the vocabulary's own names (``prefLabel``,
``source``, ``evidenceStart``), classes are plain names (``"@type":
"Support"``), relation types read as ``"relationType": "supports"``, numbers
and booleans are JSON numbers and booleans, dates and decimals keep their
types. Parsing the output gives back exactly the triples it was made from.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import SKOS
>>> g = Graph().add((URIRef("http://e/entity/cuba"), SKOS.prefLabel, Literal("Cuba")))
>>> '"prefLabel": "Cuba"' in graph_jsonld(g).decode()
True
"""

from __future__ import annotations

import json
from functools import cache

from rdflib import Dataset, Graph

from ontology import CONTEXT


@cache
def context() -> dict:
    """The JSON-LD context of the vocabulary (the object under ``@context``)."""
    return json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]


def graph_jsonld(graph: Graph) -> bytes:
    """One graph as compacted JSON-LD."""
    return graph.serialize(format="json-ld", context=context(), use_native_types=True).encode()


def dataset_jsonld(nquads: bytes) -> bytes:
    """A dataset given as N-Quads as compacted JSON-LD, one ``@graph`` per named graph."""
    data = Dataset()
    data.parse(data=nquads, format="nquads")
    return data.serialize(format="json-ld", context=context(), use_native_types=True).encode()
