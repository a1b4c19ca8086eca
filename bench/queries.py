"""Search and listing queries over many learnings, in SQLite and PostgreSQL.

Learnings are written in bulk (Core INSERTs of the learnings table as the models describe it,
with the folded `search_text` search reads), spread over 10 workspaces and a year. Then the
query functions of storage/ that exist are timed: search by words (`find_page` with terms),
the newest page (`find_page`), a lever's latest (`latest_of_lever`), counts by lever.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from bot.levers import Lever
from storage.db import make_engine, make_session_factory
from storage.migrate import upgrade
from storage.models import Learning, Workspace

TEAMS = [f"T{7000 + n}" for n in range(10)]
WORDS = [
    "budget",
    "volunteers",
    "partner",
    "funding",
    "onboarding",
    "buddy",
    "handover",
    "report",
    "field",
    "donors",
    "mission",
    "training",
    "mentor",
    "meeting",
    "decision",
    "trust",
    "feedback",
    "retention",
    "tools",
    "wiki",
    "archive",
    "checklist",
    "équipe",
    "bénévoles",
    "partenaires",
    "financement",
    "intégration",
    "passation",
    "rapport",
    "terrain",
    "décision",
    "confiance",
    "formation",
    "réunion",
    "outils",
    "mémoire",
    "procédure",
    "évaluation",
    "projet",
    "communauté",
]
RARE = [f"rareword{n}" for n in range(200)]


def _fold() -> Callable[[str], str] | None:
    try:
        from bot.levers import fold
    except ImportError:
        return None
    return fold


def _text(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 30))
    if rng.random() < 0.01:
        words.append(rng.choice(RARE))
    return " ".join(words)


def populate(url: str, count: int, *, seed: int = 7, chunk: int = 10_000) -> float:
    """Write `count` learnings; seconds it took."""
    engine = make_engine(url)
    upgrade(engine)
    columns = set(Learning.__table__.c.keys())
    fold = _fold() if "search_text" in columns else None
    levers = [lever.value for lever in Lever]
    rng = random.Random(seed)
    start = datetime(2025, 11, 1, tzinfo=UTC)
    started = time.perf_counter()
    with engine.begin() as connection:
        for team_id in TEAMS:
            if (
                connection.execute(
                    select(Workspace.team_id).where(Workspace.team_id == team_id)
                ).first()
                is None
            ):
                connection.execute(
                    insert(Workspace).values(team_id=team_id, settings={}, created_at=start)
                )
    written = 0
    while written < count:
        rows = []
        for n in range(written, min(count, written + chunk)):
            text = _text(rng)
            at = start + timedelta(seconds=n * 31_536_000 // max(count, 1))
            row = {
                "team_id": TEAMS[n % len(TEAMS)],
                "channel_id": f"C{n % 50:04d}",
                "user_id": f"U{n % 300:04d}",
                "lever": levers[n % len(levers)],
                "text": text,
                "source": "command",
                "tags": [],
                "created_at": at,
                "updated_at": at,
            }
            if fold is not None:
                row["search_text"] = fold(text)
            rows.append(row)
        with engine.begin() as connection:
            connection.execute(insert(Learning), rows)
        written += len(rows)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE learnings")
    else:
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    return time.perf_counter() - started


def _timed(run: Callable[[], object], repeat: int) -> dict:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "runs": repeat,
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[min(len(samples) - 1, int(0.95 * (len(samples) - 1) + 0.5))], 2),
    }


def bench_queries(url: str, *, repeat: int = 40) -> dict:
    """p50/p95 of each query function that exists, on a populated database."""
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    rng = random.Random(11)
    results: dict[str, dict] = {}
    with sessions() as session:
        results["rows"] = {"learnings": session.scalar(select(func.count()).select_from(Learning))}

    try:
        from storage.learnings import LearningFilter, find_page
    except ImportError:
        find_page = None
    if find_page is not None and "terms" in LearningFilter.__dataclass_fields__:

        def search(words: list[str]) -> Callable[[], object]:
            def run() -> object:
                with sessions() as session:
                    team = rng.choice(TEAMS)
                    terms = tuple(_fold()(w) for w in words)
                    return find_page(session, team, LearningFilter(terms=terms), offset=0, limit=10)

            return run

        results["search_common_word"] = _timed(search(["budget"]), repeat)
        results["search_two_words"] = _timed(search(["volunteers", "training"]), repeat)
        results["search_rare_word"] = _timed(search([RARE[3]]), repeat)
        results["search_prefix"] = _timed(search(["bénév"]), repeat)

        def newest_page() -> object:
            with sessions() as session:
                return find_page(session, rng.choice(TEAMS), LearningFilter(), offset=0, limit=10)

        results["newest_page"] = _timed(newest_page, repeat)

        def lever_page() -> object:
            with sessions() as session:
                where = LearningFilter(lever=rng.choice(list(Lever)).value)
                return find_page(session, rng.choice(TEAMS), where, offset=0, limit=10)

        results["lever_page"] = _timed(lever_page, repeat)
    else:
        results["search"] = {"skipped": "storage.learnings.find_page with terms is not there"}

    try:
        from storage import insights
    except ImportError:
        insights = None
    if insights is not None and hasattr(insights, "latest_of_lever"):

        def latest() -> object:
            with sessions() as session:
                return insights.latest_of_lever(session, rng.choice(TEAMS), "onboarding", 5)

        results["latest_of_lever"] = _timed(latest, repeat)
    if insights is not None and hasattr(insights, "count_by_lever"):
        import inspect

        params = list(inspect.signature(insights.count_by_lever).parameters)

        def counts() -> object:
            with sessions() as session:
                if len(params) >= 3:
                    since = datetime(2026, 8, 1, tzinfo=UTC)
                    return insights.count_by_lever(session, rng.choice(TEAMS), since)
                return insights.count_by_lever(session, rng.choice(TEAMS))

        try:
            results["count_by_lever"] = _timed(counts, max(5, repeat // 4))
        except TypeError as error:
            results["count_by_lever"] = {"skipped": str(error)}
    engine.dispose()
    return results
