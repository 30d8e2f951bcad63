"""How many actors and interactions a store holds, counted with SPARQL of the
tests' own, independent of the library code that builds and draws the
actor network: what a picture of the network must show."""

from __future__ import annotations

from kg.lexicon import predicates
from kg.queries import PREFIXES
from kg.store import GraphStore

ACTOR_CLASSES = "kg:Person, kg:Organization, kg:Country, kg:Group"
INTERACTIONS = " ".join(f"kg:{n}" for n, i in predicates().items() if i.kind == "interaction")
FACTUAL_EDGES = f"""
  ?r kg:source ?s ; kg:target ?o ; kg:relationType ?t ; kg:negated false ; kg:modality ?m .
  FILTER(?m IN ("asserted", "reported"))
  VALUES ?t {{ {INTERACTIONS} }}
  FILTER EXISTS {{ ?s a ?sc FILTER(?sc IN ({ACTOR_CLASSES})) }}
  FILTER EXISTS {{ ?o a ?oc FILTER(?oc IN ({ACTOR_CLASSES})) }}"""
ACTORS = (
    PREFIXES
    + f"""SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?s ?o WHERE {{ {FACTUAL_EDGES} }} }}
  VALUES ?end {{ 1 2 }} BIND(IF(?end = 1, ?s, ?o) AS ?a) }}"""
)
EDGES = (
    PREFIXES
    + f"""SELECT ?loop (COUNT(*) AS ?n) WHERE {{
  {{ SELECT DISTINCT ?s ?t ?o WHERE {{ {FACTUAL_EDGES} }} }}
  BIND(?s = ?o AS ?loop) }} GROUP BY ?loop"""
)


def interaction_counts(store: GraphStore) -> tuple[int, int, int]:
    """(actors with a factual interaction, distinct (source, type, target)
    interactions between two actors, how many of those are self-loops)."""
    actors = int(store.select(ACTORS)[0]["n"])
    edges = {bool(row["loop"]): int(row["n"]) for row in store.select(EDGES)}
    return actors, edges.get(False, 0), edges.get(True, 0)
