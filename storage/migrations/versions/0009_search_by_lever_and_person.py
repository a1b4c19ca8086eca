"""search by lever and person: a lever's learnings by id, and SQLite's planner told the shape

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 16:00:00.000000

`ix_learnings_team_lever` (team_id, lever, id), both databases: a `lever:` search walks the
lever's learnings newest first instead of the workspace's (a seventh of them, often fewer),
testing each for the words and the reader (storage/search.py). On SQLite it is partial
(`lever IS NOT NULL`, every learning) so that only queries stating that can use it: its
planner, measured statistics or not, counted a workspace's learnings by lever through it,
looking every one up to spare a sort (count_by_lever, 6 ms -> 200 ms at a million).

SQLite's planner, without statistics (the app never runs ANALYZE), takes every equality on
an index's first column for selective: for `from:` and `mine` it read every learning of the
workspace off `ix_learnings_team_created` (team_id = ?), then sorted them, instead of looking
up the person's learnings by id (the union of `ix_learnings_team_user` and
`ix_learnings_team_author`) newest first, which stops after a page. This writes the shape of
the data into sqlite_stat1, as SQLite documents for steering its planner ("Manual Control Of
Query Plans Using SQLITE_STAT Tables"): a workspace may hold every learning, a person or a
channel a small share of them, a creation time one. It is a few rows, written at once, the
same for a new database and a large one; an ANALYZE run by hand replaces it with measured
statistics (which, on the benchmark's million learnings, lead to the same plans), and it is
left alone if there are statistics already. PostgreSQL keeps its own (autovacuum).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# index -> rows in the table, then rows per distinct value of its first 1, 2... columns.
SHAPE = {
    "ix_learnings_team_created": "1000000 1000000 1 1 1",
    "ix_learnings_team_channel": "1000000 1000000 20000",
    "ix_learnings_team_user": "1000000 1000000 20000",
    "ix_learnings_team_author": "1000000 1000000 20000",
    "ix_learnings_deleted_at": "5000 1",
    "ix_learnings_team_lever": "1000000 1000000 100000 1",
}
# uq_learnings_message (team_id, message_channel_id, message_ts), an index SQLite names itself.
UNIQUE_MESSAGE = "1000000 1000000 10 1"


def upgrade() -> None:
    with op.batch_alter_table("learnings", schema=None) as batch_op:
        batch_op.create_index(
            "ix_learnings_team_lever",
            ["team_id", "lever", "id"],
            unique=False,
            sqlite_where=sa.text("lever IS NOT NULL"),
        )
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute("ANALYZE sqlite_master")  # makes sqlite_stat1 if missing; analyses nothing
    held = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'learnings'"
    if bind.execute(sa.text(held)).scalar():
        return
    unique = "SELECT name FROM pragma_index_list('learnings') WHERE origin = 'u'"
    shape = {**SHAPE, **dict.fromkeys(bind.execute(sa.text(unique)).scalars(), UNIQUE_MESSAGE)}
    for index, stat in shape.items():
        bind.execute(
            sa.text("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('learnings', :idx, :stat)"),
            {"idx": index, "stat": stat},
        )
    op.execute("ANALYZE sqlite_master")  # reloads the statistics for this connection


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'learnings'")
    with op.batch_alter_table("learnings", schema=None) as batch_op:
        batch_op.drop_index("ix_learnings_team_lever")
