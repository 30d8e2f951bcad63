"""The actor network the service answers ``/paths`` and ``/network`` from,
read from the store once and kept until the store changes.

Reading the network takes two store-wide queries (every factual relation
record, then every actor at their ends): 170 ms on 2,000 Reuters articles,
which each request paid before. ``NetworkCache`` keeps what they read
(``kg.analysis.NetworkRecords``) and the networks built from it for the last
few filters; a filtered network is built from the kept records in memory.

Staleness: every write through the service (``api.writing``) calls
``invalidate``, and a network read while a write was under way is not kept,
so no answer given after a write returns predates it. The embedded store is
locked by the server: no other process can write it (``kg ingest`` is
refused; send articles to ``POST /articles``). A remote store may be written
by other clients behind the service's back; there the network is kept for at
most ``max_age`` seconds (``KG_NETWORK_MAX_AGE``; by default 0: read anew for
every request).

>>> from kg.config import Settings
>>> from kg.graph import KnowledgeGraph
>>> from kg.read import article_from_text
>>> kg = KnowledgeGraph(Settings(store=":memory:"))
>>> _ = kg.ingest([article_from_text("a", "Cuba endorsed Maduro.")])
>>> cache = NetworkCache(kg.store)
>>> cache.network().number_of_edges()
1
>>> _ = kg.ingest([article_from_text("b", "Russia endorsed Maduro.")])
>>> cache.network().number_of_edges()  # not told of the write: what it kept
1
>>> cache.invalidate()
>>> cache.network().number_of_edges()
2
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

import networkx as nx

from kg.analysis import NetworkRecords, actor_network
from kg.queries import EVERY_RELATION, RelationFilter
from kg.store import GraphStore

NETWORKS_KEPT = 16
"""Networks kept, one per filter (the last used), besides the records."""


class NetworkCache:
    """The actor network of ``store``, kept between requests (see the module);
    ``max_age`` in seconds, ``None`` for as long as no write comes."""

    def __init__(self, store: GraphStore, max_age: float | None = None) -> None:
        self._store = store
        self._max_age = max_age
        self._state = threading.Lock()  # guards the fields below; held briefly
        self._reading = threading.Lock()  # one store read at a time
        self._generation = 0
        self._records: NetworkRecords | None = None
        self._read_at = 0.0
        self._networks: OrderedDict[RelationFilter, nx.MultiDiGraph] = OrderedDict()

    def network(self, where: RelationFilter = EVERY_RELATION) -> nx.MultiDiGraph:
        """The network of the relations ``where`` admits. Shared between
        requests: read it, do not change it (``ego_network`` copies)."""
        if self._max_age == 0:
            return actor_network(self._store, where)
        records = self._current()
        with self._state:
            kept = self._networks.get(where) if records is self._records else None
            if kept is not None:
                self._networks.move_to_end(where)
                return kept
        network = records.network(where)
        with self._state:
            if records is self._records:
                self._networks[where] = network
                while len(self._networks) > NETWORKS_KEPT:
                    self._networks.popitem(last=False)
        return network

    def invalidate(self) -> None:
        """Forget everything read: the store has changed."""
        with self._state:
            self._generation += 1
            self._records, self._networks = None, OrderedDict()

    def _current(self) -> NetworkRecords:
        """The kept records, or new ones read from the store (and kept, unless
        a write came while they were read)."""
        with self._reading:
            with self._state:
                if self._records is not None and self._fresh():
                    return self._records
                generation = self._generation
            records = NetworkRecords.read(self._store)
            with self._state:
                if generation == self._generation:
                    self._records, self._networks = records, OrderedDict()
                    self._read_at = time.monotonic()
            return records

    def _fresh(self) -> bool:
        return self._max_age is None or time.monotonic() - self._read_at <= self._max_age
