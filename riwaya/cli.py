"""The command line: a thin layer over the library (parse, call one function, print).

Every command takes ``--db FILE`` (default ``$RIWAYA_DB`` or ``./riwaya.db``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from collections import Counter
from typing import Annotated, Any, NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from riwaya.attribution import evaluate_attribution, find_statements
from riwaya.attribution.commands import score_report, statements_report
from riwaya.claims.commands import eval_pairs, pairs_csv
from riwaya.claims.commands import train as train_pairs
from riwaya.entities.commands import eval_ner, tag_stream, train
from riwaya.errors import RiwayaError
from riwaya.ingest.sources import IngestOptions, iter_raw_documents
from riwaya.model import Article, NumberMention, RawDocument
from riwaya.pipeline import IngestReport, analyze, ingest, ingest_inputs
from riwaya.reconstruct import CSV_COLUMNS, export_rows, reconstruct, story_markdown
from riwaya.samples import seed_documents
from riwaya.store import default_db_path, open_store
from riwaya.stories import commands as story_commands
from riwaya.stories import recluster
from riwaya.stories.corrections import merge_events, split_event
from riwaya.stories.views import list_events

app = typer.Typer(
    help="riwaya (رواية): reconstruct news stories from many outlets, Arabic first.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(help="Score riwaya against a gold file.", no_args_is_help=True)
train_app = typer.Typer(help="Rebuild a shipped model from ../shared/data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Optional[str], typer.Option("--db", help="Database file (default: $RIWAYA_DB or ./riwaya.db).", show_default=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _fail(error: RiwayaError) -> NoReturn:
    errors.print(f"Error: {error}", markup=False, highlight=False)
    raise typer.Exit(1)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command("ingest")
def ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin.", show_default=False)],
    db: DbOption = None,
    published: Annotated[
        Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for documents that carry none.")
    ] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on loopback, private or link-local addresses.")
    ] = False,
    show_errors: Annotated[int, typer.Option(help="How many failures to list (the rest are counted).")] = 20,
    stories: Annotated[
        bool, typer.Option("--stories/--no-stories", help="Place new articles in events now (or later, with the next ingest).")
    ] = True,
) -> None:
    """Read articles from files, folders (recursively), JSON/JSONL, SaudiNewsNet zips,
    WARC, RSS/Atom feeds or URLs; clean them, analyze them and store them.

    Example: riwaya ingest ../shared/data/saudinewsnet/2015-07-21.zip --db news.db
    """
    try:
        with open_store(db) as store, _progress() as progress:
            task = progress.add_task("ingesting", total=None)
            outcomes: Counter[str] = Counter()

            def on_document(source: str, outcome: str) -> None:
                outcomes[outcome] += 1
                progress.update(
                    task, advance=1,
                    description=f"{outcomes['ingested']} new · {outcomes['duplicate']} dup · {outcomes['failed']} failed",
                )

            report = ingest_inputs(
                inputs, store, options=IngestOptions(allow_private=allow_private), published=published,
                on_document=on_document, stories=stories,
            )
            total = store.count_articles()
    except RiwayaError as error:
        _fail(error)
    _print_report(report, total, db or default_db_path(), show_errors)
    if report.failed and not report.ingested and not report.duplicates:
        raise typer.Exit(1)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=errors, transient=True,
    )


def _print_report(report: IngestReport, total: int, db: str, show_errors: int) -> None:
    console.print(
        f"ingested {len(report.ingested)}, duplicates skipped {len(report.duplicates)}, "
        f"failed {len(report.failed)} · {total} articles in {db}",
        highlight=False,
    )
    if report.new_events or report.joined_events:
        console.print(f"events: {report.new_events} new, {report.joined_events} articles joined existing ones", highlight=False)
    for error in report.failed[:show_errors]:
        errors.print(f"  failed: {error}", markup=False, highlight=False)
    if len(report.failed) > show_errors:
        errors.print(f"  … and {len(report.failed) - show_errors} more (--show-errors N lists more)", highlight=False)


@app.command("articles")
def articles_command(
    db: DbOption = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
    entity: Annotated[
        Optional[str], typer.Option(help="Only articles naming this person, organization or place (any spelling variant the tagger grouped).")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List stored articles in ingest order.

    Example: riwaya articles --outlet sabq --limit 10
    Example: riwaya articles --entity بيسكوف
    """
    try:
        with open_store(db) as store:
            rows = store.list_articles(limit=limit, offset=offset, outlet=outlet, entity=entity)
    except RiwayaError as error:
        _fail(error)
    if as_json:
        _print_json([r.to_dict() for r in rows])
        return
    table = Table("id", "outlet", "published", "title")
    for r in rows:
        table.add_row(r.id, r.outlet or "", (r.published or "")[:10], r.title or "")
    console.print(table)


