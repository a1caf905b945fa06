"""Score the extractors against gold annotations (the format of ``eval/seeds.tsv``).

Each document is built on its own, rules only. Positions are compared as (side of holder,
polarity, issue); talks by place (a place or one inside it) and date; participants and
mediators by the side of the actor on a matching talks. ``opt`` rows are neither missed nor
false positives.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GoldError, read_utf8
from .records import Evidence, TalksRecord
from .resources import Resources

POLARITY = {"demands": 1, "proposes": 1, "supports": 1, "accepts": 1, "opposes": -1, "rejects": -1,
            "Demand": 1, "Proposal": 1, "Support": 1, "Acceptance": 1, "Opposition": -1, "Rejection": -1}
KINDS = ("pos", "held", "part", "med")


@dataclass(frozen=True)
class GoldRow:
    doc: str
    kind: str
    a: str
    b: str
    c: str
    required: bool
    note: str
    line: int


@dataclass
class Gold:
    rows: list[GoldRow]
    actors: dict[str, tuple[str, str]]      # alias (lower) → (canonical, side)
    places: dict[str, str]                  # alias (lower) → canonical
    parents: dict[str, str]                 # canonical → parent canonical
    manifest: dict[str, str]                # gold doc id → file stem


def _tsv(path: Path) -> list[list[str]]:
    text = read_utf8(path, GoldError, "gold file")
    return [row for row in csv.reader(text.splitlines(), delimiter="\t") if row and not row[0].startswith("#")]


def parse_gold_rows(rows: Iterable[list[str]]) -> list[GoldRow]:
    """Parse the rows of a gold file (``doc kind a b c status note``).

    >>> parse_gold_rows([["s000", "pos", "Russia", "demands", "crimea", "req", "x"]])[0].required
    True
    """
    out = []
    for i, row in enumerate(rows, start=1):
        if len(row) < 6:
            raise GoldError(f"gold row {i}: expected at least 6 tab-separated columns, got {len(row)}")
        doc, kind, a, b, c, status = (x.strip() for x in row[:6])
        if kind not in KINDS:
            raise GoldError(f"gold row {i}: unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
        if status not in ("req", "opt"):
            raise GoldError(f"gold row {i}: status must be req or opt, got {status!r}")
        out.append(GoldRow(doc, kind, a, b, c, status == "req", row[6].strip() if len(row) > 6 else "", i))
    return out


def read_gold(path: Path) -> Gold:
    """Read a gold file and the ``actors.tsv``, ``places.tsv``, ``MANIFEST.tsv`` beside it."""
    if not path.is_file():
        raise GoldError(f"{path}: no such gold file")
    rows = parse_gold_rows(_tsv(path))
    if not rows:
        raise GoldError(f"{path}: no gold rows (an empty gold file would score everything 1.000)")
    actors: dict[str, tuple[str, str]] = {}
    if (path.parent / "actors.tsv").is_file():
        for row in _tsv(path.parent / "actors.tsv"):
            canonical, side = row[0], row[1]
            for alias in [canonical, *(row[3].split("|") if len(row) > 3 else [])]:
                actors.setdefault(alias.strip().lower(), (canonical, side))
    places: dict[str, str] = {}
    parents: dict[str, str] = {}
    if (path.parent / "places.tsv").is_file():
        for row in _tsv(path.parent / "places.tsv"):
            canonical, parent = row[0], row[1]
            if parent and parent != "-":
                parents[canonical] = parent
            for alias in [canonical, *(row[2].split("|") if len(row) > 2 else [])]:
                places.setdefault(alias.strip().lower(), canonical)
    manifest: dict[str, str] = {}
    if (path.parent / "MANIFEST.tsv").is_file():
        for row in _tsv(path.parent / "MANIFEST.tsv")[1:]:
            if len(row) >= 2:
                manifest[row[1]] = Path(row[0]).stem
    return Gold(rows, actors, places, parents, manifest)


@dataclass
class Score:
    tp_pred: int = 0
    fp: int = 0
    tp_gold: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        d = self.tp_pred + self.fp
        return self.tp_pred / d if d else 1.0

    @property
    def recall(self) -> float:
        d = self.tp_gold + self.fn
        return self.tp_gold / d if d else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.fp += other.fp
        self.tp_gold += other.tp_gold
        self.fn += other.fn


@dataclass
class Finding:
    kind: str
    doc: str
    what: str
    sentence: str


@dataclass
class EvalReport:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    misses: list[Finding] = field(default_factory=list)
    false_positives: list[Finding] = field(default_factory=list)
    documents: int = 0

    @property
    def overall(self) -> Score:
        total = Score()
        for s in self.scores.values():
            total.add(s)
        return total


class _Matcher:
    """Maps predicted entities to the gold's canonical names and sides."""

    def __init__(self, gold: Gold, res: Resources):
        self.gold, self.res = gold, res

    def actor(self, iri: str) -> tuple[str, str]:
        ent = self.res.entities.get(iri)
        names = [ent.label, *ent.aliases] if ent else [iri]
        for n in names:
            hit = self.gold.actors.get(n.lower())
            if hit:
                return hit
        label = names[0]
        return label, label

    def gold_actor(self, name: str) -> tuple[str, str]:
        return self.gold.actors.get(name.lower(), (name, name))

    def place(self, iri: str) -> list[str]:
        """The canonical name of a predicted place and of every place it lies in."""
        ent = self.res.entities.get(iri)
        names = [ent.label, *ent.aliases] if ent else [iri]
        canonical = next((self.gold.places[n.lower()] for n in names if n.lower() in self.gold.places), names[0])
        chain = [canonical]
        cur = canonical
        while cur in self.gold.parents and self.gold.parents[cur] not in chain:
            cur = self.gold.parents[cur]
            chain.append(cur)
        for anc in self.res.ancestors(iri):
            for name in self.place_names(anc):
                if name not in chain:
                    chain.append(name)
        return chain

    def place_names(self, iri: str) -> list[str]:
        ent = self.res.entities.get(iri)
        names = [ent.label, *ent.aliases] if ent else [iri]
        return [next((self.gold.places[n.lower()] for n in names if n.lower() in self.gold.places), names[0])]

    def gold_place(self, name: str) -> str:
        return self.gold.places.get(name.lower(), name)


