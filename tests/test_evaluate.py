from pathlib import Path

import pytest

from kg.errors import GoldError
from kg.evaluate import Score, evaluate, format_report, parse_gold_rows

ROOT = Path(__file__).resolve().parent.parent


def test_seed_gold_meets_the_quality_bar(corpus_dir: Path) -> None:
    report = evaluate(ROOT / "eval" / "seeds.tsv", [corpus_dir])
    assert report.documents == 5
    assert report.overall.f1 >= 0.85
    assert report.scores["pos"].f1 >= 0.80
    text = format_report(report)
    assert text.splitlines()[0].startswith("kind") and "misses (" in text and "false positives (" in text


def test_scoring_counts_req_opt_and_false_positives(tmp_path: Path) -> None:
    """A tiny gold on a one-sentence corpus: one hit, one miss, one opt, one false positive."""
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "d1\tpos\tRussia\tdemands\tneutrality\treq\thit\n"
        "d1\tpos\tRussia\tdemands\tsanctions\treq\tmissed\n"
        "d1\tpos\tRussia\tdemands\tceasefire\topt\toptional\n"
    )
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "d1.txt").write_text(
        "Published: 2022-03-04\n\nRussia demanded neutrality and a ceasefire. Ukraine demanded EU membership.\n")
    report = evaluate(gold, [tmp_path / "corpus"])
    pos = report.scores["pos"]
    assert (pos.tp_gold, pos.fn, pos.tp_pred, pos.fp) == (1, 1, 1, 1)
    assert pos.precision == 0.5 and pos.recall == 0.5
    assert [f.what for f in report.misses] == ["Russia demands sanctions"]
    assert report.false_positives[0].what == "(ukraine, +, eu-membership)"


def test_f1() -> None:
    assert Score(tp_pred=8, fp=2, tp_gold=8, fn=8).f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)


@pytest.mark.parametrize("row", [["s0", "pos", "a"], ["s0", "bad", "a", "b", "c", "req"], ["s0", "pos", "a", "b", "c", "maybe"]])
def test_bad_gold_rows(row: list[str]) -> None:
    with pytest.raises(GoldError):
        parse_gold_rows([row])


def test_eval_cli(corpus_dir: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["eval", str(ROOT / "eval" / "seeds.tsv"), str(corpus_dir), "--summary"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1].startswith("overall")