@app.command("article")
def article_command(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix of at least 4 characters).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one stored article: metadata, provenance, clean text and what the language layer found.

    Example: riwaya article 2b7e --json
    """
    try:
        with open_store(db) as store:
            article = store.get_article(article_id)
    except RiwayaError as error:
        _fail(error)
    if as_json:
        _print_json(article.to_dict())
    else:
        _print_article(article)


def _print_article(article: Article) -> None:
    console.print(f"[bold]{article.title or '(no title)'}[/bold]", highlight=False)
    console.print(
        f"id {article.id} · outlet {article.outlet or '-'} · published {article.published or '-'} · {article.url or article.source}",
        highlight=False, markup=False,
    )
    for credit in article.provenance:
        console.print(f"provenance ({credit.kind}): {credit.outlet}  ← {credit.line!r}", highlight=False, markup=False)
    console.print()
    console.print(article.text, markup=False, highlight=False)
    console.print()
    console.print(f"{len(article.sentences)} sentences", highlight=False)
    if article.dates:
        console.print("dates: " + " · ".join(f"{d.text} → {d.value}" for d in article.dates), markup=False, highlight=False)
    if article.numbers:
        console.print(
            "numbers: " + " · ".join(f"{n.text} → {_format_number(n)}" for n in article.numbers),
            markup=False, highlight=False,
        )
    if article.entities:
        console.print("entities: " + " · ".join(f"{e.text} ({e.type})" for e in article.entities), markup=False, highlight=False)
    if article.statements:
        console.print(statements_report(article.statements, publisher=article.outlet), markup=False, highlight=False)


def _format_number(number: NumberMention) -> str:
    if number.value is None:
        return f"({number.qualifier})"
    value = f"{number.value:,.0f}" if number.value.is_integer() else f"{number.value:,}"
    return f"{value} {number.unit}" if number.unit else value


@app.command("analyze")
def analyze_command(
    path: Annotated[str, typer.Argument(help="A file, URL, or - for stdin.")],
    published: Annotated[
        Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) that relative dates resolve against.")
    ] = None,
    as_json: JsonOption = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow private/loopback URLs.")] = False,
) -> None:
    """Run one article through cleaning and the language layer without storing it.

    Example: riwaya analyze article.txt --published 2024-10-25 --json
    """
    results: list[Article] = []
    failed = False
    for item in iter_raw_documents([path], IngestOptions(allow_private=allow_private)):
        try:
            if isinstance(item, RiwayaError):
                raise item
            if published and not item.published:
                item.published = published
            results.append(analyze(item))
        except RiwayaError as error:
            errors.print(f"Error: {error}", markup=False, highlight=False)
            failed = True
    if as_json:
        _print_json(_analysis_json(results[0]) if len(results) == 1 else [_analysis_json(a) for a in results])
    else:
        for article in results:
            _print_article(article)
    if failed and not results:
        raise typer.Exit(1)


def _analysis_json(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    return {k: data[k] for k in ("title", "text", "published", "provenance", "headings", "sentences", "numbers", "dates",
                                 "entities", "statements", "url", "outlet", "author", "removed")}


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur); Arabic spelling variants match.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="How many results.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over stored articles; "احمد" finds "أحمد", "الكرملين" finds "للكرملين".

    Example: riwaya search "الكرملين"
    """
    try:
        with open_store(db) as store:
            hits = store.search(query, limit=limit)
    except RiwayaError as error:
        _fail(error)
    if as_json:
        _print_json([h.to_dict() for h in hits])
        return
    table = Table("id", "outlet", "title", "sentence")
    for h in hits:
        snippet = h.snippet if len(h.snippet) <= 160 else h.snippet[:159] + "…"
        table.add_row(h.id, h.outlet or "", h.title or "", snippet)
    console.print(table)
    console.print(f"{len(hits)} results", highlight=False)


