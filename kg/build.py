"""The whole pipeline: corpus → documents → extraction → RDF → SHACL → output files."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .documents import Document, load_corpus
from .errors import ValidationFailed
from .extract import Extraction, run_extractors
from .nlp import prepare
from .resources import Resources, load_resources

Progress = Callable[[str], None]


@dataclass
class BuildSummary:
    documents: int
    actors: int
    issues: int
    positions: int
    talks: int
    triples: int
    seconds: float
    out_dir: str
    files: list[str] = field(default_factory=list)
    empty_documents: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.documents} documents, {self.actors} actors, {self.issues} issues, "
                f"{self.positions} positions, {self.talks} talks, {self.triples} triples "
                f"in {self.seconds:.2f} s")


def extract_corpus(docs: Sequence[Document], res: Resources, progress: Progress | None = None) -> list[Extraction]:
    """Run annotation and every extractor over each document."""
    out = []
    for i, doc in enumerate(docs, start=1):
        out.append(run_extractors(prepare(doc, res), res))
        if progress and (i % 50 == 0 or i == len(docs)):
            progress(f"extracted {i}/{len(docs)} documents")
    return out


def build(paths: Sequence[Path], out_dir: Path, ontology: Path | None = None, *, html: bool = True,
          validate_shapes: bool = True, curation: bool = True, progress: Progress | None = None) -> BuildSummary:
    """Build ``graph.trig``, ``graph.ttl`` and ``graph.html`` in ``out_dir`` from ``paths``."""
    from rdflib import RDF, URIRef

    from .mapping import to_dataset, union_graph
    from .namespaces import KG
    from .output import atomic_write, ensure_dir, serialize_trig, serialize_turtle

    start = time.perf_counter()
    ensure_dir(out_dir)
    res = load_resources(ontology)
    docs = list(load_corpus(paths))
    extractions = extract_corpus(docs, res, progress)
    if curation:
        from .curation import apply_curation, read_curation

        apply_curation(read_curation(res.directory, res), docs, extractions)
    empty = [ex.doc_id for ex in extractions if not (ex.positions or ex.talks or ex.relations)]
    ds = to_dataset(docs, extractions, res)
    union = union_graph(ds)
    if validate_shapes:
        from .validate import validate

        report = validate(union)
        if not report.conforms:
            first = next((ln.strip() for ln in report.text.splitlines() if "Message" in ln), "see pyshacl report")
            raise ValidationFailed(f"the built graph violates {report.violations} SHACL constraints ({first})")
    files = {"graph.trig": serialize_trig(ds), "graph.ttl": serialize_turtle(union)}
    if html:
        from .viz import render_html

        files["graph.html"] = render_html(union)
    positions = set(union.subjects(RDF.type, KG.Position))
    talks = set(union.subjects(RDF.type, KG.Talks))
    actors = {o for p in (KG.holder,) for o in union.objects(None, p)} | set(union.subjects(KG.participatesIn, None))
    issues = {o for o in union.objects(None, KG.issue)} | {o for o in union.objects(None, KG.agreedOn)}
    summary = BuildSummary(
        documents=len(docs),
        actors=len({a for a in actors if isinstance(a, URIRef)}),
        issues=len(issues),
        positions=len(positions),
        talks=len(talks),
        triples=len(union),
        seconds=0.0,
        out_dir=str(out_dir),
        files=sorted(files),
        empty_documents=empty,
    )
    for name, text in sorted(files.items()):
        atomic_write(out_dir / name, text)
    summary.seconds = time.perf_counter() - start
    return summary


def stderr_progress(msg: str) -> None:
    print(msg, file=sys.stderr)


def summary_json(summary: BuildSummary) -> str:
    return json.dumps(asdict(summary), indent=2, sort_keys=True)
