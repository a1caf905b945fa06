"""RDF namespaces. ``KG`` is a closed DefinedNamespace: a misspelt term fails loudly."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

KG_IRI = "https://w3id.org/parley/ontology#"
ID_IRI = "https://w3id.org/parley/id/"


class KG(DefinedNamespace):
    """The Parley ontology (``kg:``); names are a fixed contract."""

    _NS = Namespace(KG_IRI)
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Group: URIRef
    Media: URIRef
    Commentator: URIRef
    Issue: URIRef
    Position: URIRef
    Stance: URIRef
    Talks: URIRef
    NegotiationRound: URIRef
    Meeting: URIRef
    Summit: URIRef
    PhoneCall: URIRef
    Place: URIRef
    Document: URIRef
    Evidence: URIRef
    TalksStatus: URIRef
    # stances and statuses
    Demand: URIRef
    Proposal: URIRef
    Support: URIRef
    Acceptance: URIRef
    Opposition: URIRef
    Rejection: URIRef
    Held: URIRef
    Planned: URIRef
    # position properties
    holder: URIRef
    issue: URIRef
    stance: URIRef
    claim: URIRef
    date: URIRef
    evidence: URIRef
    lastDate: URIRef
    sourceCount: URIRef
    polarity: URIRef
    shortcut: URIRef
    actorIssueRelation: URIRef
    demands: URIRef
    proposes: URIRef
    supports: URIRef
    accepts: URIRef
    opposes: URIRef
    rejects: URIRef
    conflictsWith: URIRef
    agreesWith: URIRef
    conflictRule: URIRef
    # talks
    participatesIn: URIRef
    mediates: URIRef
    hosts: URIRef
    heldIn: URIRef
    agreedOn: URIRef
    locatedIn: URIRef
    round: URIRef
    format: URIRef
    status: URIRef
    # actors
    represents: URIRef
    role: URIRef
    standsFor: URIRef
    demonym: URIRef
    partOf: URIRef
    headOfState: URIRef
    provisional: URIRef
    scopedAlias: URIRef
    aliasText: URIRef
    inDocument: URIRef
    # provenance
    document: URIRef
    quote: URIRef
    charStart: URIRef
    charEnd: URIRef
    extractor: URIRef
    sha256: URIRef
    documentId: URIRef
    # codebook helpers
    triggerPattern: URIRef
    scopedTrigger: URIRef
    framingIssue: URIRef
    withdrawalBy: URIRef


ID = Namespace(ID_IRI)
LEX = Namespace("https://w3id.org/parley/lexicon#")

#: Prefixes bound in every graph we write and predeclared for queries.
PREFIXES: dict[str, str] = {
    "kg": KG_IRI,
    "id": ID_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
