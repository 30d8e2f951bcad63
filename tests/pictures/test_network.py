"""The network picture and its layout: what is drawn, where, and that it reads."""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import pytest
from matplotlib.image import imread

from kg.analysis import INTERACTION_TYPES, actor_network
from kg.network_views import camps
from kg.pictures import draw_network
from kg.pictures.layout import HALO, camp_layout
from kg.queries import RelationFilter
from tests.network_counts import interaction_counts
from tests.test_network_views import STORY, network

MIN_FONT = 8  # points; node labels are larger still


def many_actors(n: int = 28, seed: int = 3) -> nx.MultiDiGraph:
    """A larger network of two blocs and some go-betweens (own toy data)."""
    rng = random.Random(seed)
    names = [
        f"actor {i:02d} of the long name" if i % 5 == 0 else f"actor {i:02d}" for i in range(n)
    ]
    edges = []
    for _ in range(n * 2):
        a, b = rng.sample(names, 2)
        same_bloc = (names.index(a) % 2) == (names.index(b) % 2)
        edges.append((a, "supports" if same_bloc else "criticizes", b, rng.randint(1, 3)))
    return network(*edges)


def drawn(picture, gid: str) -> list:
    ax = picture.figure.axes[0]
    if gid == "node":
        return [p for c in ax.collections if c.get_gid() == gid for p in c.get_offsets()]
    if gid == "edge":
        return [p for p in ax.patches if p.get_gid() == gid]
    return [t for t in ax.texts if t.get_gid() == gid]


@pytest.mark.parametrize("graph", [STORY, many_actors()], ids=["story", "many"])
def test_every_node_edge_and_label_is_drawn(graph):
    picture = draw_network(graph)
    assert len(drawn(picture, "node")) == picture.nodes == graph.number_of_nodes()
    assert len(drawn(picture, "edge")) == picture.edges == graph.number_of_edges()
    labels = [t.get_text() for t in drawn(picture, "label")]
    assert sorted(labels) == picture.labels == sorted(d["label"] for _, d in graph.nodes(data=True))


@pytest.mark.parametrize("graph", [STORY, many_actors()], ids=["story", "many"])
def test_labels_are_legible(graph):
    """No two node labels overlap, and no text is smaller than MIN_FONT points."""
    picture = draw_network(graph)
    renderer = picture.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in drawn(picture, "label")]
    overlapping = [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]
    assert not overlapping
    assert min(t.get_fontsize() for t in picture.figure.axes[0].texts) >= MIN_FONT


def test_picture_is_saved_as_png(tmp_path):
    path = tmp_path / "story.png"
    picture = draw_network(STORY, path, color_by="type", title="A story")
    pixels = imread(path)
    height, width = pixels.shape[:2]
    assert picture.path == path
    assert 600 <= width <= 2500 and 400 <= height <= 2000
    assert picture.figure.texts[0].get_text() == "A story"


def test_color_by_must_be_country_or_type():
    with pytest.raises(ValueError, match="color_by"):
        draw_network(STORY, color_by="mood")


def test_camps_are_apart_and_the_first_is_on_the_left():
    found = camps(STORY)
    pos = camp_layout(STORY, found)
    centres, radii = [], []
    for camp in found:
        cx = sum(pos[n][0] for n in camp) / len(camp)
        cy = sum(pos[n][1] for n in camp) / len(camp)
        centres.append((cx, cy))
        radii.append(max(math.dist((cx, cy), pos[n]) for n in camp) + HALO)
    assert centres[0][0] < centres[1][0]
    assert math.dist(*centres) > radii[0] + radii[1]


@pytest.mark.parametrize("graph", [STORY, many_actors()], ids=["story", "many"])
def test_nodes_keep_their_distance(graph):
    pos = camp_layout(graph, camps(graph))
    for a, b in itertools.combinations(pos, 2):
        assert math.dist(pos[a], pos[b]) >= 0.99, (a, b)


def test_no_node_sits_on_an_edge_it_is_not_an_end_of():
    graph = STORY
    pos = camp_layout(graph, camps(graph))
    for a, b in graph.edges():
        for node in set(pos) - {a, b}:
            assert _distance_to_segment(pos[node], pos[a], pos[b]) >= 0.29, (node, a, b)


def _distance_to_segment(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def test_seed_picture_shows_every_actor_and_interaction_of_the_store(seed_graph):
    """As many nodes and arrows as SPARQL of our own counts in the seed's store."""
    seed = actor_network(seed_graph.store, RelationFilter(types=INTERACTION_TYPES))
    actors, edges, _ = interaction_counts(seed_graph.store)
    picture = draw_network(seed)
    assert len(drawn(picture, "node")) == actors
    assert len(drawn(picture, "edge")) == edges
    assert len(drawn(picture, "label")) == actors
