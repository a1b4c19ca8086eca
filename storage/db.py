"""Engines and sessions for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

# A request must be answered within Slack's 3 seconds: waiting longer than this for the
# database to let us write (SQLite busy) or to accept a connection (PostgreSQL) is treated as
# a failure that the user is told about.
SQLITE_BUSY_TIMEOUT_S = 2
POSTGRES_CONNECT_TIMEOUT_S = 2
# A pooled PostgreSQL connection unused for longer than this is checked before it is used:
# a database restart takes longer, so a connection that lived through one is always checked.
PING_AFTER_IDLE_S = 1


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`, with SQLite set up for concurrent use from threads and processes."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S},
            **kwargs,
        )
        _configure_sqlite(engine)
        return engine
    connect_args = {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S, **kwargs.pop("connect_args", {})}
    # LIFO: under load the same few connections stay busy and skip the ping below.
    engine = create_engine(url, connect_args=connect_args, pool_use_lifo=True, **kwargs)
    _ping_idle_connections(engine)
    return engine


class Liveness:
    """When a PostgreSQL connection that waited unused must be pinged before it is used.

    A connection that waited may have been cut (the database restarted): it is pinged before
    use if it waited longer than PING_AFTER_IDLE_S, or since before a connection was found
    lost. A connection back in use within moments is alive; pinging it too (`pool_pre_ping`)
    would cost every request a round trip.
    """

    def __init__(self) -> None:
        self._last_loss = float("-inf")

    def lost(self) -> None:
        """A connection was found lost: every connection idle since then is pinged."""
        self._last_loss = time.monotonic()

    def due(self, idle_since: float) -> bool:
        """Whether a connection idle since `idle_since` (time.monotonic) must be pinged."""
        return time.monotonic() - idle_since >= PING_AFTER_IDLE_S or idle_since <= self._last_loss


_LIVENESS: WeakKeyDictionary[Engine, Liveness] = WeakKeyDictionary()


def liveness_of(engine: Engine) -> Liveness | None:
    """The engine's rule for pinging idle connections; None where none can be lost (SQLite)."""
    return _LIVENESS.get(engine)


def ping(dbapi_connection: Any) -> None:
    """A round trip on a PostgreSQL driver connection; DisconnectionError if it is lost."""
    try:
        dbapi_connection.execute("SELECT 1")
        dbapi_connection.rollback()
    except Exception as error:
        raise DisconnectionError(f"the database connection was lost: {error}") from error


def _ping_idle_connections(engine: Engine) -> None:
    liveness = _LIVENESS[engine] = Liveness()

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "invalidate")
    def _on_invalidate(_dbapi_connection: Any, _record: Any, _error: Any) -> None:
        liveness.lost()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is not None and liveness.due(idle_since):
            ping(dbapi_connection)


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite's own transaction handling starts transactions late and as DEFERRED, so two
    # writers can deadlock on the upgrade to a write lock; we begin every transaction
    # IMMEDIATE ourselves, and the busy timeout makes the second writer wait instead of fail.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    # The dialect's own begin, commit and rollback, so a transaction of a Connection and one
    # run straight on the driver (storage/driver.py) take and give back the writer turn alike.
    turns = _WriterTurns()
    dialect = engine.dialect
    dialect.do_begin = turns.taking_before(_begin_immediate)
    for name in ("do_commit", "do_rollback", "do_close"):
        setattr(dialect, name, turns.giving_back_after(getattr(dialect, name)))


def _begin_immediate(connection: Any) -> None:
    connection.execute("BEGIN IMMEDIATE")


class _WriterTurns:
    """One transaction at a time per process, in the order threads asked.

    SQLite lets one writer in; the others wait in its busy handler, which sleeps in steps
    of up to 100 ms and so makes the unlucky wait far longer than the work ahead of them.
    Threads of one process queue here instead and start the moment the previous transaction
    ends; SQLite's busy timeout still arbitrates between processes.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holder: Any = None

    def take(self, connection: Any) -> None:
        if not self._lock.acquire(timeout=SQLITE_BUSY_TIMEOUT_S):
            raise sqlite3.OperationalError("database is locked")
        self._holder = _driver_connection(connection)

    def give_back(self, connection: Any) -> None:
        if self._holder is _driver_connection(connection):
            self._holder = None
            self._lock.release()

    def taking_before(self, begin: Callable[[Any], None]) -> Callable[[Any], None]:
        def begun(connection: Any) -> None:
            self.take(connection)
            try:
                begin(connection)
            except BaseException:
                self.give_back(connection)
                raise

        return begun

    def giving_back_after(self, end: Callable[[Any], None]) -> Callable[[Any], None]:
        def ended(dbapi_connection: Any) -> None:
            try:
                end(dbapi_connection)
            finally:
                self.give_back(dbapi_connection)

        return ended


def _driver_connection(connection: Any) -> Any:
    # The dialect is handed the pool's proxy or the driver's connection, depending on who
    # begins or ends the transaction: the driver's is the one to compare.
    return getattr(connection, "dbapi_connection", connection)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def database_answers(engine: Engine) -> bool:
    """True when the database runs a trivial query; used by the health check."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        return False
    return True
