"""Reading a parsed sentence: which tokens name issues, and small tree walks.

Everything here takes a spaCy ``Doc`` (or token) of one sentence, offsets local to the
sentence; the words it looks for come from ``ontology/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..resources import Resources

Token = Any  # spacy.tokens.Token (spaCy == imported lazily)


@dataclass(frozen=True)
class IssueHit:
    """A codebook issue named by tokens ``start..end-1`` of the sentence."""

    code: str
    start: int
    end: int


def _token_at(doc: Any, char: int, end: bool = False) -> int | None:
    for tok in doc:
        if end and tok.idx < char <= tok.idx + len(tok.text):
            return int(tok.i)
        if not end and tok.idx <= char < tok.idx + len(tok.text):
            return int(tok.i)
    return None


def find_issue_tokens(doc: Any, res: Resources, doc_id: str) -> list[IssueHit]:
    """Codebook issues of a sentence, matched on its words and on their lemmas.

    Matching lemmas too makes "truces", "ceasefires" or "negotiated" hit the codebook's base
    forms. Overlapping hits of different issues: the longer one wins.
    """
    text = doc.text
    lemma_text, lemma_tok = _lemma_text(doc)
    raw: list[tuple[int, int, str]] = []
    for issue in res.issues.values():
        pats = list(issue.patterns) + [p for p, docs in issue.scoped if doc_id in docs]
        for pat in pats:
            for m in pat.finditer(text):
                a, b = _token_at(doc, m.start()), _token_at(doc, m.end(), end=True)
                if a is not None and b is not None:
                    raw.append((a, b + 1, issue.code))
            for m in pat.finditer(lemma_text):
                a, b = lemma_tok(m.start()), lemma_tok(m.end() - 1)
                if a is not None and b is not None:
                    raw.append((a, b + 1, issue.code))
    raw.sort(key=lambda h: (-(h[1] - h[0]), h[0], h[2]))
    kept: list[IssueHit] = []
    for a, b, code in raw:
        if not any(a < k.end and k.start < b for k in kept):
            kept.append(IssueHit(code, a, b))
    return sorted(kept, key=lambda h: (h.start, h.code))


def _lemma_text(doc: Any) -> tuple[str, Any]:
    parts: list[str] = []
    starts: list[tuple[int, int, int]] = []
    pos = 0
    for tok in doc:
        if tok.is_space:
            continue
        lemma = tok.lemma_ if tok.pos_ in ("NOUN", "VERB", "AUX") else tok.text
        starts.append((pos, pos + len(lemma), tok.i))
        parts.append(lemma)
        pos += len(lemma) + 1

    def at(char: int) -> int | None:
        for a, b, i in starts:
            if a <= char < b:
                return i
        return None

    return " ".join(parts), at


def subtree_ids(tok: Token, stop: Iterable[Token] = ()) -> set[int]:
    """Indices of a token's subtree, leaving out the subtrees of ``stop`` tokens."""
    blocked = {t.i for t in stop}
    out: set[int] = set()
    todo = [tok]
    while todo:
        t = todo.pop()
        if t.i in blocked and t != tok:
            continue
        out.add(t.i)
        todo.extend(t.children)
    return out


def conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("China and Brazil")."""
    out = [tok]
    todo = [c for c in tok.children if c.dep_ == "conj"]
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    if tok.dep_ == "conj":
        head = tok.head
        while head.dep_ == "conj":
            head = head.head
        if head not in out:
            out = [head, *[c for c in conjuncts(head) if c != head]]
    return sorted(set(out), key=lambda t: t.i)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_question(text: str) -> bool:
    return bool(re.search(r"\?[\"”’']*\s*$", text))
