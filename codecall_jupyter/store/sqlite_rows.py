"""One table's rows written on a plain sqlite3 connection (a ``SqliteWriter``'s), with
the engine's own conversions of every column's values.

SQLAlchemy builds, caches and checks a statement on every execution: for a run's insert
and its result's ``UPDATE ... RETURNING`` that was 0.3 to 0.6 ms of the event loop's
time, against 0.05 ms for SQLite to do the work. The SQL here is written once per set of
columns; the values go through the same bind and result processors the engine would
apply (time stamps as text and back to aware datetimes, booleans as integers), so a row
written here reads the same through the ORM, column for column.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Dialect


class SqliteRows:
    def __init__(self, table: Table, dialect: Dialect) -> None:
        self.table = table
        quote = dialect.identifier_preparer.quote
        self._table = quote(table.name)
        self._names = {column.key: quote(column.name) for column in table.c}
        self._binds: dict[str, Callable[[Any], Any] | None] = {}
        self._results: list[tuple[str, Callable[[Any], Any] | None]] = []
        for column in table.c:
            impl = column.type.dialect_impl(dialect)
            self._binds[column.key] = impl.bind_processor(dialect)
            self._results.append((column.key, impl.result_processor(dialect, None)))
        self._returning = ", ".join(self._names[key] for key, _ in self._results)
        self._insert = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (our names)
            self._table,
            self._returning,
            ", ".join("?" for _ in self._results),
        )
        self._updates: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}

    def insert(self, connection: sqlite3.Connection, values: Mapping[str, Any]) -> None:
        """Insert one row: every column, None where ``values`` has none."""
        connection.execute(
            self._insert, [self._bound(key, values.get(key)) for key, _ in self._results]
        )

    def update(
        self,
        connection: sqlite3.Connection,
        where: Mapping[str, Any],
        values: Mapping[str, Any],
    ) -> dict[str, Any] | None:
        """Set ``values`` in the row whose columns equal ``where``; the row as stored, or
        None when there is no such row."""
        shape = (tuple(values), tuple(where))
        sql = self._updates.get(shape)
        if sql is None:
            sql = self._updates[shape] = "UPDATE {} SET {} WHERE {} RETURNING {}".format(  # noqa: S608
                self._table,
                ", ".join(f"{self._names[key]} = ?" for key in values),
                " AND ".join(f"{self._names[key]} = ?" for key in where),
                self._returning,
            )
        parameters = [self._bound(key, value) for key, value in values.items()]
        parameters += [self._bound(key, value) for key, value in where.items()]
        row = connection.execute(sql, parameters).fetchone()
        if row is None:
            return None
        return {
            key: value if convert is None else convert(value)
            for (key, convert), value in zip(self._results, row, strict=True)
        }

    def _bound(self, key: str, value: Any) -> Any:
        convert = self._binds[key]  # KeyError: not a column of this table
        return value if convert is None else convert(value)
