"""Talks: negotiation rounds, meetings, summits and phone calls, with coreference inside a
document ("this round", "the talks" and a later mention with the same date/place/round)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from ..annotate import AnnotatedDocument, Sentence, dateline_end, dateline_place
from ..records import Evidence, TalksRecord
from ..resources import Resources
from .clauses import Discourse, SentenceView, clause_end, clause_start, find_issues, is_object, speakers
from .positions import main_sides, token_actors
from .syntax import Token, children, conjuncts

ORDINALS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], start=1)}
_ROUND = re.compile(r"\b((?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                    r"(?:\s*(?:,|and)\s*(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))*)"
                    r"\s+(?:\w+\s+)?rounds?\b", re.I)
_BETWEEN = re.compile(r"\bbetween\b", re.I)
# "in Geneva", "at the Ciragan Palace", "in Belarus's Gomel region", "at Istanbul's Ciragan Palace"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_AT = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[\w.-]+['’]s\s+)?(?:\w+\s+)?$", re.I)
_JOINT = re.compile(r"\b(?:after|before|following|and|while|when)\b", re.I)


def _format(text: str, res: Resources, has_place: bool = True) -> str:
    lex = res.lexicon
    if lex["talks-phone"].search(text):
        return "phone call"
    if not has_place and (lex["talks-speak"].search(text) or lex["talks-spoke"].search(text)):
        return "phone call"  # "will speak to Putin on Tuesday", "Zelensky and Starmer spoke on Saturday": no place to meet
    if lex["talks-signing"].search(text):
        return "signing ceremony"
    if lex["talks-summit"].search(text):
        return "summit"
    if _ROUND.search(text) or lex["talks-negotiation"].search(text):
        return "negotiation round"
    return "meeting"


def _rounds(text: str) -> list[int]:
    m = _ROUND.search(text)
    if not m:
        return []
    return [ORDINALS[w.lower()] for w in re.findall(r"[A-Za-z]+", m.group(1)) if w.lower() in ORDINALS]


def _compatible_places(a: list[str], b: list[str], res: Resources) -> bool:
    if not a or not b:
        return True
    for x in a:
        for y in b:
            if x == y or y in res.ancestors(x) or x in res.ancestors(y):
                return True
    return False


def _is_phone(fmt: str) -> bool:
    return fmt == "phone call"


class _Tracker:
    """Talks of one document and the coreference between their mentions."""

    def __init__(self, doc: AnnotatedDocument, res: Resources, dateline: str | None = None):
        self.doc, self.res = doc, res
        self.talks: list[TalksRecord] = []
        self.recent: TalksRecord | None = None
        self.dateline = dateline  # where "here" is in a wire report
        self.group: list[str] = []  # who were named before the talks word last (the subject): "the same group" next
        self.recent_at = -2  # the sentence that last named the recent talks

    def evidence(self, sent: Sentence, rule: str, date: dt.date | None) -> Evidence:
        return Evidence(self.doc.doc_id, sent.start, sent.end, sent.text, rule, date)

    def find(self, fmt: str, status: str, date: dt.date | None, rnd: int | None, places: list[str],
             anaphoric: bool) -> TalksRecord | None:
        for t in reversed(self.talks):
            if _is_phone(t.format) != _is_phone(fmt) or t.status != status:
                continue
            if rnd is not None and t.round is not None and rnd != t.round:
                continue
            if date is not None and t.date is not None and date != t.date:
                continue
            if not _compatible_places(t.places, places, self.res):
                continue
            shared = ((rnd is not None and rnd == t.round) or (date is not None and date == t.date)
                      or (bool(places) and bool(t.places) and rnd is None))
            if shared or (anaphoric and t is self.recent):
                return t
        return None

    def add_places(self, t: TalksRecord, places: list[str], ev: Evidence) -> None:
        for p in places:
            # keep the most specific: drop a place that is an ancestor of another one
            if p in t.places or any(p in self.res.ancestors(q) for q in t.places):
                continue
            t.places = [q for q in t.places if q not in self.res.ancestors(p)] + [p]
            t.place_evidence[p] = ev


def extract_talks(doc: AnnotatedDocument, res: Resources) -> Iterator[TalksRecord]:
    """Yield the distinct talks of a document with their attributes and evidence."""
    # (the dateline is read with the gazetteer's own matcher: a document's view would build its own)
    tracker = _Tracker(doc, doc.view(res), dateline_place(doc, res))
    res = tracker.res
    ctx = Discourse(main_sides=main_sides(doc, res))
    for sent in doc.sentences:
        if not sent.chrome:
            _sentence_talks(SentenceView(sent, res), tracker, ctx)
        ctx.update(sent, res)
    for i, t in enumerate(tracker.talks):
        t.local_id = i
        yield t


def _participants(view: SentenceView, ctx: Discourse, lo: int, hi: int, skip: set[str],
                  persons_only: bool) -> list[str]:
    """Actors taking part, from the subjects and the with/between phrases of a window."""
    res, text = view.res, view.text
    out: list[str] = []
    for s, end, m in view.actor_mentions():
        if not lo <= s < hi or m.modifier or m.entity in skip:
            continue
        if m.possessive and "Person" in res.entities[m.entity].types and not _owns_talks(view, end):
            continue  # "Zelensky's chief of staff met ...": the owner of a title is not there (of talks he is: "Trump's talks with Putin")
        if persons_only and "Person" not in res.entities[m.entity].types:
            continue
        before = text[max(0, s - 30):s]
        # the other party: "between X and Y", "delegations from X", "including X", "talks with X"
        partner = (any(re.fullmatch(r"\s+(?:the\s+)?(?:\w+\s+){0,3}", before[m.end():])
                       for m in res.lexicon["partner-lead"].finditer(before))
                   or any(re.fullmatch(r"\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,4}", text[m.end():s])
                          for m in res.lexicon["talks-partner"].finditer(text, max(0, s - 60), s)))
        if is_object(view, s) and not partner and not _owns_side(view, s):
            continue
        if m.entity not in out:
            out.append(m.entity)
    both = res.lexicon.get("both-sides")
    if both is not None and not persons_only and both.search(text, lo, hi):
        leaders = re.search(r"\b(?:two|both) (?:leaders|presidents|heads of state)", text[lo:hi], re.I)
        pair = ctx.pair_persons if leaders and ctx.pair_persons else (ctx.pair_sides or ctx.main_sides)
        out.extend(p for p in pair if p not in out)
    return out


_OWNED = re.compile(r"['’]s?\s+(?:[A-Z][\w.-]*\s+){0,3}")


def _owns_talks(view: SentenceView, end: int) -> bool:
    """The possessive ending at ``end`` owns a talks noun ("Trump's talks with Putin", "Zelensky's
    Oval Office meeting"): its owner takes part."""
    m = _OWNED.match(view.text, end)
    return m is not None and view.res.lexicon["talks-noun"].match(view.text, m.end()) is not None


def _owns_side(view: SentenceView, start: int) -> bool:
    """The actor at ``start`` is what a side noun is "of" ("the leaders of France, Germany and
    Britain met ..."): it takes part, though the parse makes it an object (needs the parse)."""
    doc = view.sent.parse
    span = doc.char_span(start, start + 1, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    lex = view.res.lemma_set
    side = tok.head.head
    # ("the summit brought together the leaders of France, ...": the object of a verb of convening)
    convened = side.dep_ == "dobj" and side.head.lemma_.lower() in lex("convene-verb")
    return (tok.dep_ == "pobj" and tok.head.lemma_.lower() in lex("owner-preposition")
            and side.lemma_.lower() in lex("side-noun-lemma") | lex("title-noun")
            and (side.dep_ in ("nsubj", "nsubjpass", "conj") or convened))


def _by_pattern(view: SentenceView, name: str) -> list[str]:
    """Actors named by a mediator/host pattern: after "... by/of X", else just before it."""
    pat = view.res.lexicon.get(name)
    out: list[str] = []
    if pat is None:
        return out
    for m in pat.finditer(view.text):
        if m.group(0).lower().rstrip().endswith(("of", "by")):
            # "chaired by Turkish Foreign Minister Hakan Fidan": a title may stand in between
            after = [x for x in view.actor_mentions() if m.end() <= x[0] <= m.end() + 45
                     and not re.search(r"[,;.]", view.text[m.end():x[0]])]
            if after:
                out.append(after[0][2].entity)
                end = after[0][1]
                for s, e, x in view.actor_mentions():  # "mediation of Turkey and the United Nations", "hosted by X and Chancellor Y"
                    if s >= end and not x.modifier and re.fullmatch(
                            r"\s*(?:and|or|,\s*and)\s*(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}", view.text[end:s]):
                        out.append(x.entity)
                        end = e
        elif view.text[:m.start()].endswith("-"):  # "U.S.-brokered", "Turkish-mediated": the word before the hyphen
            glued = [x for x in view.actor_mentions() if x[1] == m.start() - 1]
            word = re.search(r"([\w.]+)-$", view.text[:m.start()])
            demonym = view.res.by_demonym.get(word.group(1).lower()) if word else None
            if glued or demonym:
                out.append(glued[-1][2].entity if glued else str(demonym))
        else:
            before = [x for x in view.actor_mentions() if x[1] <= m.start() and m.start() - x[1] <= 30]
            word = re.search(r"([\w.]+)\s+$", view.text[:m.start()])
            demonym = view.res.by_demonym.get(word.group(1).lower()) if word else None
            if word and demonym and not (before and before[-1][1] == word.end(1)):
                out.append(str(demonym))  # "with Turkish mediation"
            elif before:
                out.append(before[-1][2].entity)
    return out


def _triggers(text: str, res: Resources) -> list[tuple[int, int]]:
    names = ("talks-noun", "talks-verb", "talks-verb-parties", "brokered-deal")
    spans = [(m.start(), m.end()) for name in names for m in res.lexicon[name].finditer(text)]
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out


def _event_before(text: str, res: Resources, lo: int, a: int, b: int) -> bool:
    """An event verb at most four words before the talks noun ("held the second round of")."""
    for m in res.lexicon["talks-event"].finditer(text, max(lo, a - 60), b):
        if m.end() > a:
            return True  # "in a telephone conversation" contains the noun
        gap = text[m.end():a]
        if len(gap.split()) <= 4 and not re.match(r"\s*(?:on|up|out|back)\b", gap):
            return True
    return False


def _event_after(text: str, res: Resources, b: int, hi: int) -> bool:
    """The talks as the subject of an event verb ("talks ... concluded in Istanbul")."""
    return any(not re.match(r"\s+that\b", text[m.end():]) for m in res.lexicon["talks-event-after"].finditer(text, b, min(hi, b + 110)))


def _with_partner(view: SentenceView, a: int, b: int, hi: int) -> bool:
    """A talks noun with an actor as its partner, in a clause about the past ("came away from a call
    with Putin on Tuesday", "after talks with Erdogan, Scholz said"): the talks took place."""
    partner = view.res.lexicon["talks-partner"].search(view.text, a, min(hi, b + 30))
    if partner is None or partner.start() > b or not any(
            partner.end() <= s < min(hi, partner.end() + 40) for s, _e, _m in view.actor_mentions()):
        return False
    return _past_argument(view, a, b)


def _past_argument(view: SentenceView, a: int, b: int, stance_verbs: bool = True) -> bool:
    """The talks noun at ``a:b`` is an argument of a verb in the past that neither blocks nor
    fails them ("from a call", "after talks", "had a call", "hosted leaders for a summit"), not of
    another noun ("conditions for negotiations with Kyiv" is talk about talks). With
    ``stance_verbs`` false a verb that states a stance does not count either ("called for talks in
    Istanbul on Monday" is a demand, not a meeting). Needs the parse."""
    doc = view.sent.parse
    span = doc.char_span(a, b, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    noun = span.root
    if noun.dep_ == "pobj" and noun.head.lemma_.lower() in view.res.lemma_set("event-preposition"):
        # "countries at a summit in Switzerland backed ...", "During talks in Istanbul, X demanded ...",
        # "X, speaking at the summit, said ...": the talks are where the clause's act took place
        head = noun.head.head
        while (head.dep_ not in ("ROOT", "ccomp", "relcl") or head.tag_ in ("VBG", "VBN")) and head.head != head:
            head = head.head
        # ("... at a meeting in Riyadh did not agree": the meeting took place)
        return head.tag_ == "VBD" or any(c.tag_ == "VBD" for c in children(head, "aux", "auxpass"))
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if head.pos_ in ("ADV", "ADP") and head.dep_ in ("advmod", "prep", "prt"):
        head = head.head  # "came away from a call"
    if head.pos_ not in ("VERB", "AUX") or noun.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass"):
        return False
    lemma = head.lemma_.lower()
    stances = {t.stance for _p, t in view.res.trigger_index.get(lemma, [])}
    if ((stances & {"Rejection", "Opposition"}) or (stances and not stance_verbs)
            or lemma in view.res.lemma_set("failure") or lemma in view.res.lemma_set("talks-blocking-verb")
            or any(c.dep_ == "neg" for c in head.children)):
        return False  # "banned negotiations with Moscow", "never had a call with Putin"
    return head.tag_ in ("VBD", "VBN") or (head.dep_ == "advcl" and head.head.tag_ == "VBD")


def _content_before(view: SentenceView, start: int, end: int) -> bool:
    """Whether what the speech verb at ``start`` reports came before it ("X met Y, the Kremlin
    said"), not after it ("After a call with X, Y said the talks went well")."""
    doc = view.sent.parse
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return len(view.text[end:].split()) <= 3
    verb = span.root
    said = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if verb.dep_ in ("parataxis", "advcl") and verb.head.i < verb.i:
        return True  # hung on the clause it reports
    return bool(said) and all(c.i < verb.i for c in said)


def _talks_places(view: SentenceView, lo: int, hi: int) -> list[str]:
    """Places said to be where talks are: after in/at/near, or listed with such a place."""
    out: list[str] = []
    last_end = -1
    for s, e, m in view.mentions:
        if m.sense != "place" or not lo <= s < hi:
            continue
        before = view.text[max(0, s - 20):s]
        travel = view.res.lexicon["travel-to"].search(view.text, max(0, s - 30), s)
        listed = last_end >= 0 and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", view.text[last_end:s])
        named = view.res.lexicon["talks-noun"].match(view.text, e + 1) if view.text[e:e + 1] == " " else None
        went = travel is not None and re.fullmatch(r"\s*(?:the\s+)?", view.text[travel.end():s]) is not None
        if _of_conflict(view, s, e):
            continue  # "the summit condemned the war in Ukraine": where the war is, not the summit
        if _AT.search(before) or listed or named or went or _welcomed_to(view, s, e):
            # "in Geneva", "Geneva and Istanbul", "the Geneva talks", "flew to Moscow", "welcomed Zelensky to the White House"
            out.append(m.entity)
            last_end = e
    return out


def _of_conflict(view: SentenceView, start: int, end: int) -> bool:
    """The place says where a war or its fighting is ("the war in Ukraine", "peace in Europe"),
    not where talks are: needs the parse."""
    doc = view.sent.parse
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or span.root.dep_ != "pobj":
        return False
    head = span.root.head.head
    return head.pos_ == "NOUN" and head.lemma_.lower() in view.res.lemma_set("conflict-noun")


def _welcomed_to(view: SentenceView, start: int, end: int) -> bool:
    """The place is where a meeting verb brings its guest ("welcomed Zelensky to the White House",
    "was received to the Kremlin"): needs the parse."""
    doc = view.sent.parse
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    prep = span.root.head
    return (span.root.dep_ == "pobj" and prep.lemma_.lower() in view.res.lemma_set("destination-preposition")
            and prep.head.lemma_.lower() in view.res.lemma_set("meeting-verb"))


def _role_lemmas(res: Resources) -> frozenset[str]:
    """The lemmas :func:`_parsed_roles` reads a role from (the heads of phrasal entries)."""
    names = ("lead-verb", "copula", "address-verb", "face-verb", "arrive-verb", "meeting-verb", "meeting-with-verb",
             "encounter-verb", "member-verb", "participate-verb", "represent-verb", "send-verb", "member-noun", "facing-verb",
             "bring-verb", "accompany-verb", "mediate-verb", "leader-noun", "sign-verb", "seat-verb")
    return frozenset(e.split(" +")[0] for n in names for e in res.lemma_set(n))


_LIST_OPEN = {"—": "—", "–": "–", "(": ")", ":": "."}  # a list set off after a noun, and what closes it


def _side_count(res: Resources, actors: Iterable[str]) -> int:
    """How many sides actors make up, a group of countries ("European leaders") counting as many."""
    sides = {res.side_of(a) for a in actors}
    return len(sides) + 2 * sum(res.entities[s].kind == "Group" for s in sides)


def _placed(view: SentenceView, tok: Token) -> bool:
    """A verb with a place of its own ("told Zelensky at the White House"), not one of its object."""
    places = [(s, e) for s, e, m in view.mentions if m.sense == "place"]
    return any(p.lemma_.lower() in view.res.lemma_set("place-preposition") and any(
        p.idx <= s and e <= p.right_edge.idx + len(p.right_edge.text) for s, e in places) for p in children(tok, "prep"))


def _meeting_verbs(view: SentenceView, tracker: _Tracker, ctx: Discourse) -> dict[tuple[int, int], list[str]]:
    """Verbs that are a meeting when one actor does them to another ("Putin received Witkoff",
    "Zelensky was hosted by Erdogan"), not to a thing ("Kyiv received weapons"), with the actors
    on both sides: needs the parse."""
    doc = view.sent.parse
    if doc is None:
        return {}
    verbs, with_verbs = view.res.lemma_set("meeting-verb"), view.res.lemma_set("meeting-with-verb")
    partner = view.res.lemma_set("partner-preposition")
    reader = None  # built for the first meeting verb: most sentences have none
    out: dict[tuple[int, int], list[str]] = {}
    for tok in doc:
        lemma = tok.lemma_.lower()
        if (lemma in view.res.lemma_set("delegation-noun") and tok.dep_ == "nsubj" and tok.head.tag_ in ("VBD", "VBN")
                and (_placed(view, tok) or _placed(view, tok.head))):
            # "the Russian and Ukrainian delegations in Istanbul agreed on ...": two sides' delegations at one
            # place that did something together met there
            reader = reader or token_actors(view.sent, view.res, ctx, tracker.doc.doc_id)
            sides = list(dict.fromkeys(a for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                                       for x in conjuncts(c) for a in reader.actors_of(x)))
            if len({view.res.side_of(a) for a in sides}) >= 2:
                out[(tok.idx, tok.idx + len(tok.text))] = sides
            continue
        # ("Trump told Zelensky at the White House on Friday that ...": they met there)
        told_there = lemma in view.res.lemma_set("address-verb") and _placed(view, tok)
        if tok.pos_ != "VERB" or not (lemma in verbs | with_verbs or told_there):
            continue
        if lemma in with_verbs:  # "discussed the corridor with Lavrov": the partner after "with"
            # (the parser may hang "with" on the verb's object)
            heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
            guests = [p for h in heads for w in h.children if w.dep_ == "prep" and w.lemma_.lower() in partner
                      for p in w.children if p.dep_ == "pobj"]
            hosts = [c for c in tok.children if c.dep_ == "nsubj"]
        elif any(c.dep_ == "auxpass" for c in tok.children):
            guests = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not guests and tok.dep_ == "conj":  # "met Zelensky in Kyiv and was received in Moscow by X": the shared subject
                guests = children(tok.head, "nsubj", "nsubjpass")
            hosts = [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        else:
            guests = [c for c in tok.children if c.dep_ == "dobj"]
            hosts = [c for c in tok.children if c.dep_ == "nsubj"]
            if not guests and tok.dep_ == "amod" and hosts and tok.head.dep_ == "ROOT":
                guests = [tok.head]  # "Starmer hosted Zelensky, ..." parsed as a modifier of a root noun
        reader = reader or token_actors(view.sent, view.res, ctx, tracker.doc.doc_id)
        frame = reader.frame(tok)  # "Lavrov said he had discussed ...": "he" is the speaker
        speaker = frame.actors if frame is not None else []
        met = [a for g in guests for a in reader.actors_of(g, speaker)]
        by = [a for h in hosts for a in reader.actors_of(h, speaker)]
        if not met and by and lemma in view.res.lemma_set("host-verb") and any(
                g.lemma_.lower() in view.res.lemma_set("guest-noun") for g in guests):
            # "Saudi Arabia hosted security advisers from forty countries in Jeddah": a meeting of
            # parties not named here; its host is no party
            out[(tok.idx, tok.idx + len(tok.text))] = []
            continue
        if met and by:
            # who hosts talks between others is their host, not a party ("Saudi Arabia hosted both
            # delegations"); who hosts one guest meets them ("Putin hosted Witkoff at the Kremlin")
            # (a host of many sides takes part in their summit: "Trump hosted Zelensky and European leaders")
            between = _side_count(view.res, met) == 2
            sides = met if tok.lemma_.lower() in view.res.lemma_set("host-verb") and between else by + met
            out[(tok.idx, tok.idx + len(tok.text))] = list(dict.fromkeys(sides))
    return out


def _sentence_talks(view: SentenceView, tracker: _Tracker, ctx: Discourse) -> None:
    res, text = view.res, view.text
    meetings = _meeting_verbs(view, tracker, ctx)
    triggers = _triggers(text, res)
    for span in sorted(meetings):
        over = next(((a, b) for a, b in triggers if a < span[1] and span[0] < b), None)
        if over is None:
            triggers.append(span)
        else:  # "sat down with Zelensky": the talks verb the lexicon found, with the parties the parse found
            meetings[over] = list(dict.fromkeys([*meetings.get(over, []), *meetings.pop(span)]))
    triggers.sort()
    before = tracker.recent
    aside = _aside_talks(view)
    if triggers:
        _trigger_talks(view, tracker, ctx, triggers, meetings)
    # members of a delegation: "The Russian delegation included X", "a delegation led by X"
    members = res.lexicon.get("participants")
    if view.sent.parse is not None and tracker.recent is not None:
        if before is not None and aside and all(view.sent.parse.char_span(a, b, alignment_mode="expand")[0].i in aside
                                                 for a, b in triggers):
            # "X led the Ukrainian side, ..., having stayed away from an earlier round in Copenhagen":
            # the talks named only in an aside are not those whose roles the sentence tells
            recent, tracker.recent = tracker.recent, before
            _parsed_roles(view, tracker, ctx, aside)
            tracker.recent = recent
        else:
            _parsed_roles(view, tracker, ctx, aside)
    if members is not None and tracker.recent is not None and (mm := members.search(text)):
        ev = tracker.evidence(view.sent, "talks.delegation", tracker.recent.date)
        for s, _e, m in view.actor_mentions():
            if s >= mm.end() and "Person" in res.entities[m.entity].types:
                tracker.recent.participants.setdefault(m.entity, ev)
        if ev not in tracker.recent.evidence:
            tracker.recent.evidence.append(ev)


def _setting_subjects(view: SentenceView, tracker: _Tracker, ctx: Discourse, a: int, b: int) -> list[str]:
    """Who acts in a clause that talks are the setting of, before it ("During their call on Monday,
    Trump and Zelensky discussed air defence"): they took part (needs the parse)."""
    doc = view.sent.parse
    span = doc.char_span(a, b, alignment_mode="expand") if doc is not None else None
    if span is None:
        return []
    noun, lex = span.root, view.res.lemma_set
    if noun.dep_ != "pobj":
        return []
    verb = noun.head.head
    # ("Putin told Erdogan in a phone call", "Lavrov said during the talks": one speaks in the talks)
    speaking = verb.lemma_.lower() in lex("speech-verb") | lex("address-verb") and noun.head.lemma_.lower() in lex(
        "event-preposition") | lex("place-preposition")
    if not speaking and (noun.head.lemma_.lower() not in lex("event-preposition") or noun.head.i > 1):
        return []  # (else only a phrase that opens the sentence: "at talks in Geneva" later is the object's)
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    reader = token_actors(view.sent, view.res, ctx, tracker.doc.doc_id)
    return [x for s in children(verb, "nsubj") for x in reader.actors_of(s)]


def _in_aside(view: SentenceView, at: int, trigger: int) -> bool:
    """The word at ``at`` is inside a relative clause or apposition that does not hold the talks
    word ("Orban, who has called for a ceasefire, met Putin"): it says nothing of the talks."""
    doc = view.sent.parse
    if doc is None:
        return False
    word, talk = doc.char_span(at, at + 1, alignment_mode="expand"), doc.char_span(trigger, trigger + 1, alignment_mode="expand")
    if word is None or talk is None:
        return False
    clause = next((x for x in (word[0], *word[0].ancestors) if x.dep_ in ("relcl", "appos")), None)
    return clause is not None and talk[0] not in clause.subtree


def _own_setting(view: SentenceView, aside: set[int], verb: Token | None = None) -> bool:
    """The sentence (the clause of ``verb``, if given) names a date or place of its own, outside
    an aside about other talks."""
    doc = view.sent.parse
    spans = [(dm.start, dm.start + 1) for dm in view.sent.dates] + [(s, e) for s, e, m in view.mentions if m.sense == "place"]
    spans += [(m.start(), m.end()) for m in _YEAR.finditer(view.text)]  # ("in 2020": a time of its own)
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand") if doc is not None else None
        if span is not None and verb is not None and next(
                (a for a in span[0].ancestors if a.pos_ in ("VERB", "AUX")), None) != verb:
            continue  # ("Vance told Zelensky ..., noting that Putin broke a truce in 2019": another clause's time)
        if span is None or span[0].i not in aside:
            return True
    return False


def _aside_talks(view: SentenceView) -> set[int]:
    """Tokens of subordinate clauses that name talks ("..., having stayed away from an earlier
    round in Copenhagen"): their places and dates are those talks', not the sentence's."""
    doc = view.sent.parse
    if doc is None:
        return set()
    talks = view.res.lemma_set("talks-noun-lemma")
    out: set[int] = set()
    for tok in doc:
        if tok.dep_ in ("advcl", "relcl", "acl") and any(x.lemma_.lower() in talks for x in tok.subtree):
            out |= {x.i for x in tok.subtree}
    return out


def _in_other_clause(view: SentenceView, actor: str, trigger: int) -> bool:
    """The actor is named only inside a subordinate clause that does not hold the talks word
    ("met ... after Moscow withdrew from the deal"): it takes no part (needs the parse)."""
    doc = view.sent.parse
    if doc is None:
        return False
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e, m in view.actor_mentions() if m.entity == actor]
    at = doc.char_span(trigger, trigger + 1, alignment_mode="expand")
    if at is None or not spans:
        return False
    trigger_tok = at[0]
    for span in spans:
        if span is None:
            return False
        clause = next((t for t in (span.root, *span.root.ancestors) if t.dep_ in ("advcl", "relcl", "acl", "ccomp")), None)
        if clause is None or trigger_tok == clause or clause in trigger_tok.ancestors:
            return False  # named in the main clause, or in the clause of the talks word
        if clause.lemma_.lower() in view.res.lemma_set("member-verb"):
            return False  # ("the leaders gathered there included X and Y", misread as a clause of its own)
    return True


def _parsed_roles(view: SentenceView, tracker: _Tracker, ctx: Discourse, aside: set[int] | None = None) -> None:
    """Delegation heads and members, and mediators, read over the parse; they join the talks
    last named ("Reznikov led the Ukrainian side, which also included X and Y"; "The meeting
    was brokered by X")."""
    res, sent, t = view.res, view.sent, tracker.recent
    assert t is not None
    reader = token_actors(sent, res, ctx, tracker.doc.doc_id)
    lex = res.lemma_set
    sides = lex("side-noun-lemma")
    ev = tracker.evidence(sent, "talks.parsed-roles", t.date)
    added = False
    relevant = res.derived("role-lemmas", _role_lemmas)
    # (how one joins is not what: "joined by video link", "took part via video"; nor is the fixed object of "take part")
    fixed = {p for entry in lex("participate-verb") for p in entry.split(" +")[1:]}
    for tok in sent.parse:
        lemma = tok.lemma_.lower()
        listed = tok.i + 1 < len(sent.parse) and sent.parse[tok.i + 1].text in _LIST_OPEN
        if lemma not in relevant and not listed:
            continue  # (most words play no role: skip them before reading their dependents)
        if lemma in lex("lead-verb"):
            objs = [o for o in tok.children if o.dep_ == "dobj" and o.lemma_.lower() in sides]
            for o in objs:
                for who in (*reader.actors_of(o), *[a for s in tok.children if s.dep_ == "nsubj" for a in reader.actors_of(s)]):
                    if who not in t.mediators:
                        t.participants.setdefault(who, ev)
                        added = True
        members: list[Token] = []
        sides_present: list[Token] = []
        if lemma in lex("copula") and any(  # "X and Y were among those at the summit"
                p.lemma_.lower() in lex("partitive-preposition") and any(
                    o.lemma_.lower() in lex("talks-noun-lemma") for q in children(x, "prep") for o in children(q, "pobj"))
                for p in children(tok, "prep") for x in children(p, "pobj")):
            members += children(tok, "nsubj")
        group = [a for a in reader.actors_of(tok) if a in t.participants and res.entities[a].kind == "Group"] if listed and tok.pos_ in (
            "NOUN", "PROPN") else []
        if group:
            # "The Europeans — Macron, Merz and Starmer — flew in": the members of a group that takes part
            close = next((x.i for x in sent.parse[tok.i + 2:] if x.text in _LIST_OPEN.values() or x.text in _LIST_OPEN), len(sent.parse))
            members += [x for x in sent.parse[tok.i + 2:close] if x.pos_ == "PROPN"]
        if lemma in lex("copula") and any(c.lemma_.lower() in lex("presence-word") for x in children(tok, "acomp", "prep")
                                          for c in (x, *children(x, "pobj"))):
            members += children(tok, "nsubj")  # "Macron and Merz were also present", "Rubio was in attendance"
        if lemma in lex("address-verb") | lex("face-verb") and tok.tag_ in ("VBD", "VBN") and not _own_setting(view, aside or set(), tok):
            # "Vance told Zelensky ...", "Vance accused Zelensky of ...": one at the talks, or both when the
            # talks were named just before ("The Oval Office meeting turned tense. Vance told Zelensky ...")
            # (a pronoun is left out: "he" after a quote is too often someone else)
            addressed = [a for o in children(tok, "dobj") for a in reader.actors_of(o) if res.entities[a].kind == "Person"]
            named = [x for x in children(tok, "nsubj") if x.pos_ != "PRON"]
            if any(a in t.participants for a in addressed):
                members += named
            elif addressed and named and sent.index - tracker.recent_at <= 1:
                members += named + children(tok, "dobj")
        if lemma in lex("seat-verb") and any(  # "Vance sat beside Trump", "Sitting next to Trump were Vance and Rubio"
                a in t.participants for p in tok.subtree if p.dep_ == "pobj" and p.head.lemma_.lower() in lex("beside-preposition")
                for a in reader.actors_of(p)):
            members += children(tok, "nsubj")
            cop = next((x for x in sent.parse[tok.i + 1:] if x.lemma_.lower() in lex("copula")), None) if tok.i == 0 else None
            if cop is not None:  # (an opening participle: who is named after its "were"; the parser often errs there)
                members += [x for x in sent.parse[cop.i + 1:] if x.text[:1].isupper()]
        if lemma in lex("sign-verb"):  # "Shoigu signed for Moscow and Kubrakov for Kyiv": who signs for a party
            for w in children(tok, "prep"):
                inside = [x for x in w.subtree if x.pos_ == "PROPN"]
                if w.lemma_.lower() in lex("behalf-preposition") and any(a in t.participants for x in inside for a in reader.actors_of(x)):
                    members += children(tok, "nsubj") + inside
        if lemma in lex("arrive-verb"):  # "Zelensky arrived at the White House with Macron, Merz and Starmer"
            members += [o for w in children(tok, "prep") if w.lemma_.lower() in lex("partner-preposition") for o in children(w, "pobj")]
        for w in children(tok, "prep") if lemma in lex("meeting-verb") | lex("meeting-with-verb") | lex("encounter-verb") else []:
            # "met Zelensky on Friday, with Vance and Rubio in attendance"
            # (read on the words: the parser often breaks the phrase up)
            there = next((x.i for x in sent.parse[w.i + 1:w.i + 16] if x.lemma_.lower() in lex("presence-word")), None)
            if w.lemma_.lower() in lex("partner-preposition") and there is not None:
                members += [x for x in sent.parse[w.i + 1:there] if x.pos_ == "PROPN"]
        if lemma in lex("member-verb"):  # "the US team consisted of Rubio and Waltz"
            owner = tok.head if tok.dep_ == "relcl" else next((s for s in tok.children if s.dep_ == "nsubj"), None)
            # ("Those at the table included X and Y", "Those at the meeting included X")
            if owner is not None and (owner.lemma_.lower() in sides or any(
                    o.lemma_.lower() in lex("talks-noun-lemma") or o.lemma_.lower() in lex("gathering-noun")
                    for p in children(owner, "prep") for o in children(p, "pobj"))):
                members += [c for c in tok.children if c.dep_ in ("dobj", "attr", "pobj")]
                members += [o for p in children(tok, "prep") for o in children(p, "pobj")]
        participating = reader.phrasal(tok, "participate-verb")
        objects = [x for x in tok.subtree if x.dep_ in ("pobj", "dobj") and x.i > tok.i
                   and not (x.head == tok and x.lemma_.lower() in fixed)
                   and not (x.head.dep_ in ("prep", "agent") and x.head.lemma_.lower() in lex("means-preposition") and x.pos_ == "NOUN")
                   ] if participating else []
        if participating and (
                # "taking part in the talks were X, Y and Z"; "among those attending were X and Y"
                # (with no object, what they attend is the talks last named)
                not objects or any(x.lemma_.lower() in lex("talks-noun-lemma") for x in objects)):
            members += children(tok, "nsubj", "nsubjpass", "attr") + [a for x in children(tok, "aux") for a in children(x, "attr", "nsubj")]
            if not any(c.dep_ == "neg" for c in tok.children):  # "The leaders of France and Italy attended": their sides too
                sides_present += children(tok, "nsubj")
                # ("..., along with the heads of NATO and the Commission, attended")
                along = [o for h in (tok, *children(tok, "nsubj")) for w in children(h, "prep")
                         for x in ([w] if any(a.lemma_.lower() in lex("along-adverb") for a in children(w, "advmod"))
                                   else children(w, "prep") if w.lemma_.lower() in lex("along-adverb") else [])
                         if x.lemma_.lower() in lex("partner-preposition") for o in children(x, "pobj")]
                members += along
                sides_present += along
            if tok.dep_ == "csubj":  # (the parser may make "taking part" the subject of "were X and Y")
                members += children(tok.head, "attr")
            copula = next((x for x in tok.ancestors if x.lemma_.lower() in lex("copula")), None)
            if not objects and copula is not None and tok.dep_ == "acl":
                members += children(copula, "nsubj", "attr")
        # "a meeting also attended by X and Y" (the parse may hang "in a meeting" on the participle)
        attended = [tok.head, *children(tok, "nsubjpass"), *(o for p in children(tok, "prep") for o in children(p, "pobj"))
                    ] if participating and (tok.tag_ == "VBN" or children(tok, "agent")) else []  # (the tagger may call it past)
        if any(s.lemma_.lower() in lex("talks-noun-lemma") for s in attended):
            members += [p for a in children(tok, "agent") for p in children(a, "pobj")]
        if lemma in lex("represent-verb"):  # "Rubio and Waltz represented the United States", "the US side was represented by X"
            passive = bool(children(tok, "auxpass"))
            side = children(tok, "nsubjpass") if passive else children(tok, "dobj")
            # (a party not yet named joins too, unless the sentence tells of another time or place)
            own = _own_setting(view, aside or set())
            if any(s.lemma_.lower() in lex("delegation-noun") or any(a in t.participants or not own for a in reader.actors_of(s))
                   for s in side):
                members += [p for a in children(tok, "agent") for p in children(a, "pobj")] if passive else children(tok, "nsubj")
                for s in side:
                    for who in reader.actors_of(s):
                        if res.entities[who].kind != "Person" and who not in t.mediators:
                            t.participants.setdefault(who, ev)
                            added = True
        if lemma in lex("send-verb") and any(o.lemma_.lower() in lex("guest-noun") for o in children(tok, "dobj")) and not (
                _own_setting(view, aside or set())):
            # "Beijing sent its special envoy, Li Hui": the sender and its envoy take part
            for s in children(tok, "nsubj"):
                for who in reader.actors_of(s):
                    if who not in t.mediators:
                        t.participants.setdefault(who, ev)
                        added = True
            members += [a for o in children(tok, "dobj") for a in (o, *children(o, "appos"))]
        if lemma in lex("member-noun") and tok.dep_ == "attr" and any(  # "Yermak was part of the Ukrainian delegation"
                o.lemma_.lower() in lex("delegation-noun") for p in children(tok, "prep") for o in children(p, "pobj")):
            members += children(tok.head, "nsubj")
        if lemma in lex("facing-verb") and any(  # "Facing them were X, Y and Z": the other delegation
                o.pos_ == "PRON" or any(a in t.participants for a in reader.actors_of(o)) for o in children(tok, "dobj")):
            members += children(tok, "nsubj", "attr") + (children(tok.head, "attr") if tok.dep_ == "csubj" else [])
        if lemma in lex("bring-verb") and any(a in t.participants for s in children(tok, "nsubj") for a in reader.actors_of(s)):
            members += children(tok, "dobj")  # "Putin brought Lavrov and Ushakov"
        if lemma in lex("accompany-verb") and tok.tag_ == "VBN":
            # "he was accompanied by X and Y", "Zelensky was joined at the talks by X" (who is joined
            # at the talks takes part too; the parser may hang "by" on the talks noun)
            at_talks = [o for p in children(tok, "prep") for o in children(p, "pobj") if o.lemma_.lower() in lex("talks-noun-lemma")]
            subjects = children(tok, "nsubjpass")
            if at_talks or any(a in t.participants for s in subjects for a in reader.actors_of(s)):
                members += [p for a in children(tok, "agent") for p in children(a, "pobj")]
                members += [p for o in at_talks for a in children(o, "prep") if a.lemma_.lower() in lex("agent-preposition")
                            for p in children(a, "pobj")]
                members += subjects if at_talks else []
        for who in ctx.counted_leaders(tok, res):  # "The four leaders agreed ...": the four named with the talks
            if who not in t.participants and who not in t.mediators:
                t.participants[who] = ev
                added = True
        if lemma in lex("copula") and any(  # "on the Ukrainian side were X and Y"
                o.lemma_.lower() in lex("delegation-noun") for p in children(tok, "prep") for o in children(p, "pobj")):
            members += children(tok, "nsubj", "attr")
        for o in members:
            for who in reader.actors_of(o):
                if (res.entities[who].kind == "Person" or o in sides_present) and who not in t.mediators:
                    t.participants.setdefault(who, ev)
                    added = True
        if lemma in lex("mediate-verb"):
            agents = [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            # (who chairs a coalition or a body mediates nothing: only talks, or no object, say so)
            if not agents and tok.dep_ not in ("amod", "acl") and all(
                    o.lemma_.lower() in lex("talks-noun-lemma") for o in children(tok, "dobj")):
                agents = [s for s in tok.children if s.dep_ == "nsubj"]
            for a in agents:
                for who in reader.actors_of(a):
                    t.mediators.setdefault(who, ev)
                    t.participants.pop(who, None)
                    added = True
    if added and ev not in t.evidence:
        t.evidence.append(ev)


def _trigger_talks(view: SentenceView, tracker: _Tracker, ctx: Discourse, triggers: list[tuple[int, int]],
                   meetings: dict[tuple[int, int], list[str]] | None = None) -> None:
    text = view.text
    groups: list[tuple[int, int, int, int]] = []  # window lo, hi, trigger start, end
    for a, b in triggers:
        # (the city of a wire dateline is where the report was filed: no party)
        c0, c1 = max(clause_start(text, a), dateline_end(text)), clause_end(text, b)
        if groups and groups[-1][0] == c0 and a - groups[-1][3] < 25:
            lo, _hi, s0, _e0 = groups[-1]
            groups[-1] = (lo, c1, s0, b)  # "held talks", "round of negotiations" stay one mention
            continue
        groups.append((c0, c1, a, b))
    same: TalksRecord | None = None
    for i, (lo, hi, a, b) in enumerate(groups):
        if i:  # "... speak to Putin on Tuesday and discuss ... after positive talks in Moscow"
            lo = max(lo, groups[i - 1][3])
            joints = list(_JOINT.finditer(text, lo, a))
            if joints:
                lo = joints[-1].start()
        hi = min(hi, groups[i + 1][2] if i + 1 < len(groups) else hi)
        # a later mention in a sentence that already named talks is the same talks unless it
        # brings a date, place or round of its own ("The dialogue, called the highest-level dialogue ...")
        same = _window_talks(view, tracker, ctx, lo, hi, a, b, same, (meetings or {}).get((a, b))) or same


def _window_talks(view: SentenceView, tracker: _Tracker, ctx: Discourse, lo: int, hi: int, a: int, b: int,
                  same: TalksRecord | None = None, met: list[str] | None = None) -> TalksRecord | None:
    """Read one talks mention; returns the talks it names, if any."""
    res, text, sent = view.res, view.text, view.sent
    # what a speaker says about talks is not said by the talks' participants...
    said = speakers(view, ctx)
    frames = [f for f in said if f.verb_end <= a and f.verb_end >= lo]
    lo = max([lo, *(f.verb_end for f in frames)])
    # ... nor by one who speaks after it ("Witkoff met Putin on Friday, the Kremlin said"): the window ends at the speaker
    for f in said:
        if b <= f.verb_start < hi and _content_before(view, f.verb_start, f.verb_end):
            hi = min([hi, *(s for s, _e, m in view.actor_mentions() if m.entity in f.actors and b <= s < f.verb_start)])
            if not f.actors:  # "..., officials said, adding ...": the clause of an unnamed speaker
                comma = text.rfind(",", b, f.verb_start)
                hi = min(hi, comma) if comma >= 0 else hi
    # ... unless he speaks of himself: "Trump said he plans to speak to Putin"
    himself = list(frames[-1].actors) if frames and re.match(r"\s*(?:that\s+)?(?:he|she)\b", text[lo:], re.I) else []
    local = text[lo:hi]
    if res.lexicon["hedge"].search(text, max(lo, a - 50), a) and re.search(r"rumou?r|speculat|seem", text, re.I):
        return None
    planned = any(not _in_aside(view, m.start(), a) for m in res.lexicon["talks-planned"].finditer(text, max(lo, a - 60), min(hi, b + 15)))
    status = "Planned" if planned else "Held"
    anaphor = res.lexicon["talks-anaphor"].search(text, max(lo, a - 30), min(hi, b + 5))
    event = (met is not None or res.lexicon["talks-verb"].search(text, a, b) or res.lexicon["talks-verb-parties"].search(text, a, b)
             or _event_before(text, res, lo, a, b)
             or _event_after(text, res, b, hi)
             or _with_partner(view, a, b, hi))
    speak = res.lexicon["talks-speak"].fullmatch(text, a, b)
    mutual = res.lexicon["reciprocal"].search(text, b, b + 20)
    if speak and not (mutual is not None and not text[b:mutual.start()].strip()) and not any(
            b <= s0 <= b + 40 and not re.search(r"[,;]", text[b:s0]) for s0, _e, _m in view.actor_mentions()):
        return None  # "speaking to reporters in Kyiv": talks are with someone named
    places = _talks_places(view, lo, hi)
    if not event and (places or any(lo <= dm.start < hi for dm in sent.dates)):
        # "hosted leaders at the Elysee on Thursday for a summit": talks with a where or a when
        event = _past_argument(view, a, b, stance_verbs=False)
    if not places and tracker.dateline is not None and res.lexicon["dateline-here"].search(text, lo, hi):
        places = [tracker.dateline]  # "held talks here" in a report datelined BEIJING
    fmt = _format(local, res, bool(places))
    rounds = _rounds(local)
    phone = _is_phone(fmt)
    if phone:
        places = []
    mediators = _by_pattern(view, "mediator")
    hosts = _by_pattern(view, "host")
    persons_only = phone and sum("Person" in res.entities[m.entity].types for _s, _e, m in view.actor_mentions()) >= 2
    participants = himself + [p for p in _participants(view, ctx, lo, hi, set(mediators) | set(hosts), persons_only)
                              if p not in himself and not _in_other_clause(view, p, a)]
    participants += [p for p in met or [] if p not in participants]  # both sides of "was received by X"
    setting = _setting_subjects(view, tracker, ctx, a, b)
    participants += [p for p in setting if p not in participants]
    if res.lexicon["same-group"].search(text, lo, a):  # "The next day the same group sat down with Putin"
        participants += [p for p in tracker.group if p not in participants]
    group = [p for p in participants if any(m.entity == p and lo <= s0 < a for s0, _e, m in view.actor_mentions())]
    joined = res.lexicon["joined-by"].search(text, lo, hi)
    if joined is not None:  # "met Zelensky, joined by Macron, Merz and Starmer"
        participants += [m.entity for s0, _e, m in view.actor_mentions()
                         if s0 >= joined.end() and m.entity not in participants and not m.modifier]
    window_dates = [dm for dm in sent.dates if lo <= dm.start < hi]
    dates_all = [d for dm in window_dates for d in dm.dates]
    date = sent.date_near(a) if window_dates else None
    if date is not None and not any(date in dm.dates for dm in window_dates):
        date = window_dates[0].dates[0] if window_dates[0].dates else None
    rule = f"talks.{fmt.replace(' ', '-')}"
    if not (event or anaphor or rounds):
        sides = {res.side_of(p) for p in participants}
        if not (places and len(sides) >= 2 and _BETWEEN.search(local)):
            return None
    specs: list[tuple[int | None, dt.date | None]]
    if len(rounds) > 1 and len(dates_all) == len(rounds):
        specs = list(zip(rounds, dates_all, strict=True))
    else:
        specs = [(r, date) for r in rounds] or [(None, date)]
    targets: list[TalksRecord] = []
    created: set[int] = set()   # talks this mention introduces ("the talks between X and Y in Doha on Tuesday")
    for rnd, day in specs:
        found = tracker.find(fmt, status, day, rnd, places, anaphoric=bool(anaphor))
        if found is None and same is not None and same.status == status and not (places or day or rnd):
            found = same
        if found is None:
            if anaphor is not None and not event and not (places and day):
                continue  # "the talks" refers back; only "at the talks in Istanbul on May 16" is new
            sides = {res.side_of(p) for p in participants}
            enough = (len(sides) >= 2 or (bool(places) and len(sides) >= 1) or rnd is not None
                      or (bool(places) and (fmt == "summit" or bool(day))))
            if phone:  # both callers: two people, or the leaders of two sides ("leaders of Britain and France took part in the call")
                enough = (sum("Person" in res.entities[p].types for p in participants) >= 2
                          or len({res.side_of(p) for p in participants}) >= 2)
            if fmt == "signing ceremony":
                enough = enough and bool(places or day)  # a ceremony has a where or a when
            if planned and not (day and len(participants) >= 2):
                continue
            if res.lexicon["talks-verb-parties"].fullmatch(text, a, b):
                # "Russian and American negotiators sat down in Riyadh": the parties are the subject
                # before the verb, two sides at least ("protesters gathered in Kyiv" is none)
                before = {m.entity for s0, _e, m in view.actor_mentions() if lo <= s0 < a or (  # (and "with X", "alongside X")
                    s0 >= b and (w := res.lexicon["partner-after"].search(text, b, s0)) is not None
                    and re.fullmatch(r"\s+(?:[\w.'’-]+\s+){0,4}", text[w.end():s0]) is not None and not text[b:w.start()].strip())
                    or (s0 >= b and res.lexicon["member-word"].search(text, b, s0))}  # ("the leaders gathered there included X")
                group = tracker.group if res.lexicon["same-group"].search(text, lo, a) else []
                participants = [p for p in participants if p in before or p in (met or []) or p in group]
                if len({res.side_of(p) for p in participants}) < 2:
                    continue
            if not enough:
                continue
            found = TalksRecord(tracker.doc.doc_id, len(tracker.talks), fmt, status, day, rnd)
            tracker.talks.append(found)
            created.add(id(found))
        targets.append(found)
    for t in targets:
        if t.format == "meeting" and fmt == "summit":
            t.format = fmt  # ("held talks on Monday at a Normandy-format summit": the more specific word)
        ev = tracker.evidence(sent, rule, t.date or date)
        t.evidence.append(ev)
        if t.date is None and date is not None and len(targets) == 1 and not anaphor:
            t.date = date
        if t.round is None and len(rounds) == 1:
            t.round = rounds[0]
        tracker.add_places(t, places, ev)
        # (who acts at talks named again takes part in them: "During the meeting, Vance told Zelensky ...")
        for p in participants if event or not anaphor or id(t) in created else setting:
            t.participants.setdefault(p, ev)
        for p in mediators:
            t.mediators.setdefault(p, ev)
        for p in hosts:
            t.hosts.setdefault(p, ev)
            # a leader who hosts a summit or a guest takes part ("Macron hosted 30 leaders at the
            # Elysee for a summit"); who hosts talks between two other sides is only their host
            others = [x for x in t.participants if res.side_of(x) != res.side_of(p)]
            if res.entities[p].kind == "Person" and _side_count(res, others) != 2 and p not in t.mediators:
                t.participants.setdefault(p, ev)
        agreed = res.lexicon["talks-agreed"].search(text)
        if agreed:
            for hit in find_issues(text, agreed.end(), hi, res, tracker.doc.doc_id):
                t.agreed.setdefault(hit.code, ev)
        tracker.recent, tracker.recent_at = t, sent.index
        tracker.group = group or tracker.group
    return targets[-1] if targets else None
