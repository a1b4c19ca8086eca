"""retro: retrospectives, their items, votes, actions, follow-ups and learning status

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 04:08:21.550337
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retros",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("open_channel_id", sa.String(length=32), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("facilitator_id", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("votes_per_person", sa.Integer(), nullable=False),
        sa.Column("followup_weeks", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("learnings_since", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("permalink", sa.String(length=500), nullable=True),
        sa.Column("summary_ts", sa.String(length=32), nullable=True),
        sa.Column("opened_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=32), nullable=True),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["workspaces.team_id"], name=op.f("fk_retros_team_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retros")),
        sa.UniqueConstraint("team_id", "open_channel_id", name="uq_retros_open_channel"),
    )
    with op.batch_alter_table("retros", schema=None) as batch_op:
        batch_op.create_index("ix_retros_team_channel", ["team_id", "channel_id"], unique=False)
    op.create_table(
        "retro_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("retro_id", sa.Integer(), nullable=False),
        sa.Column("column", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lever", sa.String(length=32), nullable=False),
        sa.Column("author_id", sa.String(length=32), nullable=True),
        sa.Column("learning_id", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["learning_id"],
            ["learnings.id"],
            name=op.f("fk_retro_items_learning_id_learnings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["retro_id"],
            ["retros.id"],
            name=op.f("fk_retro_items_retro_id_retros"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["workspaces.team_id"], name=op.f("fk_retro_items_team_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retro_items")),
    )
    with op.batch_alter_table("retro_items", schema=None) as batch_op:
        batch_op.create_index("ix_retro_items_team_retro", ["team_id", "retro_id"], unique=False)
    op.create_table(
        "retro_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("retro_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("done_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["retro_items.id"],
            name=op.f("fk_retro_actions_item_id_retro_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["retro_id"],
            ["retros.id"],
            name=op.f("fk_retro_actions_retro_id_retros"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["workspaces.team_id"], name=op.f("fk_retro_actions_team_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retro_actions")),
        sa.UniqueConstraint("retro_id", "item_id", name="uq_retro_actions_item"),
    )
    with op.batch_alter_table("retro_actions", schema=None) as batch_op:
        batch_op.create_index("ix_retro_actions_team_status", ["team_id", "status"], unique=False)
    op.create_table(
        "retro_learnings",
        sa.Column("learning_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("retro_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["retro_items.id"],
            name=op.f("fk_retro_learnings_item_id_retro_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["learning_id"],
            ["learnings.id"],
            name=op.f("fk_retro_learnings_learning_id_learnings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["retro_id"],
            ["retros.id"],
            name=op.f("fk_retro_learnings_retro_id_retros"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["workspaces.team_id"], name=op.f("fk_retro_learnings_team_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("learning_id", name=op.f("pk_retro_learnings")),
    )
    with op.batch_alter_table("retro_learnings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_retro_learnings_team_id"), ["team_id"], unique=False)
    op.create_table(
        "retro_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("retro_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["retro_items.id"],
            name=op.f("fk_retro_votes_item_id_retro_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["retro_id"],
            ["retros.id"],
            name=op.f("fk_retro_votes_retro_id_retros"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["workspaces.team_id"], name=op.f("fk_retro_votes_team_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retro_votes")),
        sa.UniqueConstraint("retro_id", "item_id", "user_id", name="uq_retro_votes_item_user"),
        sa.UniqueConstraint("retro_id", "user_id", "slot", name="uq_retro_votes_user_slot"),
    )
    with op.batch_alter_table("retro_votes", schema=None) as batch_op:
        batch_op.create_index("ix_retro_votes_team_retro", ["team_id", "retro_id"], unique=False)
    op.create_table(
        "retro_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("learning_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["retro_actions.id"],
            name=op.f("fk_retro_evidence_action_id_retro_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["learning_id"],
            ["learnings.id"],
            name=op.f("fk_retro_evidence_learning_id_learnings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["workspaces.team_id"], name=op.f("fk_retro_evidence_team_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retro_evidence")),
        sa.UniqueConstraint("action_id", "user_id", name="uq_retro_evidence_action_user"),
    )
    op.create_table(
        "retro_followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("for_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=True),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("claimed_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["retro_actions.id"],
            name=op.f("fk_retro_followups_action_id_retro_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["workspaces.team_id"], name=op.f("fk_retro_followups_team_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retro_followups")),
        sa.UniqueConstraint("action_id", "kind", "for_date", name="uq_retro_followups_occurrence"),
    )


def downgrade() -> None:
    op.drop_table("retro_followups")
    op.drop_table("retro_evidence")
    with op.batch_alter_table("retro_votes", schema=None) as batch_op:
        batch_op.drop_index("ix_retro_votes_team_retro")
    op.drop_table("retro_votes")
    with op.batch_alter_table("retro_learnings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retro_learnings_team_id"))
    op.drop_table("retro_learnings")
    with op.batch_alter_table("retro_actions", schema=None) as batch_op:
        batch_op.drop_index("ix_retro_actions_team_status")
    op.drop_table("retro_actions")
    with op.batch_alter_table("retro_items", schema=None) as batch_op:
        batch_op.drop_index("ix_retro_items_team_retro")
    op.drop_table("retro_items")
    with op.batch_alter_table("retros", schema=None) as batch_op:
        batch_op.drop_index("ix_retros_team_channel")
    op.drop_table("retros")
