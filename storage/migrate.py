"""Bringing a database's schema to the latest Alembic revision."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")

# Full-text search objects that no model describes (migrations 0003 and 0008 create them):
# SQLite's FTS5 table with its shadow tables; PostgreSQL's stored tsvector column of
# learnings, its GIN index and the (team_id, id) index searches walk newest first.
UNMODELLED_TABLE_PREFIXES = ("learnings_fts",)
UNMODELLED_INDEXES = ("ix_learnings_search", "ix_learnings_search_recent")
UNMODELLED_COLUMNS = (("learnings", "search_vector"),)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Whether Alembic compares a database object with the models (not the full-text search)."""
    if type_ == "table" and name and name.startswith(UNMODELLED_TABLE_PREFIXES):
        return False
    if type_ == "column" and (parent_names.get("table_name"), name) in UNMODELLED_COLUMNS:
        return False
    return not (type_ == "index" and name in UNMODELLED_INDEXES)


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that runs on `engine`, with no alembic.ini to ship."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration up to `revision`; safe to run from several processes at once."""
    command.upgrade(alembic_config(engine), revision)
