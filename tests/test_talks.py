"""Talks extraction: text → expected talks (format, date, places, participants, mediators, hosts)."""

import datetime as dt

import pytest

from kg.extract.talks import extract_talks

ID = "https://w3id.org/parley/id/"


def _short(iri: str) -> str:
    return iri.removeprefix(ID).split("/", 1)[1]


def _talks(doc, res):  # type: ignore[no-untyped-def]
    return [(t.format, t.status, t.date.isoformat() if t.date else None, sorted(map(_short, t.places)),
             sorted(map(_short, t.participants)), sorted(map(_short, t.mediators)), sorted(map(_short, t.hosts)))
            for t in extract_talks(doc, res)]


# Published 2025-03-17 (doc_of): a day after that in a clause in the past is of the year before.
CASES = [
    ("On March 29, Russian and Ukrainian delegations met in Istanbul for a new round of talks hosted by "
     "Turkish President Recep Tayyip Erdogan.",
     [("negotiation round", "Held", "2025-03-29", ["istanbul"], ["russia", "ukraine"], [], ["recep-tayyip-erdogan"])]),
    ("The United States and Ukraine held talks in Jeddah, Saudi Arabia, on March 11.",
     [("meeting", "Held", "2025-03-11", ["jeddah"], ["ukraine", "united-states"], [], [])]),
    ("More than 90 countries attended the peace summit at the Bürgenstock resort in Switzerland on June 15.",
     [("summit", "Held", "2024-06-15", ["burgenstock"], [], [], [])]),
    ("Trump and Putin spoke by phone for more than two hours on Monday.",
     [("phone call", "Held", "2025-03-17", [], ["donald-trump", "vladimir-putin"], [], [])]),
    ("Witkoff met Putin in St Petersburg on Friday.",
     [("meeting", "Held", "2025-03-14", ["st-petersburg"], ["steve-witkoff", "vladimir-putin"], [], [])]),
    ("The second and third rounds of talks were held in Belarus on 3 and 7 March.",
     [("negotiation round", "Held", "2025-03-03", ["belarus"], [], [], []),
      ("negotiation round", "Held", "2025-03-07", ["belarus"], [], [], [])]),
    ("Under the mediation of Turkey and the United Nations, Russia and Ukraine signed the grain deal in Istanbul "
     "on July 22.",
     [("signing ceremony", "Held", "2024-07-22", ["istanbul"], ["russia", "ukraine"], ["turkey", "united-nations"], [])]),
    ("Ukraine's delegation, led by Defence Minister Rustem Umerov, met the Russian team headed by Vladimir Medinsky "
     "at the Dolmabahce Palace in Istanbul on May 16.",
     [("meeting", "Held", "2024-05-16", ["dolmabahce-palace"], ["russia", "rustem-umerov", "ukraine", "vladimir-medinsky"], [], [])]),
    ("Zelensky will meet Trump at the White House on Friday.",
     [("meeting", "Planned", "2025-03-21", ["white-house"], ["donald-trump", "volodymyr-zelensky"], [], [])]),
    # a third party hosting, brokering or chairing talks: the talks were held, the third party is no participant
    ("Saudi Arabia hosted talks in Jeddah on Aug 5-6 with delegations from Ukraine, China and Brazil.",
     [("meeting", "Held", "2024-08-05", ["jeddah"], ["brazil", "china", "ukraine"], [], ["saudi-arabia"])]),
    ("Turkey brokered talks between Russia and Ukraine in Istanbul on 29 March.",
     [("meeting", "Held", "2025-03-29", ["istanbul"], ["russia", "ukraine"], ["turkey"], [])]),
    # a deal, swap or agreement a third party brokered stands for the talks that made it
    ("Russia and Ukraine exchanged 300 prisoners of war on Friday in a deal mediated by the United Arab Emirates.",
     [("meeting", "Held", "2025-03-14", [], ["russia", "ukraine"], ["united-arab-emirates"], [])]),
    # "X-brokered", "Turkish-mediated": the word glued to the participle mediates, not a neighbour
    ("Russia and Ukraine held Turkish-mediated talks in Istanbul on 10 March.",
     [("meeting", "Held", "2025-03-10", ["istanbul"], ["russia", "ukraine"], ["turkey"], [])]),
    # a range of days, weekdays included: the talks began on the first
    ("On Sunday 14 and Monday 15 December Witkoff held talks with Zelensky in Berlin.",
     [("meeting", "Held", "2024-12-14", ["berlin"], ["steve-witkoff", "volodymyr-zelensky"], [], [])]),
    # talks with a partner, as an argument of a verb in the past: they took place
    ("Scholz discussed the war in a phone call with Xi on Friday.",
     [("phone call", "Held", "2025-03-14", [], ["olaf-scholz", "xi-jinping"], [], [])]),
    ("After a telephone conversation with Erdogan on Monday, Zelensky said the talks had gone well.",
     [("phone call", "Held", "2025-03-17", [], ["recep-tayyip-erdogan", "volodymyr-zelensky"], [], [])]),
    ("In talks hosted by Qatar in Doha on 2 March, Russia and Ukraine discussed the return of children.",
     [("meeting", "Held", "2025-03-02", ["doha"], ["russia", "ukraine"], [], ["qatar"])]),
    # not talks: intentions, plans without a date, rumours, talk about talks
    ("Turkey offered to host new talks between Russia and Ukraine in Istanbul.", []),
    ("Kyiv has banned negotiations with the Russian leadership.", []),
    ("The Kremlin cancelled a phone call with Macron on Friday.", []),
    ("Talks with Russia are pointless, Kallas said.", []),
    ("Putin detailed his conditions for negotiations with Kyiv on Friday.", []),
    ("The European Union signed a trade agreement with Japan on Monday.", []),
    ("Norway hopes to host talks in Oslo.", []),
    ("Trump said he had begun arranging a meeting between Putin and Zelensky.", []),
    ("There were rumors that Russia and Ukraine had secretly started negotiations.", []),
    ("Only dialogue and negotiation can solve the problem between Russia and Ukraine.", []),
    ("Putin said Russia was open to dialogue with Ukraine, provided that all demands are met.", []),
    # a speaker the gazetteer does not name after the report is no actor named before it
    ("Witkoff met Umerov in Miami on Saturday, officials said.",
     [("meeting", "Held", "2025-03-15", ["miami"], ["rustem-umerov", "steve-witkoff"], [], [])]),
    ("Kushner and Witkoff met Umerov in Miami on Saturday, a Ukrainian official said.",
     [("meeting", "Held", "2025-03-15", ["miami"], ["jared-kushner", "rustem-umerov", "steve-witkoff"], [], [])]),
    # "under X auspices" mediates; verbs of gathering are talks only between two sides
    ("The talks between Russia and Ukraine opened in Istanbul on Wednesday under Turkish auspices.",
     [("meeting", "Held", "2025-03-12", ["istanbul"], ["russia", "ukraine"], ["turkey"], [])]),
    ("Russian and American negotiators sat down in Riyadh on Monday.",
     [("meeting", "Held", "2025-03-17", ["riyadh"], ["russia", "united-states"], [], [])]),
    ("U.S. and Russian officials gathered in Riyadh on Monday for talks on the Black Sea.",
     [("meeting", "Held", "2025-03-17", ["riyadh"], ["russia", "united-states"], [], [])]),
    ("A new round of talks between U.S. and Ukrainian officials got under way in Florida on Sunday.",
     [("negotiation round", "Held", "2025-03-16", ["florida"], ["ukraine", "united-states"], [], [])]),
    # the city of a wire dateline is where the report was filed, not a party
    ("KYIV, March 16 (Wire) - Zelensky met Erdogan in Ankara on Sunday, his office said.",
     [("meeting", "Held", "2025-03-16", ["ankara"], ["recep-tayyip-erdogan", "volodymyr-zelensky"], [], [])]),
    # agreements signed are a ceremony, in the plural too
    ("Russia and Ukraine signed separate agreements in Istanbul on Friday.",
     [("signing ceremony", "Held", "2025-03-14", ["istanbul"], ["russia", "ukraine"], [], [])]),
    # an offer to host other talks makes no host of these
    ("Zelensky held talks with Erdogan in Ankara on Saturday, who has offered to host a summit.",
     [("meeting", "Held", "2025-03-15", ["ankara"], ["recep-tayyip-erdogan", "volodymyr-zelensky"], [], [])]),
    # "a meeting of" sides names its parties; two demonyms joined before a talks noun too
    ("A trilateral meeting of Russian, Ukrainian and US officials took place in Abu Dhabi on Friday.",
     [("meeting", "Held", "2025-03-14", ["abu-dhabi"], ["russia", "ukraine", "united-states"], [], [])]),
    ("The Ukrainian-American consultations in Geneva continued on Monday.",
     [("meeting", "Held", "2025-03-17", ["geneva"], ["ukraine", "united-states"], [], [])]),
    # "a call with": a call; an adverb inside "spoke ... with"; leaders of two sides on a call are its callers
    ("Scholz and Macron held a call with Putin on Wednesday.",
     [("phone call", "Held", "2025-03-12", [], ["emmanuel-macron", "olaf-scholz", "vladimir-putin"], [], [])]),
    ("Erdogan spoke separately with Putin on Thursday.",
     [("phone call", "Held", "2025-03-13", [], ["recep-tayyip-erdogan", "vladimir-putin"], [], [])]),
    ("Leaders of Britain, France and Poland took part in a video call with Zelensky on Tuesday.",
     [("phone call", "Held", "2025-03-11", [], ["france", "poland", "united-kingdom", "volodymyr-zelensky"], [], [])]),
    ("Kyiv renewed its call for a ceasefire on Tuesday.", []),
    ("The call between Putin and Erdogan on Tuesday lasted an hour, the Kremlin said.",
     [("phone call", "Held", "2025-03-11", [], ["recep-tayyip-erdogan", "vladimir-putin"], [], [])]),
    ("Macron phoned Putin on Friday to demand a ceasefire.",
     [("phone call", "Held", "2025-03-14", [], ["emmanuel-macron", "vladimir-putin"], [], [])]),
    ("Zelensky and Starmer spoke on Saturday, Downing Street said.",
     [("phone call", "Held", "2025-03-15", [], ["keir-starmer", "volodymyr-zelensky"], [], [])]),
    ("Zelensky held a video conference with Macron and Merz on Thursday.",
     [("phone call", "Held", "2025-03-13", [], ["emmanuel-macron", "friedrich-merz", "volodymyr-zelensky"], [], [])]),
    # talks that open the sentence as its setting: who acts in the clause took part
    ("During their call on Monday, Trump and Zelensky discussed air defence.",
     [("phone call", "Held", "2025-03-17", [], ["donald-trump", "volodymyr-zelensky"], [], [])]),
    ("At the summit in Geneva on Friday, Macron and Scholz called for a ceasefire.",
     [("summit", "Held", "2025-03-14", ["geneva"], ["emmanuel-macron", "olaf-scholz"], [], [])]),
    ("Kyiv renewed its call on allies to send jets.", []),
    # one who spoke is no talks; nor is a call to arms
    ("Hours after Zelensky spoke, Russia fired missiles at Kyiv.", []),
    ("The call to arms came on Friday from Lukashenko.", []),
    # a word of plans inside a relative clause does not make the talks planned
    ("Orban, who has repeatedly called for a ceasefire, met Putin in Moscow on Friday.",
     [("meeting", "Held", "2025-03-14", ["moscow"], ["viktor-orban", "vladimir-putin"], [], [])]),
    ("Protesters gathered in Kyiv on Sunday.", []),
    ("The ministers sat down for dinner in Kyiv on Sunday.", []),
    ("Biden told reporters at the White House on Tuesday that more air defence was coming.", []),
    ("The Russian delegation in Istanbul agreed on nothing.", []),
    ("Starmer is due to speak with Zelensky on Wednesday.",
     [("phone call", "Planned", "2025-03-19", [], ["keir-starmer", "volodymyr-zelensky"], [], [])]),
    ("Zelensky will meet Trump at the White House on Friday, his office said.",
     [("meeting", "Planned", "2025-03-21", ["white-house"], ["donald-trump", "volodymyr-zelensky"], [], [])]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_talks(text: str, expected, doc_of, res) -> None:  # type: ignore[no-untyped-def]
    assert _talks(doc_of(text), res) == expected


def test_later_mentions_resolve_to_the_same_talks(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of(
        "On March 3, the second round of negotiations between Russia and Ukraine was held. "
        "In this round of negotiations, the two sides reached an agreement on humanitarian corridors. "
        "Earlier, the two sides held the first round of negotiations in Gomel Oblast, Belarus. "
        "On March 3, the Russian-Ukrainian delegation held the second round of negotiations in Belarus.",
        published="2022-03-04",
    )
    talks = list(extract_talks(doc, res))
    assert [(t.round, t.date) for t in talks] == [(2, dt.date(2022, 3, 3)), (1, None)]
    second, first = talks
    assert [_short(p) for p in second.places] == ["belarus"]
    assert list(second.agreed) == ["humanitarian-corridors"]
    assert [_short(p) for p in first.places] == ["gomel-oblast"]
    assert len(second.evidence) == 3


def test_delegation_members_join_the_last_talks(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("On November 14, the U.S.-Russian delegation held secret negotiations in Ankara. "
                 "The Russian delegation included Sergei Naryshkin.", published="2023-02-15")
    (t,) = extract_talks(doc, res)
    assert "sergey-naryshkin" in map(_short, t.participants)


# Read over the parse (issue 9): delegation heads and members, mediators, places after a
# possessive, and actors named only in another clause.
PARSED = [
    ("Russian and Ukrainian negotiators met in Riyadh on Monday. Rustem Umerov led the Ukrainian side, which also "
     "included Andriy Yermak and David Arakhamia.",
     {"participants": {"russia", "ukraine", "rustem-umerov", "andriy-yermak", "david-arakhamia"}}),
    ("The two delegations met in Abu Dhabi on Friday. The meeting was brokered by the United Arab Emirates.",
     {"mediators": {"united-arab-emirates"}}),
    ("Qatar mediated the talks between Russia and Ukraine in Doha on Tuesday.",
     {"mediators": {"qatar"}, "participants": {"russia", "ukraine"}}),
    ("Russian and Ukrainian delegations met at a hotel in Turkey's Antalya on March 10.",
     {"places": {"antalya"}}),
    ("Turkish and UN officials met in Istanbul on Wednesday after Moscow withdrew from the grain deal.",
     {"not participants": {"russia"}}),
    # a meeting verb done by one actor to another, active or passive
    ("Putin received Witkoff in the Kremlin on December 2.", {"participants": {"vladimir-putin", "steve-witkoff"},
                                                              "places": {"kremlin"}}),
    ("Macron visited Putin in Moscow on February 7.", {"participants": {"emmanuel-macron", "vladimir-putin"}}),
    # a meeting verb coordinated with another shares its subject: two meetings
    ("Witkoff met Zelensky in Kyiv on June 6 and was received in Moscow on June 28 by Lavrov.",
     {"participants": {"volodymyr-zelensky"}, "places": {"kyiv"}, "not places": {"moscow"}}),
    ("Saudi Arabia hosted the American and Ukrainian delegations in Jeddah on Tuesday.",
     {"participants": {"united-states", "ukraine"}, "not participants": {"saudi-arabia"}}),
    # ... but one who hosts a single guest meets them
    ("Putin hosted Witkoff at the Kremlin for five hours on Thursday.", {"participants": {"vladimir-putin", "steve-witkoff"}}),
    ("Zelensky was received by Erdogan in Ankara on Friday.",
     {"participants": {"volodymyr-zelensky", "recep-tayyip-erdogan"}, "places": {"ankara"}}),
    # the countries a side noun is "of" take part; a country some other noun is "of" does not
    ("The leaders of France, Germany and Britain met Zelensky in Kyiv on Saturday.",
     {"participants": {"france", "germany", "united-kingdom", "volodymyr-zelensky"}}),
    ("Macron and Scholz met in Paris on Friday to discuss the future of Russia's frozen assets.",
     {"participants": {"emmanuel-macron", "olaf-scholz"}, "not participants": {"russia"}}),
    # "with Turkish mediation", "under Qatari mediation": the demonym's country mediates
    ("Russian and Ukrainian delegations held talks in Istanbul on Friday, with Turkish mediation.",
     {"mediators": {"turkey"}, "participants": {"russia", "ukraine"}}),
    ("The talks in Doha took place under Qatari mediation on Monday between Russia and Ukraine.", {"mediators": {"qatar"}}),
    # a place naming the talks ("the Geneva talks") is where they were
    ("Russia and Ukraine concluded the Istanbul talks on Friday.", {"places": {"istanbul"}, "participants": {"russia", "ukraine"}}),
    # "joined by X, Y and Z": they take part; "flew to Moscow for talks": the talks are there
    ("Trump met Zelensky at the White House on Monday, joined by Macron, Merz and Stubb.",
     {"participants": {"donald-trump", "volodymyr-zelensky", "emmanuel-macron", "friedrich-merz", "alexander-stubb"}}),
    ("Witkoff travelled to the Kremlin on Thursday for talks with Putin.", {"places": {"kremlin"}}),
    ("Witkoff and Kushner flew to Moscow on Tuesday for talks with Putin.",
     {"places": {"moscow"}, "participants": {"steve-witkoff", "jared-kushner", "vladimir-putin"}}),
    # the owner of a title is not at the talks; the Oval Office is in the White House
    ("On Friday, Zelensky's chief of staff Andriy Yermak met U.S. officials in Geneva.",
     {"participants": {"andriy-yermak", "united-states"}, "not participants": {"volodymyr-zelensky"}}),
    ("Zelensky and European leaders met Trump in the Oval Office on Monday.", {"places": {"white-house"}}),
    # "including X, Y and Z" take part; a host verb the parser makes a modifier of its guest still hosts
    ("Trump met Zelensky and seven European leaders, including Macron, Starmer and Merz, at the White House on Monday.",
     {"participants": {"donald-trump", "volodymyr-zelensky", "emmanuel-macron", "keir-starmer", "friedrich-merz"}}),
    ("In London, Starmer hosted Zelensky, Macron, Merz and Meloni on Sunday.",
     {"participants": {"volodymyr-zelensky", "emmanuel-macron", "friedrich-merz", "giorgia-meloni"}, "places": {"london"}}),
    # "here" in a wire report is its dateline's city
    ("ANKARA, March 3 (Wire) -- Turkish Foreign Minister Hakan Fidan held talks here with Sergey Lavrov on Thursday.",
     {"places": {"ankara"}, "participants": {"hakan-fidan", "sergey-lavrov"}}),
    ("Hakan Fidan held talks here with Sergey Lavrov on Thursday.", {"places": set()}),
    # one who reports the talks afterwards takes no part in them
    ("Rubio and Lavrov held talks in Riyadh on Tuesday, the State Department said.",
     {"participants": {"marco-rubio", "sergey-lavrov"}, "not participants": {"united-states"}}),
    ("Witkoff met Putin in St Petersburg on April 11, the Kremlin said.",
     {"participants": {"steve-witkoff", "vladimir-putin"}, "not participants": {"russia"}}),
    # a verb done with another actor ("discussed X with", "spent hours with", "sat down with"): both take part
    ("Fidan discussed the grain corridor with Lavrov in Antalya on Friday.",
     {"participants": {"hakan-fidan", "sergey-lavrov"}, "places": {"antalya"}}),
    ("Witkoff will spend several hours with Putin in the Kremlin on Tuesday.",
     {"participants": {"steve-witkoff", "vladimir-putin"}, "places": {"kremlin"}}),
    ("Erdogan sat down with Zelensky in Lviv last August.", {"participants": {"recep-tayyip-erdogan", "volodymyr-zelensky"}}),
    # members named after the talks: taking part, on a side, in a team, accompanying a party
    ("Russian and Ukrainian delegations met in Istanbul on Monday. Taking part in the talks were Medinsky and Umerov.",
     {"participants": {"vladimir-medinsky", "rustem-umerov"}}),
    ("Russian and Ukrainian delegations met in Istanbul on Monday. On the Ukrainian side were Umerov, Yermak and Sybiha.",
     {"participants": {"rustem-umerov", "andriy-yermak", "andrii-sybiha"}}),
    ("US and Ukrainian officials met in Jeddah on Tuesday. The US team consisted of Rubio and Waltz.",
     {"participants": {"marco-rubio", "mike-waltz"}}),
    ("Witkoff met Putin in Moscow on Thursday. He was accompanied by Kushner and Driscoll.",
     {"participants": {"jared-kushner", "dan-driscoll"}}),
    ("Witkoff met Putin in Moscow on Thursday. Lavrov was accompanied by his deputy.",
     {"not participants": {"sergey-lavrov"}}),
    ("Russian and Ukrainian delegations met in Istanbul on Monday. Erdogan took the talks seriously.",
     {"not participants": {"recep-tayyip-erdogan"}}),  # "take" is no "take part"
    ("European leaders gathered at the White House on Monday alongside Zelensky.",
     {"participants": {"european-countries", "volodymyr-zelensky"}}),
    # ... "he" in reported speech is the speaker
    ("Lavrov said he had conferred with Macron and Scholz in Bali.",
     {"participants": {"sergey-lavrov", "emmanuel-macron", "olaf-scholz"}}),
    # talks with a place or a date of their own that a verb in the past governs took place; a leader
    # who hosts a summit takes part in it, one who hosts two other sides only hosts them
    ("Starmer hosted a dozen European leaders at Lancaster House on Sunday for a summit on Ukraine.",
     {"participants": {"keir-starmer"}, "places": {"lancaster-house"}}),
    ("Erdogan hosted talks between Russian and Ukrainian delegations at the Dolmabahce Palace on Friday.",
     {"participants": {"russia", "ukraine"}, "not participants": {"recep-tayyip-erdogan"}}),
    # a place that says where the war is says nothing of where the talks are
    ("Russian and US officials met in Geneva on Friday to discuss the war in Ukraine.",
     {"places": {"geneva"}, "not places": {"ukraine"}}),
    ("On Wednesday the summit in Bali closed with a statement on peace in Ukraine.", {"places": {"bali"}, "not places": {"ukraine"}}),
    # talks that are the setting of a past act, with a place of their own, took place
    ("Scholz, speaking at the summit in Geneva on Tuesday, condemned the war.", {"participants": {"olaf-scholz"}, "places": {"geneva"}}),
    ("During talks in Istanbul on Tuesday, Medinsky demanded a ceasefire.", {"places": {"istanbul"}}),
    ("Russian and US officials at a meeting in Riyadh on Monday did not agree on sanctions.", {"places": {"riyadh"}}),
    # the owner of talks takes part; a place before the talks word is where they are
    ("Erdogan's Dolmabahce Palace meeting with Lavrov and Fidan on Friday ended abruptly.",
     {"participants": {"recep-tayyip-erdogan", "sergey-lavrov", "hakan-fidan"}, "places": {"dolmabahce-palace"}}),
    ("Macron's talks with Xi in Beijing on Thursday produced no deal.", {"participants": {"emmanuel-macron", "xi-jinping"}}),
    ("The Paris summit on Monday brought together Starmer, Merz and Tusk.",
     {"participants": {"keir-starmer", "friedrich-merz", "donald-tusk"}, "places": {"paris"}, "not participants": {"france"}}),
    ("The summit in Kyiv on Sunday brought together the leaders of Britain, Norway and Canada.",
     {"participants": {"united-kingdom", "norway", "canada"}}),
    ("The ministers gathered in Vilnius on Friday included Sikorski, Barrot and Lammy.",
     {"participants": {"radoslaw-sikorski", "jean-noel-barrot", "david-lammy"}, "places": {"vilnius"}}),
    # a plan word inside a relative clause says nothing of the talks
    ("Orban, who has repeatedly called for an immediate ceasefire, met Putin in Moscow on Friday.",
     {"participants": {"viktor-orban", "vladimir-putin"}, "places": {"moscow"}}),
    # the owner of a title is not at the talks
    ("Zelensky's chief of staff met Witkoff in Miami on Sunday.", {"not participants": {"volodymyr-zelensky"}}),
    # where a meeting verb brings its guest is where they meet
    ("Trump welcomed Zelensky to the White House on Monday.", {"places": {"white-house"}}),
    ("Xi welcomed Putin to Beijing on Tuesday for a state visit.", {"places": {"beijing"}}),
    # who attends, or is joined at the talks, takes part in the talks last named
    # a host of people no party names holds a meeting it only hosts; who represents a party or is
    # sent as its envoy takes part, with the party, unless the sentence is about another time or place
    ("Denmark hosted national security advisers from a dozen countries in Copenhagen on Saturday.",
     {"places": {"copenhagen"}, "not participants": {"denmark"}}),
    ("Saudi Arabia hosted envoys from forty countries in Jeddah on Saturday. Sullivan represented the United States, "
     "and Beijing sent its special envoy, Li Hui, having skipped an earlier round in Copenhagen.",
     {"participants": {"united-states", "jake-sullivan", "china", "li-hui"}, "places": {"jeddah"}}),
    ("Russian and Ukrainian delegations met in Istanbul on Friday. Facing them were Umerov and Budanov.",
     {"participants": {"rustem-umerov", "kyrylo-budanov"}}),
    ("US and Ukrainian officials met in Jeddah on Tuesday. Rubio and Waltz represented the United States. "
     "Yermak was part of the Ukrainian delegation.", {"participants": {"marco-rubio", "mike-waltz", "andriy-yermak"}}),
    ("US and Russian officials met in Riyadh on Tuesday. The American side was represented by Rubio and Witkoff.",
     {"participants": {"marco-rubio", "steve-witkoff"}}),
    # representing or facing what takes no part in the talks adds nobody
    ("US and Russian officials met in Riyadh on Tuesday. Borrell represented the EU at the UN in 2020. Facing Borrell was Lavrov.",
     {"not participants": {"josep-borrell", "sergey-lavrov"}}),
    ("Erdogan met Putin in Sochi on Monday. Putin brought Lavrov and Ushakov.",
     {"participants": {"recep-tayyip-erdogan", "vladimir-putin", "sergey-lavrov", "yuri-ushakov"}}),
    ("Xi received Lula in Beijing on Friday, in a meeting also attended by Wang Yi and Celso Amorim.",
     {"participants": {"xi-jinping", "lula-da-silva", "wang-yi", "celso-amorim"}}),
    ("Macron hosted a summit at the Elysee Palace on Thursday. Among those attending were Merz, Tusk and Rutte.",
     {"participants": {"emmanuel-macron", "friedrich-merz", "donald-tusk", "mark-rutte"}, "places": {"elysee-palace"}}),
    ("Umerov and Witkoff met in Miami on Saturday. Also attending were Kushner and Budanov.",
     {"participants": {"rustem-umerov", "steve-witkoff", "jared-kushner", "kyrylo-budanov"}, "places": {"miami"}}),
    ("Erdogan met Putin in Sochi on Monday. Putin was joined at the talks by Lavrov and Ushakov.",
     {"participants": {"vladimir-putin", "sergey-lavrov", "yuri-ushakov"}, "places": {"sochi"}}),
    # who sits at the table, or joins by video link, takes part; who chairs a coalition mediates nothing
    ("Starmer hosted a summit at Lancaster House on Sunday. Those at the table included Meloni, Tusk and Sanchez.",
     {"participants": {"keir-starmer", "giorgia-meloni", "donald-tusk", "pedro-sanchez"}}),
    ("Zelensky met Merz in Berlin on Wednesday. Those at the meeting also included Wadephul.",
     {"participants": {"volodymyr-zelensky", "friedrich-merz", "johann-wadephul"}}),
    ("Macron hosted a summit at the Elysee Palace on Thursday. Rutte and von der Leyen joined by video link.",
     {"participants": {"emmanuel-macron", "mark-rutte", "ursula-von-der-leyen"}}),
    ("Macron hosted a summit at the Elysee Palace on Thursday. Starmer, who co-chairs the coalition with Macron, "
     "urged Washington to help.", {"not mediators": {"keir-starmer"}}),
    ("Erdogan hosted Lavrov and Kuleba in Antalya on Thursday. Fidan chaired the meeting.", {"mediators": {"hakan-fidan"}}),
    # telling someone something at a place of its own is meeting them there; telling in a call is calling
    ("Biden told Zelensky at the White House on Tuesday that more air defence was coming.",
     {"participants": {"joe-biden", "volodymyr-zelensky"}, "places": {"white-house"}}),
    ("Putin told Erdogan in a phone call on Friday that Russia would not extend the deal.",
     {"participants": {"vladimir-putin", "recep-tayyip-erdogan"}}),
    ("Midway through the talks on Monday, Biden broke off to phone Vladimir Putin.",
     {"participants": {"joe-biden", "vladimir-putin"}}),
    # who hosts one side and its friends takes part; who hosts the two sides the text is about only hosts
    ("Biden hosted Zelensky, Scholz and Macron at the White House on Monday. Russia condemned the meeting. "
     "Ukraine said it was a success.", {"participants": {"joe-biden", "volodymyr-zelensky", "olaf-scholz"}}),
    ("Erdogan hosted Lavrov and Kuleba in Antalya on Thursday. Russia and Ukraine made no progress.",
     {"participants": {"sergey-lavrov", "dmytro-kuleba"}, "not participants": {"recep-tayyip-erdogan"}}),
    # who acts at the talks named again, attends them, is there, or comes with a party takes part
    ("Biden met Zelensky in the Oval Office on Thursday. During the meeting, Harris told Zelensky that aid would continue.",
     {"participants": {"joe-biden", "volodymyr-zelensky", "kamala-harris"}}),
    ("Macron hosted a summit at the Elysee Palace on Monday. At the summit, Tusk warned against a ceasefire without guarantees.",
     {"participants": {"emmanuel-macron", "donald-tusk"}}),
    ("Biden met Zelensky in the Oval Office on Thursday, with Blinken and Sullivan in attendance.",
     {"participants": {"joe-biden", "volodymyr-zelensky", "antony-blinken", "jake-sullivan"}}),
    ("Macron hosted a summit at the Elysee Palace on Monday. The leaders of Spain, Denmark and Canada, along with the heads of "
     "NATO and the European Commission, attended.",
     {"participants": {"spain", "denmark", "canada", "nato", "european-commission"}}),
    ("Macron hosted a summit at the Elysee Palace on Monday. Fidan and Sikorski were among those at the summit.",
     {"participants": {"hakan-fidan", "radoslaw-sikorski"}}),
    ("Macron hosted a summit at the Elysee Palace on Monday. Meloni and Tusk were also present.",
     {"participants": {"giorgia-meloni", "donald-tusk"}}),
    ("Zelensky arrived at the Elysee Palace on Monday with Sybiha and Yermak for talks with Macron.",
     {"participants": {"volodymyr-zelensky", "andrii-sybiha", "andriy-yermak", "emmanuel-macron"}}),
    ("Biden met Zelensky and European leaders at the White House on Monday. The Europeans — Sanchez, Frederiksen and Tusk — "
     "flew in to show support.", {"participants": {"pedro-sanchez", "mette-frederiksen", "donald-tusk"}}),
    # who did something to a person at the talks, or told them something, was there; not at another time or place
    ("Biden met Zelensky in the Oval Office on Thursday. Harris thanked Zelensky for his courage.",
     {"participants": {"kamala-harris"}}),
    ("Biden met Zelensky in the Oval Office on Thursday. Harris told Zelensky in Munich last year that aid would come.",
     {"not participants": {"kamala-harris"}}),
    ("The meeting in the Oval Office on Thursday quickly turned tense. Harris accused Zelensky of ingratitude, "
     "noting that aid had flowed since 2022.", {"participants": {"kamala-harris", "volodymyr-zelensky"}}),
    ("Putin and Zelensky held talks in Paris on Monday at a summit hosted by President Macron and Chancellor Merkel. "
     "The four leaders agreed to meet again.", {"participants": {"emmanuel-macron", "angela-merkel"}}),
    # a signing: who signs for a party, and who attends the ceremony, take part
    ("Russia and Ukraine signed separate agreements on Friday, in a ceremony at the Dolmabahce Palace attended by "
     "Guterres and Erdogan. Shoigu signed for Moscow and Kubrakov for Kyiv.",
     {"participants": {"russia", "ukraine", "antonio-guterres", "recep-tayyip-erdogan", "sergei-shoigu",
                       "oleksandr-kubrakov"}}),
    ("Biden met Zelensky in the Oval Office on Thursday. Sitting next to Biden were Blinken and Sullivan.",
     {"participants": {"antony-blinken", "jake-sullivan"}}),
    ("Biden met Zelensky in the Oval Office on Thursday. The French president, the German chancellor and the British prime minister "
     "also attended.", {"participants": {"france", "germany", "united-kingdom"}}),
    ("Scholz received Zelensky at the Chancellery on Monday.", {"places": {"german-chancellery"}}),
    # two sides' delegations at one place that did something together met there; one delegation did not
    ("In 2019 the Russian and Ukrainian delegations in Minsk agreed on a prisoner exchange.",
     {"participants": {"russia", "ukraine"}, "places": {"minsk"}}),
    # not attending is not taking part
    ("Macron hosted a summit at the Elysee Palace on Monday. Russia did not attend.", {"not participants": {"russia"}}),
    ("Macron had a working dinner with Scholz at the Elysee Palace on Tuesday.",
     {"participants": {"emmanuel-macron", "olaf-scholz"}, "places": {"elysee-palace"}}),
]
NOT_MEETINGS = [  # the same verbs with a thing or a place as object are no talks
    # ... and talks with a date that a stance verb governs are demanded or offered, not held
    "Zelensky called for talks in Istanbul on Thursday.",
    "Russia rejected a summit in Geneva on Friday.",
    "Kyiv proposed a meeting in Riyadh on Monday.",
    # speaking to someone no actor is no talks
    "Speaking to reporters in Kyiv on Monday, Zelensky said Ukraine would hold.",
    "Lavrov spoke with journalists in Moscow on Friday.",
    "Kyiv received weapons from Washington on Monday.",
    "Macron visited Kyiv on Friday.",
    "Poland hosted millions of refugees in 2022.",
    "Zelensky discussed the offensive with his generals on Monday.",
    "Moscow spent billions on the war in 2023.",
]


@pytest.mark.parametrize("text", NOT_MEETINGS)
def test_meeting_verbs_need_two_actors(text: str, doc_of, res) -> None:  # type: ignore[no-untyped-def]
    assert list(extract_talks(doc_of(text), res)) == []


@pytest.mark.parametrize(("text", "expected"), PARSED, ids=[c[0][:40] for c in PARSED])
def test_parsed_roles(text: str, expected: dict[str, set[str]], doc_of, res) -> None:  # type: ignore[no-untyped-def]
    talks = list(extract_talks(doc_of(text), res))
    assert talks
    t = talks[0]
    got = {"participants": set(map(_short, t.participants)), "mediators": set(map(_short, t.mediators)),
           "places": set(map(_short, t.places))}
    for key, want in expected.items():
        if key.startswith("not "):
            assert not want & got[key[4:]]
        else:
            assert want <= got[key], (key, got[key])


def test_the_next_day_follows_the_talks_before(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("Witkoff met Zelensky in Berlin on December 14. The next day Witkoff sat down with Merz in Berlin.",
                 published="2025-12-20")
    got = [(t.status, t.date, set(map(_short, t.participants))) for t in extract_talks(doc, res)]
    assert got == [("Held", dt.date(2025, 12, 14), {"steve-witkoff", "volodymyr-zelensky"}),
                   ("Held", dt.date(2025, 12, 15), {"steve-witkoff", "friedrich-merz"})]


@pytest.mark.parametrize(("text", "last"), [
    # "the same group" are those named before the talks word last time, not their host
    ("Ramaphosa and Lula were received by Zelensky in Kyiv on Friday. The next day the same group sat down with Putin in Moscow.",
     {"cyril-ramaphosa", "lula-da-silva", "vladimir-putin"}),
    # a meeting verb coordinated with another shares its subject: a second meeting
    ("Witkoff met Zelensky in Kyiv on June 6 and was received in Moscow on June 28 by Lavrov.",
     {"steve-witkoff", "sergey-lavrov"}),
])
def test_a_later_meeting_of_the_same_people(text: str, last: set[str], doc_of, res) -> None:  # type: ignore[no-untyped-def]
    talks = list(extract_talks(doc_of(text), res))
    assert len(talks) == 2
    assert set(map(_short, talks[-1].participants)) == last
