"""One statement straight on the database driver, for the hottest write.

A `/learning <text>` is one INSERT … RETURNING. Through a SQLAlchemy `Connection` its
transaction, execution context and result cost more CPU than the database's own work; here
SQLAlchemy compiles the statement and its type conversions once per dialect, and each call
runs it on a driver connection with nothing around it but what the engine gives every
transaction: the dialect's begin, commit and rollback (on SQLite the writer turn,
storage/db.py), the ping of a connection that waited (PostgreSQL), and errors raised as
SQLAlchemy's.

On SQLite, where one transaction writes at a time, rows that arrive while another thread's
transaction is being written wait and go together in the next one, with one commit
(storage/group_commit.py). PostgreSQL writes concurrent transactions side by side and joins
their commits itself: there each row is one statement on a connection in autocommit, its own
transaction, committed when the database answers it, in one round trip instead of three
(BEGIN, the INSERT, COMMIT).

Each thread keeps its driver connection between calls instead of taking one from the pool
and giving it back: under gunicorn, the pool's checkout and return cost about as much CPU as
everything else learnloop does for the request (README, "Benchmarks"). A kept
connection is set up by the engine like any other (it comes from the pool, detached), is
pinged when it waited as a pooled one would be, is closed when it is found lost, when its
thread ends, or when the engine is disposed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar
from weakref import WeakKeyDictionary, WeakSet

from sqlalchemy import Engine, event
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.sql.dml import Insert

from storage.db import liveness_of, ping
from storage.group_commit import CommitGroups


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # (name, type conversion or None) of each bind, in the statement's order
    binds: tuple[tuple[str, Callable[[Any], Any] | None], ...]
    positional: bool


class DriverInsert:
    """An INSERT … RETURNING of one value, of exactly `columns`, committed before the value
    is given back."""

    def __init__(self, statement: Insert, columns: Sequence[str]) -> None:
        self._statement = statement
        self._columns = tuple(columns)
        self._by_dialect: WeakKeyDictionary[Dialect, _Compiled] = WeakKeyDictionary()

    def returning(self, engine: Engine, values: Mapping[str, Any]) -> Any:
        """Insert the row and give the value it returns, once it is committed."""
        compiled = self._by_dialect.get(engine.dialect) or self._compile(engine.dialect)
        if compiled.positional:
            arguments: Any = [
                convert(values[name]) if convert else values[name]
                for name, convert in compiled.binds
            ]
        else:
            arguments = {
                name: convert(values[name]) if convert else values[name]
                for name, convert in compiled.binds
            }
        row = _Row(compiled, arguments)
        if engine.dialect.name == "sqlite":
            # One writer at a time there: rows queued behind a transaction share the next.
            groups = groups_of(engine)
            return groups.run(row, lambda rows: _write(engine, rows))
        # In autocommit there (_KeptConnections): BEGIN and COMMIT send nothing.
        (outcome,) = _write(engine, [row])
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self._statement.compile(dialect=dialect, column_keys=list(self._columns))
        if set(compiled.binds) != set(self._columns):
            # A column that gained a Python-side default would need a value nobody gives here.
            raise ValueError(f"{compiled.string!r} binds {sorted(compiled.binds)}, not the columns")
        order = compiled.positiontup if compiled.positional else list(compiled.binds)
        binds = tuple(
            (name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
            for name in order
        )
        result = _Compiled(
            sql=compiled.string,
            binds=binds,
            positional=bool(compiled.positional),
        )
        self._by_dialect[dialect] = result
        return result


class _Row(NamedTuple):
    compiled: _Compiled
    arguments: Any


def _write(engine: Engine, rows: list[_Row]) -> list[Any]:
    """Commit the rows in one transaction and give each one's value or error.

    A row the database refuses gets its error and the others are written again without it,
    so each ends as it would have in a transaction of its own.
    """
    outcomes: list[Any] = [None] * len(rows)
    pending = list(range(len(rows)))
    while pending:
        refused = _transaction(engine, rows, pending, outcomes)
        if refused is None:
            break
        pending.remove(refused)
    return outcomes


def _transaction(
    engine: Engine, rows: list[_Row], pending: list[int], outcomes: list[Any]
) -> int | None:
    """One transaction of the `pending` rows: fills in their outcomes, or gives the one row
    the database refused (its outcome filled in, the others' left for another try)."""
    dialect = engine.dialect
    driver_error = dialect.loaded_dbapi.Error
    kept = _KeptConnections.of(engine)
    try:
        connection = kept.take(engine)
    except driver_error as error:
        _fail(engine, rows, pending, outcomes, error, lost=dialect.is_disconnect(error, None, None))
        return None
    cursor = None
    executing: int | None = None
    values = []
    try:
        dialect.do_begin(connection)
        cursor = connection.cursor()
        for executing in pending:
            compiled, arguments = rows[executing]
            cursor.execute(compiled.sql, arguments)
            (value,) = cursor.fetchone()
            values.append(value)
        executing = None
        cursor.close()
        dialect.do_commit(connection)
    except driver_error as error:
        lost = dialect.is_disconnect(error, connection, cursor)
        if lost or not _rolled_back(dialect, connection):
            kept.lose(engine)
        elif executing is not None:
            outcomes[executing] = _wrapped(engine, error, rows[executing].compiled.sql, lost=False)
            return executing
        # The transaction could not begin or commit, or its end is in doubt: every row failed.
        _fail(engine, rows, pending, outcomes, error, lost=lost)
        return None
    except BaseException:
        # Not the database's refusal: end the transaction (and give back the writer turn).
        if not _rolled_back(dialect, connection):
            kept.lose(engine)
        raise
    finally:
        kept.give_back()
    for index, value in zip(pending, values, strict=True):
        outcomes[index] = value
    return None


def _fail(
    engine: Engine,
    rows: list[_Row],
    pending: list[int],
    outcomes: list[Any],
    error: Exception,
    *,
    lost: bool,
) -> None:
    for index in pending:
        outcomes[index] = _wrapped(engine, error, rows[index].compiled.sql, lost=lost)


class _Kept:
    """One thread's driver connection; closed when that thread ends (its locals are freed)."""

    __slots__ = ("__weakref__", "busy", "closing", "dbapi_connection", "idle_since")

    def __init__(self, dbapi_connection: Any) -> None:
        self.dbapi_connection = dbapi_connection
        self.idle_since = time.monotonic()
        self.busy = False
        self.closing = False

    def close(self) -> None:
        dbapi_connection, self.dbapi_connection = self.dbapi_connection, None
        if dbapi_connection is not None:
            with suppress(Exception):  # already cut: nothing left to free
                dbapi_connection.close()

    __del__ = close


class _KeptConnections:
    """The driver connections threads keep for one engine (in autocommit where rows are not
    grouped: PostgreSQL)."""

    def __init__(self, *, autocommit: bool) -> None:
        self._autocommit = autocommit
        self._local = threading.local()
        self._all: WeakSet[_Kept] = WeakSet()
        self._lock = threading.Lock()

    @classmethod
    def of(cls, engine: Engine) -> _KeptConnections:
        def keep() -> _KeptConnections:
            kept = cls(autocommit=engine.dialect.name != "sqlite")
            event.listen(engine, "engine_disposed", kept._close_all)
            return kept

        return _once_per_engine(_kept_by_engine, engine, keep)

    def take(self, engine: Engine) -> Any:
        """This thread's driver connection, pinged first if it waited; a new one if none.

        Give it back with `give_back` once the statement is done, after `lose` when it was
        found lost or left in doubt.
        """
        kept: _Kept | None = getattr(self._local, "kept", None)
        if kept is not None:
            kept.busy = True
            dbapi_connection = kept.dbapi_connection
            if dbapi_connection is not None and self._alive(engine, kept):
                return dbapi_connection
        pooled = engine.raw_connection()  # set up by the engine's connect events
        dbapi_connection = pooled.dbapi_connection
        pooled.detach()
        if self._autocommit:
            engine.dialect.set_isolation_level(dbapi_connection, "AUTOCOMMIT")
        kept = self._local.kept = _Kept(dbapi_connection)
        kept.busy = True
        with self._lock:
            self._all.add(kept)
        return dbapi_connection

    def give_back(self) -> None:
        kept: _Kept = self._local.kept
        kept.idle_since = time.monotonic()
        kept.busy = False
        if kept.closing:
            kept.close()

    def lose(self, engine: Engine) -> None:
        self._local.kept.close()
        liveness = liveness_of(engine)
        if liveness is not None:
            liveness.lost()

    def _alive(self, engine: Engine, kept: _Kept) -> bool:
        liveness = liveness_of(engine)
        if liveness is None or not liveness.due(kept.idle_since):
            return True
        try:
            ping(kept.dbapi_connection)
        except DisconnectionError:
            self.lose(engine)
            return False
        return True

    def _close_all(self, _engine: Engine) -> None:
        # A connection in use is closed by its thread when the statement is done.
        with self._lock:
            kept = list(self._all)
        for each in kept:
            each.closing = True
            if not each.busy:
                each.close()


_kept_by_engine: WeakKeyDictionary[Engine, _KeptConnections] = WeakKeyDictionary()
_groups_by_engine: WeakKeyDictionary[Engine, CommitGroups[_Row]] = WeakKeyDictionary()
_made_lock = threading.Lock()
_Made = TypeVar("_Made")


def _once_per_engine(
    made: WeakKeyDictionary[Engine, _Made], engine: Engine, make: Callable[[], _Made]
) -> _Made:
    """The engine's value in `made`, made by `make` the first time (threads may ask at once);
    looked up without the lock on every later call, on each `/learning`'s path."""
    value = made.get(engine)
    if value is not None:
        return value
    with _made_lock:
        value = made.get(engine)
        if value is None:
            value = made[engine] = make()
        return value


def groups_of(engine: Engine) -> CommitGroups[_Row]:
    """The groups the engine's driver inserts are committed in (used on SQLite)."""
    return _once_per_engine(_groups_by_engine, engine, CommitGroups)


def _rolled_back(dialect: Dialect, connection: Any) -> bool:
    try:
        dialect.do_rollback(connection)
    except dialect.loaded_dbapi.Error:
        return False
    return True


def _wrapped(engine: Engine, error: Exception, sql: str, *, lost: bool) -> DBAPIError:
    """The driver's error as SQLAlchemy's own Connection would raise it (IntegrityError, …)."""
    wrapped = DBAPIError.instance(
        sql,
        None,
        error,
        engine.dialect.loaded_dbapi.Error,
        hide_parameters=engine.hide_parameters,
        connection_invalidated=lost,
        dialect=engine.dialect,
    )
    wrapped.__cause__ = error
    return wrapped
