"""SHACL validation of the graphs the builder writes (``ontology/shapes.ttl``).

Each named graph is validated on its own, with the ontology mixed in so that
targets and ``sh:class`` follow the class hierarchy. A graph *conforms* when
it has no violation; warnings (implausible readings, such as a place that
speaks) are reported beside, as a measure of extraction quality.

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.rdf.vocab import KG
>>> g = Graph().add((URIRef("http://e/article/a"), RDF.type, KG.Article))
>>> report = validate(g)
>>> report.conforms, sorted({f.path for f in report.violations})
(False, ['kg:articleId', 'kg:bodyStart', 'kg:contentHash', 'schema:text'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pyshacl
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.term import Node

from kg.rdf.vocab import PREFIXES
from kg.store import GraphStore
from ontology import ONTOLOGY, SHAPES

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Finding:
    """One validation result: which node, which path, what is wrong."""

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str  # Violation | Warning

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value else ""
        return f"{self.severity}: <{self.focus}>{where}{value}: {self.message}"


@dataclass
class Report:
    """The findings of one validation; ``conforms`` when there is no violation."""

    violations: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


@cache
def shapes() -> Graph:
    """The shapes graph (parsed once)."""
    return Graph().parse(str(SHAPES), format="turtle")


@cache
def ontology() -> Graph:
    """The ontology graph (parsed once)."""
    return Graph().parse(str(ONTOLOGY), format="turtle")


def _short(node: Node | None) -> str | None:
    if node is None:
        return None
    text = str(node)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace) :]}"
    return text


def validate(data: Graph) -> Report:
    """Validate one graph (an article graph, or the entities graph)."""
    _, results, text = pyshacl.validate(
        data + ontology(),  # the whole ontology: hierarchy and relation types
        shacl_graph=shapes(),
        inference="none",
        allow_warnings=True,
    )
    if not isinstance(results, Graph):  # the shapes themselves are broken: our bug
        raise RuntimeError(f"ontology/shapes.ttl cannot be used: {text}")
    report = Report()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        finding = Finding(
            focus=str(results.value(result, SH.focusNode)),
            path=_short(results.value(result, SH.resultPath)),
            value=_short(results.value(result, SH.value)),
            message=str(results.value(result, SH.resultMessage) or "")
            or str(_short(results.value(result, SH.sourceConstraintComponent))),
            severity=str(severity).rsplit("#", 1)[-1],
        )
        (report.violations if severity == SH.Violation else report.warnings).append(finding)
    report.violations.sort(key=str)
    report.warnings.sort(key=str)
    return report


def validate_store(store: GraphStore) -> dict[str, Report]:
    """Validate every named graph of a store, each on its own."""
    reports = {}
    for graph in store.named_graphs():
        data = Graph()
        construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{URIRef(graph)}> {{ ?s ?p ?o }} }}"
        data.parse(data=store.sparql(construct, "application/n-triples").body, format="nt")
        reports[graph] = validate(data)
    return reports
