"""Quantities with the real model: amount, unit and what is measured."""

from __future__ import annotations

import pytest

from kg.extract.quantities import quantity_phrases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Qatar pledged $5.1 million of aid.",
            {(5_100_000.0, "dollar", "aid", "$5.1 million of aid")},
        ),
        (
            "Finland announced a grant of 580 million shillings.",
            {(580_000_000.0, "shilling", "grant", "580 million shillings")},
        ),
        (
            "Libya offered to hand over two of its nationals.",
            {(2.0, None, "its nationals", "two of its nationals")},
        ),
        (
            "More than 1,000 tons of grain reached the port.",
            {(1000.0, "tonne", "grain", "More than 1,000 tons of grain")},
        ),
        (
            "Turnout was 48 percent of voters.",
            {(48.0, "percent", "voters", "48 percent of voters")},
        ),
        (
            "Qatar gave Lebanon $50 million in aid.",
            {(50_000_000.0, "dollar", "aid", "$50 million in aid")},
        ),
        ("The fund lost $5 million.", {(5_000_000.0, "dollar", "dollar", "$5 million")}),
        (
            "The fund raised dollars 375m last year.",
            {(375_000_000.0, "dollar", "dollar", "dollars 375m")},
        ),
        # an amount whose object is not said, names, years and dates are no quantities
        ("The envoy met the premier at 10 Downing Street.", set()),
        ("The blast killed 20 on Monday.", set()),
        ("Resolution 1441 was adopted in 2002 on March 3.", set()),
    ],
)
def test_quantity_phrases(extractor, text, expected):
    doc = extractor.nlp(text)
    found = {(q.amount, q.unit, q.measures, q.span.text) for _, q in quantity_phrases(doc)}
    assert found == expected
    for _, quantity in quantity_phrases(doc):
        assert text[quantity.span.start : quantity.span.end] == quantity.span.text
