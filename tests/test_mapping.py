import datetime as dt

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.documents import Document
from kg.extract import Extraction
from kg.mapping import doc_graph, position_iri, slug, to_dataset
from kg.records import Evidence, PositionRecord

ACTOR = "https://w3id.org/parley/id/actor/"


def _one_position(res):  # type: ignore[no-untyped-def]
    body = "Russia demands neutrality."
    doc = Document("d1", body, title="T", published=dt.date(2022, 3, 4), publisher="P")
    ev = Evidence("d1", 0, len(body), body, "position.demand.subject", None)
    rec = PositionRecord(ACTOR + "russia", "Demand", "neutrality", "neutrality", ev)
    return doc, Extraction("d1", positions=[rec])


def test_position_graph_is_exactly_this(res) -> None:  # type: ignore[no-untyped-def]
    doc, ex = _one_position(res)
    ds = to_dataset([doc], [ex], res)
    expected = Graph().parse(format="turtle", data=f"""
        @prefix kg: <https://w3id.org/parley/ontology#> .
        @prefix id: <https://w3id.org/parley/id/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://w3id.org/parley/id/position/russia/demands/neutrality> a kg:Position ;
            rdfs:label "Russia demands neutrality"@en ;
            kg:holder <{ACTOR}russia> ; kg:stance kg:Demand ;
            kg:issue <https://w3id.org/parley/id/issue/neutrality> ;
            kg:evidence <https://w3id.org/parley/id/evidence/d1/0-26/position-demand-subject> .
        <{ACTOR}russia> kg:demands <https://w3id.org/parley/id/issue/neutrality> .
        <https://w3id.org/parley/id/evidence/d1/0-26/position-demand-subject> a kg:Evidence ;
            kg:document <https://w3id.org/parley/id/doc/d1> ; kg:quote "Russia demands neutrality." ;
            kg:charStart "0"^^xsd:integer ; kg:charEnd "26"^^xsd:integer ; kg:extractor "position.demand.subject" .
        <https://w3id.org/parley/id/doc/d1> a kg:Document ; kg:documentId "d1" ; dcterms:title "T" ;
            rdfs:label "T"@en ; dcterms:date "2022-03-04"^^xsd:date ; dcterms:publisher "P" ;
            kg:sha256 "{doc.sha256}" .
    """)
    assert isomorphic(ds.graph(doc_graph("d1")), expected)


def test_same_position_in_two_documents_is_one_node(res) -> None:  # type: ignore[no-untyped-def]
    from rdflib import URIRef

    from kg.namespaces import KG

    doc1, ex1 = _one_position(res)
    doc2 = Document("d2", doc1.body, title="T2", published=dt.date(2022, 3, 1))
    ev2 = Evidence("d2", 0, len(doc1.body), doc1.body, "position.demand.subject", None)
    ex2 = Extraction("d2", positions=[PositionRecord(ACTOR + "russia", "Demand", "neutrality", "x", ev2)])
    ds = to_dataset([doc1, doc2], [ex1, ex2], res)
    node = position_iri(ACTOR + "russia", "Demand", "neutrality")
    union = Graph()
    for t in ds.quads((None, None, None, None)):
        union.add(t[:3])
    assert len(set(union.objects(node, KG.evidence))) == 2
    assert union.value(node, KG.sourceCount).toPython() == 2
    assert str(union.value(node, KG.date)) == "2022-03-01"  # the earliest report
    assert str(union.value(node, KG.lastDate)) == str(doc1.published)  # the latest
    assert isinstance(node, URIRef)


def test_slug_is_stable() -> None:
    assert slug("Bürgenstock Resort") == "burgenstock-resort"


def test_wikidata_links_are_gazetteer_entries_each_with_its_own_entity(res, built_graph) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Graph
    from rdflib.namespace import SKOS

    links = Graph().parse(res.directory / "wikidata.ttl", format="turtle")
    pairs = list(links.subject_objects(SKOS.exactMatch))
    assert len(pairs) > 100
    known = {str(e) for e in res.graph.subjects()}
    assert all(str(s) in known and (s, None, None) in res.graph for s, _o in pairs)  # no typo'd subject
    targets = [str(o) for _s, o in pairs]
    assert len(targets) == len(set(targets)), "one Wikidata entity for two entries"
    assert all(t.startswith("http://www.wikidata.org/entity/Q") and t[32:].isdigit() for t in targets)
    assert (URIRef("https://w3id.org/parley/id/actor/russia"), SKOS.exactMatch,
            URIRef("http://www.wikidata.org/entity/Q159")) in built_graph
