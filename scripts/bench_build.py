"""Benchmark `kg build` on a synthetic corpus of N articles made by recombining corpus sentences.

Usage: python scripts/bench_build.py --n 100 --n 1000 [--seed 1] [--no-validate] [--parse-all]
       python scripts/bench_build.py --builds --n 100 --n 1000 [--dask]
       python scripts/bench_build.py --builds --quick --n 10000

With ``--builds``: whole ``kg build`` runs as separate processes, each timed with its peak
memory (the largest process): 1 worker and 2 workers without the cache, then an unchanged
rebuild and a rebuild after adding one article (the extraction cache warm).

Prints, per N: articles, MB of text, seconds per stage (load, annotate = sentences/mentions/dates,
analysis = spaCy parse and new actors, extraction, then the whole build: mapping, SHACL, files),
analysis + extraction articles/s, whole-build articles/s, and the share of sentences parsed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.annotate import annotate  # noqa: E402
from kg.documents import load_corpus  # noqa: E402
from kg.pipeline import build  # noqa: E402
from kg.resources import load_resources  # noqa: E402


def synthetic_corpus(n: int, folder: Path, seed: int = 1, sentences_per_doc: int = 40) -> int:
    """Write ``n`` articles of sentences drawn from the shipped corpus; returns total bytes."""
    res = load_resources()
    pool: list[str] = []
    for doc in load_corpus([ROOT / "corpus"]):
        pool += [s.text for s in annotate(doc, res).sentences if not s.chrome]
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        body = "\n\n".join(rng.choice(pool) for _ in range(sentences_per_doc))
        year = rng.choice([2022, 2023, 2024, 2025])
        text = f"Title: Synthetic {i}\nPublished: {year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\nPublisher: Bench\n\n{body}\n"
        (folder / f"{i:05d}_synthetic.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main() -> None:
    from kg.extract import run_extractors
    from kg.nlp import analyse, load_nlp

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="corpus sizes (repeatable)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-validate", action="store_true", help="skip SHACL in the full build")
    ap.add_argument("--parse-all", action="store_true", help="parse every body sentence (no sentence filter)")
    ap.add_argument("--builds", action="store_true", help="time whole builds: workers, cache, peak memory")
    ap.add_argument("--dask", action="store_true", help="with --builds: also a build on a 2-worker Dask LocalCluster")
    ap.add_argument("--quick", action="store_true", help="with --builds: only the cached runs (for N = 10,000)")
    args = ap.parse_args()
    if args.builds:
        builds(args.n or [100], args.seed, args.dask, args.quick)
        return
    t0 = time.perf_counter()
    load_nlp()
    print(f"spaCy pipeline loaded in {time.perf_counter() - t0:.2f} s (once per process)")
    print(f"{'N':>6} {'MB':>6} {'load':>6} {'annot':>6} {'parse':>7} {'extr':>6} {'a+e art/s':>10} {'parsed':>7} "
          f"{'build s':>8} {'art/s':>6}")
    for n in args.n or [100]:
        with tempfile.TemporaryDirectory() as tmp:
            src, out = Path(tmp) / "in", Path(tmp) / "out"
            src.mkdir()
            size = synthetic_corpus(n, src, args.seed)
            res = load_resources()
            t0 = time.perf_counter()
            docs = list(load_corpus([src]))
            t_load = time.perf_counter() - t0
            t0 = time.perf_counter()
            annotated = [annotate(d, res) for d in docs]
            t_annot = time.perf_counter() - t0
            t0 = time.perf_counter()
            analysed = [analyse(a, res, select=not args.parse_all) for a in annotated]
            t_parse = time.perf_counter() - t0
            t0 = time.perf_counter()
            for a in analysed:
                run_extractors(a, res)
            t_extract = time.perf_counter() - t0
            body = sum(1 for a in analysed for s in a.sentences if not s.chrome)
            parsed = sum(1 for a in analysed for s in a.sentences if s.parse is not None)
            t0 = time.perf_counter()
            build([src], out, validate_shapes=not args.no_validate)
            t_build = time.perf_counter() - t0
            rate = n / (t_annot + t_parse + t_extract)
            print(f"{n:>6} {size / 1e6:>6.2f} {t_load:>6.2f} {t_annot:>6.2f} {t_parse:>7.2f} {t_extract:>6.2f} {rate:>10.1f} "
                  f"{parsed / max(body, 1):>7.0%} {t_build:>8.2f} {n / t_build:>6.1f}")


def timed_build(args: list[str], cache: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB, the largest process) of one ``kg build`` process."""
    import os
    import subprocess

    env = {**os.environ, "KG_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "kg.cli", "build", *args, "-q"],
                          env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - t0, int(done.stderr.strip().splitlines()[-1]) / 1024


def builds(sizes: list[int], seed: int, dask: bool = False, quick: bool = False) -> None:
    print(f"{'N':>6} {'run':<26} {'s':>8} {'art/s':>7} {'peak MB':>8}")
    cluster = None
    if dask:
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            src, out, cache = Path(tmp) / "in", Path(tmp) / "out", Path(tmp) / "cache"
            src.mkdir()
            synthetic_corpus(n, src, seed)
            runs = [("Dask LocalCluster, 2 workers", ["--scheduler", cluster.scheduler_address, "--no-cache"])] if cluster else []
            if not quick:
                runs += [("1 worker, no cache", ["--workers", "1", "--no-cache"]),
                         ("2 workers, no cache", ["--workers", "2", "--no-cache"])]
            runs += [("2 workers, filling the cache", ["--workers", "2"]),
                    ("unchanged rebuild", ["--workers", "2"]),
                    ("one article added", ["--workers", "2"])]
            for name, extra in runs:
                if name == "one article added":
                    added = Path(tmp) / "added"
                    added.mkdir()
                    synthetic_corpus(1, added, seed + 1)
                    (added / "00000_synthetic.txt").rename(src / "zz_added.txt")
                seconds, peak = timed_build([str(src), "--out", str(out), *extra], cache)
                print(f"{n:>6} {name:<26} {seconds:>8.1f} {n / seconds:>7.1f} {peak:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
