"""Every way latest_matches finds learnings gives the ids the text index gives, in id order:
a walk of the workspace, a walk of a channel's or a person's learnings (on PostgreSQL the
person's two indexes merged), the text index after a walk; and SQLite's planner is told the
shape of learnings' indexes, so `from:` and `mine` read the person's learnings, not the
workspace's, and a `lever:` search walks the lever's (migration 0010 keeps that shape)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import func, select, text

from storage.db import make_engine, make_session_factory
from storage.learnings import (
    LearningFilter,
    Reader,
    _conditions,
    add_learning,
    list_learnings,
    soft_delete,
)
from storage.migrate import alembic_config, upgrade
from storage.models import Learning
from storage.search import _workspace, latest_matches

START = datetime(2026, 1, 1, 9, tzinfo=UTC)
PEOPLE = ("UALICE", "UBRUNO", "UCHLOE")
CHANNELS = ("CGENERAL", "CPRIVATE", "CTEAM", None)
WORDS = ("budget", "volunteers", "training", "mentor", "field", "report")


@pytest.fixture
def sessions(database_url):
    """600 learnings of one workspace (and a few of another), words of every frequency."""
    engine = make_engine(database_url)
    upgrade(engine)
    factory = make_session_factory(engine)
    rng = random.Random(5)
    with factory.begin() as session:
        for team_id in ("T1", "T2"):
            session.execute(
                text(
                    "INSERT INTO workspaces (team_id, settings, created_at) "
                    "VALUES (:team_id, '{}', CURRENT_TIMESTAMP)"
                ),
                {"team_id": team_id},
            )
        for n in range(600):
            words = rng.sample(WORDS, rng.randint(1, 4))
            if n % 53 == 0:
                words.append("rarething")
            if n % 7 == 0 and n % 3 == 1:
                words.append("persontopic")  # frequent for UBRUNO only
            learning = add_learning(
                session,
                team_id="T2" if n % 10 == 9 else "T1",
                text=" ".join(words) + f" note {n}",
                source="command",
                now=START + timedelta(minutes=n),
                user_id=PEOPLE[n % 3],
                channel_id=CHANNELS[n % 4],
                lever="onboarding" if n % 5 == 0 else "other",
                author_id=_credited(n),
            )
            if n % 23 == 0:
                soft_delete(learning, START)
    yield factory
    engine.dispose()


def _credited(n: int) -> str | None:
    """Some learnings are credited to Alice, logged by others or by herself; a few to Bruno
    who logged them (both of his indexes hold those)."""
    if n % 17 == 0:
        return "UALICE"
    return PEOPLE[n % 3] if n % 13 == 0 else None


ALICE = Reader("UALICE", frozenset({"CGENERAL", "CTEAM"}))
BRUNO = Reader("UBRUNO", frozenset({"CGENERAL"}))
FILTERS = {
    "from_bruno": LearningFilter(user_id="UBRUNO", terms=("training",), reader=ALICE),
    "from_bruno_rare": LearningFilter(user_id="UBRUNO", terms=("rareth",), reader=ALICE),
    "from_bruno_topic": LearningFilter(user_id="UBRUNO", terms=("persontopic",), reader=ALICE),
    "from_bruno_none": LearningFilter(user_id="UBRUNO", terms=("nowhere",), reader=ALICE),
    "from_bruno_list": LearningFilter(user_id="UBRUNO", reader=ALICE),
    "from_alice": LearningFilter(user_id="UALICE", terms=("report",), reader=BRUNO),
    "from_alice_list": LearningFilter(user_id="UALICE", reader=BRUNO),
    "mine": LearningFilter(
        user_id="UALICE", terms=("budget", "report"), reader=Reader("UALICE", frozenset())
    ),
    "mine_list": LearningFilter(user_id="UALICE", reader=Reader("UALICE", frozenset())),
    "in_channel": LearningFilter(channel_id="CTEAM", terms=("volunteers",), reader=ALICE),
    "in_private": LearningFilter(channel_id="CPRIVATE", terms=("mentor",), reader=ALICE),
    "in_private_unread": LearningFilter(channel_id="CPRIVATE", terms=("field",), reader=BRUNO),
    "in_private_list": LearningFilter(channel_id="CPRIVATE", reader=BRUNO),
    "in_channel_list": LearningFilter(channel_id="CTEAM", reader=ALICE),
    "from_in": LearningFilter(
        user_id="UCHLOE", channel_id="CGENERAL", terms=("field",), reader=ALICE
    ),
    "lever": LearningFilter(lever="onboarding", terms=("budget",), reader=ALICE),
    "lever_rare": LearningFilter(lever="onboarding", terms=("rareth",), reader=ALICE),
    "rare": LearningFilter(terms=("rareth",), reader=ALICE),
    "common": LearningFilter(terms=("bud",)),
    "lever_list": LearningFilter(lever="onboarding", reader=ALICE),
}


def _expected(session, where: LearningFilter, limit: int) -> list[int]:
    """The latest matches through the text index straight (what exports read), newest first."""
    ids = [learning.id for learning in list_learnings(session, "T1", where)]
    return sorted(ids, reverse=True)[:limit]


@pytest.mark.parametrize("probe, walk", [(500, 20_000), (5, 40), (3, 10)])
def test_every_path_gives_the_latest_matches_in_order(sessions, monkeypatch, probe, walk):
    monkeypatch.setattr("storage.search.PROBE", probe)
    monkeypatch.setattr("storage.search.WALK", walk)
    with sessions() as session:
        for name, where in FILTERS.items():
            conditions = _conditions(session, "T1", where)
            for limit in (1, 7, 101):
                found = latest_matches(
                    session,
                    "T1",
                    where.terms,
                    conditions,
                    limit=limit,
                    channel_id=where.channel_id,
                    user_id=where.user_id,
                    lever=where.lever,
                )
                assert found == _expected(session, where, limit), (name, limit)
        # The data reach every case: none of these is vacuous.
        for name in (
            "from_bruno_rare",
            "from_bruno_topic",
            "from_alice",
            "in_private",
            "in_private_unread",
            "in_private_list",
            "lever_rare",
            "rare",
        ):
            assert _expected(session, FILTERS[name], 101), name
        assert not _expected(session, FILTERS["from_bruno_none"], 101)


def _plan(engine, session, statement) -> list[str]:
    compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
    return [row[3] for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]


def test_sqlite_plans_follow_the_shape_of_the_indexes(tmp_path):
    """Without the shape of the indexes, SQLite read `team_id = ?` off ix_learnings_team_created
    (every learning of the workspace) and sorted them for `from:`; now it looks up the
    person's ids. A lever's walk reads ix_learnings_team_lever newest first, and counting by
    lever still reads a period off ix_learnings_team_created, not every learning."""
    engine = make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions() as session:
        where = LearningFilter(user_id="UBRUNO", reader=ALICE)
        person = (
            select(Learning.id)
            .where(*_conditions(session, "T1", where))
            .order_by(Learning.id.desc())
            .limit(10)
        )
        plan = _plan(engine, session, person)
        assert "SEARCH learnings USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
        assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan

        scope = _workspace(session, "T1", "onboarding")
        lever = select(Learning.id).where(*scope).order_by(Learning.id.desc()).limit(500)
        plan = _plan(engine, session, lever)
        assert len(plan) == 1 and "ix_learnings_team_lever (team_id=? AND lever=?)" in plan[0], plan

        counts = (
            select(Learning.lever, func.count())
            .where(Learning.team_id == "T1", Learning.created_at >= START)
            .group_by(Learning.lever)
        )
        plan = _plan(engine, session, counts)
        assert "ix_learnings_team_created" in plan[0], plan
    engine.dispose()


def _statistics(engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        query = "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'learnings' ORDER BY idx"
        return [tuple(row) for row in connection.execute(text(query))]


def test_statistics_already_there_are_left_alone(tmp_path):
    """Migration 0009 writes no shape over measured statistics; 0010 rebuilds the index with
    id last and carries its statistics over (one learning per id), keywords kept."""
    engine = make_engine(f"sqlite:///{tmp_path / 'stats.db'}")
    upgrade(engine, "0008")
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))  # an empty table: sqlite_stat1 without learnings
        connection.execute(
            text(
                "INSERT INTO sqlite_stat1 (tbl, idx, stat) "
                "VALUES ('learnings', 'ix_learnings_team_user', '10 5 unordered')"
            )
        )
    upgrade(engine, "0009")
    assert _statistics(engine) == [("ix_learnings_team_user", "10 5 unordered")]
    upgrade(engine)
    assert _statistics(engine) == [("ix_learnings_team_user", "10 5 1 unordered")]
    engine.dispose()


def test_the_shape_follows_the_indexes_rebuilt_with_id(tmp_path):
    """Dropping an index deletes its statistics: 0010 writes them back, and so does its
    downgrade, for the two-column index."""
    engine = make_engine(f"sqlite:///{tmp_path / 'shape.db'}")
    upgrade(engine)
    rebuilt = [
        ("ix_learnings_team_author", "1000000 1000000 20000 1"),
        ("ix_learnings_team_channel", "1000000 1000000 20000 1"),
        ("ix_learnings_team_user", "1000000 1000000 20000 1"),
    ]
    assert set(rebuilt) <= set(_statistics(engine))
    assert len(_statistics(engine)) == 7
    command.downgrade(alembic_config(engine), "0009")
    shape = [(index, stat.removesuffix(" 1")) for index, stat in rebuilt]
    assert set(shape) <= set(_statistics(engine))
    assert len(_statistics(engine)) == 7
    engine.dispose()
