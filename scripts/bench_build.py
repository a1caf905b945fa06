"""Benchmark `kg build` on a synthetic corpus of N articles made by recombining corpus sentences.

Usage: python scripts/bench_build.py --n 100 --n 1000 [--seed 1] [--no-validate]

Prints, per N: articles, MB of text, seconds (extraction and the whole build), articles/s, MB/s.
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
from kg.build import build, extract_corpus  # noqa: E402
from kg.documents import load_corpus  # noqa: E402
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
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="corpus sizes (repeatable)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-validate", action="store_true", help="skip SHACL in the full build")
    args = ap.parse_args()
    print(f"{'N':>6} {'MB':>6} {'extract s':>10} {'build s':>9} {'art/s':>8} {'MB/s':>7}  (build = extract + RDF + SHACL + files)")
    for n in args.n or [100]:
        with tempfile.TemporaryDirectory() as tmp:
            src, out = Path(tmp) / "in", Path(tmp) / "out"
            src.mkdir()
            size = synthetic_corpus(n, src, args.seed)
            res = load_resources()
            docs = list(load_corpus([src]))
            t0 = time.perf_counter()
            extract_corpus(docs, res)
            t_extract = time.perf_counter() - t0
            t0 = time.perf_counter()
            build([src], out, validate_shapes=not args.no_validate)
            t_build = time.perf_counter() - t0
            mb = size / 1e6
            print(f"{n:>6} {mb:>6.2f} {t_extract:>10.2f} {t_build:>9.2f} {n / t_build:>8.1f} {mb / t_build:>7.3f}")


if __name__ == "__main__":
    main()
