"""The newskg ontology (OWL), its SHACL shapes and JSON-LD context, as package data.

>>> ONTOLOGY.name, SHAPES.name, CONTEXT.name
('kg.ttl', 'shapes.ttl', 'context.jsonld')
"""

from importlib.resources import files

ONTOLOGY = files("ontology").joinpath("kg.ttl")
SHAPES = files("ontology").joinpath("shapes.ttl")
CONTEXT = files("ontology").joinpath("context.jsonld")
