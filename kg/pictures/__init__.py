"""Pictures of the graph: the actor network, the stance matrix, news over time.

Each function draws on a fresh matplotlib ``Figure`` (no pyplot state, so it
works headless and in notebooks alike), saves it when given a path, and
returns it. They need the optional plotting packages::

    pip install 'newskg[notebooks]'

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="Ankara", type="Country", country="TUR")
>>> g.add_node("b", label="Berlin", type="Country", country="DEU")
>>> g.add_edge("a", "b", type="consults", polarity=1, articles=1)
0
>>> picture = draw_network(g)
>>> picture.nodes, picture.edges, picture.labels
(2, 1, ['Ankara', 'Berlin'])
"""

from __future__ import annotations

from kg.errors import ConfigError

try:
    import matplotlib  # noqa: F401
except ImportError:  # pragma: no cover - depends on the installation
    raise ConfigError(
        "kg.pictures needs matplotlib; install the plotting extras: pip install 'newskg[notebooks]'"
    ) from None

from kg.pictures.interactive import write_interactive
from kg.pictures.network import NetworkPicture, draw_network

__all__ = ["NetworkPicture", "draw_network", "write_interactive"]
