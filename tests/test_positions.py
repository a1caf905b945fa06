"""Position extraction: sentence → expected (holder, stance, issue) records.

Most sentences are written for these tests (other rounds: Istanbul 2022 and 2025, Jeddah,
the grain deal, peace summits); a few come from the seed articles.
"""

import pytest

from kg.documents import parse_document
from kg.extract.positions import extract_positions
from kg.nlp import prepare

ID = "https://w3id.org/parley/id/actor/"

CASES = [
    # reported speech: the speaker holds the position
    ("Peskov said on the 7th that Russia's demands include stopping all military operations and "
     "writing neutrality status into the constitution.",
     {("dmitry-peskov", "Demand", "ceasefire"), ("dmitry-peskov", "Demand", "neutrality")}),
    # enumeration after a colon, a noun trigger beating the verb
    ("Putin proposed three conditions: recognition of Russia's sovereignty over Crimea; "
     "Ukraine's demilitarization; Ukraine's neutrality.",
     {("vladimir-putin", "Demand", "crimea"), ("vladimir-putin", "Demand", "demilitarization"),
      ("vladimir-putin", "Demand", "neutrality")}),
    # negation flips, double negation accepts
    ("Russian President Vladimir Putin said Moscow would not accept a ceasefire that allows Ukraine to rearm.",
     {("vladimir-putin", "Rejection", "ceasefire")}),
    ("Lavrov said that Putin never refused to meet with Zelensky.", {("sergey-lavrov", "Acceptance", "leaders-meeting")}),
    # the speaker of reported speech holds it (guidelines), not the subject of his clause
    ("Ukraine will never recognize Crimea as Russian territory, Zelensky said.", {("volodymyr-zelensky", "Rejection", "crimea")}),
    ("The two sides did not reach an agreement on a ceasefire.", set()),
    # rejection words
    ("Zelensky rejected any territorial concessions to Russia.",
     {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
    ("Moscow has repeatedly ruled out any deal that would leave Ukraine in NATO.",
     {("russia", "Rejection", "nato-membership")}),
    ("Lavrov rejected the proposal for a 30-day ceasefire as a ploy.", {("sergey-lavrov", "Rejection", "ceasefire")}),
    # metonymy and demonym sides
    # a demand that another party give something up opposes it (guidelines' convention)
    ("The Kremlin insists that Ukraine must abandon its bid to join NATO.", {("russia", "Opposition", "nato-membership")}),
    ("The Ukrainian side demanded the withdrawal of Russian troops.", {("ukraine", "Demand", "troop-withdrawal")}),
    # passive agent holds the noun trigger
    ("Ukraine said it was ready to accept a 30-day ceasefire proposed by the United States.",
     {("ukraine", "Acceptance", "ceasefire"), ("united-states", "Proposal", "ceasefire")}),
    # more issues and stances
    ("Ukrainian Foreign Minister Dmytro Kuleba called for the release of all prisoners of war.",
     {("dmytro-kuleba", "Demand", "prisoner-exchange")}),
    ("The European Union agreed to open accession negotiations with Ukraine.",
     {("european-union", "Acceptance", "eu-membership")}),
    ("Hungary blocked the EU's 50 billion euro aid package for Ukraine.", {("hungary", "Opposition", "financial-aid")}),
    ("Guterres welcomed the agreement on the safe passage of grain ships.",
     {("antonio-guterres", "Support", "humanitarian-corridors")}),
    ("UN Secretary-General Antonio Guterres called for an immediate halt to hostilities.",
     {("antonio-guterres", "Demand", "ceasefire")}),
    ("Medinsky demanded that Ukraine withdraw its forces from the four regions.",  # (a demand that Ukraine withdraw: the guidelines)
     {("vladimir-medinsky", "Demand", "annexed-regions"), ("vladimir-medinsky", "Demand", "territorial-concessions")}),
    ("Erdogan said Turkey was ready to mediate between Moscow and Kyiv.",
     {("recep-tayyip-erdogan", "Acceptance", "peace-talks")}),
    ("Russia wants Ukraine to remain neutral and to limit the size of its army.",
     {("russia", "Demand", "neutrality"), ("russia", "Demand", "demilitarization")}),
    ("Zelensky called on Western allies to tighten sanctions against Russia.",
     {("volodymyr-zelensky", "Demand", "sanctions")}),
    ("Sybiha said Kyiv was prepared to discuss security guarantees with European partners.",
     {("andrii-sybiha", "Acceptance", "security-guarantees")}),
    ("Russia opposes the deployment of European peacekeepers in Ukraine.", {("russia", "Opposition", "security-guarantees")}),
    # the framing issue (negotiations) drops out behind a specific one
    ("Ukraine still insists on the bottom line of negotiations for the retreat of the Russian army.",
     {("ukraine", "Demand", "troop-withdrawal")}),
    # Istanbul 2025 style
    # ceding a region is a territorial concession (guidelines: the region is optional)
    ("Zelensky said Ukraine would not cede the Donbas region.",
     {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
    ("The Kremlin said Russia demands that Ukraine withdraw from the four regions and renounce its NATO ambitions.",
     {("russia", "Demand", "annexed-regions"), ("russia", "Opposition", "nato-membership"),
      ("russia", "Demand", "territorial-concessions")}),
    ("European leaders called for an unconditional 30-day ceasefire.", {("european-countries", "Demand", "ceasefire")}),
    # a noun trigger owned by another actor inside a verb's object
    ("Trump rejected Zelensky's demand for security guarantees.",
     {("donald-trump", "Rejection", "security-guarantees"), ("volodymyr-zelensky", "Demand", "security-guarantees")}),
    # not positions: pundits, questions, speculation, conditions, actions
    ("Analysts believe that Russia wants a ceasefire.", set()),
    ("Will Russia accept a ceasefire?", set()),
    ("Russia may put forward territorial demands.", set()),
    ("If the United States stops military aid, Ukraine may accept land for peace.", set()),
    ("Trump is trying to win Putin's support for a ceasefire.", set()),
    ("Russian troops shelled Kharkiv.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_positions(text: str, expected: set[tuple[str, str, str]], doc_of, res) -> None:  # type: ignore[no-untyped-def]
    got = {(p.holder.removeprefix(ID), p.stance, p.issue) for p in extract_positions(doc_of(text), res)}
    assert got == expected


def test_pronoun_resolves_to_the_last_person(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("Zelensky spoke in Kyiv. He called on the EU to grant Ukraine candidate status quickly.")
    got = {(p.holder.removeprefix(ID), p.stance, p.issue) for p in extract_positions(doc, res)}
    assert got == {("volodymyr-zelensky", "Demand", "eu-membership")}


def test_both_sides_are_the_parties_of_the_talks(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("Russian and Ukrainian delegations held talks in Istanbul. "
                 "The two sides agreed to an exchange of prisoners.")
    got = {(p.holder.removeprefix(ID), p.issue) for p in extract_positions(doc, res)}
    assert got == {("russia", "prisoner-exchange"), ("ukraine", "prisoner-exchange")}


def test_evidence_is_the_sentence(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("Intro. On March 3, Lavrov said Russia is willing to include the security issue into the agenda.")
    (p,) = extract_positions(doc, res)
    body = doc.document.body
    assert body[p.evidence.start:p.evidence.end] == p.evidence.quote
    assert p.evidence.quote.startswith("On March 3") and p.evidence.date is not None
    assert p.evidence.rule.startswith("position.accept.speaker")
    assert "security issue" in p.claim


def test_translation_error_trigger_is_scoped(res) -> None:  # type: ignore[no-untyped-def]
    from kg.documents import parse_document
    from kg.nlp import prepare

    text = "Zelensky called on the EU to allow Ukraine to naturalize quickly."
    for doc_id, expected in (("000_b6616b502efea277", {"eu-membership"}), ("another", set())):
        doc = prepare(parse_document(text, doc_id), res)
        assert {p.issue for p in extract_positions(doc, res)} == expected


# Issue 9's failure classes, each with sentences of our own about other rounds, varied in voice,
# order and tense. (holder, stance, issue) as the guidelines code them.
CLASS_CASES = {
    "voice and word order": [
        ("The truce proposal was rejected by Moscow on Tuesday.", {("russia", "Rejection", "ceasefire")}),
        ("A ceasefire, Kyiv said, must come before any talks on territory.", {("ukraine", "Demand", "ceasefire")}),
        ("Rejecting the plan for a truce, the Kremlin said the front line had to move first.",
         {("russia", "Rejection", "ceasefire")}),
        ("Ankara has proposed several short truces along the Black Sea coast.", {("turkey", "Proposal", "ceasefire")}),
        ("Sanctions relief was demanded by Moscow as a condition for the grain deal.", {("russia", "Demand", "sanctions")}),
        # a clause the parser fronts as another verb's complement stands alone outside reported speech
        ("The Europeans want a ceasefire before any negotiations; Trump favours a comprehensive peace deal.",
         {("european-countries", "Demand", "ceasefire"), ("donald-trump", "Support", "peace-talks")}),
        # "have to": the subject sits on the modal's verb, the issue may be that subject
        ("Any lasting ceasefire would have to be monitored by the UN, Guterres said.",
         {("antonio-guterres", "Demand", "ceasefire")}),
    ],
    "holders": [
        # who is quoted as saying it speaks; the one told it does not
        ("Lavrov was quoted as saying that Russia would not accept European peacekeepers.",
         {("sergey-lavrov", "Rejection", "security-guarantees")}),
        ("Zelensky was told by Trump that Ukraine must cede territory.", {("donald-trump", "Demand", "territorial-concessions")}),
        ("Zelensky is eager to meet Putin in person.", {("volodymyr-zelensky", "Acceptance", "leaders-meeting")}),
        ("The Kremlin is keen on a new round of talks.", {("russia", "Acceptance", "peace-talks")}),
        # the object of a verb is never the holder
        ("Washington pressed Moscow to accept a truce.", {("united-states", "Demand", "ceasefire")}),
        ("Washington is pushing Kyiv to accept a deal that would cede the Donbas.",
         {("united-states", "Demand", "territorial-concessions")}),
        ("Russian troops pushed to the outskirts of Kharkiv in May.", set()),
        ("Paris urged Kyiv to drop its demand for NATO membership.", {("france", "Opposition", "nato-membership")}),
        # giving up what a gerund names ("its ambition of joining NATO") opposes it
        ("Moscow wants Kyiv to give up its ambition of joining NATO.", {("russia", "Opposition", "nato-membership")}),
        # keeping from it ("refrain from attacks on", "refrain from shelling") opposes it, as the guidelines code attacks on a plant
        ("The IAEA chief urged both sides to refrain from attacks on the Zaporizhzhia nuclear power plant.",
         {("iaea", "Opposition", "nuclear-power-plants")}),
        # every conjunct holds it
        ("Qatar and Turkey support an exchange of prisoners of war.",
         {("qatar", "Support", "prisoner-exchange"), ("turkey", "Support", "prisoner-exchange")}),
        ("U.S. and Russian negotiators agreed to restore embassy staffing.",
         {("united-states", "Acceptance", "bilateral-relations"), ("russia", "Acceptance", "bilateral-relations")}),
        # the speaker of reported speech, in any order, and "according to"
        ("Moscow is ready for direct talks, said Dmitry Peskov.", {("dmitry-peskov", "Acceptance", "peace-talks")}),
        ("According to Sybiha, Ukraine rejects any freeze of the conflict along the front line.",
         {("andrii-sybiha", "Rejection", "ceasefire")}),
        # (giving up a named region is a territorial concession: the guidelines' convention, the region optional)
        ("\"We will never give up Crimea,\" Zelensky told lawmakers in Kyiv.",
         {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
        # the owner of a noun trigger
        ("Beijing's proposal for a political settlement found little support in Kyiv.", {("china", "Proposal", "peace-talks")}),
        ("The demands of the Russian side include the lifting of sanctions.", {("russia", "Demand", "sanctions")}),
        # a title the parser makes the head, the name its apposition
        ("Qatar's foreign minister Mohammed Al Khulaifi urged both sides to agree a humanitarian truce.",
         {("mohammed-al-khulaifi", "Demand", "ceasefire")}),
        ("The Turkish president, Recep Tayyip Erdogan, offered to host a new round of talks.",
         {("recep-tayyip-erdogan", "Proposal", "peace-talks")}),
        ("The Europeans have offered to send peacekeepers.", {("european-countries", "Proposal", "security-guarantees")}),
        # a country's allies are not the country; NATO's allies are NATO
        ("Ukraine's allies have pledged to keep supplying weapons.", {("western-countries", "Support", "military-aid")}),
        ("NATO allies pledged more air defence systems for Kyiv.", {("nato", "Support", "military-aid")}),
        # a title an organisation or country modifies stands for it when no name follows
        ("The IAEA chief called for a safety zone around the nuclear plant.", {("iaea", "Demand", "nuclear-power-plants")}),
        ("The Kremlin spokesman welcomed the prisoner exchange.", {("russia", "Support", "prisoner-exchange")}),
    ],
    "clefts and stance nouns": [
        # the focus of a cleft is what the clause's stance is about, in any order
        ("What Moscow wants, Peskov said, is the recognition of the new territorial realities.",
         {("dmitry-peskov", "Demand", "annexed-regions")}),
        ("Security guarantees are what Kyiv needs most, Zelensky said.", {("volodymyr-zelensky", "Demand", "security-guarantees")}),
        ("The recognition of Crimea as Russian is something Kyiv will never accept.", {("ukraine", "Rejection", "crimea")}),
        ("It is the lifting of sanctions that Russia is seeking.", {("russia", "Demand", "sanctions")}),
        ("A prisoner exchange is something Kyiv has long said it wants.", {("ukraine", "Demand", "prisoner-exchange")}),
        # ... but a relative clause on an ordinary noun is no cleft
        ("Ankara backs a peace conference that Kyiv has not yet endorsed.", {("turkey", "Support", "peace-talks")}),
        # the owner of a position speaks through what it is said to be
        ("Moscow's position is that Kyiv must withdraw its forces from the four regions.",
         {("russia", "Demand", "annexed-regions"), ("russia", "Demand", "territorial-concessions")}),
        ("Russia's position remains unchanged: Ukraine must renounce NATO membership.", {("russia", "Opposition", "nato-membership")}),
        # a judgement that something is indispensable demands it ("non-negotiable" split by the tokenizer)
        ("Neutrality, Lavrov insisted, is non-negotiable for Moscow.", {("sergey-lavrov", "Demand", "neutrality")}),
        ("A full ceasefire is indispensable, the Vatican said.", {("vatican", "Demand", "ceasefire")}),
    ],
    "an issue named again": [
        # a definite noun that heads an issue phrase named before names that issue again
        ("The IAEA is worried about the Zaporizhzhia nuclear power plant. The delegate of Ukraine said Russia must "
         "return the plant to Ukrainian control.", {("ukraine", "Demand", "nuclear-power-plants")}),
        ("Kyiv and Moscow discussed a prisoner exchange on Monday. Peskov said the Kremlin welcomed the exchange.",
         {("dmitry-peskov", "Support", "prisoner-exchange")}),
        # ... not without the earlier phrase, nor when the noun is indefinite
        ("The delegate of Ukraine said Russia must return the plant to Ukrainian control.", set()),
        ("The IAEA is worried about the Zaporizhzhia nuclear power plant. Kyiv wants to build a plant in Lviv.", set()),
    ],
    "terms set out and excluded": [
        # the points, principles or elements an author sets out put a plan forward
        ("The joint statement by Norway and Qatar set out three points: an immediate ceasefire and the exchange of all "
         "prisoners.", {("norway", "Proposal", "ceasefire"), ("norway", "Proposal", "prisoner-exchange"),
                        ("qatar", "Proposal", "ceasefire"), ("qatar", "Proposal", "prisoner-exchange")}),
        ("Erdogan set out six elements, among them: a ceasefire along the front and security guarantees for all countries.",
         {("recep-tayyip-erdogan", "Proposal", "ceasefire"), ("recep-tayyip-erdogan", "Proposal", "security-guarantees")}),
        ("The IAEA chief laid out five principles: no attacks on the nuclear power plant.",
         {("iaea", "Opposition", "nuclear-power-plants")}),
        # a plan an author puts forward is a proposal, its list too when the verb proposes it
        ("Starmer unveiled a plan to stop the fighting.", {("keir-starmer", "Proposal", "ceasefire")}),
        ("Brazil proposed a two-point plan: a ceasefire; an exchange of prisoners.",
         {("brazil", "Proposal", "ceasefire"), ("brazil", "Proposal", "prisoner-exchange")}),
        ("The Kremlin said it would study the plan for a truce.", set()),
        ("Ankara has drafted provisions for a Black Sea truce and a prisoner exchange.",
         {("turkey", "Proposal", "ceasefire"), ("turkey", "Proposal", "prisoner-exchange")}),
        # a "no ..." item of a list of terms, or a demand for "no X", opposes X
        ("Kyiv has three red lines: no recognition of occupied territory and no limits on its army.",
         {("ukraine", "Opposition", "annexed-regions"), ("ukraine", "Opposition", "demilitarization")}),
        ("Moscow demands no NATO troops in Ukraine.", {("russia", "Opposition", "security-guarantees")}),
        # ... while "no" elsewhere keeps its reading
        ("Kyiv proposed a ceasefire with no conditions.", {("ukraine", "Proposal", "ceasefire")}),
        # a condition names what is demanded even when what is accepted is no issue of the codebook
        ("Zelensky said Kyiv was ready to hold elections once a ceasefire was in place.",
         {("volodymyr-zelensky", "Demand", "ceasefire")}),
        ("Russia accepted no proposal for a ceasefire.", {("russia", "Rejection", "ceasefire")}),
        ("There can be no talks without a ceasefire, Kyiv said.", {("ukraine", "Demand", "ceasefire")}),
    ],
    "replies to a proposal": [
        # "the idea", "it": the single issue the last holder to propose or demand put forward
        ("Ankara proposed a truce in the Black Sea on Monday. Kyiv welcomed it.",
         {("turkey", "Proposal", "ceasefire"), ("ukraine", "Support", "ceasefire")}),
        ("Hungary suggested a Christmas ceasefire. Kuleba rejected the idea on Tuesday.",
         {("hungary", "Proposal", "ceasefire"), ("dmytro-kuleba", "Rejection", "ceasefire")}),
        # ... not when the terms were several, over one sentence or more, nor for an indefinite noun
        ("Putin demanded neutrality. He also said sanctions must be lifted. Kyiv rejected the proposal.",
         {("vladimir-putin", "Demand", "neutrality"), ("vladimir-putin", "Demand", "sanctions")}),
        ("Ankara proposed a truce. Kyiv rejected a proposal from Minsk.", {("turkey", "Proposal", "ceasefire")}),
    ],
    "idioms of refusal": [
        # "no point in", "in no hurry to": the noun with "no" rejects, its phrase wherever the parser hangs it
        ("The Kremlin said it saw no point in a meeting between Putin and Zelensky at this stage.",
         {("russia", "Rejection", "leaders-meeting")}),
        ("There is no point in further talks with Kyiv, Lavrov said.", {("sergey-lavrov", "Rejection", "peace-talks")}),
        ("Peskov said Moscow was in no hurry to sign a truce.", {("dmitry-peskov", "Rejection", "ceasefire")}),
        # ... but a circumstance after the noun stays out ("support after the talks" is no support for talks)
        ("Erdogan expressed support after the talks in Istanbul.", set()),
    ],
    "noun triggers as objects": [
        # a verb of voicing or pursuing the stance: its subject holds it, in any tense
        ("Ankara made a proposal for a Black Sea truce last spring.", {("turkey", "Proposal", "ceasefire")}),
        ("Budapest has repeatedly voiced support for an immediate ceasefire.", {("hungary", "Support", "ceasefire")}),
        ("Oman remains committed to a negotiated settlement.", {("oman", "Support", "peace-talks")}),
        ("Washington will help coordinate security guarantees for Ukraine.", {("united-states", "Support", "security-guarantees")}),
        ("Kyiv needed security guarantees before signing any deal, Sybiha said.",
         {("andrii-sybiha", "Demand", "security-guarantees")}),
        ("Moscow will reiterate its demand for the lifting of sanctions.", {("russia", "Demand", "sanctions")}),
        # a verb of judging, comparing or studying someone's stance: its subject does not hold it ...
        ("Kyiv studied the proposal for a Black Sea truce.", set()),
        ("The Kremlin compared the plan for a truce to a trap.", set()),
        # ... and a judgement of it is the judge's stance, the adjective wherever the parser puts it
        ("Lavrov called the proposal for a ceasefire absurd.", {("sergey-lavrov", "Rejection", "ceasefire")}),
        ("Kyiv called the terms for a truce unacceptable.", {("ukraine", "Rejection", "ceasefire")}),
        ("The Kremlin has described the demand for a withdrawal of Russian troops as unrealistic.", {("russia", "Rejection", "troop-withdrawal")}),
    ],
    "negation and failure": [
        # an item "not" excepts from a list takes the opposite stance
        ("Putin said Russia was ready to discuss a peace settlement, but not a temporary truce.",
         {("vladimir-putin", "Rejection", "ceasefire")}),
        ("Kyiv accepted a prisoner exchange but not a ceasefire.",
         {("ukraine", "Acceptance", "prisoner-exchange"), ("ukraine", "Rejection", "ceasefire")}),
        ("Moscow demanded recognition of Crimea, but not of Kherson.", {("russia", "Demand", "crimea")}),
        # not agreeing on something together is no agreement, not a rejection; not agreeing to it is one
        ("Russian and US officials did not agree on sanctions relief in Riyadh.", set()),
        ("Russia and Ukraine agreed on a prisoner exchange.", {("russia", "Acceptance", "prisoner-exchange"),
                                                               ("ukraine", "Acceptance", "prisoner-exchange")}),
        ("Kyiv did not agree to a ceasefire.", {("ukraine", "Rejection", "ceasefire")}),
        ("The Kremlin was not ready to negotiate with Kyiv.", {("russia", "Rejection", "peace-talks")}),
        ("The delegations failed to agree on a ceasefire.", set()),
        ("Budapest declined to back new sanctions against Russia.", {("hungary", "Rejection", "sanctions")}),
        ("Kyiv ruled out a land swap with Moscow.", {("ukraine", "Rejection", "territorial-concessions")}),
        # a stance a verb of saying reports keeps its own polarity ("insisted that ... would never recognise")
        ("Kuleba insisted that Ukraine would never recognise Russian control over the occupied territories.",
         {("dmytro-kuleba", "Rejection", "annexed-regions")}),
        ("The Kremlin insists that Ukraine must abandon its bid to join NATO.", {("russia", "Opposition", "nato-membership")}),
        # a time phrase deeper in the clause is no content
        ("Paris and London have offered to put troops on the ground in Ukraine after a ceasefire.",
         {("france", "Proposal", "security-guarantees"), ("united-kingdom", "Proposal", "security-guarantees")}),
        # ... but "such as" deeper down is
        ("Kyiv is ready to hold talks with Moscow on issues such as Crimea.",
         {("ukraine", "Acceptance", "peace-talks"), ("ukraine", "Acceptance", "crimea")}),
        # "not yet": undecided, not the opposite
        ("Budapest has not yet backed the new sanctions package.", set()),
        ("Kyiv is still not ready to discuss territorial concessions.", {("ukraine", "Rejection", "territorial-concessions")}),
        ("Lavrov said Moscow had never refused to hold talks with Kyiv.", {("sergey-lavrov", "Acceptance", "peace-talks")}),
        ("Russia has no intention of returning the annexed territories.", {("russia", "Rejection", "annexed-regions")}),
    ],
    "not stances": [
        # a thing that is ready is nobody's readiness
        ("The peace deal was ready on Tuesday, Peskov said.", set()),
        ("Peskov said Moscow was ready for a peace deal.", {("dmitry-peskov", "Acceptance", "peace-talks")}),
        # an assessment that an actor is (un)likely to act states no stance of that actor
        ("Analysts assess that the Kremlin is unlikely to agree to a ceasefire this year.", set()),
        ("Moscow is likely to reject the plan for a truce, diplomats said.", set()),
        ("Russia annexed Crimea in 2014.", set()),
        ("Ukrainian forces withdrew from Kherson in November 2022.", set()),
        ("Critics say the West wants a ceasefire at any price.", set()),
        ("Asked whether Moscow would accept a truce, Peskov declined to comment.", set()),
        ("Kyiv might accept a ceasefire if the West provides security guarantees.", set()),
    ],
    "enumerations": [
        ("Moscow set out its terms: recognition of Crimea, neutrality and demilitarization.",
         {("russia", "Demand", "crimea"), ("russia", "Demand", "neutrality"), ("russia", "Demand", "demilitarization")}),
        ("Kyiv's ten-point plan calls for the release of all prisoners, a full ceasefire and the return of Russian troops "
         "to the 1991 borders.",
         {("ukraine", "Demand", "prisoner-exchange"), ("ukraine", "Demand", "ceasefire"), ("ukraine", "Demand", "troop-withdrawal")}),
    ],
    "conditions": [
        # "only after" a phrase anywhere later in the sentence
        ("Zelensky has said he is ready to meet Putin, but only after a ceasefire.",
         {("volodymyr-zelensky", "Acceptance", "leaders-meeting"), ("volodymyr-zelensky", "Demand", "ceasefire")}),
        ("Moscow accepted the truce after the talks in Istanbul.", {("russia", "Acceptance", "ceasefire")}),
        # what is made conditional on something demands that thing, held by who makes it so
        ("Ankara made any new grain deal conditional on the lifting of sanctions on Russian fertiliser.",
         {("turkey", "Demand", "sanctions")}),
        ("Moscow has made any truce conditional on a halt to Western arms deliveries.",
         {("russia", "Opposition", "military-aid")}),
        ("Any ceasefire is conditional on Russia withdrawing its troops, Zelensky said.",
         {("volodymyr-zelensky", "Demand", "ceasefire"), ("volodymyr-zelensky", "Demand", "troop-withdrawal")}),
        ("Kyiv is ready for talks once Russian troops withdraw from Ukraine.",
         {("ukraine", "Acceptance", "peace-talks"), ("ukraine", "Demand", "troop-withdrawal")}),
        ("Russia would accept a ceasefire if Ukraine gave up its bid to join NATO.",
         {("russia", "Acceptance", "ceasefire"), ("russia", "Opposition", "nato-membership")}),
        ("The Kremlin said it was ready to return to the grain deal if Western sanctions were lifted.",
         {("russia", "Acceptance", "humanitarian-corridors"), ("russia", "Demand", "sanctions")}),
        # "unless" and "until" make a condition of a refusal too; "only" makes one of a time clause
        ("Ukraine will not sign a ceasefire unless it gets security guarantees.",
         {("ukraine", "Rejection", "ceasefire"), ("ukraine", "Demand", "security-guarantees")}),
        ("Zelensky ruled out talks until Russia stops attacks on civilians.",
         {("volodymyr-zelensky", "Rejection", "peace-talks"), ("volodymyr-zelensky", "Demand", "ceasefire")}),
        ("Erdogan said Turkey would back the grain deal only after Western sanctions on Russian fertiliser were lifted.",
         {("recep-tayyip-erdogan", "Support", "humanitarian-corridors"), ("recep-tayyip-erdogan", "Demand", "sanctions")}),
        ("Moscow said it was open to a summit only when a peace deal was ready.",
         {("russia", "Acceptance", "leaders-meeting")}),
        # a time clause without "only" is no condition; "if" does not make one of a refusal
        ("Kyiv agreed to a ceasefire after Russia withdrew its troops from Kherson.", {("ukraine", "Acceptance", "ceasefire")}),
        ("Russia rejected a ceasefire if it meant a freeze of the front line.", {("russia", "Rejection", "ceasefire")}),
        # a stance inside a clause of "until" has not happened
        ("The EU said it would keep up sanctions until Russia agreed to a ceasefire.",
         {("european-union", "Support", "sanctions"), ("european-union", "Demand", "ceasefire")}),
        # the price asked in exchange is demanded; what a refusal would have got in return is not refused
        ("Russia proposed a ceasefire in exchange for sanctions relief.",
         {("russia", "Proposal", "ceasefire"), ("russia", "Demand", "sanctions")}),
        ("Zelensky ruled out ceding territory in exchange for a truce.",
         {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
        ("The Kremlin baulked at a 30-day ceasefire.", {("russia", "Rejection", "ceasefire")}),
        ("Ukraine balked at ceding territory.", {("ukraine", "Rejection", "territorial-concessions")}),
    ],
    "a withdrawal coded by who withdraws": [
        # the codebook's kg:withdrawalBy: a withdrawal by Ukraine is a territorial concession, by Russia a troop withdrawal
        ("Ukraine has categorically refused to withdraw its troops from the Donbas, a key Russian demand.",
         {("ukraine", "Rejection", "territorial-concessions"), ("ukraine", "Rejection", "donbas")}),
        ("Moscow demanded that Kyiv pull back its forces from Zaporizhzhia.", {("russia", "Demand", "territorial-concessions")}),
        ("Zelensky said Russia must pull its forces out of all occupied territory.",
         {("volodymyr-zelensky", "Demand", "troop-withdrawal"), ("volodymyr-zelensky", "Demand", "annexed-regions")}),
        ("The Kremlin insisted that its soldiers would never retreat from the new regions.", set()),
        # withdrawing from a deal is no withdrawal of forces
        ("Kyiv urged Moscow not to withdraw from the grain deal.", {("ukraine", "Demand", "humanitarian-corridors")}),
    ],
    "giving up": [
        # what is given up must be the issue: a document handed over cedes nothing
        ("The Russian side handed over to the Ukrainian delegation a memorandum outlining the conditions for a ceasefire.", set()),
        ("Kyiv will never hand over any part of Zaporizhzhia.", {("ukraine", "Rejection", "territorial-concessions")}),
        ("Ukraine will not surrender its territory.", {("ukraine", "Rejection", "territorial-concessions")}),
        ("Moscow conceded the return of the grain corridor.", {("russia", "Acceptance", "humanitarian-corridors")}),
    ],
    "long sentences of wire copy": [
        # the city of a wire dateline is no subject, and the parser does not see it
        ("RIYADH, Feb 18 (Wire) - Senior U.S. and Russian officials agreed on Tuesday to keep talking about the war.",
         {("united-states", "Acceptance", "peace-talks"), ("russia", "Acceptance", "peace-talks")}),
        ("The Kremlin says it is open to talks but insists that Ukraine first withdraw from the four regions and drop its NATO bid.",
         {("russia", "Acceptance", "peace-talks"), ("russia", "Demand", "territorial-concessions"),
          ("russia", "Demand", "annexed-regions"), ("russia", "Opposition", "nato-membership")}),
        # (what Moscow signals its side could accept is its acceptance, see "hedges")
        ("While Moscow has signalled it could accept a limited truce, it has rejected a full ceasefire, saying Kyiv would use it to rearm.",
         {("russia", "Acceptance", "ceasefire"), ("russia", "Rejection", "ceasefire")}),
        ("Trump has threatened to impose more sanctions on Russia if Putin does not agree to a ceasefire.",
         {("donald-trump", "Support", "sanctions"), ("donald-trump", "Demand", "ceasefire")}),
        ("Ukraine and Russia accused each other of violating the Easter truce.", set()),
    ],
    "a report coordinated with a demand": [
        # "urged ... and said X": what is said is no content of the urging
        ("Guterres urged both sides to show restraint and said the UN hoped for a ceasefire.",
         {("antonio-guterres", "Support", "ceasefire")}),
        # ... while a second demanded act is ("urged Kyiv to stop and to accept")
        ("Washington urged Moscow to halt its offensive and accept a ceasefire.", {("united-states", "Demand", "ceasefire")}),
    ],
    "a phrase around a reporting aside": [
        # ", he said," inside the issue's phrase does not hide it
        ("Putin spoke in Moscow. Ukrainian forces, he said, must be completely withdrawn from the Donetsk region.",
         {("vladimir-putin", "Demand", "territorial-concessions"), ("vladimir-putin", "Demand", "donbas")}),
        ("A prisoner exchange, Lavrov said, was agreed in principle.", {("sergey-lavrov", "Acceptance", "prisoner-exchange")}),
    ],
    "obligation under a speaker": [
        ("Russian troops must leave the occupied territories, Kuleba said.",
         {("dmytro-kuleba", "Demand", "troop-withdrawal"), ("dmytro-kuleba", "Demand", "annexed-regions")}),
        ("Ukraine must abandon its NATO ambitions, Lavrov told reporters.", {("sergey-lavrov", "Opposition", "nato-membership")}),
    ],
    "giving up, as a noun": [
        ("Moscow demanded a halt to weapons supplies to Kyiv.", {("russia", "Opposition", "military-aid")}),
        ("Russia called for an end to NATO expansion in Europe.", {("russia", "Opposition", "nato-membership")}),
        ("The Kremlin insisted on a freeze on arms deliveries during the talks.", {("russia", "Opposition", "military-aid")}),
        ("Moscow called for the abandonment of Ukraine's bid to join NATO.", {("russia", "Opposition", "nato-membership")}),
        # ... through a gerund: an end to attacking something opposes the attacks on it
        ("Guterres called for an end to shelling around the Kursk nuclear power plant.",
         {("antonio-guterres", "Opposition", "nuclear-power-plants")}),
        # lifting sanctions stays a demand on sanctions (the guidelines' convention)
        ("Moscow demanded the lifting of Western sanctions.", {("russia", "Demand", "sanctions")}),
    ],
    "judgement under a speaker": [
        ("Rubio said NATO membership was not a realistic outcome for Ukraine.", {("marco-rubio", "Rejection", "nato-membership")}),
        ("A ceasefire along the current line is unrealistic, the Kremlin said on Monday.", {("russia", "Rejection", "ceasefire")}),
        ("Trump said he did not think it was practical for Ukraine to join NATO.",
         {("donald-trump", "Rejection", "nato-membership")}),
        ("Erdogan said a ceasefire was essential for any settlement.", {("recep-tayyip-erdogan", "Support", "ceasefire")}),
        ("Kyiv does not believe that a truce is realistic.", {("ukraine", "Rejection", "ceasefire")}),
        ("According to Macron, security guarantees for Ukraine are vital.", {("emmanuel-macron", "Support", "security-guarantees")}),
        ("The use of nuclear weapons is inadmissible, the G20 leaders declared.", {("group-of-twenty", "Rejection", "nuclear-arms-control")}),
        ("The negotiations were long but productive, Rubio said.", {("marco-rubio", "Support", "peace-talks")}),
        # a verb of judging: its subject holds the judgement of its object
        ("Trump called the talks very good and productive.", {("donald-trump", "Support", "peace-talks")}),
        ("Moscow considers further negotiations pointless.", {("russia", "Rejection", "peace-talks")}),
        ("Beijing deemed a ceasefire along the front line acceptable.", {("china", "Acceptance", "ceasefire")}),
        # not judgements of a speaker: an attributive adjective, a question, an unnamed source
        ("Analysts called it a realistic ceasefire plan.", set()),
        ("Is a ceasefire realistic, Zelensky asked.", set()),
        ("A ceasefire is not realistic, one diplomat said.", set()),
    ],
    "compromise, and a verb whose object is 'no'": [
        ("Kyiv will not compromise on its territory, Yermak said.", {("andriy-yermak", "Rejection", "territorial-concessions")}),
        ("Peskov said Moscow was ready to compromise on land.", {("dmitry-peskov", "Acceptance", "territorial-concessions")}),
        ("Zelensky said Ukraine would make no compromises on its territory.",
         {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
        ("Moscow accepted no proposal for a ceasefire.", {("russia", "Rejection", "ceasefire")}),
        ("Trump urged both sides to compromise.", set()),
    ],
    "no X without Y": [
        # ... and a negated verb or a refusal with "without": what is lacking is demanded
        ("Scholz said he could not imagine the next round taking place without a ceasefire.",
         {("olaf-scholz", "Demand", "ceasefire")}),
        ("Kyiv said it would not sign any deal without security guarantees.", {("ukraine", "Demand", "security-guarantees")}),
        ("Zelensky rejected a truce without security guarantees.",
         {("volodymyr-zelensky", "Rejection", "ceasefire"), ("volodymyr-zelensky", "Demand", "security-guarantees")}),
        ("Moscow will not accept a ceasefire without a halt to Western arms deliveries.",
         {("russia", "Rejection", "ceasefire"), ("russia", "Opposition", "military-aid")}),
        # "could not" is a refusal, "could" a hedge
        ("Kyiv could not accept a ceasefire.", {("ukraine", "Rejection", "ceasefire")}),
        ("Kyiv could accept a ceasefire.", set()),
        # what "no ... without" rules out is no stance; its condition is demanded
        ("There can be no peace talks without a full withdrawal of Russian troops, Kyiv said.",
         {("ukraine", "Demand", "troop-withdrawal")}),
        ("Zelensky insisted that no ceasefire could hold without security guarantees.",
         {("volodymyr-zelensky", "Demand", "security-guarantees")}),
        ("Kyiv demands a ceasefire without preconditions.", {("ukraine", "Demand", "ceasefire")}),
        ("There can be no ceasefire without a withdrawal of troops, analysts said.", set()),
    ],
    "there is no": [
        ("There will be no concessions on territory, Zelensky said.",
         {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
        # the speaker rejects what "there is no" denies, or demands the condition it is denied until
        ("There can be no talk of a ceasefire, Peskov said.", {("dmitry-peskov", "Rejection", "ceasefire")}),
        ("There is no question of recognising Crimea as Russian, Kyiv said.", {("ukraine", "Rejection", "crimea")}),
        ("There will be no ceasefire until Russian troops leave, Zelensky said.",
         {("volodymyr-zelensky", "Demand", "troop-withdrawal")}),
        ("There will be no truce unless Kyiv drops its bid to join NATO, Lavrov said.",
         {("sergey-lavrov", "Opposition", "nato-membership")}),
        ("Erdogan said there was no alternative to peace talks.", {("recep-tayyip-erdogan", "Support", "peace-talks")}),
        # speculation, and a denial no one voices, state nothing
        ("There could be no ceasefire this year, Zelensky said.", set()),
        ("There was no agreement on a ceasefire.", set()),
    ],
    "a stance noun judged by its adjective": [
        # "an unrealistic goal" is the speaker's rejection of what the goal is, not a goal of his
        ("Lavrov said a return to the 1991 borders was an unrealistic objective.",
         {("sergey-lavrov", "Rejection", "troop-withdrawal")}),
        ("Rutte told reporters that NATO membership for Ukraine was an impossible demand at this stage.",
         {("mark-rutte", "Rejection", "nato-membership")}),
        ("Zelensky said a ceasefire was the main objective.", {("volodymyr-zelensky", "Demand", "ceasefire")}),
    ],
    "judgement by a noun": [
        ("Kyiv regards the proposal for a ceasefire as a non-starter.", {("ukraine", "Rejection", "ceasefire")}),
        ("Russia considers Ukraine's neutrality a priority.", {("russia", "Demand", "neutrality")}),
        ("Lavrov described the deployment of European troops in Ukraine as a provocation.",
         {("sergey-lavrov", "Rejection", "security-guarantees")}),
        ("The talks in Istanbul were a dead end, Kuleba said.", {("dmytro-kuleba", "Rejection", "peace-talks")}),
        ("Dmitriev said his meeting with Witkoff was constructive.", {("kirill-dmitriev", "Support", "peace-talks")}),
        ("Kyiv called the Russian proposal for a truce a trap.",
         {("ukraine", "Rejection", "ceasefire"), ("russia", "Proposal", "ceasefire")}),
        ("For Moscow, the grain deal was a sham.", {("russia", "Rejection", "humanitarian-corridors")}),
        ("A ceasefire without guarantees would be a trap for Kyiv.", {("ukraine", "Rejection", "ceasefire")}),
        ("Zelensky said Putin's proposal for a three-day truce was a cynical manipulation.",
         {("volodymyr-zelensky", "Rejection", "ceasefire"), ("vladimir-putin", "Proposal", "ceasefire")}),
        ("Zelensky sees security guarantees as a precondition for any ceasefire.",
         {("volodymyr-zelensky", "Demand", "security-guarantees")}),
        # a noun of judgement outside a judgement is none
        ("Ukrainian troops set a trap for Russian forces near the grain corridor.", set()),
    ],
    "goals and priorities": [
        ("Our priority is a ceasefire, Macron said.", {("emmanuel-macron", "Demand", "ceasefire")}),
        ("Berlin's first priority remains a ceasefire.", {("germany", "Demand", "ceasefire")}),
    ],
    "they: the two just named": [
        ("Trump and Putin spoke by phone on Tuesday. They agreed that their teams would start negotiating immediately.",
         {("donald-trump", "Acceptance", "peace-talks"), ("vladimir-putin", "Acceptance", "peace-talks")}),
        ("Qatar and Turkey issued a joint statement on Monday. They called for an immediate ceasefire.",
         {("qatar", "Demand", "ceasefire"), ("turkey", "Demand", "ceasefire")}),
        # the last two of a longer list are no pair
        ("Britain, Turkey, France and Germany would act as guarantors. They called for an immediate ceasefire.", set()),
        # only the sentence right after: "they" later may be anyone
        ("Trump and Putin spoke by phone on Tuesday. Analysts were sceptical. They said a ceasefire was unlikely.", set()),
    ],
    "lists after a lead-in": [
        # the holder named before the colon holds each item, whatever the parser makes of the item's verb
        ("The G7 leaders:\n\n- support the exchange of all prisoners;\n\n- demand the withdrawal of Russian troops.",
         {("group-of-seven", "Support", "prisoner-exchange"), ("group-of-seven", "Demand", "troop-withdrawal")}),
        # "the two sides" after two countries opened a sentence together
        ("Turkey and Qatar on Monday issued a joint statement. In it, the two sides:\n\n"
         "-- welcome the prisoner exchange;\n\n-- oppose attacks on nuclear power plants.",
         {("turkey", "Support", "prisoner-exchange"), ("qatar", "Support", "prisoner-exchange"),
          ("turkey", "Opposition", "nuclear-power-plants"), ("qatar", "Opposition", "nuclear-power-plants")}),
        # a second sentence inside an item does not end the list ...
        ("Norway and Turkey:\n\n- call for a ceasefire. Both fund demining.\n\n- support the exchange of prisoners.",
         {("norway", "Demand", "ceasefire"), ("turkey", "Demand", "ceasefire"),
          ("norway", "Support", "prisoner-exchange"), ("turkey", "Support", "prisoner-exchange")}),
        # ... a new paragraph does
        ("Norway and Turkey:\n\n- call for a ceasefire.\n\nAnalysts said the talks had stalled.\n\n"
         "- support the exchange of prisoners.", {("norway", "Demand", "ceasefire"), ("turkey", "Demand", "ceasefire")}),
    ],
    "carrying out an exchange": [
        # the two who swap accept the exchange, in any tense; the issue is what they swap
        ("Russia and Ukraine exchanged hundreds of prisoners of war on Wednesday.",
         {("russia", "Acceptance", "prisoner-exchange"), ("ukraine", "Acceptance", "prisoner-exchange")}),
        ("Moscow and Kyiv will trade 90 captives under the deal.",
         {("russia", "Acceptance", "prisoner-exchange"), ("ukraine", "Acceptance", "prisoner-exchange")}),
        ("Kyiv and Moscow exchanged accusations over the collapse of the ceasefire.", set()),
        ("The delegations exchanged views on a possible ceasefire.", set()),
        # what a speaker reports "the two sides" do is theirs (guidelines: the reported holds it)
        ("Russian and Ukrainian negotiators met in Istanbul. Lavrov told reporters that the two sides would swap "
         "175 prisoners each on Wednesday.",
         {("russia", "Acceptance", "prisoner-exchange"), ("ukraine", "Acceptance", "prisoner-exchange")}),
    ],
    "idioms of judgement and stance": [
        ("Peskov said a ceasefire was out of the question.", {("dmitry-peskov", "Rejection", "ceasefire")}),
        ("Zelensky said territorial concessions were off the table.",
         {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
        ("Zelensky said a ceasefire was on the table.", {("volodymyr-zelensky", "Acceptance", "ceasefire")}),
        ("For Kyiv, NATO membership is not an option.", {("ukraine", "Rejection", "nato-membership")}),
        ("Peskov said a ceasefire was still not out of the question.", {("dmitry-peskov", "Support", "ceasefire")}),
        ("The Kremlin rejected the plan, calling it a non-starter.", set()),
        ("Trump floated the idea of a summit with Putin.", {("donald-trump", "Proposal", "leaders-meeting")}),
        ("Kyiv left the door open to a prisoner exchange.", {("ukraine", "Acceptance", "prisoner-exchange")}),
        ("The Kremlin poured cold water on the proposal for a truce.", {("russia", "Rejection", "ceasefire")}),
        ("Zelensky slammed the proposal for a land swap.", {("volodymyr-zelensky", "Opposition", "territorial-concessions")}),
        ("Lavrov denounced the deployment of European troops in Ukraine.", {("sergey-lavrov", "Opposition", "security-guarantees")}),
        ("Scholz voiced skepticism about sending long-range missiles to Ukraine.", {("olaf-scholz", "Opposition", "military-aid")}),
        ("Berlin voiced scepticism about NATO membership for Ukraine.", {("germany", "Opposition", "nato-membership")}),
        ("Moscow decried the deployment of European troops in Ukraine.", {("russia", "Opposition", "security-guarantees")}),
        ("Orban blasted the EU loans to Ukraine.", {("viktor-orban", "Opposition", "financial-aid")}),
        ("Kyiv lambasted the plan for a land swap.", {("ukraine", "Opposition", "territorial-concessions")}),
        ("Moscow made clear it would not accept a ceasefire.", {("russia", "Rejection", "ceasefire")}),
        ("The question of a ceasefire was raised by Peskov.", set()),
        ("European leaders pushed back against any plan that would force Kyiv to cede territory.",
         {("european-countries", "Opposition", "territorial-concessions")}),
        ("The Kremlin pushed back on calls for a thirty-day truce.", {("russia", "Opposition", "ceasefire")}),
        # "the two sides" are delegations, not leaders: no leaders' meeting
        ("Fidan stressed the importance of continuing dialogue between the two sides.", {("hakan-fidan", "Support", "peace-talks")}),
        ("Kyiv is holding out for binding security guarantees before it signs anything.",
         {("ukraine", "Demand", "security-guarantees")}),
        ("Russian troops held out in the city for weeks.", set()),
        ("Erdogan made the case for a prisoner exchange at the summit.", {("recep-tayyip-erdogan", "Support", "prisoner-exchange")}),
    ],
    "the content of a stance noun": [
        # ... with the clause hung on the verb by the parser
        ("Trump doubled down on his demand that Ukraine cede Crimea.", {("donald-trump", "Demand", "territorial-concessions")}),
        ("Moscow repeated its demand that Kyiv abandon its NATO bid.", {("russia", "Opposition", "nato-membership")}),
        # "the demand that X do Y": X does not accept Y, the owner demands it
        ("Kyiv rejected Moscow's demand that Ukraine cede the Donbas.",
         {("ukraine", "Rejection", "territorial-concessions"), ("russia", "Demand", "territorial-concessions")}),
        ("Lavrov reiterated Russia's demand that Ukraine recognize the annexed territories.",
         {("sergey-lavrov", "Demand", "annexed-regions")}),
        ("Zelensky said Ukraine would not accept any agreement that legitimizes the occupation of Ukrainian territory.",
         {("volodymyr-zelensky", "Rejection", "annexed-regions")}),
    ],
    "what must not happen": [
        # a demand that something not happen opposes it; a refusal with "unless" is a condition, not "never"
        ("Moscow demanded that Ukraine never join NATO.", {("russia", "Opposition", "nato-membership")}),
        ("Russia insists that Kyiv must not join NATO.", {("russia", "Opposition", "nato-membership")}),
        ("Beijing proposed that neither side use nuclear weapons.", {("china", "Proposal", "nuclear-arms-control")}),
        ("Moscow proposed that Kyiv would not receive military aid unless it accepted neutrality.",
         {("russia", "Proposal", "military-aid"), ("russia", "Demand", "neutrality")}),
        # a negation elsewhere in the clause negates no issue
        ("Erdogan called on the world not to expect a miracle in the talks.", {("recep-tayyip-erdogan", "Demand", "peace-talks")}),
    ],
    "calls for someone to act, and a plan's author": [
        # the parser may make "for X to" a clause of its own: it is still what is called for, and X holds nothing
        ("European leaders called for Russia to accept a ceasefire.", {("european-countries", "Demand", "ceasefire")}),
        ("Washington pushed for Kyiv to accept a truce.", {("united-states", "Demand", "ceasefire")}),
        ("Kyiv pressed for Moscow to agree to a prisoner exchange.", {("ukraine", "Demand", "prisoner-exchange")}),
        # a plan "drawn up by" or "written by" someone speaks for them
        ("A plan drafted by Washington calls for a ceasefire along the front line.", {("united-states", "Demand", "ceasefire")}),
        ("The memorandum, written by Kyiv, demands the release of all prisoners.", {("ukraine", "Demand", "prisoner-exchange")}),
        ("The draft, drawn up by Witkoff, called for Ukraine to give up Donetsk and never to join NATO.",
         {("steve-witkoff", "Demand", "territorial-concessions"), ("steve-witkoff", "Opposition", "nato-membership")}),
        ("The plan, criticised by Kyiv, calls for a ceasefire.", set()),
        ("A declaration signed by Lula and Modi backed a return to direct talks.",
         {("lula-da-silva", "Support", "peace-talks"), ("narendra-modi", "Support", "peace-talks")}),
        # ... and so does a plan its owner's name or demonym modifies
        ("The Russian memorandum calls for a ceasefire.", {("russia", "Demand", "ceasefire")}),
        ("Kyiv's plan demands security guarantees.", {("ukraine", "Demand", "security-guarantees")}),
    ],
    "halts and deployments": [
        ("Russia and Ukraine agreed to a 30-day halt on strikes against energy infrastructure.",
         {("russia", "Acceptance", "ceasefire"), ("ukraine", "Acceptance", "ceasefire")}),
        ("Moscow demanded a moratorium on attacks in the Black Sea.", {("russia", "Demand", "ceasefire")}),
        ("Kyiv proposed to stop strikes on refineries.", {("ukraine", "Proposal", "ceasefire")}),
        ("Britain and France said they were prepared to send troops to Ukraine after a ceasefire.",
         {("united-kingdom", "Acceptance", "security-guarantees"), ("france", "Acceptance", "security-guarantees")}),
        ("Moscow warned against deploying peacekeepers in Ukraine.", {("russia", "Opposition", "security-guarantees")}),
    ],
    "keeping up and voicing": [
        # keeping up or extending something supports it; a verb of voicing lets its stance noun speak
        ("The EU will maintain sanctions on Russia.", {("european-union", "Support", "sanctions")}),
        ("Brussels said the bloc would keep up sanctions until Russia withdrew.", {("european-union", "Support", "sanctions")}),
        ("Ankara wants to prolong the grain deal by another four months.", {("turkey", "Demand", "humanitarian-corridors")}),
        ("The G7 renewed the sanctions against Russia for a year.", {("group-of-seven", "Support", "sanctions")}),
        ("Kyiv maintained its demand for security guarantees.", {("ukraine", "Demand", "security-guarantees")}),
        ("Hungary extended its veto on the EU loans.", {("hungary", "Opposition", "financial-aid")}),
        ("Germany pledged support for a ceasefire.", {("germany", "Support", "ceasefire")}),
        ("Ukraine handed over a proposal calling for an unconditional ceasefire.", {("ukraine", "Proposal", "ceasefire")}),
        ("Russia extended its offensive in the east.", set()),
    ],
    "a quote that goes on": [
        # the next sentence of a quote keeps its speaker, until a sentence is no quote
        ('"We are ready for a ceasefire," Zelensky said. "But we need security guarantees first."',
         {("volodymyr-zelensky", "Acceptance", "ceasefire"), ("volodymyr-zelensky", "Demand", "security-guarantees")}),
        ('"Russia is ready for talks," Peskov told reporters. "We will never accept NATO troops in Ukraine."',
         {("dmitry-peskov", "Acceptance", "peace-talks"), ("dmitry-peskov", "Rejection", "security-guarantees")}),
        # two speakers: whose the quote is is unknown
        ('"We want peace," Trump and Putin said. "We need security guarantees first."', set()),
        ('"We are ready," Zelensky said. The talks went on. "We need security guarantees first."', set()),
    ],
    "pronouns": [
        # ... and in its own sentence, the subject of an earlier clause before anyone named earlier
        ("Zelensky spoke in Kyiv. Mr Putin told reporters that the plan was a basis, but he insisted Ukrainian troops must leave.",
         {("vladimir-putin", "Demand", "territorial-concessions")}),
        # "he" is the subject of the sentence before, not its object
        ("Putin met Witkoff in Moscow. He later said Russia was open to a ceasefire.",
         {("vladimir-putin", "Acceptance", "ceasefire")}),
        ("Trump said Putin wanted peace. He added that Ukraine must get security guarantees.",
         {("donald-trump", "Demand", "security-guarantees")}),
        ("Witkoff was received by Putin. He said he was open to a ceasefire.",
         {("steve-witkoff", "Acceptance", "ceasefire")}),
    ],
    "transcripts": [
        # a turn opened by a speaker's name: "we" and unattributed sentences are the speaker's, over paragraphs
        ("Dmitry Peskov: We will never accept Western troops in Ukraine.\n\nAny deal must include the lifting of "
         "sanctions.\n\nQ: Will Moscow agree to a ceasefire?\n\nSergey Lavrov: We are ready for negotiations.",
         {("dmitry-peskov", "Rejection", "security-guarantees"), ("dmitry-peskov", "Demand", "sanctions"),
          ("sergey-lavrov", "Acceptance", "peace-talks")}),
        # a question's turn states nothing, though its sentences are no questions
        ("Peskov: We are open to talks.\n\nQuestion: Kyiv demands a full withdrawal. Your reply?\n\n"
         "Peskov: The answer is known.", {("dmitry-peskov", "Acceptance", "peace-talks")}),
        # a lone label speaks for its paragraph only
        ("Zelensky: We will never recognise Crimea as Russian.\n\nEuropean leaders said the talks must go on. Any deal must "
         "include a ceasefire.", {("volodymyr-zelensky", "Rejection", "crimea"), ("european-countries", "Demand", "peace-talks")}),
        # a clause before a colon is no label
        ("Moscow set out its terms: the recognition of Crimea.", {("russia", "Demand", "crimea")}),
        # a briefer the gazetteer does not know ends the turn before: nobody holds what they say
        ("Zakharova: We reject any ceasefire.\n\nQ: And the talks?\n\nMR SMITH: We support a ceasefire.",
         {("maria-zakharova", "Rejection", "ceasefire")}),
    ],
    "points of an agenda": [
        # a noun naming a point of an agenda, subject of a verb of content: its owner or the speaker demands it
        ("The key issue, the Ukrainian delegation said, was an immediate ceasefire.", {("ukraine", "Demand", "ceasefire")}),
        ("The basic provisions of any deal, Lavrov said, include: a neutral status for Ukraine; the lifting of sanctions.",
         {("sergey-lavrov", "Demand", "neutrality"), ("sergey-lavrov", "Demand", "sanctions")}),
        ("The main issue for Kyiv remains security guarantees.", {("ukraine", "Demand", "security-guarantees")}),
        ("Moscow's core principle will be the neutrality of Ukraine.", {("russia", "Demand", "neutrality")}),
        ("Its vital interests, the Kremlin said, remain the neutrality of Ukraine and the lifting of sanctions.",
         {("russia", "Demand", "neutrality"), ("russia", "Demand", "sanctions")}),
        ("The first element, Erdogan said, is an exchange of all prisoners.", {("recep-tayyip-erdogan", "Demand", "prisoner-exchange")}),
        # ... a noun phrase only: a clause after "the point is" is a statement
        ("The point is that Russia does not want a ceasefire, Kuleba said.", set()),
        # ... and only as the subject: an issue others discuss is no one's demand
        ("The issue of Crimea was not discussed, Peskov said.", set()),
        ("The talks in Riyadh will include the issue of prisoner exchanges.", set()),
        # a demand noun after "among", with "for" naming its owner in a predicative sentence
        ("Among Russia's conditions are the lifting of sanctions and Ukraine's neutral status.",
         {("russia", "Demand", "sanctions"), ("russia", "Demand", "neutrality")}),
        ("Chief among Kyiv's demands is the release of all prisoners of war.", {("ukraine", "Demand", "prisoner-exchange")}),
        ("The main condition for Moscow was the lifting of Western sanctions.", {("russia", "Demand", "sanctions")}),
        # "according to the Kremlin": a speaker, not a place, and "must be the condition for" keeps what it is for out
        ("The end of Western arms supplies must be the main condition for a truce, according to the Kremlin.",
         {("russia", "Opposition", "military-aid")}),
        # what a condition is "for" is not demanded by it
        ("A ceasefire is a prerequisite for any talks, Zelensky said.", {("volodymyr-zelensky", "Demand", "ceasefire")}),
        ("Moscow's conditions for a truce include the recognition of Crimea.", {("russia", "Demand", "crimea")}),
    ],
    "a plan put forward before": [
        # "the plan" / "the document" / "the formula" later: the author who put a plan forward holds its terms
        ("Beijing unveiled a twelve-point plan on Friday. The plan calls for a ceasefire and the lifting of "
         "unilateral sanctions.", {("china", "Demand", "ceasefire"), ("china", "Demand", "sanctions")}),
        ("A peace plan was presented by Beijing in February. The document calls for a ceasefire.",
         {("china", "Demand", "ceasefire")}),
        ("Kyiv presented its formula in November. The formula consists of: the withdrawal of Russian troops; "
         "the release of all prisoners.", {("ukraine", "Proposal", "troop-withdrawal"), ("ukraine", "Proposal", "prisoner-exchange")}),
        ("Hungary drafted a memorandum last week. Moscow rejected the document, which calls for a ceasefire.",
         {("russia", "Rejection", "ceasefire"), ("hungary", "Demand", "ceasefire")}),
        # "consist of" states a plan's contents as "include" does
        ("Erdogan's initiative consists of a ceasefire and an exchange of prisoners.",
         {("recep-tayyip-erdogan", "Proposal", "ceasefire"), ("recep-tayyip-erdogan", "Proposal", "prisoner-exchange")}),
        # no author before: "the plan" holds nothing
        ("The document calls for a ceasefire.", set()),
        ("Officials discussed the plan. The plan calls for a ceasefire.", set()),
    ],
    "a title standing for the person named before": [
        ("Starmer spoke to reporters. The British prime minister said London was ready to send peacekeepers to Ukraine.",
         {("keir-starmer", "Acceptance", "security-guarantees")}),
        ("Lavrov and Rubio met in Riyadh. The Russian foreign minister rejected any ceasefire.",
         {("sergey-lavrov", "Rejection", "ceasefire")}),
        ("Erdogan spoke with Putin. The Turkish leader proposed a prisoner exchange.",
         {("recep-tayyip-erdogan", "Proposal", "prisoner-exchange")}),
        ("Zakharova spoke on Monday. The Russian foreign ministry spokeswoman rejected any ceasefire.",
         {("maria-zakharova", "Rejection", "ceasefire")}),
        # no one of that title named before: the side holds it
        ("The French president proposed a truce in the air.", {("france", "Proposal", "ceasefire")}),
        # a person of another title is not the one meant
        ("Lavrov arrived in Ankara. The Russian president rejected any ceasefire.", {("russia", "Rejection", "ceasefire")}),
    ],
    "a document's clause speaks for its author": [
        ("Zelensky signed a decree ruling out any negotiations with Putin.", {("volodymyr-zelensky", "Rejection", "leaders-meeting")}),
        ("The EU adopted a resolution calling for a ceasefire.", {("european-union", "Demand", "ceasefire")}),
        ("Russia and Ukraine signed the grain deal in Istanbul.",
         {("russia", "Acceptance", "humanitarian-corridors"), ("ukraine", "Acceptance", "humanitarian-corridors")}),
    ],
    "a gerund as subject is the topic": [
        ("Scholz warned that sending Taurus missiles could drag Germany into the war.", set()),
        ("Sending Taurus missiles would be a mistake, Scholz said.", {("olaf-scholz", "Rejection", "military-aid")}),
        ("The Kremlin has described Ukraine's NATO aspirations as a threat to Russia's security.", {("russia", "Rejection", "nato-membership")}),
        ("Berlin is sending more air defence to Kyiv.", {("germany", "Support", "military-aid")}),
    ],
    "leaving an agreement": [
        ("Russia on Monday pulled out of the Black Sea grain deal.", {("russia", "Rejection", "humanitarian-corridors")}),
        ("Moscow suspended its participation in the New START treaty.", {("russia", "Rejection", "nuclear-arms-control")}),
        # leaving a place is a withdrawal of forces, not leaving a deal; not leaving is no stance
        ("Russian forces pulled out of Kherson in November.", set()),
        ("Russia will not pull out of the grain deal, Peskov said.", set()),
    ],
    "what one's own side will not do": [
        ("Zelensky said Ukraine would never withdraw its troops from the Donbas region.",
         {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
        ("Russian troops will not withdraw from Zaporizhzhia, Peskov said.", {("dmitry-peskov", "Rejection", "troop-withdrawal")}),
        # another side's future is a prediction; a past withdrawal is an event; "might" hedges
        ("Putin said Ukraine would never join NATO.", set()),
        ("Kyiv said Russia would never withdraw from Crimea.", set()),
        ("Ukrainian forces withdrew from Avdiivka in February.", set()),
        ("Zelensky said Ukraine might not withdraw from the Donbas.", set()),
    ],
    "the points of a plan in a list": [
        ("Key points of the US plan:\n- Ukraine to cede the rest of Donetsk\n- NATO membership ruled out\n"
         "- Sanctions on Russia to be lifted in stages",
         {("united-states", "Proposal", "territorial-concessions"), ("united-states", "Rejection", "nato-membership"),
          ("united-states", "Proposal", "sanctions")}),
        ("Russia's conditions:\n- Ukraine to withdraw from the four regions\n- no Western troops in Ukraine",
         {("russia", "Demand", "territorial-concessions"), ("russia", "Demand", "annexed-regions"),
          ("russia", "Opposition", "security-guarantees")}),
        # a new paragraph after the list is not an item
        ("Key points of the US plan:\n- a ceasefire along the front line\n\nKyiv rejected sanctions relief.",
         {("united-states", "Proposal", "ceasefire"), ("ukraine", "Rejection", "sanctions")}),
    ],
    "a stance shared in an apposition": [
        ("Merz said Europe would insist on a ceasefire first, a position backed by Macron.",
         {("friedrich-merz", "Demand", "ceasefire"), ("emmanuel-macron", "Demand", "ceasefire")}),
        ("Kyiv demanded the return of all prisoners of war, a demand echoed by Warsaw and Vilnius.",
         {("ukraine", "Demand", "prisoner-exchange"), ("poland", "Demand", "prisoner-exchange"),
          ("lithuania", "Demand", "prisoner-exchange")}),
        ("Budapest opposed new sanctions on Moscow, a view shared by Bratislava.",
         {("hungary", "Opposition", "sanctions"), ("slovakia", "Opposition", "sanctions")}),
        # not an apposition to the clause: the noun phrase is the subject
        ("The position backed by Macron calls for a ceasefire.", set()),
    ],
    "a that clause the parser hangs on a noun": [
        ("Starmer told reporters after the meeting that Britain was ready to put troops on the ground.",
         {("keir-starmer", "Acceptance", "security-guarantees")}),
        ("Fidan told journalists after the talks that Turkey would back a ceasefire.",
         {("hakan-fidan", "Support", "ceasefire")}),
    ],
    "a comma-set relative clause refers back to the clause": [
        ("Kyiv called for a meeting of the two presidents at the level of leaders, which the Kremlin has so far rejected.",
         {("ukraine", "Demand", "leaders-meeting"), ("russia", "Rejection", "leaders-meeting")}),
        ("Erdogan proposed a grain corridor across the Black Sea, which Moscow accepted in July.",
         {("recep-tayyip-erdogan", "Proposal", "humanitarian-corridors"), ("russia", "Acceptance", "humanitarian-corridors")}),
        ("Poland wants new sanctions on Russian gas, something Hungary will never accept.",
         {("poland", "Demand", "sanctions"), ("hungary", "Rejection", "sanctions")}),
        ("Britain backed a demilitarised zone around the nuclear power plant, a proposal the Russian delegate rejected.",
         {("united-kingdom", "Support", "nuclear-power-plants"), ("russia", "Rejection", "nuclear-power-plants")}),
        # the relative clause says something of the noun, not of the clause: no reply
        ("Kyiv called for a ceasefire along the front line, which runs for a thousand kilometres.",
         {("ukraine", "Demand", "ceasefire")}),
    ],
    "coordinated stance verbs each stand": [
        ("China called for restraint and urged the parties to resume dialogue.", {("china", "Demand", "peace-talks")}),
        ("Macron welcomed the truce and called for talks on a lasting settlement.",
         {("emmanuel-macron", "Support", "ceasefire"), ("emmanuel-macron", "Demand", "peace-talks")}),
    ],
    "stopping short": [
        ("Scholz stopped short of endorsing sanctions on Russian gas, saying Berlin needed more time.",
         {("olaf-scholz", "Rejection", "sanctions")}),
        ("Biden stopped short of committing American troops to Ukraine.",
         {("joe-biden", "Rejection", "security-guarantees")}),
    ],
    "a judging noun's own complement is not judged": [
        ("Lavrov said Ukrainian shelling was the main threat to the nuclear power plant.", set()),
        ("A truce without guarantees would be a trap, Zelensky said.", {("volodymyr-zelensky", "Rejection", "ceasefire")}),
    ],
    "a group speaks through the ones it names": [
        ("Several members, including France and Norway, voiced support for a demilitarised zone around the nuclear power plant.",
         {("france", "Support", "nuclear-power-plants"), ("norway", "Support", "nuclear-power-plants")}),
        ("Countries like Hungary oppose new sanctions.", {("hungary", "Opposition", "sanctions")}),
    ],
    "a proposal that names nothing is about its purpose": [
        ("Grossi set out five principles to protect the nuclear power plant.", {("rafael-grossi", "Proposal", "nuclear-power-plants")}),
        ("Turkey proposed a mechanism to monitor grain shipments.", {("turkey", "Proposal", "humanitarian-corridors")}),
        # a proposal with an issue of its own: the purpose is no second proposal
        ("Kyiv offered a prisoner swap to build trust before talks.", {("ukraine", "Proposal", "prisoner-exchange")}),
    ],
    "the principles set out before": [
        ("Grossi set out five principles to protect the nuclear power plant. Russia and Ukraine supported the principles.",
         {("rafael-grossi", "Proposal", "nuclear-power-plants"), ("russia", "Support", "nuclear-power-plants"),
          ("ukraine", "Support", "nuclear-power-plants")}),
        ("Erdogan proposed a prisoner exchange. Moscow said it was ready to comply with the plan.",
         {("recep-tayyip-erdogan", "Proposal", "prisoner-exchange"), ("russia", "Acceptance", "prisoner-exchange")}),
        # a circumstance is not what is refused
        ("Moscow offered talks. Kyiv was unwilling to give in under those conditions.", {("russia", "Proposal", "peace-talks")}),
    ],
    "an opening participle misread as the subject": [
        ("Briefing the Security Council, the head of the International Atomic Energy Agency demanded a safety zone around the nuclear"
         " power plant.", {("iaea", "Demand", "nuclear-power-plants")}),
    ],
    "the only solution, the key, the guarantee": [
        ("The only solution is a ceasefire along the current front line, the Turkish foreign minister said.",
         {("turkey", "Demand", "ceasefire")}),
        ("For Moscow, the key is Ukraine's neutrality, Lavrov said.", {("sergey-lavrov", "Demand", "neutrality")}),
        ("Kuleba said the only real guarantee of safety was the withdrawal of Russian troops from Ukraine.",
         {("dmytro-kuleba", "Demand", "troop-withdrawal")}),
    ],
    "a one-word answer to a question put": [
        ("Asked whether Kyiv would cede the Donbas, Zelensky said no.", {("volodymyr-zelensky", "Rejection", "territorial-concessions")}),
        ("Asked if he would meet Zelensky, Putin replied: \"Never.\"", {("vladimir-putin", "Rejection", "leaders-meeting")}),
        ("Asked whether he supported new sanctions on Moscow, Orban said yes.", {("viktor-orban", "Support", "sanctions")}),
        # the answer opens the next sentence
        ("Asked whether Britain would send peacekeepers to Ukraine, Starmer paused. \"Yes,\" he said.",
         {("keir-starmer", "Support", "security-guarantees")}),
        # no one-word answer: nothing
        ("Asked whether Kyiv would cede the Donbas, Zelensky changed the subject.", set()),
    ],
    "he: the person last named by a title": [
        ("The head of the IAEA set out five principles to protect the nuclear power plant. He called on both sides to observe "
         "the principles.", {("iaea", "Proposal", "nuclear-power-plants"), ("iaea", "Demand", "nuclear-power-plants")}),
    ],
    "a need the speaker denies": [
        ("\"I don't think you need a ceasefire,\" Trump said.", {("donald-trump", "Rejection", "ceasefire")}),
        ("Orban said he did not think Ukraine needed more air defence.", {("viktor-orban", "Rejection", "military-aid")}),
        ("Fico does not believe Kyiv will accept a ceasefire.", set()),
    ],
    "a group of actors is ready": [
        ("Macron said that the coalition of the willing was ready to deploy forces to Ukraine.",
         {("emmanuel-macron", "Acceptance", "security-guarantees")}),
        ("Starmer said the allies were willing to send troops to Ukraine after a ceasefire.",
         {("keir-starmer", "Acceptance", "security-guarantees")}),
        # a thing that is ready states nobody's readiness
        ("Witkoff said the framework was ready to deploy forces to Ukraine.", set()),
    ],
    "who voices a side's stance speaks for it": [
        ("Lavrov reiterated Russia's demand that Ukraine withdraw its forces from the Donbas.",
         {("sergey-lavrov", "Demand", "territorial-concessions"), ("sergey-lavrov", "Demand", "donbas")}),
        ("Sybiha restated Ukraine's proposal of a full ceasefire in the air and at sea.", {("andrii-sybiha", "Proposal", "ceasefire")}),
        # another side's stance voiced is still that side's
        ("Macron welcomed Ukraine's proposal of a full ceasefire.", {("emmanuel-macron", "Support", "ceasefire"),
                                                                     ("ukraine", "Proposal", "ceasefire")}),
    ],
    "support voiced for the idea named before": [
        ("Orban offered to host a summit between Trump and Putin, and Fico voiced support for the initiative.",
         {("viktor-orban", "Proposal", "leaders-meeting"), ("robert-fico", "Support", "leaders-meeting")}),
        ("Erdogan proposed a prisoner exchange. Guterres later expressed support for the idea.",
         {("recep-tayyip-erdogan", "Proposal", "prisoner-exchange"), ("antonio-guterres", "Support", "prisoner-exchange")}),
    ],
    "a threat opposes what it is conditional on": [
        ("Medvedev threatened to use nuclear weapons if the West sends Tomahawk missiles to Kyiv.",
         {("dmitry-medvedev", "Opposition", "military-aid"), ("dmitry-medvedev", "Support", "nuclear-arms-control")}),
    ],
    "what one's own side could do, said by it": [
        ("Russia signalled it could agree to a prisoner exchange.", {("russia", "Acceptance", "prisoner-exchange")}),
        ("Sybiha said Kyiv could accept a ceasefire in the air and at sea.", {("andrii-sybiha", "Acceptance", "ceasefire")}),
        # another side's: a guess
        ("Sybiha said Moscow could accept a ceasefire in the air and at sea.", set()),
    ],
    "a stance given up": [
        ("Trump backed away from his demand for an immediate ceasefire.", set()),
        ("Moscow withdrew its offer of a prisoner exchange.", set()),
        ("Britain backed the proposal for a ceasefire.", {("united-kingdom", "Support", "ceasefire")}),
        ("Macron said he would not give Kyiv more air defence for now.", {("emmanuel-macron", "Opposition", "military-aid")}),
    ],
    "making something conditional on a demand": [
        ("Russia has conditioned any truce on an end to Western arms deliveries.", {("russia", "Opposition", "military-aid")}),
        ("Kyiv conditioned its participation in talks on a Russian withdrawal from Ukraine.", {("ukraine", "Demand", "troop-withdrawal")}),
    ],
    "what one's own side will do only on a condition": [
        ("Kyiv will only negotiate once Russia withdraws its troops.", {("ukraine", "Demand", "troop-withdrawal")}),
        ("Zelensky said Ukraine would sit down with Putin only after a full ceasefire.",
         {("volodymyr-zelensky", "Demand", "ceasefire")}),
        # another side's: a prediction; no "only": no condition stated as demanded
        ("Zelensky said Russia would only stop after it captured the Donbas.", set()),
        ("Kyiv will negotiate once Russia withdraws its troops.", set()),
    ],
    "the N leaders named with the talks": [
        ("Putin and Zelensky met in Paris on Monday at a summit with Macron and Merkel. The four leaders agreed to exchange all "
         "prisoners.", {("vladimir-putin", "Acceptance", "prisoner-exchange"), ("volodymyr-zelensky", "Acceptance", "prisoner-exchange"),
                        ("emmanuel-macron", "Acceptance", "prisoner-exchange"), ("angela-merkel", "Acceptance", "prisoner-exchange")}),
        # a count that does not fit names nobody
        ("Putin and Zelensky met in Paris on Monday. The three leaders agreed to exchange all prisoners.", set()),
    ],
    "an aside in reported speech names its own holder": [
        ("Zelensky insisted that any settlement must include security guarantees, a demand that Moscow has rejected.",
         {("volodymyr-zelensky", "Demand", "security-guarantees"), ("russia", "Rejection", "security-guarantees")}),
    ],
    "only with, only on the basis of": [
        ("Moscow is ready for talks, but only with guarantees for Russian security.",
         {("russia", "Acceptance", "peace-talks"), ("russia", "Demand", "security-guarantees")}),
        ("Minsk is open to dialogue, but only on the basis of a ceasefire.",
         {("belarus", "Acceptance", "peace-talks"), ("belarus", "Demand", "ceasefire")}),
    ],
    "a judging adjective with no object judges the clause before": [
        ("The idea of European peacekeepers has gained ground in London and Paris, but Berlin and Rome remain sceptical.",
         {("germany", "Opposition", "security-guarantees"), ("italy", "Opposition", "security-guarantees")}),
        ("Kyiv proposed a prisoner swap, but Moscow was wary.",
         {("ukraine", "Proposal", "prisoner-exchange"), ("russia", "Opposition", "prisoner-exchange")}),
    ],
    "on condition that": [
        ("Peskov said Moscow was ready for talks on condition that the new realities are recognised.",
         {("dmitry-peskov", "Acceptance", "peace-talks"), ("dmitry-peskov", "Demand", "annexed-regions")}),
        ("Budapest is open to a diplomatic settlement, but on the condition that sanctions on Russian energy are lifted.",
         {("hungary", "Acceptance", "peace-talks"), ("hungary", "Demand", "sanctions")}),
    ],
    "a subject with neither or no": [
        ("Neither Moscow nor Kyiv has accepted the American plan for a ceasefire.",
         {("russia", "Rejection", "ceasefire"), ("ukraine", "Rejection", "ceasefire")}),
        ("Neither side wants a ceasefire.", set()),
    ],
    "a subject the parser gives to the participle set off after it": [
        ("The American plan, drafted by Witkoff's team, offers Ukraine a ceasefire along the front line.",
         {("united-states", "Proposal", "ceasefire")}),
        ("The Russian memorandum, published on Monday by state media, offers Kyiv a ceasefire.", {("russia", "Proposal", "ceasefire")}),
    ],
    "guarantees, and an alliance's expansion": [
        ("Zelensky said Kyiv needed guarantees that work now.", {("volodymyr-zelensky", "Demand", "security-guarantees")}),
        ("Moscow offered guarantees of safe passage for grain ships.", {("russia", "Proposal", "humanitarian-corridors")}),
        ("Russia insists any settlement must address NATO's eastward expansion.", {("russia", "Demand", "nato-membership")}),
    ],
}
FLAT = [(cls, text, exp) for cls, cases in CLASS_CASES.items() for text, exp in cases]


@pytest.mark.parametrize(("cls", "text", "expected"), FLAT, ids=[f"{c[0]}: {c[1][:35]}" for c in FLAT])
def test_failure_classes(cls: str, text: str, expected: set[tuple[str, str, str]], doc_of, res) -> None:  # type: ignore[no-untyped-def]
    got = {(p.holder.removeprefix(ID), p.stance, p.issue) for p in extract_positions(doc_of(text), res)}
    assert got == expected, cls


@pytest.mark.parametrize(("publisher", "expected"), [
    ("Ministry of Foreign Affairs of Ukraine", {("ukraine", "Rejection", "crimea"), ("ukraine", "Acceptance", "peace-talks")}),
    ("U.S. Department of State", {("united-states", "Rejection", "crimea"), ("united-states", "Acceptance", "peace-talks")}),
    ("Reuters", set()),  # a news outlet names no actor: the briefer stays unknown
])
def test_an_unknown_briefer_speaks_for_the_publisher(publisher: str, expected: set[tuple[str, str, str]], res) -> None:  # type: ignore[no-untyped-def]
    text = ("MS SMITH: We will never accept the annexation of Crimea.\n\nQUESTION: And negotiations?\n\n"
            "MS SMITH: We stand ready to support any diplomatic effort.\n")
    doc = prepare(parse_document(f"Published: 2025-03-17\nPublisher: {publisher}\n\n{text}", "briefing"), res)
    assert {(p.holder.removeprefix(ID), p.stance, p.issue) for p in extract_positions(doc, res)} == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Statement of the Ministry of Foreign Affairs of Ukraine on the sham referendums", {("ukraine", "Demand", "sanctions")}),
    ("Joint statement by Poland and Lithuania", set()),  # two authors: "we" stays unresolved
    ("Kyiv urges new sanctions", set()),  # a news headline names no author
])
def test_we_in_a_statement_is_its_author(title: str, expected: set[tuple[str, str, str]], res) -> None:  # type: ignore[no-untyped-def]
    text = "We call on the international community to step up sanctions against Russia.\n"
    doc = prepare(parse_document(f"Title: {title}\nPublished: 2022-09-30\n\n{text}", "statement"), res)
    assert {(p.holder.removeprefix(ID), p.stance, p.issue) for p in extract_positions(doc, res)} == expected
