"""The notebooks run headless from the repository, show what they say, and are
stored without outputs.

Each notebook runs once per session (nbclient, a fresh kernel) writing into a
temporary folder; the tests then look at what it printed and wrote. Its
pictures are checked against the store it built, with SPARQL of our own (not
the library code that drew them). Run times are printed by
``benchmarks/notebooks.py``.
"""

from __future__ import annotations

import json
import os
import subprocess

import nbformat
import pytest
from matplotlib.image import imread

from kg.config import Settings
from kg.store import open_store
from tests.conftest import SHARED, shared_path
from tests.network_counts import interaction_counts
from tests.notebooks.runner import NOTEBOOKS, Run, notebook_names, run_notebook
from tests.servers import binary

pytestmark = pytest.mark.slow
NAMES = notebook_names()
REUTERS_STORIES = 100  # notebook 3 reads 200 by default; half keeps the suite quick


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """``executed(name)``: the run of a notebook, made on first use."""
    runs: dict[str, Run] = {}

    def get(name: str) -> Run:
        if name not in runs:
            folder = tmp_path_factory.mktemp(name.split("_")[0])
            runs[name] = run_notebook(name, folder, env={"KG_NOTEBOOK_LIMIT": str(REUTERS_STORIES)})
        return runs[name]

    return get


def test_there_are_four_notebooks():
    assert [name[:2] for name in NAMES] == ["01", "02", "03", "04"]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs(name):
    """Outputs stay out of git: they are big, change on every run, and may hold data."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a cell has outputs; clear them before committing"
            assert cell.execution_count is None, f"{name}: a cell has an execution count"
    assert notebook.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_and_says_which_data_it_used(executed, name):
    text = executed(name).text()
    if SHARED.exists():
        assert "shared data folder is absent" not in text
    else:
        assert "shared data folder is absent" in text


def counts_in_store(run: Run, number: str) -> tuple[int, int, int]:
    """``interaction_counts`` of the store a notebook built."""
    store = open_store(Settings(store=str(run.output / number / "store")))
    try:
        return interaction_counts(store)
    finally:
        store.close()


def test_network_picture_has_the_stores_actors_and_interactions(executed):
    run = executed("02_actor_network.ipynb")
    actors, edges, loops = counts_in_store(run, "02")
    assert actors >= 2 and edges >= 1
    assert f"drawn: {actors} actors, {edges} interactions" in run.text()
    exported = json.loads((run.output / "02" / "network.json").read_text())
    assert len(exported["nodes"]) == actors
    assert len(exported["links"]) == edges + loops


@pytest.mark.parametrize(
    ("number", "pictures"),
    [
        ("02", ["network.png", "network-by-type.png", "stance.png"]),
        ("03", ["network.png", "timeline.png", "growth.png"]),
    ],
)
def test_pictures_are_saved(executed, number, pictures):
    run = executed(next(name for name in NAMES if name.startswith(number)))
    for picture in pictures:
        pixels = imread(run.output / number / picture)
        height, width = pixels.shape[:2]
        assert width >= 600 and height >= 300, picture
        assert pixels.std() > 0.05, f"{picture} is blank"


def test_seed_network_picture_shows_the_two_camps(executed):
    """The camps the notebook prints are those the picture shades."""
    shared_path("corpus", "seed", "seed-article.txt")
    text = executed("02_actor_network.ipynb").text()
    camps = [
        line.split(": ", 1)[1].split(", ") for line in text.splitlines() if line.startswith("camp ")
    ]
    with_guaido = next(camp for camp in camps if "Juan Guaido" in camp)
    with_maduro = next(camp for camp in camps if "Nicolas Maduro" in camp)
    assert "United States" in with_guaido
    assert {"Russia", "China", "Cuba"} <= set(with_maduro)
    assert with_guaido != with_maduro


def test_interactive_page_renders_in_a_browser(executed, tmp_path):
    """Headless Chromium opens the page offline and vis-network draws every actor."""
    chromium = binary("chromium", "apt-get install chromium")
    run = executed("02_actor_network.ipynb")
    page = run.output / "02" / "network.html"
    nodes = len(json.loads((run.output / "02" / "network.json").read_text())["nodes"])
    dom = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    ).stdout
    assert f'data-drawn="{nodes}"' in dom


def test_news_over_time_reads_dated_reuters_stories(executed):
    shared_path("corpus", "reuters21578", "articles.jsonl")
    text = executed("03_news_over_time.ipynb").text()
    assert f"{REUTERS_STORIES} Reuters trade stories on Japan, 1987-" in text


def test_http_client_stops_the_server_it_started(executed):
    assert "kg serve stopped" in executed("04_http_client.ipynb").text()


def test_readme_shows_a_small_network_picture():
    """The README's picture is committed, small, and really a picture."""
    root = NOTEBOOKS.parent
    picture = root / "docs" / "seed-actor-network.png"
    assert "](docs/seed-actor-network.png)" in (root / "README.md").read_text(encoding="utf-8")
    assert picture.stat().st_size < 300_000
    height, width = imread(picture).shape[:2]
    assert 800 <= width <= 2000 and 400 <= height <= 1200
