"""The actor network over time: an actor's timeline, pairs over time, growth.

These views read relation records as ``kg.queries.network_edges`` gives them
(``record``, ``source``, ``target``, ``type``, ``when``, ``article``; ``when``
is the day the act happened, else the first day of its range, else the day
the article was published) and the network ``kg.analysis.actor_network``
builds from the same store, for labels and polarities. Records without a date
have no place on a time line and are left out. The graph's growth follows the
days the articles were published.

>>> from datetime import date
>>> import networkx as nx
>>> network = nx.MultiDiGraph()
>>> network.add_node("a", label="Ankara")
>>> network.add_node("b", label="Berlin")
>>> rows = [
...     {"record": "r1", "source": "a", "target": "b", "type": "criticizes",
...      "when": date(2021, 5, 4), "article": "x"},
...     {"record": "r2", "source": "a", "target": "b", "type": "consults",
...      "when": date(2021, 5, 6), "article": "y"},
... ]
>>> pair_timeline(rows, network, period="week")
[{'period': datetime.date(2021, 5, 3), 'pair': 'Ankara → Berlin', 'positive': 1, 'negative': 1}]
>>> published = {"x": date(2021, 5, 5), "y": date(2021, 5, 6)}
>>> [(g["date"].day, g["articles"], g["interactions"]) for g in growth(rows, published)]
[(5, 1, 1), (6, 2, 2)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta

import networkx as nx

from kg.lexicon import predicates

PERIODS = ("day", "week", "month")


def period_start(day: date, period: str) -> date:
    """The first day of the period (``day``, ``week`` from Monday, ``month``) holding ``day``."""
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")


def pair_timeline(
    rows: Iterable[dict],
    network: nx.Graph,
    actors: Collection[str] | None = None,
    *,
    period: str = "week",
) -> list[dict]:
    """For each period and each ordered pair of ``actors`` (default: all) that
    interacted in it, the supporting articles of cooperative (``positive``)
    and conflictual (``negative``) acts. Pairs come in the order of their
    first act, periods in date order."""
    polarity = {name: info.polarity for name, info in predicates().items()}
    wanted = set(network) if actors is None else set(actors)
    cells: dict[tuple[date, str, str], dict[str, set]] = defaultdict(
        lambda: {"positive": set(), "negative": set()}
    )
    first_seen: dict[tuple[str, str], date] = {}
    for row in rows:
        source, target, when = str(row["source"]), str(row["target"]), row["when"]
        sign = polarity.get(str(row["type"]), 0)
        if source not in wanted or target not in wanted or not isinstance(when, date) or not sign:
            continue
        pair = (source, target)
        first_seen[pair] = min(first_seen.get(pair, when), when)
        cells[(period_start(when, period), source, target)][
            "positive" if sign > 0 else "negative"
        ].add(str(row["article"]))
    order = {pair: i for i, pair in enumerate(sorted(first_seen, key=lambda p: (first_seen[p], p)))}
    return [
        {
            "period": start,
            "pair": f"{_label(network, source)} → {_label(network, target)}",
            "positive": len(articles["positive"]),
            "negative": len(articles["negative"]),
        }
        for (start, source, target), articles in sorted(
            cells.items(), key=lambda item: (order[item[0][1:]], item[0][0])
        )
    ]


def actor_timeline(rows: Iterable[dict], network: nx.Graph, actor: str) -> list[dict]:
    """What ``actor`` did and had done to it, oldest first: one row per day,
    type, direction and other actor, with the number of supporting articles."""
    polarity = {name: info.polarity for name, info in predicates().items()}
    found: dict[tuple, set[str]] = defaultdict(set)
    for row in rows:
        source, target, when = str(row["source"]), str(row["target"]), row["when"]
        if actor not in (source, target) or not isinstance(when, date):
            continue
        direction, other = ("out", target) if source == actor else ("in", source)
        found[(when, str(row["type"]), direction, other)].add(str(row["article"]))
    return [
        {
            "when": when,
            "type": type_,
            "polarity": polarity.get(type_, 0),
            "direction": direction,
            "other": _label(network, other),
            "articles": len(articles),
        }
        for (when, type_, direction, other), articles in sorted(
            found.items(), key=lambda item: (item[0][0], item[0][1], _label(network, item[0][3]))
        )
    ]


def growth(rows: Iterable[dict], published: Mapping[str, date]) -> list[dict]:
    """Running totals by day of publication, as the stories come in: the
    ``articles`` that reported an act so far, the ``actors`` taking part and
    the distinct ``interactions`` (source, type, target). ``published`` maps
    an article IRI to its publication day; rows of undated articles are left
    out."""
    by_day: dict[date, list[dict]] = defaultdict(list)
    for row in rows:
        day = published.get(str(row["article"]))
        if isinstance(day, date):
            by_day[day].append(row)
    articles: set[str] = set()
    actors: set[str] = set()
    edges: set[tuple[str, str, str]] = set()
    totals = []
    for day in sorted(by_day):
        for row in by_day[day]:
            articles.add(str(row["article"]))
            actors.update((str(row["source"]), str(row["target"])))
            edges.add((str(row["source"]), str(row["type"]), str(row["target"])))
        totals.append(
            {
                "date": day,
                "articles": len(articles),
                "actors": len(actors),
                "interactions": len(edges),
            }
        )
    return totals


def _label(network: nx.Graph, node: str) -> str:
    return str(network.nodes[node].get("label", node)) if node in network else node
