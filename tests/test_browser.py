"""The HTML page in a real headless Chromium (Debian's), driven by Playwright, network blocked."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--headless=new", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A page opened from file:// with every non-file request blocked and recorded."""

    def __init__(self, browser, html: Path) -> None:  # type: ignore[no-untyped-def]
        # bypass_csp: the page's own CSP must not be what keeps hostile text from running
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(html.as_uri())
        self.page.wait_for_function("() => window.kgReady === true", timeout=60000)

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def js(self, code: str):  # type: ignore[no-untyped-def]
        return self.page.evaluate(code)

    def node_point(self, node_id: str) -> tuple[float, float]:
        xy = self.page.evaluate("""(id) => {
            const n = window.kgNetwork; const p = n.getPositions([id])[id]; const d = n.canvasToDOM(p);
            const r = document.getElementById('canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }""", node_id)
        return xy[0], xy[1]

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def page(browser, built: Path) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    p = Page(browser, built / "graph.html")
    yield p
    p.close()


def visible(page: Page) -> int:
    return int(page.js("() => window.kgVisibleCount"))


def test_loads_offline_and_draws_every_node(page: Page, built_graph) -> None:  # type: ignore[no-untyped-def]
    from kg.projection import project

    assert page.external == [] and page.errors == []
    total = len(project(built_graph).nodes)
    assert page.js("() => window.kgNetwork.body.nodeIndices.length") == total
    painted = page.js("""() => { const c = document.querySelector('#canvas canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""")
    assert painted > 1000  # something is really drawn


def test_search_focuses_the_node(page: Page) -> None:
    box = page.page.locator("#search")
    box.fill("Curieba")  # a scoped alias: not a global name
    box.press("Enter")
    assert page.js("() => window.kgFocused") is None
    box.fill("kuleba")
    box.press("Enter")
    kuleba = "https://w3id.org/parley/id/actor/dmytro-kuleba"
    assert page.js("() => window.kgFocused") == kuleba
    assert page.js("() => window.kgNetwork.getSelectedNodes()") == [kuleba]
    assert "Dmytro Kuleba" in page.page.locator("#details").inner_text()


def test_filters_hide_what_they_should(page: Page) -> None:
    data = page.js("() => JSON.parse(document.getElementById('kg-data').textContent)")
    total = len(data["nodes"])
    positions = [n for n in data["nodes"] if n["type"] == "Position"]
    page.page.locator("#reset").click()
    assert visible(page) == total
    before = page.js("() => window.kgNetwork.getPositions()")

    page.page.locator("#f-type input[value=Position]").uncheck()
    assert visible(page) == total - len(positions)
    page.page.locator("#reset").click()

    page.page.locator("#f-stance input[value=Demand]").uncheck()
    shown = set(page.js("() => window.kgNetwork.body.nodeIndices"))
    assert not any(n["id"] in shown for n in positions if n["stance"] == "Demand")
    assert any(n["id"] in shown for n in positions if n["stance"] == "Acceptance")
    page.page.locator("#reset").click()

    page.page.locator("#f-group input[value=territory]").uncheck()
    shown = set(page.js("() => window.kgNetwork.body.nodeIndices"))
    assert not any(n["id"] in shown for n in data["nodes"] if n["group"] == "territory")
    page.page.locator("#reset").click()

    doc = "003_bb713361df41a709"
    page.page.locator("#f-doc").select_option(doc)
    shown = set(page.js("() => window.kgNetwork.body.nodeIndices"))
    facts = [n for n in data["nodes"] if n["type"] in ("Position", "Talks")]
    assert {n["id"] for n in facts if n["id"] in shown} == {n["id"] for n in facts if doc in n["documents"]}
    page.page.locator("#reset").click()

    page.page.locator("#f-to").fill("0")  # the range slider down to the first date
    first = data["dates"][0]
    shown = set(page.js("() => window.kgNetwork.body.nodeIndices"))
    assert {n["id"] for n in facts if n["id"] in shown} == {n["id"] for n in facts if first in n["dates"]}
    page.page.locator("#reset").click()
    assert visible(page) == total
    # filtering does not move nodes: the layout after a round trip is the layout before it
    assert page.js("() => window.kgNetwork.getPositions()") == before


