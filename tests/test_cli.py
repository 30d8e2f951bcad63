"""The ``kg`` command end to end, in subprocesses, on a store in a temp folder."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
import rdflib

from tests.conftest import EXAMPLES

KG = [sys.executable, "-m", "kg"]
SUPPORTS = """PREFIX kg: <https://w3id.org/newskg/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?who WHERE { ?s kg:supports ?o . ?o skos:prefLabel "Nicolas Maduro" .
  ?s skos:prefLabel ?who } ORDER BY ?who"""


def kg(*args, stdin=None):
    return subprocess.run(
        [*KG, *map(str, args)], input=stdin, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-store")
    result = kg("ingest", EXAMPLES, "--store", folder)
    assert result.returncode == 0, result.stderr
    assert "articles: 3" in result.stdout
    return folder


@pytest.mark.parametrize(
    "command", ["ingest", "extract", "query", "serve", "export", "stats", "validate", "delete"]
)
def test_every_command_has_help(command):
    result = kg(command, "--help")
    assert result.returncode == 0
    assert "Usage" in result.stdout


def test_query_formats(store):
    as_json = json.loads(kg("query", SUPPORTS, "--format", "json", "--store", store).stdout)
    who = [b["who"]["value"] for b in as_json["results"]["bindings"]]
    assert {"China", "Cuba", "Russia"} <= set(who)
    rows = list(
        csv.reader(io.StringIO(kg("query", SUPPORTS, "-f", "csv", "--store", store).stdout))
    )
    assert rows[0] == ["who"] and [r[0] for r in rows[1:]] == who
    tsv = kg("query", SUPPORTS, "-f", "tsv", "--store", store).stdout
    assert tsv.splitlines()[0] == "?who"
    table = kg("query", SUPPORTS, "--store", store)
    assert "Russia" in table.stdout and "rows" in table.stderr


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld"), ("turtle", "turtle")],
)
def test_export_parses(store, fmt, rdflib_format):
    result = subprocess.run(
        [*KG, "export", "--format", fmt, "--store", str(store)], capture_output=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    dataset = rdflib.Dataset()
    dataset.parse(data=result.stdout, format=rdflib_format)
    assert len(dataset) > 100 or sum(len(g) for g in dataset.graphs()) > 100


def test_the_row_cap_limits_queries_not_exports(store):
    """A query over the cap is refused with a hint; an export is never capped."""
    capped = {**os.environ, "KG_QUERY_MAX_ROWS": "10"}
    query = "SELECT * WHERE { ?s ?p ?o }"
    refused = subprocess.run(
        [*KG, "query", query, "--store", str(store)], capture_output=True, text=True, env=capped
    )
    assert refused.returncode != 0 and "more than 10 rows" in refused.stderr
    exported = subprocess.run(
        [*KG, "export", "--format", "turtle", "--store", str(store)],
        capture_output=True,
        env=capped,
    )
    assert exported.returncode == 0, exported.stderr
    assert len(rdflib.Graph().parse(data=exported.stdout, format="turtle")) > 100


def test_stats_counts_classes_and_relations(store):
    out = kg("stats", "--store", store).stdout
    assert "Person" in out and "supports" in out and "Article" in out


def test_update_is_refused_with_exit_2(store):
    result = kg("query", "DROP ALL", "--store", store)
    assert result.returncode == 2
    assert "read-only" in result.stderr


def test_malformed_query_is_one_line(store):
    result = kg("query", "SELECT ?x WHERE { ?x ", "--store", store)
    assert result.returncode == 2
    assert result.stderr.startswith("kg: error:") and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("junk.txt", bytes(range(256)) * 4, "binary"),
        ("latin.txt", "d\xe9j\xe0 vu".encode("latin-1"), "not UTF-8"),
        ("lines.jsonl", b'{"id": "ok", "text": "Fine."}\n[1, 2\n', "lines.jsonl:2"),
    ],
)
def test_bad_input_leaves_the_store_untouched(tmp_path, store, name, content, message):
    before = kg("export", "--format", "nquads", "--store", store).stdout
    good = tmp_path / "good.txt"
    good.write_text("Cuba endorsed Maduro on Monday.")
    bad = tmp_path / name
    bad.write_bytes(content)
    result = kg("ingest", good, bad, "--store", store)
    assert result.returncode == 2
    assert message in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr
    assert kg("export", "--format", "nquads", "--store", store).stdout == before


def test_missing_path_is_a_usage_error(tmp_path):
    result = kg("ingest", tmp_path / "absent.txt", "--store", tmp_path / "s")
    assert result.returncode == 2
    assert "absent.txt" in result.stderr


def test_delete_unknown_article(store):
    result = kg("delete", "no-such-article", "--store", store)
    assert result.returncode == 2 and "no-such-article" in result.stderr


def test_delete_removes_the_article(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    result = kg("delete", "guaido-rally-caracas", "--store", copy)
    assert result.returncode == 0 and "deleted guaido-rally-caracas" in result.stdout
    ask = 'ASK { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), "guaido-rally-caracas")) }'
    assert kg("query", ask, "--store", copy).stdout.strip() == "False"
    assert kg("query", ask, "--store", store).stdout.strip() == "True"


def test_validate_checks_every_graph_against_the_shapes(store, tmp_path):
    result = kg("validate", "--store", store)
    assert result.returncode == 0, result.stdout
    assert result.stdout.count("ok ") == 4  # three articles and the entities graph
    broken = tmp_path / "broken"
    shutil.copytree(store, broken)
    article = "http://127.0.0.1:8000/article/guaido-rally-caracas"
    graph = "http://127.0.0.1:8000/graph/article/guaido-rally-caracas"
    from kg.store import OxigraphStore

    writer = OxigraphStore(broken)
    article_id = "<https://w3id.org/newskg/ns#articleId>"
    writer.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ <{article}> {article_id} ?id }} }}")
    writer.close()
    result = kg("validate", "--store", broken)
    assert result.returncode == 1, result.stdout
    assert "INVALID" in result.stdout and "kg:articleId" in result.stdout


def test_json_ld_export_uses_the_vocabulary_context(store):
    body = json.loads(kg("export", "--format", "jsonld", "--store", store).stdout)
    nodes = [node for graph in body["@graph"] for node in graph.get("@graph", [])]
    assert any(node.get("prefLabel") == "Sergey Lavrov" for node in nodes)
    assert any(node.get("relationType") == "supports" for node in nodes)


def test_second_writer_gets_a_clear_message(tmp_path):
    from kg.errors import StoreError
    from kg.store import OxigraphStore

    first = OxigraphStore(tmp_path / "locked")
    try:
        with pytest.raises(StoreError, match="another process"):
            OxigraphStore(tmp_path / "locked")
    finally:
        first.close()


def test_eval_prints_the_seed_scores():
    from tests.conftest import shared_path

    shared = shared_path("gold").parent
    result = kg("eval", "seed", "--shared", shared, "--json")
    assert result.returncode == 0, result.stderr
    rows = {(r["stage"], r["type"]): r for r in map(json.loads, result.stdout.splitlines())}
    assert rows[("entities", "required")]["recall"] == 1.0
    assert rows[("relations", "all")]["precision"] >= 0.9


def test_eval_prints_a_reliability_table_with_calibration():
    from tests.conftest import shared_path

    shared = shared_path("eval", "polnear").parents[1]
    result = kg("eval", "polnear", "--shared", shared, "--limit", "2", "--json", "--calibration")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    row = next(r for r in records if r.get("type") == "attribution")
    table = next(r for r in records if r.get("calibration") == "polnear-dev statements attribution")
    assert row["dataset"] == "polnear-dev" and row["tp"] > 0
    assert sum(b["count"] for b in table["bins"]) >= row["tp"] + row["fp"]
    assert 0.0 <= table["ece"] <= 1.0


def test_eval_unknown_dataset_is_a_usage_error(tmp_path):
    result = kg("eval", "nonsense", "--shared", tmp_path)
    assert result.returncode == 2 and "nonsense" in result.stderr
