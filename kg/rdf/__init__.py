"""RDF: the project's vocabulary, IRI minting and graph building."""
