import pytest

from kg.sentences import split_sentences

CASES = [
    ("U.S. President Trump spoke. Putin answered.", ["U.S. President Trump spoke.", "Putin answered."]),
    ('"We are close," he said. Talks resume.', ['"We are close," he said.', "Talks resume."]),
    ("Mr. Lavrov met Gen. Gerasimov. Then he left.", ["Mr. Lavrov met Gen. Gerasimov.", "Then he left."]),
    ("First line\nSecond line.", ["First line", "Second line."]),
    ("recognizing Donetsk. and Luhansk independence.", ["recognizing Donetsk. and Luhansk independence."]),
    ("Is it over? No. It is not!", ["Is it over?", "No.", "It is not!"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in split_sentences(text)] == expected


def test_protected_span_is_not_split() -> None:
    text = "He met the Central Committee. Director Burns in Ankara."
    start = text.index("Central")
    end = text.index("Burns") + len("Burns")
    assert len(split_sentences(text, [(start, end)])) == 1
    assert len(split_sentences(text)) == 2


WIRE = (
    "KYIV, Oct 14 (Example Wire) - Ukrainian and Turkish officials met on\n"
    "Sunday in Istanbul to discuss the grain corridor, a senior official told\n"
    "reporters. Talks will resume next week.\n"
    "\n"
    "Key points\n"
    "- the corridor stays open\n"
    "- inspections continue in Istanbul\n"
)


def test_hard_wrapped_copy_is_joined_headings_and_list_items_are_not() -> None:
    got = [" ".join(WIRE[s.start:s.end].split()) for s in split_sentences(WIRE)]
    assert got == [
        "KYIV, Oct 14 (Example Wire) - Ukrainian and Turkish officials met on Sunday in Istanbul to discuss "
        "the grain corridor, a senior official told reporters.",
        "Talks will resume next week.",
        "Key points",
        "- the corridor stays open",
        "- inspections continue in Istanbul",
    ]


def test_long_unwrapped_paragraphs_keep_their_line_breaks() -> None:
    para = "Moscow said on Monday that it was ready for talks with Kyiv but that no date had been set for them yet"
    text = f"{para}\n{para}"
    assert len(split_sentences(text)) == 2  # lines over 100 characters are paragraphs, not wrapped copy
