"""search at scale: newest-first walks, a stored tsvector, learnings by credited author

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 07:10:00.000000

A search takes the latest matches and stops after a page (storage/search.py). On PostgreSQL
that needs the tsvector stored, so testing a learning costs no to_tsvector call: a generated
column `search_vector`, the GIN index `ix_learnings_search` moved onto it, and
`ix_learnings_search_recent` (team_id, id) to walk a workspace's learnings from the latest;
none of them is in the models (see storage.migrate.include_name). Adding the column rewrites
the table once. SQLite's FTS5 table already walks by rowid.

Both databases get `ix_learnings_team_author`: `from:` and `mine` match the credited author
as well as who logged the learning, and without it that OR read every learning of the
workspace. `ix_learnings_team_created` also holds lever and deleted_at, so counting a
period's learnings by lever reads the index alone. `ix_learnings_deleted_at` keeps only deleted learnings (all the purge reads): SQLite
took `deleted_at IS NULL` for selective on it and read every live learning through it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


DELETED = sa.text("deleted_at IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table("learnings", schema=None) as batch_op:
        batch_op.create_index("ix_learnings_team_author", ["team_id", "author_id"], unique=False)
        batch_op.drop_index("ix_learnings_team_created")
        batch_op.create_index(
            "ix_learnings_team_created", ["team_id", "created_at", "lever", "deleted_at"]
        )
        batch_op.drop_index("ix_learnings_deleted_at")
        batch_op.create_index(
            "ix_learnings_deleted_at",
            ["deleted_at"],
            unique=False,
            sqlite_where=DELETED,
            postgresql_where=DELETED,
        )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE learnings ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple'::regconfig, search_text)) STORED"
    )
    op.drop_index("ix_learnings_search", table_name="learnings", postgresql_using="gin")
    op.create_index("ix_learnings_search", "learnings", ["search_vector"], postgresql_using="gin")
    op.create_index("ix_learnings_search_recent", "learnings", ["team_id", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_learnings_search_recent", table_name="learnings")
        op.drop_index("ix_learnings_search", table_name="learnings", postgresql_using="gin")
        op.drop_column("learnings", "search_vector")
        op.create_index(
            "ix_learnings_search",
            "learnings",
            [sa.text("to_tsvector('simple'::regconfig, search_text)")],
            postgresql_using="gin",
        )
    with op.batch_alter_table("learnings", schema=None) as batch_op:
        batch_op.drop_index("ix_learnings_deleted_at")
        batch_op.create_index("ix_learnings_deleted_at", ["deleted_at"], unique=False)
        batch_op.drop_index("ix_learnings_team_author")
        batch_op.drop_index("ix_learnings_team_created")
        batch_op.create_index("ix_learnings_team_created", ["team_id", "created_at"])
