"""/healthz answers 503 while PostgreSQL refuses connections, and 200 again by itself after."""

from __future__ import annotations

import urllib.error
import urllib.request

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.support.bot import running_bot
from tests.support.bot import test_settings as settings_for
from tests.support.databases import POSTGRES_URL, end_sessions, scratch_postgres_database


def _health(url: str) -> int:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _allow_connections(database: str, allowed: bool) -> None:
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(
            text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {str(allowed).lower()}')
        )
    admin.dispose()
    if not allowed:
        end_sessions(database)


def test_health_is_503_while_the_database_is_down_and_recovers_by_itself(postgres_url, slack):
    with scratch_postgres_database() as url:
        database = make_url(url).database
        with running_bot(settings_for(slack, url), slack) as bot:
            assert _health(bot.url) == 200
            try:
                _allow_connections(database, False)
                assert _health(bot.url) == 503
                assert _health(bot.url) == 503
            finally:
                _allow_connections(database, True)
            assert _health(bot.url) == 200
            response = bot.requester.command(
                "/learning", "retention: say thank you", user_id="UALICE"
            )
            assert "Staff retention" in response.json()["text"]