@app.command("demo")
def demo_command(db: DbOption = None) -> None:
    """Ingest the bundled sample story (five Arabic articles relaying one WSJ report)
    and print what riwaya found.

    Example: riwaya demo
    """
    try:
        with open_store(db) as store:
            report = ingest(seed_documents(), store)
            articles = [store.get_article(i) for i in report.ingested + report.duplicates]
            events = list_events(store)
            main = reconstruct(store, max(events, key=lambda e: len(e.articles)).id, brief_length=3)
    except RiwayaError as error:
        _fail(error)
    console.print(
        f"sample story: {len(articles)} articles in {db or default_db_path()} "
        f"({len(report.ingested)} new, {len(report.duplicates)} already there)",
        highlight=False,
    )
    for a in sorted(articles, key=lambda a: a.source):
        console.print(f"\n[bold]{a.id}[/bold]  {a.title or '(no title)'}", highlight=False)
        console.print(
            f"  {len(a.sentences)} sentences · {len(a.dates)} dates · {len(a.numbers)} numbers · "
            f"{len(a.removed)} boilerplate lines removed", highlight=False,
        )
        if a.provenance:
            console.print("  credits: " + "; ".join(f"{p.kind} {p.outlet}" for p in a.provenance), highlight=False,
                          markup=False)
        console.print("  dates: " + " · ".join(f"{d.text} → {d.value}" for d in a.dates[:6]), markup=False,
                      highlight=False)
        console.print("  numbers: " + " · ".join(f"{n.text} → {_format_number(n)}" for n in a.numbers[:4]), markup=False, highlight=False)
        console.print(f"  {len(a.entities)} entity mentions · {len(a.statements)} attributed statements", highlight=False)
    console.print(
        f"\n{len(events)} events in story {main['story_id']}; the main one, {main['id']}, has "
        f"{len(main['articles'])} articles, {len(main['claims'])} claims, {len(main['contradictions'])} contradictions. Its brief:",
        highlight=False,
    )
    for item in main["brief"]:
        console.print(f"  • {item['text']}", markup=False, highlight=False)
    console.print(
        f"next: riwaya story {main['id']} · riwaya serve · riwaya search \"الكرملين\" · riwaya analyze FILE --json",
        highlight=False,
    )


@app.command("stories")
def stories_command(
    db: DbOption = None,
    as_json: JsonOption = False,
    min_articles: Annotated[int, typer.Option(help="Only events with at least this many articles.")] = 1,
    limit: Annotated[int, typer.Option(help="How many events to list.")] = 50,
) -> None:
    """List events, most recently active first: id, articles, outlets, first and last
    seen, story, and the most central headline.

    Example: riwaya stories --min-articles 3 --json
    """
    try:
        with open_store(db) as store:
            events = story_commands.stories_data(store, min_articles=min_articles, limit=limit)
    except RiwayaError as error:
        _fail(error)
    if as_json:
        _print_json([e.to_dict() for e in events])
    else:
        console.print(story_commands.stories_table(events), markup=False, highlight=False)


@app.command("story")
def story_command(
    event_or_story: Annotated[str, typer.Argument(help="An event id (e-…), a story id (s-…), or a unique prefix.")],
    db: DbOption = None,
    as_json: JsonOption = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print the readable report (Markdown) only.")] = False,
    length: Annotated[int, typer.Option("--length", min=1, help="At most this many brief sentences.")] = 8,
) -> None:
    """Reconstruct one event or story: its articles and who copied whom, the cited brief,
    the claims ledger with independent origins, contradictions, statements, timeline,
    entities and coverage by outlet.

    Example: riwaya story e-03f94f0a77de --markdown
    """
    try:
        with open_store(db) as store:
            data = reconstruct(store, event_or_story, brief_length=length)
            structure = None if (as_json or markdown) else story_commands.story_data(store, event_or_story)
    except RiwayaError as error:
        _fail(error)
    if as_json:
        _print_json(data)
    elif markdown:
        sys.stdout.write(story_markdown(data))
    else:
        console.print(story_commands.story_text(structure) + "\n\n" + story_markdown(data), markup=False, highlight=False)


