"""Search and listing queries over many learnings, in SQLite and PostgreSQL.

Learnings are written in bulk (Core INSERTs of the learnings table as the models describe it,
with the folded `search_text` search reads), spread over 10 workspaces of 30 channels and 30
people, and a year (0.5% deleted, 5% credited to a teammate); then a retro every two weeks in
every channel (12 items, 18 votes, 3 actions each). Then the query functions that exist are
timed: search by words and lists (`find_page`, also as a person in Slack who may read 20 of
the 30 channels), a lever's latest (`latest_of_lever`), counts by lever, and a channel's
retro board and history.

`python -m bench.queries --sqlite PATH --postgres NAME` times them on databases kept between
runs (populated once), to iterate on a query; see its --help.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from bot.levers import Lever
from storage import insights
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
START = datetime(2025, 11, 1, tzinfo=UTC)
QUARTER_START = datetime(2026, 8, 1, tzinfo=UTC)
YEAR_S = 31_536_000
CHANNELS = 30  # per workspace
PEOPLE = 30  # per workspace
RETRO_DAYS = 14  # a retro every two weeks in every channel
ITEMS_PER_RETRO = 12
ACTIONS_PER_RETRO = 3


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
    """Write `count` learnings, then a year of retros; seconds it took."""
    engine = make_engine(url)
    upgrade(engine)
    columns = set(Learning.__table__.c.keys())
    fold = _fold() if "search_text" in columns else None
    levers = [lever.value for lever in Lever]
    rng = random.Random(seed)
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
                    insert(Workspace).values(team_id=team_id, settings={}, created_at=START)
                )
    written = 0
    while written < count:
        rows = []
        for n in range(written, min(count, written + chunk)):
            text = _text(rng)
            at = START + timedelta(seconds=n * YEAR_S // max(count, 1))
            row = {
                "team_id": TEAMS[n % len(TEAMS)],
                "channel_id": channel_of(n),
                "user_id": user_of(n),
                "lever": levers[n % len(levers)],
                "text": text,
                "source": "command",
                "tags": [],
                "created_at": at,
                "updated_at": at,
            }
            if "author_id" in columns:  # 5% saved from a teammate's message
                row["author_id"] = user_of(n + len(TEAMS)) if rng.random() < 0.05 else None
            row["deleted_at"] = at if rng.random() < 0.005 else None  # deleted by its author
            if fold is not None:
                row["search_text"] = fold(text)
            rows.append(row)
        with engine.begin() as connection:
            connection.execute(insert(Learning), rows)
        written += len(rows)
    _populate_retros(engine, rng)
    if engine.dialect.name == "postgresql":
        # The state autovacuum leaves tables in (statistics, visibility map), not fresh ones.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    # SQLite keeps what migration 0009 wrote (the shape of the indexes, no measured
    # statistics), as the app does: it never runs ANALYZE.
    engine.dispose()
    return time.perf_counter() - started


def channel_of(n: int) -> str:
    """The channel the n-th learning was logged in: CHANNELS per workspace."""
    return f"C{n % len(TEAMS)}{(n // len(TEAMS)) % CHANNELS:03d}"


def user_of(n: int) -> str:
    """Who logged the n-th learning: PEOPLE per workspace, each in every channel over time."""
    teams = len(TEAMS)
    return f"U{n % teams + teams * ((n // teams * 7 + n // (teams * PEOPLE)) % PEOPLE):04d}"


def _populate_retros(engine, rng: random.Random) -> None:
    """A retro every RETRO_DAYS in every channel over the year: items, votes, actions, answers.

    Skipped on a schema without retros (an older commit).
    """
    try:
        from storage.models import Retro, RetroAction, RetroEvidence, RetroItem, RetroVote
    except ImportError:
        return
    columns = ("went_well", "hard", "learned", "try_next")
    levers = [lever.value for lever in Lever]
    for t, team_id in enumerate(TEAMS):
        retros, items, votes, actions, evidence = [], [], [], [], []
        with engine.begin() as connection:
            next_retro = (connection.scalar(select(func.max(Retro.id))) or 0) + 1
            next_item = (connection.scalar(select(func.max(RetroItem.id))) or 0) + 1
            next_action = (connection.scalar(select(func.max(RetroAction.id))) or 0) + 1
        for c in range(CHANNELS):
            channel = f"C{t}{c:03d}"
            people = [f"U{t + len(TEAMS) * k:04d}" for k in range(0, PEOPLE, PEOPLE // 6)][:6]
            for r in range(YEAR_S // 86_400 // RETRO_DAYS):
                opened = START + timedelta(days=r * RETRO_DAYS, hours=c % 8)
                retro_id = next_retro
                next_retro += 1
                retros.append(
                    {
                        "id": retro_id,
                        "team_id": team_id,
                        "channel_id": channel,
                        "open_channel_id": None,
                        "title": f"Sprint {r + 1}",
                        "facilitator_id": people[0],
                        "language": "en",
                        "votes_per_person": 3,
                        "followup_weeks": 2,
                        "status": "closed",
                        "learnings_since": opened - timedelta(days=RETRO_DAYS),
                        "opened_at": opened,
                        "closed_at": opened + timedelta(hours=1),
                        "closed_by": people[0],
                        "updated_at": opened + timedelta(hours=1),
                    }
                )
                ids = []
                for i in range(ITEMS_PER_RETRO):
                    ids.append(next_item)
                    items.append(
                        {
                            "id": next_item,
                            "team_id": team_id,
                            "retro_id": retro_id,
                            "column": columns[i % len(columns)],
                            "text": _text(rng)[:200],
                            "lever": levers[i % len(levers)],
                            "author_id": people[i % len(people)],
                            "created_at": opened + timedelta(minutes=i),
                        }
                    )
                    next_item += 1
                for p, person in enumerate(people):
                    for slot, item_id in enumerate(rng.sample(ids, 3), start=1):
                        votes.append(
                            {
                                "team_id": team_id,
                                "retro_id": retro_id,
                                "item_id": item_id,
                                "user_id": person,
                                "slot": slot,
                                "created_at": opened + timedelta(minutes=30 + p),
                            }
                        )
                for a, item_id in enumerate(ids[:ACTIONS_PER_RETRO]):
                    status = ("done", "dropped", "open")[(r + a) % 3]
                    due = (opened + timedelta(days=7 + a)).date()
                    done_at = opened + timedelta(days=6) if status == "done" else None
                    actions.append(
                        {
                            "id": next_action,
                            "team_id": team_id,
                            "retro_id": retro_id,
                            "item_id": item_id,
                            "channel_id": channel,
                            "text": "try it next sprint",
                            "owner_id": people[a % len(people)],
                            "due_on": due,
                            "status": status,
                            "created_at": opened,
                            "updated_at": done_at or opened,
                            "done_at": done_at,
                        }
                    )
                    if status == "done":
                        for person in people[:2]:
                            evidence.append(
                                {
                                    "team_id": team_id,
                                    "action_id": next_action,
                                    "learning_id": None,
                                    "user_id": person,
                                    "outcome": "worked",
                                    "created_at": done_at,
                                    "updated_at": done_at,
                                }
                            )
                    next_action += 1
        with engine.begin() as connection:
            for model, rows in (
                (Retro, retros),
                (RetroItem, items),
                (RetroVote, votes),
                (RetroAction, actions),
                (RetroEvidence, evidence),
            ):
                for at in range(0, len(rows), 5_000):
                    connection.execute(insert(model), rows[at : at + 5_000])


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
    """p50/p95 of each query function that exists, on a populated database.

    Searches and lists run as `/learning` runs them for a person in Slack (a Reader who may
    read 20 of the workspace's 30 channels, after `channels_of`) unless named otherwise;
    the retro queries load a channel's latest retro board and its history.
    """
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    rng = random.Random(11)
    results: dict = {"load_average_before": _load_average()}
    with sessions() as session:
        results["rows"] = {
            "learnings": session.scalar(select(func.count()).select_from(Learning)),
            **_retro_rows(session),
        }

    results.update(_searches(sessions, rng, repeat))

    def latest() -> object:
        with sessions() as session:
            return insights.latest_of_lever(session, rng.choice(TEAMS), "onboarding", 5)

    def counts() -> object:  # a quarter's learnings by lever, as App Home and digests ask
        with sessions() as session:
            return insights.count_by_lever(session, rng.choice(TEAMS), QUARTER_START)

    results["latest_of_lever"] = _timed(latest, repeat)
    results["count_by_lever"] = _timed(counts, max(5, repeat // 4))
    results.update(_retro_queries(sessions, rng, repeat))
    results["load_average_after"] = _load_average()
    engine.dispose()
    return results


def _searches(sessions, rng: random.Random, repeat: int) -> dict:
    """`/learning search`, `list` and `mine` as find_page runs them, words folded."""
    from storage.learnings import LearningFilter, find_page

    fold = _fold()
    fields = LearningFilter.__dataclass_fields__
    has_reader = "reader" in fields
    results: dict[str, dict] = {}

    def page(where_of: Callable[[str, str], dict], offset: int = 0, reader: bool = True):
        def run() -> object:
            team = rng.choice(TEAMS)
            person = f"U{TEAMS.index(team) + len(TEAMS) * rng.randrange(PEOPLE):04d}"
            with sessions() as session:
                where = LearningFilter(**where_of(team, person))
                if reader and has_reader:
                    where = _as_reader(session, team, person, where, rng)
                return find_page(session, team, where, offset=offset, limit=10)

        return run

    def words(*typed: str) -> dict:
        return {"terms": tuple(fold(word) for word in typed)}

    # The queries of the first runs (no visibility rule), kept comparable.
    plain = {
        "search_common_word": ("budget",),
        "search_two_words": ("volunteers", "training"),
        "search_rare_word": (RARE[3],),
        "search_prefix": ("bénév",),
    }
    for name, typed in plain.items():
        results[name] = _timed(
            page(lambda _t, _p, typed=typed: words(*typed), reader=False), repeat
        )
    results["newest_page"] = _timed(page(lambda _t, _p: {}, reader=False), repeat)
    results["lever_page"] = _timed(
        page(lambda _t, _p: {"lever": rng.choice(list(Lever)).value}, reader=False), repeat
    )
    if not has_reader:
        return results
    # As a person in Slack: what they may read, found with channels_of first.
    lever = Lever.ONBOARDING.value
    member = {
        "search_as_member": lambda _t, _p: words("budget"),
        "search_as_member_rare": lambda _t, _p: words(RARE[5]),
        "search_as_member_short_prefix": lambda _t, _p: words("re"),
        "search_as_member_lever": lambda _t, _p: {**words("budget"), "lever": lever},
        "search_as_member_in_channel": lambda t, _p: {
            **words("volunteers"),
            "channel_id": f"C{TEAMS.index(t)}{rng.randrange(CHANNELS):03d}",
        },
        "search_as_member_from_person": lambda _t, _p: {
            **words("training"),
            "user_id": f"U{TEAMS.index(_t) + len(TEAMS) * rng.randrange(PEOPLE):04d}",
        },
        "search_mine": lambda _t, p: {**words("budget"), "user_id": p},
        "list_as_member": lambda _t, _p: {},
        "list_mine": lambda _t, p: {"user_id": p},
    }
    for name, where_of in member.items():
        results[name] = _timed(page(where_of), repeat)
    results["search_as_member_page_11"] = _timed(page(lambda _t, _p: words("budget"), 100), repeat)
    return results


def _as_reader(session, team: str, person: str, where, rng: random.Random):
    """The filter `/learning` builds for a person who may read 20 of the 30 channels."""
    from dataclasses import replace

    from storage.learnings import Reader, channels_of

    if where.user_id == person:
        return replace(where, reader=Reader(person, frozenset()))
    channels = channels_of(session, team, where)
    readable = frozenset(rng.sample(sorted(channels), min(len(channels), 20)))
    return replace(where, reader=Reader(person, readable))


def _retro_rows(session) -> dict:
    try:
        from storage.models import Retro, RetroAction, RetroItem, RetroVote
    except ImportError:
        return {}
    return {
        name: session.scalar(select(func.count()).select_from(model))
        for name, model in (
            ("retros", Retro),
            ("retro_items", RetroItem),
            ("retro_votes", RetroVote),
            ("retro_actions", RetroAction),
        )
    }


def _retro_queries(sessions, rng: random.Random, repeat: int) -> dict:
    """A channel's latest retro board (its items, votes, actions, and the learnings logged
    since the retro before: a count over the learnings table) and its retro history."""
    try:
        from bot.retro.actions import load_history
        from bot.retro.board import load_board
        from storage.models import Retro
    except ImportError:
        return {"retro": {"skipped": "bot.retro.board.load_board is not there"}}
    with sessions() as session:
        latest = session.execute(
            select(Retro.team_id, Retro.channel_id, func.max(Retro.id)).group_by(
                Retro.team_id, Retro.channel_id
            )
        ).all()
    if not latest:
        return {"retro": {"skipped": "no retros written"}}
    today = (START + timedelta(days=365)).date()

    def board() -> object:
        team_id, _channel, retro_id = rng.choice(latest)
        with sessions() as session:
            return load_board(session, team_id, retro_id, today)

    def history() -> object:
        team_id, channel_id, _retro = rng.choice(latest)
        with sessions() as session:
            return load_history(session, team_id, channel_id, today)

    return {"retro_board": _timed(board, repeat), "retro_history": _timed(history, repeat)}


def _load_average() -> list[float] | None:
    """The machine's 1, 5 and 15 minute load: other work running skews every number."""
    try:
        return [round(load, 2) for load in os.getloadavg()]
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.queries`: the queries section on databases kept between runs."""
    import argparse

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from bench.__main__ import POSTGRES_ADMIN_URL, _print_queries

    parser = argparse.ArgumentParser(
        prog="python -m bench.queries",
        description="Time the queries on databases kept between runs: each is migrated, "
        "populated only if it holds no learnings, and never dropped (to iterate on a query "
        "without writing a million learnings each time). Prints only.",
    )
    parser.add_argument("--sqlite", metavar="PATH", help="SQLite file, made if missing")
    parser.add_argument(
        "--postgres",
        metavar="NAME",
        help="PostgreSQL database at LEARNLOOP_BENCH_POSTGRES_URL's server, made if missing",
    )
    parser.add_argument("--learnings", type=int, default=1_000_000, help="to populate with")
    parser.add_argument("--repeat", type=int, default=40, help="runs of each query")
    args = parser.parse_args(argv)
    urls = {}
    if args.sqlite:
        urls["sqlite"] = f"sqlite:///{os.path.abspath(args.sqlite)}"
    if args.postgres:
        admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            exists_ = "SELECT 1 FROM pg_database WHERE datname = :name"
            if connection.execute(text(exists_), {"name": args.postgres}).first() is None:
                connection.execute(text(f'CREATE DATABASE "{args.postgres}"'))
        admin.dispose()
        url = make_url(POSTGRES_ADMIN_URL).set(database=args.postgres)
        urls["postgresql"] = url.render_as_string(hide_password=False)
    if not urls:
        parser.error("name a database: --sqlite PATH and/or --postgres NAME")
    report = {}
    for database, url in urls.items():
        engine = make_engine(url)
        upgrade(engine)  # migrations added since it was populated
        with engine.connect() as connection:
            held = connection.scalar(select(func.count()).select_from(Learning))
        engine.dispose()
        seconds = populate(url, args.learnings) if not held else 0.0
        report[database] = {**bench_queries(url, repeat=args.repeat), "populate_s": seconds}
    _print_queries(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
