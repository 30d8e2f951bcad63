"""The actor network as an interactive web page: one standalone HTML file.

The page draws the network with vis-network (the JavaScript library that the
``pyvis`` package ships), inlined so that it opens offline and from any
folder: nothing is fetched when it is viewed. Nodes start where the static
picture puts them (``kg.pictures.layout``), keep the same colours and shapes,
can be dragged, and tell their type, country and partners on hover; edges
tell their type, polarity, supporting articles and dates. When the browser
has drawn the network, the page's ``<body>`` gets ``data-drawn`` = the number
of nodes drawn (a headless browser can check it).
"""

from __future__ import annotations

import html
import json
from importlib.resources import files
from pathlib import Path

import networkx as nx

from kg.errors import ConfigError
from kg.network_views import camps as find_camps
from kg.pictures.layout import camp_layout
from kg.pictures.network import (
    CAMP_COLOURS,
    NEGATIVE,
    NEUTRAL,
    OTHER_COLOUR,
    POSITIVE,
    node_colours,
)

_PIXELS_PER_UNIT = 140
_SHAPES = {"Country": "square", "Person": "dot", "Organization": "diamond", "Group": "triangle"}
_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ margin: 0; font-family: sans-serif; }}
h1 {{ font-size: 18px; margin: 10px 14px; }}
#network {{ width: 100%; height: 88vh; border-top: 1px solid #ddd; }}
div.vis-tooltip {{ position: absolute; padding: 6px 8px; background: #fff; border: 1px solid #999;
  border-radius: 4px; font-size: 13px; white-space: pre-line; pointer-events: none; }}
</style>
<script>{library}</script>
</head>
<body>
<h1>{title}</h1>
<div id="network"></div>
<script>
const data = {data};
const network = new vis.Network(
  document.getElementById("network"),
  {{ nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) }},
  {{ physics: false, interaction: {{ hover: true }},
     nodes: {{ font: {{ size: 16 }}, borderWidth: 1.5 }},
     edges: {{ font: {{ size: 11, align: "middle" }}, arrows: "to" }} }}
);
network.once("afterDrawing", () => {{
  document.body.setAttribute("data-drawn", String(data.nodes.length));
}});
</script>
</body>
</html>
"""


def write_interactive(
    graph: nx.Graph,
    path: str | Path,
    *,
    color_by: str = "country",
    camps: list[frozenset[str]] | None = None,
    title: str | None = None,
) -> Path:
    """Write the page for ``graph`` (as built by ``kg.analysis``) to ``path``."""
    camps = find_camps(graph) if camps is None else camps
    title = title or (
        f"Actor network: {graph.number_of_nodes()} actors, {graph.number_of_edges()} interactions"
    )
    page = _PAGE.format(
        title=html.escape(title),
        library=_vis_network(),
        data=json.dumps(network_data(graph, color_by=color_by, camps=camps)).replace("</", "<\\/"),
    )
    path = Path(path)
    path.write_text(page, encoding="utf-8")
    return path


def network_data(
    graph: nx.Graph, *, color_by: str = "country", camps: list[frozenset[str]] | None = None
) -> dict[str, list[dict]]:
    """The vis-network nodes and edges of ``graph``: ids are positions in
    ``sorted(graph)``, coordinates those of the static picture.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", type="supports", polarity=1, articles=2)
    0
    >>> data = network_data(g)
    >>> [n["label"] for n in data["nodes"]], data["edges"][0]["label"]
    (['a', 'b'], 'supports')
    """
    camps = find_camps(graph) if camps is None else camps
    pos = camp_layout(graph, camps)
    colours = node_colours(graph, color_by)
    camp_of = {node: i for i, camp in enumerate(camps) for node in camp}
    ids = {node: index for index, node in enumerate(sorted(graph))}
    nodes = []
    for node in sorted(graph):
        data = graph.nodes[node]
        partners = len(set(nx.all_neighbors(graph, node)) - {node})
        border = CAMP_COLOURS[camp_of[node] % len(CAMP_COLOURS)] if node in camp_of else "#333333"
        nodes.append(
            {
                "id": ids[node],
                "label": str(data.get("label", node)),
                "title": "\n".join(
                    f"{key}: {data[key]}"
                    for key in ("type", "country", "sector", "articles")
                    if data.get(key) is not None
                )
                + f"\npartners: {partners}"
                + (f"\ncamp {camp_of[node] + 1}" if node in camp_of else ""),
                "x": round(pos[node][0] * _PIXELS_PER_UNIT, 1),
                "y": round(-pos[node][1] * _PIXELS_PER_UNIT, 1),
                "shape": _SHAPES.get(data.get("type"), "dot"),
                "size": 12 + 4 * partners**0.5,
                "color": {
                    "background": colours.get(data.get(color_by), OTHER_COLOUR),
                    "border": border,
                },
                "borderWidth": 4 if node in camp_of else 1.5,
            }
        )
    edges = []
    seen: dict[frozenset, int] = {}
    for source, target, data in graph.edges(data=True):
        polarity = int(data.get("polarity", 0))
        pair = frozenset((source, target))
        seen[pair] = seen.get(pair, 0) + 1
        colour = POSITIVE if polarity > 0 else NEGATIVE if polarity < 0 else NEUTRAL
        edges.append(
            {
                "from": ids[source],
                "to": ids[target],
                "label": data.get("type", ""),
                "title": "\n".join(
                    f"{key}: {data[key]}"
                    for key in ("type", "polarity", "articles", "first_date", "last_date")
                    if data.get(key) is not None
                ),
                "color": {"color": colour, "highlight": colour, "hover": colour},
                "dashes": polarity < 0,
                "width": 1 + data.get("articles", 1) ** 0.5,
                "smooth": {"type": "curvedCW", "roundness": 0.18 * (seen[pair] - 1)},
            }
        )
    return {"nodes": nodes, "edges": edges}


def _vis_network() -> str:
    """The vis-network library shipped inside the ``pyvis`` package."""
    try:
        folder = files("pyvis") / "lib"
    except ModuleNotFoundError:
        raise ConfigError(
            "the interactive view needs the pyvis package (it ships vis-network): "
            "pip install 'newskg[notebooks]'"
        ) from None
    found = sorted(
        (
            entry / "vis-network.min.js"
            for entry in folder.iterdir()
            if entry.name.startswith("vis-")
        ),
        key=lambda script: [int(part) for part in script.parent.name[4:].split(".")],
    )
    if not found or not found[-1].is_file():
        raise ConfigError(f"no vis-network.min.js under {folder}; reinstall pyvis")
    return found[-1].read_text(encoding="utf-8").replace("</script", "<\\/script")
