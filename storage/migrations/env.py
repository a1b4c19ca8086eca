"""Alembic environment: runs on the engine the caller passed in `config.attributes`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from storage.migrate import include_name
from storage.models import Base

# Any 64-bit number unique to learnloop: PostgreSQL advisory lock held while migrating, so
# web workers and the clock starting together do not race on the same migration.
MIGRATION_LOCK_ID = 0x1EA2_100F


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": MIGRATION_LOCK_ID})
            connection.commit()
        try:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=connection.dialect.name == "sqlite",
                compare_type=True,
                include_name=include_name,
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
        finally:
            if connection.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_unlock(:id)"), {"id": MIGRATION_LOCK_ID}
                )
                connection.commit()


run_migrations_online()
