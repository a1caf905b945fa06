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
