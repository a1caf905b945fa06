"""Benchmark the bundled queries with rdflib and with pyoxigraph on synthetic graphs.

Usage: python scripts/bench_query.py --triples 10000 --triples 100000 --triples 1000000 [--rdflib-max 200000]

Graphs come from the real mapping layer (see bench_path.py). Prints, per size and query,
the seconds of each engine (loading excluded, reported once per size) and the ratio.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_path import make_graph  # noqa: E402

from kg.graphio import load_dataset  # noqa: E402
from kg.query import bundled_queries, load_oxigraph, parse_params, run_oxigraph, run_query  # noqa: E402

PARAMS = {"actor": "actor=Russia", "issue": "issue=crimea"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, action="append")
    ap.add_argument("--rdflib-max", type=int, default=200_000, help="skip rdflib above this many triples")
    args = ap.parse_args()
    queries = bundled_queries()
    for target in args.triples or [10000]:
        with tempfile.TemporaryDirectory() as tmp:
            g = Path(tmp) / "graph.trig"
            triples = make_graph(target, g)
            t0 = time.perf_counter()
            store = load_oxigraph(g)
            t_ox_load = time.perf_counter() - t0
            ds = None
            t_rdf_load = float("nan")
            if triples <= args.rdflib_max:
                t0 = time.perf_counter()
                ds = load_dataset(g)
                t_rdf_load = time.perf_counter() - t0
            print(f"\n{triples} triples: load rdflib {t_rdf_load:.2f} s, pyoxigraph {t_ox_load:.2f} s")
            print(f"{'query':22} {'rdflib s':>9} {'oxigraph s':>11} {'ratio':>7}")
            for name, q in queries.items():
                params = [PARAMS[p] for p in q.params]
                t0 = time.perf_counter()
                run_oxigraph(g, q.text, params, store=store)
                t_ox = time.perf_counter() - t0
                if ds is not None:
                    t0 = time.perf_counter()
                    run_query(ds, q.text, parse_params(params, ds))
                    t_rdf = time.perf_counter() - t0
                    print(f"{name:22} {t_rdf:>9.3f} {t_ox:>11.3f} {t_rdf / max(t_ox, 1e-6):>7.0f}x")
                else:
                    print(f"{name:22} {'skipped':>9} {t_ox:>11.3f} {'':>7}")


if __name__ == "__main__":
    main()
