"""The `/learning <text>` insert run straight on the driver: the same row, the same errors, the
same transaction rules (SQLite's writer turns, PostgreSQL's lost connections) as the engine's."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, event, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from storage import db
from storage.db import make_engine, make_session_factory
from storage.driver import DriverInsert, groups_of
from storage.learnings import insert_learning
from storage.migrate import upgrade
from storage.models import Learning, Workspace
from storage.models.core import search_text_of
from storage.workspaces import ensure_workspace
from tests.support.databases import end_sessions
from tests.support.waiting import eventually

NOW = datetime(2026, 11, 26, 9, 30, 15, 123456, tzinfo=UTC)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    upgrade(engine)
    with make_session_factory(engine).begin() as session:
        ensure_workspace(session, "T0001")
    yield engine
    engine.dispose()


def _insert(engine: Engine, text_: str = "Pair each newcomer with a Buddy", team_id="T0001") -> int:
    return insert_learning(
        engine,
        team_id=team_id,
        text=text_,
        lever="onboarding",
        source="command",
        user_id="UALICE",
        channel_id="CGENERAL",
        now=NOW,
    )


def _count(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(Learning))


def _needs_postgres(url: str) -> None:
    if make_url(url).get_backend_name() == "sqlite":
        pytest.skip("SQLite has no connection to lose")


def test_the_row_is_the_one_the_orm_reads_back(engine):
    learning_id = _insert(engine, "Écrire le guide d'accueil")

    with make_session_factory(engine)() as session:
        learning = session.get(Learning, learning_id)
    assert (learning.team_id, learning.channel_id, learning.user_id) == (
        "T0001",
        "CGENERAL",
        "UALICE",
    )
    assert (learning.lever, learning.source, learning.text) == (
        "onboarding",
        "command",
        "Écrire le guide d'accueil",
    )
    assert (learning.tags, learning.visibility) == ([], "private")
    assert learning.search_text == search_text_of(learning) == "ecrire le guide d'accueil"
    assert learning.created_at == learning.updated_at == NOW
    assert learning.deleted_at is None


def test_a_missing_workspace_is_sqlalchemys_integrity_error_and_stores_nothing(engine):
    with pytest.raises(IntegrityError):
        _insert(engine, team_id="TNOBODY")

    assert _count(engine) == 0
    # The transaction ended and the connection went back: the next write goes through at once.
    with make_session_factory(engine).begin() as session:
        ensure_workspace(session, "TNOBODY")
    assert _insert(engine, team_id="TNOBODY") > 0
    assert _count(engine) == 1


def test_threads_inserting_at_once_all_store_their_learning_and_get_its_id(engine):
    failures: list[BaseException] = []
    ids: dict[str, int] = {}

    def insert_many(n: int) -> None:
        try:
            for i in range(20):
                ids[f"thread {n} learning {i}"] = _insert(engine, f"thread {n} learning {i}")
        except BaseException as error:  # reported by the assertion below
            failures.append(error)

    threads = [threading.Thread(target=insert_many, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert _count(engine) == 160
    with engine.connect() as connection:
        stored = dict(connection.execute(select(Learning.text, Learning.id)).all())
    assert stored == ids


# On SQLite one transaction writes at a time: inserts that queue behind it share the next
# transaction and its commit (storage/group_commit.py). Seen here in the BEGINs and COMMITs
# the connections send, while the test holds the writer turn with a transaction of its own.


def _needs_sqlite(url: str) -> None:
    if make_url(url).get_backend_name() != "sqlite":
        pytest.skip("PostgreSQL writes concurrent transactions side by side: no groups")


def _transactions(engine: Engine) -> list[str]:
    """BEGIN, COMMIT and ROLLBACK, as the inserting threads send them from now on."""
    engine.dispose()  # connections opened from now on are traced
    sent: list[str] = []

    def trace(sql: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            word = sql.split()[0].upper()
            if word in ("BEGIN", "COMMIT", "ROLLBACK"):
                sent.append(word)

    event.listen(
        engine, "connect", lambda dbapi_connection, _: dbapi_connection.set_trace_callback(trace)
    )
    return sent


class _Inserts:
    """Inserts run in threads of their own, each started once the previous one is queued."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.groups = groups_of(engine)
        self.outcomes: dict[str, object] = {}
        self.threads: list[threading.Thread] = []

    def start(self, text_: str, team_id: str = "T0001") -> None:
        def run() -> None:
            try:
                self.outcomes[text_] = _insert(self.engine, text_, team_id=team_id)
            except DBAPIError as error:
                self.outcomes[text_] = error

        queued = self.groups.waiting
        writing = self.groups.writing
        thread = threading.Thread(target=run)
        self.threads.append(thread)
        thread.start()
        eventually(lambda: self.groups.waiting == queued + 1 if writing else self.groups.writing)

    def join(self) -> None:
        for thread in self.threads:
            thread.join(10)
            assert not thread.is_alive()


