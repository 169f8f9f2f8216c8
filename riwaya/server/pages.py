"""The Arabic right-to-left pages: home, story, article, search. Server-rendered with
Jinja2 (autoescaped: every text from an article is escaped), a little JavaScript
for the citation panels."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from riwaya.attribution.origins import origin_name
from riwaya.model import Article
from riwaya.reconstruct.contradictions import KIND_NAMES_AR
from riwaya.server.app import HERE, Settings, get_settings, get_store
from riwaya.server.service import StoryFilter
from riwaya.server.svg import coverage_chart, isnad_graph
from riwaya.store.sqlite import SqliteStore

_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
templates = Jinja2Templates(env=_env)
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Store = Annotated[SqliteStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PER_PAGE = 20

STANCES = {"assert": "يؤكد", "deny": "ينفي", "doubt": "يشكك", "confirm": "يؤكد", "refuse_comment": "يرفض التعليق"}
ENTITY_TYPES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status_code=status)


def article_label(article: Article) -> str:
    """The name a reader knows an article by: its outlet, a credited outlet, or its source."""
    if article.outlet:
        return article.outlet
    if article.provenance:
        return article.provenance[0].outlet
    return article.source.rsplit("/", 1)[-1]


def _days(articles: list[dict[str, Any]]) -> dict[str, int]:
    days: dict[str, int] = {}
    for a in articles:
        day = (a.get("published") or "")[:10]
        if day:
            days[day] = days.get(day, 0) + 1
    return days


@router.get("/")
def home(
    request: Request,
    store: Store,
    settings: SettingsDep,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    min_articles: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    events = settings.desk.stories(store, StoryFilter(min_articles=min_articles))
    shown = events[(page - 1) * PER_PAGE : page * PER_PAGE]
    rows, missing = [], []
    for event in shown:
        story = settings.desk.cached_event_story(event)
        if story is None:
            missing.append(event.id)
        rows.append({"event": event, "chart": coverage_chart(_days(event.articles)), "origins": main_claim_origins(story),
                     "pending": story is None})  # fmt: skip
    if missing:
        settings.desk.warm(settings.open_store, missing)
    return templates.TemplateResponse(
        request, "home.html",
        {"rows": rows, "total": len(events), "page": page, "pages": max(1, -(-len(events) // PER_PAGE)),
         "min_articles": min_articles},
    )  # fmt: skip


def main_claim_origins(story: dict[str, Any] | None) -> int | None:
    """Independent origins of the story's main claim (the one most articles carry)."""
    if not story or not story.get("claims"):
        return None
    main = max(story["claims"], key=lambda c: (len(c.get("articles") or []), c.get("centrality") or 0))
    value = main.get("origins")
    return value if isinstance(value, int) else None


@router.get("/stories/{story_id}")
def story_page(
    request: Request, story_id: Annotated[str, Path(max_length=80)], store: Store, settings: SettingsDep
) -> HTMLResponse:
    story = settings.desk.story(store, story_id)
    articles = {a["id"]: settings.desk.article(store, a["id"]) for a in story["articles"]}
    return templates.TemplateResponse(request, "story.html", story_context(story, articles))


