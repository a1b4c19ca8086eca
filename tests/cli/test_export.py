"""`learnloop export` writes the team's learnings to stdout, logs to stderr, with filters."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import UTC, datetime

from bot.runtime import open_runtime
from bot.settings import parse_settings
from storage.learnings import add_learning
from tests.support.processes import learnloop_env, run_learnloop


def learnloop(*args: str, database_url: str, cwd) -> subprocess.CompletedProcess:
    return run_learnloop(list(args), learnloop_env(None, database_url), cwd)


def _seed(database_url: str) -> None:
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}))
    with runtime.deps.sessions.begin() as session:
        for day, lever, channel, text in [
            (1, "onboarding", "C1", "buddy system works"),
            (10, "retention", "C1", 'exit interviews, "quoted", with a comma'),
            (20, "onboarding", "C2", "un binôme pour chaque arrivée"),
        ]:
            add_learning(
                session,
                team_id="T1",
                text=text,
                lever=lever,
                source="command",
                user_id="U1",
                channel_id=channel,
                now=datetime(2026, 11, day, 9, tzinfo=UTC),
            )
    runtime.engine.dispose()


def test_json_lines_hold_every_field_with_utc_offsets(database_url, tmp_path):
    _seed(database_url)
    result = learnloop("export", "--format", "json", database_url=database_url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["text"] == "buddy system works"
    assert len(rows) == 3
    first = rows[0]
    assert {
        "id",
        "team_id",
        "channel_id",
        "user_id",
        "lever",
        "text",
        "source",
        "created_at",
    } <= set(first)
    assert first["created_at"] == "2026-11-01T09:00:00+00:00"
    assert first["source"] == "command"
    assert "alembic" not in result.stdout


def test_filters_narrow_the_export(database_url, tmp_path):
    _seed(database_url)
    result = learnloop(
        "export",
        "--lever",
        "integration",
        "--since",
        "2026-11-05",
        database_url=database_url,
        cwd=tmp_path,
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["text"] for row in rows] == ["un binôme pour chaque arrivée"]
    by_channel = learnloop("export", "--channel", "C1", database_url=database_url, cwd=tmp_path)
    assert len(by_channel.stdout.splitlines()) == 2


def test_csv_and_markdown(database_url, tmp_path):
    _seed(database_url)
    rows = list(
        csv.DictReader(
            io.StringIO(
                learnloop(
                    "export", "--format", "csv", database_url=database_url, cwd=tmp_path
                ).stdout
            )
        )
    )
    assert rows[1]["text"] == 'exit interviews, "quoted", with a comma'
    markdown = learnloop("export", "--format", "md", database_url=database_url, cwd=tmp_path).stdout
    assert markdown.startswith("# What our team learned")
    assert "## Onboarding newcomers (2)" in markdown
    assert "## Staff retention (1)" in markdown
    assert "**2026-11-20**" in markdown


def test_bad_filters_are_refused_on_one_line(database_url, tmp_path):
    result = learnloop("export", "--since", "yesterday", database_url=database_url, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "learnloop: `yesterday` is not a date: write it as YYYY-MM-DD, for example `2026-09-01`."
    )
    assert result.stdout == ""
    result = learnloop("export", "--format", "xml", database_url=database_url, cwd=tmp_path)
    assert result.returncode == 2 and "csv, md or json" in result.stderr
