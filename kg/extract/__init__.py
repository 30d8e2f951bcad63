"""Extraction: pure functions from a parsed article to typed records.

``extract_article(article, doc)`` runs the steps in order — mentions, entity
clusters, descriptions, roles, pronouns, stative relations, statements,
first-person pronouns in quotations, interactions — and freezes the result
into one ``Extraction``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.evidence import trimmed
from kg.extract.interactions import interactions
from kg.extract.mentions import find_mentions
from kg.extract.statements import reports_speech, statements
from kg.extract.stative import note_roles, stative_relations
from kg.models import Article, Entity, Extraction, Relation, Span
from kg.resolve.actor_codes import complete_actor_codes
from kg.resolve.in_article import EntityTable, build_table
from kg.resolve.references import resolve_quoted_speakers, resolve_references


def extract_article(article: Article, doc: Doc) -> Extraction:
    """Everything ``kg`` reads from one parsed article."""
    body = article.body_start
    table = build_table(doc, find_mentions(doc, body))
    resolve_references(doc, table, body, pronouns=False)
    note_roles(doc, table, body)
    resolve_references(doc, table, body, pronouns=True)
    stative = stative_relations(doc, table, body)
    complete_actor_codes(table, stative)
    said = list(statements(doc, table, article.published, body))
    resolve_quoted_speakers(doc, table, said, stative)
    speech = [s.content for s in said if reports_speech(s)]
    acts = list(interactions(doc, table, article.published, body, speech))
    relations = _deduplicated(stative + acts)
    used = {r.subject for r in relations} | {r.object for r in relations if r.object}
    used |= {s.speaker for s in said if s.speaker}
    text = doc.text  # built once: Doc.text joins every token on each call
    return Extraction(
        article=article,
        entities=tuple(_frozen(table, used)),
        relations=tuple(relations),
        statements=tuple(said),
        sentences=tuple(
            trimmed(text, s.start_char, s.end_char) for s in doc.sents if s.end_char > body
        ),
    )


def _frozen(table: EntityTable, used: set[str]) -> list[Entity]:
    entities = []
    for draft in table.entities:
        if not draft.mentions and draft.id not in used:
            continue
        entities.append(
            Entity(
                id=draft.id,
                label=draft.label,
                type=draft.type,  # type: ignore[arg-type]
                aliases=tuple(draft.aliases),
                country=draft.country,
                sector=draft.sector,
                mentions=tuple(
                    Span(
                        table.doc[m.start].idx,
                        table.doc[m.end - 1].idx + len(table.doc[m.end - 1].text),
                        m.text,
                    )
                    for m in draft.mentions
                ),
                identifiers=draft.identifiers,
            )
        )
    return entities


def _deduplicated(relations: list[Relation]) -> list[Relation]:
    """One relation per (subject, predicate, object, negation, modality, sentence):
    the most confident reading wins."""
    best: dict[tuple, Relation] = {}
    for relation in relations:
        key = (
            relation.subject,
            relation.predicate,
            relation.object,
            relation.role,
            relation.negated,
            relation.modality,
            relation.evidence.start,
        )
        if key not in best or relation.confidence > best[key].confidence:
            best[key] = relation
    return sorted(best.values(), key=lambda r: (r.evidence.start, r.predicate, r.subject))


__all__ = ["extract_article"]
