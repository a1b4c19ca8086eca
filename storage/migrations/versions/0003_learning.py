"""learning: After Action Review fields, visibility, credited author, full-text search

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 10:12:00.000000

SQLite gets an FTS5 table `learnings_fts` over `learnings.search_text` (external content,
kept in sync by triggers); PostgreSQL a GIN index on `to_tsvector('simple', search_text)`.
`search_text` is the text with accents folded in Python, so neither needs an extension.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS_SQL = (
    "CREATE VIRTUAL TABLE learnings_fts USING fts5(search_text, content='learnings', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER learnings_fts_insert AFTER INSERT ON learnings BEGIN "
    "INSERT INTO learnings_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER learnings_fts_delete AFTER DELETE ON learnings BEGIN "
    "INSERT INTO learnings_fts(learnings_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER learnings_fts_update AFTER UPDATE OF search_text ON learnings BEGIN "
    "INSERT INTO learnings_fts(learnings_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO learnings_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def _fold(text: str) -> str:
    # A frozen copy of bot.levers.fold, so this migration never changes with the code.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def upgrade() -> None:
    with op.batch_alter_table("learnings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("author_id", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("visibility", sa.String(length=8), server_default="private", nullable=False)
        )
        batch_op.add_column(sa.Column("aar_expected", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("aar_happened", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("aar_why", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("aar_next", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))
        batch_op.create_index("ix_learnings_deleted_at", ["deleted_at"], unique=False)
        batch_op.create_index("ix_learnings_team_user", ["team_id", "user_id"], unique=False)

    connection = op.get_bind()
    learnings = sa.table(
        "learnings",
        sa.column("id", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("tags", sa.JSON),
        sa.column("search_text", sa.Text),
    )
    rows = connection.execute(sa.select(learnings.c.id, learnings.c.text, learnings.c.tags))
    for learning_id, text, tags in rows.all():
        folded = _fold(" ".join([text, *(tags or [])]))
        connection.execute(
            learnings.update().where(learnings.c.id == learning_id).values(search_text=folded)
        )

    if connection.dialect.name == "sqlite":
        for statement in FTS_SQL:
            op.execute(statement)
        op.execute("INSERT INTO learnings_fts(learnings_fts) VALUES ('rebuild')")
    elif connection.dialect.name == "postgresql":
        op.create_index(
            "ix_learnings_search",
            "learnings",
            [sa.text("to_tsvector('simple'::regconfig, search_text)")],
            unique=False,
            postgresql_using="gin",
        )


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for name in ("learnings_fts_update", "learnings_fts_delete", "learnings_fts_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS learnings_fts")
    elif connection.dialect.name == "postgresql":
        op.drop_index("ix_learnings_search", table_name="learnings", postgresql_using="gin")
    with op.batch_alter_table("learnings", schema=None) as batch_op:
        batch_op.drop_index("ix_learnings_team_user")
        batch_op.drop_index("ix_learnings_deleted_at")
        batch_op.drop_column("search_text")
        batch_op.drop_column("aar_next")
        batch_op.drop_column("aar_why")
        batch_op.drop_column("aar_happened")
        batch_op.drop_column("aar_expected")
        batch_op.drop_column("visibility")
        batch_op.drop_column("author_id")
