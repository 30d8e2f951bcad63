"""The identity file: read, checked, and honoured by the graph."""

from __future__ import annotations

import pytest

from kg.config import Settings
from kg.errors import ConfigError
from kg.graph import KnowledgeGraph
from kg.resolve.overrides import load_overrides

GOOD = """
entities:
  - label: Rossiya-1
    type: Organization
    aliases: [Russia-1]
distinct:
  - [George Bush, George W. Bush]
"""


def test_reads_entities_and_distinct_groups(tmp_path):
    path = tmp_path / "identity.yaml"
    path.write_text(GOOD, encoding="utf-8")
    overrides = load_overrides(path)
    assert overrides.entry_for(["russia-1"]).type == "Organization"
    assert overrides.are_distinct(["George Bush"], ["George W. Bush"])
    assert not overrides.are_distinct(["George Bush"], ["George Bush"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("entities: [{aliases: [X]}]", "needs a 'label'"),
        ("entities: [{label: X, type: Robot}]", "type 'Robot' is not one of"),
        ("entities: [{label: X, alias: [Y]}]", "unknown key 'alias'"),
        ("distinct: [[Only One]]", "two or more names"),
        ("people: []", "expected a mapping"),
        ("entities: [label: X", "not valid YAML"),
    ],
)
def test_a_bad_file_says_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "identity.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_overrides(path)


def test_a_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot be read"):
        KnowledgeGraph(Settings(store=":memory:", identity_file=str(tmp_path / "nope.yaml")))


def test_no_file_means_no_corrections():
    assert load_overrides(None).entities == ()
