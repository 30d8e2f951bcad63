"""The actor network over time, on own-made relation records."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from kg.timelines import actor_timeline, growth, pair_timeline, period_start

NETWORK = nx.MultiDiGraph()
for node in ("ana", "bo", "cy"):
    NETWORK.add_node(node, label=node.capitalize())


def record(n, source, type_, target, when, article):
    return {
        "record": f"r{n}",
        "source": source,
        "target": target,
        "type": type_,
        "when": when,
        "article": article,
    }


ROWS = [
    record(1, "ana", "supports", "bo", date(2020, 1, 6), "x"),
    record(2, "ana", "supports", "bo", date(2020, 1, 8), "y"),
    record(3, "ana", "supports", "bo", date(2020, 1, 8), "y"),  # same article twice
    record(4, "bo", "criticizes", "cy", date(2020, 1, 2), "x"),
    record(5, "ana", "criticizes", "bo", date(2020, 2, 3), "z"),
    record(6, "cy", "holdsPosition", "bo", date(2020, 1, 2), "x"),  # stative: no polarity
    record(7, "cy", "attacks", "ana", None, "w"),  # undated
]


@pytest.mark.parametrize(
    ("day", "period", "start"),
    [
        (date(2020, 1, 8), "day", date(2020, 1, 8)),
        (date(2020, 1, 8), "week", date(2020, 1, 6)),  # a Wednesday -> Monday
        (date(2020, 1, 6), "week", date(2020, 1, 6)),
        (date(2020, 1, 8), "month", date(2020, 1, 1)),
    ],
)
def test_period_start(day, period, start):
    assert period_start(day, period) == start


def test_unknown_period():
    with pytest.raises(ValueError, match="period must be"):
        period_start(date(2020, 1, 1), "fortnight")


def test_pair_timeline_counts_articles_per_period_and_polarity():
    rows = pair_timeline(ROWS, NETWORK, period="week")
    assert rows == [
        {"period": date(2019, 12, 30), "pair": "Bo → Cy", "positive": 0, "negative": 1},
        {"period": date(2020, 1, 6), "pair": "Ana → Bo", "positive": 2, "negative": 0},
        {"period": date(2020, 2, 3), "pair": "Ana → Bo", "positive": 0, "negative": 1},
    ]


def test_pair_timeline_of_chosen_actors_by_month():
    rows = pair_timeline(ROWS, NETWORK, ["ana", "bo"], period="month")
    assert [(r["period"].month, r["positive"], r["negative"]) for r in rows] == [
        (1, 2, 0),
        (2, 0, 1),
    ]


def test_actor_timeline_in_both_directions_oldest_first():
    rows = actor_timeline(ROWS, NETWORK, "bo")
    assert [
        (r["when"].day, r["type"], r["direction"], r["other"], r["articles"]) for r in rows
    ] == [
        (2, "criticizes", "out", "Cy", 1),
        (2, "holdsPosition", "in", "Cy", 1),
        (6, "supports", "in", "Ana", 1),
        (8, "supports", "in", "Ana", 1),
        (3, "criticizes", "in", "Ana", 1),
    ]
    assert [r["polarity"] for r in rows] == [-1, 0, 1, 1, -1]


def test_growth_follows_publication_days():
    """Acts count on the day their article came out; undated articles not at all."""
    published = {"x": date(2020, 1, 9), "y": date(2020, 1, 8), "z": date(2020, 2, 3)}
    totals = growth(ROWS, published)
    assert [(t["date"], t["articles"], t["actors"], t["interactions"]) for t in totals] == [
        (date(2020, 1, 8), 1, 2, 1),
        (date(2020, 1, 9), 2, 3, 3),
        (date(2020, 2, 3), 3, 3, 4),
    ]
