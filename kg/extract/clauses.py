"""Shallow syntax shared by the extractors: clause bounds, subjects, speakers, issues.

All of it works on one sentence's text with the mentions found in it; the words it looks
for come from the lexicon in ``ontology/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from ..annotate import Sentence
from ..mentions import Mention
from ..resources import Resources
from .syntax import Token

_CLAUSE_BREAK = re.compile(
    r";|\s+but\s+|,\s*(?:while|whereas|although|though|however|yet)\b|\s+[—–]\s+|:\s*\"|\bwhile\b", re.I
)
_PRONOUN = re.compile(r"\b(he|she|his|her)\b", re.I)
_THAT = re.compile(r"\b(?:that|which)\s*$", re.I)
_DETS = re.compile(r"(?:\s*\b(?:the|a|an)\b\s*)$", re.I)
_COORD = re.compile(r"^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$", re.I)


def _side_from(res: Resources) -> re.Pattern[str]:
    def build(r: Resources) -> re.Pattern[str]:
        nouns = "|".join(f"(?:{p})" for p in r.raw_lexicon.get("side-noun", ["delegations?"]))
        talks = "|".join(f"(?:{p})" for p in r.raw_lexicon.get("talks-noun", ["talks"]))  # "a meeting of Russian ... officials"
        return re.compile(rf"\b(?:(?:{nouns})\s+(?:from|of)|(?:{talks})\s+of)\s+(?:the\s+)?$", re.I)
    return res.derived("side-from", build)  # type: ignore[no-any-return]


@dataclass
class Discourse:
    """What earlier sentences of a document tell later ones (pronouns, 'the two sides')."""

    last_person: str | None = None
    pair_sides: tuple[str, ...] = ()
    pair_persons: tuple[str, ...] = ()
    party_persons: tuple[str, ...] = ()  # every person the sentence that last named a pair named ("the four leaders")
    main_sides: tuple[str, ...] = ()
    pair_at: int = -2  # the sentence that last named a pair (for "they" in the next one)
    persons_seen: dict[str, int] = field(default_factory=dict)  # person → the sentence that last named them

    def update(self, sent: Sentence, res: Resources) -> None:
        persons = [m.entity for m in sent.mentions if m.sense == "actor" and "Person" in res.entities[m.entity].types]
        for p in persons:
            self.persons_seen.pop(p, None)
            self.persons_seen[p] = sent.index
        if persons:  # "he" next is the subject of this sentence, else the person named last
            self.last_person = _subject_person(sent, res) or persons[-1]
        talks = res.lexicon["talks-noun"].search(sent.text) or res.lexicon["talks-verb"].search(sent.text)
        if talks and not res.lexicon["talks-planned"].search(sent.text):
            view = SentenceView(sent, res)
            subjects = [m for s, _e, m in view.actor_mentions()
                        if not m.modifier and (not is_object(view, s) or re.search(r"\b(?:with|between)\s+$", sent.text[:s]))]
            sides = _distinct(res.side_of(m.entity) for m in subjects
                              if res.entities[res.side_of(m.entity)].kind == "Country")
            if len(sides) >= 2:
                self.pair_sides = tuple(sides[:2])
                self.pair_at = sent.index
            people = _distinct(persons)
            if len(people) >= 2:
                self.pair_persons = tuple(people[:2])
                self.party_persons = tuple(people)
                self.pair_at = sent.index
        elif pair := _joint_subject(SentenceView(sent, res)):
            # "China and Brazil jointly issued ...": later "the two sides" (or "they") are these
            self.pair_sides = tuple(res.side_of(a) for a in pair)
            if all("Person" in res.entities[a].types for a in pair):
                self.pair_persons = pair
            self.pair_at = sent.index

    def counted_leaders(self, tok: Token, res: Resources) -> tuple[str, ...]:
        """The leaders "the four leaders" (``tok`` the noun) stands for: the persons named together
        when talks were last named, if the number fits; else none."""
        if tok.lemma_.lower() not in res.lemma_set("leader-noun"):
            return ()
        nums = {c.lemma_.lower() for c in tok.children if c.dep_ == "nummod"}
        counts = {int(n.split()[1]) for n in res.lemma_set("count-word") if n.split()[0] in nums}
        return self.party_persons if counts == {len(self.party_persons)} else ()

    def holder_of_title(self, side: str, title: list[str], res: Resources) -> str | None:
        """The person named last before whose gazetteer role is the title a side's noun gives
        ("the Ukrainian president" after "Zelensky", "the British prime minister" after "Starmer").

        ``title`` holds the title's words, its noun last ("prime", "minister"); "leader" is any
        head of state or government."""
        for p in reversed(self.persons_seen):
            ent = res.entities[p]
            if res.side_of(p) != side or ent.role is None:
                continue
            role = ent.role.lower().split()
            if title[-1] in res.lemma_set("leader-noun") and title[-1] not in role:
                if ent.head_of_state or set(role) & res.lemma_set("head-of-government-word"):
                    return p
            elif title[-1] in res.lemma_set("spokes-word"):  # "the Kremlin spokesman" for a "Press Secretary"
                if set(role) & res.lemma_set("spokes-word"):
                    return p
            elif all(w in role for w in title):
                return p
        return None

    def pair_just_named(self, sent: Sentence) -> tuple[str, ...]:
        """The pair the sentence before ``sent`` named as meeting (people first), for "they"."""
        if self.pair_at != sent.index - 1:
            return ()
        return self.pair_persons if self.pair_persons else self.pair_sides


def _subject_person(sent: Sentence, res: Resources) -> str | None:
    """The person the main clause's subject names ("Putin met Witkoff. He later said ...": Putin)."""
    if sent.parse is None:
        return None
    for root in (t for t in sent.parse if t.dep_ == "ROOT"):
        for subj in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
            lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
            for m in sent.mentions:
                a, _b = sent.local(m)
                if m.sense == "actor" and lo <= a < hi and "Person" in res.entities[m.entity].types:
                    return m.entity
    return None


