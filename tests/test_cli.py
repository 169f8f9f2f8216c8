"""Every CLI path, run through typer's CliRunner against a temporary database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from riwaya.cli import app
from riwaya.store.sqlite import SqliteStore

runner = CliRunner()

ARTICLE = (
    "الكرملين ينفي تقرير الصحيفة\n\n"
    "نفى الكرملين الجمعة تقريرا أفاد بأن الرئيس الروسي أجرى اتصالات منتظمة منذ أواخر عام 2022.\n\n"
    "وقال المتحدث باسم الكرملين للصحافيين إن التقرير غير صحيح، وإن اتصالا واحدا جرى قبل عام 2022.\n\n"
    "وكانت الشركة قد فازت بعقد بقيمة 1.8 مليار دولار.\n"
)


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def test_cli_every_command_has_help_with_an_example():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert {"ingest", "articles", "article", "analyze", "search", "demo"} <= set(names)
    for command in app.registered_commands:
        assert command.callback.__doc__ and "Example: riwaya" in command.callback.__doc__
        result = run(command.name, "--help")
        assert result.exit_code == 0, result.output
        assert "Example: riwaya" in result.output


def test_cli_demo_ingests_the_sample_story_and_is_idempotent(db):
    first = run("demo", "--db", db)
    assert first.exit_code == 0, first.output
    assert "5 articles" in first.output and "5 new" in first.output
    assert "2 events in story s-" in first.output and "has 4 articles" in first.output
    again = run("demo", "--db", db)
    assert "0 new, 5 already there" in again.output
    with SqliteStore(db) as store:
        assert store.count_articles() == 5


def test_cli_ingest_then_list_show_and_search(tmp_path, db):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "kremlin.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("ingest", str(tmp_path / "news"), "--db", db, "--published", "2024-10-25")
    assert result.exit_code == 0, result.output
    assert "ingested 1, duplicates skipped 0, failed 0" in result.output

    listed = json.loads(run("articles", "--db", db, "--json").output)
    assert [a["title"] for a in listed] == ["الكرملين ينفي تقرير الصحيفة"]
    article_id = listed[0]["id"]

    shown = json.loads(run("article", article_id[:6], "--db", db, "--json").output)
    assert shown["id"] == article_id and shown["published"] == "2024-10-25"
    assert any(d["value"] == "2024-10-25" and d["text"].endswith("الجمعة") for d in shown["dates"])

    plain = run("article", article_id, "--db", db)
    assert plain.exit_code == 0 and "نفى الكرملين" in plain.output

    hits = json.loads(run("search", "للكرملين", "--db", db, "--json").output)
    assert [h["id"] for h in hits] == [article_id]
    assert run("search", "الكرملين", "--db", db).exit_code == 0


def test_cli_ingest_reports_failures_and_goes_on(tmp_path, db):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "english.txt").write_text("This is an English article about the weather in London. " * 5, "utf-8")
    result = run("ingest", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "english.txt"),
                 "--db", db)
    assert result.exit_code == 0
    assert "ingested 1, duplicates skipped 0, failed 2" in result.output
    assert "empty.txt" in result.output and "english.txt: not Arabic text" in result.output


def test_cli_ingest_exits_nonzero_when_nothing_could_be_read(tmp_path, db):
    result = run("ingest", str(tmp_path / "missing.txt"), "--db", db)
    assert result.exit_code == 1
    assert "missing.txt" in result.output


def test_cli_uses_riwaya_db_from_the_environment(tmp_path):
    path = tmp_path / "env.db"
    assert run("demo", env={"RIWAYA_DB": str(path)}).exit_code == 0
    assert path.exists()
    assert len(json.loads(run("articles", "--json", env={"RIWAYA_DB": str(path)}).output)) == 5


def test_cli_analyze_json_offsets_point_into_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("analyze", str(path), "--json", "--published", "2024-10-25")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["title"] == "الكرملين ينفي تقرير الصحيفة"
    for layer in ("sentences", "numbers", "dates"):
        assert data[layer], layer
        for item in data[layer]:
            assert data["text"][item["start"]:item["end"]] == item["text"]
    assert any(n["value"] == 1.8e9 and n["unit"] == "USD" for n in data["numbers"])
    assert not any(n["value"] == 2022 for n in data["numbers"])  # years are dates
    assert ("الكرملين", "ORG") in {(e["text"], e["type"]) for e in data["entities"]}
    denial = next(s for s in data["statements"] if s["stance"] == "deny")
    assert denial["speaker"] == "الكرملين" and "اتصالات منتظمة" in denial["content"]
    for statement in data["statements"]:
        for part in ("speaker", "cue", "content"):
            start, end = statement["spans"][part]
            assert data["text"][start:end] == statement[part]


def test_cli_analyze_reads_stdin():
    result = runner.invoke(app, ["analyze", "-", "--json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sentences"]


def test_cli_article_unknown_id_is_one_clear_error(db):
    run("demo", "--db", db)
    result = run("article", "ffffffffffff", "--db", db)
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: no article with id 'ffffffffffff'")


def test_cli_refuses_a_file_that_is_not_a_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    result = run("articles", "--db", str(bad))
    assert result.exit_code == 1 and "cannot open the database" in result.output


def test_cli_tag_keeps_tokens_and_sentence_breaks():
    conll = "قال\tO\nالمتحدث\tO\nدميتري\tB-PER\nبيسكوف\tI-PER\n\nفي\nموسكو\n"
    result = runner.invoke(app, ["tag"], input=conll)
    assert result.exit_code == 0, result.output
    sentences = [block.split("\n") for block in result.output.strip("\n").split("\n\n")]
    assert [[line.split("\t")[0] for line in s] for s in sentences] == [["قال", "المتحدث", "دميتري", "بيسكوف"],
                                                                        ["في", "موسكو"]]
    tags = [line.split("\t")[1] for s in sentences for line in s]
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    assert tags[2:4] == ["B-PER", "I-PER"] and tags[-1] == "B-LOC"


def test_cli_eval_ner_prints_per_type_and_micro_scores(tmp_path):
    gold = tmp_path / "gold.conll"
    gold.write_text("وقال\tO\nبوتين\tB-PER\nفي\tO\nموسكو\tB-LOC\n\n", encoding="utf-8")
    result = run("eval", "ner", str(gold))
    assert result.exit_code == 0, result.output
    assert "PER" in result.output and "LOC" in result.output and "micro" in result.output
    assert run("eval", "ner", str(tmp_path / "missing.conll")).exit_code == 1


def test_cli_articles_by_entity_finds_every_spelling_of_a_name(db):
    assert run("demo", "--db", db).exit_code == 0
    result = run("articles", "--db", db, "--entity", "بيسكوف", "--json")
    assert result.exit_code == 0, result.output
    by_name = {a["id"] for a in json.loads(result.output)}
    # Seeds 000, 002 and 004 quote the Kremlin spokesman; 001 and 003 do not name him.
    assert len(by_name) == 3
    full = run("articles", "--db", db, "--entity", "دميتري بيسكوف", "--json")
    assert {a["id"] for a in json.loads(full.output)} <= by_name
    assert json.loads(run("articles", "--db", db, "--entity", "غينيا", "--json").output) == []


def test_cli_stored_articles_keep_their_statements_and_entities(db):
    assert run("demo", "--db", db).exit_code == 0
    with SqliteStore(db) as store:
        article = next(a for a in store.iter_articles() if a.title and "تقرير يكشف" in a.title)
    assert article.entities and article.statements
    peskov = [s for s in article.statements if "بيسكوف" in s.speaker.text]
    assert peskov and all(article.text[s.content.start:s.content.end] == s.content.text for s in peskov)


def test_cli_eval_attribution_names_what_it_could_not_find(tmp_path, db):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"sentences": [
        {"url": "http://example.org/missing", "text": "قال الوزير إن الاجتماع تأجل.", "statements": []}]}), encoding="utf-8")
    result = run("eval", "attribution", str(gold), "--db", db)
    assert result.exit_code == 0, result.output
    assert "not found: 1 articles" in result.output
    assert run("eval", "attribution", str(tmp_path / "nope.json"), "--db", db).exit_code == 1


def test_cli_pairs_and_eval_pairs(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text(
        "s1,s2,stance\n"
        "الكرملين ينفي لقاء بوتين وماسك,الكرملين يؤكد لقاء بوتين وماسك,disagree\n"
        "ارتفاع أسعار النفط اليوم,أسعار النفط ترتفع اليوم,agree\n",
        encoding="utf-8",
    )
    result = run("pairs", str(path))
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == "s1,s2,predicted" and len(lines) == 3
    assert all(line.rsplit(",", 1)[1] in {"agree", "disagree", "other"} for line in lines[1:])
    scored = run("eval", "pairs", str(path))
    assert scored.exit_code == 0 and "macro-F1" in scored.output
    assert run("pairs", str(tmp_path / "nope.csv")).exit_code == 1
