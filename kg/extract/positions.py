"""Positions: who demands, proposes, supports, accepts, opposes or rejects which issue.

Read over the dependency parse of each sentence: a stance trigger (lemma patterns of the
lexicon), its holder (clause subject through control verbs and conjunctions, passive agent,
owner of a noun trigger, speaker of reported speech), its polarity (negation, failure) and
the issues in its syntactic scope.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from ..annotate import AnnotatedDocument, Sentence, publisher_actors, speaker_turns, starts_line
from ..documents import Document
from ..mentions import find_mentions
from ..records import Evidence, PositionRecord
from ..resources import LemmaPattern, Resources, StanceTrigger
from ..sentences import LIST_ITEM
from .clauses import Discourse, find_issues
from .syntax import IssueHit, Token, children, conjuncts, find_issue_tokens, has_det, is_question, subtree_ids

# A negated stance: demands and proposals say nothing ("did not demand"), the rest flip polarity.
NEGATED = {"Support": "Opposition", "Acceptance": "Rejection", "Opposition": "Acceptance",
           "Rejection": "Acceptance", "Demand": None, "Proposal": None}
_CLIMB = ("xcomp", "ccomp", "conj", "advcl", "parataxis")


def _negative(stance: str) -> bool:
    return stance in ("Opposition", "Rejection")


@dataclass(frozen=True)
class TriggerHit:
    token: Token
    trigger: StanceTrigger
    pattern: LemmaPattern | None = None


def find_triggers(doc: object, res: Resources) -> list[TriggerHit]:
    """Stance triggers of a parsed sentence; per token the most specific lexicon pattern wins."""
    index = res.trigger_index
    return [hit for tok in doc if (hit := trigger_at(tok, res, index)) is not None]  # type: ignore[attr-defined]


def _phrasal_entries(res: Resources, name: str) -> dict[str, list[list[str]]]:
    """Head lemma → the particles of each entry of a phrasal lexicon ("take +part" → take: [[part]])."""
    out: dict[str, list[list[str]]] = {}
    for entry in res.lemma_set(name):
        head, *particles = entry.split(" +")
        out.setdefault(head, []).append(particles)
    return out


def trigger_at(tok: Token, res: Resources, index: dict[str, list[tuple[LemmaPattern, StanceTrigger]]] | None = None) -> TriggerHit | None:
    """The stance trigger a token is, by the most specific lexicon pattern it matches, if any."""
    index = res.trigger_index if index is None else index
    best: tuple[int, StanceTrigger, LemmaPattern] | None = None
    for pat, trig in index.get(tok.lemma_.lower(), []) + index.get(tok.text.lower(), []):
        if pat.matches(tok) and (best is None or pat.weight > best[0]):
            best = (pat.weight, trig, pat)
    return TriggerHit(tok, best[1], best[2]) if best is not None else None


def main_sides(doc: AnnotatedDocument, res: Resources) -> tuple[str, ...]:
    """The two countries a document is mostly about (the default 'two sides')."""
    counts: Counter[str] = Counter()
    for s in doc.sentences:
        if s.chrome:
            continue
        for m in s.mentions:
            if m.sense == "actor":
                side = res.side_of(m.entity)
                if res.entities[side].kind == "Country":
                    counts[side] += 1
    return tuple(sorted(counts, key=lambda k: (-counts[k], k))[:2])


@dataclass
class _Memory:
    """What earlier sentences tell later ones beyond ``Discourse``."""

    last_body: str | None = None
    lead_in: tuple[str, ...] = ()   # the subject of a sentence that ends with a colon, for the list after it
    plan_lead: tuple[str, ...] = ()  # the owner of a plan whose points a list sets out ("Key points of the US plan:")
    plan_stance: str = "Proposal"
    plan_author: tuple[str, ...] = ()  # who last put forward a plan ("Zelensky laid out a plan"), for "the plan"
    issue_heads: dict[str, str] = field(default_factory=dict)  # "plant" → nuclear-power-plants, for "the plant"
    last_offer: tuple[str, ...] = ()  # the issues the last holder to propose or demand has put forward, for "the idea"
    last_offerer: frozenset[str] = frozenset()
    named_offers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "principle" → the issues of the principles set out
    question: tuple[tuple[str, ...], str, tuple[str, ...]] | None = None  # a question put without its answer: issues, stance, who
    author: tuple[str, ...] = ()  # who issues the document, when it is a statement ("We call on ..." outside quotes)
    titled: tuple[str, ...] = ()  # the side of the last subject named only by a title ("the head of the IAEA"), for "he"
    titled_at: int = -1
    turn: tuple[str, ...] = ()  # the speaker of the current turn of a transcript ("Zakharova: We ...")
    asking: bool = False  # the current turn is a question ("Q: ...")


def extract_positions(doc: AnnotatedDocument, res: Resources) -> Iterator[PositionRecord]:
    """Yield the positions stated in a document, one record per holder, stance and issue."""
    publisher = publisher_actors(doc.document, res)  # (with the gazetteer's own matcher: a view builds its own)
    res = doc.view(res)
    ctx = Discourse(main_sides=main_sides(doc, res))
    memory = _Memory(author=publisher or statement_author(doc.document, res))
    turns = speaker_turns(doc.sentences, doc.document.body, res, publisher)
    for sent in doc.sentences:
        memory.turn, memory.asking = turns.get(sent.start, ((), False))
        if not LIST_ITEM.match(sent.text) and starts_line(doc.document.body, sent):
            memory.lead_in = memory.plan_lead = ()  # a new paragraph ends a list (a sentence inside an item does not)
        if sent.parse is not None and not sent.chrome and not memory.asking:
            reader = _Reader(sent, res, ctx, memory, doc.doc_id)
            records = list(reader.positions())
            yield from records
            offers = [r for r in records if r.stance in ("Proposal", "Demand")]
            if offers:  # one holder's terms over several sentences add up ("Putin set out ... He also demanded ...")
                who = frozenset(res.side_of(r.holder) for r in offers)
                earlier = memory.last_offer if who == memory.last_offerer else ()
                memory.last_offer = tuple(sorted({*earlier, *(r.issue for r in offers)}))
                memory.last_offerer = who
            memory.plan_author = tuple(reader.plan_authors()) or memory.plan_author
            memory.question = reader.pending_question
            titled = reader.titled_subject()
            if titled:
                memory.titled, memory.titled_at = tuple(titled), sent.index
            memory.issue_heads.update(reader.issue_heads())
            if sent.text.rstrip().endswith(":"):
                memory.lead_in = tuple(reader.lead_in_subject())
                memory.plan_lead, memory.plan_stance = reader.plan_lead_in()
        elif not sent.chrome:
            memory.issue_heads.update(text_issue_heads(sent.text, res, doc.doc_id))
        ctx.update(sent, res)
        for m in sent.mentions:
            if m.sense == "actor" and res.entities[m.entity].kind in ("Country", "Organization", "Group"):
                memory.last_body = m.entity


def statement_author(document: Document, res: Resources) -> tuple[str, ...]:
    """The one actor a statement's title names as its author ("Statement of the Ministry of
    Foreign Affairs of Ukraine on ..."); none for another title."""
    title = document.title or ""
    words = title.split()
    if not words or words[0].lower().strip(":") not in res.lemma_set("statement-noun"):
        return ()
    head = re.split(r"\s+(?:on|about|regarding|concerning|in connection with)\s+", title, maxsplit=1)[0]
    found = {m.entity for m in find_mentions(head, document.doc_id, res) if m.sense == "actor"}
    return tuple(found) if len(found) == 1 else ()


def text_issue_heads(text: str, res: Resources, doc_id: str) -> dict[str, str]:
    """:meth:`_Reader.issue_heads` for a sentence that was not parsed: the last word of an issue
    phrase of several words without a preposition ("nuclear power plant" → "plant")."""
    out: dict[str, str] = {}
    for h in find_issues(text, 0, len(text), res, doc_id):
        words = text[h.start:h.end].lower().split()
        if len(words) > 1 and not res.issues[h.code].framing and not set(words) & res.lemma_set("preposition-word"):
            out[words[-1].strip(".,;:'\"")] = h.code
    return out


def token_actors(sent: Sentence, res: Resources, ctx: Discourse, doc_id: str) -> _Reader:
    """A reader of one parsed sentence, for other extractors that need its actor look-ups."""
    return _Reader(sent, res, ctx, _Memory(), doc_id)


