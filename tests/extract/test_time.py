"""Time expressions resolve against the publication date."""

from datetime import date

import pytest

from kg.extract.time import resolve

PUBLISHED = date(2019, 3, 31)  # a Sunday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("On Wednesday", date(2019, 3, 27), date(2019, 3, 27), "day"),
        ("on March 28", date(2019, 3, 28), date(2019, 3, 28), "day"),
        ("last week", date(2019, 3, 18), date(2019, 3, 24), "week"),
        ("since January", date(2019, 1, 1), date(2019, 1, 31), "month"),
        ("in December", date(2018, 12, 1), date(2018, 12, 31), "month"),
        ("last year", date(2018, 1, 1), date(2018, 12, 31), "year"),
        ("yesterday", date(2019, 3, 30), date(2019, 3, 30), "day"),
        ("31st March, 2019", date(2019, 3, 31), date(2019, 3, 31), "day"),
        ("2019-02-03", date(2019, 2, 3), date(2019, 2, 3), "day"),
        ("three days ago", date(2019, 3, 28), date(2019, 3, 28), "day"),
        ("two weeks ago", date(2019, 3, 11), date(2019, 3, 17), "week"),
        ("a year ago", date(2018, 1, 1), date(2018, 12, 31), "year"),
        ("this weekend", date(2019, 3, 30), date(2019, 3, 31), "range"),
        ("last weekend", date(2019, 3, 23), date(2019, 3, 24), "range"),
        ("next month", date(2019, 4, 1), date(2019, 4, 30), "month"),
        ("last March", date(2018, 3, 1), date(2018, 3, 31), "month"),
        ("since last July", date(2018, 7, 1), date(2018, 7, 31), "month"),
        ("in mid-August", date(2018, 8, 1), date(2018, 8, 31), "month"),
        ("next Tuesday", date(2019, 4, 2), date(2019, 4, 2), "day"),
    ],
)
def test_resolve(text, start, end, precision):
    span = resolve(text, PUBLISHED)
    assert (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["On Wednesday", "last week", "on March 28"])
def test_relative_expressions_need_a_publication_date(text):
    assert resolve(text, None) is None


def test_vague_expressions_are_not_dated():
    assert resolve("soon", PUBLISHED) is None
