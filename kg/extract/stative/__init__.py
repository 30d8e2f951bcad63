"""Stative relations: who holds which position, who belongs to what, what is
part of or located in what.

- ``positions``: holdsPosition and memberOf of persons, from titles,
  appositions, copulas, "as", names with an organisation;
- ``parties``: party affiliation ("Republican Senator X", "X (D-Calif.)");
- ``verbs``: "X heads Y", "X works for Y", "based in", "owned by" (a lexicon);
- ``parts``: partOf ("a subsidiary of", "the Russian Foreign Ministry");
- ``places``: locatedIn ("Caracas, Venezuela", "the Venezuelan capital of
  Caracas", "Tokyo-based", "St. Nicholas Hospital in Gosforth").

``note_roles`` runs before pronouns are resolved (titles give genders and the
roles that descriptions such as "the self-proclaimed interim president" refer
to); ``stative_relations`` runs after, so that "He is the chief executive of
Y" and "its CEO" find their referents.

>>> from kg.pipeline import Extractor
>>> from kg.read import article_from_text
>>> text = "Acme Corp., based in Dayton, Ohio, said so."
>>> x = Extractor().extract_one(article_from_text("x", text))
>>> for r in sorted(x.relations, key=lambda r: (r.subject, r.object)):
...     print(r.subject, r.predicate, r.object)
acme-corp locatedIn dayton
acme-corp locatedIn ohio
dayton locatedIn ohio
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.stative.parties import mark_parties, party_affiliations
from kg.extract.stative.parts import parts
from kg.extract.stative.places import closure, locations
from kg.extract.stative.positions import note_roles, positions
from kg.extract.stative.verbs import verb_relations
from kg.models import Relation
from kg.resolve.in_article import EntityTable


def stative_relations(doc: Doc, table: EntityTable, body_start: int = 0) -> list[Relation]:
    """Positions, membership, part-of and location relations of the article."""
    found = [
        *positions(doc, table, body_start),
        *party_affiliations(doc, table, body_start),
        *verb_relations(doc, table, body_start),
        *parts(doc, table, body_start),
        *locations(doc, table, body_start),
    ]
    found += closure(found, table)
    mark_parties(table, found)
    return found


__all__ = ["note_roles", "stative_relations"]
