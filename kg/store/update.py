"""A ``GraphChange`` as one SPARQL 1.1 Update request.

Every SPARQL backend applies a change by sending this text as one update,
which the SPARQL 1.1 Protocol runs as one unit (Oxigraph: one transaction).
IRIs are checked by pyoxigraph before they are written into the text, and
the inserted data must be N-Triples, so no user text can change the request.

>>> from kg.store.base import GraphChange
>>> print(update_text(GraphChange(
...     drop=["http://e/g"],
...     retract={"http://e/ents": ["http://e/x"]},
...     insert={"http://e/g": '<http://e/x> <http://e/p> "1" .'},
... )))
DROP SILENT GRAPH <http://e/g> ;
DELETE { GRAPH <http://e/ents> { ?s ?p ?o } } WHERE { VALUES ?s { <http://e/x> } GRAPH <http://e/ents> { ?s ?p ?o } } ;
INSERT DATA { GRAPH <http://e/g> {
<http://e/x> <http://e/p> "1" .
} }
"""  # noqa: E501

from __future__ import annotations

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.base import GraphChange


def _iri(value: str) -> str:
    try:
        return str(ox.NamedNode(value))
    except ValueError:
        raise StoreError(f"not a valid IRI for a graph or subject: {value[:100]!r}") from None


def update_text(change: GraphChange) -> str:
    """The SPARQL Update that applies ``change``; empty when it changes nothing."""
    parts = [f"DROP SILENT GRAPH {_iri(graph)}" for graph in change.drop]
    for graph, subjects in change.retract.items():
        if subjects:
            values = " ".join(_iri(s) for s in sorted(set(subjects)))
            g = _iri(graph)
            parts.append(
                f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} "
                f"WHERE {{ VALUES ?s {{ {values} }} GRAPH {g} {{ ?s ?p ?o }} }}"
            )
    for graph, ntriples in change.insert.items():
        if ntriples.strip():
            parts.append(f"INSERT DATA {{ GRAPH {_iri(graph)} {{\n{ntriples.strip()}\n}} }}")
    return " ;\n".join(parts)
