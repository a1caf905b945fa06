"""The analysis stage: the spaCy pipeline is loaded from one place, by a configurable name."""

import pytest

from kg import nlp


def test_parse_keeps_offsets_across_line_breaks() -> None:
    text = "Kyiv said\nit was ready."
    (doc,) = nlp.parse([text])
    assert [t.idx for t in doc] == [text.index(t.text) for t in doc]
    assert doc[1].lemma_ == "say" and doc[1].pos_ == "VERB"


def test_missing_pipeline_is_a_one_line_error_naming_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(nlp.MODEL_ENV, "xx_no_such_pipeline")
    with pytest.raises(nlp.NlpModelMissing) as err:
        nlp.load_nlp()
    msg = str(err.value)
    assert "\n" not in msg and "xx-no-such-pipeline" in msg and nlp.MODEL_ENV in msg


def test_cli_reports_a_missing_pipeline_without_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from kg.cli import cli

    (tmp_path / "a.txt").write_text("Title: x\n\nRussia demanded a ceasefire.\n", encoding="utf-8")
    monkeypatch.setenv(nlp.MODEL_ENV, "xx_no_such_pipeline")
    res = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1 and "xx-no-such-pipeline" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "out" / "graph.trig").exists()
