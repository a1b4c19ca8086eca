"""The full-text index: built for learnings that existed before it, and kept in step after."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from bot.learning.search_query import terms_of
from bot.levers import fold
from storage.db import make_engine, make_session_factory
from storage.learnings import LearningFilter, find_page, list_learnings
from storage.migrate import upgrade
from storage.models import Learning
from storage.search import words_start
from tests.support.databases import POSTGRES_URL


def _found(sessions, *terms: str) -> list[int]:
    with sessions() as session:
        where = LearningFilter(terms=terms)
        return [item.id for item in find_page(session, "T1", where, offset=0, limit=10).items]


@contextmanager
def _empty_database(database_url: str) -> Iterator[str]:
    """A database with no schema yet: the test's SQLite file, or a new PostgreSQL database."""
    if database_url.startswith("sqlite"):
        yield database_url
        return
    name = f"learnloop_fts_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_learnings_older_than_the_index_are_found(database_url):
    with _empty_database(database_url) as url:
        _migrate_with_old_learnings(url)


def _migrate_with_old_learnings(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO workspaces (team_id, settings, created_at) VALUES ('T1', '{}', CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO learnings (team_id, lever, text, source, tags, created_at, "
                "updated_at) VALUES ('T1', 'other', 'Réunion d''équipe', 'command', "
                "'[\"Général\"]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            )
        )
    upgrade(engine)
    sessions = make_session_factory(engine)
    assert _found(sessions, "equipe") == [1]
    assert _found(sessions, "general") == [1]
    engine.dispose()


def test_the_index_follows_every_insert_update_and_delete(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        session.execute(
            text(
                "INSERT INTO workspaces (team_id, settings, created_at) VALUES ('T1', '{}', CURRENT_TIMESTAMP)"
            )
        )
        learning = Learning(team_id="T1", lever="other", text="Première idée", source="modal")
        session.add(learning)
    assert _found(sessions, "premiere") == [learning.id]
    with sessions.begin() as session:
        session.get(Learning, learning.id).text = "Deuxième idée"
    assert _found(sessions, "premiere") == []
    assert _found(sessions, "deuxieme", "idee") == [learning.id]
    with sessions.begin() as session:
        session.delete(session.get(Learning, learning.id))
    assert _found(sessions, "deuxieme") == []
    with sessions() as session:
        assert list_learnings(session, "T1", LearningFilter(terms=("idee",))) == []
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            check = "INSERT INTO learnings_fts(learnings_fts, rank) VALUES ('integrity-check', 1)"
            connection.execute(text(check))  # raises if the index drifted from the table
            triggers = connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            ).scalars()
            assert {"learnings_fts_insert", "learnings_fts_update", "learnings_fts_delete"} <= set(
                triggers
            )
    else:
        indexes = {index["name"] for index in inspect(engine).get_indexes("learnings")}
        assert {"ix_learnings_search", "ix_learnings_search_recent"} <= indexes
        columns = {column["name"] for column in inspect(engine).get_columns("learnings")}
        assert "search_vector" in columns  # stored, generated from search_text
    engine.dispose()


def test_testing_one_learning_agrees_with_the_fts5_index(tmp_path):
    """SQLite tests learnings one by one in Python while walking; FTS5 answers when matches
    are rare: both must split words the same way, or a page would depend on the path."""
    engine = make_engine(f"sqlite:///{tmp_path / 'words.db'}")
    upgrade(engine)
    texts = [
        "L'équipe a co-écrit le guide_interne v2.0 en 2026",
        "snake_case, camelCase et l'e-mail de Zoë (ZOE) : réunion n°3",
        "Über-große Straße; naïve café — ½ done, covid19 ok",
    ]
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO workspaces (team_id, settings, created_at) VALUES ('T1', '{}', 0)")
        )
        for n, learning_text in enumerate(texts, start=1):
            connection.execute(
                text(
                    "INSERT INTO learnings (id, team_id, lever, text, source, tags, "
                    "search_text, created_at, updated_at) VALUES (:id, 'T1', 'other', :t, "
                    "'command', '[]', :s, 0, 0)"
                ),
                {"id": n, "t": learning_text, "s": fold(learning_text)},
            )
    terms = {term for learning_text in texts for term in terms_of(learning_text)}
    terms |= {term[:2] for term in terms} | {"guide", "interne", "case", "mail", "e", "n", "3"}
    with engine.connect() as connection:
        for term in sorted(terms):
            indexed = set(
                connection.execute(
                    text("SELECT rowid FROM learnings_fts WHERE learnings_fts MATCH :m"),
                    {"m": f'"{term}"*'},
                ).scalars()
            )
            tested = {
                n
                for n, learning_text in enumerate(texts, start=1)
                if words_start(fold(learning_text), term)
            }
            assert tested == indexed, term
    engine.dispose()
