"""Reading a parsed sentence: which tokens name issues, and small tree walks.

Everything here takes a spaCy ``Doc`` (or token) of one sentence, offsets local to the
sentence; the words it looks for come from ``ontology/``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..resources import Resources
from .prefilter import WordPattern

Token = Any  # spacy.tokens.Token (spaCy == imported lazily)


@dataclass(frozen=True)
class IssueHit:
    """A codebook issue named by tokens ``start..end-1`` of the sentence."""

    code: str
    start: int
    end: int


def find_issue_tokens(doc: Any, res: Resources, doc_id: str) -> list[IssueHit]:
    """Codebook issues of a sentence, matched on its words and on their lemmas.

    Matching lemmas too makes "truces", "ceasefires" or "negotiated" hit the codebook's base
    forms; matching with only the verbs as lemmas makes "troops left" hit "troops leave"
    (where the nouns' lemmas would miss the plural the pattern names). Overlapping hits of
    different issues: the longer one wins.
    """
    text = doc.text  # spaCy joins the tokens anew on each access
    lemma_texts = [_lemma_text(doc, ("NOUN", "VERB", "AUX"))]
    verbs_only = _lemma_text(doc, ("VERB", "AUX"))
    if verbs_only[0] != lemma_texts[0][0]:
        lemma_texts.append(verbs_only)
    aside = _speech_aside(doc, res)
    if aside:  # "Ukrainian forces, he said, must be withdrawn": the phrase read without the aside
        lemma_texts += [_lemma_text(doc, (), aside), _lemma_text(doc, ("VERB", "AUX"), aside)]
    raw: list[tuple[int, int, str]] = []
    for code, pattern in _issue_patterns(res, doc_id):
        for m in pattern.finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and len(span):
                raw.append((span.start, span.end, code))
        for lemma_text, lemma_tok in lemma_texts:
            for m in pattern.finditer(lemma_text):
                a, b = lemma_tok(m.start()), lemma_tok(m.end() - 1)
                if a is not None and b is not None:
                    raw.append((a, b + 1, code))
    raw.sort(key=lambda h: (-(h[1] - h[0]), h[0], h[2]))
    kept: list[IssueHit] = []
    for a, b, code in raw:
        if not any(a < k.end and k.start < b for k in kept):
            kept.append(IssueHit(code, a, b))
    return sorted(kept, key=lambda h: (h.start, h.code))


def _issue_patterns(res: Resources, doc_id: str) -> list[tuple[str, WordPattern]]:
    """One alternation per issue (longer patterns first), plus the issue's patterns scoped to this document."""
    def build(r: Resources) -> list[tuple[str, WordPattern]]:
        out = []
        for issue in r.issues.values():
            alts = sorted((p.pattern for p in issue.patterns), key=lambda p: (-len(p), p))
            out.append((issue.code, WordPattern.compile("|".join(alts))))
        return out
    shared: list[tuple[str, WordPattern]] = res.derived("issue-alternations", build)
    scoped = [(i.code, WordPattern(p, None)) for i in res.issues.values() for p, docs in i.scoped if doc_id in docs]
    return shared + scoped


def _speech_aside(doc: Any, res: Resources) -> set[int]:
    """Tokens of a reporting clause set off by commas inside what it reports (", he said,")."""
    out: set[int] = set()
    speech = res.lemma_set("speech-verb")
    for tok in doc:
        if tok.dep_ != "parataxis" or tok.lemma_.lower() not in speech:
            continue
        words = [t.i for t in tok.subtree if not t.is_punct]  # (the parser may hang the commas on the verb)
        left, right = min(words), max(words)
        if left > 1 and right + 2 < len(doc) and doc[left - 1].text == "," and doc[right + 1].text == ",":
            out |= set(range(left - 1, right + 2))
    return out


def _lemma_text(doc: Any, tags: tuple[str, ...], skip: set[int] | None = None) -> tuple[str, Any]:
    """The sentence with the words of parts of speech ``tags`` as lemmas (without the tokens
    ``skip``), and a map from its offsets to token indices."""
    parts: list[str] = []
    starts: list[int] = []
    index: list[int] = []
    pos = 0
    for tok in doc:
        if tok.is_space or (skip and tok.i in skip):
            continue
        lemma = tok.lemma_ if tok.pos_ in tags else tok.text
        starts.append(pos)
        index.append(tok.i)
        parts.append(lemma)
        pos += len(lemma) + 1

    def at(char: int) -> int | None:
        k = bisect.bisect_right(starts, char) - 1
        if k < 0 or char >= starts[k] + len(parts[k]):
            return None  # the space between two words
        return index[k]

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
    # ("The French president, the German chancellor and the British prime minister": a list the parser
    # makes an apposition with a conjunct of its own, when no name stands in it)
    todo = [c for c in tok.children if c.dep_ == "conj" or (
        c.dep_ == "appos" and c.pos_ == "NOUN" and tok.pos_ == "NOUN" and any(x.dep_ == "conj" for x in c.children))]
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


def has_det(tok: Token, lemmas: str | frozenset[str]) -> bool:
    """Whether a determiner of ``tok`` is one of ``lemmas`` ("no plans", "the plan")."""
    words = frozenset((lemmas,)) if isinstance(lemmas, str) else lemmas
    return any(c.dep_ == "det" and c.lemma_.lower() in words for c in tok.children)


def is_question(text: str) -> bool:
    return bool(re.search(r"\?[\"”’']*\s*$", text))
