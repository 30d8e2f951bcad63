"""A small server-rendered HTML page for a description graph.

One section per subject (the described IRI first), one row per property,
values as links (to this server's own pages for IRIs under the base IRI,
named by their labels where the graph has them) or as text. Every value is
escaped; the page has no scripts and no outside assets.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF, SKOS
>>> g = Graph()
>>> lavrov = URIRef("http://kg.example/entity/sergey-lavrov")
>>> _ = g.add((lavrov, SKOS.prefLabel, Literal("Sergey <Lavrov>")))
>>> page = render(g, lavrov, "http://kg.example/")
>>> "<h1>Sergey &lt;Lavrov&gt;</h1>" in page and "<script" not in page
True
"""

from __future__ import annotations

from html import escape

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf.vocab import KG, PREFIXES, SCHEMA

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; color: #1d1d1f; }
header { border-bottom: 1px solid #ddd; margin-bottom: 1.5rem; }
h1 { margin: 0.2rem 0; } h2 { font-size: 1.05rem; margin: 1.6rem 0 0.4rem; }
.kind, .iri, nav { color: #666; font-size: 0.9rem; margin: 0.2rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem;
         border-top: 1px solid #eee; }
th { width: 14rem; font-weight: 500; color: #444; }
td { white-space: pre-wrap; word-break: break-word; }
a { color: #0b57d0; text-decoration: none; } a:hover { text-decoration: underline; }
"""
NAMESPACES = {**PREFIXES, "rdf": str(RDF)}
NAMES = (SKOS.prefLabel, RDFS.label, KG.anchorText, SCHEMA.headline, KG.articleId, KG.content)
NAMING = {SKOS.prefLabel, RDFS.label, KG.content}
ALTERNATES = [("text/turtle", "Turtle"), ("application/ld+json", "JSON-LD")]


def compact(iri: str) -> str:
    """``kg:supports`` for a vocabulary IRI, the IRI itself otherwise."""
    for prefix, namespace in NAMESPACES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def label(graph: Graph, node: Node) -> str:
    """What to call a node: its preferred label, label, anchor text, headline,
    content (a statement), or else its IRI."""
    for predicate in NAMES:
        value = graph.value(node, predicate)
        if value is not None:
            return str(value)
    return str(node)


def _value(graph: Graph, node: Node, base: str) -> str:
    if isinstance(node, Literal):
        return escape(str(node))
    iri = str(node)
    href = "/" + iri[len(base) :] if iri.startswith(base) else iri
    name = label(graph, node) if (node, None, None) in graph else compact(iri)
    return f'<a href="{escape(href, quote=True)}">{escape(name)}</a>'


def _section(graph: Graph, subject: URIRef, base: str, heading: str) -> list[str]:
    kinds = ", ".join(compact(str(k)) for k in sorted(graph.objects(subject, RDF.type)))
    lines = [heading, f'<p class="iri">{escape(str(subject))}</p>']
    if kinds:
        lines.append(f'<p class="kind">{escape(kinds)}</p>')
    lines.append("<table>")
    predicates = sorted({p for p in graph.predicates(subject) if p != RDF.type}, key=compact)
    for predicate in predicates:
        values = sorted(graph.objects(subject, predicate), key=str)
        cells = "<br>".join(_value(graph, v, base) for v in values)
        lines.append(f"<tr><th>{escape(compact(str(predicate)))}</th><td>{cells}</td></tr>")
    lines.append("</table>")
    return lines


def _said(graph: Graph, subject: URIRef) -> bool:
    """Whether the graph says more about ``subject`` than what to call it."""
    return any(p not in NAMING for p in graph.predicates(subject))


def render(graph: Graph, focus: URIRef, base: str) -> str:
    """The page describing ``focus`` with everything in ``graph``."""
    title = label(graph, focus)
    others = sorted(
        {s for s in graph.subjects() if isinstance(s, URIRef) and s != focus and _said(graph, s)},
        key=lambda s: (sorted(compact(str(k)) for k in graph.objects(s, RDF.type)), str(s)),
    )
    alternates = "".join(
        f'<link rel="alternate" href="" type="{media}" title="{name}">'
        for media, name in ALTERNATES
    )
    lines = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>{alternates}<style>{STYLE}</style></head><body>",
        "<header>",
        *_section(graph, focus, base, f"<h1>{escape(title)}</h1>"),
        "<nav>Also as Turtle and JSON-LD: ask for text/turtle or application/ld+json.</nav>",
        "</header>",
    ]
    for subject in others:
        under = str(subject).removeprefix(f"{focus}/")
        anchor = f' id="{escape(under, quote=True)}"' if under != str(subject) else ""
        name = label(graph, subject)
        heading = f"<h2{anchor}>{escape(under if name == str(subject) else name)}</h2>"
        lines += ["<section>", *_section(graph, subject, base, heading), "</section>"]
    lines.append("</body></html>")
    return "\n".join(lines) + "\n"
