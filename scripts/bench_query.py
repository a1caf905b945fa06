"""Benchmark the bundled queries with pyoxigraph (the engine of `kg query`) and rdflib.

Usage:
  python scripts/bench_query.py --triples 10000 --triples 100000 --triples 1000000 [--rdflib-max 20000]
  python scripts/bench_query.py --articles 4700      # a graph built by the real pipeline
  python scripts/bench_query.py --graph output/graph.trig

``--triples``: graphs from the real mapping layer (see bench_path.py): a pool of positions
stated by ~130k evidence sentences at 1M triples — every sentence is a position, the worst
case for queries that walk evidence. ``--articles``: ``kg build`` of a synthetic corpus of
that many articles recombining corpus sentences (see bench_build.py), a realistic mix of
positions, talks, roles and evidence. Prints, per graph, the load times (building the
cached store, opening it again, rdflib's parse) and per query the seconds of each engine
(best of 3, rows converted as ``kg query`` does), the rows, and the ratio; then the wall time
of whole ``kg query``, ``kg conflicts``, ``kg common-ground`` and ``kg timeline`` commands
with a warm cache.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

PARAMS = {"actor": "actor=Russia", "issue": "issue=crimea"}
GOAL = 0.5


def best_of(fn: Callable[[], Any], n: int = 3) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def bench(graph: Path, rdflib_max: int) -> None:
    from kg.graphio import load_dataset
    from kg.query import bundled_queries, run_oxigraph, run_rdflib
    from kg.store import open_store

    t0 = time.perf_counter()
    store = open_store(graph)
    t_build = time.perf_counter() - t0
    del store
    t0 = time.perf_counter()
    store = open_store(graph)
    t_open = time.perf_counter() - t0
    triples = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0].value)
    ds, t_rdf_load = None, float("nan")
    if triples <= rdflib_max:
        t0 = time.perf_counter()
        ds = load_dataset(graph)
        t_rdf_load = time.perf_counter() - t0
    print(f"\n{graph.name}: {triples} triples, {graph.stat().st_size / 1e6:.1f} MB. Load: pyoxigraph store built in "
          f"{t_build:.2f} s (first query of this graph), opened from the cache in {t_open:.3f} s; rdflib parse "
          f"{t_rdf_load:.2f} s")
    print(f"{'query':22} {'rows':>6} {'oxigraph s':>11} {'rdflib s':>9} {'ratio':>7}")
    worst = 0.0
    for name, q in bundled_queries().items():
        params = [PARAMS[p] for p in q.params]
        t_ox, (result, _labels) = best_of(lambda q=q, params=params: run_oxigraph(graph, q.text, params, store=store))
        worst = max(worst, t_ox)
        rows = len(result.rows)
        if ds is not None:
            t_rdf, _ = best_of(lambda q=q, params=params: run_rdflib(ds, q.text, params), n=1)
            print(f"{name:22} {rows:>6} {t_ox:>11.3f} {t_rdf:>9.3f} {t_rdf / max(t_ox, 1e-6):>6.0f}x")
        else:
            print(f"{name:22} {rows:>6} {t_ox:>11.3f} {'skipped':>9} {'':>7}")
    print(f"slowest query {worst:.3f} s (goal {GOAL} s: {'met' if worst <= GOAL else 'NOT met'})")
    print("whole commands, warm cache (the store exists):")
    for args in (["query", "who-demands-what", "--format", "csv"], ["conflicts"], ["common-ground", "--actor", "Russia"],
                 ["timeline", "Russia"]):
        t_cli, _ = best_of(lambda args=args: subprocess.run(
            [sys.executable, "-m", "kg.cli", *args, "--graph", str(graph)], capture_output=True, check=True, cwd=ROOT), n=1)
        print(f"  kg {' '.join(args):40} {t_cli:6.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, action="append", default=[], help="mapping-layer graph of about N triples")
    ap.add_argument("--articles", type=int, action="append", default=[], help="pipeline-built graph of N articles")
    ap.add_argument("--graph", type=Path, action="append", default=[], help="an existing graph file")
    ap.add_argument("--rdflib-max", type=int, default=20_000, help="skip rdflib above this many triples")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KG_CACHE_DIR"] = str(Path(tmp) / "cache")  # cold first load, never the user's cache
        for graph in args.graph:
            bench(graph, args.rdflib_max)
        for target in args.triples or ([] if args.graph or args.articles else [10000]):
            from bench_path import make_graph

            graph = Path(tmp) / f"mapping-{target}.trig"
            make_graph(target, graph)
            bench(graph, args.rdflib_max)
            graph.unlink()
        for n in args.articles:
            from bench_build import synthetic_corpus

            from kg.pipeline import build

            src, out = Path(tmp) / f"articles-{n}", Path(tmp) / f"out-{n}"
            src.mkdir()
            synthetic_corpus(n, src)
            build([src], out, validate_shapes=False)
            graph = out / f"pipeline-{n}.trig"
            (out / "graph.trig").rename(graph)
            bench(graph, args.rdflib_max)


if __name__ == "__main__":
    main()
