"""slack_sdk's installation and OAuth state tables, declared here so that migrations create them.

slack_sdk's SQLAlchemy stores read and write these tables but never create them in learnloop
(their `create_tables()` is not called): the columns come from slack_sdk's own table
builders, so the schema always matches the version of slack_sdk that uses it. They are plain
tables, not mapped classes: only the stores and `storage.installations` touch them.
"""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from storage.models.base import Base

SLACK_BOTS = SQLAlchemyInstallationStore.build_bots_table(
    Base.metadata, SQLAlchemyInstallationStore.default_bots_table_name
)
SLACK_INSTALLATIONS = SQLAlchemyInstallationStore.build_installations_table(
    Base.metadata, SQLAlchemyInstallationStore.default_installations_table_name
)
SLACK_OAUTH_STATES = SQLAlchemyOAuthStateStore.build_oauth_states_table(
    Base.metadata, SQLAlchemyOAuthStateStore.default_table_name
)
