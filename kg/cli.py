"""The ``kg`` command: ingest, extract, query, serve, export, stats, validate, delete.

Every command takes ``--store`` (else ``KG_STORE``). Errors are one line on
stderr naming the input and the problem; exit code 2 for bad input or usage,
1 for other failures. Run ``kg COMMAND --help`` for each command's options.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from kg.config import Settings, get_settings
from kg.errors import InputError, KGError, NotFoundError, QueryError

app = typer.Typer(
    help="Build a knowledge graph of the news: who did what to whom, who said what, and when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store folder (default: KG_STORE or the user data folder)."),
]


class ResultFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class ExportFormat(StrEnum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    jsonld = "jsonld"


RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
EXPORT_TYPES = {
    "turtle": "text/turtle",
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
}


def _settings(store: str | None) -> Settings:
    return get_settings().with_store(store)


def _graph(store: str | None):
    from kg.graph import KnowledgeGraph

    return KnowledgeGraph(_settings(store))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help=".txt, .html, .jsonl files or folders.")],
    store: StoreOption = None,
) -> None:
    """Read articles and write each into its own named graph of the store.

    All inputs are read and checked first: a bad file stops the run before
    anything is written. Ingesting an article again replaces its graph.
    """
    from kg.read import read_articles

    articles = read_articles(paths)
    graph = _graph(store)
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("ingesting", total=len(articles))
            summary = graph.ingest(articles, progress=lambda _: progress.advance(task))
    finally:
        graph.close()
    typer.echo(
        f"articles: {summary.articles}  entities: {summary.entities}  "
        f"relations: {summary.relations}  statements: {summary.statements}  "
        f"seconds: {summary.seconds}"
    )


@app.command()
def extract(
    file: Annotated[
        Path | None,
        typer.Argument(help="A text file; without it, JSON Lines are read from stdin."),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) of FILE.")
    ] = None,
) -> None:
    """Print the extraction interface's JSON for articles (see the README).

    Without FILE: reads JSON Lines from stdin, one {"id", "text", "published"}
    object per line, and writes one JSON object per line in the same order.
    """
    from kg.interface import to_record
    from kg.pipeline import Extractor
    from kg.read import article_from_text, read_jsonl_stream
    from kg.read.validate import decode_text

    extractor = Extractor(get_settings())
    if file is not None:
        if not file.exists():
            raise InputError(str(file), "no such file")
        when = _date(published)
        text = decode_text(str(file), file.read_bytes())
        article = article_from_text(file.stem, text, published=when, origin=str(file))
        typer.echo(json.dumps(to_record(extractor.extract_one(article)), ensure_ascii=False))
        return
    for extraction in extractor.extract(read_jsonl_stream(sys.stdin)):
        sys.stdout.write(json.dumps(to_record(extraction), ensure_ascii=False) + "\n")
        sys.stdout.flush()


def _date(value: str | None):
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError("--published", f"{value!r} is not a date like 2019-03-31") from None


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT).")],
    format: Annotated[ResultFormat, typer.Option("--format", "-f")] = ResultFormat.table,
    store: StoreOption = None,
) -> None:
    """Run a read-only SPARQL query over all graphs and print the result."""
    graph = _graph(store)
    try:
        _check_read_only(sparql)
        if format is ResultFormat.table:
            _print_table(graph, sparql)
        else:
            result = graph.store.sparql(sparql, _media_type(sparql, format.value))
            sys.stdout.write(result.body.decode("utf-8"))
    finally:
        graph.close()


def _check_read_only(sparql: str) -> None:
    from kg.sparql_kind import query_kind

    query_kind(sparql)


def _media_type(sparql: str, fmt: str) -> str:
    from kg.sparql_kind import query_kind

    if query_kind(sparql) in {"CONSTRUCT", "DESCRIBE"}:
        return "text/turtle" if fmt != "json" else "application/ld+json"
    return RESULT_TYPES[fmt]


def _print_table(graph, sparql: str) -> None:
    from kg.sparql_kind import query_kind

    kind = query_kind(sparql)
    if kind in {"CONSTRUCT", "DESCRIBE"}:
        sys.stdout.write(graph.store.sparql(sparql, "text/turtle").body.decode("utf-8"))
        return
    result = graph.store.sparql(sparql, "text/csv").body.decode("utf-8")
    if kind == "ASK":
        typer.echo(json.loads(graph.store.sparql(sparql, RESULT_TYPES["json"]).body)["boolean"])
        return
    rows = list(csv.reader(io.StringIO(result)))
    table = Table(show_lines=False)
    for column in rows[0] if rows else []:
        table.add_column(column, overflow="fold")
    for row in rows[1:]:
        table.add_row(*row)
    Console().print(table)
    err.print(f"{max(len(rows) - 1, 0)} rows")


@app.command(name="eval")
def evaluate(
    datasets: Annotated[
        list[str] | None, typer.Argument(help="Data sets to score (default: all).")
    ] = None,
    shared: Annotated[
        Path, typer.Option(help="The shared data folder (gold sets, corpora).")
    ] = Path("../shared"),
    limit: Annotated[int | None, typer.Option(help="Score at most this many documents.")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="JSON Lines, one per row.")] = False,
    calibration: Annotated[
        bool,
        typer.Option("--calibration", help="Also print confidence bins -> precision for each row."),
    ] = False,
) -> None:
    """Score the extractor against gold sets: precision, recall, F1 per stage and type."""
    from kg.evaluation import DATASETS, run, table
    from kg.pipeline import Extractor

    names = datasets or list(DATASETS)
    unknown = [n for n in names if n not in DATASETS]
    if unknown:
        raise InputError("eval", f"unknown data set {unknown[0]!r}; known: {', '.join(DATASETS)}")
    if not shared.is_dir():
        raise InputError(str(shared), "no such folder; pass --shared PATH to the shared data")
    rows = run(names, Extractor(get_settings()), shared, limit)
    if json_output:
        for row in rows:
            typer.echo(json.dumps(row.as_dict()))
    else:
        typer.echo(table(rows))
    if calibration:
        _print_calibration(rows, json_output)


def _print_calibration(rows, json_output: bool) -> None:
    """Confidence bins -> precision for every row that recorded its outcomes."""
    from kg.evaluation.calibration import calibration_error, reliability, reliability_table

    for row in rows:
        if not row.outcomes:
            continue
        title = f"{row.dataset} {row.stage} {row.type}"
        bins = reliability(row.outcomes)
        if json_output:
            record = {
                "calibration": title,
                "ece": round(calibration_error(bins), 4),
                "bins": [b.as_dict() for b in bins],
            }
            typer.echo(json.dumps(record))
        else:
            typer.echo("\n" + reliability_table(title, bins))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    access_log: Annotated[
        bool, typer.Option(help="Log every request (one line each on stderr).")
    ] = True,
    store: StoreOption = None,
) -> None:
    """Serve the SPARQL endpoint and the actor API (FastAPI under uvicorn)."""
    import uvicorn

    from api.app import create_app
    from api.server import server_options

    settings = _settings(store)
    options = server_options()
    typer.echo(
        f"serving {settings.store} on http://{host}:{port} (docs at /docs); "
        f"event loop {options['loop']}, HTTP parser {options['http']}"
    )
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="info",
        access_log=access_log,
        **options,
    )


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.trig,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    store: StoreOption = None,
) -> None:
    """Write the whole dataset (Turtle merges all graphs into one; JSON-LD uses
    the vocabulary's context, ontology/context.jsonld)."""
    graph = _graph(store)
    try:
        if format is ExportFormat.turtle:  # the whole store: not a query under the row cap
            import pyoxigraph as ox

            quads = ox.parse(graph.store.export("application/n-quads"), ox.RdfFormat.N_QUADS)
            body = ox.serialize({q.triple for q in quads}, format=ox.RdfFormat.TURTLE) or b""
        elif format is ExportFormat.jsonld:
            from kg.rdf.jsonld import dataset_jsonld

            body = dataset_jsonld(graph.store.export("application/n-quads"))
        else:
            body = graph.store.export(EXPORT_TYPES[format.value])
    finally:
        graph.close()
    if output is None:
        sys.stdout.buffer.write(body)
    else:
        output.write_bytes(body)
        typer.echo(f"wrote {len(body)} bytes to {output}")


@app.command()
def stats(store: StoreOption = None) -> None:
    """Count nodes by class and relation records by type."""
    graph = _graph(store)
    try:
        counts = graph.stats()
    finally:
        graph.close()
    for section, values in counts.items():
        typer.echo(f"{section}:")
        for name, count in sorted(values.items(), key=lambda kv: (-kv[1], kv[0])):
            typer.echo(f"  {name:<24} {count}")


@app.command()
def validate(
    store: StoreOption = None,
    show: Annotated[int, typer.Option(help="Findings to print per graph.")] = 5,
) -> None:
    """Check every named graph against the SHACL shapes (ontology/shapes.ttl).

    Prints one line per graph (violations, warnings) and the first findings;
    exits 1 when a graph has a violation.
    """
    from kg.rdf.shacl import validate_store

    graph = _graph(store)
    try:
        reports = validate_store(graph.store)
    finally:
        graph.close()
    for name, report in reports.items():
        verdict = "ok" if report.conforms else "INVALID"
        typer.echo(
            f"{verdict:<8} {name}  violations: {len(report.violations)}  "
            f"warnings: {len(report.warnings)}"
        )
        for finding in [*report.violations, *report.warnings][:show]:
            typer.echo(f"  {finding}")
    if not all(report.conforms for report in reports.values()):
        raise typer.Exit(1)


@app.command()
def delete(
    article_id: Annotated[str, typer.Argument(help="Id of the article to remove.")],
    store: StoreOption = None,
) -> None:
    """Remove an article's graph, and entities no other article supports."""
    graph = _graph(store)
    try:
        graph.delete(article_id)
    finally:
        graph.close()
    typer.echo(f"deleted {article_id}")


def main() -> None:
    """Entry point: run the app, turning our errors into one-line messages."""
    try:
        code = app(standalone_mode=False)  # a command's typer.Exit(code) comes back here
    except KGError as exc:
        sys.stderr.write(f"kg: error: {exc}\n")
        code = 2 if isinstance(exc, InputError | QueryError | NotFoundError) else 1
        raise SystemExit(code) from None
    except typer.Abort:
        raise SystemExit(130) from None
    except Exception as exc:  # click usage errors carry their own exit code
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            raise SystemExit(exc.exit_code) from None
        raise
    if isinstance(code, int) and code:
        raise SystemExit(code)
