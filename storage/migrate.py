"""Bringing a database's schema to the latest Alembic revision."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")

# Full-text indexes of learnings that no model describes (migration 0003 creates them):
# SQLite's FTS5 table with its shadow tables, and PostgreSQL's GIN expression index.
UNMODELLED_TABLE_PREFIXES = ("learnings_fts",)
UNMODELLED_INDEXES = ("ix_learnings_search",)


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Whether Alembic compares a database object with the models (not the full-text indexes)."""
    if type_ == "table" and name and name.startswith(UNMODELLED_TABLE_PREFIXES):
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
