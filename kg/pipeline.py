"""From articles to extractions: the one place that runs the NLP pipeline.

>>> from kg.pipeline import Extractor
>>> from kg.read import article_from_text
>>> extraction = Extractor().extract_one(article_from_text("x", "Russia endorsed Maduro."))
>>> [(r.subject, r.predicate, r.object) for r in extraction.relations]
[('russia', 'supports', 'maduro')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from kg.config import Settings, get_settings
from kg.extract import extract_article
from kg.models import Article, Extraction
from kg.nlp import load_nlp, parse_articles


class Extractor:
    """Loads the spaCy model once and extracts from any number of articles."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.spacy_model)
        return self._nlp

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extractions in input order, parsed in batches."""
        for article, doc in parse_articles(self.nlp, list(articles), self.settings.batch_size):
            yield extract_article(article, doc)

    def extract_one(self, article: Article) -> Extraction:
        return next(self.extract([article]))
