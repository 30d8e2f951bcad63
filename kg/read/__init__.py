"""Article readers: plain text, HTML and JSON Lines, files or folders.

>>> from kg.read import article_from_text
>>> article_from_text("demo", "Lavrov met Pompeo.").id
'demo'
"""

from kg.read.loader import article_from_text, read_articles, read_jsonl_stream

__all__ = ["article_from_text", "read_articles", "read_jsonl_stream"]