def _date(text: str) -> dt.date | None:
    if not text or text == "-":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise GoldError(f"bad date {text!r} in the gold file") from None


def _talks_match(t: TalksRecord, chains: list[list[str]], place: str | None, date: dt.date | None) -> bool:
    if place is not None and not any(place in c for c in chains):
        return False
    return date is None or t.date is None or date == t.date


def _quote(ev: Evidence | None) -> str:
    return ev.quote if ev else ""


def score_document(doc_gold: list[GoldRow], extraction, m: _Matcher, report: EvalReport, doc: str) -> None:  # type: ignore[no-untyped-def]
    """Add one document's scores and findings to ``report``."""
    sc = report.scores
    # ---- positions
    pred: dict[tuple[str, int, str], Evidence] = {}
    for p in extraction.positions:
        key = (m.actor(p.holder)[1].lower(), POLARITY[p.stance], p.issue)
        pred.setdefault(key, p.evidence)
    req = {(m.gold_actor(r.a)[1].lower(), POLARITY[r.b], r.c): r for r in doc_gold if r.kind == "pos" and r.required}
    opt = {(m.gold_actor(r.a)[1].lower(), POLARITY[r.b], r.c) for r in doc_gold if r.kind == "pos" and not r.required}
    for r in (r for r in doc_gold if r.kind == "pos" and r.required):
        key = (m.gold_actor(r.a)[1].lower(), POLARITY[r.b], r.c)
        if key in pred:
            sc["pos"].tp_gold += 1
        else:
            sc["pos"].fn += 1
            report.misses.append(Finding("pos", doc, f"{r.a} {r.b} {r.c}", r.note))
    for key, ev in sorted(pred.items(), key=lambda kv: (kv[1].start, kv[0])):
        if key in req:
            sc["pos"].tp_pred += 1
        elif key not in opt:
            sc["pos"].fp += 1
            pol = "+" if key[1] > 0 else "-"
            report.false_positives.append(Finding("pos", doc, f"({key[0]}, {pol}, {key[2]})", ev.quote))
    # ---- talks
    held = [t for t in extraction.talks if t.status == "Held"]
    chains = {id(t): [m.place(p) for p in t.places] for t in held}

    def matches(row: GoldRow, place_txt: str, date_txt: str, t: TalksRecord) -> bool:
        place = None if place_txt in ("", "-") else m.gold_place(place_txt)
        if place is not None and not t.places:
            return False
        return _talks_match(t, chains[id(t)], place, _date(date_txt))

    held_rows = [r for r in doc_gold if r.kind == "held"]
    for r in held_rows:
        if r.required:
            if any(matches(r, r.b, r.a, t) for t in held if t.places):
                sc["held"].tp_gold += 1
            else:
                sc["held"].fn += 1
                report.misses.append(Finding("held", doc, f"talks {r.a} in {r.b}", r.note))
    for t in held:
        if not t.places:
            continue  # no heldIn claim to score
        hits = [r for r in held_rows if matches(r, r.b, r.a, t)]
        if any(r.required for r in hits):
            sc["held"].tp_pred += 1
        elif not hits:
            sc["held"].fp += 1
            where = ", ".join(m.place_names(p)[0] for p in t.places)
            quote = _quote(t.evidence[0] if t.evidence else None)
            report.false_positives.append(Finding("held", doc, f"talks {t.date or '-'} in {where}", quote))
    for kind, attr in (("part", "participants"), ("med", "mediators")):
        rows = [r for r in doc_gold if r.kind == kind]
        for r in rows:
            if not r.required:
                continue
            side = m.gold_actor(r.b)[1].lower()
            ok = any(matches(r, r.a, r.c, t) and any(m.actor(a)[1].lower() == side for a in getattr(t, attr)) for t in held)
            if ok:
                sc[kind].tp_gold += 1
            else:
                sc[kind].fn += 1
                report.misses.append(Finding(kind, doc, f"{r.b} in talks {r.c} at {r.a}", r.note))
        for t in held:
            seen: set[str] = set()
            for actor, ev in getattr(t, attr).items():
                side = m.actor(actor)[1].lower()
                if side in seen:
                    continue
                seen.add(side)
                hits = [r for r in rows if matches(r, r.a, r.c, t) and m.gold_actor(r.b)[1].lower() == side]
                if any(r.required for r in hits):
                    sc[kind].tp_pred += 1
                elif not hits:
                    sc[kind].fp += 1
                    report.false_positives.append(Finding(kind, doc, f"{m.actor(actor)[0]} in talks {t.date or '-'}", ev.quote))


