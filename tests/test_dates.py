import datetime as dt

import pytest

from kg.dates import find_dates

D = dt.date
CASES = [
    ("On March 3, local time, talks were held.", D(2022, 3, 4), [D(2022, 3, 3)]),
    ("On February 28, 2022, the first round", D(2023, 2, 15), [D(2022, 2, 28)]),
    ("On November 14, it was Russia's turn", D(2023, 2, 15), [D(2022, 11, 14)]),
    ("Peskov said on the 7th that", D(2022, 3, 10), [D(2022, 3, 7)]),
    ("on the 28th, officials said", D(2022, 3, 3), [D(2022, 2, 28)]),
    ("rounds on 3 and 7 March", D(2022, 3, 10), [D(2022, 3, 3), D(2022, 3, 7)]),
    ("He will speak to Putin on Tuesday.", D(2025, 3, 17), [D(2025, 3, 18)]),
    ("Trump told reporters on Sunday evening.", D(2025, 3, 17), [D(2025, 3, 16)]),
    ("Talks took place yesterday.", D(2025, 3, 17), [D(2025, 3, 16)]),
    ("The report of 2023-12-10 said", None, [D(2023, 12, 10)]),
    # abbreviated months, with or without the point
    ("The leaders met in Anchorage on Aug. 15.", D(2025, 8, 20), [D(2025, 8, 15)]),
    ("Talks resumed on Sept 3, 2024 in Doha.", D(2024, 9, 10), [D(2024, 9, 3)]),
    ("The round opened on 15 Feb. in Riyadh.", D(2025, 2, 20), [D(2025, 2, 15)]),
    # a weekday takes the tense of its own clause, not of the sentence
    ("Witkoff met Putin on Sunday and will return next week.", D(2025, 10, 14), [D(2025, 10, 12)]),
    ("Putin said on Sunday that he will meet Trump.", D(2025, 10, 14), [D(2025, 10, 12)]),
    ("Kyiv says its delegation will fly to Geneva on Thursday.", D(2025, 10, 14), [D(2025, 10, 16)]),
    ("Trump is due to speak with Zelensky on Tuesday.", D(2025, 10, 14), [D(2025, 10, 14)]),
    # a day without a year: a clause in the past does not reach after publication, one about the future not before
    ("Saudi Arabia hosted talks in Jeddah on August 5.", D(2025, 3, 17), [D(2024, 8, 5)]),
    ("The envoys will meet again on January 9.", D(2024, 12, 20), [D(2025, 1, 9)]),
    ("Talks are set for June 2 in Istanbul.", D(2025, 5, 28), [D(2025, 6, 2)]),
    # a range of days with their weekdays; a range in one month
    ("They talked on Sunday 14 and Monday 15 December.", D(2025, 12, 16), [D(2025, 12, 14), D(2025, 12, 15)]),
    ("The delegations met in Jeddah on Aug 5-6.", D(2023, 8, 8), [D(2023, 8, 5), D(2023, 8, 6)]),
    # a weekend is its Saturday and Sunday; "last weekend" in a weekend's paper is the one before
    ("Envoys met in Doha last weekend.", D(2024, 3, 13), [D(2024, 3, 9), D(2024, 3, 10)]),
    ("Envoys met in Doha last weekend.", D(2024, 3, 16), [D(2024, 3, 9), D(2024, 3, 10)]),
    ("The sides talked over the weekend.", D(2024, 3, 11), [D(2024, 3, 9), D(2024, 3, 10)]),
    ("The envoys will meet this weekend.", D(2024, 3, 13), [D(2024, 3, 16), D(2024, 3, 17)]),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_resolve(text: str, published: dt.date | None, expected: list[dt.date]) -> None:
    found = [d for m in find_dates(text, published) for d in m.dates]
    assert found == expected


def test_same_day_uses_the_last_date() -> None:
    (m,) = find_dates("They met on the same day in Belek.", D(2022, 3, 10), last=D(2022, 3, 9))
    assert m.dates == (D(2022, 3, 9),)


@pytest.mark.parametrize(("text", "expected"), [
    ("The next day the envoys met again.", D(2022, 3, 4)),
    ("On the following day Kyiv replied.", D(2022, 3, 4)),
    ("Two days later the second round began.", D(2022, 3, 5)),
    ("A day later, Lavrov said the talks would go on.", D(2022, 3, 4)),
])
def test_days_after_count_from_the_last_date(text: str, expected: dt.date) -> None:
    (m,) = find_dates(text, D(2022, 3, 10), last=D(2022, 3, 3))
    assert m.dates == (expected,)


def test_days_after_without_an_earlier_date_stay_unknown() -> None:
    assert [m.dates for m in find_dates("The next day they met.", D(2022, 3, 10))] == [()]


def test_last_week_is_only_approximate() -> None:
    (m,) = find_dates("a proposal that Ukraine accepted last week", D(2025, 3, 17))
    assert m.dates == () and m.approximate


def test_relative_dates_need_a_publication_date() -> None:
    assert [d for m in find_dates("on Tuesday", None) for d in m.dates] == []


def test_a_day_heading_dates_the_text_under_it(doc_of) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("Saturday 20 December\n\nDmitriev met Witkoff in Miami today.\n\nFriday 19 December\n\n"
                  "Umerov said on Tuesday that talks would go on.\n\nHe met Witkoff today.", published="2025-12-21")
    dated = {s.text: [d for m in s.dates for d in m.dates] for s in doc.sentences}
    assert dated["Dmitriev met Witkoff in Miami today."] == [D(2025, 12, 20)]
    assert dated["Umerov said on Tuesday that talks would go on."] == [D(2025, 12, 16)]
    assert dated["He met Witkoff today."] == [D(2025, 12, 19)]


def test_a_sentence_with_a_date_is_no_heading(doc_of) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("On Saturday 20 December talks began.\n\nHe met Witkoff today.", published="2025-12-21")
    assert [d for m in doc.sentences[-1].dates for d in m.dates] == [D(2025, 12, 21)]