def _joint_subject(view: SentenceView) -> tuple[str, ...]:
    """Two actors of two countries coordinated as a subject ("China and Brazil on Thursday issued
    ...", "Trump and Putin spoke by phone"), or ``()``."""
    res = view.res
    mentions = [(s, e, m) for s, e, m in view.actor_mentions() if not m.modifier]
    for (s1, e1, m1), (s2, _e2, m2) in pairwise(mentions):
        sides = (res.side_of(m1.entity), res.side_of(m2.entity))
        if (re.fullmatch(r"\s+and\s+", view.text[e1:s2]) and not is_object(view, s1)
                and not re.search(r",\s*$", view.text[:s1])  # (the last two of a longer list are no pair)
                and sides[0] != sides[1] and all(res.entities[x].kind == "Country" for x in sides)):
            return m1.entity, m2.entity
    return ()


def _distinct(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


@dataclass(frozen=True)
class Speaker:
    """A reported-speech frame: who speaks, and from where in the sentence it governs."""

    actors: tuple[str, ...]
    generic: bool
    verb_end: int
    verb_start: int = 0
    attitude: bool = False   # "hopes that": the speaker's own stance, whoever the subject is


@dataclass
class SentenceView:
    """A sentence with local mention offsets and handy look-ups."""

    sent: Sentence
    res: Resources
    mentions: list[tuple[int, int, Mention]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions = [(*self.sent.local(m), m) for m in self.sent.mentions]

    @property
    def text(self) -> str:
        return self.sent.text

    def actor_mentions(self) -> list[tuple[int, int, Mention]]:
        return [x for x in self.mentions if x[2].sense == "actor"]


def clause_end(text: str, start: int, enumeration: bool = False) -> int:
    """The end of the clause that continues at ``start``."""
    m = re.compile(r"\s+but\s+").search(text, start) if enumeration else _CLAUSE_BREAK.search(text, start)
    return m.start() if m else len(text)


def clause_start(text: str, end: int) -> int:
    """The start of the clause that contains offset ``end``."""
    best = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, end):
        best = m.end()
    return best


def is_object(view: SentenceView, start: int, depth: int = 0) -> bool:
    """True if the mention starting at ``start`` is the object of a preposition or verb.

    Titles between the word and the name are skipped ("with French President Macron");
    "for X to ..." makes X a subject; in "between X and Y" both are objects.
    """
    text, res = view.text, view.res
    before = text[max(0, start - 80):start]
    if _side_from(res).search(before):
        return False  # "delegations from the U.S. and Russia" name the sides
    words = re.findall(r"[\w'’.-]+", re.split(r"[,;:()\"“”]", before)[-1])
    role = res.lexicon.get("role-word")
    # skip a title ("former U.S. Secretary of State"); a small word stays unless inside one
    while words and role is not None and role.fullmatch(words[-1]) and (
            words[-1][:1].isupper() or (len(words) > 1 and words[-2][:1].isupper() and words[-1].islower()
                                         and len(words[-1]) <= 3 and words[-1] in ("of", "for", "the"))):
        words.pop()
    while words and words[-1].lower() in ("the", "a", "an"):
        words.pop()
    if not words:
        return False
    last = words[-1].lower()
    if last in ("and", "or") and depth < 3:
        prev = [x for x in view.mentions if x[1] < start and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?", text[x[1]:start])]
        if prev:
            return is_object(view, prev[-1][0], depth + 1)
        return False
    if last == "for" and re.match(r"^\S+(?:\s+\S+){0,2}?\s+to\b", text[start:start + 40]):
        return False  # "for Moscow to achieve ..."
    return bool(res.lexicon["object-preposition"].fullmatch(last))


def _coordinated(view: SentenceView, idx: int, cands: list[tuple[int, int, Mention]]) -> list[str]:
    """The mention at ``idx`` and any mentions coordinated with it ('X and Y')."""
    group = [cands[idx][2].entity]
    j = idx
    while j > 0 and _COORD.match(view.text[cands[j - 1][1]:cands[j][0]]):
        group.insert(0, cands[j - 1][2].entity)
        j -= 1
    return group


def subject_before(view: SentenceView, pos: int, ctx: Discourse, floor: int = 0) -> tuple[list[str], str]:
    """The holder(s) of a predicate at ``pos``: the nearest subject-like actor before it.

    Returns the actors and how they were found (``subject``, ``pronoun``, ``both-sides``).
    """
    text = view.text
    cands = [x for x in view.actor_mentions()
             if floor <= x[0] and x[1] <= pos and not x[2].modifier and not is_object(view, x[0])]
    best_pos = -1
    found: tuple[list[str], str] = ([], "none")
    if cands:
        i = len(cands) - 1
        best_pos = cands[i][1]
        found = (_coordinated(view, i, cands), "subject")
    for m in _PRONOUN.finditer(text, floor, pos):
        if m.end() > best_pos and ctx.last_person and not is_object(view, m.start()):
            best_pos, found = m.end(), ([ctx.last_person], "pronoun")
    both = view.res.lexicon.get("both-sides")
    if both is not None:
        for m in both.finditer(text, floor, pos):
            if m.end() > best_pos:
                leaders = re.search(r"leaders|heads|presidents|ministers", m.group(0), re.I)
                pair = ctx.pair_persons if leaders and ctx.pair_persons else (ctx.pair_sides or ctx.main_sides)
                if pair:
                    best_pos, found = m.end(), (list(pair), "both-sides")
    return found


def _other_subject(view: SentenceView, start: int, end: int, after: int) -> bool:
    """The speech verb at ``start:end`` has a subject of its own after offset ``after`` that names no
    actor ("Witkoff met Umerov, officials said"): the actor named before does not speak (needs the parse)."""
    doc = view.sent.parse
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    taken = [(a, b) for a, b, _m in view.actor_mentions()]
    return any(s.idx >= after and not any(a <= t.idx < b for t in s.subtree for a, b in taken)
               for s in span.root.children if s.dep_ == "nsubj")


def speakers(view: SentenceView, ctx: Discourse) -> list[Speaker]:
    """Reported-speech frames of a sentence (``X said that ...``, ``according to X``)."""
    res, text = view.res, view.text
    out: list[Speaker] = []
    generic = res.lexicon["generic-speaker"]
    for m in res.lexicon["speech"].finditer(text):
        if any(a < m.end() and m.start() < b for a, b, _x in view.mentions):
            continue  # "States" in "United States"
        floor = clause_start(text, m.start())
        actors, how = subject_before(view, m.start(), ctx, floor)
        window = text[floor:m.start()]
        if actors and how != "both-sides":
            # the speaker must be close: "Peskov, Russian Presidential Press Secretary, bluntly said"
            last_end = max((e for s, e, x in view.actor_mentions() if x.entity in actors and e <= m.start()), default=-1)
            near = how == "pronoun" or (last_end >= 0 and (m.start() - last_end) <= 150)
            if near and how != "pronoun" and _other_subject(view, m.start(), m.end(), last_end):
                out.append(Speaker((), False, m.end(), m.start()))  # "..., officials said": someone unnamed
                continue
            if near:
                gap = text[last_end:m.start()] if last_end >= 0 else ""
                if not (generic.search(gap) and not gap.strip().startswith(",")):
                    attitude = bool(res.lexicon["attitude"].fullmatch(m.group(0))) if "attitude" in res.lexicon else False
                    out.append(Speaker(tuple(actors), False, m.end(), m.start(), attitude))
                    continue
        if generic.search(window):
            out.append(Speaker((), True, m.end(), m.start()))
    for m in res.lexicon["according"].finditer(text):
        after = [x for x in view.actor_mentions() if m.start() <= x[0] <= m.end() + 12]
        if after:
            out.append(Speaker((after[0][2].entity,), False, m.end(), m.start()))
        elif generic.search(text[m.end():m.end() + 40]):
            out.append(Speaker((), True, m.end(), m.start()))
    # '"...," Trump told reporters.' - a quote before its speech verb
    if re.match(r'^\s*["“]', text):
        close = re.search(r'["”]', text[1:])
        if close:
            after_quote = [sp for sp in out if sp.verb_start > close.start()]
            if after_quote:
                sp = after_quote[0]
                out.append(Speaker(sp.actors, sp.generic, 0, 0))
    return sorted(out, key=lambda s: s.verb_end)


@dataclass(frozen=True)
class IssueHit:
    code: str
    start: int
    end: int


_NEGATED_ISSUE = re.compile(r"\b(?:not|no|never|without)\s+[\"“']?$", re.I)


def find_issues(text: str, start: int, end: int, res: Resources, doc_id: str) -> list[IssueHit]:
    """Codebook issues mentioned in ``text[start:end]``; overlapping hits: the longer wins.

    An issue right after a negation ("not negotiating with Putin") is left out.
    """
    hits: list[IssueHit] = []
    for issue in res.issues.values():
        pats = list(issue.patterns) + [p for p, docs in issue.scoped if doc_id in docs]
        for pat in pats:
            for m in pat.finditer(text, start, end):
                if not _NEGATED_ISSUE.search(text[max(0, m.start() - 25):m.start()]):
                    hits.append(IssueHit(issue.code, m.start(), m.end()))
    hits.sort(key=lambda h: (-(h.end - h.start), h.start, h.code))
    kept: list[IssueHit] = []
    for h in hits:
        if any(h.start < k.end and k.start < h.end and k.code != h.code for k in kept):
            continue
        kept.append(h)
    return sorted(kept, key=lambda h: (h.start, h.code))


_CLAIM_STOP = re.compile(r"[;:()]|,(?!\d)|\s+and\s+(?=[\w\"“']+\s+\w)|\s+[—–]\s+")


def claim_text(text: str, hit: IssueHit, lo: int, hi: int) -> str:
    """A short claim: the list item or phrase of the scope that holds the issue's words."""
    left = lo
    for m in _CLAIM_STOP.finditer(text, lo, hit.start):
        left = m.end()
    m2 = _CLAIM_STOP.search(text, hit.end, hi)
    right = m2.start() if m2 else hi
    phrase = text[left:right]
    phrase = re.sub(r"\s+", " ", phrase).strip(" \t\"“”'‘’.")
    phrase = re.sub(r"^(?:to|that|and|the|of|for|on|is|are|was|were)\s+", "", phrase, flags=re.I)
    if len(phrase) > 120:
        phrase = phrase[:117].rsplit(" ", 1)[0] + "..."
    return phrase or text[hit.start:hit.end]