def _holding_the_writer_turn(engine: Engine):
    session = make_session_factory(engine)()
    session.execute(text("SELECT 1"))  # begins: the writer turn is taken
    return session


def test_inserts_queued_behind_a_transaction_share_the_next_one(engine, database_url):
    _needs_sqlite(database_url)
    sent = _transactions(engine)
    inserts = _Inserts(engine)

    holder = _holding_the_writer_turn(engine)
    for name in ("first", "second", "third", "fourth"):
        inserts.start(name)
    holder.commit()
    inserts.join()

    assert sent == ["BEGIN", "COMMIT", "BEGIN", "COMMIT"]
    with engine.connect() as connection:
        stored = dict(connection.execute(select(Learning.text, Learning.id)).all())
    assert stored == inserts.outcomes
    assert len(set(stored.values())) == 4


def test_a_row_refused_in_a_group_fails_alone_and_the_others_are_stored(engine, database_url):
    _needs_sqlite(database_url)
    sent = _transactions(engine)
    inserts = _Inserts(engine)

    holder = _holding_the_writer_turn(engine)
    inserts.start("first")
    inserts.start("second")
    inserts.start("for a workspace never installed", team_id="TNOBODY")
    inserts.start("fourth")
    holder.commit()
    inserts.join()

    assert isinstance(inserts.outcomes.pop("for a workspace never installed"), IntegrityError)
    with engine.connect() as connection:
        stored = dict(connection.execute(select(Learning.text, Learning.id)).all())
    assert stored == inserts.outcomes
    assert set(stored) == {"first", "second", "fourth"}
    # The group is written again without the refused row: the row before it is not lost.
    assert sent == ["BEGIN", "COMMIT", "BEGIN", "ROLLBACK", "BEGIN", "COMMIT"]


class _Unbindable:
    """A value the driver fails to bind with an error of its own, not the database's."""

    def __conform__(self, _protocol: object) -> None:
        raise RuntimeError("cannot be stored")


def test_an_error_not_of_the_database_ends_the_transaction_and_the_next_insert_goes_in(
    engine, database_url
):
    _needs_sqlite(database_url)  # psycopg adapts values before the transaction
    with pytest.raises(RuntimeError, match="cannot be stored"):
        insert_learning(
            engine,
            team_id="T0001",
            text="never stored",
            lever="onboarding",
            source="command",
            user_id="UALICE",
            channel_id=_Unbindable(),
            now=NOW,
        )

    # The writer turn was given back: the next insert does not wait for it in vain.
    assert _insert(engine, "stored next") > 0
    assert _count(engine) == 1


def test_a_group_that_cannot_begin_fails_as_a_whole_and_stores_nothing(
    engine, database_url, monkeypatch
):
    _needs_sqlite(database_url)
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_S", 0.5)
    sent = _transactions(engine)
    inserts = _Inserts(engine)

    holder = _holding_the_writer_turn(engine)
    for name in ("first", "second", "third"):
        inserts.start(name)
    inserts.join()  # the first alone, then the two others together, waited in vain
    holder.rollback()

    assert {name: str(error.orig) for name, error in inserts.outcomes.items()} == {
        name: "database is locked" for name in ("first", "second", "third")
    }
    assert sent == []
    assert _count(engine) == 0


def test_a_statement_binding_other_columns_than_given_is_refused(engine):
    # `tags` has a Python-side default: left out, SQLAlchemy would bind it, and nobody gives it.
    statement = DriverInsert(
        insert(Learning.__table__).returning(Learning.__table__.c.id),
        ("team_id", "lever", "text", "source", "search_text", "created_at", "updated_at"),
    )
    with pytest.raises(ValueError, match="tags"):
        statement.returning(engine, {"team_id": "T0001"})


def test_after_a_lost_connection_every_pooled_one_is_checked_before_use(
    engine, database_url, monkeypatch
):
    _needs_postgres(database_url)
    # Two connections in the pool, both used a moment ago: neither is due for the idle ping.
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 3600)
    first, second = engine.raw_connection(), engine.raw_connection()
    first.close()
    second.close()
    # What a database restart does to pooled connections.
    end_sessions(make_url(database_url).database)

    with pytest.raises(DBAPIError) as lost:
        _insert(engine, "lost with its connection")
    assert lost.value.connection_invalidated

    # The insert took one of the two; the other, cut too, waited since before the loss: it is
    # pinged and replaced before a session uses it. The next insert opens its own.
    with make_session_factory(engine)() as session:
        assert session.get(Workspace, "T0001") is not None
    _insert(engine, "stored on a new connection")
    with make_session_factory(engine)() as session:
        assert session.scalars(select(Learning.text)).all() == ["stored on a new connection"]


