"""SHACL validation of a built dataset against ``ontology/shapes.ttl``.

A build validates in parts (:func:`validate_documents`, :func:`validate_merged`), so that a
document validated once is not validated again. The parts add up to the whole: every node of
a document graph is validated with the ontology it points into; what the merged graph adds to
a node (a position's dates, sources and claim, a talks event's one label) is validated on its
own for its values and counts. Counts cannot add up to a violation across documents, because
what two documents say about one node is fixed by the node's IRI (a position's holder, stance
and issue; a talks event's date and round).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

from .errors import ValidationFailed
from .namespaces import KG
from .resources import SHAPES_FILE, default_ontology_dir


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: int
    text: str


def validate(data: Graph, shapes_path: Path | None = None, relaxed: Sequence[URIRef] = ()) -> ValidationReport:
    """Validate ``data`` with pySHACL.

    The ontology is part of ``data``: ``sh:class`` follows its ``rdfs:subClassOf`` without
    running RDFS inference (which is ten times slower and adds nothing the shapes need).
    """
    from pyshacl import validate as shacl_validate

    shapes = Graph()
    shapes.parse(shapes_path or default_ontology_dir() / SHAPES_FILE, format="turtle")
    for cls in relaxed:  # nodes of which ``data`` holds a part: what it has must be right, what it lacks is elsewhere
        for shape in shapes.subjects(SH.targetClass, cls):
            for prop in shapes.objects(shape, SH.property):
                shapes.remove((prop, SH.minCount, None))
    conforms, _graph, text = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=False)
    violations = str(text).count("Constraint Violation")
    return ValidationReport(bool(conforms), violations, str(text))


def check(report: ValidationReport) -> None:
    """Raise :class:`~kg.errors.ValidationFailed` naming the first violation of ``report``, if any."""
    if not report.conforms:
        first = next((ln.strip() for ln in report.text.splitlines() if "Message" in ln), "see pyshacl report")
        raise ValidationFailed(f"the built graph violates {report.violations} SHACL constraints ({first})")


def validate_documents(ontology: Graph, graphs: Sequence[Graph], shapes_path: Path | None = None) -> ValidationReport:
    """Validate document graphs with the ontology they point into.

    The one label of a talks event is in the merged graph (one per event, by construction);
    a placeholder stands in for it here.
    """
    data = Graph()
    for part in (ontology, *graphs):
        for triple in part:
            data.add(triple)
    for node in set(data.subjects(RDF.type, KG.Talks)):
        if (node, RDFS.label, None) not in data:
            data.add((node, RDFS.label, Literal("label in the merged graph", lang="en")))
    return validate(data, shapes_path)


def validate_merged(merged: Graph, shapes_path: Path | None = None) -> ValidationReport:
    """Validate what the merged graph says, with the types of the nodes it speaks of
    (positions have sources, talks events a label, links point to evidence)."""
    data = Graph()
    for triple in merged:
        data.add(triple)
    for node in set(merged.subjects(KG.sourceCount, None)):
        data.add((node, RDF.type, KG.Position))
    for node in set(merged.subjects(RDFS.label, None)):
        data.add((node, RDF.type, KG.Talks))
    for node in set(merged.objects(None, KG.evidence)):
        data.add((node, RDF.type, KG.Evidence))
    return validate(data, shapes_path, relaxed=(KG.Position, KG.Talks, KG.Evidence))