def evaluate(gold_path: Path, paths: list[Path], ontology: Path | None = None, *, only: set[str] | None = None,
             select: bool = True) -> EvalReport:
    """Build each document of ``paths`` alone (rules only) and score it against the gold.

    ``only`` restricts scoring to those gold document ids; ``select=False`` parses every body
    sentence (to check that the sentence filter of the analysis stage loses nothing).
    """
    from .documents import load_corpus
    from .extract import run_extractors
    from .nlp import prepare
    from .provisional import provisional_entities, with_provisional
    from .resources import load_resources

    gold = read_gold(gold_path)
    res = load_resources(ontology)
    docs = {d.doc_id: d for d in load_corpus(paths)}
    by_doc: dict[str, list[GoldRow]] = {}
    for r in gold.rows:
        if not only or r.doc in only:
            by_doc.setdefault(r.doc, []).append(r)
    if only and not by_doc:
        raise GoldError(f"none of {', '.join(sorted(only))} is a document of {gold_path}")
    report = EvalReport()
    for gid in sorted(by_doc):
        stem = gold.manifest.get(gid)
        if stem is None:
            num = gid.lstrip("s")
            stem = next((d for d in docs if d.startswith(num + "_") or d == gid), None)
        if stem is None or stem not in docs:
            raise GoldError(f"gold document {gid} is not in the corpus given (expected file {stem or gid}.txt)")
        extraction = run_extractors(prepare(docs[stem], res, select=select), res)
        doc_matcher = _Matcher(gold, with_provisional(res, provisional_entities([extraction])))
        score_document(by_doc[gid], extraction, doc_matcher, report, gid)
        report.documents += 1
    return report


def format_report(report: EvalReport, details: bool = True) -> str:
    """The report as text: a score table, then every miss and false positive."""
    lines = [f"{'kind':8} {'P':>6} {'R':>6} {'F1':>6}   tp/pred  tp/gold"]
    for kind in (*KINDS, "overall"):
        s = report.overall if kind == "overall" else report.scores[kind]
        lines.append(f"{kind:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   "
                     f"{s.tp_pred:3}/{s.tp_pred + s.fp:<4} {s.tp_gold:3}/{s.tp_gold + s.fn:<4}")
    if details:
        lines.append("")
        lines.append(f"misses ({len(report.misses)}):")
        lines += [f"  [{f.kind}] {f.doc} {f.what} — {f.sentence}" for f in report.misses]
        lines.append(f"false positives ({len(report.false_positives)}):")
        lines += [f"  [{f.kind}] {f.doc} {f.what} — {f.sentence}" for f in report.false_positives]
    return "\n".join(lines)
