"""narrow search by id: a channel's and a person's learnings in id order on PostgreSQL

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 17:00:00.000000

`in:`, `from:` and `mine` walk the channel's or the person's learnings newest first and stop
after a page (storage/search.py). PostgreSQL's ix_learnings_team_channel, _team_user and
_team_author (team_id and the channel or the person) gave their learnings in no order, so it
read every one of them through a bitmap (some 3,300 heap pages each at a million learnings,
72-215 ms when they were not cached) and sorted them to keep a page. With id as their last
column an index gives them newest first, read in ranges; a person's two (logged by,
credited to) are each read in order and merged. ix_learnings_team_author keeps only the
learnings credited to someone (a few percent): with id in it, each of the others would have
been an entry of its own.

SQLite's indexes end with the rowid, the id, already: they are rebuilt only so that both
databases hold the schema of the models (the author's partial on both). Dropping an index
deletes its row of sqlite_stat1 (migration 0009's shape of the data, or measured
statistics): it is written back for the new index, with one learning per id.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# index -> the column after team_id
INDEXES = {
    "ix_learnings_team_channel": "channel_id",
    "ix_learnings_team_user": "user_id",
    "ix_learnings_team_author": "author_id",
}
CREDITED = sa.text("author_id IS NOT NULL")


def upgrade() -> None:
    _rebuild(with_id=True)


def downgrade() -> None:
    _rebuild(with_id=False)


def _rebuild(*, with_id: bool) -> None:
    """Make the indexes again, with id last or without, and SQLite's statistics for them."""
    stats = _statistics()
    with op.batch_alter_table("learnings", schema=None) as batch_op:
        for index, column in INDEXES.items():
            batch_op.drop_index(index)
            if not with_id:
                batch_op.create_index(index, ["team_id", column])
                continue
            # Most learnings credit nobody, and no query asks for those: only the credited.
            where = {"sqlite_where": CREDITED, "postgresql_where": CREDITED}
            partial = where if column == "author_id" else {}
            batch_op.create_index(index, ["team_id", column, "id"], **partial)
    bind = op.get_bind()
    for index, stat in stats.items():
        # Rows, then rows per value of the first 1, 2... columns (one learning per id), then
        # the keywords SQLite may write ("unordered", "sz=...").
        words = stat.split()
        count = next((n for n, word in enumerate(words) if not word.isdigit()), len(words))
        numbers = [*words[:count], "1"] if with_id else words[: count - 1]
        bind.execute(
            sa.text("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('learnings', :idx, :stat)"),
            {"idx": index, "stat": " ".join([*numbers, *words[count:]])},
        )
    if stats:
        op.execute("ANALYZE sqlite_master")  # reloads the statistics for this connection


def _statistics() -> dict[str, str]:
    """SQLite's sqlite_stat1 rows for the indexes (dropping one deletes its row), if any."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return {}
    held = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    if bind.execute(sa.text(held)).first() is None:
        return {}
    rows = bind.execute(
        sa.text(
            "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'learnings' AND idx IN :names"
        ).bindparams(sa.bindparam("names", expanding=True)),
        {"names": list(INDEXES)},
    )
    return dict(rows.all())
