"""The public news corpora in the shared data folder, read as ``Article`` records.

The shared folder (``KG_SHARED``, else ``../shared`` beside the repository)
holds real articles that are not ours to copy: the seed article, the BBC News
corpus (2,225 stories of 2004-2005 in five categories, undated) and
Reuters-21578 (21,578 wire stories of 1987 with their date, topics and
places). Each corpus has its own JSON Lines layout; these readers turn a
filtered subset into articles, lazily, so a notebook or an evaluation can take
a few hundred without reading the rest.

>>> import json, tempfile
>>> line = {"newid": 7, "date": "3-MAR-1987 10:12:00.00", "topics": ["trade"],
...         "places": ["usa"], "title": "TALKS", "body": "Envoys met in\\nGeneva.\\n REUTER"}
>>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
...     _ = f.write(json.dumps(line) + "\\n")
>>> article = next(reuters_articles(f.name, topics={"trade"}))
>>> article.id, article.published.isoformat(), article.text
('reuters-7', '1987-03-03', 'Envoys met in Geneva.')
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from kg.errors import ConfigError, InputError
from kg.models import Article
from kg.read.loader import article_from_text

_REPOSITORY = Path(__file__).resolve().parents[2]
_SIGN_OFF = re.compile(r"\s*\bREUTER\s*$")
_PARAGRAPH = re.compile(r"\n[ \t]+")


def shared_folder() -> Path | None:
    """The shared data folder, or None when it is absent.

    ``KG_SHARED`` names it; by default it is ``shared`` beside the repository.
    With ``KG_REQUIRE_SHARED=1`` (CI) an absent folder is an error rather than
    a quiet fallback to the project's own examples.
    """
    path = Path(os.environ.get("KG_SHARED") or _REPOSITORY.parent / "shared")
    if path.is_dir():
        return path
    if os.environ.get("KG_REQUIRE_SHARED") == "1":
        raise ConfigError(
            f"KG_REQUIRE_SHARED=1 but the shared data folder {path} is absent; "
            "set KG_SHARED to its location"
        )
    return None


def bbc_articles(
    path: str | Path, *, category: str | None = None, limit: int | None = None
) -> Iterator[Article]:
    """Stories of the BBC News corpus (``{"id", "category", "title", "body"}``
    per line), optionally of one category (business, entertainment, politics,
    sport, tech). The corpus gives no publication dates."""
    for where, record in _records(path, limit, lambda r: category in (None, r["category"])):
        yield article_from_text(
            "bbc-" + record["id"].replace("/", "-"),
            record["body"],
            title=record.get("title"),
            source="BBC News",
            origin=where,
        )


def reuters_articles(
    path: str | Path,
    *,
    topics: set[str] | None = None,
    places: set[str] | None = None,
    limit: int | None = None,
) -> Iterator[Article]:
    """Stories of Reuters-21578 that have a body and, when given, at least one
    of ``topics`` and at least one of ``places`` (the corpus's own tags).

    The body's hard line breaks are joined, indented lines start paragraphs
    and the closing ``REUTER`` is dropped; the date is the story's own.
    """

    def wanted(record: dict) -> bool:
        return bool(
            (record.get("body") or "").strip()
            and (topics is None or topics & set(record.get("topics", ())))
            and (places is None or places & set(record.get("places", ())))
        )

    for where, record in _records(path, limit, wanted):
        yield article_from_text(
            f"reuters-{record['newid']}",
            _unwrap(record["body"]),
            published=_reuters_date(where, record.get("date", "")),
            title=record.get("title"),
            source="Reuters",
            origin=where,
        )


def _records(path: str | Path, limit: int | None, wanted) -> Iterator[tuple[str, dict]]:
    """(``file:line``, record) of the wanted records of a JSON Lines file, lazily."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file; is the shared data folder there?")
    taken = 0
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if limit is not None and taken >= limit:
                return
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
                keep = wanted(record)
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
                raise InputError(where, "is not a record of this corpus's layout") from None
            if keep:
                taken += 1
                yield where, record


def _unwrap(body: str) -> str:
    """Wire text with its line wrapping undone: one line per paragraph."""
    body = _SIGN_OFF.sub("", body.strip())
    paragraphs = _PARAGRAPH.split(body)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _reuters_date(where: str, value: str) -> date | None:
    """``26-FEB-1987 15:01:01.79`` -> 1987-02-26."""
    try:
        return datetime.strptime(value.split()[0], "%d-%b-%Y").date()
    except (ValueError, IndexError):
        raise InputError(where, f"has no readable date ({value!r})") from None
