"""Content negotiation: pick the media type the client prefers among those we offer.

Clients send the same few Accept headers again and again, so the choice is
remembered per (header, offer) — a lookup instead of parsing the header on
every request.

>>> choose("text/csv, application/json;q=0.5", ["application/sparql-results+json", "text/csv"])
'text/csv'
>>> choose("*/*", ["text/turtle", "application/n-triples"])
'text/turtle'
>>> choose("image/png", ["text/turtle"]) is None
True
"""

from __future__ import annotations

from functools import lru_cache

ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/plain": "application/n-triples",
}


def _ranges(accept: str) -> list[tuple[float, int, str]]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((quality, position, media))
    return ranges


def choose(accept: str | None, offered: list[str] | tuple[str, ...]) -> str | None:
    """The offered media type that best matches ``accept`` (the first offered
    one when the header is absent), or None when nothing is acceptable."""
    if not accept or not accept.strip():
        return offered[0]
    return _best(accept, tuple(offered))


@lru_cache(maxsize=512)
def _best(accept: str, offered: tuple[str, ...]) -> str | None:
    best: tuple[float, int, int] | None = None
    chosen = None
    for quality, _position, media in _ranges(accept):
        if quality <= 0:
            continue
        media = ALIASES.get(media, media) if ALIASES.get(media) in offered else media
        for rank, candidate in enumerate(offered):
            main = candidate.split("/")[0]
            if media in (candidate, "*/*", f"{main}/*"):
                specificity = 2 if media == candidate else (1 if media != "*/*" else 0)
                key = (quality, specificity, -rank)
                if best is None or key > best:
                    best, chosen = key, candidate
    return chosen
