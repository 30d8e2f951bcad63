"""Readers: good inputs become articles, bad inputs a clear InputError."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.errors import InputError
from kg.read import article_from_text, read_articles, read_jsonl_stream
from kg.read.news import read_layout


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"   \n\n  ", "is empty"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04", "binary"),
        ("latin1.txt", "Caf\xe9 talks".encode("latin-1"), "not UTF-8"),
        ("bad.jsonl", b'{"id": "a", "text": "ok"}\n{not json}\n', "bad.jsonl:2"),
        ("noid.jsonl", b'{"text": "no id here"}\n', "field 'id'"),
        ("badday.jsonl", b'{"id": "a", "text": "x", "published": "31/03/2019"}\n', "published"),
        ("emptytext.jsonl", b'{"id": "a", "text": ""}\n', "is empty"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_input_names_the_input_and_the_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_articles([path])
    assert problem in str(caught.value)
    assert name in str(caught.value)


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nowhere.txt"])


def test_duplicate_ids_are_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "x", "text": "One."}) + "\n" + json.dumps({"id": "x", "text": "Two."})
    )
    with pytest.raises(InputError, match="also used"):
        read_articles([tmp_path])


def test_folder_reads_every_supported_file_in_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second story.\n\nBody text here.")
    (tmp_path / "a.jsonl").write_text(
        json.dumps(
            {
                "id": "j1",
                "text": "Body.",
                "published": "2020-01-02",
                "title": "T",
                "url": "http://x/1",
                "source": "Wire",
            }
        )
        + "\n"
    )
    (tmp_path / "ignored.md").write_text("# not an article")
    articles = read_articles([tmp_path])
    assert [a.id for a in articles] == ["j1", "b"]
    assert articles[0].published == date(2020, 1, 2)
    assert (articles[0].title, articles[0].url, articles[0].source) == ("T", "http://x/1", "Wire")


def test_jsonl_stream_is_lazy_and_numbered():
    lines = iter(['{"id": "a", "text": "A."}\n', "\n", "{broken\n"])
    stream = read_jsonl_stream(lines, "<stdin>")
    assert next(stream).id == "a"
    with pytest.raises(InputError, match="<stdin>:3"):
        next(stream)


def test_html_main_text_and_metadata(tmp_path):
    page = """<html><head><title>Talks in Geneva</title>
    <meta property="article:published_time" content="2019-04-02"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Talks in Geneva</h1>
    <p>Envoys from Russia and the United States met in Geneva on Tuesday to discuss
    the crisis in Venezuela, officials said after the meeting ended late at night.</p>
    <p>The talks were the first since January, when relations worsened sharply over
    the recognition of the opposition leader by Washington and its allies.</p>
    </article><footer>Copyright</footer></body></html>"""
    path = tmp_path / "geneva.html"
    path.write_text(page)
    [article] = read_articles([path])
    assert "Envoys from Russia" in article.text
    assert "Home | World" not in article.text
    assert article.title == "Talks in Geneva"
    assert article.published == date(2019, 4, 2)


@pytest.mark.parametrize(
    ("text", "body", "dateline", "source", "published"),
    [
        (
            "Talks resume\n\nGENEVA, May 4 (Agency) - Envoys met.",
            "Envoys met.",
            "Geneva",
            "Agency",
            None,
        ),
        (
            "MOSCOW, March 31, 2019 (Example Wire) - Russia said.",
            "Russia said.",
            "Moscow",
            "Example Wire",
            date(2019, 3, 31),
        ),
        (
            "WASHINGTON (Reuters) - The Senate voted.",
            "The Senate voted.",
            "Washington",
            "Reuters",
            None,
        ),
        (
            "Envoys met on Monday in Geneva - officials said.",
            "Envoys met on Monday in Geneva - officials said.",
            None,
            None,
            None,
        ),
        (
            "UPDATE - Leaders Meet In Geneva - Report\n\n(@someone)\n\nUPDATE - Leaders Meet In "
            "Geneva - Report\n\nGENEVA (Sputnik) - Leaders met.",
            "Leaders met.",
            "Geneva",
            "Sputnik",
            None,
        ),
    ],
)
def test_news_layout(text, body, dateline, source, published):
    layout = read_layout(text)
    assert text[layout.body_start :] == body
    assert (layout.dateline, layout.source, layout.published) == (dateline, source, published)


def test_caller_metadata_wins_over_the_dateline():
    article = article_from_text(
        "x", "MOSCOW, March 31, 2019 (Wire) - Text.", published=date(2020, 1, 1), source="Mine"
    )
    assert (article.published, article.source, article.dateline) == (
        date(2020, 1, 1),
        "Mine",
        "Moscow",
    )
