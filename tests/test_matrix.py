"""The stance matrix: rows by side, columns by issue group, cells with stances and sources."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kg.matrix import matrix_of_file, matrix_table, stance_matrix


def test_every_position_is_in_one_cell(built: Path, built_graph) -> None:  # type: ignore[no-untyped-def]
    from rdflib import RDF

    from kg.namespaces import KG
    from kg.projection import project

    m = stance_matrix(project(built_graph))
    positions = {str(p) for p in built_graph.subjects(RDF.type, KG.Position)}
    in_cells = [e.position for entries in m.cells.values() for e in entries]
    assert sorted(in_cells) == sorted(positions)
    sides = [r.side for r in m.rows]
    assert sides == sorted(sides, key=str.lower)  # grouped by side
    groups = [c.group for c in m.columns]
    assert groups == sorted(groups)  # grouped by issue group


def test_spokespeople_sit_with_their_side(built: Path) -> None:
    m = matrix_of_file(built / "graph.trig")
    side = {r.label: r.side for r in m.rows}
    assert side["Vladimir Putin"] == "Russia" and side["Russia"] == "Russia"
    putin = next(i for i, r in enumerate(m.rows) if r.label == "Vladimir Putin")
    crimea = next(i for i, c in enumerate(m.columns) if c.label == "Crimea")
    assert [e.stance for e in m.cells[(putin, crimea)]] == ["Demand"]


def test_text_and_csv(built: Path) -> None:
    m = matrix_of_file(built / "graph.trig")
    text = matrix_table(m)
    assert "D1" in text and "the number is the count of sources" in text
    rows = list(csv.reader(io.StringIO(matrix_table(m, "csv"))))
    assert rows[0][:2] == ["side", "actor"] and len(rows) == len(m.rows) + 1
    assert any("demands (" in cell for row in rows[1:] for cell in row)
