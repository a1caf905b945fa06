"""kg export: each format reads back into what it came from, byte-identical on every run."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset

from kg.export import export
from kg.paths import load_projection_graph

ROOT = Path(__file__).resolve().parent.parent


def quads(ds: Dataset) -> set[tuple[str, ...]]:
    return {(str(s), str(p), str(o), str(g)) for s, p, o, g in ds.quads((None, None, None, None))
            if not str(g).startswith("urn:x-rdflib:")}


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_formats_hold_the_projection_with_attributes(built: Path, tmp_path: Path, fmt: str, reader) -> None:  # type: ignore[no-untyped-def]
    (path,) = export(built / "graph.trig", fmt, tmp_path / f"g.{fmt}")
    back = reader(path)
    pg = load_projection_graph(built / "graph.trig")
    assert back.number_of_nodes() == pg.graph.number_of_nodes()
    assert back.number_of_edges() == pg.graph.number_of_edges()
    putin = back.nodes["https://w3id.org/parley/id/actor/vladimir-putin"]
    assert putin["type"] == "Person" and putin["label"] == "Vladimir Putin" and putin["side"] == "Russia"
    position = next(d for _n, d in back.nodes(data=True) if d["type"] == "Position")
    assert {"stance", "issue", "holder", "date", "sources"} <= set(position) and int(position["evidence"]) >= 1
    relations = {d["relation"] for _a, _b, d in back.edges(data=True)}
    assert {"demands", "on", "participatesIn"} & relations


@pytest.mark.parametrize("fmt", ["jsonld", "nquads"])
def test_rdf_formats_hold_every_quad(built: Path, tmp_path: Path, fmt: str) -> None:
    from kg.graphio import load_dataset

    (path,) = export(built / "graph.trig", fmt, tmp_path / f"g.{fmt}")
    back = Dataset()
    back.parse(path, format="json-ld" if fmt == "jsonld" else "nquads")
    assert quads(back) == quads(load_dataset(built / "graph.trig"))


def test_csv_tables(built: Path, tmp_path: Path) -> None:
    paths = export(built / "graph.trig", "csv", tmp_path / "tables")
    assert sorted(p.name for p in paths) == ["positions.csv", "statements.csv", "talks.csv"]
    with (tmp_path / "tables" / "statements.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["actor", "concept", "agreement", "date", "text", "document"]
    assert {r["agreement"] for r in rows} == {"0", "1"}
    with (tmp_path / "tables" / "positions.csv").open(encoding="utf-8") as fh:
        positions = list(csv.DictReader(fh))
    assert any(r["holder"] == "Vladimir Putin" and r["side"] == "Russia" for r in positions)
    assert all(r["quote"] and r["document"] for r in positions)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "jsonld", "nquads", "csv"])
def test_exports_are_byte_identical_across_processes(built: Path, tmp_path: Path, fmt: str) -> None:
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "KG_CACHE_DIR": str(tmp_path / f"c{seed}")}
        subprocess.run([sys.executable, "-m", "kg.cli", "export", fmt, "--graph", str(built / "graph.trig"), "--out", str(out)],
                       check=True, env=env, capture_output=True)
        outs.append(out)
    if fmt == "csv":
        for name in ("positions.csv", "statements.csv", "talks.csv"):
            assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()
    else:
        assert outs[0].read_bytes() == outs[1].read_bytes()


def test_unknown_format_and_a_file_where_the_tables_go(built: Path, tmp_path: Path) -> None:
    from kg.errors import KgError

    with pytest.raises(KgError, match="unknown export format"):
        export(built / "graph.trig", "xlsx")
    blocker = tmp_path / "tables"
    blocker.write_text("")
    with pytest.raises(KgError, match="pass a folder"):
        export(built / "graph.trig", "csv", blocker)
