"""The newskg ontology (OWL), its SHACL shapes and JSON-LD context, as package data.

>>> ONTOLOGY.name
'kg.ttl'
"""

from importlib.resources import files

ONTOLOGY = files("ontology").joinpath("kg.ttl")
