"""Actor codes: the country every actor belongs to, from what the article says.

Names and titles give most actors their country directly ("Russian Foreign
Minister Sergey Lavrov", "the Venezuelan parliament"). The rest inherit it
from the stative relations read from the article: a person from the
organisation, group or country they hold a position in or belong to
("Venezuelan opposition leader Juan Guaido" -> VEN), an organisation from
what it is part of. Sectors come with titles and institutions; an actor that
has none takes the sector of the organisation it holds a position in.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.models import Relation
from kg.resolve.in_article import EntityTable

INHERITS = {"holdsPosition", "memberOf", "partOf"}


def complete_actor_codes(table: EntityTable, relations: Iterable[Relation]) -> None:
    """Fill in the missing country (and sector) of actors from their relations."""
    for relation in relations:
        if relation.predicate not in INHERITS:
            continue
        if relation.subject not in table or relation.object not in table:
            continue
        actor, side = table[relation.subject], table[relation.object]
        actor.country = actor.country or side.country
        if relation.predicate == "holdsPosition" and side.type == "Organization":
            actor.sector = actor.sector or side.sector
