"""The whole build: outputs, determinism, SHACL, provenance, the committed output/."""

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.namespaces import KG, PREFIXES
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
GRAPH_FILES = ("graph.trig", "graph.ttl", "graph.nq", "graph.html")


def test_outputs_exist_and_parse(built: Path) -> None:
    for name in GRAPH_FILES:
        assert (built / name).stat().st_size > 0
    ds = Dataset()
    ds.parse(built / "graph.trig", format="trig")
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert "https://w3id.org/parley/id/graph/ontology" in graphs
    assert sum("/graph/doc/" in g for g in graphs) == 5


def test_same_input_gives_identical_bytes(built: Path, tmp_path: Path, corpus_dir: Path) -> None:
    build([corpus_dir], tmp_path)
    for name in (*GRAPH_FILES, "build.json"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_build_json_lists_inputs_and_the_hash_of_each_file(built: Path) -> None:
    import hashlib
    import json

    manifest = json.loads((built / "build.json").read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == sorted(GRAPH_FILES)
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((built / name).read_bytes()).hexdigest() == digest
    assert len(manifest["inputs"]) == 5 and all(len(i["body_sha256"]) == 64 for i in manifest["inputs"])
    assert not any(str(i["path"]).startswith("/") for i in manifest["inputs"])
    assert manifest["skipped"] == [] and "spacy-model" in manifest["versions"]


def test_committed_output_is_fresh(built: Path) -> None:
    """output/ is committed: it must be what `make run` builds now."""
    for name in (*GRAPH_FILES, "build.json"):
        committed = ROOT / "output" / name
        assert committed.is_file(), f"output/{name} is missing: run `make run`"
        assert committed.read_bytes() == (built / name).read_bytes(), f"output/{name} is stale: run `make run`"


def test_graph_conforms_to_shapes(built_graph) -> None:  # type: ignore[no-untyped-def]
    from kg.validate import validate

    report = validate(built_graph)
    assert report.conforms, report.text[:2000]


def test_shapes_catch_a_position_without_evidence(built_graph) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Graph

    from kg.validate import validate

    g = Graph()
    for t in built_graph:
        if t[1] != KG.evidence:
            g.add(t)
    assert not validate(g).conforms


PROVENANCE = """
SELECT ?s ?p ?o ?quote ?doc WHERE {
  { ?x kg:evidence ?ev . ?x a kg:Position . BIND(?x AS ?s) BIND(kg:holder AS ?p) ?x kg:holder ?o }
  UNION
  { ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?ev }
  ?ev kg:quote ?quote ; kg:document ?doc .
}"""


def test_every_fact_leads_to_its_sentence(built_graph, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from kg.documents import read_document

    bodies = {read_document(p).doc_id: read_document(p).body for p in corpus_dir.glob("*.txt")}
    # every reified statement and every position has evidence whose quote is verbatim at its offsets
    for ev in built_graph.subjects(predicate=KG.quote):
        doc_id = str(built_graph.value(built_graph.value(ev, KG.document), KG.documentId))
        start = built_graph.value(ev, KG.charStart).toPython()
        end = built_graph.value(ev, KG.charEnd).toPython()
        assert bodies[doc_id][start:end] == str(built_graph.value(ev, KG.quote))
    rows = list(built_graph.query(PROVENANCE, initNs=PREFIXES))
    assert len(rows) > 50
    # the extracted relations between resources all have a reification with evidence
    from rdflib import RDF

    for pred in (KG.participatesIn, KG.mediates, KG.heldIn, KG.agreedOn):
        for s, o in built_graph.subject_objects(pred):
            stmts = [st for st in built_graph.subjects(RDF.subject, s)
                     if built_graph.value(st, RDF.predicate) == pred and built_graph.value(st, RDF.object) == o]
            assert stmts and all(built_graph.value(st, KG.evidence) is not None for st in stmts), (s, pred, o)


def test_every_position_and_talks_has_evidence(built_graph) -> None:  # type: ignore[no-untyped-def]
    from rdflib import RDF

    for cls in (KG.Position, KG.Talks):
        nodes = set(built_graph.subjects(RDF.type, cls))
        assert nodes
        assert all(built_graph.value(n, KG.evidence) is not None for n in nodes)


def test_a_document_with_nothing_to_extract_gives_an_empty_graph(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "weather.txt").write_text("Title: Weather\n\nIt rained in Paris all day.\n", encoding="utf-8")
    summary = build([src], tmp_path / "out", html=False)
    assert summary.empty_documents == ["weather"] and summary.positions == 0
    assert "graph/doc/weather" in (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["graph.trig", "graph.ttl"])
def test_no_half_written_file_on_error(tmp_path: Path, name: str) -> None:
    from kg.errors import CorpusError

    out = tmp_path / "out"
    out.mkdir()
    (out / name).write_text("old", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe bad")
    with pytest.raises(CorpusError):
        build([bad], out)
    assert (out / name).read_text(encoding="utf-8") == "old"
    assert [p.name for p in out.iterdir()] == [name]


def test_identical_bytes_across_processes_and_hash_seeds(tmp_path: Path, corpus_dir: Path) -> None:
    """Set order depends on PYTHONHASHSEED: two processes must still write the same files."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus_dir), "--out", str(out), "--no-validate"],
                       check=True, env=env, capture_output=True)
        outs.append(out)
    for name in (*GRAPH_FILES, "build.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_nquads_hold_every_quad_of_the_trig(built: Path) -> None:
    quads = Dataset()
    quads.parse(built / "graph.nq", format="nquads")
    trig = Dataset()
    trig.parse(built / "graph.trig", format="trig")

    def rows(ds: Dataset) -> set[tuple[str, ...]]:
        return {tuple(map(str, q)) for q in ds.quads((None, None, None, None)) if not str(q[3]).startswith("urn:x-rdflib:")}

    assert rows(quads) == rows(trig)
    lines = (built / "graph.nq").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
