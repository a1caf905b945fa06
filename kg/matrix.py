"""The stance matrix: actors × issues, each cell the actor's stances on the issue.

The discourse-network view of the graph: rows are the actors that hold positions, grouped
by the side they speak for (a spokesperson sits with the country it represents); columns
are issues, grouped by issue group; a cell lists the positions, each with its stance and
number of sources. ``kg matrix`` prints it; the page draws it as its second tab.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

#: Stances in the order a cell lists them, with the letter the text table uses.
STANCE_ORDER = {"Demand": "D", "Proposal": "P", "Support": "S", "Acceptance": "A", "Opposition": "O", "Rejection": "R"}
ACTOR_TYPES = ("Person", "Country", "Organization", "Group")


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    side: str


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    group: str


@dataclass(frozen=True)
class Entry:
    position: str
    stance: str
    sources: int


@dataclass
class Matrix:
    rows: list[Row] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    cells: dict[tuple[int, int], list[Entry]] = field(default_factory=dict)


def stance_matrix(proj: Any) -> Matrix:
    """The matrix of a :class:`~kg.projection.Projection`.

    >>> from kg.projection import Edge, Node, Projection
    >>> nodes = {k: Node(k, k, t, [], d, [], [], [], g, s) for k, t, d, g, s in [
    ...     ("Putin", "Person", {}, "", ""), ("Russia", "Country", {}, "", ""),
    ...     ("crimea", "Issue", {}, "territory", ""),
    ...     ("P1", "Position", {"sources": "2"}, "territory", "Demand")]}
    >>> edges = [Edge("Putin", "P1", "demands", []), Edge("P1", "crimea", "on", []), Edge("Putin", "Russia", "represents", [])]
    >>> m = stance_matrix(Projection(nodes, edges))
    >>> [(r.label, r.side) for r in m.rows], [c.label for c in m.columns], m.cells[(0, 0)]
    ([('Putin', 'Russia')], ['crimea'], [Entry(position='P1', stance='Demand', sources=2)])
    """
    nodes = proj.nodes
    holder: dict[str, str] = {}
    issue: dict[str, str] = {}
    side: dict[str, list[str]] = {}
    for e in proj.edges:
        src, dst = nodes.get(e.source), nodes.get(e.target)
        if src is None or dst is None:
            continue
        if dst.type == "Position" and src.type in ACTOR_TYPES:
            holder[dst.iri] = src.iri
        elif src.type == "Position" and dst.type == "Issue" and e.relation == "on":
            issue[src.iri] = dst.iri
        elif e.relation == "represents" and src.type in ACTOR_TYPES:
            side.setdefault(src.iri, []).append(dst.label)
    facts = [(holder[p], issue[p], nodes[p]) for p in sorted(holder) if p in issue]

    def side_of(actor: str) -> str:
        return ", ".join(sorted(side.get(actor, []))) or nodes[actor].label

    actors = sorted({a for a, _i, _p in facts}, key=lambda a: (side_of(a).lower(), nodes[a].label.lower(), a))
    issues = sorted({i for _a, i, _p in facts}, key=lambda i: (nodes[i].group or "~", nodes[i].label.lower(), i))
    m = Matrix([Row(a, nodes[a].label, side_of(a)) for a in actors],
               [Column(i, nodes[i].label, nodes[i].group or "") for i in issues])
    row_of = {a: n for n, a in enumerate(actors)}
    col_of = {i: n for n, i in enumerate(issues)}
    for a, i, p in facts:
        sources = int(p.details.get("sources") or 0) or len(set(p.documents))
        m.cells.setdefault((row_of[a], col_of[i]), []).append(Entry(p.iri, p.stance, sources))
    for entries in m.cells.values():
        entries.sort(key=lambda e: (list(STANCE_ORDER).index(e.stance) if e.stance in STANCE_ORDER else 9, e.position))
    return m


def matrix_of_file(graph_path: Any) -> Matrix:
    """The matrix of a graph file."""
    from .graphio import load_view
    from .projection import project

    return stance_matrix(project(load_view(graph_path)))  # type: ignore[arg-type]


def cell_text(entries: list[Entry], letters: bool = True) -> str:
    """A cell as text: ``D2 R1`` (stance letter, sources) or ``demands (2); rejects (1)``.

    >>> cell_text([Entry("p", "Demand", 2), Entry("q", "Rejection", 1)])
    'D2 R1'
    """
    from .iris import STANCE_LABEL

    if letters:
        return " ".join(f"{STANCE_ORDER.get(e.stance, '?')}{e.sources}" for e in entries)
    return "; ".join(f"{STANCE_LABEL.get(e.stance, e.stance)} ({e.sources})" for e in entries)


def matrix_table(m: Matrix, fmt: str = "table") -> str:
    """The matrix as a text table (stance letters; a key underneath) or as CSV (words)."""
    header = ["side", "actor", *[c.label for c in m.columns]]
    body = [[r.side, r.label, *[cell_text(m.cells.get((ri, ci), []), fmt == "table") for ci in range(len(m.columns))]]
            for ri, r in enumerate(m.rows)]
    if fmt == "csv":
        from .query import spreadsheet_safe

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["side", "actor", *[f"{c.label} [{c.group}]" if c.group else c.label for c in m.columns]])
        for row in body:
            writer.writerow([spreadsheet_safe(c) for c in row])
        return buf.getvalue().rstrip("\n")
    from .query import table

    key = ", ".join(f"{letter} {stance.lower()}" for stance, letter in STANCE_ORDER.items())
    return table(header, body, width=10_000) + f"\n\n{key}; the number is the count of sources."


def matrix_data(m: Matrix) -> dict[str, Any]:
    """The matrix for the page (JSON): rows, columns and cells keyed ``"row,col"``."""
    return {
        "rows": [{"id": r.id, "label": r.label, "side": r.side} for r in m.rows],
        "columns": [{"id": c.id, "label": c.label, "group": c.group} for c in m.columns],
        "cells": {f"{ri},{ci}": [{"position": e.position, "stance": e.stance, "sources": e.sources} for e in entries]
                  for (ri, ci), entries in sorted(m.cells.items())},
    }
