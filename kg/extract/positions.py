"""Positions: who demands, proposes, supports, accepts, opposes or rejects which issue."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..annotate import AnnotatedDocument
from ..records import Evidence, PositionRecord
from ..resources import Resources, StanceTrigger
from .clauses import (
    Discourse,
    SentenceView,
    Speaker,
    claim_text,
    clause_end,
    clause_start,
    find_issues,
    speakers,
    subject_before,
)

# A negated stance: demands and proposals are dropped, the rest flip polarity.
NEGATED = {"Support": "Opposition", "Acceptance": "Rejection", "Opposition": "Acceptance",
           "Rejection": "Acceptance", "Demand": None, "Proposal": None}
_REL_CLAUSE = re.compile(r"(?<![,])\s(?:that|which)\s+(?:[A-Z][\w.-]*\s+){1,3}(?:\w+\s+){0,2}$")
_OF_HOLDER = re.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
_BY_HOLDER = re.compile(r"^\s+by\s+(?:the\s+)?$", re.I)
# A noun trigger that is the object of a verb trigger ("rejected the proposal") is part of it.
_OBJECT_GAP = re.compile(r"^\s+(?:(?:the|a|an|this|that|his|her|its|their|any|such)\s+)?(?:[\w.'’-]+\s+)?$", re.I)
# between an owner and its noun: "'s", and adjectives or numbers ("the U.S. 30-day ceasefire proposal")
_NOUN_OWNER_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}")
_POSSESSOR = re.compile(r"['’]s\s+(?:[\w-]+\s+)?$")


@dataclass(frozen=True)
class TriggerHit:
    trigger: StanceTrigger
    start: int
    end: int
    object_of_verb: bool = False   # "rejected [Zelensky's] demand": part of the verb's scope


def find_triggers(text: str, res: Resources) -> list[TriggerHit]:
    """Stance triggers of a sentence; where two overlap, the longer one wins.

    Phrases of the ``non-stance`` lexicon ("trying to win Putin's support") block triggers.
    """
    blocker = res.lexicon.get("non-stance")
    blocked = [(m.start(), m.end()) for m in blocker.finditer(text)] if blocker else []
    hits = [TriggerHit(t, m.start(), m.end()) for t in res.triggers for m in t.regex.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b in blocked)
            and (t.requires is None or t.requires.search(" ".join(text[max(0, m.start() - 40):m.start()].split()[-3:])))]
    hits.sort(key=lambda h: (-(h.end - h.start), h.start, h.trigger.rule))
    kept: list[TriggerHit] = []
    for h in hits:
        if not any(h.start < k.end and k.start < h.end for k in kept):
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    out: list[TriggerHit] = []
    for h in kept:
        prev = out[-1] if out else None
        if (prev is not None and h.trigger.kind == "noun" and prev.trigger.kind == "verb"
                and _OBJECT_GAP.match(text[prev.end:h.start])):
            h = TriggerHit(h.trigger, h.start, h.end, object_of_verb=True)
        out.append(h)
    return out


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


def extract_positions(doc: AnnotatedDocument, res: Resources) -> Iterator[PositionRecord]:
    """Yield the positions stated in a document, one record per holder, stance and issue."""
    ctx = Discourse(main_sides=main_sides(doc, res))
    for sent in doc.sentences:
        if not sent.chrome:
            yield from _sentence_positions(SentenceView(sent, res), doc, ctx)
        ctx.update(sent, res)


def _negated(text: str, hit: TriggerHit, res: Resources) -> bool:
    words = text[max(0, hit.start - 30):hit.start].split()[-3:]
    return bool(words) and bool(res.lexicon["negation"].search(" ".join(words)))


def _hedged(text: str, lo: int, hit: TriggerHit, res: Resources) -> bool:
    return bool(res.lexicon["hedge"].search(text, lo, hit.start))


def _scope(text: str, hit: TriggerHit, triggers: list[TriggerHit], floor: int, res: Resources) -> tuple[int, int]:
    """Where the issue of a trigger is stated (the trigger's own words included)."""
    kind = hit.trigger.kind
    if kind == "predicate":
        return floor, hit.start
    enumeration = ":" in text[hit.end:hit.end + 40]
    end = clause_end(text, hit.end, enumeration)
    nxt = [t.start for t in triggers if t.start >= hit.end and t.trigger.kind != "modal" and not t.object_of_verb]
    if nxt and not enumeration:
        end = min(end, nxt[0])
    speech = res.lexicon["speech"].search(text, hit.end, end)
    if speech and not enumeration:  # "..., said that ...": a new statement begins
        end = speech.start()
    start = hit.start
    if kind == "noun":
        # "a 30-day ceasefire proposal": the words just before a noun name its content
        words = list(re.finditer(r"[\w'-]+", text[max(floor, hit.start - 40):hit.start]))[-3:]
        if words:
            start = max(floor, hit.start - 40) + words[0].start()
    return start, end


def _holders(view: SentenceView, hit: TriggerHit, frames: list[Speaker], ctx: Discourse,
             floor: int) -> tuple[list[str], str] | None:
    """Who holds the stance at ``hit``; None when the sentence gives no party (or a pundit)."""
    text = view.text
    after = [x for x in view.actor_mentions() if hit.end <= x[0] <= hit.end + 25]
    if after:  # "a ceasefire proposed by the United States", "the demands of the Ukrainian side"
        gap = text[hit.end:after[0][0]]
        if _BY_HOLDER.match(gap) or (hit.trigger.kind == "noun" and _OF_HOLDER.match(gap)):
            return [after[0][2].entity], "agent"
    owner: list[str] = []
    if hit.trigger.kind == "noun":  # "a U.S. proposal", "Zelensky's peace formula"
        owners = [x for x in view.actor_mentions() if x[1] <= hit.start and
                  _NOUN_OWNER_GAP.fullmatch(text[x[1]:hit.start]) and (x[2].modifier or x[2].possessive)]
        owner = [owners[-1][2].entity] if owners else []
    frame = next((f for f in reversed(frames) if f.verb_end <= hit.start), None)
    if owner and (frame is None or frame.generic or not {view.res.side_of(a) for a in frame.actors}
                  & {view.res.side_of(owner[0])}):
        return owner, "owner"  # "Peskov said Russia's demands ...": the speaker, of the same side, holds them
    if frame is not None:
        if frame.generic:
            return None
        # a speaker holds what he says, unless he attributes it to another party
        inner, how = subject_before(view, hit.start, ctx, frame.verb_end)
        sides = {view.res.side_of(a) for a in frame.actors}
        if not frame.attitude and inner and how == "subject" and not sides & {view.res.side_of(a) for a in inner}:
            return inner, "reported"
        return list(frame.actors), "speaker"
    if hit.trigger.kind == "modal":
        return None
    actors, how = subject_before(view, hit.start, ctx, floor)
    if not actors:
        actors, how = subject_before(view, hit.start, ctx, 0)
    return (actors, how) if actors else None


def _sentence_positions(view: SentenceView, doc: AnnotatedDocument, ctx: Discourse) -> Iterator[PositionRecord]:
    res, text, sent = view.res, view.text, view.sent
    triggers = find_triggers(text, res)
    if not triggers or text.rstrip(" \"”'").endswith("?"):
        return  # a question states no position
    frames = speakers(view, ctx)
    for hit in triggers:
        if hit.object_of_verb and not _owned(view, hit):
            continue  # "rejected the proposal": only the verb speaks; "rejected Zelensky's demand": both do
        floor = clause_start(text, hit.start)
        frame = next((f for f in reversed(frames) if f.verb_end <= hit.start), None)
        lo = max(floor, frame.verb_end) if frame else floor
        if _hedged(text, max(lo, hit.start - 60), hit, res):
            continue
        if hit.trigger.kind == "noun" and res.lexicon["hedge"].search(text, hit.end, hit.end + 25):
            continue  # "Musk's proposal also hints at ..."
        stance: str | None = hit.trigger.stance
        if _negated(text, hit, res):
            stance = NEGATED[hit.trigger.stance] if hit.trigger.when_negated == "flip" else None
        if stance is None:
            continue
        held = _holders(view, hit, frames, ctx, floor)
        if held is None:
            continue
        holders, how = held
        s_lo, s_hi = _scope(text, hit, triggers, lo, res)
        issues = find_issues(text, s_lo, s_hi, res, doc.doc_id)
        if not issues and hit.trigger.kind != "predicate":
            rel = _REL_CLAUSE.search(text[: hit.start])
            if rel and not res.lexicon["speech"].search(text[max(0, rel.start() - 15):rel.start()]):
                # "a ceasefire proposal that Ukraine accepted": the issue is the antecedent
                s_lo, s_hi = max(0, rel.start() - 60), rel.start()
                issues = find_issues(text, s_lo, s_hi, res, doc.doc_id)
        anaphoric = res.lexicon.get("anaphoric-object")
        next_word = len(text) - len(text[hit.end:].lstrip())
        if not issues and anaphoric is not None and anaphoric.match(text, next_word):
            # "Ukraine demanded a ceasefire, but Russia rejected the proposal": the issue is the earlier one
            issues = find_issues(text, 0, hit.start, res, doc.doc_id)[-1:]
            s_lo, s_hi = 0, hit.start
        issues = _drop_framing(text, hit, issues, res)
        if not issues:
            continue
        ev = Evidence(doc.doc_id, sent.start, sent.end, text, f"position.{hit.trigger.rule}.{how}",
                      sent.date_near(hit.start))
        seen: set[tuple[str, str]] = set()
        for holder in holders:
            if not res.entities[holder].is_actor or res.entities[holder].is_commentator:
                continue
            for iss in issues:
                if (holder, iss.code) in seen:
                    continue
                seen.add((holder, iss.code))
                claim_lo = hit.end if iss.start >= hit.end else s_lo
                yield PositionRecord(holder, stance, iss.code, claim_text(text, iss, claim_lo, s_hi), ev)



def _owned(view: SentenceView, hit: TriggerHit) -> bool:
    return any(x[1] <= hit.start and _NOUN_OWNER_GAP.fullmatch(view.text[x[1]:hit.start]) and (x[2].modifier or x[2].possessive)
               for x in view.actor_mentions())


def _drop_framing(text: str, hit: TriggerHit, issues: list, res: Resources) -> list:  # type: ignore[type-arg]
    """Drop a framing issue ("negotiations for the retreat of troops") unless it is the only
    issue or the direct object of the trigger ("ready for negotiations")."""
    if len(issues) < 2:
        return issues
    specific = [i for i in issues if not res.issues[i.code].framing]
    if not specific:
        return issues
    kept = list(specific)
    for i in issues:
        if res.issues[i.code].framing:
            gap = text[hit.end:i.start] if i.start >= hit.end else "x" * 99
            if len(gap.split()) <= 3 and "," not in gap and not re.search(r"\bof\b", gap):
                kept.append(i)
    return sorted(kept, key=lambda i: (i.start, i.code))
