"""The database object: Peewee's SQLite database, guarded against writing after a lost
transaction.

On some errors (the disk is full, an I/O error, out of memory) SQLite rolls the whole
transaction back by itself. Peewee does not know: it still counts the transaction open, so the
statements that follow, such as a ``finally`` that restores a value, would run outside any
transaction and be committed one by one, and its own ``ROLLBACK`` would fail with "cannot
rollback - no transaction is active", hiding the error that mattered. Here, while Peewee counts
a transaction that SQLite no longer has, every statement is refused (``TransactionLost``) and
the rollbacks are skipped, so the original error reaches the user and nothing of the failed
change is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import OperationalError, SqliteDatabase

if TYPE_CHECKING:
    from typing import Any


class TransactionLost(OperationalError):
    """A statement came after SQLite had rolled its transaction back."""

    def __init__(self) -> None:
        super().__init__("SQLite rolled back the change after an error; nothing of it was "
                         "written")


class GuardedDatabase(SqliteDatabase):
    """``SqliteDatabase`` that never writes outside the transaction it thinks it is in."""

    def _transaction_lost(self) -> bool:
        """Peewee counts a transaction open, SQLite has none."""
        return (self.in_transaction() and not self.is_closed()
                and not self.connection().in_transaction)

    def cursor(self, named_cursor: Any = None) -> Any:
        if self._transaction_lost():
            raise TransactionLost()
        return super().cursor(named_cursor)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if sql.startswith("ROLLBACK TO SAVEPOINT") and self._transaction_lost():
            return None  # SQLite already undid everything; let the first error through
        return super().execute_sql(sql, params)

    def executemany(self, sql: str, rows: list[Any]) -> None:
        """One prepared statement run for every row (not logged: one round trip)."""
        self.cursor().executemany(sql, rows)

    def defer_foreign_keys(self) -> None:
        """Check references at the commit of this transaction, not per statement (undo puts
        rows back in an order that may pass through a broken reference)."""
        self.execute_sql("PRAGMA defer_foreign_keys = ON")

    def rollback(self) -> None:
        if not self.is_closed() and not self.connection().in_transaction:
            return  # already rolled back by SQLite
        super().rollback()
