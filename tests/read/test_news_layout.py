"""News layout: headline, byline, dateline shapes and the body offset."""

from __future__ import annotations

from datetime import date

import pytest

from kg.read import article_from_text, read_articles
from kg.read.news import read_layout

SHAPES = [
    # (text, body, dateline place, source, published)
    ("MOSCOW, March 31 (Wire) - Russia said.", "Russia said.", "Moscow", "Wire", None),
    ("March 31 (Agency) - Russia said.", "Russia said.", None, "Agency", None),
    ("WASHINGTON (AP) \u2014 The Senate voted.", "The Senate voted.", "Washington", "AP", None),
    ("LONDON, May 4 -- Ministers met.", "Ministers met.", "London", None, None),
    ("BEIJING, Jan. 5 (Agency) -- China said.", "China said.", "Beijing", "Agency", None),
    ("SAN JUAN, Puerto Rico (AP) - It rained.", "It rained.", "San Juan", "AP", None),
    ("Kyiv, 12 March 2022 - Talks resumed.", "Talks resumed.", "Kyiv", None, date(2022, 3, 12)),
    (
        "(Portal news / Agency - 31st March, 2019) Russia said.",
        "Russia said.",
        None,
        "Agency",
        date(2019, 3, 31),
    ),
    (
        "TOWN-ON-SEA (North Region) (Portal news / Agency - 2nd May, 2020) "
        "TOWN (North Region), May 2 (Agency) - Floods hit.",
        "Floods hit.",
        "Town-On-Sea",
        "Agency",
        date(2020, 5, 2),
    ),
    ("Leaders Meet\nGENEVA (Wire) - Leaders met.", "Leaders met.", "Geneva", "Wire", None),
    (
        "Envoys met in Geneva - officials said.",
        "Envoys met in Geneva - officials said.",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "body", "place", "source", "published"), SHAPES)
def test_dateline_shapes(text, body, place, source, published):
    layout = read_layout(text)
    assert text[layout.body_start :] == body
    assert (layout.dateline, layout.source, layout.published) == (place, source, published)


def test_headline_byline_and_repeated_headline():
    text = (
        "Floods Hit Coastal Towns\n\nBy Anna Koski\n\nFloods Hit Coastal Towns\n\n"
        "OSLO, May 2, 2020 (Wire) - Floods hit the coast."
    )
    layout = read_layout(text)
    assert layout.headline.text == "Floods Hit Coastal Towns"
    assert layout.byline == "Anna Koski"
    assert text[layout.body_start :] == "Floods hit the coast."


def test_a_single_line_without_punctuation_is_a_body_not_a_headline():
    text = "Ulf D. Brannstrom , 47 , of the space agency was chosen"
    layout = read_layout(text)
    assert layout.headline is None and layout.body_start == 0


def test_offsets_index_the_original_text():
    text = "Headline Words Here\n\nPARIS (Wire) - France said on Monday it agreed."
    article = article_from_text("x", text)
    assert article.text == text
    assert text[article.body_start :].startswith("France said")
    assert article.title == "Headline Words Here"


def test_html_author_title_and_date(tmp_path):
    page = """<html><head><title>Floods in Oslo</title>
    <meta name="author" content="Anna Koski">
    <meta property="article:published_time" content="2020-05-02"></head>
    <body><article><h1>Floods in Oslo</h1>
    <p>Floods hit the coast of Norway on Saturday, and officials said the water was
    rising in several towns north of the capital, where roads had been closed.</p>
    <p>The government said it would send help to the region within two days, after
    a meeting of ministers in Oslo late on Saturday night.</p>
    </article></body></html>"""
    path = tmp_path / "floods.html"
    path.write_text(page, encoding="utf-8")
    [article] = read_articles([path])
    assert (article.title, article.author, article.published) == (
        "Floods in Oslo",
        "Anna Koski",
        date(2020, 5, 2),
    )
    assert article.text[article.body_start :].startswith("Floods hit the coast")