@app.command("export")
def export_command(
    event_or_story: Annotated[
        Optional[str], typer.Argument(help="One event (e-…) or story (s-…); without it, every event of --min-articles or more.")
    ] = None,
    db: DbOption = None,
    export_format: Annotated[str, typer.Option("--format", help="json, markdown or csv.")] = "json",
    min_articles: Annotated[int, typer.Option(help="Without an id: only events with at least this many articles.")] = 2,
    length: Annotated[int, typer.Option("--length", min=1, help="At most this many brief sentences.")] = 8,
) -> None:
    """Write reconstructions to stdout: JSON (the `story --json` contract; a list without an
    id), Markdown reports, or CSV with one row per claim.

    Example: riwaya export --format csv --min-articles 5 --db news.db > claims.csv
    """
    if export_format not in ("json", "markdown", "csv"):
        _fail(RiwayaError(f"--format {export_format}: choose json, markdown or csv"))
    try:
        with open_store(db) as store:
            ids = [event_or_story] if event_or_story else [e.id for e in list_events(store, min_articles=min_articles)]
            reports = [reconstruct(store, i, brief_length=length) for i in ids]
    except RiwayaError as error:
        _fail(error)
    if export_format == "json":
        _print_json(reports[0] if event_or_story else reports)
    elif export_format == "markdown":
        sys.stdout.write("\n\n".join(story_markdown(r) for r in reports))
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=("event_or_story", *CSV_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for report in reports:
            writer.writerows({"event_or_story": report["id"], **row} for row in export_rows(report))


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (beyond 127.0.0.1, writes need $RIWAYA_TOKEN).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the desk: the REST API (OpenAPI at /docs) and the Arabic pages. Writes need
    `Authorization: Bearer $RIWAYA_TOKEN` when it is set; beyond localhost without it,
    writes are refused.

    Example: riwaya serve --db news.db --port 8000
    """
    from riwaya.server import serve  # the web stack loads only for this command

    serve(db, host, port)


@app.command("recluster")
def recluster_command(
    db: DbOption = None,
    discard_corrections: Annotated[
        bool, typer.Option("--discard-corrections", help="Go on even though merges and splits made by hand will be lost.")
    ] = False,
) -> None:
    """Place every stored article in events again, from scratch, with the current pair
    model (after `riwaya train clusters`). Stored signals are reused: nothing is embedded twice.

    Example: riwaya recluster --db snn.db
    """
    try:
        with open_store(db) as store, _progress() as progress:
            task = progress.add_task("placing", total=store.count_articles())
            report = recluster(store, lambda n: progress.advance(task, n), discard_corrections=discard_corrections)
    except RiwayaError as error:
        _fail(error)
    console.print(
        f"placed {report.placed}: {report.new_events} new events, {report.joined} joins, "
        f"{report.merges} machine merges, {report.links} copy links",
        highlight=False,
    )


@app.command("merge")
def merge_command(
    keep: Annotated[str, typer.Argument(help="The event that stays.")],
    absorb: Annotated[str, typer.Argument(help="The event merged into it (its id will redirect).")],
    db: DbOption = None,
) -> None:
    """Merge event ABSORB into event KEEP; recorded, and ABSORB's id keeps working.

    Example: riwaya merge e-03f94f0a77de e-762d3eb4fd09
    """
    try:
        with open_store(db) as store:
            merged = merge_events(store, keep, absorb)
    except RiwayaError as error:
        _fail(error)
    console.print(f"merged {absorb} into {merged}", highlight=False)


@app.command("split")
def split_command(
    event: Annotated[str, typer.Argument(help="The event to split.")],
    articles: Annotated[list[str], typer.Argument(help="Article ids to move into a new event.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Move the given articles out of EVENT into a new event of the same story; recorded.

    Example: riwaya split e-03f94f0a77de f04bdc11db6b
    """
    try:
        with open_store(db) as store:
            new_event = split_event(store, event, articles)
    except RiwayaError as error:
        _fail(error)
    console.print(f"moved {len(articles)} article(s) from {event} into new event {new_event}", highlight=False)


@app.command("tag")
def tag_command() -> None:
    """Tag CoNLL-style tokens from stdin (one token per line, blank line between
    sentences, extra columns ignored) and write token<TAB>IOB tag (B-PER, I-ORG, …, O).

    Example: riwaya tag < sentences.conll > tagged.conll
    """
    for stream in (sys.stdin, sys.stdout):  # Arabic tokens, whatever the locale says
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    tag_stream(sys.stdin, sys.stdout)


@eval_app.command("ner")
def eval_ner_command(
    path: Annotated[Path, typer.Argument(help="CoNLL file with gold IOB tags in the last column.")],
    with_misc: Annotated[bool, typer.Option("--with-misc", help="Count MISC in the micro average.")] = False,
) -> None:
    """Per-type and micro precision, recall and F1 (CoNLL entity level) of the shipped NER model.

    Example: riwaya eval ner heldout.conll
    """
    if not path.is_file():
        _fail(RiwayaError(f"{path}: no such file"))
    console.print(eval_ner(path, with_misc=with_misc), markup=False, highlight=False)


@eval_app.command("clusters")
def eval_clusters_command(
    gold: Annotated[Path, typer.Argument(help='Gold JSON: {"clusters": [{"id", "urls"}], "singletons": [urls]}.')],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """B-cubed precision, recall and F1 of the database's events against a gold
    clustering, restricted to the labelled articles (found by url).

    Example: riwaya eval clusters gold/clusters-saudinewsnet-dev.json --db snn.db
    """
    if not gold.is_file():
        _fail(RiwayaError(f"{gold}: no such file"))
    try:
        with open_store(db) as store:
            result = story_commands.evaluate(store, gold)
    except RiwayaError as error:
        _fail(error)
    if as_json:
        _print_json({**result.score.to_dict(), "labelled": result.labelled, "found": result.found})
    else:
        console.print(story_commands.evaluation_text(result, gold), markup=False, highlight=False)


@eval_app.command("attribution")
def eval_attribution_command(
    gold: Annotated[Path, typer.Argument(help='Gold JSON: {"sentences": [{"url", "text", "statements": [...]}]}.')],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Statement precision, recall and F1, stance accuracy and via exact-match of the
    attribution layer against a gold file; each sentence's article is found by url.

    Example: riwaya eval attribution gold/attribution-saudinewsnet-dev.json --db snn.db
    """
    if not gold.is_file():
        _fail(RiwayaError(f"{gold}: no such file"))
    try:
        with open_store(db) as store:
            score = evaluate_attribution(gold, store.article_by_url, extract=lambda a: find_statements(a, a.entities))
    except RiwayaError as error:
        _fail(error)
    if as_json:
        _print_json(score.to_dict())
    else:
        console.print(score_report(score), markup=False, highlight=False)


@eval_app.command("pairs")
def eval_pairs_command(
    path: Annotated[Path, typer.Argument(help="CSV with s1,s2,stance columns (stance: agree, disagree or other).")],
) -> None:
    """Accuracy, macro-F1, per-class scores and the confusion matrix of the sentence-pair
    stance model.

    Example: riwaya eval pairs ../shared/data/ans/stance/dev.csv
    """
    try:
        console.print(eval_pairs(path), markup=False, highlight=False)
    except RiwayaError as error:
        _fail(error)


@app.command("pairs")
def pairs_command(
    path: Annotated[Path, typer.Argument(help="CSV with s1,s2 columns (other columns are ignored).")],
) -> None:
    """Say for each sentence pair whether the second agrees with, contradicts (disagree) or
    is unrelated to (other) the first; writes CSV s1,s2,predicted to stdout.

    Example: riwaya pairs claims.csv > predicted.csv
    """
    try:
        pairs_csv(path, sys.stdout)
    except RiwayaError as error:
        _fail(error)


@train_app.command("clusters")
def train_clusters_command(
    gold: Annotated[Path, typer.Argument(help="Gold clustering whose articles are in the database.")],
    db: DbOption = None,
    out: Annotated[Optional[Path], typer.Option(help="Where to write the model (default: the packaged one).")] = None,
) -> None:
    """Fit the event pair model on a gold clustering (2-fold cross-validated by cluster,
    then on all of it). Needs scikit-learn: pip install -e '.[build]'.

    Example: riwaya train clusters gold/clusters-saudinewsnet-dev.json --db snn.db
    """
    from riwaya.stories.train import train_pair_model

    if not gold.is_file():
        _fail(RiwayaError(f"{gold}: no such file"))
    try:
        with open_store(db) as store:
            report = train_pair_model(store, gold, out)
    except RiwayaError as error:
        _fail(error)
    console.print(str(report), markup=False, highlight=False)


@train_app.command("pairs")
def train_pairs_command(
    shared_data: Annotated[Path, typer.Option(help="The shared data folder holding ans/stance/.")] = Path("../shared/data"),
    out: Annotated[Optional[Path], typer.Option(help="Where to write the model (default: the packaged one).")] = None,
) -> None:
    """Retrain the sentence-pair stance model on ANS train and score it on ANS dev.

    Example: riwaya train pairs --shared-data ../shared/data
    """
    try:
        console.print(str(train_pairs(shared_data, out)), markup=False, highlight=False)
    except RiwayaError as error:
        _fail(error)


@train_app.command("ner")
def train_ner_command(
    shared_data: Annotated[Path, typer.Option(help="The shared data folder holding ner/.")] = Path("../shared/data"),
    out: Annotated[Optional[Path], typer.Option(help="Where to write the model (default: the packaged one).")] = None,
) -> None:
    """Retrain the NER model from NewsFANE and the Wojood sample (AQMAR is left out: it
    lowered the held-out score; the held-out NewsFANE part is never used).

    Example: riwaya train ner --shared-data ../shared/data
    """
    if not (shared_data / "ner").is_dir():
        _fail(RiwayaError(f"{shared_data}: no ner/ folder with training data here; pass --shared-data"))
    console.print(str(train(shared_data, out)), markup=False, highlight=False)