def _infinitival(tok: Token) -> bool:
    """An infinitive clause ("for Ukraine to join NATO"): after "it is realistic" it is the
    extraposed subject of the judgement, not a circumstance."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


@dataclass
class _Frame:
    """Reported speech around a clause: who says it (empty and generic for pundits)."""

    actors: list[str]
    generic: bool
    verb: Token
    attitude: bool = False


@dataclass
class _Reader:
    """One parsed sentence and what it states."""

    sent: Sentence
    res: Resources
    ctx: Discourse
    memory: _Memory
    doc_id: str
    tok_actor: dict[int, list[str]] = field(default_factory=dict)
    _hits: list[IssueHit] | None = None
    pending_question: tuple[tuple[str, ...], str, tuple[str, ...]] | None = None  # put here, answered in the next sentence

    def __post_init__(self) -> None:
        self.doc = self.sent.parse
        self.tokens: list[Token] = list(self.doc)  # (spaCy makes a new token object on each access)
        for m in self.sent.mentions:
            if m.sense != "actor":
                continue
            span = self.doc.char_span(*self.sent.local(m), alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                if m.entity not in self.tok_actor.setdefault(i, []):
                    self.tok_actor[i].append(m.entity)
        demonyms = self.res.by_demonym
        for tok in self.tokens:
            if tok.i not in self.tok_actor and tok.dep_ in ("amod", "compound", "nmod", "conj") and tok.text.lower() in demonyms:
                self.tok_actor[tok.i] = [demonyms[tok.text.lower()]]
        self.lex = self.res.lemma_set

    # ------------------------------------------------------------ actors
    def actors_of(self, tok: Token, speaker: list[str] | None = None) -> list[str]:
        """The actors a noun phrase names (all conjuncts), resolving pronouns and side nouns."""
        out: list[str] = []
        for t in conjuncts(tok):
            for a in self._actor_of_one(t, speaker or []):
                if a not in out:
                    out.append(a)
        return out

    def _actor_of_one(self, t: Token, speaker: list[str]) -> list[str]:
        lemma = t.lemma_.lower()
        if t.i in self.tok_actor:
            return list(self.tok_actor[t.i])
        persons = [a for a in speaker if self.res.entities[a].kind == "Person"]
        bodies = [a for a in speaker if self.res.entities[a].kind != "Person"]
        if lemma in self.lex("person-pronoun"):
            # inside reported speech "he" is most often the speaker ("Putin said he was ready")
            if persons:
                return persons
            before = self.subject_before(t, person=True)  # "Mr Putin told reporters ..., but he insisted ..."
            if before:
                return before
            last = self.ctx.last_person
            if self.memory.titled and (last is None or self.ctx.persons_seen.get(last, -1) < self.memory.titled_at):
                return list(self.memory.titled)  # "The head of the IAEA set out ... He called on ..."
            return [last] if last else []
        if lemma in self.lex("speaker-pronoun"):
            return list(speaker) or list(self.memory.author)  # (in a statement with no speaker: its author)
        if lemma in self.lex("body-pronoun"):
            if bodies:
                return bodies
            if lemma in ("it", "its"):  # "Moscow made clear it would not accept ...", else the body named last
                before = self.subject_before(t, person=False) if t.dep_ in ("nsubj", "poss") else []
                if before or self.memory.last_body:
                    return before or [str(self.memory.last_body)]
            if lemma in self.lex("plural-pronoun"):  # "Trump and Putin spoke on Tuesday. They agreed ..."
                return list(self.ctx.pair_just_named(self.sent))
            return []
        if t.pos_ in ("NOUN", "PROPN"):
            named = [a for c in children(t, "appos") for x in conjuncts(c) for a in self.tok_actor.get(x.i, [])]
            if named:  # "Turkey's foreign minister Hakan Fidan urged": the parser heads the title
                return named
            named = [a for c in children(t, "prep") if c.lemma_.lower() in self.lex("example-preposition")
                     for p in children(c, "pobj") for a in self.actors_of(p)]
            if named:  # "Several members, including France and Britain, voiced support": the ones named
                return named
            nums = {c.lemma_.lower() for c in t.children if c.dep_ in ("nummod", "det", "predet")}
            counted = self.ctx.counted_leaders(t, self.res)
            if counted:
                return list(counted)  # "the four leaders" after talks of four named leaders
            if nums & self.lex("pair-word") and lemma in self.lex("pair-noun"):
                leaders = lemma in self.lex("leader-noun") and self.ctx.pair_persons
                return list(self.ctx.pair_persons if leaders else (self.ctx.pair_sides or self.ctx.main_sides))
            if lemma in self.lex("side-noun-lemma") | self.lex("title-noun") | self.lex("plan-noun"):
                # "the IAEA chief", "the Kremlin spokesman", "the Russian memorandum"
                owners = [c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in self.tok_actor]
                for prep in children(t, "prep"):  # "delegations from A, B and C"
                    owners += [p for p in children(prep, "pobj") if p.i in self.tok_actor]
                if owners:
                    found = list(dict.fromkeys(a for c in owners for o in conjuncts(c) for a in self.tok_actor.get(o.i, [])))
                    if len(found) == 1 and lemma in self.lex("title-noun") | self.lex("leader-noun"):
                        # "the Ukrainian president" after "Zelensky": the person of that title named before
                        title = [c.lower_ for c in t.children if c.dep_ in ("compound", "amod") and c.i not in self.tok_actor]
                        person = self.ctx.holder_of_title(found[0], [*title, lemma], self.res)
                        if person is not None:
                            return [person]
                    return found
            if lemma in self.lex("plan-noun"):  # "the draft, drawn up by Witkoff, calls for ...": its author
                authors = [a for v in children(t, "acl") if self.author_verb(v) for g in children(v, "agent")
                           for o in children(g, "pobj") for a in self.actors_of(o)]
                if authors:
                    return authors
            if self.definite_plan(t):  # "The document calls for a ceasefire": its author does
                return list(self.memory.plan_author)
        return []

    def titled_subject(self) -> list[str]:
        """The side a main-clause subject named only by a person's title stands for ("the head of
        the IAEA", "Ukraine's representative"), for a "he" or "she" later."""
        for s in self.tokens:
            if s.dep_ in ("nsubj", "csubj") and s.head.dep_ == "ROOT" and s.tag_ == "VBG" and s.i == 0:
                s = next((a for a in s.subtree if a.dep_ == "appos"), s)  # ("Briefing the Council, the head of ...")
            if (s.dep_ in ("nsubj", "appos") and s.pos_ == "NOUN" and s.i not in self.tok_actor
                    and s.lemma_.lower() in self.lex("title-noun")):
                return self.actors_of(s)
        return []

    def subject_before(self, t: Token, person: bool) -> list[str]:
        """The person ("he") or body ("it") a pronoun refers back to in its own sentence: the
        subject of an earlier clause, else none (an object before it is no antecedent: "Putin met
        Zelensky and he said")."""
        for tok in reversed(self.doc[:t.i]):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.i in self.tok_actor:
                found = [a for a in self.tok_actor[tok.i] if (self.res.entities[a].kind == "Person") == person]
                if found:
                    return found
        return []

    def definite_plan(self, t: Token) -> bool:
        """A plan noun pointing back ("the plan", "this formula") to a plan put forward before."""
        return bool(self.memory.plan_author) and t.lemma_.lower() in self.lex("plan-noun") and has_det(t, self.lex("definite-determiner"))

    def is_generic(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.lex("generic-speaker-noun")

    def plan_lead_in(self) -> tuple[tuple[str, ...], str]:
        """The owner of a plan or of terms whose points the list after this lead-in sets out ("Key
        points of the US plan:", "Russia's conditions:"), and the stance the points take."""
        head = next((t for t in self.tokens if t.dep_ == "ROOT"), None)
        if head is None:
            return (), "Proposal"
        nouns = [head] if head.pos_ in ("NOUN", "PROPN") else children(head, "nsubj")
        for noun in nouns:
            # "points of the plan": the plan is the noun of the terms
            plans = [noun, *(o for p in children(noun, "prep") for o in children(p, "pobj"))]
            for plan in plans:
                lemma = plan.lemma_.lower()
                if lemma in self.lex("plan-noun") | self.lex("points-noun"):
                    owners = self.actors_of(plan)
                    if owners:
                        stance = "Demand" if lemma in self.lex("demand-noun") else "Proposal"
                        return tuple(owners), stance
        return (), "Proposal"

    def _plan_items(self, issues: list[IssueHit], triggers: dict[int, TriggerHit]) -> Iterator[PositionRecord]:
        """A list item under a plan's lead-in: its owner puts forward each issue the item names,
        whoever the item's own subject is ("- Ukraine to cede the rest of Donetsk"); an item
        that rules something out or refuses it rejects it ("- NATO membership ruled out")."""
        stance = self.memory.plan_stance
        refusals = [h.trigger.stance for h in triggers.values() if _negative(h.trigger.stance)]
        if refusals:
            stance = refusals[0]
        scope = set(range(len(self.doc)))
        ev = Evidence(self.doc_id, self.sent.start, self.sent.end, self.sent.text, "position.plan-item",
                      self.sent.date_near(0))
        for holder in self.memory.plan_lead:
            for iss in self._drop_framing(self.tokens[0], issues):
                yield PositionRecord(holder, self.polarity(stance, iss, scope), iss.code, self.claim(iss, scope), ev)

    def lead_in_subject(self) -> list[str]:
        """The actors a sentence ending in a colon names as its subject ("the two sides:")."""
        for tok in self.tokens:
            if tok.dep_ in ("nsubj", "ROOT") and tok.pos_ in ("NOUN", "PROPN"):
                actors = self.actors_of(tok)
                if actors:
                    return actors
        return []

    # ------------------------------------------------------------ clauses
    def frame(self, p: Token) -> _Frame | None:
        """The reported-speech frame governing the clause of ``p``, if any."""
        cur = p
        for _ in range(12):
            for c in cur.children:
                lemma = c.lemma_.lower()
                if lemma == "accord" or (c.dep_ == "prep" and lemma == "according"):
                    for to in children(c, "prep"):
                        # the first name after "according to" (the parser may hang it below the clause's subject)
                        for tok in sorted((x for x in to.subtree if x.i > to.i), key=lambda x: x.i):
                            if self.is_generic(tok):
                                return _Frame([], True, c)
                            actors = self.actors_of(tok)
                            if actors:
                                return _Frame(actors, False, c)
                if c.dep_ in ("parataxis", "advcl", "conj") and lemma in self.lex("speech-verb") and not children(c, "ccomp"):
                    fr = self._speaker(c)
                    if fr is not None:
                        return fr
                if c.dep_ in ("ccomp", "parataxis") and c.i < cur.i and (fr := self._stance_holder(c)) is not None:
                    return fr  # "Russia's position remains unchanged: Ukraine must ..."
            if cur.head == cur:
                return None
            if cur.dep_ in ("ccomp", "parataxis", "conj") and cur.head.lemma_.lower() in self.lex("speech-verb"):
                fr = self._speaker(cur.head)
                if fr is not None:
                    return fr
            if cur.dep_ in ("ccomp", "attr") and (fr := self._stance_holder(cur.head)) is not None:
                return fr  # "Moscow's position is that Kyiv must ..."
            if cur.dep_ == "relcl" and any(c.dep_ == "mark" and c.lemma_.lower() in self.lex("content-mark") for c in cur.children):
                # a "that" clause of its own hung on a noun by the parser ("told reporters after the
                # meeting that Britain was ready ..."): it is what the nearest verb above it says
                verb = next((a for a in cur.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if verb is not None and verb.lemma_.lower() in self.lex("speech-verb") and (fr := self._speaker(verb)) is not None:
                    return fr
            if cur.dep_ not in (*_CLIMB, "acomp", "relcl", "pcomp", "pobj", "prep", "dobj", "attr", "csubj"):
                return None
            cur = cur.head
        return None

    def _stance_holder(self, verb: Token) -> _Frame | None:
        """A copula whose subject is a noun of stance with an owner ("Moscow's position is ...",
        "Kyiv's view remains ..."): the owner speaks through what the sentence states."""
        if verb.lemma_.lower() not in self.lex("copula"):
            return None
        for s in children(verb, "nsubj"):
            if s.lemma_.lower() in self.lex("stance-noun"):
                actors, _toks = self.owner(s)
                if actors:
                    return _Frame(actors, False, verb)
        return None

    def speech(self, p: Token) -> _Frame | None:
        """The reported-speech frame of ``p``, else the speaker of the transcript's turn."""
        fr = self.frame(p)
        if fr is None and self.memory.turn:
            return _Frame(list(self.memory.turn), False, p)
        return fr

    def _speaker(self, verb: Token) -> _Frame | None:
        attitude = verb.lemma_.lower() in self.lex("attitude-verb")
        if not children(verb, "nsubj", "agent") and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head != verb:
            verb = verb.head  # "..., saying that": the speaker == the subject of the clause it hangs on
        subject = "nsubj"
        if not children(verb, "nsubj", "agent") and verb.dep_ == "pcomp" and verb.head.head != verb.head:
            verb, subject = verb.head.head, "nsubjpass"  # "Lavrov was quoted as saying": who was quoted
        for s in children(verb, subject):
            if self.is_generic(s):
                return _Frame([], True, verb)
            actors = self.actors_of(s)
            if actors:
                return _Frame(actors, False, verb, attitude)
        for agent in children(verb, "agent"):
            for pobj in children(agent, "pobj"):
                actors = self.actors_of(pobj)
                if actors:
                    return _Frame(actors, False, verb, attitude)
        return None

    def subject(self, p: Token, speaker: list[str]) -> tuple[list[str], str]:
        """Who a predicate's clause says holds it: subject, passive agent, or (through control
        and conjunction) the subject of the governing verb. Never an object."""
        cur = p
        for _ in range(8):
            for agent in children(cur, "agent"):
                for pobj in children(agent, "pobj"):
                    actors = self.actors_of(pobj, speaker)
                    if actors:
                        return actors, "agent"
            subjects = children(cur, "nsubj")
            if subjects and cur.dep_ in ("ccomp", "oprd", "xcomp") and cur.head.lemma_.lower() in self.lex("causative-verb") \
                    and not self.actors_of(subjects[0], speaker):
                cur = cur.head  # "Moscow made any ceasefire conditional on ...": who makes it so
                continue
            # an opening participle the parser made the subject: the phrase after its comma is
            # ("Briefing the Council, the head of the IAEA set out ...")
            subjects = [next((a for a in s.subtree if a.dep_ == "appos" and self.tokens[a.left_edge.i - 1].text == ","), s)
                        if s.tag_ == "VBG" and s.i == 0 else s for s in subjects + children(cur, "csubj")[:1]]
            subjects = [s for s in subjects if s.dep_ != "csubj"]
            if not subjects:  # "The Russian document, published by state media, offers ...": the parser makes the
                # subject that of the participle set off before the verb
                subjects = [s for c in children(cur, "ccomp") if c.i < cur.i and c.tag_ in ("VBN", "VBD") and children(c, "agent")
                            and not children(c, "auxpass", "aux")
                            for s in children(c, "nsubj") if s.i < c.i and self.tokens[c.i - 1].text == ","]
            if subjects:
                s = subjects[0]
                if s.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":  # "Kyiv, which rejected ..."
                    return self.actors_of(cur.head, speaker), "subject"
                return self.actors_of(s, speaker), "subject"
            if children(cur, "nsubjpass"):
                return [], "none"
            if cur.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in cur.head.children):
                return [], "none"  # "pressed Moscow to accept": the object == no holder
            if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return self.actors_of(cur.head, speaker), "subject"
            if self.document_clause(cur):
                # "signed a decree ruling out talks": a document speaks for its owner or author
                plan = cur.head
                owners = self.actors_of(plan, speaker)
                if not owners and plan.dep_ == "dobj" and self.author_verb(plan.head):
                    owners = [a for s in children(plan.head, "nsubj") for a in self.actors_of(s, speaker)]
                return owners, "plan"
            if (cur.dep_ == "acl" and cur.tag_ in ("VBD", "VBZ", "VBP") and cur.head.dep_ == "ROOT"
                    and cur.head.pos_ in ("NOUN", "PROPN")):
                # a finite verb the parser hung on a root noun ("The Turkish president, Recep Tayyip
                # Erdogan, offered ..."): the sentence has no other verb, the noun is its subject
                return self.actors_of(cur.head, speaker), "subject"
            if cur.dep_ in ("xcomp", "conj", "acomp", "advcl") and cur.head != cur:
                cur = cur.head
                continue
            break
        if self.memory.lead_in and LIST_ITEM.match(self.sent.text):
            return list(self.memory.lead_in), "lead-in"  # "The two sides: -- call for ..."
        return [], "none"

    def predicate(self, t: Token) -> Token:
        """The clause verb a trigger belongs to ("ready" → "was")."""
        if t.pos_ == "ADJ" and t.dep_ in ("acomp", "attr", "oprd") and t.head.lemma_.lower() in self.lex("copula"):
            return t.head
        if t.pos_ == "ADP" and t.head.pos_ in ("VERB", "AUX"):
            return t.head  # "stood against"
        return t

    def negated(self, t: Token, p: Token, own: str | None = None, stance: str = "") -> bool:
        chain = [t, p]
        cur = p
        while cur.dep_ == "xcomp" and cur.head != cur:
            cur = cur.head
            chain.append(cur)
        if any(c.dep_ == "neg" for x in chain for c in x.children):
            return True
        if any(c.lower_ in self.lex("negative-determiner")
               for x in chain for s in children(x, "nsubj", "nsubjpass") for c in s.children):
            return True  # "Neither Moscow nor Kyiv has accepted the plan", "No country has backed it"
        if stance not in ("Demand", "Proposal") and t.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "dobj" and has_det(c, "no") for c in t.children):
            return True  # "made no compromises", "accepted no proposal" (but "demands no troops" opposes them)
        # "no plans to": unless the "no" is part of the trigger itself
        if t.pos_ == "NOUN" and own != "no" and has_det(t, "no"):
            return True
        cur = t  # "there can be no question of recognising Crimea"
        for _ in range(4):
            if cur.dep_ not in ("pcomp", "pobj", "prep", "acl", "compound") or cur.head == cur:
                return False
            cur = cur.head
            if self.existential_denial(cur):
                return True
        return False

    def existential_denial(self, tok: Token) -> bool:
        """The noun "there is no" denies: "there can be no ceasefire", "no talk of ..."."""
        return bool(tok.dep_ == "attr" and has_det(tok, "no") and children(tok.head, "expl")
                    and tok.head.lemma_.lower() in self.lex("copula"))

    def hedged(self, t: Token, p: Token) -> bool:
        hedge, marks = self.lex("hedge-word"), self.lex("hedge-mark")
        cur: Token | None = p
        path = [t]
        while cur is not None:
            path.append(cur)
            if cur.dep_ not in (*_CLIMB, "acomp", "relcl") or cur.head == cur:
                break
            if cur.head.lemma_.lower() in self.lex("speech-verb"):
                path.append(cur.head)
                break
            cur = cur.head
        # ("Russia signalled it could agree to X": what one's own side could do, said by it, is an offer)
        own = path[-1].lemma_.lower() in self.lex("speech-verb") and self.own_side_clause(path[-1], p)
        for x in path:
            firm = any(c.dep_ == "neg" for c in x.children) or own  # "could not imagine": inability, no hedge
            for c in x.children:
                lemma = c.lemma_.lower()
                if c.dep_ in ("aux", "advmod") and lemma in hedge and not (firm and lemma in self.lex("firm-when-negated")):
                    return True
                if c.dep_ == "mark" and lemma in marks:
                    return True
            if x.lemma_.lower() in self.lex("failure") | self.lex("question-verb") | hedge and x != t:
                return True  # ("is unlikely to agree", "appeared to rule out")
        return False

    def own_side_clause(self, speech: Token, p: Token) -> bool:
        """The clause of ``p`` says what the speaker's own side does ("Moscow signalled it could agree")."""
        speakers, _how = self.subject(speech, [])
        doers = self.doer(p) if children(p, "nsubj") else []
        return bool(speakers) and bool(doers) and {self.res.side_of(a) for a in doers} <= {self.res.side_of(a) for a in speakers}

    def subsumed(self, p: Token, triggers: dict[int, TriggerHit]) -> bool:
        """A clause that is the complement or content of another trigger is that trigger's content
        ("refused to accept", "demands include recognising Crimea")."""
        cur = p
        content = self.lex("content-verb")
        for _ in range(6):
            if cur.dep_ == "advcl" and cur.head.i in triggers and any(m.i == cur.head.i + 1 for m in children(cur, "mark")):
                return True  # "called for Russia to accept": the clause of "for" right after the verb
            if (cur.dep_ == "acl" and cur.head.i in triggers and cur.head.pos_ == "NOUN"
                    and any(m.lemma_.lower() in self.lex("content-mark") for m in children(cur, "mark"))):
                return True  # "the demand that Ukraine recognize ...": the content of the noun
            if self.document_clause(cur) and cur.head.head.i in triggers and cur.i in triggers and (
                    _negative(triggers[cur.head.head.i].trigger.stance) == _negative(triggers[cur.i].trigger.stance)):
                return True  # "put forward a plan calling for dialogue": the verb of putting it forward says it
            if any(self.noun_content(triggers[i].token) == cur for i in triggers if self.tokens[i].pos_ == "NOUN"):
                return True  # (the same, with the clause hung on the verb: "doubled down on his demand that ...")
            if cur.head == cur or cur.dep_ in ("parataxis", "ROOT", "advcl", "relcl", "acl"):
                return False
            if cur.dep_ == "conj" and (children(cur, "nsubj", "nsubjpass") or cur.lemma_.lower() in self.lex("speech-verb")):
                return False  # a coordinated clause with its own subject, or its own report ("urged ... and said"), stands alone
            if self.fronted_clause(cur):
                return False
            head = cur.head
            if head.i in triggers and self.reported_stance(cur):
                return False  # "insisted that Ukraine would never recognise ...": the reported stance speaks
            if head.i in triggers:
                # (a stance verb coordinated with another stands alone: "called for restraint and urged talks")
                return cur.dep_ != "conj" or (triggers[head.i].trigger.stance in ("Demand", "Proposal")
                                              and not (cur.i in triggers and head.pos_ == cur.pos_ == "VERB"))
            if head.lemma_.lower() in content and any(
                    c.i in triggers and triggers[c.i].trigger.stance in ("Demand", "Proposal") for c in children(head, "nsubj")):
                return True
            cur = head
        return False

    def document_clause(self, c: Token) -> bool:
        """A participle that says what a document does ("a decree ruling out talks")."""
        return c.dep_ == "acl" and c.tag_ == "VBG" and c.head.lemma_.lower() in self.lex("plan-noun")

    def noun_content(self, t: Token) -> Token | None:
        """The "that" clause right after a noun that the parser hung on a verb instead of the noun
        ("doubled down on his demand that Ukraine cede Crimea")."""
        after = t.right_edge.i + 1
        if after >= len(self.doc) or self.tokens[after].dep_ != "mark" or self.tokens[after].lemma_.lower() not in self.lex("content-mark"):
            return None
        clause = self.tokens[after].head
        return clause if clause.dep_ in ("advcl", "ccomp") and clause != t and t not in clause.subtree else None

    # ------------------------------------------------------------ scope
    def scope(self, hit: TriggerHit, p: Token, owner_toks: list[Token], triggers: dict[int, TriggerHit]) -> set[int]:
        t = hit.token
        speech = self.lex("speech-verb")
        if self.opens_list_item(t):
            return set(range(t.i + 1, len(self.doc)))  # the rest of the item is what it says
        if t.pos_ == "NOUN" or (t == p and t.pos_ not in ("VERB", "AUX")):
            content = self.noun_content(t) if t.pos_ == "NOUN" else None
            # (what a small clause says is conditional is not what it demands: "made any ceasefire conditional on X")
            small = children(t, "nsubj") if t.dep_ in ("ccomp", "oprd") and t.head.lemma_.lower() in self.lex("causative-verb") else []
            ids = subtree_ids(t, [*owner_toks, *self.purpose_of(t), *small])
            if small:  # (the parser may hang "on X" on the verb of making)
                ids |= {i for c in children(t.head, "prep") if c.i > t.i for i in subtree_ids(c)}
            if content is not None:
                ids |= subtree_ids(content)
            if t.dep_ == "dobj" and ids:
                # "saw no point in a meeting": the parser hangs the noun's own phrase on the verb
                ids |= {i for c in children(t.head, "prep", "dative") if c.i == max(ids) + 1 and not self.circumstance(c)
                        and c.lemma_.lower() not in self.lex("predicative-preposition") for i in subtree_ids(c)}
            if t.dep_ == "attr" and t.head.lemma_.lower() in self.lex("copula"):
                # "Neutrality is Moscow's bottom line": the subject is what the noun names
                ids |= {i for s in children(t.head, "nsubj") for i in subtree_ids(s)}
            partitive = self.partitive_verb(t)
            if partitive is not None:
                # "Among Moscow's demands is the lifting of sanctions": the verb's subject is one
                verb, branch = partitive
                ids |= subtree_ids(verb, [branch, *[c for c in verb.children if c.lemma_.lower() in speech]])
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in self.lex("content-verb"):
                ids |= subtree_ids(t.head, [t, *[c for c in t.head.children if c.dep_ in ("conj", "parataxis")
                                                  or c.lemma_.lower() in speech]])
        else:
            # (an infinitive the parser hangs as a circumstance is a demand's content: "called on Russia to refrain from ...")
            # ("conditioned any truce on an end to arms deliveries": what is made conditional is no demand)
            stop = [c for c in p.children if c.dep_ in ("nsubj", "csubj", "agent", "parataxis", "mark") or self.fronted_clause(c)
                    or (c.dep_ == "dobj" and t.lemma_.lower() in self.lex("condition-verb"))
                    or (t == p and self.reported_stance(c))
                    or (c.dep_ == "advcl" and not (hit.trigger.stance == "Demand" and _infinitival(c)))
                    or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")) or (c.lemma_.lower() in speech and c.dep_ != "xcomp")
                    or self.circumstance(c)]
            ids = subtree_ids(p, stop)
            if t != p:
                ids |= subtree_ids(t)
            if t.lemma_.lower() in self.lex("condition-verb"):  # (the parser may hang "on X" inside the object)
                ids |= {i for o in children(t, "dobj") for x in o.subtree if x.dep_ == "prep"
                        and x.lemma_.lower() in self.lex("condition-verb-preposition") for i in subtree_ids(x)}
            # a document's participle that states the opposite stance speaks for itself ("signed a decree ruling out talks")
            ids -= {i for j in list(ids) if (c := self.tokens[j]).dep_ == "acl" and c.i in triggers and c != t
                    and self.document_clause(c) and _negative(triggers[c.i].trigger.stance) != _negative(hit.trigger.stance)
                    for i in subtree_ids(c)}
            # a time phrase deeper in the clause is no content either ("offered to send troops after a ceasefire")
            # ("as" deeper down is content: "issues such as Crimea", "act as a mediator")
            ids -= {i for j in list(ids) if self.circumstance(self.tokens[j])
                    and self.tokens[j].lemma_.lower() not in self.lex("predicative-preposition") for i in subtree_ids(self.tokens[j])}
            if p.dep_ == "acl" or self.object_gap(p):
                ids |= subtree_ids(p.head, [p])  # "a ceasefire proposal that Ukraine accepted"
            ids |= self.clause_antecedent(p)
            ids |= self.cleft_content(p)
        # "set out its terms: recognition of X, neutrality and ...": a list after the first colon
        # after the trigger, when no other trigger stands between them
        colon = next((tok.i for tok in self.doc[t.i + 1:] if tok.text == ":"), None)
        # (the trigger's own object may be a trigger too: "proposed a four-point plan: ...")
        between = [i for i in triggers if t.i < i < (colon or 0) and not (self.tokens[i].head == t and self.tokens[i].dep_ == "dobj")]
        if colon is not None and not between and (
                colon - 1 in ids or self.tokens[colon].head.i in (*ids, t.head.i, p.i)):
            ids |= set(range(colon + 1, len(self.doc)))
        if hit.trigger.stance == "Proposal" and not any(h.start in ids for h in self.issues()) and (
                t.pos_ != "NOUN" or (t.dep_ == "dobj" and self.author_verb(t.head))):
            # "set out five principles to protect the plant": a proposal that names nothing is about its purpose
            verb = t.head if t.pos_ == "NOUN" else p
            ids |= {i for c in children(verb, "advcl") if _infinitival(c) and c.i > t.i for i in subtree_ids(c)}
        return ids

    def purpose_of(self, t: Token) -> list[Token]:
        """The "for" phrases of a condition noun: what the condition is for, not what it demands
        ("the main condition for a truce")."""
        if t.lemma_.lower() not in self.lex("purpose-noun"):
            return []
        return [c for c in children(t, "prep") if c.lemma_.lower() in self.lex("purpose-preposition")]

    def partitive_verb(self, t: Token) -> tuple[Token, Token] | None:
        """The verb of content a noun trigger is partitive to ("Among Kyiv's demands is X",
        "Chief among its demands is X") and the branch of the verb that holds the trigger."""
        prep = t.head
        if t.dep_ != "pobj" or prep.lemma_.lower() not in self.lex("partitive-preposition"):
            return None
        content = self.lex("content-verb")
        if prep.head.lemma_.lower() in content:
            return prep.head, prep
        if prep.head.dep_ == "nsubj" and prep.head.head.lemma_.lower() in content:
            return prep.head.head, prep.head
        return None

    def reported_stance(self, c: Token) -> bool:
        """A clause with its own subject that a verb of saying reports ("Zelensky insisted that Ukraine
        would never recognise X"): a stance trigger in it holds, not the saying verb's own stance."""
        if not (c.dep_ == "ccomp" and c.head.lemma_.lower() in self.lex("speech-verb") and children(c, "nsubj", "nsubjpass")):
            return False
        return any(trigger_at(x, self.res) is not None for x in (c, *(y for y in c.children if y.dep_ in ("xcomp", "acomp"))))

    def fronted_clause(self, c: Token) -> bool:
        """A clause with its own subject before the verb that the parser made it the complement of
        ("The Europeans want a truce; Trump favours a deal"): outside reported speech it stands alone."""
        return (c.dep_ == "ccomp" and c.i < c.head.i and bool(children(c, "nsubj", "nsubjpass"))
                and c.head.lemma_.lower() not in self.lex("speech-verb"))

    def object_gap(self, p: Token) -> bool:
        """A relative clause whose object is the noun it hangs on: "which Moscow rejected", "a proposal
        Moscow rejected" (no relative word, a subject and no object of its own)."""
        if p.dep_ != "relcl":
            return False
        if any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in p.children):
            return True
        return (p.i > p.head.i and bool(children(p, "nsubj")) and not children(p, "dobj", "ccomp", "xcomp", "attr", "acomp")
                and not any(c.tag_ in ("WDT", "WP", "WRB") for c in p.subtree))

    def clause_antecedent(self, p: Token) -> set[int]:
        """What a comma-set relative clause refers back to when the noun it hangs on names no issue:
        the clause before it ("called for a meeting at the level of leaders, which Moscow rejected";
        "Kyiv wants a ceasefire, something Russia refuses to accept")."""
        if p.dep_ != "relcl" or not {self.tokens[i - 1].text for i in (p.head.left_edge.i, p.left_edge.i) if i} & {",", "\u2014", "-"}:
            return set()
        if not (self.object_gap(p) or (p.head.lemma_.lower() in self.lex("light-noun") and p.head.dep_ in ("npadvmod", "appos"))):
            return set()
        if any(p.head.left_edge.i <= h.start <= p.head.right_edge.i and h.start not in subtree_ids(p) for h in self.issues()):
            return set()  # the noun itself names what was rejected
        verb = p.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return set()
        ids = subtree_ids(verb, [p.head if p.head.dep_ in ("npadvmod", "appos") else p, *children(verb, "nsubj", "nsubjpass")])
        return ids - {i for j in list(ids) if self.circumstance(self.tokens[j]) for i in subtree_ids(self.tokens[j])}

    def cleft_content(self, p: Token) -> set[int]:
        """What a cleft sentence says the clause of ``p`` is about: "What Moscow wants is X",
        "X is what Kyiv needs", "X is something Kyiv will never accept"."""
        copula = self.lex("copula")
        anchor = None
        relative = self.lex("relative-pronoun")
        # (the parser may read "What Kyiv" as one phrase)
        free = any(c.lower_ in relative and c.dep_ in ("dobj", "attr") for c in p.children) or any(
            d.lower_ in relative and d.dep_ == "det" for s in children(p, "nsubj") for d in s.children)
        if free and p.dep_ in ("csubj", "ccomp", "attr", "nsubj") and p.head.lemma_.lower() in copula:
            anchor = p  # a free relative ("what Moscow wants") as subject or complement of "be"
        else:
            rel = p
            while rel.dep_ in ("ccomp", "xcomp") and rel.head != rel:  # "something Moscow has said it wants"
                rel = rel.head
            if rel.dep_ == "relcl" and rel.head.lemma_.lower() in self.lex("light-noun") and rel.head.head.lemma_.lower() in copula:
                anchor = rel.head  # "something Kyiv will never accept"
        if anchor is None and p.dep_ == "relcl" and any(c.lower_ in self.lex("relative-pronoun") for c in p.children):
            focus = p.head  # "It is the lifting of sanctions that Russia seeks": the focus is an expletive's complement
            while focus.dep_ in ("pobj", "prep") and focus.head != focus:
                focus = focus.head
            if focus.dep_ == "attr" and any(c.lower_ == "it" for c in children(focus.head, "nsubj")):
                return subtree_ids(focus, [p])
        if anchor is None:
            return set()
        cop = anchor.head
        speech = self.lex("speech-verb")
        args = [c for c in cop.children if c.dep_ in ("nsubj", "attr", "acomp", "csubj") and c != anchor]
        if not args and cop.dep_ in ("advcl", "relcl") and cop.head != cop:
            return subtree_ids(cop.head, [cop])  # the parser made the subject the root and the copula its clause
        return {i for a in args for i in subtree_ids(a, [c for c in a.children if c.lemma_.lower() in speech])}

    def circumstance(self, tok: Token) -> bool:
        """A prepositional phrase of time or role ("before the talks", "as a condition"), or of the
        talks where something was said ("at the summit")."""
        if tok.dep_ != "prep":
            return False
        lemma = tok.lemma_.lower()
        return lemma in self.lex("circumstance-preposition") or (lemma in self.lex("setting-preposition") and any(
            o.lemma_.lower() in self.lex("talks-noun-lemma") for o in children(tok, "pobj")))

    def opens_list_item(self, t: Token) -> bool:
        """The trigger is the first word of a list item after a lead-in ("The two sides: -- support
        exchanges of POWs"): the verb of an elided subject, which the parser often reads as a noun."""
        return bool(self.memory.lead_in) and bool(LIST_ITEM.match(self.sent.text)) and all(
            x.is_punct or x.is_space for x in self.doc[:t.i])

    def owner(self, t: Token) -> tuple[list[str], list[Token]]:
        """The actor a noun trigger belongs to: "Kyiv's demand", "a U.S. proposal", "the demand of Kyiv".

        A possessive pronoun that names nobody known ("Kyiv announced its rejection") is the
        subject of the verb the noun is the object of.
        """
        if self.opens_list_item(t):
            return list(self.memory.lead_in), []
        poss = children(t, "poss")
        bound = t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX")
        if bound and any(c.lemma_.lower() in self.lex("body-pronoun") | self.lex("person-pronoun") for c in poss):
            actors, _how = self.subject(t.head, [])  # "Moscow set out its terms": "its" is the clause's subject
            if actors:
                return actors, poss
        for c in t.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                actors = self.actors_of(c)
                if actors and (c.dep_ == "poss" or c.i in self.tok_actor):
                    return actors, [c]
        if poss:
            if bound:
                actors, _how = self.subject(t.head, [])
                return actors, poss
            return [], poss
        owning = self.lex("owner-preposition")
        if t.dep_ == "nsubj" and t.head.lemma_.lower() in self.lex("content-verb"):
            owning = owning | self.lex("subject-owner-preposition")
        for prep in children(t, "prep", "agent"):  # "the demand of Kyiv", "a plan by Beijing"
            if prep.lemma_.lower() not in owning:
                continue
            for pobj in children(prep, "pobj"):
                actors = self.actors_of(pobj)
                if actors:
                    return actors, [prep]
        if self.definite_plan(t):
            return list(self.memory.plan_author), []  # "The formula consists of ...": the plan put forward before
        return [], []

    def held_by_subject(self, t: Token) -> bool:
        """A noun trigger whose clause subject holds it: the object of a verb of voicing or
        pursuing it ("made a proposal", "expressed support", "reiterated its demand"), or the
        noun a copula or apposition states. Others judge, discuss or answer someone's stance
        ("called the proposal absurd", "studied the plan"): their subject does not hold it."""
        if t.dep_ in ("attr", "appos"):
            return True
        return self.voiced(t) or (t.dep_ == "dobj" and self.author_verb(t.head))

    def voiced(self, noun: Token) -> bool:
        """A stance noun a verb of voicing takes as object ("maintained its demand", "pledged
        support"): the noun says the stance, not the verb (which may be a trigger itself)."""
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex("holder-verb")

    def author_verb(self, v: Token) -> bool:
        """A verb of putting a plan forward ("present", "lay out", "put forward"): its subject is the author."""
        return self.phrasal(v, "author-verb")

    def phrasal(self, v: Token, name: str) -> bool:
        """Whether a verb is an entry of lexicon ``name``, with its particles or fixed object
        ("lay +out", "take +part")."""
        entries = self.res.derived(f"phrasal:{name}", lambda r: _phrasal_entries(r, name)).get(v.lemma_.lower(), ())
        for particles in entries:
            # (the parser may call "back" an adverb, "out" a preposition)
            if all(any(c.dep_ in ("prt", "advmod", "dobj", "prep") and c.lemma_.lower() == prt for c in v.children) for prt in particles):
                return True
        return False

    def plan_authors(self) -> list[str]:
        """Who this sentence says puts forward a plan: the owner of a plan noun ("Kyiv's plan"), or
        the subject (or passive agent) of an author verb whose object it is ("Zelensky laid out a plan")."""
        for t in self.tokens:
            if t.pos_ != "NOUN" or t.lemma_.lower() not in self.lex("plan-noun"):
                continue
            if has_det(t, self.lex("definite-determiner")):
                continue  # "the plan" points back: it names no new author
            actors, _toks = self.owner(t)
            if not actors and t.dep_ in ("dobj", "nsubjpass") and self.author_verb(t.head):
                actors, _how = self.subject(t.head, [])
            if actors:
                return actors
        return []

    # ------------------------------------------------------------ positions
    def positions(self) -> Iterator[PositionRecord]:
        if is_question(self.sent.text):
            return
        hits = find_triggers(self.doc, self.res)
        by_tok = {h.token.i: h for h in hits}
        issues = self.issues()
        if self.memory.plan_lead and LIST_ITEM.match(self.sent.text):
            yield from self._plan_items(issues, by_tok)
            return
        seen: dict[tuple[str, str, str], PositionRecord] = {}
        # (obligations, exclusions, denials and judgements state stances only on issues the sentence names)
        clausal = (self._obligations(issues), self._exclusions(issues, by_tok), self._denials(issues, by_tok),
                   self._evaluations(issues, by_tok), self._refusals(issues, by_tok), self._exits(issues)) if issues else ()
        clausal = (*clausal, self._answers(issues, by_tok), *((self._only_conditions(issues, by_tok),) if issues else ()))
        for records in (*(self._stance(hit, by_tok, issues) for hit in hits), *clausal):
            for r in records:  # a judged trigger ("sees X as a precondition") is read by both
                if (r.holder, r.stance, r.issue) not in seen:
                    seen[(r.holder, r.stance, r.issue)] = r
                    yield r
        # "..., a position backed by Macron": who shares the stance the sentence states holds it too
        for who in self.sharers():
            for r in list(seen.values()):
                if r.holder != who and (who, r.stance, r.issue) not in seen:
                    seen[(who, r.stance, r.issue)] = r
                    yield replace(r, holder=who, evidence=replace(r.evidence, rule="position.shared"))

    def sharers(self) -> list[str]:
        """Actors an appositive stance noun names as sharing the sentence's stance ("..., a view
        shared by Warsaw", "..., a demand echoed by Macron and Merz")."""
        out: list[str] = []
        nouns = self.lex("stance-noun") | self.lex("shared-stance-noun")
        for tok in self.tokens:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or tok.dep_ in ("nsubj", "nsubjpass", "pobj"):
                continue
            first = tok.left_edge
            if first.i == 0 or self.tokens[first.i - 1].text not in (",", "—", "–", ";"):
                continue  # an apposition to the clause before it, not "the position backed by X"
            for verb in children(tok, "acl"):
                if verb.lemma_.lower() in self.lex("share-verb") and verb.tag_ == "VBN":
                    out += [a for ag in children(verb, "agent") for p in children(ag, "pobj") for a in self.actors_of(p)]
        return list(dict.fromkeys(out))

    def codebook_hits(self) -> list[IssueHit]:
        """The codebook's issue phrases in the sentence (matched once per sentence)."""
        if self._hits is None:
            self._hits = find_issue_tokens(self.doc, self.res, self.doc_id)
        return self._hits

    def issues(self) -> list[IssueHit]:
        """The codebook issues of the sentence, and definite nouns that name again one named
        before ("the plant" after "the Zaporizhzhia nuclear power plant", "the exchange")."""
        hits = self.codebook_hits()
        taken = {i for h in hits for i in range(h.start, h.end)}
        heads = self.memory.issue_heads
        again = [IssueHit(heads.get(t.lemma_.lower()) or heads[t.lower_], t.i, t.i + 1) for t in self.tokens
                 if t.i not in taken and t.pos_ == "NOUN" and (t.lemma_.lower() in heads or t.lower_ in heads)
                 and has_det(t, self.lex("definite-determiner"))]
        return sorted(hits + again + self.withdrawals(taken), key=lambda h: (h.start, h.code))

    def doer(self, verb: Token) -> list[str]:
        """Who does what a verb says: its subject, or the demonym of a subject that names no
        actor ("Russian troops will not withdraw")."""
        return self.subject(verb, [])[0] or [str(d) for s in children(verb, "nsubj") for c in children(s, "amod")
                                               if (d := self.res.by_demonym.get(c.lower_)) is not None]

    def withdrawals(self, taken: set[int]) -> list[IssueHit]:
        """A withdrawal of forces in any words, coded by who withdraws (the codebook's
        ``kg:withdrawalBy``): "Ukraine has refused to withdraw its troops from the Donbas"."""
        by_side: dict[str, str] = self.res.derived("withdrawal-by", lambda r: {
            i.withdrawal_by: i.code for i in r.issues.values() if i.withdrawal_by})
        places = [self.sent.local(m) for m in self.sent.mentions if m.sense == "place"]
        out = []
        for tok in self.tokens:
            if tok.i in taken or tok.pos_ != "VERB" or not self.phrasal(tok, "withdraw-verb"):
                continue
            troops = any(c.lemma_.lower() in self.lex("troop-noun") for c in children(tok, "dobj"))
            where = any(o.lemma_.lower() in self.lex("territory-noun") or any(a <= o.idx < b for a, b in places)
                        for p in children(tok, "prep") if p.lemma_.lower() in self.lex("withdraw-preposition")
                        for o in children(p, "pobj"))
            if troops or where:  # (not "withdrew from the grain deal")
                codes = {by_side[side] for a in self.doer(tok) if (side := self.res.side_of(a)) in by_side}
                if len(codes) == 1:
                    out.append(IssueHit(codes.pop(), tok.i, tok.i + 1))
        return out

    def issue_heads(self) -> dict[str, str]:
        """Head nouns of the sentence's issue phrases of several words ("plant" of "nuclear power
        plant"), for "the plant" later; framing issues ("talks") need no such help."""
        out: dict[str, str] = {}
        for h in self.codebook_hits():
            root = self.doc[h.start:h.end].root
            while root.pos_ != "NOUN" and root.dep_ in ("amod", "compound", "nmod") and root.head.i >= h.end:
                root = root.head  # "the Zaporizhzhia nuclear plant" matched as "Zaporizhzhia nuclear": its noun
            if max(h.end, root.i + 1) - h.start > 1 and root.pos_ == "NOUN" and not self.res.issues[h.code].framing:
                out[root.lemma_.lower()] = h.code
        return out

    def negated_content(self, hit: IssueHit, scope: set[int]) -> bool:
        """The verb the issue is an argument of (or that is part of it) is negated, below the
        stance: "demanded that Ukraine never join NATO", "insisted that Kyiv must not join". Only
        that verb counts ("should not talk for the sake of talks" negates no talks)."""
        cur = self.doc[hit.start:hit.end].root
        if cur.pos_ not in ("VERB", "AUX"):
            while cur.dep_ in ("compound", "amod", "poss", "nmod", "conj", "appos") and cur.head != cur:
                cur = cur.head
            if cur.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
                return False
            cur = cur.head
        top = cur.head == cur or cur.head.i not in scope or cur.i not in scope  # the stance itself
        if top or any(self.condition_kind(c) == "until" for c in children(cur, "advcl")):
            return False  # ("will not cease fire unless it surrenders": only if, not never)
        return any(c.dep_ == "neg" or c.lower_ in self.lex("negation-adverb") for c in cur.children)

    def given_up(self, hit: IssueHit, scope: set[int]) -> bool:
        """The issue is the object of a verb or noun of giving it up ("abandon its NATO ambitions",
        "halt arms supplies", "a halt to arms supplies"), not just near one ("end in negotiations")."""
        tok = self.tokens[hit.start]
        for _ in range(6):
            if tok.head == tok or tok.head.i not in scope:
                return False
            if tok.dep_ in ("dobj", "nsubjpass"):
                verb = tok.head
                if self.phrasal(verb, "renounce-verb"):
                    return not hit.start <= verb.i < hit.end
                if verb.dep_ != "pcomp":
                    return False
                tok = verb  # "refrain from shelling the plant": the gerund's object
                continue
            if (tok.dep_ in ("pobj", "pcomp") and tok.head.lemma_.lower() in self.lex("renounce-preposition")
                    and tok.head.head.pos_ == "NOUN"
                    and tok.head.head.lemma_.lower() in self.lex("renounce-noun")
                    and not hit.start <= tok.head.head.i < hit.end):
                return True  # "a halt to arms supplies", "the abandonment of its NATO bid", "an end to shelling the plant"
            if (tok.dep_ == "prep" and tok.lemma_.lower() in self.lex("abstain-preposition")
                    and tok.head.lemma_.lower() in self.lex("abstain-verb")):
                return True  # "refrain from attacks on the plant"
            if (tok.dep_ == "acl" and tok.head.pos_ == "NOUN") or (tok.dep_ == "aux" and tok.head.dep_ == "acl"):
                tok = tok.head  # "drop its bid to join the alliance": on through the noun's infinitive
                continue
            if tok.dep_ not in ("pobj", "pcomp", "prep", "compound", "amod", "poss", "nmod") or (
                    tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX") and tok.head.dep_ != "pcomp"):
                return False  # (but "an end to shelling around the plant": on through the gerund)
            tok = tok.head
        return False

    def excepted_item(self, hit: IssueHit) -> bool:
        """The issue is an item of a list that "not" excepts ("a settlement, but not a truce")."""
        tok = self.doc[hit.start:hit.end].root
        while tok.dep_ in ("compound", "amod") and tok.head != tok:
            tok = tok.head
        return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("conj", "appos") and any(c.dep_ == "neg" for c in tok.children)

    def excluded_item(self, hit: IssueHit) -> bool:
        """The issue is named in a "no ..." phrase of a list of terms ("three red lines: no recognition
        of occupied territory, no limits on its army"): demanding it be absent opposes it."""
        tok = self.tokens[hit.start]
        for _ in range(5):
            if tok.pos_ in ("NOUN", "PROPN") and has_det(tok, "no"):
                return not self.existential_denial(tok)  # (what "there is no" denies, _denials reads)
            if tok.dep_ not in ("pobj", "prep", "compound", "amod", "nmod") or tok.head == tok or (
                    tok.dep_ == "prep" and tok.lemma_.lower() in self.lex("exception-preposition")):
                return False  # ("no talks without a ceasefire": the ceasefire is the condition, see _drop_excluded)
            tok = tok.head
        return False

    def polarity(self, stance: str, hit: IssueHit, scope: set[int]) -> str:
        """A demand or proposal that another party give something up opposes it (the guidelines'
        convention); lifting sanctions stays a demand on sanctions."""
        if stance in ("Demand", "Proposal", "Support") and (
                (self.given_up(hit, scope) != self.negated_content(hit, scope)) or self.excluded_item(hit)):
            return "Opposition"  # ("demanded that Ukraine never join NATO": what is demanded not to happen)
        if stance == "Opposition" and self.given_up(hit, scope):
            return "Demand"
        return stance

    def obligation_verb(self, tok: Token) -> Token | None:
        """The verb a modal of obligation governs ("must leave", "has to leave")."""
        if tok.lemma_.lower() not in self.lex("obligation"):
            return None
        if tok.dep_ == "aux" and tok.tag_ == "MD" and tok.head.pos_ in ("VERB", "AUX"):
            return tok.head  # type: ignore[no-any-return]
        for x in children(tok, "xcomp"):  # "has to leave", "needs to leave"
            if any(c.dep_ == "aux" and c.tag_ == "TO" for c in x.children):
                return x  # type: ignore[no-any-return]
        return None

    def _obligations(self, issues: list[IssueHit]) -> Iterator[PositionRecord]:
        """"Troops must leave, he said": the speaker demands what the clause says must happen."""
        for tok in self.tokens:
            v = self.obligation_verb(tok)
            if v is None or self.hedged(v, v):
                continue
            frame = self.speech(v)
            if frame is None or not frame.actors:
                continue
            negated = any(c.dep_ == "neg" for c in (*v.children, *tok.children))
            # "any negotiation would have to involve Moscow": the subject sits on "have", not on the verb
            subjects = children(tok, "nsubj", "nsubjpass") if tok != v else []
            yield from self._clause_stances(v, tok, frame.actors, issues, self._clause_stop(v), "position.obligation.speaker",
                                            "Opposition" if negated else "Demand", extra=subjects)

    def _exclusions(self, issues: list[IssueHit], triggers: dict[int, TriggerHit]) -> Iterator[PositionRecord]:
        """"There can be no peace talks without a withdrawal of troops, Kyiv said": the speaker
        demands what "no ... without" makes the condition. Under a stance trigger the trigger
        speaks instead (see :meth:`_drop_excluded`)."""
        for prep in self.tokens:
            if prep.dep_ != "prep" or prep.lemma_.lower() not in self.lex("exception-preposition"):
                continue
            excluded = prep.head
            verb = excluded
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            # "no talks without X", or a negated verb: "could not imagine the next meeting without X"
            negated = next((a for a in (verb, *list(verb.ancestors)[:2]) if any(c.dep_ == "neg" for c in a.children)), None)
            if not has_det(excluded, "no"):
                if negated is None:
                    continue
                verb = negated
            if any(a.i in triggers for a in (verb, *verb.ancestors)) or self.hedged(verb, verb):
                continue
            frame = self.speech(verb)
            if frame is None or not frame.actors or frame.generic:
                continue
            yield from self._clause_stances(prep, prep, frame.actors, issues, [], "position.exclusion.speaker", "Demand")

    def _exits(self, issues: list[IssueHit]) -> Iterator[PositionRecord]:
        """"Russia pulled out of the grain deal": leaving an agreement rejects what it is about,
        held by who leaves (not leaving a place: "pulled out of Kherson" is a withdrawal)."""
        for tok in self.tokens:
            if tok.pos_ != "VERB" or not (self.phrasal(tok, "withdraw-verb") or tok.lemma_.lower() in self.lex("exit-verb")):
                continue
            deals = [o for p in children(tok, "prep", "prt") for x in (p, *children(p, "prep"))
                     for o in children(x, "pobj") if o.lemma_.lower() in self.lex("agreement-noun")]
            objs = children(tok, "dobj")  # ("suspended its participation in the treaty": the object's phrase)
            deals += [o for d in objs for o in (d, *(x for p in children(d, "prep") for x in children(p, "pobj")))
                      if o.lemma_.lower() in self.lex("agreement-noun")]
            if not deals or self.hedged(tok, tok) or any(c.dep_ == "neg" for c in tok.children):
                continue
            holders, _how = self.subject(tok, [])
            frame = self.speech(tok)
            if frame is not None and frame.actors:
                holders = list(frame.actors)
            scope = {i for d in deals for i in subtree_ids(d)}
            ev = Evidence(self.doc_id, self.sent.start, self.sent.end, self.sent.text, "position.exit",
                          self.sent.date_near(tok.idx))
            for holder in holders:
                for iss in self._drop_framing(tok, [h for h in issues if h.start in scope]):
                    yield PositionRecord(holder, "Rejection", iss.code, self.claim(iss, scope, tok), ev)

    def _refusals(self, issues: list[IssueHit], triggers: dict[int, TriggerHit]) -> Iterator[PositionRecord]:
        """"Ukraine will never withdraw from the Donbas, Zelensky said": what one's own side will
        not do, stated as its future, is a refusal of the speaker (of the subject, with no
        speaker). Another side's future ("Ukraine will never join NATO, Putin said") is a
        prediction, not a stance."""
        for hit in issues:
            verb = self.doc[hit.start:hit.end].root
            if verb.pos_ != "VERB" or not any(c.dep_ == "neg" for c in verb.children):
                continue
            if not any(c.dep_ == "aux" and c.lemma_.lower() in self.lex("future-aux") for c in verb.children):
                continue
            if any(a.i in triggers for a in (verb, *verb.ancestors)) or self.hedged(verb, verb) or self.subsumed(verb, triggers):
                continue
            holders = self.own_side_holders(verb)
            if not holders:
                continue
            ev = Evidence(self.doc_id, self.sent.start, self.sent.end, self.sent.text, "position.refusal",
                          self.sent.date_near(verb.idx))
            scope = subtree_ids(verb)
            for holder in holders:
                yield PositionRecord(holder, "Rejection", hit.code, self.claim(hit, scope, verb), ev)

    def own_side_holders(self, verb: Token) -> list[str]:
        """Who states what the verb's own side will do: the speaker when of the doer's side, else
        the doer; none for another side's future (a prediction) or a pundit's."""
        frame = self.speech(verb)
        if frame is not None and frame.generic:
            return []
        subjects = self.doer(verb)
        holders = list(frame.actors) if frame is not None and frame.actors else subjects
        own = {self.res.side_of(a) for a in subjects}
        if not own or any(self.res.side_of(h) not in own for h in holders):
            return []
        return holders

    def _only_conditions(self, issues: list[IssueHit], triggers: dict[int, TriggerHit]) -> Iterator[PositionRecord]:
        """"Kyiv will only negotiate once Russia withdraws", "would sit down with Putin only after a
        ceasefire": what one's own side will do only on a condition demands the condition (of the
        speaker, else the subject). A stance trigger reads its own conditions."""
        only = self.lex("condition-only-adverb")
        for verb in self.tokens:
            if verb.pos_ != "VERB" or verb.i in triggers or self.subsumed(verb, triggers) or self.hedged(verb, verb):
                continue
            conditions = [c for c in verb.children if (c.dep_ == "advcl" and self.condition_kind(c) is not None and (
                any(a.lower_ in only for a in children(verb, "advmod")) or (self.condition_kind(c) == "if"
                and any(a.lower_ in only for x in (c, *children(c, "mark")) for a in children(x, "advmod")))))
                or (c.dep_ == "prep" and c.lemma_.lower() in self.lex("condition-only")
                    and any(a.lower_ in only for a in children(c, "advmod")))]
            if not conditions:
                continue
            holders = self.own_side_holders(verb)
            if not holders:
                continue
            scope = {i for c in conditions for i in subtree_ids(c)}
            ev = Evidence(self.doc_id, self.sent.start, self.sent.end, self.sent.text, "position.only-condition",
                          self.sent.date_near(verb.idx))
            for h in issues:
                if h.start in scope:
                    for holder in holders:
                        yield PositionRecord(holder, self.polarity("Demand", h, scope), h.code, self.claim(h, scope, verb), ev)

    def asked_clause(self) -> tuple[Token, Token] | None:
        """The question a sentence says was put ("Asked whether Ukraine would cede the Donbas, ...")
        and the clause that answers it."""
        for tok in self.tokens:
            if tok.lemma_.lower() in self.lex("ask-verb") and tok.tag_ == "VBN" and tok.dep_ == "advcl":
                for q in children(tok, "ccomp", "advcl"):
                    if any(m.lower_ in self.lex("question-mark") for m in children(q, "mark")):
                        return q, tok.head
        return None

    def reply(self, main: Token, skip: Token | None = None) -> str | None:
        """"no", "never" → "no"; "yes" → "yes": a one-word reply under a verb of saying."""
        if main.lemma_.lower() not in self.lex("speech-verb"):
            return None
        for c in main.children:
            if c != skip and c.dep_ in ("intj", "advmod", "dobj", "ccomp"):
                if c.lower_ in self.lex("reply-no"):
                    return "no"
                if c.lower_ in self.lex("reply-yes"):
                    return "yes"
        return None

    def _answers(self, issues: list[IssueHit], triggers: dict[int, TriggerHit]) -> Iterator[PositionRecord]:
        """"Asked whether Ukraine would cede the Donbas, Zelensky said no": a one-word answer takes the
        stance the question asks about (its trigger's, else acceptance), or the opposite; the answer
        may open the next sentence ('"No," he said.')."""
        asked = self.asked_clause()
        self.pending_question = None
        if asked is not None:
            q, main = asked
            scope = subtree_ids(q)
            found = [h for h in issues if h.start in scope]
            hit = next((triggers[i] for i in sorted(scope) if i in triggers), None)
            stance = hit.trigger.stance if hit is not None else "Acceptance"
            answer = self.reply(main, q.head)
            holders, _how = self.subject(main, [])
            if answer is None:
                self.pending_question = (tuple(h.code for h in found), stance, tuple(holders))
                return
        elif self.memory.question is not None and self.tokens[0].is_quote and len(self.doc) > 1:
            codes, stance, holders_t = self.memory.question
            answer = self.reply(self.tokens[1].head) if self.tokens[1].lower_ in self.lex("reply-no") | self.lex("reply-yes") else None
            frame = self.speech(self.tokens[1].head)
            holders = list(frame.actors) if frame is not None and frame.actors else list(holders_t)
            found = [IssueHit(c, 1, 2) for c in codes]
            scope = {1}
        else:
            return
        said = NEGATED.get(stance) if answer == "no" else stance if answer == "yes" else None
        if said is None:
            return
        ev = Evidence(self.doc_id, self.sent.start, self.sent.end, self.sent.text, "position.answer", self.sent.date_near(0))
        for holder in holders:
            for h in found:
                yield PositionRecord(holder, said, h.code, self.claim(h, scope), ev)

    def _denials(self, issues: list[IssueHit], triggers: dict[int, TriggerHit]) -> Iterator[PositionRecord]:
        """"There can be no talk of a ceasefire, Peskov said": the speaker rejects what "there is
        no" denies; "there will be no ceasefire until Russia withdraws" demands the condition
        instead (as "no ... without" does, see :meth:`_exclusions`)."""
        for tok in self.tokens:
            verb = tok.head
            if not self.existential_denial(tok):
                continue
            if any(a.i in triggers for a in (verb, *verb.ancestors, *tok.subtree)) or self.hedged(verb, verb):
                continue  # (a trigger under the denial reads it as negated: "no question of recognising")
            if any(c.dep_ == "prep" and c.lemma_.lower() in self.lex("exception-preposition") for c in tok.children):
                continue  # "no peace without ...": the exclusion reads it
            frame = self.speech(verb)
            if frame is None or not frame.actors or frame.generic:
                continue
            conditions = [c for c in children(verb, "advcl") if self.condition_kind(c) == "until"]
            for c in conditions:
                yield from self._clause_stances(c, c, frame.actors, issues, [], "position.condition.speaker", "Demand")
            if not conditions:  # "there is no alternative to talks" supports them
                stance = "Support" if tok.lemma_.lower() in self.lex("alternative-noun") else "Rejection"
                yield from self._clause_stances(tok, tok, frame.actors, issues, [], "position.denial.speaker", stance)

    def _clause_stop(self, pred: Token, keep_infinitive: bool = False, subjects: bool = False) -> list[Token]:
        """Children of ``pred`` outside its clause's content: circumstances, the speech frame,
        other clauses (an extraposed infinitive kept if asked), and its subject if asked."""
        speech = self.lex("speech-verb")
        return [c for c in pred.children
                if (c.dep_ in ("parataxis", "advcl") and not (keep_infinitive and _infinitival(c)))
                or c.lemma_.lower() in speech or self.circumstance(c) or (subjects and c.dep_ in ("nsubj", "agent"))]

    def _clause_stances(self, pred: Token, anchor: Token, actors: list[str], issues: list[IssueHit], stop: list[Token],
                        rule: str, stance: str, extra: Sequence[Token] = ()) -> Iterator[PositionRecord]:
        """The speaker's ``stance`` on each issue of the clause of ``pred`` (its subtree less ``stop``,
        with the subtrees of ``extra``)."""
        scope = subtree_ids(pred, stop).union(*(subtree_ids(x) for x in extra))
        scope -= {i for tok in [self.tokens[j] for j in scope] for c in self.purpose_of(tok) for i in subtree_ids(c)}
        found = self._drop_framing(pred, [h for h in issues if h.start in scope])
        ev = Evidence(self.doc_id, self.sent.start, self.sent.end, self.sent.text, rule, self.sent.date_near(anchor.idx))
        for holder in actors:
            for iss in found:
                yield PositionRecord(holder, self.polarity(stance, iss, scope), iss.code, self.claim(iss, scope, pred), ev)

    def evaluation(self, tok: Token) -> tuple[str, Token] | None:
        """A predicative judgement and the copular predicate it belongs to: "X is (not)
        realistic" (the adjective), "X is not a realistic outcome" (the copula of the noun)."""
        if tok.lemma_.lower() in self.lex("copula") and tok.pos_ == "AUX":
            nxt = tok.i + 1  # past the copula's own adverbs and negation ("is still not on the table")
            while nxt < len(self.doc) and self.tokens[nxt].head == tok and self.tokens[nxt].dep_ in ("advmod", "neg"):
                nxt += 1
            for st, name in (("Rejection", "evaluation-phrase-rejection"), ("Acceptance", "evaluation-phrase-acceptance")):
                if nxt < len(self.doc) and self.res.lexicon[name].match(self.doc.text, self.tokens[nxt].idx):
                    return st, tok  # "a ceasefire is out of the question", "... is on the table"
            return None
        if tok.pos_ not in ("ADJ", "NOUN"):
            return None
        stance = self.evaluation_word(tok)
        if stance is None:
            return None
        copula = self.lex("copula")
        first = tok
        while first.dep_ == "conj" and first.head.pos_ == tok.pos_:  # "good and productive": read as the first
            first = first.head
        judge = self.lex("judge-verb")
        if first.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and first.head.lemma_.lower() in judge:
            return stance, first.head  # "Kyiv called the talks pointless": the judging verb's subject holds it
        # the same with the judgement hung on the object ("considers neutrality a priority"), after
        # the last noun of the object's phrase ("called the proposal for a truce absurd / a trap"),
        # or in an "as" phrase ("views X as a non-starter")
        after_object = (first.dep_ == "amod" and first.i > first.head.i) or first.dep_ == "appos"
        as_phrase = first.dep_ == "pobj" and first.head.lemma_.lower() in self.lex("predicative-preposition")
        if after_object or as_phrase:
            verb = self.judging_verb(first.head.head if as_phrase else first.head)
            if verb is not None:
                return stance, verb
        if tok.pos_ == "NOUN":  # a noun judges as a copula's predicate: "X is a red line"
            return (stance, first.head) if first.dep_ == "attr" and first.head.lemma_.lower() in copula else None
        if first.dep_ == "acomp" and first.head.lemma_.lower() in copula:
            return stance, first.head
        if any(c.dep_ == "cop" or (c.dep_ == "auxpass" and c.lemma_.lower() in copula) for c in first.children):
            return stance, first
        if first.dep_ == "amod" and first.head.dep_ == "attr" and first.head.head.lemma_.lower() in copula:
            return stance, first.head.head
        return None

    def judging_verb(self, obj: Token) -> Token | None:
        """The verb of judgement whose object's phrase ``obj`` ends (or that verb itself)."""
        judge = self.lex("judge-verb")
        while obj.dep_ in ("pobj", "prep") and obj.head != obj and obj.head.lemma_.lower() not in judge:
            obj = obj.head
        if obj.lemma_.lower() in judge:
            return obj
        if obj.head.lemma_.lower() in judge and (obj.dep_ in ("dobj", "ccomp", "oprd") or (
                obj.dep_ == "prep" and children(obj.head, "dobj"))):
            return obj.head
        return None

    def evaluation_word(self, tok: Token) -> str | None:
        """The stance a word of judgement states: "unrealistic", "non-negotiable" (split by the
        tokenizer), "a priority", "a red line" (a noun with its modifier)."""
        lemma = tok.lemma_.lower()
        keys = [lemma]
        if tok.i >= 2 and self.tokens[tok.i - 1].text == "-" and self.tokens[tok.i - 2].lower_ == "non":
            keys.insert(0, "non-" + lemma)
        if tok.pos_ == "NOUN":
            keys[:0] = [f"{c.lower_} {lemma}" for c in tok.children if c.dep_ in ("amod", "compound") and c.i == tok.i - 1]
        for key in keys:
            for st, name in (("Support", "evaluation-support"), ("Acceptance", "evaluation-acceptance"),
                             ("Rejection", "evaluation-rejection"), ("Demand", "evaluation-demand")):
                if key in self.lex(name) and (" " in key or "-" in key or tok.pos_ == "ADJ" or key in self.lex("evaluation-noun")):
                    return st
        return None

    def evaluation_owner(self, tok: Token, pred: Token) -> list[str]:
        """Who a judgement is for: "a red line for Moscow", "unacceptable to Kyiv"."""
        return [a for x in (tok, pred) for p in children(x, "prep") if p.lemma_.lower() in self.lex("judged-for-preposition")
                for o in children(p, "pobj") for a in self.actors_of(o)]

    def denied_by_speaker(self, pred: Token, frame_verb: Token) -> bool:
        """A negated verb of speech or thought between the clause and its speaker, or the
        speaker's own verb ("he did not think it was practical", "Kyiv does not believe ...")."""
        speech = self.lex("speech-verb")
        cur, flips = pred, 0
        for _ in range(8):
            if cur == frame_verb or cur.head == cur:
                break
            cur = cur.head
            if cur.lemma_.lower() in speech and any(c.dep_ == "neg" for c in cur.children):
                flips += 1
        if cur != frame_verb and any(c.dep_ == "neg" for c in frame_verb.children):
            flips += 1
        return flips % 2 == 1

    def _evaluations(self, issues: list[IssueHit], triggers: dict[int, TriggerHit]) -> Iterator[PositionRecord]:
        """"NATO membership is not realistic, the minister said": the speaker's stance on what the
        judged clause is about (its subject, or the extraposed "for Ukraine to join NATO").
        A judgement that is also a stance trigger ("unacceptable") is the trigger's to read."""
        for tok in self.tokens:
            found_eval = self.evaluation(tok)
            if found_eval is None:
                continue
            stance, pred = found_eval
            judged = pred.lemma_.lower() in self.lex("judge-verb")
            if tok.i in triggers and not judged and tok.dep_ != "amod":
                continue  # the trigger reads it; a judging verb's adjective, or one of a noun, it cannot hold
            if self.hedged(pred, pred) or self.under_obligation(pred):
                continue
            frame = self._speaker(pred) if judged else self.speech(pred)
            if frame is None or not frame.actors:
                owners = [] if judged else self.evaluation_owner(tok, pred)
                if not owners:
                    continue
                frame = _Frame(owners, False, pred)
            negated = any(c.dep_ == "neg" or c.lower_ == "no" for x in (pred, tok, tok.head) for c in x.children)
            if not judged and self.denied_by_speaker(pred, frame.verb):  # "did not think it was practical"
                negated = not negated
            if negated and stance == "Demand":
                continue  # "not indispensable" states nothing
            if negated:
                stance = "Support" if stance == "Rejection" else "Rejection"
            stop = self._clause_stop(pred, keep_infinitive=True, subjects=judged)
            # what the judging word is of is not what it judges ("shelling is the main threat to the plant"),
            # nor is what the judged thing lacks ("a ceasefire without guarantees would be a trap")
            stop += [c for c in tok.children if tok != pred and c.dep_ == "prep" and not any(_infinitival(x) for x in c.subtree)]
            stop += [x for x in pred.subtree if x.dep_ == "prep" and x.lemma_.lower() in self.lex("exception-preposition")]
            yield from self._clause_stances(pred, tok, frame.actors, issues, stop, "position.evaluation.speaker", stance)

    def under_obligation(self, p: Token) -> bool:
        """"must accept", "has to accept": the predicate is governed by a modal of obligation."""
        return any(self.obligation_verb(c) == p for c in (*p.children, p.head))

    def _stance(self, hit: TriggerHit, by_tok: dict[int, TriggerHit], issues: list[IssueHit]) -> Iterator[PositionRecord]:
        t = hit.token
        p = self.predicate(t)
        if t.pos_ != "NOUN" and self.subsumed(p, by_tok):
            return
        if t.pos_ == "VERB" and any(c.i in by_tok and self.voiced(c) for c in children(t, "dobj")):
            return  # "maintained its demand", "renewed its offer": the noun says the stance
        if self.hedged(t, p):
            return
        governor = t.head.head if t.dep_ == "pobj" else t.head
        while governor.dep_ in ("advmod", "prt") and governor.head != governor:  # ("backed away from": "from" hangs on "away")
            governor = governor.head
        if self.phrasal(t, "retreat-verb") or (t.pos_ == "NOUN" and t.dep_ in ("dobj", "pobj") and self.phrasal(governor, "retreat-verb")):
            return  # "backed away from his demand for a truce", "dropped its offer": a stance given up states none
        if t.tag_ == "VBG" and t.dep_ in ("csubj", "nsubj", "csubjpass"):
            return  # "sending Taurus missiles could drag Germany into the war": the topic, not a stance
        if t.pos_ == "ADJ" and t.lemma_.lower() in self.lex("agent-adjective") and any(
                s.pos_ in ("NOUN", "PROPN") and not self.actors_of(s) and s.lemma_.lower() not in self.lex("agent-noun")
                for s in children(p, "nsubj")):
            return  # "when a peace deal was ready": a thing is ready, nobody is willing
        stance: str | None = hit.trigger.stance
        if hit.trigger.nominal and children(t.head, "ccomp", "csubj", "advcl"):
            return  # "The point is that Russia ...": a statement, not a point of an agenda
        if t.pos_ == "NOUN" and any(self.evaluation_word(a) == "Rejection" for a in children(t, "amod")):
            return  # "an unrealistic objective": the judgement speaks, not the goal
        if stance == "Proposal" and any(c.dep_ == "dobj" and c.i in by_tok and by_tok[c.i].trigger.stance == "Demand"
                                        for c in t.children):
            stance = "Demand"  # "proposed three conditions": what == put forward are demands
        negated = self.negated(t, p, hit.pattern.child if hit.pattern else None, hit.trigger.stance)
        if negated:
            stance = NEGATED[hit.trigger.stance] if hit.trigger.when_negated == "flip" else None
            if any(c.lemma_.lower() in self.lex("pending-adverb") for x in (t, p) for c in x.children):
                return  # "has not yet endorsed": undecided, not against
        if stance is None:
            return
        clause = p
        while clause.pos_ not in ("VERB", "AUX") and clause.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr", "appos",
                                                                      "compound", "conj") and clause.head != clause:
            clause = clause.head
        frame = self.speech(clause)
        if frame is not None and frame.generic:
            return
        if frame is not None and frame.actors and self.under_obligation(p):
            return  # "Russia must accept a truce, Kyiv said": Kyiv's demand (see _obligations)
        if frame is not None and frame.actors and self.denied_by_speaker(p, frame.verb):
            # "I don't think you need a ceasefire": denying a need rejects what is needed, the speaker's
            # judgement whoever the subject ("did not believe Kyiv would accept" is a belief, no stance)
            if stance != "Demand" or t.lemma_.lower() not in self.lex("necessity-verb") or negated:
                return
            stance = "Rejection"
            frame = _Frame(frame.actors, frame.generic, frame.verb, attitude=True)
        if frame is not None and frame.attitude and p.dep_ == "relcl" and children(p, "nsubj"):
            # "insisted on elections only after X, a sequence Moscow rejects": an aside names its own holder
            frame = _Frame(frame.actors, frame.generic, frame.verb)
        speaker = frame.actors if frame else []
        extra: set[int] = set()
        content: set[int] | None = None   # the scope, when it is not the trigger's own phrase
        owner_toks: list[Token] = []
        if t.pos_ == "NOUN":
            if t.head.lemma_.lower() in self.lex("acquire-verb") and t.dep_ in ("dobj", "pobj"):
                return  # "trying to win Putin's support": a stance sought, not held
            inner, owner_toks = self.owner(t)
            how = "owner"
            if inner and self.voiced(t):
                # "Lavrov reiterated Russia's demand that ...": who voices a side's stance speaks for it
                voices, _how = self.subject(t.head, speaker)
                if voices and {self.res.side_of(a) for a in voices} == {self.res.side_of(a) for a in inner}:
                    inner, how = voices, "subject"
            if not inner:
                if t.head.i in by_tok and t.dep_ in ("dobj", "pobj", "nsubjpass") and not self.voiced(t):
                    return  # "rejected the proposal": the verb speaks
                inner, how = self.subject(t.head, speaker) if self.held_by_subject(t) else ([], "none")
                verb = t.head.head
                if t.dep_ == "pobj" and t.head.lemma_.lower() in self.lex("predicative-preposition") and verb.pos_ == "VERB":
                    if verb.i in by_tok:
                        return  # "demanded ... as a condition": the verb speaks
                    # "Moscow named the lifting of sanctions as a condition": the verb's object is its content
                    inner, how = self.subject(verb, speaker)
                    content = {i for o in children(verb, "dobj") for i in subtree_ids(o)}
        else:
            inner, how = self.subject(p, speaker)
            if not inner and p != t and p.lemma_.lower() in self.lex("copula"):
                # "Ceding land is unacceptable, Zelensky said": the subject is what is judged
                for s in children(p, "nsubj", "csubj"):
                    extra |= subtree_ids(s)
        holders = self._decide(inner, how, frame)
        if holders is None:
            return
        actors, how = holders
        scope = content if content is not None else self.scope(hit, p, owner_toks, by_tok) | extra
        # "ready to return to the deal if sanctions were lifted": the condition is a demand of its own
        clauses = {c for i in scope for c in self.tokens[i].children if c.dep_ == "advcl"} | set(children(p, "advcl"))
        kinds = {c: self.condition_kind(c) for c in clauses}
        # "offered a swap in exchange for an end to strikes": the price asked is a condition too
        kinds |= {f: "if" for i in scope if self.tokens[i].dep_ == "pobj" and self.tokens[i].lemma_.lower() in self.lex("price-noun")
                  for f in children(self.tokens[i], "prep") if f.lemma_.lower() in self.lex("price-preposition")}
        # "ready to meet Putin, but only after a ceasefire": an "only after" phrase later in the sentence
        # (the parser may hang it anywhere) is a condition too
        kinds |= {x: "if" for x in self.doc[t.i + 1:] if (x.dep_ == "prep" or (x.dep_ == "conj" and x.pos_ == "ADP"))
                  and x.lemma_.lower() in self.lex("condition-only")
                  and any(a.lower_ in self.lex("condition-only-adverb") for a in children(x, "advmod"))}
        # "ready for talks on condition that the new realities are recognised" (the parser may hang it anywhere later)
        kinds |= {x: "if" for x in self.doc[t.i + 1:] if (x.dep_ == "prep" or (x.dep_ == "conj" and x.pos_ == "ADP"))
                  and any(o.lemma_.lower() in self.lex("purpose-noun") for o in children(x, "pobj"))}
        if negated or stance in ("Rejection", "Opposition"):
            # "would not sign any deal without security guarantees", "rejected a truce without guarantees":
            # what it lacks is the condition
            kinds |= {self.tokens[i]: "without" for i in scope if self.tokens[i].dep_ == "prep"
                      and self.tokens[i].lemma_.lower() in self.lex("exception-preposition")}
        clauses |= kinds.keys()
        conditions = sorted((c for c in clauses if kinds[c]), key=lambda c: c.i)
        cond_ids = {i for c in conditions for i in subtree_ids(c)}
        scope -= cond_ids
        cond_issues = self._drop_framing(t, [h for h in issues if h.start in cond_ids])
        found = [h for h in issues if h.start in scope or (h.end - 1) in scope]
        if hit.trigger.object_only:  # "swapped 150 prisoners": the issue covers the verb or its object
            objs = children(t, "dobj")  # (and what "of" names: "conceded the return of the corridor")
            acted = [t, *objs, *(o for d in objs for p in children(d, "prep") if p.lemma_.lower() in self.lex("given-preposition")
                                 for o in children(p, "pobj"))]
            found = [h for h in found if any(h.start <= x.i < h.end for x in acted)]
        found = self._drop_framing(t, self._drop_excluded(found, scope))
        if not found and not hit.trigger.object_only:  # (what is handed over must be named)
            found = self._anaphoric(t, scope, issues, p)
        conditional = bool(cond_issues) and (stance in ("Acceptance", "Support", "Proposal")
                                             or any(kinds[c] in ("until", "without") for c in conditions))
        if not found and not conditional:
            return
        if stance in ("Proposal", "Demand") and t.pos_ == "NOUN" and t.lemma_.lower() in self.lex("anaphoric-noun") and actors:
            self.memory.named_offers[t.lemma_.lower()] = tuple(sorted({h.code for h in found}))  # for "the principles" later
        ev = Evidence(self.doc_id, self.sent.start, self.sent.end, self.sent.text,
                      f"position.{hit.trigger.rule}.{how}", self.sent.date_near(t.idx))
        records = [(stance, found, scope, ev)]
        if conditional:  # "ready to hold elections once a ceasefire is in place": the condition is demanded
            cond_ev = Evidence(self.doc_id, self.sent.start, self.sent.end, self.sent.text,
                               f"position.condition.{how}", self.sent.date_near(t.idx))
            # (what a threat is conditional on is what it opposes: "threatened to use nuclear weapons if the West sends missiles";
            # "threatened sanctions if Putin does not agree to a ceasefire" demands it)
            threat = t.lemma_.lower() in self.lex("threat-word") and not any(
                c.dep_ == "neg" for x in conditions for c in x.subtree)
            records.append(("Opposition" if threat else "Demand", cond_issues, cond_ids, cond_ev))
        seen: set[tuple[str, str, str]] = set()
        for holder in actors:
            ent = self.res.entities.get(holder)
            if ent is None or not ent.is_actor or ent.is_commentator:
                continue
            for stated, hits, ids, evidence in records:
                for iss in hits:
                    # "ready to discuss a settlement, but not a truce": the item "not" excepts
                    base = NEGATED[stated] if self.excepted_item(iss) else stated
                    if base is None or (holder, base, iss.code) in seen:
                        continue
                    seen.add((holder, base, iss.code))
                    yield PositionRecord(holder, self.polarity(base, iss, ids), iss.code, self.claim(iss, ids, t), evidence)

    def condition_kind(self, clause: Token) -> str | None:
        """What makes an adverbial clause a condition: "if"/"once" (of a positive stance),
        "until"/"unless" (of any stance: "will not sign unless ..."), "only" before a time
        mark ("only after troops leave"); ``None`` for a clause that is no condition."""
        mark_toks = children(clause, "mark")
        marks = {m.lemma_.lower() for m in mark_toks}
        if marks & self.lex("condition-until"):
            return "until"
        if marks & self.lex("condition-mark"):
            return "if"
        if marks & self.lex("condition-only") and any(a.lower_ in self.lex("condition-only-adverb")
                                                      for x in (clause, *mark_toks) for a in children(x, "advmod")):
            return "if"  # ("only" hangs on the clause or on its mark)
        return None

    def _drop_excluded(self, found: list[IssueHit], scope: set[int]) -> list[IssueHit]:
        """"No ceasefire can hold without security guarantees": what "no ... without" rules out is
        not what the stance is about; the condition after "without" is."""
        conditions = {i for tok in (self.tokens[i] for i in scope) if tok.dep_ == "prep"
                      and tok.lemma_.lower() in self.lex("exception-preposition") for i in subtree_ids(tok)}
        if not conditions or not any(h.start in conditions for h in found):
            return found
        return [h for h in found if h.start in conditions or not any(has_det(self.tokens[i], "no") for i in range(h.start, h.end))]

    def _decide(self, inner: list[str], how: str, frame: _Frame | None) -> tuple[list[str], str] | None:
        if frame is not None and frame.actors:
            side = {self.res.side_of(a) for a in frame.actors}
            if inner and not frame.attitude and {self.res.side_of(a) for a in inner} - side:
                return inner, "reported"
            return frame.actors, "speaker"
        return (inner, how) if inner else None

    def _drop_framing(self, t: Token, found: list[IssueHit]) -> list[IssueHit]:
        """A framing issue ("talks") counts only alone or as the trigger's own object."""
        specific = [h for h in found if not self.res.issues[h.code].framing]
        if not specific or len(specific) == len(found):
            return found
        kept = list(specific)
        for h in found:
            if self.res.issues[h.code].framing and self._depth(self.tokens[h.start], t) <= 2:
                kept.append(h)
        return sorted(kept, key=lambda h: (h.start, h.code))

    @staticmethod
    def _depth(tok: Token, top: Token) -> int:
        d = 0
        while tok != top and tok.head != tok and d < 20:
            tok = tok.head
            d += 1
        return d if tok == top else 99

    def argument_of_complement(self, ref: Token, t: Token) -> bool:
        """The object of a verb that completes ``t`` ("called on both sides to observe the principles",
        "ready to comply with the plan"), not of a circumstance ("unwilling to give in under conditions")."""
        verb = ref.head
        if ref.dep_ == "pobj":
            if self.circumstance(verb):
                return False
            verb = verb.head
        return verb.dep_ == "xcomp" and verb.head == t

    def _anaphoric(self, t: Token, scope: set[int], issues: list[IssueHit], p: Token | None = None) -> list[IssueHit]:
        """"Russia rejected the proposal": the issue is the one named just before in the sentence,
        else the single issue an earlier sentence proposed or demanded ("Moscow offered a truce.
        Kyiv dismissed the idea."); a reply to a proposal of several issues says not which."""
        nouns = self.lex("anaphoric-noun")
        refs = [self.tokens[i] for i in sorted(scope) if self.tokens[i].lemma_.lower() in nouns
                and self.tokens[i].dep_ in ("dobj", "nsubjpass", "pobj")
                and (self.tokens[i].head.i in (t.i, t.head.i) or self.argument_of_complement(self.tokens[i], t)
                     or (self.tokens[i].dep_ == "pobj" and self.tokens[i].head.head == t))]  # ("voiced support for the idea")
        if not refs and p is not None and t.pos_ == "ADJ" and p.dep_ == "conj" and not children(t, "prep", "xcomp", "ccomp"):
            # "The idea of peacekeepers has gained ground in Paris, but Berlin remains sceptical": of the clause before
            return [h for h in issues if h.start in subtree_ids(p.head, [p]) and h.end <= t.i][-1:]
        if not refs or (t.pos_ == "NOUN" and not self.voiced(t)):
            return []
        before = [h for h in issues if h.end <= t.i]
        if before:
            return before[-1:]
        ref = refs[0]
        definite = ref.pos_ == "PRON" or any(c.dep_ in ("det", "poss") and c.lemma_.lower() in self.lex("definite-determiner")
                                             for c in ref.children)
        # (the noun that named an offer names it again: "set out five principles ... comply with the principles")
        named = self.memory.named_offers.get(ref.lemma_.lower(), self.memory.last_offer) if definite else ()
        if len(named) == 1:
            return [IssueHit(named[0], ref.i, ref.i + 1)]
        return []

    def claim(self, hit: IssueHit, scope: set[int], trigger: Token | None = None) -> str:
        """A short claim: the largest phrase of the scope (at most 14 words, below the trigger)
        that holds the issue's words ("withdraw Russian troops from Crimea")."""

        def span(tok: Token) -> set[int]:
            return subtree_ids(tok, [c for c in tok.children if c.dep_ in ("conj", "cc", "punct", "relcl", "appos", "advcl",
                                                                                "parataxis", "nsubj")])

        top = self.tokens[hit.start]
        ids = span(top) | set(range(hit.start, hit.end))
        while top.head != top and top.head.i in scope and top.head != trigger:
            bigger = span(top.head) | ids
            if max(bigger) - min(bigger) >= 14 or top.head.lemma_.lower() in self.lex("speech-verb"):
                break
            top, ids = top.head, bigger
        lo, hi = min(ids), max(ids) + 1
        text = " ".join(self.doc[lo:hi].text.split()).strip(" ,;:\"“”'‘’.")
        for word in ("the ", "a ", "an ", "to ", "for ", "on ", "that "):
            if text.lower().startswith(word):
                text = text[len(word):]
        return text[:120] or self.doc[hit.start:hit.end].text
