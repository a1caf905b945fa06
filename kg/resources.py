"""Locate and load the curated data in ``ontology/``: gazetteer, codebook, trigger lexicon.

The data is Turtle; this module turns it into plain Python structures the extractors use.
Nothing here is curated knowledge itself: every alias, trigger and pattern is read from data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import OntologyError

if TYPE_CHECKING:  # rdflib is heavy: import it only where it is used
    from rdflib import Graph

ONTOLOGY_FILES = ("ontology.ttl", "codebook.ttl", "gazetteer.ttl")
LINK_FILES = ("wikidata.ttl",)  # optional: links of gazetteer entries to public knowledge bases
SHAPES_FILE = "shapes.ttl"
LEXICON_FILE = "lexicon.ttl"


def _data_dir(name: str) -> Path | None:
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / name, here / "_data" / name):
        if candidate.is_dir():
            return candidate
    return None


def default_ontology_dir() -> Path:
    """The shipped ``ontology/`` folder (repo checkout or installed package data)."""
    found = _data_dir("ontology")
    if found is None:
        raise OntologyError("cannot find the ontology folder; pass --ontology DIR")
    return found


def default_corpus_dir() -> Path:
    """``./corpus`` when it exists, else the corpus shipped with the package."""
    local = Path("corpus")
    if local.is_dir():
        return local
    found = _data_dir("corpus")
    if found is None:
        raise OntologyError("cannot find the default corpus; pass PATH")
    return found


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a lexicon pattern: case-insensitive, word-bounded, spaces match white space.

    >>> bool(compile_pattern("bottom line").search("its own bottom\\nline"))
    True
    >>> bool(compile_pattern("demand").search("demanded"))
    False
    """
    body = re.sub(r"(?<!\\) ", r"\\s+", pattern)
    try:
        return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise OntologyError(f"bad pattern {pattern!r} in the lexicon: {exc}") from None


def join_patterns(patterns: list[str]) -> re.Pattern[str]:
    """One word-bounded alternation of several lexicon patterns."""
    ordered = sorted(set(patterns), key=lambda p: (-len(p), p))
    return compile_pattern("|".join(f"(?:{p})" for p in ordered))


@dataclass(frozen=True)
class Entity:
    """An actor or place of the gazetteer."""

    iri: str
    label: str
    types: frozenset[str]
    aliases: tuple[str, ...] = ()
    represents: str | None = None
    role: str | None = None
    head_of_state: bool = False
    demonyms: tuple[str, ...] = ()
    located_in: str | None = None
    stands_for: str | None = None
    part_of: str | None = None
    scoped_aliases: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def is_actor(self) -> bool:
        return bool(self.types & {"Person", "Country", "Organization", "Group"})

    @property
    def is_commentator(self) -> bool:
        return "Commentator" in self.types

    @property
    def is_place(self) -> bool:
        return "Place" in self.types

    @property
    def kind(self) -> str:
        for t in ("Person", "Country", "Organization", "Group", "Place", "Media"):
            if t in self.types:
                return t
        return "Thing"


@dataclass(frozen=True)
class IssueDef:
    """A codebook concept with the patterns that detect it."""

    code: str
    iri: str
    label: str
    group: str | None
    patterns: tuple[re.Pattern[str], ...]
    scoped: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = ()
    framing: bool = False
    withdrawal_by: str | None = None  # the side whose withdrawal this issue is


