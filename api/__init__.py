"""The HTTP service: a SPARQL 1.1 endpoint and resources for actors and articles."""
