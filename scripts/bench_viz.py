"""Measure the HTML page at scale: file size and layout time in headless Chromium.

Usage: python scripts/bench_viz.py --n 500 --n 2000 --n 5000

Builds synthetic projections (typed nodes, ~1.6 edges per node, one evidence sentence per
position and talks), renders the page, opens it in Debian's chromium via Playwright and
reads ``window.kgStabilizedMs`` (bounded stabilisation, then physics off).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.projection import Edge, EvidenceInfo, Node, Projection  # noqa: E402
from kg.viz import render_projection  # noqa: E402

TYPES = ["Person"] * 2 + ["Country", "Organization", "Issue", "Place", "Talks"] + ["Position"] * 5
STANCES = ["Demand", "Proposal", "Support", "Acceptance", "Opposition", "Rejection"]


def synthetic(n: int, seed: int = 1) -> Projection:
    rng = random.Random(seed)
    nodes: dict[str, Node] = {}
    for i in range(n):
        kind = rng.choice(TYPES)
        node = Node(f"urn:n{i}", f"{kind} {i}", kind, aliases=[f"alias {i}"])
        if kind in ("Position", "Talks"):
            date = f"202{rng.randint(2, 5)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
            node.evidence = [EvidenceInfo(f"Sentence {i} says something about the talks.", f"doc{i % 50}",
                                          f"Document {i % 50}", date, "rule", 0)]
            node.documents, node.dates = [f"doc{i % 50}"], [date]
            node.stance = rng.choice(STANCES) if kind == "Position" else ""
            node.group = rng.choice(["territory", "security", "military", "humanitarian", "political"])
        nodes[node.iri] = node
    keys = list(nodes)
    edges = [Edge(keys[i], keys[rng.randrange(n)], "rel") for i in range(n) for _ in range(2) if rng.random() < 0.8]
    return Projection(nodes, edges)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append")
    args = ap.parse_args()
    chromium = shutil.which("chromium")
    from playwright.sync_api import sync_playwright

    print(f"{'nodes':>6} {'edges':>6} {'MB':>6} {'render s':>9} {'load+layout s':>14} {'stabilise ms':>13}")
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--headless=new"])
        for n in args.n or [500]:
            proj = synthetic(n)
            t0 = time.perf_counter()
            html = render_projection(proj)
            t_render = time.perf_counter() - t0
            path = Path(tmp) / f"g{n}.html"
            path.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
            t0 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("() => window.kgReady === true", timeout=300000)
            t_load = time.perf_counter() - t0
            stab = page.evaluate("() => window.kgStabilizedMs")
            page.close()
            print(f"{n:>6} {len(proj.edges):>6} {path.stat().st_size / 1e6:>6.2f} {t_render:>9.2f} {t_load:>14.2f} {stab:>13.0f}")
        browser.close()


if __name__ == "__main__":
    main()