def test_stance_matrix_tab(page: Page, built: Path) -> None:
    from kg.matrix import matrix_of_file

    m = matrix_of_file(built / "graph.trig")
    page.page.locator("#reset").click()
    page.page.locator("#tab-matrix").click()
    assert page.page.locator("#matrix").is_visible() and not page.page.locator("#network").is_visible()
    assert page.js("() => window.kgMatrixCells") == len(m.cells)
    side_rows = page.page.locator("#matrix th.side").all_inner_texts()
    assert side_rows == sorted(set(side_rows), key=side_rows.index) and "Russia" in side_rows  # each side once
    putin = next(i for i, r in enumerate(m.rows) if r.label == "Vladimir Putin")
    crimea = next(i for i, c in enumerate(m.columns) if c.label == "Crimea")
    cell = page.page.locator(f'#matrix td[data-cell="{putin},{crimea}"]')
    assert cell.inner_text() == "D1"
    cell.click()
    details = page.page.locator("#details").inner_text()
    assert "Vladimir Putin — Crimea" in details and "recognition of Russia's sovereignty over Crimea" in details
    # the filters apply to the matrix too: one document, then a date range
    doc = "003_bb713361df41a709"
    page.page.locator("#f-doc").select_option(doc)
    data = page.js("() => JSON.parse(document.getElementById('kg-data').textContent)")
    in_doc = {n["id"] for n in data["nodes"] if n["type"] == "Position" and doc in n["documents"]}
    cells_in_doc = sum(1 for entries in m.cells.values() if any(e.position in in_doc for e in entries))
    assert page.js("() => window.kgMatrixCells") == cells_in_doc < len(m.cells)
    page.page.locator("#reset").click()
    page.page.locator("#f-stance input[value=Demand]").uncheck()
    assert not any(t.startswith("D") or " D" in t for t in page.page.locator("#matrix td.cell").all_inner_texts())
    page.page.locator("#reset").click()
    page.page.locator("#tab-graph").click()
    assert page.page.locator("#network").is_visible() and visible(page) == len(data["nodes"])
    assert page.errors == [] and page.external == []


def test_hover_shows_the_evidence_sentence(page: Page) -> None:
    pid = "https://w3id.org/parley/id/position/vladimir-putin/demands/crimea"
    page.page.locator("#search").fill("Vladimir Putin demands Crimea")
    page.page.locator("#search").press("Enter")
    page.js(f"() => window.kgNetwork.focus({pid!r}, {{scale: 3, animation: false}})")  # no other node overlaps it
    page.page.mouse.move(5, 5)  # leave whatever node the mouse was on
    page.page.wait_for_timeout(200)
    x, y = page.node_point(pid)
    page.page.mouse.move(x, y)
    page.page.wait_for_timeout(400)
    details = page.page.locator("#details").inner_text()
    assert "recognition of Russia's sovereignty over Crimea" in details
    assert "Second round of Russia–Ukraine negotiations held" in details  # the document title


HOSTILE = [
    'Russia demanded a ceasefire <img src=x onerror="window.__pwned=1;document.title=\'pwned\'"> at once.',
    "Ukraine rejected any territorial concessions <script>window.__pwned=2;document.title='pwned'</script> today.",
    'Zelensky called for the release of all prisoners of war "><svg onload="window.__pwned=3">.',
]


