"""One statement straight on the database driver, for the hottest write.

A `/learning <text>` is one INSERT … RETURNING. Through a SQLAlchemy `Connection` its
transaction, execution context and result cost more CPU than the database's own work; here
SQLAlchemy compiles the statement and its type conversions once per dialect, and each call
runs it on a pooled driver connection with nothing around it but what the engine gives every
transaction: the pool's checkout ping, the dialect's begin, commit and rollback (on SQLite the
writer turn, storage/db.py), and errors raised as SQLAlchemy's, a lost connection invalidated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.sql.dml import Insert


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # (name, type conversion or None) of each bind, in the statement's order
    binds: tuple[tuple[str, Callable[[Any], Any] | None], ...]
    positional: bool
    driver_error: type[Exception]


class DriverInsert:
    """An INSERT … RETURNING of one value, of exactly `columns`, each run in its own transaction."""

    def __init__(self, statement: Insert, columns: Sequence[str]) -> None:
        self._statement = statement
        self._columns = tuple(columns)
        self._by_dialect: WeakKeyDictionary[Dialect, _Compiled] = WeakKeyDictionary()

    def returning(self, engine: Engine, values: Mapping[str, Any]) -> Any:
        """Insert the row and give the value it returns."""
        dialect = engine.dialect
        compiled = self._by_dialect.get(dialect) or self._compile(dialect)
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
        driver_error = compiled.driver_error
        try:
            connection = engine.raw_connection()
        except driver_error as error:
            lost = dialect.is_disconnect(error, None, None)
            raise _wrapped(engine, error, compiled.sql, lost=lost) from error
        cursor = None
        try:
            dialect.do_begin(connection)
            cursor = connection.cursor()
            cursor.execute(compiled.sql, arguments)
            (value,) = cursor.fetchone()
            cursor.close()
            dialect.do_commit(connection)
            return value
        except driver_error as error:
            lost = dialect.is_disconnect(error, connection.dbapi_connection, cursor)
            if lost or not _rolled_back(dialect, connection):
                connection.invalidate(error)
            raise _wrapped(engine, error, compiled.sql, lost=lost) from error
        finally:
            connection.close()

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
            driver_error=dialect.loaded_dbapi.Error,
        )
        self._by_dialect[dialect] = result
        return result


def _rolled_back(dialect: Dialect, connection: PoolProxiedConnection) -> bool:
    try:
        dialect.do_rollback(connection)
    except dialect.loaded_dbapi.Error:
        return False
    return True


def _wrapped(engine: Engine, error: Exception, sql: str, *, lost: bool) -> DBAPIError:
    """The driver's error as SQLAlchemy's own Connection would raise it (IntegrityError, …)."""
    return DBAPIError.instance(
        sql,
        None,
        error,
        engine.dialect.loaded_dbapi.Error,
        hide_parameters=engine.hide_parameters,
        connection_invalidated=lost,
        dialect=engine.dialect,
    )
