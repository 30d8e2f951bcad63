"""Turn files, folders and JSON Lines streams into ``Article`` records.

Supported inputs: ``.txt`` (one article; id from the file name), ``.html`` /
``.htm`` (main text and metadata via trafilatura), ``.jsonl`` (one article per
line with ``id``, ``text``, ``published`` and optional ``title``, ``url``,
``source``). Folders are read recursively in name order.

Every problem raises ``InputError`` naming the input; callers read all inputs
before writing anything, so a bad file never leaves a half-written store.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kg.errors import InputError
from kg.models import Article
from kg.read.news import read_layout
from kg.read.validate import check_text, decode_text

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


class ArticleIn(BaseModel):
    """One article as given on a JSON Lines line or to ``POST /articles``."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @field_validator("id")
    @classmethod
    def _id_is_usable(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("id must not be empty")
        if len(value) > 200:
            raise ValueError("id must be at most 200 characters")
        return value


def article_from_text(
    article_id: str,
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str | None = None,
) -> Article:
    """Build an ``Article`` from raw text, reading its headline and dateline.

    Metadata given by the caller wins over what the dateline says.
    """
    check_text(origin or article_id, text)
    layout = read_layout(text, published, title)
    return Article(
        id=article_id,
        text=text,
        published=published or layout.published,
        title=title or (layout.headline.text if layout.headline else None),
        url=url,
        source=source or layout.source,
        dateline=layout.dateline,
        author=layout.byline,
        body_start=layout.body_start,
        origin=origin,
    )


def read_articles(paths: Iterable[str | Path]) -> list[Article]:
    """Read every article under ``paths`` (files or folders), all or nothing."""
    articles: list[Article] = []
    for path in _expand(paths):
        articles.extend(_read_file(path))
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            raise InputError(
                article.origin or article.id,
                f"article id {article.id!r} is also used by {seen[article.id]}; ids must be unique",
            )
        seen[article.id] = article.origin or article.id
    return articles


def read_jsonl_stream(stream: IO[str], name: str = "<stdin>") -> Iterator[Article]:
    """Articles from a JSON Lines stream, one per non-blank line, lazily."""
    for number, line in enumerate(stream, start=1):
        if line.strip():
            yield _article_from_json(line, f"{name}:{number}")


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError(str(path), f"holds no article files ({', '.join(SUFFIXES)})")
            files.extend(found)
        elif path.suffix.lower() in SUFFIXES:
            files.append(path)
        else:
            raise InputError(str(path), f"unsupported file type; use one of {', '.join(SUFFIXES)}")
    return files


def _read_file(path: Path) -> list[Article]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror})") from None
    suffix = path.suffix.lower()
    text = decode_text(str(path), data)
    if suffix == ".jsonl":
        return [
            _article_from_json(line, f"{path}:{number}")
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ]
    if suffix in (".html", ".htm"):
        from kg.read.html import article_from_html

        return [article_from_html(slugify(path.stem), text, origin=str(path))]
    return [article_from_text(slugify(path.stem), text, origin=str(path))]


def _article_from_json(line: str, where: str) -> Article:
    try:
        record = ArticleIn.model_validate_json(line)
    except ValidationError as exc:
        raise InputError(where, _describe(exc)) from None
    except json.JSONDecodeError as exc:  # pragma: no cover - pydantic wraps these
        raise InputError(where, f"is not valid JSON ({exc.msg})") from None
    return article_from_text(
        record.id,
        record.text,
        published=record.published,
        title=record.title,
        url=record.url,
        source=record.source,
        origin=where,
    )


def _describe(exc: ValidationError) -> str:
    error = exc.errors()[0]
    if error["type"] == "json_invalid":
        return 'is not valid JSON; each line must be one object like {"id": ..., "text": ...}'
    field = ".".join(str(part) for part in error["loc"]) or "line"
    return f"field {field!r}: {error['msg']}"


def slugify(value: str) -> str:
    """A readable, IRI-safe id: ``"Sergey Lavrov" -> "sergey-lavrov"``.

    >>> slugify("Rossiya-1 (TV)")
    'rossiya-1-tv'
    """
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"
