"""The ``argmap`` command line: parse options, call one function, print, map errors to exit codes."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Optional, TypeVar

import typer

from argmap.errors import ArgmapError, InputError
from argmap.extractors.api import Lang
from argmap.graph.timeout import QUERY_MEMORY_MB

app = typer.Typer(
    name="argmap",  # the help text is _main's docstring
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish and PowerShell
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from argmap import __version__

        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print argmap's version and exit.")
    ] = False,
) -> None:
    """Turn business commentary into a knowledge graph and an argument map: which claims an article makes
    about which brands, what supports or undermines them, and how strong each claim stands."""

StoreOpt = Annotated[
    Optional[str],
    typer.Option(
        "--store",
        envvar="ARGMAP_STORE",
        help="Store folder (embedded Oxigraph) or SPARQL endpoint URL. Default: $ARGMAP_STORE, else ./argmap-store.",
        show_default=False,
    ),
]

WaitOpt = Annotated[
    float,
    typer.Option("--wait", min=0.0, metavar="SECONDS",
                 help="Queue this long behind another argmap process writing the same store before giving up."),
]

T = TypeVar("T")


def _fail(exc: ArgmapError) -> None:
    typer.echo(f"argmap: error {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def _run(fn: Callable[[], T]) -> T:
    """Run a command body; user errors become one line on stderr and a non-zero exit."""
    try:
        return fn()
    except ArgmapError as exc:
        _fail(exc)
        raise  # unreachable: _fail always exits
    except KeyboardInterrupt:
        typer.echo("argmap: interrupted; the store keeps what was committed before", err=True)
        raise typer.Exit(130) from None


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    ttl = "ttl"
    trig = "trig"
    nq = "nq"
    jsonld = "jsonld"


class Layout(str, Enum):
    hierarchical = "hierarchical"
    physics = "physics"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .html), folders (searched recursively), or - for standard input.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Article language; auto detects it per article.")] = Lang.AUTO,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes for extraction.")] = 1,
    lexicon: Annotated[Optional[list[Path]], typer.Option("--lexicon", help="Extra lexicon file (JSON); repeat for more.")] = None,
    boilerplate: Annotated[Optional[list[Path]], typer.Option("--boilerplate", help="Extra boilerplate rules (JSON, the format of argmap/documents/data/boilerplate.json); repeat for more.")] = None,
    reason: Annotated[bool, typer.Option("--reason/--no-reason", help="Re-run the reasoner afterwards and report what changed.")] = True,
    wait: WaitOpt = 0.0,
    store: StoreOpt = None,
) -> None:
    """Extract articles into the store; re-ingesting the same text changes nothing."""
    from argmap.commands import ingest_command

    _run(lambda: ingest_command(paths, lang=lang, workers=workers, lexicons=lexicon or [], boilerplate=boilerplate or [],
                                reason=reason, store=store, wait=wait))


@app.command()
def query(
    sparql: Annotated[Optional[str], typer.Argument(help="A SPARQL 1.1 query, the path of a .rq file, or a competency question (cq1 … cq8; see --list). Prefixes am:, amid:, rdf:, rdfs:, owl:, skos:, schema:, prov:, xsd:, oa:, dcterms: are predeclared.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE for a competency question, e.g. brand=小米 or article=KEY; repeat for more.")] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the competency questions (Chinese and English) with their parameters.")] = False,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json (W3C SPARQL results JSON) or csv.")] = QueryFormat.table,
    timeout: Annotated[Optional[float], typer.Option("--timeout", help="Stop the query after this many seconds.")] = None,
    max_memory: Annotated[int, typer.Option("--max-memory", metavar="MB", min=0, help="Stop the query when it needs more than this many MB (it runs in a process of its own); 0: no cap, the query runs in argmap's own process.")] = QUERY_MEMORY_MB,
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL query over every article (CONSTRUCT and DESCRIBE print Turtle), or a competency question."""
    from argmap.commands import list_queries_command, query_command

    if list_queries:
        _run(list_queries_command)
        return
    if not sparql:
        _fail(InputError("give a query, a .rq file or a competency question (argmap query --list shows them)"))
    _run(lambda: query_command(sparql or "", fmt=format.value, timeout=timeout, store=store, params=param or [],
                               memory_mb=max_memory or None))


