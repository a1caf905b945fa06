"""The optional manual-curation layer: add or veto positions, each with a verbatim quote.

``ontology/curation.tsv`` has the columns ``action doc holder stance issue quote note``;
``action`` is ``add`` or ``veto``; ``holder`` is an actor label or alias; ``stance`` one of
demands/proposes/supports/accepts/opposes/rejects; ``issue`` a codebook code; ``quote`` must
occur verbatim in the document's body (it becomes the evidence of an added position).
Evaluation never applies this layer.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .documents import Document
from .errors import OntologyError, read_utf8
from .extract import Extraction
from .records import Evidence, PositionRecord
from .resources import Resources

CURATION_FILE = "curation.tsv"
STANCES = {"demands": "Demand", "proposes": "Proposal", "supports": "Support", "accepts": "Acceptance",
           "opposes": "Opposition", "rejects": "Rejection"}


@dataclass(frozen=True)
class CurationRow:
    action: str
    doc: str
    holder: str
    stance: str
    issue: str
    quote: str
    line: int


def parse_curation(text: str, res: Resources) -> list[CurationRow]:
    """Parse and check curation rows (holder, stance and issue must be known)."""
    names: dict[str, str] = {}
    for ent in res.entities.values():
        target = ent.iri if ent.is_actor else ent.stands_for  # "Moscow" stands for Russia
        if target:
            for n in (ent.label, *ent.aliases):
                names.setdefault(n.lower(), target)
    rows = []
    for i, row in enumerate(csv.reader(text.splitlines(), delimiter="\t"), start=1):
        if not row or row[0].startswith("#") or row[0] == "action":
            continue
        if len(row) < 6:
            raise OntologyError(f"{CURATION_FILE} line {i}: expected 6 tab-separated columns, got {len(row)}")
        action, doc, holder, stance, issue, quote = (x.strip() for x in row[:6])
        if action not in ("add", "veto"):
            raise OntologyError(f"{CURATION_FILE} line {i}: action must be add or veto, not {action!r}")
        if holder.lower() not in names:
            raise OntologyError(f"{CURATION_FILE} line {i}: unknown holder {holder!r} (not in the gazetteer)")
        if stance not in STANCES:
            raise OntologyError(f"{CURATION_FILE} line {i}: unknown stance {stance!r}")
        if issue not in res.issues:
            raise OntologyError(f"{CURATION_FILE} line {i}: unknown issue code {issue!r}")
        if not quote:
            raise OntologyError(f"{CURATION_FILE} line {i}: a quote is required")
        rows.append(CurationRow(action, doc, names[holder.lower()], STANCES[stance], issue, quote, i))
    return rows


def read_curation(directory: Path, res: Resources) -> list[CurationRow]:
    path = directory / CURATION_FILE
    if not path.is_file():
        return []
    return parse_curation(read_utf8(path, OntologyError, "curation file"), res)


def apply_curation(rows: list[CurationRow], docs: list[Document], extractions: list[Extraction]) -> int:
    """Apply rows to the extractions of the documents they name; returns how many applied."""
    by_id = {d.doc_id: (d, ex) for d, ex in zip(docs, extractions, strict=True)}
    applied = 0
    for row in rows:
        if row.doc not in by_id:
            continue  # the row's document is not part of this build
        doc, ex = by_id[row.doc]
        start = doc.body.find(row.quote)
        if start < 0:
            raise OntologyError(f"{CURATION_FILE} line {row.line}: quote not found verbatim in document {row.doc}")
        if row.action == "veto":
            before = len(ex.positions)
            ex.positions = [p for p in ex.positions
                            if not (p.holder == row.holder and p.stance == row.stance and p.issue == row.issue)]
            applied += before != len(ex.positions)
        else:
            ev = Evidence(doc.doc_id, start, start + len(row.quote), row.quote, "curation.add", doc.published)
            ex.positions.append(PositionRecord(row.holder, row.stance, row.issue, row.quote, ev))
            applied += 1
    return applied
