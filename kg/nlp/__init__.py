"""spaCy: loading the model once, and parsing articles in batches."""

from kg.nlp.pipeline import load_nlp, parse_articles

__all__ = ["load_nlp", "parse_articles"]