@app.command()
def reason(
    store: StoreOpt = None,
    full: Annotated[bool, typer.Option("--full", help="Evaluate every article, not only the ones changed since the last run.")] = False,
    verdict_rules: Annotated[Optional[Path], typer.Option(
        "--verdict-rules", help="Thresholds of the premiumization verdict (JSON, the format of argmap/reasoner/rules/verdict.json).")] = None,
) -> None:
    """Run the reasoner on what changed: statuses and strengths of claims, one premiumization verdict per brand."""
    from argmap.commands import reason_command

    _run(lambda: reason_command(store=store, full=full, verdict_rules=verdict_rules))


@app.command()
def explain(
    claim: Annotated[str, typer.Argument(help="A claim's IRI, label or a fragment of its text; or a brand's name for its verdict.")],
    store: StoreOpt = None,
) -> None:
    """Explain a claim's status and strength, or a brand's premiumization verdict, down to the source sentences."""
    from argmap.commands import explain_command

    _run(lambda: explain_command(claim, store=store))


@app.command("map")
def map_(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("argmap.html"),
    claim: Annotated[Optional[str], typer.Option("--claim", help="Only this claim's neighbourhood (IRI, label or text fragment).")] = None,
    brand: Annotated[Optional[str], typer.Option("--brand", help="Only what concerns this brand (IRI or label).")] = None,
    layout: Annotated[Layout, typer.Option("--layout", help="hierarchical (claims above evidence) or physics.")] = Layout.hierarchical,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the map in a browser.")] = False,
    store: StoreOpt = None,
) -> None:
    """Write the interactive argument map: one self-contained HTML file that works offline."""
    from argmap.commands import map_command

    _run(lambda: map_command(output, claim=claim, brand=brand, layout=layout.value, open_browser=open_browser, store=store))


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to bind; keep 127.0.0.1 unless you know why.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Accept writes: article uploads (/upload) and SPARQL updates (/sparql). Without it the server only reads.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Per-query time limit in seconds.")] = 10.0,
    limit: Annotated[int, typer.Option("--limit", help="Most result rows returned per query.")] = 10000,
    store: StoreOpt = None,
) -> None:
    """Serve the map, a SPARQL 1.1 Protocol endpoint (/sparql) and article upload on 127.0.0.1."""
    from argmap.commands import serve_command

    _run(lambda: serve_command(host=host, port=port, allow_update=allow_update, timeout=timeout, limit=limit, store=store))


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="ttl, trig, nq or jsonld.")] = ExportFormat.trig,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write; default standard output.")] = None,
    store: StoreOpt = None,
) -> None:
    """Write the whole store (every named graph, except with ttl which merges them)."""
    from argmap.commands import export_command

    _run(lambda: export_command(format.value, output, store=store))


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A .trig, .nq, .ttl or .jsonld file written by argmap export.")],
    wait: WaitOpt = 0.0,
    store: StoreOpt = None,
) -> None:
    """Load an exported dataset into the store."""
    from argmap.commands import import_command

    _run(lambda: import_command(file, store=store, wait=wait))


@app.command()
def articles(store: StoreOpt = None) -> None:
    """List the articles in the store."""
    from argmap.commands import articles_command

    _run(lambda: articles_command(store=store))


@app.command()
def remove(
    article: Annotated[str, typer.Argument(help="The article's key (as `argmap articles` shows) or IRI.")],
    wait: WaitOpt = 0.0,
    store: StoreOpt = None,
) -> None:
    """Drop one article; entities stay while another article mentions them."""
    from argmap.commands import remove_command

    _run(lambda: remove_command(article, store=store, wait=wait))


@app.command()
def validate(store: StoreOpt = None) -> None:
    """Check the store against the SHACL shapes; exit 1 and list the violations when it does not conform."""
    from argmap.commands import validate_command

    _run(lambda: validate_command(store=store))


@app.command()
def demo(
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the map.")] = Path("argmap-demo.html"),
    store: StoreOpt = None,
) -> None:
    """Run the whole job on the bundled demo article: ingest, reason, map, answer competency questions."""
    from argmap.commands import demo_command

    _run(lambda: demo_command(output, store=store))


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