@dataclass(frozen=True)
class LemmaPattern:
    """A token pattern of the lexicon: ``lemma[:POS] [+child] [^head] [-^head] [=dep]``.

    ``^@name`` asks for a head whose lemma is in the lexicon ``name`` (``head_in`` once loaded).

    >>> p = parse_lemma_pattern("call:VERB +for")
    >>> (p.lemma, p.pos, p.child, p.weight)
    ('call', 'VERB', 'for', 3)
    >>> p = parse_lemma_pattern("issue:NOUN =nsubj ^@content-verb")
    >>> (p.dep, p.head, p.weight)
    ('nsubj', '@content-verb', 4)
    """

    lemma: str
    pos: str | None = None
    child: str | None = None
    head: str | None = None
    not_head: str | None = None
    dep: str | None = None
    head_in: frozenset[str] | None = field(default=None, repr=False)
    source: str = field(default="", compare=False)  # as written in the lexicon, for messages

    def __str__(self) -> str:
        return self.source or self.lemma

    @property
    def weight(self) -> int:
        return 1 + sum(x is not None for x in (self.pos, self.child, self.head or self.head_in, self.not_head, self.dep))

    def matches(self, tok: Any) -> bool:
        """True if a spaCy token fits the pattern.

        The lemma matches the token's lemma or a regular inflection of it (the statistical
        lemmatizer sometimes errs: "hoped" → "hop"). A child is a dependent or the ``to`` of a
        complement clause ("prepare to resume").
        """
        if (self.pos is not None and tok.pos_ != self.pos) or not (
                tok.lemma_.lower() == self.lemma or tok.text.lower() in inflections(self.lemma)):
            return False
        if self.child is not None and not any(c.lemma_.lower() == self.child and not _after_object(tok, c)
                                              for c in _dependents(tok)):
            return False
        if self.dep is not None and tok.dep_ != self.dep:
            return False
        head = tok.head.lemma_.lower() if tok.head is not tok else ""
        if (self.head is not None and head != self.head) or (self.head_in is not None and head not in self.head_in):
            return False
        return self.not_head is None or head != self.not_head


def _after_object(tok: Any, child: Any) -> bool:
    """A preposition after the verb's direct object belongs to the object's phrase, not to a
    phrasal verb ("called the terms for a truce unacceptable" is no "call for"); after a name or a
    pronoun it is the verb's ("asked Brussels for aid", "asked them for weapons")."""
    return bool(child.dep_ == "prep" and any(c.dep_ == "dobj" and c.i < child.i and c.pos_ not in ("PROPN", "PRON")
                                             for c in tok.children))


