"""Benchmark the stages of one build on single articles of growing size: work must grow linearly.

Usage: python scripts/bench_size.py --kb 250 --kb 500 --kb 1000 [--one-line]

Each article is made of shipped-corpus sentences (paragraphs, or with ``--one-line`` all on
one line, as some scraped text comes). Prints KB, seconds per stage and seconds per MB; a
linear pipeline keeps seconds per MB flat.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.annotate import annotate  # noqa: E402
from kg.documents import load_corpus, parse_document  # noqa: E402
from kg.extract import run_extractors  # noqa: E402
from kg.nlp import analyse  # noqa: E402
from kg.resources import load_resources  # noqa: E402


def article(kb: int, one_line: bool, seed: int = 1) -> str:
    res = load_resources()
    pool = [s.text for doc in load_corpus([ROOT / "corpus"]) for s in annotate(doc, res).sentences if not s.chrome]
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < kb * 1024:
        parts.append(rng.choice(pool))
        size += len(parts[-1]) + 2
    return "Published: 2024-05-02\n\n" + (" " if one_line else "\n\n").join(parts) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kb", type=int, action="append", required=True)
    ap.add_argument("--one-line", action="store_true")
    args = ap.parse_args()
    res = load_resources()
    print(f"{'KB':>6} {'annotate':>9} {'analyse':>8} {'extract':>8} {'total':>7} {'s/MB':>6} {'positions':>9}")
    for kb in args.kb:
        doc = parse_document(article(kb, args.one_line), f"size-{kb}")
        t0 = time.perf_counter()
        adoc = annotate(doc, res)
        t1 = time.perf_counter()
        adoc = analyse(adoc, res)
        t2 = time.perf_counter()
        ex = run_extractors(adoc, res)
        t3 = time.perf_counter()
        mb = len(doc.body.encode()) / 2**20
        print(f"{kb:>6} {t1 - t0:>9.2f} {t2 - t1:>8.2f} {t3 - t2:>8.2f} {t3 - t0:>7.2f} {(t3 - t0) / mb:>6.1f} {len(ex.positions):>9}")


if __name__ == "__main__":
    main()