def story_context(story: dict[str, Any], articles: dict[str, Article]) -> dict[str, Any]:
    """Everything the story template shows, with citation panels and isnad drawings."""
    labels = {a: article_label(article) for a, article in articles.items()}
    for entry in story.get("coverage", []):  # the reconstruction's outlet names win
        for article_id in entry.get("articles", []):
            labels[article_id] = entry.get("outlet") or labels.get(article_id, article_id)
    numbers = {a["id"]: n for n, a in enumerate(story.get("articles", []), 1)}
    panels: dict[str, dict[str, Any]] = {}

    def cite(ref: dict[str, Any]) -> dict[str, Any] | None:
        article_id = str(ref.get("article_id"))
        article = articles.get(article_id)
        if article is None:
            return None
        index = ref.get("sentence_index")
        key = f"cite-{article_id}-{index if index is not None else 'x'}"
        if key not in panels:
            panels[key] = _panel(key, article, index, labels[article_id])
        return {"panel": key, "label": labels[article_id], "article": article_id, "sentence_index": index,
                "number": numbers.get(article_id, "؟")}  # fmt: skip

    def cites(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out, seen = [], set()
        for ref in refs:
            c = cite(ref)
            if c and (c["article"], c["sentence_index"]) not in seen:
                seen.add((c["article"], c["sentence_index"]))
                out.append(c)
        return out

    brief = [{**item, "cites_shown": cites(item.get("cites") or ([item["cite"]] if item.get("cite") else []))}
             for item in story.get("brief", [])]  # fmt: skip
    contested = {c for k in story.get("contradictions", []) for c in k.get("claims", [])}
    claims: list[dict[str, Any]] = []
    for claim in sorted(story.get("claims", []), key=lambda c: (-len(c.get("articles") or []), -(c.get("centrality") or 0))):
        claims.append(
            {**claim, "graph": isnad_graph(claim_chains(claim, labels)) if len(claims) < _GRAPHS else None,
             "denier_names": list(dict.fromkeys(sp["speaker"] for d in claim.get("deniers", []) for sp in d.get("speakers", [])
                                                if sp.get("stance") == "deny") or [labels.get(d.get("article_id"), "") for d in claim.get("deniers", [])]),
             "denier_cites": cites(claim.get("deniers", []))}
        )  # fmt: skip
    contradictions = [
        {**k, "kind_ar": KIND_NAMES_AR.get(k.get("kind", ""), k.get("kind", "")), "a_cites": cites(k.get("a", [])), "b_cites": cites(k.get("b", []))}
        for k in story.get("contradictions", [])
    ]
    timeline = [{**t, "cites_shown": cites(t.get("cites", []))} for t in story.get("timeline", [])]
    coverage = [
        {**c, "titles": [(a, articles[a].title) for a in c.get("articles", []) if a in articles]} for c in story.get("coverage", [])
    ]
    events = story.get("story_events", [])
    here = next((i for i, e in enumerate(events) if e["id"] == story.get("id")), 0)
    first = max(0, min(here - _NAV // 2, len(events) - _NAV))
    return {
        "story": story,
        "nav_events": events[first : first + _NAV],
        "nav_hidden": max(0, len(events) - _NAV),
        "brief": brief,
        "claims": claims[:_LEDGER],
        "more_claims": max(0, len(claims) - _LEDGER),
        "contested": contested,
        "contradictions": contradictions,
        "timeline": timeline,
        "entities": story.get("entities", [])[:40],
        "coverage": coverage,
        "panels": list(panels.values()),
        "numbers": numbers,
        "chart": coverage_chart(_days(story.get("articles", []))),
        "entity_types": ENTITY_TYPES,
        "stances": STANCES,
    }


_NAV = 12  # events of the same story listed around this one
_GRAPHS = 12  # isnad drawings (the most carried claims)
_LEDGER = 80  # ledger rows shown


def claim_chains(claim: dict[str, Any], labels: dict[str, str]) -> list[list[str]]:
    """origin → intermediaries → outlet for each supporting sentence: the longest chain
    stated there (``"outlet ← relay ← speaker"``), ending at the publishing outlet."""
    chains = []
    for supporter in claim.get("supporters", []):
        outlet = labels.get(str(supporter.get("article_id")), "")
        stated = [sp.get("chain") or sp.get("speaker") or "" for sp in supporter.get("speakers", []) if sp.get("stance") != "deny"]
        longest = max(stated, key=lambda c: c.count("←"), default="")
        parts = [p.strip() for p in longest.split("←") if p.strip()]
        path = list(reversed(parts))  # speaker first
        if not path:
            names = claim.get("origin_names") or []
            path = [str(names[0])] if names else []
        if path and path[-1] != outlet:
            path.append(outlet)
        chains.append(path)
    return chains


def _panel(key: str, article: Article, sentence_index: int | None, label: str) -> dict[str, Any]:
    sentence = (
        article.sentences[sentence_index]
        if sentence_index is not None and 0 <= sentence_index < len(article.sentences)
        else None
    )
    chains = []
    for statement in article.statements:
        if sentence_index is not None and statement.sentence_index == sentence_index:
            chains.append(
                {"outlet": label, "via": [link.refers_to or link.text for link in statement.via],
                 "speaker": statement.speaker.text, "origin": origin_name(statement, article.text),
                 "stance": STANCES.get(statement.stance, statement.stance), "deny": statement.stance == "deny"}
            )  # fmt: skip
    return {"id": key, "article": article, "label": label, "sentence": sentence, "chains": chains}


@router.get("/articles/{article_id}")
def article_page(
    request: Request, article_id: Annotated[str, Path(max_length=80)], store: Store, settings: SettingsDep
) -> HTMLResponse:
    detail = settings.desk.article_detail(store, article_id)
    article = settings.desk.article(store, detail["id"])
    return templates.TemplateResponse(
        request, "article.html",
        {"article": article, "detail": detail, "label": article_label(article), "paragraphs": highlight(article),
         "entity_types": ENTITY_TYPES, "stances": STANCES},
    )  # fmt: skip


def highlight(article: Article) -> list[dict[str, Any]]:
    """The clean text cut into sentences and pieces, each piece with the layers over it
    (statement speaker/cue/content, entity type, date), for the template to mark."""
    marks: list[tuple[int, int, str, str]] = []  # start, end, css class, title
    for statement in article.statements:
        stance = STANCES.get(statement.stance, statement.stance)
        marks.append((statement.content.start, statement.content.end, f"content stance-{statement.stance}", stance))
        marks.append((statement.speaker.start, statement.speaker.end, "speaker", "المتحدث"))
        if statement.cue.end > statement.cue.start:
            marks.append((statement.cue.start, statement.cue.end, "cue", "فعل الإسناد"))
    for entity in article.entities:
        marks.append((entity.start, entity.end, f"ent ent-{entity.type}", ENTITY_TYPES.get(entity.type, entity.type)))
    for mention in article.dates:
        marks.append((mention.start, mention.end, "date", mention.value))
    text = article.text
    cuts = {0, len(text)}
    for start, end, _, _ in marks:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    sentences = {s.start: s for s in article.sentences}
    for s in article.sentences:
        cuts.update((s.start, s.end))
    bounds = sorted(cuts)
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        over = [m for m in marks if m[0] <= start and end <= m[1]]
        sentence = next((s for s in article.sentences if s.start <= start < s.end), None)
        pieces.append(
            {"text": text[start:end], "classes": " ".join(dict.fromkeys(c for m in over for c in m[2].split())),
             "title": " · ".join(dict.fromkeys(m[3] for m in over)), "sentence": sentence.index if sentence else None,
             "starts_sentence": start in sentences}
        )  # fmt: skip
    return pieces


@router.get("/search")
def search_page(
    request: Request,
    store: Store,
    settings: SettingsDep,
    q: Annotated[str, Query(max_length=500)] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
    entity: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
) -> HTMLResponse:
    problems = []
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                problems.append(f"التاريخ «{value}» غير صالح (الصيغة YYYY-MM-DD)")
    searched = bool(q or outlet or entity or since or until) and not problems
    stories = hits = []
    if searched:
        where = StoryFilter(text=q or None, outlet=outlet or None, entity=entity or None, since=since or None, until=until or None)
        stories = settings.desk.stories(store, where)[:50]
        hits = store.search(q, limit=30) if q else []
    return templates.TemplateResponse(
        request, "search.html",
        {"q": q, "outlet": outlet, "entity": entity, "since": since, "until": until, "stories": stories,
         "hits": hits, "searched": searched, "problems": problems, "outlets": [o for o, _ in store.outlet_counts() if o][:200]},
    )  # fmt: skip
