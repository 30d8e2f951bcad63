"""Derived views of the actor network, on small hand-built networks."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import INTERACTION_TYPES, actor_network
from kg.network_views import camps, centrality, net_polarity, stance_matrix
from kg.queries import RelationFilter

POLARITY = {
    "supports": 1,
    "cooperatesWith": 1,
    "supplies": 1,
    "consults": 1,
    "criticizes": -1,
    "rejects": -1,
    "attacks": -1,
}


def network(*edges: tuple[str, str, str, int]) -> nx.MultiDiGraph:
    """A network like kg.analysis builds: (source, type, target, articles)."""
    graph = nx.MultiDiGraph()
    for source, type_, target, articles in edges:
        for node in (source, target):
            graph.add_node(node, label=node.title(), type="Country", country=node[:3].upper())
        graph.add_edge(
            source, target, key=type_, type=type_, polarity=POLARITY[type_], articles=articles
        )
    return graph


# Two sides that quarrel, and talk once across the divide.
STORY = network(
    ("north", "supports", "nora", 2),
    ("east", "supports", "nora", 1),
    ("east", "supplies", "north", 1),
    ("west", "supports", "walt", 3),
    ("walt", "rejects", "nora", 2),
    ("west", "criticizes", "nora", 1),
    ("north", "consults", "west", 1),
)


def as_sets(found) -> list[set[str]]:
    return [set(camp) for camp in found]


def test_camps_are_the_sides_of_the_story():
    assert as_sets(camps(STORY)) == [{"north", "east", "nora"}, {"west", "walt"}]


def test_a_talk_across_the_divide_makes_no_camp():
    """consults is cooperative but does not align: talking to a foe is no alliance."""
    only_talk = network(("north", "consults", "west", 5), ("east", "consults", "walt", 5))
    assert camps(only_talk) == []


def test_a_pair_that_is_on_balance_hostile_is_not_a_tie():
    quarrel = network(
        ("a", "supports", "b", 1), ("a", "attacks", "b", 3), ("c", "supports", "d", 1)
    )
    assert as_sets(camps(quarrel)) == [{"c", "d"}]


def test_a_loosely_knit_side_without_foes_stays_one_camp():
    """Backers of one leader and a heavy tie among two of them: one side, not two."""
    star = network(
        ("ann", "supports", "lea", 1),
        ("bob", "supports", "lea", 1),
        ("cat", "supports", "lea", 1),
        ("cat", "supplies", "dan", 3),
    )
    assert as_sets(camps(star)) == [{"ann", "bob", "cat", "dan", "lea"}]


def test_a_group_that_holds_foes_is_split_between_them():
    """Two blocs joined by one aid deal, with a quarrel across: two camps."""
    blocs = network(
        ("a1", "supports", "a2", 2),
        ("a2", "supports", "a3", 2),
        ("a1", "cooperatesWith", "a3", 2),
        ("b1", "supports", "b2", 2),
        ("b2", "supports", "b3", 2),
        ("b1", "cooperatesWith", "b3", 2),
        ("a3", "supplies", "b1", 1),
        ("a1", "attacks", "b2", 2),
    )
    assert as_sets(camps(blocs)) == [{"a1", "a2", "a3"}, {"b1", "b2", "b3"}]


@pytest.mark.parametrize("min_size, expected", [(2, 2), (3, 1), (4, 0)])
def test_small_camps_are_left_out(min_size, expected):
    assert len(camps(STORY, min_size=min_size)) == expected


def test_camps_are_the_same_on_every_run():
    assert camps(STORY) == camps(STORY.copy()) == camps(STORY)


def test_net_polarity_counts_articles_and_symmetric_types_both_ways():
    totals = net_polarity(STORY)
    assert totals[("walt", "nora")] == -2
    assert totals[("north", "west")] == totals[("west", "north")] == 1
    assert ("nora", "walt") not in totals  # rejects is directed
    undirected = net_polarity(STORY, directed=False)
    assert undirected[("nora", "west")] == -1


def test_stance_matrix_rows_act_on_columns_and_camps_form_blocks():
    matrix = stance_matrix(STORY)
    assert matrix.actors[:3] == ["east", "nora", "north"]  # the first camp, by label
    assert matrix.actors[3:] == ["walt", "west"]
    at = {
        (r, c): matrix.values[i][j]
        for i, r in enumerate(matrix.actors)
        for j, c in enumerate(matrix.actors)
    }
    assert at[("west", "walt")] == 3
    assert at[("walt", "nora")] == -2
    assert at[("nora", "walt")] == 0
    assert matrix.labels == [a.title() for a in matrix.actors]


def test_stance_matrix_of_chosen_actors():
    matrix = stance_matrix(STORY, ["west", "nora"])
    assert matrix.values == [[0, -1], [0, 0]]


def test_centrality_ranks_the_hub_first():
    rows = centrality(STORY)
    assert rows[0]["actor"] == "nora"
    by_actor = {row["actor"]: row for row in rows}
    assert by_actor["nora"]["partners"] == 4
    assert by_actor["nora"]["interactions"] == 2 + 1 + 2 + 1
    assert by_actor["east"]["betweenness"] == 0.0
    assert by_actor["nora"]["betweenness"] > by_actor["walt"]["betweenness"]


def test_betweenness_prefers_links_that_many_articles_report():
    square = network(
        ("a", "supports", "b", 5),
        ("b", "supports", "c", 5),
        ("a", "criticizes", "d", 1),
        ("d", "criticizes", "c", 1),
    )
    by_actor = {row["actor"]: row["betweenness"] for row in centrality(square)}
    assert by_actor["b"] > by_actor["d"]


def test_views_of_an_empty_network():
    empty = nx.MultiDiGraph()
    assert camps(empty) == []
    assert centrality(empty) == []
    assert stance_matrix(empty).values == []


def test_the_seed_story_has_its_two_camps(seed_graph):
    """The United States with Guaido; Russia, China and Cuba with Maduro."""
    seed = actor_network(seed_graph.store, RelationFilter(types=INTERACTION_TYPES))
    found = [{seed.nodes[n]["label"] for n in camp} for camp in camps(seed)]
    with_guaido = next(camp for camp in found if "Juan Guaido" in camp)
    with_maduro = next(camp for camp in found if "Nicolas Maduro" in camp)
    assert "United States" in with_guaido
    assert {"Russia", "China", "Cuba"} <= with_maduro
    assert with_guaido.isdisjoint(with_maduro)
