"""SHACL validation of a built dataset against ``ontology/shapes.ttl``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .resources import SHAPES_FILE, default_ontology_dir


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: int
    text: str


def validate(data: Graph, shapes_path: Path | None = None) -> ValidationReport:
    """Validate ``data`` with pySHACL.

    The ontology is part of ``data``: ``sh:class`` follows its ``rdfs:subClassOf`` without
    running RDFS inference (which is ten times slower and adds nothing the shapes need).
    """
    from pyshacl import validate as shacl_validate

    shapes = Graph()
    shapes.parse(shapes_path or default_ontology_dir() / SHAPES_FILE, format="turtle")
    conforms, _graph, text = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=False)
    violations = str(text).count("Constraint Violation")
    return ValidationReport(bool(conforms), violations, str(text))
