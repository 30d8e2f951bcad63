"""Source citations: the line that names a media source and the city it
publishes or broadcasts from.

Digests of translated news (FBIS, BBC Monitoring and the like) cite each item
by its source: "Moscow ITAR-TASS in English 0548 GMT 5 Mar 94", "Havana Radio
Reloj Network in Spanish", "Tokyo YOMIURI SHIMBUN in Japanese 14 Feb 94 p 6",
or, as a header, "Madrid EFE". The city of a citation is where the source is
published: the citation "Beijing XINHUA" heads a story whose own dateline is
"Hefei, February 11 (XINHUA) --". A dateline says where a story was filed,
and nothing is read from it; a citation says where its source is based, and
``kg.extract.stative`` reads that (locatedIn).

A citation is a known city followed by a source name (capitalised words) and
then "in" and a language (``kg/lexicon/languages.tsv``); or a line that holds
nothing but a city and a source named in capitals or with a media word
("Madrid EFE", "Beirut Radio Lebanon"; not a headline such as "Paris Rejects
Plan"). Before the city comes the start of the line, a document number
("LD0503072994") or a date.

>>> from kg.nlp import load_nlp
>>> from kg.config import get_settings
>>> nlp = load_nlp(get_settings().spacy_model)
>>> doc = nlp("LD0503072994 Moscow ITAR-TASS in English 0548 GMT 5 Mar 94")
>>> [(doc[c[0]:c[1]].text, doc[s[0]:s[1]].text) for c, s in source_citations(doc)]
[('Moscow', 'ITAR-TASS')]
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from kg.lexicon import NameClass, gazetteer, name_heads, rows

Tokens = tuple[int, int]
MAX_CITY = 3
MAX_SOURCE = 6
MIN_DOCUMENT_NUMBER = 6


@cache
def _languages() -> frozenset[str]:
    return frozenset(row[0] for row in rows("languages.tsv"))


def source_citations(doc: Doc) -> list[tuple[Tokens, Tokens]]:
    """(city tokens, source tokens) of every source citation in ``doc`` (read
    once per doc: the mentions and the relations both ask)."""
    if "source_citations" not in doc.user_data:
        doc.user_data["source_citations"] = _find(doc)
    return doc.user_data["source_citations"]


def _find(doc: Doc) -> list[tuple[Tokens, Tokens]]:
    found = []
    for sentence in doc.sents:
        before = None
        for token in sentence:
            if before is None or _opens_citation(before):
                citation = _citation_at(doc, sentence, token.i)
                if citation is not None:
                    found.append(citation)
                    break
            before = token
    return found


def _opens_citation(before: Token) -> bool:
    """Whether a citation may start after ``before`` (the line's start is the
    sentence's start or follows a line break): a line break, a document number
    or a date."""
    return "\n" in before.text_with_ws or _document_number(before) or before.ent_type_ == "DATE"


def _document_number(token: Token) -> bool:
    text = token.text
    return (
        len(text) >= MIN_DOCUMENT_NUMBER
        and text.isalnum()
        and text.upper() == text
        and any(c.isdigit() for c in text)
        and any(c.isalpha() for c in text)
    )


def _citation_at(doc: Doc, sentence: Span, start: int) -> tuple[Tokens, Tokens] | None:
    """The citation whose city starts at ``start``: the longest city the
    gazetteer knows there (else the longest the model tagged) and the source
    words after it. Most line starts have no source word after any city-sized
    phrase, and the gazetteer is not asked for them."""
    first = start + (doc[start].lower_ == "the" and start + 1 < sentence.end)
    sizes = [k for k in range(MAX_CITY, 0, -1) if first + k < sentence.end]
    if not any(_source_word(doc[first + k]) for k in sizes):
        return None
    size = next((k for k in sizes if _city(doc[start : first + k])), None)
    if size is None:
        size = next((k for k in sizes if _tagged(doc[start : first + k])), None)
    if size is None:
        return None
    city_end = first + size
    if gazetteer.country(doc[start:city_end].text) is not None:
        return None
    source_end = city_end
    while (
        source_end < sentence.end
        and source_end - city_end < MAX_SOURCE
        and _source_word(doc[source_end])
    ):
        source_end += 1
    if source_end == city_end:
        return None
    language = _language_after(doc, sentence, source_end)
    whole_line = start == sentence.start and all(
        t.is_punct or t.is_space for t in doc[source_end : sentence.end]
    )
    if language or (whole_line and _names_media(doc[city_end:source_end])):
        return (start, city_end), (city_end, source_end)
    return None


def _city(span: Span) -> bool:
    """A city the gazetteer knows."""
    return gazetteer.city(span.text) is not None


def _tagged(span: Span) -> bool:
    """A whole place name of the model's ("Kiev", "Madras": older names)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (
        all(t.ent_type_ == "GPE" for t in span)
        and span[0].ent_iob_ == "B"
        and (after is None or after.ent_iob_ != "I")
    )


def _source_word(token: Token) -> bool:
    """A word of a source's name: capitalised, not "in", no number or date; or
    a hyphen inside one ("ITAR-TASS")."""
    doc = token.doc
    if token.text == "-" and not token.whitespace_ and not doc[token.i - 1].whitespace_:
        return True
    return (
        token.text[:1].isupper()
        and not token.like_num
        and token.ent_type_ not in {"DATE", "TIME"}
        and token.text not in _languages()
    )


def _language_after(doc: Doc, sentence: Span, i: int) -> bool:
    """ "in Russian" after the source, perhaps after a bracket: "CHINA DAILY
    (SCIENCE MEDICINE) in English"."""
    if i < sentence.end and doc[i].text == "(":
        closing = next((t.i for t in doc[i : sentence.end] if t.text == ")"), None)
        i = closing + 1 if closing is not None else i
    if i + 1 >= sentence.end or doc[i].lower_ != "in":
        return False
    word = doc[i + 1]
    while word.i + 1 < sentence.end and not word.whitespace_:  # "Serbo-Croatian"
        word = doc[word.i + 1]
    return doc[i + 1 : word.i + 1].text in _languages()


def _names_media(source: Span) -> bool:
    """A line of a city and a name alone is a citation when the name is in
    capitals ("Madrid EFE", "Bangkok THE NATION") or has a media word ("Beirut
    Radio Lebanon"): not a headline ("Paris Rejects Plan")."""
    for token in source:
        letters = [c for c in token.text if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True
    heads = name_heads()
    return any((heads.get(t.text) or NameClass("", None)).sector == "media" for t in source)
