"""The project's vocabulary as a closed namespace, mirroring ``ontology/kg.ttl``.

A typo is an error at import or first use (``KG.suports`` raises), and a test
checks that every term here is defined in the ontology and the other way
round.

>>> str(KG.supports)
'https://w3id.org/newskg/ns#supports'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NS = "https://w3id.org/newskg/ns#"
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
PREFIXES = {
    "kg": NS,
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "oa": str(OA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class KG(DefinedNamespace):
    """Terms of the newskg ontology."""

    _NS = Namespace(NS)
    _fail = True

    # classes: things
    Entity: URIRef
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Group: URIRef
    Place: URIRef
    City: URIRef
    Region: URIRef
    OtherEntity: URIRef
    Article: URIRef
    Mention: URIRef
    Statement: URIRef
    # classes: relation records (n-ary nodes)
    Relation: URIRef
    StativeRelation: URIRef
    Interaction: URIRef
    PositionHolding: URIRef
    Membership: URIRef
    Parthood: URIRef
    Location: URIRef
    Support: URIRef
    Criticism: URIRef
    Demand: URIRef
    Rejection: URIRef
    Consultation: URIRef
    Cooperation: URIRef
    Supply: URIRef
    Deployment: URIRef
    Threat: URIRef
    Sanction: URIRef
    Protest: URIRef
    Attack: URIRef
    Concession: URIRef
    Quantity: URIRef

    # direct relations between actors
    relatedTo: URIRef
    interactsWith: URIRef
    holdsPosition: URIRef
    memberOf: URIRef
    partOf: URIRef
    locatedIn: URIRef
    supports: URIRef
    criticizes: URIRef
    demands: URIRef
    rejects: URIRef
    consults: URIRef
    cooperatesWith: URIRef
    supplies: URIRef
    deployedTo: URIRef
    threatens: URIRef
    sanctions: URIRef
    protests: URIRef
    attacks: URIRef
    concedes: URIRef
    said: URIRef

    # relation and statement records
    source: URIRef
    target: URIRef
    relationType: URIRef
    role: URIRef
    cue: URIRef
    cueStart: URIRef
    cueEnd: URIRef
    negated: URIRef
    modality: URIRef
    date: URIRef
    dateStart: URIRef
    dateEnd: URIRef
    datePrecision: URIRef
    dateText: URIRef
    confidence: URIRef
    extractor: URIRef
    extractorVersion: URIRef
    evidenceText: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    inArticle: URIRef
    speaker: URIRef
    speakerText: URIRef
    speakerStart: URIRef
    speakerEnd: URIRef
    speakerType: URIRef
    kind: URIRef
    content: URIRef
    contentStart: URIRef
    contentEnd: URIRef
    quantity: URIRef

    # mentions and quantities
    denotes: URIRef
    anchorText: URIRef
    startOffset: URIRef
    endOffset: URIRef
    amount: URIRef
    unit: URIRef
    measures: URIRef

    # entities
    countryCode: URIRef
    sector: URIRef

    # articles
    articleId: URIRef
    newsSource: URIRef
    dateline: URIRef
    contentHash: URIRef
    bodyStart: URIRef

    # annotations on vocabulary terms
    ploverClass: URIRef
    cameoCode: URIRef
    polarity: URIRef
    recordClass: URIRef


ENTITY_CLASS = {
    "Person": KG.Person,
    "Organization": KG.Organization,
    "Country": KG.Country,
    "Group": KG.Group,
    "City": KG.City,
    "Region": KG.Region,
    "Place": KG.Place,
    "Other": KG.OtherEntity,
}
RECORD_CLASS = {
    "holdsPosition": KG.PositionHolding,
    "memberOf": KG.Membership,
    "partOf": KG.Parthood,
    "locatedIn": KG.Location,
    "supports": KG.Support,
    "criticizes": KG.Criticism,
    "demands": KG.Demand,
    "rejects": KG.Rejection,
    "consults": KG.Consultation,
    "cooperatesWith": KG.Cooperation,
    "supplies": KG.Supply,
    "deployedTo": KG.Deployment,
    "threatens": KG.Threat,
    "sanctions": KG.Sanction,
    "protests": KG.Protest,
    "attacks": KG.Attack,
    "concedes": KG.Concession,
}


def predicate_iri(name: str) -> URIRef:
    """The property for a predicate of the core vocabulary ("supports")."""
    return KG[name]
