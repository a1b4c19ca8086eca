"""Running `learnloop console --script` as a user would, and reading what it stored."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import select

from bot.runtime import open_runtime
from bot.settings import parse_settings
from storage.models import Learning
from tests.support.processes import learnloop_env, run_learnloop


def console(
    script: str, database_url: str, tmp_path: Path, *args: str
) -> subprocess.CompletedProcess:
    """Play a script through the installed command, in tmp_path, with no Slack setting."""
    path = tmp_path / "script.txt"
    path.write_text(script, encoding="utf-8")
    # No SLACK_* variable at all: the console needs no token.
    env = learnloop_env(None, database_url)
    return run_learnloop(["console", "--script", str(path), *args], env, tmp_path)


def learnings(database_url: str) -> list[Learning]:
    """The learnings logged with /learning, oldest first."""
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}), migrate=False)
    try:
        with runtime.deps.sessions() as session:
            query = select(Learning).where(Learning.source == "command").order_by(Learning.id)
            return list(session.scalars(query))
    finally:
        runtime.engine.dispose()
