"""newskg: a news knowledge-graph builder.

Reads news articles, extracts who did what to whom, who said what and when,
and stores it as RDF with every fact traceable to the sentence it came from.
"""

__version__ = "0.1.0"