def inflections(lemma: str) -> frozenset[str]:
    """Regular inflections of an English word (a fallback where the lemmatizer errs).

    >>> sorted(inflections("hope")), sorted(inflections("supply")), sorted(inflections("agree"))
    (['hope', 'hoped', 'hopes', 'hoping'], ['supplied', 'supplies', 'supply', 'supplying'], ['agree', 'agreed', 'agreeing', 'agrees'])
    >>> sorted(inflections("commit"))
    ['commit', 'commited', 'commiting', 'commits', 'committed', 'committing']
    """
    w = lemma
    cons_y = w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou"
    third = w[:-1] + "ies" if cons_y else w + ("es" if w.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    past = w + "d" if w.endswith("e") else (w[:-1] + "ied" if cons_y else w + "ed")
    ing = w[:-1] + "ing" if w.endswith("e") and not w.endswith("ee") else w + "ing"
    forms = {w, third, past, ing}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", w):  # "commit" → "committed", "plan" → "planning"
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return frozenset(forms)


def _dependents(tok: Any) -> list[Any]:
    out = list(tok.children)
    out += [g for c in tok.children if c.dep_ in ("xcomp", "ccomp") for g in c.children if g.dep_ in ("aux", "mark")]
    # "called for Ukraine to give up": the parser may make "for" the mark of a clause right after the verb
    out += [g for c in tok.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark" and g.i == tok.i + 1]
    return out


def parse_lemma_pattern(text: str) -> LemmaPattern:
    """Read one ``lex:lemma`` value (see ``ontology/lexicon.ttl``)."""
    lemma = pos = child = head = not_head = dep = None
    for item in text.split():
        if item.startswith("="):
            dep = item[1:]
        elif item.startswith("+"):
            child = item[1:].lower()
        elif item.startswith("-^"):
            not_head = item[2:].lower()
        elif item.startswith("^"):
            head = item[1:].lower()
        elif lemma is None:
            lemma, _, p = item.partition(":")
            pos = p.upper() or None
        else:
            raise OntologyError(f"bad lemma pattern {text!r}: two lemmas")
    if not lemma:
        raise OntologyError(f"bad lemma pattern {text!r}: no lemma")
    return LemmaPattern(lemma.lower(), pos, child, head, not_head, dep, source=" ".join(text.split()))


@dataclass(frozen=True)
class StanceTrigger:
    rule: str
    stance: str
    patterns: tuple[LemmaPattern, ...]
    when_negated: str = "flip"   # "flip" (polarity turns) or "none" (the trigger says nothing)
    nominal: bool = False        # states only a noun phrase: "the point is that ..." is no stance
    object_only: bool = False    # the issue is what the verb acts on ("swapped prisoners"), not any phrase of it


@dataclass(eq=False)  # hashed by identity: loaded once, used as a cache key
class Resources:
    """Everything the pipeline needs from ``ontology/``, loaded once."""

    directory: Path
    graph: Graph
    entities: dict[str, Entity]
    issues: dict[str, IssueDef]
    groups: dict[str, str]
    triggers: list[StanceTrigger]
    lexicon: dict[str, re.Pattern[str]]
    raw_lexicon: dict[str, list[str]] = field(default_factory=dict)
    lemmas: dict[str, frozenset[str]] = field(default_factory=dict)
    # Look-ups derived from the data, built once. Views made with ``dataclasses.replace`` (a
    # document's provisional actors, which have no aliases or demonyms) share this dict.
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def derived(self, key: str, build: Callable[[Resources], Any]) -> Any:
        """A look-up derived from the data, built on first use and shared with views."""
        if key not in self.memo:
            self.memo[key] = build(self)
        return self.memo[key]

    @property
    def by_demonym(self) -> dict[str, str]:
        """Lower-case demonym → the country or organisation it names ("russian" → Russia)."""
        return self.derived("by-demonym", lambda r: {d.lower(): e.iri for e in r.entities.values() for d in e.demonyms})  # type: ignore[no-any-return]

    @property
    def fact_words(self) -> frozenset[str]:
        """Word forms without which a sentence states nothing the extractors read: stance
        triggers, obligation modals, judgements, delegation and mediation verbs, with their inflections."""
        def build(r: Resources) -> frozenset[str]:
            words = set(r.trigger_index)
            for name in ("obligation", "lead-verb", "member-verb", "mediate-verb", "meeting-verb", "meeting-with-verb",
                         "participate-verb", "accompany-verb", "bring-verb", "represent-verb", "facing-verb", "delegation-noun",
                         "withdraw-verb", "exit-verb", "address-verb", "presence-word", "face-verb", "seat-verb",
                         "evaluation-support", "evaluation-demand",
                         "evaluation-acceptance", "evaluation-rejection", "plan-noun", "denial-word", "exception-preposition"):
                for lemma in r.lemma_set(name):
                    words |= inflections(lemma.replace("+", "").split()[-1])  # ("dead end", "take +part": "end", "part")
            words |= {form for form, lemma in (x.split() for x in r.lemma_set("irregular-form")) if lemma in words}
            return frozenset(words)
        return self.derived("fact-words", build)  # type: ignore[no-any-return]

    @property
    def referent_words(self) -> frozenset[str]:
        """Words that stand for an actor without being a gazetteer mention (pronouns, demonyms, "both",
        "the plan" for its author)."""
        def build(r: Resources) -> frozenset[str]:
            words = set(r.by_demonym)
            for name in ("person-pronoun", "speaker-pronoun", "body-pronoun", "pair-word"):
                words |= r.lemma_set(name)
            for lemma in r.lemma_set("plan-noun"):
                words |= inflections(lemma)
            words |= {entry.split()[0] for entry in r.lemma_set("count-word")}  # ("the four leaders")
            return frozenset(words)
        return self.derived("referent-words", build)  # type: ignore[no-any-return]

    @property
    def trigger_index(self) -> dict[str, list[tuple[LemmaPattern, StanceTrigger]]]:
        """Lemma or inflected form → the stance-trigger patterns whose lemma it is."""
        def build(r: Resources) -> dict[str, list[tuple[LemmaPattern, StanceTrigger]]]:
            out: dict[str, list[tuple[LemmaPattern, StanceTrigger]]] = {}
            for trig in r.triggers:
                for pat in trig.patterns:
                    for form in inflections(pat.lemma):
                        out.setdefault(form, []).append((pat, trig))
            return out
        return self.derived("trigger-index", build)  # type: ignore[no-any-return]

    def lemma_set(self, name: str) -> frozenset[str]:
        """A lemma lexicon by name (an unknown name is a bug in the caller)."""
        return self.lemmas[name]

    def side_of(self, iri: str) -> str:
        """The party an actor speaks for: a person's country/organisation, else itself."""
        seen: set[str] = set()
        while iri in self.entities and iri not in seen:
            seen.add(iri)
            ent = self.entities[iri]
            nxt = ent.represents or (ent.part_of if "Organization" in ent.types else None)
            if nxt is None:
                break
            iri = nxt
        return iri

    def ancestors(self, place: str) -> list[str]:
        """The chain of ``kg:locatedIn`` above a place (nearest first)."""
        out: list[str] = []
        cur = self.entities.get(place)
        while cur is not None and cur.located_in and cur.located_in not in out:
            out.append(cur.located_in)
            cur = self.entities.get(cur.located_in)
        return out


def _parse(directory: Path, names: tuple[str, ...]) -> Graph:
    from rdflib import Graph

    graph = Graph()
    for name in names:
        path = directory / name
        if not path.is_file():
            raise OntologyError(f"missing ontology file {path}")
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many parser types
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise OntologyError(f"cannot parse {path}: {first}") from None
    return graph


def _entities(graph: Graph) -> dict[str, Entity]:
    from rdflib import RDF, RDFS, SKOS, Literal

    from .namespaces import KG

    kinds: dict[Any, str] = {KG.Person: "Person", KG.Country: "Country", KG.Organization: "Organization",
             KG.Group: "Group", KG.Place: "Place", KG.Media: "Media", KG.Commentator: "Commentator"}
    subjects = {s for k in kinds for s in graph.subjects(RDF.type, k)}
    out: dict[str, Entity] = {}

    def one(s, p):  # type: ignore[no-untyped-def]
        vals = sorted(str(o) for o in graph.objects(s, p))
        return vals[0] if vals else None

    for s in sorted(subjects, key=str):
        types = frozenset(kinds[t] for t in graph.objects(s, RDF.type) if t in kinds)
        scoped = []
        for node in graph.objects(s, KG.scopedAlias):
            text = one(node, KG.aliasText)
            docs = frozenset(str(d) for d in graph.objects(node, KG.inDocument))
            if text:
                scoped.append((text, docs))
        head = graph.value(s, KG.headOfState)
        out[str(s)] = Entity(
            iri=str(s),
            label=one(s, RDFS.label) or str(s),
            types=types,
            aliases=tuple(sorted(str(o) for o in graph.objects(s, SKOS.altLabel))),
            represents=one(s, KG.represents),
            role=one(s, KG.role),
            head_of_state=isinstance(head, Literal) and bool(head.toPython()),
            demonyms=tuple(sorted(str(o) for o in graph.objects(s, KG.demonym))),
            located_in=one(s, KG.locatedIn),
            stands_for=one(s, KG.standsFor),
            part_of=one(s, KG.partOf),
            scoped_aliases=tuple(sorted(scoped, key=lambda x: x[0])),
        )
    return out


def _leader_pattern(entities: dict[str, Entity]) -> str:
    names = {a for e in entities.values() if e.head_of_state for a in (e.label, *e.aliases)}
    alts = sorted((re.escape(n).replace(r"\ ", " ") for n in names), key=lambda n: (-len(n), n))
    generic = r"(?:the )?(?:two )?(?:leaders|presidents|heads of state)"
    return "(?:" + "|".join([*alts, generic]) + ")"


def _issues(graph: Graph, entities: dict[str, Entity]) -> tuple[dict[str, IssueDef], dict[str, str]]:
    from rdflib import RDF, RDFS, SKOS

    from .namespaces import KG

    leader = _leader_pattern(entities)
    issues: dict[str, IssueDef] = {}
    groups: dict[str, str] = {}
    for s in sorted(graph.subjects(RDF.type, KG.Issue), key=str):
        code = str(graph.value(s, SKOS.notation))
        broader = graph.value(s, SKOS.broader)
        pats = sorted(str(p) for p in graph.objects(s, KG.triggerPattern))
        if broader is None and not pats:
            groups[code] = str(s)
            continue
        scoped = []
        for node in graph.objects(s, KG.scopedTrigger):
            docs = frozenset(str(d) for d in graph.objects(node, KG.inDocument))
            for p in sorted(str(x) for x in graph.objects(node, KG.triggerPattern)):
                scoped.append((compile_pattern(p.replace("{LEADER}", leader)), docs))
        issues[code] = IssueDef(
            code=code,
            iri=str(s),
            label=str(graph.value(s, RDFS.label) or code),
            group=str(graph.value(broader, SKOS.notation)) if broader is not None else None,
            patterns=tuple(compile_pattern(p.replace("{LEADER}", leader)) for p in pats),
            scoped=tuple(scoped),
            framing=bool(graph.value(s, KG.framingIssue)),
            withdrawal_by=str(w) if (w := graph.value(s, KG.withdrawalBy)) is not None else None,
        )
    return issues, groups


def _lexicon(directory: Path) -> tuple[list[StanceTrigger], dict[str, re.Pattern[str]], dict[str, list[str]],
                                      dict[str, frozenset[str]]]:
    from rdflib import RDF, URIRef

    from .namespaces import LEX

    graph = _parse(directory, (LEXICON_FILE,))
    triggers: list[StanceTrigger] = []
    for s in sorted(graph.subjects(RDF.type, LEX.StanceTrigger), key=str):
        stance = graph.value(s, URIRef("https://w3id.org/parley/ontology#stance"))
        rule = str(graph.value(s, LEX.rule) or str(s).split("#")[-1])
        pats = sorted(str(p) for p in graph.objects(s, LEX.lemma))
        if stance is None or not pats:
            raise OntologyError(f"stance trigger {s} needs kg:stance and lex:lemma")
        negated = str(graph.value(s, LEX.whenNegated) or "flip")
        triggers.append(StanceTrigger(rule, str(stance).split("#")[-1], tuple(parse_lemma_pattern(p) for p in pats), negated,
                                      bool(graph.value(s, LEX.nominal)), bool(graph.value(s, LEX.objectOnly))))
    raw: dict[str, list[str]] = {}
    lists: dict[str, re.Pattern[str]] = {}
    lemmas: dict[str, frozenset[str]] = {}
    for s in sorted(graph.subjects(RDF.type, LEX.Lexicon), key=str):
        name = str(s).split("#")[-1]
        words = sorted(str(p).lower() for p in graph.objects(s, LEX.lemma))
        if words:
            lemmas[name] = frozenset(words)
        pats = sorted(str(p) for p in graph.objects(s, LEX.pattern))
        if pats:
            raw[name] = pats
            lists[name] = join_patterns(pats)
    return [_resolve_heads(t, lemmas) for t in triggers], lists, raw, lemmas


def _resolve_heads(trigger: StanceTrigger, lemmas: dict[str, frozenset[str]]) -> StanceTrigger:
    """Replace ``^@name`` heads by the lemma set of the lexicon ``name``."""
    pats = []
    for p in trigger.patterns:
        if p.head is not None and p.head.startswith("@"):
            if p.head[1:] not in lemmas:
                raise OntologyError(f"lemma pattern of {trigger.rule!r} names no lexicon {p.head[1:]!r}")
            # an entry with a particle ("set +out") names its verb ("set")
            p = replace(p, head=None, head_in=frozenset(e.split(" +")[0] for e in lemmas[p.head[1:]]))
        pats.append(p)
    return replace(trigger, patterns=tuple(pats))


@lru_cache(maxsize=4)
def load_resources(directory: Path | None = None) -> Resources:
    """Load (once per folder) the ontology, codebook, gazetteer and lexicon."""
    directory = Path(directory) if directory is not None else default_ontology_dir()
    if not directory.is_dir():
        raise OntologyError(f"ontology folder {directory} does not exist")
    graph = _parse(directory, ONTOLOGY_FILES + tuple(n for n in LINK_FILES if (directory / n).is_file()))
    entities = _entities(graph)
    issues, groups = _issues(graph, entities)
    triggers, lists, raw, lemmas = _lexicon(directory)
    required = {"abstain-preposition", "abstain-verb", "accompany-verb", "acquire-verb", "address-verb", "agent-adjective",
                "agent-noun", "agent-preposition", "agreement-noun", "along-adverb", "alternative-noun", "anaphoric-noun",
                "arrive-verb", "ask-verb", "attitude-verb", "author-verb", "behalf-preposition", "beside-preposition", "body-pronoun",
                "briefer-label", "bring-verb", "causative-verb", "chrome-line", "circumstance-preposition", "clause-start",
                "condition-mark", "condition-only", "condition-only-adverb", "condition-until", "condition-verb",
                "condition-verb-preposition", "conflict-noun", "content-mark", "content-verb", "convene-verb", "copula", "count-word",
                "dateline-here", "definite-determiner", "delegation-noun", "demand-noun", "denial-word", "destination-preposition",
                "encounter-verb", "evaluation-acceptance", "evaluation-demand", "evaluation-noun", "evaluation-phrase-acceptance",
                "evaluation-phrase-rejection", "evaluation-rejection", "evaluation-support", "event-preposition",
                "example-preposition", "exception-preposition", "exit-verb", "face-verb", "facing-verb", "failure",
                "firm-when-negated", "future-aux", "gathering-noun", "generic-speaker-noun", "given-preposition", "guest-noun",
                "head-of-government-word", "hedge", "hedge-mark", "hedge-word", "holder-verb", "host-verb", "irregular-form",
                "joined-by", "judge-verb", "judged-for-preposition", "lead-verb", "leader-noun", "light-noun", "means-preposition",
                "mediate-verb", "meeting-verb", "meeting-with-verb", "member-noun", "member-verb", "member-word", "necessity-verb",
                "negation-adverb", "negative-determiner", "object-preposition", "obligation", "owner-preposition", "pair-noun",
                "pair-word", "participate-verb", "partitive-preposition", "partner-after", "partner-lead", "partner-preposition",
                "pending-adverb", "person-pronoun", "place-preposition", "plan-noun", "plural-pronoun", "points-noun",
                "predicative-preposition", "preposition-word", "presence-word", "price-noun", "price-preposition", "purpose-noun",
                "purpose-preposition", "question-label", "question-mark", "question-verb", "reciprocal", "relative-pronoun",
                "renounce-noun", "renounce-preposition", "renounce-verb", "reply-no", "reply-yes", "represent-verb", "retreat-verb",
                "same-group", "seat-verb", "send-verb", "setting-preposition", "share-verb", "shared-stance-noun", "side-noun-lemma",
                "sign-verb", "speaker-pronoun", "speech", "speech-verb", "spokes-word", "stance-noun", "statement-noun",
                "subject-owner-preposition", "talks-blocking-verb", "talks-noun", "talks-noun-lemma", "talks-spoke",
                "talks-verb-parties", "tense-future", "tense-past", "territory-noun", "threat-word", "title-noun", "travel-to",
                "troop-noun", "withdraw-preposition", "withdraw-verb"}
    missing = required - lists.keys() - lemmas.keys()
    if missing:
        raise OntologyError(f"lexicon lacks {', '.join(sorted(missing))}")
    return Resources(directory, graph, entities, issues, groups, triggers, lists, raw, lemmas)
