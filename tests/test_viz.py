"""The HTML page without a browser: self-contained, escaped, deterministic."""

import json
import re
from pathlib import Path

from kg.projection import Edge, EvidenceInfo, Node, Projection
from kg.viz import page_data, render_projection, safe_json

HOSTILE = '</script><img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>'


def _hostile_projection() -> Projection:
    ev = EvidenceInfo(quote=HOSTILE, document="d", title=HOSTILE, date="2022-03-03", rule="r", start=0)
    nodes = {
        "a": Node("a", HOSTILE, "Country", aliases=[HOSTILE], evidence=[ev]),
        "p": Node("p", "A demands x", "Position", details={"claim": HOSTILE}, evidence=[ev], stance="Demand"),
    }
    return Projection(nodes, [Edge("a", "p", "demands", [ev])])


def test_page_has_no_external_urls(built: Path) -> None:
    html = (built / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    assert "<link" not in html.lower()
    assert "vis.Network" in html and "kg-data" in html


def test_untrusted_text_cannot_close_the_script() -> None:
    html = render_projection(_hostile_projection())
    data_block = html.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block and ">" not in data_block
    assert json.loads(data_block)["nodes"][0]["label"] == HOSTILE  # the text itself survives, literally
    assert "innerHTML" not in html.split("/*VIS_JS*/")[0] and ".innerHTML" not in html[-20000:]


def test_safe_json_roundtrip() -> None:
    s = safe_json({"x": "a<b>&\u2028"})
    assert json.loads(s) == {"x": "a<b>&\u2028"} and "<" not in s


def test_positions_read_naturally() -> None:
    data = page_data(_hostile_projection())
    pos = next(n for n in data["nodes"] if n["type"] == "Position")
    assert pos["color"] == data["stanceColor"]["Demand"]
    assert data["edges"][0]["label"] == "demands"


def test_deterministic(built_graph) -> None:  # type: ignore[no-untyped-def]
    from kg.viz import render_html

    assert render_html(built_graph) == render_html(built_graph)
