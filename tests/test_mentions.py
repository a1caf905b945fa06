import pytest

from kg.mentions import find_mentions

ID = "https://w3id.org/parley/id/"


def _found(text: str, res, doc_id: str = "x") -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, m.entity.removeprefix(ID), m.sense) for m in find_mentions(text, doc_id, res)]


CASES = [
    ("Sergei Lavrov met Kuleba.", [("Sergei Lavrov", "actor/sergey-lavrov", "actor"), ("Kuleba", "actor/dmytro-kuleba", "actor")]),
    ("The Ukrainian side demanded it.", [("Ukrainian side", "actor/ukraine", "actor")]),
    ("Talks were held in Moscow.", [("Moscow", "place/moscow", "place")]),
    ("Moscow said no.", [("Moscow", "actor/russia", "actor")]),
    ("The Kremlin insists.", [("Kremlin", "actor/russia", "actor")]),
    ("They met in Riyadh, Saudi Arabia.", [("Riyadh", "place/riyadh", "place"), ("Saudi Arabia", "actor/saudi-arabia", "place")]),
    ("China News Service reported.", [("China News Service", "media/china-news-service", "media")]),
    ("the us and them", []),  # "US" must be upper case
    # a city or venue before a talks word is where they are; a country there is a side
    ("The London summit ended.", [("London", "place/london", "place")]),
    ("The Russia talks ended.", [("Russia", "actor/russia", "actor")]),
    # a person's name is capitalised somewhere: the common word names nobody
    ("Peace at any price, Price said.", [("Price", "actor/ned-price", "actor")]),
    ("MR PRICE: We agree.", [("PRICE", "actor/ned-price", "actor")]),
    ("Commission chief von der Leyen spoke.", [("von der Leyen", "actor/ursula-von-der-leyen", "actor")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mentions(text: str, expected, res) -> None:  # type: ignore[no-untyped-def]
    assert _found(text, res) == expected


def test_two_demonyms_make_two_sides(res) -> None:  # type: ignore[no-untyped-def]
    found = _found("the Russian-Ukrainian delegation held talks", res)
    assert {e for _t, e, _s in found} == {"actor/russia", "actor/ukraine"}


@pytest.mark.parametrize(("text", "sides"), [
    ("Russian, Ukrainian and US officials met", {"actor/russia", "actor/ukraine", "actor/united-states"}),
    ("Russian, Ukrainian, and Turkish delegations", {"actor/russia", "actor/ukraine", "actor/turkey"}),
    ("the Ukrainian-American consultations in Geneva", {"actor/ukraine", "actor/united-states"}),
    ("the Russian talks with China", {"actor/china"}),  # one demonym before a talks noun names no side
])
def test_demonyms_listed_before_a_side_or_talks_noun(text: str, sides: set[str], res) -> None:  # type: ignore[no-untyped-def]
    assert {e for _t, e, sense in _found(text, res) if sense == "actor"} == sides


def test_scoped_alias_only_in_its_document(res) -> None:  # type: ignore[no-untyped-def]
    text = "Lavrov and Curieba held talks."
    assert ("Curieba", "actor/dmytro-kuleba", "actor") in _found(text, res, "001_6da47dc3f71a34a3")
    assert all(t != "Curieba" for t, _e, _s in _found(text, res, "other-corpus-doc"))


@pytest.mark.parametrize(("text", "modifier"), [
    ("a US think tank said", True),
    ("U.S. Secretary of State Blinken said", True),
    ("the Russia-Ukraine conflict", True),
    ("the United States saw an opportunity", False),
    ("The Kremlin insists", False),
])
def test_modifiers(text: str, modifier: bool, res) -> None:  # type: ignore[no-untyped-def]
    first = find_mentions(text, "x", res)[0]
    assert first.modifier is modifier


@pytest.mark.parametrize(("text", "expected"), [
    # a part of a full name the gazetteer has no alias for names the person later in the text
    ("Wang Yi met Lavrov on Friday. Wang said China wants talks.", [("Wang", "actor/wang-yi")]),
    ("Mr. Wang Yi spoke first. Then Mr. Wang left.", [("Wang", "actor/wang-yi")]),
    # not before the full name, nor inside another name
    ("Wang said China wants talks. Wang Yi met Lavrov.", []),
    ("Wang Yi met Lavrov. Wang Wenbin said so.", []),
])
def test_short_names_after_a_full_name(text: str, expected: list[tuple[str, str]], res) -> None:  # type: ignore[no-untyped-def]
    found = [(m.text, m.entity.removeprefix(ID)) for m in find_mentions(text, "x", res)]
    short = [f for f in found if " " not in f[0] and f[1] == "actor/wang-yi"]
    assert short == expected
