"""Benchmark `kg path`: cold (parse the graph, project, find a path) and warm (cached projection).

Usage: python scripts/bench_path.py --triples 10000 --triples 100000 --triples 1000000 [--nodes 100000]

Graphs are made through the real mapping layer from synthetic position records (gazetteer
actors × codebook issues × stances, many evidence sentences), written as TriG. ``--nodes``
also times warm queries on a synthetic projection of that many nodes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.documents import Document  # noqa: E402
from kg.extract import Extraction  # noqa: E402
from kg.mapping import to_dataset, union_graph  # noqa: E402
from kg.output import serialize_trig  # noqa: E402
from kg.paths import ProjectionGraph, load_projection_graph, shortest_paths  # noqa: E402
from kg.projection import Edge, Node, Projection  # noqa: E402
from kg.records import Evidence, PositionRecord  # noqa: E402
from kg.resources import load_resources  # noqa: E402

STANCES = ["Demand", "Proposal", "Support", "Acceptance", "Opposition", "Rejection"]


def make_graph(target: int, path: Path, seed: int = 1) -> int:
    """A graph of about ``target`` triples: a fixed pool of positions (so that conflicts and
    agreements, which grow with the square of the positions per issue, stay bounded) stated
    by many evidence sentences in many documents."""
    pool = min(400, max(20, target // 250))
    # Measured: about 7.2 triples per record beyond ~50k of ontology, documents and links.
    records = max(20, target // 10) if target < 150_000 else int((target - 50_000) / 7.2)
    return _make_graph(records, path, seed, pool)


def _make_graph(n_records: int, path: Path, seed: int, pool_size: int) -> int:
    res = load_resources()
    rng = random.Random(seed)
    actors = sorted(e.iri for e in res.entities.values() if e.is_actor and not e.is_commentator)
    issues = sorted(res.issues)
    pool = [(rng.choice(actors), rng.choice(STANCES), rng.choice(issues)) for _ in range(pool_size)]
    per_doc = 40
    docs, extractions = [], []
    for d in range(max(1, n_records // per_doc)):
        body = "x" * 10
        doc = Document(f"doc{d:06d}", body, title=f"Doc {d}", published=dt.date(2022, 1, 1) + dt.timedelta(days=d % 1000))
        recs = []
        for i in range(per_doc):
            ev = Evidence(doc.doc_id, i, i + 5, f"Sentence {d}-{i}.", "position.bench", None)
            holder, stance, issue = rng.choice(pool)
            recs.append(PositionRecord(holder, stance, issue, f"claim {i}", ev))
        docs.append(doc)
        extractions.append(Extraction(doc.doc_id, positions=recs))
    ds = to_dataset(docs, extractions, res)
    path.write_text(serialize_trig(ds), encoding="utf-8")
    return len(union_graph(ds))


def synthetic_projection(n: int, seed: int = 1) -> ProjectionGraph:
    rng = random.Random(seed)
    nodes = {f"n{i}": Node(f"n{i}", f"node {i}", "Position" if i % 3 else "Person") for i in range(n)}
    edges = [Edge(f"n{i}", f"n{rng.randrange(n)}", "rel") for i in range(n) for _ in range(2)]
    return ProjectionGraph.from_projection(Projection(nodes, edges))


def warm_ms(pg: ProjectionGraph, queries: int = 200, seed: int = 2) -> float:
    rng = random.Random(seed)
    ids = sorted(pg.graph.nodes)
    t0 = time.perf_counter()
    done = 0
    for _ in range(queries):
        a, b = rng.choice(ids), rng.choice(ids)
        with contextlib.suppress(Exception):
            shortest_paths(pg, a, b)
        done += 1
    return (time.perf_counter() - t0) * 1000 / done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, action="append")
    ap.add_argument("--nodes", type=int, default=0)
    args = ap.parse_args()
    print(f"{'triples':>9} {'MB':>6} {'nodes':>7} {'cold CLI s':>10} {'cold load s':>11} {'warm load s':>11} {'warm ms/query':>13}")
    for target in args.triples or [10000]:
        with tempfile.TemporaryDirectory() as tmp:
            g = Path(tmp) / "graph.trig"
            triples = make_graph(target, g)
            env = {**os.environ, "KG_CACHE_DIR": str(Path(tmp) / "cache")}
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kg.cli", "path", "Russia", "Ukraine", "--graph", str(g)],
                           env=env, capture_output=True, check=False, cwd=ROOT)
            cold_cli = time.perf_counter() - t0
            os.environ["KG_CACHE_DIR"] = env["KG_CACHE_DIR"]
            t0 = time.perf_counter()
            load_projection_graph(g, use_cache=False)
            cold = time.perf_counter() - t0
            t0 = time.perf_counter()
            pg = load_projection_graph(g)  # the CLI run above filled the cache
            warm_load = time.perf_counter() - t0
            print(f"{triples:>9} {g.stat().st_size / 1e6:>6.1f} {pg.graph.number_of_nodes():>7} {cold_cli:>10.2f} "
                  f"{cold:>11.2f} {warm_load:>11.2f} {warm_ms(pg):>13.2f}")
    if args.nodes:
        pg = synthetic_projection(args.nodes)
        print(f"synthetic projection: {args.nodes} nodes, {pg.graph.number_of_edges()} edges: "
              f"{warm_ms(pg):.2f} ms per warm query")


if __name__ == "__main__":
    main()