def test_hostile_text_runs_nothing(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kg.graphio import load_graph
    from kg.namespaces import KG
    from kg.pipeline import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "hostile.txt").write_text(
        "Title: <script>window.__pwned=9</script> talks\nPublished: 2025-03-17\n\n" + "\n\n".join(HOSTILE) + "\n",
        encoding="utf-8")
    build([src], tmp_path / "out")
    quotes = {str(q) for q in load_graph(tmp_path / "out" / "graph.trig").objects(None, KG.quote)}
    assert set(HOSTILE) <= quotes  # each hostile sentence yields a fact
    page = Page(browser, tmp_path / "out" / "graph.html")
    try:
        title = page.page.title()
        ids = page.js("() => window.kgNetwork.body.nodeIndices")
        for node_id in ids:
            page.js(f"() => window.kgNetwork.focus({node_id!r}, {{scale: 1.0}})")
            x, y = page.node_point(node_id)
            page.page.mouse.move(x, y)
            page.page.mouse.click(x, y)
        page.page.wait_for_timeout(300)
        assert page.js("() => window.__pwned === undefined")
        assert page.page.title() == title == "Parley knowledge graph"
        assert page.page.locator("#details img, #details script, #details svg").count() == 0
        page.page.locator("#search").fill("Russia demands ceasefire")
        page.page.locator("#search").press("Enter")
        assert "<img src=x onerror=" in page.page.locator("#details").inner_text()  # shown literally
        page.page.locator("#tab-matrix").click()  # the matrix tab: every cell clicked
        for cell in page.page.locator("#matrix td.cell").all():
            if cell.inner_text():
                cell.click()
        page.page.wait_for_timeout(200)
        assert page.js("() => window.__pwned === undefined")
        assert page.page.locator("#matrix img, #matrix script, #matrix svg, #details img, #details svg").count() == 0
        assert page.errors == [] and page.external == []
    finally:
        page.close()


def test_highlight_path(browser, built: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path / "path.html"
    res = CliRunner().invoke(cli, ["viz", "--graph", str(built / "graph.trig"), "--out", str(out),
                                   "--highlight-path", "Putin:crimea", "Ukraine:troop-withdrawal:demands"])
    assert res.exit_code == 0, res.output
    page = Page(browser, out)
    try:
        hl = page.js("() => JSON.parse(document.getElementById('kg-data').textContent).highlight")
        assert hl[0].endswith("vladimir-putin/demands/crimea") and hl[-1].endswith("ukraine/demands/troop-withdrawal")
        widths = page.js(f"() => window.kgNetwork.body.data.nodes.get({hl!r}).map(n => n.borderWidth)")
        assert widths == [5] * len(hl)
    finally:
        page.close()


def test_a_large_graph_opens_with_its_most_cited_facts(browser, built_graph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kg.projection import project
    from kg.viz import page_data, render_projection

    proj = project(built_graph)
    html = tmp_path / "large.html"
    data = page_data(proj, facts_drawn=10)  # as if the corpus had many more facts than are drawn
    top = {n["id"] for n in data["nodes"] if n["top"]}
    assert len(top) == 10 and data["facts"] > 10
    html.write_text(render_projection(proj, facts_drawn=10), encoding="utf-8")
    page = Page(browser, html)
    try:
        facts = page.js("""() => window.kgNetwork.body.nodeIndices.filter(
            id => /\\/(position|talks)\\//.test(id))""")
        assert set(facts) == top
        assert "most-cited" in page.page.locator("#status").inner_text()
        assert page.page.locator("#f-facts").is_visible()
        drawn = visible(page)
        page.page.locator("#f-all").check()
        assert visible(page) == len(proj.nodes) > drawn
        page.page.locator("#f-all").uncheck()
        assert visible(page) == drawn
        other = next(n for n in data["nodes"] if n["type"] == "Position" and not n["top"])
        page.page.locator("#search").fill(other["fullLabel"])
        page.page.locator("#search").press("Enter")
        assert page.js("() => window.kgFocused") == other["id"]
        assert visible(page) > drawn and page.js(f"() => window.kgNetwork.body.nodeIndices.includes({other['id']!r})")
        page.page.locator("#reset").click()
        assert visible(page) == drawn
        assert page.errors == [] and page.external == []
    finally:
        page.close()
