"""Evidence: the sentence a record was read from, as a ``Span`` of the article.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("sentencizer")
>>> sentence_of(nlp("Hi there.  Bye.")[1]).text
'Hi there.'
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.models import Span


def sentence_of(token: Token) -> Span:
    """The sentence holding ``token``, without surrounding white space; a closing
    quote mark that the parser split off into its own "sentence" is kept."""
    sent = token.sent
    doc = token.doc
    end = sent.end
    while end < len(doc) and doc[end].is_sent_start and _is_only_closing(doc, end):
        end = doc[end].sent.end
    return _tokens_text(doc, sent.start, end)


def _is_only_closing(doc, i: int) -> bool:
    sent = doc[i].sent
    return all(t.is_punct or t.is_space for t in sent)


def trimmed(text: str, start: int, end: int) -> Span:
    """``Span(start, end)`` of ``text`` with white space cut from both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def token_span(first: Token, last: Token) -> Span:
    """The text from ``first`` to ``last`` (inclusive) as a ``Span``."""
    return _tokens_text(first.doc, first.i, last.i + 1)


def _tokens_text(doc, start: int, end: int) -> Span:
    """Tokens ``[start, end)`` as a trimmed ``Span`` of the text, reading only
    their own characters (``doc.text`` rebuilds the whole text on each call)."""
    offset = doc[start].idx
    part = trimmed(doc[start:end].text, 0, doc[end - 1].idx + len(doc[end - 1].text) - offset)
    return Span(part.start + offset, part.end + offset, part.text)
