"""How much the extraction costs on top of the bare spaCy parse, side by side.

Parses the same news articles three ways in one run and prints the times and
their ratios to the bare parse:

1. ``bare``: ``nlp.pipe`` over the raw texts, nothing else;
2. ``identity``: reading (headline, byline, dateline), the news-aware doc
   preparation, the parse, and the identity steps (mentions, in-article entity
   table, references);
3. ``extraction``: reading, preparation, the parse and the whole
   ``extract_article`` (identity, stative relations, statements, interactions).

Times are CPU seconds of this process (``time.process_time``), so that other
work on a shared machine does not count; the three passes run on interleaved
chunks of articles (bare, identity and extraction on chunk 1, then on chunk 2,
..., in a rotating order) so that what is left of the machine's noise hits all
three alike. Each step's own time is printed too.

Usage (from the repository root; the corpus is ``../shared``)::

    .venv/bin/python benchmarks/speed.py                 # 1,000 Reuters articles
    .venv/bin/python benchmarks/speed.py --limit 200     # a quicker look
    .venv/bin/python benchmarks/speed.py --corpus FILE.jsonl --field text

Targets: identity ratio <= 1.15; extraction ratio <= 1.25.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.config import get_settings
from kg.extract import extract_article
from kg.extract.mentions import find_mentions
from kg.models import Article
from kg.nlp import load_nlp, parse_articles
from kg.read import article_from_text
from kg.resolve.in_article import build_table
from kg.resolve.references import resolve_references

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "articles.jsonl"


def load_texts(path: Path, field: str, limit: int) -> list[str]:
    """The first ``limit`` non-empty ``field`` values of a JSON Lines file."""
    texts: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = (json.loads(line).get(field) or "").strip()
            if text:
                texts.append(text)
                if len(texts) == limit:
                    break
    return texts


def identity_steps(article: Article, doc) -> None:
    """What issue 3 adds to the parse: mentions, the entity table, references."""
    body = article.body_start
    table = build_table(doc, find_mentions(doc, body))
    resolve_references(doc, table, body, pronouns=False)
    resolve_references(doc, table, body, pronouns=True)


class Clock:
    """Accumulated seconds by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def time(self, name: str, step: Callable[[], object]) -> object:
        started = time.process_time()
        result = step()
        self.seconds[name] += time.process_time() - started
        return result


def _chunks(texts: list[str], size: int) -> Iterator[tuple[int, list[str]]]:
    for start in range(0, len(texts), size):
        yield start, texts[start : start + size]


def _read(texts: list[str], offset: int) -> list[Article]:
    return [article_from_text(f"a{offset + i}", text) for i, text in enumerate(texts)]


def run(texts: list[str], batch_size: int, chunk: int) -> dict[str, float]:
    """Seconds of each pass (``bare``, ``identity``, ``extraction``) and step."""
    nlp = load_nlp(get_settings().spacy_model)
    for article, doc in parse_articles(nlp, _read(texts[:batch_size], 0), batch_size):
        extract_article(article, doc)  # warm up: the model, the lexicons, the gazetteer
    clock = Clock()
    for number, (offset, part) in enumerate(_chunks(texts, chunk)):

        def bare(part=part) -> None:
            for _ in nlp.pipe(part, batch_size=batch_size):
                pass

        def identity(part=part, offset=offset) -> None:
            articles = clock.time("identity: reading", lambda: _read(part, offset))
            for article, doc in parse_articles(nlp, articles, batch_size):
                clock.time("identity: steps", lambda a=article, d=doc: identity_steps(a, d))

        def extraction(part=part, offset=offset) -> None:
            articles = _read(part, offset)
            for article, doc in parse_articles(nlp, articles, batch_size):
                clock.time("extraction: steps", lambda a=article, d=doc: extract_article(a, d))

        passes = [("bare", bare), ("identity", identity), ("extraction", extraction)]
        for name, step in passes[number % 3 :] + passes[: number % 3]:
            clock.time(name, step)
    return dict(clock.seconds)


def report(seconds: dict[str, float], articles: int) -> str:
    bare = seconds["bare"]
    lines = [f"{articles} articles, CPU seconds", f"{'pass':<22}{'seconds':>9}{'ratio':>8}"]
    for name in ("bare", "identity", "extraction"):
        lines.append(f"{name:<22}{seconds[name]:>9.2f}{seconds[name] / bare:>8.3f}")
    lines.append("steps alone (inside the passes above):")
    for name in ("identity: reading", "identity: steps", "extraction: steps"):
        lines.append(f"  {name:<20}{seconds[name]:>9.2f}{seconds[name] / bare:>8.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines file")
    parser.add_argument("--field", default="body", help="field holding the article text")
    parser.add_argument("--limit", type=int, default=1000, help="articles to parse")
    parser.add_argument("--batch-size", type=int, default=get_settings().batch_size)
    parser.add_argument("--chunk", type=int, default=20, help="articles per interleaved chunk")
    args = parser.parse_args()
    if not args.corpus.exists():
        parser.error(f"{args.corpus} does not exist; pass --corpus FILE.jsonl")
    texts = load_texts(args.corpus, args.field, args.limit)
    print(report(run(texts, args.batch_size, args.chunk), len(texts)))


if __name__ == "__main__":
    main()
