"""Settings are checked at start, and a bad one is named on one line with how to fix it."""

from __future__ import annotations

import pytest

from bot.settings import SettingsError, load_settings, parse_settings


def test_defaults_need_nothing():
    settings = parse_settings({})
    assert settings.database_url == "sqlite:///learnloop.db"
    assert settings.api_url == "https://slack.com/api/"
    assert (settings.language, settings.timezone) == ("en", "UTC")
    assert not settings.oauth_enabled


@pytest.mark.parametrize(
    ("name", "value", "named"),
    [
        ("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_BOT_TOKEN should start with xoxb-"),
        ("SLACK_APP_TOKEN", "xoxb-1", "SLACK_APP_TOKEN should start with xapp-"),
        ("SLACK_API_URL", "slack.com/api", "SLACK_API_URL must be an http(s) URL"),
        ("DATABASE_URL", "mysql://x", "DATABASE_URL must be a SQLite or PostgreSQL URL"),
        ("LEARNLOOP_LANGUAGE", "de", "LEARNLOOP_LANGUAGE must be en or fr"),
        ("LEARNLOOP_TIMEZONE", "Europe/Pariss", "LEARNLOOP_TIMEZONE must be an IANA time zone"),
        ("SLACK_CLIENT_ID", "123.456", "SLACK_CLIENT_SECRET is not set"),
        ("LEARNLOOP_SLACK_TIMEOUT_S", "soon", "LEARNLOOP_SLACK_TIMEOUT_S must be a number"),
        ("LEARNLOOP_SLACK_TIMEOUT_S", "0", "LEARNLOOP_SLACK_TIMEOUT_S must be a number"),
    ],
)
def test_a_malformed_setting_is_named_on_one_line(name, value, named):
    with pytest.raises(SettingsError) as refused:
        parse_settings({name: value})
    message = str(refused.value)
    assert message.startswith(named)
    assert "\n" not in message


def test_a_missing_token_says_where_to_find_it():
    with pytest.raises(SettingsError) as refused:
        parse_settings({}).require_socket_mode()
    assert str(refused.value).startswith("SLACK_BOT_TOKEN is not set: find it under OAuth")
    assert "api.slack.com/apps" in str(refused.value)


def test_postgres_urls_use_psycopg_3():
    settings = parse_settings({"DATABASE_URL": "postgres://u@db:5432/learnloop"})
    assert settings.database_url == "postgresql+psycopg://u@db:5432/learnloop"


def test_dotenv_in_the_working_directory_fills_what_the_environment_lacks(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text(
        "SLACK_BOT_TOKEN=xoxb-from-file\nLEARNLOOP_LANGUAGE=fr\nLEARNLOOP_TIMEZONE=Europe/Paris\n"
    )
    monkeypatch.chdir(tmp_path)
    settings = load_settings({"LEARNLOOP_LANGUAGE": "en"})
    assert settings.bot_token == "xoxb-from-file"
    assert settings.language == "en"  # the environment wins over the file
    assert settings.timezone == "Europe/Paris"
