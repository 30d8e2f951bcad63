"""HTML articles: main text and metadata through trafilatura.

trafilatura is a maintained main-content extractor; hand-written tag stripping
keeps navigation, ads and scripts. The article's ``text`` is the extracted main
text, so offsets index that text.
"""

from __future__ import annotations

from datetime import date

import trafilatura

from kg.errors import InputError
from kg.models import Article
from kg.read.loader import article_from_text


def article_from_html(article_id: str, html: str, *, origin: str | None = None) -> Article:
    """Read the main text, title, date, author and URL of an HTML page."""
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise InputError(origin or article_id, "HTML page has no readable main text")
    published = _parse_date(document.date)
    article = article_from_text(
        article_id,
        document.text,
        published=published,
        title=document.title,
        url=document.url,
        source=document.sitename,
        origin=origin,
    )
    if document.author and not article.author:
        from dataclasses import replace

        article = replace(article, author=document.author)
    return article


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
