"""Articles as JSON Lines, JSON, CSV and saved web pages; bad records named, or skipped with --skip-bad."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import CorpusError
from kg.readers import parse_fields, read_corpus

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Russia demanded a ceasefire in Crimea, the Kremlin said on Tuesday."
OTHER = "Ukraine rejected the demand, Zelensky's office said on Wednesday."


def jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def test_json_lines_records_with_their_metadata(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "news.jsonl",
                {"id": "a-1", "title": "Talks", "published": "March 3, 2022", "publisher": "Wire", "text": TEXT,
                 "url": "https://example.org/a"},
                {"headline": "Reply", "date": "2022-03-04T10:15:00Z", "body": OTHER})
    docs, skipped = read_corpus([src])
    assert skipped == [] and docs[0].doc_id == "a-1"
    first, second = docs
    assert (first.title, first.published, first.publisher, first.source) == ("Talks", dt.date(2022, 3, 3), "Wire",
                                                                            "https://example.org/a")
    assert second.title == "Reply" and second.published == dt.date(2022, 3, 4) and second.body == OTHER
    assert second.doc_id.startswith("news-") and len(second.doc_id) == len("news-") + 16


def test_content_ids_do_not_depend_on_the_row(tmp_path: Path) -> None:
    one = jsonl(tmp_path / "c.jsonl", {"text": TEXT}, {"text": OTHER})
    ids = {d.body: d.doc_id for d in read_corpus([one])[0]}
    two = jsonl(tmp_path / "c.jsonl", {"text": "A new first article about talks."}, {"text": OTHER}, {"text": TEXT})
    assert {d.body: d.doc_id for d in read_corpus([two])[0] if d.body in ids} == ids


def test_fields_map_other_names(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "x.jsonl", {"story": TEXT, "when": "3 March 2022"})
    with pytest.raises(CorpusError, match="no article text"):
        read_corpus([src])
    (doc,), _ = read_corpus([src], parse_fields(["text=story", "published=when"]))
    assert doc.body == TEXT and doc.published == dt.date(2022, 3, 3)
    with pytest.raises(CorpusError, match="expected NAME=COLUMN"):
        parse_fields(["body=story"])


@pytest.mark.parametrize(("record", "says"), [
    ("{not json", "x.jsonl:2: not JSON"),
    (json.dumps({"text": TEXT, "published": "2022-03-03 or so"}), "x.jsonl:2: malformed date"),
    (json.dumps({"text": "   "}), "x.jsonl:2: no article text"),
    (json.dumps(["a", "list"]), "x.jsonl:2: expected an object"),
])
def test_a_bad_record_is_named_by_file_and_line(tmp_path: Path, record: str, says: str) -> None:
    src = jsonl(tmp_path / "x.jsonl", {"text": TEXT}, record)
    with pytest.raises(CorpusError, match=says):
        read_corpus([src])
    docs, skipped = read_corpus([src], skip_bad=True)
    assert len(docs) == 1 and len(skipped) == 1 and skipped[0].where.endswith("x.jsonl:2")


def test_json_arrays_and_single_objects(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"id": 1, "text": TEXT}, {"id": 2, "text": OTHER}]), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "solo", "text": TEXT}), encoding="utf-8")
    docs, _ = read_corpus([tmp_path])
    assert [d.doc_id for d in docs] == ["1", "2", "solo"]
    (tmp_path / "c.json").write_text('[{"text": "x"}', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c\.json: not JSON"):
        read_corpus([tmp_path])


def test_csv_with_bom_semicolons_and_a_long_field(tmp_path: Path) -> None:
    long_text = TEXT + " " + "More words follow here. " * 8000  # ~190 KB, above the csv module's 128 KB default
    rows = ["id;title;date;text", f'1;"Day one";2022-03-03;"{TEXT}"', f'2;"Long";"Thu, 03 Mar 2022 10:15:00 +0000";"{long_text}"']
    (tmp_path / "news.csv").write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8") + b"\r\n")
    docs, _ = read_corpus([tmp_path / "news.csv"])
    assert [d.doc_id for d in docs] == ["1", "2"] and docs[0].title == "Day one"
    assert docs[1].published == dt.date(2022, 3, 3) and len(docs[1].body) > 131072


def test_csv_row_with_extra_cells_is_named(tmp_path: Path) -> None:
    (tmp_path / "n.csv").write_text(f'id,text\n1,"{TEXT}"\n2,"{OTHER}",extra\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"n\.csv:3: more cells"):
        read_corpus([tmp_path / "n.csv"])


PAGE = """<!doctype html><html><head><title>Talks resume in Istanbul | Example News</title>
<meta property="og:title" content="Talks resume in Istanbul">
<meta property="article:published_time" content="2025-05-16T09:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.org/2025/05/16/talks"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/privacy">Privacy policy</a></nav>
<article><h1>Talks resume in Istanbul</h1>
<p>Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks since 2022.</p>
<p>Ukraine demanded an unconditional ceasefire before any further negotiations, its foreign minister said.</p>
<p>Russia rejected the demand and insisted on discussing what it called the root causes of the conflict.</p>
</article><footer>© Example News. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


def test_a_saved_web_page(tmp_path: Path) -> None:
    (tmp_path / "istanbul.html").write_text(PAGE, encoding="utf-8")
    (doc,), _ = read_corpus([tmp_path])
    assert doc.doc_id == "istanbul" and doc.title == "Talks resume in Istanbul"
    assert doc.published == dt.date(2025, 5, 16) and doc.publisher == "Example News"
    assert doc.source == "https://news.example.org/2025/05/16/talks"
    assert "unconditional ceasefire" in doc.body and "Privacy policy" not in doc.body and "newsletter" not in doc.body


def test_a_page_without_text(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(CorpusError, match="no article text"):
        read_corpus([tmp_path])


def test_skip_bad_from_the_command_line(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "mixed.jsonl", {"id": "good", "text": TEXT, "published": "2022-03-03"}, "{broken", {"id": "x"})
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not text")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "kg.cli", "build", str(src), str(tmp_path / "bad.txt"), "--out", str(out), "-q", "--no-html"]
    strict = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert strict.returncode == 1 and "mixed.jsonl:2: not JSON" in strict.stderr
    assert not out.exists() or not any(out.iterdir())
    done = subprocess.run([*cmd, "--skip-bad"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    warnings = [ln for ln in done.stderr.splitlines() if ln.startswith("Warning: skipped")]
    assert len(warnings) == 3 and "1 documents (3 skipped)" in done.stdout
    manifest = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert [s["input"].rsplit("/", 1)[-1] for s in manifest["skipped"]] == ["mixed.jsonl:2", "mixed.jsonl:3", "bad.txt"]  # in the order given
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "doc/good" in graph


def test_skip_bad_with_nothing_left_is_an_error(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "all-bad.jsonl", "{broken", {"id": "no text"})
    with pytest.raises(CorpusError, match="no document could be read"):
        from kg.pipeline import build

        build([src], tmp_path / "out", skip_bad=True)


def test_two_records_with_one_id(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "d.jsonl", {"id": "same", "text": TEXT}, {"id": "same", "text": OTHER})
    with pytest.raises(CorpusError, match="same document id 'same'"):
        read_corpus([src], skip_bad=True)