def test_on_postgresql_each_insert_is_one_statement_committed_by_itself(
    engine, database_url, tmp_path
):
    """No BEGIN and no COMMIT: the INSERT alone, in one round trip, and the connection is
    out of any transaction (committed) when its answer comes."""
    _needs_postgres(database_url)
    import psycopg  # installed wherever PostgreSQL is tested

    engine.dispose()  # connections opened from now on are traced
    trace = (tmp_path / "libpq.trace").open("w")

    @event.listens_for(engine, "connect")
    def _trace(dbapi_connection, _record):
        dbapi_connection.pgconn.trace(trace.fileno())
        dbapi_connection.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)

    ids = [_insert(engine, f"learning {n}") for n in range(3)]
    engine.dispose()
    event.remove(engine, "connect", _trace)
    trace.close()

    # libpq's trace: direction, length, message, its fields; "F" is what the client sent.
    messages = [line.split("\t") for line in (tmp_path / "libpq.trace").read_text().splitlines()]
    queries = [fields[3].strip() for fields in messages if fields[2] in ("Query", "Parse")]
    assert len(queries) == 3
    assert all(query.startswith('"" "INSERT INTO learnings') for query in queries)
    round_trips = [fields[2] for fields in messages if fields[0] == "F"]
    assert round_trips.count("Sync") == 3
    ready = [fields[3].strip() for fields in messages if fields[2] == "ReadyForQuery"]
    assert ready == ["I", "I", "I"]  # idle, not in a transaction (T)
    with engine.connect() as connection:
        assert connection.scalars(select(Learning.id).order_by(Learning.id)).all() == ids


# A thread keeps its driver connection between inserts (storage/driver.py): what the pool did
# for a connection that waited, was cut or is no longer wanted still holds for the kept one.


def _connections_opened(engine: Engine) -> list[object]:
    opened: list[object] = []
    event.listen(engine, "connect", lambda dbapi_connection, _record: opened.append(1))
    return opened


def _backends(url: str) -> int:
    """How many PostgreSQL sessions are connected to the test's database."""
    admin = create_engine(make_url(url).set(database="test"))
    try:
        with admin.connect() as connection:
            return connection.scalar(
                text("SELECT count(*) FROM pg_stat_activity WHERE datname = :name"),
                {"name": make_url(url).database},
            )
    finally:
        admin.dispose()


def test_a_thread_keeps_its_connection_from_one_insert_to_the_next(engine):
    engine.dispose()  # no connection left from the fixture
    opened = _connections_opened(engine)

    for n in range(5):
        _insert(engine, f"learning {n}")

    assert len(opened) == 1
    assert _count(engine) == 5


def test_a_kept_connection_cut_while_it_waited_is_replaced_before_use(
    engine, database_url, monkeypatch
):
    _needs_postgres(database_url)
    _insert(engine, "before the restart")
    end_sessions(make_url(database_url).database)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0)  # it waited long enough to be checked

    _insert(engine, "after the restart")

    with make_session_factory(engine)() as session:
        assert session.scalars(select(Learning.text).order_by(Learning.id)).all() == [
            "before the restart",
            "after the restart",
        ]


def test_a_kept_connection_found_lost_is_dropped_and_the_next_insert_goes_in(
    engine, database_url, monkeypatch
):
    _needs_postgres(database_url)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 3600)  # used a moment ago: not pinged
    _insert(engine, "before the restart")
    end_sessions(make_url(database_url).database)

    with pytest.raises(DBAPIError) as lost:
        _insert(engine, "lost with its connection")
    assert lost.value.connection_invalidated

    _insert(engine, "stored on a new connection")
    with make_session_factory(engine)() as session:
        assert session.scalars(select(Learning.text).order_by(Learning.id)).all() == [
            "before the restart",
            "stored on a new connection",
        ]


def test_kept_connections_close_with_their_thread_and_with_the_engine(engine, database_url):
    _needs_postgres(database_url)
    engine.dispose()  # the fixture's own connection, so only the inserts' are counted
    thread = threading.Thread(target=_insert, args=(engine, "from a thread that then ends"))
    thread.start()
    thread.join()
    gc.collect()
    assert _backends(database_url) == 0

    _insert(engine, "from the test's own thread, which goes on")
    assert _backends(database_url) == 1
    engine.dispose()
    assert _backends(database_url) == 0
    assert _count(engine) == 2
