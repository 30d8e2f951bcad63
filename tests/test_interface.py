"""``kg extract`` follows the fixed extraction interface (schema test on real output)."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from kg.interface import SCHEMA
from tests.conftest import EXAMPLES, shared_path

KG = [sys.executable, "-m", "kg"]


def _run(args, stdin=None):
    return subprocess.run([*KG, *args], input=stdin, capture_output=True, text=True, timeout=300)


def _check_offsets(record, text):
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    ids = {e["id"] for e in record["entities"]}
    for relation in record["relations"]:
        assert {relation["subject"], relation["object"]} <= ids
        evidence = relation["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    for statement in record["statements"]:
        assert statement["speaker"] is None or statement["speaker"] in ids
        assert text[statement["cue_start"] : statement["cue_end"]] == statement["cue"]
        assert text[statement["content_start"] : statement["content_end"]] == statement["content"]
        if statement["speaker_start"] is not None:
            span = text[statement["speaker_start"] : statement["speaker_end"]]
            assert span == statement["speaker_text"]


def test_single_file_on_the_seed_article():
    path = shared_path("corpus", "seed", "seed-article.txt")
    result = _run(["extract", str(path), "--published", "2019-03-31"])
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    jsonschema.validate(record, SCHEMA)
    _check_offsets(record, path.read_text(encoding="utf-8"))
    assert record["relations"] and record["statements"]
    dated = [r for r in record["relations"] if r["date"]]
    assert any(r["date"] == "2019-03-27" and r["predicate"] == "demands" for r in dated)


def test_stream_keeps_order_and_ids():
    texts = sorted(EXAMPLES.glob("*.txt"))
    lines = [
        json.dumps({"id": f"doc-{i}", "text": p.read_text(), "published": "2019-04-01"})
        for i, p in enumerate(texts)
    ]
    lines.insert(1, json.dumps({"id": "short", "text": "Cuba endorsed Maduro.", "published": None}))
    result = _run(["extract"], stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [json.loads(line)["id"] for line in lines]
    for record, line in zip(records, lines, strict=True):
        jsonschema.validate(record, SCHEMA)
        _check_offsets(record, json.loads(line)["text"])


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ('{"id": "a", "text": "ok."}\n{oops\n', "<stdin>:2"),
        ('{"id": "a", "text": ""}\n', "is empty"),
        ('{"text": "no id"}\n', "field 'id'"),
    ],
)
def test_bad_lines_give_a_one_line_error_and_exit_2(stdin, message):
    result = _run(["extract"], stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
