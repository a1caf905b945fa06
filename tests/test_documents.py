import datetime as dt
from pathlib import Path

import pytest

from kg.documents import chrome_spans, corpus_files, parse_document, read_document
from kg.errors import CorpusError


def test_header_parsed_and_body_verbatim(corpus_dir: Path) -> None:
    doc = read_document(corpus_dir / "000_b6616b502efea277.txt")
    assert doc.title and doc.title.startswith("Second round")
    assert doc.published is not None and doc.published.isoformat() == "2022-03-04"
    assert doc.publisher == "China News Service"
    seed_start = "China News Service, March 4 (Reporter Meng Xiangjun)"
    assert doc.body.startswith(seed_start)


def test_missing_metadata_is_allowed() -> None:
    doc = parse_document("Just a body.\nSecond line.", "x")
    assert doc.title is None and doc.published is None and doc.body == "Just a body.\nSecond line."


@pytest.mark.parametrize("text", ["Published: 2022-13-45\n\nBody", "Published: March 3\n\nBody"])
def test_malformed_date_is_an_error(text: str) -> None:
    with pytest.raises(CorpusError, match="malformed Published date"):
        parse_document(text, "x")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"Title: x\n\ncaf\xe9 au lait", "not valid UTF-8 \\(byte 0xe9 at offset 13, line 3\\)"),
        (b"Title: only a header\n", "no body"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(CorpusError, match=message):
        read_document(f)


def test_corpus_files_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        corpus_files([tmp_path / "missing"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no article files"):
        corpus_files([tmp_path / "empty"])


def test_chrome_footer_link_list_and_captions(res) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Russia demanded a ceasefire.\n\nA caption about a meeting.\n\n(Reuters)\n\nReal text again.\n\n"
        "Will the war end?\n\nWhy talks failed?\n\nSource: hk1\n\nYou may like\n\nTrends 24h"
    )
    spans = chrome_spans(body, res.lexicon)
    chrome_text = [body[a:b] for a, b in spans]
    assert "A caption about a meeting." in chrome_text
    assert "Will the war end?" in chrome_text and "Why talks failed?" in chrome_text
    assert "Russia demanded a ceasefire." not in chrome_text and "Real text again." not in chrome_text


def test_chrome_words_never_drop_a_paragraph_that_states_a_fact(doc_of) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("Kyiv said the privacy of the talks in Geneva mattered, and Zelensky rejected a ceasefire.\n\n"
                 "We use cookies to improve this site. Read our privacy policy.\n\n"
                 "Source: wirereports\n\n"
                 "Later, Moscow demanded the lifting of sanctions before any new round.\n\n"
                 "You may like\n\nPutin's new demands\n\nSource: example.com")
    chrome = {s.text for s in doc.sentences if s.chrome}
    assert "We use cookies to improve this site." in chrome and "Read our privacy policy." in chrome
    assert not any("Zelensky rejected" in c for c in chrome)        # "privacy" in a fact: not chrome
    assert not any("Moscow demanded" in c for c in chrome)          # a mid-article "Source:" line ends nothing
    assert "Source: wirereports" in chrome and "Putin's new demands" in chrome  # the real footer and its link list


def test_wire_dateline_dates_the_report_not_the_event(doc_of) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("KYIV, Oct 14 (Example Wire) - Ukrainian and Russian delegations met in Istanbul on Sunday.",
                 published="2025-10-14")
    (sent,) = doc.sentences
    assert [d for m in sent.dates for d in m.dates] == [dt.date(2025, 10, 12)]
